#!/usr/bin/env bash
# Installs what the tests need, starts a throwaway PostgreSQL on loopback, and runs every test.
# Servers are required here: a test whose server is missing fails instead of skipping (RASAN_REQUIRE_SERVERS=1).
set -euo pipefail
cd "$(dirname "$0")/.."

pg_bin=/usr/lib/postgresql/15/bin
if [ ! -x "$pg_bin/initdb" ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y postgresql
fi

# openssl: the FanapPlus tests check Rasan's signatures with it, as an outside standard.
if ! command -v openssl >/dev/null; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y openssl
fi

# Kannel (bearerbox, smsbox and the fakesmsc test SMSC): the Kannel tests start their own private boxes on loopback.
if [ ! -x /usr/sbin/bearerbox ] || [ ! -x /usr/lib/kannel/test/fakesmsc ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y kannel kannel-extras
fi

# A throwaway PostgreSQL cluster on a free loopback port, stopped when this script ends.
pg_dir=$(mktemp -d /tmp/rasan-pg.XXXXXX)
chmod 755 "$pg_dir"
chown postgres:postgres "$pg_dir"
pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
stop_pg() {
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -t 30 \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
export RASAN_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
export RASAN_REQUIRE_SERVERS=1

dotnet build Rasan.sln -c Release
dotnet test --solution Rasan.sln -c Release --no-build

# The HTTP API contract, end to end through the standalone host (when the shared smoke script is beside the repo).
if [ -f ../shared/scripts/api-smoke ]; then
  python3 ../shared/scripts/api-smoke
fi
