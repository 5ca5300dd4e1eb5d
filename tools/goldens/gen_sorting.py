#!/usr/bin/env python3
"""Goldens for the sorting, searching and counting ops (SortingTest) from PyTorch 1.13.1 CPU.

Writes core/src/test/resources/goldens/sorting.txt, one case per line, tab separated:
  op  args  inputs  expected
args: k=v pairs joined by ';' (the Java test passes them to the matching overload);
inputs: tensors joined by ' ; ', each 'dtype|shape|style|grad|values' (style c contiguous, t transposed in
memory, s every other element; grad 1 = a leaf that requires grad); expected: repr(result) with newlines as
\\n, or 'ERR <python exception type> <message>'.
Cases avoid what PyTorch leaves to its unstable std::sort / nth_element (ties in unstable sorts of lines
longer than 16, ties in topk, ties in mode beyond 16, NaN in unique and mode, nanmedian of NaN only).
Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_sorting.py
"""
import math
import os
import random

import torch

OUT = os.path.join(os.path.dirname(__file__), "../../core/src/test/resources/goldens/sorting.txt")
DT = {"f32": torch.float32, "f64": torch.float64, "i64": torch.int64, "b": torch.bool}
rng = random.Random(2026)
cases = []


def fmt(v):
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    return str(v)


def spec(dtype, shape, values, style="c", grad=False):
    return (dtype, list(shape), style, grad, list(values))


def build(s):
    dtype, shape, style, grad, values = s
    t = torch.tensor(values, dtype=DT[dtype]).reshape(shape)
    if style == "t":
        t = t.transpose(-1, -2).contiguous().transpose(-1, -2)
    elif style == "s":
        t = torch.stack([t, t], -1).select(-1, 0)
    if grad:
        t = t.detach().requires_grad_()
    return t


def spec_text(s):
    dtype, shape, style, grad, values = s
    return "|".join([dtype, ",".join(map(str, shape)), style, "1" if grad else "0", ",".join(fmt(v) for v in values)])


def call(op, args, xs):
    a = dict(args)
    if op == "sort":
        if "stable" in a:
            return torch.sort(xs[0], stable=a["stable"], dim=a["dim"], descending=a["desc"])
        return torch.sort(xs[0], a["dim"], a["desc"])
    if op == "argsort":
        return torch.argsort(xs[0], dim=a["dim"], descending=a["desc"], stable=a.get("stable", False))
    if op == "msort":
        return torch.msort(xs[0])
    if op == "topk":
        return torch.topk(xs[0], a["k"], a["dim"], a["largest"], a["sorted"])
    if op == "kthvalue":
        return torch.kthvalue(xs[0], a["k"], a["dim"], a["keepdim"])
    if op in ("median", "nanmedian"):
        f = getattr(torch, op)
        return f(xs[0]) if "dim" not in a else f(xs[0], a["dim"], a["keepdim"])
    if op == "mode":
        return torch.mode(xs[0], a["dim"], a["keepdim"])
    if op == "unique":
        kw = {"dim": a["dim"]} if "dim" in a else {}
        return torch.unique(xs[0], sorted=a["sorted"], return_inverse=a["inverse"], return_counts=a["counts"], **kw)
    if op == "unique_consecutive":
        kw = {"dim": a["dim"]} if "dim" in a else {}
        return torch.unique_consecutive(xs[0], return_inverse=a["inverse"], return_counts=a["counts"], **kw)
    if op in ("cummax", "cummin"):
        return getattr(torch, op)(xs[0], a["dim"])
    if op == "searchsorted":
        kw = {}
        if "right" in a:
            kw["right"] = a["right"]
        if "side" in a:
            kw["side"] = a["side"]
        if len(xs) == 3:
            kw["sorter"] = xs[2]
        return torch.searchsorted(xs[0], xs[1], **kw)
    if op == "bucketize":
        return torch.bucketize(xs[0], xs[1], right=a["right"])
    if op == "searchsorted_scalar":
        return torch.searchsorted(xs[0], a["value"], right=a["right"])
    if op == "bucketize_scalar":
        return torch.bucketize(a["value"], xs[0], right=a["right"])
    if op == "histc":
        return torch.histc(xs[0], bins=a["bins"], min=a["min"], max=a["max"])
    raise ValueError(op)


def add(op, args, *inputs):
    xs = [build(s) for s in inputs]
    try:
        r = call(op, args, xs)
        expected = repr(r).replace("\n", "\\n")
    except Exception as e:  # noqa: BLE001 - the message is the golden
        expected = "ERR " + type(e).__name__ + " " + str(e).split("\n")[0]
    argtext = ";".join(k + "=" + fmt(v) for k, v in args)
    cases.append("\t".join([op, argtext if argtext else "-", " ; ".join(spec_text(s) for s in inputs), expected]))


def numel(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def ints(shape, lo, hi):
    return [rng.randint(lo, hi) for _ in range(numel(shape))]


def floats(shape, lo, hi, nan=0.0, halves=True):
    v = [rng.randint(lo, hi) * (0.5 if halves else 1.0) for _ in range(numel(shape))]
    for i in range(len(v)):
        if rng.random() < nan:
            v[i] = float("nan")
    return v


def distinct(shape):
    n = numel(shape)
    v = [x * 0.25 - n / 8 for x in range(n)]
    rng.shuffle(v)
    return v


SHAPES = [[], [0], [1], [5], [7], [3, 4], [2, 3, 4], [0, 3], [4, 0]]
STYLE_SHAPES = [([3, 4], "t"), ([2, 5], "s"), ([2, 3, 4], "t"), ([3, 3], "s")]


def shapes_and_styles():
    for sh in SHAPES:
        yield sh, "c"
    for sh, st in STYLE_SHAPES:
        yield sh, st


def dims_of(shape):
    return [0, -1] if len(shape) <= 1 else list(range(len(shape))) + [-1]


# ------------------------------------------------------------------ sort / argsort / msort
for dt in ("f32", "f64"):
    for sh, st in shapes_and_styles():
        for d in dims_of(sh):
            for desc in (False, True):
                # ties and NaN in lines of at most 16: PyTorch's unstable sort orders them as a stable one
                add("sort", [("dim", d), ("desc", desc)], spec(dt, sh, floats(sh, -3, 3, nan=0.15), st, grad=True))
                add("sort", [("dim", d), ("desc", desc), ("stable", True)], spec(dt, sh, floats(sh, -3, 3, nan=0.15), st))
        add("argsort", [("dim", -1), ("desc", True)], spec(dt, sh, floats(sh, -2, 2, nan=0.1), st))
    # long lines: stable with ties, unstable without ties
    add("sort", [("dim", 0), ("desc", False), ("stable", True)], spec(dt, [300], floats([300], -4, 4, nan=0.05)))
    add("sort", [("dim", 1), ("desc", True), ("stable", True)], spec(dt, [3, 100], floats([3, 100], -4, 4, nan=0.05), "t"))
    add("sort", [("dim", 0), ("desc", True)], spec(dt, [200], distinct([200])))
    add("sort", [("dim", 0), ("desc", False), ("stable", False)], spec(dt, [40], distinct([40]), grad=True))
    add("argsort", [("dim", 0), ("desc", False), ("stable", True)], spec(dt, [64], floats([64], -2, 2, nan=0.1)))
    add("sort", [("dim", -1), ("desc", False)], spec(dt, [4], [0.0, -0.0, float("inf"), float("-inf")]))
    add("msort", [], spec(dt, [3, 4], floats([3, 4], -5, 5), grad=True))
    add("sort", [("dim", 0), ("desc", False)], spec(dt, [], [2.5], grad=True))
for sh, st in [([6], "c"), ([3, 5], "c"), ([4, 3], "t")]:
    add("sort", [("dim", -1), ("desc", False)], spec("i64", sh, ints(sh, -3, 3), st))
    add("sort", [("dim", 0), ("desc", True), ("stable", True)], spec("i64", sh, ints(sh, -3, 3), st))
    add("argsort", [("dim", 0), ("desc", False)], spec("i64", sh, ints(sh, -3, 3), st))
add("sort", [("dim", 0), ("desc", True), ("stable", True)], spec("i64", [100], ints([100], 0, 5)))
add("sort", [("dim", 0), ("desc", False)], spec("i64", [2], [2 ** 62 + 1, 2 ** 62]))
add("sort", [("dim", 0), ("desc", False)], spec("b", [5], [True, False, True, False, False]))
add("sort", [("dim", 2), ("desc", False)], spec("f32", [3], [1.0, 2.0, 3.0]))
add("sort", [("dim", -3), ("desc", False)], spec("f32", [2, 2], [1.0, 2.0, 3.0, 4.0]))
add("sort", [("dim", 1), ("desc", False)], spec("f32", [], [1.0]))

# ------------------------------------------------------------------ topk (no ties: PyTorch's selection orders ties its own way)
for dt in ("f32", "f64"):
    for sh, st in [([5], "c"), ([7], "c"), ([3, 4], "c"), ([3, 4], "t"), ([2, 5], "s"), ([2, 3, 4], "c"), ([0, 3], "c")]:
        for d in dims_of(sh):
            size = sh[d] if sh else 1
            for k in sorted({0, 1, size // 2, size}):
                for largest in (True, False):
                    add("topk", [("k", k), ("dim", d), ("largest", largest), ("sorted", True)],
                        spec(dt, sh, distinct(sh), st, grad=True))
    add("topk", [("k", 3), ("dim", 0), ("largest", True), ("sorted", True)], spec(dt, [6], [1.0, float("nan"), 3.0, -1.0, 2.0, 0.5]))
    add("topk", [("k", 2), ("dim", 0), ("largest", False), ("sorted", True)], spec(dt, [6], [1.0, float("nan"), 3.0, -1.0, 2.0, 0.5]))
    add("topk", [("k", 1), ("dim", 0), ("largest", True), ("sorted", True)], spec(dt, [], [4.0], grad=True))
    add("topk", [("k", 0), ("dim", 0), ("largest", True), ("sorted", True)], spec(dt, [], [4.0]))
    add("topk", [("k", 10), ("dim", 0), ("largest", True), ("sorted", True)], spec(dt, [300], distinct([300])))
    add("topk", [("k", 4), ("dim", -1), ("largest", True), ("sorted", True)], spec(dt, [3], [1.0, 2.0, 3.0]))
    add("topk", [("k", -1), ("dim", -1), ("largest", True), ("sorted", True)], spec(dt, [3], [1.0, 2.0, 3.0]))
    add("topk", [("k", 2), ("dim", 0), ("largest", True), ("sorted", True)], spec(dt, [], [1.0]))
    add("topk", [("k", 1), ("dim", 1), ("largest", True), ("sorted", True)], spec(dt, [3], [1.0, 2.0, 3.0]))
add("topk", [("k", 2), ("dim", -1), ("largest", True), ("sorted", True)], spec("i64", [2, 4], [5, 1, 7, 3, -2, 9, 0, 4]))
add("topk", [("k", 1), ("dim", 0), ("largest", True), ("sorted", True)], spec("b", [2], [True, False]))

# ------------------------------------------------------------------ kthvalue (PyTorch's quick select: ties and NaN too)
for dt in ("f32", "f64"):
    for sh, st in [([], "c"), ([1], "c"), ([5], "c"), ([9], "c"), ([3, 4], "c"), ([3, 4], "t"), ([2, 5], "s"),
                   ([2, 3, 4], "c"), ([0, 3], "c"), ([40], "c")]:
        for d in dims_of(sh):
            size = sh[d] if sh else 1
            if size == 0:
                continue
            for k in sorted({1, (size + 1) // 2, size}):
                for keepdim in (False, True):
                    add("kthvalue", [("k", k), ("dim", d), ("keepdim", keepdim)],
                        spec(dt, sh, floats(sh, -2, 2, nan=0.1), st, grad=rng.random() < 0.5))
    add("kthvalue", [("k", 1), ("dim", 0), ("keepdim", False)], spec(dt, [0], []))
    add("kthvalue", [("k", 4), ("dim", 0), ("keepdim", False)], spec(dt, [3], [1.0, 2.0, 3.0]))
    add("kthvalue", [("k", 0), ("dim", 0), ("keepdim", False)], spec(dt, [3], [1.0, 2.0, 3.0]))
    add("kthvalue", [("k", 1), ("dim", 1), ("keepdim", False)], spec(dt, [0, 3], []))
    add("kthvalue", [("k", 1), ("dim", 0), ("keepdim", False)], spec(dt, [0, 3], []))
add("kthvalue", [("k", 3), ("dim", -1), ("keepdim", False)], spec("i64", [2, 6], ints([2, 6], 0, 3)))
add("kthvalue", [("k", 1), ("dim", 0), ("keepdim", False)], spec("b", [2], [True, False]))

# ------------------------------------------------------------------ median / nanmedian
for dt in ("f32", "f64"):
    for sh, st in [([], "c"), ([1], "c"), ([4], "c"), ([7], "c"), ([3, 4], "c"), ([3, 4], "t"), ([2, 5], "s"),
                   ([2, 3, 4], "c"), ([0, 3], "c"), ([33], "c")]:
        for nan in (0.0, 0.2):
            add("median", [], spec(dt, sh, floats(sh, -3, 3, nan=nan), st, grad=True))
            v = floats(sh, -3, 3, nan=nan)
            add("nanmedian", [], spec(dt, sh, v, st, grad=True))
            for d in dims_of(sh):
                if sh and sh[d] == 0:
                    continue
                for keepdim in (False, True):
                    add("median", [("dim", d), ("keepdim", keepdim)], spec(dt, sh, floats(sh, -3, 3, nan=nan), st, grad=True))
                    # nanmedian: no line of NaN only
                    v = floats(sh, -3, 3, nan=nan)
                    if v:
                        v[0] = 1.0
                        if len(sh) > 1:
                            v = [1.0 if (i % sh[-1]) == 0 or (i // sh[-1]) % sh[-2] == 0 else x for i, x in enumerate(v)]
                    add("nanmedian", [("dim", d), ("keepdim", keepdim)], spec(dt, sh, v, st, grad=True))
    add("median", [], spec(dt, [0], []))
    add("median", [("dim", 0), ("keepdim", False)], spec(dt, [0, 3], []))
    add("median", [("dim", 1), ("keepdim", False)], spec(dt, [0, 3], []))
    add("nanmedian", [("dim", 0), ("keepdim", False)], spec(dt, [0], []))
    add("median", [("dim", 2), ("keepdim", False)], spec(dt, [3], [1.0, 2.0, 3.0]))
add("median", [], spec("i64", [6], [5, 1, 7, 3, 3, 9]))
add("median", [("dim", 1), ("keepdim", True)], spec("i64", [2, 5], ints([2, 5], 0, 3)))

# ------------------------------------------------------------------ mode (lines up to 16, no NaN)
for dt in ("f32", "f64"):
    for sh, st in [([], "c"), ([1], "c"), ([6], "c"), ([16], "c"), ([3, 4], "c"), ([3, 4], "t"), ([2, 5], "s"),
                   ([2, 3, 4], "c"), ([0, 3], "c")]:
        for d in dims_of(sh):
            if sh and sh[d] == 0:
                continue
            for keepdim in (False, True):
                add("mode", [("dim", d), ("keepdim", keepdim)], spec(dt, sh, floats(sh, -2, 2), st, grad=True))
    add("mode", [("dim", 0), ("keepdim", False)], spec(dt, [0, 3], []))
    add("mode", [("dim", 1), ("keepdim", False)], spec(dt, [0, 3], []))
    add("mode", [("dim", 1), ("keepdim", False)], spec(dt, [3], [1.0, 1.0, 2.0]))
add("mode", [("dim", -1), ("keepdim", False)], spec("i64", [3, 7], ints([3, 7], 0, 3)))
add("mode", [("dim", 0), ("keepdim", False)], spec("b", [5], [True, False, True, False, True]))

# ------------------------------------------------------------------ cummax / cummin
for op in ("cummax", "cummin"):
    for dt in ("f32", "f64"):
        for sh, st in shapes_and_styles():
            for d in dims_of(sh):
                add(op, [("dim", d)], spec(dt, sh, floats(sh, -2, 2, nan=0.1), st, grad=True))
        add(op, [("dim", 2)], spec(dt, [3], [1.0, 2.0, 3.0]))
    add(op, [("dim", 1)], spec("i64", [3, 5], ints([3, 5], -2, 2)))
    add(op, [("dim", 0)], spec("b", [4], [False, True, False, True]))

# ------------------------------------------------------------------ unique / unique_consecutive (no NaN for unique)
for dt in ("f32", "f64", "i64"):
    for sh, st in [([], "c"), ([0], "c"), ([1], "c"), ([8], "c"), ([3, 4], "c"), ([3, 4], "t"), ([2, 5], "s"), ([2, 3, 4], "c"),
                   ([200], "c")]:
        v = ints(sh, -3, 3) if dt == "i64" else floats(sh, -3, 3)
        for inv in (False, True):
            for cnt in (False, True):
                add("unique", [("sorted", True), ("inverse", inv), ("counts", cnt)], spec(dt, sh, v, st))
                vc = ints(sh, 0, 2) if dt == "i64" else floats(sh, 0, 2, nan=0.1)
                add("unique_consecutive", [("inverse", inv), ("counts", cnt)], spec(dt, sh, vc, st))
add("unique", [("sorted", True), ("inverse", True), ("counts", True)], spec("b", [5], [True, False, True, True, False]))
# with dim: slices compared lexicographically (PyTorch sorts them even with sorted=False)
for dt in ("f32", "f64", "i64"):
    for sh, st in [([6], "c"), ([5, 2], "c"), ([4, 3], "t"), ([3, 4], "s"), ([2, 4, 3], "c"), ([7, 1], "c"), ([0, 3], "c"),
                   ([3, 0], "c")]:
        v = ints(sh, 0, 1) if dt == "i64" else floats(sh, 0, 1)
        for d in dims_of(sh):
            for srt in (True, False):
                add("unique", [("sorted", srt), ("inverse", True), ("counts", True), ("dim", d)], spec(dt, sh, v, st))
            add("unique_consecutive", [("inverse", True), ("counts", True), ("dim", d)], spec(dt, sh, v, st))
add("unique", [("sorted", True), ("inverse", False), ("counts", False), ("dim", 0)], spec("f32", [4, 2], [1.0, 2.0, 1.0, 2.0, 0.0, 5.0, 1.0, 1.0], grad=True))
add("unique_consecutive", [("inverse", False), ("counts", True), ("dim", 0)], spec("f32", [3, 2], [1.0, 2.0, 1.0, 2.0, 0.0, 5.0], grad=True))
add("unique", [("sorted", True), ("inverse", False), ("counts", False), ("dim", 0)], spec("f32", [], [1.0]))
add("unique", [("sorted", True), ("inverse", False), ("counts", False), ("dim", 1)], spec("f32", [3], [1.0, 2.0, 3.0]))
add("unique", [("sorted", True), ("inverse", False), ("counts", False), ("dim", 0)], spec("b", [3], [True, False, True]))
add("unique", [("sorted", True), ("inverse", False), ("counts", False)], spec("f32", [3, 2], [1.0, 2.0, 1.0, 3.0, 2.0, 2.0], grad=True))
add("unique_consecutive", [("inverse", False), ("counts", False)], spec("f32", [4], [1.0, 1.0, 2.0, 1.0], grad=True))

# ------------------------------------------------------------------ searchsorted / bucketize
for dt in ("f32", "f64", "i64"):
    seq = sorted(ints([9], -3, 3)) if dt == "i64" else sorted(floats([9], -3, 3))
    for vsh, st in [([], "c"), ([0], "c"), ([7], "c"), ([3, 4], "c"), ([3, 4], "t"), ([2, 5], "s")]:
        vals = ints(vsh, -4, 4) if dt == "i64" else floats(vsh, -4, 4, nan=0.1)
        for kw in ([], [("right", True)], [("right", False)], [("side", "right")], [("side", "left")]):
            add("searchsorted", kw, spec(dt, [9], seq), spec(dt, vsh, vals, st))
        add("bucketize", [("right", False)], spec(dt, vsh, vals, st), spec(dt, [9], seq))
        add("bucketize", [("right", True)], spec(dt, vsh, vals, st), spec(dt, [9], seq))
    # N-d sequence: one sorted line per row
    rows = [sorted(ints([5], -3, 3)) if dt == "i64" else sorted(floats([5], -3, 3)) for _ in range(3)]
    nd = [v for r in rows for v in r]
    vals = ints([3, 4], -4, 4) if dt == "i64" else floats([3, 4], -4, 4)
    add("searchsorted", [], spec(dt, [3, 5], nd), spec(dt, [3, 4], vals))
    add("searchsorted", [("right", True)], spec(dt, [3, 5], nd, "t"), spec(dt, [3, 4], vals, "s"))
    add("searchsorted", [], spec(dt, [0], []), spec(dt, [3], ints([3], 0, 2) if dt == "i64" else floats([3], 0, 2)))
add("searchsorted", [], spec("f32", [3], [1.0, float("nan"), 3.0]), spec("f32", [3], [0.0, 2.0, 4.0]))
add("searchsorted", [], spec("f32", [2, 3], [0.0] * 6), spec("f32", [3, 3], [0.0] * 9))
add("searchsorted", [("right", True), ("side", "left")], spec("f32", [3], [1.0, 2.0, 3.0]), spec("f32", [1], [2.0]))
add("searchsorted", [("side", "foo")], spec("f32", [3], [1.0, 2.0, 3.0]), spec("f32", [1], [2.0]))
add("searchsorted", [], spec("f32", [], [1.0]), spec("f32", [1], [2.0]))
add("bucketize", [("right", False)], spec("f32", [3], [1.0, 2.0, 3.0]), spec("f32", [2, 2], [1.0, 2.0, 3.0, 4.0]))
add("searchsorted", [], spec("f32", [1, 3], [1.0, 2.0, 3.0]), spec("f32", [], [2.0]))
for dt in ("f32", "f64", "i64"):
    seq = [1, 2, 2, 3] if dt == "i64" else [1.0, 2.0, 2.0, 3.5]
    for v in (0.0, 2.0, 2.5, 3.5, 9.0, float("nan")):
        for right in (False, True):
            add("searchsorted_scalar", [("value", v), ("right", right)], spec(dt, [4], seq))
            add("bucketize_scalar", [("value", v), ("right", right)], spec(dt, [4], seq))
add("searchsorted_scalar", [("value", 2.0), ("right", False)], spec("f32", [1, 3], [1.0, 2.0, 3.0]))
# promotion: the value in the boundaries' float32, int64 boundaries against a float compare in float32
add("searchsorted_scalar", [("value", 0.1), ("right", False)], spec("f32", [3], [0.0, 0.1, 0.2]))
add("searchsorted_scalar", [("value", 0.1), ("right", True)], spec("f32", [3], [0.0, 0.1, 0.2]))
add("searchsorted_scalar", [("value", 16777217.0), ("right", False)], spec("i64", [2], [16777216, 16777217]))
add("searchsorted", [], spec("i64", [2], [16777216, 16777217]), spec("f32", [1], [16777216.0]))
add("searchsorted", [("right", True)], spec("i64", [2], [16777216, 16777217]), spec("f32", [1], [16777216.0]))
add("searchsorted", [], spec("f32", [3], [0.0, 0.1, 0.2]), spec("f64", [2], [0.1, 0.2]))
# sorter: the positions that sort each line
for dt in ("f32", "f64", "i64"):
    raw = ints([7], -3, 3) if dt == "i64" else floats([7], -3, 3)
    order = sorted(range(7), key=lambda i: (raw[i], i))
    vals = ints([6], -4, 4) if dt == "i64" else floats([6], -4, 4)
    for kw in ([], [("right", True)], [("side", "right")]):
        add("searchsorted", kw, spec(dt, [7], raw), spec(dt, [6], vals), spec("i64", [7], order))
    raw2 = ints([2, 4], -3, 3) if dt == "i64" else floats([2, 4], -3, 3)
    order2 = [i for r in range(2) for i in sorted(range(4), key=lambda i: (raw2[r * 4 + i], i))]
    add("searchsorted", [], spec(dt, [2, 4], raw2), spec(dt, [2, 3], ints([2, 3], -4, 4) if dt == "i64" else floats([2, 3], -4, 4)),
        spec("i64", [2, 4], order2, "t"))
add("searchsorted", [], spec("f32", [3], [3.0, 1.0, 2.0]), spec("f32", [1], [0.0]), spec("i64", [2], [1, 2]))
add("searchsorted", [], spec("f32", [3], [3.0, 1.0, 2.0]), spec("f32", [1], [0.0]), spec("f32", [3], [1.0, 2.0, 0.0]))
add("searchsorted", [], spec("f32", [], [3.0]), spec("f32", [1], [0.0]), spec("i64", [2], [1, 2]))
add("searchsorted", [("side", "foo")], spec("f32", [3], [3.0, 1.0, 2.0]), spec("f32", [1], [0.0]), spec("i64", [2], [1, 2]))
add("searchsorted", [], spec("f32", [2, 3], [0.0] * 6), spec("f32", [1], [0.0]), spec("i64", [2], [1, 2]))

# ------------------------------------------------------------------ histc
for dt in ("f32", "f64"):
    for sh, st in [([], "c"), ([0], "c"), ([1], "c"), ([9], "c"), ([3, 4], "t"), ([2, 5], "s"), ([50], "c")]:
        v = floats(sh, -6, 6, halves=False)
        for bins, lo, hi in [(4, 0.0, 0.0), (5, -3.0, 3.0), (7, -2.5, 1.0), (1, 0.0, 0.0), (100, 0.0, 0.0), (3, 2.0, 2.0)]:
            add("histc", [("bins", bins), ("min", lo), ("max", hi)], spec(dt, sh, v, st))
    r = [rng.uniform(-1, 1) for _ in range(64)]
    add("histc", [("bins", 10), ("min", -1.0), ("max", 1.0)], spec(dt, [64], [float(torch.tensor(x, dtype=DT[dt])) for x in r]))
    add("histc", [("bins", 6), ("min", 0.0), ("max", 3.0)], spec(dt, [5], [1.0, float("nan"), 3.0, -1.0, 0.0]))
    add("histc", [("bins", 0), ("min", 0.0), ("max", 0.0)], spec(dt, [3], [1.0, 2.0, 3.0]))
    add("histc", [("bins", 3), ("min", 2.0), ("max", 1.0)], spec(dt, [3], [1.0, 2.0, 3.0]))
    add("histc", [("bins", 3), ("min", 0.0), ("max", 0.0)], spec(dt, [2], [1.0, float("inf")]))
    add("histc", [("bins", 3), ("min", 0.0), ("max", 0.0)], spec(dt, [2], [1.0, float("nan")]))
    add("histc", [("bins", 4), ("min", 0.0), ("max", 0.0)], spec(dt, [3], [1.0, 2.0, 1.0], grad=True))
add("histc", [("bins", 4), ("min", 0.0), ("max", 0.0)], spec("i64", [3], [1, 2, 1]))

with open(OUT, "w") as f:
    f.write("# generated by tools/goldens/gen_sorting.py from PyTorch " + torch.__version__ + "\n")
    for c in cases:
        f.write(c + "\n")
print(len(cases), "cases")
