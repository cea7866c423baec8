#!/usr/bin/env bash
# Runs every Conduit benchmark and prints one table (docs/benchmarks.md explains it).
#
#   benchmarks/run.sh [--rounds=3] [--startup-runs=7] [--warmup=3x2s] [--measure=3x2s] [--streams=2000]
#                     [--contenders=floor,conduit-jdk,conduit-okhttp,conduit-netty,openai-java]
#                     [--figures=jars,startup,jmh,async] [--jfr]
#
# 1. builds the Conduit modules and installs them in the local repository (so that the stacks below
#    resolve the code of this checkout), and compiles this module with its JMH benchmarks;
# 2. resolves the runtime classpath of each contender's default stack on its own
#    (benchmarks/stacks/*/pom.xml -> benchmarks/target/stacks/*.cp);
# 3. runs dev.conduit.benchmarks.Main, which starts the loopback server in its own JVM and runs each
#    contender in JVMs of its own. The table is printed and written to
#    benchmarks/target/benchmarks/results.md.
#
# Environment: BENCH_MAVEN_FLAGS (e.g. "-o" to stay offline), JAVA (the java binary; default: java on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=(./mvnw -B -q ${BENCH_MAVEN_FLAGS:-})
JAVA_BIN=${JAVA:-java}

echo "[bench] building Conduit and the benchmarks module ..."
"${MVN[@]}" -pl benchmarks -am install -Dmaven.test.skip=true -Djacoco.skip=true

echo "[bench] resolving each contender's stack ..."
mkdir -p benchmarks/target/stacks
for stack in harness conduit-jdk conduit-okhttp conduit-netty openai-java; do
  "${MVN[@]}" -f "benchmarks/stacks/$stack/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/benchmarks/target/stacks/$stack.cp"
done

# The driver runs from a copy of the classes, so that a reactor build recompiling this module meanwhile
# cannot pull classes from under it (Main copies the classes and the stacks' jars for its children too).
DRIVER=$(mktemp -d "${TMPDIR:-/tmp}/conduit-bench-driver-XXXXXX")
trap 'rm -rf "$DRIVER"' EXIT
cp -r benchmarks/target/classes "$DRIVER/"
"$JAVA_BIN" -cp "$DRIVER/classes" dev.conduit.benchmarks.Main --root=benchmarks "$@"
