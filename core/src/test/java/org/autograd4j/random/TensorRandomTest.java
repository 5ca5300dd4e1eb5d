package org.autograd4j.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.GradModeScope;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The tensor-level random API against {@code goldens/random_tensor.txt} (tools/goldens/gen_random_tensor.py,
 * PyTorch 1.13.1), bit for bit (float64 values through sin/cos/tan: within {@link GoldenFile#LIBM_MAX_ULPS}
 * ulps unless the glibc provider is installed, see {@link GoldenFile#compareLibm}), plus the in-place rules (version counter, leaf checks, graph nodes).
 * Commands replay in file order on the default generator (or an explicit one after {@code gen}). The
 * {@code init} lines ({@code torch.nn.init}; each right after a seed, so skipping them leaves the rest
 * unchanged) are replayed by {@code org.autograd4j.nn.InitTest}.
 */
class TensorRandomTest {

    private record Outcome(int line, String command, String expected, String actual, long[] exp, long[] act,
            DType dtype) {
    }

    private Generator gen;

    @TestFactory
    Stream<DynamicTest> goldens() {
        List<Outcome> outcomes = new ArrayList<>();
        for (GoldenFile.Line line : GoldenFile.read("random_tensor.txt").lines()) {
            if (line.startsWith("seed ")) {
                gen = null;
                Torch.manualSeed(GoldenFile.uint64(line.token(1)));
                continue;
            }
            if (line.startsWith("gen ")) {
                gen = new Generator(GoldenFile.uint64(line.token(1)));
                continue;
            }
            String cmd = line.before(" = ");
            String vals = line.after(" = ").trim();
            String[] a = cmd.split(" ");
            if (a[0].equals("init")) {
                continue;
            }
            if (a[0].equals("sha")) {
                outcomes.add(new Outcome(line.number(), cmd, vals, sha(execute(a)), null, null, null));
                continue;
            }
            Tensor t = execute(a);
            outcomes.add(new Outcome(line.number(), cmd, null, null, GoldenFile.bitsList(vals), GoldenFile.bitsOf(t), t.dtype()));
        }
        assertTrue(outcomes.size() > 700, "too few golden cases: " + outcomes.size());
        return outcomes.stream().map(o -> DynamicTest.dynamicTest("line " + o.line() + ": " + o.command(), () -> compare(o)));
    }

    /** Ops whose values go through Libm's double log/sin/cos/tan/exp (see sampling.RandomGoldensTest#usesLibm); only noted on failure. */
    private static boolean usesLibm(String[] a) {
        return switch (a[0]) {
            case "randn", "normal" -> true;
            case "like" -> a[1].equals("randn");
            case "inplace" -> a[1].equals("exponential") || a[1].equals("normal") || a[1].equals("lognormal")
                    || a[1].equals("cauchy") || a[1].equals("geometric");
            case "multinomial", "multinomialt" -> a[6].equals("0");
            default -> false;
        };
    }

    /**
     * Ops whose values may go through Libm's sin, cos or tan (normal, log-normal, Cauchy): for float64,
     * {@link GoldenFile#compareLibm} compares them bit for bit only with the glibc provider.
     */
    private static boolean usesLibmTrig(String[] a) {
        return switch (a[0]) {
            case "randn", "normal" -> true;
            case "like" -> a[1].equals("randn");
            case "inplace" -> a[1].equals("normal") || a[1].equals("lognormal") || a[1].equals("cauchy");
            default -> false;
        };
    }

    private static void compare(Outcome o) {
        if (o.expected() != null) {
            assertEquals(o.expected(), o.actual(), "sha256 of the values");
            return;
        }
        String[] a = o.command().split(" ");
        if (usesLibmTrig(a)) {
            GoldenFile.compareLibm(o.line(), o.command(), o.dtype(), o.exp(), o.act());
        } else {
            GoldenFile.compareBits(o.line(), o.command(), o.exp(), o.act(), usesLibm(a));
        }
    }

    @AfterAll
    static void libmSummary() {
        String s = GoldenFile.libmSummary();
        if (!s.isEmpty()) System.out.println("[random_tensor goldens] " + s);
    }

    private Tensor execute(String[] a) {
        return switch (a[0]) {
            case "rand" -> Torch.rand(GoldenFile.shape(a[2]), GoldenFile.dtype(a[1]), gen);
            case "randn" -> Torch.randn(GoldenFile.shape(a[2]), GoldenFile.dtype(a[1]), gen);
            case "randint" -> {
                long lo = Long.parseLong(a[2]);
                long hi = Long.parseLong(a[3]);
                yield a[1].equals("i64") && gen == null ? Torch.randint(lo, hi, GoldenFile.shape(a[4]))
                        : Torch.randint(lo, hi, GoldenFile.shape(a[4]), GoldenFile.dtype(a[1]), gen);
            }
            case "randinth" -> Torch.randint(Long.parseLong(a[1]), GoldenFile.shape(a[2]));
            case "randperm" -> gen == null ? Torch.randperm(Long.parseLong(a[1])) : Torch.randperm(Long.parseLong(a[1]), gen);
            case "normal" -> gen == null ? Torch.normal(d(a[1]), d(a[2]), GoldenFile.shape(a[3]))
                    : Torch.normal(d(a[1]), d(a[2]), GoldenFile.shape(a[3]), gen);
            case "like" -> {
                Tensor x = view(Torch.zeros(GoldenFile.shape(a[4]), GoldenFile.dtype(a[2])), a[3]);
                yield switch (a[1]) {
                    case "rand" -> Torch.randLike(x);
                    case "randn" -> Torch.randnLike(x);
                    default -> Torch.randintLike(x, Long.parseLong(a[5]), Long.parseLong(a[6]));
                };
            }
            case "inplace" -> inplace(a);
            case "bernoulli" -> {
                Tensor p = view(probs(GoldenFile.shape(a[3]), GoldenFile.dtype(a[1])), a[2]);
                yield gen == null ? Torch.bernoulli(p) : Torch.bernoulli(p, gen);
            }
            case "bernoullis" -> Torch.bernoulli(Torch.zeros(GoldenFile.shape(a[2]), GoldenFile.dtype(a[1])), d(a[3]));
            case "multinomial", "multinomialt" -> multinomial(a);
            case "sha" -> switch (a[1]) {
                case "randn" -> Torch.randn(Long.parseLong(a[3]));
                case "rand" -> Torch.rand(new long[] {Long.parseLong(a[3])}, DType.FLOAT64);
                case "randint" -> Torch.randint(-(1L << 40), 1L << 40, Long.parseLong(a[3]));
                default -> Torch.randperm(Long.parseLong(a[2]));
            };
            default -> throw new IllegalArgumentException(a[0]);
        };
    }

    private Tensor inplace(String[] a) {
        Tensor base = Torch.zeros(GoldenFile.shape(a[4]), GoldenFile.dtype(a[2]));
        Tensor x = view(base, a[3]);
        int before = base.version();
        Generator g = gen;
        switch (a[1]) {
            case "uniform" -> {
                if (g == null) {
                    x.uniform_(d(a[5]), d(a[6]));
                } else {
                    x.uniform_(d(a[5]), d(a[6]), g);
                }
            }
            case "normal" -> {
                if (g == null) {
                    x.normal_(d(a[5]), d(a[6]));
                } else {
                    x.normal_(d(a[5]), d(a[6]), g);
                }
            }
            case "bernoulli" -> {
                if (g == null) {
                    x.bernoulli_(d(a[5]));
                } else {
                    x.bernoulli_(d(a[5]), g);
                }
            }
            case "bernoullit" -> x.bernoulli_(probs(x.shape(), DType.FLOAT32), g);
            case "exponential" -> {
                if (g == null) {
                    x.exponential_(d(a[5]));
                } else {
                    x.exponential_(d(a[5]), g);
                }
            }
            case "lognormal" -> {
                if (g == null) {
                    x.logNormal_(d(a[5]), d(a[6]));
                } else {
                    x.logNormal_(d(a[5]), d(a[6]), g);
                }
            }
            case "geometric" -> {
                if (g == null) {
                    x.geometric_(d(a[5]));
                } else {
                    x.geometric_(d(a[5]), g);
                }
            }
            case "cauchy" -> {
                if (g == null) {
                    x.cauchy_(d(a[5]), d(a[6]));
                } else {
                    x.cauchy_(d(a[5]), d(a[6]), g);
                }
            }
            case "random2" -> {
                if (g == null) {
                    x.random_(Long.parseLong(a[5]), Long.parseLong(a[6]));
                } else {
                    x.random_(Long.parseLong(a[5]), Long.parseLong(a[6]), g);
                }
            }
            case "random1" -> x.random_(Long.parseLong(a[5]));
            case "random0" -> x.random_();
            default -> throw new IllegalArgumentException(a[1]);
        }
        assertEquals(before + 1, base.version(), "version counter");
        return base;
    }

    private Tensor multinomial(String[] a) {
        int rows = Integer.parseInt(a[3]);
        int cats = Integer.parseInt(a[4]);
        boolean zeros = a[2].equals("zeros");
        double[] w = new double[Math.max(rows, 1) * cats];
        for (int i = 0; i < w.length; i++) {
            w[i] = zeros ? (i * 7) % 5 : (i * 7) % 13 + 1;
        }
        Tensor p = Torch.tensor(w, GoldenFile.dtype(a[1]));
        if (a[0].equals("multinomialt")) {
            p = p.view(cats, rows).t();
        } else if (rows > 0) {
            p = p.view(rows, cats);
        }
        long k = Long.parseLong(a[5]);
        boolean repl = a[6].equals("1");
        return gen == null ? Torch.multinomial(p, k, repl) : Torch.multinomial(p, k, repl, gen);
    }

    private static Tensor view(Tensor base, String v) {
        long[] s = base.shape();
        return switch (v) {
            case "c" -> base;
            case "t" -> base.transpose(0, 1);
            case "s" -> {
                long[] vs = Arrays.copyOf(s, s.length + 1);
                vs[s.length - 1] = s[s.length - 1] / 2;
                vs[s.length] = 2;
                yield base.view(vs).select(s.length, 0);
            }
            case "n" -> base.narrow(0, 1, s[0] - 1);
            case "p" -> base.permute(2, 0, 1);
            default -> throw new IllegalArgumentException(v);
        };
    }

    private static Tensor probs(long[] shape, DType dt) {
        int n = 1;
        for (long s : shape) {
            n *= (int) s;
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = (i % 11) / 10.0;
        }
        return Torch.tensor(p, dt).view(shape);
    }

    // ------------------------------------------------------------------ in-place rules

    /** {@code rand_like(t, dtype=)}: the same draws as {@code rand} of that shape; integer dtypes get PyTorch's errors. */
    @Test
    void likeFormsWithADtype() {
        Tensor ints = Torch.tensor(new long[][] {{1, 2}, {3, 4}});
        Torch.manualSeed(3);
        Tensor a = Torch.randLike(ints, DType.FLOAT64);
        Torch.manualSeed(3);
        Tensor b = Torch.rand(new long[] {2, 2}, DType.FLOAT64);
        assertEquals(DType.FLOAT64, a.dtype());
        assertArrayEquals(b.toDoubleArray(), a.toDoubleArray());
        Torch.manualSeed(3);
        double[] normal = Torch.randn(new long[] {2, 2}, DType.FLOAT32).toDoubleArray();
        Torch.manualSeed(3);
        assertArrayEquals(normal, Torch.randnLike(ints, DType.FLOAT32).toDoubleArray());
        assertEquals("\"check_uniform_bounds\" not implemented for 'Long'",
                assertThrows(UnsupportedOperationException.class, () -> Torch.randLike(ints, DType.INT64)).getMessage());
        assertEquals("\"normal_kernel_cpu\" not implemented for 'Long'",
                assertThrows(UnsupportedOperationException.class, () -> Torch.randnLike(ints, DType.INT64)).getMessage());
    }

    @Test
    void inPlaceOnLeafThatRequiresGradIsRefusedUnlessNoGrad() {
        Tensor w = Torch.zeros(3, 4).requiresGrad_();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.uniform_(-1, 1));
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.", e.getMessage());
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.",
                assertThrows(IllegalStateException.class, () -> w.normal_(0, 1)).getMessage());
        assertEquals("a view of a leaf Variable that requires grad is being used in an in-place operation.",
                assertThrows(IllegalStateException.class, () -> w.t().bernoulli_(0.5)).getMessage());
        assertEquals(0, w.version());
        try (GradModeScope s = Torch.noGrad()) {
            w.normal_(0, 1);
            w.t().exponential_(2);
        }
        assertEquals(2, w.version());
        assertTrue(w.isLeaf() && w.requiresGrad() && w.gradFn() == null);
    }

    @Test
    void inPlaceOnNonLeafRecordsAZeroGradientNode() {
        Tensor x = Torch.ones(3).requiresGrad_();
        String[] names = {"UniformBackward0", "NormalBackward0", "BernoulliBackward2", "ExponentialBackward0",
            "RandomBackward0", "RandomBackward1", "RandomBackward2", "BernoulliBackward1", "LogNormalBackward0",
            "GeometricBackward0", "CauchyBackward0"};
        for (int k = 0; k < names.length; k++) {
            Tensor y = x.mul(2.0);
            switch (k) {
                case 0 -> y.uniform_();
                case 1 -> y.normal_();
                case 2 -> y.bernoulli_(0.5);
                case 3 -> y.exponential_();
                case 4 -> y.random_(0, 5);
                case 5 -> y.random_(5);
                case 6 -> y.random_();
                case 8 -> y.logNormal_();
                case 9 -> y.geometric_(0.5);
                case 10 -> y.cauchy_();
                default -> y.bernoulli_(Torch.full(new long[] {3}, 0.5));
            }
            assertEquals(names[k], y.gradFn().name());
            assertEquals("MulBackward0", y.gradFn().nextFunctions().get(0).node().name());
            y.sum().backward();
            assertArrayEquals(new float[] {0, 0, 0}, x.grad().toFloatArray());
        }
    }

    @Test
    void errorsAreTorchs() {
        Tensor i = Torch.zeros(new long[] {3}, DType.INT64);
        assertEquals("\"check_uniform_bounds\" not implemented for 'Long'",
                assertThrows(IllegalArgumentException.class, () -> i.uniform_(0, 1)).getMessage());
        assertEquals("\"normal_kernel_cpu\" not implemented for 'Long'",
                assertThrows(IllegalArgumentException.class, () -> i.normal_(0, 1)).getMessage());
        assertEquals("\"exponential_cpu\" not implemented for 'Long'",
                assertThrows(IllegalArgumentException.class, () -> i.exponential_(1)).getMessage());
        assertEquals("unsupported operation: more than one element of the written-to tensor refers to a single memory "
                + "location. Please clone() the tensor before performing the operation.",
                assertThrows(IllegalArgumentException.class, () -> Torch.zeros(3).expand(2, 3).uniform_()).getMessage());
        assertEquals("prob_dist must be 1 or 2 dim",
                assertThrows(IllegalArgumentException.class, () -> Torch.multinomial(Torch.ones(2, 2, 2), 1, true)).getMessage());
        assertEquals("random_ expects 'from' to be less than 'to', but got from=5 >= to=3",
                assertThrows(IllegalArgumentException.class, () -> Torch.randint(5, 3, 2)).getMessage());
        assertEquals("to - 1 is out of bounds for bool", assertThrows(IllegalArgumentException.class,
                () -> Torch.randint(0, 5, new long[] {3}, DType.BOOL, null)).getMessage());
        assertEquals("exponential_ expects lambda >= 0.0, but found lambda=-1",
                assertThrows(IllegalArgumentException.class, () -> Torch.ones(3).exponential_(-1)).getMessage());
        assertEquals("\"log_normal_cpu\" not implemented for 'Long'",
                assertThrows(IllegalArgumentException.class, () -> i.logNormal_()).getMessage());
        assertEquals("\"cauchy_cpu\" not implemented for 'Long'",
                assertThrows(IllegalArgumentException.class, () -> i.cauchy_()).getMessage());
        assertEquals("\"geometric_cpu\" not implemented for 'Bool'", assertThrows(IllegalArgumentException.class,
                () -> Torch.zeros(new long[] {3}, DType.BOOL).geometric_(0.5)).getMessage());
        assertEquals("log_normal_ expects std > 0.0, but found std=0",
                assertThrows(IllegalArgumentException.class, () -> i.logNormal_(1, 0)).getMessage());
        assertEquals("log_normal_ expects std > 0.0, but found std=-1.5",
                assertThrows(IllegalArgumentException.class, () -> Torch.ones(3).logNormal_(1, -1.5)).getMessage());
        assertEquals("log_normal_ expects std > 0.0, but found std=nan",
                assertThrows(IllegalArgumentException.class, () -> Torch.ones(3).logNormal_(1, Double.NaN)).getMessage());
        for (double p : new double[] {0, 1, 1.5, Double.NaN}) {
            assertEquals("geometric_ expects p to be in (0, 1), but got p=" + (Double.isNaN(p) ? "nan" : p == 1.5 ? "1.5" : (int) p),
                    assertThrows(IllegalArgumentException.class, () -> i.geometric_(p)).getMessage());
        }
        assertEquals("geometric_ expects p to be in (0, 1), but got p=0", assertThrows(IllegalArgumentException.class,
                () -> Torch.zeros(new long[] {3}, DType.BOOL).geometric_(0)).getMessage());
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.", assertThrows(
                IllegalStateException.class, () -> Torch.zeros(3).requiresGrad_().geometric_(0)).getMessage());
        assertEquals("cannot sample n_sample <= 0 samples",
                assertThrows(IllegalArgumentException.class, () -> Torch.multinomial(Torch.ones(3), 0, false)).getMessage());
    }

    @Test
    void logNormalGeometricCauchyDefaultsAndEdges() {
        Torch.manualSeed(3);
        Tensor a = Torch.zeros(5).logNormal_();
        Torch.manualSeed(3);
        assertArrayEquals(Torch.zeros(5).logNormal_(1, 2).toFloatArray(), a.toFloatArray());
        Torch.manualSeed(3);
        Tensor c = Torch.zeros(5).cauchy_();
        Torch.manualSeed(3);
        assertArrayEquals(Torch.zeros(5).cauchy_(0, 1).toFloatArray(), c.toFloatArray());
        // PyTorch 1.13.1 does not check sigma: 0 gives the median, a negative one is accepted.
        assertArrayEquals(new float[] {0, 0, 0}, Torch.zeros(3).cauchy_(0, 0).toFloatArray());
        assertEquals(3, Torch.zeros(3).cauchy_(1, -2).toFloatArray().length);
        // int64: log(1 - p) == 0 for a tiny p, so -inf, which x86's truncation makes INT64_MIN (as PyTorch).
        assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MIN_VALUE},
                Torch.zeros(new long[] {2}, DType.INT64).geometric_(1e-300).toLongArray());
        Tensor gi = Torch.zeros(new long[] {50}, DType.INT64).geometric_(0.5, new Generator(1));
        for (long v : gi.toLongArray()) {
            assertTrue(v >= 1, "geometric >= 1");
        }
    }

    @Test
    void likeFactoriesPreserveDenseStrides() {
        Tensor x = Torch.zeros(4, 5).t();
        assertArrayEquals(new long[] {1, 5}, Torch.randLike(x).stride());
        assertArrayEquals(new long[] {1, 5}, Torch.randnLike(x).stride());
        assertArrayEquals(new long[] {4, 1}, Torch.bernoulli(Torch.full(new long[] {4, 5}, 0.5).t()).stride());
        assertEquals(DType.INT64, Torch.randint(0, 3, 2, 2).dtype());
        assertFalse(Torch.randLike(x).requiresGrad());
        assertNull(Torch.randperm(3).gradFn());
    }

    // ------------------------------------------------------------------ helpers

    private static String sha(Tensor t) {
        long[] b = GoldenFile.bitsOf(t);
        boolean f32 = t.dtype() == DType.FLOAT32;
        ByteBuffer buf = ByteBuffer.allocate(b.length * (f32 ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : b) {
            if (f32) {
                buf.putInt((int) v);
            } else {
                buf.putLong(v);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buf.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
