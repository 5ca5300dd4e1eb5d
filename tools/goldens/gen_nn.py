#!/usr/bin/env python3
"""Goldens for org.autograd4j.nn: run with Debian's PyTorch 1.13.1 (ATEN_CPU_CAPABILITY=avx2).

Each line is "key<TAB>value". Tensors are "dtype shape v0 v1 ..." with every value as float.hex (exact bits);
texts (reprs, errors) are Python repr() strings (json-escaped) so newlines survive.
Writes core/src/test/resources/goldens/nn.txt.
"""
import json
import os
import torch
import torch.nn as nn
import torch.nn.functional as F

out = []


def t(key, x):
    x = x.detach()
    vals = " ".join(float(v).hex() for v in x.reshape(-1).tolist())
    shape = "x".join(str(s) for s in x.shape) or "-"
    out.append(f"{key}\t{str(x.dtype).replace('torch.', '')} {shape} {vals}".rstrip())


def s(key, text):
    out.append(f"{key}\t{json.dumps(text)}")


# Linear's default init, several shapes and seeds
for seed in (0, 1, 42):
    for (i, o, b) in ((3, 4, True), (5, 2, True), (1, 7, True), (4, 3, False)):
        torch.manual_seed(seed)
        lin = nn.Linear(i, o, bias=b)
        t(f"linear.init.{seed}.{i}.{o}.{b}.weight", lin.weight)
        if b:
            t(f"linear.init.{seed}.{i}.{o}.{b}.bias", lin.bias)

# Linear forward and backward (2-d and 3-d inputs)
for dims in ((2, 3), (2, 2, 3)):
    torch.manual_seed(0)
    lin = nn.Linear(3, 4)
    x = torch.randn(*dims, requires_grad=True)
    y = lin(x)
    (y * y).sum().backward()
    k = "linear.fwd." + "x".join(map(str, dims))
    t(k + ".y", y)
    t(k + ".xgrad", x.grad)
    t(k + ".wgrad", lin.weight.grad)
    t(k + ".bgrad", lin.bias.grad)
    s(k + ".gradfn", y.grad_fn.name())

# activations (float64)
torch.manual_seed(3)
xa = torch.randn(3, 5, dtype=torch.float64)
for name, m in (("relu", nn.ReLU()), ("leaky", nn.LeakyReLU(0.2)), ("tanh", nn.Tanh()), ("sigmoid", nn.Sigmoid()),
                ("gelu", nn.GELU()), ("silu", nn.SiLU()), ("softmax", nn.Softmax(dim=1)),
                ("logsoftmax", nn.LogSoftmax(dim=0)), ("identity", nn.Identity()), ("flatten", nn.Flatten(0, 1))):
    x = xa.clone().requires_grad_()
    y = m(x)
    (y * torch.arange(y.numel(), dtype=torch.float64).reshape(y.shape)).sum().backward()
    t(f"act.{name}.y", y)
    t(f"act.{name}.xgrad", x.grad)

# losses, in float64 and float32
for dt, tag in ((torch.float64, "loss"), (torch.float32, "loss32")):
  torch.manual_seed(5)
  xl = torch.randn(4, 5, dtype=dt)
  tl = torch.randn(4, 5, dtype=dt)
  pl = torch.rand(4, 5, dtype=dt)
  cls = torch.tensor([0, 3, 1, 4])
  w5 = torch.rand(5, dtype=dt) + 0.5
  probs = torch.rand(4, 5, dtype=dt).softmax(1)


  def loss_case(key, f, target, sigmoid_input=False):
      x = xl.clone().requires_grad_()
      inp = x.sigmoid() if sigmoid_input else x
      y = f(inp, target)
      (y * (torch.arange(y.numel(), dtype=dt).reshape(y.shape) + 1)).sum().backward()
      t(key + ".y", y)
      t(key + ".xgrad", x.grad)
      s(key + ".gradfn", y.grad_fn.name())


  for r in ("mean", "sum", "none"):
      loss_case(f"{tag}.mse.{r}", lambda a, b: F.mse_loss(a, b, reduction=r), tl)
      loss_case(f"{tag}.l1.{r}", lambda a, b: F.l1_loss(a, b, reduction=r), tl)
      loss_case(f"{tag}.smoothl1.{r}", lambda a, b: F.smooth_l1_loss(a, b, reduction=r, beta=0.7), tl)
      loss_case(f"{tag}.ce.{r}", lambda a, b: F.cross_entropy(a, b, reduction=r), cls)
      loss_case(f"{tag}.ce_w.{r}", lambda a, b: F.cross_entropy(a, b, weight=w5, reduction=r), cls)
      loss_case(f"{tag}.ce_ignore.{r}", lambda a, b: F.cross_entropy(a, b, ignore_index=3, reduction=r), cls)
      loss_case(f"{tag}.ce_smooth.{r}", lambda a, b: F.cross_entropy(a, b, label_smoothing=0.1, reduction=r), cls)
      loss_case(f"{tag}.ce_smooth_w.{r}", lambda a, b: F.cross_entropy(a, b, weight=w5, label_smoothing=0.2, reduction=r), cls)
      loss_case(f"{tag}.ce_prob.{r}", lambda a, b: F.cross_entropy(a, b, reduction=r), probs)
      loss_case(f"{tag}.nll.{r}", lambda a, b: F.nll_loss(a, b, reduction=r), cls)
      loss_case(f"{tag}.nll_w.{r}", lambda a, b: F.nll_loss(a, b, weight=w5, ignore_index=1, reduction=r), cls)
      loss_case(f"{tag}.bce.{r}", lambda a, b: F.binary_cross_entropy(a, b, reduction=r), pl, sigmoid_input=True)
      loss_case(f"{tag}.bce_w.{r}", lambda a, b: F.binary_cross_entropy(a, b, weight=w5, reduction=r), pl, sigmoid_input=True)
      loss_case(f"{tag}.bcelogits.{r}", lambda a, b: F.binary_cross_entropy_with_logits(a, b, reduction=r), pl)
      loss_case(f"{tag}.bcelogits_pw.{r}",
                lambda a, b: F.binary_cross_entropy_with_logits(a, b, weight=w5, pos_weight=w5 * 2, reduction=r), pl)

# spatial nll / cross entropy: (N, C, H, W) → NllLoss2DBackward0; (N, C, L) through views
for dt, tag in ((torch.float64, "sp"), (torch.float32, "sp32")):
    torch.manual_seed(9)
    x4 = torch.randn(2, 3, 4, 5, dtype=dt)
    t4 = torch.randint(0, 3, (2, 4, 5))
    t4[0, 1, 2] = -100
    x3 = torch.randn(2, 3, 7, dtype=dt)
    t3 = torch.randint(0, 3, (2, 7))
    w3 = torch.rand(3, dtype=dt) + 0.5
    for r in ("mean", "sum", "none"):
        for key, xin, tin, f in (("nll4", x4, t4, lambda a, b: F.nll_loss(a, b, reduction=r)),
                                 ("nll4_w", x4, t4, lambda a, b: F.nll_loss(a, b, weight=w3, reduction=r)),
                                 ("ce4", x4, t4, lambda a, b: F.cross_entropy(a, b, reduction=r)),
                                 ("nll3", x3, t3, lambda a, b: F.nll_loss(a, b, reduction=r))):
            x = xin.clone().requires_grad_()
            y = f(x, tin)
            (y * (torch.arange(y.numel(), dtype=dt).reshape(y.shape) + 1)).sum().backward()
            k = f"{tag}.{key}.{r}"
            t(k + ".y", y)
            t(k + ".xgrad", x.grad)
            s(k + ".gradfn", y.grad_fn.name())
    t(tag + ".x4", x4)
    t(tag + ".t4", t4)
    t(tag + ".x3", x3)
    t(tag + ".t3", t3)
    t(tag + ".w3", w3)

# loss errors
for key, f in (("nll_oob", lambda: F.nll_loss(xl, torch.tensor([0, 5, 1, 2]))),
               ("ce_oob", lambda: F.cross_entropy(xl, torch.tensor([0, 1, -2, 2]))),
               ("nll_batch", lambda: F.nll_loss(xl, torch.tensor([0, 1]))),
               ("bce_range", lambda: F.binary_cross_entropy(xl, pl)),
               ("bcelogits_size", lambda: F.binary_cross_entropy_with_logits(xl, pl[:2]))):
    try:
        f()
        s("err." + key, "no error")
    except Exception as e:
        s("err." + key, str(e))

# dropout: the mask after the same seed
for p in (0.3, 0.5, 0.9):
    torch.manual_seed(7)
    x = torch.ones(40, requires_grad=True)
    y = F.dropout(x, p)
    y.sum().backward()
    t(f"dropout.{p}.y", y)
    t(f"dropout.{p}.xgrad", x.grad)
    s(f"dropout.{p}.gradfn", y.grad_fn.name())
    torch.manual_seed(7)
    x64 = torch.ones(2, 6, dtype=torch.float64)
    t(f"dropout.{p}.f64", nn.Dropout(p)(x64))

# embedding
torch.manual_seed(0)
emb = nn.Embedding(5, 3, padding_idx=1)
t("embedding.weight", emb.weight)
idx = torch.tensor([[0, 1], [4, 1], [0, 2]])
y = emb(idx)
(y * torch.arange(y.numel(), dtype=torch.float32).reshape(y.shape)).sum().backward()
t("embedding.y", y)
t("embedding.wgrad", emb.weight.grad)
s("embedding.gradfn", y.grad_fn.name())
s("embedding.repr", repr(emb))
torch.manual_seed(1)
t("embedding.nopad.weight", nn.Embedding(4, 2).weight)

# reprs and state dicts
net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Dropout(0.25), nn.Linear(4, 2, bias=False),
                    nn.Sequential(nn.Tanh(), nn.LeakyReLU(), nn.GELU()), nn.Softmax(dim=1))
s("repr.net", repr(net))
s("keys.net", ",".join(net.state_dict().keys()))
s("names.net", ",".join(n for n, _ in net.named_parameters()))
s("modules.net", ",".join(n for n, _ in net.named_modules()))
more = nn.Sequential(nn.SiLU(), nn.Sigmoid(), nn.Identity(), nn.Flatten(), nn.LogSoftmax(0), nn.Embedding(10, 4),
                     nn.MSELoss(), nn.L1Loss(), nn.SmoothL1Loss(beta=0.5), nn.CrossEntropyLoss(), nn.NLLLoss(),
                     nn.BCELoss(), nn.BCEWithLogitsLoss(), nn.ModuleList([nn.ReLU(), nn.Linear(1, 1)]))
s("repr.more", repr(more))
torch.manual_seed(0)
s("repr.param", repr(nn.Linear(2, 2).weight))

# a user module: own parameters and buffers come before the children's in the state dict
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 3)
        self.register_buffer("steps", torch.zeros(1))
        self.fc2 = nn.Linear(3, 1)
        self.scale = nn.Parameter(torch.ones(1))

    def forward(self, x):
        return self.fc2(self.fc1(x).relu()) * self.scale


torch.manual_seed(2)
usr = Net()
s("usr.keys", ",".join(usr.state_dict().keys()))
s("usr.names", ",".join(n for n, _ in usr.named_parameters()))
s("usr.buffers", ",".join(n for n, _ in usr.named_buffers()))
s("usr.repr", repr(usr))
x = torch.randn(4, 2)
y = usr(x)
y.sum().backward()
t("usr.y", y)
t("usr.fc1.wgrad", usr.fc1.weight.grad)
t("usr.scale.grad", usr.scale.grad)
try:
    usr.fc1.load_state_dict({"weight": torch.zeros(3, 2), "bias": torch.zeros(2)}, strict=False)
except Exception as e:
    s("load.nonstrict_size", str(e))
r = usr.fc1.load_state_dict({"weight": torch.zeros(3, 2), "other": torch.zeros(1)}, strict=False)
s("load.nonstrict", repr(r.missing_keys) + repr(r.unexpected_keys))

# load_state_dict errors
for key, sd in (("missing", {"weight": torch.zeros(4, 3)}),
                ("unexpected", {"weight": torch.zeros(4, 3), "bias": torch.zeros(4), "extra": torch.zeros(1)}),
                ("both", {"weight": torch.zeros(4, 3), "junk": torch.zeros(1)}),
                ("size", {"weight": torch.zeros(3, 3), "bias": torch.zeros(4)})):
    try:
        nn.Linear(3, 4).load_state_dict(sd)
        s("load." + key, "no error")
    except Exception as e:
        s("load." + key, str(e))
try:
    net.load_state_dict({"0.weight": torch.zeros(4, 3)})
except Exception as e:
    s("load.seq", str(e))

# clip_grad_norm_ / clip_grad_value_
for nt, mx in ((2.0, 0.5), (1.0, 100.0), (float("inf"), 0.1), (3.0, 0.2)):
    torch.manual_seed(11)
    lin = nn.Linear(3, 2)
    lin(torch.randn(4, 3)).pow(2).sum().backward()
    total = torch.nn.utils.clip_grad_norm_(lin.parameters(), mx, nt)
    k = f"clip.norm.{nt}.{mx}"
    t(k + ".total", total)
    t(k + ".wgrad", lin.weight.grad)
    t(k + ".bgrad", lin.bias.grad)
torch.manual_seed(11)
lin = nn.Linear(3, 2)
lin(torch.randn(4, 3)).pow(2).sum().backward()
torch.nn.utils.clip_grad_value_(lin.parameters(), 0.8)
t("clip.value.wgrad", lin.weight.grad)
t("clip.value.bgrad", lin.bias.grad)

path = os.path.join(os.path.dirname(__file__), "../../core/src/test/resources/goldens/nn.txt")
with open(path, "w") as f:
    f.write("# generated by tools/goldens/gen_nn.py with torch " + torch.__version__ + "\n")
    f.write("\n".join(out) + "\n")
