package org.autograd4j.kernels;

/**
 * PyTorch 1.13.1's CPU sum of float32 and float64, bit for bit: the cascade sum of
 * {@code aten/src/ATen/native/cpu/SumKernel.cpp} ({@code cascade_sum}), in plain Java. PyTorch adds float32 in
 * float32 ({@code at::acc_type<float, true>}, the accumulator type it asks for, is float) and float64 in float64, in a fixed order
 * that this class repeats; the Vector API twin {@code kernels.vector.VectorCascadeSum} gives the same bits.
 *
 * <p>The building block is ATen's {@code multi_row_sum}: each of several independent accumulators ("lanes")
 * adds {@code size} values in blocks of {@code 2^p} ({@code p = max(4, ceilLog2(size) / 4)}); block sums move
 * up through four levels of partial sums, a level being flushed into the next every {@code 2^p} flushes of
 * its own, and at the end the levels are added as {@code ((l0 + l1) + l2) + l3}. Only values of similar
 * magnitude meet, so the error grows like {@code O(log n)} rather than {@code O(n)}. Around it:
 * <ul>
 * <li>{@code row_sum} (scalar, "ilp" = 4): the n values are read as rows of 4, each column a lane; the last
 *     {@code n mod 4} values go into lane 0; then {@code ((lane0 + lane1) + lane2) + lane3}.
 * <li>{@code vectorized_inner_sum} (contiguous, {@code n >= 8} floats or {@code >= 4} doubles): the same
 *     over {@code Vectorized<float>}, which is 8 lanes in the AVX2 build that is the reference (4 for double;
 *     a constant of the algorithm, not of this machine): 32 float lanes read as rows of 32, the leftover whole
 *     vectors into lanes 0..7, lanes {@code 8k + l} folded onto lane {@code l}, and the result is
 *     {@code 0 + tail[0] + tail[1] + ... + lane0 + ... + lane7}, the {@code n mod 8} tail values first.
 * </ul>
 * Every result is finally added to the zero-filled output, so an all-negative-zero sum is {@code +0.0} as in
 * PyTorch.
 *
 * <p>What a result depends on: the values, {@code n}, and whether {@code stride == 1} (the vectorised path;
 * any other stride, 0 included, takes {@code row_sum}, whose bits do not depend on the stride). In PyTorch a
 * 1-D view of stride s &ne; 1 and every row of {@code x.sum(-1)} with fewer than 8 (float64: 4) elements take
 * {@code row_sum}; {@code x.sum()} of a contiguous tensor, of any shape, is the 1-D sum of its n elements in
 * memory order ({@code TensorIterator} coalesces the dims). With more than one thread PyTorch splits a full
 * reduction ({@code x.sum()}, one output) of at least {@code GRAIN_SIZE} = 32768 elements into per-thread
 * chunks, which changes the bits: {@link #sumF32(float[], int, int, int, int)}. Reductions with more than one
 * output are split over the outputs only, which does not change the bits.
 */
public final class CascadeSum {
    /** Lanes of ATen's {@code Vectorized<float>} in the AVX2 build (PyTorch's algorithm constant). */
    static final int F32_LANES = 8;
    /** Lanes of ATen's {@code Vectorized<double>} in the AVX2 build. */
    static final int F64_LANES = 4;
    /** ATen's {@code ilp_factor} of {@code row_sum} and {@code nrows} of the outer sums. */
    static final int ILP = 4;
    /** ATen's {@code num_levels} of {@code multi_row_sum}. */
    static final int LEVELS = 4;
    /** ATen's {@code internal::GRAIN_SIZE}: a full reduction of fewer elements is never split. */
    static final int GRAIN_SIZE = 32768;

    private CascadeSum() {
    }

    /**
     * {@code utils::CeilLog2}: 1 for {@code x <= 2}, else the number of bits of {@code x - 1}.
     *
     * @param x a count, at least 0
     * @return ceil(log2(x)), and 1 for x &le; 2
     */
    public static int ceilLog2(long x) {
        return x <= 2 ? 1 : 64 - Long.numberOfLeadingZeros(x - 1);
    }

    /**
     * {@code multi_row_sum}'s block size exponent for {@code size} rows: {@code max(4, ceilLog2(size) / 4)}.
     *
     * @param size the number of rows summed
     * @return p, the blocks being 2^p rows
     */
    public static int levelPower(long size) {
        return Math.max(4, ceilLog2(size) / LEVELS);
    }

    // ------------------------------------------------------------------------------------------------ float32

    /**
     * PyTorch's {@code x.sum()} of the n float32 values {@code x[off + i * stride]}, one thread (the default
     * on a one-core machine, and {@code torch.set_num_threads(1)}).
     *
     * @param x the values
     * @param off the first value's index
     * @param stride the index step; 1 takes PyTorch's vectorised path, anything else its scalar {@code row_sum}
     * @param n the number of values, at least 0
     * @return the sum, as {@code torch.sum} returns it, bit for bit
     */
    public static float sumF32(float[] x, int off, int stride, int n) {
        if (stride == 1 && n >= F32_LANES) return innerF32(x, off, n);
        return 0f + rowSumF32(x, off, stride, n);
    }

    /**
     * PyTorch's {@code x.sum()} of a 1-D float32 view at {@code torch.set_num_threads(threads)}: below
     * {@link #GRAIN_SIZE} elements or with one thread this is {@link #sumF32(float[], int, int, int)};
     * else ATen's {@code two_pass_reduction} with OpenMP's static split: {@code t = min(threads,
     * ceil(n / 32768))} chunks of {@code ceil(n / t)} elements, each summed alone, then the cascade sum of the
     * {@code threads} per-thread results (zero for threads without a chunk).
     *
     * @param x the values
     * @param off the first value's index
     * @param stride the index step
     * @param n the number of values
     * @param threads PyTorch's {@code torch.get_num_threads()}, at least 1
     * @return the sum, bit for bit
     */
    public static float sumF32(float[] x, int off, int stride, int n, int threads) {
        if (threads <= 1 || n < GRAIN_SIZE) return sumF32(x, off, stride, n);
        int used = (int) Math.min(threads, (n + (long) GRAIN_SIZE - 1) / GRAIN_SIZE);
        int chunk = (int) ((n + (long) used - 1) / used);
        float[] partial = new float[threads];
        for (int t = 0; t < used; t++) {
            int begin = t * chunk;
            if (begin < n) partial[t] = 0f + sumF32(x, off + begin * stride, stride, Math.min(chunk, n - begin));
        }
        return sumF32(partial, 0, 1, threads);
    }

    /**
     * PyTorch's {@code x.sum(0)} of a float32 block {@code x[off + r * rowStride + c]}, {@code rows} by
     * {@code cols} with contiguous columns ({@code rowStride >= cols}; also each [rows, cols] slice of a
     * reduction over a middle dim). ATen sums the columns side by side ({@code vectorized_outer_sum}, or
     * {@code scalar_outer_sum} below 8 columns): the columns of whole groups (of 32 columns, or of 4 when
     * {@code cols < 8}) are each one {@code multi_row_sum} lane over the rows; the other columns each take
     * {@code row_sum} over the rows. A single column is the 1-D sum at stride {@code rowStride}. The bits do not
     * depend on the thread count.
     *
     * @param x the values
     * @param off the index of element (0, 0)
     * @param rows the number of rows summed
     * @param rowStride the index step between rows
     * @param cols the number of columns (outputs)
     * @param out receives the column sums
     * @param oo the index of the first column's sum in {@code out}
     */
    public static void sumColumnsF32(float[] x, int off, int rows, int rowStride, int cols, float[] out, int oo) {
        java.util.Arrays.fill(out, oo, oo + cols, 0f);
        reduceBlockF32(x, off, rows, rowStride, cols, 1, out, oo, 1);
    }

    /**
     * One 2-D block of ATen's {@code cascade_sum} loop, as {@code TensorIterator} hands it over: {@code size0}
     * values at {@code stride0} (the reduced dim, innermost) for each of {@code size1} outputs at
     * {@code stride1}; output j receives {@code out[oo + j * outStride] += sum_j} in j order ({@code outStride}
     * 0 when dim 1 is reduced too, as in {@code x.sum()} of a view that does not coalesce to 1-D). ATen's four
     * cases, in its order: {@code stride0 == 1} and {@code size0 >= 8} (each output
     * the vectorised sum); {@code stride1 == 1} and {@code size1 >= 8} (the columns side by side, whole groups
     * of 32 as {@code multi_row_sum} lanes, the rest {@code row_sum}); {@code stride0 < stride1} ({@code row_sum}
     * each); else groups of 4 outputs as {@code multi_row_sum} lanes, the rest {@code row_sum}. The output must
     * hold PyTorch's starting value (zero) or a partial result of an earlier block.
     *
     * @param x the values
     * @param off the index of element (0, 0)
     * @param size0 the length of the reduced dim
     * @param stride0 its index step
     * @param size1 the number of outputs (or of rows into one output)
     * @param stride1 the index step between them
     * @param out accumulates the sums
     * @param oo the index of output 0 in {@code out}
     * @param outStride the index step between outputs, 0 for one output
     */
    public static void reduceBlockF32(float[] x, int off, int size0, int stride0, int size1, int stride1, float[] out,
            int oo, int outStride) {
        if (stride0 == 1 && size0 >= F32_LANES) {
            for (int j = 0; j < size1; j++) out[oo + j * outStride] += innerF32(x, off + j * stride1, size0);
        } else if (stride1 == 1 && size1 >= F32_LANES) {
            int grouped = size1 / (ILP * F32_LANES) * (ILP * F32_LANES);
            float[] sums = new float[grouped];
            for (int g = 0; g < grouped; g += 8) cascade8F32(x, off + g, stride0, size0, sums, g);
            for (int j = 0; j < grouped; j++) out[oo + j * outStride] += sums[j];
            for (int j = grouped; j < size1; j++) out[oo + j * outStride] += rowSumF32(x, off + j, stride0, size0);
        } else if (stride0 < stride1) {
            for (int j = 0; j < size1; j++) out[oo + j * outStride] += rowSumF32(x, off + j * stride1, stride0, size0);
        } else {
            int grouped = size1 / ILP * ILP;
            float[] acc = new float[LEVELS * ILP];
            for (int j = 0; j < grouped; j += ILP) {
                java.util.Arrays.fill(acc, 0f);
                multiRowSumF32(x, off + j * stride1, stride0, 1, 0, ILP, stride1, size0, acc);
                for (int k = 0; k < ILP; k++) out[oo + (j + k) * outStride] += acc[k];
            }
            for (int j = grouped; j < size1; j++) out[oo + j * outStride] += rowSumF32(x, off + j * stride1, stride0, size0);
        }
    }

    /**
     * ATen's scalar {@code row_sum} (ilp 4) of n float32 values at a stride, before the final store: the
     * values are 4 lanes of {@code n / 4} rows, the last {@code n mod 4} go into lane 0.
     *
     * @param x the values
     * @param off the first value's index
     * @param stride the index step
     * @param n the number of values
     * @return {@code ((lane0 + lane1) + lane2) + lane3}
     */
    public static float rowSumF32(float[] x, int off, int stride, int n) {
        int rows = n / ILP;
        float[] acc = new float[LEVELS * ILP];
        multiRowSumF32(x, off, ILP * stride, ILP, stride, 1, 1, rows, acc);
        float s = acc[0];
        for (int i = rows * ILP; i < n; i++) s += x[off + i * stride];
        return ((s + acc[1]) + acc[2]) + acc[3];
    }

    /** {@code vectorized_inner_sum} of n &ge; 8 contiguous floats, with the final store into the zero output. */
    private static float innerF32(float[] x, int off, int n) {
        int vecs = n / F32_LANES;
        int rows = vecs / ILP;
        int lanes = ILP * F32_LANES;
        float[] acc = new float[lanes];
        for (int g = 0; g < lanes; g += 8) cascade8F32(x, off + g, lanes, rows, acc, g);
        return finishInnerF32(x, off, n, acc);
    }

    /**
     * The end of {@code vectorized_inner_sum}, after the rows of 32: {@code acc[0..32)} holds the 4 row-sum
     * lanes of 8. The leftover whole vectors go into lanes 0..7, lanes 8..31 fold onto them, and the scalar
     * tail is summed first, then the 8 lanes in order.
     */
    static float finishInnerF32(float[] x, int off, int n, float[] acc) {
        int vecs = n / F32_LANES;
        for (int v = vecs / ILP * ILP; v < vecs; v++) {
            for (int l = 0; l < F32_LANES; l++) acc[l] += x[off + v * F32_LANES + l];
        }
        for (int k = 1; k < ILP; k++) {
            for (int l = 0; l < F32_LANES; l++) acc[l] += acc[k * F32_LANES + l];
        }
        float s = 0f;
        for (int i = vecs * F32_LANES; i < n; i++) s += x[off + i];
        for (int l = 0; l < F32_LANES; l++) s += acc[l];
        return 0f + s;
    }

    /**
     * {@link #multiRowSumF32} for 8 adjacent lanes {@code x[base + i * rs + l]}, {@code l < 8}, over {@code size}
     * rows: level 0 in locals (8 independent add chains), levels 1..3 in {@code up}; the lanes' sums into
     * {@code out[oo..oo + 8)}.
     */
    private static void cascade8F32(float[] x, int base, int rs, int size, float[] out, int oo) {
        int p = levelPower(size);
        int step = 1 << p;
        int mask = step - 1;
        float[] up = new float[3 * 8];
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
        int i = 0;
        while (i + step <= size) {
            for (int end = i + step; i < end; i++) {
                int b = base + i * rs;
                    s0 += x[b];
                    s1 += x[b + 1];
                    s2 += x[b + 2];
                    s3 += x[b + 3];
                    s4 += x[b + 4];
                    s5 += x[b + 5];
                    s6 += x[b + 6];
                    s7 += x[b + 7];
            }
            // level 1 += level 0; then up while the row count is a multiple of the next level's span
            up[0] += s0;
            up[1] += s1;
            up[2] += s2;
            up[3] += s3;
            up[4] += s4;
            up[5] += s5;
            up[6] += s6;
            up[7] += s7;
            s0 = s1 = s2 = s3 = s4 = s5 = s6 = s7 = 0f;
            for (int lv = 2; lv < LEVELS && (i & (mask << ((lv - 1) * p))) == 0; lv++) {
                int u = (lv - 1) * 8;
                for (int l = 0; l < 8; l++) {
                    up[u + l] += up[u - 8 + l];
                    up[u - 8 + l] = 0f;
                }
            }
        }
        for (; i < size; i++) {
            int b = base + i * rs;
            s0 += x[b];
            s1 += x[b + 1];
            s2 += x[b + 2];
            s3 += x[b + 3];
            s4 += x[b + 4];
            s5 += x[b + 5];
            s6 += x[b + 6];
            s7 += x[b + 7];
        }
        out[oo + 0] = ((s0 + up[0]) + up[8]) + up[16];
        out[oo + 1] = ((s1 + up[1]) + up[9]) + up[17];
        out[oo + 2] = ((s2 + up[2]) + up[10]) + up[18];
        out[oo + 3] = ((s3 + up[3]) + up[11]) + up[19];
        out[oo + 4] = ((s4 + up[4]) + up[12]) + up[20];
        out[oo + 5] = ((s5 + up[5]) + up[13]) + up[21];
        out[oo + 6] = ((s6 + up[6]) + up[14]) + up[22];
        out[oo + 7] = ((s7 + up[7]) + up[15]) + up[23];
    }

    /** One row into level 0: lane (k, c) += x[base + k * kStride + c * colStride]. */
    private static void addRow(float[] x, int base, int nk, int kStride, int w, int colStride, float[] acc) {
        for (int k = 0; k < nk; k++) {
            int b = base + k * kStride;
            int a = k * w;
            if (colStride == 1) {
                // unit stride: C2's superword pass turns this into vector adds (lane-wise, so the same bits)
                for (int c = 0; c < w; c++) acc[a + c] += x[b + c];
            } else {
                for (int c = 0; c < w; c++) acc[a + c] += x[b + c * colStride];
            }
        }
    }

    /**
     * ATen's {@code multi_row_sum} over {@code size} rows of {@code nk * w} lanes: lane {@code (k, c)} of row i
     * reads {@code x[off + i * rowStride + k * kStride + c * colStride]}. {@code acc} (length at least
     * {@code 4 * nk * w}, zero on entry) holds the four levels; on return lane j's sum is {@code acc[j]}, j =
     * {@code k * w + c}.
     */
    static void multiRowSumF32(float[] x, int off, int rowStride, int nk, int kStride, int w, int colStride,
            int size, float[] acc) {
        int lanes = nk * w;
        int p = levelPower(size);
        int step = 1 << p;
        int mask = step - 1;
        int i = 0;
        while (i + step <= size) {
            for (int j = 0; j < step; j++, i++) {
                int base = off + i * rowStride;
                addRow(x, base, nk, kStride, w, colStride, acc);
            }
            // flush level j-1 into level j, going up while the row count is a multiple of that level's span
            for (int lv = 1; lv < LEVELS; lv++) {
                int up = lv * lanes;
                int down = up - lanes;
                for (int c = 0; c < lanes; c++) {
                    acc[up + c] += acc[down + c];
                    acc[down + c] = 0f;
                }
                if ((i & (mask << (lv * p))) != 0) break;
            }
        }
        for (; i < size; i++) {
            int base = off + i * rowStride;
            addRow(x, base, nk, kStride, w, colStride, acc);
        }
        for (int lv = 1; lv < LEVELS; lv++) {
            for (int c = 0; c < lanes; c++) acc[c] += acc[lv * lanes + c];
        }
    }

    // ------------------------------------------------------------------------------------------------ float64

    /**
     * PyTorch's {@code x.sum()} of the n float64 values {@code x[off + i * stride]}, one thread: the float32
     * algorithm with {@code Vectorized<double>}'s 4 lanes (rows of 16 in the vectorised path, taken for
     * {@code stride == 1} and {@code n >= 4}).
     *
     * @param x the values
     * @param off the first value's index
     * @param stride the index step
     * @param n the number of values
     * @return the sum, bit for bit
     */
    public static double sumF64(double[] x, int off, int stride, int n) {
        if (stride == 1 && n >= F64_LANES) return innerF64(x, off, n);
        return 0d + rowSumF64(x, off, stride, n);
    }

    /**
     * PyTorch's {@code x.sum()} of a 1-D float64 view at {@code torch.set_num_threads(threads)}: as
     * {@link #sumF32(float[], int, int, int, int)}.
     *
     * @param x the values
     * @param off the first value's index
     * @param stride the index step
     * @param n the number of values
     * @param threads PyTorch's {@code torch.get_num_threads()}, at least 1
     * @return the sum, bit for bit
     */
    public static double sumF64(double[] x, int off, int stride, int n, int threads) {
        if (threads <= 1 || n < GRAIN_SIZE) return sumF64(x, off, stride, n);
        int used = (int) Math.min(threads, (n + (long) GRAIN_SIZE - 1) / GRAIN_SIZE);
        int chunk = (int) ((n + (long) used - 1) / used);
        double[] partial = new double[threads];
        for (int t = 0; t < used; t++) {
            int begin = t * chunk;
            if (begin < n) partial[t] = 0d + sumF64(x, off + begin * stride, stride, Math.min(chunk, n - begin));
        }
        return sumF64(partial, 0, 1, threads);
    }

    /**
     * PyTorch's {@code x.sum(0)} of a float64 block, as {@link #sumColumnsF32} with 4-lane vectors: the columns
     * of whole groups of 16 are {@code multi_row_sum} lanes, the rest (all of them below 4 columns) take
     * {@code row_sum}.
     *
     * @param x the values
     * @param off the index of element (0, 0)
     * @param rows the number of rows summed
     * @param rowStride the index step between rows
     * @param cols the number of columns (outputs)
     * @param out receives the column sums
     * @param oo the index of the first column's sum in {@code out}
     */
    public static void sumColumnsF64(double[] x, int off, int rows, int rowStride, int cols, double[] out, int oo) {
        java.util.Arrays.fill(out, oo, oo + cols, 0d);
        reduceBlockF64(x, off, rows, rowStride, cols, 1, out, oo, 1);
    }

    /**
     * One 2-D block of ATen's {@code cascade_sum} loop, as {@code TensorIterator} hands it over: {@code size0}
     * values at {@code stride0} (the reduced dim, innermost) for each of {@code size1} outputs at
     * {@code stride1}; output j receives {@code out[oo + j * outStride] += sum_j} in j order ({@code outStride}
     * 0 when dim 1 is reduced too, as in {@code x.sum()} of a view that does not coalesce to 1-D). ATen's four
     * cases, in its order: {@code stride0 == 1} and {@code size0 >= 4} (each output
     * the vectorised sum); {@code stride1 == 1} and {@code size1 >= 4} (the columns side by side, whole groups
     * of 16 as {@code multi_row_sum} lanes, the rest {@code row_sum}); {@code stride0 < stride1} ({@code row_sum}
     * each); else groups of 4 outputs as {@code multi_row_sum} lanes, the rest {@code row_sum}. The output must
     * hold PyTorch's starting value (zero) or a partial result of an earlier block.
     *
     * @param x the values
     * @param off the index of element (0, 0)
     * @param size0 the length of the reduced dim
     * @param stride0 its index step
     * @param size1 the number of outputs (or of rows into one output)
     * @param stride1 the index step between them
     * @param out accumulates the sums
     * @param oo the index of output 0 in {@code out}
     * @param outStride the index step between outputs, 0 for one output
     */
    public static void reduceBlockF64(double[] x, int off, int size0, int stride0, int size1, int stride1, double[] out,
            int oo, int outStride) {
        if (stride0 == 1 && size0 >= F64_LANES) {
            for (int j = 0; j < size1; j++) out[oo + j * outStride] += innerF64(x, off + j * stride1, size0);
        } else if (stride1 == 1 && size1 >= F64_LANES) {
            int grouped = size1 / (ILP * F64_LANES) * (ILP * F64_LANES);
            double[] sums = new double[grouped];
            for (int g = 0; g < grouped; g += 8) cascade8F64(x, off + g, stride0, size0, sums, g);
            for (int j = 0; j < grouped; j++) out[oo + j * outStride] += sums[j];
            for (int j = grouped; j < size1; j++) out[oo + j * outStride] += rowSumF64(x, off + j, stride0, size0);
        } else if (stride0 < stride1) {
            for (int j = 0; j < size1; j++) out[oo + j * outStride] += rowSumF64(x, off + j * stride1, stride0, size0);
        } else {
            int grouped = size1 / ILP * ILP;
            double[] acc = new double[LEVELS * ILP];
            for (int j = 0; j < grouped; j += ILP) {
                java.util.Arrays.fill(acc, 0d);
                multiRowSumF64(x, off + j * stride1, stride0, 1, 0, ILP, stride1, size0, acc);
                for (int k = 0; k < ILP; k++) out[oo + (j + k) * outStride] += acc[k];
            }
            for (int j = grouped; j < size1; j++) out[oo + j * outStride] += rowSumF64(x, off + j * stride1, stride0, size0);
        }
    }

    /**
     * ATen's scalar {@code row_sum} (ilp 4) of n float64 values, as {@link #rowSumF32}.
     *
     * @param x the values
     * @param off the first value's index
     * @param stride the index step
     * @param n the number of values
     * @return {@code ((lane0 + lane1) + lane2) + lane3}
     */
    public static double rowSumF64(double[] x, int off, int stride, int n) {
        int rows = n / ILP;
        double[] acc = new double[LEVELS * ILP];
        multiRowSumF64(x, off, ILP * stride, ILP, stride, 1, 1, rows, acc);
        double s = acc[0];
        for (int i = rows * ILP; i < n; i++) s += x[off + i * stride];
        return ((s + acc[1]) + acc[2]) + acc[3];
    }

    private static double innerF64(double[] x, int off, int n) {
        int vecs = n / F64_LANES;
        int rows = vecs / ILP;
        int lanes = ILP * F64_LANES;
        double[] acc = new double[lanes];
        for (int g = 0; g < lanes; g += 8) cascade8F64(x, off + g, lanes, rows, acc, g);
        return finishInnerF64(x, off, n, acc);
    }

    /** {@link #finishInnerF32} for 4-lane double vectors: {@code acc[0..16)} holds the 4 row-sum lanes of 4. */
    static double finishInnerF64(double[] x, int off, int n, double[] acc) {
        int vecs = n / F64_LANES;
        for (int v = vecs / ILP * ILP; v < vecs; v++) {
            for (int l = 0; l < F64_LANES; l++) acc[l] += x[off + v * F64_LANES + l];
        }
        for (int k = 1; k < ILP; k++) {
            for (int l = 0; l < F64_LANES; l++) acc[l] += acc[k * F64_LANES + l];
        }
        double s = 0d;
        for (int i = vecs * F64_LANES; i < n; i++) s += x[off + i];
        for (int l = 0; l < F64_LANES; l++) s += acc[l];
        return 0d + s;
    }

    /**
     * {@link #multiRowSumF64} for 8 adjacent lanes {@code x[base + i * rs + l]}, {@code l < 8}, over {@code size}
     * rows: level 0 in locals (8 independent add chains), levels 1..3 in {@code up}; the lanes' sums into
     * {@code out[oo..oo + 8)}.
     */
    private static void cascade8F64(double[] x, int base, int rs, int size, double[] out, int oo) {
        int p = levelPower(size);
        int step = 1 << p;
        int mask = step - 1;
        double[] up = new double[3 * 8];
        double s0 = 0d, s1 = 0d, s2 = 0d, s3 = 0d, s4 = 0d, s5 = 0d, s6 = 0d, s7 = 0d;
        int i = 0;
        while (i + step <= size) {
            for (int end = i + step; i < end; i++) {
                int b = base + i * rs;
                    s0 += x[b];
                    s1 += x[b + 1];
                    s2 += x[b + 2];
                    s3 += x[b + 3];
                    s4 += x[b + 4];
                    s5 += x[b + 5];
                    s6 += x[b + 6];
                    s7 += x[b + 7];
            }
            // level 1 += level 0; then up while the row count is a multiple of the next level's span
            up[0] += s0;
            up[1] += s1;
            up[2] += s2;
            up[3] += s3;
            up[4] += s4;
            up[5] += s5;
            up[6] += s6;
            up[7] += s7;
            s0 = s1 = s2 = s3 = s4 = s5 = s6 = s7 = 0d;
            for (int lv = 2; lv < LEVELS && (i & (mask << ((lv - 1) * p))) == 0; lv++) {
                int u = (lv - 1) * 8;
                for (int l = 0; l < 8; l++) {
                    up[u + l] += up[u - 8 + l];
                    up[u - 8 + l] = 0d;
                }
            }
        }
        for (; i < size; i++) {
            int b = base + i * rs;
            s0 += x[b];
            s1 += x[b + 1];
            s2 += x[b + 2];
            s3 += x[b + 3];
            s4 += x[b + 4];
            s5 += x[b + 5];
            s6 += x[b + 6];
            s7 += x[b + 7];
        }
        out[oo + 0] = ((s0 + up[0]) + up[8]) + up[16];
        out[oo + 1] = ((s1 + up[1]) + up[9]) + up[17];
        out[oo + 2] = ((s2 + up[2]) + up[10]) + up[18];
        out[oo + 3] = ((s3 + up[3]) + up[11]) + up[19];
        out[oo + 4] = ((s4 + up[4]) + up[12]) + up[20];
        out[oo + 5] = ((s5 + up[5]) + up[13]) + up[21];
        out[oo + 6] = ((s6 + up[6]) + up[14]) + up[22];
        out[oo + 7] = ((s7 + up[7]) + up[15]) + up[23];
    }

    /** One row into level 0: lane (k, c) += x[base + k * kStride + c * colStride]. */
    private static void addRow(double[] x, int base, int nk, int kStride, int w, int colStride, double[] acc) {
        for (int k = 0; k < nk; k++) {
            int b = base + k * kStride;
            int a = k * w;
            if (colStride == 1) {
                // unit stride: C2's superword pass turns this into vector adds (lane-wise, so the same bits)
                for (int c = 0; c < w; c++) acc[a + c] += x[b + c];
            } else {
                for (int c = 0; c < w; c++) acc[a + c] += x[b + c * colStride];
            }
        }
    }

    /** {@link #multiRowSumF32} for float64. */
    static void multiRowSumF64(double[] x, int off, int rowStride, int nk, int kStride, int w, int colStride,
            int size, double[] acc) {
        int lanes = nk * w;
        int p = levelPower(size);
        int step = 1 << p;
        int mask = step - 1;
        int i = 0;
        while (i + step <= size) {
            for (int j = 0; j < step; j++, i++) {
                int base = off + i * rowStride;
                addRow(x, base, nk, kStride, w, colStride, acc);
            }
            for (int lv = 1; lv < LEVELS; lv++) {
                int up = lv * lanes;
                int down = up - lanes;
                for (int c = 0; c < lanes; c++) {
                    acc[up + c] += acc[down + c];
                    acc[down + c] = 0d;
                }
                if ((i & (mask << (lv * p))) != 0) break;
            }
        }
        for (; i < size; i++) {
            int base = off + i * rowStride;
            addRow(x, base, nk, kStride, w, colStride, acc);
        }
        for (int lv = 1; lv < LEVELS; lv++) {
            for (int c = 0; c < lanes; c++) acc[c] += acc[lv * lanes + c];
        }
    }
}
