package org.autograd4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.autograd4j.DType;
import org.autograd4j.Torch;
import org.autograd4j.io.Safetensors;
import org.autograd4j.nn.CrossEntropyLoss;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.ReLU;
import org.autograd4j.nn.Sequential;
import org.autograd4j.optim.SGD;
import org.autograd4j.random.Generator;

/**
 * The scale figures of docs/spark.md: per-step time split into broadcast, compute and aggregate for 1, 2
 * and 4 partitions on {@code local[2]}, for a small and a larger MLP, and one step's job time with the
 * gradients summed by {@code treeAggregate} against a barrier-mode all-gather. Not a test (no assertions;
 * surefire does not pick it up); docs/spark.md shows the command that runs it and the figures it printed.
 */
public final class ScaleFigures {
    private ScaleFigures() {
    }

    static Module small() {
        return new Sequential(new Linear(64, 128), new ReLU(), new Linear(128, 10));
    }

    static Module large() {
        return new Sequential(new Linear(784, 512), new ReLU(), new Linear(512, 512), new ReLU(), new Linear(512, 10));
    }

    static List<Example> data(int n, int d, long seed) {
        Generator g = new Generator(seed);
        float[] x = Torch.randn(new long[] {n, d}, DType.FLOAT32, g).toFloatArray();
        long[] y = Torch.randint(0, 10, new long[] {n}, DType.INT64, g).toLongArray();
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Example.classification(Arrays.copyOfRange(x, i * d, (i + 1) * d), y[i]));
        return out;
    }

    /**
     * Runs the measurements and prints markdown tables.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        int batch = 256, steps = 30, warm = 10;
        try (var jsc = new JavaSparkContext(Fixtures.conf("local[2]", "ScaleFigures"))) {
            // a first pass over everything warms the JIT; the second is printed
            for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                System.out.println("| model | gradient | partitions | step | broadcast | compute (slowest task) | compute (all tasks) | aggregate | optimizer |");
                System.out.println("|---|---|---|---|---|---|---|---|---|");
            }
            for (String name : List.of("small", "large")) {
                SerializableSupplier<Module> models = name.equals("small") ? ScaleFigures::small : ScaleFigures::large;
                List<Example> data = data(2048, name.equals("small") ? 64 : 784, 1);
                for (int p : new int[] {1, 2, 4}) {
                    JavaRDD<Example> rdd = jsc.parallelize(data, p);
                    List<StepMetrics> m = SparkTrainer.of(models, CrossEntropyLoss::new, ps -> new SGD(ps, 0.05))
                            .batchSize(batch).steps(steps).seed(0).fit(rdd).steps().subList(warm, steps);
                    if (pass == 0) continue;
                    System.out.printf("| %s | %.1f KiB | %d | %s | %s | %s | %s | %s | %s |%n", name,
                            m.get(0).gradientBytes() / 1024.0, p, ms(m, StepMetrics::wallNanos),
                            ms(m, StepMetrics::broadcastNanos), ms(m, StepMetrics::computeNanos),
                            ms(m, StepMetrics::computeTotalNanos),
                            ms(m, StepMetrics::aggregateNanos), ms(m, StepMetrics::optimizerNanos));
                }
            }
            }
            System.out.println();
            System.out.println("| model | partitions | treeAggregate job | barrier allGather job |");
            System.out.println("|---|---|---|---|");
            for (String name : List.of("small", "large")) {
                SerializableSupplier<Module> models = name.equals("small") ? ScaleFigures::small : ScaleFigures::large;
                List<Example> data = data(2048, name.equals("small") ? 64 : 784, 1);
                compareReduce(jsc, name, models, data, 2, batch);
            }
        }
    }

    /** One step's job (weights already broadcast), gradient sum by treeAggregate vs barrier allGather. */
    static void compareReduce(JavaSparkContext jsc, String name, SerializableSupplier<Module> models,
                              List<Example> data, int parts, int batch) {
        JavaRDD<Block> blocks = jsc.parallelize(data, parts)
                .mapPartitionsWithIndex((p, it) -> List.of(Block.pack(p, it, -1)).iterator(), true)
                .persist(StorageLevel.MEMORY_ONLY());
        blocks.count();
        Torch.manualSeed(0);
        Module model = models.get();
        int g = model.parameters().stream().mapToInt(t -> (int) t.numel()).sum();
        int per = batch / parts;
        int[][] rows = new int[parts][per];
        for (int p = 0; p < parts; p++) for (int i = 0; i < per; i++) rows[p][i] = i;
        Broadcast<byte[]> w = jsc.broadcast(Safetensors.serialize(model.stateDict(), Map.of()));
        StepTask task = new StepTask("bench-" + name, w, rows, batch, true, g, null, models, CrossEntropyLoss::new);
        long[] tree = new long[15], barrier = new long[15];
        for (int rep = -5; rep < 15; rep++) {
            long t0 = System.nanoTime();
            blocks.treeAggregate(new ShardResult(), task, ShardResult::merge, 2);
            long t1 = System.nanoTime();
            scala.Function1<scala.collection.Iterator<Block>, scala.collection.Iterator<float[]>> allReduce =
                    (scala.Function1<scala.collection.Iterator<Block>, scala.collection.Iterator<float[]>> & java.io.Serializable)
                            it -> scala.jdk.javaapi.CollectionConverters.asScala(barrierSum(task, it.next(), g));
            blocks.rdd().barrier().mapPartitions(allReduce, false, scala.reflect.ClassTag$.MODULE$.apply(float[].class))
                    .collect();
            long t2 = System.nanoTime();
            if (rep >= 0) {
                tree[rep] = t1 - t0;
                barrier[rep] = t2 - t1;
            }
        }
        w.destroy();
        blocks.unpersist(false);
        ModelPool.forget("bench-" + name);
        Arrays.sort(tree);
        Arrays.sort(barrier);
        System.out.printf("| %s | %d | %.1f ms | %.1f ms |%n", name, parts, tree[7] / 1e6, barrier[7] / 1e6);
    }

    /** A barrier task's all-reduce: its gradient to every task with allGather (strings only: base64), summed. */
    static java.util.Iterator<float[]> barrierSum(StepTask task, Block block, int g) {
        ShardResult r = task.call(new ShardResult(), block);
        BarrierTaskContext ctx = BarrierTaskContext.get();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(4 * g);
        bytes.asFloatBuffer().put(r.gradient);
        String[] all = ctx.allGather(Base64.getEncoder().encodeToString(bytes.array()));
        float[] sum = new float[g];
        for (String s : all) {
            float[] v = new float[g];
            java.nio.ByteBuffer.wrap(Base64.getDecoder().decode(s)).asFloatBuffer().get(v);
            for (int i = 0; i < g; i++) sum[i] += v[i];
        }
        return ctx.partitionId() == 0 ? List.of(sum).iterator() : java.util.Collections.emptyIterator();
    }

    private static String ms(List<StepMetrics> m, ToLongFunction<StepMetrics> f) {
        long[] v = m.stream().mapToLong(f).sorted().toArray();
        return String.format("%.1f ms", v[v.length / 2] / 1e6);
    }
}
