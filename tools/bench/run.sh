#!/usr/bin/env bash
# Side-by-side benchmark: autograd4j (JMH) vs PyTorch 1.13.1 on this machine, same workloads.
#
# Usage (from anywhere):  tools/bench/run.sh [JMH benchmark regexp]        e.g. tools/bench/run.sh SeedPolynomial
#   1. builds benchmarks/target/benchmarks.jar  (./mvnw -B -q -pl benchmarks -am package -DskipTests)
#   2. runs JMH (-f 1 -wi 5 -i 10 -w 1s -r 1s, AverageTime in µs) with its JSON result in a temp dir
#   3. runs tools/bench/side_by_side.py (PyTorch twins, timeit-style repeats)
#   4. prints: workload, autograd4j median, PyTorch median, ratio = PyTorch / autograd4j (>1: we are faster)
# Medians everywhere: JMH's over its measurement iterations (1 s each), PyTorch's over its repeats.
# Takes about 3-4 minutes for everything on a 2-core machine. Both sides are noisy there; rerun before
# trusting a difference under ~20%.
#
# Environment knobs:
#   THREADS=1          PyTorch side: torch.set_num_threads and OPENBLAS_NUM_THREADS/OMP_NUM_THREADS
#                      (autograd4j is single-threaded today, so 1 compares like with like)
#   SKIP_BUILD=1       reuse the existing benchmarks.jar
#   JMH_OPTS="..."     replace the JMH run settings (default: -f 1 -wi 5 -i 10 -w 1s -r 1s)
#   JVM_ARGS="..."     appended to the forked JVM's arguments (e.g. --add-modules jdk.incubator.vector)
#   PROF=gc            add JMH's GC profiler and print bytes allocated per op (gc.alloc.rate.norm)
#   PYTHON=...         interpreter with torch (default: /usr/bin/python3, Debian's python3-torch)
#   KEEP=1             keep the temp dir with jmh.json, jmh.log, torch.json
# PyTorch install (Debian/Ubuntu): apt-get update && apt-get install -y python3-torch libopenblas0-pthread
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"                       # exports JAVA_HOME to a JDK 25+

FILTER=${1:-'org\.autograd4j\.benchmarks\..*'}
THREADS=${THREADS:-1}
JMH_OPTS=${JMH_OPTS:--f 1 -wi 5 -i 10 -w 1s -r 1s}
PYTHON=${PYTHON:-/usr/bin/python3}
[ -x "$PYTHON" ] || PYTHON=python3
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ag4j-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then echo "# results kept in $TMP" >&2; else trap 'rm -rf "$TMP"' EXIT; fi

"$PYTHON" -c 'import torch' 2>/dev/null || {
  echo "no torch for $PYTHON; install: apt-get update && apt-get install -y python3-torch libopenblas0-pthread" >&2
  exit 1; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "# building benchmarks.jar ..." >&2
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi

PROF_OPTS=()
[ "${PROF:-}" = gc ] && PROF_OPTS=(-prof gc)
JVM_OPTS=()
[ -n "${JVM_ARGS:-}" ] && JVM_OPTS=(-jvmArgsAppend "$JVM_ARGS")

echo "# JMH ($JMH_OPTS) on $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); log: $TMP/jmh.log" >&2
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" -jar benchmarks/target/benchmarks.jar $JMH_OPTS "${PROF_OPTS[@]}" "${JVM_OPTS[@]}" \
    -rf json -rff "$TMP/jmh.json" "$FILTER" >"$TMP/jmh.log" 2>&1 \
  || { tail -40 "$TMP/jmh.log" >&2; exit 1; }

echo "# PyTorch side ($PYTHON, threads=$THREADS) ..." >&2
"$PYTHON" "$ROOT/tools/bench/side_by_side.py" --threads "$THREADS" --json "$TMP/torch.json" \
    --jmh-json "$TMP/jmh.json"

"$PYTHON" - "$TMP/jmh.json" "$TMP/torch.json" <<'PY'
import json, statistics, sys
jmh = json.load(open(sys.argv[1]))
pt = json.load(open(sys.argv[2]))
ours, alloc = {}, {}
for r in jmh:
    name = r["benchmark"].rsplit(".", 2)
    name = name[-2] + "." + name[-1]
    pm = r["primaryMetric"]
    raw = [v for fork in pm["rawData"] for v in fork]
    scale = {"us/op": 1.0, "ns/op": 1e-3, "ms/op": 1e3, "s/op": 1e6}[pm["scoreUnit"]]
    ours[name] = (statistics.median(raw) * scale, min(raw) * scale, max(raw) * scale, len(raw))
    sec = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    if sec:
        alloc[name] = sec["score"]
print(f"\nautograd4j: JMH, 1 thread   |   PyTorch {pt['torch']}: threads={pt['threads']}, "
      f"OpenBLAS threads={pt.get('openblas_threads')}, BLAS={pt['blas'].split(',')[0].rsplit('/', 1)[-1]}")
hdr = f"{'workload':22s} {'autograd4j µs':>14s} {'PyTorch µs':>12s} {'ratio':>8s}   {'ag4j min-max':>19s} {'torch min-max':>19s}"
if alloc:
    hdr += f" {'ag4j B/op':>11s}"
print(hdr)
print("-" * len(hdr))
for wl, v in pt["workloads"].items():
    o = ours.get(v["jmh"])
    if o is None:
        continue
    ratio = v["median_us"] / o[0]
    line = (f"{wl:22s} {o[0]:14.2f} {v['median_us']:12.2f} {ratio:8.2f}   "
            f"{o[1]:9.1f}-{o[2]:<9.1f} {v['min_us']:9.1f}-{v['max_us']:<9.1f}")
    if alloc:
        line += f" {alloc.get(v['jmh'], float('nan')):11.0f}"
    print(line)
print("ratio = PyTorch median / autograd4j median: > 1 means autograd4j is faster.")
PY
