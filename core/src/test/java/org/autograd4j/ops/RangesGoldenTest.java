package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code linspace} and {@code arange} bit for bit against PyTorch 1.13.1 ({@code goldens/ranges.txt}, from
 * {@code tools/goldens/gen_ranges.py}): float32, float64 and int64, many (start, end, steps) cases; the long ones
 * (up to 32768 elements) by the SHA-256 of their values.
 */
class RangesGoldenTest {
    private static double d(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    private static DType dtype(String name) {
        return switch (name) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            default -> DType.INT64;
        };
    }

    /** The elements in the golden's notation: float bits in hex, int64 in decimal. */
    private static List<String> bits(Tensor t) {
        List<String> r = new ArrayList<>();
        switch (t.dtype()) {
            case FLOAT32 -> {
                for (float v : t.toFloatArray()) r.add(String.format("%08x", Float.floatToRawIntBits(v)));
            }
            case FLOAT64 -> {
                for (double v : t.toDoubleArray()) r.add(String.format("%016x", Double.doubleToRawLongBits(v)));
            }
            default -> {
                for (long v : t.toLongArray()) r.add(Long.toString(v));
            }
        }
        return r;
    }

    @TestFactory
    Stream<DynamicTest> everyRangeHasPyTorchsBits() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenFile.Line line : GoldenFile.read("ranges.txt").lines()) {
            String[] sides = line.text().split(" : ", -1);
            String[] h = sides[0].split(" ");
            List<String> expected = sides[1].isEmpty() ? List.of() : List.of(sides[1].split(" "));
            DType dt = dtype(h[1]);
            tests.add(DynamicTest.dynamicTest(sides[0], () -> {
                Tensor t;
                if (h[0].equals("linspace")) {
                    t = Torch.linspace(d(h[2]), d(h[3]), Long.parseLong(h[4]), dt);
                } else if (dt == DType.INT64) {
                    t = Torch.arange(Long.parseLong(h[2]), Long.parseLong(h[3]), Long.parseLong(h[4]));
                } else {
                    t = Torch.arange(d(h[2]), d(h[3]), d(h[4]), dt);
                }
                assertEquals(dt, t.dtype());
                List<String> got = bits(t);
                if (expected.size() == 1 && expected.get(0).startsWith("sha256=")) {
                    byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
                            .digest(String.join(" ", got).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    assertEquals(expected.get(0), "sha256=" + java.util.HexFormat.of().formatHex(sha));
                    return;
                }
                assertEquals(expected.size(), got.size(), "length");
                int bad = 0, first = -1;
                for (int i = 0; i < got.size(); i++) {
                    if (!got.get(i).equals(expected.get(i))) {
                        if (first < 0) first = i;
                        bad++;
                    }
                }
                String where = "elements differ from PyTorch, first at " + first;
                assertEquals(0, bad, where);
            }));
        }
        return tests.stream();
    }
}
