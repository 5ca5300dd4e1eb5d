package org.autograd4j.ops;

import org.autograd4j.DType;
import org.autograd4j.engine.DualLevels;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.random.Generator;
import org.autograd4j.sampling.Engines;
import org.autograd4j.sampling.Mt19937;
import org.autograd4j.sampling.Sampling;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;

/**
 * Random fills on tensors: the {@link Sampling} algorithms applied to a tensor's storage in the order
 * PyTorch's {@code TensorIterator} visits it, so results are PyTorch's for any layout.
 *
 * <p>Fill order: a contiguous tensor is filled in memory order. A non-contiguous one is filled in the order
 * {@code TensorIterator} iterates (dimensions sorted by stride, {@code reorder_dimensions}), which is memory
 * order for transposed/permuted/sliced views; the samples are drawn into a temporary array and scattered.
 * {@code normal_} takes its scalar path on non-contiguous tensors (as PyTorch's {@code normal_kernel}).
 *
 * <p>In-place fills check writability like every in-place op, bump the version counter and, when the graph
 * is recorded (a non-leaf that requires grad), become a node with a zero derivative
 * ({@code UniformBackward0}, …), as in PyTorch's {@code derivatives.yaml}.
 */
public final class RandomOps {
    private RandomOps() {
    }

    /** Fills {@code n} elements of {@code s} from {@code off} (contiguous: the tensor itself, else a dense temporary). */
    @FunctionalInterface
    private interface Fill {
        void fill(Storage s, int off, int n, boolean contiguous);
    }

    // ------------------------------------------------------------------ in place

    /** {@code self.uniform_(from, to, generator=g)}. */
    public static TensorImpl uniform_(TensorImpl self, double from, double to, Generator g) {
        requireFloat(self, "check_uniform_bounds");
        return inPlace(self, "UniformBackward0", (a, off, n, c) -> Sampling.uniform(engine(g), a, off, n, from, to));
    }

    /** {@code self.normal_(mean, std, generator=g)}. */
    public static TensorImpl normal_(TensorImpl self, double mean, double std, Generator g) {
        requireFloat(self, "normal_kernel_cpu");
        return inPlace(self, "NormalBackward0", (a, off, n, c) -> Sampling.normal(engine(g), a, off, n, mean, std, c));
    }

    /** {@code self.exponential_(lambd, generator=g)}. */
    public static TensorImpl exponential_(TensorImpl self, double lambd, Generator g) {
        requireFloat(self, "exponential_cpu");
        return inPlace(self, "ExponentialBackward0", (a, off, n, c) -> Sampling.exponential(engine(g), a, off, n, lambd));
    }

    /**
     * {@code self.log_normal_(mean, std, generator=g)}: {@code exp(mean + std·z)}, z a standard normal of the
     * scalar (cached) path, in double for both float dtypes. Checks writability, then std, then the dtype (the
     * leaf check comes before the argument check as in PyTorch; PyTorch checks internal overlap after it).
     */
    public static TensorImpl logNormal_(TensorImpl self, double mean, double std, Generator g) {
        InPlace.checkWritable(self);
        Sampling.checkLogNormalStd(std);
        requireFloat(self, "log_normal_cpu");
        return inPlace(self, "LogNormalBackward0", (a, off, n, c) -> Sampling.logNormal(engine(g), a, off, n, mean, std));
    }

    /**
     * {@code self.geometric_(p, generator=g)}: {@code ceil(log(u) / log(1 − p))} in double; float32, float64
     * and int64 (not bool, as PyTorch's {@code AT_DISPATCH_ALL_TYPES}).
     */
    public static TensorImpl geometric_(TensorImpl self, double p, Generator g) {
        InPlace.checkWritable(self);
        Sampling.checkGeometricP(p);
        if (self.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("\"geometric_cpu\" not implemented for 'Bool'");
        }
        return inPlace(self, "GeometricBackward0", (a, off, n, c) -> Sampling.geometric(engine(g), a, off, n, p));
    }

    /**
     * {@code self.cauchy_(median, sigma, generator=g)}: {@code fma(sigma, tan(π(u − ½)), median)} in double;
     * sigma is not checked (as PyTorch 1.13.1).
     */
    public static TensorImpl cauchy_(TensorImpl self, double median, double sigma, Generator g) {
        requireFloat(self, "cauchy_cpu");
        return inPlace(self, "CauchyBackward0", (a, off, n, c) -> Sampling.cauchy(engine(g), a, off, n, median, sigma));
    }

    /** {@code self.bernoulli_(p, generator=g)} with a scalar p (any dtype; float64 uniforms). */
    public static TensorImpl bernoulli_(TensorImpl self, double p, Generator g) {
        return inPlace(self, "BernoulliBackward2", (a, off, n, c) -> Sampling.bernoulli(engine(g), a, off, n, p));
    }

    /**
     * {@code self.bernoulli_(p, generator=g)} with a tensor of probabilities broadcast to self: element i is
     * {@code u < p[i]}, u a float32 uniform for float32 p and a float64 uniform for float64 p.
     */
    public static TensorImpl bernoulli_(TensorImpl self, TensorImpl p, Generator g) {
        if (!p.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"bernoulli_tensor_cpu_p_\" not implemented for '"
                    + p.dtype().scalarTypeName() + "'");
        }
        InPlace.checkBroadcastsTo(self, p);
        Layout pl = p.layout().broadcastTo(self.shape());
        return record(self, "BernoulliBackward1", p, () -> bernoulliInto(self, p.storage(), pl, g));
    }

    /** {@code self.random_(from, to, generator=g)}: integers in [from, to). */
    public static TensorImpl random_(TensorImpl self, long from, long to, Generator g) {
        return randomFromTo(self, from, to, g, "RandomBackward0");
    }

    /** {@code self.random_(to, generator=g)}: integers in [0, to). */
    public static TensorImpl random_(TensorImpl self, long to, Generator g) {
        return randomFromTo(self, 0, to, g, "RandomBackward1");
    }

    private static TensorImpl randomFromTo(TensorImpl self, long from, long to, Generator g, String node) {
        if (self.dtype() == DType.BOOL) {
            if (from < 0 || from > 1) throw new IllegalArgumentException("from is out of bounds for bool");
            if (to - 1 < 0 || to - 1 > 1) throw new IllegalArgumentException("to - 1 is out of bounds for bool");
        }
        return inPlace(self, node, (a, off, n, c) -> Sampling.randint(engine(g), a, off, n, from, to));
    }

    /**
     * {@code self.random_(generator=g)}: int64 {@code random64() mod 2⁶³}; float32 {@code random() mod (2²⁴+1)};
     * float64 {@code random64() mod (2⁵³+1)}; bool {@code random() & 1} ({@code uniform_int_distribution}).
     */
    public static TensorImpl random_(TensorImpl self, Generator g) {
        Generator gen = g != null ? g : Generator.defaultGenerator();
        return inPlace(self, "RandomBackward2", (a, off, n, c) -> Sampling.random(engine(gen), a, off, n));
    }

    // ------------------------------------------------------------------ out of place

    /**
     * {@code torch.empty_like(t)} with PyTorch's {@code preserve_format}: the same strides when {@code t} is
     * non-overlapping and dense, else contiguous. Zero-filled.
     */
    public static TensorImpl emptyLike(TensorImpl t, DType dtype) {
        Layout l = t.layout();
        if (l.isContiguous() || !nonOverlappingAndDense(l)) return Ops.empty(dtype, l.shape());
        return TensorImpl.of(Storage.allocate(dtype, l.numel()), new Layout(l.shape().clone(), l.strides().clone(), 0));
    }

    /** {@code torch.randn(size, dtype=dtype, generator=g)}: the contiguous fill path, PyTorch's exact numbers. */
    public static TensorImpl randn(int[] shape, DType dtype, Generator g) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("\"normal_kernel_cpu\" not implemented for '" + dtype.scalarTypeName() + "'");
        }
        TensorImpl t = Ops.empty(dtype, shape);
        fillLayout(t.storage(), t.layout(), (a, off, n, c) -> Sampling.normal(engine(g), a, off, n, 0, 1, true));
        return t;
    }

    /** {@code torch.rand(size, dtype=dtype, generator=g)}: uniform in [0, 1). */
    public static TensorImpl rand(int[] shape, DType dtype, Generator g) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("\"check_uniform_bounds\" not implemented for '" + dtype.scalarTypeName() + "'");
        }
        TensorImpl t = Ops.empty(dtype, shape);
        fillLayout(t.storage(), t.layout(), (a, off, n, c) -> Sampling.uniform(engine(g), a, off, n, 0, 1));
        return t;
    }

    /** {@code torch.randint(low, high, size, dtype=dtype, generator=g)}. */
    public static TensorImpl randint(long low, long high, long[] shape, DType dtype, Generator g) {
        TensorImpl t = Ops.empty(dtype, org.autograd4j.storage.Sizes.toInts(shape));
        return random_(t, low, high, g);
    }

    /** {@code torch.randperm(n, generator=g)} (int64). */
    public static TensorImpl randperm(long n, Generator g) {
        // torch.randperm allocates its result first, so 1.13 reports the negative size
        if (n < 0) throw new IllegalArgumentException("Trying to create tensor with negative dimension " + n + ": [" + n + "]");
        TensorImpl t = Ops.empty(DType.INT64, new int[] {Math.toIntExact(n)});
        Sampling.randperm(engine(g), t.storage(), 0, (int) n);
        return t;
    }

    /**
     * {@code torch.bernoulli(p, generator=g)}: a contiguous {@code empty_like(p).bernoulli_(p)}; records
     * {@code BernoulliBackward0} (zero derivative) when p requires grad.
     */
    public static TensorImpl bernoulli(TensorImpl p, Generator gen) {
        if (!p.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"bernoulli_tensor_cpu_p_\" not implemented for '"
                    + p.dtype().scalarTypeName() + "'");
        }
        TensorImpl out = Ops.empty(p.dtype(), p.shape());   // LEGACY_CONTIGUOUS_MEMORY_FORMAT
        bernoulliInto(out, p.storage(), p.layout(), gen);
        if (Graph.needs(p)) {
            int[] ps = p.shape();
            Graph.record(out, "BernoulliBackward0", (g, n) -> new TensorImpl[] {Ops.empty(g.dtype(), ps)}, p, t -> TensorMath.mul(t[0], 0.0));
        }
        return out;
    }

    /**
     * {@code torch.multinomial(probs, numSamples, replacement, generator=g)} for 1-d or 2-d float probs;
     * int64 result of shape {@code (numSamples)} or {@code (rows, numSamples)}.
     */
    public static TensorImpl multinomial(TensorImpl probs, long numSamples, boolean replacement, Generator g) {
        int dim = probs.layout().dim();
        if (dim != 1 && dim != 2) throw new IllegalArgumentException("prob_dist must be 1 or 2 dim");
        if (!probs.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("multinomial only supports floating-point dtypes for input, got: "
                    + probs.dtype().scalarTypeName());
        }
        int rows = dim == 1 ? 1 : probs.layout().size(0);
        int cats = probs.layout().size(dim - 1);
        if (numSamples <= 0) throw new IllegalArgumentException("cannot sample n_sample <= 0 samples");
        if (!replacement && numSamples > cats) {
            throw new IllegalArgumentException("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
        }
        int k = Math.toIntExact(numSamples);
        TensorImpl out = Ops.empty(DType.INT64, dim == 1 ? new int[] {k} : new int[] {rows, k});
        if (rows == 0) return out;
        if (!replacement && !probs.layout().isContiguous() && nonOverlappingAndDense(probs.layout())) {
            multinomialGumbelStrided(probs, rows, cats, k, out.storage(), g);
            return out;
        }
        TensorImpl d = Ops.dense(probs);
        int off = d.layout().offset();
        Sampling.multinomial(engine(g), d.storage(), off, rows, cats, k, replacement, out.storage(), 0);
        return out;
    }

    /**
     * Without replacement PyTorch draws {@code q = empty_like(probs).exponential_(1)}, which for a dense
     * non-contiguous probs (e.g. transposed) has probs' strides and is filled in memory order; then takes the
     * top k of {@code probs / q} per row (ties by lower index, as {@link Sampling#multinomial}).
     */
    private static void multinomialGumbelStrided(TensorImpl probs, int rows, int cats, int k, Storage out, Generator g) {
        TensorImpl w = Ops.convert(Ops.dense(probs), DType.FLOAT64);
        Sampling.checkMultinomialRows(w.storage(), rows, cats);
        TensorImpl q = exponential_(emptyLike(probs, probs.dtype()), 1, g);
        TensorImpl q64 = Ops.convert(Ops.dense(q), DType.FLOAT64);
        Sampling.topKOfRatios(w.storage(), q64.storage(), rows, cats, k, probs.dtype() == DType.FLOAT32, out);
    }

    // ------------------------------------------------------------------ plumbing

    /**
     * The engine the samplers draw from: {@code g}'s, or the default generator's for PyTorch's
     * {@code generator=None}. The null case is resolved here because the sampling package may not name
     * {@code Generator} (it would be a package cycle), see {@code sampling.Engines}.
     */
    private static Mt19937 engine(Generator g) {
        return Engines.of(g != null ? g : Generator.defaultGenerator());
    }

    private static void requireFloat(TensorImpl t, String kernel) {
        if (!t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + t.dtype().scalarTypeName() + "'");
        }
    }

    /** Fills in PyTorch's order through the one in-place path, with a zero-derivative node when recorded. */
    private static TensorImpl inPlace(TensorImpl self, String node, Fill f) {
        return record(self, node, null, () -> fillLayout(self.storage(), self.layout(), f));
    }

    private static TensorImpl record(TensorImpl self, String node, TensorImpl other, Runnable fill) {
        int[] ss = self.shape();
        InPlace.zeroTangent(self, DualLevels.open() != 0 && Dual.has(self));
        return InPlace.write(self, other, false, old -> {
            fill.run();
            if (other == null) return InPlace.node(node, (g, n) -> new TensorImpl[] {Ops.empty(g.dtype(), ss)}, old);
            int[] os = other.shape();
            return InPlace.node(node, (g, n) -> new TensorImpl[] {Ops.empty(g.dtype(), ss), n.needs(1) ? Ops.empty(other.dtype(), os) : null},
                    old, other);
        });
    }

    private static void fillLayout(Storage s, Layout l, Fill f) {
        int n = l.numel();
        if (n == 0) return;
        if (l.isContiguous()) {
            f.fill(s, l.offset(), n, true);
            return;
        }
        InPlace.checkNoInternalOverlap(l);
        // Draw into a dense temporary, then let the copy kernel place it in TensorIterator's visiting order.
        Storage tmp = Storage.allocate(s.dtype(), n);
        f.fill(tmp, 0, n, false);
        Layout ordered = inIterationOrder(l, iterationDims(l.shape(), new int[][] {l.strides()}));
        Ops.K.copy(tmp, Layout.contiguous(ordered.shape()), s, ordered);
    }

    /** Bernoulli with per-element probabilities; iteration order from (out, p) as TensorIterator does. */
    private static void bernoulliInto(TensorImpl out, Storage ps, Layout pl, Generator g) {
        Layout ol = out.layout();
        int n = ol.numel();
        if (n == 0) return;
        if (!ol.isContiguous()) InPlace.checkNoInternalOverlap(ol);
        int[] dims = iterationDims(ol.shape(), new int[][] {ol.strides(), pl.strides()});
        Layout dense = Layout.contiguous(inIterationOrder(ol, dims).shape());
        // probabilities gathered in visiting order, samples drawn in that order, then placed back
        Storage p = Storage.allocate(ps.dtype(), n);
        Ops.K.copy(ps, inIterationOrder(pl, dims), p, dense);
        Storage r = Storage.allocate(ps.dtype(), n);
        Sampling.bernoulli(engine(g), p, 0, r, 0, n);
        Ops.K.copy(r, dense, out.storage(), inIterationOrder(ol, dims));
    }


    /** PyTorch's {@code is_non_overlapping_and_dense}. */
    static boolean nonOverlappingAndDense(Layout l) {
        int dim = l.dim();
        int[] sz = l.shape();
        int[] st = l.strides();
        if (dim == 1) return sz[0] < 2 || st[0] == 1;
        Integer[] perm = new Integer[dim];
        for (int i = 0; i < dim; i++) perm[i] = i;
        java.util.Arrays.sort(perm, (a, b) -> {
            if (sz[a] < 2) return sz[b] < 2 ? 0 : 1;
            if (sz[b] < 2) return -1;
            return Integer.compare(st[a], st[b]);
        });
        long require = 1;
        for (int i = 0; i < dim; i++) {
            int s = sz[perm[i]];
            if (s < 2) return true;
            if (st[perm[i]] != require) return false;
            require *= s;
        }
        return true;
    }

    /**
     * The dims in the order {@code TensorIterator} nests them, slowest first: {@code reorder_dimensions} sorts
     * them fastest-first (insertion sort on the operands' strides, output first; broadcast (0) strides are
     * skipped; equal strides put the smaller size first).
     */
    static int[] iterationDims(int[] shape, int[][] strides) {
        int nd = shape.length;
        int[] perm = new int[nd];
        for (int i = 0; i < nd; i++) perm[i] = nd - 1 - i;
        for (int i = 1; i < nd; i++) {
            int dim1 = i;
            for (int dim0 = i - 1; dim0 >= 0; dim0--) {
                int c = shouldSwap(perm[dim0], perm[dim1], shape, strides);
                if (c > 0) {
                    int t = perm[dim0];
                    perm[dim0] = perm[dim1];
                    perm[dim1] = t;
                    dim1 = dim0;
                } else if (c < 0) {
                    break;
                }
            }
        }
        // perm lists the dims fastest first; row-major order wants them slowest first
        int[] dims = new int[nd];
        for (int i = 0; i < nd; i++) dims[i] = perm[nd - 1 - i];
        return dims;
    }

    /** {@code l} with its dims reordered to {@code dims}: its row-major order is TensorIterator's visiting order. */
    static Layout inIterationOrder(Layout l, int[] dims) {
        int[] shape = new int[dims.length], strides = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            shape[i] = l.size(dims[i]);
            strides[i] = l.strides()[dims[i]];
        }
        return new Layout(shape, strides, l.offset());
    }

    private static int shouldSwap(int d0, int d1, int[] shape, int[][] strides) {
        for (int[] st : strides) {
            int s0 = st[d0];
            int s1 = st[d1];
            if (s0 == 0 || s1 == 0) continue;
            if (s0 < s1) return -1;
            if (s0 > s1) return 1;
            if (shape[d0] > shape[d1]) return 1;
        }
        return 0;
    }
}
