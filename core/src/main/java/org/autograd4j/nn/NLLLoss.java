package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/** {@code torch.nn.NLLLoss(weight=None, ignore_index=-100, reduction='mean')}: {@code −input[i, target[i]]}. */
public final class NLLLoss extends Loss {
    private final Tensor weight;
    private final long ignoreIndex;

    /** {@code nn.NLLLoss()}. */
    public NLLLoss() {
        this(null, -100, "mean");
    }

    /**
     * {@code nn.NLLLoss(weight, ignore_index, reduction)}.
     *
     * @param weight      per-class weights, or null
     * @param ignoreIndex a target that contributes nothing
     * @param reduction   "mean", "sum" or "none"
     */
    public NLLLoss(Tensor weight, long ignoreIndex, String reduction) {
        super(reduction);
        this.weight = weight;
        this.ignoreIndex = ignoreIndex;
        if (weight != null) registerBuffer("weight", weight);
    }

    /**
     * {@code F.nll_loss(input, target, weight, ignore_index, reduction)}.
     *
     * @param input  log-probabilities, (C) or (N, C)
     * @param target int64 class indices
     * @return the loss
     */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.nllLoss(input, target, weight, ignoreIndex, reduction);
    }
}
