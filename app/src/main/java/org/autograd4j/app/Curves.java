package org.autograd4j.app;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The training curves as one PNG drawn with XChart: loss per epoch on the left, accuracy on the right, a
 * train and a test line in each. Needs no display ({@code -Djava.awt.headless=true} is enough).
 */
public final class Curves {
    /** Width of each of the two panels, in pixels. */
    public static final int PANEL_WIDTH = 640;
    /** Height of the image, in pixels. */
    public static final int HEIGHT = 440;

    private static final Color TRAIN = new Color(0x1f, 0x77, 0xb4);
    private static final Color TEST = new Color(0xff, 0x7f, 0x0e);

    private Curves() {}

    /**
     * Draws the curves of a run.
     *
     * @param epochs the epochs, in order (at least one)
     * @param title what was trained, e.g. {@code digits cnn, adam lr=0.003}; heads both panels
     * @param file the PNG file (replaced)
     * @throws IOException when it cannot be written
     * @throws IllegalArgumentException for no epochs
     */
    public static void write(List<EpochStats> epochs, String title, Path file) throws IOException {
        if (epochs.isEmpty()) throw new IllegalArgumentException("no epochs to draw");
        double[] x = new double[epochs.size()];
        double[] trainLoss = new double[x.length], testLoss = new double[x.length];
        double[] trainAcc = new double[x.length], testAcc = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            EpochStats e = epochs.get(i);
            x[i] = e.epoch();
            trainLoss[i] = e.trainLoss();
            testLoss[i] = e.testLoss();
            trainAcc[i] = e.trainAccuracy();
            testAcc[i] = e.testAccuracy();
        }
        XYChart loss = panel(title + ": loss", "cross-entropy", Styler.LegendPosition.InsideNE);
        series(loss, "train", x, trainLoss, TRAIN);
        series(loss, "test", x, testLoss, TEST);
        XYChart acc = panel(title + ": accuracy", "accuracy", Styler.LegendPosition.InsideSE);
        series(acc, "train", x, trainAcc, TRAIN);
        series(acc, "test", x, testAcc, TEST);
        acc.getStyler().setYAxisMax(1.0);
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(List.of(loss, acc), 1, 2, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static XYChart panel(String title, String yTitle, Styler.LegendPosition legend) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch").yAxisTitle(yTitle).build();
        var s = chart.getStyler();
        s.setLegendPosition(legend);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xdd, 0xdd, 0xdd));
        s.setMarkerSize(5);
        s.setXAxisDecimalPattern("#");
        return chart;
    }

    private static void series(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(SeriesMarkers.CIRCLE);
    }
}
