package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Internals;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.ValuesIndices;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The sorting, searching and counting ops against PyTorch 1.13.1 ({@code goldens/sorting.txt}, written by
 * {@code tools/goldens/gen_sorting.py}): every case's printed result (values, indices, dtypes, shapes, grad_fn
 * names) or its error message, over 0-d, empty, 1-d to 3-d, transposed and strided inputs, ties and NaN, float32,
 * float64, int64 and bool.
 */
class SortingTest {

    /** One input: {@code dtype|shape|style|grad|values} (style c, t transposed in memory, s every other element). */
    static Tensor input(String spec) {
        String[] p = spec.split("\\|", -1);
        DType dtype = switch (p[0]) {
            case "f32" -> DType.FLOAT32;
            case "f64" -> DType.FLOAT64;
            case "i64" -> DType.INT64;
            case "b" -> DType.BOOL;
            default -> throw new IllegalArgumentException(p[0]);
        };
        int[] shape = p[1].isEmpty() ? new int[0] : java.util.Arrays.stream(p[1].split(",")).mapToInt(Integer::parseInt).toArray();
        String[] vs = p[4].isEmpty() ? new String[0] : p[4].split(",");
        Storage s = Storage.allocate(dtype, vs.length);
        for (int i = 0; i < vs.length; i++) {
            String v = vs[i];
            if (dtype == DType.INT64 || dtype == DType.BOOL) s.setLong(i, Long.parseLong(v));
            else s.setDouble(i, switch (v) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(v);
            });
        }
        Tensor t = Internals.wrap(s, Layout.contiguous(shape));
        if (p[2].equals("t")) t = t.transpose(-1, -2).contiguous().transpose(-1, -2);
        else if (p[2].equals("s")) t = Torch.stack(List.of(t, t), -1).select(-1, 0);
        if (p[3].equals("1")) t = t.detach().requiresGrad_();
        return t;
    }

    private static Map<String, String> args(String text) {
        Map<String, String> m = new HashMap<>();
        if (text.equals("-")) return m;
        for (String kv : text.split(";")) {
            int e = kv.indexOf('=');
            m.put(kv.substring(0, e), kv.substring(e + 1));
        }
        return m;
    }

    /** The Java call of a golden case: the overload PyTorch's call names. */
    static Object call(String op, Map<String, String> a, List<Tensor> xs) {
        Tensor x = xs.get(0);
        java.util.function.Function<String, Integer> i = k -> Integer.parseInt(a.get(k));
        java.util.function.Function<String, Boolean> b = k -> a.get(k).equals("1");
        return switch (op) {
            case "sort" -> a.containsKey("stable") ? x.sort(i.apply("dim"), b.apply("desc"), b.apply("stable"))
                    : x.sort(i.apply("dim"), b.apply("desc"));
            case "argsort" -> a.containsKey("stable") ? Torch.argsort(x, i.apply("dim"), b.apply("desc"), b.apply("stable"))
                    : Torch.argsort(x, i.apply("dim"), b.apply("desc"));
            case "msort" -> Torch.msort(x);
            case "topk" -> Torch.topk(x, i.apply("k"), i.apply("dim"), b.apply("largest"), b.apply("sorted"));
            case "kthvalue" -> Torch.kthvalue(x, i.apply("k"), i.apply("dim"), b.apply("keepdim"));
            case "median" -> a.containsKey("dim") ? Torch.median(x, i.apply("dim"), b.apply("keepdim")) : Torch.median(x);
            case "nanmedian" -> a.containsKey("dim") ? Torch.nanmedian(x, i.apply("dim"), b.apply("keepdim")) : Torch.nanmedian(x);
            case "mode" -> Torch.mode(x, i.apply("dim"), b.apply("keepdim"));
            case "unique" -> a.containsKey("dim") ? Torch.unique(x, b.apply("sorted"), b.apply("inverse"), b.apply("counts"), i.apply("dim"))
                    : Torch.unique(x, b.apply("sorted"), b.apply("inverse"), b.apply("counts"));
            case "unique_consecutive" -> a.containsKey("dim") ? Torch.uniqueConsecutive(x, b.apply("inverse"), b.apply("counts"), i.apply("dim"))
                    : Torch.uniqueConsecutive(x, b.apply("inverse"), b.apply("counts"));
            case "cummax" -> Torch.cummax(x, i.apply("dim"));
            case "cummin" -> Torch.cummin(x, i.apply("dim"));
            case "searchsorted" -> {
                if (xs.size() == 3) yield Torch.searchsorted(x, xs.get(1), a.containsKey("right") && b.apply("right"), a.get("side"), xs.get(2));
                if (a.containsKey("side") && a.containsKey("right")) {
                    yield Torch.searchsorted(x, xs.get(1), b.apply("right"), a.get("side"));
                }
                if (a.containsKey("side")) yield Torch.searchsorted(x, xs.get(1), a.get("side"));
                if (a.containsKey("right")) yield Torch.searchsorted(x, xs.get(1), b.apply("right"));
                yield Torch.searchsorted(x, xs.get(1));
            }
            case "bucketize" -> Torch.bucketize(x, xs.get(1), b.apply("right"));
            case "searchsorted_scalar" -> b.apply("right") ? Torch.searchsorted(x, num(a.get("value")), true)
                    : Torch.searchsorted(x, num(a.get("value")));
            case "bucketize_scalar" -> b.apply("right") ? Torch.bucketize(num(a.get("value")), x, true)
                    : Torch.bucketize(num(a.get("value")), x);
            case "histc" -> Torch.histc(x, i.apply("bins"), Double.parseDouble(a.get("min")), Double.parseDouble(a.get("max")));
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static double num(String v) {
        return v.equals("nan") ? Double.NaN : Double.parseDouble(v);
    }

    /** PyTorch's exception type as ours: IndexError an IndexOutOfBoundsException, RuntimeError an IllegalArgumentException. */
    private static Class<? extends RuntimeException> javaType(String python) {
        return switch (python) {
            case "IndexError" -> IndexOutOfBoundsException.class;
            case "RuntimeError" -> IllegalArgumentException.class;
            default -> RuntimeException.class;
        };
    }

    @TestFactory
    Stream<DynamicTest> goldens() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenFile.Line line : GoldenFile.read("sorting.txt").lines()) {
            String[] f = line.text().split("\t", -1);
            tests.add(DynamicTest.dynamicTest(line.number() + " " + f[0] + " " + f[1] + " " + f[2], () -> {
                List<Tensor> xs = new ArrayList<>();
                for (String s : f[2].split(" ; ")) xs.add(input(s));
                String expected = f[3].replace("\\n", "\n");
                if (expected.startsWith("ERR ")) {
                    String type = expected.substring(4, expected.indexOf(' ', 4));
                    String message = expected.substring(expected.indexOf(' ', 4) + 1);
                    RuntimeException e = assertThrows(RuntimeException.class, () -> call(f[0], args(f[1]), xs));
                    assertEquals(message, e.getMessage());
                    assertTrue(javaType(type).isInstance(e), () -> "expected a " + type + " equivalent, got " + e);
                } else {
                    assertEquals(expected, call(f[0], args(f[1]), xs).toString());
                }
            }));
        }
        if (tests.size() < 2000) fail("sorting.txt has only " + tests.size() + " cases");
        return tests.stream();
    }

    /** Random tensors with many ties and some NaN, in random layouts. */
    private static Tensor randomInput(java.util.Random g, int[] shape) {
        int n = 1;
        for (int d : shape) n *= d;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = g.nextInt(10) == 0 ? Double.NaN : g.nextInt(7) - 3;
        Tensor t = Internals.wrap(new Storage.F64(v), Layout.contiguous(shape));
        return shape.length >= 2 && g.nextBoolean() ? t.transpose(0, 1).contiguous().transpose(0, 1) : t;
    }

    @Test
    void sortIsAStablePermutationAndTheOtherOpsAgreeWithIt() {
        java.util.Random g = new java.util.Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int[] shape = new int[1 + g.nextInt(3)];
            for (int i = 0; i < shape.length; i++) shape[i] = 1 + g.nextInt(40);
            Tensor x = randomInput(g, shape);
            int dim = g.nextInt(shape.length);
            boolean desc = g.nextBoolean();
            ValuesIndices r = x.sort(dim, desc, true);
            // the indices pick the values out of x
            assertEquals(java.util.Arrays.toString(r.values().toDoubleArray()),
                    java.util.Arrays.toString(x.gather(dim, r.indices()).toDoubleArray()));
            Tensor v = r.values().transpose(dim, -1).contiguous(), ix = r.indices().transpose(dim, -1).contiguous();
            double[] vs = v.toDoubleArray();
            long[] is = ix.toLongArray();
            int len = shape[dim];
            for (int row = 0; row < vs.length / len; row++) {
                for (int k = 1; k < len; k++) {
                    double a = vs[row * len + k - 1], b = vs[row * len + k];
                    // ordered with NaN last ascending (first descending), equal values by increasing position
                    boolean ordered = desc ? (Double.isNaN(a) || (!Double.isNaN(b) && a >= b)) : (Double.isNaN(b) || (!Double.isNaN(a) && a <= b));
                    assertTrue(ordered, "order at " + k);
                    boolean tie = Double.compare(a, b) == 0 || a == b;
                    if (tie) assertTrue(is[row * len + k - 1] < is[row * len + k], "stability at " + k);
                }
            }
            assertEquals(r.indices().toString(), x.argsort(dim, desc, true).toString());
            int k = 1 + g.nextInt(len);
            // topk is the head of the descending (or ascending) stable sort
            ValuesIndices t = x.topk(k, dim, desc, true);
            assertEquals(r.values().narrow(dim, 0, k).toString(), t.values().toString());
            assertEquals(r.indices().narrow(dim, 0, k).toString(), t.indices().toString());
        }
    }

    @Test
    void sortGradientGoesBackToThePositions() {
        Tensor x = Torch.tensor(3.0, 1.0, 2.0).requiresGrad_();
        ValuesIndices r = x.sort(0, true);
        r.values().mul(Torch.tensor(10.0, 20.0, 30.0)).sum().backward();
        // descending: 3 (pos 0) gets 10, 2 (pos 2) gets 20, 1 (pos 1) gets 30
        assertEquals("tensor([10., 30., 20.])", x.grad().toString());
    }

    @Test
    void uniqueBackwardFailsAsPyTorchDoes() {
        Tensor x = Torch.tensor(1.0, 2.0, 1.0).requiresGrad_();
        Tensor u = x.unique().output();
        RuntimeException e = assertThrows(RuntimeException.class, () -> u.sum().backward());
        assertEquals("the derivative for '_unique2' is not implemented.", e.getMessage());
    }

    @Test
    void uniqueDimAndConsecutiveBackwardFailAsPyTorchDoes() {
        Tensor x = Torch.tensor(new double[][] {{1, 2}, {1, 2}}).requiresGrad_();
        Tensor u = x.unique(true, false, false, 0).output();
        RuntimeException e = assertThrows(RuntimeException.class, () -> u.sum().backward());
        assertEquals("the derivative for 'unique_dim' is not implemented.", e.getMessage());
        Tensor c = x.uniqueConsecutive(false, false, 0).output();
        e = assertThrows(RuntimeException.class, () -> c.sum().backward());
        assertEquals("the derivative for 'unique_consecutive' is not implemented.", e.getMessage());
    }

    @Test
    void uniqueResultPartsNotAskedForAreRefused() {
        Tensor x = Torch.tensor(1.0, 2.0, 1.0);
        assertThrows(IllegalStateException.class, () -> x.unique().inverse());
        assertEquals("tensor([0, 1, 0])", x.unique(true, true, false).inverse().toString());
    }
}
