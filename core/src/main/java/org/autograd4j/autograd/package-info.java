/**
 * The autograd toolbox of {@code torch.autograd} beyond {@code backward} and {@code grad}: custom differentiable
 * functions, the functional API, forward-mode AD, gradient checking and activation checkpointing. Built on the
 * public API ({@code org.autograd4j}), reaching the engine's nodes where a custom function needs one.
 *
 * <p>May import: the API, {@code ops}, {@code engine}, {@code storage}. Nothing below imports this package.
 */
package org.autograd4j.autograd;
