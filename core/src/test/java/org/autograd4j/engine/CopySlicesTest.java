package org.autograd4j.engine;

import static org.autograd4j.Torch.arange;
import static org.autograd4j.Torch.tensor;
import static org.autograd4j.Torch.zeros;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.autograd4j.Autograd;
import org.autograd4j.Edge;
import org.autograd4j.GoldenFile;
import org.autograd4j.Node;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * In-place operations through views (PyTorch's CopySlices, and views whose history is regenerated as
 * AsStridedBackward0 after their storage was written), against goldens from tools/goldens/gen_copyslices.py.
 * Each case below is the Java twin of the Python case of the same name.
 */
class CopySlicesTest {

    private static Map<String, Map<String, String>> goldens() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        Map<String, String> cur = null;
        for (GoldenFile.Line line : GoldenFile.read("copyslices.txt").lines()) {
            if (line.startsWith("case ")) {
                cur = new LinkedHashMap<>();
                cases.put(line.rest(1), cur);
            } else {
                if (cur == null) throw line.error("a value before the first case");
                cur.put(line.before("\t"), line.after("\t").replace("\\n", "\n"));
            }
        }
        return cases;
    }

    private static String names(Node fn) {
        StringBuilder sb = new StringBuilder("[");
        List<Edge> next = fn.nextFunctions();
        for (int i = 0; i < next.size(); i++) {
            if (i > 0) sb.append(", ");
            Edge e = next.get(i);
            sb.append('(').append(e.node() == null ? "None" : e.node().typeName()).append(", ").append(e.inputNr()).append(')');
        }
        return sb.append(']').toString();
    }

    private static final Map<String, BiConsumer<Map<String, String>, Map<String, String>>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("narrow_mul_scalar", (exp, got) -> {
            Tensor x = tensor(1., 2., 3., 4.).requiresGrad_();
            Tensor b = x.mul(1);
            Tensor v = b.narrow(0, 1, 2);
            v.mul_(3);
            got.put("b", b.toString());
            got.put("v", v.toString());
            got.put("b_next", names(b.gradFn()));
            got.put("v_next", names(v.gradFn()));
            b.mul(b).sum().backward();
            got.put("x.grad", x.grad().toString());
        });
        CASES.put("select_copy_into_zeros", (exp, got) -> {
            Tensor y = tensor(5., 6.).requiresGrad_();
            Tensor z = zeros(2, 3);
            z.select(1, 1).copy_(y);
            got.put("z", z.toString());
            got.put("z_next", names(z.gradFn()));
            z.mul(arange(6.).view(2, 3)).sum().backward();
            got.put("y.grad", y.grad().toString());
        });
        CASES.put("stale_view_regenerated", (exp, got) -> {
            Tensor x = tensor(1., 2., 3.).requiresGrad_();
            Tensor b = x.mul(2);
            Tensor v = b.narrow(0, 0, 2);
            b.mul_(3);
            got.put("v", v.toString());
            v.sum().backward();
            got.put("x.grad", x.grad().toString());
        });
        CASES.put("double_backward", (exp, got) -> {
            Tensor x = tensor(1., 2.).requiresGrad_();
            Tensor b = x.mul(1);
            b.select(0, 0).mul_(x.select(0, 1));
            Tensor s = b.pow(2).sum();
            Tensor g1 = Autograd.grad(List.of(s), List.of(x), null, false, true, false).get(0);
            got.put("g1", g1.toString());
            got.put("g2", Autograd.grad(List.of(g1.sum()), List.of(x)).get(0).toString());
        });
        CASES.put("view_of_view_add", (exp, got) -> {
            Tensor x = arange(6.).requiresGrad_();
            Tensor w = tensor(10., 20.).requiresGrad_();
            Tensor b = x.view(2, 3).mul(1);
            b.narrow(1, 1, 2).select(0, 1).add_(w);
            got.put("b", b.toString());
            b.mul(b).sum().backward();
            got.put("x.grad", x.grad().toString());
            got.put("w.grad", w.grad().toString());
        });
        CASES.put("fill_and_zero_on_views", (exp, got) -> {
            Tensor x = tensor(new double[][] {{1, 2}, {3, 4}}).requiresGrad_();
            Tensor b = x.mul(1);
            b.t().select(0, 0).fill_(7.);
            b.select(0, 1).zero_();
            got.put("b", b.toString());
            b.mul(x).sum().backward();
            got.put("x.grad", x.grad().toString());
        });
        CASES.put("two_views_sequential", (exp, got) -> {
            Tensor x = tensor(1., 2., 3., 4.).requiresGrad_();
            Tensor y = tensor(2., 3.).requiresGrad_();
            Tensor b = x.mul(1);
            Tensor v1 = b.narrow(0, 0, 2);
            Tensor v2 = b.narrow(0, 2, 2);
            v1.mul_(y);
            v2.sub_(y);
            got.put("b", b.toString());
            got.put("v1", v1.toString());
            b.pow(2).sum().backward();
            got.put("x.grad", x.grad().toString());
            got.put("y.grad", y.grad().toString());
        });
        CASES.put("normal_on_view", (exp, got) -> {
            Torch.manualSeed(0);
            Tensor x = tensor(1., 2., 3., 4.).requiresGrad_();
            Tensor b = x.mul(1);
            b.narrow(0, 1, 2).normal_();
            got.put("b", b.toString());
            b.mul(3).sum().backward();
            got.put("x.grad", x.grad().toString());
        });
    }

    @TestFactory
    List<DynamicTest> casesMatchPyTorch() {
        Map<String, Map<String, String>> goldens = goldens();
        assertEquals(CASES.keySet(), goldens.keySet(), "every golden case has a Java twin and vice versa");
        return CASES.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
            Map<String, String> exp = goldens.get(c.getKey());
            Map<String, String> got = new LinkedHashMap<>();
            c.getValue().accept(exp, got);
            assertEquals(exp, got);
        })).toList();
    }

    @org.junit.jupiter.api.Test
    void writingThroughAViewOfALeafThatRequiresGradIsRefused() {
        Tensor x = tensor(1., 2.).requiresGrad_();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> x.narrow(0, 0, 1).mul_(2));
        assertEquals("a view of a leaf Variable that requires grad is being used in an in-place operation.", e.getMessage());
        assertEquals("tensor([1., 2.], requires_grad=True)", x.toString());
    }
}
