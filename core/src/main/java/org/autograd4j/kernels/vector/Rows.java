package org.autograd4j.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.autograd4j.kernels.SleefFloat;

/**
 * The vector loops of the fused softmax kernels, over unit-stride rows. Each does, lane by lane, the same
 * correctly rounded operations as the plain row loops in {@code ScalarKernels}, vectors first and the tail
 * element by element.
 */
final class Rows {
    private static final VectorSpecies<Float> F = VectorKernels.F;

    /**
     * PyTorch's AVX2 reduction has eight float lanes: its lane count is part of the algorithm whose bits we
     * follow, so this species is eight floats whatever the machine's preferred width.
     */
    private static final VectorSpecies<Float> LANES8 = FloatVector.SPECIES_256;

    private Rows() {
    }

    /**
     * {@code ScalarKernels.laneSumF32}'s sum in one 8-lane vector: lane j adds elements j, j+8, … in order, the
     * tail goes into the first lanes, and the lanes fold as AVX2's {@code vec_reduce_all}:
     * ((0+4)+(2+6))+((1+5)+(3+7)). n must be at least 8.
     */
    static float laneSum(float[] v, int off, int n) {
        return finishSum(FloatVector.fromArray(LANES8, v, off), v, off, 8, n);
    }

    /**
     * v[off .. off + count) in the first lanes of an 8-lane vector, +0 in the others (count below 8), as a masked
     * load gives them. Near the array's end it copies instead: a masked load that reaches past an array's end
     * is not intrinsified without AVX-512's mask registers (C2 runs the Java fallback and boxes the vectors).
     */
    private static FloatVector partial(float[] v, int off, int count) {
        if (off + 8 <= v.length) return FloatVector.fromArray(LANES8, v, off, LANES8.indexInRange(0, count));
        float[] t = new float[8];
        System.arraycopy(v, off, t, 0, count);
        return FloatVector.fromArray(LANES8, t, 0);
    }

    /** The row maximum with {@code Math.max} semantics (NaN propagates; +0 above -0), order-independent. */
    static float max(float[] x, int xo, int n) {
        int end = F.loopBound(n), l = F.length(), i = l;
        FloatVector m = FloatVector.fromArray(F, x, xo);
        // four running maxima while four vectors remain: max is exact, so any grouping gives the same result,
        // and independent chains keep the max unit busy instead of waiting on one chain
        if (end >= 5 * l) {
            FloatVector m1 = FloatVector.fromArray(F, x, xo + l), m2 = FloatVector.fromArray(F, x, xo + 2 * l), m3 = FloatVector.fromArray(F, x, xo + 3 * l);
            for (i = 4 * l; i + 4 * l <= end; i += 4 * l) {
                m = m.max(FloatVector.fromArray(F, x, xo + i));
                m1 = m1.max(FloatVector.fromArray(F, x, xo + i + l));
                m2 = m2.max(FloatVector.fromArray(F, x, xo + i + 2 * l));
                m3 = m3.max(FloatVector.fromArray(F, x, xo + i + 3 * l));
            }
            m = m.max(m1).max(m2.max(m3));
        }
        for (; i < end; i += l) m = m.max(FloatVector.fromArray(F, x, xo + i));
        float r = m.reduceLanes(VectorOperators.MAX);
        for (int k = end; k < n; k++) r = Math.max(r, x[xo + k]);
        return r;
    }

    /** {@code o[i] = (x[i] - a) - b}, log_softmax's order of operations. */
    static void subtractTwice(float[] x, int xo, float a, float b, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) FloatVector.fromArray(F, x, xo + i).sub(a).sub(b).intoArray(o, oo + i);
        for (int i = end; i < n; i++) o[oo + i] = (x[xo + i] - a) - b;
    }

    /** {@code o[i] = (g[i] - c) · y[i]}. */
    static void minusThenTimes(float[] g, int go, float c, float[] y, int yo, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) {
            FloatVector.fromArray(F, g, go + i).sub(c).mul(FloatVector.fromArray(F, y, yo + i)).intoArray(o, oo + i);
        }
        for (int i = end; i < n; i++) o[oo + i] = (g[go + i] - c) * y[yo + i];
    }

    // ------------------------------------------------------------------ fused passes
    // Each of these does two of the plain kernel's passes in one walk over the row, with every intermediate
    // rounded exactly where the plain passes round it (a product stored to a float row and read back is the
    // same float as the product kept in a register), so the bits are the plain passes' bits. The exp steps
    // are VectorSleefFloat.exp's (a small static method C2 inlines, so no vector is boxed). A sum is the
    // 8-lane laneSum: with 8-lane vectors the exp or product feeds the accumulator directly; with wider ones
    // each vector's 8-lane pieces are read back from where they were stored, in order.

    private static final boolean EIGHT = F.length() == 8;

    /** The 8-lane fold of laneSum: ((0+4)+(2+6))+((1+5)+(3+7)). */
    private static float fold(FloatVector acc) {
        float b0 = acc.lane(0) + acc.lane(4), b1 = acc.lane(1) + acc.lane(5), b2 = acc.lane(2) + acc.lane(6), b3 = acc.lane(3) + acc.lane(7);
        return (b0 + b2) + (b1 + b3);
    }

    /** laneSum's accumulation of v[off + from .. off + n) onto acc (from a multiple of 8), folded. */
    private static float finishSum(FloatVector acc, float[] v, int off, int from, int n) {
        int end = n - n % 8;
        for (int i = from; i < end; i += 8) acc = acc.add(FloatVector.fromArray(LANES8, v, off + i));
        if (end < n) acc = acc.add(partial(v, off + end, n - end));
        return fold(acc);
    }

    /**
     * {@code o[i] = exp(x[i] - c)} and returns laneSum of o (softmax's second pass, ATen's exp-and-sum with the
     * exps written to the output). n at least F.length(); o may not overlap x unless it is x.
     */
    static float expShiftedSum(float[] x, int xo, float c, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        FloatVector acc = FloatVector.broadcast(LANES8, -0f); // -0 + s = s for every s: the first chunk as is
        for (int i = 0; i < end; i += F.length()) {
            FloatVector e = VectorSleefFloat.exp(FloatVector.fromArray(F, x, xo + i).sub(c), true);
            e.intoArray(o, oo + i);
            if (EIGHT) acc = acc.add(e);
            else for (int j = 0; j < F.length(); j += 8) acc = acc.add(FloatVector.fromArray(LANES8, o, oo + i + j));
        }
        for (int i = end; i < n; i++) o[oo + i] = SleefFloat.exp(x[xo + i] - c);
        return finishSum(acc, o, oo, end, n);
    }

    /**
     * laneSum of {@code exp(x[i] - c)} without storing the exps (log_softmax's second pass); {@code tail}
     * (at least max(8, F.length()) floats) is work space. n at least F.length().
     */
    static float expShiftedSumOnly(float[] x, int xo, float c, int n, float[] tail) {
        int end = F.loopBound(n);
        FloatVector acc = FloatVector.broadcast(LANES8, -0f);
        for (int i = 0; i < end; i += F.length()) {
            FloatVector e = VectorSleefFloat.exp(FloatVector.fromArray(F, x, xo + i).sub(c), true);
            if (EIGHT) {
                acc = acc.add(e);
            } else {
                e.intoArray(tail, 0);
                for (int j = 0; j < F.length(); j += 8) acc = acc.add(FloatVector.fromArray(LANES8, tail, j));
            }
        }
        // the rest: whole 8-chunks, then the partial one in the first lanes, as laneSum
        int i = end;
        for (; i + 8 <= n; i += 8) {
            for (int j = 0; j < 8; j++) tail[j] = SleefFloat.exp(x[xo + i + j] - c);
            acc = acc.add(FloatVector.fromArray(LANES8, tail, 0));
        }
        if (i < n) {
            java.util.Arrays.fill(tail, 0f);
            for (int j = 0; i + j < n; j++) tail[j] = SleefFloat.exp(x[xo + i + j] - c);
            acc = acc.add(FloatVector.fromArray(LANES8, tail, 0, LANES8.indexInRange(0, n - i)));
        }
        return fold(acc);
    }

    /** laneSum of {@code g[i] · y[i]} (softmax backward's dot product, each product rounded, then summed). */
    static float dot(float[] g, int go, float[] y, int yo, int n) {
        int end = n - n % 8;
        FloatVector acc = FloatVector.broadcast(LANES8, -0f);
        for (int i = 0; i < end; i += 8) {
            acc = acc.add(FloatVector.fromArray(LANES8, g, go + i).mul(FloatVector.fromArray(LANES8, y, yo + i)));
        }
        if (end < n) {
            acc = acc.add(partial(g, go + end, n - end).mul(partial(y, yo + end, n - end)));
        }
        return fold(acc);
    }

    /** {@code o[i] = g[i] - exp(y[i]) · c} as one fused multiply-add (log_softmax backward in one pass). */
    static void minusExpScaled(float[] g, int go, float[] y, int yo, float c, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        FloatVector cv = FloatVector.broadcast(F, c);
        for (int i = 0; i < end; i += F.length()) {
            VectorSleefFloat.exp(FloatVector.fromArray(F, y, yo + i), false).neg().fma(cv, FloatVector.fromArray(F, g, go + i)).intoArray(o, oo + i);
        }
        for (int i = end; i < n; i++) o[oo + i] = Math.fma(-SleefFloat.exp(y[yo + i]), c, g[go + i]);
    }

    /** {@code o[i] = o[i] · c} in place (softmax's last pass over the exps it wrote to the output). */
    static void scaleInPlace(float[] o, int oo, float c, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) FloatVector.fromArray(F, o, oo + i).mul(c).intoArray(o, oo + i);
        for (int i = end; i < n; i++) o[oo + i] *= c;
    }
}
