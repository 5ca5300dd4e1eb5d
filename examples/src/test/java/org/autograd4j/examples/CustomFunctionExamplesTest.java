package org.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The custom-Function examples print what their PyTorch scripts print (transcripts from
 * {@code tools/goldens/gen_custom_functions.py}, real PyTorch 1.13.1, float32).
 *
 * <p>Tolerances, and why: {@code LegendrePolynomial} prints PyTorch's transcript exactly (each float32 step has
 * PyTorch's bits). Otherwise every printed tensor and every step number must match exactly, and the losses to a
 * relative 1e-6 (measured: at most 2e-7): {@code StraightThrough}'s are means of 4-term dot products ({@code mv}),
 * which round differently from PyTorch's kernels in the last bit; over 2000 steps the one-ulp differences stay at
 * that level.
 */
class CustomFunctionExamplesTest {
    static String run(Consumer<String[]> main) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            main.accept(new String[0]);
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    static String transcript(String name) throws IOException {
        try (InputStream in = CustomFunctionExamplesTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void near(String what, String want, String got, double rel, double abs) {
        double w = Double.parseDouble(want), g = Double.parseDouble(got);
        assertTrue(Math.abs(w - g) <= Math.max(abs, rel * Math.abs(w)), what + ": " + got + ", PyTorch " + want);
    }

    /** "t loss" lines: t exact, the loss within 1e-6 relative; any other line exactly. */
    static void compareLosses(String want, String got) {
        String[] w = want.split("\n"), g = got.split("\n");
        assertEquals(w.length, g.length, "number of lines\n" + got);
        for (int i = 0; i < w.length; i++) {
            if (w[i].matches("\\d+ \\S+")) {
                String[] wt = w[i].split(" "), gt = g[i].split(" ");
                assertEquals(wt[0], gt[0], "line " + (i + 1));
                near("line " + (i + 1), wt[1], gt[1], 1e-6, 0);
            } else {
                assertEquals(w[i], g[i], "line " + (i + 1));
            }
        }
    }

    @Test
    void legendrePolynomialFitsSineAsPyTorchDoes() throws IOException {
        // every float32 step is PyTorch's bits (linspace, sin, x³ as x·x·x, the sums): the transcript, character for character
        assertEquals(transcript("legendre-transcript.txt"), run(LegendrePolynomial::main));
    }

    @Test
    void straightThroughEstimator() throws IOException {
        compareLosses(transcript("ste-transcript.txt"), run(StraightThrough::main));
    }

    /** Every number the PyTorch scripts printed reads back and prints again as Python printed it. */
    @Test
    void pythonFloatRepr() throws IOException {
        int n = 0;
        for (String name : new String[] {"legendre-transcript.txt", "ste-transcript.txt"}) {
            for (String tok : transcript(name).split("[\\s(),]+")) {
                if (!tok.matches("-?\\d+\\.\\d+(e[-+]\\d+)?")) continue;
                assertEquals(tok, org.autograd4j.Torch.str(Double.parseDouble(tok)));
                n++;
            }
        }
        assertTrue(n > 30, "numbers checked: " + n);
        assertEquals("1e+16", org.autograd4j.Torch.str(1e16));
        assertEquals("0.0001", org.autograd4j.Torch.str(1e-4));
        assertEquals("1e-05", org.autograd4j.Torch.str(1e-5));
        assertEquals("-0.0", org.autograd4j.Torch.str(-0.0));
        assertEquals("100.0", org.autograd4j.Torch.str(100.0));
    }
}
