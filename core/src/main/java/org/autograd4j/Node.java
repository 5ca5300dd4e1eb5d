package org.autograd4j;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node of the backward graph, PyTorch's {@code torch.autograd.graph.Node} (what {@code grad_fn} returns).
 *
 * <p>A node receives the gradients of its forward op's outputs, computes the gradients of the forward op's
 * inputs, and passes each along its {@link Edge} in {@link #nextFunctions()}. Nodes get an increasing
 * sequence number when created; the engine runs the newest ready node first, as PyTorch does.
 */
public abstract class Node {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final long sequenceNr;
    private final long id;
    private final Edge[] next;

    /** A node whose gradients flow to {@code next} (one edge per differentiable forward input). */
    protected Node(Edge[] next) {
        this(next, SEQUENCE.getAndIncrement());
    }

    /** A node with an explicit sequence number (AccumulateGrad uses the maximum, so it runs first). */
    protected Node(Edge[] next, long sequenceNr) {
        this.next = next;
        this.sequenceNr = sequenceNr;
        this.id = sequenceNr == Long.MAX_VALUE ? SEQUENCE.getAndIncrement() : sequenceNr;
    }

    /** A number no other node has; the engine keys its per-pass bookkeeping on it. */
    public long id() {
        return id;
    }

    /** PyTorch's class name of this node, e.g. {@code AddBackward0} or {@code AccumulateGrad}. */
    public abstract String name();

    /** The edges to the nodes of this op's inputs, in argument order, as {@code grad_fn.next_functions}. */
    public List<Edge> nextFunctions() {
        return Collections.unmodifiableList(Arrays.asList(next));
    }

    /** Number of next edges. */
    public int numOutputs() {
        return next.length;
    }

    /** The {@code i}-th next edge. */
    public Edge nextEdge(int i) {
        return next[i];
    }

    /** Number of gradient slots this node receives (the number of outputs of its forward op). */
    public int numInputs() {
        return 1;
    }

    /** The creation order used by the engine's ready queue. */
    public long sequenceNr() {
        return sequenceNr;
    }

    /**
     * Computes the gradients for the next edges from the gradients of this node's forward outputs
     * ({@code grads[i]} may be null for an output that received no gradient). Called by the engine.
     */
    public abstract Tensor[] apply(Tensor[] grads);

    /** Frees saved tensors after a backward pass that does not retain the graph. */
    public void releaseVariables() {
    }

    /** As Python's default repr: {@code <AddBackward0 object at 0x7f...>}. */
    @Override
    public String toString() {
        return "<" + name() + " object at 0x" + String.format("%012x", 0x7f0000000000L + ((long) System.identityHashCode(this) << 4)) + ">";
    }
}
