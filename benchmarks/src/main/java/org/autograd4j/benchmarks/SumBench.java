package org.autograd4j.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.kernels.CascadeSum;
import org.autograd4j.kernels.vector.VectorCascadeSum;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sum of 16M (16 * 2^20) float32 values: PyTorch's cascade sum in plain Java ({@code CascadeSum}), in the
 * Vector API ({@code VectorCascadeSum}), and through {@code Tensor.sum()} (whatever the kernels do today).
 * The PyTorch twin is {@code x = torch.rand(16 << 20); x.sum()} at {@code torch.set_num_threads(1)} and (2).
 * The forked JVM resolves {@code jdk.incubator.vector}, so the vector class and the vector kernels load.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SumBench {
    static final int N = 16 << 20;
    float[] x;
    Tensor t;

    @Setup
    public void setup() {
        x = new float[N];
        SplittableRandom r = new SplittableRandom(0);
        for (int i = 0; i < N; i++) x[i] = (float) r.nextDouble();
        Torch.manualSeed(0);
        t = Torch.rand(N);
    }

    @Benchmark
    public float plain() {
        return CascadeSum.sumF32(x, 0, 1, N);
    }

    @Benchmark
    public float vector() {
        return VectorCascadeSum.sumF32(x, 0, 1, N);
    }

    @Benchmark
    public Tensor tensorSum() {
        return t.sum();
    }
}
