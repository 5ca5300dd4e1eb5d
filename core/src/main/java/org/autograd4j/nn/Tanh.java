package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/** {@code torch.nn.Tanh()}: {@code tanh(x)} element-wise. Prints as {@code Tanh()}. */
public final class Tanh extends Module {
    /** The module ({@code nn.Tanh()}). */
    public Tanh() {
    }

    /**
     * {@code tanh(x)} element-wise.
     *
     * @param input the input
     * @return the output, input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.tanh(input);
    }
}
