package org.autograd4j.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.engine.Facade;
import org.autograd4j.ops.FunctionNode;

/**
 * The {@code ctx} a custom {@link Function}'s {@code forward} and {@code backward} share, as PyTorch's
 * {@code FunctionCtx}: tensors saved for the backward ({@code ctx.save_for_backward}, {@code ctx.saved_tensors}),
 * which inputs need a gradient ({@code ctx.needs_input_grad}), the inputs written in place
 * ({@code ctx.mark_dirty}), outputs without a gradient ({@code ctx.mark_non_differentiable}), whether missing
 * output gradients reach the backward as zeros ({@code ctx.set_materialize_grads}), and any other values the
 * backward needs ({@code ctx.k = k} in Python is {@code ctx.put("k", k)} here).
 */
public final class FunctionCtx {
    private final boolean[] needsInputGrad;
    private final List<Tensor> toSave = new ArrayList<>();
    private final List<Tensor> dirty = new ArrayList<>();
    private final List<Tensor> nonDifferentiable = new ArrayList<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private boolean materializeGrads = true;
    FunctionNode node;

    FunctionCtx(boolean[] needsInputGrad) {
        this.needsInputGrad = needsInputGrad;
    }

    /**
     * Saves tensors for the backward ({@code ctx.save_for_backward(*tensors)}); call once, in forward. Inputs and
     * outputs may be saved; an intermediate result of forward should be returned as an output instead (it is
     * saved without a graph, as PyTorch warns).
     *
     * @param tensors the tensors, nulls allowed
     */
    public void saveForBackward(Tensor... tensors) {
        toSave.clear();
        toSave.addAll(Arrays.asList(tensors));
    }

    /**
     * The saved tensors, in the order saved ({@code ctx.saved_tensors}). Unpacking checks each against in-place
     * modification since it was saved and against a freed graph, with PyTorch's messages
     * ("one of the variables needed for gradient computation has been modified by an inplace operation: …").
     *
     * @return the tensors, unmodifiable
     */
    public List<Tensor> savedTensors() {
        if (node == null) {
            // no graph was recorded (or forward is still running): the tensors as saved
            return Collections.unmodifiableList(new ArrayList<>(toSave));
        }
        TensorImpl[] s = node.savedTensors();
        List<Tensor> r = new ArrayList<>(s.length);
        for (TensorImpl t : s) r.add(t == null ? null : (Tensor) Facade.access().wrap(t));
        return Collections.unmodifiableList(r);
    }

    /**
     * Whether the forward argument {@code i} needs a gradient ({@code ctx.needs_input_grad[i]}): false for
     * non-tensor arguments and tensors that do not require grad.
     *
     * @param i the argument's position in {@code apply}'s argument list
     * @return whether its gradient is needed
     */
    public boolean needsInputGrad(int i) {
        return needsInputGrad[i];
    }

    /**
     * Declares input tensors that forward wrote in place ({@code ctx.mark_dirty}); each must be returned as an
     * output, and takes the function's node as its history, as an in-place op's result does.
     *
     * @param tensors the inputs modified in place
     */
    public void markDirty(Tensor... tensors) {
        dirty.addAll(Arrays.asList(tensors));
    }

    /**
     * Declares outputs that have no gradient ({@code ctx.mark_non_differentiable}): they do not require grad, and
     * backward receives zeros (or null, see {@link #setMaterializeGrads}) for them.
     *
     * @param tensors the outputs
     */
    public void markNonDifferentiable(Tensor... tensors) {
        nonDifferentiable.addAll(Arrays.asList(tensors));
    }

    /**
     * Whether an output gradient that is undefined (an output the loss does not use) reaches backward as zeros of the
     * output's shape (true, the default) or as null ({@code ctx.set_materialize_grads}).
     *
     * @param materialize whether to pass zeros
     */
    public void setMaterializeGrads(boolean materialize) {
        this.materializeGrads = materialize;
    }

    /**
     * Stores a value for backward under {@code key} (Python's {@code ctx.key = value}).
     *
     * @param key the name
     * @param value the value
     */
    public void put(String key, Object value) {
        attributes.put(key, value);
    }

    /**
     * The value stored under {@code key} (Python's {@code ctx.key}).
     *
     * @param key the name
     * @param <T> the value's type, as the caller expects it
     * @return the value
     * @throws IllegalArgumentException when nothing is stored under {@code key} (Python's AttributeError)
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        if (!attributes.containsKey(key)) throw new IllegalArgumentException("'FunctionCtx' object has no attribute '" + key + "'");
        return (T) attributes.get(key);
    }

    /**
     * The stored values, by name.
     *
     * @return the live map of attributes
     */
    public Map<String, Object> attributes() {
        return attributes;
    }

    List<Tensor> toSave() {
        return toSave;
    }

    List<Tensor> dirty() {
        return dirty;
    }

    List<Tensor> nonDifferentiable() {
        return nonDifferentiable;
    }

    boolean materializeGrads() {
        return materializeGrads;
    }
}
