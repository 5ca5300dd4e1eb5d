#!/usr/bin/env python3
"""Goldens for org.autograd4j.autograd.FunctionTest: custom torch.autograd.Function behaviour in PyTorch 1.13.1.

Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_function.py
Writes core/src/test/resources/goldens/function.txt: one "<key>\t<value>" per line, values as PyTorch prints
them (tensor reprs, node names, error messages). The Java test defines the same classes (same names, same
formulas) and compares its own values with these.
"""
import os
import re

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "core", "src", "test", "resources", "goldens", "function.txt")
lines = []


def put(key, value):
    lines.append("%s\t%s" % (key, str(value).replace("\n", "\\n")))


def err(key, f):
    try:
        f()
    except Exception as e:
        put(key, str(e))
    else:
        raise SystemExit(key + ": no error")


def graph(fn):
    if fn is None:
        return "null"
    name = type(fn).__name__
    if name == "AccumulateGrad":
        return name
    return name + "(" + ";".join("null" if c is None else "%d:%s" % (n, graph(c)) for c, n in fn.next_functions) + ")"


def x0():
    return torch.tensor([-0.7, 0.2, 1.5], requires_grad=True)


class Legendre(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        put("legendre.forward_grad_enabled", torch.is_grad_enabled())
        return 0.5 * (5 * x ** 3 - 3 * x)

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * 1.5 * (5 * x ** 2 - 1)


x = x0()
y = Legendre.apply(x)
put("legendre.y", y)
put("legendre.name", y.grad_fn.name())
put("legendre.repr", re.sub(r" at 0x[0-9a-f]+>", " at 0x>", repr(y.grad_fn)))
put("legendre.graph", graph(y.grad_fn))
y.sum().backward()
put("legendre.grad", x.grad)
err("legendre.second_backward", lambda: y.sum().backward())
put("legendre.no_grad_input", Legendre.apply(torch.tensor([1., 2.])))


class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, g):
        return g, g


err("bad.count", lambda: Bad.apply(x0()).sum().backward())


class BadShape(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, g):
        return torch.ones(2)


err("badshape.message", lambda: BadShape.apply(x0()).sum().backward())


class Broadcast(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, g):
        return torch.ones(2, 3, dtype=torch.float64)


x = x0()
Broadcast.apply(x).sum().backward()
put("broadcast.grad", x.grad)


class Save(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = x * 2
        ctx.save_for_backward(x, y)
        return y

    @staticmethod
    def backward(ctx, g):
        x, y = ctx.saved_tensors
        return g * 2


def saved_input_modified():
    a = x0().clone()
    y = Save.apply(a)
    with torch.no_grad():
        a.add_(1)
    y.sum().backward()


def saved_output_modified():
    y = Save.apply(x0().clone())
    y.mul_(2)
    y.sum().backward()


err("save.input_modified", saved_input_modified)
err("save.output_modified", saved_output_modified)


class Dirty(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        x.mul_(2)
        ctx.mark_dirty(x)
        return x

    @staticmethod
    def backward(ctx, g):
        return g * 2


x = x0()
a = x.clone()
b = Dirty.apply(a)
put("dirty.same", b is a)
put("dirty.version", a._version)
put("dirty.graph", graph(a.grad_fn))
put("dirty.value", a)
b.sum().backward()
put("dirty.grad", x.grad)
err("dirty.leaf", lambda: Dirty.apply(x0()))
x = x0()
a = x.clone()
v = a[0:2]
b = Dirty.apply(v)
put("dirty_view.same", b is v)
put("dirty_view.graph", graph(a.grad_fn))
put("dirty_view.view_graph", graph(v.grad_fn))
b.sum().backward()
put("dirty_view.grad", x.grad)


class DirtyLost(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        x.mul_(2)
        ctx.mark_dirty(x)
        return x * 1

    @staticmethod
    def backward(ctx, g):
        return g * 2


err("dirtylost.message", lambda: DirtyLost.apply(x0().clone()))


class View(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x[0:2]

    @staticmethod
    def backward(ctx, g):
        return torch.cat([g, torch.zeros(1)])


x = x0()
a = x.clone()
v = View.apply(a)
put("view.graph", graph(v.grad_fn))
put("view.base_is_input", v._base is a)
err("view.inplace", lambda: v.mul_(2))
with torch.no_grad():
    v.mul_(2)
put("view.no_grad_inplace", a)


class Ident(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x

    @staticmethod
    def backward(ctx, g):
        return g * 3


x = x0()
r = Ident.apply(x)
put("ident.same", r is x)
put("ident.base_is_input", r._base is x)
put("ident.graph", graph(r.grad_fn))
r.sum().backward()
put("ident.grad", x.grad)
err("ident.inplace", lambda: Ident.apply(x0().clone()).add_(1))


class Two(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.k = k
        i = torch.argmax(x)
        s = x.exp()
        ctx.mark_non_differentiable(i)
        put("two.needs_input_grad", list(ctx.needs_input_grad))
        return x * k, s, i

    @staticmethod
    def backward(ctx, g1, g2, g3):
        put("two.g2", g2)
        put("two.g3", g3)
        return g1 * ctx.k + g2, None


x = x0()
y1, y2, i = Two.apply(x, 3.0)
put("two.same_node", y1.grad_fn is y2.grad_fn)
put("two.output_nr", "%d %d" % (y1.output_nr, y2.output_nr))
put("two.i_requires_grad", i.requires_grad)
put("two.graph", graph(y2.grad_fn))
y1.sum().backward()
put("two.grad", x.grad)


class TwoNull(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.set_materialize_grads(False)
        ctx.k = k
        return x * k, x * 1

    @staticmethod
    def backward(ctx, g1, g2):
        put("twonull.g2_is_none", g2 is None)
        return g1 * ctx.k, None


x = x0()
y1, y2 = TwoNull.apply(x, 3.0)
y1.sum().backward()
put("twonull.grad", x.grad)


class Few(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        return x * k

    @staticmethod
    def backward(ctx, g):
        return (g,)


err("few.count", lambda: Few.apply(x0(), 2.0).sum().backward())


class Scalar(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        return x * k

    @staticmethod
    def backward(ctx, g):
        return g, g


err("scalar.message", lambda: Scalar.apply(x0(), 2.0).sum().backward())


class Mixed(torch.autograd.Function):
    @staticmethod
    def forward(ctx, k, x, z):
        put("mixed.needs_input_grad", list(ctx.needs_input_grad))
        return x * k * z

    @staticmethod
    def backward(ctx, g):
        return None, g * 2, g


x = x0()
y = Mixed.apply(2.0, x, torch.ones(3))
put("mixed.graph", graph(y.grad_fn))
y.sum().backward()
put("mixed.grad", x.grad)


class Sq(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * x * 2


x = x0()
y = Sq.apply(x)
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
put("sq.g", g)
put("sq.g_graph", graph(g.grad_fn))
gg, = torch.autograd.grad((g * g).sum(), x)
put("sq.gg", gg)

with open(OUT, "w") as f:
    f.write("# PyTorch %s custom Function goldens, generated by tools/goldens/gen_function.py; do not edit.\n"
            % torch.__version__)
    f.write("\n".join(lines) + "\n")
print("wrote %d lines to %s" % (len(lines), os.path.normpath(OUT)))
