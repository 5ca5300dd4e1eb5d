#!/usr/bin/env python3
"""Generate indexing goldens from real PyTorch (1.13.1) for org.autograd4j.ops.IndexingTest.

Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_indexing.py
Writes core/src/test/resources/goldens/indexing.txt (subscripts) and indexing_ops.txt (mask and selection ops).

x is float64 of the case's shape with values arange(n) * 0.5 - 3, requiring grad. An index list is written
as space-separated tokens, which IndexingTest turns into Tensor.index's Object[]:
  i:N  Integer        l:N  Long            s:A:B:C  slice (None for an open end)
  E  Ellipsis         N  None              T / F  True / False
  t:SHAPE:V,V  int64 tensor   m:SHAPE:0110  bool tensor   f:SHAPE:V,V  float32 tensor   L:V,V  list of ints
(SHAPE like [2,3], [] for 0-d; values row-major.)
Lines:
  get <xshape> | <tokens>                  y = x[idx]
  put <xshape> <acc> <value> | <tokens>    y = x.clone(); y[idx] = value  (acc 1: y.index_put_(tensors, value, True);
                                           acc 2: y = x, the leaf, itself)
     value: S:1.5 (a number) or V:SHAPE (float64 arange(n) + 100, requiring grad) or W:SHAPE (float32, no grad)
followed by either
  err <IndexError|ValueError|RuntimeError> <message>
or
  shape <shape> <view 0|1> <strides> <offset>   (get only; strides and offset compared for views)
  fn <name> <next names, comma separated, None for (None, 0)>
  val <values of y>
  grad <x.grad of (y*y).sum()>
  gradv <value.grad> | gradv none              (put only)
"""
import random
import torch

OUT = "core/src/test/resources/goldens/indexing.txt"


def shp(s):
    return "[" + ",".join(str(v) for v in s) + "]"


def parse_shape(t):
    t = t.strip("[]")
    return [int(v) for v in t.split(",")] if t else []


def tok_to_py(tok):
    if tok == "E":
        return Ellipsis
    if tok == "N":
        return None
    if tok == "T":
        return True
    if tok == "F":
        return False
    kind, rest = tok.split(":", 1)
    if kind in ("i", "l"):
        return int(rest)
    if kind == "s":
        a, b, c = rest.split(":")
        f = lambda v: None if v == "None" else int(v)
        return slice(f(a), f(b), f(c))
    if kind == "L":
        return [int(v) for v in rest.split(",")] if rest else []
    shape_s, vals = rest.split(":")
    shape = parse_shape(shape_s)
    if kind == "t":
        v = [int(a) for a in vals.split(",")] if vals else []
        return torch.tensor(v, dtype=torch.int64).reshape(shape)
    if kind == "m":
        return torch.tensor([c == "1" for c in vals], dtype=torch.bool).reshape(shape)
    if kind == "f":
        v = [float(a) for a in vals.split(",")] if vals else []
        return torch.tensor(v, dtype=torch.float32).reshape(shape)
    raise ValueError(tok)


def make_x(shape):
    n = 1
    for s in shape:
        n *= s
    return (torch.arange(n, dtype=torch.float64) * 0.5 - 3).reshape(shape).requires_grad_()


def vals(t):
    return " ".join(repr(float(v)) for v in t.detach().reshape(-1).tolist())


def fn_line(t):
    f = t.grad_fn
    if f is None:
        return "fn None -"
    nexts = ",".join(type(n[0]).__name__ if n[0] is not None else "None" for n in f.next_functions) or "-"
    return "fn " + type(f).__name__ + " " + nexts


def err_line(e):
    return "err " + type(e).__name__ + " " + str(e).split("\n")[0]


def run_get(out, shape, toks):
    out.append("get " + shp(shape) + " | " + " ".join(toks))
    x = make_x(shape)
    try:
        idx = tuple(tok_to_py(t) for t in toks)
        y = x[idx if len(idx) != 1 else idx[0]]
    except Exception as e:
        out.append(err_line(e))
        return
    view = y._base is not None
    out.append("shape " + shp(y.shape) + " " + ("1" if view else "0") + " " + shp(y.stride()) + " " + str(y.storage_offset()))
    out.append(fn_line(y))
    out.append("val " + vals(y))
    (y * y).sum().backward()
    out.append("grad " + vals(x.grad))


def make_value(spec):
    kind, rest = spec.split(":", 1)
    if kind == "S":
        return float(rest)
    shape = parse_shape(rest)
    n = 1
    for s in shape:
        n *= s
    if kind == "V":
        return (torch.arange(n, dtype=torch.float64) + 100).reshape(shape).requires_grad_()
    return (torch.arange(n, dtype=torch.float32) + 100).reshape(shape)


def run_put(out, shape, acc, spec, toks):
    out.append("put " + shp(shape) + " " + str(acc) + " " + spec + " | " + " ".join(toks))
    x = make_x(shape)
    v = make_value(spec)
    try:
        idx = tuple(tok_to_py(t) for t in toks)
        y = x if acc == 2 else x.clone()
        if acc == 1:
            vt = v if isinstance(v, torch.Tensor) else torch.tensor(v, dtype=torch.float64)
            y.index_put_(idx, vt, accumulate=True)
        else:
            y[idx if len(idx) != 1 else idx[0]] = v
    except Exception as e:
        out.append(err_line(e))
        return
    out.append(fn_line(y))
    out.append("val " + vals(y))
    (y * y).sum().backward()
    out.append("grad " + vals(x.grad))
    if isinstance(v, torch.Tensor) and v.requires_grad:
        out.append("gradv " + (vals(v.grad) if v.grad is not None else "none"))
    else:
        out.append("gradv none")


def t(shape, *v):
    return "t:" + shp(shape) + ":" + ",".join(str(a) for a in v)


def m(shape, bits):
    return "m:" + shp(shape) + ":" + bits


def s(a=None, b=None, c=None):
    return "s:%s:%s:%s" % (a, b, c)


def main():
    out = []
    gets = [
        # 1-d
        ([5], ["i:0"]), ([5], ["i:-1"]), ([5], ["l:4"]), ([5], ["i:5"]), ([5], ["i:-6"]), ([5], [s(1, 3)]),
        ([5], [s(None, None, 2)]), ([5], [s(-3, None)]), ([5], [s(1, -1, 2)]), ([5], [s(10, 20)]), ([5], [s(3, 1)]),
        ([5], [s(None, None, 0)]), ([5], [s(None, None, -1)]), ([5], ["E"]), ([5], ["N"]), ([5], ["E", "N"]),
        ([5], ["N", "E"]), ([5], ["T"]), ([5], ["F"]), ([5], [t([2], 0, 4)]), ([5], [t([3], -1, 0, -1)]),
        ([5], [t([2, 2], 0, 1, 2, 3)]), ([5], [t([0])]), ([5], [t([1], 5)]), ([5], [t([1], -6)]),
        ([5], [m([5], "10110")]), ([5], [m([5], "00000")]), ([5], [m([4], "1011")]), ([5], [t([], 2)]),
        ([5], [m([], "1")]), ([5], [m([], "0")]), ([5], ["f:[2]:0,1"]), ([5], ["L:0,2,2"]), ([5], ["i:0", "i:0"]),
        ([5], [s(0, 5), "N"]), ([5], [s(None, None, 3), "N"]), ([5], ["N", s(1, None)]), ([5], ["E", "E"]),
        ([5], ["T", t([2], 0, 0)]), ([5], [s(-100, 100, 4)]), ([5], []),
        # 0-d
        ([], ["i:0"]), ([], ["i:1"]), ([], ["i:-1"]), ([], ["N"]), ([], ["E"]), ([], ["T"]), ([], ["F"]),
        ([], [s()]), ([], [m([], "1")]), ([], ["N", "N"]), ([], ["E", "N"]), ([], [t([1], 0)]),
        # 2-d
        ([3, 4], ["i:1"]), ([3, 4], ["i:1", "i:2"]), ([3, 4], ["i:-1", "i:-4"]), ([3, 4], ["i:1", "i:4"]),
        ([3, 4], [s(), "i:0"]), ([3, 4], [s(), s(1, 3)]), ([3, 4], [s(0, 3), "i:1"]), ([3, 4], [s(-3, 3), "i:1"]),
        ([3, 4], [s(), s()]), ([3, 4], ["E", "i:0"]), ([3, 4], ["i:0", "E"]), ([3, 4], ["E", "N"]),
        ([3, 4], ["N", "E", "N"]), ([3, 4], [s(None, None, 2), s(None, None, 3)]), ([3, 4], [s(1, None), "N", s(None, None, 2)]),
        ([3, 4], ["i:0", "i:0", "i:0"]), ([3, 4], ["E", "i:4"]), ([3, 4], [s(), "i:-5"]), ([3, 4], ["N", s(), "i:5"]),
        ([3, 4], [t([2], 0, 2)]), ([3, 4], [s(), t([2], 3, 0)]), ([3, 4], [t([2], 0, 2), t([2], 1, 3)]),
        ([3, 4], [t([2, 1], 0, 2), t([3], 1, 2, 3)]), ([3, 4], [t([2], 0, 2), t([3], 0, 1, 2)]),
        ([3, 4], [t([2], 0, 1), "i:1"]), ([3, 4], ["i:1", t([2], 0, 1)]), ([3, 4], [t([2], 0, 1), s(1, 3)]),
        ([3, 4], [s(1, 3), t([2], 0, 1)]), ([3, 4], [t([2], 0, 1), "N"]), ([3, 4], ["N", t([2], 0, 1)]),
        ([3, 4], [m([3, 4], "101100011110")]), ([3, 4], [m([3], "101")]), ([3, 4], [s(), m([4], "0110")]),
        ([3, 4], [m([3], "011"), t([2], 0, 3)]), ([3, 4], [m([2, 4], "10110001")]), ([3, 4], [s(), m([3], "101")]),
        ([3, 4], [m([3, 4], "000000000000")]), ([3, 4], [t([1], 3)]), ([3, 4], [s(), t([1], 4)]),
        ([3, 4], [t([1], 0), t([1], -5)]), ([3, 4], ["T", "i:0"]), ([3, 4], ["F", s()]), ([3, 4], ["T", "F"]),
        ([3, 4], ["i:0", "T"]), ([3, 4], [t([], 1), t([2], 0, 1)]), ([3, 4], [m([], "1"), "i:1"]),
        ([3, 4], ["i:0", "i:0", "N"]), ([3, 4], [s(), s(), s()]), ([3, 4], [t([2], 0, 1), t([2], 0, 1), t([2], 0, 1)]),
        ([3, 4], ["E", t([2], 0, 1)]), ([3, 4], [t([2], 0, 1), "E"]), ([3, 4], ["L:1,0", "L:2,3"]),
        ([3, 4], ["f:[1]:0", s()]), ([3, 4], [s(1, 2), "i:1"]), ([3, 4], [s(None, None, 2), t([2], 0, 3)]),
        ([3, 4], [t([2, 2], 0, 1, 2, 0), s(None, None, 2)]), ([0, 4], [t([2], 0, 1)]), ([0, 4], [s(), t([2], 0, 1)]),
        ([0, 4], [t([0])]), ([3, 0], [s(), t([1], 0)]), ([3, 0], [m([3, 0], "")]), ([3, 4], [s(2, 2), t([1], 1)]),
        # 3-d
        ([3, 4, 5], ["i:1"]), ([3, 4, 5], [s(1, 3)]), ([3, 4, 5], [s(None, None, 2)]), ([3, 4, 5], ["E", "N"]),
        ([3, 4, 5], ["N"]), ([3, 4, 5], ["E"]), ([3, 4, 5], [s(), s()]), ([3, 4, 5], [s(), "i:1"]),
        ([3, 4, 5], [s(1, None)]), ([3, 4, 5], [s(), s(1, 3, 2)]), ([3, 4, 5], [s(0, 3)]), ([3, 4, 5], ["i:0", "i:1"]),
        ([3, 4, 5], ["i:0", "i:1", "i:2"]), ([3, 4, 5], [s(1, 3), "N", s(None, None, 2)]), ([3, 4, 5], ["N", "i:0"]),
        ([3, 4, 5], ["T"]), ([3, 4, 5], ["F"]), ([3, 4, 5], [s(), t([2], 0, 2)]),
        ([3, 4, 5], [t([2], 0, 2), s(), t([2], 1, 1)]), ([3, 4, 5], [m([3, 4, 5], "".join(random.Random(1).choice("01") for _ in range(60)))]),
        ([3, 4, 5], ["i:0", t([2], 1, 2)]), ([3, 4, 5], ["i:5"]), ([3, 4, 5], ["i:0", "i:0", "i:0", "i:0"]),
        ([3, 4, 5], [m([2], "10")]), ([3, 4, 5], [t([2], 0, 2), "i:1"]), ([3, 4, 5], ["i:1", s(), t([2], 0, 2)]),
        ([3, 4, 5], [s(), t([2], 0, 1), t([1], 1)]), ([3, 4, 5], [t([1], 0), s(), t([2, 1], 1, 2)]),
        ([3, 4, 5], [t([2, 1], 0, 1), "N", t([3], 1, 2, 3)]), ([3, 4, 5], [t([2], 0, 1), "E", t([2], 0, 1)]),
        ([3, 4, 5], [m([3], "101"), t([2], 0, 1)]), ([3, 4, 5], [m([3], "101"), s(), t([2], 0, 1)]),
        ([3, 4, 5], [s(), m([3, 4], "101110011101")]), ([3, 4, 5], [m([3, 4], "101110011101"), "i:0"]),
        ([3, 4, 5], ["i:0", m([3, 4], "101110011101")]), ([3, 4, 5], ["E", "i:5"]), ([3, 4, 5], [s(), "i:5"]),
        ([3, 4, 5], ["N", s(), "i:5"]), ([3, 4, 5], [s(), t([1], 0), t([1], 7)]), ([3, 4, 5], [t([2], 0, 1), t([3], 0, 1, 2)]),
        ([3, 4, 5], [s(), s(), m([5], "11111")]), ([3, 4, 5], [s(), s(), m([2, 5], "1111100000")]),
        ([3, 4, 5], ["i:0", "E", "i:0"]), ([3, 4, 5], ["E", "i:1", s()]), ([3, 4, 5], [t([2], 0, 1), "N"]),
        ([3, 4, 5], ["N", t([2], 0, 1)]), ([3, 4, 5], [s(), "N", t([2], 0, 1)]), ([3, 4, 5], [t([], 0)]),
        ([3, 4, 5], [m([], "1")]), ([3, 4, 5], ["T", "i:0"]), ([3, 4, 5], [s(), t([1, 2], 0, 2), t([2, 1], 1, 3)]),
        ([3, 4, 5], ["N", "E", "N"]), ([3, 4, 5], [s(0, 3), "i:1"]), ([3, 4, 5], [s(), s(0, 4), "i:1"]),
        ([3, 4, 5], [t([2], -1, -3)]), ([3, 4, 5], [s(), t([1], -5)]), ([3, 4, 5], [s(), t([1], 4)]),
        ([3, 4, 5], [s(-10, 2)]), ([3, 4, 5], [s(2, 1)]), ([3, 4, 5], [s(1, -1, 2)]), ([3, 4, 5], [s(), s(3, 100, 3)]),
        ([3, 4, 5], [t([2, 2], 0, 1, 1, 2)]), ([3, 4, 5], ["E", s(None, None, 2), "N"]),
        # 4-d
        ([2, 3, 4, 2], ["i:1", s(), t([2], 0, 3)]), ([2, 3, 4, 2], [t([2], 0, 1), s(), t([2], 0, 3), s()]),
        ([2, 3, 4, 2], [s(), t([2], 0, 2), t([2], 1, 3)]), ([2, 3, 4, 2], [t([2], 0, 1), s(), s(), t([2], 1, 0)]),
        ([2, 3, 4, 2], ["E", t([3], 0, 1, 1)]), ([2, 3, 4, 2], [s(), "N", s(None, None, 2), "E", "i:0"]),
        ([2, 3, 4, 2], [m([2, 3], "101011"), t([2], 0, 3)]), ([2, 3, 4, 2], [s(), m([3, 4], "100101100111")]),
        ([2, 3, 4, 2], ["i:-1", "i:-1", "i:-1", "i:-1"]), ([2, 3, 4, 2], ["i:0", t([2], 1, 2), "i:0"]),
        ([2, 3, 4, 2], [t([2], 1, 0), "i:0", t([2], 3, 3)]), ([2, 3, 4, 2], [s(None, None, 2), s(1, None), s(None, None, 3), "i:1"]),
        ([2, 3, 4, 2], ["E", "N", t([2], 1, 0)]), ([2, 3, 4, 2], [t([2, 1, 1], 0, 1), t([3], 0, 1, 2)]),
    ]
    rnd = random.Random(7)
    # random basic-and-advanced mixtures over 3-d and 4-d shapes
    for _ in range(40):
        shape = rnd.choice([[3, 4, 5], [2, 3, 4, 2], [4, 3], [5]])
        toks = []
        dims_left = len(shape)
        d = 0
        for _ in range(rnd.randint(1, len(shape) + 1)):
            r = rnd.random()
            if r < 0.15:
                toks.append("N")
            elif d < len(shape) and r < 0.4:
                toks.append("i:%d" % rnd.randint(-shape[d], shape[d] - 1)); d += 1
            elif d < len(shape) and r < 0.75:
                a = rnd.choice([None, 0, 1, -2, -1]); b = rnd.choice([None, 2, -1, 10]); c = rnd.choice([None, 1, 2, 3])
                toks.append(s(a, b, c)); d += 1
            elif d < len(shape) and r < 0.9:
                k = rnd.randint(1, 3)
                toks.append(t([k], *[rnd.randint(-shape[d], shape[d] - 1) for _ in range(k)])); d += 1
            elif "E" not in toks:
                toks.append("E"); d = len(shape)
        gets.append((shape, toks))
    # random lists with masks, booleans and several index tensors (advanced placement rules)
    rnd = random.Random(11)
    for _ in range(40):
        shape = rnd.choice([[3, 4, 5], [2, 3, 4, 2], [4, 3]])
        toks = []
        d = 0
        while d < len(shape) and rnd.random() < 0.85:
            r = rnd.random()
            if r < 0.1:
                toks.append("N")
            elif r < 0.18:
                toks.append(rnd.choice(["T", "F"]))
            elif r < 0.4:
                a = rnd.choice([None, 0, 1, -1]); c = rnd.choice([None, 2])
                toks.append(s(a, None, c)); d += 1
            elif r < 0.55 and d + 1 < len(shape):
                k = rnd.randint(1, 2)
                bits = "".join(rnd.choice("01") for _ in range(shape[d] * (shape[d + 1] if k == 2 else 1)))
                toks.append(m([shape[d], shape[d + 1]] if k == 2 else [shape[d]], bits)); d += k
            elif r < 0.65:
                toks.append("i:%d" % rnd.randint(-shape[d], shape[d] - 1)); d += 1
            else:
                b = rnd.choice([[2], [1], [2, 1], [3]])
                n = 1
                for v in b:
                    n *= v
                toks.append(t(b, *[rnd.randint(-shape[d], shape[d] - 1) for _ in range(n)])); d += 1
        gets.append((shape, toks))
    for shape, toks in gets:
        run_get(out, shape, toks)

    puts = [
        ([5], 0, "S:1.5", ["i:0"]), ([5], 0, "S:1.5", [s(1, 4)]), ([5], 0, "V:[2]", [s(None, None, 3)]),
        ([5], 0, "V:[3]", [t([3], 0, 2, 0)]), ([5], 0, "S:-2.0", [m([5], "10011")]), ([5], 0, "V:[3]", [m([5], "10011")]),
        ([5], 0, "V:[2]", [m([5], "10011")]), ([5], 0, "V:[1]", [t([2], 1, 1)]), ([5], 0, "V:[5]", ["E"]),
        ([5], 0, "S:7.0", ["E"]), ([5], 0, "V:[]", ["i:2"]), ([5], 0, "V:[5]", ["N"]), ([5], 0, "V:[5]", ["T"]),
        ([5], 0, "V:[5]", ["F"]), ([5], 0, "V:[1,1,2]", [t([2], 0, 1)]), ([5], 0, "W:[2]", [t([2], 0, 1)]),
        ([5], 0, "W:[2]", [s(0, 2)]), ([5], 0, "V:[3]", [t([2], 0, 1)]), ([5], 0, "V:[3]", [s(0, 2)]),
        ([5], 0, "S:1.0", [t([1], 5)]), ([5], 0, "S:1.0", ["i:5"]),
        ([3, 4], 0, "S:0.5", ["i:1"]), ([3, 4], 0, "V:[4]", ["i:1"]), ([3, 4], 0, "V:[3]", [s(), "i:2"]),
        ([3, 4], 0, "V:[4]", [t([2], 0, 2)]), ([3, 4], 0, "V:[2,4]", [t([2], 0, 2)]), ([3, 4], 0, "V:[2]", [t([2], 0, 2), t([2], 1, 3)]),
        ([3, 4], 0, "V:[2]", [s(), t([2], 3, 3)]), ([3, 4], 0, "S:9.0", [m([3, 4], "100100100111")]),
        ([3, 4], 0, "V:[6]", [m([3, 4], "100100100111")]), ([3, 4], 0, "V:[1,4]", [m([3], "101")]),
        ([3, 4], 0, "V:[3,4]", ["E"]), ([3, 4], 0, "V:[1,3,4]", ["E"]), ([3, 4], 0, "V:[2,4]", ["i:0"]),
        ([3, 4], 0, "V:[4]", [s(None, None, 2)]), ([3, 4], 0, "V:[2]", ["i:1", s(None, None, 2)]),
        ([3, 4], 0, "V:[3,1]", [s(), t([2], 0, 1)]), ([3, 4], 0, "S:3.0", [t([2], 0, 0), t([2], 1, 1)]),
        ([3, 4], 0, "V:[2]", [t([2], 0, 0), t([2], 1, 1)]), ([3, 4], 0, "V:[4]", ["N", "i:0"]),
        ([3, 4, 5], 0, "V:[5]", [s(), t([2], 0, 2)]), ([3, 4, 5], 0, "V:[5]", [t([2], 0, 2), s(), t([2], 1, 1)]),
        ([3, 4, 5], 0, "S:1.0", ["i:0", "E", "i:1"]), ([3, 4, 5], 0, "V:[4,5]", [m([3], "011")]),
        ([3, 4, 5], 0, "V:[2,5]", [m([3, 4], "000001000001")]), ([3, 4, 5], 0, "V:[5]", ["E", "i:1", s()]),
        ([3, 4, 5], 0, "V:[3]", ["E", t([1], 2)]),
        # accumulate (index_put_ with a tuple of tensors)
        ([5], 1, "V:[3]", [t([3], 0, 2, 0)]), ([5], 1, "V:[4]", [t([4], 1, 1, 1, -1)]), ([5], 1, "V:[1]", [t([3], 4, 4, 4)]),
        ([5], 1, "S:2.5", [t([3], 4, 4, 0)]), ([5], 1, "V:[3]", [m([5], "10011")]), ([5], 1, "V:[2]", [t([2], 0, 5)]),
        ([3, 4], 1, "V:[3]", [t([3], 0, 0, 2), t([3], 1, 1, 3)]), ([3, 4], 1, "V:[2,4]", [t([2], 1, 1)]),
        ([3, 4], 1, "V:[4]", [t([3], 2, 2, 2)]), ([3, 4], 1, "V:[5]", [m([3, 4], "110000100011")]),
        ([3, 4, 5], 1, "V:[2,5]", [t([2], 1, 1), t([2], 2, 2)]), ([3, 4, 5], 1, "V:[5]", [t([2, 2], 0, 0, 1, 1), t([2, 2], 3, 3, 3, 3)]),
        ([3, 4, 5], 1, "V:[4,5]", [t([3], 0, 0, 0)]), ([2, 3, 4, 2], 1, "V:[2]", [t([2], 1, 1), t([2], 2, 2)]),
        # acc 2: written into the leaf x itself, which requires grad
        ([5], 2, "S:1.0", ["i:0"]), ([5], 2, "S:1.0", [t([1], 0)]), ([5], 2, "S:1.0", ["E"]), ([3, 4], 2, "V:[4]", [s(), "i:0"]),
    ]
    # random assignments through basic and advanced indices (value: a number, or one broadcasting row)
    rnd = random.Random(13)
    for _ in range(25):
        shape = rnd.choice([[3, 4, 5], [4, 3], [5]])
        toks = []
        for d in range(len(shape)):
            r = rnd.random()
            if r < 0.3:
                toks.append(s(rnd.choice([None, 1]), None, rnd.choice([None, 2])))
            elif r < 0.55:
                toks.append("i:%d" % rnd.randint(-shape[d], shape[d] - 1))
            elif r < 0.8:
                toks.append(t([2], rnd.randint(0, shape[d] - 1), rnd.randint(-shape[d], -1)))
            else:
                break
        spec = rnd.choice(["S:4.5", "V:[%d]" % shape[-1], "V:[1]"])
        puts.append((shape, 0, spec, toks))
    for shape, acc, spec, toks in puts:
        run_put(out, shape, acc, spec, toks)
    with open(OUT, "w") as f:
        f.write("# indexing goldens from PyTorch " + torch.__version__ + " (tools/goldens/gen_indexing.py)\n")
        f.write("\n".join(out) + "\n")
    print(len(gets), "get cases,", len(puts), "put cases")


OPS_OUT = "core/src/test/resources/goldens/indexing_ops.txt"


def op_arg(tok):
    if ":" not in tok:
        return tok_to_py(tok)
    kind, rest = tok.split(":", 1)
    if kind == "x":
        return make_x(parse_shape(rest))
    if kind == "y":
        return make_value("V:" + rest)
    if kind == "i":
        return int(rest)
    if kind != "d":
        return tok_to_py(tok)
    shape_s, v = rest.split(":")
    shape = parse_shape(shape_s)
    if kind == "d":
        return torch.tensor([float(a) for a in v.split(",")] if v else [], dtype=torch.float64).reshape(shape)
    return tok_to_py(tok)


OPS = {
    "masked_select": lambda a: a[0].masked_select(a[1]),
    "masked_scatter": lambda a: a[0].masked_scatter(a[1], a[2]),
    "masked_scatter_": lambda a: a[0].clone().masked_scatter_(a[1], a[2]),
    "take": lambda a: a[0].take(a[1]),
    "nonzero": lambda a: a[0].nonzero(),
    "nonzero_tuple": lambda a: a[0].nonzero(as_tuple=True),
    "where": lambda a: torch.where(a[0]),
    "argwhere": lambda a: torch.argwhere(a[0]),
    "count_nonzero": lambda a: torch.count_nonzero(a[0]),
    "count_nonzero_dim": lambda a: torch.count_nonzero(a[0], a[1]),
    "index": lambda a: a[0][tuple(a[1:])],
}


def out_line(y):
    if y.dtype == torch.int64 or y.dtype == torch.bool:
        v = " ".join(str(int(a)) for a in y.reshape(-1).tolist())
    else:
        v = vals(y)
    return "out " + str(y.dtype).replace("torch.", "") + " " + shp(y.shape) + (" " + v if v else "")


def run_op(out, name, toks):
    out.append("op " + name + " " + " ".join(toks))
    try:
        args = [op_arg(t) for t in toks]
        y = OPS[name](args)
    except Exception as e:
        out.append(err_line(e))
        return
    if isinstance(y, tuple):
        out.append("outs " + str(len(y)))
        for t in y:
            out.append(out_line(t))
        return
    out.append(out_line(y))
    out.append(fn_line(y))
    if y.requires_grad:
        # the derivative's own graph (double backward): node names of d y / d (first input) with create_graph
        first = next(a for a in args if isinstance(a, torch.Tensor) and a.requires_grad)
        gx = torch.autograd.grad(y, [first], torch.ones_like(y).requires_grad_(), create_graph=True)[0]
        out.append("fn2 " + fn_line(gx)[3:])
        (y * y).sum().backward()
        for a in args:
            if isinstance(a, torch.Tensor) and a.requires_grad:
                out.append("grad " + (vals(a.grad) if a.grad is not None else "none"))


def ops_main():
    out = []
    cases = [
        ("masked_select", ["x:[3,4]", m([3, 4], "101100011110")]), ("masked_select", ["x:[3,4]", m([4], "1011")]),
        ("masked_select", ["x:[4]", m([3, 4], "101100011110")]), ("masked_select", ["x:[3,4]", m([], "1")]),
        ("masked_select", ["x:[]", m([2], "01")]), ("masked_select", ["x:[3,4]", m([2], "10")]),
        ("masked_select", ["x:[3,4]", "f:[4]:1,0,1,1"]), ("masked_select", ["x:[0,4]", m([4], "1010")]),
        ("masked_select", ["x:[2,3,2]", m([3, 1], "101")]),
        ("masked_scatter", ["x:[3,4]", m([3, 4], "101100011110"), "y:[7]"]),
        ("masked_scatter", ["x:[3,4]", m([3, 4], "101100011110"), "y:[2,5]"]),
        ("masked_scatter", ["x:[3,4]", m([4], "0110"), "y:[6]"]), ("masked_scatter", ["x:[4]", m([2, 4], "01101001"), "y:[4]"]),
        ("masked_scatter", ["x:[3,4]", m([3, 4], "101100011110"), "y:[6]"]),
        ("masked_scatter", ["x:[3,4]", m([3, 4], "101100011110"), "f:[7]:1,2,3,4,5,6,7"]),
        ("masked_scatter", ["x:[3,4]", m([3, 4], "101100011110"), "d:[7]:1,2,3,4,5,6,7"]),
        ("masked_scatter_", ["x:[3,4]", m([4], "0110"), "y:[6]"]), ("masked_scatter_", ["d:[4]:1,2,3,4", m([4], "1011"), "y:[3]"]),
        ("masked_scatter_", ["x:[4]", m([2, 4], "01101001"), "y:[4]"]), ("masked_scatter_", ["x:[3,4]", m([2, 4], "01101001"), "y:[8]"]),
        ("take", ["x:[3,4]", t([3], 0, 11, -1)]), ("take", ["x:[3,4]", t([2, 2], 1, 2, 3, 1)]), ("take", ["x:[3,4]", t([], 5)]),
        ("take", ["x:[3,4]", t([0])]), ("take", ["x:[3,4]", t([1], 12)]), ("take", ["x:[3,4]", t([1], -13)]),
        ("take", ["x:[3,4]", "f:[1]:1"]), ("take", ["x:[]", t([2], 0, -1)]), ("take", ["x:[0]", t([1], 0)]),
        ("take", ["x:[2,3,2]", t([4], 11, 0, 5, 5)]),
        ("nonzero", ["x:[3,4]"]), ("nonzero", ["x:[13]"]), ("nonzero", ["x:[2,3,2]"]), ("nonzero", ["x:[]"]),
        ("nonzero", ["d:[]:0"]), ("nonzero", ["d:[0,3]:"]), ("nonzero", ["d:[4]:NaN,0,-0.0,inf"]),
        ("nonzero", [m([2, 3], "010111")]), ("nonzero", [t([5], 0, 3, 0, -1, 0)]),
        ("nonzero_tuple", ["x:[3,4]"]), ("nonzero_tuple", ["x:[]"]), ("nonzero_tuple", ["d:[]:0"]),
        ("nonzero_tuple", [m([2, 3], "010111")]), ("nonzero_tuple", ["d:[0,3]:"]),
        ("where", [m([2, 3], "110001")]), ("where", ["x:[2,3,2]"]), ("argwhere", ["x:[3,4]"]), ("argwhere", [t([3], 0, 2, 0)]),
        ("count_nonzero", ["x:[3,4]"]), ("count_nonzero", ["d:[4]:NaN,0,-0.0,inf"]), ("count_nonzero", [m([2, 3], "010111")]),
        ("count_nonzero", ["d:[0]:"]), ("count_nonzero_dim", ["x:[3,4]", "i:1"]), ("count_nonzero_dim", ["x:[3,4]", "i:-2"]),
        ("count_nonzero_dim", ["x:[3,4]", "i:2"]), ("count_nonzero_dim", [m([2, 3], "010111"), "i:0"]),
        ("count_nonzero_dim", [t([2, 2], 0, 3, 0, 0), "i:1"]),
        ("take", [t([2, 3], 5, -1, 7, 0, 2, 9), t([3], 0, -1, 3)]), ("take", [m([2, 2], "0110"), t([2], 1, 3)]),
        ("masked_select", [t([4], 1, 2, 3, 4), m([4], "0110")]), ("masked_select", [m([2, 2], "0110"), m([2], "10")]),
        ("masked_scatter", [t([4], 1, 2, 3, 4), m([4], "0110"), t([2], 7, 8)]),
        ("index", ["x:[3,4]", t([3], 0, 0, 2)]), ("index", ["x:[3,4]", "s:None:None:2", "i:1"]), ("index", ["x:[3,4]", "i:1"]),
        ("index", ["x:[3,4]", "N"]), ("index", ["x:[3,4]", m([3, 4], "101100011110")]), ("index", ["x:[3,4]", "E", t([2], 3, 3)]),
    ]
    for name, toks in cases:
        run_op(out, name, toks)
    # Python's repr of the slices Torch.slice makes (Slice.toString)
    for sl in [s(1, None, 2), s(), s(-3, 4, None), s(0, -1, 3), s(None, 5, None)]:
        out.append("repr " + sl + " " + repr(tok_to_py(sl)))
    with open(OPS_OUT, "w") as f:
        f.write("# mask and selection op goldens from PyTorch " + torch.__version__ + " (tools/goldens/gen_indexing.py)\n")
        f.write("# op <name> <args: x:SHAPE as in indexing.txt, y:SHAPE float64 arange+100 requiring grad, d:SHAPE:V float64,\n")
        f.write("#   t/m/f as in indexing.txt, i:N an int>; then err, or out <dtype> <shape> <values> and fn and one grad\n")
        f.write("#   per input requiring grad (of (y*y).sum()); fn2: the grad_fn of d y/d (first input) for a grad output requiring grad, under create_graph;\n")
        f.write("#   tuple results: outs <k> and k out lines\n")
        f.write("# repr <slice token> <Python's repr of it>\n")
        f.write("\n".join(out) + "\n")
    print(len(cases), "op cases")


if __name__ == "__main__":
    main()
    ops_main()
