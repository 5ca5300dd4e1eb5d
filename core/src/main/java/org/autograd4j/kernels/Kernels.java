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

    /**
     * {@code out[i] = a[i] + alpha·b[i]} with one rounding, PyTorch's {@code add(a, b, alpha=alpha)} kernel
     * ({@code vec::fmadd(b, alpha, a)}, and the scalar loop's contracted {@code a + alpha*b}): alpha is first
     * converted to the dtype (rounded to float32, truncated to int64, {@code alpha != 0} for bool). a, b and out
     * share a dtype; int64 wraps.
     */
    void addScaled(double alpha, Storage a, Layout al, Storage b, Layout bl, Storage out, Layout ol);

    /**
     * PyTorch's {@code addcmul}/{@code addcdiv} kernels ({@code PointwiseOpsKernel.cpp}): {@code div=false}
     * {@code out[i] = fma(value·t1[i], t2[i], self[i])} (the product {@code value·t1} rounded, then one fused
     * multiply-add, as PyTorch's build contracts {@code self + value*t1*t2}); {@code div=true}
     * {@code out[i] = self[i] + (value·t1[i]) / t2[i]}, three roundings. value is converted to the dtype first.
     * All four share a dtype: float32, float64, or int64 for addcmul (wrapping); bool throws PyTorch's
     * {@code "addcmul_cpu_out" not implemented for 'Bool'}.
     */
    void addcmul(boolean div, double value, Storage self, Layout sl, Storage t1, Layout l1, Storage t2, Layout l2, Storage out,
                 Layout ol);

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

    /**
     * PyTorch's advanced-index kernel ({@code index}): for each element of out, in row-major order, reads src at
     * the position {@code sl} gives that element (sl has out's shape, stride 0 along the indexed dims) plus
     * {@code Σₖ idxₖ·strides[k]}, where a negative {@code idxₖ} counts from {@code sizes[k]}. The index layouts
     * arrive broadcast to out's shape. Every index is checked before anything is written: the first one out of
     * range (row-major, then k) throws PyTorch's "index i is out of bounds for dimension k with size s".
     */
    void index(Storage src, Layout sl, Storage[] idx, Layout[] il, int[] sizes, int[] strides, Storage out, Layout ol);

    /**
     * The converse ({@code index_put_}): dst at the positions {@link #index} reads gets val (broadcast to the
     * indexing result's shape), or has it added when {@code accumulate}; duplicates take the last write in
     * row-major order (PyTorch's serial CPU order) or sum in that order. Indices are checked before any write.
     */
    void indexPut(Storage dst, Layout dl, Storage[] idx, Layout[] il, int[] sizes, int[] strides, Storage val, Layout vl,
            boolean accumulate);

    /** The number of nonzero (true) elements. */
    int countNonzero(Storage x, Layout xl);

    /** The coordinates of x's nonzero elements in row-major order, written to int64 out, a contiguous [n, x.dim()]. */
    void nonzero(Storage x, Layout xl, Storage out);

    /**
     * {@code masked_scatter_}: out's elements where mask (broadcast to out's shape) is true, in row-major order,
     * take src's elements one after another in src's row-major order; the caller checks src has enough.
     */
    void maskedScatter(Storage out, Layout ol, Storage mask, Layout ml, Storage src, Layout sl);

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

    /**
     * Sorts every line along the last dimension of {@code xl} (PyTorch's {@code sort_stable_kernel}): a stable
     * sort, NaN greater than every number (last ascending, first descending), equal values keeping their order.
     * Writes the sorted values to {@code values} (x's dtype) and their int64 positions in the line to
     * {@code indices}; both have xl's shape and any strides. Only the first {@code k} of each line are written
     * when {@code k} is less than the line's length (top-k: {@code vl} and {@code il} then have k there).
     */
    void sort(boolean descending, int k, Storage x, Layout xl, Storage values, Layout vl, Storage indices, Layout il);

    /**
     * The {@code k}-th smallest (0-based) of every line along the last dimension of {@code xl}, found by
     * PyTorch's {@code quick_select_template} (median of three, NaN largest), so which of tied values is
     * picked is PyTorch's. values and indices are contiguous, one per line.
     */
    void kthvalue(int k, Storage x, Layout xl, Storage values, Storage indices);

    /**
     * The lower median of every line along the last dimension: the element at position {@code (n - 1) / 2} in
     * (value, position) order. Without {@code ignoreNan} a line holding NaN gives its first NaN (torch.median);
     * with it NaN are left out and the position counts the other values only (torch.nanmedian); a line of NaN
     * only gives NaN at position 0. values and indices are contiguous, one per line.
     */
    void median(boolean ignoreNan, Storage x, Layout xl, Storage values, Storage indices);

    /**
     * The most frequent value of every line (the smallest of equally frequent ones) and the position of its last
     * occurrence, as PyTorch's mode kernel finds them (sort, longest run; a NaN is a run of its own). values and
     * indices contiguous.
     */
    void mode(Storage x, Layout xl, Storage values, Storage indices);

    /**
     * Running max ({@code max=true}) or min along the last dimension with its position, as PyTorch's
     * {@code cummax_cummin_helper}: a new element wins when it is NaN or, while the running value is not NaN,
     * when it is {@code >=} (max) or {@code <=} (min) it, so ties move the index forward. values and indices have
     * xl's shape and any strides.
     */
    void cumExtreme(boolean max, Storage x, Layout xl, Storage values, Layout vl, Storage indices, Layout il);

    /**
     * For every element of {@code v} the insertion position in the matching line (last dimension) of the sorted
     * {@code seq}: the first position whose value is {@code >= v} (or {@code > v} when {@code right}), PyTorch's
     * {@code cus_lower_bound}/{@code cus_upper_bound} comparisons, so a NaN value goes to the end. {@code sl}
     * has v's leading shape (stride 0 where one sequence serves all); {@code out} (int64) has vl's shape.
     */
    void searchsorted(boolean right, Storage seq, Layout sl, Storage v, Layout vl, Storage out, Layout ol);

    /**
     * A histogram of the elements of x in {@code bins} equal bins over [lo, hi] (PyTorch's linear histogram
     * kernel: the bin from {@code (x - lo)·bins/(hi - lo)} in x's dtype, the last bin closed; values outside
     * are left out, and NaN is counted in the first bin, as PyTorch 1.13 counts it). out (x's dtype,
     * contiguous, zeroed by the caller, one element per bin) receives the counts.
     */
    void histc(Storage x, Layout xl, double lo, double hi, Storage out);

    /**
     * The distinct values of x in order ({@code sorted}: ascending, as a stable sort orders them; else runs of
     * equal neighbours in x's order, torch.unique_consecutive), written from 0 into out; {@code inverse[i]}
     * (int64, x's row-major order) is the output position of element i, {@code counts[j]} the size of run j.
     * out, inverse and counts have x's element count; returns how many distinct values there are.
     */
    int unique(boolean sorted, Storage x, Layout xl, Storage out, Storage inverse, Storage counts);

    /**
     * The distinct rows of the 2-d {@code xl} ({@code [n, m]}, any strides; torch.unique with {@code dim}):
     * {@code sorted} orders the rows lexicographically (a stable sort), else only runs of equal neighbouring rows
     * merge (torch.unique_consecutive with dim). {@code first[j]} (int64) receives the row that represents
     * distinct row j, {@code inverse[i]} the distinct row of row i, {@code counts[j]} how many rows equal it; all
     * three have n elements. Returns how many distinct rows there are.
     */
    int uniqueRows(boolean sorted, Storage x, Layout xl, Storage first, Storage inverse, Storage counts);

    // ------------------------------------------------------------------ convolution and pooling
    // (geometry g = {kh, kw, sh, sw, ph, pw, dh, dw, oh, ow}; inputs 4-d [N, C, H, W], outputs contiguous; see ConvKernels)

    /** {@link ConvKernels#im2col}: the columns {@code [N, C·kh·kw, oh·ow]} of x's windows, 0 in the padding. */
    void im2col(Storage x, Layout xl, int[] g, Storage cols);

    /** {@link ConvKernels#col2im}: the adjoint of im2col, columns summed back into a contiguous {@code [N, C, h, w]}. */
    void col2im(Storage cols, Layout cl, int c, int h, int w, int[] g, Storage x);

    /** {@link ConvKernels#maxPool2d}: window maxima and their int64 positions in the plane. */
    void maxPool2d(Storage x, Layout xl, int[] g, Storage out, Storage indices);

    /** {@link ConvKernels#avgPool2d}: average pooling, or with {@code backward} its adjoint. */
    void avgPool2d(boolean backward, Storage src, Layout sl, int h, int w, int[] g, boolean countIncludePad, int divisorOverride,
                   Storage dst);

    /** {@link ConvKernels#adaptiveAvgPool2d}: adaptive average pooling, or with {@code backward} its adjoint. */
    void adaptiveAvgPool2d(boolean backward, Storage src, Layout sl, int h, int w, int oh, int ow, Storage dst);

    /** {@link ConvKernels#adaptiveMaxPool2d}: adaptive window maxima and their int64 positions in the plane. */
    void adaptiveMaxPool2d(Storage x, Layout xl, int oh, int ow, Storage out, Storage indices);

    /** {@link ConvKernels#moments}: mean and biased variance of every row along dim 0. */
    void moments(Storage x, Layout xl, Storage mean, Storage var);

    /** {@link ConvKernels#rowwiseMoments}: ATen's RowwiseMoments of every row of a contiguous [R, M] layout, in x's dtype. */
    void rowwiseMoments(Storage x, Layout xl, Storage mean, Storage var);

    /** {@link ConvKernels#normAffine}: layer and group norm's output from per-row scale and shift (and γ, β). */
    void normAffine(Storage x, Layout xl, Storage scale, Storage shift, Storage gamma, Storage beta, boolean affine, Storage y);
}
