package org.autograd4j.kernels.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.autograd4j.kernels.BinaryOp;
import org.autograd4j.kernels.Kernels;
import org.autograd4j.kernels.ReduceOp;
import org.autograd4j.kernels.ScalarKernels;
import org.autograd4j.kernels.UnaryOp;

/**
 * The plain kernels with their hot spans in the Vector API, at the machine's preferred vector width. Each
 * override handles the unit-stride (and broadcast-scalar) runs of a few ops and hands everything else to the
 * plain span, so both implementations give the same bits: the vector loops do the same correctly rounded float
 * operations (and the same fused multiply-adds) lane by lane, and the tails run the plain loop.
 */
public final class VectorKernels extends ScalarKernels {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private VectorKernels() {
    }

    /**
     * The vector kernels, or null when the preferred species is too narrow to pay (fewer than 4 floats).
     *
     * @return the kernels, or null
     */
    public static Kernels create() {
        return F.length() >= 4 ? new VectorKernels() : null;
    }

    @Override
    public String description() {
        return "vector (Vector API, " + F.length() + " floats per vector)";
    }

    @Override
    protected void unaryF32(UnaryOp op, double p0, double p1, boolean dnnlGelu, float[] x, int xo, int xs, float[] o, int oo, int os, int n) {
        if (xs != 1 || os != 1 || n < F.length()) {
            super.unaryF32(op, p0, p1, dnnlGelu, x, xo, xs, o, oo, os, n);
            return;
        }
        int done = switch (op) {
            case NEG -> Elementwise.neg(x, xo, o, oo, n);
            case ABS -> Elementwise.abs(x, xo, o, oo, n);
            case RELU -> Elementwise.relu(x, xo, o, oo, n);
            case SQRT -> Elementwise.sqrt(x, xo, o, oo, n);
            case RECIPROCAL -> Elementwise.reciprocal(x, xo, o, oo, n);
            default -> 0;
        };
        if (done < n) super.unaryF32(op, p0, p1, dnnlGelu, x, xo + done, 1, o, oo + done, 1, n - done);
    }

    @Override
    protected void sleefSpan(UnaryOp op, float[] x, int xo, float[] o, int oo, int n) {
        if (n < F.length()) {
            super.sleefSpan(op, x, xo, o, oo, n);
            return;
        }
        switch (op) {
            case EXP -> VectorSleefFloat.exp(x, xo, o, oo, n);
            case LOG -> VectorSleefFloat.log(x, xo, o, oo, n);
            case LOG2 -> VectorSleefFloat.log2(x, xo, o, oo, n);
            case LOG10 -> VectorSleefFloat.log10(x, xo, o, oo, n);
            case EXPM1 -> VectorSleefFloat.expm1(x, xo, o, oo, n);
            case TANH -> VectorSleefFloat.tanh(x, xo, o, oo, n);
            case SINH -> VectorSleefFloat.sinh(x, xo, o, oo, n);
            case COSH -> VectorSleefFloat.cosh(x, xo, o, oo, n);
            case SIGMOID -> VectorSleefFloat.sigmoid(x, xo, o, oo, n);
            case LOG1P -> VectorSleefFloat.log1p(x, xo, o, oo, n);
            case ASIN -> VectorSleefFloat.asin(x, xo, o, oo, n);
            case ACOS -> VectorSleefFloat.acos(x, xo, o, oo, n);
            case ATAN -> VectorSleefFloat.atan(x, xo, o, oo, n);
            case ERF -> VectorSleefFloat.erf(x, xo, o, oo, n);
            case ERFC -> VectorSleefFloat.erfc(x, xo, o, oo, n);
            case SIN -> VectorSleefFloat.sin(x, xo, o, oo, n);
            case COS -> VectorSleefFloat.cos(x, xo, o, oo, n);
            case TAN -> VectorSleefFloat.tan(x, xo, o, oo, n);
            default -> super.sleefSpan(op, x, xo, o, oo, n);
        }
    }

    @Override
    protected double reduceRowF32(ReduceOp op, float[] x, int off, int stride, int n) {
        return op == ReduceOp.SUM && stride == 1 ? VectorCascadeSum.sumF32(x, off, 1, n) : super.reduceRowF32(op, x, off, stride, n);
    }

    @Override
    protected double reduceRowF64(ReduceOp op, double[] x, int off, int stride, int n) {
        return op == ReduceOp.SUM && stride == 1 ? VectorCascadeSum.sumF64(x, off, 1, n) : super.reduceRowF64(op, x, off, stride, n);
    }

    @Override
    protected void reduceBlockF32(float[] x, int off, int size0, int stride0, int size1, int stride1, float[] out, int oo, int outStride) {
        VectorCascadeSum.reduceBlockF32(x, off, size0, stride0, size1, stride1, out, oo, outStride);
    }

    @Override
    protected void reduceBlockF64(double[] x, int off, int size0, int stride0, int size1, int stride1, double[] out, int oo, int outStride) {
        VectorCascadeSum.reduceBlockF64(x, off, size0, stride0, size1, stride1, out, oo, outStride);
    }

    @Override
    protected void sumColumnsF32(float[] x, int off, int rows, int rowStride, int cols, float[] out, int oo) {
        VectorCascadeSum.sumColumnsF32(x, off, rows, rowStride, cols, out, oo);
    }

    @Override
    protected void sumColumnsF64(double[] x, int off, int rows, int rowStride, int cols, double[] out, int oo) {
        VectorCascadeSum.sumColumnsF64(x, off, rows, rowStride, cols, out, oo);
    }

    @Override
    protected void softmaxRowF32(boolean log, float[] x, int xo, int xs, float[] o, int oo, int os, int n, float[] row, float[] scratch) {
        if (xs != 1 || os != 1 || n < F.length()) {
            super.softmaxRowF32(log, x, xo, xs, o, oo, os, n, row, scratch);
            return;
        }
        // ATen's three passes: max; exp(x - max) summed (softmax writes the exps to o); then the output
        float max = Rows.max(x, xo, n);
        if (log) {
            Rows.subtractTwice(x, xo, max, logF32(Rows.expShiftedSumOnly(x, xo, max, n, row)), o, oo, n);
        } else {
            float sum = Rows.expShiftedSum(x, xo, max, o, oo, n);
            Rows.scaleInPlace(o, oo, 1f / sum, n);
        }
    }

    @Override
    protected void softmaxBackwardRowF32(boolean log, float[] g, int go, int gs, float[] y, int yo, int ys, float[] o, int oo, int os,
                                         int n, float[] row, float[] scratch) {
        if (gs != 1 || ys != 1 || os != 1 || n < F.length()) {
            super.softmaxBackwardRowF32(log, g, go, gs, y, yo, ys, o, oo, os, n, row, scratch);
            return;
        }
        // two passes each: the sum, then the output
        if (log) Rows.minusExpScaled(g, go, y, yo, Rows.laneSum(g, go, n), o, oo, n);
        else Rows.minusThenTimes(g, go, Rows.dot(g, go, y, yo, n), y, yo, o, oo, n);
    }

    @Override
    protected void atan2Span(float[] y, int yo, float[] x, int xo, float[] o, int oo, int n) {
        if (n < F.length()) super.atan2Span(y, yo, x, xo, o, oo, n);
        else VectorSleefFloat.atan2(y, yo, x, xo, o, oo, n);
    }

    @Override
    protected void binaryF32(BinaryOp op, boolean dnnlGelu, float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
        if (os != 1 || as < 0 || as > 1 || bs < 0 || bs > 1 || (as | bs) == 0 || n < F.length()) {
            super.binaryF32(op, dnnlGelu, a, ao, as, b, bo, bs, o, oo, os, n);
            return;
        }
        int done = switch (op) {
            case ADD, SUB, MUL, DIV -> Elementwise.arithmetic(op, a, ao, as, b, bo, bs, o, oo, n);
            case TANH_BACKWARD -> as == 1 && bs == 1 ? Elementwise.tanhBackward(a, ao, b, bo, o, oo, n) : 0;
            case RELU_BACKWARD -> as == 1 && bs == 1 ? Elementwise.reluBackward(a, ao, b, bo, o, oo, n) : 0;
            default -> 0;
        };
        if (done < n) {
            super.binaryF32(op, dnnlGelu, a, ao + done * as, as, b, bo + done * bs, bs, o, oo + done, 1, n - done);
        }
    }

    @Override
    protected void addScaledF32(float alpha, float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
        if (as != 1 || bs != 1 || os != 1 || n < F.length()) {
            super.addScaledF32(alpha, a, ao, as, b, bo, bs, o, oo, os, n);
            return;
        }
        int done = Elementwise.addScaled(alpha, a, ao, b, bo, o, oo, n);
        if (done < n) super.addScaledF32(alpha, a, ao + done, 1, b, bo + done, 1, o, oo + done, 1, n - done);
    }

    @Override
    protected void addScaledF64(double alpha, double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
        if (as != 1 || bs != 1 || os != 1 || n < D.length()) {
            super.addScaledF64(alpha, a, ao, as, b, bo, bs, o, oo, os, n);
            return;
        }
        int done = Elementwise.addScaled(alpha, a, ao, b, bo, o, oo, n);
        if (done < n) super.addScaledF64(alpha, a, ao + done, 1, b, bo + done, 1, o, oo + done, 1, n - done);
    }

    @Override
    protected void addcF32(boolean div, float v, float[] s, int so, int ss, float[] t1, int o1, int s1, float[] t2, int o2, int s2,
                           float[] o, int oo, int os, int n) {
        if (ss != 1 || s1 != 1 || s2 != 1 || os != 1 || n < F.length()) {
            super.addcF32(div, v, s, so, ss, t1, o1, s1, t2, o2, s2, o, oo, os, n);
            return;
        }
        int done = Elementwise.addc(div, v, s, so, t1, o1, t2, o2, o, oo, n);
        if (done < n) super.addcF32(div, v, s, so + done, 1, t1, o1 + done, 1, t2, o2 + done, 1, o, oo + done, 1, n - done);
    }

    @Override
    protected void addcF64(boolean div, double v, double[] s, int so, int ss, double[] t1, int o1, int s1, double[] t2, int o2, int s2,
                           double[] o, int oo, int os, int n) {
        if (ss != 1 || s1 != 1 || s2 != 1 || os != 1 || n < D.length()) {
            super.addcF64(div, v, s, so, ss, t1, o1, s1, t2, o2, s2, o, oo, os, n);
            return;
        }
        int done = Elementwise.addc(div, v, s, so, t1, o1, t2, o2, o, oo, n);
        if (done < n) super.addcF64(div, v, s, so + done, 1, t1, o1 + done, 1, t2, o2 + done, 1, o, oo + done, 1, n - done);
    }

    @Override
    protected void binaryF64(BinaryOp op, boolean xContiguous, double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
        boolean simple = op == BinaryOp.ADD || op == BinaryOp.SUB || op == BinaryOp.MUL || op == BinaryOp.DIV;
        if (!simple || os != 1 || as < 0 || as > 1 || bs < 0 || bs > 1 || (as | bs) == 0 || n < D.length()) {
            super.binaryF64(op, xContiguous, a, ao, as, b, bo, bs, o, oo, os, n);
            return;
        }
        int done = Elementwise.arithmetic64(op, a, ao, as, b, bo, bs, o, oo, n);
        if (done < n) super.binaryF64(op, xContiguous, a, ao + done * as, as, b, bo + done * bs, bs, o, oo + done, 1, n - done);
    }

    @Override
    protected void gemmF32(int batch, int m, int n, int k, float[] a, int ao, int abs, int ars, int acs,
            float[] b, int bo, int bbs, int brs, int bcs, float[] c, int co) {
        if ((long) m * n * k <= TINY) super.gemmF32(batch, m, n, k, a, ao, abs, ars, acs, b, bo, bbs, brs, bcs, c, co);
        else VectorGemm.sgemm(batch, m, n, k, a, ao, abs, ars, acs, b, bo, bbs, brs, bcs, c, co);
    }

    /**
     * Products of at most this many multiply-adds, and spans shorter than one vector, take the plain code (same
     * bits): it is as fast there, and in a fresh JVM's first thousands of calls, before C2 has compiled the vector
     * code, interpreted or C1-compiled Vector API calls box every vector and cost microseconds each.
     */
    static final long TINY = 64;

    @Override
    protected void gemmF64(int batch, int m, int n, int k, double[] a, int ao, int abs, int ars, int acs,
            double[] b, int bo, int bbs, int brs, int bcs, double[] c, int co) {
        if ((long) m * n * k <= TINY) super.gemmF64(batch, m, n, k, a, ao, abs, ars, acs, b, bo, bbs, brs, bcs, c, co);
        else VectorGemm.dgemm(batch, m, n, k, a, ao, abs, ars, acs, b, bo, bbs, brs, bcs, c, co);
    }
}
