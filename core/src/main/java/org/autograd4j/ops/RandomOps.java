package org.autograd4j.ops;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.autograd.GradMode;
import org.autograd4j.random.Generator;
import org.autograd4j.random.Sampling;
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

    /** Fills {@code n} elements of {@code array} (the dtype's primitive array) from {@code off}. */
    @FunctionalInterface
    private interface Fill {
        void fill(Object array, int off, int n, boolean contiguous);
    }

    // ------------------------------------------------------------------ in place

    /** {@code self.uniform_(from, to, generator=g)}. */
    public static Tensor uniform_(Tensor self, double from, double to, Generator g) {
        requireFloat(self, "check_uniform_bounds");
        return inPlace(self, "UniformBackward0", (a, off, n, c) -> {
            if (a instanceof float[] f) Sampling.uniform(g, f, off, n, from, to);
            else Sampling.uniform(g, (double[]) a, off, n, from, to);
        });
    }

    /** {@code self.normal_(mean, std, generator=g)}. */
    public static Tensor normal_(Tensor self, double mean, double std, Generator g) {
        requireFloat(self, "normal_kernel_cpu");
        return inPlace(self, "NormalBackward0", (a, off, n, c) -> {
            if (a instanceof float[] f) Sampling.normal(g, f, off, n, mean, std, c);
            else Sampling.normal(g, (double[]) a, off, n, mean, std, c);
        });
    }

    /** {@code self.exponential_(lambd, generator=g)}. */
    public static Tensor exponential_(Tensor self, double lambd, Generator g) {
        requireFloat(self, "exponential_cpu");
        return inPlace(self, "ExponentialBackward0", (a, off, n, c) -> {
            if (a instanceof float[] f) Sampling.exponential(g, f, off, n, lambd);
            else Sampling.exponential(g, (double[]) a, off, n, lambd);
        });
    }

    /**
     * {@code self.log_normal_(mean, std, generator=g)}: {@code exp(mean + std·z)}, z a standard normal of the
     * scalar (cached) path, in double for both float dtypes. Checks writability, then std, then the dtype (the
     * leaf check comes before the argument check as in PyTorch; PyTorch checks internal overlap after it).
     */
    public static Tensor logNormal_(Tensor self, double mean, double std, Generator g) {
        InPlace.checkWritable(self);
        Sampling.checkLogNormalStd(std);
        requireFloat(self, "log_normal_cpu");
        return inPlace(self, "LogNormalBackward0", (a, off, n, c) -> {
            if (a instanceof float[] f) Sampling.logNormal(g, f, off, n, mean, std);
            else Sampling.logNormal(g, (double[]) a, off, n, mean, std);
        });
    }

    /**
     * {@code self.geometric_(p, generator=g)}: {@code ceil(log(u) / log(1 − p))} in double; float32, float64
     * and int64 (not bool, as PyTorch's {@code AT_DISPATCH_ALL_TYPES}).
     */
    public static Tensor geometric_(Tensor self, double p, Generator g) {
        InPlace.checkWritable(self);
        Sampling.checkGeometricP(p);
        if (self.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("\"geometric_cpu\" not implemented for 'Bool'");
        }
        return inPlace(self, "GeometricBackward0", (a, off, n, c) -> {
            switch (a) {
                case float[] f -> Sampling.geometric(g, f, off, n, p);
                case double[] d -> Sampling.geometric(g, d, off, n, p);
                default -> Sampling.geometric(g, (long[]) a, off, n, p);
            }
        });
    }

    /**
     * {@code self.cauchy_(median, sigma, generator=g)}: {@code fma(sigma, tan(π(u − ½)), median)} in double;
     * sigma is not checked (as PyTorch 1.13.1).
     */
    public static Tensor cauchy_(Tensor self, double median, double sigma, Generator g) {
        requireFloat(self, "cauchy_cpu");
        return inPlace(self, "CauchyBackward0", (a, off, n, c) -> {
            if (a instanceof float[] f) Sampling.cauchy(g, f, off, n, median, sigma);
            else Sampling.cauchy(g, (double[]) a, off, n, median, sigma);
        });
    }

    /** {@code self.bernoulli_(p, generator=g)} with a scalar p (any dtype; float64 uniforms). */
    public static Tensor bernoulli_(Tensor self, double p, Generator g) {
        return inPlace(self, "BernoulliBackward2", (a, off, n, c) -> {
            switch (a) {
                case float[] f -> Sampling.bernoulli(g, f, off, n, p);
                case double[] d -> Sampling.bernoulli(g, d, off, n, p);
                case boolean[] b -> Sampling.bernoulli(g, b, off, n, p);
                default -> {
                    double[] tmp = new double[n];
                    Sampling.bernoulli(g, tmp, 0, n, p);
                    long[] l = (long[]) a;
                    for (int i = 0; i < n; i++) l[off + i] = (long) tmp[i];
                }
            }
        });
    }

    /**
     * {@code self.bernoulli_(p, generator=g)} with a tensor of probabilities broadcast to self: element i is
     * {@code u < p[i]}, u a float32 uniform for float32 p and a float64 uniform for float64 p.
     */
    public static Tensor bernoulli_(Tensor self, Tensor p, Generator g) {
        if (!p.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"bernoulli_tensor_cpu_p_\" not implemented for '"
                    + Ops.scalarTypeName(p.dtype()) + "'");
        }
        InPlace.checkWritable(self);
        InPlace.checkBroadcastsTo(self, p);
        Layout pl = p.layout().broadcastTo(self.layout().shape());
        return record(self, "BernoulliBackward1", p, () -> bernoulliInto(self, p.storage(), pl, g));
    }

    /** {@code self.random_(from, to, generator=g)}: integers in [from, to). */
    public static Tensor random_(Tensor self, long from, long to, Generator g) {
        return randomFromTo(self, from, to, g, "RandomBackward0");
    }

    /** {@code self.random_(to, generator=g)}: integers in [0, to). */
    public static Tensor random_(Tensor self, long to, Generator g) {
        return randomFromTo(self, 0, to, g, "RandomBackward1");
    }

    private static Tensor randomFromTo(Tensor self, long from, long to, Generator g, String node) {
        if (self.dtype() == DType.BOOL) {
            if (from < 0 || from > 1) throw new IllegalArgumentException("from is out of bounds for bool");
            if (to - 1 < 0 || to - 1 > 1) throw new IllegalArgumentException("to - 1 is out of bounds for bool");
        }
        return inPlace(self, node, (a, off, n, c) -> {
            switch (a) {
                case long[] l -> Sampling.randint(g, l, off, n, from, to);
                case float[] f -> Sampling.randint(g, f, off, n, from, to);
                case double[] d -> Sampling.randint(g, d, off, n, from, to);
                default -> {
                    int[] tmp = new int[n];
                    Sampling.randint(g, tmp, 0, n, from, to);
                    boolean[] bo = (boolean[]) a;
                    for (int i = 0; i < n; i++) bo[off + i] = tmp[i] != 0;
                }
            }
        });
    }

    /**
     * {@code self.random_(generator=g)}: int64 {@code random64() mod 2⁶³}; float32 {@code random() mod (2²⁴+1)};
     * float64 {@code random64() mod (2⁵³+1)}; bool {@code random() & 1} ({@code uniform_int_distribution}).
     */
    public static Tensor random_(Tensor self, Generator g) {
        Generator gen = g != null ? g : Generator.defaultGenerator();
        return inPlace(self, "RandomBackward2", (a, off, n, c) -> {
            synchronized (gen) {
                switch (a) {
                    case long[] l -> {
                        for (int i = 0; i < n; i++) l[off + i] = gen.random64() & Long.MAX_VALUE;
                    }
                    case float[] f -> {
                        for (int i = 0; i < n; i++) f[off + i] = (float) (gen.random() % ((1L << 24) + 1));
                    }
                    case double[] d -> {
                        for (int i = 0; i < n; i++) {
                            d[off + i] = (double) Long.remainderUnsigned(gen.random64(), (1L << 53) + 1);
                        }
                    }
                    default -> {
                        boolean[] bo = (boolean[]) a;
                        for (int i = 0; i < n; i++) bo[off + i] = (gen.random() & 1) != 0;
                    }
                }
            }
        });
    }

    // ------------------------------------------------------------------ out of place

    /**
     * {@code torch.empty_like(t)} with PyTorch's {@code preserve_format}: the same strides when {@code t} is
     * non-overlapping and dense, else contiguous. Zero-filled.
     */
    public static Tensor emptyLike(Tensor t, DType dtype) {
        Layout l = t.layout();
        if (l.isContiguous() || !nonOverlappingAndDense(l)) return Ops.empty(dtype, l.shape());
        return Tensor.wrap(Storage.allocate(dtype, l.numel()), new Layout(l.shape().clone(), l.strides().clone(), 0));
    }

    /** {@code torch.randint(low, high, size, dtype=dtype, generator=g)}. */
    public static Tensor randint(long low, long high, long[] shape, DType dtype, Generator g) {
        Tensor t = Ops.empty(dtype, Ops.toInts(shape));
        return random_(t, low, high, g);
    }

    /** {@code torch.randperm(n, generator=g)} (int64). */
    public static Tensor randperm(long n, Generator g) {
        if (n < 0) throw new IllegalArgumentException("n must be non-negative, got" + n);
        Tensor t = Ops.empty(DType.INT64, new int[] {Math.toIntExact(n)});
        Sampling.randperm(g, ((Storage.I64) t.storage()).data, 0, (int) n);
        return t;
    }

    /**
     * {@code torch.bernoulli(p, generator=g)}: a contiguous {@code empty_like(p).bernoulli_(p)}; records
     * {@code BernoulliBackward0} (zero derivative) when p requires grad.
     */
    public static Tensor bernoulli(Tensor p, Generator g) {
        if (!p.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"bernoulli_tensor_cpu_p_\" not implemented for '"
                    + Ops.scalarTypeName(p.dtype()) + "'");
        }
        Tensor out = Ops.empty(p.dtype(), p.layout().shape());   // LEGACY_CONTIGUOUS_MEMORY_FORMAT
        bernoulliInto(out, p.storage(), p.layout(), g);
        if (Graph.needs(p)) {
            int[] ps = p.layout().shape();
            Graph.record(out, "BernoulliBackward0", (gr, node) -> new Tensor[] {Ops.empty(gr.dtype(), ps)}, p);
        }
        return out;
    }

    /**
     * {@code torch.multinomial(probs, numSamples, replacement, generator=g)} for 1-d or 2-d float probs;
     * int64 result of shape {@code (numSamples)} or {@code (rows, numSamples)}.
     */
    public static Tensor multinomial(Tensor probs, long numSamples, boolean replacement, Generator g) {
        int dim = probs.layout().dim();
        if (dim != 1 && dim != 2) throw new IllegalArgumentException("prob_dist must be 1 or 2 dim");
        if (!probs.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("multinomial only supports floating-point dtypes for input, got: "
                    + Ops.scalarTypeName(probs.dtype()));
        }
        int rows = dim == 1 ? 1 : probs.layout().size(0);
        int cats = probs.layout().size(dim - 1);
        if (numSamples <= 0) throw new IllegalArgumentException("cannot sample n_sample <= 0 samples");
        if (!replacement && numSamples > cats) {
            throw new IllegalArgumentException("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
        }
        int k = Math.toIntExact(numSamples);
        Tensor out = Ops.empty(DType.INT64, dim == 1 ? new int[] {k} : new int[] {rows, k});
        if (rows == 0) return out;
        if (!replacement && !probs.layout().isContiguous() && nonOverlappingAndDense(probs.layout())) {
            multinomialGumbelStrided(probs, rows, cats, k, ((Storage.I64) out.storage()).data, g);
            return out;
        }
        Tensor d = Ops.dense(probs);
        int off = d.layout().offset();
        long[] o = ((Storage.I64) out.storage()).data;
        if (d.storage() instanceof Storage.F32 f) {
            Sampling.multinomial(g, f.data, off, rows, cats, k, replacement, o, 0);
        } else {
            Sampling.multinomial(g, ((Storage.F64) d.storage()).data, off, rows, cats, k, replacement, o, 0);
        }
        return out;
    }

    /**
     * Without replacement PyTorch draws {@code q = empty_like(probs).exponential_(1)}, which for a dense
     * non-contiguous probs (e.g. transposed) has probs' strides and is filled in memory order; then takes the
     * top k of {@code probs / q} per row (ties by lower index, as {@link Sampling#multinomial}).
     */
    private static void multinomialGumbelStrided(Tensor probs, int rows, int cats, int k, long[] out, Generator g) {
        int n = rows * cats;
        boolean f32 = probs.dtype() == DType.FLOAT32;
        Tensor w = Ops.convert(Ops.dense(probs), DType.FLOAT64);
        double[] wd = ((Storage.F64) w.storage()).data;
        for (double v : wd) {
            if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("probability tensor contains either `inf`, `nan` or element < 0");
            }
        }
        for (int r = 0; r < rows; r++) {
            boolean allZero = true;
            for (int c = 0; c < cats; c++) allZero &= wd[r * cats + c] == 0;
            if (allZero) throw new IllegalArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
        }
        Tensor q = exponential_(emptyLike(probs, probs.dtype()), 1, g);
        double[] qd = ((Storage.F64) Ops.convert(Ops.dense(q), DType.FLOAT64).storage()).data;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = f32 ? (float) wd[i] / (float) qd[i] : wd[i] / qd[i];
        Integer[] idx = new Integer[cats];
        for (int r = 0; r < rows; r++) {
            int base = r * cats;
            for (int c = 0; c < cats; c++) idx[c] = c;
            java.util.Arrays.sort(idx, (a, b) -> {
                int c = Double.compare(v[base + b], v[base + a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int j = 0; j < k; j++) out[r * k + j] = idx[j];
        }
    }

    // ------------------------------------------------------------------ plumbing

    private static void requireFloat(Tensor t, String kernel) {
        if (!t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + Ops.scalarTypeName(t.dtype()) + "'");
        }
    }

    /** Checks, fills in PyTorch's order, bumps the version and records a zero-derivative node if needed. */
    private static Tensor inPlace(Tensor self, String node, Fill f) {
        InPlace.checkWritable(self);
        return record(self, node, null, () -> fillLayout(self.storage(), self.layout(), f));
    }

    private static Tensor record(Tensor self, String node, Tensor other, Runnable fill) {
        boolean record = GradMode.isEnabled() && (self.requiresGrad() || other != null && other.requiresGrad());
        if (record) InPlace.checkRebasable(self);
        // Stands for self's old value in the graph (only its history is needed: the derivative is zero).
        Tensor old = record ? InPlace.standIn(self) : null;
        fill.run();
        self.bumpVersion();
        if (record) {
            int[] ss = self.layout().shape();
            Tensor[] inputs = other == null ? new Tensor[] {old} : new Tensor[] {old, other};
            int[] os = other == null ? null : other.layout().shape();
            InPlace.rebase(self, Graph.node(node, (g, n) -> other == null ? new Tensor[] {Ops.empty(g.dtype(), ss)}
                    : new Tensor[] {Ops.empty(g.dtype(), ss), n.needs(1) ? Ops.empty(other.dtype(), os) : null}, inputs));
        }
        return self;
    }

    private static void fillLayout(Storage s, Layout l, Fill f) {
        int n = l.numel();
        if (n == 0) return;
        if (l.isContiguous()) {
            f.fill(array(s), l.offset(), n, true);
            return;
        }
        InPlace.checkNoInternalOverlap(l);
        // Draw into a dense temporary, then let the copy kernel place it in TensorIterator's visiting order.
        Storage tmp = Storage.allocate(s.dtype(), n);
        f.fill(array(tmp), 0, n, false);
        Layout ordered = inIterationOrder(l, iterationDims(l.shape(), new int[][] {l.strides()}));
        Ops.K.copy(tmp, Layout.contiguous(ordered.shape()), s, ordered);
    }

    /** Bernoulli with per-element probabilities; iteration order from (out, p) as TensorIterator does. */
    private static void bernoulliInto(Tensor out, Storage ps, Layout pl, Generator g) {
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
        if (p instanceof Storage.F32 pf) Sampling.bernoulli(g, pf.data, 0, ((Storage.F32) r).data, 0, n);
        else Sampling.bernoulli(g, ((Storage.F64) p).data, 0, ((Storage.F64) r).data, 0, n);
        Ops.K.copy(r, dense, out.storage(), inIterationOrder(ol, dims));
    }

    private static Object array(Storage s) {
        return switch (s) {
            case Storage.F32 f -> f.data;
            case Storage.F64 d -> d.data;
            case Storage.I64 i -> i.data;
            case Storage.Bool b -> b.data;
        };
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
