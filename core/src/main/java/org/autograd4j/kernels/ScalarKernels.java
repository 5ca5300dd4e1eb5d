package org.autograd4j.kernels;

import java.util.EnumSet;
import java.util.Set;
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
 * own float32 kernels, Sleef's 1-ulp functions and glibc's in the AVX2 build, are within 1 ulp of the exact
 * result too). The compound activation functions are the exception: PyTorch evaluates them step by step in
 * float32, and where a step overflows or cancels that differs from the exact value by far more than an
 * ulp, so their float32 forms do the same steps in float ({@link MathFns}). Strided operands are walked
 * through a precomputed index vector; contiguous operands are walked directly.
 */
public class ScalarKernels implements Kernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    /** For {@link #INSTANCE} and the Vector API kernels, which override the hot spans. */
    protected ScalarKernels() {
    }

    @Override
    public String description() {
        return "scalar (plain Java loops, one thread; no Vector API)";
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
            case RPOW -> x -> cpow(p0, x);
            case CLAMP -> x -> {
                if (Double.isNaN(x)) return x;
                double r = x;
                if (!Double.isNaN(p0) && r < p0) r = p0;
                if (!Double.isNaN(p1) && r > p1) r = p1;
                return r;
            };
            case SIGN -> x -> x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0; // NaN gives 0, as PyTorch's sign
            case LOGICAL_NOT -> x -> x == 0 ? 1.0 : 0.0;
            default -> throw new IllegalStateException(op + " is handled by unaryMore");
        };
    }

    private static DoubleUnaryOperator powFn(double e) {
        // PyTorch special-cases small exponents as multiplications.
        if (e == 2) return x -> x * x;
        if (e == 1) return x -> x;
        if (e == 0.5) return Math::sqrt;
        if (e == -1) return x -> 1.0 / x;
        return x -> cpow(x, e);
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

    /** The unary ops of the original loop below; the later ones go through {@link #unaryMore}. */
    private static final Set<UnaryOp> FIRST_UNARY = EnumSet.range(UnaryOp.NEG, UnaryOp.LOGICAL_NOT);

    @Override
    public void unary(UnaryOp op, double p0, double p1, Storage x, Layout xl, Storage out, Layout ol) {
        if (!FIRST_UNARY.contains(op)) {
            unaryMore(op, p0, p1, x, xl, out, ol);
            return;
        }
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
            if (op == UnaryOp.LOGICAL_NOT) {
                // any dtype in, bool out: NaN and 0.5 are true, so read the value, not its truncation
                for (int i = 0; i < n; i++) out.setLong(at(op_, oo, i), x.getDouble(at(xp, xo, i)) == 0 ? 1 : 0);
                return;
            }
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
            default -> throw new IllegalStateException(op + " is handled by binaryMore");
        };
    }

    private static double pow(double a, double b) {
        if (b == 2) return a * a;
        return cpow(a, b);
    }

    /** C's pow: 1 to any power (NaN included) is 1, where Java's Math.pow gives NaN for pow(1, NaN). */
    private static double cpow(double a, double b) {
        return a == 1 ? 1 : Math.pow(a, b);
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
            default -> throw new IllegalStateException(op + " is handled by binaryMore");
        };
    }

    /** The binary ops of the original loop below; the later ones go through {@link #binaryMore}. */
    private static final Set<BinaryOp> FIRST_BINARY = EnumSet.range(BinaryOp.ADD, BinaryOp.GE);

    @Override
    public void binary(BinaryOp op, Storage a, Layout al, Storage b, Layout bl, Storage out, Layout ol) {
        if (!FIRST_BINARY.contains(op)) {
            binaryMore(op, a, al, b, bl, out, ol);
            return;
        }
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
        if (op == ReduceOp.ALL || op == ReduceOp.ANY) {
            // all: no zero found (true when empty); any: some nonzero found. NaN != 0, so NaN counts as true.
            boolean all = op == ReduceOp.ALL;
            for (int r = 0; r < outer; r++) {
                boolean result = all;
                for (int k = 0; k < inner; k++) {
                    if ((x.getDouble(at(xp, xo, r * inner + k)) != 0) != all) {
                        result = !all;
                        break;
                    }
                }
                out.setLong(r, result ? 1 : 0);
            }
            return;
        }
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
            case ALL, ANY -> throw new IllegalStateException(op + " is handled in reduce");
        };
        for (int k = 0; k < len; k++) {
            long v = x.getLong(at(xp, xo, base + k));
            acc = switch (op) {
                case SUM -> acc + v;
                case PROD -> acc * v;
                case MAX -> Math.max(acc, v);
                case MIN -> Math.min(acc, v);
                case ALL, ANY -> throw new IllegalStateException(op + " is handled in reduce");
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
        int[] as = al.strides(), bs = bl.strides();
        if (a instanceof Storage.F32 x) {
            gemmF32(batch, m, n, k, x.data, al.offset(), as[0], as[1], as[2], ((Storage.F32) b).data, bl.offset(), bs[0], bs[1], bs[2],
                    ((Storage.F32) c).data, cl.offset());
        } else if (a instanceof Storage.F64 x) {
            gemmF64(batch, m, n, k, x.data, al.offset(), as[0], as[1], as[2], ((Storage.F64) b).data, bl.offset(), bs[0], bs[1], bs[2],
                    ((Storage.F64) c).data, cl.offset());
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

    /**
     * float32 batched product {@code c[bi] = a[bi] @ b[bi]} over strided operands ({@link Gemm#sgemm}, whose
     * comment gives the layouts and the bits); the Vector API kernels override it with the same bits.
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
     * @param c     c's storage, a contiguous {@code [batch,m,n]}, overwritten
     * @param co    c's offset
     */
    protected void gemmF32(int batch, int m, int n, int k, float[] a, int ao, int abs, int ars, int acs,
            float[] b, int bo, int bbs, int brs, int bcs, float[] c, int co) {
        Gemm.sgemm(batch, m, n, k, a, ao, abs, ars, acs, b, bo, bbs, brs, bcs, c, co);
    }

    /**
     * float64 batched product ({@link Gemm#dgemm}); as {@link #gemmF32} in double.
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
     * @param c     c's storage, a contiguous {@code [batch,m,n]}, overwritten
     * @param co    c's offset
     */
    protected void gemmF64(int batch, int m, int n, int k, double[] a, int ao, int abs, int ars, int acs,
            double[] b, int bo, int bbs, int brs, int bcs, double[] c, int co) {
        Gemm.dgemm(batch, m, n, k, a, ao, abs, ars, acs, b, bo, bbs, brs, bcs, c, co);
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

    // ---------------------------------------------------------------- more unary ops

    /** A float → float function, so float32 kernels can do float arithmetic without boxing. */
    @FunctionalInterface
    private interface FloatUnary {
        float apply(float x);
    }

    /** A (float, float) → float function. */
    @FunctionalInterface
    private interface FloatBinary {
        float apply(float a, float b);
    }

    /** trunc for doubles: toward zero, keeping -0.0 and NaN. */
    private static double trunc(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    /**
     * float64 forms of the unary ops after LOGICAL_NOT. The single-function ops are java.lang.Math's or
     * {@link MathFns}' (fdlibm's algorithms, as glibc's); the compound ones follow PyTorch's formula step by step.
     */
    private static DoubleUnaryOperator doubleFn(UnaryOp op, double p0, double p1) {
        return switch (op) {
            case LOG1P -> MathFns::log1p;
            case EXPM1 -> Math::expm1;
            case LOG2 -> MathFns::log2;
            case LOG10 -> Math::log10;
            case EXP2 -> x -> Math.pow(2.0, x);
            case RSQRT -> x -> 1.0 / Math.sqrt(x); // PyTorch's rsqrt: 1 / sqrt(x), two roundings
            case TAN -> Math::tan;
            case ASIN -> Math::asin;
            case ACOS -> Math::acos;
            case ATAN -> Math::atan;
            case SINH -> MathFns::sinh;
            case COSH -> MathFns::cosh;
            case ASINH -> MathFns::asinh;
            case ACOSH -> MathFns::acosh;
            case ATANH -> MathFns::atanh;
            case ERF -> MathFns::erf;
            case ERFC -> MathFns::erfc;
            case FLOOR -> Math::floor;
            case CEIL -> Math::ceil;
            case ROUND -> Math::rint; // halves to even, as torch.round
            case TRUNC -> ScalarKernels::trunc;
            case FRAC -> x -> x - trunc(x);
            case SOFTPLUS -> x -> MathFns.softplus(x, p0, p1);
            // min(max(x, lo), hi) with C++'s std::max/std::min comparisons: NaN stays NaN, -0.0 stays -0.0 at a 0 bound
            case HARDTANH -> x -> {
                double r = x < p0 ? p0 : x;
                return p1 < r ? p1 : r;
            };
            case ELU -> x -> MathFns.elu(x, p0);
            case LEAKY_RELU -> x -> x > 0 ? x : x * p0;
            case GELU -> MathFns::gelu;
            case GELU_TANH -> MathFns::geluTanh;
            case SILU -> MathFns::silu;
            case MISH -> MathFns::mish;
            case NAN_TO_NUM -> x -> x != x ? 0.0 : x == Double.POSITIVE_INFINITY ? p0 : x == Double.NEGATIVE_INFINITY ? p1 : x;
            case SINC -> x -> x == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
            case DEG2RAD -> x -> x * (Math.PI / 180);
            case RAD2DEG -> x -> x * (180 / Math.PI);
            default -> throw new IllegalStateException(op + " has no float64 function");
        };
    }

    /**
     * float32 forms of the unary ops after LOGICAL_NOT: single functions computed in double and rounded once,
     * compound ones in float arithmetic as PyTorch ({@link MathFns}); parameters rounded to float first.
     */
    private static FloatUnary floatFn32(UnaryOp op, double p0, double p1) {
        float f0 = (float) p0, f1 = (float) p1;
        return switch (op) {
            case LOG1P -> MathFns::log1pF;
            case EXPM1 -> x -> (float) Math.expm1(x);
            case LOG2 -> x -> (float) MathFns.log2(x);
            case LOG10 -> x -> (float) Math.log10(x);
            case EXP2 -> x -> (float) Math.pow(2.0, x);
            case RSQRT -> x -> 1f / (float) Math.sqrt(x); // the float square root, then the float division: PyTorch's bits
            case TAN -> x -> (float) Math.tan(x);
            case ASIN -> x -> (float) Math.asin(x);
            case ACOS -> x -> (float) Math.acos(x);
            case ATAN -> x -> (float) Math.atan(x);
            case SINH -> MathFns::sinhF;
            case COSH -> MathFns::coshF;
            case ASINH -> x -> (float) MathFns.asinh(x);
            case ACOSH -> x -> (float) MathFns.acosh(x);
            case ATANH -> x -> (float) MathFns.atanh(x);
            case ERF -> x -> (float) MathFns.erf(x);
            case ERFC -> x -> (float) MathFns.erfc(x);
            case FLOOR -> x -> (float) Math.floor(x);
            case CEIL -> x -> (float) Math.ceil(x);
            case ROUND -> x -> (float) Math.rint(x);
            case TRUNC -> x -> (float) trunc(x);
            case FRAC -> x -> x - (float) trunc(x);
            case SOFTPLUS -> x -> MathFns.softplusF(x, f0, f1);
            case HARDTANH -> x -> {
                float r = x < f0 ? f0 : x;
                return f1 < r ? f1 : r;
            };
            case ELU -> x -> MathFns.eluF(x, f0);
            case LEAKY_RELU -> x -> x > 0 ? x : x * f0;
            case GELU -> MathFns::geluF;
            case GELU_TANH -> MathFns::geluTanhF;
            case SILU -> MathFns::siluF;
            case MISH -> MathFns::mishF;
            case NAN_TO_NUM -> x -> x != x ? 0f : x == Float.POSITIVE_INFINITY ? f0 : x == Float.NEGATIVE_INFINITY ? f1 : x;
            case SINC -> x -> {
                if (x == 0) return 1f;
                float product = (float) Math.PI * x; // PyTorch's opmath for float is float
                return (float) Math.sin(product) / product;
            };
            case DEG2RAD -> x -> x * (float) (Math.PI / 180);
            case RAD2DEG -> x -> x * (float) (180 / Math.PI);
            default -> throw new IllegalStateException(op + " has no float32 function");
        };
    }

    /** The name PyTorch's dispatch macro reports for an op's CPU kernel (as checked against PyTorch 1.13.1). */
    private static String kernelName(UnaryOp op) {
        return switch (op) {
            case FLOOR, CEIL, ROUND, TRUNC -> op.name().toLowerCase() + "_vml_cpu";
            case GELU, GELU_TANH -> "GeluKernelImpl";
            default -> op.name().toLowerCase() + "_cpu";
        };
    }

    private static UnsupportedOperationException notImplemented(String kernel, DType t) {
        return new UnsupportedOperationException("\"" + kernel + "\" not implemented for '" + t.scalarTypeName() + "'");
    }

    /** The unary ops after LOGICAL_NOT. */
    private void unaryMore(UnaryOp op, double p0, double p1, Storage x, Layout xl, Storage out, Layout ol) {
        int n = ol.numel();
        if (n == 0) return;
        int[] xp = positions(xl), opos = positions(ol);
        int xo = xl.offset(), oo = ol.offset();
        if (op.writesBool()) {
            boolean floating = x.dtype().isFloatingPoint();
            for (int i = 0; i < n; i++) {
                boolean r;
                if (floating) {
                    double v = x.getDouble(at(xp, xo, i));
                    r = switch (op) {
                        case ISNAN -> v != v;
                        case ISINF -> Double.isInfinite(v);
                        default -> Double.isFinite(v);
                    };
                } else {
                    r = op == UnaryOp.ISFINITE; // integers and bools are never NaN or infinite
                }
                out.setLong(at(opos, oo, i), r ? 1 : 0);
            }
            return;
        }
        if (x instanceof Storage.F32 xs && out instanceof Storage.F32 os) {
            // PyTorch 1.13.1 gives contiguous float32 GELU inputs of more than one element to oneDNN
            // (Activation.cpp's use_mkldnn), strided and one-element ones to ATen's own formula
            FloatUnary f = op == UnaryOp.GELU && xl.isContiguous() && n > 1 ? MathFns::geluDnnlF : floatFn32(op, p0, p1);
            float[] a = xs.data, o = os.data;
            if (xp == null && opos == null) {
                for (int i = 0; i < n; i++) o[oo + i] = f.apply(a[xo + i]);
            } else {
                for (int i = 0; i < n; i++) o[at(opos, oo, i)] = f.apply(a[at(xp, xo, i)]);
            }
        } else if (x instanceof Storage.F64 xs && out instanceof Storage.F64 os) {
            DoubleUnaryOperator f = doubleFn(op, p0, p1);
            double[] a = xs.data, o = os.data;
            for (int i = 0; i < n; i++) o[at(opos, oo, i)] = f.applyAsDouble(a[at(xp, xo, i)]);
        } else if (x.dtype().isFloatingPoint()) {
            DoubleUnaryOperator f = doubleFn(op, p0, p1);
            for (int i = 0; i < n; i++) out.setDouble(at(opos, oo, i), f.applyAsDouble(x.getDouble(at(xp, xo, i))));
        } else {
            LongUnaryOperator f = integerFn(op, p0, p1, x.dtype());
            for (int i = 0; i < n; i++) out.setLong(at(opos, oo, i), f.applyAsLong(x.getLong(at(xp, xo, i))));
        }
    }

    /** int64/bool forms: rounding ops and nan_to_num are the identity, hardtanh clamps, the rest are PyTorch's errors. */
    private static LongUnaryOperator integerFn(UnaryOp op, double p0, double p1, DType t) {
        boolean bool = t == DType.BOOL;
        return switch (op) {
            case FLOOR, CEIL, ROUND, TRUNC -> {
                if (bool) throw notImplemented(kernelName(op), t);
                yield x -> x;
            }
            case NAN_TO_NUM -> x -> x;
            case HARDTANH -> {
                if (bool) throw new UnsupportedOperationException("Bool inputs not supported for hardtanh");
                long lo = (long) p0, hi = (long) p1; // Scalar.to<int64_t>() truncates toward zero
                yield x -> {
                    long r = x < lo ? lo : x;
                    return hi < r ? hi : r;
                };
            }
            default -> throw notImplemented(kernelName(op), t);
        };
    }

    // ---------------------------------------------------------------- more binary ops

    private static DoubleBinaryOperator doubleFn(BinaryOp op) {
        return switch (op) {
            case ATAN2 -> Math::atan2;
            case FMOD -> MathFns::fmod;
            case REMAINDER -> MathFns::remainder;
            case HYPOT -> Math::hypot;
            case LOGADDEXP -> MathFns::logaddexp;
            case XLOGY -> MathFns::xlogy;
            case GELU_BACKWARD -> (g, x) -> MathFns.geluBackward(g, x, true);
            case MISH_BACKWARD -> MathFns::mishBackward;
            default -> throw new IllegalStateException(op + " has no float64 function");
        };
    }

    private static FloatBinary floatFn32(BinaryOp op) {
        return switch (op) {
            case ATAN2 -> (a, b) -> (float) Math.atan2(a, b);
            case FMOD -> MathFns::fmodF;
            case REMAINDER -> MathFns::remainderF;
            case HYPOT -> MathFns::hypotF;
            case LOGADDEXP -> MathFns::logaddexpF;
            case XLOGY -> MathFns::xlogyF;
            case GELU_BACKWARD -> (g, x) -> MathFns.geluBackwardF(g, x, false);
            case MISH_BACKWARD -> MathFns::mishBackwardF;
            default -> throw new IllegalStateException(op + " has no float32 function");
        };
    }

    /** The binary ops after GE. */
    private void binaryMore(BinaryOp op, Storage a, Layout al, Storage b, Layout bl, Storage out, Layout ol) {
        int n = ol.numel();
        if (n == 0) return;
        int[] ap = positions(al), bp = positions(bl), opos = positions(ol);
        int ao = al.offset(), bo = bl.offset(), oo = ol.offset();
        if (op == BinaryOp.LOGICAL_AND || op == BinaryOp.LOGICAL_OR) {
            boolean and = op == BinaryOp.LOGICAL_AND;
            for (int i = 0; i < n; i++) {
                // getDouble is exact enough here: only zero maps to 0.0, and NaN != 0 is true, as in PyTorch
                boolean x = a.getDouble(at(ap, ao, i)) != 0, y = b.getDouble(at(bp, bo, i)) != 0;
                out.setLong(at(opos, oo, i), (and ? x && y : x || y) ? 1 : 0);
            }
            return;
        }
        // gelu/mish backward: b is the forward input, whose layout picks PyTorch's algorithm (see BinaryOp)
        boolean xContiguous = bl.isContiguous();
        if (a instanceof Storage.F32 as && b instanceof Storage.F32 bs && out instanceof Storage.F32 os) {
            FloatBinary f = op == BinaryOp.GELU_BACKWARD
                    ? (xContiguous && n > 1 ? (g, x) -> MathFns.geluDerivativeDnnlF(x) * g : (g, x) -> MathFns.geluBackwardF(g, x, false))
                    : floatFn32(op);
            float[] x = as.data, y = bs.data, o = os.data;
            for (int i = 0; i < n; i++) o[at(opos, oo, i)] = f.apply(x[at(ap, ao, i)], y[at(bp, bo, i)]);
        } else if (a instanceof Storage.F64 as && b instanceof Storage.F64 bs && out instanceof Storage.F64 os) {
            DoubleBinaryOperator f = op == BinaryOp.GELU_BACKWARD
                    ? (g, x) -> MathFns.geluBackward(g, x, xContiguous)
                    : doubleFn(op);
            double[] x = as.data, y = bs.data, o = os.data;
            for (int i = 0; i < n; i++) o[at(opos, oo, i)] = f.applyAsDouble(x[at(ap, ao, i)], y[at(bp, bo, i)]);
        } else if (a.dtype().isFloatingPoint() && b.dtype().isFloatingPoint()) {
            DoubleBinaryOperator f = doubleFn(op);
            for (int i = 0; i < n; i++) {
                out.setDouble(at(opos, oo, i), f.applyAsDouble(a.getDouble(at(ap, ao, i)), b.getDouble(at(bp, bo, i))));
            }
        } else {
            DType t = a.dtype() == DType.BOOL || b.dtype() == DType.BOOL ? DType.BOOL : DType.INT64;
            if (t == DType.BOOL || (op != BinaryOp.FMOD && op != BinaryOp.REMAINDER)) {
                throw notImplemented(op == BinaryOp.GELU_BACKWARD ? "GeluBackwardKernelImpl" : op.name().toLowerCase() + "_cpu", t);
            }
            boolean fmod = op == BinaryOp.FMOD;
            for (int i = 0; i < n; i++) {
                long x = a.getLong(at(ap, ao, i)), y = b.getLong(at(bp, bo, i));
                if (y == 0) throw new ArithmeticException("ZeroDivisionError"); // PyTorch's TORCH_CHECK message
                // Java's % truncates like C++'s; Long.MIN_VALUE % -1 is 0 here (PyTorch's process traps instead)
                out.setLong(at(opos, oo, i), fmod ? x % y : MathFns.remainder(x, y));
            }
        }
    }

    // ---------------------------------------------------------------- scans

    @Override
    public void scan(ScanOp op, Storage x, Layout xl, Storage out, Layout ol) {
        int n = ol.numel();
        if (n == 0) return;
        int[] shape = ol.shape();
        int len = shape.length == 0 ? 1 : shape[shape.length - 1];
        int[] xp = positions(xl), opos = positions(ol);
        int xo = xl.offset(), oo = ol.offset();
        boolean sum = op == ScanOp.CUMSUM;
        if (out.dtype().isFloatingPoint()) {
            for (int base = 0; base < n; base += len) {
                double acc = sum ? 0.0 : 1.0; // PyTorch's acc_type for float32 on CPU is double
                for (int k = 0; k < len; k++) {
                    double v = x.getDouble(at(xp, xo, base + k));
                    acc = sum ? acc + v : acc * v;
                    out.setDouble(at(opos, oo, base + k), acc);
                }
            }
        } else {
            for (int base = 0; base < n; base += len) {
                long acc = sum ? 0 : 1;
                for (int k = 0; k < len; k++) {
                    long v = x.getLong(at(xp, xo, base + k));
                    acc = sum ? acc + v : acc * v;
                    out.setLong(at(opos, oo, base + k), acc);
                }
            }
        }
    }
}
