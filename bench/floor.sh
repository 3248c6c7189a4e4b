#!/usr/bin/env bash
# The evaluation floor: one evaluation of the Chinchilla fit's objective (Huber on log, 240
# rows) through the tape, as a fit runs it, and hand-coded in a plain Java loop, timed by
# JMH (org.lawlang.solve.FloorBench). Prints JMH's table and ns per row. See bench/README.md.
# Extra arguments go to JMH, e.g. `bench/floor.sh -f 1 -wi 2 -i 3` or `bench/floor.sh Full`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
M2=${M2:-$HOME/.m2/repository}
(cd "$ROOT" && mvn -B -o -q -DskipTests install)
CP="$ROOT/interpreter/cli/target/law.jar:$ROOT/interpreter/bench/target/law-bench-0.1.0.jar"
CP="$CP:$M2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar:$M2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar"
CP="$CP:$M2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
if [ "${1:-}" = cpu ]; then
  # CPU time per evaluation, interleaved rounds: steadier than JMH's wall clock on a shared machine
  cd "$ROOT" && exec java -Xss16m -cp "$CP" org.lawlang.solve.FloorCpu "${2:-15}"
fi
if [ "${1:-}" = grid ]; then
  # fullgrid's 4,500 local searches on one thread, CPU time per evaluation
  cd "$ROOT" && exec java -Xss16m -cp "$CP" org.lawlang.solve.FullGridCpu "${2:-3}"
fi
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
FILTER=FloorBench
ARGS=()
for a in "$@"; do
  case "$a" in -*|[0-9]*) ARGS+=("$a") ;; *) FILTER="FloorBench.*$a" ;; esac
done
(cd "$ROOT" && java -cp "$CP" org.openjdk.jmh.Main "$FILTER" -rf text -rff "$OUT" "${ARGS[@]}" >/dev/null)
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg); commit $(cd "$ROOT" && git rev-parse --short HEAD)"
cat "$OUT"
# ns per row: the score (ns per evaluation) over the 240 rows, and the tape's ratio to the floor
awk '/FloorBench\./ { split($1, a, "."); name = a[2]; key = name " " $2; score[key] = $(NF-3) }
  END { for (k in score) { split(k, f, " "); if (f[1] ~ /^tape/) { fl = "floor" substr(f[1], 5) " " f[2];
        printf "%-14s %-8s tape %7.1f ns/row   floor %7.1f ns/row   ratio %.2f\n", substr(f[1], 5), f[2], score[k] / 240,
          score[fl] / 240, score[k] / score[fl] } } }' "$OUT" | sort
