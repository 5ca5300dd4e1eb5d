package org.autograd4j.kernels;

/** Reductions over the trailing dimensions of a layout. */
public enum ReduceOp {
    /** Σ x, accumulated in double (float32) or with Neumaier compensation (float64). */ SUM,
    /** Π x */ PROD,
    /** max x, NaN-propagating */ MAX,
    /** min x, NaN-propagating */ MIN
}
