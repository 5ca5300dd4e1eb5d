package org.autograd4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.autograd4j.DType;
import org.autograd4j.Tensor;

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
     * The rows of a {@code TensorDataset(x, y)} as examples, for {@code jsc.parallelize(Example.listOf(x, y), n)}:
     * row {@code i} is {@code x[i]} flattened, with {@code y[i]} as its class label when {@code y} is an integer
     * tensor of shape {@code [n]}, else as its target vector ({@code y} float, {@code [n]} or {@code [n, k, …]}).
     *
     * @param x the inputs, {@code [n, …]}
     * @param y the labels or targets, {@code [n, …]}
     * @return n examples, in row order
     * @throws IllegalArgumentException when x and y differ in their first dimension
     */
    public static List<Example> listOf(Tensor x, Tensor y) {
        if (x.dim() == 0 || y.dim() == 0 || x.shape()[0] != y.shape()[0]) {
            throw new IllegalArgumentException("Size mismatch between tensors");
        }
        int n = (int) x.shape()[0];
        boolean labels = !y.dtype().isFloatingPoint() && y.dim() == 1;
        float[] xs = x.toFloatArray();
        int d = n == 0 ? 0 : xs.length / n;
        long[] ys = labels ? y.to(DType.INT64).toLongArray() : null;
        float[] ts = labels ? null : y.toFloatArray();
        int k = n == 0 || labels ? 0 : ts.length / n;
        List<Example> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] row = Arrays.copyOfRange(xs, i * d, (i + 1) * d);
            out.add(labels ? classification(row, ys[i]) : regression(row, Arrays.copyOfRange(ts, i * k, (i + 1) * k)));
        }
        return out;
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
