/**
 * The Vector API kernels (internal): {@link org.autograd4j.kernels.vector.VectorKernels} overrides the hot
 * spans of the plain kernels with {@code jdk.incubator.vector} code. Nothing else names the incubator module;
 * {@code KernelsProvider} loads these classes by name only when the JVM resolves it. Every vector path
 * computes the same operations in the same order as its plain counterpart (with {@code fma} where the
 * plain code calls {@code Math.fma}), so the two give the same bits on every machine. Vector widths come from
 * the preferred species, never a constant.
 *
 * <p>May import: {@code kernels}, {@code storage}, {@code math}, {@code DType}, {@code jdk.incubator.vector}.
 */
package org.autograd4j.kernels.vector;
