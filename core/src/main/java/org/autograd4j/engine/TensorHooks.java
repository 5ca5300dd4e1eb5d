package org.autograd4j.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A tensor's gradient hooks ({@code tensor.register_hook}), run in registration order on the gradient of one
 * slot of the tensor's node, each on the previous one's result. The whole list is one pre-hook of the node,
 * installed where the first hook was registered (PyTorch 1.13 installs the tensor's hook dict the same way).
 */
public final class TensorHooks implements NodeHooks.PreHook {
    private final int slot;
    private final List<UnaryOperator<TensorImpl>> hooks = new ArrayList<>();

    /** Hooks on slot {@code slot} of the node they will be installed on. */
    public TensorHooks(int slot) {
        this.slot = slot;
    }

    /** Appends a hook (null result: keep the gradient); the returned action removes it again. */
    public synchronized Runnable add(UnaryOperator<TensorImpl> hook) {
        hooks.add(hook);
        return () -> remove(hook);
    }

    private synchronized void remove(UnaryOperator<TensorImpl> hook) {
        hooks.remove(hook);
    }

    @Override
    public TensorImpl[] apply(TensorImpl[] grads) {
        TensorImpl g = grads[slot];
        if (g == null) return null;
        @SuppressWarnings("unchecked")
        UnaryOperator<TensorImpl>[] snapshot;
        synchronized (this) {
            snapshot = hooks.toArray(new UnaryOperator[0]);
        }
        TensorImpl start = g;
        for (UnaryOperator<TensorImpl> h : snapshot) {
            TensorImpl r = h.apply(g);
            if (r != null) {
                NodeHooks.checkValue(g, r);
                g = r;
            }
        }
        if (g == start) return null;
        TensorImpl[] out = grads.clone();
        out[slot] = g;
        return out;
    }
}
