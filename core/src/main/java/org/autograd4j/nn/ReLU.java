package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/** {@code torch.nn.ReLU()}: {@code max(x, 0)} element-wise (as {@code F.relu}). Prints as {@code ReLU()}. */
public final class ReLU extends Module {
    /** The module ({@code nn.ReLU()}). */
    public ReLU() {
    }

    /**
     * {@code max(x, 0)} element-wise (as {@code F.relu}).
     *
     * @param input the input
     * @return the output, input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.relu(input);
    }
}
