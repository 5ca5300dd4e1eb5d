package org.autograd4j.ops;

import java.util.List;
import java.util.function.Function;
import org.autograd4j.engine.DualLevels;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.storage.Sizes;

/**
 * Forward-mode AD ({@code torch.autograd.forward_ad}) over the ops: each op declares its tangent formula beside
 * its derivative ({@link Graph#record}), as {@code derivatives.yaml}'s {@code result:} lines do. Element-wise
 * table rows are {@code auto_element_wise} (the derivative applied to the tangent), linear ops
 * {@code auto_linear} (the op applied to the tangents), the rest have a formula of their own. Formulas run in
 * tensor ops with grad mode as it is (so forward-over-reverse records a graph) and see primal values only:
 * while one runs, the ops it calls propagate no tangent (PyTorch's formulas read {@code self_p}).
 */
public final class Dual {
    private Dual() {
    }

    /**
     * A tangent formula: the output's tangent from the inputs' tangents, in argument order, null where an input
     * has none (a zero tangent). At least one is non-null. The result may broadcast to the output's shape; a null
     * result leaves the output without tangent, as PyTorch's formulas that return an undefined tensor do.
     */
    @FunctionalInterface
    public interface Forward {
        /** The output's tangent. */
        TensorImpl tangent(TensorImpl[] t);
    }

    /** True when {@code t} has a tangent at the open level (and no tangent is being computed on this thread). */
    static boolean has(TensorImpl t) {
        int l = DualLevels.current();
        return l != 0 && t.tangent(l) != null;
    }

    /** True when any of {@code ts} has a tangent at the open level. */
    static boolean any(TensorImpl[] ts) {
        int l = DualLevels.current();
        if (l == 0) return false;
        for (TensorImpl t : ts) if (t.tangent(l) != null) return true;
        return false;
    }

    /** {@code t}, or zeros of {@code like}'s shape and dtype where {@code t} is null (an input without tangent). */
    static TensorImpl orZeros(TensorImpl t, TensorImpl like) {
        return t != null ? t : Creation.full(like.shape(), 0, like.dtype());
    }

    /** {@code a + b} where either may be null (a zero term). */
    static TensorImpl plus(TensorImpl a, TensorImpl b) {
        return a == null ? b : b == null ? a : TensorMath.add(a, b);
    }

    /** Sets {@code out}'s tangent from {@code forward} when an input has one at the open level. */
    static void propagate(TensorImpl out, String name, Forward forward, TensorImpl[] inputs) {
        int level = DualLevels.current();
        if (level == 0) return;
        TensorImpl[] ts = null;
        for (int i = 0; i < inputs.length; i++) {
            TensorImpl t = inputs[i].tangent(level);
            if (t == null) continue;
            if (ts == null) ts = new TensorImpl[inputs.length];
            ts[i] = t;
        }
        if (ts == null) return;
        if (forward == null) throw new UnsupportedOperationException(notImplementedAnywhere(opName(name)));
        if (!out.dtype().isFloatingPoint()) return;
        TensorImpl t = compute(forward, ts, out);
        if (t != null) out.setTangent(level, t);
    }

    /**
     * The tangents of an op with several outputs that are all cut from one input (split, chunk, unbind:
     * {@code auto_linear}): each output's tangent is the same piece of the input's tangent, {@code cut} applied
     * to it as to the input.
     */
    static void propagatePieces(TensorImpl x, List<TensorImpl> outs, Function<TensorImpl, List<TensorImpl>> cut) {
        int level = DualLevels.current();
        if (level == 0 || !x.dtype().isFloatingPoint()) return;
        TensorImpl t = x.tangent(level);
        if (t == null) return;
        int prev = DualLevels.beginTangent();
        try {
            List<TensorImpl> ts = cut.apply(t);
            for (int i = 0; i < outs.size(); i++) outs.get(i).setTangent(level, ts.get(i));
        } finally {
            DualLevels.endTangent(prev);
        }
    }

    /**
     * Runs {@code forward} on primal values only, and brings its result to {@code out}'s shape and dtype; null
     * when the formula gives none (PyTorch's undefined tangent: the output gets no tangent).
     */
    static TensorImpl compute(Forward forward, TensorImpl[] ts, TensorImpl out) {
        int prev = DualLevels.beginTangent();
        try {
            TensorImpl t = forward.tangent(ts);
            if (t == null) return null;
            if (!java.util.Arrays.equals(t.shape(), out.shape())) t = Shapes.expand(t, Sizes.toLongs(out.shape()));
            if (t.dtype() != out.dtype()) t = Pointwise.to(t, out.dtype());
            return t;
        } finally {
            DualLevels.endTangent(prev);
        }
    }

    /**
     * PyTorch 1.13's error for an op without a forward-mode formula, as its generated code raises it for an op
     * whose derivatives.yaml entry has no formula (in-place forms such as {@code asinh_}).
     */
    public static String notImplemented(String op) {
        return "Trying to use forward AD with " + op + " that does not support it because it has not been implemented yet.\n"
                + "Please file an issue to PyTorch at https://github.com/pytorch/pytorch/issues/new?template=feature-request.yml "
                + "so that we can prioritize its implementation.";
    }

    /**
     * The same error as PyTorch raises it for an op that has no derivatives.yaml forward formula at all (its
     * fallback also mentions TorchScript), e.g. {@code multi_margin_loss}.
     */
    public static String notImplementedAnywhere(String op) {
        return notImplemented(op) + "\n"
                + "Note that forward AD support for some operators require PyTorch to be built with TorchScript and for JIT to be "
                + "enabled. If the environment var PYTORCH_JIT=0 is set or if the library is not built with TorchScript, some "
                + "operators may no longer be used with forward AD.";
    }

    /** The ATen op name behind a node name: {@code IndexAddBackward0} → {@code index_add}. */
    static String opName(String node) {
        String n = node.substring(node.lastIndexOf(':') + 1).replaceAll("Backwards?\\d*$", "");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isUpperCase(c) && i > 0) b.append('_');
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ make_dual / unpack_dual

    /**
     * {@code fwAD.make_dual(primal, tangent)}: a view of {@code primal} ({@code ViewBackward0} when it requires
     * grad) whose tangent at the open level is {@code tangent}; PyTorch's errors in PyTorch's order.
     */
    public static TensorImpl makeDual(TensorImpl primal, TensorImpl tangent) {
        int level = DualLevels.open();
        if (level == 0) {
            throw new IllegalStateException("Trying to create a dual Tensor for forward AD but no level exists, make sure to "
                    + "enter_dual_level() first.");
        }
        if (!primal.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Expected primal to be floating point or complex, but got: " + primal.dtype());
        }
        if (!tangent.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Expected tangent to be floating point or complex, but got: " + tangent.dtype());
        }
        if (primal.tangent(level) != null) {
            throw new IllegalStateException("Making a dual Tensor based on a Tensor that already has a forward gradient at the same "
                    + "level " + DualLevels.index() + " is not supported.");
        }
        if (!java.util.Arrays.equals(primal.shape(), tangent.shape())) {
            throw new IllegalArgumentException("Trying to set a forward gradient that has a different size than that of the original "
                    + "Tensor, this is not supported. Tensor is of size " + Sizes.list(primal.shape())
                    + " while the given forward gradient is of size " + Sizes.list(tangent.shape()) + ".");
        }
        int prev = DualLevels.beginTangent();
        TensorImpl d;
        try {
            d = Shapes.view(primal, Sizes.toLongs(primal.shape()));
        } finally {
            DualLevels.endTangent(prev);
        }
        // PyTorch keeps the tangent as given when its strides are the primal's, else stores a copy laid out like the
        // primal (here: for a contiguous primal; otherwise the tangent is kept as given, the same values)
        TensorImpl t = tangent;
        if (!java.util.Arrays.equals(t.layout().strides(), primal.layout().strides()) && primal.layout().isContiguous()) {
            t = Shapes.cloneRaw(tangent);
        }
        d.setTangent(level, t);
        return d;
    }

    /** {@code fwAD.unpack_dual(t).primal}: a view of {@code t} without tangent (node {@code Identity} when recorded). */
    public static TensorImpl primal(TensorImpl t) {
        int level = DualLevels.open();
        if (level == 0 || t.tangent(level) == null) return t;
        TensorImpl p = t.view(t.layout());
        if (GradMode.isEnabled() && t.requiresGrad()) {
            int prev = DualLevels.beginTangent();
            try {
                Graph.record(p, "torch::autograd::Identity", (g, n) -> new TensorImpl[] {g}, t);
            } finally {
                DualLevels.endTangent(prev);
            }
        }
        return p;
    }

    /** {@code fwAD.unpack_dual(t).tangent}: the tangent at the open level, or null. */
    public static TensorImpl tangent(TensorImpl t) {
        int level = DualLevels.open();
        return level == 0 ? null : t.tangent(level);
    }
}
