package org.autograd4j.storage;

import java.util.Arrays;

/**
 * How a tensor's logical elements map onto its storage: shape, strides (in elements) and offset, as
 * PyTorch's {@code TensorImpl} sizes/strides/storage_offset. Immutable; every view gets a new Layout over
 * the same storage, so views copy nothing.
 *
 * <p>Sizes are ints: one storage is a Java array, so a tensor holds at most 2^31 - 1 elements.
 */
public final class Layout {
    private final int[] shape;
    private final int[] strides;
    private final int offset;
    private final int numel;
    private final boolean contiguous;

    /** A layout with the given shape, strides and offset (arrays are not copied; callers must not mutate). */
    public Layout(int[] shape, int[] strides, int offset) {
        this(shape, strides, offset, computeContiguous(shape, strides));
    }

    private Layout(int[] shape, int[] strides, int offset, boolean contiguous) {
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        long n = 1;
        for (int s : shape) n *= s;
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("tensor too large: " + n + " elements");
        this.numel = (int) n;
        this.contiguous = contiguous;
    }

    /** A row-major contiguous layout of {@code shape} at offset 0 (contiguous by construction: not checked again). */
    public static Layout contiguous(int[] shape) {
        return new Layout(shape, contiguousStrides(shape), 0, true);
    }

    /** Row-major strides of {@code shape}. */
    public static int[] contiguousStrides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return st;
    }

    private static boolean computeContiguous(int[] shape, int[] strides) {
        // As PyTorch: empty tensors are contiguous whatever their strides; size-1 dims may have any stride.
        for (int d : shape) if (d == 0) return true;
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1) {
                if (strides[i] != expected) return false;
                expected *= shape[i];
            }
        }
        return true;
    }

    /** The shape (do not mutate). */
    public int[] shape() { return shape; }

    /** The strides in elements (do not mutate). */
    public int[] strides() { return strides; }

    /** Offset of element 0 in the storage. */
    public int offset() { return offset; }

    /** Number of dimensions. */
    public int dim() { return shape.length; }

    /** Number of elements. */
    public int numel() { return numel; }

    /** True when the elements lie row-major and dense from {@link #offset()}. */
    public boolean isContiguous() { return contiguous; }

    /** Size of dimension {@code d} (already wrapped). */
    public int size(int d) { return shape[d]; }

    /** Storage index of the element at row-major position {@code linear}. */
    public int indexOf(int linear) {
        if (contiguous) return offset + linear;
        int idx = offset;
        for (int d = shape.length - 1; d >= 0; d--) {
            int s = shape[d];
            idx += (linear % s) * strides[d];
            linear /= s;
        }
        return idx;
    }

    /** This layout broadcast (expanded with stride 0) to {@code target}; the caller checked compatibility. */
    public Layout broadcastTo(int[] target) {
        if (Sizes.same(shape, target)) return this;
        int[] st = new int[target.length];
        int lead = target.length - shape.length;
        for (int i = 0; i < target.length; i++) {
            int j = i - lead;
            st[i] = (j < 0 || shape[j] == 1 && target[i] != 1) ? 0 : strides[j];
        }
        return new Layout(target, st, offset);
    }

    @Override
    public String toString() {
        return "Layout" + Arrays.toString(shape) + Arrays.toString(strides) + "+" + offset;
    }
}
