package org.autograd4j.kernels;

/**
 * Elementwise two-input kernels over broadcast layouts. Comparisons and the logical ops write bool (see
 * {@link #writesBool()}); the others write the inputs' dtype.
 */
public enum BinaryOp {
    /** a + b */ ADD,
    /** a - b */ SUB,
    /** a * b */ MUL,
    /** a / b (true division; callers promote integers to float first) */ DIV,
    /** a^b */ POW,
    /** max(a, b), NaN-propagating */ MAXIMUM,
    /** min(a, b), NaN-propagating */ MINIMUM,
    /** a * (1 - b*b) with the inner part fused, as PyTorch's tanh_backward CPU kernel */ TANH_BACKWARD,
    /** a == b */ EQ,
    /** a != b */ NE,
    /** a &lt; b */ LT,
    /** a &lt;= b */ LE,
    /** a &gt; b */ GT,
    /** a &gt;= b */ GE,

    /** The angle of the point (b, a), in [-π, π]; {@code torch.atan2(a, b)}. Float only. */
    ATAN2,
    /**
     * C's fmod: {@code a - trunc(a/b)·b} computed exactly, with the sign of a; {@code torch.fmod}. On int64,
     * b = 0 throws {@link ArithmeticException} with PyTorch's message {@code ZeroDivisionError}.
     */
    FMOD,
    /**
     * Python's mod, with the sign of b: {@code fmod(a, b)}, plus b where that is nonzero and its sign differs
     * from b's (PyTorch 1.13's formula; the sum is rounded, so a tiny negative a gives b itself);
     * {@code torch.remainder}. On int64, b = 0 throws {@link ArithmeticException}({@code "ZeroDivisionError"}).
     */
    REMAINDER,
    /**
     * The quotient rounded toward zero, {@code torch.div(a, b, rounding_mode='trunc')}: {@code trunc(a / b)} on floats;
     * C's integer division on int64, where b = 0 throws {@link ArithmeticException}({@code "ZeroDivisionError"}).
     */
    DIV_TRUNC,
    /**
     * The quotient rounded toward -∞, {@code torch.div(a, b, rounding_mode='floor')}: on floats PyTorch's
     * {@code div_floor_floating} ({@code (a - fmod(a, b)) / b}, one less where fmod's sign differs from b's, floored
     * with a fix-up above .5; a signed 0 where the quotient is 0; IEEE's {@code a / b} for b = 0); on int64 the
     * truncated quotient, one less where the signs differ and the remainder is nonzero (b = 0 throws as above).
     */
    DIV_FLOOR,
    /** √(a² + b²) without overflow, +∞ if either is ±∞ (even with a NaN); {@code torch.hypot}. Float only. */
    HYPOT,
    /**
     * ln(e^a + e^b) as PyTorch 1.13: a where a = b = ±∞, else {@code max(a, b) + ln(1 + e^-|a-b|)} (ln of 1 + …,
     * not log1p, so the small term vanishes below half an ulp of 1); {@code torch.logaddexp}. Float only.
     */
    LOGADDEXP,
    /** a·ln b, 0 where a = 0 unless b is NaN; {@code torch.xlogy}. Float only. */
    XLOGY,
    /** a ≠ 0 and b ≠ 0 (NaN counts as true), any input dtypes, bool out; {@code torch.logical_and}. */
    LOGICAL_AND,
    /** a ≠ 0 or b ≠ 0 (NaN counts as true), any input dtypes, bool out; {@code torch.logical_or}. */
    LOGICAL_OR,
    /**
     * The exact GELU's derivative applied to a gradient: a = grad, b = x,
     * {@code a·(Φ(b) + b·φ(b))} with Φ(x) = ½(1 + erf(x/√2)) and φ the normal density; PyTorch's
     * {@code gelu_backward(grad, self, approximate='none')}. As in PyTorch 1.13.1, a contiguous float32 x of more
     * than one element takes oneDNN's algorithm (its Abramowitz–Stegun erf, bit for bit), other inputs ATen's
     * formula. Float only.
     */
    GELU_BACKWARD,
    /**
     * Mish's derivative applied to a gradient: a = grad, b = x, {@code a·(t + b·σ(b)·(1 - t²))} with
     * t = tanh(ln(1 + e^b)), in PyTorch's order of operations (with its two fused multiply-adds);
     * PyTorch's {@code mish_backward(grad, self)}. Float only.
     */
    MISH_BACKWARD,
    /**
     * relu's derivative applied to a gradient, PyTorch's {@code threshold_backward(grad, self, 0)} kernel: a = grad,
     * b = relu's result, {@code b <= 0 ? 0 : a} (a NaN b passes the gradient through, as PyTorch's). Not for bool.
     */
    RELU_BACKWARD,
    /**
     * The tanh GELU's derivative applied to a gradient: a = grad, b = x,
     * {@code a·(½(1 + t) + ½b·(1 - t²)·β(1 + 3κb²))}, t = tanh(β(b + κb³)); PyTorch's
     * {@code gelu_backward(grad, self, approximate='tanh')} ({@code GeluBackwardKernelImpl}). float32 follows its
     * vector code (SLEEF's tanh) on contiguous spans but their last n mod 16 elements, its scalar code (glibc's
     * tanhf) elsewhere. Float only.
     */
    GELU_TANH_BACKWARD;

    /** True for the six comparisons EQ … GE, which write a bool result. */
    public boolean isComparison() {
        return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal();
    }

    /** True for the ops that write a bool result: the comparisons, {@link #LOGICAL_AND} and {@link #LOGICAL_OR}. */
    public boolean writesBool() {
        return isComparison() || this == LOGICAL_AND || this == LOGICAL_OR;
    }
}
