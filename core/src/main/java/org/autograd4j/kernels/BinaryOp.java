package org.autograd4j.kernels;

/** Elementwise two-input kernels over broadcast layouts. Comparisons write bool. */
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
    /** a &gt;= b */ GE;

    /** True for the ops that write a bool result. */
    public boolean isComparison() {
        return ordinal() >= EQ.ordinal();
    }
}
