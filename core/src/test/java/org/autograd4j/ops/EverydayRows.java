package org.autograd4j.ops;

import static org.autograd4j.ops.OpTable.all;
import static org.autograd4j.ops.OpTable.f1;
import static org.autograd4j.ops.OpTable.fromDomain;
import static org.autograd4j.ops.OpTable.lastDim;
import static org.autograd4j.ops.OpTable.over;
import static org.autograd4j.ops.OpTable.r1;
import static org.autograd4j.ops.OpTable.row;
import static org.autograd4j.ops.OpTable.sh;
import static org.autograd4j.ops.OpTable.twoD;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * The everyday API's differentiable ops in the op table: {@code torch.linalg.vector_norm} and
 * {@code matrix_norm} (fro, ±1, ±inf), {@code norm('fro', dims)}, {@code x.T} and {@code x.mT}.
 */
final class EverydayRows {
    private EverydayRows() {
    }

    private static final double INF = Double.POSITIVE_INFINITY;

    /** The p-norm of values, as norm's row's reference. */
    private static double pnorm(double[] v, double p) {
        return Reduction.NORM.ref.of(v, p);
    }

    /** Matrix norm reference over the last two dims: ord ±1 max/min column sum of |x|, ±inf max/min row sum. */
    private static Arr matrixRef(Arr x, double ord, boolean keepdim) {
        Arr abs = Arr.map(x, Math::abs);
        boolean rows = Double.isInfinite(ord);
        Arr sums = Arr.reduceDim(abs, rows ? -1 : -2, true, Arr::sum);
        Arr best = Arr.reduceDim(sums, rows ? -2 : -1, true, ord > 0 ? Arr::max : Arr::min);
        if (keepdim) return best;
        return Arr.reduceDim(Arr.reduceDim(best, -1, false, Arr::sum), -1, false, Arr::sum);
    }

    static void rows() {
        OpTable.Gen nonzero = fromDomain(Unary.Domain.NONZERO, OpTable.Kind.FLOAT);
        int ulps = Reduction.NORM.ulps();
        row("linalg_vector_norm", "LinalgVectorNormBackward0", f1(x -> Torch.linalg.vectorNorm(x)),
                r1(x -> over(x, null, false, v -> pnorm(v, 2))), all(nonzero, true)).accum(ulps)
                .py("torch.linalg.vector_norm(a)").layoutExact = false;
        row("linalg_vector_norm_1_dim", "LinalgVectorNormBackward0", f1(x -> Torch.linalg.vectorNorm(x, 1, new int[] {1}, false)),
                r1(x -> over(x, sh(1), false, v -> pnorm(v, 1))), twoD(nonzero)).accum(ulps)
                .py("torch.linalg.vector_norm(a, 1, dim=1)").layoutExact = false;
        row("linalg_vector_norm_inf_keepdim", "LinalgVectorNormBackward0",
                f1(x -> Torch.linalg.vectorNorm(x, INF, new int[] {-1}, true)), r1(x -> over(x, sh(-1), true, v -> pnorm(v, INF))),
                lastDim(nonzero)).accum(ulps).py("torch.linalg.vector_norm(a, float('inf'), dim=-1, keepdim=True)");
        row("linalg_vector_norm_3_dims", "LinalgVectorNormBackward0",
                f1(x -> Torch.linalg.vectorNorm(x, 3, new int[] {0, -1}, false)), r1(x -> over(x, sh(0, -1), false, v -> pnorm(v, 3))),
                twoD(nonzero)).accum(ulps).py("torch.linalg.vector_norm(a, 3, dim=(0, -1))").layoutExact = false;
        row("linalg_matrix_norm", "LinalgVectorNormBackward0", f1(x -> Torch.linalg.matrixNorm(x)),
                r1(x -> over(x, sh(-2, -1), false, v -> pnorm(v, 2))), twoD(nonzero)).accum(ulps)
                .py("torch.linalg.matrix_norm(a)").layoutExact = false;
        row("linalg_matrix_norm_1", "AmaxBackward0", f1(x -> Torch.linalg.matrixNorm(x, 1)), r1(x -> matrixRef(x, 1, false)),
                twoD(nonzero)).accum(ulps).py("torch.linalg.matrix_norm(a, 1)").composite().layoutExact = false;
        row("linalg_matrix_norm_n1_keepdim", "AminBackward0", f1(x -> Torch.linalg.matrixNorm(x, -1, new int[] {-2, -1}, true)),
                r1(x -> matrixRef(x, -1, true)), twoD(nonzero)).accum(ulps)
                .py("torch.linalg.matrix_norm(a, -1, keepdim=True)").composite().layoutExact = false;
        row("linalg_matrix_norm_inf", "AmaxBackward0", f1(x -> Torch.linalg.matrixNorm(x, INF)), r1(x -> matrixRef(x, INF, false)),
                twoD(nonzero)).accum(ulps).py("torch.linalg.matrix_norm(a, float('inf'))").composite().layoutExact = false;
        row("linalg_matrix_norm_ninf", "AminBackward0", f1(x -> Torch.linalg.matrixNorm(x, -INF)), r1(x -> matrixRef(x, -INF, false)),
                twoD(nonzero)).accum(ulps).py("torch.linalg.matrix_norm(a, float('-inf'))").composite().layoutExact = false;
        row("norm_fro_dims", "SqrtBackward0", f1(x -> x.norm("fro", new int[] {0, 1}, false)),
                r1(x -> over(x, sh(0, 1), false, v -> pnorm(v, 2))), twoD(nonzero)).accum(ulps)
                .py("torch.norm(a, 'fro', dim=(0, 1))").composite().layoutExact = false;
        row("norm_fro", "NormBackward1", f1(x -> x.norm("fro")), r1(x -> over(x, null, false, v -> pnorm(v, 2))),
                all(nonzero, true)).accum(ulps).py("torch.norm(a, 'fro')").layoutExact = false;
        row("T", "PermuteBackward0", f1(Tensor::T), r1(x -> Arr.transpose(x, 0, 1)), twoD(nonzero, sh(0, 3)).andThen(l -> l.stream()
                .filter(s -> s.inputs().get(0).shape().length == 2).toList())).pointwise(0).py("a.T");
        row("mT", "TransposeBackward0", f1(Tensor::mT), r1(x -> Arr.transpose(x, -2, -1)), twoD(nonzero, sh(0, 3)))
                .pointwise(0).py("a.mT");
    }
}
