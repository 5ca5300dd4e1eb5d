package org.autograd4j.nn.functional;

import org.autograd4j.GradModeScope;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

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
     * {@code F.gelu(input)}: {@code x·Φ(x)} (approximate='none').
     *
     * @param input the input
     * @return the output
     */
    public static Tensor gelu(Tensor input) {
        return input.gelu();
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
