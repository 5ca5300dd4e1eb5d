package org.autograd4j;

/**
 * The pair of values and int64 indices returned by {@code max(dim)}, {@code min(dim)}, {@code sort}, {@code topk},
 * {@code kthvalue}, {@code median(dim)}, {@code mode}, {@code cummax}, …: PyTorch's {@code torch.return_types.<op>}.
 */
public final class ValuesIndices {
    private final String op;
    private final Tensor values;
    private final Tensor indices;

    /**
     * A result of the op named {@code op} ({@code "max"}, {@code "sort"}, {@code "topk"}, …).
     *
     * @param op the op's name, as its repr prints it
     * @param values the values
     * @param indices their int64 positions
     */
    public ValuesIndices(String op, Tensor values, Tensor indices) {
        this.op = op;
        this.values = values;
        this.indices = indices;
    }

    /**
     * The values (differentiable), {@code result.values}.
     *
     * @return the values
     */
    public Tensor values() {
        return values;
    }

    /**
     * Their positions along the dim (int64), {@code result.indices}.
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
