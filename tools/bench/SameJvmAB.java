import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A/B of two builds of the benchmarks jar in one JVM, for a machine shared with other work: each jar gets a class
 * loader of its own (so each build has its own classes, statics and JIT profiles), and the two run one workload in
 * alternating slices, A then B, then B then A, so that load from elsewhere falls on both alike. Each slice is timed
 * in the thread's CPU time (time-slicing by the scheduler left out; GC threads' work is left out too, so compare
 * allocation with JMH's {@code -prof gc}), and the figure to read is the median over rounds of B's slice over A's.
 *
 * <p>Usage (JDK 25, from the repository root):
 * {@code java --add-modules jdk.incubator.vector -Xms2g tools/bench/SameJvmAB.java A.jar B.jar WORKLOAD [ROUNDS [MS]]},
 * e.g. a copy of {@code benchmarks/target/benchmarks.jar} from before a change against the one after it; WORKLOAD is a
 * name from {@code ./autograd4j bench --list}; ROUNDS defaults to 40, MS (milliseconds per slice) to 200.
 */
public class SameJvmAB {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Runs the A/B and prints both sides' medians and the per-round ratio's quartiles.
     *
     * @param args A.jar B.jar WORKLOAD [ROUNDS [MS]]
     * @throws Exception when a jar or the workload cannot be loaded
     */
    public static void main(String[] args) throws Exception {
        String workload = args[2];
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        long slice = (args.length > 4 ? Long.parseLong(args[4]) : 200) * 1_000_000L;
        Object[] steps = new Object[2];
        Method[] runs = new Method[2];
        for (int i = 0; i < 2; i++) {
            URLClassLoader cl = new URLClassLoader(new URL[] {Path.of(args[i]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Object w = cl.loadClass("org.autograd4j.benchmarks.Workloads").getMethod("byName", String.class).invoke(null, workload);
            steps[i] = w.getClass().getMethod("newStep").invoke(w);
            runs[i] = cl.loadClass("org.autograd4j.benchmarks.Workloads$Step").getMethod("run");
        }
        double[][] cpu = new double[2][rounds];
        Object sink = null;
        for (int r = -3; r < rounds; r++) { // three rounds of warm-up
            for (int k = 0; k < 2; k++) {
                int i = (r & 1) == 0 ? k : 1 - k;
                long n = 0, t0 = System.nanoTime(), c0 = THREADS.getCurrentThreadCpuTime();
                do {
                    sink = runs[i].invoke(steps[i]);
                    n++;
                } while (System.nanoTime() - t0 < slice);
                if (r >= 0) cpu[i][r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e3 / n;
            }
        }
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) ratio[r] = cpu[1][r] / cpu[0][r];
        for (int i = 0; i < 2; i++) {
            double[] s = cpu[i].clone();
            Arrays.sort(s);
            System.out.printf("%s %s: median %.3f us (thread CPU time per call), p25 %.3f%n", workload, args[i], s[rounds / 2], s[rounds / 4]);
        }
        Arrays.sort(ratio);
        System.out.printf("%s B/A: median %.3f, p25 %.3f, p75 %.3f over %d rounds%n", workload, ratio[rounds / 2], ratio[rounds / 4],
                ratio[3 * rounds / 4], rounds);
        if (sink == null) System.out.println("(no result)");
    }
}
