"""Goldens for ForwardADOpsTest: forward-mode AD through the sorting, subscript, rearrange and scatter ops, their
in-place forms, the named backward ops (forward-over-reverse) and custom Functions' jvp, as PyTorch 1.13.1 prints
them. Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_forward_ad_ops.py
Writes core/src/test/resources/goldens/forward_ad_ops.txt: blocks "## name" followed by the printed text."""
import os
import torch
import torch.nn.functional as F
import torch.autograd.forward_ad as fwAD

torch.set_printoptions(precision=4)
out = []
D = torch.float64


def case(name, f):
    try:
        with fwAD.dual_level():
            text = f()
    except Exception as e:  # the message is the golden
        text = "ERROR " + type(e).__name__ + ": " + str(e)
    out.append("## " + name + "\n" + str(text) + "\n")


A = torch.tensor([[0.5, -1.25, 2.0], [1.5, 0.25, -0.75]], dtype=D)
TA = torch.tensor([[1.0, 0.5, -2.0], [0.25, -1.0, 3.0]], dtype=D)
B = torch.tensor([[0.75, 1.0, -0.5], [-2.0, 0.125, 1.25]], dtype=D)
TB = torch.tensor([[-0.5, 2.0, 1.5], [0.5, 0.75, -1.25]], dtype=D)
IDX = torch.tensor([[2, 0, 2], [1, 1, 0]])


# PyTorch writes an in-place op's tangent into the tangent it was given: every dual gets tangents of its own
def da():
    return fwAD.make_dual(A, TA.clone())


def db():
    return fwAD.make_dual(B, TB.clone())


def u(t):
    return fwAD.unpack_dual(t)


def tangents(ts):
    return " ".join(str(u(t).tangent) for t in ts)


case("split", lambda: tangents(da().split(2, 1)))
case("split_sizes", lambda: tangents(da().split([1, 2], 1)))
case("chunk", lambda: tangents(da().chunk(2, 0)))
case("unbind", lambda: tangents(da().unbind(1)))
case("sort", lambda: u(da().sort(1)[0]))
case("topk", lambda: u(da().topk(2, 1)[0]))
case("kthvalue", lambda: u(da().kthvalue(2, 1)[0]))
case("median_all", lambda: u(da().median()))
case("median_dim", lambda: u(da().median(0)[0]))
case("median_nan", lambda: u(fwAD.make_dual(torch.tensor([1.0, float("nan"), 3.0], dtype=D), TA[0]).median()))
case("nanmedian_nan", lambda: u(fwAD.make_dual(torch.tensor([1.0, float("nan"), 3.0], dtype=D), TA[0]).nanmedian()))
case("mode", lambda: u(fwAD.make_dual(torch.tensor([[1.0, 2.0, 1.0], [3.0, 3.0, 0.5]], dtype=D), TA).mode(1)[0]))
case("cummax", lambda: u(da().cummax(1)[0]))
case("cummin", lambda: u(da().cummin(0)[0]))
case("index", lambda: u(da()[torch.tensor([1, 0, 1])]))
case("index_mask", lambda: u(da()[A > 0]))
case("masked_select", lambda: u(da().masked_select(A > 0)))
case("take", lambda: u(da().take(torch.tensor([5, 0, 3]))))
case("flip", lambda: u(da().flip(1)))
case("roll", lambda: u(da().roll(1)))
case("repeat", lambda: u(da().repeat(1, 2)))
case("tril", lambda: u(da().tril()))
case("diagonal", lambda: u(da().diagonal(1)))
case("diag", lambda: u(da()[0].diag()))
case("trace", lambda: u(da().trace()))
case("cross", lambda: u(torch.linalg.cross(da(), db())))
case("kron", lambda: u(torch.kron(da(), db())))
case("scatter", lambda: u(da().scatter(1, IDX, db())))
case("scatter_value", lambda: u(da().scatter(1, IDX, 1.5)))
case("scatter_reduce_sum", lambda: u(da().scatter_reduce(1, IDX, db(), "sum")))
case("scatter_reduce_mean", lambda: u(da().scatter_reduce(1, IDX, db(), "mean", include_self=False)))
case("scatter_reduce_amax", lambda: u(da().scatter_reduce(1, IDX, db(), "amax")))
case("scatter_reduce_amin_noself", lambda: u(da().scatter_reduce(1, IDX, db(), "amin", include_self=False)))
case("scatter_reduce_prod", lambda: u(da().scatter_reduce(1, IDX, db(), "prod")))
case("index_copy", lambda: u(da().index_copy(1, torch.tensor([2, 0]), db()[:, :2])))
case("index_fill", lambda: u(da().index_fill(1, torch.tensor([1]), -1.0)))
case("index_fill_tensor", lambda: u(da().index_fill(1, torch.tensor([1]), fwAD.make_dual(torch.tensor(2.0, dtype=D),
                                                                                        torch.tensor(-3.0, dtype=D)))))
case("index_add_alpha", lambda: u(da().index_add(1, torch.tensor([2, 0]), db()[:, :2], alpha=2.0)))


def inplace(f):
    def g():
        w = A.clone()
        f(w)
        return u(w)
    return g


case("scatter_inplace", inplace(lambda w: w.scatter_(1, IDX, db())))
case("scatter_add_inplace", inplace(lambda w: w.scatter_add_(1, IDX, db())))
case("scatter_reduce_inplace", inplace(lambda w: w.scatter_reduce_(1, IDX, db(), "amax", include_self=True)))
case("scatter_reduce_prod_inplace", inplace(lambda w: w.scatter_reduce_(1, IDX, db(), "prod")))


def prod_into_dual():
    w = fwAD.make_dual(A.clone(), TA.clone())
    try:
        w.scatter_reduce_(1, IDX, B, "prod")
    except RuntimeError as e:
        return "%s %s" % (e, u(w))


case("scatter_reduce_prod_into_dual", prod_into_dual)
case("index_add_inplace", inplace(lambda w: w.index_add_(1, torch.tensor([2, 0]), db()[:, :2], alpha=2.0)))
case("index_copy_inplace", inplace(lambda w: w.index_copy_(1, torch.tensor([2, 0]), db()[:, :2])))
case("index_fill_inplace_dual", lambda: u(fwAD.make_dual(A.clone(), TA.clone()).index_fill_(1, torch.tensor([0]), 4.0)))
case("index_put_inplace", inplace(lambda w: w.index_put_((torch.tensor([1, 0]),), db())))
case("index_put_accumulate", inplace(lambda w: w.index_put_((torch.tensor([1, 1]),), db(), accumulate=True)))
case("masked_scatter_inplace", inplace(lambda w: w.masked_scatter_(A > 0, db())))
case("tril_inplace", lambda: u(fwAD.make_dual(A.clone(), TA.clone()).tril_()))


def setitem_row(w):
    w[0] = fwAD.make_dual(B[1], TB[1])


def setitem_scalar(w):
    w[1] = fwAD.make_dual(torch.tensor(2.0, dtype=D), torch.tensor(-3.0, dtype=D))


case("setitem_row", inplace(setitem_row))
case("setitem_scalar", inplace(setitem_scalar))


def grad_tangent(f):
    # forward over reverse: the tangent of the gradient, through the named backward op
    def g():
        xr = A.clone().requires_grad_()
        d = fwAD.make_dual(xr, TA.clone())
        y = (f(d) * B).sum()
        gx = torch.autograd.grad(y, xr, create_graph=True)[0]
        t = u(gx).tangent
        return None if t is None else t.detach()  # the values (the node it records is not compared)
    return g


case("fwd_over_rev_sigmoid", grad_tangent(torch.sigmoid))
case("fwd_over_rev_relu", grad_tangent(torch.relu))
case("fwd_over_rev_leaky_relu", grad_tangent(lambda t: F.leaky_relu(t, 0.1)))
case("fwd_over_rev_hardtanh", grad_tangent(F.hardtanh))
case("fwd_over_rev_softplus", grad_tangent(F.softplus))
case("fwd_over_rev_elu", grad_tangent(F.elu))
case("fwd_over_rev_softmax", grad_tangent(lambda t: torch.softmax(t, 1)))
case("fwd_over_rev_log_softmax", grad_tangent(lambda t: torch.log_softmax(t, 1)))


class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x * x

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * 3 * x * x


class CubeJvp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.x = x
        return x * x * x

    @staticmethod
    def backward(ctx, g):
        return g * 3 * ctx.x * ctx.x

    @staticmethod
    def jvp(ctx, t):
        return t * 3 * ctx.x * ctx.x


class ScaleShift(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k, y):
        ctx.k = k
        return x * k, x + y

    @staticmethod
    def backward(ctx, a, b):
        return a * ctx.k + b, None, b

    @staticmethod
    def jvp(ctx, tx, tk, ty):
        return tx * ctx.k, tx + ty


class WrongCount(CubeJvp):
    @staticmethod
    def jvp(ctx, t):
        return t, t


case("unique", lambda: torch.unique(da()))
case("unique_consecutive_dim", lambda: torch.unique_consecutive(da(), dim=1))
case("unique_dim", lambda: torch.unique(da(), dim=0))


case("function_no_jvp", lambda: u(Cube.apply(da())))
case("function_jvp", lambda: u(CubeJvp.apply(da())))
case("function_jvp_two", lambda: tangents(ScaleShift.apply(da(), 3.0, B)))
case("function_jvp_count", lambda: u(WrongCount.apply(da())))
case("function_plain_input", lambda: u(Cube.apply(A)))

path = os.path.join(os.path.dirname(__file__), "../../core/src/test/resources/goldens/forward_ad_ops.txt")
with open(path, "w") as f:
    f.write("".join(out))
