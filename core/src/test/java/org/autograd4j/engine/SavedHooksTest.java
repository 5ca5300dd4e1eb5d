package org.autograd4j.engine;

import static org.autograd4j.engine.HookGoldens.golden;
import static org.autograd4j.engine.HookGoldens.leaf;
import static org.autograd4j.engine.HookGoldens.vals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Function;
import org.autograd4j.Autograd;
import org.autograd4j.Tensor;
import org.junit.jupiter.api.Test;

/** {@code saved_tensors_hooks}: how often pack and unpack run for each op, and what their results do (gen_hooks.py). */
class SavedHooksTest {

    private static void counts(String key, boolean twice, Function<Tensor[], Tensor> f, Tensor... leaves) {
        int[] n = new int[2];
        Tensor out;
        try (var s = Autograd.savedTensorsHooks(t -> {
            n[0]++;
            return t;
        }, o -> {
            n[1]++;
            return (Tensor) o;
        })) {
            out = f.apply(leaves);
        }
        if (twice) out.backward(null, true);
        out.backward();
        StringBuilder b = new StringBuilder(n[0] + " " + n[1]);
        for (Tensor l : leaves) b.append(' ').append(vals(l.grad()));
        assertEquals(golden(key), b.toString(), key);
    }

    @Test
    void packAndUnpackCallsPerOp() {
        counts("saved.exp", false, a -> a[0].exp().sum(), leaf(0, 1));
        counts("saved.mul", false, a -> a[0].mul(a[1]).sum(), leaf(1, 2), leaf(3, 4));
        counts("saved.mul_scalar", false, a -> a[0].mul(2).sum(), leaf(1, 2));
        counts("saved.sin", false, a -> a[0].sin().sum(), leaf(0, 0));
        counts("saved.sum", false, a -> a[0].sum(), leaf(1, 2));
        counts("saved.mm", false, a -> a[0].view(1, 2).mm(a[1].view(2, 1)).sum(), leaf(1, 2), leaf(3, 4));
        counts("saved.exp_twice", true, a -> a[0].exp().sum(), leaf(0, 0));
    }

    @Test
    void whatPackReturnsIsWhatBackwardReads() {
        Tensor x = leaf(1, 2), w = leaf(3, 4), y;
        try (var s = Autograd.savedTensorsHooks(t -> t.detach().mul(0).add(7), o -> (Tensor) o)) {
            y = x.mul(w).sum();
        }
        y.backward();
        assertEquals(golden("saved.replace"), vals(x.grad()) + " " + vals(w.grad()));
    }

    @Test
    void aFreedGraphFailsThroughHooksToo() {
        Tensor x = leaf(0, 1), y;
        try (var s = Autograd.savedTensorsHooks(t -> t, o -> (Tensor) o)) {
            y = x.exp().sum();
        }
        y.backward();
        assertEquals(golden("err.saved_freed"), assertThrows(RuntimeException.class, y::backward).getMessage());
    }

    @Test
    void theScopeEndsAtClose() {
        int[] n = new int[1];
        Tensor x = leaf(0, 1);
        try (var s = Autograd.savedTensorsHooks(t -> {
            n[0]++;
            return t;
        }, o -> (Tensor) o)) {
            x.exp();
        }
        x.exp().sum().backward();
        assertEquals(1, n[0]);
    }
}
