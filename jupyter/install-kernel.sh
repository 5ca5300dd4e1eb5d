#!/bin/sh
# Registers the autograd4j Java kernel with Jupyter, for the current user:
#   jupyter/install-kernel.sh
# builds the kernel (./mvnw, tests skipped), copies its jars and the library's into the kernelspec folder
# (so that a later `./mvnw clean` leaves the kernel working), and writes kernel.json there. The folder is
# $JUPYTER_DATA_DIR/kernels/autograd4j, else ~/.local/share/jupyter/kernels/autograd4j (Jupyter's default
# user data folder on Linux; on macOS, set JUPYTER_DATA_DIR=~/Library/Jupyter). Run it again after
# changing the library. Then `jupyter notebook notebooks/autograd-tutorial.ipynb`, kernel "Java (autograd4j)".
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# The JDK 25+ that ./mvnw would use: the kernel runs on it (it needs JShell, hence a JDK, not a JRE).
. "$ROOT/.mvn/find-jdk.sh"
JAVA="$JAVA_HOME/bin/java"

VERSION=$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)
(cd "$ROOT" && ./mvnw -q -B -pl jupyter -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true)

DATA_DIR=${JUPYTER_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/jupyter}
SPEC="$DATA_DIR/kernels/autograd4j"
mkdir -p "$SPEC"
rm -rf "$SPEC/lib"
mkdir "$SPEC/lib"
# target/lib: the run-time dependencies the jupyter module's package phase copies (library, framework).
cp "$ROOT/jupyter/target/autograd4j-jupyter-$VERSION.jar" "$ROOT"/jupyter/target/lib/*.jar "$SPEC/lib/"

# JSON strings: the paths escaped for backslashes and quotes.
json() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
# interrupt_mode "message": Jupyter asks the kernel to stop the cell, rather than sending SIGINT, which
# would end the JVM.
cat > "$SPEC/kernel.json" <<JSON
{
 "argv": [$(json "$JAVA"), "-cp", $(json "$SPEC/lib/*"), "org.autograd4j.jupyter.Kernel", "{connection_file}"],
 "display_name": "Java (autograd4j)",
 "language": "java",
 "interrupt_mode": "message"
}
JSON
echo "Installed the autograd4j kernel in $SPEC (Java: $JAVA)" >&2
