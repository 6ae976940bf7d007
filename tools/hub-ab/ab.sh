#!/usr/bin/env bash
# Interleaved A/B runs of hub builds under the movements load (docs/performance.md, "Tried and rejected").
#
#   tools/hub-ab/ab.sh ROUNDS "name|path/to/MakeTheChange.Hub.Host.dll|ENV=VALUE ..." ...
#
# Each round runs every variant once, in order, against a fresh database of one throwaway PostgreSQL
# cluster (fsync on): WARMUP seconds (default 30) of wrk load, then MEASURE seconds (default 15) measured.
# Prints requests/s, CPU per movement (hub process + PostgreSQL, from /proc) and wrk's p50/p99. Noise on
# shared machines is large: compare variants within a round, over several rounds.
set -euo pipefail
rounds=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
warmup=${WARMUP:-30}; measure=${MEASURE:-15}
key=hub-ab-admin-key-0123456789
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d /tmp/hub-ab.XXXXXX); chown postgres "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
hubport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
hub=
cleanup() {
  [ -n "$hub" ] && kill "$hub" 2>/dev/null || true
  runuser -u postgres -- "$bin/pg_ctl" -D "$work/data" stop -m fast >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir "$work/data"; chown postgres "$work/data"
runuser -u postgres -- "$bin/initdb" -D "$work/data" -U postgres --auth=trust >/dev/null
cat >> "$work/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work'
max_connections = 300
shared_buffers = 512MB
CONF
runuser -u postgres -- "$bin/pg_ctl" -D "$work/data" -l "$work/postgres.log" start -w >/dev/null
postmaster=$(head -1 "$work/data/postmaster.pid")
sql() { PGOPTIONS='-c client_min_messages=warning' psql -q -h 127.0.0.1 -p "$port" -U postgres "$@"; }

run() {
  local dll=$1 settings=$2
  sql -c "DROP DATABASE IF EXISTS ab WITH (FORCE)" -c "CREATE DATABASE ab"
  # shellcheck disable=SC2086
  # From the build's folder, as the load generator starts it: its appsettings.json is the content root's.
  (cd "$(dirname "$dll")" && exec env ConnectionStrings__Hub="Host=127.0.0.1;Port=$port;Username=postgres;Database=ab" \
    Hub__AdminApiKey=$key ASPNETCORE_URLS="http://127.0.0.1:$hubport" Logging__LogLevel__Default=Warning $settings \
    dotnet "$dll") > "$work/hub.log" 2>&1 &
  hub=$!
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$hubport/health/ready" >/dev/null && break; sleep 0.2; done
  sql -d ab \
    -c "INSERT INTO locations (location_id, name, kind, click_and_collect) SELECT 'loc-' || lpad(i::text, 3, '0'), 'Store ' || i, 'store', true FROM generate_series(0, 49) AS i" \
    -c "INSERT INTO products (sku, name) SELECT 'SKU-' || lpad(i::text, 5, '0'), 'Product ' || i FROM generate_series(0, 1999) AS i" \
    -c "INSERT INTO stock_levels (location_id, sku, on_hand, held, safety_stock, last_seq, version, updated_at) SELECT l.location_id, p.sku, 0, 0, 0, 0, 1, now() FROM locations l CROSS JOIN products p" \
    -c ANALYZE
  wrk -t1 -c256 -d"${warmup}s" -s "$here/movements.lua" "http://127.0.0.1:$hubport" >/dev/null
  read -r hub0 pg0 < <(python3 "$here/process_cpu.py" "$hub" "$postmaster")
  wrk --latency -t1 -c256 -d"${measure}s" -s "$here/movements.lua" "http://127.0.0.1:$hubport" > "$work/wrk.txt"
  read -r hub1 pg1 < <(python3 "$here/process_cpu.py" "$hub" "$postmaster")
  kill "$hub"; wait "$hub" 2>/dev/null || true; hub=
  local requests errors p50 p99 ticks
  requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
  errors=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt"); p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  ticks=$(getconf CLK_TCK)
  python3 -c "
h = ($hub1 - $hub0) * 1e6 / $ticks / $requests; p = ($pg1 - $pg0) * 1e6 / $ticks / $requests
print(f'{$requests / $measure:7.0f} req/s  CPU/movement {h + p:6.1f} us (hub {h:6.1f} + PostgreSQL {p:5.1f})  p50 $p50  p99 $p99  non-2xx ${errors:-0}')"
}

for round in $(seq 1 "$rounds"); do
  for variant in "$@"; do
    IFS='|' read -r name dll settings <<< "$variant"
    printf '%s %-10s ' "$round" "$name"
    run "$dll" "$settings"
  done
done
