package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/** {@code torch.nn.L1Loss(reduction='mean')}: {@code |input − target|}, reduced (as {@code F.l1_loss}). */
public final class L1Loss extends Loss {
    /** {@code nn.L1Loss()}: mean reduction. */
    public L1Loss() {
        this("mean");
    }

    /**
     * {@code nn.L1Loss(reduction=…)}.
     *
     * @param reduction "mean", "sum" or "none"
     */
    public L1Loss(String reduction) {
        super(reduction);
    }

    /**
     * {@code |input − target|}, reduced (as {@code F.l1_loss}).
     *
     * @param input  the prediction
     * @param target the target
     * @return the loss
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.l1Loss(input, target, reduction);
    }
}
