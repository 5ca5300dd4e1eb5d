#!/usr/bin/env python3
"""Bit-exact goldens for torch.linspace and torch.arange (float32, float64, int64) from real PyTorch 1.13.1.

Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_ranges.py
Writes core/src/test/resources/goldens/ranges.txt, one case a line:
  linspace <dtype> <start> <end> <steps> : <values...>
  arange <dtype> <start> <end> <step> : <values...>
start/end/step are the Python floats' float64 bits in hex (int64 cases: decimal); values are the float32/float64
bits in hex, int64 in decimal (long ranges: sha256=<hex> of those values joined by single spaces). One thread (above 32768 elements PyTorch splits the fill between threads).
"""
import math
import os
import random
import struct

import torch

torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "core", "src", "test", "resources", "goldens", "ranges.txt")
NAMES = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64"}


def d(v):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", float(v)))[0]


def vals(t):
    if t.dtype == torch.float32:
        return " ".join("%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.tolist())
    if t.dtype == torch.float64:
        return " ".join(d(v) for v in t.tolist())
    return " ".join(str(v) for v in t.tolist())


lines = []
rng = random.Random(5)
lin = [(-math.pi, math.pi, 2000), (0, 1, 5), (0, 1, 17), (-1, 2, 7), (1, -1, 33), (0.1, 0.7, 100), (-10, 10, 1001),
       (3, 3, 9), (0, 1, 1), (0, 1, 0), (0, 1, 2), (1e-3, 1e3, 257), (-5.5, 2.25, 64), (2, -7.3, 15), (0, 2 * math.pi, 500)]
for _ in range(25):
    lin.append((rng.uniform(-100, 100), rng.uniform(-100, 100), rng.randint(2, 600)))
for start, end, steps in lin:
    for dt in (torch.float32, torch.float64):
        t = torch.linspace(start, end, steps, dtype=dt)
        lines.append("linspace %s %s %s %d : %s" % (NAMES[dt], d(start), d(end), steps, vals(t)))
for start, end, steps in [(0, 10, 5), (-7, 100, 23), (3, -50, 40), (0, 1000, 999), (-3, 3, 1000)]:
    t = torch.linspace(start, end, steps, dtype=torch.int64)
    lines.append("linspace int64 %s %s %d : %s" % (d(start), d(end), steps, vals(t)))
ar = [(0, 10, 0.1), (0.5, 3.2, 0.3), (-1, 1, 0.25), (0, 1500, 1), (-math.pi, math.pi, 0.01), (1e6, 1e6 + 100, 0.7),
      (10, -10, -0.3), (0, 1, 1 / 3), (-2.5, 1000.5, 1.5), (0, 600, 0.37), (5, 5.5, 0.05)]
for _ in range(15):
    a = rng.uniform(-1000, 1000)
    ar.append((a, a + rng.uniform(1, 1500), rng.uniform(0.5, 5)))
for start, end, step in ar:
    for dt in (torch.float32, torch.float64):
        t = torch.arange(start, end, step, dtype=dt)
        lines.append("arange %s %s %s %s : %s" % (NAMES[dt], d(start), d(end), d(step), vals(t)))
for start, end, step in [(0, 3000, 1), (-5, 5000, 7), (100, -100, -3)]:
    t = torch.arange(start, end, step)
    lines.append("arange int64 %d %d %d : %s" % (start, end, step, vals(t)))

# long ranges (up to PyTorch's one-thread grain of 32768): the SHA-256 of the values' text, not the values
import hashlib


def digest(t):
    return "sha256=" + hashlib.sha256(vals(t).encode()).hexdigest()


for start, end, steps in [(-1000, 1000, 30001), (-math.pi, math.pi, 32768), (0.5, 12345.6, 20000)]:
    for dt in (torch.float32, torch.float64):
        t = torch.linspace(start, end, steps, dtype=dt)
        lines.append("linspace %s %s %s %d : %s" % (NAMES[dt], d(start), d(end), steps, digest(t)))
for start, end, step in [(0, 30000, 1.0), (-1e4, 1e4, 0.75), (0, 32000, 0.999), (1e7, 1e7 + 3000, 0.1)]:
    for dt in (torch.float32, torch.float64):
        t = torch.arange(start, end, step, dtype=dt)
        lines.append("arange %s %s %s %s : %s" % (NAMES[dt], d(start), d(end), d(step), digest(t)))

with open(OUT, "w") as f:
    f.write("# written by tools/goldens/gen_ranges.py from PyTorch " + torch.__version__ + "\n")
    f.write("\n".join(lines) + "\n")
print("wrote", len(lines), "cases to", os.path.normpath(OUT))
