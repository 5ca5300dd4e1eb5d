package org.autograd4j;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The sizes of a tensor's dimensions, PyTorch's {@code torch.Size}: an immutable {@code List<Long>} (a Python
 * tuple of ints) that prints as {@code torch.Size([2, 3])}, {@code torch.Size([])} for a 0-d tensor. It equals
 * any {@code List} of the same {@code Long}s, as {@code torch.Size([2, 3]) == (2, 3)} holds in Python.
 */
public final class Size extends AbstractList<Long> implements RandomAccess {
    private final long[] sizes;

    private Size(long[] sizes) {
        this.sizes = sizes;
    }

    /**
     * The size with these dimensions, {@code torch.Size([d0, d1, ...])}.
     *
     * @param sizes the sizes, copied
     * @return the size
     * @throws IllegalArgumentException for a negative size
     */
    public static Size of(long... sizes) {
        for (long s : sizes) {
            if (s < 0) throw new IllegalArgumentException("Trying to create tensor with negative dimension " + s + ": " + Arrays.toString(sizes));
        }
        return new Size(sizes.clone());
    }

    /**
     * Size of dimension {@code i}, {@code size[i]} (0 ≤ i &lt; {@link #size()}).
     *
     * @param i the dimension
     * @return its size
     */
    @Override
    public Long get(int i) {
        return sizes[i];
    }

    /**
     * Size of dimension {@code i} as a primitive, negative {@code i} counting from the end as Python's {@code size[-1]}.
     *
     * @param i the dimension, negative counts from the end
     * @return its size
     */
    public long at(int i) {
        int n = sizes.length;
        if (i < -n || i >= n) throw new IndexOutOfBoundsException("tuple index out of range");
        return sizes[i < 0 ? i + n : i];
    }

    /**
     * The number of dimensions, {@code len(size)}.
     *
     * @return the number of dimensions
     */
    @Override
    public int size() {
        return sizes.length;
    }

    /**
     * The number of elements a tensor of this size has, {@code size.numel()}: the product of the sizes (1 for
     * {@code torch.Size([])}).
     *
     * @return the product of the sizes
     */
    public long numel() {
        long n = 1;
        for (long s : sizes) n *= s;
        return n;
    }

    /**
     * The sizes as a fresh array (what {@link Tensor#shape()} returns).
     *
     * @return the sizes
     */
    public long[] toLongArray() {
        return sizes.clone();
    }

    /** As PyTorch prints it: {@code torch.Size([2, 3])}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("torch.Size([");
        for (int i = 0; i < sizes.length; i++) sb.append(i == 0 ? "" : ", ").append(sizes[i]);
        return sb.append("])").toString();
    }
}
