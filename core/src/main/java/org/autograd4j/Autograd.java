package org.autograd4j;

import java.util.List;
import org.autograd4j.autograd.Engine;

/** PyTorch's {@code torch.autograd} functions: gradients of outputs with respect to chosen inputs. */
public final class Autograd {
    private Autograd() {
    }

    /**
     * The gradients of one-element {@code outputs} with respect to {@code inputs}, as
     * {@code torch.autograd.grad(outputs, inputs)}. {@code .grad} fields are left untouched; the graph is freed.
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
     */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs, boolean retainGraph,
                                    boolean createGraph, boolean allowUnused) {
        return Engine.run(outputs, gradOutputs, retainGraph || createGraph, createGraph, inputs, allowUnused);
    }

    /**
     * Accumulates gradients of {@code tensors} into the leaves' {@code .grad}, as
     * {@code torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph)}.
     */
    public static void backward(List<Tensor> tensors, List<Tensor> gradTensors, boolean retainGraph, boolean createGraph) {
        Engine.run(tensors, gradTensors, retainGraph || createGraph, createGraph, null, false);
    }
}
