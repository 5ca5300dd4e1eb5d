package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/** {@code torch.nn.BCELoss(reduction='mean')}: binary cross entropy of probabilities (as {@code F.binary_cross_entropy}). */
public final class BCELoss extends Loss {
    /** {@code nn.BCELoss()}: mean reduction. */
    public BCELoss() {
        this("mean");
    }

    /**
     * {@code nn.BCELoss(reduction=…)}.
     *
     * @param reduction "mean", "sum" or "none"
     */
    public BCELoss(String reduction) {
        super(reduction);
    }

    /**
     * binary cross entropy of probabilities (as {@code F.binary_cross_entropy}).
     *
     * @param input  the prediction
     * @param target the target
     * @return the loss
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropy(input, target, null, reduction);
    }
}
