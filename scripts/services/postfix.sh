#!/usr/bin/env bash
# Postfix 3.7 for the notification and SMTP AUTH tests. Each test file starts its own private
# instance (its own config and queue directories, loopback ports only, Maildir delivery under a temp
# folder), so there is nothing to start here: this checks the binaries are installed and exports
# PASSROTATE_TEST_POSTFIX (the postfix binary), which those tests need to run. The system Postfix
# is never started or touched.

postfix_start() {
  local bin
  bin=$(command -v postfix || true)
  [ -n "$bin" ] || { [ -x /usr/sbin/postfix ] && bin=/usr/sbin/postfix; }
  [ -n "$bin" ] || { echo "postfix: binary not found (apt-get install postfix)" >&2; return 1; }
  [ -x /usr/lib/postfix/sbin/smtpd ] && [ -x /usr/lib/postfix/sbin/virtual ] \
    || { echo "postfix: smtpd or virtual daemon not found under /usr/lib/postfix/sbin" >&2; return 1; }
  export PASSROTATE_TEST_POSTFIX="$bin"
  echo "postfix: $(postconf -d mail_version 2>/dev/null) at $bin"
}

postfix_stop() {
  return 0
}
