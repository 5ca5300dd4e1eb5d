package org.autograd4j.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

import org.autograd4j.GoldenFile;
import org.autograd4j.spi.Float64Math;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link Libm}'s log, sin, cos, tan and exp against glibc 2.36 itself.
 *
 * <p>{@code goldens/libm.txt} (written by {@code tools/goldens/gen_libm.py} from the system
 * {@code libm.so.6}) holds 20 000 arguments per function: the kinds PyTorch's samplers pass (uniforms,
 * {@code 1 - u}, {@code 2 pi u}, ...), general ranges, the boundaries between the code paths, huge
 * arguments, subnormals and special values. What must match:
 * <ul>
 *   <li>with a provider that {@linkplain Float64Math#matchesGlibc() matches glibc} (the
 *       {@code autograd4j-glibc-math} artifact, whose test suite runs this class with it installed): all
 *       five, bit for bit;</li>
 *   <li>the built-in implementation ({@link BuiltinFloat64Math}, tested here whichever Libm uses): log and
 *       exp bit for bit (Arm's algorithms, which glibc uses); sin, cos and tan ({@link Math}) within
 *       {@link #MATH_MAX_ULPS} ulps, in at most {@link #MATH_MAX_FRACTION} of the arguments (measured on
 *       HotSpot x86-64: 30 sin, 33 cos, 74 tan of 20 000, all 1 ulp).</li>
 * </ul>
 * The larger check ({@code gen_libm.py --bulk N DIR}, 10 million arguments per function) runs only when
 * asked: {@code ./mvnw -pl core test -Dtest=LibmTest -Dlibm.bulk=DIR}.
 */
class LibmTest {

    /** How far java.lang.Math's sin, cos and tan may be from glibc's (each is within 1 ulp of the exact value). */
    static final long MATH_MAX_ULPS = 2;
    /**
     * The largest share of arguments in which they may differ: 0.4 % measured on HotSpot x86-64; 5 % leaves
     * room for a JVM whose Math is fdlibm (StrictMath differs in 2.8–3.7 %).
     */
    static final double MATH_MAX_FRACTION = 0.05;

    private static final List<String> NAMES = List.of("log", "sin", "cos", "tan", "exp");
    /** The functions the built-in implementation computes exactly as glibc does. */
    private static final Set<String> BUILTIN_EXACT = Set.of("log", "exp");

    /** The implementations under test: Libm (whatever it uses) and, unless that is it, the built-in one. */
    private static Map<String, Float64Math> implementations() {
        Map<String, Float64Math> m = new LinkedHashMap<>();
        m.put("Libm", new Float64Math() {
            @Override public double sin(double x) { return Libm.sin(x); }
            @Override public double cos(double x) { return Libm.cos(x); }
            @Override public double tan(double x) { return Libm.tan(x); }
            @Override public boolean matchesGlibc() { return Libm.matchesGlibc(); }
            @Override public String name() { return Libm.implementation(); }
        });
        if (!Libm.implementation().equals(BuiltinFloat64Math.INSTANCE.name())) {
            m.put("built-in", BuiltinFloat64Math.INSTANCE);
        }
        return m;
    }

    /** log and exp are the library's own (Arm's) whichever provider supplies sin, cos and tan. */
    private static DoubleUnaryOperator function(Float64Math m, String name) {
        return switch (name) {
            case "log" -> Libm::log;
            case "sin" -> m::sin;
            case "cos" -> m::cos;
            case "tan" -> m::tan;
            case "exp" -> Libm::exp;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static boolean exact(Float64Math m, String name) {
        return m.matchesGlibc() || BUILTIN_EXACT.contains(name);
    }

    @TestFactory
    Stream<DynamicTest> goldens() {
        Map<String, List<long[]>> cases = new LinkedHashMap<>();
        List<long[]> current = null;
        for (GoldenFile.Line line : GoldenFile.read("libm.txt").lines()) {
            if (line.startsWith("fn ")) {
                current = cases.computeIfAbsent(line.token(1), k -> new ArrayList<>());
                continue;
            }
            if (current == null) throw line.error("a case before the first fn line");
            current.add(new long[] {GoldenFile.bits(line.token(0)), GoldenFile.bits(line.token(1))});
        }
        assertEquals(NAMES, List.copyOf(cases.keySet()));
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Float64Math> impl : implementations().entrySet()) {
            for (Map.Entry<String, List<long[]>> e : cases.entrySet()) {
                String fn = e.getKey();
                tests.add(DynamicTest.dynamicTest(impl.getKey() + " " + fn, () -> {
                    List<long[]> pairs = e.getValue();
                    assertTrue(pairs.size() >= 20000, "too few cases: " + pairs.size());
                    check(impl.getValue(), fn, pairs.stream().mapToLong(p -> p[0]).toArray(),
                            pairs.stream().mapToLong(p -> p[1]).toArray());
                }));
            }
        }
        return tests.stream();
    }

    /**
     * Fails unless m's {@code fn} gives glibc's {@code y[i]} for each {@code x[i]}: bit for bit where
     * {@link #exact}, else within {@link #MATH_MAX_ULPS} in at most {@link #MATH_MAX_FRACTION} of them.
     */
    private static String check(Float64Math m, String fn, long[] x, long[] y) {
        DoubleUnaryOperator f = function(m, fn);
        boolean exact = exact(m, fn);
        long bad = 0;
        long worst = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            long u = ulps(f, x[i], y[i]);
            if (u == 0) continue;
            bad++;
            worst = Math.max(worst, u);
            if ((exact || u > MATH_MAX_ULPS) && first.length() < 1000) {
                first.append(describe(fn, f, x[i], y[i])).append('\n');
            }
        }
        String summary = fn + " (" + m.name() + "): " + bad + " of " + x.length + " differ from glibc"
                + (bad > 0 ? ", by up to " + worst + " ulp" : "");
        if (exact && bad > 0) {
            fail(summary + ", expected none:\n" + first);
        }
        if (!exact && (worst > MATH_MAX_ULPS || bad > MATH_MAX_FRACTION * x.length)) {
            fail(summary + ", allowed " + MATH_MAX_ULPS + " ulp in " + MATH_MAX_FRACTION * 100 + " %:\n" + first);
        }
        if (bad > 0) {
            System.out.println("[libm] " + summary);
        }
        return summary;
    }

    /** Special values: signed zeros, infinities and NaN, as glibc returns them (any NaN for NaN). */
    @Test
    void specialValues() {
        for (Float64Math m : implementations().values()) {
            double inf = Double.POSITIVE_INFINITY;
            assertBits(Double.NEGATIVE_INFINITY, Libm.log(0.0));
            assertBits(Double.NEGATIVE_INFINITY, Libm.log(-0.0));
            assertBits(0.0, Libm.log(1.0));
            assertBits(inf, Libm.log(inf));
            assertTrue(Double.isNaN(Libm.log(-1.0)));
            assertTrue(Double.isNaN(Libm.log(-inf)));
            assertTrue(Double.isNaN(Libm.log(Double.NaN)));
            for (DoubleUnaryOperator f : new DoubleUnaryOperator[] {m::sin, m::tan}) {
                assertBits(0.0, f.applyAsDouble(0.0));
                assertBits(-0.0, f.applyAsDouble(-0.0));
            }
            assertBits(1.0, m.cos(0.0));
            assertBits(1.0, m.cos(-0.0));
            for (DoubleUnaryOperator f : new DoubleUnaryOperator[] {m::sin, m::cos, m::tan}) {
                assertTrue(Double.isNaN(f.applyAsDouble(inf)));
                assertTrue(Double.isNaN(f.applyAsDouble(-inf)));
                assertTrue(Double.isNaN(f.applyAsDouble(Double.NaN)));
            }
            assertBits(1.0, Libm.exp(0.0));
            assertBits(1.0, Libm.exp(-0.0));
            assertBits(inf, Libm.exp(inf));
            assertBits(0.0, Libm.exp(-inf));
            assertBits(inf, Libm.exp(710.0));
            assertBits(0.0, Libm.exp(-746.0));
            assertBits(Double.MIN_VALUE, Libm.exp(-745.0));
            assertTrue(Double.isNaN(Libm.exp(Double.NaN)));
        }
    }

    /**
     * {@link ArmExp}'s table is a function of its index alone: entry k holds H = 2^(k/128) rounded to the
     * nearest double (less k &lt;&lt; 45 in its bits) and tail = (2^(k/128) − H)/H rounded, recomputed here
     * with 60 significant digits (2^(k/128) as a product of repeated square roots of 2).
     */
    @Test
    void expTableIsItsDefinition() {
        MathContext mc = new MathContext(60);
        BigDecimal[] root = new BigDecimal[8]; // root[j] = 2^(2^-j)
        root[0] = BigDecimal.TWO;
        for (int j = 1; j < root.length; j++) {
            root[j] = root[j - 1].sqrt(mc);
        }
        assertEquals(256, ArmExp.TABLE.length);
        for (int k = 0; k < 128; k++) {
            BigDecimal v = BigDecimal.ONE;
            for (int b = 0; b < 7; b++) {
                if ((k >> b & 1) != 0) {
                    v = v.multiply(root[7 - b], mc); // 2^(2^b / 128)
                }
            }
            double h = v.doubleValue();
            double tail = v.subtract(new BigDecimal(h)).divide(new BigDecimal(h), mc).doubleValue();
            assertEquals(Double.doubleToRawLongBits(tail), ArmExp.TABLE[2 * k], "tail " + k);
            assertEquals(Double.doubleToRawLongBits(h) - ((long) k << 45), ArmExp.TABLE[2 * k + 1], "scale " + k);
        }
    }

    /**
     * The large check: every {@code DIR/NAME.bin} ((argument, result) pairs of little-endian uint64 written by
     * {@code gen_libm.py --bulk}) must match as {@link #goldens()} requires.
     */
    @Test
    @EnabledIfSystemProperty(named = "libm.bulk", matches = ".+")
    void bulk() throws IOException {
        Path dir = Path.of(System.getProperty("libm.bulk"));
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, Float64Math> impl : implementations().entrySet()) {
            for (String fn : NAMES) {
                Path file = dir.resolve(fn + ".bin");
                if (!Files.exists(file)) {
                    continue;
                }
                try (FileChannel ch = FileChannel.open(file)) {
                    LongBuffer lb = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size())
                            .order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
                    int n = lb.limit() / 2;
                    long[] x = new long[n];
                    long[] y = new long[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = lb.get(2 * i);
                        y[i] = lb.get(2 * i + 1);
                    }
                    try {
                        System.out.println("[libm bulk] " + impl.getKey() + " " + check(impl.getValue(), fn, x, y));
                    } catch (AssertionError e) {
                        report.append(impl.getKey()).append(' ').append(e.getMessage()).append('\n');
                    }
                }
            }
        }
        if (!report.isEmpty()) {
            fail(report.toString());
        }
    }

    /** How many ulps f(x) is from y (raw bits); 0 for two NaNs. */
    private static long ulps(DoubleUnaryOperator f, long x, long y) {
        double r = f.applyAsDouble(Double.longBitsToDouble(x));
        return GoldenFile.ulps(y, Double.doubleToRawLongBits(r));
    }

    private static String describe(String name, DoubleUnaryOperator f, long x, long y) {
        double r = f.applyAsDouble(Double.longBitsToDouble(x));
        return name + "(" + Double.toHexString(Double.longBitsToDouble(x)) + ") = " + Double.toHexString(r)
                + ", glibc " + Double.toHexString(Double.longBitsToDouble(y));
    }

    private static void assertBits(double expected, double actual) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> "expected " + Double.toHexString(expected) + ", got " + Double.toHexString(actual));
    }
}
