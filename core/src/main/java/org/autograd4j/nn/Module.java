package org.autograd4j.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.autograd4j.DType;
import org.autograd4j.GradModeScope;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * {@code torch.nn.Module}: a function with state (parameters, buffers, submodules) that the registries below
 * hold in registration order. Java has no {@code __setattr__}, so a module registers what PyTorch would
 * discover from attribute assignment, in the order a Python class assigns it:
 *
 * <pre>{@code
 * class Net extends Module {
 *     final Linear fc1 = register("fc1", new Linear(4, 8));   // self.fc1 = nn.Linear(4, 8)
 *     final Linear fc2 = register("fc2", new Linear(8, 2));
 *     public Tensor forward(Tensor x) { return fc2.forward(fc1.forward(x).relu()); }
 * }
 * }</pre>
 *
 * <p>Parameter names, {@link #stateDict()} keys ({@code "fc1.weight"}) and {@link #toString()} follow from
 * those names exactly as in PyTorch.
 */
// "try": the no-grad scopes are opened only to be closed again
@SuppressWarnings("try")
public abstract class Module {
    private final LinkedHashMap<String, Tensor> parameters = new LinkedHashMap<>();
    private final LinkedHashMap<String, Tensor> buffers = new LinkedHashMap<>();
    private final LinkedHashMap<String, Module> modules = new LinkedHashMap<>();
    private boolean training = true;

    /** A module with nothing registered, in training mode. */
    protected Module() {
    }

    // ------------------------------------------------------------------ forward

    /**
     * The module's function on one input ({@code module(x)} in PyTorch).
     *
     * @param input the input
     * @return the output
     * @throws UnsupportedOperationException when the module takes another number of inputs
     */
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException(getName() + ".forward does not take 1 input");
    }

    /**
     * The module's function on several inputs ({@code module(a, b)}); one input goes to {@link #forward(Tensor)}.
     *
     * @param inputs the inputs
     * @return the output
     */
    public Tensor forward(Tensor... inputs) {
        if (inputs.length == 1) return forward(inputs[0]);
        throw new UnsupportedOperationException(getName() + ".forward does not take " + inputs.length + " inputs");
    }

    /**
     * {@code module(*inputs)}: the same as {@link #forward(Tensor...)}.
     *
     * @param inputs the inputs
     * @return the output
     */
    public final Tensor call(Tensor... inputs) {
        return forward(inputs);
    }

    // ------------------------------------------------------------------ registration

    /**
     * {@code register_parameter(name, param)}: adds (or replaces) a parameter; null registers PyTorch's
     * {@code None} (listed by nothing, e.g. {@code Linear(bias=False)}'s bias).
     *
     * @param name  the attribute name
     * @param param a tensor (made a {@link Parameter} if it is not one), or null
     * @return the registered parameter
     */
    public Tensor registerParameter(String name, Tensor param) {
        checkName(name, parameters);
        Tensor p = param == null || param.isParameter() ? param : Parameter.of(param);
        parameters.put(name, p);
        return p;
    }

    /**
     * {@code register_buffer(name, tensor)}: state that is not a parameter (e.g. running statistics), saved in
     * the state dict.
     *
     * @param name   the attribute name
     * @param buffer the tensor, or null
     * @return the buffer
     */
    public Tensor registerBuffer(String name, Tensor buffer) {
        checkName(name, buffers);
        buffers.put(name, buffer);
        return buffer;
    }

    /**
     * {@code add_module(name, module)} / {@code register_module}: adds a submodule.
     *
     * @param name   the attribute name
     * @param module the submodule, or null
     * @param <M>    the submodule's type
     * @return the submodule
     */
    public <M extends Module> M registerModule(String name, M module) {
        checkName(name, modules);
        modules.put(name, module);
        return module;
    }

    /**
     * {@code self.name = module}: the same as {@link #registerModule(String, Module)}, for field initialisers.
     *
     * @param name   the attribute name
     * @param module the submodule
     * @param <M>    the submodule's type
     * @return the submodule
     */
    protected <M extends Module> M register(String name, M module) {
        return registerModule(name, module);
    }

    private void checkName(String name, Map<String, ?> own) {
        if (name.contains(".")) throw new IllegalArgumentException("module name can't contain \".\", got: " + name);
        if (name.isEmpty()) throw new IllegalArgumentException("module name can't be empty string \"\"");
        if ((own != parameters && parameters.containsKey(name)) || (own != buffers && buffers.containsKey(name))
                || (own != modules && modules.containsKey(name))) {
            throw new IllegalArgumentException("attribute '" + name + "' already exists");
        }
    }

    /**
     * {@code self.name} for a parameter.
     *
     * @param name the attribute name
     * @return the registered parameter (null for PyTorch's None or an unknown name)
     */
    protected Tensor param(String name) {
        return parameters.get(name);
    }

    /**
     * {@code self.name} for a buffer.
     *
     * @param name the attribute name
     * @return the registered buffer, or null
     */
    protected Tensor buffer(String name) {
        return buffers.get(name);
    }

    // ------------------------------------------------------------------ traversal

    /**
     * {@code parameters()}: every parameter of this module and its submodules, each once, in registration order.
     *
     * @return the parameters
     */
    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /**
     * {@code named_parameters()}: the parameters by dotted name ({@code "0.weight"}), each tensor once.
     *
     * @return name → parameter, ordered
     */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            for (Map.Entry<String, Tensor> p : m.getValue().parameters.entrySet()) {
                if (p.getValue() != null && seen.add(p.getValue())) out.put(prefix + p.getKey(), p.getValue());
            }
        }
        return out;
    }

    /**
     * {@code buffers()}: every buffer of this module and its submodules.
     *
     * @return the buffers
     */
    public List<Tensor> buffers() {
        return new ArrayList<>(namedBuffers().values());
    }

    /**
     * {@code named_buffers()}.
     *
     * @return name → buffer, ordered
     */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            for (Map.Entry<String, Tensor> b : m.getValue().buffers.entrySet()) {
                if (b.getValue() != null) out.put(prefix + b.getKey(), b.getValue());
            }
        }
        return out;
    }

    /**
     * {@code children()}: the direct submodules.
     *
     * @return the submodules, each once
     */
    public List<Module> children() {
        return new ArrayList<>(namedChildren().values());
    }

    /**
     * {@code named_children()}.
     *
     * @return name → direct submodule, each module once
     */
    public Map<String, Module> namedChildren() {
        Map<String, Module> out = new LinkedHashMap<>();
        Set<Module> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Map.Entry<String, Module> m : modules.entrySet()) {
            if (m.getValue() != null && seen.add(m.getValue())) out.put(m.getKey(), m.getValue());
        }
        return out;
    }

    /**
     * {@code modules()}: this module, then every submodule depth-first, each once.
     *
     * @return the modules
     */
    public List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    /**
     * {@code named_modules()}: this module under {@code ""}, then the submodules by dotted name.
     *
     * @return name → module, ordered
     */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collect("", this, out, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        return out;
    }

    private static void collect(String prefix, Module m, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(m)) return;
        out.put(prefix, m);
        for (Map.Entry<String, Module> c : m.modules.entrySet()) {
            if (c.getValue() != null) collect(prefix.isEmpty() ? c.getKey() : prefix + "." + c.getKey(), c.getValue(), out, seen);
        }
    }

    /**
     * {@code apply(fn)}: fn on every submodule (children first, depth-first), then on this module.
     *
     * @param fn the function
     * @return this module
     */
    public Module apply(Consumer<Module> fn) {
        for (Module c : children()) c.apply(fn);
        fn.accept(this);
        return this;
    }

    // ------------------------------------------------------------------ modes and gradients

    /**
     * {@code train()}: training mode for this module and its submodules.
     *
     * @return this module
     */
    public Module train() {
        return train(true);
    }

    /**
     * {@code train(mode)}.
     *
     * @param mode true for training, false for evaluation
     * @return this module
     */
    public Module train(boolean mode) {
        training = mode;
        for (Module c : children()) c.train(mode);
        return this;
    }

    /**
     * {@code eval()}: the same as {@code train(false)}.
     *
     * @return this module
     */
    public Module eval() {
        return train(false);
    }

    /**
     * {@code module.training}.
     *
     * @return whether the module is in training mode
     */
    public boolean isTraining() {
        return training;
    }

    /** {@code zero_grad()} as in PyTorch 1.13 ({@code set_to_none=False}): every parameter's grad zeroed in place. */
    public void zeroGrad() {
        zeroGrad(false);
    }

    /**
     * {@code zero_grad(set_to_none)}: every parameter's grad set to null, or detached and zeroed in place.
     *
     * @param setToNone true to drop the grads
     */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : parameters()) {
            Tensor g = p.grad();
            if (g == null) continue;
            if (setToNone) {
                p.setGrad(null);
            } else {
                Tensor d = g.gradFn() != null ? g.detach() : g.requiresGrad_(false);
                if (d != g) p.setGrad(d);
                try (GradModeScope s = Torch.noGrad()) {
                    d.zero_();
                }
            }
        }
    }

    /**
     * {@code to(dtype)}: every floating-point parameter and buffer converted to dtype (new parameters keeping
     * requires_grad; Java cannot swap a tensor's data in place, so re-read {@code weight()} after this).
     *
     * @param dtype a floating-point dtype
     * @return this module
     */
    public Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("nn.Module.to only accepts floating point or complex dtypes, but got desired dtype="
                    + dtype);
        }
        for (Module m : modules()) {
            for (Map.Entry<String, Tensor> p : m.parameters.entrySet()) {
                Tensor t = p.getValue();
                if (t != null && t.dtype().isFloatingPoint() && t.dtype() != dtype) {
                    try (GradModeScope s = Torch.noGrad()) {
                        p.setValue(Parameter.of(t.to(dtype), t.requiresGrad()));
                    }
                }
            }
            for (Map.Entry<String, Tensor> b : m.buffers.entrySet()) {
                Tensor t = b.getValue();
                if (t != null && t.dtype().isFloatingPoint()) b.setValue(t.to(dtype));
            }
        }
        return this;
    }

    // ------------------------------------------------------------------ state dict

    /**
     * {@code state_dict()}: parameters then buffers of each module, depth-first, by dotted name; the tensors
     * are detached aliases (sharing storage), as PyTorch's {@code keep_vars=False}.
     *
     * @return name → tensor, in PyTorch's key order
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        stateDict("", out);
        return out;
    }

    private void stateDict(String prefix, Map<String, Tensor> out) {
        for (Map.Entry<String, Tensor> p : parameters.entrySet()) {
            if (p.getValue() != null) out.put(prefix + p.getKey(), p.getValue().detach());
        }
        for (Map.Entry<String, Tensor> b : buffers.entrySet()) {
            if (b.getValue() != null) out.put(prefix + b.getKey(), b.getValue().detach());
        }
        for (Map.Entry<String, Module> m : modules.entrySet()) {
            if (m.getValue() != null) m.getValue().stateDict(prefix + m.getKey() + ".", out);
        }
    }

    /**
     * {@code load_state_dict(state_dict)} (strict): copies every tensor into the matching parameter or buffer.
     *
     * @param stateDict name → tensor
     * @throws IllegalStateException PyTorch's {@code "Error(s) in loading state_dict for Linear:\n\tMissing
     *                               key(s) in state_dict: "bias". "} (and unexpected keys, size mismatches)
     */
    public void loadStateDict(Map<String, Tensor> stateDict) {
        loadStateDict(stateDict, true);
    }

    /**
     * {@code load_state_dict(state_dict, strict)}: with strict false, missing and unexpected keys are not
     * errors (size mismatches still are).
     *
     * @param stateDict name → tensor
     * @param strict    whether the keys must match exactly
     * @return the missing keys and the unexpected keys (PyTorch's {@code _IncompatibleKeys})
     */
    @SuppressWarnings("UnusedReturnValue")
    public List<List<String>> loadStateDict(Map<String, Tensor> stateDict, boolean strict) {
        Map<String, Tensor> own = new LinkedHashMap<>();
        stateDict("", own);
        List<String> missing = new ArrayList<>(), unexpected = new ArrayList<>(), errors = new ArrayList<>();
        Map<String, Tensor> targets = targets();
        for (String k : own.keySet()) {
            Tensor src = stateDict.get(k);
            if (src == null) {
                missing.add(k);
                continue;
            }
            Tensor dst = targets.get(k);
            if (!java.util.Arrays.equals(src.shape(), dst.shape())) {
                errors.add("size mismatch for " + k + ": copying a param with shape " + size(src.shape())
                        + " from checkpoint, the shape in current model is " + size(dst.shape()) + ".");
            }
        }
        Set<String> ownKeys = new LinkedHashSet<>(own.keySet());
        for (String k : stateDict.keySet()) if (!ownKeys.contains(k)) unexpected.add(k);
        if (strict) {
            if (!unexpected.isEmpty()) errors.add(0, "Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
            if (!missing.isEmpty()) errors.add(0, "Missing key(s) in state_dict: " + quoted(missing) + ". ");
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Error(s) in loading state_dict for " + getName() + ":\n\t"
                    + String.join("\n\t", errors));
        }
        try (GradModeScope s = Torch.noGrad()) {
            for (String k : own.keySet()) {
                Tensor src = stateDict.get(k);
                if (src != null) targets.get(k).copy_(src);
            }
        }
        return List.of(missing, unexpected);
    }

    private Map<String, Tensor> targets() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            m.getValue().parameters.forEach((k, v) -> { if (v != null) out.put(prefix + k, v); });
            m.getValue().buffers.forEach((k, v) -> { if (v != null) out.put(prefix + k, v); });
        }
        return out;
    }

    private static String quoted(List<String> keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) b.append(b.length() > 0 ? ", " : "").append('"').append(k).append('"');
        return b.toString();
    }

    static String size(long[] shape) {
        StringBuilder b = new StringBuilder("torch.Size([");
        for (int i = 0; i < shape.length; i++) b.append(i > 0 ? ", " : "").append(shape[i]);
        return b.append("])").toString();
    }

    // ------------------------------------------------------------------ printing

    /**
     * The class name PyTorch prints ({@code _get_name()}): the Java simple name.
     *
     * @return the name
     */
    protected String getName() {
        // an anonymous class has no simple name: its superclass stands for it
        Class<?> c = getClass();
        while (c.getSimpleName().isEmpty()) c = c.getSuperclass();
        return c.getSimpleName();
    }

    /**
     * {@code extra_repr()}: the module's own settings, e.g. {@code in_features=3, out_features=4, bias=True}.
     *
     * @return the text inside the parentheses, empty by default
     */
    protected String extraRepr() {
        return "";
    }

    /**
     * Exactly PyTorch's {@code repr(module)}: name, extra repr, and each submodule as {@code (name): repr}
     * indented by two spaces.
     *
     * @return the text
     */
    @Override
    public String toString() {
        String extra = extraRepr();
        List<String> extraLines = extra.isEmpty() ? List.of() : List.of(extra.split("\n", -1));
        List<String> childLines = new ArrayList<>();
        for (Map.Entry<String, Module> m : modules.entrySet()) {
            String s = String.valueOf(m.getValue()).replace("\n", "\n  ");
            childLines.add("(" + m.getKey() + "): " + s);
        }
        StringBuilder b = new StringBuilder(getName()).append('(');
        if (!extraLines.isEmpty() || !childLines.isEmpty()) {
            if (extraLines.size() == 1 && childLines.isEmpty()) {
                b.append(extraLines.get(0));
            } else {
                List<String> lines = new ArrayList<>(extraLines);
                lines.addAll(childLines);
                b.append("\n  ").append(String.join("\n  ", lines)).append('\n');
            }
        }
        return b.append(')').toString();
    }
}
