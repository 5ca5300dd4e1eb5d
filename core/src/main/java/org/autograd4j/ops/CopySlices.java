package org.autograd4j.ops;

import org.autograd4j.DType;
import org.autograd4j.Edge;
import org.autograd4j.Node;
import org.autograd4j.Tensor;

/**
 * The base's node after an in-place op wrote through one of its views (PyTorch's {@code CopySlices}).
 *
 * <p>The base's gradient passes through unchanged outside the view's region; inside it, the region goes
 * through the in-place op's own node {@code fn} (as if the view had been computed out of place), and what
 * {@code fn} returns for its input 0 (the view's old value) is written back there. fn's other gradients
 * (for the op's other inputs) become this node's further outputs. Written in tensor operations, so it
 * differentiates again under create_graph.
 */
final class CopySlices extends Node {
    private final Node fn;
    private final DType baseType;
    private final org.autograd4j.storage.Layout geometry;

    CopySlices(Edge base, DType baseType, Node fn, org.autograd4j.storage.Layout geometry) {
        super(edges(base, fn));
        this.fn = fn;
        this.baseType = baseType;
        this.geometry = geometry;
    }

    private static Edge[] edges(Edge base, Node fn) {
        Edge[] e = new Edge[fn.numOutputs()];
        e[0] = base;
        for (int i = 1; i < e.length; i++) e[i] = fn.nextEdge(i);
        return e;
    }

    @Override
    public String name() {
        return "CopySlices";
    }

    @Override
    public Tensor[] apply(Tensor[] grads) {
        Tensor g = grads[0];
        Tensor result = g.to(baseType).clone();
        Tensor slice = Shapes.asStrided(result, geometry);
        Tensor[] res = fn.apply(new Tensor[] {slice.clone()});
        if (res.length > 0 && res[0] != null) slice.copy_(res[0]);
        else slice.zero_();
        Tensor[] out = new Tensor[numOutputs()];
        out[0] = result;
        for (int i = 1; i < out.length; i++) out[i] = i < res.length ? res[i] : null;
        return out;
    }

    @Override
    public void releaseVariables() {
        fn.releaseVariables();
    }
}
