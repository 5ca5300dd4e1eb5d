package org.autograd4j.spark;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.io.Safetensors;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.Loss;

/**
 * The executor's part of one step, as {@code treeAggregate}'s fold over a partition's cached block: load the
 * broadcast weights into a replica, run forward and backward on this partition's rows of the global batch,
 * and add the shard's gradient, scaled to the global batch, into the partial sum.
 *
 * <p>For a mean loss the shard's loss is the mean over its {@code n_p} rows, so its gradient is scaled by
 * {@code n_p / B}: {@code Σ_p (n_p / B) ∇(1/n_p Σ_{i∈p} l_i) = ∇(1/B Σ_i l_i)}, the global batch's gradient.
 * For a sum loss the scale is 1. Only the serializable inputs travel: the run id, the broadcast handle, the
 * rows each partition takes and the two factories.
 */
final class StepTask implements Function2<ShardResult, Block, ShardResult> {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final Broadcast<byte[]> weights;
    private final int[][] rowsByPartition;
    private final int globalBatch;
    private final boolean meanLoss;
    private final int gradientSize;
    private final long[] exampleShape;
    private final SerializableSupplier<? extends Module> models;
    private final SerializableSupplier<? extends Loss> losses;

    StepTask(String runId, Broadcast<byte[]> weights, int[][] rowsByPartition, int globalBatch, boolean meanLoss,
             int gradientSize, long[] exampleShape, SerializableSupplier<? extends Module> models,
             SerializableSupplier<? extends Loss> losses) {
        this.runId = runId;
        this.weights = weights;
        this.rowsByPartition = rowsByPartition;
        this.globalBatch = globalBatch;
        this.meanLoss = meanLoss;
        this.gradientSize = gradientSize;
        this.exampleShape = exampleShape;
        this.models = models;
        this.losses = losses;
    }

    @Override
    public ShardResult call(ShardResult acc, Block block) {
        int[] rows = block.partition < rowsByPartition.length ? rowsByPartition[block.partition] : new int[0];
        if (rows.length == 0) return acc;
        long t0 = System.nanoTime();
        ModelPool.Replica replica = ModelPool.borrow(runId, models, losses);
        try {
            Module model = replica.model();
            Map<String, Tensor> state = Safetensors.deserialize(weights.value());
            model.loadStateDict(state);
            long t1 = System.nanoTime();

            model.zeroGrad(true);
            Tensor out = model.call(block.features(rows, exampleShape));
            Tensor targets = block.targets(rows);
            Tensor loss = replica.loss().call(out, targets);
            loss.backward();
            // (out.argmax(1) == y).sum() for class labels and [n, C] scores: the shard's training accuracy
            long correct = 0;
            if (block.labels != null && out.dim() == 2) {
                try (var _ = Torch.noGrad()) {
                    correct = out.argmax(1).eq(targets).sum().itemLong();
                }
            }
            double scale = meanLoss ? rows.length / (double) globalBatch : 1.0;
            float[] g = new float[gradientSize];
            int at = 0;
            List<Tensor> params = model.parameters();
            for (Tensor p : params) {
                int n = (int) p.numel();
                Tensor grad = p.grad();
                if (grad != null) {
                    float[] v = grad.toFloatArray();
                    for (int i = 0; i < n; i++) g[at + i] = (float) (v[i] * scale);
                }
                at += n;
            }
            if (at != gradientSize) {
                throw new IllegalStateException("the model factory built a model with " + at
                        + " parameter elements on the executor, " + gradientSize + " on the driver");
            }
            long t2 = System.nanoTime();
            acc.add(g, loss.item() * scale, rows.length, correct, t1 - t0, t2 - t1, t2 - t0);
            return acc;
        } finally {
            ModelPool.giveBack(runId, replica);
        }
    }
}
