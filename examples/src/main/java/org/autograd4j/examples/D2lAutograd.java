package org.autograd4j.examples;

import static org.autograd4j.Torch.arange;
import static org.autograd4j.Torch.dot;
import static org.autograd4j.Torch.manualSeed;
import static org.autograd4j.Torch.ones;
import static org.autograd4j.Torch.print;
import static org.autograd4j.Torch.randn;

import org.autograd4j.Tensor;

/**
 * The d2l.ai chapter "Automatic Differentiation" (2.5, its PyTorch version) translated line by line: each
 * PyTorch line stands as a comment above its Java, and {@code print} is {@link org.autograd4j.Torch#print},
 * Python's print, so the output is the Python script's to the character ({@code tools/goldens/gen_d2l.py}).
 * Run it with {@code ./autograd4j run D2lAutograd}.
 */
public final class D2lAutograd {
    private D2lAutograd() {
    }

    /**
     * {@code f(a)} of section 2.5.4: Python control flow (a while loop on the norm, an if on the sum) that
     * autograd follows through.
     *
     * @param a a 0-d tensor
     * @return {@code a} times a power of two (times 100 when the sum is not positive)
     */
    static Tensor f(Tensor a) {
        // b = a * 2
        Tensor b = a.mul(2);
        // while b.norm() < 1000:
        while (b.norm().item() < 1000) {
            // b = b * 2
            b = b.mul(2);
        }
        Tensor c;
        // if b.sum() > 0:
        if (b.sum().item() > 0) {
            // c = b
            c = b;
        } else {
            // c = 100 * b
            c = b.mul(100);
        }
        return c;
    }

    /**
     * Runs the chapter and prints what its Python twin prints.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // ## 2.5.1 A Simple Function
        // x = torch.arange(4.0)
        Tensor x = arange(4.0);
        print(x);
        // x.requires_grad_(True)
        x.requiresGrad_(true);
        // x.grad  (the gradient is None by default)
        print(x.grad());
        // y = 2 * torch.dot(x, x)
        Tensor y = dot(x, x).mul(2);
        print(y);
        // y.backward()
        y.backward();
        print(x.grad());
        // x.grad == 4 * x
        print(x.grad().eq(x.mul(4)));
        // x.grad.zero_()  (reset the gradient)
        x.grad().zero_();
        // y = x.sum()
        y = x.sum();
        // y.backward()
        y.backward();
        print(x.grad());

        // ## 2.5.2 Backward for Non-Scalar Variables
        // x.grad.zero_()
        x.grad().zero_();
        // y = x * x
        y = x.mul(x);
        // y.backward(gradient=torch.ones(len(y)))  (faster: y.sum().backward())
        y.backward(ones(y.size(0)));
        print(x.grad());

        // ## 2.5.3 Detaching Computation
        // x.grad.zero_()
        x.grad().zero_();
        // y = x * x
        y = x.mul(x);
        // u = y.detach()
        Tensor u = y.detach();
        // z = u * x
        Tensor z = u.mul(x);
        // z.sum().backward()
        z.sum().backward();
        // x.grad == u
        print(x.grad().eq(u));
        // x.grad.zero_()
        x.grad().zero_();
        // y.sum().backward()
        y.sum().backward();
        // x.grad == 2 * x
        print(x.grad().eq(x.mul(2)));

        // ## 2.5.4 Gradients and Python Control Flow
        // torch.manual_seed(0)
        manualSeed(0);
        // a = torch.randn(size=(), requires_grad=True)
        Tensor a = randn().requiresGrad_();
        // d = f(a)
        Tensor d = f(a);
        // d.backward()
        d.backward();
        print(a);
        print(d);
        print(a.grad());
        // a.grad == d / a
        print(a.grad().eq(d.div(a)));
        // print("d / a:", (d / a).item(), "shape:", a.shape, d.grad_fn)
        print("d / a:", d.div(a).item(), "shape:", a.size(), d.gradFn());
    }
}
