#!/usr/bin/env bash
# Storage benchmark: production-cost upserts and user updates on SQLite vs PostgreSQL (writes/s, p50, p99), and the
# cross-instance revocation delay over LISTEN/NOTIFY (median, p99, max over 100 trials). Starts a throwaway
# PostgreSQL server as ./test.sh does (scripts/postgres-test.sh) unless GATEWAY_TEST_POSTGRES_URL names one.
# Usage: bench/storage.sh [-Dbench.writes=500] [-Dbench.trials=100]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
. scripts/postgres-test.sh
find_jdk
if [ -z "${GATEWAY_TEST_POSTGRES_URL:-}" ]; then
  trap postgres_test_stop EXIT
  POSTGRES_TEST_FSYNC=on postgres_test_start # durable commits, as a production server makes them
fi
cp_file=$(mktemp)
mvn -q -B -pl adapters-persistence -am test-compile dependency:build-classpath -DnoHrpc -Djacoco.skip=true \
  -Dmdep.outputFile="$cp_file" >&2
cp="$(cat "$cp_file"):adapters-persistence/target/classes:adapters-persistence/target/test-classes"
rm -f "$cp_file"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java --enable-native-access=ALL-UNNAMED -Dlogback.configurationFile=adapters-persistence/src/test/resources/logback-test.xml \
  "$@" -cp "$cp" io.miningos.gateway.adapters.persistence.StorageBenchmark
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
