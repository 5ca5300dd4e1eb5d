package org.autograd4j.nn;

import java.util.Locale;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * PyTorch's {@code torch.nn.init} on tensors: every initialiser runs under no-grad (so it works on
 * parameters that require grad), fills the tensor in place and returns it. Fans, gains, bounds and standard
 * deviations are computed in doubles exactly as {@code torch/nn/init.py} computes them in Python floats, and
 * the draws are {@link Tensor#uniform_(double, double)} / {@link Tensor#normal_(double, double)} on the
 * default generator, so the values are bit-identical to PyTorch's for the same seed, in float32 and float64.
 * Argument errors throw {@link IllegalArgumentException} with the message of PyTorch's {@code ValueError}.
 */
// "try": the no-grad scopes are opened only to be closed again, never referenced inside.
@SuppressWarnings("try")
public final class Init {
    private Init() {
    }

    // ------------------------------------------------------------------ gains and fans

    /**
     * {@code torch.nn.init.calculate_gain(nonlinearity)}: 1 for linear, conv*, conv_transpose* and sigmoid,
     * 5/3 for tanh, √2 for relu, {@code sqrt(2/(1 + 0.01²))} for leaky_relu, 3/4 for selu.
     *
     * @param nonlinearity the function's name as in PyTorch, e.g. {@code "relu"}
     * @return the recommended gain
     * @throws IllegalArgumentException {@code "Unsupported nonlinearity …"} for another name
     */
    public static double calculateGain(String nonlinearity) {
        return gain(nonlinearity, 0.01);
    }

    /**
     * {@code torch.nn.init.calculate_gain(nonlinearity, param)}: as {@link #calculateGain(String)}, with
     * leaky_relu's gain {@code sqrt(2/(1 + param²))}, param being its negative slope (ignored for the
     * other functions).
     *
     * @param nonlinearity the function's name as in PyTorch
     * @param param        leaky_relu's negative slope
     * @return the recommended gain
     * @throws IllegalArgumentException {@code "Unsupported nonlinearity …"} for an unknown name
     */
    public static double calculateGain(String nonlinearity, double param) {
        return gain(nonlinearity, param);
    }

    private static double gain(String nonlinearity, double slope) {
        switch (nonlinearity) {
            case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                 "conv_transpose3d", "sigmoid" -> {
                return 1;
            }
            case "tanh" -> {
                return 5.0 / 3;
            }
            case "relu" -> {
                return Math.sqrt(2.0);
            }
            case "leaky_relu" -> {
                return Math.sqrt(2.0 / (1 + slope * slope));
            }
            case "selu" -> {
                return 3.0 / 4;
            }
            default -> throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity);
        }
    }

    /**
     * {@code torch.nn.init._calculate_fan_in_and_fan_out(tensor)}: {@code fan_in = size(1)·∏size[2:]},
     * {@code fan_out = size(0)·∏size[2:]} (the product over the receptive field of a convolution's weight).
     *
     * @param tensor a tensor of at least 2 dimensions (a weight)
     * @return {@code {fanIn, fanOut}}
     * @throws IllegalArgumentException for fewer than 2 dimensions (PyTorch's message)
     */
    public static long[] calculateFanInAndFanOut(Tensor tensor) {
        return fanInAndFanOut(tensor.shape());
    }

    static long[] fanInAndFanOut(long[] shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException(
                    "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        }
        long receptive = 1;
        for (int i = 2; i < shape.length; i++) {
            receptive *= shape[i];
        }
        return new long[] {shape[1] * receptive, shape[0] * receptive};
    }

    // _calculate_correct_fan: mode is case-insensitive, and PyTorch's message prints it lower-cased.
    static long correctFan(long[] shape, String mode) {
        String m = mode.toLowerCase(Locale.ROOT);
        if (!m.equals("fan_in") && !m.equals("fan_out")) {
            throw new IllegalArgumentException("Mode " + m + " not supported, please use one of ['fan_in', 'fan_out']");
        }
        long[] f = fanInAndFanOut(shape);
        return m.equals("fan_in") ? f[0] : f[1];
    }

    // kaiming_*'s std = gain / sqrt(fan); kaiming_uniform_'s bound is sqrt(3)·std.
    static double kaimingStd(long[] shape, double a, String mode, String nonlinearity) {
        long fan = correctFan(shape, mode);
        return gain(nonlinearity, a) / Math.sqrt((double) fan);
    }

    // xavier_*'s std = gain·sqrt(2 / (fan_in + fan_out)); xavier_uniform_'s bound is sqrt(3)·std.
    static double xavierStd(long[] shape, double gain) {
        long[] f = fanInAndFanOut(shape);
        return gain * Math.sqrt(2.0 / (double) (f[0] + f[1]));
    }

    // ------------------------------------------------------------------ initialisers

    /**
     * {@code torch.nn.init.uniform_(tensor)}: fills with U(0, 1).
     *
     * @param tensor a float32 or float64 tensor
     * @return {@code tensor}
     */
    public static Tensor uniform_(Tensor tensor) {
        return uniform_(tensor, 0, 1);
    }

    /**
     * {@code torch.nn.init.uniform_(tensor, a, b)}: fills with U(a, b), i.e. {@code tensor.uniform_(a, b)}
     * under no-grad.
     *
     * @param tensor a float32 or float64 tensor
     * @param a      lower bound (inclusive)
     * @param b      upper bound (exclusive)
     * @return {@code tensor}
     */
    public static Tensor uniform_(Tensor tensor, double a, double b) {
        try (var noGrad = Torch.noGrad()) {
            return tensor.uniform_(a, b);
        }
    }

    /**
     * {@code torch.nn.init.normal_(tensor)}: fills with N(0, 1).
     *
     * @param tensor a float32 or float64 tensor
     * @return {@code tensor}
     */
    public static Tensor normal_(Tensor tensor) {
        return normal_(tensor, 0, 1);
    }

    /**
     * {@code torch.nn.init.normal_(tensor, mean, std)}: fills with N(mean, std²), i.e.
     * {@code tensor.normal_(mean, std)} under no-grad.
     *
     * @param tensor a float32 or float64 tensor
     * @param mean   mean
     * @param std    standard deviation (≥ 0)
     * @return {@code tensor}
     */
    public static Tensor normal_(Tensor tensor, double mean, double std) {
        try (var noGrad = Torch.noGrad()) {
            return tensor.normal_(mean, std);
        }
    }

    /**
     * {@code torch.nn.init.constant_(tensor, val)}: fills with {@code val}.
     *
     * @param tensor the tensor
     * @param val    the value, converted to the tensor's dtype
     * @return {@code tensor}
     */
    public static Tensor constant_(Tensor tensor, double val) {
        try (var noGrad = Torch.noGrad()) {
            return tensor.fill_(val);
        }
    }

    /**
     * {@code torch.nn.init.zeros_(tensor)}: fills with 0.
     *
     * @param tensor the tensor
     * @return {@code tensor}
     */
    public static Tensor zeros_(Tensor tensor) {
        try (var noGrad = Torch.noGrad()) {
            return tensor.zero_();
        }
    }

    /**
     * {@code torch.nn.init.ones_(tensor)}: fills with 1.
     *
     * @param tensor the tensor
     * @return {@code tensor}
     */
    public static Tensor ones_(Tensor tensor) {
        return constant_(tensor, 1);
    }

    /**
     * {@code torch.nn.init.kaiming_uniform_(tensor)} with PyTorch's defaults a = 0, mode = "fan_in",
     * nonlinearity = "leaky_relu": U(−b, b) with {@code b = sqrt(3)·sqrt(2)/sqrt(fan_in)}.
     *
     * @param tensor a float32 or float64 tensor of at least 2 dimensions
     * @return {@code tensor}
     */
    public static Tensor kaimingUniform_(Tensor tensor) {
        return kaimingUniform_(tensor, 0, "fan_in", "leaky_relu");
    }

    /**
     * {@code torch.nn.init.kaiming_uniform_(tensor, a, mode, nonlinearity)} (He et al.): U(−b, b) with
     * {@code b = sqrt(3)·gain/sqrt(fan)}, {@code gain = calculate_gain(nonlinearity, a)} and fan the tensor's
     * fan_in or fan_out. A zero-element tensor is left as is (PyTorch warns).
     *
     * @param tensor       a float32 or float64 tensor of at least 2 dimensions
     * @param a            leaky_relu's negative slope
     * @param mode         "fan_in" (preserves the forward variance) or "fan_out" (the backward one),
     *                     case-insensitive
     * @param nonlinearity the function that follows, as for {@link #calculateGain(String, double)}
     * @return {@code tensor}
     * @throws IllegalArgumentException for fewer than 2 dimensions, an unknown mode or nonlinearity
     *                                  (PyTorch's messages)
     */
    public static Tensor kaimingUniform_(Tensor tensor, double a, String mode, String nonlinearity) {
        if (tensor.numel() == 0) return tensor;
        double bound = Math.sqrt(3.0) * kaimingStd(tensor.shape(), a, mode, nonlinearity);
        return uniform_(tensor, -bound, bound);
    }

    /**
     * {@code torch.nn.init.kaiming_normal_(tensor)} with PyTorch's defaults a = 0, mode = "fan_in",
     * nonlinearity = "leaky_relu": N(0, std²) with {@code std = sqrt(2)/sqrt(fan_in)}.
     *
     * @param tensor a float32 or float64 tensor of at least 2 dimensions
     * @return {@code tensor}
     */
    public static Tensor kaimingNormal_(Tensor tensor) {
        return kaimingNormal_(tensor, 0, "fan_in", "leaky_relu");
    }

    /**
     * {@code torch.nn.init.kaiming_normal_(tensor, a, mode, nonlinearity)} (He et al.): N(0, std²) with
     * {@code std = gain/sqrt(fan)}. A zero-element tensor is left as is (PyTorch warns).
     *
     * @param tensor       a float32 or float64 tensor of at least 2 dimensions
     * @param a            leaky_relu's negative slope
     * @param mode         "fan_in" or "fan_out", case-insensitive
     * @param nonlinearity the function that follows, as for {@link #calculateGain(String, double)}
     * @return {@code tensor}
     * @throws IllegalArgumentException for fewer than 2 dimensions, an unknown mode or nonlinearity
     *                                  (PyTorch's messages)
     */
    public static Tensor kaimingNormal_(Tensor tensor, double a, String mode, String nonlinearity) {
        if (tensor.numel() == 0) return tensor;
        return normal_(tensor, 0, kaimingStd(tensor.shape(), a, mode, nonlinearity));
    }

    /**
     * {@code torch.nn.init.xavier_uniform_(tensor)} with gain = 1.
     *
     * @param tensor a float32 or float64 tensor of at least 2 dimensions
     * @return {@code tensor}
     */
    public static Tensor xavierUniform_(Tensor tensor) {
        return xavierUniform_(tensor, 1);
    }

    /**
     * {@code torch.nn.init.xavier_uniform_(tensor, gain)} (Glorot &amp; Bengio): U(−b, b) with
     * {@code b = sqrt(3)·gain·sqrt(2/(fan_in + fan_out))}.
     *
     * @param tensor a float32 or float64 tensor of at least 2 dimensions
     * @param gain   scaling factor
     * @return {@code tensor}
     * @throws IllegalArgumentException for fewer than 2 dimensions (PyTorch's message)
     */
    public static Tensor xavierUniform_(Tensor tensor, double gain) {
        double bound = Math.sqrt(3.0) * xavierStd(tensor.shape(), gain);
        return uniform_(tensor, -bound, bound);
    }

    /**
     * {@code torch.nn.init.xavier_normal_(tensor)} with gain = 1.
     *
     * @param tensor a float32 or float64 tensor of at least 2 dimensions
     * @return {@code tensor}
     */
    public static Tensor xavierNormal_(Tensor tensor) {
        return xavierNormal_(tensor, 1);
    }

    /**
     * {@code torch.nn.init.xavier_normal_(tensor, gain)} (Glorot &amp; Bengio): N(0, std²) with
     * {@code std = gain·sqrt(2/(fan_in + fan_out))}.
     *
     * @param tensor a float32 or float64 tensor of at least 2 dimensions
     * @param gain   scaling factor
     * @return {@code tensor}
     * @throws IllegalArgumentException for fewer than 2 dimensions (PyTorch's message)
     */
    public static Tensor xavierNormal_(Tensor tensor, double gain) {
        return normal_(tensor, 0, xavierStd(tensor.shape(), gain));
    }
}
