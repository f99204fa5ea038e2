#!/usr/bin/env bash
# Multi-site mode: warm latency of the central gateway's GET /auth/revenue over SITES simulated site gateways
# (README "Multi-site mode"), 30 days, all sites, grouped by region, as the UI's Revenue page asks it.
#
#   bench/multi-site.sh [--sites 10] [--miners 40] [--requests 200]
#
# Starts `multi-site-demo` (the site gateways and the central one in one process, each site a whole gateway over its
# own small simulated ORK, reached by the central gateway over HTTP with its service token), asks once cold (every
# site sums its 30 days), then REQUESTS times warm on one keep-alive connection, and prints p50/p90/p99/max. The same
# for a one-site request in the same run gives the ratio (the cost of ten sites over one).
set -euo pipefail
cd "$(dirname "$0")/.."
SITES=10
MINERS=40
REQUESTS=200
while [ $# -gt 0 ]; do
  case "$1" in
    --sites) SITES="$2"; shift 2 ;;
    --miners) MINERS="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "multi-site.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
. scripts/jdk.sh
find_jdk
JAR=bootstrap/target/miningos-gateway.jar
if [ ! -f "$JAR" ]; then
  require_maven -DnoHrpc
  mvn -B -q -DskipTests -DnoHrpc package
fi
DATA="$(mktemp -d)"
PORT=$(( 20000 + RANDOM % 20000 ))
LOG="$DATA/demo.log"
"$JAVA_HOME/bin/java" -jar "$JAR" multi-site-demo --sites "$SITES" --miners "$MINERS" --port "$PORT" \
    --data-dir "$DATA" > "$LOG" 2>&1 &
DEMO=$!
trap 'kill $DEMO 2>/dev/null; wait $DEMO 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 240); do
  grep -q "MiningOS multi-site demo" "$LOG" && break
  kill -0 $DEMO 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.5
done
TOKEN=$("$JAVA_HOME/bin/java" -jar "$JAR" token --data-dir "$DATA/central" --email admin@example.com 2>/dev/null | tail -n 1)
START=$(date -u -d '30 days ago' +%F)
END=$(date -u -d 'yesterday' +%F)
REGIONS=$(grep -o "site [a-z]* (" "$LOG" | awk '{print "%22" toupper($2) "%22"}' | paste -sd, | sed 's/,/%2C/g')
FIRST=$(grep -o "site [a-z]* (" "$LOG" | head -1 | awk '{print "%22" toupper($2) "%22"}')
url() { echo "http://127.0.0.1:$PORT/auth/revenue?startDate=$START&endDate=$END&period=daily&groupByRegion=true&regions=%5B$1%5D"; }

cold=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" --max-time 600 "$(url "$REGIONS")")
one_cold=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" "$(url "$FIRST")")
measure() { # one keep-alive connection, REQUESTS requests; prints "status seconds bytes" per request
  local args=()
  for _ in $(seq 1 "$REQUESTS"); do args+=("$1" -o /dev/null); done
  curl -s -H "Authorization: Bearer $TOKEN" -w '%{http_code} %{time_total} %{size_download}\n' "${args[@]}"
}
stats() { # p50 p90 p99 max in ms, and the statuses
  sort -k2 -n | awk '{ t[NR] = $2 * 1000; s[$1]++; b = $3 } END {
    n = NR; printf "%d requests, statuses:", n; for (k in s) printf " %s x%d", k, s[k];
    printf "; %d bytes; p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n", b, t[int(n*0.5)], t[int(n*0.9)], t[int(n*0.99)], t[n] }'
}
echo "multi-site revenue, 30 days ($START..$END), $SITES sites of $MINERS.. miners, one process, $(nproc) cores"
echo "cold, all sites: status/seconds $cold; cold, one site (its days cached): $one_cold"
ALL=$(measure "$(url "$REGIONS")" | stats)
ONE=$(measure "$(url "$FIRST")" | stats)
echo "warm, all $SITES sites: $ALL"
echo "warm, one site:     $ONE"
p50_all=$(echo "$ALL" | sed -E 's/.*p50 ([0-9.]+) ms.*/\1/')
p50_one=$(echo "$ONE" | sed -E 's/.*p50 ([0-9.]+) ms.*/\1/')
echo "ratio of p50 (all sites / one site): $(awk -v a="$p50_all" -v b="$p50_one" 'BEGIN { printf "%.2f", a / b }')"
