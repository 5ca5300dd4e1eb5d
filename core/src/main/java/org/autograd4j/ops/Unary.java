package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;
import static org.autograd4j.ops.TensorMath.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.engine.DualLevels;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.kernels.UnaryOp;

/**
 * The unary elementwise ops, one declaration each: PyTorch's {@code derivatives.yaml} row (node name and the
 * derivative in tensor ops) plus OpInfo's {@code ref} and {@code domain}. A row is its kernel, its dtype rule,
 * what its derivative reads (so the node saves only that), the derivative, a double-precision reference and
 * the input domain the generic tests sample from. {@link #apply} is the forward; {@link #apply_} the in-place
 * form through the one in-place path. Element-wise rows are PyTorch's {@code auto_element_wise}: their
 * forward-mode (tangent) formula is the derivative applied to the tangent, so none is written here.
 *
 * <p>Adding a unary op: one row here, its kernel case, its one-line {@code Tensor}/{@code Torch} methods, and
 * regenerated goldens; the op tests and the golden generator pick the row up from {@link #ALL}.
 */
public final class Unary {
    /** How the result dtype follows from the input's. */
    public enum Rule {
        /** The input's dtype (neg, abs, floor, relu, …). */
        SAME,
        /** Floating inputs keep their dtype; integer and bool inputs compute in the default dtype float32 (exp, sin, …). */
        FLOAT,
        /** A bool result (isnan, …); not differentiable. */
        BOOL
    }

    /** What the derivative reads, so the node saves exactly that. */
    public enum Saves {
        /** Nothing (the derivative only transforms the gradient). */
        NONE,
        /** The input ({@code self}). */
        SELF,
        /** The output ({@code result}). */
        RESULT
    }

    /** The derivative: the input's gradient from the output's gradient, the saved value, and the op's parameters. */
    @FunctionalInterface
    public interface Derivative {
        /** {@code saved} is self or result as the row's {@link Saves} says (null for NONE). */
        TensorImpl of(TensorImpl grad, TensorImpl saved, double p0, double p1);
    }

    /** The double-precision reference of the forward, OpInfo's {@code ref}. */
    @FunctionalInterface
    public interface Ref {
        /** {@code op(x; p0, p1)}. */
        double of(double x, double p0, double p1);
    }

    /**
     * The open interval the generic tests sample inputs from (OpInfo's domain), and the default parameters
     * the tests and the golden generator use.
     */
    public record Domain(double lo, double hi, boolean awayFromZero) {
        /** The whole real line. */
        public static final Domain ALL = new Domain(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
        /** The real line without a neighbourhood of 0 (a kink or pole there). */
        public static final Domain NONZERO = new Domain(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true);
        /** (0, ∞). */
        public static final Domain POSITIVE = new Domain(0, Double.POSITIVE_INFINITY, false);
        /** (-1, 1). */
        public static final Domain UNIT = new Domain(-1, 1, false);
        /** (1, ∞). */
        public static final Domain ABOVE_ONE = new Domain(1, Double.POSITIVE_INFINITY, false);
    }

    private static final List<Unary> ROWS = new ArrayList<>();

    /** Every declared unary op, in declaration order. */
    public static final List<Unary> ALL = Collections.unmodifiableList(ROWS);

    // ------------------------------------------------------------------ the table

    private static final double LN2 = Math.log(2), LN10 = Math.log(10);
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    public static final Unary NEG = def("neg", "NegBackward0", UnaryOp.NEG, Rule.SAME, Saves.NONE,
            (g, s, p, q) -> neg(g), (x, p, q) -> -x).inPlace()
            .rejectBool("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, "
                    + "use the `~` or `logical_not()` operator instead.");
    public static final Unary EXP = def("exp", "ExpBackward0", UnaryOp.EXP, Rule.FLOAT, Saves.RESULT,
            (g, y, p, q) -> mul(g, y), (x, p, q) -> Math.exp(x)).inPlace();
    public static final Unary LOG = def("log", "LogBackward0", UnaryOp.LOG, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> div(g, x), (x, p, q) -> Math.log(x)).domain(Domain.POSITIVE).inPlace();
    public static final Unary SQRT = def("sqrt", "SqrtBackward0", UnaryOp.SQRT, Rule.FLOAT, Saves.RESULT,
            (g, y, p, q) -> div(g, mul(y, 2.0)), (x, p, q) -> Math.sqrt(x)).domain(Domain.POSITIVE).ulps(0).inPlace();
    public static final Unary ABS = def("abs", "AbsBackward0", UnaryOp.ABS, Rule.SAME, Saves.SELF,
            (g, x, p, q) -> mul(g, sgn(x)), (x, p, q) -> Math.abs(x)).domain(Domain.NONZERO).inPlace();
    public static final Unary SIGN = def("sign", "SignBackward0", UnaryOp.SIGN, Rule.SAME, Saves.NONE,
            (g, s, p, q) -> mul(g, 0.0), (x, p, q) -> Math.signum(x)).inPlace();
    /**
     * {@code torch.sgn}: x/|x| (0 at 0); for real tensors the values of sign, with a node of its own (abs's
     * derivative is written with it). Derivative ({@code sgn_backward}, real inputs): zero.
     */
    public static final Unary SGN = def("sgn", "SgnBackward0", UnaryOp.SIGN, Rule.SAME, Saves.NONE,
            (g, s, p, q) -> mul(g, 0.0), (x, p, q) -> Math.signum(x)).inPlace();
    public static final Unary SIN = def("sin", "SinBackward0", UnaryOp.SIN, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> mul(g, cos(x)), (x, p, q) -> Math.sin(x)).inPlace();
    public static final Unary COS = def("cos", "CosBackward0", UnaryOp.COS, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> mul(g, neg(sin(x))), (x, p, q) -> Math.cos(x)).inPlace();
    public static final Unary TAN = def("tan", "TanBackward0", UnaryOp.TAN, Rule.FLOAT, Saves.RESULT,
            (g, y, p, q) -> mul(g, add(pow(y, 2.0), 1.0)), (x, p, q) -> Math.tan(x)).inPlace();
    public static final Unary TANH = def("tanh", "TanhBackward0", UnaryOp.TANH, Rule.FLOAT, Saves.RESULT,
            (g, y, p, q) -> tanhBackward(g, y), (x, p, q) -> Math.tanh(x)).inPlace();
    /** As PyTorch's sigmoid_backward kernel evaluates it: {@code g·(1 - y)·y}. */
    public static final Unary SIGMOID = def("sigmoid", "SigmoidBackward0", UnaryOp.SIGMOID, Rule.FLOAT, Saves.RESULT,
            (g, y, p, q) -> BackwardOps.sigmoidBackward(g, y), (x, p, q) -> 1 / (1 + Math.exp(-x))).layoutDependent().inPlace();
    /** PyTorch's threshold_backward: g where the output is positive. */
    public static final Unary RELU = def("relu", "ReluBackward0", UnaryOp.RELU, Rule.SAME, Saves.RESULT,
            (g, y, p, q) -> BackwardOps.thresholdBackward(g, y, 0), (x, p, q) -> x > 0 ? x : 0).domain(Domain.NONZERO).inPlace().noOut();
    public static final Unary RECIPROCAL = def("reciprocal", "ReciprocalBackward0", UnaryOp.RECIPROCAL, Rule.FLOAT, Saves.RESULT,
            (g, y, p, q) -> mul(neg(g), mul(y, y)), (x, p, q) -> 1 / x).domain(Domain.NONZERO).ulps(0).inPlace();
    /** {@code log1p_backward}: g / (self + 1). */
    public static final Unary LOG1P = def("log1p", "Log1PBackward0", UnaryOp.LOG1P, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> div(g, add(x, 1.0)), (x, p, q) -> Math.log1p(x)).domain(Domain.POSITIVE).inPlace();
    public static final Unary EXPM1 = def("expm1", "Expm1Backward0", UnaryOp.EXPM1, Rule.FLOAT, Saves.RESULT,
            (g, y, p, q) -> mul(g, add(y, 1.0)), (x, p, q) -> Math.expm1(x)).gradientCancels().inPlace();
    public static final Unary LOG2 = def("log2", "Log2Backward0", UnaryOp.LOG2, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> div(g, mul(x, LN2)), (x, p, q) -> Math.log(x) / LN2).domain(Domain.POSITIVE).inPlace();
    public static final Unary LOG10 = def("log10", "Log10Backward0", UnaryOp.LOG10, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> div(g, mul(x, LN10)), (x, p, q) -> Math.log10(x)).domain(Domain.POSITIVE).inPlace();
    public static final Unary EXP2 = def("exp2", "Exp2Backward0", UnaryOp.EXP2, Rule.FLOAT, Saves.RESULT,
            (g, y, p, q) -> mul(mul(g, y), LN2), (x, p, q) -> Math.pow(2, x)).inPlace();
    /** {@code -0.5·g·result³}. */
    public static final Unary RSQRT = def("rsqrt", "RsqrtBackward0", UnaryOp.RSQRT, Rule.FLOAT, Saves.RESULT,
            (g, y, p, q) -> mul(mul(g, -0.5), pow(y, 3.0)), (x, p, q) -> 1 / Math.sqrt(x)).domain(Domain.POSITIVE).inPlace();
    /** {@code g·(1 - x²)^(-1/2)}. */
    public static final Unary ASIN = def("asin", "AsinBackward0", UnaryOp.ASIN, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> mul(g, rsqrt(add(mul(neg(x), x), 1.0))), (x, p, q) -> Math.asin(x)).domain(Domain.UNIT).inPlace();
    public static final Unary ACOS = def("acos", "AcosBackward0", UnaryOp.ACOS, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> mul(g, neg(rsqrt(add(mul(neg(x), x), 1.0)))), (x, p, q) -> Math.acos(x)).domain(Domain.UNIT).inPlace();
    public static final Unary ATAN = def("atan", "AtanBackward0", UnaryOp.ATAN, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> div(g, add(mul(x, x), 1.0)), (x, p, q) -> Math.atan(x)).inPlace();
    public static final Unary SINH = def("sinh", "SinhBackward0", UnaryOp.SINH, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> mul(g, cosh(x)), (x, p, q) -> Math.sinh(x)).inPlace();
    public static final Unary COSH = def("cosh", "CoshBackward0", UnaryOp.COSH, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> mul(g, sinh(x)), (x, p, q) -> Math.cosh(x)).inPlace();
    public static final Unary ASINH = def("asinh", "AsinhBackward0", UnaryOp.ASINH, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> mul(g, rsqrt(add(pow(x, 2.0), 1.0))), (x, p, q) -> Math.log(x + Math.sqrt(x * x + 1))).inPlaceAs("AsinhBackward1", null);
    public static final Unary ACOSH = def("acosh", "AcoshBackward0", UnaryOp.ACOSH, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> mul(g, rsqrt(sub(mul(x, x), 1.0))), (x, p, q) -> Math.log(x + Math.sqrt(x * x - 1)))
            .domain(Domain.ABOVE_ONE).inPlaceAs("AcoshBackward1", null);
    public static final Unary ATANH = def("atanh", "AtanhBackward0", UnaryOp.ATANH, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> div(g, rsub(pow(x, 2.0), 1.0)), (x, p, q) -> 0.5 * Math.log((1 + x) / (1 - x))).domain(Domain.UNIT).inPlaceAs("AtanhBackward1", null);
    /** {@code 2/√π · e^(-x²) · g}. */
    public static final Unary ERF = def("erf", "ErfBackward0", UnaryOp.ERF, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> mul(mul(exp(neg(pow(x, 2.0))), TWO_OVER_SQRT_PI), g), (x, p, q) -> RefMath.erf(x)).inPlace();
    public static final Unary ERFC = def("erfc", "ErfcBackward0", UnaryOp.ERFC, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> mul(mul(exp(neg(pow(x, 2.0))), -TWO_OVER_SQRT_PI), g), (x, p, q) -> 1 - RefMath.erf(x)).inPlace();
    public static final Unary FLOOR = def("floor", "FloorBackward0", UnaryOp.FLOOR, Rule.SAME, Saves.NONE,
            (g, s, p, q) -> mul(g, 0.0), (x, p, q) -> Math.floor(x)).inPlace();
    public static final Unary CEIL = def("ceil", "CeilBackward0", UnaryOp.CEIL, Rule.SAME, Saves.NONE,
            (g, s, p, q) -> mul(g, 0.0), (x, p, q) -> Math.ceil(x)).inPlace();
    /** Half to even, as {@code torch.round}. */
    public static final Unary ROUND = def("round", "RoundBackward0", UnaryOp.ROUND, Rule.SAME, Saves.NONE,
            (g, s, p, q) -> mul(g, 0.0), (x, p, q) -> Math.rint(x)).inPlace();
    public static final Unary TRUNC = def("trunc", "TruncBackward0", UnaryOp.TRUNC, Rule.SAME, Saves.NONE,
            (g, s, p, q) -> mul(g, 0.0), (x, p, q) -> x < 0 ? Math.ceil(x) : Math.floor(x)).inPlace();
    /** {@code x - trunc(x)}; its derivative is the gradient itself. */
    public static final Unary FRAC = def("frac", "FracBackward0", UnaryOp.FRAC, Rule.SAME, Saves.NONE,
            (g, s, p, q) -> g, (x, p, q) -> x - (x < 0 ? Math.ceil(x) : Math.floor(x))).inPlace();
    /**
     * {@code softplus(x; β, threshold) = log(1 + e^(βx))/β}, linear above the threshold. Derivative
     * (softplus_backward): g where βx &gt; threshold, else {@code g·z/(z+1)} with {@code z = e^(βx)}.
     */
    public static final Unary SOFTPLUS = def("softplus", "SoftplusBackward0", UnaryOp.SOFTPLUS, Rule.FLOAT, Saves.SELF,
            (g, x, beta, th) -> BackwardOps.softplusBackward(g, x, beta, th), (x, beta, th) -> x * beta > th ? x : Math.log1p(Math.exp(x * beta)) / beta).params(1, 20).functional()
            .floatingOnly("softplus_cpu");
    /** {@code min(max(x, lo), hi)}. Derivative (hardtanh_backward): g strictly inside (lo, hi), else 0. */
    public static final Unary HARDTANH = def("hardtanh", "HardtanhBackward0", UnaryOp.HARDTANH, Rule.SAME, Saves.SELF,
            (g, x, lo, hi) -> BackwardOps.hardtanhBackward(g, x, lo, hi),
            (x, lo, hi) -> Math.min(Math.max(x, lo), hi)).params(-1, 1).functional().inPlace();
    /** {@code x > 0 ? x : α(e^x - 1)}. Derivative (elu_backward): g for x &gt; 0, else {@code g·α·e^x}. */
    public static final Unary ELU = def("elu", "EluBackward0", UnaryOp.ELU, Rule.FLOAT, Saves.SELF,
            (g, x, alpha, q) -> BackwardOps.eluBackward(g, alpha, false, x),
            (x, alpha, q) -> x > 0 ? x : alpha * Math.expm1(x)).params(1, 0).domain(Domain.NONZERO).functional()
            .floatingOnly("elu_cpu").inPlaceAs("EluBackward1", (g, y, alpha, q) -> BackwardOps.eluBackward(g, alpha, true, y));
    /** {@code x > 0 ? x : slope·x}. Derivative (leaky_relu_backward): g for x &gt; 0, else {@code g·slope}. */
    public static final Unary LEAKY_RELU = def("leaky_relu", "LeakyReluBackward0", UnaryOp.LEAKY_RELU, Rule.FLOAT, Saves.SELF,
            (g, x, slope, q) -> BackwardOps.leakyReluBackward(g, x, slope),
            (x, slope, q) -> x > 0 ? x : x * slope).params(0.01, 0).domain(Domain.NONZERO).functional()
            .floatingOnly("leaky_relu_cpu").inPlaceAs("LeakyReluBackward1", (g, y, slope, q) -> BackwardOps.leakyReluBackward(g, y, slope));
    /**
     * {@code x·Φ(x)} with the exact normal CDF (approximate='none'). Derivative: PyTorch's fused
     * {@code gelu_backward(g, x) = g·(Φ(x) + x·φ(x))}, a primitive with its own derivative.
     */
    public static final Unary GELU = def("gelu", "GeluBackward0", UnaryOp.GELU, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> geluBackward(g, x), (x, p, q) -> 0.5 * x * (1 + RefMath.erf(x / Math.sqrt(2))))
            .functional().floatingOnly("GeluKernelImpl").floatOpmath().layoutDependent();
    /**
     * {@code F.gelu(x, approximate='tanh')}: {@code ½x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}, PyTorch's
     * {@code gelu} with approximate='tanh' (the same function name and node, so not a row of {@link #ALL}: the op
     * table has it as its own row). Derivative: {@code gelu_backward(g, x, approximate='tanh')}.
     */
    public static final Unary GELU_TANH = def("gelu", "GeluBackward0", UnaryOp.GELU_TANH, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> geluBackward(g, x, "tanh"),
            (x, p, q) -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))))
            .functional().floatingOnly("GeluKernelImpl").floatOpmath().layoutDependent().notListed();

    /**
     * {@code torch.nn.functional.gelu(x, approximate)}: {@link #GELU} for "none", {@link #GELU_TANH} for "tanh";
     * any other string fails with PyTorch's message before anything is computed.
     */
    public static TensorImpl gelu(TensorImpl x, String approximate) {
        return geluRow(approximate).apply(x);
    }

    /** The row of a GELU {@code approximate} string, or PyTorch's error. */
    static Unary geluRow(String approximate) {
        return switch (approximate) {
            case "none" -> GELU;
            case "tanh" -> GELU_TANH;
            default -> throw new IllegalArgumentException("approximate argument must be either none or tanh.");
        };
    }

    /** {@code x·σ(x)}. Derivative: {@code g·σ(x)·(1 + x·(1 - σ(x)))}. */
    public static final Unary SILU = def("silu", "SiluBackward0", UnaryOp.SILU, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> {
                TensorImpl s = sigmoid(x);
                return mul(mul(g, s), add(mul(x, rsub(s, 1.0)), 1.0));
            }, (x, p, q) -> x / (1 + Math.exp(-x))).functional().floatingOnly("silu_cpu").layoutDependent();
    /** {@code x·tanh(softplus(x))}. Derivative: {@code g·(t + x·σ(x)·(1 - t²))} with {@code t = tanh(softplus(x))}. */
    public static final Unary MISH = def("mish", "MishBackward0", UnaryOp.MISH, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> {
                // as PyTorch: the fused mish_backward kernel, or with grad mode on (create_graph) its composite form
                if (!org.autograd4j.engine.GradMode.isEnabled()) return Binary.MISH_BACKWARD.apply(g, x);
                TensorImpl t = tanh(LOG1P.apply(exp(x)));
                return mul(g, add(t, mul(mul(x, sigmoid(x)), rsub(mul(t, t), 1.0))));
            }, (x, p, q) -> x * Math.tanh(Math.log1p(Math.exp(x)))).functional().floatingOnly("mish_cpu").gradientCancels();
    /**
     * NaN → 0, +∞ → p0, -∞ → p1 (the API passes the dtype's largest and smallest finite values by default).
     * Derivative: {@code g·isfinite(x)}.
     */
    public static final Unary NAN_TO_NUM = def("nan_to_num", "NanToNumBackward0", UnaryOp.NAN_TO_NUM, Rule.SAME, Saves.SELF,
            (g, x, p, q) -> mul(g, Unary.ISFINITE.apply(x)),
            (x, p, q) -> Double.isNaN(x) ? 0 : x == Double.POSITIVE_INFINITY ? p : x == Double.NEGATIVE_INFINITY ? q : x)
            .params(Double.MAX_VALUE, -Double.MAX_VALUE).inPlace();
    /**
     * sin(πx)/(πx), 1 at 0. Derivative ({@code sinc_backward}): {@code g·(πx·cos(πx) − sin(πx))/(πx²)}, 0 where
     * {@code πx² = 0}.
     */
    public static final Unary SINC = def("sinc", "SincBackward0", UnaryOp.SINC, Rule.FLOAT, Saves.SELF,
            (g, x, p, q) -> {
                TensorImpl px = mul(x, Math.PI), px2 = mul(mul(x, x), Math.PI);
                return where(eq(px2, 0.0), 0.0, mul(g, div(sub(mul(px, cos(px)), sin(px)), px2)));
            }, (x, p, q) -> x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x)).floatOpmath().inPlace();
    /** x·π/180. Derivative: {@code g·π/180}. */
    public static final Unary DEG2RAD = def("deg2rad", "Deg2RadBackward0", UnaryOp.DEG2RAD, Rule.FLOAT, Saves.NONE,
            (g, s, p, q) -> mul(g, Math.PI / 180), (x, p, q) -> x * Math.PI / 180).ulps(0).inPlace();
    /** x·180/π. Derivative: {@code g·180/π}. */
    public static final Unary RAD2DEG = def("rad2deg", "Rad2DegBackward0", UnaryOp.RAD2DEG, Rule.FLOAT, Saves.NONE,
            (g, s, p, q) -> mul(g, 180 / Math.PI), (x, p, q) -> x * 180 / Math.PI).ulps(0).inPlace();
    public static final Unary ISNAN = def("isnan", null, UnaryOp.ISNAN, Rule.BOOL, Saves.NONE, null,
            (x, p, q) -> Double.isNaN(x) ? 1 : 0).noOut();
    public static final Unary ISINF = def("isinf", null, UnaryOp.ISINF, Rule.BOOL, Saves.NONE, null,
            (x, p, q) -> Double.isInfinite(x) ? 1 : 0).noOut();
    public static final Unary ISFINITE = def("isfinite", null, UnaryOp.ISFINITE, Rule.BOOL, Saves.NONE, null,
            (x, p, q) -> Double.isFinite(x) ? 1 : 0).noOut();
    public static final Unary LOGICAL_NOT = def("logical_not", null, UnaryOp.LOGICAL_NOT, Rule.BOOL, Saves.NONE, null,
            (x, p, q) -> x == 0 ? 1 : 0).computeIn(DType.BOOL).inPlace();

    // ------------------------------------------------------------------ the row type

    /** PyTorch's function name, e.g. {@code log1p} or {@code leaky_relu}. */
    public final String name;
    /** PyTorch's node name, e.g. {@code Log1PBackward0}; null for ops that are not differentiable. */
    public final String node;
    /** The kernel case. */
    public final UnaryOp kernel;
    /** The dtype rule. */
    public final Rule rule;
    /** What the derivative reads. */
    public final Saves saves;
    /** The derivative, null for ops that are not differentiable. */
    public final Derivative derivative;
    /** Double-precision reference of the forward. */
    public final Ref ref;
    private Domain domain = Domain.ALL;
    private int ulps;
    private boolean floatOpmath, layoutDependent, gradientCancels;
    private boolean inPlace;
    private boolean functional;
    /** PyTorch's {@code torch.name} has no out= argument (relu, isnan, …). */
    private boolean noOut;
    private double p0, p1;
    private String boolError;
    private String inPlaceNode, floatingKernel;
    private Derivative inPlaceDerivative;
    /** The dtype the kernel runs in when it is not the result dtype's (null: the result's, or the input's for BOOL). */
    private DType compute;
    /**
     * The backward of this row's nodes recorded with the default parameters (nearly all calls): it reads the
     * saved tensor from the node and the parameters from the row, so recording allocates no closure, and every
     * row's is an instance of the same class.
     */
    private final FnNode.Backward defaultBackward;

    private Unary(String name, String node, UnaryOp kernel, Rule rule, Saves saves, Derivative derivative, Ref ref) {
        this.name = name;
        this.node = node;
        this.kernel = kernel;
        this.rule = rule;
        this.saves = saves;
        this.derivative = derivative;
        this.ref = ref;
        // p0 and p1 are read when the node runs: the row's parameters are final once the table is built
        this.defaultBackward = (g, n) -> new TensorImpl[] {this.derivative.of(g, n.saved(0), p0, p1)};
    }

    private static Unary def(String name, String node, UnaryOp kernel, Rule rule, Saves saves, Derivative d, Ref ref) {
        Unary u = new Unary(name, node, kernel, rule, saves, d, ref);
        u.ulps = rule == Rule.FLOAT ? 1 : 0;
        ROWS.add(u);
        return u;
    }

    /** Not a row of {@link #ALL} (a second overload of a listed function, with rows of its own in the op table). */
    private Unary notListed() {
        ROWS.remove(this);
        return this;
    }

    private Unary inPlace() {
        inPlace = true;
        return this;
    }

    /**
     * PyTorch's in-place form records its own node: {@code node} with a derivative that reads the result
     * (elu_'s {@code EluBackward1}), or with none, whose backward fails with PyTorch's "the derivative for
     * 'inplace version of …' is not implemented." (asinh_, acosh_, atanh_; {@code d} null).
     */
    private Unary inPlaceAs(String node, Derivative fromResult) {
        inPlace = true;
        inPlaceNode = node;
        inPlaceDerivative = fromResult;
        return this;
    }

    /** PyTorch's kernel has no integer or bool form: such inputs fail with its message naming {@code kernelName}. */
    private Unary floatingOnly(String kernelName) {
        floatingKernel = kernelName;
        return this;
    }

    private Unary domain(Domain d) {
        domain = d;
        return this;
    }

    /** Default parameters (PyTorch's defaults for the op's keyword arguments). */
    private Unary params(double p0, double p1) {
        this.p0 = p0;
        this.p1 = p1;
        return this;
    }

    /** PyTorch has this op as {@code torch.nn.functional.<name>} rather than {@code torch.<name>}. */
    private Unary functional() {
        functional = true;
        return this;
    }

    private Unary noOut() {
        noOut = true;
        return this;
    }

    /** The kernel takes its input converted to {@code d} (logical_not reads any dtype as bool). */
    private Unary computeIn(DType d) {
        compute = d;
        return this;
    }

    private Unary rejectBool(String message) {
        boolError = message;
        return this;
    }

    /**
     * Float32 agreement with PyTorch's CPU kernel, in ulps, as measured against its goldens: 0 for exactly
     * rounded ops; transcendental functions differ by an ulp or two (neither side is correctly rounded).
     */
    private Unary ulps(int u) {
        ulps = u;
        return this;
    }

    /** Measured agreement with PyTorch in float32 ulps (0: bit-exact). */
    public int ulps() {
        return ulps;
    }

    /**
     * PyTorch's float32 kernel computes in float (its {@code opmath} type), and the kernel follows it bit for bit:
     * float32 results are then a few ulps from the exact value, so tests compare them with the reference
     * relatively (gelu, sinc).
     */
    private Unary floatOpmath() {
        floatOpmath = true;
        return this;
    }

    /** True when float32 results follow PyTorch's float arithmetic rather than being within an ulp of exact. */
    public boolean isFloatOpmath() {
        return floatOpmath;
    }

    /**
     * PyTorch picks this op's algorithm by layout (vectorised for contiguous input, scalar for strided), and so
     * does the kernel: results agree across layouts to a few ulps, not bit for bit (gelu; float64 sigmoid and silu).
     */
    private Unary layoutDependent() {
        layoutDependent = true;
        return this;
    }

    /** True when results may differ in the last bits between layouts, as PyTorch's own do. */
    public boolean isLayoutDependent() {
        return layoutDependent;
    }

    /**
     * The derivative cancels (expm1's {@code g·(y + 1)} for y near -1, mish's {@code t + x·σ(x)·(1 - t²)} for
     * x &lt; 0): a 1-ulp difference in the forward value (Java's libm against PyTorch's Sleef) grows there, so
     * gradients agree with PyTorch to a few ulps of the largest magnitude, not of each element.
     */
    private Unary gradientCancels() {
        gradientCancels = true;
        return this;
    }

    /** True when gradients are compared in ulps of the largest magnitude (see {@link #gradientCancels()}). */
    public boolean isGradientCancelling() {
        return gradientCancels;
    }

    /** PyTorch's message for a bool input, or null when bool is accepted. */
    public String boolError() {
        return boolError;
    }

    /** The input domain the tests sample from. */
    public Domain domain() {
        return domain;
    }

    /** True when PyTorch has the in-place form {@code name_}. */
    public boolean hasInPlace() {
        return inPlace;
    }

    /** True when PyTorch's function is {@code torch.nn.functional.<name>}. */
    public boolean isFunctional() {
        return functional;
    }

    /** The default first parameter. */
    public double defaultP0() {
        return p0;
    }

    /** The default second parameter. */
    public double defaultP1() {
        return p1;
    }

    /** The result dtype for an input of dtype {@code d}. */
    public DType resultType(DType d) {
        return switch (rule) {
            case SAME -> d;
            case FLOAT -> d.isFloatingPoint() ? d : DType.FLOAT32;
            case BOOL -> DType.BOOL;
        };
    }

    /** The op with its default parameters. */
    public TensorImpl apply(TensorImpl x) {
        return apply(x, p0, p1);
    }

    /** The kernel call alone: {@code op(x; p0, p1)} with the row's dtype rule, no graph. */
    private TensorImpl forward(TensorImpl x, double a, double b) {
        if (boolError != null && x.dtype() == DType.BOOL) throw new IllegalArgumentException(boolError);
        if (floatingKernel != null && !x.dtype().isFloatingPoint()) throw new IllegalArgumentException(floatingError(x.dtype()));
        DType t = resultType(x.dtype());
        DType in = compute != null ? compute : rule == Rule.BOOL ? x.dtype() : t;
        TensorImpl xc = Ops.convert(x, in);
        TensorImpl out = Ops.empty(t, x.shape(), x.layout());
        K.unary(kernel, a, b, xc.storage(), xc.layout(), out.storage(), out.layout());
        return out;
    }

    /** {@code op(x; p0, p1)}, recording the node when x requires grad. */
    public TensorImpl apply(TensorImpl x, double a, double b) {
        TensorImpl out = forward(x, a, b);
        if (derivative != null && Graph.needs(x)) record(x, out, a, b);
        return out;
    }

    /**
     * {@link #apply(TensorImpl, double, double)} for derivative formulas ({@link TensorMath}): the same three lines,
     * kept apart so that they have a branch profile of their own (see {@link Binary#applyInFormula}).
     */
    TensorImpl applyInFormula(TensorImpl x, double a, double b) {
        TensorImpl out = forward(x, a, b);
        if (derivative != null && Graph.needs(x)) record(x, out, a, b);
        return out;
    }

    /** {@link #applyInFormula(TensorImpl, double, double)} with the default parameters. */
    TensorImpl applyInFormula(TensorImpl x) {
        return applyInFormula(x, p0, p1);
    }

    /** Records the node of {@code out = op(x; a, b)} and its tangent. */
    private void record(TensorImpl x, TensorImpl out, double a, double b) {
        SavedTensor s = switch (saves) {
            case NONE -> null;
            case SELF -> SavedTensor.input(x);
            case RESULT -> SavedTensor.output(out);
        };
        Derivative d = derivative;
        // auto_element_wise: the tangent is the derivative applied to it (made only inside a dual level)
        Dual.Forward fw = DualLevels.open() == 0 ? null
                : t -> d.of(t[0], saves == Saves.SELF ? x : saves == Saves.RESULT ? out : null, a, b);
        if (Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(p0)
                && Double.doubleToRawLongBits(b) == Double.doubleToRawLongBits(p1)) {
            Graph.record(out, node, defaultBackward, x, fw, s);
        } else {
            Graph.record(out, node, (g, n) -> new TensorImpl[] {d.of(g, s == null ? null : s.get(), a, b)}, x, fw, s);
        }
    }

    /**
     * True when PyTorch has the out= form {@code torch.name(x, out=t)}: every row but the functional ones and those
     * declared {@code noOut} (relu, isnan, isinf, isfinite).
     */
    public boolean hasOut() {
        return !functional && !noOut;
    }

    /**
     * {@code torch.name(x, out=out)} with the default parameters, through the one out= path ({@link Out}): the values
     * of {@link #apply}, written into out (resized to x's shape if it has another, cast to its dtype); returns out.
     */
    public TensorImpl out(TensorImpl x, TensorImpl out) {
        double a = p0, b = p1;
        return Out.write(name, out, () -> {
            if (boolError != null && x.dtype() == DType.BOOL) throw new IllegalArgumentException(boolError);
            if (floatingKernel != null && !x.dtype().isFloatingPoint()) throw new IllegalArgumentException(floatingError(x.dtype()));
            DType t = resultType(x.dtype());
            TensorImpl xc = Ops.convert(x, compute != null ? compute : rule == Rule.BOOL ? x.dtype() : t);
            return new Out.Plan(x.shape(), t, x.layout(), true, (os, ol) -> K.unary(kernel, a, b, xc.storage(), xc.layout(), os, ol));
        }, x);
    }

    /** The in-place form with default parameters. */
    public TensorImpl apply_(TensorImpl x) {
        return apply_(x, p0, p1);
    }

    /** {@code x = op(x; p0, p1)} in place, through the one in-place path. */
    public TensorImpl apply_(TensorImpl x, double a, double b) {
        if (InPlace.direct(x, null) && rule != Rule.BOOL && resultType(x.dtype()) == x.dtype() && (compute == null || compute == x.dtype())) {
            InPlace.checkDirect(x, null);
            if (boolError != null && x.dtype() == DType.BOOL) throw new IllegalArgumentException(boolError);
            if (floatingKernel != null && !x.dtype().isFloatingPoint()) throw new IllegalArgumentException(floatingError(x.dtype()));
            // written straight into x: no temporary, no copy back
            K.unary(kernel, a, b, x.storage(), x.layout(), x.storage(), x.layout());
            return InPlace.wrote(x);
        }
        if (inPlaceNode == null) return InPlace.apply(x, null, old -> apply(old, a, b));
        String message = "the derivative for 'inplace version of " + name + "' is not implemented.";
        Derivative d = inPlaceDerivative;
        return InPlace.apply(x, null, old -> {
            TensorImpl out = forward(old, a, b);
            if (!Graph.needs(old)) return out;
            if (d == null) {
                // PyTorch 1.13 has neither the derivative nor the forward formula of these in-place forms
                Graph.record(out, inPlaceNode, (g, n) -> {
                    throw new UnsupportedOperationException(message);
                }, old, t -> {
                    throw new UnsupportedOperationException(Dual.notImplemented(name + "_"));
                });
            } else {
                SavedTensor y = SavedTensor.output(out);
                Graph.record(out, inPlaceNode, (g, n) -> new TensorImpl[] {d.of(g, y.get(), a, b)}, old, t -> d.of(t[0], out, a, b), y);
            }
            return out;
        });
    }

    /** PyTorch's message for an integer or bool input of a floating-only kernel, or null when those are accepted. */
    public String floatingError(DType d) {
        return floatingKernel == null ? null : "\"" + floatingKernel + "\" not implemented for '" + d.scalarTypeName() + "'";
    }

    /** The node PyTorch records for the in-place form when it differs from the out-of-place one, else null. */
    public String inPlaceNode() {
        return inPlaceNode;
    }

    @Override
    public String toString() {
        return name;
    }
}
