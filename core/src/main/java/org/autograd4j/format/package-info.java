/**
 * PyTorch's printing (internal): {@code repr} of a tensor with PyTorch's float formatting, summarisation and
 * line wrapping, over an element accessor so it needs no tensor type; and Python's {@code repr} of floats and
 * strings ({@code PyRepr}), which {@code Torch.print} builds on.
 *
 * <p>May import: {@code DType} only.
 */
package org.autograd4j.format;
