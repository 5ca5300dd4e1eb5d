package org.autograd4j.ops;

import org.autograd4j.DType;
import org.autograd4j.Edge;
import org.autograd4j.Node;
import org.autograd4j.Tensor;
import org.autograd4j.autograd.SavedTensor;

/**
 * A backward node made by an op: a PyTorch name, the op's derivative, and the tensors it saved. Gradients
 * are cast back to each input's dtype, as PyTorch's engine does when it validates outputs.
 */
public final class FnNode extends Node {
    private final String name;
    private Backward backward;
    private final SavedTensor[] saved;
    private final DType[] inputTypes;

    /** {@code saved} may hold nulls: ops save some tensors only when a particular input needs a gradient. */
    FnNode(String name, Backward backward, Edge[] next, DType[] inputTypes, SavedTensor[] saved) {
        super(next);
        this.name = name;
        this.backward = backward;
        this.saved = saved;
        this.inputTypes = inputTypes;
        for (SavedTensor s : saved) if (s != null) s.setProducer(name);
    }

    @Override
    public String name() {
        return name;
    }

    /** True when input {@code i} needs a gradient (its edge leads somewhere). */
    public boolean needs(int i) {
        return nextEdge(i).node() != null;
    }

    @Override
    public Tensor[] apply(Tensor[] grads) {
        Tensor[] r = backward.apply(grads[0], this);
        for (int i = 0; i < r.length; i++) {
            if (r[i] != null && r[i].dtype() != inputTypes[i]) r[i] = r[i].to(inputTypes[i]);
        }
        return r;
    }

    @Override
    public void releaseVariables() {
        for (SavedTensor s : saved) if (s != null) s.release();
    }
}
