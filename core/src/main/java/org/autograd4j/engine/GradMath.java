package org.autograd4j.engine;

import org.autograd4j.DType;

/**
 * The few tensor operations the engine needs, supplied by the ops room (the engine knows nothing of which
 * ops exist). Each records a graph when grad mode is on, so create_graph passes differentiate again.
 */
public interface GradMath {
    /** A tensor of ones with {@code t}'s shape and dtype (the implicit gradient of a one-element root). */
    TensorImpl onesLike(TensorImpl t);

    /** {@code a + b} (two gradients reaching the same input slot). */
    TensorImpl add(TensorImpl a, TensorImpl b);

    /** {@code t} converted to {@code dtype}. */
    TensorImpl to(TensorImpl t, DType dtype);

    /**
     * Adds {@code g} into {@code leaf.grad()}, as PyTorch's AccumulateGrad: the first gradient is stored as is
     * when {@code owned} (nothing but the engine references it) and it is dense and outside any graph (PyTorch
     * steals it the same way, by reference count), else as a fresh contiguous copy; later ones are added in
     * place, or out of place when building a higher-order graph.
     */
    void accumulate(TensorImpl leaf, TensorImpl g, boolean owned);

    /** True when {@code t} holds a NaN (anomaly mode checks every backward result). */
    boolean hasNan(TensorImpl t);
}
