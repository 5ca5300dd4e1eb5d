#!/usr/bin/env bash
# Regenerates the op goldens after the op table changed: the Java table writes its cases
# (core/src/test/resources/goldens/op_cases.txt), then real PyTorch 1.13.1 runs them (gen_ops.py writes
# ops.txt and inplace.txt). Needs: apt-get install python3-torch.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -pl core test-compile
. .mvn/find-jdk.sh
cp=core/target/classes:core/target/test-classes
"$JAVA_HOME/bin/java" -cp "$cp" org.autograd4j.ops.OpCases core/src/test/resources/goldens/op_cases.txt
/usr/bin/python3 tools/goldens/gen_ops.py
