package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;
import static org.autograd4j.ops.TensorMath.*;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.autograd.GradMode;
import org.autograd4j.autograd.SavedTensor;
import org.autograd4j.autograd.TensorImpl;
import org.autograd4j.kernels.BinaryOp;
import org.autograd4j.kernels.ReduceOp;
import org.autograd4j.kernels.ScanOp;
import org.autograd4j.kernels.UnaryOp;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Sizes;

/**
 * Reductions (sum, mean, prod, max/min, var/std) and softmax, each with its derivative beside it. Inside this
 * class {@code sum}, {@code mean} and {@code prod} are its own methods (they shadow {@link TensorMath}'s
 * one-line forwards to them).
 */
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
    static TensorImpl reduceRaw(ReduceOp op, TensorImpl x, boolean[] mask, boolean keepdim, DType outType) {
        Layout l = x.layout();
        int nd = l.dim();
        int[] shape = l.shape(), st = l.strides();
        int[] pShape = new int[nd], pStrides = new int[nd];
        int k = 0;
        for (int d = 0; d < nd; d++) if (!mask[d]) { pShape[k] = shape[d]; pStrides[k++] = st[d]; }
        int kept = k;
        for (int d = 0; d < nd; d++) if (mask[d]) { pShape[k] = shape[d]; pStrides[k++] = st[d]; }
        int[] outShape = outShape(shape, mask, keepdim);
        TensorImpl out = Ops.empty(outType, outShape);
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

    /**
     * {@code g} summed down to {@code shape} (the reverse of broadcasting, PyTorch's {@code at::sum_to}); g itself
     * if already that shape. {@link FnNode} calls it on every gradient, so it only uses ops whose own
     * derivatives return their input's exact shape (a keepdim sum and a view), and never recurses.
     */
    public static TensorImpl sumTo(TensorImpl g, int[] shape) {
        int[] gs = g.shape();
        if (java.util.Arrays.equals(gs, shape)) return g;
        int lead = gs.length - shape.length;
        int[] dims = new int[gs.length];
        int n = 0;
        for (int d = 0; d < gs.length; d++) {
            if (d < lead || (shape[d - lead] == 1 && gs[d] != 1)) dims[n++] = d;
        }
        TensorImpl r = n == 0 ? g : sum(g, java.util.Arrays.copyOf(dims, n), true);
        if (lead > 0 || !java.util.Arrays.equals(r.shape(), shape)) r = Shapes.view(r, Sizes.toLongs(shape));
        return r;
    }

    /** g (shaped like a reduction's output) broadcast back over the input's shape. */
    static TensorImpl expandBack(TensorImpl g, int[] inShape, boolean[] mask, boolean keepdim) {
        TensorImpl r = g;
        if (!keepdim) {
            for (int d = 0; d < inShape.length; d++) if (mask[d]) r = unsqueeze(r, d);
        }
        return expand(r, inShape);
    }

    private static DType sumType(TensorImpl x) {
        return x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
    }

    /** The value of a one-element integer or bool tensor. */
    private static long itemLong(TensorImpl t) {
        return t.storage().getLong(t.layout().offset());
    }

    // ---------------------------------------------------------------- sum / mean / prod

    /** Σ x. Derivative: g expanded to x's shape. */
    public static TensorImpl sum(TensorImpl x) {
        int nd = x.dim();
        boolean[] mask = dimMask(null, nd);
        TensorImpl out = reduceRaw(ReduceOp.SUM, x, mask, false, sumType(x));
        if (x.numel() == 0) K.fill(out.storage(), out.layout(), 0);
        if (Graph.needs(x)) {
            int[] shape = x.shape();
            Graph.record(out, "SumBackward0", (g, n) -> new TensorImpl[] {expandBack(g, shape, mask, false)}, x);
        }
        return out;
    }

    /** Σ over dims. Derivative: g unsqueezed (unless keepdim) and expanded. */
    public static TensorImpl sum(TensorImpl x, int[] dims, boolean keepdim) {
        boolean[] mask = dimMask(dims, x.dim());
        TensorImpl out = reduceRaw(ReduceOp.SUM, x, mask, keepdim, sumType(x));
        if (Graph.needs(x)) {
            int[] shape = x.shape();
            Graph.record(out, "SumBackward1", (g, n) -> new TensorImpl[] {expandBack(g, shape, mask, keepdim)}, x);
        }
        return out;
    }

    private static void checkMeanType(TensorImpl x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either a floating "
                    + "point or complex dtype. Got: " + x.dtype().scalarTypeName());
        }
    }

    /** Σ x / n, as PyTorch: the sum rounded to the dtype, then divided. */
    private static TensorImpl meanRaw(TensorImpl x, boolean[] mask, boolean keepdim) {
        TensorImpl s = reduceRaw(ReduceOp.SUM, x, mask, keepdim, x.dtype());
        int count = 1;
        int[] shape = x.shape();
        for (int d = 0; d < shape.length; d++) if (mask[d]) count *= shape[d];
        if (s.numel() == 0) return s;
        TensorImpl n = Ops.convert(TensorImpl.scalar((double) count), x.dtype());
        TensorImpl out = Ops.empty(x.dtype(), s.shape());
        K.binary(BinaryOp.DIV, s.storage(), s.layout(), n.storage(), n.layout().broadcastTo(s.shape()),
                out.storage(), out.layout());
        return out;
    }

    /** mean of all elements. Derivative: g/n expanded. */
    public static TensorImpl mean(TensorImpl x) {
        checkMeanType(x);
        boolean[] mask = dimMask(null, x.dim());
        TensorImpl out = meanRaw(x, mask, false);
        if (Graph.needs(x)) {
            int[] shape = x.shape();
            double count = x.numel();
            Graph.record(out, "MeanBackward0", (g, n) -> new TensorImpl[] {div(expandBack(g, shape, mask, false), count)}, x);
        }
        return out;
    }

    /** mean over dims. Derivative: g/n unsqueezed and expanded. */
    public static TensorImpl mean(TensorImpl x, int[] dims, boolean keepdim) {
        checkMeanType(x);
        boolean[] mask = dimMask(dims, x.dim());
        TensorImpl out = meanRaw(x, mask, keepdim);
        if (Graph.needs(x)) {
            int[] shape = x.shape();
            int count = 1;
            for (int d = 0; d < shape.length; d++) if (mask[d]) count *= shape[d];
            double c = count;
            Graph.record(out, "MeanBackward1", (g, n) -> new TensorImpl[] {div(expandBack(g, shape, mask, keepdim), c)}, x);
        }
        return out;
    }

    /**
     * Π x. Derivative: each element gets the product of all the others: {@code g·out/x} when no element is
     * zero; with exactly one zero, that position gets the product of the rest; with two or more, all zero.
     */
    public static TensorImpl prod(TensorImpl x) {
        boolean[] mask = dimMask(null, x.dim());
        TensorImpl out = reduceRaw(ReduceOp.PROD, x, mask, false, sumType(x));
        if (x.numel() == 0) K.fill(out.storage(), out.layout(), 1);
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x), so = SavedTensor.output(out);
            Graph.record(out, "ProdBackward0", (g, n) -> {
                TensorImpl a = sx.get();
                TensorImpl isZero = eq(a, 0.0);
                long zeros = itemLong(sum(isZero));
                if (zeros == 0) return new TensorImpl[] {div(mul(g, so.get()), a)};
                // With zeros, still differentiable (double backward): nz = x with its zeros replaced by 1,
                // p = Π nz, s = Σ of the zero elements (0, but it carries their gradient).
                TensorImpl nz = where(isZero, 1.0, a);
                TensorImpl p = prod(nz), s = sum(where(isZero, a, 0.0));
                if (zeros == 1) return new TensorImpl[] {where(isZero, mul(g, p), div(mul(mul(g, s), p), nz))};
                if (zeros == 2) return new TensorImpl[] {where(isZero, mul(mul(g, p), sub(s, a)), 0.0)};
                return new TensorImpl[] {add(mul(a, 0.0), mul(g, 0.0))};
            }, x, sx, so);
        }
        return out;
    }

    // ---------------------------------------------------------------- max / min / arg

    /** max (or min) of all elements. Derivative: g shared evenly among the elements equal to the result. */
    public static TensorImpl maxAll(TensorImpl x, boolean max) {
        String name = max ? "max" : "min";
        if (x.numel() == 0) {
            throw new IllegalArgumentException(name + "(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        TensorImpl out = reduceRaw(max ? ReduceOp.MAX : ReduceOp.MIN, x, dimMask(null, x.dim()), false, x.dtype());
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x), so = SavedTensor.output(out);
            Graph.record(out, max ? "MaxBackward1" : "MinBackward1", (g, n) -> {
                TensorImpl isMax = eq(sx.get(), so.get());
                return new TensorImpl[] {where(isMax, div(g, sum(isMax)), 0.0)};
            }, x, sx, so);
        }
        return out;
    }

    /**
     * Values and indices of the max (or min) along dim, as {@code {values, indices}} (the API pairs them).
     * Derivative: g scattered to the winning positions.
     */
    public static TensorImpl[] maxDim(TensorImpl x, int dim, boolean keepdim, boolean max) {
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
        TensorImpl values = Ops.empty(x.dtype(), outShape);
        TensorImpl indices = Ops.empty(DType.INT64, outShape);
        if (values.numel() > 0) {
            K.argReduce(max, x.storage(), new Layout(pShape, pStrides, l.offset()), values.storage(), indices.storage());
        }
        if (Graph.needs(x)) {
            TensorImpl idx = indices;
            // PyTorch's value_selecting_reduction_backward: zeros of the gradient's dtype, g scattered into them.
            Graph.record(values, max ? "MaxBackward0" : "MinBackward0", (g, n) -> {
                TensorImpl gi = keepdim || nd == 0 ? g : unsqueeze(g, d);
                TensorImpl ii = keepdim || nd == 0 ? idx : unsqueeze(idx, d);
                return new TensorImpl[] {Indexing.scatterAdd(Ops.empty(g.dtype(), shape), nd == 0 ? 0 : d, ii, gi)};
            }, x);
        }
        return new TensorImpl[] {values, indices};
    }

    /** Index of the max (or min) of the flattened tensor. */
    public static TensorImpl argAll(TensorImpl x, boolean max) {
        if (x.numel() == 0) {
            throw new IllegalArgumentException("arg" + (max ? "max" : "min") + "(): Expected reduction dim to be specified "
                    + "for input.numel() == 0.");
        }
        TensorImpl flat = Ops.dense(x);
        Layout l = new Layout(new int[] {x.numel()}, new int[] {1}, flat.layout().offset());
        TensorImpl values = Ops.empty(x.dtype(), new int[0]);
        TensorImpl indices = Ops.empty(DType.INT64, new int[0]);
        K.argReduce(max, flat.storage(), l, values.storage(), indices.storage());
        return indices;
    }

    // ---------------------------------------------------------------- var / std

    /**
     * Variance (or its square root) with {@code correction} (1 = unbiased), over dims or all (null),
     * accumulated in float64. Derivative (var): {@code 2/(N-c)·g·(x - mean)}; (std): the same applied to
     * {@code g/(2·out)}, zero where out = 0.
     */
    public static TensorImpl var(TensorImpl x, int[] dims, int correction, boolean keepdim, boolean std) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException((std ? "std" : "var") + " only supports floating-point dtypes");
        }
        boolean[] mask = dimMask(dims, x.dim());
        int[] shape = x.shape();
        int count = 1;
        for (int d = 0; d < shape.length; d++) if (mask[d]) count *= shape[d];
        TensorImpl xd = Ops.convert(x, DType.FLOAT64);
        TensorImpl mean = meanRaw(xd, mask, true);
        TensorImpl diff = Binary.raw(BinaryOp.SUB, xd, mean, DType.FLOAT64, DType.FLOAT64);
        TensorImpl sq = Binary.raw(BinaryOp.MUL, diff, diff, DType.FLOAT64, DType.FLOAT64);
        TensorImpl ss = reduceRaw(ReduceOp.SUM, sq, mask, keepdim, DType.FLOAT64);
        double dof = Math.max(0, count - correction);
        TensorImpl v = Binary.raw(BinaryOp.DIV, ss, TensorImpl.scalar(dof), DType.FLOAT64, DType.FLOAT64);
        if (std) v = Ops.unaryRaw(UnaryOp.SQRT, v, DType.FLOAT64, 0, 0);
        TensorImpl out = Ops.convert(v, x.dtype());
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x);
            SavedTensor so = std ? SavedTensor.output(out) : null;
            boolean all = dims == null;
            Graph.record(out, std ? "StdBackward0" : "VarBackward0", (g, n) -> {
                TensorImpl a = sx.get();
                TensorImpl gv = g;
                if (std) {
                    TensorImpl r = so.get();
                    gv = where(eq(r, 0.0), 0.0, div(g, mul(r, 2.0)));
                }
                TensorImpl m = all ? mean(a) : mean(a, dimsOf(mask), true);
                TensorImpl expanded = expandBack(gv, shape, mask, keepdim);
                return new TensorImpl[] {mul(mul(expanded, 2.0 / dof), sub(a, m))};
            }, x, sx, so);
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
    public static TensorImpl softmax(TensorImpl x, int dim, boolean log) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + (log ? "log_softmax" : "softmax") + "_lastdim_kernel_impl\" not implemented for '"
                    + x.dtype().scalarTypeName() + "'");
        }
        int d = Ops.wrapDim(dim, x.dim());
        boolean[] mask = new boolean[x.dim()];
        if (x.dim() > 0) mask[d] = true;
        DType t = x.dtype();
        TensorImpl out;
        if (x.numel() == 0) {
            out = Ops.empty(t, x.shape());
        } else {
            TensorImpl mx = reduceRaw(ReduceOp.MAX, x, mask, true, t);
            TensorImpl shifted = Binary.raw(BinaryOp.SUB, x, mx, t, t);
            TensorImpl e = Ops.unaryRaw(UnaryOp.EXP, shifted, t, 0, 0);
            TensorImpl s = reduceRaw(ReduceOp.SUM, e, mask, true, t);
            if (log) {
                TensorImpl lse = Binary.raw(BinaryOp.ADD, Ops.unaryRaw(UnaryOp.LOG, s, t, 0, 0), mx, t, t);
                out = Binary.raw(BinaryOp.SUB, x, lse, t, t);
            } else {
                TensorImpl r = Ops.unaryRaw(UnaryOp.RECIPROCAL, s, t, 0, 0);
                out = Binary.raw(BinaryOp.MUL, e, r, t, t);
            }
        }
        if (Graph.needs(x)) {
            SavedTensor so = SavedTensor.output(out);
            int[] dd = x.dim() == 0 ? new int[0] : new int[] {d};
            Graph.record(out, log ? "LogSoftmaxBackward0" : "SoftmaxBackward0", (g, n) -> {
                TensorImpl y = so.get();
                if (log) return new TensorImpl[] {sub(g, mul(exp(y), dd.length == 0 ? g : sum(g, dd, true)))};
                TensorImpl gy = mul(g, y);
                return new TensorImpl[] {sub(gy, mul(y, dd.length == 0 ? gy : sum(gy, dd, true)))};
            }, x, so);
        }
        return out;
    }

    // ---------------------------------------------------------------- amax / amin, logsumexp

    /**
     * {@link #dimMask} plus the duplicate check it skips for a 0-d tensor (PyTorch rejects {@code (0, -1)} on
     * a scalar too).
     */
    private static boolean[] reduceMask(int[] dims, int ndim) {
        if (ndim == 0 && dims != null && dims.length > 1) {
            boolean seen = false;
            for (int d : dims) {
                Ops.wrapDim(d, 0);
                if (seen) throw new IllegalArgumentException("dim 0 appears multiple times in the list of dims");
                seen = true;
            }
        }
        return dimMask(dims, ndim);
    }

    /**
     * PyTorch's {@code zero_numel_check_dims} for a reduction without identity on an empty tensor: dims must be
     * given and each (as written, in order) must have a non-zero size.
     */
    private static void zeroNumelCheck(TensorImpl x, int[] dims, String fn) {
        if (dims.length == 0) {
            throw new IllegalArgumentException(fn + "(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        for (int d : dims) {
            int w = Ops.wrapDim(d, x.dim());
            if (x.dim() > 0 && x.layout().size(w) == 0) {
                throw new IndexOutOfBoundsException(fn + "(): Expected reduction dim " + d + " to have non-zero size.");
            }
        }
    }

    /**
     * A reduction's output (or gradient) with the reduced dims put back as size 1 when {@code !keepdim}
     * (PyTorch's {@code unsqueeze_multiple} / {@code restore_reduced_dims}); it then broadcasts against the input.
     */
    private static TensorImpl restoreDims(TensorImpl t, boolean[] mask, boolean keepdim) {
        if (keepdim) return t;
        TensorImpl r = t;
        for (int d = 0; d < mask.length; d++) if (mask[d]) r = unsqueeze(r, d);
        return r;
    }

    /**
     * {@code torch.amax(x, dims, keepdim)} ({@code max=true}) or {@code torch.amin} ({@code max=false}): the
     * largest (smallest) element over {@code dims} (null or empty: all dims), NaN-propagating, in x's dtype.
     * Unlike {@code max(dim)} it returns no indices, and ties share the gradient evenly (node
     * {@code AmaxBackward0} / {@code AminBackward0}), PyTorch's
     * {@code scale_grad_by_count(restore_reduced_dims(grad), restore_reduced_dims(result) == self, dim)}:
     * with {@code m = (x == result)}, {@code ∂x = (g / Σ_dims m) · m}.
     * An empty x needs dims, none of them of size 0 (PyTorch's errors).
     */
    public static TensorImpl amax(TensorImpl x, int[] dims, boolean keepdim, boolean max) {
        String fn = max ? "amax" : "amin";
        int[] ds = dims == null ? new int[0] : dims;
        if (x.numel() == 0) zeroNumelCheck(x, ds, fn);
        boolean[] mask = reduceMask(ds, x.dim());
        TensorImpl out = reduceRaw(max ? ReduceOp.MAX : ReduceOp.MIN, x, mask, keepdim, x.dtype());
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x), so = SavedTensor.output(out);
            int[] rd = dimsOf(mask);
            Graph.record(out, max ? "AmaxBackward0" : "AminBackward0", (g, n) -> {
                TensorImpl m = eq(restoreDims(so.get(), mask, keepdim), sx.get());
                return new TensorImpl[] {mul(div(restoreDims(g, mask, keepdim), sum(m, rd, true)), m)};
            }, x, sx, so);
        }
        return out;
    }

    /**
     * {@code torch.logsumexp(x, dims, keepdim)}: {@code log Σ_dims eˣ}, computed as PyTorch does without
     * overflow: {@code m = amax(x, dims, keepdim=True)} with infinite maxima replaced by 0, then
     * {@code log(Σ e^(x - m)) + m}; an empty x gives {@code log Σ eˣ} (-∞ over empty dims). Integer and bool
     * inputs compute in float32. The forward runs without recording; one {@code LogsumexpBackward0} node
     * is recorded on the result, PyTorch's {@code logsumexp_backward}: {@code ∂x = g · e^(x - result)} (g and
     * result unsqueezed back). As PyTorch 1.13, an empty {@code dims} with {@code keepdim=false} on a
     * non-empty tensor of dim ≥ 1 fails ("output with shape [] doesn't match the broadcast shape [1, …]").
     */
    public static TensorImpl logsumexp(TensorImpl x, int[] dims, boolean keepdim) {
        int[] ds = dims == null ? new int[0] : dims;
        boolean[] mask = reduceMask(ds, x.dim());
        TensorImpl xf = x.dtype().isFloatingPoint() ? x : Ops.convert(x, DType.FLOAT32);
        TensorImpl out;
        boolean prev = GradMode.set(false);
        try {
            if (xf.numel() != 0) {
                if (ds.length == 0 && !keepdim && xf.dim() > 0) {
                    int[] ones = new int[xf.dim()];
                    java.util.Arrays.fill(ones, 1);
                    throw new IllegalArgumentException("output with shape [] doesn't match the broadcast shape " + Sizes.list(ones));
                }
                TensorImpl maxes = amax(xf, ds, true, true);
                maxes = where(eq(Unary.ABS.apply(maxes), Double.POSITIVE_INFINITY), 0.0, maxes);
                TensorImpl s = sum(exp(sub(xf, maxes)), ds, keepdim);
                TensorImpl ms = keepdim || xf.dim() == 0 ? maxes : reshape(maxes, s.shape());
                out = add(log(s), ms);
            } else {
                out = log(sum(exp(xf), ds, keepdim));
            }
        } finally {
            GradMode.set(prev);
        }
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x), so = SavedTensor.output(out);
            Graph.record(out, "LogsumexpBackward0", (g, n) -> new TensorImpl[] {
                mul(restoreDims(g, mask, keepdim), exp(sub(sx.get(), restoreDims(so.get(), mask, keepdim))))}, x, sx, so);
        }
        return out;
    }

    // ---------------------------------------------------------------- cumsum / cumprod

    /** {@code l} with dim {@code d} moved to the last position (a 0-d layout as is). */
    private static Layout dimToLast(Layout l, int d) {
        int nd = l.dim();
        if (nd == 0) return l;
        int[] shape = l.shape(), st = l.strides();
        int[] ns = new int[nd], nst = new int[nd];
        int k = 0;
        for (int i = 0; i < nd; i++) if (i != d) { ns[k] = shape[i]; nst[k++] = st[i]; }
        ns[k] = shape[d];
        nst[k] = st[d];
        return new Layout(ns, nst, l.offset());
    }

    /**
     * The scan kernel along dim d (no graph): x and a fresh contiguous out are both viewed with d last, so the
     * kernel writes the result in place in out's own order. Integer and bool inputs give int64.
     */
    private static TensorImpl scanRaw(ScanOp op, TensorImpl x, int d) {
        DType t = x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
        TensorImpl out = Ops.empty(t, x.shape());
        if (out.numel() == 0) return out;
        K.scan(op, x.storage(), dimToLast(x.layout(), d), out.storage(), dimToLast(out.layout(), d));
        return out;
    }

    /**
     * {@code x.flip(d)} ({@code torch.flip(x, [d])}), copied through index_select with a reversed index.
     * Derivative ({@code FlipBackward0}): g flipped back.
     */
    private static TensorImpl flip(TensorImpl x, int d) {
        int size = x.dim() == 0 ? 1 : x.layout().size(d);
        TensorImpl out = Indexing.indexSelect(x.detach(), d, Creation.arange(size - 1, -1, -1));
        if (Graph.needs(x)) Graph.record(out, "FlipBackward0", (g, n) -> new TensorImpl[] {flip(g, d)}, x);
        return out;
    }

    /** {@code w.flip(d).cumsum(d).flip(d)}: sums from each position to the end of dim d (PyTorch's reversed_cumsum). */
    private static TensorImpl reversedCumsum(TensorImpl w, int d) {
        return flip(cumsum(flip(w, d), d), d);
    }

    /**
     * {@code torch.cumsum(x, dim)}: {@code out[..., i, ...] = Σ_{j ≤ i} x[..., j, ...]} along dim (a 0-d x is
     * its own sum), accumulated in double for floating dtypes; int64 and bool inputs give int64. Derivative
     * ({@code CumsumBackward0}, PyTorch's {@code cumsum_backward}): the reversed cumulative sum of g,
     * {@code ∂x[i] = Σ_{j ≥ i} g[j]} = {@code g.flip(dim).cumsum(dim).flip(dim)} (g itself when dim has
     * at most one element).
     */
    public static TensorImpl cumsum(TensorImpl x, int dim) {
        int d = Ops.wrapDim(dim, x.dim());
        TensorImpl out = scanRaw(ScanOp.CUMSUM, x, d);
        if (Graph.needs(x)) {
            boolean trivial = x.numel() <= 1 || x.dim() == 0 || x.layout().size(d) == 1;
            Graph.record(out, "CumsumBackward0", (g, n) -> new TensorImpl[] {trivial ? g : reversedCumsum(g, d)}, x);
        }
        return out;
    }

    /**
     * {@code torch.cumprod(x, dim)}: {@code out[..., i, ...] = Π_{j ≤ i} x[..., j, ...]} along dim, int64 and
     * bool inputs giving int64. Derivative ({@code CumprodBackward0}), PyTorch 1.13's
     * {@code cumprod_backward} ({@link #cumprodBackward}): without zeros in x,
     * {@code ∂x = reversed_cumsum(g · result) / x}; with zeros, the zero-safe form (positions before the first
     * zero of a slice as above; the first zero gets {@code Π x[<z₁] · Σ_{z₁ ≤ j < z₂} g[j]·Π x(z₁, j]}; after
     * it 0), and while the derivative itself is recorded (create_graph) PyTorch's O(n²) form built from
     * cumprods of slices, so that double backward is correct at zeros too.
     */
    public static TensorImpl cumprod(TensorImpl x, int dim) {
        int d = Ops.wrapDim(dim, x.dim());
        TensorImpl out = scanRaw(ScanOp.CUMPROD, x, d);
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x), so = SavedTensor.output(out);
            Graph.record(out, "CumprodBackward0", (g, n) -> new TensorImpl[] {cumprodBackward(g, sx.get(), d, so.get())}, x, sx, so);
        }
        return out;
    }

    /** PyTorch 1.13's {@code cumprod_backward(grad, input, dim, output)} (ReduceOps.cpp), in tensor ops. */
    private static TensorImpl cumprodBackward(TensorImpl g, TensorImpl x, int d, TensorImpl out) {
        if (x.numel() <= 1 || x.dim() == 0) return g;
        int n = x.layout().size(d);
        if (n == 1) return g;
        int[] dd = {d};
        TensorImpl w = mul(out, g);
        TensorImpl isZero = eq(x, 0.0);
        if (itemLong(all(isZero, null, false, false)) == 0) return div(reversedCumsum(w, d), x);
        if (!GradMode.isEnabled()) {
            // O(n): zeros counted along d; k < z1 where the count is 0, the first zero z1 where it turns 1.
            TensorImpl count = cumsum(isZero, d);
            TensorImpl before = eq(count, 0.0), upToSecond = eq(count, 1.0);
            TensorImpl firstZero = logicalAnd(isZero, upToSecond);
            TensorImpl between = logicalAnd(upToSecond, ne(x, 0.0));
            TensorImpl early = div(reversedCumsum(where(before, w, 0.0), d), x);
            // Π x[<z1] is the last running product of x with everything from z1 on replaced by 1
            TensorImpl prodBefore = narrow(cumprod(where(before, x, 1.0), d), d, n - 1, 1);
            TensorImpl atZero = mul(sum(mul(cumprod(where(between, x, 1.0), d), where(upToSecond, g, 0.0)), dd, true), prodBefore);
            return where(before, early, where(firstZero, atZero, 0.0));
        }
        // O(n^2), differentiable: ∂x[k] = Σ_{j ≥ k} g[j] · Π_{i ≤ j, i ≠ k} x[i]
        int[] onesShape = x.shape().clone();
        onesShape[d] = 1;
        List<TensorImpl> parts = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            TensorImpl omitted;
            if (k == 0) {
                TensorImpl ones = Creation.full(onesShape, 1, g.dtype());
                omitted = Indexing.cat(List.of(ones, cumprod(narrow(x, d, 1, n - 1), d)), d);
            } else {
                TensorImpl untilK = narrow(cumprod(narrow(x, d, 0, k), d), d, k - 1, 1);
                omitted = k == n - 1 ? untilK
                        : Indexing.cat(List.of(untilK, mul(untilK, cumprod(narrow(x, d, k + 1, n - k - 1), d))), d);
            }
            parts.add(sum(mul(narrow(g, d, k, n - k), omitted), dd, false));
        }
        return Indexing.stack(parts, d);
    }

    // ---------------------------------------------------------------- norm

    /**
     * {@code torch.norm(x, p, dim, keepdim)} ({@code x.norm(p, dim, keepdim)}) over {@code dims} (null or empty:
     * all): p = 2 {@code √Σx²}, p = 1 {@code Σ|x|}, p = ∞ {@code amax |x|}, p = -∞ {@code amin |x|}, p = 0 the
     * count of nonzeros, otherwise {@code (Σ|x|ᵖ)^(1/p)}; an empty x gives 0 for every p, as PyTorch 1.13.
     * Floating dtypes only (PyTorch's error otherwise). Computed without recording, then one
     * {@code NormBackward1} node (PyTorch 1.13 records that name for {@code x.norm()} and
     * {@code x.norm(p, dim)} alike), PyTorch's {@code norm_backward} with g and result unsqueezed back:
     * p = 0 no gradient (undefined, as PyTorch); p = 1 {@code sgn(x)·g}; p = 2 {@code g·x/result}, 0 where
     * result = 0; p = ±∞ {@code sgn(x)·(g / Σm)·m}, {@code m = (|x| == result) ∨ isnan(x)}; p &lt; 1
     * {@code sgn(x)·|x|^(p-1)·g·result^(1-p)}, 0 where x = 0; 1 &lt; p &lt; 2 {@code sgn(x)·|x|^(p-1)·g/result^(p-1)}
     * and p &gt; 2 {@code x·|x|^(p-2)·g/result^(p-1)}, 0 where result = 0.
     */
    public static TensorImpl norm(TensorImpl x, double p, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("norm(): input dtype should be either floating point or complex. Got "
                    + x.dtype().scalarTypeName() + " instead.");
        }
        int[] ds = dims == null ? new int[0] : dims;
        boolean[] mask = reduceMask(ds, x.dim());
        TensorImpl out;
        boolean prev = GradMode.set(false);
        try {
            if (x.numel() == 0) {
                out = Ops.empty(x.dtype(), outShape(x.shape(), mask, keepdim));
            } else if (p == 2) {
                out = sqrt(sum(mul(x, x), ds, keepdim));
            } else if (p == 1) {
                out = sum(Unary.ABS.apply(x), ds, keepdim);
            } else if (Double.isInfinite(p)) {
                out = amax(Unary.ABS.apply(x), ds, keepdim, p > 0);
            } else if (p == 0) {
                out = sum(to(ne(x, 0.0), x.dtype()), ds, keepdim);
            } else {
                out = pow(sum(pow(Unary.ABS.apply(x), p), ds, keepdim), 1 / p);
            }
        } finally {
            GradMode.set(prev);
        }
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x), so = SavedTensor.output(out);
            int[] rd = dimsOf(mask);
            Graph.record(out, "NormBackward1", (g, n) -> {
                if (p == 0) return new TensorImpl[] {null};
                TensorImpl a = sx.get();
                TensorImpl gg = restoreDims(g, mask, keepdim), r = restoreDims(so.get(), mask, keepdim);
                if (p == 1) return new TensorImpl[] {mul(sign(a), gg)};
                if (p == 2) return new TensorImpl[] {mul(gg, where(eq(r, 0.0), 0.0, div(a, r)))};
                TensorImpl abs = Unary.ABS.apply(a);
                if (Double.isInfinite(p)) {
                    TensorImpl nan = Unary.ISNAN.apply(abs);
                    TensorImpl m = where(nan, nan, eq(abs, r));
                    return new TensorImpl[] {mul(sign(a), mul(div(gg, sum(m, rd, true)), m))};
                }
                if (p < 1) {
                    TensorImpl scaled = mul(sign(a), where(eq(a, 0.0), 0.0, pow(abs, p - 1)));
                    return new TensorImpl[] {mul(mul(scaled, gg), pow(r, 1 - p))};
                }
                TensorImpl scaled = p < 2 ? mul(sign(a), pow(abs, p - 1)) : mul(a, pow(abs, p - 2));
                TensorImpl scale = where(eq(r, 0.0), 0.0, div(gg, pow(r, p - 1)));
                return new TensorImpl[] {mul(scaled, scale)};
            }, x, sx, so);
        }
        return out;
    }

    // ---------------------------------------------------------------- all / any

    /**
     * {@code torch.all(x, dim, keepdim)} ({@code all=true}: every element nonzero, true over an empty set) or
     * {@code torch.any} ({@code all=false}: some element nonzero, false over an empty set) over {@code dims}
     * (null or empty: all dims), for any input dtype (NaN counts as nonzero); a bool result, not
     * differentiable.
     */
    public static TensorImpl all(TensorImpl x, int[] dims, boolean keepdim, boolean all) {
        boolean[] mask = reduceMask(dims, x.dim());
        return reduceRaw(all ? ReduceOp.ALL : ReduceOp.ANY, x, mask, keepdim, DType.BOOL);
    }
}
