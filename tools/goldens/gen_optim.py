#!/usr/bin/env python3
"""Goldens for org.autograd4j.optim (OptimTest) from PyTorch 1.13.1 CPU, single-tensor (foreach=False) path.

Writes core/src/test/resources/goldens/optim.txt. A fixed small problem (float32):
  loss = ((tanh(x @ W1 + b) @ W2 - y) ** 2).mean()
'problem' lines give x, y and the start values of W1, b, W2 as float32 hex bits. Each 'case' line is
  case <TAB> spec <TAB> steps
spec: k=v pairs joined by ';' (opt.* optimizer options, g1.* options of a second parameter group holding W2
when present, s.* scheduler options); steps: 50 entries joined by ' ', each the float32 hex bits of W1, b, W2
(flattened, ',' separated) after that step, then '|' and the float64 hex bits of every group's lr after it
(get_last_lr() when a scheduler runs, else param_groups[i]['lr']). A spec with dtype=f64 runs the problem
in float64 (inputs and start values converted) and writes the parameters as float64 hex bits; autograd4j's
add(alpha)/addcmul/addcdiv are PyTorch's kernels, so OptimTest compares these bit for bit too, but for a case whose
float64 gradients (PyTorch's mm through OpenBLAS) depend on the machine the golden was made on.
'error' lines: id <TAB> the exception type and message PyTorch raises for that misuse (OptimTest maps the id
to the same call). 'layout' lines: optimizer <TAB> state_dict() after two steps with foreach=False, as
'state' index:key=dtype[shape]|... and each group's keys and 'params' (the options autograd4j does not have,
foreach/differentiable/capturable/fused, left out).
One step: zero_grad(), loss.backward(), opt.step(), then sched.step() (ReduceLROnPlateau: step(metric) with
metric_k = 1 / (1 + min(k, 10)) for step k = 1..50, a plateau after ten steps).
Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_optim.py
"""
import os
import struct

import torch
from torch.optim import SGD, Adam, AdamW, RMSprop, Adagrad
from torch.optim import lr_scheduler as L

OUT = os.path.join(os.path.dirname(__file__), "../../core/src/test/resources/goldens/optim.txt")
STEPS = 50


def h32(v):
    return "%08x" % struct.unpack("<I", struct.pack("<f", v))[0]


def h64(v):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", v))[0]


def tensor_hex64(t):
    return ",".join(h64(v) for v in t.detach().reshape(-1).tolist())


def tensor_hex(t):
    return ",".join(h32(v) for v in t.detach().reshape(-1).tolist())


g = torch.Generator().manual_seed(11)
X = torch.randn(4, 2, generator=g)
Y = torch.randn(4, 1, generator=g)
W1 = torch.randn(2, 3, generator=g) * 0.5
B = torch.randn(3, generator=g) * 0.1
W2 = torch.randn(3, 1, generator=g) * 0.5

OPTS = {"sgd": SGD, "adam": Adam, "adamw": AdamW, "rmsprop": RMSprop, "adagrad": Adagrad}


def parse(v):
    if v in ("True", "False"):
        return v == "True"
    if "/" in v:
        return [parse(p) for p in v.split("/")]
    try:
        return int(v)
    except ValueError:
        pass
    try:
        return float(v)
    except ValueError:
        return v


def run(spec):
    kv = dict(p.split("=", 1) for p in spec.split(";"))
    opt_name = kv.pop("opt")
    o = {k[4:]: parse(v) for k, v in kv.items() if k.startswith("opt.")}
    g1 = {k[3:]: parse(v) for k, v in kv.items() if k.startswith("g1.")}
    s = {k[2:]: parse(v) for k, v in kv.items() if k.startswith("s.")}
    sched_name = kv.get("sched")
    if "beta1" in o:
        o["betas"] = (o.pop("beta1"), o.pop("beta2"))
    f64 = kv.pop("dtype", None) == "f64"
    conv = (lambda t: t.double()) if f64 else (lambda t: t)
    x, y = conv(X), conv(Y)
    w1, b, w2 = (conv(t).clone().requires_grad_() for t in (W1, B, W2))
    lr = o.pop("lr")
    if "groups" in kv:
        opt = OPTS[opt_name]([{"params": [w1, b]}, dict(params=[w2], **g1)], lr=lr, foreach=False, **o)
    else:
        opt = OPTS[opt_name]([w1, b, w2], lr=lr, foreach=False, **o)
    sched = None
    if sched_name == "step":
        sched = L.StepLR(opt, s["step_size"], gamma=s["gamma"])
    elif sched_name == "multistep":
        sched = L.MultiStepLR(opt, s["milestones"], gamma=s["gamma"])
    elif sched_name == "exp":
        sched = L.ExponentialLR(opt, s["gamma"])
    elif sched_name == "cos":
        sched = L.CosineAnnealingLR(opt, s["T_max"], eta_min=s.get("eta_min", 0))
    elif sched_name == "linear":
        sched = L.LinearLR(opt, start_factor=s["start_factor"], end_factor=s["end_factor"], total_iters=s["total_iters"])
    elif sched_name == "onecycle":
        sched = L.OneCycleLR(opt, s["max_lr"], total_steps=s["total_steps"], pct_start=s["pct_start"],
                             anneal_strategy=s["anneal"], three_phase=s["three_phase"],
                             cycle_momentum=s["cycle_momentum"])
    elif sched_name == "plateau":
        sched = L.ReduceLROnPlateau(opt, mode=s["mode"], factor=s["factor"], patience=s["patience"],
                                    threshold=s["threshold"], threshold_mode=s["threshold_mode"],
                                    cooldown=s["cooldown"], min_lr=s["min_lr"])
    out = []
    for k in range(1, STEPS + 1):
        opt.zero_grad()
        loss = (torch.tanh(x.mm(w1) + b).mm(w2) - y).pow(2).mean()
        loss.backward()
        opt.step()
        if sched_name == "plateau":
            sched.step(1.0 / (1 + min(k, 10)))
        elif sched is not None:
            sched.step()
        lrs = sched.get_last_lr() if sched is not None and sched_name != "plateau" else [gr["lr"] for gr in opt.param_groups]
        out.append(",".join((tensor_hex64 if f64 else tensor_hex)(t) for t in (w1, b, w2)) + "|" + ",".join(h64(v) for v in lrs))
    return " ".join(out)


SPECS = [
    "opt=sgd;opt.lr=0.1",
    "opt=sgd;opt.lr=0.1;opt.momentum=0.9",
    "opt=sgd;opt.lr=0.05;opt.momentum=0.9;opt.dampening=0.1",
    "opt=sgd;opt.lr=0.05;opt.momentum=0.9;opt.nesterov=True",
    "opt=sgd;opt.lr=0.05;opt.momentum=0.8;opt.weight_decay=0.01;opt.nesterov=True",
    "opt=sgd;opt.lr=0.05;opt.momentum=0.5;opt.dampening=0.5;opt.weight_decay=0.1",
    "opt=sgd;opt.lr=0.01;opt.maximize=True",
    "opt=sgd;opt.lr=0.01;opt.momentum=0.9;opt.maximize=True;opt.weight_decay=0.05",
    "opt=adam;opt.lr=0.01",
    "opt=adam;opt.lr=0.02;opt.amsgrad=True",
    "opt=adam;opt.lr=0.01;opt.beta1=0.8;opt.beta2=0.99;opt.eps=1e-6;opt.weight_decay=0.1",
    "opt=adam;opt.lr=0.01;opt.amsgrad=True;opt.maximize=True;opt.weight_decay=0.01",
    "opt=adamw;opt.lr=0.01",
    "opt=adamw;opt.lr=0.01;opt.weight_decay=0.1;opt.amsgrad=True",
    "opt=adamw;opt.lr=0.003;opt.beta1=0.5;opt.beta2=0.9;opt.maximize=True",
    "opt=rmsprop;opt.lr=0.01",
    "opt=rmsprop;opt.lr=0.01;opt.alpha=0.9;opt.centered=True",
    "opt=rmsprop;opt.lr=0.005;opt.momentum=0.9",
    "opt=rmsprop;opt.lr=0.005;opt.momentum=0.5;opt.centered=True;opt.weight_decay=0.1;opt.eps=1e-4",
    "opt=rmsprop;opt.lr=0.005;opt.maximize=True",
    "opt=adagrad;opt.lr=0.1",
    "opt=adagrad;opt.lr=0.1;opt.lr_decay=0.01;opt.weight_decay=0.1",
    "opt=adagrad;opt.lr=0.1;opt.initial_accumulator_value=0.5;opt.eps=1e-5;opt.maximize=True",
    "opt=sgd;opt.lr=0.1;opt.momentum=0.9;groups=2;g1.lr=0.01;g1.momentum=0.5;g1.nesterov=True",
    "opt=adam;opt.lr=0.01;groups=2;g1.lr=0.05;g1.amsgrad=True;g1.weight_decay=0.1",
    "opt=rmsprop;opt.lr=0.01;groups=2;g1.centered=True;g1.momentum=0.3",
    "opt=sgd;dtype=f64;opt.lr=0.05;opt.momentum=0.9;opt.nesterov=True;opt.weight_decay=0.01",
    "opt=adam;dtype=f64;opt.lr=0.01;opt.amsgrad=True;opt.weight_decay=0.1",
    "opt=adamw;dtype=f64;opt.lr=0.01",
    "opt=rmsprop;dtype=f64;opt.lr=0.005;opt.momentum=0.5;opt.centered=True",
    "opt=adagrad;dtype=f64;opt.lr=0.1;opt.lr_decay=0.01",
    "opt=sgd;opt.lr=0.1;opt.momentum=0.9;sched=step;s.step_size=7;s.gamma=0.5",
    "opt=sgd;opt.lr=0.1;opt.momentum=0.9;sched=multistep;s.milestones=5/12/12/30;s.gamma=0.3",
    "opt=sgd;opt.lr=0.1;opt.momentum=0.9;sched=exp;s.gamma=0.95",
    "opt=sgd;opt.lr=0.1;opt.momentum=0.9;sched=cos;s.T_max=10",
    "opt=adam;opt.lr=0.01;sched=cos;s.T_max=7;s.eta_min=0.001",
    "opt=sgd;opt.lr=0.1;opt.momentum=0.9;sched=linear;s.start_factor=0.25;s.end_factor=1.0;s.total_iters=8",
    "opt=sgd;opt.lr=0.1;sched=linear;s.start_factor=1.0;s.end_factor=0.1;s.total_iters=30",
    "opt=sgd;opt.lr=0.1;opt.momentum=0.9;sched=onecycle;s.max_lr=0.2;s.total_steps=50;s.pct_start=0.3;s.anneal=cos;s.three_phase=False;s.cycle_momentum=True",
    "opt=adam;opt.lr=0.01;sched=onecycle;s.max_lr=0.05;s.total_steps=60;s.pct_start=0.25;s.anneal=linear;s.three_phase=True;s.cycle_momentum=True",
    "opt=sgd;opt.lr=0.1;sched=onecycle;s.max_lr=0.3;s.total_steps=50;s.pct_start=0.4;s.anneal=cos;s.three_phase=False;s.cycle_momentum=False",
    "opt=sgd;opt.lr=0.1;opt.momentum=0.9;groups=2;g1.lr=0.02;sched=cos;s.T_max=12;s.eta_min=0.0",
    "opt=sgd;opt.lr=0.1;sched=plateau;s.mode=min;s.factor=0.5;s.patience=3;s.threshold=0.0001;s.threshold_mode=rel;s.cooldown=2;s.min_lr=0.01",
    "opt=adam;opt.lr=0.01;groups=2;g1.lr=0.1;sched=plateau;s.mode=max;s.factor=0.1;s.patience=0;s.threshold=0.01;s.threshold_mode=abs;s.cooldown=0;s.min_lr=0.0",
]

def err(fn):
    try:
        fn()
    except Exception as e:
        return "%s %s" % (type(e).__name__, e)
    return "no error"


def P():
    return [t.clone().requires_grad_() for t in (W1, B, W2)]


def loaded(opt_fn, sd_fn):
    o = opt_fn()
    return lambda: o.load_state_dict(sd_fn())


ERRORS = [
    ("sgd_lr", lambda: SGD(P(), lr=-0.1)),
    ("sgd_momentum", lambda: SGD(P(), lr=0.1, momentum=-0.5)),
    ("sgd_weight_decay", lambda: SGD(P(), lr=0.1, weight_decay=-1e-5)),
    ("sgd_nesterov", lambda: SGD(P(), lr=0.1, momentum=0.9, dampening=0.1, nesterov=True)),
    ("sgd_nesterov_no_momentum", lambda: SGD(P(), lr=0.1, nesterov=True)),
    ("sgd_empty", lambda: SGD([], lr=0.1)),
    ("sgd_non_leaf", lambda: SGD([W1.clone().requires_grad_() * 2], lr=0.1)),
    ("sgd_duplicate", lambda: (lambda p: SGD([{"params": [p]}, {"params": [p]}], lr=0.1))(W1.clone().requires_grad_())),
    ("adam_lr", lambda: Adam(P(), lr=-0.001)),
    ("adam_beta0", lambda: Adam(P(), lr=0.1, betas=(1.0, 0.9))),
    ("adam_beta1", lambda: Adam(P(), lr=0.1, betas=(0.9, -0.5))),
    ("adam_eps", lambda: Adam(P(), lr=0.1, eps=-1e-8)),
    ("adam_weight_decay", lambda: Adam(P(), lr=0.1, weight_decay=-0.25)),
    ("rmsprop_alpha", lambda: RMSprop(P(), lr=0.1, alpha=-0.5)),
    ("adagrad_lr_decay", lambda: Adagrad(P(), lr=0.1, lr_decay=-1.0)),
    ("adagrad_initial", lambda: Adagrad(P(), lr=0.1, initial_accumulator_value=-2.0)),
    ("load_groups", loaded(lambda: SGD(P(), lr=0.1), lambda: SGD([{"params": P()[:2]}, {"params": P()[2:]}], lr=0.1).state_dict())),
    ("load_sizes", loaded(lambda: SGD(P(), lr=0.1), lambda: SGD(P()[:2], lr=0.1).state_dict())),
    ("linear_start", lambda: L.LinearLR(SGD(P(), lr=0.1), start_factor=1.5)),
    ("linear_end", lambda: L.LinearLR(SGD(P(), lr=0.1), end_factor=-0.5)),
    ("plateau_factor", lambda: L.ReduceLROnPlateau(SGD(P(), lr=0.1), factor=1.0)),
    ("plateau_mode", lambda: L.ReduceLROnPlateau(SGD(P(), lr=0.1), mode="best")),
    ("plateau_threshold_mode", lambda: L.ReduceLROnPlateau(SGD(P(), lr=0.1), threshold_mode="relative")),
    ("onecycle_total", lambda: L.OneCycleLR(SGD(P(), lr=0.1, momentum=0.9), 0.1, total_steps=0)),
    ("onecycle_pct", lambda: L.OneCycleLR(SGD(P(), lr=0.1, momentum=0.9), 0.1, total_steps=10, pct_start=1.5)),
    ("onecycle_anneal", lambda: L.OneCycleLR(SGD(P(), lr=0.1, momentum=0.9), 0.1, total_steps=10, anneal_strategy="exp")),
    ("onecycle_momentum", lambda: L.OneCycleLR(Adagrad(P(), lr=0.1), 0.1, total_steps=10)),
    ("onecycle_past_end", lambda: [s.step() for s in [L.OneCycleLR(SGD(P(), lr=0.1, momentum=0.9), 0.1, total_steps=3)] for _ in range(4)]),
]

LAYOUT_OPTS = [
    ("sgd", lambda p: SGD(p, lr=0.1, foreach=False)),
    ("sgd_momentum", lambda p: SGD(p, lr=0.1, momentum=0.9, foreach=False)),
    ("adam", lambda p: Adam(p, lr=0.01, foreach=False)),
    ("adam_amsgrad", lambda p: Adam(p, lr=0.01, amsgrad=True, foreach=False)),
    ("adamw", lambda p: AdamW(p, lr=0.01, foreach=False)),
    ("rmsprop", lambda p: RMSprop(p, lr=0.01, foreach=False)),
    ("rmsprop_centered_momentum", lambda p: RMSprop(p, lr=0.01, centered=True, momentum=0.5, foreach=False)),
    ("adagrad", lambda p: Adagrad(p, lr=0.01, foreach=False)),
]
SKIP = {"foreach", "differentiable", "capturable", "fused"}


def value_desc(v):
    if isinstance(v, torch.Tensor):
        return "%s%s" % (str(v.dtype).replace("torch.", ""), list(v.shape))
    if v is None:
        return "None"
    return type(v).__name__ + ":" + repr(v)


def layout(make):
    p = P()
    o = make(p)
    for _ in range(2):
        o.zero_grad()
        (torch.tanh(X.mm(p[0]) + p[1]).mm(p[2]) - Y).pow(2).mean().backward()
        o.step()
    sd = o.state_dict()
    st = ";".join("%d:%s" % (i, ",".join("%s=%s" % (k, value_desc(v)) for k, v in s.items())) for i, s in sd["state"].items())
    gr = ";".join(",".join("%s=%s" % (k, value_desc(v) if k != "params" else v) for k, v in g.items() if k not in SKIP)
                  for g in sd["param_groups"])
    return st + "\t" + gr


with open(OUT, "w") as f:
    f.write("# generated by tools/goldens/gen_optim.py from PyTorch %s\n" % torch.__version__)
    for name, t in (("x", X), ("y", Y), ("W1", W1), ("b", B), ("W2", W2)):
        f.write("problem\t%s\t%s\t%s\n" % (name, ",".join(str(d) for d in t.shape), tensor_hex(t)))
    for spec in SPECS:
        f.write("case\t%s\t%s\n" % (spec, run(spec)))
    for name, fn in ERRORS:
        f.write("error\t%s\t%s\n" % (name, err(fn)))
    for name, make in LAYOUT_OPTS:
        f.write("layout\t%s\t%s\n" % (name, layout(make)))
