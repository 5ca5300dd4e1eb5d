package org.autograd4j.math;

/**
 * The double-precision elementary functions that PyTorch's CPU samplers call from the C library (glibc's
 * {@code log}, {@code sin}, {@code cos}, {@code tan}, {@code exp}), in one place.
 *
 * <p>Neither glibc's functions nor Java's are correctly rounded in every case, so their last bits can differ:
 * HotSpot's {@link Math} intrinsics differ from glibc 2.36 in 0.07–0.4 % of results (measured on 10 million
 * arguments per function of the kinds the samplers use and wider ranges: log 0.07 %, sin 0.19 %, cos 0.19 %,
 * exp 0.16 %, tan 0.42 %), {@link StrictMath} (fdlibm) in 3–10 %. So each function here is a pure-Java port
 * of glibc's own algorithm, constants and tables, bit-identical to glibc 2.36 on x86-64 (no difference in
 * those 10 million arguments per function nor in 4 million more around the functions' internal boundaries,
 * against the system {@code libm.so.6}; {@code LibmTest} checks 20 000 arguments per function on every build):
 * <ul>
 *   <li>{@code log}: {@code GlibcLog}, from {@code sysdeps/ieee754/dbl-64/e_log.c} (ARM optimized-routines
 *       algorithm);</li>
 *   <li>{@code sin}, {@code cos}: {@code GlibcSinCos}, from {@code sysdeps/ieee754/dbl-64/s_sin.c} and
 *       {@code branred.c} (IBM Accurate Mathematical Library);</li>
 *   <li>{@code tan}: {@code GlibcTan}, from {@code sysdeps/ieee754/dbl-64/s_tan.c} (IBM);</li>
 *   <li>{@code exp}: {@code GlibcExp}, from {@code sysdeps/ieee754/dbl-64/e_exp.c} (ARM
 *       optimized-routines algorithm).</li>
 * </ul>
 * glibc on x86-64 selects, at load time, a build of each of these compiled with {@code -mfma -mavx2} where
 * the CPU has FMA and AVX2 (every x86-64 CPU PyTorch's AVX2 kernels run on); GCC contracts some
 * {@code a * b + c} into fused multiply-adds there, which changes last bits, so the ports reproduce that
 * build ({@code __log_fma}, {@code __sin_fma}, ...) with {@link Math#fma} exactly where its machine code has
 * a fused instruction. On a CPU without FMA glibc's SSE2 build can differ from these in the last bit.
 *
 * <p>These files are translations of glibc code and data and are under glibc's license, the GNU Lesser
 * General Public License 2.1 or later (see each file's header).
 */
public final class Libm {

    private Libm() {
    }

    /**
     * The natural logarithm, glibc's {@code log(double)} ({@code std::log} in ATen's CPU kernels): ln x,
     * −∞ for ±0, NaN for x &lt; 0 or NaN, +∞ for +∞.
     *
     * @param x the argument
     * @return ln x, the same double glibc 2.36 returns
     */
    public static double log(double x) {
        return GlibcLog.log(x);
    }

    /**
     * The sine, glibc's {@code sin(double)} ({@code std::sin}): NaN for ±∞ or NaN, −0 for −0.
     *
     * @param x the angle in radians
     * @return sin x, the same double glibc 2.36 returns
     */
    public static double sin(double x) {
        return GlibcSinCos.sin(x);
    }

    /**
     * The cosine, glibc's {@code cos(double)} ({@code std::cos}): NaN for ±∞ or NaN.
     *
     * @param x the angle in radians
     * @return cos x, the same double glibc 2.36 returns
     */
    public static double cos(double x) {
        return GlibcSinCos.cos(x);
    }

    /**
     * The tangent, glibc's {@code tan(double)} ({@code std::tan}): NaN for ±∞ or NaN, −0 for −0.
     *
     * @param x the angle in radians
     * @return tan x, the same double glibc 2.36 returns
     */
    public static double tan(double x) {
        return GlibcTan.tan(x);
    }

    /**
     * The exponential, glibc's {@code exp(double)} ({@code std::exp}): eˣ, +∞ on overflow (x &gt; ~709.78),
     * subnormal or 0 on underflow.
     *
     * @param x the argument
     * @return eˣ, the same double glibc 2.36 returns
     */
    public static double exp(double x) {
        return GlibcExp.exp(x);
    }
}
