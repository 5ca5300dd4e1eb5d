#!/usr/bin/env python3
"""Generate goldens for hooks, grad modes, saved-tensor hooks, checkpoint and anomaly mode from real PyTorch (1.13.1).

Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_hooks.py
Writes core/src/test/resources/goldens/hooks.txt, read by HooksTest, GradApiTest, InferenceModeTest, SavedHooksTest,
AnomalyTest (org.autograd4j.engine) and CheckpointTest (org.autograd4j.autograd).

File format as engine.txt: one case per line, `<key><TAB><value>`, `\\` written as `\\\\`, newline as `\\n`.
Event logs are `;`-separated entries `label` or `label:v1,v2` (the gradient a hook saw, values printed by
Python's repr of floats; every value here is a small integer, so Java's Double.toString prints the same).
The comment above each case is the expression the Java test rebuilds by hand; keep keys stable.
"""
import os
import warnings

import torch
from torch.utils.checkpoint import checkpoint

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "core", "src", "test", "resources", "goldens")
table = {}


def esc(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n")


def put(key, value):
    assert key not in table, key
    table[key] = value if isinstance(value, str) else repr(value)


def err(key, fn):
    try:
        fn()
    except RuntimeError as e:
        put(key, str(e))
        return
    raise AssertionError("no error for " + key)


def vals(t):
    return "None" if t is None else ",".join(repr(float(v)) for v in t.detach().reshape(-1).tolist())


def ev(log, label, g=None):
    log.append(label if g is None else label + ":" + vals(g))


def leaf(*v):
    return torch.tensor(list(v), requires_grad=True)


# ------------------------------------------------------------------ hook order, on x=[1,2] leaf; y=x*3; (y**2).sum().backward()
def base():
    x = leaf(1., 2.)
    return x, x * 3


def finish(key, x, y, log):
    (y ** 2).sum().backward()
    put(key + ".log", ";".join(log))
    put(key + ".ygrad", vals(y.grad) if y.retains_grad else "None")
    put(key + ".xgrad", vals(x.grad))


# order.tensor_then_retain: y.register_hook(A: log, g*2); y.retain_grad(); y.register_hook(B: log, g*3)
x, y = base(); log = []
y.register_hook(lambda g: (ev(log, "A", g), g * 2)[1]); y.retain_grad(); y.register_hook(lambda g: (ev(log, "B", g), g * 3)[1])
finish("order.tensor_then_retain", x, y, log)

# order.retain_then_tensor: y.retain_grad(); y.register_hook(A: log, g*2)
x, y = base(); log = []
y.retain_grad(); y.register_hook(lambda g: (ev(log, "A", g), g * 2)[1])
finish("order.retain_then_tensor", x, y, log)

# order.all: y.register_hook(A: g*2); y.grad_fn.register_prehook(P: log, keep); y.register_hook(B: g*3);
#            y.grad_fn.register_hook(post: log grad_inputs[0], grad_outputs[0]; keep); x.register_hook(X1: g+1); x.register_hook(X2: log, keep)
x, y = base(); log = []
y.register_hook(lambda g: (ev(log, "A", g), g * 2)[1])
y.grad_fn.register_prehook(lambda go: (ev(log, "P", go[0]), None)[1])
y.register_hook(lambda g: (ev(log, "B", g), g * 3)[1])
y.grad_fn.register_hook(lambda gi, go: (ev(log, "post.in", gi[0]), ev(log, "post.out", go[0]), None)[2])
x.register_hook(lambda g: (ev(log, "X1", g), g + 1)[1])
x.register_hook(lambda g: (ev(log, "X2", g), None)[1])
finish("order.all", x, y, log)

# order.prehook_first: y.grad_fn.register_prehook(P: log, returns [go*10]); y.register_hook(A: log, g*2)
x, y = base(); log = []
y.grad_fn.register_prehook(lambda go: (ev(log, "P", go[0]), (go[0] * 10,))[1])
y.register_hook(lambda g: (ev(log, "A", g), g * 2)[1])
finish("order.prehook_first", x, y, log)

# order.posthook_replaces: y.grad_fn.register_hook(post: log, returns (gi[0]+1, None)); x.register_hook(X: log)
x, y = base(); log = []
y.grad_fn.register_hook(lambda gi, go: (ev(log, "post", gi[0]), (gi[0] + 1, gi[1]))[1])
x.register_hook(lambda g: (ev(log, "X", g), None)[1])
finish("order.posthook_replaces", x, y, log)

# order.removed: h=y.register_hook(A: g*2); y.register_hook(B: g*3); h.remove(); hx=x.register_hook(X: log); hx.remove()
x, y = base(); log = []
h = y.register_hook(lambda g: (ev(log, "A", g), g * 2)[1])
y.register_hook(lambda g: (ev(log, "B", g), g * 3)[1])
h.remove()
hx = x.register_hook(lambda g: (ev(log, "X", g), None)[1])
hx.remove()
finish("order.removed", x, y, log)
put("order.removed.retains", "%s %s" % (y.retains_grad, x.retains_grad))

# order.acc: acc = y.grad_fn.next_functions[0][0]; acc.register_hook(post: log gi count, go[0]); acc.register_prehook(pre: log go[0]);
#            x.register_hook(X: log, g*2)
x, y = base(); log = []
acc = y.grad_fn.next_functions[0][0]
acc.register_hook(lambda gi, go: (ev(log, "post%d" % len(gi), go[0]), None)[1])
acc.register_prehook(lambda go: (ev(log, "pre", go[0]), None)[1])
x.register_hook(lambda g: (ev(log, "X", g), g * 2)[1])
finish("order.acc", x, y, log)

# order.leaf_first: x.register_hook(X: log, g*2) first, then acc.register_prehook(pre: log, returns [go+1]): the node's
#   pre-hooks run before a leaf's tensor hooks whatever the registration order (these run inside AccumulateGrad)
x, y = base(); log = []
x.register_hook(lambda g: (ev(log, "X", g), g * 2)[1])
y.grad_fn.next_functions[0][0].register_prehook(lambda go: (ev(log, "pre", go[0]), (go[0] + 1,))[1])
finish("order.leaf_first", x, y, log)

# order.nonleaf_summed: y=x*3; y.register_hook(Y: log, g*2); (y*y + y).sum().backward(): y's hook sees the summed gradient
x, y = base(); log = []
y.register_hook(lambda g: (ev(log, "Y", g), g * 2)[1])
(y * y + y).sum().backward()
put("order.nonleaf_summed", ";".join(log) + " " + vals(x.grad))

# order.inplace_after_hook: y.register_hook(A: log, g*2); y.add_(1); y.register_hook(B: log): both stay on the old node
x, y = base(); log = []
y.register_hook(lambda g: (ev(log, "A", g), g * 2)[1]); y.add_(1); y.register_hook(lambda g: (ev(log, "B", g), None)[1])
finish("order.inplace_after_hook", x, y, log)

# order.inplace_before_hook: y.add_(1); y.register_hook(B: log, g*2): on the in-place op's node
x, y = base(); log = []
y.add_(1); y.register_hook(lambda g: (ev(log, "B", g), g * 2)[1])
finish("order.inplace_before_hook", x, y, log)

# order.leaf_summed: x=[1,2] leaf; x.register_hook(X1: log, g*10); x.register_hook(X2: log); (x*2 + x*3).sum().backward()
x = leaf(1., 2.); log = []
x.register_hook(lambda g: (ev(log, "X1", g), g * 10)[1])
x.register_hook(lambda g: (ev(log, "X2", g), None)[1])
(x * 2 + x * 3).sum().backward()
put("order.leaf_summed.log", ";".join(log))
put("order.leaf_summed.xgrad", vals(x.grad))

# order.two_backwards: y.retain_grad(); (y**2).sum().backward(retain_graph=True) twice: y.grad, x.grad
x, y = base()
y.retain_grad()
z = (y ** 2).sum()
z.backward(retain_graph=True)
z.backward()
put("order.two_backwards", vals(y.grad) + " " + vals(x.grad))

# hooks.create_graph: x=[1,2] leaf; y=x*x; y.register_hook(g*2); y.retain_grad(); y.sum().backward(create_graph=True);
#                     x.grad repr, y.grad repr; then x.grad.sum().backward(): x.grad
x = leaf(1., 2.)
y = x * x
y.register_hook(lambda g: g * 2)
y.retain_grad()
y.sum().backward(create_graph=True)
put("hooks.create_graph.xgrad", repr(x.grad))
put("hooks.create_graph.ygrad", repr(y.grad))
x.grad.sum().backward()
put("hooks.create_graph.after", repr(x.grad))

# ------------------------------------------------------------------ the grad API
# inputs.leaf: x=[1,2], w=[3,4] leaves; (x*w).sum().backward(inputs=[x]): x.grad, w.grad
x = leaf(1., 2.); w = leaf(3., 4.)
(x * w).sum().backward(inputs=[x])
put("inputs.leaf", vals(x.grad) + " " + vals(w.grad))

# inputs.nonleaf: y=x*3; (y**2).sum().backward(inputs=[y]): y.grad, x.grad, y.retains_grad
x, y = base()
(y ** 2).sum().backward(inputs=[y])
put("inputs.nonleaf", vals(y.grad) + " " + vals(x.grad) + " " + str(y.retains_grad))

# inputs.both: y=x*3; w=[3,4]; z=(y*w).sum(); torch.autograd.backward([z], inputs=[y, w]): y.grad, w.grad, x.grad
x, y = base(); w = leaf(3., 4.)
torch.autograd.backward([(y * w).sum()], inputs=[y, w])
put("inputs.both", vals(y.grad) + " " + vals(w.grad) + " " + vals(x.grad))

# inputs.unused: x leaf, u=[5.] leaf unused: (x*2).sum().backward(inputs=[u]): no error, u.grad, x.grad
x = leaf(1., 2.); u = leaf(5.)
(x * 2).sum().backward(inputs=[u])
put("inputs.unused", vals(u.grad) + " " + vals(x.grad))

# grad.nonleaf_input_hooks: y=x*3; hooks on x (log) and y (log, g*10); grad((y*y).sum(), [y]) then grad((y*y).sum(), [x])
x, y = base(); log = []
x.register_hook(lambda g: (ev(log, "X", g), None)[1])
y.register_hook(lambda g: (ev(log, "Y", g), g * 10)[1])
r1 = torch.autograd.grad((y * y).sum(), [y])[0]
put("grad.hooks.y", vals(r1) + " " + ";".join(log))
log.clear()
r2 = torch.autograd.grad((y * y).sum(), [x])[0]
put("grad.hooks.x", vals(r2) + " " + ";".join(log))

# grad.allow_unused: x, u leaves; grad((x*2).sum(), [x, u], allow_unused=True)
x = leaf(1., 2.); u = leaf(5.)
r = torch.autograd.grad((x * 2).sum(), [x, u], allow_unused=True)
put("grad.allow_unused", vals(r[0]) + " " + vals(r[1]))

# grad.dtype: (w*2).backward(float64 ones [3]) and int64: w.grad dtype and values
w = torch.ones(3, requires_grad=True)
(w * 2).backward(torch.ones(3, dtype=torch.float64))
(w * 2).backward(torch.ones(3, dtype=torch.int64))
put("grad.dtype", str(w.grad.dtype) + " " + vals(w.grad))

# errors (RuntimeError texts)
w = torch.ones(3, requires_grad=True)
err("err.unused", lambda: torch.autograd.grad([(w * 2).sum()], [w, torch.ones(2, requires_grad=True)]))
err("err.no_grad_input", lambda: torch.autograd.grad([(w * 2).sum()], [torch.ones(3)]))
err("err.shape", lambda: (w * 2).backward(torch.ones(2)))
err("err.scalar_shape", lambda: (w * 2).sum().backward(torch.ones(3)))
err("err.inputs_empty", lambda: torch.autograd.backward([(w * 2).sum()], inputs=[]))
err("err.inputs_no_grad", lambda: (w * 2).sum().backward(inputs=[torch.ones(3)]))
err("err.hook_no_grad", lambda: torch.ones(2).register_hook(lambda g: g))
err("err.retain_no_grad", lambda: torch.ones(2).retain_grad())


def hook(g):
    return g[:1]


def hook_type(g):
    return g.double()


def hook_count(gi, go):
    return (gi[0],)


y = w * 2; y.register_hook(hook); err("err.hook_size", lambda: y.sum().backward())
y = w * 2; y.register_hook(hook_type); err("err.hook_type", lambda: y.sum().backward())
w.grad = None
w2 = torch.ones(3, requires_grad=True); w2.register_hook(hook); err("err.leaf_hook_size", lambda: (w2 * 2).sum().backward())
y = w * 2; y.grad_fn.register_hook(hook_count); err("err.post_count", lambda: y.sum().backward())
w.grad = None
y = w * 2; y.grad_fn.register_hook(lambda gi, go: (hook(gi[0]), None)); err("err.post_size", lambda: y.sum().backward())
w.grad = None
err("err.setgrad_size", lambda: setattr(w, "grad", torch.ones(2)))
err("err.setgrad_type", lambda: setattr(w, "grad", torch.ones(3, dtype=torch.float64)))
# version: a=w.exp(); a.add_(1); a.sum().backward()
a = w.exp(); a.add_(1); err("err.version", lambda: a.sum().backward())
# grad zero_ and set None: w=[1,1,1]; (w*2).sum().backward(); w.grad.zero_(); (w*3).sum().backward(): w.grad; w.grad=None; (w*4).sum().backward()
w = torch.ones(3, requires_grad=True)
(w * 2).sum().backward(); g = w.grad; w.grad.zero_(); (w * 3).sum().backward()
put("grad.zero", vals(w.grad) + " " + str(g is w.grad))
w.grad = None; (w * 4).sum().backward()
put("grad.set_none", vals(w.grad))

# ------------------------------------------------------------------ grad and inference modes
modes = []
with torch.no_grad():
    modes.append(torch.is_grad_enabled())
    with torch.enable_grad():
        modes.append(torch.is_grad_enabled())
    with torch.inference_mode(False):
        modes.append(torch.is_grad_enabled()); modes.append(torch.is_inference_mode_enabled())
with torch.inference_mode():
    modes.append(torch.is_grad_enabled()); modes.append(torch.is_inference_mode_enabled())
    modes.append(torch.ones(1).is_inference())
    with torch.inference_mode(False):
        modes.append(torch.is_grad_enabled()); modes.append(torch.is_inference_mode_enabled()); modes.append(torch.ones(1).is_inference())
prev = torch.is_grad_enabled(); torch.set_grad_enabled(False); modes.append(torch.is_grad_enabled()); torch.set_grad_enabled(prev)
modes.append(torch.is_grad_enabled()); modes.append(torch.is_inference_mode_enabled())
# modes: the list above, in order
put("modes", " ".join(str(m) for m in modes))

# inference: x leaf; under inference_mode: b=ones(2); c=x*2; d=b.view(2): flags; outside: b+1, b+x
x = leaf(1., 2.)
with torch.inference_mode():
    b = torch.ones(2); c = x * 2; d = b.view(2)
    put("inference.inside", "%s %s %s %s" % (b.is_inference(), c.requires_grad, c.is_inference(), d.is_inference()))
    b.add_(1)  # allowed inside
put("inference.outside", "%s %s %s %s" % (x.is_inference(), (b + 1).is_inference(), (b + x).is_inference(), vals(b)))
err("err.inference_saved", lambda: x * b)
err("err.inference_inplace", lambda: b.add_(1))
err("err.inference_requires_grad", lambda: b.requires_grad_())
err("err.inference_version", lambda: b._version)

# ------------------------------------------------------------------ saved-tensor hooks: counts of pack and unpack calls


def saved_counts(key, f, *leaves, twice=False):
    n = {"pack": 0, "unpack": 0}

    def pack(t):
        n["pack"] += 1
        return t

    def unpack(t):
        n["unpack"] += 1
        return t
    with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
        out = f(*leaves)
    if twice:
        out.backward(retain_graph=True)
    out.backward()
    put(key, "%d %d %s" % (n["pack"], n["unpack"], " ".join(vals(l.grad) for l in leaves)))


# saved.exp: x.exp().sum()     saved.mul: (x*w).sum()     saved.mul_scalar: (x*2).sum()    saved.sin: x.sin().sum()
# saved.sum: x.sum()   saved.mm: x.view(1,2).mm(w.view(2,1)).sum()   saved.exp_twice: x.exp().sum() with retain_graph, backward twice
saved_counts("saved.exp", lambda x: x.exp().sum(), leaf(0., 1.))
saved_counts("saved.mul", lambda x, w: (x * w).sum(), leaf(1., 2.), leaf(3., 4.))
saved_counts("saved.mul_scalar", lambda x: (x * 2).sum(), leaf(1., 2.))
saved_counts("saved.sin", lambda x: x.sin().sum(), leaf(0., 0.))
saved_counts("saved.sum", lambda x: x.sum(), leaf(1., 2.))
saved_counts("saved.mm", lambda x, w: x.view(1, 2).mm(w.view(2, 1)).sum(), leaf(1., 2.), leaf(3., 4.))
saved_counts("saved.exp_twice", lambda x: x.exp().sum(), leaf(0., 0.), twice=True)

# saved.replace: pack = t -> t*0+7 (a different tensor), unpack = identity: y=(x*w).sum() with x=[1,2], w=[3,4]: grads use 7s
x = leaf(1., 2.); w = leaf(3., 4.)
with torch.autograd.graph.saved_tensors_hooks(lambda t: t.detach() * 0 + 7, lambda t: t):
    y = (x * w).sum()
y.backward()
put("saved.replace", vals(x.grad) + " " + vals(w.grad))

# saved.freed: with identity hooks, y=x.exp().sum(); y.backward(); y.backward() fails
x = leaf(0., 1.)
with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):
    y = x.exp().sum()
y.backward()
err("err.saved_freed", lambda: y.backward())

# ------------------------------------------------------------------ checkpoint (use_reentrant=False)
# checkpoint.mlp: x = arange(6).view(2,3)/6 leaf, w1 = arange(12).view(3,4)/12 - 0.5 leaf, w2 = arange(4).view(4,1)/4 leaf;
#   f(x) = ((x.mm(w1)).tanh().mm(w2)).sin(); loss = checkpoint(f, x).sum(); grads of x, w1, w2 (float32 bits)
def mlp(x, w1, w2):
    return x.mm(w1).tanh().mm(w2).sin()


def bits(t):
    import struct
    return ",".join("%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.detach().reshape(-1).tolist())


for mode in ("plain", "checkpoint"):
    x = (torch.arange(6.).view(2, 3) / 6).requires_grad_()
    w1 = (torch.arange(12.).view(3, 4) / 12 - 0.5).requires_grad_()
    w2 = (torch.arange(4.).view(4, 1) / 4).requires_grad_()
    out = mlp(x, w1, w2) if mode == "plain" else checkpoint(lambda a: mlp(a, w1, w2), x, use_reentrant=False)
    out.sum().backward()
    put("checkpoint.mlp." + mode, bits(x.grad) + " " + bits(w1.grad) + " " + bits(w2.grad))

# checkpoint.rng: torch.manual_seed(5); x = ones(4) leaf; y = checkpoint(lambda a: a * torch.rand(4), x); y.sum().backward();
#   x.grad (the forward's random numbers, recomputed from the saved RNG state) and torch.rand(2) after (the RNG moved on once)
torch.manual_seed(5)
x = torch.ones(4, requires_grad=True)
y = checkpoint(lambda a: a * torch.rand(4) * a, x, use_reentrant=False)
fwd = bits(y)
y.sum().backward()
put("checkpoint.rng", fwd + " " + bits(x.grad) + " " + bits(torch.rand(2)))

# ------------------------------------------------------------------ anomaly mode
# anomaly.log: x=tensor([0.]) leaf; with detect_anomaly(): y=(x.log()*0).sum(); y.backward() fails
x = torch.tensor([0.], requires_grad=True)
with torch.autograd.detect_anomaly():
    put("anomaly.enabled", str(torch.is_anomaly_enabled()))
    y = (x.log() * 0).sum()
    err("err.anomaly_log", lambda: y.backward())
put("anomaly.after", str(torch.is_anomaly_enabled()))
# anomaly.sqrt: x=tensor([0., 1.]) leaf; with detect_anomaly(): (x.sqrt()*0).sum().backward() fails
x = torch.tensor([0., 1.], requires_grad=True)
with torch.autograd.detect_anomaly():
    err("err.anomaly_sqrt", lambda: (x.sqrt() * 0).sum().backward())
# anomaly.nocheck: detect_anomaly(check_nan=False): (x.log()*0).sum().backward() passes, x.grad
x = torch.tensor([0.], requires_grad=True)
with torch.autograd.detect_anomaly(check_nan=False):
    (x.log() * 0).sum().backward()
put("anomaly.nocheck", vals(x.grad))

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "hooks.txt"), "w") as f:
    f.write("# Generated by tools/goldens/gen_hooks.py from PyTorch %s. Do not edit.\n" % torch.__version__)
    for k, v in table.items():
        f.write(k + "\t" + esc(v) + "\n")
print("wrote %d cases" % len(table))
