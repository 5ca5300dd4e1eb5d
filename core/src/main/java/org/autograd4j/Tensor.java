package org.autograd4j;

import java.util.List;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.format.Elements;
import org.autograd4j.format.TensorFormatter;
import org.autograd4j.ops.Binary;
import org.autograd4j.ops.Creation;
import org.autograd4j.ops.Graph;
import org.autograd4j.ops.Indexing;
import org.autograd4j.ops.InPlace;
import org.autograd4j.ops.LinearAlgebra;
import org.autograd4j.ops.Pointwise;
import org.autograd4j.ops.RandomOps;
import org.autograd4j.ops.Rearrange;
import org.autograd4j.ops.Reduction;
import org.autograd4j.ops.Reductions;
import org.autograd4j.ops.Shapes;
import org.autograd4j.ops.Sorting;
import org.autograd4j.ops.Subscripts;
import org.autograd4j.ops.Unary;
import org.autograd4j.random.Generator;
import org.autograd4j.storage.Sizes;

/**
 * A strided n-dimensional array with reverse-mode autograd, PyTorch's {@code torch.Tensor}.
 *
 * <p>A tensor is a shape, strides and offset over a flat storage; views share the storage and copy nothing.
 * Operations mirror PyTorch's in camelCase; in-place ones end in {@code _}. When grad mode is on and an
 * input {@link #requiresGrad()}, the result records a {@link #gradFn()} node so that {@link #backward()}
 * can compute gradients. {@link #toString()} prints exactly what PyTorch prints. A Java {@code double}
 * operand acts as a Python float (it does not promote a float32 tensor), a {@code long} as a Python int.
 *
 * <p>Errors are unchecked exceptions whose message is PyTorch's, thrown before anything is modified.
 */
public final class Tensor {
    private final TensorImpl impl;

    private Tensor(TensorImpl impl) {
        this.impl = impl;
    }

    /**
     * The API object of {@code impl}: made once and cached in it, so the same tensor is always the same object.
     * Unsynchronised on purpose (this is every op's hot path): two threads wrapping one new tensor at the same
     * moment may each get a wrapper, which behave alike; one of them is kept.
     */
    static Tensor of(TensorImpl impl) {
        // kept under 35 bytecodes so that C1, which compiles first, inlines it into every op method
        if (impl == null) return null;
        Object f = impl.facade;
        return f != null ? (Tensor) f : wrap(impl);
    }

    private static Tensor wrap(TensorImpl impl) {
        Tensor t = new Tensor(impl);
        impl.facade = t;
        return t;
    }

    /** The library's tensor behind this API object. */
    TensorImpl impl() {
        return impl;
    }

    static {
        // the toolbox (org.autograd4j.autograd) reaches TensorImpl through this, not through a public method
        org.autograd4j.engine.Facade.register(new org.autograd4j.engine.Facade.Access() {
            @Override public TensorImpl impl(Object tensor) { return ((Tensor) tensor).impl; }
            @Override public Object wrap(TensorImpl t) { return of(t); }
        });
        // an out= argument resized from a non-empty shape warns as PyTorch's resize_output does
        org.autograd4j.ops.Out.setWarnings(PyWarnings::warn);
    }

    static TensorImpl[] impls(List<Tensor> ts) {
        TensorImpl[] r = new TensorImpl[ts.size()];
        for (int i = 0; i < r.length; i++) r[i] = ts.get(i).impl;
        return r;
    }

    private static TensorImpl s(double v) {
        return TensorImpl.scalar(v);
    }

    private static TensorImpl s(long v) {
        return TensorImpl.scalar(v);
    }

    // ------------------------------------------------------------------ properties

    /**
     * The sizes of the dimensions as PyTorch's {@code torch.Size} ({@code tensor.size()}, {@code tensor.shape}):
     * a {@code List<Long>} that prints {@code torch.Size([2, 3])}. {@link #shape()} gives them as a {@code long[]}.
     *
     * @return the sizes
     */
    public Size size() {
        return Size.of(shape());
    }

    /**
     * Number of dimensions, {@code tensor.ndim} (the same as {@link #dim()}).
     *
     * @return the number of dimensions
     */
    public int ndim() {
        return impl.dim();
    }

    /**
     * Bytes per element, {@code tensor.element_size()}: 4 for float32, 8 for float64 and int64, 1 for bool.
     *
     * @return the element size in bytes
     */
    public int elementSize() {
        return dtype().itemSize();
    }

    /**
     * The dimensions reversed, {@code tensor.T}: the transpose of a matrix, the tensor itself viewed for 0-d and
     * 1-d ({@code PermuteBackward0}). As PyTorch 1.13, a tensor of neither 0 nor 2 dimensions prints a
     * deprecation {@code UserWarning} once per run.
     *
     * @return a view with the dimensions in reverse order
     */
    public Tensor T() {
        int n = dim();
        if (n != 2 && n != 0) {
            PyWarnings.warnOnce(PyWarnings.T_NOT_2D);
        }
        int[] dims = new int[n];
        for (int i = 0; i < n; i++) dims[i] = n - 1 - i;
        return permute(dims);
    }

    /**
     * The last two dimensions swapped, {@code tensor.mT}: the transpose of each matrix of a batch
     * ({@code transpose(-2, -1)}). A 0-d tensor is returned as it is, as PyTorch 1.13 does.
     *
     * @return a view with the last two dimensions swapped
     * @throws IllegalArgumentException for a 1-d tensor
     */
    public Tensor mT() {
        if (dim() == 1) {
            throw new IllegalArgumentException("tensor.mT is only supported on matrices or batches of matrices. Got 1-D tensor.");
        }
        return dim() == 0 ? this : transpose(-2, -1);
    }

    /**
     * PyTorch's {@code tensor.data}: the same storage and layout, cut from the graph ({@code requires_grad} false,
     * a leaf), with a version counter of its own, so in-place writes through it are invisible to autograd's
     * checks (unlike {@link #detach()}, which shares the counter; PyTorch 1.13 behaves the same).
     *
     * @return an alias of this tensor's data
     */
    public Tensor data() {
        return of(impl.alias());
    }

    /**
     * The sizes of each dimension ({@code tensor.shape}); a fresh array.
     *
     * @return the sizes, a fresh array
     */
    public long[] shape() {
        return Sizes.toLongs(impl.shape());
    }

    /**
     * Size of dimension {@code dim} (negative counts from the end), as {@code tensor.size(dim)}.
     *
     * @param dim the dimension (negative counts from the end)
     * @return the size
     */
    public long size(int dim) {
        return impl.layout().size(org.autograd4j.ops.Ops.wrapDim(dim, dim()));
    }

    /**
     * Strides in elements, as {@code tensor.stride()}.
     *
     * @return the strides, a fresh array
     */
    public long[] stride() {
        return Sizes.toLongs(impl.layout().strides());
    }

    /**
     * Offset of the first element in the storage, as {@code tensor.storage_offset()}.
     *
     * @return the offset
     */
    public long storageOffset() {
        return impl.layout().offset();
    }

    /**
     * Number of dimensions, as {@code tensor.dim()}.
     *
     * @return the number of dimensions
     */
    public int dim() {
        return impl.dim();
    }

    /**
     * Number of elements, as {@code tensor.numel()}.
     *
     * @return the number of elements
     */
    public long numel() {
        return impl.numel();
    }

    /**
     * Element type, as {@code tensor.dtype}.
     *
     * @return the dtype
     */
    public DType dtype() {
        return impl.dtype();
    }

    /**
     * True when elements are laid out row-major without gaps, as {@code tensor.is_contiguous()}.
     *
     * @return whether the layout is row-major without gaps
     */
    public boolean isContiguous() {
        return impl.layout().isContiguous();
    }

    /**
     * True for floating dtypes, as {@code tensor.is_floating_point()}.
     *
     * @return whether the dtype is floating
     */
    public boolean isFloatingPoint() {
        return dtype().isFloatingPoint();
    }

    /**
     * The tensor this one is a view of, or null ({@code tensor._base}).
     *
     * @return the base tensor, or null
     */
    public Tensor base() {
        return of(impl.base());
    }

    /**
     * The version counter, bumped by every in-place modification ({@code tensor._version}).
     *
     * @return the version
     */
    public int version() {
        if (impl.isInference()) throw new IllegalStateException("Inference tensors do not track version counter.");
        return impl.version();
    }

    // ------------------------------------------------------------------ autograd

    /**
     * Whether gradients are recorded for this tensor ({@code tensor.requires_grad}).
     *
     * @return whether gradients are recorded for this tensor
     */
    public boolean requiresGrad() {
        return impl.requiresGrad();
    }

    /**
     * Marks this leaf as requiring grad, as {@code tensor.requires_grad_()}. Returns this.
     *
     * @return this tensor, modified in place
     */
    public Tensor requiresGrad_() {
        return requiresGrad_(true);
    }

    /**
     * Sets whether this leaf requires grad, as {@code tensor.requires_grad_(flag)}. Only floating tensors can
     * require grad; a non-leaf can only be set to true.
     *
     * @param flag the new value of the flag
     * @return this tensor, modified in place
     */
    public Tensor requiresGrad_(boolean flag) {
        if (flag && !dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("only Tensors of floating point dtype can require gradients");
        }
        if (flag && impl.isInference() && !Torch.isInferenceModeEnabled()) {
            throw new IllegalStateException("Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.");
        }
        if (!isLeaf() && !flag) {
            throw new IllegalStateException("you can only change requires_grad flags of leaf variables. If you want to use a "
                    + "computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
        }
        impl.setRequiresGrad(flag);
        return this;
    }

    /**
     * True for tensors not produced by a recorded op ({@code tensor.is_leaf}).
     *
     * @return whether this tensor is a leaf
     */
    public boolean isLeaf() {
        return impl.isLeaf();
    }

    /**
     * The accumulated gradient of a leaf ({@code tensor.grad}), null until a backward pass reaches it. Read on
     * a non-leaf, it prints PyTorch's {@code UserWarning} (once per call site; see {@link Torch#setWarnings}).
     *
     * @return the gradient, or null
     */
    public Tensor grad() {
        if (impl.grad() == null && !impl.isLeaf() && impl.retainGradHook() == null) PyWarnings.warn(PyWarnings.NON_LEAF_GRAD);
        return of(impl.grad());
    }

    /**
     * Replaces {@code .grad} ({@code tensor.grad = g}); null clears it. The shape and dtype must match.
     *
     * @param g the new gradient, or null
     */
    public void setGrad(Tensor g) {
        if (g != null && !java.util.Arrays.equals(g.impl.shape(), impl.shape())) {
            throw new IllegalArgumentException("assigned grad has data of a different size");
        }
        if (g != null && g.dtype() != dtype()) {
            throw new IllegalArgumentException("assigned grad has data of a different type");
        }
        impl.setGrad(g == null ? null : g.impl);
    }

    /**
     * The backward node that produced this tensor ({@code tensor.grad_fn}), null for leaves. For a view whose
     * storage was written in place since, it is the regenerated {@code AsStridedBackward0}, as PyTorch's.
     *
     * @return the node, or null for a leaf
     */
    public Node gradFn() {
        return Node.of(Graph.history(impl));
    }

    /**
     * Which output of its {@link #gradFn()} this tensor is ({@code tensor.output_nr}).
     *
     * @return the output number
     */
    public int outputNr() {
        Graph.history(impl);
        return impl.outputNr();
    }

    /** Backpropagates from this one-element tensor, as {@code tensor.backward()}. */
    public void backward() {
        backward(null, false);
    }

    /**
     * Backpropagates {@code gradient} (the gradient of some scalar w.r.t. this tensor), as {@code backward(gradient)}.
     *
     * @param gradient the gradient of the output (null for a one-element tensor: 1)
     */
    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /**
     * Backpropagates, keeping the graph's saved tensors when {@code retainGraph}, as
     * {@code backward(gradient, retain_graph)}. {@code gradient} may be null for one-element tensors.
     *
     * @param gradient the gradient of the output (null for a one-element tensor: 1)
     * @param retainGraph whether to keep the graph for another backward pass
     */
    public void backward(Tensor gradient, boolean retainGraph) {
        backward(gradient, retainGraph, false);
    }

    /**
     * Backpropagates with full control, as {@code backward(gradient, retain_graph, create_graph)}: with
     * {@code createGraph} the gradients themselves get a graph (for higher-order derivatives).
     *
     * @param gradient the gradient of the output (null for a one-element tensor: 1)
     * @param retainGraph whether to keep the graph for another backward pass
     * @param createGraph whether the gradients get a graph of their own (higher-order derivatives)
     */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        Autograd.backward(this, gradient, retainGraph || createGraph, createGraph);
    }

    /**
     * {@code backward(gradient, retain_graph, create_graph, inputs)}: with {@code inputs} (not empty), only those
     * tensors accumulate into {@code .grad}, leaves or not (a non-leaf input then retains its gradient, as in
     * PyTorch 1.13); null means every leaf.
     *
     * @param gradient the gradient of the output (null for a one-element tensor: 1)
     * @param retainGraph whether to keep the graph for another backward pass
     * @param createGraph whether the gradients get a graph of their own (higher-order derivatives)
     * @param inputs the tensors whose {@code .grad} is filled, or null
     */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph, List<Tensor> inputs) {
        Autograd.backward(this, gradient, retainGraph, createGraph, inputs);
    }

    /**
     * Makes this non-leaf keep its gradient in {@link #grad()} during backward passes ({@code tensor.retain_grad()});
     * nothing for a leaf. As in PyTorch 1.13 it acts as one more hook of the tensor's node, registered at the first
     * call: the tensor hooks registered before it have already changed the gradient it keeps.
     */
    public void retainGrad() {
        Autograd.retainGrad(impl);
    }

    /**
     * Whether this non-leaf keeps its gradient ({@code tensor.retains_grad}); false for leaves.
     *
     * @return whether {@link #retainGrad()} was called on this non-leaf
     */
    public boolean retainsGrad() {
        return !isLeaf() && impl.retainGradHook() != null;
    }

    /**
     * Registers a gradient hook ({@code tensor.register_hook(hook)}): each backward pass calls it with the gradient
     * of this tensor; a returned tensor replaces the gradient (same size and dtype, else PyTorch's "hook 'hook' has
     * changed the size of value"), null keeps it. A tensor's hooks run in registration order, each on the previous
     * one's result; on a leaf they run on the summed gradient before it is accumulated into {@code .grad}.
     *
     * @param hook the hook
     * @return a handle whose {@code remove()} unregisters it
     */
    public RemovableHandle registerHook(java.util.function.UnaryOperator<Tensor> hook) {
        return Autograd.registerHook(impl, hook);
    }

    /**
     * Whether this is an inference tensor, made under {@link Torch#inferenceMode()} ({@code tensor.is_inference()}).
     * Outside inference mode it cannot be saved for backward or modified in place.
     *
     * @return whether this is an inference tensor
     */
    public boolean isInference() {
        return impl.isInference();
    }

    /**
     * A tensor sharing this one's data and version counter but cut from the graph ({@code tensor.detach()}).
     * As in PyTorch it is not a view ({@code _base} is None), so in-place ops on it are allowed.
     *
     * @return a tensor sharing this one's data, with no history
     */
    public Tensor detach() {
        return of(impl.detach());
    }

    // ------------------------------------------------------------------ conversion

    /**
     * The elements as nested Java lists, {@code tensor.tolist()}: {@code Double} for float tensors (a float32
     * element as the double it widens to, as Python's float), {@code Long} for int64, {@code Boolean} for bool;
     * a 0-d tensor gives the number itself.
     *
     * @return a nested {@code List} (or one {@code Double}/{@code Long}/{@code Boolean} for a 0-d tensor)
     */
    public Object tolist() {
        long[] sh = shape();
        DType d = dtype();
        Object flat = switch (d) {
            case FLOAT32, FLOAT64 -> toDoubleArray();
            case INT64 -> toLongArray();
            case BOOL -> toBooleanArray();
        };
        int[] pos = {0};
        return nest(flat, sh, 0, pos);
    }

    private static Object nest(Object flat, long[] sh, int k, int[] pos) {
        if (k == sh.length) {
            int i = pos[0]++;
            return switch (flat) {
                case double[] a -> (Object) a[i];
                case long[] a -> (Object) a[i];
                case boolean[] a -> (Object) a[i];
                default -> throw new IllegalStateException();
            };
        }
        java.util.ArrayList<Object> l = new java.util.ArrayList<>((int) sh[k]);
        for (long j = 0; j < sh[k]; j++) l.add(nest(flat, sh, k + 1, pos));
        return l;
    }

    /**
     * Element-wise closeness to {@code other}, {@code tensor.isclose(other)}: {@link Torch#isclose(Tensor, Tensor)}.
     *
     * @param other the tensor compared with (broadcast; the same dtype)
     * @return a bool tensor
     */
    public Tensor isclose(Tensor other) {
        return Torch.isclose(this, other);
    }

    /**
     * Whether every element is close to {@code other}'s, {@code tensor.allclose(other)}: {@link Torch#allclose(Tensor, Tensor)}.
     *
     * @param other the tensor compared with (broadcast; the same dtype)
     * @return whether all elements are close
     */
    public boolean allclose(Tensor other) {
        return Torch.allclose(this, other);
    }

    /**
     * Whether {@code other} has the same sizes and elements, {@code tensor.equal(other)}: {@link Torch#equal(Tensor, Tensor)}.
     * (Java's {@link Object#equals} stays identity, as Python's {@code ==} on tensors is element-wise.)
     *
     * @param other the tensor compared with
     * @return whether sizes and elements agree
     */
    public boolean equal(Tensor other) {
        return Torch.equal(this, other);
    }

    /**
     * This tensor as float32, {@code tensor.float()} ({@code float} is a Java keyword).
     *
     * @return the converted tensor (this one if already float32)
     */
    public Tensor toFloat() {
        return to(DType.FLOAT32);
    }

    /**
     * This tensor as float64, {@code tensor.double()}.
     *
     * @return the converted tensor (this one if already float64)
     */
    public Tensor toDouble() {
        return to(DType.FLOAT64);
    }

    /**
     * This tensor as int64, {@code tensor.long()} (floats truncate toward zero).
     *
     * @return the converted tensor (this one if already int64)
     */
    public Tensor toLong() {
        return to(DType.INT64);
    }

    /**
     * This tensor as bool, {@code tensor.bool()} (non-zero is true).
     *
     * @return the converted tensor (this one if already bool)
     */
    public Tensor toBool() {
        return to(DType.BOOL);
    }

    /**
     * This tensor converted to {@code other}'s dtype, {@code tensor.type_as(other)}.
     *
     * @param other the tensor whose dtype is used
     * @return the converted tensor (this one if the dtypes agree)
     */
    public Tensor typeAs(Tensor other) {
        return to(other.dtype());
    }

    /**
     * Zeros of {@code shape} with this tensor's dtype, {@code tensor.new_zeros(size)}.
     *
     * @param shape the sizes of the dimensions
     * @return a new tensor
     */
    public Tensor newZeros(long... shape) {
        return newFull(shape, 0);
    }

    /**
     * Ones of {@code shape} with this tensor's dtype, {@code tensor.new_ones(size)}.
     *
     * @param shape the sizes of the dimensions
     * @return a new tensor
     */
    public Tensor newOnes(long... shape) {
        return newFull(shape, 1);
    }

    /**
     * {@code value} everywhere in {@code shape}, with this tensor's dtype, {@code tensor.new_full(size, value)}.
     *
     * @param shape the sizes of the dimensions
     * @param value the value of every element (converted to the dtype: 2.5 gives 2 for int64)
     * @return a new tensor
     */
    public Tensor newFull(long[] shape, double value) {
        return Torch.full(shape, value, dtype());
    }

    /**
     * Uninitialised values of {@code shape} with this tensor's dtype, {@code tensor.new_empty(size)}; here
     * zero-filled, since Java memory is never uninitialised.
     *
     * @param shape the sizes of the dimensions
     * @return a new tensor
     */
    public Tensor newEmpty(long... shape) {
        return newFull(shape, 0);
    }

    /**
     * A 1-d tensor of {@code values} with this tensor's dtype, {@code tensor.new_tensor([...])} (PyTorch gives
     * the new tensor self's dtype whatever the Python values are).
     *
     * @param values the values
     * @return a new tensor, not requiring grad
     */
    public Tensor newTensor(double... values) {
        return of(Creation.fromDoubles(values, new int[] {values.length}, dtype()));
    }

    /**
     * The value of a one-element tensor as a double ({@code tensor.item()}).
     *
     * @return the value
     */
    public double item() {
        checkOneElement();
        return impl.storage().getDouble(impl.layout().offset());
    }

    /**
     * The value of a one-element integer or bool tensor as a long.
     *
     * @return the value
     */
    public long itemLong() {
        checkOneElement();
        return impl.storage().getLong(impl.layout().offset());
    }

    private void checkOneElement() {
        if (impl.numel() != 1) throw notOneElement();
    }

    private IllegalStateException notOneElement() {
        return new IllegalStateException("only one element tensors can be converted to Python scalars");
    }

    /**
     * All elements in row-major order, converted to float.
     *
     * @return the elements in row-major order, a fresh array
     */
    public float[] toFloatArray() {
        return Creation.toFloatArray(impl);
    }

    /**
     * All elements in row-major order, converted to double.
     *
     * @return the elements in row-major order, a fresh array
     */
    public double[] toDoubleArray() {
        return Creation.toDoubleArray(impl);
    }

    /**
     * All elements in row-major order, converted to long (floats truncate toward zero).
     *
     * @return the values
     */
    public long[] toLongArray() {
        return Creation.toLongArray(impl);
    }

    /**
     * All elements in row-major order as booleans (non-zero is true).
     *
     * @return the elements in row-major order, a fresh array
     */
    public boolean[] toBooleanArray() {
        return Creation.toBooleanArray(impl);
    }

    /**
     * This tensor converted to {@code dtype} ({@code tensor.to(dtype)}); itself when already of that dtype.
     *
     * @param dtype the element type
     * @return the converted tensor (this one if it already has the dtype)
     */
    public Tensor to(DType dtype) {
        return of(Pointwise.to(impl, dtype));
    }

    /**
     * A copy with its own storage ({@code tensor.clone()}); differentiable.
     *
     * @return a new tensor
     */
    @Override
    public Tensor clone() {
        return of(Shapes.clone(impl));
    }

    /**
     * This tensor if contiguous, else a contiguous copy ({@code tensor.contiguous()}).
     *
     * @return this tensor if contiguous, else a contiguous copy
     */
    public Tensor contiguous() {
        return isContiguous() ? this : clone();
    }

    // ------------------------------------------------------------------ binary pointwise

    /**
     * {@code this + other} with broadcasting and type promotion ({@code torch.add}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor add(Tensor other) { return of(Binary.ADD.apply(impl, other.impl)); }

    /**
     * {@code this + other}; a Java double acts as a Python float (does not promote float32).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor add(double other) { return of(Binary.ADD.apply(impl, s(other))); }

    /**
     * {@code this + other}; a Java long acts as a Python int (keeps int64).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor add(long other) { return of(Binary.ADD.apply(impl, s(other))); }

    /**
     * {@code this - other} ({@code torch.sub}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor sub(Tensor other) { return of(Binary.SUB.apply(impl, other.impl)); }

    /**
     * {@code this - other}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor sub(double other) { return of(Binary.SUB.apply(impl, s(other))); }

    /**
     * {@code this - other}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor sub(long other) { return of(Binary.SUB.apply(impl, s(other))); }

    /**
     * {@code this + alpha·other} ({@code torch.add(self, other, alpha=alpha)} with a Python-float alpha), rounded
     * once as PyTorch's kernel ({@code fma(other, alpha, this)}); alpha is rounded to this dtype first.
     *
     * @param other the other operand, broadcast with this tensor
     * @param alpha the factor of other
     * @return a new tensor
     * @throws IllegalArgumentException for an integral or bool result ({@code For integral input tensors, argument alpha
     *     must not be a floating point number.})
     */
    public Tensor add(Tensor other, double alpha) { return of(Pointwise.addAlpha(impl, other.impl, alpha, true)); }

    /**
     * {@code this + alpha·other} with a Python-int alpha ({@code torch.add(self, other, alpha=alpha)}).
     *
     * @param other the other operand, broadcast with this tensor
     * @param alpha the factor of other
     * @return a new tensor
     */
    public Tensor add(Tensor other, long alpha) { return of(Pointwise.addAlpha(impl, other.impl, alpha, false)); }

    /**
     * {@code this − alpha·other} ({@code torch.sub(self, other, alpha=alpha)}, a Python-float alpha): PyTorch's
     * add kernel with −alpha, one rounding.
     *
     * @param other the other operand, broadcast with this tensor
     * @param alpha the factor of other
     * @return a new tensor
     * @throws IllegalArgumentException for an integral result, or bool operands (PyTorch's messages)
     */
    public Tensor sub(Tensor other, double alpha) { return of(Pointwise.subAlpha(impl, other.impl, alpha, true)); }

    /**
     * {@code this − alpha·other} with a Python-int alpha ({@code torch.sub(self, other, alpha=alpha)}).
     *
     * @param other the other operand, broadcast with this tensor
     * @param alpha the factor of other
     * @return a new tensor
     */
    public Tensor sub(Tensor other, long alpha) { return of(Pointwise.subAlpha(impl, other.impl, alpha, false)); }

    /**
     * {@code this + value·t1·t2} ({@code torch.addcmul(self, t1, t2, value=value)}), with broadcasting and type
     * promotion over all three, computed as PyTorch's kernel: {@code fma(value·t1, t2, this)}.
     *
     * @param t1 the first factor
     * @param t2 the second factor
     * @param value the scale, converted to the result dtype (truncated for int64)
     * @return a new tensor
     */
    public Tensor addcmul(Tensor t1, Tensor t2, double value) { return of(Pointwise.addcmul(impl, t1.impl, t2.impl, value)); }

    /**
     * {@code this + t1·t2} ({@code torch.addcmul(self, t1, t2)}).
     *
     * @param t1 the first factor
     * @param t2 the second factor
     * @return a new tensor
     */
    public Tensor addcmul(Tensor t1, Tensor t2) { return of(Pointwise.addcmul(impl, t1.impl, t2.impl, 1)); }

    /**
     * {@code this + value·t1/t2} ({@code torch.addcdiv(self, t1, t2, value=value)}), computed as PyTorch's kernel:
     * {@code this + (value·t1)/t2}.
     *
     * @param t1 the numerator
     * @param t2 the denominator
     * @param value the scale
     * @return a new tensor
     * @throws IllegalArgumentException when t1 and t2 are both integral (PyTorch's "Integer division with addcdiv is no
     *     longer supported, …")
     */
    public Tensor addcdiv(Tensor t1, Tensor t2, double value) { return of(Pointwise.addcdiv(impl, t1.impl, t2.impl, value)); }

    /**
     * {@code this + t1/t2} ({@code torch.addcdiv(self, t1, t2)}).
     *
     * @param t1 the numerator
     * @param t2 the denominator
     * @return a new tensor
     */
    public Tensor addcdiv(Tensor t1, Tensor t2) { return of(Pointwise.addcdiv(impl, t1.impl, t2.impl, 1)); }

    /**
     * {@code this * other} ({@code torch.mul}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor mul(Tensor other) { return of(Binary.MUL.apply(impl, other.impl)); }

    /**
     * {@code this * other}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor mul(double other) { return of(Binary.MUL.apply(impl, s(other))); }

    /**
     * {@code this * other}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor mul(long other) { return of(Binary.MUL.apply(impl, s(other))); }

    /**
     * {@code this / other}, true division: integers give float32 ({@code torch.div}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor div(Tensor other) { return of(Binary.DIV.apply(impl, other.impl)); }

    /**
     * {@code this / other}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor div(double other) { return of(Binary.DIV.apply(impl, s(other))); }

    /**
     * {@code this / other}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor div(long other) { return of(Binary.DIV.apply(impl, s(other))); }

    /**
     * {@code this / other} rounded as {@code roundingMode} says ({@code torch.div(a, b, rounding_mode=...)}): null is
     * true division, {@code "trunc"} rounds toward zero, {@code "floor"} toward -∞ (Python's {@code //}); the rounded
     * forms keep integer dtypes and have zero gradient.
     *
     * @param other        the other operand, broadcast with this tensor
     * @param roundingMode null, {@code "trunc"} or {@code "floor"}
     * @return a new tensor
     */
    public Tensor div(Tensor other, String roundingMode) { return of(Binary.divRounding(impl, other.impl, roundingMode)); }

    /**
     * {@code this / other} rounded as {@code roundingMode} says; see {@link #div(Tensor, String)}.
     *
     * @param other        the other operand
     * @param roundingMode null, {@code "trunc"} or {@code "floor"}
     * @return a new tensor
     */
    public Tensor div(double other, String roundingMode) { return of(Binary.divRounding(impl, s(other), roundingMode)); }

    /**
     * {@code other - this} ({@code torch.rsub(self, other)}, what Python's {@code 1 - x} calls).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor rsub(double other) { return of(Pointwise.rsub(impl, other)); }

    /**
     * {@code this ** exponent} ({@code torch.pow(self, exponent)} with a Python float).
     *
     * @param exponent the exponent
     * @return a new tensor
     */
    public Tensor pow(double exponent) { return of(Pointwise.pow(impl, exponent, true)); }

    /**
     * {@code this ** exponent} with an integer exponent (int64 tensors stay int64).
     *
     * @param exponent the exponent
     * @return a new tensor
     */
    public Tensor pow(long exponent) { return of(Pointwise.pow(impl, exponent, false)); }

    /**
     * {@code this ** exponent} elementwise, with broadcasting ({@code torch.pow(self, exponent)}).
     *
     * @param exponent the exponent
     * @return a new tensor
     */
    public Tensor pow(Tensor exponent) { return of(Binary.POW.apply(impl, exponent.impl)); }

    /**
     * {@code this * this} ({@code torch.square}; recorded as {@code PowBackward0}, as PyTorch).
     *
     * @return a new tensor
     */
    public Tensor square() { return of(Pointwise.pow(impl, 2.0, false)); }

    /**
     * Elementwise maximum, NaN-propagating ({@code torch.maximum}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor maximum(Tensor other) { return of(Binary.MAXIMUM.apply(impl, other.impl)); }

    /**
     * Elementwise minimum, NaN-propagating ({@code torch.minimum}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor minimum(Tensor other) { return of(Binary.MINIMUM.apply(impl, other.impl)); }

    /**
     * atan2(this, other), the angle of the point (other, this) ({@code torch.atan2}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor atan2(Tensor other) { return of(Binary.ATAN2.apply(impl, other.impl)); }

    /**
     * C's fmod: the remainder with the sign of this ({@code torch.fmod}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor fmod(Tensor other) { return of(Binary.FMOD.apply(impl, other.impl)); }

    /**
     * {@code torch.fmod(self, other)} with a Python-float divisor.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor fmod(double other) { return of(Binary.FMOD.apply(impl, s(other))); }

    /**
     * Python's mod: the remainder with the sign of other ({@code torch.remainder}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor remainder(Tensor other) { return of(Binary.REMAINDER.apply(impl, other.impl)); }

    /**
     * {@code torch.remainder(self, other)} with a Python-float divisor.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor remainder(double other) { return of(Binary.REMAINDER.apply(impl, s(other))); }

    /**
     * √(this² + other²) ({@code torch.hypot}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor hypot(Tensor other) { return of(Binary.HYPOT.apply(impl, other.impl)); }

    /**
     * ln(eᵗʰⁱˢ + eᵒᵗʰᵉʳ), computed without overflow ({@code torch.logaddexp}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor logaddexp(Tensor other) { return of(Binary.LOGADDEXP.apply(impl, other.impl)); }

    /**
     * this·ln(other), 0 where this is 0 ({@code torch.xlogy}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor xlogy(Tensor other) { return of(Binary.XLOGY.apply(impl, other.impl)); }

    /**
     * {@code torch.xlogy(self, other)} with a Python-float other.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor xlogy(double other) { return of(Binary.XLOGY.apply(impl, s(other))); }

    /**
     * this + weight·(end − this) ({@code torch.lerp(self, end, weight)} with a Python-float weight).
     *
     * @param end the end point
     * @param weight the interpolation weight
     * @return a new tensor
     */
    public Tensor lerp(Tensor end, double weight) { return of(Pointwise.lerp(impl, end.impl, s(weight))); }

    /**
     * this + weight·(end − this), elementwise weights ({@code torch.lerp(self, end, weight)}).
     *
     * @param end the end point
     * @param weight the interpolation weight
     * @return a new tensor
     */
    public Tensor lerp(Tensor end, Tensor weight) { return of(Pointwise.lerp(impl, end.impl, weight.impl)); }

    /**
     * {@code condition ? this : other} with broadcasting ({@code this.where(condition, other)}).
     *
     * @param condition the bool condition
     * @param other the values where the condition is false
     * @return a new tensor
     */
    public Tensor where(Tensor condition, Tensor other) { return of(Pointwise.where(condition.impl, impl, other.impl)); }

    /**
     * {@code this == other} → bool ({@code torch.eq}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor eq(Tensor other) { return of(Binary.EQ.apply(impl, other.impl)); }

    /**
     * {@code this == other} → bool.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor eq(double other) { return of(Binary.EQ.apply(impl, s(other))); }

    /**
     * {@code this != other} → bool ({@code torch.ne}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor ne(Tensor other) { return of(Binary.NE.apply(impl, other.impl)); }

    /**
     * {@code this != other} → bool.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor ne(double other) { return of(Binary.NE.apply(impl, s(other))); }

    /**
     * {@code this < other} → bool ({@code torch.lt}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor lt(Tensor other) { return of(Binary.LT.apply(impl, other.impl)); }

    /**
     * {@code this < other} → bool.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor lt(double other) { return of(Binary.LT.apply(impl, s(other))); }

    /**
     * {@code this <= other} → bool ({@code torch.le}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor le(Tensor other) { return of(Binary.LE.apply(impl, other.impl)); }

    /**
     * {@code this <= other} → bool.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor le(double other) { return of(Binary.LE.apply(impl, s(other))); }

    /**
     * {@code this > other} → bool ({@code torch.gt}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor gt(Tensor other) { return of(Binary.GT.apply(impl, other.impl)); }

    /**
     * {@code this > other} → bool.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor gt(double other) { return of(Binary.GT.apply(impl, s(other))); }

    /**
     * {@code this >= other} → bool ({@code torch.ge}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor ge(Tensor other) { return of(Binary.GE.apply(impl, other.impl)); }

    /**
     * {@code this >= other} → bool.
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor ge(double other) { return of(Binary.GE.apply(impl, s(other))); }

    /**
     * {@code this && other} elementwise → bool, nonzero being true ({@code torch.logical_and}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return a new tensor
     */
    public Tensor logicalAnd(Tensor other) { return of(Pointwise.logicalAnd(impl, other.impl)); }

    /**
     * {@code value} where mask is true ({@code tensor.masked_fill(mask, value)}).
     *
     * @param mask the bool mask, broadcast to this tensor
     * @param value the value written where the mask is true
     * @return a new tensor
     */
    public Tensor maskedFill(Tensor mask, double value) { return of(Pointwise.maskedFill(impl, mask.impl, value)); }

    // ------------------------------------------------------------------ unary pointwise (table: ops.Unary)

    /**
     * {@code min(max(x, min), max)} ({@code torch.clamp(self, min, max)}); NaN means no bound.
     *
     * @param min the lower bound (NaN: none)
     * @param max the upper bound (NaN: none)
     * @return a new tensor
     */
    public Tensor clamp(double min, double max) { return of(Pointwise.clamp(impl, min, max)); }

    /**
     * {@code max(x, min)} ({@code torch.clamp(self, min=min)}).
     *
     * @param min the lower bound (NaN: none)
     * @return a new tensor
     */
    public Tensor clampMin(double min) { return of(Pointwise.clamp(impl, min, Double.NaN)); }

    /**
     * {@code min(x, max)} ({@code torch.clamp(self, max=max)}).
     *
     * @param max the upper bound (NaN: none)
     * @return a new tensor
     */
    public Tensor clampMax(double max) { return of(Pointwise.clamp(impl, Double.NaN, max)); }

    /**
     * softplus with β and threshold: {@code ln(1+e^(βx))/β}, x where βx &gt; threshold ({@code F.softplus}).
     *
     * @param beta the scale β
     * @param threshold above this β·x the result is x
     * @return a new tensor
     */
    public Tensor softplus(double beta, double threshold) { return of(Unary.SOFTPLUS.apply(impl, beta, threshold)); }

    /**
     * x clamped to [min, max] ({@code F.hardtanh(x, min_val, max_val)}).
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return a new tensor
     */
    public Tensor hardtanh(double min, double max) { return of(Unary.HARDTANH.apply(impl, min, max)); }

    /**
     * In-place {@link #hardtanh(double, double)} ({@code F.hardtanh_}).
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return this tensor, modified in place
     */
    public Tensor hardtanh_(double min, double max) { return of(Unary.HARDTANH.apply_(impl, min, max)); }

    /**
     * x for x &gt; 0, else α(eˣ-1) ({@code F.elu(x, alpha)}).
     *
     * @param alpha the scale of the negative part
     * @return a new tensor
     */
    public Tensor elu(double alpha) { return of(Unary.ELU.apply(impl, alpha, 0)); }

    /**
     * In-place {@link #elu(double)} ({@code F.elu_}).
     *
     * @param alpha the scale of the negative part
     * @return this tensor, modified in place
     */
    public Tensor elu_(double alpha) { return of(Unary.ELU.apply_(impl, alpha, 0)); }

    /**
     * x for x &gt; 0, else slope·x ({@code F.leaky_relu(x, negative_slope)}).
     *
     * @param negativeSlope the slope for negative inputs
     * @return a new tensor
     */
    public Tensor leakyRelu(double negativeSlope) { return of(Unary.LEAKY_RELU.apply(impl, negativeSlope, 0)); }

    /**
     * In-place {@link #leakyRelu(double)} ({@code F.leaky_relu_}).
     *
     * @param negativeSlope the slope for negative inputs
     * @return this tensor, modified in place
     */
    public Tensor leakyRelu_(double negativeSlope) { return of(Unary.LEAKY_RELU.apply_(impl, negativeSlope, 0)); }

    /**
     * NaN → 0, +∞ → the dtype's largest finite value, -∞ → its smallest ({@code torch.nan_to_num(x)}).
     *
     * @return a new tensor
     */
    public Tensor nanToNum() { return of(Pointwise.nanToNum(impl, 0, null, null)); }

    /**
     * NaN → nan, +∞ → posinf, -∞ → neginf ({@code torch.nan_to_num(x, nan, posinf, neginf)}).
     *
     * @param nan the replacement for NaN
     * @param posinf the replacement for +∞
     * @param neginf the replacement for -∞
     * @return a new tensor
     */
    public Tensor nanToNum(double nan, double posinf, double neginf) { return of(Pointwise.nanToNum(impl, nan, posinf, neginf)); }

    /**
     * In-place {@link #nanToNum()} ({@code x.nan_to_num_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor nanToNum_() { return of(Pointwise.nanToNum_(impl, 0, null, null)); }

    /**
     * In-place {@link #nanToNum(double, double, double)}.
     *
     * @param nan the replacement for NaN
     * @param posinf the replacement for +∞
     * @param neginf the replacement for -∞
     * @return this tensor, modified in place
     */
    public Tensor nanToNum_(double nan, double posinf, double neginf) { return of(Pointwise.nanToNum_(impl, nan, posinf, neginf)); }

    /**
     * {@code -x}, elementwise ({@code torch.neg(x)}).
     *
     * @return a new tensor
     */
    public Tensor neg() { return of(Unary.NEG.apply(impl)); }

    /**
     * In-place {@link #neg()} ({@code x.neg_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor neg_() { return of(Unary.NEG.apply_(impl)); }

    /**
     * eˣ, elementwise ({@code torch.exp(x)}).
     *
     * @return a new tensor
     */
    public Tensor exp() { return of(Unary.EXP.apply(impl)); }

    /**
     * In-place {@link #exp()} ({@code x.exp_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor exp_() { return of(Unary.EXP.apply_(impl)); }

    /**
     * ln x, elementwise ({@code torch.log(x)}).
     *
     * @return a new tensor
     */
    public Tensor log() { return of(Unary.LOG.apply(impl)); }

    /**
     * In-place {@link #log()} ({@code x.log_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor log_() { return of(Unary.LOG.apply_(impl)); }

    /**
     * √x, elementwise ({@code torch.sqrt(x)}).
     *
     * @return a new tensor
     */
    public Tensor sqrt() { return of(Unary.SQRT.apply(impl)); }

    /**
     * In-place {@link #sqrt()} ({@code x.sqrt_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor sqrt_() { return of(Unary.SQRT.apply_(impl)); }

    /**
     * |x|, elementwise ({@code torch.abs(x)}).
     *
     * @return a new tensor
     */
    public Tensor abs() { return of(Unary.ABS.apply(impl)); }

    /**
     * In-place {@link #abs()} ({@code x.abs_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor abs_() { return of(Unary.ABS.apply_(impl)); }

    /**
     * sign(x) ∈ {-1, 0, 1}, elementwise ({@code torch.sign(x)}).
     *
     * @return a new tensor
     */
    public Tensor sign() { return of(Unary.SIGN.apply(impl)); }

    /**
     * In-place {@link #sign()} ({@code x.sign_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor sign_() { return of(Unary.SIGN.apply_(impl)); }

    /**
     * sgn(x) = x/|x|, 0 at 0, elementwise ({@code torch.sgn(x)}): for real tensors the values of {@link #sign()},
     * recorded as its own node ({@code SgnBackward0}).
     *
     * @return a new tensor
     */
    public Tensor sgn() { return of(Unary.SGN.apply(impl)); }

    /**
     * In-place {@link #sgn()} ({@code x.sgn_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor sgn_() { return of(Unary.SGN.apply_(impl)); }

    /**
     * sin x, elementwise ({@code torch.sin(x)}).
     *
     * @return a new tensor
     */
    public Tensor sin() { return of(Unary.SIN.apply(impl)); }

    /**
     * In-place {@link #sin()} ({@code x.sin_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor sin_() { return of(Unary.SIN.apply_(impl)); }

    /**
     * cos x, elementwise ({@code torch.cos(x)}).
     *
     * @return a new tensor
     */
    public Tensor cos() { return of(Unary.COS.apply(impl)); }

    /**
     * In-place {@link #cos()} ({@code x.cos_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor cos_() { return of(Unary.COS.apply_(impl)); }

    /**
     * tan x, elementwise ({@code torch.tan(x)}).
     *
     * @return a new tensor
     */
    public Tensor tan() { return of(Unary.TAN.apply(impl)); }

    /**
     * In-place {@link #tan()} ({@code x.tan_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor tan_() { return of(Unary.TAN.apply_(impl)); }

    /**
     * tanh x, elementwise ({@code torch.tanh(x)}).
     *
     * @return a new tensor
     */
    public Tensor tanh() { return of(Unary.TANH.apply(impl)); }

    /**
     * In-place {@link #tanh()} ({@code x.tanh_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor tanh_() { return of(Unary.TANH.apply_(impl)); }

    /**
     * 1/(1+e⁻ˣ), elementwise ({@code torch.sigmoid(x)}).
     *
     * @return a new tensor
     */
    public Tensor sigmoid() { return of(Unary.SIGMOID.apply(impl)); }

    /**
     * In-place {@link #sigmoid()} ({@code x.sigmoid_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor sigmoid_() { return of(Unary.SIGMOID.apply_(impl)); }

    /**
     * max(x, 0), elementwise ({@code torch.relu(x)}).
     *
     * @return a new tensor
     */
    public Tensor relu() { return of(Unary.RELU.apply(impl)); }

    /**
     * In-place {@link #relu()} ({@code x.relu_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor relu_() { return of(Unary.RELU.apply_(impl)); }

    /**
     * 1/x, elementwise ({@code torch.reciprocal(x)}).
     *
     * @return a new tensor
     */
    public Tensor reciprocal() { return of(Unary.RECIPROCAL.apply(impl)); }

    /**
     * In-place {@link #reciprocal()} ({@code x.reciprocal_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor reciprocal_() { return of(Unary.RECIPROCAL.apply_(impl)); }

    /**
     * ln(1+x), accurate for small x, elementwise ({@code torch.log1p(x)}).
     *
     * @return a new tensor
     */
    public Tensor log1p() { return of(Unary.LOG1P.apply(impl)); }

    /**
     * In-place {@link #log1p()} ({@code x.log1p_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor log1p_() { return of(Unary.LOG1P.apply_(impl)); }

    /**
     * eˣ-1, accurate for small x, elementwise ({@code torch.expm1(x)}).
     *
     * @return a new tensor
     */
    public Tensor expm1() { return of(Unary.EXPM1.apply(impl)); }

    /**
     * In-place {@link #expm1()} ({@code x.expm1_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor expm1_() { return of(Unary.EXPM1.apply_(impl)); }

    /**
     * log₂ x, elementwise ({@code torch.log2(x)}).
     *
     * @return a new tensor
     */
    public Tensor log2() { return of(Unary.LOG2.apply(impl)); }

    /**
     * In-place {@link #log2()} ({@code x.log2_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor log2_() { return of(Unary.LOG2.apply_(impl)); }

    /**
     * log₁₀ x, elementwise ({@code torch.log10(x)}).
     *
     * @return a new tensor
     */
    public Tensor log10() { return of(Unary.LOG10.apply(impl)); }

    /**
     * In-place {@link #log10()} ({@code x.log10_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor log10_() { return of(Unary.LOG10.apply_(impl)); }

    /**
     * 2ˣ, elementwise ({@code torch.exp2(x)}).
     *
     * @return a new tensor
     */
    public Tensor exp2() { return of(Unary.EXP2.apply(impl)); }

    /**
     * In-place {@link #exp2()} ({@code x.exp2_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor exp2_() { return of(Unary.EXP2.apply_(impl)); }

    /**
     * 1/√x, elementwise ({@code torch.rsqrt(x)}).
     *
     * @return a new tensor
     */
    public Tensor rsqrt() { return of(Unary.RSQRT.apply(impl)); }

    /**
     * In-place {@link #rsqrt()} ({@code x.rsqrt_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor rsqrt_() { return of(Unary.RSQRT.apply_(impl)); }

    /**
     * arcsin x, elementwise ({@code torch.asin(x)}).
     *
     * @return a new tensor
     */
    public Tensor asin() { return of(Unary.ASIN.apply(impl)); }

    /**
     * In-place {@link #asin()} ({@code x.asin_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor asin_() { return of(Unary.ASIN.apply_(impl)); }

    /**
     * arccos x, elementwise ({@code torch.acos(x)}).
     *
     * @return a new tensor
     */
    public Tensor acos() { return of(Unary.ACOS.apply(impl)); }

    /**
     * In-place {@link #acos()} ({@code x.acos_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor acos_() { return of(Unary.ACOS.apply_(impl)); }

    /**
     * arctan x, elementwise ({@code torch.atan(x)}).
     *
     * @return a new tensor
     */
    public Tensor atan() { return of(Unary.ATAN.apply(impl)); }

    /**
     * In-place {@link #atan()} ({@code x.atan_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor atan_() { return of(Unary.ATAN.apply_(impl)); }

    /**
     * sinh x, elementwise ({@code torch.sinh(x)}).
     *
     * @return a new tensor
     */
    public Tensor sinh() { return of(Unary.SINH.apply(impl)); }

    /**
     * In-place {@link #sinh()} ({@code x.sinh_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor sinh_() { return of(Unary.SINH.apply_(impl)); }

    /**
     * cosh x, elementwise ({@code torch.cosh(x)}).
     *
     * @return a new tensor
     */
    public Tensor cosh() { return of(Unary.COSH.apply(impl)); }

    /**
     * In-place {@link #cosh()} ({@code x.cosh_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor cosh_() { return of(Unary.COSH.apply_(impl)); }

    /**
     * arsinh x, elementwise ({@code torch.asinh(x)}).
     *
     * @return a new tensor
     */
    public Tensor asinh() { return of(Unary.ASINH.apply(impl)); }

    /**
     * In-place {@link #asinh()} ({@code x.asinh_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor asinh_() { return of(Unary.ASINH.apply_(impl)); }

    /**
     * arcosh x, elementwise ({@code torch.acosh(x)}).
     *
     * @return a new tensor
     */
    public Tensor acosh() { return of(Unary.ACOSH.apply(impl)); }

    /**
     * In-place {@link #acosh()} ({@code x.acosh_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor acosh_() { return of(Unary.ACOSH.apply_(impl)); }

    /**
     * artanh x, elementwise ({@code torch.atanh(x)}).
     *
     * @return a new tensor
     */
    public Tensor atanh() { return of(Unary.ATANH.apply(impl)); }

    /**
     * In-place {@link #atanh()} ({@code x.atanh_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor atanh_() { return of(Unary.ATANH.apply_(impl)); }

    /**
     * the error function erf x, elementwise ({@code torch.erf(x)}).
     *
     * @return a new tensor
     */
    public Tensor erf() { return of(Unary.ERF.apply(impl)); }

    /**
     * In-place {@link #erf()} ({@code x.erf_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor erf_() { return of(Unary.ERF.apply_(impl)); }

    /**
     * 1 - erf x, elementwise ({@code torch.erfc(x)}).
     *
     * @return a new tensor
     */
    public Tensor erfc() { return of(Unary.ERFC.apply(impl)); }

    /**
     * In-place {@link #erfc()} ({@code x.erfc_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor erfc_() { return of(Unary.ERFC.apply_(impl)); }

    /**
     * ⌊x⌋, elementwise ({@code torch.floor(x)}).
     *
     * @return a new tensor
     */
    public Tensor floor() { return of(Unary.FLOOR.apply(impl)); }

    /**
     * In-place {@link #floor()} ({@code x.floor_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor floor_() { return of(Unary.FLOOR.apply_(impl)); }

    /**
     * ⌈x⌉, elementwise ({@code torch.ceil(x)}).
     *
     * @return a new tensor
     */
    public Tensor ceil() { return of(Unary.CEIL.apply(impl)); }

    /**
     * In-place {@link #ceil()} ({@code x.ceil_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor ceil_() { return of(Unary.CEIL.apply_(impl)); }

    /**
     * x rounded half to even, elementwise ({@code torch.round(x)}).
     *
     * @return a new tensor
     */
    public Tensor round() { return of(Unary.ROUND.apply(impl)); }

    /**
     * In-place {@link #round()} ({@code x.round_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor round_() { return of(Unary.ROUND.apply_(impl)); }

    /**
     * x rounded toward zero, elementwise ({@code torch.trunc(x)}).
     *
     * @return a new tensor
     */
    public Tensor trunc() { return of(Unary.TRUNC.apply(impl)); }

    /**
     * In-place {@link #trunc()} ({@code x.trunc_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor trunc_() { return of(Unary.TRUNC.apply_(impl)); }

    /**
     * x - trunc(x), elementwise ({@code torch.frac(x)}).
     *
     * @return a new tensor
     */
    public Tensor frac() { return of(Unary.FRAC.apply(impl)); }

    /**
     * In-place {@link #frac()} ({@code x.frac_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor frac_() { return of(Unary.FRAC.apply_(impl)); }

    /**
     * ln(1+eˣ) (β = 1, threshold 20), elementwise ({@code torch.softplus(x)}).
     *
     * @return a new tensor
     */
    public Tensor softplus() { return of(Unary.SOFTPLUS.apply(impl)); }

    /**
     * x clamped to [-1, 1], elementwise ({@code torch.hardtanh(x)}).
     *
     * @return a new tensor
     */
    public Tensor hardtanh() { return of(Unary.HARDTANH.apply(impl)); }

    /**
     * In-place {@link #hardtanh()} ({@code x.hardtanh_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor hardtanh_() { return of(Unary.HARDTANH.apply_(impl)); }

    /**
     * x for x &gt; 0, else eˣ-1 (α = 1), elementwise ({@code torch.elu(x)}).
     *
     * @return a new tensor
     */
    public Tensor elu() { return of(Unary.ELU.apply(impl)); }

    /**
     * In-place {@link #elu()} ({@code x.elu_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor elu_() { return of(Unary.ELU.apply_(impl)); }

    /**
     * x for x &gt; 0, else 0.01·x, elementwise ({@code torch.leaky_relu(x)}).
     *
     * @return a new tensor
     */
    public Tensor leakyRelu() { return of(Unary.LEAKY_RELU.apply(impl)); }

    /**
     * In-place {@link #leakyRelu()} ({@code x.leaky_relu_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor leakyRelu_() { return of(Unary.LEAKY_RELU.apply_(impl)); }

    /**
     * x·Φ(x), Φ the standard normal CDF (exact, approximate='none'), elementwise ({@code torch.gelu(x)}).
     *
     * @return a new tensor
     */
    public Tensor gelu() { return of(Unary.GELU.apply(impl)); }

    /**
     * GELU with PyTorch's {@code approximate} argument ({@code torch._C._nn.gelu(x, approximate=...)}): "none" is
     * {@link #gelu()}, "tanh" is {@code ½x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}, with PyTorch's kernel bits
     * in float32 and its {@code GeluBackward0} node.
     *
     * @param approximate "none" or "tanh"
     * @return a new tensor
     * @throws IllegalArgumentException "approximate argument must be either none or tanh." for another string
     */
    public Tensor gelu(String approximate) { return of(Unary.gelu(impl, approximate)); }

    /**
     * x·σ(x), elementwise ({@code torch.silu(x)}).
     *
     * @return a new tensor
     */
    public Tensor silu() { return of(Unary.SILU.apply(impl)); }

    /**
     * x·tanh(softplus(x)), elementwise ({@code torch.mish(x)}).
     *
     * @return a new tensor
     */
    public Tensor mish() { return of(Unary.MISH.apply(impl)); }

    /**
     * sin(πx)/(πx), 1 at 0, elementwise ({@code torch.sinc(x)}).
     *
     * @return a new tensor
     */
    public Tensor sinc() { return of(Unary.SINC.apply(impl)); }

    /**
     * In-place {@link #sinc()} ({@code x.sinc_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor sinc_() { return of(Unary.SINC.apply_(impl)); }

    /**
     * Degrees to radians, x·π/180, elementwise ({@code torch.deg2rad(x)}).
     *
     * @return a new tensor
     */
    public Tensor deg2rad() { return of(Unary.DEG2RAD.apply(impl)); }

    /**
     * In-place {@link #deg2rad()} ({@code x.deg2rad_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor deg2rad_() { return of(Unary.DEG2RAD.apply_(impl)); }

    /**
     * Radians to degrees, x·180/π, elementwise ({@code torch.rad2deg(x)}).
     *
     * @return a new tensor
     */
    public Tensor rad2deg() { return of(Unary.RAD2DEG.apply(impl)); }

    /**
     * In-place {@link #rad2deg()} ({@code x.rad2deg_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor rad2deg_() { return of(Unary.RAD2DEG.apply_(impl)); }

    /**
     * true where x is NaN, elementwise ({@code torch.isnan(x)}).
     *
     * @return a new tensor
     */
    public Tensor isnan() { return of(Unary.ISNAN.apply(impl)); }

    /**
     * true where x is ±∞, elementwise ({@code torch.isinf(x)}).
     *
     * @return a new tensor
     */
    public Tensor isinf() { return of(Unary.ISINF.apply(impl)); }

    /**
     * true where x is finite, elementwise ({@code torch.isfinite(x)}).
     *
     * @return a new tensor
     */
    public Tensor isfinite() { return of(Unary.ISFINITE.apply(impl)); }

    /**
     * true where x is zero, elementwise ({@code torch.logical_not(x)}).
     *
     * @return a new tensor
     */
    public Tensor logicalNot() { return of(Unary.LOGICAL_NOT.apply(impl)); }

    /**
     * In-place {@link #logicalNot()} ({@code x.logical_not_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor logicalNot_() { return of(Unary.LOGICAL_NOT.apply_(impl)); }

    // ------------------------------------------------------------------ reductions

    private static int[] dims(int dim) {
        return new int[] {dim};
    }

    /**
     * Σ of all elements ({@code tensor.sum()}); integers and bool sum to int64.
     *
     * @return a new tensor
     */
    public Tensor sum() { return of(Reduction.SUM.all(impl)); }

    /**
     * Σ over {@code dim} ({@code tensor.sum(dim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor sum(int dim) { return of(Reduction.SUM.apply(impl, dims(dim), false)); }

    /**
     * Σ over {@code dim}, keeping it as size 1 when {@code keepdim}.
     *
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return a new tensor
     */
    public Tensor sum(int dim, boolean keepdim) { return of(Reduction.SUM.apply(impl, dims(dim), keepdim)); }

    /**
     * Σ over several dims ({@code tensor.sum((d0, d1), keepdim)}).
     *
     * @param dims the dimensions
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return a new tensor
     */
    public Tensor sum(int[] dims, boolean keepdim) { return of(Reduction.SUM.apply(impl, dims, keepdim)); }

    /**
     * Mean of all elements ({@code tensor.mean()}); floating only.
     *
     * @return a new tensor
     */
    public Tensor mean() { return of(Reduction.MEAN.all(impl)); }

    /**
     * Mean over {@code dim}.
     *
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor mean(int dim) { return of(Reduction.MEAN.apply(impl, dims(dim), false)); }

    /**
     * Mean over {@code dim}, keeping it when {@code keepdim}.
     *
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return a new tensor
     */
    public Tensor mean(int dim, boolean keepdim) { return of(Reduction.MEAN.apply(impl, dims(dim), keepdim)); }

    /**
     * Mean over several dims.
     *
     * @param dims the dimensions
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return a new tensor
     */
    public Tensor mean(int[] dims, boolean keepdim) { return of(Reduction.MEAN.apply(impl, dims, keepdim)); }

    /**
     * Π of all elements ({@code tensor.prod()}).
     *
     * @return a new tensor
     */
    public Tensor prod() { return of(Reduction.PROD.all(impl)); }

    /**
     * The largest element ({@code tensor.max()}); NaN if any is NaN.
     *
     * @return a new tensor
     */
    public Tensor max() { return of(Reductions.maxAll(impl, true)); }

    /**
     * The smallest element ({@code tensor.min()}).
     *
     * @return a new tensor
     */
    public Tensor min() { return of(Reductions.maxAll(impl, false)); }

    private static ValuesIndices pair(String op, TensorImpl[] r) {
        return new ValuesIndices(op, of(r[0]), of(r[1]));
    }

    /**
     * Max over {@code dim} with its index ({@code tensor.max(dim)} → {@code (values, indices)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return the values and their int64 indices
     */
    public ValuesIndices max(int dim) { return pair("max", Reductions.maxDim(impl, dim, false, true)); }

    /**
     * Max over {@code dim} with its index, keeping the dim when {@code keepdim}.
     *
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return the values and their int64 indices
     */
    public ValuesIndices max(int dim, boolean keepdim) { return pair("max", Reductions.maxDim(impl, dim, keepdim, true)); }

    /**
     * Min over {@code dim} with its index ({@code tensor.min(dim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return the values and their int64 indices
     */
    public ValuesIndices min(int dim) { return pair("min", Reductions.maxDim(impl, dim, false, false)); }

    /**
     * Min over {@code dim} with its index, keeping the dim when {@code keepdim}.
     *
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return the values and their int64 indices
     */
    public ValuesIndices min(int dim, boolean keepdim) { return pair("min", Reductions.maxDim(impl, dim, keepdim, false)); }

    /**
     * Index of the largest element of the flattened tensor ({@code tensor.argmax()}).
     *
     * @return a new tensor
     */
    public Tensor argmax() { return of(Reductions.argAll(impl, true)); }

    /**
     * Indices of the largest elements along {@code dim}.
     *
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor argmax(int dim) { return of(Reductions.maxDim(impl, dim, false, true)[1]); }

    /**
     * Indices of the largest elements along {@code dim}, keeping the dim when {@code keepdim}.
     *
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return a new tensor
     */
    public Tensor argmax(int dim, boolean keepdim) { return of(Reductions.maxDim(impl, dim, keepdim, true)[1]); }

    /**
     * Index of the smallest element of the flattened tensor ({@code tensor.argmin()}).
     *
     * @return a new tensor
     */
    public Tensor argmin() { return of(Reductions.argAll(impl, false)); }

    /**
     * Indices of the smallest elements along {@code dim}.
     *
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor argmin(int dim) { return of(Reductions.maxDim(impl, dim, false, false)[1]); }

    /**
     * Indices of the smallest elements along {@code dim}, keeping the dim when {@code keepdim}.
     *
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return a new tensor
     */
    public Tensor argmin(int dim, boolean keepdim) { return of(Reductions.maxDim(impl, dim, keepdim, false)[1]); }

    /**
     * The largest values over {@code dims} ({@code torch.amax}); the gradient is shared evenly among ties.
     *
     * @param dims the dimensions
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return a new tensor
     */
    public Tensor amax(int[] dims, boolean keepdim) { return of(Reduction.AMAX.apply(impl, dims, keepdim)); }

    /**
     * The largest value over {@code dim} ({@code torch.amax(x, dim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor amax(int dim) { return amax(dims(dim), false); }

    /**
     * The smallest values over {@code dims} ({@code torch.amin}).
     *
     * @param dims the dimensions
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return a new tensor
     */
    public Tensor amin(int[] dims, boolean keepdim) { return of(Reduction.AMIN.apply(impl, dims, keepdim)); }

    /**
     * The smallest value over {@code dim} ({@code torch.amin(x, dim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor amin(int dim) { return amin(dims(dim), false); }

    /**
     * ln Σ eˣ over {@code dims}, computed without overflow ({@code torch.logsumexp}).
     *
     * @param dims the dimensions
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return a new tensor
     */
    public Tensor logsumexp(int[] dims, boolean keepdim) { return of(Reduction.LOGSUMEXP.apply(impl, dims, keepdim)); }

    /**
     * ln Σ eˣ over {@code dim} ({@code torch.logsumexp(x, dim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor logsumexp(int dim) { return logsumexp(dims(dim), false); }

    /**
     * Running sum along {@code dim} ({@code torch.cumsum}); integers and bool give int64.
     *
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor cumsum(int dim) { return of(Reductions.cumsum(impl, dim)); }

    /**
     * In-place {@link #cumsum(int)} ({@code x.cumsum_(dim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return this tensor, modified in place
     */
    public Tensor cumsum_(int dim) { return of(InPlace.apply(impl, null, old -> Reductions.cumsum(old, dim))); }

    /**
     * Running product along {@code dim} ({@code torch.cumprod}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor cumprod(int dim) { return of(Reductions.cumprod(impl, dim)); }

    /**
     * In-place {@link #cumprod(int)} ({@code x.cumprod_(dim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return this tensor, modified in place
     */
    public Tensor cumprod_(int dim) { return of(InPlace.apply(impl, null, old -> Reductions.cumprod(old, dim))); }

    /**
     * The 2-norm of all elements, √Σx² ({@code torch.norm(x)}).
     *
     * @return a new tensor
     */
    public Tensor norm() { return of(Reduction.NORM.all(impl)); }

    /**
     * The p-norm of all elements, (Σ|x|ᵖ)^(1/p); p may be ∞ ({@code torch.norm(x, p)}).
     *
     * @param p the order of the norm
     * @return a new tensor
     */
    public Tensor norm(double p) { return of(Reduction.NORM.all(impl, p)); }

    /**
     * The p-norm over {@code dims} ({@code torch.norm(x, p, dim, keepdim)}).
     *
     * @param p the order of the norm
     * @param dims the dimensions
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return a new tensor
     */
    public Tensor norm(double p, int[] dims, boolean keepdim) { return of(Reduction.NORM.apply(impl, dims, keepdim, p)); }

    /**
     * {@code torch.norm(x, p)} with a string p: {@code "fro"}, the Frobenius norm {@code √Σx²} of all elements
     * (as {@code norm(2)}, {@code NormBackward1}); {@code "nuc"} needs singular values and is not available yet.
     *
     * @param p {@code "fro"}
     * @return a 0-d tensor
     */
    public Tensor norm(String p) {
        stringNorm(p);
        return of(Reduction.NORM.all(impl, 2));
    }

    /**
     * {@code torch.norm(x, p, dim, keepdim)} with a string p ({@code "fro"}): over one dim PyTorch's
     * {@code norm(2, dim)} ({@code NormBackward1}), over several {@code √Σx²} ({@code SqrtBackward0}), as 1.13.
     *
     * @param p {@code "fro"}
     * @param dims the dims to reduce
     * @param keepdim whether the reduced dims stay as size 1
     * @return the norms
     */
    public Tensor norm(String p, int[] dims, boolean keepdim) {
        stringNorm(p);
        return of(org.autograd4j.ops.Linalg.frobenius(impl, dims, keepdim));
    }

    private static void stringNorm(String p) {
        if ("nuc".equals(p)) {
            throw new UnsupportedOperationException("norm(x, 'nuc') needs the singular values (torch.linalg.svdvals), which this "
                    + "library does not have yet");
        }
        if (!"fro".equals(p)) throw new IllegalArgumentException("only valid string values are 'fro' and 'nuc', found " + p);
    }

    /**
     * True when every element is nonzero ({@code tensor.all()}) → bool.
     *
     * @return a new tensor
     */
    public Tensor all() { return of(Reduction.ALL.all(impl)); }

    /**
     * Whether every element along {@code dim} is nonzero ({@code tensor.all(dim, keepdim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return a new tensor
     */
    public Tensor all(int dim, boolean keepdim) { return of(Reduction.ALL.apply(impl, dims(dim), keepdim)); }

    /**
     * True when some element is nonzero ({@code tensor.any()}) → bool.
     *
     * @return a new tensor
     */
    public Tensor any() { return of(Reduction.ANY.all(impl)); }

    /**
     * Whether some element along {@code dim} is nonzero ({@code tensor.any(dim, keepdim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return a new tensor
     */
    public Tensor any(int dim, boolean keepdim) { return of(Reduction.ANY.apply(impl, dims(dim), keepdim)); }

    /**
     * Sample variance of all elements (Bessel's correction, {@code tensor.var()}).
     *
     * @return a new tensor
     */
    public Tensor var() { return of(Reduction.VAR.all(impl)); }

    /**
     * Variance of all elements, unbiased or not ({@code tensor.var(unbiased=...)}).
     *
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     * @return a new tensor
     */
    public Tensor var(boolean unbiased) { return of(Reduction.VAR.all(impl, unbiased ? 1 : 0)); }

    /**
     * Sample variance over {@code dim}.
     *
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor var(int dim) { return of(Reduction.VAR.apply(impl, dims(dim), false)); }

    /**
     * Variance over {@code dim} ({@code tensor.var(dim, unbiased, keepdim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return a new tensor
     */
    public Tensor var(int dim, boolean unbiased, boolean keepdim) {
        return of(Reduction.VAR.apply(impl, dims(dim), keepdim, unbiased ? 1 : 0));
    }

    /**
     * Sample standard deviation of all elements ({@code tensor.std()}).
     *
     * @return a new tensor
     */
    public Tensor std() { return of(Reduction.STD.all(impl)); }

    /**
     * Standard deviation of all elements, unbiased or not.
     *
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     * @return a new tensor
     */
    public Tensor std(boolean unbiased) { return of(Reduction.STD.all(impl, unbiased ? 1 : 0)); }

    /**
     * Sample standard deviation over {@code dim}.
     *
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor std(int dim) { return of(Reduction.STD.apply(impl, dims(dim), false)); }

    /**
     * Standard deviation over {@code dim} ({@code tensor.std(dim, unbiased, keepdim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param unbiased whether to use Bessel's correction (divide by n - 1)
     * @param keepdim whether reduced dimensions stay, with size 1
     * @return a new tensor
     */
    public Tensor std(int dim, boolean unbiased, boolean keepdim) {
        return of(Reduction.STD.apply(impl, dims(dim), keepdim, unbiased ? 1 : 0));
    }

    /**
     * eˣ / Σ eˣ along {@code dim} ({@code tensor.softmax(dim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor softmax(int dim) { return of(Reductions.softmax(impl, dim, false)); }

    /**
     * x − ln Σ eˣ along {@code dim} ({@code tensor.log_softmax(dim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor logSoftmax(int dim) { return of(Reductions.softmax(impl, dim, true)); }

    // ------------------------------------------------------------------ linear algebra

    /**
     * Matrix product of two 2-d tensors ({@code torch.mm}).
     *
     * @param other the right matrix
     * @return a new tensor
     */
    public Tensor mm(Tensor other) { return of(LinearAlgebra.mm(impl, other.impl)); }

    /**
     * {@code this + mat1 @ mat2}, this broadcast to the product's shape ({@code self.addmm(mat1, mat2)}): one
     * matrix product with the bias added, as a linear layer computes {@code x·Wᵀ + b}.
     *
     * @param mat1 the left matrix (m × k)
     * @param mat2 the right matrix (k × n)
     * @return a new m × n tensor
     */
    public Tensor addmm(Tensor mat1, Tensor mat2) { return of(LinearAlgebra.addmm(impl, mat1.impl, mat2.impl, 1, 1)); }

    /**
     * {@code beta·this + alpha·(mat1 @ mat2)} ({@code self.addmm(mat1, mat2, beta=beta, alpha=alpha)}); with
     * {@code beta = 0} this is not read.
     *
     * @param mat1 the left matrix (m × k)
     * @param mat2 the right matrix (k × n)
     * @param beta the factor of this
     * @param alpha the factor of the product
     * @return a new m × n tensor
     */
    public Tensor addmm(Tensor mat1, Tensor mat2, double beta, double alpha) {
        return of(LinearAlgebra.addmm(impl, mat1.impl, mat2.impl, beta, alpha));
    }

    /**
     * NumPy-style matrix product: 1-d, 2-d and batched with broadcasting ({@code torch.matmul}).
     *
     * @param other the right operand
     * @return a new tensor
     */
    public Tensor matmul(Tensor other) { return of(LinearAlgebra.matmul(impl, other.impl)); }

    /**
     * Inner product of two 1-d tensors ({@code torch.dot}).
     *
     * @param other the other 1-d tensor
     * @return a new tensor
     */
    public Tensor dot(Tensor other) { return of(LinearAlgebra.dot(impl, other.impl)); }

    /**
     * Matrix-vector product ({@code torch.mv}).
     *
     * @param vec the vector
     * @return a new tensor
     */
    public Tensor mv(Tensor vec) { return of(LinearAlgebra.mv(impl, vec.impl)); }

    /**
     * Batched matrix product of two 3-d tensors ({@code torch.bmm}).
     *
     * @param other the right batch of matrices
     * @return a new tensor
     */
    public Tensor bmm(Tensor other) { return of(LinearAlgebra.bmm(impl, other.impl)); }

    /**
     * The transpose of a tensor of at most 2 dims ({@code tensor.t()}), a view.
     *
     * @return a view of this tensor (it shares the storage)
     */
    public Tensor t() { return of(Shapes.t(impl)); }

    /**
     * Swaps two dims ({@code tensor.transpose(dim0, dim1)}), a view.
     *
     * @param dim0 the first dimension
     * @param dim1 the second dimension
     * @return a view of this tensor (it shares the storage)
     */
    public Tensor transpose(int dim0, int dim1) { return of(Shapes.transpose(impl, dim0, dim1)); }

    /**
     * Reorders the dims ({@code tensor.permute(*dims)}), a view.
     *
     * @param dims the dimensions
     * @return a view of this tensor (it shares the storage)
     */
    public Tensor permute(int... dims) { return of(Shapes.permute(impl, dims)); }

    // ------------------------------------------------------------------ shape

    /**
     * The same data with another shape ({@code tensor.view(*shape)}; -1 infers one size), a view.
     *
     * @param shape the sizes of the dimensions
     * @return a view of this tensor (it shares the storage)
     */
    public Tensor view(long... shape) { return of(Shapes.view(impl, shape)); }

    /**
     * {@link #view} when possible, else a copy ({@code tensor.reshape(*shape)}).
     *
     * @param shape the sizes of the dimensions
     * @return a view when the strides allow, else a copy
     */
    public Tensor reshape(long... shape) { return of(Shapes.reshape(impl, shape)); }

    /**
     * All dims as one ({@code tensor.flatten()}).
     *
     * @return a view when the strides allow, else a copy
     */
    public Tensor flatten() { return of(Shapes.flatten(impl, 0, -1)); }

    /**
     * Dims startDim..endDim as one ({@code tensor.flatten(start_dim, end_dim)}).
     *
     * @param startDim the first dimension to flatten
     * @param endDim the last dimension to flatten
     * @return a view when the strides allow, else a copy
     */
    public Tensor flatten(int startDim, int endDim) { return of(Shapes.flatten(impl, startDim, endDim)); }

    /**
     * Drops every size-1 dim ({@code tensor.squeeze()}), a view.
     *
     * @return a view of this tensor (it shares the storage)
     */
    public Tensor squeeze() { return of(Shapes.squeeze(impl)); }

    /**
     * Drops {@code dim} if it has size 1 ({@code tensor.squeeze(dim)}), a view.
     *
     * @param dim the dimension (negative counts from the end)
     * @return a view of this tensor (it shares the storage)
     */
    public Tensor squeeze(int dim) { return of(Shapes.squeeze(impl, dim)); }

    /**
     * Inserts a size-1 dim at {@code dim} ({@code tensor.unsqueeze(dim)}), a view.
     *
     * @param dim the dimension (negative counts from the end)
     * @return a view of this tensor (it shares the storage)
     */
    public Tensor unsqueeze(int dim) { return of(Shapes.unsqueeze(impl, dim)); }

    /**
     * Broadcasts size-1 dims to {@code sizes} (-1 keeps one) without copying ({@code tensor.expand}).
     *
     * @param sizes the sizes (-1 keeps a size)
     * @return a view of this tensor (it shares the storage)
     */
    public Tensor expand(long... sizes) { return of(Shapes.expand(impl, sizes)); }

    /**
     * {@code expand(other.shape())} ({@code tensor.expand_as(other)}).
     *
     * @param other the tensor whose shape to take
     * @return a view of this tensor (it shares the storage)
     */
    public Tensor expandAs(Tensor other) { return expand(other.shape()); }

    /**
     * The slice at {@code index} of {@code dim}, that dim removed ({@code tensor.select(dim, index)}), a view.
     *
     * @param dim the dimension (negative counts from the end)
     * @param index the index (negative counts from the end)
     * @return a view of this tensor (it shares the storage)
     */
    public Tensor select(int dim, long index) { return of(Shapes.select(impl, dim, index)); }

    /**
     * {@code length} entries of {@code dim} from {@code start} ({@code tensor.narrow}), a view.
     *
     * @param dim the dimension (negative counts from the end)
     * @param start the first index
     * @param length the number of entries
     * @return a view of this tensor (it shares the storage)
     */
    public Tensor narrow(int dim, long start, long length) { return of(Shapes.narrow(impl, dim, start, length)); }

    /**
     * Entries of {@code dim} at the int64 {@code index} ({@code tensor.index_select}), a copy.
     *
     * @param dim the dimension (negative counts from the end)
     * @param index the 1-d int64 indices
     * @return a new tensor
     */
    public Tensor indexSelect(int dim, Tensor index) { return of(Indexing.indexSelect(impl, dim, index.impl)); }

    /**
     * {@code out[..i..] = this[..index[..i..]..]} along {@code dim} ({@code tensor.gather}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index the int64 indices, as many dimensions as this tensor
     * @return a new tensor
     */
    public Tensor gather(int dim, Tensor index) { return of(Indexing.gather(impl, dim, index.impl)); }

    // ------------------------------------------------------------------ in place (the one in-place path: ops.InPlace)

    /**
     * {@code this += other} in place ({@code tensor.add_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor add_(Tensor other) { return of(Binary.ADD.apply_(impl, other.impl)); }

    /**
     * {@code this += other} in place.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor add_(double other) { return of(Binary.ADD.apply_(impl, s(other))); }

    /**
     * {@code this -= other} in place ({@code tensor.sub_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor sub_(Tensor other) { return of(Binary.SUB.apply_(impl, other.impl)); }

    /**
     * {@code this -= other} in place.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor sub_(double other) { return of(Binary.SUB.apply_(impl, s(other))); }

    /**
     * In-place {@link #add(Tensor, double)}: {@code this += alpha·other} ({@code tensor.add_(other, alpha=alpha)}),
     * written straight into this tensor's storage when nothing is recorded.
     *
     * @param other the other operand, broadcast to this tensor's shape
     * @param alpha the factor of other
     * @return this tensor, modified in place
     */
    public Tensor add_(Tensor other, double alpha) { return of(Pointwise.addAlpha_(impl, other.impl, alpha, true)); }

    /**
     * In-place {@link #add(Tensor, long)}.
     *
     * @param other the other operand, broadcast to this tensor's shape
     * @param alpha the factor of other
     * @return this tensor, modified in place
     */
    public Tensor add_(Tensor other, long alpha) { return of(Pointwise.addAlpha_(impl, other.impl, alpha, false)); }

    /**
     * In-place {@link #sub(Tensor, double)}: {@code this -= alpha·other} ({@code tensor.sub_(other, alpha=alpha)}).
     *
     * @param other the other operand, broadcast to this tensor's shape
     * @param alpha the factor of other
     * @return this tensor, modified in place
     */
    public Tensor sub_(Tensor other, double alpha) { return of(Pointwise.subAlpha_(impl, other.impl, alpha, true)); }

    /**
     * In-place {@link #sub(Tensor, long)}.
     *
     * @param other the other operand, broadcast to this tensor's shape
     * @param alpha the factor of other
     * @return this tensor, modified in place
     */
    public Tensor sub_(Tensor other, long alpha) { return of(Pointwise.subAlpha_(impl, other.impl, alpha, false)); }

    /**
     * In-place {@link #addcmul(Tensor, Tensor, double)} ({@code tensor.addcmul_(t1, t2, value=value)}), written
     * straight into this tensor's storage when nothing is recorded.
     *
     * @param t1 the first factor
     * @param t2 the second factor
     * @param value the scale
     * @return this tensor, modified in place
     */
    public Tensor addcmul_(Tensor t1, Tensor t2, double value) { return of(Pointwise.addcmul_(impl, t1.impl, t2.impl, value)); }

    /**
     * In-place {@link #addcmul(Tensor, Tensor)}.
     *
     * @param t1 the first factor
     * @param t2 the second factor
     * @return this tensor, modified in place
     */
    public Tensor addcmul_(Tensor t1, Tensor t2) { return of(Pointwise.addcmul_(impl, t1.impl, t2.impl, 1)); }

    /**
     * In-place {@link #addcdiv(Tensor, Tensor, double)} ({@code tensor.addcdiv_(t1, t2, value=value)}).
     *
     * @param t1 the numerator
     * @param t2 the denominator
     * @param value the scale
     * @return this tensor, modified in place
     */
    public Tensor addcdiv_(Tensor t1, Tensor t2, double value) { return of(Pointwise.addcdiv_(impl, t1.impl, t2.impl, value)); }

    /**
     * In-place {@link #addcdiv(Tensor, Tensor)}.
     *
     * @param t1 the numerator
     * @param t2 the denominator
     * @return this tensor, modified in place
     */
    public Tensor addcdiv_(Tensor t1, Tensor t2) { return of(Pointwise.addcdiv_(impl, t1.impl, t2.impl, 1)); }

    /**
     * {@code this *= other} in place ({@code tensor.mul_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor mul_(Tensor other) { return of(Binary.MUL.apply_(impl, other.impl)); }

    /**
     * {@code this *= other} in place.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor mul_(double other) { return of(Binary.MUL.apply_(impl, s(other))); }

    /**
     * {@code this /= other} in place ({@code tensor.div_}).
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor div_(Tensor other) { return of(Binary.DIV.apply_(impl, other.impl)); }

    /**
     * {@code this /= other} in place.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor div_(double other) { return of(Binary.DIV.apply_(impl, s(other))); }

    /**
     * {@code this **= exponent} in place ({@code tensor.pow_}).
     *
     * @param exponent the exponent
     * @return this tensor, modified in place
     */
    public Tensor pow_(double exponent) { return of(Pointwise.pow_(impl, exponent, true)); }

    /**
     * {@code this **= exponent} elementwise in place.
     *
     * @param exponent the exponent
     * @return this tensor, modified in place
     */
    public Tensor pow_(Tensor exponent) { return of(Binary.POW.apply_(impl, exponent.impl)); }

    /**
     * In-place {@link #atan2(Tensor)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor atan2_(Tensor other) { return of(Binary.ATAN2.apply_(impl, other.impl)); }

    /**
     * In-place {@link #fmod(Tensor)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor fmod_(Tensor other) { return of(Binary.FMOD.apply_(impl, other.impl)); }

    /**
     * In-place {@link #fmod(double)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor fmod_(double other) { return of(Binary.FMOD.apply_(impl, s(other))); }

    /**
     * In-place {@link #remainder(Tensor)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor remainder_(Tensor other) { return of(Binary.REMAINDER.apply_(impl, other.impl)); }

    /**
     * In-place {@link #remainder(double)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor remainder_(double other) { return of(Binary.REMAINDER.apply_(impl, s(other))); }

    /**
     * In-place {@link #hypot(Tensor)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor hypot_(Tensor other) { return of(Binary.HYPOT.apply_(impl, other.impl)); }

    /**
     * In-place {@link #xlogy(Tensor)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor xlogy_(Tensor other) { return of(Binary.XLOGY.apply_(impl, other.impl)); }

    /**
     * In-place {@link #lerp(Tensor, double)}.
     *
     * @param end the end point
     * @param weight the interpolation weight
     * @return this tensor, modified in place
     */
    public Tensor lerp_(Tensor end, double weight) { return of(Pointwise.lerp_(impl, end.impl, s(weight))); }

    /**
     * In-place {@link #lerp(Tensor, Tensor)}.
     *
     * @param end the end point
     * @param weight the interpolation weight
     * @return this tensor, modified in place
     */
    public Tensor lerp_(Tensor end, Tensor weight) { return of(Pointwise.lerp_(impl, end.impl, weight.impl)); }

    /**
     * In-place {@link #eq(Tensor)}: 1 where equal, else 0, in this tensor's dtype.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor eq_(Tensor other) { return of(Binary.EQ.apply_(impl, other.impl)); }

    /**
     * In-place {@link #ne(Tensor)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor ne_(Tensor other) { return of(Binary.NE.apply_(impl, other.impl)); }

    /**
     * In-place {@link #lt(Tensor)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor lt_(Tensor other) { return of(Binary.LT.apply_(impl, other.impl)); }

    /**
     * In-place {@link #le(Tensor)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor le_(Tensor other) { return of(Binary.LE.apply_(impl, other.impl)); }

    /**
     * In-place {@link #gt(Tensor)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor gt_(Tensor other) { return of(Binary.GT.apply_(impl, other.impl)); }

    /**
     * In-place {@link #ge(Tensor)}.
     *
     * @param other the other operand, broadcast with this tensor
     * @return this tensor, modified in place
     */
    public Tensor ge_(Tensor other) { return of(Binary.GE.apply_(impl, other.impl)); }

    /**
     * In-place {@link #clamp(double, double)}.
     *
     * @param min the lower bound (NaN: none)
     * @param max the upper bound (NaN: none)
     * @return this tensor, modified in place
     */
    public Tensor clamp_(double min, double max) { return of(Pointwise.clamp_(impl, min, max)); }

    /**
     * In-place {@link #clampMin(double)}.
     *
     * @param min the lower bound (NaN: none)
     * @return this tensor, modified in place
     */
    public Tensor clampMin_(double min) { return of(Pointwise.clamp_(impl, min, Double.NaN)); }

    /**
     * In-place {@link #clampMax(double)}.
     *
     * @param max the upper bound (NaN: none)
     * @return this tensor, modified in place
     */
    public Tensor clampMax_(double max) { return of(Pointwise.clamp_(impl, Double.NaN, max)); }

    /**
     * In-place {@link #maskedFill(Tensor, double)} ({@code tensor.masked_fill_}).
     *
     * @param mask the bool mask, broadcast to this tensor
     * @param value the value written where the mask is true
     * @return this tensor, modified in place
     */
    public Tensor maskedFill_(Tensor mask, double value) { return of(Pointwise.maskedFill_(impl, mask.impl, value)); }

    /**
     * Copies {@code src} (broadcast, converted) into this tensor ({@code tensor.copy_(src)}).
     *
     * @param src the source, broadcast to this tensor and converted to its dtype
     * @return this tensor, modified in place
     */
    public Tensor copy_(Tensor src) { return of(InPlace.copy(impl, src.impl)); }

    /**
     * Sets every element to 0 ({@code tensor.zero_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor zero_() { return of(InPlace.fill(impl, 0)); }

    /**
     * Sets every element to {@code value} ({@code tensor.fill_(value)}).
     *
     * @param value the value of every element
     * @return this tensor, modified in place
     */
    public Tensor fill_(double value) { return of(InPlace.fill(impl, value)); }

    // ---- random in place (ops.RandomOps): PyTorch's exact numbers and fill order; a null generator means
    // the default one. Like other in-place ops they refuse a leaf that requires grad while grad mode is on
    // (use Torch.noGrad(), as torch.nn.init does).

    /**
     * Uniform samples in [0, 1) ({@code tensor.uniform_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor uniform_() { return uniform_(0, 1, null); }

    /**
     * Uniform samples in [from, to) ({@code tensor.uniform_(from, to)}).
     *
     * @param from the lower bound (included)
     * @param to the upper bound (excluded)
     * @return this tensor, modified in place
     */
    public Tensor uniform_(double from, double to) { return uniform_(from, to, null); }

    /**
     * Uniform samples in [from, to) from {@code generator}.
     *
     * @param from the lower bound (included)
     * @param to the upper bound (excluded)
     * @param generator the generator to draw from (null: the default one)
     * @return this tensor, modified in place
     */
    public Tensor uniform_(double from, double to, Generator generator) { return of(RandomOps.uniform_(impl, from, to, generator)); }

    /**
     * Standard normal samples ({@code tensor.normal_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor normal_() { return normal_(0, 1, null); }

    /**
     * Normal samples N(mean, std²) ({@code tensor.normal_(mean, std)}).
     *
     * @param mean the mean
     * @param std the standard deviation
     * @return this tensor, modified in place
     */
    public Tensor normal_(double mean, double std) { return normal_(mean, std, null); }

    /**
     * Normal samples N(mean, std²) from {@code generator}.
     *
     * @param mean the mean
     * @param std the standard deviation
     * @param generator the generator to draw from (null: the default one)
     * @return this tensor, modified in place
     */
    public Tensor normal_(double mean, double std, Generator generator) { return of(RandomOps.normal_(impl, mean, std, generator)); }

    /**
     * 1 with probability p, else 0 ({@code tensor.bernoulli_(p)}).
     *
     * @param p the probability of a 1
     * @return this tensor, modified in place
     */
    public Tensor bernoulli_(double p) { return bernoulli_(p, null); }

    /**
     * 1 with probability p, else 0, from {@code generator}.
     *
     * @param p the probability of a 1
     * @param generator the generator to draw from (null: the default one)
     * @return this tensor, modified in place
     */
    public Tensor bernoulli_(double p, Generator generator) { return of(RandomOps.bernoulli_(impl, p, generator)); }

    /**
     * 1 with probability p[i] (p broadcast to this shape), else 0 ({@code tensor.bernoulli_(p)}).
     *
     * @param p the probability of a 1
     * @return this tensor, modified in place
     */
    public Tensor bernoulli_(Tensor p) { return bernoulli_(p, null); }

    /**
     * Elementwise-probability Bernoulli samples from {@code generator}.
     *
     * @param p the probability of a 1
     * @param generator the generator to draw from (null: the default one)
     * @return this tensor, modified in place
     */
    public Tensor bernoulli_(Tensor p, Generator generator) { return of(RandomOps.bernoulli_(impl, p.impl, generator)); }

    /**
     * Exponential samples with rate 1 ({@code tensor.exponential_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor exponential_() { return exponential_(1, null); }

    /**
     * Exponential samples with rate {@code lambd} ({@code tensor.exponential_(lambd)}).
     *
     * @param lambd the rate λ
     * @return this tensor, modified in place
     */
    public Tensor exponential_(double lambd) { return exponential_(lambd, null); }

    /**
     * Exponential samples from {@code generator}.
     *
     * @param lambd the rate λ
     * @param generator the generator to draw from (null: the default one)
     * @return this tensor, modified in place
     */
    public Tensor exponential_(double lambd, Generator generator) { return of(RandomOps.exponential_(impl, lambd, generator)); }

    /**
     * Log-normal samples exp(N(1, 2²)) ({@code tensor.log_normal_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor logNormal_() { return logNormal_(1, 2, null); }

    /**
     * Log-normal samples exp(N(mean, std²)) ({@code tensor.log_normal_(mean, std)}).
     *
     * @param mean the mean
     * @param std the standard deviation
     * @return this tensor, modified in place
     */
    public Tensor logNormal_(double mean, double std) { return logNormal_(mean, std, null); }

    /**
     * Log-normal samples from {@code generator}.
     *
     * @param mean the mean
     * @param std the standard deviation
     * @param generator the generator to draw from (null: the default one)
     * @return this tensor, modified in place
     */
    public Tensor logNormal_(double mean, double std, Generator generator) { return of(RandomOps.logNormal_(impl, mean, std, generator)); }

    /**
     * Geometric samples, the number of Bernoulli(p) trials up to the first success
     * ({@code tensor.geometric_(p)}); p in (0, 1); float32, float64 or int64.
     *
     * @param p the success probability, in (0, 1)
     * @return this tensor, modified in place
     */
    public Tensor geometric_(double p) { return geometric_(p, null); }

    /**
     * Geometric samples from {@code generator}.
     *
     * @param p the success probability, in (0, 1)
     * @param generator the generator to draw from (null: the default one)
     * @return this tensor, modified in place
     */
    public Tensor geometric_(double p, Generator generator) { return of(RandomOps.geometric_(impl, p, generator)); }

    /**
     * Standard Cauchy samples ({@code tensor.cauchy_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor cauchy_() { return cauchy_(0, 1, null); }

    /**
     * Cauchy samples with the given median and scale ({@code tensor.cauchy_(median, sigma)}).
     *
     * @param median the median
     * @param sigma the scale
     * @return this tensor, modified in place
     */
    public Tensor cauchy_(double median, double sigma) { return cauchy_(median, sigma, null); }

    /**
     * Cauchy samples from {@code generator}.
     *
     * @param median the median
     * @param sigma the scale
     * @param generator the generator to draw from (null: the default one)
     * @return this tensor, modified in place
     */
    public Tensor cauchy_(double median, double sigma, Generator generator) { return of(RandomOps.cauchy_(impl, median, sigma, generator)); }

    /**
     * Integers in [from, to) ({@code tensor.random_(from, to)}).
     *
     * @param from the lower bound (included)
     * @param to the upper bound (excluded)
     * @return this tensor, modified in place
     */
    public Tensor random_(long from, long to) { return random_(from, to, null); }

    /**
     * Integers in [from, to) from {@code generator}.
     *
     * @param from the lower bound (included)
     * @param to the upper bound (excluded)
     * @param generator the generator to draw from (null: the default one)
     * @return this tensor, modified in place
     */
    public Tensor random_(long from, long to, Generator generator) { return of(RandomOps.random_(impl, from, to, generator)); }

    /**
     * Integers in [0, to) ({@code tensor.random_(to)}).
     *
     * @param to the upper bound (excluded)
     * @return this tensor, modified in place
     */
    public Tensor random_(long to) { return of(RandomOps.random_(impl, to, null)); }

    /**
     * Integers over the dtype's exactly representable range ({@code tensor.random_()}): [0, 2⁶³) for int64,
     * [0, 2²⁴] for float32, [0, 2⁵³] for float64, {false, true} for bool.
     *
     * @return this tensor, modified in place
     */
    public Tensor random_() { return of(RandomOps.random_(impl, null)); }

    // ------------------------------------------------------------------ indexing (Python's x[...], x[...] = v)

    /** The index list with the API's types unwrapped for the ops: Tensor to its impl, Slice to a range. */
    private static Object[] subscripts(Object[] indices) {
        if (indices == null) return null;
        Object[] r = new Object[indices.length];
        for (int i = 0; i < r.length; i++) {
            Object o = indices[i];
            if (o instanceof Tensor t) r[i] = t.impl;
            else if (o instanceof Slice sl) r[i] = new Subscripts.Range(sl.start() == null ? null : (long) sl.start(),
                    sl.stop() == null ? null : (long) sl.stop(), sl.step() == null ? 1 : sl.step());
            else r[i] = o;
        }
        return r;
    }

    /**
     * Python's {@code x[i, ...]} (the C++ frontend's {@code x.index({...})}). Each entry is an {@code Integer} or
     * {@code Long} (picks one position, the dim goes: a view, SelectBackward0), a {@link Slice} from
     * {@link Torch#slice(Integer, Integer, Integer)} (a view, SliceBackward0), {@link Torch#ELLIPSIS} ({@code ...}),
     * {@code null} or {@link Torch#NEWAXIS} (None: a new size-1 dim, UnsqueezeBackward0), a {@code Boolean}
     * (True/False), an int64 tensor or {@code long[]}/{@code int[]} (advanced indexing: the index tensors
     * broadcast together, their dims replace the indexed ones where those are adjacent, else go first) or a
     * bool tensor (a mask over as many dims as it has). Advanced indexing copies (IndexBackward0).
     * Example: {@code x.index(slice(1, null, 2), ELLIPSIS, NEWAXIS)} is {@code x[1::2, ..., None]}.
     *
     * @param indices the index list, as in Python's brackets
     * @return the view or the gathered tensor
     * @throws IndexOutOfBoundsException with PyTorch's message for indices out of range or too many indices
     * @throws IllegalArgumentException for an entry of another type (naming its class), or a step below 1
     */
    public Tensor index(Object... indices) { return of(Subscripts.get(impl, subscripts(indices))); }

    /**
     * Python's {@code x[indices] = value} (the C++ frontend's {@code x.index_put_({...}, value)}): value,
     * broadcast to the indexed part, is written there. Writing through the basic indices goes through the view
     * (x's history becomes CopySlices); with index tensors it is {@code index_put_} (IndexPutBackward0).
     *
     * @param indices the index list, as {@link #index(Object...)} takes it
     * @param value the values written
     * @return this tensor, modified in place
     */
    public Tensor indexPut_(Object[] indices, Tensor value) { return of(Subscripts.set(impl, subscripts(indices), value.impl, false)); }

    /**
     * {@code x.index_put_(indices, value, accumulate)}: with accumulate true the value is added at the indexed
     * places, duplicates summing ({@code x[indices] += value} without NumPy's last-write rule).
     *
     * @param indices the index list, as {@link #index(Object...)} takes it
     * @param value the values written or added
     * @param accumulate whether to add instead of writing
     * @return this tensor, modified in place
     */
    public Tensor indexPut_(Object[] indices, Tensor value, boolean accumulate) {
        return of(Subscripts.set(impl, subscripts(indices), value.impl, accumulate));
    }

    /**
     * Python's {@code x[indices] = value} with a number.
     *
     * @param indices the index list, as {@link #index(Object...)} takes it
     * @param value the value written (converted to this tensor's dtype)
     * @return this tensor, modified in place
     */
    public Tensor indexPut_(Object[] indices, double value) { return of(Subscripts.set(impl, subscripts(indices), value, false)); }

    /**
     * {@code x.index_put_(indices, torch.tensor(value), accumulate)} with a number.
     *
     * @param indices the index list, as {@link #index(Object...)} takes it
     * @param value the value written or added (converted to this tensor's dtype)
     * @param accumulate whether to add instead of writing
     * @return this tensor, modified in place
     */
    public Tensor indexPut_(Object[] indices, double value, boolean accumulate) {
        return of(Subscripts.set(impl, subscripts(indices), value, accumulate));
    }

    /**
     * Out-of-place {@link #indexPut_(Object[], Tensor)}: {@code x.index_put(indices, value)}, a copy with the
     * values written (IndexPutBackward0 when every entry is an index tensor).
     *
     * @param indices the index list, as {@link #index(Object...)} takes it
     * @param value the values written
     * @return the new tensor
     */
    public Tensor indexPut(Object[] indices, Tensor value) { return indexPut(indices, value, false); }

    /**
     * Out-of-place {@link #indexPut_(Object[], Tensor, boolean)}: {@code x.index_put(indices, value, accumulate)}.
     *
     * @param indices the index list, as {@link #index(Object...)} takes it
     * @param value the values written or added
     * @param accumulate whether to add instead of writing
     * @return the new tensor
     */
    public Tensor indexPut(Object[] indices, Tensor value, boolean accumulate) {
        return of(Subscripts.setCopy(impl, subscripts(indices), value.impl, accumulate));
    }

    /**
     * The elements where the bool mask (broadcast with this tensor) is true, 1-d in row-major order
     * ({@code x.masked_select(mask)}, {@code x[mask]} for a mask of x's shape). Derivative: MaskedSelectBackward0.
     *
     * @param mask a bool tensor
     * @return the selected elements
     */
    public Tensor maskedSelect(Tensor mask) { return of(Subscripts.maskedSelect(impl, mask.impl)); }

    /**
     * This tensor with the places where mask is true taking source's elements in row-major order
     * ({@code x.masked_scatter(mask, source)}). Derivative: MaskedScatterBackward0.
     *
     * @param mask a bool tensor, broadcast with this tensor
     * @param source at least as many elements as mask has true ones, of this dtype
     * @return the new tensor
     */
    public Tensor maskedScatter(Tensor mask, Tensor source) { return of(Subscripts.maskedScatter(impl, mask.impl, source.impl)); }

    /**
     * In-place {@link #maskedScatter(Tensor, Tensor)} ({@code x.masked_scatter_(mask, source)}).
     *
     * @param mask a bool tensor that broadcasts to this tensor's shape
     * @param source at least as many elements as mask has true ones, of this dtype
     * @return this tensor, modified in place
     */
    public Tensor maskedScatter_(Tensor mask, Tensor source) {
        return of(Subscripts.maskedScatter_(impl, mask.impl, source.impl));
    }

    /**
     * The coordinates of the nonzero elements, int64 of shape [n, dim()] in row-major order ({@code x.nonzero()}).
     *
     * @return the coordinates
     */
    public Tensor nonzero() { return of(Subscripts.nonzero(impl)); }

    /**
     * {@code x.nonzero(as_tuple=asTuple)}: with asTuple, one int64 vector of coordinates per dim (a 0-d
     * tensor counts as 1-d), which indexes the nonzero elements: {@code x.index(x.nonzero(true).toArray())};
     * without, the one tensor of {@link #nonzero()}.
     *
     * @param asTuple whether to split the coordinates by dim
     * @return the coordinate vectors, or a list holding the [n, dim()] tensor
     */
    public List<Tensor> nonzero(boolean asTuple) {
        if (!asTuple) return List.of(nonzero());
        return Subscripts.nonzeroTuple(impl).stream().map(Tensor::of).toList();
    }

    /**
     * The same as {@link #nonzero()} ({@code torch.argwhere(x)}).
     *
     * @return the coordinates, int64 [n, dim()]
     */
    public Tensor argwhere() { return nonzero(); }

    /**
     * The number of nonzero elements, a 0-d int64 ({@code torch.count_nonzero(x)}).
     *
     * @return the count
     */
    public Tensor countNonzero() { return of(Subscripts.countNonzero(impl)); }

    /**
     * The number of nonzero elements along dim, int64 ({@code torch.count_nonzero(x, dim)}).
     *
     * @param dim the dim counted over (removed)
     * @return the counts
     */
    public Tensor countNonzero(int dim) { return of(Subscripts.countNonzero(impl, dim)); }

    /**
     * The elements at the int64 index, reading this tensor as if it were 1-d in row-major order, shaped like the
     * index ({@code x.take(index)}). Derivative: TakeBackward0.
     *
     * @param index int64 positions, negative ones counting from the end
     * @return the picked elements
     */
    public Tensor take(Tensor index) { return of(Subscripts.take(impl, index.impl)); }

    // ------------------------------------------------------------------ scatter, split and rearrange

    /** The pieces as API tensors (split, chunk, unbind). */
    private static List<Tensor> ofAll(List<TensorImpl> pieces) {
        List<Tensor> r = new java.util.ArrayList<>(pieces.size());
        for (TensorImpl p : pieces) r.add(of(p));
        return java.util.Collections.unmodifiableList(r);
    }

    /**
     * {@code out[..index[..i..]..] = src[..i..]} along {@code dim}, the rest this tensor's values
     * ({@code tensor.scatter(dim, index, src)}); with duplicate indices the last write wins.
     *
     * @param dim the dimension (negative counts from the end)
     * @param index int64 indices, as many dims as this tensor, no larger than src
     * @param src the values, this tensor's dtype
     * @return a new tensor
     */
    public Tensor scatter(int dim, Tensor index, Tensor src) { return of(Indexing.scatter(impl, dim, index.impl, src.impl)); }

    /**
     * {@code value} at the indexed positions along {@code dim} ({@code tensor.scatter(dim, index, value)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index int64 indices, as many dims as this tensor
     * @param value the value to write
     * @return a new tensor
     */
    public Tensor scatter(int dim, Tensor index, double value) { return of(Indexing.scatter(impl, dim, index.impl, value)); }

    /**
     * {@link #scatter(int, Tensor, Tensor)} in place ({@code tensor.scatter_(dim, index, src)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index int64 indices
     * @param src the values
     * @return this tensor, modified in place
     */
    public Tensor scatter_(int dim, Tensor index, Tensor src) { return of(Indexing.scatter_(impl, dim, index.impl, src.impl)); }

    /**
     * {@link #scatter(int, Tensor, double)} in place ({@code tensor.scatter_(dim, index, value)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index int64 indices
     * @param value the value to write
     * @return this tensor, modified in place
     */
    public Tensor scatter_(int dim, Tensor index, double value) { return of(Indexing.scatter_(impl, dim, index.impl, value)); }

    /**
     * {@code out[..index[..i..]..] += src[..i..]} along {@code dim} ({@code tensor.scatter_add(dim, index, src)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index int64 indices, as many dims as this tensor, no larger than src
     * @param src the values, this tensor's dtype
     * @return a new tensor
     */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) { return of(Indexing.scatterAdd(impl, dim, index.impl, src.impl)); }

    /**
     * {@link #scatterAdd} in place ({@code tensor.scatter_add_(dim, index, src)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index int64 indices
     * @param src the values
     * @return this tensor, modified in place
     */
    public Tensor scatterAdd_(int dim, Tensor index, Tensor src) { return of(Indexing.scatterAdd_(impl, dim, index.impl, src.impl)); }

    /**
     * Each indexed position reduced with the src values scattered to it and its own value
     * ({@code tensor.scatter_reduce(dim, index, src, reduce)}, include_self=True).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index int64 indices
     * @param src the values, this tensor's dtype
     * @param reduce "sum", "prod", "mean", "amax" or "amin"
     * @return a new tensor
     */
    public Tensor scatterReduce(int dim, Tensor index, Tensor src, String reduce) { return scatterReduce(dim, index, src, reduce, true); }

    /**
     * {@code tensor.scatter_reduce(dim, index, src, reduce, include_self=includeSelf)}: without includeSelf the
     * indexed positions reduce only the src values scattered to them.
     *
     * @param dim the dimension (negative counts from the end)
     * @param index int64 indices
     * @param src the values, this tensor's dtype
     * @param reduce "sum", "prod", "mean", "amax" or "amin"
     * @param includeSelf whether this tensor's values take part in the reduction
     * @return a new tensor
     */
    public Tensor scatterReduce(int dim, Tensor index, Tensor src, String reduce, boolean includeSelf) {
        return of(Indexing.scatterReduce(impl, dim, index.impl, src.impl, reduce, includeSelf));
    }

    /**
     * {@link #scatterReduce(int, Tensor, Tensor, String, boolean)} in place ({@code tensor.scatter_reduce_}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index int64 indices
     * @param src the values
     * @param reduce "sum", "prod", "mean", "amax" or "amin"
     * @param includeSelf whether this tensor's values take part in the reduction
     * @return this tensor, modified in place
     */
    public Tensor scatterReduce_(int dim, Tensor index, Tensor src, String reduce, boolean includeSelf) {
        return of(Indexing.scatterReduce_(impl, dim, index.impl, src.impl, reduce, includeSelf));
    }

    /**
     * The slices of {@code source} added at the indexed positions along {@code dim}
     * ({@code tensor.index_add(dim, index, source)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index 1-d int64 indices, one per slice of source
     * @param source the slices, this tensor's dtype
     * @return a new tensor
     */
    public Tensor indexAdd(int dim, Tensor index, Tensor source) { return of(Indexing.indexAdd(impl, dim, index.impl, source.impl)); }

    /**
     * {@code alpha·source}'s slices added at the indexed positions ({@code tensor.index_add(dim, index, source, alpha=alpha)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index 1-d int64 indices
     * @param source the slices
     * @param alpha the factor of source
     * @return a new tensor
     */
    public Tensor indexAdd(int dim, Tensor index, Tensor source, double alpha) {
        return of(Indexing.indexAdd(impl, dim, index.impl, source.impl, alpha));
    }

    /**
     * {@link #indexAdd(int, Tensor, Tensor)} in place ({@code tensor.index_add_(dim, index, source)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index 1-d int64 indices
     * @param source the slices
     * @return this tensor, modified in place
     */
    public Tensor indexAdd_(int dim, Tensor index, Tensor source) { return indexAdd_(dim, index, source, 1); }

    /**
     * {@link #indexAdd(int, Tensor, Tensor, double)} in place ({@code tensor.index_add_(dim, index, source, alpha=alpha)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index 1-d int64 indices
     * @param source the slices
     * @param alpha the factor of source
     * @return this tensor, modified in place
     */
    public Tensor indexAdd_(int dim, Tensor index, Tensor source, double alpha) {
        return of(Indexing.indexAdd_(impl, dim, index.impl, source.impl, alpha));
    }

    /**
     * The slices of {@code source} copied to the indexed positions along {@code dim} ({@code tensor.index_copy}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index 1-d int64 indices, one per slice of source
     * @param source the slices, this tensor's dtype
     * @return a new tensor
     */
    public Tensor indexCopy(int dim, Tensor index, Tensor source) { return of(Indexing.indexCopy(impl, dim, index.impl, source.impl)); }

    /**
     * {@link #indexCopy} in place ({@code tensor.index_copy_(dim, index, source)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index 1-d int64 indices
     * @param source the slices
     * @return this tensor, modified in place
     */
    public Tensor indexCopy_(int dim, Tensor index, Tensor source) { return of(Indexing.indexCopy_(impl, dim, index.impl, source.impl)); }

    /**
     * {@code value} in the indexed slices along {@code dim} ({@code tensor.index_fill(dim, index, value)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index 0-d or 1-d int64 indices (negative count from the end)
     * @param value the value
     * @return a new tensor
     */
    public Tensor indexFill(int dim, Tensor index, double value) { return of(Indexing.indexFill(impl, dim, index.impl, value)); }

    /**
     * {@code tensor.index_fill(dim, index, value)} with a 0-d tensor value (which gets a gradient).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index 0-d or 1-d int64 indices
     * @param value a 0-d tensor
     * @return a new tensor
     */
    public Tensor indexFill(int dim, Tensor index, Tensor value) { return of(Indexing.indexFill(impl, dim, index.impl, value.impl)); }

    /**
     * {@link #indexFill(int, Tensor, double)} in place ({@code tensor.index_fill_}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index 0-d or 1-d int64 indices
     * @param value the value
     * @return this tensor, modified in place
     */
    public Tensor indexFill_(int dim, Tensor index, double value) { return of(Indexing.indexFill_(impl, dim, index.impl, value)); }

    /**
     * {@link #indexFill(int, Tensor, Tensor)} in place ({@code tensor.index_fill_}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param index 0-d or 1-d int64 indices
     * @param value a 0-d tensor
     * @return this tensor, modified in place
     */
    public Tensor indexFill_(int dim, Tensor index, Tensor value) { return of(Indexing.indexFill_(impl, dim, index.impl, value.impl)); }

    /**
     * Pieces of {@code splitSize} along dim 0, the last one smaller ({@code tensor.split(split_size)}), views.
     *
     * @param splitSize the size of each piece
     * @return the pieces (views of this tensor, outputs 0, 1, … of one {@code SplitBackward0} node)
     */
    public List<Tensor> split(long splitSize) { return split(splitSize, 0); }

    /**
     * Pieces of {@code splitSize} along {@code dim}, the last one smaller ({@code tensor.split(split_size, dim)}).
     *
     * @param splitSize the size of each piece
     * @param dim the dimension (negative counts from the end)
     * @return the pieces (views of this tensor, outputs 0, 1, … of one {@code SplitBackward0} node)
     */
    public List<Tensor> split(long splitSize, int dim) { return ofAll(Rearrange.split(impl, splitSize, dim)); }

    /**
     * Pieces of the given sizes along dim 0 ({@code tensor.split([sizes])}), views.
     *
     * @param sizes the pieces' sizes, summing to the dim's size
     * @return the pieces (views, outputs of one {@code SplitWithSizesBackward0} node)
     */
    public List<Tensor> split(long[] sizes) { return split(sizes, 0); }

    /**
     * Pieces of the given sizes along {@code dim} ({@code tensor.split([sizes], dim)}), views.
     *
     * @param sizes the pieces' sizes, summing to the dim's size
     * @param dim the dimension (negative counts from the end)
     * @return the pieces (views, outputs of one {@code SplitWithSizesBackward0} node)
     */
    public List<Tensor> split(long[] sizes, int dim) { return ofAll(Rearrange.split(impl, sizes, dim)); }

    /**
     * {@code chunks} pieces of ⌈size/chunks⌉ along dim 0 (fewer if they run out; {@code tensor.chunk(chunks)}).
     *
     * @param chunks the number of pieces wanted
     * @return the pieces (views, outputs of one {@code SplitBackward0} node)
     */
    public List<Tensor> chunk(int chunks) { return chunk(chunks, 0); }

    /**
     * {@code chunks} pieces of ⌈size/chunks⌉ along {@code dim} ({@code tensor.chunk(chunks, dim)}).
     *
     * @param chunks the number of pieces wanted
     * @param dim the dimension (negative counts from the end)
     * @return the pieces (views, outputs of one {@code SplitBackward0} node)
     */
    public List<Tensor> chunk(int chunks, int dim) { return ofAll(Rearrange.chunk(impl, chunks, dim)); }

    /**
     * The slices along dim 0 ({@code tensor.unbind()}), views.
     *
     * @return the slices (views, outputs of one {@code UnbindBackward0} node)
     */
    public List<Tensor> unbind() { return unbind(0); }

    /**
     * The slices along {@code dim} ({@code tensor.unbind(dim)}), views.
     *
     * @param dim the dimension (negative counts from the end)
     * @return the slices (views, outputs of one {@code UnbindBackward0} node)
     */
    public List<Tensor> unbind(int dim) { return ofAll(Rearrange.unbind(impl, dim)); }

    /**
     * The elements in reverse order along each of {@code dims} ({@code tensor.flip(dims)}), a copy.
     *
     * @param dims distinct dimensions (negative count from the end)
     * @return a new tensor
     */
    public Tensor flip(int... dims) { return of(Rearrange.flip(impl, dims)); }

    /**
     * The flattened elements shifted cyclically by {@code shifts}, shape kept ({@code tensor.roll(shifts)}).
     *
     * @param shifts the shift (negative shifts the other way)
     * @return a new tensor
     */
    public Tensor roll(long shifts) { return of(Rearrange.roll(impl, new long[] {shifts}, new int[0])); }

    /**
     * Elements shifted cyclically by {@code shifts} along {@code dim} ({@code tensor.roll(shifts, dim)}).
     *
     * @param shifts the shift
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor roll(long shifts, int dim) { return of(Rearrange.roll(impl, new long[] {shifts}, new int[] {dim})); }

    /**
     * Elements shifted by {@code shifts[i]} along {@code dims[i]} ({@code tensor.roll(shifts, dims)}).
     *
     * @param shifts one shift per dim
     * @param dims the dimensions
     * @return a new tensor
     */
    public Tensor roll(long[] shifts, int[] dims) { return of(Rearrange.roll(impl, shifts, dims)); }

    /**
     * This tensor repeated {@code repeats[i]} times along dim i ({@code tensor.repeat(*repeats)}; extra leading
     * counts add dims), a copy.
     *
     * @param repeats one count per dim, at least as many as this tensor has dims
     * @return a new tensor
     */
    public Tensor repeat(long... repeats) { return of(Rearrange.repeat(impl, repeats)); }

    /**
     * {@link #repeat} with the counts padded by leading 1s to this tensor's rank ({@code tensor.tile(dims)}).
     *
     * @param dims the counts
     * @return a new tensor
     */
    public Tensor tile(long... dims) { return of(Rearrange.tile(impl, dims)); }

    /**
     * Each element of the flattened tensor repeated {@code repeats} times ({@code tensor.repeat_interleave(repeats)}).
     *
     * @param repeats the count
     * @return a new 1-d tensor
     */
    public Tensor repeatInterleave(long repeats) { return of(Rearrange.repeatInterleave(impl, repeats, null)); }

    /**
     * Each slice along {@code dim} repeated {@code repeats} times ({@code tensor.repeat_interleave(repeats, dim)}).
     *
     * @param repeats the count
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor repeatInterleave(long repeats, int dim) { return of(Rearrange.repeatInterleave(impl, repeats, dim)); }

    /**
     * Element i of the flattened tensor repeated {@code repeats[i]} times ({@code tensor.repeat_interleave(repeats)}).
     *
     * @param repeats 0-d or 1-d int64 counts
     * @return a new 1-d tensor
     */
    public Tensor repeatInterleave(Tensor repeats) { return of(Rearrange.repeatInterleave(impl, repeats.impl, null)); }

    /**
     * Slice i along {@code dim} repeated {@code repeats[i]} times ({@code tensor.repeat_interleave(repeats, dim)}).
     *
     * @param repeats 0-d or 1-d int64 counts, one per slice (or one for all)
     * @param dim the dimension (negative counts from the end)
     * @return a new tensor
     */
    public Tensor repeatInterleave(Tensor repeats, int dim) { return of(Rearrange.repeatInterleave(impl, repeats.impl, dim)); }

    /**
     * The lower triangle of the last two dims, the rest zero ({@code tensor.tril()}).
     *
     * @return a new tensor
     */
    public Tensor tril() { return tril(0); }

    /**
     * Elements (i, j) with {@code j - i <= diagonal} kept, the rest zero ({@code tensor.tril(diagonal)}).
     *
     * @param diagonal the last diagonal kept (0 the main one, positive above it)
     * @return a new tensor
     */
    public Tensor tril(long diagonal) { return of(Rearrange.tril(impl, diagonal)); }

    /**
     * The upper triangle of the last two dims, the rest zero ({@code tensor.triu()}).
     *
     * @return a new tensor
     */
    public Tensor triu() { return triu(0); }

    /**
     * Elements (i, j) with {@code j - i >= diagonal} kept, the rest zero ({@code tensor.triu(diagonal)}).
     *
     * @param diagonal the first diagonal kept (0 the main one, positive above it)
     * @return a new tensor
     */
    public Tensor triu(long diagonal) { return of(Rearrange.triu(impl, diagonal)); }

    /**
     * {@link #tril()} in place ({@code tensor.tril_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor tril_() { return tril_(0); }

    /**
     * {@link #tril(long)} in place ({@code tensor.tril_(diagonal)}).
     *
     * @param diagonal the last diagonal kept
     * @return this tensor, modified in place
     */
    public Tensor tril_(long diagonal) { return of(Rearrange.tril_(impl, diagonal)); }

    /**
     * {@link #triu()} in place ({@code tensor.triu_()}).
     *
     * @return this tensor, modified in place
     */
    public Tensor triu_() { return triu_(0); }

    /**
     * {@link #triu(long)} in place ({@code tensor.triu_(diagonal)}).
     *
     * @param diagonal the first diagonal kept
     * @return this tensor, modified in place
     */
    public Tensor triu_(long diagonal) { return of(Rearrange.triu_(impl, diagonal)); }

    /**
     * A 1-d tensor as a diagonal matrix, or a matrix's diagonal as a 1-d tensor ({@code tensor.diag()}).
     *
     * @return a new tensor
     */
    public Tensor diag() { return diag(0); }

    /**
     * {@code tensor.diag(diagonal)}: 1-d → the square matrix with this on diagonal k; 2-d → diagonal k, a copy.
     *
     * @param diagonal which diagonal (0 the main one, positive above it)
     * @return a new tensor
     */
    public Tensor diag(int diagonal) { return of(Rearrange.diag(impl, diagonal)); }

    /**
     * The main diagonal of dims 0 and 1 as the last dim ({@code tensor.diagonal()}), a view.
     *
     * @return a view of this tensor (it shares the storage)
     */
    public Tensor diagonal() { return diagonal(0, 0, 1); }

    /**
     * Diagonal {@code offset} of the matrices in dims dim1, dim2, as the last dim
     * ({@code tensor.diagonal(offset, dim1, dim2)}), a view.
     *
     * @param offset which diagonal (0 the main one, positive above it)
     * @param dim1 the rows' dimension
     * @param dim2 the columns' dimension
     * @return a view of this tensor (it shares the storage)
     */
    public Tensor diagonal(int offset, int dim1, int dim2) { return of(Rearrange.diagonal(impl, offset, dim1, dim2)); }

    /**
     * The sum of the main diagonal of a matrix ({@code tensor.trace()}).
     *
     * @return a 0-d tensor (int64 for integer matrices)
     */
    public Tensor trace() { return of(Rearrange.trace(impl)); }

    /**
     * The outer product of two 1-d tensors, {@code out[i][j] = this[i]·other[j]} ({@code tensor.outer(other)}).
     *
     * @param other a 1-d tensor
     * @return a new 2-d tensor
     */
    public Tensor outer(Tensor other) { return of(Rearrange.outer(impl, other.impl)); }

    /**
     * The cross product of the 3-vectors along {@code dim} ({@code tensor.cross(other, dim)},
     * {@code torch.linalg.cross}); the inputs broadcast.
     *
     * @param other the second factor, this tensor's dtype
     * @param dim a dimension of size 3
     * @return a new tensor
     */
    public Tensor cross(Tensor other, int dim) { return of(Rearrange.cross(impl, other.impl, dim)); }

    /**
     * The cross product along the first dim of size 3 ({@code tensor.cross(other)}, PyTorch 1.13's default).
     *
     * @param other the second factor, this tensor's dtype
     * @return a new tensor
     */
    public Tensor cross(Tensor other) { return of(Rearrange.cross(impl, other.impl)); }

    /**
     * The Kronecker product ({@code tensor.kron(other)}): block (i, j, …) is {@code this[i, j, …]·other}.
     *
     * @param other the second factor
     * @return a new tensor
     */
    public Tensor kron(Tensor other) { return of(Rearrange.kron(impl, other.impl)); }

    // ------------------------------------------------------------------ sorting, searching and counting

    /**
     * Sorts along the last dim, ascending ({@code x.sort()}): NaN last; equal values keep their order.
     *
     * @return the sorted values and their int64 positions ({@code torch.return_types.sort})
     */
    public ValuesIndices sort() { return sort(-1, false); }

    /**
     * Sorts along {@code dim}, ascending ({@code x.sort(dim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return the sorted values and their int64 positions
     */
    public ValuesIndices sort(int dim) { return sort(dim, false); }

    /**
     * Sorts along {@code dim} ({@code x.sort(dim, descending)}): descending puts NaN first. Ties keep their order,
     * as PyTorch's CPU sort does for lines of up to 16 elements (longer ones it orders ties its own way unless
     * stable). The values' gradient ({@code SortBackward0}) goes back to the positions they came from.
     *
     * @param dim the dimension (negative counts from the end)
     * @param descending largest first
     * @return the sorted values and their int64 positions
     */
    public ValuesIndices sort(int dim, boolean descending) { return pair("sort", Sorting.sort(impl, dim, descending, null)); }

    /**
     * Sorts along {@code dim}, PyTorch's overload with {@code stable} ({@code x.sort(stable=s, dim=d,
     * descending=desc)}, node {@code SortBackward1}). The sort is always stable: equal values keep their order.
     *
     * @param dim the dimension (negative counts from the end)
     * @param descending largest first
     * @param stable whether equal values must keep their order (they always do)
     * @return the sorted values and their int64 positions
     */
    public ValuesIndices sort(int dim, boolean descending, boolean stable) {
        return pair("sort", Sorting.sort(impl, dim, descending, stable));
    }

    /**
     * The positions that sort the last dim ascending ({@code x.argsort()}), the indices of {@link #sort()}.
     *
     * @return an int64 tensor of this shape
     */
    public Tensor argsort() { return argsort(-1, false); }

    /**
     * The positions that sort {@code dim} ascending ({@code x.argsort(dim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return an int64 tensor of this shape
     */
    public Tensor argsort(int dim) { return argsort(dim, false); }

    /**
     * The positions that sort {@code dim} ({@code x.argsort(dim, descending)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param descending largest first
     * @return an int64 tensor of this shape
     */
    public Tensor argsort(int dim, boolean descending) { return of(Sorting.argsort(impl, dim, descending)); }

    /**
     * The positions that sort {@code dim} ({@code x.argsort(dim, descending, stable)}); always stable.
     *
     * @param dim the dimension (negative counts from the end)
     * @param descending largest first
     * @param stable whether equal values must keep their order (they always do)
     * @return an int64 tensor of this shape
     */
    public Tensor argsort(int dim, boolean descending, boolean stable) { return of(Sorting.argsort(impl, dim, descending)); }

    /**
     * Sorted along dim 0, ascending ({@code x.msort()}, i.e. {@code x.sort(0).values}).
     *
     * @return the sorted values
     */
    public Tensor msort() { return sort(0, false).values(); }

    /**
     * The k largest along the last dim ({@code x.topk(k)}).
     *
     * @param k how many (0 to the dim's size)
     * @return the values, largest first, and their int64 positions ({@code torch.return_types.topk})
     */
    public ValuesIndices topk(long k) { return topk(k, -1, true, true); }

    /**
     * The k largest along {@code dim} ({@code x.topk(k, dim)}).
     *
     * @param k how many (0 to the dim's size)
     * @param dim the dimension (negative counts from the end)
     * @return the values, largest first, and their int64 positions
     */
    public ValuesIndices topk(long k, int dim) { return topk(k, dim, true, true); }

    /**
     * The k largest (or smallest) along {@code dim} ({@code x.topk(k, dim, largest, sorted)}). Among equal values
     * the earlier position comes first; PyTorch's selection may pick and order tied values otherwise, and with
     * {@code sorted=false} returns them in an order of its own, where here they are always in order.
     * Gradient ({@code TopkBackward0}): back to the positions.
     *
     * @param k how many (0 to the dim's size)
     * @param dim the dimension (negative counts from the end)
     * @param largest the largest (else the smallest)
     * @param sorted whether in order (they always are)
     * @return the values and their int64 positions
     */
    public ValuesIndices topk(long k, int dim, boolean largest, boolean sorted) {
        return pair("topk", Sorting.topk(impl, k, dim, largest, sorted));
    }

    /**
     * The k-th smallest along the last dim ({@code x.kthvalue(k)}).
     *
     * @param k from 1 to the dim's size
     * @return the value and its int64 position ({@code torch.return_types.kthvalue})
     */
    public ValuesIndices kthvalue(long k) { return kthvalue(k, -1, false); }

    /**
     * The k-th smallest along {@code dim} ({@code x.kthvalue(k, dim)}).
     *
     * @param k from 1 to the dim's size
     * @param dim the dimension (negative counts from the end)
     * @return the value and its int64 position
     */
    public ValuesIndices kthvalue(long k, int dim) { return kthvalue(k, dim, false); }

    /**
     * The k-th smallest along {@code dim} ({@code x.kthvalue(k, dim, keepdim)}), picked among ties as PyTorch's
     * quick select picks. Gradient ({@code KthvalueBackward0}): to that position.
     *
     * @param k from 1 to the dim's size
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether the dim stays, with size 1
     * @return the value and its int64 position
     */
    public ValuesIndices kthvalue(long k, int dim, boolean keepdim) { return pair("kthvalue", Sorting.kthvalue(impl, k, dim, keepdim)); }

    /**
     * The lower median of all elements ({@code x.median()}): the ⌊(n−1)/2⌋-th smallest, NaN if any is NaN.
     * Gradient ({@code MedianBackward0}): shared evenly among the elements equal to it.
     *
     * @return a 0-d tensor
     */
    public Tensor median() { return of(Sorting.medianAll(impl, false)); }

    /**
     * The lower median along {@code dim} ({@code x.median(dim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return the values and their int64 positions ({@code torch.return_types.median})
     */
    public ValuesIndices median(int dim) { return median(dim, false); }

    /**
     * The lower median along {@code dim} ({@code x.median(dim, keepdim)}): among equal values the one at the
     * earliest position; a line holding NaN gives its first NaN. Gradient ({@code MedianBackward1}): to that
     * position.
     *
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether the dim stays, with size 1
     * @return the values and their int64 positions
     */
    public ValuesIndices median(int dim, boolean keepdim) { return pair("median", Sorting.medianDim(impl, dim, keepdim, false)); }

    /**
     * The lower median of the elements that are not NaN ({@code x.nanmedian()}; NaN if all are).
     *
     * @return a 0-d tensor
     */
    public Tensor nanmedian() { return of(Sorting.medianAll(impl, true)); }

    /**
     * The lower median along {@code dim} ignoring NaN ({@code x.nanmedian(dim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return the values and their int64 positions ({@code torch.return_types.nanmedian})
     */
    public ValuesIndices nanmedian(int dim) { return nanmedian(dim, false); }

    /**
     * The lower median along {@code dim} ignoring NaN ({@code x.nanmedian(dim, keepdim)}); a line of NaN only
     * gives NaN (at position 0, where PyTorch's position varies). Gradient ({@code NanmedianBackward1}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether the dim stays, with size 1
     * @return the values and their int64 positions
     */
    public ValuesIndices nanmedian(int dim, boolean keepdim) { return pair("nanmedian", Sorting.medianDim(impl, dim, keepdim, true)); }

    /**
     * The most frequent value along the last dim ({@code x.mode()}).
     *
     * @return the values and their int64 positions ({@code torch.return_types.mode})
     */
    public ValuesIndices mode() { return mode(-1, false); }

    /**
     * The most frequent value along {@code dim} ({@code x.mode(dim)}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return the values and their int64 positions
     */
    public ValuesIndices mode(int dim) { return mode(dim, false); }

    /**
     * The most frequent value along {@code dim} ({@code x.mode(dim, keepdim)}): the smallest of equally frequent
     * ones, with the position of its last occurrence (PyTorch's, for lines of up to 16 elements; for longer
     * lines PyTorch's unstable sort picks among the occurrences its own way). Each NaN counts as a value of its
     * own (PyTorch 1.13's comparisons give no consistent result for NaN). Gradient ({@code ModeBackward0}).
     *
     * @param dim the dimension (negative counts from the end)
     * @param keepdim whether the dim stays, with size 1
     * @return the values and their int64 positions
     */
    public ValuesIndices mode(int dim, boolean keepdim) { return pair("mode", Sorting.mode(impl, dim, keepdim)); }

    /**
     * The distinct elements, ascending ({@code x.unique()} / {@code torch.unique(x)}).
     *
     * @return the result, printing as the output tensor
     */
    public UniqueResult unique() { return unique(true, false, false); }

    /**
     * The distinct elements with, when asked, inverse indices and counts ({@code torch.unique(x, sorted,
     * return_inverse, return_counts)}). The output is always ascending: PyTorch 1.13's CPU kernel with
     * {@code sorted=false} lists the values in its hash set's order instead. NaN: each NaN is a value of its own
     * here, placed last (PyTorch 1.13's result for NaN is not a consistent one).
     *
     * @param sorted whether ascending (it always is)
     * @param returnInverse whether to return each element's position in the output
     * @param returnCounts whether to return how often each value occurs
     * @return the output and the parts asked for
     */
    public UniqueResult unique(boolean sorted, boolean returnInverse, boolean returnCounts) {
        return unique(Sorting.unique(impl, false), returnInverse, returnCounts);
    }

    /**
     * The distinct slices along {@code dim} ({@code torch.unique(x, sorted, return_inverse, return_counts,
     * dim=dim)}), in lexicographic order (PyTorch sorts them whatever {@code sorted} says); inverse and counts
     * are over dim.
     *
     * @param sorted whether ascending (it always is, as in PyTorch)
     * @param returnInverse whether to return each slice's position in the output
     * @param returnCounts whether to return how often each slice occurs
     * @param dim the dimension whose slices are compared
     * @return the output and the parts asked for
     */
    public UniqueResult unique(boolean sorted, boolean returnInverse, boolean returnCounts, int dim) {
        return unique(Sorting.uniqueDim(impl, dim, false), returnInverse, returnCounts);
    }

    private static UniqueResult unique(TensorImpl[] r, boolean inverse, boolean counts) {
        return new UniqueResult(of(r[0]), inverse ? of(r[1]) : null, counts ? of(r[2]) : null);
    }

    /**
     * Each run of equal neighbours once, over the flattened tensor ({@code x.unique_consecutive()}).
     *
     * @return the result, printing as the output tensor
     */
    public UniqueResult uniqueConsecutive() { return uniqueConsecutive(false, false); }

    /**
     * Each run of equal neighbours once, with, when asked, inverse indices and run lengths
     * ({@code torch.unique_consecutive(x, return_inverse, return_counts)}).
     *
     * @param returnInverse whether to return each element's run number
     * @param returnCounts whether to return the runs' lengths
     * @return the output and the parts asked for
     */
    public UniqueResult uniqueConsecutive(boolean returnInverse, boolean returnCounts) {
        return unique(Sorting.unique(impl, true), returnInverse, returnCounts);
    }

    /**
     * Each run of equal neighbouring slices along {@code dim} once ({@code torch.unique_consecutive(x,
     * return_inverse, return_counts, dim=dim)}).
     *
     * @param returnInverse whether to return each slice's run number
     * @param returnCounts whether to return the runs' lengths
     * @param dim the dimension whose slices are compared
     * @return the output and the parts asked for
     */
    public UniqueResult uniqueConsecutive(boolean returnInverse, boolean returnCounts, int dim) {
        return unique(Sorting.uniqueDim(impl, dim, true), returnInverse, returnCounts);
    }

    /**
     * Running max along {@code dim} with the position it came from ({@code x.cummax(dim)}): ties and NaN move the
     * position forward. Gradient ({@code CummaxBackward0}): summed back to the positions.
     *
     * @param dim the dimension (negative counts from the end)
     * @return the values and their int64 positions ({@code torch.return_types.cummax})
     */
    public ValuesIndices cummax(int dim) { return pair("cummax", Sorting.cumExtreme(impl, dim, true)); }

    /**
     * Running min along {@code dim} with the position it came from ({@code x.cummin(dim)}). Gradient
     * ({@code CumminBackward0}).
     *
     * @param dim the dimension (negative counts from the end)
     * @return the values and their int64 positions ({@code torch.return_types.cummin})
     */
    public ValuesIndices cummin(int dim) { return pair("cummin", Sorting.cumExtreme(impl, dim, false)); }

    /**
     * A 100-bin histogram over the data's range ({@code x.histc()}).
     *
     * @return the counts, in this dtype
     */
    public Tensor histc() { return histc(100, 0, 0); }

    /**
     * A histogram of {@code bins} bins over the data's range ({@code x.histc(bins)}).
     *
     * @param bins the number of bins
     * @return the counts, in this dtype
     */
    public Tensor histc(long bins) { return histc(bins, 0, 0); }

    /**
     * A histogram of {@code bins} equal bins over [min, max] ({@code x.histc(bins, min, max)}; min = max uses the
     * data's min and max): elements outside are left out, the last bin includes max. Floating dtypes only; not
     * differentiable.
     *
     * @param bins the number of bins
     * @param min the lower end
     * @param max the upper end
     * @return the counts, in this dtype
     */
    public Tensor histc(long bins, double min, double max) { return of(Sorting.histc(impl, bins, min, max)); }

    // ------------------------------------------------------------------ printing

    // nn.Parameter is a flag on the wrapper, not a subclass: Tensor is final and Module.parameters() returns
    // Tensors. The wrapper is cached in its TensorImpl, so the flag stays with the tensor.
    private volatile boolean parameter;

    /**
     * Whether this tensor is an {@code nn.Parameter} (PyTorch: {@code isinstance(t, torch.nn.Parameter)}); a
     * parameter prints as {@code Parameter containing:\ntensor(…)}.
     *
     * @return true for a tensor made by {@code org.autograd4j.nn.Parameter}
     */
    public boolean isParameter() { return parameter; }

    /**
     * Marks this tensor as an {@code nn.Parameter}; what {@code org.autograd4j.nn.Parameter.of} does to the
     * fresh tensor it makes (use that: it also detaches and sets requires_grad, as {@code nn.Parameter(t)}).
     *
     * @return this tensor
     */
    public Tensor markParameter() {
        parameter = true;
        return this;
    }

    /**
     * Exactly PyTorch's {@code repr(tensor)}, e.g. {@code tensor([1., 2.], grad_fn=<AddBackward0>)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        final TensorImpl t = impl;
        Elements e = new Elements() {
            @Override public double getDouble(long i) { return t.storage().getDouble(t.layout().indexOf((int) i)); }
            @Override public long getLong(long i) { return t.storage().getLong(t.layout().indexOf((int) i)); }
            @Override public boolean getBool(long i) { return t.storage().getLong(t.layout().indexOf((int) i)) != 0; }
        };
        Node fn = gradFn();
        TensorImpl tangent = org.autograd4j.ops.Dual.tangent(t);
        if (parameter) return "Parameter containing:\n" + TensorFormatter.repr(shape(), dtype(), e, null, requiresGrad());
        return TensorFormatter.repr(shape(), dtype(), e, fn == null ? null : fn.typeName(), requiresGrad(),
                tangent == null ? null : of(tangent).toString());
    }
}
