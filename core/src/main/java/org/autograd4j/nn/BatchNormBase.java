package org.autograd4j.nn;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;

/**
 * PyTorch's {@code torch.nn.modules.batchnorm._BatchNorm}: what {@link BatchNorm1d} and {@link BatchNorm2d}
 * share. Parameters weight (ones) and bias (zeros), buffers running_mean (zeros), running_var (ones) and
 * num_batches_tracked (int64 0), registered in PyTorch's order so state-dict keys match.
 */
// "try": the no-grad scope is opened only to be closed again
@SuppressWarnings("try")
public abstract class BatchNormBase extends Module {
    private final int numFeatures;
    private final double eps;
    private final Double momentum;
    private final boolean affine;
    private final boolean trackRunningStats;

    BatchNormBase(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        long[] c = {numFeatures};
        registerParameter("weight", affine ? Torch.ones(c, DType.FLOAT32) : null);
        registerParameter("bias", affine ? Torch.zeros(c, DType.FLOAT32) : null);
        registerBuffer("running_mean", trackRunningStats ? Torch.zeros(c, DType.FLOAT32) : null);
        registerBuffer("running_var", trackRunningStats ? Torch.ones(c, DType.FLOAT32) : null);
        registerBuffer("num_batches_tracked", trackRunningStats ? Torch.zeros(new long[0], DType.INT64) : null);
    }

    /** PyTorch's {@code _check_input_dim}: throws its ValueError for a wrong rank. */
    abstract void checkInputDim(Tensor input);

    /** {@code reset_running_stats()}: running mean 0, running variance 1, no batches tracked. */
    public void resetRunningStats() {
        if (trackRunningStats) {
            Init.zeros_(runningMean());
            Init.ones_(runningVar());
            Init.zeros_(numBatchesTracked());
        }
    }

    /** {@code reset_parameters()}: the running statistics reset, weight to ones, bias to zeros. */
    public void resetParameters() {
        resetRunningStats();
        if (affine) {
            Init.ones_(weight());
            Init.zeros_(bias());
        }
    }

    /**
     * {@code self.weight}.
     *
     * @return the (C) weight, or null without affine
     */
    public Tensor weight() {
        return param("weight");
    }

    /**
     * {@code self.bias}.
     *
     * @return the (C) bias, or null without affine
     */
    public Tensor bias() {
        return param("bias");
    }

    /**
     * {@code self.running_mean}.
     *
     * @return the (C) running mean, or null without track_running_stats
     */
    public Tensor runningMean() {
        return buffer("running_mean");
    }

    /**
     * {@code self.running_var}.
     *
     * @return the (C) running (unbiased) variance, or null without track_running_stats
     */
    public Tensor runningVar() {
        return buffer("running_var");
    }

    /**
     * {@code self.num_batches_tracked}.
     *
     * @return the int64 count of training batches seen, or null without track_running_stats
     */
    public Tensor numBatchesTracked() {
        return buffer("num_batches_tracked");
    }

    /**
     * {@code _BatchNorm.forward}: in training the batch statistics normalize, and (when tracked) the running ones
     * move by momentum, or by {@code 1/num_batches_tracked} (a cumulative average) when momentum is null; in eval
     * mode the running statistics normalize (the batch's if none are tracked).
     *
     * @param input (N, C) / (N, C, L) for BatchNorm1d, (N, C, H, W) for BatchNorm2d
     * @return the normalized tensor
     */
    @Override
    public Tensor forward(Tensor input) {
        checkInputDim(input);
        double factor = momentum == null ? 0.0 : momentum;
        if (isTraining() && trackRunningStats && numBatchesTracked() != null) {
            try (var noGrad = Torch.noGrad()) {
                numBatchesTracked().add_(Torch.scalarTensor(1L));
            }
            factor = momentum == null ? 1.0 / numBatchesTracked().item() : momentum;
        }
        boolean bnTraining = isTraining() || (runningMean() == null && runningVar() == null);
        boolean passStats = !isTraining() || trackRunningStats;
        return F.batchNorm(input, passStats ? runningMean() : null, passStats ? runningVar() : null, weight(), bias(),
                bnTraining, factor, eps);
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + Torch.str(eps) + ", momentum=" + (momentum == null ? "None" : Torch.str(momentum))
                + ", affine=" + Torch.str(affine) + ", track_running_stats=" + Torch.str(trackRunningStats);
    }
}
