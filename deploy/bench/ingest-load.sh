#!/usr/bin/env bash
# alert-ingest throughput and latency, side by side with their baselines on the same broker, in one run:
#   (a) PagerDuty-style single events over 64 keep-alive connections vs a no-op endpoint on the same server
#       (goal: >= 60 % of the no-op requests/s, p99 <= 25 ms)
#   (b) Alertmanager groups of 100 alerts: alerts/s vs Kafka's ProducerPerformance records/s (512 B, acks=all)
#       (goal: >= 25 %)
# Needs a broker and registry: `./lifeline up --infrastructure` (the published figures), or the whole stack
# (./lifeline up; its services then consume `alerts` and compete for the same cores). Starts its own alert-ingest
# instance on port 18080 with throw-away credentials, and stops it at the end. Load: wrk (Debian)
# with the Lua scripts in deploy/bench/wrk, installed here when missing. Loopback only.
# Each endpoint is warmed up first (WARMUP_SECONDS, default 30: the JIT is still busy before that).
#   deploy/bench/ingest-load.sh [seconds-per-run]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/bin/java-home.sh"
SECONDS_PER_RUN="${1:-30}"
WARMUP_SECONDS="${WARMUP_SECONDS:-30}"
DATA_DIR="${LIFELINE_DATA_DIR:-$ROOT/.lifeline}"
PORT=18080
curl -sf http://localhost:8081/subjects >/dev/null || { echo "start the broker and registry first: ./lifeline up --infrastructure" >&2; exit 1; }

secret() { head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
API_KEY=$(secret); PD_KEY=$(secret); AM_TOKEN=$(secret)
LOG=$(mktemp /tmp/ingest-bench.XXXXXX.log)
"$JAVA_HOME/bin/java" -Xms512m -Xmx1g -XX:+UseParallelGC -jar "$ROOT/alert-ingest/target/alert-ingest-exec.jar" \
  --spring.profiles.active=local --server.port=$PORT \
  --lifeline.schema-registry.basic-auth-user-info="bench:$(cat "$DATA_DIR/secrets/api-key")" \
  --lifeline.security.api-keys="$API_KEY" \
  --lifeline.ingest.bench.noop-endpoint=true \
  --lifeline.ingest.integrations.bench-pd.type=pagerduty --lifeline.ingest.integrations.bench-pd.secret="$PD_KEY" \
  --lifeline.ingest.integrations.bench-pd.service=checkout --lifeline.ingest.integrations.bench-pd.rate-per-second=1000000 \
  --lifeline.ingest.integrations.bench-am.type=alertmanager --lifeline.ingest.integrations.bench-am.secret="$AM_TOKEN" \
  --lifeline.ingest.integrations.bench-am.rate-per-second=10000000 \
  --logging.level.root=WARN > "$LOG" 2>&1 &
INGEST=$!
trap 'kill $INGEST 2>/dev/null; wait $INGEST 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/actuator/health" >/dev/null && break
  kill -0 $INGEST 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.5
done

command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }; }
command -v wrk >/dev/null || { echo "needs wrk (Debian package wrk)" >&2; exit 1; }
WRK_DIR="$ROOT/deploy/bench/wrk"
load() { # label url script secret connections
  BENCH_SECRET="$4" wrk -t2 -c"$5" -d"${WARMUP_SECONDS}s" -s "$WRK_DIR/$3" "$2" >/dev/null
  BENCH_SECRET="$4" wrk -t2 -c"$5" -d"${SECONDS_PER_RUN}s" --latency -s "$WRK_DIR/$3" "$2" \
    | awk -v label="$1" '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx|Socket errors/ {err=err $0}
        END {printf "%-34s %10.0f req/s  p50 %8s  p99 %8s  %s\n", label, rps, p50, p99, (err == "" ? "all 2xx" : err)}'
}
echo "== (a) single events, 64 keep-alive connections (wrk -t2 -c64), ${SECONDS_PER_RUN}s each after ${WARMUP_SECONDS}s of warm-up"
NOOP=$(load "no-op /bench/noop" "http://localhost:$PORT/bench/noop" pagerduty.lua "$API_KEY" 64)
echo "$NOOP"
PD=$(load "PagerDuty /v2/enqueue" "http://localhost:$PORT/v2/enqueue" pagerduty.lua "$PD_KEY" 64)
echo "$PD"
echo "== (b) Alertmanager groups of 100 alerts (wrk -t2 -c8), ${SECONDS_PER_RUN}s"
AM=$(load "Alertmanager groups x100" "http://localhost:$PORT/api/v1/integrations/alertmanager" alertmanager.lua "$AM_TOKEN" 8)
echo "$AM"
kill $INGEST; wait $INGEST 2>/dev/null || true
echo "== baseline for (b): Kafka ProducerPerformance, 512 B, acks=all, same broker"
PERF=$(BENCH_TOPIC=bench.ingest-baseline "$ROOT/deploy/bench/producer-baseline.sh" 1000000 512 -1 | tail -n 1)
echo "$PERF"

ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/, "", v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v=v*1000 }; print v }' <<<"$1"; }
rate() { sed -n "s|.* \([0-9.]*\) $1.*|\1|p" <<<"$2" | head -n1; }
noop_rps=$(rate "req/s" "$NOOP"); pd_rps=$(rate "req/s" "$PD"); am_aps=$(( $(rate "req/s" "$AM") * 100 ))
pd_p99=$(ms "$(sed -n 's|.* p99 *\([0-9.]*[mu]*s\) .*|\1|p' <<<"$PD")")
perf_rps=$(sed -n 's/.* \([0-9.]*\) records\/sec.*/\1/p' <<<"$PERF")
awk -v noop="$noop_rps" -v pd="$pd_rps" -v p99="$pd_p99" -v am="$am_aps" -v perf="$perf_rps" 'BEGIN {
  printf "\n(a) PagerDuty %.0f req/s = %.1f %% of no-op %.0f req/s (goal >= 60 %%): %s; p99 %.2f ms (goal <= 25 ms): %s\n",
    pd, 100 * pd / noop, noop, (pd >= 0.6 * noop ? "MET" : "NOT MET"), p99, (p99 <= 25 ? "MET" : "NOT MET")
  printf "(b) Alertmanager %.0f alerts/s = %.1f %% of ProducerPerformance %.0f records/s (goal >= 25 %%): %s\n",
    am, 100 * am / perf, perf, (am >= 0.25 * perf ? "MET" : "NOT MET")
}'
