package org.autograd4j;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.engine.BackwardNode;
import org.autograd4j.engine.GradAccumulator;
import org.autograd4j.engine.NextEdge;

/**
 * A node of the backward graph, PyTorch's {@code torch.autograd.graph.Node} (what {@code grad_fn} returns).
 *
 * <p>A node receives the gradients of its forward op's outputs, computes the gradients of the forward op's
 * inputs, and passes each along its {@link Edge} in {@link #nextFunctions()}. The same graph node is always
 * the same {@code Node} object, so {@code ==} works as Python's {@code is}.
 */
public class Node {
    final BackwardNode impl;

    Node(BackwardNode impl) {
        this.impl = impl;
    }

    /** The API object of {@code n}, made once and cached in it. */
    static Node of(BackwardNode n) {
        if (n == null) return null;
        Object f = n.facade;
        if (f != null) return (Node) f;
        Node node = n instanceof GradAccumulator a ? new AccumulateGrad(a) : new Node(n);
        n.facade = node;
        return node;
    }

    /**
     * PyTorch's {@code grad_fn.name()}: the class name for generated nodes ({@code AddBackward0}), the C++
     * qualified name for hand-written ones ({@code torch::autograd::AccumulateGrad},
     * {@code torch::autograd::CopySlices}, {@code torch::autograd::CopyBackwards}).
     *
     * @return the name
     */
    public String name() {
        return impl.qualifiedName();
    }

    /**
     * PyTorch's {@code type(grad_fn).__name__}, the name its repr shows: {@code AddBackward0}, {@code AccumulateGrad},
     * {@code CopySlices}.
     *
     * @return the class name
     */
    public String typeName() {
        return impl.name();
    }

    /**
     * The edges to the nodes of this op's inputs, in argument order, as {@code grad_fn.next_functions}.
     *
     * @return the edges, unmodifiable ({@link Torch#str} prints them as Python's tuple)
     */
    public List<Edge> nextFunctions() {
        int n = impl.numOutputs();
        List<Edge> r = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            NextEdge e = impl.nextEdge(i);
            r.add(new Edge(of(e.node()), e.inputNr()));
        }
        return new PyTuple<>(r);
    }

    /**
     * A node post-hook, as the function {@code grad_fn.register_hook} takes: it runs after the node, sees the
     * gradients the node computed for its forward inputs ({@code grad_inputs}, one per {@link #nextFunctions()}
     * edge, null where none) and those it received ({@code grad_outputs}), and returns replacements for the former
     * (same count, shapes and dtypes) or null to keep them.
     */
    @FunctionalInterface
    public interface PostHook {
        /**
         * Runs after the node.
         *
         * @param gradInputs what the node returned, unmodifiable
         * @param gradOutputs what it received, unmodifiable
         * @return replacements for {@code gradInputs}, or null
         */
        List<Tensor> apply(List<Tensor> gradInputs, List<Tensor> gradOutputs);
    }

    /**
     * A node pre-hook, as the function {@code grad_fn.register_prehook} takes: it runs before the node on the
     * gradients it received ({@code grad_outputs}) and returns replacements (same count, shapes and dtypes) or null.
     */
    @FunctionalInterface
    public interface PreHook {
        /**
         * Runs before the node.
         *
         * @param gradOutputs the gradients the node received, unmodifiable (null where none arrived)
         * @return replacements, or null to keep them
         */
        List<Tensor> apply(List<Tensor> gradOutputs);
    }

    /**
     * Registers a post-hook, {@code grad_fn.register_hook(fn)}. Post-hooks run in registration order after the
     * node (for AccumulateGrad: after the accumulation, with no grad inputs), each on the previous one's result.
     * A hook that changes a gradient's size fails with PyTorch's "hook 'hook' has changed the size of value"
     * (a Java hook has no name, so every message says {@code 'hook'}).
     *
     * @param hook the hook
     * @return a handle whose {@code remove()} unregisters it
     */
    public RemovableHandle registerHook(PostHook hook) {
        return Autograd.registerPostHook(impl, hook);
    }

    /**
     * Registers a pre-hook, {@code grad_fn.register_prehook(fn)}. Pre-hooks run before the node in registration
     * order, together with the tensor hooks and {@code retain_grad} of the node's outputs, as PyTorch 1.13 orders
     * them: a tensor's hooks all run at the place where its first hook was registered.
     *
     * @param hook the hook
     * @return a handle whose {@code remove()} unregisters it
     */
    public RemovableHandle registerPrehook(PreHook hook) {
        return Autograd.registerPreHook(impl, hook);
    }

    /** As Python's default repr: {@code <AddBackward0 object at 0x7f...>}. */
    @Override
    public String toString() {
        return "<" + impl.pythonClassName() + " object at 0x" + String.format("%012x", 0x7f0000000000L + ((long) System.identityHashCode(this) << 4)) + ">";
    }
}
