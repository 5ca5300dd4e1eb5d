package org.autograd4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.autograd4j.GoldenFile;
import org.autograd4j.kernels.vector.VectorCascadeSum;
import org.junit.jupiter.api.Test;

/**
 * {@link CascadeSum} and {@link VectorCascadeSum} against PyTorch 1.13.1's bits ({@code goldens/sum_f32.txt},
 * written by {@code tools/goldens/gen_sum.py}, float32 and float64 despite the name), and the vector code
 * against the plain code, bit for bit.
 */
class CascadeSumTest {
    static final GoldenFile GOLDENS = GoldenFile.read("sum_f32.txt");

    // -------------------------------------------------------------------------- the generator of gen_sum.py

    private static long mix(long seed, long i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static float[] genF32(String mode, long seed, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            long z = mix(seed, i);
            x[i] = switch (mode) {
                case "u01" -> (z >>> 40) * 0x1p-24f;
                case "sym" -> (float) ((z >>> 40) * 0x1p-23 - 1);
                case "wide" -> (float) ((1 - 2 * (z & 1)) * Math.scalb(1 + (z >>> 41) * 0x1p-23, (int) ((z >>> 1) & 31) - 16));
                default -> throw new IllegalArgumentException(mode);
            };
        }
        return x;
    }

    static double[] genF64(String mode, long seed, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            long z = mix(seed, i);
            x[i] = switch (mode) {
                case "u01" -> (z >>> 11) * 0x1p-53;
                case "sym" -> (z >>> 11) * 0x1p-52 - 1;
                case "wide" -> (1 - 2 * (z & 1)) * Math.scalb(1 + (z >>> 12) * 0x1p-52, (int) ((z >>> 1) & 31) - 16);
                default -> throw new IllegalArgumentException(mode);
            };
        }
        return x;
    }

    @Test
    void generatorIsGenSumPys() {
        // gen_sum.gen(dtype, mode, 42, 3), as Python's float.hex() prints them
        assertArrayEquals(new float[] {0x1.7bae64p-1f, 0x1.477f18p-3f, 0x1.1d499cp-2f}, genF32("u01", 42, 3));
        assertArrayEquals(new float[] {0x1.eeb99p-2f, -0x1.5c4074p-1f, -0x1.c56cc8p-2f}, genF32("sym", 42, 3));
        assertArrayEquals(new float[] {-0x1.bdd732p-6f, -0x1.28efe2p-15f, 0x1.475266p-7f}, genF32("wide", 42, 3));
        assertArrayEquals(new double[] {0x1.7bae644c5fd6dp-1, 0x1.477f199d93378p-3, 0x1.1d499d5c4c3e6p-2}, genF64("u01", 42, 3));
        assertArrayEquals(new double[] {0x1.eeb991317f5b4p-2, -0x1.5c40733136644p-1, -0x1.c56cc54767834p-2}, genF64("sym", 42, 3));
        assertArrayEquals(new double[] {-0x1.bdd732262feb6p-6, -0x1.28efe333b266fp-15, 0x1.47526757130f9p-7}, genF64("wide", 42, 3));
    }

    // -------------------------------------------------------------------------- goldens

    /** One line of {@code sum ...}: a 1-D sum at one and two threads. */
    record Sum(String dtype, String mode, long seed, int n, int stride, long t1, long t2) {
        String category() {
            String size = n <= 300 ? "n<=300" : n < CascadeSum.GRAIN_SIZE ? "300<n<32768" : "n>=32768";
            return dtype + (stride == 1 ? " contiguous " : " stride " + stride + " ") + size;
        }
    }

    /** One {@code rows ...} block: x.sum(dim) of an [r, c] tensor. */
    record Rows(String dtype, String mode, long seed, int r, int c, int dim, long[] t1, long[] t2) {
        String category() {
            return dtype + " sum(" + dim + ")" + (r * c >= CascadeSum.GRAIN_SIZE ? " numel>=32768" : "");
        }
    }

    /** One {@code view ...} block: v.sum(dim) or v.sum() of a 2-D view of an [r, c] tensor. */
    record View(String dtype, String mode, long seed, int r, int c, String view, String dim, long[] t1, long[] t2) {
        String category() {
            return dtype + " " + view + ".sum(" + (dim.equals("all") ? "" : dim) + ")";
        }
    }

    static final List<Sum> SUMS = new ArrayList<>();
    static final List<Rows> ROWS = new ArrayList<>();
    static final List<View> VIEWS = new ArrayList<>();

    static {
        List<GoldenFile.Line> lines = GOLDENS.lines();
        for (int k = 0; k < lines.size(); k++) {
            String[] t = lines.get(k).tokens();
            switch (t[0]) {
                case "sum" -> SUMS.add(new Sum(t[1], t[2], Long.parseLong(t[3]), Integer.parseInt(t[4]),
                        Integer.parseInt(t[5]), Long.parseUnsignedLong(t[6], 16), Long.parseUnsignedLong(t[7], 16)));
                case "rows" -> {
                    long[] t1 = hexes(lines.get(++k).tokens(), "t1");
                    long[] t2 = k + 1 < lines.size() && lines.get(k + 1).startsWith("t2 ") ? hexes(lines.get(++k).tokens(), "t2") : t1;
                    ROWS.add(new Rows(t[1], t[2], Long.parseLong(t[3]), Integer.parseInt(t[4]), Integer.parseInt(t[5]),
                            Integer.parseInt(t[6]), t1, t2));
                }
                case "view" -> {
                    long[] t1 = hexes(lines.get(++k).tokens(), "t1");
                    long[] t2 = k + 1 < lines.size() && lines.get(k + 1).startsWith("t2 ") ? hexes(lines.get(++k).tokens(), "t2") : t1;
                    VIEWS.add(new View(t[1], t[2], Long.parseLong(t[3]), Integer.parseInt(t[4]), Integer.parseInt(t[5]),
                            t[6], t[7], t1, t2));
                }
                default -> throw lines.get(k).error("unknown line");
            }
        }
    }

    private static long[] hexes(String[] t, String tag) {
        assertEquals(tag, t[0]);
        String[] s = t[1].split(",");
        long[] v = new long[s.length];
        for (int i = 0; i < s.length; i++) v[i] = Long.parseUnsignedLong(s[i], 16);
        return v;
    }

    /** The bits, NaN as one pattern (PyTorch's NaN payloads are not compared). */
    private static long bits(float v) {
        return Float.floatToIntBits(v) & 0xFFFFFFFFL;
    }

    private static long bits(double v) {
        return Double.doubleToLongBits(v);
    }

    interface Summer {
        long sum(Sum s, float[] f, double[] d, int threads);
    }

    static final Summer PLAIN = (s, f, d, t) -> f != null
            ? bits(CascadeSum.sumF32(f, 0, s.stride, s.n, t)) : bits(CascadeSum.sumF64(d, 0, s.stride, s.n, t));
    static final Summer VECTOR = (s, f, d, t) -> f != null
            ? bits(VectorCascadeSum.sumF32(f, 0, s.stride, s.n, t)) : bits(VectorCascadeSum.sumF64(d, 0, s.stride, s.n, t));

    /** Counts bit-identical results per category; fails listing the first mismatches. */
    static final class Tally {
        final String what;
        final Map<String, int[]> counts = new TreeMap<>();
        final List<String> misses = new ArrayList<>();

        Tally(String what) {
            this.what = what;
        }

        void add(String category, boolean same, String detail) {
            int[] c = counts.computeIfAbsent(category, k -> new int[2]);
            c[1]++;
            if (same) c[0]++;
            else if (misses.size() < 20) misses.add(detail);
        }

        void check() {
            StringBuilder sb = new StringBuilder(what).append(": bit-identical per case\n");
            counts.forEach((k, c) -> sb.append(String.format("  %-40s %7d / %-7d%n", k, c[0], c[1])));
            System.out.print(sb);
            assertTrue(misses.isEmpty(), sb + "first mismatches:\n  " + String.join("\n  ", misses));
            assertTrue(!counts.isEmpty(), "no cases");
        }
    }

    private static void sums(String what, Summer summer) {
        Tally tally = new Tally(what);
        for (Sum s : SUMS) {
            boolean f32 = s.dtype.equals("float32");
            float[] f = f32 ? genF32(s.mode, s.seed, s.n * s.stride) : null;
            double[] d = f32 ? null : genF64(s.mode, s.seed, s.n * s.stride);
            long one = summer.sum(s, f, d, 1);
            tally.add(s.category() + " t1", one == s.t1, s + " one thread: " + Long.toHexString(one));
            if (s.n >= CascadeSum.GRAIN_SIZE) {
                long two = summer.sum(s, f, d, 2);
                tally.add(s.category() + " t2", two == s.t2, s + " two threads: " + Long.toHexString(two));
            }
        }
        tally.check();
    }

    @Test
    void plainSumsArePyTorchs() {
        sums("CascadeSum 1-D sums vs PyTorch", PLAIN);
    }

    @Test
    void vectorSumsArePyTorchs() {
        sums("VectorCascadeSum 1-D sums vs PyTorch", VECTOR);
    }

    private static void rows(String what, boolean vector) {
        Tally tally = new Tally(what);
        for (Rows g : ROWS) {
            boolean f32 = g.dtype.equals("float32");
            int outs = g.dim == 1 ? g.r : g.c;
            long[] got = new long[outs];
            if (f32) {
                float[] x = genF32(g.mode, g.seed, g.r * g.c);
                float[] out = new float[outs];
                if (g.dim == 1) {
                    for (int i = 0; i < g.r; i++) {
                        out[i] = vector ? VectorCascadeSum.sumF32(x, i * g.c, 1, g.c) : CascadeSum.sumF32(x, i * g.c, 1, g.c);
                    }
                } else if (vector) {
                    VectorCascadeSum.sumColumnsF32(x, 0, g.r, g.c, g.c, out, 0);
                } else {
                    CascadeSum.sumColumnsF32(x, 0, g.r, g.c, g.c, out, 0);
                }
                for (int i = 0; i < outs; i++) got[i] = bits(out[i]);
            } else {
                double[] x = genF64(g.mode, g.seed, g.r * g.c);
                double[] out = new double[outs];
                if (g.dim == 1) {
                    for (int i = 0; i < g.r; i++) {
                        out[i] = vector ? VectorCascadeSum.sumF64(x, i * g.c, 1, g.c) : CascadeSum.sumF64(x, i * g.c, 1, g.c);
                    }
                } else if (vector) {
                    VectorCascadeSum.sumColumnsF64(x, 0, g.r, g.c, g.c, out, 0);
                } else {
                    CascadeSum.sumColumnsF64(x, 0, g.r, g.c, g.c, out, 0);
                }
                for (int i = 0; i < outs; i++) got[i] = bits(out[i]);
            }
            assertEquals(outs, g.t1.length, g + " outputs");
            for (int i = 0; i < outs; i++) {
                String where = g.dtype + " [" + g.r + ", " + g.c + "].sum(" + g.dim + ")[" + i + "] seed " + g.seed;
                tally.add(g.category(), got[i] == g.t1[i], where + ": " + Long.toHexString(got[i]) + ", PyTorch "
                        + Long.toHexString(g.t1[i]));
                // two threads split these over the outputs only: the same bits
                assertEquals(g.t1[i], g.t2[i], where + " at two threads");
            }
        }
        tally.check();
    }

    @Test
    void plainRowAndColumnSumsArePyTorchs() {
        rows("CascadeSum x.sum(dim) of [r, c] vs PyTorch (per output)", false);
    }

    @Test
    void vectorRowAndColumnSumsArePyTorchs() {
        rows("VectorCascadeSum x.sum(dim) of [r, c] vs PyTorch (per output)", true);
    }

    /**
     * PyTorch's {@code v.sum(dim)} ({@code dim} "0" or "1") or {@code v.sum()} ("all") of the 2-D view
     * {@code x[off + i * s0 + j * s1]}, {@code i < n0, j < n1}, the way TensorIterator hands it to the kernel:
     * the reduced dim innermost, size-1 dims and dims that chain in memory coalesced, one 2-D block.
     */
    static long[] viewSum(float[] f, double[] d, int off, int n0, int n1, int s0, int s1, String dim, boolean vector) {
        int nr, sr, nk, sk;
        int outStride = 1;
        if (dim.equals("all")) {
            boolean firstInner = n1 == 1 || (n0 != 1 && s0 < s1);
            nr = firstInner ? n0 : n1;
            sr = firstInner ? s0 : s1;
            nk = firstInner ? n1 : n0;
            sk = firstInner ? s1 : s0;
            if (nr == 1 || nk == 1 || sk == sr * nr) {
                // one dim left: the 1-D sum (a size-1 dim or an outer dim that continues the inner one)
                int stride = nr == 1 ? sk : sr;
                return new long[] {f != null ? bits(vector ? VectorCascadeSum.sumF32(f, off, stride, n0 * n1) : CascadeSum.sumF32(f, off, stride, n0 * n1))
                    : bits(vector ? VectorCascadeSum.sumF64(d, off, stride, n0 * n1) : CascadeSum.sumF64(d, off, stride, n0 * n1))};
            }
            outStride = 0;
        } else {
            boolean first = dim.equals("0");
            nr = first ? n0 : n1;
            sr = first ? s0 : s1;
            nk = first ? n1 : n0;
            sk = first ? s1 : s0;
            if (nk == 1) {
                return new long[] {f != null ? bits(vector ? VectorCascadeSum.sumF32(f, off, sr, nr) : CascadeSum.sumF32(f, off, sr, nr))
                    : bits(vector ? VectorCascadeSum.sumF64(d, off, sr, nr) : CascadeSum.sumF64(d, off, sr, nr))};
            }
        }
        int outs = outStride == 0 ? 1 : nk;
        long[] got = new long[outs];
        if (f != null) {
            float[] out = new float[outs];
            if (vector) VectorCascadeSum.reduceBlockF32(f, off, nr, sr, nk, sk, out, 0, outStride);
            else CascadeSum.reduceBlockF32(f, off, nr, sr, nk, sk, out, 0, outStride);
            for (int i = 0; i < outs; i++) got[i] = bits(out[i]);
        } else {
            double[] out = new double[outs];
            if (vector) VectorCascadeSum.reduceBlockF64(d, off, nr, sr, nk, sk, out, 0, outStride);
            else CascadeSum.reduceBlockF64(d, off, nr, sr, nk, sk, out, 0, outStride);
            for (int i = 0; i < outs; i++) got[i] = bits(out[i]);
        }
        return got;
    }

    private static void views(String what, boolean vector) {
        Tally tally = new Tally(what);
        int twoThreadsDiffer = 0;
        for (View g : VIEWS) {
            boolean f32 = g.dtype.equals("float32");
            float[] f = f32 ? genF32(g.mode, g.seed, g.r * g.c) : null;
            double[] d = f32 ? null : genF64(g.mode, g.seed, g.r * g.c);
            long[] got = switch (g.view) {
                case "cols2" -> viewSum(f, d, 0, g.r, (g.c + 1) / 2, g.c, 2, g.dim, vector);
                case "rows2" -> viewSum(f, d, 0, (g.r + 1) / 2, g.c, 2 * g.c, 1, g.dim, vector);
                case "t" -> viewSum(f, d, 0, g.c, g.r, 1, g.c, g.dim, vector);
                case "narrow" -> viewSum(f, d, 1, g.r, g.c - 1, g.c, 1, g.dim, vector);
                default -> throw new IllegalArgumentException(g.view);
            };
            assertEquals(g.t1.length, got.length, g + " outputs");
            for (int i = 0; i < got.length; i++) {
                tally.add(g.category(), got[i] == g.t1[i], g.dtype + " " + g.view + " of [" + g.r + ", " + g.c + "] .sum("
                        + g.dim + ")[" + i + "] seed " + g.seed + ": " + Long.toHexString(got[i]) + ", PyTorch " + Long.toHexString(g.t1[i]));
            }
            if (g.t1 != g.t2) twoThreadsDiffer++;
            if (g.view.equals("t") && g.dim.equals("all")) {
                // x.t().sum() coalesces to the contiguous 1-D sum: at two threads, ATen's two-pass split
                int n = g.r * g.c;
                long two = f32 ? bits(vector ? VectorCascadeSum.sumF32(f, 0, 1, n, 2) : CascadeSum.sumF32(f, 0, 1, n, 2))
                        : bits(vector ? VectorCascadeSum.sumF64(d, 0, 1, n, 2) : CascadeSum.sumF64(d, 0, 1, n, 2));
                tally.add(g.category() + " two threads", two == g.t2[0], g + " at two threads: " + Long.toHexString(two));
            }
        }
        System.out.println("  (" + twoThreadsDiffer + " of " + VIEWS.size() + " view blocks give other bits at two threads; only x.t().sum(), the 1-D split, is emulated)");
        tally.check();
    }

    @Test
    void plainViewSumsArePyTorchs() {
        views("CascadeSum sums of strided 2-D views vs PyTorch, one thread (per output)", false);
    }

    @Test
    void vectorViewSumsArePyTorchs() {
        views("VectorCascadeSum sums of strided 2-D views vs PyTorch, one thread (per output)", true);
    }

    // -------------------------------------------------------------------------- vector vs plain

    static final int[] ODD = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 15, 16, 17, 24, 25, 31, 32, 33, 63, 64, 65, 100,
        127, 128, 129, 255, 256, 257, 511, 1023, 1024, 4095, 4096, 4098, 8191, 8193, 65537, 300007};

    /** Inputs with signed zeros, infinities and NaN mixed in, for the corners the goldens do not reach. */
    private static void specials(float[] f, double[] d, long seed) {
        float[] fs = {-0f, 0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE};
        double[] ds = {-0d, 0d, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE};
        for (int i = 0; i < f.length; i++) {
            long z = mix(seed ^ 0x5DEECE66DL, i);
            if ((z & 63) == 0) {
                f[i] = fs[(int) ((z >>> 8) & 7)];
                d[i] = ds[(int) ((z >>> 8) & 7)];
            }
        }
    }

    private static void eachInput(Consumer<Object[]> body) {
        long seed = 100;
        for (String mode : new String[] {"u01", "sym", "wide", "special", "negzero"}) {
            for (int n : ODD) {
                seed++;
                int len = 3 * n + 40;
                float[] f = genF32(mode.equals("u01") || mode.equals("sym") || mode.equals("wide") ? mode : "sym", seed, len);
                double[] d = genF64(mode.equals("u01") || mode.equals("sym") || mode.equals("wide") ? mode : "sym", seed, len);
                if (mode.equals("special")) specials(f, d, seed);
                if (mode.equals("negzero")) {
                    java.util.Arrays.fill(f, -0f);
                    java.util.Arrays.fill(d, -0d);
                }
                body.accept(new Object[] {mode, n, f, d});
            }
        }
    }

    @Test
    void vectorIsPlainBitForBit() {
        Tally tally = new Tally("VectorCascadeSum vs CascadeSum");
        eachInput(in -> {
            String mode = (String) in[0];
            int n = (int) in[1];
            float[] f = (float[]) in[2];
            double[] d = (double[]) in[3];
            for (int off : new int[] {0, 3}) {
                for (int stride : new int[] {1, 2, 3}) {
                    String where = mode + " n=" + n + " off=" + off + " stride=" + stride;
                    tally.add("float32 1-D " + mode, bits(VectorCascadeSum.sumF32(f, off, stride, n)) == bits(CascadeSum.sumF32(f, off, stride, n)), where);
                    tally.add("float64 1-D " + mode, bits(VectorCascadeSum.sumF64(d, off, stride, n)) == bits(CascadeSum.sumF64(d, off, stride, n)), where);
                }
                for (int threads : new int[] {2, 3, 9}) {
                    String where = mode + " n=" + n + " threads=" + threads;
                    tally.add("float32 1-D threads " + mode, bits(VectorCascadeSum.sumF32(f, off, 1, n, threads)) == bits(CascadeSum.sumF32(f, off, 1, n, threads)), where);
                    tally.add("float64 1-D threads " + mode, bits(VectorCascadeSum.sumF64(d, off, 1, n, threads)) == bits(CascadeSum.sumF64(d, off, 1, n, threads)), where);
                }
            }
            // 2-D blocks through ATen's four cases, accumulating into one or several outputs
            int size0 = Math.min(n, 200);
            for (int size1 : new int[] {1, 5, 8, 9, 33, 40}) {
                int[][] strides = {{1, size0 + 1}, {size1 + 2, 1}, {2, 2 * size0 + 1}, {3 * size1, 3}, {0, 1}};
                for (int[] st : strides) {
                    long last = (long) Math.max(0, size0 - 1) * st[0] + (long) (size1 - 1) * st[1] + 2;
                    if (size0 == 0 || last > f.length) continue;
                    for (int os : new int[] {1, 0}) {
                        float[] fo = new float[size1], fv = new float[size1];
                        double[] dout = new double[size1], dv = new double[size1];
                        CascadeSum.reduceBlockF32(f, 2, size0, st[0], size1, st[1], fo, 0, os);
                        VectorCascadeSum.reduceBlockF32(f, 2, size0, st[0], size1, st[1], fv, 0, os);
                        CascadeSum.reduceBlockF64(d, 2, size0, st[0], size1, st[1], dout, 0, os);
                        VectorCascadeSum.reduceBlockF64(d, 2, size0, st[0], size1, st[1], dv, 0, os);
                        for (int c = 0; c < size1; c++) {
                            String where = mode + " block " + size0 + "x" + size1 + " strides " + st[0] + "," + st[1] + " out stride " + os + " #" + c;
                            tally.add("float32 blocks " + mode, bits(fo[c]) == bits(fv[c]), where);
                            tally.add("float64 blocks " + mode, bits(dout[c]) == bits(dv[c]), where);
                        }
                    }
                }
            }
            // columns: [rows, cols] blocks with row stride cols or cols + 3, cols over the same odd sizes (capped)
            for (int cols : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 17, 25, 31, 32, 33, 40, 64, 65, 100}) {
                int rows = Math.min(n, 64);
                for (int pad : new int[] {0, 3}) {
                    int rs = cols + pad;
                    if ((long) rows * rs + 1 > f.length) continue;
                    float[] fo = new float[cols + 1], fv = new float[cols + 1];
                    double[] dout = new double[cols + 1], dv = new double[cols + 1];
                    CascadeSum.sumColumnsF32(f, 1, rows, rs, cols, fo, 1);
                    VectorCascadeSum.sumColumnsF32(f, 1, rows, rs, cols, fv, 1);
                    CascadeSum.sumColumnsF64(d, 1, rows, rs, cols, dout, 1);
                    VectorCascadeSum.sumColumnsF64(d, 1, rows, rs, cols, dv, 1);
                    for (int c = 0; c <= cols; c++) {
                        String where = mode + " rows=" + rows + " cols=" + cols + " rs=" + rs + " col " + c;
                        tally.add("float32 columns " + mode, bits(fo[c]) == bits(fv[c]), where);
                        tally.add("float64 columns " + mode, bits(dout[c]) == bits(dv[c]), where);
                    }
                }
            }
        });
        tally.check();
    }

    // -------------------------------------------------------------------------- properties of PyTorch's order

    @Test
    void negativeZerosSumToPositiveZero() {
        // PyTorch fills the output with +0 and adds the sum into it: torch.full((n,), -0.).sum() is +0
        for (int n : new int[] {0, 1, 3, 8, 20, 1000}) {
            float[] f = new float[n];
            double[] d = new double[n];
            java.util.Arrays.fill(f, -0f);
            java.util.Arrays.fill(d, -0d);
            assertEquals(0, Float.floatToRawIntBits(CascadeSum.sumF32(f, 0, 1, n)), "n=" + n);
            assertEquals(0, Double.doubleToRawLongBits(CascadeSum.sumF64(d, 0, 1, n)), "n=" + n);
            assertEquals(0, Float.floatToRawIntBits(VectorCascadeSum.sumF32(f, 0, 1, n)), "n=" + n);
        }
    }

    @Test
    void orderIsPyTorchsNotTheExactSum() {
        // [1, 2^-24 x 8 ...]: PyTorch's 8 lanes each add 2^-24 to 0 or 1 in their own order; the exact sum
        // 1 + 8 * 2^-24 rounds to 1 + 2^-21 while lane 0 (1 + 2^-24 = 1) loses its small part: PyTorch's bits
        float[] x = new float[9];
        x[0] = 1f;
        for (int i = 1; i < 9; i++) x[i] = 0x1p-24f;
        // n = 9: one 8-lane vector (lanes 1..7 hold 2^-24 each, lane 0 holds 1), tail x[8] first:
        // ((((0 + 2^-24) + 1) + 2^-24) + ...): every 2^-24 meets 1 alone and is lost, except the first
        float expected = 0f + 0x1p-24f;
        expected += 1f;
        for (int l = 1; l < 8; l++) expected += 0x1p-24f;
        assertEquals(expected, CascadeSum.sumF32(x, 0, 1, 9));
        assertEquals(1f, expected);
        assertEquals(1f + 0x1p-21f, (float) (1 + 8 * 0x1p-24), "the exact sum differs");
    }
}
