#!/usr/bin/env bash
# No performance cliff: starts N fresh JVMs (default 30), each timing float32 sgemm 256×256 (Torch.mm) and an
# elementwise add of 1e6 float32 after a short warm-up (benchmarks' NoCliffMain); prints each run's medians and
# flags any run slower than 2× the median over all runs. A JVM whose JIT failed to intrinsify the Vector API
# (boxed vectors) would show up as such an outlier. Exit status 1 when any run is flagged.
#
# Usage: tools/bench/no-cliff.sh [N]        (SKIP_BUILD=1 reuses benchmarks/target/benchmarks.jar;
#                                            WARM=seconds of warm-up per JVM, default 2; JVM_ARGS=extra flags)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"                       # exports JAVA_HOME to a JDK 25+
N=${1:-30}
WARM=${WARM:-2}
JAR=benchmarks/target/benchmarks.jar
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then ./mvnw -B -q -o -pl benchmarks -am package -DskipTests; fi
OUT=$(mktemp "${TMPDIR:-/tmp}/ag4j-nocliff.XXXXXX")
trap 'rm -f "$OUT"' EXIT
for i in $(seq 1 "$N"); do
  line=$("$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector ${JVM_ARGS:-} -cp "$JAR" \
         org.autograd4j.benchmarks.NoCliffMain "$WARM" 30 2>/dev/null | tail -1)
  echo "run $i $line" | tee -a "$OUT"
done
awk '
  { for (f = 3; f <= NF; f++) { split($f, kv, "="); v[kv[1], $2] = kv[2] + 0; keys[kv[1]] = 1 } n = $2 }
  END {
    bad = 0
    for (k in keys) {
      m = 0; for (i = 1; i <= n; i++) a[i] = v[k, i]
      # median by insertion sort (n is small)
      for (i = 2; i <= n; i++) { x = a[i]; j = i - 1; while (j > 0 && a[j] > x) { a[j + 1] = a[j]; j-- } a[j + 1] = x }
      med = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
      printf "%s: median over %d runs %.1f us, min %.1f, max %.1f\n", k, n, med, a[1], a[n]
      for (i = 1; i <= n; i++) if (v[k, i] > 2 * med) { printf "  CLIFF? run %d: %s %.1f us > 2x median\n", i, k, v[k, i]; bad = 1 }
    }
    exit bad
  }' "$OUT"
