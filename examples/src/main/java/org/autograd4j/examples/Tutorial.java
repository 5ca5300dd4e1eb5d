package org.autograd4j.examples;

import static org.autograd4j.Torch.mm;
import static org.autograd4j.Torch.randn;
import static org.autograd4j.Torch.tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.autograd4j.Autograd;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * The "PyTorch Gradients" autograd lesson (the notebook this project started from), translated line by
 * line: each PyTorch line stands as a comment above its Java. Run it with {@code ./autograd4j tutorial}.
 * With {@code --graph DIR} it also writes the lesson's three backward graphs to DIR as Graphviz DOT
 * ({@link Autograd#toDot}, torchviz's {@code make_dot}), and as SVG where Graphviz's {@code dot} is installed.
 */
public final class Tutorial {
    private Tutorial() {
    }

    /** Where {@code --graph} writes the graphs, or null. */
    private static Path graphs;

    /**
     * Runs the lesson and prints what the notebook prints (Python's {@code None} is Java's {@code null}).
     *
     * @param args nothing, or {@code --graph DIR} to write the graphs there
     */
    public static void main(String[] args) {
        graphs = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--graph") && i + 1 < args.length) {
                graphs = Path.of(args[++i]);
            } else {
                throw new IllegalArgumentException("usage: Tutorial [--graph DIR]; got " + args[i]);
            }
        }
        // # PyTorch Gradients
        //
        // This section covers the PyTorch autograd implementation of gradient descent. Tools include:
        // * torch.autograd.backward()
        // * torch.autograd.grad()
        //
        // ## Autograd - Automatic Differentiation
        //
        // The PyTorch autograd package provides automatic differentiation for all operations on Tensors.
        // When a Tensor's `.requires_grad` attribute is set to True, it starts to track all operations on it.
        // When an operation finishes you can call `.backward()` and have all the gradients computed
        // automatically. The gradient for a tensor will be accumulated into its `.grad` attribute.
        //
        // ## Back-propagation on one step
        // We'll start by applying a single polynomial function y = f(x) to tensor x. Then we'll backprop and
        // print the gradient dy/dx.
        //
        //   Function:   y = 2x^4 + x^3 + 3x^2 + 5x + 1
        //   Derivative: y' = 8x^3 + 3x^2 + 6x + 5
        //
        // #### Step 1. Perform standard imports
        // import torch
        // (Java: import static org.autograd4j.Torch.*, above.)

        // #### Step 2. Create a tensor with requires_grad set to True
        // x = torch.tensor(2.0, requires_grad=True)
        Tensor x = tensor(2.0).requiresGrad_();
        // print(x)
        System.out.println(x);
        // print(x.grad) # gradient has not yet been computed
        System.out.println(x.grad()); // gradient has not yet been computed

        // #### Step 3. Define a function
        // y = 2*x**4 + x**3 + 3*x**2 + 5*x + 1
        Tensor y = x.pow(4).mul(2).add(x.pow(3)).add(x.pow(2).mul(3)).add(x.mul(5)).add(1);
        // print(y)
        System.out.println(y);

        // y.grad_fn
        System.out.println(y.gradFn());

        // Since y was created as a result of an operation, it has an associated gradient function accessible
        // as y.grad_fn. The calculation of y is done as:
        //   y = 2(2)^4 + (2)^3 + 3(2)^2 + 5(2) + 1 = 32 + 8 + 12 + 10 + 1 = 63
        // This is the value of y when x = 2.

        draw("1-polynomial", y);

        // #### Step 4. Backprop
        // #perform backpropagation and compute all gradients
        // y.backward()
        y.backward();

        // #### Step 5. Display the resulting gradient
        // print(x.grad)
        System.out.println(x.grad());

        // Note that x.grad is an attribute of tensor x, so we don't use parentheses (in Java it is the
        // method grad()). The computation is the result of
        //   y' = 8(2)^3 + 3(2)^2 + 6(2) + 5 = 64 + 12 + 12 + 5 = 93
        // This is the slope of the polynomial at the point (2, 63).

        // ## Back-propagation on multiple steps
        // Now let's do something more complex, involving layers y and z between x and our output layer out.

        // #### 1. Create a tensor
        // x = torch.tensor([[1.,2,3],[3,2,1]], requires_grad=True)
        x = tensor(new double[][] {{1., 2, 3}, {3, 2, 1}}).requiresGrad_();
        // print(x)
        System.out.println(x);

        // #### 2. Create the first layer with y = 3x+2
        // y = 3*x + 2
        y = x.mul(3).add(2);
        // print(y)
        System.out.println(y);

        // #### 3. Create the second layer with z = 2y^2
        // z = 2*y**2
        Tensor z = y.pow(2).mul(2);
        // print(z)
        System.out.println(z);

        // #### 4. Set the output to be the matrix mean
        // out = z.mean()
        Tensor out = z.mean();
        // print(out)
        System.out.println(out);

        draw("2-mean", out);

        // #### 5. Now perform back-propagation to find the gradient of x w.r.t out
        // out.backward()
        out.backward();
        // print(x.grad)
        System.out.println(x.grad());

        // You should see a 2x3 matrix. If we call the final out tensor "o", we can calculate the partial
        // derivative of o with respect to x_i. To solve the derivative we use the chain rule:
        //   do/dx = do/dz * dz/dy * dy/dx
        // In this case
        //   o = 1/6 * sum_{i=1..6} z_i,   z_i = 2(y_i)^2,   y_i = 3x_i + 2
        // Thus
        //   do/dz_i = 1/6,   dz/dy_i = 4(y_i) = 4(3x_i + 2),   dy/dx_i = 3
        //   do/dx = 1/6 * 4(3x_i + 2) * 3 = 2(3x_i + 2)
        // Therefore
        //   do/dx_i |x_i=1 = 2(3(1)+2) = 10
        //   do/dx_i |x_i=2 = 2(3(2)+2) = 16
        //   do/dx_i |x_i=3 = 2(3(3)+2) = 22

        // ### Turn off tracking
        // There may be times when we don't want or need to track the computational history.
        // You can reset a tensor's requires_grad attribute.
        // When performing evaluations, it's often helpful to wrap a set of operations in
        // `with torch.no_grad():` (Java: try (var _ = Torch.noGrad()) { ... }).
        // A less-used method is to run .detach() on a tensor to prevent future computations from being
        // tracked. This can be handy when cloning a tensor.

        // The notebook draws these without a seed; we seed so that the printed numbers are reproducible
        // (and identical to PyTorch's after torch.manual_seed(0)).
        // torch.manual_seed(0)
        Torch.manualSeed(0);

        // # tests
        // Wh = torch.randn(3,3, requires_grad = True)
        Tensor wh = randn(3, 3).requiresGrad_();
        // Wx = torch.randn(3,2, requires_grad = True)
        Tensor wx = randn(3, 2).requiresGrad_();
        // h = torch.randn(1,3)
        Tensor h = randn(1, 3);
        // x = torch.randn(1,2)
        x = randn(1, 2);

        // wh2h = torch.mm(Wh,h.t())
        Tensor wh2h = mm(wh, h.t());
        // wx2x = torch.mm(Wx,x.t())
        Tensor wx2x = mm(wx, x.t());
        // print(wh2h)
        System.out.println(wh2h);
        // print(wx2x)
        System.out.println(wx2x);

        // next_h = wh2h + wx2x + 5
        Tensor nextH = wh2h.add(wx2x).add(5);
        // next_h = next_h.tanh()
        nextH = nextH.tanh();
        // print(next_h)
        System.out.println(nextH);

        // loss = next_h.sum()
        Tensor loss = nextH.sum();
        // print(loss)
        System.out.println(loss);

        draw("3-rnn-step", java.util.Map.of("Wh", wh, "Wx", wx), loss);

        // # backprop
        // loss.backward()
        loss.backward();

        // # stores gradients when requires_grad = True
        // print(Wx.grad)
        System.out.println(wx.grad());
        // print(Wh.grad)
        System.out.println(wh.grad());
        // # does not store gradients when requires_grad = False
        // print(x.grad)
        System.out.println(x.grad());
        // print(h.grad)
        System.out.println(h.grad());
    }

    private static void draw(String name, Tensor t) {
        draw(name, null, t);
    }

    /** With {@code --graph}: t's backward graph as DIR/name.dot, and DIR/name.svg when Graphviz is installed. */
    private static void draw(String name, java.util.Map<String, Tensor> params, Tensor t) {
        if (graphs == null) return;
        try {
            Files.createDirectories(graphs);
            Path dot = graphs.resolve(name + ".dot");
            Files.writeString(dot, Autograd.toDot(params, false, t), StandardCharsets.UTF_8);
            System.err.println("wrote " + dot);
            try {
                Path svg = graphs.resolve(name + ".svg");
                Files.writeString(svg, Autograd.toSvg(params, false, t), StandardCharsets.UTF_8);
                System.err.println("wrote " + svg);
            } catch (IllegalStateException e) {
                System.err.println("no SVG: " + e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
