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

    static {
        for (String r : ("conv2d conv2d_nobias conv2d_strided conv2d_padded_1x1 conv2d_groups conv2d_same conv2d_same_even layer_norm layer_norm_plain "
                + "batch_norm batch_norm_plain group_norm group_norm_plain").split(" ")) {
            DIFFERENT.put(r, "PyTorch's backward is one op (ConvolutionBackwardBackward0, Native*NormBackwardBackward0); ours is "
                    + "written in differentiable ops (unfold/fold/matmul, the normalization formula): same values, other nodes");
        }
        for (String r : "nll_loss_mean nll_loss_none nll_loss_sum nll_loss2d cross_entropy_mean cross_entropy_none cross_entropy_sum".split(" ")) {
            DIFFERENT.put(r, "PyTorch's nll_loss backward is an op of its own (NllLossBackwardBackward0, linear in the gradient); "
                    + "ours records no graph for it: the same (zero) second derivative in the input");
        }
        for (String r : "mse_loss_mean mse_loss_none mse_loss_sum".split(" ")) {
            DIFFERENT.put(r, "PyTorch's mse_loss backward is an op of its own (MseLossBackwardBackward0); ours is 2·(x − y)·g in "
                    + "differentiable ops: same values, other nodes");
        }
        for (String r : "linear linear_nobias".split(" ")) {
            DIFFERENT.put(r, "the weight gradient: PyTorch transposes twice around its mm (TBackward0 over TBackward0), ours transposes an input of the mm: same values, other nodes");
        }
    }
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
