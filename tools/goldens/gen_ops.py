#!/usr/bin/env python3
"""Generate op goldens from real PyTorch (1.13.1) for org.autograd4j.ops.OpGoldenTest.

Run: /usr/bin/python3 tools/goldens/gen_ops.py
Writes core/src/test/resources/goldens/ops.txt (deterministic: all inputs are seeded).

Every case names a row of the Java OpTable (same name as the keys of OPS below) and is written once in
float32 and once in float64. Line format (space separated; values: float32 = 8 hex digits of the bits,
float64 = 16 hex digits, int64 = decimal, bool = 0/1; shapes as [2,3], [] for 0-d):
  case <row> <float32|float64>
  in <dtype> <shape> <rg 0|1> <values...>     one per tensor argument, in argument order
  fn <graph>                                  grad_fn tree: Name(child;child...) with child = <input_nr>:<Name...>
                                              or null (PyTorch's (None, 0)); AccumulateGrad is a leaf
  out <dtype> <shape> <values...>
  gout <values...>                            upstream gradient (same shape and dtype as out)
  grad <values...> | grad null                one per input with rg=1, in order (torch.autograd.grad)
  end
OpGoldenTest compares the Java row's result against these with per-row tolerances (bit-exact for + - * /,
movement and selection; 1-2 ulps for transcendental functions; a few ulps of max(1, |largest value|) for
reductions, matrix products and gradients summed over broadcast dims); see its javadoc.
"""
import os
import struct

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "core", "src", "test", "resources", "goldens", "ops.txt")

# Row name -> PyTorch expression over the tensor arguments (must match OpTable's Java functions).
OPS = {
    "add": lambda a, b: a + b,
    "add_scalar": lambda a: a + 1.5,
    "sub": lambda a, b: a - b,
    "sub_scalar": lambda a: a - 0.5,
    "mul": lambda a, b: a * b,
    "mul_scalar": lambda a: a * 2.5,
    "div": lambda a, b: a / b,
    "div_scalar": lambda a: a / 3.0,
    "rsub": lambda a: 1.0 - a,
    "neg": lambda a: -a,
    "pow_scalar": lambda a: a ** 2.5,
    "pow_int": lambda a: a ** 3,
    "square": lambda a: a.square(),
    "pow_tensor": lambda a, b: a ** b,
    "exp": torch.exp,
    "log": torch.log,
    "sqrt": torch.sqrt,
    "abs": torch.abs,
    "sin": torch.sin,
    "cos": torch.cos,
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "relu": torch.relu,
    "reciprocal": torch.reciprocal,
    "clamp": lambda a: a.clamp(-0.5, 0.5),
    "clamp_min": lambda a: a.clamp(min=0.1),
    "clamp_max": lambda a: a.clamp(max=0.2),
    "maximum": torch.maximum,
    "minimum": torch.minimum,
    "where": lambda c, a, b: torch.where(c, a, b),
    "masked_fill": lambda a, m: a.masked_fill(m, 0.25),
    "sum": lambda a: a.sum(),
    "sum_dim": lambda a: a.sum(1),
    "sum_dim_keepdim": lambda a: a.sum(-1, keepdim=True),
    "sum_dims": lambda a: a.sum((0, 2)),
    "mean": lambda a: a.mean(),
    "mean_dim": lambda a: a.mean(0),
    "mean_dim_keepdim": lambda a: a.mean(1, keepdim=True),
    "prod": lambda a: a.prod(),
    "max": lambda a: a.max(),
    "min": lambda a: a.min(),
    "max_dim": lambda a: a.max(1).values,
    "min_dim": lambda a: a.min(0).values,
    "max_dim_keepdim": lambda a: a.max(-1, keepdim=True).values,
    "var": lambda a: a.var(),
    "var_biased": lambda a: a.var(unbiased=False),
    "var_dim": lambda a: a.var(1),
    "var_dim_keepdim": lambda a: a.var(0, unbiased=False, keepdim=True),
    "std": lambda a: a.std(),
    "std_dim": lambda a: a.std(1),
    "std_dim_keepdim": lambda a: a.std(-1, unbiased=True, keepdim=True),
    "softmax": lambda a: a.softmax(-1),
    "softmax_dim0": lambda a: a.softmax(0),
    "log_softmax": lambda a: a.log_softmax(-1),
    "log_softmax_dim0": lambda a: a.log_softmax(0),
    "mm": torch.mm,
    "matmul": torch.matmul,
    "dot": torch.dot,
    "mv": torch.mv,
    "bmm": torch.bmm,
    "t": lambda a: a.t(),
    "transpose": lambda a: a.transpose(0, -1),
    "permute": lambda a: a.permute(2, 0, 1),
    "view": lambda a: a.view(-1, 2),
    "reshape": lambda a: a.reshape(2, -1),
    "reshape_noncontig": lambda a: a.t().reshape(-1),
    "flatten": lambda a: a.flatten(),
    "flatten_range": lambda a: a.flatten(1, 2),
    "squeeze": lambda a: a.squeeze(),
    "squeeze_dim": lambda a: a.squeeze(1),
    "unsqueeze": lambda a: a.unsqueeze(1),
    "expand": lambda a: a.expand(3, -1, 4),
    "contiguous": lambda a: a.t().contiguous(),
    "clone": lambda a: a.clone(),
    "cat": lambda a, b: torch.cat([a, b], 0),
    "cat_dim1": lambda a, b, c: torch.cat([a, b, c], 1),
    "stack": lambda a, b: torch.stack([a, b], 1),
    "select": lambda a: a.select(1, -1),
    "narrow": lambda a: a.narrow(0, 1, 2),
    "index_select": lambda a, i: a.index_select(1, i),
    "gather": lambda a, i: a.gather(1, i),
    "to_other": None,  # float32 -> float64 and back, handled below
}

gen = torch.Generator().manual_seed(20240601)


def R(*shape):
    return ("n", shape, True)


def R64(*shape):
    """Always float64 (mixed-dtype promotion cases)."""
    return ("n64", shape, True)


def C(*shape):
    return ("n", shape, False)


def P(*shape):
    return ("p", shape, True)


def FX(values):
    """Fixed values (ties, zeros, kinks), requires grad."""
    return ("f", values)


def I(values):
    return ("i", values)


def B(values):
    return ("b", values)


def make(spec, dtype):
    kind = spec[0]
    if kind == "i":
        return torch.tensor(spec[1], dtype=torch.int64)
    if kind == "b":
        return torch.tensor(spec[1], dtype=torch.bool)
    if kind == "f":
        return torch.tensor(spec[1], dtype=dtype, requires_grad=True)
    shape, rg = spec[1], spec[2]
    t = torch.randn(shape, generator=gen, dtype=torch.float64)
    if kind == "p":
        t = t.abs() + 0.5
    t = t.to(torch.float64 if kind == "n64" else dtype)
    return t.requires_grad_(rg)


# Row -> list of argument lists. Several variants exercise next_functions (None edges, broadcasting).
CASES = {
    "add": [[R(2, 3), R(2, 3)], [R(2, 3), C(3)], [R(3, 1), R(1, 4)], [C(2), R()],
            [R(3), I([1, 2, 3])], [R(3), R64()], [R(2), R64(2)], [R64(), R(2)]],
    "add_scalar": [[R(3)]],
    "sub": [[R(2, 3), R(3)], [C(4), R(4)]],
    "sub_scalar": [[R(2, 2)]],
    "mul": [[R(2, 3), R(2, 3)], [R(2, 3), C(2, 3)], [R(4, 1), R()], [R(3), R64()], [R(3), I([2, -1, 0])]],
    "mul_scalar": [[R(3)]],
    "div": [[R(2, 3), P(2, 3)], [C(3), P(3)], [R(3, 2), P(2)], [I([1, 2, 3]), P(3)], [R(3), I([2, 4, 5])], [R64(3), P()]],
    "div_scalar": [[R(5)]],
    "rsub": [[R(3)]],
    "neg": [[R(2, 2)]],
    "pow_scalar": [[P(4)]],
    "pow_int": [[R(4)]],
    "square": [[R(4)]],
    "pow_tensor": [[P(3), R(3)], [P(2, 3), C(3)], [C(2), R(2)], [FX([0.0, 2.0, 0.0, 0.0]), FX([2.0, 0.0, 0.0, -1.0])],
                   [P(3), R64()]],
    "exp": [[R(7)]],
    "log": [[P(7)]],
    "sqrt": [[P(7)]],
    "abs": [[R(7)], [FX([-1.0, 0.0, 2.0])]],
    "sin": [[R(7)]],
    "cos": [[R(7)]],
    "tanh": [[R(7)]],
    "sigmoid": [[R(7)]],
    "relu": [[R(7)], [FX([-1.0, 0.0, 2.0])]],
    "reciprocal": [[P(7)]],
    "clamp": [[R(7)], [FX([-0.5, 0.5, 0.25, -2.0])]],
    "clamp_min": [[R(7)], [FX([0.1, 0.0, 1.0])]],
    "clamp_max": [[R(7)], [FX([0.2, 0.0, 1.0])]],
    "maximum": [[R(5), R(5)], [R(2, 3), C(3)], [R(3), R64()], [FX([1.0, 2.0, 3.0]), FX([1.0, 5.0, 3.0])]],
    "minimum": [[R(5), R(5)], [C(5), R(5)], [FX([1.0, 2.0, 3.0]), FX([1.0, 5.0, 3.0])]],
    "where": [[B([True, False, True]), R(3), R(3)], [B([[True], [False]]), R(2, 3), C(3)],
              [B([True, False, True]), R(3), R64(3)]],
    "masked_fill": [[R(2, 3), B([False, True, True])]],
    "sum": [[R(3, 4)], [R()]],
    "sum_dim": [[R(2, 3, 4)]],
    "sum_dim_keepdim": [[R(3, 4)]],
    "sum_dims": [[R(2, 3, 4)]],
    "mean": [[R(3, 4)]],
    "mean_dim": [[R(3, 4)]],
    "mean_dim_keepdim": [[R(2, 3, 2)]],
    "prod": [[R(5)], [R(2, 3)], [FX([1.5, 0.0, -2.0, 0.75])], [FX([[0.0, 3.0], [0.0, -1.25]])], [R()]],
    "max": [[R(3, 4)], [FX([[1.0, 3.0, 3.0], [0.0, 3.0, -1.0]])]],
    "min": [[R(3, 4)], [FX([[1.0, -3.0, 3.0], [0.0, -3.0, -1.0]])]],
    "max_dim": [[R(3, 4)], [FX([[2.0, 2.0, 1.0], [0.0, 4.0, 4.0]])]],
    "min_dim": [[R(3, 4)], [FX([[2.0, 2.0], [2.0, 4.0]])]],
    "max_dim_keepdim": [[R(2, 5)]],
    "var": [[R(3, 4)]],
    "var_biased": [[R(7)]],
    "var_dim": [[R(3, 4)]],
    "var_dim_keepdim": [[R(3, 4)]],
    "std": [[R(3, 4)]],
    "std_dim": [[R(3, 4)]],
    "std_dim_keepdim": [[R(3, 4)]],
    "softmax": [[R(3, 5)]],
    "softmax_dim0": [[R(3, 5)]],
    "log_softmax": [[R(3, 5)]],
    "log_softmax_dim0": [[R(3, 5)]],
    "mm": [[R(2, 3), R(3, 4)], [R(2, 3), C(3, 4)], [C(2, 3), R(3, 4)]],
    "matmul": [[R(3), R(3)], [R(2, 3), R(3)], [R(3), R(3, 2)], [R(2, 3), R(3, 4)], [R(2, 2, 3), R(3, 4)],
               [R(2, 2, 3), R(3)], [R(2, 2, 3), R(1, 3, 2)], [R(3, 4), R(2, 4, 2)], [R(3), R(2, 3, 2)],
               [R(2, 1, 2, 3), R(3, 3, 2)]],
    "dot": [[R(5), R(5)], [R(5), C(5)]],
    "mv": [[R(2, 3), R(3)], [C(2, 3), R(3)]],
    "bmm": [[R(2, 2, 3), R(2, 3, 4)]],
    "t": [[R(2, 3)], [R(3)]],
    "transpose": [[R(2, 3, 4)]],
    "permute": [[R(2, 3, 4)]],
    "view": [[R(2, 3, 2)]],
    "reshape": [[R(2, 3, 2)]],
    "reshape_noncontig": [[R(2, 3)]],
    "flatten": [[R(2, 3, 2)]],
    "flatten_range": [[R(2, 3, 2, 2)]],
    "squeeze": [[R(2, 1, 3, 1)]],
    "squeeze_dim": [[R(2, 1, 3)]],
    "unsqueeze": [[R(2, 3)]],
    "expand": [[R(1, 1, 4)]],
    "contiguous": [[R(2, 3)]],
    "clone": [[R(2, 3)]],
    "cat": [[R(2, 3), R(1, 3)], [R(2, 3), C(2, 3)], [R(2, 3), R64(1, 3)]],
    "cat_dim1": [[R(2, 1), C(2, 2), R(2, 3)]],
    "stack": [[R(2, 3), R(2, 3)], [R64(2), R(2)]],
    "select": [[R(2, 3)]],
    "narrow": [[R(4, 2)]],
    "index_select": [[R(2, 4), I([3, 0, 3])]],
    "gather": [[R(2, 3), I([[0, 2, 2, 1], [1, 1, 0, 0]])]],
    "to_other": [[R(2, 3)]],
}

DT = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}


def vals(t):
    d = t.detach().contiguous().reshape(-1)
    if t.dtype == torch.float32:
        return ["%08x" % (v & 0xFFFFFFFF) for v in d.view(torch.int32).tolist()]
    if t.dtype == torch.float64:
        return ["%016x" % (v & 0xFFFFFFFFFFFFFFFF) for v in d.view(torch.int64).tolist()]
    if t.dtype == torch.int64:
        return [str(v) for v in d.tolist()]
    return ["1" if v else "0" for v in d.tolist()]


def shape(t):
    return "[" + ",".join(str(s) for s in t.shape) + "]"


def graph(fn):
    if fn is None:
        return "null"
    name = type(fn).__name__
    if name == "AccumulateGrad":
        return name
    kids = []
    for child, nr in fn.next_functions:
        kids.append("null" if child is None else "%d:%s" % (nr, graph(child)))
    return name + "(" + ";".join(kids) + ")"


lines = []
for row, variants in CASES.items():
    for dtype in (torch.float32, torch.float64):
        for specs in variants:
            args = [make(s, dtype) for s in specs]
            if row == "to_other":
                other = torch.float64 if dtype == torch.float32 else torch.float32
                out = args[0].to(other)
            else:
                out = OPS[row](*args)
            lines.append("case %s %s" % (row, DT[dtype]))
            for a in args:
                lines.append(" ".join(["in", DT[a.dtype], shape(a), "1" if a.requires_grad else "0"] + vals(a)))
            lines.append("fn " + graph(out.grad_fn))
            lines.append(" ".join(["out", DT[out.dtype], shape(out)] + vals(out)))
            gout = torch.randn(out.shape, generator=gen, dtype=torch.float64).to(out.dtype)
            lines.append(" ".join(["gout"] + vals(gout)))
            diff = [a for a in args if a.requires_grad]
            grads = torch.autograd.grad(out, diff, gout, allow_unused=True)
            for g in grads:
                lines.append("grad null" if g is None else " ".join(["grad"] + vals(g)))
            lines.append("end")

with open(OUT, "w") as f:
    f.write("# PyTorch %s op goldens, generated by tools/goldens/gen_ops.py; do not edit.\n" % torch.__version__)
    f.write("\n".join(lines) + "\n")
print("wrote %d lines to %s" % (len(lines), os.path.normpath(OUT)))
