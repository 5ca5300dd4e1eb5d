#!/usr/bin/env python3
"""Goldens for org.autograd4j.optim (OptimTest) from PyTorch 1.13.1 CPU, single-tensor (foreach=False) path.

Writes core/src/test/resources/goldens/optim.txt. A fixed small problem (float32):
  loss = ((tanh(x @ W1 + b) @ W2 - y) ** 2).mean()
'problem' lines give x, y and the start values of W1, b, W2 as float32 hex bits. Each 'case' line is
  case <TAB> spec <TAB> steps
spec: k=v pairs joined by ';' (opt.* optimizer options, g1.* options of a second parameter group holding W2
when present, s.* scheduler options); steps: 50 entries joined by ' ', each the float32 hex bits of W1, b, W2
(flattened, ',' separated) after that step, then '|' and the float64 hex bits of every group's lr after it
(get_last_lr() when a scheduler runs, else param_groups[i]['lr']).
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
    w1, b, w2 = (t.clone().requires_grad_() for t in (W1, B, W2))
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
        loss = (torch.tanh(X.mm(w1) + b).mm(w2) - Y).pow(2).mean()
        loss.backward()
        opt.step()
        if sched_name == "plateau":
            sched.step(1.0 / (1 + min(k, 10)))
        elif sched is not None:
            sched.step()
        lrs = sched.get_last_lr() if sched is not None and sched_name != "plateau" else [gr["lr"] for gr in opt.param_groups]
        out.append(",".join(tensor_hex(t) for t in (w1, b, w2)) + "|" + ",".join(h64(v) for v in lrs))
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

with open(OUT, "w") as f:
    f.write("# generated by tools/goldens/gen_optim.py from PyTorch %s\n" % torch.__version__)
    for name, t in (("x", X), ("y", Y), ("W1", W1), ("b", B), ("W2", W2)):
        f.write("problem\t%s\t%s\t%s\n" % (name, ",".join(str(d) for d in t.shape), tensor_hex(t)))
    for spec in SPECS:
        f.write("case\t%s\t%s\n" % (spec, run(spec)))
