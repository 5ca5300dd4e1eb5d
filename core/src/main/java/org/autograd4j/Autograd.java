package org.autograd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.autograd4j.engine.BackwardNode;
import org.autograd4j.engine.Engine;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorHooks;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.ops.Binary;
import org.autograd4j.ops.EngineMath;
import org.autograd4j.ops.Graph;
import org.autograd4j.ops.Shapes;

/**
 * PyTorch's {@code torch.autograd} functions: gradients of outputs with respect to chosen inputs
 * ({@code grad}, {@code backward}) and the saved-tensor hooks of {@code torch.autograd.graph}.
 */
public final class Autograd {
    private Autograd() {
    }

    /**
     * The gradients of one-element {@code outputs} with respect to {@code inputs}, as
     * {@code torch.autograd.grad(outputs, inputs)}. {@code .grad} fields are left untouched; the graph is freed.
     *
     * @param outputs the one-element tensors to differentiate
     * @param inputs the tensors to differentiate with respect to
     * @return the gradients, one per input, in order
     */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs) {
        return grad(outputs, inputs, null, false, false, false);
    }

    /**
     * The vector-Jacobian products {@code gradOutputs · ∂outputs/∂inputs}, as
     * {@code torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused)}.
     * {@code gradOutputs} may be null (all implicit) or hold nulls for one-element outputs. With
     * {@code createGraph} the results carry a graph, so they can be differentiated again; the graph is
     * then retained. With {@code allowUnused}, an input the outputs do not depend on gets null.
     *
     * @param outputs the tensors to differentiate
     * @param inputs the tensors to differentiate with respect to
     * @param gradOutputs the gradients of the outputs (the vector of the product), or null
     * @param retainGraph whether to keep the graph for another pass
     * @param createGraph whether the results get a graph of their own
     * @param allowUnused whether an input the outputs do not depend on is allowed (its gradient is null)
     * @return the gradients, one per input, in order
     */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs, boolean retainGraph,
                                    boolean createGraph, boolean allowUnused) {
        return run(outputs, gradOutputs, retainGraph || createGraph, createGraph, inputs, allowUnused);
    }

    /**
     * Accumulates gradients of {@code tensors} into the leaves' {@code .grad}, as
     * {@code torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph)}.
     *
     * @param tensors the tensors to backpropagate from
     * @param gradTensors their gradients, or null (all implicit, for one-element tensors)
     * @param retainGraph whether to keep the graph for another pass
     * @param createGraph whether the gradients get a graph of their own
     */
    public static void backward(List<Tensor> tensors, List<Tensor> gradTensors, boolean retainGraph, boolean createGraph) {
        run(tensors, gradTensors, retainGraph || createGraph, createGraph, null, false);
    }

    /**
     * As {@code torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph, inputs)}: with
     * {@code inputs}, only those tensors (leaves or not) accumulate into {@code .grad}; a non-leaf input starts
     * retaining its gradient ({@code retain_grad()}), as PyTorch 1.13 does. Null lists mean PyTorch's defaults
     * (implicit gradients; every leaf).
     *
     * @param tensors the tensors to backpropagate from
     * @param gradTensors their gradients, or null (all implicit, for one-element tensors)
     * @param retainGraph whether to keep the graph for another pass (implied by {@code createGraph})
     * @param createGraph whether the gradients get a graph of their own
     * @param inputs the tensors whose {@code .grad} is filled, or null for every leaf; not empty
     */
    public static void backward(List<Tensor> tensors, List<Tensor> gradTensors, boolean retainGraph, boolean createGraph,
                                List<Tensor> inputs) {
        if (inputs == null) {
            backward(tensors, gradTensors, retainGraph, createGraph);
            return;
        }
        if (inputs.isEmpty()) throw new IllegalArgumentException("'inputs' argument to backward() cannot be empty.");
        List<TensorImpl> r = unwrap(tensors), g = gradTensors == null ? null : unwrap(gradTensors);
        List<TensorImpl> in = unwrap(inputs);
        for (Tensor t : inputs) retainGrad(t.impl());
        Engine.run(r, g, retainGraph || createGraph, createGraph, in, false, true, EngineMath.INSTANCE);
    }

    /** {@code tensor.backward(gradient, retain_graph, create_graph, inputs)}. */
    static void backward(Tensor root, Tensor gradient, boolean retainGraph, boolean createGraph, List<Tensor> inputs) {
        if (inputs == null) {
            backward(root, gradient, retainGraph || createGraph, createGraph);
        } else {
            backward(Collections.singletonList(root), gradient == null ? null : Collections.singletonList(gradient), retainGraph,
                    createGraph, inputs);
        }
    }

    /**
     * Opens a scope of saved-tensor hooks, {@code with torch.autograd.graph.saved_tensors_hooks(pack, unpack):}.
     * While it is open, every tensor an op saves for backward is handed to {@code pack}, and what pack returns is
     * kept instead of the tensor; the backward pass calls {@code unpack} on it each time it reads the tensor. Only
     * the innermost open scope applies. As in PyTorch, no in-place-modification check is made through the hooks.
     *
     * @param pack what to keep for a saved tensor
     * @param unpack the tensor back from what {@code pack} returned (same shape and dtype)
     * @return the scope; closing it ends the hooks for tensors saved later (those saved keep theirs)
     */
    public static GradModeScope savedTensorsHooks(Function<Tensor, Object> pack, Function<Object, Tensor> unpack) {
        SavedTensor.pushHooks(new SavedTensor.Hooks(t -> pack.apply(Tensor.of(t)), o -> {
            Tensor t = unpack.apply(o);
            return t == null ? null : t.impl();
        }));
        return new GradModeScope(SavedTensor::popHooks);
    }

    // ------------------------------------------------------------------ hooks (Tensor and Node delegate here)

    /** {@code tensor.register_hook(hook)}: into the tensor's hook list (for a non-leaf, a pre-hook of its node). */
    static RemovableHandle registerHook(TensorImpl t, UnaryOperator<Tensor> hook) {
        if (!t.requiresGrad()) throw new IllegalStateException("cannot register a hook on a tensor that doesn't require gradient");
        BackwardNode node = Graph.history(t);
        if (t.hooks() == null) {
            // a non-leaf's hooks are one pre-hook of its node; a leaf's run inside its AccumulateGrad (as PyTorch 1.13)
            t.setHooks(new TensorHooks(node == null ? 0 : t.outputNr()));
            if (node != null) node.hooks().addPre(t.hooks());
        }
        return new RemovableHandle(t.hooks().add(g -> {
            Tensor r = hook.apply(Tensor.of(g));
            return r == null ? null : r.impl();
        }));
    }

    /** {@code tensor.retain_grad()}: for a non-leaf, one more pre-hook of its node, placed at the first call. */
    static void retainGrad(TensorImpl t) {
        if (!t.requiresGrad()) throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
        BackwardNode node = Graph.history(t);
        if (node == null || t.retainGradHook() != null) return; // a leaf keeps its gradient anyway
        int slot = t.outputNr();
        t.setRetainGradHook(grads -> {
            TensorImpl g = grads[slot];
            if (g != null) {
                TensorImpl old = t.grad();
                // PyTorch: a contiguous clone the first time, then grad = grad + new (both record under create_graph)
                t.setGrad(old == null ? Shapes.clone(g) : Binary.ADD.apply(old, g));
            }
            return null;
        });
        node.hooks().addPre(t.retainGradHook());
    }

    /** {@code node.register_hook(fn)}. */
    static RemovableHandle registerPostHook(BackwardNode node, Node.PostHook hook) {
        return new RemovableHandle(node.hooks().addPost((gradInputs, gradOutputs) -> {
            List<Tensor> r = hook.apply(wrap(gradInputs), wrap(gradOutputs));
            return r == null ? null : unwrapAll(r);
        }));
    }

    /** {@code node.register_prehook(fn)}. */
    static RemovableHandle registerPreHook(BackwardNode node, Node.PreHook hook) {
        return new RemovableHandle(node.hooks().addPre(gradOutputs -> {
            List<Tensor> r = hook.apply(wrap(gradOutputs));
            return r == null ? null : unwrapAll(r);
        }));
    }

    private static List<Tensor> wrap(TensorImpl[] ts) {
        Tensor[] r = new Tensor[ts.length];
        for (int i = 0; i < ts.length; i++) r[i] = Tensor.of(ts[i]);
        return Collections.unmodifiableList(Arrays.asList(r));
    }

    private static TensorImpl[] unwrapAll(List<Tensor> ts) {
        TensorImpl[] r = new TensorImpl[ts.size()];
        for (int i = 0; i < r.length; i++) r[i] = ts.get(i) == null ? null : ts.get(i).impl();
        return r;
    }

    /** {@code tensor.backward(gradient, ...)}: {@link #run} for one root, without building lists of tensors. */
    static void backward(Tensor root, Tensor gradient, boolean retainGraph, boolean createGraph) {
        Graph.history(root.impl());
        List<TensorImpl> g = null;
        if (gradient != null) {
            Graph.history(gradient.impl());
            g = java.util.Collections.singletonList(gradient.impl());
        }
        Engine.run(java.util.Collections.singletonList(root.impl()), g, retainGraph, createGraph, null, false, EngineMath.INSTANCE);
    }

    /** Hands the tensors to the engine (their view histories brought up to date first) and wraps the results. */
    static List<Tensor> run(List<Tensor> roots, List<Tensor> gradOutputs, boolean retainGraph, boolean createGraph,
                            List<Tensor> inputs, boolean allowUnused) {
        List<TensorImpl> r = unwrap(roots), g = gradOutputs == null ? null : unwrap(gradOutputs);
        List<TensorImpl> in = inputs == null ? null : unwrap(inputs);
        List<TensorImpl> out = Engine.run(r, g, retainGraph, createGraph, in, allowUnused, EngineMath.INSTANCE);
        if (out == null) return null;
        List<Tensor> result = new ArrayList<>(out.size());
        for (TensorImpl t : out) result.add(Tensor.of(t));
        return new PyTuple<>(result);
    }

    private static List<TensorImpl> unwrap(List<Tensor> ts) {
        List<TensorImpl> r = new ArrayList<>(ts.size());
        for (Tensor t : ts) {
            if (t == null) {
                r.add(null);
            } else {
                Graph.history(t.impl());
                r.add(t.impl());
            }
        }
        return r;
    }

    // ------------------------------------------------------------------ the graph drawn (torchviz)

    /**
     * The backward graph behind {@code outputs} as Graphviz DOT text, as torchviz's {@code make_dot(outputs)}
     * draws it: outputs in green with their sizes, nodes by name, leaves in light blue with their sizes, edges from
     * inputs to outputs. Render it with {@code dot -Tsvg}, or see {@link #toSvg(Tensor...)}.
     *
     * @param outputs the tensors whose history to draw
     * @return the DOT source
     */
    public static String toDot(Tensor... outputs) {
        return GraphDot.dot(null, false, outputs);
    }

    /**
     * {@code make_dot(outputs, params=params, show_saved=showSaved)}: leaves found in {@code params} are labelled
     * with their names ({@code dict(model.named_parameters())}), and with {@code showSaved} each node's saved
     * tensors are drawn in orange with their sizes.
     *
     * @param params names for leaf tensors, or null
     * @param showSaved whether to draw the tensors each node saved for its backward
     * @param outputs the tensors whose history to draw
     * @return the DOT source
     */
    public static String toDot(java.util.Map<String, Tensor> params, boolean showSaved, Tensor... outputs) {
        return GraphDot.dot(params, showSaved, outputs);
    }

    /**
     * {@link #toDot(Tensor...)} rendered as SVG by Graphviz's {@code dot} program (found on the {@code PATH}).
     *
     * @param outputs the tensors whose history to draw
     * @return the SVG document
     * @throws IllegalStateException when {@code dot} cannot be run (Graphviz is not installed) or fails
     */
    public static String toSvg(Tensor... outputs) {
        return GraphDot.svg(toDot(outputs));
    }

    /**
     * {@link #toDot(java.util.Map, boolean, Tensor...)} rendered as SVG by Graphviz's {@code dot} program.
     *
     * @param params names for leaf tensors, or null
     * @param showSaved whether to draw the tensors each node saved for its backward
     * @param outputs the tensors whose history to draw
     * @return the SVG document
     * @throws IllegalStateException when {@code dot} cannot be run (Graphviz is not installed) or fails
     */
    public static String toSvg(java.util.Map<String, Tensor> params, boolean showSaved, Tensor... outputs) {
        return GraphDot.svg(toDot(params, showSaved, outputs));
    }
}
