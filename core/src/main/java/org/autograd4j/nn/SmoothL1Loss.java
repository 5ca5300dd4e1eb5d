package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/** {@code torch.nn.SmoothL1Loss(reduction='mean', beta=1.0)}: quadratic below beta, linear above. */
public final class SmoothL1Loss extends Loss {
    private final double beta;

    /** {@code nn.SmoothL1Loss()}: mean, beta 1. */
    public SmoothL1Loss() {
        this("mean", 1.0);
    }

    /**
     * {@code nn.SmoothL1Loss(beta=beta)}.
     *
     * @param beta the threshold
     */
    public SmoothL1Loss(double beta) {
        this("mean", beta);
    }

    /**
     * {@code nn.SmoothL1Loss(reduction, beta)}.
     *
     * @param reduction "mean", "sum" or "none"
     * @param beta      the threshold
     */
    public SmoothL1Loss(String reduction, double beta) {
        super(reduction);
        this.beta = beta;
    }

    /**
     * {@code F.smooth_l1_loss(input, target, reduction, beta)}.
     *
     * @param input  the prediction
     * @param target the target
     * @return the loss
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.smoothL1Loss(input, target, reduction, beta);
    }
}
