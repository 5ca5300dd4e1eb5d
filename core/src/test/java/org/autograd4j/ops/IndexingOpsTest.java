package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * masked_select, masked_scatter, take, nonzero (and as a tuple), torch.where(cond), argwhere and count_nonzero
 * against PyTorch 1.13.1 ({@code goldens/indexing_ops.txt}, from {@code tools/goldens/gen_indexing.py}): dtypes,
 * shapes, values (NaN, -0.0 and ∞ among them), grad_fn names, gradients and error messages.
 */
class IndexingOpsTest {
    private static Object arg(String tok) {
        String[] p = tok.split(":", 2);
        switch (p[0]) {
            case "x": return IndexingTest.x(IndexingTest.shape(p[1]));
            case "y": {
                long[] sh = IndexingTest.shape(p[1]);
                long n = Arrays.stream(sh).reduce(1, (a, b) -> a * b);
                return Torch.arange(0.0, n, 1.0, DType.FLOAT64).add(100.0).reshape(sh).requiresGrad_();
            }
            case "i": return Integer.parseInt(p[1]);
            case "d": {
                String[] q = p[1].split(":", -1);
                double[] v = q[1].isEmpty() ? new double[0] : Arrays.stream(q[1].split(",")).mapToDouble(IndexingOpsTest::num).toArray();
                return Torch.tensor(v, DType.FLOAT64).reshape(IndexingTest.shape(q[0]));
            }
            default: return IndexingTest.token(tok);
        }
    }

    private static double num(String s) {
        return switch (s) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    private static Object call(String name, List<Object> a) {
        Tensor x = (Tensor) a.get(0);
        return switch (name) {
            case "masked_select" -> x.maskedSelect((Tensor) a.get(1));
            case "masked_scatter" -> Torch.maskedScatter(x, (Tensor) a.get(1), (Tensor) a.get(2));
            case "masked_scatter_" -> x.clone().maskedScatter_((Tensor) a.get(1), (Tensor) a.get(2));
            case "take" -> Torch.take(x, (Tensor) a.get(1));
            case "nonzero" -> x.nonzero();
            case "nonzero_tuple" -> x.nonzero(true);
            case "where" -> Torch.where(x);
            case "argwhere" -> Torch.argwhere(x);
            case "count_nonzero" -> Torch.countNonzero(x);
            case "count_nonzero_dim" -> x.countNonzero((Integer) a.get(1));
            case "index" -> x.index(a.subList(1, a.size()).toArray());
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static void checkOut(GoldenFile.Line line, Tensor y) {
        String[] t = line.tokens();
        assertEquals(t[1], y.dtype().toString().replace("torch.", ""), line.where());
        assertArrayEquals(IndexingTest.shape(t[2]), y.shape(), line.where());
        double[] want = Arrays.stream(Arrays.copyOfRange(t, 3, t.length)).mapToDouble(IndexingOpsTest::num).toArray();
        assertArrayEquals(want, y.toDoubleArray(), line.where());
    }

    @TestFactory
    Stream<DynamicTest> maskAndSelectionOpsMatchPyTorch() {
        List<GoldenFile.Line> lines = GoldenFile.read("indexing_ops.txt").lines();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            GoldenFile.Line head = lines.get(i++);
            List<GoldenFile.Line> body = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).startsWith("op ") && !lines.get(i).startsWith("repr ")) body.add(lines.get(i++));
            if (head.startsWith("repr ")) {
                tests.add(DynamicTest.dynamicTest(head.text(), () ->
                        assertEquals(head.rest(2), IndexingTest.token(head.token(1)).toString(), head.where())));
                continue;
            }
            tests.add(DynamicTest.dynamicTest(head.text(), () -> check(head, body)));
        }
        assertTrue(tests.size() >= 50);
        return tests.stream();
    }

    private static void check(GoldenFile.Line head, List<GoldenFile.Line> body) {
        String[] t = head.tokens();
        Function<Void, Object> run = v -> call(t[1], Arrays.stream(t, 2, t.length).map(IndexingOpsTest::arg).toList());
        GoldenFile.Line first = body.get(0);
        if (first.startsWith("err ")) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> run.apply(null), head.where());
            assertEquals(first.rest(2), e.getMessage(), head.where());
            assertTrue(first.token(1).equals("IndexError") == e instanceof IndexOutOfBoundsException, head.where() + ": " + e);
            return;
        }
        List<Object> args = Arrays.stream(t, 2, t.length).map(IndexingOpsTest::arg).toList();
        Object r = call(t[1], args);
        if (first.startsWith("outs ")) {
            @SuppressWarnings("unchecked")
            List<Tensor> ys = (List<Tensor>) r;
            assertEquals(Integer.parseInt(first.token(1)), ys.size(), head.where());
            for (int k = 0; k < ys.size(); k++) checkOut(body.get(k + 1), ys.get(k));
            return;
        }
        Tensor y = (Tensor) r;
        checkOut(first, y);
        String fn = y.gradFn() == null ? "fn None -" : "fn " + y.gradFn().typeName() + " " + y.gradFn().nextFunctions().stream()
                .map(e -> e.node() == null ? "None" : e.node().typeName()).collect(Collectors.joining(","));
        assertEquals(body.get(1).text(), fn, head.where());
        if (!y.requiresGrad()) return;
        Tensor wrt = (Tensor) args.stream().filter(a -> a instanceof Tensor in && in.requiresGrad()).findFirst().orElseThrow();
        Tensor gx = Autograd.grad(List.of(y), List.of(wrt), List.of(Torch.onesLike(y).requiresGrad_()), true, true, false).get(0);
        String fn2 = gx.gradFn() == null ? "fn2 None -" : "fn2 " + gx.gradFn().typeName() + " " + gx.gradFn().nextFunctions().stream()
                .map(e -> e.node() == null ? "None" : e.node().typeName()).collect(Collectors.joining(","));
        assertEquals(body.get(2).text(), fn2, head.where());
        y.mul(y).sum().backward();
        int g = 3;
        for (Object a : args) {
            if (a instanceof Tensor in && in.requiresGrad()) {
                GoldenFile.Line line = body.get(g++);
                double[] want = Arrays.stream(line.tokens()).skip(1).mapToDouble(IndexingOpsTest::num).toArray();
                assertArrayEquals(want, in.grad().toDoubleArray(), line.where());
            }
        }
        assertEquals(body.size(), g, head.where() + ": gradients compared");
    }
}
