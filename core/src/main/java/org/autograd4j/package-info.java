/**
 * The API: what a PyTorch user reaches for, in Java. {@link org.autograd4j.Tensor} (PyTorch's
 * {@code torch.Tensor}, its methods one-line delegations to the op declarations), {@link org.autograd4j.Torch}
 * (the {@code torch.*} namespace), {@link org.autograd4j.DType}, {@link org.autograd4j.Autograd}
 * ({@code torch.autograd}), the graph as PyTorch shows it ({@link org.autograd4j.Node},
 * {@link org.autograd4j.Edge}, {@link org.autograd4j.AccumulateGrad}) and {@link org.autograd4j.GradModeScope}.
 *
 * <p>May import: {@code ops}, {@code engine}, {@code format}, {@code random}, {@code storage}. Nothing below
 * imports this package except {@code DType}, a leaf enum every room may use.
 */
package org.autograd4j;
