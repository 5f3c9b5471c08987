#!/bin/bash
# Batch build against separate processes: N copies of the sample (default 30), each in its own
# folder, all three formats, built by one `press build <folder>` and by N `press build <file>`
# processes one after the other. Prints both wall times, their ratio and the load average.
# Usage: scripts/measure-batch.sh [copies] [work folder]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PRESS="$ROOT/bin/press.js"
COPIES=${1:-30}
WORK=${2:-$(mktemp -d /tmp/press-measure-batch-XXXXXX)}
mkdir -p "$WORK/src"
for i in $(seq -w 1 "$COPIES"); do mkdir -p "$WORK/src/r$i"; cp "$ROOT/source/report.md" "$WORK/src/r$i/report.md"; done
cd "$WORK"
now() { date +%s.%N; }
start=$(now); node "$PRESS" build src --out batch -q; batch=$(echo "$(now) - $start" | bc)
echo "one batch of $COPIES:        ${batch} s  (load $(cut -d' ' -f1-3 /proc/loadavg))"
start=$(now)
for i in $(seq -w 1 "$COPIES"); do node "$PRESS" build "src/r$i/report.md" --out "single/r$i" -q; done
separate=$(echo "$(now) - $start" | bc)
echo "$COPIES separate processes: ${separate} s  (load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "ratio: $(echo "scale=2; $separate / $batch" | bc)x"
for i in $(seq -w 1 "$COPIES"); do cmp -s "batch/r$i/report.pdf" "single/r$i/report.pdf" || echo "r$i: the PDFs differ"; done
