package org.autograd4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.autograd4j.Torch;
import org.autograd4j.benchmarks.Workloads.Kind;
import org.autograd4j.benchmarks.Workloads.Step;
import org.autograd4j.benchmarks.Workloads.Workload;

/**
 * {@code ./autograd4j bench [--quick] [filter...]}: every {@link Workloads workload} against its PyTorch twin,
 * side by side on this machine, printed as one table.
 *
 * <p>One JVM runs all of autograd4j's side; a long-lived Python worker ({@code tools/bench/torch_worker.py})
 * runs PyTorch's. For each workload both sides warm up, then run in rounds, interleaved (autograd4j's round,
 * then PyTorch's with 1 thread, then with 2), so that both see the same machine state; each figure is the
 * median over rounds of the time per call. Each column is that side's better thread setting: the bulk rows
 * run autograd4j's rounds at its default threads and at 1 as well (the small graphs run on one thread anyway). The small (autograd-overhead) workloads are also run in a fresh JVM each, reporting the
 * median time per call over the first 2 seconds or 20,000 calls: what a user's script sees, before the JIT
 * has finished. The large sgemm rows are run again with the optional system BLAS ({@code _blas} rows: a child
 * JVM with {@code -Dautograd4j.blas=openblas}, served over a pipe and interleaved like the rest). The last row is
 * the wall time of {@code ./autograd4j tutorial} against {@code python3} running the same steps
 * ({@code tools/bench/tutorial_twin.py}).
 *
 * <p>Arguments: {@code --quick} (fewer, shorter rounds), {@code --list}, and words that select the
 * workloads whose name contains one of them ({@code tutorial} and {@code peak} select those rows).
 * System properties: {@code autograd4j.root} (the repository, for the worker and the tutorial; the launcher
 * sets it), {@code autograd4j.python} (the interpreter; default {@code $PYTHON}, else
 * {@code /usr/bin/python3}).
 */
public final class SideBySide {
    private SideBySide() {
    }

    /** How long to measure: {@link #QUICK} or {@link #FULL}. */
    record Settings(String name, double warmSeconds, long roundNs, int rounds, double budgetSeconds,
                    double freshSeconds, int freshCalls, int tutorialRuns) {
    }

    static final Settings QUICK = new Settings("quick", 1.5, 60_000_000L, 5, 3, 2.0, 20_000, 3);
    static final Settings FULL = new Settings("full", 3.0, 250_000_000L, 15, 20, 2.0, 20_000, 7);
    /** The pause after PyTorch's rounds, so its spinning threads park before autograd4j's next round. */
    static final long SETTLE_MS = 150;

    private static void settle() {
        try {
            Thread.sleep(SETTLE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The workloads that also get a row with the system BLAS, named with {@link #BLAS_SUFFIX} for the filter. */
    static final List<String> BLAS_ROWS = List.of("sgemm_256", "sgemm_1024", "sgemm_2048");
    static final String BLAS_SUFFIX = "_blas";

    /** autograd4j's default intra-op threads (all processors), before any round changes them. */
    static final int DEFAULT_THREADS = Torch.getNumThreads();

    /** Fewer rounds than this make no median worth printing, whatever the budget says. */
    static final int MIN_ROUNDS = 3;

    private static volatile Object sink;

    /**
     * Runs the comparison and prints the table on stdout (progress on stderr).
     *
     * @param args {@code [--quick] [--list] [filter...]}; {@code --fresh NAME SECONDS CALLS} is the child mode
     *             that measures one workload in a fresh JVM
     * @throws Exception when a child process cannot be run
     */
    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalArgumentException e) { // a usage error: say so, no stack trace
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("--fresh")) {
            fresh(Workloads.byName(args[1]), Double.parseDouble(args[2]), Integer.parseInt(args[3]));
            return;
        }
        if (args.length == 2 && args[0].equals("--serve")) {
            serve(Workloads.byName(args[1]));
            return;
        }
        Settings s = FULL;
        List<String> filters = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "--quick" -> s = QUICK;
                case "--list" -> {
                    for (Workload w : Workloads.all()) System.out.printf("%-16s %s%n", w.name(), w.title());
                    for (String n : BLAS_ROWS) {
                        System.out.printf("%-16s %s, system BLAS%n", n + BLAS_SUFFIX, Workloads.byName(n).title());
                    }
                    System.out.printf("%-16s %s%n%-16s %s%n", "tutorial", "tutorial wall time (process)",
                            "peak", "fp32 peak estimate");
                    return;
                }
                case "-h", "--help" -> {
                    System.out.println("usage: bench [--quick] [--list] [filter...]   (a filter selects the workloads"
                            + " whose name contains it)\nworkloads: " + Workloads.names() + ", "
                            + String.join(", ", BLAS_ROWS.stream().map(n -> n + BLAS_SUFFIX).toList()) + ", tutorial, peak");
                    return;
                }
                default -> {
                    if (a.startsWith("-")) throw new IllegalArgumentException("unknown option " + a + " (try --help)");
                    filters.add(a);
                }
            }
        }
        new SideBySide.Run(s, filters).go();
    }

    // ---- the fresh-JVM child

    /** Times each call of a fresh JVM's first {@code seconds} or {@code calls} calls; prints one line. */
    private static void fresh(Workload w, double seconds, int calls) {
        long setup0 = System.nanoTime();
        Step step = w.newStep();
        long setup = System.nanoTime() - setup0;
        long[] t = new long[calls];
        long start = System.nanoTime(), deadline = start + (long) (seconds * 1e9);
        int n = 0;
        long now = start;
        while (n < calls && (n < 3 || now < deadline)) {
            long t0 = System.nanoTime();
            sink = step.run();
            now = System.nanoTime();
            t[n++] = now - t0;
        }
        long[] done = Arrays.copyOf(t, n);
        System.out.println("fresh " + median(done) + " " + n + " " + done[0] + " " + (now - start) / n + " " + setup);
    }

    // ---- the child JVM that serves a workload under other JVM flags (the system-BLAS rows)

    /**
     * Serves one workload's autograd4j side over stdin/stdout, one command a line, for a row that needs other
     * JVM flags than the parent's: {@code hello} (the BLAS in use, or {@code none}), {@code fingerprint},
     * {@code warm SECONDS}, {@code calibrate NS}, {@code round CALLS} (ns), {@code gc} (pause ms), {@code threads T}, {@code quit}.
     */
    private static void serve(Workload w) throws IOException {
        Side side = new LocalSide(w.newStep());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "hello" -> out.println("ok " + Torch.config().lines().map(String::strip)
                        .filter(l -> l.startsWith("BLAS: ")).map(l -> l.startsWith("BLAS: none") ? "none" : l.substring(6))
                        .findFirst().orElse("none"));
                case "fingerprint" -> {
                    double[] fp = side.fingerprint();
                    out.println("ok " + fp[0] + " " + fp[1]);
                }
                case "warm" -> out.println("ok " + side.warm(Double.parseDouble(f[1])));
                case "calibrate" -> out.println("ok " + side.calibrate(Long.parseLong(f[1])));
                case "round" -> out.println("ok " + side.round(Integer.parseInt(f[1])));
                case "gc" -> out.println("ok " + side.gcMillis());
                case "threads" -> {
                    side.threads(Integer.parseInt(f[1]));
                    out.println("ok");
                }
                case "quit" -> {
                    return;
                }
                default -> out.println("err unknown command " + f[0]);
            }
        }
    }

    /** autograd4j's side of a row: this JVM's step, or a {@link ChildSide child JVM}'s. */
    private interface Side {
        /** {@link Workloads#fingerprint} of one call's result. */
        double[] fingerprint();

        /** Warms up ({@link Run#warm}); ns per call. */
        double warm(double seconds);

        /** ns per call of the warmed step ({@link Run#calibrate}). */
        double calibrate(long minNs);

        /** Runs {@code calls} calls; their ns. */
        long round(int calls);

        /** Pause milliseconds of the side's JVM so far. */
        long gcMillis();

        /** Sets the side's intra-op threads ({@code Torch.setNumThreads}, which the BLAS follows too). */
        void threads(int t);
    }

    /** The step in this JVM. */
    private record LocalSide(Step step) implements Side {
        public double[] fingerprint() {
            return Workloads.fingerprint(step.run());
        }

        public double warm(double seconds) {
            return Run.warm(step, seconds);
        }

        public double calibrate(long minNs) {
            return Run.calibrate(step, minNs);
        }

        public long round(int calls) {
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) sink = step.run();
            return System.nanoTime() - t0;
        }

        public long gcMillis() {
            return SideBySide.gcMillis();
        }

        public void threads(int t) {
            Torch.setNumThreads(t);
        }
    }

    /** A workload served by a child JVM ({@code --serve}) started with extra flags. */
    private static final class ChildSide implements Side, AutoCloseable {
        final LineProcess p;
        final String blas;

        ChildSide(Workload w, List<String> flags) throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            cmd.addAll(flags);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SideBySide.class.getName(), "--serve",
                    w.name()));
            p = new LineProcess("the child JVM", cmd);
            blas = p.ask("hello");
        }

        public double[] fingerprint() {
            String[] f = p.ask("fingerprint").split(" ");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
        }

        public double warm(double seconds) {
            return Double.parseDouble(p.ask("warm " + seconds));
        }

        public double calibrate(long minNs) {
            return Double.parseDouble(p.ask("calibrate " + minNs));
        }

        public long round(int calls) {
            return Long.parseLong(p.ask("round " + calls));
        }

        public long gcMillis() {
            return Long.parseLong(p.ask("gc"));
        }

        public void threads(int t) {
            p.ask("threads " + t);
        }

        @Override
        public void close() throws InterruptedException {
            p.close();
        }
    }

    // ---- one run of the table

    /** One comparison run: settings, the worker, the rows. */
    private static final class Run {
        final Settings s;
        final List<String> filters;
        final List<Row> rows = new ArrayList<>();
        final Path root;
        Worker worker;
        String noTorch;
        List<Integer> threads = List.of(1);

        Run(Settings s, List<String> filters) {
            this.s = s;
            this.filters = filters;
            String r = System.getProperty("autograd4j.root");
            this.root = r == null || r.isEmpty() ? null : Path.of(r);
        }

        boolean selected(String name) {
            if (filters.isEmpty()) return true;
            for (String f : filters) {
                if (name.contains(f)) return true;
            }
            return false;
        }

        void go() throws Exception {
            long t0 = System.nanoTime();
            double load0 = load();
            List<Workload> chosen = Workloads.all().stream().filter(w -> selected(w.name())).toList();
            boolean tutorial = selected("tutorial");
            List<Workload> blas = BLAS_ROWS.stream().filter(n -> selected(n + BLAS_SUFFIX)).map(Workloads::byName).toList();
            if (chosen.isEmpty() && blas.isEmpty() && !tutorial && !selected("peak")) {
                throw new IllegalArgumentException("no workload matches " + filters + "; known: " + Workloads.names()
                        + ", " + String.join(", ", BLAS_ROWS.stream().map(n -> n + BLAS_SUFFIX).toList()) + ", tutorial, peak");
            }
            System.err.printf("bench (%s): %d workload(s)%s; progress below, the table at the end%n", s.name(),
                    chosen.size(), tutorial ? " + tutorial" : "");
            String peak = selected("peak") || chosen.stream().anyMatch(w -> w.flops() > 0) ? peakLine() : null;
            startWorker();
            Map<String, long[]> freshFigures = new LinkedHashMap<>();
            for (Workload w : chosen) {
                if (w.kind() == Kind.SMALL) freshFigures.put(w.name(), freshChild(w));
            }
            for (Workload w : chosen) {
                try {
                    measure(w, freshFigures.get(w.name()));
                } catch (RuntimeException e) { // one broken workload (either side) must not lose the table
                    Row r = new Row(w.title(), w.target());
                    r.note = "FAILED: " + e;
                    rows.add(r);
                    System.err.println("  " + w.name() + " failed: " + e);
                }
                System.gc();
            }
            for (Workload w : blas) blasRow(w);
            if (tutorial) {
                tutorialRow(false);
                tutorialRow(true);
            }
            if (worker != null) worker.close();
            print(peak, (System.nanoTime() - t0) / 1e9, load0, load());
        }

        // ---- PyTorch's worker

        void startWorker() {
            String python = System.getProperty("autograd4j.python", "");
            if (python.isEmpty()) python = System.getenv().getOrDefault("PYTHON", "/usr/bin/python3");
            if (root == null) {
                noTorch = "the repository root is unknown (run through ./autograd4j bench, or pass -Dautograd4j.root)";
                return;
            }
            Path script = root.resolve("tools/bench/torch_worker.py");
            try {
                worker = new Worker(python, script);
                String hello = worker.ask("hello");
                int cpus = Integer.parseInt(hello.substring(0, hello.indexOf(' ')));
                threads = cpus >= 2 ? List.of(1, 2) : List.of(1);
                worker.description = "PyTorch " + hello.substring(hello.indexOf(' ') + 1).replace(" | ", ", BLAS ")
                        + " (" + python + ")";
            } catch (IOException | RuntimeException e) {
                noTorch = "no PyTorch for " + python + " (" + e.getMessage() + "): autograd4j's column only."
                        + " Install: apt-get install -y python3-torch libopenblas0-pthread, or set PYTHON";
                if (worker != null) worker.kill();
                worker = null;
            }
        }

        // ---- the fresh-JVM figure

        /** {median ns, calls, first call ns, mean ns} of a fresh JVM, or null when it failed. */
        long[] freshChild(Workload w) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>();
            cmd.add(ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SideBySide.class.getName(), "--fresh",
                    w.name(), Double.toString(s.freshSeconds()), Integer.toString(s.freshCalls())));
            System.err.printf("  %-16s fresh JVM: first %.0f s or %,d calls ...%n", w.name(), s.freshSeconds(),
                    s.freshCalls());
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            for (String line : out.lines().toList()) {
                if (line.startsWith("fresh ")) {
                    String[] f = line.split(" ");
                    return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])};
                }
            }
            System.err.println("  fresh JVM run of " + w.name() + " failed (exit " + p.exitValue() + "): " + out.strip());
            return null;
        }

        // ---- one workload

        void measure(Workload w, long[] fresh) {
            measure(w, w.title() + (w.kind() == Kind.SMALL ? ", warmed" : ""), w.target(), new LocalSide(w.newStep()), fresh);
        }

        /** One row: {@code side} (this JVM's or a child's) against the PyTorch twin of {@code w}. */
        void measure(Workload w, String title, double target, Side side, long[] fresh) {
            double[] ours = side.fingerprint();
            String check = "";
            boolean torch = worker != null;
            if (torch) {
                try {
                    String[] f = worker.ask("setup " + w.name()).split(" ");
                    double sum = Double.parseDouble(f[0]), abs = Double.parseDouble(f[1]);
                    // Same inputs, same ops: the sums agree up to float32 rounding of the two implementations.
                    double tol = 1e-4 * Math.max(abs, ours[1]) + 1e-6;
                    if (Math.abs(sum - ours[0]) > tol || Math.abs(abs - ours[1]) > tol) {
                        check = String.format(Locale.ROOT, "TWIN MISMATCH: sum %.6g vs PyTorch %.6g", ours[0], sum);
                    }
                } catch (RuntimeException e) {
                    check = "PyTorch: " + e.getMessage();
                    torch = false;
                }
            }

            // Warm-up: the JIT, the allocator's pools; at least one call besides the check's. A call slower than
            // a round is its own round; else calibrate on the warmed code.
            double perCall = side.warm(s.warmSeconds());
            if (perCall < s.roundNs()) perCall = side.calibrate(s.roundNs() / 4);
            int n = (int) Math.max(1, Math.round(s.roundNs() / perCall));
            Map<Integer, Integer> pyCalls = new LinkedHashMap<>();
            double pyRoundNs = 0;
            if (torch) {
                for (int t : threads) {
                    String[] f = worker.ask("warm " + w.name() + " " + t + " " + s.warmSeconds() / threads.size()
                            + " " + s.roundNs()).split(" ");
                    pyCalls.put(t, Integer.parseInt(f[0]));
                    pyRoundNs += Integer.parseInt(f[0]) * Double.parseDouble(f[1]);
                }
            }
            // autograd4j, too, at its better thread setting (bulk rows): 1 and the default, each round alternating,
            // as PyTorch's 1 and 2; the small graphs run on one thread whatever the setting.
            List<Integer> ourThreads = w.kind() == Kind.BULK && DEFAULT_THREADS > 1 ? List.of(DEFAULT_THREADS, 1)
                    : List.of(DEFAULT_THREADS);
            // Rounds: as many as asked, fewer when one call is slow (at least MIN_ROUNDS).
            double roundCost = n * perCall * ourThreads.size() + pyRoundNs;
            int rounds = (int) Math.max(MIN_ROUNDS, Math.min(s.rounds(), s.budgetSeconds() * 1e9 / roundCost));
            Map<Integer, double[]> java = new LinkedHashMap<>();
            for (int t : ourThreads) java.put(t, new double[rounds]);
            long gc0 = side.gcMillis(), javaNs = 0;
            Map<Integer, double[]> py = new LinkedHashMap<>(), pyCall = new LinkedHashMap<>();
            for (int t : pyCalls.keySet()) {
                py.put(t, new double[rounds]);
                pyCall.put(t, new double[rounds]);
            }
            String percall = fresh != null ? " percall" : "";
            for (int r = 0; r < rounds; r++) {
                for (var e : java.entrySet()) {
                    side.threads(e.getKey());
                    long dt = side.round(n);
                    javaNs += dt;
                    e.getValue()[r] = (double) dt / n;
                }
                side.threads(DEFAULT_THREADS);
                for (var e : py.entrySet()) {
                    String[] f = worker.ask("round " + w.name() + " " + e.getKey() + percall).split(" ");
                    e.getValue()[r] = Double.parseDouble(f[0]) / Integer.parseInt(f[1]);
                    if (f.length > 2) pyCall.get(e.getKey())[r] = Double.parseDouble(f[2]);
                }
                // PyTorch's OpenBLAS and OpenMP threads keep spinning for up to ~0.1 s after its round (OpenBLAS's
                // default thread timeout is 2^28 cycles), which took cores from the next autograd4j round: let them
                // park first. (autograd4j's own workers spin 0.1 ms.)
                if (torch && !py.isEmpty()) settle();
            }
            // GC pauses over the rounds, as a share of autograd4j's time in them (this JVM allocates, so pauses,
            // only in its own rounds).
            double gcShare = (side.gcMillis() - gc0) * 1e6 / javaNs;
            if (torch) worker.ask("drop " + w.name());
            Row row = new Row(title, target);
            for (var e : java.entrySet()) {
                double m = median(e.getValue());
                if (Double.isNaN(row.ours) || m < row.ours) {
                    row.ours = m;
                    row.ourThreads = e.getKey();
                }
            }
            for (var e : py.entrySet()) {
                double m = median(e.getValue());
                if (Double.isNaN(row.theirs) || m < row.theirs) {
                    row.theirs = m;
                    row.threads = e.getKey();
                }
            }
            row.rounds = rounds + "x" + n;
            if (w.flops() > 0) {
                row.note = String.format(Locale.ROOT, "GFLOP/s %.1f vs %s", w.flops() / row.ours,
                        Double.isNaN(row.theirs) ? "-" : String.format(Locale.ROOT, "%.1f", w.flops() / row.theirs));
            }
            if (gcShare >= 0.01) {
                row.note = (row.note.isEmpty() ? "" : row.note + "; ")
                        + String.format(Locale.ROOT, "GC %.0f%% of ag4j time", 100 * Math.min(1, gcShare));
            }
            if (!check.isEmpty()) row.note = (row.note.isEmpty() ? "" : row.note + "; ") + check;
            System.err.printf("  %-16s autograd4j %s, PyTorch %s%s%n", w.name(), time(row.ours), time(row.theirs),
                    check.isEmpty() ? "" : "  " + check);
            if (fresh != null) {
                Row f = new Row(w.title() + String.format(Locale.ROOT, ", fresh JVM (first %,d calls)", fresh[1]),
                        w.target());
                // Like with like: the fresh JVM's median single call against PyTorch's (rounds' medians of
                // single calls, its better thread setting), not against round means.
                f.ours = fresh[0];
                f.ourThreads = DEFAULT_THREADS;
                for (var e : pyCall.entrySet()) {
                    double m = median(e.getValue());
                    if (Double.isNaN(f.theirs) || m < f.theirs) {
                        f.theirs = m;
                        f.threads = e.getKey();
                    }
                }
                f.rounds = "1x" + fresh[1];
                f.note = "first call " + time(fresh[2]) + ", mean " + time(fresh[3]);
                rows.add(f);
            }
            rows.add(row);
        }

        /** Runs step for about {@code seconds} and at least {@code min} calls; returns ns per call. */
        static double timeFor(Step step, double seconds, int min) {
            long t0 = System.nanoTime(), deadline = t0 + (long) (seconds * 1e9);
            long n = 0, now;
            do {
                sink = step.run();
                n++;
                now = System.nanoTime();
            } while (n < min || now < deadline);
            return (double) (now - t0) / n;
        }

        /**
         * Warms the step for {@code seconds}, then on while the JIT is still compiling (up to 4× as long); returns ns per
         * call of the last stretch. On a loaded 2-core machine C2 took 1.5-3 s to finish the small graphs' methods, so
         * a fixed 1.5 s warm-up timed partly C1 code: the "warmed" seed figures came out slower than the fresh-JVM ones.
         */
        static double warm(Step step, double seconds) {
            double perCall = timeFor(step, seconds, 1);
            var jit = ManagementFactory.getCompilationMXBean();
            if (jit == null || !jit.isCompilationTimeMonitoringSupported()) return perCall;
            long end = System.nanoTime() + (long) (3 * seconds * 1e9);
            long before = jit.getTotalCompilationTime();
            do {
                perCall = timeFor(step, 0.25, 1);
                long now = jit.getTotalCompilationTime();
                if (now == before) break; // a quarter second without compiling: warmed
                before = now;
            } while (System.nanoTime() < end);
            return perCall;
        }

        /** ns per call of the warmed step: doubles the calls until they take {@code minNs} (or one call does). */
        static double calibrate(Step step, long minNs) {
            for (long n = 1; ; n *= 2) {
                long t0 = System.nanoTime();
                for (long i = 0; i < n; i++) sink = step.run();
                long dt = System.nanoTime() - t0;
                if (dt >= minNs) return (double) dt / n;
            }
        }

        // ---- the system-BLAS rows

        /**
         * {@code w} in a child JVM with {@code -Dautograd4j.blas=openblas}: the optional native BLAS
         * against the same PyTorch twin (target 1×: PyTorch's own GEMM is OpenBLAS here).
         */
        void blasRow(Workload w) throws IOException, InterruptedException {
            String title = w.title() + ", system BLAS (-Dautograd4j.blas=openblas)";
            System.err.printf("  %-16s in a child JVM with the system BLAS ...%n", w.name() + BLAS_SUFFIX);
            try (ChildSide child = new ChildSide(w, List.of("-Dautograd4j.blas=openblas",
                    "--enable-native-access=ALL-UNNAMED"))) {
                if (child.blas.equals("none")) {
                    Row r = new Row(title, 1);
                    r.note = "skipped: no system BLAS found (apt-get install libopenblas0-pthread)";
                    rows.add(r);
                    return;
                }
                measure(w, title, 1, child, null);
                rows.getLast().note += (rows.getLast().note.isEmpty() ? "" : "; ") + child.blas;
            }
        }

        // ---- the tutorial, as processes

        /**
         * The tutorial as whole processes, with the launcher's AOT cache ({@code aot}: made by the first,
         * unmeasured run's background training run, which this waits for) or without it (AUTOGRAD4J_AOT=0).
         */
        void tutorialRow(boolean aot) throws IOException, InterruptedException {
            Row row = new Row("tutorial wall time (process)" + (aot ? ", AOT cache" : ", no AOT cache"), Double.NaN);
            if (root == null) {
                row.note = "skipped: repository root unknown";
                rows.add(row);
                return;
            }
            List<String> java = List.of(root.resolve("autograd4j").toString(), "tutorial");
            Map<String, String> env = Map.of("AUTOGRAD4J_AOT", aot ? "1" : "0");
            String python = worker == null ? null : worker.python;
            List<String> twin = python == null ? null : List.of(python, root.resolve("tools/bench/tutorial_twin.py").toString());
            System.err.printf("  %-16s %d runs of ./autograd4j tutorial (%s)%s ...%n", "tutorial", s.tutorialRuns(),
                    aot ? "AOT cache" : "AUTOGRAD4J_AOT=0", twin == null ? "" : " and of python3 tutorial_twin.py");
            wall(java, env); // once unmeasured each: the page cache, the launcher's staleness check, the cache
            if (aot && !awaitAotCache()) row.note = "the AOT cache was not made in 2 min (see target/aot/tutorial.log); ";
            if (twin != null) wall(twin, Map.of());
            double[] a = new double[s.tutorialRuns()], b = new double[s.tutorialRuns()];
            for (int r = 0; r < a.length; r++) {
                a[r] = wall(java, env);
                if (twin != null) b[r] = wall(twin, Map.of());
            }
            row.ours = median(a);
            if (twin != null) {
                row.theirs = median(b);
                row.threads = 0;
            }
            row.rounds = a.length + "x1";
            row.note = row.note + "./autograd4j tutorial"
                    + (aot ? "" : " (AUTOGRAD4J_AOT=0)") + " vs " + (twin == null ? "(no PyTorch)" : "python3 tools/bench/tutorial_twin.py");
            rows.add(row);
        }

        /** Waits (up to 2 min) until the launcher's background run has written target/aot/tutorial.aot. */
        boolean awaitAotCache() throws InterruptedException {
            Path dir = root.resolve("target/aot");
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (Files.isRegularFile(dir.resolve("tutorial.aot")) && !Files.exists(dir.resolve("tutorial.building"))) return true;
                Thread.sleep(200);
            }
            return false;
        }

        static double wall(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
            long t0 = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(env);
            Process p = pb.start();
            int rc = p.waitFor();
            long dt = System.nanoTime() - t0;
            if (rc != 0) throw new IOException(String.join(" ", cmd) + " exited with " + rc);
            return dt;
        }

        // ---- the peak estimate

        String peakLine() {
            int cores = Runtime.getRuntime().availableProcessors();
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return "fp32 peak: not measured (run with --add-modules jdk.incubator.vector)";
            }
            System.err.println("  peak             Vector API FMA loop, one core ...");
            double one = Peak.oneCoreGflops(s == QUICK ? 5 : 15, 100);
            return String.format(Locale.ROOT, "fp32 peak estimate: %.1f GFLOP/s on one core (Vector API FMA loop,"
                    + " %d floats per vector) x %d cores = %.0f GFLOP/s", one, Peak.lanes(), cores, one * cores);
        }

        // ---- the table

        void print(String peak, double seconds, double load0, double load1) {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            out.println();
            out.println(Torch.config().lines().map(String::strip).reduce((x, y) -> x + "; " + y).orElse(""));
            out.println(worker != null ? worker.description : noTorch);
            if (peak != null) out.println(peak);
            out.printf(Locale.ROOT, "%s run: rounds of ~%d ms per side, interleaved, medians%s; ratio = PyTorch time"
                            + " / autograd4j time (> 1: autograd4j faster); took %.0f s%n", s.name(), s.roundNs() / 1_000_000,
                    (worker == null ? "" : "; PyTorch at its better of threads " + threads) + "; thr: the better setting's"
                            + " threads, autograd4j/PyTorch (bulk rows try 1 and " + DEFAULT_THREADS + " on both sides)", seconds);
            out.printf(Locale.ROOT, "load average %.1f at the start, %.1f at the end, on %d cores (above the core count,"
                    + " other work shared the machine: expect noise)%n", load0, load1, Runtime.getRuntime().availableProcessors());
            out.println("warmed and bulk rows: median over rounds of the mean time per call (GC and time-slicing"
                    + " included); fresh-JVM rows: median single call over a fresh JVM's first calls, against PyTorch's"
                    + " median single call");
            int wName = Math.max(8, rows.stream().mapToInt(r -> r.name.length()).max().orElse(8));
            String fmt = "%-" + wName + "s  %11s  %11s  %3s  %8s  %7s  %4s  %-7s  %s%n";
            out.printf(fmt, "workload", "autograd4j", "PyTorch", "thr", "ratio", "target", "met?", "rounds", "notes");
            out.println("-".repeat(wName + 75));
            for (Row r : rows) {
                double ratio = r.theirs / r.ours;
                boolean hasTarget = !Double.isNaN(r.target);
                String thr = r.ourThreads < 0 && r.threads < 0 ? "" : (r.ourThreads < 0 ? "-" : Integer.toString(r.ourThreads)) + "/"
                        + (r.threads <= 0 ? "-" : Integer.toString(r.threads));
                out.printf(fmt, r.name, time(r.ours), time(r.theirs), thr,
                        Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio),
                        hasTarget ? String.format(Locale.ROOT, ">=%sx", trim(r.target)) : "-",
                        !hasTarget || Double.isNaN(ratio) ? "-" : ratio >= r.target ? "yes" : "NO", r.rounds, r.note);
            }
        }
    }

    /** One line of the table. */
    private static final class Row {
        final String name;
        final double target;
        double ours = Double.NaN, theirs = Double.NaN;
        int threads = -1, ourThreads = -1;
        String rounds = "", note = "";

        Row(String name, double target) {
            this.name = name;
            this.target = target;
        }
    }

    // ---- the worker processes

    /** A process that answers one command a line with one line: "ok [answer]" or an error. */
    private static class LineProcess {
        final String what;
        final Process p;
        final PrintWriter in;
        final BufferedReader out;

        LineProcess(String what, List<String> cmd) throws IOException {
            this.what = what;
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            in = new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8);
            out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Sends a command, returns the answer after "ok "; throws with the process's message otherwise. */
        String ask(String command) {
            in.println(command);
            String line;
            try {
                line = out.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
            }
            if (line == null) throw new IllegalStateException(what + " exited");
            if (line.equals("ok")) return "";
            if (line.startsWith("ok ")) return line.substring(3);
            throw new IllegalStateException(what + ", on '" + command + "': " + line);
        }

        void close() throws InterruptedException {
            in.println("quit");
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) p.destroy();
        }

        void kill() {
            p.destroy();
        }
    }

    /** The PyTorch worker process ({@code tools/bench/torch_worker.py}). */
    private static final class Worker extends LineProcess {
        final String python;
        String description;

        Worker(String python, Path script) throws IOException {
            super("the PyTorch worker", checked(python, script));
            this.python = python;
        }

        private static List<String> checked(String python, Path script) throws IOException {
            if (!Files.isRegularFile(script)) throw new IOException("no " + script);
            return List.of(python, "-u", script.toString());
        }
    }

    // ---- small helpers

    /** Milliseconds this JVM's collectors have paused it so far. */
    static long gcMillis() {
        long ms = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            // G1's "G1 Concurrent GC" counts concurrent cycles, which do not stop the program: pauses only.
            if (!gc.getName().contains("Concurrent")) ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    /** The 1-minute load average, or NaN where /proc/loadavg is missing. */
    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        int n = c.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }

    static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }

    /** ns as the best unit, 3-4 significant digits. */
    static String time(double ns) {
        if (Double.isNaN(ns)) return "-";
        String[] unit = {"ns", "µs", "ms", "s"};
        int u = 0;
        while (u < 3 && ns >= 1000) {
            ns /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, ns >= 100 ? "%.0f %s" : ns >= 10 ? "%.1f %s" : "%.2f %s", ns, unit[u]);
    }

    static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
