package org.autograd4j.ops;

import static org.autograd4j.ops.TensorMath.*;

import org.autograd4j.DType;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.kernels.UnaryOp;

/**
 * The ops of {@code torch.nn.functional} that PyTorch declares as ATen ops with nodes of their own
 * ({@code torch._C._nn}): the losses ({@code mse_loss}, {@code smooth_l1_loss}, {@code nll_loss},
 * {@code binary_cross_entropy}, {@code binary_cross_entropy_with_logits}), {@code embedding}, and the
 * composites of {@code cross_entropy} and {@code l1_loss} written as ATen writes them, so the graph has
 * PyTorch's nodes. Each forward is computed with grad mode off in the order of ATen's CPU kernel (same bits);
 * each derivative is {@code derivatives.yaml}'s row in tensor ops, so double backward works. A reduction is
 * PyTorch's enum: {@link #NONE}, {@link #MEAN}, {@link #SUM}.
 */
public final class NNOps {
    private NNOps() {
    }

    /** {@code Reduction::None}. */
    public static final int NONE = 0;
    /** {@code Reduction::Mean}. */
    public static final int MEAN = 1;
    /** {@code Reduction::Sum}. */
    public static final int SUM = 2;

    /** {@code reduction="none"|"mean"|"sum"} as the enum, with PyTorch's {@code ValueError} text otherwise. */
    public static int reduction(String name) {
        return switch (name) {
            case "none" -> NONE;
            case "mean" -> MEAN;
            case "sum" -> SUM;
            default -> throw new IllegalArgumentException(name + " is not a valid value for reduction");
        };
    }

    /** Runs {@code f} with grad mode off: a forward whose node is recorded by hand. */
    private static TensorImpl raw(java.util.function.Supplier<TensorImpl> f) {
        boolean prev = GradMode.set(false);
        try {
            return f.get();
        } finally {
            GradMode.set(prev);
        }
    }

    /** {@code apply_loss_reduction}: mean or sum over all elements, or the loss itself. */
    private static TensorImpl reduce(TensorImpl loss, int reduction) {
        return reduction == MEAN ? Reduction.MEAN.all(loss) : reduction == SUM ? sum(loss) : loss;
    }

    /** The factor an element's derivative carries: 1/numel under mean, else 1. */
    private static double norm(int reduction, int numel) {
        return reduction == MEAN ? 1.0 / numel : 1.0;
    }

    private static void sameFloat(TensorImpl input, TensorImpl target, String what) {
        if (input.dtype() != target.dtype()) {
            throw new IllegalArgumentException("Found dtype " + target.dtype().scalarTypeName()
                    + " but expected " + input.dtype().scalarTypeName());
        }
    }

    // ------------------------------------------------------------------ linear

    /**
     * {@code linear(input, weight, bias)} as ATen 1.13 dispatches it: {@code addmm(bias, input, weightᵀ)} for a
     * 2-d input with bias (AddmmBackward0); for a contiguous 3-d input with bias the same over the input
     * viewed as 2-d, then viewed back (ViewBackward0); otherwise {@code matmul(input, weightᵀ)} plus the bias
     * (AddBackward0).
     */
    public static TensorImpl linear(TensorImpl input, TensorImpl weight, TensorImpl bias) {
        TensorImpl wt = Shapes.t(weight);
        if (input.dim() == 2 && bias != null) return LinearAlgebra.addmm(bias, input, wt, 1, 1);
        if (input.dim() == 3 && bias != null && input.layout().isContiguous()) {
            int[] s = input.shape();
            TensorImpl flat = Shapes.view(input, new long[] {(long) s[0] * s[1], s[2]});
            TensorImpl r = LinearAlgebra.addmm(bias, flat, wt, 1, 1);
            return Shapes.view(r, new long[] {s[0], s[1], r.shape()[1]});
        }
        TensorImpl out = LinearAlgebra.matmul(input, wt);
        return bias == null ? out : add(out, bias);
    }

    // ------------------------------------------------------------------ mse_loss

    /**
     * {@code mse_loss(input, target, reduction)}: {@code (input - target)²}, reduced. Node {@code MseLossBackward0};
     * derivative {@code mse_loss_backward}: {@code norm·(input − target)·grad} with norm = 2/numel (mean) or 2,
     * and its negative for the target.
     */
    public static TensorImpl mseLoss(TensorImpl input, TensorImpl target, int reduction) {
        sameFloat(input, target, "mse_loss");
        int[] shape = Ops.broadcast(input.shape(), target.shape());
        TensorImpl out = raw(() -> {
            TensorImpl d = sub(input, target);
            return reduce(mul(d, d), reduction);
        });
        if (Graph.needs(input, target)) {
            SavedTensor si = SavedTensor.input(input), st = SavedTensor.input(target);
            int n = numel(shape);
            double nm = reduction == MEAN ? 2.0 / n : 2.0;
            Graph.record(out, "MseLossBackward0", (g, node) -> {
                TensorImpl x = si.get(), y = st.get();
                TensorImpl gx = node.needs(0) ? mul(mul(sub(x, y), nm), g) : null;
                TensorImpl gy = node.needs(1) ? mul(mul(sub(y, x), nm), g) : null;
                return new TensorImpl[] {gx, gy};
            }, new TensorImpl[] {input, target},
                    // derivatives.yaml: mse_loss_backward of each tangent, reduced: reduce(2(x − y)·(ẋ − ẏ))
                    t -> reduce(mul(mul(sub(input, target), 2.0), sub(Dual.orZeros(t[0], input), Dual.orZeros(t[1], target))), reduction),
                    si, st);
        }
        return out;
    }

    private static int numel(int[] shape) {
        int n = 1;
        for (int s : shape) n *= s;
        return n;
    }

    // ------------------------------------------------------------------ l1_loss (a composite in 1.13)

    /** {@code l1_loss}: ATen's composite {@code abs(input - target)} then mean or sum (AbsBackward0, MeanBackward0). */
    public static TensorImpl l1Loss(TensorImpl input, TensorImpl target, int reduction) {
        TensorImpl loss = Unary.ABS.apply(sub(input, target));
        return reduce(loss, reduction);
    }

    // ------------------------------------------------------------------ smooth_l1_loss

    /**
     * {@code smooth_l1_loss(input, target, reduction, beta)}: with {@code z = |input − target|},
     * {@code 0.5·z·z/beta} where {@code z < beta}, else {@code z − 0.5·beta}; beta 0 is {@code l1_loss}.
     * Node {@code SmoothL1LossBackward0}; derivative: {@code clamp((input−target)/beta, −1, 1)·norm·grad},
     * in the CPU kernel's order.
     */
    public static TensorImpl smoothL1Loss(TensorImpl input, TensorImpl target, int reduction, double beta) {
        if (beta < 0) throw new IllegalArgumentException("smooth_l1_loss does not support negative values for beta.");
        if (beta == 0) return l1Loss(input, target, reduction);
        sameFloat(input, target, "smooth_l1_loss");
        int[] shape = Ops.broadcast(input.shape(), target.shape());
        TensorImpl out = raw(() -> {
            TensorImpl z = Unary.ABS.apply(sub(input, target));
            TensorImpl small = div(mul(mul(z, 0.5), z), beta);
            return reduce(where(lt(z, beta), small, sub(z, 0.5 * beta)), reduction);
        });
        if (Graph.needs(input, target)) {
            SavedTensor si = SavedTensor.input(input), st = SavedTensor.input(target);
            double nm = norm(reduction, numel(shape));
            Graph.record(out, "SmoothL1LossBackward0", (g, node) -> {
                // the vectorized CPU kernel's order: deriv = ±1 where |x| ≥ beta, else x/beta; deriv·norm·grad
                TensorImpl x = sub(si.get(), st.get());
                TensorImpl inside = lt(Unary.ABS.apply(x), beta);
                TensorImpl deriv = where(inside, div(x, beta), where(gt(x, 0.0), s(1.0), s(-1.0)));
                TensorImpl gi = mul(mul(deriv, nm), g);
                TensorImpl tail = tailMask(gi);
                if (tail != null) {
                    // cpu_kernel_vec's scalar tail: norm·x·grad in the dtype, divided by beta in double
                    TensorImpl sc = to(div(to(mul(mul(x, nm), g), DType.FLOAT64), beta), gi.dtype());
                    gi = where(logicalAnd(tail, inside), sc, gi);
                }
                return new TensorImpl[] {node.needs(0) ? gi : null, node.needs(1) ? neg(gi) : null};
            }, new TensorImpl[] {input, target}, t -> {
                // smooth_l1_loss_backward of (ẋ − ẏ), reduced: clamp((x − y)/beta, −1, 1)·(ẋ − ẏ)
                TensorImpl x = sub(input, target);
                TensorImpl deriv = where(lt(Unary.ABS.apply(x), beta), div(x, beta), where(gt(x, 0.0), s(1.0), s(-1.0)));
                return reduce(mul(deriv, sub(Dual.orZeros(t[0], input), Dual.orZeros(t[1], target))), reduction);
            }, si, st);
        }
        return out;
    }

    /**
     * The elements of a contiguous element-wise result that ATen's {@code cpu_kernel_vec} leaves to its scalar
     * loop: the last {@code numel mod (2·lanes)} in row-major order (lanes: 8 float32, 4 float64, AVX2), or null
     * when there are none. Exact for results below ATen's grain size (32768 elements), one loop of the tensor.
     */
    private static TensorImpl tailMask(TensorImpl like) {
        int n = like.numel();
        int step = like.dtype() == DType.FLOAT32 ? 16 : 8;
        int tail = n % step;
        if (tail == 0) return null;
        TensorImpl m = Ops.empty(DType.BOOL, like.shape());
        for (int i = n - tail; i < n; i++) m.storage().setLong(i, 1);
        return m;
    }

    // ------------------------------------------------------------------ nll_loss

    /**
     * {@code nll_loss(input, target, weight, reduction, ignore_index)} for an input of shape (C) or (N, C):
     * {@code −weight[t]·input[i, t]}, 0 where {@code t == ignore_index}; mean divides by the sum of the
     * weights taken. The sum is ATen's cascade ({@code nll_loss_out_frame}), in the input's dtype. Node
     * {@code NllLossBackward0}; derivative {@code nll_loss_backward}: {@code −weight[t]·grad(/total)} at each
     * target, 0 elsewhere.
     */
    public static TensorImpl nllLoss(TensorImpl input, TensorImpl target, TensorImpl weight, int reduction, long ignoreIndex) {
        if (target.dtype() != DType.INT64) {
            throw new IllegalArgumentException("expected scalar type Long but found " + target.dtype().scalarTypeName());
        }
        if (input.dim() == 3 || input.dim() > 4) return nllLossNd(input, target, weight, reduction, ignoreIndex);
        boolean spatial = input.dim() == 4;
        if (input.dim() < 1) throw new IllegalArgumentException("input tensor should be 1D or 2D");
        if (spatial && target.dim() != 3) {
            throw new IllegalArgumentException("only batches of spatial targets supported (3D tensors) but got targets of dimension: "
                    + target.dim());
        }
        if (!spatial && target.dim() > 1) {
            throw new IllegalArgumentException("0D or 1D target tensor expected, multi-target not supported");
        }
        int[] is = input.shape();
        boolean batched = input.dim() >= 2;
        int c = is[batched ? 1 : 0];
        int map = spatial ? is[2] * is[3] : 1;
        // rows: one per (sample, position), in ATen's loop order (b outer, position inner)
        int n = batched ? is[0] * map : 1;
        if (spatial) {
            int[] ts = target.shape();
            if (ts[0] != is[0] || ts[1] != is[2] || ts[2] != is[3]) {
                throw new IllegalArgumentException("input and target batch or spatial sizes don't match: target "
                        + java.util.Arrays.toString(ts) + ", input " + java.util.Arrays.toString(is));
            }
        } else if (batched ? target.numel() != n || target.dim() != 1 : target.dim() != 0) {
            throw new IllegalArgumentException("Expected input batch_size (" + n + ") to match target batch_size ("
                    + (target.dim() == 0 ? 1 : target.shape()[0]) + ").");
        }
        if (weight != null && (weight.dim() != 1 || weight.numel() != c)) {
            throw new IllegalArgumentException("weight tensor should be defined either for all " + c
                    + " classes or no classes but got weight tensor of shape: " + java.util.Arrays.toString(weight.shape()));
        }
        TensorImpl rows = spatial
                ? raw(() -> Shapes.clone(reshape(Shapes.permute(input.detach(), new int[] {0, 2, 3, 1}), new int[] {n, c})))
                : input.detach();
        TensorImpl out = nllRows(rows, target, weight, reduction, ignoreIndex, n, c, batched,
                spatial ? new int[] {is[0], is[2], is[3]} : new int[] {n});
        if (Graph.needs(input)) {
            TensorImpl[] pt = pattern(rows, target, weight, ignoreIndex, n, c);
            double tot = total(out, reduction, rows, target, weight, ignoreIndex, n);
            Graph.record(out, spatial ? "NllLoss2DBackward0" : "NllLossBackward0", (g, node) -> {
                TensorImpl gg = reduction == NONE && batched ? unsqueeze(reshape(g, new int[] {n}), 1)
                        : reduction == MEAN ? div(g, tot) : g;
                TensorImpl gi = where(pt[1], mul(pt[0], neg(gg)), 0.0);
                if (!spatial) return new TensorImpl[] {reshape(gi, is)};
                return new TensorImpl[] {Shapes.permute(reshape(gi, new int[] {is[0], is[2], is[3], c}), new int[] {0, 3, 1, 2})};
            }, new TensorImpl[] {input},
                    // linear in the input: nll_loss of the tangent (derivatives.yaml's result: nll_loss_forward(self_t, ...))
                    t -> nllLoss(t[0], target, weight, reduction, ignoreIndex));
        }
        return out;
    }

    /** {@code nll_loss_nd} for 3-d or over-4-d inputs: viewed as (N, C, 1, −1) for nll_loss2d (ViewBackward0s). */
    private static TensorImpl nllLossNd(TensorImpl input, TensorImpl target, TensorImpl weight, int reduction, long ignoreIndex) {
        int[] is = input.shape();
        int[] outSize = new int[is.length - 1];
        outSize[0] = is[0];
        System.arraycopy(is, 2, outSize, 1, is.length - 2);
        int[] ts = target.shape();
        boolean ok = ts.length == is.length - 1 && ts[0] == is[0];
        for (int i = 1; ok && i < ts.length; i++) ok = ts[i] == is[i + 1];
        if (!ok) {
            throw new IllegalArgumentException("Expected target size " + java.util.Arrays.toString(outSize).replace(" ", "")
                    .replace(",", ", ") + ", got " + size(ts));
        }
        TensorImpl in4 = Shapes.view(input.layout().isContiguous() ? input : Shapes.clone(input), new long[] {is[0], is[1], 1, -1});
        TensorImpl t3 = Shapes.view(target.layout().isContiguous() ? target : Shapes.clone(target), new long[] {is[0], 1, -1});
        TensorImpl r = nllLoss(in4, t3, weight, reduction, ignoreIndex);
        return reduction == NONE ? Shapes.view(r, org.autograd4j.storage.Sizes.toLongs(outSize)) : r;
    }

    /** The gradient's pattern: weight[t] at (i, t) for each taken target, and where it is (+0 elsewhere, as ATen's zeroed grad_input). */
    private static TensorImpl[] pattern(TensorImpl rows, TensorImpl target, TensorImpl weight, long ignoreIndex, int n, int c) {
        long[] t = targets(target, n, c, ignoreIndex);
        TensorImpl w = weight == null ? null : Ops.dense(Ops.convert(weight, rows.dtype()));
        TensorImpl pattern = Ops.empty(rows.dtype(), new int[] {n, c});
        TensorImpl taken = Ops.empty(DType.BOOL, new int[] {n, c});
        for (int i = 0; i < n; i++) {
            if (t[i] == ignoreIndex) continue;
            double wt = w == null ? 1 : w.storage().getDouble(w.layout().offset() + (int) t[i]);
            pattern.storage().setDouble(i * c + (int) t[i], wt);
            taken.storage().setLong(i * c + (int) t[i], 1);
        }
        return new TensorImpl[] {pattern, taken};
    }

    private static long[] targets(TensorImpl target, int n, int c, long ignoreIndex) {
        TensorImpl tt = Ops.dense(target);
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = tt.storage().getLong(tt.layout().offset() + i);
            if (t[i] != ignoreIndex && (t[i] < 0 || t[i] >= c)) {
                throw new IndexOutOfBoundsException("Target " + t[i] + " is out of bounds.");
            }
        }
        return t;
    }

    /** The total weight mean divides by (what the forward computed), for the derivative. */
    private static double total(TensorImpl out, int reduction, TensorImpl rows, TensorImpl target, TensorImpl weight,
                                long ignoreIndex, int n) {
        if (reduction != MEAN) return 1;
        return nllSums(rows, target, weight, ignoreIndex, n, rows.shape().length == 2 ? rows.shape()[1] : rows.shape()[0])[1];
    }

    /** nll over rows (n, c) of a contiguous alias: the loss per row (none) or the reduction. */
    private static TensorImpl nllRows(TensorImpl rows, TensorImpl target, TensorImpl weight, int reduction, long ignoreIndex,
                                      int n, int c, boolean batched, int[] noneShape) {
        boolean f32 = rows.dtype() == DType.FLOAT32;
        long[] t = targets(target, n, c, ignoreIndex);
        if (reduction == NONE && batched) {
            TensorImpl x = Ops.dense(rows);
            TensorImpl w = weight == null ? null : Ops.dense(Ops.convert(weight, rows.dtype()));
            int xo = x.layout().offset();
            TensorImpl out = Ops.empty(rows.dtype(), noneShape);
            for (int i = 0; i < n; i++) {
                double v = 0;
                if (t[i] != ignoreIndex) {
                    double wt = w == null ? 1 : w.storage().getDouble(w.layout().offset() + (int) t[i]);
                    v = -(rnd(f32, x.storage().getDouble(xo + i * c + (int) t[i]) * wt));
                }
                out.storage().setDouble(i, v);
            }
            return out;
        }
        double[] lt = nllSums(rows, target, weight, ignoreIndex, n, c);
        double lv = reduction == MEAN ? rnd(f32, lt[0] / lt[1]) : lt[0];
        TensorImpl out = Ops.empty(rows.dtype(), new int[0]);
        out.storage().setDouble(0, lv);
        return out;
    }

    /** {@code nll_loss_out_frame}'s cascade: {loss sum, total weight}, partial sums folded every level_step rows. */
    private static double[] nllSums(TensorImpl rows, TensorImpl target, TensorImpl weight, long ignoreIndex, int n, int c) {
        boolean f32 = rows.dtype() == DType.FLOAT32;
        long[] t = targets(target, n, c, ignoreIndex);
        TensorImpl x = Ops.dense(rows);
        TensorImpl w = weight == null ? null : Ops.dense(Ops.convert(weight, rows.dtype()));
        int xo = x.layout().offset();
        int levels = 8;
        int levelPower = Math.max(4, ceilLog2(n) / levels);
        long levelMask = (1L << levelPower) - 1;
        double[] lossPart = new double[levels], weightPart = new double[levels];
        int ignored = 0;
        for (int b = 0; b < n; b++) {
            if (t[b] == ignoreIndex) {
                ignored++;
                continue;
            }
            double data = x.storage().getDouble(xo + b * c + (int) t[b]);
            if (w != null) {
                double wt = w.storage().getDouble(w.layout().offset() + (int) t[b]);
                lossPart[0] = rnd(f32, lossPart[0] - rnd(f32, data * wt));
                weightPart[0] = rnd(f32, weightPart[0] + wt);
            } else {
                lossPart[0] = rnd(f32, lossPart[0] - data);
            }
            for (int j = 0; j + 1 < levels; j++) {
                long mask = levelMask << (j * levelPower);
                if ((b & mask) != 0) break;
                weightPart[j + 1] = rnd(f32, weightPart[j + 1] + weightPart[j]);
                lossPart[j + 1] = rnd(f32, lossPart[j + 1] + lossPart[j]);
                weightPart[j] = 0;
                lossPart[j] = 0;
            }
        }
        double tw = 0, lv = 0;
        if (w == null) {
            tw = rnd(f32, n - ignored);
        } else {
            for (double p : weightPart) tw = rnd(f32, tw + p);
        }
        for (double p : lossPart) lv = rnd(f32, lv + p);
        return new double[] {lv, tw};
    }

    private static double rnd(boolean f32, double v) {
        return f32 ? (float) v : v;
    }

    private static int ceilLog2(long x) {
        return x <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(x - 1);
    }

    // ------------------------------------------------------------------ cross_entropy (ATen's composites)

    /**
     * {@code cross_entropy(input, target, weight, reduction, ignore_index, label_smoothing)} with class indices:
     * {@code nll_loss(log_softmax(input, 1), …)} (NllLossBackward0 over LogSoftmaxBackward0); with label
     * smoothing ε, ATen's {@code (1 − ε)·nll + ε/C·smooth}, smooth being {@code −Σ_c log_softmax·weight}.
     */
    public static TensorImpl crossEntropy(TensorImpl input, TensorImpl target, TensorImpl weight, int reduction,
                                          long ignoreIndex, double labelSmoothing) {
        if (labelSmoothing < 0 || labelSmoothing > 1) {
            throw new IllegalArgumentException("label_smoothing must be between 0.0 and 1.0. Got: " + labelSmoothing);
        }
        int classDim = input.dim() == 1 ? 0 : 1;
        int c = input.shape()[classDim];
        if (target.dtype().isFloatingPoint()) return crossEntropyProb(input, target, weight, reduction, labelSmoothing, classDim, c);
        TensorImpl logp = Reductions.softmax(input, classDim, true);
        TensorImpl nll = nllLoss(logp, target, weight, reduction, ignoreIndex);
        if (labelSmoothing == 0) return nll;
        TensorImpl ignore = eq(target, (double) ignoreIndex);
        TensorImpl smooth;
        if (weight != null) {
            int[] ws = new int[input.dim()];
            java.util.Arrays.fill(ws, 1);
            ws[classDim] = c;
            smooth = neg(sum(mul(logp, reshape(weight, ws)), new int[] {classDim}, false));
        } else {
            smooth = neg(sum(logp, new int[] {classDim}, false));
        }
        smooth = Pointwise.maskedFill(smooth, ignore, 0.0);
        TensorImpl ret;
        if (reduction == MEAN) {
            TensorImpl taken = Unary.LOGICAL_NOT.apply(ignore);
            if (weight != null) {
                TensorImpl picked = Indexing.indexSelect(weight, 0, Subscripts.maskedSelect(target, taken));
                ret = div(sum(smooth), sum(picked));
            } else {
                ret = div(sum(smooth), sum(taken));
            }
        } else {
            ret = reduction == SUM ? sum(smooth) : smooth;
        }
        return add(mul(nll, 1 - labelSmoothing), mul(ret, labelSmoothing / c));
    }

    /** {@code cross_entropy_loss_prob_target}: {@code −Σ log_softmax(input)·target(·weight)}, mean over N. */
    private static TensorImpl crossEntropyProb(TensorImpl input, TensorImpl target, TensorImpl weight, int reduction,
                                               double ls, int classDim, int c) {
        if (!java.util.Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException("Expected input batch_size (" + input.shape()[0]
                    + ") to match target batch_size (" + (target.dim() == 0 ? 1 : target.shape()[0]) + ").");
        }
        TensorImpl logp = Reductions.softmax(input, classDim, true);
        TensorImpl tg = ls > 0 ? add(mul(target, 1 - ls), ls / c) : target;
        TensorImpl prod = mul(logp, tg);
        if (weight != null) {
            int[] ws = new int[input.dim()];
            java.util.Arrays.fill(ws, 1);
            ws[classDim] = c;
            prod = mul(prod, reshape(weight, ws));
        }
        return switch (reduction) {
            case MEAN -> div(neg(sum(prod)), (double) (input.numel() / c));
            case SUM -> neg(sum(prod));
            default -> neg(sum(prod, new int[] {classDim}, false));
        };
    }

    // ------------------------------------------------------------------ binary_cross_entropy

    /**
     * {@code binary_cross_entropy(input, target, weight, reduction)}: {@code (t − 1)·max(log(1 − x), −100) −
     * t·max(log x, −100)}, times the weight, reduced. Node {@code BinaryCrossEntropyBackward0}; derivatives:
     * {@code grad·(x − t)/max((1 − x)·x, 1e-12)·w·norm} for the input, {@code −logit(x)·grad·w·norm} for the target.
     */
    public static TensorImpl binaryCrossEntropy(TensorImpl input, TensorImpl target, TensorImpl weight, int reduction) {
        if (!java.util.Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException("Using a target size (" + size(target.shape())
                    + ") that is different to the input size (" + size(input.shape()) + ") is deprecated. "
                    + "Please ensure they have the same size.");
        }
        TensorImpl out = raw(() -> {
            TensorImpl bad = Unary.LOGICAL_NOT.apply(logicalAnd(ge(input, 0.0), le(input, 1.0)));
            if (Reduction.ANY.all(bad).storage().getLong(0) != 0) {
                throw new IllegalArgumentException("all elements of input should be between 0 and 1");
            }
            // ATen 1.13.1's kernel is a scalar loop: log(1 − x) (not log1p) and log x through std::log (glibc),
            // not the SLEEF vector log
            TensorImpl a = Pointwise.clamp(Ops.unaryRaw(UnaryOp.LIBM_LOG, rsub(input, 1.0), input.dtype(), 0, 0), -100, Double.NaN);
            TensorImpl b = Pointwise.clamp(Ops.unaryRaw(UnaryOp.LIBM_LOG, input, input.dtype(), 0, 0), -100, Double.NaN);
            TensorImpl loss = sub(mul(sub(target, 1.0), a), mul(target, b));
            if (weight != null) loss = mul(loss, weight);
            return reduce(loss, reduction);
        });
        if (Graph.needs(input, target) || (weight != null && Graph.needs(weight))) {
            if (weight != null && weight.requiresGrad()) {
                throw new UnsupportedOperationException("the derivative for 'weight' is not implemented.");
            }
            SavedTensor si = SavedTensor.input(input), st = SavedTensor.input(target);
            double nm = norm(reduction, input.numel());
            TensorImpl w = weight == null ? null : weight.detach();
            Graph.record(out, "BinaryCrossEntropyBackward0", (g, node) -> {
                TensorImpl x = si.get(), t = st.get();
                TensorImpl gx = null, gt = null;
                if (node.needs(0)) {
                    gx = div(mul(g, sub(x, t)), Pointwise.clamp(mul(rsub(x, 1.0), x), 1e-12, Double.NaN));
                    if (w != null) gx = mul(gx, w);
                    if (reduction == MEAN) gx = div(gx, (double) x.numel());
                }
                if (node.needs(1)) {
                    gt = mul(neg(log(div(x, rsub(x, 1.0)))), g);
                    if (w != null) gt = mul(gt, w);
                    if (reduction == MEAN) gt = div(gt, (double) x.numel());
                }
                return new TensorImpl[] {gx, gt};
            }, new TensorImpl[] {input, target}, tg -> {
                // binary_cross_entropy_backward(ẋ) + binary_cross_entropy_target_backward(ṫ), reduced
                TensorImpl r = null;
                if (tg[0] != null) r = div(mul(tg[0], sub(input, target)), Pointwise.clamp(mul(rsub(input, 1.0), input), 1e-12, Double.NaN));
                if (tg[1] != null) r = Dual.plus(r, mul(neg(log(div(input, rsub(input, 1.0)))), tg[1]));
                if (w != null) r = mul(r, w);
                return reduce(r, reduction);
            }, si, st);
            assert nm > 0;
        }
        return out;
    }

    private static String size(int[] shape) {
        StringBuilder b = new StringBuilder("torch.Size([");
        for (int i = 0; i < shape.length; i++) b.append(i > 0 ? ", " : "").append(shape[i]);
        return b.append("])").toString();
    }

    // ------------------------------------------------------------------ binary_cross_entropy_with_logits

    /**
     * {@code binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction)} as ATen 1.13
     * computes it: with {@code m = max(−x, 0)}, {@code (1 − t)·x + m + log(e^{−m} + e^{−x−m})}, the log term
     * times {@code 1 + (pos_weight − 1)·t} when pos_weight is given; times the weight; reduced. Node
     * {@code BinaryCrossEntropyWithLogitsBackward0}; derivative {@code (σ(x) − t)·grad} (with pos_weight:
     * {@code ((p·t + 1 − t)·σ(x) − p·t)·grad}), times weight, over numel under mean.
     */
    public static TensorImpl binaryCrossEntropyWithLogits(TensorImpl input, TensorImpl target, TensorImpl weight,
                                                          TensorImpl posWeight, int reduction) {
        if (!java.util.Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException("Target size (" + size(target.shape())
                    + ") must be the same as input size (" + size(input.shape()) + ")");
        }
        TensorImpl out = raw(() -> {
            TensorImpl m = Pointwise.clamp(neg(input), 0, Double.NaN);
            TensorImpl lse = log(add(exp(neg(m)), exp(sub(neg(input), m))));
            TensorImpl loss;
            if (posWeight != null) {
                TensorImpl lw = add(mul(sub(posWeight, 1.0), target), 1.0);
                loss = add(mul(rsub(target, 1.0), input), mul(lw, add(lse, m)));
            } else {
                loss = add(add(mul(rsub(target, 1.0), input), m), lse);
            }
            if (weight != null) loss = mul(loss, weight);
            return reduce(loss, reduction);
        });
        if (Graph.needs(input, target)) {
            SavedTensor si = SavedTensor.input(input), st = SavedTensor.input(target);
            TensorImpl w = weight == null ? null : weight.detach();
            TensorImpl pw = posWeight == null ? null : posWeight.detach();
            Graph.record(out, "BinaryCrossEntropyWithLogitsBackward0", (g, node) -> {
                TensorImpl x = si.get(), t = st.get();
                TensorImpl gx = null, gt = null;
                if (node.needs(0)) {
                    if (pw != null) {
                        TensorImpl pt = mul(pw, t);
                        gx = mul(sub(mul(sub(add(pt, 1.0), t), sigmoid(x)), pt), g);
                    } else {
                        gx = mul(sub(sigmoid(x), t), g);
                    }
                    if (w != null) gx = mul(gx, w);
                    if (reduction == MEAN) gx = div(gx, (double) x.numel());
                }
                if (node.needs(1)) {
                    // d/dt [(1 − t)·x + (1 + (p − 1)·t)·softplus(−x)] = −x + (p − 1)·softplus(−x)
                    gt = neg(x);
                    if (pw != null) gt = add(gt, mul(sub(pw, 1.0), Unary.SOFTPLUS.apply(neg(x), 1, 20)));
                    gt = mul(gt, g);
                    if (w != null) gt = mul(gt, w);
                    if (reduction == MEAN) gt = div(gt, (double) x.numel());
                }
                return new TensorImpl[] {gx, gt};
            }, new TensorImpl[] {input, target}, tg -> {
                // binary_cross_entropy_with_logits_jvp: the two derivatives above applied to the tangents, reduced
                TensorImpl r = null;
                if (tg[0] != null) {
                    TensorImpl d = pw != null ? sub(mul(sub(add(mul(pw, target), 1.0), target), sigmoid(input)), mul(pw, target))
                            : sub(sigmoid(input), target);
                    r = mul(d, tg[0]);
                }
                if (tg[1] != null) {
                    TensorImpl d = neg(input);
                    if (pw != null) d = add(d, mul(sub(pw, 1.0), Unary.SOFTPLUS.apply(neg(input), 1, 20)));
                    r = Dual.plus(r, mul(d, tg[1]));
                }
                if (w != null) r = mul(r, w);
                return reduce(r, reduction);
            }, si, st);
        }
        return out;
    }

    // ------------------------------------------------------------------ embedding

    /**
     * {@code embedding(weight, indices, padding_idx)}: the rows of weight at the indices, shaped
     * {@code indices.shape + [dim]}. Node {@code EmbeddingBackward0}; derivative {@code embedding_backward}:
     * the gradient's rows index-added into zeros, skipping the rows whose index is padding_idx
     * ({@code paddingIdx < 0}: none).
     */
    public static TensorImpl embedding(TensorImpl weight, TensorImpl indices, long paddingIdx) {
        if (indices.dtype() != DType.INT64) {
            throw new IllegalArgumentException("Expected tensor for argument #1 'indices' to have one of the following "
                    + "scalar types: Long, Int; but got torch." + indices.dtype().scalarTypeName() + "Tensor instead "
                    + "(while checking arguments for embedding)");
        }
        if (weight.dim() != 2) throw new IllegalArgumentException("'weight' must be 2-D");
        TensorImpl flat = raw(() -> reshape(indices, new int[] {-1}));
        int[] shape = new int[indices.dim() + 1];
        System.arraycopy(indices.shape(), 0, shape, 0, indices.dim());
        shape[indices.dim()] = weight.shape()[1];
        TensorImpl out = raw(() -> Shapes.clone(reshape(Indexing.indexSelect(weight, 0, flat), shape)));
        if (Graph.needs(weight)) {
            int[] ws = weight.shape();
            int dim = ws[1];
            TensorImpl keep = paddingIdx < 0 ? null : raw(() -> unsqueeze(ne(flat, (double) paddingIdx), 1));
            Graph.record(out, "EmbeddingBackward0", (g, node) -> {
                TensorImpl g2 = reshape(g, new int[] {-1, dim});
                if (keep != null) g2 = mul(g2, to(keep, g2.dtype()));
                return new TensorImpl[] {Indexing.indexAdd(Ops.empty(g.dtype(), ws), 0, flat, g2)};
            }, new TensorImpl[] {weight}, t -> embedding(t[0], indices, paddingIdx)); // auto_linear
        }
        return out;
    }
}
