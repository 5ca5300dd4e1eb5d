package org.autograd4j.nn;

import org.autograd4j.Tensor;

/**
 * {@code torch.nn.BatchNorm2d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)} over
 * (N, C, H, W) inputs: per channel {@code y = (x − E[x]) / sqrt(Var[x] + eps) · weight + bias}, the batch's biased
 * variance in training (the running variance is updated with the unbiased one), the running statistics in eval.
 */
public final class BatchNorm2d extends BatchNormBase {
    /**
     * {@code nn.BatchNorm2d(num_features)}.
     *
     * @param numFeatures C
     */
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * {@code nn.BatchNorm2d(num_features, eps, momentum, affine, track_running_stats)}.
     *
     * @param numFeatures       C
     * @param eps               added to the variance
     * @param momentum          the running statistics' update factor, or null (None) for a cumulative average
     * @param affine            whether to learn per-channel weight and bias
     * @param trackRunningStats whether to keep running statistics (else the batch's are used in eval too)
     */
    public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    void checkInputDim(Tensor input) {
        if (input.dim() != 4) {
            throw new IllegalArgumentException("expected 4D input (got " + input.dim() + "D input)");
        }
    }
}
