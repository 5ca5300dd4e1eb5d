package org.autograd4j.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A node of the backward graph (PyTorch's {@code torch::autograd::Node}): it receives the gradients of its
 * forward op's outputs and returns those of the forward op's inputs, one per {@link NextEdge}. Nodes get an
 * increasing sequence number; the engine runs the newest ready node first, as PyTorch does.
 */
public abstract class BackwardNode extends EngineTask {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final long id;
    private final NextEdge[] next;
    /** The API object wrapping this node, made on first use by the API layer. */
    public Object facade;
    /** Hooks registered on this node, or null until the first one. */
    private volatile NodeHooks hooks;
    /** With anomaly detection on when this node was made: the stack of the forward call that made it. */
    private final Anomaly.ForwardTrace creation;
    /**
     * What the engine may assume about the graph below this node (see {@link Engine}'s in-order loop): -1 when
     * something in it runs user code or hooks during backward ({@link #markObserved()}); otherwise the lowest
     * {@code epoch} at which a node of it was made, so that a hook registered on a node after its consumers were
     * made (which bumps the epoch) leaves those consumers below the current epoch: nothing known. A node without
     * edges (a leaf's AccumulateGrad) is kept exact instead, so it never drags its consumers below.
     */
    int observers;

    /**
     * Bumped whenever a hook is put on an existing node (whose consumers cannot be told); starts at 1 so that a
     * node seen before its constructor's writes (published through a race) reads as unknown, never as unobserved.
     */
    private static volatile int epoch = 1;

    /** A node whose gradients flow to {@code next} (one edge per differentiable forward input). */
    protected BackwardNode(NextEdge[] next) {
        this(next, SEQUENCE.getAndIncrement(), false);
    }

    /** A node with an explicit sequence number (AccumulateGrad uses the maximum, so it runs first). */
    protected BackwardNode(NextEdge[] next, long sequenceNr) {
        this(next, sequenceNr, true);
    }

    private BackwardNode(NextEdge[] next, long sequenceNr, boolean given) {
        super(sequenceNr);
        this.next = next;
        this.id = sequenceNr == Long.MAX_VALUE ? SEQUENCE.getAndIncrement() : sequenceNr;
        this.creation = Anomaly.isEnabled() ? new Anomaly.ForwardTrace(this) : null;
        // a number given by hand need not lie above its inputs' (the in-order loop's premise); AccumulateGrad's it treats apart
        this.observers = given && sequenceNr != Long.MAX_VALUE ? -1 : observersBelow(next);
    }

    /** The first value of {@link #observers}: the current epoch lowered by the nodes below, -1 if one is observed. */
    private static int observersBelow(NextEdge[] next) {
        if (next.length == 0) return Integer.MAX_VALUE; // no consumer of a hook below to be told: exact
        int o = epoch;
        for (NextEdge e : next) {
            BackwardNode n = e.node();
            if (n != null && n.observers < o) o = n.observers;
        }
        return o;
    }

    /**
     * For a node's constructor: its backward runs user code (a custom Function's, saved-tensor hooks' unpack), so
     * a backward pass through it runs every node in the dependency-counted order, as PyTorch, and user code sees
     * each leaf's gradient accumulated at the very moment PyTorch would have.
     */
    protected final void markObserved() {
        observers = -1;
    }

    /** {@link #markObserved()} for a node that may already have consumers (a hook put on it later): they are told by the epoch. */
    final void observe() {
        observers = -1;
        epoch++; // a racy ++ only bumps less often; any bump will do
    }

    /** For a node that runs {@code inner} inside its backward: it assumes no more about the graph than {@code inner} allows. */
    protected final void inheritObservers(BackwardNode inner) {
        if (inner.observers < observers) observers = inner.observers;
    }

    /** True when nothing below this node runs user code or hooks during backward, as far as is known. */
    final boolean unobserved() {
        return observers >= epoch;
    }

    /** This node's hooks, made on first use. */
    public final synchronized NodeHooks hooks() {
        if (hooks == null) {
            hooks = new NodeHooks();
            observe();
        }
        return hooks;
    }

    /** This node's hooks, or null when none was ever registered (the engine's fast path). */
    final NodeHooks hooksOrNull() {
        return hooks;
    }

    /** The stack of the forward call that made this node, when anomaly detection was on then; else null. */
    public final Anomaly.ForwardTrace creationTrace() {
        return creation;
    }

    /** A number no other node has; the engine keys its per-pass bookkeeping on it. */
    public final long id() {
        return id;
    }

    /** PyTorch's class name of this node, e.g. {@code AddBackward0}. */
    public abstract String name();

    /**
     * The name PyTorch's messages use ({@code Node::name()}): the class name for generated nodes, the C++
     * qualified name for hand-written ones ({@code torch::autograd::CopySlices}).
     */
    public String qualifiedName() {
        return name();
    }

    /**
     * The node's Python class as {@code repr} shows it: the name, or for a custom Function's node its module path
     * too ({@code torch.autograd.function.LegendreBackward}).
     */
    public String pythonClassName() {
        return name();
    }

    /**
     * The tensors this node saved for its backward, unchecked, for drawing the graph (torchviz's
     * {@code show_saved}); none once released.
     */
    public java.util.List<TensorImpl> savedForDisplay() {
        return java.util.List.of();
    }

    /** Number of next edges. */
    public final int numOutputs() {
        return next.length;
    }

    /** The {@code i}-th next edge. */
    public final NextEdge nextEdge(int i) {
        return next[i];
    }

    /** Number of gradient slots this node receives (the number of outputs of its forward op). */
    public int numInputs() {
        return 1;
    }

    /** The creation order used by the engine's ready queue. */
    public final long sequenceNr() {
        return sequenceNr;
    }

    /**
     * The gradients for the next edges from the gradients of this node's forward outputs ({@code grads[i]}
     * may be null for an output that received none). Each result already has its input's shape and dtype.
     */
    public abstract TensorImpl[] apply(TensorImpl[] grads);

    /** Frees saved tensors after a backward pass that does not retain the graph. */
    public void releaseVariables() {
    }
}
