package org.autograd4j.engine;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Times the 1,000,000-op chain of {@link LongChainTest} (forward, backward) and reports the peak heap in use,
 * for the closing note. Run after {@code ./mvnw -pl autograd4j test-compile}:
 * <pre>
 * java -cp core/target/classes:core/target/test-classes org.autograd4j.engine.LongChainMain [runs] [n]
 * </pre>
 * Peak heap is the largest {@code totalMemory - freeMemory} seen by a thread sampling every millisecond during
 * the run (it includes garbage not yet collected, so it depends on -Xmx and the collector); "live graph" is the
 * heap in use after forward and a full GC, i.e. what the million-node graph itself retains.
 * (java.lang.management is not used: the tests run inside the module org.autograd4j, which does not read it.)
 */
public final class LongChainMain {
    private LongChainMain() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : LongChainTest.N;
        System.out.printf("java %s, max heap %d MiB, %d runs of a %,d-op chain%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, runs, n);
        double[] fwd = new double[runs];
        double[] bwd = new double[runs];
        long[] peak = new long[runs];
        long[] live = new long[runs];
        for (int r = 0; r < runs; r++) {
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            Tensor x = Torch.tensor(1.0).requiresGrad_();
            Tensor y = LongChainTest.chain(x, n);
            long t1 = System.nanoTime();
            live[r] = liveHeap();
            long t2 = System.nanoTime();
            y.backward();
            long t3 = System.nanoTime();
            peak[r] = peakHeap();
            fwd[r] = (t1 - t0) / 1e9;
            bwd[r] = (t3 - t2) / 1e9;
            System.out.printf("run %d: forward %.3f s, backward %.3f s, total %.3f s, live graph %d MiB, peak heap %d MiB, grad %s%n",
                    r, fwd[r], bwd[r], fwd[r] + bwd[r], live[r] >> 20, peak[r] >> 20, LongChainTest.hex((float) x.grad().item()));
        }
        double[] tot = new double[runs];
        for (int r = 0; r < runs; r++) tot[r] = fwd[r] + bwd[r];
        System.out.printf("median: forward %.3f s, backward %.3f s, total %.3f s, live graph %d MiB, peak heap %d MiB%n",
                median(fwd), median(bwd), median(tot), median(live) >> 20, median(peak) >> 20);
    }

    private static final java.util.concurrent.atomic.AtomicLong PEAK = new java.util.concurrent.atomic.AtomicLong();

    static {
        Thread sampler = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (true) {
                PEAK.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static void resetPeaks() {
        PEAK.set(0);
    }

    private static long peakHeap() {
        Runtime rt = Runtime.getRuntime();
        return PEAK.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
    }

    private static long liveHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double median(double[] a) {
        double[] b = a.clone();
        java.util.Arrays.sort(b);
        return b[b.length / 2];
    }

    private static long median(long[] a) {
        long[] b = a.clone();
        java.util.Arrays.sort(b);
        return b[b.length / 2];
    }
}
