#!/usr/bin/env python3
"""Fingerprints of the PyTorch twins' first call: the golden that WorkloadsTest checks the Java bodies against.

For each workload of tools/bench/torch_worker.py: torch.manual_seed(0), build the inputs, one call, then the
float64 sum of the result's elements and of their absolute values (Workloads.fingerprint on the Java side).
Same inputs (autograd4j's generator is PyTorch's, bit for bit) and same ops give the same sums up to the two
implementations' float32 rounding, so a twin that drifts (a shape, an op, a seed order) fails the test.
Run: /usr/bin/python3 tools/bench/gen_fingerprints.py
Writes benchmarks/src/test/resources/workload-fingerprints.txt: `name<TAB>sum<TAB>sum of |x|` per line.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch  # noqa: E402
import torch_worker  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "benchmarks", "src", "test", "resources",
                   "workload-fingerprints.txt")

torch.set_num_threads(1)
lines = [f"# PyTorch {torch.__version__}: first call of each twin in tools/bench/torch_worker.py after "
         "torch.manual_seed(0); name, sum, sum of |x| (float64 sums of the result). "
         "Written by tools/bench/gen_fingerprints.py"]
for name, factory in torch_worker.WORKLOADS.items():
    torch.manual_seed(0)
    r = factory()().detach().double()
    lines.append(f"{name}\t{r.sum().item()!r}\t{r.abs().sum().item()!r}")
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"wrote {len(lines) - 1} fingerprints to {os.path.normpath(OUT)}")
