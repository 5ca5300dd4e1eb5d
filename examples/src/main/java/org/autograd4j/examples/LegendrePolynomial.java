package org.autograd4j.examples;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.Function;
import org.autograd4j.autograd.FunctionCtx;

/**
 * "Learning PyTorch with Examples", <i>PyTorch: Defining New autograd Functions</i>
 * ({@code polynomial_custom_function.py}), translated line by line: fit {@code y = sin(x)} on [-π, π] with
 * {@code y = a + b·P3(c + d·x)}, where {@code P3(x) = ½(5x³ − 3x)} is the Legendre polynomial of degree 3,
 * written as a custom {@link Function} with its own backward. Run: {@code ./autograd4j run LegendrePolynomial}.
 */
public final class LegendrePolynomial {
    private LegendrePolynomial() {
    }

    /**
     * class LegendrePolynomial3(torch.autograd.Function): the polynomial and its derivative
     * {@code P3'(x) = 1.5(5x² − 1)}.
     */
    static final class LegendrePolynomial3 extends Function {
        // @staticmethod
        // def forward(ctx, input):
        @Override
        public Tensor forward(FunctionCtx ctx, Object... args) {
            Tensor input = (Tensor) args[0];
            // ctx.save_for_backward(input)
            ctx.saveForBackward(input);
            // return 0.5 * (5 * input ** 3 - 3 * input)
            return input.pow(3L).mul(5L).sub(input.mul(3L)).mul(0.5);
        }

        // @staticmethod
        // def backward(ctx, grad_output):
        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... gradOutput) {
            // input, = ctx.saved_tensors
            Tensor input = ctx.savedTensors().get(0);
            // return grad_output * 1.5 * (5 * input ** 2 - 1)
            return new Tensor[] {gradOutput[0].mul(1.5).mul(input.pow(2L).mul(5L).sub(1L))};
        }
    }

    /** Runs the fit and prints what the Python script prints. */
    public static void main(String[] args) {
        // x = torch.linspace(-math.pi, math.pi, 2000, device=device, dtype=dtype)
        Tensor x = Torch.linspace(-Math.PI, Math.PI, 2000);
        // y = torch.sin(x)
        Tensor y = x.sin();

        // a = torch.full((), 0.0, device=device, dtype=dtype, requires_grad=True)  (b, c, d likewise)
        Tensor a = Torch.full(new long[0], 0.0).requiresGrad_();
        Tensor b = Torch.full(new long[0], -1.0).requiresGrad_();
        Tensor c = Torch.full(new long[0], 0.0).requiresGrad_();
        Tensor d = Torch.full(new long[0], 0.3).requiresGrad_();

        // learning_rate = 5e-6
        double learningRate = 5e-6;
        // P3 = LegendrePolynomial3.apply
        LegendrePolynomial3 p3 = new LegendrePolynomial3();
        // for t in range(2000):
        for (int t = 0; t < 2000; t++) {
            // y_pred = a + b * P3(c + d * x)
            Tensor yPred = a.add(b.mul(p3.apply(c.add(d.mul(x)))));
            // loss = (y_pred - y).pow(2).sum()
            Tensor loss = yPred.sub(y).pow(2L).sum();
            // if t % 100 == 99: print(t, loss.item())
            if (t % 100 == 99) Torch.print(t, loss.item());
            // loss.backward()
            loss.backward();
            // with torch.no_grad():
            try (var _ = Torch.noGrad()) {
                // a -= learning_rate * a.grad  (b, c, d likewise)
                a.sub_(a.grad().mul(learningRate));
                b.sub_(b.grad().mul(learningRate));
                c.sub_(c.grad().mul(learningRate));
                d.sub_(d.grad().mul(learningRate));
                // a.grad = None  (b, c, d likewise)
                a.setGrad(null);
                b.setGrad(null);
                c.setGrad(null);
                d.setGrad(null);
            }
        }
        // print(f'Result: y = {a.item()} + {b.item()} * P3({c.item()} + {d.item()} x)')
        Torch.print("Result: y = " + Torch.str(a.item()) + " + " + Torch.str(b.item()) + " * P3("
                + Torch.str(c.item()) + " + " + Torch.str(d.item()) + " x)");
    }
}
