package org.autograd4j;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.engine.Engine;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.ops.EngineMath;
import org.autograd4j.ops.Graph;

/** PyTorch's {@code torch.autograd} functions: gradients of outputs with respect to chosen inputs. */
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
}
