package org.autograd4j.nn;

import org.autograd4j.GradModeScope;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;

/**
 * {@code torch.nn.Linear(in_features, out_features, bias=True)}: {@code y = x·Wᵀ + b}, W of shape
 * (out, in). Initialised as PyTorch's {@code reset_parameters}: {@code kaiming_uniform_(W, a=√5)}, then
 * {@code b ~ U(−1/√in, 1/√in)}, in that order on the default generator, so after the same
 * {@code manualSeed} the weights are PyTorch's, bit for bit (float32).
 */
// "try": the no-grad scope is opened only to be closed again
@SuppressWarnings("try")
public final class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;

    /**
     * {@code nn.Linear(in, out)}.
     *
     * @param in  the input features
     * @param out the output features
     */
    public Linear(int in, int out) {
        this(in, out, true);
    }

    /**
     * {@code nn.Linear(in, out, bias)}.
     *
     * @param in   the input features
     * @param out  the output features
     * @param bias whether to learn an additive bias
     */
    public Linear(int in, int out, boolean bias) {
        this.inFeatures = in;
        this.outFeatures = out;
        registerParameter("weight", Torch.zeros(new long[] {out, in}, org.autograd4j.DType.FLOAT32));
        registerParameter("bias", bias ? Torch.zeros(new long[] {out}, org.autograd4j.DType.FLOAT32) : null);
        resetParameters();
    }

    /** {@code reset_parameters()}: PyTorch's default initialisation, drawn again. */
    public void resetParameters() {
        Init.kaimingUniform_(weight(), Math.sqrt(5), "fan_in", "leaky_relu");
        if (bias() != null) {
            long fanIn = Init.calculateFanInAndFanOut(weight())[0];
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            try (GradModeScope s = Torch.noGrad()) {
                Init.uniform_(bias(), -bound, bound);
            }
        }
    }

    /**
     * {@code self.weight}.
     *
     * @return the (out, in) weight
     */
    public Tensor weight() {
        return param("weight");
    }

    /**
     * {@code self.bias}.
     *
     * @return the (out) bias, or null for {@code bias=False}
     */
    public Tensor bias() {
        return param("bias");
    }

    /**
     * {@code F.linear(input, weight, bias)}.
     *
     * @param input (*, in)
     * @return (*, out)
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.linear(input, weight(), bias());
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + Torch.str(bias() != null);
    }
}
