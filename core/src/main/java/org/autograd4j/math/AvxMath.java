package org.autograd4j.math;

/**
 * Scalar ports of the float32 {@code log256_ps} and {@code sincos256_ps} of ATen's
 * {@code native/cpu/avx_mathfun.h} (Giovanni Garberoglio's AVX port of Julien Pommier's sse_mathfun, itself
 * the Cephes {@code logf}/{@code sinf}/{@code cosf} algorithms), which PyTorch's AVX2 build uses in
 * {@code normal_fill_16_AVX2} for {@code randn}/{@code normal_} of contiguous float32 tensors with at least 16
 * elements.
 *
 * <p><b>Why these give the same bits as PyTorch.</b> Every step is a float32 operation with correct rounding
 * (mul, add, sub, sqrt, int↔float conversion, bit masks), so a scalar Java port reproduces each lane. The one
 * subtlety is that GCC, compiling the intrinsics with {@code -mfma} and {@code -ffp-contract=fast}, fuses
 * some {@code _mm256_mul_ps} + {@code _mm256_add_ps}/{@code _sub_ps} pairs into {@code vfmadd}. Which pairs
 * were fused was found by testing candidate variants against 100 000 draws of PyTorch 1.13.1; the variant
 * below matched all of them, and the float32 {@code randn}/{@code normal_} goldens of the random tests
 * ({@code RandomGoldensTest}, {@code TensorRandomTest}) check it again. Each fused step is written with
 * {@link Math#fma(float, float, float)}, the others with plain float arithmetic.
 *
 * <p>Inputs in PyTorch's use: {@code log} receives {@code 1 − u} ∈ (0, 1]; {@code sincos} receives
 * {@code 2π·u} ∈ [0, 2π). The ports are exact for all finite inputs of the original (the original's
 * "x ≤ 0 → NaN" mask is kept).
 */
public final class AvxMath {

    private AvxMath() {
    }

    private static final float SQRTHF = 0.707106781186547524f;
    private static final float LOG_P0 = 7.0376836292E-2f;
    private static final float LOG_P1 = -1.1514610310E-1f;
    private static final float LOG_P2 = 1.1676998740E-1f;
    private static final float LOG_P3 = -1.2420140846E-1f;
    private static final float LOG_P4 = +1.4249322787E-1f;
    private static final float LOG_P5 = -1.6668057665E-1f;
    private static final float LOG_P6 = +2.0000714765E-1f;
    private static final float LOG_P7 = -2.4999993993E-1f;
    private static final float LOG_P8 = +3.3333331174E-1f;
    private static final float LOG_Q1 = -2.12194440e-4f;
    private static final float LOG_Q2 = 0.693359375f;

    private static final float MINUS_DP1 = -0.78515625f;
    private static final float MINUS_DP2 = -2.4187564849853515625e-4f;
    private static final float MINUS_DP3 = -3.77489497744594108e-8f;
    private static final float SINCOF_P0 = -1.9515295891E-4f;
    private static final float SINCOF_P1 = 8.3321608736E-3f;
    private static final float SINCOF_P2 = -1.6666654611E-1f;
    private static final float COSCOF_P0 = 2.443315711809948E-005f;
    private static final float COSCOF_P1 = -1.388731625493765E-003f;
    private static final float COSCOF_P2 = 4.166664568298827E-002f;
    private static final float FOPI = 1.27323954473516f; // 4/π

    /**
     * Natural logarithm, one lane of {@code log256_ps}. Math: x = m·2ᵉ with m ∈ [½,1) (renormalised to
     * [√½, √2)), log x = e·ln2 + log(1+f) with log(1+f) ≈ f − f²/2 + f³·P(f), ln 2 split as q2 + q1 (Cephes).
     *
     * @param x0 the argument
     * @return log(x0), NaN for x0 ≤ 0 (as the AVX code)
     */
    public static float log(float x0) {
        boolean invalid = x0 <= 0f || Float.isNaN(x0);
        // _mm256_max_ps(x, min_norm_pos): returns the second operand if either is NaN.
        float x = Float.isNaN(x0) ? Float.MIN_NORMAL : Math.max(x0, Float.MIN_NORMAL);
        int bits = Float.floatToRawIntBits(x);
        int imm0 = (bits >>> 23) - 0x7f;
        x = Float.intBitsToFloat((bits & ~0x7f800000) | 0x3f000000); // mantissa | 0.5
        float e = (float) imm0 + 1f;
        boolean lt = x < SQRTHF;
        float tmp = lt ? x : 0f;
        x = x - 1f;
        e = e - (lt ? 1f : 0f);
        x = x + tmp;
        float z = x * x;
        float y = LOG_P0;
        y = Math.fma(y, x, LOG_P1);
        y = Math.fma(y, x, LOG_P2);
        y = Math.fma(y, x, LOG_P3);
        y = Math.fma(y, x, LOG_P4);
        y = Math.fma(y, x, LOG_P5);
        y = Math.fma(y, x, LOG_P6);
        y = Math.fma(y, x, LOG_P7);
        y = Math.fma(y, x, LOG_P8);
        y = y * x;
        y = Math.fma(y, z, e * LOG_Q1);
        y = Math.fma(-z, 0.5f, y);
        x = x + y;
        x = Math.fma(e, LOG_Q2, x);
        return invalid ? Float.NaN : x;
    }

    /**
     * Sine and cosine together, one lane of {@code sincos256_ps} (Cephes sinf/cosf): reduce |x| by
     * j·π/4 (j even, π/4 split in three parts DP1..DP3), evaluate the sine and cosine minimax polynomials on
     * the reduced argument, then pick and sign them by octant. Lane-exact for |x0| &lt; 2³¹·π/4 (beyond,
     * {@code cvttps2dq}'s overflow value differs from Java's saturating {@code (int)} cast; the samplers pass
     * angles in [0, 2π)).
     *
     * @param x0  the angle (radians)
     * @param out out[0] = sin, out[1] = cos
     */
    public static void sincos(float x0, float[] out) {
        int signSin = Float.floatToRawIntBits(x0) & 0x80000000;
        float x = Math.abs(x0);
        float y = x * FOPI;
        int j = (int) y;         // cvttps: truncation (inputs here are far below 2³¹)
        j = (j + 1) & ~1;
        y = (float) j;
        int swapSignSin = (j & 4) << 29;
        boolean polyMask = (j & 2) == 0; // true: sin from the sine polynomial
        x = Math.fma(y, MINUS_DP1, x);
        x = Math.fma(y, MINUS_DP2, x);
        x = Math.fma(y, MINUS_DP3, x);
        int signCos = (~(j - 2) & 4) << 29;
        signSin ^= swapSignSin;

        float z = x * x;
        float c = Math.fma(Math.fma(COSCOF_P0, z, COSCOF_P1), z, COSCOF_P2);
        c = c * z;
        c = Math.fma(c, z, -(z * 0.5f));
        c = c + 1f;

        float s = Math.fma(Math.fma(SINCOF_P0, z, SINCOF_P1), z, SINCOF_P2);
        s = s * z;
        s = Math.fma(s, x, x);

        // Blend exactly as the intrinsics do (the masked-out lane is +0.0).
        float ysin2 = polyMask ? s : 0f;
        float ysin1 = polyMask ? 0f : c;
        float s2 = s - ysin2;
        float c2 = c - ysin1;
        float sinv = ysin1 + ysin2;
        float cosv = c2 + s2;
        out[0] = Float.intBitsToFloat(Float.floatToRawIntBits(sinv) ^ signSin);
        out[1] = Float.intBitsToFloat(Float.floatToRawIntBits(cosv) ^ signCos);
    }
}
