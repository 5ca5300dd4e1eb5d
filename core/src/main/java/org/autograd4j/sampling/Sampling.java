package org.autograd4j.sampling;

import java.util.Locale;

import org.autograd4j.DType;
import org.autograd4j.math.AvxMath;
import org.autograd4j.math.Libm;
import org.autograd4j.storage.Storage;

/**
 * PyTorch 1.13.1's CPU sampling algorithms, bit for bit, written into a {@link Storage}.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Every method takes the engine to draw from first: a generator's {@link Mt19937}, from
 *       {@link Engines#of}. It is never null: the caller ({@code org.autograd4j.ops.RandomOps}) has already
 *       replaced PyTorch's {@code generator=None} by the default generator, because this package may not
 *       name the public {@code Generator} (see {@link Engines}).</li>
 *   <li>Outputs are written to elements {@code offset … offset+n−1} of the storage in the order PyTorch fills
 *       the tensor, which is memory order for a contiguous tensor. For a non-contiguous tensor PyTorch's
 *       {@code TensorIterator} fills elements with the dimensions sorted by stride (memory order for
 *       transposed, permuted or sliced views, not the view's row-major order), so the caller samples into a
 *       temporary storage of {@code numel} elements and places it in that order
 *       ({@code org.autograd4j.ops.RandomOps}).</li>
 *   <li>The storage's dtype selects PyTorch's kernel for that dtype, as {@code AT_DISPATCH} does; a dtype
 *       PyTorch's kernel does not dispatch to throws PyTorch's {@code "… not implemented for 'Long'"}.</li>
 *   <li>Each call holds the engine's lock ({@link Mt19937#lock()}, the generator's monitor) for its whole
 *       duration, as PyTorch holds the generator's mutex per op.</li>
 *   <li>Argument errors throw {@link IllegalArgumentException} with PyTorch's message.</li>
 * </ul>
 *
 * <h2>One algorithm per sampler</h2>
 * Most of PyTorch's CPU samplers draw a double sample whatever the dtype
 * ({@code at::exponential_distribution<double>}, …) and store {@code static_cast<scalar_t>(sample)}; here
 * each of those is one loop that computes the double and stores it with {@link Storage#setDouble}, whose
 * conversion is that cast. Two stay split by dtype, each with the reason at its code: {@code uniform_}
 * computes in the dtype itself (float arithmetic for float32, which a double computation would round twice),
 * and the 16-wide fill path of {@code normal_} is a different algorithm for float32 (AVX2, Cephes
 * log/sincos) than for float64 (scalar, glibc log/cos/sin).
 *
 * <h2>Uniform bits</h2>
 * float32 draws use {@code (random() & 0xFFFFFF)·2⁻²⁴}; float64 draws use
 * {@code (random64() & (2⁵³−1))·2⁻⁵³} ({@code at::uniform_real_distribution}).
 *
 * <h2>Exactness</h2>
 * Uniform, randint, random, randperm and bernoulli use integer arithmetic and correctly rounded IEEE
 * operations only, so they are bit-exact. Float32 normal on the fill path uses {@link AvxMath}, bit-exact.
 * Samplers that call the C library's double {@code log}/{@code sin}/{@code cos}/{@code tan}/{@code exp}
 * (float64 normal, the scalar normal path, exponential, multinomial without replacement, geometric, cauchy,
 * log-normal) go through {@link Libm}, whose pure-Java ports of glibc 2.36's functions (FMA build) make them
 * bit-exact too.
 *
 * <h2>Array forms</h2>
 * The overloads on {@code float[]}, {@code double[]}, {@code long[]} and {@code boolean[]} wrap the array in
 * its storage and call the storage form; they remain until every caller passes storages.
 */
public final class Sampling {

    private Sampling() {
    }

    /** The float32 2π that the AVX2 fill path uses: {@code _mm256_set1_ps(2.0f * c10::pi<double>)}. */
    private static final float TWO_PI_F = (float) (2.0 * Math.PI);

    /** Size from which (contiguous) normal sampling uses the 16-wide fill path. */
    public static final int NORMAL_FILL_MIN = 16;

    // ====================================================================================================
    // Uniform

    /**
     * {@code tensor.uniform_(from, to)} / {@code torch.rand} (from = 0, to = 1), for float32 and float64
     * storage ({@code uniform_kernel}, {@code at::uniform_real_distribution<scalar_t>}): each element is
     * {@code fma(u, to − from, from)} computed in the storage's dtype, with from and to first cast to it and
     * u that dtype's uniform draw (see the class documentation). PyTorch's AVX2 build fuses the multiply-add.
     *
     * @param e      engine to draw from, not null (see the class documentation)
     * @param s      destination, float32 or float64
     * @param offset first element written
     * @param n      number of samples
     * @param from   lower bound (inclusive)
     * @param to     upper bound (exclusive)
     * @throws IllegalArgumentException for another dtype ({@code "check_uniform_bounds" not implemented}), for
     *                                  bounds outside the dtype's range, {@code from > to}, or a range
     *                                  {@code to − from} above the dtype's maximum (PyTorch's messages)
     */
    public static void uniform(Mt19937 e, Storage s, int offset, int n, double from, double to) {
        // PyTorch computes uniform_real_distribution<scalar_t> in scalar_t: for float32, one float fma of
        // float operands. Computing it in double and rounding to float would round twice and differ in rare
        // last bits, so float32 and float64 keep their own loops.
        switch (s) {
            case Storage.F32 f -> uniformF32(e, f.data, offset, n, from, to);
            case Storage.F64 d -> uniformF64(e, d.data, offset, n, from, to);
            default -> throw notImplemented("check_uniform_bounds", s);
        }
    }

    private static void uniformF32(Mt19937 e, float[] out, int off, int n, double from, double to) {
        checkUniform(from, to, -Float.MAX_VALUE, Float.MAX_VALUE, "float");
        float f = (float) clamp(from, -Float.MAX_VALUE, Float.MAX_VALUE);
        float t = (float) clamp(to, -Float.MAX_VALUE, Float.MAX_VALUE);
        float range = t - f;
        synchronized (e.lock()) {
            for (int i = 0; i < n; i++) {
                out[off + i] = Math.fma(e.nextFloat01(), range, f);
            }
        }
    }

    private static void uniformF64(Mt19937 e, double[] out, int off, int n, double from, double to) {
        checkUniform(from, to, -Double.MAX_VALUE, Double.MAX_VALUE, "double");
        double range = to - from;
        synchronized (e.lock()) {
            for (int i = 0; i < n; i++) {
                out[off + i] = Math.fma(e.nextDouble01(), range, from);
            }
        }
    }

    private static void checkUniform(double from, double to, double min, double max, String dtype) {
        if (!(from >= min && from <= max)) {
            throw new IllegalArgumentException("from is out of bounds for " + dtype);
        }
        if (!(to >= min && to <= max)) {
            throw new IllegalArgumentException("to is out of bounds for " + dtype);
        }
        if (!(from <= to)) {
            throw new IllegalArgumentException("uniform_ expects to return a [from, to) range, but found from="
                    + cpp(from) + " > to=" + cpp(to));
        }
        if (!(to - from <= max)) {
            throw new IllegalArgumentException("uniform_ expects to-from <= std::numeric_limits<" + dtype
                    + ">::max(), but found to=" + cpp(to) + " and from=" + cpp(from)
                    + " which result in to-from to exceed the limit");
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.min(Math.max(v, lo), hi);
    }

    // ====================================================================================================
    // Normal

    /**
     * {@code tensor.normal_(mean, std)} / {@code torch.randn} (0, 1), for float32 and float64 storage
     * ({@code normal_kernel}).
     *
     * <p><b>Fill path</b> ({@code contiguous && n ≥ 16}, PyTorch's {@code normal_fill}): draw n uniforms of the
     * dtype into the destination; transform each whole block of 16 with Box–Muller ({@code u1 = 1 − d[j]},
     * {@code u2 = d[j+8]}, {@code r = sqrt(−2·log u1)}, {@code θ = 2π·u2}, {@code d[j] = fma(r·cos θ, std,
     * mean)}, {@code d[j+8] = fma(r·sin θ, std, mean)}, j &lt; 8); if {@code n % 16 ≠ 0}, draw 16 fresh
     * uniforms into the last 16 slots and transform them again (n + 16 draws). float32 computes the block in
     * float with mean and std rounded to float and PyTorch's AVX2 log/sincos ({@link AvxMath}); float64 in
     * double with the C library's log/cos/sin ({@link Libm}). The engine's cached normal is neither used
     * nor changed.
     *
     * <p><b>Scalar path</b> (otherwise): each element is {@code fma(z, std, mean)} in double, cast to the
     * dtype, z from {@link #nextStandardNormal(Mt19937)}, which uses and refills the engine's cached
     * sample. For a non-contiguous tensor pass {@code contiguous = false} and a temporary storage (see the
     * class documentation).
     *
     * @param e          engine to draw from, not null (see the class documentation)
     * @param s          destination, float32 or float64
     * @param offset     first element written
     * @param n          number of samples (the tensor's numel)
     * @param mean       mean
     * @param std        standard deviation (≥ 0)
     * @param contiguous whether the destination tensor is contiguous
     * @throws IllegalArgumentException for std &lt; 0 or NaN, then for another dtype (PyTorch's order)
     */
    public static void normal(Mt19937 e, Storage s, int offset, int n, double mean, double std,
                              boolean contiguous) {
        checkStd(std);
        requireFloat(s, "normal_kernel_cpu");
        synchronized (e.lock()) {
            if (contiguous && n >= NORMAL_FILL_MIN) {
                normalFill(e, s, offset, n, mean, std);
            } else {
                for (int i = 0; i < n; i++) {
                    s.setDouble(offset + i, Math.fma(nextStandardNormal(e), std, mean));
                }
            }
        }
    }

    /**
     * One standard normal sample of {@code at::normal_distribution<double>}: if the engine holds a cached
     * sample, return it and clear the cache; otherwise draw {@code u1, u2} (float64 uniforms), compute
     * {@code r = sqrt(−2·log(1 − u2))}, {@code θ = 2π·u1}, cache {@code r·sin θ} and return {@code r·cos θ}.
     * The caller applies {@code fma(z, std, mean)}.
     *
     * @param e engine to draw from, not null (see the class documentation)
     * @return a standard normal sample
     */
    public static double nextStandardNormal(Mt19937 e) {
        synchronized (e.lock()) {
            if (e.hasNextDoubleNormal()) {
                return e.takeNextDoubleNormal();
            }
            double u1 = e.nextDouble01();
            double u2 = e.nextDouble01();
            double r = Math.sqrt(-2.0 * Libm.log(1.0 - u2));
            double theta = 2.0 * Math.PI * u1;
            e.setNextDoubleNormal(r * Libm.sin(theta));
            return r * Libm.cos(theta);
        }
    }

    private static void checkStd(double std) {
        if (!(std >= 0.0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + cpp(std));
        }
    }

    /** Transforms the 16 uniforms at {@code p} into 16 normal samples, in place. */
    @FunctionalInterface
    private interface Block16 {
        void transform(int p);
    }

    // The fill path's skeleton is PyTorch's normal_fill (and normal_fill_AVX2) for both dtypes: uniforms,
    // whole blocks, then the last 16 redrawn. The block transform is dtype-specific, see normal16F32.
    private static void normalFill(Mt19937 e, Storage s, int off, int n, double mean, double std) {
        Block16 block = switch (s) {
            case Storage.F32 f -> {
                float m = (float) mean;
                float sd = (float) std;
                float[] sc = new float[2];
                yield p -> normal16F32(f.data, p, m, sd, sc);
            }
            case Storage.F64 d -> p -> normal16F64(d.data, p, mean, std);
            default -> throw notImplemented("normal_kernel_cpu", s);
        };
        drawUniforms01(e, s, off, n);
        for (int i = 0; i < n - 15; i += 16) {
            block.transform(off + i);
        }
        if (n % 16 != 0) {
            int base = off + n - 16;
            drawUniforms01(e, s, base, 16);
            block.transform(base);
        }
    }

    // uniform_real_distribution<scalar_t>(0, 1): the dtype's own draw (24 or 53 bits).
    private static void drawUniforms01(Mt19937 e, Storage s, int off, int n) {
        switch (s) {
            case Storage.F32 f -> {
                for (int i = 0; i < n; i++) {
                    f.data[off + i] = e.nextFloat01();
                }
            }
            case Storage.F64 d -> {
                for (int i = 0; i < n; i++) {
                    d.data[off + i] = e.nextDouble01();
                }
            }
            default -> throw notImplemented("normal_kernel_cpu", s);
        }
    }

    // float32 and float64 blocks are different algorithms in PyTorch's AVX2 build: float32 runs
    // normal_fill_16_AVX2 (8 float lanes, Cephes log/sincos of avx_mathfun.h, some mul+add fused), float64
    // the scalar normal_fill_16<double> (glibc log/cos/sin). One double computation cannot give both.
    private static void normal16F32(float[] d, int p, float mean, float std, float[] sc) {
        for (int j = 0; j < 8; j++) {
            float u1 = 1f - d[p + j];
            float u2 = d[p + j + 8];
            float radius = (float) Math.sqrt(-2f * AvxMath.log(u1));
            float theta = TWO_PI_F * u2;
            AvxMath.sincos(theta, sc);
            d[p + j] = Math.fma(radius * sc[1], std, mean);
            d[p + j + 8] = Math.fma(radius * sc[0], std, mean);
        }
    }

    private static void normal16F64(double[] d, int p, double mean, double std) {
        for (int j = 0; j < 8; j++) {
            double u1 = 1 - d[p + j];
            double u2 = d[p + j + 8];
            double radius = Math.sqrt(-2 * Libm.log(u1));
            double theta = 2.0 * Math.PI * u2;
            d[p + j] = Math.fma(radius * Libm.cos(theta), std, mean);
            d[p + j + 8] = Math.fma(radius * Libm.sin(theta), std, mean);
        }
    }

    /**
     * {@code tensor.log_normal_(mean, std)} for float32 and float64 storage ({@code log_normal_kernel},
     * {@code at::lognormal_distribution<double>}): each element is {@code exp(fma(z, std, mean))} in double,
     * z from {@link #nextStandardNormal(Mt19937)} (the scalar normal path, using the cache), cast to the
     * dtype.
     *
     * @param e      engine to draw from, not null (see the class documentation)
     * @param s      destination, float32 or float64
     * @param offset first element written
     * @param n      number of samples
     * @param mean   mean of the underlying normal
     * @param std    standard deviation of the underlying normal (&gt; 0)
     * @throws IllegalArgumentException unless std &gt; 0, then for another dtype (PyTorch's order)
     */
    public static void logNormal(Mt19937 e, Storage s, int offset, int n, double mean, double std) {
        checkLogNormal(std);
        requireFloat(s, "log_normal_cpu");
        synchronized (e.lock()) {
            for (int i = 0; i < n; i++) {
                s.setDouble(offset + i, Libm.exp(Math.fma(nextStandardNormal(e), std, mean)));
            }
        }
    }

    private static void checkLogNormal(double std) {
        if (!(std > 0.0)) {
            throw new IllegalArgumentException("log_normal_ expects std > 0.0, but found std=" + cpp(std));
        }
    }

    /**
     * PyTorch's {@code log_normal_} argument check, which it makes before looking at the tensor's dtype.
     *
     * @param std standard deviation of the underlying normal
     * @throws IllegalArgumentException {@code "log_normal_ expects std > 0.0, but found std=…"} unless std &gt; 0
     */
    public static void checkLogNormalStd(double std) {
        checkLogNormal(std);
    }

    // ====================================================================================================
    // Integers

    /**
     * {@code tensor.random_(low, high)} / {@code torch.randint(low, high)} for every dtype
     * ({@code random_from_to_kernel}, {@code uniform_int_from_to_distribution}): each element is
     * {@code (draw mod range) + low} with {@code range = high − low} (unsigned), cast to the dtype. The draw
     * is {@code random64()} for int64, float32 and float64 when {@code range ≥ 2³²}, else {@code random()};
     * bool always uses {@code random()}.
     *
     * <p>For float32 and float64, {@code low} and {@code high} are first moved inwards to the nearest bounds
     * whose neighbours survive the rounding to the dtype ({@code update_from}/{@code update_to}: 24 or 53
     * mantissa bits), e.g. high = 2⁴⁰ becomes 2⁴⁰ − 2¹⁶ for float32, which changes the range. For bool,
     * {@code low} and {@code high − 1} must be 0 or 1.
     *
     * @param e      engine to draw from, not null (see the class documentation)
     * @param s      destination, any dtype
     * @param offset first element written
     * @param n      number of samples
     * @param low    lowest value (inclusive)
     * @param high   one above the highest value (exclusive)
     * @throws IllegalArgumentException unless {@code low < high} (also after the float rounding), or for bool
     *                                  bounds outside {0, 1} (PyTorch's messages)
     */
    public static void randint(Mt19937 e, Storage s, int offset, int n, long low, long high) {
        long range = checkRange(low, high);
        DType dt = s.dtype();
        if (dt.isFloatingPoint()) {
            int digits = dt == DType.FLOAT32 ? 24 : 53;
            low = updateFrom(low, digits);
            high = updateTo(high, digits);
            range = checkRangeFp(low, high);
        } else if (dt == DType.BOOL) {
            if (low < 0 || low > 1) {
                throw new IllegalArgumentException("from is out of bounds for bool");
            }
            if (high - 1 < 0 || high - 1 > 1) {
                throw new IllegalArgumentException("to - 1 is out of bounds for bool");
            }
        }
        boolean wide = dt != DType.BOOL && Long.compareUnsigned(range, 1L << 32) >= 0;
        synchronized (e.lock()) {
            for (int i = 0; i < n; i++) {
                // setLong rounds to nearest for float32/float64 and tests != 0 for bool: static_cast<scalar_t>
                s.setLong(offset + i, nextInRange(e, range, low, wide));
            }
        }
    }

    /**
     * {@code torch.randint(low, high, dtype=torch.int32)} (also int16/int8/uint8 after a narrowing cast):
     * always {@code random() % range + low}, as PyTorch uses {@code random64()} only for int64 and floating
     * types. There is no int32 storage, so this form takes the array.
     *
     * @param e    engine to draw from, not null (see the class documentation)
     * @param out  destination
     * @param off  first index written
     * @param n    number of samples
     * @param low  lowest value (inclusive)
     * @param high one above the highest value (exclusive)
     * @throws IllegalArgumentException unless {@code low < high}
     */
    public static void randint(Mt19937 e, int[] out, int off, int n, long low, long high) {
        long range = checkRange(low, high);
        synchronized (e.lock()) {
            for (int i = 0; i < n; i++) {
                out[off + i] = (int) nextInRange(e, range, low, false);
            }
        }
    }

    private static long checkRange(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from="
                    + low + " >= to=" + high);
        }
        return high - low;
    }

    private static long checkRangeFp(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("random_ expects 'from' casted to dtype to be less than 'to' casted"
                    + " to dtype, but got from=" + low + " >= to=" + high);
        }
        return high - low;
    }

    // ATen's update_from: move `from` right until from+1 survives the rounding to `digits` mantissa bits.
    private static long updateFrom(long from, int digits) {
        long fromPlus1 = roundTo(from + 1, digits);
        if (fromPlus1 < from) {
            int n = 63 - Long.numberOfLeadingZeros(Math.abs(from + 1));
            from = fromPlus1 + (1L << (n - digits + 1));
        }
        return from;
    }

    // ATen's update_to: move `to` left until to−1 survives the rounding to `digits` mantissa bits.
    private static long updateTo(long to, int digits) {
        long toMinus1 = roundTo(to - 1, digits);
        if (toMinus1 >= to) {
            int n = 63 - Long.numberOfLeadingZeros(Math.abs(to - 1));
            to = toMinus1 - (1L << (n - digits + 1));
        }
        return to;
    }

    // static_cast<int64_t>(static_cast<scalar_t>(v)) for float (24 digits) or double (53).
    private static long roundTo(long v, int digits) {
        return digits == 24 ? (long) (float) v : (long) (double) v;
    }

    private static long nextInRange(Mt19937 e, long range, long base, boolean wide) {
        long v = wide ? e.nextU64() : (e.nextU32() & 0xffffffffL);
        return Long.remainderUnsigned(v, range) + base;
    }

    /**
     * {@code tensor.random_()} without bounds, for every dtype ({@code random_kernel},
     * {@code uniform_int_distribution<scalar_t>}): int64 {@code random64() mod 2⁶³}, float32
     * {@code random() mod (2²⁴ + 1)}, float64 {@code random64() mod (2⁵³ + 1)}, bool {@code random() & 1},
     * i.e. every integer the dtype holds exactly from 0 up to its largest such power of two (int64: its
     * maximum).
     *
     * @param e      engine to draw from, not null (see the class documentation)
     * @param s      destination, any dtype
     * @param offset first element written
     * @param n      number of samples
     */
    public static void random(Mt19937 e, Storage s, int offset, int n) {
        DType dt = s.dtype();
        // draws of random64() for int64 and float64, random() otherwise; the modulus 2^63 is
        // Long.MIN_VALUE read as unsigned, and 2 for bool is random() & 1
        boolean wide = dt == DType.INT64 || dt == DType.FLOAT64;
        long mod = switch (dt) {
            case INT64 -> Long.MIN_VALUE;
            case FLOAT32 -> (1L << 24) + 1;
            case FLOAT64 -> (1L << 53) + 1;
            case BOOL -> 2;
        };
        synchronized (e.lock()) {
            for (int i = 0; i < n; i++) {
                long v = wide ? e.nextU64() : (e.nextU32() & 0xffffffffL);
                s.setLong(offset + i, Long.remainderUnsigned(v, mod));
            }
        }
    }

    /**
     * {@code torch.randperm(n)} (CPU, any n; {@code randperm_cpu}) into int64 storage: start from the
     * identity and for {@code i = 0 … n−2} swap {@code p[i]} with {@code p[i + z]}, {@code z = random() % (n −
     * i)}. PyTorch runs the same swaps for every dtype, so other dtypes are this result cast.
     *
     * @param e      engine to draw from, not null (see the class documentation)
     * @param s      destination, int64; receives a permutation of 0 … n−1
     * @param offset first element written
     * @param n      permutation size (≥ 0)
     * @throws IllegalArgumentException for n &lt; 0 (PyTorch's message) or a storage that is not int64
     */
    public static void randperm(Mt19937 e, Storage s, int offset, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative, got" + n);
        }
        if (!(s instanceof Storage.I64 l)) {
            throw new IllegalArgumentException("randperm fills int64 storage, got " + s.dtype());
        }
        long[] out = l.data;
        for (int i = 0; i < n; i++) {
            out[offset + i] = i;
        }
        synchronized (e.lock()) {
            for (int i = 0; i < n - 1; i++) {
                int z = (int) ((e.nextU32() & 0xffffffffL) % (n - i));
                long sav = out[offset + i];
                out[offset + i] = out[offset + i + z];
                out[offset + i + z] = sav;
            }
        }
    }

    // ====================================================================================================
    // Bernoulli

    /**
     * {@code tensor.bernoulli_(p)} / {@code torch.bernoulli(t, p)} with a scalar p, for every dtype, as
     * PyTorch builds without MKL (and official builds on non-Intel CPUs) compute it
     * ({@code at::bernoulli_distribution<double>}): each element is {@code u < p ? 1 : 0} with {@code u} a
     * float64 uniform. {@code dropout(x, p)} on CPU samples its mask as {@code bernoulli_(1 − p)}.
     *
     * @param e      engine to draw from, not null (see the class documentation)
     * @param s      destination (0 or 1; false or true), any dtype
     * @param offset first element written
     * @param n      number of samples
     * @param p      probability of 1, in [0, 1]
     * @throws IllegalArgumentException unless 0 ≤ p ≤ 1 (PyTorch's message)
     */
    public static void bernoulli(Mt19937 e, Storage s, int offset, int n, double p) {
        checkP(p);
        synchronized (e.lock()) {
            for (int i = 0; i < n; i++) {
                s.setDouble(offset + i, e.nextDouble01() < p ? 1 : 0);
            }
        }
    }

    /**
     * {@code torch.bernoulli(probs)} / {@code out.bernoulli_(probs)} with a tensor of probabilities
     * ({@code bernoulli_kernel} with a tensor p): element i is {@code u < probs[i] ? 1 : 0}, with {@code u} a
     * <em>float32</em> uniform for float32 probabilities ({@code bernoulli_distribution<float>}, which PyTorch
     * uses for every non-double p) and a float64 uniform for float64 ones. {@code probs} must already be
     * broadcast to the output's shape and be given in the output's fill order; the output may have any dtype.
     *
     * @param e      engine to draw from, not null (see the class documentation)
     * @param probs  probabilities in [0, 1], float32 or float64
     * @param pOff   first probability read
     * @param out    destination (0 or 1), any dtype
     * @param offset first element written
     * @param n      number of samples
     * @throws IllegalArgumentException for integer or bool probabilities, or one outside [0, 1] (PyTorch's
     *                                  messages)
     */
    public static void bernoulli(Mt19937 e, Storage probs, int pOff, Storage out, int offset, int n) {
        requireFloat(probs, "bernoulli_tensor_cpu_p_");
        checkProbs(probs, pOff, n);
        // a float32 u compared with a float32 p gives the same answer in double: both widen exactly
        boolean floatDraws = probs.dtype() == DType.FLOAT32;
        synchronized (e.lock()) {
            for (int i = 0; i < n; i++) {
                double u = floatDraws ? e.nextFloat01() : e.nextDouble01();
                out.setDouble(offset + i, u < probs.getDouble(pOff + i) ? 1 : 0);
            }
        }
    }

    private static void checkP(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + cpp(p));
        }
    }

    private static void checkProbs(Storage probs, int pOff, int n) {
        for (int i = 0; i < n; i++) {
            double p = probs.getDouble(pOff + i);
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("Expected p_in >= 0 && p_in <= 1 to be true, but got false.");
            }
        }
    }

    // ====================================================================================================
    // Exponential, geometric, Cauchy

    /**
     * {@code tensor.exponential_(lambd)} for float32 and float64 storage ({@code exponential_kernel} without
     * MKL, {@code at::exponential_distribution<double>}): each element is {@code (−1/λ)·log(1 − u)} in double
     * with {@code u} a float64 uniform, cast to the dtype.
     *
     * @param e      engine to draw from, not null (see the class documentation)
     * @param s      destination, float32 or float64
     * @param offset first element written
     * @param n      number of samples
     * @param lambda rate λ ≥ 0
     * @throws IllegalArgumentException for λ &lt; 0 or NaN, then for another dtype (PyTorch's order)
     */
    public static void exponential(Mt19937 e, Storage s, int offset, int n, double lambda) {
        checkLambda(lambda);
        requireFloat(s, "exponential_cpu");
        synchronized (e.lock()) {
            for (int i = 0; i < n; i++) {
                s.setDouble(offset + i, exponentialSample(e, lambda));
            }
        }
    }

    private static double exponentialSample(Mt19937 e, double lambda) {
        return -1.0 / lambda * Libm.log(1.0 - e.nextDouble01());
    }

    private static void checkLambda(double lambda) {
        if (!(lambda >= 0.0)) {
            throw new IllegalArgumentException("exponential_ expects lambda >= 0.0, but found lambda="
                    + cpp(lambda));
        }
    }

    /**
     * {@code tensor.geometric_(p)} for float32, float64 and int64 storage ({@code geometric_kernel},
     * {@code at::geometric_distribution<double>}): each element is {@code ceil(log(u) / log(1 − p))} in double,
     * u a float64 uniform (the number of Bernoulli(p) trials up to and including the first success, ≥ 1),
     * cast to the dtype. For int64 the cast is x86's {@code cvttsd2si} ({@code static_cast<int64_t>}): a
     * value outside the int64 range (e.g. the −∞ that {@code log(1 − p) == 0} gives for a tiny p) becomes
     * {@link Long#MIN_VALUE}.
     *
     * @param e      engine to draw from, not null (see the class documentation)
     * @param s      destination, float32, float64 or int64
     * @param offset first element written
     * @param n      number of samples
     * @param p      success probability in (0, 1)
     * @throws IllegalArgumentException unless 0 &lt; p &lt; 1, then for bool (PyTorch's order)
     */
    public static void geometric(Mt19937 e, Storage s, int offset, int n, double p) {
        checkGeometricP(p);
        if (s.dtype() == DType.BOOL) {
            throw notImplemented("geometric_cpu", s);
        }
        boolean int64 = s.dtype() == DType.INT64;
        synchronized (e.lock()) {
            for (int i = 0; i < n; i++) {
                double v = geometricSample(e, p);
                if (int64) {
                    // Java's (long) saturates; x86's truncation gives INT64_MIN for anything out of range
                    s.setLong(offset + i, v >= -0x1p63 && v < 0x1p63 ? (long) v : Long.MIN_VALUE);
                } else {
                    s.setDouble(offset + i, v);
                }
            }
        }
    }

    private static double geometricSample(Mt19937 e, double p) {
        return Math.ceil(Libm.log(e.nextDouble01()) / Libm.log(1.0 - p));
    }

    /**
     * PyTorch's {@code geometric_} argument check, which it makes before looking at the tensor's dtype.
     *
     * @param p success probability
     * @throws IllegalArgumentException {@code "geometric_ expects p to be in (0, 1), but got p=…"} unless
     *                                  0 &lt; p &lt; 1
     */
    public static void checkGeometricP(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("geometric_ expects p to be in (0, 1), but got p=" + cpp(p));
        }
    }

    /**
     * {@code tensor.cauchy_(median, sigma)} for float32 and float64 storage ({@code cauchy_kernel},
     * {@code at::cauchy_distribution<double>}): each element is {@code fma(sigma, tan(π·(u − 0.5)), median)}
     * in double, u a float64 uniform, cast to the dtype (PyTorch's AVX2 build fuses
     * {@code median + sigma·tan(…)} into one multiply-add). PyTorch 1.13.1 does not check sigma.
     *
     * @param e      engine to draw from, not null (see the class documentation)
     * @param s      destination, float32 or float64
     * @param offset first element written
     * @param n      number of samples
     * @param median location
     * @param sigma  scale
     * @throws IllegalArgumentException for another dtype
     */
    public static void cauchy(Mt19937 e, Storage s, int offset, int n, double median, double sigma) {
        requireFloat(s, "cauchy_cpu");
        synchronized (e.lock()) {
            for (int i = 0; i < n; i++) {
                s.setDouble(offset + i, Math.fma(sigma, Libm.tan(Math.PI * (e.nextDouble01() - 0.5)), median));
            }
        }
    }

    // ====================================================================================================
    // Multinomial

    /**
     * {@code torch.multinomial(probs, nSample, replacement)} ({@code multinomial_with_replacement_kernel} and
     * the Gumbel path of {@code multinomial}): {@code nDist} rows of {@code nCategories} non-negative weights,
     * row-major from {@code pOff} (a 1-d input is one row); writes {@code nDist × nSample} category indices.
     * float32 weights are computed on in float, float64 ones in double.
     *
     * <p><b>Without replacement</b> (PyTorch's Gumbel/exponential trick): fill
     * {@code q = exponential_(1)} over all rows (cast to the weights' dtype), {@code q = probs / q}, then per
     * row the indices of the nSample largest q in descending order (argmax for one sample). Ties (possible
     * only among zero weights) are broken by lower index; PyTorch's topk leaves their order unspecified.
     *
     * <p><b>With replacement</b>: per row, the cumulative sum of the weights divided by the total, last
     * bucket forced to 1; each sample is the first bucket whose cumulative value is ≥ u (binary search), u a
     * float64 uniform.
     *
     * @param e           engine to draw from, not null (see the class documentation)
     * @param probs       weights, float32 or float64
     * @param pOff        first weight read
     * @param nDist       number of rows
     * @param nCategories weights per row
     * @param nSample     samples per row
     * @param replacement whether to sample with replacement
     * @param out         destination for the indices (int64)
     * @param offset      first element written
     * @throws IllegalArgumentException for integer or bool weights, and PyTorch's errors for the sample count
     *                                  and invalid distributions
     */
    public static void multinomial(Mt19937 e, Storage probs, int pOff, int nDist, int nCategories,
                                   int nSample, boolean replacement, Storage out, int offset) {
        if (!probs.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("multinomial only supports floating-point dtypes for input, got: "
                    + probs.dtype().scalarTypeName());
        }
        double[] w = new double[nDist * nCategories];
        for (int i = 0; i < w.length; i++) {
            w[i] = probs.getDouble(pOff + i);
        }
        multinomialImpl(e, w, nDist, nCategories, nSample, replacement, out, offset,
                probs.dtype() == DType.FLOAT32);
    }

    // Weights are held in double; with isFloat every operation is rounded to float as PyTorch's float kernel.
    private static void multinomialImpl(Mt19937 e, double[] w, int nDist, int nCat, int nSample,
                                        boolean replacement, Storage out, int off, boolean isFloat) {
        if (nSample <= 0) {
            throw new IllegalArgumentException("cannot sample n_sample <= 0 samples");
        }
        if (!replacement && nSample > nCat) {
            throw new IllegalArgumentException(
                    "cannot sample n_sample > prob_dist.size(-1) samples without replacement");
        }
        if (!replacement) {
            for (double v : w) {
                if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException(
                            "probability tensor contains either `inf`, `nan` or element < 0");
                }
            }
            for (int r = 0; r < nDist; r++) {
                boolean allZero = true;
                for (int c = 0; c < nCat; c++) {
                    allZero &= w[r * nCat + c] == 0;
                }
                if (allZero) {
                    throw new IllegalArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
                }
            }
            double[] q = new double[w.length];
            synchronized (e.lock()) {
                for (int i = 0; i < q.length; i++) {
                    double x = exponentialSample(e, 1.0);
                    q[i] = isFloat ? (float) x : x;
                }
            }
            for (int i = 0; i < q.length; i++) {
                q[i] = isFloat ? (float) w[i] / (float) q[i] : w[i] / q[i];
            }
            for (int r = 0; r < nDist; r++) {
                topk(q, r * nCat, nCat, nSample, out, off + r * nSample);
            }
            return;
        }
        double[] cum = new double[nCat];
        synchronized (e.lock()) {
            for (int r = 0; r < nDist; r++) {
                double sum = 0;
                for (int c = 0; c < nCat; c++) {
                    double v = w[r * nCat + c];
                    if (!(v >= 0)) {
                        throw new IllegalArgumentException(
                                "invalid multinomial distribution (encountering probability entry < 0)");
                    }
                    if (Double.isInfinite(v) || Double.isNaN(v)) {
                        throw new IllegalArgumentException("invalid multinomial distribution "
                                + "(encountering probability entry = infinity or NaN)");
                    }
                    sum = isFloat ? (float) sum + (float) v : sum + v;
                    cum[c] = sum;
                }
                if (!(sum > 0)) {
                    throw new IllegalArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
                }
                for (int c = 0; c < nCat; c++) {
                    cum[c] = isFloat ? (float) cum[c] / (float) sum : cum[c] / sum;
                }
                cum[nCat - 1] = 1;
                for (int s = 0; s < nSample; s++) {
                    double u = e.nextDouble01();
                    int left = 0;
                    int right = nCat;
                    while (right - left > 0) {
                        int mid = left + (right - left) / 2;
                        if (cum[mid] < u) {
                            left = mid + 1;
                        } else {
                            right = mid;
                        }
                    }
                    out.setLong(off + r * nSample + s, left);
                }
            }
        }
    }

    // Indices of the k largest values, descending, ties by lower index.
    private static void topk(double[] v, int base, int n, int k, Storage out, int off) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(v[base + b], v[base + a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int i = 0; i < k; i++) {
            out.setLong(off + i, idx[i]);
        }
    }

    // ====================================================================================================
    // Plumbing

    private static void requireFloat(Storage s, String kernel) {
        if (!s.dtype().isFloatingPoint()) {
            throw notImplemented(kernel, s);
        }
    }

    /** PyTorch's {@code AT_DISPATCH} error for a dtype the kernel does not handle. */
    private static IllegalArgumentException notImplemented(String kernel, Storage s) {
        return new IllegalArgumentException("\"" + kernel + "\" not implemented for '"
                + s.dtype().scalarTypeName() + "'");
    }

    /** A double as C++'s {@code ostream << double} prints it (6 significant digits, %e style). */
    static String cpp(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mant = e < 0 ? s : s.substring(0, e);
        String exp = e < 0 ? "" : s.substring(e);
        if (mant.contains(".")) {
            mant = mant.replaceAll("0+$", "");
            if (mant.endsWith(".")) {
                mant = mant.substring(0, mant.length() - 1);
            }
        }
        return mant + exp;
    }

    /**
     * PyTorch's checks of multinomial probabilities (float64, {@code rows × cats} row-major): no inf, NaN or
     * negative entry, and no row of zeros, with its messages.
     *
     * @param w    the weights, from element 0
     * @param rows number of rows
     * @param cats weights per row
     * @throws IllegalArgumentException for an invalid entry or an all-zero row (PyTorch's messages)
     */
    public static void checkMultinomialRows(Storage w, int rows, int cats) {
        for (int i = 0; i < rows * cats; i++) {
            double v = w.getDouble(i);
            if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("probability tensor contains either `inf`, `nan` or element < 0");
            }
        }
        for (int r = 0; r < rows; r++) {
            boolean allZero = true;
            for (int c = 0; c < cats; c++) allZero &= w.getDouble(r * cats + c) == 0;
            if (allZero) throw new IllegalArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
        }
    }

    /**
     * Sampling without replacement by exponential races, as PyTorch's multinomial: per row, the indices of the
     * {@code k} largest {@code w / q} (q exponential samples; computed in float when {@code f32}), ties to the
     * lower index, written as int64 into {@code out} ({@code rows × k}).
     *
     * @param w    the weights ({@code rows × cats}, from element 0)
     * @param q    the exponential samples, in the same order as w
     * @param rows number of rows
     * @param cats weights per row
     * @param k    indices per row
     * @param f32  whether to divide in float (float32 probabilities) rather than double
     * @param out  destination for the indices (int64, from element 0)
     */
    public static void topKOfRatios(Storage w, Storage q, int rows, int cats, int k, boolean f32, Storage out) {
        double[] v = new double[rows * cats];
        for (int i = 0; i < v.length; i++) {
            double a = w.getDouble(i), b = q.getDouble(i);
            v[i] = f32 ? (float) a / (float) b : a / b;
        }
        Integer[] idx = new Integer[cats];
        for (int r = 0; r < rows; r++) {
            int base = r * cats;
            for (int c = 0; c < cats; c++) idx[c] = c;
            java.util.Arrays.sort(idx, (a, b) -> {
                int c = Double.compare(v[base + b], v[base + a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int j = 0; j < k; j++) out.setLong(r * k + j, idx[j]);
        }
    }
}
