package org.autograd4j.engine;

import static org.autograd4j.engine.Goldens.engine;
import static org.autograd4j.engine.Goldens.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Autograd's error messages, exactly as PyTorch 1.13.1 words them (goldens in errors.txt, from gen_engine.py). */
class ErrorMessagesTest {

    private static Tensor x3() {
        return EngineTest.leaf(1, 2, 3);
    }

    /** {@code run} throws a RuntimeException (IllegalStateException/IllegalArgumentException) with golden {@code key}. */
    static void assertError(String key, Executable run) {
        RuntimeException e = assertThrows(RuntimeException.class, run);
        assertEquals(error(key), e.getMessage());
    }

    @Test
    void nonScalarBackward() {
        assertError("nonscalar", () -> x3().mul(2).backward());
    }

    @Test
    void noGraph() {
        assertError("nograph", () -> Torch.tensor(1.0, 2).sum().backward());
        assertError("nograph.root1", () -> Autograd.backward(List.of(x3().sum(), Torch.tensor(1.0)), null, false, false));
    }

    @Test
    void gradientOfWrongShape() {
        assertError("shape", () -> x3().mul(2).backward(Torch.ones(2)));
        assertError("shape.2d", () -> x3().mul(2).backward(Torch.ones(1, 3)));
    }

    @Test
    void requiresGradOnIntegers() {
        Tensor i = Torch.tensor(new long[] {1, 2});
        assertError("int.requiresgrad", i::requiresGrad_);
        assertFalse(i.requiresGrad());
        assertError("int.requiresgrad", () -> Torch.ones(new long[] {2}, DType.INT64).requiresGrad_(true));
        Torch.tensor(new long[] {1, 2}).requiresGrad_(false); // allowed
    }

    @Test
    void requiresGradFalseOnNonLeaf() {
        assertError("nonleaf.requiresgrad.false", () -> x3().mul(2).requiresGrad_(false));
    }

    @Test
    void gradUnusedAndNotRequiringGrad() {
        Tensor x = x3();
        Tensor z = Torch.tensor(new double[] {3}).requiresGrad_();
        assertError("unused", () -> Autograd.grad(List.of(x.mul(2).sum()), List.of(x, z)));
        assertError("notrequired", () -> Autograd.grad(List.of(x.mul(2).sum()), List.of(Torch.tensor(new double[] {1}))));
        assertNull(x.grad());
    }

    @Test
    void inPlaceOnLeafRequiringGrad() {
        assertError("leaf.add_", () -> x3().add_(1));
        assertError("leaf.zero_", () -> x3().zero_());
        assertError("leaf.copy_", () -> x3().copy_(Torch.tensor(4.0, 5, 6)));
        assertError("leaf.add_", () -> x3().mul_(2));
        assertError("leaf.add_", () -> x3().fill_(2));
    }

    @Test
    void inPlaceOnViewOfLeafRequiringGrad() {
        assertError("view.fill_", () -> x3().select(0, 0).fill_(5));
        assertError("view.add_", () -> x3().view(3).add_(1));
        assertError("view.mul_", () -> x3().narrow(0, 1, 2).mul_(2));
        // a view of a view
        assertError("view.add_", () -> x3().view(3, 1).select(1, 0).sub_(1));
    }

    @Test
    void savedInputModifiedInPlace() {
        Tensor x = x3();
        Tensor b = x.mul(1);
        Tensor c = b.mul(b);
        b.add_(1);
        b.add_(1);
        assertError("saved.input", () -> c.sum().backward());
    }

    @Test
    void savedOutputModifiedInPlace() {
        Tensor x = x3();
        Tensor a = x.exp();
        a.add_(1);
        assertError("saved.output", () -> a.sum().backward());
    }

    @Test
    void savedLeafModifiedUnderNoGrad() {
        Tensor x = x3();
        Tensor c = x.mul(x);
        try (var g = Torch.noGrad()) {
            x.add_(1);
        }
        assertError("saved.leaf", () -> c.sum().backward());
    }

    @Test
    void savedOutputOfTanhFloat64() {
        Tensor x = Torch.tensor(new double[][] {{1, 2}, {3, 4}}, DType.FLOAT64).requiresGrad_();
        Tensor t = x.tanh();
        t.mul_(2);
        assertError("saved.tanh64", () -> t.sum().backward());
    }

    @Test
    void backwardTwice() {
        Tensor y = x3().exp().sum();
        y.backward();
        assertError("twice", y::backward);
        Tensor x = x3();
        Tensor z = x.mul(x).sum();
        Autograd.grad(List.of(z), List.of(x));
        assertError("twice.grad", () -> Autograd.grad(List.of(z), List.of(x)));
    }

    // ------------------------------------------------------------------ failing in-place ops change nothing

    @Test
    void failingInPlaceOnLeafLeavesItUnchanged() {
        Tensor x = EngineTest.leaf(1, 2);
        assertError("leaf.add_", () -> x.add_(1));
        assertEquals(engine("unchanged.leaf"), x + " " + x.version());
    }

    @Test
    void failingInPlaceWithBadDtypeLeavesItUnchanged() {
        Tensor i = Torch.tensor(new long[] {1, 2});
        assertError("unchanged.int", () -> i.add_(Torch.tensor(1.5, 2)));
        assertEquals(engine("unchanged.int"), i + " " + i.version());
    }

    @Test
    void failingInPlaceWithBadShapeLeavesItUnchanged() {
        Tensor b = EngineTest.leaf(1, 2).mul(1);
        var fn = b.gradFn();
        assertError("unchanged.shape", () -> b.add_(Torch.ones(3)));
        assertEquals(engine("unchanged.shape"), b + " " + b.version());
        assertError("unchanged.broadcast", () -> b.add_(Torch.ones(2, 2)));
        assertEquals(engine("unchanged.broadcast"), b + " " + b.version());
        assertEquals(fn, b.gradFn());
        b.sum().backward(); // graph intact
    }

    @Test
    void failingViewInPlaceLeavesBaseUnchanged() {
        Tensor x = x3();
        assertError("view.fill_", () -> x.select(0, 1).fill_(9));
        assertEquals("tensor([1., 2., 3.], requires_grad=True)", x.toString());
        assertEquals(0, x.version());
    }
}
