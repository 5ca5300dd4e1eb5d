package org.autograd4j.kernels;

import org.autograd4j.DType;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;

/**
 * The loops of convolution and pooling: im2col/col2im (so a convolution is one GEMM over the columns), max and
 * average pooling forward and backward, adaptive average pooling, and the per-row moments of the normalizations.
 * A window geometry is an {@code int[]} {@code {kh, kw, sh, sw, ph, pw, dh, dw, oh, ow}}: kernel, stride,
 * top/left padding, dilation and the output size (given, not derived, so asymmetric padding and ceil mode fit).
 * Inputs are 4-d layouts {@code [N, C, H, W]} with any strides; outputs are contiguous.
 */
public final class ConvKernels {
    private ConvKernels() {
    }

    /**
     * {@code cols[n, (c·kh + i)·kw + j, oy·ow + ox] = x[n, c, oy·sh − ph + i·dh, ox·sw − pw + j·dw]}, 0 outside x
     * (PyTorch's {@code im2col}); cols is contiguous {@code [N, C·kh·kw, oh·ow]}.
     */
    public static void im2col(Storage x, Layout xl, int[] g, Storage cols) {
        int n = xl.size(0), c = xl.size(1), h = xl.size(2), w = xl.size(3);
        int[] st = xl.strides();
        int kh = g[0], kw = g[1], sh = g[2], sw = g[3], ph = g[4], pw = g[5], dh = g[6], dw = g[7], oh = g[8], ow = g[9];
        int l = oh * ow, rows = c * kh * kw;
        Parallel.forRange(n * c, grain(kh * kw * l), (lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                int b = p / c, ch = p % c;
                int base = xl.offset() + b * st[0] + ch * st[1];
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int out = (b * rows + (ch * kh + i) * kw + j) * l;
                        // the output columns whose tap falls inside the row: [oxLo, oxHi)
                        int off = j * dw - pw;
                        int oxLo = Math.min(ow, off >= 0 ? 0 : (-off + sw - 1) / sw);
                        int oxHi = Math.max(oxLo, Math.min(ow, w - off <= 0 ? 0 : (w - off - 1) / sw + 1));
                        for (int oy = 0; oy < oh; oy++, out += ow) {
                            int iy = oy * sh - ph + i * dh;
                            if (iy < 0 || iy >= h) {
                                fillZero(cols, out, ow);
                                continue;
                            }
                            fillZero(cols, out, oxLo);
                            fillZero(cols, out + oxHi, ow - oxHi);
                            copyRow(x, base + iy * st[2] + (oxLo * sw + off) * st[3], sw * st[3], cols, out + oxLo, oxHi - oxLo);
                        }
                    }
                }
            }
        });
    }

    private static void fillZero(Storage s, int from, int n) {
        if (n <= 0) return;
        if (s instanceof Storage.F32 f) java.util.Arrays.fill(f.data, from, from + n, 0f);
        else if (s instanceof Storage.F64 d) java.util.Arrays.fill(d.data, from, from + n, 0.0);
        else for (int k = 0; k < n; k++) s.setDouble(from + k, 0.0);
    }

    /** {@code dst[to + k] = src[from + k·step]} for k below n. */
    private static void copyRow(Storage src, int from, int step, Storage dst, int to, int n) {
        if (n <= 0) return;
        if (src instanceof Storage.F32 a && dst instanceof Storage.F32 b) {
            float[] x = a.data, y = b.data;
            if (step == 1) System.arraycopy(x, from, y, to, n);
            else for (int k = 0; k < n; k++) y[to + k] = x[from + k * step];
        } else if (src instanceof Storage.F64 a && dst instanceof Storage.F64 b) {
            double[] x = a.data, y = b.data;
            if (step == 1) System.arraycopy(x, from, y, to, n);
            else for (int k = 0; k < n; k++) y[to + k] = x[from + k * step];
        } else {
            for (int k = 0; k < n; k++) dst.setDouble(to + k, src.getDouble(from + k * step));
        }
    }

    /** {@code dst[to + k·step] += src[from + k·srcStep]} for k below n, rounded to dst's dtype each time. */
    private static void addRow(Storage src, int from, int srcStep, Storage dst, int to, int step, int n) {
        if (src instanceof Storage.F32 a && dst instanceof Storage.F32 b) {
            float[] x = a.data, y = b.data;
            for (int k = 0; k < n; k++) y[to + k * step] += x[from + k * srcStep];
        } else if (src instanceof Storage.F64 a && dst instanceof Storage.F64 b) {
            double[] x = a.data, y = b.data;
            for (int k = 0; k < n; k++) y[to + k * step] += x[from + k * srcStep];
        } else {
            for (int k = 0; k < n; k++) dst.setDouble(to + k * step, dst.getDouble(to + k * step) + src.getDouble(from + k * srcStep));
        }
    }

    /**
     * The adjoint of {@link #im2col}: every column element added into the input position it was read from
     * (PyTorch's {@code col2im}, in its order: channel, kernel row, kernel column, output row, output column).
     * {@code cl} is {@code [N, C·kh·kw, oh·ow]} with any strides; x is contiguous {@code [N, C, H, W]}, overwritten.
     */
    public static void col2im(Storage cols, Layout cl, int c, int h, int w, int[] g, Storage x) {
        int n = cl.size(0);
        int[] st = cl.strides();
        int kh = g[0], kw = g[1], sh = g[2], sw = g[3], ph = g[4], pw = g[5], dh = g[6], dw = g[7], oh = g[8], ow = g[9];
        Parallel.forRange(n * c, grain(kh * kw * oh * ow + h * w), (lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                int b = p / c, ch = p % c;
                int plane = p * h * w;
                fillZero(x, plane, h * w);
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int row = cl.offset() + b * st[0] + ((ch * kh + i) * kw + j) * st[1];
                        int off = j * dw - pw;
                        int oxLo = Math.min(ow, off >= 0 ? 0 : (-off + sw - 1) / sw);
                        int oxHi = Math.max(oxLo, Math.min(ow, w - off <= 0 ? 0 : (w - off - 1) / sw + 1));
                        for (int oy = 0; oy < oh; oy++) {
                            int iy = oy * sh - ph + i * dh;
                            if (iy < 0 || iy >= h) continue;
                            addRow(cols, row + (oy * ow + oxLo) * st[2], st[2], x, plane + iy * w + oxLo * sw + off, sw, oxHi - oxLo);
                        }
                    }
                }
            }
        });
    }

    /**
     * Max pooling as PyTorch's {@code cpu_max_pool}: the window's start clamped into x by whole dilation steps,
     * the first maximum kept, a NaN always taken; {@code indices} (int64) hold the flat position {@code iy·W + ix}
     * within the plane. out and indices are contiguous {@code [N, C, oh, ow]}.
     */
    public static void maxPool2d(Storage x, Layout xl, int[] g, Storage out, Storage indices) {
        int n = xl.size(0), c = xl.size(1), h = xl.size(2), w = xl.size(3);
        int[] st = xl.strides();
        int kh = g[0], kw = g[1], sh = g[2], sw = g[3], ph = g[4], pw = g[5], dh = g[6], dw = g[7], oh = g[8], ow = g[9];
        Parallel.forRange(n * c, grain(h * w + oh * ow), (lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                int base = xl.offset() + (p / c) * st[0] + (p % c) * st[1];
                int o = p * oh * ow;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++, o++) {
                        int y0 = oy * sh - ph, x0 = ox * sw - pw;
                        int y1 = Math.min(y0 + (kh - 1) * dh + 1, h), x1 = Math.min(x0 + (kw - 1) * dw + 1, w);
                        while (y0 < 0) y0 += dh;
                        while (x0 < 0) x0 += dw;
                        int best = y0 * w + x0;
                        double max = Double.NEGATIVE_INFINITY;
                        for (int iy = y0; iy < y1; iy += dh) {
                            for (int ix = x0; ix < x1; ix += dw) {
                                double v = x.getDouble(base + iy * st[2] + ix * st[3]);
                                if (v > max || Double.isNaN(v)) {
                                    max = v;
                                    best = iy * w + ix;
                                }
                            }
                        }
                        out.setDouble(o, max);
                        indices.setLong(o, best);
                    }
                }
            }
        });
    }

    /**
     * Average pooling ({@code backward=false}: {@code src} is x {@code [N, C, H, W]}, dst the contiguous output
     * {@code [N, C, oh, ow]}) or its adjoint ({@code backward=true}: src is the output gradient, dst the contiguous
     * input gradient {@code [N, C, h, w]}, overwritten), as PyTorch's {@code cpu_avg_pool}: the divisor is the
     * window clipped to the padded input (count_include_pad), or to the input, or {@code divisorOverride} when it
     * is not 0; the sum runs in the dtype over the window's rows then columns; a window wholly in the padding gives 0.
     */
    public static void avgPool2d(boolean backward, Storage src, Layout sl, int h, int w, int[] g, boolean countIncludePad,
                                 int divisorOverride, Storage dst) {
        int n = sl.size(0), c = sl.size(1);
        int[] st = sl.strides();
        int kh = g[0], kw = g[1], sh = g[2], sw = g[3], ph = g[4], pw = g[5], oh = g[8], ow = g[9];
        boolean f32 = src.dtype() == DType.FLOAT32;
        Parallel.forRange(n * c, grain(h * w + oh * ow), (lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                int base = sl.offset() + (p / c) * st[0] + (p % c) * st[1];
                int plane = p * h * w;
                if (backward) for (int q = 0; q < h * w; q++) dst.setDouble(plane + q, 0.0);
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        int y0 = oy * sh - ph, x0 = ox * sw - pw;
                        int y1 = Math.min(y0 + kh, h + ph), x1 = Math.min(x0 + kw, w + pw);
                        int poolSize = (y1 - y0) * (x1 - x0);
                        y0 = Math.max(y0, 0);
                        x0 = Math.max(x0, 0);
                        y1 = Math.min(y1, h);
                        x1 = Math.min(x1, w);
                        int o = (p * oh + oy) * ow + ox;
                        if (y0 >= y1 || x0 >= x1) {
                            if (!backward) dst.setDouble(o, 0.0);
                            continue;
                        }
                        int div = divisorOverride != 0 ? divisorOverride : countIncludePad ? poolSize : (y1 - y0) * (x1 - x0);
                        if (backward) {
                            double gv = src.getDouble(base + oy * st[2] + ox * st[3]) / div;
                            if (f32) gv = (float) gv;
                            for (int iy = y0; iy < y1; iy++) {
                                for (int ix = x0; ix < x1; ix++) {
                                    int at = plane + iy * w + ix;
                                    double s = dst.getDouble(at) + gv;
                                    dst.setDouble(at, f32 ? (float) s : s);
                                }
                            }
                        } else {
                            double sum = 0;
                            for (int iy = y0; iy < y1; iy++) {
                                for (int ix = x0; ix < x1; ix++) {
                                    sum += src.getDouble(base + iy * st[2] + ix * st[3]);
                                    if (f32) sum = (float) sum;
                                }
                            }
                            dst.setDouble(o, sum / div);
                        }
                    }
                }
            }
        });
    }

    /** The planes worth one thread: about 2^16 element visits, as the elementwise kernels split. */
    private static int grain(int perPlane) {
        return Math.max(1, (1 << 16) / Math.max(1, perPlane));
    }

    /** PyTorch's {@code start_index}: {@code floor(a·c / b)}. */
    static int startIndex(int a, int b, int c) {
        return (int) ((long) a * c / b);
    }

    /** PyTorch's {@code end_index}: {@code ceil((a + 1)·c / b)}. */
    static int endIndex(int a, int b, int c) {
        return (int) (((long) (a + 1) * c + b - 1) / b);
    }

    /**
     * Adaptive average pooling ({@code backward=false}: src is x {@code [N, C, h, w]}, dst the contiguous
     * {@code [N, C, oh, ow]}) or its adjoint (src the output gradient, dst the contiguous input gradient,
     * overwritten), as PyTorch's {@code cpu_adaptive_avg_pool}: output row {@code oy} averages input rows
     * {@code [floor(oy·h/oh), ceil((oy+1)·h/oh))}, likewise columns; the sum divided by the rows, then the columns.
     */
    public static void adaptiveAvgPool2d(boolean backward, Storage src, Layout sl, int h, int w, int oh, int ow, Storage dst) {
        int n = sl.size(0), c = sl.size(1);
        int[] st = sl.strides();
        boolean f32 = src.dtype() == DType.FLOAT32;
        Parallel.forRange(n * c, grain(h * w + oh * ow), (lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                int base = sl.offset() + (p / c) * st[0] + (p % c) * st[1];
                int plane = p * h * w;
                if (backward) for (int q = 0; q < h * w; q++) dst.setDouble(plane + q, 0.0);
                for (int oy = 0; oy < oh; oy++) {
                    int y0 = startIndex(oy, oh, h), y1 = endIndex(oy, oh, h);
                    for (int ox = 0; ox < ow; ox++) {
                        int x0 = startIndex(ox, ow, w), x1 = endIndex(ox, ow, w);
                        int kh = y1 - y0, kw = x1 - x0;
                        if (backward) {
                            double gv = src.getDouble(base + oy * st[2] + ox * st[3]) / kh;
                            if (f32) gv = (float) gv;
                            gv /= kw;
                            if (f32) gv = (float) gv;
                            for (int iy = y0; iy < y1; iy++) {
                                for (int ix = x0; ix < x1; ix++) {
                                    int at = plane + iy * w + ix;
                                    double s = dst.getDouble(at) + gv;
                                    dst.setDouble(at, f32 ? (float) s : s);
                                }
                            }
                        } else {
                            double sum = 0;
                            for (int iy = y0; iy < y1; iy++) {
                                for (int ix = x0; ix < x1; ix++) {
                                    sum += src.getDouble(base + iy * st[2] + ix * st[3]);
                                    if (f32) sum = (float) sum;
                                }
                            }
                            double v = sum / kh;
                            if (f32) v = (float) v;
                            dst.setDouble((p * oh + oy) * ow + ox, v / kw);
                        }
                    }
                }
            }
        });
    }

    /**
     * Adaptive max pooling as PyTorch's {@code cpu_adaptive_max_pool}: output cell (oy, ox) takes the first
     * maximum (a NaN always wins) of rows {@code [floor(oy·h/oh), ceil((oy+1)·h/oh))} and the columns likewise;
     * {@code indices} (int64) hold its flat position {@code iy·W + ix} in the plane. out and indices contiguous.
     */
    public static void adaptiveMaxPool2d(Storage x, Layout xl, int oh, int ow, Storage out, Storage indices) {
        int n = xl.size(0), c = xl.size(1), h = xl.size(2), w = xl.size(3);
        int[] st = xl.strides();
        Parallel.forRange(n * c, grain(h * w + oh * ow), (lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                int base = xl.offset() + (p / c) * st[0] + (p % c) * st[1];
                for (int oy = 0; oy < oh; oy++) {
                    int y0 = startIndex(oy, oh, h), y1 = endIndex(oy, oh, h);
                    for (int ox = 0; ox < ow; ox++) {
                        int x0 = startIndex(ox, ow, w), x1 = endIndex(ox, ow, w);
                        int best = y0 * w + x0;
                        double max = Double.NEGATIVE_INFINITY;
                        for (int iy = y0; iy < y1; iy++) {
                            for (int ix = x0; ix < x1; ix++) {
                                double v = x.getDouble(base + iy * st[2] + ix * st[3]);
                                if (v > max || Double.isNaN(v)) {
                                    max = v;
                                    best = iy * w + ix;
                                }
                            }
                        }
                        int o = (p * oh + oy) * ow + ox;
                        out.setDouble(o, max);
                        indices.setLong(o, best);
                    }
                }
            }
        });
    }

    /**
     * Mean and biased variance of every row of {@code xl} (shape {@code [R, …]}, any strides: row r is
     * {@code xl}'s sub-tensor at index r of dim 0), two passes in double (as PyTorch's batch-norm statistics
     * accumulate float in double). mean and var receive R values each.
     */
    public static void moments(Storage x, Layout xl, Storage mean, Storage var) {
        int rows = xl.size(0);
        int m = rows == 0 ? 0 : xl.numel() / rows;
        int[] shape = xl.shape();
        int[] inner = java.util.Arrays.copyOfRange(shape, 1, shape.length);
        int[] innerStrides = java.util.Arrays.copyOfRange(xl.strides(), 1, shape.length);
        Parallel.forRange(rows, grain(2 * m), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                Layout row = new Layout(inner, innerStrides, xl.offset() + r * xl.strides()[0]);
                double s = 0;
                for (int i = 0; i < m; i++) s += x.getDouble(row.indexOf(i));
                double mu = s / m, q = 0;
                for (int i = 0; i < m; i++) {
                    double d = x.getDouble(row.indexOf(i)) - mu;
                    q += d * d;
                }
                mean.setDouble(r, mu);
                var.setDouble(r, q / m);
            }
        });
    }

    // ------------------------------------------------------------------ ATen's RowwiseMoments (layer and group norm)

    /** {@code moments_utils.h}'s {@code kChunkSize}: vectors per Welford chunk. */
    private static final int MOMENT_CHUNK = 16;

    /**
     * Mean and biased variance of every row of a contiguous {@code [R, M]} layout in the row's own dtype, as
     * PyTorch 1.13.1's {@code RowwiseMoments} computes them for layer and group norm (float32 in float arithmetic,
     * float64 in double): Welford updates per lane over chunks of 16 vectors (8 lanes for float32, 4 for float64,
     * as its AVX2 build), the chunks merged in a cascade ({@code AddMomentsVec}), the scalar tail by Welford, then
     * the lanes merged in order ({@code AddMoments}). No fused multiply-adds: its compiled code has none here.
     * mean and var (x's dtype) receive R values each.
     */
    public static void rowwiseMoments(Storage x, Layout xl, Storage mean, Storage var) {
        int rows = xl.size(0), m = xl.numel() / Math.max(rows, 1);
        int off = xl.offset();
        if (x instanceof Storage.F32 xs) {
            float[] d = xs.data, mu = ((Storage.F32) mean).data, v = ((Storage.F32) var).data;
            Parallel.forRange(rows, grain(2 * m), (lo, hi) -> {
                float[] mv = new float[2];
                for (int r = lo; r < hi; r++) {
                    momentsF32(d, off + r * m, m, mv);
                    mu[r] = mv[0];
                    v[r] = mv[1];
                }
            });
        } else {
            double[] d = ((Storage.F64) x).data, mu = ((Storage.F64) mean).data, v = ((Storage.F64) var).data;
            Parallel.forRange(rows, grain(2 * m), (lo, hi) -> {
                double[] mv = new double[2];
                for (int r = lo; r < hi; r++) {
                    momentsF64(d, off + r * m, m, mv);
                    mu[r] = mv[0];
                    v[r] = mv[1];
                }
            });
        }
    }

    private static int ceilLog2(int x) {
        return x <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(x - 1);
    }

    /** {@code AddMomentsVec}: lanes (m1a, m2a) of count m0a merged into (m1, m2) of count m0[at]. */
    private static void addMomentsF32(int m0a, float[] m1a, float[] m2a, int[] m0, int at, float[] m1, float[] m2, int lanes) {
        int n = m0[at] + m0a;
        float c = n == 0 ? 0f : (float) m0a / (float) n;
        float count = m0[at];
        for (int l = 0; l < lanes; l++) {
            float delta = m1a[l] - m1[l];
            m1[l] += c * delta;
            m2[l] += m2a[l] + delta * delta * c * count;
        }
        m0[at] = n;
    }

    /** {@code RowwiseMomentsImpl<float>} over {@code x[o, o + n)}: {@code mv[0]} the mean, {@code mv[1]} the biased variance. */
    static void momentsF32(float[] x, int o, int len, float[] mv) {
        final int lanes = 8;
        int n = len / lanes, chunks = (n + MOMENT_CHUNK - 1) / MOMENT_CHUNK, depth = ceilLog2(chunks);
        int[] m0 = new int[Math.max(depth, 1)];
        float[][] m1 = new float[Math.max(depth, 1)][lanes], m2 = new float[Math.max(depth, 1)][lanes];
        float[] a1 = new float[lanes], a2 = new float[lanes];
        for (int i = 0; i < chunks; i++) {
            int base = o + i * MOMENT_CHUNK * lanes, k = Math.min(MOMENT_CHUNK, n - i * MOMENT_CHUNK);
            java.util.Arrays.fill(a1, 0f);
            java.util.Arrays.fill(a2, 0f);
            for (int j = 0; j < k; j++) {
                float c = 1f / (float) (j + 1);
                for (int l = 0; l < lanes; l++) {
                    float v = x[base + j * lanes + l], delta = v - a1[l];
                    a1[l] += delta * c;
                    a2[l] += delta * (v - a1[l]);
                }
            }
            addMomentsF32(k, a1, a2, m0, 0, m1[0], m2[0], lanes);
            for (int j = 1, mask = i + 1; j < depth && (mask & 1) == 0; j++, mask >>= 1) {
                addMomentsF32(m0[j - 1], m1[j - 1], m2[j - 1], m0, j, m1[j], m2[j], lanes);
                m0[j - 1] = 0;
                java.util.Arrays.fill(m1[j - 1], 0f);
                java.util.Arrays.fill(m2[j - 1], 0f);
            }
        }
        for (int i = 1; i < depth; i++) addMomentsF32(m0[i], m1[i], m2[i], m0, 0, m1[0], m2[0], lanes);
        int c0 = 0;
        float s1 = 0, s2 = 0;
        for (int i = n * lanes; i < len; i++) {
            float v = x[o + i], delta = v - s1;
            c0++;
            s1 += delta / (float) c0;
            s2 += delta * (v - s1);
        }
        int[] cnt = {c0};
        float[] r1 = {s1}, r2 = {s2};
        for (int l = 0; l < lanes; l++) addMomentsF32(n, new float[] {m1[0][l]}, new float[] {m2[0][l]}, cnt, 0, r1, r2, 1);
        mv[0] = r1[0];
        mv[1] = r2[0] / (float) len;
    }

    /** {@link #addMomentsF32} in double. */
    private static void addMomentsF64(int m0a, double[] m1a, double[] m2a, int[] m0, int at, double[] m1, double[] m2, int lanes) {
        int n = m0[at] + m0a;
        double c = n == 0 ? 0 : (double) m0a / (double) n;
        double count = m0[at];
        for (int l = 0; l < lanes; l++) {
            double delta = m1a[l] - m1[l];
            m1[l] += c * delta;
            m2[l] += m2a[l] + delta * delta * c * count;
        }
        m0[at] = n;
    }

    /** {@code RowwiseMomentsImpl<double>} (4 lanes) over {@code x[o, o + n)}. */
    static void momentsF64(double[] x, int o, int len, double[] mv) {
        final int lanes = 4;
        int n = len / lanes, chunks = (n + MOMENT_CHUNK - 1) / MOMENT_CHUNK, depth = ceilLog2(chunks);
        int[] m0 = new int[Math.max(depth, 1)];
        double[][] m1 = new double[Math.max(depth, 1)][lanes], m2 = new double[Math.max(depth, 1)][lanes];
        double[] a1 = new double[lanes], a2 = new double[lanes];
        for (int i = 0; i < chunks; i++) {
            int base = o + i * MOMENT_CHUNK * lanes, k = Math.min(MOMENT_CHUNK, n - i * MOMENT_CHUNK);
            java.util.Arrays.fill(a1, 0);
            java.util.Arrays.fill(a2, 0);
            for (int j = 0; j < k; j++) {
                double c = 1.0 / (j + 1);
                for (int l = 0; l < lanes; l++) {
                    double v = x[base + j * lanes + l], delta = v - a1[l];
                    a1[l] += delta * c;
                    a2[l] += delta * (v - a1[l]);
                }
            }
            addMomentsF64(k, a1, a2, m0, 0, m1[0], m2[0], lanes);
            for (int j = 1, mask = i + 1; j < depth && (mask & 1) == 0; j++, mask >>= 1) {
                addMomentsF64(m0[j - 1], m1[j - 1], m2[j - 1], m0, j, m1[j], m2[j], lanes);
                m0[j - 1] = 0;
                java.util.Arrays.fill(m1[j - 1], 0);
                java.util.Arrays.fill(m2[j - 1], 0);
            }
        }
        for (int i = 1; i < depth; i++) addMomentsF64(m0[i], m1[i], m2[i], m0, 0, m1[0], m2[0], lanes);
        int c0 = 0;
        double s1 = 0, s2 = 0;
        for (int i = n * lanes; i < len; i++) {
            double v = x[o + i], delta = v - s1;
            c0++;
            s1 += delta / c0;
            s2 += delta * (v - s1);
        }
        int[] cnt = {c0};
        double[] r1 = {s1}, r2 = {s2};
        for (int l = 0; l < lanes; l++) addMomentsF64(n, new double[] {m1[0][l]}, new double[] {m2[0][l]}, cnt, 0, r1, r2, 1);
        mv[0] = r1[0];
        mv[1] = r2[0] / len;
    }

    /**
     * {@code y[r, j] = fma(x[r, j], scale[r], shift[r])}, then with {@code affine} {@code fma(·, γ[j], β[j])}
     * (γ 1 and β 0 where null), over a contiguous {@code [R, M]} layout: PyTorch's LayerNormKernel
     * {@code (x·scale + bias)·γ + β} as its compiler fused it into two FMAs, and GroupNormKernel's
     * {@code scale·x + bias} (one FMA, affine false). Storages share x's dtype; y is contiguous.
     */
    public static void normAffine(Storage x, Layout xl, Storage scale, Storage shift, Storage gamma, Storage beta, boolean affine,
                                  Storage y) {
        int rows = xl.size(0), m = xl.numel() / Math.max(rows, 1);
        int off = xl.offset();
        if (x instanceof Storage.F32 xs) {
            float[] d = xs.data, sc = ((Storage.F32) scale).data, sh = ((Storage.F32) shift).data, o = ((Storage.F32) y).data;
            float[] g = gamma == null ? null : ((Storage.F32) gamma).data, b = beta == null ? null : ((Storage.F32) beta).data;
            Parallel.forRange(rows, grain(m), (lo, hi) -> {
                for (int r = lo; r < hi; r++) {
                    float s = sc[r], t = sh[r];
                    for (int j = 0, i = r * m; j < m; j++, i++) {
                        float v = Math.fma(d[off + i], s, t);
                        o[i] = affine ? Math.fma(v, g == null ? 1f : g[j], b == null ? 0f : b[j]) : v;
                    }
                }
            });
        } else {
            double[] d = ((Storage.F64) x).data, sc = ((Storage.F64) scale).data, sh = ((Storage.F64) shift).data, o = ((Storage.F64) y).data;
            double[] g = gamma == null ? null : ((Storage.F64) gamma).data, b = beta == null ? null : ((Storage.F64) beta).data;
            Parallel.forRange(rows, grain(m), (lo, hi) -> {
                for (int r = lo; r < hi; r++) {
                    double s = sc[r], t = sh[r];
                    for (int j = 0, i = r * m; j < m; j++, i++) {
                        double v = Math.fma(d[off + i], s, t);
                        o[i] = affine ? Math.fma(v, g == null ? 1.0 : g[j], b == null ? 0.0 : b[j]) : v;
                    }
                }
            });
        }
    }
}
