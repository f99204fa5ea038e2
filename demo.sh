#!/usr/bin/env bash
# Builds the gateway if needed and starts it on the embedded demo site (SQLite in ./miningos-data, one simulated
# ORK). It prints how to get a token. Extra arguments go to `serve` (e.g. --port 3001, or --ui DIR to host a built
# MiningOS UI, which also prints a link that opens it signed in).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
find_jdk
JAR=bootstrap/target/miningos-gateway.jar
if [ ! -f "$JAR" ] || [ -n "$(find . -name target -prune -o \( -name pom.xml -o -path '*/src/*' \) -newer "$JAR" \
    -print -quit 2>/dev/null)" ]; then
  BUILD_ARGS=()
  if ! has_node_build_tools; then
    # The demo site is simulated: a jar without the hrpc transport runs it just as well.
    echo "Node.js 20+ with npm not found: building without the hrpc transport (-DnoHrpc)" >&2
    BUILD_ARGS=(-DnoHrpc)
  fi
  require_maven "${BUILD_ARGS[@]}"
  echo "building $JAR with $JAVA_HOME ..." >&2
  mvn -B -q -DskipTests "${BUILD_ARGS[@]}" package
fi
exec "$JAVA_HOME/bin/java" -jar "$JAR" serve "$@"
