/**
 * Elementary functions with exactly PyTorch's last bits, for the samplers of {@code org.autograd4j.sampling}
 * and, later, the element-wise kernels.
 *
 * <p>Two kinds live here:
 * <ul>
 *   <li>{@link org.autograd4j.math.Libm}: the double {@code log}, {@code sin}, {@code cos}, {@code tan} and
 *       {@code exp} that PyTorch's CPU code gets from glibc ({@code std::log}, …), as pure-Java ports of
 *       glibc 2.36's own algorithms and tables (its FMA build for x86-64), bit-identical to them. Java's
 *       {@link java.lang.Math} and {@link java.lang.StrictMath} differ from glibc in the last bit for a
 *       fraction of a percent to a few percent of arguments, which would break bit-exact sampling. The port
 *       files ({@code GlibcLog}, {@code GlibcExp}, {@code GlibcSinCos}, {@code GlibcTan}) are under glibc's
 *       LGPL-2.1-or-later, stated in their headers; only {@code Libm} calls them.</li>
 *   <li>Vector-library functions, ported lane for lane: {@link org.autograd4j.math.AvxMath}, the Cephes
 *       float32 {@code log} and {@code sincos} of ATen's {@code avx_mathfun.h} that PyTorch's AVX2
 *       {@code randn} uses. The SLEEF functions of PyTorch's vectorised kernels ({@code Vectorized<float>::exp},
 *       …) belong here too, once kernels need them.</li>
 * </ul>
 *
 * <p>Dependencies: this package imports nothing of the library except {@link org.autograd4j.DType}, so
 * that samplers and kernels can use it without cycles. It is internal: {@code module-info} does not export
 * it.
 */
package org.autograd4j.math;
