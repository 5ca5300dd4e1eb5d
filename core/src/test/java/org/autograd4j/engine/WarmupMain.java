package org.autograd4j.engine;

import java.util.Arrays;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Fresh-JVM warm-up probe: runs one small workload the way a user's script does (same leaves, forward,
 * backward, grad reset) for N iterations, timing every iteration, and prints per-block medians, the total
 * and the point where it reaches within 1.5× of its final speed. Its PyTorch twin is
 * {@code tools/bench/warmup_torch.py}, with the same workloads and output. Run after
 * {@code ./mvnw -q -o -pl core test-compile}:
 * <pre>
 * java --add-modules jdk.incubator.vector -cp core/target/classes:core/target/test-classes \
 *     org.autograd4j.engine.WarmupMain [poly|multistep|rnn|chain] [iterations]
 * </pre>
 * Blocks are iterations [0,1k), [1k,2k), [2k,5k), [5k,10k), [10k,20k), [20k,50k), [50k,100k) for the small
 * workloads (default 100,000 iterations) and the same numbers without the "k" for {@code chain} (10,000
 * steps of {@code y = y*1.0001 + 0.0001}, i.e. 20,000 ops forward and backward, per iteration; default 100).
 * "Final speed" is the median of the last block; "within 1.5×" is the first iteration from which every later
 * window (of a fiftieth of the run) has a median at most 1.5× that. It also prints the main thread's CPU time
 * at the block ends (steadier than wall time when other processes share the cores) and the bytes it allocates
 * per iteration over the second half. {@code -Dwarmup.trace=true} adds the first ten iterations and a median per
 * hundredth of the run; {@code -Dwarmup.live=true} prints those medians as the run goes, so that
 * {@code -XX:+PrintCompilation}'s lines fall between the windows they affect.
 */
public final class WarmupMain {
    private WarmupMain() {
    }

    /** One iteration of a workload; returns something derived from the result so nothing is dead code. */
    interface Step {
        double run();
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        String name = args.length > 0 ? args[0] : "poly";
        Step step = workload(name);
        int unit = name.equals("chain") ? 1 : 1000;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100 * unit;
        long[] t = new long[n];
        double sink = 0;
        // with -Dwarmup.live=true each window's median is printed as it ends, so that -XX:+PrintCompilation's lines
        // fall between the windows they affect
        boolean live = Boolean.getBoolean("warmup.live");
        int w = Math.max(1, n / 100);
        int[] marks = {unit, 2 * unit, 5 * unit, 10 * unit, 20 * unit, 50 * unit, 100 * unit};
        long[] cpu = new long[marks.length];
        int mark = 0;
        long cpu0 = threadCpuNanos();
        long alloc0 = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long a = System.nanoTime();
            sink += step.run();
            t[i] = System.nanoTime() - a;
            if (mark < marks.length && i + 1 == marks[mark]) cpu[mark++] = threadCpuNanos() - cpu0;
            if (i == n / 2) alloc0 = allocatedBytes();
            if (live && (i + 1) % w == 0) System.out.printf("@window %,d-%,d: median %.2f µs%n", i + 1 - w, i + 1, median(t, i + 1 - w, i + 1) / 1e3);
        }
        long end = System.nanoTime();
        long alloc = allocatedBytes() - alloc0;
        report(name, unit, t, (start - t0) / 1e6, (end - start) / 1e6, sink);
        // the main thread's CPU time: less disturbed than wall time when other processes share the cores
        StringBuilder c = new StringBuilder("main-thread cpu ms:");
        for (int k = 0; k < mark; k++) c.append(String.format(" %,d: %.1f", marks[k], cpu[k] / 1e6));
        System.out.println(c);
        System.out.printf("allocated: %,d bytes/iteration over the second half%n", alloc / (n - n / 2 - 1));
        if (Boolean.getBoolean("warmup.trace")) trace(t);
    }

    /** With -Dwarmup.trace=true: the first iterations one by one, then window medians over the run. */
    static void trace(long[] t) {
        int n = t.length;
        StringBuilder first = new StringBuilder("first iterations µs:");
        for (int i = 0; i < Math.min(10, n); i++) first.append(String.format(" %.0f", t[i] / 1e3));
        System.out.println(first);
        int w = Math.max(1, n / 100);
        double cum = 0;
        for (int s = 0; s + w <= n; s += w) {
            for (int i = s; i < s + w; i++) cum += t[i];
            System.out.printf("window %,7d-%,7d: median %8.2f µs, max %9.1f µs, cumulative %8.1f ms%n", s, s + w,
                    median(t, s, s + w) / 1e3, Arrays.stream(t, s, s + w).max().getAsLong() / 1e3, cum / 1e6);
        }
    }

    static Step workload(String name) {
        switch (name) {
            case "poly": {
                // the seed tutorial's polynomial on a 0-d float32 leaf; x.grad reset each time
                Tensor x = Torch.tensor(2.0).requiresGrad_();
                return () -> {
                    Tensor y = x.pow(4).mul(2).add(x.pow(3)).add(x.pow(2).mul(3)).add(x.mul(5)).add(1);
                    y.backward();
                    double g = x.grad().item();
                    x.setGrad(null);
                    return g;
                };
            }
            case "multistep": {
                // out = (2(3x+2)²).mean() on the tutorial's 2×3 leaf
                Tensor x = Torch.tensor(new double[][] {{1., 2, 3}, {3, 2, 1}}).requiresGrad_();
                return () -> {
                    Tensor out = x.mul(3).add(2).pow(2).mul(2).mean();
                    out.backward();
                    double g = x.grad().sum().item();
                    x.setGrad(null);
                    return g;
                };
            }
            case "rnn": {
                // the tutorial's RNN cell: tanh(Wh·hᵀ + Wx·xᵀ + 5).sum()
                Torch.manualSeed(0);
                Tensor wh = Torch.randn(3, 3).requiresGrad_();
                Tensor wx = Torch.randn(3, 2).requiresGrad_();
                Tensor h = Torch.randn(1, 3);
                Tensor x = Torch.randn(1, 2);
                return () -> {
                    Tensor loss = Torch.mm(wh, h.t()).add(Torch.mm(wx, x.t())).add(5).tanh().sum();
                    loss.backward();
                    double g = wh.grad().sum().item() + wx.grad().sum().item();
                    wh.setGrad(null);
                    wx.setGrad(null);
                    return g;
                };
            }
            case "chain": {
                // 10,000 steps of y = y*1.0001 + 0.0001 from a 0-d leaf: 20,000 recorded ops, then backward
                Tensor x = Torch.tensor(1.0).requiresGrad_();
                return () -> {
                    Tensor y = x;
                    for (int k = 0; k < 10_000; k++) y = y.mul(1.0001).add(0.0001);
                    y.backward();
                    double g = x.grad().item();
                    x.setGrad(null);
                    return g;
                };
            }
            default:
                throw new IllegalArgumentException("workload: poly, multistep, rnn or chain; got " + name);
        }
    }

    /**
     * The current thread's CPU time in ns, through java.lang.management found reflectively (the tests are compiled
     * inside the module org.autograd4j, which does not read java.management); -1 where unavailable.
     */
    static long threadCpuNanos() {
        try {
            if (CPU_BEAN == null) return -1;
            return (long) CPU_TIME.invoke(CPU_BEAN);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    /** The current thread's allocated bytes (com.sun.management), reflectively as {@link #threadCpuNanos()}; -1 if unavailable. */
    static long allocatedBytes() {
        try {
            if (CPU_BEAN == null) return -1;
            return (long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes").invoke(CPU_BEAN);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static final Object CPU_BEAN;
    private static final java.lang.reflect.Method CPU_TIME;

    static {
        Object bean = null;
        java.lang.reflect.Method m = null;
        try {
            Class<?> f = Class.forName("java.lang.management.ManagementFactory");
            bean = f.getMethod("getThreadMXBean").invoke(null);
            m = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
        } catch (ReflectiveOperationException | RuntimeException e) {
            bean = null;
        }
        CPU_BEAN = bean;
        CPU_TIME = m;
    }

    static void report(String name, int unit, long[] t, double setupMs, double runMs, double sink) {
        int n = t.length;
        int[] bounds = {0, 1, 2, 5, 10, 20, 50, 100};
        System.out.printf("%s: java %s, %,d iterations, setup %.1f ms, run %.1f ms (mean %.2f µs/iteration), check %s%n",
                name, Runtime.version(), n, setupMs, runMs, runMs * 1e3 / n, sink / n);
        StringBuilder head = new StringBuilder(), row = new StringBuilder();
        double last = Double.NaN;
        for (int b = 0; b + 1 < bounds.length && bounds[b] * unit < n; b++) {
            int lo = bounds[b] * unit, hi = Math.min(bounds[b + 1] * unit, n);
            last = median(t, lo, hi) / 1e3;
            String label = unit == 1000 ? bounds[b] + "k-" + (hi % 1000 == 0 ? hi / 1000 + "k" : String.valueOf(hi))
                    : lo + "-" + hi;
            head.append(String.format("%11s", label));
            row.append(String.format("%11.2f", last));
        }
        System.out.println("block (iterations)   " + head);
        System.out.println("median µs/iteration  " + row);
        // first window start after which every window median stays within 1.5x of the final block's median
        int w = Math.max(1, n / 50);
        int reach = -1;
        for (int s = n - w; s >= 0; s -= w) {
            if (median(t, s, s + w) / 1e3 > 1.5 * last) break;
            reach = s;
        }
        double cum = 0;
        for (int i = 0; i < Math.max(reach, 0); i++) cum += t[i];
        System.out.printf("within 1.5x of final (%.2f µs) from iteration %,d, after %.1f ms of iterations%n", last, reach, cum / 1e6);
        // cumulative time to 1k, 10k (or 10, 100 for chain) iterations, for fresh-process comparisons
        StringBuilder c = new StringBuilder("cumulative ms:");
        double acc = 0;
        int next = 0;
        int[] marks = {unit, 2 * unit, 5 * unit, 10 * unit, 20 * unit, 50 * unit, 100 * unit};
        for (int i = 0; i < n; i++) {
            acc += t[i];
            if (next < marks.length && i + 1 == marks[next]) {
                c.append(String.format(" %,d: %.1f", marks[next], acc / 1e6));
                next++;
            }
        }
        System.out.println(c);
    }

    static double median(long[] t, int lo, int hi) {
        long[] b = Arrays.copyOfRange(t, lo, hi);
        Arrays.sort(b);
        return b.length % 2 == 1 ? b[b.length / 2] : (b[b.length / 2 - 1] + b[b.length / 2]) / 2.0;
    }
}
