package org.autograd4j.engine;

import static org.autograd4j.engine.HookGoldens.golden;
import static org.autograd4j.engine.HookGoldens.hookMessage;
import static org.autograd4j.engine.HookGoldens.leaf;
import static org.autograd4j.engine.HookGoldens.py;
import static org.autograd4j.engine.HookGoldens.vals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.autograd4j.Node;
import org.autograd4j.RemovableHandle;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.engine.HookGoldens.Log;
import org.junit.jupiter.api.Test;

/**
 * Tensor hooks, {@code retain_grad}, node pre- and post-hooks and their removal, in PyTorch 1.13's order
 * (goldens from {@code gen_hooks.py}); mostly on {@code x=[1,2]} leaf, {@code y=x*3}, {@code (y**2).sum().backward()}.
 */
class HooksTest {
    private Tensor x;
    private Tensor y;
    private final Log log = new Log();

    private void base() {
        x = leaf(1, 2);
        y = x.mul(3);
    }

    private void finish(String key) {
        y.pow(2).sum().backward();
        assertEquals(golden(key + ".log"), log.toString(), key);
        assertEquals(golden(key + ".ygrad"), y.retainsGrad() ? vals(y.grad()) : "None", key);
        assertEquals(golden(key + ".xgrad"), vals(x.grad()), key);
    }

    @Test
    void tensorHooksBeforeRetainGradRunFirstAsOneDict() {
        base();
        y.registerHook(log.hook("A", g -> g.mul(2)));
        y.retainGrad();
        y.registerHook(log.hook("B", g -> g.mul(3)));
        finish("order.tensor_then_retain");
    }

    @Test
    void retainGradBeforeTensorHooksKeepsTheUnchangedGradient() {
        base();
        y.retainGrad();
        y.registerHook(log.hook("A", g -> g.mul(2)));
        finish("order.retain_then_tensor");
    }

    @Test
    void tensorHooksPrehooksPostHooksAndLeafHooksInOrder() {
        base();
        y.registerHook(log.hook("A", g -> g.mul(2)));
        y.gradFn().registerPrehook(go -> {
            log.add("P", go.get(0));
            return null;
        });
        y.registerHook(log.hook("B", g -> g.mul(3)));
        y.gradFn().registerHook((gi, go) -> {
            log.add("post.in", gi.get(0));
            log.add("post.out", go.get(0));
            return null;
        });
        x.registerHook(log.hook("X1", g -> g.add(1)));
        x.registerHook(log.hook("X2", null));
        finish("order.all");
    }

    @Test
    void aPrehookRegisteredFirstRunsFirstAndMayReplace() {
        base();
        y.gradFn().registerPrehook(go -> {
            log.add("P", go.get(0));
            return List.of(go.get(0).mul(10));
        });
        y.registerHook(log.hook("A", g -> g.mul(2)));
        finish("order.prehook_first");
    }

    @Test
    void aPostHookReplacesTheGradInputs() {
        base();
        y.gradFn().registerHook((gi, go) -> {
            log.add("post", gi.get(0));
            return Arrays.asList(gi.get(0).add(1), gi.get(1));
        });
        x.registerHook(log.hook("X", null));
        finish("order.posthook_replaces");
    }

    @Test
    void removedHooksDoNotRun() {
        base();
        RemovableHandle h = y.registerHook(log.hook("A", g -> g.mul(2)));
        y.registerHook(log.hook("B", g -> g.mul(3)));
        h.remove();
        RemovableHandle hx = x.registerHook(log.hook("X", null));
        hx.remove();
        hx.remove(); // twice: nothing
        finish("order.removed");
        assertEquals(golden("order.removed.retains"), py(y.retainsGrad()) + " " + py(x.retainsGrad()));
    }

    @Test
    void accumulateGradHooks() {
        base();
        Node acc = y.gradFn().nextFunctions().get(0).node();
        acc.registerHook((gi, go) -> {
            log.add("post" + gi.size(), go.get(0));
            return null;
        });
        acc.registerPrehook(go -> {
            log.add("pre", go.get(0));
            return null;
        });
        x.registerHook(log.hook("X", g -> g.mul(2)));
        finish("order.acc");
    }

    @Test
    void accumulateGradPrehooksRunBeforeTheLeafsTensorHooks() {
        base();
        x.registerHook(log.hook("X", g -> g.mul(2)));
        y.gradFn().nextFunctions().get(0).node().registerPrehook(go -> {
            log.add("pre", go.get(0));
            return List.of(go.get(0).add(1));
        });
        finish("order.leaf_first");
    }

    @Test
    void aNonLeafHookSeesTheSummedGradient() {
        base();
        y.registerHook(log.hook("Y", g -> g.mul(2)));
        y.mul(y).add(y).sum().backward();
        assertEquals(golden("order.nonleaf_summed"), log + " " + vals(x.grad()));
    }

    @Test
    void hooksAndInPlaceOps() {
        base();
        y.registerHook(log.hook("A", g -> g.mul(2)));
        y.add_(1);
        y.registerHook(log.hook("B", null));
        finish("order.inplace_after_hook");
        log.clear();
        base();
        y.add_(1);
        y.registerHook(log.hook("B", g -> g.mul(2)));
        finish("order.inplace_before_hook");
    }

    @Test
    void leafHooksSeeTheSummedGradientChained() {
        x = leaf(1, 2);
        x.registerHook(log.hook("X1", g -> g.mul(10)));
        x.registerHook(log.hook("X2", null));
        x.mul(2).add(x.mul(3)).sum().backward();
        assertEquals(golden("order.leaf_summed.log"), log.toString());
        assertEquals(golden("order.leaf_summed.xgrad"), vals(x.grad()));
    }

    @Test
    void retainedGradientsAddUpOverBackwards() {
        base();
        y.retainGrad();
        Tensor z = y.pow(2).sum();
        z.backward(null, true);
        z.backward();
        assertEquals(golden("order.two_backwards"), vals(y.grad()) + " " + vals(x.grad()));
    }

    @Test
    void hooksUnderCreateGraph() {
        x = leaf(1, 2);
        y = x.mul(x);
        y.registerHook(g -> g.mul(2));
        y.retainGrad();
        y.sum().backward(null, false, true);
        assertEquals(golden("hooks.create_graph.xgrad"), x.grad().toString());
        assertEquals(golden("hooks.create_graph.ygrad"), y.grad().toString());
        x.grad().sum().backward();
        assertEquals(golden("hooks.create_graph.after"), x.grad().toString());
    }

    @Test
    void hookErrors() {
        Tensor w = Torch.ones(3).requiresGrad_();
        assertEquals(golden("err.hook_no_grad"),
                assertThrows(IllegalStateException.class, () -> Torch.ones(2).registerHook(g -> g)).getMessage());
        assertEquals(golden("err.retain_no_grad"), assertThrows(IllegalStateException.class, () -> Torch.ones(2).retainGrad()).getMessage());
        Tensor a = w.mul(2);
        a.registerHook(g -> g.narrow(0, 0, 1));
        assertEquals(hookMessage("err.hook_size"), assertThrows(IllegalStateException.class, () -> a.sum().backward()).getMessage());
        Tensor b = w.mul(2);
        b.registerHook(g -> g.to(org.autograd4j.DType.FLOAT64));
        assertEquals(hookMessage("err.hook_type"), assertThrows(IllegalStateException.class, () -> b.sum().backward()).getMessage());
        Tensor w2 = Torch.ones(3).requiresGrad_();
        w2.registerHook(g -> g.narrow(0, 0, 1));
        assertEquals(hookMessage("err.leaf_hook_size"),
                assertThrows(IllegalStateException.class, () -> w2.mul(2).sum().backward()).getMessage());
        Tensor c = w.mul(2);
        c.gradFn().registerHook((gi, go) -> List.of(gi.get(0)));
        assertEquals(hookMessage("err.post_count"), assertThrows(IllegalStateException.class, () -> c.sum().backward()).getMessage());
        Tensor d = w.mul(2);
        d.gradFn().registerHook((gi, go) -> Arrays.asList(gi.get(0).narrow(0, 0, 1), null));
        assertEquals(hookMessage("err.post_size"), assertThrows(IllegalStateException.class, () -> d.sum().backward()).getMessage());
    }
}
