/**
 * The ops (internal): each a declaration of its forward (a kernel call), dtype rule, what it saves, its
 * derivative in tensor ops and its PyTorch node name. Families of the same shape are tables
 * ({@link org.autograd4j.ops.Unary}, {@link org.autograd4j.ops.Binary}, {@link org.autograd4j.ops.Reduction});
 * ops with logic of their own are methods declared the same way. {@link org.autograd4j.ops.TensorMath} is the
 * static-function view derivatives are written in; {@link org.autograd4j.ops.InPlace} the one in-place path,
 * {@link org.autograd4j.ops.Out} the one out= path.
 *
 * <p>May import: {@code engine}, {@code kernels}, {@code storage}, {@code random} (for {@code Generator}),
 * {@code sampling} (the samplers and engines), {@code math} (to report its implementation), {@code DType}.
 * Never the API package.
 */
package org.autograd4j.ops;
