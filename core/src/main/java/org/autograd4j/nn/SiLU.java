package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/** {@code torch.nn.SiLU()}: {@code x·sigmoid(x)} element-wise (as {@code F.silu}). Prints as {@code SiLU()}. */
public final class SiLU extends Module {
    /** The module ({@code nn.SiLU()}). */
    public SiLU() {
    }

    /**
     * {@code x·sigmoid(x)} element-wise (as {@code F.silu}).
     *
     * @param input the input
     * @return the output, input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.silu(input);
    }
}
