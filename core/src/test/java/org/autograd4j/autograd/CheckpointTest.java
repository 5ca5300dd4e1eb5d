package org.autograd4j.autograd;

import static org.autograd4j.engine.HookGoldens.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.autograd4j.Autograd;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** Non-reentrant checkpointing: PyTorch's gradients (gen_hooks.py), the RNG replay, and that nothing real is saved. */
class CheckpointTest {

    private static Tensor mlp(Tensor x, Tensor w1, Tensor w2) {
        return x.mm(w1).tanh().mm(w2).sin();
    }

    private static String bits(Tensor t) {
        StringBuilder b = new StringBuilder();
        for (float v : t.detach().contiguous().toFloatArray()) {
            if (b.length() > 0) b.append(',');
            b.append(String.format("%08x", Float.floatToRawIntBits(v)));
        }
        return b.toString();
    }

    private static String run(boolean checkpointed) {
        Tensor x = Torch.arange(6.0).view(2, 3).div(6).requiresGrad_();
        Tensor w1 = Torch.arange(12.0).view(3, 4).div(12).sub(0.5).requiresGrad_();
        Tensor w2 = Torch.arange(4.0).view(4, 1).div(4).requiresGrad_();
        Tensor out = checkpointed ? Checkpoint.checkpoint(a -> mlp(a.get(0), w1, w2), x) : mlp(x, w1, w2);
        out.sum().backward();
        return bits(x.grad()) + " " + bits(w1.grad()) + " " + bits(w2.grad());
    }

    @Test
    void gradientsArePyTorchsWithAndWithoutCheckpointing() {
        assertEquals(golden("checkpoint.mlp.plain"), run(false));
        assertEquals(golden("checkpoint.mlp.checkpoint"), run(true));
    }

    @Test
    void theRecomputationReplaysTheForwardsRandomNumbers() {
        Torch.manualSeed(5);
        Tensor x = Torch.ones(4).requiresGrad_();
        Tensor y = Checkpoint.checkpoint(a -> a.get(0).mul(Torch.rand(4)).mul(a.get(0)), x);
        String fwd = bits(y);
        y.sum().backward();
        assertEquals(golden("checkpoint.rng"), fwd + " " + bits(x.grad()) + " " + bits(Torch.rand(2)));
    }

    @Test
    void theForwardKeepsNoSavedTensorAndRecomputesOnce() {
        Tensor x = Torch.arange(6.0).view(2, 3).div(6).requiresGrad_();
        Tensor w1 = Torch.arange(12.0).view(3, 4).div(12).sub(0.5).requiresGrad_();
        Tensor w2 = Torch.arange(4.0).view(4, 1).div(4).requiresGrad_();
        int[] calls = new int[1];
        Object[] kept = new Object[1];
        Tensor out;
        // an outer hook sees what the inner (checkpoint's) hooks leave: nothing, as only the innermost scope applies
        try (var s = Autograd.savedTensorsHooks(t -> {
            kept[0] = t;
            return t;
        }, o -> (Tensor) o)) {
            out = Checkpoint.checkpoint(a -> {
                calls[0]++;
                return mlp(a.get(0), w1, w2);
            }, x);
        }
        assertEquals(1, calls[0]);
        assertEquals(null, kept[0]);
        out.sum().backward(null, true);
        assertEquals(2, calls[0]);
        String first = bits(x.grad());
        x.setGrad(null);
        out.sum().backward(); // a retained graph: the recomputed tensors are still there
        assertEquals(2, calls[0]);
        assertEquals(first, bits(x.grad()));
        assertTrue(w2.grad() != null);
    }
}
