package org.autograd4j.kernels.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.autograd4j.kernels.Gemm;

/**
 * {@link Gemm}'s batched matrix product with Vector API register tiles ({@code torch.bmm}/{@code torch.mm}
 * through BLAS {@code sgemm}/{@code dgemm}). The algorithm, the packing, the blocking and the thread split are
 * Gemm's; the register tile is {@code mr} rows × {@code nv} vectors of B's columns at the preferred species
 * width, so every accumulator lane is one output element whose chain is {@code acc = fma(a[i,p], b[p,j], acc)}
 * for p in increasing order from 0, exactly as in the plain code: the two give the same bits.
 *
 * <p>The tile shape comes from the vector width: with 512-bit vectors (32 registers) {@value #WIDE_TILE}, with
 * narrower ones (16 registers) 6 rows × 2 vectors. {@code -Dautograd4j.gemm.tile=RxV} overrides it (for
 * measuring: 6x2, 4x3, 8x3, 12x2).
 */
public final class VectorGemm {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final int FL = F.length();
    static final int DL = D.length();

    /** The tile used with 32 vector registers (512-bit vectors); measured fastest on AVX-512. */
    static final String WIDE_TILE = "8x3";

    static final Gemm.F32Tile TILE_F32;
    static final Gemm.F64Tile TILE_F64;

    static {
        String shape = System.getProperty("autograd4j.gemm.tile", F.vectorBitSize() >= 512 ? WIDE_TILE : "6x2");
        TILE_F32 = f32Tile(shape);
        TILE_F64 = f64Tile(shape);
    }

    private VectorGemm() {
    }

    /**
     * float32 {@code c[bi] = a[bi] @ b[bi]}, the same bits as
     * {@link Gemm#sgemm(int, int, int, int, float[], int, int, int, int, float[], int, int, int, int, float[], int)}
     * (whose comment gives the layouts).
     *
     * @param batch number of products
     * @param m     rows of a and c
     * @param n     columns of b and c
     * @param k     columns of a, rows of b
     * @param a     a's storage
     * @param ao    a's offset
     * @param abs   a's batch stride
     * @param ars   a's row stride
     * @param acs   a's column stride
     * @param b     b's storage
     * @param bo    b's offset
     * @param bbs   b's batch stride
     * @param brs   b's row stride
     * @param bcs   b's column stride
     * @param c     c's storage, a contiguous {@code [batch,m,n]}
     * @param co    c's offset
     */
    public static void sgemm(int batch, int m, int n, int k, float[] a, int ao, int abs, int ars, int acs,
            float[] b, int bo, int bbs, int brs, int bcs, float[] c, int co) {
        if (Gemm.trivial(batch, m, n, k)) {
            java.util.Arrays.fill(c, co, co + batch * m * n, 0f);
            return;
        }
        if (bcs == 1 && (long) m * n * k <= Gemm.SMALL) {
            for (int bi = 0; bi < batch; bi++) smallF32(m, n, k, a, ao + bi * abs, ars, acs, b, bo + bi * bbs, brs, c, co + bi * m * n);
            return;
        }
        Gemm.blocked(batch, m, n, k, a, ao, abs, ars, acs, b, bo, bbs, brs, bcs, c, co, TILE_F32);
    }

    /**
     * float64 {@code c[bi] = a[bi] @ b[bi]}, the same bits as
     * {@link Gemm#dgemm(int, int, int, int, double[], int, int, int, int, double[], int, int, int, int, double[], int)}.
     *
     * @param batch number of products
     * @param m     rows of a and c
     * @param n     columns of b and c
     * @param k     columns of a, rows of b
     * @param a     a's storage
     * @param ao    a's offset
     * @param abs   a's batch stride
     * @param ars   a's row stride
     * @param acs   a's column stride
     * @param b     b's storage
     * @param bo    b's offset
     * @param bbs   b's batch stride
     * @param brs   b's row stride
     * @param bcs   b's column stride
     * @param c     c's storage, a contiguous {@code [batch,m,n]}
     * @param co    c's offset
     */
    public static void dgemm(int batch, int m, int n, int k, double[] a, int ao, int abs, int ars, int acs,
            double[] b, int bo, int bbs, int brs, int bcs, double[] c, int co) {
        if (Gemm.trivial(batch, m, n, k)) {
            java.util.Arrays.fill(c, co, co + batch * m * n, 0d);
            return;
        }
        if (bcs == 1 && (long) m * n * k <= Gemm.SMALL) {
            for (int bi = 0; bi < batch; bi++) smallF64(m, n, k, a, ao + bi * abs, ars, acs, b, bo + bi * bbs, brs, c, co + bi * m * n);
            return;
        }
        Gemm.blocked(batch, m, n, k, a, ao, abs, ars, acs, b, bo, bbs, brs, bcs, c, co, TILE_F64);
    }

    /**
     * The float32 register tile of shape {@code "RxV"} (R rows × V vectors).
     *
     * @param shape one of 6x2, 4x3, 8x3, 12x2
     * @return the tile
     */
    public static Gemm.F32Tile f32Tile(String shape) {
        return switch (shape) {
            case "6x2" -> new F32(6, 2) {
                @Override
                public void run(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
                    tileF32x6x2(kc, pa, pao, pb, pbo, c, co, ldc, load);
                }
            };
            case "4x3" -> new F32(4, 3) {
                @Override
                public void run(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
                    tileF32x4x3(kc, pa, pao, pb, pbo, c, co, ldc, load);
                }
            };
            case "8x3" -> new F32(8, 3) {
                @Override
                public void run(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
                    tileF32x8x3(kc, pa, pao, pb, pbo, c, co, ldc, load);
                }
            };
            case "12x2" -> new F32(12, 2) {
                @Override
                public void run(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
                    tileF32x12x2(kc, pa, pao, pb, pbo, c, co, ldc, load);
                }
            };
            default -> throw new IllegalArgumentException("autograd4j.gemm.tile: no tile " + shape);
        };
    }

    /**
     * The float64 register tile of shape {@code "RxV"}.
     *
     * @param shape one of 6x2, 4x3, 8x3, 12x2
     * @return the tile
     */
    public static Gemm.F64Tile f64Tile(String shape) {
        return switch (shape) {
            case "6x2" -> new F64(6, 2) {
                @Override
                public void run(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
                    tileF64x6x2(kc, pa, pao, pb, pbo, c, co, ldc, load);
                }
            };
            case "4x3" -> new F64(4, 3) {
                @Override
                public void run(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
                    tileF64x4x3(kc, pa, pao, pb, pbo, c, co, ldc, load);
                }
            };
            case "8x3" -> new F64(8, 3) {
                @Override
                public void run(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
                    tileF64x8x3(kc, pa, pao, pb, pbo, c, co, ldc, load);
                }
            };
            case "12x2" -> new F64(12, 2) {
                @Override
                public void run(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
                    tileF64x12x2(kc, pa, pao, pb, pbo, c, co, ldc, load);
                }
            };
            default -> throw new IllegalArgumentException("autograd4j.gemm.tile: no tile " + shape);
        };
    }

    /** A float32 tile's shape; the subclass names its method. */
    private abstract static class F32 implements Gemm.F32Tile {
        private final int mr, nr;

        F32(int mr, int vectors) {
            this.mr = mr;
            this.nr = vectors * FL;
        }

        @Override
        public final int mr() {
            return mr;
        }

        @Override
        public final int nr() {
            return nr;
        }
    }

    /** A float64 tile's shape. */
    private abstract static class F64 implements Gemm.F64Tile {
        private final int mr, nr;

        F64(int mr, int vectors) {
            this.mr = mr;
            this.nr = vectors * DL;
        }

        @Override
        public final int mr() {
            return mr;
        }

        @Override
        public final int nr() {
            return nr;
        }
    }

    // ---------------------------------------------------------------- the unpacked path (B rows contiguous)

    /** One chain per output lane, a vector of C's row at a time; the ragged end through a lane mask. */
    static void smallF32(int m, int n, int k, float[] a, int ao, int ars, int acs, float[] b, int bo, int brs, float[] c, int co) {
        int full = n - n % FL;
        VectorMask<Float> tail = F.indexInRange(full, n);
        for (int i = 0; i < m; i++) {
            int ai = ao + i * ars, ci = co + i * n;
            for (int j = 0; j < full; j += FL) smallRowF32(k, a, ai, acs, b, bo + j, brs).intoArray(c, ci + j);
            if (full < n) smallRowF32(k, a, ai, acs, b, bo + full, brs, tail).intoArray(c, ci + full, tail);
        }
    }

    private static FloatVector smallRowF32(int k, float[] a, int ai, int acs, float[] b, int bj, int brs) {
        FloatVector acc = FloatVector.zero(F);
        for (int p = 0; p < k; p++, ai += acs, bj += brs) acc = FloatVector.broadcast(F, a[ai]).fma(FloatVector.fromArray(F, b, bj), acc);
        return acc;
    }

    private static FloatVector smallRowF32(int k, float[] a, int ai, int acs, float[] b, int bj, int brs, VectorMask<Float> lanes) {
        FloatVector acc = FloatVector.zero(F);
        for (int p = 0; p < k; p++, ai += acs, bj += brs) acc = FloatVector.broadcast(F, a[ai]).fma(FloatVector.fromArray(F, b, bj, lanes), acc);
        return acc;
    }

    /** As {@link #smallF32} in double. */
    static void smallF64(int m, int n, int k, double[] a, int ao, int ars, int acs, double[] b, int bo, int brs, double[] c, int co) {
        int full = n - n % DL;
        VectorMask<Double> tail = D.indexInRange(full, n);
        for (int i = 0; i < m; i++) {
            int ai = ao + i * ars, ci = co + i * n;
            for (int j = 0; j < full; j += DL) smallRowF64(k, a, ai, acs, b, bo + j, brs).intoArray(c, ci + j);
            if (full < n) smallRowF64(k, a, ai, acs, b, bo + full, brs, tail).intoArray(c, ci + full, tail);
        }
    }

    private static DoubleVector smallRowF64(int k, double[] a, int ai, int acs, double[] b, int bj, int brs) {
        DoubleVector acc = DoubleVector.zero(D);
        for (int p = 0; p < k; p++, ai += acs, bj += brs) acc = DoubleVector.broadcast(D, a[ai]).fma(DoubleVector.fromArray(D, b, bj), acc);
        return acc;
    }

    private static DoubleVector smallRowF64(int k, double[] a, int ai, int acs, double[] b, int bj, int brs, VectorMask<Double> lanes) {
        DoubleVector acc = DoubleVector.zero(D);
        for (int p = 0; p < k; p++, ai += acs, bj += brs) acc = DoubleVector.broadcast(D, a[ai]).fma(DoubleVector.fromArray(D, b, bj, lanes), acc);
        return acc;
    }

    // ---------------------------------------------------------------- register tiles
    // Each: the accumulators are locals (no vector escapes), loaded from C or zero, one fma per accumulator
    // per step p, stored back whole (the driver routes edge tiles through a full-size scratch tile).

    /** 6 rows × 2 vectors: 12 accumulators, 2 loads of B and 6 broadcasts of A per step. */
    static void tileF32x6x2(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (load) {
            c00 = FloatVector.fromArray(F, c, co);
            c01 = FloatVector.fromArray(F, c, co + FL);
            c10 = FloatVector.fromArray(F, c, co + ldc);
            c11 = FloatVector.fromArray(F, c, co + ldc + FL);
            c20 = FloatVector.fromArray(F, c, co + 2 * ldc);
            c21 = FloatVector.fromArray(F, c, co + 2 * ldc + FL);
            c30 = FloatVector.fromArray(F, c, co + 3 * ldc);
            c31 = FloatVector.fromArray(F, c, co + 3 * ldc + FL);
            c40 = FloatVector.fromArray(F, c, co + 4 * ldc);
            c41 = FloatVector.fromArray(F, c, co + 4 * ldc + FL);
            c50 = FloatVector.fromArray(F, c, co + 5 * ldc);
            c51 = FloatVector.fromArray(F, c, co + 5 * ldc + FL);
        } else {
            FloatVector z = FloatVector.zero(F);
            c00 = z; c01 = z;
            c10 = z; c11 = z;
            c20 = z; c21 = z;
            c30 = z; c31 = z;
            c40 = z; c41 = z;
            c50 = z; c51 = z;
        }
        int step = 2 * FL;
        for (int p = 0, ai = pao, bi = pbo; p < kc; p++, ai += 6, bi += step) {
            FloatVector b0 = FloatVector.fromArray(F, pb, bi);
            FloatVector b1 = FloatVector.fromArray(F, pb, bi + FL);
            FloatVector a0 = FloatVector.broadcast(F, pa[ai]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(F, pa[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(F, pa[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(F, pa[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(F, pa[ai + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(F, pa[ai + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + FL);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + FL);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + FL);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + FL);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + FL);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + FL);
    }

    /** 4 rows × 3 vectors: 12 accumulators, 3 loads of B and 4 broadcasts of A per step. */
    static void tileF32x4x3(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
        FloatVector c00, c01, c02, c10, c11, c12, c20, c21, c22, c30, c31, c32;
        if (load) {
            c00 = FloatVector.fromArray(F, c, co);
            c01 = FloatVector.fromArray(F, c, co + FL);
            c02 = FloatVector.fromArray(F, c, co + 2 * FL);
            c10 = FloatVector.fromArray(F, c, co + ldc);
            c11 = FloatVector.fromArray(F, c, co + ldc + FL);
            c12 = FloatVector.fromArray(F, c, co + ldc + 2 * FL);
            c20 = FloatVector.fromArray(F, c, co + 2 * ldc);
            c21 = FloatVector.fromArray(F, c, co + 2 * ldc + FL);
            c22 = FloatVector.fromArray(F, c, co + 2 * ldc + 2 * FL);
            c30 = FloatVector.fromArray(F, c, co + 3 * ldc);
            c31 = FloatVector.fromArray(F, c, co + 3 * ldc + FL);
            c32 = FloatVector.fromArray(F, c, co + 3 * ldc + 2 * FL);
        } else {
            FloatVector z = FloatVector.zero(F);
            c00 = z; c01 = z; c02 = z;
            c10 = z; c11 = z; c12 = z;
            c20 = z; c21 = z; c22 = z;
            c30 = z; c31 = z; c32 = z;
        }
        int step = 3 * FL;
        for (int p = 0, ai = pao, bi = pbo; p < kc; p++, ai += 4, bi += step) {
            FloatVector b0 = FloatVector.fromArray(F, pb, bi);
            FloatVector b1 = FloatVector.fromArray(F, pb, bi + FL);
            FloatVector b2 = FloatVector.fromArray(F, pb, bi + 2 * FL);
            FloatVector a0 = FloatVector.broadcast(F, pa[ai]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01); c02 = a0.fma(b2, c02);
            FloatVector a1 = FloatVector.broadcast(F, pa[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11); c12 = a1.fma(b2, c12);
            FloatVector a2 = FloatVector.broadcast(F, pa[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21); c22 = a2.fma(b2, c22);
            FloatVector a3 = FloatVector.broadcast(F, pa[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31); c32 = a3.fma(b2, c32);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + FL);
        c02.intoArray(c, co + 2 * FL);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + FL);
        c12.intoArray(c, co + ldc + 2 * FL);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + FL);
        c22.intoArray(c, co + 2 * ldc + 2 * FL);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + FL);
        c32.intoArray(c, co + 3 * ldc + 2 * FL);
    }

    /** 8 rows × 3 vectors: 24 accumulators, 3 loads of B and 8 broadcasts of A per step. */
    static void tileF32x8x3(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
        FloatVector c00, c01, c02, c10, c11, c12, c20, c21, c22, c30, c31, c32, c40, c41, c42, c50, c51, c52, c60, c61, c62, c70, c71, c72;
        if (load) {
            c00 = FloatVector.fromArray(F, c, co);
            c01 = FloatVector.fromArray(F, c, co + FL);
            c02 = FloatVector.fromArray(F, c, co + 2 * FL);
            c10 = FloatVector.fromArray(F, c, co + ldc);
            c11 = FloatVector.fromArray(F, c, co + ldc + FL);
            c12 = FloatVector.fromArray(F, c, co + ldc + 2 * FL);
            c20 = FloatVector.fromArray(F, c, co + 2 * ldc);
            c21 = FloatVector.fromArray(F, c, co + 2 * ldc + FL);
            c22 = FloatVector.fromArray(F, c, co + 2 * ldc + 2 * FL);
            c30 = FloatVector.fromArray(F, c, co + 3 * ldc);
            c31 = FloatVector.fromArray(F, c, co + 3 * ldc + FL);
            c32 = FloatVector.fromArray(F, c, co + 3 * ldc + 2 * FL);
            c40 = FloatVector.fromArray(F, c, co + 4 * ldc);
            c41 = FloatVector.fromArray(F, c, co + 4 * ldc + FL);
            c42 = FloatVector.fromArray(F, c, co + 4 * ldc + 2 * FL);
            c50 = FloatVector.fromArray(F, c, co + 5 * ldc);
            c51 = FloatVector.fromArray(F, c, co + 5 * ldc + FL);
            c52 = FloatVector.fromArray(F, c, co + 5 * ldc + 2 * FL);
            c60 = FloatVector.fromArray(F, c, co + 6 * ldc);
            c61 = FloatVector.fromArray(F, c, co + 6 * ldc + FL);
            c62 = FloatVector.fromArray(F, c, co + 6 * ldc + 2 * FL);
            c70 = FloatVector.fromArray(F, c, co + 7 * ldc);
            c71 = FloatVector.fromArray(F, c, co + 7 * ldc + FL);
            c72 = FloatVector.fromArray(F, c, co + 7 * ldc + 2 * FL);
        } else {
            FloatVector z = FloatVector.zero(F);
            c00 = z; c01 = z; c02 = z;
            c10 = z; c11 = z; c12 = z;
            c20 = z; c21 = z; c22 = z;
            c30 = z; c31 = z; c32 = z;
            c40 = z; c41 = z; c42 = z;
            c50 = z; c51 = z; c52 = z;
            c60 = z; c61 = z; c62 = z;
            c70 = z; c71 = z; c72 = z;
        }
        int step = 3 * FL;
        for (int p = 0, ai = pao, bi = pbo; p < kc; p++, ai += 8, bi += step) {
            FloatVector b0 = FloatVector.fromArray(F, pb, bi);
            FloatVector b1 = FloatVector.fromArray(F, pb, bi + FL);
            FloatVector b2 = FloatVector.fromArray(F, pb, bi + 2 * FL);
            FloatVector a0 = FloatVector.broadcast(F, pa[ai]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01); c02 = a0.fma(b2, c02);
            FloatVector a1 = FloatVector.broadcast(F, pa[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11); c12 = a1.fma(b2, c12);
            FloatVector a2 = FloatVector.broadcast(F, pa[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21); c22 = a2.fma(b2, c22);
            FloatVector a3 = FloatVector.broadcast(F, pa[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31); c32 = a3.fma(b2, c32);
            FloatVector a4 = FloatVector.broadcast(F, pa[ai + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41); c42 = a4.fma(b2, c42);
            FloatVector a5 = FloatVector.broadcast(F, pa[ai + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51); c52 = a5.fma(b2, c52);
            FloatVector a6 = FloatVector.broadcast(F, pa[ai + 6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61); c62 = a6.fma(b2, c62);
            FloatVector a7 = FloatVector.broadcast(F, pa[ai + 7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71); c72 = a7.fma(b2, c72);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + FL);
        c02.intoArray(c, co + 2 * FL);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + FL);
        c12.intoArray(c, co + ldc + 2 * FL);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + FL);
        c22.intoArray(c, co + 2 * ldc + 2 * FL);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + FL);
        c32.intoArray(c, co + 3 * ldc + 2 * FL);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + FL);
        c42.intoArray(c, co + 4 * ldc + 2 * FL);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + FL);
        c52.intoArray(c, co + 5 * ldc + 2 * FL);
        c60.intoArray(c, co + 6 * ldc);
        c61.intoArray(c, co + 6 * ldc + FL);
        c62.intoArray(c, co + 6 * ldc + 2 * FL);
        c70.intoArray(c, co + 7 * ldc);
        c71.intoArray(c, co + 7 * ldc + FL);
        c72.intoArray(c, co + 7 * ldc + 2 * FL);
    }

    /** 12 rows × 2 vectors: 24 accumulators, 2 loads of B and 12 broadcasts of A per step. */
    static void tileF32x12x2(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71, c80, c81, c90, c91, c100, c101, c110, c111;
        if (load) {
            c00 = FloatVector.fromArray(F, c, co);
            c01 = FloatVector.fromArray(F, c, co + FL);
            c10 = FloatVector.fromArray(F, c, co + ldc);
            c11 = FloatVector.fromArray(F, c, co + ldc + FL);
            c20 = FloatVector.fromArray(F, c, co + 2 * ldc);
            c21 = FloatVector.fromArray(F, c, co + 2 * ldc + FL);
            c30 = FloatVector.fromArray(F, c, co + 3 * ldc);
            c31 = FloatVector.fromArray(F, c, co + 3 * ldc + FL);
            c40 = FloatVector.fromArray(F, c, co + 4 * ldc);
            c41 = FloatVector.fromArray(F, c, co + 4 * ldc + FL);
            c50 = FloatVector.fromArray(F, c, co + 5 * ldc);
            c51 = FloatVector.fromArray(F, c, co + 5 * ldc + FL);
            c60 = FloatVector.fromArray(F, c, co + 6 * ldc);
            c61 = FloatVector.fromArray(F, c, co + 6 * ldc + FL);
            c70 = FloatVector.fromArray(F, c, co + 7 * ldc);
            c71 = FloatVector.fromArray(F, c, co + 7 * ldc + FL);
            c80 = FloatVector.fromArray(F, c, co + 8 * ldc);
            c81 = FloatVector.fromArray(F, c, co + 8 * ldc + FL);
            c90 = FloatVector.fromArray(F, c, co + 9 * ldc);
            c91 = FloatVector.fromArray(F, c, co + 9 * ldc + FL);
            c100 = FloatVector.fromArray(F, c, co + 10 * ldc);
            c101 = FloatVector.fromArray(F, c, co + 10 * ldc + FL);
            c110 = FloatVector.fromArray(F, c, co + 11 * ldc);
            c111 = FloatVector.fromArray(F, c, co + 11 * ldc + FL);
        } else {
            FloatVector z = FloatVector.zero(F);
            c00 = z; c01 = z;
            c10 = z; c11 = z;
            c20 = z; c21 = z;
            c30 = z; c31 = z;
            c40 = z; c41 = z;
            c50 = z; c51 = z;
            c60 = z; c61 = z;
            c70 = z; c71 = z;
            c80 = z; c81 = z;
            c90 = z; c91 = z;
            c100 = z; c101 = z;
            c110 = z; c111 = z;
        }
        int step = 2 * FL;
        for (int p = 0, ai = pao, bi = pbo; p < kc; p++, ai += 12, bi += step) {
            FloatVector b0 = FloatVector.fromArray(F, pb, bi);
            FloatVector b1 = FloatVector.fromArray(F, pb, bi + FL);
            FloatVector a0 = FloatVector.broadcast(F, pa[ai]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(F, pa[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(F, pa[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(F, pa[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(F, pa[ai + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(F, pa[ai + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(F, pa[ai + 6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(F, pa[ai + 7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71);
            FloatVector a8 = FloatVector.broadcast(F, pa[ai + 8]);
            c80 = a8.fma(b0, c80); c81 = a8.fma(b1, c81);
            FloatVector a9 = FloatVector.broadcast(F, pa[ai + 9]);
            c90 = a9.fma(b0, c90); c91 = a9.fma(b1, c91);
            FloatVector a10 = FloatVector.broadcast(F, pa[ai + 10]);
            c100 = a10.fma(b0, c100); c101 = a10.fma(b1, c101);
            FloatVector a11 = FloatVector.broadcast(F, pa[ai + 11]);
            c110 = a11.fma(b0, c110); c111 = a11.fma(b1, c111);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + FL);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + FL);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + FL);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + FL);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + FL);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + FL);
        c60.intoArray(c, co + 6 * ldc);
        c61.intoArray(c, co + 6 * ldc + FL);
        c70.intoArray(c, co + 7 * ldc);
        c71.intoArray(c, co + 7 * ldc + FL);
        c80.intoArray(c, co + 8 * ldc);
        c81.intoArray(c, co + 8 * ldc + FL);
        c90.intoArray(c, co + 9 * ldc);
        c91.intoArray(c, co + 9 * ldc + FL);
        c100.intoArray(c, co + 10 * ldc);
        c101.intoArray(c, co + 10 * ldc + FL);
        c110.intoArray(c, co + 11 * ldc);
        c111.intoArray(c, co + 11 * ldc + FL);
    }

    /** 6 rows × 2 vectors: 12 accumulators, 2 loads of B and 6 broadcasts of A per step. */
    static void tileF64x6x2(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (load) {
            c00 = DoubleVector.fromArray(D, c, co);
            c01 = DoubleVector.fromArray(D, c, co + DL);
            c10 = DoubleVector.fromArray(D, c, co + ldc);
            c11 = DoubleVector.fromArray(D, c, co + ldc + DL);
            c20 = DoubleVector.fromArray(D, c, co + 2 * ldc);
            c21 = DoubleVector.fromArray(D, c, co + 2 * ldc + DL);
            c30 = DoubleVector.fromArray(D, c, co + 3 * ldc);
            c31 = DoubleVector.fromArray(D, c, co + 3 * ldc + DL);
            c40 = DoubleVector.fromArray(D, c, co + 4 * ldc);
            c41 = DoubleVector.fromArray(D, c, co + 4 * ldc + DL);
            c50 = DoubleVector.fromArray(D, c, co + 5 * ldc);
            c51 = DoubleVector.fromArray(D, c, co + 5 * ldc + DL);
        } else {
            DoubleVector z = DoubleVector.zero(D);
            c00 = z; c01 = z;
            c10 = z; c11 = z;
            c20 = z; c21 = z;
            c30 = z; c31 = z;
            c40 = z; c41 = z;
            c50 = z; c51 = z;
        }
        int step = 2 * DL;
        for (int p = 0, ai = pao, bi = pbo; p < kc; p++, ai += 6, bi += step) {
            DoubleVector b0 = DoubleVector.fromArray(D, pb, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, pb, bi + DL);
            DoubleVector a0 = DoubleVector.broadcast(D, pa[ai]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(D, pa[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(D, pa[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(D, pa[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(D, pa[ai + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(D, pa[ai + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + DL);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + DL);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + DL);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + DL);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + DL);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + DL);
    }

    /** 4 rows × 3 vectors: 12 accumulators, 3 loads of B and 4 broadcasts of A per step. */
    static void tileF64x4x3(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
        DoubleVector c00, c01, c02, c10, c11, c12, c20, c21, c22, c30, c31, c32;
        if (load) {
            c00 = DoubleVector.fromArray(D, c, co);
            c01 = DoubleVector.fromArray(D, c, co + DL);
            c02 = DoubleVector.fromArray(D, c, co + 2 * DL);
            c10 = DoubleVector.fromArray(D, c, co + ldc);
            c11 = DoubleVector.fromArray(D, c, co + ldc + DL);
            c12 = DoubleVector.fromArray(D, c, co + ldc + 2 * DL);
            c20 = DoubleVector.fromArray(D, c, co + 2 * ldc);
            c21 = DoubleVector.fromArray(D, c, co + 2 * ldc + DL);
            c22 = DoubleVector.fromArray(D, c, co + 2 * ldc + 2 * DL);
            c30 = DoubleVector.fromArray(D, c, co + 3 * ldc);
            c31 = DoubleVector.fromArray(D, c, co + 3 * ldc + DL);
            c32 = DoubleVector.fromArray(D, c, co + 3 * ldc + 2 * DL);
        } else {
            DoubleVector z = DoubleVector.zero(D);
            c00 = z; c01 = z; c02 = z;
            c10 = z; c11 = z; c12 = z;
            c20 = z; c21 = z; c22 = z;
            c30 = z; c31 = z; c32 = z;
        }
        int step = 3 * DL;
        for (int p = 0, ai = pao, bi = pbo; p < kc; p++, ai += 4, bi += step) {
            DoubleVector b0 = DoubleVector.fromArray(D, pb, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, pb, bi + DL);
            DoubleVector b2 = DoubleVector.fromArray(D, pb, bi + 2 * DL);
            DoubleVector a0 = DoubleVector.broadcast(D, pa[ai]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01); c02 = a0.fma(b2, c02);
            DoubleVector a1 = DoubleVector.broadcast(D, pa[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11); c12 = a1.fma(b2, c12);
            DoubleVector a2 = DoubleVector.broadcast(D, pa[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21); c22 = a2.fma(b2, c22);
            DoubleVector a3 = DoubleVector.broadcast(D, pa[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31); c32 = a3.fma(b2, c32);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + DL);
        c02.intoArray(c, co + 2 * DL);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + DL);
        c12.intoArray(c, co + ldc + 2 * DL);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + DL);
        c22.intoArray(c, co + 2 * ldc + 2 * DL);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + DL);
        c32.intoArray(c, co + 3 * ldc + 2 * DL);
    }

    /** 8 rows × 3 vectors: 24 accumulators, 3 loads of B and 8 broadcasts of A per step. */
    static void tileF64x8x3(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
        DoubleVector c00, c01, c02, c10, c11, c12, c20, c21, c22, c30, c31, c32, c40, c41, c42, c50, c51, c52, c60, c61, c62, c70, c71, c72;
        if (load) {
            c00 = DoubleVector.fromArray(D, c, co);
            c01 = DoubleVector.fromArray(D, c, co + DL);
            c02 = DoubleVector.fromArray(D, c, co + 2 * DL);
            c10 = DoubleVector.fromArray(D, c, co + ldc);
            c11 = DoubleVector.fromArray(D, c, co + ldc + DL);
            c12 = DoubleVector.fromArray(D, c, co + ldc + 2 * DL);
            c20 = DoubleVector.fromArray(D, c, co + 2 * ldc);
            c21 = DoubleVector.fromArray(D, c, co + 2 * ldc + DL);
            c22 = DoubleVector.fromArray(D, c, co + 2 * ldc + 2 * DL);
            c30 = DoubleVector.fromArray(D, c, co + 3 * ldc);
            c31 = DoubleVector.fromArray(D, c, co + 3 * ldc + DL);
            c32 = DoubleVector.fromArray(D, c, co + 3 * ldc + 2 * DL);
            c40 = DoubleVector.fromArray(D, c, co + 4 * ldc);
            c41 = DoubleVector.fromArray(D, c, co + 4 * ldc + DL);
            c42 = DoubleVector.fromArray(D, c, co + 4 * ldc + 2 * DL);
            c50 = DoubleVector.fromArray(D, c, co + 5 * ldc);
            c51 = DoubleVector.fromArray(D, c, co + 5 * ldc + DL);
            c52 = DoubleVector.fromArray(D, c, co + 5 * ldc + 2 * DL);
            c60 = DoubleVector.fromArray(D, c, co + 6 * ldc);
            c61 = DoubleVector.fromArray(D, c, co + 6 * ldc + DL);
            c62 = DoubleVector.fromArray(D, c, co + 6 * ldc + 2 * DL);
            c70 = DoubleVector.fromArray(D, c, co + 7 * ldc);
            c71 = DoubleVector.fromArray(D, c, co + 7 * ldc + DL);
            c72 = DoubleVector.fromArray(D, c, co + 7 * ldc + 2 * DL);
        } else {
            DoubleVector z = DoubleVector.zero(D);
            c00 = z; c01 = z; c02 = z;
            c10 = z; c11 = z; c12 = z;
            c20 = z; c21 = z; c22 = z;
            c30 = z; c31 = z; c32 = z;
            c40 = z; c41 = z; c42 = z;
            c50 = z; c51 = z; c52 = z;
            c60 = z; c61 = z; c62 = z;
            c70 = z; c71 = z; c72 = z;
        }
        int step = 3 * DL;
        for (int p = 0, ai = pao, bi = pbo; p < kc; p++, ai += 8, bi += step) {
            DoubleVector b0 = DoubleVector.fromArray(D, pb, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, pb, bi + DL);
            DoubleVector b2 = DoubleVector.fromArray(D, pb, bi + 2 * DL);
            DoubleVector a0 = DoubleVector.broadcast(D, pa[ai]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01); c02 = a0.fma(b2, c02);
            DoubleVector a1 = DoubleVector.broadcast(D, pa[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11); c12 = a1.fma(b2, c12);
            DoubleVector a2 = DoubleVector.broadcast(D, pa[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21); c22 = a2.fma(b2, c22);
            DoubleVector a3 = DoubleVector.broadcast(D, pa[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31); c32 = a3.fma(b2, c32);
            DoubleVector a4 = DoubleVector.broadcast(D, pa[ai + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41); c42 = a4.fma(b2, c42);
            DoubleVector a5 = DoubleVector.broadcast(D, pa[ai + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51); c52 = a5.fma(b2, c52);
            DoubleVector a6 = DoubleVector.broadcast(D, pa[ai + 6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61); c62 = a6.fma(b2, c62);
            DoubleVector a7 = DoubleVector.broadcast(D, pa[ai + 7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71); c72 = a7.fma(b2, c72);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + DL);
        c02.intoArray(c, co + 2 * DL);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + DL);
        c12.intoArray(c, co + ldc + 2 * DL);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + DL);
        c22.intoArray(c, co + 2 * ldc + 2 * DL);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + DL);
        c32.intoArray(c, co + 3 * ldc + 2 * DL);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + DL);
        c42.intoArray(c, co + 4 * ldc + 2 * DL);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + DL);
        c52.intoArray(c, co + 5 * ldc + 2 * DL);
        c60.intoArray(c, co + 6 * ldc);
        c61.intoArray(c, co + 6 * ldc + DL);
        c62.intoArray(c, co + 6 * ldc + 2 * DL);
        c70.intoArray(c, co + 7 * ldc);
        c71.intoArray(c, co + 7 * ldc + DL);
        c72.intoArray(c, co + 7 * ldc + 2 * DL);
    }

    /** 12 rows × 2 vectors: 24 accumulators, 2 loads of B and 12 broadcasts of A per step. */
    static void tileF64x12x2(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71, c80, c81, c90, c91, c100, c101, c110, c111;
        if (load) {
            c00 = DoubleVector.fromArray(D, c, co);
            c01 = DoubleVector.fromArray(D, c, co + DL);
            c10 = DoubleVector.fromArray(D, c, co + ldc);
            c11 = DoubleVector.fromArray(D, c, co + ldc + DL);
            c20 = DoubleVector.fromArray(D, c, co + 2 * ldc);
            c21 = DoubleVector.fromArray(D, c, co + 2 * ldc + DL);
            c30 = DoubleVector.fromArray(D, c, co + 3 * ldc);
            c31 = DoubleVector.fromArray(D, c, co + 3 * ldc + DL);
            c40 = DoubleVector.fromArray(D, c, co + 4 * ldc);
            c41 = DoubleVector.fromArray(D, c, co + 4 * ldc + DL);
            c50 = DoubleVector.fromArray(D, c, co + 5 * ldc);
            c51 = DoubleVector.fromArray(D, c, co + 5 * ldc + DL);
            c60 = DoubleVector.fromArray(D, c, co + 6 * ldc);
            c61 = DoubleVector.fromArray(D, c, co + 6 * ldc + DL);
            c70 = DoubleVector.fromArray(D, c, co + 7 * ldc);
            c71 = DoubleVector.fromArray(D, c, co + 7 * ldc + DL);
            c80 = DoubleVector.fromArray(D, c, co + 8 * ldc);
            c81 = DoubleVector.fromArray(D, c, co + 8 * ldc + DL);
            c90 = DoubleVector.fromArray(D, c, co + 9 * ldc);
            c91 = DoubleVector.fromArray(D, c, co + 9 * ldc + DL);
            c100 = DoubleVector.fromArray(D, c, co + 10 * ldc);
            c101 = DoubleVector.fromArray(D, c, co + 10 * ldc + DL);
            c110 = DoubleVector.fromArray(D, c, co + 11 * ldc);
            c111 = DoubleVector.fromArray(D, c, co + 11 * ldc + DL);
        } else {
            DoubleVector z = DoubleVector.zero(D);
            c00 = z; c01 = z;
            c10 = z; c11 = z;
            c20 = z; c21 = z;
            c30 = z; c31 = z;
            c40 = z; c41 = z;
            c50 = z; c51 = z;
            c60 = z; c61 = z;
            c70 = z; c71 = z;
            c80 = z; c81 = z;
            c90 = z; c91 = z;
            c100 = z; c101 = z;
            c110 = z; c111 = z;
        }
        int step = 2 * DL;
        for (int p = 0, ai = pao, bi = pbo; p < kc; p++, ai += 12, bi += step) {
            DoubleVector b0 = DoubleVector.fromArray(D, pb, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, pb, bi + DL);
            DoubleVector a0 = DoubleVector.broadcast(D, pa[ai]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(D, pa[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(D, pa[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(D, pa[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(D, pa[ai + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(D, pa[ai + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
            DoubleVector a6 = DoubleVector.broadcast(D, pa[ai + 6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61);
            DoubleVector a7 = DoubleVector.broadcast(D, pa[ai + 7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71);
            DoubleVector a8 = DoubleVector.broadcast(D, pa[ai + 8]);
            c80 = a8.fma(b0, c80); c81 = a8.fma(b1, c81);
            DoubleVector a9 = DoubleVector.broadcast(D, pa[ai + 9]);
            c90 = a9.fma(b0, c90); c91 = a9.fma(b1, c91);
            DoubleVector a10 = DoubleVector.broadcast(D, pa[ai + 10]);
            c100 = a10.fma(b0, c100); c101 = a10.fma(b1, c101);
            DoubleVector a11 = DoubleVector.broadcast(D, pa[ai + 11]);
            c110 = a11.fma(b0, c110); c111 = a11.fma(b1, c111);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + DL);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + DL);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + DL);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + DL);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + DL);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + DL);
        c60.intoArray(c, co + 6 * ldc);
        c61.intoArray(c, co + 6 * ldc + DL);
        c70.intoArray(c, co + 7 * ldc);
        c71.intoArray(c, co + 7 * ldc + DL);
        c80.intoArray(c, co + 8 * ldc);
        c81.intoArray(c, co + 8 * ldc + DL);
        c90.intoArray(c, co + 9 * ldc);
        c91.intoArray(c, co + 9 * ldc + DL);
        c100.intoArray(c, co + 10 * ldc);
        c101.intoArray(c, co + 10 * ldc + DL);
        c110.intoArray(c, co + 11 * ldc);
        c111.intoArray(c, co + 11 * ldc + DL);
    }
}
