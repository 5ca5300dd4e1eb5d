package org.autograd4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

import org.autograd4j.Autograd;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * Backward passes that overlap over one shared graph. The engine keeps a lone pass's per-node state in the
 * nodes themselves and gives a pass that overlaps another a map of its own: if two passes ever shared the
 * in-node state, their dependency counts and gradient buffers would mix and these gradients would be wrong
 * (or a pass would find a node not ready, or ready twice).
 */
class EngineConcurrencyTest {

    /** y = 2x⁴ + x³ + 3x² + 5x + 1, so dy/dx at x = 2 is 8·8 + 3·4 + 6·2 + 5 = 93. */
    private static Tensor polynomial(Tensor x) {
        return x.pow(4).mul(2).add(x.pow(3)).add(x.pow(2).mul(3)).add(x.mul(5)).add(1);
    }

    @Test
    void overlappingPassesOverASharedGraphEachGetTheirOwnGradients() throws Exception {
        Tensor x = Torch.tensor(2.0).requiresGrad_();
        Tensor y = polynomial(x);
        int threads = 4, rounds = 2_000;
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] ts = new Thread[threads];
        for (int k = 0; k < threads; k++) {
            ts[k] = new Thread(() -> {
                try {
                    start.await();
                    for (int r = 0; r < rounds; r++) {
                        List<Tensor> g = Autograd.grad(List.of(y), List.of(x), null, true, false, false);
                        assertEquals(93.0, g.get(0).item());
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            ts[k].start();
        }
        for (Thread t : ts) t.join();
        if (failure.get() != null) throw new AssertionError("a concurrent pass failed", failure.get());
        // autograd.grad accumulates nothing, and the shared graph is still whole for a last pass
        assertNull(x.grad());
        y.backward();
        assertEquals(93.0, x.grad().item());
    }

    @Test
    void aPassAfterAFailedOneStartsClean() {
        Tensor x = Torch.tensor(2.0).requiresGrad_();
        Tensor y = polynomial(x);
        y.backward();
        // the graph is freed: the second pass fails inside a node, after the tasks were placed in the nodes
        Tensor z = y;
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, z::backward);
        // a new graph over the same leaf (whose AccumulateGrad node the failed pass reached) runs normally
        x.setGrad(null);
        polynomial(x).backward();
        assertEquals(93.0, x.grad().item());
    }
}
