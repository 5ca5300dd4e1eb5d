package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;

import java.util.function.BinaryOperator;
import org.autograd4j.DType;
import org.autograd4j.Node;
import org.autograd4j.Tensor;
import org.autograd4j.autograd.GradMode;
import org.autograd4j.kernels.BinaryOp;
import org.autograd4j.storage.Layout;

/**
 * In-place ops. Every check runs before anything is written. When the graph is recorded, the op is applied
 * out of place to a snapshot that carries this tensor's history, and the tensor then takes over the new
 * node, so saved values stay valid (PyTorch rebases the history the same way). The version counter is
 * bumped, so saved references to the old value fail with PyTorch's message.
 */
public final class InPlace {
    private InPlace() {
    }

    /** PyTorch's checks before writing into {@code self}: no self-overlapping layout; no leaf that requires grad. */
    static void checkWritable(Tensor self) {
        checkNoInternalOverlap(self.layout());
        if (!GradMode.isEnabled()) return;
        if (self.isLeaf() && self.requiresGrad()) {
            throw new IllegalStateException("a leaf Variable that requires grad is being used in an in-place operation.");
        }
        Tensor base = self.base();
        if (base != null && base.isLeaf() && base.requiresGrad()) {
            throw new IllegalStateException("a view of a leaf Variable that requires grad is being used in an in-place operation.");
        }
    }

    /** An expanded (stride-0) layout cannot be written: several elements share one memory location. */
    static void checkNoInternalOverlap(Layout l) {
        for (int d = 0; d < l.dim(); d++) {
            if (l.size(d) > 1 && l.strides()[d] == 0) {
                throw new IllegalArgumentException("unsupported operation: more than one element of the written-to tensor "
                        + "refers to a single memory location. Please clone() the tensor before performing the operation.");
            }
        }
    }

    /** Before a recorded write into a view: CopySlices needs the base laid out densely (it always is unless made by hand). */
    static void checkRebasable(Tensor self) {
        Tensor base = self.base();
        if (base != null && !base.layout().isContiguous()) {
            throw new UnsupportedOperationException("autograd4j: recording an in-place operation on a view needs a contiguous "
                    + "base tensor; use the out-of-place op");
        }
    }

    /**
     * Gives {@code self}, just overwritten in place, the history of {@code fn} (whose input 0 stands for self's
     * old value). A view's base is rebased too, through {@link CopySlices}, and the view becomes an
     * {@code AsStridedBackward0} of it, as PyTorch does; other views taken earlier keep their old history.
     */
    static void rebase(Tensor self, Node fn) {
        Tensor base = self.base();
        if (base == null) {
            self.setHistory(fn, 0);
            return;
        }
        Layout vl = self.layout();
        Layout geometry = new Layout(vl.shape(), vl.strides(), vl.offset() - base.layout().offset());
        CopySlices cs = new CopySlices(Graph.edge(base), base.dtype(), fn, geometry);
        base.setHistory(cs, 0);
        regenerateViewHistory(self);
    }

    /** Makes view {@code self} an {@code AsStridedBackward0} of its base's current history. */
    public static void regenerateViewHistory(Tensor self) {
        Tensor base = self.base();
        Layout vl = self.layout();
        Layout geometry = new Layout(vl.shape(), vl.strides(), vl.offset() - base.layout().offset());
        int[] baseShape = base.layout().shape();
        self.setHistory(Graph.node("AsStridedBackward0",
                (g, n) -> new Tensor[] {Shapes.asStridedScatter(g, baseShape, geometry)}, new Tensor[] {base}), 0);
    }

    /** An in-place result has self's shape: {@code other} must broadcast to it (PyTorch's message otherwise). */
    static void checkBroadcastsTo(Tensor self, Tensor other) {
        int[] shape = self.layout().shape();
        int[] b = Ops.broadcast(shape, other.layout().shape());
        if (!java.util.Arrays.equals(b, shape)) {
            throw new IllegalArgumentException("output with shape " + Ops.sizeList(shape) + " doesn't match the broadcast shape "
                    + Ops.sizeList(b));
        }
    }

    private static int category(DType d) {
        return d.isFloatingPoint() ? 2 : d == DType.BOOL ? 0 : 1;
    }

    /**
     * {@code self = op(self, other)} in place. The out-of-place op computes the result (and its promotion);
     * nothing is written until that result's dtype is known to fit self's.
     */
    public static Tensor apply(Tensor self, Tensor other, BinaryOperator<Tensor> op) {
        checkWritable(self);
        checkBroadcastsTo(self, other);
        boolean record = GradMode.isEnabled() && (self.requiresGrad() || other.requiresGrad());
        if (record) checkRebasable(self);
        Tensor result;
        if (record) {
            result = op.apply(snapshot(self), other);
        } else {
            boolean prev = GradMode.set(false);
            try {
                result = op.apply(self, other);
            } finally {
                GradMode.set(prev);
            }
        }
        if (category(result.dtype()) > category(self.dtype())) {
            throw new IllegalArgumentException("result type " + Ops.scalarTypeName(result.dtype())
                    + " can't be cast to the desired output type " + Ops.scalarTypeName(self.dtype()));
        }
        K.copy(result.storage(), result.layout(), self.storage(), self.layout());
        self.bumpVersion();
        if (record) rebase(self, result.gradFn());
        return self;
    }

    /**
     * A tensor with self's history over self's storage: stands for self's old value in a node whose derivative
     * never reads that value (fill, copy, random fills), so no copy is made.
     */
    static Tensor standIn(Tensor self) {
        Tensor t = Tensor.wrap(self.storage(), self.layout());
        if (self.gradFn() != null) t.setHistory(self.gradFn(), self.outputNr());
        return t;
    }

    /** A copy of self's current values that stands in self's place in the graph. */
    private static Tensor snapshot(Tensor self) {
        Tensor copy = Shapes.cloneNoGraph(self);
        if (self.gradFn() != null) copy.setHistory(self.gradFn(), self.outputNr());
        return copy;
    }

    /** {@code self += g} without checks or graph: the engine's gradient accumulation. */
    public static void addNoGraph(Tensor self, Tensor g) {
        Tensor gc = Ops.convert(g, self.dtype());
        K.binary(BinaryOp.ADD, self.storage(), self.layout(), gc.storage(), gc.layout().broadcastTo(self.layout().shape()),
                self.storage(), self.layout());
        self.bumpVersion();
    }

    /** Copies src (broadcast, converted) into self. Derivative: g to src (summed to its shape), nothing to old self. */
    public static Tensor copy(Tensor self, Tensor src) {
        checkWritable(self);
        checkBroadcastsTo(self, src);
        int[] shape = self.layout().shape();
        boolean record = GradMode.isEnabled() && (self.requiresGrad() || src.requiresGrad());
        if (record) checkRebasable(self);
        Tensor old = record ? standIn(self) : null;
        Tensor s = Ops.convert(src, self.dtype());
        Tensor tmp = Shapes.cloneNoGraph(s.viewOf(s.layout().broadcastTo(shape)));
        K.copy(tmp.storage(), tmp.layout(), self.storage(), self.layout());
        self.bumpVersion();
        if (record) {
            int[] ss = src.layout().shape();
            rebase(self, Graph.node("CopyBackwards", (g, n) -> new Tensor[] {
                n.needs(0) ? g.mul(0.0) : null, n.needs(1) ? Reductions.sumTo(g, ss) : null}, new Tensor[] {old, src}));
        }
        return self;
    }

    /** Sets every element to v. Derivative: zero to the old value ({@code FillBackward0}). */
    public static Tensor fill(Tensor self, double v) {
        checkWritable(self);
        boolean record = GradMode.isEnabled() && self.requiresGrad();
        if (record) checkRebasable(self);
        Tensor old = record ? standIn(self) : null;
        K.fill(self.storage(), self.layout(), v);
        self.bumpVersion();
        if (record) {
            rebase(self, Graph.node(v == 0 ? "ZeroBackward0" : "FillBackward0", (g, n) -> new Tensor[] {g.mul(0.0)},
                    new Tensor[] {old}));
        }
        return self;
    }
}
