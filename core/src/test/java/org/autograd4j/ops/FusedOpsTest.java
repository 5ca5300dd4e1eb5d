package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * The in-place forms of the optimizers' fused ops ({@code add_}/{@code sub_} with alpha, {@code addcmul_},
 * {@code addcdiv_}): the same bits as the out-of-place ops (which the op table checks against PyTorch), on the
 * direct path (nothing recorded) and the recorded one, their histories, and PyTorch's errors, thrown before anything
 * is written (messages from PyTorch 1.13.1).
 */
class FusedOpsTest {
    /** self in three layouts (contiguous, transposed, strided), the same values on every call for one seed. */
    private static Tensor self(DType t, int kind, boolean grad) {
        Torch.manualSeed(3 + kind);
        Tensor x = switch (kind) {
            case 0 -> Torch.randn(4, 6).to(t);
            case 1 -> Torch.randn(6, 4).to(t).t();
            default -> Torch.randn(4, 12).to(t).view(4, 6, 2).select(2, 1);
        };
        if (!grad) return x;
        // a non-leaf requiring grad, in x's layout: the recorded path
        Tensor base = (kind == 2 ? Torch.randn(4, 12).to(t).view(4, 6, 2).select(2, 1) : kind == 1 ? Torch.randn(6, 4).to(t).t()
                : Torch.randn(4, 6).to(t)).requiresGrad_();
        return base.mul(0.0).add(x);
    }

    private static List<Tensor> others(DType t) {
        Torch.manualSeed(17);
        return List.of(Torch.randn(4, 6).to(t), Torch.randn(6).to(t), Torch.randn(1).to(t).reshape(), Torch.randn(6, 4).to(t).t());
    }

    private static void sameBits(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        assertArrayEquals(GoldenFile.bitsOf(expected.contiguous()), GoldenFile.bitsOf(actual.contiguous()), what);
    }

    @Test
    void inPlaceGivesTheOutOfPlaceBits() {
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            List<Tensor> os = others(t);
            for (int kind = 0; kind < 3; kind++) {
                for (Tensor a : os) {
                    for (Tensor b : os) {
                        for (boolean grad : new boolean[] {false, true}) {
                            int k = kind;
                            String w = t + " self " + kind + " " + java.util.Arrays.toString(a.shape()) + " "
                                    + java.util.Arrays.toString(b.shape()) + (grad ? " recorded" : " direct");
                            Tensor ref = self(t, k, false);
                            sameBits(ref.add(a, -0.3), self(t, k, grad).add_(a, -0.3), "add_ " + w);
                            sameBits(ref.sub(a, 1.7), self(t, k, grad).sub_(a, 1.7), "sub_ " + w);
                            sameBits(ref.addcmul(a, b, 0.1), self(t, k, grad).addcmul_(a, b, 0.1), "addcmul_ " + w);
                            Tensor d = b.abs().add(0.25);
                            sameBits(ref.addcdiv(a, d, -2.0), self(t, k, grad).addcdiv_(a, d, -2.0), "addcdiv_ " + w);
                        }
                    }
                }
            }
        }
    }

    @Test
    void directWriteBumpsTheVersion() {
        Tensor x = Torch.zeros(5);
        int v = x.version();
        x.add_(Torch.ones(5), 2.0);
        x.addcmul_(Torch.ones(5), Torch.ones(5), 3.0);
        x.addcdiv_(Torch.ones(5), Torch.ones(5).mul(2.0), 2.0);
        assertEquals(v + 3, x.version());
        assertEquals(6.0, x.toDoubleArray()[0]);
    }

    @Test
    void historiesAndGradients() {
        Tensor a = Torch.tensor(new double[] {1, 2, 3}).requiresGrad_();
        Tensor b = Torch.tensor(new double[] {4, 5, 6}).requiresGrad_();
        Tensor c = Torch.tensor(new double[] {0.5, 2, 4}).requiresGrad_();
        assertEquals("AddBackward0", a.add(b, 2.0).gradFn().name());
        assertEquals("SubBackward0", a.sub(b, 2.0).gradFn().name());
        Tensor y = Torch.addcdiv(a, b, c, 3.0);
        assertEquals("AddcdivBackward0", y.gradFn().name());
        y.sum().backward();
        // d/da = 1, d/db = 3/c, d/dc = -3·b/c²
        assertArrayEquals(new double[] {1, 1, 1}, a.grad().toDoubleArray());
        assertArrayEquals(new double[] {6, 1.5, 0.75}, b.grad().toDoubleArray());
        assertArrayEquals(new double[] {-48, -3.75, -1.125}, c.grad().toDoubleArray());

        // only t2 requires grad: the in-place write is still recorded
        Tensor s = Torch.tensor(new double[] {1, 1, 1});
        Tensor t1 = Torch.tensor(new double[] {1, 2, 3});
        Tensor t2 = Torch.tensor(new double[] {1, 1, 1}).requiresGrad_();
        s.addcmul_(t1, t2, 2.0);
        assertEquals("AddcmulBackward0", s.gradFn().name());
        s.sum().backward();
        assertArrayEquals(new double[] {2, 4, 6}, t2.grad().toDoubleArray());

        // the old value of self flows back through an in-place sub_ with alpha
        Tensor leaf = Torch.tensor(new double[] {1, 2}).requiresGrad_();
        Tensor z = leaf.mul(3.0);
        z.sub_(leaf, 0.5);
        z.sum().backward();
        assertArrayEquals(new double[] {2.5, 2.5}, leaf.grad().toDoubleArray());
    }

    @Test
    void errorsAsPyTorchAndNothingWritten() {
        Tensor i = Torch.tensor(new long[] {1, 2, 3});
        Tensor x = Torch.tensor(new double[] {1, 2, 3}).to(DType.FLOAT32);
        Tensor b = Torch.tensor(new boolean[] {true, false, true});
        assertEquals("For integral input tensors, argument alpha must not be a floating point number.",
                assertThrows(IllegalArgumentException.class, () -> i.add(i, 0.5)).getMessage());
        assertArrayEquals(new long[] {3, 6, 9}, i.add(i, 2L).toLongArray());
        assertArrayEquals(new double[] {1.5, 3, 4.5}, i.add(x, 0.5).toDoubleArray());
        assertEquals("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` "
                + "operator instead.", assertThrows(IllegalArgumentException.class, () -> b.sub(b, 1L)).getMessage());
        assertArrayEquals(new long[] {3, 10, 21}, Torch.addcmul(i, i, i, 2).toLongArray());
        assertArrayEquals(new long[] {1, 2, 3}, Torch.addcmul(i, i, i, 0.5).toLongArray());
        assertEquals("\"addcmul_cpu_out\" not implemented for 'Bool'",
                assertThrows(UnsupportedOperationException.class, () -> Torch.addcmul(b, b, b, 2)).getMessage());
        String intDiv = assertThrows(IllegalArgumentException.class, () -> Torch.addcdiv(x, i, i, 2)).getMessage();
        assertEquals("Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a "
                + "true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * "
                + "torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) "
                + "for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / "
                + "tensor2), for all dtypes.", intDiv);
        assertEquals("result type Float can't be cast to the desired output type Long",
                assertThrows(IllegalArgumentException.class, () -> i.add_(x, 2L)).getMessage());
        assertArrayEquals(new long[] {1, 2, 3}, i.toLongArray());
        assertEquals("output with shape [3] doesn't match the broadcast shape [2, 3]",
                assertThrows(IllegalArgumentException.class, () -> x.addcmul_(x, Torch.ones(2, 3))).getMessage());
        assertEquals("output with shape [3] doesn't match the broadcast shape [2, 3]",
                assertThrows(IllegalArgumentException.class, () -> x.addcmul_(Torch.ones(2, 3), x)).getMessage());
        assertArrayEquals(new double[] {1, 2, 3}, x.toDoubleArray());
        Tensor leaf = Torch.ones(3).requiresGrad_();
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.",
                assertThrows(IllegalStateException.class, () -> leaf.addcdiv_(x, x, 1.0)).getMessage());
        assertNull(leaf.grad());
    }

    /** relu's backward is PyTorch's fused threshold kernel: a NaN result passes the gradient (PyTorch 1.13.1 prints these). */
    @Test
    void reluBackwardAsPyTorchsThresholdKernel() {
        Tensor x = Torch.tensor(Double.NaN, -1, 0, 2).requiresGrad_();
        x.relu().sum().backward();
        assertArrayEquals(new double[] {1, 0, 0, 1}, x.grad().toDoubleArray());
        Tensor y = Torch.tensor(new double[] {Double.NaN, -1, 0, 2}, DType.FLOAT64).requiresGrad_();
        y.relu().mul(3.0).sum().backward();
        assertArrayEquals(new double[] {3, 0, 0, 3}, y.grad().toDoubleArray());
        assertEquals("ReluBackward0", x.relu().gradFn().name());
    }
}
