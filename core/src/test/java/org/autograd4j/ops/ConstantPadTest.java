package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;

/**
 * {@code constant_pad_nd}'s messages and edge cases as PyTorch 1.13.1 gives them (values, gradients and graphs
 * are the op table's rows {@code constant_pad_nd} and {@code conv2d_same_even}, against goldens).
 */
class ConstantPadTest {
    private static String message(long... pad) {
        Tensor x = Torch.randn(2, 3, 4);
        return assertThrows(RuntimeException.class, () -> Torch.constantPadNd(x, pad, 0.5)).getMessage();
    }

    @Test
    void pyTorchMessages() {
        assertEquals("Length of pad must be even but instead it equals 3", message(1, 2, 3));
        assertEquals("start (0) + length (-1) exceeds dimension size (1).", message(-3, -2));
        assertEquals("The input size 4, plus negative padding -2 and -2 resulted in a negative output size, which is invalid. "
                + "Check dimension 2 of your input.", message(-2, -2, 1, 0));
        assertEquals("Length of pad should be no more than twice the number of dimensions of the input. Pad length is 8while the "
                + "input has 3dimensions.", message(1, 1, 1, 1, 1, 1, 1, 1));
    }

    @Test
    void cropToEmptyAndPadValues() {
        Tensor x = Torch.randn(2, 3, 4).requiresGrad_();
        Tensor crop = Torch.constantPadNd(x, new long[] {-2, -2}, 0.5);
        assertArrayEquals(new long[] {2, 3, 0}, crop.shape());
        assertEquals("ConstantPadNdBackward0", crop.gradFn().name());
        Tensor p = F.pad(Torch.tensor(1.0, 2.0), new long[] {2, 1}, 7);
        assertArrayEquals(new double[] {7, 7, 1, 2, 7}, p.toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 1, 2, 0}, F.pad(Torch.tensor(1.0, 2.0), new long[] {2, 1}).toDoubleArray());
    }
}
