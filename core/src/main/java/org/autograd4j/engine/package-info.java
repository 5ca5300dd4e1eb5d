/**
 * The graph and its scheduler (internal): {@link org.autograd4j.engine.TensorImpl} (the library's tensor:
 * storage, layout, version counter and autograd state), {@link org.autograd4j.engine.BackwardNode} and
 * {@link org.autograd4j.engine.NextEdge}, the leaf accumulator, the {@link org.autograd4j.engine.Engine}
 * (dependency count and ready queue), thread-local {@link org.autograd4j.engine.GradMode} and
 * {@link org.autograd4j.engine.SavedTensor}; forward-mode AD's {@link org.autograd4j.engine.DualLevels} (tangents live
 * on TensorImpl per level); {@link org.autograd4j.engine.Facade}, the bridge the exported toolbox uses to reach
 * the TensorImpl behind an API tensor. The engine knows nothing of which ops exist: the few tensor
 * operations it needs reach it as a {@link org.autograd4j.engine.GradMath}.
 *
 * <p>May import: {@code storage} and {@code DType}.
 */
package org.autograd4j.engine;
