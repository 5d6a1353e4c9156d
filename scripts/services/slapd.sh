#!/usr/bin/env bash
# OpenLDAP 2.5 (Debian `slapd`) on a free loopback port with a private slapd.conf (back_mdb, the
# ppolicy overlay, passrotate's schema), for the LDAP credential store and Dovecot LDAP passdb
# tests. Sourced by scripts/services.sh; exports PASSROTATE_TEST_LDAP_URL, the admin (rootdn) and
# a read-only Dovecot reader as PASSROTATE_TEST_LDAP_{BIND,READER}_{DN,PASSWORD}, and the suffix.

SLAPD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

slapd_free_port() {
  node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

slapd_start() {
  local dir port i bin suffix="dc=passrotate,dc=test" admin_pw reader_pw
  bin=$(command -v slapd || true)
  [ -n "$bin" ] || { [ -x /usr/sbin/slapd ] && bin=/usr/sbin/slapd; }
  [ -n "$bin" ] || { echo "slapd: binary not found (apt-get install slapd ldap-utils)" >&2; return 1; }
  command -v ldapadd >/dev/null 2>&1 || { echo "slapd: ldapadd not found (apt-get install ldap-utils)" >&2; return 1; }
  dir="$PASSROTATE_SERVICES_STATE/slapd"
  mkdir -p "$dir/db"
  port=$(slapd_free_port) || return 1
  admin_pw=$(node -e 'console.log(require("node:crypto").randomBytes(12).toString("hex"))')
  reader_pw=$(node -e 'console.log(require("node:crypto").randomBytes(12).toString("hex"))')
  "$SLAPD_ROOT/node_modules/.bin/tsx" -e \
    "import { passrotateLdapSchema } from '$SLAPD_ROOT/src/adapters/ldap/schema.ts'; process.stdout.write(passrotateLdapSchema);" \
    >"$dir/passrotate.schema" || { echo "slapd: could not write passrotate.schema" >&2; return 1; }
  cat >"$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
include $dir/passrotate.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload ppolicy
pidfile $dir/slapd.pid
argsfile $dir/slapd.args
database mdb
maxsize 268435456
suffix "$suffix"
rootdn "cn=admin,$suffix"
rootpw $admin_pw
directory $dir/db
overlay ppolicy
access to attrs=userPassword by dn.exact="cn=dovecot,$suffix" read by anonymous auth by * none
access to * by * read
CONF
  chmod 600 "$dir/slapd.conf"
  "$bin" -f "$dir/slapd.conf" -h "ldap://127.0.0.1:$port/" -u root -g root \
    || { echo "slapd: start failed" >&2; return 1; }
  for i in $(seq 1 100); do
    ldapsearch -x -H "ldap://127.0.0.1:$port" -b '' -s base >/dev/null 2>&1 && break
    sleep 0.1
  done
  ldapadd -x -H "ldap://127.0.0.1:$port" -D "cn=admin,$suffix" -w "$admin_pw" >/dev/null <<LDIF || { echo "slapd: could not load the base entries" >&2; return 1; }
dn: $suffix
objectClass: dcObject
objectClass: organization
o: passrotate tests
dc: passrotate

dn: cn=dovecot,$suffix
objectClass: simpleSecurityObject
objectClass: organizationalRole
cn: dovecot
userPassword: $reader_pw
LDIF
  echo "$port" >"$dir/port"
  export PASSROTATE_TEST_LDAP_URL="ldap://127.0.0.1:$port"
  export PASSROTATE_TEST_LDAP_SUFFIX="$suffix"
  export PASSROTATE_TEST_LDAP_BIND_DN="cn=admin,$suffix"
  export PASSROTATE_TEST_LDAP_BIND_PASSWORD="$admin_pw"
  export PASSROTATE_TEST_LDAP_READER_DN="cn=dovecot,$suffix"
  export PASSROTATE_TEST_LDAP_READER_PASSWORD="$reader_pw"
  echo "slapd: $PASSROTATE_TEST_LDAP_URL ($("$bin" -VV 2>&1 | head -n 1 | sed 's/^@(#) \$OpenLDAP: //; s/ (.*//'))"
}

slapd_stop() {
  local dir="$PASSROTATE_SERVICES_STATE/slapd" pid i
  [ -f "$dir/slapd.pid" ] || return 0
  pid=$(cat "$dir/slapd.pid")
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
}
