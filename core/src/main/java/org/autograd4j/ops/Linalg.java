package org.autograd4j.ops;

import org.autograd4j.engine.TensorImpl;

/**
 * {@code torch.linalg}'s norms: {@code vector_norm} (norm's row recorded as {@code LinalgVectorNormBackward0})
 * and {@code matrix_norm} for the orders that need no singular values ({@code 'fro'}, 1, -1, inf, -inf), built
 * as PyTorch 1.13 builds them so the graph has PyTorch's nodes.
 */
public final class Linalg {
    private Linalg() {
    }

    /**
     * {@code torch.linalg.vector_norm(x, ord, dim, keepdim)}: the p-norm over {@code dims} (null: all elements).
     * Empty reductions of the orders without identity (negative and +inf) are rejected with PyTorch's messages.
     */
    public static TensorImpl vectorNorm(TensorImpl x, double ord, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("linalg.vector_norm: Expected a floating point or complex tensor as input. Got "
                    + x.dtype().scalarTypeName());
        }
        int[] wrapped = null;
        if (dims != null) {
            wrapped = new int[dims.length];
            for (int i = 0; i < dims.length; i++) wrapped[i] = Ops.wrapDim(dims[i], x.dim());
        }
        if (x.numel() == 0 && (ord < 0 || ord == Double.POSITIVE_INFINITY)) {
            if (wrapped == null || wrapped.length == 0) {
                throw new IllegalArgumentException("linalg.vector_norm cannot compute the " + Checks.num(ord)
                        + " norm on an empty tensor because the operation does not have an identity");
            }
            for (int d : wrapped) {
                if (x.shape()[d] == 0) {
                    throw new IllegalArgumentException("linalg.vector_norm cannot compute the " + Checks.num(ord) + " norm on the dimension "
                            + d + "because this dimension is empty and the operation does not have an identity");
                }
            }
        }
        return Reduction.NORM.applyAs("LinalgVectorNormBackward0", x, dims == null || dims.length == 0 ? null : dims, keepdim, ord);
    }

    /**
     * {@code torch.linalg.matrix_norm(x, ord, dim, keepdim)} for ord 1, -1, inf, -inf: the largest (ord &gt; 0)
     * or smallest column sum of |x| (ord ±1) or row sum (ord ±inf), as PyTorch's {@code amax}/{@code amin}
     * over {@code vector_norm(x, 1, dim)}.
     */
    public static TensorImpl matrixNorm(TensorImpl x, double ord, int[] dims, boolean keepdim) {
        double abs = Math.abs(ord);
        if (abs == 2) {
            throw new UnsupportedOperationException("linalg.matrix_norm: ord=" + Checks.num(ord)
                    + " needs the singular values (torch.linalg.svdvals), which this library does not have yet");
        }
        if (abs != 1 && abs != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("linalg.matrix_norm: Order " + Checks.num(ord) + " not supported.");
        }
        int[] d = checks(x, dims);
        if (abs == Double.POSITIVE_INFINITY) d = new int[] {d[1], d[0]};
        if (!keepdim && d[0] < d[1]) d[1]--;
        TensorImpl colSums = vectorNorm(x, 1, new int[] {d[0]}, keepdim);
        return (ord > 0 ? Reduction.AMAX : Reduction.AMIN).apply(colSums, new int[] {d[1]}, keepdim);
    }

    /** {@code torch.linalg.matrix_norm(x, 'fro', dim, keepdim)}: the vector 2-norm over the two dims. */
    public static TensorImpl matrixNorm(TensorImpl x, String ord, int[] dims, boolean keepdim) {
        if ("fro".equals(ord)) {
            checks(x, dims);
            return vectorNorm(x, 2, dims, keepdim);
        }
        if ("nuc".equals(ord)) {
            throw new UnsupportedOperationException("linalg.matrix_norm: ord='nuc' needs the singular values (torch.linalg.svdvals), "
                    + "which this library does not have yet");
        }
        throw new IllegalArgumentException("linalg.matrix_norm: Order " + ord + " not supported.");
    }

    /** PyTorch's {@code _linalg_matrix_norm_checks}: a matrix, a floating dtype, two different dims; the dims wrapped. */
    private static int[] checks(TensorImpl x, int[] dims) {
        if (x.dim() < 2) throw new IllegalArgumentException("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.");
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("linalg.matrix_norm: Expected a floating point or complex tensor as input. Got "
                    + x.dtype().scalarTypeName());
        }
        if (dims.length != 2) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < dims.length; i++) sb.append(i == 0 ? "" : " ").append(dims[i]);
            throw new IllegalArgumentException("linalg.matrix_norm: dim must be a 2-tuple. Got " + sb);
        }
        int[] d = {Ops.wrapDim(dims[0], x.dim()), Ops.wrapDim(dims[1], x.dim())};
        if (d[0] == d[1]) throw new IllegalArgumentException("linalg.matrix_norm: dims must be different. Got (" + d[0] + ", " + d[1] + ")");
        return d;
    }

    /** {@code frobenius_norm(x, dims, keepdim)} of {@code torch.norm(x, 'fro', dims)}: norm 2 over one dim, else √Σx². */
    public static TensorImpl frobenius(TensorImpl x, int[] dims, boolean keepdim) {
        if (dims.length == 1) return Reduction.NORM.apply(x, dims, keepdim, 2);
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("norm(): input dtype should be either floating point or complex. Got "
                    + x.dtype().scalarTypeName() + " instead.");
        }
        return TensorMath.sqrt(TensorMath.sum(TensorMath.mul(x, x), dims, keepdim));
    }
}
