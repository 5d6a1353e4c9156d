#!/usr/bin/env bash
# Chromium for the browser tests (Debian's `chromium` package, driven by playwright-core; never a
# downloaded browser). Nothing to start: each test launches its own headless instance. This checks
# the binary and exports PASSROTATE_TEST_CHROMIUM, which the browser tests need to run.

chromium_start() {
  local bin
  bin=$(command -v chromium || true)
  [ -n "$bin" ] || { [ -x /usr/bin/chromium ] && bin=/usr/bin/chromium; }
  [ -n "$bin" ] || { echo "chromium: binary not found (apt-get install chromium)" >&2; return 1; }
  export PASSROTATE_TEST_CHROMIUM="$bin"
  echo "chromium: $("$bin" --version 2>/dev/null) at $bin"
}

chromium_stop() {
  return 0
}
