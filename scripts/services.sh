#!/usr/bin/env bash
# Starts and stops the real servers the tests use (PostgreSQL, MariaDB, Redis, Dovecot) on loopback.
# Sourced by .ci/run; exports the PASSROTATE_TEST_* variables the tests read.
# Each service lives in its own script under scripts/services/ with `start` and `stop`.

SERVICES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/services"
export PASSROTATE_SERVICES_STATE="${PASSROTATE_SERVICES_STATE:-$(mktemp -d)}"

services_start() {
  local script
  for script in "$SERVICES_DIR"/*.sh; do
    [ -e "$script" ] || continue
    # shellcheck disable=SC1090
    source "$script" && "$(basename "$script" .sh)_start" || return 1
  done
}

services_stop() {
  local script
  for script in "$SERVICES_DIR"/*.sh; do
    [ -e "$script" ] || continue
    # shellcheck disable=SC1090
    source "$script" && "$(basename "$script" .sh)_stop" || true
  done
}
