package org.autograd4j.engine;

import org.autograd4j.storage.Sizes;

/**
 * A tensor saved by a forward op for its backward, with the version it had when saved (PyTorch's
 * {@code SavedVariable}). Unpacking checks that the tensor was not modified in place since, and that the
 * graph was not already freed by an earlier backward pass, and fails with PyTorch's messages otherwise.
 */
public final class SavedTensor {
    private static final String FREED = "Trying to backward through the graph a second time (or directly access saved tensors "
            + "after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() "
            + "or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you "
            + "need to access saved tensors after calling backward.";

    private TensorImpl tensor;
    private final int version;
    private final boolean isOutput;
    private String producer;

    private SavedTensor(TensorImpl tensor, boolean isOutput) {
        this.tensor = tensor;
        this.version = tensor.version();
        this.isOutput = isOutput;
    }

    /** Saves an input of the op. */
    public static SavedTensor input(TensorImpl t) {
        return new SavedTensor(t, false);
    }

    /** Saves the op's own output (error messages then name the op that produced it). */
    public static SavedTensor output(TensorImpl t) {
        return new SavedTensor(t, true);
    }

    /** Records the name of the node that owns this saved output. */
    public void setProducer(String name) {
        this.producer = name;
    }

    /** The saved tensor, after checking it is still valid. */
    public TensorImpl get() {
        TensorImpl t = tensor;
        if (t == null || t.version() != version) throw invalid(t);
        return t;
    }

    /** Why {@link #get()} fails: freed by an earlier backward, or modified in place since it was saved. */
    private IllegalStateException invalid(TensorImpl t) {
        if (t == null) return new IllegalStateException(FREED);
        String who = isOutput ? producer : (t.gradFn() == null ? null : t.gradFn().qualifiedName());
        return new IllegalStateException("one of the variables needed for gradient computation has been modified by an inplace "
                + "operation: [torch." + t.dtype().scalarTypeName() + "Tensor " + Sizes.list(t.shape()) + "]"
                + (who == null ? "" : ", which is output " + t.outputNr() + " of " + who + ",")
                + " is at version " + t.version() + "; expected version " + version + " instead. Hint: enable anomaly "
                + "detection to find the operation that failed to compute its gradient, with "
                + "torch.autograd.set_detect_anomaly(True).");
    }

    /** The saved tensor without the checks, or null once released: for drawing the graph, never for computing. */
    public TensorImpl peek() {
        return tensor;
    }

    /** Drops the reference; a later {@link #get()} fails with PyTorch's "backward through the graph a second time". */
    public void release() {
        tensor = null;
    }

}
