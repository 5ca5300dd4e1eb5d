#!/usr/bin/env python3
"""PyTorch twin of core/src/test/java/org/autograd4j/autograd/WarmupMain.java: the same workloads, run the
way a user's script runs them in a fresh process (same leaves, forward, backward, grad reset), timing every
iteration; prints the same per-block medians and cumulative times.

Usage: python3 tools/bench/warmup_torch.py [poly|multistep|rnn|chain] [iterations] [--threads 1]
"""
import statistics
import sys
import time

import torch


def workload(name):
    if name == "poly":
        x = torch.tensor(2.0, requires_grad=True)

        def step():
            y = 2 * x ** 4 + x ** 3 + 3 * x ** 2 + 5 * x + 1
            y.backward()
            g = x.grad.item()
            x.grad = None
            return g
    elif name == "multistep":
        x = torch.tensor([[1., 2, 3], [3, 2, 1]], requires_grad=True)

        def step():
            out = (2 * (3 * x + 2) ** 2).mean()
            out.backward()
            g = x.grad.sum().item()
            x.grad = None
            return g
    elif name == "rnn":
        torch.manual_seed(0)
        wh = torch.randn(3, 3, requires_grad=True)
        wx = torch.randn(3, 2, requires_grad=True)
        h = torch.randn(1, 3)
        xx = torch.randn(1, 2)

        def step():
            loss = (torch.mm(wh, h.t()) + torch.mm(wx, xx.t()) + 5).tanh().sum()
            loss.backward()
            g = wh.grad.sum().item() + wx.grad.sum().item()
            wh.grad = None
            wx.grad = None
            return g
    elif name == "chain":
        x = torch.tensor(1.0, requires_grad=True)

        def step():
            y = x
            for _ in range(10_000):
                y = y * 1.0001 + 0.0001
            y.backward()
            g = x.grad.item()
            x.grad = None
            return g
    else:
        raise SystemExit("workload: poly, multistep, rnn or chain")
    return step


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    threads = 1
    if "--threads" in sys.argv:
        threads = int(sys.argv[sys.argv.index("--threads") + 1])
        args = [a for a in args if a != str(threads)]
    torch.set_num_threads(threads)
    name = args[0] if args else "poly"
    unit = 1 if name == "chain" else 1000
    n = int(args[1]) if len(args) > 1 else 10 * unit
    step = workload(name)
    t = [0] * n
    sink = 0.0
    clock = time.perf_counter_ns
    start = clock()
    for i in range(n):
        a = clock()
        sink += step()
        t[i] = clock() - a
    run_ms = (clock() - start) / 1e6
    print(f"{name}: torch {torch.__version__}, {n:,} iterations, threads {threads}, run {run_ms:.1f} ms "
          f"(mean {run_ms * 1e3 / n:.2f} µs/iteration), check {sink / n}")
    bounds = [0, 1, 2, 5, 10, 20, 50, 100]
    head, row = "", ""
    for b in range(len(bounds) - 1):
        lo, hi = bounds[b] * unit, min(bounds[b + 1] * unit, n)
        if lo >= n:
            break
        head += f"{f'{lo}-{hi}':>11s}"
        row += f"{statistics.median(t[lo:hi]) / 1e3:11.2f}"
    print("block (iterations)   " + head)
    print("median µs/iteration  " + row)
    acc, marks, out = 0, [m * unit for m in (1, 2, 5, 10, 20, 50, 100)], "cumulative ms:"
    for i in range(n):
        acc += t[i]
        if i + 1 in marks:
            out += f" {i + 1:,}: {acc / 1e6:.1f}"
    print(out)


if __name__ == "__main__":
    main()
