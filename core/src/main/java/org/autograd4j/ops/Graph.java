package org.autograd4j.ops;

import org.autograd4j.engine.BackwardNode;
import org.autograd4j.engine.DualLevels;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.NextEdge;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.storage.Layout;

/** Recording of backward nodes: whether an op needs one, the edges to its inputs, and view histories. */
public final class Graph {
    private Graph() {
    }

    /**
     * True when the op must record: grad mode is on and {@code a} requires grad, or a dual level is open and
     * {@code a} has a tangent there (forward-mode AD). Outside a dual level the second test is one static read.
     */
    public static boolean needs(TensorImpl a) {
        return (a.requiresGrad() && GradMode.isEnabled()) || (DualLevels.open() != 0 && Dual.has(a));
    }

    /** {@link #needs(TensorImpl)} for either of {@code a} and {@code b}. */
    public static boolean needs(TensorImpl a, TensorImpl b) {
        return ((a.requiresGrad() || b.requiresGrad()) && GradMode.isEnabled())
                || (DualLevels.open() != 0 && (Dual.has(a) || Dual.has(b)));
    }

    /** {@link #needs(TensorImpl)} for any of {@code ts}. */
    public static boolean needs(TensorImpl[] ts) {
        return grads(ts) || (DualLevels.open() != 0 && Dual.any(ts));
    }

    /** True when grad mode is on and any of {@code ts} requires grad: a backward node is recorded. */
    static boolean grads(TensorImpl[] ts) {
        if (!GradMode.isEnabled()) return false;
        for (TensorImpl t : ts) if (t.requiresGrad()) return true;
        return false;
    }

    /**
     * {@code t}'s current history: for a view whose storage was written in place since its history was set,
     * first regenerated as an {@code AsStridedBackward0} of the base's history, as PyTorch does on access.
     * Every reader of a tensor's history outside the engine goes through here.
     */
    public static BackwardNode history(TensorImpl t) {
        if (t.historyStale()) regenerateViewHistory(t);
        return t.gradFn();
    }

    /** The edge a gradient for {@code t} takes, or PyTorch's {@code (None, 0)}. */
    public static NextEdge edge(TensorImpl t) {
        history(t);
        NextEdge e = t.gradientEdge();
        return e == null ? NextEdge.NONE : e;
    }

    /**
     * Records op {@code name} with output {@code out}: a new node with derivative {@code fn} (when grad mode is
     * on and an input requires grad), and {@code out}'s tangent from {@code forward} (when an input has a
     * tangent at the open dual level). Returns the node, or null when none was made. {@code forward} null: the
     * op has no forward formula, and a tangent among its inputs raises PyTorch's not-implemented error.
     */
    static FnNode record(TensorImpl out, String name, FnNode.Backward fn, TensorImpl[] inputs, Dual.Forward forward,
            SavedTensor... saved) {
        FnNode node = null;
        if (grads(inputs)) {
            node = node(name, fn, inputs, saved);
            out.setHistory(node, 0);
        }
        if (DualLevels.open() != 0) Dual.propagate(out, name, forward, inputs);
        return node;
    }

    /**
     * One-input form of {@link #record(TensorImpl, String, FnNode.Backward, TensorImpl[], Dual.Forward, SavedTensor...)}:
     * the same steps, with an array of inputs made only for forward mode.
     */
    static FnNode record(TensorImpl out, String name, FnNode.Backward fn, TensorImpl input, Dual.Forward forward,
            SavedTensor... saved) {
        FnNode node = null;
        if (GradMode.isEnabled() && input.requiresGrad()) {
            node = new FnNode(name, fn, input, saved);
            out.setHistory(node, 0);
        }
        if (DualLevels.open() != 0) Dual.propagate(out, name, forward, new TensorImpl[] {input});
        return node;
    }

    /** An op without a forward-mode formula (PyTorch's error if an input has a tangent). */
    static FnNode record(TensorImpl out, String name, FnNode.Backward fn, TensorImpl[] inputs, SavedTensor... saved) {
        return record(out, name, fn, inputs, (Dual.Forward) null, saved);
    }

    /** One-input form of {@link #record(TensorImpl, String, FnNode.Backward, TensorImpl[], SavedTensor...)}. */
    static FnNode record(TensorImpl out, String name, FnNode.Backward fn, TensorImpl input, SavedTensor... saved) {
        return record(out, name, fn, input, (Dual.Forward) null, saved);
    }

    /** A new node whose inputs are {@code inputs}, not yet attached to an output (in-place ops attach it later). */
    static FnNode node(String name, FnNode.Backward fn, TensorImpl[] inputs, SavedTensor... saved) {
        return new FnNode(name, fn, inputs, saved);
    }

    /** Makes view {@code self} an {@code AsStridedBackward0} of its base's current history. */
    static void regenerateViewHistory(TensorImpl self) {
        TensorImpl base = self.base();
        Layout geometry = geometryInBase(self);
        int[] baseShape = base.shape();
        self.setHistory(node("AsStridedBackward0", (g, n) -> new TensorImpl[] {Shapes.asStridedScatter(g, baseShape, geometry)},
                new TensorImpl[] {base}), 0);
    }

    /** A view's layout relative to its base's first element. */
    static Layout geometryInBase(TensorImpl view) {
        Layout vl = view.layout();
        return new Layout(vl.shape(), vl.strides(), vl.offset() - view.base().layout().offset());
    }
}
