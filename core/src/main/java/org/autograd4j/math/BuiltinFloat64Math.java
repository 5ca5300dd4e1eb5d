package org.autograd4j.math;

import org.autograd4j.spi.Float64Math;

/**
 * The library's own {@link Float64Math}, which {@link Libm} uses when no provider is installed:
 * <ul>
 *   <li>{@code sin}, {@code cos}, {@code tan}: {@link Math}. glibc's are IBM's Accurate Mathematical Library
 *       (LGPL), which the optional {@code autograd4j-glibc-math} ports. On HotSpot x86-64, {@code Math}'s
 *       intrinsics differ from glibc 2.36 in 0.2 % (sin, cos on 2π·u) and 0.43 % (tan on π·(u − ½)) of the
 *       samplers' arguments, by 1 ulp (5 million uniforms u per function; 0.15–0.37 % of the 20 000
 *       arguments per function of {@code goldens/libm.txt}, all 1 ulp). {@link StrictMath} (fdlibm) is
 *       reproducible on every platform but differs from glibc in 2.8–3.7 % of them, so {@code Math} it
 *       is; both are within 1 ulp of the exact result, as glibc is, so they differ from it by at most
 *       2 ulp.</li>
 * </ul>
 */
public final class BuiltinFloat64Math implements Float64Math {

    /** The one instance {@link Libm} uses. */
    static final BuiltinFloat64Math INSTANCE = new BuiltinFloat64Math();

    /** For {@link Libm} and tests; the library uses {@link #INSTANCE}. */
    public BuiltinFloat64Math() {
    }

    @Override
    public double sin(double x) {
        return Math.sin(x);
    }

    @Override
    public double cos(double x) {
        return Math.cos(x);
    }

    @Override
    public double tan(double x) {
        return Math.tan(x);
    }

    /** False: sin, cos and tan are {@link Math}'s, which differ from glibc's in the last bit now and then. */
    @Override
    public boolean matchesGlibc() {
        return false;
    }

    @Override
    public String name() {
        return "autograd4j built-in (sin, cos, tan: java.lang.Math; log, exp: Arm optimized-routines, glibc-exact)";
    }
}
