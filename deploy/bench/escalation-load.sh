#!/usr/bin/env bash
# escalation-service latency and timer accuracy, each next to its baseline in the same run:
#   (a) alert accepted -> first NotificationRequested at 1,000 alerts/s (goal p99 <= 50 ms), next to the same alert
#       read back from `alerts` (the broker's own round trip);
#   (b) 100,000 open incidents with pending timers: lateness of each escalation against its due time (goal p99 <= 1 s),
#       and again for the timers due right after a restart of the service.
# Needs a broker and registry: `./lifeline up --infrastructure`. Starts its own escalation-service (port 18082, a fresh
# application id and state directory, reading `alerts` from the end) and the load driver
# io.codelibra.lifeline.deploy.bench.EscalationLoad; stops the service at the end.
#   deploy/bench/escalation-load.sh [latency|timers|all]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/bin/java-home.sh"
DATA_DIR="${LIFELINE_DATA_DIR:-$ROOT/.lifeline}"
WORK="${BENCH_WORK_DIR:-/tmp/lifeline-escalation-bench}"
PORT=18082
REGISTRY_USER_INFO="bench:$(cat "$DATA_DIR/secrets/api-key")"

service_start() { # divisor
  "$JAVA_HOME/bin/java" -Xms512m -Xmx1g -jar "$ROOT/escalation-service/target/escalation-service-exec.jar" \
    --spring.profiles.active=local --server.port=$PORT \
    --lifeline.schema-registry.basic-auth-user-info="$REGISTRY_USER_INFO" --lifeline.security.api-keys=bench-only \
    --lifeline.escalation.state-dir="$WORK/state" --lifeline.escalation.delay-divisor="$1" \
    --spring.cloud.stream.kafka.streams.binder.functions.escalate.application-id="$(cat "$WORK/app-id")" \
    --spring.cloud.stream.kafka.streams.bindings.escalate-in-0.consumer.start-offset=latest \
    --spring.cloud.stream.bindings.deliverNotifications-in-0.group="$(cat "$WORK/app-id").notifier" \
    --logging.level.root=WARN >> "$WORK/service.log" 2>&1 &
  echo $! > "$WORK/pid"
  for _ in $(seq 1 240); do
    curl -sf "http://localhost:$PORT/actuator/health" >/dev/null && return 0
    kill -0 "$(cat "$WORK/pid")" 2>/dev/null || { tail -n 50 "$WORK/service.log"; return 1; }
    sleep 0.5
  done
  return 1
}
service_stop() {
  [ -f "$WORK/pid" ] || return 0
  kill "$(cat "$WORK/pid")" 2>/dev/null || true
  while kill -0 "$(cat "$WORK/pid")" 2>/dev/null; do sleep 0.2; done
  rm -f "$WORK/pid"
}
if [ "${1:-}" = "--restart" ]; then
  service_stop; service_start "$2"; exit $?
fi

curl -sf http://localhost:8081/subjects >/dev/null || { echo "start the broker and registry first: ./lifeline up --infrastructure" >&2; exit 1; }
[ -f "$ROOT/escalation-service/target/escalation-service-exec.jar" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
driver() {
  "$JAVA_HOME/bin/java" -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlifeline.registry.user-info="$REGISTRY_USER_INFO" \
    -cp "$ROOT/deploy/target/deploy.jar:$ROOT/deploy/target/launcher-lib/*" io.codelibra.lifeline.deploy.bench.EscalationLoad "$@"
}
fresh() { service_stop; rm -rf "$WORK"; mkdir -p "$WORK"; echo "escalation-bench-$(date +%s)" > "$WORK/app-id"; }
trap service_stop EXIT

MODE="${1:-all}"
if [ "$MODE" = latency ] || [ "$MODE" = all ]; then
  echo "== (a) 1,000 alerts/s for 60 s (after 15 s of warm-up at the same rate)"
  fresh; service_start 1
  driver latency 1000 15 >/dev/null
  driver latency 1000 60
fi
if [ "$MODE" = timers ] || [ "$MODE" = all ]; then
  echo "== (b) 100,000 incidents with pending timers; RFC policy with delays divided by 6 (15 min -> 150 s); restart at 240 s"
  fresh; service_start 6
  driver timers 100000 240 "'$ROOT/deploy/bench/escalation-load.sh' --restart 6"
fi
