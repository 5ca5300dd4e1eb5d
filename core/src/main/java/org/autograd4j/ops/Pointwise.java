package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;
import static org.autograd4j.ops.TensorMath.*;

import org.autograd4j.DType;
import org.autograd4j.engine.DualLevels;
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
            MASKED_FILL = "MaskedFillBackward0", TO = "ToCopyBackward0", LERP_SCALAR = "LerpBackward0", LERP = "LerpBackward1",
            ADD_ALPHA = "AddBackward0", SUB_ALPHA = "SubBackward0", ADDCMUL = "AddcmulBackward0", ADDCDIV = "AddcdivBackward0";


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
        if (Graph.needs(a)) recordPow(a, e, out);
        return out;
    }

    /** {@link #pow(TensorImpl, double, boolean)} for derivative formulas, apart for the JIT (see {@link Binary#applyInFormula}). */
    static TensorImpl powInFormula(TensorImpl a, double e, boolean floatingScalar) {
        DType t = Promotion.resultType(a, floatingScalar);
        TensorImpl out = Ops.unaryRaw(UnaryOp.POW, a, t, e, 0);
        if (Graph.needs(a)) recordPow(a, e, out);
        return out;
    }

    private static void recordPow(TensorImpl a, double e, TensorImpl out) {
        SavedTensor sa = SavedTensor.input(a);
        // the tangent's closure is made only inside a dual level (as every hot op's): it would be an object per op
        Dual.Forward fw = DualLevels.open() == 0 ? null : tg -> e == 0 ? mul(tg[0], 0.0) : mul(tg[0], mul(TensorMath.pow(a, e - 1), e));
        Graph.record(out, POW, (g, n) -> new TensorImpl[] {
            e == 0 ? mul(g, 0.0) : mul(g, mul(TensorMath.pow(sa.get(), e - 1), e))}, a, fw, sa);
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

    // ---------------------------------------------------------------- the optimizers' fused updates

    /** PyTorch's {@code alpha_check}: an integral or bool result takes an integral alpha only. */
    private static void alphaCheck(DType t, boolean floatingAlpha) {
        if (floatingAlpha && !t.isFloatingPoint()) {
            throw new IllegalArgumentException("For integral input tensors, argument alpha must not be a floating point number.");
        }
    }

    /** {@code maybe_multiply(t, s)} of the derivatives: t itself when s is 1. */
    private static TensorImpl maybeMultiply(TensorImpl t, double s) {
        return s == 1 ? t : mul(t, s);
    }

    /**
     * {@code torch.add(self, other, alpha=alpha)} = {@code self + alpha·other}, one rounding as PyTorch's kernel
     * ({@code vec::fmadd(other, alpha, self)}). Derivative ({@code AddBackward0}): self {@code g}, other
     * {@code maybe_multiply(g, alpha)}; tangent {@code self_t + maybe_multiply(other_t, alpha)}.
     *
     * @param floatingAlpha whether alpha is a Python float (rejected for integral results)
     */
    public static TensorImpl addAlpha(TensorImpl self, TensorImpl other, double alpha, boolean floatingAlpha) {
        DType t = Binary.ADD.computeType(self, other);
        alphaCheck(t, floatingAlpha);
        return addScaled(ADD_ALPHA, self, other, alpha, t);
    }

    /**
     * {@code torch.sub(self, other, alpha=alpha)} = {@code self − alpha·other}, PyTorch's add kernel with −alpha.
     * Derivative ({@code SubBackward0}): self {@code g}, other {@code maybe_multiply(-g, alpha)}.
     *
     * @param floatingAlpha whether alpha is a Python float (rejected for integral results)
     */
    public static TensorImpl subAlpha(TensorImpl self, TensorImpl other, double alpha, boolean floatingAlpha) {
        Binary.SUB.checkBools(self, other);
        DType t = Binary.SUB.computeType(self, other);
        alphaCheck(t, floatingAlpha);
        return addScaled(SUB_ALPHA, self, other, alpha, t);
    }

    private static TensorImpl addScaled(String node, TensorImpl self, TensorImpl other, double alpha, DType t) {
        boolean subtract = node == SUB_ALPHA;
        double k = subtract ? -alpha : alpha;
        TensorImpl out;
        if (k == 1) {
            // fma(b, 1, a) is a + b: the plain add's kernel
            out = Binary.raw(org.autograd4j.kernels.BinaryOp.ADD, self, other, t, t);
        } else {
            int[] shape = Ops.broadcast(self.shape(), other.shape());
            TensorImpl a = Ops.convert(self, t), b = Ops.convert(other, t);
            out = Ops.empty(t, shape, a.shape() == shape ? a.layout() : b.layout());
            K.addScaled(k, a.storage(), a.layout().broadcastTo(shape), b.storage(), b.layout().broadcastTo(shape), out.storage(), out.layout());
        }
        if (Graph.needs(self, other)) {
            Graph.record(out, node, (g, n) -> new TensorImpl[] {
                n.needs(0) ? g : null,
                n.needs(1) ? maybeMultiply(subtract ? neg(g) : g, alpha) : null}, new TensorImpl[] {self, other}, tg -> {
                    TensorImpl o = tg[1] == null ? null : maybeMultiply(tg[1], alpha);
                    if (tg[0] == null) return o == null ? null : subtract ? neg(o) : o;
                    return o == null ? tg[0] : subtract ? TensorMath.sub(tg[0], o) : TensorMath.add(tg[0], o);
                });
        }
        return out;
    }

    /**
     * {@code torch.add(self, other, alpha=alpha, out=out)} ({@code subtract}: {@code torch.sub}) through the one out= path
     * ({@link Out}): the values of {@link #addAlpha}/{@link #subAlpha}, written into out; returns out.
     *
     * @param floatingAlpha whether alpha is a Python float (rejected for integral results)
     */
    public static TensorImpl addAlphaOut(boolean subtract, TensorImpl self, TensorImpl other, double alpha, boolean floatingAlpha,
                                         TensorImpl out) {
        return Out.write(subtract ? "sub" : "add", out, () -> {
            if (subtract) Binary.SUB.checkBools(self, other);
            DType t = (subtract ? Binary.SUB : Binary.ADD).computeType(self, other);
            alphaCheck(t, floatingAlpha);
            double k = subtract ? -alpha : alpha;
            // fma(b, 1, a) is a + b: the plain add's kernel, as the functional form
            if (k == 1) return Binary.plan(org.autograd4j.kernels.BinaryOp.ADD, self, other, t, t);
            int[] shape = Ops.broadcast(self.shape(), other.shape());
            TensorImpl a = Ops.convert(self, t), b = Ops.convert(other, t);
            org.autograd4j.storage.Layout al = a.layout().broadcastTo(shape), bl = b.layout().broadcastTo(shape);
            return new Out.Plan(shape, t, a.shape() == shape ? a.layout() : b.layout(), true,
                    (os, ol) -> K.addScaled(k, a.storage(), al, b.storage(), bl, os, ol));
        }, self, other);
    }

    /** {@link #addAlpha(TensorImpl, TensorImpl, double, boolean)} in place, written straight into self when nothing is recorded. */
    public static TensorImpl addAlpha_(TensorImpl self, TensorImpl other, double alpha, boolean floatingAlpha) {
        return addScaled_(false, self, other, alpha, floatingAlpha);
    }

    /** {@link #subAlpha(TensorImpl, TensorImpl, double, boolean)} in place. */
    public static TensorImpl subAlpha_(TensorImpl self, TensorImpl other, double alpha, boolean floatingAlpha) {
        return addScaled_(true, self, other, alpha, floatingAlpha);
    }

    private static TensorImpl addScaled_(boolean subtract, TensorImpl self, TensorImpl other, double alpha, boolean floatingAlpha) {
        if (InPlace.direct(self, other)) {
            InPlace.checkDirect(self, other);
            if (subtract) Binary.SUB.checkBools(self, other);
            DType t = (subtract ? Binary.SUB : Binary.ADD).computeType(self, other);
            alphaCheck(t, floatingAlpha);
            if (t == self.dtype()) {
                TensorImpl b = Ops.convert(other, t);
                K.addScaled(subtract ? -alpha : alpha, self.storage(), self.layout(), b.storage(), b.layout().broadcastTo(self.shape()),
                        self.storage(), self.layout());
                return InPlace.wrote(self);
            }
        }
        return InPlace.apply(self, other, old -> subtract ? subAlpha(old, other, alpha, floatingAlpha) : addAlpha(old, other, alpha, floatingAlpha));
    }

    /**
     * {@code torch.addcmul(self, t1, t2, value=value)} = {@code self + value·t1·t2}, evaluated as PyTorch's kernel:
     * {@code fma(value·t1, t2, self)}. Derivative ({@code AddcmulBackward0}): self {@code g}, t1
     * {@code g·(t2·value)}, t2 {@code g·(t1·value)}; tangent {@code self_t + maybe_multiply(t1_t·t2, value) +
     * maybe_multiply(t2_t·t1, value)}.
     */
    public static TensorImpl addcmul(TensorImpl self, TensorImpl t1, TensorImpl t2, double value) {
        return addc(false, self, t1, t2, value);
    }

    /**
     * {@code torch.addcdiv(self, t1, t2, value=value)} = {@code self + value·t1/t2}, as PyTorch's kernel:
     * {@code self + (value·t1)/t2}. Integer t1 and t2 are rejected with PyTorch's message. Derivative
     * ({@code AddcdivBackward0}): self {@code g}, t1 {@code g·(value/t2)}, t2 {@code -g·(value·t1/(t2·t2))}; tangent
     * {@code self_t + maybe_multiply(t1_t/t2, value) - maybe_multiply(t2_t·(t1/t2)/t2, value)}.
     */
    public static TensorImpl addcdiv(TensorImpl self, TensorImpl t1, TensorImpl t2, double value) {
        return addc(true, self, t1, t2, value);
    }

    private static final String ADDCDIV_INTEGER = "Integer division with addcdiv is no longer supported, and in a future  release "
            + "addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as "
            + "(input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 "
            + "/ tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 "
            + "/ tensor2), for all dtypes.";

    private static void addcdivCheck(TensorImpl t1, TensorImpl t2) {
        if (!t1.dtype().isFloatingPoint() && !t2.dtype().isFloatingPoint()) throw new IllegalArgumentException(ADDCDIV_INTEGER);
    }

    private static TensorImpl addc(boolean div, TensorImpl self, TensorImpl t1, TensorImpl t2, double value) {
        if (div) addcdivCheck(t1, t2);
        int[] shape = Ops.broadcast(Ops.broadcast(self.shape(), t1.shape()), t2.shape());
        DType t = Promotion.resultType(self, t1, t2);
        TensorImpl s = Ops.convert(self, t), a = Ops.convert(t1, t), b = Ops.convert(t2, t);
        TensorImpl out = Ops.empty(t, shape, s.shape() == shape ? s.layout() : a.shape() == shape ? a.layout() : b.layout());
        K.addcmul(div, value, s.storage(), s.layout().broadcastTo(shape), a.storage(), a.layout().broadcastTo(shape), b.storage(),
                b.layout().broadcastTo(shape), out.storage(), out.layout());
        TensorImpl[] inputs = {self, t1, t2};
        if (Graph.needs(inputs)) {
            boolean g1 = t1.requiresGrad(), g2 = t2.requiresGrad();
            // t1's derivative reads t2 and t2's reads t1 (and t2 itself for addcdiv)
            SavedTensor s1 = g2 ? SavedTensor.input(t1) : null, s2 = g1 || (div && g2) ? SavedTensor.input(t2) : null;
            Graph.record(out, div ? ADDCDIV : ADDCMUL, (g, n) -> {
                TensorImpl x1 = s1 == null ? null : s1.get(), x2 = s2 == null ? null : s2.get();
                TensorImpl d1 = null, d2 = null;
                // value / t2 is a true division, as PyTorch's generated code computes it (not t2.reciprocal() * value)
                if (n.needs(1)) d1 = div ? mul(g, TensorMath.div(TensorImpl.scalar(value), x2)) : mul(g, mul(x2, value));
                if (n.needs(2)) d2 = div ? mul(neg(g), TensorMath.div(mul(x1, value), mul(x2, x2))) : mul(g, mul(x1, value));
                return new TensorImpl[] {n.needs(0) ? g : null, d1, d2};
            }, inputs, tg -> {
                TensorImpl r = tg[0];
                if (tg[1] != null) {
                    TensorImpl q = maybeMultiply(div ? TensorMath.div(tg[1], t2) : mul(tg[1], t2), value);
                    r = r == null ? q : TensorMath.add(r, q);
                }
                if (tg[2] != null) {
                    TensorImpl q = maybeMultiply(div ? TensorMath.div(mul(tg[2], TensorMath.div(t1, t2)), t2) : mul(tg[2], t1), value);
                    r = r == null ? (div ? neg(q) : q) : div ? TensorMath.sub(r, q) : TensorMath.add(r, q);
                }
                return r;
            }, s1, s2);
        }
        return out;
    }

    /** {@link #addcmul} in place. */
    public static TensorImpl addcmul_(TensorImpl self, TensorImpl t1, TensorImpl t2, double value) {
        return addc_(false, self, t1, t2, value);
    }

    /** {@link #addcdiv} in place. */
    public static TensorImpl addcdiv_(TensorImpl self, TensorImpl t1, TensorImpl t2, double value) {
        return addc_(true, self, t1, t2, value);
    }

    private static TensorImpl addc_(boolean div, TensorImpl self, TensorImpl t1, TensorImpl t2, double value) {
        if (InPlace.direct(self, t1) && InPlace.direct(self, t2)) {
            InPlace.checkDirect(self, t1);
            InPlace.checkBroadcastsTo(self, t2);
            if (div) addcdivCheck(t1, t2);
            if (Promotion.resultType(self, t1, t2) == self.dtype()) {
                TensorImpl a = Ops.convert(t1, self.dtype()), b = Ops.convert(t2, self.dtype());
                K.addcmul(div, value, self.storage(), self.layout(), a.storage(), a.layout().broadcastTo(self.shape()), b.storage(),
                        b.layout().broadcastTo(self.shape()), self.storage(), self.layout());
                return InPlace.wrote(self);
            }
        }
        InPlace.checkBroadcastsTo(self, t2);
        // the one in-place path weighs one other operand: the one that requires grad (or carries a tangent), if any
        TensorImpl other = t2.requiresGrad() || Dual.has(t2) ? t2 : t1;
        return InPlace.apply(self, other, old -> addc(div, old, t1, t2, value));
    }
}
