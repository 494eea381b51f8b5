#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on 127.0.0.1 and a free port, in a temporary folder.
#
#   source .ci/postgres.sh && postgres_start    # installs Debian's postgresql if missing (as root),
#                                               # starts the server, exports CAIRN_TEST_POSTGRES_URL
#   postgres_stop                               # stops it and deletes its folder
#
# .ci/run uses it; developers may too, to run the PostgreSQL tests locally.

postgres_bin_dir() {
  local dirs
  dirs=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V || true)
  [[ -n "$dirs" ]] && echo "$dirs" | tail -n 1
}

postgres_install() {
  if [[ -n "$(postgres_bin_dir)" ]]; then
    return 0
  fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "postgres: PostgreSQL is not installed and this is not root: run 'apt-get install postgresql' first" >&2
    return 1
  fi
  echo "postgres: installing Debian's postgresql package..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  [[ -n "$(postgres_bin_dir)" ]] || { echo "postgres: installed, but no /usr/lib/postgresql/*/bin" >&2; return 1; }
}

# Runs a PostgreSQL command as the user that owns the cluster (initdb refuses to run as root).
postgres_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

postgres_free_port() {
  local port
  for port in $(seq 54329 54429); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "postgres: no free port in 54329-54429" >&2
  return 1
}

postgres_start() {
  postgres_install
  local bin port
  bin=$(postgres_bin_dir)
  port=$(postgres_free_port)
  POSTGRES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/cairn-postgres.XXXXXX")
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$POSTGRES_DIR"
  fi
  postgres_as_owner "$bin/initdb" -D "$POSTGRES_DIR/data" -U cairn --auth=trust -E UTF8 --no-sync >/dev/null
  # Tests need no durability: fsync off makes the bulk-load tests faster.
  postgres_as_owner "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $POSTGRES_DIR -c fsync=off -c synchronous_commit=off" start >/dev/null \
    || { echo "postgres: the server did not start:" >&2; cat "$POSTGRES_DIR/server.log" >&2; return 1; }
  POSTGRES_BIN=$bin
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U cairn cairn_test
  export CAIRN_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/cairn_test?user=cairn"
  echo "postgres: PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') serves $CAIRN_TEST_POSTGRES_URL" >&2
}

postgres_stop() {
  if [[ -n "${POSTGRES_DIR:-}" && -d "$POSTGRES_DIR" ]]; then
    postgres_as_owner "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$POSTGRES_DIR"
  fi
}
