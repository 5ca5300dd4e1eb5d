package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;
import static org.autograd4j.ops.TensorMath.*;

import java.util.function.UnaryOperator;
import org.autograd4j.engine.BackwardNode;
import org.autograd4j.engine.DualLevels;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.kernels.BinaryOp;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Sizes;

/**
 * The one in-place path. Every in-place op (binary, unary, fills, copies, random fills) goes through
 * {@link #write}: PyTorch's checks run before anything is written; the new values are computed; the version
 * counter is bumped, so saved references to the old value fail with PyTorch's message; and when the graph
 * is recorded, self (and, for a view, its base through {@link CopySlices}) takes over the op's node, whose
 * input 0 stands for self's old value, as PyTorch rebases a history.
 */
public final class InPlace {
    private InPlace() {
    }

    /**
     * The write of an in-place op: given {@code old}, which stands for self's value before the write (with
     * self's history), writes self's new values and returns the node self's history becomes (null when
     * nothing is recorded). Out-of-place bodies are built by {@link #apply}; fills, copies and random fills
     * write self directly and build their node with {@link #node}.
     */
    @FunctionalInterface
    public interface Body {
        /** Writes self; returns its new node or null. */
        BackwardNode run(TensorImpl old);
    }

    /**
     * {@code self = op(self, other)} where {@code op} is out of place: the result (and its promotion) is
     * computed from a snapshot of self and copied in once its dtype is known to fit. {@code other} may be
     * null (unary ops).
     */
    public static TensorImpl apply(TensorImpl self, TensorImpl other, UnaryOperator<TensorImpl> op) {
        if (other != null) checkBroadcastsTo(self, other);
        TensorImpl[] tangent = new TensorImpl[1];
        boolean dual = dual(self, other);
        write(self, other, true, old -> {
            TensorImpl result = op.apply(old);
            if (old.gradFn() != null) savedAsClone(old);
            if (Promotion.category(result.dtype()) > Promotion.category(self.dtype())) {
                throw new IllegalArgumentException("result type " + result.dtype().scalarTypeName()
                        + " can't be cast to the desired output type " + self.dtype().scalarTypeName());
            }
            K.copy(result.storage(), result.layout(), self.storage(), self.layout());
            if (dual) tangent[0] = Dual.tangent(result);
            return result.gradFn();
        });
        if (dual) setTangent(self, tangent[0]);
        return self;
    }

    /** True when a dual level is open and self or other has a tangent there: self's tangent changes too. */
    static boolean dual(TensorImpl self, TensorImpl other) {
        return DualLevels.open() != 0 && (Dual.has(self) || (other != null && Dual.has(other)));
    }

    /**
     * Self's new tangent after an in-place write ({@code null}: zeros). For a view of a dense base, the base's
     * tangent is written at the view's place and the view's tangent is that part of it, as PyTorch keeps a view's
     * tangent a view of its base's.
     */
    static void setTangent(TensorImpl self, TensorImpl t) {
        int level = DualLevels.current();
        if (level == 0) return;
        TensorImpl tc = t == null ? Creation.full(self.shape(), 0, self.dtype()) : Ops.convert(t, self.dtype());
        // a broadcast source (copy_) gives self's shape, in memory of its own
        if (!java.util.Arrays.equals(tc.shape(), self.shape())) {
            tc = Shapes.cloneRaw(tc.view(tc.layout().broadcastTo(self.shape())));
        }
        TensorImpl base = self.base();
        TensorImpl old = base == null ? null : base.tangent(level);
        // a view with a tangent of its own over a base without one is (a view of) a make_dual result, whose
        // tangent PyTorch does not write into the base
        boolean ownTangent = old == null && self.tangent(level) != null;
        if (base == null || !base.layout().isContiguous() || ownTangent) {
            self.setTangent(level, tc);
            return;
        }
        TensorImpl bt = old == null ? Creation.full(base.shape(), 0, base.dtype()) : Shapes.cloneRaw(Ops.convert(old, base.dtype()));
        Layout g = Graph.geometryInBase(self);
        TensorImpl part = bt.view(new Layout(g.shape(), g.strides(), bt.layout().offset() + g.offset()));
        K.copy(tc.storage(), tc.layout().broadcastTo(part.shape()), part.storage(), part.layout());
        base.setTangent(level, bt);
        self.setTangent(level, part);
    }

    /**
     * True when an elementwise in-place op on self may write its result straight into self's storage: nothing
     * is recorded (grad mode off, or neither operand requires grad), and {@code other} (null for unary ops) is a
     * Java scalar or lives in another storage, so no element is read after it was overwritten. The caller
     * checks that the result dtype is self's and runs PyTorch's checks in PyTorch's order ({@link #checkDirect}).
     */
    static boolean direct(TensorImpl self, TensorImpl other) {
        if (GradMode.isEnabled() && (self.requiresGrad() || (other != null && other.requiresGrad()))) return false;
        if (dual(self, other)) return false;
        return other == null || other.isWrappedNumber() || other.storage() != self.storage();
    }

    /** The checks {@link #apply} and {@link #write} run before a direct write, in the same order. */
    static void checkDirect(TensorImpl self, TensorImpl other) {
        if (other != null) checkBroadcastsTo(self, other);
        checkWritable(self);
    }

    /** Bumps self's version after a direct write, as {@link #write} does. */
    static TensorImpl wrote(TensorImpl self) {
        self.bumpVersion();
        return self;
    }

    /**
     * The protocol every in-place op follows. {@code readsOld}: whether the op's derivative reads self's old
     * values (then {@code old} is a snapshot copy; otherwise it shares self's storage and is never read).
     */
    public static TensorImpl write(TensorImpl self, TensorImpl other, boolean readsOld, Body body) {
        checkWritable(self);
        boolean record = GradMode.isEnabled() && (self.requiresGrad() || (other != null && other.requiresGrad()));
        if (record) checkRebasable(self);
        if (record && self.customFunctionView() != null) throw customViewWrite(self.customFunctionView());
        BackwardNode node;
        if (record) {
            node = body.run(readsOld ? snapshot(self) : standIn(self));
        } else {
            boolean prev = GradMode.set(false);
            try {
                node = body.run(self);
            } finally {
                GradMode.set(prev);
            }
        }
        self.bumpVersion();
        if (record) rebase(self, node);
        return self;
    }

    /** PyTorch's error for writing in place a view a custom Function returned ({@code handle_view_on_rebase}). */
    static IllegalStateException customViewWrite(String which) {
        return new IllegalStateException(which + " is a view and is being modified inplace. This view was created inside a custom "
                + "Function (or because an input was returned as-is) and the autograd logic to handle view+inplace would override "
                + "the custom backward associated with the custom Function, leading to incorrect gradients. This behavior is "
                + "forbidden. You can fix this by cloning the output of the custom Function.");
    }

    /** For bodies that write self directly: the node {@code name} over {@code inputs} when recording, else null. */
    static BackwardNode node(String name, FnNode.Backward fn, TensorImpl... inputs) {
        return Graph.grads(inputs) ? Graph.node(name, fn, inputs) : null;
    }

    /** PyTorch's checks before writing into {@code self}: no self-overlapping layout; no leaf that requires grad. */
    static void checkWritable(TensorImpl self) {
        if (self.isInference() && !GradMode.isInference()) {
            throw new IllegalStateException("Inplace update to inference tensor outside InferenceMode is not allowed.You can make a "
                    + "clone to get a normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for more details.");
        }
        checkNoInternalOverlap(self.layout());
        if (!GradMode.isEnabled()) return;
        if (self.isLeaf() && self.requiresGrad()) {
            throw new IllegalStateException("a leaf Variable that requires grad is being used in an in-place operation.");
        }
        TensorImpl base = self.base();
        if (base != null && base.isLeaf() && base.requiresGrad()) {
            throw new IllegalStateException("a view of a leaf Variable that requires grad is being used in an in-place operation.");
        }
        if (base != null && self.requiresGrad() && self.gradFn() instanceof Rearrange.MultiNode m) {
            throw new IllegalStateException("Output " + self.outputNr() + " of " + m.name() + " is a view and is being modified "
                    + "inplace. This view is the output of a function that returns multiple views. Such functions do not allow the "
                    + "output views to be modified inplace. You should replace the inplace operation by an out-of-place one.");
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
    private static void checkRebasable(TensorImpl self) {
        TensorImpl base = self.base();
        if (base != null && !base.layout().isContiguous()) {
            throw new UnsupportedOperationException("autograd4j: recording an in-place operation on a view needs a contiguous "
                    + "base tensor; use the out-of-place op");
        }
    }

    /** An in-place result has self's shape: {@code other} must broadcast to it (PyTorch's message otherwise). */
    static void checkBroadcastsTo(TensorImpl self, TensorImpl other) {
        int[] shape = self.shape();
        int[] b = Ops.broadcast(shape, other.shape());
        if (!java.util.Arrays.equals(b, shape)) {
            throw new IllegalArgumentException("output with shape " + Sizes.list(shape) + " doesn't match the broadcast shape "
                    + Sizes.list(b));
        }
    }

    /**
     * Gives {@code self}, just overwritten in place, the history {@code fn}. A view's base is rebased too,
     * through {@link CopySlices}, and the view becomes an {@code AsStridedBackward0} of it, as PyTorch does;
     * other views taken earlier keep their old history until they are next used.
     */
    private static void rebase(TensorImpl self, BackwardNode fn) {
        TensorImpl base = self.base();
        if (base == null) {
            self.setHistory(fn, 0);
            return;
        }
        base.setHistory(new CopySlices(Graph.edge(base), base.dtype(), fn, Graph.geometryInBase(self)), 0);
        Graph.regenerateViewHistory(self);
    }

    /**
     * PyTorch's in-place ops save {@code self.clone()} where their derivative reads self's old value: once the op's
     * node has taken its edges from the snapshot, the snapshot (now reached only through what the node saved) gets a
     * {@code CloneBackward0} over its old history, so a double backward runs through the same clone. Values do not
     * change: the clone passes its gradient through.
     */
    private static void savedAsClone(TensorImpl old) {
        TensorImpl prev = old.alias();
        prev.setHistory(old.gradFn(), old.outputNr());
        old.setHistory(Graph.node("CloneBackward0", (g, n) -> new TensorImpl[] {g}, new TensorImpl[] {prev}), 0);
    }

    /** A tensor with self's history over self's storage: stands for self's old value where it is never read. */
    private static TensorImpl standIn(TensorImpl self) {
        TensorImpl t = self.alias();
        if (Graph.history(self) != null) t.setHistory(self.gradFn(), self.outputNr());
        else if (self.requiresGrad()) t.setRequiresGrad(true);
        carryTangent(self, t);
        return t;
    }

    /** A copy of self's current values that stands in self's place in the graph. */
    private static TensorImpl snapshot(TensorImpl self) {
        TensorImpl copy = Shapes.cloneRaw(self);
        if (Graph.history(self) != null) copy.setHistory(self.gradFn(), self.outputNr());
        else if (self.requiresGrad()) copy.setRequiresGrad(true);
        carryTangent(self, copy);
        return copy;
    }

    /** A stand-in for self's old value also stands for its tangent. */
    private static void carryTangent(TensorImpl self, TensorImpl standIn) {
        int level = DualLevels.current();
        if (level != 0) standIn.setTangent(level, self.tangent(level));
    }

    /** After a fill or random fill: a tangent self had becomes zeros (the values no longer depend on anything). */
    static void zeroTangent(TensorImpl self, boolean dual) {
        if (dual) setTangent(self, null);
    }

    /** {@code self += g} without checks or graph: the engine's gradient accumulation. */
    static void addRaw(TensorImpl self, TensorImpl g) {
        TensorImpl gc = Ops.convert(g, self.dtype());
        K.binary(BinaryOp.ADD, self.storage(), self.layout(), gc.storage(), gc.layout().broadcastTo(self.shape()),
                self.storage(), self.layout());
        self.bumpVersion();
    }

    /** Copies src (broadcast, converted) into self. Derivative: g to src, nothing to old self ({@code CopyBackwards}). */
    public static TensorImpl copy(TensorImpl self, TensorImpl src) {
        checkBroadcastsTo(self, src);
        if (dual(self, src)) {
            TensorImpl st = Dual.tangent(src);
            copyValues(self, src);
            setTangent(self, st == null ? null : st);
            return self;
        }
        return copyValues(self, src);
    }

    private static TensorImpl copyValues(TensorImpl self, TensorImpl src) {
        return write(self, src, false, old -> {
            TensorImpl s = Ops.convert(src, self.dtype());
            // through a temporary: src may overlap self
            TensorImpl tmp = Shapes.cloneRaw(s.view(s.layout().broadcastTo(self.shape())));
            K.copy(tmp.storage(), tmp.layout(), self.storage(), self.layout());
            return node("torch::autograd::CopyBackwards", (g, n) -> new TensorImpl[] {n.needs(0) ? mul(g, 0.0) : null, n.needs(1) ? g : null},
                    old, src);
        });
    }

    /** Sets every element to v. Derivative: zero to the old value ({@code FillBackward2}, {@code ZeroBackward0} for 0). */
    public static TensorImpl fill(TensorImpl self, double v) {
        zeroTangent(self, dual(self, null));
        return write(self, null, false, old -> {
            K.fill(self.storage(), self.layout(), v);
            return node(v == 0 ? "ZeroBackward0" : "FillBackward2", (g, n) -> new TensorImpl[] {mul(g, 0.0)}, old);
        });
    }
}
