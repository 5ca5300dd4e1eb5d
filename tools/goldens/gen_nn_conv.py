#!/usr/bin/env python3
"""Goldens for the conv/pool/norm modules of org.autograd4j.nn: run with Debian's PyTorch 1.13.1
(ATEN_CPU_CAPABILITY=avx2). Same format as gen_nn.py: "key<TAB>value", tensors "dtype shape v0 v1 ..." with
float.hex values, texts as JSON strings. Writes core/src/test/resources/goldens/nn_conv.txt.
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


# Conv2d's default init (float32 bits) after manual_seed
for seed in (0, 7):
    for name, mk in (("a", lambda: nn.Conv2d(3, 4, 3)), ("b", lambda: nn.Conv2d(4, 6, (2, 3), groups=2)),
                     ("c", lambda: nn.Conv2d(2, 3, 1, bias=False))):
        torch.manual_seed(seed)
        m = mk()
        t(f"conv.init.{seed}.{name}.weight", m.weight)
        if m.bias is not None:
            t(f"conv.init.{seed}.{name}.bias", m.bias)

# reprs and state-dict keys
reprs = {
    "conv1": nn.Conv2d(3, 8, 3),
    "conv2": nn.Conv2d(3, 8, (3, 5), stride=2, padding=1, dilation=2, bias=False),
    "conv3": nn.Conv2d(4, 8, 3, padding="same", groups=2),
    "conv4": nn.Conv2d(4, 8, 3, padding="valid"),
    "conv5": nn.Conv2d(2, 4, 3, stride=(1, 2), padding=(0, 1)),
    "maxpool1": nn.MaxPool2d(2),
    "maxpool2": nn.MaxPool2d((2, 3), stride=(1, 1), padding=(1, 1), dilation=(1, 1), ceil_mode=True),
    "maxpool3": nn.MaxPool2d(3, 2, 1, 1, ceil_mode=False),
    "avgpool1": nn.AvgPool2d(2),
    "avgpool2": nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False, divisor_override=2),
    "avgpool3": nn.AvgPool2d((2, 3), stride=(1, 2), padding=(0, 1)),
    "adaptive1": nn.AdaptiveAvgPool2d(1),
    "adaptive2": nn.AdaptiveAvgPool2d((2, 3)),
    "ln1": nn.LayerNorm(4),
    "ln2": nn.LayerNorm([3, 4], eps=1e-6, elementwise_affine=False),
    "bn1": nn.BatchNorm1d(4),
    "bn2": nn.BatchNorm2d(3, eps=1e-3, momentum=None, affine=False, track_running_stats=False),
    "bn3": nn.BatchNorm2d(3, momentum=0.2),
    "gn1": nn.GroupNorm(2, 4),
    "gn2": nn.GroupNorm(2, 4, eps=1e-3, affine=False),
}
for k, m in reprs.items():
    s(f"repr.{k}", repr(m))
    s(f"keys.{k}", ",".join(m.state_dict().keys()))


def fwd_bwd(key, m, x):
    """forward, then backward of sum(y * arange) (a non-uniform upstream gradient)."""
    x = x.clone().requires_grad_()
    y = m(x)
    w = torch.arange(y.numel(), dtype=y.dtype).reshape(y.shape) / y.numel() - 0.5
    (y * w).sum().backward()
    t(key + ".y", y)
    t(key + ".xgrad", x.grad)
    for n, p in m.named_parameters():
        t(key + "." + n + "grad", p.grad)
    s(key + ".gradfn", y.grad_fn.name())


torch.manual_seed(1)
x4 = torch.randn(2, 4, 6, 5, dtype=torch.float64)
t("fwd.x", x4)
cases = {
    "conv1": lambda: nn.Conv2d(4, 3, 3),
    "conv2": lambda: nn.Conv2d(4, 6, (3, 2), stride=2, padding=1, dilation=(1, 2), groups=2),
    "conv3": lambda: nn.Conv2d(4, 2, 3, padding="same", bias=False),
    "conv4": lambda: nn.Conv2d(4, 2, (2, 4), padding="same", dilation=(2, 1)),
    "maxpool1": lambda: nn.MaxPool2d(2),
    "maxpool2": lambda: nn.MaxPool2d(3, 2, 1, ceil_mode=True),
    "avgpool1": lambda: nn.AvgPool2d(2),
    "avgpool2": lambda: nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False),
    "adaptive1": lambda: nn.AdaptiveAvgPool2d(1),
    "adaptive2": lambda: nn.AdaptiveAvgPool2d((4, 3)),
    "ln1": lambda: nn.LayerNorm(5),
    "ln2": lambda: nn.LayerNorm([6, 5], elementwise_affine=False),
    "gn1": lambda: nn.GroupNorm(2, 4),
    "bn2": lambda: nn.BatchNorm2d(4),
}
for k, mk in cases.items():
    torch.manual_seed(2)
    m = mk().double()
    fwd_bwd("fwd." + k, m, x4)

# BatchNorm running statistics: three training steps, then eval
for k, mk, shape in (("bn1d", lambda: nn.BatchNorm1d(3), (5, 3)), ("bn1d3", lambda: nn.BatchNorm1d(3, momentum=None), (4, 3, 2)),
                     ("bn2d", lambda: nn.BatchNorm2d(3, momentum=0.3), (2, 3, 4, 4)),
                     ("bn2dcum", lambda: nn.BatchNorm2d(3, momentum=None, affine=False), (2, 3, 2, 3))):
    torch.manual_seed(3)
    m = mk()
    for step in range(3):
        xb = torch.randn(*shape) * (step + 1) + step
        t(f"bn.{k}.step{step}.x", xb)
        y = m(xb)
        t(f"bn.{k}.step{step}.y", y)
    t(f"bn.{k}.running_mean", m.running_mean)
    t(f"bn.{k}.running_var", m.running_var)
    t(f"bn.{k}.num_batches_tracked", m.num_batches_tracked)
    m.eval()
    xe = torch.randn(*shape)
    t(f"bn.{k}.eval.x", xe)
    t(f"bn.{k}.eval.y", m(xe))

# a small CNN: Conv2d -> ReLU -> MaxPool2d -> Flatten -> Linear, float32 init after the seed, then float64
torch.manual_seed(5)
net = nn.Sequential(nn.Conv2d(2, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(4 * 3 * 3, 3))
s("cnn.repr", repr(net))
s("cnn.keys", ",".join(net.state_dict().keys()))
for n, p in net.named_parameters():
    t("cnn.init." + n, p)
net = net.double()
xc = torch.randn(2, 2, 6, 6, dtype=torch.float64)
t("cnn.x", xc)
y = net(xc)
loss = F.cross_entropy(y, torch.tensor([0, 2]))
loss.backward()
t("cnn.y", y)
t("cnn.loss", loss)
for n, p in net.named_parameters():
    t("cnn.grad." + n, p.grad)

# forward-mode AD through the modules: a tangent on the input (float64, training mode)
import torch.autograd.forward_ad as fwAD
torch.manual_seed(6)
net = nn.Sequential(nn.Conv2d(2, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2), nn.GroupNorm(2, 4),
                    nn.AvgPool2d(2, stride=1), nn.AdaptiveAvgPool2d(2), nn.Flatten(), nn.LayerNorm(16)).double()
xj = torch.randn(3, 2, 6, 6, dtype=torch.float64)
tj = torch.randn(3, 2, 6, 6, dtype=torch.float64)
t("jvp.x", xj)
t("jvp.t", tj)
with fwAD.dual_level():
    yj = net(fwAD.make_dual(xj, tj))
    p, tan = fwAD.unpack_dual(yj)
    t("jvp.y", p)
    t("jvp.ty", tan)

# argument errors (ValueError messages)
for k, f in (("groups", lambda: nn.Conv2d(3, 4, 3, groups=2)),
             ("samestride", lambda: nn.Conv2d(3, 4, 3, stride=2, padding="same")),
             ("gngroups", lambda: nn.GroupNorm(3, 4)),
             ("bn2ddim", lambda: nn.BatchNorm2d(3)(torch.zeros(2, 3, 4))),
             ("bn1ddim", lambda: nn.BatchNorm1d(3)(torch.zeros(2, 3, 4, 1)))):
    try:
        f()
    except ValueError as e:
        s("error." + k, str(e))

path = os.path.join(os.path.dirname(__file__), "../../core/src/test/resources/goldens/nn_conv.txt")
with open(path, "w") as f:
    f.write("# generated by tools/goldens/gen_nn_conv.py with torch " + torch.__version__ + "\n")
    f.write("\n".join(out) + "\n")
