package org.autograd4j.math;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.autograd4j.spi.Float64Math;

/**
 * The double-precision elementary functions that PyTorch's CPU samplers call from the C library (glibc's
 * {@code log}, {@code sin}, {@code cos}, {@code tan}, {@code exp}), in one place: every sampler calls these.
 * {@code log} and {@code exp} are {@link ArmLog} and {@link ArmExp} (Arm's optimized-routines algorithms,
 * which glibc uses: its bits); {@code sin}, {@code cos} and {@code tan} call the {@link Float64Math} chosen
 * once, when this class initialises.
 *
 * <p>The choice: the first provider {@link ServiceLoader} finds (module path: a module that
 * {@code provides org.autograd4j.spi.Float64Math}; class path: {@code META-INF/services}), else
 * {@link BuiltinFloat64Math}. Neither glibc's functions nor Java's are correctly rounded in every case, so
 * their last bits can differ, and PyTorch's float64 samples are glibc's:
 * <ul>
 *   <li>with the optional artifact {@code org.autograd4j:autograd4j-glibc-math} (LGPL-2.1-or-later, pure-Java
 *       ports of glibc 2.36's sin, cos and tan with the fused multiply-adds of its x86-64 FMA build) on the
 *       path, all five are bit-identical to glibc 2.36, and so float64 samples to PyTorch's
 *       ({@link #matchesGlibc()} is true);</li>
 *   <li>without it, sin, cos and tan are {@link Math}'s, 1 ulp off glibc's
 *       for about 0.2 % (sin, cos) and 0.4 % (tan) of the samplers' arguments (see
 *       {@link BuiltinFloat64Math}).</li>
 * </ul>
 * A provider that fails to load is skipped with a warning on the {@code org.autograd4j.math.Libm}
 * {@link System.Logger}; nothing is logged otherwise, and the calls below only delegate (the JIT inlines them
 * through the constant field).
 */
public final class Libm {

    private static final Float64Math IMPL = load();

    private Libm() {
    }

    private static Float64Math load() {
        Iterator<Float64Math> it = ServiceLoader.load(Float64Math.class).iterator();
        for (int errors = 0; errors < 8; ) {
            try {
                return it.hasNext() ? it.next() : BuiltinFloat64Math.INSTANCE;
            } catch (ServiceConfigurationError e) {
                errors++;
                System.getLogger(Libm.class.getName()).log(System.Logger.Level.WARNING,
                        "skipping a " + Float64Math.class.getName() + " provider that failed to load", e);
            }
        }
        return BuiltinFloat64Math.INSTANCE;
    }

    /**
     * Whether these functions return exactly glibc 2.36's results (x86-64, FMA build), so that float64
     * samples are bit-identical to PyTorch's: true when the provider in use says so
     * ({@link Float64Math#matchesGlibc()}; {@code autograd4j-glibc-math}'s does), false for the built-in one.
     *
     * @return whether the functions in use match glibc bit for bit
     */
    public static boolean matchesGlibc() {
        return IMPL.matchesGlibc();
    }

    /**
     * The implementation in use, for diagnostics.
     *
     * @return its {@link Float64Math#name()}
     */
    public static String implementation() {
        return IMPL.name();
    }

    /**
     * The natural logarithm, glibc's {@code log(double)} ({@code std::log} in ATen's CPU kernels): ln x,
     * −∞ for ±0, NaN for x &lt; 0 or NaN, +∞ for +∞.
     *
     * @param x the argument
     * @return ln x, the same double glibc 2.36 returns (with either implementation)
     */
    public static double log(double x) {
        return ArmLog.log(x);
    }

    /**
     * The sine, glibc's {@code sin(double)} ({@code std::sin}): NaN for ±∞ or NaN, −0 for −0.
     *
     * @param x the angle in radians
     * @return sin x, the same double glibc 2.36 returns if {@link #matchesGlibc()}, else within 2 ulp of it
     */
    public static double sin(double x) {
        return IMPL.sin(x);
    }

    /**
     * The cosine, glibc's {@code cos(double)} ({@code std::cos}): NaN for ±∞ or NaN.
     *
     * @param x the angle in radians
     * @return cos x, the same double glibc 2.36 returns if {@link #matchesGlibc()}, else within 2 ulp of it
     */
    public static double cos(double x) {
        return IMPL.cos(x);
    }

    /**
     * The tangent, glibc's {@code tan(double)} ({@code std::tan}): NaN for ±∞ or NaN, −0 for −0.
     *
     * @param x the angle in radians
     * @return tan x, the same double glibc 2.36 returns if {@link #matchesGlibc()}, else within 2 ulp of it
     */
    public static double tan(double x) {
        return IMPL.tan(x);
    }

    /**
     * The exponential, glibc's {@code exp(double)} ({@code std::exp}): eˣ, +∞ on overflow (x &gt; ~709.78),
     * subnormal or 0 on underflow.
     *
     * @param x the argument
     * @return eˣ, the same double glibc 2.36 returns (with either implementation)
     */
    public static double exp(double x) {
        return ArmExp.exp(x);
    }
}
