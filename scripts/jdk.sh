# Sourced by demo.sh and test.sh: finds a JDK >= 21 without relying on a JAVA_HOME set by hand.
# Looks at $JAVA_HOME, the `java` on PATH, then every JDK under /usr/lib/jvm and /opt; exports JAVA_HOME and
# puts its bin first on PATH, or stops with a message saying what to install.

jdk_major() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_jdk() {
  local candidates=() home
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -d "$home" ] && candidates+=("$home")
  done
  local best="" best_major=0 major
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(jdk_major "$home/bin/java")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$home"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "error: the MiningOS gateway needs a JDK 21 or newer (javac included); none found in JAVA_HOME," >&2
    echo "       on PATH or under /usr/lib/jvm. Install one, e.g. 'apt-get install openjdk-21-jdk-headless'." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

require_maven() { # [build arguments]: Maven, plus Node.js + npm unless the build leaves out hrpc (-DnoHrpc)
  if ! command -v mvn >/dev/null 2>&1; then
    echo "error: Apache Maven (mvn) is needed to build the gateway; install it, e.g. 'apt-get install maven'." >&2
    return 1
  fi
  local arg
  for arg in "$@"; do
    [ "$arg" = "-DnoHrpc" ] && return 0
  done
  # The hrpc plugin's build installs its bridge's npm packages (npm ci) and packs them into the jar.
  if ! has_node_build_tools; then
    echo "error: building the gateway with its hrpc transport needs Node.js 20 or newer with npm (found:" \
      "$(node --version 2>/dev/null || echo no node)); install them, e.g. from https://nodejs.org or your" \
      "distribution's packages, or build without hrpc: add -DnoHrpc." >&2
    return 1
  fi
}

has_node_build_tools() { # Node.js >= 20 and npm on the PATH
  local node_major
  node_major=$(node --version 2>/dev/null | sed -n 's/^v\([0-9]*\).*/\1/p')
  [ -n "$node_major" ] && [ "$node_major" -ge 20 ] && command -v npm >/dev/null 2>&1
}
