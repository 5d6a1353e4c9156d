#!/usr/bin/env bash
# PostgreSQL 15 on a free loopback port with a private data directory, for the conformance tests.
# Sourced by scripts/services.sh; exports PASSROTATE_TEST_PG_URL. Runs as the `postgres` user when
# started as root (PostgreSQL refuses to run as root).

postgres_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { printf '%s\n' "$dir"; return 0; }
  done
  command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

postgres_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_free_port() {
  node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

postgres_start() {
  local bin dir port
  bin=$(postgres_bin) || { echo "postgres: pg_ctl not found" >&2; return 1; }
  dir="$PASSROTATE_SERVICES_STATE/postgres"
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    chmod a+x "$PASSROTATE_SERVICES_STATE"
    chown postgres "$dir"
  fi
  port=$(postgres_free_port) || return 1
  postgres_as "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { echo "postgres: initdb failed, see $dir/initdb.log" >&2; return 1; }
  postgres_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { echo "postgres: start failed, see $dir/server.log" >&2; return 1; }
  export PASSROTATE_TEST_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "postgres: $PASSROTATE_TEST_PG_URL"
}

postgres_stop() {
  local bin dir
  dir="$PASSROTATE_SERVICES_STATE/postgres"
  [ -f "$dir/data/postmaster.pid" ] || return 0
  bin=$(postgres_bin) || return 0
  postgres_as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
}
