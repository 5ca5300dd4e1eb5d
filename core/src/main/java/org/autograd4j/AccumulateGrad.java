package org.autograd4j;

import org.autograd4j.engine.GradAccumulator;

/**
 * The node at a leaf that requires grad, PyTorch's {@code AccumulateGrad}: it adds the incoming gradient into
 * the leaf's {@code .grad}. The first gradient is stored as a fresh contiguous copy; later ones are added in
 * place, or out of place when building a higher-order graph.
 */
public final class AccumulateGrad extends Node {
    AccumulateGrad(GradAccumulator impl) {
        super(impl);
    }

    /**
     * The leaf this node accumulates into ({@code AccumulateGrad.variable}).
     *
     * @return the leaf tensor
     */
    public Tensor variable() {
        return Tensor.of(((GradAccumulator) impl).variable());
    }
}
