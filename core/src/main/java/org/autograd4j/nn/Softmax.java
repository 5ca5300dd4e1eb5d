package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/** {@code torch.nn.Softmax(dim)}: {@code F.softmax} along one dim. Prints as {@code Softmax(dim=1)}. */
public final class Softmax extends Module {
    private final int dim;

    /**
     * {@code nn.Softmax(dim)}.
     *
     * @param dim the dim the probabilities are over
     */
    public Softmax(int dim) {
        this.dim = dim;
    }

    /**
     * {@code F.softmax(input, dim)}.
     *
     * @param input the input
     * @return the output, input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.softmax(input, dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
