package org.autograd4j.examples;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.Function;
import org.autograd4j.autograd.FunctionCtx;

/**
 * A straight-through estimator as a custom {@link Function}: {@code sign(x)} going forward, whose true derivative
 * is zero almost everywhere, and the identity gradient clipped to {@code |x| ≤ 1} going back (the "hard tanh"
 * STE of binarized networks). It then learns latent weights whose signs reproduce a linear map with ±1 weights.
 * The PyTorch script it translates is {@code tools/goldens/gen_custom_functions.py}'s {@code ste()}.
 * Run: {@code ./autograd4j run StraightThrough}.
 */
public final class StraightThrough {
    private StraightThrough() {
    }

    /** class SignSTE(torch.autograd.Function). */
    static final class SignSTE extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Object... args) {
            Tensor x = (Tensor) args[0];
            // ctx.save_for_backward(x); return torch.sign(x)
            ctx.saveForBackward(x);
            return x.sign();
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... gradOutput) {
            // x, = ctx.saved_tensors
            Tensor x = ctx.savedTensors().get(0);
            // return grad_output * (x.abs() <= 1).to(grad_output.dtype)
            return new Tensor[] {gradOutput[0].mul(x.abs().le(1.0).to(gradOutput[0].dtype()))};
        }
    }

    /** Prints the estimator's values and gradients, then the training losses and the learned signs. */
    public static void main(String[] args) {
        SignSTE signSte = new SignSTE();
        // x = torch.linspace(-2, 2, 9, requires_grad=True)
        Tensor x = Torch.linspace(-2, 2, 9).requiresGrad_();
        // y = SignSTE.apply(x); print(y)
        Tensor y = signSte.apply(x);
        System.out.println(y);
        // y.sum().backward(); print(x.grad)
        y.sum().backward();
        System.out.println(x.grad());

        // torch.manual_seed(0)
        Torch.manualSeed(0);
        // X = torch.randn(64, 4)
        Tensor xs = Torch.randn(64, 4);
        // target = X.mv(torch.tensor([1., -1., 1., -1.]))
        Tensor target = xs.mv(Torch.tensor(1., -1., 1., -1.));
        // w = (torch.randn(4) * 0.5).requires_grad_()
        Tensor w = Torch.randn(4).mul(0.5).requiresGrad_();
        // for t in range(15):
        for (int t = 0; t < 15; t++) {
            // loss = (X.mv(SignSTE.apply(w)) - target).pow(2).mean()
            Tensor loss = xs.mv(signSte.apply(w)).sub(target).pow(2L).mean();
            // print(t, loss.item())
            Torch.print(t, loss.item());
            // loss.backward()
            loss.backward();
            // with torch.no_grad(): w -= 0.002 * w.grad; w.grad = None
            try (var _ = Torch.noGrad()) {
                w.sub_(w.grad().mul(0.002));
                w.setGrad(null);
            }
        }
        // print(torch.sign(w))
        System.out.println(Torch.sign(w));
    }
}
