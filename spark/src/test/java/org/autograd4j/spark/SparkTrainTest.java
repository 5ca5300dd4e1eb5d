package org.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.autograd4j.app.Digits;
import org.autograd4j.app.DigitsTraining;
import org.autograd4j.app.EpochStats;
import org.autograd4j.app.Train;
import org.autograd4j.app.TrainOptions;
import org.autograd4j.io.Safetensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./autograd4j train --spark}: the digits run on {@code local[2]} against the single-machine
 * {@code DigitsTraining} run with the same options, epoch by epoch, and the command end to end against
 * {@code Train}'s.
 */
class SparkTrainTest {

    record Run(int exit, String out, String err) {}

    static Run run(CommandLine cl, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /**
     * The cnn, 2 epochs, on 2 partitions (each global batch of 32 split over both): the same accuracies (the
     * same examples classified right, during training and on the test split) and the same losses to 1e-5
     * relative as one process. The gradients differ only in the order of float32 sums (two shards scaled
     * by n_p / B and added, against one mean), about 1e-7 relative per step; Adam carries that through 90
     * steps.
     */
    @Test
    void theCnnOnTwoPartitionsFollowsTheSingleMachineRun() {
        var options = CommandLine.populateCommand(new TrainOptions(), "--model", "cnn", "--epochs", "2");
        var single = new DigitsTraining(options.model(), options.optimizer(), options.lr(), options.batchSize(), options.seed());
        List<EpochStats> expected = new ArrayList<>();
        for (int e = 1; e <= options.epochs(); e++) expected.add(single.epoch(e, null));

        SparkTrain.Trained trained;
        try (var jsc = new JavaSparkContext(Fixtures.conf("local[2]", "SparkTrainTest"))) {
            Digits.Split split = Digits.split(Digits.load(), DigitsTraining.TRAIN_FRACTION, options.seed());
            var rdd = jsc.parallelize(DigitsOnSpark.examples(split.train()), 2);
            List<EpochStats> seen = new ArrayList<>();
            trained = SparkTrain.train(rdd, split, options, seen::add);
            assertEquals(trained.history(), seen, "each epoch reported as it ended");
        }
        assertEquals(expected.size(), trained.history().size());
        for (int i = 0; i < expected.size(); i++) {
            EpochStats e = expected.get(i), a = trained.history().get(i);
            String what = "epoch " + (i + 1) + ": " + a + " vs " + e;
            assertEquals(e.epoch(), a.epoch(), what);
            assertEquals(e.trainAccuracy(), a.trainAccuracy(), what);
            assertEquals(e.testAccuracy(), a.testAccuracy(), what);
            assertEquals(e.trainLoss(), a.trainLoss(), 1e-5 * e.trainLoss(), what);
            assertEquals(e.testLoss(), a.testLoss(), 1e-5 * e.testLoss(), what);
        }
        Fixtures.assertCloseWeights(single.model(), trained.model(), 1e-5);
    }

    /**
     * {@code train --spark local[2] --model mlp --epochs 1} against {@code train --model mlp --epochs 1}:
     * the same epoch line (but for its seconds), the same files and reload check, the same last line.
     */
    @Test
    void theCommandPrintsAndWritesWhatTrainDoes(@TempDir Path dir) throws Exception {
        Path sparkDir = dir.resolve("spark"), plainDir = dir.resolve("plain");
        Run s = run(SparkTrain.commandLine(), "--spark", "local[2]", "--model", "mlp", "--epochs", "1", "--out", sparkDir.toString());
        Run p = run(Train.commandLine(), "--model", "mlp", "--epochs", "1", "--out", plainDir.toString());
        assertEquals(0, s.exit(), s.toString());
        assertEquals(0, p.exit(), p.toString());
        assertEquals("", s.err(), "nothing of the command's own on stderr (Spark logs through log4j)");

        List<String> sl = s.out().lines().toList(), pl = p.out().lines().toList();
        assertTrue(sl.contains("on Spark 4.2.0 (master local[2]): 2 partitions, global batch 32"), s.out());
        assertEquals(pl.getFirst(), sl.getFirst(), "the same header");
        assertEquals(epochLine(pl), epochLine(sl));
        assertEquals(pl.get(pl.size() - 2).replace(plainDir.toString(), "DIR"), sl.get(sl.size() - 2).replace(sparkDir.toString(), "DIR"),
                "the reload check");
        assertEquals(pl.getLast(), sl.getLast());
        assertTrue(sl.getLast().matches("test accuracy: 0\\.\\d{4}"), sl.getLast());
        for (String f : List.of("metrics.csv", "curves.png", "model.safetensors")) assertTrue(Files.size(sparkDir.resolve(f)) > 0, f);
        assertEquals(noSeconds(plainDir.resolve("metrics.csv")), noSeconds(sparkDir.resolve("metrics.csv")));
        assertEquals(Safetensors.load(plainDir.resolve("model.safetensors")).keySet(), Safetensors.load(sparkDir.resolve("model.safetensors")).keySet());
    }

    @Test
    void usageErrors() {
        Run r = run(SparkTrain.commandLine(), "--model", "mlp");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Missing required option: '--spark=MASTER'"), r.err());
        r = run(SparkTrain.commandLine(), "--spark", "local[2]", "--partitions", "0");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("--partitions must be at least 1, got 0"), r.err());
        assertEquals("", r.out());
    }

    /** The epoch line without its seconds. */
    private static String epochLine(List<String> lines) {
        String line = lines.stream().filter(l -> l.startsWith("epoch ")).findFirst().orElseThrow();
        return line.substring(0, line.lastIndexOf("  "));
    }

    /** metrics.csv without its seconds column. */
    private static List<String> noSeconds(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }
}
