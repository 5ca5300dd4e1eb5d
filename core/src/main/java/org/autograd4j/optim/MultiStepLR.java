package org.autograd4j.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Multiplies each group's rate by {@code gamma} at every milestone epoch
 * ({@code torch.optim.lr_scheduler.MultiStepLR}); a milestone listed k times multiplies by gamma^k, as
 * PyTorch's {@code Counter(milestones)}.
 */
public final class MultiStepLR extends LRScheduler {
    private final TreeMap<Integer, Integer> milestones = new TreeMap<>();
    private double gamma;

    /**
     * {@code MultiStepLR(optimizer, milestones, gamma=0.1)}.
     *
     * @param optimizer the optimizer
     * @param milestones the epochs at which to decay
     */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones) {
        this(optimizer, milestones, 0.1);
    }

    /**
     * {@code MultiStepLR(optimizer, milestones, gamma)}.
     *
     * @param optimizer the optimizer
     * @param milestones the epochs at which to decay (repeats count)
     * @param gamma the decay factor
     */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma) {
        super(optimizer);
        for (int m : milestones) this.milestones.merge(m, 1, Integer::sum);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected List<Double> getLr() {
        Integer k = milestones.get(lastEpoch);
        if (k == null) return groupLrs();
        List<Double> out = new ArrayList<>();
        for (double lr : groupLrs()) out.add(lr * Math.pow(gamma, k));
        return out;
    }

    @Override
    protected void putSettings(Map<String, Object> m) {
        m.put("milestones", new TreeMap<>(milestones));
        m.put("gamma", gamma);
    }

    @Override
    protected void loadSettings(Map<String, Object> m) {
        if (m.get("milestones") instanceof Map<?, ?> ms) {
            milestones.clear();
            for (var e : ms.entrySet()) milestones.put(((Number) e.getKey()).intValue(), ((Number) e.getValue()).intValue());
        }
        if (m.containsKey("gamma")) gamma = ((Number) m.get("gamma")).doubleValue();
    }
}
