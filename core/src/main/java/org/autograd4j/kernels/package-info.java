/**
 * The compute room (internal): every loop over tensor data, behind the {@link org.autograd4j.kernels.Kernels}
 * interface (one method per algorithm over storages and layouts). Kernels know nothing of tensors or
 * autograd.
 *
 * <p>May import: {@code storage}, {@code math}, {@code DType}.
 */
package org.autograd4j.kernels;
