#!/usr/bin/env python3
"""Goldens for org.autograd4j.kernels.CascadeSum: PyTorch 1.13.1's CPU sum (aten/src/ATen/native/cpu/SumKernel.cpp,
cascade_sum) bit for bit, float32 and float64, at one and two threads.

The inputs are not stored: every case names a generator mode, a seed and a size, and CascadeSumTest rebuilds the
same values from the same exact formula (splitmix64 over the element index, mapped to floats without rounding):

    z_i  = mix64(seed + (i + 1) * 0x9E3779B97F4A7C15)          (mod 2^64; mix64 is splitmix64's finaliser)
    u01  float32: (z >> 40) * 2^-24          float64: (z >> 11) * 2^-53            uniform in [0, 1)
    sym  float32: (z >> 40) * 2^-23 - 1      float64: (z >> 11) * 2^-52 - 1        uniform in [-1, 1)
    wide (-1)^(z & 1) * (1 + m) * 2^(((z >> 1) & 31) - 16), m = (z >> 41) * 2^-23 (float32), (z >> 12) * 2^-52
         (float64): magnitudes 2^-16 .. 2^16, so that the order of the additions shows in the last bits

Run with the Debian build of PyTorch 1.13.1 and its AVX2 kernels (ATen's Vectorized<float> is 8 lanes there, 16
with AVX-512, and the bits depend on it; on this build the default capability is AVX2 as well):

    ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_sum.py > core/src/test/resources/goldens/sum_f32.txt

File format ('#' starts a comment; results are IEEE-754 bits in hex, 8 digits float32, 16 float64):
    sum DTYPE MODE SEED N STRIDE T1 T2   x = gen(N * STRIDE)[::STRIDE] (a 1-D view of N elements at that stride);
                                         T1, T2: x.sum() at torch.set_num_threads(1) and (2)
    rows DTYPE MODE SEED R C DIM         x = gen(R * C).reshape(R, C); a block of x.sum(DIM) (DIM 1: over the
                                         contiguous last dim, R outputs; DIM 0: over the rows, C outputs)
    t1 B0,B1,...                         the outputs at one thread
    t2 B0,B1,...                         only when two threads give other bits (never seen: the split is over
                                         the output columns there)
    view DTYPE MODE SEED R C VIEW DIM    a block of v.sum(DIM) (DIM 'all': v.sum()) of a 2-D view v of
                                         x = gen(R * C).reshape(R, C): VIEW 'cols2' x[:, ::2], 'rows2' x[::2],
                                         't' x.t(), 'narrow' x[:, 1:]; followed by t1 and (if they differ) t2
"""
import sys

import numpy as np
import torch

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
M1 = np.uint64(0xBF58476D1CE4E5B9)
M2 = np.uint64(0x94D049BB133111EB)
MODES = ('u01', 'sym', 'wide')


def gen(dtype, mode, seed, n):
    """The inputs of a case, exactly as CascadeSumTest.gen makes them."""
    i = np.arange(1, n + 1, dtype=np.uint64)
    with np.errstate(over='ignore'):
        z = np.uint64(seed) + i * GOLDEN
        z = (z ^ (z >> np.uint64(30))) * M1
        z = (z ^ (z >> np.uint64(27))) * M2
        z = z ^ (z >> np.uint64(31))
    f32 = dtype == torch.float32
    if mode == 'u01':
        v = (z >> np.uint64(40)).astype(np.float64) * 2.0 ** -24 if f32 else (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
    elif mode == 'sym':
        v = (z >> np.uint64(40)).astype(np.float64) * 2.0 ** -23 - 1 if f32 else (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -52 - 1
    else:
        m = (z >> np.uint64(41)).astype(np.float64) * 2.0 ** -23 if f32 else (z >> np.uint64(12)).astype(np.float64) * 2.0 ** -52
        e = ((z >> np.uint64(1)) & np.uint64(31)).astype(np.int64) - 16
        s = 1.0 - 2.0 * (z & np.uint64(1)).astype(np.float64)
        v = s * np.ldexp(1.0 + m, e)
    # every value above is exact in float64 and in the target dtype: the cast does not round
    return torch.from_numpy(v.astype(np.float32 if f32 else np.float64))


def bits(t):
    t = t.contiguous().reshape(-1)
    if t.dtype == torch.float32:
        return ['%08x' % (b & 0xFFFFFFFF) for b in t.view(torch.int32).tolist()]
    return ['%016x' % (b & 0xFFFFFFFFFFFFFFFF) for b in t.view(torch.int64).tolist()]


def at_threads(f):
    out = []
    for t in (1, 2):
        torch.set_num_threads(t)
        out.append(f())
    torch.set_num_threads(1)
    return out


DT = {'float32': torch.float32, 'float64': torch.float64}
SIZES = list(range(0, 301)) + [1000, 1023, 4096, 4098, 32767, 32768, 32769, 65535, 65536, 65537, 100000,
                               1 << 20, (1 << 20) + 7, 16 << 20]
STRIDED = list(range(0, 41)) + [100, 1000, 4097, 32769, 40000]
ROWS = [1, 2, 3, 4, 5, 8, 16, 17, 33, 100, 257]
COLS = [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 32, 33, 40, 64, 65, 100, 129]
ROWS64 = [1, 3, 4, 5, 16, 17, 100]
COLS64 = [1, 3, 4, 5, 7, 8, 9, 16, 17, 31, 32, 33, 65]
# numel >= 32768 (ATen's GRAIN_SIZE), where two threads split the work; (DIM, R, C)
VIEWS = {'cols2': lambda x: x[:, ::2], 'rows2': lambda x: x[::2], 't': lambda x: x.t(), 'narrow': lambda x: x[:, 1:]}
VIEW_ROWS = [1, 3, 8, 17, 100]
VIEW_COLS = [2, 5, 9, 16, 17, 33, 70]
VIEW_BIG = [(300, 301), (1000, 67)]
BIG = [(1, 300, 300), (0, 300, 300), (1, 1000, 70), (0, 1000, 70), (0, 70, 1000), (1, 3, 40000), (0, 40000, 3),
       (0, 33, 1100)]


def main():
    w = sys.stdout.write
    w('# Written by tools/goldens/gen_sum.py from PyTorch 1.13.1 (torch.__version__ %s, CPU, ATEN_CPU_CAPABILITY=avx2);'
      ' do not edit.\n' % torch.__version__)
    seed = 1
    for dname, dt in DT.items():
        for mode in MODES:
            sizes = SIZES if dname == 'float32' or mode == 'sym' else [n for n in SIZES if n <= 64 or n > 300]
            for n in sizes:
                seed += 1
                x = gen(dt, mode, seed, n)
                r = at_threads(lambda: x.sum())
                w('sum %s %s %d %d 1 %s %s\n' % (dname, mode, seed, n, bits(r[0])[0], bits(r[1])[0]))
        for stride in (2, 3):
            for n in STRIDED:
                seed += 1
                x = gen(dt, 'sym', seed, n * stride)[::stride]
                r = at_threads(lambda: x.sum())
                w('sum %s sym %d %d %d %s %s\n' % (dname, seed, n, stride, bits(r[0])[0], bits(r[1])[0]))
        f32 = dname == 'float32'
        shapes = [(d, r, c) for r in (ROWS if f32 else ROWS64) for c in (COLS if f32 else COLS64) for d in (1, 0)]
        for (dim, rr, cc) in shapes + BIG:
            mode = MODES[seed % 3]
            seed += 1
            x = gen(dt, mode, seed, rr * cc).reshape(rr, cc)
            r = at_threads(lambda: x.sum(dim))
            w('rows %s %s %d %d %d %d\n' % (dname, mode, seed, rr, cc, dim))
            w('t1 %s\n' % ','.join(bits(r[0])))
            if not torch.equal(r[0].view(torch.int32 if dt == torch.float32 else torch.int64),
                               r[1].view(torch.int32 if dt == torch.float32 else torch.int64)):
                w('t2 %s\n' % ','.join(bits(r[1])))
        for (rr, cc) in [(r, c) for r in VIEW_ROWS for c in VIEW_COLS] + VIEW_BIG:
            for vname, view in VIEWS.items():
                for dim in ('0', '1', 'all'):
                    mode = MODES[seed % 3]
                    seed += 1
                    v = view(gen(dt, mode, seed, rr * cc).reshape(rr, cc))
                    r = at_threads(lambda: v.sum() if dim == 'all' else v.sum(int(dim)))
                    w('view %s %s %d %d %d %s %s\n' % (dname, mode, seed, rr, cc, vname, dim))
                    b1, b2 = bits(r[0]), bits(r[1])
                    w('t1 %s\n' % ','.join(b1))
                    if b1 != b2:
                        w('t2 %s\n' % ','.join(b2))


if __name__ == '__main__':
    main()
