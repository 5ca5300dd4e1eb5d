package org.autograd4j.data;

import java.util.List;

/**
 * A dataset restricted to some of its indices ({@code torch.utils.data.Subset}): item i is
 * {@code dataset.getItem(indices.get(i))}.
 *
 * @param <T> the item type
 * @param dataset the whole dataset
 * @param indices the indices kept, in order
 */
public record Subset<T>(Dataset<T> dataset, List<Integer> indices) implements Dataset<T> {
    /**
     * {@code Subset(dataset, indices)}.
     *
     * @param dataset the whole dataset
     * @param indices the indices kept, in order
     */
    public Subset {
        indices = List.copyOf(indices);
    }

    @Override
    public T getItem(int i) {
        return dataset.getItem(indices.get(i));
    }

    @Override
    public int size() {
        return indices.size();
    }
}
