#!/usr/bin/env bash
# Dovecot 2.3 for the end-to-end tests. Each test file starts its own private instance (its own
# config, directories and loopback port, reading the SQLite file or passwd-file the test made), so
# there is nothing to start here: this checks the binaries and the SQLite driver are installed and
# exports PASSROTATE_TEST_DOVECOT (the dovecot binary), which those tests need to run.

dovecot_start() {
  local bin
  bin=$(command -v dovecot || true)
  [ -n "$bin" ] || { [ -x /usr/sbin/dovecot ] && bin=/usr/sbin/dovecot; }
  [ -n "$bin" ] || { echo "dovecot: binary not found (apt-get install dovecot-core dovecot-imapd dovecot-sqlite)" >&2; return 1; }
  command -v doveadm >/dev/null 2>&1 || { echo "dovecot: doveadm not found" >&2; return 1; }
  ls /usr/lib/dovecot/modules/auth/libdriver_sqlite.so /usr/lib/dovecot/modules/libdriver_sqlite.so >/dev/null 2>&1 \
    || [ -n "$(find /usr/lib/dovecot -name 'libdriver_sqlite*' 2>/dev/null | head -n 1)" ] \
    || { echo "dovecot: SQLite driver not found (apt-get install dovecot-sqlite)" >&2; return 1; }
  export PASSROTATE_TEST_DOVECOT="$bin"
  echo "dovecot: $("$bin" --version) at $bin"
}

dovecot_stop() {
  return 0
}
