package org.autograd4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;

/**
 * Stochastic gradient descent with momentum ({@code torch.optim.SGD}, 1.13.1's single-tensor path). For each
 * parameter p with gradient g:
 * <pre>
 *   g ← −g if maximize;  g ← g + weight_decay·p if weight_decay ≠ 0
 *   if momentum ≠ 0:  b ← g (first step) else b ← momentum·b + (1 − dampening)·g
 *                     g ← g + momentum·b if nesterov else b
 *   p ← p − lr·g
 * </pre>
 * State per parameter: {@code "momentum_buffer"} (when momentum ≠ 0). Options, set builder-style:
 * {@code new SGD(params, 0.1).momentum(0.9).nesterov(true)} is {@code SGD(params, lr=0.1, momentum=0.9,
 * nesterov=True)}.
 */
public final class SGD extends Optimizer {
    /**
     * {@code SGD(params, lr=lr)}.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @throws IllegalArgumentException for a negative learning rate ({@code Invalid learning rate: -0.1})
     */
    public SGD(List<Tensor> params, double lr) {
        super(params, defaults(lr, 0));
    }

    /**
     * {@code SGD(params, lr=lr, momentum=momentum)}.
     *
     * @param params the parameters
     * @param lr the learning rate
     * @param momentum the momentum factor
     * @throws IllegalArgumentException for a negative learning rate or momentum
     */
    public SGD(List<Tensor> params, double lr, double momentum) {
        super(params, defaults(lr, momentum));
    }

    private static Map<String, Object> defaults(double lr, double momentum) {
        if (lr < 0) throw new IllegalArgumentException("Invalid learning rate: " + org.autograd4j.Torch.str(lr));
        if (momentum < 0) throw new IllegalArgumentException("Invalid momentum value: " + org.autograd4j.Torch.str(momentum));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("momentum", momentum);
        d.put("dampening", 0.0);
        d.put("weight_decay", 0.0);
        d.put("nesterov", false);
        d.put("maximize", false);
        return d;
    }

    /**
     * Sets {@code momentum} (default 0).
     *
     * @param momentum the momentum factor, ≥ 0
     * @return this optimizer
     */
    public SGD momentum(double momentum) {
        if (momentum < 0) throw new IllegalArgumentException("Invalid momentum value: " + org.autograd4j.Torch.str(momentum));
        setOption("momentum", momentum);
        return this;
    }

    /**
     * Sets {@code dampening} (default 0), the damping of the gradient's share in the momentum buffer.
     *
     * @param dampening the dampening
     * @return this optimizer
     */
    public SGD dampening(double dampening) {
        setOption("dampening", dampening);
        return this;
    }

    /**
     * Sets {@code weight_decay} (default 0), the L2 penalty added to the gradient.
     *
     * @param weightDecay the weight decay, ≥ 0
     * @return this optimizer
     */
    public SGD weightDecay(double weightDecay) {
        if (weightDecay < 0) throw new IllegalArgumentException("Invalid weight_decay value: " + org.autograd4j.Torch.str(weightDecay));
        setOption("weight_decay", weightDecay);
        return this;
    }

    /**
     * Sets {@code nesterov} (default false): Nesterov momentum, which needs momentum &gt; 0 and dampening 0.
     *
     * @param nesterov whether to use Nesterov momentum
     * @return this optimizer
     */
    public SGD nesterov(boolean nesterov) {
        setOption("nesterov", nesterov);
        return this;
    }

    /**
     * Sets {@code maximize} (default false): ascend instead of descend.
     *
     * @param maximize whether to maximize the objective
     * @return this optimizer
     */
    public SGD maximize(boolean maximize) {
        setOption("maximize", maximize);
        return this;
    }

    @Override
    protected void validate(ParamGroup g) {
        if (g.getDouble("lr") < 0) throw new IllegalArgumentException("Invalid learning rate: " + org.autograd4j.Torch.str(g.getDouble("lr")));
        if (g.getBoolean("nesterov") && (g.getDouble("momentum") <= 0 || g.getDouble("dampening") != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
    }

    @Override
    protected void update(ParamGroup g) {
        double lr = g.lr(), momentum = g.getDouble("momentum"), dampening = g.getDouble("dampening");
        double weightDecay = g.getDouble("weight_decay");
        boolean nesterov = g.getBoolean("nesterov"), maximize = g.getBoolean("maximize");
        for (Tensor p : g.params()) {
            Tensor dp = p.grad();
            if (dp == null) continue;
            if (maximize) dp = dp.neg();
            if (weightDecay != 0) dp = dp.add(p, weightDecay);
            if (momentum != 0) {
                Map<String, Object> s = state(p);
                Tensor buf = (Tensor) s.get("momentum_buffer");
                if (buf == null) {
                    buf = dp.clone().detach();
                    s.put("momentum_buffer", buf);
                } else {
                    buf.mul_(momentum);
                    buf.add_(dp, 1 - dampening);
                }
                dp = nesterov ? dp.add(buf, momentum) : buf;
            } else {
                // PyTorch stores the absent buffer as None
                state(p).put("momentum_buffer", null);
            }
            p.add_(dp, -lr);
        }
    }
}
