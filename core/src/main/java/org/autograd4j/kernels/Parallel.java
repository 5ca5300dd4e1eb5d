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
     * runs the first range, then any range no worker has taken yet, then waits for the ones taken. Which thread
     * runs a range is left open, so a body must not wait for another range: a worker that is busy elsewhere or
     * not scheduled (a loaded machine) then costs the split its help, not a wait. Runs inline (one call
     * {@code body.run(0, n)}) when one range suffices or when called from inside another split. An exception
     * thrown by any range is rethrown here after all ranges have finished.
     *
     * @param n     the number of indices; nothing runs when {@code n <= 0}
     * @param grain the smallest range worth a thread of its own (values below 1 count as 1)
     * @param body  the loop body
     */
    public static void forRange(int n, int grain, RangeBody body) {
        if (n <= 0) return;
        int t = (int) Math.min(threads, (n + (long) Math.max(grain, 1) - 1) / Math.max(grain, 1));
        if (t <= 1 || INSIDE.get()[0]) {
            body.run(0, n);
            return;
        }
        split(n, t, body);
    }

    /** The body of {@link #forChunks}: one chunk of work. */
    @FunctionalInterface
    public interface ChunkBody {
        /**
         * Runs one chunk.
         *
         * @param chunk the chunk's index
         */
        void run(int chunk);
    }

    /**
     * Runs {@code body} for every chunk in {@code [0, n)}, each whole on one thread: the calling thread and up to
     * {@code numThreads() - 1} workers claim the chunks one at a time, in index order, so a thread that
     * is slow or starts late does fewer. Inline, in order, with one thread or from inside a split. Failures as
     * in {@link #forRange}.
     *
     * @param n    the number of chunks; nothing runs when {@code n <= 0}
     * @param body the chunk body
     */
    public static void forChunks(int n, ChunkBody body) {
        if (n <= 0) return;
        if (threads <= 1 || n == 1 || INSIDE.get()[0]) {
            for (int i = 0; i < n; i++) body.run(i);
            return;
        }
        split(n, n, (from, to) -> {
            for (int i = from; i < to; i++) body.run(i);
        });
    }

    /** Runs {@code body} over {@code [0, n)} cut into {@code ranges} ranges, claimed by the caller and the workers. */
    private static void split(int n, int ranges, RangeBody body) {
        boolean[] inside = INSIDE.get();
        Split split = new Split(Thread.currentThread(), body, n, ranges);
        int helpers = Math.min(threads, ranges) - 1;
        Worker[] ws = workers(helpers);
        // a worker that another split holds is passed over: no caller ever waits for a worker to come free
        for (int i = 0; i < helpers; i++) ws[i].hand(split);
        inside[0] = true;
        try {
            split.run(0);
            while (split.runNext()) { }
        } finally {
            inside[0] = false;
        }
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

    /**
     * One split: ranges {@code 1..t-1} are claimed one at a time from a counter by whichever thread comes first
     * (range 0 is the caller's), the ranges still running, the first failure, the thread waiting.
     */
    private static final class Split {
        final Thread caller;
        final RangeBody body;
        final int n, t;
        final AtomicInteger next = new AtomicInteger(1);
        final AtomicInteger remaining;
        volatile Throwable failure;

        Split(Thread caller, RangeBody body, int n, int t) {
            this.caller = caller;
            this.body = body;
            this.n = n;
            this.t = t;
            this.remaining = new AtomicInteger(t - 1);
        }

        /** Runs range {@code r}, keeping its failure. */
        void run(int r) {
            try {
                body.run((int) ((long) n * r / t), (int) ((long) n * (r + 1) / t));
            } catch (Throwable e) {
                synchronized (this) {
                    if (failure == null) failure = e;
                }
            }
        }

        /** Claims and runs the next range not yet taken; false when none is left. */
        boolean runNext() {
            int r = claim();
            if (r >= t) return false;
            run(r);
            done();
            return true;
        }

        /** Claims the next range not yet taken: its index, or {@code t} and more when none is left. */
        int claim() {
            return next.getAndIncrement();
        }

        /** Counts one range finished (after its writes), waking the caller at the last. */
        void done() {
            if (remaining.decrementAndGet() == 0) LockSupport.unpark(caller);
        }

        /** Waits, spinning first, until every range but the caller's has finished (interrupts are kept, not obeyed). */
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

    /** A pool thread: takes a split, runs its ranges until none is left, spins a while, then parks until handed the next. */
    private static final class Worker extends Thread {
        private final AtomicReference<Split> busy = new AtomicReference<>();
        private volatile Split split;

        Worker(int id) {
            super("autograd4j-intraop-" + id);
            setDaemon(true);
        }

        /** Hands this worker a split, unless another split holds it (then the split goes without it). */
        void hand(Split s) {
            if (!busy.compareAndSet(null, s)) return;
            split = s; // the worker starts when it sees it
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            INSIDE.get()[0] = true; // work handed to a worker never splits again
            while (true) {
                Split s = take();
                int r = s.claim();
                if (r >= s.t) busy.set(null);
                while (r < s.t) {
                    s.run(r);
                    int next = s.claim();
                    // free before the last range is counted done: the caller, back from the split, may hand this
                    // worker its next one at once (a worker still marked busy would be passed over)
                    if (next >= s.t) busy.set(null);
                    s.done();
                    r = next;
                }
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
