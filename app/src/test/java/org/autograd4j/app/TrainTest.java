package org.autograd4j.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.autograd4j.Tensor;
import org.autograd4j.io.Safetensors;
import org.autograd4j.nn.Module;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code train} end to end (a short run into a temporary folder), its usage errors, and the data. */
class TrainTest {

    record Run(int exit, String out, String err) {}

    static Run train(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine cl = Train.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The default cnn run for 3 epochs: its files, its lines, and its figures against PyTorch's run. */
    @Test
    void shortRunWritesItsFilesAndReloads(@TempDir Path dir) throws Exception {
        Path outDir = dir.resolve("run"); // does not exist yet: train creates it
        Run r = train("--epochs", "3", "--out", outDir.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err(), "nothing on stderr");
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("digits cnn, adam lr=0.003, batch size 32, 3 epochs, seed 0: 1438 train / 359 test samples, 6,090 parameters"),
                lines.getFirst());
        assertTrue(r.out().contains("\nSequential(\n  (0): Conv2d(1, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))\n"), r.out());
        String last = lines.getLast();
        assertTrue(last.matches("test accuracy: [01]\\.\\d{4}"), "last line: " + last);

        // metrics.csv: the header and one row per epoch, the same figures as the epoch lines
        List<String> csv = Files.readAllLines(outDir.resolve("metrics.csv"));
        assertEquals(EpochStats.CSV_HEADER, csv.getFirst());
        assertEquals(4, csv.size(), csv.toString());
        List<String> epochLines = lines.stream().filter(l -> l.startsWith("epoch ")).toList();
        assertEquals(3, epochLines.size(), r.out());
        List<double[]> golden = pytorchEpochs("cnn");
        for (int e = 1; e <= 3; e++) {
            String[] f = csv.get(e).split(",");
            assertEquals(6, f.length, csv.get(e));
            assertEquals(e, Integer.parseInt(f[0]));
            double trainLoss = Double.parseDouble(f[1]), trainAcc = Double.parseDouble(f[2]);
            double testLoss = Double.parseDouble(f[3]), testAcc = Double.parseDouble(f[4]);
            assertTrue(Double.parseDouble(f[5]) > 0, "seconds: " + csv.get(e));
            assertTrue(epochLines.get(e - 1).startsWith(String.format(java.util.Locale.ROOT,
                    "epoch %3d/3  train loss %.4f  acc %.4f  test loss %.4f  acc %.4f  ", e, trainLoss, trainAcc, testLoss, testAcc)),
                    epochLines.get(e - 1) + " vs " + csv.get(e));
            // PyTorch's run of the same epochs (gen_train_losses.py): accuracies count the same samples,
            // losses agree to the CSV's rounding and float32's
            double[] py = golden.get(e - 1);
            assertEquals(py[0], trainLoss, 1e-4 * py[0] + 1e-6, "train loss, epoch " + e);
            assertEquals(py[1], trainAcc, 1e-6, "train accuracy, epoch " + e);
            assertEquals(py[2], testLoss, 1e-4 * py[2] + 1e-6, "test loss, epoch " + e);
            assertEquals(py[3], testAcc, 1e-6, "test accuracy, epoch " + e);
        }
        assertEquals(String.format(java.util.Locale.ROOT, "test accuracy: %.4f", Double.parseDouble(csv.getLast().split(",")[4])), last);

        // curves.png: a real PNG of the size Curves draws, with something on it
        Path png = outDir.resolve("curves.png");
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, java.util.Arrays.copyOf(bytes, 8));
        assertEquals(2 * Curves.PANEL_WIDTH, ByteBuffer.wrap(bytes, 16, 4).getInt(), "PNG width");
        assertEquals(Curves.HEIGHT, ByteBuffer.wrap(bytes, 20, 4).getInt(), "PNG height");
        assertTrue(bytes.length > 20_000 && bytes.length < 2_000_000, "PNG size " + bytes.length);
        var image = ImageIO.read(png.toFile());
        assertEquals(2 * Curves.PANEL_WIDTH, image.getWidth());

        // model.safetensors: the state dict's keys and shapes, the metadata, and a fresh model evaluates the same
        Path weights = outDir.resolve("model.safetensors");
        Map<String, Tensor> state = Safetensors.load(weights);
        Module fresh = DigitsModels.cnn();
        assertEquals(new java.util.TreeSet<>(fresh.stateDict().keySet()), new java.util.TreeSet<>(state.keySet()));
        assertArrayEquals(new long[] {16, 1, 3, 3}, state.get("0.weight").shape());
        Map<String, String> meta = Safetensors.metadata(weights);
        assertEquals("digits-cnn", meta.get("model"));
        assertEquals("pt", meta.get("format"));
        assertEquals(fresh.toString(), meta.get("architecture"));
        fresh.loadStateDict(state);
        var split = Digits.split(Digits.load(), DigitsTraining.TRAIN_FRACTION, 0);
        var eval = DigitsModels.evaluate(fresh, split.test(), 100);
        assertEquals(last, String.format(java.util.Locale.ROOT, "test accuracy: %.4f", eval.accuracy()));
        assertTrue(r.out().contains("reloaded model.safetensors: test accuracy "), r.out());
    }

    /** The default run's epoch figures PyTorch gave: train loss, train acc, test loss, test acc. */
    static List<double[]> pytorchEpochs(String model) throws IOException {
        List<double[]> out = new ArrayList<>();
        for (String line : TrainLossesTest.goldenLines()) {
            String[] f = line.split(" ");
            if (f[0].equals("epoch") && f[1].equals(model)) {
                out.add(new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])});
            }
        }
        return out;
    }

    @Test
    void badModelIsAUsageError() {
        Run r = train("--model", "rnn");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("Invalid value for option '--model': expected one of [mlp, cnn] (case-sensitive) but was 'rnn'\nUsage: train "),
                r.err());
        assertTrue(r.err().contains("--optimizer=sgd|adam|adamw"), r.err());
    }

    @Test
    void otherUsageErrors() {
        for (String[] args : List.of(new String[] {"--epochs", "0"}, new String[] {"--batch-size", "-1"}, new String[] {"--lr", "0"},
                new String[] {"--optimizer", "lbfgs"}, new String[] {"--frobnicate"}, new String[] {"--threads", "0"}, new String[] {"--epochs", "many"})) {
            Run r = train(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r);
            assertTrue(r.err().contains("\nUsage: train "), String.join(" ", args) + ": " + r.err());
            assertEquals("", r.out());
        }
        assertTrue(train("--epochs", "0").err().startsWith("--epochs must be at least 1, got 0\n"));
    }

    @Test
    void helpListsTheOptions() {
        Run r = train("--help");
        assertEquals(0, r.exit());
        for (String option : List.of("--model", "--epochs", "--lr", "--optimizer", "--batch-size", "--seed", "--threads", "--out")) {
            assertTrue(r.out().contains(option), option + " missing from:\n" + r.out());
        }
        assertTrue(r.out().contains("(default: cnn)") && r.out().contains("(default: 0.003)"), r.out());
    }

    @Test
    void aReloadThatEvaluatesDifferentlyFails() {
        var trained = new EpochStats(1, 0.5, 0.8, 0.25, 0.9, 1.0);
        Train.checkReloaded(new DigitsModels.Evaluation(0.25, 0.9, 323, 359), trained, Path.of("m.safetensors"));
        var e = assertThrows(IllegalStateException.class,
                () -> Train.checkReloaded(new DigitsModels.Evaluation(0.25, 0.8, 287, 359), trained, Path.of("m.safetensors")));
        assertTrue(e.getMessage().startsWith("the model reloaded from m.safetensors evaluates to accuracy 0.800000"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> Train.checkReloaded(new DigitsModels.Evaluation(0.2500001, 0.9, 323, 359), trained, Path.of("m.safetensors")));
    }

    @Test
    void theData() throws IOException {
        var ds = Digits.load();
        assertEquals(1797, ds.size());
        Tensor images = ds.tensors().get(0), labels = ds.tensors().get(1);
        assertArrayEquals(new long[] {1797, 1, 8, 8}, images.shape());
        assertEquals("torch.float32", images.dtype().toString());
        assertEquals("torch.int64", labels.dtype().toString());
        // the file's first row: 0,0,5,13,9,1,0,0,... label 0; pixels / 16
        assertEquals(5 / 16.0, images.select(0, 0).flatten().toDoubleArray()[2]);
        assertEquals(0, labels.select(0, 0).itemLong());
        assertEquals(0.0, images.min().item());
        assertEquals(1.0, images.max().item());
        long[] counts = new long[10];
        for (long l : labels.toLongArray()) counts[(int) l]++;
        assertArrayEquals(new long[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts);
        var split = Digits.split(ds, 0.8, 0);
        assertEquals(1438, split.train().size());
        assertEquals(359, split.test().size());
        var all = new java.util.HashSet<>(split.train().indices());
        all.addAll(split.test().indices());
        assertEquals(1797, all.size(), "the split's halves cover the data once");
        assertFalse(split.train().indices().equals(Digits.split(ds, 0.8, 1).train().indices()), "another seed, another split");
    }

    @Test
    void malformedDataIsRefused() throws IOException {
        var e = assertThrows(IllegalArgumentException.class, () -> Digits.load(gzip("1,2,3\n")));
        assertEquals("digits: line 1 has 3 fields, not 65", e.getMessage());
        String row = "0,".repeat(63) + "17,3\n";
        e = assertThrows(IllegalArgumentException.class, () -> Digits.load(gzip(row)));
        assertEquals("digits: line 1: pixel 17 is outside 0..16", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Digits.load(gzip("0,".repeat(64) + "4\n")));
        assertEquals("digits: 1 samples, expected 1797", e.getMessage());
    }

    private static ByteArrayInputStream gzip(String text) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
