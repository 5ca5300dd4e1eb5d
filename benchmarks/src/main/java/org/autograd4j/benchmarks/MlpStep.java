package org.autograd4j.benchmarks;

import java.util.concurrent.TimeUnit;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One SGD training step of a 784→128→10 MLP on a batch of 64 (float32), the baseline for the SIMD/GEMM
 * work. Mirrors {@code tools/bench/side_by_side.py} workload {@code mlp_step}:
 *
 * <pre>{@code
 * h = x.mm(w1).add(b1).relu()
 * logits = h.mm(w2).add(b2)
 * loss = logits.log_softmax(1).gather(1, target).mean().neg()
 * loss.backward()
 * with torch.no_grad():
 *     for p in params: p.sub_(p.grad.mul(lr)); p.grad = None
 * }</pre>
 *
 * The weights keep training across calls (as the PyTorch side's do); lr is small, so the values stay sane.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class MlpStep {
    static final int BATCH = 64, IN = 784, HIDDEN = 128, OUT = 10;
    static final double LR = 0.01;

    Tensor x, target, w1, b1, w2, b2;
    Tensor[] params;

    @Setup(Level.Trial)
    public void setup() {
        Torch.manualSeed(0);
        x = Torch.randn(BATCH, IN);
        long[][] t = new long[BATCH][1];
        for (int i = 0; i < BATCH; i++) t[i][0] = (i * 7L) % OUT;
        target = Torch.tensor(t);
        w1 = Torch.randn(IN, HIDDEN).mul(0.01).requiresGrad_();
        b1 = Torch.zeros(HIDDEN).requiresGrad_();
        w2 = Torch.randn(HIDDEN, OUT).mul(0.01).requiresGrad_();
        b2 = Torch.zeros(OUT).requiresGrad_();
        params = new Tensor[] {w1, b1, w2, b2};
        if (x.dtype() != DType.FLOAT32) throw new IllegalStateException("expected float32");
    }

    @Benchmark
    public Tensor trainStep() {
        Tensor h = x.mm(w1).add(b1).relu();
        Tensor logits = h.mm(w2).add(b2);
        Tensor loss = logits.logSoftmax(1).gather(1, target).mean().neg();
        loss.backward();
        try (var _ = Torch.noGrad()) {
            for (Tensor p : params) {
                p.sub_(p.grad().mul(LR));
                p.setGrad(null);
            }
        }
        return loss;
    }
}
