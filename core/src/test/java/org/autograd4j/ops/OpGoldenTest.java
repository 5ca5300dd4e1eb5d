package org.autograd4j.ops;

import static org.autograd4j.ops.OpChecks.shapeOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.ops.OpTable.Op;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The op table's rows run on PyTorch 1.13.1's own inputs ({@code goldens/ops.txt}, written by
 * {@code tools/goldens/gen_ops.py}; format in its docstring): the whole grad_fn tree with input numbers,
 * the output and every gradient. Tolerances per row ({@link Op#goldenUlps}): 0 = bit-exact (+ - * /, movement,
 * selection); 1-2 ulps for transcendental functions, where PyTorch's kernels are not correctly rounded (one
 * more for gradients); reductions, matrix products and gradients summed over broadcast dims compare within a
 * few ulps of max(1, the tensor's largest magnitude), as summation order differs (PyTorch: cascade sums and
 * BLAS; here: compensated sums and FMA loops).
 */
class OpGoldenTest {
    /** One case; {@code dtype} is null for an error input, whose {@code message} is PyTorch's. */
    record Golden(String row, DType dtype, List<Tensor> inputs, String graph, DType outType, int[] outShape, double[] out,
                  double[] gout, List<double[]> grads, String message, String backwardError, int line) {
        String label() {
            return row + " " + dtype + " (ops.txt:" + line + ")";
        }
    }

    static Tensor tensor(DType t, int[] shape, double[] v) {
        Storage s = Storage.allocate(t, v.length);
        for (int i = 0; i < v.length; i++) {
            if (t.isFloatingPoint()) s.setDouble(i, v[i]);
            else s.setLong(i, (long) v[i]);
        }
        return org.autograd4j.Internals.wrap(s, Layout.contiguous(shape));
    }

    static List<Golden> load() {
        List<Golden> r = new ArrayList<>();
        String row = null, graph = null, message = null, backwardError = null;
        DType dt = null, outType = null;
        int[] outShape = null;
        double[] out = null, gout = null;
        List<Tensor> inputs = new ArrayList<>();
        List<double[]> grads = new ArrayList<>();
        int start = 0;
        for (GoldenFile.Line line : GoldenFile.read("ops.txt").lines()) {
            String[] tok = line.tokens();
            switch (tok[0]) {
                case "case" -> {
                    row = tok[1];
                    dt = tok[2].equals("error") ? null : GoldenFile.dtype(tok[2]);
                    message = null;
                    backwardError = null;
                    gout = null;
                    inputs = new ArrayList<>();
                    grads = new ArrayList<>();
                    start = line.number();
                }
                case "in" -> {
                    DType t = GoldenFile.dtype(tok[1]);
                    Tensor x = tensor(t, GoldenFile.intShape(tok[2]), GoldenFile.values(t, tok, 4));
                    if (tok[3].equals("1")) x.requiresGrad_();
                    inputs.add(x);
                }
                case "fn" -> graph = tok[1];
                case "message" -> message = line.rest(1);
                case "backward_error" -> backwardError = line.rest(1);
                case "out" -> {
                    outType = GoldenFile.dtype(tok[1]);
                    outShape = GoldenFile.intShape(tok[2]);
                    out = GoldenFile.values(outType, tok, 3);
                }
                case "gout" -> gout = GoldenFile.values(outType, tok, 1);
                case "grad" -> grads.add(tok.length > 1 && tok[1].equals("null") ? null : GoldenFile.values(dtypeOfGrad(inputs, grads.size()), tok, 1));
                case "end" -> r.add(new Golden(row, dt, inputs, graph, outType, outShape, out, gout, grads, message, backwardError, start));
                default -> throw line.error("bad line");
            }
        }
        return r;
    }

    /** The dtype of the k-th input that requires grad. */
    private static DType dtypeOfGrad(List<Tensor> inputs, int k) {
        for (Tensor t : inputs) if (t.requiresGrad() && k-- == 0) return t.dtype();
        throw new IllegalStateException("more grads than inputs requiring grad");
    }

    /** Within {@code ulps} per element: ulps of each element, or when scaled of max(1, largest |expected|). */
    static void assertNear(String what, double[] expected, double[] actual, DType t, int ulps, boolean scaled) {
        assertEquals(expected.length, actual.length, what + ": numel");
        double scale = 0;
        for (double e : expected) if (Double.isFinite(e)) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            if (OpChecks.same(e, a)) continue;
            double ref = scaled ? Math.max(scale, 1.0) : Math.abs(e);
            double ulp = t == DType.FLOAT32 ? Math.ulp((float) ref) : Math.ulp(ref);
            if (!(Math.abs(a - e) <= ulps * ulp)) {
                fail(what + ": element " + i + " is " + a + ", PyTorch " + e + " (" + (a - e) / ulp + " ulps, allowed " + ulps + ")");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> goldens() {
        return load().stream().map(gd -> DynamicTest.dynamicTest(gd.label(), () -> {
            Op op = OpTable.byName(gd.row());
            String what = gd.label();
            if (gd.dtype() == null) {
                RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                        () -> op.fn.apply(gd.inputs()), what);
                assertEquals(gd.message(), e.getMessage(), what + ": PyTorch's message");
                return;
            }
            Tensor out = op.fn.apply(gd.inputs());
            assertEquals(gd.graph(), OpChecks.graph(out.gradFn()), what + ": grad_fn graph");
            assertEquals(gd.outType(), out.dtype(), what + ": dtype");
            assertArrayEquals(gd.outShape(), shapeOf(out), what + ": shape");
            assertNear(what + " forward", gd.out(), out.toDoubleArray(), gd.outType(), op.goldenUlps, op.goldenScaled);
            List<Tensor> xs = gd.inputs().stream().filter(Tensor::requiresGrad).toList();
            if (xs.isEmpty() || gd.gout() == null) return;
            if (gd.backwardError() != null) {
                Tensor gout = tensor(gd.outType(), gd.outShape(), gd.gout());
                RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                        () -> Autograd.grad(List.of(out), xs, List.of(gout), false, false, true), what);
                assertEquals(gd.backwardError(), e.getMessage(), what + ": PyTorch's backward error");
                return;
            }
            List<Tensor> grads = Autograd.grad(List.of(out), xs, List.of(tensor(gd.outType(), gd.outShape(), gd.gout())),
                    false, false, true);
            for (int k = 0; k < xs.size(); k++) {
                double[] e = gd.grads().get(k);
                if (e == null) {
                    assertNull(grads.get(k), what + ": grad " + k);
                    continue;
                }
                assertEquals(xs.get(k).dtype(), grads.get(k).dtype(), what + ": grad dtype " + k);
                // A gradient summed over broadcast dims is a reduction: its order of summation differs.
                boolean reduced = !java.util.Arrays.equals(shapeOf(xs.get(k)), gd.outShape());
                // Mixed dtypes: the gradient was computed in the output's dtype before the cast to the input's.
                DType t = xs.get(k).dtype() == DType.FLOAT32 || gd.outType() == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
                assertNear(what + " grad " + k, e, grads.get(k).toDoubleArray(), t,
                        reduced ? Math.max(2, gradUlps(op)) : gradUlps(op), reduced || op.goldenScaled);
            }
        }));
    }

    /** Gradients chain a few more roundings than the forward value. */
    private static int gradUlps(Op op) {
        return op.goldenUlps == 0 ? 0 : op.goldenUlps + 1;
    }

    @Test
    void everyRowHasGoldens() {
        Set<String> covered = new TreeSet<>();
        for (Golden g : load()) covered.add(g.row());
        Set<String> missing = new TreeSet<>(OpTable.OPS.keySet());
        missing.removeAll(covered);
        assertTrue(missing.isEmpty(), "op table rows without PyTorch goldens: " + missing);
    }
}
