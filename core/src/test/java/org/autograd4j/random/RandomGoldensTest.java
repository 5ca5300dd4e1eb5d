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

import org.autograd4j.DType;
import org.autograd4j.storage.Storage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays {@code goldens/random.txt} (written by {@code tools/goldens/gen_random.py} from PyTorch 1.13.1) on
 * one {@link Generator} through {@link Sampling}'s storage entry points and compares every value bit for
 * bit. The commands run in file order (sequences depend on the state the previous command left); each
 * compared line becomes one dynamic test. The {@code torch.nn.init} lines (kaiming, xavier, linear; each
 * right after a seed, so skipping them leaves the rest unchanged) are replayed by
 * {@code org.autograd4j.nn.InitTest}.
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
            if (isNnInit(cmd)) {
                continue;
            }
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

    /** The nn.init commands of random.txt, which nn.InitTest replays. */
    static boolean isNnInit(String cmd) {
        return cmd.startsWith("kaiming_") || cmd.startsWith("xavier_") || cmd.startsWith("linear ");
    }

    /**
     * Whether a command's values go through the C library's double log/sin/cos/tan/exp
     * ({@code org.autograd4j.math.Libm}): float64
     * normal (both paths), float32 normal on the scalar path, exponential, log-normal, Cauchy, geometric.
     * Libm ports glibc's own algorithms, so those too must be bit-identical; the flag only adds a hint
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
     * Libm (named in the message; see {@code org.autograd4j.math.LibmTest} for the ports' own check against
     * glibc).
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

    /** Runs one golden command through the storage entry points and returns its values as raw bits. */
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
                Storage out = Storage.allocate(DType.INT64, n);
                Sampling.randperm(g, out, 0, n);
                return bits(out);
            }
            case "multinomial": {
                boolean zeros = a[2].equals("zeros");
                int rows = Integer.parseInt(a[3]);
                int cats = Integer.parseInt(a[4]);
                int k = Integer.parseInt(a[5]);
                boolean repl = a[6].equals("1");
                Storage w = Storage.allocate(dtype(a[1]), rows * cats);
                for (int i = 0; i < w.size(); i++) {
                    w.setDouble(i, zeros ? (i * 7) % 5 : (i * 7) % 13 + 1);
                }
                Storage out = Storage.allocate(DType.INT64, rows * k);
                Sampling.multinomial(g, w, 0, rows, cats, k, repl, out, 0);
                return bits(out);
            }
            default:
                break;
        }
        String dt = a[1];
        int n = Integer.parseInt(a[2]);
        if (op.equals("randint") && dt.equals("i32")) {
            // int32 has no storage: the array form, which PyTorch's int32 kernel (always random()) matches
            int[] out = new int[n];
            Sampling.randint(g, out, 0, n, Long.parseLong(a[3]), Long.parseLong(a[4]));
            long[] r = new long[n];
            for (int i = 0; i < n; i++) {
                r[i] = out[i];
            }
            return r;
        }
        Storage out = Storage.allocate(dtype(dt), n);
        switch (op) {
            case "randint" -> Sampling.randint(g, out, 0, n, Long.parseLong(a[3]), Long.parseLong(a[4]));
            case "rand" -> Sampling.uniform(g, out, 0, n, 0, 1);
            case "uniform" -> Sampling.uniform(g, out, 0, n, d(a[3]), d(a[4]));
            case "randn" -> Sampling.normal(g, out, 0, n, 0, 1, true);
            case "normal" -> Sampling.normal(g, out, 0, n, d(a[3]), d(a[4]), a[5].equals("1"));
            case "bernoulli" -> Sampling.bernoulli(g, out, 0, n, d(a[3]));
            case "bernoullip" -> {
                Storage p = Storage.allocate(out.dtype(), n);
                for (int i = 0; i < n; i++) {
                    p.setDouble(i, (i % 11) / 10.0);   // rounded to float for f32, as torch.tensor(..., float32)
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

    private static DType dtype(String s) {
        return switch (s) {
            case "f32" -> DType.FLOAT32;
            case "f64" -> DType.FLOAT64;
            case "i64" -> DType.INT64;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }

    /** Raw bits of every element: float32 as its 32 bits, float64 as its 64 bits, int64 as the value. */
    private static long[] bits(Storage s) {
        long[] r = new long[s.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = switch (s) {
                case Storage.F32 f -> Float.floatToRawIntBits(f.data[i]) & 0xffffffffL;
                case Storage.F64 d -> Double.doubleToRawLongBits(d.data[i]);
                default -> s.getLong(i);
            };
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
