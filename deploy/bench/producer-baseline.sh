#!/usr/bin/env bash
# Kafka's own ProducerPerformance against a running broker (default: the local stack's) — the
# yardstick every Lifeline throughput figure is compared with in docs/benchmarks.md.
#   deploy/bench/producer-baseline.sh [records] [record-size] [throughput(-1 = max)]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/bin/java-home.sh"
BOOTSTRAP="${LIFELINE_KAFKA_BOOTSTRAP:-localhost:9092}"
RECORDS="${1:-2000000}"
SIZE="${2:-512}"
THROUGHPUT="${3:--1}"
TOPIC="${BENCH_TOPIC:-bench.producer-baseline}"
CP="$ROOT/deploy/target/kafka-lib/*:$ROOT/deploy/target/launcher-lib/*"
[ -d "$ROOT/deploy/target/kafka-lib" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }

"$JAVA_HOME/bin/java" -cp "$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.apache.kafka.tools.TopicCommand \
  --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$TOPIC" --partitions 6 --replication-factor 1 >/dev/null
"$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.apache.kafka.tools.ProducerPerformance \
  --topic "$TOPIC" --num-records "$RECORDS" --record-size "$SIZE" --throughput "$THROUGHPUT" \
  --producer-props bootstrap.servers="$BOOTSTRAP" acks=all linger.ms=5 enable.idempotence=true
