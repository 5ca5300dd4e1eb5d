package org.autograd4j.kernels;

/** Elementwise one-input kernels. {@code p0}/{@code p1} carry the scalar parameters where an op has them. */
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
    /** !x on bool */ LOGICAL_NOT
}
