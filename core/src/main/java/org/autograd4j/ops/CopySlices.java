package org.autograd4j.ops;

import static org.autograd4j.ops.TensorMath.*;

import org.autograd4j.DType;
import org.autograd4j.engine.BackwardNode;
import org.autograd4j.engine.NextEdge;
import org.autograd4j.engine.TensorImpl;

/**
 * The base's node after an in-place op wrote through one of its views (PyTorch's {@code CopySlices}).
 *
 * <p>The base's gradient passes through unchanged outside the view's region; inside it, the region goes
 * through the in-place op's own node {@code fn} (as if the view had been computed out of place), and what
 * {@code fn} returns for its input 0 (the view's old value) is written back there. fn's other gradients
 * (for the op's other inputs) become this node's further outputs. Written in tensor operations, so it
 * differentiates again under create_graph.
 */
final class CopySlices extends BackwardNode {
    private final BackwardNode fn;
    private final DType baseType;
    private final org.autograd4j.storage.Layout geometry;

    CopySlices(NextEdge base, DType baseType, BackwardNode fn, org.autograd4j.storage.Layout geometry) {
        super(edges(base, fn));
        this.fn = fn;
        inheritObservers(fn);
        this.baseType = baseType;
        this.geometry = geometry;
    }

    private static NextEdge[] edges(NextEdge base, BackwardNode fn) {
        NextEdge[] e = new NextEdge[fn.numOutputs()];
        e[0] = base;
        for (int i = 1; i < e.length; i++) e[i] = fn.nextEdge(i);
        return e;
    }

    @Override
    public String name() {
        return "CopySlices";
    }

    @Override
    public String qualifiedName() {
        return "torch::autograd::CopySlices";
    }

    @Override
    public TensorImpl[] apply(TensorImpl[] grads) {
        TensorImpl g = grads[0];
        TensorImpl result = TensorMath.clone(to(g, baseType));
        TensorImpl slice = Shapes.asStrided(result, geometry);
        TensorImpl[] res = fn.apply(new TensorImpl[] {TensorMath.clone(slice)});
        if (res.length > 0 && res[0] != null) copy_(slice, res[0]);
        else zero_(slice);
        TensorImpl[] out = new TensorImpl[numOutputs()];
        out[0] = result;
        for (int i = 1; i < out.length; i++) out[i] = i < res.length ? res[i] : null;
        return out;
    }

    @Override
    public void releaseVariables() {
        fn.releaseVariables();
    }
}
