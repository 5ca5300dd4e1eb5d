"""Goldens for ForwardADTest: make_dual / unpack_dual, tangents through ops, in-place ops, levels and errors,
as PyTorch 1.13.1 prints them. Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_forward_ad.py
Writes core/src/test/resources/goldens/forward_ad.txt: blocks "## name" followed by the printed text."""
import os
import torch
import torch.autograd.forward_ad as fwAD

torch.set_printoptions(precision=4)
out = []


def case(name, f):
    try:
        text = f()
    except Exception as e:  # the message is the golden
        text = "ERROR " + type(e).__name__ + ": " + str(e)
    out.append("## " + name + "\n" + str(text) + "\n")


D = torch.float64
x = torch.tensor([0.5, -1.25, 2.0], dtype=D)
v = torch.tensor([1.0, 0.5, -2.0], dtype=D)
m = torch.tensor([[1.0, 2.0], [3.0, -1.0]], dtype=D)
mv = torch.tensor([[0.5, -1.0], [2.0, 0.25]], dtype=D)


def in_level(f):
    def g():
        with fwAD.dual_level():
            return f()
    return g


case("unpack_plain", in_level(lambda: fwAD.unpack_dual(x)))
case("unpack_dual", in_level(lambda: fwAD.unpack_dual(fwAD.make_dual(x, v))))
case("level_index", lambda: (lambda l: (l.__enter__(), l.__exit__(None, None, None))[0])(fwAD.dual_level()))
case("sin", in_level(lambda: fwAD.unpack_dual(fwAD.make_dual(x, v).sin())))
case("mul_self", in_level(lambda: fwAD.unpack_dual((lambda d: d * d * 3.0)(fwAD.make_dual(x, v)))))
case("exp_sum", in_level(lambda: fwAD.unpack_dual(fwAD.make_dual(x, v).exp().sum())))
case("mm", in_level(lambda: fwAD.unpack_dual(fwAD.make_dual(m, mv) @ m)))
case("mm_both", in_level(lambda: fwAD.unpack_dual((lambda d: d @ d)(fwAD.make_dual(m, mv)))))
case("softmax", in_level(lambda: fwAD.unpack_dual(torch.softmax(fwAD.make_dual(m, mv), 1))))
case("log_softmax", in_level(lambda: fwAD.unpack_dual(torch.log_softmax(fwAD.make_dual(m, mv), 0))))
case("max_dim", in_level(lambda: fwAD.unpack_dual(fwAD.make_dual(m, mv).max(1)[0])))
case("max_all", in_level(lambda: fwAD.unpack_dual(fwAD.make_dual(m, mv).max())))
case("norm", in_level(lambda: fwAD.unpack_dual(fwAD.make_dual(x, v).norm())))
case("std", in_level(lambda: fwAD.unpack_dual(fwAD.make_dual(x, v).std())))
case("prod", in_level(lambda: fwAD.unpack_dual(fwAD.make_dual(x, v).prod())))
case("cumprod", in_level(lambda: fwAD.unpack_dual(fwAD.make_dual(x, v).cumprod(0))))
case("cumprod_zero", in_level(lambda: fwAD.unpack_dual(fwAD.make_dual(torch.tensor([2.0, 0.0, 3.0], dtype=D), v).cumprod(0))))
case("transpose_view", in_level(lambda: fwAD.unpack_dual(fwAD.make_dual(m, mv).t()[0])))
case("where", in_level(lambda: fwAD.unpack_dual(torch.where(x > 0, fwAD.make_dual(x, v), x * 2))))
case("clamp", in_level(lambda: fwAD.unpack_dual(fwAD.make_dual(x, v).clamp(-1.0, 1.0))))
case("float32", in_level(lambda: fwAD.unpack_dual(fwAD.make_dual(x.float(), v.float()).tanh())))
case("print_dual", in_level(lambda: str(fwAD.make_dual(x, v))))
case("print_dual_matrix_grad", in_level(lambda: str(fwAD.make_dual(m.clone().requires_grad_(), mv).exp())))
case("no_tangent_input", in_level(lambda: fwAD.unpack_dual(x.sin())))


def inplace_mul():
    with fwAD.dual_level():
        w = x.clone()
        d = fwAD.make_dual(torch.ones(3, dtype=D), v)
        w.mul_(d)
        return fwAD.unpack_dual(w)


case("inplace_mul", inplace_mul)


def inplace_view():
    with fwAD.dual_level():
        base = torch.zeros(2, 3, dtype=D)
        base[0].copy_(fwAD.make_dual(x, v))
        return fwAD.unpack_dual(base)


case("inplace_copy_view", inplace_view)


def inplace_on_dual():
    with fwAD.dual_level():
        p = x.clone()
        # PyTorch writes an in-place op's tangent into the tangent it was given (here a clone, not v itself)
        d = fwAD.make_dual(p, v.clone())
        d.mul_(2.0)
        return "%s %s" % (fwAD.unpack_dual(d), fwAD.unpack_dual(p))


def inplace_view_add():
    with fwAD.dual_level():
        y = torch.zeros(2, 3, dtype=D)
        r = y[1]
        r.add_(fwAD.make_dual(x, v))
        return "%s %s %s" % (fwAD.unpack_dual(y), fwAD.unpack_dual(r), fwAD.unpack_dual(y[0]))


case("inplace_on_dual", inplace_on_dual)
case("inplace_view_add", inplace_view_add)


def after_exit():
    with fwAD.dual_level():
        d = fwAD.make_dual(x, v)
    return fwAD.unpack_dual(d)


case("after_exit", after_exit)


def tangent_layout():
    with fwAD.dual_level():
        tt = mv.t()
        d = fwAD.make_dual(m.clone(), tt)
        t = fwAD.unpack_dual(d).tangent
        return "%s %s %s" % (t is tt, list(t.stride()), t)


case("tangent_layout", tangent_layout)


def nested():
    with fwAD.dual_level():
        with fwAD.dual_level():
            pass


case("nested", nested)
case("no_level", lambda: fwAD.make_dual(x, v))
case("wrong_shape", in_level(lambda: fwAD.make_dual(x, torch.ones(2, dtype=D))))
case("int_primal", in_level(lambda: fwAD.make_dual(torch.tensor([1, 2]), torch.ones(2, dtype=D))))
case("int_tangent", in_level(lambda: fwAD.make_dual(x, torch.tensor([1, 2, 3]))))
case("dual_of_dual", in_level(lambda: fwAD.make_dual(fwAD.make_dual(x, v), v)))
case("no_formula_multi_margin_loss", in_level(lambda: torch.nn.functional.multi_margin_loss(
    fwAD.make_dual(torch.tensor([[0.5, 1.0]], dtype=D), torch.ones(1, 2, dtype=D)), torch.tensor([0]))))
case("asinh_inplace", in_level(lambda: fwAD.make_dual(x.clone(), v).asinh_()))


def with_grad():
    xr = x.clone().requires_grad_()
    with fwAD.dual_level():
        d = fwAD.make_dual(xr, v)
        y = (d * d).sum()
        p, t = fwAD.unpack_dual(y)
        return "%s %s %s %s" % (d.grad_fn.name(), y.grad_fn.name(), p, torch.autograd.grad(t, xr)[0])


case("forward_over_reverse", with_grad)

path = os.path.join(os.path.dirname(__file__), "../../core/src/test/resources/goldens/forward_ad.txt")
with open(path, "w") as f:
    f.write("".join(out))
