package org.autograd4j.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cosine annealing ({@code torch.optim.lr_scheduler.CosineAnnealingLR}) with 1.13's recursive formula:
 * <pre>
 *   lr_e = (1 + cos(π·e/T)) / (1 + cos(π·(e−1)/T)) · (lr_{e−1} − η_min) + η_min
 * </pre>
 * and, at e − 1 − T ≡ 0 (mod 2T), lr_e = lr_{e−1} + (base − η_min)·(1 − cos(π/T))/2; past T_max the rate
 * climbs back, as PyTorch's does.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private int tMax;
    private double etaMin;

    /**
     * {@code CosineAnnealingLR(optimizer, T_max, eta_min=0)}.
     *
     * @param optimizer the optimizer
     * @param tMax the half period in epochs
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0);
    }

    /**
     * {@code CosineAnnealingLR(optimizer, T_max, eta_min)}.
     *
     * @param optimizer the optimizer
     * @param tMax the half period in epochs
     * @param etaMin the lowest rate
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    @Override
    protected List<Double> getLr() {
        List<Double> lrs = groupLrs();
        if (lastEpoch == 0) return lrs;
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < lrs.size(); i++) {
            double lr = lrs.get(i), base = baseLrs.get(i);
            if (stepCount == 1 && lastEpoch > 0) {
                out.add(etaMin + (base - etaMin) * (1 + Math.cos(lastEpoch * Math.PI / tMax)) / 2);
            } else if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
                out.add(lr + (base - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2);
            } else {
                out.add((1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                        * (lr - etaMin) + etaMin);
            }
        }
        return out;
    }

    @Override
    protected void putSettings(Map<String, Object> m) {
        m.put("T_max", tMax);
        m.put("eta_min", etaMin);
    }

    @Override
    protected void loadSettings(Map<String, Object> m) {
        if (m.containsKey("T_max")) tMax = ((Number) m.get("T_max")).intValue();
        if (m.containsKey("eta_min")) etaMin = ((Number) m.get("eta_min")).doubleValue();
    }
}
