package org.autograd4j;

import java.util.List;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.ops.Binary;
import org.autograd4j.ops.Convolution;
import org.autograd4j.ops.LinearAlgebra;
import org.autograd4j.ops.Normalization;
import org.autograd4j.ops.Creation;
import org.autograd4j.ops.Indexing;
import org.autograd4j.ops.NNOps;
import org.autograd4j.ops.Pointwise;
import org.autograd4j.ops.Promotion;
import org.autograd4j.ops.RandomOps;
import org.autograd4j.ops.Sorting;
import org.autograd4j.ops.Rearrange;
import org.autograd4j.ops.Threading;
import org.autograd4j.ops.Unary;
import org.autograd4j.random.Generator;
import org.autograd4j.storage.Sizes;

/**
 * The {@code torch.*} namespace: tensor creation, random numbers, grad-mode scopes and the functions that
 * PyTorch offers as {@code torch.f(x, ...)}. Import statically: {@code import static org.autograd4j.Torch.*;}.
 */
public final class Torch {
    private Torch() {
    }

    // ------------------------------------------------------------------ from Java values

    private static Tensor of(TensorImpl t) {
        return Tensor.of(t);
    }

    private static TensorImpl in(Tensor t) {
        return t.impl();
    }

    /**
     * A 0-d float32 tensor, {@code torch.tensor(2.0)}.
     *
     * @param value the value
     * @return a new tensor
     */
    public static Tensor tensor(double value) {
        return tensor(value, DType.FLOAT32);
    }

    /**
     * A 0-d tensor of {@code dtype}, {@code torch.tensor(v, dtype=...)}.
     *
     * @param value the value
     * @param dtype the element type
     * @return a new tensor
     */
    public static Tensor tensor(double value, DType dtype) {
        return of(Creation.fromDoubles(new double[] {value}, new int[0], dtype));
    }

    /**
     * A 1-d float32 tensor, {@code torch.tensor([1., 2., 3.])}.
     *
     * @param values the values
     * @return a new tensor
     */
    public static Tensor tensor(double... values) {
        return tensor(values, DType.FLOAT32);
    }

    /**
     * A 1-d tensor of {@code dtype}.
     *
     * @param values the values
     * @param dtype the element type
     * @return a new tensor
     */
    public static Tensor tensor(double[] values, DType dtype) {
        return of(Creation.fromDoubles(values, new int[] {values.length}, dtype));
    }

    /**
     * A 2-d float32 tensor from rows of equal length, {@code torch.tensor([[1., 2.], [3., 4.]])}.
     *
     * @param rows the rows, of equal length
     * @return a new tensor
     */
    public static Tensor tensor(double[][] rows) {
        return tensor(rows, DType.FLOAT32);
    }

    /**
     * A 2-d tensor of {@code dtype}.
     *
     * @param rows the rows, of equal length
     * @param dtype the element type
     * @return a new tensor
     */
    public static Tensor tensor(double[][] rows, DType dtype) {
        int r = rows.length, c = r == 0 ? 0 : rows[0].length;
        double[] flat = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("expected sequence of length " + c + " at dim 1 (got " + rows[i].length + ")");
            }
            System.arraycopy(rows[i], 0, flat, i * c, c);
        }
        return of(Creation.fromDoubles(flat, new int[] {r, c}, dtype));
    }

    /**
     * A 3-d float32 tensor.
     *
     * @param blocks the blocks, of equal sizes
     * @return a new tensor
     */
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
        return of(Creation.fromDoubles(flat, new int[] {a, b, c}, DType.FLOAT32));
    }

    /**
     * A 1-d int64 tensor, {@code torch.tensor([1, 2, 3])}. Java picks this overload for int literals
     * ({@code tensor(1, 2, 3)} is int64, as in Python) and {@code tensor(double...)} as soon as one value is a
     * double literal ({@code tensor(1.0, 2, 3)} is float32).
     *
     * @param values the values
     * @return a new tensor
     */
    public static Tensor tensor(long... values) {
        return of(Creation.fromLongs(values, new int[] {values.length}));
    }

    /**
     * A 2-d int64 tensor.
     *
     * @param rows the rows, of equal length
     * @return a new tensor
     */
    public static Tensor tensor(long[][] rows) {
        int r = rows.length, c = r == 0 ? 0 : rows[0].length;
        long[] flat = new long[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("expected sequence of length " + c + " at dim 1 (got " + rows[i].length + ")");
            }
            System.arraycopy(rows[i], 0, flat, i * c, c);
        }
        return of(Creation.fromLongs(flat, new int[] {r, c}));
    }

    /**
     * A 1-d bool tensor, {@code torch.tensor([True, False])}.
     *
     * @param values the values
     * @return a new tensor
     */
    public static Tensor tensor(boolean[] values) {
        return of(Creation.fromBooleans(values, new int[] {values.length}));
    }

    /**
     * A 0-d int64 tensor, {@code torch.tensor(3)}: an int literal picks this overload, a double literal
     * {@link #tensor(double)} ({@code tensor(3.0)} is float32).
     *
     * @param value the value
     * @return a new tensor
     */
    public static Tensor tensor(long value) {
        return scalarTensor(value);
    }

    /**
     * A 0-d int64 tensor, {@code torch.tensor(3)}.
     *
     * @param value the value
     * @return a new tensor
     */
    public static Tensor scalarTensor(long value) {
        return of(Creation.fromLongs(new long[] {value}, new int[0]));
    }

    // ------------------------------------------------------------------ filled

    /**
     * A tensor of the given shape (float32) whose values PyTorch leaves uninitialised, {@code torch.empty(*size)};
     * here zero-filled, since Java memory is never uninitialised (do not rely on the values).
     *
     * @param shape the sizes of the dimensions
     * @return a new tensor
     */
    public static Tensor empty(long... shape) {
        return full(shape, 0, DType.FLOAT32);
    }

    /**
     * {@code torch.empty(size, dtype=dtype)}; zero-filled (see {@link #empty(long...)}).
     *
     * @param shape the sizes of the dimensions
     * @param dtype the element type
     * @return a new tensor
     */
    public static Tensor empty(long[] shape, DType dtype) {
        return full(shape, 0, dtype);
    }

    /**
     * An uninitialised tensor shaped and typed like {@code t}, {@code torch.empty_like(t)}; zero-filled.
     *
     * @param t the tensor whose shape and dtype are used
     * @return a new tensor
     */
    public static Tensor emptyLike(Tensor t) {
        return full(t.shape(), 0, t.dtype());
    }

    /**
     * Zeros of the given shape (float32), {@code torch.zeros(*size)}.
     *
     * @param shape the sizes of the dimensions
     * @return a new tensor
     */
    public static Tensor zeros(long... shape) {
        return full(shape, 0, DType.FLOAT32);
    }

    /**
     * Zeros of the given shape and dtype.
     *
     * @param shape the sizes of the dimensions
     * @param dtype the element type
     * @return a new tensor
     */
    public static Tensor zeros(long[] shape, DType dtype) {
        return full(shape, 0, dtype);
    }

    /**
     * Ones of the given shape (float32), {@code torch.ones(*size)}.
     *
     * @param shape the sizes of the dimensions
     * @return a new tensor
     */
    public static Tensor ones(long... shape) {
        return full(shape, 1, DType.FLOAT32);
    }

    /**
     * Ones of the given shape and dtype.
     *
     * @param shape the sizes of the dimensions
     * @param dtype the element type
     * @return a new tensor
     */
    public static Tensor ones(long[] shape, DType dtype) {
        return full(shape, 1, dtype);
    }

    /**
     * {@code value} everywhere (float32), {@code torch.full(size, value)}.
     *
     * @param shape the sizes of the dimensions
     * @param value the value of every element
     * @return a new tensor
     */
    public static Tensor full(long[] shape, double value) {
        return full(shape, value, DType.FLOAT32);
    }

    /**
     * {@code value} everywhere with the given dtype.
     *
     * @param shape the sizes of the dimensions
     * @param value the value of every element
     * @param dtype the element type
     * @return a new tensor
     */
    public static Tensor full(long[] shape, double value, DType dtype) {
        return of(Creation.full(Sizes.toInts(shape), value, dtype));
    }

    /**
     * Zeros shaped and typed like {@code t}, {@code torch.zeros_like(t)}.
     *
     * @param t the tensor whose shape and dtype are used
     * @return a new tensor
     */
    public static Tensor zerosLike(Tensor t) {
        return full(t.shape(), 0, t.dtype());
    }

    /**
     * Ones shaped and typed like {@code t}, {@code torch.ones_like(t)}.
     *
     * @param t the tensor whose shape and dtype are used
     * @return a new tensor
     */
    public static Tensor onesLike(Tensor t) {
        return full(t.shape(), 1, t.dtype());
    }

    /**
     * {@code value} shaped and typed like {@code t}, {@code torch.full_like(t, value)}.
     *
     * @param t the tensor whose shape and dtype are used
     * @param value the value of every element
     * @return a new tensor
     */
    public static Tensor fullLike(Tensor t, double value) {
        return full(t.shape(), value, t.dtype());
    }

    /**
     * The n×n identity (float32), {@code torch.eye(n)}.
     *
     * @param n the number of rows
     * @return a new tensor
     */
    public static Tensor eye(long n) {
        return eye(n, n);
    }

    /**
     * The n×m matrix with ones on the diagonal, {@code torch.eye(n, m)}.
     *
     * @param n the number of rows
     * @param m the number of columns
     * @return a new tensor
     */
    public static Tensor eye(long n, long m) {
        return of(Creation.eye(Math.toIntExact(n), Math.toIntExact(m), DType.FLOAT32));
    }

    // ------------------------------------------------------------------ ranges

    /**
     * 0, 1, …, end-1 as int64, {@code torch.arange(end)} with an integer end.
     *
     * @param end the end (excluded)
     * @return a new tensor
     */
    public static Tensor arange(long end) {
        return arange(0L, end, 1L);
    }

    /**
     * start, start+step, … below end as int64, {@code torch.arange(start, end, step)} with integers.
     *
     * @param start the first value
     * @param end the end (excluded)
     * @param step the spacing
     * @return a new tensor
     */
    public static Tensor arange(long start, long end, long step) {
        return of(Creation.arange(start, end, step));
    }

    /**
     * 0, 1, … below end as float32, {@code torch.arange(5.)}.
     *
     * @param end the end (excluded)
     * @return a new tensor
     */
    public static Tensor arange(double end) {
        return arange(0, end, 1);
    }

    /**
     * start, start+step, … below end as float32, {@code torch.arange(start, end, step)} with floats: the
     * length is ⌈(end-start)/step⌉ and element i is start + i·step computed in double, as PyTorch's CPU kernel.
     *
     * @param start the first value
     * @param end the end (excluded)
     * @param step the spacing
     * @return a new tensor
     */
    public static Tensor arange(double start, double end, double step) {
        return arange(start, end, step, DType.FLOAT32);
    }

    /**
     * {@code torch.arange(start, end, step, dtype=dtype)}.
     *
     * @param start the first value
     * @param end the end (excluded)
     * @param step the spacing
     * @param dtype the element type
     * @return a new tensor
     */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        return of(Creation.arange(start, end, step, dtype));
    }

    /**
     * {@code steps} evenly spaced values from start to end (float32), {@code torch.linspace}: as PyTorch's
     * kernel, the first half counts up from start and the second half down from end.
     *
     * @param start the first value
     * @param end the last value
     * @param steps the number of values
     * @return a new tensor
     */
    public static Tensor linspace(double start, double end, long steps) {
        return linspace(start, end, steps, DType.FLOAT32);
    }

    /**
     * {@code torch.linspace(start, end, steps, dtype=dtype)}.
     *
     * @param start the first value
     * @param end the last value
     * @param steps the number of values
     * @param dtype the element type
     * @return a new tensor
     */
    public static Tensor linspace(double start, double end, long steps, DType dtype) {
        return of(Creation.linspace(start, end, steps, dtype));
    }

    // ------------------------------------------------------------------ random

    /**
     * Seeds the default generator, {@code torch.manual_seed(seed)}; returns it.
     *
     * @param seed the seed
     * @return the default generator
     */
    public static Generator manualSeed(long seed) {
        return Generator.defaultGenerator().manualSeed(seed);
    }

    /**
     * The seed of the default generator, {@code torch.initial_seed()}.
     *
     * @return the seed
     */
    public static long initialSeed() {
        return Generator.defaultGenerator().initialSeed();
    }

    /**
     * Reseeds the default generator non-deterministically and returns the seed, {@code torch.seed()}.
     *
     * @return the new seed
     */
    public static long seed() {
        return Generator.defaultGenerator().seed();
    }

    /**
     * The default generator's state in PyTorch's byte layout, {@code torch.get_rng_state()}.
     *
     * @return the state in PyTorch's byte layout
     */
    public static byte[] getRngState() {
        return Generator.defaultGenerator().getState();
    }

    /**
     * Restores the default generator's state, {@code torch.set_rng_state(state)}.
     *
     * @param state the state in PyTorch's byte layout
     */
    public static void setRngState(byte[] state) {
        Generator.defaultGenerator().setState(state);
    }

    /**
     * Standard normal samples (float32) from the default generator, {@code torch.randn(*size)}; PyTorch's exact numbers.
     *
     * @param shape the sizes of the dimensions
     * @return a new tensor
     */
    public static Tensor randn(long... shape) {
        return randn(shape, DType.FLOAT32, null);
    }

    /**
     * Standard normal samples of {@code dtype}, {@code torch.randn(size, dtype=dtype)}.
     *
     * @param shape the sizes of the dimensions
     * @param dtype the element type
     * @return a new tensor
     */
    public static Tensor randn(long[] shape, DType dtype) {
        return randn(shape, dtype, null);
    }

    /**
     * Standard normal samples from {@code generator} (null: the default one).
     *
     * @param shape the sizes of the dimensions
     * @param dtype the element type
     * @param generator the generator to draw from (null: the default one)
     * @return a new tensor
     */
    public static Tensor randn(long[] shape, DType dtype, Generator generator) {
        return of(RandomOps.randn(Sizes.toInts(shape), dtype, generator));
    }

    /**
     * Uniform samples in [0, 1) (float32), {@code torch.rand(*size)}; PyTorch's exact numbers.
     *
     * @param shape the sizes of the dimensions
     * @return a new tensor
     */
    public static Tensor rand(long... shape) {
        return rand(shape, DType.FLOAT32, null);
    }

    /**
     * Uniform samples in [0, 1) of {@code dtype}.
     *
     * @param shape the sizes of the dimensions
     * @param dtype the element type
     * @return a new tensor
     */
    public static Tensor rand(long[] shape, DType dtype) {
        return rand(shape, dtype, null);
    }

    /**
     * Uniform samples in [0, 1) from {@code generator} (null: the default one).
     *
     * @param shape the sizes of the dimensions
     * @param dtype the element type
     * @param generator the generator to draw from (null: the default one)
     * @return a new tensor
     */
    public static Tensor rand(long[] shape, DType dtype, Generator generator) {
        return of(RandomOps.rand(Sizes.toInts(shape), dtype, generator));
    }

    // ---- random: more factories (org.autograd4j.ops.RandomOps); PyTorch's exact numbers for the same seed.

    /**
     * Random int64 integers in [low, high), {@code torch.randint(low, high, size)}: {@code random() % range + low}
     * ({@code random64()} when the range is ≥ 2³²), from the default generator.
     *
     * @param low the smallest value
     * @param high one above the largest value
     * @param shape the sizes of the dimensions
     * @return a new tensor
     */
    public static Tensor randint(long low, long high, long... shape) {
        return of(RandomOps.randint(low, high, shape, DType.INT64, null));
    }

    /**
     * Random int64 integers in [0, high), {@code torch.randint(high, size)}.
     *
     * @param high one above the largest value
     * @param shape the sizes of the dimensions
     * @return a new tensor
     */
    public static Tensor randint(long high, long[] shape) {
        return of(RandomOps.randint(0, high, shape, DType.INT64, null));
    }

    /**
     * Random integers in [low, high) of {@code dtype} from {@code generator} (null: the default one),
     * {@code torch.randint(low, high, size, dtype=dtype, generator=generator)}.
     *
     * @param low the smallest value
     * @param high one above the largest value
     * @param shape the sizes of the dimensions
     * @param dtype the element type
     * @param generator the generator to draw from (null: the default one)
     * @return a new tensor
     */
    public static Tensor randint(long low, long high, long[] shape, DType dtype, Generator generator) {
        return of(RandomOps.randint(low, high, shape, dtype, generator));
    }

    /**
     * A random permutation of 0 … n−1 (int64), {@code torch.randperm(n)}.
     *
     * @param n how many integers, 0 to n − 1
     * @return a new tensor
     */
    public static Tensor randperm(long n) {
        return of(RandomOps.randperm(n, null));
    }

    /**
     * A random permutation from {@code generator} (null: the default one), {@code torch.randperm(n, generator=g)}.
     *
     * @param n how many integers, 0 to n − 1
     * @param generator the generator to draw from (null: the default one)
     * @return a new tensor
     */
    public static Tensor randperm(long n, Generator generator) {
        return of(RandomOps.randperm(n, generator));
    }

    /**
     * Normal samples (float32) with the given mean and std, {@code torch.normal(mean, std, size)}.
     *
     * @param mean the mean
     * @param std the standard deviation
     * @param shape the sizes of the dimensions
     * @return a new tensor
     */
    public static Tensor normal(double mean, double std, long... shape) {
        return normal(mean, std, shape, null);
    }

    /**
     * {@code torch.normal(mean, std, size, generator=generator)} (float32; null: the default generator).
     *
     * @param mean the mean
     * @param std the standard deviation
     * @param shape the sizes of the dimensions
     * @param generator the generator to draw from (null: the default one)
     * @return a new tensor
     */
    public static Tensor normal(double mean, double std, long[] shape, Generator generator) {
        return of(RandomOps.normal_(Creation.full(Sizes.toInts(shape), 0, DType.FLOAT32), mean, std, generator));
    }

    /**
     * Uniform [0, 1) samples shaped like {@code t}, {@code torch.rand_like(t)}: same dtype and, as PyTorch's
     * {@code preserve_format}, same strides when t is dense (filled in memory order).
     *
     * @param t the tensor whose shape and dtype are used
     * @return a new tensor
     */
    public static Tensor randLike(Tensor t) {
        return of(RandomOps.uniform_(RandomOps.emptyLike(in(t), t.dtype()), 0, 1, null));
    }

    /**
     * Uniform [0, 1) samples shaped like {@code t} with another dtype, {@code torch.rand_like(t, dtype=dtype)}
     * (the tutorials' {@code torch.rand_like(x_int, dtype=torch.float)}).
     *
     * @param t the tensor whose shape is used
     * @param dtype a floating dtype
     * @return a new tensor
     */
    public static Tensor randLike(Tensor t, DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new UnsupportedOperationException("\"check_uniform_bounds\" not implemented for '" + dtype.scalarTypeName() + "'");
        }
        return of(RandomOps.uniform_(RandomOps.emptyLike(in(t), dtype), 0, 1, null));
    }

    /**
     * Standard normal samples shaped like {@code t} with another dtype, {@code torch.randn_like(t, dtype=dtype)}.
     *
     * @param t the tensor whose shape is used
     * @param dtype a floating dtype
     * @return a new tensor
     */
    public static Tensor randnLike(Tensor t, DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new UnsupportedOperationException("\"normal_kernel_cpu\" not implemented for '" + dtype.scalarTypeName() + "'");
        }
        return of(RandomOps.normal_(RandomOps.emptyLike(in(t), dtype), 0, 1, null));
    }

    /**
     * Standard normal samples shaped like {@code t}, {@code torch.randn_like(t)} (see {@link #randLike}).
     *
     * @param t the tensor whose shape and dtype are used
     * @return a new tensor
     */
    public static Tensor randnLike(Tensor t) {
        return of(RandomOps.normal_(RandomOps.emptyLike(in(t), t.dtype()), 0, 1, null));
    }

    /**
     * Random integers in [low, high) shaped like {@code t}, of its dtype, {@code torch.randint_like(t, low, high)}.
     *
     * @param t the tensor whose shape and dtype are used
     * @param low the smallest value
     * @param high one above the largest value
     * @return a new tensor
     */
    public static Tensor randintLike(Tensor t, long low, long high) {
        return of(RandomOps.random_(RandomOps.emptyLike(in(t), t.dtype()), low, high, null));
    }

    /**
     * Random integers in [0, high) shaped like {@code t}, {@code torch.randint_like(t, high)}.
     *
     * @param t the tensor whose shape and dtype are used
     * @param high one above the largest value
     * @return a new tensor
     */
    public static Tensor randintLike(Tensor t, long high) {
        return randintLike(t, 0, high);
    }

    /**
     * 0/1 samples with per-element probabilities {@code p} (float32 or float64; a contiguous result of
     * p's dtype), {@code torch.bernoulli(p)}.
     *
     * @param p the probability of a 1
     * @return a new tensor
     */
    public static Tensor bernoulli(Tensor p) {
        return of(RandomOps.bernoulli(in(p), null));
    }

    /**
     * {@code torch.bernoulli(p, generator=generator)} (null: the default generator).
     *
     * @param p the probability of a 1
     * @param generator the generator to draw from (null: the default one)
     * @return a new tensor
     */
    public static Tensor bernoulli(Tensor p, Generator generator) {
        return of(RandomOps.bernoulli(in(p), generator));
    }

    /**
     * 0/1 samples with probability {@code p} shaped like {@code input}, {@code torch.bernoulli(input, p)}.
     *
     * @param input the tensor whose shape and dtype are used
     * @param p the probability of a 1
     * @return a new tensor
     */
    public static Tensor bernoulli(Tensor input, double p) {
        return of(RandomOps.bernoulli_(Creation.full(in(input).shape(), 0, input.dtype()), p, null));
    }

    /**
     * Category indices (int64) drawn from the rows of {@code probs} (1-d or 2-d non-negative weights),
     * {@code torch.multinomial(probs, num_samples, replacement)}.
     *
     * @param probs the non-negative weights, 1-d or 2-d
     * @param numSamples how many samples per row
     * @param replacement whether to sample with replacement
     * @return a new tensor
     */
    public static Tensor multinomial(Tensor probs, long numSamples, boolean replacement) {
        return of(RandomOps.multinomial(in(probs), numSamples, replacement, null));
    }

    /**
     * {@code torch.multinomial(probs, num_samples, replacement, generator=generator)}.
     *
     * @param probs the non-negative weights, 1-d or 2-d
     * @param numSamples how many samples per row
     * @param replacement whether to sample with replacement
     * @param generator the generator to draw from (null: the default one)
     * @return a new tensor
     */
    public static Tensor multinomial(Tensor probs, long numSamples, boolean replacement, Generator generator) {
        return of(RandomOps.multinomial(in(probs), numSamples, replacement, generator));
    }

    // ------------------------------------------------------------------ threads

    /**
     * Sets the number of threads the kernels split large operations over, including the calling thread
     * ({@code torch.set_num_threads(n)}). Results do not depend on it: every output element is computed by one
     * thread, in the same order, whatever the count. The default is the number of available processors.
     *
     * @param n the thread count, at least 1
     * @throws IllegalArgumentException {@code set_num_threads expects a positive integer} when {@code n < 1}
     */
    public static void setNumThreads(int n) {
        Threading.setNumThreads(n);
    }

    /**
     * The number of threads the kernels use ({@code torch.get_num_threads()}).
     *
     * @return the thread count, at least 1
     */
    public static int getNumThreads() {
        return Threading.numThreads();
    }

    // ------------------------------------------------------------------ diagnostics

    /**
     * How this library is built and configured, as {@code torch.__config__.show()}: version, the kernel
     * implementation in use, threads, the optional system BLAS, which float64 libm the samplers use (whether the optional
     * {@code autograd4j-glibc-math} artifact is present) and the JDK.
     *
     * @return the text
     */
    public static String config() {
        return org.autograd4j.ops.Diagnostics.describe();
    }

    // ------------------------------------------------------------------ grad mode

    /**
     * Switches grad mode off on this thread until the scope closes, {@code with torch.no_grad():}.
     *
     * @return the scope; closing it restores the previous grad mode
     */
    public static GradModeScope noGrad() {
        return new GradModeScope(false);
    }

    /**
     * Switches grad mode on on this thread until the scope closes, {@code with torch.enable_grad():} (inside a
     * {@link #noGrad()} scope, say).
     *
     * @return the scope; closing it restores the previous grad mode
     */
    public static GradModeScope enableGrad() {
        return new GradModeScope(true);
    }

    /**
     * Inference mode on this thread until the scope closes, {@code with torch.inference_mode():}: grad mode is
     * off and every tensor made is an inference tensor ({@link Tensor#isInference()}), which outside the mode
     * cannot be saved for backward, modified in place or made to require grad (PyTorch's messages).
     *
     * @return the scope; closing it restores the previous modes
     */
    public static GradModeScope inferenceMode() {
        return GradModeScope.inference(true);
    }

    /**
     * {@code with torch.inference_mode(mode):}; with {@code false}, as PyTorch's, inference mode is off and grad
     * mode on until the scope closes.
     *
     * @param mode whether inference mode is on
     * @return the scope; closing it restores the previous modes
     */
    public static GradModeScope inferenceMode(boolean mode) {
        return GradModeScope.inference(mode);
    }

    /**
     * Whether inference mode is on for this thread, {@code torch.is_inference_mode_enabled()}.
     *
     * @return whether inference mode is on
     */
    public static boolean isInferenceModeEnabled() {
        return GradMode.isInference();
    }

    /**
     * {@code torch.is_inference(t)}.
     *
     * @param t the tensor
     * @return whether {@code t} is an inference tensor
     */
    public static boolean isInference(Tensor t) {
        return t.isInference();
    }

    /**
     * Anomaly detection until the scope closes, {@code with torch.autograd.detect_anomaly():} (process-wide, as
     * PyTorch's). Nodes made meanwhile record the Java stack of the forward call that made them, and a backward
     * node that returns NaN fails with PyTorch's "Function 'LogBackward0' returned nan values in its 0th output.";
     * the forward stack is that exception's cause (PyTorch prints it as a warning). Any other error raised in a
     * node's backward carries the forward stack as a suppressed exception.
     *
     * @return the scope; closing it restores the previous state
     */
    public static GradModeScope detectAnomaly() {
        return detectAnomaly(true);
    }

    /**
     * {@code with torch.autograd.detect_anomaly(check_nan):}: as {@link #detectAnomaly()}; with {@code checkNan}
     * false, backward results are not checked for NaN (the forward stacks are still recorded).
     *
     * @param checkNan whether backward results are checked for NaN
     * @return the scope; closing it restores the previous state
     */
    public static GradModeScope detectAnomaly(boolean checkNan) {
        boolean[] prev = org.autograd4j.engine.Anomaly.set(true, checkNan);
        return new GradModeScope(() -> org.autograd4j.engine.Anomaly.restore(prev));
    }

    /**
     * Whether anomaly detection is on, {@code torch.is_anomaly_enabled()}.
     *
     * @return whether anomaly detection is on
     */
    public static boolean isAnomalyEnabled() {
        return org.autograd4j.engine.Anomaly.isEnabled();
    }

    /**
     * Sets grad mode on this thread, {@code torch.set_grad_enabled(mode)}: it takes effect at the call, as
     * PyTorch's function form, and the returned scope restores the previous mode when it closes
     * ({@code with torch.set_grad_enabled(mode):}).
     *
     * @param enabled whether grad mode is on
     * @return the scope; closing it restores the previous grad mode
     */
    public static GradModeScope setGradEnabled(boolean enabled) {
        return new GradModeScope(enabled);
    }

    /**
     * Whether grad mode is on for this thread, {@code torch.is_grad_enabled()}.
     *
     * @return whether grad mode is on for this thread
     */
    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    // ------------------------------------------------------------------ functions

    /**
     * {@code torch.mm(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.mm(...)}
     */
    public static Tensor mm(Tensor a, Tensor b) {
        return a.mm(b);
    }

    /**
     * {@code torch.addmm(input, mat1, mat2)}: {@code input + mat1 @ mat2}, input broadcast to the product's shape.
     *
     * @param input the tensor added (the bias)
     * @param mat1 the left matrix
     * @param mat2 the right matrix
     * @return the result, as {@code input.addmm(mat1, mat2)}
     */
    public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2) {
        return input.addmm(mat1, mat2);
    }

    /**
     * {@code torch.addmm(input, mat1, mat2, beta=beta, alpha=alpha)}: {@code beta·input + alpha·(mat1 @ mat2)}.
     *
     * @param input the tensor added (not read when beta = 0)
     * @param mat1 the left matrix
     * @param mat2 the right matrix
     * @param beta the factor of input
     * @param alpha the factor of the product
     * @return the result, as {@code input.addmm(mat1, mat2, beta, alpha)}
     */
    public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2, double beta, double alpha) {
        return input.addmm(mat1, mat2, beta, alpha);
    }

    /**
     * {@code torch.matmul(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.matmul(...)}
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        return a.matmul(b);
    }

    /**
     * {@code torch.cat(tensors, dim)}.
     *
     * @param tensors the tensors
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return of(Indexing.cat(java.util.Arrays.asList(Tensor.impls(tensors)), dim));
    }

    /**
     * {@code torch.stack(tensors, dim)}.
     *
     * @param tensors the tensors
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return of(Indexing.stack(java.util.Arrays.asList(Tensor.impls(tensors)), dim));
    }

    /**
     * {@code torch.where(condition, a, b)}.
     *
     * @param condition the bool condition
     * @param a the values where the condition is true
     * @param b the values where the condition is false
     * @return a new tensor
     */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return a.where(condition, b);
    }

    /**
     * {@code torch.where(condition, a, b)} with a scalar for b.
     *
     * @param condition the bool condition
     * @param a the values where the condition is true
     * @param b the values where the condition is false
     * @return a new tensor
     */
    public static Tensor where(Tensor condition, Tensor a, double b) {
        return of(Pointwise.where(in(condition), in(a), TensorImpl.scalar(b)));
    }

    /**
     * {@code torch.maximum(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.maximum(...)}
     */
    public static Tensor maximum(Tensor a, Tensor b) {
        return a.maximum(b);
    }

    /**
     * {@code torch.minimum(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.minimum(...)}
     */
    public static Tensor minimum(Tensor a, Tensor b) {
        return a.minimum(b);
    }

    // ------------------------------------------------------------------ indexing: slices, ELLIPSIS, NEWAXIS

    /**
     * Python's {@code ...} in an index list: as many full slices as the other entries leave dims
     * ({@code x.index(ELLIPSIS, 0)} is {@code x[..., 0]}; the C++ frontend's {@code "..."}).
     */
    public static final Object ELLIPSIS = org.autograd4j.ops.Subscripts.ELLIPSIS;

    /**
     * Python's {@code None} in an index list ({@code np.newaxis}): a new size-1 dim, {@code x.index(NEWAXIS)}
     * is {@code x[None]}. It is {@code null}, so a plain {@code null} entry means the same.
     */
    public static final Object NEWAXIS = null;

    /**
     * The Python slice {@code start:stop} for an index list; null for an open end ({@code slice(1, null)} is
     * {@code 1:}).
     *
     * @param start the first index, or null
     * @param stop the end (excluded), or null
     * @return the slice
     */
    public static Slice slice(Integer start, Integer stop) {
        return new Slice(start, stop, null);
    }

    /**
     * The Python slice {@code start:stop:step}; null for an open end or the default step ({@code slice(null,
     * null, 2)} is {@code ::2}).
     *
     * @param start the first index, or null
     * @param stop the end (excluded), or null
     * @param step the step (positive), or null for 1
     * @return the slice
     * @throws IllegalArgumentException when step is 0
     */
    public static Slice slice(Integer start, Integer stop, Integer step) {
        return new Slice(start, stop, step);
    }

    /**
     * {@code torch.where(condition)}: the same as {@code torch.nonzero(condition, as_tuple=True)}.
     *
     * @param condition the tensor whose nonzero elements are located
     * @return one int64 coordinate vector per dim
     */
    public static List<Tensor> where(Tensor condition) {
        return condition.nonzero(true);
    }

    /**
     * {@code torch.nonzero(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the coordinates, int64 [n, a.dim()]
     */
    public static Tensor nonzero(Tensor a) {
        return a.nonzero();
    }

    /**
     * {@code torch.nonzero(a, as_tuple=asTuple)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param asTuple whether to split the coordinates by dim
     * @return the coordinate vectors, or a list holding the [n, a.dim()] tensor
     */
    public static List<Tensor> nonzero(Tensor a, boolean asTuple) {
        return a.nonzero(asTuple);
    }

    /**
     * {@code torch.argwhere(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the coordinates, int64 [n, a.dim()]
     */
    public static Tensor argwhere(Tensor a) {
        return a.argwhere();
    }

    /**
     * {@code torch.count_nonzero(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the count, 0-d int64
     */
    public static Tensor countNonzero(Tensor a) {
        return a.countNonzero();
    }

    /**
     * {@code torch.count_nonzero(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dim counted over
     * @return the counts, int64
     */
    public static Tensor countNonzero(Tensor a, int dim) {
        return a.countNonzero(dim);
    }

    /**
     * {@code torch.masked_select(a, mask)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param mask a bool tensor
     * @return the selected elements, 1-d
     */
    public static Tensor maskedSelect(Tensor a, Tensor mask) {
        return a.maskedSelect(mask);
    }

    /**
     * {@code torch.masked_scatter(a, mask, source)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param mask a bool tensor
     * @param source the values scattered
     * @return the new tensor
     */
    public static Tensor maskedScatter(Tensor a, Tensor mask, Tensor source) {
        return a.maskedScatter(mask, source);
    }

    /**
     * {@code torch.take(a, index)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param index int64 positions into a read as 1-d
     * @return the picked elements
     */
    public static Tensor take(Tensor a, Tensor index) {
        return a.take(index);
    }

    /**
     * {@code torch.index_put(a, indices, value, accumulate)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param indices the index list, as {@link Tensor#index(Object...)} takes it
     * @param value the values written or added
     * @param accumulate whether to add instead of writing
     * @return the new tensor
     */
    public static Tensor indexPut(Tensor a, Object[] indices, Tensor value, boolean accumulate) {
        return a.indexPut(indices, value, accumulate);
    }

    // ------------------------------------------------------------------ scatter, split and rearrange

    /**
     * {@code torch.einsum(equation, *operands)}: Einstein summation, PyTorch 1.13.1's algorithm (operands aligned
     * to the output's then the contracted labels, repeated labels as diagonals, contracted left to right with
     * bmm), composed of permute, diagonal, sum, mul and bmm, so the gradients and node names are PyTorch's: e.g.
     * {@code einsum("ij,jk->ik", a, b)} is {@code a @ b} ({@code ViewBackward0}), {@code "ii->"} the trace
     * ({@code SumBackward1}), {@code "i,j->ij"} the outer product ({@code MulBackward0}), {@code "...ij->...ji"}
     * a batched transpose ({@code PermuteBackward0}). Labels are [a-zA-Z]; without "->" the output is the
     * ellipsis dims then the labels seen once, in alphabetical order (capitals first).
     *
     * @param equation the subscripts, e.g. {@code "bij,bjk->bik"}
     * @param operands one tensor per comma-separated term
     * @return the result
     */
    public static Tensor einsum(String equation, Tensor... operands) {
        return of(Rearrange.einsum(equation, java.util.Arrays.asList(Tensor.impls(java.util.Arrays.asList(operands)))));
    }

    /**
     * {@link #einsum(String, Tensor...)} with the operands in a list ({@code torch.einsum(equation, operands)}).
     *
     * @param equation the subscripts
     * @param operands one tensor per comma-separated term
     * @return the result
     */
    public static Tensor einsum(String equation, List<Tensor> operands) {
        return of(Rearrange.einsum(equation, java.util.Arrays.asList(Tensor.impls(operands))));
    }

    /**
     * {@code torch.scatter(a, dim, index, src)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param index int64 indices
     * @param src the values
     * @return the result, as {@code a.scatter(...)}
     */
    public static Tensor scatter(Tensor a, int dim, Tensor index, Tensor src) {
        return a.scatter(dim, index, src);
    }

    /**
     * {@code torch.scatter(a, dim, index, value)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param index int64 indices
     * @param value the value
     * @return the result, as {@code a.scatter(...)}
     */
    public static Tensor scatter(Tensor a, int dim, Tensor index, double value) {
        return a.scatter(dim, index, value);
    }

    /**
     * {@code torch.scatter_add(a, dim, index, src)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param index int64 indices
     * @param src the values
     * @return the result, as {@code a.scatterAdd(...)}
     */
    public static Tensor scatterAdd(Tensor a, int dim, Tensor index, Tensor src) {
        return a.scatterAdd(dim, index, src);
    }

    /**
     * {@code torch.scatter_reduce(a, dim, index, src, reduce)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param index int64 indices
     * @param src the values
     * @param reduce "sum", "prod", "mean", "amax" or "amin"
     * @return the result, as {@code a.scatterReduce(...)}
     */
    public static Tensor scatterReduce(Tensor a, int dim, Tensor index, Tensor src, String reduce) {
        return a.scatterReduce(dim, index, src, reduce);
    }

    /**
     * {@code torch.scatter_reduce(a, dim, index, src, reduce, includeSelf)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param index int64 indices
     * @param src the values
     * @param reduce "sum", "prod", "mean", "amax" or "amin"
     * @param includeSelf whether a's values take part
     * @return the result, as {@code a.scatterReduce(...)}
     */
    public static Tensor scatterReduce(Tensor a, int dim, Tensor index, Tensor src, String reduce, boolean includeSelf) {
        return a.scatterReduce(dim, index, src, reduce, includeSelf);
    }

    /**
     * {@code torch.index_add(a, dim, index, source)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param index 1-d int64 indices
     * @param source the slices
     * @return the result, as {@code a.indexAdd(...)}
     */
    public static Tensor indexAdd(Tensor a, int dim, Tensor index, Tensor source) {
        return a.indexAdd(dim, index, source);
    }

    /**
     * {@code torch.index_add(a, dim, index, source, alpha)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param index 1-d int64 indices
     * @param source the slices
     * @param alpha the factor of source
     * @return the result, as {@code a.indexAdd(...)}
     */
    public static Tensor indexAdd(Tensor a, int dim, Tensor index, Tensor source, double alpha) {
        return a.indexAdd(dim, index, source, alpha);
    }

    /**
     * {@code torch.index_copy(a, dim, index, source)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param index 1-d int64 indices
     * @param source the slices
     * @return the result, as {@code a.indexCopy(...)}
     */
    public static Tensor indexCopy(Tensor a, int dim, Tensor index, Tensor source) {
        return a.indexCopy(dim, index, source);
    }

    /**
     * {@code torch.index_fill(a, dim, index, value)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param index 0-d or 1-d int64 indices
     * @param value the value
     * @return the result, as {@code a.indexFill(...)}
     */
    public static Tensor indexFill(Tensor a, int dim, Tensor index, double value) {
        return a.indexFill(dim, index, value);
    }

    /**
     * {@code torch.index_fill(a, dim, index, value)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param index 0-d or 1-d int64 indices
     * @param value a 0-d tensor
     * @return the result, as {@code a.indexFill(...)}
     */
    public static Tensor indexFill(Tensor a, int dim, Tensor index, Tensor value) {
        return a.indexFill(dim, index, value);
    }

    /**
     * {@code torch.split(a, splitSize, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param splitSize the size of each piece
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.split(...)}
     */
    public static List<Tensor> split(Tensor a, long splitSize, int dim) {
        return a.split(splitSize, dim);
    }

    /**
     * {@code torch.split(a, sizes, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param sizes the pieces' sizes
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.split(...)}
     */
    public static List<Tensor> split(Tensor a, long[] sizes, int dim) {
        return a.split(sizes, dim);
    }

    /**
     * {@code torch.chunk(a, chunks, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param chunks the number of pieces wanted
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.chunk(...)}
     */
    public static List<Tensor> chunk(Tensor a, int chunks, int dim) {
        return a.chunk(chunks, dim);
    }

    /**
     * {@code torch.unbind(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.unbind(...)}
     */
    public static List<Tensor> unbind(Tensor a, int dim) {
        return a.unbind(dim);
    }

    /**
     * {@code torch.flip(a, dims)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dims distinct dimensions
     * @return the result, as {@code a.flip(...)}
     */
    public static Tensor flip(Tensor a, int... dims) {
        return a.flip(dims);
    }

    /**
     * {@code torch.roll(a, shifts, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param shifts the shift
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.roll(...)}
     */
    public static Tensor roll(Tensor a, long shifts, int dim) {
        return a.roll(shifts, dim);
    }

    /**
     * {@code torch.roll(a, shifts, dims)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param shifts one shift per dim
     * @param dims the dimensions
     * @return the result, as {@code a.roll(...)}
     */
    public static Tensor roll(Tensor a, long[] shifts, int[] dims) {
        return a.roll(shifts, dims);
    }

    /**
     * {@code torch.tile(a, dims)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dims the counts
     * @return the result, as {@code a.tile(...)}
     */
    public static Tensor tile(Tensor a, long... dims) {
        return a.tile(dims);
    }

    /**
     * {@code torch.repeat_interleave(a, repeats, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param repeats the count
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.repeatInterleave(...)}
     */
    public static Tensor repeatInterleave(Tensor a, long repeats, int dim) {
        return a.repeatInterleave(repeats, dim);
    }

    /**
     * {@code torch.repeat_interleave(a, repeats, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param repeats 0-d or 1-d int64 counts
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.repeatInterleave(...)}
     */
    public static Tensor repeatInterleave(Tensor a, Tensor repeats, int dim) {
        return a.repeatInterleave(repeats, dim);
    }

    /**
     * {@code torch.repeat_interleave(a, repeats)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param repeats the count
     * @return the result, as {@code a.repeatInterleave(...)}
     */
    public static Tensor repeatInterleave(Tensor a, long repeats) {
        return a.repeatInterleave(repeats);
    }

    /**
     * {@code torch.repeat_interleave(a, repeats)} with a count per element; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param repeats 0-d or 1-d int64 counts
     * @return the result, as {@code a.repeatInterleave(...)}
     */
    public static Tensor repeatInterleave(Tensor a, Tensor repeats) {
        return a.repeatInterleave(repeats);
    }

    /**
     * {@code torch.repeat_interleave(repeats)}: each index i repeated {@code repeats[i]} times, as int64 (the
     * index {@code a.repeat_interleave(repeats, dim)} selects with).
     *
     * @param repeats 1-d int64 counts
     * @return a new 1-d int64 tensor
     */
    public static Tensor repeatInterleave(Tensor repeats) {
        return arange(repeats.numel()).repeatInterleave(repeats, 0);
    }

    /**
     * {@code torch.roll(a, shifts)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param shifts the shift of the flattened elements
     * @return the result, as {@code a.roll(...)}
     */
    public static Tensor roll(Tensor a, long shifts) {
        return a.roll(shifts);
    }

    /**
     * {@code torch.split(a, splitSize)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param splitSize the size of each piece
     * @return the result, as {@code a.split(...)}
     */
    public static List<Tensor> split(Tensor a, long splitSize) {
        return a.split(splitSize);
    }

    /**
     * {@code torch.split(a, sizes)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param sizes the pieces' sizes
     * @return the result, as {@code a.split(...)}
     */
    public static List<Tensor> split(Tensor a, long[] sizes) {
        return a.split(sizes);
    }

    /**
     * {@code torch.chunk(a, chunks)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param chunks the number of pieces wanted
     * @return the result, as {@code a.chunk(...)}
     */
    public static List<Tensor> chunk(Tensor a, int chunks) {
        return a.chunk(chunks);
    }

    /**
     * {@code torch.unbind(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.unbind(...)}
     */
    public static List<Tensor> unbind(Tensor a) {
        return a.unbind();
    }

    /**
     * {@code torch.tril(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.tril(...)}
     */
    public static Tensor tril(Tensor a) {
        return a.tril();
    }

    /**
     * {@code torch.triu(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.triu(...)}
     */
    public static Tensor triu(Tensor a) {
        return a.triu();
    }

    /**
     * {@code torch.diag(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.diag(...)}
     */
    public static Tensor diag(Tensor a) {
        return a.diag();
    }

    /**
     * {@code torch.diagonal(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.diagonal(...)}
     */
    public static Tensor diagonal(Tensor a) {
        return a.diagonal();
    }

    /**
     * {@code torch.cross(a, other)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param other the second factor
     * @return the result, as {@code a.cross(...)}
     */
    public static Tensor cross(Tensor a, Tensor other) {
        return a.cross(other);
    }

    /**
     * {@code torch.tril(a, diagonal)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param diagonal the last diagonal kept
     * @return the result, as {@code a.tril(...)}
     */
    public static Tensor tril(Tensor a, long diagonal) {
        return a.tril(diagonal);
    }

    /**
     * {@code torch.triu(a, diagonal)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param diagonal the first diagonal kept
     * @return the result, as {@code a.triu(...)}
     */
    public static Tensor triu(Tensor a, long diagonal) {
        return a.triu(diagonal);
    }

    /**
     * {@code torch.diag(a, diagonal)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param diagonal which diagonal
     * @return the result, as {@code a.diag(...)}
     */
    public static Tensor diag(Tensor a, int diagonal) {
        return a.diag(diagonal);
    }

    /**
     * {@code torch.diagonal(a, offset, dim1, dim2)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param offset which diagonal
     * @param dim1 the rows' dimension
     * @param dim2 the columns' dimension
     * @return the result, as {@code a.diagonal(...)}
     */
    public static Tensor diagonal(Tensor a, int offset, int dim1, int dim2) {
        return a.diagonal(offset, dim1, dim2);
    }

    /**
     * {@code torch.trace(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.trace(...)}
     */
    public static Tensor trace(Tensor a) {
        return a.trace();
    }

    /**
     * {@code torch.outer(a, other)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param other a 1-d tensor
     * @return the result, as {@code a.outer(...)}
     */
    public static Tensor outer(Tensor a, Tensor other) {
        return a.outer(other);
    }

    /**
     * {@code torch.cross(a, other, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param other the second factor
     * @param dim a dimension of size 3
     * @return the result, as {@code a.cross(...)}
     */
    public static Tensor cross(Tensor a, Tensor other, int dim) {
        return a.cross(other, dim);
    }

    /**
     * {@code torch.kron(a, other)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param other the second factor
     * @return the result, as {@code a.kron(...)}
     */
    public static Tensor kron(Tensor a, Tensor other) {
        return a.kron(other);
    }

    // ------------------------------------------------------------------ sorting, searching and counting

    /**
     * {@code torch.searchsorted(sortedSequence, values)}: for every value the index in the matching innermost line
     * of the sorted sequence where it would be inserted before equal elements (a 1-d sequence serves all values;
     * otherwise its leading dims equal values'). A NaN value goes to the end. Not differentiable.
     *
     * @param sortedSequence ascending along its last dim
     * @param values the values to place
     * @return int64 indices of values' shape
     */
    public static Tensor searchsorted(Tensor sortedSequence, Tensor values) {
        return of(Sorting.searchsorted(in(sortedSequence), in(values), false, null));
    }

    /**
     * {@code torch.searchsorted(sortedSequence, values, right=right)}: with {@code right}, after equal elements.
     *
     * @param sortedSequence ascending along its last dim
     * @param values the values to place
     * @param right whether to place after equal elements
     * @return int64 indices of values' shape
     */
    public static Tensor searchsorted(Tensor sortedSequence, Tensor values, boolean right) {
        return of(Sorting.searchsorted(in(sortedSequence), in(values), right, null));
    }

    /**
     * {@code torch.searchsorted(sortedSequence, values, side=side)}: {@code "left"} or {@code "right"}.
     *
     * @param sortedSequence ascending along its last dim
     * @param values the values to place
     * @param side "left" (before equal elements) or "right" (after them)
     * @return int64 indices of values' shape
     */
    public static Tensor searchsorted(Tensor sortedSequence, Tensor values, String side) {
        return of(Sorting.searchsorted(in(sortedSequence), in(values), false, side));
    }

    /**
     * {@code torch.searchsorted(sortedSequence, values, right=right, side=side)}: both spellings; PyTorch
     * rejects {@code right=True} with {@code side="left"}.
     *
     * @param sortedSequence ascending along its last dim
     * @param values the values to place
     * @param right whether to place after equal elements
     * @param side "left", "right", or null
     * @return int64 indices of values' shape
     */
    public static Tensor searchsorted(Tensor sortedSequence, Tensor values, boolean right, String side) {
        return of(Sorting.searchsorted(in(sortedSequence), in(values), right, side));
    }

    /**
     * {@code torch.searchsorted(sequence, values, right=right, side=side, sorter=sorter)}: the sequence need not be
     * sorted; {@code sorter} (int64, its shape) holds the positions that sort each line, as {@code argsort} gives.
     *
     * @param sequence the boundaries, in any order
     * @param values the values to place
     * @param right whether to place after equal elements
     * @param side "left", "right", or null
     * @param sorter the positions that sort sequence along its last dim
     * @return int64 indices of values' shape, into the sorted sequence
     */
    public static Tensor searchsorted(Tensor sequence, Tensor values, boolean right, String side, Tensor sorter) {
        return of(Sorting.searchsorted(in(sequence), in(values), right, side, in(sorter)));
    }

    /**
     * {@code torch.searchsorted(sortedSequence, value)} for a Python number: where one value goes in a 1-d sorted
     * sequence (compared as a double).
     *
     * @param sortedSequence a 1-d ascending tensor
     * @param value the value to place
     * @return a 0-d int64 index
     */
    public static Tensor searchsorted(Tensor sortedSequence, double value) {
        return of(Sorting.searchsorted(in(sortedSequence), TensorImpl.scalar(value), false, null));
    }

    /**
     * {@code torch.searchsorted(sortedSequence, value, right=right)} for a Python number.
     *
     * @param sortedSequence a 1-d ascending tensor
     * @param value the value to place
     * @param right whether to place after equal elements
     * @return a 0-d int64 index
     */
    public static Tensor searchsorted(Tensor sortedSequence, double value, boolean right) {
        return of(Sorting.searchsorted(in(sortedSequence), TensorImpl.scalar(value), right, null));
    }

    /**
     * {@code torch.bucketize(value, boundaries)} for a Python number.
     *
     * @param value the value to place
     * @param boundaries a 1-d ascending tensor
     * @return a 0-d int64 index
     */
    public static Tensor bucketize(double value, Tensor boundaries) {
        return of(Sorting.bucketize(TensorImpl.scalar(value), in(boundaries), false));
    }

    /**
     * {@code torch.bucketize(value, boundaries, right=right)} for a Python number.
     *
     * @param value the value to place
     * @param boundaries a 1-d ascending tensor
     * @param right whether equal boundaries count as below
     * @return a 0-d int64 index
     */
    public static Tensor bucketize(double value, Tensor boundaries, boolean right) {
        return of(Sorting.bucketize(TensorImpl.scalar(value), in(boundaries), right));
    }

    /**
     * {@code torch.bucketize(input, boundaries)}: for every element the index of the first boundary {@code >=} it
     * (boundaries 1-d, ascending). Not differentiable.
     *
     * @param input the values to place
     * @param boundaries a 1-d ascending tensor
     * @return int64 indices of input's shape
     */
    public static Tensor bucketize(Tensor input, Tensor boundaries) {
        return of(Sorting.bucketize(in(input), in(boundaries), false));
    }

    /**
     * {@code torch.bucketize(input, boundaries, right=right)}: with {@code right}, the first boundary {@code >} it.
     *
     * @param input the values to place
     * @param boundaries a 1-d ascending tensor
     * @param right whether equal boundaries count as below
     * @return int64 indices of input's shape
     */
    public static Tensor bucketize(Tensor input, Tensor boundaries, boolean right) {
        return of(Sorting.bucketize(in(input), in(boundaries), right));
    }

    /**
     * {@code torch.sort(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.sort()}
     */
    public static ValuesIndices sort(Tensor a) {
        return a.sort();
    }

    /**
     * {@code torch.sort(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension
     * @return the result, as {@code a.sort(dim)}
     */
    public static ValuesIndices sort(Tensor a, int dim) {
        return a.sort(dim);
    }

    /**
     * {@code torch.sort(a, dim, descending)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension
     * @param descending largest first
     * @return the result, as {@code a.sort(dim, descending)}
     */
    public static ValuesIndices sort(Tensor a, int dim, boolean descending) {
        return a.sort(dim, descending);
    }

    /**
     * {@code torch.sort(a, stable=stable, dim=dim, descending=descending)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension
     * @param descending largest first
     * @param stable keep ties in order (always done)
     * @return the result, as {@code a.sort(dim, descending, stable)}
     */
    public static ValuesIndices sort(Tensor a, int dim, boolean descending, boolean stable) {
        return a.sort(dim, descending, stable);
    }

    /**
     * {@code torch.argsort(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.argsort()}
     */
    public static Tensor argsort(Tensor a) {
        return a.argsort();
    }

    /**
     * {@code torch.argsort(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension
     * @return the result, as {@code a.argsort(dim)}
     */
    public static Tensor argsort(Tensor a, int dim) {
        return a.argsort(dim);
    }

    /**
     * {@code torch.argsort(a, dim, descending)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension
     * @param descending largest first
     * @return the result, as {@code a.argsort(dim, descending)}
     */
    public static Tensor argsort(Tensor a, int dim, boolean descending) {
        return a.argsort(dim, descending);
    }

    /**
     * {@code torch.argsort(a, dim, descending, stable)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension
     * @param descending largest first
     * @param stable keep ties in order (always done)
     * @return the result, as {@code a.argsort(dim, descending, stable)}
     */
    public static Tensor argsort(Tensor a, int dim, boolean descending, boolean stable) {
        return a.argsort(dim, descending, stable);
    }

    /**
     * {@code torch.msort(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.msort()}
     */
    public static Tensor msort(Tensor a) {
        return a.msort();
    }

    /**
     * {@code torch.topk(a, k)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param k how many
     * @return the result, as {@code a.topk(k)}
     */
    public static ValuesIndices topk(Tensor a, long k) {
        return a.topk(k);
    }

    /**
     * {@code torch.topk(a, k, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param k how many
     * @param dim the dimension
     * @return the result, as {@code a.topk(k, dim)}
     */
    public static ValuesIndices topk(Tensor a, long k, int dim) {
        return a.topk(k, dim);
    }

    /**
     * {@code torch.topk(a, k, dim, largest, sorted)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param k how many
     * @param dim the dimension
     * @param largest the largest (else the smallest)
     * @param sorted in order (always done)
     * @return the result, as {@code a.topk(k, dim, largest, sorted)}
     */
    public static ValuesIndices topk(Tensor a, long k, int dim, boolean largest, boolean sorted) {
        return a.topk(k, dim, largest, sorted);
    }

    /**
     * {@code torch.kthvalue(a, k)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param k from 1 to the dim's size
     * @return the result, as {@code a.kthvalue(k)}
     */
    public static ValuesIndices kthvalue(Tensor a, long k) {
        return a.kthvalue(k);
    }

    /**
     * {@code torch.kthvalue(a, k, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param k from 1 to the dim's size
     * @param dim the dimension
     * @return the result, as {@code a.kthvalue(k, dim)}
     */
    public static ValuesIndices kthvalue(Tensor a, long k, int dim) {
        return a.kthvalue(k, dim);
    }

    /**
     * {@code torch.kthvalue(a, k, dim, keepdim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param k from 1 to the dim's size
     * @param dim the dimension
     * @param keepdim keep the dim with size 1
     * @return the result, as {@code a.kthvalue(k, dim, keepdim)}
     */
    public static ValuesIndices kthvalue(Tensor a, long k, int dim, boolean keepdim) {
        return a.kthvalue(k, dim, keepdim);
    }

    /**
     * {@code torch.median(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.median()}
     */
    public static Tensor median(Tensor a) {
        return a.median();
    }

    /**
     * {@code torch.median(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension
     * @return the result, as {@code a.median(dim)}
     */
    public static ValuesIndices median(Tensor a, int dim) {
        return a.median(dim);
    }

    /**
     * {@code torch.median(a, dim, keepdim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension
     * @param keepdim keep the dim with size 1
     * @return the result, as {@code a.median(dim, keepdim)}
     */
    public static ValuesIndices median(Tensor a, int dim, boolean keepdim) {
        return a.median(dim, keepdim);
    }

    /**
     * {@code torch.nanmedian(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.nanmedian()}
     */
    public static Tensor nanmedian(Tensor a) {
        return a.nanmedian();
    }

    /**
     * {@code torch.nanmedian(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension
     * @return the result, as {@code a.nanmedian(dim)}
     */
    public static ValuesIndices nanmedian(Tensor a, int dim) {
        return a.nanmedian(dim);
    }

    /**
     * {@code torch.nanmedian(a, dim, keepdim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension
     * @param keepdim keep the dim with size 1
     * @return the result, as {@code a.nanmedian(dim, keepdim)}
     */
    public static ValuesIndices nanmedian(Tensor a, int dim, boolean keepdim) {
        return a.nanmedian(dim, keepdim);
    }

    /**
     * {@code torch.mode(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.mode()}
     */
    public static ValuesIndices mode(Tensor a) {
        return a.mode();
    }

    /**
     * {@code torch.mode(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension
     * @return the result, as {@code a.mode(dim)}
     */
    public static ValuesIndices mode(Tensor a, int dim) {
        return a.mode(dim);
    }

    /**
     * {@code torch.mode(a, dim, keepdim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension
     * @param keepdim keep the dim with size 1
     * @return the result, as {@code a.mode(dim, keepdim)}
     */
    public static ValuesIndices mode(Tensor a, int dim, boolean keepdim) {
        return a.mode(dim, keepdim);
    }

    /**
     * {@code torch.unique(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.unique()}
     */
    public static UniqueResult unique(Tensor a) {
        return a.unique();
    }

    /**
     * {@code torch.unique(a, sorted, return_inverse, return_counts)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param sorted ascending (always done)
     * @param returnInverse return the inverse indices
     * @param returnCounts return the counts
     * @return the result, as {@code a.unique(sorted, returnInverse, returnCounts)}
     */
    public static UniqueResult unique(Tensor a, boolean sorted, boolean returnInverse, boolean returnCounts) {
        return a.unique(sorted, returnInverse, returnCounts);
    }

    /**
     * {@code torch.unique(a, sorted, return_inverse, return_counts, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param sorted ascending (always done)
     * @param returnInverse return the inverse indices
     * @param returnCounts return the counts
     * @param dim the dimension whose slices are compared
     * @return the result, as {@code a.unique(sorted, returnInverse, returnCounts, dim)}
     */
    public static UniqueResult unique(Tensor a, boolean sorted, boolean returnInverse, boolean returnCounts, int dim) {
        return a.unique(sorted, returnInverse, returnCounts, dim);
    }

    /**
     * {@code torch.unique_consecutive(a, return_inverse, return_counts, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param returnInverse return the inverse indices
     * @param returnCounts return the run lengths
     * @param dim the dimension whose slices are compared
     * @return the result, as {@code a.uniqueConsecutive(returnInverse, returnCounts, dim)}
     */
    public static UniqueResult uniqueConsecutive(Tensor a, boolean returnInverse, boolean returnCounts, int dim) {
        return a.uniqueConsecutive(returnInverse, returnCounts, dim);
    }

    /**
     * {@code torch.unique_consecutive(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.uniqueConsecutive()}
     */
    public static UniqueResult uniqueConsecutive(Tensor a) {
        return a.uniqueConsecutive();
    }

    /**
     * {@code torch.unique_consecutive(a, return_inverse, return_counts)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param returnInverse return the inverse indices
     * @param returnCounts return the run lengths
     * @return the result, as {@code a.uniqueConsecutive(returnInverse, returnCounts)}
     */
    public static UniqueResult uniqueConsecutive(Tensor a, boolean returnInverse, boolean returnCounts) {
        return a.uniqueConsecutive(returnInverse, returnCounts);
    }

    /**
     * {@code torch.cummax(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension
     * @return the result, as {@code a.cummax(dim)}
     */
    public static ValuesIndices cummax(Tensor a, int dim) {
        return a.cummax(dim);
    }

    /**
     * {@code torch.cummin(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension
     * @return the result, as {@code a.cummin(dim)}
     */
    public static ValuesIndices cummin(Tensor a, int dim) {
        return a.cummin(dim);
    }

    /**
     * {@code torch.histc(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.histc()}
     */
    public static Tensor histc(Tensor a) {
        return a.histc();
    }

    /**
     * {@code torch.histc(a, bins)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param bins the number of bins
     * @return the result, as {@code a.histc(bins)}
     */
    public static Tensor histc(Tensor a, long bins) {
        return a.histc(bins);
    }

    /**
     * {@code torch.histc(a, bins, min, max)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param bins the number of bins
     * @param min the lower end
     * @param max the upper end
     * @return the result, as {@code a.histc(bins, min, max)}
     */
    public static Tensor histc(Tensor a, long bins, double min, double max) {
        return a.histc(bins, min, max);
    }

    // ------------------------------------------------------------------ nn: torch._C._nn's losses and embedding (ops.NNOps)
    // The kernels under org.autograd4j.nn.functional.F (use F: it has PyTorch's defaults). A reduction is
    // "mean", "sum" or "none"; a null weight is PyTorch's None.

    /**
     * {@code torch._C._nn.linear(input, weight, bias)} ({@code F.linear}): {@code input·weightᵀ + bias}, with
     * ATen's nodes: AddmmBackward0 for a 2-d input with bias, ViewBackward0 over AddmmBackward0 for a
     * contiguous 3-d one, else a matmul's nodes (plus AddBackward0).
     *
     * @param input  (*, in)
     * @param weight (out, in)
     * @param bias   (out), or null
     * @return (*, out)
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        return Tensor.of(NNOps.linear(input.impl(), weight.impl(), bias == null ? null : bias.impl()));
    }

    /**
     * {@code torch._C._nn.mse_loss(input, target, reduction)}: {@code (input − target)²}, reduced; node
     * {@code MseLossBackward0}.
     *
     * @param input     the prediction
     * @param target    the target, broadcastable to input, of its dtype
     * @param reduction "mean", "sum" or "none"
     * @return the loss
     */
    public static Tensor mseLoss(Tensor input, Tensor target, String reduction) {
        return Tensor.of(NNOps.mseLoss(input.impl(), target.impl(), NNOps.reduction(reduction)));
    }

    /**
     * {@code torch._C._nn.l1_loss(input, target, reduction)}: {@code |input − target|}, reduced (ATen's
     * composite: {@code AbsBackward0} under {@code MeanBackward0}/{@code SumBackward0}).
     *
     * @param input     the prediction
     * @param target    the target
     * @param reduction "mean", "sum" or "none"
     * @return the loss
     */
    public static Tensor l1Loss(Tensor input, Tensor target, String reduction) {
        return Tensor.of(NNOps.l1Loss(input.impl(), target.impl(), NNOps.reduction(reduction)));
    }

    /**
     * {@code torch._C._nn.smooth_l1_loss(input, target, reduction, beta)}: {@code 0.5·z²/beta} for
     * {@code z = |input − target| < beta}, else {@code z − 0.5·beta}; node {@code SmoothL1LossBackward0}.
     *
     * @param input     the prediction
     * @param target    the target
     * @param reduction "mean", "sum" or "none"
     * @param beta      the threshold (≥ 0; 0 is the L1 loss)
     * @return the loss
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, String reduction, double beta) {
        return Tensor.of(NNOps.smoothL1Loss(input.impl(), target.impl(), NNOps.reduction(reduction), beta));
    }

    /**
     * {@code torch._C._nn.nll_loss(input, target, weight, reduction, ignore_index)}: {@code −weight[t]·input[i, t]},
     * mean dividing by the summed weights of the targets taken; node {@code NllLossBackward0}. Inputs of shape
     * (C) or (N, C).
     *
     * @param input       log-probabilities
     * @param target      int64 class indices
     * @param weight      per-class weights, or null
     * @param reduction   "mean", "sum" or "none"
     * @param ignoreIndex a target value that contributes nothing
     * @return the loss
     * @throws IndexOutOfBoundsException {@code "Target 5 is out of bounds."}
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, String reduction, long ignoreIndex) {
        return Tensor.of(NNOps.nllLoss(input.impl(), target.impl(), weight == null ? null : weight.impl(),
                NNOps.reduction(reduction), ignoreIndex));
    }

    /**
     * {@code torch._C._nn.cross_entropy_loss(input, target, weight, reduction, ignore_index, label_smoothing)}:
     * {@code nll_loss(log_softmax(input, 1), target)} for int64 class indices, {@code −Σ log_softmax·target}
     * for float class probabilities, with ATen's label smoothing.
     *
     * @param input          logits, (C) or (N, C)
     * @param target         class indices (int64) or probabilities (input's shape)
     * @param weight         per-class weights, or null
     * @param reduction      "mean", "sum" or "none"
     * @param ignoreIndex    a class index that contributes nothing
     * @param labelSmoothing ε in [0, 1]
     * @return the loss
     */
    public static Tensor crossEntropyLoss(Tensor input, Tensor target, Tensor weight, String reduction,
                                          long ignoreIndex, double labelSmoothing) {
        return Tensor.of(NNOps.crossEntropy(input.impl(), target.impl(), weight == null ? null : weight.impl(),
                NNOps.reduction(reduction), ignoreIndex, labelSmoothing));
    }

    /**
     * {@code torch._C._nn.binary_cross_entropy(input, target, weight, reduction)}:
     * {@code −(t·max(log x, −100) + (1 − t)·max(log(1 − x), −100))·weight}; node
     * {@code BinaryCrossEntropyBackward0}.
     *
     * @param input     probabilities in [0, 1]
     * @param target    the targets, input's shape
     * @param weight    element weights, or null
     * @param reduction "mean", "sum" or "none"
     * @return the loss
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, String reduction) {
        return Tensor.of(NNOps.binaryCrossEntropy(input.impl(), target.impl(), weight == null ? null : weight.impl(),
                NNOps.reduction(reduction)));
    }

    /**
     * {@code torch.binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction)}: the binary
     * cross entropy of {@code sigmoid(input)}, computed stably, the positive term weighted by pos_weight; node
     * {@code BinaryCrossEntropyWithLogitsBackward0}.
     *
     * @param input     logits
     * @param target    the targets, input's shape
     * @param weight    element weights, or null
     * @param posWeight weights of the positive examples (broadcast over the last dim), or null
     * @param reduction "mean", "sum" or "none"
     * @return the loss
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                                      String reduction) {
        return Tensor.of(NNOps.binaryCrossEntropyWithLogits(input.impl(), target.impl(),
                weight == null ? null : weight.impl(), posWeight == null ? null : posWeight.impl(),
                NNOps.reduction(reduction)));
    }

    /**
     * {@code torch.embedding(weight, indices, padding_idx)}: the rows of weight at the indices, shaped
     * {@code indices.shape + [weight.size(1)]}; node {@code EmbeddingBackward0}, which leaves the padding row's
     * gradient 0.
     *
     * @param weight     the (num, dim) table
     * @param indices    int64 row numbers
     * @param paddingIdx a row that gets no gradient, or -1 for none
     * @return the rows
     */
    public static Tensor embedding(Tensor weight, Tensor indices, long paddingIdx) {
        return Tensor.of(NNOps.embedding(weight.impl(), indices.impl(), paddingIdx));
    }

    // ------------------------------------------------------------------ checks and Python-style printing

    /** PyTorch's {@code torch.linalg}: {@code linalg.vectorNorm(x, 2)}, {@code linalg.matrixNorm(x, "fro")}. */
    public static final Linalg linalg = Linalg.INSTANCE;

    /**
     * Element-wise closeness, {@code torch.isclose(a, b)}: {@code |a − b| ≤ 1e-08 + 1e-05·|b|} or {@code a == b}.
     *
     * @param a the first tensor
     * @param b the second tensor (broadcast with a; the same dtype)
     * @return a bool tensor
     */
    public static Tensor isclose(Tensor a, Tensor b) {
        return isclose(a, b, 1e-05, 1e-08, false);
    }

    /**
     * {@code torch.isclose(a, b, rtol, atol, equal_nan)}: {@code a == b}, or {@code |a − b| ≤ atol + |rtol·b|}
     * with a finite difference, or with {@code equalNan} both NaN.
     *
     * @param a the first tensor
     * @param b the second tensor (broadcast with a; the same dtype)
     * @param rtol the relative tolerance, at least 0
     * @param atol the absolute tolerance, at least 0
     * @param equalNan whether NaN is close to NaN
     * @return a bool tensor
     */
    public static Tensor isclose(Tensor a, Tensor b, double rtol, double atol, boolean equalNan) {
        return of(org.autograd4j.ops.Checks.isclose(in(a), in(b), rtol, atol, equalNan));
    }

    /**
     * Whether every element is close, {@code torch.allclose(a, b)} ({@link #isclose(Tensor, Tensor)} everywhere).
     *
     * @param a the first tensor
     * @param b the second tensor (broadcast with a; the same dtype)
     * @return whether all elements are close
     */
    public static boolean allclose(Tensor a, Tensor b) {
        return allclose(a, b, 1e-05, 1e-08, false);
    }

    /**
     * {@code torch.allclose(a, b, rtol, atol, equal_nan)}.
     *
     * @param a the first tensor
     * @param b the second tensor (broadcast with a; the same dtype)
     * @param rtol the relative tolerance, at least 0
     * @param atol the absolute tolerance, at least 0
     * @param equalNan whether NaN is close to NaN
     * @return whether all elements are close
     */
    public static boolean allclose(Tensor a, Tensor b, double rtol, double atol, boolean equalNan) {
        return org.autograd4j.ops.Checks.allclose(in(a), in(b), rtol, atol, equalNan);
    }

    /**
     * Whether two tensors have the same sizes and elements, {@code torch.equal(a, b)} (NaN equals nothing;
     * the dtypes are promoted, so {@code equal(ones(2), ones(2).toLong())} is true, as in PyTorch).
     *
     * @param a the first tensor
     * @param b the second tensor
     * @return whether sizes and elements agree
     */
    public static boolean equal(Tensor a, Tensor b) {
        return org.autograd4j.ops.Checks.equal(in(a), in(b));
    }

    /**
     * Python's {@code str(o)}: {@code None} for null, {@code True}/{@code False}, a double (and a float, as the
     * double it widens to) as Python's float repr ({@code 0.1}, {@code 12345678.0}, {@code 1e+16},
     * {@code 9.999999747378752e-06}, {@code inf}, {@code nan}), integers, strings as they are (quoted inside
     * containers), tensors, {@link Size}, dtypes and nodes as PyTorch prints them, lists as {@code [1, 2.0, None]},
     * and what PyTorch returns as tuples ({@link Autograd#grad}, {@link Node#nextFunctions()}) as
     * {@code (tensor(1.),)}. Java arrays print as lists, maps as dicts.
     *
     * @param o the value
     * @return Python's text
     */
    public static String str(Object o) {
        return PyText.str(o);
    }

    /**
     * Python's {@code print(a, b, ...)}: each value's {@link #str}, separated by spaces, then a newline, on
     * {@code System.out}.
     *
     * @param values the values
     */
    public static void print(Object... values) {
        if (values == null) values = new Object[] {null}; // print(null): Java passes no array at all
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) sb.append(i == 0 ? "" : " ").append(PyText.str(values[i]));
        System.out.println(sb);
    }

    /**
     * Switches PyTorch's {@code UserWarning}s on or off (on by default; the system property
     * {@code -Dautograd4j.warnings=false} starts with them off). When on, each is one line on stderr,
     * {@code Script.java:12: UserWarning: ...}, once per call site, as Python's default warning filter.
     *
     * @param enabled whether warnings are printed
     */
    public static void setWarnings(boolean enabled) {
        PyWarnings.setEnabled(enabled);
    }

    /**
     * {@code torch.norm(a, 'fro')}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param p {@code "fro"}
     * @return the result, as {@code a.norm(p)}
     */
    public static Tensor norm(Tensor a, String p) {
        return a.norm(p);
    }

    /**
     * {@code torch.norm(a, 'fro', dim, keepdim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param p {@code "fro"}
     * @param dims the dims to reduce
     * @param keepdim whether the reduced dims stay as size 1
     * @return the result, as {@code a.norm(p, dims, keepdim)}
     */
    public static Tensor norm(Tensor a, String p, int[] dims, boolean keepdim) {
        return a.norm(p, dims, keepdim);
    }

    // ------------------------------------------------------------------ nn functions (torch.nn.functional's ops)

    private static TensorImpl inOrNull(Tensor t) {
        return t == null ? null : t.impl();
    }

    /**
     * {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)}: the 2-d cross-correlation
     * {@code out[n, o, y, x] = b[o] + Σ_{c, i, j} w[o, c, i, j] · in[n, g·C/G + c, y·sh − ph + i·dh, x·sw − pw + j·dw]}
     * over the input channels of o's group (zero outside the input). input is {@code [N, C, H, W]} or an unbatched
     * {@code [C, H, W]}; weight {@code [Cout, C/groups, kh, kw]}. Computed as im2col plus one matrix product per
     * group. Gradient ({@code ConvolutionBackward0}) for input, weight and bias.
     *
     * @param input the input, 3-d or 4-d
     * @param weight the filters
     * @param bias one value per output channel, or null
     * @param stride {@code {sh, sw}} (or one value for both)
     * @param padding zeros added on each side, {@code {ph, pw}} (or one value)
     * @param dilation spacing of the kernel's taps, {@code {dh, dw}} (or one value)
     * @param groups how many groups the channels are split into
     * @return the output, {@code [N, Cout, oh, ow]} with {@code oh = (H + 2ph − dh·(kh − 1) − 1) / sh + 1}
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        return of(Convolution.conv2d(in(input), in(weight), inOrNull(bias), stride, padding, false, dilation, groups));
    }

    /**
     * {@code F.conv2d(input, weight, bias, stride, padding='same'|'valid', dilation, groups)}: {@code "valid"} is no
     * padding; {@code "same"} pads so the output has the input's size (stride 1 only; an odd total puts the extra
     * row or column after with {@link #constantPadNd}, so the graph has PyTorch's {@code ConstantPadNdBackward0}
     * before the convolution).
     *
     * @param input the input, 3-d or 4-d
     * @param weight the filters
     * @param bias one value per output channel, or null
     * @param stride {@code {sh, sw}} (or one value for both)
     * @param padding {@code "same"} or {@code "valid"}
     * @param dilation spacing of the kernel's taps
     * @param groups how many groups the channels are split into
     * @return the output
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, String padding, int[] dilation, int groups) {
        if (!padding.equals("same") && !padding.equals("valid")) {
            throw new IllegalArgumentException("Invalid padding string: '" + padding + "'");
        }
        return of(Convolution.conv2d(in(input), in(weight), inOrNull(bias), stride, null, padding.equals("same"), dilation, groups));
    }

    /**
     * {@code torch.constant_pad_nd(input, pad, value)}, what {@code F.pad(input, pad, value=value)} calls:
     * {@code pad} holds (before, after) pairs for the last dim, then the one before it, …; negative entries crop.
     * Records {@code ConstantPadNdBackward0} (its derivative crops the gradient back).
     *
     * @param input the input
     * @param pad an even number of pads, at most two per dim
     * @param value the value of the new elements
     * @return the padded tensor
     * @throws IllegalArgumentException PyTorch's messages for an odd or too long pad, or an empty result
     */
    public static Tensor constantPadNd(Tensor input, long[] pad, double value) {
        return of(Convolution.constantPadNd(in(input), pad.clone(), value));
    }

    /**
     * {@code F.conv2d(input, weight, bias)}: stride 1, no padding, no dilation, one group.
     *
     * @param input the input, 3-d or 4-d
     * @param weight the filters
     * @param bias one value per output channel, or null
     * @return the output
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return conv2d(input, weight, bias, new int[] {1}, new int[] {0}, new int[] {1}, 1);
    }

    /**
     * {@code F.conv2d(input, weight)}: no bias, stride 1, no padding.
     *
     * @param input the input, 3-d or 4-d
     * @param weight the filters
     * @return the output
     */
    public static Tensor conv2d(Tensor input, Tensor weight) {
        return conv2d(input, weight, null);
    }

    /**
     * {@code F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode)}: the maximum of every window
     * (padding counts as −∞; a NaN wins). Gradient ({@code MaxPool2DWithIndicesBackward0}) goes to the position of
     * each maximum.
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param kernelSize {@code {kh, kw}} (or one value)
     * @param stride {@code {sh, sw}}; null or empty: the kernel size
     * @param padding {@code {ph, pw}}, at most half the kernel
     * @param dilation spacing of the window's taps
     * @param ceilMode round the output size up (a last window may hang over the end)
     * @return the pooled tensor
     */
    public static Tensor maxPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        return of(Convolution.maxPool2dWithIndices(in(input), kernelSize, stride, padding, dilation, ceilMode)[0]);
    }

    /**
     * {@code F.max_pool2d(input, kernel_size, stride, padding)}.
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param kernelSize {@code {kh, kw}} (or one value)
     * @param stride {@code {sh, sw}}; null or empty: the kernel size
     * @param padding {@code {ph, pw}}
     * @return the pooled tensor
     */
    public static Tensor maxPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding) {
        return maxPool2d(input, kernelSize, stride, padding, new int[] {1}, false);
    }

    /**
     * {@code F.max_pool2d(input, kernel_size)}: stride = kernel size, no padding.
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param kernelSize {@code {kh, kw}} (or one value)
     * @return the pooled tensor
     */
    public static Tensor maxPool2d(Tensor input, int[] kernelSize) {
        return maxPool2d(input, kernelSize, null, new int[] {0});
    }

    /**
     * {@code F.max_pool2d(input, ..., return_indices=True)} ({@code torch.max_pool2d_with_indices}): the maxima
     * and their int64 flat positions {@code y·W + x} within each plane (what {@code max_unpool2d} takes).
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param kernelSize {@code {kh, kw}} (or one value)
     * @param stride {@code {sh, sw}}; null or empty: the kernel size
     * @param padding {@code {ph, pw}}
     * @param dilation spacing of the window's taps
     * @param ceilMode round the output size up
     * @return values and indices
     */
    public static ValuesIndices maxPool2dWithIndices(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                                                     boolean ceilMode) {
        TensorImpl[] r = Convolution.maxPool2dWithIndices(in(input), kernelSize, stride, padding, dilation, ceilMode);
        return new ValuesIndices("max_pool2d_with_indices", of(r[0]), of(r[1]));
    }

    /**
     * {@code F.max_pool2d(input, kernel_size, return_indices=True)}.
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param kernelSize {@code {kh, kw}} (or one value)
     * @return values and indices
     */
    public static ValuesIndices maxPool2dWithIndices(Tensor input, int[] kernelSize) {
        return maxPool2dWithIndices(input, kernelSize, null, new int[] {0}, new int[] {1}, false);
    }

    /**
     * {@code F.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)}: the
     * mean of every window: its sum divided by {@code divisorOverride} if given, else by the window's size clipped
     * to the padded input ({@code countIncludePad}) or to the input. Gradient ({@code AvgPool2DBackward0}).
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param kernelSize {@code {kh, kw}} (or one value)
     * @param stride {@code {sh, sw}}; null or empty: the kernel size
     * @param padding {@code {ph, pw}}, at most half the kernel
     * @param ceilMode round the output size up
     * @param countIncludePad count the padding in the divisor
     * @param divisorOverride the divisor for every window, or null
     * @return the pooled tensor
     */
    public static Tensor avgPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode,
                                   boolean countIncludePad, Integer divisorOverride) {
        return of(Convolution.avgPool2d(in(input), kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride));
    }

    /**
     * {@code F.avg_pool2d(input, kernel_size, stride, padding)} (padding counted in the divisor).
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param kernelSize {@code {kh, kw}} (or one value)
     * @param stride {@code {sh, sw}}; null or empty: the kernel size
     * @param padding {@code {ph, pw}}
     * @return the pooled tensor
     */
    public static Tensor avgPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding) {
        return avgPool2d(input, kernelSize, stride, padding, false, true, null);
    }

    /**
     * {@code F.avg_pool2d(input, kernel_size)}: stride = kernel size, no padding.
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param kernelSize {@code {kh, kw}} (or one value)
     * @return the pooled tensor
     */
    public static Tensor avgPool2d(Tensor input, int[] kernelSize) {
        return avgPool2d(input, kernelSize, null, new int[] {0});
    }

    /**
     * {@code F.adaptive_avg_pool2d(input, output_size)}: output cell (i, j) is the mean of input rows
     * {@code [⌊i·H/oh⌋, ⌈(i+1)·H/oh⌉)} and the columns likewise. Gradient {@code AdaptiveAvgPool2DBackward0}; a 1×1
     * output is PyTorch's {@code mean(dim=(-1, -2), keepdim=True)} ({@code MeanBackward1}).
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param outputSize {@code {oh, ow}} (or one value)
     * @return the pooled tensor
     */
    public static Tensor adaptiveAvgPool2d(Tensor input, int[] outputSize) {
        return of(Convolution.adaptiveAvgPool2d(in(input), outputSize));
    }

    /**
     * {@code F.adaptive_max_pool2d(input, output_size)}: the maximum of each adaptive window (rows
     * {@code [⌊i·H/oh⌋, ⌈(i+1)·H/oh⌉)}, columns likewise; a NaN wins). Gradient ({@code AdaptiveMaxPool2DBackward0})
     * goes to the position of each maximum.
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param outputSize {@code {oh, ow}} (or one value)
     * @return the pooled tensor
     */
    public static Tensor adaptiveMaxPool2d(Tensor input, int[] outputSize) {
        return of(Convolution.adaptiveMaxPool2d(in(input), outputSize)[0]);
    }

    /**
     * {@code F.adaptive_max_pool2d(input, output_size, return_indices=True)}: the maxima and their int64 flat
     * positions {@code y·W + x} within each plane.
     *
     * @param input {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param outputSize {@code {oh, ow}} (or one value)
     * @return values and indices
     */
    public static ValuesIndices adaptiveMaxPool2dWithIndices(Tensor input, int[] outputSize) {
        TensorImpl[] r = Convolution.adaptiveMaxPool2d(in(input), outputSize);
        return new ValuesIndices("adaptive_max_pool2d", of(r[0]), of(r[1]));
    }

    /**
     * {@code F.unfold(input, kernel_size, dilation, padding, stride)} (im2col): every sliding window of
     * {@code [N, C, H, W]} (or {@code [C, H, W]}) as a column, {@code [N, C·kh·kw, L]}. Gradient
     * ({@code Im2ColBackward0}) is {@link #fold}.
     *
     * @param input the images
     * @param kernelSize {@code {kh, kw}} (or one value)
     * @param dilation spacing of the window's taps
     * @param padding zeros on each side
     * @param stride the window's step
     * @return the columns
     */
    public static Tensor unfold(Tensor input, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        return of(Convolution.unfold(in(input), kernelSize, dilation, padding, stride));
    }

    /**
     * {@code F.unfold(input, kernel_size)}: dilation 1, no padding, stride 1.
     *
     * @param input the images
     * @param kernelSize {@code {kh, kw}} (or one value)
     * @return the columns
     */
    public static Tensor unfold(Tensor input, int[] kernelSize) {
        return unfold(input, kernelSize, new int[] {1}, new int[] {0}, new int[] {1});
    }

    /**
     * {@code F.fold(input, output_size, kernel_size, dilation, padding, stride)} (col2im): columns
     * {@code [N, C·kh·kw, L]} summed back into {@code [N, C, H, W]} images, overlapping windows adding up. Gradient
     * ({@code Col2ImBackward0}) is {@link #unfold}.
     *
     * @param input the columns, 3-d (or 2-d unbatched)
     * @param outputSize {@code {H, W}}
     * @param kernelSize {@code {kh, kw}} (or one value)
     * @param dilation spacing of the window's taps
     * @param padding zeros on each side
     * @param stride the window's step
     * @return the images
     */
    public static Tensor fold(Tensor input, int[] outputSize, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        return of(Convolution.fold(in(input), outputSize, kernelSize, dilation, padding, stride));
    }

    /**
     * {@code F.fold(input, output_size, kernel_size)}: dilation 1, no padding, stride 1.
     *
     * @param input the columns
     * @param outputSize {@code {H, W}}
     * @param kernelSize {@code {kh, kw}} (or one value)
     * @return the images
     */
    public static Tensor fold(Tensor input, int[] outputSize, int[] kernelSize) {
        return fold(input, outputSize, kernelSize, new int[] {1}, new int[] {0}, new int[] {1});
    }

    /**
     * {@code F.layer_norm(input, normalized_shape, weight, bias, eps)}: over the trailing {@code normalizedShape}
     * dims, {@code y = (x − mean) / sqrt(var + eps) · weight + bias} with the biased variance. Gradient
     * ({@code NativeLayerNormBackward0}) for input, weight and bias.
     *
     * @param input the input
     * @param normalizedShape the trailing dims normalized together
     * @param weight the scale (normalizedShape), or null
     * @param bias the shift (normalizedShape), or null
     * @param eps added to the variance
     * @return the normalized tensor
     */
    public static Tensor layerNorm(Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return of(Normalization.layerNorm(in(input), normalizedShape, inOrNull(weight), inOrNull(bias), eps));
    }

    /**
     * {@code F.layer_norm(input, normalized_shape, weight, bias)} with {@code eps = 1e-5}.
     *
     * @param input the input
     * @param normalizedShape the trailing dims normalized together
     * @param weight the scale, or null
     * @param bias the shift, or null
     * @return the normalized tensor
     */
    public static Tensor layerNorm(Tensor input, long[] normalizedShape, Tensor weight, Tensor bias) {
        return layerNorm(input, normalizedShape, weight, bias, 1e-5);
    }

    /**
     * {@code F.layer_norm(input, normalized_shape)}: no weight or bias, {@code eps = 1e-5}.
     *
     * @param input the input
     * @param normalizedShape the trailing dims normalized together
     * @return the normalized tensor
     */
    public static Tensor layerNorm(Tensor input, long[] normalizedShape) {
        return layerNorm(input, normalizedShape, null, null, 1e-5);
    }

    /**
     * {@code F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)} over channel dim 1
     * of {@code [N, C, …]}: {@code y = (x − mean) / sqrt(var + eps) · weight + bias}. In training the batch's mean
     * and biased variance are used and the running statistics (when not null) updated in place,
     * {@code r = (1 − momentum)·r + momentum·batch} with the unbiased variance; in evaluation the running
     * statistics are used. Gradient ({@code NativeBatchNormBackward0}) for input, weight and bias.
     *
     * @param input {@code [N, C, …]}
     * @param runningMean the running mean (C), or null in training
     * @param runningVar the running variance (C), or null in training
     * @param weight the scale (C), or null
     * @param bias the shift (C), or null
     * @param training use (and update) the batch statistics
     * @param momentum the running statistics' update factor
     * @param eps added to the variance
     * @return the normalized tensor
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias, boolean training,
                                   double momentum, double eps) {
        return of(Normalization.batchNorm(in(input), inOrNull(runningMean), inOrNull(runningVar), inOrNull(weight), inOrNull(bias),
                training, momentum, eps));
    }

    /**
     * {@code F.batch_norm(input, running_mean, running_var, weight, bias, training)} with {@code momentum = 0.1},
     * {@code eps = 1e-5}.
     *
     * @param input {@code [N, C, …]}
     * @param runningMean the running mean (C), or null in training
     * @param runningVar the running variance (C), or null in training
     * @param weight the scale (C), or null
     * @param bias the shift (C), or null
     * @param training use (and update) the batch statistics
     * @return the normalized tensor
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias, boolean training) {
        return batchNorm(input, runningMean, runningVar, weight, bias, training, 0.1, 1e-5);
    }

    /**
     * {@code F.group_norm(input, num_groups, weight, bias, eps)}: the channels of {@code [N, C, …]} in
     * {@code numGroups} groups; each sample's group normalized, {@code (x − mean) / sqrt(var + eps)} with the biased
     * variance, then {@code · weight[c] + bias[c]}. Gradient ({@code NativeGroupNormBackward0}).
     *
     * @param input {@code [N, C, …]}
     * @param numGroups how many groups (divides C)
     * @param weight the per-channel scale, or null
     * @param bias the per-channel shift, or null
     * @param eps added to the variance
     * @return the normalized tensor
     */
    public static Tensor groupNorm(Tensor input, int numGroups, Tensor weight, Tensor bias, double eps) {
        return of(Normalization.groupNorm(in(input), numGroups, inOrNull(weight), inOrNull(bias), eps));
    }

    /**
     * {@code F.group_norm(input, num_groups)}: no weight or bias, {@code eps = 1e-5}.
     *
     * @param input {@code [N, C, …]}
     * @param numGroups how many groups (divides C)
     * @return the normalized tensor
     */
    public static Tensor groupNorm(Tensor input, int numGroups) {
        return groupNorm(input, numGroups, null, null, 1e-5);
    }

    // ------------------------------------------------------------------ torch.f(x) forms of the Tensor methods

    /**
     * {@code torch.add(a, b)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.add(...)}
     */
    public static Tensor add(Tensor a, Tensor b) {
        return a.add(b);
    }

    /**
     * {@code torch.sub(a, b)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.sub(...)}
     */
    public static Tensor sub(Tensor a, Tensor b) {
        return a.sub(b);
    }

    /**
     * {@code torch.add(a, b, alpha=alpha)}: {@code a + alpha·b}, one rounding.
     *
     * @param a the input tensor
     * @param b the second operand
     * @param alpha the factor of b (a Python float)
     * @return the result, as {@code a.add(b, alpha)}
     */
    public static Tensor add(Tensor a, Tensor b, double alpha) {
        return a.add(b, alpha);
    }

    /**
     * {@code torch.sub(a, b, alpha=alpha)}: {@code a − alpha·b}, one rounding.
     *
     * @param a the input tensor
     * @param b the second operand
     * @param alpha the factor of b (a Python float)
     * @return the result, as {@code a.sub(b, alpha)}
     */
    public static Tensor sub(Tensor a, Tensor b, double alpha) {
        return a.sub(b, alpha);
    }

    /**
     * {@code torch.addcmul(a, t1, t2, value=value)}: {@code a + value·t1·t2}.
     *
     * @param a the input tensor
     * @param t1 the first factor
     * @param t2 the second factor
     * @param value the scale
     * @return the result, as {@code a.addcmul(t1, t2, value)}
     */
    public static Tensor addcmul(Tensor a, Tensor t1, Tensor t2, double value) {
        return a.addcmul(t1, t2, value);
    }

    /**
     * {@code torch.addcmul(a, t1, t2)}: {@code a + t1·t2}.
     *
     * @param a the input tensor
     * @param t1 the first factor
     * @param t2 the second factor
     * @return the result, as {@code a.addcmul(t1, t2)}
     */
    public static Tensor addcmul(Tensor a, Tensor t1, Tensor t2) {
        return a.addcmul(t1, t2);
    }

    /**
     * {@code torch.addcdiv(a, t1, t2, value=value)}: {@code a + value·t1/t2}.
     *
     * @param a the input tensor
     * @param t1 the numerator
     * @param t2 the denominator
     * @param value the scale
     * @return the result, as {@code a.addcdiv(t1, t2, value)}
     */
    public static Tensor addcdiv(Tensor a, Tensor t1, Tensor t2, double value) {
        return a.addcdiv(t1, t2, value);
    }

    /**
     * {@code torch.addcdiv(a, t1, t2)}: {@code a + t1/t2}.
     *
     * @param a the input tensor
     * @param t1 the numerator
     * @param t2 the denominator
     * @return the result, as {@code a.addcdiv(t1, t2)}
     */
    public static Tensor addcdiv(Tensor a, Tensor t1, Tensor t2) {
        return a.addcdiv(t1, t2);
    }

    /**
     * {@code torch.mul(a, b)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.mul(...)}
     */
    public static Tensor mul(Tensor a, Tensor b) {
        return a.mul(b);
    }

    /**
     * {@code torch.div(a, b)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.div(...)}
     */
    public static Tensor div(Tensor a, Tensor b) {
        return a.div(b);
    }

    /**
     * {@code torch.div(a, b, rounding_mode=roundingMode)}: null true division, {@code "trunc"} toward zero,
     * {@code "floor"} toward -∞.
     *
     * @param a            the input tensor
     * @param b            the second operand
     * @param roundingMode null, {@code "trunc"} or {@code "floor"}
     * @return the result, as {@code a.div(b, roundingMode)}
     */
    public static Tensor div(Tensor a, Tensor b, String roundingMode) {
        return a.div(b, roundingMode);
    }

    /**
     * {@code torch.div(a, b, rounding_mode=roundingMode)} with a Python number b.
     *
     * @param a            the input tensor
     * @param b            the second operand
     * @param roundingMode null, {@code "trunc"} or {@code "floor"}
     * @return the result, as {@code a.div(b, roundingMode)}
     */
    public static Tensor div(Tensor a, double b, String roundingMode) {
        return a.div(b, roundingMode);
    }

    /**
     * {@code torch.pow(a, exponent)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param exponent the exponent
     * @return the result, as {@code a.pow(...)}
     */
    public static Tensor pow(Tensor a, double exponent) {
        return a.pow(exponent);
    }

    /**
     * {@code torch.pow(a, exponent)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param exponent the exponent
     * @return the result, as {@code a.pow(...)}
     */
    public static Tensor pow(Tensor a, Tensor exponent) {
        return a.pow(exponent);
    }

    /**
     * {@code torch.neg(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.neg()}
     */
    public static Tensor neg(Tensor a) {
        return a.neg();
    }

    /**
     * {@code torch.exp(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.exp()}
     */
    public static Tensor exp(Tensor a) {
        return a.exp();
    }

    /**
     * {@code torch.log(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.log()}
     */
    public static Tensor log(Tensor a) {
        return a.log();
    }

    /**
     * {@code torch.sqrt(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.sqrt()}
     */
    public static Tensor sqrt(Tensor a) {
        return a.sqrt();
    }

    /**
     * {@code torch.abs(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.abs()}
     */
    public static Tensor abs(Tensor a) {
        return a.abs();
    }

    /**
     * {@code torch.sin(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.sin()}
     */
    public static Tensor sin(Tensor a) {
        return a.sin();
    }

    /**
     * {@code torch.cos(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.cos()}
     */
    public static Tensor cos(Tensor a) {
        return a.cos();
    }

    /**
     * {@code torch.tanh(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.tanh()}
     */
    public static Tensor tanh(Tensor a) {
        return a.tanh();
    }

    /**
     * {@code torch.sigmoid(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.sigmoid()}
     */
    public static Tensor sigmoid(Tensor a) {
        return a.sigmoid();
    }

    /**
     * {@code torch.relu(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.relu()}
     */
    public static Tensor relu(Tensor a) {
        return a.relu();
    }

    /**
     * {@code torch.clamp(a, min, max)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param min the lower bound (NaN: none)
     * @param max the upper bound (NaN: none)
     * @return the result, as {@code a.clamp(...)}
     */
    public static Tensor clamp(Tensor a, double min, double max) {
        return a.clamp(min, max);
    }

    /**
     * {@code torch.sum(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.sum()}
     */
    public static Tensor sum(Tensor a) {
        return a.sum();
    }

    /**
     * {@code torch.sum(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.sum(...)}
     */
    public static Tensor sum(Tensor a, int dim) {
        return a.sum(dim);
    }

    /**
     * {@code torch.mean(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.mean()}
     */
    public static Tensor mean(Tensor a) {
        return a.mean();
    }

    /**
     * {@code torch.mean(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.mean(...)}
     */
    public static Tensor mean(Tensor a, int dim) {
        return a.mean(dim);
    }

    /**
     * {@code torch.prod(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.prod()}
     */
    public static Tensor prod(Tensor a) {
        return a.prod();
    }

    /**
     * {@code torch.max(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.max()}
     */
    public static Tensor max(Tensor a) {
        return a.max();
    }

    /**
     * {@code torch.min(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.min()}
     */
    public static Tensor min(Tensor a) {
        return a.min();
    }

    /**
     * {@code torch.argmax(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.argmax()}
     */
    public static Tensor argmax(Tensor a) {
        return a.argmax();
    }

    /**
     * {@code torch.argmin(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.argmin()}
     */
    public static Tensor argmin(Tensor a) {
        return a.argmin();
    }

    /**
     * {@code torch.softmax(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.softmax(...)}
     */
    public static Tensor softmax(Tensor a, int dim) {
        return a.softmax(dim);
    }

    /**
     * {@code torch.log_softmax(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.logSoftmax(...)}
     */
    public static Tensor logSoftmax(Tensor a, int dim) {
        return a.logSoftmax(dim);
    }

    /**
     * {@code torch.dot(a, b)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.dot(...)}
     */
    public static Tensor dot(Tensor a, Tensor b) {
        return a.dot(b);
    }

    /**
     * {@code torch.mv(a, v)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param v the values
     * @return the result, as {@code a.mv(...)}
     */
    public static Tensor mv(Tensor a, Tensor v) {
        return a.mv(v);
    }

    /**
     * {@code torch.bmm(a, b)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.bmm(...)}
     */
    public static Tensor bmm(Tensor a, Tensor b) {
        return a.bmm(b);
    }

    /**
     * {@code torch.t(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.t()}
     */
    public static Tensor t(Tensor a) {
        return a.t();
    }

    /**
     * {@code torch.transpose(a, dim0, dim1)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim0 the first dimension
     * @param dim1 the second dimension
     * @return the result, as {@code a.transpose(...)}
     */
    public static Tensor transpose(Tensor a, int dim0, int dim1) {
        return a.transpose(dim0, dim1);
    }

    /**
     * {@code torch.reshape(a, shape)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param shape the sizes of the dimensions
     * @return the result, as {@code a.reshape(...)}
     */
    public static Tensor reshape(Tensor a, long... shape) {
        return a.reshape(shape);
    }

    /**
     * {@code torch.flatten(a)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @return the result, as {@code a.flatten()}
     */
    public static Tensor flatten(Tensor a) {
        return a.flatten();
    }

    /**
     * {@code torch.squeeze(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.squeeze(...)}
     */
    public static Tensor squeeze(Tensor a, int dim) {
        return a.squeeze(dim);
    }

    /**
     * {@code torch.unsqueeze(a, dim)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.unsqueeze(...)}
     */
    public static Tensor unsqueeze(Tensor a, int dim) {
        return a.unsqueeze(dim);
    }

    /**
     * {@code torch.gather(a, dim, index)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param index the int64 indices, as many dimensions as this tensor
     * @return the result, as {@code a.gather(...)}
     */
    public static Tensor gather(Tensor a, int dim, Tensor index) {
        return a.gather(dim, index);
    }

    /**
     * {@code torch.index_select(a, dim, index)}; the same as the Tensor method.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param index the 1-d int64 indices
     * @return the result, as {@code a.indexSelect(...)}
     */
    public static Tensor indexSelect(Tensor a, int dim, Tensor index) {
        return a.indexSelect(dim, index);
    }

    /**
     * {@code torch.sign(a)}: sign(x) ∈ {-1, 0, 1}.
     *
     * @param a the input tensor
     * @return the result, as {@code a.sign()}
     */
    public static Tensor sign(Tensor a) {
        return a.sign();
    }

    /**
     * {@code torch.sgn(a)}: x/|x|, 0 at 0 (for real tensors the values of sign).
     *
     * @param a the input tensor
     * @return the result, as {@code a.sgn()}
     */
    public static Tensor sgn(Tensor a) {
        return a.sgn();
    }

    /**
     * {@code torch.tan(a)}: tan x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.tan()}
     */
    public static Tensor tan(Tensor a) {
        return a.tan();
    }

    /**
     * {@code torch.reciprocal(a)}: 1/x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.reciprocal()}
     */
    public static Tensor reciprocal(Tensor a) {
        return a.reciprocal();
    }

    /**
     * {@code torch.log1p(a)}: ln(1+x), accurate for small x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.log1p()}
     */
    public static Tensor log1p(Tensor a) {
        return a.log1p();
    }

    /**
     * {@code torch.expm1(a)}: eˣ-1, accurate for small x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.expm1()}
     */
    public static Tensor expm1(Tensor a) {
        return a.expm1();
    }

    /**
     * {@code torch.log2(a)}: log₂ x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.log2()}
     */
    public static Tensor log2(Tensor a) {
        return a.log2();
    }

    /**
     * {@code torch.log10(a)}: log₁₀ x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.log10()}
     */
    public static Tensor log10(Tensor a) {
        return a.log10();
    }

    /**
     * {@code torch.exp2(a)}: 2ˣ.
     *
     * @param a the input tensor
     * @return the result, as {@code a.exp2()}
     */
    public static Tensor exp2(Tensor a) {
        return a.exp2();
    }

    /**
     * {@code torch.rsqrt(a)}: 1/√x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.rsqrt()}
     */
    public static Tensor rsqrt(Tensor a) {
        return a.rsqrt();
    }

    /**
     * {@code torch.asin(a)}: arcsin x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.asin()}
     */
    public static Tensor asin(Tensor a) {
        return a.asin();
    }

    /**
     * {@code torch.acos(a)}: arccos x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.acos()}
     */
    public static Tensor acos(Tensor a) {
        return a.acos();
    }

    /**
     * {@code torch.atan(a)}: arctan x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.atan()}
     */
    public static Tensor atan(Tensor a) {
        return a.atan();
    }

    /**
     * {@code torch.sinh(a)}: sinh x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.sinh()}
     */
    public static Tensor sinh(Tensor a) {
        return a.sinh();
    }

    /**
     * {@code torch.cosh(a)}: cosh x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.cosh()}
     */
    public static Tensor cosh(Tensor a) {
        return a.cosh();
    }

    /**
     * {@code torch.asinh(a)}: arsinh x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.asinh()}
     */
    public static Tensor asinh(Tensor a) {
        return a.asinh();
    }

    /**
     * {@code torch.acosh(a)}: arcosh x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.acosh()}
     */
    public static Tensor acosh(Tensor a) {
        return a.acosh();
    }

    /**
     * {@code torch.atanh(a)}: artanh x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.atanh()}
     */
    public static Tensor atanh(Tensor a) {
        return a.atanh();
    }

    /**
     * {@code torch.erf(a)}: the error function erf x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.erf()}
     */
    public static Tensor erf(Tensor a) {
        return a.erf();
    }

    /**
     * {@code torch.erfc(a)}: 1 - erf x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.erfc()}
     */
    public static Tensor erfc(Tensor a) {
        return a.erfc();
    }

    /**
     * {@code torch.floor(a)}: ⌊x⌋.
     *
     * @param a the input tensor
     * @return the result, as {@code a.floor()}
     */
    public static Tensor floor(Tensor a) {
        return a.floor();
    }

    /**
     * {@code torch.ceil(a)}: ⌈x⌉.
     *
     * @param a the input tensor
     * @return the result, as {@code a.ceil()}
     */
    public static Tensor ceil(Tensor a) {
        return a.ceil();
    }

    /**
     * {@code torch.round(a)}: x rounded half to even.
     *
     * @param a the input tensor
     * @return the result, as {@code a.round()}
     */
    public static Tensor round(Tensor a) {
        return a.round();
    }

    /**
     * {@code torch.trunc(a)}: x rounded toward zero.
     *
     * @param a the input tensor
     * @return the result, as {@code a.trunc()}
     */
    public static Tensor trunc(Tensor a) {
        return a.trunc();
    }

    /**
     * {@code torch.frac(a)}: x - trunc(x).
     *
     * @param a the input tensor
     * @return the result, as {@code a.frac()}
     */
    public static Tensor frac(Tensor a) {
        return a.frac();
    }

    /**
     * {@code torch.softplus(a)}: ln(1+eˣ) (β = 1, threshold 20).
     *
     * @param a the input tensor
     * @return the result, as {@code a.softplus()}
     */
    public static Tensor softplus(Tensor a) {
        return a.softplus();
    }

    /**
     * {@code torch.hardtanh(a)}: x clamped to [-1, 1].
     *
     * @param a the input tensor
     * @return the result, as {@code a.hardtanh()}
     */
    public static Tensor hardtanh(Tensor a) {
        return a.hardtanh();
    }

    /**
     * {@code torch.elu(a)}: x for x &gt; 0, else eˣ-1 (α = 1).
     *
     * @param a the input tensor
     * @return the result, as {@code a.elu()}
     */
    public static Tensor elu(Tensor a) {
        return a.elu();
    }

    /**
     * {@code torch.leaky_relu(a)}: x for x &gt; 0, else 0.01·x.
     *
     * @param a the input tensor
     * @return the result, as {@code a.leakyRelu()}
     */
    public static Tensor leakyRelu(Tensor a) {
        return a.leakyRelu();
    }

    /**
     * {@code torch.gelu(a)}: x·Φ(x), Φ the standard normal CDF (exact, approximate='none').
     *
     * @param a the input tensor
     * @return the result, as {@code a.gelu()}
     */
    public static Tensor gelu(Tensor a) {
        return a.gelu();
    }

    /**
     * {@code torch._C._nn.gelu(a, approximate=...)}: "none" (exact) or "tanh"
     * ({@code ½x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}).
     *
     * @param a the input tensor
     * @param approximate "none" or "tanh"
     * @return the result, as {@code a.gelu(approximate)}
     * @throws IllegalArgumentException PyTorch's message for another string
     */
    public static Tensor gelu(Tensor a, String approximate) {
        return a.gelu(approximate);
    }

    /**
     * {@code torch.silu(a)}: x·σ(x).
     *
     * @param a the input tensor
     * @return the result, as {@code a.silu()}
     */
    public static Tensor silu(Tensor a) {
        return a.silu();
    }

    /**
     * {@code torch.mish(a)}: x·tanh(softplus(x)).
     *
     * @param a the input tensor
     * @return the result, as {@code a.mish()}
     */
    public static Tensor mish(Tensor a) {
        return a.mish();
    }

    /**
     * {@code torch.nan_to_num(a)}: NaN → 0, ±∞ → the dtype's largest/smallest finite value.
     *
     * @param a the input tensor
     * @return the result, as {@code a.nanToNum()}
     */
    public static Tensor nanToNum(Tensor a) {
        return a.nanToNum();
    }

    /**
     * {@code torch.sinc(a)}: sin(πx)/(πx), 1 at 0.
     *
     * @param a the input tensor
     * @return the result, as {@code a.sinc()}
     */
    public static Tensor sinc(Tensor a) {
        return a.sinc();
    }

    /**
     * {@code torch.deg2rad(a)}: x·π/180.
     *
     * @param a the input tensor
     * @return the result, as {@code a.deg2rad()}
     */
    public static Tensor deg2rad(Tensor a) {
        return a.deg2rad();
    }

    /**
     * {@code torch.rad2deg(a)}: x·180/π.
     *
     * @param a the input tensor
     * @return the result, as {@code a.rad2deg()}
     */
    public static Tensor rad2deg(Tensor a) {
        return a.rad2deg();
    }

    /**
     * {@code torch.isnan(a)}: true where x is NaN.
     *
     * @param a the input tensor
     * @return the result, as {@code a.isnan()}
     */
    public static Tensor isnan(Tensor a) {
        return a.isnan();
    }

    /**
     * {@code torch.isinf(a)}: true where x is ±∞.
     *
     * @param a the input tensor
     * @return the result, as {@code a.isinf()}
     */
    public static Tensor isinf(Tensor a) {
        return a.isinf();
    }

    /**
     * {@code torch.isfinite(a)}: true where x is finite.
     *
     * @param a the input tensor
     * @return the result, as {@code a.isfinite()}
     */
    public static Tensor isfinite(Tensor a) {
        return a.isfinite();
    }

    /**
     * {@code torch.logical_not(a)}: true where x is zero.
     *
     * @param a the input tensor
     * @return the result, as {@code a.logicalNot()}
     */
    public static Tensor logicalNot(Tensor a) {
        return a.logicalNot();
    }

    /**
     * {@code torch.atan2(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.atan2(...)}
     */
    public static Tensor atan2(Tensor a, Tensor b) {
        return a.atan2(b);
    }

    /**
     * {@code torch.fmod(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.fmod(...)}
     */
    public static Tensor fmod(Tensor a, Tensor b) {
        return a.fmod(b);
    }

    /**
     * {@code torch.fmod(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.fmod(...)}
     */
    public static Tensor fmod(Tensor a, double b) {
        return a.fmod(b);
    }

    /**
     * {@code torch.remainder(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.remainder(...)}
     */
    public static Tensor remainder(Tensor a, Tensor b) {
        return a.remainder(b);
    }

    /**
     * {@code torch.remainder(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.remainder(...)}
     */
    public static Tensor remainder(Tensor a, double b) {
        return a.remainder(b);
    }

    /**
     * {@code torch.hypot(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.hypot(...)}
     */
    public static Tensor hypot(Tensor a, Tensor b) {
        return a.hypot(b);
    }

    /**
     * {@code torch.logaddexp(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.logaddexp(...)}
     */
    public static Tensor logaddexp(Tensor a, Tensor b) {
        return a.logaddexp(b);
    }

    /**
     * {@code torch.xlogy(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.xlogy(...)}
     */
    public static Tensor xlogy(Tensor a, Tensor b) {
        return a.xlogy(b);
    }

    /**
     * {@code torch.xlogy(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.xlogy(...)}
     */
    public static Tensor xlogy(Tensor a, double b) {
        return a.xlogy(b);
    }

    /**
     * {@code torch.lerp(a, end, weight)}.
     *
     * @param a the input tensor
     * @param end the end point
     * @param weight the interpolation weight
     * @return the result, as {@code a.lerp(...)}
     */
    public static Tensor lerp(Tensor a, Tensor end, double weight) {
        return a.lerp(end, weight);
    }

    /**
     * {@code torch.lerp(a, end, weight)}.
     *
     * @param a the input tensor
     * @param end the end point
     * @param weight the interpolation weight
     * @return the result, as {@code a.lerp(...)}
     */
    public static Tensor lerp(Tensor a, Tensor end, Tensor weight) {
        return a.lerp(end, weight);
    }

    /**
     * {@code torch.amax(a, dims, keepdim)}.
     *
     * @param a the input tensor
     * @param dims the dimensions
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return the result, as {@code a.amax(...)}
     */
    public static Tensor amax(Tensor a, int[] dims, boolean keepdim) {
        return a.amax(dims, keepdim);
    }

    /**
     * {@code torch.amin(a, dims, keepdim)}.
     *
     * @param a the input tensor
     * @param dims the dimensions
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return the result, as {@code a.amin(...)}
     */
    public static Tensor amin(Tensor a, int[] dims, boolean keepdim) {
        return a.amin(dims, keepdim);
    }

    /**
     * {@code torch.logsumexp(a, dim)}.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.logsumexp(...)}
     */
    public static Tensor logsumexp(Tensor a, int dim) {
        return a.logsumexp(dim);
    }

    /**
     * {@code torch.logsumexp(a, dims, keepdim)}.
     *
     * @param a the input tensor
     * @param dims the dimensions
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return the result, as {@code a.logsumexp(...)}
     */
    public static Tensor logsumexp(Tensor a, int[] dims, boolean keepdim) {
        return a.logsumexp(dims, keepdim);
    }

    /**
     * {@code torch.cumsum(a, dim)}.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.cumsum(...)}
     */
    public static Tensor cumsum(Tensor a, int dim) {
        return a.cumsum(dim);
    }

    /**
     * {@code torch.cumprod(a, dim)}.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @return the result, as {@code a.cumprod(...)}
     */
    public static Tensor cumprod(Tensor a, int dim) {
        return a.cumprod(dim);
    }

    /**
     * {@code torch.norm(a)}.
     *
     * @param a the input tensor
     * @return the result, as {@code a.norm()}
     */
    public static Tensor norm(Tensor a) {
        return a.norm();
    }

    /**
     * {@code torch.norm(a, p)}.
     *
     * @param a the input tensor
     * @param p the order of the norm
     * @return the result, as {@code a.norm(...)}
     */
    public static Tensor norm(Tensor a, double p) {
        return a.norm(p);
    }

    /**
     * {@code torch.norm(a, p, dims, keepdim)}.
     *
     * @param a the input tensor
     * @param p the order of the norm
     * @param dims the dimensions
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return the result, as {@code a.norm(...)}
     */
    public static Tensor norm(Tensor a, double p, int[] dims, boolean keepdim) {
        return a.norm(p, dims, keepdim);
    }

    /**
     * {@code torch.all(a)}.
     *
     * @param a the input tensor
     * @return the result, as {@code a.all()}
     */
    public static Tensor all(Tensor a) {
        return a.all();
    }

    /**
     * {@code torch.any(a)}.
     *
     * @param a the input tensor
     * @return the result, as {@code a.any()}
     */
    public static Tensor any(Tensor a) {
        return a.any();
    }

    /**
     * {@code torch.masked_fill(a, mask, value)}.
     *
     * @param a the input tensor
     * @param mask the bool mask, broadcast to this tensor
     * @param value the value written where the mask is true
     * @return the result, as {@code a.maskedFill(...)}
     */
    public static Tensor maskedFill(Tensor a, Tensor mask, double value) {
        return a.maskedFill(mask, value);
    }

    /**
     * {@code torch.eq(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.eq(...)}
     */
    public static Tensor eq(Tensor a, Tensor b) {
        return a.eq(b);
    }

    /**
     * {@code torch.ne(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.ne(...)}
     */
    public static Tensor ne(Tensor a, Tensor b) {
        return a.ne(b);
    }

    /**
     * {@code torch.lt(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.lt(...)}
     */
    public static Tensor lt(Tensor a, Tensor b) {
        return a.lt(b);
    }

    /**
     * {@code torch.le(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.le(...)}
     */
    public static Tensor le(Tensor a, Tensor b) {
        return a.le(b);
    }

    /**
     * {@code torch.gt(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.gt(...)}
     */
    public static Tensor gt(Tensor a, Tensor b) {
        return a.gt(b);
    }

    /**
     * {@code torch.ge(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.ge(...)}
     */
    public static Tensor ge(Tensor a, Tensor b) {
        return a.ge(b);
    }

    /**
     * {@code torch.logical_and(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.logicalAnd(...)}
     */
    public static Tensor logicalAnd(Tensor a, Tensor b) {
        return a.logicalAnd(b);
    }

    /**
     * {@code F.softplus(a, beta, threshold)}.
     *
     * @param a the input tensor
     * @param beta the scale β
     * @param threshold above this β·x the result is x
     * @return the result, as {@code a.softplus(...)}
     */
    public static Tensor softplus(Tensor a, double beta, double threshold) {
        return a.softplus(beta, threshold);
    }

    /**
     * {@code F.hardtanh(a, min_val, max_val)}.
     *
     * @param a the input tensor
     * @param min the lower bound
     * @param max the upper bound
     * @return the result, as {@code a.hardtanh(...)}
     */
    public static Tensor hardtanh(Tensor a, double min, double max) {
        return a.hardtanh(min, max);
    }

    /**
     * {@code F.elu(a, alpha)}.
     *
     * @param a the input tensor
     * @param alpha the scale of the negative part
     * @return the result, as {@code a.elu(...)}
     */
    public static Tensor elu(Tensor a, double alpha) {
        return a.elu(alpha);
    }

    /**
     * {@code F.leaky_relu(a, negative_slope)}.
     *
     * @param a the input tensor
     * @param negativeSlope the slope for negative inputs
     * @return the result, as {@code a.leakyRelu(...)}
     */
    public static Tensor leakyRelu(Tensor a, double negativeSlope) {
        return a.leakyRelu(negativeSlope);
    }

    /**
     * {@code torch.nan_to_num(a, nan, posinf, neginf)}.
     *
     * @param a the input tensor
     * @param nan the replacement for NaN
     * @param posinf the replacement for +∞
     * @param neginf the replacement for -∞
     * @return the result, as {@code a.nanToNum(...)}
     */
    public static Tensor nanToNum(Tensor a, double nan, double posinf, double neginf) {
        return a.nanToNum(nan, posinf, neginf);
    }

    /**
     * {@code torch.square(a)}.
     *
     * @param a the input tensor
     * @return the result, as {@code a.square()}
     */
    public static Tensor square(Tensor a) {
        return a.square();
    }

    /**
     * {@code torch.rsub(a, other)}.
     *
     * @param a the input tensor
     * @param other the other operand, broadcast with this tensor
     * @return the result, as {@code a.rsub(...)}
     */
    public static Tensor rsub(Tensor a, double other) {
        return a.rsub(other);
    }

    /**
     * {@code torch.clamp(a, min=min)}.
     *
     * @param a the input tensor
     * @param min the lower bound (NaN: none)
     * @return the result, as {@code a.clampMin(...)}
     */
    public static Tensor clampMin(Tensor a, double min) {
        return a.clampMin(min);
    }

    /**
     * {@code torch.clamp(a, max=max)}.
     *
     * @param a the input tensor
     * @param max the upper bound (NaN: none)
     * @return the result, as {@code a.clampMax(...)}
     */
    public static Tensor clampMax(Tensor a, double max) {
        return a.clampMax(max);
    }

    /**
     * {@code torch.var(a)}.
     *
     * @param a the input tensor
     * @return the result, as {@code a.var()}
     */
    public static Tensor var(Tensor a) {
        return a.var();
    }

    /**
     * {@code torch.std(a)}.
     *
     * @param a the input tensor
     * @return the result, as {@code a.std()}
     */
    public static Tensor std(Tensor a) {
        return a.std();
    }

    /**
     * {@code torch.permute(a, dims)}.
     *
     * @param a the input tensor
     * @param dims the dimensions
     * @return the result, as {@code a.permute(...)}
     */
    public static Tensor permute(Tensor a, int... dims) {
        return a.permute(dims);
    }

    /**
     * {@code torch.narrow(a, dim, start, length)}.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param start the first index
     * @param length the number of entries
     * @return the result, as {@code a.narrow(...)}
     */
    public static Tensor narrow(Tensor a, int dim, long start, long length) {
        return a.narrow(dim, start, length);
    }

    /**
     * {@code torch.select(a, dim, index)}.
     *
     * @param a the input tensor
     * @param dim the dimension (negative counts from the end)
     * @param index the index (negative counts from the end)
     * @return the result, as {@code a.select(...)}
     */
    public static Tensor select(Tensor a, int dim, long index) {
        return a.select(dim, index);
    }

    /**
     * {@code torch.squeeze(a)}.
     *
     * @param a the input tensor
     * @return the result, as {@code a.squeeze()}
     */
    public static Tensor squeeze(Tensor a) {
        return a.squeeze();
    }

    /**
     * {@code torch.clone(a)}.
     *
     * @param a the input tensor
     * @return the result, as {@code a.clone()}
     */
    public static Tensor clone(Tensor a) {
        return a.clone();
    }

    /**
     * {@code torch.pow(a, exponent) with an integer exponent}.
     *
     * @param a the input tensor
     * @param exponent the exponent
     * @return the result, as {@code a.pow(...)}
     */
    public static Tensor pow(Tensor a, long exponent) {
        return a.pow(exponent);
    }

    /**
     * {@code torch.add(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.add(...)}
     */
    public static Tensor add(Tensor a, double b) {
        return a.add(b);
    }

    /**
     * {@code torch.sub(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.sub(...)}
     */
    public static Tensor sub(Tensor a, double b) {
        return a.sub(b);
    }

    /**
     * {@code torch.mul(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.mul(...)}
     */
    public static Tensor mul(Tensor a, double b) {
        return a.mul(b);
    }

    /**
     * {@code torch.div(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the result, as {@code a.div(...)}
     */
    public static Tensor div(Tensor a, double b) {
        return a.div(b);
    }

    /**
     * {@code torch.result_type(a, b)}.
     *
     * @param a the input tensor
     * @param b the second operand
     * @return the dtype
     */
    public static DType resultType(Tensor a, Tensor b) {
        return Promotion.resultType(in(a), in(b));
    }

    // ------------------------------------------------------------------ out= forms (torch.f(..., out=t))

    /**
     * {@code torch.add(a, b, out=out)}: {@code a + b} written into {@code out}, which is returned. Every out= form
     * ({@code Torch.f(inputs..., out)}: the binary and unary pointwise ops, add/sub with alpha, {@code mm}) follows
     * PyTorch 1.13.1: no input nor out may require grad while grad mode is on ({@code "add(): functions with out=...
     * arguments don't support automatic differentiation, but one of the arguments requires grad."}); out must not
     * partially overlap an input (out may be an input itself) nor have internal overlap; the result dtype must be
     * castable to out's ({@code "result type Float can't be cast to the desired output type Long"}), and the values
     * are computed as the functional form computes them, then cast; an out of another shape is resized to the
     * result's (contiguous), with PyTorch's deprecation {@code UserWarning} unless it had no elements; the values
     * are written through out's strides (straight into its storage when the dtype matches, no temporary), and out's
     * version counter is bumped.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor add(Tensor a, Tensor b, Tensor out) {
        Binary.ADD.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.add(a, b, alpha=alpha, out=out)}: {@code a + alpha·b} (one rounding, as {@link #add(Tensor, Tensor,
     * double)}) written into out, as {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param alpha the factor of b (a Python float)
     * @param out the destination
     * @return out
     */
    public static Tensor add(Tensor a, Tensor b, double alpha, Tensor out) {
        Pointwise.addAlphaOut(false, a.impl(), b.impl(), alpha, true, out.impl());
        return out;
    }

    /**
     * {@code torch.add(a, b, alpha=alpha, out=out)} with a Python-int alpha, as {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param alpha the factor of b
     * @param out the destination
     * @return out
     */
    public static Tensor add(Tensor a, Tensor b, long alpha, Tensor out) {
        Pointwise.addAlphaOut(false, a.impl(), b.impl(), alpha, false, out.impl());
        return out;
    }

    /**
     * {@code torch.sub(a, b, alpha=alpha, out=out)}: {@code a − alpha·b} written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param alpha the factor of b (a Python float)
     * @param out the destination
     * @return out
     */
    public static Tensor sub(Tensor a, Tensor b, double alpha, Tensor out) {
        Pointwise.addAlphaOut(true, a.impl(), b.impl(), alpha, true, out.impl());
        return out;
    }

    /**
     * {@code torch.sub(a, b, alpha=alpha, out=out)} with a Python-int alpha, as {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param alpha the factor of b
     * @param out the destination
     * @return out
     */
    public static Tensor sub(Tensor a, Tensor b, long alpha, Tensor out) {
        Pointwise.addAlphaOut(true, a.impl(), b.impl(), alpha, false, out.impl());
        return out;
    }

    /**
     * {@code torch.mm(a, b, out=out)}: the matrix product written into out, as {@link #add(Tensor, Tensor, Tensor)}
     * but with a structured kernel's dtype rule: out must have the product's dtype ({@code "Expected out tensor to
     * have dtype float, but got double instead"}). The GEMM writes straight into a row-major out.
     *
     * @param a a {@code [m, k]} matrix
     * @param b a {@code [k, n]} matrix
     * @param out the destination
     * @return out
     */
    public static Tensor mm(Tensor a, Tensor b, Tensor out) {
        LinearAlgebra.mmOut(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.sub(a, b, out=out)}: {@link #sub(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor sub(Tensor a, Tensor b, Tensor out) {
        Binary.SUB.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.mul(a, b, out=out)}: {@link #mul(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor mul(Tensor a, Tensor b, Tensor out) {
        Binary.MUL.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.div(a, b, out=out)}: {@link #div(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor div(Tensor a, Tensor b, Tensor out) {
        Binary.DIV.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.maximum(a, b, out=out)}: {@link #maximum(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor maximum(Tensor a, Tensor b, Tensor out) {
        Binary.MAXIMUM.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.minimum(a, b, out=out)}: {@link #minimum(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor minimum(Tensor a, Tensor b, Tensor out) {
        Binary.MINIMUM.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.pow(a, b, out=out)}: {@link #pow(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor pow(Tensor a, Tensor b, Tensor out) {
        Binary.POW.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.atan2(a, b, out=out)}: {@link #atan2(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor atan2(Tensor a, Tensor b, Tensor out) {
        Binary.ATAN2.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.fmod(a, b, out=out)}: {@link #fmod(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor fmod(Tensor a, Tensor b, Tensor out) {
        Binary.FMOD.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.remainder(a, b, out=out)}: {@link #remainder(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor remainder(Tensor a, Tensor b, Tensor out) {
        Binary.REMAINDER.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.hypot(a, b, out=out)}: {@link #hypot(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor hypot(Tensor a, Tensor b, Tensor out) {
        Binary.HYPOT.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.logaddexp(a, b, out=out)}: {@link #logaddexp(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor logaddexp(Tensor a, Tensor b, Tensor out) {
        Binary.LOGADDEXP.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.xlogy(a, b, out=out)}: {@link #xlogy(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor xlogy(Tensor a, Tensor b, Tensor out) {
        Binary.XLOGY.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.eq(a, b, out=out)}: {@link #eq(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor eq(Tensor a, Tensor b, Tensor out) {
        Binary.EQ.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.ne(a, b, out=out)}: {@link #ne(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor ne(Tensor a, Tensor b, Tensor out) {
        Binary.NE.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.lt(a, b, out=out)}: {@link #lt(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor lt(Tensor a, Tensor b, Tensor out) {
        Binary.LT.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.le(a, b, out=out)}: {@link #le(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor le(Tensor a, Tensor b, Tensor out) {
        Binary.LE.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.gt(a, b, out=out)}: {@link #gt(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor gt(Tensor a, Tensor b, Tensor out) {
        Binary.GT.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.ge(a, b, out=out)}: {@link #ge(Tensor, Tensor)}'s values written into out, as
     * {@link #add(Tensor, Tensor, Tensor)}.
     *
     * @param a the input tensor
     * @param b the second operand, broadcast with a
     * @param out the destination
     * @return out
     */
    public static Tensor ge(Tensor a, Tensor b, Tensor out) {
        Binary.GE.out(a.impl(), b.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.neg(a, out=out)}: {@link #neg(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor neg(Tensor a, Tensor out) {
        Unary.NEG.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.exp(a, out=out)}: {@link #exp(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor exp(Tensor a, Tensor out) {
        Unary.EXP.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.log(a, out=out)}: {@link #log(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor log(Tensor a, Tensor out) {
        Unary.LOG.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.sqrt(a, out=out)}: {@link #sqrt(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor sqrt(Tensor a, Tensor out) {
        Unary.SQRT.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.abs(a, out=out)}: {@link #abs(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor abs(Tensor a, Tensor out) {
        Unary.ABS.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.sign(a, out=out)}: {@link #sign(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor sign(Tensor a, Tensor out) {
        Unary.SIGN.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.sgn(a, out=out)}: {@link #sgn(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor sgn(Tensor a, Tensor out) {
        Unary.SGN.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.sin(a, out=out)}: {@link #sin(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor sin(Tensor a, Tensor out) {
        Unary.SIN.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.cos(a, out=out)}: {@link #cos(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor cos(Tensor a, Tensor out) {
        Unary.COS.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.tan(a, out=out)}: {@link #tan(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor tan(Tensor a, Tensor out) {
        Unary.TAN.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.tanh(a, out=out)}: {@link #tanh(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor tanh(Tensor a, Tensor out) {
        Unary.TANH.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.sigmoid(a, out=out)}: {@link #sigmoid(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor sigmoid(Tensor a, Tensor out) {
        Unary.SIGMOID.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.reciprocal(a, out=out)}: {@link #reciprocal(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor reciprocal(Tensor a, Tensor out) {
        Unary.RECIPROCAL.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.log1p(a, out=out)}: {@link #log1p(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor log1p(Tensor a, Tensor out) {
        Unary.LOG1P.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.expm1(a, out=out)}: {@link #expm1(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor expm1(Tensor a, Tensor out) {
        Unary.EXPM1.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.log2(a, out=out)}: {@link #log2(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor log2(Tensor a, Tensor out) {
        Unary.LOG2.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.log10(a, out=out)}: {@link #log10(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor log10(Tensor a, Tensor out) {
        Unary.LOG10.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.exp2(a, out=out)}: {@link #exp2(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor exp2(Tensor a, Tensor out) {
        Unary.EXP2.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.rsqrt(a, out=out)}: {@link #rsqrt(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor rsqrt(Tensor a, Tensor out) {
        Unary.RSQRT.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.asin(a, out=out)}: {@link #asin(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor asin(Tensor a, Tensor out) {
        Unary.ASIN.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.acos(a, out=out)}: {@link #acos(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor acos(Tensor a, Tensor out) {
        Unary.ACOS.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.atan(a, out=out)}: {@link #atan(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor atan(Tensor a, Tensor out) {
        Unary.ATAN.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.sinh(a, out=out)}: {@link #sinh(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor sinh(Tensor a, Tensor out) {
        Unary.SINH.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.cosh(a, out=out)}: {@link #cosh(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor cosh(Tensor a, Tensor out) {
        Unary.COSH.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.asinh(a, out=out)}: {@link #asinh(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor asinh(Tensor a, Tensor out) {
        Unary.ASINH.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.acosh(a, out=out)}: {@link #acosh(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor acosh(Tensor a, Tensor out) {
        Unary.ACOSH.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.atanh(a, out=out)}: {@link #atanh(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor atanh(Tensor a, Tensor out) {
        Unary.ATANH.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.erf(a, out=out)}: {@link #erf(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor erf(Tensor a, Tensor out) {
        Unary.ERF.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.erfc(a, out=out)}: {@link #erfc(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor erfc(Tensor a, Tensor out) {
        Unary.ERFC.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.floor(a, out=out)}: {@link #floor(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor floor(Tensor a, Tensor out) {
        Unary.FLOOR.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.ceil(a, out=out)}: {@link #ceil(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor ceil(Tensor a, Tensor out) {
        Unary.CEIL.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.round(a, out=out)}: {@link #round(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor round(Tensor a, Tensor out) {
        Unary.ROUND.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.trunc(a, out=out)}: {@link #trunc(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor trunc(Tensor a, Tensor out) {
        Unary.TRUNC.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.frac(a, out=out)}: {@link #frac(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor frac(Tensor a, Tensor out) {
        Unary.FRAC.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.nan_to_num(a, out=out)}: {@link #nanToNum(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor nanToNum(Tensor a, Tensor out) {
        Unary.NAN_TO_NUM.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.sinc(a, out=out)}: {@link #sinc(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor sinc(Tensor a, Tensor out) {
        Unary.SINC.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.deg2rad(a, out=out)}: {@link #deg2rad(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor deg2rad(Tensor a, Tensor out) {
        Unary.DEG2RAD.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.rad2deg(a, out=out)}: {@link #rad2deg(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor rad2deg(Tensor a, Tensor out) {
        Unary.RAD2DEG.out(a.impl(), out.impl());
        return out;
    }

    /**
     * {@code torch.logical_not(a, out=out)}: {@link #logicalNot(Tensor)}'s values written into out, as {@link #add(Tensor, Tensor,
     * Tensor)}.
     *
     * @param a the input tensor
     * @param out the destination
     * @return out
     */
    public static Tensor logicalNot(Tensor a, Tensor out) {
        Unary.LOGICAL_NOT.out(a.impl(), out.impl());
        return out;
    }
}
