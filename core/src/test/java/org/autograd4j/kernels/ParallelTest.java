package org.autograd4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The intra-op pool under several user threads at once: splits from different callers share the workers
 * without deadlock, a split goes on without a worker that another split holds, every index runs exactly once, and the results are those of one thread.
 */
class ParallelTest {
    private final int before = Parallel.numThreads();

    @AfterEach
    void restore() {
        Parallel.setNumThreads(before);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentCallersShareThePool() throws Exception {
        Torch.manualSeed(11);
        Tensor a = Torch.randn(700, 300), b = Torch.randn(300, 260), x = Torch.randn(300_001);
        // small m and n, long k: threads sharing B's packed panels
        Tensor p = Torch.randn(40, 3000), q = Torch.randn(3000, 41);
        Parallel.setNumThreads(1);
        float[] mm1 = a.mm(b).toFloatArray(), tanh1 = x.tanh().toFloatArray(), shared1 = p.mm(q).toFloatArray();
        for (int threads : new int[] {2, 3}) {
            Parallel.setNumThreads(threads);
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    done.add(callers.submit(() -> {
                        for (int rep = 0; rep < 5; rep++) {
                            assertArrayEquals(mm1, a.mm(b).toFloatArray());
                            assertArrayEquals(tanh1, x.tanh().toFloatArray());
                            assertArrayEquals(shared1, p.mm(q).toFloatArray());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) f.get(100, TimeUnit.SECONDS);
            } finally {
                callers.shutdownNow();
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSplitDoesNotWaitForABusyWorker() throws Exception {
        Parallel.setNumThreads(2);
        // Hold the pool's worker inside a split, then split again: the second split must finish on its own.
        // (Other threads of the test JVM may be using the worker: then the holder runs both ranges, and we retry.)
        for (int attempt = 0; attempt < 100; attempt++) {
            CountDownLatch entered = new CountDownLatch(1), release = new CountDownLatch(1);
            Thread holder = new Thread(() -> Parallel.forRange(2, 1, (from, to) -> {
                try {
                    if (Thread.currentThread().getName().startsWith("autograd4j-intraop-")) {
                        entered.countDown();
                        release.await();
                    } else if (from == 0) {
                        entered.await(100, TimeUnit.MILLISECONDS); // give the worker time to take range 1
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            holder.start();
            while (entered.getCount() > 0 && holder.isAlive()) Thread.sleep(1);
            if (entered.getCount() > 0) {
                holder.join();
                continue;
            }
            try {
                AtomicIntegerArray seen = new AtomicIntegerArray(1000);
                Parallel.forRange(1000, 1, (from, to) -> {
                    for (int i = from; i < to; i++) seen.incrementAndGet(i);
                });
                for (int i = 0; i < 1000; i++) assertEquals(1, seen.get(i), "index " + i);
            } finally {
                release.countDown();
                holder.join();
            }
            return;
        }
        throw new AssertionError("the worker never came free to be held");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyIndexOnceAndFailuresRethrown() {
        Parallel.setNumThreads(3);
        for (int n : new int[] {1, 2, 3, 7, 1000, 100_003}) {
            AtomicIntegerArray seen = new AtomicIntegerArray(n);
            Parallel.forRange(n, 1, (from, to) -> {
                for (int i = from; i < to; i++) seen.incrementAndGet(i);
            });
            for (int i = 0; i < n; i++) assertEquals(1, seen.get(i), "index " + i + " of " + n);
        }
        var e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(9, 1, (from, to) -> {
            if (from > 0) throw new IllegalStateException("range " + from);
        }));
        assertEquals("range ", e.getMessage().substring(0, 6));
        // the pool still works after a failure
        AtomicIntegerArray seen = new AtomicIntegerArray(6);
        Parallel.forRange(6, 1, (from, to) -> {
            for (int i = from; i < to; i++) seen.incrementAndGet(i);
        });
        for (int i = 0; i < 6; i++) assertEquals(1, seen.get(i));
    }
}
