package org.autograd4j.engine;

import static org.autograd4j.engine.Goldens.engine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;

import org.autograd4j.Edge;
import org.autograd4j.Node;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * In-place ops on non-leaves: history is rebased onto the new node (in PyTorch {@code b.add_(1)} makes b's grad_fn
 * AddBackward0), gradients stay right.
 */
class InPlaceAutogradTest {

    static String names(Node n) {
        return n.nextFunctions().stream().map(e -> e.node() == null ? "None" : e.node().typeName()).collect(Collectors.joining(","));
    }

    @Test
    void addInPlaceOnNonLeafRebasesGradFn() {
        Tensor x = EngineTest.leaf(1, 2);
        Tensor b = x.mul(x);
        Node mul = b.gradFn();
        Tensor same = b.add_(x);
        assertSame(b, same);
        assertEquals(engine("inplace.rebase.fn"), b.gradFn().typeName());
        assertEquals(engine("inplace.rebase.repr"), b.toString());
        assertEquals(engine("inplace.rebase.next"), names(b.gradFn()));
        assertSame(mul, b.gradFn().nextFunctions().get(0).node());
        assertEquals(1, b.version());
        b.sum().backward();
        assertEquals(engine("inplace.rebase.grad"), x.grad().toString());
    }

    @Test
    void chainOfInPlaceOps() {
        Tensor x = EngineTest.leaf(1, 2);
        Tensor b = x.mul(2);
        b.mul_(3);
        b.sub_(1);
        assertEquals(engine("inplace.chain.fn"), b.gradFn().typeName() + " " + b.version());
        b.mul(b).sum().backward();
        assertEquals(engine("inplace.chain.grad"), x.grad().toString());
    }

    @Test
    void inPlaceWithGradOnlyThroughOther() {
        // self does not require grad, other does: self takes a graph
        Tensor x = EngineTest.leaf(1, 2);
        Tensor acc = Torch.zeros(2);
        acc.add_(x.mul(3));
        acc.add_(x.mul(x));
        assertEquals("tensor([ 4., 10.], grad_fn=<AddBackward0>)", acc.toString());
        assertTrue(!acc.isLeaf());
        acc.sum().backward();
        assertEquals("tensor([5., 7.])", x.grad().toString());
    }

    @Test
    void inPlaceDivAndCopyOnNonLeaf() {
        Tensor x = EngineTest.leaf(2, 4);
        Tensor b = x.mul(1);
        b.div_(2);
        assertEquals("DivBackward0", b.gradFn().typeName());
        b.sum().backward();
        assertEquals("tensor([0.5000, 0.5000])", x.grad().toString());

        Tensor w = EngineTest.leaf(5, 6);
        Tensor c = x.mul(1);
        c.copy_(w.mul(2));
        c.sum().backward();
        assertEquals("tensor([2., 2.])", w.grad().toString());
        assertEquals("tensor([0.5000, 0.5000])", x.grad().toString(), "the overwritten value gets no gradient");
    }

    @Test
    void zeroOnNonLeafCutsGradient() {
        Tensor x = EngineTest.leaf(1, 2);
        Tensor b = x.mul(3);
        b.zero_();
        b.add(x).sum().backward();
        assertEquals("tensor([1., 1.])", x.grad().toString());
    }

    @Test
    void inPlaceUnderNoGradOnNonLeafKeepsOldNode() {
        Tensor x = EngineTest.leaf(1, 2);
        Tensor b = x.mul(3);
        Node fn = b.gradFn();
        try (var g = Torch.noGrad()) {
            b.add_(10);
        }
        assertSame(fn, b.gradFn());
        assertEquals("tensor([13., 16.], grad_fn=<MulBackward0>)", b.toString());
        b.sum().backward(); // MulBackward0 saved only x and the scalar, so this still works
        assertEquals("tensor([3., 3.])", x.grad().toString());
    }

    /**
     * Recorded in-place writes through views go through CopySlices (CopySlicesTest); the one layout it cannot
     * rebase, a base that is itself strided (here a detached transpose), is refused before anything is written.
     */
    @Test
    void recordedInPlaceOnViewOfAStridedBaseIsRefused() {
        Tensor x = EngineTest.leaf(1, 2);
        Tensor strided = Torch.zeros(2, 3).t().detach();
        // library-specific (PyTorch records this one too)
        assertEquals("autograd4j: recording an in-place operation on a view needs a contiguous base tensor; use the "
                + "out-of-place op", org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                        () -> strided.select(1, 0).narrow(0, 0, 2).add_(x)).getMessage());
        assertEquals("tensor([[0., 0.],\n        [0., 0.],\n        [0., 0.]])", strided.toString());
        assertEquals(0, strided.version());
        // without a graph to record, views are written as usual
        Tensor c = Torch.zeros(3);
        c.narrow(0, 1, 2).add_(Torch.tensor(1.0, 2));
        assertEquals("tensor([0., 1., 2.])", c.toString());
    }

    @Test
    void graphOfTheOldValueIsUnchanged() {
        Tensor x = EngineTest.leaf(1, 2);
        Tensor b = x.mul(2);
        Tensor c = b.sum(); // uses b's old value; sum saves nothing
        b.add_(100);
        c.backward();
        assertEquals("tensor([2., 2.])", x.grad().toString());
        assertNotSame(c.gradFn().nextFunctions().get(0).node(), b.gradFn());
        Edge e = c.gradFn().nextFunctions().get(0);
        assertEquals("MulBackward0", e.node().typeName());
    }
}
