#!/usr/bin/env python3
"""The d2l.ai chapter "Automatic Differentiation" (2.5, PyTorch tab) as a script that prints every value the
notebook displays, run in PyTorch 1.13.1; examples/D2lAutograd.java is its line-by-line translation and must
print the same text. Writes examples/src/test/resources/d2l-autograd-transcript.txt (object addresses as 0x…).
Run: /usr/bin/python3 tools/goldens/gen_d2l.py
"""
import contextlib
import io
import os
import re

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "src", "test", "resources",
                   "d2l-autograd-transcript.txt")


def chapter():
    # 2.5.1 A Simple Function
    x = torch.arange(4.0)
    print(x)
    x.requires_grad_(True)
    print(x.grad)  # the gradient is None by default
    y = 2 * torch.dot(x, x)
    print(y)
    y.backward()
    print(x.grad)
    print(x.grad == 4 * x)
    x.grad.zero_()  # reset the gradient
    y = x.sum()
    y.backward()
    print(x.grad)

    # 2.5.2 Backward for Non-Scalar Variables
    x.grad.zero_()
    y = x * x
    y.backward(gradient=torch.ones(len(y)))  # faster: y.sum().backward()
    print(x.grad)

    # 2.5.3 Detaching Computation
    x.grad.zero_()
    y = x * x
    u = y.detach()
    z = u * x
    z.sum().backward()
    print(x.grad == u)
    x.grad.zero_()
    y.sum().backward()
    print(x.grad == 2 * x)

    # 2.5.4 Gradients and Python Control Flow
    def f(a):
        b = a * 2
        while b.norm() < 1000:
            b = b * 2
        if b.sum() > 0:
            c = b
        else:
            c = 100 * b
        return c

    torch.manual_seed(0)
    a = torch.randn(size=(), requires_grad=True)
    d = f(a)
    d.backward()
    print(a)
    print(d)
    print(a.grad)
    print(a.grad == d / a)
    print("d / a:", (d / a).item(), "shape:", a.shape, d.grad_fn)


buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    chapter()
text = re.sub(r"object at 0x[0-9a-f]+", "object at 0x…", buf.getvalue())
with open(OUT, "w", encoding="utf-8") as f:
    f.write(text)
print(text, end="")
