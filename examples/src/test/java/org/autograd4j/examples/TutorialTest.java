package org.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial prints the transcript the foundation issue fixed (tutorial-transcript.txt: PyTorch 1.13.1's
 * output of the notebook after torch.manual_seed(0), None as null), object addresses aside.
 */
class TutorialTest {

    @Test
    void printsTheNotebooksTranscript() throws IOException {
        checkTranscript(new String[0]);
    }

    /** With {@code --graph DIR}: the same transcript, and each of the lesson's graphs as DOT (SVG only with Graphviz). */
    @Test
    void writesTheGraphs(@TempDir Path dir) throws IOException {
        checkTranscript(new String[] {"--graph", dir.toString()});
        String poly = Files.readString(dir.resolve("1-polynomial.dot"));
        assertTrue(poly.startsWith("digraph {") && poly.contains("[label=\"PowBackward0\"]") && poly.contains("AddBackward0"), poly);
        String mean = Files.readString(dir.resolve("2-mean.dot"));
        assertTrue(mean.contains("[label=\"MeanBackward0\"]") && mean.contains("fillcolor=lightblue"), mean);
        String rnn = Files.readString(dir.resolve("3-rnn-step.dot"));
        assertTrue(rnn.contains("[label=\"TanhBackward0\"]") && rnn.contains("[label=\"Wh\\n (3, 3)\" fillcolor=lightblue]")
                && rnn.contains("[label=\"Wx\\n (3, 2)\" fillcolor=lightblue]"), rnn);
        if (Files.exists(dir.resolve("1-polynomial.svg"))) {
            assertTrue(Files.readString(dir.resolve("1-polynomial.svg")).contains("<svg"));
        }
    }

    private static void checkTranscript(String[] args) throws IOException {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            Tutorial.main(args);
        } finally {
            System.setOut(old);
        }
        String got = buf.toString(StandardCharsets.UTF_8).replaceAll("object at 0x[0-9a-f]+", "object at 0x…");
        String want;
        try (InputStream in = TutorialTest.class.getResourceAsStream("/tutorial-transcript.txt")) {
            want = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(want, got.replace(System.lineSeparator(), "\n"));
    }
}
