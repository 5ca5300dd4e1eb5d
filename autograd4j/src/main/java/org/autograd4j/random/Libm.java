package org.autograd4j.random;

/**
 * The double-precision elementary functions that PyTorch's CPU samplers call from the C library (glibc's
 * {@code log}, {@code sin}, {@code cos}, {@code tan}, {@code exp}), in one place so the choice of Java
 * implementation is made once.
 *
 * <p>glibc's implementations are not correctly rounded in every case, and neither are Java's; both are
 * within 1 ulp and agree on the overwhelming majority of arguments. {@link StrictMath} (fdlibm) is used
 * because it is reproducible across JVMs and platforms, unlike {@link Math}, whose intrinsics may vary.
 * Where the two libraries disagree in the last bit, a float64 sample differs from PyTorch's in its last bit
 * (float32 samples computed through double are almost never affected); the goldens measure how often.
 */
final class Libm {

    private Libm() {
    }

    static double log(double x) {
        return StrictMath.log(x);
    }

    static double sin(double x) {
        return StrictMath.sin(x);
    }

    static double cos(double x) {
        return StrictMath.cos(x);
    }

    static double tan(double x) {
        return StrictMath.tan(x);
    }

    static double exp(double x) {
        return StrictMath.exp(x);
    }
}
