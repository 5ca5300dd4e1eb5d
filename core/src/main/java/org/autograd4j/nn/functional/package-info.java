/**
 * {@code torch.nn.functional}: {@link org.autograd4j.nn.functional.F}, the modules' functions as static
 * methods with PyTorch's defaults.
 *
 * <p>May import: the API package ({@code org.autograd4j}) (its room is {@code nn}).
 */
package org.autograd4j.nn.functional;
