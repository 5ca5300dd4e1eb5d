package org.autograd4j.nn.utils;

import java.util.ArrayList;
import java.util.List;

import org.autograd4j.GradModeScope;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/** {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}, as PyTorch 1.13 computes them. */
// "try": the no-grad scope is opened only to be closed again
@SuppressWarnings("try")
public final class ClipGrad {
    private ClipGrad() {
    }

    /**
     * {@code clip_grad_norm_(parameters, max_norm)}: the 2-norm.
     *
     * @param parameters the parameters (those without a grad are skipped)
     * @param maxNorm    the largest total norm
     * @return the total norm of the gradients before clipping (0-d)
     */
    public static Tensor clipGradNorm_(List<Tensor> parameters, double maxNorm) {
        return clipGradNorm_(parameters, maxNorm, 2.0);
    }

    /**
     * {@code clip_grad_norm_(parameters, max_norm, norm_type)}: {@code total = ‖(‖g₁‖, ‖g₂‖, …)‖} (the max
     * for p = ∞), then each grad multiplied in place by {@code clamp(max_norm/(total + 1e-6), max=1)}.
     *
     * @param parameters the parameters (those without a grad are skipped)
     * @param maxNorm    the largest total norm
     * @param normType   p (Double.POSITIVE_INFINITY for the max norm)
     * @return the total norm (0-d); {@code tensor(0.)} when no parameter has a grad
     */
    public static Tensor clipGradNorm_(List<Tensor> parameters, double maxNorm, double normType) {
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : parameters) if (p.grad() != null) grads.add(p.grad());
        if (grads.isEmpty()) return Torch.tensor(0.0);
        try (GradModeScope s = Torch.noGrad()) {
            List<Tensor> norms = new ArrayList<>();
            Tensor total;
            if (normType == Double.POSITIVE_INFINITY) {
                for (Tensor g : grads) norms.add(g.detach().abs().max());
                total = norms.size() == 1 ? norms.get(0) : Torch.stack(norms, 0).max();
            } else {
                for (Tensor g : grads) norms.add(g.detach().norm(normType));
                total = Torch.stack(norms, 0).norm(normType);
            }
            Tensor coef = total.add(1e-6).reciprocal().mul(maxNorm);
            Tensor clamped = coef.clamp(Double.NaN, 1.0);
            for (Tensor g : grads) g.detach().mul_(clamped);
            return total;
        }
    }

    /**
     * {@code clip_grad_value_(parameters, clip_value)}: each grad clamped in place to
     * {@code [−clip_value, clip_value]}.
     *
     * @param parameters the parameters
     * @param clipValue  the bound
     */
    public static void clipGradValue_(List<Tensor> parameters, double clipValue) {
        try (GradModeScope s = Torch.noGrad()) {
            for (Tensor p : parameters) if (p.grad() != null) p.grad().clamp_(-clipValue, clipValue);
        }
    }
}
