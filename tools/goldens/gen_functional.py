"""Goldens for FunctionalTest: torch.autograd.functional (jacobian, hessian, vjp, jvp, hvp, vhp) over 22 functions,
forms over several inputs and outputs, create_graph and strict, and PyTorch 1.13.1's error messages.
Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_functional.py
Writes core/src/test/resources/goldens/functional.txt, one result tensor a line:
  <function> <api> <index> <requires_grad 0|1> <shape as 2,3> <values as %.17g, space separated>
(the random vectors v as lines "vec <seed> <shape> 0 <shape> <values>")
and error lines:  <case> error <message>"""
import os
import torch
from torch.autograd.functional import jacobian, hessian, vjp, jvp, hvp, vhp

D = torch.float64
X = torch.tensor([0.5, -1.25, 0.75], dtype=D)       # the input of every single-input function
M = torch.tensor([[0.5, -1.0], [0.25, 1.5]], dtype=D)  # of the matrix functions
A = torch.tensor([[1.0, 2.0, -1.0], [0.5, 0.0, 3.0]], dtype=D)

FUNCTIONS = {  # name -> (function, input); the Java test declares the same names
    "exp": (lambda x: x.exp(), X),
    "sin_mul": (lambda x: x.sin() * x, X),
    "pow3": (lambda x: x.pow(3.0), X),
    "tanh_sum": (lambda x: x.tanh().sum(), X),
    "softmax": (lambda x: x.softmax(0), X),
    "log_softmax": (lambda x: x.log_softmax(0), X),
    "sigmoid": (lambda x: x.sigmoid(), X),
    "norm": (lambda x: x.norm(), X),
    "logsumexp": (lambda x: x.logsumexp(0), X),
    "cumprod": (lambda x: x.cumprod(0), X),
    "cumsum_sq": (lambda x: (x * x).cumsum(0), X),
    "prod": (lambda x: x.prod(), X),
    "mm_self": (lambda m: m.mm(m), M),
    "matvec": (lambda x: A.mv(x), X),
    "outer": (lambda x: x.unsqueeze(1) * x.unsqueeze(0), X),
    "std": (lambda x: x.std(), X),
    "var": (lambda x: x.var(), X),
    "max": (lambda x: x.max(), X),
    "where": (lambda x: torch.where(x > 0, x * x, x.neg()), X),
    "sqrt_sq1": (lambda x: (x * x + 1.0).sqrt(), X),
    "atan_t": (lambda m: m.t().atan(), M),
    "linear": (lambda x: x * 2.0 + 1.0, X),
}

lines = []


def emit(fn, api, idx, t):
    shape = ",".join(str(s) for s in t.shape)
    vals = " ".join("%.17g" % v for v in t.detach().reshape(-1).tolist())
    lines.append("%s %s %s %d %s %s" % (fn, api, idx, 1 if t.requires_grad else 0, shape if shape else "-", vals))


VECS = {}


def vec(shape, seed):
    """A random vector, written to the goldens as line "vec <seed> <shape> <values>" so the test reads the same."""
    g = torch.Generator().manual_seed(seed)
    v = torch.randn(shape, generator=g, dtype=D)
    key = (seed, tuple(v.shape))
    if key not in VECS:
        VECS[key] = v
        emit("vec", str(seed), ",".join(str(s) for s in v.shape) or "-", v)
    return v


for name, (f, x) in FUNCTIONS.items():
    out = f(x)
    emit(name, "jacobian", 0, jacobian(f, x))
    o, p = vjp(f, x, vec(out.shape, 1))
    emit(name, "vjp", 0, o)
    emit(name, "vjp", 1, p)
    o, p = jvp(f, x, vec(x.shape, 2))
    emit(name, "jvp", 0, o)
    emit(name, "jvp", 1, p)
    s = f if out.numel() == 1 else (lambda x, f=f: f(x).sum())
    emit(name, "hessian", 0, hessian(s, x))
    o, p = hvp(s, x, vec(x.shape, 3))
    emit(name, "hvp", 0, o)
    emit(name, "hvp", 1, p)
    o, p = vhp(s, x, vec(x.shape, 4))
    emit(name, "vhp", 0, o)
    emit(name, "vhp", 1, p)

# several inputs and outputs
Y = torch.tensor([2.0, -0.5, 1.0], dtype=D)


def two(x, y):
    return x * y, (x.exp() + y).sum()


def scalar2(x, y):
    return (x * x * y).sum() + y.sin().sum()


jac = jacobian(two, (X, Y))
for i in range(2):
    for j in range(2):
        emit("two", "jacobian", "%d,%d" % (i, j), jac[i][j])
hes = hessian(scalar2, (X, Y))
for i in range(2):
    for j in range(2):
        emit("scalar2", "hessian", "%d,%d" % (i, j), hes[i][j])
o, p = vjp(two, (X, Y), (vec((3,), 5), torch.tensor(1.5, dtype=D)))
for i in range(2):
    emit("two", "vjp", "o%d" % i, o[i])
    emit("two", "vjp", "p%d" % i, p[i])
o, p = jvp(two, (X, Y), (vec((3,), 6), vec((3,), 7)))
for i in range(2):
    emit("two", "jvp", "o%d" % i, o[i])
    emit("two", "jvp", "p%d" % i, p[i])
for api, fn in (("hvp", hvp), ("vhp", vhp)):
    o, p = fn(scalar2, (X, Y), (vec((3,), 8), vec((3,), 9)))
    emit("scalar2", api, "o", o)
    for i in range(2):
        emit("scalar2", api, "p%d" % i, p[i])

# create_graph: results keep a graph (requires_grad 1) and differentiate again
xr = X.clone().requires_grad_()
emit("exp_cg", "jacobian", 0, jacobian(lambda x: x.exp(), xr, create_graph=True))
o, p = vjp(lambda x: x.pow(3.0), xr, vec((3,), 1), create_graph=True)
emit("pow3_cg", "vjp", 1, p)
emit("pow3_cg", "vjp_grad", 0, torch.autograd.grad(p.sum(), xr)[0])
o, p = jvp(lambda x: x.pow(3.0), xr, vec((3,), 2), create_graph=True)
emit("pow3_cg", "jvp", 1, p)
emit("pow3_cg", "jvp_grad", 0, torch.autograd.grad(p.sum(), xr)[0])
emit("tanh_sum_cg", "hessian", 0, hessian(lambda x: x.tanh().sum(), xr, create_graph=True))
# strategy="forward-mode" (PyTorch needs vectorize=True for it)
emit("exp_fwd", "jacobian", 0, jacobian(lambda x: x.exp(), X, vectorize=True, strategy="forward-mode"))
emit("mm_self_fwd", "jacobian", 0, jacobian(lambda m: m.mm(m), M, vectorize=True, strategy="forward-mode"))
jac = jacobian(two, (X, Y), vectorize=True, strategy="forward-mode")
for i in range(2):
    for j in range(2):
        emit("two_fwd", "jacobian", "%d,%d" % (i, j), jac[i][j])
hes = hessian(scalar2, (X, Y), vectorize=True, outer_jacobian_strategy="forward-mode")
for i in range(2):
    for j in range(2):
        emit("scalar2_fwd", "hessian", "%d,%d" % (i, j), hes[i][j])
emit("sin_mul_fwd", "hessian", 0, hessian(lambda x: (x.sin() * x).sum(), X, vectorize=True, outer_jacobian_strategy="forward-mode"))
# independent outputs (not strict): zeros
emit("const", "jacobian", 0, jacobian(lambda x: A.sum(0), X))
o, p = vjp(lambda x: A.sum(0), X, vec((3,), 1))
emit("const", "vjp", 1, p)
o, p = jvp(lambda x: A.sum(0), X, vec((3,), 2))
emit("const", "jvp", 1, p)


def err(case, f):
    try:
        f()
        lines.append("%s error NONE" % case)
    except Exception as e:
        lines.append("%s error %s" % (case, str(e).replace("\n", "\\n")))


err("strict_vjp", lambda: vjp(lambda x: A.sum(0) + 0 * X, X, vec((3,), 1), strict=True))
err("strict_vjp_indep", lambda: vjp(lambda x, y: x * 2.0, (X, Y), vec((3,), 1), strict=True))
err("strict_jacobian", lambda: jacobian(lambda x, y: x * 2.0, (X, Y), strict=True))
err("strict_jvp", lambda: jvp(lambda x: A.sum(0), X, vec((3,), 1), strict=True))
err("strict_hessian_linear", lambda: hessian(lambda x: (x * 2.0).sum(), X, strict=True))
err("strict_vhp_linear", lambda: vhp(lambda x: (x * 2.0).sum(), X, vec((3,), 1), strict=True))
err("strict_hvp_linear", lambda: hvp(lambda x: (x * 2.0).sum(), X, vec((3,), 1), strict=True))
err("strict_vectorize", lambda: jacobian(lambda x: x.exp(), X, strict=True, vectorize=True))
err("strategy_unknown", lambda: jacobian(lambda x: x.exp(), X, strategy="sideways"))
err("strategy_fwd_create_graph", lambda: jacobian(lambda x: x.exp(), X, create_graph=True, strategy="forward-mode"))
err("strategy_fwd_strict", lambda: jacobian(lambda x: x.exp(), X, strict=True, strategy="forward-mode"))
err("strategy_fwd_no_vectorize", lambda: jacobian(lambda x: x.exp(), X, strategy="forward-mode"))
err("v_size", lambda: vjp(lambda x: x.exp(), X, torch.ones(2, dtype=D)))
err("v_none", lambda: vjp(lambda x: x.exp(), X))
err("jvp_v_none", lambda: jvp(lambda x: x.exp(), X))
err("v_tuple_len", lambda: jvp(two, (X, Y), (vec((3,), 1),)))
err("v_tuple_size", lambda: jvp(two, (X, Y), (vec((3,), 1), torch.ones(2, dtype=D))))
err("hessian_not_scalar", lambda: hessian(lambda x: x.exp(), X))
err("hvp_not_scalar", lambda: hvp(lambda x: x.exp(), X, vec((3,), 1)))

path = os.path.join(os.path.dirname(__file__), "../../core/src/test/resources/goldens/functional.txt")
with open(path, "w") as fh:
    fh.write("# torch.autograd.functional goldens, written by tools/goldens/gen_functional.py (PyTorch %s)\n" % torch.__version__)
    fh.write("\n".join(lines) + "\n")
