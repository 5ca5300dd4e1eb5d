package org.autograd4j.random;

import java.util.Locale;

/**
 * {@code torch.nn.init} on primitive arrays: fan and gain computations exactly as {@code torch/nn/init.py}
 * computes them in Python doubles, and the initialisers as {@code uniform_}/{@code normal_} draws through
 * {@link Sampling} (so the values are bit-identical to PyTorch's for the same generator state).
 *
 * <p>Shapes are the tensor's sizes; the destination array holds the tensor contiguously (row-major), which is
 * how PyTorch fills a freshly created parameter. Zero-element tensors are left untouched, as PyTorch does
 * (with a warning there).
 */
public final class Init {

    private Init() {
    }

    /**
     * {@code torch.nn.init._calculate_fan_in_and_fan_out}: {@code fan_in = size(1)·∏size[2:]},
     * {@code fan_out = size(0)·∏size[2:]}.
     *
     * @param shape the tensor's sizes (at least 2 dimensions)
     * @return {@code {fanIn, fanOut}}
     * @throws IllegalArgumentException for fewer than 2 dimensions (PyTorch's ValueError)
     */
    public static long[] calculateFanInAndFanOut(long[] shape) {
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

    /**
     * {@code torch.nn.init.calculate_gain(nonlinearity, param)}: 1 for linear, conv* and sigmoid, 5/3 for tanh,
     * √2 for relu, {@code sqrt(2/(1+slope²))} for leaky_relu (slope = param, default 0.01), 3/4 for selu.
     *
     * @param nonlinearity the function's name as in PyTorch
     * @param param        the negative slope for leaky_relu ({@code null}: 0.01); ignored otherwise
     * @return the gain
     * @throws IllegalArgumentException for an unknown nonlinearity
     */
    public static double calculateGain(String nonlinearity, Double param) {
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
                double slope = param == null ? 0.01 : param;
                return Math.sqrt(2.0 / (1 + slope * slope));
            }
            case "selu" -> {
                return 3.0 / 4;
            }
            default -> throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity);
        }
    }

    /**
     * {@code _calculate_correct_fan(tensor, mode)}: fan_in or fan_out ({@code mode} case-insensitive).
     *
     * @param shape the tensor's sizes
     * @param mode  "fan_in" or "fan_out"
     * @return the selected fan
     */
    public static long calculateCorrectFan(long[] shape, String mode) {
        String m = mode.toLowerCase(Locale.ROOT);
        if (!m.equals("fan_in") && !m.equals("fan_out")) {
            throw new IllegalArgumentException("Mode " + mode + " not supported, please use one of [fan_in, fan_out]");
        }
        long[] f = calculateFanInAndFanOut(shape);
        return m.equals("fan_in") ? f[0] : f[1];
    }

    /**
     * The bound of {@code kaiming_uniform_}: {@code sqrt(3)·(gain/sqrt(fan))} with
     * {@code gain = calculate_gain(nonlinearity, a)}.
     *
     * @param shape        the tensor's sizes
     * @param a            negative slope (PyTorch default 0)
     * @param mode         "fan_in" (default) or "fan_out"
     * @param nonlinearity "leaky_relu" (default), "relu", …
     * @return the bound b of {@code uniform_(−b, b)}
     */
    public static double kaimingUniformBound(long[] shape, double a, String mode, String nonlinearity) {
        return Math.sqrt(3.0) * kaimingNormalStd(shape, a, mode, nonlinearity);
    }

    /**
     * The standard deviation of {@code kaiming_normal_}: {@code gain/sqrt(fan)}.
     *
     * @param shape        the tensor's sizes
     * @param a            negative slope (PyTorch default 0)
     * @param mode         "fan_in" (default) or "fan_out"
     * @param nonlinearity "leaky_relu" (default), "relu", …
     * @return the std of {@code normal_(0, std)}
     */
    public static double kaimingNormalStd(long[] shape, double a, String mode, String nonlinearity) {
        long fan = calculateCorrectFan(shape, mode);
        double gain = calculateGain(nonlinearity, a);
        return gain / Math.sqrt((double) fan);
    }

    /**
     * The standard deviation of {@code xavier_normal_}: {@code gain·sqrt(2/(fan_in + fan_out))}.
     *
     * @param shape the tensor's sizes
     * @param gain  scaling factor (PyTorch default 1)
     * @return the std
     */
    public static double xavierNormalStd(long[] shape, double gain) {
        long[] f = calculateFanInAndFanOut(shape);
        return gain * Math.sqrt(2.0 / (double) (f[0] + f[1]));
    }

    /**
     * The bound of {@code xavier_uniform_}: {@code sqrt(3)·xavierNormalStd}.
     *
     * @param shape the tensor's sizes
     * @param gain  scaling factor (PyTorch default 1)
     * @return the bound b of {@code uniform_(−b, b)}
     */
    public static double xavierUniformBound(long[] shape, double gain) {
        return Math.sqrt(3.0) * xavierNormalStd(shape, gain);
    }

    /**
     * The bound of an {@code nn.Linear}/{@code nn.ConvNd} bias: {@code 1/sqrt(fan_in)}, or 0 when fan_in = 0.
     *
     * @param fanIn the weight's fan_in
     * @return the bound b of {@code uniform_(−b, b)}
     */
    public static double biasBound(long fanIn) {
        return fanIn > 0 ? 1 / Math.sqrt((double) fanIn) : 0;
    }

    /**
     * {@code kaiming_uniform_(tensor, a, mode, nonlinearity)} on float32.
     *
     * @param g            generator ({@code null}: default)
     * @param out          the tensor's data (row-major, numel = ∏shape)
     * @param off          first index
     * @param shape        the tensor's sizes
     * @param a            negative slope
     * @param mode         "fan_in" or "fan_out"
     * @param nonlinearity nonlinearity name
     */
    public static void kaimingUniform(Generator g, float[] out, int off, long[] shape, double a, String mode,
                                      String nonlinearity) {
        int n = numel(shape);
        if (n == 0) {
            return;
        }
        double b = kaimingUniformBound(shape, a, mode, nonlinearity);
        Sampling.uniform(g, out, off, n, -b, b);
    }

    /**
     * {@code kaiming_normal_(tensor, a, mode, nonlinearity)} on float32: {@code normal_(0, std)}.
     *
     * @param g            generator ({@code null}: default)
     * @param out          the tensor's data (row-major, numel = ∏shape)
     * @param off          first index
     * @param shape        the tensor's sizes
     * @param a            negative slope
     * @param mode         "fan_in" or "fan_out"
     * @param nonlinearity nonlinearity name
     */
    public static void kaimingNormal(Generator g, float[] out, int off, long[] shape, double a, String mode,
                                     String nonlinearity) {
        int n = numel(shape);
        if (n == 0) {
            return;
        }
        Sampling.normal(g, out, off, n, 0, kaimingNormalStd(shape, a, mode, nonlinearity), true);
    }

    /**
     * {@code xavier_uniform_(tensor, gain)} on float32.
     *
     * @param g     generator ({@code null}: default)
     * @param out   the tensor's data (row-major)
     * @param off   first index
     * @param shape the tensor's sizes
     * @param gain  scaling factor
     */
    public static void xavierUniform(Generator g, float[] out, int off, long[] shape, double gain) {
        double b = xavierUniformBound(shape, gain);
        Sampling.uniform(g, out, off, numel(shape), -b, b);
    }

    /**
     * {@code xavier_normal_(tensor, gain)} on float32: {@code normal_(0, std)}.
     *
     * @param g     generator ({@code null}: default)
     * @param out   the tensor's data (row-major)
     * @param off   first index
     * @param shape the tensor's sizes
     * @param gain  scaling factor
     */
    public static void xavierNormal(Generator g, float[] out, int off, long[] shape, double gain) {
        Sampling.normal(g, out, off, numel(shape), 0, xavierNormalStd(shape, gain), true);
    }

    /**
     * {@code nn.Linear(in, out)}'s {@code reset_parameters}: {@code kaiming_uniform_(weight, a=√5)} then
     * {@code bias.uniform_(−1/√in, 1/√in)}. (Also what {@code nn.ConvNd} does, with its weight shape.)
     *
     * @param g           generator ({@code null}: default)
     * @param weight      destination of the weight, shape {@code weightShape}
     * @param bias        destination of the bias ({@code null}: no bias)
     * @param weightShape e.g. {@code {out, in}}
     */
    public static void linear(Generator g, float[] weight, float[] bias, long[] weightShape) {
        kaimingUniform(g, weight, 0, weightShape, Math.sqrt(5), "fan_in", "leaky_relu");
        if (bias != null) {
            double b = biasBound(calculateFanInAndFanOut(weightShape)[0]);
            Sampling.uniform(g, bias, 0, (int) weightShape[0], -b, b);
        }
    }

    private static int numel(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return Math.toIntExact(n);
    }
}
