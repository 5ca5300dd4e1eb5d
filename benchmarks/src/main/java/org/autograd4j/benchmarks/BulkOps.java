package org.autograd4j.benchmarks;

import java.util.concurrent.TimeUnit;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
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
 * Raw kernel throughput, no autograd (inputs do not require grad): elementwise add/mul of 1e6 float32
 * (contiguous, same shape, fresh output each call as {@code a + b}) and a 256×256 float32 {@code mm}.
 * Twins in {@code tools/bench/side_by_side.py}: {@code add_1e6}, {@code mul_1e6}, {@code mm_256}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class BulkOps {
    Tensor a, b, m1, m2;

    @Setup
    public void setup() {
        Torch.manualSeed(0);
        a = Torch.randn(1_000_000);
        b = Torch.randn(1_000_000);
        m1 = Torch.randn(256, 256);
        m2 = Torch.randn(256, 256);
    }

    @Benchmark
    public Tensor add1e6() {
        return a.add(b);
    }

    @Benchmark
    public Tensor mul1e6() {
        return a.mul(b);
    }

    @Benchmark
    public Tensor mm256() {
        return m1.mm(m2);
    }
}
