#!/usr/bin/env bash
# Start-up: `./law run examples/tour.law` against a bare JVM running an empty main from the
# same jar with the same flags, several runs each, interleaved, medians, in one session. Also
# timed: the tour with the parse cache off (as the first run after an edit), and the small
# examples/chinchilla.law (two law evaluations), the fixed cost of a run.
set -euo pipefail
cd "$(dirname "$0")/.."
./law run examples/tour.law > /dev/null     # builds if needed and creates the CDS archive
./law run examples/tour.law > /dev/null
runs=${RUNS:-15}
jar=interpreter/cli/target/law.jar
jsa=interpreter/cli/target/law.jsa
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
flags=(-Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedArchiveFile="$jsa" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss16m)
tour_t=(); fresh_t=(); small_t=(); empty_t=()
for _ in $(seq "$runs"); do
  tour_t+=("$(time_ms ./law run examples/tour.law)")
  fresh_t+=("$(time_ms env LAW_CACHE_DIR= ./law run examples/tour.law)")
  small_t+=("$(time_ms ./law run examples/chinchilla.law)")
  empty_t+=("$(time_ms java "${flags[@]}" -cp interpreter/bench/target/law-bench-0.1.0.jar org.lawlang.bench.Empty)")
done
t=$(printf '%s\n' "${tour_t[@]}" | median)
f=$(printf '%s\n' "${fresh_t[@]}" | median)
c=$(printf '%s\n' "${small_t[@]}" | median)
e=$(printf '%s\n' "${empty_t[@]}" | median)
echo "law run examples/tour.law:       median ${t} ms over $runs runs"
echo "  the same, no parse cache:        median ${f} ms over $runs runs"
echo "law run examples/chinchilla.law: median ${c} ms over $runs runs"
echo "empty main, same jar:            median ${e} ms over $runs runs"
awk -v t="$t" -v f="$f" -v c="$c" -v e="$e" 'BEGIN { printf "ratio, tour: %.2fx   no parse cache: %.2fx   chinchilla.law: %.2fx\n", t / e, f / e, c / e }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
