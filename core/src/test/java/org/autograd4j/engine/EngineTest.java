package org.autograd4j.engine;

import static org.autograd4j.engine.Goldens.engine;
import static org.autograd4j.engine.Goldens.error;
import static org.autograd4j.engine.Goldens.repr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.autograd4j.Autograd;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Engine semantics against PyTorch 1.13.1: {@code .grad} accumulation, retain_graph and create_graph,
 * autograd.grad, detach and the saved-tensor version check (goldens in engine.txt, from gen_engine.py).
 */
class EngineTest {

    static Tensor leaf(double... v) {
        return (v.length == 1 ? Torch.tensor(v[0]) : Torch.tensor(v)).requiresGrad_();
    }

    // ------------------------------------------------------------------ .grad accumulation

    @Test
    void gradAccumulatesInPlaceIntoTheSameObject() {
        Tensor x = leaf(1, 2, 3);
        x.mul(x).sum().backward();
        Tensor g1 = x.grad();
        assertEquals(engine("accumulate.first"), g1.toString());
        int v1 = g1.version();
        x.mul(x).sum().backward();
        assertEquals(engine("accumulate.second"), x.grad().toString());
        assertEquals(engine("accumulate.same_object"), x.grad() == g1 ? "True" : "False");
        assertTrue(g1.version() > v1, "accumulation is an in-place add");
        assertNull(x.grad().gradFn());
        assertFalse(x.grad().requiresGrad());
    }

    @Test
    void firstGradIsAFreshContiguousTensor() {
        // x.sum() sends an expanded (stride-0) gradient; .grad must own contiguous memory
        Tensor x = Torch.ones(2, 3).requiresGrad_();
        x.sum().backward();
        assertTrue(x.grad().isContiguous());
        assertEquals("tensor([[1., 1., 1.],\n        [1., 1., 1.]])", x.grad().toString());
        x.grad().add_(1); // must not write through into anything shared
        x.sum().backward();
        assertEquals("tensor([[3., 3., 3.],\n        [3., 3., 3.]])", x.grad().toString());
    }

    @Test
    void retainGraphThenSecondBackwardAccumulates() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(x).sum();
        y.backward(null, true);
        y.backward();
        assertEquals(engine("accumulate.retain"), x.grad().toString());
    }

    @Test
    void zeroedGradKeepsAccumulating() {
        Tensor x = leaf(1, 2);
        x.mul(3).sum().backward();
        Tensor g = x.grad();
        g.zero_();
        x.mul(x).sum().backward();
        assertEquals(engine("accumulate.zero"), x.grad().toString());
        assertSame(g, x.grad());
    }

    @Test
    void setGradToNullStartsAfresh() {
        Tensor x = leaf(1, 2);
        x.mul(3).sum().backward();
        Tensor g = x.grad();
        x.setGrad(null);
        x.mul(x).sum().backward();
        assertNotSame(g, x.grad());
        assertEquals("tensor([2., 4.])", x.grad().toString());
        assertEquals("tensor([3., 3.])", g.toString());
    }

    // ------------------------------------------------------------------ create_graph

    @Test
    void createGraphGivesDifferentiableGradient() {
        Tensor x = leaf(3);
        Tensor g = Autograd.grad(List.of(x.pow(3)), List.of(x), null, false, true, false).get(0);
        assertEquals(engine("creategraph.grad"), g.toString());
        Tensor gg = Autograd.grad(List.of(g), List.of(x)).get(0);
        assertEquals(engine("creategraph.gradgrad"), gg.toString());
        assertNull(x.grad());
    }

    @Test
    void thirdDerivative() {
        Tensor x = leaf(2);
        Tensor d1 = Autograd.grad(List.of(x.pow(4)), List.of(x), null, false, true, false).get(0);
        Tensor d2 = Autograd.grad(List.of(d1), List.of(x), null, false, true, false).get(0);
        Tensor d3 = Autograd.grad(List.of(d2), List.of(x)).get(0);
        assertEquals(engine("creategraph.third"), d1 + " " + d2 + " " + d3);
    }

    @Test
    void doubleBackwardOfTanhValues() {
        // PyTorch names the first gradient's node TanhBackwardBackward0; ours is a composite, so compare values.
        Tensor x = leaf(0.5, -1);
        Tensor g = Autograd.grad(List.of(x.tanh().sum()), List.of(x), null, false, true, false).get(0);
        Tensor gg = Autograd.grad(List.of(g.sum()), List.of(x)).get(0);
        String[] want = engine("creategraph.tanh").replace(", grad_fn=<TanhBackwardBackward0>", "").split(" (?=tensor)");
        assertEquals(want[0], g.detach().toString());
        assertNotNull(g.gradFn());
        assertEquals(want[1], gg.toString());
    }

    @Test
    void backwardWithCreateGraphKeepsGraphInGrad() {
        Tensor x = leaf(3);
        x.pow(3).backward(null, false, true);
        assertEquals(engine("creategraph.backward.first"), x.grad().toString());
        Tensor first = x.grad();
        x.pow(3).backward(null, false, true);
        assertEquals(engine("creategraph.backward.second"), x.grad().toString());
        assertNotSame(first, x.grad(), "with create_graph, grad = grad + new (out of place)");
        assertEquals("tensor(27., grad_fn=<CopyBackwards>)", first.toString());
    }

    @Test
    void createGraphRestoresGradModeAfterwards() {
        Tensor x = leaf(3);
        try (var g = Torch.noGrad()) {
            Tensor y;
            try (var e = Torch.setGradEnabled(true)) {
                y = x.pow(3);
            }
            Autograd.grad(List.of(y), List.of(x), null, false, true, false);
            assertFalse(Torch.isGradEnabled());
        }
        assertTrue(Torch.isGradEnabled());
    }

    // ------------------------------------------------------------------ retain_graph

    static UnaryOperator<Tensor> retainCase(String name) {
        return switch (name) {
            case "sum" -> Tensor::sum;
            case "mean" -> Tensor::mean;
            case "addself" -> a -> a.add(a).sum();
            case "neg" -> a -> a.neg().sum();
            case "view" -> a -> a.view(2, 1).sum();
            case "select" -> a -> a.select(0, 0);
            case "mul2" -> a -> a.mul(2).sum();
            case "div2" -> a -> a.div(2).sum();
            case "exp" -> a -> a.exp().sum();
            case "relu" -> a -> a.relu().sum();
            case "tanh" -> a -> a.tanh().sum();
            case "mulself" -> a -> a.mul(a).sum();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum", "mean", "addself", "neg", "view", "select", "mul2", "div2", "exp", "relu", "tanh", "mulself"})
    void secondBackwardFailsOnlyWhereSomethingWasSaved(String name) {
        Tensor x = leaf(1, 2);
        Tensor y = retainCase(name).apply(x);
        y.backward();
        String want = engine("retain." + name);
        String got;
        try {
            y.backward();
            got = "ok " + x.grad();
        } catch (IllegalStateException e) {
            got = "error " + e.getMessage();
            // failed before anything was accumulated
            assertEquals(engine("retain." + name + ".gradafterfail"), x.grad().toString());
        }
        assertEquals(want, got);
    }

    @Test
    void retainGraphAllowsAnyNumberOfBackwards() {
        Tensor x = leaf(1, 2);
        Tensor y = x.exp().mul(x).tanh().sum();
        y.backward(null, true);
        Tensor once = x.grad().clone();
        y.backward(null, true);
        y.backward(null, false);
        assertEquals(once.mul(3).toString(), x.grad().toString());
        assertEquals(error("twice"), assertThrows(IllegalStateException.class, y::backward).getMessage());
    }

    // ------------------------------------------------------------------ autograd.grad

    @Test
    void gradWithUnusedInput() {
        Tensor x = leaf(1, 2);
        Tensor z = Torch.tensor(new double[] {3}).requiresGrad_();
        List<Tensor> r = Autograd.grad(List.of(x.mul(2).sum()), List.of(x, z), null, false, false, true);
        assertEquals(engine("grad.unused.allow"), repr(r.get(0)) + " " + repr(r.get(1)));
        assertEquals(engine("grad.leaves_untouched"), repr(x.grad()));
        assertNull(z.grad());
    }

    @Test
    void gradWithRespectToNonLeaf() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2);
        Tensor gy = Autograd.grad(List.of(y.mul(y).sum()), List.of(y)).get(0);
        assertEquals(engine("grad.nonleaf"), gy.toString());
        assertNull(x.grad());
    }

    @Test
    void gradDoesNotRunOrFreeTheInputsOwnNode() {
        Tensor x = leaf(1, 2);
        Tensor y = x.exp();
        Tensor gy = Autograd.grad(List.of(y.mul(2).sum()), List.of(y)).get(0);
        y.mul(3).sum().backward(); // ExpBackward0 still has its saved result
        assertEquals(engine("grad.nonleaf.notrun"), gy + " " + x.grad());
    }

    @Test
    void gradDoesNotRunNodesBelowTheInputs() {
        Tensor x = leaf(1, 2);
        Tensor y = x.exp();
        java.util.Map<org.autograd4j.Node, String> labels = new java.util.IdentityHashMap<>();
        labels.put(y.gradFn(), "exp");
        labels.put(org.autograd4j.Internals.accumulator(x), "acc");
        Tensor z = y.mul(2).sum();
        assertEquals("", EngineOrderTest.traced(labels, () -> Autograd.grad(List.of(z), List.of(y))));
    }

    @Test
    void gradOfLeafAndNonLeafTogether() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(x);
        List<Tensor> r = Autograd.grad(List.of(y.sum().mul(3)), List.of(y, x));
        assertEquals(engine("grad.mixed"), r.get(0) + " " + r.get(1));
    }

    @Test
    void gradWithGradOutputs() {
        Tensor x = leaf(1, 2);
        Tensor g = Autograd.grad(List.of(x.mul(3)), List.of(x), List.of(Torch.tensor(0.5, -1)), false, false, false).get(0);
        assertEquals(engine("grad.gradoutputs"), g.toString());
    }

    @Test
    void backwardOfSeveralRoots() {
        Tensor x = leaf(1, 2);
        Autograd.backward(List.of(x.sum(), x.mul(x).sum()), null, false, false);
        assertEquals(engine("grad.tworoots"), x.grad().toString());
    }

    @Test
    void backwardOfALeafRoot() {
        Tensor x = leaf(1, 2);
        x.backward(Torch.tensor(3.0, 4));
        assertEquals(engine("grad.leafroot"), x.grad().toString());
    }

    @Test
    void rootGradientTakesTheOutputsDtype() {
        Tensor x = leaf(1, 2);
        x.backward(Torch.ones(new long[] {2}, org.autograd4j.DType.FLOAT64));
        assertEquals(engine("grad.rootdtype"), x.grad().toString());
        Tensor g = Autograd.grad(List.of(x.mul(2)), List.of(x), List.of(Torch.ones(new long[] {2}, org.autograd4j.DType.FLOAT64)),
                false, false, false).get(0);
        assertEquals(engine("grad.rootdtype.grad"), g.toString());
    }

    @Test
    void failingBackwardRestoresGradMode() {
        Tensor x = leaf(1, 2);
        Tensor a = x.exp();
        a.add_(1);
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace operation: "
                + "[torch.FloatTensor [2]], which is output 0 of ExpBackward0, is at version 1; expected version 0 instead. "
                + "Hint: enable anomaly detection to find the operation that failed to compute its gradient, with "
                + "torch.autograd.set_detect_anomaly(True).",
                assertThrows(IllegalStateException.class, () -> a.sum().backward(null, false, true)).getMessage());
        assertTrue(Torch.isGradEnabled());
        try (var g = Torch.noGrad()) {
            // under no_grad a.sum() has no grad_fn
            assertEquals(error("nograph"), assertThrows(IllegalStateException.class,
                    () -> Autograd.grad(List.of(a.sum()), List.of(x), null, false, true, false)).getMessage());
            assertFalse(Torch.isGradEnabled());
        }
    }

    @Test
    void gradOfOutputWithRespectToItself() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2);
        assertEquals("tensor([1., 1.])", Autograd.grad(List.of(y), List.of(y), List.of(Torch.ones(2)), false, false, false)
                .get(0).toString());
    }

    // ------------------------------------------------------------------ detach

    @Test
    void detachSharesStorageAndVersionButNotGraph() {
        Tensor x = leaf(1, 2);
        Tensor d = x.detach();
        assertFalse(d.requiresGrad());
        assertNull(d.gradFn());
        assertTrue(d.isLeaf());
        assertSame(org.autograd4j.Internals.storage(x), org.autograd4j.Internals.storage(d));
        d.add_(1); // allowed, even with grad mode on: a detached tensor is not a view
        assertEquals(engine("detach"), d + " " + x + " " + x.version() + " " + (d.base() == null ? "True" : "False"));
    }

    @Test
    void detachedInPlaceIsSeenBySavedTensorCheck() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(x).sum();
        x.detach().mul_(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace operation: "
                + "[torch.FloatTensor [2]] is at version 1; expected version 0 instead. Hint: enable anomaly detection to "
                + "find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).",
                e.getMessage());
    }

    @Test
    void nonLeafGradIsNull() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2);
        y.sum().backward();
        assertNull(y.grad());
        assertEquals("tensor([2., 2.])", x.grad().toString());
    }

    @Test
    void gradientIsCastToTheLeafDtype() {
        Tensor x = Torch.tensor(new double[] {1, 2}, org.autograd4j.DType.FLOAT64).requiresGrad_();
        Tensor y = x.to(org.autograd4j.DType.FLOAT32).mul(Torch.tensor(3.0, 4)).sum();
        y.backward();
        assertEquals("tensor([3., 4.], dtype=torch.float64)", x.grad().toString());
        assertEquals(Arrays.toString(new long[] {2}), Arrays.toString(x.grad().shape()));
    }
}
