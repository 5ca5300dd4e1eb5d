package org.autograd4j.benchmarks;

import java.util.concurrent.TimeUnit;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.kernels.Parallel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matrix products through the API, no autograd: {@code Torch.mm} of two square float32 matrices ({@code sgemm},
 * sizes 8 to 2048) and of two float64 256×256 ({@code dgemm}), each at 1 and 2 intra-op threads. GFLOP/s is
 * {@code 2·n³ / time}. PyTorch twin: {@code torch.mm(a, b)} after {@code torch.set_num_threads(threads)}.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar GemmBench -f 1 -wi 3 -i 5}
 * (the shaded jar runs on the class path, so it can set the thread count on the kernels' pool directly).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBench {
    /** float32 operands, n×n, for {@link #sgemm}. */
    @State(Scope.Thread)
    public static class F32 {
        /** Side of the square matrices. */
        @Param({"8", "64", "256", "1024", "2048"})
        public int n;

        /** Intra-op threads. */
        @Param({"1", "2"})
        public int threads;

        Tensor a, b;

        /** Fresh random operands; the thread count for this trial. */
        @Setup
        public void setup() {
            Parallel.setNumThreads(threads);
            Torch.manualSeed(0);
            a = Torch.randn(n, n);
            b = Torch.randn(n, n);
        }
    }

    /** float64 operands, 256×256, for {@link #dgemm256}. */
    @State(Scope.Thread)
    public static class F64 {
        /** Intra-op threads. */
        @Param({"1", "2"})
        public int threads;

        Tensor a, b;

        /** Fresh random operands; the thread count for this trial. */
        @Setup
        public void setup() {
            Parallel.setNumThreads(threads);
            Torch.manualSeed(0);
            a = Torch.randn(new long[] {256, 256}, DType.FLOAT64);
            b = Torch.randn(new long[] {256, 256}, DType.FLOAT64);
        }
    }

    /**
     * float32 {@code a @ b}, n×n.
     *
     * @param s the float32 operands
     * @return the product
     */
    @Benchmark
    public static Tensor sgemm(F32 s) {
        return s.a.mm(s.b);
    }

    /**
     * float64 {@code a @ b}, 256×256.
     *
     * @param s the float64 operands
     * @return the product
     */
    @Benchmark
    public static Tensor dgemm256(F64 s) {
        return s.a.mm(s.b);
    }
}
