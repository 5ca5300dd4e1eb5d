package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;

import java.util.function.UnaryOperator;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Sizes;

/**
 * Movement ops: each returns a view (a new {@link Layout} over the same storage, nothing copied) or, for
 * clone/reshape of an unviewable layout, a copy. Each derivative moves the gradient back the same way.
 *
 * <p>The derivatives call this class's own ops unqualified: Java resolves a name declared here before any
 * static import, so {@link TensorMath} is named where its overloads are wanted ({@code reshape} to an
 * {@code int[]} shape).
 */
public final class Shapes {
    private Shapes() {
    }

    /** {@link #asStrided}'s node name, also that of the view histories {@link Graph} regenerates. */
    static final String AS_STRIDED = "AsStridedBackward0";

    /** Resolves one -1 in {@code shape} against {@code numel}, with PyTorch's errors. */
    static int[] inferSize(long[] shape, int numel) {
        int infer = -1;
        long prod = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("only one dimension can be inferred");
                infer = i;
            } else if (shape[i] < 0) {
                throw new IllegalArgumentException("invalid shape dimension " + shape[i]);
            } else {
                prod *= shape[i];
            }
        }
        int[] r = new int[shape.length];
        for (int i = 0; i < shape.length; i++) r[i] = (int) shape[i];
        if (infer >= 0 ? (prod == 0 || numel % prod != 0) : prod != numel) {
            if (!(infer >= 0 && prod == 0 && numel == 0)) {
                throw new IllegalArgumentException("shape '" + Sizes.list(shape) + "' is invalid for input of size " + numel);
            }
        }
        if (infer >= 0) r[infer] = prod == 0 ? 0 : (int) (numel / prod);
        return r;
    }

    /** Strides that view {@code l}'s data with {@code newShape}, or null (PyTorch's computeStride). */
    static int[] viewStrides(Layout l, int[] newShape) {
        int[] os = l.shape(), ost = l.strides();
        // As PyTorch's computeStride: an empty tensor keeps its strides for its own shape, else takes contiguous ones
        if (l.numel() == 0) return java.util.Arrays.equals(os, newShape) ? ost.clone() : Layout.contiguousStrides(newShape);
        if (os.length == 0 || l.isContiguous()) return Layout.contiguousStrides(newShape);
        int[] ns = new int[newShape.length];
        int viewD = newShape.length - 1;
        long chunkBase = ost[os.length - 1];
        long tensorNumel = 1, viewNumel = 1;
        for (int td = os.length - 1; td >= 0; td--) {
            tensorNumel *= os[td];
            if (td == 0 || (os[td - 1] != 1 && ost[td - 1] != tensorNumel * chunkBase)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    ns[viewD] = (int) (viewNumel * chunkBase);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (td > 0) {
                    chunkBase = ost[td - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? ns : null;
    }

    /** A view with another shape. Derivative: g reshaped back. */
    public static TensorImpl view(TensorImpl x, long[] shape) {
        int[] s = inferSize(shape, x.numel());
        int[] st = viewStrides(x.layout(), s);
        if (st == null) {
            throw new IllegalArgumentException("view size is not compatible with input tensor's size and stride (at least one "
                    + "dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        return viewWith(x, new Layout(s, st, x.layout().offset()), "ViewBackward0");
    }

    private static TensorImpl viewWith(TensorImpl x, Layout l, String name) {
        TensorImpl out = x.view(l);
        if (Graph.needs(x)) {
            int[] orig = x.shape();
            Graph.record(out, name, (g, n) -> new TensorImpl[] {TensorMath.reshape(g, orig)}, x, t -> TensorMath.reshape(t[0], out.shape()));
        }
        return out;
    }

    /** A view when the strides allow ({@code ReshapeAliasBackward0}), else a contiguous copy viewed. */
    public static TensorImpl reshape(TensorImpl x, long[] shape) {
        int[] s = inferSize(shape, x.numel());
        int[] st = viewStrides(x.layout(), s);
        if (st != null) return viewWith(x, new Layout(s, st, x.layout().offset()), "ReshapeAliasBackward0");
        return unsafeView(clone(x), Sizes.toLongs(s));
    }

    /** PyTorch's {@code _unsafe_view} of a fresh contiguous result. Derivative: g reshaped back. */
    public static TensorImpl unsafeView(TensorImpl x, long[] shape) {
        int[] s = inferSize(shape, x.numel());
        TensorImpl out = TensorImpl.of(x.storage(), new Layout(s, Layout.contiguousStrides(s), x.layout().offset()));
        if (Graph.needs(x)) {
            int[] orig = x.shape();
            Graph.record(out, "UnsafeViewBackward0", (g, n) -> new TensorImpl[] {TensorMath.reshape(g, orig)}, x,
                    t -> TensorMath.reshape(t[0], out.shape()));
        }
        return out;
    }

    /** Dims start..end merged into one (a reshape); x itself when nothing merges. */
    public static TensorImpl flatten(TensorImpl x, int start, int end) {
        int nd = x.dim();
        if (nd == 0) return reshape(x, new long[] {1});
        int s = Ops.wrapDim(start, nd), e = Ops.wrapDim(end, nd);
        if (s > e) throw new IllegalArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        if (s == e) return x;
        int[] shape = x.shape();
        long[] ns = new long[nd - (e - s)];
        long prod = 1;
        for (int i = s; i <= e; i++) prod *= shape[i];
        int k = 0;
        for (int i = 0; i < s; i++) ns[k++] = shape[i];
        ns[k++] = prod;
        for (int i = e + 1; i < nd; i++) ns[k++] = shape[i];
        return reshape(x, ns);
    }

    /** Removes all size-1 dims. Derivative: g reshaped back. */
    public static TensorImpl squeeze(TensorImpl x) {
        Layout l = x.layout();
        int kept = 0;
        for (int s : l.shape()) if (s != 1) kept++;
        int[] ns = new int[kept], nst = new int[kept];
        kept = 0;
        for (int i = 0; i < l.dim(); i++) {
            if (l.size(i) != 1) {
                ns[kept] = l.size(i);
                nst[kept++] = l.strides()[i];
            }
        }
        TensorImpl out = x.view(new Layout(ns, nst, l.offset()));
        if (Graph.needs(x)) {
            int[] orig = l.shape();
            Graph.record(out, "SqueezeBackward0", (g, n) -> new TensorImpl[] {TensorMath.reshape(g, orig)}, x,
                    t -> TensorMath.reshape(t[0], out.shape()));
        }
        return out;
    }

    /** Removes dim if it has size 1 (else the same shape). Derivative: g unsqueezed there. */
    public static TensorImpl squeeze(TensorImpl x, int dim) {
        return squeeze(x, dim, "SqueezeBackward1");
    }

    /** {@link #squeeze(TensorImpl, int)} recorded under another name (PyTorch's in-place squeeze_ is SqueezeBackward3). */
    static TensorImpl squeeze(TensorImpl x, int dim, String name) {
        Layout l = x.layout();
        int nd = l.dim();
        int d = Ops.wrapDim(dim, nd);
        TensorImpl out;
        boolean removes = nd > 0 && l.size(d) == 1;
        if (removes) {
            int[] ns = new int[nd - 1], nst = new int[nd - 1];
            for (int i = 0, k = 0; i < nd; i++) {
                if (i == d) continue;
                ns[k] = l.size(i);
                nst[k++] = l.strides()[i];
            }
            out = x.view(new Layout(ns, nst, l.offset()));
        } else {
            out = x.view(l);
        }
        if (Graph.needs(x)) {
            Graph.record(out, name, (g, n) -> new TensorImpl[] {removes ? unsqueeze(g, d) : g}, x, t -> removes ? squeeze(t[0], d) : t[0]);
        }
        return out;
    }

    /** Inserts a size-1 dim. Derivative: g squeezed there. */
    public static TensorImpl unsqueeze(TensorImpl x, int dim) {
        Layout l = x.layout();
        int nd = l.dim();
        int d = Ops.wrapDim(dim, nd + 1);
        int[] ns = new int[nd + 1], nst = new int[nd + 1];
        for (int i = 0, k = 0; i <= nd; i++) {
            if (i == d) {
                ns[i] = 1;
                nst[i] = d < nd ? l.size(d) * l.strides()[d] : 1;
            } else {
                ns[i] = l.size(k);
                nst[i] = l.strides()[k++];
            }
        }
        TensorImpl out = x.view(new Layout(ns, nst, l.offset()));
        if (Graph.needs(x)) Graph.record(out, "UnsqueezeBackward0", (g, n) -> new TensorImpl[] {squeeze(g, d)}, x, t -> unsqueeze(t[0], d));
        return out;
    }

    /** Repeats size-1 dims (stride 0) to {@code sizes}; -1 keeps a size. Derivative: g summed back. */
    public static TensorImpl expand(TensorImpl x, long[] sizes) {
        Layout l = x.layout();
        int nd = l.dim();
        if (sizes.length < nd) {
            throw new IllegalArgumentException("expand(torch." + x.dtype().scalarTypeName() + "Tensor{" + Sizes.list(x.shape())
                    + "}, size=" + Sizes.list(sizes) + "): the number of sizes provided (" + sizes.length + ") must be greater "
                    + "or equal to the number of dimensions in the tensor (" + nd + ")");
        }
        int count = sizes.length;
        int[] ns = new int[count], nst = new int[count];
        for (int i = count - 1; i >= 0; i--) {
            int j = i - (count - nd);
            long want = sizes[i];
            if (j >= 0) {
                int have = l.size(j);
                if (want == -1) want = have;
                if (have != want) {
                    if (have != 1) {
                        throw new IllegalArgumentException("The expanded size of the tensor (" + want + ") must match the existing "
                                + "size (" + have + ") at non-singleton dimension " + i + ".  Target sizes: " + Sizes.list(sizes)
                                + ".  Tensor sizes: " + Sizes.list(x.shape()));
                    }
                    nst[i] = 0;
                } else {
                    nst[i] = l.strides()[j];
                }
            } else {
                if (want == -1) {
                    throw new IllegalArgumentException("The expanded size of the tensor (-1) isn't allowed in a leading, "
                            + "non-existing dimension " + i);
                }
                nst[i] = 0;
            }
            ns[i] = (int) want;
        }
        TensorImpl out = x.view(new Layout(ns, nst, l.offset()));
        // g is summed back to x's shape by the node itself (FnNode reduces every gradient to its input's shape)
        if (Graph.needs(x)) Graph.record(out, "ExpandBackward0", (g, n) -> new TensorImpl[] {g}, x, t -> TensorMath.expand(t[0], out.shape()));
        return out;
    }

    /** Transpose of a ≤2-d tensor. Derivative: gᵀ. */
    public static TensorImpl t(TensorImpl x) {
        int nd = x.dim();
        if (nd > 2) throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is " + nd + "D");
        TensorImpl out = nd < 2 ? x.view(x.layout()) : swapped(x, 0, 1);
        if (Graph.needs(x)) Graph.record(out, "TBackward0", (g, n) -> new TensorImpl[] {t(g)}, x, t -> t(t[0]));
        return out;
    }

    private static TensorImpl swapped(TensorImpl x, int a, int b) {
        Layout l = x.layout();
        int[] ns = l.shape().clone(), nst = l.strides().clone();
        ns[a] = l.size(b);
        ns[b] = l.size(a);
        nst[a] = l.strides()[b];
        nst[b] = l.strides()[a];
        return x.view(new Layout(ns, nst, l.offset()));
    }

    /** Swaps two dims. Derivative: g with the same dims swapped. */
    public static TensorImpl transpose(TensorImpl x, int dim0, int dim1) {
        int nd = x.dim();
        int a = Ops.wrapDim(dim0, nd), b = Ops.wrapDim(dim1, nd);
        TensorImpl out = nd == 0 ? x.view(x.layout()) : swapped(x, a, b);
        if (Graph.needs(x)) Graph.record(out, "TransposeBackward0", (g, n) -> new TensorImpl[] {transpose(g, a, b)}, x, t -> transpose(t[0], a, b));
        return out;
    }

    /** Reorders dims. Derivative: g permuted by the inverse order. */
    public static TensorImpl permute(TensorImpl x, int[] dims) {
        Layout l = x.layout();
        int nd = l.dim();
        if (dims.length != nd) {
            throw new IllegalArgumentException("permute(sparse_coo): number of dimensions in the tensor input does not match the "
                    + "length of the desired ordering of dimensions i.e. input.dim() = " + nd + " is not equal to len(dims) = "
                    + dims.length);
        }
        int[] ns = new int[nd], nst = new int[nd], inv = new int[nd];
        boolean[] seen = new boolean[nd];
        for (int i = 0; i < nd; i++) {
            int d = Ops.wrapDim(dims[i], nd);
            if (seen[d]) throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
            seen[d] = true;
            ns[i] = l.size(d);
            nst[i] = l.strides()[d];
            inv[d] = i;
        }
        TensorImpl out = x.view(new Layout(ns, nst, l.offset()));
        if (Graph.needs(x)) Graph.record(out, "PermuteBackward0", (g, n) -> new TensorImpl[] {permute(g, inv)}, x, t -> permute(t[0], dims));
        return out;
    }

    /** The slice at index along dim (dim removed). Derivative: g placed into zeros at that slice. */
    public static TensorImpl select(TensorImpl x, int dim, long index) {
        Layout l = x.layout();
        int nd = l.dim();
        if (nd == 0) throw new IndexOutOfBoundsException("select() cannot be applied to a 0-dim tensor.");
        int d = Ops.wrapDim(dim, nd);
        int size = l.size(d);
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException("select(): index " + index + " out of range for tensor of size "
                    + Sizes.list(x.shape()) + " at dimension " + d);
        }
        int i = (int) (index < 0 ? index + size : index);
        int[] ns = new int[nd - 1], nst = new int[nd - 1];
        for (int k = 0, j = 0; k < nd; k++) {
            if (k == d) continue;
            ns[j] = l.size(k);
            nst[j++] = l.strides()[k];
        }
        TensorImpl out = x.view(new Layout(ns, nst, l.offset() + i * l.strides()[d]));
        if (Graph.needs(x)) {
            int[] shape = l.shape();
            Graph.record(out, "SelectBackward0", (g, n) -> new TensorImpl[] {selectBackward(g, shape, d, i)}, x, t -> select(t[0], d, i));
        }
        return out;
    }

    /** Zeros of {@code shape} with g written at index along dim. Derivative: gg selected back. */
    public static TensorImpl selectBackward(TensorImpl g, int[] shape, int dim, int index) {
        TensorImpl result = zerosWith(g, shape, z -> select(z, dim, index));
        if (Graph.needs(g)) {
            Graph.record(result, "SelectBackwardBackward0", (gg, n) -> new TensorImpl[] {select(gg, dim, index)}, g,
                    t -> selectBackward(t[0], shape, dim, index));
        }
        return result;
    }

    /** Elements start..start+length-1 along dim (PyTorch's slice). Derivative: g placed into zeros there. */
    public static TensorImpl narrow(TensorImpl x, int dim, long start, long length) {
        Layout l = x.layout();
        int nd = l.dim();
        if (nd == 0) throw new IllegalArgumentException("narrow() cannot be applied to a 0-dim tensor.");
        int d = Ops.wrapDim(dim, nd);
        int size = l.size(d);
        long st = start < 0 ? start + size : start;
        if (start < -size || start > size) {
            // PyTorch 1.13 wraps start as a dim of `size` dims (start == size is allowed, as an empty end)
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of [" + (-size) + ", " + (size - 1)
                    + "], but got " + start + ")");
        }
        if (length < 0) throw new IllegalArgumentException("narrow(): length must be non-negative.");
        if (st + length > size) {
            throw new IllegalArgumentException("start (" + st + ") + length (" + length + ") exceeds dimension size (" + size + ").");
        }
        int[] ns = l.shape().clone();
        ns[d] = (int) length;
        TensorImpl out = x.view(new Layout(ns, l.strides(), l.offset() + (int) st * l.strides()[d]));
        if (Graph.needs(x)) {
            int[] shape = l.shape();
            int s0 = (int) st, len = (int) length;
            Graph.record(out, "SliceBackward0", (g, n) -> new TensorImpl[] {sliceBackward(g, shape, d, s0, len)}, x, t -> narrow(t[0], d, s0, len));
        }
        return out;
    }

    /** Zeros of {@code shape} with g written at start..start+length along dim. Derivative: gg narrowed back. */
    public static TensorImpl sliceBackward(TensorImpl g, int[] shape, int dim, int start, int length) {
        TensorImpl result = zerosWith(g, shape, z -> narrow(z, dim, start, length));
        if (Graph.needs(g)) {
            Graph.record(result, "SliceBackwardBackward0", (gg, n) -> new TensorImpl[] {narrow(gg, dim, start, length)}, g,
                    t -> sliceBackward(t[0], shape, dim, start, length));
        }
        return result;
    }

    /**
     * The elements of contiguous {@code x} at {@code geometry} (shape, strides, offset relative to x), PyTorch's
     * {@code as_strided} for non-overlapping geometries. Derivative: g scattered back into zeros of x's shape.
     */
    static TensorImpl asStrided(TensorImpl x, Layout geometry) {
        TensorImpl out = x.view(new Layout(geometry.shape(), geometry.strides(), x.layout().offset() + geometry.offset()));
        if (Graph.needs(x)) {
            int[] shape = x.shape();
            Graph.record(out, AS_STRIDED, (g, n) -> new TensorImpl[] {asStridedScatter(g, shape, geometry)}, x,
                    t -> asStrided(t[0].layout().isContiguous() ? t[0] : clone(t[0]), geometry));
        }
        return out;
    }

    /** Zeros of {@code shape} with g written at {@code geometry}. Derivative: gg read back at the geometry. */
    static TensorImpl asStridedScatter(TensorImpl g, int[] shape, Layout geometry) {
        TensorImpl out = zerosWith(g, shape, z -> z.view(geometry));
        if (Graph.needs(g)) {
            // asStrided's geometry addresses a dense tensor
            Graph.record(out, "AsStridedScatterBackward0", (gg, n) -> new TensorImpl[] {
                asStrided(gg.layout().isContiguous() ? gg : clone(gg), geometry)}, g, t -> asStridedScatter(t[0], shape, geometry));
        }
        return out;
    }

    /** Zeros of {@code shape} with g copied into the part {@code region} views (no graph): the backward of a view. */
    private static TensorImpl zerosWith(TensorImpl g, int[] shape, UnaryOperator<TensorImpl> region) {
        TensorImpl out = Ops.empty(g.dtype(), shape);
        TensorImpl slot = region.apply(out);
        K.copy(g.storage(), g.layout(), slot.storage(), slot.layout());
        return out;
    }

    /** A contiguous copy. Derivative: g. */
    public static TensorImpl clone(TensorImpl x) {
        TensorImpl out = cloneRaw(x);
        if (Graph.needs(x)) Graph.record(out, "CloneBackward0", (g, n) -> new TensorImpl[] {g}, x, t -> clone(t[0]));
        return out;
    }

    /** A contiguous copy without recording anything. */
    public static TensorImpl cloneRaw(TensorImpl x) {
        TensorImpl out = Ops.empty(x.dtype(), x.shape());
        K.copy(x.storage(), x.layout(), out.storage(), out.layout());
        return out;
    }
}
