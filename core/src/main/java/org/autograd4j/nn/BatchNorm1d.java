package org.autograd4j.nn;

import org.autograd4j.Tensor;

/**
 * {@code torch.nn.BatchNorm1d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)} over
 * (N, C) or (N, C, L) inputs: per channel {@code y = (x − E[x]) / sqrt(Var[x] + eps) · weight + bias}, the batch's biased
 * variance in training (the running variance is updated with the unbiased one), the running statistics in eval.
 */
public final class BatchNorm1d extends BatchNormBase {
    /**
     * {@code nn.BatchNorm1d(num_features)}.
     *
     * @param numFeatures C
     */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * {@code nn.BatchNorm1d(num_features, eps, momentum, affine, track_running_stats)}.
     *
     * @param numFeatures       C
     * @param eps               added to the variance
     * @param momentum          the running statistics' update factor, or null (None) for a cumulative average
     * @param affine            whether to learn per-channel weight and bias
     * @param trackRunningStats whether to keep running statistics (else the batch's are used in eval too)
     */
    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    void checkInputDim(Tensor input) {
        if (input.dim() != 2 && input.dim() != 3) {
            throw new IllegalArgumentException("expected 2D or 3D input (got " + input.dim() + "D input)");
        }
    }
}
