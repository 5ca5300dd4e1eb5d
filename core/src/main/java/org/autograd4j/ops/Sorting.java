package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;
import static org.autograd4j.ops.TensorMath.*;

import org.autograd4j.DType;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.storage.Layout;

/**
 * Sorting, searching and counting, each op with its derivative beside it: sort, argsort, topk, kthvalue, median,
 * nanmedian, mode, cummax/cummin (values and int64 indices), unique and unique_consecutive, searchsorted,
 * bucketize, histc. The differentiable ones pick input elements, so their derivative is PyTorch's
 * {@code value_selecting_reduction_backward}: g scattered into zeros of the input's shape at the indices, and
 * their tangent the input's tangent gathered at the indices ({@code gather_with_keepdimed_indices}).
 */
public final class Sorting {
    private Sorting() {
    }

    // ---------------------------------------------------------------- helpers

    /** {@code l} with dim {@code d} moved to the last position; a 0-d layout as one line of one element. */
    static Layout dimToLast(Layout l, int d) {
        int nd = l.dim();
        if (nd == 0) return new Layout(new int[] {1}, new int[] {1}, l.offset());
        int[] shape = l.shape(), st = l.strides();
        int[] ns = new int[nd], nst = new int[nd];
        int k = 0;
        for (int i = 0; i < nd; i++) if (i != d) { ns[k] = shape[i]; nst[k++] = st[i]; }
        ns[k] = shape[d];
        nst[k] = st[d];
        return new Layout(ns, nst, l.offset());
    }

    private static int sizeAt(TensorImpl x, int d) {
        return x.dim() == 0 ? 1 : x.layout().size(d);
    }

    private static void notBool(TensorImpl x, String kernel) {
        if (x.dtype() == DType.BOOL) throw new IllegalArgumentException("\"" + kernel + "\" not implemented for 'Bool'");
    }

    /**
     * Records PyTorch's {@code value_selecting_reduction_backward}: zeros of x's shape (in g's dtype) with g added at
     * {@code indices} along d ({@code keepdim=false}: g and indices get d back as size 1 first). The indices of
     * one line are distinct, so the scatter-add is the scatter PyTorch does.
     */
    private static void recordSelecting(TensorImpl values, String node, TensorImpl x, int d, TensorImpl indices, boolean keepdim) {
        if (!Graph.needs(x)) return;
        int[] shape = x.shape();
        int nd = x.dim();
        TensorImpl idx = indices.detach();
        Graph.record(values, node, (g, n) -> {
            TensorImpl gi = keepdim || nd == 0 ? g : unsqueeze(g, d);
            TensorImpl ii = keepdim || nd == 0 ? idx : unsqueeze(idx, d);
            return new TensorImpl[] {Indexing.scatterAdd(Ops.empty(g.dtype(), shape), nd == 0 ? 0 : d, ii, gi)};
        }, x, tg -> {
            // gather_with_keepdimed_indices: the tangent at the selected positions
            if (nd == 0) return tg[0];
            TensorImpl r = Indexing.gather(tg[0], d, keepdim ? idx : unsqueeze(idx, d));
            return keepdim ? r : squeeze(r, d);
        });
    }

    /** The shape of a reduction over d: d dropped, or kept as 1. */
    private static int[] reducedShape(TensorImpl x, int d, boolean keepdim) {
        int[] shape = x.shape();
        if (shape.length == 0) return shape;
        boolean[] mask = new boolean[shape.length];
        mask[d] = true;
        return Reductions.outShape(shape, mask, keepdim);
    }

    /** A reduction-over-d layout for the kernels that write one contiguous value per line. */
    private static TensorImpl[] lineReduce(TensorImpl x, int d, boolean keepdim, String name, Kernel1 kernel) {
        if (x.dim() > 0 && x.layout().size(d) == 0) {
            throw new IndexOutOfBoundsException(name + "(): Expected reduction dim " + d + " to have non-zero size.");
        }
        int[] outShape = reducedShape(x, d, keepdim);
        TensorImpl values = Ops.empty(x.dtype(), outShape), indices = Ops.empty(DType.INT64, outShape);
        if (values.numel() > 0) kernel.run(dimToLast(x.layout(), d), values, indices);
        return new TensorImpl[] {values, indices};
    }

    private interface Kernel1 {
        void run(Layout lines, TensorImpl values, TensorImpl indices);
    }

    // ---------------------------------------------------------------- sort, argsort, topk

    /**
     * {@code torch.sort(x, dim, descending)} ({@code stable} null) or {@code torch.sort(x, stable=, dim=,
     * descending=)}: values sorted along dim and their int64 positions, as {@code {values, indices}}. Always a
     * stable sort (NaN last ascending, first descending); PyTorch's unstable sort orders ties the same way for
     * lines of up to 16 elements. Derivative ({@code SortBackward0}, {@code SortBackward1} for the stable
     * overload): g scattered back to the positions, {@code zeros.scatter(dim, indices, g)}.
     */
    public static TensorImpl[] sort(TensorImpl x, int dim, boolean descending, Boolean stable) {
        int d = Ops.wrapDim(dim, x.dim());
        TensorImpl values = Ops.empty(x.dtype(), x.shape()), indices = Ops.empty(DType.INT64, x.shape());
        if (x.numel() > 0) {
            K.sort(descending, Integer.MAX_VALUE, x.storage(), dimToLast(x.layout(), d), values.storage(),
                    dimToLast(values.layout(), d), indices.storage(), dimToLast(indices.layout(), d));
        }
        recordSelecting(values, stable == null ? "SortBackward0" : "SortBackward1", x, d, indices, true);
        return new TensorImpl[] {values, indices};
    }

    /** {@code torch.argsort(x, dim, descending, stable)}: the indices of {@link #sort}; not differentiable. */
    public static TensorImpl argsort(TensorImpl x, int dim, boolean descending) {
        return sort(x.detach(), dim, descending, null)[1];
    }

    /**
     * {@code torch.topk(x, k, dim, largest, sorted)}: the k largest (or smallest) along dim, in order, with
     * their positions. Ties keep the earlier position first (PyTorch's partial selection may order ties
     * otherwise); {@code sorted=false} also returns them in order. Derivative ({@code TopkBackward0}): g
     * scattered back, {@code zeros.scatter(dim, indices, g)}.
     */
    public static TensorImpl[] topk(TensorImpl x, long k, int dim, boolean largest, boolean sorted) {
        int d = Ops.wrapDim(dim, x.dim());
        int size = sizeAt(x, d);
        if (k < 0 || k > size) throw new IllegalArgumentException("selected index k out of range");
        notBool(x, "topk_cpu");
        int[] shape = x.shape().clone();
        if (shape.length > 0) shape[d] = (int) k;
        TensorImpl values = Ops.empty(x.dtype(), shape), indices = Ops.empty(DType.INT64, shape);
        if (values.numel() > 0) {
            // a 0-d x gives its element even for k = 0, as PyTorch does (its 0-d output has one element)
            K.sort(largest, x.dim() == 0 ? 1 : (int) k, x.storage(), dimToLast(x.layout(), d), values.storage(), dimToLast(values.layout(), d),
                    indices.storage(), dimToLast(indices.layout(), d));
        }
        recordSelecting(values, "TopkBackward0", x, d, indices, true);
        return new TensorImpl[] {values, indices};
    }

    // ---------------------------------------------------------------- kthvalue, median, mode

    /**
     * {@code torch.kthvalue(x, k, dim, keepdim)}: the k-th smallest (1-based) along dim and its position, by
     * PyTorch's quick select (so ties resolve as PyTorch's do). Derivative ({@code KthvalueBackward0}): g at that
     * position.
     */
    public static TensorImpl[] kthvalue(TensorImpl x, long k, int dim, boolean keepdim) {
        int d = Ops.wrapDim(dim, x.dim());
        int size = sizeAt(x, d);
        if (size == 0) throw new IndexOutOfBoundsException("kthvalue(): Expected reduction dim " + d + " to have non-zero size.");
        if (k < 1 || k > size) {
            throw new IllegalArgumentException("kthvalue(): selected number k out of range for dimension " + d);
        }
        notBool(x, "kthvalue_cpu");
        TensorImpl[] r = lineReduce(x, d, keepdim, "kthvalue",
                (l, v, i) -> K.kthvalue((int) k - 1, x.storage(), l, v.storage(), i.storage()));
        recordSelecting(r[0], "KthvalueBackward0", x, d, r[1], keepdim);
        return r;
    }

    /**
     * {@code torch.median(x)} ({@code nan=false}) or {@code torch.nanmedian(x)}: the lower median of all elements
     * (NaN if any is NaN, or, for nanmedian, the median of the others; NaN for no elements). Derivative
     * ({@code MedianBackward0}/{@code NanmedianBackward0}, PyTorch's {@code evenly_distribute_backward}): g shared
     * evenly among the elements equal to the result (the NaN ones when it is NaN).
     */
    public static TensorImpl medianAll(TensorImpl x, boolean ignoreNan) {
        TensorImpl out = Ops.empty(x.dtype(), new int[0]);
        if (x.numel() == 0) {
            K.fill(out.storage(), out.layout(), Double.NaN);
        } else {
            TensorImpl flat = Ops.dense(x);
            Layout l = new Layout(new int[] {x.numel()}, new int[] {1}, flat.layout().offset());
            K.median(ignoreNan, flat.storage(), l, out.storage(), Ops.empty(DType.INT64, new int[0]).storage());
        }
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x), so = SavedTensor.output(out);
            Graph.record(out, ignoreNan ? "NanmedianBackward0" : "MedianBackward0", (g, n) -> {
                TensorImpl xv = sx.get(), r = so.get();
                double rv = r.storage().getDouble(r.layout().offset());
                TensorImpl mask = rv != rv ? Unary.ISNAN.apply(xv) : eq(xv, r);
                return new TensorImpl[] {where(mask, div(g, sum(mask)), 0.0)};
            }, new TensorImpl[] {x}, tg -> {
                // evenly_read_jvp: the mean of the tangent over the elements equal to the result (NaN for a NaN result)
                TensorImpl mask = eq(x, out);
                return div(sum(where(mask, tg[0], 0.0)), sum(mask));
            }, sx, so);
        }
        return out;
    }

    /**
     * {@code torch.median(x, dim, keepdim)} or {@code torch.nanmedian(x, dim, keepdim)}: the lower median along dim
     * and its position (the element at {@code (n - 1) / 2} in (value, position) order, as PyTorch's tie-broken
     * selection; a line with NaN gives its first NaN for median). Derivative ({@code MedianBackward1}/
     * {@code NanmedianBackward1}): g at that position.
     */
    public static TensorImpl[] medianDim(TensorImpl x, int dim, boolean keepdim, boolean ignoreNan) {
        int d = Ops.wrapDim(dim, x.dim());
        // nanmedian's empty-dim error names median, as PyTorch's shared kernel does
        TensorImpl[] r = lineReduce(x, d, keepdim, "median", (l, v, i) -> K.median(ignoreNan, x.storage(), l, v.storage(), i.storage()));
        recordSelecting(r[0], ignoreNan ? "NanmedianBackward1" : "MedianBackward1", x, d, r[1], keepdim);
        return r;
    }

    /**
     * {@code torch.mode(x, dim, keepdim)}: the most frequent value along dim (the smallest of equally frequent
     * ones) and the position of its last occurrence. Derivative ({@code ModeBackward0}): g at that position.
     */
    public static TensorImpl[] mode(TensorImpl x, int dim, boolean keepdim) {
        int d = Ops.wrapDim(dim, x.dim());
        TensorImpl[] r = lineReduce(x, d, keepdim, "mode", (l, v, i) -> K.mode(x.storage(), l, v.storage(), i.storage()));
        recordSelecting(r[0], "ModeBackward0", x, d, r[1], keepdim);
        return r;
    }

    // ---------------------------------------------------------------- cummax / cummin

    /**
     * {@code torch.cummax(x, dim)} (or cummin): the running max along dim and the position it was last taken from
     * (ties and NaN move it forward, a NaN stays). Derivative ({@code CummaxBackward0}/{@code CumminBackward0},
     * PyTorch's {@code cummaxmin_backward}): {@code zeros.scatter_add(dim, indices, g)}.
     */
    public static TensorImpl[] cumExtreme(TensorImpl x, int dim, boolean max) {
        int d = Ops.wrapDim(dim, x.dim());
        TensorImpl values = Ops.empty(x.dtype(), x.shape()), indices = Ops.empty(DType.INT64, x.shape());
        if (x.numel() > 0) {
            K.cumExtreme(max, x.storage(), dimToLast(x.layout(), d), values.storage(), dimToLast(values.layout(), d),
                    indices.storage(), dimToLast(indices.layout(), d));
        }
        recordSelecting(values, max ? "CummaxBackward0" : "CumminBackward0", x, d, indices, true);
        return new TensorImpl[] {values, indices};
    }

    // ---------------------------------------------------------------- unique

    /**
     * {@code torch.unique(x, sorted, return_inverse=True, return_counts=True)} ({@code consecutive=false}) or
     * {@code torch.unique_consecutive(x, ...)} over the flattened x, as {@code {output, inverse, counts}}: the
     * distinct values (ascending; PyTorch 1.13's CPU {@code sorted=False} lists them in its hash set's order, here
     * they come sorted too), the output position of every element (x's shape) and how often each occurs. The
     * output records PyTorch's {@code Unique2Backward0}/{@code UniqueConsecutiveBackward0}, whose backward fails
     * as PyTorch's does.
     */
    public static TensorImpl[] unique(TensorImpl x, boolean consecutive) {
        int n = x.numel();
        TensorImpl out = Ops.empty(x.dtype(), new int[] {n});
        TensorImpl inverse = Ops.empty(DType.INT64, x.shape()), counts = Ops.empty(DType.INT64, new int[] {n});
        int u = K.unique(!consecutive, x.storage(), x.layout(), out.storage(), inverse.storage(), counts.storage());
        out = Shapes.clone(Shapes.narrow(out, 0, 0, u));
        counts = Shapes.clone(Shapes.narrow(counts, 0, 0, u));
        if (Graph.needs(x)) {
            String node = consecutive ? "UniqueConsecutiveBackward0" : "Unique2Backward0";
            String op = consecutive ? "unique_consecutive" : "_unique2";
            String message = "the derivative for '" + op + "' is not implemented.";
            Graph.record(out, node, (g, m) -> {
                throw new UnsupportedOperationException(message);
            }, new TensorImpl[] {x}, tg -> {
                // no forward formula in PyTorch either; its message names the ATen op
                throw new UnsupportedOperationException(Dual.notImplementedAnywhere(op));
            });
        }
        return new TensorImpl[] {out, inverse, counts};
    }

    /**
     * {@code torch.unique(x, dim=dim, return_inverse=True, return_counts=True)} ({@code consecutive=false}, always
     * sorted, as PyTorch's unique_dim is) or {@code torch.unique_consecutive(x, dim=dim, ...)}: the distinct slices
     * along dim, as {@code {output, inverse, counts}}, inverse and counts 1-d over dim. The output records
     * {@code UniqueDimBackward0}/{@code UniqueConsecutiveBackward0}, whose backward fails as PyTorch's does.
     */
    public static TensorImpl[] uniqueDim(TensorImpl x, int dim, boolean consecutive) {
        if (x.dim() == 0) throw new IndexOutOfBoundsException("Dimension specified as " + dim + " but tensor has no dimensions");
        int d = Ops.wrapDim(dim, x.dim());
        int n = x.layout().size(d);
        if (x.numel() == 0 && n != 0) {
            throw new IllegalArgumentException("There are 0 sized dimensions, and they aren't selected, so unique cannot be applied");
        }
        TensorImpl first = Ops.empty(DType.INT64, new int[] {n});
        TensorImpl inverse = Ops.empty(DType.INT64, new int[] {n}), counts = Ops.empty(DType.INT64, new int[] {n});
        int u = 0;
        if (n > 0) {
            // the slices as rows of a dense [n, m] block
            TensorImpl rows = Ops.dense(transpose(x.detach(), 0, d));
            int m = rows.numel() / n;
            Layout rl = new Layout(new int[] {n, m}, new int[] {m, 1}, rows.layout().offset());
            u = K.uniqueRows(!consecutive, rows.storage(), rl, first.storage(), inverse.storage(), counts.storage());
        }
        TensorImpl out = Indexing.indexSelect(x.detach(), d, Shapes.narrow(first, 0, 0, u));
        counts = Shapes.clone(Shapes.narrow(counts, 0, 0, u));
        if (Graph.needs(x)) {
            String node = consecutive ? "UniqueConsecutiveBackward0" : "UniqueDimBackward0";
            String op = consecutive ? "unique_consecutive" : "unique_dim";
            String message = "the derivative for '" + op + "' is not implemented.";
            Graph.record(out, node, (g, m) -> {
                throw new UnsupportedOperationException(message);
            }, new TensorImpl[] {x}, tg -> {
                // no forward formula in PyTorch either; its message names the ATen op
                throw new UnsupportedOperationException(Dual.notImplementedAnywhere(op));
            });
        }
        return new TensorImpl[] {out, inverse, counts};
    }

    // ---------------------------------------------------------------- searchsorted, bucketize, histc

    /**
     * {@code torch.searchsorted(sortedSequence, values, right=right)}: for every value the index where it would be
     * inserted into the matching innermost line of the sorted sequence to keep it sorted (before equal elements,
     * or after them with {@code right}), as int64 of values' shape. A 1-d sequence serves every value; otherwise
     * its leading dims must equal values'. {@code side} ("left"/"right", or null) is PyTorch's other spelling.
     * Not differentiable.
     */
    public static TensorImpl searchsorted(TensorImpl seq, TensorImpl values, boolean right, String side) {
        return searchsorted(seq, values, right, side, null);
    }

    /**
     * {@link #searchsorted(TensorImpl, TensorImpl, boolean, String)} over a sequence that {@code sorter} (int64,
     * the sequence's shape) sorts along its last dim: {@code torch.searchsorted(seq, values, sorter=sorter)}
     * searches {@code seq.gather(-1, sorter)}. An index out of range fails with gather's error (PyTorch 1.13 does
     * not check it).
     */
    public static TensorImpl searchsorted(TensorImpl seq, TensorImpl values, boolean right, String side, TensorImpl sorter) {
        if (side != null) {
            if (!side.equals("left") && !side.equals("right")) {
                throw new IllegalArgumentException("torch.searchsorted(): side can only be 'left' or 'right' but got " + side);
            }
            if (right && side.equals("left")) {
                throw new IllegalArgumentException("torch.searchsorted(): side and right can't be set to opposites, got side of "
                        + "left while right was True");
            }
            right = side.equals("right");
        }
        if (sorter != null) {
            if (!java.util.Arrays.equals(sorter.shape(), seq.shape())) {
                throw new IllegalArgumentException("torch.searchsorted(): boundary and sorter must have the same size, but got boundary "
                        + "tensor " + java.util.Arrays.toString(seq.shape()) + "and got sorter tensor " + java.util.Arrays.toString(sorter.shape()));
            }
            if (sorter.dtype() != DType.INT64) {
                throw new IllegalArgumentException("torch.searchsorted(): sorter must be a tensor of long dtype but got dtype "
                        + sorter.dtype().scalarTypeName());
            }
        }
        if (seq.dim() == 0) {
            throw new IllegalArgumentException("torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 "
                    + "dimension");
        }
        if (values.dim() == 0 && seq.dim() != 1) {
            throw new IllegalArgumentException("torch.searchsorted(): input value can be a scalar only when boundaries tensor dimension "
                    + "is 1, but we got boundaries tensor dim(" + seq.dim() + ") and input value's dim(0) numel(1)");
        }
        int[] ss = seq.shape(), vs = values.shape();
        boolean shared = ss.length == 1;
        if (!shared) {
            boolean ok = ss.length == vs.length;
            for (int i = 0; ok && i < ss.length - 1; i++) ok = ss[i] == vs[i];
            if (!ok) {
                throw new IllegalArgumentException("torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 "
                        + "dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor "
                        + java.util.Arrays.toString(ss) + " and input value tensor " + java.util.Arrays.toString(vs));
            }
        }
        TensorImpl out = Ops.empty(DType.INT64, vs);
        if (out.numel() == 0) return out;
        if (sorter != null) seq = Indexing.gather(seq.detach(), seq.dim() - 1, sorter);
        // both in their promoted dtype, as PyTorch compares them (a Python float against float32 boundaries is a float32)
        DType common = Promotion.resultType(seq, values);
        seq = Ops.convert(seq, common);
        values = Ops.convert(values, common);
        // values and out as lines along their last dim (a 0-d values is one line of one)
        Layout vl = values.dim() == 0 ? new Layout(new int[] {1}, new int[] {1}, values.layout().offset()) : values.layout();
        Layout ol = values.dim() == 0 ? new Layout(new int[] {1}, new int[] {1}, 0) : out.layout();
        Layout sl = seq.layout();
        if (shared) {
            // one sequence for every line: stride 0 over values' leading dims
            int nd = vl.dim();
            int[] shape = new int[nd], st = new int[nd];
            for (int i = 0; i < nd - 1; i++) shape[i] = vl.size(i);
            shape[nd - 1] = sl.size(0);
            st[nd - 1] = sl.strides()[0];
            sl = new Layout(shape, st, sl.offset());
        }
        K.searchsorted(right, seq.storage(), sl, values.storage(), vl, out.storage(), ol);
        return out;
    }

    /**
     * {@code torch.bucketize(input, boundaries, right=right)}: searchsorted of every element in a 1-d boundaries
     * tensor. Not differentiable.
     */
    public static TensorImpl bucketize(TensorImpl x, TensorImpl boundaries, boolean right) {
        if (boundaries.dim() != 1) {
            throw new IllegalArgumentException("boundaries tensor must be 1 dimension, but got dim(" + boundaries.dim() + ")");
        }
        return searchsorted(boundaries, x, right, null);
    }

    /**
     * {@code torch.histc(x, bins, min, max)}: counts of the elements in {@code bins} equal bins over [min, max]
     * (the data's range when min = max; widened by 1 each side when that is one point), elements outside left
     * out, NaN counted in the first bin (as PyTorch 1.13 does); x's floating dtype. Not differentiable (the result records no graph).
     */
    public static TensorImpl histc(TensorImpl x, long bins, double min, double max) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"histogram_cpu\" not implemented for '" + x.dtype().scalarTypeName() + "'");
        }
        if (bins <= 0) throw new IllegalArgumentException("torch.histogram(): bins must be > 0, but got " + bins + " for dimension 0");
        double lo = min, hi = max;
        if (lo == hi && x.numel() > 0) {
            lo = Reductions.maxAll(x.detach(), false).storage().getDouble(0);
            hi = Reductions.maxAll(x.detach(), true).storage().getDouble(0);
        }
        if (lo == hi) {
            lo -= 1;
            hi += 1;
        }
        if (Double.isInfinite(lo) || Double.isInfinite(hi) || Double.isNaN(lo) || Double.isNaN(hi)) {
            throw new IllegalArgumentException("torch.histc: range of [" + num(lo) + ", " + num(hi) + "] is not finite");
        }
        if (!(lo < hi)) throw new IllegalArgumentException("torch.histc: max must be larger than min");
        TensorImpl out = Ops.empty(x.dtype(), new int[] {(int) bins});
        K.fill(out.storage(), out.layout(), 0.0);
        K.histc(x.storage(), x.layout(), lo, hi, out.storage());
        return out;
    }

    /** A double as C++'s {@code operator<<} prints it in PyTorch's messages (6 significant digits). */
    private static String num(double v) {
        if (Double.isNaN(v)) return "-nan"; // the data's NaN reaches the message through aminmax as x86's default NaN, sign set
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return Long.toString((long) v);
        String s = String.format("%.6g", v);
        if (s.contains("e")) return s;
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
