package org.autograd4j.kernels;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import org.autograd4j.DType;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;

/**
 * Plain-Java kernels. float32 math is computed in double and rounded once, which gives the correctly
 * rounded float result for + - * / and √ and stays within 1 ulp for the transcendental functions (PyTorch's
 * own float32 kernels are within 1 ulp too, §F of the behaviour reference). Strided operands are walked
 * through a precomputed index vector; contiguous operands are walked directly.
 */
final class ScalarKernels implements Kernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    /** Storage positions of every element of {@code l} in row-major order, or null if contiguous. */
    static int[] positions(Layout l) {
        if (l.isContiguous()) return null;
        int n = l.numel();
        int[] pos = new int[n];
        if (n == 0) return pos;
        int[] shape = l.shape();
        int[] st = l.strides();
        int nd = shape.length;
        int[] ctr = new int[nd];
        int p = l.offset();
        int last = nd - 1;
        int innerSize = shape[last];
        int innerStride = st[last];
        int i = 0;
        while (true) {
            for (int k = 0; k < innerSize; k++) pos[i++] = p + k * innerStride;
            if (i >= n) break;
            // odometer over the outer dims
            int d = last - 1;
            while (true) {
                ctr[d]++;
                p += st[d];
                if (ctr[d] < shape[d]) break;
                p -= st[d] * shape[d];
                ctr[d] = 0;
                d--;
            }
        }
        return pos;
    }

    private static int at(int[] pos, int off, int i) {
        return pos == null ? off + i : pos[i];
    }

    // ---------------------------------------------------------------- unary

    private static DoubleUnaryOperator floatFn(UnaryOp op, double p0, double p1) {
        return switch (op) {
            case NEG -> x -> -x;
            case EXP -> Math::exp;
            case LOG -> Math::log;
            case SQRT -> Math::sqrt;
            case ABS -> Math::abs;
            case SIN -> Math::sin;
            case COS -> Math::cos;
            case TANH -> Math::tanh;
            case SIGMOID -> x -> 1.0 / (1.0 + Math.exp(-x));
            case RELU -> x -> x > 0 ? x : (Double.isNaN(x) ? x : 0.0);
            case RECIPROCAL -> x -> 1.0 / x;
            case POW -> powFn(p0);
            case RPOW -> x -> Math.pow(p0, x);
            case CLAMP -> x -> {
                if (Double.isNaN(x)) return x;
                double r = x;
                if (!Double.isNaN(p0) && r < p0) r = p0;
                if (!Double.isNaN(p1) && r > p1) r = p1;
                return r;
            };
            case SIGN -> x -> x > 0 ? 1.0 : x < 0 ? -1.0 : (Double.isNaN(x) ? x : 0.0);
            case LOGICAL_NOT -> x -> x == 0 ? 1.0 : 0.0;
        };
    }

    private static DoubleUnaryOperator powFn(double e) {
        // PyTorch special-cases small exponents as multiplications.
        if (e == 2) return x -> x * x;
        if (e == 1) return x -> x;
        if (e == 0.5) return Math::sqrt;
        if (e == -1) return x -> 1.0 / x;
        return x -> Math.pow(x, e);
    }

    private static LongUnaryOperator longFn(UnaryOp op, double p0, double p1) {
        return switch (op) {
            case NEG -> x -> -x;
            case ABS -> Math::abs;
            case RELU -> x -> Math.max(x, 0);
            case SIGN -> Long::signum;
            case POW -> x -> ipow(x, (long) p0);
            case CLAMP -> x -> {
                long r = x;
                if (!Double.isNaN(p0) && r < (long) p0) r = (long) p0;
                if (!Double.isNaN(p1) && r > (long) p1) r = (long) p1;
                return r;
            };
            case LOGICAL_NOT -> x -> x == 0 ? 1 : 0;
            default -> throw new UnsupportedOperationException("\"" + op.name().toLowerCase() + "\" not implemented for 'Long'");
        };
    }

    static long ipow(long base, long exp) {
        if (exp < 0) {
            if (base == 1) return 1;
            if (base == -1) return (exp & 1) == 0 ? 1 : -1;
            throw new ArithmeticException("Integers to negative integer powers are not allowed.");
        }
        long r = 1;
        while (exp > 0) {
            if ((exp & 1) != 0) r *= base;
            base *= base;
            exp >>= 1;
        }
        return r;
    }

    @Override
    public void unary(UnaryOp op, double p0, double p1, Storage x, Layout xl, Storage out, Layout ol) {
        int n = ol.numel();
        int[] xp = positions(xl), op_ = positions(ol);
        int xo = xl.offset(), oo = ol.offset();
        if (x instanceof Storage.F32 xs && out instanceof Storage.F32 os) {
            DoubleUnaryOperator f = floatFn(op, p0, p1);
            float[] a = xs.data, o = os.data;
            if (xp == null && op_ == null) {
                for (int i = 0; i < n; i++) o[oo + i] = (float) f.applyAsDouble(a[xo + i]);
            } else {
                for (int i = 0; i < n; i++) o[at(op_, oo, i)] = (float) f.applyAsDouble(a[at(xp, xo, i)]);
            }
        } else if (x instanceof Storage.F64 xs && out instanceof Storage.F64 os) {
            DoubleUnaryOperator f = floatFn(op, p0, p1);
            double[] a = xs.data, o = os.data;
            for (int i = 0; i < n; i++) o[at(op_, oo, i)] = f.applyAsDouble(a[at(xp, xo, i)]);
        } else {
            LongUnaryOperator f = longFn(op, p0, p1);
            for (int i = 0; i < n; i++) out.setLong(at(op_, oo, i), f.applyAsLong(x.getLong(at(xp, xo, i))));
        }
    }

    // ---------------------------------------------------------------- binary

    private static DoubleBinaryOperator floatFn(BinaryOp op) {
        return switch (op) {
            case ADD -> Double::sum;
            case SUB -> (a, b) -> a - b;
            case MUL -> (a, b) -> a * b;
            case DIV -> (a, b) -> a / b;
            case POW -> ScalarKernels::pow;
            case MAXIMUM -> (a, b) -> (a != a || b != b) ? Double.NaN : Math.max(a, b);
            case MINIMUM -> (a, b) -> (a != a || b != b) ? Double.NaN : Math.min(a, b);
            case TANH_BACKWARD -> (a, b) -> a * Math.fma(-b, b, 1.0);
            case EQ -> (a, b) -> a == b ? 1 : 0;
            case NE -> (a, b) -> a != b ? 1 : 0;
            case LT -> (a, b) -> a < b ? 1 : 0;
            case LE -> (a, b) -> a <= b ? 1 : 0;
            case GT -> (a, b) -> a > b ? 1 : 0;
            case GE -> (a, b) -> a >= b ? 1 : 0;
        };
    }

    private static double pow(double a, double b) {
        if (b == 2) return a * a;
        return Math.pow(a, b);
    }

    private static LongBinaryOperator longFn(BinaryOp op, boolean bool) {
        return switch (op) {
            case ADD -> bool ? (a, b) -> (a | b) : Long::sum;
            case SUB -> (a, b) -> a - b;
            case MUL -> bool ? (a, b) -> (a & b) : (a, b) -> a * b;
            case DIV -> (a, b) -> a / b;
            case POW -> ScalarKernels::ipow;
            case MAXIMUM -> Math::max;
            case MINIMUM -> Math::min;
            case EQ -> (a, b) -> a == b ? 1 : 0;
            case NE -> (a, b) -> a != b ? 1 : 0;
            case LT -> (a, b) -> a < b ? 1 : 0;
            case LE -> (a, b) -> a <= b ? 1 : 0;
            case GT -> (a, b) -> a > b ? 1 : 0;
            case GE -> (a, b) -> a >= b ? 1 : 0;
            case TANH_BACKWARD -> throw new UnsupportedOperationException("tanh_backward needs floating inputs");
        };
    }

    @Override
    public void binary(BinaryOp op, Storage a, Layout al, Storage b, Layout bl, Storage out, Layout ol) {
        if (a instanceof Storage.F32 && b instanceof Storage.F32 && out instanceof Storage.F32 && floatArithmetic(op, a, al, b, bl, out, ol)) {
            return;
        }
        int n = ol.numel();
        int[] ap = positions(al), bp = positions(bl), opos = positions(ol);
        int ao = al.offset(), bo = bl.offset(), oo = ol.offset();
        if (a instanceof Storage.F32 as && b instanceof Storage.F32 bs) {
            float[] x = as.data, y = bs.data;
            if (op == BinaryOp.TANH_BACKWARD) {
                // PyTorch's kernel: grad * (1 - t*t) with the inner part fused into one float FMA.
                float[] o = ((Storage.F32) out).data;
                for (int i = 0; i < n; i++) {
                    float t = y[at(bp, bo, i)];
                    o[at(opos, oo, i)] = x[at(ap, ao, i)] * Math.fma(-t, t, 1f);
                }
                return;
            }
            DoubleBinaryOperator f = floatFn(op);
            if (out instanceof Storage.F32 os) {
                float[] o = os.data;
                if (ap == null && bp == null && opos == null) {
                    for (int i = 0; i < n; i++) o[oo + i] = (float) f.applyAsDouble(x[ao + i], y[bo + i]);
                } else {
                    for (int i = 0; i < n; i++) {
                        o[at(opos, oo, i)] = (float) f.applyAsDouble(x[at(ap, ao, i)], y[at(bp, bo, i)]);
                    }
                }
            } else {
                for (int i = 0; i < n; i++) out.setDouble(at(opos, oo, i), f.applyAsDouble(x[at(ap, ao, i)], y[at(bp, bo, i)]));
            }
        } else if (a instanceof Storage.F64 as && b instanceof Storage.F64 bs) {
            DoubleBinaryOperator f = floatFn(op);
            double[] x = as.data, y = bs.data;
            if (out instanceof Storage.F64 os) {
                double[] o = os.data;
                for (int i = 0; i < n; i++) o[at(opos, oo, i)] = f.applyAsDouble(x[at(ap, ao, i)], y[at(bp, bo, i)]);
            } else {
                for (int i = 0; i < n; i++) out.setDouble(at(opos, oo, i), f.applyAsDouble(x[at(ap, ao, i)], y[at(bp, bo, i)]));
            }
        } else {
            LongBinaryOperator f = longFn(op, a.dtype() == DType.BOOL);
            for (int i = 0; i < n; i++) {
                out.setLong(at(opos, oo, i), f.applyAsLong(a.getLong(at(ap, ao, i)), b.getLong(at(bp, bo, i))));
            }
        }
    }

    /** True when every stride is 0: one element broadcast over the whole shape (a Java scalar operand). */
    private static boolean isBroadcastScalar(Layout l) {
        for (int st : l.strides()) if (st != 0) return false;
        return true;
    }

    /**
     * float32 + - * / over contiguous operands (either may be a broadcast scalar) in plain float loops the JIT
     * can vectorize; float arithmetic is correctly rounded, so the result equals the general path's.
     * Returns false when the layouts do not fit.
     */
    private static boolean floatArithmetic(BinaryOp op, Storage a, Layout al, Storage b, Layout bl, Storage out, Layout ol) {
        if (op.ordinal() > BinaryOp.DIV.ordinal() || !ol.isContiguous()) return false;
        boolean as = isBroadcastScalar(al) && al.dim() > 0, bs = isBroadcastScalar(bl) && bl.dim() > 0;
        if (!(al.isContiguous() || as) || !(bl.isContiguous() || bs) || (as && bs)) return false;
        float[] x = ((Storage.F32) a).data, y = ((Storage.F32) b).data, o = ((Storage.F32) out).data;
        int n = ol.numel(), ao = al.offset(), bo = bl.offset(), oo = ol.offset();
        if (bs) {
            float c = y[bo];
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] + c; }
                case SUB -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] - c; }
                case MUL -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] * c; }
                default -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] / c; }
            }
        } else if (as) {
            float c = x[ao];
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) o[oo + i] = c + y[bo + i]; }
                case SUB -> { for (int i = 0; i < n; i++) o[oo + i] = c - y[bo + i]; }
                case MUL -> { for (int i = 0; i < n; i++) o[oo + i] = c * y[bo + i]; }
                default -> { for (int i = 0; i < n; i++) o[oo + i] = c / y[bo + i]; }
            }
        } else {
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] + y[bo + i]; }
                case SUB -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] - y[bo + i]; }
                case MUL -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] * y[bo + i]; }
                default -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] / y[bo + i]; }
            }
        }
        return true;
    }

    @Override
    public void where(Storage cond, Layout cl, Storage a, Layout al, Storage b, Layout bl, Storage out, Layout ol) {
        int n = ol.numel();
        int[] cp = positions(cl), ap = positions(al), bp = positions(bl), opos = positions(ol);
        boolean[] c = ((Storage.Bool) cond).data;
        int co = cl.offset(), ao = al.offset(), bo = bl.offset(), oo = ol.offset();
        if (out.dtype().isFloatingPoint()) {
            for (int i = 0; i < n; i++) {
                double v = c[at(cp, co, i)] ? a.getDouble(at(ap, ao, i)) : b.getDouble(at(bp, bo, i));
                out.setDouble(at(opos, oo, i), v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                long v = c[at(cp, co, i)] ? a.getLong(at(ap, ao, i)) : b.getLong(at(bp, bo, i));
                out.setLong(at(opos, oo, i), v);
            }
        }
    }

    // ---------------------------------------------------------------- copy / fill

    @Override
    public void copy(Storage src, Layout sl, Storage dst, Layout dl) {
        int n = dl.numel();
        if (n == 0) return; // an empty view may have an offset past the end of its storage
        int[] sp = positions(sl), dp = positions(dl);
        int so = sl.offset(), dof = dl.offset();
        if (src instanceof Storage.F32 s && dst instanceof Storage.F32 d) {
            if (sp == null && dp == null) {
                System.arraycopy(s.data, so, d.data, dof, n);
            } else {
                for (int i = 0; i < n; i++) d.data[at(dp, dof, i)] = s.data[at(sp, so, i)];
            }
        } else if (src instanceof Storage.F64 s && dst instanceof Storage.F64 d) {
            if (sp == null && dp == null) {
                System.arraycopy(s.data, so, d.data, dof, n);
            } else {
                for (int i = 0; i < n; i++) d.data[at(dp, dof, i)] = s.data[at(sp, so, i)];
            }
        } else if (src.dtype().isFloatingPoint() && dst.dtype() != DType.INT64) {
            for (int i = 0; i < n; i++) dst.setDouble(at(dp, dof, i), src.getDouble(at(sp, so, i)));
        } else if (src.dtype().isFloatingPoint()) {
            for (int i = 0; i < n; i++) dst.setLong(at(dp, dof, i), (long) src.getDouble(at(sp, so, i)));
        } else if (dst.dtype().isFloatingPoint()) {
            for (int i = 0; i < n; i++) dst.setDouble(at(dp, dof, i), (double) src.getLong(at(sp, so, i)));
        } else {
            for (int i = 0; i < n; i++) dst.setLong(at(dp, dof, i), src.getLong(at(sp, so, i)));
        }
    }

    @Override
    public void fill(Storage dst, Layout dl, double v) {
        int n = dl.numel();
        if (n == 0) return;
        int[] dp = positions(dl);
        int dof = dl.offset();
        if (dst instanceof Storage.F32 d && dp == null) {
            java.util.Arrays.fill(d.data, dof, dof + n, (float) v);
        } else if (dst instanceof Storage.F64 d && dp == null) {
            java.util.Arrays.fill(d.data, dof, dof + n, v);
        } else if (dst.dtype().isFloatingPoint()) {
            for (int i = 0; i < n; i++) dst.setDouble(at(dp, dof, i), v);
        } else {
            long lv = dst.dtype() == DType.BOOL ? (v != 0 ? 1 : 0) : (long) v;
            for (int i = 0; i < n; i++) dst.setLong(at(dp, dof, i), lv);
        }
    }

    // ---------------------------------------------------------------- reductions

    @Override
    public void reduce(ReduceOp op, Storage x, Layout xl, int reducedDims, Storage out) {
        int n = xl.numel();
        int inner = 1;
        int[] shape = xl.shape();
        for (int d = shape.length - reducedDims; d < shape.length; d++) inner *= shape[d];
        int outer = inner == 0 ? out.size() : n / inner;
        int[] xp = positions(xl);
        int xo = xl.offset();
        boolean floating = x.dtype().isFloatingPoint();
        for (int r = 0; r < outer; r++) {
            int base = r * inner;
            if (floating) {
                out.setDouble(r, reduceDouble(op, x, xp, xo, base, inner));
            } else {
                out.setLong(r, reduceLong(op, x, xp, xo, base, inner));
            }
        }
    }

    private static double reduceDouble(ReduceOp op, Storage x, int[] xp, int xo, int base, int len) {
        switch (op) {
            case SUM -> {
                // Neumaier-compensated double sum: accurate for float32 (as PyTorch's cascade sum) and float64.
                double s = 0, c = 0;
                for (int k = 0; k < len; k++) {
                    double v = x.getDouble(at(xp, xo, base + k));
                    double t = s + v;
                    if (Math.abs(s) >= Math.abs(v)) c += (s - t) + v;
                    else c += (v - t) + s;
                    s = t;
                }
                return Double.isFinite(s) ? s + c : s;
            }
            case PROD -> {
                double p = 1;
                for (int k = 0; k < len; k++) p *= x.getDouble(at(xp, xo, base + k));
                return p;
            }
            default -> {
                boolean max = op == ReduceOp.MAX;
                double m = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                for (int k = 0; k < len; k++) {
                    double v = x.getDouble(at(xp, xo, base + k));
                    if (v != v) return v;
                    if (max ? v > m : v < m) m = v;
                }
                return m;
            }
        }
    }

    private static long reduceLong(ReduceOp op, Storage x, int[] xp, int xo, int base, int len) {
        long acc = switch (op) {
            case SUM -> 0;
            case PROD -> 1;
            case MAX -> Long.MIN_VALUE;
            case MIN -> Long.MAX_VALUE;
        };
        for (int k = 0; k < len; k++) {
            long v = x.getLong(at(xp, xo, base + k));
            acc = switch (op) {
                case SUM -> acc + v;
                case PROD -> acc * v;
                case MAX -> Math.max(acc, v);
                case MIN -> Math.min(acc, v);
            };
        }
        return acc;
    }

    @Override
    public void argReduce(boolean max, Storage x, Layout xl, Storage values, Storage indices) {
        int[] shape = xl.shape();
        int len = shape[shape.length - 1];
        int outer = len == 0 ? 0 : xl.numel() / len;
        int[] xp = positions(xl);
        int xo = xl.offset();
        boolean floating = x.dtype().isFloatingPoint();
        for (int r = 0; r < outer; r++) {
            int base = r * len;
            int best = 0;
            if (floating) {
                double m = x.getDouble(at(xp, xo, base));
                for (int k = 1; k < len && m == m; k++) {
                    double v = x.getDouble(at(xp, xo, base + k));
                    if (v != v || (max ? v > m : v < m)) {
                        m = v;
                        best = k;
                    }
                }
                values.setDouble(r, m);
            } else {
                long m = x.getLong(at(xp, xo, base));
                for (int k = 1; k < len; k++) {
                    long v = x.getLong(at(xp, xo, base + k));
                    if (max ? v > m : v < m) {
                        m = v;
                        best = k;
                    }
                }
                values.setLong(r, m);
            }
            indices.setLong(r, best);
        }
    }

    // ---------------------------------------------------------------- matmul

    @Override
    public void matmul(Storage a, Layout al, Storage b, Layout bl, Storage c, Layout cl) {
        int batch = al.size(0), m = al.size(1), k = al.size(2), n = bl.size(2);
        fill(c, cl, 0); // the loops accumulate into c
        if (a instanceof Storage.F32) {
            float[] x = ((Storage.F32) dense(a, al)).data, y = ((Storage.F32) dense(b, bl)).data, o = ((Storage.F32) c).data;
            int co = cl.offset();
            for (int bi = 0; bi < batch; bi++) {
                int xa = bi * m * k, yb = bi * k * n, oc = co + bi * m * n;
                for (int i = 0; i < m; i++) {
                    int orow = oc + i * n;
                    for (int p = 0; p < k; p++) {
                        float av = x[xa + i * k + p];
                        int yrow = yb + p * n;
                        for (int j = 0; j < n; j++) o[orow + j] = Math.fma(av, y[yrow + j], o[orow + j]);
                    }
                }
            }
        } else if (a instanceof Storage.F64) {
            double[] x = ((Storage.F64) dense(a, al)).data, y = ((Storage.F64) dense(b, bl)).data, o = ((Storage.F64) c).data;
            int co = cl.offset();
            for (int bi = 0; bi < batch; bi++) {
                int xa = bi * m * k, yb = bi * k * n, oc = co + bi * m * n;
                for (int i = 0; i < m; i++) {
                    int orow = oc + i * n;
                    for (int p = 0; p < k; p++) {
                        double av = x[xa + i * k + p];
                        int yrow = yb + p * n;
                        for (int j = 0; j < n; j++) o[orow + j] = Math.fma(av, y[yrow + j], o[orow + j]);
                    }
                }
            }
        } else {
            int[] ap = positions(al), bp = positions(bl);
            for (int bi = 0; bi < batch; bi++) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        long s = 0;
                        for (int p = 0; p < k; p++) {
                            s += a.getLong(at(ap, al.offset(), (bi * m + i) * k + p)) * b.getLong(at(bp, bl.offset(), (bi * k + p) * n + j));
                        }
                        c.setLong(cl.offset() + (bi * m + i) * n + j, s);
                    }
                }
            }
        }
    }

    /** {@code s} itself when {@code l} covers it densely from 0, else a dense row-major copy of l's elements. */
    private Storage dense(Storage s, Layout l) {
        if (l.isContiguous() && l.offset() == 0 && s.size() == l.numel()) return s;
        Storage d = Storage.allocate(s.dtype(), l.numel());
        copy(s, l, d, Layout.contiguous(l.shape()));
        return d;
    }

    // ---------------------------------------------------------------- gather / scatter

    /**
     * Storage position of the element whose coordinates are those of row-major position {@code i} in
     * {@code shape}, except along {@code dim}, where the coordinate is the index value {@code iv}.
     */
    private static int indexedPosition(int i, int[] shape, int dim, long iv, int[] strides, int offset) {
        int rem = i, pos = offset;
        for (int d = shape.length - 1; d >= 0; d--) {
            int coord = rem % shape[d];
            rem /= shape[d];
            pos += (d == dim ? (int) iv : coord) * strides[d];
        }
        return pos;
    }

    @Override
    public void gather(Storage x, Layout xl, int dim, Storage index, Layout il, Storage out, Layout ol) {
        int n = il.numel();
        int[] ip = positions(il), opos = positions(ol);
        long[] idx = ((Storage.I64) index).data;
        int[] shape = il.shape();
        int[] xst = xl.strides();
        for (int i = 0; i < n; i++) {
            int xpos = indexedPosition(i, shape, dim, idx[at(ip, il.offset(), i)], xst, xl.offset());
            int o = at(opos, ol.offset(), i);
            if (x.dtype().isFloatingPoint()) out.setDouble(o, x.getDouble(xpos));
            else out.setLong(o, x.getLong(xpos));
        }
    }

    @Override
    public void scatterAdd(Storage out, Layout ol, int dim, Storage index, Layout il, Storage src, Layout sl) {
        int n = il.numel();
        int[] ip = positions(il), sp = positions(sl);
        long[] idx = ((Storage.I64) index).data;
        int[] shape = il.shape();
        int[] ost = ol.strides();
        for (int i = 0; i < n; i++) {
            int opos = indexedPosition(i, shape, dim, idx[at(ip, il.offset(), i)], ost, ol.offset());
            int s = at(sp, sl.offset(), i);
            if (out.dtype().isFloatingPoint()) out.setDouble(opos, out.getDouble(opos) + src.getDouble(s));
            else out.setLong(opos, out.getLong(opos) + src.getLong(s));
        }
    }
}
