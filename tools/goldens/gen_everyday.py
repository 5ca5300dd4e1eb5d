#!/usr/bin/env python3
"""Goldens for the everyday API (Torch.str/print, Size, tolist, data, T/mT, isclose/allclose/equal, new_*,
linalg norms, conversions) and for PyTorch 1.13.1's error messages, from real PyTorch.

Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_everyday.py
Writes core/src/test/resources/goldens/everyday.txt: one case a line, `<key>\t<text>`, where text is
Python's str() of the case's value (or `ERR: <message>` when PyTorch raises), with newlines written as \\n
and object addresses as 0x?. EverydayGoldenTest builds the same value in Java and prints it with Torch.str.
"""
import math
import os
import random
import re
import struct

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "core", "src", "test", "resources", "goldens", "everyday.txt")
lines = []


def put(key, f):
    try:
        v = f()
        text = str(v)
    except Exception as e:  # noqa: BLE001 -- the message is the golden
        text = "ERR: " + str(e)
    text = re.sub(r"0x[0-9a-f]+", "0x?", text).replace("\\", "\\\\").replace("\n", "\\n")
    assert "\t" not in text, key
    lines.append(key + "\t" + text)


def seq(*fs):
    """Several values printed as print(a, b, ...) prints them."""
    return " ".join(str(x) for x in fs)


f32 = lambda v: torch.tensor(v, dtype=torch.float32).item()  # noqa: E731

# ---- Python's str of plain values (print lines)
for k, v in [("f.tenth", 0.1), ("f.third", 1 / 3), ("f.big", 12345678.0), ("f.1e16", 1e16), ("f.1e15", 1e15),
             ("f.1e-5", 1e-5), ("f.f32_1e-5", f32(1e-5)), ("f.1e22", 1e22), ("f.1.5e-7", 1.5e-7), ("f.negzero", -0.0),
             ("f.zero", 0.0), ("f.inf", math.inf), ("f.ninf", -math.inf), ("f.nan", math.nan),
             ("f.huge", 123456789012345678.0), ("f.1e-4", 0.0001), ("f.small", 0.00001234), ("f.2.5", 2.5),
             ("f.100", 100.0), ("f.min", 5e-324), ("f.max", 1.7976931348623157e308), ("f.f32_tenth", f32(0.1)),
             ("f.f32_pi", f32(3.14159)), ("f.neg", -2.75e-12), ("f.9999", 9999999999999998.0), ("f.1e17", 1.2345e17),
             ("f.1e23", 1e23), ("f.2e-5", 2e-5), ("f.n9e300", -9e300),
             ("i.zero", 0), ("i.neg", -7), ("i.max", 2 ** 63 - 1), ("b.true", True), ("b.false", False), ("none", None),
             ("s.plain", "abc"), ("s.list", ["a", "it's", 'q"x', "tab\t", "both'\""]), ("l.mixed", [1, 2.0, None]),
             ("l.nested", [[1, 2], [3]]), ("l.empty", []), ("l.bools", [True, False]), ("t.one", (1,)), ("t.empty", ()),
             ("t.two", (1, 2.5)), ("d.dict", {"a": 1, "b": [0.5]})]:
    put("str." + k, lambda v=v: v)
put("str.args", lambda: seq("loss", 0.5, 3, True, None))
# random doubles (any bits) and float32 values widened, named by their bits: repr digit for digit
rng = random.Random(2024)
for _ in range(300):
    bits = rng.getrandbits(64)
    v = struct.unpack("<d", struct.pack("<Q", bits))[0]
    if v == v:
        put("fbits.%016x" % bits, lambda v=v: v)
for _ in range(200):
    v = struct.unpack("<f", struct.pack("<I", rng.getrandbits(32)))[0]
    if v == v:
        put("fbits.%016x" % struct.unpack("<Q", struct.pack("<d", v))[0], lambda v=v: v)
for e in range(-30, 30):
    v = rng.randint(1, 9) * 10.0 ** e
    put("fbits.%016x" % struct.unpack("<Q", struct.pack("<d", v))[0], lambda v=v: v)

# ---- tensors, sizes, dtypes, nodes, tuples
x = torch.tensor([[1., 2, 3], [4, 5, 6]], requires_grad=True)
put("print.tensor", lambda: x)
put("print.labelled", lambda: seq("x:", x))
put("print.size", lambda: x.size())
put("print.size0", lambda: torch.tensor(2.).size())
put("print.size_list", lambda: [x.size(), x.shape])
put("print.size_eq_tuple", lambda: x.size() == (2, 3))
put("print.size_numel", lambda: x.size().numel())
put("print.size_index", lambda: seq(x.size()[0], x.size()[-1], len(x.size())))
put("print.dtype", lambda: seq(x.dtype, torch.int64, [torch.float32, torch.bool]))
y = (x * x).sum()
put("print.grad_tuple", lambda: torch.autograd.grad(y, [x], retain_graph=True))
a = torch.tensor(2., requires_grad=True)
put("print.grad_tuple_graph", lambda: torch.autograd.grad(a ** 3, [a], create_graph=True))
put("print.grad_tuple_two", lambda: torch.autograd.grad(a * x.sum(), [a, x]))
put("print.next_functions", lambda: (x * 2 + a).grad_fn.next_functions)
put("print.next_functions_none", lambda: (x * torch.ones(3)).grad_fn.next_functions)
put("print.grad_fn", lambda: (x * 2).grad_fn)
put("print.max_dim", lambda: x.max(1))
put("print.list_of_tensors", lambda: [torch.tensor(1.), torch.tensor([2, 3])])
put("print.item", lambda: torch.tensor(0.1).item())
put("print.item_int", lambda: torch.tensor(7).item())
put("print.tolist", lambda: x.tolist())
put("print.tolist_f32", lambda: torch.tensor([0.1, 1e-5]).tolist())
put("print.tolist_int", lambda: torch.tensor([[1, 2], [3, 4]]).tolist())
put("print.tolist_bool", lambda: torch.tensor([True, False]).tolist())
put("print.tolist_0d", lambda: torch.tensor(2.5).tolist())
put("print.tolist_empty", lambda: torch.ones(2, 0).tolist())
put("print.detach_grad_none", lambda: seq(x.detach().grad, x.grad_fn, x.is_leaf))
put("print.node_name_acc", lambda: (x * 2).grad_fn.next_functions[0][0].name())
put("print.node_name_mul", lambda: (x * 2).grad_fn.name())


def copyslices():
    b = x.clone()
    b[0] = 3
    return seq(b.grad_fn.name(), type(b.grad_fn).__name__, b.grad_fn)


put("print.node_name_copyslices", copyslices)


def copybackwards():
    c = torch.zeros(2)
    c.copy_(a.expand(2))
    return seq(c.grad_fn.name(), c.grad_fn)


put("print.node_name_copybackwards", copybackwards)

# ---- properties and conversions
z = torch.arange(24.).reshape(2, 3, 4)
put("prop.ndim", lambda: seq(z.ndim, z.dim(), z.numel(), torch.tensor(1.).ndim))
put("prop.element_size", lambda: seq(z.element_size(), torch.tensor([1]).element_size(),
                                     torch.tensor([True]).element_size(), z.double().element_size()))
put("prop.T2", lambda: x.T)
put("prop.T3", lambda: seq(z.T.shape, z.T.stride(), z.T.is_contiguous()))
put("prop.T1", lambda: torch.tensor([1., 2], requires_grad=True).T)
put("prop.T0", lambda: torch.tensor(1., requires_grad=True).T)
put("prop.mT", lambda: seq(z.mT.shape, z.mT.stride()))
put("prop.mT2", lambda: x.mT)
put("prop.mT1", lambda: torch.ones(3).mT)
put("prop.mT0", lambda: torch.tensor(1., requires_grad=True).mT)


def data_versions():
    w = torch.ones(3, requires_grad=True)
    d, dt = w.data, w.detach()
    r = [w._version, d._version, dt._version]
    with torch.no_grad():
        w.add_(1)
    r += [w._version, d._version, dt._version]
    d.mul_(2)
    r += [w._version, d._version, dt._version]
    return seq(r, d.requires_grad, d.is_leaf, d.grad_fn, d._base, w)


put("prop.data_versions", data_versions)


def data_write_no_error():
    w = torch.ones(2, requires_grad=True)
    y = w * w
    w.data.mul_(3)  # invisible to the version check
    y.sum().backward()
    return w.grad


put("prop.data_write_unchecked", data_write_no_error)


def detach_write_error():
    w = torch.ones(2, requires_grad=True)
    y = w * w
    w.detach().mul_(3)
    y.sum().backward()
    return w.grad


put("prop.detach_write_checked", detach_write_error)
put("conv.float", lambda: torch.tensor([1, 2]).float())
put("conv.double", lambda: torch.tensor([1, 2]).double())
put("conv.long", lambda: torch.tensor([1.7, -1.7]).long())
put("conv.bool", lambda: torch.tensor([0., 2]).bool())
put("conv.type_as", lambda: torch.tensor([1.5, 2]).type_as(torch.tensor([1])))
put("conv.float_grad", lambda: x.double())
put("new.zeros", lambda: torch.tensor([1]).new_zeros((2, 3)))
put("new.ones", lambda: x.new_ones((2,)))
put("new.full", lambda: torch.tensor([1]).new_full((2,), 2.5))
put("new.full_f", lambda: x.new_full((1, 2), 2.5))
put("new.tensor", lambda: x.new_tensor([1, 2]))
put("new.tensor_int", lambda: torch.tensor([1]).new_tensor([1.5, 2]))
put("new.empty", lambda: seq(x.new_empty((2, 0)).shape, torch.empty(2, 3).shape, torch.empty(2, dtype=torch.int64).dtype,
                             torch.empty_like(x).shape, torch.empty_like(x).requires_grad))
put("lit.int", lambda: seq(torch.tensor([1, 2, 3]), torch.tensor([1, 2, 3]).dtype))
put("lit.float", lambda: seq(torch.tensor([1.0, 2, 3]), torch.tensor([1.0, 2, 3]).dtype))
put("lit.int0", lambda: seq(torch.tensor(2), torch.tensor(2).dtype))
put("lit.float0", lambda: seq(torch.tensor(2.0), torch.tensor(2.0).dtype))

# ---- checks
nan = float("nan")
put("check.isclose", lambda: torch.isclose(torch.tensor([1., 1.00001, 1.001, nan, math.inf]),
                                           torch.tensor([1., 1., 1., nan, math.inf])))
put("check.isclose_nan", lambda: torch.isclose(torch.tensor([1., nan]), torch.tensor([1., nan]), equal_nan=True))
put("check.isclose_tol", lambda: torch.isclose(torch.tensor([1., 2.]), torch.tensor([1.1, 2.5]), rtol=0.1, atol=0.))
put("check.isclose_int", lambda: torch.isclose(torch.tensor([1, 2, 100000]), torch.tensor([1, 3, 100001])))
put("check.isclose_bcast", lambda: torch.isclose(torch.ones(2, 3), torch.tensor([1., 1.0000001, 2.])))
put("check.isclose_dtype", lambda: torch.isclose(torch.ones(2), torch.ones(2, dtype=torch.float64)))
put("check.isclose_rtol", lambda: torch.isclose(torch.ones(2), torch.ones(2), rtol=-1))
put("check.isclose_atol", lambda: torch.isclose(torch.ones(2), torch.ones(2), atol=-0.5))
put("check.allclose", lambda: seq(torch.allclose(torch.ones(2), torch.ones(2) + 1e-9),
                                  torch.allclose(torch.ones(2), torch.tensor([1., 1.1])),
                                  torch.allclose(torch.tensor([nan]), torch.tensor([nan])),
                                  torch.allclose(torch.tensor([nan]), torch.tensor([nan]), equal_nan=True),
                                  torch.allclose(torch.tensor([1., 2.]), torch.tensor([1.05, 2.]), 0.1, 0.)))
put("check.allclose_size", lambda: torch.allclose(torch.ones(2), torch.ones(3)))
put("check.methods", lambda: seq(torch.tensor([1., 2]).isclose(torch.tensor([1., 2.1])),
                                 torch.tensor([1., 2]).allclose(torch.tensor([1., 2])),
                                 torch.tensor([1., 2]).equal(torch.tensor([1., 2.5]))))
put("check.equal", lambda: seq(torch.equal(torch.ones(2), torch.ones(2)), torch.equal(torch.ones(2), torch.ones(3)),
                               torch.equal(torch.ones(2), torch.ones(1)), torch.equal(torch.tensor([nan]), torch.tensor([nan])),
                               torch.equal(torch.ones(2), torch.ones(2, dtype=torch.int64)),
                               torch.equal(torch.tensor([1., 2.]), torch.tensor([1., 2.5]))))
put("check.all_any", lambda: seq(torch.tensor([1., 0.]).all(), torch.tensor([1., 0.]).any(),
                                 torch.tensor([[True, False], [True, True]]).all(1),
                                 torch.tensor([[True, False], [False, False]]).any(0, keepdim=True)))

# ---- norms
m = torch.tensor([[1., -2, 3], [-4, 5, -6.5]], requires_grad=True)
LA = torch.linalg


def with_grad(f):
    def run():
        out = f()
        g, = torch.autograd.grad(out.sum(), [m])
        return seq(out, g)
    return run


put("norm.fro", with_grad(lambda: m.norm("fro")))
put("norm.fro_dims", with_grad(lambda: m.norm("fro", dim=(0, 1))))
put("norm.fro_dim", with_grad(lambda: m.norm("fro", dim=(1,), keepdim=True)))
put("norm.inf", with_grad(lambda: m.norm(float("inf"))))
put("norm.ninf_dim", with_grad(lambda: m.norm(float("-inf"), dim=1)))
put("norm.p3", with_grad(lambda: m.norm(3)))
put("norm.nuc_bad", lambda: m.norm("abc"))
put("vnorm.default", with_grad(lambda: LA.vector_norm(m)))
put("vnorm.1", with_grad(lambda: LA.vector_norm(m, 1)))
put("vnorm.inf", with_grad(lambda: LA.vector_norm(m, float("inf"))))
put("vnorm.ninf", with_grad(lambda: LA.vector_norm(m, float("-inf"))))
put("vnorm.0", lambda: LA.vector_norm(m, 0))
put("vnorm.half_dim", with_grad(lambda: LA.vector_norm(m, 0.5, dim=(1,))))
put("vnorm.dim_keep", with_grad(lambda: LA.vector_norm(m, 2, dim=(0,), keepdim=True)))
put("vnorm.dims", with_grad(lambda: LA.vector_norm(m, 3, dim=(-1, 0))))
put("vnorm.int", lambda: LA.vector_norm(torch.tensor([1, 2])))
put("vnorm.empty_inf", lambda: LA.vector_norm(torch.ones(0, 3), float("inf")))
put("vnorm.empty_neg", lambda: LA.vector_norm(torch.ones(0, 3), -1.5))
put("vnorm.empty_dim", lambda: LA.vector_norm(torch.ones(0, 3), float("inf"), dim=(0,)))
put("vnorm.empty_ok", lambda: seq(LA.vector_norm(torch.ones(0, 3), float("inf"), dim=(1,)), LA.vector_norm(torch.ones(0, 3), 0.5)))
put("vnorm.dup", lambda: LA.vector_norm(m, 2, dim=(0, 0)))
put("vnorm.range", lambda: LA.vector_norm(m, 2, dim=(5,)))
put("mnorm.fro", with_grad(lambda: LA.matrix_norm(m)))
put("mnorm.1", with_grad(lambda: LA.matrix_norm(m, 1)))
put("mnorm.n1", with_grad(lambda: LA.matrix_norm(m, -1)))
put("mnorm.inf", with_grad(lambda: LA.matrix_norm(m, float("inf"))))
put("mnorm.ninf_keep", with_grad(lambda: LA.matrix_norm(m, float("-inf"), keepdim=True)))
put("mnorm.1_dims", with_grad(lambda: LA.matrix_norm(m, 1, dim=(1, 0))))
b3 = torch.arange(24.).reshape(2, 3, 4) - 11
put("mnorm.batch", lambda: seq(LA.matrix_norm(b3, 1), LA.matrix_norm(b3, float("inf"), dim=(0, 2)),
                               LA.matrix_norm(b3, "fro", dim=(2, 0), keepdim=True)))
put("mnorm.order", lambda: LA.matrix_norm(m, 3.5))
put("mnorm.order_str", lambda: LA.matrix_norm(m, "abc"))
put("mnorm.vector", lambda: LA.matrix_norm(torch.ones(3)))
put("mnorm.int", lambda: LA.matrix_norm(torch.tensor([[1, 2]])))
put("mnorm.dim3", lambda: LA.matrix_norm(b3, dim=(0, 1, 2)))
put("mnorm.same", lambda: LA.matrix_norm(m, dim=(0, -2)))
put("mnorm.empty", lambda: LA.matrix_norm(torch.ones(2, 0), 1))

# ---- messages PyTorch 1.13.1 raises for things this library does (each triggered for real)
put("msg.item", lambda: torch.ones(2).item())
put("msg.item_empty", lambda: torch.ones(0).item())
put("msg.mv_size", lambda: torch.mv(torch.ones(2, 3), torch.ones(2)))
put("msg.mv_dims", lambda: torch.mv(torch.ones(2), torch.ones(2)))
put("msg.mm", lambda: torch.mm(torch.ones(2, 3), torch.ones(2, 3)))
put("msg.view", lambda: torch.ones(2, 3).view(4))
put("msg.view_neg", lambda: torch.ones(2, 3).view(-1, -1))
put("msg.reshape", lambda: torch.ones(2, 3).reshape(4, 2))
put("msg.broadcast", lambda: torch.ones(2) + torch.ones(3))
put("msg.dim_range", lambda: torch.ones(2, 3).sum(2))
put("msg.dim_range0", lambda: torch.tensor(1.).sum(1))
put("msg.backward_nograd", lambda: torch.ones(2).sum().backward())
put("msg.backward_nonscalar", lambda: (x * 2).backward())
put("msg.requires_grad_int", lambda: torch.tensor([1]).requires_grad_())
put("msg.leaf_inplace", lambda: torch.ones(2, requires_grad=True).add_(1))
put("msg.twice", lambda: [(lambda q: (q.backward(), q.backward()))((a * a))])
put("msg.select", lambda: torch.ones(2, 3).select(0, 5))
put("msg.narrow", lambda: torch.ones(2, 3).narrow(1, 2, 2))
put("msg.transpose", lambda: torch.ones(2, 3).transpose(0, 2))
put("msg.permute", lambda: torch.ones(2, 3).permute(0))
put("msg.expand", lambda: torch.ones(2, 3).expand(3, 3))
put("msg.cat", lambda: torch.cat([torch.ones(2, 3), torch.ones(2, 4)]))
put("msg.stack", lambda: torch.stack([torch.ones(2), torch.ones(3)]))
put("msg.squeeze", lambda: torch.ones(2, 3).squeeze(3))
put("msg.unsqueeze", lambda: torch.ones(2, 3).unsqueeze(4))
put("msg.arange_step", lambda: torch.arange(0, 5, 0))
put("msg.arange_sign", lambda: torch.arange(5, 0, 1))
put("msg.linspace", lambda: torch.linspace(0, 1, -1))
put("msg.mean_int", lambda: torch.tensor([1, 2]).mean())
put("msg.grad_size", lambda: setattr(torch.ones(2, requires_grad=True), "grad", torch.ones(3)))
put("msg.matmul_1d", lambda: torch.matmul(torch.ones(2), torch.ones(3)))
put("msg.dot", lambda: torch.dot(torch.ones(2), torch.ones(3)))
put("msg.bmm", lambda: torch.bmm(torch.ones(2, 2, 3), torch.ones(2, 2, 3)))
put("msg.mT1", lambda: torch.ones(3).mT)
put("msg.t3", lambda: torch.ones(2, 3, 4).t())
put("msg.flatten", lambda: torch.ones(2, 3, 4).flatten(2, 1))
put("msg.view_stride", lambda: torch.ones(2, 3).t().view(6))
put("msg.view_bad", lambda: torch.ones(2, 3).view(-2, 3))
put("msg.permute_dup", lambda: torch.ones(2, 3).permute(0, 0))
put("msg.expand_lead", lambda: torch.ones(3).expand(-1, 3))
put("msg.expand_fewer", lambda: torch.ones(2, 3).expand(3))
put("msg.expand_fewer_long", lambda: torch.tensor([[1, 2]]).expand(2))
put("msg.narrow_neg", lambda: torch.ones(3).narrow(0, -5, 1))
put("msg.narrow_end", lambda: seq(torch.ones(3).narrow(0, 3, 0), torch.ones(3).narrow(0, -3, 1)))
put("msg.gather_float", lambda: torch.ones(2, 3).gather(1, torch.tensor([[1.], [0]])))
put("msg.gather_neg", lambda: torch.ones(2, 3).gather(0, torch.tensor([[-3], [0]])))
put("msg.select0", lambda: torch.tensor(1.).select(0, 0))
put("msg.narrow0", lambda: torch.tensor(1.).narrow(0, 0, 1))
put("msg.narrow_start", lambda: torch.ones(3).narrow(0, 5, 1))
put("msg.where_cond", lambda: torch.where(torch.ones(2), torch.ones(2), torch.zeros(2)))
put("msg.cat0", lambda: torch.cat([torch.tensor(1.), torch.tensor(2.)]))
put("msg.cat_dims", lambda: torch.cat([torch.ones(2, 3), torch.ones(3)]))
put("msg.stack_empty", lambda: torch.stack([]))
put("msg.index_select", lambda: torch.ones(3).index_select(0, torch.tensor([5])))
put("msg.index_select_float", lambda: torch.ones(3).index_select(0, torch.tensor([1.])))
put("msg.gather_dims", lambda: torch.ones(2, 3).gather(1, torch.tensor([0])))
put("msg.gather_range", lambda: torch.ones(2, 3).gather(1, torch.tensor([[5], [0]])))
put("msg.mm_dtype", lambda: torch.mm(torch.ones(2, 2), torch.ones(2, 2, dtype=torch.float64)))
put("msg.mm_dim", lambda: torch.mm(torch.ones(2), torch.ones(2, 2)))
put("msg.matmul_0d", lambda: torch.matmul(torch.tensor(1.), torch.ones(2)))
put("msg.bmm_dim", lambda: torch.bmm(torch.ones(2, 2), torch.ones(2, 2, 2)))
put("msg.dot_2d", lambda: torch.dot(torch.ones(2, 2), torch.ones(2)))
put("msg.addmm", lambda: torch.addmm(torch.ones(2, 2), torch.ones(2, 3), torch.ones(2, 2)))
put("msg.pow_neg_int", lambda: torch.tensor([2]).pow(-1))
put("msg.argmax_empty", lambda: torch.ones(0).argmax())
put("msg.amax_empty", lambda: torch.ones(0).amax(0))
put("msg.logsumexp_int_dim", lambda: torch.ones(2, 3).logsumexp(5))
put("msg.softmax_dim", lambda: torch.ones(2, 3).softmax(3))
put("msg.cumsum_dim", lambda: torch.ones(2, 3).cumsum(-3))
put("msg.bernoulli_p", lambda: torch.ones(2).bernoulli_(1.5))
put("msg.normal_std", lambda: torch.ones(2).normal_(0, -1))
put("msg.uniform_range", lambda: torch.ones(2).uniform_(1, 0))
put("msg.exponential", lambda: torch.ones(2).exponential_(-1))
put("msg.geometric", lambda: torch.ones(2).geometric_(1.5))
put("msg.log_normal", lambda: torch.ones(2).log_normal_(0, -1))
put("msg.random_range", lambda: torch.ones(2).random_(5, 2))
put("msg.multinomial_n", lambda: torch.multinomial(torch.ones(3), 0))
put("msg.multinomial_many", lambda: torch.multinomial(torch.ones(3), 5))
put("msg.multinomial_neg", lambda: torch.multinomial(torch.tensor([1., -1.]), 1))
put("msg.randperm", lambda: torch.randperm(-1))
put("msg.threads", lambda: torch.set_num_threads(0))
put("msg.full_neg", lambda: torch.zeros(2, -1))
put("msg.grad_dtype", lambda: setattr(torch.ones(2, requires_grad=True), "grad", torch.ones(2, dtype=torch.float64)))
put("msg.requires_grad_nonleaf", lambda: (x * 2).requires_grad_(False))
put("msg.clamp", lambda: torch.clamp(torch.ones(2)))
put("msg.result_type", lambda: torch.ones(2, dtype=torch.int64).add_(1.5))
put("msg.inplace_shape", lambda: torch.ones(3).add_(torch.ones(2, 3)))



# ---- UserWarnings: the message text (PyTorch's C++ location, "(Triggered internally at ...)", is dropped)
def warning_text(f):
    import warnings
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        f()
    return re.sub(r" \(Triggered internally at .*\)$", "", str(w[0].message))


put("warn.nonleaf_grad", lambda: warning_text(lambda: (x * 2).grad))


def fresh_T_warning():
    # TORCH_WARN_ONCE: only a fresh process shows it again
    import subprocess
    import sys
    code = ("import re, warnings, torch\nwith warnings.catch_warnings(record=True) as w:\n"
            "    warnings.simplefilter('always')\n    torch.ones(3).T\n"
            "print(re.sub(r' \\(Triggered internally at .*\\)$', '', str(w[0].message)))")
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()


put("warn.T_not_2d", fresh_T_warning)

with open(OUT, "w") as f:
    f.write("# written by tools/goldens/gen_everyday.py from PyTorch " + torch.__version__ + "\n")
    f.write("\n".join(lines) + "\n")
print("wrote", len(lines), "cases to", os.path.normpath(OUT))
