package org.autograd4j.nn;

import static org.autograd4j.nn.NNGoldens.assertTensor;
import static org.autograd4j.nn.NNGoldens.tensor;
import static org.autograd4j.nn.NNGoldens.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.ForwardAD;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;

/** Conv2d, the pools, LayerNorm, BatchNorm1d/2d and GroupNorm against PyTorch 1.13.1 (goldens/nn_conv.txt). */
class ConvModulesTest {
    private static final int[] ONE = {1};
    private static final int[] ZERO = {0};

    @Test
    void conv2dInitIsPyTorchsBitForBit() {
        for (int seed : new int[] {0, 7}) {
            Map<String, Supplier<Conv2d>> ms = new LinkedHashMap<>();
            ms.put("a", () -> new Conv2d(3, 4, 3));
            ms.put("b", () -> new Conv2d(4, 6, new int[] {2, 3}, ONE, ZERO, ONE, 2, true, "zeros"));
            ms.put("c", () -> new Conv2d(2, 3, 1, 1, 0, 1, 1, false, "zeros"));
            for (var e : ms.entrySet()) {
                Torch.manualSeed(seed);
                Conv2d m = e.getValue().get();
                String k = "conv.init." + seed + "." + e.getKey();
                assertTensor(k + ".weight", m.weight());
                if (e.getKey().equals("c")) assertNull(m.bias());
                else assertTensor(k + ".bias", m.bias());
            }
        }
    }

    @Test
    void reprsAndStateDictKeys() {
        Map<String, Module> ms = new LinkedHashMap<>();
        ms.put("conv1", new Conv2d(3, 8, 3));
        ms.put("conv2", new Conv2d(3, 8, new int[] {3, 5}, new int[] {2}, new int[] {1}, new int[] {2}, 1, false, "zeros"));
        ms.put("conv3", new Conv2d(4, 8, new int[] {3}, ONE, "same", ONE, 2, true, "zeros"));
        ms.put("conv4", new Conv2d(4, 8, new int[] {3}, ONE, "valid", ONE, 1, true, "zeros"));
        ms.put("conv5", new Conv2d(2, 4, new int[] {3}, new int[] {1, 2}, new int[] {0, 1}, ONE, 1, true, "zeros"));
        ms.put("maxpool1", new MaxPool2d(2));
        ms.put("maxpool2", new MaxPool2d(new int[] {2, 3}, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, true));
        ms.put("maxpool3", new MaxPool2d(3, 2, 1, 1, false));
        ms.put("avgpool1", new AvgPool2d(2));
        ms.put("avgpool2", new AvgPool2d(3, 2, 1, true, false, 2));
        ms.put("avgpool3", new AvgPool2d(new int[] {2, 3}, new int[] {1, 2}, new int[] {0, 1}, false, true, null));
        ms.put("adaptive1", new AdaptiveAvgPool2d(1));
        ms.put("adaptive2", new AdaptiveAvgPool2d(new int[] {2, 3}));
        ms.put("ln1", new LayerNorm(4));
        ms.put("ln2", new LayerNorm(new long[] {3, 4}, 1e-6, false));
        ms.put("bn1", new BatchNorm1d(4));
        ms.put("bn2", new BatchNorm2d(3, 1e-3, null, false, false));
        ms.put("bn3", new BatchNorm2d(3, 1e-5, 0.2, true, true));
        ms.put("gn1", new GroupNorm(2, 4));
        ms.put("gn2", new GroupNorm(2, 4, 1e-3, false));
        for (var e : ms.entrySet()) {
            assertEquals(text("repr." + e.getKey()), e.getValue().toString(), e.getKey());
            assertEquals(text("keys." + e.getKey()), String.join(",", e.getValue().stateDict().keySet()), e.getKey());
        }
        assertEquals(DType.INT64, new BatchNorm1d(2).numBatchesTracked().dtype());
    }

    @Test
    void forwardValuesAndGradients() {
        Map<String, Supplier<Module>> cases = new LinkedHashMap<>();
        cases.put("conv1", () -> new Conv2d(4, 3, 3));
        cases.put("conv2", () -> new Conv2d(4, 6, new int[] {3, 2}, new int[] {2}, new int[] {1}, new int[] {1, 2}, 2, true, "zeros"));
        cases.put("conv3", () -> new Conv2d(4, 2, new int[] {3}, ONE, "same", ONE, 1, false, "zeros"));
        cases.put("conv4", () -> new Conv2d(4, 2, new int[] {2, 4}, ONE, "same", new int[] {2, 1}, 1, true, "zeros"));
        cases.put("maxpool1", () -> new MaxPool2d(2));
        cases.put("maxpool2", () -> new MaxPool2d(3, 2, 1, 1, true));
        cases.put("avgpool1", () -> new AvgPool2d(2));
        cases.put("avgpool2", () -> new AvgPool2d(3, 2, 1, true, false, null));
        cases.put("adaptive1", () -> new AdaptiveAvgPool2d(1));
        cases.put("adaptive2", () -> new AdaptiveAvgPool2d(new int[] {4, 3}));
        cases.put("ln1", () -> new LayerNorm(5));
        cases.put("ln2", () -> new LayerNorm(new long[] {6, 5}, 1e-5, false));
        cases.put("gn1", () -> new GroupNorm(2, 4));
        cases.put("bn2", () -> new BatchNorm2d(4));
        Tensor x4 = tensor("fwd.x");
        for (var e : cases.entrySet()) {
            String k = "fwd." + e.getKey();
            Torch.manualSeed(2);
            Module m = e.getValue().get().to(DType.FLOAT64);
            Tensor x = x4.clone().requiresGrad_();
            Tensor y = m.forward(x);
            Tensor w = Torch.arange(0, y.numel(), 1, DType.FLOAT64).reshape(y.shape()).div(y.numel()).sub(0.5);
            y.mul(w).sum().backward();
            // layer and group norm's forward is PyTorch's bits (its RowwiseMoments and fused normalization)
            boolean norm = e.getKey().startsWith("ln") || e.getKey().startsWith("gn");
            assertTensor(k + ".y", y, norm ? 0 : 64, true);
            assertTensor(k + ".xgrad", x.grad(), norm ? 8 : 64, true);
            for (var p : m.namedParameters().entrySet()) {
                assertTensor(k + "." + p.getKey() + "grad", p.getValue().grad(), 64, true);
            }
            assertEquals(text(k + ".gradfn"), y.gradFn().name(), k);
        }
    }

    @Test
    void batchNormRunningStatisticsThenEval() {
        Map<String, Supplier<BatchNormBase>> cases = new LinkedHashMap<>();
        cases.put("bn1d", () -> new BatchNorm1d(3));
        cases.put("bn1d3", () -> new BatchNorm1d(3, 1e-5, null, true, true));
        cases.put("bn2d", () -> new BatchNorm2d(3, 1e-5, 0.3, true, true));
        cases.put("bn2dcum", () -> new BatchNorm2d(3, 1e-5, null, false, true));
        for (var e : cases.entrySet()) {
            String k = "bn." + e.getKey();
            BatchNormBase m = e.getValue().get();
            for (int step = 0; step < 3; step++) {
                Tensor y = m.forward(tensor(k + ".step" + step + ".x"));
                assertTensor(k + ".step" + step + ".y", y, 8, true);
            }
            assertTensor(k + ".running_mean", m.runningMean(), 4, true);
            assertTensor(k + ".running_var", m.runningVar(), 4, true);
            assertTensor(k + ".num_batches_tracked", m.numBatchesTracked());
            m.eval();
            assertTensor(k + ".eval.y", m.forward(tensor(k + ".eval.x")), 8, true);
        }
    }

    @Test
    void smallCnnForwardBackward() {
        Torch.manualSeed(5);
        Sequential net = new Sequential(new Conv2d(2, 4, 3, 1, 1), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(4 * 3 * 3, 3));
        assertEquals(text("cnn.repr"), net.toString());
        assertEquals(text("cnn.keys"), String.join(",", net.stateDict().keySet()));
        for (var p : net.namedParameters().entrySet()) assertTensor("cnn.init." + p.getKey(), p.getValue());
        net.to(DType.FLOAT64);
        Tensor y = net.forward(tensor("cnn.x"));
        Tensor loss = F.crossEntropy(y, Torch.tensor(new long[] {0, 2}));
        loss.backward();
        assertTensor("cnn.y", y, 64, true);
        assertTensor("cnn.loss", loss, 64, true);
        for (var p : net.namedParameters().entrySet()) {
            assertTensor("cnn.grad." + p.getKey(), p.getValue().grad(), 64, true);
        }
    }

    @Test
    void forwardModeThroughTheModules() {
        Torch.manualSeed(6);
        Sequential net = new Sequential(new Conv2d(2, 4, 3, 1, 1), new BatchNorm2d(4), new ReLU(), new MaxPool2d(2),
                new GroupNorm(2, 4), new AvgPool2d(new int[] {2}, new int[] {1}, ZERO, false, true, null),
                new AdaptiveAvgPool2d(2), new Flatten(), new LayerNorm(16));
        net.to(DType.FLOAT64);
        try (var level = ForwardAD.dualLevel()) {
            Tensor y = net.forward(ForwardAD.makeDual(tensor("jvp.x"), tensor("jvp.t")));
            var u = ForwardAD.unpackDual(y);
            assertTensor("jvp.y", u.primal(), 64, true);
            assertTensor("jvp.ty", u.tangent(), 256, true);
        }
    }

    @Test
    void argumentErrorsArePyTorchs() {
        assertEquals(text("error.groups"),
                assertThrows(IllegalArgumentException.class, () -> new Conv2d(3, 4, new int[] {3}, ONE, ZERO, ONE, 2, true, "zeros")).getMessage());
        assertEquals(text("error.samestride"),
                assertThrows(IllegalArgumentException.class, () -> new Conv2d(3, 4, new int[] {3}, new int[] {2}, "same", ONE, 1, true, "zeros")).getMessage());
        assertEquals(text("error.gngroups"),
                assertThrows(IllegalArgumentException.class, () -> new GroupNorm(3, 4)).getMessage());
        assertEquals(text("error.bn2ddim"),
                assertThrows(IllegalArgumentException.class, () -> new BatchNorm2d(3).forward(Torch.zeros(2, 3, 4))).getMessage());
        assertEquals(text("error.bn1ddim"),
                assertThrows(IllegalArgumentException.class, () -> new BatchNorm1d(3).forward(Torch.zeros(2, 3, 4, 1))).getMessage());
    }
}
