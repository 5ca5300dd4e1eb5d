package org.autograd4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.autograd4j.kernels.vector.VectorGemm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plain {@link Gemm} and the Vector API {@link VectorGemm} give the same bits for every size, layout and
 * thread count, and both stay within the fma chain's error bound of a double-precision reference.
 */
class GemmTest {
    private static final int[] SIZES = {1, 2, 3, 4, 6, 8, 13, 16, 17, 25, 31, 64, 100};
    private static final int DEFAULT_THREADS = Parallel.numThreads();

    @AfterEach
    void restoreThreads() {
        Parallel.setNumThreads(DEFAULT_THREADS);
    }

    /** How an operand [batch, rows, cols] lies in its array. */
    enum Mode { ROW_MAJOR, TRANSPOSED, STRIDED, BROADCAST_BATCH }

    /** An operand: its array (with slack around it), offset and strides. */
    record Operand(float[] f, double[] d, int off, int bs, int rs, int cs) {
        static Operand of(Random rnd, Mode mode, int batch, int rows, int cols) {
            int off, bs, rs, cs, len;
            switch (mode) {
                case ROW_MAJOR -> { off = 0; cs = 1; rs = cols; bs = rows * cols; len = batch * bs; }
                case TRANSPOSED -> { off = 1; rs = 1; cs = rows; bs = rows * cols; len = off + batch * bs; }
                case STRIDED -> { off = 5; cs = 2; rs = 2 * cols + 3; bs = rows * rs + 1; len = off + batch * bs; }
                default -> { off = 2; cs = 1; rs = cols; bs = 0; len = off + rows * cols; }
            }
            len += 7; // slack: nothing may read or write past the last element
            float[] f = new float[len];
            double[] d = new double[len];
            for (int i = 0; i < len; i++) {
                d[i] = rnd.nextGaussian();
                f[i] = (float) rnd.nextGaussian();
            }
            return new Operand(f, d, off, bs, rs, cs);
        }
    }

    private record Result(float[] plainF, float[] vectorF, double[] plainD, double[] vectorD) {
    }

    private static final int C_OFF = 3, C_SLACK = 4;

    private static Result run(int batch, int m, int n, int k, Operand a, Operand b) {
        int len = C_OFF + batch * m * n + C_SLACK;
        float[] pf = new float[len], vf = new float[len];
        double[] pd = new double[len], vd = new double[len];
        // garbage in c: the product must overwrite it, not accumulate into it
        Arrays.fill(pf, 7f);
        Arrays.fill(vf, 7f);
        Arrays.fill(pd, 7d);
        Arrays.fill(vd, 7d);
        Gemm.sgemm(batch, m, n, k, a.f, a.off, a.bs, a.rs, a.cs, b.f, b.off, b.bs, b.rs, b.cs, pf, C_OFF);
        VectorGemm.sgemm(batch, m, n, k, a.f, a.off, a.bs, a.rs, a.cs, b.f, b.off, b.bs, b.rs, b.cs, vf, C_OFF);
        Gemm.dgemm(batch, m, n, k, a.d, a.off, a.bs, a.rs, a.cs, b.d, b.off, b.bs, b.rs, b.cs, pd, C_OFF);
        VectorGemm.dgemm(batch, m, n, k, a.d, a.off, a.bs, a.rs, a.cs, b.d, b.off, b.bs, b.rs, b.cs, vd, C_OFF);
        return new Result(pf, vf, pd, vd);
    }

    /** Runs both implementations in both dtypes and checks bits and the reference. */
    private static void check(Random rnd, int batch, int m, int n, int k, Mode ma, Mode mb) {
        Operand a = Operand.of(rnd, ma, batch, m, k), b = Operand.of(rnd, mb, batch, k, n);
        Result r = run(batch, m, n, k, a, b);
        String where = batch + "x" + m + "x" + n + "x" + k + " " + ma + "/" + mb;
        if (!Arrays.equals(r.plainF, r.vectorF)) fail("float32 plain and vector differ at " + firstDiff(r.plainF, r.vectorF) + ": " + where);
        if (!Arrays.equals(r.plainD, r.vectorD)) fail("float64 plain and vector differ: " + where);
        for (int i = 0; i < C_OFF; i++) assertEquals(7f, r.plainF[i], "wrote before c: " + where);
        for (int i = C_OFF + batch * m * n; i < r.plainF.length; i++) assertEquals(7f, r.plainF[i], "wrote past c: " + where);
        for (int bi = 0; bi < batch; bi++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sf = 0, af = 0, sd = 0, ad = 0;
                    for (int p = 0; p < k; p++) {
                        int ia = a.off + bi * a.bs + i * a.rs + p * a.cs, ib = b.off + bi * b.bs + p * b.rs + j * b.cs;
                        double xf = (double) a.f[ia] * b.f[ib], xd = a.d[ia] * b.d[ib];
                        sf += xf;
                        af += Math.abs(xf);
                        sd += xd;
                        ad += Math.abs(xd);
                    }
                    int ci = C_OFF + (bi * m + i) * n + j;
                    // an fma chain of k steps: at most k roundings of partial sums bounded by the absolute sum
                    double tolF = (k + 1) * 0x1p-24 * af + Float.MIN_VALUE, tolD = (k + 1) * 0x1p-53 * ad * 1.01 + Double.MIN_VALUE;
                    if (Math.abs(r.plainF[ci] - sf) > tolF) fail("float32 off the reference at " + bi + "," + i + "," + j + ": " + where + " got " + r.plainF[ci] + " want " + sf);
                    if (Math.abs(r.plainD[ci] - sd) > tolD) fail("float64 off the reference at " + bi + "," + i + "," + j + ": " + where);
                }
            }
        }
    }

    private static int firstDiff(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) if (Float.floatToRawIntBits(x[i]) != Float.floatToRawIntBits(y[i])) return i;
        return -1;
    }

    @Test
    void everySizeAllFourTransposes() {
        Random rnd = new Random(1);
        Mode[] two = {Mode.ROW_MAJOR, Mode.TRANSPOSED};
        for (int m : SIZES) for (int n : SIZES) for (int k : SIZES) for (Mode ma : two) for (Mode mb : two) check(rnd, 1, m, n, k, ma, mb);
    }

    @Test
    void largerSizesCrossTheBlocks() {
        Random rnd = new Random(2);
        Mode[] two = {Mode.ROW_MAJOR, Mode.TRANSPOSED};
        for (Mode ma : two) {
            for (Mode mb : two) {
                check(rnd, 1, 129, 257, 70, ma, mb);
                check(rnd, 1, 300, 300, 300, ma, mb); // K > KC: the chain continues from C's partial sums
                check(rnd, 1, 37, 41, 2 * Gemm.KC + 3, ma, mb);
                check(rnd, 1, 3, Gemm.NC + 21, 9, ma, mb); // more columns than one B panel
                check(rnd, 1, Gemm.MC + 5, 20, 30, ma, mb); // more rows than one A block
            }
        }
    }

    @Test
    void stridedOperandsAndOffsets() {
        Random rnd = new Random(3);
        int[][] shapes = {{1, 1, 1}, {5, 7, 3}, {17, 33, 9}, {13, 100, 31}, {64, 64, 64}, {70, 90, 300}};
        for (int[] s : shapes) {
            for (Mode other : Mode.values()) {
                check(rnd, 2, s[0], s[1], s[2], Mode.STRIDED, other);
                check(rnd, 2, s[0], s[1], s[2], other, Mode.STRIDED);
            }
        }
    }

    @Test
    void batchesIncludingBroadcastAndEmpty() {
        Random rnd = new Random(4);
        int[][] shapes = {{3, 4, 5}, {8, 8, 8}, {25, 17, 13}, {100, 64, 31}, {130, 40, 50}};
        for (int batch : new int[] {0, 1, 3}) {
            for (int[] s : shapes) {
                for (Mode ma : Mode.values()) {
                    for (Mode mb : Mode.values()) check(rnd, batch, s[0], s[1], s[2], ma, mb);
                }
            }
        }
    }

    @Test
    void emptyDepthGivesZeros() {
        Random rnd = new Random(5);
        for (int[] s : new int[][] {{3, 4}, {40, 70}}) {
            Operand a = Operand.of(rnd, Mode.ROW_MAJOR, 2, s[0], 0), b = Operand.of(rnd, Mode.ROW_MAJOR, 2, 0, s[1]);
            Result r = run(2, s[0], s[1], 0, a, b);
            for (int i = C_OFF; i < C_OFF + 2 * s[0] * s[1]; i++) {
                assertEquals(0, Float.floatToRawIntBits(r.plainF[i]));
                assertEquals(0, Float.floatToRawIntBits(r.vectorF[i]));
                assertEquals(0L, Double.doubleToRawLongBits(r.plainD[i]));
                assertEquals(0L, Double.doubleToRawLongBits(r.vectorD[i]));
            }
        }
    }

    @Test
    void specialValuesAgree() {
        // inf, nan and signed zeros travel the chains the same way in both implementations
        Random rnd = new Random(6);
        float[] specials = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, -0f, 0f, Float.MAX_VALUE, Float.MIN_VALUE};
        for (int[] s : new int[][] {{5, 9, 7}, {40, 70, 300}}) {
            Operand a = Operand.of(rnd, Mode.ROW_MAJOR, 1, s[0], s[2]), b = Operand.of(rnd, Mode.TRANSPOSED, 1, s[2], s[1]);
            for (int i = 0; i < a.f.length; i += 5) {
                a.f[i] = specials[rnd.nextInt(specials.length)];
                a.d[i] = a.f[i];
            }
            Result r = run(1, s[0], s[1], s[2], a, b);
            assertTrue(Arrays.equals(r.plainF, r.vectorF));
            assertTrue(Arrays.equals(r.plainD, r.vectorD));
        }
    }

    @Test
    void threadCountDoesNotChangeTheBits() {
        Random rnd = new Random(7);
        // shapes that split by rows, by columns (few rows, or more columns than rows) and by batch; the last:
        // small m and n, long k: shared packed panels over many K blocks
        int[][] shapes = {{300, 300, 300, 1}, {4, 2000, 300, 1}, {100, 120, 200, 3}, {257, 129, 70, 2},
            {100, Gemm.NC + 40, 3 * Gemm.KC + 10, 1}, {40, 41, 12 * Gemm.KC + 7, 1}};
        for (int[] s : shapes) {
            for (Mode mb : new Mode[] {Mode.ROW_MAJOR, Mode.TRANSPOSED}) {
                Operand a = Operand.of(rnd, Mode.ROW_MAJOR, s[3], s[0], s[2]), b = Operand.of(rnd, mb, s[3], s[2], s[1]);
                Parallel.setNumThreads(1);
                Result one = run(s[3], s[0], s[1], s[2], a, b);
                Parallel.setNumThreads(2);
                Result two = run(s[3], s[0], s[1], s[2], a, b);
                Parallel.setNumThreads(3);
                Result three = run(s[3], s[0], s[1], s[2], a, b);
                for (Result r : new Result[] {two, three}) {
                    assertArrayEquals(one.plainF, r.plainF);
                    assertArrayEquals(one.vectorF, r.vectorF);
                    assertArrayEquals(one.plainD, r.plainD);
                    assertArrayEquals(one.vectorD, r.vectorD);
                }
                assertArrayEquals(one.plainF, one.vectorF);
            }
        }
    }

    @Test
    void everyTileShapeGivesTheSameBits() {
        Random rnd = new Random(8);
        Operand a = Operand.of(rnd, Mode.ROW_MAJOR, 1, 77, 300), b = Operand.of(rnd, Mode.ROW_MAJOR, 1, 300, 101);
        float[] want = new float[77 * 101];
        double[] wantD = new double[77 * 101];
        Gemm.sgemm(1, 77, 101, 300, a.f, a.off, a.bs, a.rs, a.cs, b.f, b.off, b.bs, b.rs, b.cs, want, 0);
        Gemm.dgemm(1, 77, 101, 300, a.d, a.off, a.bs, a.rs, a.cs, b.d, b.off, b.bs, b.rs, b.cs, wantD, 0);
        for (String shape : VectorGemm.SHAPES) {
            float[] got = new float[want.length];
            double[] gotD = new double[want.length];
            Gemm.blocked(1, 77, 101, 300, a.f, a.off, a.bs, a.rs, a.cs, b.f, b.off, b.bs, b.rs, b.cs, got, 0, VectorGemm.f32Tile(shape));
            Gemm.blocked(1, 77, 101, 300, a.d, a.off, a.bs, a.rs, a.cs, b.d, b.off, b.bs, b.rs, b.cs, gotD, 0, VectorGemm.f64Tile(shape));
            assertArrayEquals(want, got, shape);
            assertArrayEquals(wantD, gotD, shape);
        }
        assertThrows(IllegalArgumentException.class, () -> VectorGemm.f32Tile("5x5"));
    }

    @Test
    void theDefaultTileFitsTheRegisters() {
        // rows·vectors accumulators + vectors of B + broadcasts of A: 3x3 needs 15 of AVX2's 16, 4x3 19 of 32
        // (12x2 would need 38, 8x3 35)
        assertEquals("3x3", VectorGemm.defaultTile(16));
        assertEquals("4x3", VectorGemm.defaultTile(32));
        assertEquals("4x2", VectorGemm.defaultTile(14));
    }

    // ---------------------------------------------------------------- Parallel

    @Test
    void forRangeCoversEveryIndexOnce() {
        for (int threads : new int[] {1, 2, 5}) {
            Parallel.setNumThreads(threads);
            for (int n : new int[] {0, 1, 2, 7, 100, 1001}) {
                for (int grain : new int[] {0, 1, 3, 64, 5000}) {
                    AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(n, 1));
                    AtomicInteger calls = new AtomicInteger();
                    Parallel.forRange(n, grain, (from, to) -> {
                        calls.incrementAndGet();
                        assertTrue(from < to);
                        for (int i = from; i < to; i++) hits.incrementAndGet(i);
                    });
                    for (int i = 0; i < n; i++) assertEquals(1, hits.get(i), "index " + i);
                    int maxRanges = n == 0 ? 0 : Math.min(threads, (n + Math.max(grain, 1) - 1) / Math.max(grain, 1));
                    assertTrue(calls.get() <= maxRanges, "ranges " + calls.get() + " > " + maxRanges);
                    if (n > 0) assertTrue(calls.get() >= 1);
                }
            }
        }
    }

    @Test
    void nestedForRangeRunsInline() {
        Parallel.setNumThreads(2);
        AtomicInteger inner = new AtomicInteger();
        Parallel.forRange(2, 1, (from, to) -> Parallel.forRange(100, 1, (f, t) -> {
            assertEquals(0, f);
            assertEquals(100, t);
            inner.incrementAndGet();
        }));
        assertEquals(2, inner.get());
    }

    @Test
    void forRangeRethrowsAndRejectsBadCounts() {
        Parallel.setNumThreads(2);
        RuntimeException e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(10, 1, (from, to) -> {
            if (from > 0) throw new IllegalStateException("boom");
        }));
        assertEquals("boom", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Parallel.setNumThreads(0));
        assertEquals(2, Parallel.numThreads());
    }
}
