package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;
import static org.autograd4j.ops.TensorMath.*;

import java.util.Arrays;
import org.autograd4j.DType;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.storage.Layout;

/**
 * Convolution and pooling (torch.nn.functional's conv2d, unfold/fold, max/avg/adaptive pooling). A convolution is
 * im2col plus the GEMM; its derivative is written in differentiable ops (im2col, col2im, matmul, sum), so double
 * backward works without a backward op of its own. A window geometry is {@code {kh, kw, sh, sw, ph, pw, dh, dw, oh,
 * ow}} ({@link org.autograd4j.kernels.ConvKernels}).
 */
public final class Convolution {
    private Convolution() {
    }

    private static String list(int[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ", ").append(v[i]);
        return sb.append(']').toString();
    }

    /** x itself when 4-d, else its 3-d planes as a batch of one (a view: no copy). */
    private static TensorImpl batched(TensorImpl x) {
        if (x.dim() == 4) return x;
        Layout l = x.layout();
        int[] s = l.shape(), st = l.strides();
        return TensorImpl.of(x.storage(), new Layout(new int[] {1, s[0], s[1], s[2]}, new int[] {0, st[0], st[1], st[2]}, l.offset()));
    }

    /** A fresh contiguous tensor of x's dtype; 3-d when x was unbatched. */
    private static TensorImpl fresh(DType dtype, boolean unbatched, int n, int c, int h, int w) {
        return Ops.empty(dtype, unbatched ? new int[] {c, h, w} : new int[] {n, c, h, w});
    }

    // ------------------------------------------------------------------ im2col / col2im (F.unfold, F.fold)

    /**
     * The windows of 4-d (or 3-d) x as columns {@code [N, C·kh·kw, oh·ow]} ({@code torch._C._nn.im2col}). Derivative
     * ({@code Im2ColBackward0}): col2im of the gradient.
     */
    static TensorImpl im2col(TensorImpl x, int[] g) {
        boolean unbatched = x.dim() == 3;
        TensorImpl x4 = batched(x);
        int[] s = x4.shape();
        int rows = s[1] * g[0] * g[1], l = g[8] * g[9];
        TensorImpl out = Ops.empty(x.dtype(), unbatched ? new int[] {rows, l} : new int[] {s[0], rows, l});
        if (out.numel() > 0) K.im2col(x4.storage(), x4.layout(), g, out.storage());
        if (Graph.needs(x)) {
            int c = s[1], h = s[2], w = s[3];
            Graph.record(out, "Im2ColBackward0", (gr, n) -> new TensorImpl[] {col2im(gr, c, h, w, g)}, x,
                    t -> im2col(t[0], g)); // auto_linear
        }
        return out;
    }

    /**
     * The adjoint of {@link #im2col}: columns {@code [N, C·kh·kw, L]} (or 2-d) summed into {@code [N, c, h, w]}
     * ({@code torch._C._nn.col2im}). Derivative ({@code Col2ImBackward0}): im2col of the gradient.
     */
    static TensorImpl col2im(TensorImpl cols, int c, int h, int w, int[] g) {
        boolean unbatched = cols.dim() == 2;
        Layout cl = cols.layout();
        if (unbatched) {
            cl = new Layout(new int[] {1, cl.size(0), cl.size(1)}, new int[] {0, cl.strides()[0], cl.strides()[1]}, cl.offset());
        }
        int n = cl.size(0);
        TensorImpl out = fresh(cols.dtype(), unbatched, n, c, h, w);
        if (out.numel() > 0) K.col2im(cols.storage(), cl, c, h, w, g, out.storage());
        if (Graph.needs(cols)) {
            Graph.record(out, "Col2ImBackward0", (gr, nd) -> new TensorImpl[] {im2col(gr, g)}, cols,
                    t -> col2im(t[0], c, h, w, g)); // auto_linear
        }
        return out;
    }

    private static int[] pair(int[] v, String name) {
        if (v.length == 1) return new int[] {v[0], v[0]};
        if (v.length != 2) throw new IllegalArgumentException(name + " must be 2-dimensional");
        return v;
    }

    /** {@code F.unfold(x, kernel_size, dilation, padding, stride)}: the sliding windows of 3-d/4-d x as columns. */
    public static TensorImpl unfold(TensorImpl x, int[] kernel, int[] dilation, int[] padding, int[] stride) {
        if (x.dim() != 3 && x.dim() != 4) {
            throw new IllegalArgumentException("Input Error: Only 3D or 4D input Tensors are supported (got " + x.dim() + "D)");
        }
        int[] k = pair(kernel, "kernel_size"), d = pair(dilation, "dilation"), p = pair(padding, "padding"), s = pair(stride, "stride");
        int[] sh = x.shape();
        int h = sh[sh.length - 2], w = sh[sh.length - 1];
        int oh = (h + 2 * p[0] - (d[0] * (k[0] - 1) + 1)) / s[0] + 1;
        int ow = (w + 2 * p[1] - (d[1] * (k[1] - 1) + 1)) / s[1] + 1;
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException("Given input with spatial size (" + h + ", " + w + "), kernel_size=(" + k[0] + ", "
                    + k[1] + "), dilation=(" + d[0] + ", " + d[1] + "), padding=(" + p[0] + ", " + p[1] + "), calculated shape of "
                    + "the array of sliding blocks as (" + oh + ", " + ow + "), but its components must be at least one.");
        }
        return im2col(x, new int[] {k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], oh, ow});
    }

    /** {@code F.fold(cols, output_size, kernel_size, dilation, padding, stride)}: columns summed back into images. */
    public static TensorImpl fold(TensorImpl cols, int[] outputSize, int[] kernel, int[] dilation, int[] padding, int[] stride) {
        if (cols.dim() != 2 && cols.dim() != 3) {
            throw new IllegalArgumentException("Input Error: Only unbatched (2D) or batched (3D) input Tensors are supported (got "
                    + cols.dim() + "D)");
        }
        int[] o = pair(outputSize, "output_size"), k = pair(kernel, "kernel_size"), d = pair(dilation, "dilation");
        int[] p = pair(padding, "padding"), s = pair(stride, "stride");
        int[] cs = cols.shape();
        int rows = cs[cs.length - 2], l = cs[cs.length - 1];
        if (rows % (k[0] * k[1]) != 0) {
            throw new IllegalArgumentException("Expected size of input's dimension 1 to be divisible by the product of kernel_size, "
                    + "but got input.size(1)=" + rows + " and kernel_size=(" + k[0] + ", " + k[1] + ").");
        }
        int oh = (o[0] + 2 * p[0] - (d[0] * (k[0] - 1) + 1)) / s[0] + 1;
        int ow = (o[1] + 2 * p[1] - (d[1] * (k[1] - 1) + 1)) / s[1] + 1;
        if (oh * ow != l) {
            throw new IllegalArgumentException("Given output_size=(" + o[0] + ", " + o[1] + "), kernel_size=(" + k[0] + ", " + k[1]
                    + "), dilation=(" + d[0] + ", " + d[1] + "), padding=(" + p[0] + ", " + p[1] + "), stride=(" + s[0] + ", " + s[1]
                    + "), expected size of input's dimension 2 to match the calculated number of sliding blocks " + oh + " * " + ow
                    + " = " + (oh * ow) + ", but got input.size(2)=" + l + ".");
        }
        return col2im(cols, rows / (k[0] * k[1]), o[0], o[1], new int[] {k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], oh, ow});
    }

    // ------------------------------------------------------------------ constant_pad_nd

    /**
     * {@code torch.constant_pad_nd(x, pad, value)} ({@code F.pad(x, pad, value=value)}): {@code pad} holds
     * (before, after) pairs from the last dim backwards; a negative entry crops. The new elements are {@code value}.
     * Derivative ({@code ConstantPadNdBackward0}, {@code constant_pad_nd_backward}): the gradient padded by the
     * negated pads, i.e. cropped back; tangent: the tangent padded with 0.
     */
    public static TensorImpl constantPadNd(TensorImpl x, long[] pad, double value) {
        if (pad.length % 2 != 0) throw new IllegalArgumentException("Length of pad must be even but instead it equals " + pad.length);
        int nd = x.dim(), lp = pad.length / 2, diff = nd - lp;
        if (nd < lp) {
            // PyTorch 1.13's message, spaces as it prints them
            throw new IllegalArgumentException("Length of pad should be no more than twice the number of dimensions of the input. "
                    + "Pad length is " + pad.length + "while the input has " + nd + "dimensions.");
        }
        TensorImpl out;
        boolean prev = GradMode.set(false);
        try {
            // ATen's order: crop the input by the negative pads (narrow), then copy it into a filled output
            TensorImpl src = x;
            boolean allNonPositive = true;
            for (int i = diff; i < nd; i++) {
                int k = 2 * (nd - i - 1);
                if (pad[k] < 0) src = padNarrow(src, i, -pad[k], src.shape()[i] + pad[k]);
                else if (pad[k] != 0) allNonPositive = false;
                if (pad[k + 1] < 0) src = padNarrow(src, i, 0, src.shape()[i] + pad[k + 1]);
                else if (pad[k + 1] != 0) allNonPositive = false;
            }
            if (allNonPositive) {
                out = Shapes.clone(src);
            } else {
                int[] xs = x.shape(), ns = xs.clone();
                for (int i = 0; i < lp; i++) {
                    int k = pad.length - (i + 1) * 2;
                    long dim = xs[diff + i] + pad[k] + pad[k + 1];
                    if (dim <= 0) {
                        throw new IllegalArgumentException("The input size " + xs[diff + i] + ", plus negative padding " + pad[k] + " and "
                                + pad[k + 1] + " resulted in a negative output size, which is invalid. Check dimension " + (diff + i)
                                + " of your input.");
                    }
                    ns[diff + i] = (int) dim;
                }
                out = Creation.full(ns, value, x.dtype());
                TensorImpl dst = out;
                for (int i = diff; i < nd; i++) {
                    int k = 2 * (nd - i - 1);
                    if (pad[k] > 0) dst = narrow(dst, i, pad[k], dst.shape()[i] - pad[k]);
                    if (pad[k + 1] > 0) dst = narrow(dst, i, 0, dst.shape()[i] - pad[k + 1]);
                }
                copy_(dst, src);
            }
        } finally {
            GradMode.set(prev);
        }
        if (Graph.needs(x)) {
            long[] neg = new long[pad.length];
            for (int i = 0; i < pad.length; i++) neg[i] = -pad[i];
            Graph.record(out, "ConstantPadNdBackward0", (g, n) -> new TensorImpl[] {constantPadNd(g, neg, 0)}, x,
                    t -> constantPadNd(t[0], pad, 0));
        }
        return out;
    }

    /** narrow as ATen's constant_pad_nd calls it: a negative length fails with narrow's bound message. */
    private static TensorImpl padNarrow(TensorImpl x, int dim, long start, long length) {
        if (length < 0 && start >= 0 && start <= x.shape()[dim]) {
            throw new IllegalArgumentException("start (" + start + ") + length (" + length + ") exceeds dimension size ("
                    + x.shape()[dim] + ").");
        }
        return narrow(x, dim, start, length);
    }

    // ------------------------------------------------------------------ conv2d

    /**
     * {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)}; {@code padding} null with
     * {@code samePadding} true is {@code padding='same'} (with false, {@code 'valid'}). 3-d input is one unbatched
     * image (PyTorch unsqueezes it, convolves and squeezes: {@code SqueezeBackward1} over the convolution).
     */
    public static TensorImpl conv2d(TensorImpl input, TensorImpl weight, TensorImpl bias, int[] stride, int[] padding, boolean same,
                                    int[] dilation, int groups) {
        int nd = input.dim();
        if (nd != 3 && nd != 4) {
            throw new IllegalArgumentException("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: "
                    + list(input.shape()));
        }
        int[] st = pair(stride, "stride"), dil = pair(dilation, "dilation");
        if (weight.dim() != 4) {
            throw new IllegalArgumentException("expected stride to be a single integer value or a list of " + (weight.dim() - 2)
                    + " values to match the convolution dimensions, but got stride=" + list(st));
        }
        int[] ws = weight.shape();
        int[] padTop;
        int[] padTotal;
        long[] extra = null; // padding='same' with an odd total: the pad after, as constant_pad_nd's argument
        if (padding != null) {
            int[] p = pair(padding, "padding");
            padTop = p;
            padTotal = new int[] {2 * p[0], 2 * p[1]};
        } else if (!same) {
            padTop = new int[] {0, 0};
            padTotal = new int[] {0, 0};
        } else {
            if (dil[0] <= 0 || dil[1] <= 0) throw new IllegalArgumentException("dilation should be greater than zero, but got " + list(dil));
            if (st[0] != 1 || st[1] != 1) throw new IllegalArgumentException("padding='same' is not supported for strided convolutions");
            // PyTorch's _convolution_same: total d·(k−1), the smaller half on both sides; an odd total's extra
            // row or column is added after by constant_pad_nd (ConstantPadNdBackward0 before the convolution)
            int th = dil[0] * (ws[2] - 1), tw = dil[1] * (ws[3] - 1);
            padTop = new int[] {th / 2, tw / 2};
            padTotal = new int[] {2 * padTop[0], 2 * padTop[1]};
            if (th % 2 != 0 || tw % 2 != 0) {
                extra = new long[] {0, tw % 2, 0, th % 2};
            }
        }
        if (padTop[0] < 0 || padTop[1] < 0) throw new IllegalArgumentException("negative padding is not supported");
        if (st[0] <= 0 || st[1] <= 0) throw new IllegalArgumentException("non-positive stride is not supported");
        if (dil[0] <= 0 || dil[1] <= 0) throw new IllegalArgumentException("dilation should be greater than zero, but got " + list(dil));
        if (groups <= 0) throw new IllegalArgumentException("non-positive groups is not supported");
        TensorImpl x = nd == 3 ? unsqueeze(input, 0) : input;
        int[] xs = x.shape();
        if (extra != null) {
            // as _convolution_same: pad first, then the convolution (whose checks see the padded input)
            x = constantPadNd(x, extra, 0);
            xs = x.shape();
        }
        if (ws[0] < groups) {
            throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be at least " + groups
                    + " at dimension 0, but got weight of size " + list(ws) + " instead");
        }
        if (ws[0] % groups != 0) {
            throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be divisible by " + groups
                    + " at dimension 0, but got weight of size [" + list(ws) + "] instead");
        }
        if (xs[1] != ws[1] * groups) {
            throw new IllegalArgumentException("Given groups=" + groups + ", weight of size " + list(ws) + ", expected input"
                    + list(xs) + " to have " + (ws[1] * groups) + " channels, but got " + xs[1] + " channels instead");
        }
        if (bias != null && (bias.dim() != 1 || bias.shape()[0] != ws[0])) {
            throw new IllegalArgumentException("Given weight of size " + list(ws) + ", expected bias to be 1-dimensional with "
                    + ws[0] + " elements, but got bias of size " + list(bias.shape()) + " instead");
        }
        int ih = xs[2] + padTotal[0], iw = xs[3] + padTotal[1];
        int kh = dil[0] * (ws[2] - 1) + 1, kw = dil[1] * (ws[3] - 1) + 1;
        if (ih < kh || iw < kw) {
            throw new IllegalArgumentException("Calculated padded input size per channel: (" + ih + " x " + iw + "). Kernel size: ("
                    + kh + " x " + kw + "). Kernel size can't be greater than actual input size");
        }
        if (x.dtype() != weight.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + x.dtype().scalarTypeName() + " but found "
                    + weight.dtype().scalarTypeName());
        }
        if (bias != null && bias.dtype() != x.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + x.dtype().scalarTypeName() + " but found "
                    + bias.dtype().scalarTypeName());
        }
        int oh = (ih - kh) / st[0] + 1, ow = (iw - kw) / st[1] + 1;
        int[] g = {ws[2], ws[3], st[0], st[1], padTop[0], padTop[1], dil[0], dil[1], oh, ow};
        TensorImpl out = convolution(x, weight, bias, g, groups);
        return nd == 3 ? squeeze(out, 0) : out;
    }

    /** The convolution of 4-d x with its node: {@link #convolve}'s values, derivative and tangent. */
    private static TensorImpl convolution(TensorImpl x, TensorImpl weight, TensorImpl bias, int[] g, int groups) {
        TensorImpl out = convolve(x, weight, bias, g, groups);
        // PyTorch's node always has three edges: an absent bias is (None, 0), here a stand-in needing no grad.
        TensorImpl[] inputs = {x, weight, bias == null ? Ops.empty(x.dtype(), new int[] {0}) : bias};
        if (Graph.needs(inputs)) {
            SavedTensor sx = SavedTensor.input(x), sw = SavedTensor.input(weight);
            boolean hasBias = bias != null;
            Graph.record(out, "ConvolutionBackward0", (gr, n) -> convBackward(gr, sx.get(), sw.get(), g, groups, n.needs(0),
                    n.needs(1), hasBias, hasBias && n.needs(2)), inputs,
                    // bilinear (derivatives.yaml convolution_jvp): conv(ẋ, w) + conv(x, ẇ) + ḃ over the channels
                    t -> {
                        TensorImpl r = t[0] == null ? null : convolution(t[0], weight, null, g, groups);
                        if (t[1] != null) r = Dual.plus(r, convolution(x, t[1], null, g, groups));
                        if (t[2] != null) r = Dual.plus(r, reshape(t[2], new int[] {t[2].numel(), 1, 1}));
                        return r;
                    }, sx, sw);
        }
        return out;
    }

    /** The convolution's values, no graph: im2col, one GEMM per group (the weight read in place), then the bias. */
    private static TensorImpl convolve(TensorImpl x, TensorImpl weight, TensorImpl bias, int[] g, int groups) {
        int[] xs = x.shape(), ws = weight.shape();
        int n = xs[0], c = xs[1], cout = ws[0], cog = cout / groups, kg = ws[1] * ws[2] * ws[3], l = g[8] * g[9];
        boolean prev = GradMode.set(false);
        try {
            TensorImpl cols = im2col(x, g);
            TensorImpl w = Ops.dense(weight);
            int wOff = w.layout().offset();
            TensorImpl out;
            if (groups == 1) {
                out = Ops.empty(x.dtype(), new int[] {n, cout, g[8], g[9]});
                if (out.numel() > 0 && kg > 0) {
                    K.matmul(n, cout, kg, l, w.storage(), wOff, 0, kg, 1, cols.storage(), 0, c * ws[2] * ws[3] * l, l, 1, out.storage(), 0);
                }
            } else {
                // One product per group into [G, N, Cog, L], then the group dim moved next to the channels.
                TensorImpl tmp = Ops.empty(x.dtype(), new int[] {groups, n, cog, l});
                if (tmp.numel() > 0 && kg > 0) {
                    for (int gi = 0; gi < groups; gi++) {
                        K.matmul(n, cog, kg, l, w.storage(), wOff + gi * cog * kg, 0, kg, 1, cols.storage(), gi * kg * l,
                                c * ws[2] * ws[3] * l, l, 1, tmp.storage(), gi * n * cog * l);
                    }
                }
                out = Ops.dense(Shapes.permute(tmp, new int[] {1, 0, 2, 3}));
                out = reshape(out, new int[] {n, cout, g[8], g[9]});
            }
            if (bias != null) out = Binary.ADD.apply_(out, reshape(bias, new int[] {cout, 1, 1}));
            return out;
        } finally {
            GradMode.set(prev);
        }
    }

    /**
     * The derivatives of a convolution in differentiable ops: with {@code cols = im2col(x)} and the gradient as
     * {@code [N, G, Cog, L]}, {@code dW = Σₙ g·colsᵀ}, {@code dx = col2im(Wᵀ·g)}, {@code db = Σ g} over all but
     * the channels.
     */
    private static TensorImpl[] convBackward(TensorImpl gr, TensorImpl x, TensorImpl weight, int[] g, int groups, boolean needX,
                                             boolean needW, boolean hasBias, boolean needB) {
        int[] xs = x.shape(), ws = weight.shape();
        int n = xs[0], cout = ws[0], cog = cout / groups, kg = ws[1] * ws[2] * ws[3], l = g[8] * g[9];
        TensorImpl g4 = reshape(gr, new int[] {n, groups, cog, l});
        TensorImpl dx = null, dw = null, db = null;
        if (needX) {
            TensorImpl wg = reshape(weight, new int[] {groups, cog, kg});
            TensorImpl dcols = LinearAlgebra.matmul(transpose(wg, 1, 2), g4);
            dx = col2im(reshape(dcols, new int[] {n, groups * kg, l}), xs[1], xs[2], xs[3], g);
        }
        if (needW) {
            TensorImpl cols = reshape(im2col(x, g), new int[] {n, groups, kg, l});
            TensorImpl prod = LinearAlgebra.matmul(g4, transpose(cols, 2, 3));
            dw = reshape(sum(prod, new int[] {0}, false), ws);
        }
        if (needB) db = sum(gr, new int[] {0, 2, 3}, false);
        return new TensorImpl[] {dx, dw, db};
    }

    // ------------------------------------------------------------------ pooling

    /** PyTorch's {@code pooling_output_shape}: floor or ceil mode, a last window starting in the padding dropped. */
    static int poolOut(int in, int k, int pad, int stride, int dilation, boolean ceil) {
        long num = (long) in + 2L * pad - (long) dilation * (k - 1) - 1 + (ceil ? stride - 1 : 0);
        long out = Math.floorDiv(num, stride) + 1;
        if (ceil && (out - 1) * stride >= in + pad) out--;
        return (int) out;
    }

    /** PyTorch's {@code pool2d_shape_check} (max pooling passes its dilation, average pooling 1). */
    private static void poolCheck(TensorImpl x, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int oh, int ow) {
        if (kw <= 0 || kh <= 0) {
            throw new IllegalArgumentException("kernel size should be greater than zero, but got kH: " + kh + " kW: " + kw);
        }
        if (sw <= 0 || sh <= 0) throw new IllegalArgumentException("stride should be greater than zero, but got dH: " + sh + " dW: " + sw);
        if (dw <= 0 || dh <= 0) {
            throw new IllegalArgumentException("dilation should be greater than zero, but got dilationH: " + dh + " dilationW: " + dw);
        }
        int nd = x.dim();
        int[] s = x.shape();
        boolean ok = (nd == 3 && s[0] != 0 && s[1] != 0 && s[2] != 0) || (nd == 4 && s[1] != 0 && s[2] != 0 && s[3] != 0);
        if (!ok) throw new IllegalArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input");
        if (kw / 2 < pw || kh / 2 < ph) {
            throw new IllegalArgumentException("pad should be at most half of kernel size, but got pad=" + ph + " and kernel_size="
                    + kh);
        }
        int c = s[nd - 3], h = s[nd - 2], w = s[nd - 1];
        if (ow < 1 || oh < 1) {
            throw new IllegalArgumentException("Given input size: (" + c + "x" + h + "x" + w + "). Calculated output size: (" + c + "x"
                    + oh + "x" + ow + "). Output size is too small");
        }
    }

    /** PyTorch's default: no stride (None or an empty list) means the kernel size. */
    private static int[] poolStride(int[] stride, int[] k) {
        return stride == null || stride.length == 0 ? k : pair(stride, "stride");
    }

    /** The window geometry of a 2-d pooling of x, checked as PyTorch checks it. */
    private static int[] poolGeometry(TensorImpl x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceil,
                                      boolean maxPool) {
        int[] k = pair(kernel, maxPool ? "max_pool2d: kernel_size" : "avg_pool2d: kernel_size");
        int[] st = poolStride(stride, k);
        int[] p = pair(padding, "padding"), d = pair(dilation, "dilation");
        if (st[0] == 0 || st[1] == 0) throw new IllegalArgumentException("stride should not be zero");
        int nd = x.dim();
        if (nd < 3 && !maxPool) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of [" + (-Math.max(nd, 1)) + ", "
                    + (Math.max(nd, 1) - 1) + "], but got -3)");
        }
        int[] s = x.shape();
        int h = nd >= 2 ? s[nd - 2] : 1, w = nd >= 1 ? s[nd - 1] : 1;
        int oh = k[0] > 0 && st[0] > 0 && d[0] > 0 ? poolOut(h, k[0], p[0], st[0], d[0], ceil) : 0;
        int ow = k[1] > 0 && st[1] > 0 && d[1] > 0 ? poolOut(w, k[1], p[1], st[1], d[1], ceil) : 0;
        poolCheck(x, k[0], k[1], st[0], st[1], p[0], p[1], d[0], d[1], oh, ow);
        return new int[] {k[0], k[1], st[0], st[1], p[0], p[1], d[0], d[1], oh, ow};
    }

    /**
     * {@code F.max_pool2d_with_indices}: window maxima of 3-d/4-d x and their flat positions in the plane.
     * Derivative ({@code MaxPool2DWithIndicesBackward0}): the gradient added at those positions (scatter_add over
     * the flattened planes, so double backward is a gather).
     */
    public static TensorImpl[] maxPool2dWithIndices(TensorImpl x, int[] kernel, int[] stride, int[] padding, int[] dilation,
                                                    boolean ceil) {
        int[] g = poolGeometry(x, kernel, stride, padding, dilation, ceil, true);
        boolean unbatched = x.dim() == 3;
        TensorImpl x4 = batched(x);
        int[] s = x4.shape();
        TensorImpl out = fresh(x.dtype(), unbatched, s[0], s[1], g[8], g[9]);
        TensorImpl idx = fresh(DType.INT64, unbatched, s[0], s[1], g[8], g[9]);
        if (out.numel() > 0) K.maxPool2d(x4.storage(), x4.layout(), g, out.storage(), idx.storage());
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x);
            Graph.record(out, "MaxPool2DWithIndicesBackward0", (gr, n) -> new TensorImpl[] {
                maxPoolBackward(gr, sx.get(), idx, "MaxPool2DWithIndicesBackwardBackward0")}, x,
                    t -> gatherAt(t[0], idx), sx);
        }
        return new TensorImpl[] {out, idx};
    }

    /**
     * {@code max_pool2d_with_indices_backward} (and adaptive max pooling's): the gradient added at the maxima's
     * positions. An op of its own, as PyTorch's: its inputs are the gradient and self, its derivative
     * ({@code name}) PyTorch's {@code max_pool_double_backward} (a gather at the positions) and zeros for self.
     */
    /**
     * A max pool's tangent (derivatives.yaml: {@code gather(self_t.flatten(-2), -1, indices.flatten(-2)).view_as(result)}):
     * the input's tangent read at the maxima's flat positions.
     */
    private static TensorImpl gatherAt(TensorImpl t, TensorImpl idx) {
        int[] ts = t.shape(), is = idx.shape();
        int nd = ts.length;
        int[] flat = Arrays.copyOf(ts, nd - 1);
        flat[nd - 2] = ts[nd - 2] * ts[nd - 1];
        int[] gflat = Arrays.copyOf(is, nd - 1);
        gflat[nd - 2] = is[nd - 2] * is[nd - 1];
        return reshape(Indexing.gather(reshape(t, flat), nd - 2, reshape(idx, gflat)), is);
    }

    private static TensorImpl maxPoolBackward(TensorImpl gr, TensorImpl self, TensorImpl idx, String name) {
        int[] shape = self.shape();
        int nd = shape.length;
        int[] flat = Arrays.copyOf(shape, nd - 1);
        flat[nd - 2] = shape[nd - 2] * shape[nd - 1];
        int[] gflat = Arrays.copyOf(idx.shape(), nd - 1);
        gflat[nd - 2] = idx.shape()[nd - 2] * idx.shape()[nd - 1];
        TensorImpl out;
        boolean prev = GradMode.set(false);
        try {
            out = reshape(Indexing.scatterAdd(Ops.empty(gr.dtype(), flat), nd - 2, reshape(idx, gflat), reshape(gr, gflat)), shape);
        } finally {
            GradMode.set(prev);
        }
        if (Graph.needs(gr, self)) {
            int[] ishape = idx.shape();
            Graph.record(out, name, (gg, n) -> new TensorImpl[] {
                n.needs(0) ? reshape(Indexing.gather(reshape(gg, flat), nd - 2, reshape(idx, gflat)), ishape) : null,
                n.needs(1) ? Ops.empty(gg.dtype(), shape) : null}, new TensorImpl[] {gr, self},
                    // linear in the gradient; self only picks the positions
                    t -> maxPoolBackward(Dual.orZeros(t[0], gr), self, idx, name));
        }
        return out;
    }

    /**
     * {@code F.avg_pool2d(x, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)}
     * ({@code divisorOverride} 0: none). Derivative ({@code AvgPool2DBackward0}): {@link #avgPool2dBackward}.
     */
    public static TensorImpl avgPool2d(TensorImpl x, int[] kernel, int[] stride, int[] padding, boolean ceil, boolean countIncludePad,
                                       Integer divisorOverride) {
        if (divisorOverride != null && divisorOverride == 0) throw new IllegalArgumentException("divisor must be not zero");
        int[] g = poolGeometry(x, kernel, stride, padding, new int[] {1, 1}, ceil, false);
        int div = divisorOverride == null ? 0 : divisorOverride;
        return avgPool(x, g, countIncludePad, div);
    }

    private static TensorImpl avgPool(TensorImpl x, int[] g, boolean countIncludePad, int div) {
        boolean unbatched = x.dim() == 3;
        TensorImpl x4 = batched(x);
        int[] s = x4.shape();
        TensorImpl out = fresh(x.dtype(), unbatched, s[0], s[1], g[8], g[9]);
        if (out.numel() > 0) K.avgPool2d(false, x4.storage(), x4.layout(), s[2], s[3], g, countIncludePad, div, out.storage());
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x);
            Graph.record(out, "AvgPool2DBackward0", (gr, n) -> new TensorImpl[] {avgPool2dBackward(gr, sx.get(), g, countIncludePad, div)},
                    x, t -> avgPool(t[0], g, countIncludePad, div), sx); // auto_linear
        }
        return out;
    }

    /**
     * {@code avg_pool2d_backward}: each output gradient divided by its window's divisor and added over the window.
     * Linear in the gradient; its derivative ({@code AvgPool2DBackwardBackward0}) is the pooling itself for the
     * gradient and zeros for self (PyTorch's inputs: the gradient and self).
     */
    static TensorImpl avgPool2dBackward(TensorImpl gr, TensorImpl self, int[] g, boolean countIncludePad, int div) {
        int[] shape = self.shape();
        int nd = shape.length;
        boolean unbatched = nd == 3;
        TensorImpl g4 = batched(gr);
        int n = unbatched ? 1 : shape[0], c = shape[nd - 3], h = shape[nd - 2], w = shape[nd - 1];
        TensorImpl out = fresh(gr.dtype(), unbatched, n, c, h, w);
        if (out.numel() > 0) K.avgPool2d(true, g4.storage(), g4.layout(), h, w, g, countIncludePad, div, out.storage());
        if (Graph.needs(gr, self)) {
            Graph.record(out, "AvgPool2DBackwardBackward0", (gg, nn) -> new TensorImpl[] {
                nn.needs(0) ? avgPool(gg, g, countIncludePad, div) : null, nn.needs(1) ? Ops.empty(gg.dtype(), shape) : null},
                    new TensorImpl[] {gr, self},
                    // linear in the gradient; self gives only the shape
                    t -> avgPool2dBackward(Dual.orZeros(t[0], gr), self, g, countIncludePad, div));
        }
        return out;
    }

    /**
     * {@code F.adaptive_avg_pool2d(x, output_size)}: output cell (i, j) averages rows {@code [⌊i·H/oh⌋, ⌈(i+1)·H/oh⌉)}
     * and likewise columns. A 1×1 output is a mean over the last two dims, as PyTorch computes it ({@code MeanBackward1});
     * else {@code AdaptiveAvgPool2DBackward0}.
     */
    public static TensorImpl adaptiveAvgPool2d(TensorImpl x, int[] outputSize) {
        int nd = x.dim();
        if (nd != 3 && nd != 4) {
            throw new IllegalArgumentException("adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got " + list(x.shape()));
        }
        int[] o = pair(outputSize, "adaptive_avg_pool2d: output_size");
        int[] s = x.shape();
        nonEmpty("adaptive_avg_pool2d", s);
        if (o[0] == 1 && o[1] == 1) return mean(x, new int[] {-1, -2}, true);
        return adaptiveAvg(x, o[0], o[1]);
    }

    private static TensorImpl adaptiveAvg(TensorImpl x, int oh, int ow) {
        boolean unbatched = x.dim() == 3;
        TensorImpl x4 = batched(x);
        int[] s = x4.shape();
        TensorImpl out = fresh(x.dtype(), unbatched, s[0], s[1], oh, ow);
        if (out.numel() > 0) K.adaptiveAvgPool2d(false, x4.storage(), x4.layout(), s[2], s[3], oh, ow, out.storage());
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x);
            Graph.record(out, "AdaptiveAvgPool2DBackward0", (gr, n) -> new TensorImpl[] {adaptiveAvgBackward(gr, sx.get())}, x,
                    t -> adaptiveAvg(t[0], oh, ow), sx); // auto_linear
        }
        return out;
    }

    /**
     * {@code _adaptive_avg_pool2d_backward}; linear in the gradient, its derivative the pooling itself for the
     * gradient and zeros for self.
     */
    private static TensorImpl adaptiveAvgBackward(TensorImpl gr, TensorImpl self) {
        int[] shape = self.shape();
        int nd = shape.length;
        boolean unbatched = nd == 3;
        TensorImpl g4 = batched(gr);
        int n = unbatched ? 1 : shape[0], c = shape[nd - 3], h = shape[nd - 2], w = shape[nd - 1];
        int oh = g4.shape()[2], ow = g4.shape()[3];
        TensorImpl out = fresh(gr.dtype(), unbatched, n, c, h, w);
        if (out.numel() > 0) K.adaptiveAvgPool2d(true, g4.storage(), g4.layout(), h, w, oh, ow, out.storage());
        if (Graph.needs(gr, self)) {
            Graph.record(out, "AdaptiveAvgPool2DBackwardBackward0", (gg, nn) -> new TensorImpl[] {
                nn.needs(0) ? adaptiveAvg(gg, oh, ow) : null, nn.needs(1) ? Ops.empty(gg.dtype(), shape) : null},
                    new TensorImpl[] {gr, self},
                    // linear in the gradient
                    t -> adaptiveAvgBackward(Dual.orZeros(t[0], gr), self));
        }
        return out;
    }

    private static void nonEmpty(String op, int[] s) {
        for (int i = 1; i < s.length; i++) {
            if (s[i] == 0) {
                throw new IllegalArgumentException(op + "(): Expected input to have non-zero size for non-batch dimensions, but input "
                        + "has sizes " + list(s) + " with dimension " + i + " being empty");
            }
        }
    }

    /**
     * {@code F.adaptive_max_pool2d(x, output_size, return_indices=True)}: the maximum of each adaptive window
     * (rows {@code [⌊i·H/oh⌋, ⌈(i+1)·H/oh⌉)}, columns likewise) and its flat position in the plane. Derivative
     * ({@code AdaptiveMaxPool2DBackward0}): the gradient added at those positions.
     */
    public static TensorImpl[] adaptiveMaxPool2d(TensorImpl x, int[] outputSize) {
        int nd = x.dim();
        if (nd != 3 && nd != 4) {
            throw new IllegalArgumentException("adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: " + list(x.shape()));
        }
        nonEmpty("adaptive_max_pool2d", x.shape());
        int[] o = pair(outputSize, "adaptive_max_pool2d: output_size");
        boolean unbatched = nd == 3;
        TensorImpl x4 = batched(x);
        int[] s = x4.shape();
        TensorImpl out = fresh(x.dtype(), unbatched, s[0], s[1], o[0], o[1]);
        TensorImpl idx = fresh(DType.INT64, unbatched, s[0], s[1], o[0], o[1]);
        if (out.numel() > 0) K.adaptiveMaxPool2d(x4.storage(), x4.layout(), o[0], o[1], out.storage(), idx.storage());
        if (Graph.needs(x)) {
            SavedTensor sx = SavedTensor.input(x);
            Graph.record(out, "AdaptiveMaxPool2DBackward0", (gr, n) -> new TensorImpl[] {
                maxPoolBackward(gr, sx.get(), idx, "AdaptiveMaxPool2DBackwardBackward0")}, x,
                    t -> gatherAt(t[0], idx), sx);
        }
        return new TensorImpl[] {out, idx};
    }
}
