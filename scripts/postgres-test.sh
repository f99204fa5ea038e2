# Sourced by test.sh: a throwaway PostgreSQL server for the tests that need one (the PostgreSQL storage adapter,
# several gateways on one database). Installs Debian's `postgresql` package when no server binaries are found
# (as root: CI on a fresh machine), initdb's a cluster in a temporary folder owned by an unprivileged user
# (PostgreSQL refuses to run as root: root runs it as the package's `postgres` user), starts it on a free loopback
# port with a generated password, and exports GATEWAY_TEST_POSTGRES_URL, _USER and _PASSWORD for the tests.
# postgres_test_stop stops it and removes the folder (test.sh calls it from an EXIT trap, failure or not).

POSTGRES_TEST_DIR=""
POSTGRES_TEST_RUN_AS=()

postgres_bin_dir() { # prints the folder holding initdb and pg_ctl, or nothing
  local dir
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  # Debian keeps them off the PATH, one folder per major version: take the newest.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
}

postgres_install() { # installs Debian's postgresql package (root only)
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "error: the PostgreSQL tests need a PostgreSQL server's programs (initdb, pg_ctl); install them," \
      "e.g. 'apt-get install postgresql', or leave the PostgreSQL tests out: add -DnoPostgres." >&2
    return 1
  fi
  echo "installing PostgreSQL (apt-get install postgresql) for the tests" >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >&2
}

postgres_free_port() { # prints a loopback TCP port nothing listens on
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "error: no free port found for the test PostgreSQL server" >&2
  return 1
}

postgres_test_start() {
  local bin port password attempt
  bin=$(postgres_bin_dir)
  if [ -z "$bin" ]; then
    postgres_install
    bin=$(postgres_bin_dir)
    [ -n "$bin" ] || { echo "error: PostgreSQL installed but initdb/pg_ctl not found" >&2; return 1; }
  fi
  POSTGRES_TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gateway-postgres-test.XXXXXX")
  chmod 0755 "$POSTGRES_TEST_DIR"
  if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "error: running as root and there is no 'postgres' user to run the test server as" >&2
      return 1
    fi
    chown postgres: "$POSTGRES_TEST_DIR"
    POSTGRES_TEST_RUN_AS=(runuser -u postgres --)
  fi
  password="test-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  echo "$password" >"$POSTGRES_TEST_DIR/password"
  chmod 0644 "$POSTGRES_TEST_DIR/password"
  "${POSTGRES_TEST_RUN_AS[@]}" "$bin/initdb" -D "$POSTGRES_TEST_DIR/data" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 --pwfile="$POSTGRES_TEST_DIR/password" -E UTF8 --no-locale >"$POSTGRES_TEST_DIR/initdb.log" 2>&1 \
    || { cat "$POSTGRES_TEST_DIR/initdb.log" >&2; return 1; }
  for attempt in 1 2 3 4 5; do
    port=$(postgres_free_port) || return 1
    # fsync off (POSTGRES_TEST_FSYNC=on for benchmarks): a throwaway cluster; small shared memory for a shared
    # build machine.
    if "${POSTGRES_TEST_RUN_AS[@]}" "$bin/pg_ctl" -D "$POSTGRES_TEST_DIR/data" -l "$POSTGRES_TEST_DIR/server.log" \
      -w -t 60 -o "-p $port -k $POSTGRES_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=${POSTGRES_TEST_FSYNC:-off} -c max_connections=200 -c shared_buffers=32MB" \
      start >/dev/null; then
      export GATEWAY_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/postgres"
      export GATEWAY_TEST_POSTGRES_USER=postgres
      export GATEWAY_TEST_POSTGRES_PASSWORD="$password"
      echo "test PostgreSQL server ($("$bin/postgres" --version)) on 127.0.0.1:$port, in $POSTGRES_TEST_DIR" >&2
      return 0
    fi
    echo "starting the test PostgreSQL server on port $port failed (attempt $attempt):" >&2
    tail -n 5 "$POSTGRES_TEST_DIR/server.log" >&2 || true
  done
  return 1
}

postgres_test_stop() {
  [ -n "$POSTGRES_TEST_DIR" ] || return 0
  local bin
  bin=$(postgres_bin_dir)
  if [ -f "$POSTGRES_TEST_DIR/data/postmaster.pid" ]; then
    "${POSTGRES_TEST_RUN_AS[@]}" "$bin/pg_ctl" -D "$POSTGRES_TEST_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$POSTGRES_TEST_DIR"
  POSTGRES_TEST_DIR=""
}
