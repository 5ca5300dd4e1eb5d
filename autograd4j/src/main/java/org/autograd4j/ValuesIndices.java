package org.autograd4j;

/**
 * The pair returned by {@code max(dim)}/{@code min(dim)}, PyTorch's {@code torch.return_types.max}.
 *
 * @param values  the extreme values (differentiable)
 * @param indices their positions along the reduced dim (int64)
 */
public record ValuesIndices(Tensor values, Tensor indices) {
}
