package org.autograd4j.nn.functional;

import org.autograd4j.GradModeScope;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.ValuesIndices;

/**
 * {@code torch.nn.functional} ({@code import torch.nn.functional as F}): {@code F.mse_loss} is
 * {@link #mseLoss(Tensor, Tensor)}, and so on. Defaults are PyTorch's; a reduction is {@code "mean"},
 * {@code "sum"} or {@code "none"}; a null weight is {@code None}.
 */
// "try": the no-grad scope is opened only to be closed again
@SuppressWarnings("try")
public final class F {
    private F() {
    }

    // ------------------------------------------------------------------ layers

    /**
     * {@code F.linear(input, weight, bias)}: {@code input·weightᵀ + bias} as ATen runs it: {@code addmm} for a
     * 2-d input with bias (AddmmBackward0; a contiguous 3-d input viewed as 2-d, ViewBackward0), else a
     * matmul (plus the bias).
     *
     * @param input  (*, in)
     * @param weight (out, in)
     * @param bias   (out), or null
     * @return (*, out)
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        return Torch.linear(input, weight, bias);
    }

    /**
     * {@code F.linear(input, weight)}: no bias.
     *
     * @param input  (*, in)
     * @param weight (out, in)
     * @return (*, out)
     */
    public static Tensor linear(Tensor input, Tensor weight) {
        return linear(input, weight, null);
    }

    /**
     * {@code F.embedding(input, weight)}: the rows of weight at the indices (EmbeddingBackward0).
     *
     * @param input  int64 indices
     * @param weight the (num, dim) table
     * @return (*input.shape, dim)
     */
    public static Tensor embedding(Tensor input, Tensor weight) {
        return Torch.embedding(weight, input, -1);
    }

    /**
     * {@code F.embedding(input, weight, padding_idx)}: the padding row gets no gradient.
     *
     * @param input      int64 indices
     * @param weight     the (num, dim) table
     * @param paddingIdx the padding row (negative counts from the end)
     * @return (*input.shape, dim)
     */
    public static Tensor embedding(Tensor input, Tensor weight, int paddingIdx) {
        return Torch.embedding(weight, input, paddingIdx < 0 ? paddingIdx + weight.shape()[0] : paddingIdx);
    }

    /**
     * {@code F.dropout(input, p, training)}: in training, {@code input * mask} with
     * {@code mask = empty_like(input).bernoulli_(1 − p).div_(1 − p)} (MulBackward0), as ATen 1.13's CPU
     * dropout, so the mask is PyTorch's for the same seed; identity when not training, for p = 0 or an empty
     * input.
     *
     * @param input    the input
     * @param p        the zeroing probability, in [0, 1]
     * @param training whether to drop
     * @return the output
     */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        }
        if (p == 0 || !training || input.numel() == 0) return input;
        if (p == 1) return input.mul(Torch.zeros(new long[0], input.dtype()));
        Tensor noise;
        try (GradModeScope s = Torch.noGrad()) {
            noise = Torch.zeros(input.shape(), input.dtype()).bernoulli_(1 - p).div_(1 - p);
        }
        return input.mul(noise);
    }

    /**
     * {@code F.dropout(input, p)}: training defaults to true, as in PyTorch.
     *
     * @param input the input
     * @param p     the zeroing probability
     * @return the output
     */
    public static Tensor dropout(Tensor input, double p) {
        return dropout(input, p, true);
    }

    // ------------------------------------------------------------------ convolution, pooling, normalization

    /**
     * {@code F.conv2d(input, weight)}: the 2-d cross-correlation, stride 1, no padding, no bias; see
     * {@link Torch#conv2d(Tensor, Tensor, Tensor, int[], int[], int[], int)}.
     *
     * @param input  (N, C, H, W) or (C, H, W)
     * @param weight (Cout, C/groups, kh, kw)
     * @return (N, Cout, oh, ow)
     */
    public static Tensor conv2d(Tensor input, Tensor weight) {
        return Torch.conv2d(input, weight);
    }

    /**
     * {@code F.conv2d(input, weight, bias)}: {@code out[n, o] = bias[o] + Σ_c weight[o, c] ⋆ input[n, c]}.
     *
     * @param input  (N, C, H, W) or (C, H, W)
     * @param weight (Cout, C, kh, kw)
     * @param bias   (Cout), or null
     * @return (N, Cout, oh, ow)
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return Torch.conv2d(input, weight, bias);
    }

    /**
     * {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)}; a one-element array stands for
     * both dims, as a Python int does.
     *
     * @param input    (N, C, H, W) or (C, H, W)
     * @param weight   (Cout, C/groups, kh, kw)
     * @param bias     (Cout), or null
     * @param stride   {sh, sw} or {s}
     * @param padding  {ph, pw} or {p}: zeros added on both sides
     * @param dilation {dh, dw} or {d}
     * @param groups   how many groups the channels are split into
     * @return (N, Cout, oh, ow), {@code oh = (H + 2ph − dh·(kh − 1) − 1) / sh + 1}
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        return Torch.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)} with int arguments.
     *
     * @param input    (N, C, H, W) or (C, H, W)
     * @param weight   (Cout, C/groups, kh, kw)
     * @param bias     (Cout), or null
     * @param stride   the stride of both dims
     * @param padding  the zero padding of both dims
     * @param dilation the dilation of both dims
     * @param groups   how many groups the channels are split into
     * @return (N, Cout, oh, ow)
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return conv2d(input, weight, bias, new int[] {stride}, new int[] {padding}, new int[] {dilation}, groups);
    }

    /**
     * {@code F.conv2d(input, weight, bias, stride, padding='same'|'valid', dilation, groups)}.
     *
     * @param input    (N, C, H, W) or (C, H, W)
     * @param weight   (Cout, C/groups, kh, kw)
     * @param bias     (Cout), or null
     * @param stride   {sh, sw} or {s} (1 for "same")
     * @param padding  "same" (output as big as the input) or "valid" (no padding)
     * @param dilation {dh, dw} or {d}
     * @param groups   how many groups the channels are split into
     * @return (N, Cout, oh, ow)
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, String padding, int[] dilation,
                                int groups) {
        return Torch.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * {@code F.max_pool2d(input, kernel_size)}: stride = kernel size, no padding.
     *
     * @param input      (N, C, H, W) or (C, H, W)
     * @param kernelSize {kh, kw} or {k}
     * @return the window maxima
     */
    public static Tensor maxPool2d(Tensor input, int[] kernelSize) {
        return Torch.maxPool2d(input, kernelSize);
    }

    /**
     * {@code F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode)}: the maximum of every window,
     * padding counting as −∞.
     *
     * @param input      (N, C, H, W) or (C, H, W)
     * @param kernelSize {kh, kw} or {k}
     * @param stride     {sh, sw} or {s}; null (None) is the kernel size
     * @param padding    {ph, pw} or {p}
     * @param dilation   {dh, dw} or {d}
     * @param ceilMode   whether a last partial window counts (ceil instead of floor)
     * @return the window maxima
     */
    public static Tensor maxPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                                   boolean ceilMode) {
        return Torch.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /**
     * {@code F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode, return_indices=True)}.
     *
     * @param input      (N, C, H, W) or (C, H, W)
     * @param kernelSize {kh, kw} or {k}
     * @param stride     {sh, sw} or {s}; null is the kernel size
     * @param padding    {ph, pw} or {p}
     * @param dilation   {dh, dw} or {d}
     * @param ceilMode   whether a last partial window counts
     * @return the maxima and their int64 flat positions {@code y·W + x} in each plane
     */
    public static ValuesIndices maxPool2dWithIndices(Tensor input, int[] kernelSize, int[] stride, int[] padding,
                                                     int[] dilation, boolean ceilMode) {
        return Torch.maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /**
     * {@code F.avg_pool2d(input, kernel_size)}: stride = kernel size, no padding.
     *
     * @param input      (N, C, H, W) or (C, H, W)
     * @param kernelSize {kh, kw} or {k}
     * @return the window means
     */
    public static Tensor avgPool2d(Tensor input, int[] kernelSize) {
        return Torch.avgPool2d(input, kernelSize);
    }

    /**
     * {@code F.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)}:
     * each window's sum divided by {@code divisorOverride}, else by its size (padding included or not).
     *
     * @param input           (N, C, H, W) or (C, H, W)
     * @param kernelSize      {kh, kw} or {k}
     * @param stride          {sh, sw} or {s}; null is the kernel size
     * @param padding         {ph, pw} or {p}
     * @param ceilMode        whether a last partial window counts
     * @param countIncludePad whether the padding counts in the divisor
     * @param divisorOverride the divisor, or null (None)
     * @return the window means
     */
    public static Tensor avgPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode,
                                   boolean countIncludePad, Integer divisorOverride) {
        return Torch.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /**
     * {@code F.adaptive_avg_pool2d(input, output_size)}: cell (i, j) is the mean of rows
     * {@code [⌊i·H/oh⌋, ⌈(i+1)·H/oh⌉)} and the columns likewise.
     *
     * @param input      (N, C, H, W) or (C, H, W)
     * @param outputSize {oh, ow} or {o}
     * @return (N, C, oh, ow)
     */
    public static Tensor adaptiveAvgPool2d(Tensor input, int[] outputSize) {
        return Torch.adaptiveAvgPool2d(input, outputSize);
    }

    /**
     * {@code F.adaptive_avg_pool2d(input, output_size)} with an int size.
     *
     * @param input      (N, C, H, W) or (C, H, W)
     * @param outputSize the output's height and width
     * @return (N, C, o, o)
     */
    public static Tensor adaptiveAvgPool2d(Tensor input, int outputSize) {
        return adaptiveAvgPool2d(input, new int[] {outputSize});
    }

    /**
     * {@code F.layer_norm(input, normalized_shape)}: {@code (x − mean)/sqrt(var + 1e-5)} over the trailing dims.
     *
     * @param input           (*, normalized_shape)
     * @param normalizedShape the trailing dims normalized over
     * @return the normalized tensor
     */
    public static Tensor layerNorm(Tensor input, long[] normalizedShape) {
        return Torch.layerNorm(input, normalizedShape);
    }

    /**
     * {@code F.layer_norm(input, normalized_shape, weight, bias, eps)}:
     * {@code (x − mean)/sqrt(var + eps)·weight + bias}, the biased variance over the trailing dims.
     *
     * @param input           (*, normalized_shape)
     * @param normalizedShape the trailing dims normalized over
     * @param weight          normalized_shape, or null
     * @param bias            normalized_shape, or null
     * @param eps             added to the variance
     * @return the normalized tensor
     */
    public static Tensor layerNorm(Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return Torch.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    /**
     * {@code F.batch_norm(input, running_mean, running_var)}: evaluation mode (the running statistics
     * normalize), no weight or bias.
     *
     * @param input       (N, C, …)
     * @param runningMean (C)
     * @param runningVar  (C)
     * @return the normalized tensor
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar) {
        return batchNorm(input, runningMean, runningVar, null, null, false, 0.1, 1e-5);
    }

    /**
     * {@code F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)}: per channel
     * {@code (x − mean)/sqrt(var + eps)·weight + bias}; in training the batch statistics, with the running ones
     * (if not null) updated in place as {@code (1 − momentum)·r + momentum·batch} (unbiased variance).
     *
     * @param input       (N, C, …)
     * @param runningMean (C), or null
     * @param runningVar  (C), or null
     * @param weight      (C), or null
     * @param bias        (C), or null
     * @param training    whether the batch statistics are used
     * @param momentum    the running statistics' update factor
     * @param eps         added to the variance
     * @return the normalized tensor
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        return Torch.batchNorm(input, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    /**
     * {@code F.group_norm(input, num_groups)}: eps = 1e-5, no affine.
     *
     * @param input     (N, C, …)
     * @param numGroups how many groups (divides C)
     * @return the normalized tensor
     */
    public static Tensor groupNorm(Tensor input, int numGroups) {
        return Torch.groupNorm(input, numGroups);
    }

    /**
     * {@code F.group_norm(input, num_groups, weight, bias, eps)}: each sample's channel group normalized
     * (biased variance), then {@code ·weight[c] + bias[c]}.
     *
     * @param input     (N, C, …)
     * @param numGroups how many groups (divides C)
     * @param weight    (C), or null
     * @param bias      (C), or null
     * @param eps       added to the variance
     * @return the normalized tensor
     */
    public static Tensor groupNorm(Tensor input, int numGroups, Tensor weight, Tensor bias, double eps) {
        return Torch.groupNorm(input, numGroups, weight, bias, eps);
    }

    // ------------------------------------------------------------------ activations

    /**
     * {@code F.relu(input)}.
     *
     * @param input the input
     * @return {@code max(input, 0)}
     */
    public static Tensor relu(Tensor input) {
        return input.relu();
    }

    /**
     * {@code F.leaky_relu(input)}: slope 0.01.
     *
     * @param input the input
     * @return the output
     */
    public static Tensor leakyRelu(Tensor input) {
        return input.leakyRelu();
    }

    /**
     * {@code F.leaky_relu(input, negative_slope)}.
     *
     * @param input         the input
     * @param negativeSlope the slope below 0
     * @return the output
     */
    public static Tensor leakyRelu(Tensor input, double negativeSlope) {
        return input.leakyRelu(negativeSlope);
    }

    /**
     * {@code F.tanh(input)}.
     *
     * @param input the input
     * @return the output
     */
    public static Tensor tanh(Tensor input) {
        return input.tanh();
    }

    /**
     * {@code F.sigmoid(input)}.
     *
     * @param input the input
     * @return the output
     */
    public static Tensor sigmoid(Tensor input) {
        return input.sigmoid();
    }

    /**
     * {@code F.pad(input, pad, mode='constant', value=value)}: {@link Torch#constantPadNd}.
     *
     * @param input the input
     * @param pad (before, after) pairs from the last dim backwards; negative entries crop
     * @param value the value of the new elements
     * @return the padded tensor
     */
    public static Tensor pad(Tensor input, long[] pad, double value) {
        return Torch.constantPadNd(input, pad, value);
    }

    /**
     * {@code F.pad(input, pad)}: zero padding ({@code mode='constant', value=0}).
     *
     * @param input the input
     * @param pad (before, after) pairs from the last dim backwards; negative entries crop
     * @return the padded tensor
     */
    public static Tensor pad(Tensor input, long[] pad) {
        return pad(input, pad, 0);
    }

    /**
     * {@code F.gelu(input)}: {@code x·Φ(x)} (approximate='none').
     *
     * @param input the input
     * @return the output
     */
    public static Tensor gelu(Tensor input) {
        return input.gelu();
    }

    /**
     * {@code F.gelu(input, approximate=...)}: "none" is {@code x·Φ(x)}, "tanh" is
     * {@code ½x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}.
     *
     * @param input the input
     * @param approximate "none" or "tanh"
     * @return the output
     * @throws IllegalArgumentException "approximate argument must be either none or tanh." for another string
     */
    public static Tensor gelu(Tensor input, String approximate) {
        return input.gelu(approximate);
    }

    /**
     * {@code F.silu(input)}: {@code x·sigmoid(x)}.
     *
     * @param input the input
     * @return the output
     */
    public static Tensor silu(Tensor input) {
        return input.silu();
    }

    /**
     * {@code F.softmax(input, dim)}.
     *
     * @param input the input
     * @param dim   the dim
     * @return the output
     */
    public static Tensor softmax(Tensor input, int dim) {
        return input.softmax(dim);
    }

    /**
     * {@code F.log_softmax(input, dim)}.
     *
     * @param input the input
     * @param dim   the dim
     * @return the output
     */
    public static Tensor logSoftmax(Tensor input, int dim) {
        return input.logSoftmax(dim);
    }

    // ------------------------------------------------------------------ losses

    /**
     * {@code F.mse_loss(input, target)}: mean of {@code (input − target)²} (MseLossBackward0).
     *
     * @param input  the prediction
     * @param target the target
     * @return the loss
     */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, "mean");
    }

    /**
     * {@code F.mse_loss(input, target, reduction=…)}.
     *
     * @param input     the prediction
     * @param target    the target
     * @param reduction "mean", "sum" or "none"
     * @return the loss
     */
    public static Tensor mseLoss(Tensor input, Tensor target, String reduction) {
        return Torch.mseLoss(input, target, reduction);
    }

    /**
     * {@code F.l1_loss(input, target)}: mean of {@code |input − target|}.
     *
     * @param input  the prediction
     * @param target the target
     * @return the loss
     */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return l1Loss(input, target, "mean");
    }

    /**
     * {@code F.l1_loss(input, target, reduction=…)}.
     *
     * @param input     the prediction
     * @param target    the target
     * @param reduction "mean", "sum" or "none"
     * @return the loss
     */
    public static Tensor l1Loss(Tensor input, Tensor target, String reduction) {
        return Torch.l1Loss(input, target, reduction);
    }

    /**
     * {@code F.smooth_l1_loss(input, target)}: beta 1, mean.
     *
     * @param input  the prediction
     * @param target the target
     * @return the loss
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target) {
        return smoothL1Loss(input, target, "mean", 1.0);
    }

    /**
     * {@code F.smooth_l1_loss(input, target, reduction=…, beta=…)}.
     *
     * @param input     the prediction
     * @param target    the target
     * @param reduction "mean", "sum" or "none"
     * @param beta      the threshold
     * @return the loss
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, String reduction, double beta) {
        return Torch.smoothL1Loss(input, target, reduction, beta);
    }

    /**
     * {@code F.nll_loss(input, target)}.
     *
     * @param input  log-probabilities, (C) or (N, C)
     * @param target int64 class indices
     * @return the loss
     */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, null, -100, "mean");
    }

    /**
     * {@code F.nll_loss(input, target, weight, ignore_index=…, reduction=…)}.
     *
     * @param input       log-probabilities
     * @param target      int64 class indices
     * @param weight      per-class weights, or null
     * @param ignoreIndex a target that contributes nothing
     * @param reduction   "mean", "sum" or "none"
     * @return the loss
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction) {
        return Torch.nllLoss(input, target, weight, reduction, ignoreIndex);
    }

    /**
     * {@code F.cross_entropy(input, target)}.
     *
     * @param input  logits
     * @param target class indices or probabilities
     * @return the loss
     */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, null, -100, "mean", 0.0);
    }

    /**
     * {@code F.cross_entropy(input, target, weight, ignore_index=…, reduction=…, label_smoothing=…)}.
     *
     * @param input          logits
     * @param target         class indices or probabilities
     * @param weight         per-class weights, or null
     * @param ignoreIndex    a class index that contributes nothing
     * @param reduction      "mean", "sum" or "none"
     * @param labelSmoothing ε in [0, 1]
     * @return the loss
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction,
                                      double labelSmoothing) {
        return Torch.crossEntropyLoss(input, target, weight, reduction, ignoreIndex, labelSmoothing);
    }

    /**
     * {@code F.binary_cross_entropy(input, target)}.
     *
     * @param input  probabilities
     * @param target targets
     * @return the loss
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, null, "mean");
    }

    /**
     * {@code F.binary_cross_entropy(input, target, weight, reduction=…)}.
     *
     * @param input     probabilities
     * @param target    targets
     * @param weight    element weights, or null
     * @param reduction "mean", "sum" or "none"
     * @return the loss
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, String reduction) {
        return Torch.binaryCrossEntropy(input, target, weight, reduction);
    }

    /**
     * {@code F.binary_cross_entropy_with_logits(input, target)}.
     *
     * @param input  logits
     * @param target targets
     * @return the loss
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, null, null, "mean");
    }

    /**
     * {@code F.binary_cross_entropy_with_logits(input, target, weight, reduction=…, pos_weight=…)}.
     *
     * @param input     logits
     * @param target    targets
     * @param weight    element weights, or null
     * @param posWeight positive-example weights, or null
     * @param reduction "mean", "sum" or "none"
     * @return the loss
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                                      String reduction) {
        return Torch.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }
}
