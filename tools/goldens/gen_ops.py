#!/usr/bin/env python3
"""Generate op goldens from real PyTorch (1.13.1) for org.autograd4j.ops.OpGoldenTest.

Run: /usr/bin/python3 tools/goldens/gen_ops.py
Reads core/src/test/resources/goldens/op_cases.txt (written from the Java op table by
org.autograd4j.ops.OpCases: each row's PyTorch expression over a, b, c, ... and its sample inputs, so the
Java table is the one list of ops and inputs) and writes core/src/test/resources/goldens/ops.txt
(deterministic: each case's upstream gradient comes from a generator seeded from the case's row, number and dtype).

Each sample runs once in float32 and once in float64 (inputs of kind f take that dtype; d is always
float64, i int64, b bool). Output format (space separated; values: float32 = 8 hex digits of the bits,
float64 = 16 hex digits, int64 = decimal, bool = 0/1; shapes as [2,3], [] for 0-d):
  case <row> <float32|float64>
  in <dtype> <shape> <rg 0|1> <values...>     one per tensor argument, in argument order
  fn <graph>                                  grad_fn tree: Name(child;child...) with child = <input_nr>:<Name...>
                                              or null (PyTorch's (None, 0)); AccumulateGrad is a leaf
  out <dtype> <shape> <values...>
  gout <values...>                            upstream gradient (same shape and dtype as out)
  grad <values...> | grad null                one per input with rg=1, in order (torch.autograd.grad)
  backward_error <message>                    instead of the grads, where PyTorch's backward raises
  end
and for an error input:
  case <row> error
  in ...
  message <PyTorch's message, first line>
  end
"""
import os
import struct
import zlib

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "..", "..", "core", "src", "test", "resources", "goldens")
CASES = os.path.join(RES, "op_cases.txt")
OUT = os.path.join(RES, "ops.txt")

DT = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}


def case_generator(row, n, dtype):
    """The upstream gradient's generator of one case, seeded from the case itself, so adding a row or a sample
    changes only its own lines of ops.txt."""
    return torch.Generator().manual_seed(zlib.crc32(("%s/%d/%s" % (row, n, DT[dtype])).encode()))


def parse_in(tok, dtype):
    kind, shape, rg = tok[1], tok[2], tok[3] == "1"
    dims = [int(s) for s in shape[1:-1].split(",") if s]
    vals = [struct.unpack(">d", bytes.fromhex(v.rjust(16, "0")))[0] for v in tok[4:]]
    t = {"f": dtype, "d": torch.float64, "i": torch.int64, "b": torch.bool}[kind]
    x = torch.tensor(vals, dtype=torch.float64).to(t).reshape(dims)
    if rg and t.is_floating_point:
        x.requires_grad_()
    return x


def load():
    rows = []
    with open(CASES) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            tok = line.split(" ")
            if tok[0] == "row":
                rows.append((tok[1], line.split(" ", 2)[2], []))
            elif tok[0] in ("sample", "error"):
                rows[-1][2].append((tok[0], []))
            elif tok[0] == "in":
                rows[-1][2][-1][1].append(tok)
            elif tok[0] != "end":
                raise ValueError("bad line: " + line)
    return rows


def vals(t):
    if t._is_zerotensor():  # sgn's gradient of a real input is an efficient zero tensor (no storage): its values
        t = torch.zeros(t.shape, dtype=t.dtype)
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


def run(expr, args):
    env = {"torch": torch}
    env.update(zip("abcdefgh", args))
    env["args"] = args
    return eval(expr, env)


def in_line(a):
    return " ".join(["in", DT[a.dtype], shape(a), "1" if a.requires_grad else "0"] + vals(a))


lines = []
for row, expr, samples in load():
    for n, (kind, ins) in enumerate(samples):
        if kind == "error":
            args = [parse_in(t, torch.float32) for t in ins]
            try:
                run(expr, args)
            except Exception as e:  # PyTorch's RuntimeError, TypeError, IndexError, ...
                msg = str(e).split("\n")[0]
            else:
                raise SystemExit("%s: error input accepted by PyTorch" % row)
            lines.append("case %s error" % row)
            lines += [in_line(a) for a in args]
            lines.append("message " + msg)
            lines.append("end")
            continue
        for dtype in (torch.float32, torch.float64):
            args = [parse_in(t, dtype) for t in ins]
            out = run(expr, args)
            lines.append("case %s %s" % (row, DT[dtype]))
            lines += [in_line(a) for a in args]
            lines.append("fn " + graph(out.grad_fn))
            lines.append(" ".join(["out", DT[out.dtype], shape(out)] + vals(out)))
            diff = [a for a in args if a.requires_grad]
            if out.requires_grad:
                gout = torch.randn(out.shape, generator=case_generator(row, n, dtype), dtype=torch.float64).to(out.dtype)
                lines.append(" ".join(["gout"] + vals(gout)))
                try:
                    grads = torch.autograd.grad(out, diff, gout, allow_unused=True)
                except NotImplementedError as e:  # PyTorch records the node but has no derivative (asinh_, ...)
                    lines.append("backward_error " + str(e).split("\n")[0])
                    grads = []
                for g in grads:
                    lines.append("grad null" if g is None else " ".join(["grad"] + vals(g)))
            lines.append("end")

with open(OUT, "w") as f:
    f.write("# PyTorch %s op goldens, generated by tools/goldens/gen_ops.py from op_cases.txt; do not edit.\n"
            % torch.__version__)
    f.write("\n".join(lines) + "\n")
print("wrote %d lines to %s" % (len(lines), os.path.normpath(OUT)))

# Which rows PyTorch has an in-place form of (x.name_() or torch.nn.functional.name_), for DeclarationsTest.
INPLACE = os.path.join(RES, "inplace.txt")
with open(INPLACE, "w") as f:
    f.write("# <row> <1 if PyTorch 1.13.1 has its in-place form>, from tools/goldens/gen_ops.py; do not edit.\n")
    for row, expr, samples in load():
        has = hasattr(torch.Tensor, row + "_") or hasattr(torch.nn.functional, row + "_")
        f.write("%s %d\n" % (row, 1 if has else 0))
