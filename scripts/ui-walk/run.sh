#!/usr/bin/env bash
# Walks the real MiningOS operations UI against the demo site and reports every failure (README: "Walking the real
# UI"). Not part of ./test.sh.
#
#   scripts/ui-walk/run.sh --ui-dist DIR [--out DIR] [--only REGEX] [--skip-actions] [--deadline-min N]
#                          [--multi-site]
#   scripts/ui-walk/run.sh --ui-dist DIR --cold-replay REPORT [--after-fill]
#
# DIR is a built copy of the UI (the folder its own production build writes, holding index.html), built from the
# commit in scripts/ui-walk/UI_COMMIT. The script builds the gateway jar if it is missing or stale, starts the
# embedded demo site on a fresh temporary data folder hosting DIR at / (serve --ui DIR), creates a second admin and
# a read-only user, walks every route of the UI's router as the super admin and as the read-only user, performs
# the operator actions, and stops the gateway, also on failure or Ctrl-C. UI_WALK_ORKS='{"cluster-1": {...}, ...}'
# walks a configured site with those ORKs instead (a config folder; UI_WALK_MERGE_ORKS=true adds
# gateway.mergeOrks).
# Output: OUT (default scripts/ui-walk/out): summary.txt, report.json, screens/*.png, gateway.log.
# --multi-site walks the UI's multi-site router instead (routes.mjs MULTI_SITE_ROUTES) against the multi-site demo
# (multi-site-demo: three simulated site gateways and the central one hosting DIR), as the super admin and a
# read-only user of the central gateway; no actions.
# Exit code: 0 when nothing unexpected happened, 1 when something did (see summary.txt), 2 when the harness failed.
# --cold-replay REPORT (a report.json of an earlier walk) walks nothing: right after the gateway is up it replays
# every distinct read of that walk with cold.mjs (heaviest first) and prints each read over a second and a summary;
# with --after-fill it first waits until the simulated ORK says its background day sums are ready.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

UI_DIST="${UI_WALK_DIST:-}"
OUT="$HERE/out"
WALK_ARGS=()
DEADLINE_MIN=25
COLD_REPORT=""
AFTER_FILL=false
MULTI=0
while [ $# -gt 0 ]; do
  case "$1" in
    --ui-dist) UI_DIST="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --only) WALK_ARGS+=(--only "$2"); shift 2 ;;
    --skip-actions) WALK_ARGS+=(--skip-actions); shift ;;
    --multi-site) MULTI=1; WALK_ARGS+=(--multi-site); shift ;;
    --deadline-min) DEADLINE_MIN="$2"; shift 2 ;;
    --after-fill) AFTER_FILL=true; shift ;;
    --cold-replay) COLD_REPORT="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    -h|--help) sed -n 2,21p "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
PINNED="$(tr -d ' \n' < "$HERE/UI_COMMIT")"
if [ -z "$UI_DIST" ] || [ ! -f "$UI_DIST/index.html" ]; then
  echo "run.sh: --ui-dist must name a built MiningOS UI (a folder with index.html), built from commit $PINNED" >&2
  exit 2
fi
UI_DIST="$(cd "$UI_DIST" && pwd)"
# The UI's build embeds the commit it was built from; say so when it is not the pinned one.
if ! grep -rqs "$PINNED" "$UI_DIST"; then
  echo "run.sh: warning: $UI_DIST does not mention the pinned commit $PINNED; findings may not match it" >&2
fi

CHROMIUM="${UI_WALK_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "run.sh: no Chromium at $CHROMIUM; install Debian's: apt-get install -y chromium (or set UI_WALK_CHROMIUM)" >&2
  exit 2
fi
command -v node >/dev/null && command -v npm >/dev/null || { echo "run.sh: needs Node.js >= 20 and npm" >&2; exit 2; }
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
  (cd "$HERE" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund >&2)
fi

cd "$ROOT"
. scripts/jdk.sh
find_jdk
JAR=bootstrap/target/miningos-gateway.jar
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml */pom.xml */*/pom.xml */src */*/src -newer "$JAR" -print -quit 2>/dev/null)" ]; then
  require_maven
  echo "run.sh: building $JAR ..." >&2
  mvn -B -q -DskipTests package >&2
fi
JAVA="$JAVA_HOME/bin/java"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ui-walk.XXXXXX")"
GATEWAY_PID=""
WALK_PID=""
cleanup() {
  local rc=$?
  # timeout passes the TERM on to the walk, which closes its browsers.
  if [ -n "$WALK_PID" ] && kill -0 "$WALK_PID" 2>/dev/null; then
    kill -TERM "$WALK_PID" 2>/dev/null || true
    wait "$WALK_PID" 2>/dev/null || true
  fi
  if [ -n "$GATEWAY_PID" ] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
    kill -TERM "$GATEWAY_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$GATEWAY_PID" 2>/dev/null || true
  fi
  [ -f "$WORK/gateway.log" ] && mkdir -p "$OUT" && cp "$WORK/gateway.log" "$OUT/gateway.log"
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK/config" "$WORK/data"
CLI=("$JAVA" -jar "$JAR")
# Walks BASE with the tokens in $WORK/tokens.json into OUT, within the deadline; exits with the walk's code.
walk_and_exit() {
  rm -rf "$OUT"
  mkdir -p "$OUT"
  set +e
  timeout --kill-after=30 "$(( DEADLINE_MIN * 60 + 180 ))" node "$HERE/walk.mjs" --base "$BASE" --out "$OUT" \
    --tokens "$WORK/tokens.json" --chromium "$CHROMIUM" --deadline-ms "$(( DEADLINE_MIN * 60 * 1000 ))" \
    "${WALK_ARGS[@]}" &
  WALK_PID=$!
  wait "$WALK_PID"
  RC=$?
  WALK_PID=""
  set -e
  [ "$RC" -eq 124 ] || [ "$RC" -eq 137 ] && { echo "run.sh: the walk was killed at its deadline" >&2; RC=2; }
  exit "$RC"
}

if [ "$MULTI" = 1 ]; then
  # The multi-site demo in one process: its central gateway (data in $WORK/multi/central) hosts the UI.
  "${CLI[@]}" multi-site-demo --ui "$UI_DIST" --port 0 --data-dir "$WORK/multi" > "$WORK/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  PORT=""
  for _ in $(seq 1 240); do
    PORT="$(sed -n 's#.*central gateway on http://localhost:\([0-9]*\).*#\1#p' "$WORK/gateway.log" | head -n 1)"
    [ -n "$PORT" ] && break
    kill -0 "$GATEWAY_PID" 2>/dev/null || { cat "$WORK/gateway.log" >&2; echo "run.sh: the demo did not start" >&2; exit 2; }
    sleep 0.5
  done
  [ -n "$PORT" ] || { echo "run.sh: the demo did not say its port within 120 s" >&2; exit 2; }
  # the demo sums the sites' last 31 days at start: let it finish before the first page
  for _ in $(seq 1 240); do grep -q "days of every site are summed" "$WORK/gateway.log" && break; sleep 0.5; done
  CENTRAL="$WORK/multi/central"
  "${CLI[@]}" users add --data-dir "$CENTRAL" --email viewer@example.com --role read_only_user --name "Read Only" >&2
  mtoken() { "${CLI[@]}" token --data-dir "$CENTRAL" --email "$1" 2>/dev/null | tail -n 1; }
  ADMIN="$(mtoken admin@example.com)"
  VIEWER="$(mtoken viewer@example.com)"
  printf '{"admin": "%s", "admin2": "%s", "readonly": "%s"}\n' "$ADMIN" "$ADMIN" "$VIEWER" > "$WORK/tokens.json"
  BASE="http://127.0.0.1:$PORT"
  echo "run.sh: multi-site demo on $BASE serving $UI_DIST (UI commit $PINNED); super admin: $BASE/?authToken=$ADMIN" >&2
  walk_and_exit
fi
if [ -n "${UI_WALK_ORKS:-}" ]; then
  # A configured site with these ORKs (no demo data), hosting the UI.
  cat > "$WORK/config/common.json" <<EOF
{
  "site": "demo-site",
  "staticRootPath": "$UI_DIST",
  "orks": $UI_WALK_ORKS,
  "gateway": {"host": "127.0.0.1", "mergeOrks": ${UI_WALK_MERGE_ORKS:-false}}
}
EOF
  CONF=(--config "$WORK/config")
  SERVE=("${CONF[@]}")
else
  # The embedded demo site, as ./demo.sh --ui DIR runs it.
  CONF=()
  SERVE=(--ui "$UI_DIST" --host 127.0.0.1)
fi
CLI=("$JAVA" -jar "$JAR")
"${CLI[@]}" users add "${CONF[@]}" --data-dir "$WORK/data" --email admin2@example.com --role admin \
  --name "Second Admin" >&2
"${CLI[@]}" users add "${CONF[@]}" --data-dir "$WORK/data" --email viewer@example.com \
  --role read_only_user --name "Read Only" >&2

"${CLI[@]}" serve "${SERVE[@]}" --data-dir "$WORK/data" --port 0 > "$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
PORT=""
for _ in $(seq 1 240); do
  PORT="$(sed -n 's#.*listening on http://localhost:\([0-9]*\).*#\1#p' "$WORK/gateway.log" | head -n 1)"
  [ -n "$PORT" ] && break
  kill -0 "$GATEWAY_PID" 2>/dev/null || { cat "$WORK/gateway.log" >&2; echo "run.sh: the gateway did not start" >&2; exit 2; }
  sleep 0.5
done
[ -n "$PORT" ] || { echo "run.sh: the gateway did not say its port within 120 s" >&2; exit 2; }

if [ -n "$COLD_REPORT" ]; then
  # The first answer of /auth/site after "listening": the sim's start-up work must not hold it up.
  ADMIN="$("${CLI[@]}" token "${CONF[@]}" --data-dir "$WORK/data" --email admin@example.com 2>/dev/null | tail -n 1)"
  echo "run.sh: /auth/site answered $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' \
    -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$PORT/auth/site") (token made in between)" >&2
  if $AFTER_FILL; then
    for _ in $(seq 1 600); do grep -q "day sums of the last weeks ready" "$WORK/gateway.log" && break; sleep 0.5; done
    echo "run.sh: $(grep -o 'day sums of the last weeks ready.*' "$WORK/gateway.log" || echo 'no filling seen in 300 s')" >&2
  fi
  node "$HERE/cold.mjs" --base "http://127.0.0.1:$PORT" --token "$ADMIN" --report "$COLD_REPORT"
  exit $?
fi
token() { "${CLI[@]}" token "${CONF[@]}" --data-dir "$WORK/data" --email "$1" 2>/dev/null | tail -n 1; }
ADMIN="$(token admin@example.com)"
ADMIN2="$(token admin2@example.com)"
VIEWER="$(token viewer@example.com)"
printf '{"admin": "%s", "admin2": "%s", "readonly": "%s"}\n' "$ADMIN" "$ADMIN2" "$VIEWER" > "$WORK/tokens.json"
BASE="http://127.0.0.1:$PORT"
echo "run.sh: gateway on $BASE serving $UI_DIST (UI commit $PINNED); super admin: $BASE/?authToken=$ADMIN" >&2

walk_and_exit
