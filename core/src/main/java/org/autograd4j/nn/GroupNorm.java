package org.autograd4j.nn;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;

/**
 * {@code torch.nn.GroupNorm(num_groups, num_channels, eps=1e-05, affine=True)}: the channels of (N, C, …) in
 * {@code numGroups} groups, each sample's group normalized as {@code (x − E[x]) / sqrt(Var[x] + eps)} (biased
 * variance), then {@code · weight[c] + bias[c]}; weight starts at ones and bias at zeros.
 */
public final class GroupNorm extends Module {
    private final int numGroups;
    private final int numChannels;
    private final double eps;
    private final boolean affine;

    /**
     * {@code nn.GroupNorm(num_groups, num_channels)}.
     *
     * @param numGroups   how many groups
     * @param numChannels C, divisible by numGroups
     */
    public GroupNorm(int numGroups, int numChannels) {
        this(numGroups, numChannels, 1e-5, true);
    }

    /**
     * {@code nn.GroupNorm(num_groups, num_channels, eps, affine)}.
     *
     * @param numGroups   how many groups
     * @param numChannels C, divisible by numGroups
     * @param eps         added to the variance
     * @param affine      whether to learn per-channel weight and bias
     * @throws IllegalArgumentException {@code "num_channels must be divisible by num_groups"}
     */
    public GroupNorm(int numGroups, int numChannels, double eps, boolean affine) {
        if (numChannels % numGroups != 0) {
            throw new IllegalArgumentException("num_channels must be divisible by num_groups");
        }
        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = eps;
        this.affine = affine;
        registerParameter("weight", affine ? Torch.ones(new long[] {numChannels}, DType.FLOAT32) : null);
        registerParameter("bias", affine ? Torch.zeros(new long[] {numChannels}, DType.FLOAT32) : null);
    }

    /**
     * {@code self.weight}.
     *
     * @return the (C) weight, or null without affine
     */
    public Tensor weight() {
        return param("weight");
    }

    /**
     * {@code self.bias}.
     *
     * @return the (C) bias, or null without affine
     */
    public Tensor bias() {
        return param("bias");
    }

    /**
     * {@code F.group_norm(input, self.num_groups, self.weight, self.bias, self.eps)}.
     *
     * @param input (N, C, …)
     * @return the normalized tensor
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.groupNorm(input, numGroups, weight(), bias(), eps);
    }

    @Override
    protected String extraRepr() {
        return numGroups + ", " + numChannels + ", eps=" + Torch.str(eps) + ", affine=" + Torch.str(affine);
    }
}
