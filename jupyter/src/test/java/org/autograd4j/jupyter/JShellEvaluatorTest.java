package org.autograd4j.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a cell gives back: output, value, and compile errors and exceptions as Jupyter errors. */
class JShellEvaluatorTest {

    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void theLastExpressionIsTheValueAndPrintsAreTheOutput() {
        JShellEvaluator.Result r = evaluator.eval("var t = tensor(2.0).requiresGrad_();\nSystem.out.println(\"hi\");\nt.pow(3)");
        assertNull(r.error());
        assertEquals("hi\n", r.stdout().replace(System.lineSeparator(), "\n"));
        assertEquals("tensor(8., grad_fn=<PowBackward0>)", r.value());
        // Declarations, assignments, void calls and null show nothing, as in IPython.
        assertNull(evaluator.eval("Tensor u = t.mul(2);").value());
        assertNull(evaluator.eval("u = t.mul(3);").value());
        assertNull(evaluator.eval("u.sum().backward();").value());
        assertNull(evaluator.eval("u.grad()").value());
        assertEquals("tensor(3.)", evaluator.eval("t.grad()").value());
    }

    @Test
    void aCompileErrorIsAJupyterErrorAndStopsTheCell() {
        JShellEvaluator.Result r = evaluator.eval("System.out.println(\"before\");\nTensor q = tensor(1.0).nosuchMethod();\nSystem.out.println(\"after\");");
        assertEquals("before\n", r.stdout().replace(System.lineSeparator(), "\n"));
        assertNull(r.value());
        JShellEvaluator.Error e = r.error();
        assertNotNull(e);
        assertEquals("CompilationError", e.ename());
        assertTrue(e.evalue().contains("cannot find symbol"), e.evalue());
        assertTrue(e.traceback().contains("Tensor q = tensor(1.0).nosuchMethod();"), e.traceback().toString());
        assertTrue(e.traceback().stream().anyMatch(l -> l.strip().equals("^")), e.traceback().toString());
        // The session goes on.
        assertEquals("2", evaluator.eval("1 + 1").value());
    }

    @Test
    void anExceptionIsAJupyterErrorWithItsStack() {
        JShellEvaluator.Result r = evaluator.eval("int boom(int d) { return 1 / d; }\nboom(0)");
        JShellEvaluator.Error e = r.error();
        assertNotNull(e);
        assertEquals("ArithmeticException", e.ename());
        assertEquals("/ by zero", e.evalue());
        assertEquals("java.lang.ArithmeticException: / by zero", e.traceback().get(0));
        assertTrue(e.traceback().stream().anyMatch(l -> l.contains("boom")), e.traceback().toString());
        assertTrue(e.traceback().stream().noneMatch(l -> l.contains("jdk.jshell")), e.traceback().toString());

        // The library's own exceptions, from inside the library.
        JShellEvaluator.Error shape = evaluator.eval("mm(randn(2, 3), randn(2, 3))").error();
        assertNotNull(shape);
        assertTrue(shape.traceback().stream().anyMatch(l -> l.contains("org.autograd4j.")), shape.traceback().toString());
    }

    @Test
    void magicsAddToTheClassPath(@TempDir Path dir) throws IOException, InterruptedException {
        // A class compiled here, found through %classpath (in a package: snippets, in JShell's package
        // REPL, cannot name a class of the unnamed package).
        Path src = Files.writeString(dir.resolve("Hello.java"), "package demo; public class Hello { public static String hi() { return \"hello\"; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-d", classes.toString(), src.toString()).inheritIO().start();
        assertEquals(0, javac.waitFor());
        JShellEvaluator.Result r = evaluator.eval("%classpath " + classes + "\ndemo.Hello.hi()");
        assertNull(r.error(), () -> String.valueOf(r.error()));
        assertEquals("\"hello\"", r.value());

        JShellEvaluator.Error missing = evaluator.eval("%jars " + dir.resolve("nothing-here.jar")).error();
        assertNotNull(missing);
        assertEquals("MagicError", missing.ename());
        assertEquals("MagicError", evaluator.eval("%nosuchmagic x").error().ename());
    }
}
