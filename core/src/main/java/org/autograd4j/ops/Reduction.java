package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;
import static org.autograd4j.ops.TensorMath.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.DualLevels;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.kernels.BinaryOp;
import org.autograd4j.kernels.ReduceOp;
import org.autograd4j.kernels.UnaryOp;
import org.autograd4j.storage.Sizes;

/**
 * The reductions over dims, one declaration each: the ops of the shape {@code op(x, dims, keepdim)} (plus one
 * scalar parameter for norm's p and var/std's correction), PyTorch's {@code derivatives.yaml} rows plus
 * OpInfo's {@code ref}. A row is its PyTorch name, the node PyTorch records for the all-dims form
 * ({@code torch.sum(x)}: {@code SumBackward0}) and for the dim form ({@code torch.sum(x, dims, keepdim)}:
 * {@code SumBackward1}), its kernel (or a forward of its own), its dtype rule, what its derivative reads (so
 * the node saves only that), the derivative in tensor ops, and a double reference over the reduced values.
 * {@link #all} is the all-dims form, {@link #apply} the dim form (dims null or empty: all dims, as PyTorch's
 * {@code dim=None} and {@code dim=()}).
 *
 * <p>Every derivative sees the call's reduced dims as an {@link Over}: {@link Over#restore} puts them back as
 * size 1 (PyTorch's {@code restore_reduced_dims}), {@link Over#expandBack} then expands to the input's shape.
 * The reductions of other shapes (max/min with indices, argmax, cumsum, softmax) and the shared machinery
 * (masks, the kernel call, {@code sumTo}) are in {@link Reductions}.
 */
public final class Reduction {
    /** How the result dtype follows from the input's. */
    public enum Rule {
        /** The input's dtype (amax, amin). */
        SAME,
        /** Floating inputs keep their dtype; integer and bool inputs give int64 (sum, prod). */
        SUM,
        /** Floating inputs keep their dtype; integer and bool inputs compute in the default dtype float32 (logsumexp). */
        FLOAT,
        /** Floating inputs only; others fail with PyTorch's message, {@link #dtypeError} (mean, norm, var, std). */
        FLOATING,
        /** A bool result from any input dtype (all, any); not differentiable. */
        BOOL
    }

    /** Bits of what a derivative reads. */
    static final int SELF = 1, RESULT = 2;

    /** The forward of a row with no plain kernel call: the result, with no graph. */
    @FunctionalInterface
    public interface Forward {
        /** {@code op(x)} over {@code over}'s dims with parameter {@code p}. */
        TensorImpl of(TensorImpl x, Over over, double p);
    }

    /** The derivative: the input's gradient from the output's gradient, the saved values and the call's dims. */
    @FunctionalInterface
    public interface Derivative {
        /** {@code self} and {@code result} are null unless the row declares it reads them; null: no gradient. */
        TensorImpl of(TensorImpl grad, TensorImpl self, TensorImpl result, Over over, double p);
    }

    /** The double-precision reference, OpInfo's {@code ref}: the result from the values one output element reduces. */
    @FunctionalInterface
    public interface Ref {
        /** {@code op(values; p)}. */
        double of(double[] values, double p);
    }

    /** One call's reduced dims: the input's shape, which dims are reduced, the dims as given, keepdim and the form. */
    public static final class Over {
        private final int[] shape;
        private final boolean[] mask;
        private final int[] given;
        private final boolean keepdim, all;

        Over(int[] shape, boolean[] mask, int[] given, boolean keepdim, boolean all) {
            this.shape = shape;
            this.mask = mask;
            this.given = given;
            this.keepdim = keepdim;
            this.all = all;
        }

        /** The input's shape. */
        public int[] shape() {
            return shape.clone();
        }

        /** The reduced dims as a mask over the input's dims. */
        boolean[] mask() {
            return mask;
        }

        /** The dims as the caller gave them (empty: all dims). */
        public int[] given() {
            return given;
        }

        /** The reduced dims, normalized and sorted. */
        public int[] dims() {
            return Reductions.dimsOf(mask);
        }

        public boolean keepdim() {
            return keepdim;
        }

        /** True for the all-dims form ({@code torch.sum(x)}), false for the dim form. */
        public boolean isAll() {
            return all;
        }

        /** How many input elements each output element reduces. */
        public int count() {
            int c = 1;
            for (int d = 0; d < shape.length; d++) if (mask[d]) c *= shape[d];
            return c;
        }

        /**
         * {@code t} (shaped like the output) with the reduced dims put back as size 1 when {@code !keepdim}
         * (PyTorch's {@code unsqueeze_multiple} / {@code restore_reduced_dims}); it then broadcasts against the input.
         */
        public TensorImpl restore(TensorImpl t) {
            if (keepdim) return t;
            TensorImpl r = t;
            for (int d = 0; d < mask.length; d++) if (mask[d]) r = TensorMath.unsqueeze(r, d);
            return r;
        }

        /** {@code g} (shaped like the output) broadcast back over the input's shape. */
        public TensorImpl expandBack(TensorImpl g) {
            return TensorMath.expand(restore(g), shape);
        }
    }

    private static final List<Reduction> ROWS = new ArrayList<>();

    /** Every declared reduction, in declaration order. */
    public static final List<Reduction> ALL_ROWS = Collections.unmodifiableList(ROWS);

    // ------------------------------------------------------------------ the table

    /**
     * Σ x. Derivative: g expanded to x's shape. PyTorch's cascade sum, so its bits, which (as PyTorch's) depend on
     * the layout.
     */
    public static final Reduction SUM = kernel("sum", "SumBackward0", "SumBackward1", ReduceOp.SUM, Rule.SUM, 0,
            (g, x, y, o, p) -> o.expandBack(g), (v, p) -> total(v)).ulps(0).layoutDependent();
    /** Σ x / n, as PyTorch: the sum rounded to the dtype, then divided. Derivative: g/n expanded. */
    public static final Reduction MEAN = def("mean", "MeanBackward0", "MeanBackward1", (x, o, p) -> meanRaw(x, o.mask(), o.keepdim()),
            Rule.FLOATING, 0, (g, x, y, o, p) -> div(o.expandBack(g), (double) o.count()), (v, p) -> total(v) / v.length)
            .dtypeError("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: %s")
            .ulps(0).layoutDependent();
    /**
     * Π x. Derivative: each element gets the product of all the others: {@code g·out/x} when no element is
     * zero; with exactly one zero, that position gets the product of the rest; with two or more, all zero.
     * The dim form (PyTorch's {@code ProdBackward1}) is not implemented.
     */
    public static final Reduction PROD = kernel("prod", "ProdBackward0", "ProdBackward1", ReduceOp.PROD, Rule.SUM, SELF | RESULT,
            (g, x, y, o, p) -> prodBackward(g, x, y), (v, p) -> product(v)).noDimForm().ulps(2);
    /**
     * The largest element over dims, NaN-propagating ({@code torch.amax}); unlike {@code max(dim)} no indices.
     * Ties share the gradient evenly, PyTorch's
     * {@code scale_grad_by_count(restore_reduced_dims(grad), restore_reduced_dims(result) == self, dim)}:
     * with {@code m = (x == result)}, {@code ∂x = (g / Σ_dims m) · m}. An empty x needs dims, none of them of
     * size 0 (PyTorch's errors).
     */
    public static final Reduction AMAX = kernel("amax", "AmaxBackward0", "AmaxBackward0", ReduceOp.MAX, Rule.SAME, SELF | RESULT,
            Reduction::amaxBackward, (v, p) -> largest(v)).noIdentity();
    /** The smallest element over dims ({@code torch.amin}); as {@link #AMAX}. */
    public static final Reduction AMIN = kernel("amin", "AminBackward0", "AminBackward0", ReduceOp.MIN, Rule.SAME, SELF | RESULT,
            Reduction::amaxBackward, (v, p) -> smallest(v)).noIdentity();
    /**
     * {@code log Σ_dims eˣ}, computed as PyTorch does without overflow ({@link #logsumexp}). PyTorch has no
     * all-dims form (dims are required). Derivative ({@code logsumexp_backward}): {@code ∂x = g · e^(x - result)}
     * (g and result unsqueezed back).
     */
    public static final Reduction LOGSUMEXP = def("logsumexp", null, "LogsumexpBackward0", Reduction::logsumexp, Rule.FLOAT,
            SELF | RESULT, (g, x, y, o, p) -> mul(o.restore(g), exp(sub(x, o.restore(y)))), (v, p) -> logSumExp(v))
            .noAllForm().ulps(2).layoutDependent();
    /** Every element nonzero (NaN counts as nonzero), true over an empty set; any input dtype; not differentiable. */
    public static final Reduction ALL = kernel("all", null, null, ReduceOp.ALL, Rule.BOOL, 0, null, (v, p) -> {
        for (double t : v) if (t == 0) return 0;
        return 1;
    });
    /** Some element nonzero, false over an empty set; any input dtype; not differentiable. */
    public static final Reduction ANY = kernel("any", null, null, ReduceOp.ANY, Rule.BOOL, 0, null, (v, p) -> {
        for (double t : v) if (t != 0) return 1;
        return 0;
    });
    /**
     * {@code torch.norm(x, p, dims, keepdim)}: p = 2 {@code √Σx²}, p = 1 {@code Σ|x|}, p = ∞ {@code amax |x|},
     * p = -∞ {@code amin |x|}, p = 0 the count of nonzeros, otherwise {@code (Σ|x|ᵖ)^(1/p)}; an empty x gives 0
     * for every p, as PyTorch 1.13. PyTorch 1.13 records {@code NormBackward1} for both forms. Derivative
     * ({@link #normBackward}): PyTorch's {@code norm_backward}.
     */
    public static final Reduction NORM = def("norm", "NormBackward1", "NormBackward1", Reduction::norm, Rule.FLOATING,
            SELF | RESULT, Reduction::normBackward, Reduction::pNorm).param(2, "p").domain(Unary.Domain.NONZERO)
            .dtypeError("norm(): input dtype should be either floating point or complex. Got %s instead.").ulps(2).layoutDependent();
    /**
     * Variance with correction p (1: Bessel's, PyTorch's default), accumulated in float64. Derivative:
     * {@code 2/(N-c)·g·(x - mean)}.
     */
    public static final Reduction VAR = def("var", "VarBackward0", "VarBackward0", (x, o, c) -> variance(x, o, c, false),
            Rule.FLOATING, SELF, (g, x, y, o, c) -> varianceBackward(g, x, o, c), (v, c) -> sampleVariance(v, c))
            .param(1, null).dtypeError("std and var only support floating point and complex dtypes").ulps(2).layoutDependent();
    /** √var. Derivative: var's applied to {@code g/(2·out)}, zero where out = 0. */
    public static final Reduction STD = def("std", "StdBackward0", "StdBackward0", (x, o, c) -> variance(x, o, c, true),
            Rule.FLOATING, SELF | RESULT, (g, x, y, o, c) -> varianceBackward(Pointwise.maskedFill(div(g, mul(y, 2.0)), eq(y, 0.0), 0), x, o, c),
            (v, c) -> Math.sqrt(sampleVariance(v, c)))
            .param(1, null).dtypeError("std and var only support floating point and complex dtypes").ulps(2).layoutDependent();

    // ------------------------------------------------------------------ the row type

    /** PyTorch's function name, e.g. {@code sum}. */
    public final String name;
    /** The node PyTorch records for the all-dims form; null when not differentiable or there is no such form. */
    public final String allNode;
    /** The node PyTorch records for the dim form; null when not differentiable. */
    public final String dimNode;
    /** The kernel case, or null for a row with a forward of its own. */
    public final ReduceOp kernel;
    /** The dtype rule. */
    public final Rule rule;
    /** The derivative, null for ops that are not differentiable. */
    public final Derivative derivative;
    /** Double-precision reference over the reduced values. */
    public final Ref ref;
    private final Forward forward;
    private final int reads;
    private boolean allForm = true, dimForm = true, identity = true;
    private double p;
    private String pyParam;
    private String dtypeError;
    private Unary.Domain domain = Unary.Domain.ALL;
    private int ulps;
    private boolean layoutDependent;

    private Reduction(String name, String allNode, String dimNode, ReduceOp kernel, Forward forward, Rule rule, int reads,
                      Derivative derivative, Ref ref) {
        this.name = name;
        this.allNode = allNode;
        this.dimNode = dimNode;
        this.kernel = kernel;
        this.forward = forward != null ? forward : (x, o, q) -> Reductions.reduceRaw(kernel, x, o.mask(), o.keepdim(), resultType(x.dtype()));
        this.rule = rule;
        this.reads = reads;
        this.derivative = derivative;
        this.ref = ref;
    }

    private static Reduction def(String name, String allNode, String dimNode, Forward forward, Rule rule, int reads, Derivative d, Ref ref) {
        Reduction r = new Reduction(name, allNode, dimNode, null, forward, rule, reads, d, ref);
        ROWS.add(r);
        return r;
    }

    private static Reduction kernel(String name, String allNode, String dimNode, ReduceOp kernel, Rule rule, int reads, Derivative d,
                                    Ref ref) {
        Reduction r = new Reduction(name, allNode, dimNode, kernel, null, rule, reads, d, ref);
        ROWS.add(r);
        return r;
    }

    /** PyTorch has no all-dims form (logsumexp requires dims). */
    private Reduction noAllForm() {
        allForm = false;
        return this;
    }

    /** This library has only the all-dims form (PyTorch's dim form is not implemented). */
    private Reduction noDimForm() {
        dimForm = false;
        return this;
    }

    /**
     * No identity (amax, amin): PyTorch's {@code zero_numel_check_dims}: an empty input needs dims, and none of them may
     * have size 0.
     */
    private Reduction noIdentity() {
        identity = false;
        return this;
    }

    /** The scalar parameter's default, and its PyTorch keyword (null: PyTorch's own default, not spelled in calls). */
    private Reduction param(double p, String pyKeyword) {
        this.p = p;
        this.pyParam = pyKeyword;
        return this;
    }

    /** PyTorch's message for an integer or bool input ({@code %s}: the dtype's PyTorch name). */
    private Reduction dtypeError(String message) {
        dtypeError = message;
        return this;
    }

    /** The result's last bits depend on the input's layout, as PyTorch's: the op sums (in PyTorch's cascade order). */
    private Reduction layoutDependent() {
        layoutDependent = true;
        return this;
    }

    /** True when the result's last bits depend on the input's layout (the sums), as PyTorch's do. */
    public boolean isLayoutDependent() {
        return layoutDependent;
    }

    private Reduction domain(Unary.Domain d) {
        domain = d;
        return this;
    }

    /**
     * Float32 agreement with PyTorch, in ulps of the result's largest magnitude, as measured against its goldens
     * (0: bit-exact; the sums follow PyTorch's cascade, the composite reductions round differently in places).
     */
    private Reduction ulps(int u) {
        ulps = u;
        return this;
    }

    /** Measured agreement with PyTorch in float32 ulps of the largest magnitude (0: bit-exact). */
    public int ulps() {
        return ulps;
    }

    /** True when PyTorch has the all-dims form {@code torch.name(x)}. */
    public boolean hasAllForm() {
        return allForm;
    }

    /** True when the dim form is implemented. */
    public boolean hasDimForm() {
        return dimForm;
    }

    /** False for reductions without identity, which reject empty reductions (amax, amin). */
    public boolean hasIdentity() {
        return identity;
    }

    /** True when the op is differentiable. */
    public boolean isDifferentiable() {
        return derivative != null;
    }

    /** The default parameter (norm's p, var's and std's correction; 0 for rows without one). */
    public double defaultP() {
        return p;
    }

    /** The PyTorch keyword of the parameter, or null when calls leave it at PyTorch's default. */
    public String pyParam() {
        return pyParam;
    }

    /** The input domain the tests sample from. */
    public Unary.Domain domain() {
        return domain;
    }

    /** PyTorch's message for an input of dtype {@code d}, or null when it is accepted. */
    public String dtypeError(DType d) {
        return dtypeError == null || d.isFloatingPoint() ? null : String.format(dtypeError, d.scalarTypeName());
    }

    /** The result dtype for an input of dtype {@code d}. */
    public DType resultType(DType d) {
        return switch (rule) {
            case SAME, FLOATING -> d;
            case SUM -> d.isFloatingPoint() ? d : DType.INT64;
            case FLOAT -> d.isFloatingPoint() ? d : DType.FLOAT32;
            case BOOL -> DType.BOOL;
        };
    }

    /** The all-dims form {@code torch.name(x)} with the default parameter. */
    public TensorImpl all(TensorImpl x) {
        return all(x, p);
    }

    /** The all-dims form with parameter {@code p}. */
    public TensorImpl all(TensorImpl x, double p) {
        if (!allForm) throw new UnsupportedOperationException(name + "() needs dims: PyTorch has no all-dims form");
        return reduce(x, null, false, true, p);
    }

    /** The dim form {@code torch.name(x, dims, keepdim)} with the default parameter; dims null or empty: all dims. */
    public TensorImpl apply(TensorImpl x, int[] dims, boolean keepdim) {
        return apply(x, dims, keepdim, p);
    }

    /** The dim form with parameter {@code p}. */
    public TensorImpl apply(TensorImpl x, int[] dims, boolean keepdim, double p) {
        if (!dimForm) throw new UnsupportedOperationException(name + " over dims (PyTorch's " + dimNode + ") is not implemented");
        return reduce(x, dims, keepdim, false, p);
    }

    /**
     * The dim form recorded as {@code node} (dims null: all dims): {@code linalg.vector_norm} is norm's row under
     * PyTorch's {@code LinalgVectorNormBackward0}.
     */
    public TensorImpl applyAs(String node, TensorImpl x, int[] dims, boolean keepdim, double p) {
        return reduce(x, dims, keepdim, dims == null, p, node);
    }

    private TensorImpl reduce(TensorImpl x, int[] dims, boolean keepdim, boolean allDims, double q) {
        return reduce(x, dims, keepdim, allDims, q, allDims ? allNode : dimNode);
    }

    private TensorImpl reduce(TensorImpl x, int[] dims, boolean keepdim, boolean allDims, double q, String node) {
        String error = dtypeError(x.dtype());
        if (error != null) throw new IllegalArgumentException(error);
        int[] given = dims == null ? new int[0] : dims;
        if (!identity && x.numel() == 0) zeroNumelCheck(x, given);
        Over over = new Over(x.shape(), reduceMask(given, x.dim()), given, keepdim, allDims);
        TensorImpl out = forward.of(x, over, q);
        if (derivative != null && Graph.needs(x)) {
            SavedTensor sx = (reads & SELF) != 0 ? SavedTensor.input(x) : null;
            SavedTensor so = (reads & RESULT) != 0 ? SavedTensor.output(out) : null;
            Derivative d = derivative;
            Dual.Forward fw = DualLevels.open() == 0 ? null : t -> tangent(t[0], x, out, over, q);
            Graph.record(out, node, (g, n) -> new TensorImpl[] {
                d.of(g, sx == null ? null : sx.get(), so == null ? null : so.get(), over, q)}, x, fw, sx, so);
        }
        return out;
    }

    /**
     * The tangent of a reduction: every row's derivative is {@code restore(g)·W} with W the Jacobian's entries
     * (each output depends only on the elements it reduces), so the derivative of a ones gradient is W and the
     * tangent is {@code Σ_dims W·t} (for sum W = 1, for mean 1/n, for amax the tie-shared mask, …).
     */
    private TensorImpl tangent(TensorImpl t, TensorImpl x, TensorImpl out, Over over, double q) {
        // sum and mean are linear: the op applied to the tangent (mean of nothing is NaN, as PyTorch's tangent)
        if (this == SUM || this == MEAN) return over.isAll() ? all(t) : apply(t, over.dims(), over.keepdim());
        // std's is var's over 2·result, as PyTorch's std_var_jvp
        if (this == STD) return div(VAR.tangent(t, x, mul(out, out), over, q), mul(out, 2.0));
        TensorImpl w = derivative.of(Creation.full(out.shape(), 1, out.dtype()), x, out, over, q);
        if (w == null) return mul(out, 0.0);
        TensorImpl wt = mul(w, t);
        return over.isAll() ? SUM.all(wt) : SUM.apply(wt, over.dims(), over.keepdim());
    }

    @Override
    public String toString() {
        return name;
    }

    // ------------------------------------------------------------------ shared checks

    /**
     * {@link Reductions#dimMask} plus the duplicate check it skips for a 0-d tensor (PyTorch rejects {@code (0, -1)}
     * on a scalar too).
     */
    static boolean[] reduceMask(int[] dims, int ndim) {
        if (ndim == 0 && dims != null && dims.length > 1) {
            boolean seen = false;
            for (int d : dims) {
                Ops.wrapDim(d, 0);
                if (seen) throw new IllegalArgumentException("dim 0 appears multiple times in the list of dims");
                seen = true;
            }
        }
        return Reductions.dimMask(dims, ndim);
    }

    /**
     * PyTorch's {@code zero_numel_check_dims} for a reduction without identity on an empty tensor: dims must be
     * given and each (as written, in order) must have a non-zero size.
     */
    private void zeroNumelCheck(TensorImpl x, int[] dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException(name + "(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        for (int d : dims) {
            int w = Ops.wrapDim(d, x.dim());
            if (x.dim() > 0 && x.layout().size(w) == 0) {
                throw new IndexOutOfBoundsException(name + "(): Expected reduction dim " + d + " to have non-zero size.");
            }
        }
    }

    // ------------------------------------------------------------------ forwards and derivatives of the rows

    /** Σ x / n over the masked dims, as PyTorch: the sum rounded to the dtype, then divided (no graph). */
    static TensorImpl meanRaw(TensorImpl x, boolean[] mask, boolean keepdim) {
        TensorImpl s = Reductions.reduceRaw(ReduceOp.SUM, x, mask, keepdim, x.dtype());
        int count = 1;
        int[] shape = x.shape();
        for (int d = 0; d < shape.length; d++) if (mask[d]) count *= shape[d];
        if (s.numel() == 0) return s;
        TensorImpl n = Ops.convert(TensorImpl.scalar((double) count), x.dtype());
        TensorImpl out = Ops.empty(x.dtype(), s.shape());
        K.binary(BinaryOp.DIV, s.storage(), s.layout(), n.storage(), n.layout().broadcastTo(s.shape()),
                out.storage(), out.layout());
        return out;
    }

    /**
     * prod's derivative, still differentiable at zeros (double backward): nz = x with its zeros replaced by 1,
     * p = Π nz, s = Σ of the zero elements (0, but it carries their gradient).
     */
    private static TensorImpl prodBackward(TensorImpl g, TensorImpl a, TensorImpl out) {
        if (a.dim() == 0) return g; // as PyTorch's prod_backward: a 0-d input passes the gradient through
        TensorImpl isZero = eq(a, 0.0);
        long zeros = Reductions.itemLong(sum(isZero));
        if (zeros == 0) return div(mul(g, out), a);
        TensorImpl nz = where(isZero, 1.0, a);
        TensorImpl p = PROD.all(nz), s = sum(where(isZero, a, 0.0));
        if (zeros == 1) return where(isZero, mul(g, p), div(mul(mul(g, s), p), nz));
        if (zeros == 2) return where(isZero, mul(mul(g, p), sub(s, a)), 0.0);
        return add(mul(a, 0.0), mul(g, 0.0));
    }

    /** amax's and amin's: {@code (g / Σ_dims m) · m} with {@code m = (x == result)}, both unsqueezed back. */
    private static TensorImpl amaxBackward(TensorImpl g, TensorImpl x, TensorImpl y, Over o, double p) {
        TensorImpl m = eq(o.restore(y), x);
        return mul(div(o.restore(g), sum(m, o.dims(), true)), m);
    }

    /**
     * logsumexp's forward, as PyTorch's: {@code m = amax(x, dims, keepdim=True)} with infinite maxima replaced by 0,
     * then {@code log(Σ e^(x - m)) + m}; an empty x gives {@code log Σ eˣ} (-∞ over empty dims). Integer and bool
     * inputs compute in float32. Runs without recording (the row records one node). As PyTorch 1.13, empty dims
     * with {@code keepdim=false} on a non-empty tensor of dim ≥ 1 fail ("output with shape [] doesn't match the
     * broadcast shape [1, …]").
     */
    private static TensorImpl logsumexp(TensorImpl x, Over o, double p) {
        int[] ds = o.given();
        boolean keepdim = o.keepdim();
        TensorImpl xf = x.dtype().isFloatingPoint() ? x : Ops.convert(x, DType.FLOAT32);
        boolean prev = GradMode.set(false);
        try {
            if (xf.numel() != 0) {
                if (ds.length == 0 && !keepdim && xf.dim() > 0) {
                    int[] ones = new int[xf.dim()];
                    java.util.Arrays.fill(ones, 1);
                    throw new IllegalArgumentException("output with shape [] doesn't match the broadcast shape " + Sizes.list(ones));
                }
                TensorImpl maxes = AMAX.apply(xf, ds, true);
                maxes = where(eq(Unary.ABS.apply(maxes), Double.POSITIVE_INFINITY), 0.0, maxes);
                TensorImpl s = sum(exp(sub(xf, maxes)), ds, keepdim);
                TensorImpl ms = keepdim || xf.dim() == 0 ? maxes : reshape(maxes, s.shape());
                return add(log(s), ms);
            }
            return log(sum(exp(xf), ds, keepdim));
        } finally {
            GradMode.set(prev);
        }
    }

    /** norm's forward, without recording. */
    private static TensorImpl norm(TensorImpl x, Over o, double p) {
        int[] ds = o.given();
        boolean keepdim = o.keepdim();
        boolean prev = GradMode.set(false);
        try {
            if (x.numel() == 0) return Ops.empty(x.dtype(), Reductions.outShape(x.shape(), o.mask(), keepdim));
            if (p == 2) return sqrt(sum(mul(x, x), ds, keepdim));
            if (p == 1) return sum(Unary.ABS.apply(x), ds, keepdim);
            if (Double.isInfinite(p)) return (p > 0 ? AMAX : AMIN).apply(Unary.ABS.apply(x), ds, keepdim);
            if (p == 0) return sum(to(ne(x, 0.0), x.dtype()), ds, keepdim);
            return pow(sum(pow(Unary.ABS.apply(x), p), ds, keepdim), 1 / p);
        } finally {
            GradMode.set(prev);
        }
    }

    /**
     * PyTorch's {@code norm_backward} with g and result unsqueezed back: p = 0 no gradient (undefined, as PyTorch);
     * p = 1 {@code sgn(x)·g}; p = 2 {@code g·x/result}, 0 where result = 0; p = ±∞ {@code sgn(x)·(g / Σm)·m},
     * {@code m = (|x| == result) ∨ isnan(x)}; p &lt; 1 {@code sgn(x)·|x|^(p-1)·g·result^(1-p)}, 0 where x = 0;
     * 1 &lt; p &lt; 2 {@code sgn(x)·|x|^(p-1)·g/result^(p-1)} and p &gt; 2 {@code x·|x|^(p-2)·g/result^(p-1)}, 0
     * where result = 0 (the zeros written by masked_fill, as PyTorch).
     */
    private static TensorImpl normBackward(TensorImpl g, TensorImpl a, TensorImpl y, Over o, double p) {
        if (p == 0) return null;
        TensorImpl gg = o.restore(g), r = o.restore(y);
        if (p == 1) return mul(sgn(a), gg);
        if (p == 2) return mul(gg, Pointwise.maskedFill(div(a, r), eq(r, 0.0), 0));
        TensorImpl abs = Unary.ABS.apply(a);
        if (Double.isInfinite(p)) {
            TensorImpl nan = Unary.ISNAN.apply(abs);
            TensorImpl m = where(nan, nan, eq(abs, r));
            return mul(sgn(a), mul(div(gg, sum(m, o.dims(), true)), m));
        }
        if (p < 1) {
            TensorImpl scaled = mul(sgn(a), Pointwise.maskedFill(pow(abs, p - 1), eq(a, 0.0), 0));
            return mul(mul(scaled, gg), pow(r, 1 - p));
        }
        TensorImpl scaled = p < 2 ? mul(sgn(a), pow(abs, p - 1)) : mul(a, pow(abs, p - 2));
        TensorImpl scale = Pointwise.maskedFill(div(gg, pow(r, p - 1)), eq(r, 0.0), 0);
        return mul(scaled, scale);
    }

    /** Variance (or its square root) with {@code correction}, accumulated in float64, rounded to x's dtype. */
    private static TensorImpl variance(TensorImpl x, Over o, double correction, boolean std) {
        boolean[] mask = o.mask();
        TensorImpl xd = Ops.convert(x, DType.FLOAT64);
        TensorImpl mean = meanRaw(xd, mask, true);
        TensorImpl diff = Binary.raw(BinaryOp.SUB, xd, mean, DType.FLOAT64, DType.FLOAT64);
        TensorImpl sq = Binary.raw(BinaryOp.MUL, diff, diff, DType.FLOAT64, DType.FLOAT64);
        TensorImpl ss = Reductions.reduceRaw(ReduceOp.SUM, sq, mask, o.keepdim(), DType.FLOAT64);
        TensorImpl v = Binary.raw(BinaryOp.DIV, ss, TensorImpl.scalar(dof(o, correction)), DType.FLOAT64, DType.FLOAT64);
        if (std) v = Ops.unaryRaw(UnaryOp.SQRT, v, DType.FLOAT64, 0, 0);
        return Ops.convert(v, x.dtype());
    }

    /** {@code max(0, N - correction)}. */
    private static double dof(Over o, double correction) {
        return Math.max(0, o.count() - correction);
    }

    /**
     * var's derivative for the gradient {@code gv}: {@code 2/(N-c)·gv·(x - mean)} (the all-dims form's mean is mean(x)),
     * as PyTorch's {@code var_backward}: gv broadcasts, unsqueezed back only for a dim form without keepdim over a
     * tensor of two or more dims.
     */
    private static TensorImpl varianceBackward(TensorImpl gv, TensorImpl a, Over o, double correction) {
        boolean all = o.isAll() || a.dim() == 0;
        TensorImpl m = all ? MEAN.all(a) : MEAN.apply(a, o.dims(), true);
        TensorImpl g = !all && !o.keepdim() && a.dim() > 1 ? o.restore(gv) : gv;
        return mul(mul(g, 2.0 / dof(o, correction)), sub(a, m));
    }

    // ------------------------------------------------------------------ the references (in double)

    private static double total(double[] v) {
        double s = 0;
        for (double t : v) s += t;
        return s;
    }

    private static double product(double[] v) {
        double r = 1;
        for (double t : v) r *= t;
        return r;
    }

    private static double largest(double[] v) {
        double r = Double.NEGATIVE_INFINITY;
        for (double t : v) r = Math.max(r, t);
        return r;
    }

    private static double smallest(double[] v) {
        double r = Double.POSITIVE_INFINITY;
        for (double t : v) r = Math.min(r, t);
        return r;
    }

    private static double logSumExp(double[] v) {
        double m = largest(v);
        if (Double.isInfinite(m)) m = 0;
        double s = 0;
        for (double t : v) s += Math.exp(t - m);
        return Math.log(s) + m;
    }

    private static double pNorm(double[] v, double p) {
        if (v.length == 0) return 0;
        double[] a = new double[v.length];
        for (int i = 0; i < a.length; i++) a[i] = Math.abs(v[i]);
        if (p == Double.POSITIVE_INFINITY) return largest(a);
        if (p == Double.NEGATIVE_INFINITY) return smallest(a);
        double s = 0;
        for (double t : a) s += p == 0 ? (t != 0 ? 1 : 0) : Math.pow(t, p);
        return p == 0 ? s : Math.pow(s, 1 / p);
    }

    private static double sampleVariance(double[] v, double correction) {
        double m = total(v) / v.length, ss = 0;
        for (double t : v) ss += (t - m) * (t - m);
        return ss / Math.max(0, v.length - correction);
    }
}
