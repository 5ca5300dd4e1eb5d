#!/usr/bin/env python3
"""Goldens for org.autograd4j.kernels.SleefDouble: PyTorch 1.13.1's float64 exp and log, bit for bit.

Debian's PyTorch (AVX2 build, the system's SLEEF 3.5.1) computes float64 torch.exp and torch.log through ATen's
vml map over Vectorized<double> (4 lanes, the tail in a partial vector), i.e. Sleef_expd4_u10 and
Sleef_logd4_u10 on every element. Run:

    ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_sleef_f64.py > core/src/test/resources/goldens/sleef_f64.txt

Format ('#' comment lines): "fn NAME N", then N lines "X Y" (argument and result, float64 bits in hex).
"""
import os
import struct

import numpy as np
import torch

if os.environ.get('ATEN_CPU_CAPABILITY') != 'avx2':
    raise SystemExit('run with ATEN_CPU_CAPABILITY=avx2 (PyTorch would use its AVX-512 kernels otherwise)')
torch.set_num_threads(1)
RNG = np.random.default_rng(20261204)
SPECIAL = [0.0, -0.0, 5e-324, -5e-324, 1e-310, -1e-310, 2.2250738585072014e-308, 1e-300, 0.5, -0.5, 1.0, -1.0,
           0.75, 1.5, 0.34657359027997264, 709.78, 709.79, 710.0, -708.4, -745.1, -745.2, -1000.0, -1000.1, 800.0, -800.0,
           1e308, float('inf'), float('-inf'), float('nan')]
print('# PyTorch %s float64 kernels, ATEN_CPU_CAPABILITY=avx2, 1 thread; written by tools/goldens/gen_sleef_f64.py'
      % torch.__version__)


def section(name, fn, values):
    x = torch.tensor(values, dtype=torch.float64)
    y = fn(x)
    print('fn %s %d' % (name, len(values)))
    for a, b in zip(x.tolist(), y.tolist()):
        print(struct.pack('>d', a).hex(), struct.pack('>d', b).hex())


exp_args = SPECIAL + list(RNG.normal(0, 5, 1500)) + list(RNG.uniform(-750, 720, 1500)) \
    + list(np.sign(RNG.uniform(-1, 1, 1000)) * 2.0 ** RNG.uniform(-60, 9.5, 1000))
log_args = SPECIAL + list(np.abs(RNG.normal(0, 5, 1000))) + list(2.0 ** RNG.uniform(-1074, 1023, 1500)) \
    + list(RNG.uniform(0.5, 2.0, 1000)) + list(RNG.uniform(-10, 0, 500))
section('exp', torch.exp, exp_args)
section('log', torch.log, log_args)
