package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;
import static org.autograd4j.ops.TensorMath.*;

import org.autograd4j.DType;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.kernels.BinaryOp;
import org.autograd4j.kernels.UnaryOp;

/**
 * The elementwise ops with logic of their own (scalar exponents and bounds with their own promotion, the
 * condition operand of {@code where}, conversion). Each is its forward (a kernel call) with its derivative
 * beside it; the table-shaped ones are {@link Unary} and {@link Binary}.
 */
public final class Pointwise {
    private Pointwise() {
    }

    /** Node names declared here. */
    static final String RSUB = "RsubBackward1", POW = "PowBackward0", CLAMP = "ClampBackward1", WHERE = "WhereBackward0",
            MASKED_FILL = "MaskedFillBackward0", TO = "ToCopyBackward0", LERP_SCALAR = "LerpBackward0", LERP = "LerpBackward1";


    /** {@code s - a} for a Java scalar s (PyTorch's {@code rsub.Scalar}). Derivative: {@code -g}. */
    public static TensorImpl rsub(TensorImpl a, double s) {
        if (a.dtype() == DType.BOOL) throw new IllegalArgumentException(Binary.SUB_BOOL);
        DType t = Promotion.resultType(a, true);
        TensorImpl out = Binary.raw(BinaryOp.SUB, TensorImpl.scalar(s), a, t, t);
        if (Graph.needs(a)) Graph.record(out, RSUB, (g, n) -> new TensorImpl[] {neg(g)}, a, tg -> neg(tg[0]));
        return out;
    }

    /** {@code a ** e} for a Java scalar exponent. Derivative: {@code g·e·a^(e-1)} (0 when e = 0). */
    public static TensorImpl pow(TensorImpl a, double e, boolean floatingScalar) {
        DType t = Promotion.resultType(a, floatingScalar);
        TensorImpl out = Ops.unaryRaw(UnaryOp.POW, a, t, e, 0);
        if (Graph.needs(a)) {
            SavedTensor sa = SavedTensor.input(a);
            Graph.record(out, POW, (g, n) -> new TensorImpl[] {
                e == 0 ? mul(g, 0.0) : mul(g, mul(TensorMath.pow(sa.get(), e - 1), e))}, a,
                tg -> e == 0 ? mul(tg[0], 0.0) : mul(tg[0], mul(TensorMath.pow(a, e - 1), e)), sa);
        }
        return out;
    }

    /** {@code a ** e} in place. */
    public static TensorImpl pow_(TensorImpl a, double e, boolean floatingScalar) {
        return InPlace.apply(a, null, old -> pow(old, e, floatingScalar));
    }

    /** min(max(a, lo), hi), NaN meaning "no bound". Derivative: {@code g} inside [lo, hi], else 0. */
    public static TensorImpl clamp(TensorImpl a, double lo, double hi) {
        if (Double.isNaN(lo) && Double.isNaN(hi)) {
            throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        boolean floatingBounds = (!Double.isNaN(lo) && lo != Math.rint(lo)) || (!Double.isNaN(hi) && hi != Math.rint(hi));
        DType t = Promotion.resultType(a, floatingBounds);
        TensorImpl out = Ops.unaryRaw(UnaryOp.CLAMP, a, t, lo, hi);
        if (Graph.needs(a)) {
            SavedTensor sa = SavedTensor.input(a);
            Graph.record(out, CLAMP, (g, n) -> new TensorImpl[] {TensorMath.where(clampInside(sa.get(), lo, hi), g, 0.0)}, a,
                    tg -> TensorMath.where(clampInside(a, lo, hi), tg[0], 0.0), sa);
        }
        return out;
    }

    /** Where clamp passes its input through (its derivative's mask). */
    private static TensorImpl clampInside(TensorImpl x, double lo, double hi) {
        return Double.isNaN(lo) ? le(x, hi) : Double.isNaN(hi) ? ge(x, lo) : logicalAnd(ge(x, lo), le(x, hi));
    }

    /** {@code clamp} in place. */
    public static TensorImpl clamp_(TensorImpl a, double lo, double hi) {
        return InPlace.apply(a, null, old -> clamp(old, lo, hi));
    }

    /** {@code cond ? a : b} with broadcasting. Derivative: g to a where cond, to b elsewhere. */
    public static TensorImpl where(TensorImpl cond, TensorImpl a, TensorImpl b) {
        if (cond.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("where expected condition to be a boolean tensor, but got a tensor with dtype "
                    + cond.dtype().scalarTypeName());
        }
        DType t = Promotion.resultType(a, b);
        int[] shape = Ops.broadcast(cond.shape(), Ops.broadcast(a.shape(), b.shape()));
        TensorImpl ac = Ops.convert(a, t), bc = Ops.convert(b, t);
        TensorImpl out = Ops.empty(t, shape);
        K.where(cond.storage(), cond.layout().broadcastTo(shape), ac.storage(), ac.layout().broadcastTo(shape),
                bc.storage(), bc.layout().broadcastTo(shape), out.storage(), out.layout());
        if (Graph.needs(a, b)) {
            TensorImpl c = cond.detach();
            // As PyTorch, the edges are (self, other): the condition is not differentiable.
            Graph.record(out, WHERE, (g, n) -> new TensorImpl[] {
                n.needs(0) ? TensorMath.where(c, g, 0.0) : null, n.needs(1) ? TensorMath.where(c, 0.0, g) : null}, new TensorImpl[] {a, b},
                tg -> TensorMath.where(c, Dual.orZeros(tg[0], a), Dual.orZeros(tg[1], b)));
        }
        return out;
    }

    /** Fills {@code value} where mask. Derivative: g with the masked positions zeroed. */
    public static TensorImpl maskedFill(TensorImpl a, TensorImpl mask, double value) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_fill_ only supports boolean masks, but got mask with dtype "
                    + mask.dtype().scalarTypeName().toLowerCase());
        }
        int[] shape = a.shape();
        int[] b = Ops.broadcast(shape, mask.shape());
        if (!java.util.Arrays.equals(b, shape)) {
            throw new IllegalArgumentException("The size of tensor a (" + shape.length + ") must match the size of tensor b");
        }
        TensorImpl fill = Ops.convert(TensorImpl.scalar(value), a.dtype());
        TensorImpl out = Ops.empty(a.dtype(), shape);
        K.where(mask.storage(), mask.layout().broadcastTo(shape), fill.storage(), fill.layout().broadcastTo(shape),
                a.storage(), a.layout(), out.storage(), out.layout());
        if (Graph.needs(a)) {
            TensorImpl m = mask.detach();
            Graph.record(out, MASKED_FILL, (g, n) -> new TensorImpl[] {TensorMath.where(m, 0.0, g)}, a, tg -> TensorMath.where(m, 0.0, tg[0]));
        }
        return out;
    }

    /** {@code maskedFill} in place. */
    public static TensorImpl maskedFill_(TensorImpl a, TensorImpl mask, double value) {
        return InPlace.apply(a, null, old -> maskedFill(old, mask, value));
    }

    /** Logical and of two tensors, written as bool (nonzero is true). */
    public static TensorImpl logicalAnd(TensorImpl a, TensorImpl b) {
        return Binary.raw(BinaryOp.MUL, Ops.convert(a, DType.BOOL), Ops.convert(b, DType.BOOL), DType.BOOL, DType.BOOL);
    }

    /** Conversion to {@code dtype}. Derivative: g converted back ({@code ToCopyBackward0}). */
    public static TensorImpl to(TensorImpl a, DType dtype) {
        if (a.dtype() == dtype) return a;
        TensorImpl out = Ops.convert(a, dtype);
        if (dtype.isFloatingPoint() && Graph.needs(a)) {
            DType from = a.dtype();
            Graph.record(out, TO, (g, n) -> new TensorImpl[] {to(g, from)}, a, tg -> to(tg[0], dtype));
        }
        return out;
    }

    /**
     * {@code torch.nan_to_num(x, nan, posinf, neginf)}: a null bound means the dtype's largest (smallest)
     * finite value, as PyTorch's default. The kernel maps NaN to 0; another {@code nan} value is written by
     * a masked fill of the NaN positions, so only then the graph holds a second node.
     */
    public static TensorImpl nanToNum(TensorImpl x, double nan, Double posinf, Double neginf) {
        double hi = posinf != null ? posinf : x.dtype() == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        double lo = neginf != null ? neginf : x.dtype() == DType.FLOAT32 ? -Float.MAX_VALUE : -Double.MAX_VALUE;
        if (!x.dtype().isFloatingPoint()) return Unary.NAN_TO_NUM.apply(x, hi, lo);
        TensorImpl y = Unary.NAN_TO_NUM.apply(x, hi, lo);
        return nan == 0 ? y : maskedFill(y, Unary.ISNAN.apply(x), nan);
    }

    /** {@link #nanToNum} in place. */
    public static TensorImpl nanToNum_(TensorImpl x, double nan, Double posinf, Double neginf) {
        return InPlace.apply(x, null, old -> nanToNum(old, nan, posinf, neginf));
    }

    /**
     * {@code torch.lerp(self, end, weight)} = {@code self + weight·(end − self)}, evaluated as PyTorch's kernel
     * ({@code end − (end − self)·(1 − weight)} where |weight| ≥ ½). A Java-scalar weight is PyTorch's
     * {@code lerp.Scalar} ({@code LerpBackward0}: self {@code g·(1−w)}, end {@code g·w}); a tensor weight also
     * gets {@code g·(end − self)} ({@code LerpBackward1}).
     */
    public static TensorImpl lerp(TensorImpl self, TensorImpl end, TensorImpl weight) {
        if (self.dtype() != end.dtype() || (!weight.isWrappedNumber() && weight.dtype() != self.dtype())) {
            throw new IllegalArgumentException("expected dtype " + self.dtype().scalarTypeName() + " for `end` but got dtype "
                    + (self.dtype() != end.dtype() ? end : weight).dtype().scalarTypeName());
        }
        TensorImpl out;
        boolean prev = org.autograd4j.engine.GradMode.set(false);
        try {
            TensorImpl w = Ops.convert(weight, self.dtype());
            TensorImpl diff = sub(end, self);
            TensorImpl small = add(self, mul(w, diff));
            TensorImpl large = sub(end, mul(diff, rsub(w, 1.0)));
            out = TensorMath.where(lt(Unary.ABS.apply(w), 0.5), small, large).alias();
        } finally {
            org.autograd4j.engine.GradMode.set(prev);
        }
        boolean scalar = weight.isWrappedNumber();
        TensorImpl[] inputs = scalar ? new TensorImpl[] {self, end} : new TensorImpl[] {self, end, weight};
        if (Graph.needs(inputs)) {
            SavedTensor sw = SavedTensor.input(weight);
            SavedTensor ss = scalar ? null : SavedTensor.input(self), se = scalar ? null : SavedTensor.input(end);
            Graph.record(out, scalar ? LERP_SCALAR : LERP, (g, n) -> {
                TensorImpl w = sw.get();
                return new TensorImpl[] {
                    n.needs(0) ? mul(g, rsub(w, 1.0)) : null,
                    n.needs(1) ? mul(g, w) : null,
                    scalar || !n.needs(2) ? null : mul(g, sub(se.get(), ss.get()))};
            }, inputs, tg -> {
                // self_t·(1 − w) + end_t·w (+ weight_t·(end − self))
                TensorImpl r = null;
                if (tg[0] != null) r = mul(tg[0], rsub(weight, 1.0));
                if (tg[1] != null) r = r == null ? mul(tg[1], weight) : add(r, mul(tg[1], weight));
                if (!scalar && tg[2] != null) r = r == null ? mul(tg[2], sub(end, self)) : add(r, mul(tg[2], sub(end, self)));
                return r;
            }, sw, ss, se);
        }
        return out;
    }

    /** {@link #lerp} in place. */
    public static TensorImpl lerp_(TensorImpl self, TensorImpl end, TensorImpl weight) {
        return InPlace.apply(self, end, old -> lerp(old, end, weight));
    }
}
