package org.autograd4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Adam ({@code torch.optim.Adam}, 1.13.1's single-tensor path). For each parameter p with gradient g, at step t:
 * <pre>
 *   g ← −g if maximize;  g ← g + weight_decay·p if weight_decay ≠ 0
 *   m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²
 *   v̂ ← max(v̂, v) if amsgrad, else v
 *   p ← p − (lr / (1 − β₁ᵗ)) · m / (√v̂ / √(1 − β₂ᵗ) + eps)
 * </pre>
 * State per parameter: {@code "step"} (a float32 scalar tensor), {@code "exp_avg"}, {@code "exp_avg_sq"} and,
 * with amsgrad, {@code "max_exp_avg_sq"}. Options, set builder-style: {@code new Adam(params, 1e-3).betas(0.8,
 * 0.99).amsgrad(true)} is {@code Adam(params, lr=1e-3, betas=(0.8, 0.99), amsgrad=True)}.
 */
public final class Adam extends Optimizer {
    /**
     * {@code Adam(params, lr=lr)}, betas (0.9, 0.999), eps 1e-8, no weight decay.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @throws IllegalArgumentException for a negative learning rate
     */
    public Adam(List<Tensor> params, double lr) {
        super(params, defaults(lr, 0));
    }

    /**
     * {@code Adam(params)}: lr 1e-3.
     *
     * @param params the parameters
     */
    public Adam(List<Tensor> params) {
        this(params, 1e-3);
    }

    static Map<String, Object> defaults(double lr, double weightDecay) {
        if (lr < 0) throw new IllegalArgumentException("Invalid learning rate: " + Torch.str(lr));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("betas", List.of(0.9, 0.999));
        d.put("eps", 1e-8);
        d.put("weight_decay", weightDecay);
        d.put("amsgrad", false);
        d.put("maximize", false);
        return d;
    }

    /**
     * Sets {@code betas} (default (0.9, 0.999)), the decay rates of the two moving averages.
     *
     * @param beta1 the first moment's decay, in [0, 1)
     * @param beta2 the second moment's decay, in [0, 1)
     * @return this optimizer
     */
    public Adam betas(double beta1, double beta2) {
        checkBetas(beta1, beta2);
        setOption("betas", List.of(beta1, beta2));
        return this;
    }

    /**
     * Sets {@code eps} (default 1e-8), added to the denominator.
     *
     * @param eps the term, ≥ 0
     * @return this optimizer
     */
    public Adam eps(double eps) {
        checkEps(eps);
        setOption("eps", eps);
        return this;
    }

    /**
     * Sets {@code weight_decay} (default 0), the L2 penalty added to the gradient.
     *
     * @param weightDecay the weight decay, ≥ 0
     * @return this optimizer
     */
    public Adam weightDecay(double weightDecay) {
        checkWeightDecay(weightDecay);
        setOption("weight_decay", weightDecay);
        return this;
    }

    /**
     * Sets {@code amsgrad} (default false): divide by the running maximum of the second moment.
     *
     * @param amsgrad whether to use AMSGrad
     * @return this optimizer
     */
    public Adam amsgrad(boolean amsgrad) {
        setOption("amsgrad", amsgrad);
        return this;
    }

    /**
     * Sets {@code maximize} (default false): ascend instead of descend.
     *
     * @param maximize whether to maximize the objective
     * @return this optimizer
     */
    public Adam maximize(boolean maximize) {
        setOption("maximize", maximize);
        return this;
    }

    static void checkBetas(double beta1, double beta2) {
        if (!(0 <= beta1 && beta1 < 1)) throw new IllegalArgumentException("Invalid beta parameter at index 0: " + Torch.str(beta1));
        if (!(0 <= beta2 && beta2 < 1)) throw new IllegalArgumentException("Invalid beta parameter at index 1: " + Torch.str(beta2));
    }

    static void checkEps(double eps) {
        if (eps < 0) throw new IllegalArgumentException("Invalid epsilon value: " + Torch.str(eps));
    }

    static void checkWeightDecay(double weightDecay) {
        if (weightDecay < 0) throw new IllegalArgumentException("Invalid weight_decay value: " + Torch.str(weightDecay));
    }

    @Override
    protected void validate(ParamGroup g) {
        if (g.lr() < 0) throw new IllegalArgumentException("Invalid learning rate: " + Torch.str(g.lr()));
    }

    @Override
    protected void update(ParamGroup g) {
        step(this, g, false);
    }

    /** Adam's and AdamW's shared step; {@code decoupled} is AdamW's weight decay. */
    static void step(Optimizer opt, ParamGroup g, boolean decoupled) {
        List<?> betas = (List<?>) g.get("betas");
        double beta1 = ((Number) betas.get(0)).doubleValue(), beta2 = ((Number) betas.get(1)).doubleValue();
        double lr = g.lr(), eps = g.getDouble("eps"), weightDecay = g.getDouble("weight_decay");
        boolean amsgrad = g.getBoolean("amsgrad"), maximize = g.getBoolean("maximize");
        for (Tensor p : g.params()) {
            Tensor grad = p.grad();
            if (grad == null) continue;
            Map<String, Object> s = opt.state(p);
            if (s.isEmpty()) {
                s.put("step", Torch.tensor(0.0, DType.FLOAT32));
                s.put("exp_avg", Torch.zerosLike(p));
                s.put("exp_avg_sq", Torch.zerosLike(p));
                if (amsgrad) s.put("max_exp_avg_sq", Torch.zerosLike(p));
            }
            if (maximize) grad = grad.neg();
            Tensor expAvg = (Tensor) s.get("exp_avg"), expAvgSq = (Tensor) s.get("exp_avg_sq");
            Tensor stepT = (Tensor) s.get("step");
            stepT.add_(1.0);
            if (decoupled) {
                p.mul_(1 - lr * weightDecay);
            } else if (weightDecay != 0) {
                grad = grad.add(p, weightDecay);
            }
            expAvg.mul_(beta1);
            expAvg.add_(grad, 1 - beta1);
            expAvgSq.mul_(beta2);
            expAvgSq.addcmul_(grad, grad, 1 - beta2);
            double step = stepT.item();
            double biasCorrection1 = 1 - Math.pow(beta1, step);
            double biasCorrection2 = 1 - Math.pow(beta2, step);
            double stepSize = lr / biasCorrection1;
            double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
            Tensor denom;
            if (amsgrad) {
                Tensor max = (Tensor) s.get("max_exp_avg_sq");
                max.copy_(Torch.maximum(max, expAvgSq));
                denom = max.sqrt().div(biasCorrection2Sqrt).add_(eps);
            } else {
                denom = expAvgSq.sqrt().div(biasCorrection2Sqrt).add_(eps);
            }
            p.addcdiv_(expAvg, denom, -stepSize);
        }
    }
}
