package org.autograd4j.kernels;

/**
 * Elementwise one-input kernels. {@code p0}/{@code p1} carry the scalar parameters where an op has them (0
 * otherwise). The output has the input's dtype, except for the ops whose {@link #writesBool()} is true, which
 * write a bool output from an input of any dtype.
 *
 * <p>float32 inputs of the compound activation functions (softplus, elu, gelu, silu, mish, …) are computed
 * step by step in float32 as PyTorch 1.13.1's CPU kernels do (see {@link MathFns}); float32 parameters are
 * rounded to float first, as PyTorch's {@code Scalar.to<float>()}. For the ops from {@link #LOG1P} on, unless
 * an op says otherwise, int64 and bool inputs are rejected with PyTorch's {@code "name" not implemented for
 * 'Long'} message ({@link UnsupportedOperationException}; PyTorch promotes integer inputs of the floating
 * functions to float32 before the kernel, and the caller does the same).
 */
public enum UnaryOp {
    /** -x */ NEG,
    /** e^x */ EXP,
    /** ln x */ LOG,
    /** √x */ SQRT,
    /** |x| */ ABS,
    /** sin x */ SIN,
    /** cos x */ COS,
    /** tanh x */ TANH,
    /** 1/(1+e^-x) */ SIGMOID,
    /** max(x, 0) */ RELU,
    /** 1/x */ RECIPROCAL,
    /** x^p0 */ POW,
    /** p0^x (scalar base) */ RPOW,
    /** min(max(x, p0), p1); NaN bounds mean "none" */ CLAMP,
    /** sign(x) ∈ {-1, 0, 1} */ SIGN,
    /** !x on bool */ LOGICAL_NOT,

    /** ln(1 + x), accurate near 0; {@code torch.log1p}. */ LOG1P,
    /** e^x - 1, accurate near 0; {@code torch.expm1}. */ EXPM1,
    /** log₂ x (exact at powers of two); {@code torch.log2}. */ LOG2,
    /** log₁₀ x; {@code torch.log10}. */ LOG10,
    /** 2^x; {@code torch.exp2}. */ EXP2,
    /** 1/√x, as PyTorch: the reciprocal of the rounded square root (two roundings); {@code torch.rsqrt}. */ RSQRT,
    /** tan x; {@code torch.tan}. */ TAN,
    /** arcsin x, NaN outside [-1, 1]; {@code torch.asin}. */ ASIN,
    /** arccos x, NaN outside [-1, 1]; {@code torch.acos}. */ ACOS,
    /** arctan x; {@code torch.atan}. */ ATAN,
    /** sinh x; {@code torch.sinh}. */ SINH,
    /** cosh x; {@code torch.cosh}. */ COSH,
    /** asinh x = ln(x + √(x²+1)); {@code torch.asinh}. */ ASINH,
    /** acosh x = ln(x + √(x²-1)), NaN below 1; {@code torch.acosh}. */ ACOSH,
    /** atanh x = ½ ln((1+x)/(1-x)), ±∞ at ±1, NaN beyond; {@code torch.atanh}. */ ATANH,
    /** erf x = 2/√π ∫₀ˣ e^(-t²) dt; {@code torch.erf}. */ ERF,
    /** erfc x = 1 - erf x without its cancellation; {@code torch.erfc}. */ ERFC,
    /** ⌊x⌋; identity on int64; {@code torch.floor}. */ FLOOR,
    /** ⌈x⌉; identity on int64; {@code torch.ceil}. */ CEIL,
    /** x rounded to the nearest integer, halves to even; identity on int64; {@code torch.round}. */ ROUND,
    /** x rounded toward zero; identity on int64; {@code torch.trunc}. */ TRUNC,
    /** x - trunc(x), computed exactly (negative for negative non-integers, NaN at ±∞); float only; {@code torch.frac}. */ FRAC,
    /**
     * {@code x·β > threshold ? x : ln(1 + e^(x·β))/β} with β = p0, threshold = p1;
     * {@code torch.nn.functional.softplus(x, beta, threshold)}.
     */
    SOFTPLUS,
    /**
     * {@code min(max(x, p0), p1)}, NaN-propagating; on int64 the bounds are truncated toward zero first, as
     * PyTorch's {@code Scalar.to<int64_t>()}; bool is rejected; {@code torch.nn.functional.hardtanh(x, min, max)}.
     */
    HARDTANH,
    /**
     * {@code x > 0 ? x : α·(e^x - 1)} with α = p0, evaluated as PyTorch 1.13's kernel does: {@code exp(x) - 1}, not
     * expm1 (so float32 {@code elu(-1e-10)} is 0); {@code torch.nn.functional.elu(x, alpha)} (scale = input_scale = 1).
     */
    ELU,
    /** {@code x > 0 ? x : x·p0}; {@code torch.nn.functional.leaky_relu(x, negative_slope)}. */ LEAKY_RELU,
    /**
     * Exact GELU {@code x·0.5·(1 + erf(x/√2))}; {@code torch.nn.functional.gelu(x)}. float64, and float32 with a
     * strided or one-element input, use ATen's formula; a contiguous float32 input of more than one element
     * uses oneDNN's algorithm (an Abramowitz–Stegun erf), as PyTorch 1.13.1 does, which differs from the
     * formula by up to about 4e-7 (absolute).
     */
    GELU,
    /**
     * tanh GELU {@code 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))};
     * {@code torch.nn.functional.gelu(x, approximate='tanh')}, as ATen's {@code GeluKernelImpl}: float32
     * contiguous spans take its vector code (SLEEF's tanh) but for their last n mod 16 elements, which, like
     * strided inputs, take its scalar code (glibc's tanhf).
     */
    GELU_TANH,
    /** {@code x/(1 + e^-x)} = x·σ(x); {@code torch.nn.functional.silu}. */ SILU,
    /** {@code x·tanh(ln(1 + e^x))} (no softplus threshold, as PyTorch's kernel); {@code torch.nn.functional.mish}. */ MISH,
    /** x is NaN (bool out; false for int64/bool inputs); {@code torch.isnan}. */ ISNAN,
    /** x is ±∞ (bool out; false for int64/bool inputs); {@code torch.isinf}. */ ISINF,
    /** x is neither NaN nor ±∞ (bool out; true for int64/bool inputs); {@code torch.isfinite}. */ ISFINITE,
    /**
     * NaN → 0, +∞ → p0, -∞ → p1, other values unchanged; identity on int64 and bool;
     * {@code torch.nan_to_num(x, nan=0, posinf=p0, neginf=p1)}. The kernel has no defaults: for PyTorch's
     * {@code posinf=None}/{@code neginf=None} the caller passes the dtype's largest and smallest finite values
     * ({@code Float.MAX_VALUE}/{@code -Float.MAX_VALUE} for float32, not {@code Double.MAX_VALUE}, which
     * rounds to ±∞ in float32). p0/p1 are rounded to the dtype, so out-of-range replacements become ±∞ as in PyTorch.
     */
    NAN_TO_NUM,
    /** sin(πx)/(πx), 1 at 0, with the product πx in the dtype's precision as PyTorch's kernel; {@code torch.sinc}. */
    SINC,
    /** x·(π/180), π/180 rounded to the dtype; {@code torch.deg2rad}. */
    DEG2RAD,
    /** x·(180/π), 180/π rounded to the dtype; {@code torch.rad2deg}. */
    RAD2DEG,
    /**
     * ln x as ATen's scalar loops get it from {@code std::log} (glibc: {@code math.Libm}'s bits in float64, rounded
     * to float for float32), where {@link #LOG} is SLEEF's vector log: binary_cross_entropy's kernel. Float only.
     */
    LIBM_LOG;

    /**
     * True for the ops that write a bool result whatever the input dtype: {@link #ISNAN}, {@link #ISINF},
     * {@link #ISFINITE} and {@link #LOGICAL_NOT}; the caller allocates a bool output for them.
     */
    public boolean writesBool() {
        return this == ISNAN || this == ISINF || this == ISFINITE || this == LOGICAL_NOT;
    }
}
