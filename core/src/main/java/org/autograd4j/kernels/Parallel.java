package org.autograd4j.kernels;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Intra-op parallelism, as PyTorch's {@code at::parallel_for} with {@code torch.set_num_threads}: one shared
 * pool of daemon threads that kernels split an index range over. A range split from inside a split (a pool
 * worker, or the calling thread while it runs its own share) runs inline on that thread, so nested kernels
 * never oversubscribe the cores. Kernels use it so that each output element is computed by exactly one
 * thread, in the same order whatever the thread count: results do not depend on {@link #numThreads()}.
 */
public final class Parallel {
    /** The body of a parallel loop: handles the indices {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    public interface RangeBody {
        /**
         * Runs the loop body over {@code [from, to)}.
         *
         * @param from first index, inclusive
         * @param to   last index, exclusive
         */
        void run(int from, int to);
    }

    private static volatile int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** True on a thread that is running a share of a split (pool workers always, callers while they help). */
    private static final ThreadLocal<boolean[]> INSIDE = ThreadLocal.withInitial(() -> new boolean[1]);

    private static final AtomicInteger WORKER_IDS = new AtomicInteger();

    /** Created on first use; grown (never shrunk below what it has) as the thread count asks. */
    private static volatile ThreadPoolExecutor pool;

    private Parallel() {
    }

    /**
     * Sets the number of threads intra-op loops use, including the calling thread
     * ({@code torch.set_num_threads(n)}).
     *
     * @param n the thread count, at least 1
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static void setNumThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("set_num_threads expects a positive integer");
        threads = n;
    }

    /**
     * The number of threads intra-op loops use ({@code torch.get_num_threads()}); by default the number of
     * available processors.
     *
     * @return the thread count, at least 1
     */
    public static int numThreads() {
        return threads;
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into at most {@link #numThreads()} contiguous ranges of at
     * least {@code grain} indices each (PyTorch's {@code at::parallel_for(0, n, grain, f)}). The calling thread
     * runs the first range and waits for the others. Runs inline (one call {@code body.run(0, n)}) when one
     * range suffices or when called from inside another split. An exception thrown by any range is rethrown
     * here after all ranges have finished.
     *
     * @param n     the number of indices; nothing runs when {@code n <= 0}
     * @param grain the smallest range worth a thread of its own (values below 1 count as 1)
     * @param body  the loop body
     */
    public static void forRange(int n, int grain, RangeBody body) {
        if (n <= 0) return;
        boolean[] inside = INSIDE.get();
        int t = (int) Math.min(threads, (n + (long) Math.max(grain, 1) - 1) / Math.max(grain, 1));
        if (t <= 1 || inside[0]) {
            body.run(0, n);
            return;
        }
        ThreadPoolExecutor p = pool(t - 1);
        CountDownLatch done = new CountDownLatch(t - 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 1; i < t; i++) {
            int from = (int) ((long) n * i / t), to = (int) ((long) n * (i + 1) / t);
            p.execute(() -> {
                try {
                    body.run(from, to);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
        }
        inside[0] = true;
        try {
            body.run(0, (int) ((long) n / t));
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        } finally {
            inside[0] = false;
        }
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the other ranges still write the caller's output: wait for them
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error err) throw err;
        if (e != null) throw new IllegalStateException(e);
    }

    /** The shared pool with at least {@code workers} threads. */
    private static ThreadPoolExecutor pool(int workers) {
        ThreadPoolExecutor p = pool;
        if (p == null || p.getMaximumPoolSize() < workers) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread th = new Thread(() -> {
                            INSIDE.get()[0] = true; // work handed to a worker never splits again
                            r.run();
                        }, "autograd4j-intraop-" + WORKER_IDS.incrementAndGet());
                        th.setDaemon(true);
                        return th;
                    });
                    pool = p;
                } else if (p.getMaximumPoolSize() < workers) {
                    p.setMaximumPoolSize(workers);
                    p.setCorePoolSize(workers);
                }
            }
        }
        return p;
    }
}
