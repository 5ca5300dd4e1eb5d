#!/usr/bin/env python3
"""The tutorial's notebook steps in PyTorch, as a script: the twin of ./autograd4j tutorial
(examples/src/main/java/org/autograd4j/examples/Tutorial.java), cell for cell, printing what the notebook
prints (with torch.manual_seed(0) before the last cell, as Tutorial.java does). ./autograd4j bench times the
two as whole processes, interpreter start and `import torch` included, as a user running either sees it.
Run: /usr/bin/python3 tools/bench/tutorial_twin.py
"""
import torch

# Back-propagation on one step: y = 2x^4 + x^3 + 3x^2 + 5x + 1
x = torch.tensor(2.0, requires_grad=True)
print(x)
print(x.grad)
y = 2*x**4 + x**3 + 3*x**2 + 5*x + 1
print(y)
print(y.grad_fn)
y.backward()
print(x.grad)

# Back-propagation on multiple steps
x = torch.tensor([[1., 2, 3], [3, 2, 1]], requires_grad=True)
print(x)
y = 3*x + 2
print(y)
z = 2*y**2
print(z)
out = z.mean()
print(out)
out.backward()
print(x.grad)

# tests (an RNN cell)
torch.manual_seed(0)
Wh = torch.randn(3, 3, requires_grad=True)
Wx = torch.randn(3, 2, requires_grad=True)
h = torch.randn(1, 3)
x = torch.randn(1, 2)
wh2h = torch.mm(Wh, h.t())
wx2x = torch.mm(Wx, x.t())
print(wh2h)
print(wx2x)
next_h = wh2h + wx2x + 5
next_h = next_h.tanh()
print(next_h)
loss = next_h.sum()
print(loss)
loss.backward()
print(Wx.grad)
print(Wh.grad)
print(x.grad)
print(h.grad)
