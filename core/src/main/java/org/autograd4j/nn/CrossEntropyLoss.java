package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code torch.nn.CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)}:
 * {@code nll_loss(log_softmax(input, 1), target)} for class indices, {@code −Σ target·log_softmax(input)} for
 * class probabilities.
 */
public final class CrossEntropyLoss extends Loss {
    private final Tensor weight;
    private final long ignoreIndex;
    private final double labelSmoothing;

    /** {@code nn.CrossEntropyLoss()}. */
    public CrossEntropyLoss() {
        this(null, -100, "mean", 0.0);
    }

    /**
     * {@code nn.CrossEntropyLoss(weight, ignore_index, reduction, label_smoothing)}.
     *
     * @param weight         per-class weights, or null
     * @param ignoreIndex    a class index that contributes nothing
     * @param reduction      "mean", "sum" or "none"
     * @param labelSmoothing ε in [0, 1]
     */
    public CrossEntropyLoss(Tensor weight, long ignoreIndex, String reduction, double labelSmoothing) {
        super(reduction);
        this.weight = weight;
        this.ignoreIndex = ignoreIndex;
        this.labelSmoothing = labelSmoothing;
        if (weight != null) registerBuffer("weight", weight);
    }

    /**
     * {@code F.cross_entropy(input, target, …)}.
     *
     * @param input  logits, (C) or (N, C)
     * @param target int64 class indices, or float probabilities of input's shape
     * @return the loss
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
    }
}
