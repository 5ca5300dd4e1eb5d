package org.autograd4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.io.Safetensors;
import org.autograd4j.nn.Loss;
import org.autograd4j.nn.Module;
import org.autograd4j.optim.Optimizer;
import org.autograd4j.random.Generator;

/**
 * Synchronous data-parallel SGD on Apache Spark: the same training as one process on the global batch, with
 * the batch's forward and backward passes spread over the data's partitions.
 *
 * <p><b>One step.</b> With the global batch {@code b} of {@code B} examples split by partition into shards
 * {@code b_p} of {@code n_p} examples ({@code Σ n_p = B}) and a loss {@code L(θ) = (1/B) Σ_{i∈b} l_i(θ)}
 * (reduction {@code "mean"}):
 * <ol>
 *   <li>the driver serializes {@code θ} (the model's state dict) to safetensors bytes and broadcasts them;</li>
 *   <li>each partition's task loads them into its replica and computes
 *       {@code g_p = (n_p / B) ∇_θ [(1/n_p) Σ_{i∈b_p} l_i(θ)]} with autograd4j;</li>
 *   <li>{@code treeAggregate} sums {@code g = Σ_p g_p = ∇_θ L(θ)} up a tree of executors to the driver;</li>
 *   <li>the driver sets every parameter's {@code .grad} from {@code g} and calls {@code optimizer.step()}.</li>
 * </ol>
 * For a {@code "sum"} loss the scale is 1. So every step equals the single-process step on the global batch
 * up to the order of the float32 sums (within 1e-5 relative over 20 steps in the tests). The partitions are
 * packed once into float arrays and cached (in memory, spilling to disk; no per-step re-reading); each step
 * ships only the weights, the batch's row indices and, back, one gradient per partition, merged on the way.
 *
 * <p><b>The batches.</b> Examples are numbered in partition order (partition 0's rows first). Each epoch the
 * order is drawn as {@code DataLoader(dataset, batch_size=B, shuffle=True, generator=g, drop_last=…)} draws
 * it with {@code g = torch.Generator().manual_seed(seed)}, and the initial weights are
 * {@code torch.manual_seed(seed); model = factory()}. A single-process run with those two lines therefore
 * sees the same batches and starts from the same weights.
 *
 * <p><b>PyTorch equivalent.</b> {@code DistributedDataParallel} (one replica per rank, gradients all-reduced)
 * launched by PySpark's {@code TorchDistributor}. DDP averages the ranks' gradients, which equals the
 * global-batch gradient when the shards are equal; here the {@code n_p / B} scale makes it exact for any
 * shard sizes. As in DDP, buffers (BatchNorm's running statistics) come from the driver each step and a
 * batch-statistics layer sees its shard's statistics, not the global batch's (DDP without
 * {@code SyncBatchNorm}); executors' buffer updates are not sent back. Losses whose mean is weighted (class
 * weights, {@code ignore_index}) are not exact means over examples and are not scaled exactly. Gradients
 * travel as float32.
 *
 * <p><b>Faults.</b> A task only reads the broadcast and its cached block, so a failed task is simply run again
 * by Spark ({@code spark.task.maxFailures}) with the same result. A bad row fails the run before the first
 * step with a {@link BadRowException} naming its partition and row. Every {@link #checkpointEvery} steps the
 * model, the optimizer state and the sampler's position go to one safetensors file, and
 * {@link #resumeFrom} continues a later run from such a file exactly where it stopped.
 *
 * <p>Example ({@code MyNet} a {@code Module} with a no-argument constructor, {@code examples} from
 * {@link Example#listOf}):
 * <pre>{@code
 * var trainer = SparkTrainer.of(MyNet::new, CrossEntropyLoss::new, ps -> new SGD(ps, 0.1))
 *         .batchSize(64).epochs(10).seed(0);
 * TrainResult r = trainer.fit(jsc.parallelize(examples, 2));
 * }</pre>
 */
public final class SparkTrainer {
    private final SerializableSupplier<? extends Module> modelFactory;
    private final SerializableSupplier<? extends Loss> lossFactory;
    private final Function<List<Tensor>, ? extends Optimizer> optimizerFactory;
    private int batchSize = 32;
    private long steps = -1;
    private int epochs = 1;
    private long seed;
    private boolean shuffle = true;
    private boolean dropLast;
    private long[] exampleShape;
    private int treeDepth = 2;
    private int checkpointEvery;
    private Path checkpointDir;
    private Path resumeFrom;
    private Consumer<StepMetrics> listener;
    private EpochListener epochListener;

    private SparkTrainer(SerializableSupplier<? extends Module> modelFactory,
                         SerializableSupplier<? extends Loss> lossFactory,
                         Function<List<Tensor>, ? extends Optimizer> optimizerFactory) {
        this.modelFactory = Objects.requireNonNull(modelFactory, "modelFactory");
        this.lossFactory = Objects.requireNonNull(lossFactory, "lossFactory");
        this.optimizerFactory = Objects.requireNonNull(optimizerFactory, "optimizerFactory");
    }

    /**
     * A trainer for models from {@code modelFactory}, trained on {@code lossFactory}'s loss by the optimizer
     * {@code optimizerFactory} makes from the driver model's parameters. The two serializable factories
     * also run on the executors (each task slot builds its replica once); the optimizer lives on the driver.
     *
     * @param modelFactory     builds the model ({@code MyNet::new}); called after {@code manualSeed(seed)}
     *                         on the driver for the initial weights
     * @param lossFactory      builds the loss module (reduction {@code "mean"} or {@code "sum"})
     * @param optimizerFactory builds the optimizer over the parameters ({@code ps -> new SGD(ps, 0.1)})
     * @return the trainer, with batch size 32, one epoch, seed 0, shuffling
     */
    public static SparkTrainer of(SerializableSupplier<? extends Module> modelFactory,
                                  SerializableSupplier<? extends Loss> lossFactory,
                                  Function<List<Tensor>, ? extends Optimizer> optimizerFactory) {
        return new SparkTrainer(modelFactory, lossFactory, optimizerFactory);
    }

    /**
     * The global batch size {@code B} ({@code DataLoader(batch_size=B)}), split over the partitions.
     *
     * @param batchSize examples per step, at least 1
     * @return this trainer
     */
    public SparkTrainer batchSize(int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size=" + batchSize);
        this.batchSize = batchSize;
        return this;
    }

    /**
     * Trains for this many epochs (passes over the data); ignored when {@link #steps} is set.
     *
     * @param epochs the number of epochs, at least 1
     * @return this trainer
     */
    public SparkTrainer epochs(int epochs) {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        this.epochs = epochs;
        return this;
    }

    /**
     * Trains for exactly this many optimizer steps in all (counting the steps of a resumed run), crossing
     * epochs as needed.
     *
     * @param steps the number of steps, at least 1
     * @return this trainer
     */
    public SparkTrainer steps(long steps) {
        if (steps < 1) throw new IllegalArgumentException("steps must be positive, got " + steps);
        this.steps = steps;
        return this;
    }

    /**
     * The seed: {@code torch.manual_seed(seed)} before the driver builds the model, and the shuffle
     * generator's {@code manual_seed(seed)}.
     *
     * @param seed the seed
     * @return this trainer
     */
    public SparkTrainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Whether each epoch visits the examples in a fresh random order ({@code DataLoader(shuffle=…)}).
     *
     * @param shuffle true to shuffle (the default)
     * @return this trainer
     */
    public SparkTrainer shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /**
     * Whether an epoch's last, smaller batch is skipped ({@code DataLoader(drop_last=…)}).
     *
     * @param dropLast true to skip it (default false)
     * @return this trainer
     */
    public SparkTrainer dropLast(boolean dropLast) {
        this.dropLast = dropLast;
        return this;
    }

    /**
     * One example's input shape, for models that take more than a vector ({@code 1, 8, 8} for a CNN over
     * 8×8 images): a batch is the features viewed as {@code [n, *shape]}. The default is {@code [d]}.
     *
     * @param shape the per-example shape; its product must be the feature count
     * @return this trainer
     */
    public SparkTrainer inputShape(long... shape) {
        this.exampleShape = shape == null ? null : shape.clone();
        return this;
    }

    /**
     * The depth of the {@code treeAggregate} that sums the gradients (2: partitions merge in
     * {@code ~√P} groups before the driver).
     *
     * @param depth at least 1
     * @return this trainer
     */
    public SparkTrainer treeDepth(int depth) {
        if (depth < 1) throw new IllegalArgumentException("Depth must be greater than or equal to 1 but got " + depth + ".");
        this.treeDepth = depth;
        return this;
    }

    /**
     * Writes a checkpoint ({@code dir/step-00000020.safetensors}) after every {@code everySteps}-th step.
     *
     * @param everySteps the period in steps, at least 1
     * @param dir        the directory (created if missing; the driver's file system)
     * @return this trainer
     */
    public SparkTrainer checkpointEvery(int everySteps, Path dir) {
        if (everySteps < 1) throw new IllegalArgumentException("checkpoint period must be positive, got " + everySteps);
        this.checkpointEvery = everySteps;
        this.checkpointDir = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /**
     * Starts the next {@link #fit} from a checkpoint this trainer wrote (same model, optimizer, data and
     * batch size): weights, optimizer state, step count and sampler position are restored, so the run goes on
     * as if it had never stopped.
     *
     * @param checkpoint the file, or null to start afresh
     * @return this trainer
     */
    public SparkTrainer resumeFrom(Path checkpoint) {
        this.resumeFrom = checkpoint;
        return this;
    }

    /**
     * Called on the driver after every step (progress printing, early logging).
     *
     * @param listener the callback, or null
     * @return this trainer
     */
    public SparkTrainer onStep(Consumer<StepMetrics> listener) {
        this.listener = listener;
        return this;
    }

    /** Sees the driver's model at the end of each epoch. */
    @FunctionalInterface
    public interface EpochListener {
        /**
         * Called on the driver after an epoch's last step (and its checkpoint, if one is due), before the
         * next epoch's first. The model may be used (evaluated, saved) but not trained; the trainer puts it
         * back in train mode afterwards.
         *
         * @param epoch the epoch that ended, from 0 (as {@link StepMetrics#epoch})
         * @param model the driver's model, with the weights after that epoch
         */
        void epochEnd(long epoch, Module model);
    }

    /**
     * Called on the driver after every complete epoch (a test evaluation, per-epoch figures), as a
     * single-process loop evaluates after each pass of its {@code DataLoader}. With {@link #steps} the last
     * epoch may be incomplete; it is not reported.
     *
     * @param listener the callback, or null
     * @return this trainer
     */
    public SparkTrainer onEpochEnd(EpochListener listener) {
        this.epochListener = listener;
        return this;
    }

    /**
     * The checkpoint file {@link #checkpointEvery} writes for a step.
     *
     * @param dir  the checkpoint directory
     * @param step the step number
     * @return {@code dir/step-<8 digits>.safetensors}
     */
    public static Path checkpointFile(Path dir, long step) {
        return Checkpoint.file(dir, step);
    }

    /**
     * Trains on a {@code Dataset<Row>}: {@code featuresColumn} an array of numbers; {@code labelColumn} an
     * integer (a class label), a float or double (a one-value regression target) or an array of numbers (a
     * target vector). Rows are numbered by partition of {@code rows.javaRDD()}.
     *
     * @param rows           the training rows
     * @param featuresColumn the features' column
     * @param labelColumn    the label's or target's column
     * @return the trained model, its optimizer and the per-step metrics
     * @throws BadRowException for a null, wrongly typed, wrongly sized or non-finite value
     */
    public TrainResult fit(Dataset<Row> rows, String featuresColumn, String labelColumn) {
        return fit(RowExamples.convert(rows, featuresColumn, labelColumn));
    }

    /**
     * Trains on an RDD of examples; see the class comment for what a step does.
     *
     * @param examples the training examples (their partitions are the data-parallel shards)
     * @return the trained model, its optimizer and the per-step metrics
     * @throws BadRowException for a bad example, naming its partition and row
     */
    public TrainResult fit(JavaRDD<Example> examples) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(examples.context());
        String runId = UUID.randomUUID().toString();
        int featureSize = exampleShape == null ? -1 : Math.toIntExact(Arrays.stream(exampleShape).reduce(1, Math::multiplyExact));
        JavaRDD<Block> blocks = examples
                .mapPartitionsWithIndex((p, it) -> List.of(Block.pack(p, it, featureSize)).iterator(), true)
                .persist(StorageLevel.MEMORY_AND_DISK()); // spilled, not recomputed, under memory pressure
        try {
            List<long[]> parts = unwrapBadRow(() -> blocks.map(Block::summary).collect());
            long[] offsets = checkPartitions(parts);
            int n = Math.toIntExact(offsets[offsets.length - 1]);
            if (n == 0) throw new IllegalArgumentException("no training examples");
            return train(jsc, runId, blocks, offsets, n);
        } finally {
            blocks.unpersist(false);
            ModelPool.forget(runId);
        }
    }

    private static long[] checkPartitions(List<long[]> parts) {
        long[] offsets = new long[parts.size() + 1];
        long[] first = null;
        for (int i = 0; i < parts.size(); i++) {
            long[] s = parts.get(i);
            offsets[i + 1] = offsets[i] + s[1];
            if (s[1] == 0) continue;
            if (first == null) {
                first = s;
            } else if (s[2] != first[2]) {
                throw new BadRowException((int) s[0], 0, s[2] + " features where partition " + first[0] + " has " + first[2]);
            } else if (s[3] != first[3]) {
                throw new BadRowException((int) s[0], 0, (s[3] == 1 ? "class labels" : "target vectors")
                        + " where partition " + first[0] + " has " + (first[3] == 1 ? "class labels" : "target vectors"));
            } else if (s[4] != first[4]) {
                throw new BadRowException((int) s[0], 0, s[4] + " target values where partition " + first[0] + " has " + first[4]);
            }
        }
        return offsets;
    }

    private TrainResult train(JavaSparkContext jsc, String runId, JavaRDD<Block> blocks, long[] offsets, int n) {
        Torch.manualSeed(seed);
        Module model = modelFactory.get();
        model.train();
        Loss probe = lossFactory.get();
        boolean mean = switch (probe.reduction()) {
            case "mean" -> true;
            case "sum" -> false;
            default -> throw new IllegalArgumentException("data-parallel training needs a reduced loss (\"mean\" or \"sum\"), got reduction=\""
                    + probe.reduction() + "\"");
        };
        List<Tensor> params = model.parameters();
        int gradientSize = 0;
        for (Tensor p : params) {
            if (p.dtype() != DType.FLOAT32) throw new IllegalArgumentException("parameters must be float32, got " + p.dtype());
            gradientSize = Math.addExact(gradientSize, Math.toIntExact(p.numel()));
        }
        Optimizer optimizer = optimizerFactory.apply(params);
        Generator generator = new Generator(seed);
        int perEpoch = dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
        if (perEpoch == 0) throw new IllegalArgumentException("drop_last with " + n + " examples and batch size " + batchSize + " leaves no batch");
        long totalSteps = steps > 0 ? steps : (long) epochs * perEpoch;

        long step = 0, epoch = 0, batchInEpoch = 0;
        long[] order = null;
        if (resumeFrom != null) {
            try {
                Checkpoint c = Checkpoint.load(resumeFrom, model, optimizer);
                if (c.order.length != n) {
                    throw new IllegalArgumentException("checkpoint " + resumeFrom + " was written for " + c.order.length
                            + " examples, the data has " + n);
                }
                step = c.step;
                epoch = c.epoch;
                batchInEpoch = c.batchInEpoch;
                order = c.order;
                generator.setState(c.generatorState);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<StepMetrics> metrics = new ArrayList<>();
        long gradientBytes = 4L * gradientSize;
        while (step < totalSteps) {
            if (order == null || batchInEpoch >= perEpoch) {
                if (order != null) epoch++;
                order = drawOrder(n, generator);
                batchInEpoch = 0;
            }
            int from = (int) (batchInEpoch * batchSize), to = Math.min(from + batchSize, n);
            int[][] rows = rowsByPartition(order, from, to, offsets);
            int b = to - from;

            long t0 = System.nanoTime();
            byte[] bytes = Safetensors.serialize(model.stateDict(), Map.of());
            Broadcast<byte[]> weights = jsc.broadcast(bytes);
            long t1 = System.nanoTime();
            StepTask task = new StepTask(runId, weights, rows, b, mean, gradientSize, exampleShape, modelFactory, lossFactory);
            ShardResult sum;
            try {
                sum = unwrapBadRow(() -> blocks.treeAggregate(new ShardResult(), task, ShardResult::merge, treeDepth));
            } finally {
                weights.destroy();
            }
            long t2 = System.nanoTime();
            if (sum.examples != b || sum.gradient == null) {
                throw new IllegalStateException("step " + (step + 1) + " summed " + sum.examples + " examples of " + b);
            }
            applyGradient(params, sum.gradient);
            optimizer.step();
            long t3 = System.nanoTime();

            step++;
            batchInEpoch++;
            long job = t2 - t1;
            StepMetrics m = new StepMetrics(step, epoch, b, sum.loss, sum.correct, t3 - t0, (t1 - t0) + sum.fetchNanos,
                    sum.computeNanos, sum.computeTotalNanos, Math.max(0, job - sum.taskNanos), t3 - t2, gradientBytes);
            metrics.add(m);
            if (listener != null) listener.accept(m);
            if (checkpointEvery > 0 && step % checkpointEvery == 0) {
                try {
                    new Checkpoint(step, epoch, batchInEpoch, order, generator.getState())
                            .save(Checkpoint.file(checkpointDir, step), model, optimizer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (epochListener != null && batchInEpoch == perEpoch) {
                epochListener.epochEnd(epoch, model);
                model.train();
            }
        }
        return new TrainResult(model, optimizer, List.copyOf(metrics));
    }

    /**
     * One epoch's order as {@code iter(DataLoader(..., shuffle, generator=g))} draws it: the base seed
     * (one 64-bit draw), the sampler's permutation, and the permutation its exhausted sampler draws once
     * more when the epoch ends (drawn here at once: the stream is the same at the next epoch).
     */
    private long[] drawOrder(int n, Generator g) {
        if (!shuffle) {
            long[] order = new long[n];
            for (int i = 0; i < n; i++) order[i] = i;
            return order;
        }
        g.random64();
        long[] order = Torch.randperm(n, g).toLongArray();
        Torch.randperm(n, g);
        return order;
    }

    /** The batch's rows, grouped by the partition that holds them, as indices into each partition's block. */
    private static int[][] rowsByPartition(long[] order, int from, int to, long[] offsets) {
        int parts = offsets.length - 1;
        int[] counts = new int[parts];
        int[] partOf = new int[to - from];
        for (int i = from; i < to; i++) {
            int p = Arrays.binarySearch(offsets, order[i]);
            p = p >= 0 ? p : -p - 2;
            while (p < parts - 1 && offsets[p + 1] <= order[i]) p++; // empty partitions share an offset
            partOf[i - from] = p;
            counts[p]++;
        }
        int[][] rows = new int[parts][];
        for (int p = 0; p < parts; p++) rows[p] = new int[counts[p]];
        int[] fill = new int[parts];
        for (int i = from; i < to; i++) {
            int p = partOf[i - from];
            rows[p][fill[p]++] = (int) (order[i] - offsets[p]);
        }
        return rows;
    }

    private static void applyGradient(List<Tensor> params, float[] g) {
        int at = 0;
        for (Tensor p : params) {
            int size = (int) p.numel();
            double[] v = new double[size];
            for (int i = 0; i < size; i++) v[i] = g[at + i];
            p.setGrad(Torch.tensor(v, DType.FLOAT32).reshape(p.shape()));
            at += size;
        }
    }

    /** Spark wraps a task's exception in its own; a bad row is rethrown as itself, with its message. */
    private static <T> T unwrapBadRow(java.util.function.Supplier<T> job) {
        try {
            return job.get();
        } catch (Exception e) { // SparkException is a checked exception Scala throws undeclared
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof BadRowException bad) {
                    BadRowException copy = new BadRowException(bad.partition(), bad.row(), problemOf(bad));
                    copy.initCause(e);
                    throw copy;
                }
            }
            throw e;
        }
    }

    private static String problemOf(BadRowException bad) {
        String m = bad.getMessage();
        String prefix = "bad training row: partition " + bad.partition() + ", row " + bad.row() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
