package org.autograd4j.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the rates when a metric stops improving ({@code torch.optim.lr_scheduler.ReduceLROnPlateau}): after
 * more than {@code patience} epochs without improvement each group's rate becomes
 * {@code max(lr·factor, min_lr)} (when that changes it by more than {@code eps}), then {@code cooldown} epochs
 * pass before bad epochs count again. "Improvement" is {@code a < best·(1 − threshold)} in mode "min" with
 * threshold mode "rel" ({@code a < best − threshold} for "abs"; mirrored for "max").
 *
 * <p>Options are set builder-style ({@code new ReduceLROnPlateau(opt).mode("max").patience(3)} is
 * {@code ReduceLROnPlateau(opt, mode='max', patience=3)}).
 */
public final class ReduceLROnPlateau {
    private final Optimizer optimizer;
    private String mode = "min";
    private double factor = 0.1;
    private int patience = 10;
    private double threshold = 1e-4;
    private String thresholdMode = "rel";
    private int cooldown;
    private List<Double> minLrs;
    private double eps = 1e-8;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;
    private int lastEpoch;
    private List<Double> lastLr = List.of();

    /**
     * {@code ReduceLROnPlateau(optimizer)} with PyTorch's defaults: mode "min", factor 0.1, patience 10,
     * threshold 1e-4 "rel", no cooldown, min_lr 0, eps 1e-8.
     *
     * @param optimizer the optimizer
     */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this.optimizer = optimizer;
        this.minLrs = new ArrayList<>(Collections.nCopies(optimizer.paramGroups().size(), 0.0));
        reset();
    }

    /**
     * Sets {@code mode} (default "min"): whether lower or higher metrics are better.
     *
     * @param mode "min" or "max"
     * @return this scheduler
     */
    public ReduceLROnPlateau mode(String mode) {
        if (!mode.equals("min") && !mode.equals("max")) throw new IllegalArgumentException("mode " + mode + " is unknown!");
        this.mode = mode;
        reset();
        return this;
    }

    /**
     * Sets {@code factor} (default 0.1), the rate's multiplier on a cut.
     *
     * @param factor the factor, &lt; 1
     * @return this scheduler
     */
    public ReduceLROnPlateau factor(double factor) {
        if (factor >= 1.0) throw new IllegalArgumentException("Factor should be < 1.0.");
        this.factor = factor;
        return this;
    }

    /**
     * Sets {@code patience} (default 10), the bad epochs tolerated before a cut.
     *
     * @param patience the count
     * @return this scheduler
     */
    public ReduceLROnPlateau patience(int patience) {
        this.patience = patience;
        return this;
    }

    /**
     * Sets {@code threshold} (default 1e-4) and {@code threshold_mode} (default "rel").
     *
     * @param threshold the least change that counts as improvement
     * @param thresholdMode "rel" or "abs"
     * @return this scheduler
     */
    public ReduceLROnPlateau threshold(double threshold, String thresholdMode) {
        if (!thresholdMode.equals("rel") && !thresholdMode.equals("abs")) {
            throw new IllegalArgumentException("threshold mode " + thresholdMode + " is unknown!");
        }
        this.threshold = threshold;
        this.thresholdMode = thresholdMode;
        return this;
    }

    /**
     * Sets {@code cooldown} (default 0), the epochs after a cut during which bad epochs do not count.
     *
     * @param cooldown the count
     * @return this scheduler
     */
    public ReduceLROnPlateau cooldown(int cooldown) {
        this.cooldown = cooldown;
        return this;
    }

    /**
     * Sets {@code min_lr} (default 0) for every group.
     *
     * @param minLr the lowest rate
     * @return this scheduler
     */
    public ReduceLROnPlateau minLr(double minLr) {
        this.minLrs = new ArrayList<>(Collections.nCopies(optimizer.paramGroups().size(), minLr));
        return this;
    }

    /**
     * Sets {@code min_lr} per group.
     *
     * @param minLrs one lowest rate per group
     * @return this scheduler
     * @throws IllegalArgumentException when the count differs from the group count
     */
    public ReduceLROnPlateau minLr(List<Double> minLrs) {
        int n = optimizer.paramGroups().size();
        if (minLrs.size() != n) throw new IllegalArgumentException("expected " + n + " min_lrs, got " + minLrs.size());
        this.minLrs = new ArrayList<>(minLrs);
        return this;
    }

    /**
     * Sets {@code eps} (default 1e-8): cuts smaller than this are skipped.
     *
     * @param eps the least change
     * @return this scheduler
     */
    public ReduceLROnPlateau eps(double eps) {
        this.eps = eps;
        return this;
    }

    private void reset() {
        best = mode.equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        cooldownCounter = 0;
        numBadEpochs = 0;
    }

    private boolean isBetter(double a, double best) {
        if (mode.equals("min") && thresholdMode.equals("rel")) return a < best * (1. - threshold);
        if (mode.equals("min")) return a < best - threshold;
        if (thresholdMode.equals("rel")) return a > best * (threshold + 1.);
        return a > best + threshold;
    }

    /**
     * Records one epoch's metric and cuts the rates if it is time ({@code scheduler.step(metrics)}).
     *
     * @param metric the epoch's value of the watched quantity
     */
    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric, best)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            List<ParamGroup> groups = optimizer.paramGroups();
            for (int i = 0; i < groups.size(); i++) {
                double oldLr = groups.get(i).lr();
                double newLr = Math.max(oldLr * factor, minLrs.get(i));
                if (oldLr - newLr > eps) groups.get(i).setLr(newLr);
            }
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        List<Double> last = new ArrayList<>();
        for (ParamGroup g : optimizer.paramGroups()) last.add(g.lr());
        lastLr = List.copyOf(last);
    }

    /**
     * The rates after the last {@link #step(double)} ({@code scheduler._last_lr}).
     *
     * @return one rate per group
     */
    public List<Double> getLastLr() {
        return lastLr;
    }

    /**
     * The scheduler's state by PyTorch's field names ({@code scheduler.state_dict()}).
     *
     * @return a new map
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("factor", factor);
        m.put("min_lrs", List.copyOf(minLrs));
        m.put("patience", patience);
        m.put("cooldown", cooldown);
        m.put("cooldown_counter", cooldownCounter);
        m.put("mode", mode);
        m.put("threshold", threshold);
        m.put("threshold_mode", thresholdMode);
        m.put("best", best);
        m.put("num_bad_epochs", numBadEpochs);
        m.put("eps", eps);
        m.put("last_epoch", lastEpoch);
        m.put("_last_lr", lastLr);
        return m;
    }

    /**
     * Restores a state made by {@link #stateDict()} ({@code scheduler.load_state_dict(sd)}).
     *
     * @param m a map in {@link #stateDict()}'s layout
     */
    public void loadStateDict(Map<String, Object> m) {
        factor = ((Number) m.get("factor")).doubleValue();
        minLrs = new ArrayList<>(LRScheduler.doubles((List<?>) m.get("min_lrs")));
        patience = ((Number) m.get("patience")).intValue();
        cooldown = ((Number) m.get("cooldown")).intValue();
        cooldownCounter = ((Number) m.get("cooldown_counter")).intValue();
        mode = (String) m.get("mode");
        threshold = ((Number) m.get("threshold")).doubleValue();
        thresholdMode = (String) m.get("threshold_mode");
        best = ((Number) m.get("best")).doubleValue();
        numBadEpochs = ((Number) m.get("num_bad_epochs")).intValue();
        eps = ((Number) m.get("eps")).doubleValue();
        lastEpoch = ((Number) m.get("last_epoch")).intValue();
        lastLr = LRScheduler.doubles((List<?>) m.get("_last_lr"));
    }
}
