#!/usr/bin/env bash
# statuspage-service's two numeric goals (issue 6), each next to its baseline in the same run:
#   (a) GET /api/v2/summary.json requests/s vs a static copy of the same bytes served by the same server
#       (/bench/static-summary.json), both over the same keep-alive connections (goal: >= 50 %);
#   (b) event -> visible in summary.json: an IncidentOpened (SEV1 checkout-api) until component checkout shows
#       major_outage, and its IncidentResolved until it is operational again (goal: p99 <= 1 s), next to the same
#       events read back from `incidents` by a consumer (the broker's own round trip).
# Needs a broker and registry: `./lifeline up --infrastructure`. Starts its own statuspage-service (port 18083, the
# demo page, a fresh Kafka Streams application id and state directory, reading its inputs from the end, its own
# consumer groups, throw-away API key), stops it at the end and deletes its repartition and changelog topics.
# Load: wrk (Debian, installed when missing) and the driver io.codelibra.lifeline.deploy.bench.StatuspageVisibility
# (deploy module). Loopback only.
#   deploy/bench/statuspage-load.sh [seconds-per-run]
# Environment: WARMUP_SECONDS (30, per endpoint), CONNECTIONS (64), THREADS (2), EVENTS (200), VISIBILITY_WARMUP (20),
# POLL_INTERVAL_MS (1), BENCH_JAVA_OPTIONS (-Xms512m -Xmx1g -XX:+UseParallelGC), BENCH_WORK_DIR, PARTS (ab: which
# measurements), BENCH_SERVICE_ARGS (more arguments for the service, e.g. a Kafka Streams setting to compare).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/bin/java-home.sh"
SECONDS_PER_RUN="${1:-30}"
WARMUP_SECONDS="${WARMUP_SECONDS:-30}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
EVENTS="${EVENTS:-200}"
VISIBILITY_WARMUP="${VISIBILITY_WARMUP:-20}"
POLL_INTERVAL_MS="${POLL_INTERVAL_MS:-1}"
PARTS="${PARTS:-ab}"
DATA_DIR="${LIFELINE_DATA_DIR:-$ROOT/.lifeline}"
WORK="${BENCH_WORK_DIR:-/tmp/lifeline-statuspage-bench}"
PORT=18083
BASE="http://localhost:$PORT"

curl -sf http://localhost:8081/subjects >/dev/null && (exec 3<>/dev/tcp/localhost/9092) 2>/dev/null \
  || { echo "start the broker and registry first: ./lifeline up --infrastructure" >&2; exit 1; }
for jar in statuspage-service/target/statuspage-service-exec.jar deploy/target/deploy.jar; do
  [ -f "$ROOT/$jar" ] || { echo "build first: ./mvnw -DskipTests -pl deploy,statuspage-service -am install ($jar missing)" >&2; exit 1; }
done
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }; }
command -v wrk >/dev/null || { echo "needs wrk (Debian package wrk)" >&2; exit 1; }

REGISTRY_USER_INFO="bench:$(cat "$DATA_DIR/secrets/api-key")"
rm -rf "$WORK"; mkdir -p "$WORK"
APP_ID="statuspage-bench-$(date +%s)"
API_KEY=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
# shellcheck disable=SC2086 # BENCH_JAVA_OPTIONS and BENCH_SERVICE_ARGS are lists
"$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTIONS:--Xms512m -Xmx1g -XX:+UseParallelGC} \
  -jar "$ROOT/statuspage-service/target/statuspage-service-exec.jar" \
  --spring.profiles.active=local --server.port=$PORT \
  --lifeline.schema-registry.basic-auth-user-info="$REGISTRY_USER_INFO" --lifeline.security.api-keys="$API_KEY" \
  --lifeline.statuspage.benchmark-static=true --lifeline.statuspage.state-dir="$WORK/state" \
  --spring.cloud.stream.kafka.streams.binder.functions.statusPage.application-id="$APP_ID" \
  --spring.cloud.stream.kafka.streams.bindings.statusPage-in-0.consumer.start-offset=latest \
  --spring.cloud.stream.bindings.syncStatuspageIo-in-0.group="$APP_ID.statuspage-io" \
  --spring.cloud.stream.bindings.notifySubscribers-in-0.group="$APP_ID.subscribers" \
  --logging.level.root=WARN ${BENCH_SERVICE_ARGS:-} > "$WORK/service.log" 2>&1 &
SERVICE=$!
stop() { { kill $SERVICE && wait $SERVICE; } 2>/dev/null || true; }
drop_topics() { # the run's repartition and changelog topics are of no further use
  "$JAVA_HOME/bin/java" -cp "$ROOT/deploy/target/kafka-lib/*:$ROOT/deploy/target/launcher-lib/*" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.apache.kafka.tools.TopicCommand \
    --bootstrap-server localhost:9092 --delete --topic "$APP_ID-.*" >/dev/null 2>&1 || true
}
trap 'stop; drop_topics' EXIT
started=$(date +%s.%N)
for _ in $(seq 1 240); do
  curl -sf "$BASE/actuator/health" >/dev/null && break
  kill -0 $SERVICE 2>/dev/null || { tail -n 50 "$WORK/service.log"; exit 1; }
  sleep 0.5
done
# The page answers 503 until its state is restored, and shows its components from the writer's first tick on.
for _ in $(seq 1 120); do
  curl -sf "$BASE/api/v2/summary.json" 2>/dev/null | grep -q '"id":"checkout"' && break
  sleep 0.5
done
curl -sf "$BASE/api/v2/summary.json" | grep -q '"id":"checkout"' || { echo "summary.json never showed the page" >&2; tail -n 50 "$WORK/service.log"; exit 1; }
printf "statuspage-service up, summary.json answering with the demo page after %.1f s (application id %s)\n" \
  "$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')" "$APP_ID"

if [[ "$PARTS" == *a* ]]; then
  sleep 2 # nothing should change the page from here on: the static copy is taken on its first request
  curl -sf -D "$WORK/summary.headers" -o "$WORK/summary.json" "$BASE/api/v2/summary.json"
  curl -sf -D "$WORK/static.headers" -o "$WORK/static.json" "$BASE/bench/static-summary.json"
  summary_etag=$(grep -i '^etag:' "$WORK/summary.headers" | tr -d '\r')
  size() { stat -c %s "$1"; }
  echo "response bodies: summary.json $(size "$WORK/summary.json") B, static-summary.json $(size "$WORK/static.json") B;" \
    "headers $(size "$WORK/summary.headers") B and $(size "$WORK/static.headers") B"
  cmp -s "$WORK/summary.json" "$WORK/static.json" && echo "bodies identical" \
    || { echo "the static copy differs from summary.json: not comparable" >&2; exit 1; }

  load() { # label path
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" "$BASE$2" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$BASE$2" \
      | awk -v label="$1" '/Requests\/sec/ {rps=$2} /Transfer\/sec/ {tps=$2} / 50%/ {p50=$2} / 90%/ {p90=$2} / 99%/ {p99=$2}
          /Non-2xx|Socket errors/ {err=err $0}
          END {printf "%-22s %10.0f req/s  %9s/s  p50 %8s  p90 %8s  p99 %8s  %s\n", label, rps, tps, p50, p90, p99, (err == "" ? "all 2xx" : err)}'
  }
  echo "== (a) GET over $CONNECTIONS keep-alive connections (wrk -t$THREADS -c$CONNECTIONS), ${SECONDS_PER_RUN}s each after ${WARMUP_SECONDS}s of warm-up"
  SUMMARY=$(load "summary.json" /api/v2/summary.json)
  echo "$SUMMARY"
  STATIC=$(load "static copy" /bench/static-summary.json)
  echo "$STATIC"
  curl -sf -D "$WORK/summary-after.headers" -o /dev/null "$BASE/api/v2/summary.json"
  [ "$(grep -i '^etag:' "$WORK/summary-after.headers" | tr -d '\r')" = "$summary_etag" ] \
    || echo "note: the page changed during the throughput runs ($summary_etag -> $(grep -i '^etag:' "$WORK/summary-after.headers"))"
  rate() { sed -n 's|.* \([0-9.]*\) req/s.*|\1|p' <<<"$1" | head -n1; }
  awk -v dyn="$(rate "$SUMMARY")" -v fixed="$(rate "$STATIC")" 'BEGIN {
    printf "(a) summary.json %.0f req/s = %.1f %% of the static copy %.0f req/s (goal >= 50 %%): %s\n",
      dyn, 100 * dyn / fixed, fixed, (dyn >= 0.5 * fixed ? "MET" : "NOT MET") }'
fi

if [[ "$PARTS" == *b* ]]; then
  echo "== (b) event -> visible in summary.json, $EVENTS incidents opened and resolved one at a time ($VISIBILITY_WARMUP more first as warm-up)"
  "$JAVA_HOME/bin/java" -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlifeline.registry.user-info="$REGISTRY_USER_INFO" \
    -Dlifeline.statuspage.url="$BASE" -Dbench.poll-interval-ms="$POLL_INTERVAL_MS" \
    -cp "$ROOT/deploy/target/deploy.jar:$ROOT/deploy/target/launcher-lib/*" io.codelibra.lifeline.deploy.bench.StatuspageVisibility \
    "$EVENTS" "$VISIBILITY_WARMUP" | tee "$WORK/visibility.txt"
  p99=$(sed -n 's/^event acked -> visible in summary.json: .* p99=\([0-9.]*\) ms.*/\1/p' "$WORK/visibility.txt")
  if [ -n "$p99" ]; then
    awk -v p99="$p99" 'BEGIN { printf "(b) event -> visible p99 %.1f ms (goal <= 1000 ms): %s\n", p99, (p99 <= 1000 ? "MET" : "NOT MET") }'
  fi
fi

stop
warnings=$(grep -cE '^\S+ +(WARN|ERROR) ' "$WORK/service.log" || true)
echo "service log: $WORK/service.log ($warnings WARN/ERROR lines)"
grep -E '^\S+ +(WARN|ERROR) ' "$WORK/service.log" | sed -E 's/^\S+ +//; s/ [0-9]+ --- / --- /' | cut -c1-220 | sort | uniq -c | sort -rn | head -n 10 || true
