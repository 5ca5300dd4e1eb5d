package org.autograd4j.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.kernels.SleefFloat;
import org.autograd4j.kernels.vector.VectorSleefFloat;
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
 * float32 tanh, exp, sigmoid, expm1, log, sin, cos, log1p and erf over 1M and 16M contiguous floats (standard normal inputs): the SLEEF span
 * methods called directly, plain ({@code SleefFloat}) and Vector API ({@code VectorSleefFloat}), into a
 * preallocated output; and {@code Tensor.tanh()} (today's kernel, a fresh output each call). PyTorch's twin:
 * {@code torch.tanh(x)} etc. on the same sizes. Runs on the class path (the shaded jar), where the kernels
 * packages are reachable; the fork adds the incubator module.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class UnaryBench {
    @Param({"1048576", "16777216"})
    int n;

    float[] x;
    float[] o;
    Tensor t;

    @Setup
    public void setup() {
        Random r = new Random(0);
        x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        o = new float[n];
        Torch.manualSeed(0);
        t = Torch.randn(n);
    }

    @Benchmark
    public float[] tanhPlain() {
        SleefFloat.tanh(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] tanhVector() {
        VectorSleefFloat.tanh(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] expPlain() {
        SleefFloat.exp(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] expVector() {
        VectorSleefFloat.exp(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] sigmoidPlain() {
        SleefFloat.sigmoid(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] sigmoidVector() {
        VectorSleefFloat.sigmoid(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] expm1Plain() {
        SleefFloat.expm1(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] expm1Vector() {
        VectorSleefFloat.expm1(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] logPlain() {
        SleefFloat.log(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] logVector() {
        VectorSleefFloat.log(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] sinPlain() {
        SleefFloat.sin(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] sinVector() {
        VectorSleefFloat.sin(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] cosPlain() {
        SleefFloat.cos(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] cosVector() {
        VectorSleefFloat.cos(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] log1pPlain() {
        SleefFloat.log1p(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] log1pVector() {
        VectorSleefFloat.log1p(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] erfPlain() {
        SleefFloat.erf(x, 0, o, 0, n);
        return o;
    }

    @Benchmark
    public float[] erfVector() {
        VectorSleefFloat.erf(x, 0, o, 0, n);
        return o;
    }

    /** The tail path: n − 9 elements, so whole vectors then a short last one (7 lanes at 16 wide) via the padded copy. */
    @Benchmark
    public float[] tanhVectorOddLength() {
        VectorSleefFloat.tanh(x, 0, o, 0, n - 9);
        return o;
    }

    @Benchmark
    public Tensor tensorTanh() {
        return t.tanh();
    }
}
