/**
 * The graph and its scheduler (internal): {@link org.autograd4j.autograd.TensorImpl} (the library's tensor:
 * storage, layout, version counter and autograd state), {@link org.autograd4j.autograd.BackwardNode} and
 * {@link org.autograd4j.autograd.NextEdge}, the leaf accumulator, the {@link org.autograd4j.autograd.Engine}
 * (dependency count and ready queue), thread-local {@link org.autograd4j.autograd.GradMode} and
 * {@link org.autograd4j.autograd.SavedTensor}. The engine knows nothing of which ops exist: the few tensor
 * operations it needs reach it as a {@link org.autograd4j.autograd.GradMath}.
 *
 * <p>May import: {@code storage} and {@code DType}.
 */
package org.autograd4j.autograd;
