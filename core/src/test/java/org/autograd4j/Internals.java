package org.autograd4j;

import org.autograd4j.engine.BackwardNode;
import org.autograd4j.engine.TensorImpl;
import org.autograd4j.storage.Layout;
import org.autograd4j.storage.Storage;

/**
 * Test access to what the API keeps package-private: the library tensor behind a {@link Tensor}, its storage
 * and layout, and the API objects of internal graph nodes. Tests compile into the module, so they may.
 */
public final class Internals {
    private Internals() {
    }

    /** A tensor over {@code s} with layout {@code l}. */
    public static Tensor wrap(Storage s, Layout l) {
        return Tensor.of(TensorImpl.of(s, l));
    }

    /** The API tensor of {@code t}. */
    public static Tensor tensor(TensorImpl t) {
        return Tensor.of(t);
    }

    /** The library tensor behind {@code t}. */
    public static TensorImpl impl(Tensor t) {
        return t.impl();
    }

    /** t's storage. */
    public static Storage storage(Tensor t) {
        return t.impl().storage();
    }

    /** t's layout. */
    public static Layout layout(Tensor t) {
        return t.impl().layout();
    }

    /** The AccumulateGrad node of leaf {@code t}. */
    public static AccumulateGrad accumulator(Tensor t) {
        return (AccumulateGrad) Node.of(t.impl().gradAccumulator());
    }

    /** The API node of an internal node. */
    public static Node node(BackwardNode n) {
        return Node.of(n);
    }

    /** The internal node behind an API node. */
    public static BackwardNode impl(Node n) {
        return n.impl;
    }
}
