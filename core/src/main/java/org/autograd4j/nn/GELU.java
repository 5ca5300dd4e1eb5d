package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code torch.nn.GELU()}: {@code x·Φ(x)}, Φ the standard normal CDF (PyTorch's {@code approximate='none'};
 * the tanh approximation is not an op of this library yet).
 */
public final class GELU extends Module {
    /** {@code nn.GELU()}. */
    public GELU() {
    }

    /**
     * {@code F.gelu(input)}.
     *
     * @param input the input
     * @return the output
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.gelu(input);
    }

    @Override
    protected String extraRepr() {
        return "approximate='none'";
    }
}
