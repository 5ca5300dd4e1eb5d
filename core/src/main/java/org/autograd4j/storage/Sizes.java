package org.autograd4j.storage;

/**
 * Shape helpers shared by every room: the one conversion between the API's {@code long[]} sizes and the
 * library's {@code int[]} ones, and PyTorch's printed form of a size list.
 */
public final class Sizes {
    private Sizes() {
    }

    /** {@code long[]} sizes as the library's {@code int[]}, with PyTorch's error for a negative size. */
    public static int[] toInts(long[] shape) {
        int[] r = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("Trying to create tensor with negative dimension " + shape[i] + ": "
                        + java.util.Arrays.toString(shape));
            }
            if (shape[i] > Integer.MAX_VALUE) throw new IllegalArgumentException("dimension too large: " + shape[i]);
            r[i] = (int) shape[i];
        }
        return r;
    }

    /** {@code int[]} sizes as the API's {@code long[]} (a fresh array). */
    public static long[] toLongs(int[] shape) {
        long[] r = new long[shape.length];
        for (int i = 0; i < shape.length; i++) r[i] = shape[i];
        return r;
    }

    /** {@code [a, b, c]}, as PyTorch prints a size list in messages. */
    public static String list(int[] shape) {
        return list(toLongs(shape));
    }

    /** {@code [a, b, c]} for API sizes. */
    public static String list(long[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(']').toString();
    }

    /**
     * Whether two shapes are equal: the same array, or the same sizes. A plain loop, not {@code Arrays.equals}:
     * shapes have a handful of entries, and every small op compares several, where the intrinsic's stub call
     * measured as the small graphs' hottest frame.
     */
    public static boolean same(int[] a, int[] b) {
        if (a == b) return true;
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
        return true;
    }
}
