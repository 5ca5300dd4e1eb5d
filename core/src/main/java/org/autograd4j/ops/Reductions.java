package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.ValuesIndices;
import org.autograd4j.autograd.SavedTensor;
import org.autograd4j.kernels.BinaryOp;
import org.autograd4j.kernels.ReduceOp;
import org.autograd4j.kernels.UnaryOp;
import org.autograd4j.storage.Layout;

/** Reductions (sum, mean, prod, max/min, var/std) and softmax, each with its derivative beside it. */
public final class Reductions {
    private Reductions() {
    }

    // ---------------------------------------------------------------- helpers

    /** Normalized, sorted, de-duplicated dims; null or empty means all dims. */
    static boolean[] dimMask(int[] dims, int ndim) {
        boolean[] m = new boolean[ndim];
        if (dims == null || dims.length == 0) {
            java.util.Arrays.fill(m, true);
            return m;
        }
        for (int d : dims) {
            int w = Ops.wrapDim(d, ndim);
            if (ndim == 0) continue;
            if (m[w]) throw new IllegalArgumentException("dim " + w + " appears multiple times in the list of dims");
            m[w] = true;
        }
        return m;
    }

    /** Reduces the masked dims of x with {@code op} into a tensor of dtype {@code outType} (no graph). */
    static Tensor reduceRaw(ReduceOp op, Tensor x, boolean[] mask, boolean keepdim, DType outType) {
        Layout l = x.layout();
        int nd = l.dim();
        int[] shape = l.shape(), st = l.strides();
        int[] pShape = new int[nd], pStrides = new int[nd];
        int k = 0;
        for (int d = 0; d < nd; d++) if (!mask[d]) { pShape[k] = shape[d]; pStrides[k++] = st[d]; }
        int kept = k;
        for (int d = 0; d < nd; d++) if (mask[d]) { pShape[k] = shape[d]; pStrides[k++] = st[d]; }
        int[] outShape = outShape(shape, mask, keepdim);
        Tensor out = Ops.empty(outType, outShape);
        if (out.numel() == 0) return out;
        K.reduce(op, x.storage(), new Layout(pShape, pStrides, l.offset()), nd - kept, out.storage());
        return out;
    }

    static int[] outShape(int[] shape, boolean[] mask, boolean keepdim) {
        int n = 0;
        for (int d = 0; d < shape.length; d++) if (!mask[d] || keepdim) n++;
        int[] r = new int[n];
        n = 0;
        for (int d = 0; d < shape.length; d++) {
            if (!mask[d]) r[n++] = shape[d];
            else if (keepdim) r[n++] = 1;
        }
        return r;
    }

    /** {@code g} summed down to {@code shape} (the reverse of broadcasting); g itself if already that shape. */
    public static Tensor sumTo(Tensor g, int[] shape) {
        int[] gs = g.layout().shape();
        if (java.util.Arrays.equals(gs, shape)) return g;
        int lead = gs.length - shape.length;
        int[] dims = new int[gs.length];
        int n = 0;
        for (int d = 0; d < gs.length; d++) {
            if (d < lead || (shape[d - lead] == 1 && gs[d] != 1)) dims[n++] = d;
        }
        Tensor r = n == 0 ? g : sum(g, java.util.Arrays.copyOf(dims, n), true);
        if (lead > 0 || !java.util.Arrays.equals(r.layout().shape(), shape)) {
            long[] target = new long[shape.length];
            for (int i = 0; i < shape.length; i++) target[i] = shape[i];
            r = r.view(target);
        }
        return r;
    }

    /** g (shaped like a reduction's output) broadcast back over the input's shape. */
    static Tensor expandBack(Tensor g, int[] inShape, boolean[] mask, boolean keepdim) {
        Tensor r = g;
        if (!keepdim) {
            for (int d = 0; d < inShape.length; d++) if (mask[d]) r = r.unsqueeze(d);
        }
        long[] s = new long[inShape.length];
        for (int i = 0; i < s.length; i++) s[i] = inShape[i];
        return r.expand(s);
    }

    private static DType sumType(Tensor x) {
        return x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
    }

    // ---------------------------------------------------------------- sum / mean / prod

    /** Σ x. Derivative: g expanded to x's shape. */
    public static Tensor sum(Tensor x) {
        int nd = x.dim();
        boolean[] mask = dimMask(null, nd);
        Tensor out = reduceRaw(ReduceOp.SUM, x, mask, false, sumType(x));
        if (x.numel() == 0) K.fill(out.storage(), out.layout(), 0);
        if (Graph.needs(x)) {
            int[] shape = x.layout().shape();
            Graph.record(out, "SumBackward0", (g, n) -> new Tensor[] {expandBack(g, shape, mask, false)}, x);
        }
        return out;
    }

    /** Σ over dims. Derivative: g unsqueezed (unless keepdim) and expanded. */
    public static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
        boolean[] mask = dimMask(dims, x.dim());
        Tensor out = reduceRaw(ReduceOp.SUM, x, mask, keepdim, sumType(x));
        if (Graph.needs(x)) {
            int[] shape = x.layout().shape();
            Graph.record(out, "SumBackward1", (g, n) -> new Tensor[] {expandBack(g, shape, mask, keepdim)}, x);
        }
        return out;
    }

    private static void checkMeanType(Tensor x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either a floating "
                    + "point or complex dtype. Got: " + Ops.scalarTypeName(x.dtype()));
        }
    }

    /** Σ x / n, as PyTorch: the sum rounded to the dtype, then divided. */
    private static Tensor meanRaw(Tensor x, boolean[] mask, boolean keepdim) {
        Tensor s = reduceRaw(ReduceOp.SUM, x, mask, keepdim, x.dtype());
        int count = 1;
        int[] shape = x.layout().shape();
        for (int d = 0; d < shape.length; d++) if (mask[d]) count *= shape[d];
        if (s.numel() == 0) return s;
        Tensor n = Ops.convert(Tensor.wrappedScalar((double) count), x.dtype());
        Tensor out = Ops.empty(x.dtype(), s.layout().shape());
        K.binary(BinaryOp.DIV, s.storage(), s.layout(), n.storage(), n.layout().broadcastTo(s.layout().shape()),
                out.storage(), out.layout());
        return out;
    }

    /** mean of all elements. Derivative: g/n expanded. */
    public static Tensor mean(Tensor x) {
        checkMeanType(x);
        boolean[] mask = dimMask(null, x.dim());
        Tensor out = meanRaw(x, mask, false);
        if (Graph.needs(x)) {
            int[] shape = x.layout().shape();
            long count = x.numel();
            Graph.record(out, "MeanBackward0", (g, n) -> new Tensor[] {expandBack(g, shape, mask, false).div((double) count)}, x);
        }
        return out;
    }

    /** mean over dims. Derivative: g/n unsqueezed and expanded. */
    public static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        checkMeanType(x);
        boolean[] mask = dimMask(dims, x.dim());
        Tensor out = meanRaw(x, mask, keepdim);
        if (Graph.needs(x)) {
            int[] shape = x.layout().shape();
            int count = 1;
            for (int d = 0; d < shape.length; d++) if (mask[d]) count *= shape[d];
            double c = count;
            Graph.record(out, "MeanBackward1", (g, n) -> new Tensor[] {expandBack(g, shape, mask, keepdim).div(c)}, x);
        }
        return out;
    }

    /**
     * Π x. Derivative: each element gets the product of all the others: {@code g·out/x} when no element is
     * zero; with exactly one zero, that position gets the product of the rest; with two or more, all zero.
     */
    public static Tensor prod(Tensor x) {
        boolean[] mask = dimMask(null, x.dim());
        Tensor out = reduceRaw(ReduceOp.PROD, x, mask, false, sumType(x));
        if (x.numel() == 0) K.fill(out.storage(), out.layout(), 1);
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x), so = SavedTensor.output(out);
            Graph.record(out, "ProdBackward0", (g, n) -> {
                Tensor a = sx.get();
                Tensor isZero = a.eq(0.0);
                long zeros = isZero.sum().itemLong();
                Tensor zero = Tensor.wrappedScalar(0.0);
                if (zeros == 0) return new Tensor[] {g.mul(so.get()).div(a)};
                // With zeros, still differentiable (double backward): nz = x with its zeros replaced by 1,
                // p = Π nz, s = Σ of the zero elements (0, but it carries their gradient).
                Tensor nz = Pointwise.where(isZero, Tensor.wrappedScalar(1.0), a);
                Tensor p = nz.prod(), s = Pointwise.where(isZero, a, zero).sum();
                if (zeros == 1) return new Tensor[] {Pointwise.where(isZero, g.mul(p), g.mul(s).mul(p).div(nz))};
                if (zeros == 2) return new Tensor[] {Pointwise.where(isZero, g.mul(p).mul(s.sub(a)), zero)};
                return new Tensor[] {a.mul(0.0).add(g.mul(0.0))};
            }, x, sx, so);
        }
        return out;
    }

    // ---------------------------------------------------------------- max / min / arg

    /** max (or min) of all elements. Derivative: g shared evenly among the elements equal to the result. */
    public static Tensor maxAll(Tensor x, boolean max) {
        String name = max ? "max" : "min";
        if (x.numel() == 0) {
            throw new IllegalArgumentException(name + "(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        Tensor out = reduceRaw(max ? ReduceOp.MAX : ReduceOp.MIN, x, dimMask(null, x.dim()), false, x.dtype());
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x), so = SavedTensor.output(out);
            Graph.record(out, max ? "MaxBackward1" : "MinBackward1", (g, n) -> {
                Tensor eq = sx.get().eq(so.get());
                Tensor count = eq.sum();
                return new Tensor[] {Pointwise.where(eq, g.div(count), Tensor.wrappedScalar(0.0))};
            }, x, sx, so);
        }
        return out;
    }

    /** Values and indices of the max (or min) along dim. Derivative: g scattered to the winning positions. */
    public static ValuesIndices maxDim(Tensor x, int dim, boolean keepdim, boolean max) {
        int nd = x.dim();
        int d = Ops.wrapDim(dim, nd);
        Layout l = x.layout();
        if (nd > 0 && l.size(d) == 0) {
            throw new IndexOutOfBoundsException((max ? "max" : "min") + "(): Expected reduction dim " + d
                    + " to have non-zero size.");
        }
        int[] shape = l.shape(), st = l.strides();
        int[] pShape = new int[Math.max(nd, 1)], pStrides = new int[Math.max(nd, 1)];
        if (nd == 0) {
            pShape[0] = 1;
            pStrides[0] = 1;
        } else {
            int k = 0;
            for (int i = 0; i < nd; i++) if (i != d) { pShape[k] = shape[i]; pStrides[k++] = st[i]; }
            pShape[k] = shape[d];
            pStrides[k] = st[d];
        }
        boolean[] mask = new boolean[nd];
        if (nd > 0) mask[d] = true;
        int[] outShape = outShape(shape, mask, keepdim);
        Tensor values = Ops.empty(x.dtype(), outShape);
        Tensor indices = Ops.empty(DType.INT64, outShape);
        if (values.numel() > 0) {
            K.argReduce(max, x.storage(), new Layout(pShape, pStrides, l.offset()), values.storage(), indices.storage());
        }
        if (Graph.needs(x)) {
            Tensor idx = indices;
            Graph.record(values, max ? "MaxBackward0" : "MinBackward0", (g, n) -> {
                Tensor gi = keepdim || nd == 0 ? g : g.unsqueeze(d);
                Tensor ii = keepdim || nd == 0 ? idx : idx.unsqueeze(d);
                return new Tensor[] {Indexing.scatterAdd(Ops.empty(x.dtype(), x.layout().shape()), nd == 0 ? 0 : d, ii, gi)};
            }, x);
        }
        return new ValuesIndices(max ? "max" : "min", values, indices);
    }

    /** Index of the max (or min) of the flattened tensor. */
    public static Tensor argAll(Tensor x, boolean max) {
        if (x.numel() == 0) {
            throw new IllegalArgumentException("arg" + (max ? "max" : "min") + "(): Expected reduction dim to be specified "
                    + "for input.numel() == 0.");
        }
        Tensor flat = Ops.dense(x);
        Layout l = new Layout(new int[] {(int) x.numel()}, new int[] {1}, flat.layout().offset());
        Tensor values = Ops.empty(x.dtype(), new int[0]);
        Tensor indices = Ops.empty(DType.INT64, new int[0]);
        K.argReduce(max, flat.storage(), l, values.storage(), indices.storage());
        return indices;
    }

    // ---------------------------------------------------------------- var / std

    /**
     * Variance (or its square root) with {@code correction} (1 = unbiased), over dims or all (null),
     * accumulated in float64. Derivative (var): {@code 2/(N-c)·g·(x - mean)}; (std): the same applied to
     * {@code g/(2·out)}, zero where out = 0.
     */
    public static Tensor var(Tensor x, int[] dims, int correction, boolean keepdim, boolean std) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException((std ? "std" : "var") + " only supports floating-point dtypes");
        }
        boolean[] mask = dimMask(dims, x.dim());
        int[] shape = x.layout().shape();
        int count = 1;
        for (int d = 0; d < shape.length; d++) if (mask[d]) count *= shape[d];
        Tensor xd = Ops.convert(x, DType.FLOAT64);
        Tensor mean = meanRaw(xd, mask, true);
        Tensor diff = Pointwise.binaryRaw(BinaryOp.SUB, xd, mean, DType.FLOAT64, DType.FLOAT64);
        Tensor sq = Pointwise.binaryRaw(BinaryOp.MUL, diff, diff, DType.FLOAT64, DType.FLOAT64);
        Tensor ss = reduceRaw(ReduceOp.SUM, sq, mask, keepdim, DType.FLOAT64);
        double dof = Math.max(0, count - correction);
        Tensor v = Pointwise.binaryRaw(BinaryOp.DIV, ss, Tensor.wrappedScalar(dof), DType.FLOAT64, DType.FLOAT64);
        if (std) v = Pointwise.unaryRaw(UnaryOp.SQRT, v, DType.FLOAT64, 0, 0);
        Tensor out = Ops.convert(v, x.dtype());
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x);
            SavedTensor so = std ? SavedTensor.output(out) : null;
            boolean all = dims == null;
            Graph.record(out, std ? "StdBackward0" : "VarBackward0", (g, n) -> {
                Tensor a = sx.get();
                Tensor gv = g;
                if (std) {
                    Tensor r = so.get();
                    gv = Pointwise.where(r.eq(0.0), Tensor.wrappedScalar(0.0), g.div(r.mul(2.0)));
                }
                Tensor m = all ? a.mean() : a.mean(dimsOf(mask), true);
                Tensor ge = expandBack(gv, shape, mask, keepdim);
                return new Tensor[] {ge.mul(2.0 / dof).mul(a.sub(m))};
            }, x, std ? new SavedTensor[] {sx, so} : new SavedTensor[] {sx});
        }
        return out;
    }

    static int[] dimsOf(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) if (b) n++;
        int[] r = new int[n];
        n = 0;
        for (int d = 0; d < mask.length; d++) if (mask[d]) r[n++] = d;
        return r;
    }

    // ---------------------------------------------------------------- softmax

    /**
     * softmax (or log_softmax) along dim, computed stably from {@code x - max}. Derivatives:
     * softmax {@code out·(g - Σ(g·out))}; log_softmax {@code g - e^out·Σ g}.
     */
    public static Tensor softmax(Tensor x, int dim, boolean log) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + (log ? "log_softmax" : "softmax") + "_lastdim_kernel_impl\" not implemented for '"
                    + Ops.scalarTypeName(x.dtype()) + "'");
        }
        int d = Ops.wrapDim(dim, x.dim());
        boolean[] mask = new boolean[x.dim()];
        if (x.dim() > 0) mask[d] = true;
        DType t = x.dtype();
        Tensor out;
        if (x.numel() == 0) {
            out = Ops.empty(t, x.layout().shape());
        } else {
            Tensor mx = reduceRaw(ReduceOp.MAX, x, mask, true, t);
            Tensor shifted = Pointwise.binaryRaw(BinaryOp.SUB, x, mx, t, t);
            Tensor e = Pointwise.unaryRaw(UnaryOp.EXP, shifted, t, 0, 0);
            Tensor s = reduceRaw(ReduceOp.SUM, e, mask, true, t);
            if (log) {
                Tensor lse = Pointwise.binaryRaw(BinaryOp.ADD, Pointwise.unaryRaw(UnaryOp.LOG, s, t, 0, 0), mx, t, t);
                out = Pointwise.binaryRaw(BinaryOp.SUB, x, lse, t, t);
            } else {
                Tensor r = Pointwise.unaryRaw(UnaryOp.RECIPROCAL, s, t, 0, 0);
                out = Pointwise.binaryRaw(BinaryOp.MUL, e, r, t, t);
            }
        }
        if (Graph.needs(x)) {
            SavedTensor so = SavedTensor.output(out);
            int[] dd = x.dim() == 0 ? new int[0] : new int[] {d};
            Graph.record(out, log ? "LogSoftmaxBackward0" : "SoftmaxBackward0", (g, n) -> {
                Tensor y = so.get();
                if (log) return new Tensor[] {g.sub(y.exp().mul(dd.length == 0 ? g : g.sum(dd, true)))};
                Tensor gy = g.mul(y);
                return new Tensor[] {gy.sub(y.mul(dd.length == 0 ? gy : gy.sum(dd, true)))};
            }, x, so);
        }
        return out;
    }
}
