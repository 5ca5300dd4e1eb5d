package org.autograd4j.spark;

import java.io.Serializable;
import java.util.Iterator;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * One partition's examples, packed once and cached by Spark: features as one row-major float array, targets
 * as labels or a float array. Steps gather their rows from it; nothing is re-read from the source.
 */
final class Block implements Serializable {
    private static final long serialVersionUID = 1L;

    final int partition;
    final int size;
    final int featureSize;
    final boolean classification;
    final int targetSize;
    final float[] features;
    final long[] labels;
    final float[] targets;

    private Block(int partition, int size, int featureSize, boolean classification, int targetSize,
                  float[] features, long[] labels, float[] targets) {
        this.partition = partition;
        this.size = size;
        this.featureSize = featureSize;
        this.classification = classification;
        this.targetSize = targetSize;
        this.features = features;
        this.labels = labels;
        this.targets = targets;
    }

    /**
     * Packs a partition's examples, checking every row.
     *
     * @param partition   the partition index (for error messages)
     * @param rows        the examples
     * @param featureSize the required feature count, or -1 for "as the partition's first row"
     * @throws BadRowException naming the partition and row of the first bad example
     */
    static Block pack(int partition, Iterator<Example> rows, int featureSize) {
        FloatList feats = new FloatList();
        FloatList targs = new FloatList();
        LongList labs = new LongList();
        int d = featureSize, k = -1;
        Boolean cls = null;
        int n = 0;
        while (rows.hasNext()) {
            Example e = rows.next();
            if (e == null) throw new BadRowException(partition, n, "the example is null");
            float[] x = e.features();
            if (x == null) throw new BadRowException(partition, n, "features are null");
            if (d < 0) d = x.length;
            if (x.length != d) {
                throw new BadRowException(partition, n, x.length + " features where " + d + " were expected");
            }
            for (int j = 0; j < x.length; j++) {
                if (!Float.isFinite(x[j])) throw new BadRowException(partition, n, "feature " + j + " is " + x[j]);
            }
            if (cls == null) cls = e.isClassification();
            if (cls != e.isClassification()) {
                throw new BadRowException(partition, n, cls
                        ? "a target vector where the rows before it carry class labels"
                        : "a class label where the rows before it carry target vectors");
            }
            if (cls) {
                if (e.label() < 0) throw new BadRowException(partition, n, "class label " + e.label() + " is negative");
                labs.add(e.label());
            } else {
                float[] y = e.target();
                if (k < 0) k = y.length;
                if (y.length != k) {
                    throw new BadRowException(partition, n, y.length + " target values where " + k + " were expected");
                }
                for (int j = 0; j < y.length; j++) {
                    if (!Float.isFinite(y[j])) throw new BadRowException(partition, n, "target " + j + " is " + y[j]);
                }
                targs.add(y);
            }
            feats.add(x);
            n++;
        }
        boolean c = cls == null || cls;
        return new Block(partition, n, Math.max(d, 0), c, c ? 0 : k, feats.toArray(), c ? labs.toArray() : null,
                c ? null : targs.toArray());
    }

    /** A summary the driver checks across partitions: partition, size, feature size, kind, target size. */
    long[] summary() {
        return new long[] {partition, size, featureSize, classification ? 1 : 0, targetSize};
    }

    /**
     * The inputs of the chosen rows as a float32 tensor {@code [rows.length, *exampleShape]}.
     *
     * @param rows         indices into this block
     * @param exampleShape one example's shape, or null for {@code [featureSize]}
     */
    Tensor features(int[] rows, long[] exampleShape) {
        double[] x = new double[rows.length * featureSize];
        for (int i = 0; i < rows.length; i++) {
            int from = rows[i] * featureSize, to = i * featureSize;
            for (int j = 0; j < featureSize; j++) x[to + j] = features[from + j];
        }
        long[] shape;
        if (exampleShape == null) {
            shape = new long[] {rows.length, featureSize};
        } else {
            shape = new long[exampleShape.length + 1];
            shape[0] = rows.length;
            System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        }
        return Torch.tensor(x, DType.FLOAT32).reshape(shape);
    }

    /**
     * The targets of the chosen rows: int64 {@code [rows.length]} labels or float32 {@code [rows.length, k]}.
     *
     * @param rows indices into this block
     */
    Tensor targets(int[] rows) {
        if (classification) {
            long[] y = new long[rows.length];
            for (int i = 0; i < rows.length; i++) y[i] = labels[rows[i]];
            return Torch.tensor(y);
        }
        double[] y = new double[rows.length * targetSize];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < targetSize; j++) y[i * targetSize + j] = targets[rows[i] * targetSize + j];
        }
        return Torch.tensor(y, DType.FLOAT32).reshape(rows.length, targetSize);
    }

    private static final class FloatList {
        private float[] a = new float[1024];
        private int n;

        void add(float[] v) {
            if (n + v.length > a.length) a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, n + v.length));
            System.arraycopy(v, 0, a, n, v.length);
            n += v.length;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    private static final class LongList {
        private long[] a = new long[256];
        private int n;

        void add(long v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, a.length * 2);
            a[n++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
