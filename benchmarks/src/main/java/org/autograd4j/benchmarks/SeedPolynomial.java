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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The seed tutorial's polynomial {@code y = 2x⁴ + x³ + 3x² + 5x + 1} at {@code x = 2} on a 0-d float32
 * tensor. The PyTorch twin ({@code tools/bench/side_by_side.py}, workload {@code seed_polynomial}) runs,
 * per call:
 *
 * <pre>{@code
 * x = torch.tensor(2.0, requires_grad=True)
 * y = 2*x**4 + x**3 + 3*x**2 + 5*x + 1
 * y.backward()
 * }</pre>
 *
 * i.e. a fresh leaf each call (so no grad zeroing), 9 recorded ops forward, 9 nodes + 1 AccumulateGrad
 * backward. {@link #forward} is the same without {@code backward()}, to split the cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SeedPolynomial {

    static Tensor polynomial(Tensor x) {
        return x.pow(4).mul(2).add(x.pow(3)).add(x.pow(2).mul(3)).add(x.mul(5)).add(1);
    }

    /** Forward + backward; returns x.grad (93.) so nothing is dead code. */
    @Benchmark
    public Tensor forwardBackward() {
        Tensor x = Torch.tensor(2.0).requiresGrad_();
        Tensor y = polynomial(x);
        y.backward();
        return x.grad();
    }

    /** Forward only, graph recorded (x requires grad) but never run. */
    @Benchmark
    public Tensor forward() {
        Tensor x = Torch.tensor(2.0).requiresGrad_();
        return polynomial(x);
    }
}
