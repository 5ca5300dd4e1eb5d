package org.autograd4j.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

import org.autograd4j.GoldenFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link Libm}'s ports of glibc's log, sin, cos, tan and exp against glibc 2.36 itself, bit for bit.
 *
 * <p>{@code goldens/libm.txt} (written by {@code tools/goldens/gen_libm.py} from the system
 * {@code libm.so.6}) holds 20 000 arguments per function: the kinds PyTorch's samplers pass (uniforms,
 * {@code 1 - u}, {@code 2 pi u}, ...), general ranges, the boundaries between the code paths, huge
 * arguments, subnormals and special values. The larger check ({@code gen_libm.py --bulk N DIR}, 10 million
 * arguments per function) runs only when asked:
 * {@code ./mvnw -pl core test -Dtest=LibmTest -Dlibm.bulk=DIR}.
 */
class LibmTest {

    private static final Map<String, DoubleUnaryOperator> FUNCTIONS = new LinkedHashMap<>();

    static {
        FUNCTIONS.put("log", Libm::log);
        FUNCTIONS.put("sin", Libm::sin);
        FUNCTIONS.put("cos", Libm::cos);
        FUNCTIONS.put("tan", Libm::tan);
        FUNCTIONS.put("exp", Libm::exp);
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
        assertEquals(FUNCTIONS.keySet(), cases.keySet());
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            DoubleUnaryOperator f = FUNCTIONS.get(e.getKey());
            List<long[]> pairs = e.getValue();
            assertTrue(pairs.size() >= 20000, "too few cases: " + pairs.size());
            int bad = 0;
            StringBuilder first = new StringBuilder();
            for (long[] p : pairs) {
                if (!same(f, p[0], p[1])) {
                    if (bad++ < 5) {
                        first.append(describe(e.getKey(), f, p[0], p[1])).append('\n');
                    }
                }
            }
            if (bad > 0) {
                fail(bad + " of " + pairs.size() + " " + e.getKey() + " results differ from glibc:\n" + first);
            }
        }));
    }

    /** Special values: signed zeros, infinities and NaN, as glibc returns them (any NaN for NaN). */
    @Test
    void specialValues() {
        double inf = Double.POSITIVE_INFINITY;
        assertBits(Double.NEGATIVE_INFINITY, Libm.log(0.0));
        assertBits(Double.NEGATIVE_INFINITY, Libm.log(-0.0));
        assertBits(0.0, Libm.log(1.0));
        assertBits(inf, Libm.log(inf));
        assertTrue(Double.isNaN(Libm.log(-1.0)));
        assertTrue(Double.isNaN(Libm.log(-inf)));
        assertTrue(Double.isNaN(Libm.log(Double.NaN)));
        for (DoubleUnaryOperator f : new DoubleUnaryOperator[] {Libm::sin, Libm::tan}) {
            assertBits(0.0, f.applyAsDouble(0.0));
            assertBits(-0.0, f.applyAsDouble(-0.0));
        }
        assertBits(1.0, Libm.cos(0.0));
        assertBits(1.0, Libm.cos(-0.0));
        for (DoubleUnaryOperator f : new DoubleUnaryOperator[] {Libm::sin, Libm::cos, Libm::tan}) {
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

    /**
     * The large check: every {@code DIR/NAME.bin} ((argument, result) pairs of little-endian uint64 written by
     * {@code gen_libm.py --bulk}) must match bit for bit.
     */
    @Test
    @EnabledIfSystemProperty(named = "libm.bulk", matches = ".+")
    void bulk() throws IOException {
        Path dir = Path.of(System.getProperty("libm.bulk"));
        StringBuilder report = new StringBuilder();
        int failures = 0;
        for (Map.Entry<String, DoubleUnaryOperator> e : FUNCTIONS.entrySet()) {
            Path file = dir.resolve(e.getKey() + ".bin");
            if (!Files.exists(file)) {
                continue;
            }
            try (FileChannel ch = FileChannel.open(file)) {
                LongBuffer lb = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size())
                        .order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
                long n = lb.limit() / 2;
                long bad = 0;
                for (int i = 0; i < n; i++) {
                    long x = lb.get(2 * i);
                    long y = lb.get(2 * i + 1);
                    if (!same(e.getValue(), x, y)) {
                        if (bad++ < 5) {
                            report.append(describe(e.getKey(), e.getValue(), x, y)).append('\n');
                        }
                    }
                }
                System.out.println("[libm bulk] " + e.getKey() + ": " + (n - bad) + " of " + n + " bit-identical");
                failures += bad > 0 ? 1 : 0;
            }
        }
        if (failures > 0) {
            fail(report.toString());
        }
    }

    private static boolean same(DoubleUnaryOperator f, long x, long y) {
        double r = f.applyAsDouble(Double.longBitsToDouble(x));
        return Double.doubleToRawLongBits(r) == y || (Double.isNaN(r) && Double.isNaN(Double.longBitsToDouble(y)));
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
