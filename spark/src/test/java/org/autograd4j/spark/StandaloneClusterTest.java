package org.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.deploy.master.Master;
import org.apache.spark.rpc.RpcEnv;
import org.autograd4j.nn.CrossEntropyLoss;
import org.autograd4j.optim.SGD;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on loopback: Spark's own {@code org.apache.spark.deploy.master.Master} (in this
 * JVM, on its own RPC environment) and {@code org.apache.spark.deploy.worker.Worker} (a child JVM) from its
 * jars, the worker launching the executor as a third JVM, and the test as the driver
 * ({@code spark://127.0.0.1:port}). The worker needs a
 * Spark home with {@code jars/}: one is made in a temporary directory from the test's class path (links to
 * the jars); this module's and core's class directories reach the executor as
 * {@code spark.executor.extraClassPath}. A second run halts the executor JVM in the middle of a step: the
 * master has the worker start a new executor, Spark re-runs the lost tasks, and the run still ends as one
 * process's does.
 */
class StandaloneClusterTest {
    @TempDir
    static Path tmp;
    private static final List<Process> processes = new ArrayList<>();
    private static int masterPort;
    private static RpcEnv masterEnv;
    private static Process worker;

    @BeforeAll
    static void startCluster() throws Exception {
        Path home = tmp.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        List<String> dirs = new ArrayList<>();
        for (String entry : classPath()) {
            Path p = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(p)) {
                dirs.add(p.toString());
            } else if (p.toString().endsWith(".jar") && Files.exists(p)) {
                Path link = home.resolve("jars").resolve(p.getFileName());
                if (!Files.exists(link)) Files.createSymbolicLink(link, p);
            }
        }
        System.setProperty("autograd4j.test.executorClassPath", String.join(File.pathSeparator, dirs));
        masterPort = freePort();
        String cp = String.join(File.pathSeparator, classPath());
        // The master in this JVM (as Spark's LocalSparkCluster runs it): one JVM start less on a busy machine.
        masterEnv = Master.startRpcEnvAndEndpoint("127.0.0.1", masterPort, freePort(),
                new SparkConf().set("spark.ui.enabled", "false"))._1();
        log("master up");
        // The worker as its own JVM: it reads SPARK_HOME from its environment to build the executor's command.
        worker = start(home, "worker", cp, "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--cores", "2", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
                "--work-dir", tmp.resolve("work").toString(), "spark://127.0.0.1:" + masterPort);
    }

    private static final long T0 = System.nanoTime();

    private static void log(String what) {
        System.err.printf("StandaloneClusterTest: %s after %.1f s%n", what, (System.nanoTime() - T0) / 1e9);
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (Boolean.getBoolean("autograd4j.test.showExecutorCommand")) {
            try (var files = Files.walk(tmp.resolve("work"))) {
                for (Path f : files.filter(x -> x.getFileName().toString().equals("stderr")).toList()) {
                    Files.readAllLines(f).stream().filter(l -> l.contains("Executor Command")).forEach(System.err::println);
                }
            }
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        if (masterEnv != null) masterEnv.shutdown();
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void trainsOnAStandaloneMasterAndWorkerAsOneProcessWouldEvenThroughAnExecutorCrash() throws Exception {
        var conf = Fixtures.conf("spark://127.0.0.1:" + masterPort, "StandaloneClusterTest")
                .set("spark.executor.memory", "512m")
                .set("spark.executor.cores", "2")
                .set("spark.cores.max", "2")
                .set("spark.executor.extraClassPath", System.getProperty("autograd4j.test.executorClassPath"));
        List<Example> data = Fixtures.classification(64, 9);
        var ref = Fixtures.singleProcess(data, Fixtures::mlp, CrossEntropyLoss::new, ps -> new SGD(ps, 0.3), 16, 8, 11);
        try (var jsc = new JavaSparkContext(conf)) {
            log("driver registered with the master");
            awaitLog(tmp.resolve("worker.log"), "Successfully registered with master", worker);
            log("worker registered");
            long driverPid = ProcessHandle.current().pid();
            List<Long> pids = jsc.parallelize(List.of(1, 2), 2).map(x -> ProcessHandle.current().pid()).collect();
            for (long pid : pids) assertNotEquals(driverPid, pid, "tasks run in the worker's executor JVM");
            log("executor JVM ran tasks");
            TrainResult r = SparkTrainer.of(Fixtures::mlp, CrossEntropyLoss::new, ps -> new SGD(ps, 0.3))
                    .batchSize(16).steps(8).seed(11).fit(jsc.parallelize(data, 2));
            log("trained 8 steps");
            assertEquals(8, r.steps().size());
            Fixtures.assertCloseLosses(ref.losses(), r.steps(), 1e-5);
            Fixtures.assertCloseWeights(ref.model(), r.model(), 1e-5);

            // the executor JVM halts in step 3: the worker starts a new one, Spark re-runs the lost tasks (their
            // cached blocks rebuilt from the lineage) and the run ends where one process ends
            String marker = tmp.resolve("executor-halted").toString();
            TrainResult killed = SparkTrainer.of(Fixtures::mlp, () -> new HaltingLoss(marker), ps -> new SGD(ps, 0.3))
                    .batchSize(16).steps(8).seed(11).fit(jsc.parallelize(data, 2));
            log("trained 8 steps through an executor crash");
            assertTrue(Files.exists(Path.of(marker)), "the executor halted");
            Fixtures.assertCloseLosses(ref.losses(), killed.steps(), 1e-5);
            Fixtures.assertCloseWeights(ref.model(), killed.model(), 1e-5);
        }
    }

    /** A loss whose executor JVM halts, once per run, in partition 1's third forward pass (step 3). */
    static final class HaltingLoss extends org.autograd4j.nn.Loss {
        private static final java.util.concurrent.atomic.AtomicInteger CALLS = new java.util.concurrent.atomic.AtomicInteger();
        private final String marker;
        private final CrossEntropyLoss inner = new CrossEntropyLoss();

        HaltingLoss(String marker) {
            super("mean");
            this.marker = marker;
        }

        @Override
        public org.autograd4j.Tensor forward(org.autograd4j.Tensor input, org.autograd4j.Tensor target) {
            var tc = org.apache.spark.TaskContext.get();
            if (tc != null && tc.partitionId() == 1 && CALLS.incrementAndGet() == 3 && !Files.exists(Path.of(marker))) {
                try {
                    Files.createFile(Path.of(marker));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                Runtime.getRuntime().halt(1); // the executor dies mid-step, as a killed or crashed machine
            }
            return inner.forward(input, target);
        }
    }

    private static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> out = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) if (!e.isBlank()) out.add(e);
        return out;
    }

    private static Process start(Path home, String name, String cp, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add("-Dlog4j2.configurationFile=" + home.resolve("conf").resolve("log4j2.properties"));
        cmd.add(main);
        cmd.addAll(List.of(args));
        Files.writeString(home.resolve("conf").resolve("log4j2.properties"), """
                rootLogger.level = info
                rootLogger.appenderRef.stdout.ref = console
                appender.console.type = Console
                appender.console.name = console
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
                """);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static void awaitLog(Path log, String line, Process p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains(line)) return;
            assertTrue(p.isAlive(), "process exited:\n" + text);
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + line + "' in " + log + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
