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
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
                "model.safetensors to --out, reloads the model and checks it. Last line: test accuracy: 0.9889"})
public final class Train implements Callable<Integer> {

    /** The model names, as picocli shows and checks them. */
    enum ModelName { mlp, cnn }

    /** The optimizer names, as picocli shows and checks them. */
    enum OptimizerName { sgd, adam, adamw }

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", defaultValue = "cnn", paramLabel = "mlp|cnn",
            description = "the model: mlp (64-128-10) or cnn (two Conv2d+MaxPool2d, then Linear) (default: ${DEFAULT-VALUE})")
    private ModelName model;

    @Option(names = "--epochs", defaultValue = "15", description = "passes over the training set (default: ${DEFAULT-VALUE})")
    private int epochs;

    @Option(names = "--lr", defaultValue = "0.003", description = "learning rate (default: ${DEFAULT-VALUE})")
    private double lr;

    @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "sgd|adam|adamw",
            description = "sgd (momentum 0.9), adam or adamw, PyTorch's defaults otherwise (default: ${DEFAULT-VALUE})")
    private OptimizerName optimizer;

    @Option(names = "--batch-size", defaultValue = "32", description = "training batch size (default: ${DEFAULT-VALUE})")
    private int batchSize;

    @Option(names = "--seed", defaultValue = "0",
            description = "seeds the split, the initial weights and the batch order (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "intra-op threads, Torch.setNumThreads (default: the library's, all processors)")
    private Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/digits-<model>)")
    private Path out;

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
        var cl = new CommandLine(new Train());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("train: " + e);
            return 1;
        });
        return cl;
    }

    @Override
    public Integer call() throws IOException {
        if (epochs < 1) throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1, got " + batchSize);
        if (!(lr > 0) || Double.isInfinite(lr)) throw new ParameterException(spec.commandLine(), "--lr must be a positive number, got " + lr);
        if (threads != null && threads < 1) throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        if (threads != null) Torch.setNumThreads(threads);
        Path dir = out != null ? out : Path.of("runs", "digits-" + model);
        Files.createDirectories(dir);
        PrintWriter stdout = spec.commandLine().getOut();

        String what = String.format(Locale.ROOT, "digits %s, %s lr=%s", model, optimizer, lr);
        var run = new DigitsTraining(model.name(), optimizer.name(), lr, batchSize, seed);
        long params = 0;
        for (Tensor p : run.model().parameters()) params += p.numel();
        stdout.printf(Locale.ROOT, "%s, batch size %d, %d epochs, seed %d: %d train / %d test samples, %,d parameters, threads %d%n",
                what, batchSize, epochs, seed, run.split().train().size(), run.split().test().size(), params, Torch.getNumThreads());
        stdout.println(run.model());

        boolean live = System.console() != null && System.console().isTerminal();
        List<EpochStats> history = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            EpochStats stats = live ? withProgressBar(run, e) : run.epoch(e, null);
            history.add(stats);
            stdout.println(stats.line(epochs));
        }

        Path csv = dir.resolve("metrics.csv"), png = dir.resolve("curves.png"), weights = dir.resolve("model.safetensors");
        EpochStats last = history.getLast();
        EpochStats.writeCsv(history, csv);
        Curves.write(history, what, png);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("model", "digits-" + model);
        metadata.put("architecture", run.model().toString());
        metadata.put("test_accuracy", String.format(Locale.ROOT, "%.4f", last.testAccuracy()));
        Safetensors.save(run.model().stateDict(), metadata, weights);
        stdout.println("wrote " + csv + ", " + png + ", " + weights);

        // The saved file, not the trained object: a fresh model (other random weights) loads it and must
        // evaluate exactly as the trained one did.
        Module reloaded = DigitsModels.build(model.name());
        reloaded.loadStateDict(Safetensors.load(weights));
        DigitsModels.Evaluation check = DigitsModels.evaluate(reloaded, run.split().test(), DigitsTraining.EVAL_BATCH_SIZE);
        checkReloaded(check, last, weights);
        stdout.printf(Locale.ROOT, "reloaded %s: test accuracy %.4f, loss %.4f, as trained%n", weights.getFileName(), check.accuracy(), check.loss());
        stdout.printf(Locale.ROOT, "test accuracy: %.4f%n", last.testAccuracy());
        stdout.flush();
        return 0;
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
    private EpochStats withProgressBar(DigitsTraining run, int epoch) {
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
