package org.autograd4j.optim;

import java.util.List;
import org.autograd4j.Tensor;

/**
 * AdamW, Adam with decoupled weight decay ({@code torch.optim.AdamW}, 1.13.1's single-tensor path): each step
 * first scales the parameter, {@code p ← p·(1 − lr·weight_decay)}, then takes {@link Adam}'s step without the
 * L2 term. Default weight decay 0.01. State as {@link Adam}'s. Options, set builder-style:
 * {@code new AdamW(params, 1e-3).weightDecay(0.1)} is {@code AdamW(params, lr=1e-3, weight_decay=0.1)}.
 */
public final class AdamW extends Optimizer {
    /**
     * {@code AdamW(params, lr=lr)}, betas (0.9, 0.999), eps 1e-8, weight decay 0.01.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @throws IllegalArgumentException for a negative learning rate
     */
    public AdamW(List<Tensor> params, double lr) {
        super(params, Adam.defaults(lr, 1e-2));
    }

    /**
     * {@code AdamW(params)}: lr 1e-3.
     *
     * @param params the parameters
     */
    public AdamW(List<Tensor> params) {
        this(params, 1e-3);
    }

    /**
     * Sets {@code betas} (default (0.9, 0.999)), the decay rates of the two moving averages.
     *
     * @param beta1 the first moment's decay, in [0, 1)
     * @param beta2 the second moment's decay, in [0, 1)
     * @return this optimizer
     */
    public AdamW betas(double beta1, double beta2) {
        Adam.checkBetas(beta1, beta2);
        setOption("betas", List.of(beta1, beta2));
        return this;
    }

    /**
     * Sets {@code eps} (default 1e-8), added to the denominator.
     *
     * @param eps the term, ≥ 0
     * @return this optimizer
     */
    public AdamW eps(double eps) {
        Adam.checkEps(eps);
        setOption("eps", eps);
        return this;
    }

    /**
     * Sets {@code weight_decay} (default 0.01), the decoupled decay factor.
     *
     * @param weightDecay the weight decay, ≥ 0
     * @return this optimizer
     */
    public AdamW weightDecay(double weightDecay) {
        Adam.checkWeightDecay(weightDecay);
        setOption("weight_decay", weightDecay);
        return this;
    }

    /**
     * Sets {@code amsgrad} (default false): divide by the running maximum of the second moment.
     *
     * @param amsgrad whether to use AMSGrad
     * @return this optimizer
     */
    public AdamW amsgrad(boolean amsgrad) {
        setOption("amsgrad", amsgrad);
        return this;
    }

    /**
     * Sets {@code maximize} (default false): ascend instead of descend.
     *
     * @param maximize whether to maximize the objective
     * @return this optimizer
     */
    public AdamW maximize(boolean maximize) {
        setOption("maximize", maximize);
        return this;
    }

    @Override
    protected void validate(ParamGroup g) {
        if (g.lr() < 0) throw new IllegalArgumentException("Invalid learning rate: " + org.autograd4j.Torch.str(g.lr()));
    }

    @Override
    protected void update(ParamGroup g) {
        Adam.step(this, g, true);
    }
}
