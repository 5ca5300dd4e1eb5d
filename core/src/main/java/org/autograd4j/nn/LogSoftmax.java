package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/** {@code torch.nn.LogSoftmax(dim)}: {@code F.logSoftmax} along one dim. Prints as {@code LogSoftmax(dim=1)}. */
public final class LogSoftmax extends Module {
    private final int dim;

    /**
     * {@code nn.LogSoftmax(dim)}.
     *
     * @param dim the dim the probabilities are over
     */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    /**
     * {@code F.logSoftmax(input, dim)}.
     *
     * @param input the input
     * @return the output, input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.logSoftmax(input, dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
