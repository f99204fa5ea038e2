#!/usr/bin/env bash
# Where a start's seconds go: starts the gateway once with class-load logging (JVM uptime on every line), waits
# for the first 200 of GET /auth/site, stops it, and prints when the first class of each start-up step was loaded
# (logging, configuration, SQLite + jOOQ + migrations, ORK transports, sim site, hrpc bridge, Javalin, Jetty),
# with the number of classes loaded by then and where they came from (CDS archive or jar).
#
#   bench/startup-phases.sh [--config DIR] [--jvm-opts "-XX:SharedArchiveFile=app.jsa ..."] [--keep]
# Without --config: the embedded demo site. The data folder is made (and a token issued) before the timed start.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
find_jdk
JAR=$(pwd)/bootstrap/target/miningos-gateway.jar
CONFIG_ARGS=()
JVM_OPTS=""
KEEP=false
while [ $# -gt 0 ]; do
  case "$1" in
    --config) CONFIG_ARGS=(--config "$(cd "$2" && pwd)"); shift ;;
    --jvm-opts) JVM_OPTS="$2"; shift ;;
    --keep) KEEP=true ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ "$KEEP" = true ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
TOKEN=$("$JAVA_HOME/bin/java" -jar "$JAR" token --data-dir "$WORK/data" "${CONFIG_ARGS[@]}" --email admin@example.com \
  2>/dev/null | tail -n 1)

# shellcheck disable=SC2086
START=$(date +%s%N)
"$JAVA_HOME/bin/java" $JVM_OPTS -Xlog:class+load=info:file="$WORK/classes.log":uptime -jar "$JAR" serve \
  --port "$PORT" --data-dir "$WORK/data" "${CONFIG_ARGS[@]}" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$PORT/auth/site")" = 200 ]; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$WORK/server.log" >&2; exit 1; fi
  sleep 0.01
done
FIRST_200_MS=$(( ($(date +%s%N) - START) / 1000000 ))
sleep 1
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

echo "JVM options: ${JVM_OPTS:-(none)}; config: ${CONFIG_ARGS[*]:-embedded demo}; java: $("$JAVA_HOME/bin/java" -version 2>&1 | tail -n 1)"
echo "first 200 of /auth/site ${FIRST_200_MS} ms after the launch (load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
printf '%9s  %7s  %7s  %s\n' "uptime s" classes "of them" "first class of the step"
printf '%9s  %7s  %7s  %s\n' "" "loaded" "from CDS" ""
awk '
  BEGIN {
    n = split("bootstrap.Main|start: our main class;ch.qos.logback.|logging (logback) initializes;" \
      "ConfigLoader|configuration read;SqliteDatabase|storage: SQLite opens;org.sqlite.JDBC|storage: sqlite-jdbc driver;" \
      "org.jooq.|storage: jOOQ;IdentityService|storage ready (migrations done), services built;" \
      "OrkTransportRegistry|ORK transports looked up;.SiteGenerator|sim: site generation;.LiveSite|sim: live site;" \
      "HrpcTransportProvider|hrpc transport;BridgeInstallation|hrpc: bridge unpack check;BridgeProcess|hrpc: bridge process start;" \
      "ResponseCache|answer cache and services;GatewayHttpServer|HTTP: routes built;io.javalin.Javalin |HTTP: Javalin;" \
      "org.eclipse.jetty.server.Server |HTTP: Jetty server;org.eclipse.jetty.server.ServerConnector |HTTP: connector (listening soon)", steps, ";")
    for (i = 1; i <= n; i++) { split(steps[i], kv, "|"); key[i] = kv[1]; label[i] = kv[2] }
  }
  {
    t = substr($1, 2, length($1) - 3) + 0; count++; if ($0 ~ /shared objects file/) cds++
    for (i = 1; i <= n; i++) if (!(i in seen) && index($2 " ", key[i]) > 0) {
      seen[i] = 1; printf "%9.3f  %7d  %7d  %s (%s)\n", t, count, cds, label[i], $2
    }
    last = t
  }
  END { printf "%9.3f  %7d  %7d  last class loaded (the first requests and the shutdown included)\n", last, count, cds }
' "$WORK/classes.log" | sort -n
echo
echo "classes loaded by source (top):"
sed -E 's/^.* source: //; s/^(file:|jar:file:)?([^!]*).*/\2/; s#^/.*/##' "$WORK/classes.log" | sort | uniq -c | sort -rn | head -6
