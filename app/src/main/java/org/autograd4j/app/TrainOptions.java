package org.autograd4j.app;

import java.nio.file.Path;
import java.util.Locale;
import org.autograd4j.Torch;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of {@code ./autograd4j train}, a picocli mixin ({@code @Mixin TrainOptions options}) shared by
 * {@link Train} and by the Spark entry point ({@code org.autograd4j.spark.SparkTrain}, {@code train --spark}),
 * so both read the same flags with the same defaults and checks. The PyTorch twin
 * ({@code examples/python/train_digits.py}) takes the same flags.
 */
public final class TrainOptions {

    /** The model names, as picocli shows and checks them. */
    enum ModelName { mlp, cnn }

    /** The optimizer names, as picocli shows and checks them. */
    enum OptimizerName { sgd, adam, adamw }

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

    /** Creates the options with their defaults; picocli fills them. */
    public TrainOptions() {}

    /**
     * Checks the values picocli cannot (ranges), then applies {@code --threads}
     * ({@code Torch.setNumThreads}).
     *
     * @param cl the command line, for the usage error
     * @throws ParameterException for an epoch count, batch size or thread count below 1, or a learning rate
     *     that is not a positive finite number
     */
    public void validateAndApply(CommandLine cl) {
        if (epochs < 1) throw new ParameterException(cl, "--epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new ParameterException(cl, "--batch-size must be at least 1, got " + batchSize);
        if (!(lr > 0) || Double.isInfinite(lr)) throw new ParameterException(cl, "--lr must be a positive number, got " + lr);
        if (threads != null && threads < 1) throw new ParameterException(cl, "--threads must be at least 1, got " + threads);
        if (threads != null) Torch.setNumThreads(threads);
    }

    /**
     * {@code --model}.
     *
     * @return "mlp" or "cnn"
     */
    public String model() {
        return model.name();
    }

    /**
     * {@code --epochs}.
     *
     * @return the number of epochs
     */
    public int epochs() {
        return epochs;
    }

    /**
     * {@code --lr}.
     *
     * @return the learning rate
     */
    public double lr() {
        return lr;
    }

    /**
     * {@code --optimizer}.
     *
     * @return "sgd", "adam" or "adamw"
     */
    public String optimizer() {
        return optimizer.name();
    }

    /**
     * {@code --batch-size}.
     *
     * @return the (global) training batch size
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * {@code --seed}.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * {@code --out}, or its default {@code runs/digits-<model>}.
     *
     * @return the output folder
     */
    public Path outDir() {
        return out != null ? out : Path.of("runs", "digits-" + model);
    }

    /**
     * The run's title, as the first output line and the plot name it: {@code digits cnn, adam lr=0.003}.
     *
     * @return the title
     */
    public String title() {
        return String.format(Locale.ROOT, "digits %s, %s lr=%s", model, optimizer, lr);
    }
}
