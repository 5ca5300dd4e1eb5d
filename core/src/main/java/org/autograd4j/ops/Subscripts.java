package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Sizes;
import org.autograd4j.storage.Storage;

/**
 * Python's subscripts, as PyTorch's {@code x[...]} and {@code x[...] = v} (and the C++ frontend's
 * {@code index}/{@code index_put_} with {@code TensorIndex} lists) do them: integers, slices, {@code None},
 * {@code ...} and booleans are views (basic indexing); int64 and bool tensors gather into a new tensor
 * (advanced indexing, {@code at::index}), and assignment writes through the same steps ({@code at::index_put_}).
 * Also the mask and selection ops: masked_select, masked_scatter, nonzero, take, count_nonzero.
 *
 * <p>An index list holds {@link Integer}/{@link Long}, {@link Range}, {@link #ELLIPSIS}, {@code null}
 * (None), {@link Boolean}, {@link TensorImpl} (int64 or bool), or {@code long[]}/{@code int[]} (a Python list of
 * integers, an int64 index). The API unwraps its own types into these first.
 */
public final class Subscripts {
    private Subscripts() {
    }

    /** Python's {@code Ellipsis} ({@code ...}) in an index list. */
    public static final Object ELLIPSIS = new Object() {
        @Override
        public String toString() {
            return "Ellipsis";
        }
    };

    /**
     * A Python slice as given: null bounds are open ends (Python's None); the step is checked when applied.
     *
     * @param start the first index or null
     * @param stop the end (excluded) or null
     * @param step the step
     */
    public record Range(Long start, Long stop, long step) {
    }

    // ------------------------------------------------------------------ parsing: the basic part as views

    /** The view the basic indices give, and the advanced ones by (view) dimension, null where a dim is not indexed. */
    private record Sliced(TensorImpl view, List<TensorImpl> indices) {
    }

    private static Object[] orNone(Object[] idx) {
        // x.index((Object) null) arrives as an array; a bare null literal arrives as a null array: both mean x[None]
        return idx == null ? new Object[] {null} : idx;
    }

    /** Python's count of the dims an index consumes (also rejects what is no index at all). */
    private static int specifiedDims(Object o) {
        if (o instanceof Integer || o instanceof Long || o instanceof Range) return 1;
        if (o == null || o == ELLIPSIS || o instanceof Boolean) return 0;
        if (o instanceof TensorImpl t) return t.dtype() == DType.BOOL ? t.dim() : 1;
        if (o instanceof long[] || o instanceof int[]) return 1;
        throw new IllegalArgumentException("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are "
                + "valid indices (got " + o.getClass().getName() + ")");
    }

    private static TensorImpl listIndex(Object o) {
        long[] v = o instanceof int[] ints ? Arrays.stream(ints).asLongStream().toArray() : (long[]) o;
        return TensorImpl.of(new Storage.I64(v.clone()), Layout.contiguous(new int[] {v.length}));
    }

    /** PyTorch's {@code applySelect}: {@code realDim} is the index's position in the list, as its message says. */
    private static TensorImpl applySelect(TensorImpl x, int dim, long index, int realDim) {
        if (index == 0 && dim == 0 && x.dim() == 0) {
            throw new IndexOutOfBoundsException("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                    + "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
        }
        int size = dim < x.dim() ? x.layout().size(dim) : 0;
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of bounds for dimension " + realDim + " with size " + size);
        }
        return Shapes.select(x, dim, index);
    }

    /** PyTorch's {@code applySlice}: a full {@code 0:size} slice is x itself unless the optimisation is off. */
    private static TensorImpl applySlice(TensorImpl x, int dim, Range r, boolean disableOptimization) {
        if (r.step() <= 0) throw new IllegalArgumentException("step must be greater than zero");
        long start = r.start() == null ? 0 : r.start(), stop = r.stop() == null ? Long.MAX_VALUE : r.stop();
        if (x.dim() == 0) throw new IndexOutOfBoundsException("slice() cannot be applied to a 0-dim tensor.");
        if (!disableOptimization && start == 0 && stop == x.layout().size(dim) && r.step() == 1) return x;
        return slice(x, dim, start, stop, r.step());
    }

    /** The false/true index: no row or row 0 of the size-1 dim just inserted. */
    private static TensorImpl boolIndex(boolean b) {
        return TensorImpl.of(new Storage.I64(b ? new long[] {0} : new long[0]), Layout.contiguous(new int[] {b ? 1 : 0}));
    }

    private static void recordIndex(List<TensorImpl> out, int dim, TensorImpl t) {
        while (out.size() < dim + 1) out.add(null);
        out.set(dim, t);
    }

    /** PyTorch's {@code applySlicing}: the basic indices as views, the tensors collected by dim. */
    private static Sliced applySlicing(TensorImpl self, Object[] idx) {
        int specified = 0;
        for (Object o : idx) specified += specifiedDims(o);
        if (specified > self.dim()) throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + self.dim());
        TensorImpl result = self;
        List<TensorImpl> indices = new ArrayList<>();
        int dim = 0;
        for (int i = 0; i < idx.length; i++) {
            Object o = idx[i];
            if (o instanceof Integer || o instanceof Long) {
                result = applySelect(result, dim, ((Number) o).longValue(), i);
            } else if (o instanceof Range r) {
                result = applySlice(result, dim++, r, false);
            } else if (o == ELLIPSIS) {
                dim += self.dim() - specified;
            } else if (o == null) {
                result = Shapes.unsqueeze(result, dim++);
            } else if (o instanceof Boolean b) {
                result = Shapes.unsqueeze(result, dim);
                recordIndex(indices, dim++, boolIndex(b));
            } else if (o instanceof TensorImpl t && t.dim() == 0 && (t.dtype() == DType.INT64 || t.dtype() == DType.BOOL)) {
                // a 0-d integer tensor is an integer, a 0-d bool tensor a boolean (PyTorch does the same)
                long v = t.storage().getLong(t.layout().offset());
                if (t.dtype() == DType.INT64) {
                    result = applySelect(result, dim, v, i);
                } else {
                    result = Shapes.unsqueeze(result, dim);
                    recordIndex(indices, dim++, boolIndex(v != 0));
                }
            } else {
                // a mask takes one slot however many dims it has: PyTorch expands it later, and so do we
                recordIndex(indices, dim++, o instanceof TensorImpl t ? t : listIndex(o));
            }
        }
        return new Sliced(result, indices);
    }

    // ------------------------------------------------------------------ x[...]

    /** {@code self[idx]}: PyTorch's {@code THPVariable_getitem} (the C++ frontend's {@code Tensor::index}). */
    public static TensorImpl get(TensorImpl self, Object[] indices) {
        Object[] idx = orNone(indices);
        if (idx.length == 1) {
            Object o = idx[0];
            if (o == null) return Shapes.unsqueeze(self, 0);
            if (o == ELLIPSIS) return alias(self);
            if (o instanceof Integer || o instanceof Long) return applySelect(self, 0, ((Number) o).longValue(), 0);
            if (o instanceof Range r) return applySlice(self, 0, r, true);
        }
        Sliced s = applySlicing(self, idx);
        if (s.indices().isEmpty()) return s.view() == self ? alias(self) : s.view();
        return index(s.view(), s.indices().toArray(new TensorImpl[0]));
    }

    /** A view of all of x ({@code at::alias}). Derivative: g. */
    static TensorImpl alias(TensorImpl x) {
        TensorImpl out = x.view(x.layout());
        if (Graph.needs(x)) Graph.record(out, "AliasBackward0", (g, n) -> new TensorImpl[] {g}, x, tg -> alias(tg[0]));
        return out;
    }

    /**
     * PyTorch's {@code slice(dim, start, end, step)}: out-of-range bounds clamp, negative ones count from the end,
     * a step above 1 strides the view. Derivative: g written into zeros at the slice.
     */
    static TensorImpl slice(TensorImpl x, int dim, long start, long end, long step) {
        Layout l = x.layout();
        int size = l.size(dim);
        long s = start < 0 ? start + size : start, e = end < 0 ? end + size : end;
        s = Math.max(0, Math.min(s, size));
        e = e < s ? s : Math.min(e, size);
        int[] ns = l.shape().clone(), nst = l.strides().clone();
        ns[dim] = (int) ((e - s + step - 1) / step);
        nst[dim] = (int) (l.strides()[dim] * step);
        TensorImpl out = x.view(new Layout(ns, nst, l.offset() + (int) s * l.strides()[dim]));
        if (Graph.needs(x)) {
            int[] shape = l.shape();
            long s0 = s, e0 = e;
            Graph.record(out, "SliceBackward0", (g, n) -> new TensorImpl[] {sliceBackward(g, shape, dim, s0, e0, step)}, x,
                    tg -> slice(tg[0], dim, s0, e0, step));
        }
        return out;
    }

    /** PyTorch's {@code slice_backward}: zeros of {@code shape} with g at the slice. Derivative: gg sliced back. */
    static TensorImpl sliceBackward(TensorImpl g, int[] shape, int dim, long start, long end, long step) {
        TensorImpl out = Ops.empty(g.dtype(), shape);
        Layout slot = slice(out.detach(), dim, start, end, step).layout();
        K.copy(g.storage(), g.layout(), out.storage(), slot);
        if (Graph.needs(g)) {
            Graph.record(out, "SliceBackwardBackward0", (gg, n) -> new TensorImpl[] {slice(gg, dim, start, end, step)}, g,
                    tg -> sliceBackward(tg[0], shape, dim, start, end, step));
        }
        return out;
    }

    // ------------------------------------------------------------------ advanced indexing (at::index)

    /** What {@code make_info} and {@code AdvancedIndex} compute: the restrided source and the indexed dims. */
    private record Info(int[] shape, Layout src, Storage[] idx, Layout[] idxLayouts, int[] sizes, int[] strides) {
    }

    private static void checkTypes(TensorImpl[] indices) {
        for (TensorImpl t : indices) {
            if (t != null && t.dtype() != DType.INT64 && t.dtype() != DType.BOOL) {
                throw new IndexOutOfBoundsException("tensors used as indices must be long, byte or bool tensors");
            }
        }
    }

    /** The coordinates of t's nonzero elements, int64 [n, t.dim()], no graph. */
    private static TensorImpl nonzeroRaw(TensorImpl t) {
        int n = K.countNonzero(t.storage(), t.layout());
        TensorImpl out = Ops.empty(DType.INT64, new int[] {n, t.dim()});
        K.nonzero(t.storage(), t.layout(), out.storage());
        return out;
    }

    private static Info makeInfo(TensorImpl self, TensorImpl[] indices) {
        checkTypes(indices);
        // masks become one int64 index per dim they cover (PyTorch's expandTensors)
        List<TensorImpl> ex = new ArrayList<>();
        for (TensorImpl t : indices) {
            if (t == null || t.dtype() != DType.BOOL) {
                ex.add(t);
                continue;
            }
            for (int j = 0; j < t.dim(); j++) {
                int src = ex.size() + j;
                int have = self.layout().size(Ops.wrapDim(src, self.dim()));
                if (t.layout().size(j) != have) {
                    throw new IndexOutOfBoundsException("The shape of the mask " + Sizes.list(t.shape()) + " at index " + j
                            + " does not match the shape of the indexed tensor " + Sizes.list(self.shape()) + " at index " + src);
                }
            }
            TensorImpl nz = nonzeroRaw(t);
            for (int j = 0; j < t.dim(); j++) ex.add(Shapes.select(nz, 1, j));
        }
        int[] repl = null;
        try {
            for (TensorImpl t : ex) if (t != null) repl = repl == null ? t.shape() : Ops.broadcast(repl, t.shape());
        } catch (IllegalArgumentException e) {
            StringBuilder shapes = new StringBuilder();
            for (TensorImpl t : ex) {
                if (t == null) continue;
                if (shapes.length() > 0) shapes.append(", ");
                shapes.append(Sizes.list(t.shape()));
            }
            throw new IndexOutOfBoundsException("shape mismatch: indexing tensors could not be broadcast together with shapes " + shapes);
        }
        if (ex.size() > self.dim()) {
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + self.dim() + " (got " + ex.size() + ")");
        }
        while (ex.size() < self.dim()) ex.add(null);
        Layout sl = self.layout();
        int nd = self.dim();
        int[] order = new int[nd];
        int first = -1, last = -1;
        for (int d = 0; d < nd; d++) {
            if (ex.get(d) != null) {
                if (first < 0) first = d;
                last = d;
            }
        }
        boolean adjacent = true;
        for (int d = first; d <= last && first >= 0; d++) adjacent &= ex.get(d) != null;
        // separated indexed dims go to the front, in order (PyTorch's transposeToFront)
        int k = 0;
        if (adjacent) {
            for (int d = 0; d < nd; d++) order[d] = d;
        } else {
            for (int d = 0; d < nd; d++) if (ex.get(d) != null) order[k++] = d;
            for (int d = 0; d < nd; d++) if (ex.get(d) == null) order[k++] = d;
        }
        int before = 0, after = 0, indexed = 0;
        for (int d : order) {
            if (ex.get(d) == null) {
                if (indexed == 0) before++;
                else after++;
            } else {
                indexed++;
            }
        }
        if (repl == null) repl = new int[0];
        int[] sizes = new int[indexed], strides = new int[indexed];
        Storage[] idx = new Storage[indexed];
        List<TensorImpl> idxTensors = new ArrayList<>();
        k = 0;
        boolean zeroSize = false;
        for (int d : order) {
            TensorImpl t = ex.get(d);
            if (t == null) continue;
            sizes[k] = sl.size(d);
            strides[k] = sl.strides()[d];
            zeroSize |= sizes[k] == 0;
            idx[k++] = t.storage();
            idxTensors.add(t);
        }
        boolean replEmpty = false;
        for (int s : repl) replEmpty |= s == 0;
        if (zeroSize && !replEmpty) throw new IndexOutOfBoundsException("index is out of bounds for dimension with size 0");
        int outDim = before + repl.length + after;
        int[] shape = new int[outDim], st = new int[outDim];
        for (int i = 0; i < before; i++) {
            shape[i] = sl.size(order[i]);
            st[i] = sl.strides()[order[i]];
        }
        for (int i = 0; i < repl.length; i++) shape[before + i] = repl[i];
        for (int i = 0; i < after; i++) {
            shape[before + repl.length + i] = sl.size(order[before + indexed + i]);
            st[before + repl.length + i] = sl.strides()[order[before + indexed + i]];
        }
        Layout[] il = new Layout[indexed];
        for (int j = 0; j < indexed; j++) {
            Layout b = idxTensors.get(j).layout().broadcastTo(repl);
            int[] s2 = new int[outDim];
            System.arraycopy(b.strides(), 0, s2, before, repl.length);
            il[j] = new Layout(shape, s2, b.offset());
        }
        return new Info(shape, new Layout(shape, st, sl.offset()), idx, il, sizes, strides);
    }

    private static TensorImpl[] detached(TensorImpl[] indices) {
        TensorImpl[] r = new TensorImpl[indices.length];
        for (int i = 0; i < r.length; i++) r[i] = indices[i] == null ? null : indices[i].detach();
        return r;
    }

    /**
     * {@code at::index(self, indices)}: null entries leave a dim alone; int64 tensors broadcast together and
     * pick; bool tensors are masks over as many dims as they have. Derivative: g index-put with accumulation
     * into zeros ({@code IndexBackward0}).
     */
    public static TensorImpl index(TensorImpl self, TensorImpl[] indices) {
        if (indices.length > self.dim()) {
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + self.dim() + " (got " + indices.length + ")");
        }
        Info info = makeInfo(self, indices);
        TensorImpl out = Ops.empty(self.dtype(), info.shape());
        K.index(self.storage(), info.src(), info.idx(), info.idxLayouts(), info.sizes(), info.strides(), out.storage(), out.layout());
        if (Graph.needs(self)) {
            int[] shape = self.shape();
            TensorImpl[] saved = detached(indices);
            Graph.record(out, "IndexBackward0", (g, n) -> new TensorImpl[] {
                indexPut(Ops.empty(g.dtype(), shape), saved, g, true, "IndexPutImplBackward0")}, self, tg -> index(tg[0], saved));
        }
        return out;
    }

    /** Writes value into self at the indices, without checks of the in-place path or graph. */
    private static void putRaw(TensorImpl self, TensorImpl[] indices, TensorImpl value, boolean accumulate) {
        if (indices.length > self.dim()) {
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + self.dim() + " (got " + indices.length + ")");
        }
        Info info = makeInfo(self, indices);
        int[] b;
        try {
            b = Ops.broadcast(info.shape(), value.shape());
        } catch (IllegalArgumentException e) {
            b = null;
        }
        if (b == null || !Arrays.equals(b, info.shape())) {
            throw new IllegalArgumentException("shape mismatch: value tensor of shape " + Sizes.list(value.shape())
                    + " cannot be broadcast to indexing result of shape " + Sizes.list(info.shape()));
        }
        if (value.dtype() != self.dtype()) {
            throw new IllegalArgumentException("Index put requires the source and destination dtypes match, got "
                    + self.dtype().scalarTypeName() + " for the destination and " + value.dtype().scalarTypeName() + " for the source.");
        }
        // a value sharing self's storage is read before anything is written
        TensorImpl v = value.storage() == self.storage() ? Shapes.cloneRaw(value) : value;
        K.indexPut(self.storage(), info.src(), info.idx(), info.idxLayouts(), info.sizes(), info.strides(), v.storage(),
                v.layout().broadcastTo(info.shape()), accumulate);
    }

    /** IndexPutBackward0's derivative: self's gradient (g, or g with the written places zeroed), value's (g indexed). */
    private static FnNode.Backward indexPutBackward(TensorImpl[] saved, int[] valueShape, boolean accumulate) {
        return (g, n) -> new TensorImpl[] {
            !n.needs(0) ? null : accumulate ? g : indexPut(g, saved, Ops.empty(g.dtype(), valueShape), false),
            n.needs(1) ? index(g, saved) : null};
    }

    /**
     * {@code self.index_put(indices, value, accumulate)} (out of place): a copy of self with value written (or,
     * with accumulate, added) at the indices. Derivative: {@code IndexPutBackward0}.
     */
    public static TensorImpl indexPut(TensorImpl self, TensorImpl[] indices, TensorImpl value, boolean accumulate) {
        return indexPut(self, indices, value, accumulate, "IndexPutBackward0");
    }

    /** {@link #indexPut} recorded as {@code name} (index's derivative calls {@code _index_put_impl_}: IndexPutImplBackward0). */
    private static TensorImpl indexPut(TensorImpl self, TensorImpl[] indices, TensorImpl value, boolean accumulate, String name) {
        TensorImpl out = Shapes.cloneRaw(self);
        putRaw(out, indices, value, accumulate);
        if (Graph.needs(self, value)) {
            TensorImpl[] saved = detached(indices);
            Graph.record(out, name, indexPutBackward(saved, value.shape(), accumulate), new TensorImpl[] {self, value},
                    indexPutTangent(self, saved, value, accumulate));
        }
        return out;
    }

    /** index_put's tangent: {@code self_t.index_put(indices, values_t, accumulate)}. */
    private static Dual.Forward indexPutTangent(TensorImpl self, TensorImpl[] indices, TensorImpl value, boolean accumulate) {
        return tg -> indexPut(Dual.orZeros(tg[0], self), indices, Dual.orZeros(tg[1], value), accumulate);
    }

    /** {@code self.index_put_(indices, value, accumulate)} through the one in-place path. */
    public static TensorImpl indexPut_(TensorImpl self, TensorImpl[] indices, TensorImpl value, boolean accumulate) {
        boolean dual = InPlace.dual(self, value);
        InPlace.write(self, value, false, old -> {
            putRaw(self, indices, value, accumulate);
            return InPlace.node("IndexPutBackward0", indexPutBackward(detached(indices), value.shape(), accumulate), old, value);
        });
        if (dual) {
            TensorImpl[] ts = {Dual.tangent(self), Dual.tangent(value)};
            InPlace.setTangent(self, Dual.compute(indexPutTangent(self, detached(indices), value, accumulate), ts, self));
        }
        return self;
    }

    // ------------------------------------------------------------------ x[...] = v

    /** Value without its leading size-1 dims (NumPy's rule for assignment: {@code slicePrefix1sDims}). */
    private static TensorImpl stripLeadingOnes(TensorImpl v) {
        int k = 0;
        while (k < v.dim() && v.layout().size(k) == 1) k++;
        if (k == 0) return v;
        return Shapes.view(v, Sizes.toLongs(Arrays.copyOfRange(v.shape(), k, v.dim())));
    }

    /**
     * Assignment into a leaf that requires grad: PyTorch's {@code x[...] = v} reports it as a view of the leaf
     * whatever the index (its setitem writes through an alias); checked where PyTorch checks, just before the write.
     */
    private static void checkLeaf(TensorImpl self) {
        if (GradMode.isEnabled() && self.isLeaf() && self.requiresGrad()) {
            throw new IllegalStateException("a view of a leaf Variable that requires grad is being used in an in-place operation.");
        }
    }

    /** PyTorch's {@code copy_to}: a copy, a fill from a 0-d value, or a copy of the value expanded to dst. */
    private static void copyTo(TensorImpl self, TensorImpl dst, TensorImpl src, boolean accumulate) {
        if (accumulate) {
            InPlace.apply(dst, src, old -> TensorMath.add(old, src));
        } else if (Arrays.equals(dst.shape(), src.shape())) {
            checkLeaf(self);
            InPlace.copy(dst, src);
        } else if (src.dim() == 0) {
            checkLeaf(self);
            fillFrom(dst, src);
        } else {
            TensorImpl v = stripLeadingOnes(src);
            if (v.dim() > dst.dim()) {
                throw new IllegalArgumentException("expand(torch." + v.dtype().scalarTypeName() + "Tensor{" + Sizes.list(v.shape())
                        + "}, size=" + Sizes.list(dst.shape()) + "): the number of sizes provided (" + dst.dim() + ") must be "
                        + "greater or equal to the number of dimensions in the tensor (" + v.dim() + ")");
            }
            TensorImpl e = Arrays.equals(v.shape(), dst.shape()) ? v : Shapes.expand(v, Sizes.toLongs(dst.shape()));
            checkLeaf(self);
            InPlace.copy(dst, e);
        }
    }

    /** {@code fill_(Tensor value)}: every element of self set to the 0-d value. Derivative: (0, g summed): FillBackward3. */
    private static void fillFrom(TensorImpl self, TensorImpl value) {
        boolean dual = InPlace.dual(self, value);
        InPlace.write(self, value, false, old -> {
            TensorImpl v = Ops.convert(value, self.dtype());
            K.copy(v.storage(), v.layout().broadcastTo(self.shape()), self.storage(), self.layout());
            return InPlace.node("FillBackward3", (g, n) -> new TensorImpl[] {
                n.needs(0) ? TensorMath.mul(g, 0.0) : null, n.needs(1) ? TensorMath.sum(g) : null}, old, value);
        });
        // self_t.fill_(value_t): value's tangent everywhere (zeros where it has none)
        if (dual) InPlace.setTangent(self, Dual.tangent(value));
    }

    /**
     * {@code self[idx] = value} (PyTorch's {@code set_item}; the C++ frontend's {@code index_put_} with a
     * {@code TensorIndex} list): the basic indices give a view of self, which the value is copied into (through
     * the in-place path: self's history becomes CopySlices) or index-put into when tensors index it. With
     * {@code accumulate} the value is added instead ({@code index_put_(..., accumulate=True)}).
     */
    public static TensorImpl set(TensorImpl self, Object[] indices, TensorImpl value, boolean accumulate) {
        Object[] idx = orNone(indices);
        if (idx.length == 1) {
            Object o = idx[0];
            if (Boolean.FALSE.equals(o)) return self;
            if (o == ELLIPSIS) {
                copyTo(self, self, value, accumulate);
                return self;
            }
            if (o == null || Boolean.TRUE.equals(o)) {
                copyTo(self, Shapes.unsqueeze(self, 0), value, accumulate);
                return self;
            }
            if (o instanceof Integer || o instanceof Long) {
                copyTo(self, applySelect(self, 0, ((Number) o).longValue(), 0), value, accumulate);
                return self;
            }
            if (o instanceof Range r) {
                copyTo(self, applySlice(self, 0, r, false), value, accumulate);
                return self;
            }
        }
        Sliced s = applySlicing(self, idx);
        if (s.indices().isEmpty()) {
            copyTo(self, s.view(), value, accumulate);
        } else {
            if (!accumulate) checkLeaf(self);
            // index_put_ itself (accumulate) takes the value as it is; assignment drops its leading 1s
            indexPut_(s.view(), s.indices().toArray(new TensorImpl[0]), accumulate ? value : stripLeadingOnes(value), accumulate);
        }
        return self;
    }

    /** {@code self[idx] = value} with a Java number, as a 0-d tensor of self's dtype (PyTorch's scalarToTensor). */
    public static TensorImpl set(TensorImpl self, Object[] indices, double value, boolean accumulate) {
        return set(self, indices, Ops.convert(TensorImpl.scalar(value), self.dtype()).detach(), accumulate);
    }

    /** Out of place: a copy of self with {@link #set} applied; pure tensor indices record one IndexPutBackward0. */
    public static TensorImpl setCopy(TensorImpl self, Object[] indices, TensorImpl value, boolean accumulate) {
        Object[] idx = orNone(indices);
        boolean tensorsOnly = idx.length > 0;
        for (Object o : idx) tensorsOnly &= o instanceof TensorImpl t && t.dim() > 0;
        if (tensorsOnly) {
            TensorImpl[] ts = new TensorImpl[idx.length];
            for (int i = 0; i < ts.length; i++) ts[i] = (TensorImpl) idx[i];
            return indexPut(self, ts, value, accumulate);
        }
        return set(Shapes.clone(self), idx, value, accumulate);
    }

    // ------------------------------------------------------------------ masks, nonzero, take

    private static void checkMask(TensorImpl mask, String op) {
        if (mask.dtype() != DType.BOOL) throw new IllegalArgumentException(op + ": expected BoolTensor or ByteTensor for mask");
    }

    /** {@code torch.nonzero(x)}: int64 [n, x.dim()], the coordinates of the nonzero elements in row-major order. */
    public static TensorImpl nonzero(TensorImpl x) {
        return nonzeroRaw(x);
    }

    /** {@code torch.nonzero(x, as_tuple=True)}: one int64 vector of coordinates per dim (a 0-d x counts as 1-d). */
    public static List<TensorImpl> nonzeroTuple(TensorImpl x) {
        TensorImpl nz = nonzeroRaw(x.dim() == 0 ? x.view(new Layout(new int[] {1}, new int[] {1}, x.layout().offset())) : x);
        List<TensorImpl> r = new ArrayList<>();
        for (int j = 0; j < nz.layout().size(1); j++) r.add(Shapes.select(nz, 1, j));
        return r;
    }

    /** {@code torch.count_nonzero(x)}: the number of nonzero elements, a 0-d int64. */
    public static TensorImpl countNonzero(TensorImpl x) {
        TensorImpl out = Ops.empty(DType.INT64, new int[0]);
        out.storage().setLong(0, K.countNonzero(x.storage(), x.layout()));
        return out;
    }

    /** {@code torch.count_nonzero(x, dim)}: nonzero elements counted along dim, int64. */
    public static TensorImpl countNonzero(TensorImpl x, int dim) {
        return Reduction.SUM.apply(Binary.NE.apply(x.detach(), TensorImpl.scalar(0L)), new int[] {dim}, false);
    }

    /**
     * {@code x.masked_select(mask)}: the elements where mask (broadcast with x) is true, as a 1-d tensor in
     * row-major order. Derivative: g put back into zeros at the mask ({@code MaskedSelectBackward0}).
     */
    public static TensorImpl maskedSelect(TensorImpl x, TensorImpl mask) {
        checkMask(mask, "masked_select");
        int[] shape = Ops.broadcast(mask.shape(), x.shape());
        TensorImpl xb = x.detach().view(x.layout().broadcastTo(shape));
        TensorImpl mb = mask.detach().view(mask.layout().broadcastTo(shape));
        TensorImpl out;
        boolean prev = GradMode.set(false);
        try {
            out = index(xb, new TensorImpl[] {mb});
        } finally {
            GradMode.set(prev);
        }
        if (Graph.needs(x)) {
            TensorImpl m = mask.detach();
            // PyTorch's masked_select_backward: g scattered into zeros of the broadcast shape (summed back by the node)
            Graph.record(out, "MaskedSelectBackward0", (g, n) -> new TensorImpl[] {
                maskedScatter(Ops.empty(g.dtype(), shape), m, g)}, x, tg -> maskedSelect(tg[0], m));
        }
        return out;
    }

    /**
     * {@code x.masked_scatter(mask, source)}: x (broadcast with mask) with the places where mask is true taking
     * source's elements in order. Derivative: self g masked to 0 there; source the selected g, zero-padded to
     * source's size ({@code MaskedScatterBackward0}). A mask that is not bool is rejected with later PyTorch's
     * message: 1.13 accepts one and scatters nothing for a float mask, which no program means.
     */
    public static TensorImpl maskedScatter(TensorImpl x, TensorImpl mask, TensorImpl source) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_scatter_ only supports boolean masks, but got mask with dtype "
                    + mask.dtype().scalarTypeName().toLowerCase());
        }
        if (source.dtype() != x.dtype()) {
            throw new IllegalArgumentException("masked_scatter: expected self and source to have same dtypes but got"
                    + x.dtype().scalarTypeName() + " and " + source.dtype().scalarTypeName());
        }
        int[] shape = Ops.broadcast(mask.shape(), x.shape());
        Layout ml = mask.layout().broadcastTo(shape);
        if (K.countNonzero(mask.storage(), ml) > source.numel()) {
            throw new IllegalArgumentException("Number of elements of source < number of ones in mask");
        }
        TensorImpl out = Ops.empty(x.dtype(), shape);
        K.copy(x.storage(), x.layout().broadcastTo(shape), out.storage(), out.layout());
        K.maskedScatter(out.storage(), out.layout(), mask.storage(), ml, source.storage(), source.layout());
        if (Graph.needs(x, source)) {
            TensorImpl m = mask.detach();
            int[] srcShape = source.shape();
            int srcNumel = source.numel();
            Graph.record(out, "MaskedScatterBackward0", (g, n) -> new TensorImpl[] {
                n.needs(0) ? Pointwise.maskedFill(g, m, 0.0) : null,
                n.needs(1) ? maskedScatterSource(g, m, srcShape, srcNumel) : null}, new TensorImpl[] {x, source},
                    tg -> maskedScatter(Dual.orZeros(tg[0], x), m, Dual.orZeros(tg[1], source)));
        }
        return out;
    }

    /**
     * {@code self.masked_scatter_(mask, source)} through the one in-place path: mask must broadcast to self's
     * shape (PyTorch's expand message otherwise). Recorded when self or source requires grad.
     */
    public static TensorImpl maskedScatter_(TensorImpl self, TensorImpl mask, TensorImpl source) {
        if (mask.dim() > self.dim()) {
            throw new IllegalArgumentException("expand(CPUBoolType{" + Sizes.list(mask.shape()) + "}, size=" + Sizes.list(self.shape())
                    + "): the number of sizes provided (" + self.dim() + ") must be greater or equal to the number of dimensions "
                    + "in the tensor (" + mask.dim() + ")");
        }
        // PyTorch expands the mask to self (its message); the expanded view itself is not needed
        Shapes.expand(mask.detach(), Sizes.toLongs(self.shape()));
        boolean dual = InPlace.dual(self, source);
        TensorImpl[] tangent = new TensorImpl[1];
        InPlace.write(self, source, true, old -> {
            TensorImpl r = maskedScatter(old, mask, source);
            K.copy(r.storage(), r.layout(), self.storage(), self.layout());
            if (dual) tangent[0] = Dual.tangent(r);
            return r.gradFn();
        });
        if (dual) InPlace.setTangent(self, tangent[0]);
        return self;
    }

    /** PyTorch's {@code masked_scatter_backward}: the selected g, zero-padded to source's numel, viewed as source. */
    private static TensorImpl maskedScatterSource(TensorImpl g, TensorImpl mask, int[] srcShape, int srcNumel) {
        TensorImpl sel = maskedSelect(g, mask);
        int pad = srcNumel - sel.numel();
        if (pad > 0) sel = Indexing.cat(List.of(sel, Ops.empty(g.dtype(), new int[] {pad})), 0);
        return Shapes.view(sel, Sizes.toLongs(srcShape));
    }

    /**
     * {@code x.take(index)}: the elements of x, read in row-major order as if x were 1-d, at the int64 index
     * (shaped like it). Derivative: g accumulated into zeros at the index ({@code TakeBackward0}).
     */
    public static TensorImpl take(TensorImpl x, TensorImpl index) {
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("take(): Expected a long tensor for index, but got " + index.dtype().scalarTypeName());
        }
        int numel = x.numel();
        if (numel == 0 && index.numel() > 0) throw new IndexOutOfBoundsException("take(): tried to take from an empty tensor");
        TensorImpl iv = Ops.dense(index);
        for (int i = 0; i < iv.numel(); i++) {
            long v = iv.storage().getLong(iv.layout().offset() + i);
            if (v < -numel || v >= numel) {
                throw new IndexOutOfBoundsException("out of range: tried to access index " + v + " on a tensor of " + numel + " elements.");
            }
        }
        TensorImpl flat = Ops.dense(x.detach());
        flat = flat.view(new Layout(new int[] {numel}, new int[] {1}, flat.layout().offset()));
        TensorImpl out;
        boolean prev = GradMode.set(false);
        try {
            out = index(flat, new TensorImpl[] {index});
        } finally {
            GradMode.set(prev);
        }
        if (Graph.needs(x)) {
            int[] shape = x.shape();
            TensorImpl ix = index.detach();
            Graph.record(out, "TakeBackward0", (g, n) -> new TensorImpl[] {putBackward(g, shape, ix)}, x, tg -> take(tg[0], ix));
        }
        return out;
    }

    /**
     * take's derivative, {@code zeros(shape).put_(index, g, accumulate=True)}: g added at the row-major positions
     * of a tensor of {@code shape}. Derivative: gg taken back at the index ({@code PutBackward0}).
     */
    private static TensorImpl putBackward(TensorImpl g, int[] shape, TensorImpl index) {
        TensorImpl out = Ops.empty(g.dtype(), shape);
        int numel = out.numel();
        TensorImpl flat = out.view(new Layout(new int[] {numel}, new int[] {1}, 0));
        putRaw(flat, new TensorImpl[] {index}, g.dim() == index.dim() ? g : g.view(g.layout().broadcastTo(index.shape())), true);
        if (Graph.needs(g)) {
            Graph.record(out, "PutBackward0", (gg, n) -> new TensorImpl[] {null, take(gg, index)}, new TensorImpl[] {out.detach(), g},
                    tg -> putBackward(tg[1], shape, index));
        }
        return out;
    }
}
