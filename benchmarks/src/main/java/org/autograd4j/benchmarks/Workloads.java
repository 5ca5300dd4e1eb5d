package org.autograd4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Every benchmark workload, written once: {@link WorkloadsBench} (JMH) and {@link SideBySide} (the run
 * against PyTorch) both take their bodies from here. Each has a PyTorch twin of the same name in
 * {@code tools/bench/torch_worker.py}, op for op, same shapes, float32, same seed (so the two sides even
 * start from the same numbers, which {@link SideBySide} checks through {@link #fingerprint}). Keep the two
 * files in step when either changes.
 *
 * <p>A workload's setup seeds the default generator with 0 and draws its inputs; its {@link Step} is one
 * call as a user writes it (fresh outputs, grads reset where they would accumulate).
 */
public final class Workloads {
    private Workloads() {
    }

    /** One call of a workload; returns a tensor the call produced, so that nothing is dead code. */
    @FunctionalInterface
    public interface Step {
        /**
         * Runs the call once.
         *
         * @return a tensor the call produced (its value is the workload's result)
         */
        Tensor run();
    }

    /** What a workload measures; decides how {@link SideBySide} reports it. */
    public enum Kind {
        /** Microseconds of autograd overhead: also measured in a fresh JVM, as a user's script sees it. */
        SMALL,
        /** Bulk arithmetic: the warmed time is the figure. */
        BULK
    }

    /**
     * A workload.
     *
     * @param name   the id both sides use (and the JMH {@code workload} parameter)
     * @param title  what the table prints
     * @param kind   small (autograd overhead) or bulk
     * @param target the ratio PyTorch time / autograd4j time this project aims at; NaN when none
     * @param flops  floating-point operations per call for a GFLOP/s figure (sgemm), else 0
     * @param setup  seeds, draws the inputs and returns the call
     */
    public record Workload(String name, String title, Kind kind, double target, double flops, Supplier<Step> setup) {
        /**
         * Seeds the default generator with 0 and builds the call's inputs.
         *
         * @return the call
         */
        public Step newStep() {
            Torch.manualSeed(0);
            return setup.get();
        }
    }

    /** 16M float32 elements (2²⁴) for the bulk element-wise rows. */
    public static final int BIG = 1 << 24;
    /** Matrix sizes of the sgemm rows. */
    static final int[] GEMM_SIZES = {8, 64, 256, 1024, 2048};
    /** MLP: batch, input, hidden, output, learning rate. */
    static final int BATCH = 64, IN = 784, HIDDEN = 256, OUT = 10;
    static final double LR = 0.01;

    private static final List<Workload> ALL = build();

    /**
     * All workloads, in the order {@link SideBySide} runs them (small ones first).
     *
     * @return an unmodifiable list
     */
    public static List<Workload> all() {
        return ALL;
    }

    /**
     * The workload with this name.
     *
     * @param name a {@link Workload#name()}
     * @return the workload
     * @throws IllegalArgumentException when there is none, naming the known ones
     */
    public static Workload byName(String name) {
        for (Workload w : ALL) {
            if (w.name().equals(name)) return w;
        }
        throw new IllegalArgumentException("no workload '" + name + "'; known: " + names());
    }

    /**
     * The names, comma-separated.
     *
     * @return e.g. {@code "seed_poly, seed_multistep, …"}
     */
    public static String names() {
        return String.join(", ", ALL.stream().map(Workload::name).toList());
    }

    /**
     * A result's fingerprint: the float64 sum of its elements and of their absolute values, as the worker's
     * {@code t.double().sum()} and {@code t.double().abs().sum()}. Equal twins give equal fingerprints up to
     * float32 rounding.
     *
     * @param t a result of {@link Step#run()}
     * @return {sum, sum of |x|}
     */
    public static double[] fingerprint(Tensor t) {
        double s = 0, a = 0;
        for (double v : t.toDoubleArray()) {
            s += v;
            a += Math.abs(v);
        }
        return new double[] {s, a};
    }

    // ---- the bodies

    /** {@code 2*x**4 + x**3 + 3*x**2 + 5*x + 1}, as the seed tutorial writes it. */
    static Tensor polynomial(Tensor x) {
        return x.pow(4).mul(2).add(x.pow(3)).add(x.pow(2).mul(3)).add(x.mul(5)).add(1);
    }

    private static List<Workload> build() {
        List<Workload> w = new ArrayList<>();
        // x = torch.tensor(2.0, requires_grad=True); y = 2*x**4 + x**3 + 3*x**2 + 5*x + 1; y.backward(); x.grad
        w.add(new Workload("seed_poly", "seed polynomial 0-d, fwd+bwd", Kind.SMALL, 50, 0, () -> () -> {
            Tensor x = Torch.tensor(2.0).requiresGrad_();
            polynomial(x).backward();
            return x.grad();
        }));
        // x = torch.tensor([[1.,2,3],[3,2,1]], requires_grad=True); y = 3*x+2; z = 2*y**2; z.mean().backward()
        w.add(new Workload("seed_multistep", "seed 2x3 (2(3x+2)^2).mean(), fwd+bwd", Kind.SMALL, 50, 0, () -> () -> {
            Tensor x = Torch.tensor(new double[][] {{1., 2, 3}, {3, 2, 1}}).requiresGrad_();
            Tensor y = x.mul(3).add(2);
            Tensor z = y.pow(2).mul(2);
            z.mean().backward();
            return x.grad();
        }));
        // Wh (3,3), Wx (3,2) require grad, h (1,3), x (1,2); tanh(Wh·hᵀ + Wx·xᵀ + 5).sum().backward()
        w.add(new Workload("seed_rnn", "seed RNN cell tanh(Wh.h'+Wx.x'+5).sum(), fwd+bwd", Kind.SMALL, 50, 0, () -> {
            Tensor wh = Torch.randn(3, 3).requiresGrad_();
            Tensor wx = Torch.randn(3, 2).requiresGrad_();
            Tensor h = Torch.randn(1, 3);
            Tensor x = Torch.randn(1, 2);
            return () -> {
                wh.setGrad(null);
                wx.setGrad(null);
                Tensor loss = Torch.mm(wh, h.t()).add(Torch.mm(wx, x.t())).add(5).tanh().sum();
                loss.backward();
                return wh.grad();
            };
        }));
        // x = torch.tensor(1.0, requires_grad=True); y = x; 10,000 × (y = y*1.0001 + 0.0001); y.backward()
        w.add(new Workload("chain_20k", "20,000-op chain y=y*1.0001+0.0001, fwd+bwd", Kind.SMALL, 50, 0, () -> () -> {
            Tensor x = Torch.tensor(1.0).requiresGrad_();
            Tensor y = x;
            for (int i = 0; i < 10_000; i++) y = y.mul(1.0001).add(0.0001);
            y.backward();
            return x.grad();
        }));
        w.add(new Workload("mlp", "MLP 784-256-10 b64, fwd+bwd+SGD", Kind.BULK, 1.5, 0, Workloads::mlp));
        for (int n : GEMM_SIZES) {
            double target = n == 8 ? 10 : n == 64 ? 1.5 : 0.9;
            w.add(new Workload("sgemm_" + n, String.format(Locale.ROOT, "sgemm %d^2", n), Kind.BULK, target,
                    2.0 * n * n * n, () -> {
                        Tensor a = Torch.randn(n, n);
                        Tensor b = Torch.randn(n, n);
                        return () -> a.mm(b);
                    }));
        }
        w.add(new Workload("tanh_16M", "tanh 16M", Kind.BULK, 3, 0, () -> {
            Tensor a = Torch.randn(BIG);
            return a::tanh;
        }));
        w.add(new Workload("add_16M", "add 16M (fresh output)", Kind.BULK, 1, 0, () -> {
            Tensor a = Torch.randn(BIG);
            Tensor b = Torch.randn(BIG);
            return () -> a.add(b);
        }));
        // torch.add(a, b, out=c) on both sides: the kernel writes c's storage, no fresh 64 MB result
        w.add(new Workload("add_16M_out", "add 16M (out=c)", Kind.BULK, 1, 0, () -> {
            Tensor a = Torch.randn(BIG);
            Tensor b = Torch.randn(BIG);
            Tensor c = Torch.empty(BIG);
            return () -> Torch.add(a, b, c);
        }));
        w.add(new Workload("add__16M", "add_ 16M (in place)", Kind.BULK, Double.NaN, 0, () -> {
            Tensor a = Torch.randn(BIG);
            Tensor b = Torch.randn(BIG);
            return () -> a.add_(b);
        }));
        w.add(new Workload("softmax", "softmax 256x1000 dim 1, fwd+bwd", Kind.BULK, 1.5, 0, () -> softmax(false)));
        w.add(new Workload("log_softmax", "logSoftmax 256x1000 dim 1, fwd+bwd", Kind.BULK, 1.5, 0, () -> softmax(true)));
        w.add(new Workload("sum_16M", "sum 16M", Kind.BULK, 1, 0, () -> {
            Tensor a = Torch.randn(BIG);
            return a::sum;
        }));
        return List.copyOf(w);
    }

    /**
     * One SGD step of a 784→256→10 MLP on a batch of 64, PyTorch's
     * <pre>{@code
     * h = x.mm(w1).add(b1).relu(); logits = h.mm(w2).add(b2)
     * loss = logits.log_softmax(1).gather(1, target).mean().neg()     # F.nll_loss(log_softmax) as ops
     * loss.backward()
     * with torch.no_grad():
     *     for p in params: p.sub_(p.grad.mul(lr)); p.grad = None
     * }</pre>
     * The weights keep training across calls, on both sides; lr is small, so the values stay sane.
     */
    private static Step mlp() {
        Tensor x = Torch.randn(BATCH, IN);
        long[][] t = new long[BATCH][1];
        for (int i = 0; i < BATCH; i++) t[i][0] = (i * 7L) % OUT;
        Tensor target = Torch.tensor(t);
        Tensor w1 = Torch.randn(IN, HIDDEN).mul(0.01).requiresGrad_();
        Tensor b1 = Torch.zeros(HIDDEN).requiresGrad_();
        Tensor w2 = Torch.randn(HIDDEN, OUT).mul(0.01).requiresGrad_();
        Tensor b2 = Torch.zeros(OUT).requiresGrad_();
        Tensor[] params = {w1, b1, w2, b2};
        if (x.dtype() != DType.FLOAT32) throw new IllegalStateException("expected float32");
        return () -> {
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
        };
    }

    /** x (256, 1000) requires grad, a fixed upstream gradient g; {@code x.softmax(1).backward(g)}. */
    private static Step softmax(boolean log) {
        Tensor x = Torch.randn(256, 1000).requiresGrad_();
        Tensor g = Torch.randn(256, 1000);
        return () -> {
            x.setGrad(null);
            Tensor y = log ? x.logSoftmax(1) : x.softmax(1);
            y.backward(g);
            return x.grad();
        };
    }
}
