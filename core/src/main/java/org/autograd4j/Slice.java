package org.autograd4j;

/**
 * A Python slice {@code start:stop:step} in an index list ({@code x.index(slice(1, null, 2))} is
 * {@code x[1::2]}; the C++ frontend's {@code Slice(1, None, 2)}). A null bound is an open end (Python's
 * {@code None}); negative bounds count from the end and out-of-range ones clamp, as in Python. Make one with
 * {@link Torch#slice(Integer, Integer, Integer)}.
 *
 * @param start the first index, or null for the start
 * @param stop the end (excluded), or null for the end
 * @param step the step (positive when applied; null means 1), never 0
 */
public record Slice(Integer start, Integer stop, Integer step) {
    /**
     * Checks the step as the C++ frontend's {@code Slice} does.
     *
     * @param start the first index, or null for the start
     * @param stop the end (excluded), or null for the end
     * @param step the step, or null for 1
     * @throws IllegalArgumentException when step is 0 (PyTorch's "slice step cannot be zero")
     */
    public Slice {
        if (step != null && step == 0) throw new IllegalArgumentException("slice step cannot be zero");
    }

    /**
     * Python's {@code repr}: {@code slice(1, None, 2)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "slice(" + show(start) + ", " + show(stop) + ", " + show(step) + ")";
    }

    private static String show(Integer v) {
        return v == null ? "None" : v.toString();
    }
}
