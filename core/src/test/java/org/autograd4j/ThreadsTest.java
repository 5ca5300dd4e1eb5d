package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Torch.setNumThreads}: PyTorch's error for a count below 1, and results that do not depend on the
 * count — elementwise ops split over threads (including the functions whose PyTorch bits depend on the
 * position, sigmoid's tail and sin's groups), matrix products and sums, at 1, 2 and 3 threads.
 */
class ThreadsTest {
    private final int before = Torch.getNumThreads();

    @AfterEach
    void restore() {
        Torch.setNumThreads(before);
    }

    @Test
    void countIsChecked() {
        var e = assertThrows(IllegalArgumentException.class, () -> Torch.setNumThreads(0));
        assertEquals("set_num_threads expects a positive integer", e.getMessage());
        Torch.setNumThreads(3);
        assertEquals(3, Torch.getNumThreads());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Torch.manualSeed(5);
        // odd sizes above the split threshold, so ranges end inside vectors and chunks
        Tensor x = Torch.randn(200_003).mul(4);
        Tensor y = Torch.randn(200_003);
        Tensor a = Torch.randn(300, 301), b = Torch.randn(301, 299), g = Torch.randn(300, 301);
        Tensor d = Torch.randn(new long[] {600_001}, DType.FLOAT64);
        Tensor big = Torch.randn((1 << 20) + 37); // a sum whose lanes split over threads
        List<Function<Void, Tensor>> ops = List.of(
                v -> x.tanh(), v -> x.sigmoid(), v -> x.sin(), v -> x.exp(), v -> x.relu(), v -> x.add(y), v -> x.mul(2.5),
                v -> x.div(y), v -> d.mul(d), v -> d.exp(), v -> a.mm(b), v -> b.t().mm(a.t()), v -> x.sum(), v -> big.sum(), v -> a.sum(0),
                v -> x.softmax(0), v -> a.logSoftmax(1), v -> a.softmax(1), v -> rowGrad(a, g, false), v -> rowGrad(a, g, true));
        List<double[]> one = run(ops, 1);
        for (int threads : new int[] {2, 3}) {
            List<double[]> many = run(ops, threads);
            for (int i = 0; i < ops.size(); i++) assertArrayEquals(one.get(i), many.get(i), "op " + i + " at " + threads + " threads");
        }
    }

    /** The gradient of (log_)softmax over dim 1 of a leaf copy of a, for the upstream gradient g (rows split). */
    private static Tensor rowGrad(Tensor a, Tensor g, boolean log) {
        Tensor p = a.detach().requiresGrad_();
        (log ? p.logSoftmax(1) : p.softmax(1)).backward(g);
        return p.grad();
    }

    /** Each op's values, compared bit for bit (JUnit compares doubles by their bits). */
    private static List<double[]> run(List<Function<Void, Tensor>> ops, int threads) {
        Torch.setNumThreads(threads);
        List<double[]> out = new ArrayList<>();
        for (var op : ops) out.add(op.apply(null).toDoubleArray());
        return out;
    }
}
