package org.autograd4j;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list that stands for a Python tuple: what PyTorch returns as a tuple ({@code autograd.grad}'s
 * gradients, {@code next_functions}) the API returns as a {@code List} of this class, so that
 * {@link Torch#str} prints it as {@code (a, b)} and {@code (a,)}, as Python does.
 */
final class PyTuple<E> extends AbstractList<E> implements RandomAccess {
    private final Object[] items;

    PyTuple(List<? extends E> items) {
        this.items = items.toArray();
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    /** Python's {@code repr} of the tuple. */
    @Override
    public String toString() {
        return PyText.repr(this);
    }
}
