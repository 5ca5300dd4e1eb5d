package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/** {@code torch.nn.Identity()}: the input itself. Prints as {@code Identity()}. */
public final class Identity extends Module {
    /** The module ({@code nn.Identity()}). */
    public Identity() {
    }

    /**
     * the input itself.
     *
     * @param input the input
     * @return the output, input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
