package org.autograd4j.random;

/**
 * The double-precision elementary functions that PyTorch's CPU samplers call from the C library (glibc's
 * {@code log}, {@code sin}, {@code cos}, {@code tan}, {@code exp}), in one place so the choice of Java
 * implementation is made once.
 *
 * <p>Neither glibc's functions nor Java's are correctly rounded in every case, so their last bits can differ.
 * Measured on 100 000 arguments of the kind the samplers use (glibc 2.36, Temurin 25 on x86-64): HotSpot's
 * {@link Math} intrinsics differ from glibc in 0.1–0.25 % of results (log 0.09 %, sin 0.21 %, cos 0.18 %,
 * exp 0.24 %), {@link StrictMath} (fdlibm) in 3–10 % (log 7.3 %, sin 3.4 %, cos 3.3 %, exp 9.6 %); glibc
 * itself is not correctly rounded in about 0.1 % of them, so only a port of glibc's own algorithms and tables
 * could do better. Hence {@link Math}: a float64 sample then differs from PyTorch's by 1–2 ulp in a few per
 * thousand elements; float32 samples computed through double are almost never affected.
 */
final class Libm {

    private Libm() {
    }

    static double log(double x) {
        return Math.log(x);
    }

    static double sin(double x) {
        return Math.sin(x);
    }

    static double cos(double x) {
        return Math.cos(x);
    }

    static double tan(double x) {
        return Math.tan(x);
    }

    static double exp(double x) {
        return Math.exp(x);
    }
}
