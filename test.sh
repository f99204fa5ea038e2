#!/usr/bin/env bash
# Runs the whole test suite: unit, adapter, HTTP and end-to-end tests (the last start the built jar).
# Extra arguments go to Maven; -DnoHrpc leaves out the hrpc transport and its tests (no Node.js needed);
# -DnoPostgres leaves out the PostgreSQL tests (no server started). Otherwise a throwaway PostgreSQL server is
# started for the run (installed first when missing, as root) and stopped at the end.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
. scripts/postgres-test.sh
find_jdk
require_maven "$@"
echo "testing with $JAVA_HOME" >&2
with_postgres=1
for arg in "$@"; do
  [ "$arg" = "-DnoPostgres" ] && with_postgres=0
done
if [ "$with_postgres" = 1 ]; then
  trap postgres_test_stop EXIT
  postgres_test_start
fi
mvn -B verify "$@"
