package org.autograd4j;

/**
 * What {@code torch.unique} and {@code torch.unique_consecutive} return: the distinct values, and, when asked for,
 * the inverse indices and the counts (PyTorch's tuple {@code (output, inverse_indices, counts)}).
 */
public final class UniqueResult {
    private final Tensor output;
    private final Tensor inverse;
    private final Tensor counts;

    /**
     * A result; {@code inverse} and {@code counts} are null when they were not asked for.
     *
     * @param output the distinct values
     * @param inverse for every input element, its position in output (int64, the input's shape), or null
     * @param counts how often each distinct value occurs (int64), or null
     */
    public UniqueResult(Tensor output, Tensor inverse, Tensor counts) {
        this.output = output;
        this.inverse = inverse;
        this.counts = counts;
    }

    /**
     * The distinct values ({@code output}, the first element of PyTorch's tuple).
     *
     * @return a 1-d tensor of the input's dtype
     */
    public Tensor output() {
        return output;
    }

    /**
     * The inverse indices ({@code return_inverse=True}): {@code output[inverse]} rebuilds the input.
     *
     * @return an int64 tensor of the input's shape
     * @throws IllegalStateException if the call did not ask for them
     */
    public Tensor inverse() {
        if (inverse == null) throw new IllegalStateException("unique was called with returnInverse=false");
        return inverse;
    }

    /**
     * The counts ({@code return_counts=True}): how many input elements equal each output value.
     *
     * @return an int64 tensor of output's length
     * @throws IllegalStateException if the call did not ask for them
     */
    public Tensor counts() {
        if (counts == null) throw new IllegalStateException("unique was called with returnCounts=false");
        return counts;
    }

    /**
     * As Python prints PyTorch's result: the output tensor alone when nothing else was asked for, else the tuple,
     * e.g. {@code (tensor([1, 2]), tensor([1, 0, 1]))}.
     */
    @Override
    public String toString() {
        if (inverse == null && counts == null) return output.toString();
        StringBuilder sb = new StringBuilder("(").append(output);
        if (inverse != null) sb.append(", ").append(inverse);
        if (counts != null) sb.append(", ").append(counts);
        return sb.append(")").toString();
    }
}
