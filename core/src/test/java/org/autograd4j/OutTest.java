package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.autograd4j.autograd.ForwardAD;
import org.autograd4j.ops.Binary;
import org.autograd4j.ops.Unary;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * PyTorch's out= forms ({@code Torch.f(inputs..., out)}, {@code torch.f(..., out=t)}): which ops have one (against
 * PyTorch, {@code goldens/out.txt}), that each gives the functional form's bits in every layout of out (contiguous,
 * transposed, strided, resized, cast, out = an input, broadcast inputs), and PyTorch 1.13.1's checks, warning texts,
 * resizes and version counts on the cases {@code tools/goldens/gen_out.py} ran.
 */
@Isolated // captures System.err for the resize warning
class OutTest {
    private static final GoldenFile GOLDEN = GoldenFile.read("out.txt");

    // ------------------------------------------------------------------ which ops have an out= form

    private static Map<String, Boolean> pytorchHasOut() {
        Map<String, Boolean> r = new LinkedHashMap<>();
        for (GoldenFile.Line l : GOLDEN.lines()) if (l.startsWith("has ")) r.put(l.token(1), GoldenFile.bool(l.token(2)));
        return r;
    }

    private static Method outForm(String name, int tensors) {
        Class<?>[] p = new Class<?>[tensors + 1];
        java.util.Arrays.fill(p, Tensor.class);
        try {
            Method m = Torch.class.getMethod(GoldenFile.javaName(name), p);
            return Modifier.isStatic(m.getModifiers()) && m.getReturnType() == Tensor.class ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @TestFactory
    Stream<DynamicTest> outFormsAreExactlyPyTorchs() {
        Map<String, Boolean> pt = pytorchHasOut();
        List<DynamicTest> r = new ArrayList<>();
        for (Unary u : Unary.ALL) {
            r.add(DynamicTest.dynamicTest(u.name, () -> {
                Boolean has = pt.get(u.name);
                assertNotNull(has, u.name + " is not in goldens/out.txt: add it to gen_out.py and regenerate");
                assertEquals(has, u.hasOut(), u.name);
                assertEquals(has, outForm(u.name, 1) != null, "Torch." + GoldenFile.javaName(u.name) + "(Tensor, Tensor out)");
            }));
        }
        for (Binary b : Binary.ALL) {
            if (b.isInternal()) continue;
            r.add(DynamicTest.dynamicTest(b.name, () -> {
                Boolean has = pt.get(b.name);
                assertNotNull(has, b.name + " is not in goldens/out.txt: add it to gen_out.py and regenerate");
                assertEquals(has, b.hasOut(), b.name);
                assertEquals(has, outForm(b.name, 2) != null, "Torch." + GoldenFile.javaName(b.name) + "(Tensor, Tensor, Tensor out)");
            }));
        }
        return r.stream();
    }

    // ------------------------------------------------------------------ values: the functional form's bits

    private static Tensor call(Method m, Object... args) {
        try {
            return (Tensor) m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw (RuntimeException) e.getCause();
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /** The outs each check writes: fresh of the result's shape and dtype, transposed, strided, empty, float64. */
    private static List<Map.Entry<String, Tensor>> outs(long[] shape, DType dtype) {
        List<Map.Entry<String, Tensor>> r = new ArrayList<>();
        r.add(Map.entry("contiguous", Torch.zeros(shape, dtype)));
        r.add(Map.entry("transposed", Torch.zeros(new long[] {shape[1], shape[0]}, dtype).t()));
        r.add(Map.entry("strided", Torch.zeros(new long[] {shape[0], 2 * shape[1]}, dtype)
                .index(Torch.slice(null, null), Torch.slice(null, null, 2))));
        r.add(Map.entry("empty", Torch.empty(new long[] {0}, dtype)));
        if (dtype != DType.FLOAT64) r.add(Map.entry("float64", Torch.zeros(new long[] {shape[0], shape[1]}, DType.FLOAT64)));
        return r;
    }

    /** out holds {@code expected}'s values (converted to out's dtype), bit for bit (NaNs equal), and was bumped once. */
    private static void assertWritten(String what, Tensor expected, Tensor out, Tensor returned, int version) {
        assertSame(out, returned, what + ": returns out");
        assertArrayEquals(expected.shape(), out.shape(), what);
        assertArrayEquals(expected.to(out.dtype()).toDoubleArray(), out.toDoubleArray(), what);
        assertEquals(version + 1, out.version(), what + ": version");
    }

    private static Tensor sample(long rows, long cols, int seed) {
        Torch.manualSeed(seed);
        return Torch.randn(rows, cols).mul(2);
    }

    @TestFactory
    Stream<DynamicTest> unaryOutEqualsFunctional() {
        List<DynamicTest> r = new ArrayList<>();
        for (Unary u : Unary.ALL) {
            if (!u.hasOut()) continue;
            Method f = outForm(u.name, 1);
            r.add(DynamicTest.dynamicTest(u.name, () -> {
                List<Tensor> inputs = List.of(sample(3, 5, 1), sample(5, 3, 2).t(), Torch.arange(15L).view(3, 5).sub(7L));
                for (Tensor x : inputs) {
                    Tensor expected;
                    try {
                        expected = (Tensor) Tensor.class.getMethod(GoldenFile.javaName(u.name)).invoke(x);
                    } catch (InvocationTargetException e) {
                        // the op rejects this dtype (frac of int64): so does its out= form, with the same error
                        RuntimeException t = assertThrows(RuntimeException.class, () -> call(f, x, Torch.empty(0)));
                        assertEquals(e.getCause().getClass(), t.getClass());
                        assertEquals(e.getCause().getMessage(), t.getMessage());
                        continue;
                    }
                    for (Map.Entry<String, Tensor> o : outs(expected.shape(), expected.dtype())) {
                        Tensor out = o.getValue();
                        int v = out.version();
                        assertWritten(u.name + " " + x.dtype() + " into " + o.getKey(), expected, out, quiet(() -> call(f, x, out)), v);
                    }
                    if (expected.dtype() == x.dtype()) {
                        Tensor self = x.clone();
                        int v = self.version();
                        assertWritten(u.name + " out=x", expected, self, call(f, self, self), v);
                    }
                }
            }));
        }
        return r.stream();
    }

    @TestFactory
    Stream<DynamicTest> binaryOutEqualsFunctional() {
        List<DynamicTest> r = new ArrayList<>();
        for (Binary b : Binary.ALL) {
            if (!b.hasOut()) continue;
            Method f = outForm(b.name, 2);
            r.add(DynamicTest.dynamicTest(b.name, () -> {
                Method fn = Torch.class.getMethod(GoldenFile.javaName(b.name), Tensor.class, Tensor.class);
                List<Tensor[]> pairs = List.of(
                        new Tensor[] {sample(3, 5, 1), sample(3, 5, 2)},
                        new Tensor[] {sample(5, 3, 3).t(), sample(3, 5, 4)},
                        new Tensor[] {sample(3, 1, 5), sample(1, 5, 6)}, // broadcast
                        new Tensor[] {Torch.arange(15L).view(3, 5).sub(7L), Torch.arange(15L).view(3, 5).remainder(4L).add(1L)});
                for (Tensor[] p : pairs) {
                    Tensor expected;
                    try {
                        expected = call(fn, p[0], p[1]);
                    } catch (IllegalArgumentException e) {
                        // the op rejects these dtypes (sub of bools, ...): so does its out= form, with the same text
                        assertEquals(e.getMessage(), assertThrows(IllegalArgumentException.class,
                                () -> call(f, p[0], p[1], Torch.empty(0))).getMessage());
                        continue;
                    }
                    for (Map.Entry<String, Tensor> o : outs(expected.shape(), expected.dtype())) {
                        Tensor out = o.getValue();
                        int v = out.version();
                        assertWritten(b.name + " into " + o.getKey(), expected, out, quiet(() -> call(f, p[0], p[1], out)), v);
                    }
                    if (expected.dtype() == p[0].dtype() && java.util.Arrays.equals(expected.shape(), p[0].shape())) {
                        Tensor self = p[0].clone();
                        int v = self.version();
                        assertWritten(b.name + " out=a", expected, self, call(f, self, p[1], self), v);
                    }
                }
            }));
        }
        return r.stream();
    }

    @Test
    void alphaAndMmOutEqualFunctional() {
        Tensor a = sample(4, 6, 1), b = sample(4, 6, 2), w = sample(6, 5, 3);
        for (Map.Entry<String, Tensor> o : outs(new long[] {4, 6}, DType.FLOAT32)) {
            Tensor out = o.getValue();
            int v = out.version();
            assertWritten("add alpha into " + o.getKey(), a.add(b, 0.75), out, quiet(() -> Torch.add(a, b, 0.75, out)), v);
        }
        for (Map.Entry<String, Tensor> o : outs(new long[] {4, 6}, DType.FLOAT32)) {
            Tensor out = o.getValue();
            int v = out.version();
            assertWritten("sub alpha into " + o.getKey(), a.sub(b, 3L), out, quiet(() -> Torch.sub(a, b, 3L, out)), v);
        }
        Tensor ia = Torch.arange(6L).view(2, 3), ib = Torch.arange(6L).view(2, 3).mul(5L);
        Tensor iout = Torch.zeros(new long[] {2, 3}, DType.INT64);
        assertWritten("add int alpha", ia.add(ib, 2L), iout, Torch.add(ia, ib, 2L, iout), 0);
        for (Map.Entry<String, Tensor> o : outs(new long[] {4, 5}, DType.FLOAT32)) {
            if (o.getKey().equals("float64")) continue; // mm takes its own dtype only
            Tensor out = o.getValue();
            int v = out.version();
            assertWritten("mm into " + o.getKey(), a.mm(w), out, quiet(() -> Torch.mm(a, w, out)), v);
            Tensor at = sample(6, 4, 7).t(), wt = sample(5, 6, 8).t();
            assertWritten("mm transposed operands into " + o.getKey(), at.mm(wt), out, Torch.mm(at, wt, out), v + 1);
        }
        // an empty inner dimension gives zeros over whatever out held; int64 products are exact
        Tensor ones = Torch.ones(2, 3);
        assertWritten("mm k=0", Torch.zeros(2, 3), ones, Torch.mm(Torch.zeros(2, 0), Torch.zeros(0, 3), ones), 0);
        Tensor li = Torch.arange(6L).view(2, 3), lj = Torch.arange(12L).view(3, 4).sub(5L);
        Tensor lout = Torch.zeros(new long[] {4, 2}, DType.INT64).t();
        assertWritten("mm int64 into transposed", li.mm(lj), lout, Torch.mm(li, lj, lout), 0);
        // out = an input: PyTorch's BLAS zeroes out first and returns garbage; here the product is computed aside
        Tensor sq = sample(4, 4, 4), other = sample(4, 4, 5);
        Tensor expected = sq.mm(other);
        assertWritten("mm out=a", expected, sq, Torch.mm(sq, other, sq), 0);
    }

    @Test
    void directWriteUsesOutsStorage() {
        Tensor a = sample(2, 3, 1), b = sample(2, 3, 2);
        Tensor base = Torch.zeros(4, 3);
        Tensor out = base.narrow(0, 1, 2);
        Torch.add(a, b, out);
        assertArrayEquals(a.add(b).toDoubleArray(), base.narrow(0, 1, 2).toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 0}, base.select(0, 0).toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 0}, base.select(0, 3).toDoubleArray());
        assertEquals(1, base.version(), "a view's write bumps the shared counter");
    }

    @Test
    void savedOutFailsBackwardAfterAWrite() {
        Tensor x = Torch.tensor(1., 2.).requiresGrad_();
        Tensor y = x.mul(1);
        Tensor z = y.tanh(); // saves its result
        Tensor out;
        try (GradModeScope s = Torch.noGrad()) {
            out = Torch.add(Torch.ones(2), Torch.ones(2), z);
        }
        assertSame(z, out);
        RuntimeException e = assertThrows(RuntimeException.class, () -> z.sum().backward());
        assertTrue(e.getMessage().contains("modified by an inplace operation"), e.getMessage());
    }

    // ------------------------------------------------------------------ PyTorch's cases (goldens/out.txt)

    private record Run(Tensor out, Map<String, Tensor> extra) {
        Run(Tensor out) {
            this(out, Map.of());
        }
    }

    private static final Tensor A = Torch.tensor(1., 2., 3.), B = Torch.tensor(4., 5., 6.);
    private static final Tensor MA = Torch.tensor(new double[][] {{1, 2}, {3, 4}}), MB = Torch.tensor(new double[][] {{2, 0}, {1, 2}});

    private static Tensor ar() {
        return Torch.tensor(1., 2., 3.).requiresGrad_();
    }

    private static Tensor zeros(DType t, long... shape) {
        return Torch.zeros(shape, t);
    }

    private static final Map<String, java.util.function.Supplier<Run>> CASES = new LinkedHashMap<>();

    private static void run(String name, Function<Tensor, Tensor> op, Tensor out) {
        CASES.put(name, () -> {
            op.apply(out);
            return new Run(out);
        });
    }

    static {
        run("resize_nonempty", o -> Torch.add(A, B, o), Torch.zeros(2));
        run("resize_empty", o -> Torch.add(A, B, o), Torch.empty(0));
        run("broadcast_resize", o -> Torch.add(Torch.tensor(new double[][] {{1}, {2}, {3}}), Torch.tensor(10., 20., 30., 40.), o), Torch.empty(0));
        run("out_long", o -> Torch.add(A, B, o), zeros(DType.INT64, 3));
        run("out_double", o -> Torch.add(A, B, o), zeros(DType.FLOAT64, 3));
        run("out_bool", o -> Torch.add(A, B, o), zeros(DType.BOOL, 3));
        run("int_into_float", o -> Torch.add(Torch.tensor(1L, 2L), Torch.tensor(3L, 4L), o), Torch.zeros(2));
        run("grad_input_add", o -> Torch.add(ar(), B, o), Torch.zeros(3));
        run("grad_input_sub", o -> Torch.sub(A, ar(), o), Torch.zeros(3));
        run("grad_input_mul", o -> Torch.mul(ar(), B, o), Torch.zeros(3));
        run("grad_input_div", o -> Torch.div(ar(), B, o), Torch.zeros(3));
        run("grad_input_tanh", o -> Torch.tanh(ar(), o), Torch.zeros(3));
        run("grad_input_add_alpha", o -> Torch.add(A, ar(), 2.0, o), Torch.zeros(3));
        run("grad_input_mm", o -> Torch.mm(ar().view(1, 3), B.view(3, 1), o), Torch.zeros(1, 1));
        run("grad_before_dtype", o -> Torch.add(ar(), B, o), zeros(DType.INT64, 3));
        run("grad_out", o -> Torch.add(A, B, o), Torch.zeros(3).requiresGrad_());
        run("no_grad", o -> {
            try (GradModeScope s = Torch.noGrad()) {
                return Torch.add(ar(), B, o);
            }
        }, Torch.zeros(3));
        Tensor x = Torch.arange(6.);
        run("partial_overlap", o -> Torch.add(x.narrow(0, 0, 3), x.narrow(0, 1, 3), o), x.narrow(0, 1, 3));
        Tensor m = Torch.arange(4.).view(2, 2);
        run("transposed_alias", o -> Torch.add(m, Torch.ones(2, 2), o), m.t());
        Tensor same = A.clone();
        run("same_as_input", o -> Torch.mul(o, B, o), same);
        run("expanded_out", o -> Torch.add(A, B, o), Torch.zeros(1).expand(3));
        Tensor base = Torch.zeros(3, 2);
        CASES.put("noncontiguous_out", () -> new Run(Torch.add(A, B, base.select(1, 0)), Map.of("base", base)));
        Tensor big = Torch.ones(4);
        CASES.put("view_resized_in_storage", () -> new Run(Torch.add(A, B, big.narrow(0, 0, 2)), Map.of("base", big)));
        run("tanh_int_into_long", o -> Torch.tanh(Torch.tensor(1L, 2L), o), zeros(DType.INT64, 2));
        run("tanh_int_into_double", o -> Torch.tanh(Torch.tensor(1L, 2L), o), zeros(DType.FLOAT64, 2));
        run("div_int_into_long", o -> Torch.div(Torch.tensor(1L, 2L), Torch.tensor(3L, 4L), o), zeros(DType.INT64, 2));
        run("add_int_float_alpha", o -> Torch.add(Torch.tensor(1L, 2L), Torch.tensor(3L, 4L), 1.5, o), Torch.zeros(2));
        run("add_int_int_alpha", o -> Torch.add(Torch.tensor(1L, 2L), Torch.tensor(3L, 4L), 3L, o), zeros(DType.INT64, 2));
        run("add_alpha", o -> Torch.add(A, B, 2.5, o), Torch.zeros(3));
        run("sub_alpha", o -> Torch.sub(A, B, 0.5, o), Torch.zeros(3));
        run("sub_bools", o -> Torch.sub(Torch.tensor(new boolean[] {true}), Torch.tensor(new boolean[] {true}), o), Torch.zeros(1));
        run("neg_bool", o -> Torch.neg(Torch.tensor(new boolean[] {true}), o), Torch.zeros(1));
        run("eq_into_float", o -> Torch.eq(Torch.tensor(1., 2.), Torch.tensor(1., 3.), o), Torch.zeros(2));
        run("lt_into_long", o -> Torch.lt(Torch.tensor(1., 2.), Torch.tensor(2., 2.), o), zeros(DType.INT64, 2));
        run("logical_not_into_float", o -> Torch.logicalNot(Torch.tensor(1., 0.), o), Torch.zeros(2));
        run("mm_out_double", o -> Torch.mm(MA, MB, o), zeros(DType.FLOAT64, 2, 2));
        run("mm_long_inputs", o -> Torch.mm(MA.toLong(), MB.toLong(), o), Torch.zeros(2, 2));
        Tensor mbase = Torch.zeros(2, 4);
        CASES.put("mm_noncontiguous_out", () -> new Run(Torch.mm(MA, MB, mbase.index(Torch.slice(null, null), Torch.slice(null, null, 2))),
                Map.of("base", mbase)));
        run("mm_resize", o -> Torch.mm(MA, MB, o), Torch.zeros(3));
        run("mm_expanded_out", o -> Torch.mm(MA, MB, o), Torch.zeros(1).expand(2, 2));
        run("mm_shapes", o -> Torch.mm(MA, Torch.ones(3, 3), o), Torch.zeros(2, 2));
        run("mm_transposed_out", o -> Torch.mm(MA, MB, o), Torch.zeros(2, 2).t());
        Tensor fwOut = Torch.zeros(2);
        CASES.put("forward_ad", () -> {
            try (ForwardAD.DualLevel l = ForwardAD.dualLevel()) {
                Tensor xd = ForwardAD.makeDual(Torch.tensor(1., 2.), Torch.tensor(1., 1.));
                Torch.add(xd, xd, fwOut);
            }
            return new Run(fwOut);
        });
        CASES.put("forward_ad_after", () -> new Run(fwOut)); // out as it was left by the failed call above
        Tensor infOut;
        try (GradModeScope s = Torch.inferenceMode()) {
            infOut = Torch.zeros(2);
        }
        run("inference_out", o -> Torch.add(Torch.ones(2), Torch.ones(2), o), infOut);
    }

    private static Map<String, Map<String, String>> goldenCases() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        Map<String, String> cur = null;
        for (GoldenFile.Line line : GOLDEN.lines()) {
            if (line.startsWith("has ")) continue;
            if (line.startsWith("case ")) {
                cur = new LinkedHashMap<>();
                cases.put(line.rest(1), cur);
            } else {
                if (cur == null) throw line.error("a value before the first case");
                // the forward-AD case writes out before it raises: its value and version come after the error
                cur.merge(line.before("\t"), GoldenFile.unescape(line.after("\t")), (p, n) -> p);
                if (cur.containsKey("error") && !line.before("\t").equals("error") && !line.before("\t").equals("warning")) {
                    cur.put("after." + line.before("\t"), GoldenFile.unescape(line.after("\t")));
                }
            }
        }
        return cases;
    }

    private static <T> T quiet(java.util.function.Supplier<T> s) {
        boolean was = PyWarnings.isEnabled();
        PyWarnings.setEnabled(false);
        try {
            return s.get();
        } finally {
            PyWarnings.setEnabled(was);
        }
    }

    @TestFactory
    Stream<DynamicTest> pytorchCases() {
        Map<String, Map<String, String>> golden = goldenCases();
        List<DynamicTest> r = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> c : golden.entrySet()) {
            r.add(DynamicTest.dynamicTest(c.getKey(), () -> {
                java.util.function.Supplier<Run> body = CASES.get(c.getKey());
                assertNotNull(body, "no Java case for " + c.getKey());
                Map<String, String> want = c.getValue();
                PrintStream old = System.err;
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                boolean was = PyWarnings.isEnabled();
                Run run = null;
                RuntimeException error = null;
                try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
                    System.setErr(capture);
                    PyWarnings.setEnabled(true);
                    run = body.get();
                } catch (RuntimeException e) {
                    error = e;
                } finally {
                    System.setErr(old);
                    PyWarnings.setEnabled(was);
                }
                if (want.containsKey("error")) {
                    assertNotNull(error, "PyTorch raised: " + want.get("error"));
                    assertEquals(want.get("error"), error.getMessage());
                    if (want.containsKey("after.value")) {
                        Run after = CASES.get(c.getKey() + "_after").get();
                        assertEquals(want.get("after.value"), after.out().toString());
                        assertEquals(want.get("after.version"), String.valueOf(after.out().version()));
                    }
                } else {
                    if (error != null) throw error;
                    assertEquals(want.get("value"), run.out().toString());
                    assertEquals(want.get("version"), String.valueOf(run.out().version()));
                    for (Map.Entry<String, Tensor> e : run.extra().entrySet()) assertEquals(want.get(e.getKey()), e.getValue().toString(), e.getKey());
                }
                List<String> err = buf.toString(StandardCharsets.UTF_8).lines().toList();
                if (want.get("warning").equals("none")) {
                    assertEquals(List.of(), err);
                } else {
                    assertEquals(1, err.size(), err.toString());
                    assertTrue(err.get(0).startsWith("OutTest.java:"), err.get(0));
                    assertTrue(err.get(0).endsWith(": UserWarning: " + want.get("warning")), err.get(0));
                }
            }));
        }
        return r.stream();
    }
}
