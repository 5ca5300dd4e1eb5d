package org.autograd4j.ops;

import org.autograd4j.DType;
import org.autograd4j.autograd.BackwardNode;
import org.autograd4j.autograd.NextEdge;
import org.autograd4j.autograd.SavedTensor;
import org.autograd4j.autograd.TensorImpl;

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
    private final DType[] inputTypes;
    private final int[][] inputShapes;

    /**
     * {@code name} is PyTorch's: a generated node's class name ({@code MulBackward0}), or a hand-written node's
     * C++ name ({@code torch::autograd::CopyBackwards}), whose last part is then its class name.
     * {@code saved} may hold nulls: ops save some tensors only when a particular input needs a gradient.
     */
    FnNode(String name, Backward backward, TensorImpl[] inputs, SavedTensor[] saved) {
        super(edges(inputs));
        this.qualifiedName = name;
        this.backward = backward;
        this.saved = saved;
        int n = inputs.length;
        this.inputTypes = new DType[n];
        this.inputShapes = new int[n][];
        for (int i = 0; i < n; i++) {
            inputTypes[i] = inputs[i].dtype();
            inputShapes[i] = inputs[i].shape();
        }
        for (SavedTensor s : saved) if (s != null) s.setProducer(qualifiedName);
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
            if (!java.util.Arrays.equals(g.shape(), inputShapes[i])) g = Reductions.sumTo(g, inputShapes[i]);
            if (g.dtype() != inputTypes[i]) g = Pointwise.to(g, inputTypes[i]);
            r[i] = g;
        }
        return r;
    }

    @Override
    public void releaseVariables() {
        for (SavedTensor s : saved) if (s != null) s.release();
    }
}
