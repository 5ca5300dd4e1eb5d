package org.autograd4j.nn;

import org.autograd4j.GradModeScope;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;

/**
 * {@code torch.nn.Embedding(num_embeddings, embedding_dim, padding_idx=None)}: a lookup table of rows.
 * Initialised {@code normal_(0, 1)} (PyTorch's numbers for the same seed), the padding row then zeroed.
 */
// "try": the no-grad scope is opened only to be closed again
@SuppressWarnings("try")
public final class Embedding extends Module {
    private final int num;
    private final int dim;
    private final long paddingIdx;

    /**
     * {@code nn.Embedding(num, dim)}.
     *
     * @param num the table's rows
     * @param dim each row's size
     */
    public Embedding(int num, int dim) {
        this(num, dim, null);
    }

    /**
     * {@code nn.Embedding(num, dim, padding_idx)}.
     *
     * @param num        the table's rows
     * @param dim        each row's size
     * @param paddingIdx a row kept at zero that gets no gradient (negative counts from the end), or null
     */
    public Embedding(int num, int dim, Integer paddingIdx) {
        if (paddingIdx != null && (paddingIdx >= num || paddingIdx < -num)) {
            throw new IllegalArgumentException(paddingIdx >= num ? "Padding_idx must be within num_embeddings"
                    : "Padding_idx must be within num_embeddings");
        }
        this.num = num;
        this.dim = dim;
        this.paddingIdx = paddingIdx == null ? -1 : paddingIdx < 0 ? paddingIdx + num : paddingIdx;
        registerParameter("weight", Torch.zeros(new long[] {num, dim}, org.autograd4j.DType.FLOAT32));
        Init.normal_(weight());
        if (this.paddingIdx >= 0) {
            try (GradModeScope s = Torch.noGrad()) {
                weight().select(0, this.paddingIdx).fill_(0);
            }
        }
    }

    /**
     * {@code self.weight}.
     *
     * @return the (num, dim) table
     */
    public Tensor weight() {
        return param("weight");
    }

    /**
     * {@code F.embedding(input, weight, padding_idx)}.
     *
     * @param input int64 indices of any shape
     * @return (*input.shape, dim)
     */
    @Override
    public Tensor forward(Tensor input) {
        return Torch.embedding(weight(), input, paddingIdx);
    }

    @Override
    protected String extraRepr() {
        return num + ", " + dim + (paddingIdx >= 0 ? ", padding_idx=" + paddingIdx : "");
    }
}
