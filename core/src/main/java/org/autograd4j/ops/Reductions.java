package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;
import static org.autograd4j.ops.TensorMath.*;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.kernels.BinaryOp;
import org.autograd4j.kernels.ReduceOp;
import org.autograd4j.kernels.ScanOp;
import org.autograd4j.kernels.UnaryOp;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Sizes;

/**
 * The reductions that are not {@link Reduction} rows, each with its derivative beside it: max/min of all elements
 * and along a dim with indices, argmax/argmin, softmax, cumsum/cumprod; and the machinery the rows share (dim
 * masks, the reduce-kernel call, output shapes, {@link #sumTo}). Inside this class {@code sum} is
 * {@link TensorMath}'s, i.e. {@link Reduction#SUM}.
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

    /** The masked dims, in order. */
    static int[] dimsOf(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) if (b) n++;
        int[] r = new int[n];
        n = 0;
        for (int d = 0; d < mask.length; d++) if (mask[d]) r[n++] = d;
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
        // as PyTorch's sum_to: to a 0-d shape it is the plain sum (SumBackward0 in a double-backward graph)
        if (shape.length == 0) return sum(g);
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

    /** The value of a one-element integer or bool tensor. */
    static long itemLong(TensorImpl t) {
        return t.storage().getLong(t.layout().offset());
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
            }, x, tg -> {
                // evenly_read_jvp: the mean of the tangent over the elements equal to the result
                TensorImpl isMax = eq(x, out);
                return div(sum(where(isMax, tg[0], 0.0)), sum(isMax));
            }, sx, so);
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
            }, x, tg -> {
                // the tangent at the winning positions
                if (nd == 0) return tg[0];
                TensorImpl r = Indexing.gather(tg[0], d, keepdim ? idx : unsqueeze(idx, d));
                return keepdim ? r : squeeze(r, d);
            });
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
        DType t = x.dtype();
        TensorImpl out = Ops.empty(t, x.shape());
        // one fused kernel pass per row, the dim viewed last in both x and out
        if (x.numel() > 0) K.softmax(log, x.storage(), dimToLast(x.layout(), d), out.storage(), dimToLast(out.layout(), d));
        if (Graph.needs(x)) {
            SavedTensor so = SavedTensor.output(out);
            int[] dd = x.dim() == 0 ? new int[0] : new int[] {d};
            Graph.record(out, log ? "LogSoftmaxBackward0" : "SoftmaxBackward0", (g, n) -> {
                TensorImpl y = so.get();
                if (!Graph.needs(g, y)) return new TensorImpl[] {softmaxBackwardRaw(log, g, y, d)};
                // create_graph: PyTorch's _(log_)softmax_backward_data op, its own node
                return new TensorImpl[] {BackwardOps.softmaxBackwardData(log, g, y, d, dd, (gg, yy) -> softmaxBackwardRaw(log, gg, yy, d))};
            }, x, tg -> {
                // softmax: y·(t − Σ t·y); log_softmax: t − Σ e^y·t
                if (log) {
                    TensorImpl s = mul(exp(out), tg[0]);
                    return sub(tg[0], dd.length == 0 ? s : sum(s, dd, true));
                }
                TensorImpl ty = mul(tg[0], out);
                return sub(ty, mul(out, dd.length == 0 ? ty : sum(ty, dd, true)));
            }, so);
        }
        return out;
    }

    /** The fused softmax/log_softmax gradient along d (no graph): PyTorch's {@code _softmax_backward_data}. */
    private static TensorImpl softmaxBackwardRaw(boolean log, TensorImpl g, TensorImpl y, int d) {
        TensorImpl gc = Ops.convert(g, y.dtype());
        TensorImpl out = Ops.empty(y.dtype(), y.shape());
        if (out.numel() == 0) return out;
        Layout gl = gc.layout().broadcastTo(y.shape());
        K.softmaxBackward(log, gc.storage(), dimToLast(gl, d), y.storage(), dimToLast(y.layout(), d), out.storage(),
                dimToLast(out.layout(), d));
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
        if (Graph.needs(x)) Graph.record(out, "FlipBackward0", (g, n) -> new TensorImpl[] {flip(g, d)}, x, tg -> flip(tg[0], d));
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
            Graph.record(out, "CumsumBackward0", (g, n) -> new TensorImpl[] {trivial ? g : reversedCumsum(g, d)}, x, tg -> cumsum(tg[0], d));
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
            Graph.record(out, "CumprodBackward0", (g, n) -> new TensorImpl[] {cumprodBackward(g, sx.get(), d, so.get())}, x,
                    tg -> cumprodTangent(tg[0], x, d, out), sx, so);
        }
        return out;
    }

    /**
     * cumprod's tangent: {@code result·cumsum(t/x)} without zeros in x; with zeros the zero-safe sum
     * {@code Σ_k [k ≤ i]·tg[k]·Π_{j ≤ i, j ≠ k} x[j]}, one cumprod per position k (each with x[k] set to 1).
     */
    private static TensorImpl cumprodTangent(TensorImpl t, TensorImpl x, int d, TensorImpl out) {
        if (x.dim() == 0) return t;
        if (itemLong(sum(eq(x, 0.0))) == 0) return mul(out, cumsum(div(t, x), d));
        int n = x.layout().size(d);
        long[] posShape = new long[x.dim()];
        java.util.Arrays.fill(posShape, 1);
        posShape[d] = n;
        TensorImpl pos = Shapes.view(Creation.arange(0, n, 1), posShape);
        TensorImpl r = null;
        for (int k = 0; k < n; k++) {
            TensorImpl term = mul(where(ge(pos, (double) k), cumprod(where(eq(pos, (double) k), 1.0, x), d), 0.0),
                    Shapes.narrow(t, d, k, 1));
            r = r == null ? term : add(r, term);
        }
        return r;
    }

    /** PyTorch 1.13's {@code cumprod_backward(grad, input, dim, output)} (ReduceOps.cpp), in tensor ops. */
    private static TensorImpl cumprodBackward(TensorImpl g, TensorImpl x, int d, TensorImpl out) {
        if (x.numel() <= 1 || x.dim() == 0) return g;
        int n = x.layout().size(d);
        if (n == 1) return g;
        int[] dd = {d};
        TensorImpl w = mul(out, g);
        TensorImpl isZero = eq(x, 0.0);
        if (itemLong(Reduction.ANY.apply(isZero, null, false)) == 0) return div(reversedCumsum(w, d), x);
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
}
