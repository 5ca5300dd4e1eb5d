package org.autograd4j.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * One training example: a feature vector and either a class label (for {@code CrossEntropyLoss} /
 * {@code NLLLoss}, collated as an int64 tensor of shape {@code [n]}) or a float target vector (for
 * {@code MSELoss} and the like, collated as float32 {@code [n, k]}). PyTorch's equivalent is one item of a
 * {@code TensorDataset(x, y)}.
 *
 * @param features the inputs, float32, flattened row-major (the trainer's {@code inputShape} restores the
 *                 shape per example)
 * @param label    the class index when {@code target} is null
 * @param target   the regression target, or null for a classification example
 */
public record Example(float[] features, long label, float[] target) implements Serializable {
    /**
     * A classification example ({@code (x, y)} with {@code y} a class index).
     *
     * @param features the inputs
     * @param label    the class index
     * @return the example
     */
    public static Example classification(float[] features, long label) {
        return new Example(Objects.requireNonNull(features, "features"), label, null);
    }

    /**
     * A regression example ({@code (x, y)} with {@code y} a float vector).
     *
     * @param features the inputs
     * @param target   the target values
     * @return the example
     */
    public static Example regression(float[] features, float... target) {
        return new Example(Objects.requireNonNull(features, "features"), 0, Objects.requireNonNull(target, "target"));
    }

    /**
     * Whether this example carries a class label rather than a target vector.
     *
     * @return true for a classification example
     */
    public boolean isClassification() {
        return target == null;
    }
}
