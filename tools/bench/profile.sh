#!/usr/bin/env bash
# Where a workload's time goes: runs it under JMH with JFR (WorkloadsBench, `-prof jfr`) and prints the CPU
# samples by autograd4j method, by package and inclusive (benchmarks' JfrSummary). The evidence behind the
# "what is left" notes of README "Speed".
#
# Usage: tools/bench/profile.sh WORKLOAD [rows]     (WORKLOAD: a name from ./autograd4j bench --list, e.g. mlp,
#        softmax, sgemm_1024, seed_poly; SKIP_BUILD=1 reuses benchmarks/target/benchmarks.jar; JVM_ARGS=extra
#        flags such as -Dautograd4j.kernels=scalar)
# The recording stays in target/profile/WORKLOAD/ (open it in JDK Mission Control for the call tree).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"                       # exports JAVA_HOME to a JDK 25+
W=${1:?usage: tools/bench/profile.sh WORKLOAD [rows]}
ROWS=${2:-20}
JAR=benchmarks/target/benchmarks.jar
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then ./mvnw -B -q -o -pl benchmarks -am package -DskipTests; fi
DIR="target/profile/$W"
rm -rf "$DIR" && mkdir -p "$DIR"
JVM="--add-modules jdk.incubator.vector -Xms2g ${JVM_ARGS:-}"
"$JAVA_HOME/bin/java" -jar "$JAR" WorkloadsBench -p workload="$W" -f 1 -wi 3 -w 2s -i 5 -r 3s \
  -jvmArgsAppend "$JVM" -prof "jfr:dir=$DIR" 2>/dev/null | grep -E '^(Benchmark|WorkloadsBench\.call +)' || true
JFR=$(find "$DIR" -name '*.jfr' | head -n 1)
[ -n "$JFR" ] || { echo "no recording under $DIR" >&2; exit 1; }
"$JAVA_HOME/bin/java" -cp "$JAR" org.autograd4j.benchmarks.JfrSummary "$JFR" "$ROWS"
