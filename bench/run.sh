#!/usr/bin/env bash
# The benchmark table: hot routes against a trivial Javalin handler (the ceiling) in the same run, the fan-out to
# 8 slow ORKs, RSS idle / under load / over a soak, start-up time. Builds the gateway jar if needed, installs
# nothing but checks for wrk, then runs bench/Bench.java (options: see bench/README.md), e.g.
#
#   bench/run.sh                                   # everything, 10-minute soak (about 30 minutes)
#   bench/run.sh --soak 2m --starts 3              # shorter
#   bench/run.sh --only routes,fanout --rounds 5   # just the throughput rows
#   bench/run.sh --jvm-opts "-Xmx64m -XX:+UseSerialGC" --histo /tmp/histo
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
find_jdk

if ! command -v wrk >/dev/null; then
  echo "error: bench/run.sh needs wrk (Debian: apt-get install -y wrk)" >&2
  exit 2
fi
if ! command -v taskset >/dev/null; then
  echo "warning: no taskset (util-linux): servers and wrk are not pinned to their own cores" >&2
  set -- --pin off "$@"
fi

JAR=bootstrap/target/miningos-gateway.jar
if [ ! -f "$JAR" ] || [ -n "$(find . -name target -prune -o \( -name pom.xml -o -path '*/src/*' \) -newer "$JAR" \
    -print -quit 2>/dev/null)" ]; then
  BUILD_ARGS=()
  has_node_build_tools || BUILD_ARGS=(-DnoHrpc) # then the hrpc start-up row has no bridge to start
  require_maven "${BUILD_ARGS[@]}"
  echo "building $JAR ..." >&2
  mvn -B -q -DskipTests "${BUILD_ARGS[@]}" package
fi

exec "$JAVA_HOME/bin/java" bench/Bench.java --jar "$JAR" "$@"
