package org.autograd4j;

import java.security.CodeSource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PyTorch's {@code UserWarning}s, printed as Python's default warning filter prints them: one line
 * {@code File.java:42: UserWarning: message} on stderr, naming the first caller outside this library, once per
 * call site and message ({@code warnOnce}: once per run, as PyTorch's {@code TORCH_WARN_ONCE}). Off with
 * {@link Torch#setWarnings}{@code (false)} or {@code -Dautograd4j.warnings=false}.
 */
final class PyWarnings {
    private PyWarnings() {
    }

    /** {@code tensor.grad} read on a non-leaf (PyTorch's {@code TensorBody.h} warning). */
    static final String NON_LEAF_GRAD = "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad "
            + "attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for "
            + "a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make "
            + "sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more informations.";

    /** {@code tensor.T} on a tensor of neither 0 nor 2 dims (PyTorch's {@code TORCH_WARN_ONCE} in {@code numpy_T}). */
    static final String T_NOT_2D = "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and it "
            + "will throw an error in a future release. Consider `x.mT` to transpose batches of matrices or "
            + "`x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor.";

    private static volatile boolean enabled = !"false".equalsIgnoreCase(System.getProperty("autograd4j.warnings"));
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    private static final CodeSource LIBRARY = PyWarnings.class.getProtectionDomain().getCodeSource();
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    static void setEnabled(boolean on) {
        enabled = on;
    }

    static boolean isEnabled() {
        return enabled;
    }

    /** Prints {@code message} once per caller line (Python's "default" action). */
    static void warn(String message) {
        if (!enabled) return;
        String where = callSite();
        if (SEEN.add(where + '\n' + message)) emit(where, message);
    }

    /** Prints {@code message} once per run, at the first caller that triggers it (PyTorch's {@code TORCH_WARN_ONCE}). */
    static void warnOnce(String message) {
        if (!enabled) return;
        if (SEEN.add("once\n" + message)) emit(callSite(), message);
    }

    private static void emit(String where, String message) {
        System.err.println(where + ": UserWarning: " + message);
    }

    /** {@code File.java:line} of the first frame whose class is not this library's (same code source). */
    static String callSite() {
        Optional<StackWalker.StackFrame> f = WALKER.walk(s -> s.filter(fr -> !library(fr.getDeclaringClass())).findFirst());
        return f.map(fr -> (fr.getFileName() == null ? fr.getClassName() : fr.getFileName()) + ":" + fr.getLineNumber())
                .orElse("<unknown>:0");
    }

    private static boolean library(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        return LIBRARY != null && cs != null ? LIBRARY.getLocation().equals(cs.getLocation()) : c.getName().startsWith("org.autograd4j.")
                && !c.getName().startsWith("org.autograd4j.examples.");
    }
}
