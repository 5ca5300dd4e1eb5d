package org.autograd4j.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.autograd4j.DType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks {@link TensorFormatter#repr} against reprs printed by PyTorch 1.13.1.
 *
 * <p>The goldens come from {@code tools/goldens/gen_printing.py}; see its docstring for the file format.
 */
class TensorFormatterGoldenTest {
    private static final String RESOURCE = "/goldens/printing.txt";

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

    static List<Case> load() throws IOException {
        InputStream in = TensorFormatterGoldenTest.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("missing test resource " + RESOURCE);
        }
        List<Case> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = null;
            List<String> values = new ArrayList<>();
            StringBuilder expected = new StringBuilder();
            for (String line = r.readLine(); ; line = r.readLine()) {
                if (line == null || line.startsWith("#case ")) {
                    if (header != null) {
                        cases.add(parse(header, values, expected.toString()));
                    }
                    if (line == null) {
                        break;
                    }
                    header = line;
                    values.clear();
                    expected.setLength(0);
                } else if (line.startsWith("v ")) {
                    for (String tok : line.substring(2).split(" ")) {
                        values.add(tok);
                    }
                } else if (line.startsWith("| ")) {
                    if (!expected.isEmpty()) {
                        expected.append('\n');
                    }
                    expected.append(line, 2, line.length());
                } else if (!line.isEmpty()) {
                    throw new IOException("bad golden line: " + line);
                }
            }
        }
        return cases;
    }

    private static Case parse(String header, List<String> values, String expected) {
        String dtypeName = field(header, "dtype");
        String shapeText = field(header, "shape");
        String inner = shapeText.substring(1, shapeText.length() - 1);
        long[] shape = inner.isEmpty() ? new long[0]
                : Stream.of(inner.split(",")).mapToLong(Long::parseLong).toArray();
        boolean rg = field(header, "rg").equals("1");
        String fn = field(header, "fn");
        int n = values.size();
        double[] doubles = null;
        long[] longs = null;
        boolean[] bools = null;
        DType dtype;
        switch (dtypeName) {
            case "float32" -> {
                dtype = DType.FLOAT32;
                doubles = new double[n];
                for (int i = 0; i < n; i++) {
                    doubles[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(values.get(i), 16));
                }
            }
            case "float64" -> {
                dtype = DType.FLOAT64;
                doubles = new double[n];
                for (int i = 0; i < n; i++) {
                    doubles[i] = Double.longBitsToDouble(Long.parseUnsignedLong(values.get(i), 16));
                }
            }
            case "int64" -> {
                dtype = DType.INT64;
                longs = values.stream().mapToLong(Long::parseLong).toArray();
            }
            case "bool" -> {
                dtype = DType.BOOL;
                bools = new boolean[n];
                for (int i = 0; i < n; i++) {
                    bools[i] = values.get(i).equals("1");
                }
            }
            default -> throw new IllegalArgumentException("unknown dtype in " + header);
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
    void enoughGoldens() throws IOException {
        assertTrue(load().size() >= 1500, "expected at least 1500 golden cases");
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() throws IOException {
        return load().stream().map(c -> DynamicTest.dynamicTest(c.header().substring(1),
                () -> assertEquals(c.expected(), c.actual(), c.header())));
    }
}
