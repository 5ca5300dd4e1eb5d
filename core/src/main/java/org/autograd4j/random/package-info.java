/**
 * {@code torch.Generator}: {@link org.autograd4j.random.Generator}, PyTorch's CPU random number generator
 * (seeding, initial seed, state bytes in PyTorch's layout, the default generator). Exported: this package
 * holds only that public API.
 *
 * <p>The engine a Generator wraps (MT19937 and its cached normal samples) and the sampling algorithms that
 * draw from it are internal and live in {@code org.autograd4j.sampling}. Generator reaches down to its engine;
 * the samplers reach a Generator's engine only through the function Generator registers with
 * {@code sampling.Engines}, so that no internal type or method shows on the exported class and the arrow
 * points one way.
 *
 * <p>May import: {@code sampling}, {@code storage}, {@code math}, {@code DType}. Never the API package, and
 * nothing of {@code sampling} may import this one.
 */
package org.autograd4j.random;
