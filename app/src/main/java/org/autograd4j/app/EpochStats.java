package org.autograd4j.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One epoch's figures, as {@link Train} prints them and writes them to {@code metrics.csv}.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss the mean training loss over the epoch's batches (each batch's mean loss weighted by its
 *     size, taken as the model stood before that batch's step)
 * @param trainAccuracy the share of training samples classified right, likewise during the epoch
 * @param testLoss the mean test cross-entropy after the epoch
 * @param testAccuracy the test accuracy after the epoch
 * @param seconds the epoch's wall time, its test evaluation included
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy, double seconds) {

    /** The CSV header {@link #writeCsv} writes. */
    public static final String CSV_HEADER = "epoch,train_loss,train_acc,test_loss,test_acc,seconds";

    /**
     * This epoch as a CSV row: losses and accuracies with 6 decimals, seconds with 3.
     *
     * @return the row, without a line end
     */
    public String csvRow() {
        return String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.3f", epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, seconds);
    }

    /**
     * The one-line summary {@link Train} prints per epoch, the PyTorch twin's format.
     *
     * @param epochs the number of epochs of the run
     * @return e.g. {@code epoch   3/15  train loss 0.4012  acc 0.8845  test loss 0.3550  acc 0.9025  0.84 s}
     */
    public String line(int epochs) {
        return String.format(Locale.ROOT, "epoch %3d/%d  train loss %.4f  acc %.4f  test loss %.4f  acc %.4f  %.2f s",
                epoch, epochs, trainLoss, trainAccuracy, testLoss, testAccuracy, seconds);
    }

    /**
     * Writes {@link #CSV_HEADER} and one {@link #csvRow()} per epoch, UTF-8, {@code \n} line ends.
     *
     * @param epochs the epochs, in order
     * @param file the CSV file (replaced)
     * @throws IOException when it cannot be written
     */
    public static void writeCsv(List<EpochStats> epochs, Path file) throws IOException {
        var sb = new StringBuilder(CSV_HEADER).append('\n');
        for (EpochStats e : epochs) sb.append(e.csvRow()).append('\n');
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }
}
