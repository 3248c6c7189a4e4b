#!/usr/bin/env bash
# Optimisation speed: one compute-optimal solve after warm-up, and a 1,000-budget frontier.
# Builds the jar if needed; runs org.lawlang.bench.OptimizeBench from it.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=interpreter/cli/target/law.jar:interpreter/bench/target/law-bench-0.1.0.jar
if [ ! -f interpreter/bench/target/law-bench-0.1.0.jar ]; then
  mvn -B -o -q -DskipTests install
fi
java -Xss16m -cp "$jar" org.lawlang.bench.OptimizeBench "${ROUNDS:-15}"
