package org.autograd4j.ops;

import static org.autograd4j.ops.OpChecks.arr;
import static org.autograd4j.ops.OpChecks.assertClose;
import static org.autograd4j.ops.OpChecks.assertGradClose;
import static org.autograd4j.ops.OpChecks.assertUlps;
import static org.autograd4j.ops.OpChecks.gaussian;
import static org.autograd4j.ops.OpChecks.shapeOf;
import static org.autograd4j.ops.OpChecks.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.Edge;
import org.autograd4j.GradModeScope;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.ops.OpTable.In;
import org.autograd4j.ops.OpTable.Kind;
import org.autograd4j.ops.OpTable.Op;
import org.autograd4j.ops.OpTable.Sample;
import org.autograd4j.ops.OpTable.Style;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Generic tests driven by {@link OpTable}: every row × every sample. */
class OpTableTest {
    static final double EPS = 1e-6, ATOL = 1e-5, RTOL = 1e-3;

    interface Check {
        void run(Op op, Sample s, String label) throws Exception;
    }

    private static Stream<DynamicNode> each(BiPredicate<Op, Sample> when, Check check) {
        List<DynamicNode> rows = new ArrayList<>();
        for (Op op : OpTable.OPS.values()) {
            List<DynamicTest> tests = new ArrayList<>();
            int i = 0;
            for (Sample s : op.samples()) {
                String label = op.name + "#" + i++ + " " + s.label();
                if (when.test(op, s)) tests.add(DynamicTest.dynamicTest(label, () -> check.run(op, s, label)));
            }
            if (!tests.isEmpty()) rows.add(DynamicContainer.dynamicContainer(op.name, tests));
        }
        return rows.stream();
    }

    private static List<Integer> diffInputs(Sample s) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < s.inputs().size(); i++) {
            In in = s.inputs().get(i);
            if (in.kind() == Kind.FLOAT && in.diff()) r.add(i);
        }
        return r;
    }

    private static List<Arr> arrs(List<Tensor> ts) {
        List<Arr> r = new ArrayList<>();
        for (Tensor t : ts) r.add(arr(t));
        return r;
    }

    // ------------------------------------------------------------------ (a) forward vs reference

    private static void forward(Op op, Sample s, String label, DType dtype) {
        List<Tensor> ins = s.make(dtype, false);
        Tensor out = op.fn.apply(ins);
        Arr expected = op.ref.apply(arrs(ins));
        DType outType = op.outType.apply(dtype);
        assertEquals(outType, out.dtype(), label + ": dtype");
        if (!outType.isFloatingPoint()) {
            assertClose(label, expected, out, 0, 0);
        } else if (outType == DType.FLOAT64) {
            assertClose(label, expected, out, 1e-12, 1e-12);
        } else if (op.f32Ulps >= 0) {
            assertUlps(label, expected, out, op.f32Ulps);
        } else {
            assertClose(label, expected, out, 1e-5, 1e-5);
        }
    }

    @TestFactory
    Stream<DynamicNode> forwardFloat64() {
        return each((op, s) -> true, (op, s, l) -> forward(op, s, l, DType.FLOAT64));
    }

    @TestFactory
    Stream<DynamicNode> forwardFloat32() {
        return each((op, s) -> true, (op, s, l) -> forward(op, s, l, DType.FLOAT32));
    }

    // ------------------------------------------------------------------ (b) gradcheck

    /** Σ out·g for the sample with element j of input k moved by delta (no graph). */
    private static double dotAt(Op op, Sample s, int k, int j, double delta, double[] g) {
        List<In> ins = new ArrayList<>(s.inputs());
        double[] d = ins.get(k).data().clone();
        d[j] += delta;
        ins.set(k, ins.get(k).withData(d));
        try (GradModeScope ignored = Torch.noGrad()) {
            double[] out = op.fn.apply(new Sample(ins, null).make(DType.FLOAT64, false)).toDoubleArray();
            double r = 0;
            for (int i = 0; i < out.length; i++) r += out[i] * g[i];
            return r;
        }
    }

    @TestFactory
    Stream<DynamicNode> gradcheck() {
        return each((op, s) -> op.gradcheck && !diffInputs(s).isEmpty(), (op, s, label) -> {
            Random rnd = new Random(label.hashCode());
            List<Tensor> ins = s.make(DType.FLOAT64, true);
            Tensor out = op.fn.apply(ins);
            assertTrue(out.requiresGrad(), label + ": output requires grad");
            double[] g = gaussian(rnd, (int) out.numel());
            List<Integer> diff = diffInputs(s);
            List<Tensor> xs = new ArrayList<>();
            for (int k : diff) xs.add(ins.get(k));
            List<Tensor> grads = Autograd.grad(List.of(out), xs, List.of(tensor(g, shapeOf(out), DType.FLOAT64)), false, false, true);
            for (int n = 0; n < diff.size(); n++) {
                int k = diff.get(n);
                double[] data = s.inputs().get(k).data();
                double[] analytic = new double[data.length];
                Tensor gk = grads.get(n);
                if (gk != null) {
                    assertArrayEquals(s.inputs().get(k).shape(), shapeOf(gk), label + ": grad shape of input " + k);
                    assertEquals(DType.FLOAT64, gk.dtype(), label + ": grad dtype");
                    analytic = gk.toDoubleArray();
                }
                double[] numeric = new double[data.length];
                for (int j = 0; j < data.length; j++) {
                    numeric[j] = (dotAt(op, s, k, j, EPS, g) - dotAt(op, s, k, j, -EPS, g)) / (2 * EPS);
                }
                assertGradClose(label + ": d/d input " + k, numeric, analytic, ATOL, RTOL);
            }
        });
    }

    // ------------------------------------------------------------------ (c) gradgradcheck

    /** Σ_k ⟨∂(out·g)/∂x_k, v_k⟩ with all inputs (the last being g) taken from {@code data}. */
    private static double firstGradDot(Op op, Sample s, List<Integer> diff, double[][] data, int[] outShape, double[][] v) {
        List<In> ins = new ArrayList<>(s.inputs());
        for (int n = 0; n < diff.size(); n++) ins.set(diff.get(n), ins.get(diff.get(n)).withData(data[n]));
        List<Tensor> ts = new Sample(ins, null).make(DType.FLOAT64, true);
        Tensor out = op.fn.apply(ts);
        List<Tensor> xs = new ArrayList<>();
        for (int k : diff) xs.add(ts.get(k));
        Tensor g = tensor(data[diff.size()], outShape, DType.FLOAT64);
        List<Tensor> grads = Autograd.grad(List.of(out), xs, List.of(g), false, false, true);
        double r = 0;
        for (int n = 0; n < diff.size(); n++) {
            if (grads.get(n) == null) continue;
            double[] a = grads.get(n).toDoubleArray();
            for (int i = 0; i < a.length; i++) r += a[i] * v[n][i];
        }
        return r;
    }

    @TestFactory
    Stream<DynamicNode> gradgradcheck() {
        return each((op, s) -> op.gradgrad && !diffInputs(s).isEmpty(), (op, s, label) -> {
            Random rnd = new Random(label.hashCode());
            List<Integer> diff = diffInputs(s);
            List<Tensor> ins = s.make(DType.FLOAT64, true);
            Tensor out = op.fn.apply(ins);
            int[] outShape = shapeOf(out);
            // Reductions of nothing are NaN (std of an empty tensor); PyTorch's own second derivative with respect to
            // the output gradient is NaN there too, so that one comparison is left out; the inputs' are still checked.
            boolean undefined = java.util.Arrays.stream(out.toDoubleArray()).anyMatch(Double::isNaN);
            double[][] data = new double[diff.size() + 1][];
            for (int n = 0; n < diff.size(); n++) data[n] = s.inputs().get(diff.get(n)).data();
            data[diff.size()] = gaussian(rnd, (int) out.numel());
            Tensor g = tensor(data[diff.size()], outShape, DType.FLOAT64).requiresGrad_();
            List<Tensor> xs = new ArrayList<>();
            for (int k : diff) xs.add(ins.get(k));
            List<Tensor> first = Autograd.grad(List.of(out), xs, List.of(g), true, true, true);
            double[][] v = new double[diff.size()][];
            List<Tensor> roots = new ArrayList<>(), rootGrads = new ArrayList<>();
            for (int n = 0; n < diff.size(); n++) {
                v[n] = gaussian(rnd, data[n].length);
                Tensor f = first.get(n);
                if (f != null && f.requiresGrad()) {
                    roots.add(f);
                    rootGrads.add(tensor(v[n], s.inputs().get(diff.get(n)).shape(), DType.FLOAT64));
                }
            }
            List<Tensor> wrt = new ArrayList<>(xs);
            wrt.add(g);
            List<Tensor> second = roots.isEmpty() ? null : Autograd.grad(roots, wrt, rootGrads, false, false, true);
            for (int n = 0; n <= diff.size(); n++) {
                double[] numeric = new double[data[n].length];
                for (int j = 0; j < numeric.length; j++) {
                    double keep = data[n][j];
                    double[] row = data[n].clone();
                    data[n] = row;
                    row[j] = keep + EPS;
                    double plus = firstGradDot(op, s, diff, data, outShape, v);
                    row[j] = keep - EPS;
                    double minus = firstGradDot(op, s, diff, data, outShape, v);
                    row[j] = keep;
                    numeric[j] = (plus - minus) / (2 * EPS);
                }
                Tensor a = second == null ? null : second.get(n);
                double[] analytic = a == null ? new double[numeric.length] : a.toDoubleArray();
                assertEquals(numeric.length, analytic.length, label + ": second derivative size");
                if (undefined && n == diff.size()) continue;
                assertGradClose(label + ": second derivative wrt " + (n == diff.size() ? "grad_output" : "input " + diff.get(n)),
                        numeric, analytic, ATOL, RTOL);
            }
        });
    }

    // ------------------------------------------------------------------ (d) non-contiguous inputs

    private static Sample restyled(Sample s, Style style) {
        List<In> ins = new ArrayList<>();
        for (In in : s.inputs()) ins.add(in.withStyle(style == Style.TRANSPOSED && in.shape().length < 2 ? Style.STRIDED : style));
        return new Sample(ins, s.gradFn());
    }

    private static double[][] valuesAndGrads(Op op, Sample s, double[] g) {
        List<Tensor> ins = s.make(DType.FLOAT64, true);
        Tensor out = op.fn.apply(ins);
        List<Integer> diff = diffInputs(s);
        double[][] r = new double[diff.size() + 1][];
        r[0] = out.toDoubleArray();
        if (diff.isEmpty() || !op.gradcheck) return r;
        List<Tensor> xs = new ArrayList<>();
        for (int k : diff) xs.add(ins.get(k));
        List<Tensor> grads = Autograd.grad(List.of(out), xs, List.of(tensor(g, shapeOf(out), DType.FLOAT64)), false, false, true);
        for (int n = 0; n < diff.size(); n++) r[n + 1] = grads.get(n) == null ? null : grads.get(n).toDoubleArray();
        return r;
    }

    @TestFactory
    Stream<DynamicNode> nonContiguous() {
        return each((op, s) -> true, (op, s, label) -> {
            Sample base = restyled(s, Style.CONTIG);
            double[] g = gaussian(new Random(label.hashCode()), (int) op.fn.apply(base.make(DType.FLOAT64, false)).numel());
            double[][] expected = valuesAndGrads(op, base, g);
            List<Style> styles = new ArrayList<>(List.of(Style.STRIDED));
            if (op.transposable) styles.add(Style.TRANSPOSED);
            for (Style style : styles) {
                double[][] actual = valuesAndGrads(op, restyled(s, style), g);
                for (int i = 0; i < expected.length; i++) {
                    String what = label + " " + style + (i == 0 ? " values" : " grad " + (i - 1));
                    if (expected[i] == null || actual[i] == null) {
                        assertEquals(expected[i] == null, actual[i] == null, what);
                        continue;
                    }
                    assertEquals(expected[i].length, actual[i].length, what);
                    for (int j = 0; j < expected[i].length; j++) {
                        double e = expected[i][j], a = actual[i][j];
                        if (!op.layoutExact && Math.abs(a - e) <= 1e-13 * Math.max(1, Math.abs(e))) continue;
                        if (!OpChecks.same(e, a)) {
                            fail(what + ": element " + j + " " + actual[i][j] + " vs contiguous " + expected[i][j]);
                        }
                    }
                }
            }
        });
    }

    // ------------------------------------------------------------------ (e) grad_fn names

    @TestFactory
    Stream<DynamicNode> gradFnNames() {
        return each((op, s) -> op.gradFn != null && !diffInputs(s).isEmpty(), (op, s, label) -> {
            List<Tensor> ins = s.make(DType.FLOAT64, true);
            Tensor out = op.fn.apply(ins);
            assertNotNull(out.gradFn(), label + ": grad_fn");
            String expected = s.gradFn() != null ? s.gradFn() : op.gradFn;
            assertEquals(expected, out.gradFn().name(), label);
            if (s.gradFn() != null || !expected.equals(op.gradFn)) return;
            // A primitive: one edge per floating tensor argument, (None, 0) exactly where it needs no grad.
            List<Edge> next = out.gradFn().nextFunctions();
            List<In> floats = s.inputs().stream().filter(in -> in.kind() == Kind.FLOAT).toList();
            if (!op.primitive) return;
            // A Java scalar operand is a wrapped tensor that needs no grad: one more (None, 0) edge each.
            assertEquals(floats.size() + op.scalarEdges, next.size(), label + ": next_functions " + next);
            for (int i = floats.size(); i < next.size(); i++) assertNull(next.get(i).node(), label + ": scalar edge");
            for (int i = 0; i < floats.size(); i++) {
                if (floats.get(i).diff()) assertNotNull(next.get(i).node(), label + ": edge " + i);
                else assertNull(next.get(i).node(), label + ": edge " + i);
            }
        });
    }

    // ------------------------------------------------------------------ (f) error inputs

    @TestFactory
    Stream<DynamicNode> errorInputs() {
        List<DynamicNode> rows = new ArrayList<>();
        for (Op op : OpTable.OPS.values()) {
            for (OpTable.ErrorInput e : op.errors) {
                String label = op.name + " " + e.sample().label();
                rows.add(DynamicTest.dynamicTest(label, () -> {
                    List<Tensor> ins = e.sample().make(DType.FLOAT32, false);
                    RuntimeException x = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> op.fn.apply(ins));
                    assertEquals(e.message(), x.getMessage(), label);
                }));
            }
        }
        return rows.stream();
    }
}
