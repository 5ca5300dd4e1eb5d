package org.autograd4j.engine;

/**
 * The node at a leaf that requires grad (PyTorch's {@code AccumulateGrad}). The engine adds what reaches it
 * into the leaf's {@code .grad} through {@link GradMath#accumulate}; the node itself computes nothing.
 */
public final class GradAccumulator extends BackwardNode {
    private static final TensorImpl[] NONE = new TensorImpl[0];
    private final TensorImpl variable;

    GradAccumulator(TensorImpl variable) {
        super(new NextEdge[0], Long.MAX_VALUE);
        this.variable = variable;
        if (variable.hooks() != null) markObserved(); // the leaf's tensor hooks run inside this node
    }

    /** The leaf this node accumulates into. */
    public TensorImpl variable() {
        return variable;
    }

    @Override
    public String name() {
        return "AccumulateGrad";
    }

    @Override
    public String qualifiedName() {
        return "torch::autograd::AccumulateGrad";
    }

    /** Accumulation needs ops, so the engine does it through its {@link GradMath}; nothing flows further. */
    @Override
    public TensorImpl[] apply(TensorImpl[] grads) {
        return NONE;
    }
}
