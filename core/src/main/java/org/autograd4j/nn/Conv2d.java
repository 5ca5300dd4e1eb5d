package org.autograd4j.nn;

import java.util.Set;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;

/**
 * {@code torch.nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1,
 * bias=True, padding_mode='zeros')}: {@code out[n, o] = bias[o] + Σ_c weight[o, c] ⋆ input[n, g(o)·C/G + c]}, the
 * 2-d cross-correlation over the channels of o's group. The weight is (out, in/groups, kh, kw). Initialised as
 * PyTorch's {@code reset_parameters}: {@code kaiming_uniform_(weight, a=√5)}, then
 * {@code bias ~ U(−1/√fan_in, 1/√fan_in)} with {@code fan_in = in/groups·kh·kw}, in that order on the default
 * generator, so after the same {@code manualSeed} the parameters are PyTorch's, bit for bit (float32). Only the
 * {@code "zeros"} padding mode is implemented.
 */
public final class Conv2d extends Module {
    private static final Set<String> PADDING_MODES = Set.of("zeros", "reflect", "replicate", "circular");

    private final int inChannels;
    private final int outChannels;
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;       // null when paddingString is set
    private final String paddingString; // "same" / "valid", or null
    private final int[] dilation;
    private final int groups;
    private final String paddingMode;

    /**
     * {@code nn.Conv2d(in, out, k)}: a k×k kernel, stride 1, no padding, with bias.
     *
     * @param inChannels  input channels
     * @param outChannels output channels
     * @param kernelSize  the kernel's height and width
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, new int[] {kernelSize});
    }

    /**
     * {@code nn.Conv2d(in, out, (kh, kw))}.
     *
     * @param inChannels  input channels
     * @param outChannels output channels
     * @param kernelSize  {kh, kw} or {k}
     */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize) {
        this(inChannels, outChannels, kernelSize, new int[] {1}, new int[] {0}, new int[] {1}, 1, true, "zeros");
    }

    /**
     * {@code nn.Conv2d(in, out, k, stride, padding)}.
     *
     * @param inChannels  input channels
     * @param outChannels output channels
     * @param kernelSize  the kernel's height and width
     * @param stride      the stride of both dims
     * @param padding     the zero padding of both dims
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, stride, padding, 1, 1, true, "zeros");
    }

    /**
     * {@code nn.Conv2d(in, out, k, stride, padding, dilation, groups, bias, padding_mode)} with int arguments.
     *
     * @param inChannels  input channels
     * @param outChannels output channels
     * @param kernelSize  the kernel's height and width
     * @param stride      the stride of both dims
     * @param padding     the zero padding of both dims
     * @param dilation    the dilation of both dims
     * @param groups      how many groups the channels are split into (divides both channel counts)
     * @param bias        whether to learn an additive bias
     * @param paddingMode {@code "zeros"}
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation, int groups,
                  boolean bias, String paddingMode) {
        this(inChannels, outChannels, new int[] {kernelSize}, new int[] {stride}, new int[] {padding},
                new int[] {dilation}, groups, bias, paddingMode);
    }

    /**
     * {@code nn.Conv2d(in, out, kernel_size, stride, padding, dilation, groups, bias, padding_mode)}; one-element
     * arrays stand for both dims.
     *
     * @param inChannels  input channels
     * @param outChannels output channels
     * @param kernelSize  {kh, kw} or {k}
     * @param stride      {sh, sw} or {s}
     * @param padding     {ph, pw} or {p}
     * @param dilation    {dh, dw} or {d}
     * @param groups      how many groups the channels are split into
     * @param bias        whether to learn an additive bias
     * @param paddingMode {@code "zeros"}
     * @throws IllegalArgumentException PyTorch's messages for bad groups or padding mode
     */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                  int groups, boolean bias, String paddingMode) {
        this(inChannels, outChannels, kernelSize, stride, Repr.pair(padding, "padding"), null, dilation, groups, bias,
                paddingMode);
    }

    /**
     * {@code nn.Conv2d(in, out, kernel_size, stride, padding='same'|'valid', dilation, groups, bias, padding_mode)}.
     *
     * @param inChannels  input channels
     * @param outChannels output channels
     * @param kernelSize  {kh, kw} or {k}
     * @param stride      {sh, sw} or {s} (1 for "same")
     * @param padding     {@code "same"} or {@code "valid"}
     * @param dilation    {dh, dw} or {d}
     * @param groups      how many groups the channels are split into
     * @param bias        whether to learn an additive bias
     * @param paddingMode {@code "zeros"}
     * @throws IllegalArgumentException PyTorch's messages for a bad padding string, "same" with a stride, bad
     *                                  groups or padding mode
     */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, String padding, int[] dilation,
                  int groups, boolean bias, String paddingMode) {
        this(inChannels, outChannels, kernelSize, stride, null, padding, dilation, groups, bias, paddingMode);
    }

    private Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, String paddingString,
                   int[] dilation, int groups, boolean bias, String paddingMode) {
        // _ConvNd.__init__'s checks, in its order
        if (groups <= 0) throw new IllegalArgumentException("groups must be a positive integer");
        if (inChannels % groups != 0) throw new IllegalArgumentException("in_channels must be divisible by groups");
        if (outChannels % groups != 0) throw new IllegalArgumentException("out_channels must be divisible by groups");
        this.kernelSize = Repr.pair(kernelSize, "kernel_size");
        this.stride = Repr.pair(stride, "stride");
        this.dilation = Repr.pair(dilation, "dilation");
        if (paddingString != null) {
            if (!paddingString.equals("same") && !paddingString.equals("valid")) {
                throw new IllegalArgumentException("Invalid padding string '" + paddingString
                        + "', should be one of {'valid', 'same'}");
            }
            if (paddingString.equals("same") && (this.stride[0] != 1 || this.stride[1] != 1)) {
                throw new IllegalArgumentException("padding='same' is not supported for strided convolutions");
            }
        }
        if (!PADDING_MODES.contains(paddingMode)) {
            throw new IllegalArgumentException("padding_mode must be one of {'zeros', 'reflect', 'replicate', "
                    + "'circular'}, but got padding_mode='" + paddingMode + "'");
        }
        if (!paddingMode.equals("zeros")) {
            throw new UnsupportedOperationException("Conv2d: padding_mode='" + paddingMode + "' is not implemented");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.padding = padding;
        this.paddingString = paddingString;
        this.groups = groups;
        this.paddingMode = paddingMode;
        registerParameter("weight", Torch.zeros(new long[] {outChannels, inChannels / groups, this.kernelSize[0],
                this.kernelSize[1]}, DType.FLOAT32));
        registerParameter("bias", bias ? Torch.zeros(new long[] {outChannels}, DType.FLOAT32) : null);
        resetParameters();
    }

    /** {@code reset_parameters()}: PyTorch's default initialisation, drawn again. */
    public void resetParameters() {
        Init.kaimingUniform_(weight(), Math.sqrt(5), "fan_in", "leaky_relu");
        if (bias() != null) {
            long fanIn = Init.calculateFanInAndFanOut(weight())[0];
            if (fanIn != 0) {
                double bound = 1 / Math.sqrt(fanIn);
                Init.uniform_(bias(), -bound, bound);
            }
        }
    }

    /**
     * {@code self.weight}.
     *
     * @return the (out, in/groups, kh, kw) weight
     */
    public Tensor weight() {
        return param("weight");
    }

    /**
     * {@code self.bias}.
     *
     * @return the (out) bias, or null for {@code bias=False}
     */
    public Tensor bias() {
        return param("bias");
    }

    /**
     * {@code F.conv2d(input, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups)}.
     *
     * @param input (N, in, H, W) or (in, H, W)
     * @return (N, out, oh, ow)
     */
    @Override
    public Tensor forward(Tensor input) {
        if (paddingString != null) {
            return F.conv2d(input, weight(), bias(), stride, paddingString, dilation, groups);
        }
        return F.conv2d(input, weight(), bias(), stride, padding, dilation, groups);
    }

    @Override
    protected String extraRepr() {
        StringBuilder b = new StringBuilder();
        b.append(inChannels).append(", ").append(outChannels).append(", kernel_size=").append(Repr.pyTuple(kernelSize))
                .append(", stride=").append(Repr.pyTuple(stride));
        if (paddingString != null) {
            b.append(", padding=").append(paddingString);
        } else if (padding[0] != 0 || padding[1] != 0) {
            b.append(", padding=").append(Repr.pyTuple(padding));
        }
        if (dilation[0] != 1 || dilation[1] != 1) b.append(", dilation=").append(Repr.pyTuple(dilation));
        if (groups != 1) b.append(", groups=").append(groups);
        if (bias() == null) b.append(", bias=False");
        if (!paddingMode.equals("zeros")) b.append(", padding_mode=").append(paddingMode);
        return b.toString();
    }
}
