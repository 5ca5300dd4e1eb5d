#!/usr/bin/env bash
# Side-by-side benchmark against PyTorch 1.13.1: now `./autograd4j bench`, which this script runs.
#
#   tools/bench/run.sh [--quick] [filter...]     = ./autograd4j bench [--quick] [filter...]
#
# The workloads live in benchmarks/src/main/java/org/autograd4j/benchmarks/Workloads.java, their PyTorch
# twins in tools/bench/torch_worker.py; the runner is SideBySide.java in the same package.
# The same workloads under JMH (one fork per workload):
#   ./mvnw -B -q -pl benchmarks -am package -Dmaven.test.skip=true
#   java -jar benchmarks/target/benchmarks.jar WorkloadsBench -p workload=seed_poly,mlp
# Environment: PYTHON (interpreter with torch, default /usr/bin/python3), AUTOGRAD4J_JAVA_OPTS (JVM options).
# PyTorch install (Debian/Ubuntu): apt-get update && apt-get install -y python3-torch libopenblas0-pthread
set -euo pipefail
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/autograd4j" bench "$@"
