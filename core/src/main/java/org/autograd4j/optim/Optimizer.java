package org.autograd4j.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * The base of every optimizer ({@code torch.optim.Optimizer}): parameter groups with their own options, per
 * parameter state, {@link #zeroGrad()}, {@link #step()}, and state dicts in PyTorch's layout.
 *
 * <p>Options are set builder-style on the subclass ({@code new SGD(params, 0.1).momentum(0.9)}); each setter
 * changes the defaults and every group that did not set that option itself in
 * {@link #addParamGroup(List, Map)}, so {@code new SGD(params, 0.1).momentum(0.9)} equals PyTorch's
 * {@code SGD(params, lr=0.1, momentum=0.9)}. Option names are PyTorch's ({@code "lr"}, {@code "momentum"},
 * {@code "betas"}, ...).
 *
 * <p>A subclass implements {@link #update(ParamGroup)}; {@link #step()} runs it for every group under
 * {@code Torch.noGrad()}, as PyTorch's optimizers run under {@code torch.no_grad()}.
 */
public abstract class Optimizer {
    private final Map<String, Object> defaults = new LinkedHashMap<>();
    private final List<ParamGroup> groups = new ArrayList<>();
    // keyed by identity: two equal-valued parameters are still two parameters, as PyTorch keys by id(p)
    private final Map<Tensor, Map<String, Object>> state = new IdentityHashMap<>();

    /**
     * An optimizer over one group of parameters with the given defaults
     * ({@code Optimizer(params, defaults)}).
     *
     * @param params the parameters (leaf tensors)
     * @param defaults the option defaults, in PyTorch's order
     * @throws IllegalArgumentException when {@code params} is empty, as PyTorch's
     *     {@code optimizer got an empty parameter list}
     */
    protected Optimizer(List<Tensor> params, Map<String, Object> defaults) {
        this.defaults.putAll(defaults);
        if (params.isEmpty()) throw new IllegalArgumentException("optimizer got an empty parameter list");
        addParamGroup(params, Map.of());
    }

    /**
     * Adds a parameter group with its own options ({@code optimizer.add_param_group({'params': params, **options})});
     * options it leaves out take the optimizer's defaults.
     *
     * @param params the group's parameters (leaf tensors, in no other group)
     * @param options the group's own options by PyTorch's names (Double, Boolean, or a list of two doubles for
     *     {@code "betas"})
     * @throws IllegalArgumentException for a non-leaf parameter, a parameter already in a group or an unknown
     *     option name
     */
    public final void addParamGroup(List<Tensor> params, Map<String, ?> options) {
        for (Tensor p : params) {
            if (!p.isLeaf()) throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
            for (ParamGroup g : groups) {
                for (Tensor q : g.params()) {
                    if (q == p) throw new IllegalArgumentException("some parameters appear in more than one parameter group");
                }
            }
        }
        Map<String, Object> own = new LinkedHashMap<>();
        for (var e : options.entrySet()) {
            if (!defaults.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown option '" + e.getKey() + "' for " + getClass().getSimpleName());
            }
            Object v = e.getValue();
            own.put(e.getKey(), v instanceof Number n ? (Object) n.doubleValue() : v);
        }
        ParamGroup g = new ParamGroup(params, own, defaults);
        validate(g);
        groups.add(g);
    }

    /**
     * Checks a group's options before it is added, as PyTorch's constructors check theirs; the default
     * accepts everything.
     *
     * @param group the group about to be added
     */
    protected void validate(ParamGroup group) {}

    /**
     * The parameter groups ({@code optimizer.param_groups}).
     *
     * @return an unmodifiable list, in the order they were added
     */
    public final List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /**
     * The option defaults ({@code optimizer.defaults}).
     *
     * @return an unmodifiable view
     */
    public final Map<String, Object> defaults() {
        return Collections.unmodifiableMap(defaults);
    }

    /**
     * The state of one parameter ({@code optimizer.state[p]}), created empty on first use.
     *
     * @param param a parameter of this optimizer
     * @return its mutable state map
     */
    public final Map<String, Object> state(Tensor param) {
        return state.computeIfAbsent(param, k -> new LinkedHashMap<>());
    }

    /**
     * A builder setter's work: sets a default and the option of every group that did not set it itself.
     *
     * @param name PyTorch's option name
     * @param value the value
     */
    protected final void setOption(String name, Object value) {
        Object v = value instanceof Number n ? (Object) n.doubleValue() : value;
        defaults.put(name, v);
        for (ParamGroup g : groups) {
            g.setDefault(name, v);
            validate(g);
        }
    }

    /**
     * One optimization step over every group ({@code optimizer.step()}), under {@code Torch.noGrad()}.
     * Parameters whose {@code grad} is null are skipped.
     */
    public void step() {
        try (var _ = Torch.noGrad()) {
            for (ParamGroup g : groups) update(g);
        }
    }

    /**
     * One step after re-evaluating the model ({@code optimizer.step(closure)}): runs {@code closure} with
     * gradients enabled (it typically zeroes the gradients, computes the loss and calls backward), then
     * {@link #step()}.
     *
     * @param closure computes and returns the loss
     * @return the closure's loss
     */
    public Tensor step(Supplier<Tensor> closure) {
        Tensor loss;
        try (var _ = Torch.enableGrad()) {
            loss = closure.get();
        }
        step();
        return loss;
    }

    /**
     * Updates the parameters of one group in place, gradient mode off.
     *
     * @param group the group
     */
    protected abstract void update(ParamGroup group);

    /**
     * Zeroes every parameter's gradient in place ({@code optimizer.zero_grad()}, whose 1.13 default is
     * {@code set_to_none=False}).
     */
    public void zeroGrad() {
        zeroGrad(false);
    }

    /**
     * Clears every parameter's gradient ({@code optimizer.zero_grad(set_to_none)}): sets it to null, or zeroes
     * it in place after detaching it from any graph it has.
     *
     * @param setToNone whether to set the gradients to null instead of zeroing them
     */
    public void zeroGrad(boolean setToNone) {
        for (ParamGroup g : groups) {
            for (Tensor p : g.params()) {
                Tensor grad = p.grad();
                if (grad == null) continue;
                if (setToNone) {
                    p.setGrad(null);
                    continue;
                }
                if (grad.gradFn() != null) {
                    // PyTorch detaches the gradient in place; a fresh detached alias in its slot is the same
                    grad = grad.detach();
                    p.setGrad(grad);
                } else if (grad.requiresGrad()) {
                    grad.requiresGrad_(false);
                }
                grad.zero_();
            }
        }
    }

    /**
     * The optimizer's state in PyTorch's layout ({@code optimizer.state_dict()}): {@code "state"} maps a
     * parameter's index (counted over the groups in order) to its state map, for the parameters that have
     * state; {@code "param_groups"} is a list of each group's options followed by {@code "params"}, the list of
     * its parameters' indices. As PyTorch's, the state tensors are the live ones, not copies.
     *
     * @return a new map {@code {"state": Map<Integer, Map<String, Object>>, "param_groups":
     *     List<Map<String, Object>>}}
     */
    public Map<String, Object> stateDict() {
        Map<Tensor, Integer> index = new IdentityHashMap<>();
        List<Map<String, Object>> packedGroups = new ArrayList<>();
        int next = 0;
        for (ParamGroup g : groups) {
            Map<String, Object> packed = new LinkedHashMap<>(g.options());
            List<Integer> ids = new ArrayList<>();
            for (Tensor p : g.params()) {
                if (!index.containsKey(p)) index.put(p, next++);
                ids.add(index.get(p));
            }
            packed.put("params", ids);
            packedGroups.add(packed);
        }
        Map<Integer, Map<String, Object>> packedState = new LinkedHashMap<>();
        for (var e : state.entrySet()) {
            packedState.put(index.get(e.getKey()), new LinkedHashMap<>(e.getValue()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", sortedByIndex(packedState));
        out.put("param_groups", packedGroups);
        return out;
    }

    private static Map<Integer, Map<String, Object>> sortedByIndex(Map<Integer, Map<String, Object>> m) {
        Map<Integer, Map<String, Object>> out = new LinkedHashMap<>();
        m.keySet().stream().sorted().forEach(k -> out.put(k, m.get(k)));
        return out;
    }

    /**
     * Loads a state dict made by {@link #stateDict()} ({@code optimizer.load_state_dict(sd)}): the groups take
     * the saved options, each parameter a copy of its saved state, floating tensors other than {@code "step"}
     * converted to the parameter's dtype. Nothing changes when it throws.
     *
     * @param stateDict a map in {@link #stateDict()}'s layout
     * @throws IllegalArgumentException when the group count or a group's size differs, with PyTorch's messages
     */
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> stateDict) {
        List<Map<String, Object>> saved = (List<Map<String, Object>>) stateDict.get("param_groups");
        Map<Integer, Map<String, Object>> savedState = (Map<Integer, Map<String, Object>>) stateDict.get("state");
        if (saved == null || savedState == null) throw new IllegalArgumentException("state dict needs 'state' and 'param_groups'");
        if (saved.size() != groups.size()) {
            throw new IllegalArgumentException("loaded state dict has a different number of parameter groups");
        }
        for (int i = 0; i < groups.size(); i++) {
            if (((List<?>) saved.get(i).get("params")).size() != groups.get(i).params().size()) {
                throw new IllegalArgumentException(
                        "loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
            }
        }
        Map<Integer, Tensor> byId = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            List<?> ids = (List<?>) saved.get(i).get("params");
            for (int j = 0; j < ids.size(); j++) byId.put(((Number) ids.get(j)).intValue(), groups.get(i).params().get(j));
        }
        Map<Tensor, Map<String, Object>> newState = new IdentityHashMap<>();
        for (var e : savedState.entrySet()) {
            Tensor p = byId.get(e.getKey());
            if (p == null) continue;
            Map<String, Object> s = new LinkedHashMap<>();
            for (var kv : e.getValue().entrySet()) s.put(kv.getKey(), copyFor(p, kv.getKey(), kv.getValue()));
            newState.put(p, s);
        }
        for (int i = 0; i < groups.size(); i++) {
            for (var kv : saved.get(i).entrySet()) {
                if (!kv.getKey().equals("params")) groups.get(i).set(kv.getKey(), kv.getValue());
            }
        }
        state.clear();
        state.putAll(newState);
    }

    private static Object copyFor(Tensor param, String key, Object value) {
        if (value instanceof Tensor t) {
            Tensor c = t.detach().clone();
            return !key.equals("step") && param.dtype().isFloatingPoint() ? c.to(param.dtype()) : c;
        }
        if (value instanceof List<?> l) return List.copyOf(l);
        return value;
    }
}
