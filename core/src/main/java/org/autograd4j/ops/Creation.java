package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;

import org.autograd4j.DType;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;

/**
 * Creation ops: tensors from Java values, filled tensors, ranges and the identity, with PyTorch's values
 * (arange's and linspace's CPU kernels are followed exactly). None records a graph.
 */
public final class Creation {
    private Creation() {
    }

    /** A contiguous tensor of {@code dtype} holding {@code values} (row-major), converted as PyTorch does. */
    public static TensorImpl fromDoubles(double[] values, int[] shape, DType dtype) {
        Storage s = Storage.allocate(dtype, values.length);
        for (int i = 0; i < values.length; i++) s.setDouble(i, values[i]);
        return TensorImpl.of(s, Layout.contiguous(shape));
    }

    /** A contiguous int64 tensor holding {@code values}. */
    public static TensorImpl fromLongs(long[] values, int[] shape) {
        Storage s = Storage.allocate(DType.INT64, values.length);
        for (int i = 0; i < values.length; i++) s.setLong(i, values[i]);
        return TensorImpl.of(s, Layout.contiguous(shape));
    }

    /** A contiguous bool tensor holding {@code values}. */
    public static TensorImpl fromBooleans(boolean[] values, int[] shape) {
        Storage s = Storage.allocate(DType.BOOL, values.length);
        for (int i = 0; i < values.length; i++) s.setLong(i, values[i] ? 1 : 0);
        return TensorImpl.of(s, Layout.contiguous(shape));
    }

    /** {@code value} everywhere, {@code torch.full(size, value, dtype=dtype)}. */
    public static TensorImpl full(int[] shape, double value, DType dtype) {
        TensorImpl t = Ops.empty(dtype, shape);
        if (value != 0) K.fill(t.storage(), t.layout(), value);
        return t;
    }

    /** The n×m matrix with ones on the diagonal, {@code torch.eye(n, m, dtype=dtype)}. */
    public static TensorImpl eye(int n, int m, DType dtype) {
        TensorImpl t = Ops.empty(dtype, new int[] {n, m});
        // the diagonal is a strided view (stride m+1): one fill kernel call
        K.fill(t.storage(), new Layout(new int[] {Math.min(n, m)}, new int[] {m + 1}, 0), 1);
        return t;
    }

    /** start, start+step, … below end as int64, {@code torch.arange(start, end, step)} with integers. */
    public static TensorImpl arange(long start, long end, long step) {
        checkRange(step, start > end, start < end);
        long n = Math.max((end - start + step - (step > 0 ? 1 : -1)) / step, 0);
        Storage s = Storage.allocate(DType.INT64, Math.toIntExact(n));
        for (int i = 0; i < n; i++) s.setLong(i, start + i * step);
        return TensorImpl.of(s, Layout.contiguous(new int[] {(int) n}));
    }

    /**
     * {@code torch.arange(start, end, step, dtype=dtype)} with floats: the length is ⌈(end-start)/step⌉ and
     * element i is start + i·step computed in double, as PyTorch's CPU kernel.
     */
    public static TensorImpl arange(double start, double end, double step, DType dtype) {
        checkRange(step, start > end, start < end);
        long n = (long) Math.ceil((end - start) / step);
        Storage s = Storage.allocate(dtype, Math.toIntExact(n));
        for (int i = 0; i < n; i++) s.setDouble(i, start + i * step);
        return TensorImpl.of(s, Layout.contiguous(new int[] {(int) n}));
    }

    private static void checkRange(double step, boolean startAbove, boolean startBelow) {
        if (step == 0) throw new IllegalArgumentException("step must be nonzero");
        if ((step > 0 && startAbove) || (step < 0 && startBelow)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
    }

    /**
     * {@code steps} evenly spaced values from start to end, {@code torch.linspace}, with PyTorch's values: its
     * CPU kernel computes {@code start + step·i} below the halfway index and {@code end − step·(steps−i−1)}
     * from there, but its vectorised loop decides per vector (8 floats or 4 doubles in the AVX2 build, two
     * vectors per iteration) by the vector's first index; the tail is element by element.
     */
    public static TensorImpl linspace(double start, double end, long steps, DType dtype) {
        if (steps < 0) throw new IllegalArgumentException("number of steps must be non-negative");
        int n = Math.toIntExact(steps);
        Storage s = Storage.allocate(dtype, n);
        if (n == 1) s.setDouble(0, start);
        if (n > 1) {
            int half = n / 2, vec = dtype == DType.FLOAT32 ? 8 : 4;
            int tail = 0;
            while (tail + 2 * vec <= n) tail += 2 * vec;
            for (int i = 0; i < n; i++) {
                boolean fromStart = (i < tail ? i - i % vec : i) < half;
                s.setDouble(i, linspaceAt(start, end, n, i, fromStart, dtype));
            }
        }
        return TensorImpl.of(s, Layout.contiguous(new int[] {n}));
    }

    /** One linspace value in the dtype's precision (float32 arithmetic for float32, as PyTorch's kernel). */
    private static double linspaceAt(double start, double end, int n, int i, boolean fromStart, DType dtype) {
        if (dtype == DType.FLOAT32) {
            float fs = (float) start, fe = (float) end, step = (fe - fs) / (n - 1);
            return fromStart ? fs + step * i : fe - step * (n - i - 1);
        }
        double step = (end - start) / (n - 1);
        return fromStart ? start + step * i : end - step * (n - i - 1);
    }

    /** A fresh storage of {@code dtype} holding t's elements in row-major order (one copy, no graph). */
    private static Storage copyOut(TensorImpl t, DType dtype) {
        Storage out = Storage.allocate(dtype, t.numel());
        K.copy(t.storage(), t.layout(), out, Layout.contiguous(t.shape()));
        return out;
    }

    /** t's elements in row-major order as float ({@code tensor.tolist()} for float32). */
    public static float[] toFloatArray(TensorImpl t) {
        return ((Storage.F32) copyOut(t, DType.FLOAT32)).data;
    }

    /** t's elements in row-major order as double. */
    public static double[] toDoubleArray(TensorImpl t) {
        return ((Storage.F64) copyOut(t, DType.FLOAT64)).data;
    }

    /** t's elements in row-major order as long (floats truncate toward zero). */
    public static long[] toLongArray(TensorImpl t) {
        return ((Storage.I64) copyOut(t, DType.INT64)).data;
    }

    /** t's elements in row-major order as booleans (nonzero is true). */
    public static boolean[] toBooleanArray(TensorImpl t) {
        return ((Storage.Bool) copyOut(t, DType.BOOL)).data;
    }
}
