package org.autograd4j.ops;

import static org.autograd4j.ops.Ops.K;
import static org.autograd4j.ops.TensorMath.*;

import java.util.Arrays;
import org.autograd4j.DType;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.storage.Sizes;

/**
 * Layer, group and batch normalization (F.layer_norm, F.group_norm, F.batch_norm). The statistics are kernels:
 * ATen's RowwiseMoments in the input's dtype for layer and group norm, two passes in double for batch norm; the
 * normalization is PyTorch's linear form {@code y = x·α + β} per row or channel, fused where its kernels are. The derivatives recompute the
 * statistics from the saved input in differentiable ops, so double backward works.
 */
public final class Normalization {
    private Normalization() {
    }

    private static String list(long[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ", ").append(v[i]);
        return sb.append(']').toString();
    }

    private static String list(int[] v) {
        return list(Sizes.toLongs(v));
    }

    /** Mean and biased variance (float64, one per row of {@code rows}, a [R, …] view) from the moments kernel. */
    private static TensorImpl[] moments(TensorImpl rows) {
        int r = rows.shape()[0];
        TensorImpl mean = Ops.empty(DType.FLOAT64, new int[] {r}), var = Ops.empty(DType.FLOAT64, new int[] {r});
        if (rows.numel() > 0) K.moments(rows.storage(), rows.layout(), mean.storage(), var.storage());
        return new TensorImpl[] {mean, var};
    }

    /**
     * Mean and biased variance in x's dtype of every row of {@code rows} ([R, M]), as PyTorch's layer and group
     * norm compute them (ATen's RowwiseMoments: Welford and a cascade, in float for float32); rows is made
     * contiguous first, as PyTorch's {@code X.contiguous()}.
     */
    private static TensorImpl[] rowwiseMoments(TensorImpl rows) {
        int r = rows.shape()[0];
        TensorImpl mean = Ops.empty(rows.dtype(), new int[] {r}), var = Ops.empty(rows.dtype(), new int[] {r});
        if (rows.numel() > 0) K.rowwiseMoments(rows.storage(), rows.layout(), mean.storage(), var.storage());
        return new TensorImpl[] {mean, var};
    }

    /** t itself when contiguous from offset 0 (what the row kernels read), else a dense copy. */
    private static TensorImpl dense(TensorImpl t) {
        return t.layout().isContiguous() && t.layout().offset() == 0 ? t : Shapes.clone(t);
    }

    /**
     * {@code fma(x, scale[r], shift[r])} per row r of {@code rows} ([R, M], dense), then with {@code affine}
     * {@code fma(·, γ, β)} along the row (γ, β null: 1 and 0), as PyTorch's compiled norm kernels.
     */
    private static TensorImpl normAffine(TensorImpl rows, TensorImpl scale, TensorImpl shift, TensorImpl gamma, TensorImpl beta,
                                         boolean affine) {
        TensorImpl out = Ops.empty(rows.dtype(), rows.shape());
        if (rows.numel() == 0) return out;
        DType t = rows.dtype();
        TensorImpl g = gamma == null ? null : dense(to(gamma.detach(), t)), b = beta == null ? null : dense(to(beta.detach(), t));
        K.normAffine(rows.storage(), rows.layout(), dense(scale).storage(), dense(shift).storage(), g == null ? null : g.storage(),
                b == null ? null : b.storage(), affine, out.storage());
        return out;
    }

    /** {@code 1 / sqrt(v + eps)} in v's dtype (PyTorch's rstd: a division, not rsqrt). */
    private static TensorImpl invStd(TensorImpl v, double eps) {
        return div(TensorImpl.scalar(1.0), sqrt(add(v, eps)));
    }

    // ------------------------------------------------------------------ layer norm

    /**
     * {@code F.layer_norm(x, normalized_shape, weight, bias, eps)}: every sub-tensor over the trailing
     * {@code normalized_shape} dims normalized to mean 0 and (biased) variance 1, then scaled by weight and
     * shifted by bias (either may be null). Derivative ({@code NativeLayerNormBackward0}), with x̂ the
     * normalized input and ĝ = g·w: {@code dx = rstd·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂))}, {@code dw = Σ g·x̂},
     * {@code db = Σ g}.
     */
    public static TensorImpl layerNorm(TensorImpl x, long[] normalizedShape, TensorImpl weight, TensorImpl bias, double eps) {
        int k = normalizedShape.length;
        if (k < 1) {
            throw new IllegalArgumentException("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one "
                    + "element, but got normalized_shape = " + list(normalizedShape));
        }
        if (weight != null && !Arrays.equals(Sizes.toLongs(weight.shape()), normalizedShape)) {
            throw new IllegalArgumentException("Expected weight to be of same shape as normalized_shape, but got weight of shape "
                    + list(weight.shape()) + " and normalized_shape = " + list(normalizedShape));
        }
        if (bias != null && !Arrays.equals(Sizes.toLongs(bias.shape()), normalizedShape)) {
            throw new IllegalArgumentException("Expected bias to be of same shape as normalized_shape, but got bias of shape "
                    + list(bias.shape()) + " and normalized_shape = " + list(normalizedShape));
        }
        int[] xs = x.shape();
        int nd = xs.length;
        boolean ok = nd >= k;
        for (int i = 0; ok && i < k; i++) ok = xs[nd - k + i] == normalizedShape[i];
        if (!ok) {
            StringBuilder sb = new StringBuilder("[*");
            for (long v : normalizedShape) sb.append(", ").append(v);
            throw new IllegalArgumentException("Given normalized_shape=" + list(normalizedShape) + ", expected input with shape "
                    + sb + "], but got input of size" + list(xs));
        }
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) dims[i] = nd - k + i;
        int m = 1;
        for (long v : normalizedShape) m *= (int) v;
        int r = m == 0 ? 0 : x.numel() / m;
        int[] statShape = xs.clone();
        for (int d : dims) statShape[d] = 1;
        TensorImpl out;
        boolean prev = GradMode.set(false);
        try {
            // PyTorch's LayerNormKernel: RowwiseMoments in the dtype, rstd = 1/sqrt(var + eps), then
            // y = (x·rstd + (−rstd·mean))·γ + β with both steps fused multiply-adds, as its compiled loop
            TensorImpl rows = reshape(dense(x), new int[] {r, m});
            TensorImpl[] mv = rowwiseMoments(rows);
            TensorImpl rstd = invStd(mv[1], eps);
            out = reshape(normAffine(rows, rstd, mul(neg(rstd), mv[0]), weight, bias, true), xs);
        } finally {
            GradMode.set(prev);
        }
        TensorImpl[] inputs = {x, orNone(weight, x), orNone(bias, x)};
        if (Graph.needs(inputs)) {
            SavedTensor sx = SavedTensor.input(x);
            SavedTensor sw = weight == null ? null : SavedTensor.input(weight);
            boolean hasW = weight != null, hasB = bias != null;
            int[] batchDims = new int[nd - k];
            for (int i = 0; i < nd - k; i++) batchDims[i] = i;
            Graph.record(out, "NativeLayerNormBackward0", (g, n) -> {
                TensorImpl xv = sx.get();
                TensorImpl[] st = stats(xv, dims, eps);
                TensorImpl xhat = st[1];
                TensorImpl gh = hasW ? mul(g, sw.get()) : g;
                TensorImpl dx = n.needs(0) ? normBackward(gh, xhat, st[0], dims) : null;
                TensorImpl dw = hasW && n.needs(1) ? overBatch(mul(g, xhat), batchDims) : null;
                TensorImpl db = hasB && n.needs(2) ? overBatch(g, batchDims) : null;
                return new TensorImpl[] {dx, dw, db};
            }, inputs,
                    // derivatives.yaml layer_norm_jvp: x̂'·w + x̂·ẇ + ḃ
                    t -> {
                        TensorImpl[] st = stats(x, dims, eps);
                        return affineJvp(t[0] == null ? null : normJvp(t[0], st[1], st[0], dims), st[1], weight, t[1], t[2], null);
                    }, sx, sw);
        }
        return out;
    }

    /**
     * The tangent of x̂ = (x − mean)·rstd over dims (mean and biased variance over dims): with
     * {@code ẋc = ẋ − mean(ẋ)}, {@code rstd·(ẋc − x̂·mean(x̂·ẋc))} (FunctionsManual's
     * {@code input_t_centered·invstd − input_p_centered·invstd³·mean(input_p_centered·input_t_centered)}).
     */
    private static TensorImpl normJvp(TensorImpl xt, TensorImpl xhat, TensorImpl rstd, int[] dims) {
        TensorImpl xtc = sub(xt, mean(xt, dims, true));
        return mul(rstd, sub(xtc, mul(xhat, mean(mul(xhat, xtc), dims, true))));
    }

    /**
     * {@code x̂'·w + x̂·ẇ + ḃ} where each term may be absent (a null tangent, a null weight: 1); {@code shape}
     * reshapes weight and its tangents to broadcast (null: as they are).
     */
    private static TensorImpl affineJvp(TensorImpl xhatT, TensorImpl xhat, TensorImpl weight, TensorImpl wt, TensorImpl bt,
                                        int[] shape) {
        TensorImpl r = xhatT;
        if (r != null && weight != null) r = mul(r, shape == null ? weight : reshape(weight, shape));
        if (wt != null) r = Dual.plus(r, mul(xhat, shape == null ? wt : reshape(wt, shape)));
        if (bt != null) r = Dual.plus(r, shape == null ? bt : reshape(bt, shape));
        return r;
    }

    /** t, or for an absent weight or bias a stand-in needing no grad: PyTorch's node has its (None, 0) edge. */
    private static TensorImpl orNone(TensorImpl t, TensorImpl x) {
        return t != null ? t : Ops.empty(x.dtype(), new int[] {0});
    }

    /** t summed over the leading batch dims (none: t itself, since an empty dim list would sum everything). */
    private static TensorImpl overBatch(TensorImpl t, int[] batchDims) {
        return batchDims.length == 0 ? t : sum(t, batchDims, false);
    }

    /** {rstd, x̂} of x over dims (keepdim), in differentiable ops: what the derivatives differentiate through. */
    private static TensorImpl[] stats(TensorImpl x, int[] dims, double eps) {
        TensorImpl xc = sub(x, mean(x, dims, true));
        TensorImpl rstd = rsqrt(add(mean(mul(xc, xc), dims, true), eps));
        return new TensorImpl[] {rstd, mul(xc, rstd)};
    }

    /** {@code rstd·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂))} over dims: the input derivative of a normalization. */
    private static TensorImpl normBackward(TensorImpl gh, TensorImpl xhat, TensorImpl rstd, int[] dims) {
        TensorImpl t = sub(sub(gh, mean(gh, dims, true)), mul(xhat, mean(mul(gh, xhat), dims, true)));
        return mul(rstd, t);
    }

    // ------------------------------------------------------------------ batch norm

    private static void features(String name, int c, TensorImpl t) {
        if (t != null && t.numel() != c) {
            throw new IllegalArgumentException(name + " should contain " + c + " elements not " + t.numel());
        }
    }

    /**
     * {@code F.batch_norm(x, running_mean, running_var, weight, bias, training, momentum, eps)} over dim 1 of an
     * {@code [N, C, …]} input. Training: normalized by the batch's mean and biased variance, and (when given) the
     * running statistics updated in place, {@code r ← (1 − momentum)·r + momentum·s} with the unbiased variance;
     * evaluation: normalized by the running statistics. Derivative ({@code NativeBatchNormBackward0}): as layer
     * norm's over all dims but 1 in training; {@code g·w/sqrt(running_var + eps)} in evaluation.
     */
    public static TensorImpl batchNorm(TensorImpl x, TensorImpl runningMean, TensorImpl runningVar, TensorImpl weight,
                                       TensorImpl bias, boolean training, double momentum, double eps) {
        int nd = x.dim();
        if (nd < 2) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of [" + (-Math.max(nd, 1)) + ", "
                    + (Math.max(nd, 1) - 1) + "], but got 1)");
        }
        int[] xs = x.shape();
        int c = xs[1];
        if (training) {
            long prods = xs[0];
            for (int i = 2; i < nd; i++) prods *= xs[i];
            if (prods == 1) {
                StringBuilder sb = new StringBuilder("torch.Size([");
                for (int i = 0; i < nd; i++) sb.append(i == 0 ? "" : ", ").append(xs[i]);
                throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size " + sb + "])");
            }
        }
        features("running_mean", c, runningMean);
        if (runningMean == null && !training) throw new IllegalArgumentException("running_mean must be defined in evaluation mode");
        features("running_var", c, runningVar);
        if (runningVar == null && !training) throw new IllegalArgumentException("running_var must be defined in evaluation mode");
        features("weight", c, weight);
        features("bias", c, bias);
        int[] chan = new int[nd];
        Arrays.fill(chan, 1);
        chan[1] = c;
        int[] dims = new int[nd - 1];
        for (int i = 0, j = 0; i < nd; i++) if (i != 1) dims[j++] = i;
        TensorImpl out;
        TensorImpl evalInvStd = null, evalMean = null;
        boolean prev = GradMode.set(false);
        try {
            TensorImpl mean, invstd;
            if (training) {
                TensorImpl[] mv = moments(transpose(x, 0, 1));
                mean = to(mv[0], x.dtype());
                invstd = to(invStd(mv[1], eps), x.dtype());
                int n = c == 0 ? 0 : x.numel() / c;
                if (runningMean != null) {
                    copy_(runningMean, add(mul(to(runningMean, DType.FLOAT64), 1 - momentum), mul(mv[0], momentum)));
                }
                if (runningVar != null) {
                    TensorImpl unbiased = mul(mv[1], (double) n / (n - 1));
                    copy_(runningVar, add(mul(to(runningVar, DType.FLOAT64), 1 - momentum), mul(unbiased, momentum)));
                }
            } else {
                mean = to(runningMean.detach(), x.dtype());
                invstd = invStd(to(runningVar.detach(), x.dtype()), eps);
                evalMean = Shapes.clone(mean);
                evalInvStd = invstd;
            }
            // PyTorch's batch_norm_cpu_collect_linear_and_constant_terms: α = invstd·w, β = b − mean·α
            TensorImpl alpha = weight == null ? invstd : mul(invstd, reshape(weight.detach(), new int[] {c}));
            TensorImpl beta = neg(mul(mean, alpha));
            if (bias != null) beta = add(reshape(bias.detach(), new int[] {c}), beta);
            out = add(mul(x, reshape(alpha, chan)), reshape(beta, chan));
        } finally {
            GradMode.set(prev);
        }
        TensorImpl[] inputs = {x, orNone(weight, x), orNone(bias, x)};
        if (Graph.needs(inputs)) {
            SavedTensor sx = SavedTensor.input(x);
            SavedTensor sw = weight == null ? null : SavedTensor.input(weight);
            boolean hasW = weight != null, hasB = bias != null;
            TensorImpl em = evalMean == null ? null : reshape(evalMean, chan);
            TensorImpl ei = evalInvStd == null ? null : reshape(evalInvStd, chan);
            Graph.record(out, "NativeBatchNormBackward0", (g, n) -> {
                TensorImpl xv = sx.get();
                TensorImpl w = hasW ? reshape(sw.get(), chan) : null;
                TensorImpl rstd, xhat;
                if (training) {
                    TensorImpl[] st = stats(xv, dims, eps);
                    rstd = st[0];
                    xhat = st[1];
                } else {
                    rstd = ei;
                    xhat = mul(sub(xv, em), ei);
                }
                TensorImpl gh = hasW ? mul(g, w) : g;
                TensorImpl dx = null;
                if (n.needs(0)) dx = training ? normBackward(gh, xhat, rstd, dims) : mul(gh, rstd);
                TensorImpl dw = hasW && n.needs(1) ? reshape(sum(mul(g, xhat), dims, false), sw.get().shape()) : null;
                TensorImpl db = hasB && n.needs(2) ? sum(g, dims, false) : null;
                return new TensorImpl[] {dx, dw, db};
            }, inputs,
                    // derivatives.yaml batch_norm_jvp: training as layer norm's over all dims but 1; evaluation
                    // ẋ·invstd (the running statistics are constants), then ·w + x̂·ẇ + ḃ per channel
                    t -> {
                        TensorImpl rstd, xhat;
                        if (training) {
                            TensorImpl[] st = stats(x, dims, eps);
                            rstd = st[0];
                            xhat = st[1];
                        } else {
                            rstd = reshape(ei, chan);
                            xhat = mul(sub(x, reshape(em, chan)), rstd);
                        }
                        TensorImpl xt = t[0] == null ? null : training ? normJvp(t[0], xhat, rstd, dims) : mul(t[0], rstd);
                        return affineJvp(xt, xhat, weight, t[1], t[2], chan);
                    }, sx, sw);
        }
        return out;
    }

    // ------------------------------------------------------------------ group norm

    /**
     * {@code F.group_norm(x, num_groups, weight, bias, eps)}: the channels of {@code [N, C, …]} split into
     * {@code numGroups} groups, each (sample, group) normalized over its channels and positions with the biased
     * variance, then each channel scaled and shifted. Derivative ({@code NativeGroupNormBackward0}): layer norm's
     * over each group's values, {@code dw = Σ g·x̂}, {@code db = Σ g} over all dims but the channels.
     */
    public static TensorImpl groupNorm(TensorImpl x, int numGroups, TensorImpl weight, TensorImpl bias, double eps) {
        int nd = x.dim();
        if (nd < 2) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of [" + (-Math.max(nd, 1)) + ", "
                    + (Math.max(nd, 1) - 1) + "], but got 1)");
        }
        int[] xs = x.shape();
        int n = xs[0], c = xs[1];
        if (numGroups == 0) throw new ArithmeticException("integer division or modulo by zero");
        // F.group_norm's _verify_batch_size over [N·C/G, G, …]: the product without its second entry
        long prods = (long) n * c / numGroups;
        for (int i = 2; i < nd; i++) prods *= xs[i];
        if (prods == 1) {
            StringBuilder sb = new StringBuilder("[").append((long) n * c / numGroups).append(", ").append(numGroups);
            for (int i = 2; i < nd; i++) sb.append(", ").append(xs[i]);
            throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size " + sb + "]");
        }
        if (c % numGroups != 0) {
            throw new IllegalArgumentException("Expected number of channels in input to be divisible by num_groups, but got input of "
                    + "shape " + list(xs) + " and num_groups=" + numGroups);
        }
        if (weight != null && (weight.dim() != 1 || weight.numel() != c)) {
            throw new IllegalArgumentException("Expected weight to be a vector of size equal to the number of channels in input, but "
                    + "got weight of shape " + list(weight.shape()) + " and input of shape " + list(xs));
        }
        if (bias != null && (bias.dim() != 1 || bias.numel() != c)) {
            // PyTorch 1.13 prints the weight's shape here ([0] when there is none)
            throw new IllegalArgumentException("Expected bias to be a vector of size equal to the number of channels in input, but "
                    + "got bias of shape " + (weight == null ? "[0]" : list(weight.shape())) + " and input of shape " + list(xs));
        }
        int rows = n * numGroups, m = rows == 0 ? 0 : x.numel() / rows;
        int[] chan = new int[nd];
        Arrays.fill(chan, 1);
        chan[1] = c;
        int[] grouped = {n, numGroups, m};
        TensorImpl out;
        boolean prev = GradMode.set(false);
        try {
            // PyTorch's GroupNormKernel: RowwiseMoments per (sample, group) in the dtype, rstd = 1/sqrt(max(var, 0) + eps)
            TensorImpl xd = dense(x);
            TensorImpl[] mv = rowwiseMoments(reshape(xd, new int[] {rows, m}));
            TensorImpl mean = reshape(mv[0], new int[] {n, numGroups, 1});
            TensorImpl rstd = reshape(invStd(Pointwise.clamp(mv[1], 0, Double.NaN), eps), new int[] {n, numGroups, 1});
            if (weight == null && bias == null) {
                out = reshape(mul(sub(reshape(xd, grouped), mean), rstd), xs); // (x − mean)·rstd
            } else {
                // per (sample, channel): scale = rstd·γ, shift = −scale·mean + β, y = fma(scale, x, shift)
                int[] perChannel = {n * c};
                TensorImpl meanC = reshape(expand(mean, new int[] {n, numGroups, c / numGroups}), perChannel);
                TensorImpl scale = reshape(expand(rstd, new int[] {n, numGroups, c / numGroups}), new int[] {n, c});
                if (weight != null) scale = mul(scale, reshape(weight.detach(), new int[] {c}));
                scale = reshape(scale, perChannel);
                TensorImpl shift = mul(neg(scale), meanC);
                shift = bias == null ? add(shift, 0.0) : reshape(add(reshape(shift, new int[] {n, c}), reshape(bias.detach(), new int[] {c})), perChannel);
                int hw = n * c == 0 ? 0 : x.numel() / (n * c);
                out = reshape(normAffine(reshape(xd, new int[] {n * c, hw}), scale, shift, null, null, false), xs);
            }
        } finally {
            GradMode.set(prev);
        }
        TensorImpl[] inputs = {x, orNone(weight, x), orNone(bias, x)};
        if (Graph.needs(inputs)) {
            SavedTensor sx = SavedTensor.input(x);
            SavedTensor sw = weight == null ? null : SavedTensor.input(weight);
            boolean hasW = weight != null, hasB = bias != null;
            int[] dims = new int[nd - 1];
            for (int i = 0, j = 0; i < nd; i++) if (i != 1) dims[j++] = i;
            Graph.record(out, "NativeGroupNormBackward0", (g, nn) -> {
                TensorImpl[] st = stats(reshape(sx.get(), grouped), new int[] {2}, eps);
                TensorImpl xhat = reshape(st[1], xs);
                TensorImpl gh = hasW ? mul(g, reshape(sw.get(), chan)) : g;
                TensorImpl dx = nn.needs(0) ? reshape(normBackward(reshape(gh, grouped), st[1], st[0], new int[] {2}), xs) : null;
                TensorImpl dw = hasW && nn.needs(1) ? sum(mul(g, xhat), dims, false) : null;
                TensorImpl db = hasB && nn.needs(2) ? sum(g, dims, false) : null;
                return new TensorImpl[] {dx, dw, db};
            }, inputs,
                    // derivatives.yaml group_norm_jvp: layer norm's over each (sample, group), then per channel
                    t -> {
                        TensorImpl[] st = stats(reshape(x, grouped), new int[] {2}, eps);
                        TensorImpl xhat = reshape(st[1], xs);
                        TensorImpl xt = t[0] == null ? null
                                : reshape(normJvp(reshape(t[0], grouped), st[1], st[0], new int[] {2}), xs);
                        return affineJvp(xt, xhat, weight, t[1], t[2], chan);
                    }, sx, sw);
        }
        return out;
    }
}
