package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.ops.OpTable.Op;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The graph a double backward runs through, against PyTorch 1.13.1 ({@code goldens/double_backward.txt}, written
 * by {@code tools/goldens/gen_double_backward.py} from the op table's cases): for each row, {@code g} of
 * {@code torch.autograd.grad(y.sum(), inputs, create_graph=True)} has the same grad_fn tree, node names and
 * input numbers included, so a graph of derivatives prints PyTorch's names ({@code TanhBackwardBackward0},
 * {@code ThresholdBackwardBackward0}, {@code SoftmaxBackwardDataBackward0}, …).
 */
class DoubleBackwardNamesTest {
    /**
     * Rows whose double-backward graph is not yet PyTorch's, and why; the test requires that they do differ, so a
     * row leaves the list when it is mended. Empty now: every row's derivative is written as derivatives.yaml
     * v1.13.1 writes it, and in-place ops save a clone of self as PyTorch's generated code does. A row that cannot
     * follow PyTorch goes here with its reason.
     */
    static final java.util.Map<String, String> DIFFERENT = new java.util.TreeMap<>();

    record Case(String row, List<Tensor> inputs, List<String> graphs, int line) {
    }

    static List<Case> load() {
        List<Case> r = new ArrayList<>();
        String row = null;
        int start = 0;
        List<Tensor> inputs = new ArrayList<>();
        List<String> graphs = new ArrayList<>();
        for (GoldenFile.Line line : GoldenFile.read("double_backward.txt").lines()) {
            String[] tok = line.tokens();
            switch (tok[0]) {
                case "case" -> {
                    row = tok[1];
                    start = line.number();
                    inputs = new ArrayList<>();
                    graphs = new ArrayList<>();
                }
                case "in" -> {
                    DType t = GoldenFile.dtype(tok[1]);
                    Tensor x = OpGoldenTest.tensor(t, GoldenFile.intShape(tok[2]), GoldenFile.values(t, tok, 4));
                    if (tok[3].equals("1")) x.requiresGrad_();
                    inputs.add(x);
                }
                case "g" -> graphs.add(tok[1]);
                case "end" -> r.add(new Case(row, inputs, graphs, start));
                default -> throw line.error("bad line");
            }
        }
        return r;
    }

    /** Every listed row is in the golden file (a renamed row must not hide here). */
    @org.junit.jupiter.api.Test
    void listedRowsExist() {
        java.util.Set<String> rows = new java.util.HashSet<>();
        for (Case c : load()) rows.add(c.row());
        for (String r : DIFFERENT.keySet()) org.junit.jupiter.api.Assertions.assertTrue(rows.contains(r), r);
    }

    @TestFactory
    Stream<DynamicTest> doubleBackwardGraphs() {
        return load().stream().map(c -> DynamicTest.dynamicTest(c.row() + " (double_backward.txt:" + c.line() + ")", () -> {
            Op op = OpTable.byName(c.row());
            Tensor y = op.fn.apply(c.inputs());
            List<Tensor> xs = c.inputs().stream().filter(Tensor::requiresGrad).toList();
            List<Tensor> gs = Autograd.grad(List.of(y.sum()), xs, null, false, true, true);
            List<String> ours = new ArrayList<>();
            for (Tensor g : gs) ours.add(g == null ? "unused" : OpChecks.graph(g.gradFn()));
            String expected = String.join("\n", c.graphs()), actual = String.join("\n", ours);
            if (DIFFERENT.containsKey(c.row())) {
                org.junit.jupiter.api.Assertions.assertNotEquals(expected, actual, c.row() + " now matches PyTorch: take it off DIFFERENT");
            } else {
                assertEquals(expected, actual, c.row() + ": the graphs of its gradients");
            }
        }));
    }
}
