#!/usr/bin/env bash
# Builds the gateway if needed and starts it on the embedded demo site (SQLite in ./miningos-data, simulated
# ORK clusters). It prints how to get a token. Extra arguments go to `serve` (e.g. --port 3001).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
find_jdk
JAR=bootstrap/target/miningos-gateway.jar
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml */pom.xml */src -newer "$JAR" -print -quit 2>/dev/null)" ]; then
  require_maven
  echo "building $JAR with $JAVA_HOME ..." >&2
  mvn -B -q -DskipTests package
fi
exec "$JAVA_HOME/bin/java" -jar "$JAR" serve "$@"
