package org.autograd4j.engine;

import org.autograd4j.DType;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;

/**
 * The library's own tensor: a {@link Layout} over a {@link Storage}, a version counter shared with its views,
 * and the autograd state (PyTorch keeps the same split: {@code TensorImpl} and its {@code autograd_meta_}).
 * Every room below the API works on this type; the public {@code org.autograd4j.Tensor} is a thin wrapper
 * over it, cached in {@link #facade} as PyTorch caches a tensor's Python object.
 *
 * <p>State only: no op lives here, and every getter is free of side effects.
 */
public final class TensorImpl {
    /** Shared by a tensor and its views: PyTorch's version counter for in-place safety. */
    private static final class Version {
        int value;
    }

    /** Not final only for {@link #resize}: an out= argument of another shape takes the result's. */
    private Storage storage;
    private Layout layout;
    /**
     * Null while this tensor's version is 0 and no other tensor shares its counter: made on the first in-place
     * write, view or detach ({@link #sharedVersion()}), so an op's result and a Java scalar cost no counter, and
     * a saved tensor's check reads no second object.
     */
    private Version version;
    private final TensorImpl base;
    private final boolean wrappedNumber;
    /** Made while inference mode was on, or a view of such a tensor ({@code is_inference()}). */
    private final boolean inference;
    private boolean requiresGrad;
    private BackwardNode gradFn;
    private int outputNr;
    /** The last edge {@link #gradientEdge()} made, reused while it still leads to the same node and slot. */
    private NextEdge edge;
    /** For a view: the version at which its history was last set; a later write to the storage makes it stale. */
    private int viewVersion;
    /** The API object wrapping this tensor, made on first use by the API layer. */
    public Object facade;
    /**
     * What few tensors carry (hooks, a custom Function's view mark, a forward-mode tangent), made on first use: every
     * op's result is a TensorImpl, and keeping these out of it makes each one 24 bytes smaller (only leaves and
     * tensors that retain their gradient have a {@code .grad}, only leaves an accumulator).
     */
    private Rare rare;

    private static final class Rare {
        /** {@code .grad}: see {@link TensorImpl#grad()}. */
        TensorImpl grad;
        /** A leaf's AccumulateGrad node: see {@link TensorImpl#gradAccumulator()}. */
        GradAccumulator accumulator;
        /** {@code register_hook}'s hooks: see {@link TensorImpl#hooks()}. */
        TensorHooks hooks;
        /** The {@code retain_grad()} hook. */
        NodeHooks.PreHook retainGradHook;
        /** For a view a custom Function returned: "Output k of NameBackward", for PyTorch's in-place error. */
        String customFunctionView;
        /** Forward-mode AD: the tangent, valid only while {@link DualLevels} is at {@code tangentLevel}. */
        TensorImpl tangent;
        int tangentLevel;
    }

    private Rare rare() {
        Rare r = rare;
        if (r == null) rare = r = new Rare();
        return r;
    }

    /**
     * This tensor's gradient hooks ({@code register_hook}), made on first registration and installed as a pre-hook
     * of its node at that moment, as PyTorch 1.13's {@code _backward_hooks} dict; null until then.
     */
    public TensorHooks hooks() {
        Rare r = rare;
        return r == null ? null : r.hooks;
    }

    /** Sets {@link #hooks()}. */
    public void setHooks(TensorHooks h) {
        Rare r = rare();
        r.hooks = h;
        // a leaf's hooks run inside its AccumulateGrad (a non-leaf's are its node's pre-hook, which marks the node)
        if (h != null && r.accumulator != null) r.accumulator.observe();
    }

    /** The {@code retain_grad()} hook, installed as a pre-hook of its own at the first call; null until then. */
    public NodeHooks.PreHook retainGradHook() {
        Rare r = rare;
        return r == null ? null : r.retainGradHook;
    }

    /** Sets {@link #retainGradHook()}. */
    public void setRetainGradHook(NodeHooks.PreHook h) {
        rare().retainGradHook = h;
    }

    private TensorImpl(Storage storage, Layout layout, Version version, TensorImpl base, boolean wrappedNumber, boolean inference) {
        this.storage = storage;
        this.layout = layout;
        this.version = version;
        this.base = base;
        this.wrappedNumber = wrappedNumber;
        this.inference = inference;
        this.viewVersion = version == null ? 0 : version.value;
    }

    /** A new tensor over {@code storage} with {@code layout}, its own version counter, no history. */
    public static TensorImpl of(Storage storage, Layout layout) {
        return new TensorImpl(storage, layout, null, null, false, GradMode.isInference());
    }

    /** The layout of every wrapped number (layouts are immutable, so one serves all: a Java scalar costs no layout). */
    private static final Layout SCALAR = Layout.contiguous(new int[0]);

    /** A Java double as a 0-d float64 tensor that promotes like a Python float (PyTorch's wrapped number). */
    public static TensorImpl scalar(double v) {
        return wrapped(new Storage.F64(new double[] {v}));
    }

    /** A Java long as a 0-d int64 tensor that promotes like a Python int. */
    public static TensorImpl scalar(long v) {
        return wrapped(new Storage.I64(new long[] {v}));
    }

    private static TensorImpl wrapped(Storage s) {
        return new TensorImpl(s, SCALAR, null, null, true, false);
    }

    /** A view of this tensor's storage with another layout, sharing the version counter ({@code _base} is set). */
    public TensorImpl view(Layout l) {
        return new TensorImpl(storage, l, sharedVersion(), base == null ? this : base, false, inference);
    }

    /** The same storage and version counter, cut from the graph and not a view ({@code tensor.detach()}). */
    public TensorImpl detach() {
        return new TensorImpl(storage, layout, sharedVersion(), null, false, inference);
    }

    /** Same storage and layout, a version counter of its own, no history (a graph-free alias for internal use). */
    public TensorImpl alias() {
        return new TensorImpl(storage, layout, null, null, false, inference);
    }

    // ------------------------------------------------------------------ data

    /** The flat storage. */
    public Storage storage() {
        return storage;
    }

    /**
     * PyTorch's {@code resize_} of an out= argument ({@code at::native::resize_output}): this tensor takes
     * {@code l}, over its own storage when that holds {@code l}'s elements (so its views and base see what is
     * written, as in PyTorch), else over {@code grown}. Unlike PyTorch, whose storage regrows in place, views taken
     * earlier keep the old storage after a growth. The version counter is left to the op that writes.
     */
    public void resize(Layout l, Storage grown) {
        layout = l;
        if (grown != null) storage = grown;
    }

    /** Shape, strides and offset into the storage. */
    public Layout layout() {
        return layout;
    }

    /** The sizes (the layout's own array: do not modify). */
    public int[] shape() {
        return layout.shape();
    }

    /** Element type. */
    public DType dtype() {
        return storage.dtype();
    }

    /** Number of dimensions. */
    public int dim() {
        return layout.dim();
    }

    /** Number of elements. */
    public int numel() {
        return layout.numel();
    }

    /** True for a Java scalar wrapped as a tensor (it promotes like a Python number). */
    public boolean isWrappedNumber() {
        return wrappedNumber;
    }

    /** True for an inference tensor: made in inference mode, or a view of one ({@code tensor.is_inference()}). */
    public boolean isInference() {
        return inference;
    }

    /** The tensor this one is a view of, or null. */
    public TensorImpl base() {
        return base;
    }

    /** The version counter, bumped by every in-place modification ({@code tensor._version}). */
    public int version() {
        Version v = version;
        return v == null ? 0 : v.value;
    }

    /** Records an in-place modification. */
    public void bumpVersion() {
        sharedVersion().value++;
    }

    /** The version counter, made on first use; a compare-and-set, so that racing views of one tensor share one. */
    private Version sharedVersion() {
        Version v = version;
        if (v != null) return v;
        v = new Version();
        return VERSION.compareAndSet(this, null, v) ? v : version;
    }

    private static final java.lang.invoke.VarHandle VERSION;

    static {
        try {
            VERSION = java.lang.invoke.MethodHandles.lookup().findVarHandle(TensorImpl.class, "version", Version.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // ------------------------------------------------------------------ autograd state

    /** Whether gradients are recorded for this tensor ({@code requires_grad}). */
    public boolean requiresGrad() {
        return requiresGrad || gradFn != null || historyStale();
    }

    /** Sets the leaf flag read by {@link #requiresGrad()} (checks are the API's). */
    public void setRequiresGrad(boolean flag) {
        requiresGrad = flag;
    }

    /** The node that produced this tensor as last recorded, or null; see {@link #historyStale()}. */
    public BackwardNode gradFn() {
        return gradFn;
    }

    /**
     * True for a view whose storage was written in place (through its base or another view) since its history
     * was set, while the base has a history: its real history is then an as_strided view of the base's, which
     * the ops layer regenerates before use (PyTorch regenerates it on access too).
     */
    public boolean historyStale() {
        // every op asks (through requiresGrad); only views get past the first test
        return base != null && viewStale();
    }

    private boolean viewStale() {
        return viewVersion != version() && base.gradFn != null && base.layout.isContiguous();
    }

    /** True when no recorded op produced this tensor ({@code is_leaf}). */
    public boolean isLeaf() {
        return gradFn == null && !historyStale();
    }

    /** Which output of its {@link #gradFn()} this tensor is. */
    public int outputNr() {
        return outputNr;
    }

    /** Makes this tensor output {@code nr} of {@code node}. */
    public void setHistory(BackwardNode node, int nr) {
        this.gradFn = node;
        this.outputNr = nr;
        this.viewVersion = version();
    }

    /**
     * For a view that a custom Function returned (or an input it returned as-is), which output of which node it is
     * ({@code "Output 0 of NameBackward"}): PyTorch forbids writing it in place while recording, because the view's
     * rebase would override the custom backward. Null for every other tensor.
     */
    public String customFunctionView() {
        Rare r = rare;
        return r == null ? null : r.customFunctionView;
    }

    /** Marks this view as output {@code what} of a custom Function (see {@link #customFunctionView()}). */
    public void setCustomFunctionView(String what) {
        rare().customFunctionView = what;
    }

    /** The accumulated gradient ({@code .grad}), or null. */
    public TensorImpl grad() {
        Rare r = rare;
        return r == null ? null : r.grad;
    }

    /** Replaces {@code .grad} (checks are the API's). */
    public void setGrad(TensorImpl g) {
        if (g == null && rare == null) return;
        rare().grad = g;
    }

    /** The AccumulateGrad node of a leaf that requires grad (one per leaf, made on first use). */
    public GradAccumulator gradAccumulator() {
        Rare r = rare();
        if (r.accumulator == null) r.accumulator = new GradAccumulator(this);
        return r.accumulator;
    }

    /**
     * The edge through which a gradient for this tensor enters the graph, or null if it requires none. Edges are
     * immutable, so the last one is kept and handed out again while it is still right (a leaf used by many ops
     * costs one edge, not one per op).
     */
    public NextEdge gradientEdge() {
        BackwardNode to = gradFn != null ? gradFn : requiresGrad ? gradAccumulator() : null;
        if (to == null) return null;
        int nr = gradFn != null ? outputNr : 0;
        NextEdge e = edge;
        if (e == null || e.node() != to || e.inputNr() != nr) edge = e = new NextEdge(to, nr);
        return e;
    }

    // ------------------------------------------------------------------ forward-mode AD

    /** The tangent at dual level {@code level} ({@code fwAD.unpack_dual(t).tangent}), or null. */
    public TensorImpl tangent(int level) {
        Rare r = rare;
        return r != null && r.tangent != null && r.tangentLevel == level ? r.tangent : null;
    }

    /** Sets (or with null clears) the tangent at {@code level}; a tangent of an older level is dropped. */
    public void setTangent(int level, TensorImpl t) {
        if (t == null && rare == null) return;
        Rare r = rare();
        r.tangent = t;
        r.tangentLevel = level;
    }
}
