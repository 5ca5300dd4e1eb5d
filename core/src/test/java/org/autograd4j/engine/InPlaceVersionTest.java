package org.autograd4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.UnaryOperator;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * Every in-place write bumps the version counter, so a tensor saved for backward and then overwritten fails
 * with PyTorch's message instead of giving a stale gradient. The texts are PyTorch 1.13.1's for the same code
 * ({@code x = torch.tensor([1., 2.], requires_grad=True); a = x.mul(1); b = a.sin(); <write a>;
 * b.sum().backward()}).
 */
class InPlaceVersionTest {
    private static String message(String producer) {
        return "one of the variables needed for gradient computation has been modified by an inplace operation: "
                + "[torch.FloatTensor [2]], which is output 0 of " + producer + ", is at version 1; expected version 0 "
                + "instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, "
                + "with torch.autograd.set_detect_anomaly(True).";
    }

    private static void savedThenWritten(UnaryOperator<Tensor> write, String producer) {
        Tensor x = Torch.tensor(1.0, 2).requiresGrad_();
        Tensor a = x.mul(1);
        Tensor b = a.sin();
        write.apply(a);
        assertEquals(1, a.version());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.sum().backward());
        assertEquals(message(producer), e.getMessage());
    }

    @Test
    void copyBumpsTheVersion() {
        savedThenWritten(a -> a.copy_(Torch.tensor(3.0, 4)), "torch::autograd::CopyBackwards");
    }

    @Test
    void fillBumpsTheVersion() {
        savedThenWritten(a -> a.fill_(3), "FillBackward2");
    }

    @Test
    void unaryInPlaceBumpsTheVersion() {
        savedThenWritten(Tensor::exp_, "ExpBackward0");
    }

    @Test
    void randomFillBumpsTheVersion() {
        Tensor x = Torch.tensor(1.0, 2).requiresGrad_();
        Tensor a = x.mul(1);
        Tensor b = a.sin();
        try (var noGrad = Torch.noGrad()) {
            a.uniform_();
        }
        assertEquals(1, a.version());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.sum().backward());
        assertEquals(message("MulBackward0"), e.getMessage());
    }
}
