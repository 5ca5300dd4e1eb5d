package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code torch.nn.AdaptiveAvgPool2d(output_size)}: output cell (i, j) is the mean of input rows
 * {@code [⌊i·H/oh⌋, ⌈(i+1)·H/oh⌉)} and the columns likewise, whatever the input's size.
 */
public final class AdaptiveAvgPool2d extends Module {
    private final int[] outputSize;
    private final String repr;

    /**
     * {@code nn.AdaptiveAvgPool2d(o)}: an o×o output ({@code 1} is global average pooling).
     *
     * @param outputSize the output's height and width
     */
    public AdaptiveAvgPool2d(int outputSize) {
        this.outputSize = new int[] {outputSize};
        this.repr = "output_size=" + outputSize;
    }

    /**
     * {@code nn.AdaptiveAvgPool2d((oh, ow))}.
     *
     * @param outputSize {oh, ow}
     */
    public AdaptiveAvgPool2d(int[] outputSize) {
        this.outputSize = outputSize.clone();
        this.repr = "output_size=" + Repr.pyTuple(outputSize);
    }

    /**
     * {@code F.adaptive_avg_pool2d(input, output_size)}.
     *
     * @param input (N, C, H, W) or (C, H, W)
     * @return (N, C, oh, ow)
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveAvgPool2d(input, outputSize);
    }

    @Override
    protected String extraRepr() {
        return repr;
    }
}
