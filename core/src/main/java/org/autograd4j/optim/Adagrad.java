package org.autograd4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Adagrad ({@code torch.optim.Adagrad}, 1.13.1's single-tensor path, dense gradients). For each parameter p
 * with gradient g, at step t:
 * <pre>
 *   g ← −g if maximize;  g ← g + weight_decay·p if weight_decay ≠ 0
 *   clr ← lr / (1 + (t − 1)·lr_decay)
 *   s ← s + g²;  p ← p − clr · g / (√s + eps)
 * </pre>
 * State per parameter, made when the optimizer is built (as PyTorch's): {@code "step"} (a float32 scalar
 * tensor) and {@code "sum"} (filled with {@code initial_accumulator_value}). Options, set builder-style:
 * {@code new Adagrad(params, 0.1).lrDecay(0.01)} is {@code Adagrad(params, lr=0.1, lr_decay=0.01)};
 * {@link #initialAccumulatorValue(double)} refills the sums, so set it before the first step.
 */
public final class Adagrad extends Optimizer {
    /**
     * {@code Adagrad(params, lr=lr)}: no lr decay, no weight decay, initial accumulator 0, eps 1e-10.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @throws IllegalArgumentException for a negative learning rate
     */
    public Adagrad(List<Tensor> params, double lr) {
        super(params, defaults(lr));
        initState();
    }

    /**
     * {@code Adagrad(params)}: lr 0.01.
     *
     * @param params the parameters
     */
    public Adagrad(List<Tensor> params) {
        this(params, 1e-2);
    }

    private static Map<String, Object> defaults(double lr) {
        if (lr < 0) throw new IllegalArgumentException("Invalid learning rate: " + Torch.str(lr));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("lr_decay", 0.0);
        d.put("eps", 1e-10);
        d.put("weight_decay", 0.0);
        d.put("initial_accumulator_value", 0.0);
        d.put("maximize", false);
        return d;
    }

    private void initState() {
        for (ParamGroup g : paramGroups()) {
            for (Tensor p : g.params()) {
                Map<String, Object> s = state(p);
                if (!s.isEmpty()) continue;
                s.put("step", Torch.tensor(0.0, DType.FLOAT32));
                s.put("sum", Torch.fullLike(p, g.getDouble("initial_accumulator_value")));
            }
        }
    }

    /**
     * Sets {@code lr_decay} (default 0).
     *
     * @param lrDecay the decay, ≥ 0
     * @return this optimizer
     */
    public Adagrad lrDecay(double lrDecay) {
        if (lrDecay < 0) throw new IllegalArgumentException("Invalid lr_decay value: " + Torch.str(lrDecay));
        setOption("lr_decay", lrDecay);
        return this;
    }

    /**
     * Sets {@code eps} (default 1e-10), added to the denominator.
     *
     * @param eps the term, ≥ 0
     * @return this optimizer
     */
    public Adagrad eps(double eps) {
        Adam.checkEps(eps);
        setOption("eps", eps);
        return this;
    }

    /**
     * Sets {@code weight_decay} (default 0), the L2 penalty added to the gradient.
     *
     * @param weightDecay the weight decay, ≥ 0
     * @return this optimizer
     */
    public Adagrad weightDecay(double weightDecay) {
        Adam.checkWeightDecay(weightDecay);
        setOption("weight_decay", weightDecay);
        return this;
    }

    /**
     * Sets {@code initial_accumulator_value} (default 0) and refills the sums of the parameters that have not
     * stepped yet.
     *
     * @param value the start value of the squared-gradient sums, ≥ 0
     * @return this optimizer
     */
    public Adagrad initialAccumulatorValue(double value) {
        if (value < 0) throw new IllegalArgumentException("Invalid initial_accumulator_value value: " + Torch.str(value));
        setOption("initial_accumulator_value", value);
        for (ParamGroup g : paramGroups()) {
            for (Tensor p : g.params()) {
                Map<String, Object> s = state(p);
                if (((Tensor) s.get("step")).item() == 0) s.put("sum", Torch.fullLike(p, g.getDouble("initial_accumulator_value")));
            }
        }
        return this;
    }

    /**
     * Sets {@code maximize} (default false): ascend instead of descend.
     *
     * @param maximize whether to maximize the objective
     * @return this optimizer
     */
    public Adagrad maximize(boolean maximize) {
        setOption("maximize", maximize);
        return this;
    }

    @Override
    protected void validate(ParamGroup g) {
        if (g.lr() < 0) throw new IllegalArgumentException("Invalid learning rate: " + Torch.str(g.lr()));
    }

    @Override
    protected void update(ParamGroup g) {
        // groups added after construction get their state here, as PyTorch's add_param_group path leaves them
        // to the first step
        initState();
        double lr = g.lr(), lrDecay = g.getDouble("lr_decay"), eps = g.getDouble("eps");
        double weightDecay = g.getDouble("weight_decay");
        boolean maximize = g.getBoolean("maximize");
        for (Tensor p : g.params()) {
            Tensor grad = p.grad();
            if (grad == null) continue;
            Map<String, Object> s = state(p);
            Tensor stepT = (Tensor) s.get("step"), sum = (Tensor) s.get("sum");
            stepT.add_(1.0);
            double step = stepT.item();
            if (maximize) grad = grad.neg();
            if (weightDecay != 0) grad = grad.add(p, weightDecay);
            double clr = lr / (1 + (step - 1) * lrDecay);
            sum.addcmul_(grad, grad, 1);
            Tensor std = sum.sqrt().add_(eps);
            p.addcdiv_(grad, std, -clr);
        }
    }
}
