package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** What the op table's div_trunc/div_floor rows cannot say: an unknown rounding mode, and null as true division. */
class DivRoundingTest {
    @Test
    void unknownModeFailsWithPyTorchsMessage() {
        Tensor a = Torch.tensor(1.0, 2.0), b = Torch.tensor(3.0, 4.0);
        // torch.div(a, b, rounding_mode='round')
        var e = assertThrows(IllegalArgumentException.class, () -> Torch.div(a, b, "round"));
        assertEquals("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found 'round'", e.getMessage());
    }

    @Test
    void nullModeIsTrueDivision() {
        Tensor a = Torch.tensor(new double[] {7, -7}, org.autograd4j.DType.INT64), b = Torch.tensor(new double[] {2, 2}, org.autograd4j.DType.INT64);
        Tensor q = a.div(b, null), t = a.div(b);
        assertEquals(t.dtype(), q.dtype());
        assertEquals(t.toString(), q.toString());
    }
}
