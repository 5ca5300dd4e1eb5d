#!/usr/bin/env python3
"""Generate printing goldens from real PyTorch (1.13.1) for org.autograd4j.format.TensorFormatter.

Run: /usr/bin/python3 tools/goldens/gen_printing.py
Writes core/src/test/resources/goldens/printing.txt (deterministic: every random draw is seeded).

File format, one case per block:
  #case <n> dtype=<float32|float64|int64|bool> shape=(<d0>,<d1>,...) rg=<0|1> fn=<GradFnName|->
  v <value> <value> ...      (row-major; float32: 8 hex digits of the float bits, float64: 16 hex digits,
                              int64: decimal, bool: 0/1; several 'v' lines per case)
  | <expected repr line>     (one per line of repr(t), after the '| ' prefix)
"""
import math
import os
import random
import struct

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "core", "src", "test", "resources", "goldens", "printing.txt")

DTYPES = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}

cases = []


def add(t):
    """Record tensor t (any of the four dtypes, maybe with grad_fn / requires_grad) and its repr."""
    assert t.dtype in DTYPES, t.dtype
    text = repr(t)
    fn = type(t.grad_fn).__name__ if t.grad_fn is not None else "-"
    assert fn != "CppFunction"
    d = t.detach().contiguous().reshape(-1)
    if t.dtype == torch.float32:
        vals = ["%08x" % (v & 0xFFFFFFFF) for v in d.view(torch.int32).tolist()]
    elif t.dtype == torch.float64:
        vals = ["%016x" % (v & 0xFFFFFFFFFFFFFFFF) for v in d.view(torch.int64).tolist()]
    elif t.dtype == torch.int64:
        vals = [str(v) for v in d.tolist()]
    else:
        vals = ["1" if v else "0" for v in d.tolist()]
    shape = "(" + ",".join(str(s) for s in t.shape) + ")"
    cases.append((DTYPES[t.dtype], shape, 1 if t.requires_grad else 0, fn, vals, text))


def leaf(t):
    return t.detach().clone().requires_grad_()


rng = random.Random(12345)
torch.manual_seed(12345)

# ---- 1. The printing rules' own examples ----
add(torch.tensor([1., 2., 3.]))
add(torch.tensor([1.5, 2.25, -3.]))
add(torch.tensor(3.14159))
add(torch.tensor(-0.))
add(torch.tensor([0.5, -0.]))
add(torch.tensor([1., float("nan"), float("inf"), float("-inf")]))
add(torch.tensor([1.5, float("nan")]))
add(torch.tensor([1e-5, 1.]))
add(torch.tensor([1., 1000.]))
add(torch.tensor([1., 1001.]))
add(torch.tensor([1e8]))
add(torch.tensor([100000008.]))
add(torch.tensor([1, 2, -300]))
add(torch.tensor([True, False]))
add(torch.zeros(0, 3))
add(torch.tensor([], dtype=torch.int64))
add(torch.ones(2, requires_grad=True) + 1)
add(torch.tensor(2.5, dtype=torch.float64, requires_grad=True))
add(torch.arange(2000))
add(torch.arange(12.).reshape(3, 4))
add((torch.arange(27.) / 7).double().requires_grad_() * 1)
add(torch.arange(24.).reshape(2, 3, 4))

# ---- 2. Special values and small hand-picked cases ----
nan, inf = float("nan"), float("inf")
special = [
    [0.], [-0.], [0., -0.], [nan], [inf], [-inf], [nan, inf, -inf], [0., nan], [-0., inf],
    [1e-4], [1e-4, 1.], [0.0001, 0.5], [9.99e-5, 1.], [1e8, 1.], [1e8 + 1, 1.], [99999999., 1.],
    [1e8], [1.0000001e8], [123456789.], [1000., 1.], [1000.5, 1.], [0.001, 1.], [0.00099, 1.],
    [1., 2., nan], [-1., -2., -inf], [0.5, nan, -inf, -0.], [1e-8, nan], [1e20, -1e20], [1e-20, 1.],
    [3.4e38, -3.4e38], [1.17e-38], [1e-45], [-1e-45, 1.], [2.5], [-2.5], [0.03125], [0.09375],
    [0.15625, 0.21875], [1.03125, 2.5], [100005., 1.], [100015., 1.], [100025., 1.], [1234565., 1.],
    [0.00015625, 1.], [12.34565], [1e-300], [1e300, 1.], [5e-324], [1.7976931348623157e308],
    [-1.7976931348623157e308, 0.], [1e15, -3.], [1e16], [12345678901234567890.], [0.1, 0.2, 0.3],
    [1.99995], [9.99995], [99.99995], [999.99995], [-9.99995], [0.99995, 1.], [9.99995e-5, 1.],
    [1e-4, 1e-4 * 1000], [1e-4, 1e-4 * 1001], [7., -7., 77., -777.], [1e3, 1e-1], [0.5, 500.],
    [0.5, 500.5], [0.5, 501.], [-1., 1.], [1e7, 1e4], [1e7, 1e4 - 1], [-0.0, 1.5, -2.25e-3],
]
for vals in special:
    for dt in (torch.float32, torch.float64):
        add(torch.tensor(vals, dtype=dt))
        if len(vals) == 1:
            add(torch.tensor(vals[0], dtype=dt))

# float32 quirk: 0.0001f widened is below 1e-4
for v in (0.0001, 0.0002, 0.00010001, 1e-3, 0.1, 1.1, 16777217.):
    add(torch.tensor([v, 1.0], dtype=torch.float32))
    add(torch.tensor([v, 1.0], dtype=torch.float64))

# exact half-even ties: k/32 at %.4f, integers ending in 5 at 5 significant digits (%.4e)
for k in range(1, 64, 2):
    add(torch.tensor([k / 32.0, 1.5], dtype=torch.float64))
for k in range(1, 40, 2):
    add(torch.tensor([k / 32.0 * 1e-0 / 1000.0, 1.0]))
for k in (100005, 100015, 100025, 123455, 999995, 999985, 1000005, 314165):
    add(torch.tensor([float(k), 1.0], dtype=torch.float64))
    add(torch.tensor([float(k), 1.0], dtype=torch.float32))
    add(torch.tensor([float(k) / 2 ** 10, 1e-3], dtype=torch.float64))

# ---- 3. 0-d tensors of every dtype ----
for _ in range(80):
    e = rng.uniform(-12, 12)
    v = rng.choice([-1, 1]) * 10 ** e
    dt = rng.choice([torch.float32, torch.float64])
    add(torch.tensor(v, dtype=dt))
    add(torch.tensor(float(round(v)) if abs(v) < 1e15 else v, dtype=dt))
for v in (0, 1, -1, 7, -123456, 2 ** 62, -2 ** 63, 2 ** 63 - 1):
    add(torch.tensor(v, dtype=torch.int64))
add(torch.tensor(True))
add(torch.tensor(False))
for v in (1.5, -0.25, 3., 1e-7, 1e9, nan, -inf):
    for dt in (torch.float32, torch.float64):
        x = torch.tensor(v, dtype=dt, requires_grad=True)
        add(x)
        add(x * 2)
        add(x + 1)

# ---- 4. Empty tensors ----
for shape in [(0,), (0, 3), (3, 0), (2, 0, 4), (0, 0), (1, 0), (0, 1, 2, 3)]:
    for dt in (torch.float32, torch.float64, torch.int64, torch.bool):
        add(torch.zeros(shape, dtype=dt))
    add(torch.zeros(shape, requires_grad=True))
    add(torch.zeros(shape, dtype=torch.float64, requires_grad=True))
    add(torch.zeros(shape, requires_grad=True) * 2)
    add(torch.zeros(shape, dtype=torch.float64, requires_grad=True) + 1)


# ---- 5. Random floats: many distributions, shapes, dtypes ----
def rand_values(n, kind):
    out = []
    for _ in range(n):
        if kind == "normal":
            out.append(rng.gauss(0, 1))
        elif kind == "scaled":
            out.append(rng.gauss(0, 1) * scale)
        elif kind == "int":
            out.append(float(rng.randint(-int(scale), int(scale))))
        elif kind == "pos_int":
            out.append(float(rng.randint(0, int(scale))))
        elif kind == "logu":
            out.append(rng.choice([-1, 1]) * 10 ** rng.uniform(lo, hi))
        elif kind == "quarter":
            out.append(rng.randint(-400, 400) / 4.0)
        elif kind == "ties":
            out.append(rng.randint(-200, 200) / 32.0)
        elif kind == "mixed":
            r = rng.random()
            if r < 0.1:
                out.append(nan)
            elif r < 0.15:
                out.append(inf)
            elif r < 0.2:
                out.append(-inf)
            elif r < 0.25:
                out.append(-0.0)
            elif r < 0.3:
                out.append(0.0)
            else:
                out.append(rng.gauss(0, 1) * scale)
    return out


def shape_numel(shape):
    return math.prod(shape)


shapes = [(1,), (2,), (3,), (5,), (7,), (8,), (9,), (10,), (11,), (13,), (16,), (17,), (20,), (25,),
          (31,), (40,), (50,), (64,), (81,), (100,), (1, 1), (1, 5), (5, 1), (2, 3), (3, 2), (4, 4),
          (2, 9), (3, 13), (6, 11), (10, 3), (2, 30), (1, 2, 3), (2, 2, 2), (2, 3, 4), (3, 1, 5),
          (2, 4, 9), (1, 1, 1, 1), (2, 2, 2, 2), (2, 3, 1, 4), (3, 2, 2, 3), (2, 1, 3, 10)]
kinds = ["normal", "scaled", "int", "pos_int", "logu", "quarter", "ties", "mixed"]
scales = [1e-9, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1., 3., 10., 999., 1000., 1e4, 1e6, 1e8, 2e8, 1e12]
for i in range(760):
    shape = rng.choice(shapes)
    kind = rng.choice(kinds)
    scale = rng.choice(scales)
    if kind in ("int", "pos_int"):
        scale = max(1.0, min(scale, 1e15))
    lo = rng.uniform(-15, 10)
    hi = lo + rng.choice([0.5, 1, 2, 3, 4, 6, 12])
    dt = torch.float32 if i % 3 else torch.float64
    t = torch.tensor(rand_values(shape_numel(shape), kind), dtype=dt).reshape(shape)
    mode = rng.random()
    if mode < 0.6:
        add(t)
    elif mode < 0.75:
        add(t.requires_grad_())
    else:
        x = t.requires_grad_()
        op = rng.choice(["mul", "add", "sub", "rsub", "div", "neg", "clone", "view", "mulx"])
        y = {"mul": lambda: x * 1, "add": lambda: x + 0, "sub": lambda: x - 0, "rsub": lambda: 0 - x,
             "div": lambda: x / 1, "neg": lambda: -x, "clone": lambda: x.clone(),
             "view": lambda: x.view(shape), "mulx": lambda: x * torch.ones_like(x)}[op]()
        add(y)

# ---- 6. int64 and bool tensors ----
for i in range(220):
    shape = rng.choice(shapes)
    r = rng.choice([1, 9, 10, 99, 100, 1000, 10 ** 6, 10 ** 12, 2 ** 62])
    lo_ = rng.choice([0, -r, -1])
    vals = [rng.randint(lo_, r) for _ in range(shape_numel(shape))]
    add(torch.tensor(vals, dtype=torch.int64).reshape(shape))
for i in range(100):
    shape = rng.choice(shapes)
    p = rng.choice([0.0, 0.5, 1.0, 0.1])
    vals = [rng.random() < p for _ in range(shape_numel(shape))]
    add(torch.tensor(vals, dtype=torch.bool).reshape(shape))
add(torch.tensor([-2 ** 63, 2 ** 63 - 1, 0]))

# ---- 7. 1-d lines wrapping at 80 (every length 1..60, several widths) ----
for n in range(1, 61):
    add(torch.arange(n))
    add(torch.arange(n) * 997 - 500)
    add(torch.arange(n, dtype=torch.float32) / 3)
    add(torch.arange(n, dtype=torch.float64) * 1e-5 + 1e-6)
    add(torch.arange(n) % 2 == 0)

# ---- 8. grad_fn names from real ops, and suffix wrapping ----
a = leaf(torch.randn(3, 4))
b = leaf(torch.randn(4, 5))
v = leaf(torch.randn(4))
ad = leaf(torch.randn(3, 4, dtype=torch.float64))
ops = [
    a * 2, a + 1, a - 1, 1 - a, a / 2, 2 / a, -a, a * a, a ** 2, a ** 2.5, 2 ** a, a.square(),
    a.sum(), a.sum(0), a.mean(), a.mean(1), a.t(), a.T, a.permute(1, 0), a.transpose(0, 1),
    a @ b, v @ v, a @ v, a.tanh(), a.relu(), a.sigmoid(), a.exp(), a.abs().log(), a.view(12),
    a.reshape(2, 6), a.t().reshape(12), a[:, :1].expand(3, 4), a.unsqueeze(0), a.unsqueeze(0).squeeze(0),
    a[0], a[1:], a[[0, 2]], a[a > 0], a.max(), a.clone(), a.double(), torch.cat([a, a]),
    torch.stack([a, a]), a.abs(), a.sqrt(), a.sin(), a.cos(), a.pow(3), a.max(1)[0], a.min(),
    a.softmax(1), a.log_softmax(1), torch.nn.functional.linear(a, b.t()), a.flatten(), a.narrow(1, 0, 2),
    a.cumsum(0), a.prod(), a.norm(), a.clamp(-0.5, 0.5), torch.where(a > 0, a, a * 0), a.float(),
    ad * 1, ad + 1, ad.sum(), ad.exp() * 1000, ad / 1000, ad.mean(0), ad.t(), ad.float(),
    torch.nn.functional.cross_entropy(a, torch.tensor([0, 1, 2])), a.var(), a.std(), a.neg(),
]
for t in ops:
    add(t)
# long lines whose suffixes wrap (float64 + grad_fn / requires_grad)
for n in range(1, 40):
    x = leaf(torch.randn(n, dtype=torch.float64))
    add(x)
    add(x * 1)
    add(x.exp())
    add((x * 1000).round())
    xf = leaf(torch.randn(n))
    add(xf)
    add(xf + 1)
    add(xf.sigmoid())
    add(x.unsqueeze(0).t())
for n in range(1, 20):
    add(leaf(torch.arange(n * 7, dtype=torch.float64).reshape(n, 7) / 3) * 1)
    add(leaf(torch.randn(2, n, dtype=torch.float64) * 1e-6).tanh())

# ---- 9. Summarization (numel > 1000) ----
big_shapes = [(1001,), (2000,), (1, 1001), (1001, 1), (7, 200), (200, 7), (40, 40), (3, 400), (2, 3, 200),
              (10, 10, 11), (5, 5, 41), (6, 6, 6, 6), (6, 6, 6, 6, 1), (2, 2, 2, 2, 2, 2, 2, 2, 2, 2),
              (7, 7, 7, 7), (4, 300), (1002,), (2, 501), (11, 11, 11)]
for shape in big_shapes:
    n = shape_numel(shape)
    add(torch.randn(n).reshape(shape))
    add(torch.arange(n).reshape(shape))
    add(torch.randn(n, dtype=torch.float64).reshape(shape) * 1e5)
    add((torch.rand(n) > 0.5).reshape(shape))
    add(leaf(torch.randn(n, dtype=torch.float64).reshape(shape)) * 2)
# the formatter only sees the summarized elements: a huge outlier in the hidden middle changes nothing
t = torch.randn(2000)
t[1000] = 1e30
t[1001] = float("nan")
add(t)
t = torch.arange(3000, dtype=torch.float32)
t[5] = 0.5
add(t)
t = torch.ones(50, 50)
t[25, 25] = 1e-9
t[0, 25] = 1e-9
add(t)
t = torch.arange(1001) * 1000000007
add(t)
add(torch.randint(-10 ** 9, 10 ** 9, (100, 200)))
add(torch.randn(100, 200) * 1000)
add(torch.zeros(1200))
add(torch.full((1500,), float("nan")))
add(torch.randn(3, 5, 7, 11))

with open(OUT, "w") as f:
    for i, (dt, shape, rg, fn, vals, text) in enumerate(cases):
        f.write("#case %d dtype=%s shape=%s rg=%d fn=%s\n" % (i, dt, shape, rg, fn))
        for j in range(0, len(vals), 16):
            f.write("v " + " ".join(vals[j:j + 16]) + "\n")
        for line in text.split("\n"):
            f.write("| " + line + "\n")
print("wrote %d cases to %s" % (len(cases), os.path.normpath(OUT)))
