#!/usr/bin/env python3
"""Goldens for the tanh GELU (F.gelu(x, approximate='tanh')) and glibc's tanhf, bit for bit.

PyTorch 1.13.1 computes gelu and gelu_backward with approximate='tanh' in ATen's GeluKernelImpl /
GeluBackwardKernelImpl through cpu_kernel_vec: the Vectorized<float> formula (SLEEF's tanhf8_u10) on whole
chunks of 16 of a contiguous span, the scalar formula (glibc's tanhf) on the rest and on strided inputs.
The scalar tanhf is Debian glibc 2.36's, read here through ctypes. Run on this machine's torch, forcing its
AVX2 kernels and one thread:

    ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_gelu_tanh.py > core/src/test/resources/goldens/gelu_tanh.txt

File format ('#' starts a comment line):
    tanhf N                      N lines "X Y": glibc's tanhf(x), float32 bits in hex
    case NAME DTYPE N STRIDED    one F.gelu(x, 'tanh') call on N values (STRIDED 1: x and the gradient are
                                 every second element of an (N, 2) tensor), then N lines "X G Y GX": input,
                                 output gradient, output and input gradient (bits in hex: 8 digits float32,
                                 16 float64)
    ggcase NAME N                float64 double backward: N lines "X G GG DX DG" of
                                 gelu_backward(g, x, 'tanh') differentiated with respect to x and g for gg
"""
import ctypes
import os
import struct

import numpy as np
import torch

if os.environ.get('ATEN_CPU_CAPABILITY') != 'avx2':
    raise SystemExit('run with ATEN_CPU_CAPABILITY=avx2 (PyTorch would use its AVX-512 kernels otherwise)')
torch.set_num_threads(1)
RNG = np.random.default_rng(20261202)
F = torch.nn.functional


def hx(v, dtype):
    return struct.pack('>f', v).hex() if dtype == torch.float32 else struct.pack('>d', v).hex()


libm = ctypes.CDLL('libm.so.6')
libm.tanhf.restype = ctypes.c_float
libm.tanhf.argtypes = [ctypes.c_float]
special = [0.0, -0.0, 1e-45, -1e-45, 1e-40, -1e-40, 1.1754942e-38, 2**-56, 2**-54, 0.5, -0.5, 1.0, -1.0, 0.99999994,
           8.0, 9.0, 21.999998, 22.0, -22.0, 88.0, 89.0, 1e30, float('inf'), float('-inf'), float('nan')]
vals = special + list(RNG.normal(0, 3, 2000)) + list(np.sign(RNG.uniform(-1, 1, 1000)) * 2.0 ** RNG.uniform(-30, 6, 1000)) \
    + list(np.frombuffer(RNG.integers(0, 2**32, 1000, dtype=np.uint32).astype('<u4').tobytes(), dtype='<f4'))
print('# PyTorch %s, ATEN_CPU_CAPABILITY=avx2, 1 thread, glibc tanhf; written by tools/goldens/gen_gelu_tanh.py' % torch.__version__)
print('tanhf %d' % len(vals))
for v in vals:
    f = float(np.float32(v))
    print(hx(f, torch.float32), hx(libm.tanhf(f), torch.float32))


def case(name, dtype, x, strided):
    n = x.numel()
    g = torch.from_numpy(RNG.normal(0, 1, n)).to(dtype)
    if strided:
        xs = torch.stack([x, x], 1)[:, 0]
        gs = torch.stack([g, g], 1)[:, 0]
    else:
        xs, gs = x.clone(), g
    xs.requires_grad_(True)
    y = F.gelu(xs, approximate='tanh')
    gx, = torch.autograd.grad(y, xs, gs)
    print('case %s %s %d %d' % (name, 'float32' if dtype == torch.float32 else 'float64', n, 1 if strided else 0))
    for a, b, c, d in zip(x.tolist(), g.tolist(), y.detach().tolist(), gx.tolist()):
        print(hx(a, dtype), hx(b, dtype), hx(c, dtype), hx(d, dtype))


edges = [0.0, -0.0, 1e-30, -1e-30, 1e-40, 20.0, -20.0, 30.0, -30.0, 1e20, -1e20, float('inf'), float('-inf'), float('nan')]
for dtype in (torch.float32, torch.float64):
    base = torch.from_numpy(np.concatenate([edges, RNG.normal(0, 3, 4096 + 13 - len(edges))])).to(dtype)
    case('long', dtype, base, False)      # 4096 vector elements, 13 in the scalar tail
    case('strided', dtype, base[:300], True)
    case('short', dtype, base[100:115], False)  # 15 < 16: all scalar

# float64 double backward through gelu_backward(approximate='tanh')
x = torch.from_numpy(RNG.normal(0, 2, 64)).requires_grad_(True)
g = torch.from_numpy(RNG.normal(0, 1, 64)).requires_grad_(True)
gg = torch.from_numpy(RNG.normal(0, 1, 64))
y = F.gelu(x, approximate='tanh')
gx, = torch.autograd.grad(y, x, g, create_graph=True)
dx, dg = torch.autograd.grad(gx, (x, g), gg)
print('ggcase double 64')
for row in zip(x.tolist(), g.tolist(), gg.tolist(), dx.tolist(), dg.tolist()):
    print(' '.join(hx(v, torch.float64) for v in row))
