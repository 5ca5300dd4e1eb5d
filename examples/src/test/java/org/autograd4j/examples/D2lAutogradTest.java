package org.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The d2l autograd chapter prints exactly what its Python twin printed in PyTorch 1.13.1
 * (d2l-autograd-transcript.txt, from tools/goldens/gen_d2l.py), object addresses aside.
 */
class D2lAutogradTest {

    @Test
    void printsWhatThePythonChapterPrints() throws IOException {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            D2lAutograd.main(new String[0]);
        } finally {
            System.setOut(old);
        }
        String got = buf.toString(StandardCharsets.UTF_8).replaceAll("object at 0x[0-9a-f]+", "object at 0x…");
        String want;
        try (InputStream in = D2lAutogradTest.class.getResourceAsStream("/d2l-autograd-transcript.txt")) {
            want = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(want, got.replace(System.lineSeparator(), "\n"));
    }
}
