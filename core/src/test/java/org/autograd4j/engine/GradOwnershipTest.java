package org.autograd4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.function.Function;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * A leaf keeps a fresh gradient as its {@code .grad} without a copy (as PyTorch's AccumulateGrad steals it), but
 * never one that something else still references: the caller's gradient, a gradient a node passed on (or a
 * view of it), or one tensor reaching two leaves. Each case writes into one tensor and checks the others.
 */
class GradOwnershipTest {

    private static float[] values(Tensor t) {
        return t.toFloatArray();
    }

    /** y = f(x1, x2); y.backward(g); then x1.grad, x2.grad and g must be independent tensors. */
    private static void independent(Function<Tensor[], Tensor> f) {
        Tensor x1 = Torch.randn(3, 4).requiresGrad_(), x2 = Torch.randn(3, 4).requiresGrad_();
        Tensor g = Torch.randn(3, 4);
        Tensor y = f.apply(new Tensor[] {x1, x2});
        y.backward(g);
        float[] g0 = values(g), b0 = x2.grad() == null ? null : values(x2.grad());
        if (x1.grad() != null) x1.grad().add_(100.0);
        assertArrayEquals(g0, values(g), "the caller's gradient changed with x1.grad");
        if (x2.grad() != null) assertArrayEquals(b0, values(x2.grad()), "x2.grad changed with x1.grad");
        if (x2.grad() != null) {
            float[] a1 = x1.grad() == null ? null : values(x1.grad());
            x2.grad().add_(100.0);
            assertArrayEquals(g0, values(g), "the caller's gradient changed with x2.grad");
            if (a1 != null) assertArrayEquals(a1, values(x1.grad()), "x1.grad changed with x2.grad");
        }
    }

    @Test
    void passedOnGradientsAreCopied() {
        independent(x -> x[0].add(x[1]));          // AddBackward passes g to both leaves
        independent(x -> x[0].sub(x[1]));
        independent(x -> x[0].view(12).view(3, 4).add(x[1])); // a view of g
        independent(x -> x[0].add(0.0).mul(x[1]));
        independent(x -> x[0].clone().add(x[1].clone()));
    }

    @Test
    void freshGradientsAreKeptAndStayPrivate() {
        independent(x -> x[0].mul(2.0).add(x[1].mul(3.0)));
        independent(x -> x[0].mul(x[1]));
        independent(x -> x[0].tanh().add(x[1].exp()));
        independent(x -> x[0].softmax(1).mul(x[1]));
    }

    @Test
    void aKeptGradientAccumulatesInPlaceWithoutTouchingTheGraph() {
        Tensor x = Torch.randn(5).requiresGrad_();
        Tensor y = x.mul(2.0);
        Tensor g = Torch.ones(5);
        y.backward(g, true, false);
        Tensor first = x.grad();
        y.backward(g, true, false);
        assertArrayEquals(new float[] {4, 4, 4, 4, 4}, values(x.grad()));
        assertNotSame(g, first);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1}, values(g));
    }
}
