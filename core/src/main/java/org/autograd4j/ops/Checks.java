package org.autograd4j.ops;

import static org.autograd4j.ops.TensorMath.add;
import static org.autograd4j.ops.TensorMath.eq;
import static org.autograd4j.ops.TensorMath.logicalAnd;
import static org.autograd4j.ops.TensorMath.mul;
import static org.autograd4j.ops.TensorMath.sub;
import static org.autograd4j.ops.TensorMath.to;
import static org.autograd4j.ops.TensorMath.where;

import java.util.Arrays;
import org.autograd4j.DType;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.TensorImpl;

/**
 * The everyday comparisons tutorials print: {@code torch.isclose}, {@code torch.allclose}, {@code torch.equal}.
 * None is differentiable; each runs with grad mode off.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * PyTorch's {@code isclose}: {@code a == b}, or (with {@code equalNan}) both NaN, or
     * {@code |a − b| ≤ atol + |rtol·b|} with a finite difference; computed in a's dtype as PyTorch does
     * (integer and bool operands' tolerance in float32).
     */
    public static TensorImpl isclose(TensorImpl a, TensorImpl b, double rtol, double atol, boolean equalNan) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(a.dtype().scalarTypeName() + " did not match " + b.dtype().scalarTypeName());
        }
        if (!(rtol >= 0)) throw new IllegalArgumentException("rtol must be greater than or equal to zero, but got " + num(rtol));
        if (!(atol >= 0)) throw new IllegalArgumentException("atol must be greater than or equal to zero, but got " + num(atol));
        boolean prev = GradMode.set(false);
        try {
            TensorImpl close = eq(a, b);
            if (equalNan && a.dtype().isFloatingPoint()) {
                close = or(close, logicalAnd(Unary.ISNAN.apply(a), Unary.ISNAN.apply(b)));
            }
            if (rtol == 0 && atol == 0) return close;
            TensorImpl cb = a.dtype().isFloatingPoint() ? b : to(b, DType.FLOAT32);
            TensorImpl allowed = add(Unary.ABS.apply(mul(cb, rtol)), atol);
            TensorImpl actual = Unary.ABS.apply(sub(a, b));
            return or(close, logicalAnd(Unary.ISFINITE.apply(actual), Binary.LE.apply(actual, allowed)));
        } finally {
            GradMode.set(prev);
        }
    }

    /** PyTorch's {@code allclose}: every element of {@link #isclose} true. */
    public static boolean allclose(TensorImpl a, TensorImpl b, double rtol, double atol, boolean equalNan) {
        TensorImpl c = isclose(a, b, rtol, atol, equalNan);
        return Reduction.ALL.all(c).storage().getLong(0) != 0;
    }

    /** PyTorch's {@code equal}: same sizes and equal elements (NaN equals nothing), compared after type promotion. */
    public static boolean equal(TensorImpl a, TensorImpl b) {
        if (!Arrays.equals(a.shape(), b.shape())) return false;
        boolean prev = GradMode.set(false);
        try {
            return Reduction.ALL.all(eq(a, b)).storage().getLong(0) != 0;
        } finally {
            GradMode.set(prev);
        }
    }

    private static TensorImpl or(TensorImpl x, TensorImpl y) {
        return where(x, x, y);
    }

    /** A double as PyTorch's C++ stream prints it in messages: integral values without a point. */
    static String num(double v) {
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
