package org.autograd4j.format;

/**
 * Row-major element access for the formatter; index i is the logical row-major position (0..numel-1).
 *
 * <p>Only the accessor matching the dtype is called: {@link #getDouble} for float32/float64 (a float32
 * value is passed widened, exactly), {@link #getLong} for int64, {@link #getBool} for bool. When a tensor
 * is summarized, only the shown elements are read.
 */
public interface Elements {
    /** The element at row-major position {@code i} of a floating-point tensor, widened to double. */
    double getDouble(long i);

    /** The element at row-major position {@code i} of an int64 tensor. */
    long getLong(long i);

    /** The element at row-major position {@code i} of a bool tensor. */
    boolean getBool(long i);
}
