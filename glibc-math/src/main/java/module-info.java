/*
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Part of autograd4j-glibc-math, the LGPL-2.1-or-later companion of autograd4j: see this module's LICENSE.
 */

/**
 * autograd4j-glibc-math: pure-Java ports of glibc 2.36's double-precision {@code log}, {@code exp},
 * {@code sin}, {@code cos} and {@code tan} (x86-64 FMA build), provided to autograd4j as its
 * {@link org.autograd4j.spi.Float64Math}, so that float64 random numbers are bit-identical to PyTorch's.
 *
 * <p>Under the GNU Lesser General Public License 2.1 or later, as glibc is (this module's {@code LICENSE}).
 * Nothing is exported: putting the jar on the module path (or the class path) is all it takes; the library
 * finds the provider with {@link java.util.ServiceLoader}.
 */
module org.autograd4j.glibcmath {
    requires org.autograd4j;

    provides org.autograd4j.spi.Float64Math with org.autograd4j.glibcmath.GlibcFloat64Math;
}
