package org.autograd4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autograd4j.Internals;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.Function;
import org.autograd4j.autograd.FunctionCtx;
import org.junit.jupiter.api.Test;

/**
 * The engine's loop without a dependency count ({@code Engine.executeInOrder}): which graphs take it (none that a
 * hook, custom Function or saved-tensor hook could watch), that it gives the counting loop's bits, and that a
 * failed pass leaves the leaves' {@code .grad} as PyTorch does.
 */
class EngineInOrderTest {

    private static BackwardNode node(Tensor t) {
        return Internals.impl(t.gradFn());
    }

    /** A graph where one leaf's gradient is a sum of many, in an order the schedule decides. */
    private static Tensor graph(Tensor x, Tensor w) {
        Tensor a = x.mul(w).tanh();
        Tensor b = a.mul(x).add(w.exp());
        Tensor c = b.mul(a).sub(x.mul(3.7));
        return c.add(b.mul(w)).mul(a.add(x)).sum();
    }

    @Test
    void aPlainGraphIsUnobservedAndAHookedOneIsNot() {
        Tensor x = Torch.randn(5).requiresGrad_();
        Tensor y = x.mul(2).exp();
        Tensor loss = y.sum();
        assertTrue(node(loss).unobserved());
        // a hook on a node that already has consumers: they no longer know, so they count
        y.registerHook(g -> g);
        assertFalse(node(loss).unobserved());
        assertFalse(node(y.sum()).unobserved(), "made after the hook, over the hooked node");
        // a graph over fresh leaves made after the hook is plain again
        Tensor z = Torch.randn(3).requiresGrad_();
        assertTrue(node(z.mul(z).sum()).unobserved());
    }

    @Test
    void leafHooksAndCustomFunctionsAreObserved() {
        Tensor x = Torch.randn(4).requiresGrad_();
        x.registerHook(g -> g.mul(2));
        assertFalse(node(x.mul(3).sum()).unobserved(), "x's hook runs inside its AccumulateGrad");
        Tensor w = Torch.randn(4).requiresGrad_();
        Tensor before = w.mul(3).sum();
        w.registerHook(g -> g);
        assertFalse(node(before).unobserved(), "w's AccumulateGrad was made before its hook");

        Function square = new Function() {
            @Override
            public Object forward(FunctionCtx ctx, Object... args) {
                Tensor t = (Tensor) args[0];
                ctx.saveForBackward(t);
                return t.mul(t);
            }

            @Override
            public Tensor[] backward(FunctionCtx ctx, Tensor... grads) {
                return new Tensor[] {grads[0].mul(ctx.savedTensors().get(0)).mul(2)};
            }
        };
        Tensor v = Torch.randn(4).requiresGrad_();
        assertFalse(node(square.apply(v).sum()).unobserved(), "a custom backward is user code");
    }

    @Test
    void givesTheCountingLoopsBits() {
        Torch.manualSeed(3);
        Tensor x1 = Torch.randn(7).requiresGrad_(), w1 = Torch.randn(7).requiresGrad_();
        Tensor x2 = x1.detach().clone().requiresGrad_(), w2 = w1.detach().clone().requiresGrad_();
        Tensor counted = graph(x2, w2);
        counted.gradFn().registerPrehook(g -> null); // forces the dependency count for this graph
        Tensor plain = graph(x1, w1); // made after the hook: nothing in it is watched
        assertTrue(node(plain).unobserved());
        assertFalse(node(counted).unobserved());
        plain.backward();
        counted.backward();
        assertArrayEquals(bits(x2.grad()), bits(x1.grad()));
        assertArrayEquals(bits(w2.grad()), bits(w1.grad()));
    }

    private static int[] bits(Tensor t) {
        double[] v = t.toDoubleArray();
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) b[i] = Float.floatToRawIntBits((float) v[i]);
        return b;
    }

    @Test
    void aFailedPassAccumulatesTheLeavesWhoseGradientsWereComplete() {
        // PyTorch 1.13.1: p's AccumulateGrad runs right after ExpBackward0, before MulBackward0 fails
        Tensor p = Torch.tensor(0.5).requiresGrad_(), q = Torch.tensor(2.0).requiresGrad_();
        Tensor r = Torch.tensor(3.0);
        Tensor u = q.mul(r);
        r.add_(1);
        Tensor loss = u.add(p.exp());
        assertTrue(node(loss).unobserved());
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().startsWith("one of the variables needed for gradient computation has been modified"));
        assertEquals("tensor(1.6487)", p.grad().toString());
        assertNull(q.grad());
    }
}
