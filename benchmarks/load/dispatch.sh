#!/usr/bin/env bash
# Dispatch msg/s (Queued -> Sent) on SQLite and, when PostgreSQL 15 binaries exist, on a throwaway PostgreSQL with its
# default durable settings (fsync=on, synchronous_commit=on, full_page_writes=on). Extra arguments go to the
# `dispatch` command (--messages N, --claim N, --rounds N.
# usage: benchmarks/load/dispatch.sh [--no-build] [dispatch options]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PGBIN=/usr/lib/postgresql/15/bin
BUILD=1
if [[ "${1:-}" == --no-build ]]; then BUILD=0; shift; fi
(( BUILD )) && timeout 600 dotnet build "$ROOT/benchmarks/Rasan.Benchmarks" -c Release -nologo -v q >&2

WORK=$(mktemp -d /tmp/rasan-dispatch.XXXXXX); chmod 755 "$WORK"
PGDATA_DIR=""
cleanup() {
  if [[ -n "$PGDATA_DIR" ]]; then
    timeout 60 runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 \
      || timeout 30 runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -z "${RASAN_TEST_POSTGRES:-}" && -x "$PGBIN/postgres" ]]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  mkdir -p "$WORK/pg"; chown postgres:postgres "$WORK/pg"
  timeout 120 runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  PGDATA_DIR="$WORK/pg/data"
  # Default durability; only where it listens is changed.
  timeout 60 runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/pg/log" -w -t 30 \
    -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null
  export RASAN_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"
fi

timeout 1800 dotnet "$ROOT/benchmarks/Rasan.Benchmarks/bin/Release/net10.0/Rasan.Benchmarks.dll" dispatch "$@"
