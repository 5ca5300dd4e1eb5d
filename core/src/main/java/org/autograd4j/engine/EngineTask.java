package org.autograd4j.engine;

/**
 * A node's state during one backward pass ({@link Engine}). {@link BackwardNode} extends it, so the pass that
 * runs alone over a graph keeps each node's state in the node itself, reset when the pass first reaches it (no
 * object per node per pass, and one memory access fewer per edge than a separate task); a pass that overlaps
 * another makes one of these per node instead ({@link #EngineTask(BackwardNode)}).
 */
class EngineTask {
    final BackwardNode node;
    /** The node's sequence number: the ready queue compares it on every sift. */
    final long sequenceNr;
    /** In-node state only: the pass this state belongs to (0: none yet). */
    long pass;
    int dependencies;
    TensorImpl[] buffer;
    /** Bit s: buffer[s] is referenced by nothing but this pass (a node's fresh result or a sum), so a leaf may keep it. */
    int ownedSlots;
    /** Bit j: the last outputs' j-th tensor shares no storage with the node's input gradients or other outputs. */
    int ownedOutputs;
    boolean needed;
    boolean queued;
    boolean visited; // markNeeded's traversal mark
    boolean target; // backward(inputs=...): this node is an input's, so it runs
    int[] captureIndex; // for autograd.grad: which result slot each input slot feeds, or -1

    /** The state inside a node: {@code this} is the node. */
    EngineTask(long sequenceNr) {
        this.node = (BackwardNode) this;
        this.sequenceNr = sequenceNr;
    }

    /** A separate state for {@code node}, fresh for a pass. */
    EngineTask(BackwardNode node) {
        this.node = node;
        this.sequenceNr = node.sequenceNr;
        this.needed = true;
    }

    /** Makes this in-node state fresh for {@code pass}. */
    final void begin(long pass) {
        this.pass = pass;
        dependencies = 0;
        buffer = null;
        ownedSlots = 0;
        ownedOutputs = 0;
        needed = true;
        queued = false;
        visited = false;
        target = false;
        captureIndex = null;
    }
}
