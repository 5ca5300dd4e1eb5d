/**
 * Elementary functions with exactly PyTorch's last bits, for the samplers of {@code org.autograd4j.sampling}
 * and, later, the element-wise kernels.
 *
 * <p>Two kinds live here:
 * <ul>
 *   <li>{@link org.autograd4j.math.Libm}: the double {@code log}, {@code sin}, {@code cos}, {@code tan} and
 *       {@code exp} that PyTorch's CPU code gets from glibc ({@code std::log}, …). Libm delegates to an
 *       {@link org.autograd4j.spi.Float64Math} found once with {@link java.util.ServiceLoader}: the optional
 *       artifact {@code autograd4j-glibc-math} (LGPL-2.1-or-later, not part of this library) provides
 *       pure-Java ports of glibc 2.36's own functions, bit-identical to them; without it
 *       {@link org.autograd4j.math.BuiltinFloat64Math} is used: {@code log} and {@code exp} after Arm's
 *       optimized-routines ({@code ArmLog}, {@code ArmExp}; MIT), the algorithms glibc uses, so still
 *       bit-identical, and {@code sin}, {@code cos}, {@code tan} from {@link java.lang.Math} (1 ulp off
 *       glibc for a fraction of a percent of arguments).</li>
 *   <li>Vector-library functions, ported lane for lane: {@link org.autograd4j.math.AvxMath}, the Cephes
 *       float32 {@code log} and {@code sincos} of ATen's {@code avx_mathfun.h} that PyTorch's AVX2
 *       {@code randn} uses. The SLEEF functions of PyTorch's vectorised kernels ({@code Vectorized<float>::exp},
 *       …) belong here too, once kernels need them.</li>
 * </ul>
 *
 * <p>Dependencies: this package imports nothing of the library except {@link org.autograd4j.DType} and the
 * service interface of {@code org.autograd4j.spi}, so that samplers and kernels can use it without cycles.
 * It is internal: {@code module-info} does not export it.
 */
package org.autograd4j.math;
