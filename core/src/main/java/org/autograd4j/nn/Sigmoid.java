package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/** {@code torch.nn.Sigmoid()}: {@code 1/(1 + e^{-x})} element-wise. Prints as {@code Sigmoid()}. */
public final class Sigmoid extends Module {
    /** The module ({@code nn.Sigmoid()}). */
    public Sigmoid() {
    }

    /**
     * {@code 1/(1 + e^{-x})} element-wise.
     *
     * @param input the input
     * @return the output, input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.sigmoid(input);
    }
}
