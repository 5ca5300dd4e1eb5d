#!/usr/bin/env python3
"""Goldens for org.autograd4j.math.Libm: glibc's double log, sin, cos, tan, exp, bit for bit.

The oracle is the C library itself: each value is computed by glibc's libm.so.6 through ctypes and, wherever
Python's math module accepts the argument (it calls the same C functions but raises on domain errors and
overflow), checked against math.log/sin/cos/tan/exp. Run on the glibc the ports reproduce (2.36, x86-64 with
FMA and AVX2 -- glibc then selects its FMA builds, __log_fma, __sin_fma, ...):

    /usr/bin/python3 tools/goldens/gen_libm.py > core/src/test/resources/goldens/libm.txt

File format ('#' starts a comment line):
    fn NAME                     the function of the following lines (log, sin, cos, tan, exp)
    XXXXXXXXXXXXXXXX YYYYYYYYYYYYYYYY   argument and result, IEEE-754 bits in hex (any NaN result counts as NaN)

Bulk mode, for the large check that LibmTest runs only when asked (-Dlibm.bulk=DIR):
    /usr/bin/python3 tools/goldens/gen_libm.py --bulk 10000000 DIR
writes DIR/NAME.bin for each function: N (argument, result) pairs of little-endian uint64, drawn from the same
distributions as the goldens with another seed.
"""
import ctypes
import ctypes.util
import math
import os
import platform
import random
import struct
import sys

LIBM = ctypes.CDLL(ctypes.util.find_library('m') or 'libm.so.6')
FUNCS = ['log', 'sin', 'cos', 'tan', 'exp']
C = {}
for _name in FUNCS:
    _f = getattr(LIBM, _name)
    _f.restype = ctypes.c_double
    _f.argtypes = [ctypes.c_double]
    C[_name] = _f
PY = {'log': math.log, 'sin': math.sin, 'cos': math.cos, 'tan': math.tan, 'exp': math.exp}

PACK_D = struct.Struct('<d')
PACK_Q = struct.Struct('<Q')


def bits(x):
    return PACK_Q.unpack(PACK_D.pack(x))[0]


def from_bits(b):
    return PACK_D.unpack(PACK_Q.pack(b & 0xFFFFFFFFFFFFFFFF))[0]


def glibc(name, x):
    y = C[name](x)
    try:
        yp = PY[name](x)
    except (ValueError, OverflowError):
        return y
    if not (math.isnan(y) and math.isnan(yp)) and bits(y) != bits(yp):
        raise SystemExit('ctypes and math disagree: %s(%r) = %r vs %r' % (name, x, y, yp))
    return y


SPECIALS = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 2.2250738585072014e-308,
            1.7976931348623157e308, -1.7976931348623157e308, 1.0, -1.0, 0.5, 2.0, math.pi, math.pi / 2,
            math.pi / 4, 2 * math.pi]
# Boundaries between the code paths of each function.
H = float.fromhex
THRESHOLDS = {
    'log': [1.0 - H('0x1p-4'), 1.0 + H('0x1.09p-4'), 1.0, H('0x1p-1022'), H('0x1p-1074'), 1.7976931348623157e308,
            H('0x1.6p-1'), H('0x1.6p0')],
    'sin': [H('0x1p-26'), H('0x1p-27'), 0.855469, 0.126, 2.426265, 105414350.0, math.pi / 4, 1e22, H('0x1p1023')],
    'exp': [709.782712893384, -708.3964185322641, -745.1332191019411, 512.0, -512.0, 1024.0, -1024.0,
            H('0x1p-54'), H('0x1p-53')],
    'tan': [1.259e-8, 0.0608, 0.787, 25.0, 1e8, math.pi / 4, H('0x1p1023')],
}
THRESHOLDS['cos'] = THRESHOLDS['sin']


def near(rng, t):
    """A double within 2^20 ulps of t (mostly), of either sign."""
    d = rng.randrange(-64, 64) if rng.random() < 0.5 else rng.randrange(-(1 << 20), 1 << 20)
    x = from_bits(bits(abs(t)) + d)
    return -x if rng.random() < 0.5 else x


def u01(rng):
    """A uniform double in [0, 1) on 53 bits, as PyTorch's CPU generator makes them."""
    return rng.getrandbits(53) * H('0x1p-53')


def arguments(name, rng, n):
    """n arguments for `name`: the kinds PyTorch's samplers pass, general ranges, boundaries, special values."""
    out = list(SPECIALS)
    while len(out) < n:
        k = rng.randrange(10)
        if k == 0:
            x = near(rng, rng.choice(THRESHOLDS[name]))
        elif k == 1:
            x = from_bits(rng.getrandbits(64))  # any double, NaN and inf included
        elif name == 'log':
            u = u01(rng)
            u32 = struct.unpack('<f', struct.pack('<f', u))[0]  # float32 uniforms, widened
            x = [u, 1.0 - u, 1.0 - u, u, 1.0 + (u - 0.5) * 0.25, from_bits(rng.getrandbits(52)),
                 u * 1000.0, 1.0 - u32][k - 2]
        elif name == 'exp':
            u = u01(rng)
            x = [(u - 0.5) * 20.0, (u - 0.5) * 1500.0, -745.2 + u * 40.0, 690.0 + u * 20.0,
                 (u - 0.5) * 2e-6, rng.gauss(0.0, 1.0) * 2.0 + 0.5, math.log(u + 1e-300), (u - 0.5) * 2.0][k - 2]
        else:
            u = u01(rng)
            two_pi_u = 2.0 * math.pi * u
            x = [two_pi_u, two_pi_u, math.pi * (u - 0.5), (u - 0.5) * 20.0, (u - 0.5) * 2e3, (u - 0.5) * 2.2e8,
                 near(rng, math.floor(u * 1e8) * (math.pi / 2)),
                 near(rng, math.ldexp(u, rng.randrange(1000)) * (math.pi / 2))][k - 2]
        out.append(x)
    return out[:n]


def main():
    if len(sys.argv) == 4 and sys.argv[1] == '--bulk':
        n, d = int(sys.argv[2]), sys.argv[3]
        os.makedirs(d, exist_ok=True)
        for name in FUNCS:
            rng = random.Random('bulk-' + name)
            f = C[name]
            with open(os.path.join(d, name + '.bin'), 'wb') as o:
                for x in arguments(name, rng, n):
                    o.write(struct.pack('<QQ', bits(x), bits(f(x))))
        return
    out = sys.stdout
    out.write('# glibc %s double log/sin/cos/tan/exp goldens (tools/goldens/gen_libm.py); %s\n'
              % (platform.libc_ver()[1], platform.machine()))
    for name in FUNCS:
        rng = random.Random('goldens-' + name)
        out.write('fn %s\n' % name)
        for x in arguments(name, rng, 20000):
            out.write('%016x %016x\n' % (bits(x), bits(glibc(name, x))))


if __name__ == '__main__':
    main()
