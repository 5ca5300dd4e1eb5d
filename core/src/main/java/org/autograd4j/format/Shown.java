package org.autograd4j.format;

import java.util.function.LongConsumer;

/** Walks the row-major positions of the elements a repr shows, in order. */
final class Shown {
    /** PyTorch's edgeitems: a summarized dimension keeps this many slices at each end. */
    static final int EDGE_ITEMS = 3;

    private Shown() {}

    /**
     * Calls {@code action} with every shown position: all of them, or when summarizing only the first and
     * last {@link #EDGE_ITEMS} slices of each dimension longer than {@code 2 * EDGE_ITEMS}. The cost is the
     * number of shown elements, not numel.
     */
    static void forEach(long[] shape, boolean summarize, LongConsumer action) {
        if (shape.length == 0) {
            action.accept(0);
            return;
        }
        walk(shape, strides(shape), 0, 0, summarize, action);
    }

    private static void walk(long[] shape, long[] strides, int d, long offset, boolean summarize,
                             LongConsumer action) {
        long n = shape[d];
        boolean elide = summarize && n > 2L * EDGE_ITEMS;
        for (long k = 0; k < n; k++) {
            if (elide && k == EDGE_ITEMS) {
                k = n - EDGE_ITEMS;
            }
            long pos = offset + k * strides[d];
            if (d == shape.length - 1) {
                action.accept(pos);
            } else {
                walk(shape, strides, d + 1, pos, summarize, action);
            }
        }
    }

    /** Row-major (contiguous) strides of {@code shape}. */
    static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[d] = acc;
            acc *= shape[d];
        }
        return s;
    }
}
