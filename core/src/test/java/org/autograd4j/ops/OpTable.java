package org.autograd4j.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;

/**
 * The op test table (architecture rule 6): one row per differentiable op of the public API, with sample
 * inputs (0-d, empty, odd sizes, broadcasting, transposed and strided views), a plain double reference and
 * PyTorch's grad_fn name. {@link OpTableTest} turns every row into forward, gradcheck, gradgradcheck and
 * non-contiguity tests; {@link OpGoldenTest} runs the rows on PyTorch's own inputs ({@code goldens/ops.txt}).
 */
final class OpTable {
    private OpTable() {
    }

    enum Kind { FLOAT, LONG, BOOL }

    /** How a sample input is laid out in memory: contiguous, last two dims transposed, or every other element. */
    enum Style { CONTIG, TRANSPOSED, STRIDED }

    /** One tensor argument: row-major values, shape, kind, whether it requires grad, memory layout. */
    record In(double[] data, int[] shape, Kind kind, boolean diff, Style style) {
        In withStyle(Style s) {
            return new In(data, shape, kind, diff, kind == Kind.FLOAT ? s : Style.CONTIG);
        }

        In withData(double[] d) {
            return new In(d, shape, kind, diff, style);
        }

        /** A fresh leaf tensor with these values (floats as {@code dtype}); unused storage slots hold NaN. */
        Tensor make(DType dtype, boolean requiresGrad) {
            DType t = kind == Kind.FLOAT ? dtype : kind == Kind.LONG ? DType.INT64 : DType.BOOL;
            int n = data.length, nd = shape.length;
            Layout l;
            int size;
            if (style == Style.TRANSPOSED && nd >= 2) {
                int[] phys = shape.clone();
                phys[nd - 1] = shape[nd - 2];
                phys[nd - 2] = shape[nd - 1];
                int[] st = Layout.contiguousStrides(phys);
                int s = st[nd - 1];
                st[nd - 1] = st[nd - 2];
                st[nd - 2] = s;
                l = new Layout(shape.clone(), st, 0);
                size = n;
            } else if (style == Style.STRIDED) {
                int[] st = Layout.contiguousStrides(shape);
                for (int i = 0; i < nd; i++) st[i] *= 2;
                l = new Layout(shape.clone(), st, 1);
                size = 2 * n + 1;
            } else {
                l = Layout.contiguous(shape.clone());
                size = n;
            }
            Storage s = Storage.allocate(t, size);
            if (t.isFloatingPoint()) for (int i = 0; i < size; i++) s.setDouble(i, Double.NaN);
            for (int i = 0; i < n; i++) {
                if (t.isFloatingPoint()) s.setDouble(l.indexOf(i), data[i]);
                else s.setLong(l.indexOf(i), (long) data[i]);
            }
            Tensor x = Tensor.wrap(s, l);
            if (requiresGrad && diff && kind == Kind.FLOAT) x.requiresGrad_();
            return x;
        }

        String label() {
            String k = kind == Kind.LONG ? "i" : kind == Kind.BOOL ? "b" : diff ? "" : "c";
            String st = style == Style.TRANSPOSED ? "T" : style == Style.STRIDED ? "S" : "";
            return k + Arrays.toString(shape).replace(" ", "") + st;
        }
    }

    /** One call of an op; {@code gradFn} overrides the row's expected name (null: the row's). */
    record Sample(List<In> inputs, String gradFn) {
        String label() {
            StringBuilder sb = new StringBuilder();
            for (In in : inputs) sb.append(sb.isEmpty() ? "" : ",").append(in.label());
            return sb.toString();
        }

        List<Tensor> make(DType dtype, boolean requiresGrad) {
            List<Tensor> r = new ArrayList<>();
            for (In in : inputs) r.add(in.make(dtype, requiresGrad));
            return r;
        }
    }

    /** A row of the table. */
    static final class Op {
        final String name;
        final String gradFn;
        final Function<List<Tensor>, Tensor> fn;
        final Function<List<Arr>, Arr> ref;
        final Function<Random, List<Sample>> samples;
        /** float32 forward: max ulps from the correctly rounded reference; -1 compares relatively (1e-5). */
        int f32Ulps = -1;
        boolean gradcheck = true;
        boolean gradgrad = true;
        /** Golden comparison with PyTorch: max ulps per element; {@code scaled}: ulps of the tensor's max |value|. */
        int goldenUlps = 0;
        boolean goldenScaled = false;

        Op(String name, String gradFn, Function<List<Tensor>, Tensor> fn, Function<List<Arr>, Arr> ref,
           Function<Random, List<Sample>> samples) {
            this.name = name;
            this.gradFn = gradFn;
            this.fn = fn;
            this.ref = ref;
            this.samples = samples;
        }

        Op pointwise(int goldenUlps) {
            this.f32Ulps = 1;
            this.goldenUlps = goldenUlps;
            return this;
        }

        Op accum(int goldenUlps) {
            this.goldenUlps = goldenUlps;
            this.goldenScaled = true;
            return this;
        }

        Op noGradcheck() {
            gradcheck = false;
            gradgrad = false;
            return this;
        }

        Op noGradgrad() {
            gradgrad = false;
            return this;
        }

        List<Sample> samples() {
            return samples.apply(new Random(name.hashCode()));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    // ------------------------------------------------------------------ sample inputs

    interface Gen {
        In make(Random g, int... shape);
    }

    private static In gen(Random g, int[] shape, Kind kind, boolean diff, DoubleUnaryOperator f) {
        double[] d = new double[Arr.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = f.applyAsDouble(g.nextGaussian());
        return new In(d, shape, kind, diff, Style.CONTIG);
    }

    /** Standard normal, requires grad. */
    static In r(Random g, int... shape) {
        return gen(g, shape, Kind.FLOAT, true, x -> x);
    }

    /** Positive (≥ 0.5), requires grad. */
    static In p(Random g, int... shape) {
        return gen(g, shape, Kind.FLOAT, true, x -> 0.5 + Math.abs(x));
    }

    /** At least 0.2 away from zero (for kinks at 0), requires grad. */
    static In u(Random g, int... shape) {
        return gen(g, shape, Kind.FLOAT, true, x -> Math.copySign(0.2 + Math.abs(x), x));
    }

    /** Standard normal constant (no grad). */
    static In c(Random g, int... shape) {
        return gen(g, shape, Kind.FLOAT, false, x -> x);
    }

    static In mask(Random g, int... shape) {
        return gen(g, shape, Kind.BOOL, false, x -> x > 0 ? 1 : 0);
    }

    static In index(int[] shape, long... values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) d[i] = values[i];
        return new In(d, shape, Kind.LONG, false, Style.CONTIG);
    }

    static In randIndex(Random g, int bound, int... shape) {
        return gen(g, shape, Kind.LONG, false, x -> g.nextInt(bound));
    }

    static In fixed(int[] shape, double... values) {
        return new In(values, shape, Kind.FLOAT, true, Style.CONTIG);
    }

    /** Transposed in memory (last two dims). */
    static In T(In in) {
        return in.withStyle(Style.TRANSPOSED);
    }

    /** Every other storage element. */
    static In S(In in) {
        return in.withStyle(Style.STRIDED);
    }

    static Sample s(In... ins) {
        return new Sample(List.of(ins), null);
    }

    static Sample named(String gradFn, In... ins) {
        return new Sample(List.of(ins), gradFn);
    }

    static int[] sh(int... s) {
        return s;
    }

    /** 0-d, empty, odd sizes, 2-d/3-d, transposed and strided. */
    static Function<Random, List<Sample>> unary(Gen x) {
        return g -> List.of(s(x.make(g)), s(x.make(g, 0)), s(x.make(g, 1)), s(x.make(g, 3)), s(x.make(g, 7)),
                s(x.make(g, 13)), s(x.make(g, 2, 1, 3)), s(T(x.make(g, 3, 4))), s(S(x.make(g, 2, 3))), s(x.make(g, 0, 3)));
    }

    /** Same shapes, 0-d, broadcasting both ways, empty, views, one side constant. */
    static Function<Random, List<Sample>> binary(Gen a, Gen b) {
        return g -> List.of(s(a.make(g, 7), b.make(g, 7)), s(a.make(g), b.make(g)), s(a.make(g, 3, 1), b.make(g, 1, 4)),
                s(a.make(g, 2, 3), b.make(g, 3)), s(a.make(g, 2, 3), b.make(g)), s(a.make(g), b.make(g, 2, 3)),
                s(a.make(g, 1), b.make(g, 13)), s(a.make(g, 0, 3), b.make(g, 3)), s(a.make(g, 0), b.make(g, 1)),
                s(T(a.make(g, 3, 4)), T(b.make(g, 3, 4))), s(S(a.make(g, 2, 3)), b.make(g, 2, 3)),
                s(constant(a.make(g, 5)), b.make(g, 5)), s(a.make(g, 5), constant(b.make(g, 5))));
    }

    static In constant(In in) {
        return new In(in.data(), in.shape(), in.kind(), false, in.style());
    }

    /** Inputs for reductions over all elements. */
    static Function<Random, List<Sample>> all(Gen x, boolean empty) {
        return g -> {
            List<Sample> l = new ArrayList<>(List.of(s(x.make(g)), s(x.make(g, 1)), s(x.make(g, 13)), s(x.make(g, 3, 4)),
                    s(T(x.make(g, 4, 3))), s(S(x.make(g, 2, 3, 4)))));
            if (empty) {
                l.add(s(x.make(g, 0)));
                l.add(s(x.make(g, 0, 3)));
            }
            return l;
        };
    }

    /** Inputs with at least 2 dims (reductions and shape ops over dim 0/1), incl. empty ones. */
    static Function<Random, List<Sample>> twoD(Gen x, int[]... empties) {
        return g -> {
            List<Sample> l = new ArrayList<>(List.of(s(x.make(g, 3, 4)), s(x.make(g, 2, 3, 4)), s(T(x.make(g, 4, 5))),
                    s(S(x.make(g, 2, 3))), s(x.make(g, 2, 7))));
            for (int[] e : empties) l.add(s(x.make(g, e)));
            return l;
        };
    }

    /** twoD plus 0-d and 1-d inputs (ops over dim -1). */
    static Function<Random, List<Sample>> lastDim(Gen x, int[]... empties) {
        return g -> {
            List<Sample> l = new ArrayList<>(twoD(x, empties).apply(g));
            l.add(s(x.make(g)));
            l.add(s(x.make(g, 7)));
            return l;
        };
    }

    // ------------------------------------------------------------------ row helpers

    static Function<List<Tensor>, Tensor> f1(Function<Tensor, Tensor> f) {
        return xs -> f.apply(xs.get(0));
    }

    static Function<List<Tensor>, Tensor> f2(BiFunction<Tensor, Tensor, Tensor> f) {
        return xs -> f.apply(xs.get(0), xs.get(1));
    }

    static Function<List<Arr>, Arr> r1(Function<Arr, Arr> f) {
        return xs -> f.apply(xs.get(0));
    }

    static Function<List<Arr>, Arr> map(DoubleUnaryOperator f) {
        return xs -> Arr.map(xs.get(0), f);
    }

    static Function<List<Arr>, Arr> zip(DoubleBinaryOperator f) {
        return xs -> Arr.zip(xs.get(0), xs.get(1), f);
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double clamp(double x, double lo, double hi) {
        return Math.min(Math.max(x, lo), hi);
    }

    static long[] longs(Arr a) {
        long[] r = new long[a.numel()];
        for (int i = 0; i < r.length; i++) r[i] = (long) a.v()[i];
        return r;
    }

    static final Map<String, Op> OPS = new LinkedHashMap<>();

    private static Op add(Op op) {
        if (OPS.put(op.name, op) != null) throw new IllegalStateException("duplicate row " + op.name);
        return op;
    }

    private static Op row(String name, String gradFn, Function<List<Tensor>, Tensor> fn, Function<List<Arr>, Arr> ref,
                          Function<Random, List<Sample>> samples) {
        return add(new Op(name, gradFn, fn, ref, samples));
    }

    static Op byName(String name) {
        Op op = OPS.get(name);
        if (op == null) throw new IllegalArgumentException("no op table row " + name);
        return op;
    }

    static {
        // ---------------------------------------------------------------- arithmetic
        row("add", "AddBackward0", f2(Tensor::add), zip(Double::sum), binary(OpTable::r, OpTable::r)).pointwise(0);
        row("add_scalar", "AddBackward0", f1(x -> x.add(1.5)), map(x -> x + 1.5), unary(OpTable::r)).pointwise(0);
        row("sub", "SubBackward0", f2(Tensor::sub), zip((a, b) -> a - b), binary(OpTable::r, OpTable::r)).pointwise(0);
        row("sub_scalar", "SubBackward0", f1(x -> x.sub(0.5)), map(x -> x - 0.5), unary(OpTable::r)).pointwise(0);
        row("mul", "MulBackward0", f2(Tensor::mul), zip((a, b) -> a * b), binary(OpTable::r, OpTable::r)).pointwise(0);
        row("mul_scalar", "MulBackward0", f1(x -> x.mul(2.5)), map(x -> x * 2.5), unary(OpTable::r)).pointwise(0);
        row("div", "DivBackward0", f2(Tensor::div), zip((a, b) -> a / b), binary(OpTable::r, OpTable::u)).pointwise(0);
        row("div_scalar", "DivBackward0", f1(x -> x.div(3.0)), map(x -> x / 3.0), unary(OpTable::r)).pointwise(0);
        row("rsub", "RsubBackward1", f1(x -> x.rsub(1.0)), map(x -> 1.0 - x), unary(OpTable::r)).pointwise(0);
        row("neg", "NegBackward0", f1(Tensor::neg), map(x -> -x), unary(OpTable::r)).pointwise(0);
        row("pow_scalar", "PowBackward0", f1(x -> x.pow(2.5)), map(x -> Math.pow(x, 2.5)), unary(OpTable::p)).pointwise(1);
        row("pow_int", "PowBackward0", f1(x -> x.pow(3L)), map(x -> x * x * x), unary(OpTable::r)).pointwise(1);
        row("square", "PowBackward0", f1(Tensor::square), map(x -> x * x), unary(OpTable::r)).pointwise(0);
        row("pow_tensor", "PowBackward1", f2(Tensor::pow), zip(Math::pow), binary(OpTable::p, OpTable::r)).pointwise(2);

        // ---------------------------------------------------------------- unary math
        row("exp", "ExpBackward0", f1(Tensor::exp), map(Math::exp), unary(OpTable::r)).pointwise(1);
        row("log", "LogBackward0", f1(Tensor::log), map(Math::log), unary(OpTable::p)).pointwise(1);
        row("sqrt", "SqrtBackward0", f1(Tensor::sqrt), map(Math::sqrt), unary(OpTable::p)).pointwise(0);
        row("abs", "AbsBackward0", f1(Tensor::abs), map(Math::abs), unary(OpTable::u)).pointwise(0);
        row("sin", "SinBackward0", f1(Tensor::sin), map(Math::sin), unary(OpTable::r)).pointwise(1);
        row("cos", "CosBackward0", f1(Tensor::cos), map(Math::cos), unary(OpTable::r)).pointwise(1);
        row("tanh", "TanhBackward0", f1(Tensor::tanh), map(Math::tanh), unary(OpTable::r)).pointwise(1);
        row("sigmoid", "SigmoidBackward0", f1(Tensor::sigmoid), map(OpTable::sigmoid), unary(OpTable::r)).pointwise(1);
        row("relu", "ReluBackward0", f1(Tensor::relu), map(x -> Math.max(x, 0)), unary(OpTable::u)).pointwise(0);
        row("reciprocal", "ReciprocalBackward0", f1(Tensor::reciprocal), map(x -> 1 / x), unary(OpTable::u)).pointwise(0);
        row("clamp", "ClampBackward1", f1(x -> x.clamp(-0.5, 0.5)), map(x -> clamp(x, -0.5, 0.5)), unary(OpTable::u)).pointwise(0);
        row("clamp_min", "ClampBackward1", f1(x -> x.clampMin(0.1)), map(x -> Math.max(x, 0.1)), unary(OpTable::u)).pointwise(0);
        row("clamp_max", "ClampBackward1", f1(x -> x.clampMax(0.2)), map(x -> Math.min(x, 0.2)), unary(OpTable::u)).pointwise(0);
        row("maximum", "MaximumBackward0", f2(Tensor::maximum), zip(Math::max), binary(OpTable::r, OpTable::r)).pointwise(0);
        row("minimum", "MinimumBackward0", f2(Tensor::minimum), zip(Math::min), binary(OpTable::r, OpTable::r)).pointwise(0);
        row("where", "WhereBackward0", xs -> Torch.where(xs.get(0), xs.get(1), xs.get(2)),
                xs -> Arr.where(xs.get(0), xs.get(1), xs.get(2)),
                g -> List.of(s(mask(g, 5), r(g, 5), r(g, 5)), s(mask(g, 2, 1), r(g, 2, 3), c(g, 3)), s(mask(g), r(g), r(g)),
                        s(mask(g, 0), r(g, 0), r(g, 1)), s(mask(g, 3, 4), T(r(g, 3, 4)), S(r(g, 4))), s(mask(g, 7), r(g), r(g, 7))))
                .pointwise(0);
        row("masked_fill", "MaskedFillBackward0", f2((x, m) -> x.maskedFill(m, 0.25)),
                xs -> Arr.where(xs.get(1), Arr.scalar(0.25), xs.get(0)),
                g -> List.of(s(r(g, 2, 3), mask(g, 3)), s(r(g, 5), mask(g, 5)), s(r(g), mask(g)), s(T(r(g, 3, 4)), mask(g, 3, 4)),
                        s(r(g, 0, 3), mask(g, 3)), s(S(r(g, 13)), mask(g))))
                .pointwise(0);

        // ---------------------------------------------------------------- reductions
        row("sum", "SumBackward0", f1(Tensor::sum), r1(x -> Arr.reduceAll(x, Arr::sum)), all(OpTable::r, true)).accum(1);
        row("sum_dim", "SumBackward1", f1(x -> x.sum(1)), r1(x -> Arr.reduceDim(x, 1, false, Arr::sum)),
                twoD(OpTable::r, sh(3, 0), sh(0, 3))).accum(1);
        row("sum_dim_keepdim", "SumBackward1", f1(x -> x.sum(-1, true)), r1(x -> Arr.reduceDim(x, -1, true, Arr::sum)),
                lastDim(OpTable::r, sh(3, 0), sh(0, 3))).accum(1);
        row("sum_dims", "SumBackward1", f1(x -> x.sum(new int[] {0, 2}, false)),
                r1(x -> Arr.reduceDim(Arr.reduceDim(x, 2, false, Arr::sum), 0, false, Arr::sum)),
                g -> List.of(s(r(g, 2, 3, 4)), s(S(r(g, 3, 1, 5))), s(T(r(g, 2, 3, 4))), s(r(g, 0, 2, 3)), s(r(g, 2, 0, 3))))
                .accum(1);
        row("mean", "MeanBackward0", f1(Tensor::mean), r1(x -> Arr.reduceAll(x, Arr::mean)), all(OpTable::r, true)).accum(1);
        row("mean_dim", "MeanBackward1", f1(x -> x.mean(0)), r1(x -> Arr.reduceDim(x, 0, false, Arr::mean)),
                twoD(OpTable::r, sh(0, 3), sh(3, 0))).accum(1);
        row("mean_dim_keepdim", "MeanBackward1", f1(x -> x.mean(1, true)), r1(x -> Arr.reduceDim(x, 1, true, Arr::mean)),
                twoD(OpTable::r, sh(3, 0))).accum(1);
        row("prod", "ProdBackward0", f1(Tensor::prod), r1(x -> Arr.reduceAll(x, Arr::prod)), g -> {
            List<Sample> l = new ArrayList<>(all(OpTable::r, true).apply(g));
            l.add(s(fixed(sh(4), 1.5, 0.0, -2.0, 0.75)));
            l.add(s(fixed(sh(2, 2), 0.0, 3.0, 0.0, -1.25)));
            l.add(s(fixed(sh(5), 0.0, 3.0, 0.0, -1.25, 0.0)));
            return l;
        }).accum(2);
        row("max", "MaxBackward1", f1(Tensor::max), r1(x -> Arr.reduceAll(x, Arr::max)), all(OpTable::r, false)).pointwise(0);
        row("min", "MinBackward1", f1(Tensor::min), r1(x -> Arr.reduceAll(x, Arr::min)), all(OpTable::r, false)).pointwise(0);
        row("max_dim", "MaxBackward0", f1(x -> x.max(1).values()), r1(x -> Arr.reduceDim(x, 1, false, Arr::max)),
                twoD(OpTable::r, sh(0, 3))).pointwise(0);
        row("min_dim", "MinBackward0", f1(x -> x.min(0).values()), r1(x -> Arr.reduceDim(x, 0, false, Arr::min)),
                twoD(OpTable::r, sh(3, 0))).pointwise(0);
        row("max_dim_keepdim", "MaxBackward0", f1(x -> x.max(-1, true).values()),
                r1(x -> Arr.reduceDim(x, -1, true, Arr::max)), lastDim(OpTable::r, sh(0, 3))).pointwise(0);
        row("var", "VarBackward0", f1(Tensor::var), r1(x -> Arr.reduceAll(x, v -> Arr.var(v, 1))), all(OpTable::r, true)
                .andThen(l -> l.subList(2, l.size()))).accum(2);
        row("var_biased", "VarBackward0", f1(x -> x.var(false)), r1(x -> Arr.reduceAll(x, v -> Arr.var(v, 0))),
                all(OpTable::r, true)).accum(2);
        row("var_dim", "VarBackward0", f1(x -> x.var(1)), r1(x -> Arr.reduceDim(x, 1, false, v -> Arr.var(v, 1))),
                twoD(OpTable::r, sh(0, 3))).accum(2);
        row("var_dim_keepdim", "VarBackward0", f1(x -> x.var(0, false, true)),
                r1(x -> Arr.reduceDim(x, 0, true, v -> Arr.var(v, 0))), twoD(OpTable::r, sh(3, 0), sh(1, 3))).accum(2);
        row("std", "StdBackward0", f1(Tensor::std), r1(x -> Arr.reduceAll(x, v -> Math.sqrt(Arr.var(v, 1)))),
                all(OpTable::r, true).andThen(l -> l.subList(2, l.size()))).accum(2);
        row("std_dim", "StdBackward0", f1(x -> x.std(1)), r1(x -> Arr.reduceDim(x, 1, false, v -> Math.sqrt(Arr.var(v, 1)))),
                twoD(OpTable::r, sh(0, 3))).accum(2);
        row("std_dim_keepdim", "StdBackward0", f1(x -> x.std(-1, true, true)),
                r1(x -> Arr.reduceDim(x, -1, true, v -> Math.sqrt(Arr.var(v, 1)))), twoD(OpTable::r, sh(0, 3))).accum(2);
        row("softmax", "SoftmaxBackward0", f1(x -> x.softmax(-1)), r1(x -> Arr.alongDim(x, -1, Arr::softmax)),
                lastDim(OpTable::r, sh(0, 3), sh(3, 1))).accum(2);
        row("softmax_dim0", "SoftmaxBackward0", f1(x -> x.softmax(0)), r1(x -> Arr.alongDim(x, 0, Arr::softmax)),
                twoD(OpTable::r, sh(3, 0))).accum(2);
        row("log_softmax", "LogSoftmaxBackward0", f1(x -> x.logSoftmax(-1)), r1(x -> Arr.alongDim(x, -1, Arr::logSoftmax)),
                lastDim(OpTable::r, sh(0, 3), sh(3, 1))).accum(2);
        row("log_softmax_dim0", "LogSoftmaxBackward0", f1(x -> x.logSoftmax(0)), r1(x -> Arr.alongDim(x, 0, Arr::logSoftmax)),
                twoD(OpTable::r, sh(3, 0))).accum(2);

        // ---------------------------------------------------------------- linear algebra
        Function<List<Arr>, Arr> mm = xs -> Arr.matmul(xs.get(0), xs.get(1));
        row("mm", "MmBackward0", f2(Tensor::mm), mm, g -> List.of(s(r(g, 2, 3), r(g, 3, 4)), s(r(g, 1, 1), r(g, 1, 1)),
                s(r(g, 3, 7), r(g, 7, 2)), s(T(r(g, 3, 4)), r(g, 4, 2)), s(S(r(g, 2, 3)), T(r(g, 3, 5))),
                s(r(g, 0, 3), r(g, 3, 2)), s(r(g, 2, 0), r(g, 0, 3)), s(r(g, 2, 3), c(g, 3, 2)), s(c(g, 2, 3), r(g, 3, 2))))
                .accum(4);
        row("matmul", "MmBackward0", f2(Tensor::matmul), mm, g -> List.of(
                named("DotBackward0", r(g, 3), r(g, 3)), named("MvBackward0", r(g, 2, 3), r(g, 3)),
                named("SqueezeBackward3", r(g, 3), r(g, 3, 2)), s(r(g, 2, 3), r(g, 3, 4)),
                named("UnsafeViewBackward0", r(g, 2, 2, 3), r(g, 3, 4)), named("UnsafeViewBackward0", r(g, 2, 2, 3), r(g, 3)),
                named("UnsafeViewBackward0", r(g, 2, 2, 3), r(g, 1, 3, 2)), named("CloneBackward0", r(g, 3, 4), r(g, 2, 4, 2)),
                named("UnsafeViewBackward0", r(g, 3), r(g, 2, 3, 2)), named("UnsafeViewBackward0", r(g, 2, 1, 2, 3), r(g, 3, 3, 2)),
                named("UnsafeViewBackward0", T(r(g, 2, 3, 4)), S(r(g, 4, 2))), s(T(r(g, 3, 4)), S(r(g, 4, 1))),
                named("UnsafeViewBackward0", r(g, 2, 0, 3), r(g, 3, 2)), named("DotBackward0", r(g, 0), r(g, 0))))
                .accum(4);
        row("dot", "DotBackward0", f2(Tensor::dot), mm, g -> List.of(s(r(g, 5), r(g, 5)), s(r(g, 1), r(g, 1)),
                s(r(g, 0), r(g, 0)), s(S(r(g, 13)), r(g, 13)), s(r(g, 7), c(g, 7)))).accum(4);
        row("mv", "MvBackward0", f2(Tensor::mv), mm, g -> List.of(s(r(g, 2, 3), r(g, 3)), s(T(r(g, 3, 4)), r(g, 4)),
                s(r(g, 0, 3), r(g, 3)), s(r(g, 2, 0), r(g, 0)), s(S(r(g, 5, 3)), S(r(g, 3))), s(c(g, 2, 3), r(g, 3)))).accum(4);
        row("bmm", "BmmBackward0", f2(Tensor::bmm), mm, g -> List.of(s(r(g, 2, 2, 3), r(g, 2, 3, 4)),
                s(r(g, 1, 1, 1), r(g, 1, 1, 1)), s(r(g, 0, 2, 3), r(g, 0, 3, 2)), s(T(r(g, 3, 4, 2)), S(r(g, 3, 2, 5))),
                s(r(g, 2, 1, 3), c(g, 2, 3, 1)))).accum(4);

        // ---------------------------------------------------------------- movement
        row("t", "TBackward0", f1(Tensor::t), r1(x -> x.dim() < 2 ? x : Arr.transpose(x, 0, 1)),
                g -> List.of(s(r(g, 2, 3)), s(r(g, 3)), s(r(g)), s(T(r(g, 3, 4))), s(S(r(g, 2, 3))), s(r(g, 0, 3))));
        row("transpose", "TransposeBackward0", f1(x -> x.transpose(0, -1)), r1(x -> Arr.transpose(x, 0, -1)),
                g -> List.of(s(r(g, 2, 3, 4)), s(r(g, 3, 4)), s(r(g)), s(r(g, 5)), s(S(r(g, 2, 3, 4))), s(r(g, 0, 3))));
        row("permute", "PermuteBackward0", f1(x -> x.permute(2, 0, 1)), r1(x -> Arr.permute(x, 2, 0, 1)),
                g -> List.of(s(r(g, 2, 3, 4)), s(S(r(g, 2, 3, 4))), s(T(r(g, 2, 3, 4))), s(r(g, 0, 2, 3)), s(r(g, 1, 1, 1))));
        row("view", "ViewBackward0", f1(x -> x.view(-1, 2)), r1(x -> Arr.reshape(x, -1, 2)),
                g -> List.of(s(r(g, 2, 3, 2)), s(r(g, 6)), s(r(g, 4, 2)), s(r(g, 0, 2)), s(S(r(g, 3, 4)))));
        row("reshape", "ReshapeAliasBackward0", f1(x -> x.reshape(2, -1)), r1(x -> Arr.reshape(x, 2, -1)),
                g -> List.of(s(r(g, 2, 3, 2)), s(r(g, 4, 3)), named("UnsafeViewBackward0", T(r(g, 3, 4))), s(r(g, 0, 4)),
                        s(S(r(g, 6)))));
        row("reshape_noncontig", "UnsafeViewBackward0", f1(x -> x.t().reshape(-1)), r1(x -> Arr.reshape(Arr.transpose(x, 0, 1), -1)),
                g -> List.of(s(r(g, 2, 3)), named("ReshapeAliasBackward0", r(g, 3, 1)), named("ReshapeAliasBackward0", r(g, 0, 3)),
                        named("ReshapeAliasBackward0", T(r(g, 4, 3))), s(S(r(g, 3, 2)))));
        row("flatten", "ReshapeAliasBackward0", f1(Tensor::flatten), r1(x -> Arr.reshape(x, -1)),
                g -> List.of(s(r(g, 2, 3, 2)), s(r(g)), named("UnsafeViewBackward0", T(r(g, 3, 4))), s(r(g, 0, 3)), s(S(r(g, 2, 3)))));
        row("flatten_range", "ReshapeAliasBackward0", f1(x -> x.flatten(1, 2)),
                r1(x -> Arr.reshape(x, x.shape()[0], x.shape()[1] * x.shape()[2], x.shape()[3])),
                g -> List.of(s(r(g, 2, 3, 2, 2)), s(S(r(g, 2, 3, 1, 2))), s(r(g, 2, 0, 3, 1))));
        row("squeeze", "SqueezeBackward0", f1(Tensor::squeeze),
                r1(x -> Arr.of(Arrays.stream(x.shape()).filter(d -> d != 1).toArray(), x.v())),
                g -> List.of(s(r(g, 2, 1, 3, 1)), s(r(g, 1)), s(r(g)), s(r(g, 1, 1)), s(S(r(g, 3, 1))), s(r(g, 0, 1))));
        row("squeeze_dim", "SqueezeBackward1", f1(x -> x.squeeze(1)),
                r1(x -> x.shape()[1] == 1 ? Arr.of(Arr.remove(x.shape(), 1), x.v()) : x),
                g -> List.of(s(r(g, 2, 1, 3)), s(r(g, 2, 3)), s(r(g, 3, 1)), s(S(r(g, 2, 1, 2))), s(r(g, 0, 1))));
        row("unsqueeze", "UnsqueezeBackward0", f1(x -> x.unsqueeze(1)), r1(x -> {
            int[] s = new int[x.dim() + 1];
            for (int i = 0, k = 0; i < s.length; i++) s[i] = i == 1 ? 1 : x.shape()[k++];
            return Arr.of(s, x.v());
        }), g -> List.of(s(r(g, 2, 3)), s(r(g, 3)), s(r(g, 2, 3, 4)), s(S(r(g, 2, 3))), s(r(g, 0))));
        row("expand", "ExpandBackward0", f1(x -> x.expand(3, -1, 4)), r1(x -> {
            int[] s = {3, x.dim() == 3 ? x.shape()[1] : x.shape()[0], 4};
            return Arr.expand(x, s);
        }), g -> List.of(s(r(g, 1, 1, 4)), s(r(g, 3, 1, 4)), s(r(g, 1, 4)), s(r(g, 1, 1, 1)), s(r(g, 1, 0, 1)),
                s(S(r(g, 1, 2, 1)))));
        row("contiguous", "CloneBackward0", f1(x -> x.t().contiguous()), r1(x -> Arr.transpose(x, 0, 1)),
                g -> List.of(s(r(g, 2, 3)), named("TBackward0", r(g, 1, 3)), s(S(r(g, 3, 4))), named("TBackward0", r(g, 0, 3))));
        row("clone", "CloneBackward0", f1(Tensor::clone), r1(x -> x), unary(OpTable::r));
        row("cat", "CatBackward0", xs -> Torch.cat(xs, 0), xs -> Arr.cat(0, xs.toArray(new Arr[0])),
                g -> List.of(s(r(g, 2, 3), r(g, 1, 3)), s(r(g, 2, 3), c(g, 2, 3)), s(r(g, 0, 3), r(g, 2, 3)),
                        s(r(g, 3), r(g, 4)), s(T(r(g, 3, 4)), S(r(g, 2, 4))), s(r(g, 5))));
        row("cat_dim1", "CatBackward0", xs -> Torch.cat(xs, 1), xs -> Arr.cat(1, xs.toArray(new Arr[0])),
                g -> List.of(s(r(g, 2, 1), c(g, 2, 2), r(g, 2, 3)), s(r(g, 2, 0), r(g, 2, 3), r(g, 2, 1)),
                        s(S(r(g, 3, 2)), T(r(g, 3, 3)), r(g, 3, 1))));
        row("stack", "StackBackward0", xs -> Torch.stack(xs, 1), xs -> Arr.stack(1, xs.toArray(new Arr[0])),
                g -> List.of(s(r(g, 2, 3), r(g, 2, 3)), s(r(g, 3), r(g, 3), c(g, 3)), s(r(g, 0, 2), r(g, 0, 2)),
                        s(T(r(g, 2, 3)), S(r(g, 2, 3)))));
        row("select", "SelectBackward0", f1(x -> x.select(1, -1)), r1(x -> Arr.select(x, 1, -1)),
                g -> List.of(s(r(g, 2, 3)), s(r(g, 1, 1)), s(S(r(g, 2, 3, 4))), s(T(r(g, 3, 4))), s(r(g, 0, 3))));
        row("narrow", "SliceBackward0", f1(x -> x.narrow(0, 1, 2)), r1(x -> Arr.narrow(x, 0, 1, 2)),
                g -> List.of(s(r(g, 4, 2)), s(r(g, 3)), s(S(r(g, 5, 3))), s(T(r(g, 3, 4))), s(r(g, 3, 0))));
        row("index_select", "IndexSelectBackward0", f2((x, i) -> x.indexSelect(1, i)),
                xs -> Arr.indexSelect(xs.get(0), 1, longs(xs.get(1))),
                g -> List.of(s(r(g, 2, 4), index(sh(3), 3, 0, 3)), s(r(g, 3, 5), index(sh(0))), s(T(r(g, 3, 4)), index(sh(1), 1)),
                        s(r(g, 2, 1), index(sh(2), 0, 0)), s(S(r(g, 2, 7)), randIndex(g, 7, 13))));
        row("gather", "GatherBackward0", f2((x, i) -> x.gather(1, i)), xs -> Arr.gather(xs.get(0), 1, xs.get(1)),
                g -> List.of(s(r(g, 2, 3), index(sh(2, 4), 0, 2, 2, 1, 1, 1, 0, 0)), s(r(g, 3, 4), randIndex(g, 4, 3, 2)),
                        s(r(g, 2, 3), index(sh(2, 0))), s(T(r(g, 3, 5)), randIndex(g, 5, 2, 7)), s(S(r(g, 2, 2)), randIndex(g, 2, 2, 2))));
        row("to_other", "ToCopyBackward0",
                f1(x -> x.to(x.dtype() == DType.FLOAT32 ? DType.FLOAT64 : DType.FLOAT32)), r1(x -> x), unary(OpTable::r))
                .noGradcheck();
    }
}
