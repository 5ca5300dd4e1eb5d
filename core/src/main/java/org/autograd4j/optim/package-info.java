/**
 * {@code torch.optim} and {@code torch.optim.lr_scheduler}: the optimizers {@link org.autograd4j.optim.SGD},
 * {@link org.autograd4j.optim.Adam}, {@link org.autograd4j.optim.AdamW}, {@link org.autograd4j.optim.RMSprop}
 * and {@link org.autograd4j.optim.Adagrad} with PyTorch 1.13.1's single-tensor ({@code foreach=False}) update
 * formulas, parameter groups and state dicts in PyTorch's layout; the learning-rate schedulers
 * ({@link org.autograd4j.optim.LRScheduler} and {@link org.autograd4j.optim.ReduceLROnPlateau}).
 *
 * <p>Options are set builder-style on the optimizer, one method per PyTorch keyword
 * ({@code new SGD(params, 0.1).momentum(0.9).nesterov(true)} is {@code SGD(params, lr=0.1, momentum=0.9,
 * nesterov=True)}); a setter changes the defaults and every group that did not set the option itself.
 *
 * <p>float32 parameters follow PyTorch's trajectories bit for bit: PyTorch's CPU kernels round
 * {@code add(other, alpha)} and {@code addcmul} once (a fused multiply-add), which the updates here reproduce by
 * adding the float64-exact product in float64 and rounding to float32. float64 parameters round the product
 * and the sum separately, so they can differ from PyTorch's in the last bits.
 *
 * <p>Built on the public API only, as a user's code would be. May import: the API package
 * ({@code org.autograd4j}).
 */
package org.autograd4j.optim;
