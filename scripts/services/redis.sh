#!/usr/bin/env bash
# Redis on a free loopback port with a private directory and no persistence, for the shared
# session store and attempt limiter tests. Sourced by scripts/services.sh; exports PASSROTATE_TEST_REDIS_URL.

redis_free_port() {
  node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

redis_start() {
  local dir port i
  command -v redis-server >/dev/null 2>&1 || { echo "redis: redis-server not found" >&2; return 1; }
  dir="$PASSROTATE_SERVICES_STATE/redis"
  mkdir -p "$dir"
  port=$(redis_free_port) || return 1
  redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save '' --appendonly no \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null \
    || { echo "redis: start failed" >&2; return 1; }
  for i in $(seq 1 100); do
    [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ] && break
    sleep 0.1
  done
  [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ] \
    || { echo "redis: no PONG, see $dir/redis.log" >&2; return 1; }
  echo "$port" >"$dir/port"
  export PASSROTATE_TEST_REDIS_URL="redis://127.0.0.1:$port"
  echo "redis: $PASSROTATE_TEST_REDIS_URL"
}

redis_stop() {
  local dir="$PASSROTATE_SERVICES_STATE/redis" pid i
  [ -f "$dir/redis.pid" ] || return 0
  pid=$(cat "$dir/redis.pid")
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$dir/redis.pid"
}
