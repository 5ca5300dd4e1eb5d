package org.autograd4j.nn;

import org.autograd4j.Tensor;

/** {@code torch.nn.Flatten(start_dim=1, end_dim=-1)}: {@code input.flatten(startDim, endDim)}. */
public final class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** {@code nn.Flatten()}: dims 1 to -1 (keeps the batch dim). */
    public Flatten() {
        this(1, -1);
    }

    /**
     * {@code nn.Flatten(start_dim, end_dim)}.
     *
     * @param startDim the first dim flattened
     * @param endDim   the last dim flattened
     */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    /**
     * {@code input.flatten(start_dim, end_dim)}.
     *
     * @param input the input
     * @return the flattened view or copy
     */
    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
