package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code torch.nn.GELU(approximate='none')}: {@code x·Φ(x)}, Φ the standard normal CDF; with
 * {@code approximate='tanh'}, {@code ½x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}.
 */
public final class GELU extends Module {
    private final String approximate;

    /** {@code nn.GELU()}: the exact form. */
    public GELU() {
        this("none");
    }

    /**
     * {@code nn.GELU(approximate)}. As in PyTorch, the string is checked when the module runs.
     *
     * @param approximate "none" or "tanh"
     */
    public GELU(String approximate) {
        this.approximate = java.util.Objects.requireNonNull(approximate, "approximate");
    }

    /**
     * The {@code approximate} argument.
     *
     * @return "none" or "tanh" (or what was given)
     */
    public String approximate() {
        return approximate;
    }

    /**
     * {@code F.gelu(input, approximate)}.
     *
     * @param input the input
     * @return the output
     * @throws IllegalArgumentException "approximate argument must be either none or tanh." for another string
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.gelu(input, approximate);
    }

    @Override
    protected String extraRepr() {
        return "approximate='" + approximate + "'";
    }
}
