package org.autograd4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * A graph one million nodes deep runs on the default thread stack: the engine never recurses (PyTorch's runs
 * ready nodes from a queue, one at a time).
 * The forward value and the gradient are PyTorch's, bit for bit ({@code chain.*} in engine.txt).
 * {@link LongChainMain} runs the same chain and prints its time and peak heap.
 */
class LongChainTest {
    static final int N = 1_000_000;

    /** {@code y = x; N times y = y * 1.0000001}. */
    static Tensor chain(Tensor x, int n) {
        Tensor y = x;
        for (int i = 0; i < n; i++) y = y.mul(1.0000001);
        return y;
    }

    @Test
    void millionOpChainBackward() {
        Tensor x = Torch.tensor(1.0).requiresGrad_();
        Tensor y = chain(x, N);
        assertEquals(Goldens.engine("chain.forward"), hex((float) y.item()));
        y.backward();
        // each step adds exactly one ulp: 1 + N * 2^-23
        assertEquals(1 + N * 0x1p-23f, (float) x.grad().item());
        assertEquals(Goldens.engine("chain.grad"), hex((float) x.grad().item()));
        assertNull(x.grad().gradFn());
    }

    static String hex(float f) {
        return String.format("%08x", Float.floatToRawIntBits(f));
    }
}
