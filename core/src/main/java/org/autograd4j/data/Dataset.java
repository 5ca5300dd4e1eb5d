package org.autograd4j.data;

/**
 * A map-style dataset ({@code torch.utils.data.Dataset} with {@code __getitem__} and {@code __len__}).
 *
 * @param <T> the item type ({@code List<Tensor>} for {@link TensorDataset})
 */
public interface Dataset<T> {
    /**
     * Item {@code i} ({@code dataset[i]}).
     *
     * @param i the index, in [0, size())
     * @return the item
     */
    T getItem(int i);

    /**
     * The number of items ({@code len(dataset)}).
     *
     * @return the size
     */
    int size();
}
