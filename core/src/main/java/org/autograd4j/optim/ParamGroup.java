package org.autograd4j.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autograd4j.Tensor;

/**
 * One parameter group ({@code optimizer.param_groups[i]}): its parameters and its options ({@code "lr"},
 * {@code "momentum"}, {@code "betas"}, ...), keyed by PyTorch's option names. Schedulers read and write
 * {@code "lr"} here, as PyTorch's write {@code group['lr']}.
 *
 * <p>Option values are {@link Double}, {@link Boolean} or, for {@code "betas"}, a {@code List<Double>} of two.
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final Map<String, Object> options = new LinkedHashMap<>();
    // the options the group was given itself; a builder setter on the optimizer leaves these alone
    private final Set<String> own = new LinkedHashSet<>();

    ParamGroup(List<Tensor> params, Map<String, ?> own, Map<String, Object> defaults) {
        this.params = List.copyOf(params);
        this.options.putAll(defaults);
        this.options.putAll(own);
        this.own.addAll(own.keySet());
    }

    /**
     * The group's parameters ({@code group['params']}).
     *
     * @return an unmodifiable list
     */
    public List<Tensor> params() {
        return params;
    }

    /**
     * The group's learning rate ({@code group['lr']}).
     *
     * @return the learning rate
     */
    public double lr() {
        return getDouble("lr");
    }

    /**
     * Sets the group's learning rate ({@code group['lr'] = lr}).
     *
     * @param lr the new learning rate
     */
    public void setLr(double lr) {
        set("lr", lr);
    }

    /**
     * An option ({@code group[name]}).
     *
     * @param name PyTorch's option name
     * @return the value, or null when the group has no such option
     */
    public Object get(String name) {
        return options.get(name);
    }

    /**
     * A numeric option as a double ({@code float(group[name])}).
     *
     * @param name PyTorch's option name
     * @return the value
     * @throws IllegalArgumentException when the group has no such numeric option
     */
    public double getDouble(String name) {
        Object v = options.get(name);
        if (!(v instanceof Number n)) throw new IllegalArgumentException("param group has no numeric option '" + name + "'");
        return n.doubleValue();
    }

    /**
     * A boolean option ({@code bool(group[name])}).
     *
     * @param name PyTorch's option name
     * @return the value
     * @throws IllegalArgumentException when the group has no such boolean option
     */
    public boolean getBoolean(String name) {
        Object v = options.get(name);
        if (!(v instanceof Boolean b)) throw new IllegalArgumentException("param group has no boolean option '" + name + "'");
        return b;
    }

    /**
     * Sets an option ({@code group[name] = value}), as a scheduler or a user's code does between steps.
     *
     * @param name PyTorch's option name
     * @param value a {@link Double}, {@link Boolean} or, for {@code "betas"}, a list of two doubles
     */
    public void set(String name, Object value) {
        options.put(name, value instanceof Number n && !(value instanceof Double) ? n.doubleValue() : value);
    }

    /**
     * Whether the group has an option ({@code name in group}).
     *
     * @param name PyTorch's option name
     * @return whether it is set
     */
    public boolean has(String name) {
        return options.containsKey(name);
    }

    /**
     * All options, in insertion order, without {@code "params"}.
     *
     * @return an unmodifiable view
     */
    public Map<String, Object> options() {
        return Collections.unmodifiableMap(options);
    }

    /** Puts back options saved from {@link #options()} (a scheduler redoing its set-up). */
    void restore(Map<String, Object> saved) {
        options.clear();
        options.putAll(saved);
    }

    /** A builder setter on the optimizer: the new default, unless the group set the option itself. */
    void setDefault(String name, Object value) {
        if (!own.contains(name)) options.put(name, value);
    }
}
