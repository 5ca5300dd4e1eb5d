package org.autograd4j.benchmarks;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * This machine's float32 peak, estimated: a Vector API loop of independent FMAs on one core (enough chains
 * to cover the FMA units' latency), times the number of cores. Touches {@code jdk.incubator.vector}: load it
 * only when the JVM has resolved that module.
 */
final class Peak {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Independent accumulators: FMA latency (4 cycles) × 2 ports needs 8; 12 leaves margin. */
    private static final int CHAINS = 12;

    private Peak() {
    }

    /** Floats per vector of the preferred species. */
    static int lanes() {
        return S.length();
    }

    /** Best one-core GFLOP/s over {@code trials} runs of about {@code millis} each. */
    static double oneCoreGflops(int trials, long millis) {
        // Short calls first, so that C2 compiles fmaLoop itself (an interpreted or OSR'd first trial of the
        // Vector API runs orders of magnitude slower, the more so on a loaded machine).
        long warm = System.nanoTime() + 300_000_000L;
        for (int i = 0; i < 20_000 || System.nanoTime() < warm; i++) sink += fmaLoop(64);
        long iters = 1 << 16;
        while (true) { // size a trial
            long t0 = System.nanoTime();
            sink += fmaLoop(iters);
            long dt = System.nanoTime() - t0;
            if (dt > millis * 250_000L) {
                iters = Math.max(1, (long) (iters * (millis * 1e6 / dt)));
                break;
            }
            iters *= 2;
        }
        double best = 0;
        for (int t = 0; t < trials; t++) {
            long t0 = System.nanoTime();
            sink += fmaLoop(iters);
            long dt = System.nanoTime() - t0;
            best = Math.max(best, 2.0 * CHAINS * S.length() * iters / dt);
        }
        return best;
    }

    static volatile float sink;

    private static float fmaLoop(long iters) {
        FloatVector m = FloatVector.broadcast(S, 0.9999999f), c = FloatVector.broadcast(S, 1e-7f);
        FloatVector a0 = FloatVector.broadcast(S, 1f), a1 = FloatVector.broadcast(S, 2f);
        FloatVector a2 = FloatVector.broadcast(S, 3f), a3 = FloatVector.broadcast(S, 4f);
        FloatVector a4 = FloatVector.broadcast(S, 5f), a5 = FloatVector.broadcast(S, 6f);
        FloatVector a6 = FloatVector.broadcast(S, 7f), a7 = FloatVector.broadcast(S, 8f);
        FloatVector a8 = FloatVector.broadcast(S, 9f), a9 = FloatVector.broadcast(S, 10f);
        FloatVector a10 = FloatVector.broadcast(S, 11f), a11 = FloatVector.broadcast(S, 12f);
        for (long i = 0; i < iters; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }
}
