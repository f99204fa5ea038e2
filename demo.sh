#!/usr/bin/env bash
# Builds the gateway's self-contained distribution if needed (-Pdist: a jlink'd runtime, the jar, a class-data
# archive, bin/miningos-gateway; see README "Installing the distribution") and starts it on the embedded demo site
# (SQLite in ./miningos-data, one simulated ORK). It prints how to get a token. Extra arguments go to `serve` (e.g.
# --port 3001, or --ui DIR to host a built MiningOS UI, which also prints a link that opens it signed in).
# DEMO_PLAIN_JAR=1 builds and runs the plain jar with `java -jar` instead (a quicker build).
# `./demo.sh --dcs` runs the DCS demo instead: a mining hall run by a central DCS (config folder demo/dcs, data in
# ./miningos-data-dcs; README "The DCS demo").
# `./demo.sh --multi-site [--ui DIR] [--sites 3] [--port 3000]`: three simulated site gateways and the central gateway
# of multi-site mode in one process (data in ./miningos-multi-site; README "Multi-site mode"), so the UI's
# multi-site views show three sites.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
find_jdk
DIST=distribution/target/miningos-gateway
COMMAND=serve
if [ "${1:-}" = "--multi-site" ]; then
  shift
  COMMAND=multi-site-demo
fi
if [ "${1:-}" = "--dcs" ]; then
  shift
  set -- --config demo/dcs --data-dir miningos-data-dcs "$@"
fi
if [ "${DEMO_PLAIN_JAR:-0}" = 1 ]; then
  MARKER=bootstrap/target/miningos-gateway.jar
  PROFILE=()
else
  MARKER=$DIST/lib/miningos-gateway.jar
  PROFILE=(-Pdist)
fi
if [ ! -f "$MARKER" ] || [ -n "$(find . -name target -prune -o \( -name pom.xml -o -path '*/src/*' \) -newer "$MARKER" \
    -print -quit 2>/dev/null)" ]; then
  BUILD_ARGS=()
  if ! has_node_build_tools; then
    # The demo site is simulated: a jar without the hrpc transport runs it just as well.
    echo "Node.js 20+ with npm not found: building without the hrpc transport (-DnoHrpc)" >&2
    BUILD_ARGS=(-DnoHrpc)
  fi
  require_maven "${BUILD_ARGS[@]}"
  echo "building $MARKER with $JAVA_HOME ..." >&2
  mvn -B -q -DskipTests "${PROFILE[@]}" "${BUILD_ARGS[@]}" package
fi
if [ "${DEMO_PLAIN_JAR:-0}" = 1 ]; then
  exec "$JAVA_HOME/bin/java" -jar "$MARKER" "$COMMAND" "$@"
fi
exec "$DIST/bin/miningos-gateway" "$COMMAND" "$@"
