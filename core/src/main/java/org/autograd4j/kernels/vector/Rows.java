package org.autograd4j.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

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
        FloatVector acc = FloatVector.fromArray(LANES8, v, off);
        int end = n - n % 8;
        for (int i = 8; i < end; i += 8) acc = acc.add(FloatVector.fromArray(LANES8, v, off + i));
        if (end < n) acc = acc.add(FloatVector.fromArray(LANES8, v, off + end, LANES8.indexInRange(end, n)));
        float b0 = acc.lane(0) + acc.lane(4), b1 = acc.lane(1) + acc.lane(5), b2 = acc.lane(2) + acc.lane(6), b3 = acc.lane(3) + acc.lane(7);
        return (b0 + b2) + (b1 + b3);
    }

    /** The row maximum with {@code Math.max} semantics (NaN propagates; +0 above -0), order-independent. */
    static float max(float[] x, int xo, int n) {
        int end = F.loopBound(n);
        FloatVector m = FloatVector.fromArray(F, x, xo);
        for (int i = F.length(); i < end; i += F.length()) m = m.max(FloatVector.fromArray(F, x, xo + i));
        float r = m.reduceLanes(VectorOperators.MAX);
        for (int i = end; i < n; i++) r = Math.max(r, x[xo + i]);
        return r;
    }

    /** {@code row[i] = x[i] - c}. */
    static void subtract(float[] x, int xo, float c, float[] row, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) FloatVector.fromArray(F, x, xo + i).sub(c).intoArray(row, i);
        for (int i = end; i < n; i++) row[i] = x[xo + i] - c;
    }

    /** {@code o[i] = (x[i] - a) - b}, log_softmax's order of operations. */
    static void subtractTwice(float[] x, int xo, float a, float b, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) FloatVector.fromArray(F, x, xo + i).sub(a).sub(b).intoArray(o, oo + i);
        for (int i = end; i < n; i++) o[oo + i] = (x[xo + i] - a) - b;
    }

    /** {@code o[i] = row[i] · c}. */
    static void scale(float[] row, float c, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) FloatVector.fromArray(F, row, i).mul(c).intoArray(o, oo + i);
        for (int i = end; i < n; i++) o[oo + i] = row[i] * c;
    }

    /** {@code row[i] = g[i] · y[i]}. */
    static void product(float[] g, int go, float[] y, int yo, float[] row, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) {
            FloatVector.fromArray(F, g, go + i).mul(FloatVector.fromArray(F, y, yo + i)).intoArray(row, i);
        }
        for (int i = end; i < n; i++) row[i] = g[go + i] * y[yo + i];
    }

    /** {@code o[i] = g[i] - e[i] · c} as one fused multiply-add (log-softmax backward, as PyTorch's compiled kernel). */
    static void minusScaled(float[] g, int go, float[] e, float c, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        FloatVector cv = FloatVector.broadcast(F, c);
        for (int i = 0; i < end; i += F.length()) {
            FloatVector.fromArray(F, e, i).neg().fma(cv, FloatVector.fromArray(F, g, go + i)).intoArray(o, oo + i);
        }
        for (int i = end; i < n; i++) o[oo + i] = Math.fma(-e[i], c, g[go + i]);
    }

    /** {@code o[i] = (g[i] - c) · y[i]}. */
    static void minusThenTimes(float[] g, int go, float c, float[] y, int yo, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) {
            FloatVector.fromArray(F, g, go + i).sub(c).mul(FloatVector.fromArray(F, y, yo + i)).intoArray(o, oo + i);
        }
        for (int i = end; i < n; i++) o[oo + i] = (g[go + i] - c) * y[yo + i];
    }
}
