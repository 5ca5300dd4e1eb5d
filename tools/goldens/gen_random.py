#!/usr/bin/env python3
"""Goldens for org.autograd4j.random: raw bits of PyTorch's CPU random numbers.

Run with the PyTorch 1.13 install (AVX2 CPU capability, which is PyTorch's default on x86-64 with AVX2):
    /usr/bin/python3 tools/goldens/gen_random.py > core/src/test/resources/goldens/random.txt

File format (one command per line, '#' starts a comment line):
    seed S                      manual_seed(S), S the uint64 seed in decimal
    loadstate HEX               set_state(bytes)
    OP ARGS... = V V V ...      run OP on the generator, compare every value bit for bit
Values: f32 = 8 hex digits (IEEE bits), f64 and i64 = 16 hex digits (two's complement), state = one hex string.
Double arguments are written with float.hex() (Java's Double.parseDouble reads them exactly).
Inputs derived from the index (bernoulli probabilities, multinomial weights) are given by formulas that the
Java test reproduces:
    bernoullip:  p[i] = (i % 11) / 10.0      (rounded to the dtype)
    multinomial: w[i] = (i * 7) % 13 + 1     ('pos') or (i * 7) % 5 ('zeros')
"""
import struct
import sys

import warnings

import torch
import torch.nn.functional  # noqa: F401
from torch.nn import init

MASK64 = (1 << 64) - 1
DT = {'f32': torch.float32, 'f64': torch.float64, 'i64': torch.int64, 'i32': torch.int32}
out = sys.stdout


def hexes(t, dt):
    t = t.contiguous().reshape(-1)
    if dt == 'f32':
        return ' '.join('%08x' % struct.unpack('<I', struct.pack('<f', v))[0] for v in t.tolist())
    if dt == 'f64':
        return ' '.join('%016x' % struct.unpack('<Q', struct.pack('<d', v))[0] for v in t.tolist())
    return ' '.join('%016x' % (int(v) & MASK64) for v in t.tolist())


def fx(v):
    return float(v).hex()


def emit(cmd, t, dt):
    out.write('%s = %s\n' % (cmd, hexes(t, dt)))


def seed(s):
    torch.manual_seed(s)
    out.write('seed %d\n' % (s & MASK64))


def state():
    out.write('state = %s\n' % bytes(torch.get_rng_state().tolist()).hex())


def bern_probs(n, dt):
    return torch.tensor([(i % 11) / 10.0 for i in range(n)], dtype=DT[dt])


def mn_weights(kind, n, dt):
    if kind == 'pos':
        vals = [(i * 7) % 13 + 1 for i in range(n)]
    else:
        vals = [(i * 7) % 5 for i in range(n)]
    return torch.tensor(vals, dtype=DT[dt])


def run(op, *a):
    """Runs one op in torch and writes its line. The argument list is the line's argument list."""
    if op == 'rand':
        dt, n = a
        t = torch.rand(n, dtype=DT[dt])
        emit('rand %s %d' % (dt, n), t, dt)
    elif op == 'uniform':
        dt, n, lo, hi = a
        t = torch.empty(n, dtype=DT[dt]).uniform_(lo, hi)
        emit('uniform %s %d %s %s' % (dt, n, fx(lo), fx(hi)), t, dt)
    elif op == 'randn':
        dt, n = a
        t = torch.randn(n, dtype=DT[dt])
        emit('randn %s %d' % (dt, n), t, dt)
    elif op == 'normal':
        dt, n, mean, std, contig = a
        if contig:
            t = torch.empty(n, dtype=DT[dt]).normal_(mean, std)
        else:
            base = torch.empty(n, 2, dtype=DT[dt])
            t = base[:, 0]
            assert not t.is_contiguous() or n <= 1
            t.normal_(mean, std)
        emit('normal %s %d %s %s %d' % (dt, n, fx(mean), fx(std), 1 if contig else 0), t, dt)
    elif op == 'randint':
        dt, n, lo, hi = a
        t = torch.randint(lo, hi, (n,), dtype=DT[dt])
        emit('randint %s %d %d %d' % (dt, n, lo, hi), t, 'i64' if dt in ('i64', 'i32') else dt)
    elif op == 'randperm':
        (n,) = a
        emit('randperm %d' % n, torch.randperm(n), 'i64')
    elif op == 'bernoulli':
        dt, n, p = a
        t = torch.empty(n, dtype=DT[dt]).bernoulli_(p)
        emit('bernoulli %s %d %s' % (dt, n, fx(p)), t, dt)
    elif op == 'bernoullip':
        dt, n = a
        t = torch.bernoulli(bern_probs(n, dt))
        emit('bernoullip %s %d' % (dt, n), t, dt)
    elif op == 'exponential':
        dt, n, lam = a
        t = torch.empty(n, dtype=DT[dt]).exponential_(lam)
        emit('exponential %s %d %s' % (dt, n, fx(lam)), t, dt)
    elif op == 'geometric':
        dt, n, p = a
        t = torch.empty(n, dtype=DT[dt]).geometric_(p)
        emit('geometric %s %d %s' % (dt, n, fx(p)), t, dt)
    elif op == 'cauchy':
        dt, n, med, sig = a
        t = torch.empty(n, dtype=DT[dt]).cauchy_(med, sig)
        emit('cauchy %s %d %s %s' % (dt, n, fx(med), fx(sig)), t, dt)
    elif op == 'lognormal':
        dt, n, mean, std = a
        t = torch.empty(n, dtype=DT[dt]).log_normal_(mean, std)
        emit('lognormal %s %d %s %s' % (dt, n, fx(mean), fx(std)), t, dt)
    elif op == 'multinomial':
        dt, kind, rows, cats, k, repl = a
        w = mn_weights(kind, rows * cats, dt).reshape(rows, cats)
        if rows == 1:
            w = w.reshape(cats)
        t = torch.multinomial(w, k, replacement=bool(repl))
        emit('multinomial %s %s %d %d %d %d' % (dt, kind, rows, cats, k, repl), t, 'i64')
    elif op in ('kaiming_uniform', 'kaiming_normal'):
        shape, a_, mode, nl = a
        t = torch.empty(shape)
        getattr(init, op + '_')(t, a=a_, mode=mode, nonlinearity=nl)
        emit('%s %s %s %s %s' % (op, 'x'.join(map(str, shape)), fx(a_), mode, nl), t, 'f32')
    elif op in ('xavier_uniform', 'xavier_normal'):
        shape, gain = a
        t = torch.empty(shape)
        getattr(init, op + '_')(t, gain=gain)
        emit('%s %s %s' % (op, 'x'.join(map(str, shape)), fx(gain)), t, 'f32')
    elif op == 'linear':
        fin, fout = a
        lin = torch.nn.Linear(fin, fout)
        t = torch.cat([lin.weight.detach().reshape(-1), lin.bias.detach()])
        emit('linear %d %d' % (fin, fout), t, 'f32')
    else:
        raise ValueError(op)


def main():
    warnings.simplefilter('ignore')  # randint into float beyond 2^24 warns; the values are still defined
    cfg = torch.__config__.show()
    out.write('# PyTorch %s (%s) CPU random goldens (tools/goldens/gen_random.py); capability: %s; MKL: %s\n'
              % (torch.__version__, '1.13.1' if '1.13.1' in cfg else '?',
                 'AVX2' if 'CPU capability usage: AVX2' in cfg else '?', torch.backends.mkl.is_available()))

    # --- seed semantics: initial_seed after manual_seed(arg); args written as their uint64 bit pattern.
    for arg in [0, 1, 42, -1, -2, 2**32 + 7, 2**63, -2**63, 2**64 - 1, 0xDEADBEEFCAFEBABE]:
        torch.manual_seed(arg)
        out.write('initial_seed %d = %d\n' % (arg & MASK64, torch.initial_seed()))
    out.write('default_generator_seed = %d\n' % torch.Generator().initial_seed())

    # --- fresh seed before each case
    seeds = [0, 42, 2**32 + 7, 0xDEADBEEFCAFEBABE]
    sizes = [1, 3, 15, 16, 17, 33]
    for s in seeds:
        out.write('# ---- seed %d\n' % s)
        for n in sizes + [1000]:
            for dt in ('f32', 'f64'):
                seed(s); run('rand', dt, n)
                seed(s); run('randn', dt, n)
        for n in sizes:
            for dt in ('f32', 'f64'):
                seed(s); run('uniform', dt, n, -2.5, 7.25)
                seed(s); run('uniform', dt, n, 0.1, 0.3)
                seed(s); run('normal', dt, n, 0.1, 3.7, True)
                seed(s); run('normal', dt, n, -1.5, 0.3, False)
                seed(s); run('bernoulli', dt, n, 0.3)
                seed(s); run('bernoullip', dt, n)
                seed(s); run('exponential', dt, n, 1.5)
            seed(s); run('randint', 'i64', n, 0, 10)
            seed(s); run('randint', 'i64', n, -7, 2**33 + 5)
            seed(s); run('randint', 'i64', n, -2**62, 2**62)
            seed(s); run('randint', 'i32', n, -100, 1000)
            seed(s); run('randint', 'f32', n, 3, 2**40)
            seed(s); run('randint', 'f64', n, 0, 123456)
            seed(s); run('randperm', n)
            seed(s); run('geometric', 'f64', n, 0.3)
            seed(s); run('cauchy', 'f64', n, 1.0, 2.0)
            seed(s); run('lognormal', 'f64', n, 0.5, 0.75)
            seed(s); run('lognormal', 'f32', n, 0.5, 0.75)
        seed(s); run('randperm', 1000)
        seed(s); run('randint', 'i64', 1000, 5, 17)
        seed(s); run('normal', 'f32', 1000, 2.0, 0.5, True)
        seed(s); run('exponential', 'f32', 1000, 0.25)
        seed(s); run('bernoulli', 'f32', 1000, 0.7)
        for dt in ('f32', 'f64'):
            for kind in ('pos', 'zeros'):
                for rows, cats, k, repl in [(1, 7, 1, 0), (1, 7, 1, 1), (1, 10, 4, 0), (1, 10, 25, 1),
                                            (3, 6, 2, 0), (3, 6, 5, 1), (1, 1000, 100, 0), (2, 33, 200, 1)]:
                    if kind == 'zeros' and not repl and k > 1:
                        continue  # ties among zero weights: PyTorch's topk order is unspecified
                    seed(s); run('multinomial', dt, kind, rows, cats, k, repl)
        seed(s); run('kaiming_uniform', [50, 30], 0.0, 'fan_in', 'leaky_relu')
        seed(s); run('kaiming_uniform', [8, 3, 3, 3], 5 ** 0.5, 'fan_in', 'leaky_relu')
        seed(s); run('kaiming_uniform', [7, 5], 0.0, 'fan_out', 'relu')
        seed(s); run('kaiming_normal', [50, 30], 0.0, 'fan_in', 'leaky_relu')
        seed(s); run('kaiming_normal', [4, 3], 0.2, 'fan_out', 'leaky_relu')
        seed(s); run('kaiming_normal', [6, 2, 5], 0.0, 'fan_in', 'tanh')
        seed(s); run('xavier_uniform', [20, 10], 1.0)
        seed(s); run('xavier_uniform', [3, 4, 2], 5.0 / 3)
        seed(s); run('xavier_normal', [20, 10], 1.0)
        seed(s); run('xavier_normal', [2, 3], 2 ** 0.5)
        seed(s); run('linear', 3, 4)
        seed(s); run('linear', 10, 7)

    # --- sequences: the cached normal sample, the fill path leaving it alone, tails, states.
    out.write('# ---- sequences\n')
    for s in [0, 7, 2**32 + 7]:
        seed(s)
        run('randn', 'f32', 5)
        run('randn', 'f32', 3)
        run('randn', 'f32', 16)
        state()
        run('randn', 'f64', 1)
        run('normal', 'f32', 20, 0.0, 1.0, False)
        run('randn', 'f64', 33)
        state()
        run('rand', 'f32', 7)
        run('randperm', 7)
        run('lognormal', 'f64', 3, 0.0, 1.0)
        state()
        run('randn', 'f64', 2)
        run('randint', 'i64', 5, 0, 2**40)
        run('randn', 'f32', 100)
        state()
    # set_state round trip: a state with a cached normal, then continue
    seed(3)
    torch.randn(1, dtype=torch.float64)
    st = torch.get_rng_state()
    out.write('loadstate %s\n' % bytes(st.tolist()).hex())
    run('randn', 'f64', 3)
    run('rand', 'f32', 5)
    state()
    # a generator mid-twist (624 draws in) and a fresh torch.Generator()
    seed(11)
    run('rand', 'f32', 700)
    state()
    run('randn', 'f32', 17)

    # --- large
    out.write('# ---- large\n')
    seed(7); run('randn', 'f32', 100000)
    seed(7); run('randn', 'f64', 100000)
    seed(0); run('randperm', 20000)


if __name__ == '__main__':
    main()
