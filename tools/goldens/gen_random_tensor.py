#!/usr/bin/env python3
"""Goldens for the tensor-level random API (Torch.rand*/randint/randperm/bernoulli/multinomial/normal,
Tensor.uniform_/normal_/bernoulli_/exponential_/log_normal_/geometric_/cauchy_/random_, org.autograd4j.nn.Init) from PyTorch 1.13.1.

    /usr/bin/python3 tools/goldens/gen_random_tensor.py > core/src/test/resources/goldens/random_tensor.txt

Replayed by core/src/test/java/org/autograd4j/random/TensorRandomTest.java (the init lines by nn/InitTest.java). One command per line:
    seed S                  torch.manual_seed(S); later ops use the default generator
    gen S                   later ops pass generator=torch.Generator().manual_seed(S)
    CMD ARGS... = V V ...   the result's values in logical (row-major) order
Values: f32 = 8 hex digits of the IEEE bits, f64/i64 = 16 hex digits, bool = i64 0/1. 'sha' commands give the
SHA-256 of the little-endian raw values instead. Shapes are written 3x4. Views of a zero-filled base tensor:
    c = base, t = base.transpose(0, 1), s = base.view(..., n/2, 2).select(-1, 0) (every second element of
    the last dim), n = base.narrow(0, 1, size(0) - 1) (contiguous, offset), p = base.permute(2, 0, 1)
In-place commands write the whole base. Probabilities: p[i] = (i % 11) / 10 over the base's row-major index;
multinomial weights w[i] = (i * 7) % 13 + 1 ('pos') or (i * 7) % 5 ('zeros').
"""
import hashlib
import struct
import sys
import warnings

import torch
from torch.nn import init

MASK64 = (1 << 64) - 1
DT = {'f32': torch.float32, 'f64': torch.float64, 'i64': torch.int64, 'bool': torch.bool}
out = sys.stdout
G = None  # explicit generator, or None for the default one


def raw(t, dt):
    vals = t.contiguous().reshape(-1).tolist()
    if dt == 'f32':
        return [struct.unpack('<I', struct.pack('<f', v))[0] for v in vals], 8
    if dt == 'f64':
        return [struct.unpack('<Q', struct.pack('<d', v))[0] for v in vals], 16
    return [int(v) & MASK64 for v in vals], 16


def emit(cmd, t, dt):
    vals, w = raw(t, dt)
    out.write('%s = %s\n' % (cmd, ' '.join('%0*x' % (w, v) for v in vals)))


def emit_sha(cmd, t, dt):
    vals, w = raw(t, dt)
    fmt = '<%d%s' % (len(vals), 'I' if w == 8 else 'Q')
    out.write('%s = %s\n' % (cmd, hashlib.sha256(struct.pack(fmt, *vals)).hexdigest()))


def shp(s):
    return 'x'.join(map(str, s))


def fx(v):
    return float(v).hex()


def gkw():
    return {} if G is None else {'generator': G}


def seed(s):
    global G
    G = None
    torch.manual_seed(s)
    out.write('seed %d\n' % s)


def gen(s):
    global G
    G = torch.Generator().manual_seed(s)
    out.write('gen %d\n' % s)


def view(base, v):
    if v == 'c':
        return base
    if v == 't':
        return base.transpose(0, 1)
    if v == 's':
        return base.view(*base.shape[:-1], base.shape[-1] // 2, 2).select(-1, 0)
    if v == 'n':
        return base.narrow(0, 1, base.shape[0] - 1)
    if v == 'p':
        return base.permute(2, 0, 1)
    raise ValueError(v)


def probs(shape, dt):
    n = 1
    for s in shape:
        n *= s
    return torch.tensor([(i % 11) / 10.0 for i in range(n)], dtype=DT[dt]).reshape(shape)


def rand(dt, shape):
    emit('rand %s %s' % (dt, shp(shape)), torch.rand(shape, dtype=DT[dt], **gkw()), dt)


def randn(dt, shape):
    emit('randn %s %s' % (dt, shp(shape)), torch.randn(shape, dtype=DT[dt], **gkw()), dt)


def randint(dt, lo, hi, shape):
    t = torch.randint(lo, hi, shape, dtype=DT[dt], **gkw())
    emit('randint %s %d %d %s' % (dt, lo, hi, shp(shape)), t, dt)


def randinth(hi, shape):
    emit('randinth %d %s' % (hi, shp(shape)), torch.randint(hi, shape), 'i64')


def randperm(n):
    emit('randperm %d' % n, torch.randperm(n, **gkw()), 'i64')


def normal(mean, std, shape):
    emit('normal %s %s %s' % (fx(mean), fx(std), shp(shape)), torch.normal(mean, std, shape, **gkw()), 'f32')


def like(kind, dt, v, base_shape, *a):
    x = view(torch.zeros(base_shape, dtype=DT[dt]), v)
    if kind == 'rand':
        t = torch.rand_like(x)
    elif kind == 'randn':
        t = torch.randn_like(x)
    else:
        t = torch.randint_like(x, a[0], a[1])
    emit(' '.join(['like', kind, dt, v, shp(base_shape)] + [str(x) for x in a]), t, dt)


def inplace(op, dt, v, base_shape, *a):
    base = torch.zeros(base_shape, dtype=DT[dt])
    x = view(base, v)
    kw = gkw()
    if op == 'uniform':
        x.uniform_(a[0], a[1], **kw)
    elif op == 'normal':
        x.normal_(a[0], a[1], **kw)
    elif op == 'bernoulli':
        x.bernoulli_(a[0], **kw)
    elif op == 'bernoullit':
        x.bernoulli_(probs(list(x.shape), 'f32'), **kw)
    elif op == 'exponential':
        x.exponential_(a[0], **kw)
    elif op == 'lognormal':
        x.log_normal_(a[0], a[1], **kw)
    elif op == 'geometric':
        x.geometric_(a[0], **kw)
    elif op == 'cauchy':
        x.cauchy_(a[0], a[1], **kw)
    elif op == 'random2':
        x.random_(a[0], a[1], **kw)
    elif op == 'random1':
        x.random_(a[0], **kw)
    elif op == 'random0':
        x.random_(**kw)
    else:
        raise ValueError(op)
    args = [fx(v_) if isinstance(v_, float) else str(v_) for v_ in a]
    emit(' '.join(['inplace', op, dt, v, shp(base_shape)] + args), base, dt)


def bernoulli(dt, v, base_shape):
    p = view(probs(base_shape, dt), v)
    emit('bernoulli %s %s %s' % (dt, v, shp(base_shape)), torch.bernoulli(p, **gkw()), dt)


def bernoullis(dt, shape, p):
    emit('bernoullis %s %s %s' % (dt, shp(shape), fx(p)), torch.bernoulli(torch.zeros(shape, dtype=DT[dt]), p), dt)


def multinomial(dt, kind, rows, cats, k, repl, transposed=False):
    """transposed: the weights are tensor(w).reshape(cats, rows).t() (dense, not contiguous)."""
    n = max(rows, 1) * cats
    vals = [(i * 7) % 13 + 1 if kind == 'pos' else (i * 7) % 5 for i in range(n)]
    w = torch.tensor(vals, dtype=DT[dt])
    if transposed:
        w = w.reshape(cats, rows).t()
    else:
        w = w.reshape(rows, cats) if rows > 0 else w
    t = torch.multinomial(w, k, replacement=bool(repl), **gkw())
    emit('%s %s %s %d %d %d %d' % ('multinomialt' if transposed else 'multinomial', dt, kind, rows, cats, k, repl),
         t, 'i64')


def ninit(name, dt, shape, *a):
    t = torch.empty(shape, dtype=DT[dt], requires_grad=True)
    f = getattr(init, name.replace('_default', '') + '_')
    f(t, *a)
    assert t.requires_grad and t.grad_fn is None
    args = [fx(v) if isinstance(v, float) else str(v) for v in a]
    emit(' '.join(['init', name, dt, shp(shape)] + args), t.detach(), dt)


def main():
    warnings.simplefilter('ignore')
    cfg = torch.__config__.show()
    out.write('# PyTorch %s (%s) tensor random goldens (tools/goldens/gen_random_tensor.py); capability: %s\n'
              % (torch.__version__, '1.13.1' if '1.13.1' in cfg else '?',
                 'AVX2' if 'CPU capability usage: AVX2' in cfg else '?'))

    out.write('# ---- factories\n')
    for s in (0, 42):
        for dt in ('f32', 'f64'):
            for shape in ([3, 5], [4, 4], [2, 3, 5], [17]):
                seed(s); rand(dt, shape)
                seed(s); randn(dt, shape)
        for dt, lo, hi in [('i64', 0, 10), ('i64', -7, 2**33 + 5), ('i64', -2**62, 2**62), ('i64', -2**40, 3),
                           ('f32', -100, 100), ('f64', 0, 2**40), ('bool', 0, 2)]:
            seed(s); randint(dt, lo, hi, [4, 5])
        seed(s); randinth(1000, [7])
        for n in (0, 1, 2, 10, 100):
            seed(s); randperm(n)
        seed(s); normal(2.5, 0.5, [20])
        seed(s); normal(-1.0, 3.0, [3, 4])
        out.write('# ---- *_like (preserve_format: a transposed input gives a transposed result, filled in memory order)\n')
        for dt in ('f32', 'f64'):
            for v, base in (('c', [4, 5]), ('t', [4, 5]), ('t', [3, 5]), ('s', [4, 6]), ('p', [2, 3, 4])):
                seed(s); like('rand', dt, v, base)
                seed(s); like('randn', dt, v, base)
                seed(s); like('randint', dt, v, base, -3, 50)
        seed(s); like('randint', 'i64', 't', [4, 5], 0, 2**35)

        out.write('# ---- in place, contiguous and non-contiguous\n')
        for dt in ('f32', 'f64'):
            for v, base in (('c', [4, 5]), ('c', [5, 7]), ('t', [4, 5]), ('t', [8, 6]), ('t', [3, 5]), ('s', [4, 6]),
                            ('s', [6, 10]), ('n', [5, 4]), ('n', [9, 4]), ('p', [2, 3, 4]), ('p', [4, 3, 8])):
                seed(s); inplace('uniform', dt, v, base, -2.5, 7.25)
                seed(s); inplace('normal', dt, v, base, 0.5, 2.0)
                seed(s); inplace('bernoulli', dt, v, base, 0.3)
                seed(s); inplace('bernoullit', dt, v, base)
                seed(s); inplace('exponential', dt, v, base, 1.5)
                seed(s); inplace('lognormal', dt, v, base, 0.3, 0.7)
                seed(s); inplace('geometric', dt, v, base, 0.3)
                seed(s); inplace('cauchy', dt, v, base, 0.3, 1.7)
                seed(s); inplace('random2', dt, v, base, -5, 1000)
                seed(s); inplace('random1', dt, v, base, 77)
                seed(s); inplace('random0', dt, v, base)
        for dt in ('i64', 'bool'):
            for v, base in (('c', [4, 5]), ('t', [4, 5]), ('s', [4, 6])):
                seed(s); inplace('bernoulli', dt, v, base, 0.6)
                seed(s); inplace('bernoullit', dt, v, base)
                seed(s); inplace('random2', dt, v, base, 0, 2)
                seed(s); inplace('random0', dt, v, base)
            seed(s); inplace('random2', 'i64', 't', [4, 5], -2**50, 2**50)
            seed(s); inplace('random1', 'i64', 's', [4, 6], 3)
        for v, base in (('c', [4, 5]), ('c', [5, 7]), ('t', [4, 5]), ('t', [8, 6]), ('s', [4, 6]), ('p', [2, 3, 4])):
            seed(s); inplace('geometric', 'i64', v, base, 0.3)
        for dt in ('f32', 'f64', 'i64'):
            seed(s); inplace('geometric', dt, 't', [6, 5], 0.01)
        for dt in ('f32', 'f64'):
            seed(s); inplace('lognormal', dt, 't', [5, 3], 1.0, 2.0)
            seed(s); inplace('lognormal', dt, 'c', [4, 4], -1.5, 0.25)
            seed(s); inplace('cauchy', dt, 'c', [4, 5], 0.0, 1.0)
            seed(s); inplace('cauchy', dt, 't', [4, 5], -2.5, 0.1)

        out.write('# ---- torch.bernoulli\n')
        for dt in ('f32', 'f64'):
            for v, base in (('c', [4, 5]), ('t', [4, 5]), ('s', [4, 6])):
                seed(s); bernoulli(dt, v, base)
            seed(s); bernoullis(dt, [3, 7], 0.25)

        out.write('# ---- multinomial, 1-d (rows = 0) and 2-d\n')
        for dt in ('f32', 'f64'):
            for kind in ('pos', 'zeros'):
                for rows, cats, k, repl in [(0, 7, 1, 0), (0, 7, 1, 1), (0, 10, 4, 0), (0, 10, 25, 1),
                                            (3, 6, 2, 0), (3, 6, 1, 1), (3, 6, 5, 1), (4, 50, 10, 0),
                                            (2, 33, 200, 1)]:
                    if kind == 'zeros' and not repl and k > 1:
                        continue  # ties among zero weights: PyTorch's topk order is unspecified
                    seed(s); multinomial(dt, kind, rows, cats, k, repl)
            for rows, cats, k, repl in [(4, 6, 3, 0), (4, 6, 1, 0), (4, 6, 3, 1), (5, 40, 8, 0)]:
                seed(s); multinomial(dt, 'pos', rows, cats, k, repl, transposed=True)

        out.write('# ---- nn.init (leaves that require grad; init runs under no_grad)\n')
        for dt in ('f32', 'f64'):
            for shape in ([20, 12], [6, 4, 3, 3], [7, 5]):
                seed(s); ninit('kaiming_uniform_default', dt, shape)
                seed(s); ninit('kaiming_uniform', dt, shape, 5 ** 0.5, 'fan_in', 'leaky_relu')
                seed(s); ninit('kaiming_uniform', dt, shape, 0.0, 'fan_out', 'relu')
                seed(s); ninit('kaiming_normal_default', dt, shape)
                seed(s); ninit('kaiming_normal', dt, shape, 0.2, 'fan_out', 'leaky_relu')
                seed(s); ninit('xavier_uniform_default', dt, shape)
                seed(s); ninit('xavier_uniform', dt, shape, 5.0 / 3)
                seed(s); ninit('xavier_normal_default', dt, shape)
                seed(s); ninit('xavier_normal', dt, shape, 2 ** 0.5)
            seed(s); ninit('uniform', dt, [6, 4], -0.1, 0.1)
            seed(s); ninit('uniform_default', dt, [6, 4])
            seed(s); ninit('normal', dt, [6, 4], 0.0, 0.02)
            seed(s); ninit('normal_default', dt, [6, 4])
            seed(s); ninit('constant', dt, [3, 2], 0.5)
            seed(s); ninit('zeros', dt, [3, 2])
            seed(s); ninit('ones', dt, [3, 2])

    out.write('# ---- explicit generators\n')
    for s in (0, 2**32 + 7):
        gen(s); rand('f32', [3, 5])
        gen(s); randn('f64', [4, 5])
        gen(s); randint('i64', -2**40, 2**40, [6])
        gen(s); randperm(12)
        gen(s); normal(1.0, 0.25, [17])
        gen(s); bernoulli('f32', 't', [4, 5])
        gen(s); multinomial('f32', 'pos', 3, 6, 5, 1)
        gen(s); multinomial('f64', 'pos', 4, 50, 10, 0)
        gen(s); inplace('uniform', 'f32', 't', [4, 5], 0.0, 1.0)
        gen(s); inplace('normal', 'f32', 't', [8, 6], 0.0, 1.0)
        gen(s); inplace('bernoulli', 'f64', 's', [4, 6], 0.5)
        gen(s); inplace('exponential', 'f32', 'c', [5, 7], 2.0)
        gen(s); inplace('random2', 'i64', 'c', [4, 5], 3, 9)
        gen(s); inplace('lognormal', 'f32', 't', [4, 5], 0.5, 1.25)
        gen(s); inplace('lognormal', 'f64', 'c', [5, 7], 0.5, 1.25)
        gen(s); inplace('geometric', 'f64', 't', [4, 5], 0.2)
        gen(s); inplace('geometric', 'i64', 'c', [5, 7], 0.6)
        gen(s); inplace('cauchy', 'f32', 'c', [5, 7], 1.0, 3.0)
        gen(s); inplace('cauchy', 'f64', 't', [4, 5], 1.0, 3.0)

    out.write('# ---- sequences: the cached normal across paths (a 15-element scalar fill leaves one behind)\n')
    for s in (0, 7):
        seed(s)
        inplace('normal', 'f32', 't', [3, 5], 0.0, 1.0)
        randn('f32', [3])
        randn('f32', [16])
        inplace('normal', 'f64', 't', [5, 3], 1.0, 2.0)
        randn('f64', [1])
        like('randn', 'f32', 't', [2, 3])
        rand('f32', [2])
        randperm(5)
        inplace('uniform', 'f32', 's', [4, 6], 0.0, 1.0)
        randint('i64', 0, 2**40, [3])

    out.write('# ---- sequences: log_normal_ takes and leaves the cached normal (odd counts)\n')
    for s in (0, 7):
        seed(s)
        inplace('lognormal', 'f64', 'c', [3], 0.0, 1.0)
        inplace('lognormal', 'f32', 't', [3, 1], 0.5, 2.0)
        randn('f64', [3])
        inplace('cauchy', 'f32', 'c', [3], 0.0, 1.0)
        inplace('normal', 'f32', 't', [1, 3], 0.0, 1.0)
        inplace('lognormal', 'f64', 'c', [1], 0.0, 1.0)

    out.write('# ---- large\n')
    seed(7); emit_sha('sha randn f32 100000', torch.randn(100000), 'f32')
    seed(7); emit_sha('sha rand f64 100000', torch.rand(100000, dtype=torch.float64), 'f64')
    seed(7); emit_sha('sha randint i64 100000', torch.randint(-2**40, 2**40, (100000,)), 'i64')
    seed(7); emit_sha('sha randperm 100000', torch.randperm(100000), 'i64')


if __name__ == '__main__':
    main()
