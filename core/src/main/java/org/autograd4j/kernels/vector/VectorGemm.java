package org.autograd4j.kernels.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.autograd4j.kernels.Gemm;

/**
 * {@link Gemm}'s batched matrix product with Vector API register tiles ({@code torch.bmm}/{@code torch.mm}
 * through BLAS {@code sgemm}/{@code dgemm}). The algorithm, the packing, the blocking and the thread split are
 * Gemm's; the register tile is {@code mr} rows × {@code nv} vectors of B's columns at the preferred species
 * width, so every accumulator lane is one output element whose chain is {@code acc = fma(a[i,p], b[p,j], acc)}
 * for p in increasing order from 0, exactly as in the plain code: the two give the same bits.
 *
 * <p>The tile shape comes from the register count ({@link #REGISTERS}): the shape with the most accumulators
 * that fits ({@link #defaultTile}), 3x3 with AVX2's 16 registers, 4x3 with AVX-512's 32.
 * {@code -Dautograd4j.gemm.tile=RxV} overrides it (for measuring: 3x3, 4x2, 6x2, 4x3, 8x3, 12x2).
 */
public final class VectorGemm {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final int FL = F.length();
    static final int DL = D.length();

    /** The register tiles, as {@code "RxV"} (rows × vectors of columns). */
    public static final java.util.List<String> SHAPES = java.util.List.of("3x3", "4x2", "6x2", "4x3", "8x3", "12x2");

    /**
     * The vector registers: 32 with 512-bit vectors (AVX-512) and on aarch64 (NEON, SVE), else 16 (AVX2, AVX,
     * SSE).
     */
    static final int REGISTERS = F.vectorBitSize() >= 512 || "aarch64".equals(System.getProperty("os.arch")) ? 32 : 16;

    /**
     * The tile for {@code registers} vector registers: of {@link #SHAPES}, those that fit, then the one with the
     * most accumulators, then the fewest loads per step. C2 issues the broadcasts of a step ahead of its fmas,
     * each in its own register, so a tile needs {@code rows·vectors + vectors + rows} registers; a tile that
     * needs more keeps accumulators on the stack, a store and a reload on their chains every step (on AVX2,
     * 6x2 and 4x3, needing 20 and 19 of 16, ran at half the speed of 3x3, needing 15; 12x2 needs 38 of
     * AVX-512's 32). 16 registers give 3x3, 32 give 4x3.
     *
     * @param registers the vector registers
     * @return the shape, as {@code "RxV"}
     */
    public static String defaultTile(int registers) {
        String best = null;
        int bestAcc = 0, bestLoads = 0;
        for (String shape : SHAPES) {
            int x = shape.indexOf('x'), rows = Integer.parseInt(shape.substring(0, x)), vectors = Integer.parseInt(shape.substring(x + 1));
            int acc = rows * vectors, loads = rows + vectors;
            if (acc + loads > registers) continue;
            if (best == null || acc > bestAcc || acc == bestAcc && loads < bestLoads) {
                best = shape;
                bestAcc = acc;
                bestLoads = loads;
            }
        }
        return best;
    }

    /**
     * Whether the unpacked path's two-vector blocks are 8 rows high: 8×2 vectors hold 16 accumulators, 2 vectors of
     * B and 8 broadcasts of A, 26 registers, which fit in AVX-512's 32; with 16 registers (AVX2) they spilled (a
     * 64×256 by 256×16 product ran 5× slower per column than by 256×8), so there two blocks of 4×2 (14 registers)
     * run instead. The one-vector blocks stay 8×1 (17 registers, but 8 chains hide the fma latency: 4×1 was
     * 1.4× slower).
     */
    static final boolean WIDE_DIRECT = REGISTERS >= 26;

    /** At most this many multiply-adds ({@code m·n·k}) take the unpacked path (when B's rows are contiguous). */
    static final long DIRECT = Long.getLong("autograd4j.gemm.direct", 96L * 96 * 96);

    /** A zero row as wide as the widest tile, read instead of C when a chain starts. */
    private static final float[] ZERO_F = new float[3 * FL];
    private static final double[] ZERO_D = new double[3 * DL];

    static final Gemm.F32Tile TILE_F32;
    static final Gemm.F64Tile TILE_F64;

    static {
        String shape = System.getProperty("autograd4j.gemm.tile", defaultTile(REGISTERS));
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
        if (bcs == 1 && (long) m * n * k <= DIRECT) {
            if (Gemm.splits(batch, m, n, k)) {
                Gemm.forRows(batch, m, n, k, 8, (bi, i0, i1) -> directF32(i1 - i0, n, k, a, ao + bi * abs + i0 * ars, ars, acs,
                        b, bo + bi * bbs, brs, c, co + bi * m * n + i0 * n));
            } else {
                // no lambda, no split: an 8x8 product takes a few hundred ns in all
                for (int bi = 0; bi < batch; bi++) directF32(m, n, k, a, ao + bi * abs, ars, acs, b, bo + bi * bbs, brs, c, co + bi * m * n);
            }
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
        if (bcs == 1 && (long) m * n * k <= DIRECT) {
            if (Gemm.splits(batch, m, n, k)) {
                Gemm.forRows(batch, m, n, k, 8, (bi, i0, i1) -> directF64(i1 - i0, n, k, a, ao + bi * abs + i0 * ars, ars, acs,
                        b, bo + bi * bbs, brs, c, co + bi * m * n + i0 * n));
            } else {
                // no lambda, no split: an 8x8 product takes a few hundred ns in all
                for (int bi = 0; bi < batch; bi++) directF64(m, n, k, a, ao + bi * abs, ars, acs, b, bo + bi * bbs, brs, c, co + bi * m * n);
            }
            return;
        }
        Gemm.blocked(batch, m, n, k, a, ao, abs, ars, acs, b, bo, bbs, brs, bcs, c, co, TILE_F64);
    }

    /**
     * The float32 register tile of shape {@code "RxV"} (R rows × V vectors).
     *
     * @param shape one of {@link #SHAPES}
     * @return the tile
     */
    public static Gemm.F32Tile f32Tile(String shape) {
        return switch (shape) {
            case "4x2" -> new F32(4, 2) {
                @Override
                public void run(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
                    tileF32x4x2(kc, pa, pao, pb, pbo, c, co, ldc, load);
                }
            };
            case "3x3" -> new F32(3, 3) {
                @Override
                public void run(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
                    tileF32x3x3(kc, pa, pao, pb, pbo, c, co, ldc, load);
                }
            };
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
     * @param shape one of 3x3, 4x2, 6x2, 4x3, 8x3, 12x2
     * @return the tile
     */
    public static Gemm.F64Tile f64Tile(String shape) {
        return switch (shape) {
            case "4x2" -> new F64(4, 2) {
                @Override
                public void run(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
                    tileF64x4x2(kc, pa, pao, pb, pbo, c, co, ldc, load);
                }
            };
            case "3x3" -> new F64(3, 3) {
                @Override
                public void run(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
                    tileF64x3x3(kc, pa, pao, pb, pbo, c, co, ldc, load);
                }
            };
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

    /**
     * The unpacked path: A read in place (any strides), B's rows read in place (unit column stride); blocks of
     * 8 rows × 2 vectors, then 8 rows × 1 vector, the columns past the last whole vector as below; the last rows
     * 4 and then 1 at a time. Each lane is one output element's whole chain, so no partial sums touch c; the
     * blocks keep at least 8 chains in flight where the rows allow, enough to hide the fma latency.
     */
    static void directF32(int m, int n, int k, float[] a, int ao, int ars, int acs, float[] b, int bo, int brs, float[] c, int co) {
        int full = n - n % FL, wide = n - n % (2 * FL), rest = n - full;
        // The last columns (fewer than a vector) are read from a zero-padded copy of B's and written through a
        // tile buffer, never through lane masks: a masked load or store that reaches past an array's end is
        // not intrinsified without AVX-512's mask registers (C2 runs the Java fallback and boxes the vectors,
        // 2-3x slower for the whole block). Same chains, same bits.
        float[] bt = null, ct = null;
        if (rest > 0) {
            bt = new float[k * FL];
            for (int p = 0; p < k; p++) System.arraycopy(b, bo + p * brs + full, bt, p * FL, rest);
            ct = new float[8 * FL];
        }
        int i = 0;
        for (; i + 8 <= m; i += 8) {
            int ai = ao + i * ars, ci = co + i * n;
            for (int j = 0; j < wide; j += 2 * FL) {
                if (WIDE_DIRECT) {
                    directF32x8x2(k, a, ai, ars, acs, b, bo + j, brs, c, ci + j, n);
                } else {
                    x4x2(k, a, ai, ars, acs, b, bo + j, brs, c, ci + j, n);
                    x4x2(k, a, ai + 4 * ars, ars, acs, b, bo + j, brs, c, ci + 4 * n + j, n);
                }
            }
            if (wide < full) directF32x8x1(k, a, ai, ars, acs, b, bo + wide, brs, c, ci + wide, n);
            if (rest > 0) {
                directF32x8x1(k, a, ai, ars, acs, bt, 0, FL, ct, 0, FL);
                for (int r = 0; r < 8; r++) System.arraycopy(ct, r * FL, c, ci + full + r * n, rest);
            }
        }
        for (; i + 4 <= m; i += 4) {
            int ai = ao + i * ars, ci = co + i * n;
            for (int j = 0; j < wide; j += 2 * FL) x4x2(k, a, ai, ars, acs, b, bo + j, brs, c, ci + j, n);
            if (wide < full) directF32x4x1(k, a, ai, ars, acs, b, bo + wide, brs, c, ci + wide, n);
            if (rest > 0) {
                directF32x4x1(k, a, ai, ars, acs, bt, 0, FL, ct, 0, FL);
                for (int r = 0; r < 4; r++) System.arraycopy(ct, r * FL, c, ci + full + r * n, rest);
            }
        }
        for (; i < m; i++) {
            int ai = ao + i * ars, ci = co + i * n;
            for (int j = 0; j < full; j += FL) directF32x1(k, a, ai, acs, b, bo + j, brs).intoArray(c, ci + j);
            if (rest > 0) {
                directF32x1(k, a, ai, acs, bt, 0, FL).intoArray(ct, 0);
                System.arraycopy(ct, 0, c, ci + full, rest);
            }
        }
    }

    private static void directF32x8x2(int k, float[] a, int ai, int ars, int acs, float[] b, int bj, int brs, float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(F);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        FloatVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        int a1 = 1 * ars, a2 = 2 * ars, a3 = 3 * ars, a4 = 4 * ars, a5 = 5 * ars, a6 = 6 * ars, a7 = 7 * ars;
        for (int p = 0; p < k; p++, ai += acs, bj += brs) {
            FloatVector b0 = FloatVector.fromArray(F, b, bj), b1 = FloatVector.fromArray(F, b, bj + FL);
            FloatVector x0 = FloatVector.broadcast(F, a[ai]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(F, a[ai + a1]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(F, a[ai + a2]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(F, a[ai + a3]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(F, a[ai + a4]);
            c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(F, a[ai + a5]);
            c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51);
            FloatVector x6 = FloatVector.broadcast(F, a[ai + a6]);
            c60 = x6.fma(b0, c60); c61 = x6.fma(b1, c61);
            FloatVector x7 = FloatVector.broadcast(F, a[ai + a7]);
            c70 = x7.fma(b0, c70); c71 = x7.fma(b1, c71);
        }
        c00.intoArray(c, ci); c01.intoArray(c, ci + FL);
        c10.intoArray(c, ci + ldc); c11.intoArray(c, ci + ldc + FL);
        c20.intoArray(c, ci + 2 * ldc); c21.intoArray(c, ci + 2 * ldc + FL);
        c30.intoArray(c, ci + 3 * ldc); c31.intoArray(c, ci + 3 * ldc + FL);
        c40.intoArray(c, ci + 4 * ldc); c41.intoArray(c, ci + 4 * ldc + FL);
        c50.intoArray(c, ci + 5 * ldc); c51.intoArray(c, ci + 5 * ldc + FL);
        c60.intoArray(c, ci + 6 * ldc); c61.intoArray(c, ci + 6 * ldc + FL);
        c70.intoArray(c, ci + 7 * ldc); c71.intoArray(c, ci + 7 * ldc + FL);
    }

    private static void directF32x8x1(int k, float[] a, int ai, int ars, int acs, float[] b, int bj, int brs, float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(F);
        FloatVector c0 = z, c1 = z, c2 = z, c3 = z, c4 = z, c5 = z, c6 = z, c7 = z;
        int a1 = 1 * ars, a2 = 2 * ars, a3 = 3 * ars, a4 = 4 * ars, a5 = 5 * ars, a6 = 6 * ars, a7 = 7 * ars;
        for (int p = 0; p < k; p++, ai += acs, bj += brs) {
            FloatVector bv = FloatVector.fromArray(F, b, bj);
            c0 = FloatVector.broadcast(F, a[ai]).fma(bv, c0);
            c1 = FloatVector.broadcast(F, a[ai + a1]).fma(bv, c1);
            c2 = FloatVector.broadcast(F, a[ai + a2]).fma(bv, c2);
            c3 = FloatVector.broadcast(F, a[ai + a3]).fma(bv, c3);
            c4 = FloatVector.broadcast(F, a[ai + a4]).fma(bv, c4);
            c5 = FloatVector.broadcast(F, a[ai + a5]).fma(bv, c5);
            c6 = FloatVector.broadcast(F, a[ai + a6]).fma(bv, c6);
            c7 = FloatVector.broadcast(F, a[ai + a7]).fma(bv, c7);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + ldc);
        c2.intoArray(c, ci + 2 * ldc);
        c3.intoArray(c, ci + 3 * ldc);
        c4.intoArray(c, ci + 4 * ldc);
        c5.intoArray(c, ci + 5 * ldc);
        c6.intoArray(c, ci + 6 * ldc);
        c7.intoArray(c, ci + 7 * ldc);
    }

    /** The 4 rows × 2 vectors block (AVX2's main one): with row-major A, the variant whose A reads C2 checks once. */
    private static void x4x2(int k, float[] a, int ai, int ars, int acs, float[] b, int bj, int brs, float[] c, int ci, int ldc) {
        if (acs == 1) directF32x4x2Rows(k, a, ai, ars, b, bj, brs, c, ci, ldc);
        else directF32x4x2(k, a, ai, ars, acs, b, bj, brs, c, ci, ldc);
    }

    /**
     * {@link #directF32x4x2} for a unit column stride: A read at {@code row + p}, whose bounds checks C2 hoists out
     * of the loop (with a variable stride it checks every broadcast; 64×64 by 64×64 ran 1.2× faster).
     */
    private static void directF32x4x2Rows(int k, float[] a, int ai, int ars, float[] b, int bj, int brs, float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(F);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        int a1 = ai + ars, a2 = ai + 2 * ars, a3 = ai + 3 * ars;
        for (int p = 0; p < k; p++, bj += brs) {
            FloatVector b0 = FloatVector.fromArray(F, b, bj), b1 = FloatVector.fromArray(F, b, bj + FL);
            FloatVector x0 = FloatVector.broadcast(F, a[ai + p]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(F, a[a1 + p]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(F, a[a2 + p]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(F, a[a3 + p]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
        }
        c00.intoArray(c, ci); c01.intoArray(c, ci + FL);
        c10.intoArray(c, ci + ldc); c11.intoArray(c, ci + ldc + FL);
        c20.intoArray(c, ci + 2 * ldc); c21.intoArray(c, ci + 2 * ldc + FL);
        c30.intoArray(c, ci + 3 * ldc); c31.intoArray(c, ci + 3 * ldc + FL);
    }

    private static void directF32x4x2(int k, float[] a, int ai, int ars, int acs, float[] b, int bj, int brs, float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(F);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        int a1 = ars, a2 = 2 * ars, a3 = 3 * ars;
        for (int p = 0; p < k; p++, ai += acs, bj += brs) {
            FloatVector b0 = FloatVector.fromArray(F, b, bj), b1 = FloatVector.fromArray(F, b, bj + FL);
            FloatVector x0 = FloatVector.broadcast(F, a[ai]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(F, a[ai + a1]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(F, a[ai + a2]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(F, a[ai + a3]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
        }
        c00.intoArray(c, ci); c01.intoArray(c, ci + FL);
        c10.intoArray(c, ci + ldc); c11.intoArray(c, ci + ldc + FL);
        c20.intoArray(c, ci + 2 * ldc); c21.intoArray(c, ci + 2 * ldc + FL);
        c30.intoArray(c, ci + 3 * ldc); c31.intoArray(c, ci + 3 * ldc + FL);
    }

    private static void directF32x4x1(int k, float[] a, int ai, int ars, int acs, float[] b, int bj, int brs, float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(F);
        FloatVector c0 = z, c1 = z, c2 = z, c3 = z;
        int a1 = 1 * ars, a2 = 2 * ars, a3 = 3 * ars;
        for (int p = 0; p < k; p++, ai += acs, bj += brs) {
            FloatVector bv = FloatVector.fromArray(F, b, bj);
            c0 = FloatVector.broadcast(F, a[ai]).fma(bv, c0);
            c1 = FloatVector.broadcast(F, a[ai + a1]).fma(bv, c1);
            c2 = FloatVector.broadcast(F, a[ai + a2]).fma(bv, c2);
            c3 = FloatVector.broadcast(F, a[ai + a3]).fma(bv, c3);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + ldc);
        c2.intoArray(c, ci + 2 * ldc);
        c3.intoArray(c, ci + 3 * ldc);
    }

    private static FloatVector directF32x1(int k, float[] a, int ai, int acs, float[] b, int bj, int brs) {
        FloatVector acc = FloatVector.zero(F);
        for (int p = 0; p < k; p++, ai += acs, bj += brs) acc = FloatVector.broadcast(F, a[ai]).fma(FloatVector.fromArray(F, b, bj), acc);
        return acc;
    }

    /**
     * The unpacked path: A read in place (any strides), B's rows read in place (unit column stride); blocks of
     * 8 rows × 2 vectors, then 8 rows × 1 vector, the columns past the last whole vector as below; the last rows
     * 4 and then 1 at a time. Each lane is one output element's whole chain, so no partial sums touch c; the
     * blocks keep at least 8 chains in flight where the rows allow, enough to hide the fma latency.
     */
    static void directF64(int m, int n, int k, double[] a, int ao, int ars, int acs, double[] b, int bo, int brs, double[] c, int co) {
        int full = n - n % DL, wide = n - n % (2 * DL), rest = n - full;
        // The last columns (fewer than a vector) are read from a zero-padded copy of B's and written through a
        // tile buffer, never through lane masks: a masked load or store that reaches past an array's end is
        // not intrinsified without AVX-512's mask registers (C2 runs the Java fallback and boxes the vectors,
        // 2-3x slower for the whole block). Same chains, same bits.
        double[] bt = null, ct = null;
        if (rest > 0) {
            bt = new double[k * DL];
            for (int p = 0; p < k; p++) System.arraycopy(b, bo + p * brs + full, bt, p * DL, rest);
            ct = new double[8 * DL];
        }
        int i = 0;
        for (; i + 8 <= m; i += 8) {
            int ai = ao + i * ars, ci = co + i * n;
            for (int j = 0; j < wide; j += 2 * DL) {
                if (WIDE_DIRECT) {
                    directF64x8x2(k, a, ai, ars, acs, b, bo + j, brs, c, ci + j, n);
                } else {
                    directF64x4x2(k, a, ai, ars, acs, b, bo + j, brs, c, ci + j, n);
                    directF64x4x2(k, a, ai + 4 * ars, ars, acs, b, bo + j, brs, c, ci + 4 * n + j, n);
                }
            }
            if (wide < full) directF64x8x1(k, a, ai, ars, acs, b, bo + wide, brs, c, ci + wide, n);
            if (rest > 0) {
                directF64x8x1(k, a, ai, ars, acs, bt, 0, DL, ct, 0, DL);
                for (int r = 0; r < 8; r++) System.arraycopy(ct, r * DL, c, ci + full + r * n, rest);
            }
        }
        for (; i + 4 <= m; i += 4) {
            int ai = ao + i * ars, ci = co + i * n;
            for (int j = 0; j < wide; j += 2 * DL) directF64x4x2(k, a, ai, ars, acs, b, bo + j, brs, c, ci + j, n);
            if (wide < full) directF64x4x1(k, a, ai, ars, acs, b, bo + wide, brs, c, ci + wide, n);
            if (rest > 0) {
                directF64x4x1(k, a, ai, ars, acs, bt, 0, DL, ct, 0, DL);
                for (int r = 0; r < 4; r++) System.arraycopy(ct, r * DL, c, ci + full + r * n, rest);
            }
        }
        for (; i < m; i++) {
            int ai = ao + i * ars, ci = co + i * n;
            for (int j = 0; j < full; j += DL) directF64x1(k, a, ai, acs, b, bo + j, brs).intoArray(c, ci + j);
            if (rest > 0) {
                directF64x1(k, a, ai, acs, bt, 0, DL).intoArray(ct, 0);
                System.arraycopy(ct, 0, c, ci + full, rest);
            }
        }
    }

    private static void directF64x8x2(int k, double[] a, int ai, int ars, int acs, double[] b, int bj, int brs, double[] c, int ci, int ldc) {
        DoubleVector z = DoubleVector.zero(D);
        DoubleVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        DoubleVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        int a1 = 1 * ars, a2 = 2 * ars, a3 = 3 * ars, a4 = 4 * ars, a5 = 5 * ars, a6 = 6 * ars, a7 = 7 * ars;
        for (int p = 0; p < k; p++, ai += acs, bj += brs) {
            DoubleVector b0 = DoubleVector.fromArray(D, b, bj), b1 = DoubleVector.fromArray(D, b, bj + DL);
            DoubleVector x0 = DoubleVector.broadcast(D, a[ai]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(D, a[ai + a1]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(D, a[ai + a2]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(D, a[ai + a3]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
            DoubleVector x4 = DoubleVector.broadcast(D, a[ai + a4]);
            c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41);
            DoubleVector x5 = DoubleVector.broadcast(D, a[ai + a5]);
            c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51);
            DoubleVector x6 = DoubleVector.broadcast(D, a[ai + a6]);
            c60 = x6.fma(b0, c60); c61 = x6.fma(b1, c61);
            DoubleVector x7 = DoubleVector.broadcast(D, a[ai + a7]);
            c70 = x7.fma(b0, c70); c71 = x7.fma(b1, c71);
        }
        c00.intoArray(c, ci); c01.intoArray(c, ci + DL);
        c10.intoArray(c, ci + ldc); c11.intoArray(c, ci + ldc + DL);
        c20.intoArray(c, ci + 2 * ldc); c21.intoArray(c, ci + 2 * ldc + DL);
        c30.intoArray(c, ci + 3 * ldc); c31.intoArray(c, ci + 3 * ldc + DL);
        c40.intoArray(c, ci + 4 * ldc); c41.intoArray(c, ci + 4 * ldc + DL);
        c50.intoArray(c, ci + 5 * ldc); c51.intoArray(c, ci + 5 * ldc + DL);
        c60.intoArray(c, ci + 6 * ldc); c61.intoArray(c, ci + 6 * ldc + DL);
        c70.intoArray(c, ci + 7 * ldc); c71.intoArray(c, ci + 7 * ldc + DL);
    }

    private static void directF64x8x1(int k, double[] a, int ai, int ars, int acs, double[] b, int bj, int brs, double[] c, int ci, int ldc) {
        DoubleVector z = DoubleVector.zero(D);
        DoubleVector c0 = z, c1 = z, c2 = z, c3 = z, c4 = z, c5 = z, c6 = z, c7 = z;
        int a1 = 1 * ars, a2 = 2 * ars, a3 = 3 * ars, a4 = 4 * ars, a5 = 5 * ars, a6 = 6 * ars, a7 = 7 * ars;
        for (int p = 0; p < k; p++, ai += acs, bj += brs) {
            DoubleVector bv = DoubleVector.fromArray(D, b, bj);
            c0 = DoubleVector.broadcast(D, a[ai]).fma(bv, c0);
            c1 = DoubleVector.broadcast(D, a[ai + a1]).fma(bv, c1);
            c2 = DoubleVector.broadcast(D, a[ai + a2]).fma(bv, c2);
            c3 = DoubleVector.broadcast(D, a[ai + a3]).fma(bv, c3);
            c4 = DoubleVector.broadcast(D, a[ai + a4]).fma(bv, c4);
            c5 = DoubleVector.broadcast(D, a[ai + a5]).fma(bv, c5);
            c6 = DoubleVector.broadcast(D, a[ai + a6]).fma(bv, c6);
            c7 = DoubleVector.broadcast(D, a[ai + a7]).fma(bv, c7);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + ldc);
        c2.intoArray(c, ci + 2 * ldc);
        c3.intoArray(c, ci + 3 * ldc);
        c4.intoArray(c, ci + 4 * ldc);
        c5.intoArray(c, ci + 5 * ldc);
        c6.intoArray(c, ci + 6 * ldc);
        c7.intoArray(c, ci + 7 * ldc);
    }

    private static void directF64x4x2(int k, double[] a, int ai, int ars, int acs, double[] b, int bj, int brs, double[] c, int ci, int ldc) {
        DoubleVector z = DoubleVector.zero(D);
        DoubleVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        int a1 = ars, a2 = 2 * ars, a3 = 3 * ars;
        for (int p = 0; p < k; p++, ai += acs, bj += brs) {
            DoubleVector b0 = DoubleVector.fromArray(D, b, bj), b1 = DoubleVector.fromArray(D, b, bj + DL);
            DoubleVector x0 = DoubleVector.broadcast(D, a[ai]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(D, a[ai + a1]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(D, a[ai + a2]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(D, a[ai + a3]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
        }
        c00.intoArray(c, ci); c01.intoArray(c, ci + DL);
        c10.intoArray(c, ci + ldc); c11.intoArray(c, ci + ldc + DL);
        c20.intoArray(c, ci + 2 * ldc); c21.intoArray(c, ci + 2 * ldc + DL);
        c30.intoArray(c, ci + 3 * ldc); c31.intoArray(c, ci + 3 * ldc + DL);
    }

    private static void directF64x4x1(int k, double[] a, int ai, int ars, int acs, double[] b, int bj, int brs, double[] c, int ci, int ldc) {
        DoubleVector z = DoubleVector.zero(D);
        DoubleVector c0 = z, c1 = z, c2 = z, c3 = z;
        int a1 = 1 * ars, a2 = 2 * ars, a3 = 3 * ars;
        for (int p = 0; p < k; p++, ai += acs, bj += brs) {
            DoubleVector bv = DoubleVector.fromArray(D, b, bj);
            c0 = DoubleVector.broadcast(D, a[ai]).fma(bv, c0);
            c1 = DoubleVector.broadcast(D, a[ai + a1]).fma(bv, c1);
            c2 = DoubleVector.broadcast(D, a[ai + a2]).fma(bv, c2);
            c3 = DoubleVector.broadcast(D, a[ai + a3]).fma(bv, c3);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + ldc);
        c2.intoArray(c, ci + 2 * ldc);
        c3.intoArray(c, ci + 3 * ldc);
    }

    private static DoubleVector directF64x1(int k, double[] a, int ai, int acs, double[] b, int bj, int brs) {
        DoubleVector acc = DoubleVector.zero(D);
        for (int p = 0; p < k; p++, ai += acs, bj += brs) acc = DoubleVector.broadcast(D, a[ai]).fma(DoubleVector.fromArray(D, b, bj), acc);
        return acc;
    }


    // ---------------------------------------------------------------- register tiles
    // Each: the accumulators are locals (no vector escapes), loaded from C or zero, one fma per accumulator
    // per step p, stored back whole (the driver routes edge tiles through a full-size scratch tile).

    /** 4 rows × 2 vectors: 8 accumulators, 2 loads of B and 4 broadcasts of A per step (14 registers). */
    static void tileF32x4x2(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31;
        // one load path for both cases (C's partial sums or a zero row), so every accumulator has one exact vector type
        float[] src = load ? c : ZERO_F;
        int so = load ? co : 0, sl = load ? ldc : 0;
        c00 = FloatVector.fromArray(F, src, so); c01 = FloatVector.fromArray(F, src, so + FL);
        c10 = FloatVector.fromArray(F, src, so + sl); c11 = FloatVector.fromArray(F, src, so + sl + FL);
        c20 = FloatVector.fromArray(F, src, so + 2 * sl); c21 = FloatVector.fromArray(F, src, so + 2 * sl + FL);
        c30 = FloatVector.fromArray(F, src, so + 3 * sl); c31 = FloatVector.fromArray(F, src, so + 3 * sl + FL);
        int step = 2 * FL;
        for (int p = 0, ai = pao, bi = pbo; p < kc; p++, ai += 4, bi += step) {
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
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + FL);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + FL);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + FL);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + FL);
    }

    /** 3 rows × 3 vectors: 9 accumulators, 3 loads of B and 3 broadcasts of A per step (15 registers). */
    static void tileF32x3x3(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
        FloatVector c00, c01, c02, c10, c11, c12, c20, c21, c22;
        // one load path for both cases (C's partial sums or a zero row), so every accumulator has one exact vector type
        float[] src = load ? c : ZERO_F;
        int so = load ? co : 0, sl = load ? ldc : 0;
        c00 = FloatVector.fromArray(F, src, so); c01 = FloatVector.fromArray(F, src, so + FL); c02 = FloatVector.fromArray(F, src, so + 2 * FL);
        c10 = FloatVector.fromArray(F, src, so + sl); c11 = FloatVector.fromArray(F, src, so + sl + FL); c12 = FloatVector.fromArray(F, src, so + sl + 2 * FL);
        c20 = FloatVector.fromArray(F, src, so + 2 * sl); c21 = FloatVector.fromArray(F, src, so + 2 * sl + FL); c22 = FloatVector.fromArray(F, src, so + 2 * sl + 2 * FL);
        int step = 3 * FL;
        for (int p = 0, ai = pao, bi = pbo; p < kc; p++, ai += 3, bi += step) {
            FloatVector b0 = FloatVector.fromArray(F, pb, bi);
            FloatVector b1 = FloatVector.fromArray(F, pb, bi + FL);
            FloatVector b2 = FloatVector.fromArray(F, pb, bi + 2 * FL);
            FloatVector a0 = FloatVector.broadcast(F, pa[ai]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01); c02 = a0.fma(b2, c02);
            FloatVector a1 = FloatVector.broadcast(F, pa[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11); c12 = a1.fma(b2, c12);
            FloatVector a2 = FloatVector.broadcast(F, pa[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21); c22 = a2.fma(b2, c22);
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
    }

    /** 6 rows × 2 vectors: 12 accumulators, 2 loads of B and 6 broadcasts of A per step. */
    static void tileF32x6x2(int kc, float[] pa, int pao, float[] pb, int pbo, float[] c, int co, int ldc, boolean load) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        // one load path for both cases (C's partial sums or a zero row), so every accumulator has one exact vector type
        float[] src = load ? c : ZERO_F;
        int so = load ? co : 0, sl = load ? ldc : 0;
        c00 = FloatVector.fromArray(F, src, so); c01 = FloatVector.fromArray(F, src, so + FL);
        c10 = FloatVector.fromArray(F, src, so + sl); c11 = FloatVector.fromArray(F, src, so + sl + FL);
        c20 = FloatVector.fromArray(F, src, so + 2 * sl); c21 = FloatVector.fromArray(F, src, so + 2 * sl + FL);
        c30 = FloatVector.fromArray(F, src, so + 3 * sl); c31 = FloatVector.fromArray(F, src, so + 3 * sl + FL);
        c40 = FloatVector.fromArray(F, src, so + 4 * sl); c41 = FloatVector.fromArray(F, src, so + 4 * sl + FL);
        c50 = FloatVector.fromArray(F, src, so + 5 * sl); c51 = FloatVector.fromArray(F, src, so + 5 * sl + FL);
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
        // one load path for both cases (C's partial sums or a zero row), so every accumulator has one exact vector type
        float[] src = load ? c : ZERO_F;
        int so = load ? co : 0, sl = load ? ldc : 0;
        c00 = FloatVector.fromArray(F, src, so); c01 = FloatVector.fromArray(F, src, so + FL); c02 = FloatVector.fromArray(F, src, so + 2 * FL);
        c10 = FloatVector.fromArray(F, src, so + sl); c11 = FloatVector.fromArray(F, src, so + sl + FL); c12 = FloatVector.fromArray(F, src, so + sl + 2 * FL);
        c20 = FloatVector.fromArray(F, src, so + 2 * sl); c21 = FloatVector.fromArray(F, src, so + 2 * sl + FL); c22 = FloatVector.fromArray(F, src, so + 2 * sl + 2 * FL);
        c30 = FloatVector.fromArray(F, src, so + 3 * sl); c31 = FloatVector.fromArray(F, src, so + 3 * sl + FL); c32 = FloatVector.fromArray(F, src, so + 3 * sl + 2 * FL);
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
        // one load path for both cases (C's partial sums or a zero row), so every accumulator has one exact vector type
        float[] src = load ? c : ZERO_F;
        int so = load ? co : 0, sl = load ? ldc : 0;
        c00 = FloatVector.fromArray(F, src, so); c01 = FloatVector.fromArray(F, src, so + FL); c02 = FloatVector.fromArray(F, src, so + 2 * FL);
        c10 = FloatVector.fromArray(F, src, so + sl); c11 = FloatVector.fromArray(F, src, so + sl + FL); c12 = FloatVector.fromArray(F, src, so + sl + 2 * FL);
        c20 = FloatVector.fromArray(F, src, so + 2 * sl); c21 = FloatVector.fromArray(F, src, so + 2 * sl + FL); c22 = FloatVector.fromArray(F, src, so + 2 * sl + 2 * FL);
        c30 = FloatVector.fromArray(F, src, so + 3 * sl); c31 = FloatVector.fromArray(F, src, so + 3 * sl + FL); c32 = FloatVector.fromArray(F, src, so + 3 * sl + 2 * FL);
        c40 = FloatVector.fromArray(F, src, so + 4 * sl); c41 = FloatVector.fromArray(F, src, so + 4 * sl + FL); c42 = FloatVector.fromArray(F, src, so + 4 * sl + 2 * FL);
        c50 = FloatVector.fromArray(F, src, so + 5 * sl); c51 = FloatVector.fromArray(F, src, so + 5 * sl + FL); c52 = FloatVector.fromArray(F, src, so + 5 * sl + 2 * FL);
        c60 = FloatVector.fromArray(F, src, so + 6 * sl); c61 = FloatVector.fromArray(F, src, so + 6 * sl + FL); c62 = FloatVector.fromArray(F, src, so + 6 * sl + 2 * FL);
        c70 = FloatVector.fromArray(F, src, so + 7 * sl); c71 = FloatVector.fromArray(F, src, so + 7 * sl + FL); c72 = FloatVector.fromArray(F, src, so + 7 * sl + 2 * FL);
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
        // one load path for both cases (C's partial sums or a zero row), so every accumulator has one exact vector type
        float[] src = load ? c : ZERO_F;
        int so = load ? co : 0, sl = load ? ldc : 0;
        c00 = FloatVector.fromArray(F, src, so); c01 = FloatVector.fromArray(F, src, so + FL);
        c10 = FloatVector.fromArray(F, src, so + sl); c11 = FloatVector.fromArray(F, src, so + sl + FL);
        c20 = FloatVector.fromArray(F, src, so + 2 * sl); c21 = FloatVector.fromArray(F, src, so + 2 * sl + FL);
        c30 = FloatVector.fromArray(F, src, so + 3 * sl); c31 = FloatVector.fromArray(F, src, so + 3 * sl + FL);
        c40 = FloatVector.fromArray(F, src, so + 4 * sl); c41 = FloatVector.fromArray(F, src, so + 4 * sl + FL);
        c50 = FloatVector.fromArray(F, src, so + 5 * sl); c51 = FloatVector.fromArray(F, src, so + 5 * sl + FL);
        c60 = FloatVector.fromArray(F, src, so + 6 * sl); c61 = FloatVector.fromArray(F, src, so + 6 * sl + FL);
        c70 = FloatVector.fromArray(F, src, so + 7 * sl); c71 = FloatVector.fromArray(F, src, so + 7 * sl + FL);
        c80 = FloatVector.fromArray(F, src, so + 8 * sl); c81 = FloatVector.fromArray(F, src, so + 8 * sl + FL);
        c90 = FloatVector.fromArray(F, src, so + 9 * sl); c91 = FloatVector.fromArray(F, src, so + 9 * sl + FL);
        c100 = FloatVector.fromArray(F, src, so + 10 * sl); c101 = FloatVector.fromArray(F, src, so + 10 * sl + FL);
        c110 = FloatVector.fromArray(F, src, so + 11 * sl); c111 = FloatVector.fromArray(F, src, so + 11 * sl + FL);
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

    /** 4 rows × 2 vectors: 8 accumulators, 2 loads of B and 4 broadcasts of A per step (14 registers). */
    static void tileF64x4x2(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31;
        // one load path for both cases (C's partial sums or a zero row), so every accumulator has one exact vector type
        double[] src = load ? c : ZERO_D;
        int so = load ? co : 0, sl = load ? ldc : 0;
        c00 = DoubleVector.fromArray(D, src, so); c01 = DoubleVector.fromArray(D, src, so + DL);
        c10 = DoubleVector.fromArray(D, src, so + sl); c11 = DoubleVector.fromArray(D, src, so + sl + DL);
        c20 = DoubleVector.fromArray(D, src, so + 2 * sl); c21 = DoubleVector.fromArray(D, src, so + 2 * sl + DL);
        c30 = DoubleVector.fromArray(D, src, so + 3 * sl); c31 = DoubleVector.fromArray(D, src, so + 3 * sl + DL);
        int step = 2 * DL;
        for (int p = 0, ai = pao, bi = pbo; p < kc; p++, ai += 4, bi += step) {
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
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + DL);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + DL);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + DL);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + DL);
    }

    /** 3 rows × 3 vectors: 9 accumulators, 3 loads of B and 3 broadcasts of A per step (15 registers). */
    static void tileF64x3x3(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
        DoubleVector c00, c01, c02, c10, c11, c12, c20, c21, c22;
        // one load path for both cases (C's partial sums or a zero row), so every accumulator has one exact vector type
        double[] src = load ? c : ZERO_D;
        int so = load ? co : 0, sl = load ? ldc : 0;
        c00 = DoubleVector.fromArray(D, src, so); c01 = DoubleVector.fromArray(D, src, so + DL); c02 = DoubleVector.fromArray(D, src, so + 2 * DL);
        c10 = DoubleVector.fromArray(D, src, so + sl); c11 = DoubleVector.fromArray(D, src, so + sl + DL); c12 = DoubleVector.fromArray(D, src, so + sl + 2 * DL);
        c20 = DoubleVector.fromArray(D, src, so + 2 * sl); c21 = DoubleVector.fromArray(D, src, so + 2 * sl + DL); c22 = DoubleVector.fromArray(D, src, so + 2 * sl + 2 * DL);
        int step = 3 * DL;
        for (int p = 0, ai = pao, bi = pbo; p < kc; p++, ai += 3, bi += step) {
            DoubleVector b0 = DoubleVector.fromArray(D, pb, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, pb, bi + DL);
            DoubleVector b2 = DoubleVector.fromArray(D, pb, bi + 2 * DL);
            DoubleVector a0 = DoubleVector.broadcast(D, pa[ai]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01); c02 = a0.fma(b2, c02);
            DoubleVector a1 = DoubleVector.broadcast(D, pa[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11); c12 = a1.fma(b2, c12);
            DoubleVector a2 = DoubleVector.broadcast(D, pa[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21); c22 = a2.fma(b2, c22);
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
    }

    /** 6 rows × 2 vectors: 12 accumulators, 2 loads of B and 6 broadcasts of A per step. */
    static void tileF64x6x2(int kc, double[] pa, int pao, double[] pb, int pbo, double[] c, int co, int ldc, boolean load) {
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        // one load path for both cases (C's partial sums or a zero row), so every accumulator has one exact vector type
        double[] src = load ? c : ZERO_D;
        int so = load ? co : 0, sl = load ? ldc : 0;
        c00 = DoubleVector.fromArray(D, src, so); c01 = DoubleVector.fromArray(D, src, so + DL);
        c10 = DoubleVector.fromArray(D, src, so + sl); c11 = DoubleVector.fromArray(D, src, so + sl + DL);
        c20 = DoubleVector.fromArray(D, src, so + 2 * sl); c21 = DoubleVector.fromArray(D, src, so + 2 * sl + DL);
        c30 = DoubleVector.fromArray(D, src, so + 3 * sl); c31 = DoubleVector.fromArray(D, src, so + 3 * sl + DL);
        c40 = DoubleVector.fromArray(D, src, so + 4 * sl); c41 = DoubleVector.fromArray(D, src, so + 4 * sl + DL);
        c50 = DoubleVector.fromArray(D, src, so + 5 * sl); c51 = DoubleVector.fromArray(D, src, so + 5 * sl + DL);
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
        // one load path for both cases (C's partial sums or a zero row), so every accumulator has one exact vector type
        double[] src = load ? c : ZERO_D;
        int so = load ? co : 0, sl = load ? ldc : 0;
        c00 = DoubleVector.fromArray(D, src, so); c01 = DoubleVector.fromArray(D, src, so + DL); c02 = DoubleVector.fromArray(D, src, so + 2 * DL);
        c10 = DoubleVector.fromArray(D, src, so + sl); c11 = DoubleVector.fromArray(D, src, so + sl + DL); c12 = DoubleVector.fromArray(D, src, so + sl + 2 * DL);
        c20 = DoubleVector.fromArray(D, src, so + 2 * sl); c21 = DoubleVector.fromArray(D, src, so + 2 * sl + DL); c22 = DoubleVector.fromArray(D, src, so + 2 * sl + 2 * DL);
        c30 = DoubleVector.fromArray(D, src, so + 3 * sl); c31 = DoubleVector.fromArray(D, src, so + 3 * sl + DL); c32 = DoubleVector.fromArray(D, src, so + 3 * sl + 2 * DL);
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
        // one load path for both cases (C's partial sums or a zero row), so every accumulator has one exact vector type
        double[] src = load ? c : ZERO_D;
        int so = load ? co : 0, sl = load ? ldc : 0;
        c00 = DoubleVector.fromArray(D, src, so); c01 = DoubleVector.fromArray(D, src, so + DL); c02 = DoubleVector.fromArray(D, src, so + 2 * DL);
        c10 = DoubleVector.fromArray(D, src, so + sl); c11 = DoubleVector.fromArray(D, src, so + sl + DL); c12 = DoubleVector.fromArray(D, src, so + sl + 2 * DL);
        c20 = DoubleVector.fromArray(D, src, so + 2 * sl); c21 = DoubleVector.fromArray(D, src, so + 2 * sl + DL); c22 = DoubleVector.fromArray(D, src, so + 2 * sl + 2 * DL);
        c30 = DoubleVector.fromArray(D, src, so + 3 * sl); c31 = DoubleVector.fromArray(D, src, so + 3 * sl + DL); c32 = DoubleVector.fromArray(D, src, so + 3 * sl + 2 * DL);
        c40 = DoubleVector.fromArray(D, src, so + 4 * sl); c41 = DoubleVector.fromArray(D, src, so + 4 * sl + DL); c42 = DoubleVector.fromArray(D, src, so + 4 * sl + 2 * DL);
        c50 = DoubleVector.fromArray(D, src, so + 5 * sl); c51 = DoubleVector.fromArray(D, src, so + 5 * sl + DL); c52 = DoubleVector.fromArray(D, src, so + 5 * sl + 2 * DL);
        c60 = DoubleVector.fromArray(D, src, so + 6 * sl); c61 = DoubleVector.fromArray(D, src, so + 6 * sl + DL); c62 = DoubleVector.fromArray(D, src, so + 6 * sl + 2 * DL);
        c70 = DoubleVector.fromArray(D, src, so + 7 * sl); c71 = DoubleVector.fromArray(D, src, so + 7 * sl + DL); c72 = DoubleVector.fromArray(D, src, so + 7 * sl + 2 * DL);
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
        // one load path for both cases (C's partial sums or a zero row), so every accumulator has one exact vector type
        double[] src = load ? c : ZERO_D;
        int so = load ? co : 0, sl = load ? ldc : 0;
        c00 = DoubleVector.fromArray(D, src, so); c01 = DoubleVector.fromArray(D, src, so + DL);
        c10 = DoubleVector.fromArray(D, src, so + sl); c11 = DoubleVector.fromArray(D, src, so + sl + DL);
        c20 = DoubleVector.fromArray(D, src, so + 2 * sl); c21 = DoubleVector.fromArray(D, src, so + 2 * sl + DL);
        c30 = DoubleVector.fromArray(D, src, so + 3 * sl); c31 = DoubleVector.fromArray(D, src, so + 3 * sl + DL);
        c40 = DoubleVector.fromArray(D, src, so + 4 * sl); c41 = DoubleVector.fromArray(D, src, so + 4 * sl + DL);
        c50 = DoubleVector.fromArray(D, src, so + 5 * sl); c51 = DoubleVector.fromArray(D, src, so + 5 * sl + DL);
        c60 = DoubleVector.fromArray(D, src, so + 6 * sl); c61 = DoubleVector.fromArray(D, src, so + 6 * sl + DL);
        c70 = DoubleVector.fromArray(D, src, so + 7 * sl); c71 = DoubleVector.fromArray(D, src, so + 7 * sl + DL);
        c80 = DoubleVector.fromArray(D, src, so + 8 * sl); c81 = DoubleVector.fromArray(D, src, so + 8 * sl + DL);
        c90 = DoubleVector.fromArray(D, src, so + 9 * sl); c91 = DoubleVector.fromArray(D, src, so + 9 * sl + DL);
        c100 = DoubleVector.fromArray(D, src, so + 10 * sl); c101 = DoubleVector.fromArray(D, src, so + 10 * sl + DL);
        c110 = DoubleVector.fromArray(D, src, so + 11 * sl); c111 = DoubleVector.fromArray(D, src, so + 11 * sl + DL);
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
