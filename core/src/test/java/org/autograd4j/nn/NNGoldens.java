package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.autograd4j.Tensor;

/**
 * goldens/nn.txt (tools/goldens/gen_nn.py) and goldens/nn_conv.txt (tools/goldens/gen_nn_conv.py), PyTorch 1.13.1:
 * exact tensors and texts by key, one key space over both files.
 */
final class NNGoldens {
    private static final Map<String, String> LINES = load();

    private NNGoldens() {
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        for (String file : new String[] {"/goldens/nn.txt", "/goldens/nn_conv.txt"}) {
            try (var in = NNGoldens.class.getResourceAsStream(file);
                 var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("#") || line.isEmpty()) continue;
                    int tab = line.indexOf('\t');
                    if (m.put(line.substring(0, tab), line.substring(tab + 1)) != null) {
                        throw new IllegalStateException(file + ": key " + line.substring(0, tab) + " twice");
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    private static String raw(String key) {
        String v = LINES.get(key);
        assertNotNull(v, "no golden " + key);
        return v;
    }

    /** The text of a string golden (a JSON string literal). */
    static String text(String key) {
        String s = raw(key);
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }

    /** The golden tensor itself (an input PyTorch drew). */
    static Tensor tensor(String key) {
        String[] parts = raw(key).split(" ");
        long[] shape = parts[1].equals("-") ? new long[0]
                : java.util.Arrays.stream(parts[1].split("x")).mapToLong(Long::parseLong).toArray();
        double[] v = new double[parts.length - 2];
        for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(parts[i + 2]);
        org.autograd4j.DType dt = switch (parts[0]) {
            case "float32" -> org.autograd4j.DType.FLOAT32;
            case "float64" -> org.autograd4j.DType.FLOAT64;
            default -> org.autograd4j.DType.INT64;
        };
        if (dt == org.autograd4j.DType.INT64) {
            long[] l = new long[v.length];
            for (int i = 0; i < l.length; i++) l[i] = (long) v[i];
            return org.autograd4j.Torch.tensor(l).reshape(shape);
        }
        return org.autograd4j.Torch.tensor(v, dt).reshape(shape);
    }

    /** Asserts that t has the golden's dtype, shape and exact values. */
    static void assertTensor(String key, Tensor t) {
        assertTensor(key, t, 0);
    }

    /** Asserts that t has the golden's dtype and shape, and values within maxUlps units in the last place. */
    static void assertTensor(String key, Tensor t, int maxUlps) {
        assertTensor(key, t, maxUlps, false);
    }

    /**
     * As {@link #assertTensor(String, Tensor, int)}; when scaled, the ulps are those of max(1, the largest
     * |expected|), as OpGoldenTest compares results whose rounding happens on larger intermediate terms.
     */
    static void assertTensor(String key, Tensor t, int maxUlps, boolean scaled) {
        String[] parts = raw(key).split(" ");
        assertEquals("torch." + parts[0], t.dtype().toString(),
                key + " dtype");
        long[] shape = parts[1].equals("-") ? new long[0]
                : java.util.Arrays.stream(parts[1].split("x")).mapToLong(Long::parseLong).toArray();
        assertArrayEquals(shape, t.shape(), key + " shape");
        double[] want = new double[parts.length - 2];
        for (int i = 0; i < want.length; i++) want[i] = Double.parseDouble(parts[i + 2]);
        double[] got = t.detach().toDoubleArray();
        assertEquals(want.length, got.length, key + " numel");
        double big = 1;
        for (double w : want) big = Math.max(big, Math.abs(w));
        for (int i = 0; i < want.length; i++) {
            boolean f32 = t.dtype() == org.autograd4j.DType.FLOAT32;
            double ref = scaled ? big : want[i];
            double ulp = f32 ? Math.ulp((float) ref) : Math.ulp(ref);
            boolean same = Double.doubleToLongBits(want[i]) == Double.doubleToLongBits(got[i])
                    || (maxUlps > 0 && Math.abs(want[i] - got[i]) <= maxUlps * ulp);
            if (!same) {
                throw new AssertionError(key + "[" + i + "]: expected " + want[i] + " but was " + got[i]
                        + "\n all: " + java.util.Arrays.toString(got));
            }
        }
    }
}
