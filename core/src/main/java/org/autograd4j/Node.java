package org.autograd4j;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.engine.BackwardNode;
import org.autograd4j.engine.GradAccumulator;
import org.autograd4j.engine.NextEdge;

/**
 * A node of the backward graph, PyTorch's {@code torch.autograd.graph.Node} (what {@code grad_fn} returns).
 *
 * <p>A node receives the gradients of its forward op's outputs, computes the gradients of the forward op's
 * inputs, and passes each along its {@link Edge} in {@link #nextFunctions()}. The same graph node is always
 * the same {@code Node} object, so {@code ==} works as Python's {@code is}.
 */
public class Node {
    final BackwardNode impl;

    Node(BackwardNode impl) {
        this.impl = impl;
    }

    /** The API object of {@code n}, made once and cached in it. */
    static Node of(BackwardNode n) {
        if (n == null) return null;
        Object f = n.facade;
        if (f != null) return (Node) f;
        Node node = n instanceof GradAccumulator a ? new AccumulateGrad(a) : new Node(n);
        n.facade = node;
        return node;
    }

    /**
     * PyTorch's {@code grad_fn.name()}: the class name for generated nodes ({@code AddBackward0}), the C++
     * qualified name for hand-written ones ({@code torch::autograd::AccumulateGrad},
     * {@code torch::autograd::CopySlices}, {@code torch::autograd::CopyBackwards}).
     *
     * @return the name
     */
    public String name() {
        return impl.qualifiedName();
    }

    /**
     * PyTorch's {@code type(grad_fn).__name__}, the name its repr shows: {@code AddBackward0}, {@code AccumulateGrad},
     * {@code CopySlices}.
     *
     * @return the class name
     */
    public String typeName() {
        return impl.name();
    }

    /**
     * The edges to the nodes of this op's inputs, in argument order, as {@code grad_fn.next_functions}.
     *
     * @return the edges, unmodifiable ({@link Torch#str} prints them as Python's tuple)
     */
    public List<Edge> nextFunctions() {
        int n = impl.numOutputs();
        List<Edge> r = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            NextEdge e = impl.nextEdge(i);
            r.add(new Edge(of(e.node()), e.inputNr()));
        }
        return new PyTuple<>(r);
    }

    /** As Python's default repr: {@code <AddBackward0 object at 0x7f...>}. */
    @Override
    public String toString() {
        return "<" + typeName() + " object at 0x" + String.format("%012x", 0x7f0000000000L + ((long) System.identityHashCode(this) << 4)) + ">";
    }
}
