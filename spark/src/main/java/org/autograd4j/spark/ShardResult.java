package org.autograd4j.spark;

import java.io.Serializable;

/**
 * A partial sum of the step's shard gradients, the value {@code treeAggregate} folds: the scaled gradient,
 * the scaled loss, the examples counted, those classified right and the tasks' timings (the slowest task's, and compute summed).
 * Both fold functions may add into their first argument (Spark's aggregate contract), so sums are made in
 * place.
 */
final class ShardResult implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The summed gradient, float32 in the trainer's parameter layout; null while nothing has been added. */
    float[] gradient;
    double loss;
    long examples;
    /** Examples whose output's argmax is their class label (classification examples only; else 0). */
    long correct;
    long fetchNanos;
    long computeNanos;
    long taskNanos;
    /** Compute time summed over the tasks (the task time the shards' forward and backward passes took). */
    long computeTotalNanos;

    /** Adds one task's shard. */
    void add(float[] g, double scaledLoss, long n, long right, long fetch, long compute, long task) {
        addGradient(g);
        loss += scaledLoss;
        examples += n;
        correct += right;
        fetchNanos = Math.max(fetchNanos, fetch);
        computeNanos = Math.max(computeNanos, compute);
        taskNanos = Math.max(taskNanos, task);
        computeTotalNanos += compute;
    }

    /** Adds another partial sum. */
    ShardResult merge(ShardResult other) {
        if (other.gradient != null) addGradient(other.gradient);
        loss += other.loss;
        examples += other.examples;
        correct += other.correct;
        fetchNanos = Math.max(fetchNanos, other.fetchNanos);
        computeNanos = Math.max(computeNanos, other.computeNanos);
        taskNanos = Math.max(taskNanos, other.taskNanos);
        computeTotalNanos += other.computeTotalNanos;
        return this;
    }

    private void addGradient(float[] g) {
        if (gradient == null) {
            gradient = g;
        } else {
            for (int i = 0; i < g.length; i++) gradient[i] += g[i];
        }
    }
}
