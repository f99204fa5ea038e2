#!/usr/bin/env bash
# Issue 14's side-by-side comparison with the Node.js gateway this product replaces (tetherto/miningos-app-node), in
# one run on this machine: both gateways read the same ORK over Hyperswarm RPC (bench/vs-node/ork-peer.js on a
# loopback HyperDHT test network, answering as the bench-fixed ORKs do: 100 things, 288 tail-log entries), our
# gateway as its distribution's launcher runs it. Prints one table: start to first answer / first 200 of
# /auth/site, RSS (server + child processes) idle after start, max under load, idle after load, and req/s, p50,
# p99 of the four routes, wrk 1 thread, --connections connections, servers on CPU 0 and wrk on CPU 1, the two
# gateways alternating in every round. How to prepare the Node gateway's folder: bench/README.md.
#
#   bench/vs-node.sh --node-gateway /tmp/node-gw/app                       # 3 rounds x 10 s per route, 3 starts
#   bench/vs-node.sh --node-gateway DIR --rounds 5 --seconds 15 --starts 5 --keep
#
# Options: --dist DIR (default distribution/target/miningos-gateway), --harness DIR (the hrpc test network with its
# node_modules, default the newest .../target/hrpc-test-network), --rounds N (3), --seconds S (10), --warmup S (5),
# --connections N (16), --starts N (3), --settle S (5), --things N (100), --keep (keep the work folder).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

NODE_GW="" DIST="distribution/target/miningos-gateway" HARNESS="" ROUNDS=3 SECONDS_PER_RUN=10 WARMUP=5
CONNECTIONS=16 STARTS=3 SETTLE=5 THINGS=100 KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --node-gateway) NODE_GW=$2; shift 2 ;;
    --dist) DIST=$2; shift 2 ;;
    --harness) HARNESS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --seconds) SECONDS_PER_RUN=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --starts) STARTS=$2; shift 2 ;;
    --settle) SETTLE=$2; shift 2 ;;
    --things) THINGS=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "error: unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done

fail() { echo "error: $*" >&2; exit 2; }
[ -n "$NODE_GW" ] || fail "--node-gateway DIR is required: a checkout of tetherto/miningos-app-node with its node_modules (bench/README.md)"
NODE_GW=$(cd "$NODE_GW" && pwd)
[ -f "$NODE_GW/workers/http.node.wrk.js" ] && [ -d "$NODE_GW/node_modules/@bitfinex/bfx-svc-boot-js" ] \
  || fail "$NODE_GW is not a prepared miningos-app-node checkout (workers/http.node.wrk.js, node_modules)"
[ -x "$DIST/bin/miningos-gateway" ] || fail "no $DIST/bin/miningos-gateway: build it with mvn -B -q -Pdist -DskipTests package"
DIST=$(cd "$DIST" && pwd)
if [ -z "$HARNESS" ]; then
  HARNESS=$(find . -maxdepth 5 -type d -name hrpc-test-network -path "*/target/*" -exec ls -dt {} + 2>/dev/null | head -n 1 || true)
fi
[ -n "$HARNESS" ] && [ -d "$HARNESS/node_modules/hyperdht" ] || fail "no built hrpc test network (*/target/hrpc-test-network, made by the build of adapters-ork): build adapters-ork, or pass --harness DIR"
HARNESS=$(cd "$HARNESS" && pwd)
for tool in wrk taskset node curl; do command -v $tool >/dev/null || fail "$tool is needed"; done

WORK=$(mktemp -d /tmp/vs-node.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ "$KEEP" = 1 ]; then echo "work folder kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
progress() { echo "[vs-node] $*" >&2; }
forget() { local keep=() p; for p in "${PIDS[@]}"; do [ "$p" != "$1" ] && keep+=("$p"); done; PIDS=("${keep[@]}"); }
stop_pid() { # SIGTERM, then wait for the process (and its children) to go
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 1 200); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  forget "$1"
}
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
tree_pids() { local p; echo "$1"; for p in $(ps -o pid= --ppid "$1" 2>/dev/null); do tree_pids "$p"; done; }
rss_mb() { # VmRSS of a process and its descendants, MB
  local total=0 kb p
  for p in $(tree_pids "$1"); do
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

# ---- the ORK: one peer on a loopback HyperDHT test network, on the load generator's core ----
progress "starting the ORK peer ($THINGS things) on a loopback HyperDHT test network"
mkfifo "$WORK/ork.stdin"
taskset -c 1 node bench/vs-node/ork-peer.js --modules "$HARNESS" --things "$THINGS" <"$WORK/ork.stdin" \
  >"$WORK/ork.out" 2>"$WORK/ork.log" &
ORK_PID=$!
PIDS+=("$ORK_PID")
exec 7>"$WORK/ork.stdin" # held open: the peer stops when it closes
for _ in $(seq 1 600); do [ -s "$WORK/ork.out" ] && break; sleep 0.1; done
[ -s "$WORK/ork.out" ] || fail "the ORK peer did not start: $(cat "$WORK/ork.log")"
ORK_KEY=$(node -p "JSON.parse(require('fs').readFileSync('$WORK/ork.out','utf8')).serverKey")
ORK_BOOT=$(node -p "JSON.parse(require('fs').readFileSync('$WORK/ork.out','utf8')).bootstrap.join(',')")
ORK_BOOT_JSON=$(node -p "JSON.stringify(JSON.parse(require('fs').readFileSync('$WORK/ork.out','utf8')).bootstrap)")

# ---- configurations: one hrpc ORK each, list-things and tail-log cached for 15 minutes ----
EMAIL=admin@example.com
NODE_ROOT="$WORK/node-root"
mkdir -p "$NODE_ROOT/config/facs"
cat >"$NODE_ROOT/config/common.json" <<EOF
{ "dir_log": "logs", "debug": 0, "site": "bench-site", "ttl": 300, "rpcTimeout": 15000,
  "orks": { "cluster-1": { "rpcPublicKey": "$ORK_KEY" } },
  "cacheTiming": { "/auth/list-things": "15m", "/auth/tail-log": "15m" }, "featureConfig": {} }
EOF
echo '{ "r0": {} }' >"$NODE_ROOT/config/facs/net.config.json"
echo '{ "h0": {} }' >"$NODE_ROOT/config/facs/httpd.config.json"
cat >"$NODE_ROOT/config/facs/httpd-oauth2.config.json" <<'EOF'
{ "h0": { "method": "google", "credentials": { "client": { "id": "bench", "secret": "bench" } }, "users": [] },
  "h1": { "method": "microsoft", "credentials": { "client": { "id": "bench", "secret": "bench" }, "tenant": "bench" }, "users": [] } }
EOF
# The checkout's example auth configuration (roles, permissions), with our super admin and a fresh JWT secret.
node -e '
  const fs = require("fs"), [example, out, email] = process.argv.slice(1)
  const conf = JSON.parse(fs.readFileSync(example, "utf8"))
  Object.assign(conf.a0, { superAdmin: email, jwtSecret: require("crypto").randomBytes(32).toString("hex"), ttl: 900 })
  fs.writeFileSync(out, JSON.stringify(conf, null, 2))
' "$NODE_GW/config/facs/auth.config.json.example" "$NODE_ROOT/config/facs/auth.config.json" "$EMAIL"

OUR_CONFIG="$WORK/our-config"
OUR_DATA="$WORK/our-data"
mkdir -p "$OUR_CONFIG"
cat >"$OUR_CONFIG/common.json" <<EOF
{ "site": "bench-site", "rpcTimeout": 15000,
  "orks": { "cluster-1": { "transport": "hrpc", "rpcPublicKey": "$ORK_KEY", "bootstrap": $ORK_BOOT_JSON } },
  "cacheTiming": { "/auth/list-things": "15m", "/auth/tail-log": "15m" },
  "gateway": { "host": "127.0.0.1" } }
EOF
OUR_TOKEN=$("$DIST/bin/miningos-gateway" token --data-dir "$OUR_DATA" --config "$OUR_CONFIG" --email "$EMAIL" 2>/dev/null | tail -n 1)
[ -n "$OUR_TOKEN" ] || fail "our gateway's token command printed nothing"

# ---- starting and stopping ----
# start_gw NAME PORT CPUS: starts a gateway (taskset -c CPUS, "" = unpinned); sets GW_PID
start_gw() {
  local name=$1 port=$2 cpus=$3 pin=()
  [ -n "$cpus" ] && pin=(taskset -c "$cpus")
  if [ "$name" = node ]; then
    rm -f "$WORK/node.token"
    "${pin[@]}" node bench/vs-node/node-gateway.js --app "$NODE_GW" --root "$NODE_ROOT" --port "$port" \
      --bootstrap "$ORK_BOOT" --email "$EMAIL" --token-file "$WORK/node.token" >>"$WORK/node.log" 2>&1 &
  else
    "${pin[@]}" "$DIST/bin/miningos-gateway" serve --port "$port" --data-dir "$OUR_DATA" --config "$OUR_CONFIG" \
      >>"$WORK/ours.log" 2>&1 &
  fi
  GW_PID=$!
  PIDS+=("$GW_PID")
}
token_of() { # the bearer token of gateway $1 (the Node gateway's launcher renews its token every minute)
  if [ "$1" = node ]; then cat "$WORK/node.token" 2>/dev/null || true; else echo "$OUR_TOKEN"; fi
}
status_of() { # PORT PATH TOKEN: HTTP status, 000 when nothing answers
  curl -s -o /dev/null -m 5 -w '%{http_code}' -H "Authorization: Bearer $3" "http://127.0.0.1:$1$2" || true
}
# timed_start NAME: one start, timed into START_FIRST (first answer, ms) and START_OK (first 200, ms); leaves the
# gateway running (GW_PID, GW_PORT)
timed_start() {
  local name=$1 t0 first="" code
  GW_PORT=$(free_port)
  t0=$(now_ms)
  start_gw "$name" "$GW_PORT" ""
  while :; do
    code=$(status_of "$GW_PORT" /auth/site "$(token_of "$name")")
    [ "$code" != 000 ] && [ -z "$first" ] && first=$(( $(now_ms) - t0 ))
    [ "$code" = 200 ] && break
    kill -0 "$GW_PID" 2>/dev/null || fail "$name gateway died while starting (see $WORK/$name.log; --keep keeps it)"
    [ $(( $(now_ms) - t0 )) -lt 60000 ] || fail "$name gateway gave no 200 on /auth/site within 60 s (last $code)"
    sleep 0.01
  done
  START_FIRST=$first
  START_OK=$(( $(now_ms) - t0 ))
}

declare -A STARTS_FIRST STARTS_200
progress "start-up: a first start of each (creates the data folders, unpacks the hrpc bridge), then $STARTS timed"
for name in node ours; do
  timed_start "$name"
  stop_pid "$GW_PID"
done
for i in $(seq 1 "$STARTS"); do
  for name in node ours; do
    timed_start "$name"
    stop_pid "$GW_PID"
    STARTS_FIRST[$name]+="$START_FIRST "
    STARTS_200[$name]+="$START_OK "
    progress "start-up $i/$STARTS: $name first answer $START_FIRST ms, first 200 $START_OK ms"
  done
done

# ---- routes: both gateways up on CPU 0, wrk on CPU 1, alternating ----
declare -A PORT PID RSS_IDLE RSS_MAX RSS_AFTER
for name in node ours; do
  PORT[$name]=$(free_port)
  start_gw "$name" "${PORT[$name]}" 0
  PID[$name]=$GW_PID
  for _ in $(seq 1 6000); do
    [ "$(status_of "${PORT[$name]}" /auth/site "$(token_of "$name")")" = 200 ] && break
    sleep 0.01
  done
  RSS_MAX[$name]=0
done
sleep "$SETTLE"
for name in node ours; do RSS_IDLE[$name]=$(rss_mb "${PID[$name]}"); done

enc() { node -p 'encodeURIComponent(process.argv[1])' "$1"; }
LIST_THINGS="/auth/list-things?query=$(enc '{"info.pos":{"$eq":"site"}}')&fields=$(enc '{"id":1,"last.snap.stats.power_w":1,"tags":1}')&status=1&limit=100"
TAIL_LOG="/auth/tail-log?key=stat-5m&type=miner&tag=t-miner&limit=288&aggrFields=$(enc '{"hashrate_mhs_1m_sum_aggr":1}')"
LABELS=("GET /auth/userinfo" "GET /auth/site" "GET /auth/list-things, cached" "GET /auth/tail-log, cached")
PATHS=("/auth/userinfo" "/auth/site" "$LIST_THINGS" "$TAIL_LOG")

for name in node ours; do # fill the caches and check every answer is a 200 with the ORK's data
  for p in "${PATHS[@]}"; do
    code=$(status_of "${PORT[$name]}" "$p" "$(token_of "$name")")
    [ "$code" = 200 ] || fail "$name answered $code to $p"
  done
done
size_of() { curl -s -H "Authorization: Bearer $(token_of "$1")" "http://127.0.0.1:${PORT[$1]}$2" | wc -c; }

# wrk_run NAME PATH SECONDS: wrk's BENCH line into $WORK/wrk.out; samples the server's RSS meanwhile into RSS_MAX
wrk_run() {
  local name=$1 path=$2 secs=$3 sampler rss
  ( while :; do rss_mb "${PID[$name]}"; sleep 0.25; done ) >"$WORK/rss.samples" 2>/dev/null &
  sampler=$!
  BENCH_TOKEN=$(token_of "$name") taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${secs}s" --latency \
    -s bench/wrk/report.lua "http://127.0.0.1:${PORT[$name]}$path" 2>&1 | grep '^BENCH ' >"$WORK/wrk.out" || true
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  rss=$(sort -n "$WORK/rss.samples" | tail -n 1)
  [ -n "$rss" ] && [ "$rss" -gt "${RSS_MAX[$name]}" ] && RSS_MAX[$name]=$rss
  return 0
}
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }

declare -A RESULTS # "name|route" -> lines "reqs p50_ms p99_ms non2xx"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for r in "${!PATHS[@]}"; do
  progress "${LABELS[$r]}: warm-up ${WARMUP} s each, then $ROUNDS rounds of ${SECONDS_PER_RUN} s, alternating"
  for name in node ours; do wrk_run "$name" "${PATHS[$r]}" "$WARMUP"; done
  for i in $(seq 1 "$ROUNDS"); do
    order=(node ours)
    [ $((i % 2)) = 0 ] && order=(ours node)
    for name in "${order[@]}"; do
      wrk_run "$name" "${PATHS[$r]}" "$SECONDS_PER_RUN"
      line=" $(cat "$WORK/wrk.out")"
      reqs=$(field requests "$line") secs=$(field seconds "$line")
      [ -n "$reqs" ] || fail "wrk failed on $name ${PATHS[$r]}: $line"
      RESULTS["$name|$r"]+="$(awk -v n="$reqs" -v s="$secs" -v a="$(field p50_us "$line")" -v b="$(field p99_us "$line")" \
        -v x="$(field non2xx "$line")" -v e="$(field socket_errors "$line")" 'BEGIN {printf "%.0f %.2f %.2f %d\n", n/s, a/1000, b/1000, x+e}')"$'\n'
    done
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
sleep "$SETTLE"
for name in node ours; do RSS_AFTER[$name]=$(rss_mb "${PID[$name]}"); done
declare -A BYTES
for r in "${!PATHS[@]}"; do BYTES[node|$r]=$(size_of node "${PATHS[$r]}"); BYTES[ours|$r]=$(size_of ours "${PATHS[$r]}"); done
for name in node ours; do stop_pid "${PID[$name]}"; done

# ---- the table ----
med() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "-"; exit} m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%s (%s-%s)", m, a[1], a[NR]}'; }
medv() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
col() { awk -v c="$1" 'NF {print $c}' <<<"$2" | tr '\n' ' '; }

NODE_VERSION=$(node --version)
OUR_JAVA=$("$DIST/runtime/bin/java" -version 2>&1 | head -n 1)
echo
echo "Node.js gateway ($NODE_GW, node $NODE_VERSION) vs this gateway ($DIST, $OUR_JAVA),"
echo "one ORK over Hyperswarm RPC on a loopback test network ($THINGS things, 288 tail-log entries); $(nproc) cores;"
echo "load average $LOAD_BEFORE before the routes, $LOAD_AFTER after; wrk -t1 -c$CONNECTIONS, $ROUNDS x ${SECONDS_PER_RUN} s per route"
echo
echo "| figure | Node gateway | this gateway | this / Node |"
echo "|---|---|---|---|"
declare -A F O
for name in node ours; do F[$name]=$(echo "${STARTS_FIRST[$name]}" | medv); O[$name]=$(echo "${STARTS_200[$name]}" | medv); done
echo "| start to first answer of /auth/site, ms, median (min-max) of $STARTS | $(echo "${STARTS_FIRST[node]}" | med) | $(echo "${STARTS_FIRST[ours]}" | med) | $(awk -v a="${F[ours]}" -v b="${F[node]}" 'BEGIN {printf "%.2f", a/b}') |"
echo "| start to first 200 of /auth/site, ms | $(echo "${STARTS_200[node]}" | med) | $(echo "${STARTS_200[ours]}" | med) | $(awk -v a="${O[ours]}" -v b="${O[node]}" 'BEGIN {printf "%.2f", a/b}') |"
for row in "RSS idle after start, MB|RSS_IDLE" "RSS under load (max), MB|RSS_MAX" "RSS idle after load, MB|RSS_AFTER"; do
  label=${row%%|*} var=${row##*|}
  n="$var[node]" o="$var[ours]"
  echo "| $label | ${!n} | ${!o} | $(awk -v a="${!o}" -v b="${!n}" 'BEGIN {printf "%.2f", a/b}') |"
done
echo
echo "| route (answer bytes Node / ours) | Node req/s | p50 ms | p99 ms | this req/s | p50 ms | p99 ms | req/s this / Node |"
echo "|---|---|---|---|---|---|---|---|"
for r in "${!PATHS[@]}"; do
  n=${RESULTS[node|$r]} o=${RESULTS[ours|$r]}
  errors=$(( $(col 4 "$n" | tr ' ' '+')0 + $(col 4 "$o" | tr ' ' '+')0 ))
  note=""
  [ "$errors" -gt 0 ] && note=" ($errors non-2xx or socket errors)"
  echo "| ${LABELS[$r]} (${BYTES[node|$r]} / ${BYTES[ours|$r]})$note | $(col 1 "$n" | med) | $(col 2 "$n" | medv) | $(col 3 "$n" | medv) | $(col 1 "$o" | med) | $(col 2 "$o" | medv) | $(col 3 "$o" | medv) | $(awk -v a="$(col 1 "$o" | medv)" -v b="$(col 1 "$n" | medv)" 'BEGIN {printf "%.2f", a/b}') |"
done
echo
echo "RSS: VmRSS of the server and its child processes (ours: the JVM and its hrpc bridge); Node's token is made in"
echo "its process once its auth facility is up (bench/vs-node/node-gateway.js), ours before the start (token command)."
