package org.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The tutorial prints the transcript the foundation issue fixed (tutorial-transcript.txt: PyTorch 1.13.1's
 * output of the notebook after torch.manual_seed(0), None as null), object addresses aside.
 */
class TutorialTest {

    @Test
    void printsTheNotebooksTranscript() throws IOException {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            Tutorial.main(new String[0]);
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
