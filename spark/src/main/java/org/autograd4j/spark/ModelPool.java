package org.autograd4j.spark;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.autograd4j.nn.Loss;
import org.autograd4j.nn.Module;
import org.autograd4j.random.Generator;

/**
 * Executor-side replicas, built once per task slot and run rather than once per step: a task borrows a
 * (model, loss) pair, loads the step's weights into it and gives it back. Keyed by the run's id, so two
 * runs in one JVM (local mode) never share a replica.
 */
final class ModelPool {
    record Replica(Module model, Loss loss) {
    }

    private static final Map<String, Queue<Replica>> POOLS = new ConcurrentHashMap<>();
    private static final Object BUILD_LOCK = new Object();

    private ModelPool() {
    }

    static Replica borrow(String runId, SerializableSupplier<? extends Module> models,
                          SerializableSupplier<? extends Loss> losses) {
        Replica r = POOLS.computeIfAbsent(runId, k -> new ConcurrentLinkedQueue<>()).poll();
        if (r != null) return r;
        // The factory draws its initial weights from the default generator (they are overwritten by the
        // broadcast ones); in local mode that generator is the driver's, so its state is put back, and the
        // lock keeps two task threads from drawing from it at once.
        synchronized (BUILD_LOCK) {
            Generator g = Generator.defaultGenerator();
            byte[] state = g.getState();
            try {
                Module m = models.get();
                m.train();
                return new Replica(m, losses.get());
            } finally {
                g.setState(state);
            }
        }
    }

    static void giveBack(String runId, Replica r) {
        Queue<Replica> q = POOLS.get(runId);
        if (q != null) q.add(r);
    }

    static void forget(String runId) {
        POOLS.remove(runId);
    }
}
