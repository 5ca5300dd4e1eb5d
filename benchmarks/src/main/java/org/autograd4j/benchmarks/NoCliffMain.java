package org.autograd4j.benchmarks;

import java.util.Arrays;
import java.util.Locale;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * One fresh-JVM sample for {@code tools/bench/no-cliff.sh}: after a short warm-up, times {@code Torch.mm} of two
 * float32 256×256 matrices and an elementwise {@code add} of two float32 vectors of 10⁶ elements, and prints one
 * line {@code sgemm256_us=<median> add1e6_us=<median>} (medians over the timed repeats, in microseconds). A JIT
 * that failed to intrinsify the Vector API in one JVM (a "performance cliff") shows up as an outlier run.
 */
public final class NoCliffMain {
    private NoCliffMain() {
    }

    /**
     * Runs the warm-up and the timed repeats.
     *
     * @param args optional: warm-up seconds (default 2) and timed repeats (default 30)
     */
    public static void main(String[] args) {
        double warmSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Torch.manualSeed(0);
        Tensor a = Torch.randn(256, 256), b = Torch.randn(256, 256);
        Tensor x = Torch.randn(1_000_000), y = Torch.randn(1_000_000);
        long end = System.nanoTime() + (long) (warmSeconds * 1e9);
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += a.mm(b).hashCode();
            sink += x.add(y).hashCode();
        }
        double[] mm = new double[repeats], add = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 10; i++) sink += a.mm(b).hashCode();
            long t1 = System.nanoTime();
            for (int i = 0; i < 10; i++) sink += x.add(y).hashCode();
            long t2 = System.nanoTime();
            mm[r] = (t1 - t0) / 10e3;
            add[r] = (t2 - t1) / 10e3;
        }
        System.out.println(String.format(Locale.ROOT, "sgemm256_us=%.1f add1e6_us=%.1f", median(mm), median(add))
                + (sink == 42 ? " " : ""));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
