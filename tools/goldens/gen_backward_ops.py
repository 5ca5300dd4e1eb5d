#!/usr/bin/env python3
"""Second and third derivatives through the backward ops PyTorch declares as ops of their own (sigmoid_backward,
softplus_backward, elu_backward, threshold_backward, hardtanh_backward, leaky_relu_backward, tanh_backward,
_softmax_backward_data, _log_softmax_backward_data), in PyTorch 1.13.1, for org.autograd4j.ops.BackwardOpsTest.

Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_backward_ops.py
For each op y = f(x) on float64 x = [-1.3, 0.4, 2.1] (softmax and log_softmax times x, so their sum is not
constant): g = d(sum y)/dx with create_graph, g2 = d(sum g^2)/dx with create_graph, g3 = d(sum g2^2)/dx.
Writes core/src/test/resources/goldens/backward_ops.txt: "<op> g2|g3 <float64 bits in hex>...".
"""
import os
import struct

import torch

F = torch.nn.functional
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "core", "src", "test", "resources", "goldens",
                   "backward_ops.txt")
OPS = {
    "sigmoid": lambda x: x.sigmoid(),
    "tanh": lambda x: x.tanh(),
    "softplus": lambda x: F.softplus(x, 2.0, 3.0),
    "elu": lambda x: F.elu(x, 0.7),
    "relu": lambda x: x.relu() * x,
    "hardtanh": lambda x: F.hardtanh(x, -1.0, 1.5) * x,
    "leaky_relu": lambda x: F.leaky_relu(x, 0.2) * x,
    "softmax": lambda x: x.softmax(0) * x,
    "log_softmax": lambda x: x.log_softmax(0) * x,
}


def hexes(t):
    return " ".join(struct.pack(">d", v).hex() for v in t.tolist())


lines = []
for name, f in OPS.items():
    x = torch.tensor([-1.3, 0.4, 2.1], dtype=torch.float64, requires_grad=True)
    g, = torch.autograd.grad(f(x).sum(), x, create_graph=True)
    g2, = torch.autograd.grad((g ** 2).sum(), x, create_graph=True)
    g3, = torch.autograd.grad((g2 ** 2).sum(), x, allow_unused=True)
    lines.append("%s g2 %s" % (name, hexes(g2)))
    lines.append("%s g3 %s" % (name, hexes(g3 if g3 is not None else torch.zeros(3, dtype=torch.float64))))
with open(OUT, "w") as fh:
    fh.write("# PyTorch %s higher derivatives through backward ops, from tools/goldens/gen_backward_ops.py; do not edit.\n"
             % torch.__version__)
    fh.write("\n".join(lines) + "\n")
print("wrote", os.path.normpath(OUT))
