#!/usr/bin/env bash
# The schedule-endpoint benchmark (README.md "Performance", infra/bench/README.md).
# Starts no Praxis service itself: it expects the local stack running in another terminal, e.g.
#     ./praxis-local --no-zipkin
# then builds the benchmark jar (offline if asked) and runs it; results in infra/bench/results/<label>.{md,json}.
# The bench starts and stops its own proxy floors (ProxyFloor, a bare Reactor Netty hop; GatewayFloor, a bare Spring
# Cloud Gateway) on free ports.
# Usage: infra/bench/run.sh [--offline] [label]        (label defaults to "latest")
set -euo pipefail
cd "$(dirname "$0")/../.."

maven_flags=(-B -q -DskipTests)
label=latest
for arg in "$@"; do
  case "$arg" in
    --offline) maven_flags+=(-o) ;;
    *) label="$arg" ;;
  esac
done

for url in http://localhost:8000/actuator/health http://localhost:9002/actuator/health http://localhost:9001/actuator/health; do
  if ! curl -fsS -o /dev/null --max-time 5 "$url"; then
    echo "The local stack is not answering at $url. Start it first in another terminal:  ./praxis-local --no-zipkin" >&2
    exit 1
  fi
done

./mvnw "${maven_flags[@]}" -pl infra/bench -am install
echo "cores: $(nproc)"
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:+UseSerialGC -Xmx512m -jar infra/bench/target/bench.jar "$label"
