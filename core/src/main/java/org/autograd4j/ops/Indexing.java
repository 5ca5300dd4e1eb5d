package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;
import static org.autograd4j.ops.TensorMath.*;

import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.kernels.BinaryOp;
import org.autograd4j.kernels.Kernels;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Sizes;

/**
 * Ops that pick or place elements by index, and joining: gather, the scatter family (scatter, scatterAdd,
 * scatterReduce), indexSelect, indexAdd, indexCopy, indexFill, cat, stack.
 */
public final class Indexing {
    private Indexing() {
    }

    private static void checkIndex(TensorImpl index, String op) {
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + (op.equals("index_select") ? "(): Expected dtype int32 or int64 for index"
                    : "(): Expected dtype int64 for index"));
        }
    }

    /** The index's values in row-major order, converted to int64 (no graph). */
    private static long[] values(TensorImpl index) {
        TensorImpl c = Ops.dense(Ops.convert(index, DType.INT64));
        int off = c.layout().offset();
        long[] r = new long[c.numel()];
        for (int i = 0; i < r.length; i++) r[i] = c.storage().getLong(off + i);
        return r;
    }

    /** {@code out[..i..] = x[..index[..i..]..]} along dim. Derivative: g scatter-added into zeros. */
    public static TensorImpl gather(TensorImpl x, int dim, TensorImpl index) {
        checkIndex(index, "gather");
        int d = Ops.wrapDim(dim, x.dim());
        if (index.dim() != x.dim() && !(x.dim() == 0 && index.dim() <= 1)) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as input tensor");
        }
        checkBounds(index, x.dim() == 0 ? 1 : x.layout().size(d), d);
        TensorImpl out = Ops.empty(x.dtype(), index.shape());
        K.gather(x.storage(), x.layout(), d, index.storage(), index.layout(), out.storage(), out.layout());
        if (Graph.needs(x)) {
            int[] shape = x.shape();
            TensorImpl idx = index.detach();
            Graph.record(out, "GatherBackward0", (g, n) -> new TensorImpl[] {
                scatterAdd(Ops.empty(g.dtype(), shape), d, idx, g)}, x, tg -> gather(tg[0], d, idx));
        }
        return out;
    }

    private static void checkBounds(TensorImpl index, int size, int dim) {
        for (long i : values(index)) {
            if (i < -size || i >= size) {
                throw new IndexOutOfBoundsException("index " + i + " is out of bounds for dimension " + dim + " with size " + size);
            }
        }
    }

    // ------------------------------------------------------------------ scatter family

    /** PyTorch's reduce names for scatter_reduce, in {@link org.autograd4j.kernels.Kernels#SCATTER_SUM}'s order. */
    private static int reduceCode(String reduce) {
        return switch (reduce) {
            case "sum" -> Kernels.SCATTER_SUM;
            case "prod" -> Kernels.SCATTER_PROD;
            case "mean" -> -1;
            case "amax" -> Kernels.SCATTER_AMAX;
            case "amin" -> Kernels.SCATTER_AMIN;
            default -> throw new IllegalArgumentException("reduce argument must be either sum, prod, mean, amax or amin.");
        };
    }

    /**
     * PyTorch's checks of a scatter into self (scatter_gather_dtype_check and scatter_shape_check, then the
     * kernel's bounds check), all before anything is written; src may be null (a scalar value).
     */
    private static int checkScatter(TensorImpl self, int dim, TensorImpl index, TensorImpl src) {
        // PyTorch names every op of the family "scatter" in these two messages
        if (index.dtype() != DType.INT64) throw new IllegalArgumentException("scatter(): Expected dtype int64 for index");
        if (src != null && src.dtype() != self.dtype()) {
            throw new IllegalArgumentException("scatter(): Expected self.dtype to be equal to src.dtype");
        }
        int d = Ops.wrapDim(dim, self.dim());
        if (index.numel() == 0) return d;
        if (Math.max(index.dim(), 1) != Math.max(self.dim(), 1)) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as self tensor");
        }
        if (src != null && Math.max(index.dim(), 1) != Math.max(src.dim(), 1)) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as src tensor");
        }
        boolean bad = false;
        for (int k = 0; k < index.dim(); k++) {
            int is = index.layout().size(k);
            if (k != d && is > self.layout().size(k)) bad = true;
            if (src != null && is > src.layout().size(k)) bad = true;
        }
        if (bad) {
            throw new IllegalArgumentException("Expected index " + Sizes.list(index.shape()) + " to be smaller than self "
                    + Sizes.list(self.shape()) + " apart from dimension " + d
                    + (src != null ? " and to be smaller size than src " + Sizes.list(src.shape()) : ""));
        }
        int size = self.dim() == 0 ? 1 : self.layout().size(d);
        for (long i : values(index)) {
            if (i < 0 || i >= size) {
                throw new IllegalArgumentException("index " + i + " is out of bounds for dimension " + d + " with size " + size);
            }
        }
        return d;
    }

    /** src read over index's shape (src may be larger along any dim). */
    private static Layout overIndex(TensorImpl src, TensorImpl index) {
        Layout sl = src.layout();
        if (src.dim() == 0 || index.dim() == 0) return new Layout(index.shape(), new int[index.dim()], sl.offset());
        return new Layout(index.shape(), sl.strides(), sl.offset());
    }

    /** A copy of self with src (or value, where src is null) reduced in at index along d; no graph, no checks. */
    private static TensorImpl scatterRaw(TensorImpl self, int d, TensorImpl index, TensorImpl src, double value, int reduce) {
        TensorImpl out = Shapes.cloneRaw(self);
        TensorImpl s = src != null ? src : Ops.convert(TensorImpl.scalar(value), self.dtype());
        Layout sl = src != null ? overIndex(src, index) : new Layout(index.shape(), new int[index.dim()], s.layout().offset());
        TensorImpl idx = Ops.dense(index);
        K.scatterReduce(out.storage(), out.layout(), self.dim() == 0 ? 0 : d, idx.storage(), idx.layout(), s.storage(), sl, reduce);
        return out;
    }

    /**
     * {@code self} with {@code src[..i..]} written at {@code [..index[..i..]..]} along dim (a new tensor;
     * PyTorch's {@code scatter(dim, index, src)}); duplicate indices: the last write wins, as on PyTorch's CPU.
     * Derivative ({@code ScatterBackward0}): self: g with the scattered positions zeroed; src: g gathered.
     */
    public static TensorImpl scatter(TensorImpl self, int dim, TensorImpl index, TensorImpl src) {
        int d = checkScatter(self, dim, index, src);
        TensorImpl out = scatterRaw(self, d, index, src, 0, Kernels.SCATTER_ASSIGN);
        if (Graph.needs(self, src)) {
            TensorImpl idx = index.detach();
            Graph.record(out, "ScatterBackward0", (g, n) -> new TensorImpl[] {
                n.needs(0) ? scatter(g, d, idx, 0.0) : null, n.needs(1) ? gather(g, d, idx) : null}, new TensorImpl[] {self, src},
                tg -> scatter(Dual.orZeros(tg[0], self), d, idx, Dual.orZeros(tg[1], src)));
        }
        return out;
    }

    /** {@code self} with {@code value} written at the indexed positions. Derivative ({@code ScatterBackward1}): g zeroed there. */
    public static TensorImpl scatter(TensorImpl self, int dim, TensorImpl index, double value) {
        int d = checkScatter(self, dim, index, null);
        TensorImpl out = scatterRaw(self, d, index, null, value, Kernels.SCATTER_ASSIGN);
        if (Graph.needs(self)) {
            TensorImpl idx = index.detach();
            Graph.record(out, "ScatterBackward1", (g, n) -> new TensorImpl[] {scatter(g, d, idx, 0.0)}, self,
                    tg -> scatter(tg[0], d, idx, 0.0));
        }
        return out;
    }

    /** {@link #scatter(TensorImpl, int, TensorImpl, TensorImpl)} in place. */
    public static TensorImpl scatter_(TensorImpl self, int dim, TensorImpl index, TensorImpl src) {
        InPlace.checkWritable(self); // PyTorch's leaf check comes before the op's own
        checkScatter(self, dim, index, src);
        return writeFrom(self, src, old -> scatter(old, dim, index, src));
    }

    /** {@link #scatter(TensorImpl, int, TensorImpl, double)} in place. */
    public static TensorImpl scatter_(TensorImpl self, int dim, TensorImpl index, double value) {
        InPlace.checkWritable(self); // PyTorch's leaf check comes before the op's own
        checkScatter(self, dim, index, null);
        return writeFrom(self, null, old -> scatter(old, dim, index, value));
    }

    /**
     * An in-place op whose other operand need not broadcast to self (src of a scatter, source of index_add):
     * the out-of-place result from a snapshot of self, copied in. The caller checked its inputs first.
     */
    private static TensorImpl writeFrom(TensorImpl self, TensorImpl other, java.util.function.UnaryOperator<TensorImpl> op) {
        // under forward AD self's new tangent is the out-of-place result's
        boolean dual = InPlace.dual(self, other);
        TensorImpl[] tangent = new TensorImpl[1];
        InPlace.write(self, other, true, old -> {
            TensorImpl result = op.apply(old);
            K.copy(result.storage(), result.layout(), self.storage(), self.layout());
            if (dual) tangent[0] = Dual.tangent(result);
            return result.gradFn();
        });
        if (dual && tangent[0] != null) {
            InPlace.setTangent(self, tangent[0]);
        } else if (dual && Dual.tangent(self) != null) {
            // a result without tangent (scatter_reduce_ "prod"): PyTorch's in-place formula copies the undefined one
            // into self's tangent and fails, the values already written; a self without tangent keeps none
            throw new IllegalStateException("Expected a proper Tensor but got None (or an undefined Tensor in C++) for argument #1 'src'");
        }
        return self;
    }

    /**
     * {@code base} with {@code src[..i..]} added at {@code [..index[..i..]..]} along dim (a new tensor; base is
     * not modified). Derivative: (g, g gathered by index) — PyTorch's {@code scatter_add}.
     */
    public static TensorImpl scatterAdd(TensorImpl base, int dim, TensorImpl index, TensorImpl src) {
        int d = checkScatter(base, dim, index, src);
        TensorImpl out = scatterRaw(base, d, index, src, 0, Kernels.SCATTER_SUM);
        if (Graph.needs(base, src)) {
            TensorImpl idx = index.detach();
            Graph.record(out, "ScatterAddBackward0", (g, n) -> new TensorImpl[] {
                n.needs(0) ? g : null, n.needs(1) ? gather(g, d, idx) : null}, new TensorImpl[] {base, src},
                tg -> scatterAdd(Dual.orZeros(tg[0], base), d, idx, Dual.orZeros(tg[1], src)));
        }
        return out;
    }

    /** {@link #scatterAdd} in place. */
    public static TensorImpl scatterAdd_(TensorImpl self, int dim, TensorImpl index, TensorImpl src) {
        InPlace.checkWritable(self); // PyTorch's leaf check comes before the op's own
        checkScatter(self, dim, index, src);
        return writeFrom(self, src, old -> scatterAdd(old, dim, index, src));
    }

    /**
     * PyTorch's {@code scatter_reduce(dim, index, src, reduce, include_self)}: each indexed position of self
     * becomes the reduction ("sum", "prod", "mean", "amax", "amin") of the src values scattered to it, and of
     * its own value when {@code includeSelf}. As PyTorch: without includeSelf the positions are first set to the
     * reduction's identity; "mean" divides the sum by the count (at least 1; floor division for integers).
     * Derivative ({@code ScatterReduceBackward0}): {@code scatter_reduce_backward} of derivatives.yaml.
     */
    public static TensorImpl scatterReduce(TensorImpl self, int dim, TensorImpl index, TensorImpl src, String reduce,
            boolean includeSelf) {
        int code = reduceCode(reduce);
        int d = checkScatter(self, dim, index, src);
        TensorImpl out = scatterReduceRaw(self, d, index, src, code, includeSelf);
        if (Graph.needs(self, src)) {
            // self, src and the result as saved tensors: under create_graph the derivative differentiates through them
            TensorImpl idx = index.detach();
            Graph.record(out, "ScatterReduceBackward0", (g, n) -> scatterReduceBackward(g, n.saved(0), d, idx, n.saved(1), reduce,
                    includeSelf, n.saved(2)), new TensorImpl[] {self, src},
                    tg -> scatterReduceTangent(self, Dual.orZeros(tg[0], self), d, idx, src, Dual.orZeros(tg[1], src), reduce,
                            includeSelf, out),
                    SavedTensor.input(self), SavedTensor.input(src), SavedTensor.output(out));
        }
        return out;
    }

    /** {@link #scatterReduce} in place. */
    public static TensorImpl scatterReduce_(TensorImpl self, int dim, TensorImpl index, TensorImpl src, String reduce,
            boolean includeSelf) {
        InPlace.checkWritable(self); // PyTorch's leaf check comes before the op's own
        reduceCode(reduce);
        checkScatter(self, dim, index, src);
        return writeFrom(self, src, old -> scatterReduce(old, dim, index, src, reduce, includeSelf));
    }

    private static TensorImpl scatterReduceRaw(TensorImpl self, int d, TensorImpl index, TensorImpl src, int code,
            boolean includeSelf) {
        TensorImpl start = self;
        if (!includeSelf) {
            double identity = switch (code) {
                case Kernels.SCATTER_PROD -> 1;
                case Kernels.SCATTER_AMAX -> self.dtype().isFloatingPoint() ? Double.NEGATIVE_INFINITY : Long.MIN_VALUE;
                case Kernels.SCATTER_AMIN -> self.dtype().isFloatingPoint() ? Double.POSITIVE_INFINITY : Long.MAX_VALUE;
                default -> 0;
            };
            start = scatterRaw(self, d, index, null, identity, Kernels.SCATTER_ASSIGN);
        }
        TensorImpl out = scatterRaw(start, d, index, src, 0, code < 0 ? Kernels.SCATTER_SUM : code);
        if (code < 0) {
            TensorImpl count = Ops.empty(self.dtype(), self.shape());
            if (includeSelf) K.fill(count.storage(), count.layout(), 1);
            TensorImpl ones = Ops.empty(self.dtype(), index.shape());
            K.fill(ones.storage(), ones.layout(), 1);
            count = scatterRaw(count, d, index, ones, 0, Kernels.SCATTER_SUM);
            int off = out.layout().offset();
            for (int i = 0; i < out.numel(); i++) {
                // count is contiguous like out (both fresh): a position no value reached divides by 1
                if (self.dtype().isFloatingPoint()) {
                    double c = count.storage().getDouble(i);
                    out.storage().setDouble(off + i, out.storage().getDouble(off + i) / (c == 0 ? 1 : c));
                } else {
                    long c = count.storage().getLong(i);
                    out.storage().setLong(off + i, Math.floorDiv(out.storage().getLong(off + i), c == 0 ? 1 : c));
                }
            }
        }
        return out;
    }

    /**
     * PyTorch 1.13.1's {@code scatter_reduce_jvp}: sum and mean are linear (the op on the tangents); amax/amin
     * share each position's tangent evenly among the elements equal to its result (self's where nothing reached
     * it); prod has no tangent (null: PyTorch 1.13 returns an undefined one, so the result has no tangent).
     */
    private static TensorImpl scatterReduceTangent(TensorImpl self, TensorImpl selfT, int d, TensorImpl index, TensorImpl src,
            TensorImpl srcT, String reduce, boolean includeSelf, TensorImpl result) {
        switch (reduce) {
            case "sum", "mean" -> {
                return scatterReduce(selfT, d, index, srcT, reduce, includeSelf);
            }
            case "prod" -> {
                return null;
            }
            default -> {
                DType dt = self.dtype();
                TensorImpl selfIs = includeSelf ? to(eq(self, result), dt) : Creation.full(self.shape(), 0, dt);
                TensorImpl srcIs = to(eq(src, gather(result, d, index)), dt);
                TensorImpl count = scatterAdd(selfIs, d, index, srcIs);
                TensorImpl total = scatterAdd(mul(selfT, selfIs), d, index, mul(srcT, srcIs));
                return where(gt(count, 0.0), div(total, count), selfT);
            }
        }
    }

    /** PyTorch 1.13.1's {@code scatter_reduce_backward}, in tensor ops. */
    private static TensorImpl[] scatterReduceBackward(TensorImpl g, TensorImpl self, int d, TensorImpl index, TensorImpl src,
            String reduce, boolean includeSelf, TensorImpl result) {
        TensorImpl gSelf, gSrc;
        switch (reduce) {
            case "sum" -> {
                gSelf = g;
                gSrc = gather(g, d, index);
            }
            case "prod" -> {
                // exclusive products where an element is 0, so a single zero still gets its gradient
                TensorImpl maskedSelf = Pointwise.maskedFill(self, eq(self, 0.0), 1);
                TensorImpl maskedSelfResult = scatterReduce(maskedSelf, d, index, src, reduce, includeSelf);
                gSelf = div(mul(g, maskedSelfResult), maskedSelf);
                TensorImpl srcZero = eq(src, 0.0);
                TensorImpl srcNumZeros = gather(scatterAdd(Ops.empty(self.dtype(), self.shape()), d, index, to(srcZero,
                        self.dtype())), d, index);
                TensorImpl srcSingleZero = logicalAnd(srcZero, eq(srcNumZeros, 1.0));
                TensorImpl maskedSrc = Pointwise.maskedFill(src, srcSingleZero, 1);
                TensorImpl maskedSrcResult = scatterReduce(self, d, index, maskedSrc, reduce, includeSelf);
                gSrc = where(srcSingleZero, gather(mul(g, maskedSrcResult), d, index),
                        div(gather(mul(g, result), d, index), Pointwise.maskedFill(src, srcZero, 1)));
            }
            case "mean" -> {
                TensorImpl count = Ops.empty(g.dtype(), g.shape());
                if (includeSelf) K.fill(count.storage(), count.layout(), 1);
                TensorImpl ones = Ops.empty(g.dtype(), src.shape());
                K.fill(ones.storage(), ones.layout(), 1);
                count = scatterAdd(count, d, index, ones);
                count = Pointwise.maskedFill(count, eq(count, 0.0), 1);
                gSelf = div(g, count);
                gSrc = div(gather(g, d, index), gather(count, d, index));
            }
            default -> {
                // amax/amin: the gradient is shared evenly among the elements equal to the result
                TensorImpl value = gather(result, d, index);
                TensorImpl selfIsResult = to(eq(self, result), self.dtype());
                TensorImpl srcIsResult = to(eq(src, value), self.dtype());
                TensorImpl count = scatterAdd(selfIsResult, d, index, srcIsResult);
                TensorImpl distributed = div(g, count);
                gSelf = mul(selfIsResult, distributed);
                gSrc = mul(srcIsResult, gather(distributed, d, index));
            }
        }
        if (!includeSelf) gSelf = scatter(gSelf, d, index, 0.0);
        return new TensorImpl[] {gSelf, gSrc};
    }

    /** Slices along dim picked by a 1-d int64 index. Derivative: g index-added into zeros. */
    public static TensorImpl indexSelect(TensorImpl x, int dim, TensorImpl index) {
        checkIndex(index, "index_select");
        if (index.dim() > 1) throw new IllegalArgumentException("index_select(): Index is supposed to be a vector");
        int d = Ops.wrapDim(dim, x.dim());
        long[] idx = values(index);
        int size = x.dim() == 0 ? 1 : x.layout().size(d);
        for (long i : idx) {
            // PyTorch takes no negative indices here
            if (i < 0 || i >= size) throw new IndexOutOfBoundsException("index out of range in self");
        }
        int[] shape = x.shape().clone();
        if (x.dim() > 0) shape[d] = idx.length;
        TensorImpl out = Ops.empty(x.dtype(), shape);
        // slices are taken of a detached alias so that no throwaway node is recorded for x
        TensorImpl xd = x.detach();
        for (int k = 0; k < idx.length && x.dim() > 0; k++) {
            Layout src = select(xd, d, idx[k] < 0 ? idx[k] + size : idx[k]).layout();
            Layout dst = select(out, d, k).layout();
            K.copy(x.storage(), src, out.storage(), dst);
        }
        if (x.dim() == 0 && idx.length > 0) K.copy(x.storage(), x.layout(), out.storage(), out.layout());
        if (Graph.needs(x)) {
            int[] inShape = x.shape();
            TensorImpl ix = index.detach();
            Graph.record(out, "IndexSelectBackward0", (g, n) -> new TensorImpl[] {
                indexAdd(Ops.empty(g.dtype(), inShape), d, ix, g)}, x, tg -> indexSelect(tg[0], d, ix));
        }
        return out;
    }

    /** {@code base} with slices of src added at the indexed positions along dim. Derivative: (g, g index-selected). */
    public static TensorImpl indexAdd(TensorImpl base, int dim, TensorImpl index, TensorImpl src) {
        return indexAdd(base, dim, index, src, 1);
    }

    /**
     * {@code base} with {@code alpha·src}'s slices added at the indexed positions along dim (PyTorch's
     * {@code index_add(dim, index, source, alpha=alpha)}, a new tensor). Derivative ({@code IndexAddBackward0}):
     * self: g; source: g index-selected, times alpha.
     */
    public static TensorImpl indexAdd(TensorImpl base, int dim, TensorImpl index, TensorImpl src, double alpha) {
        int d = checkIndexAdd(base, dim, index, src);
        long[] idx = values(index);
        TensorImpl out = Shapes.cloneRaw(base);
        TensorImpl s = src.detach();
        for (int k = 0; k < idx.length; k++) {
            Layout dst = base.dim() == 0 ? out.layout() : Shapes.select(out, d, idx[k]).layout();
            Layout sl = src.dim() == 0 ? s.layout() : Shapes.select(s, d, k).layout().broadcastTo(dst.shape());
            if (alpha == 1) {
                K.binary(BinaryOp.ADD, out.storage(), dst, s.storage(), sl, out.storage(), dst);
            } else {
                addScaled(out, dst, s, sl, alpha, base.dim() > 1);
            }
        }
        if (Graph.needs(base, src)) {
            TensorImpl ix = index.detach();
            Graph.record(out, "IndexAddBackward0", (g, n) -> new TensorImpl[] {
                n.needs(0) ? g : null, n.needs(1) ? scaled(indexSelect(g, d, ix), alpha) : null}, new TensorImpl[] {base, src},
                tg -> indexAdd(Dual.orZeros(tg[0], base), d, ix, Dual.orZeros(tg[1], src), alpha));
        }
        return out;
    }

    private static TensorImpl scaled(TensorImpl t, double alpha) {
        return alpha == 1 ? t : mul(t, alpha);
    }

    /**
     * {@code out[dst] += alpha·src[sl]} rounded as PyTorch's CPU index_add does: one fused multiply-add per
     * element for slices of a tensor of more than one dim (its add kernel's {@code fmadd}), the product rounded
     * before the sum for a 1-d tensor (its plain loop).
     */
    private static void addScaled(TensorImpl out, Layout dst, TensorImpl src, Layout sl, double alpha, boolean fused) {
        org.autograd4j.storage.Storage o = out.storage(), si = src.storage();
        boolean f32 = out.dtype() == DType.FLOAT32;
        for (int i = 0; i < dst.numel(); i++) {
            int p = dst.indexOf(i), q = sl.indexOf(i);
            if (!out.dtype().isFloatingPoint()) {
                o.setLong(p, o.getLong(p) + (long) alpha * si.getLong(q));
            } else if (f32) {
                float a = (float) alpha, b = (float) si.getDouble(q), c = (float) o.getDouble(p);
                o.setDouble(p, fused ? Math.fma(b, a, c) : c + b * a);
            } else {
                double b = si.getDouble(q), c = o.getDouble(p);
                o.setDouble(p, fused ? Math.fma(b, alpha, c) : c + b * alpha);
            }
        }
    }

    /** PyTorch's checks of index_add, in its order. */
    private static int checkIndexAdd(TensorImpl self, int dim, TensorImpl index, TensorImpl src) {
        int d = self.dim() == 0 ? 0 : Ops.wrapDim(dim, self.dim());
        if (index.dim() > 1) {
            throw new IndexOutOfBoundsException("index_add_(): Index is supposed to be a vector, but got dim: " + index.dim()
                    + " with type: " + index.dtype().scalarTypeName() + " and size: " + Sizes.list(index.shape()));
        }
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("index_add_(): Expected dtype int32/int64 for index but got: "
                    + index.dtype().scalarTypeName());
        }
        if (self.dtype() != src.dtype()) {
            throw new IllegalArgumentException("index_add_(): self (" + self.dtype().scalarTypeName() + ") and source ("
                    + src.dtype().scalarTypeName() + ") must have the same scalar type");
        }
        int n = src.dim() == 0 ? 1 : src.layout().size(d);
        if (index.numel() != n) {
            throw new IllegalArgumentException("index_add_(): Number of indices (" + index.numel()
                    + ") should be equal to source.size(dim): (" + n + "), for dim: " + d);
        }
        int size = self.dim() == 0 ? 1 : self.layout().size(d);
        for (long i : values(index)) if (i < 0 || i >= size) throw new IndexOutOfBoundsException("index out of range in self");
        // the slices must broadcast as the add would
        if (self.dim() > 0 && src.dim() > 0) {
            int[] ds = removeDim(self.shape(), d), ss = removeDim(src.shape(), d);
            InPlace.checkBroadcastsTo(Ops.empty(self.dtype(), ds), Ops.empty(src.dtype(), ss));
        }
        return d;
    }

    /** {@link #indexAdd(TensorImpl, int, TensorImpl, TensorImpl, double)} in place. */
    public static TensorImpl indexAdd_(TensorImpl self, int dim, TensorImpl index, TensorImpl src, double alpha) {
        InPlace.checkWritable(self); // PyTorch's leaf check comes before the op's own
        checkIndexAdd(self, dim, index, src);
        return writeFrom(self, src, old -> indexAdd(old, dim, index, src, alpha));
    }

    /**
     * {@code self} with the slices of {@code source} copied to the indexed positions along dim (PyTorch's
     * {@code index_copy}, a new tensor). Derivative ({@code IndexCopyBackward0}): self: g with the indexed
     * slices zeroed; source: g index-selected.
     */
    public static TensorImpl indexCopy(TensorImpl self, int dim, TensorImpl index, TensorImpl source) {
        int d = checkIndexCopy(self, dim, index, source);
        long[] idx = values(index);
        TensorImpl out = Shapes.cloneRaw(self);
        TensorImpl s = source.detach();
        for (int k = 0; k < idx.length; k++) {
            Layout dst = self.dim() == 0 ? out.layout() : Shapes.select(out, d, idx[k]).layout();
            Layout sl = source.dim() == 0 ? s.layout() : Shapes.select(s, d, k).layout();
            K.copy(s.storage(), sl, out.storage(), dst);
        }
        if (Graph.needs(self, source)) {
            TensorImpl ix = index.detach();
            Graph.record(out, "IndexCopyBackward0", (g, n) -> new TensorImpl[] {
                n.needs(0) ? indexFill(g, d, ix, 0.0) : null, n.needs(1) ? indexSelect(g, d, ix) : null},
                    new TensorImpl[] {self, source},
                    tg -> indexCopy(Dual.orZeros(tg[0], self), d, ix, Dual.orZeros(tg[1], source)));
        }
        return out;
    }

    /** {@link #indexCopy} in place. */
    public static TensorImpl indexCopy_(TensorImpl self, int dim, TensorImpl index, TensorImpl source) {
        InPlace.checkWritable(self); // PyTorch's leaf check comes before the op's own
        checkIndexCopy(self, dim, index, source);
        return writeFrom(self, source, old -> indexCopy(old, dim, index, source));
    }

    /** PyTorch's checks of index_copy, in its order. */
    private static int checkIndexCopy(TensorImpl self, int dim, TensorImpl index, TensorImpl source) {
        int d = self.dim() == 0 ? 0 : Ops.wrapDim(dim, self.dim());
        if (index.dim() > 1) {
            throw new IndexOutOfBoundsException("index_copy_(): Index should have dimension 1 or 0 (got " + index.dim() + ")");
        }
        int n = source.dim() == 0 ? 1 : source.layout().size(d);
        if (index.numel() != n) {
            throw new IndexOutOfBoundsException("index_copy_(): Number of indices (" + index.numel()
                    + ") should be equal to source.size(dim) (" + n + ")");
        }
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("index_copy_(): Expected a long tensor for index, but got "
                    + index.dtype().scalarTypeName());
        }
        if (self.dtype() != source.dtype()) {
            throw new IllegalArgumentException("index_copy_(): self and source expected to have the same dtype, but got (self) "
                    + self.dtype().scalarTypeName() + " and (source) " + source.dtype().scalarTypeName());
        }
        if (self.dim() > 0 && source.dim() > 0 && self.dim() != source.dim()) {
            throw new IndexOutOfBoundsException("index_copy_(): When source and destination are not scalars, their "
                    + "dimensionality must match. Source dimensionality (" + source.dim() + "), destination dimensionality ("
                    + self.dim() + ")");
        }
        if (self.dim() > 0 && source.dim() > 0) {
            int[] ds = removeDim(self.shape(), d), ss = removeDim(source.shape(), d);
            if (!java.util.Arrays.equals(ds, ss)) {
                throw new IllegalArgumentException("index_copy_(): Source/destination tensor must have same slice shapes. "
                        + "Destination slice shape: " + spaced(ds) + " at dimension " + d + " and source slice shape: "
                        + spaced(ss) + " at dimension 0.");
            }
        }
        int size = self.dim() == 0 ? 1 : self.layout().size(d);
        for (long i : values(index)) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException("index_copy_(): index " + i + " is out of bounds for dimension " + d
                        + " with size " + size);
            }
        }
        return d;
    }

    private static int[] removeDim(int[] s, int d) {
        int[] r = new int[s.length - 1];
        for (int i = 0, k = 0; i < s.length; i++) if (i != d) r[k++] = s[i];
        return r;
    }

    private static String spaced(int[] s) {
        StringBuilder b = new StringBuilder();
        for (int x : s) b.append(b.isEmpty() ? "" : " ").append(x);
        return b.toString();
    }

    /**
     * {@code self} with {@code value} in the indexed slices along dim (PyTorch's {@code index_fill}, a new
     * tensor; negative indices count from the end). Derivative ({@code IndexFillBackward0}): g with those
     * slices zeroed.
     */
    public static TensorImpl indexFill(TensorImpl self, int dim, TensorImpl index, double value) {
        int d = checkIndexFill(self, dim, index);
        TensorImpl out = indexFillRaw(self, d, index, value);
        if (Graph.needs(self)) {
            TensorImpl ix = index.detach();
            Graph.record(out, "IndexFillBackward0", (g, n) -> new TensorImpl[] {indexFill(g, d, ix, 0.0)}, self,
                    tg -> indexFill(tg[0], d, ix, 0.0));
        }
        return out;
    }

    /**
     * {@link #indexFill(TensorImpl, int, TensorImpl, double)} with a 0-d tensor value. Derivative
     * ({@code IndexFillBackward1}): self: g with the slices zeroed; value: the sum of g over them.
     */
    public static TensorImpl indexFill(TensorImpl self, int dim, TensorImpl index, TensorImpl value) {
        if (value.dim() != 0) {
            throw new IllegalArgumentException("index_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                    + value.dim() + " dimension(s).");
        }
        int d = checkIndexFill(self, dim, index);
        TensorImpl out = indexFillRaw(self, d, index, value.storage().getDouble(value.layout().offset()));
        if (Graph.needs(self, value)) {
            TensorImpl ix = index.detach();
            Graph.record(out, "IndexFillBackward1", (g, n) -> new TensorImpl[] {
                n.needs(0) ? indexFill(g, d, ix, 0.0) : null, n.needs(1) ? sum(indexSelect(g, d, ix)) : null},
                    new TensorImpl[] {self, value},
                    tg -> indexFill(Dual.orZeros(tg[0], self), d, ix, Dual.orZeros(tg[1], value)));
        }
        return out;
    }

    /** {@link #indexFill(TensorImpl, int, TensorImpl, double)} in place. */
    public static TensorImpl indexFill_(TensorImpl self, int dim, TensorImpl index, double value) {
        InPlace.checkWritable(self); // PyTorch's leaf check comes before the op's own
        checkIndexFill(self, dim, index);
        return writeFrom(self, null, old -> indexFill(old, dim, index, value));
    }

    /** {@link #indexFill(TensorImpl, int, TensorImpl, TensorImpl)} in place. */
    public static TensorImpl indexFill_(TensorImpl self, int dim, TensorImpl index, TensorImpl value) {
        InPlace.checkWritable(self); // PyTorch's leaf check comes before the op's own
        checkIndexFill(self, dim, index);
        return writeFrom(self, value, old -> indexFill(old, dim, index, value));
    }

    private static int checkIndexFill(TensorImpl self, int dim, TensorImpl index) {
        int d = self.dim() == 0 ? 0 : Ops.wrapDim(dim, self.dim());
        if (index.dim() > 1) throw new IllegalArgumentException("Index has to be a vector/scalar");
        if (index.dtype() != DType.INT64) throw new IndexOutOfBoundsException("index_fill_(): Expected dtype int64 for index.");
        int size = self.dim() == 0 ? 1 : self.layout().size(d);
        for (long i : values(index)) {
            if (i < -size || i >= size) {
                throw new IndexOutOfBoundsException("index " + i + " is out of bounds for dimension " + d + " with size " + size);
            }
        }
        return d;
    }

    private static TensorImpl indexFillRaw(TensorImpl self, int d, TensorImpl index, double value) {
        TensorImpl out = Shapes.cloneRaw(self);
        int size = self.dim() == 0 ? 1 : self.layout().size(d);
        TensorImpl od = out.detach();
        for (long i : values(index)) {
            Layout l = self.dim() == 0 ? out.layout() : Shapes.select(od, d, i < 0 ? i + size : i).layout();
            K.fill(out.storage(), l, value);
        }
        return out;
    }

    /** Joins tensors along an existing dim. Derivative: g narrowed back to each piece. */
    public static TensorImpl cat(List<TensorImpl> tensors, int dim) {
        if (tensors.isEmpty()) throw new IllegalArgumentException("torch.cat(): expected a non-empty list of Tensors");
        // Legacy rule kept by PyTorch: 1-d empty tensors are skipped.
        TensorImpl ref = null;
        DType t = null;
        for (TensorImpl x : tensors) {
            t = t == null ? x.dtype() : DType.promote(t, x.dtype());
            if (ref == null && !(x.dim() == 1 && x.numel() == 0)) ref = x;
        }
        if (ref == null) return Ops.empty(t, new int[] {0});
        if (ref.dim() == 0) throw new IllegalArgumentException("zero-dimensional tensor (at position 0) cannot be concatenated");
        int nd = ref.dim();
        int d = Ops.wrapDim(dim, nd);
        int total = 0;
        for (int i = 0; i < tensors.size(); i++) {
            TensorImpl x = tensors.get(i);
            if (x.dim() == 1 && x.numel() == 0) continue;
            if (x.dim() != nd) {
                throw new IllegalArgumentException("Tensors must have same number of dimensions: got " + nd + " and " + x.dim());
            }
            for (int k = 0; k < nd; k++) {
                if (k != d && x.layout().size(k) != ref.layout().size(k)) {
                    throw new IllegalArgumentException("Sizes of tensors must match except in dimension " + d + ". Expected size "
                            + ref.layout().size(k) + " but got size " + x.layout().size(k) + " for tensor number " + i
                            + " in the list.");
                }
            }
            total += x.layout().size(d);
        }
        int[] shape = ref.shape().clone();
        shape[d] = total;
        TensorImpl out = Ops.empty(t, shape);
        int[] sizes = new int[tensors.size()];
        int off = 0;
        for (int i = 0; i < tensors.size(); i++) {
            TensorImpl x = tensors.get(i);
            if (x.dim() == 1 && x.numel() == 0) continue;
            sizes[i] = x.layout().size(d);
            Layout dst = narrow(out, d, off, sizes[i]).layout();
            K.copy(x.storage(), x.layout(), out.storage(), dst);
            off += sizes[i];
        }
        TensorImpl[] inputs = tensors.toArray(new TensorImpl[0]);
        if (Graph.needs(inputs)) {
            Graph.record(out, "CatBackward0", (g, n) -> {
                TensorImpl[] r = new TensorImpl[inputs.length];
                int o = 0;
                for (int i = 0; i < inputs.length; i++) {
                    if (n.needs(i)) r[i] = sizes[i] == 0 && inputs[i].dim() == 1 ? null : narrow(g, d, o, sizes[i]);
                    o += sizes[i];
                }
                return r;
            }, inputs, tg -> cat(tangents(tg, inputs), d));
        }
        return out;
    }

    /** Each input's tangent, zeros where it has none (for the linear ops over lists). */
    private static List<TensorImpl> tangents(TensorImpl[] t, TensorImpl[] inputs) {
        List<TensorImpl> r = new java.util.ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) r.add(Dual.orZeros(t[i], inputs[i]));
        return r;
    }

    /** Joins equally shaped tensors along a new dim. Derivative: g selected back for each input. */
    public static TensorImpl stack(List<TensorImpl> tensors, int dim) {
        if (tensors.isEmpty()) throw new IllegalArgumentException("stack expects a non-empty TensorList");
        TensorImpl first = tensors.get(0);
        int d = Ops.wrapDim(dim, first.dim() + 1);
        DType t = null;
        for (int i = 0; i < tensors.size(); i++) {
            TensorImpl x = tensors.get(i);
            t = t == null ? x.dtype() : DType.promote(t, x.dtype());
            if (!java.util.Arrays.equals(x.shape(), first.shape())) {
                throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                        + Sizes.list(first.shape()) + " at entry 0 and " + Sizes.list(x.shape()) + " at entry " + i);
            }
        }
        int nd = first.dim();
        int[] shape = new int[nd + 1];
        for (int i = 0, k = 0; i <= nd; i++) shape[i] = i == d ? tensors.size() : first.layout().size(k++);
        TensorImpl out = Ops.empty(t, shape);
        for (int i = 0; i < tensors.size(); i++) {
            TensorImpl x = tensors.get(i);
            Layout dst = select(out, d, i).layout();
            K.copy(x.storage(), x.layout(), out.storage(), dst);
        }
        TensorImpl[] inputs = tensors.toArray(new TensorImpl[0]);
        if (Graph.needs(inputs)) {
            Graph.record(out, "StackBackward0", (g, n) -> {
                TensorImpl[] r = new TensorImpl[inputs.length];
                for (int i = 0; i < inputs.length; i++) if (n.needs(i)) r[i] = select(g, d, i);
                return r;
            }, inputs, tg -> stack(tangents(tg, inputs), d));
        }
        return out;
    }
}
