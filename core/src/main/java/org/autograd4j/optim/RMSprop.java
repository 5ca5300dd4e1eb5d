package org.autograd4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * RMSprop ({@code torch.optim.RMSprop}, 1.13.1's single-tensor path). For each parameter p with gradient g:
 * <pre>
 *   g ← −g if maximize;  g ← g + weight_decay·p if weight_decay ≠ 0
 *   v ← α·v + (1 − α)·g²
 *   centered: ḡ ← α·ḡ + (1 − α)·g;  a ← √(v − ḡ²) + eps,  else a ← √v + eps
 *   momentum &gt; 0: b ← momentum·b + g/a;  p ← p − lr·b,  else p ← p − lr·g/a
 * </pre>
 * State per parameter: {@code "step"} (an int count), {@code "square_avg"}, and {@code "momentum_buffer"} /
 * {@code "grad_avg"} when momentum &gt; 0 / centered. Options, set builder-style:
 * {@code new RMSprop(params, 0.01).alpha(0.9).centered(true)} is {@code RMSprop(params, lr=0.01, alpha=0.9,
 * centered=True)}.
 */
public final class RMSprop extends Optimizer {
    /**
     * {@code RMSprop(params, lr=lr)}: alpha 0.99, eps 1e-8, no weight decay, no momentum, not centered.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @throws IllegalArgumentException for a negative learning rate
     */
    public RMSprop(List<Tensor> params, double lr) {
        super(params, defaults(lr));
    }

    /**
     * {@code RMSprop(params)}: lr 0.01.
     *
     * @param params the parameters
     */
    public RMSprop(List<Tensor> params) {
        this(params, 1e-2);
    }

    private static Map<String, Object> defaults(double lr) {
        if (lr < 0) throw new IllegalArgumentException("Invalid learning rate: " + Torch.str(lr));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("momentum", 0.0);
        d.put("alpha", 0.99);
        d.put("eps", 1e-8);
        d.put("centered", false);
        d.put("weight_decay", 0.0);
        d.put("maximize", false);
        return d;
    }

    /**
     * Sets {@code alpha} (default 0.99), the smoothing constant of the squared-gradient average.
     *
     * @param alpha the constant, ≥ 0
     * @return this optimizer
     */
    public RMSprop alpha(double alpha) {
        if (alpha < 0) throw new IllegalArgumentException("Invalid alpha value: " + Torch.str(alpha));
        setOption("alpha", alpha);
        return this;
    }

    /**
     * Sets {@code eps} (default 1e-8), added to the denominator.
     *
     * @param eps the term, ≥ 0
     * @return this optimizer
     */
    public RMSprop eps(double eps) {
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
    public RMSprop weightDecay(double weightDecay) {
        Adam.checkWeightDecay(weightDecay);
        setOption("weight_decay", weightDecay);
        return this;
    }

    /**
     * Sets {@code momentum} (default 0).
     *
     * @param momentum the momentum factor, ≥ 0
     * @return this optimizer
     */
    public RMSprop momentum(double momentum) {
        if (momentum < 0) throw new IllegalArgumentException("Invalid momentum value: " + Torch.str(momentum));
        setOption("momentum", momentum);
        return this;
    }

    /**
     * Sets {@code centered} (default false): normalize by the gradient's estimated variance.
     *
     * @param centered whether to center
     * @return this optimizer
     */
    public RMSprop centered(boolean centered) {
        setOption("centered", centered);
        return this;
    }

    /**
     * Sets {@code maximize} (default false): ascend instead of descend.
     *
     * @param maximize whether to maximize the objective
     * @return this optimizer
     */
    public RMSprop maximize(boolean maximize) {
        setOption("maximize", maximize);
        return this;
    }

    @Override
    protected void validate(ParamGroup g) {
        if (g.lr() < 0) throw new IllegalArgumentException("Invalid learning rate: " + Torch.str(g.lr()));
    }

    @Override
    protected void update(ParamGroup g) {
        double lr = g.lr(), alpha = g.getDouble("alpha"), eps = g.getDouble("eps");
        double weightDecay = g.getDouble("weight_decay"), momentum = g.getDouble("momentum");
        boolean centered = g.getBoolean("centered"), maximize = g.getBoolean("maximize");
        for (Tensor p : g.params()) {
            Tensor grad = p.grad();
            if (grad == null) continue;
            Map<String, Object> s = state(p);
            if (s.isEmpty()) {
                s.put("step", 0L);
                s.put("square_avg", Torch.zerosLike(p));
                if (momentum > 0) s.put("momentum_buffer", Torch.zerosLike(p));
                if (centered) s.put("grad_avg", Torch.zerosLike(p));
            }
            s.put("step", ((Number) s.get("step")).longValue() + 1);
            if (maximize) grad = grad.neg();
            if (weightDecay != 0) grad = grad.add(p, weightDecay);
            Tensor squareAvg = (Tensor) s.get("square_avg");
            squareAvg.mul_(alpha);
            squareAvg.addcmul_(grad, grad, 1 - alpha);
            Tensor avg;
            if (centered) {
                Tensor gradAvg = (Tensor) s.get("grad_avg");
                gradAvg.mul_(alpha);
                gradAvg.add_(grad, 1 - alpha);
                avg = squareAvg.addcmul(gradAvg, gradAvg, -1).sqrt_();
            } else {
                avg = squareAvg.sqrt();
            }
            avg.add_(eps);
            if (momentum > 0) {
                Tensor buf = (Tensor) s.get("momentum_buffer");
                buf.mul_(momentum);
                buf.addcdiv_(grad, avg, 1);
                p.add_(buf, -lr);
            } else {
                p.addcdiv_(grad, avg, -lr);
            }
        }
    }
}
