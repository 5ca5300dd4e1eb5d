/*
 * erf, erfc, asinh, acosh, atanh and log2 below follow the algorithms of FreeBSD's msun (s_erf.c, s_asinh.c,
 * e_acosh.c, e_atanh.c, e_log2.c with k_log.h), which descend from Sun's fdlibm and carry its notice:
 *
 *   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 *   Developed at SunPro, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this
 *   software is freely granted, provided that this notice
 *   is preserved.
 *
 * The log2 extra-precision scheme is Bruce D. Evans's, distributed with FreeBSD under the same notice.
 * tanhF and expm1F follow fdlibm's float functions as glibc 2.36 carries them (sysdeps/ieee754/flt-32/s_tanhf.c,
 * s_expm1f.c; "Conversion to float by Ian Lance Taylor, Cygnus Support"), under the same Sun notice.
 * The Java code is written for this project from those algorithms; the polynomial coefficients are fdlibm's.
 *
 * The float32 GELU forward and backward of contiguous tensors reproduce the steps and constants of oneDNN 2.6's
 * jit eltwise kernel (Intel's oneDNN, Apache License 2.0), which PyTorch 1.13.1 calls for them.
 */
package org.autograd4j.kernels;

/**
 * Scalar math functions that {@link java.lang.Math} lacks, and the float32 and float64 forms of the compound
 * activation functions, each written as PyTorch 1.13.1's CPU kernel evaluates it.
 *
 * <p><b>Why two precisions for compound functions.</b> A function such as {@code silu(x) = x / (1 + e^-x)} or
 * {@code gelu(x) = x·0.5·(1 + erf(x/√2))} is computed by PyTorch step by step in the tensor's own dtype. Where
 * a step overflows ({@code e^100} is +∞ in float32, so {@code silu(-100)} is -0) or cancels
 * ({@code 1 + erf(-3.5)} loses most of its float32 digits), the float32 result differs from the exact value
 * by far more than an ulp. Computing such a function in double and rounding once would be more accurate
 * but would not be PyTorch's answer, so the {@code …F} methods below round every primitive
 * (exp, log1p, erf, tanh: computed in double, then rounded to float) and do every arithmetic step in float,
 * as PyTorch does. The single-function cases (log1p, erf, asinh, …) are computed in double and rounded once
 * by the caller, which is within an ulp of PyTorch's Sleef/glibc float32 functions.
 *
 * <p>The float64 functions here are fdlibm's algorithms, the same ones glibc uses for them, so they agree
 * with PyTorch's glibc-based asinh/acosh/atanh almost always bit for bit, and with its Sleef-based erf/erfc
 * within 1 and 2 ulps. Their errors against the exact value, measured on 40 000 arguments each: log2 0.71 ulp,
 * erf 0.78, erfc 2.2 (for large x, where the result is a product of two exponentials), asinh 1.5, acosh 1.7,
 * atanh 1.5 (the rounding of the argument handed to log1p).
 *
 * <p>float32 GELU and its backward on a contiguous input of more than one element are not ATen's formula in
 * PyTorch 1.13.1 but oneDNN's kernel (an Abramowitz–Stegun erf, absolute error about 1.5e-7), reproduced
 * here operation by operation ({@link #geluDnnlF}, {@link #geluDerivativeDnnlF}).
 *
 * <p>A few functions also reproduce limits of Sleef, the library behind PyTorch's AVX2 vector code, which
 * differ from the exact function at the edge of the range (fmod of quotients beyond the float range, log1p
 * above 1e307, sinh/cosh once e^|x| overflows): PyTorch's vector code computes every element of a
 * contiguous tensor except, for cpu_kernel_vec ops (fmod, remainder, sinh, cosh), the last n mod 16
 * (float32) or n mod 8 (float64) elements and strided inputs, which take glibc's exact scalar functions.
 */
final class MathFns {
    private MathFns() {
    }

    // ---------------------------------------------------------------- bit helpers

    private static int hi(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    private static int lo(double x) {
        return (int) Double.doubleToRawLongBits(x);
    }

    /** x with its low 32 bits cleared: the "head" of a head+tail split that multiplies exactly. */
    private static double clearLow(double x) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) & 0xFFFFFFFF00000000L);
    }

    private static double withHigh(double x, int high) {
        return Double.longBitsToDouble(((long) high << 32) | (Double.doubleToRawLongBits(x) & 0xFFFFFFFFL));
    }

    // ---------------------------------------------------------------- log2

    private static final double LG1 = 0x1.5555555555593p-1, LG2 = 0x1.999999997fa04p-2, LG3 = 0x1.2492494229359p-2,
            LG4 = 0x1.c71c51d8e78afp-3, LG5 = 0x1.7466496cb03dep-3, LG6 = 0x1.39a09d078c69fp-3,
            LG7 = 0x1.2f112df3e5244p-3;
    /** 1/ln 2 split so that {@code hi·IVLN2HI} is exact for a 21-bit hi. */
    private static final double IVLN2HI = 0x1.7154765200000p+0, IVLN2LO = 0x1.705fc2eefa200p-33;

    /**
     * {@code log(1+f) - f + f²/2} for f in [√2/2 - 1, √2 - 1], fdlibm's minimax polynomial in
     * {@code s = f/(2+f)}. Keeping the {@code f - f²/2} part out lets the caller add it in extra precision.
     */
    private static double log1pTail(double f) {
        double s = f / (2.0 + f);
        double z = s * s;
        double w = z * z;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        double hfsq = 0.5 * f * f;
        return s * (hfsq + t2 + t1);
    }

    /**
     * log₂ x (PyTorch's {@code torch.log2}), below 1 ulp: exact for powers of two, -∞ at ±0, NaN below 0.
     * {@code x = 2^k·(1+f)} with 1+f in [√2/2, √2); {@code f - f²/2} is split into a 21-bit head and a tail so
     * the multiplication by 1/ln 2 and the addition of k lose nothing before the final rounding.
     */
    static double log2(double x) {
        int hx = hi(x);
        int lx = lo(x);
        int k = 0;
        if (hx < 0x00100000) { // subnormal, zero or negative
            if (((hx & 0x7fffffff) | lx) == 0) return Double.NEGATIVE_INFINITY;
            if (hx < 0) return Double.NaN;
            k -= 54;
            x *= 0x1p54;
            hx = hi(x);
        }
        if (hx >= 0x7ff00000) return x + x; // +inf or NaN
        if (hx == 0x3ff00000 && lx == 0) return 0.0;
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        // i is 0x100000 when the mantissa is at least √2: then halve it (exponent 0x3fe) and bump k
        int i = (hx + 0x95f64) & 0x100000;
        x = withHigh(x, hx | (i ^ 0x3ff00000));
        k += i >> 20;
        double y = k;
        double f = x - 1.0;
        double hfsq = 0.5 * f * f;
        double r = log1pTail(f);
        double head = clearLow(f - hfsq);
        double tail = (f - head) - hfsq + r;
        double valHi = head * IVLN2HI;
        double valLo = (tail + head) * IVLN2LO + tail * IVLN2HI;
        // y + valHi exactly as a sum of two doubles (|y| ≥ |valHi| or y = 0), then the correction
        double w = y + valHi;
        valLo += (y - w) + valHi;
        return valLo + w;
    }

    // ---------------------------------------------------------------- asinh / acosh / atanh

    private static final double LN2 = 0x1.62e42fefa39efp-1;

    /**
     * asinh x = sign(x)·log(|x| + √(x²+1)) (PyTorch's {@code torch.asinh}), fdlibm's three ranges: x itself
     * below 2⁻²⁸, {@code log1p(|x| + x²/(1+√(1+x²)))} up to 2, {@code log(2|x| + 1/(√(x²+1)+|x|))} up to 2²⁸,
     * and {@code log|x| + ln 2} beyond (where x² would overflow).
     */
    static double asinh(double x) {
        double a = Math.abs(x);
        if (!(a < Double.POSITIVE_INFINITY)) return x + x; // ±inf, NaN
        int ia = hi(a); // the ranges are fdlibm's, on the high word, so the branches match it exactly
        if (ia < 0x3e300000) return x; // |x| < 2^-28
        double w;
        if (ia > 0x41b00000) {
            w = Math.log(a) + LN2;
        } else if (ia > 0x40000000) {
            w = Math.log(2.0 * a + 1.0 / (Math.sqrt(x * x + 1.0) + a));
        } else {
            double t = x * x;
            w = Math.log1p(a + t / (1.0 + Math.sqrt(1.0 + t)));
        }
        return x > 0 ? w : -w;
    }

    /**
     * acosh x = log(x + √(x²-1)) for x ≥ 1, NaN below 1 (PyTorch's {@code torch.acosh}); fdlibm's ranges:
     * {@code log1p(t + √(2t+t²))} with t = x-1 below 2 (no cancellation near 1),
     * {@code log(2x - 1/(x+√(x²-1)))} up to 2²⁸, {@code log x + ln 2} beyond.
     */
    static double acosh(double x) {
        if (x < 1.0) return Double.NaN;
        if (x >= 0x1p28) {
            if (x == Double.POSITIVE_INFINITY) return x;
            return Math.log(x) + LN2;
        }
        if (x == 1.0) return 0.0;
        if (hi(x) > 0x40000000) { // fdlibm's split, on the high word: x ≥ 2·(1 + 2^-20)
            return Math.log(2.0 * x - 1.0 / (x + Math.sqrt(x * x - 1.0)));
        }
        if (x > 1.0) {
            double t = x - 1.0;
            return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
        }
        return x + x; // NaN
    }

    /**
     * atanh x = ½·log((1+x)/(1-x)) for |x| ≤ 1 (±∞ at ±1, NaN beyond; PyTorch's {@code torch.atanh}), as
     * fdlibm: x itself below 2⁻²⁸, {@code ½·log1p(2a + 2a²/(1-a))} below ½ and {@code ½·log1p(2a/(1-a))} above,
     * with a = |x| and the sign of x.
     */
    static double atanh(double x) {
        double a = Math.abs(x);
        if (!(a <= 1.0)) return Double.NaN; // |x| > 1 or NaN
        if (a == 1.0) return x / 0.0;
        if (a < 0x1p-28) return x;
        double t;
        if (a < 0.5) {
            double t2 = a + a;
            t = 0.5 * Math.log1p(t2 + t2 * a / (1.0 - a));
        } else {
            t = 0.5 * Math.log1p((a + a) / (1.0 - a));
        }
        return x >= 0 ? t : -t;
    }

    // ---------------------------------------------------------------- erf / erfc

    /** erf(1) rounded to 24 bits: the constant term of the expansion around 1. */
    private static final double ERX = 0x1.b0ac160000000p-1;
    private static final double EFX = 0x1.06eba8214db69p-3, EFX8 = 0x1.06eba8214db69p+0;
    // erf on [0, 0.84375]: x + x·P(x²)/Q(x²)
    private static final double PP0 = 0x1.06eba8214db68p-3, PP1 = -0x1.4cd7d691cb913p-2, PP2 = -0x1.d2a51dbd7194fp-6,
            PP3 = -0x1.7a291236668e4p-8, PP4 = -0x1.8ead6120016acp-16;
    private static final double QQ1 = 0x1.97779cddadc09p-2, QQ2 = 0x1.0a54c5536cebap-4, QQ3 = 0x1.4d022c4d36b0fp-8,
            QQ4 = 0x1.15dc9221c1a10p-13, QQ5 = -0x1.09c4342a26120p-18;
    // erf on [0.84375, 1.25]: erx + P(s)/Q(s) with s = |x| - 1
    private static final double PA0 = -0x1.359b8bef77538p-9, PA1 = 0x1.a8d00ad92b34dp-2, PA2 = -0x1.7d240fbb8c3f1p-2,
            PA3 = 0x1.45fca805120e4p-2, PA4 = -0x1.c63983d3e28ecp-4, PA5 = 0x1.22a36599795ebp-5,
            PA6 = -0x1.1bf380a96073fp-9;
    private static final double QA1 = 0x1.b3e6618eee323p-4, QA2 = 0x1.14af092eb6f33p-1, QA3 = 0x1.2635cd99fe9a7p-4,
            QA4 = 0x1.02660e763351fp-3, QA5 = 0x1.bedc26b51dd1cp-7, QA6 = 0x1.88b545735151dp-7;
    // erfc on [1.25, 1/0.35]: exp(-x² - 0.5625 + R(1/x²)/S(1/x²)) / x
    private static final double RA0 = -0x1.43412600d6435p-7, RA1 = -0x1.63416e4ba7360p-1, RA2 = -0x1.51e0441b0e726p+3,
            RA3 = -0x1.f300ae4cba38dp+5, RA4 = -0x1.44cb184282266p+7, RA5 = -0x1.7135cebccabb2p+7,
            RA6 = -0x1.4526557e4d2f2p+6, RA7 = -0x1.3a0efc69ac25cp+3;
    private static final double SA1 = 0x1.3a6b9bd707687p+4, SA2 = 0x1.1350c526ae721p+7, SA3 = 0x1.b290dd58a1a71p+8,
            SA4 = 0x1.42b1921ec2868p+9, SA5 = 0x1.ad02157700314p+8, SA6 = 0x1.b28a3ee48ae2cp+6,
            SA7 = 0x1.a47ef8e484a93p+2, SA8 = -0x1.eeff2ee749a62p-5;
    // erfc on [1/0.35, 28]
    private static final double RB0 = -0x1.4341239e86f4ap-7, RB1 = -0x1.993ba70c285dep-1, RB2 = -0x1.1c209555f995ap+4,
            RB3 = -0x1.4145d43c5ed98p+7, RB4 = -0x1.3ec881375f228p+9, RB5 = -0x1.004616a2e5992p+10,
            RB6 = -0x1.e384e9bdc383fp+8;
    private static final double SB1 = 0x1.e568b261d5190p+4, SB2 = 0x1.45cae221b9f0ap+8, SB3 = 0x1.802eb189d5118p+10,
            SB4 = 0x1.8ffb7688c246ap+11, SB5 = 0x1.3f219cedf3be6p+11, SB6 = 0x1.da874e79fe763p+8,
            SB7 = -0x1.670e242712d62p+4;

    /** x + x·P(x²)/Q(x²) - x: the small-argument correction shared by erf and erfc. */
    private static double erfSmallRatio(double x) {
        double z = x * x;
        double r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
        double s = 1.0 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
        return r / s;
    }

    /** P(s)/Q(s) for s = |x| - 1 on [0.84375, 1.25]: erf(|x|) - erx. */
    private static double erfNearOne(double a) {
        double s = a - 1.0;
        double p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
        double q = 1.0 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
        return p / q;
    }

    /**
     * x·erfc(x) for 1.25 ≤ a = |x| &lt; 28: {@code exp(-a² - 0.5625 + R/S)}, with a² split as head² plus an
     * exact correction {@code (head - a)(head + a)} so the large exponent carries no rounding error.
     * {@code threshold} is the high word at which the second rational approximation starts.
     */
    private static double erfcScaled(double a, int threshold) {
        double s = 1.0 / (a * a);
        double r, q;
        if (hi(a) < threshold) {
            r = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
            q = 1.0 + s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
        } else {
            r = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
            q = 1.0 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
        }
        double z = clearLow(a);
        return Math.exp(-z * z - 0.5625) * Math.exp((z - a) * (z + a) + r / q);
    }

    /**
     * The error function {@code erf x = 2/√π ∫₀ˣ e^(-t²) dt} (PyTorch's {@code torch.erf}), fdlibm's rational
     * approximations on [0, 0.84375], [0.84375, 1.25], [1.25, 1/0.35], [1/0.35, 6], and ±1 beyond 6.
     */
    static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double a = Math.abs(x);
        int ia = hi(a);
        if (ia < 0x3feb0000) { // |x| < 0.84375
            if (ia < 0x3e300000) { // |x| < 2^-28: erf x ≈ 2x/√π
                if (ia < 0x00800000) return 0.125 * (8.0 * x + EFX8 * x); // scaled so the product does not underflow
                return x + EFX * x;
            }
            return x + x * erfSmallRatio(x);
        }
        if (ia < 0x3ff40000) { // |x| < 1.25
            double pq = erfNearOne(a);
            return x >= 0 ? ERX + pq : -ERX - pq;
        }
        if (ia >= 0x40180000) { // |x| ≥ 6 (and ±inf): erf rounds to ±1
            return x >= 0 ? 1.0 : -1.0;
        }
        double r = erfcScaled(a, 0x4006DB6E);
        return x >= 0 ? 1.0 - r / a : r / a - 1.0;
    }

    /**
     * The complementary error function {@code erfc x = 1 - erf x} (PyTorch's {@code torch.erfc}), computed
     * without the cancellation of {@code 1 - erf x}: fdlibm's ranges as in {@link #erf}, with {@code erfc}
     * underflowing to 0 beyond 28 and equal to 2 below -6.
     */
    static double erfc(double x) {
        if (Double.isNaN(x)) return x;
        double a = Math.abs(x);
        int hx = hi(x);
        int ia = hi(a);
        if (ia < 0x3feb0000) { // |x| < 0.84375
            if (ia < 0x3c700000) return 1.0 - x; // |x| < 2^-56
            double y = erfSmallRatio(x);
            if (hx < 0x3fd00000) return 1.0 - (x + x * y); // x < 1/4 (including every negative x)
            double r = x * y + (x - 0.5);
            return 0.5 - r;
        }
        if (ia < 0x3ff40000) { // |x| < 1.25
            double pq = erfNearOne(a);
            return x >= 0 ? (1.0 - ERX) - pq : 1.0 + (ERX + pq);
        }
        if (ia < 0x403c0000) { // |x| < 28
            if (x < 0 && ia >= 0x40180000) return 2.0; // x ≤ -6
            double r = erfcScaled(a, 0x4006DB6D);
            return x > 0 ? r / a : 2.0 - r / a;
        }
        return x > 0 ? 0.0 : 2.0; // beyond 28 (and ±inf): underflow to 0, or 2
    }

    // ---------------------------------------------------------------- compound activations, float64

    /** √½ as C's {@code M_SQRT1_2}. */
    static final double SQRT1_2 = 0.70710678118654752440;
    /** √(2/π) as PyTorch computes it for the tanh GELU: {@code M_SQRT2 * M_2_SQRTPI * 0.5}. */
    static final double GELU_BETA = 1.41421356237309504880 * 1.12837916709551257390 * 0.5;
    /** The cubic coefficient of the tanh GELU. */
    static final double GELU_KAPPA = 0.044715;

    /**
     * softplus as PyTorch's {@code softplus_kernel}: {@code x·β > threshold ? x : log1p(exp(x·β))/β}.
     */
    static double softplus(double x, double beta, double threshold) {
        double xb = x * beta;
        return xb > threshold ? x : log1p(Math.exp(xb)) / beta;
    }

    /** ELU as PyTorch 1.13's {@code elu_kernel} with scale = input_scale = 1: {@code x > 0 ? x : (exp(x) - 1)·α}. */
    static double elu(double x, double alpha) {
        return x > 0 ? x : (Math.exp(x) - 1.0) * alpha; // exp - 1, not expm1: PyTorch 1.13's formula
    }

    /** Exact GELU as ATen's {@code GeluKernelImpl}: {@code x·0.5·(1 + erf(x·√½))}. */
    static double gelu(double x) {
        return x * 0.5 * (1.0 + erf(x * SQRT1_2));
    }

    /**
     * tanh GELU as ATen's {@code GeluKernelImpl} (approximate='tanh'): {@code 0.5·x·(1 + tanh(β·(x + κ·x³)))},
     * with {@code x + κ·x³} one FMA, as the compiled kernel has it; its scalar code's tanh is glibc's, fdlibm's
     * algorithm, as {@link StrictMath#tanh}.
     */
    static double geluTanh(double x) {
        return 0.5 * x * (1.0 + StrictMath.tanh(geluTanhInner(x)));
    }

    /** {@link #geluTanh} as ATen's float64 vector code: SLEEF's saturation of tanh ({@link #tanhSleefRange}). */
    static double geluTanhVector(double x) {
        return 0.5 * x * (1.0 + tanhSleefRange(geluTanhInner(x)));
    }

    /**
     * tanh with SLEEF's saturation: ±1 beyond |u| &gt; 18.714973875, where {@code Sleef_tanhd4_u10} (PyTorch's
     * float64 vector tanh) stops computing, so the tanh GELU's {@code 1 + t} is exactly 0 where PyTorch's is.
     */
    static double tanhSleefRange(double u) {
        return Math.abs(u) > 18.714973875 ? Math.copySign(1.0, u) : Math.tanh(u);
    }

    /** {@code β·fma(κ, x·x·x, x)}: the tanh GELU's inner argument as ATen's kernel computes it. */
    static double geluTanhInner(double x) {
        return GELU_BETA * Math.fma(GELU_KAPPA, x * x * x, x);
    }

    /**
     * d/dx of the tanh GELU times g, as ATen's {@code GeluBackwardKernelImpl} (approximate='tanh'):
     * {@code g·(½(1 + t) + ½x·(1 - t²)·β(1 + 3κx²))}, t = tanh(inner), with the FMAs the compiled kernel has
     * ({@code x + κx³}, {@code 1 - t·t}, {@code 1 + 3κ·x²}); {@code t} is handed in (SLEEF's or glibc's tanh).
     */
    static double geluTanhBackward(double g, double x, double t) {
        double left = 0.5 * x, right = 1.0 + t;
        double leftDerivative = 0.5 * right;
        double tanhDerivative = Math.fma(-t, t, 1.0);
        double innerDerivative = GELU_BETA * Math.fma(3.0 * GELU_KAPPA, x * x, 1.0);
        return g * (leftDerivative + left * tanhDerivative * innerDerivative);
    }

    /** SiLU as ATen's {@code silu_kernel}: {@code x / (1 + exp(-x))}. */
    static double silu(double x) {
        return x / (1.0 + Math.exp(-x));
    }

    /** Mish as ATen's {@code mish_kernel}: {@code x·tanh(log1p(exp(x)))} (no softplus threshold). */
    static double mish(double x) {
        return x * Math.tanh(log1p(Math.exp(x)));
    }

    /**
     * logaddexp as ATen 1.13's {@code logaddexp_kernel}: equal infinities give themselves, otherwise
     * {@code max(a, b) + log(1 + exp(-|a - b|))} (log of 1 + …, not log1p, in both its scalar and vector code).
     */
    static double logaddexp(double a, double b) {
        if (Double.isInfinite(a) && a == b) return a;
        double m = Math.max(a, b);
        return m + Math.log(1.0 + Math.exp(-Math.abs(a - b)));
    }

    /** xlogy as ATen: NaN if y is NaN, else 0 where x = 0, else {@code x·log y}. */
    static double xlogy(double x, double y) {
        if (Double.isNaN(y)) return Double.NaN;
        if (x == 0) return 0.0;
        return x * Math.log(y);
    }

    // ---------------------------------------------------------------- Sleef's limits, as PyTorch's vector code shows them

    /**
     * fmod as PyTorch's AVX2 vector code computes it (Sleef's {@code fmod}): C's exact fmod, except NaN when the
     * quotient |a/b| exceeds the double range (Sleef's first quotient estimate, {@code toward0(|a|)·toward0(1/|b|)}
     * after scaling subnormal divisors by 2⁵⁴, overflows). PyTorch's scalar path, used for the last {@code n mod 8}
     * elements of a contiguous float64 tensor and for strided ones, returns the exact fmod there instead.
     */
    static double fmod(double a, double b) {
        double n = Math.abs(a), d = Math.abs(b);
        if (n < Double.POSITIVE_INFINITY && d > 0 && d < Double.POSITIVE_INFINITY && n >= d) {
            if (d < Double.MIN_NORMAL) {
                n *= 0x1p54;
                d *= 0x1p54;
            }
            if (Math.nextDown(n) * Math.nextDown(1.0 / d) == Double.POSITIVE_INFINITY) return Double.NaN;
        }
        return a % b; // Java's floating % is C's fmod: exact, with the dividend's sign
    }

    /** {@link #fmod(double, double)} for float32: Sleef's float fmod overflows past the float range (subnormal divisors scaled by 2²⁵). */
    static float fmodF(float a, float b) {
        float n = Math.abs(a), d = Math.abs(b);
        if (n < Float.POSITIVE_INFINITY && d > 0 && d < Float.POSITIVE_INFINITY && n >= d) {
            if (d < Float.MIN_NORMAL) {
                n *= 0x1p25f;
                d *= 0x1p25f;
            }
            if (Math.nextDown(n) * Math.nextDown(1f / d) == Float.POSITIVE_INFINITY) return Float.NaN;
        }
        return a % b;
    }

    /**
     * log1p as PyTorch's vector code (Sleef): +∞ above 1e307 (float64) or 1e38 (float32, see {@link #log1pF}),
     * where the exact value would still be finite; otherwise {@link Math#log1p}. PyTorch computes log1p through
     * its vector path for every element.
     */
    static double log1p(double x) {
        return x > 1e307 ? Double.POSITIVE_INFINITY : Math.log1p(x);
    }

    /** {@link #log1p(double)} for float32. */
    static float log1pF(float x) {
        return x > 1e38f ? Float.POSITIVE_INFINITY : (float) Math.log1p(x);
    }

    /**
     * sinh as PyTorch's vector code (Sleef, which forms e^|x| first): ±∞ once e^|x| overflows (|x| beyond
     * ln(Double.MAX_VALUE) ≈ 709.78, though sinh itself only overflows past 710.48); otherwise {@link Math#sinh}.
     * PyTorch's scalar path (the last {@code n mod 8} elements of a contiguous tensor, strided tensors) gives
     * the finite value there.
     */
    static double sinh(double x) {
        return Math.exp(Math.abs(x)) == Double.POSITIVE_INFINITY ? Math.copySign(Double.POSITIVE_INFINITY, x) : Math.sinh(x);
    }

    /** {@link #sinh(double)} for float32: ±∞ once e^|x| overflows float (|x| ≥ 88.7228…, sinh overflows past 89.4). */
    static float sinhF(float x) {
        return Float.isInfinite(expF(Math.abs(x))) ? Math.copySign(Float.POSITIVE_INFINITY, x) : (float) Math.sinh(x);
    }

    /** cosh as PyTorch's vector code, with the overflow of {@link #sinh(double)}. */
    static double cosh(double x) {
        return Math.exp(Math.abs(x)) == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : Math.cosh(x);
    }

    /** {@link #cosh(double)} for float32. */
    static float coshF(float x) {
        return Float.isInfinite(expF(Math.abs(x))) ? Float.POSITIVE_INFINITY : (float) Math.cosh(x);
    }

    /**
     * Python's mod as ATen's {@code remainder_kernel}: {@code fmod(a, b)} (Sleef's, {@link #fmod(double, double)}),
     * plus b when it is nonzero and its sign differs from b's.
     */
    /** Rounds toward zero (C's trunc; signed zeros, infinities and NaN pass through). */
    static double trunc(double q) {
        return q < 0 ? Math.ceil(q) : Math.floor(q);
    }

    /** PyTorch's {@code div_floor_floating}: Python's {@code a // b}, rounded as CPython's float floor division. */
    static double divFloor(double a, double b) {
        if (b == 0) return a / b;
        double mod = fmod(a, b), div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) div -= 1;
        if (div == 0) return Math.copySign(0.0, a / b);
        double f = Math.floor(div);
        return div - f > 0.5 ? f + 1 : f;
    }

    /** {@link #divFloor(double, double)} in float32 arithmetic. */
    static float divFloorF(float a, float b) {
        if (b == 0) return a / b;
        float mod = fmodF(a, b), div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) div -= 1;
        if (div == 0) return Math.copySign(0f, a / b);
        float f = (float) Math.floor(div);
        return div - f > 0.5f ? f + 1 : f;
    }

    static double remainder(double a, double b) {
        double mod = fmod(a, b);
        if (mod != 0 && ((b < 0) != (mod < 0))) mod += b;
        return mod;
    }

    // ---------------------------------------------------------------- compound activations, float32

    private static float expF(float x) {
        return (float) Math.exp(x);
    }

    /** softplus in float32 arithmetic, β and threshold rounded to float first (as PyTorch's {@code Scalar.to<float>}). */
    static float softplusF(float x, float beta, float threshold) {
        float xb = x * beta;
        return xb > threshold ? x : log1pF(expF(xb)) / beta;
    }

    /** {@link #elu} in float32 arithmetic. */
    static float eluF(float x, float alpha) {
        return x > 0 ? x : (expF(x) - 1f) * alpha;
    }

    /** {@link #gelu} in float32 arithmetic, erf rounded to float. */
    static float geluF(float x) {
        float e = (float) erf(x * (float) SQRT1_2);
        return x * 0.5f * (1f + e);
    }

    // oneDNN 2.6's float32 constants (the bit patterns of its jit_uni_eltwise_injector tables)
    private static final float DNNL_LOG2E = Float.intBitsToFloat(0x3fb8aa3b);
    private static final float DNNL_LN2 = Float.intBitsToFloat(0x3f317218);
    private static final float DNNL_LN_FLT_MAX = Float.intBitsToFloat(0x42b17218);
    private static final float DNNL_LN_FLT_MIN = Float.intBitsToFloat(0xc2aeac50);
    private static final float DNNL_EXP_P1 = Float.intBitsToFloat(0x3f7ffffb), DNNL_EXP_P2 = Float.intBitsToFloat(0x3efffee3),
            DNNL_EXP_P3 = Float.intBitsToFloat(0x3e2aad40), DNNL_EXP_P4 = Float.intBitsToFloat(0x3d2b9d0d),
            DNNL_EXP_P5 = Float.intBitsToFloat(0x3c07cfce);
    private static final float DNNL_ERF_P = Float.intBitsToFloat(0x3ea7ba05);
    private static final float DNNL_SQRT1_2 = Float.intBitsToFloat(0x3f3504f3);
    private static final float DNNL_ERF_A1 = Float.intBitsToFloat(0x3e827906), DNNL_ERF_A2 = Float.intBitsToFloat(0xbe91a98e),
            DNNL_ERF_A3 = Float.intBitsToFloat(0x3fb5f0e3), DNNL_ERF_A4 = Float.intBitsToFloat(0xbfba00e3),
            DNNL_ERF_A5 = Float.intBitsToFloat(0x3f87dc22);

    /** x86 minps/maxps: the second operand unless the first compares less/greater (so a NaN first operand gives the second). */
    private static float minps(float a, float b) {
        return a < b ? a : b;
    }

    private static float maxps(float a, float b) {
        return a > b ? a : b;
    }

    /**
     * oneDNN 2.6's vector exp (its eltwise injector): x clamped to [ln FLT_MIN, ln FLT_MAX], n = ⌊x·log₂e + ½⌋,
     * r = x - n·ln 2 (one FMA), a degree-5 polynomial in r evaluated with FMAs, times 2^(n-1) and 2; 0 below
     * ln FLT_MIN. Every step is a float32 operation, so this reproduces its bits.
     */
    private static float dnnlExp(float x) {
        boolean underflow = x < DNNL_LN_FLT_MIN;
        x = maxps(minps(x, DNNL_LN_FLT_MAX), DNNL_LN_FLT_MIN);
        float n = (float) Math.floor(x * DNNL_LOG2E + 0.5f);
        float r = Math.fma(-n, DNNL_LN2, x);
        float scale = underflow ? 0f : Float.intBitsToFloat(((int) (n - 1f) + 127) << 23); // 2^(n-1); 0 when n-1 = -127
        float p = Math.fma(DNNL_EXP_P5, r, DNNL_EXP_P4);
        p = Math.fma(p, r, DNNL_EXP_P3);
        p = Math.fma(p, r, DNNL_EXP_P2);
        p = Math.fma(p, r, DNNL_EXP_P1);
        p = Math.fma(p, r, 1f);
        return p * scale * 2f;
    }

    private static float flipSign(float v, int signBit) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) ^ signBit);
    }

    /**
     * Exact GELU as PyTorch 1.13.1 computes it for a contiguous float32 tensor of more than one element: it
     * hands those to oneDNN (2.6), whose jit kernel uses the Abramowitz–Stegun approximation 7.1.26,
     * {@code erf(x) ≈ 1 - (a₁t + a₂t² + … + a₅t⁵)·e^(-x²)} with {@code t = 1/(1 + p|x|)} (absolute error up to
     * about 1.5e-7), and {@code gelu = s/2 + s/2·erf(s/√2)} as one FMA. The steps, FMAs and constants are
     * oneDNN's, so the result has its bits; it differs from {@link #geluF} by up to about 4e-7 (absolute).
     */
    static float geluDnnlF(float s) {
        float x = s * DNNL_SQRT1_2;
        float t = 1f / Math.fma(DNNL_ERF_P, Math.abs(x), 1f);
        float e = -dnnlExp(-(x * x)) * t;
        float r = Math.fma(DNNL_ERF_A5, t, DNNL_ERF_A4);
        r = Math.fma(r, t, DNNL_ERF_A3);
        r = Math.fma(r, t, DNNL_ERF_A2);
        r = Math.fma(r, t, DNNL_ERF_A1);
        float erf = flipSign(Math.fma(e, r, 1f), Float.floatToRawIntBits(s) & 0x80000000);
        float half = s * 0.5f;
        return Math.fma(erf, half, half);
    }

    private static final float DNNL_1_SQRTPI = Float.intBitsToFloat(0x3f106eba);

    /**
     * d gelu/ds as oneDNN 2.6's backward kernel (PyTorch 1.13.1's gelu_backward for contiguous float32 inputs of
     * more than one element): {@code ½ + ½·erf(r) + r·e^(-r²)/√π} with r = s/√2 and the same erf approximation as
     * {@link #geluDnnlF}; the caller multiplies by the gradient (one rounding, as oneDNN's vmulps).
     */
    static float geluDerivativeDnnlF(float s) {
        float r = s * DNNL_SQRT1_2;
        float q = dnnlExp(-(r * r));
        float t = r * DNNL_1_SQRTPI * q;
        float w = 1f / Math.fma(DNNL_ERF_P, Math.abs(r), 1f);
        float qw = -q * w;
        float p = Math.fma(DNNL_ERF_A5, w, DNNL_ERF_A4);
        p = Math.fma(p, w, DNNL_ERF_A3);
        p = Math.fma(p, w, DNNL_ERF_A2);
        p = Math.fma(p, w, DNNL_ERF_A1);
        float erf = flipSign(Math.fma(qw, p, 1f), Float.floatToRawIntBits(r) & 0x80000000);
        return Math.fma(erf, 0.5f, t + 0.5f);
    }

    /** (2/√π)·√½·½ = 1/√(2π), as ATen computes it: {@code M_2_SQRTPI * M_SQRT1_2 * 0.5}. */
    private static final double GELU_BW_BETA = 1.12837916709551257390 * SQRT1_2 * 0.5;

    /**
     * ATen's GeluBackward kernel: {@code g·(cdf + x·pdf)}, cdf = ½(1 + erf(x·√½)), pdf = e^(-x²/2)/√(2π).
     * {@code fused}: its vector code (contiguous inputs), where the compiler fused {@code cdf + x·pdf} into one
     * FMA; the scalar code (strided inputs) rounds the product first.
     */
    static double geluBackward(double g, double x, boolean fused) {
        double cdf = 0.5 * (1.0 + erf(x * SQRT1_2));
        double pdf = GELU_BW_BETA * Math.exp(x * x * -0.5);
        return g * (fused ? Math.fma(x, pdf, cdf) : cdf + x * pdf);
    }

    /** {@link #geluBackward} in float32 arithmetic (constants rounded to float). */
    static float geluBackwardF(float g, float x, boolean fused) {
        float cdf = 0.5f * (1f + (float) erf(x * (float) SQRT1_2));
        float pdf = (float) GELU_BW_BETA * expF(x * x * -0.5f);
        return g * (fused ? Math.fma(x, pdf, cdf) : cdf + x * pdf);
    }

    /**
     * ATen's mish_backward kernel: {@code g·(t + x·σ·(1 - t²))} with σ = 1/(1 + e^-x), t = tanh(log1p(e^x));
     * {@code 1 - t²} and the final sum are fused multiply-adds, as the compiled kernel has them.
     */
    static double mishBackward(double g, double x) {
        double sigmoid = 1.0 / (1.0 + Math.exp(-x));
        double t = Math.tanh(log1p(Math.exp(x)));
        return g * Math.fma(x * sigmoid, Math.fma(-t, t, 1.0), t);
    }

    /** {@link #mishBackward} in float32 arithmetic. */
    static float mishBackwardF(float g, float x) {
        float sigmoid = 1f / (1f + expF(-x));
        float t = (float) Math.tanh(log1pF(expF(x)));
        return g * Math.fma(x * sigmoid, Math.fma(-t, t, 1f), t);
    }

    /**
     * {@link #geluTanh} in float32 arithmetic as ATen's scalar code (strided inputs, and the last n mod 16
     * elements of a contiguous one): glibc's {@code tanhf} ({@link #tanhF}).
     */
    static float geluTanhF(float x) {
        return geluTanhF(x, tanhF(geluTanhInnerF(x)));
    }

    /** The float32 tanh GELU from x and {@code t = tanh(inner)}: {@code ½x·(1 + t)}. */
    static float geluTanhF(float x, float t) {
        return 0.5f * x * (1f + t);
    }

    /** {@link #geluTanhInner} in float32 arithmetic (constants rounded to float). */
    static float geluTanhInnerF(float x) {
        return (float) GELU_BETA * Math.fma((float) GELU_KAPPA, x * x * x, x);
    }

    /** {@link #geluTanhBackward} in float32 arithmetic; {@code t} is SLEEF's (vector path) or glibc's (scalar) tanh. */
    static float geluTanhBackwardF(float g, float x, float t) {
        float left = 0.5f * x, right = 1f + t;
        float leftDerivative = 0.5f * right;
        float tanhDerivative = Math.fma(-t, t, 1f);
        float innerDerivative = (float) GELU_BETA * Math.fma(3f * (float) GELU_KAPPA, x * x, 1f);
        return g * (leftDerivative + left * tanhDerivative * innerDerivative);
    }

    /** ATen's scalar tanh GELU backward: {@link #geluTanhBackwardF} with glibc's {@code tanhf}. */
    static float geluTanhBackwardF(float g, float x) {
        return geluTanhBackwardF(g, x, tanhF(geluTanhInnerF(x)));
    }

    // ---------------------------------------------------------------- glibc's float tanh (fdlibm's)

    private static final float EXPM1F_O_THRESHOLD = Float.intBitsToFloat(0x42b17180), EXPM1F_LN2_HI = Float.intBitsToFloat(0x3f317180),
            EXPM1F_LN2_LO = Float.intBitsToFloat(0x3717f7d1), EXPM1F_INVLN2 = Float.intBitsToFloat(0x3fb8aa3b),
            EXPM1F_Q1 = Float.intBitsToFloat(0xbd088889), EXPM1F_Q2 = Float.intBitsToFloat(0x3ad00d01),
            EXPM1F_Q3 = Float.intBitsToFloat(0xb8a670cd), EXPM1F_Q4 = Float.intBitsToFloat(0x36867e54),
            EXPM1F_Q5 = Float.intBitsToFloat(0xb457edbb);

    /** x with k added to its binary exponent (the word arithmetic of fdlibm's SET_FLOAT_WORD). */
    private static float addExponent(float y, int k) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(y) + (k << 23));
    }

    /**
     * e^x - 1 in float arithmetic, glibc 2.36's {@code expm1f} (fdlibm's): reduction by k·ln 2 in two parts, a
     * degree-5 rational correction, and the reconstruction by cases of k. Matched bit for bit against Debian's
     * libm on 300,000 arguments (random bit patterns included).
     */
    static float expm1F(float x) {
        float y, hi, lo, c = 0, t, e;
        int k;
        int hx = Float.floatToRawIntBits(x);
        boolean negative = hx < 0;
        hx &= 0x7fffffff;
        if (hx >= 0x4195b844) { // |x| ≥ 27·ln 2
            if (hx >= 0x42b17218) { // |x| ≥ 88.72…
                if (hx > 0x7f800000) return x + x; // NaN
                if (hx == 0x7f800000) return negative ? -1f : x;
                if (x > EXPM1F_O_THRESHOLD) return Float.POSITIVE_INFINITY;
            }
            if (negative) return -1f; // tiny - 1 rounds to -1
        }
        if (hx > 0x3eb17218) { // |x| > ½ln 2
            if (hx < 0x3F851592) { // and |x| < 1.5 ln 2
                hi = negative ? x + EXPM1F_LN2_HI : x - EXPM1F_LN2_HI;
                lo = negative ? -EXPM1F_LN2_LO : EXPM1F_LN2_LO;
                k = negative ? -1 : 1;
            } else {
                k = (int) (EXPM1F_INVLN2 * x + (negative ? -0.5f : 0.5f));
                t = k;
                hi = x - t * EXPM1F_LN2_HI; // exact
                lo = t * EXPM1F_LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (hx < 0x33000000) { // |x| < 2⁻²⁵
            return x;
        } else {
            k = 0;
        }
        float hfx = 0.5f * x;
        float hxs = x * hfx;
        float r1 = 1f + hxs * (EXPM1F_Q1 + hxs * (EXPM1F_Q2 + hxs * (EXPM1F_Q3 + hxs * (EXPM1F_Q4 + hxs * EXPM1F_Q5))));
        t = 3f - r1 * hfx;
        e = hxs * ((r1 - t) / (6f - x * t));
        if (k == 0) return x - (x * e - hxs);
        e = x * (e - c) - c;
        e -= hxs;
        if (k == -1) return 0.5f * (x - e) - 0.5f;
        if (k == 1) return x < -0.25f ? -2f * (e - (x + 0.5f)) : 1f + 2f * (x - e);
        if (k <= -2 || k > 56) return addExponent(1f - (e - x), k) - 1f;
        if (k < 23) {
            t = Float.intBitsToFloat(0x3f800000 - (0x1000000 >> k)); // 1 - 2^-k
            return addExponent(t - (e - x), k);
        }
        t = Float.intBitsToFloat((0x7f - k) << 23); // 2^-k
        y = x - (e + t);
        y += 1f;
        return addExponent(y, k);
    }

    /**
     * tanh in float arithmetic, glibc 2.36's {@code tanhf} (fdlibm's, over {@link #expm1F}): what ATen's scalar
     * loops get from {@code std::tanh(float)}; 14 % of arguments differ from the correctly rounded
     * {@code (float) Math.tanh}. Matched bit for bit against Debian's libm on 300,000 arguments.
     */
    static float tanhF(float x) {
        int jx = Float.floatToRawIntBits(x), ix = jx & 0x7fffffff;
        if (ix >= 0x7f800000) return jx >= 0 ? 1f / x + 1f : 1f / x - 1f; // ±inf → ±1, NaN → NaN
        float z;
        if (ix < 0x41b00000) { // |x| < 22
            if (ix == 0) return x;
            if (ix < 0x24000000) return x * (1f + x); // |x| < 2⁻⁵⁵
            if (ix >= 0x3f800000) { // |x| ≥ 1
                float t = expm1F(2f * Math.abs(x));
                z = 1f - 2f / (t + 2f);
            } else {
                float t = expm1F(-2f * Math.abs(x));
                z = -t / (t + 2f);
            }
        } else {
            z = 1f; // 1 - tiny
        }
        return jx >= 0 ? z : -z;
    }

    /** {@link #silu} in float32 arithmetic: e^-x overflows to +∞ for x &lt; -88.7, giving -0. */
    static float siluF(float x) {
        return x / (1f + expF(-x));
    }

    /** {@link #mish} in float32 arithmetic. */
    static float mishF(float x) {
        return x * (float) Math.tanh(log1pF(expF(x)));
    }

    /** {@link #logaddexp} in float32 arithmetic: 1 + e rounds to 1 once e &lt; 2⁻²⁴. */
    static float logaddexpF(float a, float b) {
        if (Float.isInfinite(a) && a == b) return a;
        float m = Math.max(a, b);
        float e = expF(-Math.abs(a - b));
        return m + (float) Math.log(1f + e);
    }

    /** {@link #xlogy} in float32 arithmetic. */
    static float xlogyF(float x, float y) {
        if (Float.isNaN(y)) return Float.NaN;
        if (x == 0) return 0f;
        return x * (float) Math.log(y);
    }

    /** {@link #remainder(double, double)} in float32 arithmetic (the sum mod + b rounds to float, as in PyTorch). */
    static float remainderF(float a, float b) {
        float mod = fmodF(a, b);
        if (mod != 0 && ((b < 0) != (mod < 0))) mod += b;
        return mod;
    }

    /** √(a² + b²) for float32 inputs: exact squares and one rounding in double; ±∞ wins over NaN as in C's hypot. */
    static float hypotF(float a, float b) {
        if (Float.isInfinite(a) || Float.isInfinite(b)) return Float.POSITIVE_INFINITY;
        double da = a, db = b;
        return (float) Math.sqrt(da * da + db * db);
    }

    /** Python's integer mod as ATen's {@code remainder_kernel} for integers; b ≠ 0 checked by the caller. */
    static long remainder(long a, long b) {
        long r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) r += b;
        return r;
    }
}
