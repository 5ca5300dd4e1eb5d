package org.autograd4j.ops;

import org.autograd4j.DType;
import org.autograd4j.engine.BackwardNode;
import org.autograd4j.engine.NextEdge;
import org.autograd4j.engine.SavedTensor;
import org.autograd4j.engine.TensorImpl;

/**
 * A backward node made by an op: its PyTorch name, its derivative and the tensors it saved. Each gradient the
 * derivative returns is reduced to its input's shape and cast to its input's dtype here, once, as PyTorch's
 * engine does in {@code validate_outputs} ({@code at::sum_to(grad, shape)}), so derivatives read like their
 * {@code derivatives.yaml} rows and never broadcast back themselves.
 */
public final class FnNode extends BackwardNode {
    /**
     * The derivative of one op: from {@code grad}, the gradient of the output, the gradient of each input in
     * argument order (null where {@code node.needs(i)} is false), in any shape that broadcasts to the input's.
     * Written in tensor ops, so running it with grad mode on records the derivative's own graph.
     */
    @FunctionalInterface
    public interface Backward {
        /** The inputs' gradients. */
        TensorImpl[] apply(TensorImpl grad, FnNode node);
    }

    private static final String NAMESPACE = "torch::autograd::";
    private final String qualifiedName;
    private final Backward backward;
    private final SavedTensor[] saved;
    // Each input's dtype and shape, for the gradient's cast and sum_to: the first two in fields (nearly every op
    // has one or two inputs), the rest in arrays, so recording a node allocates no arrays for them.
    private final DType type0, type1;
    private final int[] shape0, shape1;
    private final DType[] moreTypes;
    private final int[][] moreShapes;

    /**
     * {@code name} is PyTorch's: a generated node's class name ({@code MulBackward0}), or a hand-written node's
     * C++ name ({@code torch::autograd::CopyBackwards}), whose last part is then its class name.
     * {@code saved} may hold nulls: ops save some tensors only when a particular input needs a gradient.
     */
    FnNode(String name, Backward backward, TensorImpl[] inputs, SavedTensor[] saved) {
        this(name, backward, edges(inputs), saved, inputs.length > 0 ? inputs[0] : null, inputs.length > 1 ? inputs[1] : null,
                moreTypes(inputs), moreShapes(inputs));
    }

    /** A node of a one-input op: no array of inputs to make. */
    FnNode(String name, Backward backward, TensorImpl input, SavedTensor[] saved) {
        this(name, backward, new NextEdge[] {Graph.edge(input)}, saved, input, null, null, null);
    }

    private FnNode(String name, Backward backward, NextEdge[] edges, SavedTensor[] saved, TensorImpl in0, TensorImpl in1,
            DType[] moreTypes, int[][] moreShapes) {
        super(edges);
        this.qualifiedName = name;
        this.backward = backward;
        this.saved = saved;
        this.type0 = in0 == null ? null : in0.dtype();
        this.shape0 = in0 == null ? null : in0.shape();
        this.type1 = in1 == null ? null : in1.dtype();
        this.shape1 = in1 == null ? null : in1.shape();
        this.moreTypes = moreTypes;
        this.moreShapes = moreShapes;
        for (SavedTensor s : saved) {
            if (s == null) continue;
            s.setProducer(qualifiedName);
            if (s.hooked()) markObserved();
        }
    }

    private static DType[] moreTypes(TensorImpl[] inputs) {
        if (inputs.length <= 2) return null;
        DType[] r = new DType[inputs.length - 2];
        for (int i = 2; i < inputs.length; i++) r[i - 2] = inputs[i].dtype();
        return r;
    }

    private static int[][] moreShapes(TensorImpl[] inputs) {
        if (inputs.length <= 2) return null;
        int[][] r = new int[inputs.length - 2][];
        for (int i = 2; i < inputs.length; i++) r[i - 2] = inputs[i].shape();
        return r;
    }

    private static NextEdge[] edges(TensorImpl[] inputs) {
        NextEdge[] e = new NextEdge[inputs.length];
        for (int i = 0; i < inputs.length; i++) e[i] = Graph.edge(inputs[i]);
        return e;
    }

    @Override
    public String name() {
        // computed when asked (printing, tests), not for every node recorded
        return qualifiedName.startsWith(NAMESPACE) ? qualifiedName.substring(NAMESPACE.length()) : qualifiedName;
    }

    @Override
    public String qualifiedName() {
        return qualifiedName;
    }

    /** Saved tensor {@code i}, checked as {@link SavedTensor#get()} does, or null where the op saved none there. */
    public TensorImpl saved(int i) {
        SavedTensor s = saved[i];
        return s == null ? null : s.get();
    }

    /** True when input {@code i} needs a gradient (its edge leads somewhere). */
    public boolean needs(int i) {
        return nextEdge(i).node() != null;
    }

    @Override
    public TensorImpl[] apply(TensorImpl[] grads) {
        TensorImpl[] r = backward.apply(grads[0], this);
        for (int i = 0; i < r.length; i++) {
            TensorImpl g = r[i];
            if (g == null) continue;
            int[] shape = i == 0 ? shape0 : i == 1 ? shape1 : moreShapes[i - 2];
            DType type = i == 0 ? type0 : i == 1 ? type1 : moreTypes[i - 2];
            // the same array most of the time (results share their operands' layouts), so compare identity first
            if (!org.autograd4j.storage.Sizes.same(g.shape(), shape)) g = Reductions.sumTo(g, shape);
            if (g.dtype() != type) g = Pointwise.to(g, type);
            r[i] = g;
        }
        return r;
    }

    @Override
    public java.util.List<TensorImpl> savedForDisplay() {
        java.util.List<TensorImpl> r = new java.util.ArrayList<>();
        for (SavedTensor s : saved) if (s != null && s.peek() != null) r.add(s.peek());
        return r;
    }

    @Override
    public void releaseVariables() {
        for (SavedTensor s : saved) if (s != null) s.release();
    }
}
