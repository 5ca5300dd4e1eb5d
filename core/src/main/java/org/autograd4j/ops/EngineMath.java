package org.autograd4j.ops;

import org.autograd4j.DType;
import org.autograd4j.engine.GradMath;
import org.autograd4j.engine.GradMode;
import org.autograd4j.engine.TensorImpl;

/** The engine's tensor operations ({@link GradMath}), made of ops; the API layer hands it to the engine. */
public final class EngineMath implements GradMath {
    /** The one instance. */
    public static final EngineMath INSTANCE = new EngineMath();

    private EngineMath() {
    }

    @Override
    public TensorImpl onesLike(TensorImpl t) {
        return Creation.full(t.shape(), 1, t.dtype());
    }

    @Override
    public TensorImpl add(TensorImpl a, TensorImpl b) {
        return Binary.ADD.applyInFormula(a, b);
    }

    @Override
    public TensorImpl to(TensorImpl t, DType dtype) {
        return Pointwise.to(t, dtype);
    }

    @Override
    public void accumulate(TensorImpl leaf, TensorImpl g, boolean owned) {
        TensorImpl old = leaf.grad();
        if (old == null) {
            if (owned && !GradMode.isEnabled() && stealable(g)) {
                leaf.setGrad(g); // nothing else holds it: keep it, no copy (PyTorch's AccumulateGrad does the same)
            } else if (GradMode.isEnabled()) {
                // create_graph: PyTorch's clone_obey_contract (empty_strided + copy_), so the stored grad keeps its
                // graph through a CopyBackwards node.
                leaf.setGrad(InPlace.copy(Creation.full(g.shape(), 0, g.dtype()), g));
            } else {
                leaf.setGrad(Shapes.cloneRaw(g));
            }
        } else if (GradMode.isEnabled()) {
            leaf.setGrad(Binary.ADD.apply(old, g));
        } else {
            InPlace.addRaw(old, g);
        }
    }

    @Override
    public boolean hasNan(TensorImpl t) {
        if (!t.dtype().isFloatingPoint()) return false;
        TensorImpl any = Reduction.ANY.all(Unary.ISNAN.apply(t));
        return any.storage().getDouble(any.layout().offset()) != 0;
    }

    /** A gradient that can become {@code .grad} as it is: dense from offset 0 over its whole storage, no view, no graph. */
    private static boolean stealable(TensorImpl g) {
        return g.base() == null && !g.requiresGrad() && g.layout().isContiguous() && g.layout().offset() == 0
                && g.storage().size() == g.numel();
    }
}
