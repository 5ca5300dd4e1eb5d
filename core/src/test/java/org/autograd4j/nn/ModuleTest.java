package org.autograd4j.nn;

import static org.autograd4j.nn.NNGoldens.assertTensor;
import static org.autograd4j.nn.NNGoldens.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** A user's module written with the registration idiom, against the same module in PyTorch (goldens/nn.txt). */
class ModuleTest {
    /** PyTorch's {@code Net} in tools/goldens/gen_nn.py, line by line. */
    static final class Net extends Module {
        final Linear fc1 = register("fc1", new Linear(2, 3));
        final Tensor steps = registerBuffer("steps", Torch.zeros(1));
        final Linear fc2 = register("fc2", new Linear(3, 1));
        final Tensor scale = registerParameter("scale", Torch.ones(1));

        @Override
        public Tensor forward(Tensor x) {
            return fc2.forward(fc1.forward(x).relu()).mul(scale);
        }
    }

    @Test
    void aLossReportsItsReduction() {
        assertEquals("mean", new MSELoss().reduction());
        assertEquals("sum", new L1Loss("sum").reduction());
        assertEquals("none", new CrossEntropyLoss(null, -100, "none", 0.0).reduction());
    }

    @Test
    void userModuleMatchesPyTorch() {
        Torch.manualSeed(2);
        Net net = new Net();
        assertEquals(text("usr.keys"), String.join(",", net.stateDict().keySet()));
        assertEquals(text("usr.names"), String.join(",", net.namedParameters().keySet()));
        assertEquals(text("usr.buffers"), String.join(",", net.namedBuffers().keySet()));
        assertEquals(text("usr.repr"), net.toString());
        Tensor y = net.call(Torch.randn(4, 2));
        y.sum().backward();
        assertTensor("usr.y", y);
        assertTensor("usr.fc1.wgrad", net.fc1.weight().grad());
        assertTensor("usr.scale.grad", net.scale.grad());
        assertTrue(net.scale.isParameter());
        assertFalse(net.steps.isParameter());
        assertEquals(List.of(net.fc1, net.fc2), net.children());
    }

    @Test
    void nonStrictLoading() {
        Linear lin = new Linear(2, 3);
        Map<String, Tensor> bad = new LinkedHashMap<>();
        bad.put("weight", Torch.zeros(3, 2));
        bad.put("bias", Torch.zeros(2));
        assertEquals(text("load.nonstrict_size"),
                assertThrows(IllegalStateException.class, () -> lin.loadStateDict(bad, false)).getMessage());
        Map<String, Tensor> partial = new LinkedHashMap<>();
        partial.put("weight", Torch.zeros(3, 2));
        partial.put("other", Torch.zeros(1));
        List<List<String>> r = lin.loadStateDict(partial, false);
        assertEquals(text("load.nonstrict"), py(r.get(0)) + py(r.get(1)));
        assertEquals(0.0, lin.weight().abs().sum().item());
    }

    private static String py(List<String> keys) {
        StringBuilder b = new StringBuilder("[");
        for (String k : keys) b.append(b.length() > 1 ? ", " : "").append('\'').append(k).append('\'');
        return b.append(']').toString();
    }

    @Test
    void parametersAreFlaggedLeavesSharingStorage() {
        Tensor data = Torch.ones(2);
        Tensor p = Parameter.of(data);
        assertTrue(p.isParameter() && p.requiresGrad() && p.isLeaf());
        assertNotSame(data, p);
        assertFalse(data.isParameter());
        p.detach().fill_(3);
        assertEquals(3.0, data.toDoubleArray()[0], "Parameter(t) shares t's storage, as PyTorch's");
        assertFalse(Parameter.of(data, false).requiresGrad());
    }

    @Test
    void toDtypeConvertsParametersAndBuffers() {
        Net net = new Net();
        net.to(DType.FLOAT64);
        for (Tensor t : net.stateDict().values()) assertEquals(DType.FLOAT64, t.dtype());
        for (Tensor t : net.parameters()) assertTrue(t.isParameter() && t.requiresGrad());
        assertEquals(DType.FLOAT64, net.forward(Torch.ones(new long[] {1, 2}, DType.FLOAT64)).dtype());
        assertThrows(IllegalArgumentException.class, () -> net.to(DType.INT64));
    }

    @Test
    void applyVisitsChildrenFirst() {
        Sequential s = new Sequential(new ReLU(), new Sequential(new Tanh()));
        StringBuilder b = new StringBuilder();
        s.apply(m -> b.append(m.getClass().getSimpleName()).append(' '));
        // PyTorch: for module in self.children(): module.apply(fn); fn(self)
        assertEquals("ReLU Tanh Sequential Sequential ", b.toString());
        assertSame(s.get(0), s.children().get(0));
        assertEquals(2, s.size());
    }

    @Test
    void registrationErrors() {
        Module m = new Sequential();
        assertEquals("module name can't contain \".\", got: a.b",
                assertThrows(IllegalArgumentException.class, () -> m.registerModule("a.b", new ReLU())).getMessage());
        m.registerParameter("w", Torch.ones(1));
        assertEquals("attribute 'w' already exists",
                assertThrows(IllegalArgumentException.class, () -> m.registerBuffer("w", Torch.ones(1))).getMessage());
    }
}
