package org.autograd4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.Autograd;
import org.autograd4j.DType;
import org.autograd4j.Edge;
import org.autograd4j.GoldenFile;
import org.autograd4j.GradModeScope;
import org.autograd4j.Node;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * Custom functions against PyTorch 1.13.1 ({@code goldens/function.txt}, from {@code tools/goldens/gen_function.py},
 * which defines the same classes with the same formulas): values, gradients, node names and graphs, in-place and
 * view handling, and every error message.
 */
class FunctionTest {
    static final Map<String, String> G = new HashMap<>();

    static {
        for (GoldenFile.Line l : GoldenFile.read("function.txt").lines()) G.put(l.before("\t"), l.after("\t").replace("\\n", "\n"));
    }

    static String golden(String key) {
        String v = G.get(key);
        if (v == null) throw new IllegalStateException("no golden " + key);
        return v;
    }

    static String py(boolean b) {
        return b ? "True" : "False";
    }

    static Tensor x0() {
        return Torch.tensor(-0.7, 0.2, 1.5).requiresGrad_();
    }

    /** A grad_fn tree in gen_function.py's format. */
    static String graph(Node n) {
        if (n == null) return "null";
        if (n.typeName().equals("AccumulateGrad")) return "AccumulateGrad";
        List<String> kids = new ArrayList<>();
        for (Edge e : n.nextFunctions()) kids.add(e.node() == null ? "null" : e.inputNr() + ":" + graph(e.node()));
        return n.typeName() + "(" + String.join(";", kids) + ")";
    }

    static String message(Runnable r) {
        return assertThrows(RuntimeException.class, r::run).getMessage();
    }

    // ------------------------------------------------------------------ the functions (as in gen_function.py)

    static boolean forwardGradEnabled;

    static final class Legendre extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Object... args) {
            Tensor x = (Tensor) args[0];
            ctx.saveForBackward(x);
            forwardGradEnabled = Torch.isGradEnabled();
            return x.pow(3L).mul(5L).sub(x.mul(3L)).mul(0.5);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            Tensor x = ctx.savedTensors().get(0);
            return new Tensor[] {g[0].mul(1.5).mul(x.pow(2L).mul(5L).sub(1L))};
        }
    }

    /** forward: x·2, for the functions whose backward is under test. */
    abstract static class Twice extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Object... args) {
            return ((Tensor) args[0]).mul(2L);
        }
    }

    static final class Bad extends Twice {
        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {g[0], g[0]};
        }
    }

    static final class BadShape extends Twice {
        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {Torch.ones(2)};
        }
    }

    static final class Broadcast extends Twice {
        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {Torch.ones(new long[] {2, 3}, DType.FLOAT64)};
        }
    }

    static final class Save extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Object... args) {
            Tensor x = (Tensor) args[0], y = x.mul(2L);
            ctx.saveForBackward(x, y);
            return y;
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            ctx.savedTensors();
            return new Tensor[] {g[0].mul(2L)};
        }
    }

    static class Dirty extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Object... args) {
            Tensor x = (Tensor) args[0];
            x.mul_(2L);
            ctx.markDirty(x);
            return x;
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {g[0].mul(2L)};
        }
    }

    static final class DirtyLost extends Dirty {
        @Override
        public Tensor forward(FunctionCtx ctx, Object... args) {
            return ((Tensor) super.forward(ctx, args)).mul(1L);
        }
    }

    static final class View extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Object... args) {
            return ((Tensor) args[0]).narrow(0, 0, 2);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {Torch.cat(List.of(g[0], Torch.zeros(1)), 0)};
        }
    }

    static final class Ident extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Object... args) {
            return (Tensor) args[0];
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {g[0].mul(3L)};
        }
    }

    static final Map<String, Object> SEEN = new HashMap<>();

    static final class Two extends Function {
        @Override
        public List<Tensor> forward(FunctionCtx ctx, Object... args) {
            Tensor x = (Tensor) args[0];
            double k = (Double) args[1];
            ctx.put("k", k);
            Tensor i = x.argmax();
            ctx.markNonDifferentiable(i);
            SEEN.put("two.needs_input_grad", "[" + py(ctx.needsInputGrad(0)) + ", " + py(ctx.needsInputGrad(1)) + "]");
            return List.of(x.mul(k), x.exp(), i);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            SEEN.put("two.g2", g[1].toString());
            SEEN.put("two.g3", g[2].toString());
            double k = ctx.get("k");
            return new Tensor[] {g[0].mul(k).add(g[1]), null};
        }
    }

    static final class TwoNull extends Function {
        @Override
        public Tensor[] forward(FunctionCtx ctx, Object... args) {
            ctx.setMaterializeGrads(false);
            Tensor x = (Tensor) args[0];
            ctx.put("k", args[1]);
            return new Tensor[] {x.mul((double) args[1]), x.mul(1L)};
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            SEEN.put("twonull.g2_is_none", py(g[1] == null));
            double k = ctx.get("k");
            return new Tensor[] {g[0].mul(k), null};
        }
    }

    static final class Few extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Object... args) {
            return ((Tensor) args[0]).mul((double) args[1]);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {g[0]};
        }
    }

    static final class Scalar extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Object... args) {
            return ((Tensor) args[0]).mul((double) args[1]);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {g[0], g[0]};
        }
    }

    static final class Mixed extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Object... args) {
            SEEN.put("mixed.needs_input_grad", "[" + py(ctx.needsInputGrad(0)) + ", " + py(ctx.needsInputGrad(1)) + ", "
                    + py(ctx.needsInputGrad(2)) + "]");
            return ((Tensor) args[1]).mul((double) args[0]).mul((Tensor) args[2]);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {null, g[0].mul(2L), g[0]};
        }
    }

    static final class Sq extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Object... args) {
            Tensor x = (Tensor) args[0];
            ctx.saveForBackward(x);
            return x.mul(x);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            Tensor x = ctx.savedTensors().get(0);
            return new Tensor[] {g[0].mul(x).mul(2L)};
        }
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void legendre() {
        Tensor x = x0();
        Tensor y = new Legendre().apply(x);
        assertEquals(golden("legendre.forward_grad_enabled"), py(forwardGradEnabled));
        assertEquals(golden("legendre.y"), y.toString());
        assertEquals(golden("legendre.name"), y.gradFn().name());
        assertEquals(golden("legendre.repr"), y.gradFn().toString().replaceAll(" at 0x[0-9a-f]+>", " at 0x>"));
        assertEquals(golden("legendre.graph"), graph(y.gradFn()));
        y.sum().backward();
        assertEquals(golden("legendre.grad"), x.grad().toString());
        assertEquals(golden("legendre.second_backward"), message(() -> y.sum().backward()));
        Tensor plain = new Legendre().apply(Torch.tensor(1.0, 2.0));
        assertEquals(golden("legendre.no_grad_input"), plain.toString());
        assertNull(plain.gradFn());
        assertTrue(Torch.isGradEnabled(), "grad mode is restored after forward");
    }

    @Test
    void wrongGradients() {
        assertEquals(golden("bad.count"), message(() -> new Bad().apply(x0()).sum().backward()));
        assertEquals(golden("badshape.message"), message(() -> new BadShape().apply(x0()).sum().backward()));
        assertEquals(golden("few.count"), message(() -> new Few().apply(x0(), 2.0).sum().backward()));
        assertEquals(golden("scalar.message"), message(() -> new Scalar().apply(x0(), 2.0).sum().backward()));
        Tensor x = x0();
        new Broadcast().apply(x).sum().backward();
        assertEquals(golden("broadcast.grad"), x.grad().toString());
        assertEquals(DType.FLOAT32, x.grad().dtype(), "cast to the input's dtype");
    }

    @Test
    void savedTensorsModifiedInPlace() {
        assertEquals(golden("save.input_modified"), message(() -> {
            Tensor a = x0().clone();
            Tensor y = new Save().apply(a);
            try (GradModeScope s = Torch.noGrad()) {
                a.add_(1L);
            }
            y.sum().backward();
        }));
        assertEquals(golden("save.output_modified"), message(() -> {
            Tensor y = new Save().apply(x0().clone());
            y.mul_(2L);
            y.sum().backward();
        }));
    }

    @Test
    void markDirty() {
        Tensor x = x0();
        Tensor a = x.clone();
        Tensor b = new Dirty().apply(a);
        assertEquals(golden("dirty.same"), py(b == a));
        assertEquals(golden("dirty.version"), String.valueOf(a.version()));
        assertEquals(golden("dirty.graph"), graph(a.gradFn()));
        assertEquals(golden("dirty.value"), a.toString());
        b.sum().backward();
        assertEquals(golden("dirty.grad"), x.grad().toString());
        assertEquals(golden("dirty.leaf"), message(() -> new Dirty().apply(x0())));
        assertEquals(golden("dirtylost.message"), message(() -> new DirtyLost().apply(x0().clone())));
    }

    @Test
    void markDirtyOnAView() {
        Tensor x = x0();
        Tensor a = x.clone();
        Tensor v = a.narrow(0, 0, 2);
        Tensor b = new Dirty().apply(v);
        assertEquals(golden("dirty_view.same"), py(b == v));
        assertEquals(golden("dirty_view.graph"), graph(a.gradFn()));
        assertEquals(golden("dirty_view.view_graph"), graph(v.gradFn()));
        b.sum().backward();
        assertEquals(golden("dirty_view.grad"), x.grad().toString());
    }

    @Test
    void viewsOfInputs() {
        Tensor a = x0().clone();
        Tensor v = new View().apply(a);
        assertEquals(golden("view.graph"), graph(v.gradFn()));
        assertEquals(golden("view.base_is_input"), py(v.base() == a));
        assertEquals(golden("view.inplace"), message(() -> v.mul_(2L)));
        try (GradModeScope s = Torch.noGrad()) {
            v.mul_(2L);
        }
        assertEquals(golden("view.no_grad_inplace"), a.toString());

        Tensor x = x0();
        Tensor r = new Ident().apply(x);
        assertEquals(golden("ident.same"), py(r == x));
        assertEquals(golden("ident.base_is_input"), py(r.base() == x));
        assertEquals(golden("ident.graph"), graph(r.gradFn()));
        r.sum().backward();
        assertEquals(golden("ident.grad"), x.grad().toString());
        assertEquals(golden("ident.inplace"), message(() -> new Ident().apply(x0().clone()).add_(1L)));
    }

    @Test
    void severalOutputsAndNonTensorArguments() {
        Tensor x = x0();
        List<Tensor> ys = new Two().applyAll(x, 3.0);
        assertEquals(golden("two.needs_input_grad"), SEEN.get("two.needs_input_grad"));
        assertEquals(golden("two.same_node"), py(ys.get(0).gradFn() == ys.get(1).gradFn()));
        assertEquals(golden("two.output_nr"), ys.get(0).outputNr() + " " + ys.get(1).outputNr());
        assertEquals(golden("two.i_requires_grad"), py(ys.get(2).requiresGrad()));
        assertEquals(golden("two.graph"), graph(ys.get(1).gradFn()));
        ys.get(0).sum().backward();
        assertEquals(golden("two.g2"), SEEN.get("two.g2"));
        assertEquals(golden("two.g3"), SEEN.get("two.g3"));
        assertEquals(golden("two.grad"), x.grad().toString());
        assertThrows(IllegalStateException.class, () -> new Two().apply(x0(), 3.0), "apply wants one output");

        Tensor x2 = x0();
        new TwoNull().applyAll(x2, 3.0).get(0).sum().backward();
        assertEquals(golden("twonull.g2_is_none"), SEEN.get("twonull.g2_is_none"));
        assertEquals(golden("twonull.grad"), x2.grad().toString());

        Tensor x3 = x0();
        Tensor y = new Mixed().apply(2.0, x3, Torch.ones(3));
        assertEquals(golden("mixed.needs_input_grad"), SEEN.get("mixed.needs_input_grad"));
        assertEquals(golden("mixed.graph"), graph(y.gradFn()));
        y.sum().backward();
        assertEquals(golden("mixed.grad"), x3.grad().toString());
    }

    @Test
    void doubleBackwardThroughACustomFunction() {
        Tensor x = x0();
        Tensor y = new Sq().apply(x);
        Tensor g = Autograd.grad(List.of(y.sum()), List.of(x), null, false, true, false).get(0);
        assertEquals(golden("sq.g"), g.toString());
        assertEquals(golden("sq.g_graph"), graph(g.gradFn()));
        Tensor gg = Autograd.grad(List.of(g.mul(g).sum()), List.of(x)).get(0);
        assertEquals(golden("sq.gg"), gg.toString());
    }

    @Test
    void ctxAttributes() {
        FunctionCtx ctx = new FunctionCtx(new boolean[0]);
        ctx.put("k", 3);
        int k = ctx.get("k");
        assertEquals(3, k);
        assertEquals("'FunctionCtx' object has no attribute 'q'", message(() -> ctx.get("q")));
        assertSame(ctx.attributes(), ctx.attributes());
        assertNotSame(new Legendre().apply(x0()).gradFn(), new Legendre().apply(x0()).gradFn());
    }
}
