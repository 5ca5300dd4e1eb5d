#!/usr/bin/env python3
"""PyTorch twins of the autograd4j JMH benchmarks (benchmarks/src/main/java/org/autograd4j/benchmarks/).

Each workload below mirrors one @Benchmark method op for op; keep the two in step when either changes.
Timing is timeit-style: a warm-up, then `number` calls per repeat (chosen so that a repeat lasts about
--min-time seconds), --repeat repeats; the reported figure is the MEDIAN per-call time in microseconds.

Usage:  /usr/bin/python3 tools/bench/side_by_side.py [--threads 1] [--repeat 15] [--min-time 0.2]
                                                     [--only seed_polynomial,mlp_step] [--json out.json]
                                                     [--jmh-json jmh-result.json]
Needs PyTorch (Debian: apt-get install -y python3-torch libopenblas0-pthread; without OpenBLAS the
Debian build falls back to the reference BLAS and mm is ~60x slower).
"""
import argparse
import json
import os
import statistics
import sys
import timeit


def _threads_from_argv(argv):
    for i, a in enumerate(argv):
        if a == "--threads" and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith("--threads="):
            return a.split("=", 1)[1]
    return "1"


# OpenBLAS (Debian's torch calls it for mm) keeps its own pthread pool that torch.set_num_threads does not
# size: pin it, and OpenMP's, to --threads before torch loads them.
_T = _threads_from_argv(sys.argv[1:])
os.environ.setdefault("OPENBLAS_NUM_THREADS", _T)
os.environ.setdefault("OMP_NUM_THREADS", _T)

import torch  # noqa: E402


def seed_polynomial():
    """SeedPolynomial.forwardBackward: fresh 0-d float32 leaf, 2x^4 + x^3 + 3x^2 + 5x + 1, backward."""
    def step():
        x = torch.tensor(2.0, requires_grad=True)
        y = 2*x**4 + x**3 + 3*x**2 + 5*x + 1
        y.backward()
        return x.grad
    g = step()
    assert g.item() == 93.0, g
    return step


def seed_polynomial_forward():
    """SeedPolynomial.forward: the same, graph recorded, no backward."""
    def step():
        x = torch.tensor(2.0, requires_grad=True)
        return 2*x**4 + x**3 + 3*x**2 + 5*x + 1
    return step


def mlp_step():
    """MlpStep.trainStep: 64x784 -> 128 -> 10 MLP, log-softmax NLL, backward, SGD under no_grad."""
    torch.manual_seed(0)
    batch, n_in, hidden, n_out, lr = 64, 784, 128, 10, 0.01
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


def _pair(shape):
    torch.manual_seed(0)
    return torch.randn(*shape), torch.randn(*shape)


def add_1e6():
    """BulkOps.add1e6: a + b, 1e6 float32, fresh output."""
    a, b = _pair((1_000_000,))
    return lambda: a.add(b)


def mul_1e6():
    """BulkOps.mul1e6: a * b, 1e6 float32, fresh output."""
    a, b = _pair((1_000_000,))
    return lambda: a.mul(b)


def mm_256():
    """BulkOps.mm256: 256x256 @ 256x256 float32."""
    a, b = _pair((256, 256))
    return lambda: a.mm(b)


# name -> (factory, JMH benchmark it mirrors)
WORKLOADS = {
    "seed_polynomial": (seed_polynomial, "SeedPolynomial.forwardBackward"),
    "seed_polynomial_fwd": (seed_polynomial_forward, "SeedPolynomial.forward"),
    "mlp_step": (mlp_step, "MlpStep.trainStep"),
    "add_1e6": (add_1e6, "BulkOps.add1e6"),
    "mul_1e6": (mul_1e6, "BulkOps.mul1e6"),
    "mm_256": (mm_256, "BulkOps.mm256"),
}


def measure(fn, repeat, min_time):
    """Median (and min/max) per-call seconds over `repeat` repeats of `number` calls each."""
    timer = timeit.Timer(fn)
    for _ in range(3):                      # warm-up: allocator, OpenBLAS/OpenMP pools
        fn()
    number = 1
    while True:                             # like Timer.autorange, but to min_time
        t = timer.timeit(number)
        if t >= min_time:
            break
        number = max(number * 2, int(number * min_time / max(t, 1e-9) * 1.1))
    times = [t / number for t in timer.repeat(repeat=repeat, number=number)]
    return statistics.median(times), min(times), max(times), number


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1, as autograd4j)")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--min-time", type=float, default=0.2, help="seconds per repeat")
    ap.add_argument("--only", default="", help="comma-separated workload names")
    ap.add_argument("--json", help="write results here")
    ap.add_argument("--jmh-json", help="run only the workloads whose JMH twin is in this JMH result file")
    args = ap.parse_args(argv)

    torch.set_num_threads(args.threads)
    names = [n for n in args.only.split(",") if n] or list(WORKLOADS)
    if args.jmh_json:
        with open(args.jmh_json) as f:
            ran = {r["benchmark"].split(".", 3)[-1] for r in json.load(f)}
        names = [n for n in names if WORKLOADS[n][1] in ran]
    results = {"torch": _torch_version(), "threads": torch.get_num_threads(),
               "blas": _blas(), "openblas_threads": os.environ.get("OPENBLAS_NUM_THREADS"), "workloads": {}}
    print(f"# PyTorch {results['torch']}, threads={torch.get_num_threads()}, "
          f"OPENBLAS_NUM_THREADS={results['openblas_threads']}, BLAS={results['blas']}",
          file=sys.stderr)
    for name in names:
        factory, jmh = WORKLOADS[name]
        med, lo, hi, number = measure(factory(), args.repeat, args.min_time)
        results["workloads"][name] = {"jmh": jmh, "median_us": med * 1e6, "min_us": lo * 1e6,
                                      "max_us": hi * 1e6, "number": number, "repeat": args.repeat}
        print(f"{name:22s} median {med*1e6:12.2f} us  (min {lo*1e6:.2f}, max {hi*1e6:.2f}, "
              f"{args.repeat}x{number})", file=sys.stderr)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    return 0


def _torch_version():
    """torch.__version__, plus the Debian package version (its build says 1.13.0a0 for 1.13.1+dfsg)."""
    try:
        import subprocess
        deb = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-torch"], capture_output=True,
                             text=True, timeout=10).stdout.strip()
        if deb and torch.__file__.startswith("/usr/lib/python3/"):
            return f"{torch.__version__} (Debian python3-torch {deb})"
    except (OSError, subprocess.SubprocessError):
        pass
    return torch.__version__


def _blas():
    try:  # which libblas the process actually mapped (Debian's alternatives decide it)
        with open("/proc/self/maps") as f:
            libs = {line.split()[-1] for line in f if "blas" in line.lower()}
        libs = sorted(libs, key=lambda p: ("openblas" not in p.rsplit("/", 1)[-1], p))
        return ",".join(libs) or "unknown"
    except OSError:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
