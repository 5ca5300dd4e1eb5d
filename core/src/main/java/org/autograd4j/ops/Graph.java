package org.autograd4j.ops;

import org.autograd4j.DType;
import org.autograd4j.Edge;
import org.autograd4j.Tensor;
import org.autograd4j.autograd.Engine;
import org.autograd4j.autograd.GradMode;
import org.autograd4j.autograd.SavedTensor;

/** Recording of backward nodes: whether an op needs one, and attaching it to the op's output. */
public final class Graph {
    private Graph() {
    }

    /** True when grad mode is on and {@code a} requires grad. */
    public static boolean needs(Tensor a) {
        return a.requiresGrad() && GradMode.isEnabled();
    }

    /** True when grad mode is on and {@code a} or {@code b} requires grad. */
    public static boolean needs(Tensor a, Tensor b) {
        return (a.requiresGrad() || b.requiresGrad()) && GradMode.isEnabled();
    }

    /** True when grad mode is on and any of {@code ts} requires grad. */
    public static boolean needs(Tensor[] ts) {
        if (!GradMode.isEnabled()) return false;
        for (Tensor t : ts) if (t.requiresGrad()) return true;
        return false;
    }

    /** The edge a gradient for {@code t} takes, or PyTorch's {@code (None, 0)}. */
    public static Edge edge(Tensor t) {
        Edge e = Engine.gradientEdge(t);
        return e == null ? Edge.NONE : e;
    }

    /** Makes {@code out} the output 0 of a new node {@code name} whose inputs are {@code inputs}. */
    public static FnNode record(Tensor out, String name, Backward fn, Tensor[] inputs, SavedTensor... saved) {
        FnNode node = node(name, fn, inputs, saved);
        out.setHistory(node, 0);
        return node;
    }

    /** A new node {@code name} whose inputs are {@code inputs}, not yet attached to an output (in-place ops). */
    static FnNode node(String name, Backward fn, Tensor[] inputs, SavedTensor... saved) {
        Edge[] edges = new Edge[inputs.length];
        DType[] types = new DType[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            edges[i] = edge(inputs[i]);
            types[i] = inputs[i].dtype();
        }
        return new FnNode(name, fn, edges, types, saved);
    }

    /** One-input form of {@link #record(Tensor, String, Backward, Tensor[], SavedTensor...)}. */
    public static FnNode record(Tensor out, String name, Backward fn, Tensor input, SavedTensor... saved) {
        return record(out, name, fn, new Tensor[] {input}, saved);
    }
}
