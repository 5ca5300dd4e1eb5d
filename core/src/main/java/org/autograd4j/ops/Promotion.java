package org.autograd4j.ops;

import org.autograd4j.DType;
import org.autograd4j.engine.TensorImpl;

/**
 * PyTorch's {@code torch.result_type}: operands fall in three tiers (tensors with dimensions, 0-d tensors,
 * wrapped Java scalars); a lower tier only changes the result when it is of a higher category
 * (bool &lt; integer &lt; floating), and a floating Java scalar then contributes the default dtype float32.
 */
public final class Promotion {
    private Promotion() {
    }

    /** The dtype of {@code a op b}. */
    public static DType resultType(TensorImpl a, TensorImpl b) {
        if (a.dtype() == b.dtype()) return a.dtype(); // the common case: no tiers to weigh
        int ta = tier(a), tb = tier(b);
        DType da = tierType(a, ta), db = tierType(b, tb);
        if (ta == tb) return DType.promote(da, db);
        // the operand of the higher tier (lower number) is "higher"
        return ta < tb ? combine(da, db) : combine(db, da);
    }

    /**
     * The dtype of a three-operand op ({@code addcmul}, {@code addcdiv}): each tier's operands promoted together,
     * then the tiers combined as PyTorch's {@code update_result_type_state}/{@code result_type} do.
     */
    public static DType resultType(TensorImpl a, TensorImpl b, TensorImpl c) {
        if (a.dtype() == b.dtype() && b.dtype() == c.dtype()) return a.dtype();
        DType[] byTier = new DType[3];
        for (TensorImpl t : new TensorImpl[] {a, b, c}) {
            int ti = tier(t);
            DType d = tierType(t, ti);
            byTier[ti] = byTier[ti] == null ? d : DType.promote(byTier[ti], d);
        }
        return combine(byTier[0], combine(byTier[1], byTier[2]));
    }

    /** 0: tensor with dimensions, 1: 0-d tensor, 2: wrapped Java scalar. */
    private static int tier(TensorImpl t) {
        return t.isWrappedNumber() ? 2 : t.dim() == 0 ? 1 : 0;
    }

    private static DType tierType(TensorImpl t, int tier) {
        return tier == 2 && t.dtype().isFloatingPoint() ? DType.FLOAT32 : t.dtype();
    }

    /** The dtype of {@code a op scalar} for a Java scalar of the given category. */
    public static DType resultType(TensorImpl a, boolean floatingScalar) {
        DType d = a.dtype();
        if (floatingScalar && !d.isFloatingPoint()) return DType.FLOAT32;
        if (!floatingScalar && d == DType.BOOL) return DType.INT64;
        return d;
    }

    /** 0 bool, 1 integer, 2 floating: a result may only be written into a tensor of at least its category. */
    static int category(DType d) {
        return d.isFloatingPoint() ? 2 : d == DType.BOOL ? 0 : 1;
    }

    private static DType combine(DType higher, DType lower) {
        if (higher == null) return lower;
        if (lower == null) return higher;
        if (category(lower) > category(higher)) return DType.promote(higher, lower);
        return higher;
    }
}
