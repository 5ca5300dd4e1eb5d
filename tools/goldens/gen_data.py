#!/usr/bin/env python3
"""Goldens for org.autograd4j.data (DataLoaderTest) from PyTorch 1.13.1.

Writes core/src/test/resources/goldens/data.txt, tab separated:
  loader <TAB> spec <TAB> pass 1 <TAB> pass 2 <TAB> after
    spec: n=..;bs=..;shuffle=0|1;drop=0|1;seed=S;gen=0|1 (gen=1: the loader gets Generator().manual_seed(S)
    and the default generator is seeded with S+1000; gen=0: torch.manual_seed(S), no loader generator);
    a pass: the batches of TensorDataset(arange(n), arange(n) * 0.5 as float32 of shape (n, 1)) joined by
    ' ', each its first field's values ',' separated (the second field is checked to be the first's x 0.5,
    shape (b, 1)); after: torch.empty((), dtype=torch.int64).random_() from the default generator after both
    passes (which shows how many draws the passes took from it).
  timing <TAB> n=..;bs=..;drop=0|1;seed=S <TAB> draws: torch.manual_seed(S); it = iter(loader shuffled without
    a generator); three torch.randint(0, 1000, ()) draws between iter() and the first next(); the batches;
    then, over a loader with Generator().manual_seed(S): after exactly len(loader) next() calls one
    random_() from that generator, then one more after the next() that ends the pass (StopIteration).
    Fields: the three draws ',' separated, the batches as above, the two random_() values.
  split <TAB> n <TAB> lengths (',' separated, as Python literals) <TAB> seed <TAB> subsets' indices joined by
    ' ' (each ',' separated; '-' for an empty one), or 'ERR <type> <message>'. The generator is
    Generator().manual_seed(seed); seed 'default' means torch.manual_seed(7) and the default generator.
Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_data.py
"""
import os
import warnings

import torch
from torch.utils.data import DataLoader, TensorDataset, random_split

warnings.simplefilter("ignore")
OUT = os.path.join(os.path.dirname(__file__), "../../core/src/test/resources/goldens/data.txt")
lines = []


def one_pass(loader):
    out = []
    for a, b in loader:
        assert b.shape == (a.shape[0], 1) and b.dtype == torch.float32
        assert torch.equal(b.reshape(-1), a.to(torch.float32) * 0.5)
        out.append(",".join(str(v) for v in a.tolist()))
    return " ".join(out) if out else "-"


for n, bs in ((10, 3), (7, 7), (16, 4), (5, 8), (33, 5), (1, 1)):
    for shuffle in (0, 1):
        for drop in (0, 1):
            for seed in (0, 42, 2026):
                for gen in (0, 1):
                    ds = TensorDataset(torch.arange(n), (torch.arange(n) * 0.5).to(torch.float32).reshape(n, 1))
                    if gen:
                        torch.manual_seed(seed + 1000)
                        g = torch.Generator().manual_seed(seed)
                    else:
                        torch.manual_seed(seed)
                        g = None
                    loader = DataLoader(ds, batch_size=bs, shuffle=bool(shuffle), drop_last=bool(drop), generator=g)
                    p1 = one_pass(loader)
                    p2 = one_pass(loader)
                    after = torch.empty((), dtype=torch.int64).random_().item()
                    spec = "n=%d;bs=%d;shuffle=%d;drop=%d;seed=%d;gen=%d" % (n, bs, shuffle, drop, seed, gen)
                    lines.append("loader\t%s\t%s\t%s\t%d" % (spec, p1, p2, after))

for n, bs in ((10, 5), (10, 3), (6, 6)):
    for drop in (0, 1):
        for seed in (3, 99):
            ds = TensorDataset(torch.arange(n), (torch.arange(n) * 0.5).to(torch.float32).reshape(n, 1))
            torch.manual_seed(seed)
            it = iter(DataLoader(ds, batch_size=bs, shuffle=True, drop_last=bool(drop)))
            draws = ",".join(str(torch.randint(0, 1000, ()).item()) for _ in range(3))
            batches = " ".join(",".join(str(v) for v in a.tolist()) for a, b in it)
            g = torch.Generator().manual_seed(seed)
            loader = DataLoader(ds, batch_size=bs, shuffle=True, drop_last=bool(drop), generator=g)
            it = iter(loader)
            for _ in range(len(loader)):
                next(it)
            r1 = torch.empty((), dtype=torch.int64).random_(generator=g).item()
            try:
                next(it)
                raise AssertionError("pass longer than len(loader)")
            except StopIteration:
                pass
            r2 = torch.empty((), dtype=torch.int64).random_(generator=g).item()
            lines.append("timing\tn=%d;bs=%d;drop=%d;seed=%d\t%s\t%s\t%d\t%d" % (n, bs, drop, seed, draws, batches, r1, r2))

SPLITS = [
    (10, [3, 7]), (10, [7, 3]), (10, [0, 10]), (30, [0.3, 0.3, 0.4]), (10, [0.5, 0.5]), (11, [0.5, 0.5]),
    (7, [0.1, 0.2, 0.7]), (13, [0.25, 0.25, 0.25, 0.25]), (5, [1, 1, 1, 1, 1]), (1, [1]), (4, [0.0, 1.0]),
    (10, [3, 6]), (10, [0.5, 0.6]), (10, [1.2, -0.2]), (100, [0.1] * 10), (6, [0.7, 0.3]),
]
for n, lengths in SPLITS:
    for seed in ("0", "42", "default"):
        if seed == "default":
            torch.manual_seed(7)
            g = torch.default_generator
        else:
            g = torch.Generator().manual_seed(int(seed))
        try:
            parts = random_split(range(n), lengths, generator=g)
            res = " ".join(",".join(str(i) for i in p.indices) if len(p.indices) else "-" for p in parts)
        except Exception as e:
            res = "ERR %s %s" % (type(e).__name__, e)
        lines.append("split\t%d\t%s\t%s\t%s" % (n, ",".join(repr(l) for l in lengths), seed, res))

with open(OUT, "w") as f:
    f.write("# generated by tools/goldens/gen_data.py from PyTorch %s\n" % torch.__version__)
    for l in lines:
        f.write(l + "\n")
