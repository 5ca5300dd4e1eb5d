package org.autograd4j.sampling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.random.Generator;
import org.autograd4j.storage.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays {@code goldens/random.txt} (written by {@code tools/goldens/gen_random.py} from PyTorch 1.13.1) on
 * one {@link Generator} (seeding, state bytes) and its engine ({@link Engines#of}) through {@link Sampling}'s
 * storage entry points, and compares every value bit for bit (float64 values through sin/cos/tan: within
 * {@link GoldenFile#LIBM_MAX_ULPS} ulps unless the glibc provider is installed, see
 * {@link GoldenFile#compareLibm}). The commands run in file order (sequences depend on the state the previous command left); each
 * compared line becomes one dynamic test. The {@code torch.nn.init} lines (kaiming, xavier, linear; each
 * right after a seed, so skipping them leaves the rest unchanged) are replayed by
 * {@code org.autograd4j.nn.InitTest}.
 */
class RandomGoldensTest {

    private record Outcome(int line, String command, long[] expected, long[] actual) {
    }

    @TestFactory
    Stream<DynamicTest> goldens() {
        Generator g = new Generator();
        List<Outcome> outcomes = new ArrayList<>();
        for (GoldenFile.Line line : GoldenFile.read("random.txt").lines()) {
            if (line.startsWith("seed ")) {
                g.manualSeed(GoldenFile.uint64(line.token(1)));
                continue;
            }
            if (line.startsWith("loadstate ")) {
                g.setState(HexFormat.of().parseHex(line.token(1)));
                continue;
            }
            String cmd = line.before(" = ");
            if (isNnInit(cmd)) {
                continue;
            }
            String vals = line.after(" = ").trim();
            long[] actual = execute(g, cmd.split(" "));
            long[] expected;
            if (cmd.equals("state")) {
                expected = bytesToLongs(HexFormat.of().parseHex(vals));
            } else if (cmd.startsWith("initial_seed") || cmd.startsWith("default_generator_seed")) {
                expected = new long[] {GoldenFile.uint64(vals)};
            } else {
                expected = GoldenFile.bitsList(vals);
            }
            outcomes.add(new Outcome(line.number(), cmd, expected, actual));
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
     * Libm's log and exp are glibc's bits with either implementation, so those must be bit-identical; the
     * flag only adds a hint to the failure message.
     */
    static boolean usesLibm(String[] a) {
        return switch (a[0]) {
            case "randn", "normal" -> a[1].equals("f64") || Integer.parseInt(a[2]) < Sampling.NORMAL_FILL_MIN
                    || (a[0].equals("normal") && a[5].equals("0"));
            case "exponential", "lognormal", "cauchy", "geometric" -> true;
            default -> false;
        };
    }

    /**
     * Whether a command's values may go through Libm's sin, cos or tan (normal, log-normal, Cauchy): for
     * float64, {@link GoldenFile#compareLibm} compares them bit for bit only with the glibc provider.
     */
    static boolean usesLibmTrig(String[] a) {
        return switch (a[0]) {
            case "randn", "normal", "lognormal", "cauchy" -> true;
            default -> false;
        };
    }

    private static void compare(Outcome o) {
        String[] a = o.command().split(" ");
        if (usesLibmTrig(a)) {
            GoldenFile.compareLibm(o.line(), o.command(), GoldenFile.dtype(a[1]), o.expected(), o.actual());
        } else {
            GoldenFile.compareBits(o.line(), o.command(), o.expected(), o.actual(), usesLibm(a));
        }
    }

    @AfterAll
    static void libmSummary() {
        String s = GoldenFile.libmSummary();
        if (!s.isEmpty()) System.out.println("[random goldens] " + s);
    }

    /** Runs one golden command through the storage entry points and returns its values as raw bits. */
    static long[] execute(Generator gen, String[] a) {
        Mt19937 g = Engines.of(gen);
        String op = a[0];
        switch (op) {
            case "initial_seed": {
                return new long[] {new Generator(GoldenFile.uint64(a[1])).initialSeed()};
            }
            case "default_generator_seed":
                return new long[] {new Generator().initialSeed()};
            case "state":
                return bytesToLongs(gen.getState());
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
                Storage w = Storage.allocate(GoldenFile.dtype(a[1]), rows * cats);
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
        Storage out = Storage.allocate(GoldenFile.dtype(dt), n);
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
}
