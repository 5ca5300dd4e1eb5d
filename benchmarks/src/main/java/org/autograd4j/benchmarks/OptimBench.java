package org.autograd4j.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.optim.Adagrad;
import org.autograd4j.optim.Adam;
import org.autograd4j.optim.AdamW;
import org.autograd4j.optim.Optimizer;
import org.autograd4j.optim.RMSprop;
import org.autograd4j.optim.SGD;
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
 * One optimizer step over the MLP workload's parameters (784×256, 256, 256×10, 10, float32) with fixed gradients:
 * {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar OptimBench -prof gc}. The
 * updates are PyTorch's fused {@code add_(g, alpha)}, {@code addcmul_}, {@code addcdiv_}, written in place; the
 * allocation per step ({@code gc.alloc.rate.norm}) is what PyTorch's single-tensor loop allocates too (SGD's
 * weight-decayed gradient, Adam's denominator).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class OptimBench {
    /** The optimizer: sgd (momentum 0.9, weight decay 1e-4), adam, adamw, rmsprop, adagrad. */
    @Param({"sgd", "adam", "adamw", "rmsprop", "adagrad"})
    public String opt;

    private Optimizer optimizer;

    /** Parameters and gradients from a fixed seed. */
    @Setup
    public void setup() {
        Torch.manualSeed(0);
        List<Tensor> ps = List.of(Torch.randn(784, 256).requiresGrad_(), Torch.randn(256).requiresGrad_(),
                Torch.randn(256, 10).requiresGrad_(), Torch.randn(10).requiresGrad_());
        for (Tensor p : ps) p.setGrad(Torch.randn(p.shape()).mul(0.01));
        optimizer = switch (opt) {
            case "sgd" -> new SGD(ps, 0.01).momentum(0.9).weightDecay(1e-4);
            case "adam" -> new Adam(ps, 1e-3);
            case "adamw" -> new AdamW(ps, 1e-3);
            case "rmsprop" -> new RMSprop(ps, 1e-3);
            case "adagrad" -> new Adagrad(ps, 0.01);
            default -> throw new IllegalArgumentException(opt);
        };
    }

    /** One {@code optimizer.step()}. */
    @Benchmark
    public void step() {
        optimizer.step();
    }
}
