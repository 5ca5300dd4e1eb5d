/**
 * {@code torch.utils.data}: {@link org.autograd4j.data.Dataset}, {@link org.autograd4j.data.TensorDataset},
 * {@link org.autograd4j.data.Subset}, {@link org.autograd4j.data.DataLoader} (batching, shuffling in
 * {@code RandomSampler}'s order, drop-last, a collate step) and {@link org.autograd4j.data.Datasets#randomSplit}.
 * Shuffles and splits draw from a {@link org.autograd4j.random.Generator} exactly as PyTorch 1.13.1 does, so
 * the same seed gives the same order.
 *
 * <p>Built on the public API only. May import: the API package ({@code org.autograd4j}) and {@code random}
 * (for {@code Generator}).
 */
package org.autograd4j.data;
