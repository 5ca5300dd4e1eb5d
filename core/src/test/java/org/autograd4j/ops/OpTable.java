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
import java.util.function.ToDoubleFunction;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
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

    /** FLOAT inputs take the test's dtype; F64 ones are float64 whatever it is (type promotion cases). */
    enum Kind { FLOAT, F64, LONG, BOOL }

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
            DType t = switch (kind) {
                case FLOAT -> dtype;
                case F64 -> DType.FLOAT64;
                case LONG -> DType.INT64;
                case BOOL -> DType.BOOL;
            };
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
            Tensor x = org.autograd4j.Internals.wrap(s, l);
            if (requiresGrad && diff && t.isFloatingPoint()) x.requiresGrad_();
            return x;
        }

        String label() {
            String k = kind == Kind.LONG ? "i" : kind == Kind.BOOL ? "b" : kind == Kind.F64 ? (diff ? "d" : "dc") : diff ? "" : "c";
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

    /** Inputs an op rejects and PyTorch's message for them. */
    record ErrorInput(Sample sample, String message) {
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
        /** PyTorch's expression over the arguments a, b, c, … (what the golden generator evaluates). */
        String py;
        /** Extra golden-only samples (mixed dtypes: type promotion as PyTorch does it). */
        final List<Sample> goldenExtra = new ArrayList<>();
        /** The result dtype for inputs of the given floating dtype. */
        java.util.function.UnaryOperator<DType> outType = d -> d;
        /** A primitive: one edge per floating tensor argument, {@code (None, 0)} where it needs no grad. */
        boolean primitive = true;
        /** Java scalar operands, wrapped as tensors that need no grad: that many trailing {@code (None, 0)} edges. */
        int scalarEdges = 0;
        /** Whether the samples may be re-laid-out transposed (view needs its input's memory order). */
        boolean transposable = true;
        /** Whether results are bit-identical across input layouts (false where PyTorch's own kernel is not). */
        boolean layoutExact = true;
        /** Inputs PyTorch rejects, with its message (OpInfo's ErrorInput). */
        final List<ErrorInput> errors = new ArrayList<>();

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

        /** float32 forward compared relatively (1e-5) against the reference, not in ulps; goldens unchanged. */
        Op relative() {
            this.f32Ulps = -1;
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

        Op py(String expr) {
            py = expr;
            return this;
        }

        Op golden(Sample... extra) {
            goldenExtra.addAll(List.of(extra));
            return this;
        }

        Op out(java.util.function.UnaryOperator<DType> rule) {
            outType = rule;
            return this;
        }

        Op composite() {
            primitive = false;
            return this;
        }

        Op scalarOperand() {
            scalarEdges = 1;
            return this;
        }

        Op notTransposable() {
            transposable = false;
            return this;
        }

        Op error(String message, In... ins) {
            errors.add(new ErrorInput(new Sample(List.of(ins), null), message));
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

    static Op row(String name, String gradFn, Function<List<Tensor>, Tensor> fn, Function<List<Arr>, Arr> ref,
                          Function<Random, List<Sample>> samples) {
        return add(new Op(name, gradFn, fn, ref, samples));
    }

    // ------------------------------------------------------------------ rows from the op declarations

    /** Calls {@code Tensor.<method>(args)} by name: the row tests the public method, not only the declaration. */
    static Tensor invoke(String method, Tensor self, Tensor... args) {
        try {
            Class<?>[] types = new Class<?>[args.length];
            java.util.Arrays.fill(types, Tensor.class);
            return (Tensor) Tensor.class.getMethod(method, types).invoke(self, (Object[]) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Tensor has no method " + method, e);
        }
    }

    /** Inputs drawn from a declaration's domain (gaussian where unbounded). */
    static Gen fromDomain(Unary.Domain d, Kind kind) {
        DoubleUnaryOperator f;
        if (Double.isInfinite(d.lo()) && Double.isInfinite(d.hi())) {
            f = d.awayFromZero() ? x -> Math.copySign(0.2 + Math.abs(x), x) : x -> x;
        } else if (Double.isInfinite(d.hi())) {
            f = x -> d.lo() + 0.5 + Math.abs(x);
        } else {
            f = x -> d.lo() + (d.hi() - d.lo()) * (0.05 + 0.9 / (1 + Math.exp(-x)));
        }
        return (g, shape) -> gen(g, shape, kind, true, f);
    }

    /** PyTorch's call of a unary row with its default parameters. */
    static String pyCall(Unary u) {
        return (u.isFunctional() ? "torch.nn.functional." : "torch.") + u.name + "(a)";
    }

    /** One row per op of {@link Unary#ALL} and {@link Binary#ALL}: samples from its domain, its own reference. */
    private static void fromDeclarations() {
        for (Unary u : Unary.ALL) {
            String m = GoldenFile.javaName(u.name);
            Op op = row(u.name, u.node, f1(x -> invoke(m, x)), map(x -> u.ref.of(x, u.defaultP0(), u.defaultP1())),
                    unary(fromDomain(u.domain(), Kind.FLOAT))).pointwise(u.ulps()).py(pyCall(u));
            if (u.isFloatOpmath()) op.f32Ulps = -1;
            op.layoutExact = !u.isLayoutDependent();
            op.goldenScaled = u.isGradientCancelling();
            if (u.derivative == null) op.noGradcheck().out(d -> DType.BOOL);
            else if (u.rule == Unary.Rule.FLOAT && !u.isFunctional()) op.golden(s(index(sh(3), -2, 0, 5)));
        }
        for (Binary b : Binary.ALL) {
            if (b.isInternal()) continue;
            String m = GoldenFile.javaName(b.name);
            Op op = row(b.name, b.node, f2((x, y) -> invoke(m, x, y)), zip(b.ref::of),
                    binary(fromDomain(b.domainSelf(), Kind.FLOAT), fromDomain(b.domainOther(), Kind.FLOAT)))
                    .pointwise(b.ulps()).py("torch." + b.name + "(a, b)");
            if (b.isFloatOpmath()) op.f32Ulps = -1;
            if (!b.isDifferentiable()) op.noGradcheck().out(d -> DType.BOOL);
        }
        // the in-place forms, on a clone (PyTorch: a.clone().exp_()): the one in-place path against PyTorch's graph
        for (Unary u : Unary.ALL) {
            if (!u.hasInPlace() || u.derivative == null) continue;
            String m = GoldenFile.javaName(u.name) + "_";
            String py = u.isFunctional() ? "torch.nn.functional." + u.name + "_(a.clone())" : "a.clone()." + u.name + "_()";
            String node = u.inPlaceNode() != null ? u.inPlaceNode() : u.node;
            Op op = row(u.name + "_", node, f1(x -> invoke(m, x.clone())), map(x -> u.ref.of(x, u.defaultP0(), u.defaultP1())),
                    unary(fromDomain(u.domain(), Kind.FLOAT))).pointwise(u.ulps()).py(py).composite();
            if (u.isFloatOpmath()) op.f32Ulps = -1;
            op.layoutExact = !u.isLayoutDependent();
            op.goldenScaled = u.isGradientCancelling();
            if (u.inPlaceNode() != null) op.noGradcheck(); // PyTorch has no derivative for it: backward fails (goldens)
            In longs = index(sh(2), 1, 2);
            if (u.floatingError(DType.INT64) != null) op.error(u.floatingError(DType.INT64), longs);
            else if (u.rule == Unary.Rule.FLOAT) op.error("result type Float can't be cast to the desired output type Long", longs);
        }
        for (Binary b : Binary.ALL) {
            if (!b.hasInPlace() || !b.isDifferentiable()) continue;
            String m = GoldenFile.javaName(b.name) + "_";
            Function<Random, List<Sample>> all = binary(fromDomain(b.domainSelf(), Kind.FLOAT), fromDomain(b.domainOther(), Kind.FLOAT));
            Op op = row(b.name + "_", b.node, f2((x, y) -> invoke(m, x.clone(), y)), zip(b.ref::of),
                    g -> all.apply(g).stream().filter(OpTable::writableIntoFirst).toList())
                    .pointwise(b.ulps()).py("a.clone()." + b.name + "_(b)").composite();
            if (b.isFloatOpmath()) op.f32Ulps = -1;
            op.error("output with shape [3] doesn't match the broadcast shape [2, 3]", r(new Random(1), 3), r(new Random(2), 2, 3));
        }
        // error inputs and golden extras of the declared rows (PyTorch's messages; mixed dtypes, ties, kinks)
        In bools = new In(new double[] {1, 0, 1}, sh(3), Kind.BOOL, false, Style.CONTIG);
        for (Unary u : Unary.ALL) {
            if (u.boolError() != null) byName(u.name).error(u.boolError(), bools);
            if (u.floatingError(DType.INT64) != null) byName(u.name).error(u.floatingError(DType.INT64), index(sh(2), 1, 2));
        }
        for (Binary b : Binary.ALL) if (b.boolError() != null) byName(b.name).error(b.boolError(), bools, bools);
        Random g = new Random(7);
        byName("add").golden(s(r(g, 3), index(sh(3), 1, 2, 3)), s(r(g, 3), f64(g)), s(r(g, 2), f64(g, 2)), s(f64(g), r(g, 2)));
        byName("mul").golden(s(r(g, 3), f64(g)), s(r(g, 3), index(sh(3), 2, -1, 0)));
        byName("div").golden(s(index(sh(3), 1, 2, 3), p(g, 3)), s(r(g, 3), index(sh(3), 2, 4, 5)), s(f64(g, 3), p(g)));
        byName("pow").golden(s(fixed(sh(4), 0, 2, 0, 0), fixed(sh(4), 2, 0, 0, -1)), s(p(g, 3), f64(g)));
        byName("maximum").golden(s(r(g, 3), f64(g)), s(fixed(sh(3), 1, 2, 3), fixed(sh(3), 1, 5, 3)));
        byName("minimum").golden(s(fixed(sh(3), 1, 2, 3), fixed(sh(3), 1, 5, 3)));
        byName("abs").golden(s(fixed(sh(3), -1, 0, 2)));
        byName("relu").golden(s(fixed(sh(3), -1, 0, 2)));
        byName("leaky_relu").golden(s(fixed(sh(3), -1, 0, 2)));
        byName("hardtanh").golden(s(fixed(sh(5), -2, -1, 0, 1, 2)));
        byName("round").golden(s(fixed(sh(6), -2.5, -1.5, -0.5, 0.5, 1.5, 2.5)));
        byName("xlogy").golden(s(fixed(sh(3), 0, 0, 1), fixed(sh(3), 0, 2, 0)));
        byName("fmod").golden(s(fixed(sh(4), 5, -5, 5, -5), fixed(sh(4), 3, 3, -3, -3)));
        byName("remainder").golden(s(fixed(sh(4), 5, -5, 5, -5), fixed(sh(4), 3, 3, -3, -3)));
    }

    // ------------------------------------------------------------------ rows from the reduction table

    /** x reduced over dims (null or empty: all dims) with f over each output element's values, in double. */
    static Arr over(Arr x, int[] dims, boolean keepdim, ToDoubleFunction<double[]> f) {
        int nd = x.dim();
        boolean[] m = new boolean[nd];
        if (dims == null || dims.length == 0) Arrays.fill(m, true);
        else for (int d : dims) if (nd > 0) m[Arr.wrap(d, nd)] = true;
        int n = 0;
        for (int d = 0; d < nd; d++) if (!m[d] || keepdim) n++;
        int[] outShape = new int[n];
        for (int d = 0, k = 0; d < nd; d++) {
            if (!m[d]) outShape[k++] = x.shape()[d];
            else if (keepdim) outShape[k++] = 1;
        }
        List<List<Double>> groups = new ArrayList<>();
        for (int j = 0; j < Arr.numel(outShape); j++) groups.add(new ArrayList<>());
        for (int i = 0; i < x.numel(); i++) {
            int[] c = Arr.coords(i, x.shape()), oc = new int[n];
            for (int d = 0, k = 0; d < nd; d++) {
                if (!m[d]) oc[k++] = c[d];
                else if (keepdim) oc[k++] = 0;
            }
            groups.get(Arr.flat(oc, outShape)).add(x.v()[i]);
        }
        double[] r = new double[groups.size()];
        for (int j = 0; j < r.length; j++) r[j] = f.applyAsDouble(groups.get(j).stream().mapToDouble(Double::doubleValue).toArray());
        return Arr.of(outShape, r);
    }

    private static boolean hasMethod(String m, Class<?>... types) {
        try {
            Tensor.class.getMethod(m, types);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Calls {@code Tensor.<m>(args)} with the given parameter types. */
    private static Tensor call(String m, Tensor self, Class<?>[] types, Object... args) {
        try {
            return (Tensor) Tensor.class.getMethod(m, types).invoke(self, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Tensor has no method " + m + Arrays.toString(types), e);
        }
    }

    /** A reduction row's all-dims form through the public API: {@code Tensor.<name>()}, else its dims form over no dims. */
    static Tensor reduceAll(Reduction r, Tensor x) {
        String m = GoldenFile.javaName(r.name);
        return hasMethod(m) ? call(m, x, new Class<?>[0]) : reduceDims(r, x, null, false);
    }

    /**
     * A reduction row's dim form through the public API, with the row's default parameter, in the overload Tensor
     * has: {@code name(dim)}, {@code name(dim, keepdim)}, var's and std's {@code name(dim, unbiased, keepdim)},
     * {@code name(dims, keepdim)} or norm's {@code name(p, dims, keepdim)}.
     */
    static Tensor reduceDims(Reduction r, Tensor x, int[] dims, boolean keepdim) {
        String m = GoldenFile.javaName(r.name);
        Class<?> i = int.class, z = boolean.class, is = int[].class;
        if (dims != null && dims.length == 1) {
            if (!keepdim && hasMethod(m, i)) return call(m, x, new Class<?>[] {i}, dims[0]);
            if (hasMethod(m, i, z)) return call(m, x, new Class<?>[] {i, z}, dims[0], keepdim);
            if (hasMethod(m, i, z, z)) return call(m, x, new Class<?>[] {i, z, z}, dims[0], r.defaultP() == 1, keepdim);
        }
        if (hasMethod(m, is, z)) return call(m, x, new Class<?>[] {is, z}, dims, keepdim);
        if (hasMethod(m, double.class, is, z)) return call(m, x, new Class<?>[] {double.class, is, z}, r.defaultP(), dims, keepdim);
        throw new IllegalStateException("Tensor has no " + m + " over dims " + Arrays.toString(dims));
    }

    /** True when the public API takes a list of dims for the row. */
    static boolean takesDimList(Reduction r) {
        String m = GoldenFile.javaName(r.name);
        return hasMethod(m, int[].class, boolean.class) || hasMethod(m, double.class, int[].class, boolean.class);
    }

    /** PyTorch's call of a reduction row: {@code torch.<name>(a[, <param>=p][, dim=dims][, keepdim=True])}. */
    static String pyCall(Reduction r, String dims, boolean keepdim) {
        StringBuilder sb = new StringBuilder("torch.").append(r.name).append("(a");
        if (r.pyParam() != null) {
            double p = r.defaultP();
            sb.append(", ").append(r.pyParam()).append('=').append(p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p));
        }
        if (dims != null) sb.append(", dim=").append(dims);
        if (keepdim) sb.append(", keepdim=True");
        return sb.append(')').toString();
    }

    /** The samples without those where the op is undefined (NaN from a non-empty input: var of one element). */
    static Function<Random, List<Sample>> defined(Function<Random, List<Sample>> samples, Function<List<Arr>, Arr> ref) {
        return g -> samples.apply(g).stream().filter(s -> {
            In x = s.inputs().get(0);
            return x.data().length == 0 || Arrays.stream(ref.apply(List.of(Arr.of(x.shape(), x.data()))).v()).noneMatch(Double::isNaN);
        }).toList();
    }

    static int[] allDims(Tensor x) {
        int[] d = new int[x.dim()];
        for (int i = 0; i < d.length; i++) d[i] = i;
        return d;
    }

    /**
     * Rows per {@link Reduction} row: {@code <name>} over all dims (0-d, odd sizes, transposed, strided, empty;
     * logsumexp, which PyTorch has no all-dims form of, over every dim listed), {@code <name>_dim} over dim 1 and
     * {@code <name>_dim_keepdim} over dim -1 with keepdim (both incl. an empty reduced dim and an empty kept one),
     * and {@code <name>_dims} over (0, -1) where the API takes several dims. Reductions without identity (amax,
     * amin) get their empty cases as PyTorch's error inputs instead; rows with a dtype rule get its goldens
     * (integer and bool inputs) or its error input.
     */
    private static void fromReductions() {
        In longs = index(sh(3), 1, -2, 3), bools = new In(new double[] {1, 0, 1}, sh(3), Kind.BOOL, false, Style.CONTIG);
        // more samples over all dims: prod's zeros (its zero-safe derivative, and that derivative's own)
        Map<String, List<Sample>> extraAll = Map.of("prod", List.of(s(fixed(sh(4), 1.5, 0.0, -2.0, 0.75)),
                s(fixed(sh(2, 2), 0.0, 3.0, 0.0, -1.25)), s(fixed(sh(5), 0.0, 3.0, 0.0, -1.25, 0.0))));
        for (Reduction r : Reduction.ALL_ROWS) {
            boolean bool = r.rule == Reduction.Rule.BOOL, id = r.hasIdentity();
            // all/any read floats with some exact zeros, so layouts are exercised too
            Gen gen = bool ? (g, shape) -> gen(g, shape, Kind.FLOAT, false, x -> x < -0.5 ? 0 : x) : fromDomain(r.domain(), Kind.FLOAT);
            int[][] empties = id ? new int[][] {sh(3, 0), sh(0, 3)} : new int[][] {sh(0, 3)};
            double p = r.defaultP();
            ToDoubleFunction<double[]> f = v -> r.ref.of(v, p);
            String expect = r.name + "(): Expected reduction dim ";
            List<Op> ops = new ArrayList<>();

            // over all dims
            Function<Random, List<Sample>> all = all(gen, id);
            List<Sample> extra = extraAll.getOrDefault(r.name, List.of());
            if (!extra.isEmpty()) {
                Function<Random, List<Sample>> base = all;
                all = g -> {
                    List<Sample> l = new ArrayList<>(base.apply(g));
                    l.addAll(extra);
                    return l;
                };
            }
            Function<List<Arr>, Arr> refAll = r1(x -> over(x, null, false, f));
            Op whole = r.hasAllForm()
                    ? row(r.name, r.allNode, f1(x -> reduceAll(r, x)), refAll, defined(all, refAll)).py(pyCall(r, null, false))
                    : row(r.name, r.dimNode, f1(x -> reduceDims(r, x, allDims(x), false)), refAll, defined(all, refAll))
                            .py(pyCall(r, "tuple(range(a.dim()))", false));
            ops.add(whole);
            if (!id) {
                String unspecified = r.name + "(): Expected reduction dim to be specified for input.numel() == 0. Specify the "
                        + "reduction dim with the 'dim' argument.";
                whole.error(unspecified, c(new Random(1), 0)).error(unspecified, c(new Random(2), 0, 3));
            }
            if (r.dtypeError(DType.INT64) != null) whole.error(r.dtypeError(DType.INT64), index(sh(2), 1, 2));
            else if (bool) whole.golden(s(longs), s(bools), s(mask(new Random(3), 5)), s(mask(new Random(4), 0)));
            else whole.golden(s(longs), s(bools));

            if (r.hasDimForm()) {
                // over dim 1
                Function<List<Arr>, Arr> refDim = r1(x -> over(x, sh(1), false, f));
                Op dim = row(r.name + "_dim", r.dimNode, f1(x -> reduceDims(r, x, sh(1), false)), refDim,
                        defined(twoD(gen, empties), refDim)).py(pyCall(r, "1", false));
                // over dim -1, keeping it
                Function<List<Arr>, Arr> refKeep = r1(x -> over(x, sh(-1), true, f));
                Op keep = row(r.name + "_dim_keepdim", r.dimNode, f1(x -> reduceDims(r, x, sh(-1), true)), refKeep,
                        defined(lastDim(gen, empties), refKeep)).py(pyCall(r, "-1", true));
                ops.add(dim);
                ops.add(keep);
                if (!id) {
                    dim.error(expect + "1 to have non-zero size.", c(new Random(5), 3, 0));
                    keep.error(expect + "-1 to have non-zero size.", c(new Random(6), 3, 0));
                }
                // over several dims
                if (takesDimList(r)) {
                    Function<List<Arr>, Arr> refDims = r1(x -> over(x, sh(0, -1), false, f));
                    Op dims = row(r.name + "_dims", r.dimNode, f1(x -> reduceDims(r, x, sh(0, -1), false)), refDims,
                            defined(g -> {
                                List<Sample> l = new ArrayList<>(List.of(s(gen.make(g, 2, 3, 4)), s(S(gen.make(g, 3, 1, 5))),
                                        s(T(gen.make(g, 2, 3, 4)))));
                                if (id) l.add(s(gen.make(g, 0, 2, 3)));
                                l.add(s(gen.make(g, 2, 0, 3)));
                                return l;
                            }, refDims)).py(pyCall(r, "(0, -1)", false));
                    ops.add(dims);
                    if (!id) dims.error(expect + "0 to have non-zero size.", c(new Random(7), 0, 2, 3));
                }
            }
            for (Op op : ops) {
                // the sums are PyTorch's bits (0 ulps) but not within 1 ulp of the exact sum: goldens, not the reference
                if (r.ulps() == 0 && !r.isLayoutDependent()) op.pointwise(0);
                else op.accum(r.ulps());
                op.layoutExact = !r.isLayoutDependent();
                if (!r.isDifferentiable()) op.noGradcheck();
                if (bool) op.out(d -> DType.BOOL);
            }
        }
        // ties share the gradient (amax, amin); the parameters' other values; bool inputs of all and any
        byName("amax_dim").golden(s(fixed(sh(2, 3), 2, 2, 1, 0, 4, 4)));
        byName("amin_dims").golden(s(fixed(sh(2, 2), 1, 3, 1, 2)));
        byName("all").golden(s(fixed(sh(3), 1, 0, 2)));
        byName("any_dim").golden(s(fixed(sh(2, 2), 0, 0, 1, 0)), s(mask(new Random(8), 3, 4)), s(mask(new Random(9), 0, 3)));
        row("var_biased", Reduction.VAR.allNode, f1(x -> x.var(false)), r1(x -> over(x, null, false, v -> Reduction.VAR.ref.of(v, 0))),
                all(OpTable::r, true)).accum(Reduction.VAR.ulps()).py("torch.var(a, unbiased=False)").layoutExact = false;
        row("var_dim_biased_keepdim", Reduction.VAR.dimNode, f1(x -> x.var(0, false, true)),
                r1(x -> over(x, sh(0), true, v -> Reduction.VAR.ref.of(v, 0))), twoD(OpTable::r, sh(3, 0), sh(1, 3)))
                .accum(Reduction.VAR.ulps()).py("torch.var(a, 0, unbiased=False, keepdim=True)");
        row("norm_p_dim", Reduction.NORM.dimNode, f1(x -> x.norm(3, new int[] {1}, false)),
                r1(x -> over(x, sh(1), false, v -> Reduction.NORM.ref.of(v, 3))), twoD(OpTable::u))
                .accum(Reduction.NORM.ulps()).py("torch.norm(a, 3, 1)");
    }

    static double[] cumsum(double[] v) {
        double[] r = v.clone();
        for (int i = 1; i < r.length; i++) r[i] += r[i - 1];
        return r;
    }

    static double[] cumprod(double[] v) {
        double[] r = v.clone();
        for (int i = 1; i < r.length; i++) r[i] *= r[i - 1];
        return r;
    }

    /** start, start + step, … (n values), computed in double. */
    static Arr steps(double start, double step, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = start + i * step;
        return Arr.of(sh(n), v);
    }

    /** True when the second input broadcasts to the first's shape (an in-place result keeps self's shape). */
    static boolean writableIntoFirst(Sample s) {
        int[] a = s.inputs().get(0).shape(), b = s.inputs().get(1).shape();
        return java.util.Arrays.equals(Arr.broadcastShape(a, b), a);
    }

    /** A float64 input whatever the test's dtype (promotion cases), requires grad. */
    static In f64(Random g, int... shape) {
        return gen(g, shape, Kind.F64, true, x -> x);
    }

    static Op byName(String name) {
        Op op = OPS.get(name);
        if (op == null) throw new IllegalArgumentException("no op table row " + name);
        return op;
    }

    static {
        // ---------------------------------------------------------------- the declared families
        fromDeclarations();

        // ---------------------------------------------------------------- Java long scalars (Python ints)
        In ints = index(sh(3), 1, -2, 3);
        In bools3 = new In(new double[] {1, 0, 1}, sh(3), Kind.BOOL, false, Style.CONTIG);
        row("add_long", "AddBackward0", f1(x -> x.add(2L)), map(x -> x + 2), unary(OpTable::r)).pointwise(0).py("a + 2")
                .scalarOperand().golden(s(ints), s(bools3));
        row("mul_long", "MulBackward0", f1(x -> x.mul(3L)), map(x -> x * 3), unary(OpTable::r)).pointwise(0).py("a * 3")
                .scalarOperand().golden(s(ints), s(bools3));
        row("sub_long", "SubBackward0", f1(x -> x.sub(2L)), map(x -> x - 2), unary(OpTable::r)).pointwise(0).py("a - 2")
                .scalarOperand().golden(s(ints)).error(Binary.SUB_BOOL, bools3);

        // ---------------------------------------------------------------- creation
        Function<Random, List<Sample>> none = g -> List.of(s());
        row("arange", null, xs -> Torch.arange(7L), xs -> Arr.of(sh(7), 0, 1, 2, 3, 4, 5, 6), none)
                .out(d -> DType.INT64).noGradcheck().py("torch.arange(7)");
        row("arange_step", null, xs -> Torch.arange(1L, 10L, 3L), xs -> Arr.of(sh(3), 1, 4, 7), none)
                .out(d -> DType.INT64).noGradcheck().py("torch.arange(1, 10, 3)");
        row("arange_float", null, xs -> Torch.arange(0.5, 3.2, 0.3), xs -> steps(0.5, 0.3, (int) Math.ceil((3.2 - 0.5) / 0.3)),
                none).out(d -> DType.FLOAT32).noGradcheck().py("torch.arange(0.5, 3.2, 0.3)");
        row("arange_float64", null, xs -> Torch.arange(-1.0, 1.0, 0.25, DType.FLOAT64), xs -> steps(-1, 0.25, 8), none)
                .out(d -> DType.FLOAT64).noGradcheck().py("torch.arange(-1.0, 1.0, 0.25, dtype=torch.float64)");
        row("linspace", null, xs -> Torch.linspace(-1, 2, 7), xs -> steps(-1, 0.5, 7), none)
                .out(d -> DType.FLOAT32).noGradcheck().py("torch.linspace(-1, 2, 7)");
        row("linspace_float64", null, xs -> Torch.linspace(0, 1, 11, DType.FLOAT64), xs -> steps(0, 0.1, 11), none)
                .out(d -> DType.FLOAT64).noGradcheck().py("torch.linspace(0, 1, 11, dtype=torch.float64)");
        row("eye", null, xs -> Torch.eye(3, 4), xs -> Arr.of(sh(3, 4), 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0), none)
                .out(d -> DType.FLOAT32).noGradcheck().py("torch.eye(3, 4)");
        row("full", null, xs -> Torch.full(new long[] {2, 3}, 1.5), xs -> Arr.of(sh(2, 3), 1.5, 1.5, 1.5, 1.5, 1.5, 1.5), none)
                .out(d -> DType.FLOAT32).noGradcheck().py("torch.full((2, 3), 1.5)");
        row("zeros_like", null, f1(Torch::zerosLike), map(x -> 0), unary(OpTable::r)).noGradcheck().py("torch.zeros_like(a)");
        row("ones_like", null, f1(Torch::onesLike), map(x -> 1), unary(OpTable::r)).noGradcheck().py("torch.ones_like(a)");
        row("full_like", null, f1(x -> Torch.fullLike(x, 2.5)), map(x -> 2.5), unary(OpTable::r)).noGradcheck()
                .py("torch.full_like(a, 2.5)");

        // ---------------------------------------------------------------- arithmetic with Java scalars
        row("add_scalar", "AddBackward0", f1(x -> x.add(1.5)), map(x -> x + 1.5), unary(OpTable::r)).pointwise(0)
                .py("a + 1.5").scalarOperand().golden(s(ints), s(bools3));
        row("sub_scalar", "SubBackward0", f1(x -> x.sub(0.5)), map(x -> x - 0.5), unary(OpTable::r)).pointwise(0)
                .py("a - 0.5").scalarOperand();
        row("mul_scalar", "MulBackward0", f1(x -> x.mul(2.5)), map(x -> x * 2.5), unary(OpTable::r)).pointwise(0)
                .py("a * 2.5").scalarOperand().golden(s(ints), s(bools3));
        row("div_scalar", "DivBackward0", f1(x -> x.div(3.0)), map(x -> x / 3.0), unary(OpTable::r)).pointwise(0)
                .py("a / 3.0").scalarOperand().golden(s(ints), s(bools3));
        row("rsub", "RsubBackward1", f1(x -> x.rsub(1.0)), map(x -> 1.0 - x), unary(OpTable::r)).pointwise(0)
                .py("1.0 - a").golden(s(ints)).error(Binary.SUB_BOOL, bools3);
        row("pow_scalar", "PowBackward0", f1(x -> x.pow(2.5)), map(x -> Math.pow(x, 2.5)), unary(OpTable::p)).pointwise(1)
                .py("a ** 2.5").golden(s(index(sh(3), 1, 2, 3)));
        row("pow_int", "PowBackward0", f1(x -> x.pow(3L)), map(x -> x * x * x), unary(OpTable::r)).pointwise(0) // x·x·x in the dtype, as PyTorch
                .py("a ** 3").golden(s(ints), s(bools3));
        row("square", "PowBackward0", f1(Tensor::square), map(x -> x * x), unary(OpTable::r)).pointwise(0)
                .py("a.square()");

        // ---------------------------------------------------------------- unary math
        row("clamp", "ClampBackward1", f1(x -> x.clamp(-0.5, 0.5)), map(x -> clamp(x, -0.5, 0.5)), unary(OpTable::u)).pointwise(0)
                .py("a.clamp(-0.5, 0.5)").golden(s(fixed(sh(4), -0.5, 0.5, 0.25, -2.0)), s(ints));
        row("clamp_min", "ClampBackward1", f1(x -> x.clampMin(0.1)), map(x -> Math.max(x, 0.1)), unary(OpTable::u)).pointwise(0)
                .py("a.clamp(min=0.1)").golden(s(fixed(sh(3), 0.1, 0.0, 1.0)));
        row("clamp_max", "ClampBackward1", f1(x -> x.clampMax(0.2)), map(x -> Math.min(x, 0.2)), unary(OpTable::u)).pointwise(0)
                .py("a.clamp(max=0.2)").golden(s(fixed(sh(3), 0.2, 0.0, 1.0)));
        row("where", "WhereBackward0", xs -> Torch.where(xs.get(0), xs.get(1), xs.get(2)),
                xs -> Arr.where(xs.get(0), xs.get(1), xs.get(2)),
                g -> List.of(s(mask(g, 5), r(g, 5), r(g, 5)), s(mask(g, 2, 1), r(g, 2, 3), c(g, 3)), s(mask(g), r(g), r(g)),
                        s(mask(g, 0), r(g, 0), r(g, 1)), s(mask(g, 3, 4), T(r(g, 3, 4)), S(r(g, 4))), s(mask(g, 7), r(g), r(g, 7))))
                .pointwise(0)
                .py("torch.where(a, b, c)")
                .golden(s(mask(new Random(3), 3), r(new Random(4), 3), f64(new Random(5), 3)));
        row("masked_fill", "MaskedFillBackward0", f2((x, m) -> x.maskedFill(m, 0.25)),
                xs -> Arr.where(xs.get(1), Arr.scalar(0.25), xs.get(0)),
                g -> List.of(s(r(g, 2, 3), mask(g, 3)), s(r(g, 5), mask(g, 5)), s(r(g), mask(g)), s(T(r(g, 3, 4)), mask(g, 3, 4)),
                        s(r(g, 0, 3), mask(g, 3)), s(S(r(g, 13)), mask(g))))
                .pointwise(0)
                .py("a.masked_fill(b, 0.25)");

        // ---------------------------------------------------------------- reductions
        // The declared reductions (ops.Reduction), then the reductions of other shapes.
        fromReductions();
        row("max", "MaxBackward1", f1(Tensor::max), r1(x -> Arr.reduceAll(x, Arr::max)), all(OpTable::r, false)).pointwise(0)
                .py("a.max()").golden(s(fixed(sh(2, 3), 1, 3, 3, 0, 3, -1)));
        row("min", "MinBackward1", f1(Tensor::min), r1(x -> Arr.reduceAll(x, Arr::min)), all(OpTable::r, false)).pointwise(0)
                .py("a.min()").golden(s(fixed(sh(2, 3), 1, -3, 3, 0, -3, -1)));
        row("max_dim", "MaxBackward0", f1(x -> x.max(1).values()), r1(x -> Arr.reduceDim(x, 1, false, Arr::max)),
                twoD(OpTable::r, sh(0, 3))).pointwise(0)
                .py("a.max(1).values").golden(s(fixed(sh(2, 3), 2, 2, 1, 0, 4, 4)));
        row("min_dim", "MinBackward0", f1(x -> x.min(0).values()), r1(x -> Arr.reduceDim(x, 0, false, Arr::min)),
                twoD(OpTable::r, sh(3, 0))).pointwise(0)
                .py("a.min(0).values").golden(s(fixed(sh(2, 2), 2, 2, 2, 4)));
        row("max_dim_keepdim", "MaxBackward0", f1(x -> x.max(-1, true).values()),
                r1(x -> Arr.reduceDim(x, -1, true, Arr::max)), lastDim(OpTable::r, sh(0, 3))).pointwise(0)
                .py("a.max(-1, keepdim=True).values");
        row("softmax", "SoftmaxBackward0", f1(x -> x.softmax(-1)), r1(x -> Arr.alongDim(x, -1, Arr::softmax)),
                lastDim(OpTable::r, sh(0, 3), sh(3, 1))).accum(2)
                .py("a.softmax(-1)");
        row("softmax_dim0", "SoftmaxBackward0", f1(x -> x.softmax(0)), r1(x -> Arr.alongDim(x, 0, Arr::softmax)),
                twoD(OpTable::r, sh(3, 0))).accum(2)
                .py("a.softmax(0)");
        row("log_softmax", "LogSoftmaxBackward0", f1(x -> x.logSoftmax(-1)), r1(x -> Arr.alongDim(x, -1, Arr::logSoftmax)),
                lastDim(OpTable::r, sh(0, 3), sh(3, 1))).accum(4)
                .py("a.log_softmax(-1)");
        row("log_softmax_dim0", "LogSoftmaxBackward0", f1(x -> x.logSoftmax(0)), r1(x -> Arr.alongDim(x, 0, Arr::logSoftmax)),
                twoD(OpTable::r, sh(3, 0))).accum(4)
                .py("a.log_softmax(0)");

        // ---------------------------------------------------------------- more reductions
        row("cumsum", "CumsumBackward0", f1(x -> x.cumsum(1)), r1(x -> Arr.alongDim(x, 1, OpTable::cumsum)),
                twoD(OpTable::r, sh(3, 0), sh(0, 3))).accum(2).py("torch.cumsum(a, 1)");
        row("cumprod", "CumprodBackward0", f1(x -> x.cumprod(-1)), r1(x -> Arr.alongDim(x, -1, OpTable::cumprod)), g -> {
            List<Sample> l = new ArrayList<>(lastDim(OpTable::r, sh(3, 0)).apply(g));
            l.add(s(fixed(sh(5), 1.5, 0.0, -2.0, 0.75, 3.0)));
            l.add(s(fixed(sh(2, 3), 0.0, 3.0, 0.0, -1.25, 2.0, 0.0)));
            return l;
        }).accum(2).py("torch.cumprod(a, -1)");

        // ---------------------------------------------------------------- linear algebra
        Function<List<Arr>, Arr> mm = xs -> Arr.matmul(xs.get(0), xs.get(1));
        row("mm", "MmBackward0", f2(Tensor::mm), mm, g -> List.of(s(r(g, 2, 3), r(g, 3, 4)), s(r(g, 1, 1), r(g, 1, 1)),
                s(r(g, 3, 7), r(g, 7, 2)), s(T(r(g, 3, 4)), r(g, 4, 2)), s(S(r(g, 2, 3)), T(r(g, 3, 5))),
                s(r(g, 0, 3), r(g, 3, 2)), s(r(g, 2, 0), r(g, 0, 3)), s(r(g, 2, 3), c(g, 3, 2)), s(c(g, 2, 3), r(g, 3, 2))))
                .accum(4)
                .py("torch.mm(a, b)");
        row("addmm", "AddmmBackward0", xs -> Torch.addmm(xs.get(0), xs.get(1), xs.get(2)),
                xs -> Arr.zip(Arr.matmul(xs.get(1), xs.get(2)), xs.get(0), Double::sum),
                g -> List.of(s(r(g, 4), r(g, 2, 3), r(g, 3, 4)), s(r(g, 2, 4), r(g, 2, 3), r(g, 3, 4)), s(r(g, 1), r(g, 3, 5), r(g, 5, 2)),
                        s(r(g, 3, 1), T(r(g, 3, 4)), r(g, 4, 2)), s(r(g), r(g, 2, 7), T(r(g, 7, 3))), s(r(g, 2), r(g, 0, 3), r(g, 3, 2))))
                .accum(4)
                .py("torch.addmm(a, b, c)")
                .error("mat1 must be a matrix, got 1-D tensor", r(new Random(1), 3), r(new Random(2), 3), r(new Random(3), 3, 3))
                .error("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", r(new Random(1), 3), r(new Random(2), 2, 3),
                        r(new Random(3), 4, 5))
                .error("The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1.  "
                        + "Target sizes: [2, 4].  Tensor sizes: [3]", r(new Random(1), 3), r(new Random(2), 2, 3), r(new Random(3), 3, 4));
        row("addmm_scaled", "AddmmBackward0", xs -> Torch.addmm(xs.get(0), xs.get(1), xs.get(2), 0.5, -2.0),
                xs -> Arr.zip(Arr.map(Arr.matmul(xs.get(1), xs.get(2)), v -> -2.0 * v), Arr.map(xs.get(0), v -> 0.5 * v), Double::sum),
                g -> List.of(s(r(g, 4), r(g, 2, 3), r(g, 3, 4)), s(r(g, 2, 1), r(g, 2, 5), r(g, 5, 3))))
                .accum(4)
                .py("torch.addmm(a, b, c, beta=0.5, alpha=-2.0)");
        row("matmul", "MmBackward0", f2(Tensor::matmul), mm, g -> List.of(
                named("DotBackward0", r(g, 3), r(g, 3)), named("MvBackward0", r(g, 2, 3), r(g, 3)),
                named("SqueezeBackward3", r(g, 3), r(g, 3, 2)), s(r(g, 2, 3), r(g, 3, 4)),
                named("UnsafeViewBackward0", r(g, 2, 2, 3), r(g, 3, 4)), named("UnsafeViewBackward0", r(g, 2, 2, 3), r(g, 3)),
                named("UnsafeViewBackward0", r(g, 2, 2, 3), r(g, 1, 3, 2)), named("CloneBackward0", r(g, 3, 4), r(g, 2, 4, 2)),
                named("UnsafeViewBackward0", r(g, 3), r(g, 2, 3, 2)), named("UnsafeViewBackward0", r(g, 2, 1, 2, 3), r(g, 3, 3, 2)),
                named("UnsafeViewBackward0", T(r(g, 2, 3, 4)), S(r(g, 4, 2))), s(T(r(g, 3, 4)), S(r(g, 4, 1))),
                named("UnsafeViewBackward0", r(g, 2, 0, 3), r(g, 3, 2)), named("DotBackward0", r(g, 0), r(g, 0))))
                .accum(4)
                .py("torch.matmul(a, b)");
        row("dot", "DotBackward0", f2(Tensor::dot), mm, g -> List.of(s(r(g, 5), r(g, 5)), s(r(g, 1), r(g, 1)),
                s(r(g, 0), r(g, 0)), s(S(r(g, 13)), r(g, 13)), s(r(g, 7), c(g, 7)))).accum(4)
                .py("torch.dot(a, b)");
        row("mv", "MvBackward0", f2(Tensor::mv), mm, g -> List.of(s(r(g, 2, 3), r(g, 3)), s(T(r(g, 3, 4)), r(g, 4)),
                s(r(g, 0, 3), r(g, 3)), s(r(g, 2, 0), r(g, 0)), s(S(r(g, 5, 3)), S(r(g, 3))), s(c(g, 2, 3), r(g, 3)))).accum(4)
                .py("torch.mv(a, b)");
        row("bmm", "BmmBackward0", f2(Tensor::bmm), mm, g -> List.of(s(r(g, 2, 2, 3), r(g, 2, 3, 4)),
                s(r(g, 1, 1, 1), r(g, 1, 1, 1)), s(r(g, 0, 2, 3), r(g, 0, 3, 2)), s(T(r(g, 3, 4, 2)), S(r(g, 3, 2, 5))),
                s(r(g, 2, 1, 3), c(g, 2, 3, 1)))).accum(4)
                .py("torch.bmm(a, b)");

        // ---------------------------------------------------------------- movement
        row("t", "TBackward0", f1(Tensor::t), r1(x -> x.dim() < 2 ? x : Arr.transpose(x, 0, 1)),
                g -> List.of(s(r(g, 2, 3)), s(r(g, 3)), s(r(g)), s(T(r(g, 3, 4))), s(S(r(g, 2, 3))), s(r(g, 0, 3))))
                .py("a.t()");
        row("transpose", "TransposeBackward0", f1(x -> x.transpose(0, -1)), r1(x -> Arr.transpose(x, 0, -1)),
                g -> List.of(s(r(g, 2, 3, 4)), s(r(g, 3, 4)), s(r(g)), s(r(g, 5)), s(S(r(g, 2, 3, 4))), s(r(g, 0, 3))))
                .py("a.transpose(0, -1)");
        row("permute", "PermuteBackward0", f1(x -> x.permute(2, 0, 1)), r1(x -> Arr.permute(x, 2, 0, 1)),
                g -> List.of(s(r(g, 2, 3, 4)), s(S(r(g, 2, 3, 4))), s(T(r(g, 2, 3, 4))), s(r(g, 0, 2, 3)), s(r(g, 1, 1, 1))))
                .py("a.permute(2, 0, 1)");
        row("view", "ViewBackward0", f1(x -> x.view(-1, 2)), r1(x -> Arr.reshape(x, -1, 2)),
                g -> List.of(s(r(g, 2, 3, 2)), s(r(g, 6)), s(r(g, 4, 2)), s(r(g, 0, 2)), s(S(r(g, 3, 4)))))
                .py("a.view(-1, 2)").notTransposable();
        row("reshape", "ReshapeAliasBackward0", f1(x -> x.reshape(2, -1)), r1(x -> Arr.reshape(x, 2, -1)),
                g -> List.of(s(r(g, 2, 3, 2)), s(r(g, 4, 3)), named("UnsafeViewBackward0", T(r(g, 3, 4))), s(r(g, 0, 4)),
                        s(S(r(g, 6)))))
                .py("a.reshape(2, -1)");
        row("reshape_noncontig", "UnsafeViewBackward0", f1(x -> x.t().reshape(-1)), r1(x -> Arr.reshape(Arr.transpose(x, 0, 1), -1)),
                g -> List.of(s(r(g, 2, 3)), named("ReshapeAliasBackward0", r(g, 3, 1)), named("ReshapeAliasBackward0", r(g, 0, 3)),
                        named("ReshapeAliasBackward0", T(r(g, 4, 3))), s(S(r(g, 3, 2)))))
                .py("a.t().reshape(-1)").composite();
        row("flatten", "ReshapeAliasBackward0", f1(Tensor::flatten), r1(x -> Arr.reshape(x, -1)),
                g -> List.of(s(r(g, 2, 3, 2)), s(r(g)), named("UnsafeViewBackward0", T(r(g, 3, 4))), s(r(g, 0, 3)), s(S(r(g, 2, 3)))))
                .py("a.flatten()");
        row("flatten_range", "ReshapeAliasBackward0", f1(x -> x.flatten(1, 2)),
                r1(x -> Arr.reshape(x, x.shape()[0], x.shape()[1] * x.shape()[2], x.shape()[3])),
                g -> List.of(s(r(g, 2, 3, 2, 2)), s(S(r(g, 2, 3, 1, 2))), s(r(g, 2, 0, 3, 1))))
                .py("a.flatten(1, 2)");
        row("squeeze", "SqueezeBackward0", f1(Tensor::squeeze),
                r1(x -> Arr.of(Arrays.stream(x.shape()).filter(d -> d != 1).toArray(), x.v())),
                g -> List.of(s(r(g, 2, 1, 3, 1)), s(r(g, 1)), s(r(g)), s(r(g, 1, 1)), s(S(r(g, 3, 1))), s(r(g, 0, 1))))
                .py("a.squeeze()");
        row("squeeze_dim", "SqueezeBackward1", f1(x -> x.squeeze(1)),
                r1(x -> x.shape()[1] == 1 ? Arr.of(Arr.remove(x.shape(), 1), x.v()) : x),
                g -> List.of(s(r(g, 2, 1, 3)), s(r(g, 2, 3)), s(r(g, 3, 1)), s(S(r(g, 2, 1, 2))), s(r(g, 0, 1))))
                .py("a.squeeze(1)");
        row("unsqueeze", "UnsqueezeBackward0", f1(x -> x.unsqueeze(1)), r1(x -> {
            int[] s = new int[x.dim() + 1];
            for (int i = 0, k = 0; i < s.length; i++) s[i] = i == 1 ? 1 : x.shape()[k++];
            return Arr.of(s, x.v());
        }), g -> List.of(s(r(g, 2, 3)), s(r(g, 3)), s(r(g, 2, 3, 4)), s(S(r(g, 2, 3))), s(r(g, 0))))
                .py("a.unsqueeze(1)");
        row("expand", "ExpandBackward0", f1(x -> x.expand(3, -1, 4)), r1(x -> {
            int[] s = {3, x.dim() == 3 ? x.shape()[1] : x.shape()[0], 4};
            return Arr.expand(x, s);
        }), g -> List.of(s(r(g, 1, 1, 4)), s(r(g, 3, 1, 4)), s(r(g, 1, 4)), s(r(g, 1, 1, 1)), s(r(g, 1, 0, 1)),
                s(S(r(g, 1, 2, 1)))))
                .py("a.expand(3, -1, 4)");
        row("contiguous", "CloneBackward0", f1(x -> x.t().contiguous()), r1(x -> Arr.transpose(x, 0, 1)),
                g -> List.of(s(r(g, 2, 3)), named("TBackward0", r(g, 1, 3)), s(S(r(g, 3, 4))), named("TBackward0", r(g, 0, 3))))
                .py("a.t().contiguous()").composite();
        row("clone", "CloneBackward0", f1(Tensor::clone), r1(x -> x), unary(OpTable::r))
                .py("a.clone()");
        row("cat", "CatBackward0", xs -> Torch.cat(xs, 0), xs -> Arr.cat(0, xs.toArray(new Arr[0])),
                g -> List.of(s(r(g, 2, 3), r(g, 1, 3)), s(r(g, 2, 3), c(g, 2, 3)), s(r(g, 0, 3), r(g, 2, 3)),
                        s(r(g, 3), r(g, 4)), s(T(r(g, 3, 4)), S(r(g, 2, 4))), s(r(g, 5))))
                .py("torch.cat(args, 0)").golden(s(r(new Random(6), 2, 3), f64(new Random(7), 1, 3)));
        row("cat_dim1", "CatBackward0", xs -> Torch.cat(xs, 1), xs -> Arr.cat(1, xs.toArray(new Arr[0])),
                g -> List.of(s(r(g, 2, 1), c(g, 2, 2), r(g, 2, 3)), s(r(g, 2, 0), r(g, 2, 3), r(g, 2, 1)),
                        s(S(r(g, 3, 2)), T(r(g, 3, 3)), r(g, 3, 1))))
                .py("torch.cat(args, 1)");
        row("stack", "StackBackward0", xs -> Torch.stack(xs, 1), xs -> Arr.stack(1, xs.toArray(new Arr[0])),
                g -> List.of(s(r(g, 2, 3), r(g, 2, 3)), s(r(g, 3), r(g, 3), c(g, 3)), s(r(g, 0, 2), r(g, 0, 2)),
                        s(T(r(g, 2, 3)), S(r(g, 2, 3)))))
                .py("torch.stack(args, 1)").golden(s(f64(new Random(8), 2), r(new Random(9), 2)));
        row("select", "SelectBackward0", f1(x -> x.select(1, -1)), r1(x -> Arr.select(x, 1, -1)),
                g -> List.of(s(r(g, 2, 3)), s(r(g, 1, 1)), s(S(r(g, 2, 3, 4))), s(T(r(g, 3, 4))), s(r(g, 0, 3))))
                .py("a.select(1, -1)");
        row("narrow", "SliceBackward0", f1(x -> x.narrow(0, 1, 2)), r1(x -> Arr.narrow(x, 0, 1, 2)),
                g -> List.of(s(r(g, 4, 2)), s(r(g, 3)), s(S(r(g, 5, 3))), s(T(r(g, 3, 4))), s(r(g, 3, 0))))
                .py("a.narrow(0, 1, 2)");
        row("index_select", "IndexSelectBackward0", f2((x, i) -> x.indexSelect(1, i)),
                xs -> Arr.indexSelect(xs.get(0), 1, longs(xs.get(1))),
                g -> List.of(s(r(g, 2, 4), index(sh(3), 3, 0, 3)), s(r(g, 3, 5), index(sh(0))), s(T(r(g, 3, 4)), index(sh(1), 1)),
                        s(r(g, 2, 1), index(sh(2), 0, 0)), s(S(r(g, 2, 7)), randIndex(g, 7, 13))))
                .py("a.index_select(1, b)");
        row("gather", "GatherBackward0", f2((x, i) -> x.gather(1, i)), xs -> Arr.gather(xs.get(0), 1, xs.get(1)),
                g -> List.of(s(r(g, 2, 3), index(sh(2, 4), 0, 2, 2, 1, 1, 1, 0, 0)), s(r(g, 3, 4), randIndex(g, 4, 3, 2)),
                        s(r(g, 2, 3), index(sh(2, 0))), s(T(r(g, 3, 5)), randIndex(g, 5, 2, 7)), s(S(r(g, 2, 2)), randIndex(g, 2, 2, 2))))
                .py("a.gather(1, b)");
        row("to_other", "ToCopyBackward0",
                f1(x -> x.to(x.dtype() == DType.FLOAT32 ? DType.FLOAT64 : DType.FLOAT32)), r1(x -> x), unary(OpTable::r))
                .noGradcheck()
                .py("a.to(torch.float64 if a.dtype == torch.float32 else torch.float32)")
                .out(d -> d == DType.FLOAT32 ? DType.FLOAT64 : DType.FLOAT32);

        // ---------------------------------------------------------------- rows kept in files of their own
        // (one line each: a class in this package with a static rows() method calling row(...))
        SortRows.rows();
        IndexRows.rows();
        RearrangeRows.rows();
        EverydayRows.rows();
        FusedRows.rows();
        NNRows.rows();
        DblRows.rows();
        ConvRows.rows();
    }
}
