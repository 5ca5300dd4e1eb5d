package org.autograd4j.engine;

/**
 * Where a gradient goes: the node that receives it and which of its input slots (PyTorch's
 * {@code Edge{function, input_nr}}). {@code node} is null for an input that needs no gradient.
 *
 * @param node    the receiving node, or null
 * @param inputNr the slot of {@code node} (the output number of the forward op)
 */
public record NextEdge(BackwardNode node, int inputNr) {
    /** The edge PyTorch prints as {@code (None, 0)}. */
    public static final NextEdge NONE = new NextEdge(null, 0);
}
