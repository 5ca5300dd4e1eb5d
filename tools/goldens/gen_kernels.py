#!/usr/bin/env python3
"""Goldens for the elementwise, scan and all/any kernels of org.autograd4j.kernels, from PyTorch 1.13.1 (CPU).

Every value is PyTorch's own result: each op is evaluated once per (dtype, parameters) on one contiguous
tensor holding all the inputs of that block, padded to a multiple of 16 elements (the padding is not
written), so that every element goes through ATen's AVX2 vector code (Sleef for the transcendental
functions), which is what the kernels reproduce. Without the padding the last n mod 16 (float32) or n mod 8
(float64) elements of a cpu_kernel_vec op would take the scalar lambda instead (glibc), which differs from
the vector code in a few corners (fmod of huge quotients, sinh/cosh just below overflow, see the Java
kernels).

One op has two algorithms by layout, and both are written: for a contiguous float32 tensor of more than one
element PyTorch 1.13.1 hands exact GELU (and gelu_backward) to oneDNN 2.6 (eltwise_gelu_erf, an
Abramowitz-Stegun erf approximation), which the kernels reproduce bit for bit; a strided view takes ATen's own
formula x*0.5*(1+erf(x/sqrt 2)). The blocks from a strided view are marked 'strided', and the test runs them
through a strided layout. For GELU_BACKWARD the strided operand is the forward input; ATen's scalar code
(strided) also differs from its vector code (contiguous) by a fused multiply-add, in float64 too.

Run with the Debian build of PyTorch 1.13.1 (AVX2):

    /usr/bin/python3 tools/goldens/gen_kernels.py > core/src/test/resources/goldens/kernels.txt

File format ('#' starts a comment line; all numbers are IEEE-754 / two's complement bits in hex: 8 digits for
float32, 16 for float64 and int64 and for the parameters, which are always float64; bool is 0 or 1):
    unary OP DTYPE P0 P1 [strided]  a block of unary cases of kernel op OP (a UnaryOp name) with parameters P0, P1
                                    ('strided': PyTorch evaluated a strided view, so must the test)
    X Y                             one case: input bits, output bits (output dtype: DTYPE, or bool for isnan...)
    binary OP DTYPE [strided]       a block of binary cases (a BinaryOp name; 'strided': the second operand,
                                    the forward input of GELU_BACKWARD, was a strided view)
    A B Y                           one case
    scan OP DTYPE OUTDTYPE          a block of cumulative sums/products along one vector (a ScanOp name)
    X1,X2,... Y1,Y2,...             one vector and its result
    reduce OP DTYPE                 a block of all/any reductions over one vector (a ReduceOp name), bool out
    X1,X2,... Y                     one vector (may be '-' for empty) and its result
    error unary OP DTYPE P0 P1 X MESSAGE...     PyTorch raises RuntimeError(MESSAGE) for this case
    error binary OP DTYPE A B MESSAGE...
Any NaN output means NaN (payloads are not compared).
"""
import math
import random
import struct
import sys

import numpy as np
import torch

torch.set_num_threads(1)  # the values do not depend on it; this keeps the run quiet and repeatable
F = torch.nn.functional

DT = {'float32': torch.float32, 'float64': torch.float64, 'int64': torch.int64, 'bool': torch.bool}
H = float.fromhex
INF = math.inf
NAN = math.nan


def bits(v, dtype):
    if dtype == 'float32':
        return '%08x' % struct.unpack('<I', struct.pack('<f', v))[0]
    if dtype == 'float64':
        return '%016x' % struct.unpack('<Q', struct.pack('<d', v))[0]
    if dtype == 'int64':
        return '%016x' % (int(v) & 0xFFFFFFFFFFFFFFFF)
    if dtype == 'bool':
        return '1' if v else '0'
    raise ValueError(dtype)


def pbits(p):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', float(p)))[0]


def as_dtype(values, dtype):
    """The values rounded to dtype, deduplicated by bits, order kept."""
    out, seen = [], set()
    for v in values:
        if dtype == 'float32':
            v = float(np.float32(v))
        b = bits(v, dtype)
        if b not in seen:
            seen.add(b)
            out.append(v)
    return out


# ------------------------------------------------------------------ inputs

def specials(dtype):
    tiny = 1.401298464324817e-45 if dtype == 'float32' else 5e-324
    minn = 1.1754943508222875e-38 if dtype == 'float32' else 2.2250738585072014e-308
    big = float(np.finfo(np.float32).max) if dtype == 'float32' else 1.7976931348623157e308
    eps = 2.0 ** -23 if dtype == 'float32' else 2.0 ** -52
    s = [0.0, -0.0, INF, -INF, NAN, tiny, -tiny, minn, -minn, minn * (1 - eps), big, -big, 1.0, -1.0,
         0.5, -0.5, 2.0, -2.0, 1 + eps, 1 - eps / 2, -1 - eps, -1 + eps / 2, 1e-30, -1e-30, 1e30, -1e30,
         math.pi, -math.pi, math.e, 10.0, -10.0, 3.0, 100.0, -100.0]
    if dtype == 'float64':
        s += [1e-300, -1e-300, 1e300, -1e300, 1e-200, 1e200]
    return s


def spread(rng, n, lo_exp, hi_exp, signed=True):
    """n values with log-uniform magnitudes 2^lo_exp .. 2^hi_exp (random signs when signed)."""
    out = []
    for _ in range(n):
        v = 2.0 ** rng.uniform(lo_exp, hi_exp)
        out.append(-v if signed and rng.random() < 0.5 else v)
    return out


def uniform(rng, n, lo, hi):
    return [rng.uniform(lo, hi) for _ in range(n)]


def near(points, dtype, k=3):
    """Each point and its k neighbours on either side in dtype."""
    out = []
    for p in points:
        if dtype == 'float32':
            v = np.float32(p)
            lo = hi = v
            out.append(float(v))
            for _ in range(k):
                lo = np.nextafter(lo, np.float32(-INF))
                hi = np.nextafter(hi, np.float32(INF))
                out += [float(lo), float(hi)]
        else:
            lo = hi = p
            out.append(p)
            for _ in range(k):
                lo = math.nextafter(lo, -INF)
                hi = math.nextafter(hi, INF)
                out += [lo, hi]
    return out


def general(rng, dtype, n=240):
    lo, hi = (-140, 120) if dtype == 'float32' else (-1060, 1015)
    return specials(dtype) + spread(rng, n // 2, lo, hi) + spread(rng, n // 4, -8, 5) + uniform(rng, n // 4, -10, 10)


def bounded(rng, dtype, edges, lo, hi, n=200):
    """Values in [lo, hi] (and around edges) for functions with a small interesting range."""
    return specials(dtype) + near(edges, dtype) + uniform(rng, n // 2, lo, hi) + spread(rng, n // 2, -30, math.log2(max(abs(lo), abs(hi))))


def rounding(rng, dtype):
    big = 2.0 ** 23 if dtype == 'float32' else 2.0 ** 52
    halves = [k + 0.5 for k in range(-6, 6)]
    v = specials(dtype) + halves + near([0.5, -0.5, 1.5, 2.5, big, -big, big / 2, 2 * big, 0.49999999999999994], dtype, 2)
    v += [big - 0.5, -(big - 0.5), big / 2 + 0.5, 1e20, -1e20] + uniform(rng, 120, -50, 50) + spread(rng, 80, -40, 70)
    return v


def float_inputs(op, rng, dtype):
    ex = 88.8 if dtype == 'float32' else 709.9
    return {
        'LOG1P': lambda: bounded(rng, dtype, [-1.0, -0.5, 0.0, H('0x1p-29'), 0.41421356, -0.29289322], -1, 1e6),
        'EXPM1': lambda: bounded(rng, dtype, [0.0, ex, -ex, 0.34657359, -0.34657359, 56 * 0.6931471805599453], -ex - 20, ex + 5),
        'LOG2': lambda: bounded(rng, dtype, [0.0, 1.0, 2.0, 0.5, 0.70710678, 1.41421356, 3.0, 1024.0], 0, 1e6) + spread(rng, 120, -1070 if dtype == 'float64' else -149, 1020 if dtype == 'float64' else 127, False),
        'LOG10': lambda: bounded(rng, dtype, [0.0, 1.0, 10.0, 100.0, 1e-5, 0.1], 0, 1e6) + spread(rng, 120, -1070 if dtype == 'float64' else -149, 1020 if dtype == 'float64' else 127, False),
        'EXP2': lambda: bounded(rng, dtype, [0.0, 1.0, -1.0, 128.0 if dtype == 'float32' else 1024.0, -126.0 if dtype == 'float32' else -1022.0, -149.0 if dtype == 'float32' else -1074.0], -160 if dtype == 'float32' else -1100, 130 if dtype == 'float32' else 1030),
        'RSQRT': lambda: general(rng, dtype) + spread(rng, 100, -140, 120, False),
        'TAN': lambda: general(rng, dtype) + near([math.pi / 2, -math.pi / 2, math.pi / 4, 3 * math.pi / 2], dtype) + uniform(rng, 100, -4, 4),
        'ASIN': lambda: bounded(rng, dtype, [-1.0, 1.0, 0.5, -0.5, 0.0], -1.2, 1.2),
        'ACOS': lambda: bounded(rng, dtype, [-1.0, 1.0, 0.5, -0.5, 0.0], -1.2, 1.2),
        'ATAN': lambda: general(rng, dtype) + near([0.4375, 0.6875, 1.1875, 2.4375, 1.0, -1.0], dtype),
        'SINH': lambda: bounded(rng, dtype, [0.0, 22.0, 89.4 if dtype == 'float32' else 710.4758600739439, -89.4 if dtype == 'float32' else -710.4758600739439, 0.5, -0.5], -ex - 5, ex + 5),
        'COSH': lambda: bounded(rng, dtype, [0.0, 22.0, 89.4 if dtype == 'float32' else 710.4758600739439, -89.4 if dtype == 'float32' else -710.4758600739439, 0.5, -0.5], -ex - 5, ex + 5),
        'ASINH': lambda: general(rng, dtype) + near([H('0x1p-28'), 2.0, -2.0, H('0x1p28'), -H('0x1p28')], dtype) + uniform(rng, 60, -3, 3),
        'ACOSH': lambda: bounded(rng, dtype, [1.0, 2.0, H('0x1p28')], 0.5, 50) + spread(rng, 100, 0, 1000 if dtype == 'float64' else 120, False),
        'ATANH': lambda: bounded(rng, dtype, [-1.0, 1.0, 0.5, -0.5, 0.0, H('0x1p-28')], -1.1, 1.1),
        'ERF': lambda: bounded(rng, dtype, [0.84375, -0.84375, 1.25, -1.25, 1 / 0.35, 6.0, -6.0, H('0x1p-28'), 3.9],
                               -7, 7),
        'ERFC': lambda: bounded(rng, dtype, [0.84375, -0.84375, 1.25, -1.25, 1 / 0.35, 6.0, -6.0, 28.0, 0.25, 26.5 if dtype == 'float64' else 10.0544, 9.1],
                                -7, 28 if dtype == 'float64' else 11),
        'FLOOR': lambda: rounding(rng, dtype),
        'CEIL': lambda: rounding(rng, dtype),
        'ROUND': lambda: rounding(rng, dtype),
        'TRUNC': lambda: rounding(rng, dtype),
        'FRAC': lambda: rounding(rng, dtype),
        'SOFTPLUS': lambda: general(rng, dtype) + uniform(rng, 150, -30, 30) + near([20.0, 10.0, 2.5, -20.0], dtype, 2),
        'HARDTANH': lambda: general(rng, dtype) + near([1.0, -1.0, -2.5, 0.5], dtype, 2) + uniform(rng, 60, -3, 3),
        'ELU': lambda: general(rng, dtype) + uniform(rng, 100, -20, 5) + spread(rng, 60, -60, 0),
        'LEAKY_RELU': lambda: general(rng, dtype) + uniform(rng, 60, -5, 5),
        'GELU': lambda: general(rng, dtype) + uniform(rng, 200, -8, 8) + spread(rng, 60, -60, 0),
        'GELU_TANH': lambda: general(rng, dtype) + uniform(rng, 200, -8, 8) + spread(rng, 60, -60, 0),
        'SILU': lambda: general(rng, dtype) + uniform(rng, 150, -100, 30) + spread(rng, 60, -60, 0),
        'MISH': lambda: general(rng, dtype) + uniform(rng, 150, -100, 30) + spread(rng, 60, -60, 0),
        'ISNAN': lambda: specials(dtype) + uniform(rng, 10, -5, 5),
        'ISINF': lambda: specials(dtype) + uniform(rng, 10, -5, 5),
        'ISFINITE': lambda: specials(dtype) + uniform(rng, 10, -5, 5),
        'NAN_TO_NUM': lambda: specials(dtype) + uniform(rng, 10, -5, 5),
    }[op]()


# ------------------------------------------------------------------ ops

def fmax(dtype):
    return float(torch.finfo(DT[dtype]).max)


# name -> (torch function of (x, p0, p1), [parameter pairs]) ; p0/p1 are what the Java caller passes
UNARY = {
    'LOG1P': (lambda x, p, q: torch.log1p(x), [(0, 0)]),
    'EXPM1': (lambda x, p, q: torch.expm1(x), [(0, 0)]),
    'LOG2': (lambda x, p, q: torch.log2(x), [(0, 0)]),
    'LOG10': (lambda x, p, q: torch.log10(x), [(0, 0)]),
    'EXP2': (lambda x, p, q: torch.exp2(x), [(0, 0)]),
    'RSQRT': (lambda x, p, q: torch.rsqrt(x), [(0, 0)]),
    'TAN': (lambda x, p, q: torch.tan(x), [(0, 0)]),
    'ASIN': (lambda x, p, q: torch.asin(x), [(0, 0)]),
    'ACOS': (lambda x, p, q: torch.acos(x), [(0, 0)]),
    'ATAN': (lambda x, p, q: torch.atan(x), [(0, 0)]),
    'SINH': (lambda x, p, q: torch.sinh(x), [(0, 0)]),
    'COSH': (lambda x, p, q: torch.cosh(x), [(0, 0)]),
    'ASINH': (lambda x, p, q: torch.asinh(x), [(0, 0)]),
    'ACOSH': (lambda x, p, q: torch.acosh(x), [(0, 0)]),
    'ATANH': (lambda x, p, q: torch.atanh(x), [(0, 0)]),
    'ERF': (lambda x, p, q: torch.erf(x), [(0, 0)]),
    'ERFC': (lambda x, p, q: torch.erfc(x), [(0, 0)]),
    'FLOOR': (lambda x, p, q: torch.floor(x), [(0, 0)]),
    'CEIL': (lambda x, p, q: torch.ceil(x), [(0, 0)]),
    'ROUND': (lambda x, p, q: torch.round(x), [(0, 0)]),
    'TRUNC': (lambda x, p, q: torch.trunc(x), [(0, 0)]),
    'FRAC': (lambda x, p, q: torch.frac(x), [(0, 0)]),
    'SOFTPLUS': (lambda x, p, q: F.softplus(x, beta=p, threshold=q), [(1, 20), (2, 5), (0.3, 1), (-1.5, 3)]),
    'HARDTANH': (lambda x, p, q: F.hardtanh(x, p, q), [(-1, 1), (-2.5, 0.5), (0.1, 0.7)]),
    'ELU': (lambda x, p, q: F.elu(x, alpha=p), [(1, 0), (0.3, 0), (2.0, 0)]),
    'LEAKY_RELU': (lambda x, p, q: F.leaky_relu(x, p), [(0.01, 0), (0.2, 0), (-0.5, 0), (1.5, 0)]),
    'GELU': (lambda x, p, q: F.gelu(x), [(0, 0)]),
    'GELU_TANH': (lambda x, p, q: F.gelu(x, approximate='tanh'), [(0, 0)]),
    'SILU': (lambda x, p, q: F.silu(x), [(0, 0)]),
    'MISH': (lambda x, p, q: F.mish(x), [(0, 0)]),
    'ISNAN': (lambda x, p, q: torch.isnan(x), [(0, 0)]),
    'ISINF': (lambda x, p, q: torch.isinf(x), [(0, 0)]),
    'ISFINITE': (lambda x, p, q: torch.isfinite(x), [(0, 0)]),
    'NAN_TO_NUM': (lambda x, p, q: torch.nan_to_num(x, nan=0.0, posinf=p, neginf=q), ['max', (1e10, -5.5), (1e300, -1e300)]),
}

# unary ops on integer/bool inputs: the kernel keeps the dtype (or writes bool)
UNARY_INT = ['FLOOR', 'CEIL', 'ROUND', 'TRUNC', 'HARDTANH', 'NAN_TO_NUM', 'ISNAN', 'ISINF', 'ISFINITE']
# ops whose int64/bool kernels PyTorch rejects: the messages are recorded
UNARY_INT_ERRORS = {'int64': ['FRAC', 'ELU', 'LEAKY_RELU', 'SOFTPLUS', 'GELU', 'SILU', 'MISH'],
                    'bool': ['FLOOR', 'CEIL', 'ROUND', 'TRUNC', 'FRAC', 'HARDTANH', 'ELU', 'LEAKY_RELU']}

BINARY = {
    'ATAN2': torch.atan2,
    'FMOD': torch.fmod,
    'REMAINDER': torch.remainder,
    'HYPOT': torch.hypot,
    'LOGADDEXP': torch.logaddexp,
    'XLOGY': torch.xlogy,
    'LOGICAL_AND': torch.logical_and,
    'LOGICAL_OR': torch.logical_or,
    'GELU_BACKWARD': lambda g, x: torch.ops.aten.gelu_backward(g, x),
    'MISH_BACKWARD': lambda g, x: torch.ops.aten.mish_backward(g, x),
}


def binary_inputs(op, rng, dtype):
    if dtype in ('int64', 'bool'):
        raise ValueError
    sp = [0.0, -0.0, INF, -INF, NAN, 1.0, -1.0, 0.5, -2.5, 3.0, -7.0, 1e-30, 1e30,
          5e-324 if dtype == 'float64' else 1.401298464324817e-45, 1e300 if dtype == 'float64' else 3e38]
    pairs = [(a, b) for a in sp for b in sp]
    if op in ('FMOD', 'REMAINDER'):
        pairs += [(uniform(rng, 1, -100, 100)[0], rng.choice([-1, 1]) * rng.uniform(0.01, 30)) for _ in range(250)]
        pairs += [(s1 * 2.0 ** rng.uniform(-20, 80), s2 * 2.0 ** rng.uniform(-20, 20))
                  for s1, s2 in [(rng.choice([-1, 1]), rng.choice([-1, 1])) for _ in range(150)]]
        pairs += [(5.3, 0.1), (-5.3, 0.1), (0.7, -0.1), (1e17, 3.0), (-1e-20, 1.0), (1e-20, -1.0), (-4.0, 2.0), (4.0, -2.0)]
        # quotients near and past the top of the range, where Sleef's vector fmod gives NaN
        top = 128 if dtype == 'float32' else 1024
        pairs += [(2.0 ** (top - 1), 2.0 ** -k) for k in (0, 1, 2, 3, 20)] + [(1.0, 2.0 ** -(top - 2 + k)) for k in range(5)]
        pairs += [(3e38, 0.7), (-3e38, 0.7), (3e38, -1.5)] if dtype == 'float32' else [(1e308, 1e-10), (-1e300, 3e-25), (1e300, 1e-23)]
    elif op == 'LOGADDEXP':
        pairs += [(rng.uniform(-50, 50), rng.uniform(-50, 50)) for _ in range(200)]
        pairs += [(a, a + rng.uniform(-1, 1) * 2.0 ** rng.uniform(-30, 5)) for a in uniform(rng, 100, -100, 100)]
        pairs += [(0.0, -20.0), (0.0, -40.0), (1e-10, -30.0)]
    elif op == 'XLOGY':
        pairs += [(rng.uniform(-10, 10), 2.0 ** rng.uniform(-60, 60)) for _ in range(300)]
        pairs += [(0.0, rng.uniform(-5, 5)) for _ in range(10)]
    elif op in ('GELU_BACKWARD', 'MISH_BACKWARD'):
        # (gradient, forward input): the derivative over its interesting range, its zero near -0.75 / -1.19,
        # far tails, and the special values
        xs = uniform(rng, 300, -6, 6) + [rng.gauss(0, 1) for _ in range(150)] + spread(rng, 60, -40, 7) + near([-0.7517916, -1.1924, 0.0], dtype, 2)
        pairs = [(a, b) for a in [1.0, -2.5, INF, NAN, 0.0] for b in [0.0, -0.0, INF, -INF, NAN, 1.0, -1.0, 30.0, -30.0, 100.0, -100.0]]
        pairs += [(rng.gauss(0, 2), v) for v in xs]
        pairs += [(rng.choice([0.0, 0.3, -1.0]), rng.choice([0.0, NAN, 2.0])) for _ in range(20)]
    else:
        pairs += [(2.0 ** rng.uniform(-40, 40) * rng.choice([-1, 1]), 2.0 ** rng.uniform(-40, 40) * rng.choice([-1, 1]))
                  for _ in range(250)]
        pairs += [(rng.uniform(-10, 10), rng.uniform(-10, 10)) for _ in range(150)]
        lo, hi = (-148, 126) if dtype == 'float32' else (-1070, 1022)
        pairs += [(2.0 ** rng.uniform(lo, hi) * rng.choice([-1, 1]), 2.0 ** rng.uniform(lo, hi) * rng.choice([-1, 1]))
                  for _ in range(100)]
    if dtype == 'float32':
        pairs = [(float(np.float32(a)), float(np.float32(b))) for a, b in pairs]
    return pairs


def int_pairs(rng):
    sp = [0, 1, -1, 2, -2, 7, -7, 3, -3, 2 ** 62, -2 ** 62, 2 ** 63 - 1, -2 ** 63, 10 ** 18, -(10 ** 18) + 1]
    pairs = [(a, b) for a in sp for b in sp if b != 0 and not (a == -2 ** 63 and b == -1)]
    pairs += [(rng.randrange(-1000, 1000), rng.choice([-1, 1]) * rng.randrange(1, 50)) for _ in range(200)]
    pairs += [(rng.randrange(-2 ** 63, 2 ** 63), rng.choice([-1, 1]) * rng.randrange(1, 2 ** 40)) for _ in range(100)]
    return pairs


def padded(values, dtype):
    """values as a tensor padded with copies of its first element to a multiple of 16 (see the docstring)."""
    pad = (-len(values)) % 16
    return torch.tensor(list(values) + [values[0]] * pad, dtype=DT[dtype])


def message(e):
    return str(e).split('\n')[0]


# ------------------------------------------------------------------ writing

def main():
    rng = random.Random(20240913)
    w = sys.stdout.write
    config = torch.__config__.show()
    capability = 'AVX2' if 'CPU capability usage: AVX2' in config else 'not AVX2: regenerate on an AVX2 machine'
    w('# Written by tools/goldens/gen_kernels.py from PyTorch 1.13.1 (torch.__version__ %s, CPU, %s); do not edit.\n'
      % (torch.__version__, capability))

    for op, (fn, params) in UNARY.items():
        for dtype in ('float32', 'float64'):
            xs = as_dtype(float_inputs(op, rng, dtype), dtype)
            for pq in params:
                p, q = (fmax(dtype), -fmax(dtype)) if pq == 'max' else pq
                for strided in ((False, True) if op == 'GELU' and dtype == 'float32' else (False,)):
                    x = padded(xs, dtype)
                    if strided:
                        # ATen's formula rather than oneDNN's (see the module docstring)
                        x = torch.stack([x, x], 1)[:, 0]
                    y = fn(x, p, q)
                    odt = 'bool' if y.dtype == torch.bool else dtype
                    w('unary %s %s %s %s%s\n' % (op, dtype, pbits(p), pbits(q), ' strided' if strided else ''))
                    for xi, yi in list(zip(x.tolist(), y.tolist()))[:len(xs)]:
                        w('%s %s\n' % (bits(xi, dtype), bits(yi, odt)))

    ints = [0, 1, -1, 5, -5, 2 ** 62, -2 ** 63, 2 ** 63 - 1, 123456789012, -98765]
    for op in UNARY_INT:
        fn, params = UNARY[op]
        for dtype in ('int64', 'bool'):
            if dtype == 'bool' and op not in ('ISNAN', 'ISINF', 'ISFINITE', 'NAN_TO_NUM'):
                continue
            xs = ints if dtype == 'int64' else [False, True]
            for pq in params:
                p, q = (fmax('float32'), -fmax('float32')) if pq == 'max' else pq
                if op == 'NAN_TO_NUM' and pq != 'max':
                    continue
                y = fn(torch.tensor(xs, dtype=DT[dtype]), p, q)
                odt = 'bool' if y.dtype == torch.bool else dtype
                w('unary %s %s %s %s\n' % (op, dtype, pbits(p), pbits(q)))
                for xi, yi in zip(xs, y.tolist()):
                    w('%s %s\n' % (bits(xi, dtype), bits(yi, odt)))
    for dtype, ops in UNARY_INT_ERRORS.items():
        for op in ops:
            fn, params = UNARY[op]
            p, q = params[0]
            xv = 3 if dtype == 'int64' else True
            try:
                fn(torch.tensor([xv], dtype=DT[dtype]), p, q)
                raise SystemExit('expected an error: %s %s' % (op, dtype))
            except RuntimeError as e:
                w('error unary %s %s %s %s %s %s\n' % (op, dtype, pbits(p), pbits(q), bits(xv, dtype), message(e)))

    for op, fn in BINARY.items():
        for dtype in ('float32', 'float64'):
            pairs = binary_inputs(op, rng, dtype)
            for strided in ((False, True) if op == 'GELU_BACKWARD' else (False,)):
                a = padded([p[0] for p in pairs], dtype)
                b = padded([p[1] for p in pairs], dtype)
                if strided:
                    # gelu_backward of a strided forward input: ATen's scalar code instead of oneDNN / the vector code
                    b = torch.stack([b, b], 1)[:, 0]
                y = fn(a, b)
                odt = 'bool' if y.dtype == torch.bool else dtype
                w('binary %s %s%s\n' % (op, dtype, ' strided' if strided else ''))
                for ai, bi, yi in list(zip(a.tolist(), b.tolist(), y.tolist()))[:len(pairs)]:
                    w('%s %s %s\n' % (bits(ai, dtype), bits(bi, dtype), bits(yi, odt)))
    for op in ('FMOD', 'REMAINDER', 'LOGICAL_AND', 'LOGICAL_OR'):
        pairs = int_pairs(rng)
        a = torch.tensor([p[0] for p in pairs], dtype=torch.int64)
        b = torch.tensor([p[1] for p in pairs], dtype=torch.int64)
        y = BINARY[op](a, b)
        odt = 'bool' if y.dtype == torch.bool else 'int64'
        w('binary %s int64\n' % op)
        for ai, bi, yi in zip(a.tolist(), b.tolist(), y.tolist()):
            w('%s %s %s\n' % (bits(ai, 'int64'), bits(bi, 'int64'), bits(yi, odt)))
    for op in ('LOGICAL_AND', 'LOGICAL_OR'):
        a = torch.tensor([False, False, True, True]); b = torch.tensor([False, True, False, True])
        y = BINARY[op](a, b)
        w('binary %s bool\n' % op)
        for ai, bi, yi in zip(a.tolist(), b.tolist(), y.tolist()):
            w('%s %s %s\n' % (bits(ai, 'bool'), bits(bi, 'bool'), bits(yi, 'bool')))
    for op in ('FMOD', 'REMAINDER'):
        for av in (7, -7, 0):
            try:
                BINARY[op](torch.tensor([av]), torch.tensor([0]))
                raise SystemExit('expected ZeroDivisionError')
            except RuntimeError as e:
                w('error binary %s int64 %s %s %s\n' % (op, bits(av, 'int64'), bits(0, 'int64'), message(e)))
        for dtype in ('bool',):
            try:
                BINARY[op](torch.tensor([True]), torch.tensor([True]))
                raise SystemExit('expected an error')
            except RuntimeError as e:
                w('error binary %s bool 1 1 %s\n' % (op, message(e)))
    for op in ('HYPOT', 'LOGADDEXP', 'GELU_BACKWARD', 'MISH_BACKWARD'):
        for dtype, v in (('int64', 3), ('bool', True)):
            try:
                BINARY[op](torch.tensor([v]), torch.tensor([v]))
                raise SystemExit('expected an error')
            except RuntimeError as e:
                w('error binary %s %s %s %s %s\n' % (op, dtype, bits(v, dtype), bits(v, dtype), message(e)))

    # scans: PyTorch's cumsum/cumprod along one vector
    def scan_block(op, fn, dtype, vectors):
        y0 = fn(torch.tensor(vectors[0], dtype=DT[dtype]), 0)
        odt = {torch.float32: 'float32', torch.float64: 'float64', torch.int64: 'int64'}[y0.dtype]
        w('scan %s %s %s\n' % (op, dtype, odt))
        for v in vectors:
            y = fn(torch.tensor(v, dtype=DT[dtype]), 0)
            w('%s %s\n' % (','.join(bits(t, dtype) for t in torch.tensor(v, dtype=DT[dtype]).tolist()),
                           ','.join(bits(t, odt) for t in y.tolist())))

    for dtype in ('float32', 'float64'):
        sums = [uniform(rng, 3000, 0, 1), [0.1] * 2000, uniform(rng, 500, -1e6, 1e6) + [INF, 1.0, -INF, 2.0],
                [1.0, NAN, 2.0], [5.0]]
        prods = [uniform(rng, 600, 0.9, 1.1), uniform(rng, 200, -3, 3), [1e30, 1e30, 1e-30, 0.0, INF, 2.0], [NAN, 0.0]]
        scan_block('CUMSUM', torch.cumsum, dtype, sums)
        scan_block('CUMPROD', torch.cumprod, dtype, prods)
    scan_block('CUMSUM', torch.cumsum, 'int64', [[rng.randrange(-10 ** 15, 10 ** 15) for _ in range(300)], [2 ** 62, 2 ** 62, 1]])
    scan_block('CUMPROD', torch.cumprod, 'int64', [[rng.randrange(-9, 10) for _ in range(40)], [2 ** 32, 2 ** 32, 3]])
    scan_block('CUMSUM', torch.cumsum, 'bool', [[rng.random() < 0.5 for _ in range(50)]])
    scan_block('CUMPROD', torch.cumprod, 'bool', [[True, True, False, True]])

    # all / any
    for op, fn in (('ALL', torch.all), ('ANY', torch.any)):
        for dtype in ('float32', 'float64', 'int64', 'bool'):
            if dtype in ('float32', 'float64'):
                vecs = [[], [1.0, 2.0], [1.0, 0.0], [NAN], [-0.0], [0.0, -0.0], [0.0, 5e-324 if dtype == 'float64' else 1e-45],
                        [INF, -INF]]
            elif dtype == 'int64':
                vecs = [[], [1, 2], [0, 0], [0, -2 ** 63], [3, 0]]
            else:
                vecs = [[], [True], [False], [True, False], [True, True], [False, False]]
            w('reduce %s %s\n' % (op, dtype))
            for v in vecs:
                t = torch.tensor(v, dtype=DT[dtype])
                y = fn(t)
                xs = ','.join(bits(u, dtype) for u in t.tolist()) or '-'
                w('%s %s\n' % (xs, bits(y.item(), 'bool')))


if __name__ == '__main__':
    main()
