package org.autograd4j.nn;

import org.autograd4j.Tensor;

/**
 * PyTorch's {@code _Loss}: a module of two inputs, {@code loss(input, target)}, with a reduction
 * ({@code "mean"}, {@code "sum"} or {@code "none"}).
 */
public abstract class Loss extends Module {
    /** The reduction, as PyTorch spells it. */
    protected final String reduction;

    /**
     * A loss with this reduction.
     *
     * @param reduction "mean", "sum" or "none"
     */
    protected Loss(String reduction) {
        this.reduction = reduction;
    }

    /**
     * The reduction ({@code loss.reduction}): {@code "mean"}, {@code "sum"} or {@code "none"}. Data-parallel
     * trainers read it to scale each shard's gradient to the global batch.
     *
     * @return the reduction, as PyTorch spells it
     */
    public String reduction() {
        return reduction;
    }

    /**
     * The loss of input against target.
     *
     * @param input  the prediction
     * @param target the target
     * @return the loss, reduced
     */
    public abstract Tensor forward(Tensor input, Tensor target);

    /**
     * {@code loss(input, target)}: two inputs go to {@link #forward(Tensor, Tensor)}.
     *
     * @param inputs input and target
     * @return the loss
     */
    @Override
    public Tensor forward(Tensor... inputs) {
        if (inputs.length == 2) return forward(inputs[0], inputs[1]);
        return super.forward(inputs);
    }
}
