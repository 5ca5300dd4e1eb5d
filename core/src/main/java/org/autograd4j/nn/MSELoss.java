package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/** {@code torch.nn.MSELoss(reduction='mean')}: {@code (input − target)²}, reduced (as {@code F.mse_loss}). */
public final class MSELoss extends Loss {
    /** {@code nn.MSELoss()}: mean reduction. */
    public MSELoss() {
        this("mean");
    }

    /**
     * {@code nn.MSELoss(reduction=…)}.
     *
     * @param reduction "mean", "sum" or "none"
     */
    public MSELoss(String reduction) {
        super(reduction);
    }

    /**
     * {@code (input − target)²}, reduced (as {@code F.mse_loss}).
     *
     * @param input  the prediction
     * @param target the target
     * @return the loss
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.mseLoss(input, target, reduction);
    }
}
