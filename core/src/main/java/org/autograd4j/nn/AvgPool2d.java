package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code torch.nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
 * divisor_override=None)}: the mean of every window (its sum over the divisor override, else over its size, the
 * padding counted or not); stride None is the kernel size. Sizes given as int print as ints, arrays as tuples.
 */
public final class AvgPool2d extends Module {
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;
    private final Integer divisorOverride;
    private final String repr;

    /**
     * {@code nn.AvgPool2d(k)}: stride k, no padding.
     *
     * @param kernelSize the window's height and width
     */
    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0, false, true, null);
    }

    /**
     * {@code nn.AvgPool2d(k, stride, padding, ceil_mode, count_include_pad, divisor_override)}.
     *
     * @param kernelSize      the window's height and width
     * @param stride          the stride of both dims
     * @param padding         the implicit zero padding of both dims
     * @param ceilMode        whether a last partial window counts
     * @param countIncludePad whether the padding counts in the divisor
     * @param divisorOverride the divisor, or null (None)
     */
    public AvgPool2d(int kernelSize, int stride, int padding, boolean ceilMode, boolean countIncludePad,
                     Integer divisorOverride) {
        this.kernelSize = new int[] {kernelSize};
        this.stride = new int[] {stride};
        this.padding = new int[] {padding};
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
        this.divisorOverride = divisorOverride;
        this.repr = "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding;
    }

    /**
     * {@code nn.AvgPool2d((kh, kw))}: stride = kernel size, no padding.
     *
     * @param kernelSize {kh, kw}
     */
    public AvgPool2d(int[] kernelSize) {
        this(kernelSize, null, new int[] {0}, false, true, null);
    }

    /**
     * {@code nn.AvgPool2d(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)} with tuples.
     *
     * @param kernelSize      {kh, kw}
     * @param stride          {sh, sw}, or null for the kernel size
     * @param padding         {ph, pw}
     * @param ceilMode        whether a last partial window counts
     * @param countIncludePad whether the padding counts in the divisor
     * @param divisorOverride the divisor, or null (None)
     */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad,
                     Integer divisorOverride) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? kernelSize.clone() : stride.clone();
        this.padding = padding.clone();
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
        this.divisorOverride = divisorOverride;
        this.repr = "kernel_size=" + Repr.pyTuple(this.kernelSize) + ", stride=" + Repr.pyTuple(this.stride)
                + ", padding=" + Repr.pyTuple(this.padding);
    }

    /**
     * {@code F.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)}.
     *
     * @param input (N, C, H, W) or (C, H, W)
     * @return the window means
     */
    @Override
    public Tensor forward(Tensor input) {
        return F.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    @Override
    protected String extraRepr() {
        return repr;
    }
}
