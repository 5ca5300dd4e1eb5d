package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code torch.nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False,
 * ceil_mode=False)}: the maximum of every (dilated) window, padding counting as −∞; stride None is the kernel size.
 * Sizes given as int print as ints, arrays as tuples, as PyTorch keeps what it was given.
 */
public final class MaxPool2d extends Module {
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final boolean ceilMode;
    private final String repr;

    /**
     * {@code nn.MaxPool2d(k)}: stride k, no padding.
     *
     * @param kernelSize the window's height and width
     */
    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0, 1, false);
    }

    /**
     * {@code nn.MaxPool2d(k, stride, padding, dilation, ceil_mode=ceilMode)}.
     *
     * @param kernelSize the window's height and width
     * @param stride     the stride of both dims
     * @param padding    the implicit −∞ padding of both dims
     * @param dilation   the spacing of the window's elements
     * @param ceilMode   whether a last partial window counts (ceil instead of floor)
     */
    public MaxPool2d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        this.kernelSize = new int[] {kernelSize};
        this.stride = new int[] {stride};
        this.padding = new int[] {padding};
        this.dilation = new int[] {dilation};
        this.ceilMode = ceilMode;
        this.repr = "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding + ", dilation="
                + dilation + ", ceil_mode=" + org.autograd4j.Torch.str(ceilMode);
    }

    /**
     * {@code nn.MaxPool2d((kh, kw))}: stride = kernel size, no padding.
     *
     * @param kernelSize {kh, kw}
     */
    public MaxPool2d(int[] kernelSize) {
        this(kernelSize, null, new int[] {0}, new int[] {1}, false);
    }

    /**
     * {@code nn.MaxPool2d(kernel_size, stride, padding, dilation, ceil_mode=ceilMode)} with tuples.
     *
     * @param kernelSize {kh, kw}
     * @param stride     {sh, sw}, or null for the kernel size
     * @param padding    {ph, pw}
     * @param dilation   {dh, dw}
     * @param ceilMode   whether a last partial window counts
     */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? kernelSize.clone() : stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
        this.ceilMode = ceilMode;
        this.repr = "kernel_size=" + Repr.pyTuple(this.kernelSize) + ", stride=" + Repr.pyTuple(this.stride)
                + ", padding=" + Repr.pyTuple(this.padding) + ", dilation=" + Repr.pyTuple(this.dilation)
                + ", ceil_mode=" + org.autograd4j.Torch.str(ceilMode);
    }

    /**
     * {@code F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode)}.
     *
     * @param input (N, C, H, W) or (C, H, W)
     * @return the window maxima
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override
    protected String extraRepr() {
        return repr;
    }
}
