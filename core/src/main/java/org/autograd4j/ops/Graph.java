package org.autograd4j.ops;

import org.autograd4j.engine.BackwardNode;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.NextEdge;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.storage.Layout;

/** Recording of backward nodes: whether an op needs one, the edges to its inputs, and view histories. */
public final class Graph {
    private Graph() {
    }

    /** True when grad mode is on and {@code a} requires grad. */
    public static boolean needs(TensorImpl a) {
        return a.requiresGrad() && GradMode.isEnabled();
    }

    /** True when grad mode is on and {@code a} or {@code b} requires grad. */
    public static boolean needs(TensorImpl a, TensorImpl b) {
        return (a.requiresGrad() || b.requiresGrad()) && GradMode.isEnabled();
    }

    /** True when grad mode is on and any of {@code ts} requires grad. */
    public static boolean needs(TensorImpl[] ts) {
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

    /** Makes {@code out} the output 0 of a new node. */
    static FnNode record(TensorImpl out, String name, FnNode.Backward fn, TensorImpl[] inputs, SavedTensor... saved) {
        FnNode node = node(name, fn, inputs, saved);
        out.setHistory(node, 0);
        return node;
    }

    /** One-input form of {@link #record(TensorImpl, String, FnNode.Backward, TensorImpl[], SavedTensor...)}. */
    static FnNode record(TensorImpl out, String name, FnNode.Backward fn, TensorImpl input, SavedTensor... saved) {
        return record(out, name, fn, new TensorImpl[] {input}, saved);
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
