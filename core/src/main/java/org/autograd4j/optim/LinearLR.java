package org.autograd4j.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scales each group's rate linearly from {@code startFactor} to {@code endFactor} over {@code totalIters}
 * epochs ({@code torch.optim.lr_scheduler.LinearLR}), step by step as PyTorch's:
 * lr_e = lr_{e−1} · (1 + (end − start) / (total·start + (e − 1)·(end − start))) for 0 &lt; e ≤ total.
 */
public final class LinearLR extends LRScheduler {
    private double startFactor, endFactor;
    private int totalIters;

    /**
     * {@code LinearLR(optimizer)}: start factor 1/3, end factor 1, 5 iterations.
     *
     * @param optimizer the optimizer
     */
    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    /**
     * {@code LinearLR(optimizer, start_factor, end_factor, total_iters)}.
     *
     * @param optimizer the optimizer
     * @param startFactor the factor at epoch 0, in [0, 1]
     * @param endFactor the factor from epoch {@code totalIters} on, in [0, 1]
     * @param totalIters the epochs the ramp takes
     * @throws IllegalArgumentException for a factor outside [0, 1], with PyTorch's message
     */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer);
        if (startFactor > 1.0 || startFactor < 0) {
            throw new IllegalArgumentException("Starting multiplicative factor expected to be between 0 and 1.");
        }
        if (endFactor > 1.0 || endFactor < 0) {
            throw new IllegalArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override
    protected List<Double> getLr() {
        List<Double> lrs = groupLrs();
        List<Double> out = new ArrayList<>();
        if (lastEpoch == 0) {
            for (double lr : lrs) out.add(lr * startFactor);
            return out;
        }
        if (lastEpoch > totalIters) return lrs;
        for (double lr : lrs) {
            out.add(lr * (1. + (endFactor - startFactor)
                    / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor))));
        }
        return out;
    }

    @Override
    protected void putSettings(Map<String, Object> m) {
        m.put("start_factor", startFactor);
        m.put("end_factor", endFactor);
        m.put("total_iters", totalIters);
    }

    @Override
    protected void loadSettings(Map<String, Object> m) {
        if (m.containsKey("start_factor")) startFactor = ((Number) m.get("start_factor")).doubleValue();
        if (m.containsKey("end_factor")) endFactor = ((Number) m.get("end_factor")).doubleValue();
        if (m.containsKey("total_iters")) totalIters = ((Number) m.get("total_iters")).intValue();
    }
}
