package org.autograd4j;

import java.util.List;
import org.autograd4j.autograd.Engine;
import org.autograd4j.format.Elements;
import org.autograd4j.format.TensorFormatter;
import org.autograd4j.kernels.Kernels;
import org.autograd4j.ops.Indexing;
import org.autograd4j.ops.InPlace;
import org.autograd4j.ops.LinearAlgebra;
import org.autograd4j.ops.Ops;
import org.autograd4j.ops.Pointwise;
import org.autograd4j.ops.RandomOps;
import org.autograd4j.ops.Reductions;
import org.autograd4j.ops.Shapes;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;

/**
 * A strided n-dimensional array with reverse-mode autograd, PyTorch's {@code torch.Tensor}.
 *
 * <p>A tensor is a {@link Layout} (shape, strides, offset) over a flat storage; views share the storage and
 * copy nothing. Operations mirror PyTorch's in camelCase; in-place ones end in {@code _}. When grad mode is
 * on and an input {@link #requiresGrad()}, the result records a {@link #gradFn()} node so that
 * {@link #backward()} can compute gradients. {@link #toString()} prints exactly what PyTorch prints.
 *
 * <p>Errors are unchecked exceptions whose message is PyTorch's, thrown before anything is modified.
 */
public final class Tensor {
    /** Shared by a tensor and its views: PyTorch's version counter for in-place safety. */
    private static final class Version {
        int value;
    }

    private final Storage storage;
    private final Layout layout;
    private final Version version;
    private final Tensor base;
    private boolean requiresGrad;
    private Node gradFn;
    private int outputNr;
    private Tensor grad;
    private AccumulateGrad accumulator;
    private boolean wrappedNumber;
    /** For a view: the version at which its history was last set; a later write to the storage makes it stale. */
    private int viewVersion;

    private Tensor(Storage storage, Layout layout, Version version, Tensor base) {
        this.storage = storage;
        this.layout = layout;
        this.version = version;
        this.base = base;
    }

    // ------------------------------------------------------------------ internal plumbing (not user API)

    /** Internal: a new tensor over {@code storage} with {@code layout}. */
    public static Tensor wrap(Storage storage, Layout layout) {
        return new Tensor(storage, layout, new Version(), null);
    }

    /** Internal: a view of this tensor's storage with another layout, sharing the version counter. */
    public Tensor viewOf(Layout l) {
        Tensor v = new Tensor(storage, l, version, base == null ? this : base);
        v.viewVersion = version.value;
        return v;
    }

    /** Internal: a Java double wrapped as a 0-d float64 tensor that promotes like a Python number. */
    public static Tensor wrappedScalar(double v) {
        Tensor t = wrap(new Storage.F64(new double[] {v}), Layout.contiguous(new int[0]));
        t.wrappedNumber = true;
        return t;
    }

    /** Internal: a Java long wrapped as a 0-d int64 tensor that promotes like a Python int. */
    public static Tensor wrappedScalar(long v) {
        Tensor t = wrap(new Storage.I64(new long[] {v}), Layout.contiguous(new int[0]));
        t.wrappedNumber = true;
        return t;
    }

    /** Internal: the storage. */
    public Storage storage() {
        return storage;
    }

    /** Internal: shape, strides and offset. */
    public Layout layout() {
        return layout;
    }

    /** Internal: true for a Java scalar wrapped as a tensor. */
    public boolean isWrappedNumber() {
        return wrappedNumber;
    }

    /** The tensor this one is a view of, or null ({@code tensor._base}). */
    public Tensor base() {
        return base;
    }

    /** The version counter, bumped by every in-place modification ({@code tensor._version}). */
    public int version() {
        return version.value;
    }

    /** Internal: records an in-place modification. */
    public void bumpVersion() {
        version.value++;
    }

    /** Internal: makes this tensor output {@code nr} of {@code node}. */
    public void setHistory(Node node, int nr) {
        this.gradFn = node;
        this.outputNr = nr;
        this.viewVersion = version.value;
    }

    /** Which output of its {@link #gradFn()} this tensor is. */
    public int outputNr() {
        return outputNr;
    }

    /** Internal: the AccumulateGrad node of a leaf that requires grad (one per leaf, made on first use). */
    public AccumulateGrad gradAccumulator() {
        if (accumulator == null) accumulator = new AccumulateGrad(this);
        return accumulator;
    }

    /** PyTorch's legacy type name used in messages, e.g. {@code torch.FloatTensor}. */
    public String typeName() {
        return "torch." + Ops.scalarTypeName(dtype()) + "Tensor";
    }

    void setGradInternal(Tensor g) {
        this.grad = g;
    }

    void addInPlaceNoCheck(Tensor g) {
        InPlace.addNoGraph(this, g);
    }

    /** A contiguous copy with no history. */
    Tensor contiguousCopy() {
        return Shapes.cloneNoGraph(this);
    }

    // ------------------------------------------------------------------ properties

    /** The sizes of each dimension ({@code tensor.shape}); a fresh array. */
    public long[] shape() {
        int[] s = layout.shape();
        long[] r = new long[s.length];
        for (int i = 0; i < s.length; i++) r[i] = s[i];
        return r;
    }

    /** Size of dimension {@code dim} (negative counts from the end), as {@code tensor.size(dim)}. */
    public long size(int dim) {
        return layout.size(Ops.wrapDim(dim, dim()));
    }

    /** Strides in elements, as {@code tensor.stride()}. */
    public long[] stride() {
        int[] s = layout.strides();
        long[] r = new long[s.length];
        for (int i = 0; i < s.length; i++) r[i] = s[i];
        return r;
    }

    /** Offset of the first element in the storage, as {@code tensor.storage_offset()}. */
    public long storageOffset() {
        return layout.offset();
    }

    /** Number of dimensions, as {@code tensor.dim()}. */
    public int dim() {
        return layout.dim();
    }

    /** Number of elements, as {@code tensor.numel()}. */
    public long numel() {
        return layout.numel();
    }

    /** Element type, as {@code tensor.dtype}. */
    public DType dtype() {
        return storage.dtype();
    }

    /** True when elements are laid out row-major without gaps, as {@code tensor.is_contiguous()}. */
    public boolean isContiguous() {
        return layout.isContiguous();
    }

    /** True for floating dtypes, as {@code tensor.is_floating_point()}. */
    public boolean isFloatingPoint() {
        return dtype().isFloatingPoint();
    }

    // ------------------------------------------------------------------ autograd

    /** Whether gradients are recorded for this tensor ({@code tensor.requires_grad}). */
    public boolean requiresGrad() {
        return requiresGrad || gradFn() != null;
    }

    /** Marks this leaf as requiring grad, as {@code tensor.requires_grad_()}. Returns this. */
    public Tensor requiresGrad_() {
        return requiresGrad_(true);
    }

    /**
     * Sets whether this leaf requires grad, as {@code tensor.requires_grad_(flag)}. Only floating tensors can
     * require grad; a non-leaf can only be set to true.
     */
    public Tensor requiresGrad_(boolean flag) {
        if (flag && !dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("only Tensors of floating point dtype can require gradients");
        }
        if (!isLeaf() && !flag) {
            throw new IllegalStateException("you can only change requires_grad flags of leaf variables. If you want to use a "
                    + "computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
        }
        requiresGrad = flag;
        return this;
    }

    /** True for tensors not produced by a recorded op ({@code tensor.is_leaf}). */
    public boolean isLeaf() {
        return gradFn() == null;
    }

    /** The accumulated gradient of a leaf ({@code tensor.grad}), null until a backward pass reaches it. */
    public Tensor grad() {
        return grad;
    }

    /** Replaces {@code .grad} ({@code tensor.grad = g}); null clears it. The shape must match. */
    public void setGrad(Tensor g) {
        if (g != null && !java.util.Arrays.equals(g.layout.shape(), layout.shape())) {
            throw new IllegalArgumentException("assigned grad has data of a different size");
        }
        if (g != null && g.dtype() != dtype()) {
            throw new IllegalArgumentException("assigned grad has data of a different type");
        }
        this.grad = g;
    }

    /** The backward node that produced this tensor ({@code tensor.grad_fn}), null for leaves. */
    public Node gradFn() {
        if (base != null && viewVersion != version.value && base.gradFn != null && base.layout.isContiguous()) {
            // The storage was written in place since this view's history was set (through the base or another
            // view): as PyTorch, regenerate it as an as_strided view of the base's current history.
            InPlace.regenerateViewHistory(this);
        }
        return gradFn;
    }

    /** Backpropagates from this one-element tensor, as {@code tensor.backward()}. */
    public void backward() {
        backward(null, false);
    }

    /** Backpropagates {@code gradient} (the gradient of some scalar w.r.t. this tensor), as {@code backward(gradient)}. */
    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /**
     * Backpropagates, keeping the graph's saved tensors when {@code retainGraph}, as
     * {@code backward(gradient, retain_graph)}. {@code gradient} may be null for one-element tensors.
     */
    public void backward(Tensor gradient, boolean retainGraph) {
        Engine.run(List.of(this), gradient == null ? null : List.of(gradient), retainGraph, false, null, false);
    }

    /**
     * Backpropagates with full control, as {@code backward(gradient, retain_graph, create_graph)}: with
     * {@code createGraph} the gradients themselves get a graph (for higher-order derivatives).
     */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        Engine.run(List.of(this), gradient == null ? null : java.util.Collections.singletonList(gradient),
                retainGraph || createGraph, createGraph, null, false);
    }

    /**
     * A tensor sharing this one's data and version counter but cut from the graph ({@code tensor.detach()}).
     * As in PyTorch it is not a view ({@code _base} is None), so in-place ops on it are allowed.
     */
    public Tensor detach() {
        return new Tensor(storage, layout, version, null);
    }

    // ------------------------------------------------------------------ conversion

    /** The value of a one-element tensor as a double ({@code tensor.item()}). */
    public double item() {
        if (layout.numel() != 1) {
            throw new IllegalStateException("a Tensor with " + layout.numel() + " elements cannot be converted to Scalar");
        }
        return storage.getDouble(layout.offset());
    }

    /** The value of a one-element integer or bool tensor as a long. */
    public long itemLong() {
        if (layout.numel() != 1) {
            throw new IllegalStateException("a Tensor with " + layout.numel() + " elements cannot be converted to Scalar");
        }
        return storage.getLong(layout.offset());
    }

    /** A fresh storage holding the elements in row-major order, converted to {@code dtype} (one copy, no graph). */
    private Storage copyOut(DType dtype) {
        Storage out = Storage.allocate(dtype, layout.numel());
        Kernels.get().copy(storage, layout, out, Layout.contiguous(layout.shape()));
        return out;
    }

    /** All elements in row-major order, converted to float. */
    public float[] toFloatArray() {
        return ((Storage.F32) copyOut(DType.FLOAT32)).data;
    }

    /** All elements in row-major order, converted to double. */
    public double[] toDoubleArray() {
        return ((Storage.F64) copyOut(DType.FLOAT64)).data;
    }

    /** All elements in row-major order, converted to long (floats truncate toward zero). */
    public long[] toLongArray() {
        return ((Storage.I64) copyOut(DType.INT64)).data;
    }

    /** All elements in row-major order as booleans (non-zero is true). */
    public boolean[] toBooleanArray() {
        return ((Storage.Bool) copyOut(DType.BOOL)).data;
    }

    /** This tensor converted to {@code dtype} ({@code tensor.to(dtype)}); itself when already of that dtype. */
    public Tensor to(DType dtype) {
        return Pointwise.to(this, dtype);
    }

    /** A copy with its own storage ({@code tensor.clone()}); differentiable. */
    @Override
    public Tensor clone() {
        return Shapes.clone(this);
    }

    /** This tensor if contiguous, else a contiguous copy ({@code tensor.contiguous()}). */
    public Tensor contiguous() {
        return layout.isContiguous() ? this : Shapes.clone(this);
    }

    // ------------------------------------------------------------------ pointwise

    /** {@code this + other} with broadcasting and type promotion ({@code torch.add}). */
    public Tensor add(Tensor other) { return Pointwise.add(this, other); }

    /** {@code this + other}; a Java double acts as a Python float (does not promote float32). */
    public Tensor add(double other) { return Pointwise.add(this, wrappedScalar(other)); }

    /** {@code this + other}; a Java long acts as a Python int (keeps int64). */
    public Tensor add(long other) { return Pointwise.add(this, wrappedScalar(other)); }

    /** {@code this - other} ({@code torch.sub}). */
    public Tensor sub(Tensor other) { return Pointwise.sub(this, other); }

    /** {@code this - other}. */
    public Tensor sub(double other) { return Pointwise.sub(this, wrappedScalar(other)); }

    /** {@code this - other}. */
    public Tensor sub(long other) { return Pointwise.sub(this, wrappedScalar(other)); }

    /** {@code this * other} ({@code torch.mul}). */
    public Tensor mul(Tensor other) { return Pointwise.mul(this, other); }

    /** {@code this * other}. */
    public Tensor mul(double other) { return Pointwise.mul(this, wrappedScalar(other)); }

    /** {@code this * other}. */
    public Tensor mul(long other) { return Pointwise.mul(this, wrappedScalar(other)); }

    /** {@code this / other}, true division: integers give float32 ({@code torch.div}). */
    public Tensor div(Tensor other) { return Pointwise.div(this, other); }

    /** {@code this / other}. */
    public Tensor div(double other) { return Pointwise.div(this, wrappedScalar(other)); }

    /** {@code other - this} ({@code torch.rsub(self, other)}, what Python's {@code 1 - x} calls). */
    public Tensor rsub(double other) { return Pointwise.rsub(this, other); }

    /** {@code this ** exponent} ({@code torch.pow(self, exponent)} with a Python float). */
    public Tensor pow(double exponent) { return Pointwise.pow(this, exponent, true); }

    /** {@code this ** exponent} with an integer exponent (int64 tensors stay int64). */
    public Tensor pow(long exponent) { return Pointwise.pow(this, exponent, false); }

    /** {@code this ** exponent} elementwise with broadcasting ({@code torch.pow(self, exponent)}). */
    public Tensor pow(Tensor exponent) { return Pointwise.pow(this, exponent); }

    /** {@code this²} ({@code torch.square}); recorded as PowBackward0 like PyTorch. */
    public Tensor square() { return Pointwise.pow(this, 2.0, false); }

    /** {@code -this} ({@code torch.neg}). */
    public Tensor neg() { return Pointwise.neg(this); }

    /** e^x ({@code torch.exp}). */
    public Tensor exp() { return Pointwise.exp(this); }

    /** ln x ({@code torch.log}). */
    public Tensor log() { return Pointwise.log(this); }

    /** √x ({@code torch.sqrt}). */
    public Tensor sqrt() { return Pointwise.sqrt(this); }

    /** |x| ({@code torch.abs}). */
    public Tensor abs() { return Pointwise.abs(this); }

    /** sin x ({@code torch.sin}). */
    public Tensor sin() { return Pointwise.sin(this); }

    /** cos x ({@code torch.cos}). */
    public Tensor cos() { return Pointwise.cos(this); }

    /** tanh x ({@code torch.tanh}). */
    public Tensor tanh() { return Pointwise.tanh(this); }

    /** 1/(1+e^-x) ({@code torch.sigmoid}). */
    public Tensor sigmoid() { return Pointwise.sigmoid(this); }

    /** max(x, 0) ({@code torch.relu}). */
    public Tensor relu() { return Pointwise.relu(this); }

    /** 1/x ({@code torch.reciprocal}). */
    public Tensor reciprocal() { return Pointwise.reciprocal(this); }

    /** sign(x) ∈ {-1, 0, 1} ({@code torch.sign}). */
    public Tensor sign() { return Pointwise.sign(this); }

    /** min(max(x, min), max) ({@code torch.clamp(x, min, max)}). */
    public Tensor clamp(double min, double max) { return Pointwise.clamp(this, min, max); }

    /** max(x, min) ({@code torch.clamp(x, min=min)}). */
    public Tensor clampMin(double min) { return Pointwise.clamp(this, min, Double.NaN); }

    /** min(x, max) ({@code torch.clamp(x, max=max)}). */
    public Tensor clampMax(double max) { return Pointwise.clamp(this, Double.NaN, max); }

    /** Elementwise maximum, NaN-propagating ({@code torch.maximum}). */
    public Tensor maximum(Tensor other) { return Pointwise.maximum(this, other); }

    /** Elementwise minimum, NaN-propagating ({@code torch.minimum}). */
    public Tensor minimum(Tensor other) { return Pointwise.minimum(this, other); }

    /** {@code condition ? this : other} ({@code tensor.where(condition, other)}). */
    public Tensor where(Tensor condition, Tensor other) { return Pointwise.where(condition, this, other); }

    /** {@code this == other} → bool ({@code torch.eq}). */
    public Tensor eq(Tensor other) { return Pointwise.compare(org.autograd4j.kernels.BinaryOp.EQ, this, other); }

    /** {@code this == other} → bool. */
    public Tensor eq(double other) { return eq(wrappedScalar(other)); }

    /** {@code this != other} → bool ({@code torch.ne}). */
    public Tensor ne(Tensor other) { return Pointwise.compare(org.autograd4j.kernels.BinaryOp.NE, this, other); }

    /** {@code this != other} → bool. */
    public Tensor ne(double other) { return ne(wrappedScalar(other)); }

    /** {@code this < other} → bool ({@code torch.lt}). */
    public Tensor lt(Tensor other) { return Pointwise.compare(org.autograd4j.kernels.BinaryOp.LT, this, other); }

    /** {@code this < other} → bool. */
    public Tensor lt(double other) { return lt(wrappedScalar(other)); }

    /** {@code this <= other} → bool ({@code torch.le}). */
    public Tensor le(Tensor other) { return Pointwise.compare(org.autograd4j.kernels.BinaryOp.LE, this, other); }

    /** {@code this <= other} → bool. */
    public Tensor le(double other) { return le(wrappedScalar(other)); }

    /** {@code this > other} → bool ({@code torch.gt}). */
    public Tensor gt(Tensor other) { return Pointwise.compare(org.autograd4j.kernels.BinaryOp.GT, this, other); }

    /** {@code this > other} → bool. */
    public Tensor gt(double other) { return gt(wrappedScalar(other)); }

    /** {@code this >= other} → bool ({@code torch.ge}). */
    public Tensor ge(Tensor other) { return Pointwise.compare(org.autograd4j.kernels.BinaryOp.GE, this, other); }

    /** {@code this >= other} → bool. */
    public Tensor ge(double other) { return ge(wrappedScalar(other)); }

    /** Elementwise not of a bool tensor ({@code torch.logical_not}). */
    public Tensor logicalNot() { return Pointwise.logicalNot(this); }

    /** Fills with {@code value} where {@code mask} is true ({@code tensor.masked_fill(mask, value)}). */
    public Tensor maskedFill(Tensor mask, double value) { return Pointwise.maskedFill(this, mask, value); }

    // ------------------------------------------------------------------ reductions

    /** Sum of all elements ({@code tensor.sum()}); integers and bools sum to int64. */
    public Tensor sum() { return Reductions.sum(this); }

    /** Sum over {@code dim} ({@code tensor.sum(dim)}). */
    public Tensor sum(int dim) { return Reductions.sum(this, new int[] {dim}, false); }

    /** Sum over {@code dim}, keeping it with size 1 when {@code keepdim} ({@code tensor.sum(dim, keepdim)}). */
    public Tensor sum(int dim, boolean keepdim) { return Reductions.sum(this, new int[] {dim}, keepdim); }

    /** Sum over several dims ({@code tensor.sum(dims, keepdim)}). */
    public Tensor sum(int[] dims, boolean keepdim) { return Reductions.sum(this, dims, keepdim); }

    /** Mean of all elements ({@code tensor.mean()}); floating tensors only. */
    public Tensor mean() { return Reductions.mean(this); }

    /** Mean over {@code dim} ({@code tensor.mean(dim)}). */
    public Tensor mean(int dim) { return Reductions.mean(this, new int[] {dim}, false); }

    /** Mean over {@code dim}, optionally keeping it ({@code tensor.mean(dim, keepdim)}). */
    public Tensor mean(int dim, boolean keepdim) { return Reductions.mean(this, new int[] {dim}, keepdim); }

    /** Mean over several dims ({@code tensor.mean(dims, keepdim)}). */
    public Tensor mean(int[] dims, boolean keepdim) { return Reductions.mean(this, dims, keepdim); }

    /** Product of all elements ({@code tensor.prod()}). */
    public Tensor prod() { return Reductions.prod(this); }

    /** Largest element ({@code tensor.max()}); NaN if any element is NaN. */
    public Tensor max() { return Reductions.maxAll(this, true); }

    /** Smallest element ({@code tensor.min()}). */
    public Tensor min() { return Reductions.maxAll(this, false); }

    /** Largest values along {@code dim} and their indices ({@code tensor.max(dim)}). */
    public ValuesIndices max(int dim) { return Reductions.maxDim(this, dim, false, true); }

    /** Largest values along {@code dim} and their indices ({@code tensor.max(dim, keepdim)}). */
    public ValuesIndices max(int dim, boolean keepdim) { return Reductions.maxDim(this, dim, keepdim, true); }

    /** Smallest values along {@code dim} and their indices ({@code tensor.min(dim)}). */
    public ValuesIndices min(int dim) { return Reductions.maxDim(this, dim, false, false); }

    /** Smallest values along {@code dim} and their indices ({@code tensor.min(dim, keepdim)}). */
    public ValuesIndices min(int dim, boolean keepdim) { return Reductions.maxDim(this, dim, keepdim, false); }

    /** Index of the largest element of the flattened tensor ({@code tensor.argmax()}), int64. */
    public Tensor argmax() { return Reductions.argAll(this, true); }

    /** Indices of the largest elements along {@code dim} ({@code tensor.argmax(dim)}). */
    public Tensor argmax(int dim) { return Reductions.maxDim(this, dim, false, true).indices(); }

    /** Indices of the largest elements along {@code dim} ({@code tensor.argmax(dim, keepdim)}). */
    public Tensor argmax(int dim, boolean keepdim) { return Reductions.maxDim(this, dim, keepdim, true).indices(); }

    /** Index of the smallest element of the flattened tensor ({@code tensor.argmin()}). */
    public Tensor argmin() { return Reductions.argAll(this, false); }

    /** Indices of the smallest elements along {@code dim} ({@code tensor.argmin(dim)}). */
    public Tensor argmin(int dim) { return Reductions.maxDim(this, dim, false, false).indices(); }

    /** Indices of the smallest elements along {@code dim} ({@code tensor.argmin(dim, keepdim)}). */
    public Tensor argmin(int dim, boolean keepdim) { return Reductions.maxDim(this, dim, keepdim, false).indices(); }

    /** Unbiased variance of all elements ({@code tensor.var()}). */
    public Tensor var() { return Reductions.var(this, null, 1, false, false); }

    /** Variance of all elements, unbiased (n-1) or not (n) ({@code tensor.var(unbiased=...)}). */
    public Tensor var(boolean unbiased) { return Reductions.var(this, null, unbiased ? 1 : 0, false, false); }

    /** Unbiased variance over {@code dim} ({@code tensor.var(dim)}). */
    public Tensor var(int dim) { return Reductions.var(this, new int[] {dim}, 1, false, false); }

    /** Variance over {@code dim} ({@code tensor.var(dim, unbiased, keepdim)}). */
    public Tensor var(int dim, boolean unbiased, boolean keepdim) {
        return Reductions.var(this, new int[] {dim}, unbiased ? 1 : 0, keepdim, false);
    }

    /** Unbiased standard deviation of all elements ({@code tensor.std()}). */
    public Tensor std() { return Reductions.var(this, null, 1, false, true); }

    /** Standard deviation of all elements ({@code tensor.std(unbiased=...)}). */
    public Tensor std(boolean unbiased) { return Reductions.var(this, null, unbiased ? 1 : 0, false, true); }

    /** Unbiased standard deviation over {@code dim} ({@code tensor.std(dim)}). */
    public Tensor std(int dim) { return Reductions.var(this, new int[] {dim}, 1, false, true); }

    /** Standard deviation over {@code dim} ({@code tensor.std(dim, unbiased, keepdim)}). */
    public Tensor std(int dim, boolean unbiased, boolean keepdim) {
        return Reductions.var(this, new int[] {dim}, unbiased ? 1 : 0, keepdim, true);
    }

    /** e^x / Σ e^x along {@code dim} ({@code tensor.softmax(dim)}). */
    public Tensor softmax(int dim) { return Reductions.softmax(this, dim, false); }

    /** x - log Σ e^x along {@code dim} ({@code tensor.log_softmax(dim)}). */
    public Tensor logSoftmax(int dim) { return Reductions.softmax(this, dim, true); }

    // ------------------------------------------------------------------ linear algebra

    /** Matrix product of 2-d tensors ({@code tensor.mm(other)}). */
    public Tensor mm(Tensor other) { return LinearAlgebra.mm(this, other); }

    /** Matrix product with PyTorch's 1-d, 2-d and batched broadcasting rules ({@code tensor @ other}). */
    public Tensor matmul(Tensor other) { return LinearAlgebra.matmul(this, other); }

    /** Inner product of 1-d tensors ({@code tensor.dot(other)}). */
    public Tensor dot(Tensor other) { return LinearAlgebra.dot(this, other); }

    /** Matrix-vector product ({@code tensor.mv(vec)}). */
    public Tensor mv(Tensor vec) { return LinearAlgebra.mv(this, vec); }

    /** Batched matrix product of 3-d tensors ({@code tensor.bmm(other)}). */
    public Tensor bmm(Tensor other) { return LinearAlgebra.bmm(this, other); }

    /** Transpose of a tensor with at most 2 dims ({@code tensor.t()}); a view. */
    public Tensor t() { return Shapes.t(this); }

    /** Swaps two dims ({@code tensor.transpose(d0, d1)}); a view. */
    public Tensor transpose(int dim0, int dim1) { return Shapes.transpose(this, dim0, dim1); }

    /** Reorders dims ({@code tensor.permute(dims)}); a view. */
    public Tensor permute(int... dims) { return Shapes.permute(this, dims); }

    // ------------------------------------------------------------------ shape

    /** Same data with another shape ({@code tensor.view(shape)}; one size may be -1); a view. */
    public Tensor view(long... shape) { return Shapes.view(this, shape); }

    /** Another shape, as a view when possible else a copy ({@code tensor.reshape(shape)}). */
    public Tensor reshape(long... shape) { return Shapes.reshape(this, shape); }

    /** All dims flattened into one ({@code tensor.flatten()}). */
    public Tensor flatten() { return Shapes.flatten(this, 0, -1); }

    /** Dims {@code start..end} flattened into one ({@code tensor.flatten(start, end)}). */
    public Tensor flatten(int startDim, int endDim) { return Shapes.flatten(this, startDim, endDim); }

    /** All size-1 dims removed ({@code tensor.squeeze()}); a view. */
    public Tensor squeeze() { return Shapes.squeeze(this); }

    /** Dim {@code dim} removed if it has size 1 ({@code tensor.squeeze(dim)}); a view. */
    public Tensor squeeze(int dim) { return Shapes.squeeze(this, dim); }

    /** A size-1 dim inserted at {@code dim} ({@code tensor.unsqueeze(dim)}); a view. */
    public Tensor unsqueeze(int dim) { return Shapes.unsqueeze(this, dim); }

    /** Size-1 dims repeated without copying ({@code tensor.expand(sizes)}; -1 keeps a size); a view. */
    public Tensor expand(long... sizes) { return Shapes.expand(this, sizes); }

    /** Expanded to {@code other}'s shape ({@code tensor.expand_as(other)}). */
    public Tensor expandAs(Tensor other) { return Shapes.expand(this, other.shape()); }

    /** The slice at {@code index} along {@code dim}, dropping the dim ({@code tensor.select(dim, index)}); a view. */
    public Tensor select(int dim, long index) { return Shapes.select(this, dim, index); }

    /** Elements {@code start..start+length-1} along {@code dim} ({@code tensor.narrow(dim, start, length)}); a view. */
    public Tensor narrow(int dim, long start, long length) { return Shapes.narrow(this, dim, start, length); }

    /** Slices along {@code dim} picked by the int64 {@code index} ({@code tensor.index_select(dim, index)}). */
    public Tensor indexSelect(int dim, Tensor index) { return Indexing.indexSelect(this, dim, index); }

    /** Values picked along {@code dim} by {@code index} ({@code tensor.gather(dim, index)}). */
    public Tensor gather(int dim, Tensor index) { return Indexing.gather(this, dim, index); }

    // ------------------------------------------------------------------ in place

    /** {@code this += other} in place ({@code tensor.add_(other)}). Returns this. */
    public Tensor add_(Tensor other) { return InPlace.apply(this, other, Pointwise::add); }

    /** {@code this += other} in place. */
    public Tensor add_(double other) { return InPlace.apply(this, wrappedScalar(other), Pointwise::add); }

    /** {@code this -= other} in place ({@code tensor.sub_(other)}). */
    public Tensor sub_(Tensor other) { return InPlace.apply(this, other, Pointwise::sub); }

    /** {@code this -= other} in place. */
    public Tensor sub_(double other) { return InPlace.apply(this, wrappedScalar(other), Pointwise::sub); }

    /** {@code this *= other} in place ({@code tensor.mul_(other)}). */
    public Tensor mul_(Tensor other) { return InPlace.apply(this, other, Pointwise::mul); }

    /** {@code this *= other} in place. */
    public Tensor mul_(double other) { return InPlace.apply(this, wrappedScalar(other), Pointwise::mul); }

    /** {@code this /= other} in place ({@code tensor.div_(other)}). */
    public Tensor div_(Tensor other) { return InPlace.apply(this, other, Pointwise::div); }

    /** {@code this /= other} in place. */
    public Tensor div_(double other) { return InPlace.apply(this, wrappedScalar(other), Pointwise::div); }

    /** Copies {@code src} (broadcast, converted) into this tensor ({@code tensor.copy_(src)}). */
    public Tensor copy_(Tensor src) { return InPlace.copy(this, src); }

    /** Sets every element to 0 ({@code tensor.zero_()}). */
    public Tensor zero_() { return InPlace.fill(this, 0); }

    /** Sets every element to {@code value} ({@code tensor.fill_(value)}). */
    public Tensor fill_(double value) { return InPlace.fill(this, value); }

    // ---- random in place (org.autograd4j.ops.RandomOps): PyTorch's exact numbers and fill order; a null
    // generator means the default one. Like other in-place ops they refuse a leaf that requires grad while
    // grad mode is on (use Torch.noGrad(), as torch.nn.init does).

    /** Fills with uniform samples in [0, 1) ({@code tensor.uniform_()}). */
    public Tensor uniform_() { return RandomOps.uniform_(this, 0, 1, null); }

    /** Fills with uniform samples in [from, to) ({@code tensor.uniform_(from, to)}). */
    public Tensor uniform_(double from, double to) { return RandomOps.uniform_(this, from, to, null); }

    /** {@code tensor.uniform_(from, to, generator=generator)}. */
    public Tensor uniform_(double from, double to, org.autograd4j.random.Generator generator) {
        return RandomOps.uniform_(this, from, to, generator);
    }

    /** Fills with standard normal samples ({@code tensor.normal_()}). */
    public Tensor normal_() { return RandomOps.normal_(this, 0, 1, null); }

    /** Fills with normal samples ({@code tensor.normal_(mean, std)}). */
    public Tensor normal_(double mean, double std) { return RandomOps.normal_(this, mean, std, null); }

    /** {@code tensor.normal_(mean, std, generator=generator)}. */
    public Tensor normal_(double mean, double std, org.autograd4j.random.Generator generator) {
        return RandomOps.normal_(this, mean, std, generator);
    }

    /** Fills with 1 (probability p) or 0 ({@code tensor.bernoulli_(p)}); any dtype. */
    public Tensor bernoulli_(double p) { return RandomOps.bernoulli_(this, p, null); }

    /** {@code tensor.bernoulli_(p, generator=generator)}. */
    public Tensor bernoulli_(double p, org.autograd4j.random.Generator generator) {
        return RandomOps.bernoulli_(this, p, generator);
    }

    /** Fills with 1 (probability p[i], p broadcast to this shape) or 0 ({@code tensor.bernoulli_(p)}). */
    public Tensor bernoulli_(Tensor p) { return RandomOps.bernoulli_(this, p, null); }

    /** {@code tensor.bernoulli_(p, generator=generator)} with a tensor of probabilities. */
    public Tensor bernoulli_(Tensor p, org.autograd4j.random.Generator generator) {
        return RandomOps.bernoulli_(this, p, generator);
    }

    /** Fills with exponential samples of rate 1 ({@code tensor.exponential_()}). */
    public Tensor exponential_() { return RandomOps.exponential_(this, 1, null); }

    /** Fills with exponential samples of rate {@code lambd} ({@code tensor.exponential_(lambd)}). */
    public Tensor exponential_(double lambd) { return RandomOps.exponential_(this, lambd, null); }

    /** {@code tensor.exponential_(lambd, generator=generator)}. */
    public Tensor exponential_(double lambd, org.autograd4j.random.Generator generator) {
        return RandomOps.exponential_(this, lambd, generator);
    }

    /** Fills with log-normal samples, exp of N(1, 2²) ({@code tensor.log_normal_()}). */
    public Tensor logNormal_() { return RandomOps.logNormal_(this, 1, 2, null); }

    /** Fills with exp of N(mean, std²) samples ({@code tensor.log_normal_(mean, std)}); std &gt; 0. */
    public Tensor logNormal_(double mean, double std) { return RandomOps.logNormal_(this, mean, std, null); }

    /** {@code tensor.log_normal_(mean, std, generator=generator)}. */
    public Tensor logNormal_(double mean, double std, org.autograd4j.random.Generator generator) {
        return RandomOps.logNormal_(this, mean, std, generator);
    }

    /**
     * Fills with geometric samples, the number of Bernoulli(p) trials up to the first success
     * ({@code tensor.geometric_(p)}); p in (0, 1); float32, float64 or int64.
     */
    public Tensor geometric_(double p) { return RandomOps.geometric_(this, p, null); }

    /** {@code tensor.geometric_(p, generator=generator)}. */
    public Tensor geometric_(double p, org.autograd4j.random.Generator generator) {
        return RandomOps.geometric_(this, p, generator);
    }

    /** Fills with standard Cauchy samples ({@code tensor.cauchy_()}: median 0, sigma 1). */
    public Tensor cauchy_() { return RandomOps.cauchy_(this, 0, 1, null); }

    /** Fills with Cauchy samples ({@code tensor.cauchy_(median, sigma)}). */
    public Tensor cauchy_(double median, double sigma) { return RandomOps.cauchy_(this, median, sigma, null); }

    /** {@code tensor.cauchy_(median, sigma, generator=generator)}. */
    public Tensor cauchy_(double median, double sigma, org.autograd4j.random.Generator generator) {
        return RandomOps.cauchy_(this, median, sigma, generator);
    }

    /** Fills with integers in [from, to) ({@code tensor.random_(from, to)}); any dtype. */
    public Tensor random_(long from, long to) { return RandomOps.random_(this, from, to, null); }

    /** {@code tensor.random_(from, to, generator=generator)}. */
    public Tensor random_(long from, long to, org.autograd4j.random.Generator generator) {
        return RandomOps.random_(this, from, to, generator);
    }

    /** Fills with integers in [0, to) ({@code tensor.random_(to)}). */
    public Tensor random_(long to) { return RandomOps.random_(this, to, null); }

    /**
     * Fills with integers over the dtype's exactly representable range ({@code tensor.random_()}): [0, 2⁶³)
     * for int64, [0, 2²⁴] for float32, [0, 2⁵³] for float64, {false, true} for bool.
     */
    public Tensor random_() { return RandomOps.random_(this, null); }

    // ------------------------------------------------------------------ printing

    /** Exactly PyTorch's {@code repr(tensor)}. */
    @Override
    public String toString() {
        final Storage s = storage;
        final Layout l = layout;
        Elements e = new Elements() {
            @Override public double getDouble(long i) { return s.getDouble(l.indexOf((int) i)); }
            @Override public long getLong(long i) { return s.getLong(l.indexOf((int) i)); }
            @Override public boolean getBool(long i) { return s.getLong(l.indexOf((int) i)) != 0; }
        };
        return TensorFormatter.repr(shape(), dtype(), e, gradFn() == null ? null : gradFn().name(), requiresGrad());
    }
}
