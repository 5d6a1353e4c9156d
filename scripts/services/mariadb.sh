#!/usr/bin/env bash
# MariaDB 10.11 on a free loopback port with a private data directory, for the MySQL adapter tests
# and the Dovecot-on-MariaDB e2e test. Sourced by scripts/services.sh; exports PASSROTATE_TEST_MYSQL_URL
# (root over TCP from 127.0.0.1, no password). Like the PostgreSQL test server (fsync=off,
# synchronous_commit=off), commits are not flushed to disk one by one
# (innodb_flush_log_at_trx_commit=2, sync_binlog=0): a test server need not survive a power cut.

mariadb_free_port() {
  node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

mariadb_start() {
  local dir port i
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] \
    || { echo "mariadb: mariadbd not found" >&2; return 1; }
  dir="$PASSROTATE_SERVICES_STATE/mariadb"
  mkdir -p "$dir"
  port=$(mariadb_free_port) || return 1
  mariadb-install-db --user=root --datadir="$dir/data" --auth-root-authentication-method=normal \
    --skip-test-db >"$dir/install.log" 2>&1 \
    || { echo "mariadb: mariadb-install-db failed, see $dir/install.log" >&2; return 1; }
  PATH="$PATH:/usr/sbin" mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/sock" --port="$port" \
    --bind-address=127.0.0.1 --user=root --pid-file="$dir/pid" --log-error="$dir/err.log" \
    --innodb-flush-log-at-trx-commit=2 --sync-binlog=0 >/dev/null 2>&1 </dev/null &
  for i in $(seq 1 150); do
    mariadb --no-defaults -S "$dir/sock" -uroot -e 'select 1' >/dev/null 2>&1 && break
    sleep 0.2
  done
  mariadb --no-defaults -S "$dir/sock" -uroot -e 'select 1' >/dev/null 2>&1 \
    || { echo "mariadb: no answer, see $dir/err.log" >&2; return 1; }
  echo "$port" >"$dir/port"
  export PASSROTATE_TEST_MYSQL_URL="mysql://root@127.0.0.1:$port/mysql"
  echo "mariadb: $PASSROTATE_TEST_MYSQL_URL"
}

mariadb_stop() {
  local dir="$PASSROTATE_SERVICES_STATE/mariadb" pid i
  [ -f "$dir/pid" ] || return 0
  pid=$(cat "$dir/pid")
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$dir/pid"
}
