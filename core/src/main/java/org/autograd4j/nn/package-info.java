/**
 * {@code torch.nn}: built on the public API only, as a user's code would be. {@link org.autograd4j.nn.Module}
 * and its registries, {@link org.autograd4j.nn.Parameter}, the layers ({@link org.autograd4j.nn.Linear},
 * {@link org.autograd4j.nn.Sequential}, activations, {@link org.autograd4j.nn.Dropout},
 * {@link org.autograd4j.nn.Embedding}, …), the losses, and {@link org.autograd4j.nn.Init}
 * ({@code torch.nn.init}). The functional forms are in {@code nn.functional.F}, gradient clipping in
 * {@code nn.utils.ClipGrad}; the losses' kernels are {@code Torch.mseLoss} &amp;c. ({@code ops.NNOps}).
 *
 * <p>May import: the API package ({@code org.autograd4j}), {@code random} (for {@code Generator}) and
 * {@code autograd}.
 */
package org.autograd4j.nn;
