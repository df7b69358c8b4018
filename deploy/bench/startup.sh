#!/usr/bin/env bash
# Measures the local stack's start-up (issue 3's goal: all healthy within 90 s after the build) beside
# its baseline, the broker alone, in the same runs; checks each stop leaves no process behind.
#   deploy/bench/startup.sh [runs]     (the stack must not be running; the build must be done)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-3}"
DATA="$(mktemp -d /tmp/lifeline-startup.XXXXXX)"
trap 'rm -rf "$DATA"' EXIT
echo "run  data-dir  broker-ready  all-healthy  stop  leftover-processes"
for run in $(seq 1 "$RUNS"); do
  # Run 1 starts from an empty data directory (storage format, topic creation); later runs reuse it.
  log="$DATA/up-$run.log"
  LIFELINE_DATA_DIR="$DATA/stack" setsid "$ROOT/lifeline" up > "$log" 2>&1 &
  launcher=$!
  for _ in $(seq 1 240); do
    grep -q -e "Lifeline is up" -e "start-up failed" "$log" && break
    sleep 0.5
  done
  broker=$(sed -n 's/^broker ready in \([0-9.]*\) s.*/\1/p' "$log")
  total=$(sed -n 's/^Lifeline is up (\([0-9.]*\) s).*/\1/p' "$log")
  pids=$(cat "$DATA"/stack/run/*.pid 2>/dev/null | awk '{print $1}')
  stop_start=$(date +%s%N)
  kill -TERM "$launcher"
  wait "$launcher" || true
  stop=$(awk -v ns=$(( $(date +%s%N) - stop_start )) 'BEGIN { print ns / 1e9 }')
  leftover=0
  for pid in $pids; do kill -0 "$pid" 2>/dev/null && leftover=$((leftover + 1)); done
  printf "%-4s %-9s %-13s %-12s %-5.1f %s\n" "$run" "$([ "$run" = 1 ] && echo empty || echo reused)" \
    "${broker:-FAILED} s" "${total:-FAILED} s" "$stop" "$leftover"
  [ -n "$total" ] || { tail -20 "$log"; exit 1; }
done
