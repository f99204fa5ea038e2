#!/usr/bin/env bash
# Times the UI's heavy time-series reads (and the reads that used to freeze the gateway) against the simulated
# demo site, in-process through the sim transport: compiles the sim module and its tests (never installs), then runs
# SimHeavyReadsBenchmark (adapters-ork/sim/src/test). Each request runs in a JVM of its own unless --one-jvm is
# given, so a call that outlives its deadline cannot slow the next measurement down.
#
#   bench/sim-reads.sh [--one-jvm] [--no-fill] [--two-orks] [--heap 512m] [--deadline-s 60] [request-name ...]
#
# By default each JVM first lets the ORKs fill their day sums in the background (as a gateway up for a few seconds
# has them); --no-fill measures straight after start. The site is the demo's one ORK (500 miners + 40 M63s);
# --two-orks runs the earlier demo's two ORKs of 250 miners, called in parallel.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
find_jdk >/dev/null

ONE_JVM=false
HEAP=512m
DEADLINE=60
NAMES=()
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --one-jvm) ONE_JVM=true ;;
    --heap) HEAP="$2"; shift ;;
    --deadline-s) DEADLINE="$2"; shift ;;
    --no-fill) EXTRA+=(--no-fill) ;;
    --two-orks) EXTRA+=(--two-orks) ;;
    -*) echo "unknown option: $1" >&2; exit 2 ;;
    *) NAMES+=("$1") ;;
  esac
  shift
done

require_maven -DnoHrpc # only the sim module and what it needs are built
mvn -B -q -pl adapters-ork/sim -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
  -Dmdep.includeScope=test -Dspotless.check.skip=true >&2
CP="adapters-ork/sim/target/test-classes:adapters-ork/sim/target/classes:$(cat adapters-ork/sim/target/cp.txt)"
MAIN=io.miningos.gateway.adapters.ork.sim.SimHeavyReadsBenchmark
run() { "$JAVA_HOME/bin/java" "-Xmx$HEAP" -cp "$CP" "$MAIN" --deadline-s "$DEADLINE" "$@"; }

if $ONE_JVM; then
  run "${EXTRA[@]}" "${NAMES[@]}"
  exit 0
fi
if [ ${#NAMES[@]} -eq 0 ]; then
  mapfile -t NAMES < <(grep -o 'r.put("[A-Za-z0-9-]*"' adapters-ork/sim/src/test/java/io/miningos/gateway/adapters/ork/sim/SimHeavyReadsBenchmark.java \
    | sed 's/r.put("\(.*\)"/\1/')
fi
for name in "${NAMES[@]}"; do
  run "$name" "${EXTRA[@]}" | if [ "$name" = "${NAMES[0]}" ]; then cat; else grep -v '^demo site\|^request\|^heap\|^day sums'; fi
done
