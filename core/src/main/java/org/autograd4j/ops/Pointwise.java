package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.autograd.SavedTensor;
import org.autograd4j.kernels.BinaryOp;
import org.autograd4j.kernels.UnaryOp;

/**
 * Elementwise ops. Each op is its forward (a kernel call) followed by its derivative, written in tensor
 * operations, as PyTorch's {@code derivatives.yaml} states it. Binary ops broadcast and promote; their
 * gradients are summed back to each input's shape with {@link Reductions#sumTo}.
 */
public final class Pointwise {
    private Pointwise() {
    }

    // ---------------------------------------------------------------- forward helpers (no graph)

    /** {@code op(a, b)} computed in {@code compute}, written as {@code outType}. */
    static Tensor binaryRaw(BinaryOp op, Tensor a, Tensor b, DType compute, DType outType) {
        int[] shape = Ops.broadcast(a.layout().shape(), b.layout().shape());
        Tensor ac = Ops.convert(a, compute), bc = Ops.convert(b, compute);
        Tensor out = Ops.empty(outType, shape);
        K.binary(op, ac.storage(), ac.layout().broadcastTo(shape), bc.storage(), bc.layout().broadcastTo(shape),
                out.storage(), out.layout());
        return out;
    }

    /** {@code op(x; p0, p1)} in x's dtype converted to {@code dtype}. */
    static Tensor unaryRaw(UnaryOp op, Tensor x, DType dtype, double p0, double p1) {
        Tensor xc = Ops.convert(x, dtype);
        Tensor out = Ops.empty(dtype, x.layout().shape());
        K.unary(op, p0, p1, xc.storage(), xc.layout(), out.storage(), out.layout());
        return out;
    }

    /** Floating ops on integer tensors compute in the default dtype, as PyTorch's unary float ops. */
    private static DType floatType(Tensor x) {
        return x.dtype().isFloatingPoint() ? x.dtype() : DType.FLOAT32;
    }

    private static Tensor unaryFloat(UnaryOp op, Tensor x) {
        return unaryRaw(op, x, floatType(x), 0, 0);
    }

    // ---------------------------------------------------------------- arithmetic

    /** {@code a + b}. Derivative: {@code (g, g)}, each summed to its input's shape. */
    public static Tensor add(Tensor a, Tensor b) {
        DType t = Promotion.resultType(a, b);
        Tensor out = binaryRaw(BinaryOp.ADD, a, b, t, t);
        if (Graph.needs(a, b)) {
            int[] as = a.layout().shape(), bs = b.layout().shape();
            Graph.record(out, "AddBackward0", (g, n) -> new Tensor[] {
                n.needs(0) ? Reductions.sumTo(g, as) : null,
                n.needs(1) ? Reductions.sumTo(g, bs) : null}, new Tensor[] {a, b});
        }
        return out;
    }

    /** {@code a - b}. Derivative: {@code (g, -g)}. */
    public static Tensor sub(Tensor a, Tensor b) {
        if (a.dtype() == DType.BOOL && b.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with two bool tensors is not supported. "
                    + "Use the `^` or `logical_xor()` operator instead.");
        }
        DType t = Promotion.resultType(a, b);
        Tensor out = binaryRaw(BinaryOp.SUB, a, b, t, t);
        if (Graph.needs(a, b)) {
            int[] as = a.layout().shape(), bs = b.layout().shape();
            Graph.record(out, "SubBackward0", (g, n) -> new Tensor[] {
                n.needs(0) ? Reductions.sumTo(g, as) : null,
                n.needs(1) ? Reductions.sumTo(g.neg(), bs) : null}, new Tensor[] {a, b});
        }
        return out;
    }

    /** {@code s - a} for a Java scalar s (PyTorch's {@code rsub.Scalar}). Derivative: {@code -g}. */
    public static Tensor rsub(Tensor a, double s) {
        DType t = Promotion.resultType(a, true);
        Tensor out = binaryRaw(BinaryOp.SUB, Tensor.wrappedScalar(s), a, t, t);
        if (Graph.needs(a)) {
            Graph.record(out, "RsubBackward1", (g, n) -> new Tensor[] {g.neg()}, a);
        }
        return out;
    }

    /** {@code a * b}. Derivative: {@code (g·b, g·a)}; saves the other operand only where needed. */
    public static Tensor mul(Tensor a, Tensor b) {
        DType t = Promotion.resultType(a, b);
        Tensor out = binaryRaw(BinaryOp.MUL, a, b, t, t);
        if (Graph.needs(a, b)) {
            int[] as = a.layout().shape(), bs = b.layout().shape();
            SavedTensor sb = a.requiresGrad() ? SavedTensor.input(b) : null;
            SavedTensor sa = b.requiresGrad() ? SavedTensor.input(a) : null;
            Graph.record(out, "MulBackward0", (g, n) -> new Tensor[] {
                n.needs(0) ? Reductions.sumTo(g.mul(sb.get()), as) : null,
                n.needs(1) ? Reductions.sumTo(g.mul(sa.get()), bs) : null}, new Tensor[] {a, b}, sa, sb);
        }
        return out;
    }

    /** {@code a / b} (true division). Derivative: {@code (g/b, -g·((a/b)/b))}, rounded as PyTorch's formula. */
    public static Tensor div(Tensor a, Tensor b) {
        DType t = Promotion.resultType(a, b);
        if (!t.isFloatingPoint()) t = DType.FLOAT32;
        Tensor out = binaryRaw(BinaryOp.DIV, a, b, t, t);
        if (Graph.needs(a, b)) {
            int[] as = a.layout().shape(), bs = b.layout().shape();
            SavedTensor sb = SavedTensor.input(b);
            SavedTensor sa = b.requiresGrad() ? SavedTensor.input(a) : null;
            Graph.record(out, "DivBackward0", (g, n) -> new Tensor[] {
                n.needs(0) ? Reductions.sumTo(g.div(sb.get()), as) : null,
                n.needs(1) ? Reductions.sumTo(g.neg().mul(sa.get().div(sb.get()).div(sb.get())), bs) : null},
                new Tensor[] {a, b}, sa, sb);
        }
        return out;
    }

    /** {@code a ** e} for a Java scalar exponent. Derivative: {@code g·e·a^(e-1)} (0 when e = 0). */
    public static Tensor pow(Tensor a, double e, boolean floatingScalar) {
        DType t = Promotion.resultType(a, floatingScalar);
        Tensor out = unaryRaw(UnaryOp.POW, a, t, e, 0);
        if (Graph.needs(a)) {
            SavedTensor sa = SavedTensor.input(a);
            Graph.record(out, "PowBackward0", (g, n) -> new Tensor[] {
                e == 0 ? g.mul(0.0) : g.mul(sa.get().pow(e - 1).mul(e))}, a, sa);
        }
        return out;
    }

    /** {@code a ** b} elementwise. Derivative: {@code (g·b·a^(b-1), g·out·ln a)}, PyTorch's masking of 0s kept. */
    public static Tensor pow(Tensor a, Tensor b) {
        DType t = Promotion.resultType(a, b);
        Tensor out = binaryRaw(BinaryOp.POW, a, b, t, t);
        if (Graph.needs(a, b)) {
            int[] as = a.layout().shape(), bs = b.layout().shape();
            SavedTensor sa = SavedTensor.input(a), sb = SavedTensor.input(b);
            SavedTensor so = b.requiresGrad() ? SavedTensor.output(out) : null;
            Graph.record(out, "PowBackward1", (g, n) -> {
                Tensor x = sa.get(), y = sb.get();
                Tensor ga = null, gb = null;
                if (n.needs(0)) {
                    ga = Reductions.sumTo(where(y.eq(0.0), Tensor.wrappedScalar(0.0), g.mul(y.mul(x.pow(y.sub(1.0))))), as);
                }
                if (n.needs(1)) {
                    Tensor zero = logicalAnd(x.eq(0.0), y.ge(0.0));
                    gb = Reductions.sumTo(where(zero, Tensor.wrappedScalar(0.0), g.mul(so.get().mul(x.log()))), bs);
                }
                return new Tensor[] {ga, gb};
            }, new Tensor[] {a, b}, sa, sb, so);
        }
        return out;
    }

    // ---------------------------------------------------------------- unary

    /** {@code -a}. Derivative: {@code -g}. */
    public static Tensor neg(Tensor a) {
        if (a.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Negation, the `-` operator, on a bool tensor is not supported. If you are "
                    + "trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        Tensor out = unaryRaw(UnaryOp.NEG, a, a.dtype(), 0, 0);
        if (Graph.needs(a)) Graph.record(out, "NegBackward0", (g, n) -> new Tensor[] {g.neg()}, a);
        return out;
    }

    /** e^a. Derivative: {@code g·out}. */
    public static Tensor exp(Tensor a) {
        Tensor out = unaryFloat(UnaryOp.EXP, a);
        if (Graph.needs(a)) {
            SavedTensor so = SavedTensor.output(out);
            Graph.record(out, "ExpBackward0", (g, n) -> new Tensor[] {g.mul(so.get())}, a, so);
        }
        return out;
    }

    /** ln a. Derivative: {@code g/a}. */
    public static Tensor log(Tensor a) {
        Tensor out = unaryFloat(UnaryOp.LOG, a);
        if (Graph.needs(a)) {
            SavedTensor sa = SavedTensor.input(a);
            Graph.record(out, "LogBackward0", (g, n) -> new Tensor[] {g.div(sa.get())}, a, sa);
        }
        return out;
    }

    /** √a. Derivative: {@code g/(2·out)}. */
    public static Tensor sqrt(Tensor a) {
        Tensor out = unaryFloat(UnaryOp.SQRT, a);
        if (Graph.needs(a)) {
            SavedTensor so = SavedTensor.output(out);
            Graph.record(out, "SqrtBackward0", (g, n) -> new Tensor[] {g.div(so.get().mul(2.0))}, a, so);
        }
        return out;
    }

    /** |a|. Derivative: {@code g·sign(a)}. */
    public static Tensor abs(Tensor a) {
        Tensor out = unaryRaw(UnaryOp.ABS, a, a.dtype(), 0, 0);
        if (Graph.needs(a)) {
            SavedTensor sa = SavedTensor.input(a);
            Graph.record(out, "AbsBackward0", (g, n) -> new Tensor[] {g.mul(sa.get().sign())}, a, sa);
        }
        return out;
    }

    /** sign(a); its derivative is zero everywhere. */
    public static Tensor sign(Tensor a) {
        Tensor out = unaryRaw(UnaryOp.SIGN, a, a.dtype(), 0, 0);
        if (Graph.needs(a)) Graph.record(out, "SignBackward0", (g, n) -> new Tensor[] {g.mul(0.0)}, a);
        return out;
    }

    /** sin a. Derivative: {@code g·cos a}. */
    public static Tensor sin(Tensor a) {
        Tensor out = unaryFloat(UnaryOp.SIN, a);
        if (Graph.needs(a)) {
            SavedTensor sa = SavedTensor.input(a);
            Graph.record(out, "SinBackward0", (g, n) -> new Tensor[] {g.mul(sa.get().cos())}, a, sa);
        }
        return out;
    }

    /** cos a. Derivative: {@code -g·sin a}. */
    public static Tensor cos(Tensor a) {
        Tensor out = unaryFloat(UnaryOp.COS, a);
        if (Graph.needs(a)) {
            SavedTensor sa = SavedTensor.input(a);
            Graph.record(out, "CosBackward0", (g, n) -> new Tensor[] {g.mul(sa.get().sin().neg())}, a, sa);
        }
        return out;
    }

    /** tanh a. Derivative: {@code tanhBackward(g, out) = g·(1 - out²)}. */
    public static Tensor tanh(Tensor a) {
        Tensor out = unaryFloat(UnaryOp.TANH, a);
        if (Graph.needs(a)) {
            SavedTensor so = SavedTensor.output(out);
            Graph.record(out, "TanhBackward0", (g, n) -> new Tensor[] {tanhBackward(g, so.get())}, a, so);
        }
        return out;
    }

    /**
     * PyTorch's {@code tanh_backward(g, y) = g·(1 - y²)} as one primitive, because its CPU kernel fuses
     * {@code 1 - y·y} (the seed tutorial's printed digits depend on it). Derivative:
     * {@code (tanhBackward(gg, y), -2·y·g·gg)}.
     */
    public static Tensor tanhBackward(Tensor g, Tensor y) {
        DType t = Promotion.resultType(g, y);
        Tensor out = binaryRaw(BinaryOp.TANH_BACKWARD, g, y, t, t);
        if (Graph.needs(g, y)) {
            SavedTensor sg = SavedTensor.input(g), sy = SavedTensor.input(y);
            int[] gs = g.layout().shape(), ys = y.layout().shape();
            Graph.record(out, "TanhBackwardBackward0", (gg, n) -> new Tensor[] {
                n.needs(0) ? Reductions.sumTo(tanhBackward(gg, sy.get()), gs) : null,
                n.needs(1) ? Reductions.sumTo(gg.mul(sy.get().mul(-2.0)).mul(sg.get()), ys) : null},
                new Tensor[] {g, y}, sg, sy);
        }
        return out;
    }

    /** 1/(1+e^-a). Derivative: {@code g·(1 - out)·out}, as PyTorch's sigmoid_backward kernel evaluates it. */
    public static Tensor sigmoid(Tensor a) {
        Tensor out = unaryFloat(UnaryOp.SIGMOID, a);
        if (Graph.needs(a)) {
            SavedTensor so = SavedTensor.output(out);
            Graph.record(out, "SigmoidBackward0", (g, n) -> {
                Tensor y = so.get();
                return new Tensor[] {g.mul(y.rsub(1.0)).mul(y)};
            }, a, so);
        }
        return out;
    }

    /** max(a, 0). Derivative: {@code g} where out &gt; 0, else 0 (PyTorch's threshold_backward). */
    public static Tensor relu(Tensor a) {
        Tensor out = unaryRaw(UnaryOp.RELU, a, a.dtype(), 0, 0);
        if (Graph.needs(a)) {
            SavedTensor so = SavedTensor.output(out);
            Graph.record(out, "ReluBackward0", (g, n) -> new Tensor[] {
                where(so.get().gt(0.0), g, Tensor.wrappedScalar(0.0))}, a, so);
        }
        return out;
    }

    /** 1/a. Derivative: {@code -g·out²}. */
    public static Tensor reciprocal(Tensor a) {
        Tensor out = unaryFloat(UnaryOp.RECIPROCAL, a);
        if (Graph.needs(a)) {
            SavedTensor so = SavedTensor.output(out);
            Graph.record(out, "ReciprocalBackward0", (g, n) -> {
                Tensor y = so.get();
                return new Tensor[] {g.neg().mul(y.mul(y))};
            }, a, so);
        }
        return out;
    }

    /** min(max(a, lo), hi), NaN meaning "no bound". Derivative: {@code g} inside [lo, hi], else 0. */
    public static Tensor clamp(Tensor a, double lo, double hi) {
        if (Double.isNaN(lo) && Double.isNaN(hi)) {
            throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        boolean floatingBounds = (!Double.isNaN(lo) && lo != Math.rint(lo)) || (!Double.isNaN(hi) && hi != Math.rint(hi));
        DType t = Promotion.resultType(a, floatingBounds);
        Tensor out = unaryRaw(UnaryOp.CLAMP, a, t, lo, hi);
        if (Graph.needs(a)) {
            SavedTensor sa = SavedTensor.input(a);
            Graph.record(out, "ClampBackward1", (g, n) -> {
                Tensor x = sa.get();
                Tensor in = Double.isNaN(lo) ? x.le(hi) : Double.isNaN(hi) ? x.ge(lo) : logicalAnd(x.ge(lo), x.le(hi));
                return new Tensor[] {where(in, g, Tensor.wrappedScalar(0.0))};
            }, a, sa);
        }
        return out;
    }

    /** Elementwise max. Derivative: g to the larger input, split in half on ties (PyTorch 1.13). */
    public static Tensor maximum(Tensor a, Tensor b) {
        return extremum(a, b, true);
    }

    /** Elementwise min. Derivative: g to the smaller input, split in half on ties. */
    public static Tensor minimum(Tensor a, Tensor b) {
        return extremum(a, b, false);
    }

    private static Tensor extremum(Tensor a, Tensor b, boolean max) {
        DType t = Promotion.resultType(a, b);
        Tensor out = binaryRaw(max ? BinaryOp.MAXIMUM : BinaryOp.MINIMUM, a, b, t, t);
        if (Graph.needs(a, b)) {
            SavedTensor sa = SavedTensor.input(a), sb = SavedTensor.input(b);
            int[] as = a.layout().shape(), bs = b.layout().shape();
            Graph.record(out, max ? "MaximumBackward0" : "MinimumBackward0", (g, n) -> {
                Tensor x = sa.get(), y = sb.get();
                Tensor zero = Tensor.wrappedScalar(0.0);
                Tensor half = where(x.eq(y), g.div(2.0), g);
                Tensor ga = n.needs(0) ? Reductions.sumTo(where(max ? x.lt(y) : x.gt(y), zero, half), as) : null;
                Tensor gb = n.needs(1) ? Reductions.sumTo(where(max ? x.gt(y) : x.lt(y), zero, half), bs) : null;
                return new Tensor[] {ga, gb};
            }, new Tensor[] {a, b}, sa, sb);
        }
        return out;
    }

    /** {@code cond ? a : b} with broadcasting. Derivative: g to a where cond, to b elsewhere. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        if (cond.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("where expected condition to be a boolean tensor, but got a tensor with dtype "
                    + Ops.scalarTypeName(cond.dtype()));
        }
        DType t = Promotion.resultType(a, b);
        int[] shape = Ops.broadcast(cond.layout().shape(), Ops.broadcast(a.layout().shape(), b.layout().shape()));
        Tensor ac = Ops.convert(a, t), bc = Ops.convert(b, t);
        Tensor out = Ops.empty(t, shape);
        K.where(cond.storage(), cond.layout().broadcastTo(shape), ac.storage(), ac.layout().broadcastTo(shape),
                bc.storage(), bc.layout().broadcastTo(shape), out.storage(), out.layout());
        if (Graph.needs(a, b)) {
            int[] as = a.layout().shape(), bs = b.layout().shape();
            Tensor c = cond.detach();
            // As PyTorch, the edges are (self, other): the condition is not differentiable.
            Graph.record(out, "WhereBackward0", (g, n) -> {
                Tensor zero = Tensor.wrappedScalar(0.0);
                return new Tensor[] {
                    n.needs(0) ? Reductions.sumTo(where(c, g, zero), as) : null,
                    n.needs(1) ? Reductions.sumTo(where(c, zero, g), bs) : null};
            }, new Tensor[] {a, b});
        }
        return out;
    }

    /** Fills {@code value} where mask. Derivative: g with the masked positions zeroed. */
    public static Tensor maskedFill(Tensor a, Tensor mask, double value) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_fill_ only supports boolean masks, but got mask with dtype "
                    + Ops.scalarTypeName(mask.dtype()).toLowerCase());
        }
        int[] shape = a.layout().shape();
        int[] b = Ops.broadcast(shape, mask.layout().shape());
        if (!java.util.Arrays.equals(b, shape)) {
            throw new IllegalArgumentException("The size of tensor a (" + shape.length + ") must match the size of tensor b");
        }
        Tensor fill = Ops.convert(Tensor.wrappedScalar(value), a.dtype());
        Tensor out = Ops.empty(a.dtype(), shape);
        K.where(mask.storage(), mask.layout().broadcastTo(shape), fill.storage(), fill.layout().broadcastTo(shape),
                a.storage(), a.layout(), out.storage(), out.layout());
        if (Graph.needs(a)) {
            Tensor m = mask.detach();
            Graph.record(out, "MaskedFillBackward0", (g, n) -> new Tensor[] {where(m, Tensor.wrappedScalar(0.0), g)}, a);
        }
        return out;
    }

    /** Comparison → bool, computed in the promoted dtype; not differentiable. */
    public static Tensor compare(BinaryOp op, Tensor a, Tensor b) {
        DType t = Promotion.resultType(a, b);
        return binaryRaw(op, a, b, t, DType.BOOL);
    }

    /** Elementwise not → bool. */
    public static Tensor logicalNot(Tensor a) {
        Tensor out = Ops.empty(DType.BOOL, a.layout().shape());
        Tensor ab = Ops.convert(a, DType.BOOL);
        K.unary(UnaryOp.LOGICAL_NOT, 0, 0, ab.storage(), ab.layout(), out.storage(), out.layout());
        return out;
    }

    /** Logical and of two bool tensors (a·b on bool). */
    static Tensor logicalAnd(Tensor a, Tensor b) {
        return binaryRaw(BinaryOp.MUL, a, b, DType.BOOL, DType.BOOL);
    }

    /** Conversion to {@code dtype}. Derivative: g converted back ({@code ToCopyBackward0}). */
    public static Tensor to(Tensor a, DType dtype) {
        if (a.dtype() == dtype) return a;
        Tensor out = Ops.convert(a, dtype);
        if (dtype.isFloatingPoint() && Graph.needs(a)) {
            DType from = a.dtype();
            Graph.record(out, "ToCopyBackward0", (g, n) -> new Tensor[] {g.to(from)}, a);
        }
        return out;
    }
}
