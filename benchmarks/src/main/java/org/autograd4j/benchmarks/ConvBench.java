package org.autograd4j.benchmarks;

import java.util.concurrent.TimeUnit;

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
 * A float32 3×3 convolution, stride 1, padding 1 ({@code F.conv2d(x, w, b, 1, 1)}), of a {@code [batch, c, 32, 32]}
 * input with {@code c} output channels: forward only, and forward plus backward to input, weight and bias. The
 * forward is im2col plus one GEMM of {@code [c, 9c] @ [9c, 1024]} per image (2·9c²·1024 flops each), so it should
 * run near {@link GemmBench}'s GFLOP/s for that shape less the im2col copy (a few percent at c = 64). PyTorch
 * twin: the same call after {@code torch.set_num_threads(threads)} (mkldnn).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar ConvBench -f 1 -wi 3 -i 5}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ConvBench {
    /** Input, filters and bias. */
    @State(Scope.Thread)
    public static class Conv {
        /** Images per batch. */
        @Param({"1", "8"})
        public int batch;

        /** Input and output channels. */
        @Param({"16", "64"})
        public int channels;

        /** Intra-op threads. */
        @Param({"1", "2"})
        public int threads;

        Tensor x, w, b;

        /** Fresh random operands; the thread count for this trial. */
        @Setup
        public void setup() {
            Parallel.setNumThreads(threads);
            Torch.manualSeed(0);
            x = Torch.randn(batch, channels, 32, 32).requiresGrad_();
            w = Torch.randn(channels, channels, 3, 3).requiresGrad_();
            b = Torch.randn(channels).requiresGrad_();
        }
    }

    /**
     * The forward pass without a graph.
     *
     * @param s the operands
     * @return the output
     */
    @Benchmark
    public Tensor forward(Conv s) {
        try (var ignored = Torch.noGrad()) {
            return Torch.conv2d(s.x, s.w, s.b, new int[] {1}, new int[] {1}, new int[] {1}, 1);
        }
    }

    /**
     * Forward, then backward of the sum to the input, weight and bias.
     *
     * @param s the operands
     * @return the input's gradient
     */
    @Benchmark
    public Tensor forwardBackward(Conv s) {
        s.x.setGrad(null);
        s.w.setGrad(null);
        s.b.setGrad(null);
        Torch.conv2d(s.x, s.w, s.b, new int[] {1}, new int[] {1}, new int[] {1}, 1).sum().backward();
        return s.x.grad();
    }
}
