package org.autograd4j.ops;

import org.autograd4j.DType;
import org.autograd4j.Tensor;

/**
 * PyTorch's {@code torch.result_type}: operands fall in three tiers (tensors with dimensions, 0-d tensors,
 * wrapped Java scalars); a lower tier only changes the result when it is of a higher category
 * (bool &lt; integer &lt; floating), and a floating Java scalar then contributes the default dtype float32.
 */
public final class Promotion {
    private Promotion() {
    }

    /** The dtype of {@code a op b}. */
    public static DType resultType(Tensor a, Tensor b) {
        DType dim = null, zero = null, wrapped = null;
        for (Tensor t : new Tensor[] {a, b}) {
            DType d = t.dtype();
            if (t.isWrappedNumber()) {
                if (d.isFloatingPoint()) d = DType.FLOAT32;
                wrapped = wrapped == null ? d : DType.promote(wrapped, d);
            } else if (t.dim() == 0) {
                zero = zero == null ? d : DType.promote(zero, d);
            } else {
                dim = dim == null ? d : DType.promote(dim, d);
            }
        }
        return combine(dim, combine(zero, wrapped));
    }

    /** The dtype of {@code a op scalar} for a Java scalar of the given category. */
    public static DType resultType(Tensor a, boolean floatingScalar) {
        DType d = a.dtype();
        if (floatingScalar && !d.isFloatingPoint()) return DType.FLOAT32;
        if (!floatingScalar && d == DType.BOOL) return DType.INT64;
        return d;
    }

    private static int category(DType d) {
        return d.isFloatingPoint() ? 2 : d == DType.BOOL ? 0 : 1;
    }

    private static DType combine(DType higher, DType lower) {
        if (higher == null) return lower;
        if (lower == null) return higher;
        if (category(lower) > category(higher)) return DType.promote(higher, lower);
        return higher;
    }
}
