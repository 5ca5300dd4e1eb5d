package org.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./autograd4j} launcher, as a newcomer meets it: every subcommand run from a throwaway
 * {@code git clone} of this repository, in both orders (the launcher first, which builds the jars itself;
 * {@code ./mvnw verify} first, after which the launcher must build nothing), each time with the root
 * {@code target/} folder missing.
 *
 * <p>The clone is of {@code HEAD}; the working tree's uncommitted changes (tracked files that differ from
 * {@code HEAD}, and untracked files git does not ignore) are copied over it, so that a local
 * {@code ./mvnw verify} tests the launcher being edited, and CI (a clean checkout) tests exactly the commit.
 * The builds inside the clone use this build's local Maven repository; the launcher's builds run offline
 * ({@code MAVEN_ARGS=-o}): by the time this module's tests run, everything they need is in that repository.
 * Without git, or outside a git checkout, the test fails and says so.
 */
class LauncherTest {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    /** The AOT cache's training run: a tutorial (a few seconds) and the cache written. */
    private static final Duration AOT_TIMEOUT = Duration.ofMinutes(3);
    /** What the launcher prints on stderr when it builds. */
    private static final String BUILDING = "autograd4j: building";
    /** One tensor expression for the shell, with autograd in it, and what JShell prints for it. */
    private static final String SHELL_INPUT = "tensor(2.0).requiresGrad_().pow(3)\n/exit\n";
    private static final String SHELL_OUTPUT = "tensor(8., grad_fn=<PowBackward0>)";

    private static Path top;
    private static String head;
    private static Path scratch;
    private static String version;
    private static String localRepository;
    private static String transcript;

    @BeforeAll
    static void findTheRepository() throws Exception {
        version = System.getProperty("autograd4j.version");
        assertTrue(version != null && !version.isEmpty(),
                "system property autograd4j.version is not set (examples/pom.xml's surefire configuration passes it)");
        localRepository = System.getProperty("autograd4j.localRepository", "");
        try (InputStream in = LauncherTest.class.getResourceAsStream("/tutorial-transcript.txt")) {
            transcript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        scratch = Files.createTempDirectory("autograd4j-launcher-test-");
        Path cwd = Path.of("").toAbsolutePath();
        Result r;
        try {
            r = exec(cwd, Map.of(), null, RUN_TIMEOUT, "git", "rev-parse", "--show-toplevel");
        } catch (IOException e) {
            throw new AssertionError("LauncherTest needs git on PATH, to clone this repository from " + cwd
                    + ", and could not run it: " + e.getMessage(), e);
        }
        if (r.exit != 0) {
            fail("LauncherTest clones the repository it runs in, but " + cwd + " is not inside a git checkout"
                    + " (git rev-parse --show-toplevel: exit " + r.exit + ", " + r.err.strip() + ")");
        }
        top = Path.of(r.out.strip());
        assertTrue(Files.isRegularFile(top.resolve("autograd4j")), "no ./autograd4j launcher at " + top);
        head = git(top, "rev-parse", "HEAD").strip();
    }

    @AfterAll
    static void removeTheClones() throws IOException {
        if (scratch != null) {
            deleteTree(scratch);
        }
        System.out.println("LauncherTest timings: " + String.join("; ", timings));
    }

    @Test
    void launcherFirst() throws Exception {
        Path repo = freshClone("launcher-first");
        Map<String, String> offline = mavenEnv(true);

        // --version needs no build.
        checkVersion(run(repo, offline, null, "--version"));
        assertFalse(Files.exists(repo.resolve("core/target")), "--version built something");
        checkUnknownCommand(repo, offline);

        // First use: the shell builds the library, then evaluates one expression and exits at the input's end.
        Result shell = run(repo, offline, SHELL_INPUT, "shell");
        checkShell(shell);
        assertTrue(shell.err.contains(BUILDING + " (first run)"), "the first shell should build:\n" + shell);

        // The tutorial needs the examples jar too: one more build, then its exact transcript.
        Result tutorial = run(repo, offline, null, "tutorial");
        checkTutorial(tutorial);
        assertTrue(tutorial.err.contains(BUILDING + " (first run)"), "the first tutorial should build:\n" + tutorial);

        Result runTutorial = run(repo, offline, null, "run", "Tutorial");
        checkTutorial(runTutorial);
        assertFalse(runTutorial.err.contains(BUILDING), "run rebuilt current jars:\n" + runTutorial);
        checkRunMissingClass(repo, offline);
        checkRunScript(repo, offline);

        // tutorial --graph DIR: the same transcript, and the lesson's graphs as DOT files in DIR
        Result graphed = run(repo, offline, null, "tutorial", "--graph", "graphs");
        checkTutorial(graphed);
        for (String g : List.of("1-polynomial", "2-mean", "3-rnn-step")) {
            assertTrue(Files.readString(repo.resolve("graphs/" + g + ".dot")).startsWith("digraph {"), g + ":\n" + graphed);
        }

        // The jars are current and the root target/ folder is gone (a clean of the root, or a checkout built
        // by ./mvnw): every command must still work, without building.
        deleteTree(repo.resolve("target"));
        Result again = run(repo, offline, SHELL_INPUT, "shell");
        checkShell(again);
        assertFalse(again.err.contains(BUILDING), "shell rebuilt current jars:\n" + again);
        deleteTree(repo.resolve("target"));
        Result tutorialAgain = run(repo, offline, null, "run", "org.autograd4j.examples.Tutorial");
        checkTutorial(tutorialAgain);
        assertFalse(tutorialAgain.err.contains(BUILDING), "run rebuilt current jars:\n" + tutorialAgain);
        checkAotCache(repo, offline);
    }

    /**
     * JDK 25's AOT cache (the other runs here set AUTOGRAD4J_AOT=0): a first tutorial schedules a training run
     * in the background once it has ended; the next one opens the cache and prints the same transcript.
     */
    private static void checkAotCache(Path repo, Map<String, String> env) throws Exception {
        Map<String, String> on = new HashMap<>(env);
        on.put("AUTOGRAD4J_AOT", "1");
        Path cache = repo.resolve("target/aot/tutorial.aot"), lock = repo.resolve("target/aot/tutorial.building");
        checkTutorial(run(repo, on, null, "tutorial"));
        long deadline = System.nanoTime() + AOT_TIMEOUT.toNanos();
        while (!(Files.isRegularFile(cache) && !Files.exists(lock)) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertTrue(Files.isRegularFile(cache), "no AOT cache after " + AOT_TIMEOUT + "; its training run's log:\n"
                + (Files.exists(cache.resolveSibling("tutorial.log")) ? Files.readString(cache.resolveSibling("tutorial.log")) : "(none)"));
        on.put("AUTOGRAD4J_JAVA_OPTS", "-Xlog:aot=info:stderr");
        Result cached = run(repo, on, null, "tutorial");
        checkTutorial(cached);
        assertTrue(cached.err.contains("Opened AOT cache " + cache.toRealPath()), "the second tutorial did not open the cache:\n" + cached);
    }

    @Test
    void mavenVerifyFirst() throws Exception {
        Path repo = freshClone("verify-first");
        // What a newcomer types first (tests skipped: they are this build's, and would run this test again).
        // Online: the benchmarks module's plugins may not be in the local repository yet when this test runs.
        Result verify = exec(repo, mavenEnv(false), null, BUILD_TIMEOUT, "./mvnw", "-B", "-q", "-DskipTests", "verify");
        assertEquals(0, verify.exit, "./mvnw -B -q -DskipTests verify in the clone failed:\n" + verify);
        assertTrue(Files.isRegularFile(repo.resolve("core/target/autograd4j-" + version + ".jar")),
                "./mvnw verify left no library jar");
        deleteTree(repo.resolve("target")); // ./mvnw leaves none today; the point is that there is none

        Map<String, String> offline = mavenEnv(true);
        Result shell = run(repo, offline, SHELL_INPUT, "shell");
        checkShell(shell);
        assertFalse(shell.err.contains(BUILDING), "shell rebuilt the jars ./mvnw verify had just built:\n" + shell);

        for (List<String> args : List.of(List.of("tutorial"), List.of("run", "Tutorial"))) {
            deleteTree(repo.resolve("target"));
            Result r = run(repo, offline, null, args.toArray(String[]::new));
            checkTutorial(r);
            assertFalse(r.err.contains(BUILDING), args + " rebuilt the jars ./mvnw verify had just built:\n" + r);
        }
        Result list = run(repo, offline, null, "bench", "--list");
        assertEquals(0, list.exit, "bench --list failed:\n" + list);
        assertTrue(list.out.contains("seed_poly") && list.out.contains("tutorial"), list.toString());
        assertFalse(list.err.contains(BUILDING), "bench rebuilt the jars ./mvnw verify had just built:\n" + list);
        checkTrain(repo, offline);
        checkVersion(run(repo, offline, null, "--version"));
        checkUnknownCommand(repo, offline);
    }

    // ---- what each command must do

    private static void checkVersion(Result r) {
        assertEquals(0, r.exit, "--version failed:\n" + r);
        List<String> lines = r.out.lines().toList();
        assertEquals(2, lines.size(), "--version prints two lines:\n" + r);
        assertEquals("autograd4j " + version, lines.get(0), "--version's first line");
        Matcher m = Pattern.compile("JDK (\\d+)\\S* .*at /.*").matcher(lines.get(1));
        assertTrue(m.matches(), "--version's second line names the JDK and where it is: " + lines.get(1));
        assertTrue(Integer.parseInt(m.group(1)) >= 25, "--version reports a JDK older than 25: " + lines.get(1));
    }

    private static void checkUnknownCommand(Path repo, Map<String, String> env) throws Exception {
        Result r = run(repo, env, null, "frobnicate");
        assertEquals(2, r.exit, "an unknown command exits with status 2:\n" + r);
        assertEquals("", r.out, "an unknown command prints nothing on stdout:\n" + r);
        assertTrue(r.err.startsWith("autograd4j: unknown command 'frobnicate'\nUsage: autograd4j <command>"),
                "an unknown command says so, then the usage:\n" + r);
        for (String command : List.of("tutorial", "run <Class>", "train", "shell", "bench", "--version")) {
            assertTrue(r.err.contains("\n  " + command + " "), "the usage lists " + command + ":\n" + r);
        }
        Result noClass = run(repo, env, null, "run");
        assertEquals(2, noClass.exit, "run without a class exits with status 2:\n" + noClass);
        assertTrue(noClass.err.startsWith("autograd4j: run needs a class name\nUsage:"), noClass.toString());
    }

    /**
     * train, short (one mlp epoch; the app module tests the defaults' figures): the app jar ./mvnw verify
     * built, its three files, and the last line scripts read.
     */
    private static void checkTrain(Path repo, Map<String, String> env) throws Exception {
        Result r = run(repo, env, null, "train", "--model", "mlp", "--epochs", "1");
        assertEquals(0, r.exit, "train failed:\n" + r);
        assertFalse(r.err.contains(BUILDING), "train rebuilt the jars ./mvnw verify had just built:\n" + r);
        assertTrue(r.out.lines().toList().getLast().matches("test accuracy: 0\\.\\d{4}"), "train's last line:\n" + r);
        for (String f : List.of("metrics.csv", "curves.png", "model.safetensors")) {
            assertTrue(Files.size(repo.resolve("runs/digits-mlp/" + f)) > 0, f + " is missing or empty:\n" + r);
        }
        Result bad = run(repo, env, null, "train", "--model", "rnn");
        assertEquals(2, bad.exit, "train with a bad --model exits with status 2:\n" + bad);
        assertTrue(bad.err.contains("Invalid value for option '--model'") && bad.err.contains("Usage: train"), bad.toString());
    }

    /** A class that is not there: a short message naming the examples, not the JVM's ClassNotFoundException. */
    private static void checkRunMissingClass(Path repo, Map<String, String> env) throws Exception {
        Result r = run(repo, env, null, "run", "NoSuchExample");
        assertEquals(2, r.exit, "run of a missing class exits with status 2:\n" + r);
        assertEquals("", r.out, r.toString());
        assertTrue(r.err.contains("autograd4j: no class org.autograd4j.examples.NoSuchExample. Examples: D2lAutograd LegendrePolynomial StraightThrough TensorsTutorial Tutorial."),
                "run of a missing class lists the examples:\n" + r);
        assertTrue(r.err.contains("run MyScript.java"), "run of a missing class says how to run a file:\n" + r);
        assertFalse(r.err.contains("Exception"), r.toString());
        Result noFile = run(repo, env, null, "run", "Missing.java");
        assertEquals(2, noFile.exit, noFile.toString());
        assertTrue(noFile.err.startsWith("autograd4j: no such file: Missing.java"), noFile.toString());
    }

    /** A user's single-file program, run by Java's source launcher against the library jar, with arguments. */
    private static void checkRunScript(Path repo, Map<String, String> env) throws Exception {
        Path script = scratch.resolve("MyScript.java");
        Files.writeString(script, """
                import static org.autograd4j.Torch.*;

                public class MyScript {
                    public static void main(String[] args) {
                        print(tensor(2.0).requiresGrad_().pow(3));
                        print(args.length, args[0]);
                    }
                }
                """);
        Result r = run(repo, env, null, "run", script.toString(), "hello");
        assertEquals(0, r.exit, "run of a .java file failed:\n" + r);
        assertEquals(SHELL_OUTPUT + "\n1 hello\n", r.out, r.toString());
        assertFalse(r.err.contains(BUILDING), "run of a file rebuilt current jars:\n" + r);
    }

    private static void checkShell(Result r) {
        assertEquals(0, r.exit, "./autograd4j shell failed:\n" + r);
        assertTrue(r.out.contains(SHELL_OUTPUT), "the shell did not print " + SHELL_OUTPUT + ":\n" + r);
        assertTrue(r.err.contains("shell: try  var x = tensor(2.0).requiresGrad_()"),
                "the shell's how-to-begin line is missing:\n" + r);
        assertFalse(r.out.contains("Error") || r.err.contains("Exception"), "the shell reported an error:\n" + r);
    }

    private static void checkTutorial(Result r) {
        assertEquals(0, r.exit, "the tutorial failed:\n" + r);
        assertEquals(transcript, r.out.replaceAll("object at 0x[0-9a-f]+", "object at 0x…"),
                "the tutorial's output differs from tutorial-transcript.txt");
    }

    // ---- the clone

    /** A clone of HEAD under the scratch folder, with the working tree's uncommitted changes over it. */
    private static Path freshClone(String name) throws Exception {
        Path repo = scratch.resolve(name);
        Result clone = exec(scratch, Map.of(), null, RUN_TIMEOUT, "git", "clone", "-q", top.toString(), repo.toString());
        assertEquals(0, clone.exit, "git clone of " + top + " failed:\n" + clone);
        if (!git(repo, "rev-parse", "HEAD").strip().equals(head)) {
            git(repo, "checkout", "-q", "--detach", head);
        }
        List<String> changed = new ArrayList<>();
        changed.addAll(nulSeparated(git(top, "diff", "--name-only", "--no-renames", "-z", "HEAD")));
        changed.addAll(nulSeparated(git(top, "ls-files", "-z", "--others", "--exclude-standard")));
        for (String path : changed) {
            Path from = top.resolve(path);
            Path to = repo.resolve(path);
            if (Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(to.getParent());
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
            } else if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(to);
            }
        }
        if (!changed.isEmpty()) {
            System.out.println("LauncherTest: " + name + " is HEAD " + head.substring(0, 7) + " plus "
                    + changed.size() + " uncommitted path(s) of the working tree");
        }
        assertFalse(Files.exists(repo.resolve("target")), "the fresh clone has a root target/");
        return repo;
    }

    private static List<String> nulSeparated(String s) {
        return Arrays.stream(s.split("\0")).filter(p -> !p.isEmpty()).toList();
    }

    private static String git(Path dir, String... args) throws Exception {
        String[] cmd = Stream.concat(Stream.of("git"), Arrays.stream(args)).toArray(String[]::new);
        Result r = exec(dir, Map.of(), null, RUN_TIMEOUT, cmd);
        assertEquals(0, r.exit, String.join(" ", cmd) + " failed in " + dir + ":\n" + r);
        return r.out;
    }

    /** Maven options for the builds in a clone: this build's local repository, and offline if asked. */
    private static Map<String, String> mavenEnv(boolean offline) {
        List<String> args = new ArrayList<>();
        if (offline) {
            args.add("-o");
        }
        if (!localRepository.isEmpty()) {
            args.add("-Dmaven.repo.local=" + localRepository);
        }
        // AUTOGRAD4J_AOT=0: no background training runs (checkAotCache turns them on where it waits for one).
        return Map.of("MAVEN_ARGS", String.join(" ", args), "AUTOGRAD4J_AOT", "0");
    }

    // ---- processes

    private record Result(List<String> command, int exit, String out, String err, Duration took) {
        @Override
        public String toString() {
            return "$ " + String.join(" ", command) + "   (exit " + exit + ", " + took.toMillis() + " ms)\n"
                    + "--- stdout\n" + tail(out) + "--- stderr\n" + tail(err);
        }

        private static String tail(String s) {
            return s.length() <= 6000 ? s : "…" + s.substring(s.length() - 6000);
        }
    }

    private static Result run(Path repo, Map<String, String> env, String stdin, String... args) throws Exception {
        String[] cmd = Stream.concat(Stream.of("./autograd4j"), Arrays.stream(args)).toArray(String[]::new);
        return exec(repo, env, stdin, BUILD_TIMEOUT, cmd);
    }

    private static int serial;
    private static final List<String> timings = new ArrayList<>();

    /** Runs cmd in dir with stdin (or none), env over this JVM's environment; stdout and stderr via files. */
    private static Result exec(Path dir, Map<String, String> env, String stdin, Duration timeout, String... cmd)
            throws IOException, InterruptedException {
        int n = ++serial;
        Path in = scratch.resolve(n + ".in");
        Path out = scratch.resolve(n + ".out");
        Path err = scratch.resolve(n + ".err");
        Files.writeString(in, stdin == null ? "" : stdin);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Result r = new Result(List.of(cmd), done ? p.exitValue() : -1, Files.readString(out), Files.readString(err), took);
        if (!cmd[0].equals("git")) {
            timings.add(dir.getFileName() + ": " + String.join(" ", cmd) + " " + took.toMillis() / 100 / 10.0 + " s");
        }
        if (!done) {
            fail("timed out after " + timeout.toSeconds() + " s:\n" + r);
        }
        return r;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
