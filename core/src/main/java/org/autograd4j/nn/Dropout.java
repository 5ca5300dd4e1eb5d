package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code torch.nn.Dropout(p=0.5)}: in training, each element zeroed with probability p and the rest scaled by
 * {@code 1/(1 − p)}, with PyTorch's exact mask for the same seed; identity in eval mode.
 */
public final class Dropout extends Module {
    private final double p;

    /** {@code nn.Dropout()}: p = 0.5. */
    public Dropout() {
        this(0.5);
    }

    /**
     * {@code nn.Dropout(p)}.
     *
     * @param p the probability of an element being zeroed, in [0, 1]
     * @throws IllegalArgumentException outside [0, 1] (PyTorch's message)
     */
    public Dropout(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + org.autograd4j.Torch.str(p));
        }
        this.p = p;
    }

    /**
     * {@code F.dropout(input, p, self.training)}.
     *
     * @param input the input
     * @return the output
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.dropout(input, p, isTraining());
    }

    @Override
    protected String extraRepr() {
        return "p=" + org.autograd4j.Torch.str(p) + ", inplace=False";
    }
}
