"""Goldens for GradCheckTest: torch.autograd.gradcheck / gradgradcheck results and failure reports (PyTorch 1.13.1).
Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_gradcheck.py
Writes core/src/test/resources/goldens/gradcheck.txt: blocks "## case" then the result (True/False) or
"ERROR <type>: <message>". Wrong derivatives are built with detach: d(x.detach()*x)/dx is x.detach() for
autograd but 2x numerically."""
import os
import torch
from torch.autograd import gradcheck, gradgradcheck

D = torch.float64
out = []


def case(name, f):
    try:
        text = str(f())
    except Exception as e:
        text = "ERROR " + type(e).__name__ + ": " + str(e)
    out.append("## " + name + "\n" + text + "\n")


def x3():
    return torch.tensor([0.5, -1.25, 2.0], dtype=D, requires_grad=True)


def m22():
    return torch.tensor([[0.5, -1.0], [0.25, 1.5]], dtype=D, requires_grad=True)


def b3():
    return torch.tensor([1.5, 0.25, -0.75], dtype=D, requires_grad=True)


case("pass_sin", lambda: gradcheck(lambda x: x.sin() * x, (x3(),)))
case("pass_two_inputs", lambda: gradcheck(lambda a, b: (a * b).exp(), (x3(), b3())))
case("pass_constant_input", lambda: gradcheck(lambda a, b: a * b, (x3(), b3().detach())))
case("wrong", lambda: gradcheck(lambda x: x.detach() * x, (x3(),)))
case("wrong_matrix", lambda: gradcheck(lambda x: x.detach() * x, (m22(),)))
case("wrong_scalar_output", lambda: gradcheck(lambda x: (x.detach() * x).sum(), (x3(),)))
case("wrong_input_1", lambda: gradcheck(lambda a, b: a * b.detach() + b, (x3(), b3())))
case("wrong_output_1", lambda: gradcheck(lambda x: (x * 2.0, x.detach() * x), (x3(),)))
case("wrong_no_raise", lambda: gradcheck(lambda x: x.detach() * x, (x3(),), raise_exception=False))
case("forward_pass", lambda: gradcheck(lambda x: x.sin() * x, (x3(),), check_forward_ad=True))
case("forward_wrong", lambda: gradcheck(lambda x: x.detach() * x, (x3(),), check_forward_ad=True, check_backward_ad=False))
case("forward_and_backward_wrong", lambda: gradcheck(lambda x: x.detach() * x, (x3(),), check_forward_ad=True))
case("no_input_requires_grad", lambda: gradcheck(lambda x: x * 2.0, (x3().detach(),)))
case("loose_tolerance", lambda: gradcheck(lambda x: x.detach() * x, (x3(),), atol=10.0))
case("gradgrad_pass", lambda: gradgradcheck(lambda x: x.sin() * x, (x3(),)))
case("gradgrad_pass_two", lambda: gradgradcheck(lambda a, b: (a * b).tanh(), (x3(), b3())))
go = torch.tensor([1.0, -0.5, 0.25], dtype=D, requires_grad=True)
case("gradgrad_wrong", lambda: gradgradcheck(lambda x: x * x * x.detach(), (x3(),), (go,)))
case("gradgrad_wrong_no_raise", lambda: gradgradcheck(lambda x: x * x * x.detach(), (x3(),), (go,), raise_exception=False))

path = os.path.join(os.path.dirname(__file__), "../../core/src/test/resources/goldens/gradcheck.txt")
with open(path, "w") as f:
    f.write("".join(out))
