package org.autograd4j.ops;

import org.autograd4j.DType;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.kernels.Kernels;
import org.autograd4j.kernels.UnaryOp;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Sizes;
import org.autograd4j.storage.Storage;

/** Shared plumbing of the ops: allocation, graph-free conversion, broadcasting, dimension wrapping. */
public final class Ops {
    private Ops() {
    }

    /** The kernels every op calls. */
    static final Kernels K = Kernels.get();

    /** A new zero-filled contiguous tensor. */
    public static TensorImpl empty(DType dtype, int[] shape) {
        Layout l = Layout.contiguous(shape);
        return TensorImpl.of(Storage.allocate(dtype, l.numel()), l);
    }

    /**
     * A new zero-filled contiguous tensor of {@code shape}, sharing {@code like}'s layout when that already is
     * the row-major layout of {@code shape} at offset 0 (layouts are immutable): an element-wise op on contiguous
     * operands then allocates no layout for its result.
     */
    static TensorImpl empty(DType dtype, int[] shape, Layout like) {
        Layout l = isRowMajor(like, shape) ? like : Layout.contiguous(shape);
        return TensorImpl.of(Storage.allocate(dtype, l.numel()), l);
    }

    /** True when {@code l} is exactly {@code Layout.contiguous(shape)}: that shape, row-major strides, offset 0. */
    private static boolean isRowMajor(Layout l, int[] shape) {
        int[] ls = l.shape();
        if (l.offset() != 0 || !l.isContiguous() || !Sizes.same(ls, shape)) return false;
        int[] st = l.strides();
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            // isContiguous lets a size-1 dimension have any stride; the row-major layout has a fixed one
            if (st[i] != expected) return false;
            expected *= Math.max(shape[i], 1);
        }
        return true;
    }

    /**
     * The storage of {@code t}'s values in {@code dtype}, for a kernel reading it with {@code t.layout()}: its own
     * when the dtype matches, a converted one-element storage for a Java scalar; null otherwise (use {@link #convert}).
     */
    static Storage storageIn(TensorImpl t, DType dtype) {
        if (t.dtype() == dtype) return t.storage();
        if (!t.isWrappedNumber()) return null;
        return scalarStorageIn(t, dtype);
    }

    /**
     * A Java scalar's value converted to {@code dtype}, for a kernel to read: the same few constants recur in a
     * script ({@code y * 1.0001}, {@code x ** 2}, a formula's {@code grad * 2}), so the last storages made are
     * kept, one per slot of a small table, and shared; nothing writes them (kernels only read their operands,
     * and {@link #convert} makes its own). An entry is immutable and its storage filled before it is published
     * through the record's final fields, so a racing thread sees a whole entry or another one.
     */
    private static Storage scalarStorageIn(TensorImpl t, DType dtype) {
        Storage src = t.storage();
        int at = t.layout().offset();
        DType from = src.dtype();
        long bits = from == DType.FLOAT64 ? Double.doubleToRawLongBits(src.getDouble(at)) : src.getLong(at);
        int h = (int) (bits ^ (bits >>> 32));
        int slot = (h ^ (h >>> 15) ^ (h >>> 23) ^ (dtype.ordinal() << 3)) & (SCALARS.length - 1);
        ConvertedScalar c = SCALARS[slot];
        if (c != null && c.bits == bits && c.from == from && c.to == dtype) return c.storage;
        Storage s = scalarStorage(t, dtype);
        SCALARS[slot] = new ConvertedScalar(bits, from, dtype, s);
        return s;
    }

    /** {@link #scalarStorageIn}'s table. */
    private static final ConvertedScalar[] SCALARS = new ConvertedScalar[32];

    /** A scalar with bits {@code bits} in dtype {@code from}, converted to {@code to}. */
    private record ConvertedScalar(long bits, DType from, DType to, Storage storage) {
    }

    private static Storage scalarStorage(TensorImpl t, DType dtype) {
        Storage s = Storage.allocate(dtype, 1);
        if (dtype == DType.INT64 && t.dtype().isFloatingPoint()) s.setLong(0, t.storage().getLong(t.layout().offset()));
        else s.setDouble(0, t.storage().getDouble(t.layout().offset()));
        return s;
    }

    /** {@code t} itself if it already has {@code dtype}, else a converted contiguous copy (no graph). */
    static TensorImpl convert(TensorImpl t, DType dtype) {
        if (t.dtype() == dtype) return t;
        // a Java scalar in an op: one element, converted without a kernel call (the small-op hot path)
        if (t.isWrappedNumber()) return TensorImpl.of(scalarStorage(t, dtype), t.layout());
        TensorImpl out = empty(dtype, t.shape());
        K.copy(t.storage(), t.layout(), out.storage(), out.layout());
        return out;
    }

    /** {@code op(x; p0, p1)} computed and written in {@code dtype}; no graph (the ops' "Raw" helpers record none). */
    static TensorImpl unaryRaw(UnaryOp op, TensorImpl x, DType dtype, double p0, double p1) {
        TensorImpl xc = convert(x, dtype);
        TensorImpl out = empty(dtype, x.shape(), x.layout());
        K.unary(op, p0, p1, xc.storage(), xc.layout(), out.storage(), out.layout());
        return out;
    }

    /** {@code t} itself if contiguous, else a contiguous copy (no graph). */
    static TensorImpl dense(TensorImpl t) {
        if (t.layout().isContiguous()) return t;
        TensorImpl out = empty(t.dtype(), t.shape());
        K.copy(t.storage(), t.layout(), out.storage(), out.layout());
        return out;
    }

    /** The broadcast shape of a and b, or PyTorch's error. */
    public static int[] broadcast(int[] a, int[] b) {
        if (Sizes.same(a, b)) return a;
        int n = Math.max(a.length, b.length);
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            int ai = i - (n - a.length), bi = i - (n - b.length);
            int x = ai < 0 ? 1 : a[ai], y = bi < 0 ? 1 : b[bi];
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException("The size of tensor a (" + x + ") must match the size of tensor b (" + y
                        + ") at non-singleton dimension " + i);
            }
            r[i] = x == 1 ? y : x;
        }
        return r;
    }

    /** Wraps a possibly negative dimension, with PyTorch's error (a 0-d tensor accepts -1 and 0). */
    public static int wrapDim(int d, int ndim) {
        int n = Math.max(ndim, 1);
        if (d < -n || d >= n) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of [" + (-n) + ", " + (n - 1)
                    + "], but got " + d + ")");
        }
        return d < 0 ? d + n : d;
    }
}
