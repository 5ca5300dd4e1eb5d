package org.autograd4j.jupyter;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import org.autograd4j.Tensor;

/**
 * Runs notebook cells in a {@link JShell}, with no Jupyter in sight: {@link #eval} takes a cell's source and
 * gives back what the cell printed, the value of its last expression and its error, if any. The
 * {@link Kernel} turns that into Jupyter messages; the tests call it directly.
 *
 * <p>The JShell runs its snippets in a JVM of its own (JShell's default execution engine), so that a cell
 * calling {@code System.exit} or looping forever cannot take the kernel down with it. That JVM has the
 * autograd4j library on its class path, and every session starts with
 * {@code import static org.autograd4j.Torch.*; import org.autograd4j.*; import java.util.*;}.
 *
 * <p>Cells may start with line magics: {@code %classpath <path>...} adds class path entries (directories or
 * jars) and {@code %jars <path>...} adds jars, where a directory stands for every jar in it. Paths are
 * separated by spaces or by the platform's path separator.
 */
public final class JShellEvaluator implements AutoCloseable {

    /** The imports every session starts with. */
    public static final List<String> PRELUDE = List.of(
            "import static org.autograd4j.Torch.*;",
            "import org.autograd4j.*;",
            "import java.util.*;");

    /**
     * What a cell did.
     *
     * @param stdout what the cell wrote to {@code System.out} and {@code System.err}, in order
     * @param value the value of the cell's last snippet when that is an expression with a non-null value
     *     ({@code toString()}, so a tensor's repr; a string in Java source quotes), else {@code null}
     * @param error the cell's compile error or exception, or {@code null}; the snippets after it did not run
     */
    public record Result(String stdout, String value, Error error) {
    }

    /**
     * A cell's failure, in Jupyter's terms.
     *
     * @param ename a short name: {@code CompilationError}, or the thrown exception's simple class name
     * @param evalue the compiler's first message, or the exception's message
     * @param traceback the lines Jupyter prints: the compiler's messages with the source lines they point
     *     at, or the exception with its stack (the frames of JShell's own machinery left out)
     */
    public record Error(String ename, String evalue, List<String> traceback) {
    }

    private final JShell shell;
    /** Where the snippets' JVM output goes; {@link #eval} empties it into each result. */
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    /** Starts a session with the library (the jar or folder {@link Tensor} was loaded from) on its class path. */
    public JShellEvaluator() {
        PrintStream sink = new PrintStream(new SyncOut(captured), true, StandardCharsets.UTF_8);
        // the snippets' JVM gets the Vector API, so the library picks its vector kernels there too
        shell = JShell.builder().out(sink).err(sink).remoteVMOptions("--add-modules=jdk.incubator.vector").build();
        shell.addToClasspath(libraryLocation());
        for (String line : PRELUDE) {
            Result r = eval(line);
            if (r.error() != null) {
                shell.close();
                throw new IllegalStateException("The prelude failed: " + line + ": " + r.error());
            }
        }
    }

    /**
     * Runs one cell: its line magics, then its snippets in order, up to the first that fails.
     *
     * @param cell the cell's source: Java statements, declarations and expressions, as JShell reads them
     * @return what the cell printed, the value of its last expression, and its error
     */
    public synchronized Result eval(String cell) {
        String code = cell;
        Error error = null;
        String value = null;
        // Line magics come first in a cell, as in IPython; the code starts at the first other line.
        while (error == null) {
            String stripped = code.stripLeading();
            if (!stripped.startsWith("%")) {
                break;
            }
            int eol = stripped.indexOf('\n');
            String line = eol < 0 ? stripped : stripped.substring(0, eol);
            code = eol < 0 ? "" : stripped.substring(eol + 1);
            error = magic(line.strip());
        }
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = code;
        while (error == null && !rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            String source;
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            } else if (info.completeness().isComplete()) {
                source = info.source();
                rest = info.remaining();
            } else {
                // An unfinished snippet (a missing brace or semicolon): JShell's compile error says what.
                source = rest;
                rest = "";
            }
            value = null;
            for (SnippetEvent event : shell.eval(source)) {
                if (event.causeSnippet() != null) {
                    continue; // a dependent snippet updated by this one, not this one
                }
                Error e = errorOf(event);
                if (e != null) {
                    error = e;
                    break;
                }
                value = valueOf(event);
            }
        }
        String out;
        synchronized (captured) {
            out = captured.toString(StandardCharsets.UTF_8);
            captured.reset();
        }
        return new Result(out, error == null ? value : null, error);
    }

    /** Stops the snippet running now, if any (its cell then fails with the exception JShell raises). */
    public void stop() {
        shell.stop();
    }

    /** Ends the session and its JVM. */
    @Override
    public void close() {
        shell.close();
    }

    // ---- magics

    private Error magic(String line) {
        String[] words = line.split("\\s+", 2);
        String name = words[0];
        String args = words.length > 1 ? words[1].strip() : "";
        if (!name.equals("%jars") && !name.equals("%classpath")) {
            return new Error("MagicError", "Unknown line magic " + name + " (there are %jars and %classpath)",
                    List.of("Unknown line magic " + name + " (there are %jars and %classpath)"));
        }
        if (args.isEmpty()) {
            return new Error("MagicError", name + " needs a path", List.of(name + " needs a path"));
        }
        try {
            for (String arg : args.split("[\\s" + File.pathSeparator + "]+")) {
                Path path = Paths.get(arg.startsWith("~/") ? System.getProperty("user.home") + arg.substring(1) : arg)
                        .toAbsolutePath().normalize();
                if (!Files.exists(path)) {
                    return new Error("MagicError", "No such file: " + path, List.of(name + ": no such file: " + path));
                }
                if (name.equals("%jars") && Files.isDirectory(path)) {
                    try (DirectoryStream<Path> jars = Files.newDirectoryStream(path, "*.jar")) {
                        for (Path jar : jars) {
                            shell.addToClasspath(jar.toString());
                        }
                    }
                } else {
                    shell.addToClasspath(path.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    // ---- snippet events

    private Error errorOf(SnippetEvent event) {
        Snippet snippet = event.snippet();
        if (event.status() == Snippet.Status.REJECTED) {
            List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).toList();
            List<String> traceback = new ArrayList<>();
            for (Diag d : diags) {
                traceback.addAll(pointAt(snippet.source(), d));
            }
            String first = diags.isEmpty() ? "the snippet was rejected" : message(diags.get(0));
            if (traceback.isEmpty()) {
                traceback.add(first);
            }
            return new Error("CompilationError", first, traceback);
        }
        JShellException thrown = event.exception();
        if (thrown instanceof UnresolvedReferenceException unresolved) {
            // A method or class whose body names something not (yet) declared: JShell accepts it, and
            // running it fails until that thing exists.
            String names = shell.unresolvedDependencies(unresolved.getSnippet()).collect(Collectors.joining(", "));
            String msg = "the snippet calls " + unresolved.getSnippet().source().strip()
                    + ", which needs " + names + " to be declared";
            return new Error("UnresolvedReferenceException", msg, List.of(msg));
        }
        if (thrown != null) {
            return exceptionError(thrown);
        }
        return null;
    }

    /**
     * Only the last snippet's value is shown, and only when it is an expression (as IPython's Out): not a
     * declaration, and not an assignment ({@code x = randn(1, 2);}), which Python does not show either.
     */
    private static String valueOf(SnippetEvent event) {
        Snippet snippet = event.snippet();
        boolean expression = (snippet.kind() == Snippet.Kind.EXPRESSION
                        && snippet.subKind() != Snippet.SubKind.ASSIGNMENT_SUBKIND)
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        String v = event.value();
        // null is Python's None, which a notebook does not show either.
        return expression && v != null && !v.equals("null") ? v : null;
    }

    private static String message(Diag d) {
        return d.getMessage(Locale.ROOT).lines().findFirst().orElse("").strip();
    }

    /** The compiler's message, the source line it points at and a caret under the spot, as javac prints. */
    private static List<String> pointAt(String source, Diag d) {
        List<String> lines = new ArrayList<>();
        lines.addAll(d.getMessage(Locale.ROOT).lines().toList());
        long pos = d.getPosition() == Diag.NOPOS ? d.getStartPosition() : d.getPosition();
        if (pos >= 0 && pos <= source.length()) {
            int start = source.lastIndexOf('\n', (int) Math.max(0, pos - 1)) + 1;
            if (pos == 0) {
                start = 0;
            }
            int end = source.indexOf('\n', (int) pos);
            String line = source.substring(start, end < 0 ? source.length() : end);
            lines.add(line);
            lines.add(" ".repeat((int) (pos - start)) + "^");
        }
        return lines;
    }

    private static Error exceptionError(JShellException thrown) {
        String className = thrown instanceof EvalException ee ? ee.getExceptionClassName() : thrown.getClass().getName();
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String message = thrown.getMessage() == null ? "" : thrown.getMessage();
        List<String> traceback = new ArrayList<>();
        Throwable t = thrown;
        String prefix = "";
        while (t != null) {
            String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
            traceback.add(prefix + name + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            StackTraceElement[] frames = t.getStackTrace();
            // Below the cell's own frames (classes JShell names REPL.*) lie JShell's agent and reflection:
            // noise to a notebook's reader. Without a REPL frame the whole stack stays.
            int last = frames.length - 1;
            while (last >= 0 && !frames[last].getClassName().startsWith("REPL.")) {
                last--;
            }
            int keep = last < 0 ? frames.length : last + 1;
            for (int i = 0; i < keep; i++) {
                traceback.add("\tat " + frames[i]);
            }
            t = t.getCause();
            prefix = "Caused by: ";
        }
        return new Error(simple, message, traceback);
    }

    // ---- set-up

    /** The library's jar (or classes folder, in a build), as this JVM loaded it. */
    private static String libraryLocation() {
        try {
            return Path.of(Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the autograd4j library", e);
        }
    }

    /** JShell's output thread writes while {@link #eval} reads and resets: both hold the buffer's lock. */
    private static final class SyncOut extends OutputStream {
        private final ByteArrayOutputStream buf;

        SyncOut(ByteArrayOutputStream buf) {
            this.buf = buf;
        }

        @Override
        public void write(int b) {
            synchronized (buf) {
                buf.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (buf) {
                buf.write(b, off, len);
            }
        }
    }
}
