package org.autograd4j.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first 20 training losses of {@link DigitsTraining} against PyTorch 1.13.1's for the same run
 * ({@code tools/goldens/gen_train_losses.py}, which trains with {@code examples/python/train_digits.py}):
 * the defaults of both models, SGD with a short last batch (so step 13 starts the loader's second pass) and
 * AdamW with another seed. The issue asks for 4 significant digits; they agree to 1.1–1.5e-7 relative (a float32
 * rounding or two), so the test holds them to 2e-6: a change that moves a kernel's bits fails here, long before
 * the 4th digit drifts (the test prints the largest relative difference it saw).
 */
class TrainLossesTest {
    /** Relative: ~16 float32 ulps, well inside the issue's 4 significant digits (5e-4). */
    static final double TOLERANCE = 2e-6;

    record Golden(String model, String optimizer, double lr, int batchSize, long seed, List<Double> losses) {
        @Override
        public String toString() {
            return model + " " + optimizer + " lr=" + lr + " batch " + batchSize + " seed " + seed;
        }
    }

    static List<String> goldenLines() throws IOException {
        try (InputStream in = TrainLossesTest.class.getResourceAsStream("/train_losses.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
        }
    }

    static Stream<Golden> goldens() throws IOException {
        List<Golden> out = new ArrayList<>();
        for (String line : goldenLines()) {
            String[] f = line.split(" ");
            if (!f[0].equals("losses")) continue;
            List<Double> losses = new ArrayList<>();
            for (int i = 6; i < f.length; i++) losses.add(Double.parseDouble(f[i]));
            out.add(new Golden(f[1], f[2], Double.parseDouble(f[3]), Integer.parseInt(f[4]), Long.parseLong(f[5]), losses));
        }
        assertEquals(4, out.size(), "train_losses.txt's runs");
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void firstTwentyLossesArePyTorchs(Golden g) {
        assertEquals(20, g.losses().size());
        List<Double> ours = new DigitsTraining(g.model(), g.optimizer(), g.lr(), g.batchSize(), g.seed()).steps(20);
        double worst = 0;
        for (int i = 0; i < 20; i++) {
            double theirs = g.losses().get(i), mine = ours.get(i);
            double rel = Math.abs(mine - theirs) / Math.abs(theirs);
            worst = Math.max(worst, rel);
            assertTrue(rel <= TOLERANCE, String.format(Locale.ROOT, "%s step %d: loss %.9g, PyTorch's %.9g (relative difference %.2e)",
                    g, i + 1, mine, theirs, rel));
        }
        System.out.printf(Locale.ROOT, "TrainLossesTest %s: 20 losses within %.2e of PyTorch's (relative)%n", g, worst);
    }
}
