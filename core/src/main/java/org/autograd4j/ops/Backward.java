package org.autograd4j.ops;

import org.autograd4j.Tensor;

/**
 * The derivative of one op: given the gradient of the op's output, returns the gradient of each input in
 * argument order (null where {@code node.needs(i)} is false). Written in tensor operations, so running it
 * with grad mode on builds the graph of the derivative itself (higher-order gradients).
 */
@FunctionalInterface
public interface Backward {
    /** Gradients of the inputs from {@code grad}, the gradient of the output. */
    Tensor[] apply(Tensor grad, FnNode node);
}
