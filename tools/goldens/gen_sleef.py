#!/usr/bin/env python3
"""Goldens for org.autograd4j.kernels.SleefFloat: PyTorch 1.13.1's float32 transcendental kernels, bit for bit.

PyTorch's AVX2 CPU kernels (Debian's build: no MKL, the system's SLEEF 3.5.1) compute float32 exp, log, sin,
cos, tan, tanh, expm1, log1p, log2, log10, asin, acos, atan, erf, erfc through ATen's vml map over
Vectorized<float> (8 lanes; the tail in a zero-padded partial vector) calling Sleef_*f8_u10 (erfc: _u15).
sinh, cosh, atan2 and sigmoid go through cpu_kernel_vec: the vector formula on whole chunks of 16 and the
scalar std:: function on the rest. Run on this machine's torch, forcing its AVX2 kernels and one thread:

    ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_sleef.py > core/src/test/resources/goldens/sleef_f32.txt

File format ('#' starts a comment line):
    fn NAME N                   the function of the next N lines; PyTorch ran all N arguments as one contiguous
                                tensor, in this order (sin, cos, tan group 8 lanes, so the order matters)
    XXXXXXXX YYYYYYYY           argument and result, IEEE-754 float32 bits in hex
    YYYYYYYY XXXXXXXX RRRRRRRR  atan2 only: y, x and atan2(y, x)

Sections: the functions above; sinh, cosh, atan2 with N a multiple of 16 (all lanes take SLEEF's vector path);
'sigmoid' with a tail (N % 16 != 0: the last elements take the scalar formula 1/(1+expf(-x))); and
'sigmoid_scalar', where every value was computed alone-ish (tensors of 15 elements: all scalar formula).
"""
import os
import struct
import sys

import numpy as np
import torch

if os.environ.get('ATEN_CPU_CAPABILITY') != 'avx2':
    raise SystemExit('run with ATEN_CPU_CAPABILITY=avx2 (PyTorch would use its AVX-512 kernels otherwise)')
torch.set_num_threads(1)

RNG = np.random.default_rng(20240613)
F32 = np.float32
INF = float('inf')
NAN = float('nan')
FLT_MIN = 1.1754943508222875e-38
FLT_MAX = 3.4028234663852886e38
SUBNORMALS = [1e-45, 1.4e-45, 2.8e-45, 1e-40, 5.8e-39, 1.1754942e-38]


def f32(values):
    return np.asarray(values, dtype=np.float64).astype(F32)


def uniform(lo, hi, n):
    return f32(RNG.uniform(lo, hi, n))


def loguniform(lo_exp, hi_exp, n, signed=True):
    mag = 10.0 ** RNG.uniform(lo_exp, hi_exp, n)
    if signed:
        mag *= RNG.choice([-1.0, 1.0], n)
    return f32(mag)


def random_bits(n):
    return RNG.integers(0, 1 << 32, n, dtype=np.uint64).astype(np.uint32).view(F32)


def around(points, spread=4):
    """Each point and the `spread` float32 values either side of it."""
    extra = []
    for p in f32(points):
        extra.append(p)
        for direction in (-INF, INF):
            q = p
            for _ in range(spread):
                q = np.nextafter(q, F32(direction))
                extra.append(q)
    return f32(extra)


def specials(*extra):
    base = [0.0, -0.0, INF, -INF, NAN, FLT_MIN, -FLT_MIN, FLT_MAX, -FLT_MAX, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0]
    base += SUBNORMALS + [-s for s in SUBNORMALS]
    return f32(base + list(extra))


def cat(*parts):
    return np.concatenate([np.asarray(p, dtype=F32).ravel() for p in parts])


def shuffled(x):
    x = x.copy()
    RNG.shuffle(x)
    return x


def hexbits(a):
    return ['%08x' % v for v in np.asarray(a, dtype=F32).view(np.uint32)]


def emit(name, x, y, x2=None):
    x = np.asarray(x, dtype=F32)
    y = np.asarray(y, dtype=F32)
    print('fn %s %d' % (name, len(x)))
    if x2 is None:
        for a, b in zip(hexbits(x), hexbits(y)):
            print(a, b)
    else:
        for a, b, c in zip(hexbits(x), hexbits(x2), hexbits(y)):
            print(a, b, c)


def torch_unary(fn, x):
    t = torch.from_numpy(np.ascontiguousarray(x, dtype=F32))
    return fn(t).numpy()


def pad16(x):
    """Trim to a multiple of 16 so every lane takes cpu_kernel_vec's vector path."""
    return x[: len(x) - len(x) % 16]


def main():
    print('# PyTorch %s float32 kernels, ATEN_CPU_CAPABILITY=avx2, 1 thread; written by tools/goldens/gen_sleef.py'
          % torch.__version__)
    n = 3000
    nb = 400
    unary = {}
    unary['exp'] = cat(uniform(-105, 90, n), loguniform(-8, 1, 600), random_bits(nb),
                       around([-104, -103.97, -87.33655, -88.7, -89, -100, 88.72283, 88.7228, 100, 100.1, 0, 1, -1]),
                       specials(1e-7, -1e-7, 20.0, -20.0))
    unary['log'] = cat(loguniform(-45, 38.5, n, signed=False), uniform(0.5, 2, 600), uniform(0.99, 1.01, 300),
                       random_bits(nb), around([1.0, 0.75, 1.5, FLT_MIN, 4.0 / 3.0]),
                       specials(-3.0, 1e38, 3e38))
    for name in ('log2', 'log10'):
        unary[name] = cat(loguniform(-45, 38.5, 2000, signed=False), uniform(0.5, 2, 400), random_bits(nb),
                          around([1.0, 0.75, 1.5, FLT_MIN, 2.0, 10.0]), specials(8.0, 1024.0, 1e10, 1e-10))
    unary['log1p'] = cat(uniform(-1, 10, n), loguniform(-10, 0, 800), loguniform(0, 38.5, 400, signed=False),
                         random_bits(nb), around([-1, -0.5, 0, 1e38, 1.0]), specials(-1.5, 3e38, 1e38, 1.1e38))
    unary['expm1'] = cat(uniform(-20, 90, n), loguniform(-10, 1, 800), random_bits(nb),
                         around([88.72283172607421875, -16.635532333438687, 0, -1e-5, 1e-5]), specials(-50.0, 89.0))
    unary['tanh'] = cat(uniform(-10, 10, n), loguniform(-10, 1.3, 800), random_bits(nb),
                        around([8.664339742, -8.664339742, 0.5, 1.0]), specials(-9.0, 9.0, 20.0))
    unary['erf'] = cat(uniform(-5, 5, n), loguniform(-10, 1, 600), random_bits(nb),
                       around([1.1, 2.4, 4.0, -1.1, -2.4, -4.0]), specials(6.0, -6.0))
    unary['erfc'] = cat(uniform(-5, 11, n), loguniform(-10, 1.3, 600), random_bits(nb),
                        around([1.0, 2.2, 4.3, 10.1, -1.0, -2.2]), specials(12.0, -12.0, 9.0))
    for name in ('asin', 'acos'):
        unary[name] = cat(uniform(-1, 1, n), f32(1 - 10.0 ** RNG.uniform(-7, 0, 400)),
                          -f32(1 - 10.0 ** RNG.uniform(-7, 0, 400)), loguniform(-10, 0, 400), random_bits(nb),
                          around([0.5, -0.5, 1.0, -1.0, 0.0]), specials(1.5, -1.5))
    unary['atan'] = cat(loguniform(-10, 10, n), uniform(-3, 3, 600), random_bits(nb), around([1.0, -1.0, 0.0]),
                        specials(1e30, -1e30))
    # sin, cos, tan: SLEEF takes its Payne-Hanek path for a whole vector of 8 when one lane has |x| >= 125,
    # so the first section (a multiple of 8) is all small, the second mixes large and small arguments.
    for name in ('sin', 'cos', 'tan'):
        small = cat(uniform(-10, 10, 2000), uniform(-125, 125, 1000), loguniform(-10, 0, 400),
                    around([0.7, 3.14159265, 1.5707963, 124.9, -124.9, 0.0]))
        small = small[: len(small) - len(small) % 8]
        large = shuffled(cat(loguniform(2.0969, 38.5, 1200), uniform(-1000, 1000, 600), uniform(-125, 125, 400),
                             random_bits(nb), around([125.0, -125.0, 1e4, 39000.0, 1e38, 3.4e38]),
                             specials(1e30, -1e30, 8388608.0)))
        unary[name] = cat(small, large)
    torch_fns = {name: getattr(torch, name) for name in unary}
    torch_fns['erfc'] = torch.special.erfc
    for name, x in unary.items():
        emit(name, x, torch_unary(torch_fns[name], x))

    for name in ('sinh', 'cosh'):
        x = pad16(cat(uniform(-90, 90, n), uniform(-5, 5, 800), loguniform(-10, 0, 400), random_bits(nb),
                      around([89.0, -89.0, 88.7, 0.0]), specials(100.0, -100.0)))
        emit(name, x, torch_unary(getattr(torch, name), x))

    y = cat(loguniform(-10, 10, n), uniform(-5, 5, 800), random_bits(nb), specials(), f32([0.0, -0.0, INF, -INF]))
    x = cat(loguniform(-10, 10, n), uniform(-5, 5, 800), random_bits(nb), specials()[::-1],
            f32([0.0, 0.0, 1.0, -1.0]))
    combos = [(a, b) for a in specials()[:9] for b in specials()[:9]]
    y = cat(y, f32([c[0] for c in combos]), loguniform(-40, -37, 64))
    x = cat(x, f32([c[1] for c in combos]), loguniform(-45, -38, 64))
    y, x = pad16(y), pad16(x)
    r = torch.atan2(torch.from_numpy(y.copy()), torch.from_numpy(x.copy())).numpy()
    emit('atan2', y, r, x)

    xs = cat(uniform(-100, 100, n), uniform(-10, 10, 800), random_bits(nb), specials(88.0, -88.0, 104.0, -104.0))
    xs = xs[: len(xs) - len(xs) % 16 - 9]  # a multiple of 16 plus 7: the last 7 take the scalar formula
    emit('sigmoid', xs, torch_unary(torch.sigmoid, xs))
    xs = cat(uniform(-100, 100, 2400), uniform(-10, 10, 600), random_bits(nb), specials())
    xs = xs[: len(xs) - len(xs) % 15]
    ys = np.concatenate([torch.sigmoid(torch.from_numpy(xs[i:i + 15].copy())).numpy() for i in range(0, len(xs), 15)])
    emit('sigmoid_scalar', xs, ys)


if __name__ == '__main__':
    main()
