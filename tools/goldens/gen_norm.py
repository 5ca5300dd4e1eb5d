#!/usr/bin/env python3
"""Goldens for layer norm's and group norm's forward bits (org.autograd4j.ops.NormGoldenTest).

PyTorch 1.13.1's LayerNormKernel and GroupNormKernel take their statistics from ATen's RowwiseMoments (Welford over
chunks of 16 vectors, a cascade, in the input's dtype) and fuse the normalization into multiply-adds; this file
records torch.native_layer_norm / torch.native_group_norm (y, mean, rstd) bit for bit, and the input gradient of
y·w for a fixed w. Run:

    ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_norm.py > core/src/test/resources/goldens/norm.txt

Format ('#' comment lines):
    case NAME OP DTYPE SHAPE ARG AFFINE   OP layer (ARG: the normalized shape) or group (ARG: groups); AFFINE
                                          none, weight or both; SHAPE and ARG as 2x3x4
    x / w / b / y / mean / rstd / gx HEX...   the values (w, b only when given), IEEE bits in hex; for a
                                          '_strided' case x is the contiguous reversed-shape tensor whose full
                                          permutation is the input
    (gx: the gradient of sum(y·k) with k = arange(numel)/numel − 0.5, reshaped as y)
"""
import os
import struct

import numpy as np
import torch

if os.environ.get('ATEN_CPU_CAPABILITY') != 'avx2':
    raise SystemExit('run with ATEN_CPU_CAPABILITY=avx2 (PyTorch would use its AVX-512 kernels otherwise)')
torch.set_num_threads(1)
RNG = np.random.default_rng(20261203)


def hx(t):
    fmt = '>f' if t.dtype == torch.float32 else '>d'
    return ' '.join(struct.pack(fmt, v).hex() for v in t.detach().reshape(-1).tolist())


def dims(s):
    return 'x'.join(str(v) for v in s)


print('# PyTorch %s, ATEN_CPU_CAPABILITY=avx2, 1 thread; written by tools/goldens/gen_norm.py' % torch.__version__)


def case(name, op, dtype, shape, arg, affine, transposed=False):
    x = torch.from_numpy(RNG.normal(0.7, 2.0, shape)).to(dtype)
    if transposed:  # a non-contiguous input of the same shape: the reversed shape, permuted back
        x = torch.from_numpy(RNG.normal(0.7, 2.0, shape[::-1])).to(dtype).permute(*reversed(range(len(shape))))
    ws = list(arg) if op == 'layer' else [shape[1]]
    w = torch.from_numpy(RNG.normal(1, 0.5, ws)).to(dtype) if affine != 'none' else None
    b = torch.from_numpy(RNG.normal(0, 0.5, ws)).to(dtype) if affine == 'both' else None
    xr = x.clone().requires_grad_(True) if not transposed else x.detach().requires_grad_(True)
    if op == 'layer':
        y, mean, rstd = torch.native_layer_norm(xr, list(arg), w, b, 1e-5)
    else:
        n, c = shape[0], shape[1]
        hw = int(np.prod(shape[2:])) if len(shape) > 2 else 1
        y, mean, rstd = torch.native_group_norm(xr, w, b, n, c, hw, arg, 1e-5)
    k = (torch.arange(y.numel(), dtype=dtype) / y.numel() - 0.5).reshape(y.shape)
    gx, = torch.autograd.grad((y * k).sum(), xr)
    print('case %s %s %s %s %s %s' % (name, op, 'float32' if dtype == torch.float32 else 'float64', dims(shape),
                                      dims(arg) if op == 'layer' else arg, affine))
    print('x', hx(x.contiguous() if not transposed else x.permute(*reversed(range(len(shape)))).contiguous()))
    if w is not None:
        print('w', hx(w))
    if b is not None:
        print('b', hx(b))
    print('y', hx(y))
    print('mean', hx(mean))
    print('rstd', hx(rstd))
    print('gx', hx(gx))


for dtype in (torch.float32, torch.float64):
    t = 'f32' if dtype == torch.float32 else 'f64'
    for n in (1, 5, 8, 13, 37, 128, 129, 300):
        for affine in ('both', 'weight', 'none'):
            case('ln_%s_%d_%s' % (t, n, affine), 'layer', dtype, (2, n), (n,), affine)
    for n in (1031, 4100):  # several cascade levels
        case('ln_%s_%d_both' % (t, n), 'layer', dtype, (1, n), (n,), 'both')
    case('ln_%s_4d' % t, 'layer', dtype, (2, 3, 4, 5), (4, 5), 'both')
    case('ln_%s_strided' % t, 'layer', dtype, (6, 33), (33,), 'both', transposed=True)
    for shape, g in (((2, 4, 3, 3), 2), ((2, 6, 5, 7), 3), ((1, 8, 4, 4), 4), ((3, 4, 1, 13), 1)):
        for affine in ('both', 'weight', 'none'):
            case('gn_%s_%s_%d_%s' % (t, dims(shape), g, affine), 'group', dtype, shape, g, affine)
    case('gn_%s_1x4x20x20_2_both' % t, 'group', dtype, (1, 4, 20, 20), 2, 'both')
