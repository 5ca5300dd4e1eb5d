package org.autograd4j;

import org.autograd4j.autograd.GradMode;

/**
 * The node at a leaf that requires grad: it adds the incoming gradient into the leaf's {@code .grad}
 * (PyTorch's {@code AccumulateGrad}). The first gradient is stored as a fresh contiguous copy; later ones
 * are added in place into the same tensor, or out of place when building a higher-order graph.
 */
public final class AccumulateGrad extends Node {
    private static final Tensor[] NO_GRADS = new Tensor[0];
    private final Tensor variable;

    AccumulateGrad(Tensor variable) {
        super(new Edge[0], Long.MAX_VALUE);
        this.variable = variable;
    }

    /** The leaf this node accumulates into ({@code AccumulateGrad.variable}). */
    public Tensor variable() {
        return variable;
    }

    @Override
    public String name() {
        return "AccumulateGrad";
    }

    @Override
    public Tensor[] apply(Tensor[] grads) {
        Tensor g = grads[0];
        if (g == null) return NO_GRADS;
        Tensor old = variable.grad();
        if (old == null) {
            if (GradMode.isEnabled()) {
                // create_graph: PyTorch's clone_obey_contract (empty_strided + copy_), so the stored grad keeps
                // its graph through a CopyBackwards node.
                variable.setGradInternal(Torch.zeros(g.shape(), g.dtype()).copy_(g));
            } else {
                variable.setGradInternal(g.contiguousCopy());
            }
        } else if (GradMode.isEnabled()) {
            variable.setGradInternal(old.add(g));
        } else {
            old.addInPlaceNoCheck(g);
        }
        return NO_GRADS;
    }
}
