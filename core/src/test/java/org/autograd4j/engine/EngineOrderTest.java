package org.autograd4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.autograd4j.AccumulateGrad;
import org.autograd4j.Internals;
import org.autograd4j.Node;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * The engine's scheduling, as PyTorch's: dependency counting, newest-ready-first order (a max-heap on the
 * nodes' creation sequence numbers), AccumulateGrad as soon as it is ready, each node once with the summed
 * gradient. Orders are PyTorch's, observed there with node post hooks (gen_engine.py) and here with
 * {@link Engine#TRACE}.
 */
class EngineOrderTest {

    /** Runs {@code r} and returns the labels of the labelled nodes in the order the engine applied them. */
    static String traced(Map<Node, String> labels, Runnable r) {
        List<String> order = new ArrayList<>();
        Engine.TRACE.set(n -> {
            String l = labels.get(Internals.node(n));
            if (l != null) order.add(l);
        });
        try {
            r.run();
        } finally {
            Engine.TRACE.remove();
        }
        return String.join(",", order);
    }

    private static Tensor leaf(double... v) {
        return (v.length == 1 ? Torch.tensor(v[0]) : Torch.tensor(v)).requiresGrad_();
    }

    @Test
    void diamondRunsNewestFirstThenAccumulatesOnce() {
        Tensor x = leaf(1);
        Tensor a = x.mul(2);
        Tensor b = x.mul(3);
        Tensor c = a.add(b);
        Map<Node, String> labels = new IdentityHashMap<>();
        labels.put(a.gradFn(), "a");
        labels.put(b.gradFn(), "b");
        labels.put(c.gradFn(), "c");
        labels.put(Internals.accumulator(x), "acc");
        assertEquals(Goldens.engine("order.diamond"), traced(labels, c::backward));
        assertEquals(Goldens.engine("order.diamond.grad"), x.grad().toString());
    }

    @Test
    void squareCountsTheDuplicateEdgeTwice() {
        Tensor x = leaf(3);
        Tensor y = x.mul(x);
        Map<Node, String> labels = new IdentityHashMap<>();
        labels.put(y.gradFn(), "y");
        labels.put(y.gradFn().nextFunctions().get(0).node(), "acc");
        assertEquals(Goldens.engine("order.square"), traced(labels, y::backward));
        assertEquals(Goldens.engine("order.square.grad"), x.grad().toString());
    }

    @Test
    void sharedSubexpression() {
        Tensor x = leaf(1, 2);
        Tensor a = x.exp();
        Tensor b = a.mul(x);
        Tensor c = a.sin();
        Tensor d = b.add(c);
        Tensor e = d.sum();
        Map<Node, String> labels = new IdentityHashMap<>();
        labels.put(a.gradFn(), "a");
        labels.put(b.gradFn(), "b");
        labels.put(c.gradFn(), "c");
        labels.put(d.gradFn(), "d");
        labels.put(e.gradFn(), "e");
        labels.put(Internals.accumulator(x), "acc");
        assertEquals(Goldens.engine("order.chain"), traced(labels, e::backward));
        assertEquals(Goldens.engine("order.chain.grad"), x.grad().toString());
    }

    @Test
    void twoLeaves() {
        Tensor x = leaf(2);
        Tensor w = leaf(5);
        Tensor p = x.mul(w);
        Tensor q = p.add(x);
        Tensor r = q.mul(w);
        Map<Node, String> labels = new IdentityHashMap<>();
        labels.put(p.gradFn(), "p");
        labels.put(q.gradFn(), "q");
        labels.put(r.gradFn(), "r");
        labels.put(Internals.accumulator(x), "accx");
        labels.put(Internals.accumulator(w), "accw");
        assertEquals(Goldens.engine("order.twoleaves"), traced(labels, r::backward));
        assertEquals(Goldens.engine("order.twoleaves.xgrad"), x.grad().toString());
        assertEquals(Goldens.engine("order.twoleaves.wgrad"), w.grad().toString());
    }

    // ------------------------------------------------------------------ hand-built graphs

    /** A node that passes {@code factor * grad} to each of its edges and records each call. */
    static final class Probe extends BackwardNode {
        final String label;
        final double factor;
        final List<String> log;
        final List<TensorImpl> received = new ArrayList<>();

        Probe(String label, double factor, List<String> log, NextEdge... next) {
            super(next);
            this.label = label;
            this.factor = factor;
            this.log = log;
        }

        @Override
        public String name() {
            return "Probe" + label;
        }

        @Override
        public TensorImpl[] apply(TensorImpl[] grads) {
            log.add(label);
            received.add(grads[0]);
            TensorImpl[] out = new TensorImpl[numOutputs()];
            for (int i = 0; i < out.length; i++) out[i] = org.autograd4j.ops.TensorMath.mul(grads[0], factor);
            return out;
        }
    }

    private static Tensor rootOf(BackwardNode n) {
        Tensor t = Torch.tensor(0.0);
        Internals.impl(t).setHistory(n, 0);
        return t;
    }

    @Test
    void handBuiltDagRunsEachNodeOnceWithSummedGradient() {
        List<String> log = new ArrayList<>();
        Tensor x = leaf(0);
        NextEdge acc = new NextEdge(Internals.impl(x).gradAccumulator(), 0);
        // created in order p, q, r, s: s -> {q, r}, q -> p, r -> p, p -> x
        Probe p = new Probe("p", 2, log, acc);
        Probe q = new Probe("q", 3, log, new NextEdge(p, 0));
        Probe r = new Probe("r", 5, log, new NextEdge(p, 0), new NextEdge(p, 0));
        Probe s = new Probe("s", 1, log, new NextEdge(q, 0), new NextEdge(r, 0));
        rootOf(s).backward();
        assertEquals(List.of("s", "r", "q", "p"), log);
        assertEquals(1, p.received.size());
        // p receives 3 + 5 + 5 = 13, passes 26 to x
        assertEquals(13.0, Internals.tensor(p.received.get(0)).item());
        assertEquals(26.0, x.grad().item());
    }

    @Test
    void readyQueuePrefersNewerNodesNotDepthFirst() {
        // s -> a (old) and s -> b (new); a -> a2 (created last). b runs before a, then a2 (now the newest).
        List<String> log = new ArrayList<>();
        Tensor x = leaf(0);
        NextEdge acc = new NextEdge(Internals.impl(x).gradAccumulator(), 0);
        Probe a = new Probe("a", 1, log, acc);
        Probe b = new Probe("b", 1, log, acc);
        Probe a2 = new Probe("a2", 1, log, new NextEdge(a, 0));
        Probe s = new Probe("s", 1, log, new NextEdge(a2, 0), new NextEdge(b, 0));
        rootOf(s).backward();
        assertEquals(List.of("s", "a2", "b", "a"), log);
        assertEquals(2.0, x.grad().item());
    }

    @Test
    void accumulateGradIsTheLeafAndShared() {
        Tensor x = leaf(1, 2);
        AccumulateGrad acc = Internals.accumulator(x);
        assertSame(x, acc.variable());
        assertSame(acc, x.add(1).gradFn().nextFunctions().get(0).node());
        assertSame(acc, x.mul(x).gradFn().nextFunctions().get(1).node());
        assertEquals(Long.MAX_VALUE, Internals.impl(acc).sequenceNr());
        assertEquals("torch::autograd::AccumulateGrad", acc.name());
        assertEquals("AccumulateGrad", acc.typeName());
        assertEquals(0, acc.nextFunctions().size());
        assertNull(x.gradFn());
    }

    @Test
    void sequenceNumbersIncrease() {
        Tensor x = leaf(1);
        Tensor a = x.mul(2);
        Tensor b = a.exp();
        Tensor c = b.add(a);
        org.junit.jupiter.api.Assertions.assertTrue(Internals.impl(a.gradFn()).sequenceNr() < Internals.impl(b.gradFn()).sequenceNr());
        org.junit.jupiter.api.Assertions.assertTrue(Internals.impl(b.gradFn()).sequenceNr() < Internals.impl(c.gradFn()).sequenceNr());
    }
}
