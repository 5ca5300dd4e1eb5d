package org.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.data.DataLoader;
import org.autograd4j.data.TensorDataset;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.Loss;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.Sequential;
import org.autograd4j.nn.Tanh;
import org.autograd4j.optim.Optimizer;
import org.autograd4j.random.Generator;

/** Shared test data and models: a small MLP classifier on generated, noisy, linearly separable-ish data. */
final class Fixtures {
    static final int FEATURES = 4;
    static final int CLASSES = 3;

    private Fixtures() {
    }

    /** A 4 → 8 → 3 MLP (PyTorch's default init from the default generator). */
    static Module mlp() {
        return new Sequential(new Linear(FEATURES, 8), new Tanh(), new Linear(8, CLASSES));
    }

    /** {@code n} examples: x ~ N(0, 1)^4, label = argmax(x·W) for a fixed W, with 10% labels flipped. */
    static List<Example> classification(int n, long seed) {
        Generator g = new Generator(seed);
        float[] x = Torch.randn(new long[] {n, FEATURES}, DType.FLOAT32, g).toFloatArray();
        float[] w = Torch.randn(new long[] {FEATURES, CLASSES}, DType.FLOAT32, g).toFloatArray();
        float[] flip = Torch.rand(new long[] {n}, DType.FLOAT32, g).toFloatArray();
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] row = new float[FEATURES];
            System.arraycopy(x, i * FEATURES, row, 0, FEATURES);
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < CLASSES; c++) {
                double s = 0;
                for (int j = 0; j < FEATURES; j++) s += row[j] * w[j * CLASSES + c];
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            out.add(Example.classification(row, flip[i] < 0.1 ? (best + 1) % CLASSES : best));
        }
        return out;
    }

    /** The examples as a TensorDataset (x float32 [n, d], y int64 [n]) for the single-process reference. */
    static TensorDataset dataset(List<Example> examples) {
        int n = examples.size();
        double[] x = new double[n * FEATURES];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES; j++) x[i * FEATURES + j] = examples.get(i).features()[j];
            y[i] = examples.get(i).label();
        }
        return new TensorDataset(Torch.tensor(x, DType.FLOAT32).reshape(n, FEATURES), Torch.tensor(y));
    }

    /** What one process does: manual_seed, build, a DataLoader with a seeded generator, {@code steps} steps. */
    record Reference(Module model, List<Double> losses) {
    }

    static Reference singleProcess(List<Example> examples, SerializableSupplier<? extends Module> models,
                                   SerializableSupplier<? extends Loss> losses,
                                   java.util.function.Function<List<Tensor>, ? extends Optimizer> optimizers,
                                   int batchSize, long steps, long seed) {
        Torch.manualSeed(seed);
        Module model = models.get();
        Loss loss = losses.get();
        Optimizer opt = optimizers.apply(model.parameters());
        var loader = DataLoader.of(dataset(examples), batchSize).shuffle(true).generator(new Generator(seed));
        List<Double> trace = new ArrayList<>();
        while (trace.size() < steps) {
            for (List<Tensor> batch : loader) {
                if (trace.size() == steps) break;
                opt.zeroGrad();
                Tensor l = loss.call(model.call(batch.get(0)), batch.get(1));
                l.backward();
                opt.step();
                trace.add(l.item());
            }
        }
        return new Reference(model, trace);
    }

    static SparkConf conf(String master, String app) {
        return new SparkConf().setMaster(master).setAppName(app)
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.sql.shuffle.partitions", "4");
    }

    /** max |a − b| / max |b| over each tensor of the state dict is at most {@code rtol}. */
    static void assertCloseWeights(Module expected, Module actual, double rtol) {
        Map<String, Tensor> e = expected.stateDict(), a = actual.stateDict();
        assertEquals(e.keySet(), a.keySet());
        for (String k : e.keySet()) {
            float[] x = e.get(k).toFloatArray(), y = a.get(k).toFloatArray();
            double diff = 0, scale = 0;
            for (int i = 0; i < x.length; i++) {
                diff = Math.max(diff, Math.abs(x[i] - y[i]));
                scale = Math.max(scale, Math.abs(x[i]));
            }
            assertTrue(diff <= rtol * scale, k + ": max diff " + diff + " vs scale " + scale);
        }
    }

    static void assertCloseLosses(List<Double> expected, List<StepMetrics> actual, double rtol) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i), a = actual.get(i).loss();
            assertTrue(Math.abs(e - a) <= rtol * Math.abs(e), "step " + (i + 1) + ": loss " + a + " vs " + e);
        }
    }

    static void assertSameWeights(Module expected, Module actual) {
        Map<String, Tensor> e = expected.stateDict(), a = actual.stateDict();
        assertEquals(e.keySet(), a.keySet());
        for (String k : e.keySet()) {
            assertTrue(java.util.Arrays.equals(e.get(k).toFloatArray(), a.get(k).toFloatArray()), k + " differs");
        }
    }
}
