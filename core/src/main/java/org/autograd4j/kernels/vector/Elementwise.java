package org.autograd4j.kernels.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.autograd4j.kernels.BinaryOp;

/**
 * Vector loops over unit-stride spans. Each method processes the longest prefix that is a whole number of
 * vectors and returns its length; the caller runs the plain loop on the rest, so results equal the plain
 * kernels' bit for bit (every lane does the same correctly rounded operation). Loops are kept small, with
 * constant species and no vector escaping, so C2 keeps the vectors in registers.
 */
final class Elementwise {
    private static final VectorSpecies<Float> F = VectorKernels.F;
    private static final VectorSpecies<Double> D = VectorKernels.D;

    private Elementwise() {
    }

    static int neg(float[] x, int xo, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) FloatVector.fromArray(F, x, xo + i).neg().intoArray(o, oo + i);
        return end;
    }

    static int abs(float[] x, int xo, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) FloatVector.fromArray(F, x, xo + i).abs().intoArray(o, oo + i);
        return end;
    }

    /** max(x, 0) keeping NaN (and -0.0 → 0): a blend on {@code x > 0 || x != x}, as the plain loop. */
    static int relu(float[] x, int xo, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        FloatVector zero = FloatVector.zero(F);
        for (int i = 0; i < end; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            var keep = v.compare(VectorOperators.GT, 0f).or(v.test(VectorOperators.IS_NAN));
            zero.blend(v, keep).intoArray(o, oo + i);
        }
        return end;
    }

    static int sqrt(float[] x, int xo, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) FloatVector.fromArray(F, x, xo + i).sqrt().intoArray(o, oo + i);
        return end;
    }

    static int reciprocal(float[] x, int xo, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        FloatVector one = FloatVector.broadcast(F, 1f);
        for (int i = 0; i < end; i += F.length()) one.div(FloatVector.fromArray(F, x, xo + i)).intoArray(o, oo + i);
        return end;
    }

    /** a ∘ b for + - * / with unit or zero strides (not both zero). */
    static int arithmetic(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
        return switch (op) {
            case ADD -> add(a, ao, as, b, bo, bs, o, oo, n);
            case SUB -> sub(a, ao, as, b, bo, bs, o, oo, n);
            case MUL -> mul(a, ao, as, b, bo, bs, o, oo, n);
            default -> div(a, ao, as, b, bo, bs, o, oo, n);
        };
    }

    private static FloatVector load(float[] x, int off, int stride, int i) {
        return stride == 0 ? FloatVector.broadcast(F, x[off]) : FloatVector.fromArray(F, x, off + i);
    }

    private static int add(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) load(a, ao, as, i).add(load(b, bo, bs, i)).intoArray(o, oo + i);
        return end;
    }

    private static int sub(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) load(a, ao, as, i).sub(load(b, bo, bs, i)).intoArray(o, oo + i);
        return end;
    }

    private static int mul(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) load(a, ao, as, i).mul(load(b, bo, bs, i)).intoArray(o, oo + i);
        return end;
    }

    private static int div(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += F.length()) load(a, ao, as, i).div(load(b, bo, bs, i)).intoArray(o, oo + i);
        return end;
    }

    /** PyTorch's tanh_backward: {@code g · fma(-t, t, 1)}, lane by lane as the plain loop's Math.fma. */
    static int tanhBackward(float[] g, int go, float[] t, int to, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        FloatVector one = FloatVector.broadcast(F, 1f);
        for (int i = 0; i < end; i += F.length()) {
            FloatVector tv = FloatVector.fromArray(F, t, to + i);
            FloatVector.fromArray(F, g, go + i).mul(tv.neg().fma(tv, one)).intoArray(o, oo + i);
        }
        return end;
    }

    private static DoubleVector load(double[] x, int off, int stride, int i) {
        return stride == 0 ? DoubleVector.broadcast(D, x[off]) : DoubleVector.fromArray(D, x, off + i);
    }

    /** float64 a ∘ b for + - * / with unit or zero strides (not both zero). */
    static int arithmetic64(BinaryOp op, double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int n) {
        int end = D.loopBound(n);
        for (int i = 0; i < end; i += D.length()) {
            DoubleVector x = load(a, ao, as, i), y = load(b, bo, bs, i);
            DoubleVector r = switch (op) {
                case ADD -> x.add(y);
                case SUB -> x.sub(y);
                case MUL -> x.mul(y);
                default -> x.div(y);
            };
            r.intoArray(o, oo + i);
        }
        return end;
    }

    /** float32 {@code o = fma(b, alpha, a)} over unit strides (PyTorch's {@code vec::fmadd(b, alpha, a)}). */
    static int addScaled(float alpha, float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        FloatVector al = FloatVector.broadcast(F, alpha);
        for (int i = 0; i < end; i += F.length()) {
            FloatVector.fromArray(F, b, bo + i).fma(al, FloatVector.fromArray(F, a, ao + i)).intoArray(o, oo + i);
        }
        return end;
    }

    /** float64 {@link #addScaled(float, float[], int, float[], int, float[], int, int)}. */
    static int addScaled(double alpha, double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int end = D.loopBound(n);
        DoubleVector al = DoubleVector.broadcast(D, alpha);
        for (int i = 0; i < end; i += D.length()) {
            DoubleVector.fromArray(D, b, bo + i).fma(al, DoubleVector.fromArray(D, a, ao + i)).intoArray(o, oo + i);
        }
        return end;
    }

    /** float32 addcmul {@code fma(v·t1, t2, s)} or addcdiv {@code s + (v·t1)/t2} over unit strides. */
    static int addc(boolean div, float v, float[] s, int so, float[] t1, int o1, float[] t2, int o2, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        FloatVector vv = FloatVector.broadcast(F, v);
        if (div) {
            for (int i = 0; i < end; i += F.length()) {
                FloatVector q = vv.mul(FloatVector.fromArray(F, t1, o1 + i)).div(FloatVector.fromArray(F, t2, o2 + i));
                FloatVector.fromArray(F, s, so + i).add(q).intoArray(o, oo + i);
            }
        } else {
            for (int i = 0; i < end; i += F.length()) {
                vv.mul(FloatVector.fromArray(F, t1, o1 + i)).fma(FloatVector.fromArray(F, t2, o2 + i), FloatVector.fromArray(F, s, so + i))
                        .intoArray(o, oo + i);
            }
        }
        return end;
    }

    /** float64 {@link #addc(boolean, float, float[], int, float[], int, float[], int, float[], int, int)}. */
    static int addc(boolean div, double v, double[] s, int so, double[] t1, int o1, double[] t2, int o2, double[] o, int oo, int n) {
        int end = D.loopBound(n);
        DoubleVector vv = DoubleVector.broadcast(D, v);
        if (div) {
            for (int i = 0; i < end; i += D.length()) {
                DoubleVector q = vv.mul(DoubleVector.fromArray(D, t1, o1 + i)).div(DoubleVector.fromArray(D, t2, o2 + i));
                DoubleVector.fromArray(D, s, so + i).add(q).intoArray(o, oo + i);
            }
        } else {
            for (int i = 0; i < end; i += D.length()) {
                vv.mul(DoubleVector.fromArray(D, t1, o1 + i)).fma(DoubleVector.fromArray(D, t2, o2 + i), DoubleVector.fromArray(D, s, so + i))
                        .intoArray(o, oo + i);
            }
        }
        return end;
    }

    /** PyTorch's threshold_backward(g, y, 0): {@code y <= 0 ? 0 : g} lane by lane (NaN y keeps g), as the plain loop. */
    static int reluBackward(float[] g, int go, float[] y, int yo, float[] o, int oo, int n) {
        int end = F.loopBound(n);
        FloatVector zero = FloatVector.zero(F);
        for (int i = 0; i < end; i += F.length()) {
            FloatVector yv = FloatVector.fromArray(F, y, yo + i);
            FloatVector.fromArray(F, g, go + i).blend(zero, yv.compare(VectorOperators.LE, 0f)).intoArray(o, oo + i);
        }
        return end;
    }
}
