/**
 * Service interfaces through which optional artifacts plug into the library: {@link
 * org.autograd4j.spi.Float64Math}, the double-precision libm functions of the float64 samplers (provided, bit
 * for bit as glibc computes them, by {@code org.autograd4j:autograd4j-glibc-math}).
 *
 * <p>Dependencies: none. This package imports nothing of the library, so that a provider depends on this
 * package alone; {@code org.autograd4j.math} imports it (its {@code Libm} loads the provider). Exported by
 * {@code module-info}, which also declares {@code uses org.autograd4j.spi.Float64Math}.
 */
package org.autograd4j.spi;
