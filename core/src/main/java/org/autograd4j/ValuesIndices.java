package org.autograd4j;

/**
 * The pair returned by {@code max(dim)}/{@code min(dim)}, PyTorch's {@code torch.return_types.max}/{@code min}.
 */
public final class ValuesIndices {
    private final String op;
    private final Tensor values;
    private final Tensor indices;

    /**
     * A result of the reduction named {@code op} ({@code "max"} or {@code "min"}).
     *
     * @param op the reduction's name, as its repr prints it
     * @param values the extreme values
     * @param indices their int64 positions
     */
    public ValuesIndices(String op, Tensor values, Tensor indices) {
        this.op = op;
        this.values = values;
        this.indices = indices;
    }

    /**
     * The extreme values (differentiable), {@code result.values}.
     *
     * @return the values
     */
    public Tensor values() {
        return values;
    }

    /**
     * Their positions along the reduced dim (int64), {@code result.indices}.
     *
     * @return the indices
     */
    public Tensor indices() {
        return indices;
    }

    /** As PyTorch prints it: {@code torch.return_types.max(\nvalues=tensor(...),\nindices=tensor(...))}. */
    @Override
    public String toString() {
        return "torch.return_types." + op + "(\nvalues=" + values + ",\nindices=" + indices + ")";
    }
}
