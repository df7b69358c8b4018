#!/usr/bin/env bash
# failover-service's timing goals (issue 7), on the running local stack, each next to its baseline in the same run:
#   detection (fault on -> RegionHealthChanged unhealthy) vs the configured interval x threshold (goal: within one
#   interval + 1 s of it); FailoverRequested -> routing flipped (goal: p99 <= 1 s) vs the same request read back by a
#   read_committed consumer; fault on -> FailoverCompleted (goal: threshold time + 5 s); Route 53's defaults for scale.
# Needs the whole stack: ./lifeline up (fresh .lifeline recommended). Each cycle fails over, then fails back after
# the local failback window (20 s) with an operator's approval sent by the driver.
#   deploy/bench/failover-timings.sh [cycles]      (default 10)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/bin/java-home.sh"
DATA_DIR="${LIFELINE_DATA_DIR:-$ROOT/.lifeline}"
curl -sf http://localhost:8084/actuator/health >/dev/null || { echo "start the stack first: ./lifeline up" >&2; exit 1; }
[ -f "$ROOT/deploy/target/deploy.jar" ] || { echo "build first: ./mvnw -DskipTests install" >&2; exit 1; }
"$JAVA_HOME/bin/java" -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dlifeline.registry.user-info="bench:$(cat "$DATA_DIR/secrets/api-key")" -Dlifeline.api-key-file="$DATA_DIR/secrets/api-key" \
  -cp "$ROOT/deploy/target/deploy.jar:$ROOT/deploy/target/launcher-lib/*" io.codelibra.lifeline.deploy.bench.FailoverTimings "${1:-10}"
