package org.autograd4j.engine;

import static org.autograd4j.engine.HookGoldens.golden;
import static org.autograd4j.engine.HookGoldens.py;
import static org.autograd4j.engine.HookGoldens.vals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Anomaly mode: PyTorch's NaN message naming the node, with the Java stack of the forward call that made the
 * node as the exception's cause (PyTorch prints that traceback as a warning). Process-wide, hence isolated.
 */
@Isolated
class AnomalyTest {

    private static Tensor logTimesZero(Tensor x) {
        return x.log().mul(0).sum(); // the line the forward trace must show
    }

    @Test
    void aNanInBackwardNamesTheNodeAndCarriesTheForwardStack() {
        Tensor x = Torch.tensor(0.0).reshape(1).detach().requiresGrad_();
        RuntimeException e;
        try (var a = Torch.detectAnomaly()) {
            assertEquals(golden("anomaly.enabled"), py(Torch.isAnomalyEnabled()));
            Tensor y = logTimesZero(x);
            e = assertThrows(RuntimeException.class, y::backward);
        }
        assertEquals(golden("anomaly.after"), py(Torch.isAnomalyEnabled()));
        assertEquals(golden("err.anomaly_log"), e.getMessage());
        Throwable cause = e.getCause();
        assertEquals("Error detected in LogBackward0. Traceback of forward call that caused the error:", cause.getMessage());
        assertTrue(Arrays.stream(cause.getStackTrace()).anyMatch(f -> f.getMethodName().equals("logTimesZero")),
                Arrays.toString(cause.getStackTrace()));
    }

    @Test
    void sqrt() {
        Tensor x = Torch.tensor(0.0, 1.0).requiresGrad_();
        try (var a = Torch.detectAnomaly()) {
            assertEquals(golden("err.anomaly_sqrt"),
                    assertThrows(RuntimeException.class, () -> x.sqrt().mul(0).sum().backward()).getMessage());
        }
    }

    @Test
    void withoutTheNanCheckTheNanFlows() {
        Tensor x = Torch.tensor(0.0).reshape(1).detach().requiresGrad_();
        try (var a = Torch.detectAnomaly(false)) {
            x.log().mul(0).sum().backward();
        }
        assertEquals(golden("anomaly.nocheck"), vals(x.grad()));
    }

    @Test
    void noStackIsRecordedOutsideTheMode() {
        Tensor x = Torch.tensor(0.0).reshape(1).detach().requiresGrad_();
        Tensor y = x.log();
        RuntimeException e;
        try (var a = Torch.detectAnomaly()) {
            e = assertThrows(RuntimeException.class, () -> y.mul(0).sum().backward());
        }
        assertEquals(golden("err.anomaly_log"), e.getMessage());
        assertNull(e.getCause()); // LogBackward0 was made before the mode was on
    }

    @Test
    void otherBackwardErrorsCarryTheForwardStackAsSuppressed() {
        Tensor w = Torch.ones(3).requiresGrad_();
        RuntimeException e;
        try (var a = Torch.detectAnomaly()) {
            Tensor b = w.exp();
            b.add_(1);
            e = assertThrows(RuntimeException.class, () -> b.sum().backward());
        }
        assertEquals(1, e.getSuppressed().length);
        assertTrue(e.getSuppressed()[0].getMessage().startsWith("Error detected in ExpBackward0."), e.getSuppressed()[0].getMessage());
    }
}
