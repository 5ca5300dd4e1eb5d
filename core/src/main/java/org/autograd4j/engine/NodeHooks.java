package org.autograd4j.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The hooks of one backward node, in registration order: pre-hooks run on the gradients the node receives
 * before it runs (tensor hooks and {@code retain_grad} are pre-hooks too, as in PyTorch 1.13), post-hooks on
 * what it returned and what it received after it ran.
 */
public final class NodeHooks {
    /** A pre-hook: sees the gradients a node received (nulls where none arrived); returns replacements or null. */
    @FunctionalInterface
    public interface PreHook {
        /**
         * Runs before the node.
         *
         * @param gradOutputs the gradients of the node's forward outputs (do not modify the array)
         * @return replacements, one per slot, or null to keep them
         */
        TensorImpl[] apply(TensorImpl[] gradOutputs);
    }

    /** A post-hook: sees what a node returned and what it received; returns replacements of the former or null. */
    @FunctionalInterface
    public interface PostHook {
        /**
         * Runs after the node.
         *
         * @param gradInputs the node's results, one per next edge (do not modify the array)
         * @param gradOutputs the gradients it received
         * @return replacements of {@code gradInputs}, or null to keep them
         */
        TensorImpl[] apply(TensorImpl[] gradInputs, TensorImpl[] gradOutputs);
    }

    private final List<PreHook> pre = new ArrayList<>();
    private final List<PostHook> post = new ArrayList<>();

    NodeHooks() {
    }

    /** Appends a pre-hook; the returned action removes it again. */
    public synchronized Runnable addPre(PreHook h) {
        pre.add(h);
        return () -> removePre(h);
    }

    /** Appends a post-hook; the returned action removes it again. */
    public synchronized Runnable addPost(PostHook h) {
        post.add(h);
        return () -> removePost(h);
    }

    private synchronized void removePre(PreHook h) {
        pre.remove(h);
    }

    private synchronized void removePost(PostHook h) {
        post.remove(h);
    }

    // snapshots, so a hook may remove itself (or another) while the hooks run
    synchronized PreHook[] preHooks() {
        return pre.toArray(new PreHook[0]);
    }

    synchronized PostHook[] postHooks() {
        return post.toArray(new PostHook[0]);
    }

    /** Runs the pre-hooks in order, each on the previous one's result. */
    TensorImpl[] runPre(TensorImpl[] grads) {
        for (PreHook h : preHooks()) {
            TensorImpl[] r = h.apply(grads);
            if (r != null) grads = checked(grads, r);
        }
        return grads;
    }

    /** Runs the post-hooks in order, each on the previous one's result. */
    TensorImpl[] runPost(TensorImpl[] outs, TensorImpl[] grads) {
        for (PostHook h : postHooks()) {
            TensorImpl[] r = h.apply(outs, grads);
            if (r != null) outs = checked(outs, r);
        }
        return outs;
    }

    /** PyTorch's {@code check_result}: as many values as before, each of the same dtype and size. */
    static TensorImpl[] checked(TensorImpl[] prev, TensorImpl[] result) {
        if (result.length != prev.length) {
            throw new IllegalStateException("hook 'hook' has returned an incorrect number of values (got " + result.length
                    + ", but expected " + prev.length + ")");
        }
        for (int i = 0; i < prev.length; i++) checkValue(prev[i], result[i]);
        return result.clone();
    }

    /** PyTorch's {@code check_single_result}: a hook may change a gradient's values, not its dtype or size. */
    public static void checkValue(TensorImpl original, TensorImpl result) {
        if (original == null || result == null) return;
        if (original.dtype() != result.dtype()) {
            throw new IllegalStateException("hook 'hook' has changed the type of value (was torch." + original.dtype().scalarTypeName()
                    + "Tensor got torch." + result.dtype().scalarTypeName() + "Tensor)");
        }
        if (!java.util.Arrays.equals(original.shape(), result.shape())) {
            throw new IllegalStateException("hook 'hook' has changed the size of value");
        }
    }
}
