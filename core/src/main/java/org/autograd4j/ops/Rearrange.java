package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;
import static org.autograd4j.ops.TensorMath.*;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.engine.BackwardNode;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.NextEdge;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Sizes;

/**
 * Ops that cut, reorder, repeat or combine a tensor's elements: split/chunk/unbind (views, one node for all
 * pieces), flip, roll, repeat/tile, repeat_interleave, tril/triu, diag/diagonal/trace, outer, cross, kron
 * and einsum. Where PyTorch composes an op of other ops (repeat_interleave, outer, kron, einsum) it is
 * composed of the same ops here, so its graph and node names are PyTorch's.
 */
public final class Rearrange {
    private Rearrange() {
    }

    // ------------------------------------------------------------------ split, chunk, unbind

    /**
     * The node of an op with several outputs (split, unbind): it receives one gradient per piece (zeros for a
     * piece no gradient reached, as PyTorch materializes them) and returns the input's.
     */
    static final class MultiNode extends BackwardNode {
        /** The input's gradient from every piece's. */
        @FunctionalInterface
        interface Backward {
            TensorImpl apply(TensorImpl[] grads);
        }

        private final String name;
        private final int[][] shapes;
        private final DType dtype;
        private final Backward fn;

        MultiNode(String name, TensorImpl input, int[][] shapes, Backward fn) {
            super(new NextEdge[] {Graph.edge(input)});
            this.name = name;
            this.shapes = shapes;
            this.dtype = input.dtype();
            this.fn = fn;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int numInputs() {
            return shapes.length;
        }

        @Override
        public TensorImpl[] apply(TensorImpl[] grads) {
            TensorImpl[] g = new TensorImpl[shapes.length];
            for (int i = 0; i < g.length; i++) g[i] = grads[i] != null ? grads[i] : Ops.empty(dtype, shapes[i]);
            return new TensorImpl[] {fn.apply(g)};
        }
    }

    /**
     * The pieces as views of x, recorded as outputs 0.. of one {@code name} node whose derivative is {@code fn};
     * each piece's tangent is the same piece of x's ({@code cut}, the op itself: {@code auto_linear}).
     */
    private static List<TensorImpl> pieces(TensorImpl x, List<TensorImpl> views, String name, MultiNode.Backward fn,
            java.util.function.Function<TensorImpl, List<TensorImpl>> cut) {
        if (!Graph.needs(x)) return views;
        if (Graph.grads(new TensorImpl[] {x})) {
            int[][] shapes = new int[views.size()][];
            for (int i = 0; i < shapes.length; i++) shapes[i] = views.get(i).shape();
            MultiNode node = new MultiNode(name, x, shapes, fn);
            for (int i = 0; i < shapes.length; i++) views.get(i).setHistory(node, i);
        }
        Dual.propagatePieces(x, views, cut);
        return views;
    }

    /** A view of x narrowed along d, recording nothing. */
    private static TensorImpl slice(TensorImpl x, int d, int start, int length) {
        Layout l = x.layout();
        int[] ns = l.shape().clone();
        ns[d] = length;
        return x.view(new Layout(ns, l.strides(), l.offset() + (length == 0 ? 0 : start * l.strides()[d])));
    }

    /**
     * Pieces of {@code splitSize} along dim (the last one smaller), views ({@code tensor.split(split_size, dim)};
     * node {@code SplitBackward0}: the pieces' gradients concatenated). As PyTorch, an in-place op on a piece that
     * has this node as its history is refused ({@link InPlace}'s check).
     */
    public static List<TensorImpl> split(TensorImpl x, long splitSize, int dim) {
        if (x.dim() == 0) throw new IllegalArgumentException("split expects at least a 1-dimensional tensor");
        if (splitSize < 0) {
            throw new IllegalArgumentException("split expects split_size be non-negative, but got split_size=" + splitSize);
        }
        int d = Ops.wrapDim(dim, x.dim());
        int size = x.layout().size(d);
        if (splitSize == 0 && size != 0) {
            throw new IllegalArgumentException("split_size can only be 0 if dimension size is 0, but got dimension size of " + size);
        }
        int n = splitSize == 0 ? 1 : (int) Math.max((size + splitSize - 1) / splitSize, 1);
        List<TensorImpl> views = new ArrayList<>();
        int last = (int) (splitSize - (splitSize * n - size));
        for (int i = 0; i < n; i++) views.add(slice(x, d, (int) (i * splitSize), i == n - 1 ? last : (int) splitSize));
        return pieces(x, views, "SplitBackward0", g -> Indexing.cat(List.of(g), d), t -> split(t, splitSize, d));
    }

    /**
     * Pieces of the given sizes along dim, views ({@code tensor.split([sizes], dim)}, {@code split_with_sizes};
     * node {@code SplitWithSizesBackward0}: the pieces' gradients concatenated).
     */
    public static List<TensorImpl> split(TensorImpl x, long[] sizes, int dim) {
        if (x.dim() == 0) throw new IllegalArgumentException("split expects at least a 1-dimensional tensor");
        int d = Ops.wrapDim(dim, x.dim());
        int size = x.layout().size(d);
        long total = 0;
        for (long s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException("split_with_sizes expects split_sizes have only non-negative entries, but got "
                        + "split_sizes=" + Sizes.list(sizes));
            }
            total += s;
        }
        if (total != size) {
            throw new IllegalArgumentException("split_with_sizes expects split_sizes to sum exactly to " + size
                    + " (input tensor's size at dimension " + d + "), but got split_sizes=" + Sizes.list(sizes));
        }
        List<TensorImpl> views = new ArrayList<>();
        int start = 0;
        for (long s : sizes) {
            views.add(slice(x, d, start, (int) s));
            start += (int) s;
        }
        return pieces(x, views, "SplitWithSizesBackward0", g -> Indexing.cat(List.of(g), d), t -> split(t, sizes, d));
    }

    /**
     * {@code chunks} pieces along dim of size ⌈size/chunks⌉ (fewer when they run out), views
     * ({@code tensor.chunk(chunks, dim)}: PyTorch's split, so the node is {@code SplitBackward0}).
     */
    public static List<TensorImpl> chunk(TensorImpl x, int chunks, int dim) {
        if (x.dim() == 0) throw new IllegalArgumentException("chunk expects at least a 1-dimensional tensor");
        if (chunks <= 0) throw new IllegalArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks);
        int d = Ops.wrapDim(dim, x.dim());
        int size = x.layout().size(d);
        long splitSize = (size + (long) chunks - 1) / chunks;
        if (splitSize == 0 && size == 0) {
            // PyTorch: `chunks` empty pieces, through split_with_sizes
            return split(x, new long[chunks], d);
        }
        return split(x, splitSize, d);
    }

    /** The slices along dim, views ({@code tensor.unbind(dim)}; node {@code UnbindBackward0}: the gradients stacked). */
    public static List<TensorImpl> unbind(TensorImpl x, int dim) {
        if (x.dim() == 0) throw new IndexOutOfBoundsException("Dimension specified as 0 but tensor has no dimensions");
        int d = Ops.wrapDim(dim, x.dim());
        Layout l = x.layout();
        int n = l.size(d);
        List<TensorImpl> views = new ArrayList<>();
        int[] ns = new int[l.dim() - 1], nst = new int[l.dim() - 1];
        for (int k = 0, j = 0; k < l.dim(); k++) {
            if (k == d) continue;
            ns[j] = l.size(k);
            nst[j++] = l.strides()[k];
        }
        for (int i = 0; i < n; i++) views.add(x.view(new Layout(ns.clone(), nst.clone(), l.offset() + i * l.strides()[d])));
        return pieces(x, views, "UnbindBackward0", g -> Indexing.stack(List.of(g), d), t -> unbind(t, d));
    }

    // ------------------------------------------------------------------ flip, roll, repeat

    /** Wrapped dims, each at most once, with PyTorch's message. */
    private static int[] distinctDims(int[] dims, int nd) {
        int[] r = new int[dims.length];
        boolean[] seen = new boolean[Math.max(nd, 1)];
        for (int i = 0; i < dims.length; i++) {
            r[i] = Ops.wrapDim(dims[i], nd);
            if (seen[r[i]]) throw new IllegalArgumentException("dim " + r[i] + " appears multiple times in the list of dims");
            seen[r[i]] = true;
        }
        return r;
    }

    /** The elements in reverse order along each of {@code dims} ({@code torch.flip}, a copy). Derivative: g flipped. */
    public static TensorImpl flip(TensorImpl x, int[] dims) {
        int[] ds = distinctDims(dims, x.dim());
        boolean[] flipped = new boolean[x.dim()];
        for (int d : ds) if (x.dim() > 0) flipped[d] = true;
        TensorImpl out = Ops.empty(x.dtype(), x.shape());
        K.flip(x.storage(), x.layout(), flipped, out.storage(), out.layout());
        if (Graph.needs(x)) Graph.record(out, "FlipBackward0", (g, n) -> new TensorImpl[] {flip(g, ds)}, x, tg -> flip(tg[0], ds));
        return out;
    }

    /**
     * Elements shifted cyclically by {@code shifts[i]} along {@code dims[i]} ({@code torch.roll}); with no
     * dims, over the flattened tensor. Derivative ({@code RollBackward0}): g rolled back.
     */
    public static TensorImpl roll(TensorImpl x, long[] shifts, int[] dims) {
        if (shifts.length != dims.length && !(dims.length == 0 && shifts.length == 1)) {
            throw new IllegalArgumentException("shifts and dimensions must align. shifts: " + shifts.length + ", dims:"
                    + dims.length);
        }
        int[] ds = new int[dims.length];
        for (int i = 0; i < dims.length; i++) ds[i] = Ops.wrapDim(dims[i], x.dim());
        TensorImpl out;
        boolean prev = GradMode.set(false);
        try {
            TensorImpl t = x.detach();
            if (ds.length == 0) {
                out = reshape(rolled(Shapes.reshape(t, new long[] {-1}), shifts[0], 0), x.shape());
            } else {
                for (int i = 0; i < ds.length; i++) t = rolled(t, shifts[i], ds[i]);
                out = t;
            }
            if (out.storage() == x.storage()) out = Shapes.cloneRaw(out);
        } finally {
            GradMode.set(prev);
        }
        out = Ops.dense(out).detach();
        if (Graph.needs(x)) {
            long[] back = new long[shifts.length];
            int[] backDims = new int[ds.length];
            for (int i = 0; i < shifts.length; i++) back[i] = -shifts[shifts.length - 1 - i];
            for (int i = 0; i < ds.length; i++) backDims[i] = ds[ds.length - 1 - i];
            Graph.record(out, "RollBackward0", (g, n) -> new TensorImpl[] {roll(g, back, backDims)}, x, tg -> roll(tg[0], shifts, ds));
        }
        return out;
    }

    /** x rolled by one shift along d (no graph): the two parts swapped. */
    private static TensorImpl rolled(TensorImpl x, long shift, int d) {
        int size = x.layout().size(d);
        if (size == 0) return x;
        int s = (int) Math.floorMod(shift, (long) size);
        if (s == 0) return x;
        return Indexing.cat(List.of(slice(x, d, size - s, s), slice(x, d, 0, size - s)), d);
    }

    /**
     * The tensor repeated {@code repeats[i]} times along each dim ({@code tensor.repeat}; leading repeats add
     * dims). As PyTorch: x expanded to {@code (r0, s0, r1, s1, …)} and copied. Derivative ({@code RepeatBackward0}):
     * g viewed as {@code (r0, s0, r1, s1, …)} and summed over the repeat dims.
     */
    public static TensorImpl repeat(TensorImpl x, long[] repeats) {
        if (repeats.length < x.dim()) {
            throw new IllegalArgumentException("Number of dimensions of repeat dims can not be smaller than number of dimensions "
                    + "of tensor");
        }
        int nd = repeats.length, pad = nd - x.dim();
        long[] target = new long[nd];
        int[] padded = new int[nd];
        for (int i = 0; i < nd; i++) {
            padded[i] = i < pad ? 1 : x.layout().size(i - pad);
            target[i] = padded[i] * repeats[i];
        }
        for (long t : target) {
            if (t < 0) {
                throw new IllegalArgumentException("Trying to create tensor with negative dimension " + t + ": "
                        + Sizes.list(target));
            }
        }
        int[] inter = new int[2 * nd], expandTo = new int[2 * nd];
        for (int i = 0; i < nd; i++) {
            inter[2 * i] = 1;
            inter[2 * i + 1] = padded[i];
            expandTo[2 * i] = (int) repeats[i];
            expandTo[2 * i + 1] = padded[i];
        }
        int[] shape = new int[nd];
        for (int i = 0; i < nd; i++) shape[i] = (int) target[i];
        TensorImpl out;
        boolean prev = GradMode.set(false);
        try {
            TensorImpl e = expand(reshape(x.detach(), inter), expandTo);
            out = Ops.empty(x.dtype(), expandTo);
            K.copy(e.storage(), e.layout(), out.storage(), out.layout());
            out = TensorImpl.of(out.storage(), Layout.contiguous(shape));
        } finally {
            GradMode.set(prev);
        }
        if (Graph.needs(x)) {
            int[] sumDims = new int[nd];
            for (int i = 0; i < nd; i++) sumDims[i] = 2 * i;
            int[] xs = x.shape();
            Graph.record(out, "RepeatBackward0", (g, n) -> new TensorImpl[] {
                reshape(sum(reshape(g, expandTo), sumDims, false), xs)}, x, tg -> repeat(tg[0], repeats));
        }
        return out;
    }

    /** {@code tensor.tile(dims)}: {@link #repeat} with dims padded by leading 1s to the tensor's rank. */
    public static TensorImpl tile(TensorImpl x, long[] dims) {
        if (dims.length >= x.dim()) return repeat(x, dims);
        long[] r = new long[x.dim()];
        java.util.Arrays.fill(r, 1);
        System.arraycopy(dims, 0, r, x.dim() - dims.length, dims.length);
        return repeat(x, r);
    }

    /**
     * Each element (with dim null: of the flattened tensor) or slice along dim repeated {@code repeats} times
     * ({@code tensor.repeat_interleave}). As PyTorch: an index_select with the repeated indices, so the node is
     * {@code IndexSelectBackward0}.
     */
    public static TensorImpl repeatInterleave(TensorImpl x, long repeats, Integer dim) {
        if (repeats < 0) throw new IllegalArgumentException("repeats can not be negative");
        TensorImpl input = dim == null ? Shapes.flatten(x, 0, -1) : x;
        int d = dim == null ? 0 : Ops.wrapDim(dim, x.dim());
        int size = input.dim() == 0 ? 1 : input.layout().size(d);
        long[] counts = new long[size];
        java.util.Arrays.fill(counts, repeats);
        return Indexing.indexSelect(input, d, repeatedIndex(counts));
    }

    /** {@link #repeatInterleave(TensorImpl, long, Integer)} with a repeat count per slice (a 0-d or 1-d int64 tensor). */
    public static TensorImpl repeatInterleave(TensorImpl x, TensorImpl repeats, Integer dim) {
        TensorImpl input = dim == null ? Shapes.flatten(x, 0, -1) : x;
        int d = dim == null ? 0 : Ops.wrapDim(dim, x.dim());
        int size = input.dim() == 0 ? 1 : input.layout().size(d);
        if (repeats.dim() > 1) throw new IllegalArgumentException("repeats must be 0-dim or 1-dim tensor");
        if (repeats.dtype() != DType.INT64) {
            throw new IllegalArgumentException("\"repeat_interleave_cpu\" not implemented for '"
                    + repeats.dtype().scalarTypeName() + "'");
        }
        long[] counts = new long[size];
        TensorImpl r = Ops.dense(repeats);
        if (repeats.numel() == 1) {
            java.util.Arrays.fill(counts, r.storage().getLong(r.layout().offset()));
        } else {
            if (repeats.numel() != size) throw new IllegalArgumentException("repeats must have the same size as input along dim");
            for (int i = 0; i < size; i++) counts[i] = r.storage().getLong(r.layout().offset() + i);
        }
        for (long c : counts) if (c < 0) throw new IllegalArgumentException("repeats can not be negative");
        return Indexing.indexSelect(input, d, repeatedIndex(counts));
    }

    /** {@code torch.repeat_interleave(repeats)}: i repeated counts[i] times, as int64. */
    private static TensorImpl repeatedIndex(long[] counts) {
        long total = 0;
        for (long c : counts) total += c;
        TensorImpl idx = Ops.empty(DType.INT64, new int[] {(int) total});
        int k = 0;
        for (int i = 0; i < counts.length; i++) for (long j = 0; j < counts[i]; j++) idx.storage().setLong(k++, i);
        return idx;
    }

    // ------------------------------------------------------------------ triangles and diagonals

    /**
     * The lower ({@code lower}) or upper triangle of the last two dims, the rest zero: element (i, j) is kept
     * when {@code j - i <= k} (tril) or {@code j - i >= k} (triu). Derivative: the same triangle of g.
     */
    private static TensorImpl triangle(TensorImpl x, long k, boolean lower) {
        int nd = x.dim();
        Ops.wrapDim(-2, nd); // PyTorch's error below 2 dims
        TensorImpl out = Shapes.cloneRaw(x);
        int rows = out.layout().size(nd - 2), cols = out.layout().size(nd - 1);
        int n = out.numel();
        for (int p = 0; p < n; p++) {
            int j = p % Math.max(cols, 1), i = (p / Math.max(cols, 1)) % Math.max(rows, 1);
            boolean keep = lower ? j - i <= k : j - i >= k;
            if (!keep) {
                if (x.dtype().isFloatingPoint()) out.storage().setDouble(p, 0);
                else out.storage().setLong(p, 0);
            }
        }
        if (Graph.needs(x)) {
            Graph.record(out, lower ? "TrilBackward0" : "TriuBackward0", (g, nn) -> new TensorImpl[] {triangle(g, k, lower)}, x,
                    tg -> triangle(tg[0], k, lower));
        }
        return out;
    }

    /** {@code torch.tril(x, diagonal)}. */
    public static TensorImpl tril(TensorImpl x, long k) {
        return triangle(x, k, true);
    }

    /** {@code torch.triu(x, diagonal)}. */
    public static TensorImpl triu(TensorImpl x, long k) {
        return triangle(x, k, false);
    }

    /** {@code x.tril_(diagonal)}. */
    public static TensorImpl tril_(TensorImpl x, long k) {
        Ops.wrapDim(-2, x.dim());
        return InPlace.apply(x, null, old -> triangle(old, k, true));
    }

    /** {@code x.triu_(diagonal)}. */
    public static TensorImpl triu_(TensorImpl x, long k) {
        Ops.wrapDim(-2, x.dim());
        return InPlace.apply(x, null, old -> triangle(old, k, false));
    }

    /** The layout of {@link #diagonal}'s view of {@code l}. */
    private static Layout diagonalLayout(Layout l, int offset, int d1, int d2) {
        int n1 = l.size(d1), n2 = l.size(d2);
        int size = offset >= 0 ? Math.max(Math.min(n1, n2 - offset), 0) : Math.max(Math.min(n1 + offset, n2), 0);
        int start = l.offset();
        if (size > 0) start += offset >= 0 ? offset * l.strides()[d2] : -offset * l.strides()[d1];
        int nd = l.dim();
        int[] ns = new int[nd - 1], nst = new int[nd - 1];
        for (int k = 0, j = 0; k < nd; k++) {
            if (k == d1 || k == d2) continue;
            ns[j] = l.size(k);
            nst[j++] = l.strides()[k];
        }
        ns[nd - 2] = size;
        nst[nd - 2] = l.strides()[d1] + l.strides()[d2];
        return new Layout(ns, nst, start);
    }

    /**
     * The diagonal {@code offset} of the matrices in dims dim1, dim2 as the last dim, a view
     * ({@code torch.diagonal(x, offset, dim1, dim2)}). Derivative ({@code DiagonalBackward0}): g written on that
     * diagonal of zeros.
     */
    public static TensorImpl diagonal(TensorImpl x, int offset, int dim1, int dim2) {
        int nd = x.dim();
        int d1 = Ops.wrapDim(dim1, nd), d2 = Ops.wrapDim(dim2, nd);
        if (d1 == d2) throw new IllegalArgumentException("diagonal dimensions cannot be identical " + dim1 + ", " + dim2);
        TensorImpl out = x.view(diagonalLayout(x.layout(), offset, d1, d2));
        if (Graph.needs(x)) {
            int[] shape = x.shape();
            Graph.record(out, "DiagonalBackward0", (g, n) -> new TensorImpl[] {diagonalBackward(g, shape, offset, d1, d2)}, x,
                    tg -> diagonal(tg[0], offset, d1, d2));
        }
        return out;
    }

    /** Zeros of {@code shape} with g on the diagonal. Derivative ({@code DiagonalBackwardBackward0}): gg's diagonal. */
    public static TensorImpl diagonalBackward(TensorImpl g, int[] shape, int offset, int d1, int d2) {
        TensorImpl out = Ops.empty(g.dtype(), shape);
        Layout slot = diagonalLayout(out.layout(), offset, d1, d2);
        K.copy(g.storage(), g.layout(), out.storage(), slot);
        if (Graph.needs(g)) {
            Graph.record(out, "DiagonalBackwardBackward0", (gg, n) -> new TensorImpl[] {diagonal(gg, offset, d1, d2)}, g,
                    tg -> diagonalBackward(tg[0], shape, offset, d1, d2));
        }
        return out;
    }

    /**
     * {@code torch.diag(x, diagonal)}: a 1-d x becomes the square matrix with x on diagonal k; a 2-d x gives
     * its diagonal k as a new 1-d tensor. Derivative ({@code DiagBackward0}): g's diagonal, or g written on a
     * diagonal of zeros.
     */
    public static TensorImpl diag(TensorImpl x, int k) {
        if (x.dim() == 1) {
            int n = x.layout().size(0) + Math.abs(k);
            TensorImpl out = Ops.empty(x.dtype(), new int[] {n, n});
            K.copy(x.storage(), x.layout(), out.storage(), diagonalLayout(out.layout(), k, 0, 1));
            if (Graph.needs(x)) Graph.record(out, "DiagBackward0", (g, nn) -> new TensorImpl[] {diagonal(g, k, 0, 1)}, x, tg -> diag(tg[0], k));
            return out;
        }
        if (x.dim() != 2) throw new IllegalArgumentException("matrix or a vector expected");
        Layout dl = diagonalLayout(x.layout(), k, 0, 1);
        TensorImpl out = Ops.empty(x.dtype(), dl.shape());
        K.copy(x.storage(), dl, out.storage(), out.layout());
        if (Graph.needs(x)) {
            int[] shape = x.shape();
            Graph.record(out, "DiagBackward0", (g, nn) -> new TensorImpl[] {diagonalBackward(g, shape, k, 0, 1)}, x, tg -> diag(tg[0], k));
        }
        return out;
    }

    /**
     * The sum of a matrix's diagonal ({@code torch.trace}), accumulated in double (int64 for integers) as
     * PyTorch's CPU kernel does. Derivative ({@code TraceBackward0}): g on the diagonal of zeros.
     */
    public static TensorImpl trace(TensorImpl x) {
        if (x.dim() != 2) throw new IllegalArgumentException("trace: expected a matrix, but got tensor with dim " + x.dim());
        Layout dl = diagonalLayout(x.layout(), 0, 0, 1);
        boolean floating = x.dtype().isFloatingPoint();
        double acc = 0;
        long iacc = 0;
        for (int i = 0; i < dl.numel(); i++) {
            if (floating) acc += x.storage().getDouble(dl.indexOf(i));
            else iacc += x.storage().getLong(dl.indexOf(i));
        }
        TensorImpl out = Ops.empty(floating ? x.dtype() : DType.INT64, new int[0]);
        if (floating) out.storage().setDouble(0, acc);
        else out.storage().setLong(0, iacc);
        if (Graph.needs(x)) {
            int[] shape = x.shape();
            int n = dl.numel();
            Graph.record(out, "TraceBackward0", (g, nn) -> new TensorImpl[] {
                diagonalBackward(expand(g, new int[] {n}), shape, 0, 0, 1)}, x, tg -> trace(tg[0]));
        }
        return out;
    }

    // ------------------------------------------------------------------ products

    /** {@code torch.outer(a, b)}: {@code a.reshape(-1, 1) * b}, as PyTorch composes it (node {@code MulBackward0}). */
    public static TensorImpl outer(TensorImpl a, TensorImpl b) {
        if (a.dim() != 1) throw new IllegalArgumentException("outer: Expected 1-D argument self, but got " + a.dim() + "-D");
        if (b.dim() != 1) throw new IllegalArgumentException("outer: Expected 1-D argument vec2, but got " + b.dim() + "-D");
        return mul(reshape(a, new int[] {a.layout().size(0), 1}), b);
    }

    /**
     * The cross product of 3-vectors along dim ({@code torch.linalg.cross(a, b, dim=dim)}; inputs broadcast).
     * Derivative ({@code LinalgCrossBackward0}): a: cross(b, g); b: cross(g, a).
     */
    public static TensorImpl cross(TensorImpl a, TensorImpl b, int dim) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + a.dtype().scalarTypeName() + " but found "
                    + b.dtype().scalarTypeName());
        }
        int[] shape = Ops.broadcast(a.shape(), b.shape());
        int d = Ops.wrapDim(dim, shape.length);
        if (a.dim() != b.dim() || a.layout().size(Ops.wrapDim(dim, a.dim())) != 3 || b.layout().size(Ops.wrapDim(dim, b.dim())) != 3) {
            if (a.dim() != b.dim()) {
                throw new IllegalArgumentException("linalg.cross: inputs must have the same number of dimensions.");
            }
            throw new IllegalArgumentException("linalg.cross: inputs dimension " + dim + " must have length 3. Got "
                    + a.layout().size(d) + " and " + b.layout().size(d));
        }
        TensorImpl out;
        boolean prev = GradMode.set(false);
        try {
            TensorImpl x = expand(a.detach(), shape), y = expand(b.detach(), shape);
            TensorImpl[] c = new TensorImpl[3];
            for (int i = 0; i < 3; i++) {
                int j = (i + 1) % 3, k = (i + 2) % 3;
                c[i] = sub(mul(select(x, d, j), select(y, d, k)), mul(select(x, d, k), select(y, d, j)));
            }
            out = Indexing.stack(List.of(c), d);
        } finally {
            GradMode.set(prev);
        }
        if (Graph.needs(a, b)) {
            // the inputs themselves: under create_graph the derivative differentiates through them again
            Graph.record(out, "LinalgCrossBackward0", (g, n) -> new TensorImpl[] {
                n.needs(0) ? cross(b, g, d) : null, n.needs(1) ? cross(g, a, d) : null}, new TensorImpl[] {a, b},
                    // the product rule: cross(ṫa, b) + cross(a, ṫb)
                    tg -> Dual.plus(tg[0] == null ? null : cross(tg[0], b, d), tg[1] == null ? null : cross(a, tg[1], d)));
        }
        return out;
    }

    /**
     * {@code torch.cross(a, b)} without dim: the first dim of size 3 (PyTorch 1.13's deprecated default), else
     * PyTorch's error.
     */
    public static TensorImpl cross(TensorImpl a, TensorImpl b) {
        int[] shape = Ops.broadcast(a.shape(), b.shape());
        for (int i = 0; i < shape.length; i++) if (shape[i] == 3) return cross(a, b, i);
        throw new IllegalArgumentException("no dimension of size 3 in input");
    }

    /**
     * The Kronecker product ({@code torch.kron}), composed as PyTorch does: a reshaped to
     * {@code (a0, 1, a1, 1, …)}, b to {@code (1, b0, 1, b1, …)}, multiplied, and viewed as
     * {@code (a0·b0, a1·b1, …)} (node {@code UnsafeViewBackward0}).
     */
    public static TensorImpl kron(TensorImpl a, TensorImpl b) {
        int nd = Math.max(a.dim(), b.dim());
        int[] ar = new int[2 * nd], br = new int[2 * nd];
        long[] res = new long[nd];
        for (int i = 0; i < nd; i++) {
            int ai = i - (nd - a.dim()), bi = i - (nd - b.dim());
            int as = ai < 0 ? 1 : a.layout().size(ai), bs = bi < 0 ? 1 : b.layout().size(bi);
            ar[2 * i] = as;
            ar[2 * i + 1] = 1;
            br[2 * i] = 1;
            br[2 * i + 1] = bs;
            res[i] = (long) as * bs;
        }
        return Shapes.unsafeView(mul(unsafeView(a, ar), unsafeView(b, br)), res);
    }

    /**
     * PyTorch's {@code _unsafe_view} of any layout that can take the shape as a view (kron inserts size-1 dims,
     * which always can): the same storage, no view relation. Derivative ({@code UnsafeViewBackward0}): g reshaped back.
     */
    private static TensorImpl unsafeView(TensorImpl x, int[] shape) {
        int[] st = Shapes.viewStrides(x.layout(), shape);
        TensorImpl out = TensorImpl.of(x.storage(), new Layout(shape, st, x.layout().offset()));
        if (Graph.needs(x)) {
            int[] orig = x.shape();
            Graph.record(out, "UnsafeViewBackward0", (g, n) -> new TensorImpl[] {reshape(g, orig)}, x, tg -> reshape(tg[0], shape));
        }
        return out;
    }

    // ------------------------------------------------------------------ einsum

    private static final int LETTERS = 26, LABELS = 2 * LETTERS, ELLIPSIS = LABELS;

    private static int subscript(char c) {
        return Character.isUpperCase(c) ? c - 'A' : c - 'a' + LETTERS;
    }

    private static char label(int s) {
        return (char) (s < LETTERS ? s + 'A' : s - LETTERS + 'a');
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * {@code torch.einsum(equation, operands)}, PyTorch 1.13.1's algorithm step for step, composed of diagonal,
     * unsqueeze, permute, sum, mul and bmm (so gradients and double gradients come from those ops, and the node
     * names are PyTorch's): the operands are aligned to the dims {@code output + contracted} (labels in
     * [A-Za-z] order), a repeated label takes a diagonal, then operands are contracted left to right by
     * {@code sumproduct_pair} (a mul, or permute+reshape+bmm+view+permute), and the contracted size-1 dims are
     * viewed away.
     */
    public static TensorImpl einsum(String equation, List<TensorImpl> operands) {
        if (operands.isEmpty()) throw new IllegalArgumentException("einsum(): must provide at least one operand");
        int numOps = operands.size();
        int arrow = equation.indexOf("->");
        String lhs = arrow < 0 ? equation : equation.substring(0, arrow);
        List<List<Integer>> opLabels = new ArrayList<>();
        for (int i = 0; i < numOps; i++) opLabels.add(new ArrayList<>());
        boolean ellInInput = false;
        int cur = 0;
        for (int i = 0; i < lhs.length(); i++) {
            char c = lhs.charAt(i);
            switch (c) {
                case ' ' -> { }
                case '.' -> {
                    if (ellInInput) {
                        throw new IllegalArgumentException("einsum(): found '.' for operand " + cur
                                + " for which an ellipsis was already found");
                    }
                    if (!(i + 2 < lhs.length() && lhs.charAt(++i) == '.' && lhs.charAt(++i) == '.')) {
                        throw new IllegalArgumentException("einsum(): found '.' for operand " + cur
                                + " that is not part of any ellipsis");
                    }
                    opLabels.get(cur).add(ELLIPSIS);
                    ellInInput = true;
                }
                case ',' -> {
                    cur++;
                    if (cur >= numOps) {
                        throw new IllegalArgumentException("einsum(): fewer operands were provided than specified in the equation");
                    }
                    ellInInput = false;
                }
                default -> {
                    if (!isLetter(c)) {
                        throw new IllegalArgumentException("einsum(): invalid subscript given at index " + i
                                + " in the equation string, subscripts must be in [a-zA-Z]");
                    }
                    opLabels.get(cur).add(subscript(c));
                }
            }
        }
        if (cur != numOps - 1) {
            throw new IllegalArgumentException("einsum(): more operands were provided than specified in the equation");
        }
        int[] labelCount = new int[LABELS];
        int ellNumDim = 0;
        for (int i = 0; i < numOps; i++) {
            int ndims = operands.get(i).dim();
            int nlabels = opLabels.get(i).size();
            boolean hasEll = false;
            for (int s : opLabels.get(i)) {
                if (s == ELLIPSIS) {
                    nlabels--;
                    hasEll = true;
                    ellNumDim = Math.max(ellNumDim, ndims - nlabels);
                } else {
                    labelCount[s]++;
                }
            }
            if (hasEll ? nlabels > ndims : nlabels != ndims) {
                throw new IllegalArgumentException("einsum(): the number of subscripts in the equation (" + nlabels
                        + (hasEll ? ") is more than the number of dimensions (" : ") does not match the number of dimensions (")
                        + ndims + ") for operand " + i + (hasEll ? "" : " and no ellipsis was given"));
            }
        }
        int[] permIndex = new int[LABELS];
        java.util.Arrays.fill(permIndex, -1);
        int perm = 0, ellIndex = 0;
        boolean ellInOutput = false;
        if (arrow < 0) {
            perm = ellNumDim;
            ellInOutput = true;
            for (int s = 0; s < LABELS; s++) if (labelCount[s] == 1) permIndex[s] = perm++;
        } else {
            String rhs = equation.substring(arrow + 2);
            for (int i = 0; i < rhs.length(); i++) {
                char c = rhs.charAt(i);
                if (c == ' ') continue;
                if (c == '.') {
                    if (ellInOutput) {
                        throw new IllegalArgumentException("einsum(): found '.' for output but an ellipsis (...) was already found");
                    }
                    if (!(i + 2 < rhs.length() && rhs.charAt(++i) == '.' && rhs.charAt(++i) == '.')) {
                        throw new IllegalArgumentException("einsum(): found '.' for output that is not part of any ellipsis (...)");
                    }
                    ellIndex = perm;
                    perm += ellNumDim;
                    ellInOutput = true;
                    continue;
                }
                if (!isLetter(c)) {
                    throw new IllegalArgumentException("einsum(): invalid subscript given at index " + (lhs.length() + 2 + i)
                            + " in the equation string, subscripts must be in [a-zA-Z]");
                }
                int s = subscript(c);
                if (!(labelCount[s] > 0 && permIndex[s] == -1)) {
                    throw new IllegalArgumentException("einsum(): output subscript " + c + (permIndex[s] > -1
                            ? " appears more than once in the output" : " does not appear in the equation for any input operand"));
                }
                permIndex[s] = perm++;
            }
        }
        int outNumDim = perm;
        if (!ellInOutput) {
            ellIndex = perm;
            perm += ellNumDim;
        }
        for (int s = 0; s < LABELS; s++) if (labelCount[s] > 0 && permIndex[s] == -1) permIndex[s] = perm++;

        int[] labelSize = new int[LABELS];
        java.util.Arrays.fill(labelSize, 1);
        int[] ellSizes = new int[ellNumDim];
        java.util.Arrays.fill(ellSizes, 1);
        int[] dimCounts = new int[perm];
        java.util.ArrayDeque<TensorImpl> ops = new java.util.ArrayDeque<>();
        for (int i = 0; i < numOps; i++) {
            TensorImpl op = operands.get(i);
            int[] permutation = new int[perm];
            java.util.Arrays.fill(permutation, -1);
            int dim = 0;
            for (int s : opLabels.get(i)) {
                if (s == ELLIPSIS) {
                    int ndim = operands.get(i).dim() - (opLabels.get(i).size() - 1);
                    for (int j = ellNumDim - ndim; j < ellNumDim; j++) {
                        int sz = op.layout().size(dim);
                        if (sz != 1) {
                            if (!(ellSizes[j] == 1 || ellSizes[j] == sz)) {
                                throw new IllegalArgumentException("einsum(): dimension " + dim + " covered by ellipsis in operand "
                                        + i + "has size " + sz + " which does not broadcast with previously seen ellipsis with size "
                                        + ellSizes[j] + " for the respective dimension");
                            }
                            ellSizes[j] = sz;
                            dimCounts[ellIndex + j]++;
                        }
                        permutation[ellIndex + j] = dim++;
                    }
                } else if (permutation[permIndex[s]] == -1) {
                    int sz = op.layout().size(dim);
                    if (sz != 1) {
                        if (!(labelSize[s] == 1 || labelSize[s] == sz)) {
                            throw new IllegalArgumentException("einsum(): subscript " + label(s) + " has size " + sz
                                    + " for operand " + i + " which does not broadcast with previously seen size " + labelSize[s]);
                        }
                        labelSize[s] = sz;
                        dimCounts[permIndex[s]]++;
                    }
                    permutation[permIndex[s]] = dim++;
                } else {
                    int prev = permutation[permIndex[s]];
                    if (op.layout().size(dim) != op.layout().size(prev)) {
                        throw new IllegalArgumentException("einsum(): subscript " + label(s) + " is repeated for operand " + i
                                + " but the sizes don't match, " + op.layout().size(dim) + " != " + op.layout().size(prev));
                    }
                    op = movedim(diagonal(op, 0, prev, dim), -1, prev);
                }
            }
            for (int k = 0; k < perm; k++) {
                if (permutation[k] == -1) {
                    op = unsqueeze(op, dim);
                    permutation[k] = dim++;
                }
            }
            ops.addLast(Shapes.permute(op, permutation));
        }
        while (ops.size() > 1) {
            TensorImpl a = ops.pollFirst(), b = ops.pollFirst();
            List<Integer> sumDims = new ArrayList<>();
            List<Integer> aSum = new ArrayList<>(), bSum = new ArrayList<>();
            for (int dim = outNumDim; dim < perm; dim++) {
                if (a.layout().size(dim) != 1 && b.layout().size(dim) != 1) {
                    if (--dimCounts[dim] == 1) {
                        sumDims.add(dim);
                        dimCounts[dim] = 0;
                    }
                } else if (dimCounts[dim] == 1) {
                    if (a.layout().size(dim) != 1) {
                        aSum.add(dim);
                        dimCounts[dim] = 0;
                    } else if (b.layout().size(dim) != 1) {
                        bSum.add(dim);
                        dimCounts[dim] = 0;
                    }
                }
            }
            if (!aSum.isEmpty()) a = sum(a, ints(aSum), true);
            if (!bSum.isEmpty()) b = sum(b, ints(bSum), true);
            ops.addFirst(sumproductPair(a, b, ints(sumDims)));
        }
        TensorImpl r = ops.getFirst();
        if (perm - outNumDim > 0) {
            if (numOps > 1) {
                long[] sizes = new long[outNumDim];
                for (int k = 0; k < outNumDim; k++) sizes[k] = r.layout().size(k);
                return Shapes.view(r, sizes);
            }
            int[] dims = new int[perm - outNumDim];
            for (int k = 0; k < dims.length; k++) dims[k] = outNumDim + k;
            return sum(r, dims, false);
        }
        return r;
    }

    private static int[] ints(List<Integer> l) {
        int[] r = new int[l.size()];
        for (int i = 0; i < r.length; i++) r[i] = l.get(i);
        return r;
    }

    /** {@code x.movedim(from, to)} as a permute. */
    private static TensorImpl movedim(TensorImpl x, int from, int to) {
        int nd = x.dim();
        int f = Ops.wrapDim(from, nd), t = Ops.wrapDim(to, nd);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < nd; i++) if (i != f) order.add(i);
        order.add(t, f);
        return Shapes.permute(x, ints(order));
    }

    /**
     * PyTorch's {@code sumproduct_pair(left, right, sum_dims, keepdim=true)}: {@code (left * right).sum(sum_dims)}
     * by permuting to (both, left only, summed) and (both, summed, right only) and one bmm.
     */
    private static TensorImpl sumproductPair(TensorImpl left, TensorImpl right, int[] sumDims) {
        if (sumDims.length == 0) return mul(left, right);
        int dim = left.dim();
        boolean[] summed = new boolean[dim];
        for (int d : sumDims) summed[d] = true;
        List<Integer> lro = new ArrayList<>(), lo = new ArrayList<>(), ro = new ArrayList<>();
        long lroSize = 1, loSize = 1, roSize = 1, sumSize = 1;
        for (int i = 0; i < dim; i++) {
            boolean sl = left.layout().size(i) != 1, sr = right.layout().size(i) != 1;
            if (summed[i]) {
                if (sl && sr) {
                    sumSize *= left.layout().size(i);
                } else if (sl) {
                    left = sum(left, new int[] {i}, true);
                } else if (sr) {
                    right = sum(right, new int[] {i}, true);
                }
            } else if (sl && sr) {
                lro.add(i);
                lroSize *= left.layout().size(i);
            } else if (sl) {
                lo.add(i);
                loSize *= left.layout().size(i);
            } else {
                ro.add(i);
                roSize *= right.layout().size(i);
            }
        }
        List<Integer> outSize = new ArrayList<>();
        for (int d : lro) outSize.add(left.layout().size(d));
        for (int d : lo) outSize.add(left.layout().size(d));
        for (int ignored : sumDims) outSize.add(1);
        for (int d : ro) outSize.add(right.layout().size(d));
        List<Integer> lperm = new ArrayList<>(lro), rperm = new ArrayList<>(lro);
        lperm.addAll(lo);
        for (int d : sumDims) lperm.add(d);
        lperm.addAll(ro);
        for (int d : sumDims) rperm.add(d);
        rperm.addAll(ro);
        rperm.addAll(lo);
        int[] operm = new int[dim];
        int k = 0;
        for (int d : lro) operm[d] = k++;
        for (int d : lo) operm[d] = k++;
        for (int d : sumDims) operm[d] = k++;
        for (int d : ro) operm[d] = k++;
        TensorImpl l = Shapes.reshape(Shapes.permute(left, ints(lperm)), new long[] {lroSize, loSize, sumSize});
        TensorImpl r = Shapes.reshape(Shapes.permute(right, ints(rperm)), new long[] {lroSize, sumSize, roSize});
        TensorImpl result = bmm(l, r);
        long[] os = new long[outSize.size()];
        for (int i = 0; i < os.length; i++) os[i] = outSize.get(i);
        return Shapes.permute(Shapes.view(result, os), operm);
    }
}
