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
     * {@code torch.arange(start, end, step, dtype=dtype)} with floats: the length is ⌈(end-start)/step⌉ in double,
     * and the values are PyTorch's CPU kernel's bit for bit. It works in double (float32's accumulate type) and
     * fills vectors of 8 floats (4 doubles, its AVX2 build) two at a time: a vector at index i starts from
     * {@code base = start + step·i} (rounded to the dtype) and its lane k is {@code base + k·step} in double,
     * rounded; the elements after the last whole pair of vectors are {@code start + step·i} one by one. Its
     * compiler fuses each {@code a + b·c} into one fma (GCC contracts under {@code -mfma}), and so does this code.
     */
    public static TensorImpl arange(double start, double end, double step, DType dtype) {
        checkRange(step, start > end, start < end);
        long n = (long) Math.ceil((end - start) / step);
        Storage s = Storage.allocate(dtype, Math.toIntExact(n));
        int len = (int) n, vec = lanes(dtype), tail = len - len % (2 * vec);
        for (int i = 0; i < tail; i += vec) {
            double base = round(Math.fma(step, i, start), dtype);
            for (int k = 0; k < vec; k++) s.setDouble(i + k, Math.fma(k, step, base));
        }
        for (int i = tail; i < len; i++) s.setDouble(i, Math.fma(step, i, start));
        return TensorImpl.of(s, Layout.contiguous(new int[] {len}));
    }

    /** PyTorch's vector width for the dtype in its AVX2 build (8 floats, 4 doubles or int64s). */
    private static int lanes(DType dtype) {
        return dtype == DType.FLOAT32 ? 8 : 4;
    }

    private static double round(double v, DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> (float) v;
            case INT64 -> (double) (long) v;
            default -> v;
        };
    }

    private static void checkRange(double step, boolean startAbove, boolean startBelow) {
        if (step == 0) throw new IllegalArgumentException("step must be nonzero");
        if ((step > 0 && startAbove) || (step < 0 && startBelow)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
    }

    /**
     * {@code steps} evenly spaced values from start to end, {@code torch.linspace}, bit for bit as PyTorch's CPU
     * kernel: {@code step = (end − start)/(steps − 1)} in the dtype's precision (double for int64); below the
     * halfway index {@code steps/2} a value counts up from start ({@code start + step·i}), from there down from end
     * ({@code end − step·(steps − i − 1)}). The kernel fills vectors of 8 floats (4 doubles or int64s) two at a
     * time, and a vector is one arange: its first index i picks the formula for its base, and lane k is
     * {@code base + k·step} in the dtype's arithmetic. The elements after the last whole pair of vectors are
     * computed one by one. PyTorch's compiler fuses each scalar formula and each vector's base into one fma
     * (GCC contracts {@code a + b·c} under {@code -mfma}) but not the lanes; so does this code, which is what
     * makes it bit-exact. (For more than 32768 steps PyTorch splits the fill between its threads, each split
     * starting its own vectors; these are the values of one thread.)
     */
    public static TensorImpl linspace(double start, double end, long steps, DType dtype) {
        if (steps < 0) throw new IllegalArgumentException("number of steps must be non-negative");
        int n = Math.toIntExact(steps);
        Storage s = Storage.allocate(dtype, n);
        if (n == 1) s.setDouble(0, start);
        if (n > 1) {
            int half = n / 2, vec = lanes(dtype), tail = n - n % (2 * vec);
            if (dtype == DType.FLOAT32) {
                float fs = (float) start, fe = (float) end, step = (fe - fs) / (n - 1);
                for (int i = 0; i < tail; i += vec) {
                    float base = i < half ? Math.fma(step, (float) i, fs) : Math.fma(-step, (float) (n - i - 1), fe);
                    for (int k = 0; k < vec; k++) s.setDouble(i + k, base + k * step);
                }
                for (int i = tail; i < n; i++) {
                    s.setDouble(i, i < half ? Math.fma(step, (float) i, fs) : Math.fma(-step, (float) (n - i - 1), fe));
                }
            } else if (dtype == DType.INT64) {
                // the kernel's step is a double; its values are truncated to int64, the vector's base first
                long ls = (long) start, le = (long) end;
                double step = ((double) le - (double) ls) / (n - 1);
                for (int i = 0; i < tail; i += vec) {
                    long base = (long) (i < half ? Math.fma(step, i, ls) : Math.fma(-step, n - i - 1, le));
                    for (int k = 0; k < vec; k++) s.setLong(i + k, (long) (base + k * step));
                }
                for (int i = tail; i < n; i++) s.setLong(i, (long) (i < half ? Math.fma(step, i, ls) : Math.fma(-step, n - i - 1, le)));
            } else {
                double step = (end - start) / (n - 1);
                for (int i = 0; i < tail; i += vec) {
                    double base = i < half ? Math.fma(step, i, start) : Math.fma(-step, n - i - 1, end);
                    for (int k = 0; k < vec; k++) s.setDouble(i + k, base + k * step);
                }
                for (int i = tail; i < n; i++) s.setDouble(i, i < half ? Math.fma(step, i, start) : Math.fma(-step, n - i - 1, end));
            }
        }
        return TensorImpl.of(s, Layout.contiguous(new int[] {n}));
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
