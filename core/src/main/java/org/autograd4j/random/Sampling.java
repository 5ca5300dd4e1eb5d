package org.autograd4j.random;

import java.util.Locale;

/**
 * PyTorch 1.13.1's CPU sampling algorithms, bit for bit, on primitive arrays.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Every method takes the {@link Generator} first; {@code null} means
 *       {@link Generator#defaultGenerator()} (PyTorch's {@code generator=None}).</li>
 *   <li>Outputs are written to {@code out[off] … out[off+n−1]} in the order PyTorch fills the tensor, which is
 *       memory order for a contiguous tensor. For a non-contiguous tensor PyTorch's {@code TensorIterator}
 *       fills elements with the dimensions sorted by stride (memory order for transposed, permuted or sliced
 *       views, not the view's row-major order), so the caller samples into a temporary array of
 *       {@code numel} elements and scatters it in that order ({@code org.autograd4j.ops.RandomOps}).</li>
 *   <li>Each call holds the generator's monitor for its whole duration, as PyTorch holds the generator's
 *       mutex per op.</li>
 *   <li>Argument errors throw {@link IllegalArgumentException} with PyTorch's message.</li>
 * </ul>
 *
 * <h2>Uniform bits</h2>
 * float32 draws use {@code (random() & 0xFFFFFF)·2⁻²⁴}; float64 draws use
 * {@code (random64() & (2⁵³−1))·2⁻⁵³} ({@code at::uniform_real_distribution}).
 *
 * <h2>Exactness</h2>
 * Uniform, randint, randperm and bernoulli use integer arithmetic and correctly rounded IEEE operations only,
 * so they are bit-exact. Float32 normal on the fill path uses {@link AvxMath}, bit-exact. Samplers that call
 * the C library's double {@code log}/{@code sin}/{@code cos}/{@code tan}/{@code exp} (float64 normal,
 * the scalar normal path, exponential, multinomial without replacement, geometric, cauchy, log-normal) go
 * through {@link Libm}, whose pure-Java ports of glibc 2.36's functions (FMA build) make them bit-exact too.
 */
public final class Sampling {

    private Sampling() {
    }

    /** The float32 2π that the AVX2 fill path uses: {@code _mm256_set1_ps(2.0f * c10::pi<double>)}. */
    private static final float TWO_PI_F = (float) (2.0 * Math.PI);

    /** Size from which (contiguous) normal sampling uses the 16-wide fill path. */
    public static final int NORMAL_FILL_MIN = 16;

    private static Generator gen(Generator g) {
        return g != null ? g : Generator.defaultGenerator();
    }

    // ====================================================================================================
    // Uniform

    /**
     * {@code tensor.uniform_(from, to)} / {@code torch.rand} (from=0, to=1) for float32:
     * {@code out = fma(u, (float) to − (float) from, (float) from)} in float with
     * {@code u = (random() & 0xFFFFFF)·2⁻²⁴} (PyTorch's AVX2 build fuses the multiply-add).
     *
     * @param g    generator ({@code null}: default)
     * @param out  destination
     * @param off  first index written
     * @param n    number of samples
     * @param from lower bound (inclusive)
     * @param to   upper bound (exclusive)
     */
    public static void uniform(Generator g, float[] out, int off, int n, double from, double to) {
        checkUniform(from, to, -Float.MAX_VALUE, Float.MAX_VALUE, "float");
        float f = (float) clamp(from, -Float.MAX_VALUE, Float.MAX_VALUE);
        float t = (float) clamp(to, -Float.MAX_VALUE, Float.MAX_VALUE);
        float range = t - f;
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = Math.fma(g.nextFloat01(), range, f);
            }
        }
    }

    /**
     * {@code tensor.uniform_(from, to)} / {@code torch.rand} for float64:
     * {@code out = fma(u, to − from, from)} with {@code u = (random64() & (2⁵³−1))·2⁻⁵³}.
     *
     * @param g    generator ({@code null}: default)
     * @param out  destination
     * @param off  first index written
     * @param n    number of samples
     * @param from lower bound (inclusive)
     * @param to   upper bound (exclusive)
     */
    public static void uniform(Generator g, double[] out, int off, int n, double from, double to) {
        checkUniform(from, to, -Double.MAX_VALUE, Double.MAX_VALUE, "double");
        double range = to - from;
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = Math.fma(g.nextDouble01(), range, from);
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
     * {@code tensor.normal_(mean, std)} / {@code torch.randn} (0, 1) for float32.
     *
     * <p><b>Fill path</b> ({@code contiguous && n ≥ 16}): draw n float uniforms; transform each whole block
     * of 16 with Box–Muller ({@code u1 = 1 − d[j]}, {@code u2 = d[j+8]}, {@code r = sqrt(−2·log u1)},
     * {@code θ = 2π·u2}, {@code d[j] = fma(r·cos θ, std, mean)}, {@code d[j+8] = fma(r·sin θ, std, mean)},
     * j &lt; 8) in float32 with PyTorch's AVX2 log/sincos ({@link AvxMath}); if {@code n % 16 ≠ 0}, draw 16
     * fresh uniforms into the last 16 slots and transform them again (n+16 draws). mean and std are first
     * rounded to float. The generator's cached normal is neither used nor changed.
     *
     * <p><b>Scalar path</b> (otherwise): each element is {@code (float) fma(z, std, mean)} (double), z from
     * {@link #nextStandardNormal(Generator)}, which uses and refills the generator's cached sample. For a
     * non-contiguous tensor pass {@code contiguous = false}, a temporary array and scatter (see class doc).
     *
     * @param g          generator ({@code null}: default)
     * @param out        destination
     * @param off        first index written
     * @param n          number of samples (the tensor's numel)
     * @param mean       mean
     * @param std        standard deviation (≥ 0)
     * @param contiguous whether the destination tensor is contiguous
     */
    public static void normal(Generator g, float[] out, int off, int n, double mean, double std,
                              boolean contiguous) {
        checkStd(std);
        g = gen(g);
        synchronized (g) {
            if (contiguous && n >= NORMAL_FILL_MIN) {
                normalFillAvx2(g, out, off, n, (float) mean, (float) std);
            } else {
                for (int i = 0; i < n; i++) {
                    out[off + i] = (float) Math.fma(nextStandardNormal(g), std, mean);
                }
            }
        }
    }

    /**
     * {@code tensor.normal_(mean, std)} / {@code torch.randn} for float64: the fill path as for float32 but in
     * double with the C library's {@code log}/{@code cos}/{@code sin} ({@link Libm}),
     * {@code θ = (2π)·u2}, {@code d = fma(r·cos θ, std, mean)}; the scalar path {@code fma(z, std, mean)}.
     *
     * @param g          generator ({@code null}: default)
     * @param out        destination
     * @param off        first index written
     * @param n          number of samples (the tensor's numel)
     * @param mean       mean
     * @param std        standard deviation (≥ 0)
     * @param contiguous whether the destination tensor is contiguous
     */
    public static void normal(Generator g, double[] out, int off, int n, double mean, double std,
                              boolean contiguous) {
        checkStd(std);
        g = gen(g);
        synchronized (g) {
            if (contiguous && n >= NORMAL_FILL_MIN) {
                normalFillDouble(g, out, off, n, mean, std);
            } else {
                for (int i = 0; i < n; i++) {
                    out[off + i] = Math.fma(nextStandardNormal(g), std, mean);
                }
            }
        }
    }

    /**
     * One standard normal sample of {@code at::normal_distribution<double>}: if the generator holds a cached
     * sample, return it and clear the cache; otherwise draw {@code u1, u2} (float64 uniforms), compute
     * {@code r = sqrt(−2·log(1 − u2))}, {@code θ = 2π·u1}, cache {@code r·sin θ} and return {@code r·cos θ}.
     * The caller applies {@code fma(z, std, mean)}.
     *
     * @param g generator ({@code null}: default)
     * @return a standard normal sample
     */
    public static double nextStandardNormal(Generator g) {
        g = gen(g);
        synchronized (g) {
            if (g.hasNextDoubleNormal()) {
                return g.takeNextDoubleNormal();
            }
            double u1 = g.nextDouble01();
            double u2 = g.nextDouble01();
            double r = Math.sqrt(-2.0 * Libm.log(1.0 - u2));
            double theta = 2.0 * Math.PI * u1;
            g.setNextDoubleNormal(r * Libm.sin(theta));
            return r * Libm.cos(theta);
        }
    }

    private static void checkStd(double std) {
        if (!(std >= 0.0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + cpp(std));
        }
    }

    private static void normalFillAvx2(Generator g, float[] d, int off, int n, float mean, float std) {
        for (int i = 0; i < n; i++) {
            d[off + i] = g.nextFloat01();
        }
        float[] sc = new float[2];
        for (int i = 0; i < n - 15; i += 16) {
            normalFill16Avx2(d, off + i, mean, std, sc);
        }
        if (n % 16 != 0) {
            int base = off + n - 16;
            for (int i = 0; i < 16; i++) {
                d[base + i] = g.nextFloat01();
            }
            normalFill16Avx2(d, base, mean, std, sc);
        }
    }

    private static void normalFill16Avx2(float[] d, int p, float mean, float std, float[] sc) {
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

    private static void normalFillDouble(Generator g, double[] d, int off, int n, double mean, double std) {
        for (int i = 0; i < n; i++) {
            d[off + i] = g.nextDouble01();
        }
        for (int i = 0; i < n - 15; i += 16) {
            normalFill16Double(d, off + i, mean, std);
        }
        if (n % 16 != 0) {
            int base = off + n - 16;
            for (int i = 0; i < 16; i++) {
                d[base + i] = g.nextDouble01();
            }
            normalFill16Double(d, base, mean, std);
        }
    }

    private static void normalFill16Double(double[] d, int p, double mean, double std) {
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
     * {@code tensor.log_normal_(mean, std)}: each element is {@code exp(fma(z, std, mean))} in double (scalar
     * normal path, using the cache), then rounded to float.
     *
     * @param g    generator ({@code null}: default)
     * @param out  destination
     * @param off  first index written
     * @param n    number of samples
     * @param mean mean of the underlying normal
     * @param std  standard deviation of the underlying normal (&gt; 0)
     */
    public static void logNormal(Generator g, float[] out, int off, int n, double mean, double std) {
        checkLogNormal(std);
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = (float) Libm.exp(Math.fma(nextStandardNormal(g), std, mean));
            }
        }
    }

    /**
     * {@code tensor.log_normal_(mean, std)} for float64; see the float overload.
     *
     * @param g    generator ({@code null}: default)
     * @param out  destination
     * @param off  first index written
     * @param n    number of samples
     * @param mean mean of the underlying normal
     * @param std  standard deviation of the underlying normal (&gt; 0)
     */
    public static void logNormal(Generator g, double[] out, int off, int n, double mean, double std) {
        checkLogNormal(std);
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = Libm.exp(Math.fma(nextStandardNormal(g), std, mean));
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
     * {@code torch.randint(low, high)} / {@code tensor.random_(low, high)} into int64:
     * {@code (draw % range) + low} with {@code range = high − low} (unsigned), where draw is
     * {@code random64()} if {@code range ≥ 2³²}, else {@code random()}.
     *
     * @param g    generator ({@code null}: default)
     * @param out  destination
     * @param off  first index written
     * @param n    number of samples
     * @param low  lowest value (inclusive)
     * @param high one above the highest value (exclusive)
     */
    public static void randint(Generator g, long[] out, int off, int n, long low, long high) {
        long range = checkRange(low, high);
        boolean wide = Long.compareUnsigned(range, 1L << 32) >= 0;
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = nextInRange(g, range, low, wide);
            }
        }
    }

    /**
     * {@code torch.randint(low, high, dtype=torch.int32)} (also int16/int8/uint8 after a narrowing cast):
     * always {@code random() % range + low}, as PyTorch uses {@code random64()} only for int64 and floating
     * types.
     *
     * @param g    generator ({@code null}: default)
     * @param out  destination
     * @param off  first index written
     * @param n    number of samples
     * @param low  lowest value (inclusive)
     * @param high one above the highest value (exclusive)
     */
    public static void randint(Generator g, int[] out, int off, int n, long low, long high) {
        long range = checkRange(low, high);
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = (int) nextInRange(g, range, low, false);
            }
        }
    }

    /**
     * {@code torch.randint(low, high, dtype=torch.float32)}: the int64 algorithm, then rounded to float. As in
     * PyTorch, {@code low}/{@code high} are first moved inwards to the nearest bounds whose neighbours survive
     * the rounding ({@code update_from}/{@code update_to}), e.g. high = 2⁴⁰ becomes 2⁴⁰ − 2¹⁶, which changes
     * the range.
     *
     * @param g    generator ({@code null}: default)
     * @param out  destination
     * @param off  first index written
     * @param n    number of samples
     * @param low  lowest value (inclusive)
     * @param high one above the highest value (exclusive)
     */
    public static void randint(Generator g, float[] out, int off, int n, long low, long high) {
        checkRange(low, high);
        low = updateFrom(low, true);
        high = updateTo(high, true);
        long range = checkRangeFp(low, high);
        boolean wide = Long.compareUnsigned(range, 1L << 32) >= 0;
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = (float) nextInRange(g, range, low, wide);
            }
        }
    }

    /**
     * {@code torch.randint(low, high, dtype=torch.float64)}: the int64 algorithm, then rounded to double,
     * after PyTorch's {@code update_from}/{@code update_to} for 53-bit mantissas (see the float overload).
     *
     * @param g    generator ({@code null}: default)
     * @param out  destination
     * @param off  first index written
     * @param n    number of samples
     * @param low  lowest value (inclusive)
     * @param high one above the highest value (exclusive)
     */
    public static void randint(Generator g, double[] out, int off, int n, long low, long high) {
        checkRange(low, high);
        low = updateFrom(low, false);
        high = updateTo(high, false);
        long range = checkRangeFp(low, high);
        boolean wide = Long.compareUnsigned(range, 1L << 32) >= 0;
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = (double) nextInRange(g, range, low, wide);
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

    // ATen's update_from: move `from` right until from+1 survives the rounding to the float type.
    private static long updateFrom(long from, boolean isFloat) {
        long fromPlus1 = isFloat ? (long) (float) (from + 1) : (long) (double) (from + 1);
        if (fromPlus1 < from) {
            int n = 63 - Long.numberOfLeadingZeros(Math.abs(from + 1));
            from = fromPlus1 + (1L << (n - (isFloat ? 24 : 53) + 1));
        }
        return from;
    }

    // ATen's update_to: move `to` left until to−1 survives the rounding to the float type.
    private static long updateTo(long to, boolean isFloat) {
        long toMinus1 = isFloat ? (long) (float) (to - 1) : (long) (double) (to - 1);
        if (toMinus1 >= to) {
            int n = 63 - Long.numberOfLeadingZeros(Math.abs(to - 1));
            to = toMinus1 - (1L << (n - (isFloat ? 24 : 53) + 1));
        }
        return to;
    }

    private static long nextInRange(Generator g, long range, long base, boolean wide) {
        long v = wide ? g.nextU64() : (g.nextU32() & 0xffffffffL);
        return Long.remainderUnsigned(v, range) + base;
    }

    /**
     * {@code torch.randperm(n)} (CPU, any n): start from the identity and for {@code i = 0 … n−2} swap
     * {@code p[i]} with {@code p[i + z]}, {@code z = random() % (n − i)}. For other dtypes cast the values.
     *
     * @param g   generator ({@code null}: default)
     * @param out destination, receives a permutation of 0 … n−1
     * @param off first index written
     * @param n   permutation size (≥ 0)
     */
    public static void randperm(Generator g, long[] out, int off, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative, got" + n);
        }
        for (int i = 0; i < n; i++) {
            out[off + i] = i;
        }
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n - 1; i++) {
                int z = (int) ((g.nextU32() & 0xffffffffL) % (n - i));
                long sav = out[off + i];
                out[off + i] = out[off + i + z];
                out[off + i + z] = sav;
            }
        }
    }

    // ====================================================================================================
    // Bernoulli

    /**
     * {@code tensor.bernoulli_(p)} / {@code torch.bernoulli(t, p)} with a scalar p, as PyTorch builds without
     * MKL (and official builds on non-Intel CPUs) compute it: each element is {@code u < p ? 1 : 0} with
     * {@code u} a float64 uniform. {@code dropout(x, p)} on CPU samples its mask as {@code bernoulli_(1 − p)}.
     *
     * @param g   generator ({@code null}: default)
     * @param out destination (0 or 1)
     * @param off first index written
     * @param n   number of samples
     * @param p   probability of 1, in [0, 1]
     */
    public static void bernoulli(Generator g, float[] out, int off, int n, double p) {
        checkP(p);
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = g.nextDouble01() < p ? 1f : 0f;
            }
        }
    }

    /**
     * Scalar-p {@code bernoulli_} into a float64 tensor; see the float overload.
     *
     * @param g   generator ({@code null}: default)
     * @param out destination (0 or 1)
     * @param off first index written
     * @param n   number of samples
     * @param p   probability of 1, in [0, 1]
     */
    public static void bernoulli(Generator g, double[] out, int off, int n, double p) {
        checkP(p);
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = g.nextDouble01() < p ? 1.0 : 0.0;
            }
        }
    }

    /**
     * Scalar-p {@code bernoulli_} into a bool tensor (or any integer dtype, after widening); see the float
     * overload.
     *
     * @param g   generator ({@code null}: default)
     * @param out destination
     * @param off first index written
     * @param n   number of samples
     * @param p   probability of true, in [0, 1]
     */
    public static void bernoulli(Generator g, boolean[] out, int off, int n, double p) {
        checkP(p);
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = g.nextDouble01() < p;
            }
        }
    }

    /**
     * {@code torch.bernoulli(probs)} / {@code out.bernoulli_(probs)} with float32 probabilities: element i is
     * {@code u < probs[i] ? 1 : 0} with {@code u} a <em>float32</em> uniform (PyTorch uses
     * {@code bernoulli_distribution<float>} for non-double p). {@code probs} must already be broadcast to
     * the output's shape and be given in the output's fill order.
     *
     * @param g     generator ({@code null}: default)
     * @param probs probabilities in [0, 1]
     * @param pOff  first probability read
     * @param out   destination (0 or 1)
     * @param off   first index written
     * @param n     number of samples
     */
    public static void bernoulli(Generator g, float[] probs, int pOff, float[] out, int off, int n) {
        checkProbs(probs, pOff, n);
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = g.nextFloat01() < probs[pOff + i] ? 1f : 0f;
            }
        }
    }

    /**
     * {@code torch.bernoulli(probs)} with float64 probabilities: {@code u < probs[i]} with {@code u} a float64
     * uniform. See the float overload for the layout.
     *
     * @param g     generator ({@code null}: default)
     * @param probs probabilities in [0, 1]
     * @param pOff  first probability read
     * @param out   destination (0 or 1)
     * @param off   first index written
     * @param n     number of samples
     */
    public static void bernoulli(Generator g, double[] probs, int pOff, double[] out, int off, int n) {
        checkProbs(probs, pOff, n);
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = g.nextDouble01() < probs[pOff + i] ? 1.0 : 0.0;
            }
        }
    }

    private static void checkP(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + cpp(p));
        }
    }

    private static void checkProbs(float[] probs, int pOff, int n) {
        for (int i = 0; i < n; i++) {
            float p = probs[pOff + i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("Expected p_in >= 0 && p_in <= 1 to be true, but got false.");
            }
        }
    }

    private static void checkProbs(double[] probs, int pOff, int n) {
        for (int i = 0; i < n; i++) {
            double p = probs[pOff + i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("Expected p_in >= 0 && p_in <= 1 to be true, but got false.");
            }
        }
    }

    // ====================================================================================================
    // Exponential, geometric, Cauchy

    /**
     * {@code tensor.exponential_(lambd)}: each element is {@code (−1/λ)·log(1 − u)} in double with {@code u} a
     * float64 uniform, then rounded to float.
     *
     * @param g      generator ({@code null}: default)
     * @param out    destination
     * @param off    first index written
     * @param n      number of samples
     * @param lambda rate λ ≥ 0
     */
    public static void exponential(Generator g, float[] out, int off, int n, double lambda) {
        checkLambda(lambda);
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = (float) exponentialSample(g, lambda);
            }
        }
    }

    /**
     * {@code tensor.exponential_(lambd)} for float64; see the float overload.
     *
     * @param g      generator ({@code null}: default)
     * @param out    destination
     * @param off    first index written
     * @param n      number of samples
     * @param lambda rate λ ≥ 0
     */
    public static void exponential(Generator g, double[] out, int off, int n, double lambda) {
        checkLambda(lambda);
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = exponentialSample(g, lambda);
            }
        }
    }

    private static double exponentialSample(Generator g, double lambda) {
        return -1.0 / lambda * Libm.log(1.0 - g.nextDouble01());
    }

    private static void checkLambda(double lambda) {
        if (!(lambda >= 0.0)) {
            throw new IllegalArgumentException("exponential_ expects lambda >= 0.0, but found lambda="
                    + cpp(lambda));
        }
    }

    /**
     * {@code tensor.geometric_(p)} for float64: {@code ceil(log(u) / log(1 − p))} in double, u a float64
     * uniform ({@code at::geometric_distribution<double>}, the number of Bernoulli(p) trials up to and
     * including the first success, ≥ 1).
     *
     * @param g   generator ({@code null}: default)
     * @param out destination
     * @param off first index written
     * @param n   number of samples
     * @param p   success probability in (0, 1)
     */
    public static void geometric(Generator g, double[] out, int off, int n, double p) {
        checkGeometricP(p);
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = geometricSample(g, p);
            }
        }
    }

    /**
     * {@code tensor.geometric_(p)} for float32: the float64 sample {@code ceil(log(u) / log(1 − p))} (u a
     * float64 uniform) rounded to float, as PyTorch's CPU kernel, which samples in double for every dtype.
     *
     * @param g   generator ({@code null}: default)
     * @param out destination
     * @param off first index written
     * @param n   number of samples
     * @param p   success probability in (0, 1)
     */
    public static void geometric(Generator g, float[] out, int off, int n, double p) {
        checkGeometricP(p);
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = (float) geometricSample(g, p);
            }
        }
    }

    /**
     * {@code tensor.geometric_(p)} for int64 (PyTorch's {@code geometric_} accepts integer dtypes): the float64
     * sample {@code ceil(log(u) / log(1 − p))} truncated to int64 as x86's {@code cvttsd2si} does
     * ({@code static_cast<int64_t>}): a value outside the int64 range (e.g. the −∞ that
     * {@code log(1 − p) == 0} gives for a tiny p) becomes {@link Long#MIN_VALUE}.
     *
     * @param g   generator ({@code null}: default)
     * @param out destination
     * @param off first index written
     * @param n   number of samples
     * @param p   success probability in (0, 1)
     */
    public static void geometric(Generator g, long[] out, int off, int n, double p) {
        checkGeometricP(p);
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                double v = geometricSample(g, p);
                out[off + i] = v >= -0x1p63 && v < 0x1p63 ? (long) v : Long.MIN_VALUE;
            }
        }
    }

    private static double geometricSample(Generator g, double p) {
        return Math.ceil(Libm.log(g.nextDouble01()) / Libm.log(1.0 - p));
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
     * {@code tensor.cauchy_(median, sigma)} for float64: {@code fma(sigma, tan(π·(u − 0.5)), median)} in
     * double, u a float64 uniform ({@code at::cauchy_distribution<double>}; PyTorch's AVX2 build fuses
     * {@code median + sigma·tan(…)} into one multiply-add). PyTorch 1.13.1 does not check sigma.
     *
     * @param g      generator ({@code null}: default)
     * @param out    destination
     * @param off    first index written
     * @param n      number of samples
     * @param median location
     * @param sigma  scale
     */
    public static void cauchy(Generator g, double[] out, int off, int n, double median, double sigma) {
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = cauchySample(g, median, sigma);
            }
        }
    }

    /**
     * {@code tensor.cauchy_(median, sigma)} for float32: the float64 sample
     * {@code fma(sigma, tan(π·(u − 0.5)), median)} (u a float64 uniform) rounded to float, as PyTorch's CPU
     * kernel, which samples in double for every dtype.
     *
     * @param g      generator ({@code null}: default)
     * @param out    destination
     * @param off    first index written
     * @param n      number of samples
     * @param median location
     * @param sigma  scale
     */
    public static void cauchy(Generator g, float[] out, int off, int n, double median, double sigma) {
        g = gen(g);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                out[off + i] = (float) cauchySample(g, median, sigma);
            }
        }
    }

    private static double cauchySample(Generator g, double median, double sigma) {
        return Math.fma(sigma, Libm.tan(Math.PI * (g.nextDouble01() - 0.5)), median);
    }

    // ====================================================================================================
    // Multinomial

    /**
     * {@code torch.multinomial(probs, nSample, replacement)} for float32 weights ({@code nDist} rows of
     * {@code nCategories} non-negative weights, row-major; a 1-d input is one row). Writes
     * {@code nDist × nSample} category indices.
     *
     * <p><b>Without replacement</b> (PyTorch's Gumbel/exponential trick): fill
     * {@code q = exponential_(1)} over all rows (float32 from the double sample), {@code q = probs / q} in
     * float, then per row the indices of the nSample largest q in descending order (argmax for one sample).
     * Ties (possible only among zero weights) are broken by lower index; PyTorch's topk leaves their order
     * unspecified.
     *
     * <p><b>With replacement</b>: per row, the float cumulative sum of the weights divided by
     * the total, last bucket forced to 1; each sample is the first bucket whose cumulative value is ≥ u
     * (binary search), u a float64 uniform.
     *
     * @param g           generator ({@code null}: default)
     * @param probs       weights
     * @param pOff        first weight read
     * @param nDist       number of rows
     * @param nCategories weights per row
     * @param nSample     samples per row
     * @param replacement whether to sample with replacement
     * @param out         destination (int64 indices)
     * @param off         first index written
     */
    public static void multinomial(Generator g, float[] probs, int pOff, int nDist, int nCategories,
                                   int nSample, boolean replacement, long[] out, int off) {
        double[] w = new double[nDist * nCategories];
        for (int i = 0; i < w.length; i++) {
            w[i] = probs[pOff + i];
        }
        multinomialImpl(g, w, nDist, nCategories, nSample, replacement, out, off, true);
    }

    /**
     * {@code torch.multinomial} for float64 weights; as the float32 overload with all arithmetic in double.
     *
     * @param g           generator ({@code null}: default)
     * @param probs       weights
     * @param pOff        first weight read
     * @param nDist       number of rows
     * @param nCategories weights per row
     * @param nSample     samples per row
     * @param replacement whether to sample with replacement
     * @param out         destination (int64 indices)
     * @param off         first index written
     */
    public static void multinomial(Generator g, double[] probs, int pOff, int nDist, int nCategories,
                                   int nSample, boolean replacement, long[] out, int off) {
        double[] w = new double[nDist * nCategories];
        System.arraycopy(probs, pOff, w, 0, w.length);
        multinomialImpl(g, w, nDist, nCategories, nSample, replacement, out, off, false);
    }

    // Weights are held in double; with isFloat every operation is rounded to float as PyTorch's float kernel.
    private static void multinomialImpl(Generator g, double[] w, int nDist, int nCat, int nSample,
                                        boolean replacement, long[] out, int off, boolean isFloat) {
        if (nSample <= 0) {
            throw new IllegalArgumentException("cannot sample n_sample <= 0 samples");
        }
        if (!replacement && nSample > nCat) {
            throw new IllegalArgumentException(
                    "cannot sample n_sample > prob_dist.size(-1) samples without replacement");
        }
        g = gen(g);
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
            synchronized (g) {
                for (int i = 0; i < q.length; i++) {
                    double e = exponentialSample(g, 1.0);
                    q[i] = isFloat ? (float) e : e;
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
        synchronized (g) {
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
                    double u = g.nextDouble01();
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
                    out[off + r * nSample + s] = left;
                }
            }
        }
    }

    // Indices of the k largest values, descending, ties by lower index.
    private static void topk(double[] v, int base, int n, int k, long[] out, int off) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(v[base + b], v[base + a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int i = 0; i < k; i++) {
            out[off + i] = idx[i];
        }
    }

    /** A double as C++'s {@code ostream << double} prints it (6 significant digits, %g style). */
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
}
