package org.autograd4j.ops;

import static org.autograd4j.ops.TensorMath.*;

import java.util.function.Supplier;
import org.autograd4j.DType;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.kernels.BinaryOp;

/**
 * The backward functions PyTorch declares as ops of their own ({@code sigmoid_backward}, {@code threshold_backward},
 * {@code _softmax_backward_data}, …), each with its own {@code derivatives.yaml} row, so a derivative run with
 * {@code create_graph=True} records one node with PyTorch's name ({@code SigmoidBackwardBackward0}) instead of
 * the graph of the formula's pieces, and a double backward runs through the same nodes as PyTorch's.
 *
 * <p>The values are those the derivatives computed before they were ops: each forward evaluates the same tensor
 * expression with grad mode off, then records its node when an input requires grad. Each node's derivative is
 * its yaml row, in tensor ops, so triple backward works too.
 */
public final class BackwardOps {
    private BackwardOps() {
    }

    /** {@code body} with grad mode off: the op's value, free of the graph its pieces would record. */
    private static TensorImpl untracked(Supplier<TensorImpl> body) {
        boolean prev = GradMode.set(false);
        try {
            return body.get().alias();
        } finally {
            GradMode.set(prev);
        }
    }

    private static SavedTensor save(TensorImpl t) {
        return SavedTensor.input(t);
    }

    // ------------------------------------------------------------------ sigmoid, relu (threshold), hardtanh, leaky_relu

    /**
     * {@code sigmoid_backward(g, y) = g·(1 − y)·y} (as PyTorch's kernel evaluates it). Derivative
     * ({@code SigmoidBackwardBackward0}): {@code grad_output: sigmoid_backward(gg, y)},
     * {@code output: gg·g·(−2y + 1)}.
     */
    public static TensorImpl sigmoidBackward(TensorImpl g, TensorImpl y) {
        TensorImpl out = untracked(() -> mul(mul(g, rsub(y, 1.0)), y));
        if (Graph.needs(g, y)) {
            SavedTensor sg = save(g), sy = save(y);
            Graph.record(out, "SigmoidBackwardBackward0", (gg, n) -> new TensorImpl[] {
                n.needs(0) ? sigmoidBackward(gg, sy.get()) : null,
                n.needs(1) ? mul(mul(gg, sg.get()), add(mul(sy.get(), -2.0), 1.0)) : null}, new TensorImpl[] {g, y},
                    // sigmoid_backward(ġ, y) + ẏ·g·(−2y + 1), a missing tangent as zeros (so the sum's zeros are PyTorch's +0)
                    tg -> add(sigmoidBackward(Dual.orZeros(tg[0], g), y), mul(mul(Dual.orZeros(tg[1], y), g), add(mul(y, -2.0), 1.0))),
                    sg, sy);
        }
        return out;
    }

    /**
     * {@code threshold_backward(g, self, threshold)}: g where {@code self > threshold}, else 0 (relu's derivative,
     * with self its result and threshold 0, is PyTorch's fused kernel {@code self <= 0 ? 0 : g}, which lets a NaN self
     * pass the gradient through). Derivative ({@code ThresholdBackwardBackward0}):
     * {@code grad_output: threshold_backward(gg, self, threshold)}, {@code self: zeros_like(gg)}.
     */
    public static TensorImpl thresholdBackward(TensorImpl g, TensorImpl self, double threshold) {
        // relu's case: one fused pass, as PyTorch's threshold kernel (self <= 0 ? 0 : g), no mask tensor
        TensorImpl out = threshold == 0 && g.dtype() == self.dtype() && g.dtype() != DType.BOOL
                ? Binary.raw(BinaryOp.RELU_BACKWARD, g, self, g.dtype(), g.dtype())
                : untracked(() -> where(gt(self, threshold), g, 0.0));
        if (Graph.needs(g, self)) {
            SavedTensor ss = save(self);
            Graph.record(out, "ThresholdBackwardBackward0", (gg, n) -> new TensorImpl[] {
                n.needs(0) ? thresholdBackward(gg, ss.get(), threshold) : null,
                n.needs(1) ? zerosLike(gg) : null}, new TensorImpl[] {g, self},
                    // zeros_like(self_t) + threshold_backward(ġ, self): a tangent even when only self has one
                    tg -> thresholdBackward(Dual.orZeros(tg[0], g), self, threshold), ss);
        }
        return out;
    }

    /**
     * {@code hardtanh_backward(g, self, min, max)}: g strictly inside (min, max), else 0. Derivative
     * ({@code HardtanhBackwardBackward0}): {@code grad_output: hardtanh_backward(gg, self, min, max)},
     * {@code self: zeros_like(gg)}.
     */
    public static TensorImpl hardtanhBackward(TensorImpl g, TensorImpl self, double min, double max) {
        TensorImpl out = untracked(() -> where(logicalAnd(gt(self, min), lt(self, max)), g, 0.0));
        if (Graph.needs(g, self)) {
            SavedTensor ss = save(self);
            Graph.record(out, "HardtanhBackwardBackward0", (gg, n) -> new TensorImpl[] {
                n.needs(0) ? hardtanhBackward(gg, ss.get(), min, max) : null,
                n.needs(1) ? zerosLike(gg) : null}, new TensorImpl[] {g, self},
                    // hardtanh_backward(ġ, self): none when only self has a tangent, as PyTorch's formula reads ġ alone
                    tg -> tg[0] == null ? null : hardtanhBackward(tg[0], self, min, max), ss);
        }
        return out;
    }

    /**
     * {@code leaky_relu_backward(g, self, slope, self_is_result)}: g where {@code self > 0}, else {@code g·slope}.
     * Derivative ({@code LeakyReluBackwardBackward0}): {@code grad_output: leaky_relu_backward(gg, self, slope, false)},
     * {@code self: zeros_like(gg)}.
     */
    public static TensorImpl leakyReluBackward(TensorImpl g, TensorImpl self, double slope) {
        TensorImpl out = untracked(() -> where(gt(self, 0.0), g, mul(g, slope)));
        if (Graph.needs(g, self)) {
            SavedTensor ss = save(self);
            Graph.record(out, "LeakyReluBackwardBackward0", (gg, n) -> new TensorImpl[] {
                n.needs(0) ? leakyReluBackward(gg, ss.get(), slope) : null,
                n.needs(1) ? zerosLike(gg) : null}, new TensorImpl[] {g, self},
                    // leaky_relu_backward(ġ, self): none when only self has a tangent, as in PyTorch
                    tg -> tg[0] == null ? null : leakyReluBackward(tg[0], self, slope), ss);
        }
        return out;
    }

    // ------------------------------------------------------------------ softplus, elu

    /**
     * {@code softplus_backward(g, self, β, threshold)}: g where {@code βx > threshold}, else {@code g·z/(z+1)} with
     * {@code z = e^(βx)}. Derivative ({@code SoftplusBackwardBackward0}): {@code grad_output: softplus_backward(gg,
     * self, β, threshold)}, {@code self: softplus_double_backward(gg·g, self, β, threshold)} =
     * {@code sigmoid_backward(gg·g, σ(βx))·(βx < threshold)·β}.
     */
    public static TensorImpl softplusBackward(TensorImpl g, TensorImpl self, double beta, double threshold) {
        TensorImpl out = untracked(() -> {
            TensorImpl bx = mul(self, beta);
            TensorImpl z = exp(bx);
            return where(gt(bx, threshold), g, div(mul(g, z), add(z, 1.0)));
        });
        if (Graph.needs(g, self)) {
            SavedTensor sg = save(g), ss = save(self);
            Graph.record(out, "SoftplusBackwardBackward0", (gg, n) -> {
                TensorImpl x = ss.get();
                TensorImpl self1 = null;
                if (n.needs(1)) {
                    TensorImpl bx = mul(x, beta);
                    self1 = mul(mul(sigmoidBackward(mul(gg, sg.get()), sigmoid(bx)), to(lt(bx, threshold), gg.dtype())), beta);
                }
                return new TensorImpl[] {n.needs(0) ? softplusBackward(gg, x, beta, threshold) : null, self1};
            }, new TensorImpl[] {g, self}, tg -> {
                // softplus_backward(ġ, x) + softplus_double_backward(ẋ·g, x)
                TensorImpl bx = mul(self, beta);
                return add(softplusBackward(Dual.orZeros(tg[0], g), self, beta, threshold),
                        mul(mul(sigmoidBackward(mul(Dual.orZeros(tg[1], self), g), sigmoid(bx)), to(lt(bx, threshold), g.dtype())), beta));
            }, sg, ss);
        }
        return out;
    }

    /**
     * {@code elu_backward(g, α, scale=1, input_scale=1, is_result, self_or_result)}: for the input x, g where
     * {@code x > 0}, else {@code g·α·eˣ}; for the result y (the in-place form), g where {@code y > 0}, else
     * {@code g·(y + α)}. Derivative ({@code EluBackwardBackward0}): {@code grad_output: elu_backward(gg, …)},
     * {@code self_or_result: elu_double_backward(gg, g, …)}: {@code elu_backward(gg·g, …)·(x < 0)} for the input,
     * {@code gg·g·(y < 0)} for the result.
     */
    public static TensorImpl eluBackward(TensorImpl g, double alpha, boolean isResult, TensorImpl selfOrResult) {
        TensorImpl v = selfOrResult;
        TensorImpl out = untracked(() -> isResult ? where(gt(v, 0.0), g, mul(g, add(v, alpha)))
                : where(gt(v, 0.0), g, mul(g, mul(exp(v), alpha))));
        if (Graph.needs(g, v)) {
            SavedTensor sg = save(g), sv = save(v);
            Graph.record(out, "EluBackwardBackward0", (gg, n) -> {
                TensorImpl x = sv.get();
                TensorImpl second = null;
                if (n.needs(1)) {
                    TensorImpl neg = to(lt(x, 0.0), gg.dtype());
                    second = isResult ? mul(mul(gg, sg.get()), neg) : mul(eluBackward(mul(gg, sg.get()), alpha, false, x), neg);
                }
                return new TensorImpl[] {n.needs(0) ? eluBackward(gg, alpha, isResult, x) : null, second};
            }, new TensorImpl[] {g, v}, tg -> {
                // elu_backward(ġ, …) + elu_double_backward(v̇·g, …)
                TensorImpl tv = Dual.orZeros(tg[1], v), neg = to(lt(v, 0.0), g.dtype());
                TensorImpl second = isResult ? mul(mul(tv, g), neg) : mul(eluBackward(mul(tv, g), alpha, false, v), neg);
                return add(eluBackward(Dual.orZeros(tg[0], g), alpha, isResult, v), second);
            }, sg, sv);
        }
        return out;
    }

    // ------------------------------------------------------------------ softmax, log_softmax

    /**
     * {@code _softmax_backward_data(g, y, dim)} or {@code _log_softmax_backward_data(g, y, dim)}: the fused kernel
     * ({@code y·(g − Σ g·y)}, or {@code g − eʸ·Σ g}) along {@code dim} of y ({@code dims}: that dim, or none for a
     * 0-d y). Derivatives ({@code SoftmaxBackwardDataBackward0}, {@code LogSoftmaxBackwardDataBackward0}):
     * softmax {@code grad_output: _softmax_backward_data(gg, y)}, {@code output: softmax_double_backward(gg, g, y)}
     * = {@code g·gg − Σ(y·g)·gg − g·Σ(y·gg)}; log_softmax {@code grad_output: gg − Σ(gg·eʸ)},
     * {@code output: −Σ g · eʸ · gg}.
     */
    public static TensorImpl softmaxBackwardData(boolean log, TensorImpl g, TensorImpl y, int dim, int[] dims,
                                                 java.util.function.BinaryOperator<TensorImpl> fused) {
        TensorImpl out = untracked(() -> fused.apply(g, y));
        if (Graph.needs(g, y)) {
            SavedTensor sg = save(g), sy = save(y);
            Graph.record(out, log ? "LogSoftmaxBackwardDataBackward0" : "SoftmaxBackwardDataBackward0", (gg, n) -> {
                TensorImpl go = sg.get(), yy = sy.get();
                TensorImpl first = null, second = null;
                if (log) {
                    if (n.needs(0)) first = sub(gg, sumOver(mul(gg, exp(yy)), dims));
                    if (n.needs(1)) second = mul(mul(neg(sumOver(go, dims)), exp(yy)), gg);
                } else {
                    if (n.needs(0)) first = softmaxBackwardData(false, gg, yy, dim, dims, fused);
                    if (n.needs(1)) second = sub(sub(mul(go, gg), mul(sumOver(mul(yy, go), dims), gg)), mul(go, sumOver(mul(yy, gg), dims)));
                }
                return new TensorImpl[] {first, second};
            }, new TensorImpl[] {g, y}, tg -> {
                // PyTorch 1.13 has no forward formula for these two ops (its message names the op)
                throw new UnsupportedOperationException(Dual.notImplementedAnywhere(log ? "_log_softmax_backward_data"
                        : "_softmax_backward_data"));
            }, sg, sy);
        }
        return out;
    }

    private static TensorImpl sumOver(TensorImpl t, int[] dims) {
        return dims.length == 0 ? t : sum(t, dims, true);
    }

    /** {@code zeros_like(t)}: not differentiable, so it records nothing. */
    private static TensorImpl zerosLike(TensorImpl t) {
        return Creation.full(t.shape(), 0, t.dtype());
    }
}
