package org.autograd4j.benchmarks;

import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every {@link Workloads workload} under JMH, one fork per workload (so each call site sees one body):
 * {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar WorkloadsBench
 * -p workload=seed_poly,mlp}. The same bodies run against PyTorch in {@link SideBySide}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class WorkloadsBench {
    /** The {@link Workloads.Workload#name()} to run. */
    @Param({"seed_poly", "seed_multistep", "seed_rnn", "chain_20k", "mlp", "sgemm_8", "sgemm_64", "sgemm_256",
            "sgemm_1024", "sgemm_2048", "tanh_16M", "add_16M", "add__16M", "softmax", "log_softmax", "sum_16M"})
    public String workload;

    private Workloads.Step step;

    /** Seeds, draws the workload's inputs. */
    @Setup
    public void setup() {
        step = Workloads.byName(workload).newStep();
    }

    /**
     * One call of the workload.
     *
     * @param bh JMH's sink for the result
     */
    @Benchmark
    public void call(Blackhole bh) {
        bh.consume(step.run());
    }
}
