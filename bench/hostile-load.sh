#!/usr/bin/env bash
# Hostile load (issue 12): does the gateway keep serving normal reads while a read-only user sends the requests
# that used to freeze it, and does a crowd of requests to a slow ORK get its answer at the deadline?
#
#   bench/hostile-load.sh [--only reads|deadline] [--seconds 30] [--warmup 60] [--connections 64] [--rate 10]
#                         [--hostile 2] [--heap 512m] [--requests 1000] [--sim-threads N]
#                         [--ork-calls-per-user N] [--keep]
#
# Builds the jar if it is missing or older than the sources, then, on a throw-away data folder:
#  1. reads: the embedded demo site; HostileLoad.java runs --connections clients of normal UI reads (each --rate
#     requests a second; 0: closed loop) alone, then with --hostile clients sending the freezing requests; latency
#     percentiles, statuses, the gateway's RSS, heap in use and full GCs.
#  2. deadline: a site whose one simulated ORK answers after 20 s, rpcTimeout 15 s; --requests requests at once,
#     each its own ORK call; when they were answered against the 15 s deadline.
# The gateway runs with -Xmx$HEAP (its memory bound). Client and server share the machine's cores: compare the
# ratios within one run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
find_jdk >/dev/null

SECONDS_PER_PHASE=30
CONNECTIONS=64
RATE=10
WARMUP=60
ONLY=reads,deadline
HOSTILE=2
HEAP=512m
REQUESTS=1000
KEEP=false
SIM_THREADS=""
PER_USER=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_PER_PHASE="$2"; shift ;;
    --connections) CONNECTIONS="$2"; shift ;;
    --rate) RATE="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --only) ONLY="$2"; shift ;;
    --hostile) HOSTILE="$2"; shift ;;
    --heap) HEAP="$2"; shift ;;
    --requests) REQUESTS="$2"; shift ;;
    --sim-threads) SIM_THREADS="$2"; shift ;;
    --ork-calls-per-user) PER_USER="$2"; shift ;;
    --keep) KEEP=true ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

JAR=bootstrap/target/miningos-gateway.jar
if [ ! -f "$JAR" ] || [ -n "$(find . -name target -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$JAR" \
    -print -quit 2>/dev/null)" ]; then
  echo "building the jar..." >&2
  BUILD=()
  has_node_build_tools || BUILD+=(-DnoHrpc)
  require_maven "${BUILD[@]}"
  mvn -B -q -DskipTests -Dspotless.check.skip=true "${BUILD[@]}" package >&2
fi

WORK=$(mktemp -d /tmp/hostile-load.XXXXXX)
PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  $KEEP && echo "work folder kept: $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

# start CONFIG_DIR|- DATA_DIR LOG: starts the gateway, sets PID and PORT
start() {
  local config=() ; [ "$1" != "-" ] && config=(--config "$1")
  "$JAVA_HOME/bin/java" "-Xmx$HEAP" -jar "$JAR" serve --port 0 --data-dir "$2" "${config[@]}" >"$3" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do
    PORT=$(sed -n 's/.*listening on http:\/\/localhost:\([0-9]*\).*/\1/p' "$3" | head -n 1)
    [ -n "$PORT" ] && return 0
    kill -0 "$PID" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 0.1
  done
  echo "the gateway did not start" >&2; cat "$3" >&2; exit 1
}

stop() {
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

# ListenOverflows of this network namespace (/proc/net/netstat): SYNs dropped because a listen queue was full
listen_overflows() {
  awk '/^TcpExt:/ { if (!n) { for (i = 1; i <= NF; i++) if ($i == "ListenOverflows") c = i; n = 1 } else print $c }' \
    /proc/net/netstat 2>/dev/null || echo 0
}

cli() { "$JAVA_HOME/bin/java" -jar "$JAR" "$@" 2>/dev/null | tail -n 1; }

echo "MiningOS gateway hostile load, $(date -u +%FT%TZ), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
echo "heap -Xmx$HEAP; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

if [[ ",$ONLY," == *,reads,* ]]; then
  echo "## 1. Normal reads while a read-only user sends the freezing requests (embedded demo site)"
  DEMO_CONFIG=-
  if [ -n "$SIM_THREADS$PER_USER" ]; then # the demo's ORK as configured (the demo runs without a config)
    DEMO_CONFIG="$WORK/demo-config"
    mkdir -p "$DEMO_CONFIG"
    cat >"$DEMO_CONFIG/common.json" <<JSON
{"site": "demo",
 "orks": {"cluster-1": {"transport": "sim", "seed": 1, "site": "demo", "miners": 500, "m63Miners": 40,
                        "requiredVotes": 2, "threads": ${SIM_THREADS:-2}}},
 "gateway": {"orkCallsPerUser": ${PER_USER:-0}}}
JSON
    echo "the demo's ORK (500 miners, 40 M63s) on ${SIM_THREADS:-2} sim thread(s), without the demo's stored data;" \
      "gateway.orkCallsPerUser ${PER_USER:-0}"
  fi
  start "$DEMO_CONFIG" "$WORK/demo" "$WORK/demo.log"
  "$JAVA_HOME/bin/java" -jar "$JAR" users add --data-dir "$WORK/demo" --email ro@example.com --role read_only_user >/dev/null 2>&1
  "$JAVA_HOME/bin/java" -jar "$JAR" users add --data-dir "$WORK/demo" --email hostile@example.com \
    --role read_only_user >/dev/null 2>&1
  RO=$(cli token --data-dir "$WORK/demo" --email ro@example.com)
  HOSTILE_TOKEN=$(cli token --data-dir "$WORK/demo" --email hostile@example.com)
  # the normal reads are one read-only user's, the hostile requests another's
  "$JAVA_HOME/bin/java" bench/HostileLoad.java reads "http://127.0.0.1:$PORT" "$RO" "$PID" \
    --hostile-token "$HOSTILE_TOKEN" \
    --connections "$CONNECTIONS" --rate "$RATE" --hostile "$HOSTILE" --seconds "$SECONDS_PER_PHASE" \
    --warmup "$WARMUP"
  grep -c ' 5[0-9][0-9] ' "$WORK/demo.log" | sed 's/^/access log lines with a 5xx status: /' || true
  stop
  echo
fi
if [[ ",$ONLY," == *,deadline,* ]]; then
  echo "## 2. $REQUESTS requests at once to an ORK slower than the deadline (rpcTimeout 15 s, the ORK 20 s)"
  mkdir -p "$WORK/slow-config"
  cat >"$WORK/slow-config/common.json" <<JSON
{"site": "slow", "rpcTimeout": 15000,
 "orks": {"cluster-1": {"transport": "sim", "seed": 1, "miners": 20, "latencyMs": 20000}},
 "gateway": {"maxConnectionsPerAddress": $((REQUESTS + 100)), "maxConnections": $((REQUESTS + 100))}}
JSON
  start "$WORK/slow-config" "$WORK/slow" "$WORK/slow.log"
  OVERFLOWS=$(listen_overflows)
  ADMIN=$(cli token --data-dir "$WORK/slow" --email admin@example.com)
  "$JAVA_HOME/bin/java" bench/HostileLoad.java deadline "http://127.0.0.1:$PORT" "$ADMIN" --requests "$REQUESTS" \
    --deadline-ms 15000
  # the server's own view: the access log's milliseconds count from the route's start, not the connection's
  grep 'access.* 504 [0-9]*ms' "$WORK/slow.log" | sed 's/.* 504 \([0-9]*\)ms.*/\1/' | sort -n | awk '{ v[NR] = $1 }
    END { if (NR) { p99 = int(NR * 0.99); if (p99 < 1) p99 = 1
      printf "access log (from the route'"'"'s start): p50 %d, p99 %d, max %d ms of %d answers\n",
        v[int((NR + 1) / 2)], v[p99], v[NR], NR } }'
  echo "connections the OS dropped, its listen queue full: $(( $(listen_overflows) - OVERFLOWS ))"
  stop
fi
