package org.autograd4j.storage;

import org.autograd4j.DType;

/**
 * Flat, typed element storage shared by a tensor and all its views (PyTorch's {@code Storage}).
 *
 * <p>Each dtype has its own primitive array so kernels can loop over it without boxing. The generic
 * accessors ({@link #getDouble}, {@link #setDouble}, {@link #getLong}, {@link #setLong}) serve the strided
 * slow paths; kernels take the array directly on their fast paths.
 */
public abstract sealed class Storage permits Storage.F32, Storage.F64, Storage.I64, Storage.Bool {

    private final DType dtype;

    private Storage(DType dtype) {
        this.dtype = dtype;
    }

    /** The dtype of every element (a field, not a virtual call: it is read by every op). */
    public final DType dtype() {
        return dtype;
    }

    /** Number of elements. */
    public abstract int size();

    /** Element {@code i} widened to double (int64 values beyond 2^53 lose precision). */
    public abstract double getDouble(int i);

    /** Stores {@code v} at {@code i}, converted as PyTorch converts (float: rounded; int64: truncated; bool: v != 0). */
    public abstract void setDouble(int i, double v);

    /** Element {@code i} as long (floats truncated toward zero, bool as 0/1). */
    public abstract long getLong(int i);

    /** Stores the integer {@code v} at {@code i}. */
    public abstract void setLong(int i, long v);

    /** A new zero-filled storage of {@code n} elements. */
    public static Storage allocate(DType dtype, int n) {
        return switch (dtype) {
            case FLOAT32 -> new F32(new float[n]);
            case FLOAT64 -> new F64(new double[n]);
            case INT64 -> new I64(new long[n]);
            case BOOL -> new Bool(new boolean[n]);
        };
    }

    /** float32 storage over a {@code float[]}. */
    public static final class F32 extends Storage {
        /** The elements; shared, never copied. */
        public final float[] data;

        /** Wraps {@code data} without copying. */
        public F32(float[] data) {
            super(DType.FLOAT32);
            this.data = data;
        }

        @Override public int size() { return data.length; }
        @Override public double getDouble(int i) { return data[i]; }
        @Override public void setDouble(int i, double v) { data[i] = (float) v; }
        @Override public long getLong(int i) { return (long) data[i]; }
        @Override public void setLong(int i, long v) { data[i] = (float) v; }
    }

    /** float64 storage over a {@code double[]}. */
    public static final class F64 extends Storage {
        /** The elements; shared, never copied. */
        public final double[] data;

        /** Wraps {@code data} without copying. */
        public F64(double[] data) {
            super(DType.FLOAT64);
            this.data = data;
        }

        @Override public int size() { return data.length; }
        @Override public double getDouble(int i) { return data[i]; }
        @Override public void setDouble(int i, double v) { data[i] = v; }
        @Override public long getLong(int i) { return (long) data[i]; }
        @Override public void setLong(int i, long v) { data[i] = v; }
    }

    /** int64 storage over a {@code long[]}. */
    public static final class I64 extends Storage {
        /** The elements; shared, never copied. */
        public final long[] data;

        /** Wraps {@code data} without copying. */
        public I64(long[] data) {
            super(DType.INT64);
            this.data = data;
        }

        @Override public int size() { return data.length; }
        @Override public double getDouble(int i) { return data[i]; }
        @Override public void setDouble(int i, double v) { data[i] = (long) v; }
        @Override public long getLong(int i) { return data[i]; }
        @Override public void setLong(int i, long v) { data[i] = v; }
    }

    /** bool storage over a {@code boolean[]}. */
    public static final class Bool extends Storage {
        /** The elements; shared, never copied. */
        public final boolean[] data;

        /** Wraps {@code data} without copying. */
        public Bool(boolean[] data) {
            super(DType.BOOL);
            this.data = data;
        }

        @Override public int size() { return data.length; }
        @Override public double getDouble(int i) { return data[i] ? 1 : 0; }
        @Override public void setDouble(int i, double v) { data[i] = v != 0; }
        @Override public long getLong(int i) { return data[i] ? 1 : 0; }
        @Override public void setLong(int i, long v) { data[i] = v != 0; }
    }
}
