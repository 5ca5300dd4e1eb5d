package org.autograd4j.format;

import org.autograd4j.DType;

/**
 * PyTorch's {@code torch._tensor_str._Formatter}: one per tensor, it fixes the mode (int_mode, sci) and the
 * column width from the elements it is built from, then pads every formatted element to that width.
 */
final class ElementFormatter {
    private static final int PRECISION = 4;

    private final DType dtype;
    private final Elements data;
    private boolean intMode = true;
    private boolean sci = false;
    private int width = 1;

    /** Running statistics over the finite non-zero values (PyTorch's nonzero_finite_vals). */
    private boolean anyNonZeroFinite;
    private double minAbs = Double.POSITIVE_INFINITY;
    private double maxAbs = 0;

    private ElementFormatter(DType dtype, Elements data) {
        this.dtype = dtype;
        this.data = data;
    }

    /**
     * Builds the formatter from the elements PyTorch would build it from: all of them, or when summarizing
     * only the shown ones (PyTorch's get_summarized_data), so a hidden outlier never changes the layout.
     */
    static ElementFormatter build(long[] shape, DType dtype, Elements data, boolean summarize) {
        ElementFormatter f = new ElementFormatter(dtype, data);
        switch (dtype) {
            case INT64 -> Shown.forEach(shape, summarize,
                    i -> f.width = Math.max(f.width, Long.toString(data.getLong(i)).length()));
            case BOOL -> Shown.forEach(shape, summarize,
                    i -> f.width = Math.max(f.width, data.getBool(i) ? 4 : 5));
            case FLOAT32, FLOAT64 -> f.buildFloat(shape, summarize);
        }
        return f;
    }

    private void buildFloat(long[] shape, boolean summarize) {
        Shown.forEach(shape, summarize, i -> {
            double v = data.getDouble(i);
            if (v != 0 && Double.isFinite(v)) {
                anyNonZeroFinite = true;
                double a = Math.abs(v);
                minAbs = Math.min(minAbs, a);
                maxAbs = Math.max(maxAbs, a);
                if (v != Math.ceil(v)) {
                    intMode = false;
                }
            }
        });
        if (!anyNonZeroFinite) {
            return; // int_mode, not sci, width 1
        }
        // PyTorch compares in double (the values are converted with tensor_totype before dividing)
        boolean large = maxAbs / minAbs > 1000.0 || maxAbs > 1.0e8;
        sci = intMode ? large : large || minAbs < 1.0e-4;
        // zeros, nan and inf never widen the column
        Shown.forEach(shape, summarize, i -> {
            double v = data.getDouble(i);
            if (v != 0 && Double.isFinite(v)) {
                int len;
                if (sci) {
                    len = PyFloatFormat.formatScientific(v, PRECISION).length();
                } else if (intMode) {
                    len = PyFloatFormat.formatFixed(v, 0).length() + 1;
                } else {
                    len = PyFloatFormat.formatFixed(v, PRECISION).length();
                }
                width = Math.max(width, len);
            }
        });
    }

    /** The column width: every formatted element is at least this long. */
    int width() {
        return width;
    }

    /** The element at row-major position i, formatted and left-padded to {@link #width()}. */
    String format(long i) {
        String s = switch (dtype) {
            case INT64 -> Long.toString(data.getLong(i));
            case BOOL -> data.getBool(i) ? "True" : "False";
            case FLOAT32, FLOAT64 -> formatFloat(data.getDouble(i));
        };
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private String formatFloat(double v) {
        if (sci) {
            return PyFloatFormat.formatScientific(v, PRECISION);
        }
        if (intMode) {
            String s = PyFloatFormat.formatFixed(v, 0);
            // the point marks a float tensor; nan and inf have no point to add
            return Double.isFinite(v) ? s + "." : s;
        }
        return PyFloatFormat.formatFixed(v, PRECISION);
    }
}
