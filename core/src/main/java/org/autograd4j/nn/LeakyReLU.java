package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/** {@code torch.nn.LeakyReLU(negative_slope=0.01)}: {@code x} for {@code x ≥ 0}, else {@code slope·x}. */
public final class LeakyReLU extends Module {
    private final double negativeSlope;

    /** {@code nn.LeakyReLU()}: slope 0.01. */
    public LeakyReLU() {
        this(0.01);
    }

    /**
     * {@code nn.LeakyReLU(negative_slope)}.
     *
     * @param negativeSlope the slope for negative inputs
     */
    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    /**
     * {@code F.leaky_relu(input, negative_slope)}.
     *
     * @param input the input
     * @return the output
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.leakyRelu(input, negativeSlope);
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + org.autograd4j.Torch.str(negativeSlope);
    }
}
