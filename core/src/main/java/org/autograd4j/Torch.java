package org.autograd4j;

import java.util.List;
import org.autograd4j.autograd.GradMode;
import org.autograd4j.kernels.Kernels;
import org.autograd4j.ops.Indexing;
import org.autograd4j.ops.Ops;
import org.autograd4j.ops.Pointwise;
import org.autograd4j.ops.RandomOps;
import org.autograd4j.random.Generator;
import org.autograd4j.random.Sampling;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;

/**
 * The {@code torch.*} namespace: tensor creation, random numbers, grad-mode scopes and the functions that
 * PyTorch offers as {@code torch.f(x, ...)}. Import statically: {@code import static org.autograd4j.Torch.*;}.
 */
public final class Torch {
    private Torch() {
    }

    // ------------------------------------------------------------------ from Java values

    private static Tensor of(Storage s, int... shape) {
        return Tensor.wrap(s, Layout.contiguous(shape));
    }

    private static Storage floats(double[] v, DType dtype) {
        Storage s = Storage.allocate(dtype, v.length);
        for (int i = 0; i < v.length; i++) s.setDouble(i, v[i]);
        return s;
    }

    /** A 0-d float32 tensor, {@code torch.tensor(2.0)}. */
    public static Tensor tensor(double value) {
        return tensor(value, DType.FLOAT32);
    }

    /** A 0-d tensor of {@code dtype}, {@code torch.tensor(v, dtype=...)}. */
    public static Tensor tensor(double value, DType dtype) {
        return of(floats(new double[] {value}, dtype));
    }

    /** A 1-d float32 tensor, {@code torch.tensor([1., 2., 3.])}. */
    public static Tensor tensor(double... values) {
        return tensor(values, DType.FLOAT32);
    }

    /** A 1-d tensor of {@code dtype}. */
    public static Tensor tensor(double[] values, DType dtype) {
        return of(floats(values, dtype), values.length);
    }

    /** A 2-d float32 tensor from rows of equal length, {@code torch.tensor([[1., 2.], [3., 4.]])}. */
    public static Tensor tensor(double[][] rows) {
        return tensor(rows, DType.FLOAT32);
    }

    /** A 2-d tensor of {@code dtype}. */
    public static Tensor tensor(double[][] rows, DType dtype) {
        int r = rows.length, c = r == 0 ? 0 : rows[0].length;
        double[] flat = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("expected sequence of length " + c + " at dim 1 (got " + rows[i].length + ")");
            }
            System.arraycopy(rows[i], 0, flat, i * c, c);
        }
        return of(floats(flat, dtype), r, c);
    }

    /** A 3-d float32 tensor. */
    public static Tensor tensor(double[][][] blocks) {
        int a = blocks.length, b = a == 0 ? 0 : blocks[0].length, c = b == 0 ? 0 : blocks[0][0].length;
        double[] flat = new double[a * b * c];
        for (int i = 0; i < a; i++) {
            if (blocks[i].length != b) {
                throw new IllegalArgumentException("expected sequence of length " + b + " at dim 1 (got " + blocks[i].length + ")");
            }
            for (int j = 0; j < b; j++) {
                if (blocks[i][j].length != c) {
                    throw new IllegalArgumentException("expected sequence of length " + c + " at dim 2 (got " + blocks[i][j].length + ")");
                }
                System.arraycopy(blocks[i][j], 0, flat, (i * b + j) * c, c);
            }
        }
        return of(floats(flat, DType.FLOAT32), a, b, c);
    }

    /** A 1-d int64 tensor, {@code torch.tensor([1, 2, 3])}. */
    public static Tensor tensor(long[] values) {
        return of(new Storage.I64(values.clone()), values.length);
    }

    /** A 2-d int64 tensor. */
    public static Tensor tensor(long[][] rows) {
        int r = rows.length, c = r == 0 ? 0 : rows[0].length;
        long[] flat = new long[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("expected sequence of length " + c + " at dim 1 (got " + rows[i].length + ")");
            }
            System.arraycopy(rows[i], 0, flat, i * c, c);
        }
        return of(new Storage.I64(flat), r, c);
    }

    /** A 1-d bool tensor, {@code torch.tensor([True, False])}. */
    public static Tensor tensor(boolean[] values) {
        return of(new Storage.Bool(values.clone()), values.length);
    }

    /** A 0-d int64 tensor, {@code torch.tensor(3)}. */
    public static Tensor scalarTensor(long value) {
        return of(new Storage.I64(new long[] {value}));
    }

    // ------------------------------------------------------------------ filled

    /** Zeros of the given shape (float32), {@code torch.zeros(*size)}. */
    public static Tensor zeros(long... shape) {
        return full(shape, 0, DType.FLOAT32);
    }

    /** Zeros of the given shape and dtype. */
    public static Tensor zeros(long[] shape, DType dtype) {
        return full(shape, 0, dtype);
    }

    /** Ones of the given shape (float32), {@code torch.ones(*size)}. */
    public static Tensor ones(long... shape) {
        return full(shape, 1, DType.FLOAT32);
    }

    /** Ones of the given shape and dtype. */
    public static Tensor ones(long[] shape, DType dtype) {
        return full(shape, 1, dtype);
    }

    /** {@code value} everywhere (float32), {@code torch.full(size, value)}. */
    public static Tensor full(long[] shape, double value) {
        return full(shape, value, DType.FLOAT32);
    }

    /** {@code value} everywhere with the given dtype. */
    public static Tensor full(long[] shape, double value, DType dtype) {
        Tensor t = Ops.empty(dtype, Ops.toInts(shape));
        if (value != 0) Kernels.get().fill(t.storage(), t.layout(), value);
        return t;
    }

    /** Zeros shaped and typed like {@code t}, {@code torch.zeros_like(t)}. */
    public static Tensor zerosLike(Tensor t) {
        return full(t.shape(), 0, t.dtype());
    }

    /** Ones shaped and typed like {@code t}, {@code torch.ones_like(t)}. */
    public static Tensor onesLike(Tensor t) {
        return full(t.shape(), 1, t.dtype());
    }

    /** {@code value} shaped and typed like {@code t}, {@code torch.full_like(t, value)}. */
    public static Tensor fullLike(Tensor t, double value) {
        return full(t.shape(), value, t.dtype());
    }

    /** The n×n identity (float32), {@code torch.eye(n)}. */
    public static Tensor eye(long n) {
        return eye(n, n);
    }

    /** The n×m matrix with ones on the diagonal, {@code torch.eye(n, m)}. */
    public static Tensor eye(long n, long m) {
        Tensor t = zeros(n, m);
        // the diagonal is a strided view (stride m+1): one fill kernel call
        int k = (int) Math.min(n, m);
        Kernels.get().fill(t.storage(), new Layout(new int[] {k}, new int[] {(int) m + 1}, 0), 1);
        return t;
    }

    // ------------------------------------------------------------------ ranges

    /** 0, 1, …, end-1 as int64, {@code torch.arange(end)} with an integer end. */
    public static Tensor arange(long end) {
        return arange(0L, end, 1L);
    }

    /** start, start+step, … below end as int64, {@code torch.arange(start, end, step)} with integers. */
    public static Tensor arange(long start, long end, long step) {
        if (step == 0) throw new IllegalArgumentException("step must be nonzero");
        if ((step > 0 && start > end) || (step < 0 && start < end)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        long n = (end - start + step - (step > 0 ? 1 : -1)) / step;
        long[] v = new long[(int) Math.max(n, 0)];
        for (int i = 0; i < v.length; i++) v[i] = start + i * step;
        return of(new Storage.I64(v), v.length);
    }

    /** 0, 1, … below end as float32, {@code torch.arange(5.)}. */
    public static Tensor arange(double end) {
        return arange(0, end, 1);
    }

    /**
     * start, start+step, … below end as float32, {@code torch.arange(start, end, step)} with floats: the
     * length is ⌈(end-start)/step⌉ and element i is start + i·step computed in double, as PyTorch's CPU kernel.
     */
    public static Tensor arange(double start, double end, double step) {
        return arange(start, end, step, DType.FLOAT32);
    }

    /** {@code torch.arange(start, end, step, dtype=dtype)}. */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        if (step == 0) throw new IllegalArgumentException("step must be nonzero");
        if ((step > 0 && start > end) || (step < 0 && start < end)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        long n = (long) Math.ceil((end - start) / step);
        Storage s = Storage.allocate(dtype, (int) n);
        for (int i = 0; i < n; i++) s.setDouble(i, start + i * step);
        return of(s, (int) n);
    }

    /**
     * {@code steps} evenly spaced values from start to end (float32), {@code torch.linspace}: as PyTorch's
     * kernel, the first half counts up from start and the second half down from end.
     */
    public static Tensor linspace(double start, double end, long steps) {
        return linspace(start, end, steps, DType.FLOAT32);
    }

    /** {@code torch.linspace(start, end, steps, dtype=dtype)}. */
    public static Tensor linspace(double start, double end, long steps, DType dtype) {
        if (steps < 0) throw new IllegalArgumentException("number of steps must be non-negative");
        int n = (int) steps;
        Storage s = Storage.allocate(dtype, n);
        if (n == 1) s.setDouble(0, start);
        if (n > 1) {
            if (dtype == DType.FLOAT32) {
                float fs = (float) start, fe = (float) end;
                float step = (fe - fs) / (n - 1);
                int half = n / 2;
                for (int i = 0; i < n; i++) s.setDouble(i, i < half ? fs + step * i : fe - step * (n - i - 1));
            } else {
                double step = (end - start) / (n - 1);
                int half = n / 2;
                for (int i = 0; i < n; i++) s.setDouble(i, i < half ? start + step * i : end - step * (n - i - 1));
            }
        }
        return of(s, n);
    }

    // ------------------------------------------------------------------ random

    /** Seeds the default generator, {@code torch.manual_seed(seed)}; returns it. */
    public static Generator manualSeed(long seed) {
        return Generator.defaultGenerator().manualSeed(seed);
    }

    /** The seed of the default generator, {@code torch.initial_seed()}. */
    public static long initialSeed() {
        return Generator.defaultGenerator().initialSeed();
    }

    /** Reseeds the default generator non-deterministically and returns the seed, {@code torch.seed()}. */
    public static long seed() {
        return Generator.defaultGenerator().seed();
    }

    /** The default generator's state in PyTorch's byte layout, {@code torch.get_rng_state()}. */
    public static byte[] getRngState() {
        return Generator.defaultGenerator().getState();
    }

    /** Restores the default generator's state, {@code torch.set_rng_state(state)}. */
    public static void setRngState(byte[] state) {
        Generator.defaultGenerator().setState(state);
    }

    /** Standard normal samples (float32) from the default generator, {@code torch.randn(*size)}; PyTorch's exact numbers. */
    public static Tensor randn(long... shape) {
        return randn(shape, DType.FLOAT32, null);
    }

    /** Standard normal samples of {@code dtype}, {@code torch.randn(size, dtype=dtype)}. */
    public static Tensor randn(long[] shape, DType dtype) {
        return randn(shape, dtype, null);
    }

    /** Standard normal samples from {@code generator} (null: the default one). */
    public static Tensor randn(long[] shape, DType dtype, Generator generator) {
        Tensor t = Ops.empty(dtype, Ops.toInts(shape));
        int n = (int) t.numel();
        switch (dtype) {
            case FLOAT32 -> Sampling.normal(generator, ((Storage.F32) t.storage()).data, 0, n, 0, 1, true);
            case FLOAT64 -> Sampling.normal(generator, ((Storage.F64) t.storage()).data, 0, n, 0, 1, true);
            default -> throw new IllegalArgumentException("\"normal_kernel_cpu\" not implemented for '" + Ops.scalarTypeName(dtype) + "'");
        }
        return t;
    }

    /** Uniform samples in [0, 1) (float32), {@code torch.rand(*size)}; PyTorch's exact numbers. */
    public static Tensor rand(long... shape) {
        return rand(shape, DType.FLOAT32, null);
    }

    /** Uniform samples in [0, 1) of {@code dtype}. */
    public static Tensor rand(long[] shape, DType dtype) {
        return rand(shape, dtype, null);
    }

    /** Uniform samples in [0, 1) from {@code generator} (null: the default one). */
    public static Tensor rand(long[] shape, DType dtype, Generator generator) {
        Tensor t = Ops.empty(dtype, Ops.toInts(shape));
        int n = (int) t.numel();
        switch (dtype) {
            case FLOAT32 -> Sampling.uniform(generator, ((Storage.F32) t.storage()).data, 0, n, 0, 1);
            case FLOAT64 -> Sampling.uniform(generator, ((Storage.F64) t.storage()).data, 0, n, 0, 1);
            default -> throw new IllegalArgumentException("\"check_uniform_bounds\" not implemented for '" + Ops.scalarTypeName(dtype) + "'");
        }
        return t;
    }

    // ---- random: more factories (org.autograd4j.ops.RandomOps); PyTorch's exact numbers for the same seed.

    /**
     * Random int64 integers in [low, high), {@code torch.randint(low, high, size)}: {@code random() % range + low}
     * ({@code random64()} when the range is ≥ 2³²), from the default generator.
     */
    public static Tensor randint(long low, long high, long... shape) {
        return RandomOps.randint(low, high, shape, DType.INT64, null);
    }

    /** Random int64 integers in [0, high), {@code torch.randint(high, size)}. */
    public static Tensor randint(long high, long[] shape) {
        return RandomOps.randint(0, high, shape, DType.INT64, null);
    }

    /**
     * Random integers in [low, high) of {@code dtype} from {@code generator} (null: the default one),
     * {@code torch.randint(low, high, size, dtype=dtype, generator=generator)}.
     */
    public static Tensor randint(long low, long high, long[] shape, DType dtype, Generator generator) {
        return RandomOps.randint(low, high, shape, dtype, generator);
    }

    /** A random permutation of 0 … n−1 (int64), {@code torch.randperm(n)}. */
    public static Tensor randperm(long n) {
        return RandomOps.randperm(n, null);
    }

    /** A random permutation from {@code generator} (null: the default one), {@code torch.randperm(n, generator=g)}. */
    public static Tensor randperm(long n, Generator generator) {
        return RandomOps.randperm(n, generator);
    }

    /**
     * Normal samples (float32) with the given mean and std, {@code torch.normal(mean, std, size)}.
     */
    public static Tensor normal(double mean, double std, long... shape) {
        return normal(mean, std, shape, null);
    }

    /** {@code torch.normal(mean, std, size, generator=generator)} (float32; null: the default generator). */
    public static Tensor normal(double mean, double std, long[] shape, Generator generator) {
        return RandomOps.normal_(Ops.empty(DType.FLOAT32, Ops.toInts(shape)), mean, std, generator);
    }

    /**
     * Uniform [0, 1) samples shaped like {@code t}, {@code torch.rand_like(t)}: same dtype and, as PyTorch's
     * {@code preserve_format}, same strides when t is dense (filled in memory order).
     */
    public static Tensor randLike(Tensor t) {
        return RandomOps.uniform_(RandomOps.emptyLike(t, t.dtype()), 0, 1, null);
    }

    /** Standard normal samples shaped like {@code t}, {@code torch.randn_like(t)} (see {@link #randLike}). */
    public static Tensor randnLike(Tensor t) {
        return RandomOps.normal_(RandomOps.emptyLike(t, t.dtype()), 0, 1, null);
    }

    /** Random integers in [low, high) shaped like {@code t}, of its dtype, {@code torch.randint_like(t, low, high)}. */
    public static Tensor randintLike(Tensor t, long low, long high) {
        return RandomOps.random_(RandomOps.emptyLike(t, t.dtype()), low, high, null);
    }

    /** Random integers in [0, high) shaped like {@code t}, {@code torch.randint_like(t, high)}. */
    public static Tensor randintLike(Tensor t, long high) {
        return randintLike(t, 0, high);
    }

    /**
     * 0/1 samples with per-element probabilities {@code p} (float32 or float64; a contiguous result of
     * p's dtype), {@code torch.bernoulli(p)}.
     */
    public static Tensor bernoulli(Tensor p) {
        return RandomOps.bernoulli(p, null);
    }

    /** {@code torch.bernoulli(p, generator=generator)} (null: the default generator). */
    public static Tensor bernoulli(Tensor p, Generator generator) {
        return RandomOps.bernoulli(p, generator);
    }

    /** 0/1 samples with probability {@code p} shaped like {@code input}, {@code torch.bernoulli(input, p)}. */
    public static Tensor bernoulli(Tensor input, double p) {
        return RandomOps.bernoulli_(Ops.empty(input.dtype(), input.layout().shape()), p, null);
    }

    /**
     * Category indices (int64) drawn from the rows of {@code probs} (1-d or 2-d non-negative weights),
     * {@code torch.multinomial(probs, num_samples, replacement)}.
     */
    public static Tensor multinomial(Tensor probs, long numSamples, boolean replacement) {
        return RandomOps.multinomial(probs, numSamples, replacement, null);
    }

    /** {@code torch.multinomial(probs, num_samples, replacement, generator=generator)}. */
    public static Tensor multinomial(Tensor probs, long numSamples, boolean replacement, Generator generator) {
        return RandomOps.multinomial(probs, numSamples, replacement, generator);
    }

    // ------------------------------------------------------------------ grad mode

    /** Switches grad mode off on this thread until the scope closes, {@code with torch.no_grad():}. */
    public static NoGradScope noGrad() {
        return new NoGradScope(false);
    }

    /** Sets grad mode on this thread until the scope closes, {@code with torch.set_grad_enabled(mode):}. */
    public static NoGradScope setGradEnabled(boolean enabled) {
        return new NoGradScope(enabled);
    }

    /** Whether grad mode is on for this thread, {@code torch.is_grad_enabled()}. */
    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    // ------------------------------------------------------------------ functions

    /** {@code torch.mm(a, b)}. */
    public static Tensor mm(Tensor a, Tensor b) {
        return a.mm(b);
    }

    /** {@code torch.matmul(a, b)}. */
    public static Tensor matmul(Tensor a, Tensor b) {
        return a.matmul(b);
    }

    /** {@code torch.cat(tensors, dim)}. */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Indexing.cat(tensors, dim);
    }

    /** {@code torch.stack(tensors, dim)}. */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Indexing.stack(tensors, dim);
    }

    /** {@code torch.where(condition, a, b)}. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Pointwise.where(condition, a, b);
    }

    /** {@code torch.where(condition, a, b)} with a scalar for b. */
    public static Tensor where(Tensor condition, Tensor a, double b) {
        return Pointwise.where(condition, a, Tensor.wrappedScalar(b));
    }

    /** {@code torch.maximum(a, b)}. */
    public static Tensor maximum(Tensor a, Tensor b) {
        return a.maximum(b);
    }

    /** {@code torch.minimum(a, b)}. */
    public static Tensor minimum(Tensor a, Tensor b) {
        return a.minimum(b);
    }

    // ------------------------------------------------------------------ torch.f(x) forms of the Tensor methods

    /** {@code torch.add(a, b)}; the same as the Tensor method. */
    public static Tensor add(Tensor a, Tensor b) {
        return a.add(b);
    }

    /** {@code torch.sub(a, b)}; the same as the Tensor method. */
    public static Tensor sub(Tensor a, Tensor b) {
        return a.sub(b);
    }

    /** {@code torch.mul(a, b)}; the same as the Tensor method. */
    public static Tensor mul(Tensor a, Tensor b) {
        return a.mul(b);
    }

    /** {@code torch.div(a, b)}; the same as the Tensor method. */
    public static Tensor div(Tensor a, Tensor b) {
        return a.div(b);
    }

    /** {@code torch.pow(a, exponent)}; the same as the Tensor method. */
    public static Tensor pow(Tensor a, double exponent) {
        return a.pow(exponent);
    }

    /** {@code torch.pow(a, exponent)}; the same as the Tensor method. */
    public static Tensor pow(Tensor a, Tensor exponent) {
        return a.pow(exponent);
    }

    /** {@code torch.neg(a)}; the same as the Tensor method. */
    public static Tensor neg(Tensor a) {
        return a.neg();
    }

    /** {@code torch.exp(a)}; the same as the Tensor method. */
    public static Tensor exp(Tensor a) {
        return a.exp();
    }

    /** {@code torch.log(a)}; the same as the Tensor method. */
    public static Tensor log(Tensor a) {
        return a.log();
    }

    /** {@code torch.sqrt(a)}; the same as the Tensor method. */
    public static Tensor sqrt(Tensor a) {
        return a.sqrt();
    }

    /** {@code torch.abs(a)}; the same as the Tensor method. */
    public static Tensor abs(Tensor a) {
        return a.abs();
    }

    /** {@code torch.sin(a)}; the same as the Tensor method. */
    public static Tensor sin(Tensor a) {
        return a.sin();
    }

    /** {@code torch.cos(a)}; the same as the Tensor method. */
    public static Tensor cos(Tensor a) {
        return a.cos();
    }

    /** {@code torch.tanh(a)}; the same as the Tensor method. */
    public static Tensor tanh(Tensor a) {
        return a.tanh();
    }

    /** {@code torch.sigmoid(a)}; the same as the Tensor method. */
    public static Tensor sigmoid(Tensor a) {
        return a.sigmoid();
    }

    /** {@code torch.relu(a)}; the same as the Tensor method. */
    public static Tensor relu(Tensor a) {
        return a.relu();
    }

    /** {@code torch.clamp(a, min, max)}; the same as the Tensor method. */
    public static Tensor clamp(Tensor a, double min, double max) {
        return a.clamp(min, max);
    }

    /** {@code torch.sum(a)}; the same as the Tensor method. */
    public static Tensor sum(Tensor a) {
        return a.sum();
    }

    /** {@code torch.sum(a, dim)}; the same as the Tensor method. */
    public static Tensor sum(Tensor a, int dim) {
        return a.sum(dim);
    }

    /** {@code torch.mean(a)}; the same as the Tensor method. */
    public static Tensor mean(Tensor a) {
        return a.mean();
    }

    /** {@code torch.mean(a, dim)}; the same as the Tensor method. */
    public static Tensor mean(Tensor a, int dim) {
        return a.mean(dim);
    }

    /** {@code torch.prod(a)}; the same as the Tensor method. */
    public static Tensor prod(Tensor a) {
        return a.prod();
    }

    /** {@code torch.max(a)}; the same as the Tensor method. */
    public static Tensor max(Tensor a) {
        return a.max();
    }

    /** {@code torch.min(a)}; the same as the Tensor method. */
    public static Tensor min(Tensor a) {
        return a.min();
    }

    /** {@code torch.argmax(a)}; the same as the Tensor method. */
    public static Tensor argmax(Tensor a) {
        return a.argmax();
    }

    /** {@code torch.argmin(a)}; the same as the Tensor method. */
    public static Tensor argmin(Tensor a) {
        return a.argmin();
    }

    /** {@code torch.softmax(a, dim)}; the same as the Tensor method. */
    public static Tensor softmax(Tensor a, int dim) {
        return a.softmax(dim);
    }

    /** {@code torch.log_softmax(a, dim)}; the same as the Tensor method. */
    public static Tensor logSoftmax(Tensor a, int dim) {
        return a.logSoftmax(dim);
    }

    /** {@code torch.dot(a, b)}; the same as the Tensor method. */
    public static Tensor dot(Tensor a, Tensor b) {
        return a.dot(b);
    }

    /** {@code torch.mv(a, v)}; the same as the Tensor method. */
    public static Tensor mv(Tensor a, Tensor v) {
        return a.mv(v);
    }

    /** {@code torch.bmm(a, b)}; the same as the Tensor method. */
    public static Tensor bmm(Tensor a, Tensor b) {
        return a.bmm(b);
    }

    /** {@code torch.t(a)}; the same as the Tensor method. */
    public static Tensor t(Tensor a) {
        return a.t();
    }

    /** {@code torch.transpose(a, dim0, dim1)}; the same as the Tensor method. */
    public static Tensor transpose(Tensor a, int dim0, int dim1) {
        return a.transpose(dim0, dim1);
    }

    /** {@code torch.reshape(a, shape)}; the same as the Tensor method. */
    public static Tensor reshape(Tensor a, long... shape) {
        return a.reshape(shape);
    }

    /** {@code torch.flatten(a)}; the same as the Tensor method. */
    public static Tensor flatten(Tensor a) {
        return a.flatten();
    }

    /** {@code torch.squeeze(a, dim)}; the same as the Tensor method. */
    public static Tensor squeeze(Tensor a, int dim) {
        return a.squeeze(dim);
    }

    /** {@code torch.unsqueeze(a, dim)}; the same as the Tensor method. */
    public static Tensor unsqueeze(Tensor a, int dim) {
        return a.unsqueeze(dim);
    }

    /** {@code torch.gather(a, dim, index)}; the same as the Tensor method. */
    public static Tensor gather(Tensor a, int dim, Tensor index) {
        return a.gather(dim, index);
    }

    /** {@code torch.index_select(a, dim, index)}; the same as the Tensor method. */
    public static Tensor indexSelect(Tensor a, int dim, Tensor index) {
        return a.indexSelect(dim, index);
    }

    /** {@code torch.result_type(a, b)}. */
    public static DType resultType(Tensor a, Tensor b) {
        return org.autograd4j.ops.Promotion.resultType(a, b);
    }
}
