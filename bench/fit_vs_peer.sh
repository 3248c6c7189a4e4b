#!/usr/bin/env bash
# The Chinchilla fit, law against the SciPy peer, in one run on this machine: the
# 4,500-start grid fit (3 timed runs each, medians compared; law both screened and with
# every start searched) and the 4,000-resample
# bootstrap (2 workers each). Prints both times and the ratios. See bench/README.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEER=${PEER:-$ROOT/../shared/peer/fit_chinchilla.py}
[ -f "$PEER" ] || PEER=/work/shared/peer/fit_chinchilla.py
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
[ -f "$ROOT/interpreter/bench/target/law-bench-0.1.0.jar" ] || (cd "$ROOT" && mvn -B -o -q -DskipTests install)

echo "== peer: $PEER"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 "$PEER" --grid-repeats 3 --bootstrap 4000 --workers 2 \
    --out "$OUT/peer" | tee "$OUT/peer.txt"
echo "== law"
java -cp "$ROOT/interpreter/cli/target/law.jar:$ROOT/interpreter/bench/target/law-bench-0.1.0.jar" org.lawlang.bench.FitBench \
    "$ROOT/examples/data/epoch_chinchilla_svg_extracted_data.csv" 2 3 4000 | tee "$OUT/law.txt"

peer_grid=$(sed -n 's/.*grid-fit wall times (s):.*median=\([0-9.]*\).*/\1/p' "$OUT/peer.txt")
peer_boot=$(sed -n 's/^bootstrap wall time \([0-9.]*\) s.*/\1/p' "$OUT/peer.txt")
law_grid=$(sed -n 's/^grid fit run [0-9]*: \([0-9.]*\) s.*/\1/p' "$OUT/law.txt" | sort -n | sed -n 2p)
law_full=$(sed -n 's/^fullgrid fit run [0-9]*: \([0-9.]*\) s.*/\1/p' "$OUT/law.txt" | sort -n | sed -n 2p)
law_boot=$(sed -n 's/^bootstrap: [0-9]* resamples, \([0-9.]*\) s.*/\1/p' "$OUT/law.txt")
# CPU seconds (the peer's grid runs in one process; law's on 2 threads): steadier than wall time under load
peer_grid_cpu=$(sed -n 's/^grid fit run [0-9]*: .* wall, \([0-9.]*\) s CPU.*/\1/p' "$OUT/peer.txt" | sort -n | sed -n 2p)
law_full_cpu=$(sed -n 's/^fullgrid fit run [0-9]*: .* \([0-9.]*\) s CPU$/\1/p' "$OUT/law.txt" | sort -n | sed -n 2p)
echo "== summary (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf 'grid fit, 4500 starts (median of 3):  peer %8.2f s   law %8.3f s   ratio %6.1fx\n' "$peer_grid" "$law_grid" \
    "$(echo "$peer_grid / $law_grid" | bc -l)"
printf 'same, every start searched (fullgrid): peer %8.2f s   law %8.3f s   ratio %6.1fx\n' "$peer_grid" "$law_full" \
    "$(echo "$peer_grid / $law_full" | bc -l)"
printf 'fullgrid in CPU seconds (median of 3):  peer %8.2f s   law %8.3f s   ratio %6.1fx\n' "$peer_grid_cpu" "$law_full_cpu" \
    "$(echo "$peer_grid_cpu / $law_full_cpu" | bc -l)"
printf 'bootstrap, 4000 resamples:             peer %8.2f s   law %8.3f s   ratio %6.1fx\n' "$peer_boot" "$law_boot" \
    "$(echo "$peer_boot / $law_boot" | bc -l)"
