package org.autograd4j.kernels.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.autograd4j.kernels.CascadeSum;
import org.autograd4j.kernels.Parallel;

/**
 * {@link CascadeSum} (PyTorch 1.13.1's CPU cascade sum) in the Vector API, with the same bits. PyTorch's
 * algorithm is built on AVX2's 8-float (4-double) vectors, so its vectorised sums keep 32 independent float
 * accumulators (16 double) side by side, read as rows of 32 values. Those lanes are independent, so any
 * vector width that divides the row covers them: this class holds them in vectors of the preferred species
 * (float32: a row in one walk, two vectors of 16 floats with AVX-512, four of 8 with AVX2; float64: pairs of
 * vectors), each lane adding exactly the values its PyTorch lane adds, in the same order. The outer sum ({@code x.sum(0)}) runs its lanes across columns
 * the same way. The short, scalar parts of the algorithm (the leftover values, the folding of the lanes, the
 * strided {@code row_sum}) are the plain code's.
 */
public final class VectorCascadeSum {
    /** The preferred species, or 16 floats where it is wider than half of PyTorch's 32-lane row. */
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED.length() <= 16
            ? FloatVector.SPECIES_PREFERRED : FloatVector.SPECIES_512;
    /** The preferred species, or 8 doubles where it is wider than half of PyTorch's 16-lane row. */
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED.length() <= 8
            ? DoubleVector.SPECIES_PREFERRED : DoubleVector.SPECIES_512;

    /** PyTorch's AVX2 vector lanes (algorithm constants, not this machine's width). */
    private static final int F32_LANES = 8;
    private static final int F64_LANES = 4;
    private static final int ILP = 4;
    private static final int GRAIN_SIZE = 32768;

    private VectorCascadeSum() {
    }

    // ------------------------------------------------------------------------------------------------ float32

    /**
     * {@link CascadeSum#sumF32(float[], int, int, int)}: PyTorch's one-thread {@code x.sum()} of n float32
     * values at a stride, the contiguous case in vectors.
     *
     * @param x the values
     * @param off the first value's index
     * @param stride the index step (1: PyTorch's vectorised path; else its scalar {@code row_sum})
     * @param n the number of values
     * @return the sum, bit for bit as PyTorch's
     */
    public static float sumF32(float[] x, int off, int stride, int n) {
        if (stride != 1 || n < F32_LANES) return CascadeSum.sumF32(x, off, stride, n);
        int vecs = n / F32_LANES;
        int rows = vecs / ILP;
        int lanes = ILP * F32_LANES;
        float[] acc = new float[lanes];
        int l = F.length();
        int p = CascadeSum.levelPower(rows);
        int groups = rows >>> (3 * p);
        if (n >= SPLIT_MIN && Parallel.numThreads() > 1 && groups >= 2 && lanes % (2 * l) == 0) {
            cascadeSplit(x, off, lanes, rows, p, groups, acc);
        } else {
            rowFrom(x, off, lanes, rows, p, acc, 0);
        }
        // leftover whole vectors into lanes 0..7, fold lanes 8..31 onto them, tail first, then lanes 0..7
        for (int v = rows * ILP; v < vecs; v++) {
            for (int k = 0; k < F32_LANES; k++) acc[k] += x[off + v * F32_LANES + k];
        }
        for (int j = 1; j < ILP; j++) {
            for (int k = 0; k < F32_LANES; k++) acc[k] += acc[j * F32_LANES + k];
        }
        float s = 0f;
        for (int i = vecs * F32_LANES; i < n; i++) s += x[off + i];
        for (int k = 0; k < F32_LANES; k++) s += acc[k];
        return 0f + s;
    }

    /**
     * {@link CascadeSum#sumF32(float[], int, int, int, int)}: PyTorch's {@code x.sum()} at
     * {@code torch.set_num_threads(threads)}, whose per-thread chunks change the bits from 32768 elements on.
     *
     * @param x the values
     * @param off the first value's index
     * @param stride the index step
     * @param n the number of values
     * @param threads PyTorch's thread count, at least 1
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
     * {@link CascadeSum#sumColumnsF32}: PyTorch's {@code x.sum(0)} of a {@code rows} by {@code cols} float32
     * block with contiguous columns, the columns in vector lanes.
     *
     * @param x the values
     * @param off the index of element (0, 0)
     * @param rows the number of rows summed
     * @param rowStride the index step between rows, at least {@code cols}
     * @param cols the number of columns (outputs)
     * @param out receives the column sums
     * @param oo the index of the first column's sum in {@code out}
     */
    public static void sumColumnsF32(float[] x, int off, int rows, int rowStride, int cols, float[] out, int oo) {
        java.util.Arrays.fill(out, oo, oo + cols, 0f);
        reduceBlockF32(x, off, rows, rowStride, cols, 1, out, oo, 1);
    }

    /**
     * {@link CascadeSum#reduceBlockF32}: one 2-D block of ATen's {@code cascade_sum} loop, accumulated into
     * {@code out[oo + j * outStride]}; the two vectorised cases of ATen in vectors, its scalar cases plain.
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
            for (int j = 0; j < size1; j++) out[oo + j * outStride] += sumF32(x, off + j * stride1, 1, size0);
        } else if (stride1 == 1 && size1 >= F32_LANES) {
            float[] sums = new float[size1];
            columnsF32(x, off, size0, stride0, size1, sums);
            for (int j = 0; j < size1; j++) out[oo + j * outStride] += sums[j];
        } else {
            CascadeSum.reduceBlockF32(x, off, size0, stride0, size1, stride1, out, oo, outStride);
        }
    }

    /**
     * ATen's {@code vectorized_outer_sum} ({@code cols >= 8}): the raw column sums into {@code sums[0..cols)}. Whole
     * groups of 32 columns are {@code multi_row_sum} lanes over the rows; the other columns take {@code row_sum}
     * over the rows (4 interleaved chains of rows, the leftover rows into chain 0).
     */
    private static void columnsF32(float[] x, int off, int rows, int rowStride, int cols, float[] sums) {
        int l = F.length();
        int group = ILP * F32_LANES;
        int grouped = cols / group * group;
        int pr = CascadeSum.levelPower(rows);
        for (int c = 0; c < grouped; c += group) rowFrom(x, off + c, rowStride, rows, pr, sums, c);
        int c = grouped;
        if (c + l <= cols) {
            float[] chains = new float[ILP * l];
            int rows4 = rows / ILP;
            int rs4 = ILP * rowStride;
            int p4 = CascadeSum.levelPower(rows4);
            for (; c + l <= cols; c += l) {
                int b = off + c;
                cascadeFrom4(x, b, b + rowStride, b + 2 * rowStride, b + 3 * rowStride, rs4, rows4, p4, chains, 0, l);
                FloatVector p0 = FloatVector.fromArray(F, chains, 0);
                for (int i = rows4 * ILP; i < rows; i++) p0 = p0.add(FloatVector.fromArray(F, x, b + i * rowStride));
                p0.add(FloatVector.fromArray(F, chains, l)).add(FloatVector.fromArray(F, chains, 2 * l))
                        .add(FloatVector.fromArray(F, chains, 3 * l)).intoArray(sums, c);
            }
        }
        for (; c < cols; c++) sums[c] = CascadeSum.rowSumF32(x, off + c, rowStride, rows);
    }

    /**
     * ATen's {@code multi_row_sum} over one row of 32 lanes {@code x[a + i * rs + j]}, {@code j < 32}, rows
     * {@code i < size}, level power p, into {@code out[o..o + 32)}: in one walk over the rows (four vectors
     * each with 8-float vectors, two with 16), so each row's 128 contiguous bytes are read once, in order,
     * where walks of half a row each would stride over every other cache line twice.
     */
    private static void rowFrom(float[] x, int a, int rs, int size, int p, float[] out, int o) {
        int l = F.length();
        if (4 * l == ILP * F32_LANES) {
            cascadeFrom4(x, a, a + l, a + 2 * l, a + 3 * l, rs, size, p, out, o, l);
        } else {
            for (int c = 0; c < ILP * F32_LANES; c += 2 * l) cascadeFrom(x, a + c, a + c + l, rs, size, p, out, o + c, o + c + l);
        }
    }

    /**
     * {@link #rowFrom} with the rows split over threads, bit for bit: the top partial sum of
     * ATen's cascade takes, in order, the level-2 sums of whole groups of {@code 2^(3p)} rows, and each group
     * starts from zeroed lower levels, so the groups are independent: threads compute them into a buffer, then
     * one thread adds them in order and finishes the rows after the last whole group as the sequential loop
     * would (the flush points depend only on the row index modulo {@code 2^(3p)}).
     */
    private static void cascadeSplit(float[] x, int off, int lanes, int rows, int p, int groups, float[] acc) {
        int groupRows = 1 << (3 * p);
        float[] level2 = new float[groups * lanes];
        Parallel.forRange(groups, 1, (g0, g1) -> {
            for (int g = g0; g < g1; g++) {
                rowFrom(x, off + g * groupRows * lanes, lanes, groupRows, p, level2, g * lanes);
            }
        });
        // the rows after the last whole group, from zeroed levels, then the top level: the groups in order
        int done = groups * groupRows;
        rowFrom(x, off + done * lanes, lanes, rows - done, p, acc, 0);
        for (int k = 0; k < lanes; k++) {
            float a3 = 0f;
            for (int g = 0; g < groups; g++) a3 += level2[g * lanes + k];
            acc[k] = acc[k] + a3; // ((a0 + a1) + a2) + a3, the sequential loop's final sum
        }
    }

    /**
     * ATen's {@code multi_row_sum} for two vectors of lanes: lanes {@code x[a + i * rs + j]} and
     * {@code x[b + i * rs + j]}, {@code j < F.length()}, over rows {@code i < size} from zeroed levels; four
     * levels of partial sums flushed every {@code 2^p} rows (p the whole sum's level power, not this piece's),
     * then {@code ((l0 + l1) + l2) + l3} into {@code out[oa..]}, {@code out[ob..]}. For a whole group of
     * {@code 2^(3p)} rows nothing reaches l3, so this is the group's level-2 sum.
     */
    private static void cascadeFrom(float[] x, int a, int b, int rs, int size, int p, float[] out, int oa, int ob) {
        int step = 1 << p;
        int mask = step - 1;
        FloatVector z = FloatVector.zero(F);
        FloatVector a0 = z, a1 = z, a2 = z, a3 = z;
        FloatVector b0 = z, b1 = z, b2 = z, b3 = z;
        int i = 0;
        while (i + step <= size) {
            for (int end = i + step; i < end; i++) {
                int r = i * rs;
                a0 = a0.add(FloatVector.fromArray(F, x, a + r));
                b0 = b0.add(FloatVector.fromArray(F, x, b + r));
            }
            a1 = a1.add(a0);
            b1 = b1.add(b0);
            a0 = z;
            b0 = z;
            if ((i & (mask << p)) != 0) continue;
            a2 = a2.add(a1);
            b2 = b2.add(b1);
            a1 = z;
            b1 = z;
            if ((i & (mask << (2 * p))) != 0) continue;
            a3 = a3.add(a2);
            b3 = b3.add(b2);
            a2 = z;
            b2 = z;
        }
        for (; i < size; i++) {
            int r = i * rs;
            a0 = a0.add(FloatVector.fromArray(F, x, a + r));
            b0 = b0.add(FloatVector.fromArray(F, x, b + r));
        }
        a0.add(a1).add(a2).add(a3).intoArray(out, oa);
        b0.add(b1).add(b2).add(b3).intoArray(out, ob);
    }

    /**
     * {@link #cascadeFrom} for four vectors of lanes at {@code a, b, c, d} (out at {@code o, o + ol, o + 2ol,
     * o + 3ol}): four independent add chains per row.
     */
    private static void cascadeFrom4(float[] x, int a, int b, int c, int d, int rs, int size, int p, float[] out, int o, int ol) {
        int step = 1 << p;
        int mask = step - 1;
        FloatVector z = FloatVector.zero(F);
        FloatVector a0 = z, a1 = z, a2 = z, a3 = z, b0 = z, b1 = z, b2 = z, b3 = z;
        FloatVector c0 = z, c1 = z, c2 = z, c3 = z, d0 = z, d1 = z, d2 = z, d3 = z;
        int i = 0;
        while (i + step <= size) {
            for (int end = i + step; i < end; i++) {
                int r = i * rs;
                a0 = a0.add(FloatVector.fromArray(F, x, a + r));
                b0 = b0.add(FloatVector.fromArray(F, x, b + r));
                c0 = c0.add(FloatVector.fromArray(F, x, c + r));
                d0 = d0.add(FloatVector.fromArray(F, x, d + r));
            }
            a1 = a1.add(a0);
            b1 = b1.add(b0);
            c1 = c1.add(c0);
            d1 = d1.add(d0);
            a0 = z;
            b0 = z;
            c0 = z;
            d0 = z;
            if ((i & (mask << p)) != 0) continue;
            a2 = a2.add(a1);
            b2 = b2.add(b1);
            c2 = c2.add(c1);
            d2 = d2.add(d1);
            a1 = z;
            b1 = z;
            c1 = z;
            d1 = z;
            if ((i & (mask << (2 * p))) != 0) continue;
            a3 = a3.add(a2);
            b3 = b3.add(b2);
            c3 = c3.add(c2);
            d3 = d3.add(d2);
            a2 = z;
            b2 = z;
            c2 = z;
            d2 = z;
        }
        for (; i < size; i++) {
            int r = i * rs;
            a0 = a0.add(FloatVector.fromArray(F, x, a + r));
            b0 = b0.add(FloatVector.fromArray(F, x, b + r));
            c0 = c0.add(FloatVector.fromArray(F, x, c + r));
            d0 = d0.add(FloatVector.fromArray(F, x, d + r));
        }
        a0.add(a1).add(a2).add(a3).intoArray(out, o);
        b0.add(b1).add(b2).add(b3).intoArray(out, o + ol);
        c0.add(c1).add(c2).add(c3).intoArray(out, o + 2 * ol);
        d0.add(d1).add(d2).add(d3).intoArray(out, o + 3 * ol);
    }

    /** Contiguous float32 sums from this many elements split their rows over threads (memory-bound below). */
    static final int SPLIT_MIN = 1 << 20;

    // ------------------------------------------------------------------------------------------------ float64

    /**
     * {@link CascadeSum#sumF64(double[], int, int, int)}: PyTorch's one-thread {@code x.sum()} of n float64
     * values at a stride, the contiguous case in vectors.
     *
     * @param x the values
     * @param off the first value's index
     * @param stride the index step
     * @param n the number of values
     * @return the sum, bit for bit as PyTorch's
     */
    public static double sumF64(double[] x, int off, int stride, int n) {
        if (stride != 1 || n < F64_LANES) return CascadeSum.sumF64(x, off, stride, n);
        int vecs = n / F64_LANES;
        int rows = vecs / ILP;
        int lanes = ILP * F64_LANES;
        double[] acc = new double[lanes];
        int l = D.length();
        for (int c = 0; c < lanes; c += 2 * l) cascade2(x, off + c, off + c + l, lanes, rows, acc, c, c + l);
        for (int v = rows * ILP; v < vecs; v++) {
            for (int k = 0; k < F64_LANES; k++) acc[k] += x[off + v * F64_LANES + k];
        }
        for (int j = 1; j < ILP; j++) {
            for (int k = 0; k < F64_LANES; k++) acc[k] += acc[j * F64_LANES + k];
        }
        double s = 0d;
        for (int i = vecs * F64_LANES; i < n; i++) s += x[off + i];
        for (int k = 0; k < F64_LANES; k++) s += acc[k];
        return 0d + s;
    }

    /**
     * {@link CascadeSum#sumF64(double[], int, int, int, int)}: PyTorch's {@code x.sum()} at
     * {@code torch.set_num_threads(threads)}.
     *
     * @param x the values
     * @param off the first value's index
     * @param stride the index step
     * @param n the number of values
     * @param threads PyTorch's thread count, at least 1
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
     * {@link CascadeSum#sumColumnsF64}: PyTorch's {@code x.sum(0)} of a float64 block, the columns in vector
     * lanes.
     *
     * @param x the values
     * @param off the index of element (0, 0)
     * @param rows the number of rows summed
     * @param rowStride the index step between rows, at least {@code cols}
     * @param cols the number of columns (outputs)
     * @param out receives the column sums
     * @param oo the index of the first column's sum in {@code out}
     */
    public static void sumColumnsF64(double[] x, int off, int rows, int rowStride, int cols, double[] out, int oo) {
        java.util.Arrays.fill(out, oo, oo + cols, 0d);
        reduceBlockF64(x, off, rows, rowStride, cols, 1, out, oo, 1);
    }

    /**
     * {@link CascadeSum#reduceBlockF64}: one 2-D block of ATen's {@code cascade_sum} loop, accumulated into
     * {@code out[oo + j * outStride]}; the two vectorised cases of ATen in vectors, its scalar cases plain.
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
            for (int j = 0; j < size1; j++) out[oo + j * outStride] += sumF64(x, off + j * stride1, 1, size0);
        } else if (stride1 == 1 && size1 >= F64_LANES) {
            double[] sums = new double[size1];
            columnsF64(x, off, size0, stride0, size1, sums);
            for (int j = 0; j < size1; j++) out[oo + j * outStride] += sums[j];
        } else {
            CascadeSum.reduceBlockF64(x, off, size0, stride0, size1, stride1, out, oo, outStride);
        }
    }

    /**
     * ATen's {@code vectorized_outer_sum} ({@code cols >= 4}): the raw column sums into {@code sums[0..cols)}. Whole
     * groups of 16 columns are {@code multi_row_sum} lanes over the rows; the other columns take {@code row_sum}
     * over the rows (4 interleaved chains of rows, the leftover rows into chain 0).
     */
    private static void columnsF64(double[] x, int off, int rows, int rowStride, int cols, double[] sums) {
        int l = D.length();
        int group = ILP * F64_LANES;
        int grouped = cols / group * group;
        for (int c = 0; c < grouped; c += 2 * l) cascade2(x, off + c, off + c + l, rowStride, rows, sums, c, c + l);
        int c = grouped;
        if (c + l <= cols) {
            double[] chains = new double[ILP * l];
            int rows4 = rows / ILP;
            int rs4 = ILP * rowStride;
            for (; c + l <= cols; c += l) {
                int b = off + c;
                cascade2(x, b, b + rowStride, rs4, rows4, chains, 0, l);
                cascade2(x, b + 2 * rowStride, b + 3 * rowStride, rs4, rows4, chains, 2 * l, 3 * l);
                DoubleVector p0 = DoubleVector.fromArray(D, chains, 0);
                for (int i = rows4 * ILP; i < rows; i++) p0 = p0.add(DoubleVector.fromArray(D, x, b + i * rowStride));
                p0.add(DoubleVector.fromArray(D, chains, l)).add(DoubleVector.fromArray(D, chains, 2 * l))
                        .add(DoubleVector.fromArray(D, chains, 3 * l)).intoArray(sums, c);
            }
        }
        for (; c < cols; c++) sums[c] = CascadeSum.rowSumF64(x, off + c, rowStride, rows);
    }

    /** {@link #cascadeFrom} for float64, the level power that of {@code size}. */
    private static void cascade2(double[] x, int a, int b, int rs, int size, double[] out, int oa, int ob) {
        int p = CascadeSum.levelPower(size);
        int step = 1 << p;
        int mask = step - 1;
        DoubleVector z = DoubleVector.zero(D);
        DoubleVector a0 = z, a1 = z, a2 = z, a3 = z;
        DoubleVector b0 = z, b1 = z, b2 = z, b3 = z;
        int i = 0;
        while (i + step <= size) {
            for (int end = i + step; i < end; i++) {
                int r = i * rs;
                a0 = a0.add(DoubleVector.fromArray(D, x, a + r));
                b0 = b0.add(DoubleVector.fromArray(D, x, b + r));
            }
            a1 = a1.add(a0);
            b1 = b1.add(b0);
            a0 = z;
            b0 = z;
            if ((i & (mask << p)) != 0) continue;
            a2 = a2.add(a1);
            b2 = b2.add(b1);
            a1 = z;
            b1 = z;
            if ((i & (mask << (2 * p))) != 0) continue;
            a3 = a3.add(a2);
            b3 = b3.add(b2);
            a2 = z;
            b2 = z;
        }
        for (; i < size; i++) {
            int r = i * rs;
            a0 = a0.add(DoubleVector.fromArray(D, x, a + r));
            b0 = b0.add(DoubleVector.fromArray(D, x, b + r));
        }
        a0.add(a1).add(a2).add(a3).intoArray(out, oa);
        b0.add(b1).add(b2).add(b3).intoArray(out, ob);
    }
}
