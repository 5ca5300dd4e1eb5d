package org.autograd4j;

/**
 * PyTorch's {@code torch.linalg} namespace, reached as {@link Torch#linalg}: with
 * {@code import static org.autograd4j.Torch.*;}, {@code torch.linalg.vector_norm(x, 1)} reads
 * {@code linalg.vectorNorm(x, 1)}.
 */
public final class Linalg {
    /** The one instance, {@link Torch#linalg}. */
    static final Linalg INSTANCE = new Linalg();

    private Linalg() {
    }

    /**
     * The 2-norm of all elements, {@code torch.linalg.vector_norm(x)}: {@code √Σ|x|²}; records
     * {@code LinalgVectorNormBackward0}.
     *
     * @param x a floating tensor
     * @return a 0-d tensor
     */
    public Tensor vectorNorm(Tensor x) {
        return vectorNorm(x, 2, null, false);
    }

    /**
     * The {@code ord}-norm of all elements, {@code torch.linalg.vector_norm(x, ord)}: {@code (Σ|x|ᵒʳᵈ)^(1/ord)},
     * {@code max|x|} for inf, {@code min|x|} for -inf, the count of non-zeros for 0.
     *
     * @param x a floating tensor
     * @param ord the order
     * @return a 0-d tensor
     */
    public Tensor vectorNorm(Tensor x, double ord) {
        return vectorNorm(x, ord, null, false);
    }

    /**
     * The {@code ord}-norm over {@code dims}, {@code torch.linalg.vector_norm(x, ord, dim, keepdim)}.
     *
     * @param x a floating tensor
     * @param ord the order (as {@link #vectorNorm(Tensor, double)})
     * @param dims the dims to reduce (negative count from the end); null or empty: all elements
     * @param keepdim whether the reduced dims stay as size 1
     * @return the norms
     */
    public Tensor vectorNorm(Tensor x, double ord, int[] dims, boolean keepdim) {
        return Tensor.of(org.autograd4j.ops.Linalg.vectorNorm(x.impl(), ord, dims, keepdim));
    }

    /**
     * The Frobenius norm of each matrix (the last two dims), {@code torch.linalg.matrix_norm(x)}: {@code √Σ|x|²},
     * recorded as {@code LinalgVectorNormBackward0}.
     *
     * @param x a floating tensor of at least 2 dims
     * @return the norms, one per matrix
     */
    public Tensor matrixNorm(Tensor x) {
        return matrixNorm(x, "fro", new int[] {-2, -1}, false);
    }

    /**
     * {@code torch.linalg.matrix_norm(x, ord)} over the last two dims for {@code "fro"}; {@code "nuc"} needs
     * singular values and is not available yet.
     *
     * @param x a floating tensor of at least 2 dims
     * @param ord {@code "fro"}
     * @return the norms, one per matrix
     */
    public Tensor matrixNorm(Tensor x, String ord) {
        return matrixNorm(x, ord, new int[] {-2, -1}, false);
    }

    /**
     * {@code torch.linalg.matrix_norm(x, ord)} over the last two dims for ord 1 (largest column sum of |x|),
     * -1 (smallest), inf (largest row sum), -inf (smallest); ±2 need singular values and are not available yet.
     *
     * @param x a floating tensor of at least 2 dims
     * @param ord 1, -1, inf or -inf
     * @return the norms, one per matrix
     */
    public Tensor matrixNorm(Tensor x, double ord) {
        return matrixNorm(x, ord, new int[] {-2, -1}, false);
    }

    /**
     * {@code torch.linalg.matrix_norm(x, ord, dim, keepdim)} with a string order ({@code "fro"}).
     *
     * @param x a floating tensor of at least 2 dims
     * @param ord {@code "fro"}
     * @param dims the two dims of the matrices
     * @param keepdim whether the reduced dims stay as size 1
     * @return the norms
     */
    public Tensor matrixNorm(Tensor x, String ord, int[] dims, boolean keepdim) {
        return Tensor.of(org.autograd4j.ops.Linalg.matrixNorm(x.impl(), ord, dims, keepdim));
    }

    /**
     * {@code torch.linalg.matrix_norm(x, ord, dim, keepdim)} with a numeric order (1, -1, inf, -inf): PyTorch's
     * {@code amax}/{@code amin} of {@code vector_norm(x, 1, dim)}, so the node is {@code AmaxBackward0} or
     * {@code AminBackward0}.
     *
     * @param x a floating tensor of at least 2 dims
     * @param ord 1, -1, inf or -inf
     * @param dims the two dims of the matrices
     * @param keepdim whether the reduced dims stay as size 1
     * @return the norms
     */
    public Tensor matrixNorm(Tensor x, double ord, int[] dims, boolean keepdim) {
        return Tensor.of(org.autograd4j.ops.Linalg.matrixNorm(x.impl(), ord, dims, keepdim));
    }
}
