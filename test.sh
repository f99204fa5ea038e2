#!/usr/bin/env bash
# Runs the whole test suite: unit, adapter, HTTP and end-to-end tests (the last start the built jar).
# Extra arguments go to Maven; -DnoHrpc leaves out the hrpc transport and its tests (no Node.js needed).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
find_jdk
require_maven "$@"
echo "testing with $JAVA_HOME" >&2
exec mvn -B verify "$@"
