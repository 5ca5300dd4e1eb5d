package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;
import static org.autograd4j.ops.TensorMath.*;

import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.kernels.BinaryOp;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Sizes;

/** Ops that pick or place elements by index, and joining: gather, scatterAdd, indexSelect, indexAdd, cat, stack. */
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
                scatterAdd(Ops.empty(g.dtype(), shape), d, idx, g)}, x);
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

    /**
     * {@code base} with {@code src[..i..]} added at {@code [..index[..i..]..]} along dim (a new tensor; base is
     * not modified). Derivative: (g, g gathered by index) — PyTorch's {@code scatter_add}.
     */
    public static TensorImpl scatterAdd(TensorImpl base, int dim, TensorImpl index, TensorImpl src) {
        checkIndex(index, "scatter");
        int d = base.dim() == 0 ? 0 : Ops.wrapDim(dim, base.dim());
        TensorImpl out = Shapes.cloneRaw(base);
        TensorImpl s = Ops.convert(src, base.dtype());
        K.scatterAdd(out.storage(), out.layout(), d, index.storage(), index.layout(), s.storage(), s.layout());
        if (Graph.needs(base, src)) {
            TensorImpl idx = index.detach();
            Graph.record(out, "ScatterAddBackward0", (g, n) -> new TensorImpl[] {
                n.needs(0) ? g : null, n.needs(1) ? gather(g, d, idx) : null}, new TensorImpl[] {base, src});
        }
        return out;
    }

    /** Slices along dim picked by a 1-d int64 index. Derivative: g index-added into zeros. */
    public static TensorImpl indexSelect(TensorImpl x, int dim, TensorImpl index) {
        checkIndex(index, "index_select");
        if (index.dim() > 1) throw new IllegalArgumentException("index_select(): Index is supposed to be a vector");
        int d = Ops.wrapDim(dim, x.dim());
        long[] idx = values(index);
        int size = x.dim() == 0 ? 1 : x.layout().size(d);
        for (long i : idx) {
            if (i < -size || i >= size) throw new IndexOutOfBoundsException("index out of range in self");
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
                indexAdd(Ops.empty(g.dtype(), inShape), d, ix, g)}, x);
        }
        return out;
    }

    /** {@code base} with slices of src added at the indexed positions along dim. Derivative: (g, g index-selected). */
    public static TensorImpl indexAdd(TensorImpl base, int dim, TensorImpl index, TensorImpl src) {
        int d = base.dim() == 0 ? 0 : Ops.wrapDim(dim, base.dim());
        long[] idx = values(index);
        TensorImpl out = Shapes.cloneRaw(base);
        // detached, so the slices below (whose select checks bound the indices) record nothing for src
        TensorImpl s = Ops.convert(src, base.dtype()).detach();
        int size = base.dim() == 0 ? 1 : base.layout().size(d);
        for (int k = 0; k < idx.length; k++) {
            Layout dst = base.dim() == 0 ? out.layout() : select(out, d, idx[k] < 0 ? idx[k] + size : idx[k]).layout();
            Layout sl = base.dim() == 0 ? s.layout() : select(s, d, k).layout();
            K.binary(BinaryOp.ADD, out.storage(), dst, s.storage(), sl, out.storage(), dst);
        }
        if (Graph.needs(base, src)) {
            TensorImpl ix = index.detach();
            Graph.record(out, "IndexAddBackward0", (g, n) -> new TensorImpl[] {
                n.needs(0) ? g : null, n.needs(1) ? indexSelect(g, d, ix) : null}, new TensorImpl[] {base, src});
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
            }, inputs);
        }
        return out;
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
            }, inputs);
        }
        return out;
    }
}
