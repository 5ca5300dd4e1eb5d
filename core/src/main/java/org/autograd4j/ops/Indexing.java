package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;

import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.kernels.BinaryOp;
import org.autograd4j.storage.Layout;

/** Ops that pick or place elements by index, and joining: gather, scatterAdd, indexSelect, indexAdd, cat, stack. */
public final class Indexing {
    private Indexing() {
    }

    private static void checkIndex(Tensor index, String op) {
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + "(): Expected dtype int64 for index");
        }
    }

    /** {@code out[..i..] = x[..index[..i..]..]} along dim. Derivative: g scatter-added into zeros. */
    public static Tensor gather(Tensor x, int dim, Tensor index) {
        checkIndex(index, "gather");
        int d = Ops.wrapDim(dim, x.dim());
        if (index.dim() != x.dim() && !(x.dim() == 0 && index.dim() <= 1)) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as input tensor");
        }
        checkBounds(index, x.dim() == 0 ? 1 : x.layout().size(d), "gather");
        Tensor out = Ops.empty(x.dtype(), index.layout().shape());
        K.gather(x.storage(), x.layout(), d, index.storage(), index.layout(), out.storage(), out.layout());
        if (Graph.needs(x)) {
            int[] shape = x.layout().shape();
            Tensor idx = index.detach();
            Graph.record(out, "GatherBackward0", (g, n) -> new Tensor[] {scatterAdd(Ops.empty(g.dtype(), shape), d, idx, g)}, x);
        }
        return out;
    }

    private static void checkBounds(Tensor index, int size, String op) {
        long[] v = index.toLongArray();
        for (long i : v) {
            if (i < -size || i >= size) {
                throw new IndexOutOfBoundsException("index " + i + " is out of bounds for dimension with size " + size);
            }
        }
    }

    /**
     * {@code base} with {@code src[..i..]} added at {@code [..index[..i..]..]} along dim (a new tensor; base is
     * not modified). Derivative: (g, g gathered by index) — PyTorch's {@code scatter_add}.
     */
    public static Tensor scatterAdd(Tensor base, int dim, Tensor index, Tensor src) {
        checkIndex(index, "scatter_add");
        int d = base.dim() == 0 ? 0 : Ops.wrapDim(dim, base.dim());
        Tensor out = Shapes.cloneNoGraph(base);
        Tensor s = Ops.convert(src, base.dtype());
        K.scatterAdd(out.storage(), out.layout(), d, index.storage(), index.layout(), s.storage(), s.layout());
        if (Graph.needs(base, src)) {
            Tensor idx = index.detach();
            Graph.record(out, "ScatterAddBackward0", (g, n) -> new Tensor[] {
                n.needs(0) ? g : null, n.needs(1) ? g.gather(d, idx) : null}, new Tensor[] {base, src});
        }
        return out;
    }

    /** Slices along dim picked by a 1-d int64 index. Derivative: g index-added into zeros. */
    public static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        checkIndex(index, "index_select");
        if (index.dim() > 1) throw new IllegalArgumentException("index_select(): Index is supposed to be a vector");
        int d = Ops.wrapDim(dim, x.dim());
        long[] idx = index.toLongArray();
        int size = x.dim() == 0 ? 1 : x.layout().size(d);
        for (long i : idx) {
            if (i < -size || i >= size) throw new IndexOutOfBoundsException("index out of range in self");
        }
        int[] shape = x.layout().shape().clone();
        if (x.dim() > 0) shape[d] = idx.length;
        Tensor out = Ops.empty(x.dtype(), shape);
        for (int k = 0; k < idx.length && x.dim() > 0; k++) {
            Layout src = x.select(d, idx[k] < 0 ? idx[k] + size : idx[k]).detach().layout();
            Layout dst = out.select(d, k).layout();
            K.copy(x.storage(), src, out.storage(), dst);
        }
        if (x.dim() == 0 && idx.length > 0) K.copy(x.storage(), x.layout(), out.storage(), out.layout());
        Tensor result = Tensor.wrap(out.storage(), out.layout());
        if (Graph.needs(x)) {
            int[] inShape = x.layout().shape();
            Tensor ix = index.detach();
            Graph.record(result, "IndexSelectBackward0", (g, n) -> new Tensor[] {indexAdd(Ops.empty(g.dtype(), inShape), d, ix, g)}, x);
        }
        return result;
    }

    /** {@code base} with slices of src added at the indexed positions along dim. Derivative: (g, g index-selected). */
    public static Tensor indexAdd(Tensor base, int dim, Tensor index, Tensor src) {
        int d = base.dim() == 0 ? 0 : Ops.wrapDim(dim, base.dim());
        long[] idx = index.toLongArray();
        Tensor out = Shapes.cloneNoGraph(base);
        Tensor s = Ops.convert(src, base.dtype());
        int size = base.dim() == 0 ? 1 : base.layout().size(d);
        for (int k = 0; k < idx.length; k++) {
            Layout dst = base.dim() == 0 ? out.layout() : out.select(d, idx[k] < 0 ? idx[k] + size : idx[k]).layout();
            Layout sl = base.dim() == 0 ? s.layout() : s.select(d, k).layout();
            K.binary(BinaryOp.ADD, out.storage(), dst, s.storage(), sl, out.storage(), dst);
        }
        if (Graph.needs(base, src)) {
            Tensor ix = index.detach();
            Graph.record(out, "IndexAddBackward0", (g, n) -> new Tensor[] {
                n.needs(0) ? g : null, n.needs(1) ? g.indexSelect(d, ix) : null}, new Tensor[] {base, src});
        }
        return out;
    }

    /** Joins tensors along an existing dim. Derivative: g narrowed back to each piece. */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) throw new IllegalArgumentException("torch.cat(): expected a non-empty list of Tensors");
        // Legacy rule kept by PyTorch: 1-d empty tensors are skipped.
        Tensor ref = null;
        DType t = null;
        for (Tensor x : tensors) {
            t = t == null ? x.dtype() : DType.promote(t, x.dtype());
            if (ref == null && !(x.dim() == 1 && x.numel() == 0)) ref = x;
        }
        if (ref == null) return Ops.empty(t, new int[] {0});
        if (ref.dim() == 0) throw new IllegalArgumentException("zero-dimensional tensor (at position 0) cannot be concatenated");
        int nd = ref.dim();
        int d = Ops.wrapDim(dim, nd);
        int total = 0;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor x = tensors.get(i);
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
        int[] shape = ref.layout().shape().clone();
        shape[d] = total;
        Tensor out = Ops.empty(t, shape);
        int[] sizes = new int[tensors.size()];
        int off = 0;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor x = tensors.get(i);
            if (x.dim() == 1 && x.numel() == 0) continue;
            sizes[i] = x.layout().size(d);
            Layout dst = out.narrow(d, off, sizes[i]).layout();
            K.copy(x.storage(), x.layout(), out.storage(), dst);
            off += sizes[i];
        }
        Tensor result = Tensor.wrap(out.storage(), out.layout());
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        if (Graph.needs(inputs)) {
            Graph.record(result, "CatBackward0", (g, n) -> {
                Tensor[] r = new Tensor[inputs.length];
                int o = 0;
                for (int i = 0; i < inputs.length; i++) {
                    if (n.needs(i)) r[i] = sizes[i] == 0 && inputs[i].dim() == 1 ? null : g.narrow(d, o, sizes[i]);
                    o += sizes[i];
                }
                return r;
            }, inputs);
        }
        return result;
    }

    /** Joins equally shaped tensors along a new dim. Derivative: g selected back for each input. */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) throw new IllegalArgumentException("stack expects a non-empty TensorList");
        Tensor first = tensors.get(0);
        int d = Ops.wrapDim(dim, first.dim() + 1);
        DType t = null;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor x = tensors.get(i);
            t = t == null ? x.dtype() : DType.promote(t, x.dtype());
            if (!java.util.Arrays.equals(x.layout().shape(), first.layout().shape())) {
                throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                        + Ops.sizeList(first.layout().shape()) + " at entry 0 and " + Ops.sizeList(x.layout().shape())
                        + " at entry " + i);
            }
        }
        int nd = first.dim();
        int[] shape = new int[nd + 1];
        for (int i = 0, k = 0; i <= nd; i++) shape[i] = i == d ? tensors.size() : first.layout().size(k++);
        Tensor out = Ops.empty(t, shape);
        for (int i = 0; i < tensors.size(); i++) {
            Tensor x = tensors.get(i);
            Layout dst = out.select(d, i).layout();
            K.copy(x.storage(), x.layout(), out.storage(), dst);
        }
        Tensor result = Tensor.wrap(out.storage(), out.layout());
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        if (Graph.needs(inputs)) {
            Graph.record(result, "StackBackward0", (g, n) -> {
                Tensor[] r = new Tensor[inputs.length];
                for (int i = 0; i < inputs.length; i++) if (n.needs(i)) r[i] = g.select(d, i);
                return r;
            }, inputs);
        }
        return result;
    }
}
