#!/usr/bin/env bash
# Measures what the optional autograd4j-glibc-math artifact changes in float64 random numbers: builds the
# library and the artifact, draws 100,000 float64 samples per sampler with the jar on the class path (glibc's
# functions, PyTorch's bits) and without it (the built-in functions), and prints how many differ and by how
# many ulps. Usage: tools/libm/compare-samplers.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
. .mvn/find-jdk.sh
./mvnw -B -q -Dmaven.test.skip=true -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl glibc-math -am package
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
core=core/target/autograd4j-$version.jar
glibc=glibc-math/target/autograd4j-glibc-math-$version.jar
out=target/libm-samplers
mkdir -p "$out"
java -cp "$core:$glibc" tools/libm/SamplerDiff.java write "$out/with-glibc-math.bin"
java -cp "$core" tools/libm/SamplerDiff.java write "$out/built-in.bin"
java -cp "$core" tools/libm/SamplerDiff.java compare "$out/with-glibc-math.bin" "$out/built-in.bin"
