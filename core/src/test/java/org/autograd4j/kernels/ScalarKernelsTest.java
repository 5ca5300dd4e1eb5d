package org.autograd4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The elementwise, scan and all/any kernels against PyTorch 1.13.1's own results.
 *
 * <p>{@code goldens/kernels.txt} (written by {@code tools/goldens/gen_kernels.py}) holds a few hundred inputs per
 * op, dtype and parameter set: special values (±0, ±∞, NaN, subnormals, the largest finite values), points near
 * the domain edges and the functions' internal breakpoints, halves for rounding, negative divisors, and random
 * values over the whole exponent range. Each case runs through the kernel on a contiguous layout (a strided
 * one for the blocks PyTorch computed from a strided view) and is compared with PyTorch's output:
 * <ul>
 *   <li>exact ops (rounding, frac, fmod, remainder, clamps, leaky_relu, nan_to_num, rsqrt, the bool-valued
 *       ops, contiguous float32 gelu and gelu_backward, every int64 case): the same bits (any NaN equals any NaN);
 *   <li>the others: within {@link #tolerance} ulps (default 1), where ±0 count as equal and NaN must meet NaN,
 *       or, where PyTorch's own float formula cancels or works in subnormals (so that an ulp of difference in
 *       one intermediate, Sleef's function versus java.lang.Math's, becomes many ulps of the result), within
 *       that many ulps plus one ulp of the intermediate, propagated (see {@link #slack}).
 * </ul>
 * Run with {@code -Dkernels.report=true} to print the largest error of every block.
 */
class ScalarKernelsTest {

    private static final Kernels K = ScalarKernels.INSTANCE;

    /** Largest measured ulp error per block, for the report. */
    private static final Map<String, Long> WORST = new TreeMap<>();

    // ------------------------------------------------------------------ golden parsing

    /** One golden block: a header and its case lines. */
    private record Block(String kind, String op, String dtype, String[] header, List<String[]> rows) {
        String label() {
            return kind + " " + op + " " + dtype + (kind.equals("unary") ? " p0=" + p(0) + " p1=" + p(1) : "")
                    + (strided() ? " strided" : "");
        }

        /**
         * PyTorch evaluated this block on a strided view (of the input, or of the second operand of a binary op):
         * float32 GELU and GELU_BACKWARD take another algorithm there.
         */
        boolean strided() {
            return header[header.length - 1].equals("strided");
        }

        double p(int i) {
            return GoldenFile.float64(header[3 + i]);
        }
    }

    private static List<GoldenFile.Line> lines() {
        return GoldenFile.read("kernels.txt").lines();
    }

    private static List<Block> blocks() {
        List<Block> out = new ArrayList<>();
        Block cur = null;
        for (GoldenFile.Line line : lines()) {
            if (line.startsWith("error ")) continue;
            String[] f = line.tokens();
            if (f[0].equals("unary") || f[0].equals("binary") || f[0].equals("scan") || f[0].equals("reduce")) {
                cur = new Block(f[0], f[1], f[2], f, new ArrayList<>());
                out.add(cur);
            } else {
                if (cur == null) throw line.error("a case before the first block header");
                cur.rows().add(f);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ storages from bits

    /** Sets element i of s from its golden bits. */
    private static void setBits(Storage s, int i, String hex) {
        long b = GoldenFile.bits(hex);
        switch (s) {
            case Storage.F32 f -> f.data[i] = Float.intBitsToFloat((int) b);
            case Storage.F64 f -> f.data[i] = Double.longBitsToDouble(b);
            case Storage.I64 f -> f.data[i] = b;
            case Storage.Bool f -> f.data[i] = b != 0;
        }
    }

    /** Element i of s as bits (float32: 32 bits; bool: 0/1). */
    private static long getBits(Storage s, int i) {
        return switch (s) {
            case Storage.F32 f -> Float.floatToRawIntBits(f.data[i]) & 0xFFFFFFFFL;
            case Storage.F64 f -> Double.doubleToRawLongBits(f.data[i]);
            case Storage.I64 f -> f.data[i];
            case Storage.Bool f -> f.data[i] ? 1 : 0;
        };
    }

    private static Storage column(DType t, List<String[]> rows, int col) {
        Storage s = Storage.allocate(t, rows.size());
        for (int i = 0; i < rows.size(); i++) setBits(s, i, rows.get(i)[col]);
        return s;
    }

    /** Column {@code col} in every other element of a storage twice the size, as the generator's {@code x[:, 0]} view. */
    private static Storage everyOther(DType t, List<String[]> rows, int col) {
        Storage wide = Storage.allocate(t, 2 * rows.size());
        for (int i = 0; i < rows.size(); i++) setBits(wide, 2 * i, rows.get(i)[col]);
        return wide;
    }

    /** The layout of {@link #everyOther}'s view. */
    private static Layout stride2(int n) {
        return new Layout(new int[] {n}, new int[] {2}, 0);
    }

    private static Layout vector(int n) {
        return Layout.contiguous(new int[] {n});
    }

    // ------------------------------------------------------------------ comparing

    private static boolean isNaN(DType t, long bits) {
        return switch (t) {
            case FLOAT32 -> Float.isNaN(Float.intBitsToFloat((int) bits));
            case FLOAT64 -> Double.isNaN(Double.longBitsToDouble(bits));
            default -> false;
        };
    }

    /** Distance in ulps between two non-NaN values of t, counting -0 and +0 as one value; exact difference for integers. */
    static long ulps(DType t, long x, long y) {
        return switch (t) {
            case FLOAT32 -> {
                long a = ordered32((int) x), b = ordered32((int) y);
                yield Math.abs(a - b);
            }
            case FLOAT64 -> {
                long a = ordered64(x), b = ordered64(y), d = a - b;
                // a - b overflows only for values of opposite signs very far apart: saturate
                yield ((a ^ b) & (a ^ d)) < 0 ? Long.MAX_VALUE : Math.abs(d);
            }
            default -> x == y ? 0 : Long.MAX_VALUE;
        };
    }

    private static long ordered32(int bits) {
        return bits >= 0 ? bits : (long) Integer.MIN_VALUE - bits;
    }

    private static long ordered64(long bits) {
        return bits >= 0 ? bits : Long.MIN_VALUE - bits;
    }

    private static double value(DType t, long bits) {
        return t == DType.FLOAT32 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
    }

    /** Ops whose result is exact in both implementations (one correctly rounded step at most), compared bit for bit. */
    private static final java.util.Set<String> SLEEF = java.util.Set.of("EXP", "LOG", "LOG2", "LOG10", "LOG1P", "EXPM1", "TANH",
            "SINH", "COSH", "ASIN", "ACOS", "ATAN", "ERF", "ERFC", "SIN", "COS", "TAN", "ATAN2", "SIGMOID");

    private static boolean exact(String op) {
        return switch (op) {
            case "FLOOR", "CEIL", "ROUND", "TRUNC", "FRAC", "HARDTANH", "LEAKY_RELU", "NAN_TO_NUM", "RSQRT",
                 "ISNAN", "ISINF", "ISFINITE", "FMOD", "REMAINDER", "LOGICAL_AND", "LOGICAL_OR" -> true;
            default -> false;
        };
    }

    /**
     * The ulp budget of the inexact ops: 1 for one function (Sleef's and glibc's are within 1 ulp, ours too,
     * so that the two rarely differ by more than 1); 2 for Sleef's erfc, documented at 1.5 ulp; 2 for the
     * compound functions PyTorch evaluates in three or more rounded steps (softplus: exp, log1p, /β; silu:
     * exp, +1, ÷; mish: exp, log1p, tanh, ×), where each step may round differently.
     */
    private static long tolerance(String op) {
        return switch (op) {
            case "ERFC", "SOFTPLUS", "SILU", "MISH" -> 2;
            default -> 1;
        };
    }

    /**
     * An absolute error that is allowed on top of the ulp budget, for the formulas in which PyTorch's own float
     * computation cancels or scales an intermediate, so that an ulp of difference in that intermediate (a Sleef
     * function versus java.lang.Math's, both within 1 ulp of the exact value) becomes many ulps of the result:
     * <ul>
     *   <li>elu: {@code (e^x - 1)·α} cancels for x near 0: one ulp of e^x, times |α|;
     *   <li>gelu, tanh gelu: {@code 0.5x·(1 + erf)} / {@code 0.5x·(1 + tanh)} cancel for negative x: one ulp of
     *       1, times |x/2|;
     *   <li>mish: {@code x·tanh(log1p(e^x))} multiplies a subnormal e^x (x below -87 in float32, -708 in float64),
     *       where Sleef's exp is off by up to two subnormal steps: two steps, times |x|;
     *   <li>gelu and mish backward: the derivative is a sum of terms of size up to 1 that cancel where it
     *       crosses zero (near x = -0.75 and -1.19): one ulp of 1 (gelu), times |grad|; for mish also
     *       {@code 1 - t²}, which cancels for large x (t = tanh(softplus x) rounds to 1 or not) and is scaled
     *       by x·σ(x): two ulps of 1 times (1 + |x|), times |grad|.
     * </ul>
     * {@code x} and {@code y} are the inputs (for the backward ops: the gradient and the forward input).
     */
    private static double slack(String op, DType t, double x, double y, double p0) {
        boolean f32 = t == DType.FLOAT32;
        double ulpOne = f32 ? 0x1p-23 : 0x1p-52;
        double subnormalStep = f32 ? Float.MIN_VALUE : Double.MIN_VALUE;
        return switch (op) {
            case "ELU" -> Math.abs(p0) * (f32 ? Math.ulp((float) Math.exp(x)) : Math.ulp(Math.exp(x)));
            case "GELU", "GELU_TANH" -> Math.abs(0.5 * x) * ulpOne;
            case "MISH" -> 2 * Math.abs(x) * subnormalStep;
            case "GELU_BACKWARD" -> Math.abs(x) * ulpOne;
            case "MISH_BACKWARD" -> 2 * Math.abs(x) * (1 + Math.abs(y)) * ulpOne;
            default -> 0;
        };
    }

    private static void compare(Block b, DType outType, Storage out, List<String[]> rows, int outCol, int inputs) {
        // contiguous float32 GELU and its backward are oneDNN's algorithm, reproduced step by step: bit for bit
        boolean dnnlGelu = (b.op().equals("GELU") || b.op().equals("GELU_BACKWARD")) && outType == DType.FLOAT32 && !b.strided();
        // float32 functions PyTorch computes with SLEEF: ported lane for lane (SleefFloat), so bit for bit too
        boolean sleef = outType == DType.FLOAT32 && SLEEF.contains(b.op());
        boolean exact = exact(b.op()) || dnnlGelu || sleef || outType == DType.INT64 || outType == DType.BOOL;
        long worst = 0;
        int bad = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            long want = GoldenFile.bits(r[outCol]);
            long got = getBits(out, i);
            boolean wantNaN = isNaN(outType, want), gotNaN = isNaN(outType, got);
            boolean ok;
            long u = 0;
            if (wantNaN || gotNaN) {
                ok = wantNaN && gotNaN;
                u = ok ? 0 : Long.MAX_VALUE;
            } else if (exact) {
                ok = want == got;
                u = ok ? 0 : ulps(outType, want, got);
                if (!ok && u == 0) u = 1; // -0 versus +0 counts for exact ops
            } else {
                u = ulps(outType, want, got);
                double x = value(outType, GoldenFile.bits(r[0]));
                double y = inputs > 1 ? value(outType, GoldenFile.bits(r[1])) : 0;
                double w = value(outType, want);
                double ulpW = outType == DType.FLOAT32 ? Math.ulp((float) w) : Math.ulp(w);
                ok = u <= tolerance(b.op())
                        || Math.abs(w - value(outType, got))
                                <= tolerance(b.op()) * ulpW + slack(b.op(), outType, x, y, b.kind().equals("unary") ? b.p(0) : 0);
            }
            worst = Math.max(worst, u);
            if (!ok && bad++ < 8) {
                first.append("  in=").append(String.join(",", java.util.Arrays.copyOf(r, inputs)))
                        .append(" want=").append(r[outCol]).append(" got=").append(Long.toHexString(got))
                        .append(" (").append(wantNaN != gotNaN ? "NaN mismatch" : u + " ulp").append(")\n");
            }
        }
        synchronized (WORST) {
            WORST.merge(b.label(), worst, Math::max);
        }
        if (bad > 0) fail(bad + " of " + rows.size() + " cases differ from PyTorch in " + b.label() + ":\n" + first);
    }

    // ------------------------------------------------------------------ golden tests

    @TestFactory
    Stream<DynamicTest> unaryGoldens() {
        return blocks().stream().filter(b -> b.kind().equals("unary")).map(b -> DynamicTest.dynamicTest(b.label(), () -> {
            UnaryOp op = UnaryOp.valueOf(b.op());
            DType t = GoldenFile.dtype(b.dtype());
            DType outType = op.writesBool() ? DType.BOOL : t;
            int n = b.rows().size();
            Storage x = b.strided() ? everyOther(t, b.rows(), 0) : column(t, b.rows(), 0);
            Layout xl = b.strided() ? stride2(n) : vector(n);
            Storage out = Storage.allocate(outType, n);
            K.unary(op, b.p(0), b.p(1), x, xl, out, vector(n));
            compare(b, outType, out, b.rows(), 1, 1);
        }));
    }

    @TestFactory
    Stream<DynamicTest> binaryGoldens() {
        return blocks().stream().filter(b -> b.kind().equals("binary")).map(b -> DynamicTest.dynamicTest(b.label(), () -> {
            BinaryOp op = BinaryOp.valueOf(b.op());
            DType t = GoldenFile.dtype(b.dtype());
            DType outType = op.writesBool() ? DType.BOOL : t;
            int n = b.rows().size();
            Storage x = column(t, b.rows(), 0);
            Storage y = b.strided() ? everyOther(t, b.rows(), 1) : column(t, b.rows(), 1);
            Layout yl = b.strided() ? stride2(n) : vector(n);
            Storage out = Storage.allocate(outType, n);
            K.binary(op, x, vector(n), y, yl, out, vector(n));
            compare(b, outType, out, b.rows(), 2, 2);
        }));
    }

    @TestFactory
    Stream<DynamicTest> scanGoldens() {
        return blocks().stream().filter(b -> b.kind().equals("scan")).map(b -> DynamicTest.dynamicTest(b.label(), () -> {
            ScanOp op = ScanOp.valueOf(b.op());
            DType t = GoldenFile.dtype(b.dtype()), outType = GoldenFile.dtype(b.header()[3]);
            for (String[] row : b.rows()) {
                String[] xs = row[0].split(","), ys = row[1].split(",");
                Storage x = Storage.allocate(t, xs.length), out = Storage.allocate(outType, xs.length);
                for (int i = 0; i < xs.length; i++) setBits(x, i, xs[i]);
                K.scan(op, x, vector(xs.length), out, vector(xs.length));
                for (int i = 0; i < ys.length; i++) {
                    long want = GoldenFile.bits(ys[i]), got = getBits(out, i);
                    if (want != got && !(isNaN(outType, want) && isNaN(outType, got))) {
                        fail(b.label() + " (length " + xs.length + ") element " + i + ": want " + ys[i] + " got " + Long.toHexString(got));
                    }
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> reduceGoldens() {
        return blocks().stream().filter(b -> b.kind().equals("reduce")).map(b -> DynamicTest.dynamicTest(b.label(), () -> {
            ReduceOp op = ReduceOp.valueOf(b.op());
            DType t = GoldenFile.dtype(b.dtype());
            for (String[] row : b.rows()) {
                String[] xs = row[0].equals("-") ? new String[0] : row[0].split(",");
                Storage x = Storage.allocate(t, xs.length);
                for (int i = 0; i < xs.length; i++) setBits(x, i, xs[i]);
                Storage out = Storage.allocate(DType.BOOL, 1);
                K.reduce(op, x, vector(xs.length), 1, out);
                assertEquals(GoldenFile.int64(row[1]), getBits(out, 0), b.label() + " of [" + row[0] + "]");
            }
        }));
    }

    /** PyTorch's RuntimeError messages for the cases it rejects: integer division by zero, unsupported dtypes. */
    @TestFactory
    Stream<DynamicTest> errorGoldens() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenFile.Line line : lines()) {
            if (!line.startsWith("error ")) continue;
            String[] f = line.tokens();
            boolean unary = f[1].equals("unary");
            DType t = GoldenFile.dtype(f[3]);
            int msgAt = unary ? 7 : 6;
            String message = line.rest(msgAt);
            tests.add(DynamicTest.dynamicTest(String.join(" ", java.util.Arrays.copyOf(f, msgAt)), () -> {
                Storage out = Storage.allocate(t, 1);
                RuntimeException e;
                if (unary) {
                    Storage x = Storage.allocate(t, 1);
                    setBits(x, 0, f[6]);
                    double p0 = GoldenFile.float64(f[4]);
                    double p1 = GoldenFile.float64(f[5]);
                    e = assertThrows(RuntimeException.class, () -> K.unary(UnaryOp.valueOf(f[2]), p0, p1, x, vector(1), out, vector(1)));
                } else {
                    Storage x = Storage.allocate(t, 1), y = Storage.allocate(t, 1);
                    setBits(x, 0, f[4]);
                    setBits(y, 0, f[5]);
                    e = assertThrows(RuntimeException.class, () -> K.binary(BinaryOp.valueOf(f[2]), x, vector(1), y, vector(1), out, vector(1)));
                }
                assertEquals(message, e.getMessage());
                if (message.equals("ZeroDivisionError")) assertTrue(e instanceof ArithmeticException, e.getClass().getName());
            }));
        }
        assertTrue(tests.size() >= 10, "too few error goldens: " + tests.size());
        return tests.stream();
    }

    @AfterAll
    static void report() {
        if (!Boolean.getBoolean("kernels.report")) return;
        StringBuilder sb = new StringBuilder("largest ulp error per golden block:\n");
        WORST.forEach((k, v) -> sb.append(String.format("  %-60s %s%n", k, v == Long.MAX_VALUE ? "NaN vs number" : v)));
        System.out.print(sb);
    }

    // ------------------------------------------------------------------ layouts

    private static Storage.F32 randomF32(Random rnd, int n, float scale) {
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = (float) (rnd.nextGaussian() * scale);
        return new Storage.F32(d);
    }

    private static Storage.F64 randomF64(Random rnd, int n, double scale) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = rnd.nextGaussian() * scale;
        return new Storage.F64(d);
    }

    /** A unary op over a strided, offset input and a transposed output gives the contiguous kernel's bits. */
    @Test
    void unaryStrided() {
        Random rnd = new Random(1);
        for (UnaryOp op : new UnaryOp[] {UnaryOp.SILU, UnaryOp.ERF, UnaryOp.ROUND, UnaryOp.SOFTPLUS}) {
            // x: a [5, 7] view with strides [21, 3] at offset 2 of a larger storage
            Storage.F32 big = randomF32(rnd, 2 + 21 * 5, 4f);
            Layout xl = new Layout(new int[] {5, 7}, new int[] {21, 3}, 2);
            // out: the transpose of a contiguous [7, 5], i.e. shape [5, 7] with strides [1, 5]
            Storage.F32 out = new Storage.F32(new float[35]);
            Layout ol = new Layout(new int[] {5, 7}, new int[] {1, 5}, 0);
            K.unary(op, 2.0, 3.0, big, xl, out, ol);
            // reference: gather the view densely and run the contiguous kernel
            Storage.F32 dense = new Storage.F32(new float[35]), ref = new Storage.F32(new float[35]);
            K.copy(big, xl, dense, Layout.contiguous(new int[] {5, 7}));
            K.unary(op, 2.0, 3.0, dense, Layout.contiguous(new int[] {5, 7}), ref, Layout.contiguous(new int[] {5, 7}));
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 7; j++) {
                    assertEquals(Float.floatToRawIntBits(ref.data[i * 7 + j]), Float.floatToRawIntBits(out.data[i + 5 * j]),
                            op + " at " + i + "," + j);
                }
            }
        }
    }

    /**
     * float32 GELU takes PyTorch's two algorithms by layout: oneDNN's for a contiguous input of more than one
     * element, ATen's formula for a strided or one-element input (and for float64).
     */
    @Test
    void geluAlgorithmFollowsLayout() {
        float[] xs = {-3.7f, -0.7f, 0.3f, 1.9f};
        Storage.F32 contiguous = new Storage.F32(new float[4]), strided = new Storage.F32(new float[4]);
        K.unary(UnaryOp.GELU, 0, 0, new Storage.F32(xs), vector(4), contiguous, vector(4));
        float[] wide = new float[8];
        for (int i = 0; i < 4; i++) wide[2 * i] = xs[i];
        K.unary(UnaryOp.GELU, 0, 0, new Storage.F32(wide), new Layout(new int[] {4}, new int[] {2}, 0), strided, vector(4));
        for (int i = 0; i < 4; i++) {
            assertEquals(Float.floatToRawIntBits(MathFns.geluDnnlF(xs[i])), Float.floatToRawIntBits(contiguous.data[i]), "contiguous " + xs[i]);
            assertEquals(Float.floatToRawIntBits(MathFns.geluF(xs[i])), Float.floatToRawIntBits(strided.data[i]), "strided " + xs[i]);
            Storage.F32 one = new Storage.F32(new float[1]);
            K.unary(UnaryOp.GELU, 0, 0, new Storage.F32(new float[] {xs[i]}), vector(1), one, vector(1));
            assertEquals(Float.floatToRawIntBits(MathFns.geluF(xs[i])), Float.floatToRawIntBits(one.data[0]), "one element " + xs[i]);
        }
        // the two differ: at -3.7, -3.989518e-4 from oneDNN's approximate erf against -3.988415e-4 from the formula
        assertEquals(-3.989518e-4f, contiguous.data[0]);
        assertEquals(-3.988415e-4f, strided.data[0]);
    }

    /** A binary op with both operands broadcast (stride 0) gives the elementwise results, for float and int64. */
    @Test
    void binaryBroadcast() {
        Random rnd = new Random(2);
        int m = 6, k = 9;
        for (BinaryOp op : new BinaryOp[] {BinaryOp.REMAINDER, BinaryOp.ATAN2, BinaryOp.LOGADDEXP, BinaryOp.HYPOT}) {
            Storage.F64 a = randomF64(rnd, m, 5), b = randomF64(rnd, k, 3); // a: a column [m, 1]; b: a row [k]
            Layout al = Layout.contiguous(new int[] {m, 1}).broadcastTo(new int[] {m, k});
            Layout bl = Layout.contiguous(new int[] {k}).broadcastTo(new int[] {m, k});
            Storage.F64 out = new Storage.F64(new double[m * k]);
            K.binary(op, a, al, b, bl, out, Layout.contiguous(new int[] {m, k}));
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < k; j++) {
                    Storage.F64 one = new Storage.F64(new double[1]);
                    K.binary(op, new Storage.F64(new double[] {a.data[i]}), vector(1), new Storage.F64(new double[] {b.data[j]}),
                            vector(1), one, vector(1));
                    assertEquals(Double.doubleToRawLongBits(one.data[0]), Double.doubleToRawLongBits(out.data[i * k + j]),
                            op + " at " + i + "," + j);
                }
            }
        }
        // int64 remainder with a broadcast scalar divisor of each sign
        long[] xs = {-7, -1, 0, 1, 7, Long.MIN_VALUE, Long.MAX_VALUE};
        for (long d : new long[] {3, -3}) {
            Storage.I64 out = new Storage.I64(new long[xs.length]);
            K.binary(BinaryOp.REMAINDER, new Storage.I64(xs), vector(xs.length), new Storage.I64(new long[] {d}),
                    new Layout(new int[] {xs.length}, new int[] {0}, 0), out, vector(xs.length));
            for (int i = 0; i < xs.length; i++) assertEquals(Math.floorMod(xs[i], d), out.data[i], "remainder(" + xs[i] + ", " + d + ")");
        }
    }

    /** The scan kernel against a plain loop, on a transposed (strided) input and a strided output. */
    @Test
    void scanMatchesLoop() {
        Random rnd = new Random(3);
        int rows = 4, len = 37;
        for (ScanOp op : ScanOp.values()) {
            // x: the transpose of a contiguous [len, rows] storage, so the scanned dimension has stride `rows`
            Storage.F32 x = randomF32(rnd, rows * len, op == ScanOp.CUMSUM ? 10f : 0.2f);
            if (op == ScanOp.CUMPROD) for (int i = 0; i < x.data.length; i++) x.data[i] += 1f;
            Layout xl = new Layout(new int[] {rows, len}, new int[] {1, rows}, 0);
            // out: every other element of a storage twice the size
            Storage.F32 out = new Storage.F32(new float[2 * rows * len]);
            Layout ol = new Layout(new int[] {rows, len}, new int[] {2 * len, 2}, 0);
            K.scan(op, x, xl, out, ol);
            for (int r = 0; r < rows; r++) {
                double acc = op == ScanOp.CUMSUM ? 0 : 1;
                for (int i = 0; i < len; i++) {
                    double v = x.data[r + rows * i];
                    acc = op == ScanOp.CUMSUM ? acc + v : acc * v;
                    assertEquals(Float.floatToRawIntBits((float) acc), Float.floatToRawIntBits(out.data[r * 2 * len + 2 * i]),
                            op + " row " + r + " element " + i);
                }
            }
        }
        // int64 and bool inputs accumulate into int64
        Storage.Bool bools = new Storage.Bool(new boolean[] {true, false, true, true});
        Storage.I64 counts = new Storage.I64(new long[4]);
        K.scan(ScanOp.CUMSUM, bools, vector(4), counts, vector(4));
        assertArrayEquals(new long[] {1, 1, 2, 3}, counts.data);
        Storage.I64 longs = new Storage.I64(new long[] {3, -2, 5, 0, 7});
        Storage.I64 prods = new Storage.I64(new long[5]);
        K.scan(ScanOp.CUMPROD, longs, vector(5), prods, vector(5));
        assertArrayEquals(new long[] {3, -6, -30, 0, 0}, prods.data);
        // a 0-d layout is one element; an empty layout writes nothing
        Storage.F64 s = new Storage.F64(new double[] {2.5}), o = new Storage.F64(new double[1]);
        K.scan(ScanOp.CUMSUM, s, Layout.contiguous(new int[0]), o, Layout.contiguous(new int[0]));
        assertEquals(2.5, o.data[0]);
        K.scan(ScanOp.CUMPROD, s, Layout.contiguous(new int[] {0}), o, Layout.contiguous(new int[] {0}));
    }

    /** all/any over the trailing dimension of a strided 2-d layout, one bool per row. */
    @Test
    void allAnyPerRow() {
        // rows of a transposed [3, 2] view of {{1, 0, 2}, {3, 4, NaN}}: (1, 3), (0, 4), (2, NaN)
        Storage.F64 x = new Storage.F64(new double[] {1, 0, 2, 3, 4, Double.NaN});
        Layout xl = new Layout(new int[] {3, 2}, new int[] {1, 3}, 0);
        Storage.Bool all = new Storage.Bool(new boolean[3]), any = new Storage.Bool(new boolean[3]);
        K.reduce(ReduceOp.ALL, x, xl, 1, all);
        K.reduce(ReduceOp.ANY, x, xl, 1, any);
        assertArrayEquals(new boolean[] {true, false, true}, all.data);
        assertArrayEquals(new boolean[] {true, true, true}, any.data);
    }

    /** Integer division by zero raises PyTorch's message, as an ArithmeticException, for fmod and remainder. */
    @Test
    void integerDivisionByZero() {
        for (BinaryOp op : new BinaryOp[] {BinaryOp.FMOD, BinaryOp.REMAINDER}) {
            Storage.I64 out = new Storage.I64(new long[2]);
            ArithmeticException e = assertThrows(ArithmeticException.class, () -> K.binary(op, new Storage.I64(new long[] {5, 6}),
                    vector(2), new Storage.I64(new long[] {2, 0}), vector(2), out, vector(2)));
            assertEquals("ZeroDivisionError", e.getMessage());
        }
    }

    /** Which ops write bool: the six comparisons stay the only "comparisons". */
    @Test
    void boolOutputs() {
        for (BinaryOp op : BinaryOp.values()) {
            boolean cmp = op.ordinal() >= BinaryOp.EQ.ordinal() && op.ordinal() <= BinaryOp.GE.ordinal();
            assertEquals(cmp, op.isComparison(), op.name());
            assertEquals(cmp || op == BinaryOp.LOGICAL_AND || op == BinaryOp.LOGICAL_OR, op.writesBool(), op.name());
        }
        for (UnaryOp op : UnaryOp.values()) {
            boolean b = op == UnaryOp.ISNAN || op == UnaryOp.ISINF || op == UnaryOp.ISFINITE || op == UnaryOp.LOGICAL_NOT;
            assertEquals(b, op.writesBool(), op.name());
        }
        assertFalse(BinaryOp.ATAN2.writesBool());
    }

    /** log2 is exact at every power of two, including the subnormal ones. */
    @Test
    void log2PowersOfTwo() {
        for (int e = -1074; e <= 1023; e++) assertEquals(e, MathFns.log2(Math.scalb(1.0, e)), "log2(2^" + e + ")");
    }
}
