package org.autograd4j.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Multiplies each group's rate by {@code gamma} every {@code stepSize} epochs
 * ({@code torch.optim.lr_scheduler.StepLR}): lr_e = base · gamma^⌊e / step_size⌋, computed step by step as
 * PyTorch's.
 */
public final class StepLR extends LRScheduler {
    private int stepSize;
    private double gamma;

    /**
     * {@code StepLR(optimizer, step_size, gamma=0.1)}.
     *
     * @param optimizer the optimizer
     * @param stepSize the epochs between decays
     */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    /**
     * {@code StepLR(optimizer, step_size, gamma)}.
     *
     * @param optimizer the optimizer
     * @param stepSize the epochs between decays
     * @param gamma the decay factor
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected List<Double> getLr() {
        if (lastEpoch == 0 || lastEpoch % stepSize != 0) return groupLrs();
        List<Double> out = new ArrayList<>();
        for (double lr : groupLrs()) out.add(lr * gamma);
        return out;
    }

    @Override
    protected void putSettings(Map<String, Object> m) {
        m.put("step_size", stepSize);
        m.put("gamma", gamma);
    }

    @Override
    protected void loadSettings(Map<String, Object> m) {
        if (m.containsKey("step_size")) stepSize = ((Number) m.get("step_size")).intValue();
        if (m.containsKey("gamma")) gamma = ((Number) m.get("gamma")).doubleValue();
    }
}
