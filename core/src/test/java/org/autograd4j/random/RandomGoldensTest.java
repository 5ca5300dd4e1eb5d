package org.autograd4j.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays {@code goldens/random.txt} (written by {@code tools/goldens/gen_random.py} from PyTorch 1.13.1) on
 * one {@link Generator} and compares every value bit for bit. The commands run in file order (sequences
 * depend on the state the previous command left); each compared line becomes one dynamic test.
 */
class RandomGoldensTest {

    private record Outcome(int line, String command, long[] expected, long[] actual) {
    }

    @TestFactory
    Stream<DynamicTest> goldens() throws IOException {
        List<String> lines = readGoldens();
        Generator g = new Generator();
        List<Outcome> outcomes = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("seed ")) {
                g.manualSeed(Long.parseUnsignedLong(line.substring(5).trim()));
                continue;
            }
            if (line.startsWith("loadstate ")) {
                g.setState(HexFormat.of().parseHex(line.substring(10).trim()));
                continue;
            }
            int eq = line.indexOf(" = ");
            String cmd = line.substring(0, eq);
            String[] vals = line.substring(eq + 3).trim().split(" ");
            long[] actual = execute(g, cmd.split(" "));
            long[] expected;
            if (cmd.equals("state")) {
                expected = bytesToLongs(HexFormat.of().parseHex(vals[0]));
            } else if (cmd.startsWith("initial_seed") || cmd.startsWith("default_generator_seed")) {
                expected = new long[] {Long.parseUnsignedLong(vals[0])};
            } else {
                expected = new long[vals.length];
                for (int i = 0; i < vals.length; i++) {
                    expected[i] = Long.parseUnsignedLong(vals[i], 16);
                }
            }
            outcomes.add(new Outcome(ln + 1, cmd, expected, actual));
        }
        assertTrue(outcomes.size() > 900, "too few golden cases: " + outcomes.size());
        return outcomes.stream().map(o -> DynamicTest.dynamicTest(
                "line " + o.line() + ": " + o.command(), () -> compare(o)));
    }

    /**
     * Whether a command's values go through the C library's double log/sin/cos/tan/exp ({@link Libm}): float64
     * normal (both paths), float32 normal on the scalar path, exponential, log-normal, Cauchy, geometric.
     * {@link Libm} ports glibc's own algorithms, so those too must be bit-identical; the flag only adds a hint
     * to the failure message.
     */
    static boolean usesLibm(String[] a) {
        return switch (a[0]) {
            case "randn", "normal" -> a[1].equals("f64") || Integer.parseInt(a[2]) < Sampling.NORMAL_FILL_MIN
                    || (a[0].equals("normal") && a[5].equals("0"));
            case "exponential", "lognormal", "cauchy", "geometric" -> true;
            default -> false;
        };
    }

    private static void compare(Outcome o) {
        compareBits(o.line(), o.command(), o.expected(), o.actual(), usesLibm(o.command().split(" ")));
    }

    /**
     * Fails unless {@code actual} equals {@code expected} bit for bit. {@code libm}: the values go through
     * {@link Libm} (named in the message; see {@code LibmTest} for the ports' own check against glibc).
     */
    static void compareBits(int line, String command, long[] expected, long[] actual, boolean libm) {
        assertEquals(expected.length, actual.length, "length");
        int bad = 0;
        int first = -1;
        long maxUlp = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                if (first < 0) {
                    first = i;
                }
                bad++;
                maxUlp = Math.max(maxUlp, Math.abs(expected[i] - actual[i]));
            }
        }
        if (bad == 0) {
            return;
        }
        String msg = bad + " of " + expected.length + " values differ (max " + maxUlp + " ulp); first at " + first + ": expected "
                + Long.toHexString(expected[first]) + ", got " + Long.toHexString(actual[first]);
        fail(libm ? msg + " (values computed through Libm's glibc ports)" : msg);
    }

    /** Runs one golden command and returns its values as raw bits. */
    static long[] execute(Generator g, String[] a) {
        String op = a[0];
        switch (op) {
            case "initial_seed": {
                return new long[] {new Generator(Long.parseUnsignedLong(a[1])).initialSeed()};
            }
            case "default_generator_seed":
                return new long[] {new Generator().initialSeed()};
            case "state":
                return bytesToLongs(g.getState());
            case "randperm": {
                int n = Integer.parseInt(a[1]);
                long[] out = new long[n];
                Sampling.randperm(g, out, 0, n);
                return out;
            }
            case "linear": {
                int in = Integer.parseInt(a[1]);
                int outF = Integer.parseInt(a[2]);
                float[] w = new float[in * outF];
                float[] b = new float[outF];
                Init.linear(g, w, b, new long[] {outF, in});
                float[] both = new float[w.length + b.length];
                System.arraycopy(w, 0, both, 0, w.length);
                System.arraycopy(b, 0, both, w.length, b.length);
                return bits(both);
            }
            case "kaiming_uniform", "kaiming_normal", "xavier_uniform", "xavier_normal": {
                long[] shape = parseShape(a[1]);
                int n = 1;
                for (long s : shape) {
                    n *= (int) s;
                }
                float[] out = new float[n];
                double p = Double.parseDouble(a[2]);
                switch (op) {
                    case "kaiming_uniform" -> Init.kaimingUniform(g, out, 0, shape, p, a[3], a[4]);
                    case "kaiming_normal" -> Init.kaimingNormal(g, out, 0, shape, p, a[3], a[4]);
                    case "xavier_uniform" -> Init.xavierUniform(g, out, 0, shape, p);
                    default -> Init.xavierNormal(g, out, 0, shape, p);
                }
                return bits(out);
            }
            case "multinomial": {
                String dt = a[1];
                boolean zeros = a[2].equals("zeros");
                int rows = Integer.parseInt(a[3]);
                int cats = Integer.parseInt(a[4]);
                int k = Integer.parseInt(a[5]);
                boolean repl = a[6].equals("1");
                long[] out = new long[rows * k];
                if (dt.equals("f32")) {
                    float[] w = new float[rows * cats];
                    for (int i = 0; i < w.length; i++) {
                        w[i] = zeros ? (i * 7) % 5 : (i * 7) % 13 + 1;
                    }
                    Sampling.multinomial(g, w, 0, rows, cats, k, repl, out, 0);
                } else {
                    double[] w = new double[rows * cats];
                    for (int i = 0; i < w.length; i++) {
                        w[i] = zeros ? (i * 7) % 5 : (i * 7) % 13 + 1;
                    }
                    Sampling.multinomial(g, w, 0, rows, cats, k, repl, out, 0);
                }
                return out;
            }
            default:
                break;
        }
        String dt = a[1];
        int n = Integer.parseInt(a[2]);
        if (op.equals("randint")) {
            long lo = Long.parseLong(a[3]);
            long hi = Long.parseLong(a[4]);
            switch (dt) {
                case "i64": {
                    long[] out = new long[n];
                    Sampling.randint(g, out, 0, n, lo, hi);
                    return out;
                }
                case "i32": {
                    int[] out = new int[n];
                    Sampling.randint(g, out, 0, n, lo, hi);
                    long[] r = new long[n];
                    for (int i = 0; i < n; i++) {
                        r[i] = out[i];
                    }
                    return r;
                }
                case "f32": {
                    float[] out = new float[n];
                    Sampling.randint(g, out, 0, n, lo, hi);
                    return bits(out);
                }
                default: {
                    double[] out = new double[n];
                    Sampling.randint(g, out, 0, n, lo, hi);
                    return bits(out);
                }
            }
        }
        if (dt.equals("f32")) {
            float[] out = new float[n];
            switch (op) {
                case "rand" -> Sampling.uniform(g, out, 0, n, 0, 1);
                case "uniform" -> Sampling.uniform(g, out, 0, n, d(a[3]), d(a[4]));
                case "randn" -> Sampling.normal(g, out, 0, n, 0, 1, true);
                case "normal" -> Sampling.normal(g, out, 0, n, d(a[3]), d(a[4]), a[5].equals("1"));
                case "bernoulli" -> Sampling.bernoulli(g, out, 0, n, d(a[3]));
                case "bernoullip" -> {
                    float[] p = new float[n];
                    for (int i = 0; i < n; i++) {
                        p[i] = (float) ((i % 11) / 10.0);
                    }
                    Sampling.bernoulli(g, p, 0, out, 0, n);
                }
                case "exponential" -> Sampling.exponential(g, out, 0, n, d(a[3]));
                case "lognormal" -> Sampling.logNormal(g, out, 0, n, d(a[3]), d(a[4]));
                default -> throw new IllegalArgumentException(op);
            }
            return bits(out);
        } else {
            double[] out = new double[n];
            switch (op) {
                case "rand" -> Sampling.uniform(g, out, 0, n, 0, 1);
                case "uniform" -> Sampling.uniform(g, out, 0, n, d(a[3]), d(a[4]));
                case "randn" -> Sampling.normal(g, out, 0, n, 0, 1, true);
                case "normal" -> Sampling.normal(g, out, 0, n, d(a[3]), d(a[4]), a[5].equals("1"));
                case "bernoulli" -> Sampling.bernoulli(g, out, 0, n, d(a[3]));
                case "bernoullip" -> {
                    double[] p = new double[n];
                    for (int i = 0; i < n; i++) {
                        p[i] = (i % 11) / 10.0;
                    }
                    Sampling.bernoulli(g, p, 0, out, 0, n);
                }
                case "exponential" -> Sampling.exponential(g, out, 0, n, d(a[3]));
                case "geometric" -> Sampling.geometric(g, out, 0, n, d(a[3]));
                case "cauchy" -> Sampling.cauchy(g, out, 0, n, d(a[3]), d(a[4]));
                case "lognormal" -> Sampling.logNormal(g, out, 0, n, d(a[3]), d(a[4]));
                default -> throw new IllegalArgumentException(op);
            }
            return bits(out);
        }
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }

    private static long[] parseShape(String s) {
        String[] p = s.split("x");
        long[] r = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            r[i] = Long.parseLong(p[i]);
        }
        return r;
    }

    private static long[] bits(float[] v) {
        long[] r = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Float.floatToRawIntBits(v[i]) & 0xffffffffL;
        }
        return r;
    }

    private static long[] bits(double[] v) {
        long[] r = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Double.doubleToRawLongBits(v[i]);
        }
        return r;
    }

    private static long[] bytesToLongs(byte[] b) {
        long[] r = new long[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[i] & 0xff;
        }
        return r;
    }

    static List<String> readGoldens() throws IOException {
        return readGoldens("random.txt");
    }

    /** The lines of {@code goldens/<file>} from the test class path (or the source tree when run from an IDE). */
    static List<String> readGoldens(String file) throws IOException {
        InputStream in = RandomGoldensTest.class.getResourceAsStream("/goldens/" + file);
        if (in == null) {
            Path p = Path.of("src/test/resources/goldens/" + file);
            if (!Files.exists(p)) {
                p = Path.of("core/src/test/resources/goldens/" + file);
            }
            in = Files.newInputStream(p);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String s; (s = r.readLine()) != null; ) {
                lines.add(s);
            }
        }
        return lines;
    }
}
