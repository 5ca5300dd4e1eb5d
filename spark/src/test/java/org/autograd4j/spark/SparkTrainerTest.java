package org.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.CrossEntropyLoss;
import org.autograd4j.nn.Loss;
import org.autograd4j.optim.Adam;
import org.autograd4j.optim.SGD;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SparkTrainer on an embedded {@code local[2,4]} Spark (two task threads, a failed task tried up to 4 times):
 * the data-parallel trajectory against one process's, a task failure mid-step, checkpoint and resume, bad rows.
 */
class SparkTrainerTest {
    private static SparkSession spark;
    private static JavaSparkContext jsc;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().config(Fixtures.conf("local[2,4]", "SparkTrainerTest")).getOrCreate();
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    private static SparkTrainer sgd(int batch, long steps) {
        return SparkTrainer.of(Fixtures::mlp, CrossEntropyLoss::new, ps -> new SGD(ps, 0.2).momentum(0.9))
                .batchSize(batch).steps(steps).seed(7);
    }

    @Test
    void twentyStepsOnTwoAndFourPartitionsFollowTheSingleProcessTrajectory() {
        // 100 examples, batch 16: 7 batches an epoch (the last of 4), so 20 steps cross two epoch boundaries
        // and the shards of a shuffled batch are unequal: the n_p / B scaling is exercised
        List<Example> data = Fixtures.classification(100, 1);
        var ref = Fixtures.singleProcess(data, Fixtures::mlp, CrossEntropyLoss::new,
                ps -> new SGD(ps, 0.2).momentum(0.9), 16, 20, 7);
        for (int partitions : new int[] {2, 4}) {
            TrainResult r = sgd(16, 20).fit(jsc.parallelize(data, partitions));
            assertEquals(20, r.steps().size());
            assertEquals(4, r.steps().get(6).batchSize(), "the epoch's last batch");
            Fixtures.assertCloseLosses(ref.losses(), r.steps(), 1e-5);
            Fixtures.assertCloseWeights(ref.model(), r.model(), 1e-5);
            for (StepMetrics m : r.steps()) {
                assertEquals(4L * (4 * 8 + 8 + 8 * 3 + 3), m.gradientBytes(), "float32 gradient of the 4-8-3 MLP");
                assertTrue(m.computeNanos() > 0 && m.broadcastNanos() > 0 && m.optimizerNanos() > 0, m.toString());
                assertTrue(m.computeTotalNanos() >= m.computeNanos(), m.toString());
                assertTrue(m.wallNanos() >= m.computeNanos() + m.optimizerNanos(), m.toString());
            }
            assertEquals(2, r.steps().get(19).epoch(), "steps 15-20 are the third epoch's");
        }
        assertTrue(ref.losses().get(19) < ref.losses().get(0), "it learns: " + ref.losses());
    }

    @Test
    void examplesFromATensorDatasetTrainAsTheExamplesThemselves() {
        List<Example> data = Fixtures.classification(24, 6);
        var ds = Fixtures.dataset(data);
        List<Example> back = Example.listOf(ds.tensors().get(0), ds.tensors().get(1));
        assertEquals(24, back.size());
        for (int i = 0; i < 24; i++) {
            assertTrue(java.util.Arrays.equals(data.get(i).features(), back.get(i).features()));
            assertEquals(data.get(i).label(), back.get(i).label());
            assertTrue(back.get(i).isClassification());
        }
        Example r = Example.listOf(ds.tensors().get(0), ds.tensors().get(0).narrow(1, 0, 2)).get(3);
        assertTrue(!r.isClassification() && r.target().length == 2 && r.target()[1] == data.get(3).features()[1]);
        var e = assertThrows(IllegalArgumentException.class, () -> Example.listOf(ds.tensors().get(0), Torch.zeros(3)));
        assertEquals("Size mismatch between tensors", e.getMessage());
    }

    /** Fails the first attempt of partition 1's task in the third step (armed per run). */
    static final class FlakyLoss extends Loss {
        static final AtomicBoolean ARMED = new AtomicBoolean();
        static final AtomicInteger PARTITION_ONE_CALLS = new AtomicInteger();
        static final AtomicInteger FAILURES = new AtomicInteger();
        static final AtomicInteger RETRIES_SEEN = new AtomicInteger();
        private final CrossEntropyLoss inner = new CrossEntropyLoss();

        FlakyLoss() {
            super("mean");
        }

        @Override
        public Tensor forward(Tensor input, Tensor target) {
            TaskContext tc = TaskContext.get();
            if (ARMED.get() && tc != null && tc.partitionId() == 1) {
                if (tc.attemptNumber() > 0) RETRIES_SEEN.incrementAndGet();
                if (PARTITION_ONE_CALLS.incrementAndGet() == 3 && tc.attemptNumber() == 0) {
                    FAILURES.incrementAndGet();
                    throw new IllegalStateException("injected executor failure in the middle of step 3");
                }
            }
            return inner.forward(input, target);
        }
    }

    @Test
    void aTaskFailedMidStepIsRetriedAndTheStepIsUnchanged() {
        List<Example> data = Fixtures.classification(64, 2);
        var clean = SparkTrainer.of(Fixtures::mlp, FlakyLoss::new, ps -> new SGD(ps, 0.2)).batchSize(16).steps(6).seed(3)
                .fit(jsc.parallelize(data, 2));
        FlakyLoss.PARTITION_ONE_CALLS.set(0);
        FlakyLoss.ARMED.set(true);
        TrainResult faulty;
        try {
            faulty = SparkTrainer.of(Fixtures::mlp, FlakyLoss::new, ps -> new SGD(ps, 0.2)).batchSize(16).steps(6).seed(3)
                    .fit(jsc.parallelize(data, 2));
        } finally {
            FlakyLoss.ARMED.set(false);
        }
        assertEquals(1, FlakyLoss.FAILURES.get(), "one injected failure");
        assertTrue(FlakyLoss.RETRIES_SEEN.get() >= 1, "Spark ran the failed task again");
        // two partitions: the sum of two shard gradients is the same in either order, so bit for bit
        Fixtures.assertSameWeights(clean.model(), faulty.model());
        for (int i = 0; i < 6; i++) assertEquals(clean.steps().get(i).loss(), faulty.steps().get(i).loss());
    }

    @Test
    void aRunResumedFromACheckpointEndsWhereTheUninterruptedRunEnds(@TempDir Path dir) throws Exception {
        List<Example> data = Fixtures.classification(80, 3);
        JavaRDD<Example> rdd = jsc.parallelize(data, 2);
        var full = SparkTrainer.of(Fixtures::mlp, CrossEntropyLoss::new, ps -> new Adam(ps, 0.01))
                .batchSize(12).steps(10).seed(5).checkpointEvery(4, dir).fit(rdd);
        Path four = SparkTrainer.checkpointFile(dir, 4);
        assertTrue(Files.exists(four) && Files.exists(SparkTrainer.checkpointFile(dir, 8)));
        // a new trainer, as after a crash: restarts from step 4 (epoch 0's batch 4 of 7) and runs to step 10
        var resumed = SparkTrainer.of(Fixtures::mlp, CrossEntropyLoss::new, ps -> new Adam(ps, 0.01))
                .batchSize(12).steps(10).seed(5).resumeFrom(four).fit(rdd);
        assertEquals(6, resumed.steps().size());
        assertEquals(5, resumed.steps().get(0).step());
        for (int i = 0; i < 6; i++) assertEquals(full.steps().get(4 + i).loss(), resumed.steps().get(i).loss());
        Fixtures.assertSameWeights(full.model(), resumed.model());
        assertEquals(full.optimizer().stateDict().toString(), resumed.optimizer().stateDict().toString());
    }

    @Test
    void aBadRowIsNamedByPartitionAndRow() {
        StructType schema = new StructType()
                .add("features", DataTypes.createArrayType(DataTypes.FloatType))
                .add("label", DataTypes.IntegerType);
        List<Row> rows = new ArrayList<>();
        for (Example e : Fixtures.classification(20, 4)) {
            rows.add(RowFactory.create(e.features(), (int) e.label()));
        }
        Dataset<Row> good = spark.createDataFrame(jsc.parallelize(rows, 2), schema);
        TrainResult ok = sgd(8, 3).fit(good, "features", "label");
        TrainResult same = sgd(8, 3).fit(jsc.parallelize(Fixtures.classification(20, 4), 2));
        Fixtures.assertSameWeights(same.model(), ok.model());

        rows.set(13, RowFactory.create(new float[] {1, 2, 3}, 1)); // partition 1 holds rows 10..19
        Dataset<Row> bad = spark.createDataFrame(jsc.parallelize(rows, 2), schema);
        var e = assertThrows(BadRowException.class, () -> sgd(8, 3).fit(bad, "features", "label"));
        assertEquals("bad training row: partition 1, row 3: 3 features where 4 were expected", e.getMessage());
        assertEquals(1, e.partition());
        assertEquals(3, e.row());

        List<Example> nan = new ArrayList<>(Fixtures.classification(20, 4));
        nan.set(4, Example.classification(new float[] {0, Float.NaN, 0, 0}, 0));
        var e2 = assertThrows(BadRowException.class, () -> sgd(8, 3).fit(jsc.parallelize(nan, 2)));
        assertEquals("bad training row: partition 0, row 4: feature 1 is NaN", e2.getMessage());

        rows.set(13, RowFactory.create(null, 1));
        var e3 = assertThrows(BadRowException.class,
                () -> sgd(8, 3).fit(spark.createDataFrame(jsc.parallelize(rows, 2), schema), "features", "label"));
        assertEquals("bad training row: partition 1, row 3: the features array is null", e3.getMessage());
    }
}
