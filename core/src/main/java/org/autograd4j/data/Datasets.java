package org.autograd4j.data;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.Torch;
import org.autograd4j.random.Generator;

/** Functions over datasets: {@code torch.utils.data.random_split}. */
public final class Datasets {
    private Datasets() {}

    /**
     * {@code random_split(dataset, lengths, generator)}: splits the dataset into non-overlapping subsets by
     * the permutation {@code torch.randperm(sum(lengths), generator=generator)}. Lengths that sum to 1 (within
     * Python's {@code math.isclose}) and not above are fractions: each becomes {@code floor(len·f)}, and the
     * remainder is dealt out one at a time from the first split on, as PyTorch 1.13.1 does.
     *
     * @param <T> the item type
     * @param dataset the dataset
     * @param lengths the split sizes, or fractions summing to 1 (Integer or Double elements)
     * @param generator the generator for the permutation ({@code Generator.defaultGenerator()} for PyTorch's
     *     default)
     * @return the subsets, in the order of {@code lengths}
     * @throws IllegalArgumentException for a fraction outside [0, 1] or lengths that do not sum to the size,
     *     with PyTorch's messages
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, List<? extends Number> lengths, Generator generator) {
        double total = 0;
        for (Number l : lengths) total += l.doubleValue();
        List<Long> sizes = new ArrayList<>();
        if (isClose(total, 1) && total <= 1) {
            for (int i = 0; i < lengths.size(); i++) {
                double frac = lengths.get(i).doubleValue();
                if (frac < 0 || frac > 1) throw new IllegalArgumentException("Fraction at index " + i + " is not between 0 and 1");
                sizes.add((long) Math.floor(dataset.size() * frac));
            }
            long remainder = dataset.size();
            for (long s : sizes) remainder -= s;
            for (int i = 0; i < remainder; i++) {
                int at = i % sizes.size();
                sizes.set(at, sizes.get(at) + 1);
            }
        } else {
            if (total != dataset.size()) {
                throw new IllegalArgumentException("Sum of input lengths does not equal the length of the input dataset!");
            }
            for (Number l : lengths) {
                // PyTorch fails later, in randperm, on lengths like 4.5 and 5.5 that still sum to the size
                if (l.doubleValue() != Math.rint(l.doubleValue()) || l.doubleValue() < 0) {
                    throw new IllegalArgumentException("lengths must be non-negative integers or fractions summing to 1");
                }
                sizes.add(l.longValue());
            }
        }
        long sum = 0;
        for (long s : sizes) sum += s;
        if (sum != dataset.size()) {
            throw new IllegalArgumentException("Sum of input lengths does not equal the length of the input dataset!");
        }
        long[] perm = Torch.randperm(sum, generator).toLongArray();
        List<Subset<T>> out = new ArrayList<>();
        int offset = 0;
        for (long s : sizes) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < s; i++) idx.add((int) perm[offset + i]);
            offset += (int) s;
            out.add(new Subset<>(dataset, idx));
        }
        return out;
    }

    /**
     * {@code random_split(dataset, lengths)}: {@link #randomSplit(Dataset, List, Generator)} with PyTorch's
     * default generator.
     *
     * @param <T> the item type
     * @param dataset the dataset
     * @param lengths the split sizes, or fractions summing to 1
     * @return the subsets
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, List<? extends Number> lengths) {
        return randomSplit(dataset, lengths, Generator.defaultGenerator());
    }

    /** Python's {@code math.isclose(a, b)} with its default rel_tol 1e-9, abs_tol 0. */
    private static boolean isClose(double a, double b) {
        return a == b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }
}
