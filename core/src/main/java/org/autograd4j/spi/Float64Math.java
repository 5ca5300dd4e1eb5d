package org.autograd4j.spi;

/**
 * The double-precision trigonometric functions that PyTorch's CPU samplers take from the C library
 * ({@code std::sin}, {@code std::cos}, {@code std::tan} in ATen's {@code normal_}, {@code log_normal_},
 * {@code cauchy_} and the float64 {@code randn}), as a service that an optional artifact can provide. The
 * samplers' {@code log} and {@code exp} are the library's own in every case: Arm's optimized-routines
 * algorithms (MIT), which glibc uses, so they are glibc's bits already.
 *
 * <p>The library looks for an implementation once, when its samplers first need one
 * ({@link java.util.ServiceLoader}, on the module path through {@code provides} and on the class path through
 * {@code META-INF/services/org.autograd4j.spi.Float64Math}), and takes the first it finds. Without one it
 * uses {@link java.lang.Math}'s. The artifact {@code org.autograd4j:autograd4j-glibc-math}
 * (LGPL-2.1-or-later) provides pure-Java ports of glibc 2.36's own functions (IBM's Accurate Mathematical
 * Library), with which float64 samples are bit-identical to PyTorch's on x86-64 Linux.
 *
 * <p>An implementation must be a pure function of its argument (the same double for the same argument, on
 * every thread), must not block and should not allocate: the samplers call it once or twice per sample while
 * holding the generator's lock. Special values follow C99 Annex F: NaN arguments give NaN, {@code sin},
 * {@code cos} and {@code tan} of ±∞ are NaN, and the odd functions keep the sign of zero.
 *
 * <p>A provider needs a public no-argument constructor (or a public static {@code provider()} method on the
 * module path).
 */
public interface Float64Math {

    /**
     * The sine.
     *
     * @param x the angle in radians
     * @return sin x
     */
    double sin(double x);

    /**
     * The cosine.
     *
     * @param x the angle in radians
     * @return cos x
     */
    double cos(double x);

    /**
     * The tangent.
     *
     * @param x the angle in radians
     * @return tan x
     */
    double tan(double x);

    /**
     * Whether the three functions return, for every argument, the same double as glibc 2.36's
     * {@code libm.so.6} on x86-64 with FMA (its {@code __sin_fma}, {@code __cos_fma}, {@code __tan_fma}
     * builds), which is what PyTorch's CPU samplers compute on such a
     * machine. The library's own tests compare float64 samples bit for bit when this is true, and within a
     * few ulps when it is false.
     *
     * @return true only for an implementation that claims glibc's exact results; false by default
     */
    default boolean matchesGlibc() {
        return false;
    }

    /**
     * A short description of the implementation for diagnostics (which one the library picked).
     *
     * @return the implementation's name; its class name by default
     */
    default String name() {
        return getClass().getName();
    }
}
