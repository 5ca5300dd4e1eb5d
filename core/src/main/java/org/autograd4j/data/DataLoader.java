package org.autograd4j.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.random.Generator;

/**
 * Batches of a dataset ({@code torch.utils.data.DataLoader}, single process): an {@link Iterable} whose every
 * pass goes over the indices in order, or, shuffled, in {@code RandomSampler}'s order, cuts them into batches
 * of {@code batchSize} (the last one shorter unless {@code dropLast}) and collates each batch.
 *
 * <p>Random draws are PyTorch 1.13.1's, so the same seed gives the same batches: each pass first draws the
 * loader's base seed, {@code torch.empty((), dtype=torch.int64).random_(generator=generator)}, from the
 * loader's generator (PyTorch's default generator when none is set) even when not shuffling; on its first
 * batch a shuffled pass then draws {@code torch.randperm(n, generator=generator)}, or, without a generator,
 * seeds a fresh generator with one more {@code random_()} from the default generator and draws the
 * permutation from that one.
 *
 * <p>Options are set builder-style: {@code DataLoader.of(ds, 32).shuffle(true).generator(g).dropLast(true)}
 * is {@code DataLoader(ds, batch_size=32, shuffle=True, generator=g, drop_last=True)}.
 *
 * @param <T> the item type
 * @param <B> the batch type the collate function makes
 */
public final class DataLoader<T, B> implements Iterable<B> {
    private final Dataset<T> dataset;
    private final int batchSize;
    private final Function<List<T>, B> collate;
    private boolean shuffle;
    private boolean dropLast;
    private Generator generator;

    /**
     * {@code DataLoader(dataset, batch_size=batchSize, collate_fn=collate)}.
     *
     * @param dataset the dataset
     * @param batchSize the items per batch, &gt; 0
     * @param collate makes a batch from its items, in order
     * @throws IllegalArgumentException for a batch size below 1
     */
    public DataLoader(Dataset<T> dataset, int batchSize, Function<List<T>, B> collate) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size=" + batchSize);
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.collate = collate;
    }

    /**
     * {@code DataLoader(dataset, batch_size=batchSize)} over a dataset of tensor lists, with the default
     * collate: each batch is the list of {@code torch.stack} of each field ({@link #stackFields(List)}).
     *
     * @param dataset the dataset, e.g. a {@link TensorDataset}
     * @param batchSize the items per batch
     * @return the loader
     */
    public static DataLoader<List<Tensor>, List<Tensor>> of(Dataset<List<Tensor>> dataset, int batchSize) {
        return new DataLoader<>(dataset, batchSize, DataLoader::stackFields);
    }

    /**
     * The default collate of tensor-list items ({@code default_collate} of tuples of tensors): field j of
     * the batch is {@code torch.stack([item[j] for item in items])}.
     *
     * @param items the batch's items, all with the same number of fields
     * @return one stacked tensor per field
     * @throws IllegalArgumentException when the items' field counts differ, as PyTorch's
     *     {@code each element in list of batch should be of equal size}
     */
    public static List<Tensor> stackFields(List<List<Tensor>> items) {
        int fields = items.get(0).size();
        for (List<Tensor> item : items) {
            if (item.size() != fields) throw new IllegalArgumentException("each element in list of batch should be of equal size");
        }
        List<Tensor> out = new ArrayList<>(fields);
        for (int j = 0; j < fields; j++) {
            List<Tensor> column = new ArrayList<>(items.size());
            for (List<Tensor> item : items) column.add(item.get(j));
            out.add(Torch.stack(column, 0));
        }
        return List.copyOf(out);
    }

    /**
     * Sets {@code shuffle} (default false): a new random order every pass.
     *
     * @param shuffle whether to shuffle
     * @return this loader
     */
    public DataLoader<T, B> shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /**
     * Sets {@code drop_last} (default false): leave out the last batch when it is short.
     *
     * @param dropLast whether to drop a short last batch
     * @return this loader
     */
    public DataLoader<T, B> dropLast(boolean dropLast) {
        this.dropLast = dropLast;
        return this;
    }

    /**
     * Sets {@code generator} (default none: PyTorch's default generator, as described above).
     *
     * @param generator the generator, or null for none
     * @return this loader
     */
    public DataLoader<T, B> generator(Generator generator) {
        this.generator = generator;
        return this;
    }

    /**
     * The number of batches per pass ({@code len(loader)}).
     *
     * @return ⌊n / batchSize⌋ with drop-last, else ⌈n / batchSize⌉
     */
    public int size() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /**
     * The dataset ({@code loader.dataset}).
     *
     * @return the dataset
     */
    public Dataset<T> dataset() {
        return dataset;
    }

    /**
     * {@code torch.empty((), dtype=torch.int64).random_(generator=g)}: a 64-bit draw mod 2⁶³
     * ({@code uniform_int<int64_t>}: {@code val % (INT64_MAX + 1)}).
     */
    static long randomInt64(Generator g) {
        return g.random64() & Long.MAX_VALUE;
    }

    /**
     * A new pass ({@code iter(loader)}): draws the base seed now and, when shuffling, the order on the first
     * batch.
     *
     * @return an iterator over the batches
     */
    @Override
    public Iterator<B> iterator() {
        Generator g = generator;
        // _BaseDataLoaderIter draws its base seed on every pass, used by workers only; drawn for the same stream
        randomInt64(g != null ? g : Generator.defaultGenerator());
        int n = dataset.size();
        boolean shuffled = shuffle, drop = dropLast;
        return new Iterator<>() {
            // RandomSampler.__iter__ as a lazy sequence: its draws happen on the first pull, and one pull past
            // the end draws the permutation for num_samples % n (none here, but drawn all the same)
            private long[] order;
            private Generator source;
            private int at;
            private boolean exhausted;
            private List<T> pending;
            private boolean done;

            private long pull() {
                if (order == null) {
                    if (shuffled) {
                        source = g != null ? g : new Generator(randomInt64(Generator.defaultGenerator()));
                        order = Torch.randperm(n, source).toLongArray();
                    } else {
                        order = new long[n];
                        for (int i = 0; i < n; i++) order[i] = i;
                    }
                }
                if (at < order.length) return order[at++];
                if (!exhausted && shuffled) Torch.randperm(n, source);
                exhausted = true;
                return -1;
            }

            // BatchSampler.__iter__: with drop_last a batch is bs pulls, stopping at the first that fails;
            // else pulls until the sampler ends, then yields what is left
            private void fill() {
                if (pending != null || done) return;
                List<T> items = new ArrayList<>(batchSize);
                while (items.size() < batchSize) {
                    long i = pull();
                    if (i < 0) break;
                    items.add(dataset.getItem((int) i));
                }
                if (items.size() == batchSize || (!drop && !items.isEmpty())) pending = items;
                else done = true;
            }

            @Override
            public boolean hasNext() {
                fill();
                return pending != null;
            }

            @Override
            public B next() {
                if (!hasNext()) throw new NoSuchElementException();
                List<T> items = pending;
                pending = null;
                return collate.apply(items);
            }
        };
    }
}
