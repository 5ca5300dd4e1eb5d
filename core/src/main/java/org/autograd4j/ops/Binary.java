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
import org.autograd4j.kernels.BinaryOp;
import org.autograd4j.storage.Storage;

/**
 * The binary elementwise ops, one declaration each (PyTorch's {@code derivatives.yaml} row plus OpInfo's
 * {@code ref}): kernel, dtype rule, node names (a Java scalar operand selects PyTorch's {@code .Scalar}
 * overload where it has its own node), and the derivative of each input in tensor ops, with what each reads
 * so the node saves only what the inputs that need a gradient use. Operands broadcast; the node reduces each
 * gradient to its input's shape ({@link FnNode}), so formulas read like their yaml rows.
 */
public final class Binary {
    /** How the result dtype follows from the operands'. */
    public enum Rule {
        /** {@code torch.result_type(a, b)}. */
        PROMOTE,
        /** {@code result_type}, then integers and bool compute in the default dtype float32 (true division, atan2, …). */
        FLOAT,
        /** Computed in {@code result_type}, written as bool (comparisons). */
        COMPARE
    }

    /** One input's derivative: from the output gradient, self, other and the result (each null unless declared read). */
    @FunctionalInterface
    public interface Derivative {
        /** The gradient of this input, in any shape that broadcasts to it. */
        TensorImpl of(TensorImpl grad, TensorImpl self, TensorImpl other, TensorImpl result);
    }

    /** The double-precision reference of the forward. */
    @FunctionalInterface
    public interface Ref {
        /** {@code op(a, b)}. */
        double of(double a, double b);
    }

    /** PyTorch's message for subtracting with one bool operand (also rsub's). */
    static final String SUB_BOOL = "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying "
            + "to invert a mask, use the `~` or `logical_not()` operator instead.";

    /** Bits of what a derivative reads. */
    static final int SELF = 1, OTHER = 2, RESULT = 4;

    private static final List<Binary> ROWS = new ArrayList<>();

    /** Every declared binary op, in declaration order. */
    public static final List<Binary> ALL = Collections.unmodifiableList(ROWS);

    // ------------------------------------------------------------------ the table

    public static final Binary ADD = def("add", "AddBackward0", BinaryOp.ADD, Rule.PROMOTE, (a, b) -> a + b).cppScalar("AddBackward1")
            .self(0, (g, a, b, y) -> g).other(0, (g, a, b, y) -> g).inPlace();
    public static final Binary SUB = def("sub", "SubBackward0", BinaryOp.SUB, Rule.PROMOTE, (a, b) -> a - b).cppScalar("SubBackward1")
            .self(0, (g, a, b, y) -> g).other(0, (g, a, b, y) -> neg(g)).inPlace()
            .rejectBools("Subtraction, the `-` operator, with two bool tensors is not supported. "
                    + "Use the `^` or `logical_xor()` operator instead.", SUB_BOOL);
    public static final Binary MUL = def("mul", "MulBackward0", BinaryOp.MUL, Rule.PROMOTE, (a, b) -> a * b).cppScalar("MulBackward1")
            .self(OTHER, (g, a, b, y) -> mul(g, b)).other(SELF, (g, a, b, y) -> mul(g, a)).inPlace();
    /** True division; {@code other: -grad·((self/other)/other)}, rounded as PyTorch's formula. */
    public static final Binary DIV = def("div", "DivBackward0", BinaryOp.DIV, Rule.FLOAT, (a, b) -> a / b).cppScalar("DivBackward1")
            .self(OTHER, (g, a, b, y) -> div(g, b)).other(SELF | OTHER, (g, a, b, y) -> mul(neg(g), div(div(a, b), b)))
            .domains(Unary.Domain.ALL, Unary.Domain.NONZERO).inPlace();
    /** NaN-propagating max; on ties the gradient is split in half (PyTorch 1.13). */
    public static final Binary MAXIMUM = def("maximum", "MaximumBackward0", BinaryOp.MAXIMUM, Rule.PROMOTE, Math::max)
            .self(SELF | OTHER, (g, a, b, y) -> where(lt(a, b), 0.0, where(eq(a, b), div(g, 2.0), g)))
            .other(SELF | OTHER, (g, a, b, y) -> where(gt(a, b), 0.0, where(eq(a, b), div(g, 2.0), g)));
    public static final Binary MINIMUM = def("minimum", "MinimumBackward0", BinaryOp.MINIMUM, Rule.PROMOTE, Math::min)
            .self(SELF | OTHER, (g, a, b, y) -> where(gt(a, b), 0.0, where(eq(a, b), div(g, 2.0), g)))
            .other(SELF | OTHER, (g, a, b, y) -> where(lt(a, b), 0.0, where(eq(a, b), div(g, 2.0), g)));
    /** {@code a ** b}; PyTorch masks the gradients where the exponent (self) or the base and exponent (other) are 0. */
    public static final Binary POW = def("pow", "PowBackward1", BinaryOp.POW, Rule.PROMOTE, Math::pow)
            .self(SELF | OTHER, (g, a, b, y) -> where(eq(b, 0.0), 0.0, mul(g, mul(b, pow(a, sub(b, 1.0))))))
            .other(SELF | OTHER | RESULT, (g, a, b, y) -> mul(g, where(logicalAnd(eq(a, 0.0), ge(b, 0.0)), 0.0, mul(y, log(a)))))
            .domains(Unary.Domain.POSITIVE, Unary.Domain.ALL).ulps(2).inPlace();
    /**
     * {@code atan2(a, b)}: {@code self: g·b·r}, {@code other: g·(-a)·r} with {@code r = 1/(a²+b²)}, rounded as PyTorch's
     * {@code atan2_backward}.
     */
    public static final Binary ATAN2 = def("atan2", "Atan2Backward0", BinaryOp.ATAN2, Rule.FLOAT, Math::atan2)
            .self(SELF | OTHER, (g, a, b, y) -> mul(mul(g, b), Unary.RECIPROCAL.apply(add(mul(a, a), mul(b, b)))))
            .other(SELF | OTHER, (g, a, b, y) -> mul(mul(g, neg(a)), Unary.RECIPROCAL.apply(add(mul(a, a), mul(b, b))))).inPlace();
    /**
     * {@code torch.div(a, b, rounding_mode='trunc')}: the quotient rounded toward zero, in the operands' promoted
     * dtype (integers stay integers). Derivative ({@code DivBackward2}): zero for both ({@code grad * 0}). Public
     * through {@link #divRounding(TensorImpl, TensorImpl, String)}.
     */
    public static final Binary DIV_TRUNC = def("div_trunc", "DivBackward2", BinaryOp.DIV_TRUNC, Rule.PROMOTE,
            (a, b) -> a / b < 0 ? Math.ceil(a / b) : Math.floor(a / b))
            .self(0, (g, a, b, y) -> mul(g, 0.0)).other(0, (g, a, b, y) -> mul(g, 0.0)).internal();
    /**
     * {@code torch.div(a, b, rounding_mode='floor')}: Python's {@code a // b} (see {@link BinaryOp#DIV_FLOOR}).
     * Derivative ({@code DivBackward2}): zero for both.
     */
    public static final Binary DIV_FLOOR = def("div_floor", "DivBackward2", BinaryOp.DIV_FLOOR, Rule.PROMOTE,
            (a, b) -> Math.floor(a / b))
            .self(0, (g, a, b, y) -> mul(g, 0.0)).other(0, (g, a, b, y) -> mul(g, 0.0)).internal();
    /** C's fmod (the sign of the dividend): {@code self: g}, {@code other: -g·div(a, b, rounding_mode='trunc')}. */
    public static final Binary FMOD = def("fmod", "FmodBackward1", BinaryOp.FMOD, Rule.PROMOTE, (a, b) -> a % b)
            .scalarNode("FmodBackward0")
            .self(0, (g, a, b, y) -> g).other(SELF | OTHER, (g, a, b, y) -> mul(neg(g), DIV_TRUNC.apply(a, b)))
            .domains(Unary.Domain.ALL, Unary.Domain.NONZERO).inPlace();
    /** Python's mod (the sign of the divisor): {@code self: g}, {@code other: -g·div(a, b, rounding_mode='floor')}. */
    public static final Binary REMAINDER = def("remainder", "RemainderBackward1", BinaryOp.REMAINDER, Rule.PROMOTE,
            (a, b) -> a - Math.floor(a / b) * b).scalarNode("RemainderBackward0")
            .self(0, (g, a, b, y) -> g).other(SELF | OTHER, (g, a, b, y) -> mul(neg(g), DIV_FLOOR.apply(a, b)))
            .domains(Unary.Domain.ALL, Unary.Domain.NONZERO).inPlace();
    /** {@code √(a²+b²)}: {@code self: (g·a)/result}, {@code other: (g·b)/result}, in derivatives.yaml's order. */
    public static final Binary HYPOT = def("hypot", "HypotBackward0", BinaryOp.HYPOT, Rule.FLOAT, Math::hypot).ulps(2)
            .self(SELF | RESULT, (g, a, b, y) -> div(mul(g, a), y)).other(OTHER | RESULT, (g, a, b, y) -> div(mul(g, b), y)).inPlace();
    /** {@code log(eᵃ + eᵇ)}: {@code self: g/(1 + e^(b-a))}, {@code other: g/(1 + e^(a-b))}. */
    public static final Binary LOGADDEXP = def("logaddexp", "LogaddexpBackward0", BinaryOp.LOGADDEXP, Rule.FLOAT,
            (a, b) -> Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)))).floatOpmath()
            .self(SELF | OTHER, (g, a, b, y) -> div(g, add(exp(sub(b, a)), 1.0)))
            .other(SELF | OTHER, (g, a, b, y) -> div(g, add(exp(sub(a, b)), 1.0)));
    /** {@code a·log(b)}, 0 where a = 0: {@code self: xlogy(g, b)} zeroed where a = 0 and b ≤ 0, {@code other: g·a/b}. */
    public static final Binary XLOGY = def("xlogy", "XlogyBackward0", BinaryOp.XLOGY, Rule.FLOAT,
            (a, b) -> a == 0 && !Double.isNaN(b) ? 0 : a * Math.log(b)).scalarNode("XlogyBackward2")
            .self(SELF | OTHER, (g, a, b, y) -> Pointwise.maskedFill(xlogy(g, b), logicalAnd(eq(a, 0.0), le(b, 0.0)), 0))
            .other(SELF | OTHER, (g, a, b, y) -> div(mul(g, a), b))
            .domains(Unary.Domain.ALL, Unary.Domain.POSITIVE).inPlace();
    /**
     * PyTorch's {@code tanh_backward(g, y) = g·(1 - y²)} as one primitive, because its CPU kernel fuses
     * {@code 1 - y·y} (the seed tutorial's printed digits depend on it). Its own derivative:
     * {@code (tanh_backward(gg, y), -2·y·g·gg)}.
     */
    public static final Binary TANH_BACKWARD = def("tanh_backward", "TanhBackwardBackward0", BinaryOp.TANH_BACKWARD, Rule.PROMOTE,
            (g, y) -> g * (1 - y * y))
            .self(OTHER, (gg, g, y, r) -> tanhBackward(gg, y)).other(SELF | OTHER, (gg, g, y, r) -> mul(mul(gg, mul(y, -2.0)), g))
            .internal();
    /**
     * PyTorch's fused {@code gelu_backward(g, x) = g·(Φ(x) + x·φ(x))} (its float32 kernel is oneDNN's where
     * PyTorch calls it). Its derivative ({@code GeluBackwardBackward0}): {@code g: gelu_backward(gg, x)},
     * {@code x: gg·g·φ(x)·(2 − x²)}.
     */
    public static final Binary GELU_BACKWARD = def("gelu_backward", "GeluBackwardBackward0", BinaryOp.GELU_BACKWARD, Rule.PROMOTE,
            (g, x) -> g * (0.5 * (1 + RefMath.erf(x / Math.sqrt(2))) + x * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI)))
            .self(OTHER, (gg, g, x, r) -> geluBackward(gg, x))
            .other(SELF | OTHER, (gg, g, x, r) -> {
                TensorImpl pdf = mul(exp(mul(mul(x, x), -0.5)), 1 / Math.sqrt(2 * Math.PI));
                return mul(mul(gg, g), sub(mul(pdf, 2.0), mul(mul(x, x), pdf)));
            }).internal();
    /**
     * PyTorch's fused {@code gelu_backward(g, x, approximate='tanh')} (ATen's {@code GeluBackwardKernelImpl}). Its
     * derivative ({@code GeluBackwardBackward0}): {@code g: gelu_backward(gg, x, 'tanh')},
     * {@code x: gelu_double_backward(gg, g, x, 'tanh')} ({@link #geluTanhDoubleBackward}).
     */
    public static final Binary GELU_TANH_BACKWARD = def("gelu_backward_tanh", "GeluBackwardBackward0", BinaryOp.GELU_TANH_BACKWARD,
            Rule.PROMOTE, (g, x) -> {
                double beta = Math.sqrt(2 / Math.PI), kappa = 0.044715;
                double t = Math.tanh(beta * (x + kappa * x * x * x));
                return g * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * beta * (1 + 3 * kappa * x * x));
            })
            .self(OTHER, (gg, g, x, r) -> geluBackward(gg, x, "tanh"))
            .other(SELF | OTHER, (gg, g, x, r) -> geluTanhDoubleBackward(gg, g, x)).internal();

    /**
     * FunctionsManual's {@code gelu_double_backward(ggI, gO, input, "tanh")}, op for op (so its graph has
     * PyTorch's nodes): with u = β(x + κx³), f = x/2, g = 1 - tanh²u, h = β(1 + 3κx²),
     * {@code ggI·gO·(2·½gh + f·h·g' + f·g·h')}, g' = 2 sech u·(-sech u·tanh u)·h, h' = 6κxβ.
     */
    private static TensorImpl geluTanhDoubleBackward(TensorImpl ggI, TensorImpl gO, TensorImpl input) {
        double kBeta = 1.41421356237309504880 * 1.12837916709551257390 * 0.5, kKappa = 0.044715; // M_SQRT2 * M_2_SQRTPI * 0.5
        TensorImpl inner = mul(add(input, mul(pow(input, 3), kKappa)), kBeta);
        TensorImpl tanhInner = tanh(inner);
        TensorImpl sechInner = div(s(1.0), cosh(inner));
        TensorImpl f = mul(input, 0.5);
        TensorImpl g = rsub(mul(tanhInner, tanhInner), 1.0);
        TensorImpl h = mul(add(mul(mul(input, 3 * kKappa), input), 1.0), kBeta);
        TensorImpl fPrimeGh = mul(mul(g, 0.5), h);
        TensorImpl gPrime = mul(mul(mul(sechInner, 2.0), mul(neg(sechInner), tanhInner)), h);
        TensorImpl gPrimeFh = mul(mul(f, h), gPrime);
        TensorImpl hPrime = mul(mul(input, 6 * kKappa), kBeta);
        TensorImpl hPrimeFg = mul(mul(f, g), hPrime);
        return mul(mul(ggI, gO), add(add(mul(fPrimeGh, 2.0), gPrimeFh), hPrimeFg));
    }

    /** PyTorch's fused {@code mish_backward(g, x)}, used when no graph is built (it has no derivative of its own). */
    public static final Binary MISH_BACKWARD = def("mish_backward", null, BinaryOp.MISH_BACKWARD, Rule.PROMOTE,
            (g, x) -> {
                double t = Math.tanh(Math.log1p(Math.exp(x))), s = 1 / (1 + Math.exp(-x));
                return g * (t + x * s * (1 - t * t));
            }).internal();
    public static final Binary EQ = compare("eq", BinaryOp.EQ, (a, b) -> a == b ? 1 : 0);
    public static final Binary NE = compare("ne", BinaryOp.NE, (a, b) -> a != b ? 1 : 0);
    public static final Binary LT = compare("lt", BinaryOp.LT, (a, b) -> a < b ? 1 : 0);
    public static final Binary LE = compare("le", BinaryOp.LE, (a, b) -> a <= b ? 1 : 0);
    public static final Binary GT = compare("gt", BinaryOp.GT, (a, b) -> a > b ? 1 : 0);
    public static final Binary GE = compare("ge", BinaryOp.GE, (a, b) -> a >= b ? 1 : 0);

    /**
     * {@code torch.div(a, b, rounding_mode=mode)}: null is true division ({@link #DIV}), "trunc" and "floor" the
     * rounded quotients; any other mode fails with PyTorch's message before anything is computed.
     */
    public static TensorImpl divRounding(TensorImpl a, TensorImpl b, String roundingMode) {
        if (roundingMode == null) return DIV.apply(a, b);
        return switch (roundingMode) {
            case "trunc" -> DIV_TRUNC.apply(a, b);
            case "floor" -> DIV_FLOOR.apply(a, b);
            default -> throw new IllegalArgumentException("div expected rounding_mode to be one of None, 'trunc', or 'floor' "
                    + "but found '" + roundingMode + "'");
        };
    }

    // ------------------------------------------------------------------ the row type

    /** PyTorch's function name, e.g. {@code atan2}. */
    public final String name;
    /** PyTorch's node name for tensor operands; null for comparisons. */
    public final String node;
    /** The kernel case. */
    public final BinaryOp kernel;
    /** The dtype rule. */
    public final Rule rule;
    /** Double-precision reference. */
    public final Ref ref;
    private String scalarNode, cppScalarNode;
    private Derivative dSelf, dOther;
    private int readsSelf, readsOther;
    private boolean inPlace, internal;
    private String boolError, oneBoolError;
    private Unary.Domain domainSelf = Unary.Domain.ALL, domainOther = Unary.Domain.ALL;
    private int ulps;
    private boolean floatOpmath;

    /** The backward of this row's nodes, made once the derivatives are declared. */
    private Backward backward;

    private Binary(String name, String node, BinaryOp kernel, Rule rule, Ref ref) {
        this.name = name;
        this.node = node;
        this.kernel = kernel;
        this.rule = rule;
        this.ref = ref;
    }

    private static Binary def(String name, String node, BinaryOp kernel, Rule rule, Ref ref) {
        Binary b = new Binary(name, node, kernel, rule, ref);
        b.ulps = rule == Rule.FLOAT && kernel != BinaryOp.DIV ? 1 : 0;
        ROWS.add(b);
        return b;
    }

    private static Binary compare(String name, BinaryOp kernel, Ref ref) {
        return def(name, null, kernel, Rule.COMPARE, ref).inPlace();
    }

    private Binary self(int reads, Derivative d) {
        readsSelf = reads;
        dSelf = d;
        backward = new Backward(dSelf, dOther);
        return this;
    }

    private Binary other(int reads, Derivative d) {
        readsOther = reads;
        dOther = d;
        backward = new Backward(dSelf, dOther);
        return this;
    }

    /** PyTorch's {@code .Scalar} overload has its own node (one input) when the other operand is a Java scalar. */
    private Binary scalarNode(String name) {
        scalarNode = name;
        return this;
    }

    /**
     * The node of PyTorch's {@code Tensor op(const Tensor&, const Scalar&)} C++ overload ({@code MulBackward1}): what
     * a derivative formula's {@code grad * 2} records, where Python's {@code x * 2} wraps the number and records
     * {@code MulBackward0}. See {@link #applyScalar}.
     */
    private Binary cppScalar(String name) {
        cppScalarNode = name;
        return this;
    }

    private Binary inPlace() {
        inPlace = true;
        return this;
    }

    /** Used by derivatives only: no public method of its own. */
    private Binary internal() {
        internal = true;
        return this;
    }

    /** PyTorch rejects two bool operands with {@code both}, and one with {@code one} (null: one is fine). */
    private Binary rejectBools(String both, String one) {
        boolError = both;
        oneBoolError = one;
        return this;
    }

    private Binary domains(Unary.Domain self, Unary.Domain other) {
        domainSelf = self;
        domainOther = other;
        return this;
    }

    /** Float32 agreement with PyTorch's CPU kernel in ulps, as measured against its goldens (0: bit-exact). */
    private Binary ulps(int u) {
        ulps = u;
        return this;
    }

    /** Measured agreement with PyTorch in float32 ulps. */
    public int ulps() {
        return ulps;
    }

    /** PyTorch's float32 kernel computes in float, and so does the kernel: a few ulps from exact (see Unary's). */
    private Binary floatOpmath() {
        floatOpmath = true;
        return this;
    }

    /** True when float32 results follow PyTorch's float arithmetic rather than being within an ulp of exact. */
    public boolean isFloatOpmath() {
        return floatOpmath;
    }

    /** True when PyTorch has the in-place form {@code name_}. */
    public boolean hasInPlace() {
        return inPlace;
    }

    /** PyTorch's message when both operands are bool, or null when that is accepted. */
    public String boolError() {
        return boolError;
    }

    /** True for ops that have no public method (they exist for derivatives). */
    public boolean isInternal() {
        return internal;
    }

    /** True when the op is differentiable. */
    public boolean isDifferentiable() {
        return dSelf != null;
    }

    /** The domain the tests sample self from. */
    public Unary.Domain domainSelf() {
        return domainSelf;
    }

    /** The domain the tests sample other from. */
    public Unary.Domain domainOther() {
        return domainOther;
    }

    /** The dtype the op computes in. */
    DType computeType(TensorImpl a, TensorImpl b) {
        DType t = Promotion.resultType(a, b);
        return rule == Rule.FLOAT && !t.isFloatingPoint() ? DType.FLOAT32 : t;
    }

    /** {@code op(a, b)} with broadcasting and promotion, recording the node when an input requires grad. */
    public TensorImpl apply(TensorImpl a, TensorImpl b) {
        // small on purpose: every op runs it, and in a fresh JVM its first compiled forms are C1's, which inline little
        if (boolError != null) checkBools(a, b);
        DType t = computeType(a, b);
        TensorImpl out = raw(kernel, a, b, t, rule == Rule.COMPARE ? DType.BOOL : t);
        if (dSelf != null && Graph.needs(a, b)) record(a, b, out);
        return out;
    }

    /**
     * {@link #apply} for derivative formulas ({@link TensorMath}) and the engine's gradient sums ({@link EngineMath}):
     * the same lines, kept apart for the JIT. C2 compiles a node's backward with the formula's ops inlined and
     * reads each branch's profile from the inlined method; with one shared method, the forward's recording (always
     * taken there) was compiled into every formula, though a backward pass runs with grad mode off unless
     * create_graph is set. With a profile of their own, the formulas' copies leave the recording out (an uncommon
     * trap stands in for it, and create_graph recompiles): in a fresh JVM running the seed polynomial,
     * FnNode.apply's C2 compile inlined 3.9-4.8 KB of bytecode and took 0.45-1 s of the only C2 thread; 3.2 KB without.
     */
    TensorImpl applyInFormula(TensorImpl a, TensorImpl b) {
        if (boolError != null) checkBools(a, b);
        DType t = computeType(a, b);
        TensorImpl out = raw(kernel, a, b, t, rule == Rule.COMPARE ? DType.BOOL : t);
        if (dSelf != null && Graph.needs(a, b)) record(a, b, out);
        return out;
    }

    /**
     * {@code op(a, b)} with a C++ {@code Scalar} operand, as derivative formulas call it ({@code at::mul(grad, 2)}):
     * the values of {@link #apply} with {@code b} a wrapped number, recorded as the overload's own one-input node
     * where PyTorch has one ({@code AddBackward1}, {@code SubBackward1}, {@code MulBackward1}, {@code DivBackward1}).
     */
    public TensorImpl applyScalar(TensorImpl a, double b) {
        TensorImpl sb = TensorImpl.scalar(b);
        if (cppScalarNode == null) return applyInFormula(a, sb);
        if (boolError != null) checkBools(a, sb);
        DType t = computeType(a, sb);
        TensorImpl out = raw(kernel, a, sb, t, t);
        if (Graph.needs(a)) {
            Derivative ds = dSelf;
            Dual.Forward fw = DualLevels.open() == 0 ? null : tg -> tg[0] == null ? null : ds.of(tg[0], a, sb, out);
            recordScalar(cppScalarNode, a, sb, out, fw);
        }
        return out;
    }

    void checkBools(TensorImpl a, TensorImpl b) {
        if (a.dtype() == DType.BOOL && b.dtype() == DType.BOOL) throw new IllegalArgumentException(boolError);
        if (oneBoolError != null && (a.dtype() == DType.BOOL || b.dtype() == DType.BOOL)) {
            throw new IllegalArgumentException(oneBoolError);
        }
    }

    /** True when PyTorch has the out= form {@code torch.name(a, b, out=t)}: every public row. */
    public boolean hasOut() {
        return !internal;
    }

    /**
     * {@code torch.name(a, b, out=out)} through the one out= path ({@link Out}): the values of {@link #apply}, written
     * into out (resized to the broadcast shape if it has another, cast to its dtype); returns out.
     */
    public TensorImpl out(TensorImpl a, TensorImpl b, TensorImpl out) {
        return Out.write(name, out, () -> {
            if (boolError != null) checkBools(a, b);
            DType t = computeType(a, b);
            return plan(kernel, a, b, t, rule == Rule.COMPARE ? DType.BOOL : t);
        }, a, b);
    }

    /** {@link #raw}'s computation as an out= plan: the kernel writes into the destination it is given. */
    static Out.Plan plan(BinaryOp op, TensorImpl a, TensorImpl b, DType compute, DType outType) {
        int[] shape = Ops.broadcast(a.shape(), b.shape());
        TensorImpl ac = Ops.convert(a, compute), bc = Ops.convert(b, compute);
        Storage as = ac.storage(), bs = bc.storage();
        org.autograd4j.storage.Layout al = ac.layout().broadcastTo(shape), bl = bc.layout().broadcastTo(shape);
        return new Out.Plan(shape, outType, a.shape() == shape ? a.layout() : b.layout(), true,
                (os, ol) -> K.binary(op, as, al, bs, bl, os, ol));
    }

    /** {@code a = op(a, b)} in place, through the one in-place path. */
    public TensorImpl apply_(TensorImpl a, TensorImpl b) {
        if (rule != Rule.COMPARE && InPlace.direct(a, b)) {
            InPlace.checkDirect(a, b);
            if (boolError != null) checkBools(a, b);
            DType t = computeType(a, b);
            if (t == a.dtype()) {
                // written straight into a: no temporary, no copy back
                TensorImpl bc = Ops.convert(b, t);
                K.binary(kernel, a.storage(), a.layout(), bc.storage(), bc.layout().broadcastTo(a.shape()), a.storage(), a.layout());
                return InPlace.wrote(a);
            }
        }
        return InPlace.apply(a, b, old -> apply(old, b));
    }

    private void record(TensorImpl a, TensorImpl b, TensorImpl out) {
        boolean ga = a.requiresGrad(), gb = b.requiresGrad();
        int reads = (ga ? readsSelf : 0) | (gb ? readsOther : 0);
        SavedTensor sa = (reads & SELF) != 0 ? SavedTensor.input(a) : null;
        SavedTensor sb = (reads & OTHER) != 0 ? SavedTensor.input(b) : null;
        SavedTensor sy = (reads & RESULT) != 0 ? SavedTensor.output(out) : null;
        // auto_element_wise: the tangent is the sum over inputs of each one's derivative applied to its tangent
        Derivative ds = dSelf, dt = dOther;
        Dual.Forward fw = DualLevels.open() == 0 ? null : t -> {
            TensorImpl r = t[0] == null ? null : ds.of(t[0], a, b, out);
            if (t.length < 2 || t[1] == null) return r;
            if (dt == null) throw new UnsupportedOperationException(Dual.notImplemented(name));
            TensorImpl q = dt.of(t[1], a, b, out);
            return r == null ? q : add(r, q);
        };
        if (b.isWrappedNumber() && scalarNode != null) {
            recordScalar(scalarNode, a, b, out, fw);
            return;
        }
        Graph.record(out, node, backward, new TensorImpl[] {a, b}, fw, new SavedTensor[] {sa, sb, sy});
    }

    /** PyTorch's .Scalar overload: one input; the scalar {@code b} is a constant of the node. */
    private void recordScalar(String name, TensorImpl a, TensorImpl b, TensorImpl out, Dual.Forward fw) {
        SavedTensor sa = (readsSelf & SELF) != 0 ? SavedTensor.input(a) : null;
        SavedTensor sy = (readsSelf & RESULT) != 0 ? SavedTensor.output(out) : null;
        Derivative ds = dSelf;
        Graph.record(out, name, (g, n) -> new TensorImpl[] {ds.of(g, get(sa), b, get(sy))}, new TensorImpl[] {a}, fw, sa, sy);
    }

    /**
     * The backward of every two-input node of the table, one object per row: it reads the saved self, other and
     * result from the node, so recording allocates no closure, and all binary nodes share one class, which keeps
     * the node's call of its backward from seeing a new class for every op.
     */
    private static final class Backward implements FnNode.Backward {
        private final Derivative dSelf, dOther;

        Backward(Derivative dSelf, Derivative dOther) {
            this.dSelf = dSelf;
            this.dOther = dOther;
        }

        @Override
        public TensorImpl[] apply(TensorImpl g, FnNode n) {
            TensorImpl x = n.saved(0), y = n.saved(1), r = n.saved(2);
            return new TensorImpl[] {n.needs(0) ? dSelf.of(g, x, y, r) : null, n.needs(1) ? dOther.of(g, x, y, r) : null};
        }
    }

    private static TensorImpl get(SavedTensor s) {
        return s == null ? null : s.get();
    }

    /** {@code op(a, b)} computed in {@code compute}, written as {@code outType}; no graph. */
    static TensorImpl raw(BinaryOp op, TensorImpl a, TensorImpl b, DType compute, DType outType) {
        int[] shape = Ops.broadcast(a.shape(), b.shape());
        // operands already in the compute dtype, and Java scalars, need no converted tensor: only a storage
        Storage as = Ops.storageIn(a, compute), bs = Ops.storageIn(b, compute);
        if (as == null) {
            a = Ops.convert(a, compute);
            as = a.storage();
        }
        if (bs == null) {
            b = Ops.convert(b, compute);
            bs = b.storage();
        }
        TensorImpl out = Ops.empty(outType, shape, a.shape() == shape ? a.layout() : b.layout());
        K.binary(op, as, a.layout().broadcastTo(shape), bs, b.layout().broadcastTo(shape), out.storage(), out.layout());
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
