package org.autograd4j.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Multiplies each group's rate by {@code gamma} every epoch ({@code torch.optim.lr_scheduler.ExponentialLR}):
 * lr_e = base · gammaᵉ, computed step by step as PyTorch's.
 */
public final class ExponentialLR extends LRScheduler {
    private double gamma;

    /**
     * {@code ExponentialLR(optimizer, gamma)}.
     *
     * @param optimizer the optimizer
     * @param gamma the decay factor
     */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected List<Double> getLr() {
        if (lastEpoch == 0) return groupLrs();
        List<Double> out = new ArrayList<>();
        for (double lr : groupLrs()) out.add(lr * gamma);
        return out;
    }

    @Override
    protected void putSettings(Map<String, Object> m) {
        m.put("gamma", gamma);
    }

    @Override
    protected void loadSettings(Map<String, Object> m) {
        if (m.containsKey("gamma")) gamma = ((Number) m.get("gamma")).doubleValue();
    }
}
