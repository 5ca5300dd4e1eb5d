package org.autograd4j.engine;

import static org.autograd4j.engine.Goldens.engine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * {@code torch.no_grad()} / {@code set_grad_enabled}: thread-local, nestable, restoring; under them results have no
 * grad_fn and do not require grad, as in PyTorch.
 */
class GradModeTest {

    @Test
    void resultsUnderNoGradAreLeavesWithoutGraph() {
        Tensor x = EngineTest.leaf(1, 2);
        Tensor y;
        try (var g = Torch.noGrad()) {
            assertFalse(Torch.isGradEnabled());
            y = x.mul(2);
        }
        assertEquals(engine("nograd.result"),
                y + " " + (y.requiresGrad() ? "True" : "False") + " " + Goldens.repr(y.gradFn()) + " " + (y.isLeaf() ? "True" : "False"));
        // ops of every kind record nothing
        try (var g = Torch.noGrad()) {
            for (Tensor t : new Tensor[] {x.exp(), x.sum(), x.view(2, 1), x.select(0, 1), x.mul(x).tanh(), x.clone(),
                    x.matmul(x), x.unsqueeze(0).expand(3, 2)}) {
                assertNull(t.gradFn());
                assertFalse(t.requiresGrad());
            }
        }
        assertTrue(x.mul(2).requiresGrad());
    }

    @Test
    void scopesNestAndRestore() {
        assertTrue(Torch.isGradEnabled());
        try (var outer = Torch.noGrad()) {
            assertFalse(Torch.isGradEnabled());
            try (var inner = Torch.setGradEnabled(true)) {
                assertTrue(Torch.isGradEnabled());
                try (var innermost = Torch.noGrad()) {
                    assertFalse(Torch.isGradEnabled());
                }
                assertTrue(Torch.isGradEnabled());
                assertTrue(EngineTest.leaf(1).mul(2).requiresGrad());
            }
            assertFalse(Torch.isGradEnabled());
        }
        assertTrue(Torch.isGradEnabled());
    }

    @Test
    void closeIsIdempotentAndRestoresEvenAfterException() {
        var g = Torch.noGrad();
        g.close();
        try (var h = Torch.noGrad()) {
            g.close(); // a second close of an old scope must not re-enable grad inside h
            assertFalse(Torch.isGradEnabled());
        }
        assertTrue(Torch.isGradEnabled());
        try (var h = Torch.noGrad()) {
            throw new IllegalStateException("boom");
        } catch (IllegalStateException expected) {
            assertTrue(Torch.isGradEnabled());
        }
    }

    @Test
    void gradModeIsThreadLocal() throws Exception {
        Tensor x = EngineTest.leaf(1, 2);
        CountDownLatch inScope = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try (var g = Torch.noGrad()) {
                inScope.countDown();
                await(checked);
            }
        });
        assertTrue(inScope.await(10, TimeUnit.SECONDS));
        try {
            assertTrue(Torch.isGradEnabled(), "another thread's no_grad must not leak here");
            assertTrue(x.mul(2).requiresGrad());
        } finally {
            checked.countDown();
        }
        other.get(10, TimeUnit.SECONDS);

        // and the other way round: a fresh thread starts with grad on even while this one is in no_grad
        try (var g = Torch.noGrad()) {
            boolean[] seen = new boolean[2];
            Thread t = new Thread(() -> {
                seen[0] = Torch.isGradEnabled();
                seen[1] = x.mul(2).requiresGrad();
            });
            t.start();
            t.join();
            assertTrue(seen[0]);
            assertTrue(seen[1]);
            assertFalse(Torch.isGradEnabled());
        }
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void optimizerStyleUpdateUnderNoGrad() {
        Tensor w = EngineTest.leaf(1, 2);
        w.mul(w).sum().backward();
        Tensor grad = w.grad();
        try (var g = Torch.noGrad()) {
            w.sub_(w.grad().mul(0.1));
            w.grad().zero_();
        }
        assertEquals(engine("nograd.optimizer"), w + " " + w.grad() + " " + w.version() + " " + (w.isLeaf() ? "True" : "False"));
        assertSame(grad, w.grad());
        assertTrue(w.requiresGrad());
        assertNull(w.gradFn());
        // and training goes on with the updated leaf
        w.mul(w).sum().backward();
        assertEquals("tensor([1.6000, 3.2000])", w.grad().toString());
    }

    @Test
    void fillAndZeroOnLeafUnderNoGrad() {
        Tensor w = EngineTest.leaf(1, 2);
        String s;
        try (var g = Torch.noGrad()) {
            w.fill_(7);
            s = w.toString();
            w.zero_();
        }
        assertEquals(engine("nograd.fill"), s + " " + w + " " + w.version());
        assertNull(w.gradFn());
    }

    @Test
    void inPlaceOnViewsOfLeafUnderNoGrad() {
        Tensor x = EngineTest.leaf(1, 2, 3);
        try (var g = Torch.noGrad()) {
            x.select(0, 0).fill_(5);
            x.view(3).narrow(0, 1, 2).mul_(2);
        }
        assertEquals(engine("nograd.view"), x + " " + x.version());
    }

    @Test
    void backwardInsideNoGradStillWorks() {
        Tensor x = EngineTest.leaf(1, 2);
        Tensor y = x.mul(x).sum();
        try (var g = Torch.noGrad()) {
            y.backward();
            assertFalse(Torch.isGradEnabled());
        }
        assertEquals("tensor([2., 4.])", x.grad().toString());
    }
}
