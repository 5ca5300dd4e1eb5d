package org.autograd4j.data;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.Tensor;

/**
 * Tensors sliced along their first dimension ({@code torch.utils.data.TensorDataset}): item i is the list of
 * {@code t[i]} for each tensor t, views that share the tensors' storage.
 */
public final class TensorDataset implements Dataset<List<Tensor>> {
    private final List<Tensor> tensors;

    /**
     * {@code TensorDataset(*tensors)}.
     *
     * @param tensors tensors of at least one dimension with the same first size
     * @throws IllegalArgumentException when the first sizes differ ({@code Size mismatch between tensors}) or a
     *     tensor is zero-dimensional
     */
    public TensorDataset(Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t.dim() == 0) throw new IllegalArgumentException("TensorDataset needs tensors of at least one dimension");
            if (t.size(0) != tensors[0].size(0)) throw new IllegalArgumentException("Size mismatch between tensors");
        }
        this.tensors = List.of(tensors);
    }

    /**
     * The tensors ({@code dataset.tensors}).
     *
     * @return an unmodifiable list
     */
    public List<Tensor> tensors() {
        return tensors;
    }

    @Override
    public List<Tensor> getItem(int i) {
        List<Tensor> out = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) out.add(t.select(0, i));
        return List.copyOf(out);
    }

    @Override
    public int size() {
        return tensors.isEmpty() ? 0 : Math.toIntExact(tensors.get(0).size(0));
    }
}
