/*
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
package org.autograd4j.glibcmath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

import org.autograd4j.math.BuiltinFloat64Math;
import org.autograd4j.spi.Float64Math;
import org.junit.jupiter.api.Test;

/**
 * The library's built-in sin, cos and tan ({@code java.lang.Math}) against these glibc ports: within 2 ulp, on the
 * arguments of core's {@code goldens/libm.txt} and on 1,000,000 more per function of the kinds the samplers
 * pass and of every magnitude.
 */
class BuiltinVersusGlibcTest {

    private static final Float64Math BUILTIN = new BuiltinFloat64Math();
    private static final Float64Math GLIBC = new GlibcFloat64Math();
    private static final int RANDOM_ARGUMENTS = 1_000_000;

    @Test
    void sinCosTanAreWithinTwoUlp() throws IOException {
        Map<String, List<Double>> golden = goldenArguments();
        for (String fn : List.of("sin", "cos", "tan")) {
            List<Double> xs = new ArrayList<>(golden.get(fn));
            xs.addAll(randomArguments(fn, new SplittableRandom(fn.hashCode())));
            long bad = 0;
            long worst = 0;
            for (double x : xs) {
                long u = ulps(f(BUILTIN, fn).applyAsDouble(x), f(GLIBC, fn).applyAsDouble(x));
                if (u != 0) {
                    bad++;
                    worst = Math.max(worst, u);
                }
            }
            System.out.println("[glibc-math] built-in " + fn + " (java.lang.Math): " + bad + " of " + xs.size()
                    + " differ from the glibc port, by up to " + worst + " ulp");
            assertTrue(worst <= 2, fn + ": " + worst + " ulp");
        }
    }

    private static DoubleUnaryOperator f(Float64Math m, String fn) {
        return switch (fn) {
            case "sin" -> m::sin;
            case "cos" -> m::cos;
            case "tan" -> m::tan;
            default -> throw new IllegalArgumentException(fn);
        };
    }

    /** Uniforms as the samplers make them, their transforms, and doubles of any magnitude (random bits). */
    private static List<Double> randomArguments(String fn, SplittableRandom r) {
        List<ToDoubleFunction<SplittableRandom>> kinds = new ArrayList<>();
        kinds.add(BuiltinVersusGlibcTest::u01);
        kinds.add(g -> Double.longBitsToDouble(g.nextLong())); // any double, NaN and infinities included
        switch (fn) {
            default -> {
                kinds.add(g -> 2.0 * Math.PI * u01(g));
                kinds.add(g -> Math.PI * (u01(g) - 0.5));
                kinds.add(g -> (u01(g) - 0.5) * 2e3);
            }
        }
        List<Double> xs = new ArrayList<>(RANDOM_ARGUMENTS);
        for (int i = 0; i < RANDOM_ARGUMENTS; i++) {
            xs.add(kinds.get(i % kinds.size()).applyAsDouble(r));
        }
        return xs;
    }

    private static double u01(SplittableRandom g) {
        return (g.nextLong() >>> 11) * 0x1p-53;
    }

    private static long ulps(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) return 0;
        long x = Double.doubleToRawLongBits(a);
        long y = Double.doubleToRawLongBits(b);
        x = x < 0 ? Long.MIN_VALUE - x : x;
        y = y < 0 ? Long.MIN_VALUE - y : y;
        return Math.abs(x - y);
    }

    /** The arguments of core's goldens/libm.txt, per function. */
    static Map<String, List<Double>> goldenArguments() throws IOException {
        Map<String, List<Double>> args = new LinkedHashMap<>();
        List<Double> current = null;
        for (String line : Files.readAllLines(goldens().resolve("libm.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith("fn ")) {
                current = args.computeIfAbsent(line.substring(3).trim(), k -> new ArrayList<>());
                continue;
            }
            current.add(Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, line.indexOf(' ')), 16)));
        }
        assertEquals(List.of("log", "sin", "cos", "tan", "exp"), List.copyOf(args.keySet()));
        return args;
    }

    /** core's goldens folder: the surefire property, else relative to this module or the repository root. */
    private static Path goldens() {
        String p = System.getProperty("autograd4j.goldens");
        if (p != null) return Path.of(p);
        Path here = Path.of("../core/src/test/resources/goldens");
        return Files.isDirectory(here) ? here : Path.of("core/src/test/resources/goldens");
    }
}
