#!/usr/bin/env bash
# Benchmarks cached GET /auth/list-things alone with the Java client (bench/ListThingsBench.java), on loopback:
# builds the gateway jar if needed, starts it on a throw-away data folder with ORKs that answer instantly from
# memory (the bench-fixed transport plugin in bench/fixture, or the simulated site with --sim), gets a token, runs
# the client and stops the gateway again. bench/run.sh is the full table (wrk, ceiling, memory, start-up).
#
#   bench/list-things.sh [--sim] [--port 3990] [--things 100] [--orks 2] [-- extra ListThingsBench options]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
find_jdk

PORT=3990
THINGS=100
ORKS=2
USE_SIM=false
BENCH_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sim) USE_SIM=true ;;
    --port) PORT="$2"; shift ;;
    --things) THINGS="$2"; shift ;;
    --orks) ORKS="$2"; shift ;;
    --) shift; BENCH_ARGS=("$@"); break ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

JAR=bootstrap/target/miningos-gateway.jar
if [ ! -f "$JAR" ] || [ -n "$(find . -name target -prune -o \( -name pom.xml -o -path '*/src/*' \) -newer "$JAR" \
    -print -quit 2>/dev/null)" ]; then
  BUILD_ARGS=()
  has_node_build_tools || BUILD_ARGS=(-DnoHrpc) # the benchmark needs no hrpc
  require_maven "${BUILD_ARGS[@]}"
  echo "building $JAR ..." >&2
  mvn -B -q -DskipTests "${BUILD_ARGS[@]}" package
fi

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

CONFIG_ARGS=()
if [ "$USE_SIM" = false ]; then
  # The fixture is a transport plugin like any third party's: compiled against the SPI in the jar, jarred with its
  # META-INF/services line and dropped into a plugins folder (gateway.pluginsDir).
  mkdir -p "$WORK/fixture-classes/META-INF/services" "$WORK/plugins" "$WORK/config"
  "$JAVA_HOME/bin/javac" -cp "$JAR" -d "$WORK/fixture-classes" bench/fixture/*.java
  echo "io.miningos.bench.FixedSiteTransportProvider" \
    > "$WORK/fixture-classes/META-INF/services/io.miningos.gateway.adapters.ork.spi.OrkTransportProvider"
  "$JAVA_HOME/bin/jar" --create --file "$WORK/plugins/bench-fixed.jar" -C "$WORK/fixture-classes" .
  ORK_ENTRIES=""
  for i in $(seq 1 "$ORKS"); do
    [ -n "$ORK_ENTRIES" ] && ORK_ENTRIES="$ORK_ENTRIES,"
    ORK_ENTRIES="$ORK_ENTRIES\"cluster-$i\": {\"transport\": \"bench-fixed\", \"things\": $THINGS}"
  done
  cat > "$WORK/config/common.json" <<JSON
{ "site": "bench-site", "orks": { $ORK_ENTRIES },
  "cacheTiming": { "/auth/list-things": "15m" },
  "gateway": { "host": "127.0.0.1", "pluginsDir": "$WORK/plugins" } }
JSON
  CONFIG_ARGS=(--config "$WORK/config")
fi

"$JAVA_HOME/bin/java" -jar "$JAR" serve --port "$PORT" \
  --data-dir "$WORK/data" "${CONFIG_ARGS[@]}" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$WORK/server.log" >&2; exit 1; fi
  sleep 0.2
done

TOKEN=$("$JAVA_HOME/bin/java" -jar "$JAR" token --data-dir "$WORK/data" \
  "${CONFIG_ARGS[@]}" --email admin@example.com 2>/dev/null | tail -n 1)
"$JAVA_HOME/bin/java" bench/ListThingsBench.java "http://127.0.0.1:$PORT" "$TOKEN" "${BENCH_ARGS[@]}"
