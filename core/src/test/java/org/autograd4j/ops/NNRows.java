package org.autograd4j.ops;

import static org.autograd4j.ops.OpTable.*;

import java.util.List;
import org.autograd4j.Torch;

/**
 * Op-table rows of the nn ops (ops.NNOps: the losses and embedding), through the {@code Torch} forms that
 * {@code nn.functional.F} calls. Targets are constants; probabilities are made with a sigmoid inside the row.
 */
final class NNRows {
    private NNRows() {
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    /** Reduces an element-wise loss as {@code reduction} says. */
    private static Arr reduce(Arr loss, String reduction) {
        return switch (reduction) {
            case "mean" -> Arr.scalar(mean(loss.v()));
            case "sum" -> Arr.scalar(sum(loss.v()));
            default -> loss;
        };
    }

    /** {@code −x[i, t_i]} per row (the nll of log-probabilities x), reduced. */
    private static Arr nll(Arr x, Arr t, String reduction) {
        int n = x.shape()[0], c = x.shape()[1];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = -x.v()[i * c + (int) t.v()[i]];
        return reduce(Arr.of(sh(n), r), reduction);
    }

    private static Arr logSoftmaxRows(Arr x) {
        int n = x.shape()[0], c = x.shape()[1];
        double[] r = new double[n * c];
        for (int i = 0; i < n; i++) {
            double m = Double.NEGATIVE_INFINITY, s = 0;
            for (int j = 0; j < c; j++) m = Math.max(m, x.v()[i * c + j]);
            for (int j = 0; j < c; j++) s += Math.exp(x.v()[i * c + j] - m);
            for (int j = 0; j < c; j++) r[i * c + j] = x.v()[i * c + j] - m - Math.log(s);
        }
        return Arr.of(x.shape(), r);
    }

    private static double bce(double p, double t) {
        return -(t * Math.max(Math.log(p), -100) + (1 - t) * Math.max(Math.log1p(-p), -100));
    }

    private static double smoothL1(double d, double beta) {
        double z = Math.abs(d);
        return z < beta ? 0.5 * z * z / beta : z - 0.5 * beta;
    }

    static void rows() {
        // F.gelu(x, approximate='tanh'): a second overload of gelu, so a row of its own (not a Unary.ALL row)
        Op gelu = row("gelu_tanh", "GeluBackward0", f1(x -> Torch.gelu(x, "tanh")),
                map(x -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)))),
                unary(fromDomain(Unary.Domain.ALL, Kind.FLOAT))).pointwise(2)
                .py("torch.nn.functional.gelu(a, approximate='tanh')")
                .golden(s(r(new java.util.Random(11), 37)), s(fixed(sh(4), -30, -5, 0, 7)))
                .error("\"GeluKernelImpl\" not implemented for 'Long'", index(sh(2), 1, 2));
        gelu.f32Ulps = -1; // PyTorch's float arithmetic, compared relatively with the reference
        gelu.layoutExact = false; // vector and scalar code differ in their last bits, as PyTorch's
        for (String r : List.of("mean", "sum", "none")) {
            row("mse_loss_" + r, "MseLossBackward0", f2((a, b) -> Torch.mseLoss(a, b, r)),
                    xs -> reduce(Arr.zip(xs.get(0), xs.get(1), (a, b) -> (a - b) * (a - b)), r),
                    g -> List.of(s(r(g, 7), c(g, 7)), s(r(g, 3, 4), r(g, 3, 4)), s(T(r(g, 3, 4)), c(g, 3, 4)),
                            s(S(r(g, 2, 3)), c(g, 2, 3)), s(r(g), c(g))))
                    .accum(4).py("torch.nn.functional.mse_loss(a, b, reduction='" + r + "')");
            row("smooth_l1_loss_" + r, "SmoothL1LossBackward0", f2((a, b) -> Torch.smoothL1Loss(a, b, r, 0.5)),
                    xs -> reduce(Arr.zip(xs.get(0), xs.get(1), (a, b) -> smoothL1(a - b, 0.5)), r),
                    g -> List.of(s(u(g, 7), c(g, 7)), s(u(g, 3, 4), c(g, 3, 4)), s(T(u(g, 3, 4)), c(g, 3, 4)),
                            s(S(u(g, 2, 3)), c(g, 2, 3))))
                    .accum(4).py("torch.nn.functional.smooth_l1_loss(a, b, reduction='" + r + "', beta=0.5)");
            row("nll_loss_" + r, "NllLossBackward0", f2((a, b) -> Torch.nllLoss(a, b, null, r, -100)),
                    xs -> nll(xs.get(0), xs.get(1), r),
                    g -> List.of(s(r(g, 4, 5), index(sh(4), 0, 3, 1, 4)), s(T(r(g, 3, 3)), index(sh(3), 2, 2, 0)),
                            s(r(g, 1, 2), index(sh(1), 1))))
                    .accum(4).py("torch.nn.functional.nll_loss(a, b, reduction='" + r + "')");
            row("cross_entropy_" + r, "NllLossBackward0", f2((a, b) -> Torch.crossEntropyLoss(a, b, null, r, -100, 0)),
                    xs -> nll(logSoftmaxRows(xs.get(0)), xs.get(1), r),
                    g -> List.of(s(r(g, 4, 5), index(sh(4), 0, 3, 1, 4)), s(T(r(g, 3, 3)), index(sh(3), 2, 2, 0))))
                    .accum(4).composite().py("torch.nn.functional.cross_entropy(a, b, reduction='" + r + "')");
            row("binary_cross_entropy_" + r, "BinaryCrossEntropyBackward0",
                    f2((a, b) -> Torch.binaryCrossEntropy(a.sigmoid(), b.sigmoid(), null, r)),
                    xs -> reduce(Arr.zip(xs.get(0), xs.get(1), (a, b) -> bce(sigmoid(a), sigmoid(b))), r),
                    g -> List.of(s(r(g, 7), c(g, 7)), s(T(r(g, 3, 4)), c(g, 3, 4)), s(S(r(g, 2, 3)), c(g, 2, 3))))
                    .accum(4).composite()
                    .py("torch.nn.functional.binary_cross_entropy(a.sigmoid(), b.sigmoid(), reduction='" + r + "')")
                    .layoutExact = false; // float64 sigmoid: vector formula (SLEEF exp) or scalar one by layout, as PyTorch's
            row("binary_cross_entropy_with_logits_" + r, "BinaryCrossEntropyWithLogitsBackward0",
                    f2((a, b) -> Torch.binaryCrossEntropyWithLogits(a, b.sigmoid(), null, null, r)),
                    xs -> reduce(Arr.zip(xs.get(0), xs.get(1), (a, b) -> bce(sigmoid(a), sigmoid(b))), r),
                    g -> List.of(s(r(g, 7), c(g, 7)), s(T(r(g, 3, 4)), c(g, 3, 4)), s(S(r(g, 2, 3)), c(g, 2, 3))))
                    .accum(4).composite()
                    .py("torch.nn.functional.binary_cross_entropy_with_logits(a, b.sigmoid(), reduction='" + r + "')")
                    .layoutExact = false; // its gradient goes through float64 sigmoid, whose algorithm follows the layout
        }
        row("nll_loss2d", "NllLoss2DBackward0", f2((a, b) -> Torch.nllLoss(a, b, null, "mean", -100)),
                xs -> {
                    Arr x = xs.get(0), t = xs.get(1);
                    int n = x.shape()[0], c = x.shape()[1], h = x.shape()[2], w = x.shape()[3];
                    double sum = 0;
                    for (int b = 0; b < n; b++) {
                        for (int i = 0; i < h * w; i++) {
                            int k = (int) t.v()[b * h * w + i];
                            sum -= x.v()[(b * c + k) * h * w + i];
                        }
                    }
                    return Arr.scalar(sum / (n * h * w));
                },
                g -> List.of(s(r(g, 2, 3, 2, 2), index(sh(2, 2, 2), 0, 2, 1, 1, 2, 0, 0, 1)),
                        s(S(r(g, 1, 2, 2, 3)), index(sh(1, 2, 3), 1, 0, 1, 1, 0, 0))))
                .accum(4).notTransposable().py("torch.nn.functional.nll_loss(a, b)");
        row("linear", "AddmmBackward0", xs -> Torch.linear(xs.get(0), xs.get(1), xs.get(2)),
                xs -> {
                    Arr y = Arr.matmul(xs.get(0), Arr.transpose(xs.get(1), 0, 1));
                    return Arr.zip(y, Arr.expand(xs.get(2), y.shape()), Double::sum);
                },
                g -> List.of(s(r(g, 2, 3), r(g, 4, 3), r(g, 4)), s(T(r(g, 3, 2)), r(g, 4, 2), r(g, 4)),
                        named("ViewBackward0", r(g, 2, 2, 3), r(g, 4, 3), r(g, 4)),
                        named("AddBackward0", r(g, 3), r(g, 2, 3), r(g, 2)),
                        named("AddBackward0", r(g, 2, 1, 2, 3), r(g, 4, 3), r(g, 4))))
                .accum(4).composite().py("torch.nn.functional.linear(a, b, c)");
        row("linear_nobias", "MmBackward0", f2((x, w) -> Torch.linear(x, w, null)),
                xs -> Arr.matmul(xs.get(0), Arr.transpose(xs.get(1), 0, 1)),
                g -> List.of(s(r(g, 2, 3), r(g, 4, 3)), s(T(r(g, 3, 2)), r(g, 4, 2)),
                        named("UnsafeViewBackward0", r(g, 2, 2, 3), r(g, 4, 3)), named("SqueezeBackward3", r(g, 3), r(g, 2, 3))))
                .accum(4).composite().py("torch.nn.functional.linear(a, b)");
        row("embedding", "EmbeddingBackward0", xs -> Torch.embedding(xs.get(0), xs.get(1), -1),
                xs -> {
                    Arr w = xs.get(0), i = xs.get(1);
                    Arr rows = Arr.indexSelect(w, 0, longs(i));
                    int[] shape = new int[i.dim() + 1];
                    System.arraycopy(i.shape(), 0, shape, 0, i.dim());
                    shape[i.dim()] = w.shape()[1];
                    return Arr.reshape(rows, shape);
                },
                g -> List.of(s(r(g, 5, 3), index(sh(2, 2), 0, 4, 4, 1)), s(T(r(g, 3, 4)), index(sh(3), 2, 0, 2)),
                        s(r(g, 4, 2), index(sh(0)))))
                .py("torch.embedding(a, b)");
        row("embedding_padding_idx", "EmbeddingBackward0", xs -> Torch.embedding(xs.get(0), xs.get(1), 1),
                xs -> {
                    Arr w = xs.get(0), i = xs.get(1);
                    return Arr.reshape(Arr.indexSelect(w, 0, longs(i)), i.shape()[0], w.shape()[1]);
                },
                g -> List.of(s(r(g, 5, 3), index(sh(4), 0, 1, 4, 1))))
                .noGradcheck().py("torch.embedding(a, b, 1)");
    }
}
