package org.autograd4j.kernels;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import org.autograd4j.DType;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Runs;
import org.autograd4j.storage.Storage;

/**
 * Plain-Java kernels. The float32 functions PyTorch 1.13.1 computes with SLEEF (exp, log, log2, log10, log1p,
 * expm1, tanh, sinh, cosh, sigmoid, asin, acos, atan, atan2, erf, erfc, sin, cos, tan) are SLEEF's algorithms
 * ported lane for lane ({@link SleefFloat}), with PyTorch's bits, including its position-dependent tails. Other
 * float32 math is computed in double and rounded once, which gives the correctly rounded float result for
 * + - * / and √ and stays within 1 ulp for the remaining transcendental functions. The compound activation
 * functions evaluate step by step in float32 as PyTorch does, since where a step overflows or cancels that
 * differs from the exact value by far more than an ulp ({@link MathFns}). Every loop works on whole runs
 * ({@link Runs}: a contiguous operand set is one run, a strided one a run per innermost line): the protected
 * span methods ({@link #unaryF32}, {@link #binaryF32}, …) are what the Vector API kernels override.
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
        // PyTorch special-cases small exponents as multiplications (pow_tensor_scalar_optimized_kernel).
        if (e == 2) return x -> x * x;
        if (e == 3) return x -> x * x * x;
        if (e == -2) return x -> 1.0 / (x * x);
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

    /** The first unary ops, whose float32 forms compute in double ({@link #floatFn}); the later ones have {@link #floatFn32}. */
    private static final Set<UnaryOp> FIRST_UNARY = EnumSet.range(UnaryOp.NEG, UnaryOp.LOGICAL_NOT);

    @Override
    public void unary(UnaryOp op, double p0, double p1, Storage x, Layout xl, Storage out, Layout ol) {
        int n = ol.numel();
        if (n == 0) return;
        if (op.writesBool()) {
            unaryToBool(op, x, xl, out, ol);
            return;
        }
        boolean contiguous = xl.isContiguous() && ol.isContiguous();
        if (x instanceof Storage.F32 xs && out instanceof Storage.F32 os) {
            // PyTorch 1.13.1 gives contiguous float32 GELU inputs of more than one element to oneDNN
            // (Activation.cpp's use_mkldnn), strided and one-element ones to ATen's own formula
            boolean dnnl = op == UnaryOp.GELU && xl.isContiguous() && n > 1;
            if (contiguous) {
                float[] xd = xs.data, od = os.data;
                int xo = xl.offset(), oo = ol.offset();
                if (split(n)) {
                    Parallel.forRange(blocks(n), GRAIN / BLOCK, (b0, b1) -> {
                        int from = b0 * BLOCK, len = Math.min(b1 * BLOCK, n) - from;
                        unaryF32(op, p0, p1, dnnl, xd, xo + from, 1, od, oo + from, 1, len);
                    });
                } else {
                    unaryF32(op, p0, p1, dnnl, xd, xo, 1, od, oo, 1, n);
                }
                return;
            }
            Runs r = Runs.of(xl, ol);
            while (r.next()) unaryF32(op, p0, p1, dnnl, xs.data, r.base(0), r.stride(0), os.data, r.base(1), r.stride(1), r.length());
        } else if (x instanceof Storage.F64 xs && out instanceof Storage.F64 os) {
            if (contiguous) {
                double[] xd = xs.data, od = os.data;
                int xo = xl.offset(), oo = ol.offset();
                if (split(n)) {
                    Parallel.forRange(blocks(n), GRAIN / BLOCK, (b0, b1) -> {
                        int from = b0 * BLOCK, len = Math.min(b1 * BLOCK, n) - from;
                        unaryF64(op, p0, p1, xd, xo + from, 1, od, oo + from, 1, len);
                    });
                } else {
                    unaryF64(op, p0, p1, xd, xo, 1, od, oo, 1, n);
                }
                return;
            }
            Runs r = Runs.of(xl, ol);
            while (r.next()) unaryF64(op, p0, p1, xs.data, r.base(0), r.stride(0), os.data, r.base(1), r.stride(1), r.length());
        } else {
            LongUnaryOperator f = FIRST_UNARY.contains(op) ? longFn(op, p0, p1) : integerFn(op, p0, p1, x.dtype());
            Runs r = Runs.of(xl, ol);
            int len = r.length(), xs = r.stride(0), os = r.stride(1);
            while (r.next()) {
                for (int i = 0, xi = r.base(0), oi = r.base(1); i < len; i++, xi += xs, oi += os) out.setLong(oi, f.applyAsLong(x.getLong(xi)));
            }
        }
    }

    /** The smallest piece a thread gets: PyTorch's {@code at::internal::GRAIN_SIZE}. */
    static final int GRAIN = 32768;

    /**
     * Elementwise work is split over threads at multiples of this many elements: a multiple of 16 (the chunk
     * of PyTorch's vectorised loops, after which sigmoid's and sinh's scalar tails start) and of SLEEF's
     * 8-lane groups (sin, cos, tan), so each piece's tail and groups fall where one thread's would and the
     * bits do not depend on the thread count.
     */
    static final int BLOCK = 64;

    /**
     * Whether an elementwise op over n elements is worth splitting over threads: from 2¹⁶ elements, where a
     * second thread measured faster here for add_ and tanh (with the pool's workers spinning between splits).
     */
    static boolean split(int n) {
        return n >= SPLIT_MIN && Parallel.numThreads() > 1;
    }

    /** The smallest elementwise op split over threads (measured: 2¹⁶ add_/tanh 1.2-1.5× faster on two threads, 2¹⁸ 1.5-3×). */
    static final int SPLIT_MIN = 1 << 16;

    /** The number of {@link #BLOCK}s covering n elements. */
    static int blocks(int n) {
        return (n + BLOCK - 1) / BLOCK;
    }

    /** isnan, isinf, isfinite and logical_not: any input dtype, bool out. */
    private static void unaryToBool(UnaryOp op, Storage x, Layout xl, Storage out, Layout ol) {
        boolean floating = x.dtype().isFloatingPoint();
        boolean[] o = ((Storage.Bool) out).data;
        Runs r = Runs.of(xl, ol);
        int len = r.length(), xs = r.stride(0), os = r.stride(1);
        while (r.next()) {
            for (int i = 0, xi = r.base(0), oi = r.base(1); i < len; i++, xi += xs, oi += os) {
                // logical_not reads the value, not its truncation: NaN and 0.5 are true
                double v = floating || op == UnaryOp.LOGICAL_NOT ? x.getDouble(xi) : 0;
                o[oi] = switch (op) {
                    case LOGICAL_NOT -> v == 0;
                    case ISNAN -> v != v;
                    case ISINF -> floating && Double.isInfinite(v);
                    default -> !floating || Double.isFinite(v); // integers and bools are never NaN or infinite
                };
            }
        }
    }

    /**
     * One run of a float32 unary op: {@code o[oo + i·os] = op(x[xo + i·xs])} for {@code i < n}. The Vector API
     * kernels override it for unit strides; every override gives these bits. {@code dnnlGelu}: the whole input
     * is contiguous with more than one element, so GELU takes oneDNN's algorithm, as PyTorch 1.13.1.
     */
    protected void unaryF32(UnaryOp op, double p0, double p1, boolean dnnlGelu, float[] x, int xo, int xs, float[] o, int oo, int os, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) o[oo + i * os] = -x[xo + i * xs]; }
            case ABS -> { for (int i = 0; i < n; i++) o[oo + i * os] = Math.abs(x[xo + i * xs]); }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i * xs];
                    o[oo + i * os] = v > 0 || v != v ? v : 0f;
                }
            }
            case SQRT -> { for (int i = 0; i < n; i++) o[oo + i * os] = (float) Math.sqrt(x[xo + i * xs]); }
            case RECIPROCAL -> { for (int i = 0; i < n; i++) o[oo + i * os] = 1f / x[xo + i * xs]; }
            case EXP, LOG, LOG2, LOG10, LOG1P, EXPM1, TANH, SINH, COSH, SIGMOID, ASIN, ACOS, ATAN, ERF, ERFC, SIN, COS, TAN -> {
                if (xs == 1 && os == 1) {
                    sleefSpan(op, x, xo, o, oo, n);
                } else {
                    // a strided run goes through a buffer, as PyTorch's vectorised loop copies strided operands
                    float[] buf = new float[n];
                    for (int i = 0; i < n; i++) buf[i] = x[xo + i * xs];
                    sleefSpan(op, buf, 0, buf, 0, n);
                    for (int i = 0; i < n; i++) o[oo + i * os] = buf[i];
                }
            }
            case GELU_TANH -> {
                if (xs == 1 && os == 1) {
                    geluTanhSpan(x, xo, o, oo, n);
                } else {
                    for (int i = 0; i < n; i++) o[oo + i * os] = MathFns.geluTanhF(x[xo + i * xs]);
                }
            }
            default -> {
                FloatUnary f = floatUnary(op, p0, p1, dnnlGelu);
                for (int i = 0; i < n; i++) o[oo + i * os] = f.apply(x[xo + i * xs]);
            }
        }
    }

    /**
     * The float32 tanh GELU on a contiguous span as ATen's {@code cpu_kernel_vec} runs it: the vector formula with
     * SLEEF's tanh ({@link #sleefSpan}, so the Vector API kernels vectorise it with the same bits) on the first
     * {@code n - n % 16} elements, the scalar one with glibc's tanhf on the rest.
     */
    private void geluTanhSpan(float[] x, int xo, float[] o, int oo, int n) {
        int v = n - n % SleefFloat.CHUNK;
        if (v > 0) {
            float[] t = new float[v];
            for (int i = 0; i < v; i++) t[i] = MathFns.geluTanhInnerF(x[xo + i]);
            sleefSpan(UnaryOp.TANH, t, 0, t, 0, v);
            for (int i = 0; i < v; i++) o[oo + i] = MathFns.geluTanhF(x[xo + i], t[i]);
        }
        for (int i = v; i < n; i++) o[oo + i] = MathFns.geluTanhF(x[xo + i]);
    }

    /**
     * {@code gelu_backward(g, x, approximate='tanh')} in float32 over a span with unit output stride and unit or
     * zero operand strides (not both zero), as ATen's {@code cpu_kernel_vec}: the vector formula with SLEEF's
     * tanh on the first {@code n - n % 16} elements, the scalar one with glibc's tanhf on the rest.
     */
    private void geluTanhBackwardSpan(float[] g, int go, int gs, float[] x, int xo, int xs, float[] o, int oo, int n) {
        int v = n - n % SleefFloat.CHUNK;
        if (v > 0) {
            float[] t = new float[v];
            for (int i = 0; i < v; i++) t[i] = MathFns.geluTanhInnerF(x[xo + i * xs]);
            sleefSpan(UnaryOp.TANH, t, 0, t, 0, v);
            for (int i = 0; i < v; i++) o[oo + i] = MathFns.geluTanhBackwardF(g[go + i * gs], x[xo + i * xs], t[i]);
        }
        for (int i = v; i < n; i++) o[oo + i] = MathFns.geluTanhBackwardF(g[go + i * gs], x[xo + i * xs]);
    }

    /**
     * The float32 functions PyTorch 1.13.1 computes with SLEEF (and sigmoid's vector formula), over one contiguous
     * span, with PyTorch's bits ({@link SleefFloat}). The Vector API kernels override this with the same spans in
     * vectors.
     */
    protected void sleefSpan(UnaryOp op, float[] x, int xo, float[] o, int oo, int n) {
        switch (op) {
            case EXP -> SleefFloat.exp(x, xo, o, oo, n);
            case LOG -> SleefFloat.log(x, xo, o, oo, n);
            case LOG2 -> SleefFloat.log2(x, xo, o, oo, n);
            case LOG10 -> SleefFloat.log10(x, xo, o, oo, n);
            case LOG1P -> SleefFloat.log1p(x, xo, o, oo, n);
            case EXPM1 -> SleefFloat.expm1(x, xo, o, oo, n);
            case TANH -> SleefFloat.tanh(x, xo, o, oo, n);
            case SINH -> SleefFloat.sinh(x, xo, o, oo, n);
            case COSH -> SleefFloat.cosh(x, xo, o, oo, n);
            case SIGMOID -> SleefFloat.sigmoid(x, xo, o, oo, n);
            case ASIN -> SleefFloat.asin(x, xo, o, oo, n);
            case ACOS -> SleefFloat.acos(x, xo, o, oo, n);
            case ATAN -> SleefFloat.atan(x, xo, o, oo, n);
            case ERF -> SleefFloat.erf(x, xo, o, oo, n);
            case ERFC -> SleefFloat.erfc(x, xo, o, oo, n);
            case SIN -> SleefFloat.sin(x, xo, o, oo, n);
            case COS -> SleefFloat.cos(x, xo, o, oo, n);
            case TAN -> SleefFloat.tan(x, xo, o, oo, n);
            default -> throw new IllegalArgumentException(op + " is not a SLEEF function");
        }
    }

    /** float32 {@code atan2(y, x)} over contiguous spans with PyTorch's bits ({@link SleefFloat#atan2(float[], int, float[], int, float[], int, int)}). */
    protected void atan2Span(float[] y, int yo, float[] x, int xo, float[] o, int oo, int n) {
        SleefFloat.atan2(y, yo, x, xo, o, oo, n);
    }

    /** The float32 function of op: the first ops computed in double and rounded once, the later ones as {@link #floatFn32}. */
    private static FloatUnary floatUnary(UnaryOp op, double p0, double p1, boolean dnnlGelu) {
        if (op == UnaryOp.GELU && dnnlGelu) return MathFns::geluDnnlF;
        // PyTorch's x³ and x⁻² are multiplications in float32 arithmetic, each product rounded to float
        if (op == UnaryOp.POW && p0 == 3) return v -> v * v * v;
        if (op == UnaryOp.POW && p0 == -2) return v -> 1f / (v * v);
        if (!FIRST_UNARY.contains(op)) return floatFn32(op, p0, p1);
        DoubleUnaryOperator f = floatFn(op, p0, p1);
        return v -> (float) f.applyAsDouble(v);
    }

    /** One run of a float64 unary op: {@code o[oo + i·os] = op(x[xo + i·xs])} for {@code i < n}. */
    protected void unaryF64(UnaryOp op, double p0, double p1, double[] x, int xo, int xs, double[] o, int oo, int os, int n) {
        // PyTorch's float64 exp and log are SLEEF's on every element (ATen's vml map); sigmoid is cpu_kernel_vec:
        // the vector formula on whole chunks of 8 doubles of a contiguous span, the scalar one elsewhere
        if (op == UnaryOp.EXP || op == UnaryOp.LOG) {
            boolean exp = op == UnaryOp.EXP;
            for (int i = 0; i < n; i++) {
                double v = x[xo + i * xs];
                o[oo + i * os] = exp ? SleefDouble.exp(v) : SleefDouble.log(v);
            }
            return;
        }
        if (op == UnaryOp.SIGMOID) {
            int v = xs == 1 && os == 1 ? n - n % 8 : 0;
            for (int i = 0; i < n; i++) {
                double a = x[xo + i * xs];
                o[oo + i * os] = i < v ? SleefDouble.sigmoid(a) : 1.0 / (1.0 + Math.exp(-a));
            }
            return;
        }
        if (op == UnaryOp.GELU_TANH && xs == 1 && os == 1) {
            // cpu_kernel_vec: the vector code (SLEEF's tanh) on whole chunks of 8 doubles, the scalar one on the rest
            int v = n - n % 8;
            for (int i = 0; i < v; i++) o[oo + i] = MathFns.geluTanhVector(x[xo + i]);
            for (int i = v; i < n; i++) o[oo + i] = MathFns.geluTanh(x[xo + i]);
            return;
        }
        DoubleUnaryOperator f = FIRST_UNARY.contains(op) ? floatFn(op, p0, p1) : doubleFn(op, p0, p1);
        for (int i = 0; i < n; i++) o[oo + i * os] = f.applyAsDouble(x[xo + i * xs]);
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
            case DIV -> (a, b) -> {
                // callers promote integer division to float; this keeps the kernel total with PyTorch's message
                if (b == 0) throw new ArithmeticException("ZeroDivisionError");
                return a / b;
            };
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

    /** The first binary ops, whose float32 forms compute in double ({@link #floatFn(BinaryOp)}); the later ones have float forms. */
    private static final Set<BinaryOp> FIRST_BINARY = EnumSet.range(BinaryOp.ADD, BinaryOp.GE);

    @Override
    public void binary(BinaryOp op, Storage a, Layout al, Storage b, Layout bl, Storage out, Layout ol) {
        int n = ol.numel();
        if (n == 0) return;
        // contiguous operands, either of which may be a broadcast scalar (stride 0): one run
        int sa = unitOrZeroStride(al), sb = unitOrZeroStride(bl);
        boolean oneRun = ol.isContiguous() && sa >= 0 && sb >= 0;
        if (a instanceof Storage.F32 as && b instanceof Storage.F32 bs && out instanceof Storage.F32 os) {
            // gelu/mish backward: b is the forward input, whose layout picks PyTorch's algorithm (see BinaryOp)
            boolean dnnl = op == BinaryOp.GELU_BACKWARD && bl.isContiguous() && n > 1;
            if (oneRun) {
                float[] ad = as.data, bd = bs.data, od = os.data;
                int ao = al.offset(), bo = bl.offset(), oo = ol.offset();
                if (split(n)) {
                    Parallel.forRange(blocks(n), GRAIN / BLOCK, (b0, b1) -> {
                        int from = b0 * BLOCK, len = Math.min(b1 * BLOCK, n) - from;
                        binaryF32(op, dnnl, ad, ao + from * sa, sa, bd, bo + from * sb, sb, od, oo + from, 1, len);
                    });
                } else {
                    binaryF32(op, dnnl, ad, ao, sa, bd, bo, sb, od, oo, 1, n);
                }
                return;
            }
            Runs r = Runs.of(al, bl, ol);
            while (r.next()) {
                binaryF32(op, dnnl, as.data, r.base(0), r.stride(0), bs.data, r.base(1), r.stride(1), os.data, r.base(2), r.stride(2), r.length());
            }
        } else if (a instanceof Storage.F64 as && b instanceof Storage.F64 bs && out instanceof Storage.F64 os) {
            boolean xContiguous = bl.isContiguous();
            if (oneRun) {
                double[] ad = as.data, bd = bs.data, od = os.data;
                int ao = al.offset(), bo = bl.offset(), oo = ol.offset();
                if (split(n)) {
                    Parallel.forRange(blocks(n), GRAIN / BLOCK, (b0, b1) -> {
                        int from = b0 * BLOCK, len = Math.min(b1 * BLOCK, n) - from;
                        binaryF64(op, xContiguous, ad, ao + from * sa, sa, bd, bo + from * sb, sb, od, oo + from, 1, len);
                    });
                } else {
                    binaryF64(op, xContiguous, ad, ao, sa, bd, bo, sb, od, oo, 1, n);
                }
                return;
            }
            Runs r = Runs.of(al, bl, ol);
            while (r.next()) {
                binaryF64(op, xContiguous, as.data, r.base(0), r.stride(0), bs.data, r.base(1), r.stride(1), os.data, r.base(2), r.stride(2), r.length());
            }
        } else {
            binaryGeneric(op, a, al, b, bl, out, ol);
        }
    }

    /** 1 for a contiguous layout, 0 for one element broadcast over the whole shape, else -1. */
    private static int unitOrZeroStride(Layout l) {
        if (l.isContiguous()) return 1;
        for (int st : l.strides()) if (st != 0) return -1;
        return 0;
    }

    /**
     * One run of a float32 binary op: {@code o[oo + i·os] = op(a[ao + i·as], b[bo + i·bs])} for {@code i < n}
     * (a stride of 0 broadcasts one element). The Vector API kernels override it for unit and zero strides;
     * every override gives these bits. {@code dnnlGelu}: b (gelu_backward's forward input) is contiguous with more
     * than one element, so oneDNN's algorithm applies, as PyTorch 1.13.1.
     */
    protected void binaryF32(BinaryOp op, boolean dnnlGelu, float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
        if (op.ordinal() <= BinaryOp.DIV.ordinal() && os == 1 && as >= 0 && as <= 1 && bs >= 0 && bs <= 1) {
            arithmeticF32(op, a, ao, as, b, bo, bs, o, oo, n);
            return;
        }
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] + b[bo + i * bs]; }
            case SUB -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] - b[bo + i * bs]; }
            case MUL -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] * b[bo + i * bs]; }
            case DIV -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] / b[bo + i * bs]; }
            case ATAN2 -> {
                if (as == 1 && bs == 1 && os == 1) {
                    atan2Span(a, ao, b, bo, o, oo, n); // PyTorch's vectorised atan2 (SLEEF) with its scalar tail
                } else {
                    for (int i = 0; i < n; i++) o[oo + i * os] = (float) Math.atan2(a[ao + i * as], b[bo + i * bs]);
                }
            }
            case RELU_BACKWARD -> { for (int i = 0; i < n; i++) o[oo + i * os] = b[bo + i * bs] <= 0 ? 0f : a[ao + i * as]; }
            case GELU_TANH_BACKWARD -> {
                if (os == 1 && as >= 0 && as <= 1 && bs >= 0 && bs <= 1 && (as | bs) != 0) {
                    geluTanhBackwardSpan(a, ao, as, b, bo, bs, o, oo, n);
                } else {
                    for (int i = 0; i < n; i++) o[oo + i * os] = MathFns.geluTanhBackwardF(a[ao + i * as], b[bo + i * bs]);
                }
            }
            case TANH_BACKWARD -> {
                // PyTorch's kernel: grad * (1 - t*t) with the inner part fused into one float FMA
                for (int i = 0; i < n; i++) {
                    float t = b[bo + i * bs];
                    o[oo + i * os] = a[ao + i * as] * Math.fma(-t, t, 1f);
                }
            }
            default -> {
                FloatBinary f = floatBinary(op, dnnlGelu);
                for (int i = 0; i < n; i++) o[oo + i * os] = f.apply(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    /**
     * float32 + - * / with unit-stride output and unit or zero operand strides, as plain loops C2 can vectorise;
     * float arithmetic is correctly rounded, so these are the general loop's bits.
     */
    private static void arithmeticF32(BinaryOp op, float[] x, int ao, int as, float[] y, int bo, int bs, float[] o, int oo, int n) {
        if (bs == 0 && as == 1) {
            float c = y[bo];
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] + c; }
                case SUB -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] - c; }
                case MUL -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] * c; }
                default -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] / c; }
            }
        } else if (as == 0 && bs == 1) {
            float c = x[ao];
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) o[oo + i] = c + y[bo + i]; }
                case SUB -> { for (int i = 0; i < n; i++) o[oo + i] = c - y[bo + i]; }
                case MUL -> { for (int i = 0; i < n; i++) o[oo + i] = c * y[bo + i]; }
                default -> { for (int i = 0; i < n; i++) o[oo + i] = c / y[bo + i]; }
            }
        } else if (as == 1 && bs == 1) {
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] + y[bo + i]; }
                case SUB -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] - y[bo + i]; }
                case MUL -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] * y[bo + i]; }
                default -> { for (int i = 0; i < n; i++) o[oo + i] = x[ao + i] / y[bo + i]; }
            }
        } else {
            float c = x[ao], d = y[bo]; // both broadcast: one value everywhere
            float v = switch (op) {
                case ADD -> c + d;
                case SUB -> c - d;
                case MUL -> c * d;
                default -> c / d;
            };
            java.util.Arrays.fill(o, oo, oo + n, v);
        }
    }

    /** The float32 function of a binary op (first ops in double, rounded once; later ones as {@link #floatFn32(BinaryOp)}). */
    private static FloatBinary floatBinary(BinaryOp op, boolean dnnlGelu) {
        if (op == BinaryOp.GELU_BACKWARD) {
            return dnnlGelu ? (g, x) -> MathFns.geluDerivativeDnnlF(x) * g : (g, x) -> MathFns.geluBackwardF(g, x, false);
        }
        if (!FIRST_BINARY.contains(op)) return floatFn32(op);
        DoubleBinaryOperator f = floatFn(op);
        return (a, b) -> (float) f.applyAsDouble(a, b);
    }

    /** One run of a float64 binary op; {@code xContiguous}: b's whole layout is contiguous (for gelu_backward). */
    protected void binaryF64(BinaryOp op, boolean xContiguous, double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
        if (op == BinaryOp.GELU_TANH_BACKWARD && os == 1 && as >= 0 && as <= 1 && bs >= 0 && bs <= 1 && (as | bs) != 0) {
            // cpu_kernel_vec: the vector code (SLEEF's tanh) on whole chunks of 8 doubles, the scalar one on the rest
            int v = n - n % 8;
            for (int i = 0; i < n; i++) {
                double x = b[bo + i * bs], u = MathFns.geluTanhInner(x);
                o[oo + i] = MathFns.geluTanhBackward(a[ao + i * as], x, i < v ? MathFns.tanhSleefRange(u) : StrictMath.tanh(u));
            }
            return;
        }
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] + b[bo + i * bs]; }
            case SUB -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] - b[bo + i * bs]; }
            case MUL -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] * b[bo + i * bs]; }
            case DIV -> { for (int i = 0; i < n; i++) o[oo + i * os] = a[ao + i * as] / b[bo + i * bs]; }
            case RELU_BACKWARD -> { for (int i = 0; i < n; i++) o[oo + i * os] = b[bo + i * bs] <= 0 ? 0.0 : a[ao + i * as]; }
            default -> {
                DoubleBinaryOperator f = op == BinaryOp.GELU_BACKWARD ? (g, x) -> MathFns.geluBackward(g, x, xContiguous)
                        : FIRST_BINARY.contains(op) ? floatFn(op) : doubleFn(op);
                for (int i = 0; i < n; i++) o[oo + i * os] = f.applyAsDouble(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    /** Every other dtype combination: bool outputs, int64, bool and mixed float operands, one element at a time. */
    private static void binaryGeneric(BinaryOp op, Storage a, Layout al, Storage b, Layout bl, Storage out, Layout ol) {
        Runs r = Runs.of(al, bl, ol);
        int len = r.length(), sa = r.stride(0), sb = r.stride(1), so = r.stride(2);
        if (op == BinaryOp.LOGICAL_AND || op == BinaryOp.LOGICAL_OR) {
            boolean and = op == BinaryOp.LOGICAL_AND;
            while (r.next()) {
                for (int i = 0, ai = r.base(0), bi = r.base(1), oi = r.base(2); i < len; i++, ai += sa, bi += sb, oi += so) {
                    // getDouble is exact enough here: only zero maps to 0.0, and NaN != 0 is true, as in PyTorch
                    boolean x = a.getDouble(ai) != 0, y = b.getDouble(bi) != 0;
                    out.setLong(oi, (and ? x && y : x || y) ? 1 : 0);
                }
            }
            return;
        }
        if (a.dtype().isFloatingPoint() && b.dtype().isFloatingPoint()) {
            boolean xContiguous = bl.isContiguous();
            DoubleBinaryOperator f = op == BinaryOp.GELU_BACKWARD ? (g, x) -> MathFns.geluBackward(g, x, xContiguous)
                    : FIRST_BINARY.contains(op) ? floatFn(op) : doubleFn(op);
            while (r.next()) {
                for (int i = 0, ai = r.base(0), bi = r.base(1), oi = r.base(2); i < len; i++, ai += sa, bi += sb, oi += so) {
                    out.setDouble(oi, f.applyAsDouble(a.getDouble(ai), b.getDouble(bi)));
                }
            }
            return;
        }
        LongBinaryOperator f;
        if (FIRST_BINARY.contains(op)) {
            f = longFn(op, a.dtype() == DType.BOOL);
        } else {
            DType t = a.dtype() == DType.BOOL || b.dtype() == DType.BOOL ? DType.BOOL : DType.INT64;
            if (op == BinaryOp.RELU_BACKWARD) {
                if (t == DType.BOOL) throw notImplemented("threshold_cpu", t);
                f = (g, x) -> x <= 0 ? 0 : g;
            } else {
                if (t == DType.BOOL || (op != BinaryOp.FMOD && op != BinaryOp.REMAINDER && op != BinaryOp.DIV_TRUNC && op != BinaryOp.DIV_FLOOR)) {
                    throw notImplemented(op == BinaryOp.GELU_BACKWARD || op == BinaryOp.GELU_TANH_BACKWARD ? "GeluBackwardKernelImpl"
                            : op.name().toLowerCase() + "_cpu", t);
                }
                f = (x, y) -> {
                    if (y == 0) throw new ArithmeticException("ZeroDivisionError"); // PyTorch's TORCH_CHECK message
                    // Java's % and / truncate like C++'s; Long.MIN_VALUE % -1 is 0 here (PyTorch's process traps instead)
                    return switch (op) {
                        case FMOD -> x % y;
                        case DIV_TRUNC -> x / y;
                        case DIV_FLOOR -> (x < 0) != (y < 0) && x % y != 0 ? x / y - 1 : x / y;
                        default -> MathFns.remainder(x, y);
                    };
                };
            }
        }
        while (r.next()) {
            for (int i = 0, ai = r.base(0), bi = r.base(1), oi = r.base(2); i < len; i++, ai += sa, bi += sb, oi += so) {
                out.setLong(oi, f.applyAsLong(a.getLong(ai), b.getLong(bi)));
            }
        }
    }

    @Override
    public void addScaled(double alpha, Storage a, Layout al, Storage b, Layout bl, Storage out, Layout ol) {
        int n = ol.numel();
        if (n == 0) return;
        if (a instanceof Storage.F32 as && b instanceof Storage.F32 bs && out instanceof Storage.F32 os) {
            float f = (float) alpha;
            if (al.isContiguous() && bl.isContiguous() && ol.isContiguous()) {
                float[] ad = as.data, bd = bs.data, od = os.data;
                int ao = al.offset(), bo = bl.offset(), oo = ol.offset();
                if (split(n)) {
                    Parallel.forRange(blocks(n), GRAIN / BLOCK, (b0, b1) -> {
                        int from = b0 * BLOCK, len = Math.min(b1 * BLOCK, n) - from;
                        addScaledF32(f, ad, ao + from, 1, bd, bo + from, 1, od, oo + from, 1, len);
                    });
                } else {
                    addScaledF32(f, ad, ao, 1, bd, bo, 1, od, oo, 1, n);
                }
                return;
            }
            Runs r = Runs.of(al, bl, ol);
            while (r.next()) {
                addScaledF32(f, as.data, r.base(0), r.stride(0), bs.data, r.base(1), r.stride(1), os.data, r.base(2), r.stride(2), r.length());
            }
        } else if (a instanceof Storage.F64 as && b instanceof Storage.F64 bs && out instanceof Storage.F64 os) {
            if (al.isContiguous() && bl.isContiguous() && ol.isContiguous()) {
                double[] ad = as.data, bd = bs.data, od = os.data;
                int ao = al.offset(), bo = bl.offset(), oo = ol.offset();
                if (split(n)) {
                    Parallel.forRange(blocks(n), GRAIN / BLOCK, (b0, b1) -> {
                        int from = b0 * BLOCK, len = Math.min(b1 * BLOCK, n) - from;
                        addScaledF64(alpha, ad, ao + from, 1, bd, bo + from, 1, od, oo + from, 1, len);
                    });
                } else {
                    addScaledF64(alpha, ad, ao, 1, bd, bo, 1, od, oo, 1, n);
                }
                return;
            }
            Runs r = Runs.of(al, bl, ol);
            while (r.next()) {
                addScaledF64(alpha, as.data, r.base(0), r.stride(0), bs.data, r.base(1), r.stride(1), os.data, r.base(2), r.stride(2), r.length());
            }
        } else {
            boolean bool = out.dtype() == DType.BOOL;
            // Scalar::to<int64_t> truncates; to<bool> is alpha != 0
            long f = bool ? (alpha != 0 ? 1 : 0) : (long) alpha;
            Runs r = Runs.of(al, bl, ol);
            int len = r.length(), sa = r.stride(0), sb = r.stride(1), so = r.stride(2);
            while (r.next()) {
                for (int i = 0, ai = r.base(0), bi = r.base(1), oi = r.base(2); i < len; i++, ai += sa, bi += sb, oi += so) {
                    long v = a.getLong(ai) + f * b.getLong(bi);
                    out.setLong(oi, bool ? (v != 0 ? 1 : 0) : v);
                }
            }
        }
    }

    /**
     * One run of float32 {@link #addScaled}: {@code o[oo + i·os] = fma(b[bo + i·bs], alpha, a[ao + i·as])}. The
     * Vector API kernels override it for unit strides with the same fused multiply-add.
     */
    protected void addScaledF32(float alpha, float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int os, int n) {
        for (int i = 0; i < n; i++) o[oo + i * os] = Math.fma(b[bo + i * bs], alpha, a[ao + i * as]);
    }

    /** One run of float64 {@link #addScaled}, as {@link #addScaledF32}. */
    protected void addScaledF64(double alpha, double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int os, int n) {
        for (int i = 0; i < n; i++) o[oo + i * os] = Math.fma(b[bo + i * bs], alpha, a[ao + i * as]);
    }

    @Override
    public void addcmul(boolean div, double value, Storage self, Layout sl, Storage t1, Layout l1, Storage t2, Layout l2, Storage out,
                        Layout ol) {
        if (out.dtype() == DType.BOOL) throw notImplemented(div ? "addcdiv_cpu_out" : "addcmul_cpu_out", DType.BOOL);
        int n = ol.numel();
        if (n == 0) return;
        boolean contiguous = sl.isContiguous() && l1.isContiguous() && l2.isContiguous() && ol.isContiguous();
        if (self instanceof Storage.F32 ss && t1 instanceof Storage.F32 s1 && t2 instanceof Storage.F32 s2
                && out instanceof Storage.F32 os) {
            float v = (float) value;
            if (contiguous) {
                float[] sd = ss.data, d1 = s1.data, d2 = s2.data, od = os.data;
                int so = sl.offset(), o1 = l1.offset(), o2 = l2.offset(), oo = ol.offset();
                if (split(n)) {
                    Parallel.forRange(blocks(n), GRAIN / BLOCK, (b0, b1) -> {
                        int from = b0 * BLOCK, len = Math.min(b1 * BLOCK, n) - from;
                        addcF32(div, v, sd, so + from, 1, d1, o1 + from, 1, d2, o2 + from, 1, od, oo + from, 1, len);
                    });
                } else {
                    addcF32(div, v, sd, so, 1, d1, o1, 1, d2, o2, 1, od, oo, 1, n);
                }
                return;
            }
            Runs r = Runs.of(sl, l1, l2, ol);
            while (r.next()) {
                addcF32(div, v, ss.data, r.base(0), r.stride(0), s1.data, r.base(1), r.stride(1), s2.data, r.base(2), r.stride(2),
                        os.data, r.base(3), r.stride(3), r.length());
            }
        } else if (self instanceof Storage.F64 ss && t1 instanceof Storage.F64 s1 && t2 instanceof Storage.F64 s2
                && out instanceof Storage.F64 os) {
            if (contiguous) {
                double[] sd = ss.data, d1 = s1.data, d2 = s2.data, od = os.data;
                int so = sl.offset(), o1 = l1.offset(), o2 = l2.offset(), oo = ol.offset();
                if (split(n)) {
                    Parallel.forRange(blocks(n), GRAIN / BLOCK, (b0, b1) -> {
                        int from = b0 * BLOCK, len = Math.min(b1 * BLOCK, n) - from;
                        addcF64(div, value, sd, so + from, 1, d1, o1 + from, 1, d2, o2 + from, 1, od, oo + from, 1, len);
                    });
                } else {
                    addcF64(div, value, sd, so, 1, d1, o1, 1, d2, o2, 1, od, oo, 1, n);
                }
                return;
            }
            Runs r = Runs.of(sl, l1, l2, ol);
            while (r.next()) {
                addcF64(div, value, ss.data, r.base(0), r.stride(0), s1.data, r.base(1), r.stride(1), s2.data, r.base(2), r.stride(2),
                        os.data, r.base(3), r.stride(3), r.length());
            }
        } else {
            if (div) throw notImplemented("addcdiv_cpu_out", out.dtype());
            long v = (long) value;
            Runs r = Runs.of(sl, l1, l2, ol);
            int len = r.length(), a = r.stride(0), b = r.stride(1), c = r.stride(2), d = r.stride(3);
            while (r.next()) {
                for (int i = 0, si = r.base(0), i1 = r.base(1), i2 = r.base(2), oi = r.base(3); i < len; i++, si += a, i1 += b, i2 += c, oi += d) {
                    out.setLong(oi, self.getLong(si) + v * t1.getLong(i1) * t2.getLong(i2));
                }
            }
        }
    }

    /**
     * One run of float32 {@link #addcmul}: {@code o = fma(v·t1, t2, s)}, or {@code s + (v·t1)/t2} when {@code div}.
     * The Vector API kernels override it for unit strides with the same operations lane by lane.
     */
    protected void addcF32(boolean div, float v, float[] s, int so, int ss, float[] t1, int o1, int s1, float[] t2, int o2, int s2,
                           float[] o, int oo, int os, int n) {
        if (div) {
            for (int i = 0; i < n; i++) o[oo + i * os] = s[so + i * ss] + v * t1[o1 + i * s1] / t2[o2 + i * s2];
        } else {
            for (int i = 0; i < n; i++) o[oo + i * os] = Math.fma(v * t1[o1 + i * s1], t2[o2 + i * s2], s[so + i * ss]);
        }
    }

    /** One run of float64 {@link #addcmul}, as {@link #addcF32}. */
    protected void addcF64(boolean div, double v, double[] s, int so, int ss, double[] t1, int o1, int s1, double[] t2, int o2, int s2,
                           double[] o, int oo, int os, int n) {
        if (div) {
            for (int i = 0; i < n; i++) o[oo + i * os] = s[so + i * ss] + v * t1[o1 + i * s1] / t2[o2 + i * s2];
        } else {
            for (int i = 0; i < n; i++) o[oo + i * os] = Math.fma(v * t1[o1 + i * s1], t2[o2 + i * s2], s[so + i * ss]);
        }
    }

    @Override
    public void where(Storage cond, Layout cl, Storage a, Layout al, Storage b, Layout bl, Storage out, Layout ol) {
        if (ol.numel() == 0) return;
        boolean[] c = ((Storage.Bool) cond).data;
        boolean floating = out.dtype().isFloatingPoint();
        Runs r = Runs.of(cl, al, bl, ol);
        int len = r.length(), sc = r.stride(0), sa = r.stride(1), sb = r.stride(2), so = r.stride(3);
        while (r.next()) {
            for (int i = 0, ci = r.base(0), ai = r.base(1), bi = r.base(2), oi = r.base(3); i < len; i++, ci += sc, ai += sa, bi += sb, oi += so) {
                if (floating) out.setDouble(oi, c[ci] ? a.getDouble(ai) : b.getDouble(bi));
                else out.setLong(oi, c[ci] ? a.getLong(ai) : b.getLong(bi));
            }
        }
    }

    // ---------------------------------------------------------------- copy / fill

    @Override
    public void copy(Storage src, Layout sl, Storage dst, Layout dl) {
        int n = dl.numel();
        if (n == 0) return; // an empty view may have an offset past the end of its storage
        if (src.dtype() == dst.dtype() && sl.isContiguous() && dl.isContiguous()) {
            copyContiguous(src, sl.offset(), dst, dl.offset(), n);
            return;
        }
        Runs r = Runs.of(sl, dl);
        int len = r.length(), ss = r.stride(0), ds = r.stride(1);
        if (src instanceof Storage.F32 s && dst instanceof Storage.F32 d) {
            float[] x = s.data, y = d.data;
            while (r.next()) {
                if (ss == 1 && ds == 1) System.arraycopy(x, r.base(0), y, r.base(1), len);
                else for (int i = 0, si = r.base(0), di = r.base(1); i < len; i++, si += ss, di += ds) y[di] = x[si];
            }
        } else if (src instanceof Storage.F64 s && dst instanceof Storage.F64 d) {
            double[] x = s.data, y = d.data;
            while (r.next()) {
                if (ss == 1 && ds == 1) System.arraycopy(x, r.base(0), y, r.base(1), len);
                else for (int i = 0, si = r.base(0), di = r.base(1); i < len; i++, si += ss, di += ds) y[di] = x[si];
            }
        } else if (src.dtype().isFloatingPoint() && dst.dtype() != DType.INT64) {
            while (r.next()) for (int i = 0, si = r.base(0), di = r.base(1); i < len; i++, si += ss, di += ds) dst.setDouble(di, src.getDouble(si));
        } else if (src.dtype().isFloatingPoint()) {
            while (r.next()) for (int i = 0, si = r.base(0), di = r.base(1); i < len; i++, si += ss, di += ds) dst.setLong(di, (long) src.getDouble(si));
        } else if (dst.dtype().isFloatingPoint()) {
            while (r.next()) for (int i = 0, si = r.base(0), di = r.base(1); i < len; i++, si += ss, di += ds) dst.setDouble(di, (double) src.getLong(si));
        } else {
            while (r.next()) for (int i = 0, si = r.base(0), di = r.base(1); i < len; i++, si += ss, di += ds) dst.setLong(di, src.getLong(si));
        }
    }

    private static void copyContiguous(Storage src, int so, Storage dst, int dof, int n) {
        switch (src) {
            case Storage.F32 s -> System.arraycopy(s.data, so, ((Storage.F32) dst).data, dof, n);
            case Storage.F64 s -> System.arraycopy(s.data, so, ((Storage.F64) dst).data, dof, n);
            case Storage.I64 s -> System.arraycopy(s.data, so, ((Storage.I64) dst).data, dof, n);
            case Storage.Bool s -> System.arraycopy(s.data, so, ((Storage.Bool) dst).data, dof, n);
        }
    }

    @Override
    public void fill(Storage dst, Layout dl, double v) {
        int n = dl.numel();
        if (n == 0) return;
        Runs r = dl.isContiguous() ? null : Runs.of(dl);
        int len = r == null ? n : r.length(), ds = r == null ? 1 : r.stride(0);
        boolean first = true;
        while (r == null ? first : r.next()) {
            int base = r == null ? dl.offset() : r.base(0);
            first = false;
            switch (dst) {
                case Storage.F32 d -> {
                    if (ds == 1) java.util.Arrays.fill(d.data, base, base + len, (float) v);
                    else for (int i = 0; i < len; i++) d.data[base + i * ds] = (float) v;
                }
                case Storage.F64 d -> {
                    if (ds == 1) java.util.Arrays.fill(d.data, base, base + len, v);
                    else for (int i = 0; i < len; i++) d.data[base + i * ds] = v;
                }
                case Storage.I64 d -> {
                    for (int i = 0; i < len; i++) d.data[base + i * ds] = (long) v;
                }
                case Storage.Bool d -> {
                    for (int i = 0; i < len; i++) d.data[base + i * ds] = v != 0;
                }
            }
        }
    }

    // ---------------------------------------------------------------- reductions

    /**
     * Storage offsets of every index of the first {@code lead} dimensions of {@code l}, row-major: the first
     * element of each row of the trailing dimensions (one int per row, not per element).
     */
    static int[] rowOffsets(Layout l, int lead) {
        int[] shape = l.shape(), st = l.strides();
        int rows = 1;
        for (int d = 0; d < lead; d++) rows *= shape[d];
        int[] out = new int[rows];
        if (rows == 0) return out;
        Runs r = Runs.of(new Layout(java.util.Arrays.copyOf(shape, lead), java.util.Arrays.copyOf(st, lead), l.offset()));
        int len = r.length(), s = r.stride(0), k = 0;
        while (r.next()) for (int i = 0, p = r.base(0); i < len; i++, p += s) out[k++] = p;
        return out;
    }

    /** The trailing {@code dims} dimensions of {@code l} as a layout at offset 0 (one row of a reduction). */
    static Layout trailing(Layout l, int dims) {
        int nd = l.dim();
        return new Layout(java.util.Arrays.copyOfRange(l.shape(), nd - dims, nd), java.util.Arrays.copyOfRange(l.strides(), nd - dims, nd), 0);
    }

    @Override
    public void reduce(ReduceOp op, Storage x, Layout xl, int reducedDims, Storage out) {
        int lead = xl.dim() - reducedDims;
        int[] rows = rowOffsets(xl, lead);
        Layout row = trailing(xl, reducedDims); // an empty row has no runs: each op gives its identity
        boolean floating = x.dtype().isFloatingPoint();
        Runs probe = Runs.of(row);
        if (op == ReduceOp.SUM && floating && probe.count() == 1 && probe.length() > 0 && columns(xl, lead, probe, x, out)) return;
        if (op == ReduceOp.SUM && floating && probe.count() > 1) {
            cascadeBlocks(x, xl, lead, out);
            return;
        }
        if (floating && op != ReduceOp.ALL && op != ReduceOp.ANY && probe.count() <= 1) {
            // each row is one run (or empty: no run, the op's identity): typed loops over the array
            int len = probe.count() == 0 ? 0 : probe.length(), stride = probe.stride(0);
            for (int r = 0; r < rows.length; r++) {
                if (x instanceof Storage.F32 f) out.setDouble(r, reduceRowF32(op, f.data, rows[r], stride, len));
                else out.setDouble(r, reduceRowF64(op, ((Storage.F64) x).data, rows[r], stride, len));
            }
            return;
        }
        for (int r = 0; r < rows.length; r++) {
            Runs runs = Runs.of(row);
            if (op == ReduceOp.ALL || op == ReduceOp.ANY) {
                out.setLong(r, allAny(op == ReduceOp.ALL, x, rows[r], runs) ? 1 : 0);
            } else if (floating) {
                out.setDouble(r, reduceDouble(op, x, rows[r], runs));
            } else {
                out.setLong(r, reduceLong(op, x, rows[r], runs));
            }
        }
    }

    /**
     * One row of a float32 reduction ({@code n ≥ 1} elements at {@code stride}): sum, prod, max or min, the
     * result as a double holding the float32 value. The Vector API kernels override it for unit strides.
     */
    protected double reduceRowF32(ReduceOp op, float[] x, int off, int stride, int n) {
        switch (op) {
            case SUM -> {
                return CascadeSum.sumF32(x, off, stride, n); // PyTorch's cascade sum, in float32, bit for bit
            }
            case PROD -> {
                double prod = 1;
                for (int i = 0; i < n; i++) prod *= x[off + i * stride];
                return (float) prod;
            }
            default -> {
                boolean max = op == ReduceOp.MAX;
                float m = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    float v = x[off + i * stride];
                    if (v != v) return v;
                    if (max ? v > m : v < m) m = v;
                }
                return m;
            }
        }
    }

    /** One row of a float64 reduction, as {@link #reduceRowF32}. */
    protected double reduceRowF64(ReduceOp op, double[] x, int off, int stride, int n) {
        switch (op) {
            case SUM -> {
                return CascadeSum.sumF64(x, off, stride, n);
            }
            case PROD -> {
                double prod = 1;
                for (int i = 0; i < n; i++) prod *= x[off + i * stride];
                return prod;
            }
            default -> {
                boolean max = op == ReduceOp.MAX;
                double m = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double v = x[off + i * stride];
                    if (v != v) return v;
                    if (max ? v > m : v < m) m = v;
                }
                return m;
            }
        }
    }

    /**
     * A sum over one dimension that is not the innermost in memory while the kept dimensions are (PyTorch's
     * {@code x.sum(0)} of a row-major matrix): PyTorch vectorises across the output columns, a cascade per column
     * ({@link #sumColumnsF32}). Returns false when the layout is not of that shape.
     */
    private boolean columns(Layout xl, int lead, Runs row, Storage x, Storage out) {
        if (lead == 0) return false;
        Runs kept = Runs.of(new Layout(java.util.Arrays.copyOf(xl.shape(), lead), java.util.Arrays.copyOf(xl.strides(), lead), xl.offset()));
        if (kept.count() != 1 || kept.stride(0) != 1 || kept.length() < 2 || row.stride(0) < kept.length()) return false;
        int rows = row.length(), cols = kept.length();
        if (x instanceof Storage.F32 f && out instanceof Storage.F32 o) {
            sumColumnsF32(f.data, xl.offset(), rows, row.stride(0), cols, o.data, 0);
        } else if (x instanceof Storage.F64 f && out instanceof Storage.F64 o) {
            sumColumnsF64(f.data, xl.offset(), rows, row.stride(0), cols, o.data, 0);
        } else {
            return false;
        }
        return true;
    }

    /**
     * A float sum whose reduced block is not one run (several reduced dims, or views), in PyTorch's loop order:
     * the dimensions without size 1 are ordered reduced ones first (innermost), each group by input stride, and
     * merged where stored back to back; the two innermost form the 2-d block ATen's sum kernel receives
     * ({@link #reduceBlockF32}), the rest are looped over, each block adding into the zeroed outputs.
     */
    private void cascadeBlocks(Storage x, Layout xl, int lead, Storage out) {
        int nd = xl.dim();
        int[] shape = xl.shape(), st = xl.strides();
        int[] outSt = new int[nd];
        for (int d = lead - 1, s = 1; d >= 0; d--) {
            outSt[d] = s;
            s *= shape[d];
        }
        // dims in loop order, innermost first: reduced then kept, each by stride
        Integer[] order = new Integer[nd];
        int m = 0;
        for (int d = 0; d < nd; d++) if (shape[d] != 1) order[m++] = d;
        Integer[] dims = java.util.Arrays.copyOf(order, m);
        java.util.Arrays.sort(dims, (a, b) -> {
            boolean ra = a >= lead, rb = b >= lead;
            if (ra != rb) return ra ? -1 : 1;
            return Integer.compare(st[a], st[b]);
        });
        int[] size = new int[m], stride = new int[m], ostride = new int[m];
        boolean[] reduced = new boolean[m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            int d = dims[i];
            boolean r = d >= lead;
            if (k > 0 && reduced[k - 1] == r && st[d] == stride[k - 1] * size[k - 1] && (r || outSt[d] == ostride[k - 1] * size[k - 1])) {
                size[k - 1] *= shape[d];
                continue;
            }
            size[k] = shape[d];
            stride[k] = st[d];
            ostride[k] = r ? 0 : outSt[d];
            reduced[k] = r;
            k++;
        }
        int outN = out.size();
        for (int i = 0; i < outN; i++) out.setDouble(i, 0);
        int s0 = k > 0 ? size[0] : 1, t0 = k > 0 ? stride[0] : 0;
        int s1 = k > 1 ? size[1] : 1, t1 = k > 1 ? stride[1] : 0, o1 = k > 1 ? ostride[1] : 0;
        // the outer dims: an odometer over x's and out's offsets
        int outer = 1;
        for (int i = 2; i < k; i++) outer *= size[i];
        int[] ctr = new int[Math.max(k, 2)];
        int xb = xl.offset(), ob = 0;
        for (int it = 0; it < outer; it++) {
            if (x instanceof Storage.F32 f) reduceBlockF32(f.data, xb, s0, t0, s1, t1, ((Storage.F32) out).data, ob, o1);
            else reduceBlockF64(((Storage.F64) x).data, xb, s0, t0, s1, t1, ((Storage.F64) out).data, ob, o1);
            for (int i = 2; i < k; i++) {
                xb += stride[i];
                ob += ostride[i];
                if (++ctr[i] < size[i]) break;
                xb -= stride[i] * size[i];
                ob -= ostride[i] * size[i];
                ctr[i] = 0;
            }
        }
    }

    /**
     * One 2-d block of ATen's sum kernel, added into the outputs ({@code outStride} 0: one output); see
     * {@link CascadeSum#reduceBlockF32}. The Vector API kernels override it with the same bits.
     */
    protected void reduceBlockF32(float[] x, int off, int size0, int stride0, int size1, int stride1, float[] out, int oo, int outStride) {
        CascadeSum.reduceBlockF32(x, off, size0, stride0, size1, stride1, out, oo, outStride);
    }

    /** The float64 form of {@link #reduceBlockF32}. */
    protected void reduceBlockF64(double[] x, int off, int size0, int stride0, int size1, int stride1, double[] out, int oo, int outStride) {
        CascadeSum.reduceBlockF64(x, off, size0, stride0, size1, stride1, out, oo, outStride);
    }

    /**
     * {@code out[oo + j] = Σ_r x[off + r·rowStride + j]} for {@code j < cols}, PyTorch's column cascade; the
     * Vector API kernels override it with the same bits.
     */
    protected void sumColumnsF32(float[] x, int off, int rows, int rowStride, int cols, float[] out, int oo) {
        CascadeSum.sumColumnsF32(x, off, rows, rowStride, cols, out, oo);
    }

    /** The float64 form of {@link #sumColumnsF32}. */
    protected void sumColumnsF64(double[] x, int off, int rows, int rowStride, int cols, double[] out, int oo) {
        CascadeSum.sumColumnsF64(x, off, rows, rowStride, cols, out, oo);
    }

    /** all: no zero in the row (true when empty); any: some nonzero. NaN != 0, so NaN counts as true. */
    private static boolean allAny(boolean all, Storage x, int base, Runs r) {
        int len = r.length(), s = r.stride(0);
        while (r.next()) {
            for (int i = 0, p = base + r.base(0); i < len; i++, p += s) {
                if ((x.getDouble(p) != 0) != all) return !all;
            }
        }
        return all;
    }

    private static double reduceDouble(ReduceOp op, Storage x, int base, Runs r) {
        int len = r.length(), s = r.stride(0);
        switch (op) {
            case SUM -> throw new IllegalStateException("float sums are the cascade's (reduceRowF32, cascadeBlocks)");
            case PROD -> {
                double prod = 1;
                while (r.next()) for (int i = 0, p = base + r.base(0); i < len; i++, p += s) prod *= x.getDouble(p);
                return prod;
            }
            default -> {
                boolean max = op == ReduceOp.MAX;
                double m = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                while (r.next()) {
                    for (int i = 0, p = base + r.base(0); i < len; i++, p += s) {
                        double v = x.getDouble(p);
                        if (v != v) return v;
                        if (max ? v > m : v < m) m = v;
                    }
                }
                return m;
            }
        }
    }

    private static long reduceLong(ReduceOp op, Storage x, int base, Runs r) {
        int len = r.length(), s = r.stride(0);
        long acc = switch (op) {
            case SUM -> 0;
            case PROD -> 1;
            case MAX -> Long.MIN_VALUE;
            case MIN -> Long.MAX_VALUE;
            case ALL, ANY -> throw new IllegalStateException(op + " is handled in reduce");
        };
        while (r.next()) {
            for (int i = 0, p = base + r.base(0); i < len; i++, p += s) {
                long v = x.getLong(p);
                acc = switch (op) {
                    case SUM -> acc + v;
                    case PROD -> acc * v;
                    case MAX -> Math.max(acc, v);
                    case MIN -> Math.min(acc, v);
                    case ALL, ANY -> throw new IllegalStateException(op + " is handled in reduce");
                };
            }
        }
        return acc;
    }

    @Override
    public void argReduce(boolean max, Storage x, Layout xl, Storage values, Storage indices) {
        int nd = xl.dim();
        int len = xl.size(nd - 1), step = xl.strides()[nd - 1];
        if (len == 0) return;
        int[] rows = rowOffsets(xl, nd - 1);
        boolean floating = x.dtype().isFloatingPoint();
        for (int r = 0; r < rows.length; r++) {
            int base = rows[r];
            int best = 0;
            if (floating) {
                double m = x.getDouble(base);
                for (int k = 1; k < len && m == m; k++) {
                    double v = x.getDouble(base + k * step);
                    if (v != v || (max ? v > m : v < m)) {
                        m = v;
                        best = k;
                    }
                }
                values.setDouble(r, m);
            } else {
                long m = x.getLong(base);
                for (int k = 1; k < len; k++) {
                    long v = x.getLong(base + k * step);
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

    /** Products of at least this many multiply-adds go to an opted-in system BLAS ({@link NativeBlas}); smaller ones stay in Java. */
    static final long BLAS_MIN = 64L * 64 * 64;

    @Override
    public void matmul(Storage a, Layout al, Storage b, Layout bl, Storage c, Layout cl) {
        int[] as = al.strides(), bs = bl.strides();
        matmul(al.size(0), al.size(1), al.size(2), bl.size(2), a, al.offset(), as[0], as[1], as[2], b, bl.offset(), bs[0], bs[1], bs[2],
                c, cl.offset());
    }

    @Override
    public void matmul(int batch, int m, int k, int n, Storage a, int aOff, int abs, int ars, int acs, Storage b, int bOff, int bbs,
                       int brs, int bcs, Storage c, int cOff) {
        NativeBlas blas = NativeBlas.get();
        if (blas != null && (long) m * n * k >= BLAS_MIN && a.dtype().isFloatingPoint()
                && NativeBlas.accepts(m, k, ars, acs) && NativeBlas.accepts(k, n, brs, bcs)) {
            // the opted-in system BLAS, one call per batch (a broadcast batch has stride 0)
            for (int bi = 0; bi < batch; bi++) {
                int ao = aOff + bi * abs, bo = bOff + bi * bbs, co = cOff + bi * m * n;
                if (a instanceof Storage.F32 x) {
                    blas.sgemm(m, n, k, x.data, ao, ars, acs, ((Storage.F32) b).data, bo, brs, bcs, ((Storage.F32) c).data, co, n);
                } else {
                    blas.dgemm(m, n, k, ((Storage.F64) a).data, ao, ars, acs, ((Storage.F64) b).data, bo, brs, bcs,
                            ((Storage.F64) c).data, co, n);
                }
            }
            return;
        }
        if (a instanceof Storage.F32 x) {
            gemmF32(batch, m, n, k, x.data, aOff, abs, ars, acs, ((Storage.F32) b).data, bOff, bbs, brs, bcs,
                    ((Storage.F32) c).data, cOff);
        } else if (a instanceof Storage.F64 x) {
            gemmF64(batch, m, n, k, x.data, aOff, abs, ars, acs, ((Storage.F64) b).data, bOff, bbs, brs, bcs,
                    ((Storage.F64) c).data, cOff);
        } else {
            // int64: exact, wrapping on overflow; read through the strides
            for (int bi = 0; bi < batch; bi++) {
                for (int i = 0; i < m; i++) {
                    int arow = aOff + bi * abs + i * ars;
                    for (int j = 0; j < n; j++) {
                        int bcol = bOff + bi * bbs + j * bcs;
                        long s = 0;
                        for (int p = 0; p < k; p++) s += a.getLong(arow + p * acs) * b.getLong(bcol + p * brs);
                        c.setLong(cOff + (bi * m + i) * n + j, s);
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
        if (il.numel() == 0) return;
        long[] idx = ((Storage.I64) index).data;
        int[] shape = il.shape();
        int[] xst = xl.strides();
        boolean floating = x.dtype().isFloatingPoint();
        Runs r = Runs.of(il, ol);
        int len = r.length(), si = r.stride(0), so = r.stride(1), i = 0;
        while (r.next()) {
            for (int k = 0, ip = r.base(0), o = r.base(1); k < len; k++, ip += si, o += so, i++) {
                int xpos = indexedPosition(i, shape, dim, idx[ip], xst, xl.offset());
                if (floating) out.setDouble(o, x.getDouble(xpos));
                else out.setLong(o, x.getLong(xpos));
            }
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
            case LIBM_LOG -> org.autograd4j.math.Libm::log;
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
            case LIBM_LOG -> x -> (float) org.autograd4j.math.Libm.log(x);
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
            case DIV_TRUNC -> (a, b) -> MathFns.trunc(a / b);
            case DIV_FLOOR -> MathFns::divFloor;
            case HYPOT -> Math::hypot;
            case LOGADDEXP -> MathFns::logaddexp;
            case XLOGY -> MathFns::xlogy;
            case GELU_BACKWARD -> (g, x) -> MathFns.geluBackward(g, x, true);
            case GELU_TANH_BACKWARD -> (g, x) -> MathFns.geluTanhBackward(g, x, StrictMath.tanh(MathFns.geluTanhInner(x)));
            case MISH_BACKWARD -> MathFns::mishBackward;
            case RELU_BACKWARD -> (g, x) -> x <= 0 ? 0.0 : g;
            default -> throw new IllegalStateException(op + " has no float64 function");
        };
    }

    private static FloatBinary floatFn32(BinaryOp op) {
        return switch (op) {
            case ATAN2 -> (a, b) -> (float) Math.atan2(a, b);
            case FMOD -> MathFns::fmodF;
            case REMAINDER -> MathFns::remainderF;
            case DIV_TRUNC -> (a, b) -> (float) MathFns.trunc(a / b);
            case DIV_FLOOR -> MathFns::divFloorF;
            case HYPOT -> MathFns::hypotF;
            case LOGADDEXP -> MathFns::logaddexpF;
            case XLOGY -> MathFns::xlogyF;
            case GELU_BACKWARD -> (g, x) -> MathFns.geluBackwardF(g, x, false);
            case GELU_TANH_BACKWARD -> MathFns::geluTanhBackwardF;
            case MISH_BACKWARD -> MathFns::mishBackwardF;
            case RELU_BACKWARD -> (g, x) -> x <= 0 ? 0f : g;
            default -> throw new IllegalStateException(op + " has no float32 function");
        };
    }


    // ---------------------------------------------------------------- softmax

    /**
     * PyTorch's AVX2 {@code vec::reduce_all} for a sum of float32: eight lane accumulators over whole groups of
     * eight, the tail added into the first lanes, then the lanes folded as {@code vec_reduce_all}'s shuffles do
     * ((0+4)+(2+6))+((1+5)+(3+7)); below eight elements the lanes are added in order. {@code acc} is scratch.
     */
    protected static float laneSumF32(float[] v, int off, int n, float[] acc) {
        if (n < 8) {
            float s = v[off];
            for (int i = 1; i < n; i++) s += v[off + i];
            return s;
        }
        System.arraycopy(v, off, acc, 0, 8);
        int end = n - n % 8;
        for (int i = 8; i < end; i += 8) for (int j = 0; j < 8; j++) acc[j] += v[off + i + j];
        for (int j = 0; j < n - end; j++) acc[j] += v[off + end + j];
        return foldF32(acc);
    }

    /** The AVX2 shuffle fold of eight lanes: ((a0+a4)+(a2+a6))+((a1+a5)+(a3+a7)). */
    static float foldF32(float[] a) {
        float b0 = a[0] + a[4], b1 = a[1] + a[5], b2 = a[2] + a[6], b3 = a[3] + a[7];
        return (b0 + b2) + (b1 + b3);
    }

    /** float64's {@code vec::reduce_all} (four lanes, folded in order: no shuffle specialisation for double). */
    static double laneSumF64(double[] v, int off, int n) {
        if (n < 4) {
            double s = v[off];
            for (int i = 1; i < n; i++) s += v[off + i];
            return s;
        }
        double a0 = v[off], a1 = v[off + 1], a2 = v[off + 2], a3 = v[off + 3];
        int end = n - n % 4;
        for (int i = 4; i < end; i += 4) {
            a0 += v[off + i];
            a1 += v[off + i + 1];
            a2 += v[off + i + 2];
            a3 += v[off + i + 3];
        }
        int r = n - end;
        if (r > 0) a0 += v[off + end];
        if (r > 1) a1 += v[off + end + 1];
        if (r > 2) a2 += v[off + end + 2];
        return ((a0 + a1) + a2) + a3;
    }

    @Override
    public void softmax(boolean log, Storage x, Layout xl, Storage out, Layout ol) {
        int nd = xl.dim();
        int len = nd == 0 ? 1 : xl.size(nd - 1);
        if (xl.numel() == 0) return;
        int xs = nd == 0 ? 1 : xl.strides()[nd - 1], os = nd == 0 ? 1 : ol.strides()[nd - 1];
        int[] xr = rowOffsets(xl, Math.max(nd - 1, 0)), or = rowOffsets(ol, Math.max(nd - 1, 0));
        if (x instanceof Storage.F32 a && out instanceof Storage.F32 o) {
            Parallel.forRange(xr.length, softmaxGrain(len), (r0, r1) -> {
                float[] row = new float[len], scratch = new float[8];
                for (int r = r0; r < r1; r++) softmaxRowF32(log, a.data, xr[r], xs, o.data, or[r], os, len, row, scratch);
            });
        } else {
            double[] a = ((Storage.F64) x).data, o = ((Storage.F64) out).data;
            Parallel.forRange(xr.length, softmaxGrain(len), (r0, r1) -> {
                double[] row = new double[len];
                for (int r = r0; r < r1; r++) softmaxRowF64(log, a, xr[r], xs, o, or[r], os, len, row);
            });
        }
    }

    /**
     * Rows per thread at least: ATen's {@code GRAIN_SIZE / (16 * dim_size)} of {@code _vec_softmax_lastdim}
     * (a row costs about 16 element operations per element). Each row is one thread's whole, so the bits do
     * not depend on the thread count.
     */
    static int softmaxGrain(int len) {
        return Math.max(1, GRAIN / (16 * Math.max(len, 1)));
    }

    /**
     * One float32 row of {@link #softmax}; {@code row} (length n) and {@code scratch} (8) are work space. The
     * Vector API kernels override it for unit strides, with the same bits.
     */
    protected void softmaxRowF32(boolean log, float[] x, int xo, int xs, float[] o, int oo, int os, int n, float[] row, float[] scratch) {
        float max = x[xo];
        for (int i = 1; i < n; i++) max = Math.max(max, x[xo + i * xs]); // NaN propagates, as vec::maximum
        for (int i = 0; i < n; i++) row[i] = x[xo + i * xs] - max;
        sleefSpan(UnaryOp.EXP, row, 0, row, 0, n);
        float sum = laneSumF32(row, 0, n, scratch);
        if (log) {
            float lse = logF32(sum);
            for (int i = 0; i < n; i++) o[oo + i * os] = (x[xo + i * xs] - max) - lse;
        } else {
            float inv = 1f / sum;
            for (int i = 0; i < n; i++) o[oo + i * os] = row[i] * inv;
        }
    }

    /** One float64 row of {@link #softmax}; {@code row} is work space of length n. */
    protected void softmaxRowF64(boolean log, double[] x, int xo, int xs, double[] o, int oo, int os, int n, double[] row) {
        double max = x[xo];
        for (int i = 1; i < n; i++) max = Math.max(max, x[xo + i * xs]);
        for (int i = 0; i < n; i++) row[i] = SleefDouble.exp(x[xo + i * xs] - max);
        double sum = laneSumF64(row, 0, n);
        if (log) {
            double lse = SleefDouble.log(sum); // vectorised over the rows' sums in SoftMaxKernel.cpp: SLEEF's log
            for (int i = 0; i < n; i++) o[oo + i * os] = (x[xo + i * xs] - max) - lse;
        } else {
            double inv = 1.0 / sum;
            for (int i = 0; i < n; i++) o[oo + i * os] = row[i] * inv;
        }
    }

    @Override
    public void softmaxBackward(boolean log, Storage grad, Layout gl, Storage y, Layout yl, Storage out, Layout ol) {
        int nd = gl.dim();
        if (gl.numel() == 0) return;
        int len = nd == 0 ? 1 : gl.size(nd - 1);
        int lead = Math.max(nd - 1, 0);
        int gs = nd == 0 ? 1 : gl.strides()[nd - 1], ys = nd == 0 ? 1 : yl.strides()[nd - 1], os = nd == 0 ? 1 : ol.strides()[nd - 1];
        int[] gr = rowOffsets(gl, lead), yr = rowOffsets(yl, lead), or = rowOffsets(ol, lead);
        if (grad instanceof Storage.F32 g && y instanceof Storage.F32 yy && out instanceof Storage.F32 o) {
            Parallel.forRange(gr.length, softmaxGrain(len), (r0, r1) -> {
                float[] row = new float[len], scratch = new float[8];
                for (int r = r0; r < r1; r++) {
                    softmaxBackwardRowF32(log, g.data, gr[r], gs, yy.data, yr[r], ys, o.data, or[r], os, len, row, scratch);
                }
            });
        } else {
            double[] gd = ((Storage.F64) grad).data, yd = ((Storage.F64) y).data, od = ((Storage.F64) out).data;
            Parallel.forRange(gr.length, softmaxGrain(len), (r0, r1) -> softmaxBackwardRowsF64(log, gd, gr, gs, yd, yr, ys, od, or, os, len, r0, r1));
        }
    }

    /** Rows r0 to r1 of the float64 {@link #softmaxBackward}. */
    private static void softmaxBackwardRowsF64(boolean log, double[] gd, int[] gr, int gs, double[] yd, int[] yr, int ys, double[] od,
                                               int[] or, int os, int len, int r0, int r1) {
        double[] row = new double[len];
        for (int r = r0; r < r1; r++) {
            int go = gr[r], yo = yr[r], oo = or[r];
            if (log) {
                for (int i = 0; i < len; i++) row[i] = gd[go + i * gs];
                double sum = laneSumF64(row, 0, len);
                // g - e^y·Σg as one FMA, as the compiled kernel of _log_softmax_backward_data has it
                for (int i = 0; i < len; i++) od[oo + i * os] = Math.fma(-SleefDouble.exp(yd[yo + i * ys]), sum, row[i]);
            } else {
                for (int i = 0; i < len; i++) row[i] = gd[go + i * gs] * yd[yo + i * ys];
                double dot = laneSumF64(row, 0, len);
                for (int i = 0; i < len; i++) od[oo + i * os] = (gd[go + i * gs] - dot) * yd[yo + i * ys];
            }
        }
    }

    /**
     * One float32 row of {@link #softmaxBackward}; {@code row} (length n) and {@code scratch} (8) are work space.
     * The Vector API kernels override it for unit strides, with the same bits.
     */
    protected void softmaxBackwardRowF32(boolean log, float[] g, int go, int gs, float[] y, int yo, int ys, float[] o, int oo, int os,
                                         int n, float[] row, float[] scratch) {
        if (log) {
            float sum = laneSumF32Strided(g, go, gs, n, row, scratch);
            for (int i = 0; i < n; i++) row[i] = y[yo + i * ys];
            sleefSpan(UnaryOp.EXP, row, 0, row, 0, n);
            // SoftMaxKernel.cpp's x - exp(y)·sum, which the compiler fused into one FMA (one rounding)
            for (int i = 0; i < n; i++) o[oo + i * os] = Math.fma(-row[i], sum, g[go + i * gs]);
        } else {
            for (int i = 0; i < n; i++) row[i] = g[go + i * gs] * y[yo + i * ys];
            float dot = laneSumF32(row, 0, n, scratch);
            for (int i = 0; i < n; i++) o[oo + i * os] = (g[go + i * gs] - dot) * y[yo + i * ys];
        }
    }

    /** {@link #laneSumF32} of a strided span, gathered into {@code row} first. */
    static float laneSumF32Strided(float[] v, int off, int stride, int n, float[] row, float[] scratch) {
        if (stride == 1) return laneSumF32(v, off, n, scratch);
        for (int i = 0; i < n; i++) row[i] = v[off + i * stride];
        return laneSumF32(row, 0, n, scratch);
    }

    /** float32 ln x as the float32 log kernel computes it. */
    protected static float logF32(float v) {
        return SleefFloat.log(v);
    }

    // ---------------------------------------------------------------- scans

    @Override
    public void scan(ScanOp op, Storage x, Layout xl, Storage out, Layout ol) {
        int n = ol.numel();
        if (n == 0) return;
        int nd = ol.dim();
        // a 0-d layout is one row of one element
        int len = nd == 0 ? 1 : ol.size(nd - 1);
        int xs = nd == 0 ? 0 : xl.strides()[nd - 1], os = nd == 0 ? 0 : ol.strides()[nd - 1];
        int[] xrows = rowOffsets(xl, Math.max(nd - 1, 0)), orows = rowOffsets(ol, Math.max(nd - 1, 0));
        boolean sum = op == ScanOp.CUMSUM;
        boolean floating = out.dtype().isFloatingPoint();
        for (int r = 0; r < xrows.length; r++) {
            int xb = xrows[r], ob = orows[r];
            if (floating) {
                double acc = sum ? 0.0 : 1.0; // PyTorch's acc_type for float32 on CPU is double
                for (int k = 0; k < len; k++) {
                    double v = x.getDouble(xb + k * xs);
                    acc = sum ? acc + v : acc * v;
                    out.setDouble(ob + k * os, acc);
                }
            } else {
                long acc = sum ? 0 : 1;
                for (int k = 0; k < len; k++) {
                    long v = x.getLong(xb + k * xs);
                    acc = sum ? acc + v : acc * v;
                    out.setLong(ob + k * os, acc);
                }
            }
        }
    }

    // ------------------------------------------------------------------ indexing (advanced index, masks, nonzero)

    /** The storage position of out element {@code i} in the indexed tensor, or -1 - k for index k out of range. */
    private static long indexedPosition(int i, Layout sl, Storage[] idx, Layout[] il, int[] sizes, int[] strides) {
        long pos = sl.indexOf(i);
        for (int k = 0; k < idx.length; k++) {
            long v = idx[k].getLong(il[k].indexOf(i));
            if (v < -sizes[k] || v >= sizes[k]) return -1 - k;
            pos += (v < 0 ? v + sizes[k] : v) * strides[k];
        }
        return pos;
    }

    /** Throws for the first index out of range, before any write (PyTorch's order: elements row-major, then k). */
    private static void checkIndices(int n, Layout sl, Storage[] idx, Layout[] il, int[] sizes, int[] strides) {
        for (int i = 0; i < n; i++) {
            long pos = indexedPosition(i, sl, idx, il, sizes, strides);
            if (pos < 0) {
                int k = (int) (-1 - pos);
                throw new IndexOutOfBoundsException("index " + idx[k].getLong(il[k].indexOf(i)) + " is out of bounds for dimension "
                        + k + " with size " + sizes[k]);
            }
        }
    }

    @Override
    public void index(Storage src, Layout sl, Storage[] idx, Layout[] il, int[] sizes, int[] strides, Storage out, Layout ol) {
        int n = ol.numel();
        checkIndices(n, sl, idx, il, sizes, strides);
        boolean floating = src.dtype().isFloatingPoint();
        for (int i = 0; i < n; i++) {
            int p = (int) indexedPosition(i, sl, idx, il, sizes, strides), o = ol.indexOf(i);
            if (floating) out.setDouble(o, src.getDouble(p));
            else out.setLong(o, src.getLong(p));
        }
    }

    @Override
    public void indexPut(Storage dst, Layout dl, Storage[] idx, Layout[] il, int[] sizes, int[] strides, Storage val, Layout vl,
            boolean accumulate) {
        int n = dl.numel();
        checkIndices(n, dl, idx, il, sizes, strides);
        boolean floating = dst.dtype().isFloatingPoint();
        for (int i = 0; i < n; i++) {
            int p = (int) indexedPosition(i, dl, idx, il, sizes, strides), v = vl.indexOf(i);
            if (floating) dst.setDouble(p, accumulate ? dst.getDouble(p) + val.getDouble(v) : val.getDouble(v));
            else if (dst.dtype() == DType.BOOL) dst.setLong(p, accumulate ? dst.getLong(p) | val.getLong(v) : val.getLong(v));
            else dst.setLong(p, accumulate ? dst.getLong(p) + val.getLong(v) : val.getLong(v));
        }
    }

    @Override
    public int countNonzero(Storage x, Layout xl) {
        int n = xl.numel(), count = 0;
        boolean floating = x.dtype().isFloatingPoint();
        for (int i = 0; i < n; i++) {
            int p = xl.indexOf(i);
            // NaN is nonzero, as in PyTorch
            if (floating ? x.getDouble(p) != 0 : x.getLong(p) != 0) count++;
        }
        return count;
    }

    @Override
    public void nonzero(Storage x, Layout xl, Storage out) {
        int n = xl.numel(), nd = xl.dim(), row = 0;
        int[] shape = xl.shape();
        boolean floating = x.dtype().isFloatingPoint();
        for (int i = 0; i < n; i++) {
            int p = xl.indexOf(i);
            if (floating ? x.getDouble(p) == 0 : x.getLong(p) == 0) continue;
            for (int d = nd - 1, rem = i; d >= 0; d--) {
                out.setLong(row * nd + d, rem % shape[d]);
                rem /= shape[d];
            }
            row++;
        }
    }

    @Override
    public void maskedScatter(Storage out, Layout ol, Storage mask, Layout ml, Storage src, Layout sl) {
        int n = ol.numel(), next = 0;
        boolean floating = out.dtype().isFloatingPoint();
        for (int i = 0; i < n; i++) {
            if (mask.getLong(ml.indexOf(i)) == 0) continue;
            int o = ol.indexOf(i), s = sl.indexOf(next++);
            if (floating) out.setDouble(o, src.getDouble(s));
            else out.setLong(o, src.getLong(s));
        }
    }

    // ------------------------------------------------------------------ scatter and rearrange

    @Override
    public void scatterReduce(Storage out, Layout ol, int dim, Storage index, Layout il, Storage src, Layout sl, int reduce) {
        if (il.numel() == 0) return;
        long[] idx = ((Storage.I64) index).data;
        int[] shape = il.shape();
        int[] ost = ol.strides();
        boolean floating = out.dtype().isFloatingPoint();
        Runs r = Runs.of(il, sl);
        int len = r.length(), si = r.stride(0), ss = r.stride(1), i = 0;
        while (r.next()) {
            for (int k = 0, ip = r.base(0), s = r.base(1); k < len; k++, ip += si, s += ss, i++) {
                int opos = indexedPosition(i, shape, dim, idx[ip], ost, ol.offset());
                if (floating) out.setDouble(opos, reduceDouble(reduce, out.getDouble(opos), src.getDouble(s)));
                else out.setLong(opos, reduceLong(reduce, out.getLong(opos), src.getLong(s)));
            }
        }
    }

    // in double, rounded once by the store: exact for float32 (+ and * of two floats are correctly rounded so)
    private static double reduceDouble(int reduce, double a, double b) {
        return switch (reduce) {
            case SCATTER_ASSIGN -> b;
            case SCATTER_SUM -> a + b;
            case SCATTER_PROD -> a * b;
            case SCATTER_AMAX -> Double.isNaN(b) || Double.isNaN(a) ? Double.NaN : Math.max(a, b);
            default -> Double.isNaN(b) || Double.isNaN(a) ? Double.NaN : Math.min(a, b);
        };
    }

    private static long reduceLong(int reduce, long a, long b) {
        return switch (reduce) {
            case SCATTER_ASSIGN -> b;
            case SCATTER_SUM -> a + b;
            case SCATTER_PROD -> a * b;
            case SCATTER_AMAX -> Math.max(a, b);
            default -> Math.min(a, b);
        };
    }

    @Override
    public void flip(Storage x, Layout xl, boolean[] flipped, Storage out, Layout ol) {
        int n = ol.numel();
        int[] shape = ol.shape(), xst = xl.strides();
        boolean floating = out.dtype().isFloatingPoint();
        for (int i = 0; i < n; i++) {
            int rem = i, pos = xl.offset();
            for (int d = shape.length - 1; d >= 0; d--) {
                int c = rem % shape[d];
                rem /= shape[d];
                pos += (flipped[d] ? shape[d] - 1 - c : c) * xst[d];
            }
            int o = ol.indexOf(i);
            if (floating) out.setDouble(o, x.getDouble(pos));
            else out.setLong(o, x.getLong(pos));
        }
    }

    // ------------------------------------------------------------------ sorting and searching

    /** One line along the last dim: its values read once (doubles, or longs for integer dtypes). */
    private static final class Line {
        final boolean floating;
        final double[] d;
        final long[] l;
        final int[] idx;
        int n;

        Line(boolean floating, int cap) {
            this.floating = floating;
            d = floating ? new double[cap] : null;
            l = floating ? null : new long[cap];
            idx = new int[cap];
        }

        void read(Storage x, int base, int step, int len) {
            n = len;
            if (floating) for (int i = 0; i < len; i++) d[i] = x.getDouble(base + i * step);
            else for (int i = 0; i < len; i++) l[i] = x.getLong(base + i * step);
            for (int i = 0; i < len; i++) idx[i] = i;
        }

        /** Whether element a orders strictly before element b: ascending with NaN last, or descending with NaN first. */
        boolean before(int a, int b, boolean descending) {
            if (floating) {
                double x = d[a], y = d[b];
                return descending ? (x != x && y == y) || x > y : (x == x && y != y) || x < y;
            }
            return descending ? l[a] > l[b] : l[a] < l[b];
        }

        boolean isNaN(int a) {
            return floating && d[a] != d[a];
        }

        boolean same(int a, int b) {
            return floating ? d[a] == d[b] : l[a] == l[b];
        }

        void put(Storage out, int pos, int a) {
            if (floating) out.setDouble(pos, d[a]);
            else out.setLong(pos, l[a]);
        }
    }

    /** Stable merge sort of {@code idx[0, n)} by {@link Line#before} (insertion sort on short runs). */
    private static void stableSort(Line line, boolean descending) {
        int n = line.n;
        int[] a = line.idx, tmp = new int[n];
        final int run = 16;
        for (int lo = 0; lo < n; lo += run) {
            int hi = Math.min(n, lo + run);
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i], j = i - 1;
                while (j >= lo && line.before(v, a[j], descending)) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
        }
        for (int width = run; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width), hi = Math.min(n, lo + 2 * width);
                if (mid >= hi) {
                    System.arraycopy(a, lo, tmp, lo, hi - lo);
                    continue;
                }
                int i = lo, j = mid, k = lo;
                // the right run's element goes first only when strictly before: equal elements keep their order
                while (i < mid && j < hi) tmp[k++] = line.before(a[j], a[i], descending) ? a[j++] : a[i++];
                while (i < mid) tmp[k++] = a[i++];
                while (j < hi) tmp[k++] = a[j++];
            }
            System.arraycopy(tmp, 0, a, 0, n);
        }
    }

    private static int lastStride(Layout l) {
        return l.dim() == 0 ? 1 : l.strides()[l.dim() - 1];
    }

    private static int lastSize(Layout l) {
        return l.dim() == 0 ? 1 : l.size(l.dim() - 1);
    }

    private static int[] lineOffsets(Layout l) {
        return l.dim() == 0 ? new int[] {l.offset()} : rowOffsets(l, l.dim() - 1);
    }

    @Override
    public void sort(boolean descending, int k, Storage x, Layout xl, Storage values, Layout vl, Storage indices, Layout il) {
        int len = lastSize(xl), step = lastStride(xl), vs = lastStride(vl), is = lastStride(il);
        int[] xr = lineOffsets(xl), vr = lineOffsets(vl), ir = lineOffsets(il);
        int take = Math.min(k, len);
        Line line = new Line(x.dtype().isFloatingPoint(), len);
        for (int r = 0; r < xr.length; r++) {
            line.read(x, xr[r], step, len);
            stableSort(line, descending);
            for (int i = 0; i < take; i++) {
                line.put(values, vr[r] + i * vs, line.idx[i]);
                indices.setLong(ir[r] + i * is, line.idx[i]);
            }
        }
    }

    @Override
    public void kthvalue(int k, Storage x, Layout xl, Storage values, Storage indices) {
        int len = lastSize(xl), step = lastStride(xl);
        int[] xr = lineOffsets(xl);
        Line line = new Line(x.dtype().isFloatingPoint(), len);
        for (int r = 0; r < xr.length; r++) {
            line.read(x, xr[r], step, len);
            quickSelect(line, k);
            line.put(values, r, line.idx[k]);
            indices.setLong(r, line.idx[k]);
        }
    }

    /** Whether element a of the line is greater than b or NaN while b is not (quick select's {@code gt_or_nan}). */
    private static boolean gtOrNan(Line line, int a, int b) {
        return line.before(a, b, true);
    }

    /**
     * PyTorch's {@code quick_select_template}: partially orders {@code idx} so that position k holds the k-th
     * smallest; median of three, Hoare partition. The order of tied values is this algorithm's, as in PyTorch.
     */
    private static void quickSelect(Line line, int k) {
        int[] a = line.idx;
        int lo = 0, hi = line.n - 1;
        while (true) {
            if (hi <= lo) return;
            if (hi == lo + 1) {
                if (gtOrNan(line, a[lo], a[hi])) swap(a, lo, hi);
                return;
            }
            int p = lo + (hi - lo) / 2;
            swap(a, p, lo + 1);
            if (gtOrNan(line, a[lo + 1], a[hi])) swap(a, lo + 1, hi);
            if (gtOrNan(line, a[lo], a[hi])) swap(a, lo, hi);
            if (gtOrNan(line, a[lo + 1], a[lo])) swap(a, lo + 1, lo);
            int i = lo + 1, j = hi, piv = a[lo];
            while (true) {
                do i++; while (gtOrNan(line, piv, a[i]));
                do j--; while (gtOrNan(line, a[j], piv));
                if (j < i) break;
                swap(a, i, j);
            }
            swap(a, lo, j);
            if (j <= k) lo = i;
            if (j >= k) hi = j - 1;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    @Override
    public void median(boolean ignoreNan, Storage x, Layout xl, Storage values, Storage indices) {
        int len = lastSize(xl), step = lastStride(xl);
        int[] xr = lineOffsets(xl);
        Line line = new Line(x.dtype().isFloatingPoint(), len);
        for (int r = 0; r < xr.length; r++) {
            line.read(x, xr[r], step, len);
            int nan = 0, firstNan = -1;
            for (int i = 0; i < len; i++) {
                if (line.isNaN(i)) {
                    if (firstNan < 0) firstNan = i;
                    nan++;
                }
            }
            int pick;
            if (!ignoreNan && nan > 0) {
                pick = firstNan;
            } else if (nan == len) {
                pick = 0; // nanmedian of NaN only: PyTorch's position depends on its nth_element; value NaN either way
            } else {
                // (value, position) order is what PyTorch's tie-broken nth_element selects from: a stable sort gives it
                stableSort(line, false);
                pick = line.idx[(len - nan - 1) / 2];
            }
            line.put(values, r, pick);
            indices.setLong(r, pick);
        }
    }

    @Override
    public void mode(Storage x, Layout xl, Storage values, Storage indices) {
        int len = lastSize(xl), step = lastStride(xl);
        int[] xr = lineOffsets(xl);
        Line line = new Line(x.dtype().isFloatingPoint(), len);
        for (int r = 0; r < xr.length; r++) {
            line.read(x, xr[r], step, len);
            stableSort(line, false);
            int[] a = line.idx;
            int best = a[0], bestFreq = 0, freq = 0;
            for (int i = 0; i < len; i++) {
                freq++;
                if (i == len - 1 || !line.same(a[i], a[i + 1])) {
                    // strictly more: the first (smallest) of equally frequent values stays; its last occurrence
                    if (freq > bestFreq) {
                        best = a[i];
                        bestFreq = freq;
                    }
                    freq = 0;
                }
            }
            line.put(values, r, best);
            indices.setLong(r, best);
        }
    }

    @Override
    public void cumExtreme(boolean max, Storage x, Layout xl, Storage values, Layout vl, Storage indices, Layout il) {
        int len = lastSize(xl), step = lastStride(xl), vs = lastStride(vl), is = lastStride(il);
        int[] xr = lineOffsets(xl), vr = lineOffsets(vl), ir = lineOffsets(il);
        boolean floating = x.dtype().isFloatingPoint();
        for (int r = 0; r < xr.length; r++) {
            int best = 0;
            if (floating) {
                double m = 0;
                for (int i = 0; i < len; i++) {
                    double v = x.getDouble(xr[r] + i * step);
                    if (i == 0 || v != v || (m == m && (max ? v >= m : v <= m))) {
                        m = v;
                        best = i;
                    }
                    values.setDouble(vr[r] + i * vs, m);
                    indices.setLong(ir[r] + i * is, best);
                }
            } else {
                long m = 0;
                for (int i = 0; i < len; i++) {
                    long v = x.getLong(xr[r] + i * step);
                    if (i == 0 || (max ? v >= m : v <= m)) {
                        m = v;
                        best = i;
                    }
                    values.setLong(vr[r] + i * vs, m);
                    indices.setLong(ir[r] + i * is, best);
                }
            }
        }
    }

    @Override
    public void searchsorted(boolean right, Storage seq, Layout sl, Storage v, Layout vl, Storage out, Layout ol) {
        int len = lastSize(sl), step = lastStride(sl);
        int vn = lastSize(vl), vs = lastStride(vl), os = lastStride(ol);
        int[] sr = lineOffsets(sl), vr = lineOffsets(vl), or = lineOffsets(ol);
        boolean floating = seq.dtype().isFloatingPoint() || v.dtype().isFloatingPoint();
        for (int r = 0; r < vr.length; r++) {
            int base = sr[r];
            for (int i = 0; i < vn; i++) {
                int lo = 0, hi = len;
                if (floating) {
                    double val = v.getDouble(vr[r] + i * vs);
                    while (lo < hi) {
                        int mid = lo + ((hi - lo) >> 1);
                        double m = seq.getDouble(base + mid * step);
                        // PyTorch's negated tests: a NaN value or boundary compares false, so the search moves right
                        if (right ? !(m > val) : !(m >= val)) lo = mid + 1;
                        else hi = mid;
                    }
                } else {
                    long val = v.getLong(vr[r] + i * vs);
                    while (lo < hi) {
                        int mid = lo + ((hi - lo) >> 1);
                        long m = seq.getLong(base + mid * step);
                        if (right ? !(m > val) : !(m >= val)) lo = mid + 1;
                        else hi = mid;
                    }
                }
                out.setLong(or[r] + i * os, lo);
            }
        }
    }

    @Override
    public void histc(Storage x, Layout xl, double min, double max, Storage out) {
        int bins = out.size();
        boolean f32 = x.dtype() == DType.FLOAT32;
        // the outer edges in x's dtype, as PyTorch's bin_edges tensor holds them
        double lo = f32 ? (float) min : min, hi = f32 ? (float) max : max;
        int n = xl.numel();
        for (int i = 0; i < n; i++) {
            double e = x.getDouble(xl.indexOf(i));
            if (e < lo || e > hi) continue;
            if (e != e) {
                // PyTorch 1.13's range test lets NaN through and its bin arithmetic lands it in the first bin
                out.setDouble(0, out.getDouble(0) + 1);
                continue;
            }
            // the bin by linear interpolation in x's dtype, as PyTorch's histc computes it (its LINEAR_INTERPOLATION,
            // without the local search over the edges that torch.histogram adds), the last edge in the last bin
            int p = (int) (f32 ? (long) (float) ((float) ((float) (e - lo) * bins) / (float) (hi - lo))
                    : (long) ((e - lo) * bins / (hi - lo)));
            if (p == bins) p -= 1;
            out.setDouble(p, out.getDouble(p) + 1);
        }
    }

    @Override
    public int uniqueRows(boolean sorted, Storage x, Layout xl, Storage first, Storage inverse, Storage counts) {
        int n = xl.size(0), m = xl.size(1), rs = xl.strides()[0], cs = xl.strides()[1], off = xl.offset();
        if (n == 0) return 0;
        boolean floating = x.dtype().isFloatingPoint();
        // row r's elements, read once: doubles, or longs for integer dtypes
        double[] d = floating ? new double[n * m] : null;
        long[] l = floating ? null : new long[n * m];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < m; c++) {
                if (floating) d[r * m + c] = x.getDouble(off + r * rs + c * cs);
                else l[r * m + c] = x.getLong(off + r * rs + c * cs);
            }
        }
        java.util.function.IntBinaryOperator cmp = (a, b) -> {
            for (int c = 0; c < m; c++) {
                int k = floating ? Double.compare(d[a * m + c] + 0.0, d[b * m + c] + 0.0) : Long.compare(l[a * m + c], l[b * m + c]);
                if (k != 0) return k;
            }
            return 0;
        };
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (sorted) java.util.Arrays.sort(order, (a, b) -> cmp.applyAsInt(a, b)); // a stable merge sort
        int u = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || cmp.applyAsInt(order[i - 1], order[i]) != 0) {
                u++;
                first.setLong(u, order[i]);
                counts.setLong(u, 0);
            }
            counts.setLong(u, counts.getLong(u) + 1);
            inverse.setLong(order[i], u);
        }
        return u + 1;
    }

    @Override
    public int unique(boolean sorted, Storage x, Layout xl, Storage out, Storage inverse, Storage counts) {
        int n = xl.numel();
        if (n == 0) return 0;
        Line line = new Line(x.dtype().isFloatingPoint(), n);
        line.n = n;
        for (int i = 0; i < n; i++) {
            if (line.floating) line.d[i] = x.getDouble(xl.indexOf(i));
            else line.l[i] = x.getLong(xl.indexOf(i));
            line.idx[i] = i;
        }
        if (sorted) stableSort(line, false);
        int[] a = line.idx;
        int u = -1;
        for (int i = 0; i < n; i++) {
            // NaN never equals its neighbour: each NaN is its own value
            if (i == 0 || !line.same(a[i - 1], a[i])) {
                u++;
                line.put(out, u, a[i]);
                counts.setLong(u, 0);
            }
            counts.setLong(u, counts.getLong(u) + 1);
            inverse.setLong(a[i], u);
        }
        return u + 1;
    }

    // ------------------------------------------------------------------ convolution and pooling

    @Override
    public void im2col(Storage x, Layout xl, int[] g, Storage cols) {
        ConvKernels.im2col(x, xl, g, cols);
    }

    @Override
    public void col2im(Storage cols, Layout cl, int c, int h, int w, int[] g, Storage x) {
        ConvKernels.col2im(cols, cl, c, h, w, g, x);
    }

    @Override
    public void maxPool2d(Storage x, Layout xl, int[] g, Storage out, Storage indices) {
        ConvKernels.maxPool2d(x, xl, g, out, indices);
    }

    @Override
    public void avgPool2d(boolean backward, Storage src, Layout sl, int h, int w, int[] g, boolean countIncludePad,
                          int divisorOverride, Storage dst) {
        ConvKernels.avgPool2d(backward, src, sl, h, w, g, countIncludePad, divisorOverride, dst);
    }

    @Override
    public void adaptiveAvgPool2d(boolean backward, Storage src, Layout sl, int h, int w, int oh, int ow, Storage dst) {
        ConvKernels.adaptiveAvgPool2d(backward, src, sl, h, w, oh, ow, dst);
    }

    @Override
    public void adaptiveMaxPool2d(Storage x, Layout xl, int oh, int ow, Storage out, Storage indices) {
        ConvKernels.adaptiveMaxPool2d(x, xl, oh, ow, out, indices);
    }

    @Override
    public void moments(Storage x, Layout xl, Storage mean, Storage var) {
        ConvKernels.moments(x, xl, mean, var);
    }

    @Override
    public void rowwiseMoments(Storage x, Layout xl, Storage mean, Storage var) {
        ConvKernels.rowwiseMoments(x, xl, mean, var);
    }

    @Override
    public void normAffine(Storage x, Layout xl, Storage scale, Storage shift, Storage gamma, Storage beta, boolean affine, Storage y) {
        ConvKernels.normAffine(x, xl, scale, shift, gamma, beta, affine, y);
    }
}
