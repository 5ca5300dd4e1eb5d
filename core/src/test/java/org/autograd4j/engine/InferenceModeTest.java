package org.autograd4j.engine;

import static org.autograd4j.engine.HookGoldens.golden;
import static org.autograd4j.engine.HookGoldens.leaf;
import static org.autograd4j.engine.HookGoldens.py;
import static org.autograd4j.engine.HookGoldens.vals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.autograd4j.GradModeScope;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** {@code enable_grad}, {@code set_grad_enabled}'s function form, {@code inference_mode} and inference tensors' errors. */
class InferenceModeTest {

    @Test
    void modesNestAndRestoreAsPyTorchs() {
        List<Boolean> m = new ArrayList<>();
        try (var a = Torch.noGrad()) {
            m.add(Torch.isGradEnabled());
            try (var b = Torch.enableGrad()) {
                m.add(Torch.isGradEnabled());
            }
            try (var b = Torch.inferenceMode(false)) {
                m.add(Torch.isGradEnabled());
                m.add(Torch.isInferenceModeEnabled());
            }
        }
        try (var a = Torch.inferenceMode()) {
            m.add(Torch.isGradEnabled());
            m.add(Torch.isInferenceModeEnabled());
            m.add(Torch.ones(1).isInference());
            try (var b = Torch.inferenceMode(false)) {
                m.add(Torch.isGradEnabled());
                m.add(Torch.isInferenceModeEnabled());
                m.add(Torch.ones(1).isInference());
            }
        }
        GradModeScope s = Torch.setGradEnabled(false); // takes effect at the call
        m.add(Torch.isGradEnabled());
        s.close();
        m.add(Torch.isGradEnabled());
        m.add(Torch.isInferenceModeEnabled());
        StringBuilder b = new StringBuilder();
        for (boolean v : m) b.append(b.length() == 0 ? "" : " ").append(py(v));
        assertEquals(golden("modes"), b.toString());
    }

    @Test
    void inferenceModeIsThreadLocal() throws Exception {
        try (var a = Torch.inferenceMode()) {
            assertFalse(CompletableFuture.supplyAsync(() -> Torch.ones(1).isInference() || Torch.isInferenceModeEnabled()).get());
            assertTrue(Torch.ones(1).isInference());
        }
    }

    @Test
    void inferenceTensorsAndTheirErrors() {
        Tensor x = leaf(1, 2);
        Tensor b, c, d;
        try (var a = Torch.inferenceMode()) {
            b = Torch.ones(2);
            c = x.mul(2);
            d = b.view(2);
            assertEquals(golden("inference.inside"), py(b.isInference()) + " " + py(c.requiresGrad()) + " " + py(c.isInference())
                    + " " + py(d.isInference()));
            b.add_(1);
        }
        assertEquals(golden("inference.outside"), py(x.isInference()) + " " + py(b.add(1).isInference()) + " "
                + py(b.add(x).isInference()) + " " + vals(b));
        assertTrue(Torch.isInference(b));
        Tensor bb = b;
        assertEquals(golden("err.inference_saved"), assertThrows(RuntimeException.class, () -> x.mul(bb)).getMessage());
        assertEquals(golden("err.inference_inplace"), assertThrows(RuntimeException.class, () -> bb.add_(1)).getMessage());
        assertEquals(golden("err.inference_requires_grad"), assertThrows(RuntimeException.class, bb::requiresGrad_).getMessage());
        assertEquals(golden("err.inference_version"), assertThrows(RuntimeException.class, bb::version).getMessage());
        assertEquals("2.0,2.0", vals(b)); // nothing was modified
    }
}
