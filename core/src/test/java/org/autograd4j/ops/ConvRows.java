package org.autograd4j.ops;

import static org.autograd4j.ops.OpTable.*;

import java.util.List;
import java.util.function.Function;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/** The op-table rows of convolution, pooling, unfold/fold and the normalizations (ops.Convolution, ops.Normalization). */
final class ConvRows {
    private ConvRows() {
    }

    static Function<List<Tensor>, Tensor> f3(Tri f) {
        return xs -> f.apply(xs.get(0), xs.get(1), xs.get(2));
    }

    interface Tri {
        Tensor apply(Tensor a, Tensor b, Tensor c);
    }

    private static final String F = "torch.nn.functional.";

    // ------------------------------------------------------------------ references (plain loops over coordinates)

    /** x as [N, C, H, W] (a 3-d x as a batch of one). */
    private static Arr batch(Arr x) {
        return x.dim() == 4 ? x : Arr.reshape(x, 1, x.shape()[0], x.shape()[1], x.shape()[2]);
    }

    private static Arr unbatch(Arr out, Arr x) {
        int[] s = out.shape();
        return x.dim() == 4 ? out : Arr.reshape(out, s[1], s[2], s[3]);
    }

    /** Cross-correlation by its definition; padTop/padTotal per dim, b may be null. */
    static Arr convRef(Arr x0, Arr w, Arr b, int[] st, int[] padTop, int[] padTotal, int[] dil, int groups) {
        Arr x = batch(x0);
        int n = x.shape()[0], c = x.shape()[1], h = x.shape()[2], wd = x.shape()[3];
        int co = w.shape()[0], cg = w.shape()[1], kh = w.shape()[2], kw = w.shape()[3];
        int oh = (h + padTotal[0] - dil[0] * (kh - 1) - 1) / st[0] + 1, ow = (wd + padTotal[1] - dil[1] * (kw - 1) - 1) / st[1] + 1;
        int cog = co / groups;
        double[] out = new double[n * co * oh * ow];
        int k = 0;
        for (int bi = 0; bi < n; bi++) {
            for (int o = 0; o < co; o++) {
                int g = o / cog;
                for (int y = 0; y < oh; y++) {
                    for (int xx = 0; xx < ow; xx++) {
                        double s = b == null ? 0 : b.v()[o];
                        for (int ci = 0; ci < cg; ci++) {
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    int iy = y * st[0] - padTop[0] + i * dil[0], ix = xx * st[1] - padTop[1] + j * dil[1];
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
                                    s += w.get(o, ci, i, j) * x.get(bi, g * cg + ci, iy, ix);
                                }
                            }
                        }
                        out[k++] = s;
                    }
                }
            }
        }
        return unbatch(Arr.of(new int[] {n, co, oh, ow}, out), x0);
    }

    /** {@code constant_pad_nd(x, [1, 2, -1, 0], 0.5)}: the last dim padded 1 before and 2 after, the one before it cropped by 1 at the start. */
    static Arr padRef(Arr x) {
        int nd = x.shape().length, h = x.shape()[nd - 2], w = x.shape()[nd - 1], lead = x.v().length / (h * w);
        int oh = h - 1, ow = w + 3;
        int[] shape = x.shape().clone();
        shape[nd - 2] = oh;
        shape[nd - 1] = ow;
        double[] r = new double[lead * oh * ow];
        for (int p = 0; p < lead; p++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int sj = j - 1;
                    r[(p * oh + i) * ow + j] = sj >= 0 && sj < w ? x.v()[(p * h + i + 1) * w + sj] : 0.5;
                }
            }
        }
        return new Arr(shape, r);
    }

    static Arr convRef(Arr x, Arr w, Arr b, int[] st, int[] pad, int[] dil, int groups) {
        return convRef(x, w, b, st, pad, new int[] {2 * pad[0], 2 * pad[1]}, dil, groups);
    }

    /** Pooling windows by their definition (kind: max, avg with count_include_pad, avg without). */
    static Arr poolRef(Arr x0, int[] k, int[] st, int[] p, int[] d, boolean ceil, String kind, int divisor) {
        Arr x = batch(x0);
        int n = x.shape()[0], c = x.shape()[1], h = x.shape()[2], w = x.shape()[3];
        int oh = Convolution.poolOut(h, k[0], p[0], st[0], d[0], ceil), ow = Convolution.poolOut(w, k[1], p[1], st[1], d[1], ceil);
        double[] out = new double[n * c * oh * ow];
        int q = 0;
        for (int bi = 0; bi < n; bi++) {
            for (int ci = 0; ci < c; ci++) {
                for (int y = 0; y < oh; y++) {
                    for (int xx = 0; xx < ow; xx++) {
                        double m = Double.NEGATIVE_INFINITY, s = 0;
                        int cnt = 0, padded = 0;
                        for (int i = 0; i < k[0]; i++) {
                            for (int j = 0; j < k[1]; j++) {
                                int iy = y * st[0] - p[0] + i * d[0], ix = xx * st[1] - p[1] + j * d[1];
                                if (iy < h + p[0] && ix < w + p[1]) padded++;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                                double v = x.get(bi, ci, iy, ix);
                                m = Math.max(m, v);
                                s += v;
                                cnt++;
                            }
                        }
                        out[q++] = kind.equals("max") ? m
                                : s / (divisor != 0 ? divisor : kind.equals("avg") ? padded : cnt);
                    }
                }
            }
        }
        return unbatch(Arr.of(new int[] {n, c, oh, ow}, out), x0);
    }

    static Arr adaptiveRef(Arr x0, int oh, int ow) {
        Arr x = batch(x0);
        int n = x.shape()[0], c = x.shape()[1], h = x.shape()[2], w = x.shape()[3];
        double[] out = new double[n * c * oh * ow];
        int q = 0;
        for (int bi = 0; bi < n; bi++) {
            for (int ci = 0; ci < c; ci++) {
                for (int y = 0; y < oh; y++) {
                    int y0 = (int) Math.floor((double) y * h / oh), y1 = (int) Math.ceil((double) (y + 1) * h / oh);
                    for (int xx = 0; xx < ow; xx++) {
                        int c0 = (int) Math.floor((double) xx * w / ow), c1 = (int) Math.ceil((double) (xx + 1) * w / ow);
                        double s = 0;
                        for (int iy = y0; iy < y1; iy++) for (int ix = c0; ix < c1; ix++) s += x.get(bi, ci, iy, ix);
                        out[q++] = s / ((y1 - y0) * (c1 - c0));
                    }
                }
            }
        }
        return unbatch(Arr.of(new int[] {n, c, oh, ow}, out), x0);
    }

    /** Adaptive max pooling by definition. */
    static Arr adaptiveMaxRef(Arr x0, int oh, int ow) {
        Arr x = batch(x0);
        int n = x.shape()[0], c = x.shape()[1], h = x.shape()[2], w = x.shape()[3];
        double[] out = new double[n * c * oh * ow];
        int q = 0;
        for (int bi = 0; bi < n; bi++) {
            for (int ci = 0; ci < c; ci++) {
                for (int y = 0; y < oh; y++) {
                    int y0 = (int) Math.floor((double) y * h / oh), y1 = (int) Math.ceil((double) (y + 1) * h / oh);
                    for (int xx = 0; xx < ow; xx++) {
                        int c0 = (int) Math.floor((double) xx * w / ow), c1 = (int) Math.ceil((double) (xx + 1) * w / ow);
                        double m = Double.NEGATIVE_INFINITY;
                        for (int iy = y0; iy < y1; iy++) for (int ix = c0; ix < c1; ix++) m = Math.max(m, x.get(bi, ci, iy, ix));
                        out[q++] = m;
                    }
                }
            }
        }
        return unbatch(Arr.of(new int[] {n, c, oh, ow}, out), x0);
    }

    /** The columns of F.unfold by definition. */
    static Arr unfoldRef(Arr x0, int[] k, int[] d, int[] p, int[] st) {
        Arr x = batch(x0);
        int n = x.shape()[0], c = x.shape()[1], h = x.shape()[2], w = x.shape()[3];
        int oh = (h + 2 * p[0] - d[0] * (k[0] - 1) - 1) / st[0] + 1, ow = (w + 2 * p[1] - d[1] * (k[1] - 1) - 1) / st[1] + 1;
        int rows = c * k[0] * k[1], l = oh * ow;
        double[] out = new double[n * rows * l];
        for (int bi = 0; bi < n; bi++) {
            for (int r = 0; r < rows; r++) {
                int ci = r / (k[0] * k[1]), i = r / k[1] % k[0], j = r % k[1];
                for (int y = 0; y < oh; y++) {
                    for (int xx = 0; xx < ow; xx++) {
                        int iy = y * st[0] - p[0] + i * d[0], ix = xx * st[1] - p[1] + j * d[1];
                        out[(bi * rows + r) * l + y * ow + xx] = iy < 0 || iy >= h || ix < 0 || ix >= w ? 0 : x.get(bi, ci, iy, ix);
                    }
                }
            }
        }
        int[] shape = x0.dim() == 4 ? new int[] {n, rows, l} : new int[] {rows, l};
        return Arr.of(shape, out);
    }

    /** F.fold by definition: every column element added at the position unfold reads it from. */
    static Arr foldRef(Arr cols0, int[] o, int[] k, int[] d, int[] p, int[] st) {
        Arr cols = cols0.dim() == 3 ? cols0 : Arr.reshape(cols0, 1, cols0.shape()[0], cols0.shape()[1]);
        int n = cols.shape()[0], rows = cols.shape()[1], c = rows / (k[0] * k[1]), h = o[0], w = o[1];
        int oh = (h + 2 * p[0] - d[0] * (k[0] - 1) - 1) / st[0] + 1, ow = (w + 2 * p[1] - d[1] * (k[1] - 1) - 1) / st[1] + 1;
        double[] out = new double[n * c * h * w];
        for (int bi = 0; bi < n; bi++) {
            for (int r = 0; r < rows; r++) {
                int ci = r / (k[0] * k[1]), i = r / k[1] % k[0], j = r % k[1];
                for (int y = 0; y < oh; y++) {
                    for (int xx = 0; xx < ow; xx++) {
                        int iy = y * st[0] - p[0] + i * d[0], ix = xx * st[1] - p[1] + j * d[1];
                        if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                        out[((bi * c + ci) * h + iy) * w + ix] += cols.get(bi, r, y * ow + xx);
                    }
                }
            }
        }
        return Arr.of(cols0.dim() == 3 ? new int[] {n, c, h, w} : new int[] {c, h, w}, out);
    }

    /** (x − mean)/sqrt(var + eps)·w + b over the sub-tensors that share the coordinates outside {@code normDims}. */
    static Arr normRef(Arr x, boolean[] normDims, Arr w, Arr b, double eps, boolean channelParams) {
        int nd = x.dim();
        int[] s = x.shape();
        double[] out = new double[x.numel()];
        java.util.Map<String, double[]> groups = new java.util.HashMap<>();
        for (int i = 0; i < x.numel(); i++) {
            int[] c = Arr.coords(i, s);
            for (int d = 0; d < nd; d++) if (normDims[d]) c[d] = 0;
            groups.computeIfAbsent(java.util.Arrays.toString(c), key -> new double[3])[0] += x.v()[i];
            groups.get(java.util.Arrays.toString(c))[2]++;
        }
        for (double[] gm : groups.values()) gm[0] /= gm[2];
        for (int i = 0; i < x.numel(); i++) {
            int[] c = Arr.coords(i, s);
            for (int d = 0; d < nd; d++) if (normDims[d]) c[d] = 0;
            double[] gm = groups.get(java.util.Arrays.toString(c));
            double dv = x.v()[i] - gm[0];
            gm[1] += dv * dv;
        }
        for (int i = 0; i < x.numel(); i++) {
            int[] c = Arr.coords(i, s), key = c.clone();
            for (int d = 0; d < nd; d++) if (normDims[d]) key[d] = 0;
            double[] gm = groups.get(java.util.Arrays.toString(key));
            double y = (x.v()[i] - gm[0]) / Math.sqrt(gm[1] / gm[2] + eps);
            int pi = channelParams ? c[1] : paramIndex(c, w == null ? (b == null ? 0 : b.dim()) : w.dim(), s);
            if (w != null) y *= w.v()[pi];
            if (b != null) y += b.v()[pi];
            out[i] = y;
        }
        return Arr.of(s, out);
    }

    /** The flat index of c's trailing k coordinates (layer norm's weight over the normalized shape). */
    private static int paramIndex(int[] c, int k, int[] shape) {
        int nd = c.length, idx = 0;
        for (int d = nd - k; d < nd; d++) idx = idx * shape[d] + c[d];
        return idx;
    }

    static Arr layerNormRef(Arr x, int k, Arr w, Arr b) {
        boolean[] dims = new boolean[x.dim()];
        for (int d = x.dim() - k; d < x.dim(); d++) dims[d] = true;
        return normRef(x, dims, w, b, 1e-5, false);
    }

    static Arr batchNormRef(Arr x, Arr w, Arr b) {
        boolean[] dims = new boolean[x.dim()];
        java.util.Arrays.fill(dims, true);
        dims[1] = false;
        return normRef(x, dims, w, b, 1e-5, true);
    }

    /** Evaluation-mode batch norm by definition: (x − rm)/sqrt(rv + eps)·w + b per channel. */
    static Arr batchNormEvalRef(Arr x, Arr rm, Arr rv, Arr w, Arr b) {
        double[] out = new double[x.numel()];
        for (int i = 0; i < out.length; i++) {
            int ch = Arr.coords(i, x.shape())[1];
            out[i] = (x.v()[i] - rm.v()[ch]) / Math.sqrt(rv.v()[ch] + 1e-5) * w.v()[ch] + b.v()[ch];
        }
        return Arr.of(x.shape(), out);
    }

    /** Group norm by definition: layer norm of each (sample, group) row, then the channel's scale and shift. */
    static Arr groupNormRef(Arr x, int groups, Arr w, Arr b) {
        int n = x.shape()[0], c = x.shape()[1], m = x.numel() / (n * groups);
        Arr rows = layerNormRef(Arr.reshape(x, n, groups, m), 1, null, null);
        double[] out = rows.v().clone();
        int per = x.numel() / (n * c);
        for (int k = 0; k < out.length; k++) {
            int ch = k / per % c;
            if (w != null) out[k] *= w.v()[ch];
            if (b != null) out[k] += b.v()[ch];
        }
        return Arr.of(x.shape(), out);
    }

    private static int[] i2(int a, int b) {
        return new int[] {a, b};
    }

    // ------------------------------------------------------------------ rows

    static void rows() {
        int[] one = {1, 1}, zero = {0, 0};
        row("conv2d", "ConvolutionBackward0", f3(Torch::conv2d), xs -> convRef(xs.get(0), xs.get(1), xs.get(2), one, zero, one, 1),
                g -> List.of(s(r(g, 1, 2, 4, 5), r(g, 3, 2, 2, 2), r(g, 3)), s(r(g, 2, 3, 5, 5), r(g, 4, 3, 3, 3), r(g, 4)),
                        s(r(g, 1, 2, 4, 6), r(g, 3, 2, 2, 3), r(g, 3)),
                        named("SqueezeBackward1", r(g, 3, 5, 4), r(g, 2, 3, 3, 3), r(g, 2)),
                        s(S(r(g, 2, 2, 4, 4)), T(r(g, 3, 2, 2, 2)), r(g, 3)), s(r(g, 1, 3, 4, 4), constant(r(g, 2, 3, 1, 1)), r(g, 2))))
                .accum(16).py(F + "conv2d(a, b, c)")
                .error("Given groups=1, weight of size [4, 3, 3, 3], expected input[1, 2, 5, 5] to have 3 channels, but got 2 channels instead",
                        r(new java.util.Random(1), 1, 2, 5, 5), r(new java.util.Random(2), 4, 3, 3, 3), r(new java.util.Random(3), 4))
                .error("Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual "
                        + "input size", r(new java.util.Random(1), 1, 3, 2, 2), r(new java.util.Random(2), 4, 3, 3, 3), r(new java.util.Random(3), 4))
                .error("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [3, 5]",
                        r(new java.util.Random(1), 3, 5), r(new java.util.Random(2), 4, 3, 3, 3), r(new java.util.Random(3), 4))
                .error("Given weight of size [4, 3, 3, 3], expected bias to be 1-dimensional with 4 elements, but got bias of size [3] instead",
                        r(new java.util.Random(1), 1, 3, 5, 5), r(new java.util.Random(2), 4, 3, 3, 3), r(new java.util.Random(3), 3));
        row("conv2d_nobias", "ConvolutionBackward0", f2(Torch::conv2d), xs -> convRef(xs.get(0), xs.get(1), null, one, zero, one, 1),
                g -> List.of(s(r(g, 2, 3, 5, 5), r(g, 4, 3, 3, 3)), s(r(g, 1, 1, 3, 7), r(g, 2, 1, 3, 2))))
                .accum(16).composite().py(F + "conv2d(a, b)");
        row("conv2d_strided", "ConvolutionBackward0",
                f3((x, w, b) -> Torch.conv2d(x, w, b, i2(2, 1), i2(1, 2), i2(1, 2), 1)),
                xs -> convRef(xs.get(0), xs.get(1), xs.get(2), i2(2, 1), i2(1, 2), i2(1, 2), 1),
                g -> List.of(s(r(g, 1, 2, 4, 5), r(g, 2, 2, 3, 2), r(g, 2)), s(r(g, 2, 3, 6, 5), r(g, 2, 3, 3, 2), r(g, 2)),
                        s(r(g, 1, 2, 5, 7), r(g, 3, 2, 2, 3), r(g, 3))))
                .accum(16).py(F + "conv2d(a, b, c, stride=(2, 1), padding=(1, 2), dilation=(1, 2))");
        row("conv2d_padded_1x1", "ConvolutionBackward0",
                f3((x, w, b) -> Torch.conv2d(x, w, b, i2(3, 2), i2(2, 3), one, 1)),
                xs -> convRef(xs.get(0), xs.get(1), xs.get(2), i2(3, 2), i2(2, 3), one, 1),
                g -> List.of(s(r(g, 1, 2, 3, 4), r(g, 3, 2, 1, 1), r(g, 3)), s(r(g, 2, 1, 2, 2), r(g, 2, 1, 1, 2), r(g, 2))))
                .accum(16).py(F + "conv2d(a, b, c, stride=(3, 2), padding=(2, 3))");
        row("conv2d_groups", "ConvolutionBackward0",
                f3((x, w, b) -> Torch.conv2d(x, w, b, new int[] {1}, new int[] {1}, new int[] {1}, 2)),
                xs -> convRef(xs.get(0), xs.get(1), xs.get(2), one, one, one, 2),
                g -> List.of(s(r(g, 1, 4, 3, 4), r(g, 2, 2, 2, 2), r(g, 2)), s(r(g, 2, 4, 4, 5), r(g, 6, 2, 3, 3), r(g, 6)), named("SqueezeBackward1", r(g, 4, 3, 3), r(g, 4, 2, 2, 2), r(g, 4))))
                .accum(16).py(F + "conv2d(a, b, c, padding=1, groups=2)");
        row("conv2d_same", "ConvolutionBackward0",
                f3((x, w, b) -> Torch.conv2d(x, w, b, new int[] {1}, "same", i2(2, 1), 1)),
                xs -> convRef(xs.get(0), xs.get(1), xs.get(2), one, i2(2, 1), i2(4, 2), i2(2, 1), 1),
                g -> List.of(s(r(g, 1, 2, 5, 4), r(g, 2, 2, 3, 3), r(g, 2)), s(r(g, 2, 3, 6, 5), r(g, 2, 3, 3, 3), r(g, 2))))
                .accum(16).py(F + "conv2d(a, b, c, padding='same', dilation=(2, 1))");
        // an even kernel: totals 1 and 3, the extra row and column after through constant_pad_nd, as PyTorch
        row("conv2d_same_even", "ConvolutionBackward0",
                f3((x, w, b) -> Torch.conv2d(x, w, b, new int[] {1}, "same", new int[] {1}, 1)),
                xs -> {
                    int kh = xs.get(1).shape()[2], kw = xs.get(1).shape()[3];
                    return convRef(xs.get(0), xs.get(1), xs.get(2), one, i2((kh - 1) / 2, (kw - 1) / 2), i2(kh - 1, kw - 1), one, 1);
                },
                g -> List.of(s(r(g, 1, 1, 3, 4), r(g, 2, 1, 2, 4), r(g, 2)), s(r(g, 2, 1, 3, 3), r(g, 2, 1, 3, 2), r(g, 2)),
                        named("SqueezeBackward1", r(g, 1, 3, 4), r(g, 2, 1, 2, 4), r(g, 2)), s(r(g, 1, 2, 5, 6), r(g, 3, 2, 2, 4), r(g, 3))))
                .accum(16).py(F + "conv2d(a, b, c, padding='same')");
        row("constant_pad_nd", "ConstantPadNdBackward0", f1(x -> Torch.constantPadNd(x, new long[] {1, 2, -1, 0}, 0.5)),
                xs -> padRef(xs.get(0)), g -> List.of(s(r(g, 3, 4)), s(r(g, 2, 3, 4)), s(T(r(g, 4, 3))), s(S(r(g, 3, 4)))))
                .pointwise(0).py("torch.constant_pad_nd(a, [1, 2, -1, 0], 0.5)")
                .error("Length of pad should be no more than twice the number of dimensions of the input. Pad length is 4while "
                        + "the input has 1dimensions.", r(new java.util.Random(3), 5));
        row("max_pool2d", "MaxPool2DWithIndicesBackward0", f1(x -> Torch.maxPool2d(x, new int[] {2})),
                xs -> poolRef(xs.get(0), i2(2, 2), i2(2, 2), zero, one, false, "max", 0),
                g -> List.of(s(r(g, 2, 3, 5, 5)), s(r(g, 3, 4, 6)), s(T(r(g, 1, 2, 4, 6))), s(S(r(g, 1, 2, 5, 4)))))
                .py(F + "max_pool2d(a, 2)")
                .error("Given input size: (3x1x1). Calculated output size: (3x0x0). Output size is too small",
                        r(new java.util.Random(1), 1, 3, 1, 1))
                .error("non-empty 3D or 4D (batch mode) tensor expected for input", r(new java.util.Random(1), 3, 5));
        row("max_pool2d_padded", "MaxPool2DWithIndicesBackward0",
                f1(x -> Torch.maxPool2d(x, new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1}, new int[] {1, 2}, true)),
                xs -> poolRef(xs.get(0), i2(3, 2), i2(2, 1), one, i2(1, 2), true, "max", 0),
                g -> List.of(s(r(g, 1, 2, 5, 4)), s(r(g, 2, 2, 6, 7)), s(r(g, 2, 5, 4))))
                .py(F + "max_pool2d(a, (3, 2), (2, 1), 1, (1, 2), True)");
        row("avg_pool2d", "AvgPool2DBackward0", f1(x -> Torch.avgPool2d(x, new int[] {2})),
                xs -> poolRef(xs.get(0), i2(2, 2), i2(2, 2), zero, one, false, "avg", 0),
                g -> List.of(s(r(g, 2, 3, 5, 5)), s(r(g, 3, 4, 6)), s(T(r(g, 1, 2, 4, 6)))))
                .accum(2).py(F + "avg_pool2d(a, 2)");
        row("avg_pool2d_padded", "AvgPool2DBackward0",
                f1(x -> Torch.avgPool2d(x, new int[] {3}, new int[] {2}, new int[] {1}, true, false, null)),
                xs -> poolRef(xs.get(0), i2(3, 3), i2(2, 2), one, one, true, "avgNoPad", 0),
                g -> List.of(s(r(g, 1, 2, 5, 4)), s(r(g, 2, 2, 6, 7)), s(r(g, 2, 5, 4))))
                .accum(2).py(F + "avg_pool2d(a, 3, 2, 1, True, False)");
        row("avg_pool2d_divisor", "AvgPool2DBackward0",
                f1(x -> Torch.avgPool2d(x, new int[] {2, 3}, new int[] {1, 2}, new int[] {1, 1}, false, true, 5)),
                xs -> poolRef(xs.get(0), i2(2, 3), i2(1, 2), one, one, false, "avg", 5),
                g -> List.of(s(r(g, 1, 2, 4, 5)), s(r(g, 1, 2, 5, 6))))
                .accum(2).py(F + "avg_pool2d(a, (2, 3), (1, 2), 1, False, True, 5)");
        row("adaptive_avg_pool2d", "AdaptiveAvgPool2DBackward0", f1(x -> Torch.adaptiveAvgPool2d(x, new int[] {3, 2})),
                xs -> adaptiveRef(xs.get(0), 3, 2),
                g -> List.of(s(r(g, 2, 3, 5, 7)), s(r(g, 2, 4, 4)), s(T(r(g, 1, 2, 7, 5)))))
                .accum(2).py(F + "adaptive_avg_pool2d(a, (3, 2))");
        row("adaptive_avg_pool2d_1x1", "MeanBackward1", f1(x -> Torch.adaptiveAvgPool2d(x, new int[] {1})),
                xs -> adaptiveRef(xs.get(0), 1, 1), g -> List.of(s(r(g, 2, 3, 5, 7)), s(r(g, 2, 4, 4))))
                .accum(2).py(F + "adaptive_avg_pool2d(a, 1)").layoutExact = false;
        row("adaptive_max_pool2d", "AdaptiveMaxPool2DBackward0", f1(x -> Torch.adaptiveMaxPool2d(x, new int[] {2, 3})),
                xs -> adaptiveMaxRef(xs.get(0), 2, 3),
                g -> List.of(s(r(g, 1, 2, 5, 4)), s(r(g, 2, 3, 5, 7)), s(r(g, 2, 4, 5)), s(T(r(g, 1, 2, 7, 5)))))
                .py(F + "adaptive_max_pool2d(a, (2, 3))");
        row("unfold_nn", "Im2ColBackward0", f1(x -> Torch.unfold(x, i2(2, 3), i2(1, 2), new int[] {1}, i2(2, 1))),
                xs -> unfoldRef(xs.get(0), i2(2, 3), i2(1, 2), one, i2(2, 1)),
                g -> List.of(s(r(g, 2, 3, 5, 6)), s(r(g, 2, 4, 4)), s(S(r(g, 1, 2, 3, 5)))))
                .py(F + "unfold(a, (2, 3), (1, 2), 1, (2, 1))");
        row("fold_nn", "Col2ImBackward0", f1(x -> Torch.fold(x, i2(3, 4), i2(2, 2), one, new int[] {1}, new int[] {2})),
                xs -> foldRef(xs.get(0), i2(3, 4), i2(2, 2), one, one, i2(2, 2)),
                g -> List.of(s(r(g, 1, 8, 6)), s(r(g, 4, 6)), s(r(g, 2, 8, 6)), s(T(r(g, 3, 4, 6)))))
                .accum(1).py(F + "fold(a, (3, 4), 2, 1, 1, 2)");
        row("layer_norm", "NativeLayerNormBackward0", f3((x, w, b) -> Torch.layerNorm(x, new long[] {4, 5}, w, b)),
                xs -> layerNormRef(xs.get(0), 2, xs.get(1), xs.get(2)),
                g -> List.of(s(r(g, 3, 4, 5), r(g, 4, 5), r(g, 4, 5)), s(r(g, 4, 5), r(g, 4, 5), r(g, 4, 5)),
                        s(T(r(g, 2, 4, 5)), r(g, 4, 5), constant(r(g, 4, 5)))))
                .accum(8).py(F + "layer_norm(a, (4, 5), b, c)")
                .error("Given normalized_shape=[4, 5], expected input with shape [*, 4, 5], but got input of size[3, 5]",
                        r(new java.util.Random(1), 3, 5), r(new java.util.Random(2), 4, 5), r(new java.util.Random(3), 4, 5)).layoutExact = false;
        row("layer_norm_plain", "NativeLayerNormBackward0", f1(x -> Torch.layerNorm(x, new long[] {6})),
                xs -> layerNormRef(xs.get(0), 1, null, null), g -> List.of(s(r(g, 3, 6)), s(r(g, 2, 2, 6)), s(r(g, 6))))
                .accum(8).composite().py(F + "layer_norm(a, (6,))").layoutExact = false;
        row("batch_norm", "NativeBatchNormBackward0",
                f3((x, w, b) -> Torch.batchNorm(x, null, null, w, b, true)), xs -> batchNormRef(xs.get(0), xs.get(1), xs.get(2)),
                g -> List.of(s(r(g, 4, 3, 2, 2), r(g, 3), r(g, 3)), s(r(g, 5, 3), r(g, 3), r(g, 3)), s(T(r(g, 2, 2, 3, 4)), r(g, 2), r(g, 2))))
                .accum(8).py(F + "batch_norm(a, None, None, b, c, True)")
                .error("weight should contain 5 elements not 4", r(new java.util.Random(1), 3, 5), r(new java.util.Random(2), 4),
                        r(new java.util.Random(3), 5)).layoutExact = false;
        row("batch_norm_plain", "NativeBatchNormBackward0", f1(x -> Torch.batchNorm(x, null, null, null, null, true)),
                xs -> batchNormRef(xs.get(0), null, null), g -> List.of(s(r(g, 3, 2, 3)), s(r(g, 6, 2))))
                .accum(8).composite().py(F + "batch_norm(a, None, None, None, None, True)").layoutExact = false;
        row("batch_norm_eval", "NativeBatchNormBackward0",
                xs -> Torch.batchNorm(xs.get(0), xs.get(1), xs.get(2), xs.get(3), xs.get(4), false),
                xs -> batchNormEvalRef(xs.get(0), xs.get(1), xs.get(2), xs.get(3), xs.get(4)),
                g -> List.of(s(r(g, 2, 3, 2, 2), c(g, 3), constant(p(g, 3)), r(g, 3), r(g, 3)), s(r(g, 4, 2), c(g, 2), constant(p(g, 2)), r(g, 2), r(g, 2))))
                .accum(4).composite().py(F + "batch_norm(a, b, c, d, e, False)").layoutExact = false;
            row("group_norm", "NativeGroupNormBackward0", f3((x, w, b) -> Torch.groupNorm(x, 3, w, b, 1e-5)),
                xs -> groupNormRef(xs.get(0), 3, xs.get(1), xs.get(2)),
                g -> List.of(s(r(g, 2, 6, 3), r(g, 6), r(g, 6)), s(r(g, 2, 3, 2, 3), r(g, 3), r(g, 3)),
                        s(T(r(g, 1, 6, 2, 4)), r(g, 6), constant(r(g, 6)))))
                .accum(8).py(F + "group_norm(a, 3, b, c)")
                .error("Expected number of channels in input to be divisible by num_groups, but got input of shape [2, 5, 3] and "
                        + "num_groups=3", r(new java.util.Random(1), 2, 5, 3), r(new java.util.Random(2), 5), r(new java.util.Random(3), 5))
                .layoutExact = false;
        row("group_norm_plain", "NativeGroupNormBackward0", f1(x -> Torch.groupNorm(x, 2)),
                xs -> groupNormRef(xs.get(0), 2, null, null), g -> List.of(s(r(g, 3, 4, 3)), s(r(g, 2, 2, 5))))
                .accum(8).composite().py(F + "group_norm(a, 2)").layoutExact = false;
    }
}
