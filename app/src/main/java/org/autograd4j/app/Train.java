package org.autograd4j.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.io.Safetensors;
import org.autograd4j.nn.Module;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code ./autograd4j train}: trains a digits classifier ({@link DigitsTraining}), shows each epoch (a live
 * progress bar on a terminal, one plain line per epoch otherwise), writes {@code metrics.csv},
 * {@code curves.png} and {@code model.safetensors} into the output folder, reloads the saved model into a
 * fresh one and checks it evaluates the same. The last line on stdout is {@code test accuracy: 0.9889}
 * (four decimals), for scripts. {@code examples/python/train_digits.py} is the same run in PyTorch.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Train.Version.class,
        description = {"Trains a classifier on the UCI optical digits (1,797 8x8 images, shipped in the jar):",
                "prints each epoch's train/test loss and accuracy, writes metrics.csv, curves.png and",
                "model.safetensors to --out, reloads the model and checks it. Last line: test accuracy: 0.9889"},
        footer = {"", "On Apache Spark, data-parallel, with the same options, files and last line:",
                "      --spark=MASTER      local[2] or spark://host:7077 (through ./autograd4j;",
                "                            docs/spark.md)"})
public final class Train implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainOptions options;

    /** Creates the command with its defaults; picocli fills the options. */
    public Train() {}

    /**
     * Runs the command line and exits with its status: 0 done, 1 failed (the message on stderr), 2 a usage
     * error (picocli's message and the usage on stderr).
     *
     * @param args the options
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line without exiting.
     *
     * @param args the options
     * @return the exit status (0, 1 or 2, as {@link #main})
     */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The picocli command line for {@code train}, with its error handler: a failure prints
     * {@code train: <message>} on stderr (no stack trace) and exits 1.
     *
     * @return the command line
     */
    public static CommandLine commandLine() {
        return commandLine(new Train());
    }

    /**
     * A picocli command line for a {@code train} command object (this one, or another front end sharing
     * {@link TrainOptions}, such as the Spark module's), with train's error handler: a failure prints
     * {@code train: <message>} on stderr (no stack trace) and exits 1.
     *
     * @param command the annotated command object
     * @return the command line
     */
    public static CommandLine commandLine(Object command) {
        var cl = new CommandLine(command);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("train: " + e);
            return 1;
        });
        return cl;
    }

    @Override
    public Integer call() throws IOException {
        options.validateAndApply(spec.commandLine());
        Path dir = options.outDir();
        Files.createDirectories(dir);
        PrintWriter stdout = spec.commandLine().getOut();
        int epochs = options.epochs();

        var run = new DigitsTraining(options.model(), options.optimizer(), options.lr(), options.batchSize(), options.seed());
        printHeader(stdout, options, run.model(), run.split());

        boolean live = System.console() != null && System.console().isTerminal();
        List<EpochStats> history = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            EpochStats stats = live ? withProgressBar(run, e, epochs) : run.epoch(e, null);
            history.add(stats);
            stdout.println(stats.line(epochs));
        }
        writeResults(stdout, options, run.model(), run.split(), history);
        return 0;
    }

    /**
     * Prints the run's first two lines: what trains on what (title, batch size, epochs, seed, split sizes,
     * parameter count, threads), then the model.
     *
     * @param stdout where they go
     * @param options the run's options
     * @param model the model about to train
     * @param split the data
     */
    public static void printHeader(PrintWriter stdout, TrainOptions options, Module model, Digits.Split split) {
        long params = 0;
        for (Tensor p : model.parameters()) params += p.numel();
        stdout.printf(Locale.ROOT, "%s, batch size %d, %d epochs, seed %d: %d train / %d test samples, %,d parameters, threads %d%n",
                options.title(), options.batchSize(), options.epochs(), options.seed(), split.train().size(), split.test().size(),
                params, Torch.getNumThreads());
        stdout.println(model);
    }

    /**
     * Writes the run's files into {@link TrainOptions#outDir()}: {@code metrics.csv} (one row per epoch),
     * {@code curves.png} and {@code model.safetensors} (the state dict, with the model name, architecture and
     * test accuracy as metadata); reloads the saved file into a fresh model, checks it evaluates exactly as
     * the trained one did ({@link #checkReloaded}), and prints that, then the last line
     * {@code test accuracy: 0.9889}.
     *
     * @param stdout where the lines go (flushed)
     * @param options the run's options
     * @param model the trained model
     * @param split the data (its test split is evaluated again after the reload)
     * @param history the epochs' figures, in order, at least one
     * @throws IOException when a file cannot be written or read back
     * @throws IllegalStateException when the reloaded model evaluates differently
     */
    public static void writeResults(PrintWriter stdout, TrainOptions options, Module model, Digits.Split split,
                                    List<EpochStats> history) throws IOException {
        Path dir = options.outDir();
        Files.createDirectories(dir);
        Path csv = dir.resolve("metrics.csv"), png = dir.resolve("curves.png"), weights = dir.resolve("model.safetensors");
        EpochStats last = history.getLast();
        EpochStats.writeCsv(history, csv);
        Curves.write(history, options.title(), png);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("model", "digits-" + options.model());
        metadata.put("architecture", model.toString());
        metadata.put("test_accuracy", String.format(Locale.ROOT, "%.4f", last.testAccuracy()));
        Safetensors.save(model.stateDict(), metadata, weights);
        stdout.println("wrote " + csv + ", " + png + ", " + weights);

        // The saved file, not the trained object: a fresh model (other random weights) loads it and must
        // evaluate exactly as the trained one did.
        Module reloaded = DigitsModels.build(options.model());
        reloaded.loadStateDict(Safetensors.load(weights));
        DigitsModels.Evaluation check = DigitsModels.evaluate(reloaded, split.test(), DigitsTraining.EVAL_BATCH_SIZE);
        checkReloaded(check, last, weights);
        stdout.printf(Locale.ROOT, "reloaded %s: test accuracy %.4f, loss %.4f, as trained%n", weights.getFileName(), check.accuracy(), check.loss());
        stdout.printf(Locale.ROOT, "test accuracy: %.4f%n", last.testAccuracy());
        stdout.flush();
    }

    /**
     * Fails unless the reloaded model's test evaluation is the trained model's, exactly (same weights, same
     * computation).
     *
     * @throws IllegalStateException naming both results
     */
    static void checkReloaded(DigitsModels.Evaluation reloaded, EpochStats trained, Path file) {
        if (reloaded.accuracy() != trained.testAccuracy() || reloaded.loss() != trained.testLoss()) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "the model reloaded from %s evaluates to accuracy %.6f, loss %.9f; the trained model gave %.6f, %.9f",
                    file, reloaded.accuracy(), reloaded.loss(), trained.testAccuracy(), trained.testLoss()));
        }
    }

    /**
     * One epoch under a live bar: samples done, ETA, and the epoch's loss and accuracy so far with its
     * samples/s (computed here: the library's own speed counts whole seconds, and an epoch may take less).
     */
    private static EpochStats withProgressBar(DigitsTraining run, int epoch, int epochs) {
        int samples = run.split().train().size();
        var sums = new double[2]; // loss·samples, correct
        var done = new int[1];
        long start = System.nanoTime();
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                .setInitialMax(samples)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(100)
                .clearDisplayOnFinish()
                .build()) {
            return run.epoch(epoch, (n, loss, correct) -> {
                sums[0] += loss * n;
                sums[1] += correct;
                done[0] += n;
                double rate = done[0] / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
                bar.stepBy(n);
                bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f acc %.4f %,.0f samples/s", sums[0] / done[0], sums[1] / done[0], rate));
            });
        }
    }

    /** {@code --version}: the app's version (the jar manifest's, when it has one) and the JDK. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Train.class.getPackage().getImplementationVersion();
            return new String[] {"autograd4j train " + (v != null ? v : "(development build)"), "JDK " + Runtime.version()};
        }
    }
}
