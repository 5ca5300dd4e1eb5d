#!/usr/bin/env python3
"""PyTorch side of ./autograd4j bench: a long-lived worker that the Java runner (SideBySide) drives.

Each workload below is the twin, op for op, of the one with the same name in
benchmarks/src/main/java/org/autograd4j/benchmarks/Workloads.java (same shapes, float32, torch.manual_seed(0)
before the inputs are drawn, so both sides start from the same numbers). Keep the two in step.

Protocol: one command a line on stdin, one answer a line on stdout ("ok ..." or "err <message>"):
  hello                         -> ok <cpus> <torch version> | <BLAS library>
  setup <name>                  -> ok <sum> <sum of |x|>      builds the inputs, runs one call, fingerprints it
  warm <name> <threads> <seconds> <round_ns>
                                -> ok <calls per round> <ns per call>
  round <name> <threads> [percall]
                                -> ok <elapsed ns> <calls> [<median ns of one call>]
                                                              one timed round, time.perf_counter_ns
  drop <name>                   -> ok                         frees the inputs
  quit
Threads: torch.set_num_threads(n) and, since Debian's torch calls OpenBLAS for mm and OpenBLAS keeps its own
thread pool, openblas_set_num_threads(n) too.
"""
import ctypes
import gc
import os
import statistics
import sys
import time

import torch

BIG = 1 << 24


def seed_poly():
    def step():
        x = torch.tensor(2.0, requires_grad=True)
        y = 2*x**4 + x**3 + 3*x**2 + 5*x + 1
        y.backward()
        return x.grad
    return step


def seed_multistep():
    def step():
        x = torch.tensor([[1., 2, 3], [3, 2, 1]], requires_grad=True)
        y = 3*x + 2
        z = 2*y**2
        z.mean().backward()
        return x.grad
    return step


def seed_rnn():
    wh = torch.randn(3, 3, requires_grad=True)
    wx = torch.randn(3, 2, requires_grad=True)
    h = torch.randn(1, 3)
    x = torch.randn(1, 2)

    def step():
        wh.grad = None
        wx.grad = None
        loss = (torch.mm(wh, h.t()) + torch.mm(wx, x.t()) + 5).tanh().sum()
        loss.backward()
        return wh.grad
    return step


def chain_20k():
    def step():
        x = torch.tensor(1.0, requires_grad=True)
        y = x
        for _ in range(10_000):
            y = y*1.0001 + 0.0001
        y.backward()
        return x.grad
    return step


def mlp():
    batch, n_in, hidden, n_out, lr = 64, 784, 256, 10, 0.01
    x = torch.randn(batch, n_in)
    target = torch.tensor([[(i * 7) % n_out] for i in range(batch)])
    w1 = torch.randn(n_in, hidden).mul(0.01).requires_grad_()
    b1 = torch.zeros(hidden).requires_grad_()
    w2 = torch.randn(hidden, n_out).mul(0.01).requires_grad_()
    b2 = torch.zeros(n_out).requires_grad_()
    params = [w1, b1, w2, b2]

    def step():
        h = x.mm(w1).add(b1).relu()
        logits = h.mm(w2).add(b2)
        loss = logits.log_softmax(1).gather(1, target).mean().neg()
        loss.backward()
        with torch.no_grad():
            for p in params:
                p.sub_(p.grad.mul(lr))
                p.grad = None
        return loss
    return step


def sgemm(n):
    def make():
        a = torch.randn(n, n)
        b = torch.randn(n, n)
        return lambda: a.mm(b)
    return make


def tanh_16m():
    a = torch.randn(BIG)
    return a.tanh


def add_16m():
    a = torch.randn(BIG)
    b = torch.randn(BIG)
    return lambda: a.add(b)


def add_16m_out():
    a = torch.randn(BIG)
    b = torch.randn(BIG)
    c = torch.empty(BIG)
    return lambda: torch.add(a, b, out=c)


def add__16m():
    a = torch.randn(BIG)
    b = torch.randn(BIG)
    return lambda: a.add_(b)


def softmax(log):
    def make():
        x = torch.randn(256, 1000, requires_grad=True)
        g = torch.randn(256, 1000)

        def step():
            x.grad = None
            y = x.log_softmax(1) if log else x.softmax(1)
            y.backward(g)
            return x.grad
        return step
    return make


def sum_16m():
    a = torch.randn(BIG)
    return a.sum


WORKLOADS = {
    "seed_poly": seed_poly,
    "seed_multistep": seed_multistep,
    "seed_rnn": seed_rnn,
    "chain_20k": chain_20k,
    "mlp": mlp,
    **{f"sgemm_{n}": sgemm(n) for n in (8, 64, 256, 1024, 2048)},
    "tanh_16M": tanh_16m,
    "add_16M": add_16m,
    "add_16M_out": add_16m_out,
    "add__16M": add__16m,
    "softmax": softmax(False),
    "log_softmax": softmax(True),
    "sum_16M": sum_16m,
}


def _openblas():
    """openblas_set_num_threads of the OpenBLAS this process mapped, or None."""
    try:
        with open("/proc/self/maps") as f:
            libs = sorted({line.split()[-1] for line in f if "openblas" in line.lower() and ".so" in line})
        for lib in libs:
            fn = getattr(ctypes.CDLL(lib), "openblas_set_num_threads", None)
            if fn is not None:
                return fn, lib
    except OSError:
        pass
    return None, None


def _blas():
    try:
        with open("/proc/self/maps") as f:
            libs = sorted({line.split()[-1] for line in f if "blas" in line.lower() and ".so" in line})
        return ",".join(lib.rsplit("/", 1)[-1] for lib in libs) or "unknown"
    except OSError:
        return "unknown"


torch.zeros(4, 4).mm(torch.zeros(4, 4))  # loads the BLAS, so /proc/self/maps shows it
_SET_BLAS_THREADS, _BLAS_LIB = _openblas()
_threads = None


def set_threads(n):
    global _threads
    if n != _threads:
        torch.set_num_threads(n)
        if _SET_BLAS_THREADS is not None:
            _SET_BLAS_THREADS(n)
        _threads = n


steps = {}
calls = {}


def main():
    out = sys.stdout
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        cmd, args = words[0], words[1:]
        try:
            if cmd == "quit":
                break
            elif cmd == "hello":
                reply = f"{os.cpu_count()} {torch.__version__} | {_blas()}"
            elif cmd == "setup":
                name = args[0]
                set_threads(1)
                torch.manual_seed(0)
                step = WORKLOADS[name]()
                r = step().detach().double()
                steps[name] = step
                reply = f"{r.sum().item()!r} {r.abs().sum().item()!r}"
            elif cmd == "warm":
                name, threads, seconds, round_ns = args[0], int(args[1]), float(args[2]), int(args[3])
                step = steps[name]
                set_threads(threads)
                n, t0 = 0, time.perf_counter_ns()
                deadline = t0 + int(seconds * 1e9)
                while n < 2 or time.perf_counter_ns() < deadline:
                    step()
                    n += 1
                per = (time.perf_counter_ns() - t0) / n
                calls[(name, threads)] = max(1, round(round_ns / per))
                reply = f"{calls[(name, threads)]} {per:.1f}"
            elif cmd == "round":
                name, threads = args[0], int(args[1])
                step, n = steps[name], calls[(name, threads)]
                set_threads(threads)
                if len(args) > 2 and args[2] == "percall":
                    # also each call's time: their median is what Java's fresh-JVM figure is compared with
                    ts = [0] * n
                    t0 = time.perf_counter_ns()
                    for i in range(n):
                        a = time.perf_counter_ns()
                        step()
                        ts[i] = time.perf_counter_ns() - a
                    reply = f"{time.perf_counter_ns() - t0} {n} {statistics.median(ts)}"
                else:
                    t0 = time.perf_counter_ns()
                    for _ in range(n):
                        step()
                    reply = f"{time.perf_counter_ns() - t0} {n}"
            elif cmd == "drop":
                steps.pop(args[0], None)
                gc.collect()
                reply = ""
            else:
                raise ValueError(f"unknown command {cmd!r}")
            out.write(("ok " + reply).rstrip() + "\n")
        except Exception as e:  # noqa: BLE001 - the runner prints it and carries on
            out.write(f"err {type(e).__name__}: {' '.join(str(e).split())}\n")
        out.flush()


if __name__ == "__main__":
    main()
