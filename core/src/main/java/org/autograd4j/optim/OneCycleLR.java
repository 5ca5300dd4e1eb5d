package org.autograd4j.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 1cycle policy ({@code torch.optim.lr_scheduler.OneCycleLR}): the rate climbs from
 * {@code maxLr/divFactor} to {@code maxLr} over the first {@code pctStart} of {@code totalSteps}, then anneals to
 * {@code initial_lr/finalDivFactor} (three-phase: back to the initial rate first); momentum (or Adam's β₁)
 * cycles the other way between {@code maxMomentum} and {@code baseMomentum}. Call {@link #step()} once per
 * batch.
 *
 * <p>Options are set builder-style before the first {@link #step()} ({@code new OneCycleLR(opt, 0.2, 50)
 * .pctStart(0.25).annealStrategy("linear")} is {@code OneCycleLR(opt, 0.2, total_steps=50, pct_start=0.25,
 * anneal_strategy='linear')}); each setter redoes the set-up PyTorch's constructor does.
 */
public final class OneCycleLR extends LRScheduler {
    private final double maxLr;
    private final int totalSteps;
    private double pctStart = 0.3;
    private boolean cosine = true;
    private boolean cycleMomentum = true;
    private double baseMomentum = 0.85, maxMomentum = 0.95, divFactor = 25., finalDivFactor = 1e4;
    private boolean threePhase;
    private boolean useBeta1;
    private double[][] phases; // per phase: end_step; the start/end keys are fixed per layout
    private String[][] phaseKeys;
    // the groups' options before the set-up, so that a builder setter redoes it from scratch
    private final List<Map<String, Object>> before = new ArrayList<>();

    /**
     * {@code OneCycleLR(optimizer, max_lr, total_steps)} with PyTorch's defaults (pct_start 0.3, cos annealing,
     * momentum cycled between 0.85 and 0.95, div_factor 25, final_div_factor 1e4, two phases).
     *
     * @param optimizer the optimizer
     * @param maxLr the peak rate of every group
     * @param totalSteps the number of steps in the cycle
     * @throws IllegalArgumentException for a non-positive total, or when momentum is cycled and the optimizer
     *     has neither {@code momentum} nor {@code betas}
     */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps) {
        super(optimizer);
        if (totalSteps <= 0) throw new IllegalArgumentException("Expected positive integer total_steps, but got " + totalSteps);
        this.maxLr = maxLr;
        this.totalSteps = totalSteps;
        for (ParamGroup g : optimizer.paramGroups()) before.add(new java.util.LinkedHashMap<>(g.options()));
        setUp();
    }

    /**
     * Sets {@code pct_start} (default 0.3), the share of the cycle spent climbing.
     *
     * @param pctStart the share, in [0, 1]
     * @return this scheduler
     */
    public OneCycleLR pctStart(double pctStart) {
        if (pctStart < 0 || pctStart > 1) {
            throw new IllegalArgumentException("Expected float between 0 and 1 pct_start, but got " + org.autograd4j.Torch.str(pctStart));
        }
        this.pctStart = pctStart;
        return redo();
    }

    /**
     * Sets {@code anneal_strategy} (default "cos").
     *
     * @param strategy "cos" or "linear"
     * @return this scheduler
     */
    public OneCycleLR annealStrategy(String strategy) {
        if (!strategy.equals("cos") && !strategy.equals("linear")) {
            throw new IllegalArgumentException("anneal_strategy must by one of 'cos' or 'linear', instead got " + strategy);
        }
        this.cosine = strategy.equals("cos");
        return redo();
    }

    /**
     * Sets {@code cycle_momentum} (default true).
     *
     * @param cycle whether to cycle momentum (or β₁) inversely to the rate
     * @return this scheduler
     */
    public OneCycleLR cycleMomentum(boolean cycle) {
        this.cycleMomentum = cycle;
        return redo();
    }

    /**
     * Sets {@code base_momentum} and {@code max_momentum} (defaults 0.85 and 0.95).
     *
     * @param base the momentum at the rate's peak
     * @param max the momentum at the rate's ends
     * @return this scheduler
     */
    public OneCycleLR momentumRange(double base, double max) {
        this.baseMomentum = base;
        this.maxMomentum = max;
        return redo();
    }

    /**
     * Sets {@code div_factor} (default 25): initial_lr = max_lr / div_factor.
     *
     * @param divFactor the factor
     * @return this scheduler
     */
    public OneCycleLR divFactor(double divFactor) {
        this.divFactor = divFactor;
        return redo();
    }

    /**
     * Sets {@code final_div_factor} (default 1e4): min_lr = initial_lr / final_div_factor.
     *
     * @param finalDivFactor the factor
     * @return this scheduler
     */
    public OneCycleLR finalDivFactor(double finalDivFactor) {
        this.finalDivFactor = finalDivFactor;
        return redo();
    }

    /**
     * Sets {@code three_phase} (default false): climb, come back down to the initial rate, then anneal.
     *
     * @param threePhase whether to use three phases
     * @return this scheduler
     */
    public OneCycleLR threePhase(boolean threePhase) {
        this.threePhase = threePhase;
        return redo();
    }

    private OneCycleLR redo() {
        if (stepCount > 1) throw new IllegalStateException("OneCycleLR options are set before the first step()");
        setUp();
        return this;
    }

    /** What PyTorch's constructor does with last_epoch=-1: the phases, the group values, the first step. */
    private void setUp() {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < before.size(); i++) groups.get(i).restore(before.get(i));
        if (threePhase) {
            phases = new double[][] {{pctStart * totalSteps - 1}, {2 * pctStart * totalSteps - 2}, {totalSteps - 1}};
            phaseKeys = new String[][] {
                {"initial_lr", "max_lr", "max_momentum", "base_momentum"},
                {"max_lr", "initial_lr", "base_momentum", "max_momentum"},
                {"initial_lr", "min_lr", "max_momentum", "max_momentum"}};
        } else {
            phases = new double[][] {{pctStart * totalSteps - 1}, {totalSteps - 1}};
            phaseKeys = new String[][] {
                {"initial_lr", "max_lr", "max_momentum", "base_momentum"},
                {"max_lr", "min_lr", "base_momentum", "max_momentum"}};
        }
        for (ParamGroup g : optimizer.paramGroups()) {
            g.set("initial_lr", maxLr / divFactor);
            g.set("max_lr", maxLr);
            g.set("min_lr", g.getDouble("initial_lr") / finalDivFactor);
        }
        if (cycleMomentum) {
            Map<String, Object> d = optimizer.defaults();
            if (!d.containsKey("momentum") && !d.containsKey("betas")) {
                throw new IllegalArgumentException("optimizer must support momentum with `cycle_momentum` option enabled");
            }
            useBeta1 = d.containsKey("betas");
            for (ParamGroup g : optimizer.paramGroups()) {
                setMomentum(g, maxMomentum);
                g.set("max_momentum", maxMomentum);
                g.set("base_momentum", baseMomentum);
            }
        }
        recordBaseLrs();
        initialStep();
    }

    private void setMomentum(ParamGroup g, double m) {
        if (useBeta1) {
            List<?> betas = (List<?>) g.get("betas");
            g.set("betas", List.of(m, ((Number) betas.get(1)).doubleValue()));
        } else {
            g.set("momentum", m);
        }
    }

    private double anneal(double start, double end, double pct) {
        if (cosine) {
            double cosOut = Math.cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
        return (end - start) * pct + start;
    }

    @Override
    protected List<Double> getLr() {
        int stepNum = lastEpoch;
        if (stepNum > totalSteps) {
            throw new IllegalArgumentException(
                    "Tried to step " + (stepNum + 1) + " times. The specified number of total steps is " + totalSteps);
        }
        List<Double> lrs = new ArrayList<>();
        for (ParamGroup g : optimizer.paramGroups()) {
            double startStep = 0, lr = 0, momentum = 0;
            for (int i = 0; i < phases.length; i++) {
                double endStep = phases[i][0];
                if (stepNum <= endStep || i == phases.length - 1) {
                    double pct = (stepNum - startStep) / (endStep - startStep);
                    lr = anneal(g.getDouble(phaseKeys[i][0]), g.getDouble(phaseKeys[i][1]), pct);
                    if (cycleMomentum) momentum = anneal(g.getDouble(phaseKeys[i][2]), g.getDouble(phaseKeys[i][3]), pct);
                    break;
                }
                startStep = phases[i][0];
            }
            lrs.add(lr);
            if (cycleMomentum) setMomentum(g, momentum);
        }
        return lrs;
    }

    @Override
    protected void putSettings(Map<String, Object> m) {
        m.put("total_steps", totalSteps);
        m.put("cycle_momentum", cycleMomentum);
        m.put("use_beta1", useBeta1);
    }
}
