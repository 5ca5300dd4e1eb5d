package org.autograd4j.app;

import java.util.List;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.data.DataLoader;
import org.autograd4j.data.Dataset;
import org.autograd4j.nn.Conv2d;
import org.autograd4j.nn.CrossEntropyLoss;
import org.autograd4j.nn.Flatten;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.MaxPool2d;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.ReLU;
import org.autograd4j.nn.Sequential;
import org.autograd4j.optim.Adam;
import org.autograd4j.optim.AdamW;
import org.autograd4j.optim.Optimizer;
import org.autograd4j.optim.SGD;

/**
 * The digits classifiers, their optimizers and their evaluation, shared by {@link Train} and by anything
 * else that trains the same models (the PyTorch twin {@code examples/python/train_digits.py} has the same
 * functions). Models take {@code (N, 1, 8, 8)} float32 images and return {@code (N, 10)} logits.
 */
public final class DigitsModels {
    /** The model names {@link #build(String)} knows. */
    public static final List<String> MODELS = List.of("mlp", "cnn");
    /** The optimizer names {@link #optimizer(String, List, double)} knows. */
    public static final List<String> OPTIMIZERS = List.of("sgd", "adam", "adamw");
    /** SGD's momentum ({@code --optimizer sgd}): plain SGD crawls on this data. */
    public static final double SGD_MOMENTUM = 0.9;

    private DigitsModels() {}

    /**
     * The multilayer perceptron: {@code Sequential(Flatten(), Linear(64, 128), ReLU(), Linear(128, 10))},
     * with PyTorch's default initialisation from the default generator.
     *
     * @return a new model (9,610 parameters)
     */
    public static Sequential mlp() {
        return new Sequential(new Flatten(), new Linear(64, 128), new ReLU(), new Linear(128, Digits.CLASSES));
    }

    /**
     * The small convolutional net: {@code Conv2d(1, 16, 3, padding=1) ReLU MaxPool2d(2) Conv2d(16, 32, 3,
     * padding=1) ReLU MaxPool2d(2) Flatten Linear(128, 10)} (8×8 → 4×4 → 2×2 maps), with PyTorch's default
     * initialisation from the default generator.
     *
     * @return a new model (6,090 parameters)
     */
    public static Sequential cnn() {
        return new Sequential(
                new Conv2d(1, 16, 3, 1, 1), new ReLU(), new MaxPool2d(2),
                new Conv2d(16, 32, 3, 1, 1), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(32 * 2 * 2, Digits.CLASSES));
    }

    /**
     * A model by name, initialised from the default generator as it stands.
     *
     * @param name "mlp" or "cnn"
     * @return the new model
     * @throws IllegalArgumentException for another name
     */
    public static Sequential build(String name) {
        return switch (name) {
            case "mlp" -> mlp();
            case "cnn" -> cnn();
            default -> throw new IllegalArgumentException("unknown model '" + name + "' (expected one of " + MODELS + ")");
        };
    }

    /**
     * {@code torch.manual_seed(seed)}, then the model: the seed's initial weights, PyTorch's.
     *
     * @param name "mlp" or "cnn"
     * @param seed the seed of the default generator
     * @return the new model
     */
    public static Sequential build(String name, long seed) {
        Torch.manualSeed(seed);
        return build(name);
    }

    /**
     * The optimizer by name, with PyTorch's defaults except SGD's momentum {@value #SGD_MOMENTUM}:
     * {@code SGD(params, lr, momentum=0.9)}, {@code Adam(params, lr)}, {@code AdamW(params, lr)}.
     *
     * @param name "sgd", "adam" or "adamw"
     * @param params the parameters
     * @param lr the learning rate
     * @return the optimizer
     * @throws IllegalArgumentException for another name
     */
    public static Optimizer optimizer(String name, List<Tensor> params, double lr) {
        return switch (name) {
            case "sgd" -> new SGD(params, lr, SGD_MOMENTUM);
            case "adam" -> new Adam(params, lr);
            case "adamw" -> new AdamW(params, lr);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "' (expected one of " + OPTIMIZERS + ")");
        };
    }

    /**
     * Mean cross-entropy and accuracy over a data set, in eval mode without grad: batches of
     * {@code batchSize} in order, the summed loss ({@code CrossEntropyLoss(reduction='sum')}) of each added
     * in double, then divided by the count. Leaves the model in eval mode.
     *
     * @param model the classifier
     * @param data items {@code [image, label]}
     * @param batchSize the evaluation batch size (the result does not depend on it beyond rounding)
     * @return the evaluation
     */
    public static Evaluation evaluate(Module model, Dataset<List<Tensor>> data, int batchSize) {
        model.eval();
        var lossFn = new CrossEntropyLoss(null, -100, "sum", 0.0);
        double total = 0;
        long correct = 0;
        int n = 0;
        try (var _ = Torch.noGrad()) {
            for (List<Tensor> batch : DataLoader.of(data, batchSize)) {
                Tensor out = model.call(batch.get(0));
                total += lossFn.forward(out, batch.get(1)).item();
                correct += correct(out, batch.get(1));
                n += (int) batch.get(1).size(0);
            }
        }
        return new Evaluation(total / n, (double) correct / n, correct, n);
    }

    /**
     * How many rows' argmax is their label: {@code (out.argmax(1) == labels).sum().item()}.
     *
     * @param logits {@code (N, C)} scores
     * @param labels {@code (N,)} class indices
     * @return the count of correct rows
     */
    public static long correct(Tensor logits, Tensor labels) {
        return logits.argmax(1).eq(labels).sum().itemLong();
    }

    /**
     * An evaluation's result.
     *
     * @param loss the mean cross-entropy
     * @param accuracy correct / count
     * @param correct the rows classified right
     * @param count the rows
     */
    public record Evaluation(double loss, double accuracy, long correct, int count) {}
}
