#!/usr/bin/env python3
"""The seed notebook's cells (the "PyTorch Gradients" lesson that examples/Tutorial.java translates) run in PyTorch 1.13.1,
with torch.manual_seed(0) before the last cell, as Tutorial.java does. Writes
examples/src/test/resources/tutorial-transcript.txt with Python's None printed as Java's null and object
addresses replaced by "0x…". Run: /usr/bin/python3 tools/goldens/gen_tutorial.py
"""
import contextlib
import io
import os
import re

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "src", "test", "resources",
                   "tutorial-transcript.txt")


def notebook():
    x = torch.tensor(2.0, requires_grad=True)
    print(x)
    print(x.grad)
    y = 2*x**4 + x**3 + 3*x**2 + 5*x + 1
    print(y)
    print(y.grad_fn)
    y.backward()
    print(x.grad)
    x = torch.tensor([[1.,2,3],[3,2,1]], requires_grad=True)
    print(x)
    y = 3*x + 2
    print(y)
    z = 2*y**2
    print(z)
    out = z.mean()
    print(out)
    out.backward()
    print(x.grad)
    torch.manual_seed(0)
    Wh = torch.randn(3,3, requires_grad = True)
    Wx = torch.randn(3,2, requires_grad = True)
    h = torch.randn(1,3)
    x = torch.randn(1,2)
    wh2h = torch.mm(Wh,h.t())
    wx2x = torch.mm(Wx,x.t())
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


buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    notebook()
text = re.sub(r"object at 0x[0-9a-f]+", "object at 0x…", buf.getvalue())
text = "\n".join("null" if line == "None" else line for line in text.split("\n"))
with open(OUT, "w", encoding="utf-8") as f:
    f.write(text)
