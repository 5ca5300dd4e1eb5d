package org.autograd4j.spark;

/**
 * What one synchronous step cost and gave. Times are wall-clock nanoseconds; the task-side parts are the
 * slowest task's (the step waits for it).
 *
 * @param step          the step number, from 1
 * @param epoch         the epoch it belongs to, from 0
 * @param batchSize     examples in the global batch
 * @param loss          the global batch's loss before the update (the mean over the batch for a mean loss)
 * @param correct       the batch's examples whose output's argmax is their class label, before the update
 *                      ({@code (out.argmax(1) == y).sum()}; 0 for regression examples or outputs not {@code [n, C]})
 * @param wallNanos     the whole step on the driver, broadcast to optimizer step
 * @param broadcastNanos driver: weights to safetensors bytes and {@code sc.broadcast}; plus the slowest task's
 *                      fetch of the broadcast, parse and {@code loadStateDict}
 * @param computeNanos  the slowest task's gather of its shard's rows, forward, backward and gradient flattening
 * @param computeTotalNanos the same summed over all tasks (what the step's compute costs in task time; when
 *                      there are more partitions than task slots they run in waves, and the job waits for all)
 * @param aggregateNanos the rest of the job: scheduling, task results, the {@code treeAggregate} sums and
 *                      their transfer to the driver (job time minus the slowest task's time; includes the
 *                      waiting for later waves of tasks when partitions outnumber task slots)
 * @param optimizerNanos driver: gradients into {@code .grad} and {@code optimizer.step()}
 * @param gradientBytes the size of the gradient each task sends (float32, all parameters)
 */
public record StepMetrics(long step, long epoch, int batchSize, double loss, long correct, long wallNanos, long broadcastNanos,
                          long computeNanos, long computeTotalNanos, long aggregateNanos, long optimizerNanos, long gradientBytes) {
}
