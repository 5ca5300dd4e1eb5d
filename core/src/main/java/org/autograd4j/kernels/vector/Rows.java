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

    private Rows() {
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

    /** {@code o[i] = g[i] - e[i] · c} (a product, then a difference: no fused multiply-add). */
    static void minusScaled(float[] g, int go, float[] e, float c, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) {
            FloatVector.fromArray(F, g, go + i).sub(FloatVector.fromArray(F, e, i).mul(c)).intoArray(o, oo + i);
        }
        for (int i = end; i < n; i++) o[oo + i] = g[go + i] - e[i] * c;
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
