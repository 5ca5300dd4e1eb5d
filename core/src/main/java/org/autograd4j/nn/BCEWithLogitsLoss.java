package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/** {@code torch.nn.BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)}: BCE of sigmoid(input). */
public final class BCEWithLogitsLoss extends Loss {
    private final Tensor weight;
    private final Tensor posWeight;

    /** {@code nn.BCEWithLogitsLoss()}. */
    public BCEWithLogitsLoss() {
        this(null, "mean", null);
    }

    /**
     * {@code nn.BCEWithLogitsLoss(weight, reduction, pos_weight)}.
     *
     * @param weight    element weights, or null
     * @param reduction "mean", "sum" or "none"
     * @param posWeight positive-example weights, or null
     */
    public BCEWithLogitsLoss(Tensor weight, String reduction, Tensor posWeight) {
        super(reduction);
        this.weight = weight;
        this.posWeight = posWeight;
        if (weight != null) registerBuffer("weight", weight);
        if (posWeight != null) registerBuffer("pos_weight", posWeight);
    }

    /**
     * {@code F.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weight)}.
     *
     * @param input  logits
     * @param target targets in [0, 1]
     * @return the loss
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }
}
