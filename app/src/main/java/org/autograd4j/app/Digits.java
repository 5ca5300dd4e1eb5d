package org.autograd4j.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.data.Dataset;
import org.autograd4j.data.Datasets;
import org.autograd4j.data.Subset;
import org.autograd4j.data.TensorDataset;
import org.autograd4j.random.Generator;

/**
 * The UCI optical recognition of handwritten digits data set (the 1,797 test-set images scikit-learn ships
 * as {@code load_digits}, CC BY 4.0; see {@code org/autograd4j/app/README.md} beside the file): 8×8 images
 * of integer pixels 0..16, ten classes. Shipped in this module's resources as {@code digits.csv.gz}, one
 * sample a line, 64 pixels row by row then the label.
 *
 * <p>{@link #load()} gives a {@link TensorDataset} of images {@code (1797, 1, 8, 8)} float32 scaled to
 * [0, 1] (pixels / 16, exact in float32) and labels {@code (1797,)} int64, in the file's order; the
 * PyTorch twin {@code examples/python/train_digits.py} builds the same tensors with
 * {@code torch.tensor(rows[:, :64], dtype=torch.float32).div(16).reshape(-1, 1, 8, 8)}.
 */
public final class Digits {
    /** Samples in the file. */
    public static final int SAMPLES = 1797;
    /** Classes: the digits 0..9. */
    public static final int CLASSES = 10;
    /** The images' side: 8 pixels. */
    public static final int SIDE = 8;
    /** The resource holding the data, next to this class. */
    public static final String RESOURCE = "digits.csv.gz";

    private Digits() {}

    /**
     * The whole data set from this module's resources.
     *
     * @return items {@code [image (1, 8, 8) float32, label () int64]}, in the file's order
     * @throws UncheckedIOException when the resource cannot be read
     */
    public static TensorDataset load() {
        try (InputStream in = Digits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * The data set from a gzip-compressed CSV stream of the shipped file's form (65 integers a line: 64
     * pixels 0..16, then the label 0..9).
     *
     * @param gzipped the compressed CSV
     * @return items {@code [image (1, 8, 8) float32, label () int64]}, in the stream's order
     * @throws IOException when the stream cannot be read
     * @throws IllegalArgumentException for a line of the wrong form, naming its number
     */
    public static TensorDataset load(InputStream gzipped) throws IOException {
        var pixels = new double[SAMPLES * SIDE * SIDE];
        var labels = new long[SAMPLES];
        int n = 0;
        try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) continue;
                if (n == SAMPLES) throw new IllegalArgumentException("digits: more than " + SAMPLES + " samples");
                String[] fields = line.split(",");
                if (fields.length != SIDE * SIDE + 1) {
                    throw new IllegalArgumentException("digits: line " + (n + 1) + " has " + fields.length + " fields, not 65");
                }
                for (int j = 0; j < SIDE * SIDE; j++) {
                    int v = Integer.parseInt(fields[j].strip());
                    if (v < 0 || v > 16) throw new IllegalArgumentException("digits: line " + (n + 1) + ": pixel " + v + " is outside 0..16");
                    pixels[n * SIDE * SIDE + j] = v;
                }
                int label = Integer.parseInt(fields[SIDE * SIDE].strip());
                if (label < 0 || label >= CLASSES) throw new IllegalArgumentException("digits: line " + (n + 1) + ": label " + label + " is outside 0..9");
                labels[n++] = label;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("digits: line " + (n + 1) + ": " + e.getMessage(), e);
        }
        if (n != SAMPLES) throw new IllegalArgumentException("digits: " + n + " samples, expected " + SAMPLES);
        // pixels / 16 in float32, as torch.tensor(..., dtype=torch.float32).div(16): exact (a power of two)
        Tensor images = Torch.tensor(pixels, DType.FLOAT32).div(16.0).reshape(SAMPLES, 1, SIDE, SIDE);
        return new TensorDataset(images, Torch.tensor(labels));
    }

    /**
     * A train/test split: {@code random_split(dataset, [f, 1 - f], generator=torch.Generator().manual_seed(seed))}
     * through {@link Datasets#randomSplit(Dataset, List, Generator)}, so PyTorch's split after the same seed.
     *
     * @param dataset the data set, e.g. {@link #load()}
     * @param trainFraction the training share, in (0, 1)
     * @param seed the split generator's seed
     * @return the training and the test subset
     * @throws IllegalArgumentException for a fraction outside (0, 1)
     */
    public static Split split(Dataset<List<Tensor>> dataset, double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("trainFraction must be in (0, 1), got " + trainFraction);
        }
        List<Subset<List<Tensor>>> parts = Datasets.randomSplit(dataset, List.of(trainFraction, 1 - trainFraction), new Generator(seed));
        return new Split(parts.get(0), parts.get(1));
    }

    /**
     * The two halves of a split.
     *
     * @param train the training subset
     * @param test the test subset
     */
    public record Split(Subset<List<Tensor>> train, Subset<List<Tensor>> test) {}
}
