package org.autograd4j.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

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
        Split split = new Split(Thread.currentThread(), t - 1);
        Worker[] ws = workers(t - 1);
        for (int i = 1; i < t; i++) {
            int from = (int) ((long) n * i / t), to = (int) ((long) n * (i + 1) / t);
            // Every range runs on its own thread, at the same time (a body may wait for its siblings, as the GEMM's
            // shared panels do). A worker another caller holds is waited for; callers take workers in index
            // order, so two callers can never each hold a worker the other waits for.
            ws[i - 1].hand(body, from, to, split);
        }
        split.runHere(body, 0, (int) ((long) n / t), inside);
        split.await();
        Throwable e = split.failure;
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error err) throw err;
        if (e != null) throw new IllegalStateException(e);
    }

    /**
     * How long an idle worker, and a caller waiting for the workers, spin before they park: waking a parked
     * thread measured 75-80 µs on a 2-core VM, more than many splits take, so threads that have just
     * worked stay awake this long (OpenBLAS's and OpenMP's threads spin too).
     */
    private static final long SPIN_NS = 100_000;

    /** One split's bookkeeping: the ranges still running, the first failure, the thread waiting. */
    private static final class Split {
        final Thread caller;
        final AtomicInteger remaining;
        volatile Throwable failure;

        Split(Thread caller, int ranges) {
            this.caller = caller;
            this.remaining = new AtomicInteger(ranges);
        }

        /** Runs a range on the calling thread (marked inside a split, so it does not split again). */
        void runHere(RangeBody body, int from, int to, boolean[] inside) {
            inside[0] = true;
            try {
                body.run(from, to);
            } catch (Throwable e) {
                fail(e);
            } finally {
                inside[0] = false;
            }
        }

        void fail(Throwable e) {
            synchronized (this) {
                if (failure == null) failure = e;
            }
        }

        void done() {
            if (remaining.decrementAndGet() == 0) LockSupport.unpark(caller);
        }

        /** Waits, spinning first, until every other range has finished (interrupts are kept, not obeyed). */
        void await() {
            long start = System.nanoTime();
            boolean interrupted = false;
            while (remaining.get() > 0) {
                if (System.nanoTime() - start < SPIN_NS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                    // the other ranges still write the caller's output: an interrupt cannot stop the wait
                    if (Thread.interrupted()) interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** A pool thread: takes one range at a time, spins a while after each, then parks until handed the next. */
    private static final class Worker extends Thread {
        private final AtomicReference<Object> busy = new AtomicReference<>();
        private volatile RangeBody body;
        private volatile int from, to;
        private volatile Split split;

        Worker(int id) {
            super("autograd4j-intraop-" + id);
            setDaemon(true);
        }

        /** Hands this worker a range, first waiting (spinning, then yielding) while another split holds it. */
        void hand(RangeBody b, int f, int t, Split s) {
            for (int spins = 0; !busy.compareAndSet(null, s); spins++) {
                if (spins < 1 << 12) Thread.onSpinWait();
                else Thread.yield();
            }
            from = f;
            to = t;
            body = b;
            split = s; // written last: the worker starts when it sees it
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            INSIDE.get()[0] = true; // work handed to a worker never splits again
            while (true) {
                Split s = take();
                try {
                    body.run(from, to);
                } catch (Throwable e) {
                    s.fail(e);
                }
                body = null;
                busy.set(null);
                s.done();
            }
        }

        private Split take() {
            long start = System.nanoTime();
            while (true) {
                Split s = split;
                if (s != null) {
                    split = null;
                    return s;
                }
                if (System.nanoTime() - start < SPIN_NS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
        }
    }

    private static volatile Worker[] pool = new Worker[0];

    /** The shared workers, at least {@code count} of them (started on first use, never stopped). */
    private static Worker[] workers(int count) {
        Worker[] p = pool;
        if (p.length >= count) return p;
        synchronized (Parallel.class) {
            p = pool;
            if (p.length < count) {
                Worker[] grown = java.util.Arrays.copyOf(p, count);
                for (int i = p.length; i < count; i++) {
                    grown[i] = new Worker(WORKER_IDS.incrementAndGet());
                    grown[i].start();
                }
                pool = grown;
                p = grown;
            }
        }
        return p;
    }
}
