#!/usr/bin/env python3
"""Transcripts of the two custom-Function examples run in PyTorch 1.13.1, for examples/src/test
(LegendreTest, StraightThroughTest):

  legendre-transcript.txt  "Learning PyTorch with Examples": polynomial_custom_function.py as published
                           (y = a + b·P3(c + d·x) fit to sin(x), printing `t loss` every 100 steps and the result)
  ste-transcript.txt       a straight-through estimator: sign() forward, the identity gradient clipped to |x| <= 1

Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_custom_functions.py
"""
import contextlib
import io
import math
import os

import torch

RES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "src", "test", "resources")


class LegendrePolynomial3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return 0.5 * (5 * input ** 3 - 3 * input)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * input ** 2 - 1)


def legendre():
    dtype = torch.float
    device = torch.device("cpu")
    x = torch.linspace(-math.pi, math.pi, 2000, device=device, dtype=dtype)
    y = torch.sin(x)
    a = torch.full((), 0.0, device=device, dtype=dtype, requires_grad=True)
    b = torch.full((), -1.0, device=device, dtype=dtype, requires_grad=True)
    c = torch.full((), 0.0, device=device, dtype=dtype, requires_grad=True)
    d = torch.full((), 0.3, device=device, dtype=dtype, requires_grad=True)
    learning_rate = 5e-6
    for t in range(2000):
        P3 = LegendrePolynomial3.apply
        y_pred = a + b * P3(c + d * x)
        loss = (y_pred - y).pow(2).sum()
        if t % 100 == 99:
            print(t, loss.item())
        loss.backward()
        with torch.no_grad():
            a -= learning_rate * a.grad
            b -= learning_rate * b.grad
            c -= learning_rate * c.grad
            d -= learning_rate * d.grad
            a.grad = None
            b.grad = None
            c.grad = None
            d.grad = None
    print(f'Result: y = {a.item()} + {b.item()} * P3({c.item()} + {d.item()} x)')


class SignSTE(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.sign(x)

    @staticmethod
    def backward(ctx, grad_output):
        x, = ctx.saved_tensors
        return grad_output * (x.abs() <= 1).to(grad_output.dtype)


def ste():
    x = torch.linspace(-2, 2, 9, requires_grad=True)
    y = SignSTE.apply(x)
    print(y)
    y.sum().backward()
    print(x.grad)
    torch.manual_seed(0)
    X = torch.randn(64, 4)
    target = X.mv(torch.tensor([1., -1., 1., -1.]))
    w = (torch.randn(4) * 0.5).requires_grad_()
    for t in range(15):
        loss = (X.mv(SignSTE.apply(w)) - target).pow(2).mean()
        print(t, loss.item())
        loss.backward()
        with torch.no_grad():
            w -= 0.002 * w.grad
            w.grad = None
    print(torch.sign(w))


for name, fn in (("legendre-transcript.txt", legendre), ("ste-transcript.txt", ste)):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        fn()
    with open(os.path.join(RES, name), "w") as f:
        f.write(buf.getvalue())
    print("wrote", os.path.normpath(os.path.join(RES, name)))
