package org.autograd4j.kernels;

import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;

/**
 * The compute room: every loop over tensor storage lives behind this interface. Kernels know storages
 * and layouts only, never tensors or autograd. Outputs are always written through their own layout, and
 * input layouts are already broadcast to the output shape by the caller.
 *
 * <p>{@link #get()} returns the implementation chosen once at start-up, Lucene-style (see
 * {@link KernelsProvider}): the Vector API kernels ({@code org.autograd4j.kernels.vector}) when the JVM has
 * {@code jdk.incubator.vector}, else the plain-Java {@link ScalarKernels}. Both give the same bits.
 */
public interface Kernels {

    /** The kernels in use for this JVM. */
    static Kernels get() {
        return KernelsProvider.KERNELS;
    }

    /** Which implementation this is, for {@code Torch.config()}: its name, and its vector width if it uses one. */
    String description();

    /** {@code out[i] = op(x[i]; p0, p1)}; {@code x} and {@code out} have the same dtype and shape. */
    void unary(UnaryOp op, double p0, double p1, Storage x, Layout xl, Storage out, Layout ol);

    /** {@code out[i] = op(a[i], b[i])}; a and b share a dtype, out has it too or is bool for comparisons. */
    void binary(BinaryOp op, Storage a, Layout al, Storage b, Layout bl, Storage out, Layout ol);

    /** {@code out[i] = cond[i] ? a[i] : b[i]}; cond is bool, a, b and out share a dtype. */
    void where(Storage cond, Layout cl, Storage a, Layout al, Storage b, Layout bl, Storage out, Layout ol);

    /** {@code dst[i] = src[i]}, converting the dtype as PyTorch's {@code copy_} does. */
    void copy(Storage src, Layout sl, Storage dst, Layout dl);

    /** {@code dst[i] = v} converted to dst's dtype. */
    void fill(Storage dst, Layout dl, double v);

    /**
     * Reduces the trailing {@code reducedDims} dimensions of {@code xl}: out (contiguous, same dtype as
     * x except SUM/PROD over int64/bool, which the caller gives an int64 out, and {@link ReduceOp#ALL}/
     * {@link ReduceOp#ANY}, which write a bool out from any input dtype) receives one value per
     * leading index, row-major.
     */
    void reduce(ReduceOp op, Storage x, Layout xl, int reducedDims, Storage out);

    /**
     * Cumulative sum or product along the last dimension of {@code xl} (a 0-d layout is one element):
     * {@code out[..., i] = x[..., 0] ∘ … ∘ x[..., i]}, PyTorch's {@code torch.cumsum(x, -1)} /
     * {@code torch.cumprod(x, -1)}. {@code ol} has xl's shape and may be strided. Floating outputs accumulate
     * in double and round each prefix once to the output dtype (PyTorch's CPU kernel accumulates float32 in
     * double too); integer outputs accumulate in int64, wrapping on overflow. The caller gives int64 and bool
     * inputs an int64 out, as PyTorch does.
     */
    void scan(ScanOp op, Storage x, Layout xl, Storage out, Layout ol);

    /**
     * Max ({@code max=true}) or min of the last dimension of {@code xl} with its index (the first
     * occurrence; NaN wins, as PyTorch's CPU kernel). values (x's dtype) and indices (int64) are contiguous.
     */
    void argReduce(boolean max, Storage x, Layout xl, Storage values, Storage indices);

    /**
     * Batched matrix product {@code c[b] = a[b] @ b[b]} for 3-d layouts {@code [B,M,K]} and {@code [B,K,N]}
     * (either may be strided or broadcast with stride 0); c is a contiguous {@code [B,M,N]} of the same dtype,
     * overwritten.
     */
    void matmul(Storage a, Layout al, Storage b, Layout bl, Storage c, Layout cl);

    /**
     * {@link #matmul(Storage, Layout, Storage, Layout, Storage, Layout)} with the layouts given as numbers, so a
     * small product allocates no layout: {@code c[bi][i][j] = Σ_p a[aOff + bi·abs + i·ars + p·acs] ·
     * b[bOff + bi·bbs + p·brs + j·bcs]}, c contiguous {@code [batch, m, n]} from {@code cOff}.
     */
    void matmul(int batch, int m, int k, int n, Storage a, int aOff, int abs, int ars, int acs, Storage b, int bOff, int bbs,
                int brs, int bcs, Storage c, int cOff);

    /** {@code out[..i..] = x[..index[..i..]..]} along {@code dim}; out has index's shape (PyTorch's gather). */
    void gather(Storage x, Layout xl, int dim, Storage index, Layout il, Storage out, Layout ol);

    /** {@code out[..index[..i..]..] += src[..i..]} along {@code dim} (PyTorch's scatter_add_, in place on out). */
    void scatterAdd(Storage out, Layout ol, int dim, Storage index, Layout il, Storage src, Layout sl);

    /**
     * Softmax ({@code log=false}: {@code out = e^(x - max) / Σ e^(x - max)}) or log-softmax ({@code out = (x - max)
     * - ln Σ e^(x - max)}) along the last dimension of {@code xl}, one fused pass per row, in the order of
     * operations of PyTorch 1.13.1's {@code _vec_softmax_lastdim} / {@code _vec_log_softmax_lastdim}: the
     * row maximum, the exponentials, their sum in eight lanes folded as AVX2's {@code vec_reduce_all}, then one
     * multiply by the float reciprocal of the sum (or one subtraction of max and of ln sum). x and out are
     * float32 or float64 of the same shape; out may be strided.
     */
    void softmax(boolean log, Storage x, Layout xl, Storage out, Layout ol);

    /**
     * The gradient of {@link #softmax} along the last dimension, fused per row as PyTorch's
     * {@code _vec_host_softmax_backward_lastdim}: softmax {@code out = (g - Σ g·y)·y}; log-softmax
     * {@code out = g - e^y·Σ g}, with y the forward result.
     */
    void softmaxBackward(boolean log, Storage grad, Layout gl, Storage y, Layout yl, Storage out, Layout ol);

    // ------------------------------------------------------------------ indexing (advanced index, masks, nonzero)

    // ------------------------------------------------------------------ scatter and rearrange

    /** {@link #scatterReduce}'s reduction: assign (PyTorch's scatter), sum, prod, amax, amin (NaN propagates). */
    int SCATTER_ASSIGN = 0, SCATTER_SUM = 1, SCATTER_PROD = 2, SCATTER_AMAX = 3, SCATTER_AMIN = 4;

    /**
     * {@code out[..index[..i..]..] = reduce(out[..], src[..i..])} along {@code dim}, in index order (PyTorch's
     * {@code scatter_} and {@code scatter_reduce_} kernels); {@code sl} has index's shape; indices in bounds.
     */
    void scatterReduce(Storage out, Layout ol, int dim, Storage index, Layout il, Storage src, Layout sl, int reduce);

    /** {@code out = x} with the coordinates of the dims where {@code flipped[d]} reversed; same shapes (torch.flip). */
    void flip(Storage x, Layout xl, boolean[] flipped, Storage out, Layout ol);

    // ------------------------------------------------------------------ sorting and searching
}
