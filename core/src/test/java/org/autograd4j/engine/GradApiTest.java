package org.autograd4j.engine;

import static org.autograd4j.engine.HookGoldens.golden;
import static org.autograd4j.engine.HookGoldens.leaf;
import static org.autograd4j.engine.HookGoldens.py;
import static org.autograd4j.engine.HookGoldens.vals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.engine.HookGoldens.Log;
import org.junit.jupiter.api.Test;

/** {@code backward(inputs=...)}, {@code autograd.grad}'s forms and every misuse's message, against {@code gen_hooks.py}. */
class GradApiTest {

    @Test
    void backwardWithLeafInputsFillsOnlyThose() {
        Tensor x = leaf(1, 2), w = leaf(3, 4);
        x.mul(w).sum().backward(null, false, false, List.of(x));
        assertEquals(golden("inputs.leaf"), vals(x.grad()) + " " + vals(w.grad()));
    }

    @Test
    void backwardWithANonLeafInputRetainsItsGrad() {
        Tensor x = leaf(1, 2), y = x.mul(3);
        y.pow(2).sum().backward(null, false, false, List.of(y));
        assertEquals(golden("inputs.nonleaf"), vals(y.grad()) + " " + vals(x.grad()) + " " + py(y.retainsGrad()));
    }

    @Test
    void autogradBackwardWithMixedInputs() {
        Tensor x = leaf(1, 2), y = x.mul(3), w = leaf(3, 4);
        Autograd.backward(List.of(y.mul(w).sum()), null, false, false, List.of(y, w));
        assertEquals(golden("inputs.both"), vals(y.grad()) + " " + vals(w.grad()) + " " + vals(x.grad()));
    }

    @Test
    void anUnusedBackwardInputIsNoError() {
        Tensor x = leaf(1, 2), u = leaf(5);
        x.mul(2).sum().backward(null, false, false, List.of(u));
        assertEquals(golden("inputs.unused"), vals(u.grad()) + " " + vals(x.grad()));
    }

    @Test
    void gradCapturesBeforeTheInputsHooks() {
        Tensor x = leaf(1, 2), y = x.mul(3);
        Log log = new Log();
        x.registerHook(log.hook("X", null));
        y.registerHook(log.hook("Y", g -> g.mul(10)));
        Tensor r1 = Autograd.grad(List.of(y.mul(y).sum()), List.of(y)).get(0);
        assertEquals(golden("grad.hooks.y"), vals(r1) + " " + log);
        log.clear();
        Tensor r2 = Autograd.grad(List.of(y.mul(y).sum()), List.of(x)).get(0);
        assertEquals(golden("grad.hooks.x"), vals(r2) + " " + log);
    }

    @Test
    void allowUnusedGivesNull() {
        Tensor x = leaf(1, 2), u = leaf(5);
        List<Tensor> r = Autograd.grad(List.of(x.mul(2).sum()), List.of(x, u), null, false, false, true);
        assertEquals(golden("grad.allow_unused"), vals(r.get(0)) + " " + vals(r.get(1)));
    }

    @Test
    void suppliedGradientsOfAnotherDtypeAreCast() {
        Tensor w = Torch.ones(3).requiresGrad_();
        w.mul(2).backward(Torch.ones(new long[] {3}, DType.FLOAT64));
        w.mul(2).backward(Torch.ones(new long[] {3}, DType.INT64));
        assertEquals(golden("grad.dtype"), w.grad().dtype().toString() + " " + vals(w.grad()));
    }

    @Test
    void zeroAndSetNone() {
        Tensor w = Torch.ones(3).requiresGrad_();
        w.mul(2).sum().backward();
        Tensor g = w.grad();
        w.grad().zero_();
        w.mul(3).sum().backward();
        assertEquals(golden("grad.zero"), vals(w.grad()) + " " + py(g == w.grad()));
        w.setGrad(null);
        w.mul(4).sum().backward();
        assertEquals(golden("grad.set_none"), vals(w.grad()));
    }

    @Test
    void misuseMessages() {
        Tensor w = Torch.ones(3).requiresGrad_();
        assertEquals(golden("err.unused"), assertThrows(RuntimeException.class,
                () -> Autograd.grad(List.of(w.mul(2).sum()), List.of(w, Torch.ones(2).requiresGrad_()))).getMessage());
        assertEquals(golden("err.no_grad_input"), assertThrows(RuntimeException.class,
                () -> Autograd.grad(List.of(w.mul(2).sum()), List.of(Torch.ones(3)))).getMessage());
        assertEquals(golden("err.shape"), assertThrows(RuntimeException.class, () -> w.mul(2).backward(Torch.ones(2))).getMessage());
        assertEquals(golden("err.scalar_shape"),
                assertThrows(RuntimeException.class, () -> w.mul(2).sum().backward(Torch.ones(3))).getMessage());
        assertEquals(golden("err.inputs_empty"), assertThrows(RuntimeException.class,
                () -> Autograd.backward(List.of(w.mul(2).sum()), null, false, false, List.of())).getMessage());
        assertEquals(golden("err.inputs_no_grad"), assertThrows(RuntimeException.class,
                () -> w.mul(2).sum().backward(null, false, false, List.of(Torch.ones(3)))).getMessage());
        assertEquals(golden("err.setgrad_size"), assertThrows(RuntimeException.class, () -> w.setGrad(Torch.ones(2))).getMessage());
        assertEquals(golden("err.setgrad_type"),
                assertThrows(RuntimeException.class, () -> w.setGrad(Torch.ones(new long[] {3}, DType.FLOAT64))).getMessage());
        Tensor a = w.exp();
        a.add_(1);
        assertEquals(golden("err.version"), assertThrows(RuntimeException.class, () -> a.sum().backward()).getMessage());
        assertNull(w.grad());
    }

    @Test
    void theSameGradObjectAccumulates() {
        Tensor w = Torch.ones(3).requiresGrad_();
        w.mul(2).sum().backward();
        Tensor g = w.grad();
        w.mul(2).sum().backward(null, false, false, List.of(w));
        assertSame(g, w.grad());
    }
}
