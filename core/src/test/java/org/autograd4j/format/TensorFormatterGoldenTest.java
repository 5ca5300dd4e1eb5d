package org.autograd4j.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks {@link TensorFormatter#repr} against reprs printed by PyTorch 1.13.1.
 *
 * <p>The goldens come from {@code tools/goldens/gen_printing.py}; see its docstring for the file format.
 */
class TensorFormatterGoldenTest {
    /** One golden: the tensor (values stored exactly) and PyTorch's repr of it. */
    record Case(String header, long[] shape, DType dtype, double[] doubles, long[] longs, boolean[] bools,
                String gradFn, boolean requiresGrad, String expected) implements Elements {
        @Override
        public double getDouble(long i) {
            return doubles[Math.toIntExact(i)];
        }

        @Override
        public long getLong(long i) {
            return longs[Math.toIntExact(i)];
        }

        @Override
        public boolean getBool(long i) {
            return bools[Math.toIntExact(i)];
        }

        String actual() {
            return TensorFormatter.repr(shape, dtype, this, gradFn, requiresGrad);
        }
    }

    static List<Case> load() {
        List<Case> cases = new ArrayList<>();
        String header = null;
        List<String> values = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        for (GoldenFile.Line line : GoldenFile.read("printing.txt", "#case ").lines()) {
            if (line.startsWith("#case ")) {
                if (header != null) {
                    cases.add(parse(header, values, expected.toString()));
                }
                header = line.text();
                values.clear();
                expected.setLength(0);
            } else if (line.startsWith("v ")) {
                values.addAll(List.of(line.tokens()).subList(1, line.tokens().length));
            } else if (line.startsWith("| ")) {
                if (!expected.isEmpty()) {
                    expected.append('\n');
                }
                expected.append(line.rest(1));
            } else {
                throw line.error("bad golden line");
            }
        }
        if (header != null) {
            cases.add(parse(header, values, expected.toString()));
        }
        return cases;
    }

    private static Case parse(String header, List<String> values, String expected) {
        DType dtype = GoldenFile.dtype(field(header, "dtype"));
        long[] shape = GoldenFile.shape(field(header, "shape"));
        boolean rg = GoldenFile.bool(field(header, "rg"));
        String fn = field(header, "fn");
        int n = values.size();
        double[] doubles = null;
        long[] longs = null;
        boolean[] bools = null;
        switch (dtype) {
            case FLOAT32, FLOAT64 -> {
                doubles = new double[n];
                for (int i = 0; i < n; i++) {
                    doubles[i] = GoldenFile.value(dtype, values.get(i));
                }
            }
            case INT64 -> longs = values.stream().mapToLong(GoldenFile::int64).toArray();
            case BOOL -> {
                bools = new boolean[n];
                for (int i = 0; i < n; i++) {
                    bools[i] = GoldenFile.bool(values.get(i));
                }
            }
        }
        return new Case(header, shape, dtype, doubles, longs, bools, fn.equals("-") ? null : fn, rg, expected);
    }

    private static String field(String header, String key) {
        for (String tok : header.split(" ")) {
            if (tok.startsWith(key + "=")) {
                return tok.substring(key.length() + 1);
            }
        }
        throw new IllegalArgumentException("no " + key + " in " + header);
    }

    @Test
    void enoughGoldens() {
        assertTrue(load().size() >= 1500, "expected at least 1500 golden cases");
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        return load().stream().map(c -> DynamicTest.dynamicTest(c.header().substring(1),
                () -> assertEquals(c.expected(), c.actual(), c.header())));
    }
}
