package org.autograd4j.kernels;

/** Reductions over the trailing dimensions of a layout. */
public enum ReduceOp {
    /**
     * Σ x: PyTorch 1.13.1's cascade sum (float32 accumulating in float32, float64 in float64), bit for bit for
     * contiguous rows, strided rows and column sums ({@link CascadeSum}); int64 in int64.
     */
    SUM,
    /** Π x */ PROD,
    /** max x, NaN-propagating */ MAX,
    /** min x, NaN-propagating */ MIN,
    /**
     * Every x ≠ 0 (NaN counts as true; true for an empty reduction), on any input dtype, written to a bool
     * out; {@code torch.all}.
     */
    ALL,
    /** Some x ≠ 0 (NaN counts as true; false for an empty reduction), any input dtype, bool out; {@code torch.any}. */
    ANY
}
