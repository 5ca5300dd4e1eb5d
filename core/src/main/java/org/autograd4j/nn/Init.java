package org.autograd4j.nn;

import org.autograd4j.NoGradScope;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * PyTorch's {@code torch.nn.init} on tensors: every initialiser runs under no-grad (so it works on
 * parameters that require grad), fills the tensor in place and returns it. Bounds and standard deviations
 * are computed in doubles exactly as {@code torch/nn/init.py} computes them
 * ({@link org.autograd4j.random.Init}), and the draws are {@link Tensor#uniform_(double, double)} /
 * {@link Tensor#normal_(double, double)}, so the values are bit-identical to PyTorch's for the same seed,
 * in float32 and float64.
 */
public final class Init {
    private Init() {
    }

    /** {@code torch.nn.init.calculate_gain(nonlinearity)}: 1 (linear, conv*, sigmoid), 5/3 (tanh), √2 (relu), …. */
    public static double calculateGain(String nonlinearity) {
        return org.autograd4j.random.Init.calculateGain(nonlinearity, null);
    }

    /** {@code torch.nn.init.calculate_gain(nonlinearity, param)}; param is leaky_relu's negative slope. */
    public static double calculateGain(String nonlinearity, double param) {
        return org.autograd4j.random.Init.calculateGain(nonlinearity, param);
    }

    /**
     * {@code torch.nn.init._calculate_fan_in_and_fan_out(tensor)}: {@code {size(1)·∏size[2:], size(0)·∏size[2:]}}.
     */
    public static long[] calculateFanInAndFanOut(Tensor tensor) {
        return org.autograd4j.random.Init.calculateFanInAndFanOut(tensor.shape());
    }

    /** {@code torch.nn.init.uniform_(tensor)}: U(0, 1). */
    public static Tensor uniform_(Tensor tensor) {
        return uniform_(tensor, 0, 1);
    }

    /** {@code torch.nn.init.uniform_(tensor, a, b)}: U(a, b). */
    public static Tensor uniform_(Tensor tensor, double a, double b) {
        try (NoGradScope s = Torch.noGrad()) {
            return tensor.uniform_(a, b);
        }
    }

    /** {@code torch.nn.init.normal_(tensor)}: N(0, 1). */
    public static Tensor normal_(Tensor tensor) {
        return normal_(tensor, 0, 1);
    }

    /** {@code torch.nn.init.normal_(tensor, mean, std)}. */
    public static Tensor normal_(Tensor tensor, double mean, double std) {
        try (NoGradScope s = Torch.noGrad()) {
            return tensor.normal_(mean, std);
        }
    }

    /** {@code torch.nn.init.constant_(tensor, val)}. */
    public static Tensor constant_(Tensor tensor, double val) {
        try (NoGradScope s = Torch.noGrad()) {
            return tensor.fill_(val);
        }
    }

    /** {@code torch.nn.init.zeros_(tensor)}. */
    public static Tensor zeros_(Tensor tensor) {
        try (NoGradScope s = Torch.noGrad()) {
            return tensor.zero_();
        }
    }

    /** {@code torch.nn.init.ones_(tensor)}. */
    public static Tensor ones_(Tensor tensor) {
        return constant_(tensor, 1);
    }

    /** {@code torch.nn.init.kaiming_uniform_(tensor)}: a = 0, mode = "fan_in", nonlinearity = "leaky_relu". */
    public static Tensor kaimingUniform_(Tensor tensor) {
        return kaimingUniform_(tensor, 0, "fan_in", "leaky_relu");
    }

    /**
     * {@code torch.nn.init.kaiming_uniform_(tensor, a, mode, nonlinearity)}: U(−b, b) with
     * {@code b = sqrt(3)·gain/sqrt(fan)}, {@code gain = calculate_gain(nonlinearity, a)}. A zero-element tensor
     * is left as is (PyTorch warns).
     */
    public static Tensor kaimingUniform_(Tensor tensor, double a, String mode, String nonlinearity) {
        if (tensor.numel() == 0) return tensor;
        double bound = org.autograd4j.random.Init.kaimingUniformBound(tensor.shape(), a, mode, nonlinearity);
        return uniform_(tensor, -bound, bound);
    }

    /** {@code torch.nn.init.kaiming_normal_(tensor)}: a = 0, mode = "fan_in", nonlinearity = "leaky_relu". */
    public static Tensor kaimingNormal_(Tensor tensor) {
        return kaimingNormal_(tensor, 0, "fan_in", "leaky_relu");
    }

    /**
     * {@code torch.nn.init.kaiming_normal_(tensor, a, mode, nonlinearity)}: N(0, std²) with
     * {@code std = gain/sqrt(fan)}. A zero-element tensor is left as is (PyTorch warns).
     */
    public static Tensor kaimingNormal_(Tensor tensor, double a, String mode, String nonlinearity) {
        if (tensor.numel() == 0) return tensor;
        double std = org.autograd4j.random.Init.kaimingNormalStd(tensor.shape(), a, mode, nonlinearity);
        return normal_(tensor, 0, std);
    }

    /** {@code torch.nn.init.xavier_uniform_(tensor)}: gain = 1. */
    public static Tensor xavierUniform_(Tensor tensor) {
        return xavierUniform_(tensor, 1);
    }

    /**
     * {@code torch.nn.init.xavier_uniform_(tensor, gain)}: U(−b, b) with
     * {@code b = sqrt(3)·gain·sqrt(2/(fan_in + fan_out))}.
     */
    public static Tensor xavierUniform_(Tensor tensor, double gain) {
        double bound = org.autograd4j.random.Init.xavierUniformBound(tensor.shape(), gain);
        return uniform_(tensor, -bound, bound);
    }

    /** {@code torch.nn.init.xavier_normal_(tensor)}: gain = 1. */
    public static Tensor xavierNormal_(Tensor tensor) {
        return xavierNormal_(tensor, 1);
    }

    /** {@code torch.nn.init.xavier_normal_(tensor, gain)}: N(0, std²), {@code std = gain·sqrt(2/(fan_in + fan_out))}. */
    public static Tensor xavierNormal_(Tensor tensor, double gain) {
        double std = org.autograd4j.random.Init.xavierNormalStd(tensor.shape(), gain);
        return normal_(tensor, 0, std);
    }
}
