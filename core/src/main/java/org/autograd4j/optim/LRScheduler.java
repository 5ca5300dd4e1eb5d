package org.autograd4j.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of the epoch-driven learning-rate schedulers ({@code torch.optim.lr_scheduler._LRScheduler}).
 * Building one records each group's {@code "initial_lr"} (unless the group has it) as the base learning rate
 * and takes the first step, which sets epoch 0's rates; each {@link #step()} then moves one epoch on and writes
 * the new rates into the groups' {@code "lr"}, computed by {@link #getLr()} from the current ones (PyTorch's
 * chainable form, so float rounding matches PyTorch's step by step).
 *
 * <p>Only a fresh start is supported ({@code last_epoch=-1}); resuming goes through
 * {@link #loadStateDict(Map)}.
 */
public abstract class LRScheduler {
    /** The optimizer whose groups' rates this scheduler sets. */
    protected final Optimizer optimizer;
    /** Each group's {@code "initial_lr"} ({@code scheduler.base_lrs}). */
    protected List<Double> baseLrs;
    /** The epoch count ({@code scheduler.last_epoch}): 0 after building, +1 per {@link #step()}. */
    protected int lastEpoch = -1;
    /** The number of steps taken, the one at building included ({@code scheduler._step_count}). */
    protected int stepCount;
    private List<Double> lastLr = List.of();

    /**
     * Records the base rates; a subclass calls {@link #initialStep()} once its own fields are set.
     *
     * @param optimizer the optimizer to schedule
     */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        recordBaseLrs();
    }

    /** Sets each group's {@code "initial_lr"} if absent and reads the base rates from them. */
    final void recordBaseLrs() {
        List<Double> base = new ArrayList<>();
        for (ParamGroup g : optimizer.paramGroups()) {
            if (!g.has("initial_lr")) g.set("initial_lr", g.lr());
            base.add(g.getDouble("initial_lr"));
        }
        baseLrs = base;
    }

    /** The step taken when building ({@code _initial_step}): epoch 0's rates. */
    protected final void initialStep() {
        lastEpoch = -1;
        stepCount = 0;
        step();
    }

    /**
     * Moves one epoch on and sets every group's learning rate ({@code scheduler.step()}).
     */
    public void step() {
        stepCount++;
        lastEpoch++;
        List<Double> values = getLr();
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) groups.get(i).setLr(values.get(i));
        List<Double> last = new ArrayList<>();
        for (ParamGroup g : groups) last.add(g.lr());
        lastLr = List.copyOf(last);
    }

    /**
     * The rates for epoch {@link #lastEpoch}, from the groups' current ones ({@code scheduler.get_lr()} as
     * {@code step()} calls it).
     *
     * @return one rate per group
     */
    protected abstract List<Double> getLr();

    /**
     * The rates the last {@link #step()} set ({@code scheduler.get_last_lr()}).
     *
     * @return one rate per group
     */
    public List<Double> getLastLr() {
        return lastLr;
    }

    /**
     * The epoch count ({@code scheduler.last_epoch}).
     *
     * @return 0 after building, +1 per step
     */
    public int lastEpoch() {
        return lastEpoch;
    }

    /**
     * The groups' current rates.
     *
     * @return one rate per group
     */
    protected final List<Double> groupLrs() {
        List<Double> out = new ArrayList<>();
        for (ParamGroup g : optimizer.paramGroups()) out.add(g.lr());
        return out;
    }

    /**
     * The scheduler's state ({@code scheduler.state_dict()}): its fields by PyTorch's names,
     * {@code "base_lrs"}, {@code "last_epoch"}, {@code "_step_count"}, {@code "_last_lr"} and the subclass's
     * settings ({@code "step_size"}, {@code "gamma"}, ...).
     *
     * @return a new map
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> m = new LinkedHashMap<>();
        putSettings(m);
        m.put("base_lrs", List.copyOf(baseLrs));
        m.put("last_epoch", lastEpoch);
        m.put("_step_count", stepCount);
        m.put("_last_lr", lastLr);
        return m;
    }

    /**
     * Restores a state made by {@link #stateDict()} ({@code scheduler.load_state_dict(sd)}).
     *
     * @param state a map in {@link #stateDict()}'s layout
     */
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> state) {
        loadSettings(state);
        if (state.containsKey("base_lrs")) baseLrs = doubles((List<?>) state.get("base_lrs"));
        if (state.containsKey("last_epoch")) lastEpoch = ((Number) state.get("last_epoch")).intValue();
        if (state.containsKey("_step_count")) stepCount = ((Number) state.get("_step_count")).intValue();
        if (state.containsKey("_last_lr")) lastLr = doubles((List<?>) state.get("_last_lr"));
    }

    /**
     * Adds the subclass's settings to a state dict; the default adds none.
     *
     * @param m the state dict being built
     */
    protected void putSettings(Map<String, Object> m) {}

    /**
     * Reads the subclass's settings back from a state dict; the default reads none.
     *
     * @param m the state dict being loaded
     */
    protected void loadSettings(Map<String, Object> m) {}

    static List<Double> doubles(List<?> l) {
        List<Double> out = new ArrayList<>();
        for (Object o : l) out.add(((Number) o).doubleValue());
        return List.copyOf(out);
    }
}
