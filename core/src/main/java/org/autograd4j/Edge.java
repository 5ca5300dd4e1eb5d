package org.autograd4j;

/**
 * One entry of a node's {@link Node#nextFunctions()}: the node that receives a gradient and which of its
 * inputs it arrives at, as PyTorch's {@code (node, input_nr)} pair. {@code node()} is null where PyTorch
 * shows {@code None} (an input that does not require grad).
 *
 * @param node    the next node, or null
 * @param inputNr which gradient slot of {@code node} this edge feeds (the output number of the forward op)
 */
public record Edge(Node node, int inputNr) {
    /** The edge PyTorch prints as {@code (None, 0)}. */
    public static final Edge NONE = new Edge(null, 0);

    /**
     * True when the edge leads to a node.
     *
     * @return whether {@link #node()} is not null
     */
    public boolean isValid() {
        return node != null;
    }

    /** As the tuple in {@code next_functions}: {@code (<MulBackward0 object at 0x…>, 0)} or {@code (None, 0)}. */
    @Override
    public String toString() {
        return "(" + (node == null ? "None" : node.toString()) + ", " + inputNr + ")";
    }
}
