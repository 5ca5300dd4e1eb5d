package org.autograd4j.engine;

import org.autograd4j.storage.Sizes;

/**
 * A tensor saved by a forward op for its backward, with the version it had when saved (PyTorch's
 * {@code SavedVariable}). Unpacking checks that the tensor was not modified in place since, and that the
 * graph was not already freed by an earlier backward pass, and fails with PyTorch's messages otherwise.
 */
public final class SavedTensor {
    private static final String FREED = "Trying to backward through the graph a second time (or directly access saved tensors "
            + "after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() "
            + "or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you "
            + "need to access saved tensors after calling backward.";

    /**
     * Saved-tensor hooks ({@code torch.autograd.graph.saved_tensors_hooks}): {@code pack} runs when a tensor is
     * saved and its result is kept instead of the tensor; {@code unpack} turns it back into a tensor each time
     * the backward reads it.
     *
     * @param pack   what to keep for a saved tensor
     * @param unpack the tensor back from what {@code pack} returned
     */
    public record Hooks(java.util.function.Function<TensorImpl, Object> pack, java.util.function.Function<Object, TensorImpl> unpack) {
    }

    /** The saved-tensor hooks in force on this thread, innermost last (only the innermost applies, as PyTorch's). */
    private static final ThreadLocal<java.util.ArrayDeque<Hooks>> HOOKS = ThreadLocal.withInitial(java.util.ArrayDeque::new);
    /** Threads with a hooks scope open, so saving on the others costs no ThreadLocal lookup. */
    private static final java.util.concurrent.atomic.AtomicInteger OPEN = new java.util.concurrent.atomic.AtomicInteger();

    /** Opens a scope of saved-tensor hooks on this thread; close it with {@link #popHooks()}. */
    public static void pushHooks(Hooks h) {
        HOOKS.get().addLast(h);
        OPEN.incrementAndGet();
    }

    /** Closes the innermost scope {@link #pushHooks(Hooks)} opened on this thread. */
    public static void popHooks() {
        HOOKS.get().removeLast();
        OPEN.decrementAndGet();
    }

    private static Hooks current() {
        return OPEN.get() == 0 ? null : HOOKS.get().peekLast();
    }

    private static final String INFERENCE = "Inference tensors cannot be saved for backward. To work around you can make a clone "
            + "to get a normal tensor and use it in autograd.";

    private TensorImpl tensor;
    private final int version;
    private final boolean isOutput;
    private String producer;
    /** With saved-tensor hooks: the hooks and what pack returned (then {@link #tensor} is null). */
    private Hooks hooks;
    private Object packed;

    private SavedTensor(TensorImpl tensor, boolean isOutput) {
        if (tensor.isInference() && !GradMode.isInference()) throw new IllegalStateException(INFERENCE);
        this.version = tensor.version();
        this.isOutput = isOutput;
        Hooks h = current();
        if (h == null) {
            this.tensor = tensor;
        } else {
            this.hooks = h;
            this.packed = h.pack().apply(tensor);
        }
    }

    /** Saves an input of the op. */
    public static SavedTensor input(TensorImpl t) {
        return new SavedTensor(t, false);
    }

    /** Saves the op's own output (error messages then name the op that produced it). */
    public static SavedTensor output(TensorImpl t) {
        return new SavedTensor(t, true);
    }

    /** Records the name of the node that owns this saved output. */
    public void setProducer(String name) {
        this.producer = name;
    }

    /** The saved tensor, after checking it is still valid. */
    public TensorImpl get() {
        Hooks h = hooks;
        // as PyTorch: no version check through hooks (what they keep need not be the tensor)
        if (h != null) return h.unpack().apply(packed);
        TensorImpl t = tensor;
        if (t == null || t.version() != version) throw invalid(t);
        return t;
    }

    /** Why {@link #get()} fails: freed by an earlier backward, or modified in place since it was saved. */
    private IllegalStateException invalid(TensorImpl t) {
        if (t == null) return new IllegalStateException(FREED);
        String who = isOutput ? producer : (t.gradFn() == null ? null : t.gradFn().qualifiedName());
        return new IllegalStateException("one of the variables needed for gradient computation has been modified by an inplace "
                + "operation: [torch." + t.dtype().scalarTypeName() + "Tensor " + Sizes.list(t.shape()) + "]"
                + (who == null ? "" : ", which is output " + t.outputNr() + " of " + who + ",")
                + " is at version " + t.version() + "; expected version " + version + " instead. Hint: enable anomaly "
                + "detection to find the operation that failed to compute its gradient, with "
                + "torch.autograd.set_detect_anomaly(True).");
    }

    /** True when saved-tensor hooks hold this tensor: unpacking it runs user code. */
    public boolean hooked() {
        return hooks != null;
    }

    /** The saved tensor without the checks, or null once released: for drawing the graph, never for computing. */
    public TensorImpl peek() {
        return tensor;
    }

    /** Drops the reference; a later {@link #get()} fails with PyTorch's "backward through the graph a second time". */
    public void release() {
        tensor = null;
        hooks = null;
        packed = null;
    }

}
