#!/usr/bin/env bash
# Durable accept under load: wrk posts single-recipient sends (POST /api/v1/messages, Bearer token) to
#   bare      a minimal Kestrel endpoint that parses the same JSON and answers 202 without storage (the baseline),
#   sqlite    the standalone host (samples/Rasan.Host) on a fresh SQLite file, as shipped (dispatcher running),
#   sqlite-accept-only   the same with Rasan:Dispatcher:Enabled=false (accept path alone),
#   postgres / postgres-accept-only   the same on a throwaway PostgreSQL 15 with its default durable settings,
#   memory-accept-only   the host on its in-memory stores, dispatcher off: the same HTTP and engine path with nothing
#                        written anywhere, i.e. the ceiling any durable store can reach on this machine (diagnostic),
# and prints requests/s, the ratio to the bare endpoint and p99 latency. The bare endpoint runs first and last;
# ratios use the mean of its two runs. Everything listens on 127.0.0.1 only; every step is time-bounded.
#
# usage: benchmarks/load/accept.sh [--duration S] [--warmup S] [--connections N] [--threads N] [--targets a,b,...] [--no-build]
# needs: dotnet, wrk (apt-get install wrk), curl, python3; PostgreSQL targets need /usr/lib/postgresql/15/bin.
# exit status: 0 when every run answered only 202 without socket errors and stored every 202; 1 otherwise.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/benchmarks/load"
DURATION=10
WARMUP=10
CONNECTIONS=64
THREADS=2
BUILD=1
TARGETS="bare,sqlite,sqlite-accept-only,postgres,postgres-accept-only,memory-accept-only"
PGBIN=/usr/lib/postgresql/15/bin

while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --targets) TARGETS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl not found" >&2; exit 2; }

WORK=$(mktemp -d /tmp/rasan-load.XXXXXX)
chmod 755 "$WORK"
TOKEN="rasan-load-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
export RASAN_TOKEN="$TOKEN"
STARTED_PIDS=()
PGDATA_DIR=""
FAILED=0

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

stop_pid() {
  local pid=$1
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

stop_postgres() {
  if [[ -n "$PGDATA_DIR" ]]; then
    timeout 60 runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 \
      || timeout 30 runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
    PGDATA_DIR=""
  fi
}

cleanup() {
  for pid in "${STARTED_PIDS[@]}"; do stop_pid "$pid"; done
  stop_postgres
  if [[ "${KEEP_WORK:-0}" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Posts one send until it answers 202 (the server is up and its store ready), at most $2 seconds.
wait_ready() {
  local url=$1 limit=$2 pid=$3 code=""
  local deadline=$((SECONDS + limit))
  while (( SECONDS < deadline )); do
    kill -0 "$pid" 2>/dev/null || { log "process $pid exited before it was ready"; return 1; }
    code=$(curl -s -o "$WORK/probe.body" -w '%{http_code}' --max-time 5 -X POST "$url/api/v1/messages" \
      -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
      -d '{"to":["09121234567"],"text":"readiness probe"}' || true)
    if [[ "$code" == 202 ]]; then return 0; fi
    if [[ "$code" != 000 ]]; then log "probe answered $code: $(head -c 300 "$WORK/probe.body")"; fi
    sleep 0.5
  done
  log "not ready after ${limit}s (last status $code)"
  return 1
}

declare -A RPS P99 ACCEPTED OTHER NON2XX SOCKERR NOTE CPU_US

# CPU time (user + system, in clock ticks) a process has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# run_wrk NAME URL PID: a warm-up run, then the measured run; records figures, the server's CPU per request, and checks statuses.
run_wrk() {
  local name=$1 url=$2 pid=$3 out="$WORK/$1.wrk" cpu_before cpu_after
  log "$name: warm-up ${WARMUP}s"
  timeout $((WARMUP + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$HERE/post.lua" "$url/api/v1/messages" > "$WORK/$name.warmup.wrk"
  check_statuses "$name (warm-up)" "$WORK/$name.warmup.wrk" || true
  log "$name: measuring ${DURATION}s, $CONNECTIONS connections, $THREADS threads"
  cpu_before=$(cpu_ticks "$pid")
  timeout $((DURATION + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$HERE/post.lua" "$url/api/v1/messages" > "$out"
  cpu_after=$(cpu_ticks "$pid")
  sed 's/^/    /' "$out" >&2
  RPS[$name]=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  P99[$name]=$(awk '/^p99_us:/ {printf "%.1f", $2 / 1000}' "$out")
  ACCEPTED[$name]=$(sed -n 's/^statuses: 202=\([0-9]*\) other=.*/\1/p' "$out")
  OTHER[$name]=$(sed -n 's/^statuses: 202=[0-9]* other=\([0-9]*\)/\1/p' "$out")
  NON2XX[$name]=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out"); NON2XX[$name]=${NON2XX[$name]:-0}
  SOCKERR[$name]=$(sed -n 's/^ *Socket errors: //p' "$out"); SOCKERR[$name]=${SOCKERR[$name]:-none}
  # Server CPU per request (µs) and the server's share of the machine during the run.
  CPU_US[$name]=$(python3 -c 'import os,sys; t=(int(sys.argv[2])-int(sys.argv[1]))/os.sysconf("SC_CLK_TCK"); n=int(sys.argv[3] or 0); print(f"{1e6*t/n:.0f} ({100*t/float(sys.argv[4]):.0f}%)" if n else "?")' \
    "$cpu_before" "$cpu_after" "$(awk '/requests in/ {print $1}' "$out")" "$DURATION")
  check_statuses "$name" "$out"
}

check_statuses() {
  local name=$1 file=$2 other non2xx accepted
  accepted=$(sed -n 's/^statuses: 202=\([0-9]*\) other=.*/\1/p' "$file")
  other=$(sed -n 's/^statuses: 202=[0-9]* other=\([0-9]*\)/\1/p' "$file")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$file")
  if [[ -z "$accepted" || "$accepted" == 0 || "${other:-1}" != 0 || -n "$non2xx" ]] || grep -q '^ *Socket errors:' "$file"; then
    echo "!!! $name: 202=${accepted:-?} other=${other:-?} non-2xx=${non2xx:-0} $(sed -n 's/^ *Socket errors: /socket errors: /p' "$file") $(sed -n 's/^first non-202: /first non-202: /p' "$file")" >&2
    FAILED=1
    return 1
  fi
  return 0
}

# Every 202 must be a stored request: the database holds at least warm-up + measured 202s + the probe.
check_stored() {
  local name=$1 stored=$2
  local answered=$(( $(sed -n 's/^statuses: 202=\([0-9]*\) other=.*/\1/p' "$WORK/$name.warmup.wrk") + ACCEPTED[$name] + 1 ))
  if [[ -z "$stored" ]] || (( stored < answered )); then
    echo "!!! $name: $answered requests answered 202 but the database holds ${stored:-?} messages" >&2
    FAILED=1
    NOTE[$name]="stored ${stored:-?} < answered $answered"
  else
    NOTE[$name]="${NOTE[$name]:-}stored $stored >= answered 202 $answered"
  fi
}

thousands() { python3 -c 'import sys; print(f"{float(sys.argv[1]):,.0f}")' "$1"; }

has_target() { [[ ",$TARGETS," == *",$1,"* ]]; }

HOST_DLL="$ROOT/samples/Rasan.Host/bin/Release/net10.0/Rasan.Host.dll"
BENCH_DLL="$ROOT/benchmarks/Rasan.Benchmarks/bin/Release/net10.0/Rasan.Benchmarks.dll"
HOST_PRESENT=0
[[ -f "$ROOT/samples/Rasan.Host/Program.cs" ]] && HOST_PRESENT=1

if (( BUILD )); then
  log "building the benchmarks (Release)"
  timeout 600 dotnet build "$ROOT/benchmarks/Rasan.Benchmarks" -c Release -nologo -v q >&2
  if (( HOST_PRESENT )); then
    log "building samples/Rasan.Host (Release)"
    timeout 600 dotnet build "$ROOT/samples/Rasan.Host" -c Release -nologo -v q >&2
  fi
fi

run_bare() {
  local name=$1 port pid
  port=$(free_port)
  dotnet "$BENCH_DLL" bare --urls "http://127.0.0.1:$port" > "$WORK/$name.log" 2>&1 &
  pid=$!; STARTED_PIDS+=("$pid")
  wait_ready "http://127.0.0.1:$port" 60 "$pid"
  run_wrk "$name" "http://127.0.0.1:$port" "$pid" || true
  stop_pid "$pid"
}

# run_host NAME DISPATCHER(true|false) PROVIDER CONNECTION-STRING
run_host() {
  local name=$1 dispatch=$2 provider=$3 connection=$4 port pid
  port=$(free_port)
  (
    cd "$(dirname "$HOST_DLL")"
    export ASPNETCORE_ENVIRONMENT=Production
    export ConnectionStrings__Rasan="$connection"
    export Rasan__Storage__Provider="$provider"
    export Rasan__Bootstrap__ApiToken="$TOKEN"
    export Rasan__Dispatcher__Enabled="$dispatch"
    # One token drives the whole load: its per-token rate limit would measure the limit, not the host.
    export Rasan__Api__TokenRequestsPerSecond=0
    export Logging__LogLevel__Default=Warning
    exec dotnet "$HOST_DLL" --urls "http://127.0.0.1:$port"
  ) > "$WORK/$name.log" 2>&1 &
  pid=$!; STARTED_PIDS+=("$pid")
  if ! wait_ready "http://127.0.0.1:$port" 120 "$pid"; then
    echo "!!! $name: the host did not start; its log:" >&2; tail -n 40 "$WORK/$name.log" >&2
    FAILED=1; stop_pid "$pid"; return 1
  fi
  # Errors logged before the host was ready are reported but not counted: on a fresh PostgreSQL database EF Core logs
  # a failed read of __EFMigrationsHistory (the table does not exist yet) before it migrates.
  local ready_lines
  ready_lines=$(wc -l < "$WORK/$name.log")
  if head -n "$ready_lines" "$WORK/$name.log" | grep -qiE '^(fail|crit)'; then
    log "$name: errors logged during start-up (not counted): $(head -n "$ready_lines" "$WORK/$name.log" | grep -A3 -iE '^(fail|crit)' | grep -vE '^(fail|crit)' | tr -s ' \n' ' ' | head -c 200)"
  fi
  run_wrk "$name" "http://127.0.0.1:$port" "$pid" || true
  stop_pid "$pid"
  # Errors logged from readiness to exit are printed loudly and noted in the table. They do not fail the run by
  # themselves (the answers, socket errors and stored counts do): when wrk stops it drops its in-flight requests, and
  # the host may log the cancelled transactions as failures.
  local errors
  errors=$(tail -n +"$((ready_lines + 1))" "$WORK/$name.log" | grep -ciE '^(fail|crit)' || true)
  if (( errors > 0 )); then
    echo "!!! $name: the host logged $errors errors after start-up (under load or as wrk closed its connections):" >&2
    tail -n +"$((ready_lines + 1))" "$WORK/$name.log" | grep -A12 -iE '^(fail|crit)' | head -n 40 >&2
    NOTE[$name]="host logged $errors errors; "
  fi
}

has_target bare && run_bare bare-1

if (( HOST_PRESENT )); then
  for dispatch in true false; do
    name=sqlite; [[ $dispatch == false ]] && name=sqlite-accept-only
    has_target "$name" || continue
    mkdir -p "$WORK/$name"
    run_host "$name" "$dispatch" Sqlite "Data Source=$WORK/$name/rasan.db" || continue
    check_stored "$name" "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from messages").fetchone()[0])' "$WORK/$name/rasan.db" 2>/dev/null || true)"
  done

  if { has_target postgres || has_target postgres-accept-only; } && [[ -x "$PGBIN/postgres" ]]; then
    PGPORT=$(free_port)
    mkdir -p "$WORK/pg"; chown postgres:postgres "$WORK/pg"
    timeout 120 runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
    PGDATA_DIR="$WORK/pg/data"
    # Default durability: fsync=on, synchronous_commit=on, full_page_writes=on (only network settings are changed).
    timeout 60 runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/pg/log" -w -t 30 \
      -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null
    PGSETTINGS=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc \
      "select string_agg(name || '=' || setting, ', ' order by name) from pg_settings where name in ('fsync','synchronous_commit','full_page_writes','wal_sync_method','shared_buffers','max_connections')")
    log "PostgreSQL on 127.0.0.1:$PGPORT: $PGSETTINGS"
    for dispatch in true false; do
      name=postgres; [[ $dispatch == false ]] && name=postgres-accept-only
      has_target "$name" || continue
      db="rasan_${dispatch}"
      psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE $db" >/dev/null
      run_host "$name" "$dispatch" PostgreSql "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$db" || continue
      check_stored "$name" "$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$db" -Atc 'select count(*) from messages' 2>/dev/null || true)"
    done
    stop_postgres
  elif has_target postgres; then
    log "PostgreSQL: skipped ($PGBIN/postgres not found)"
  fi

  if has_target memory-accept-only; then
    # Nothing to count afterwards: the stores live in the host's memory and go with it.
    run_host memory-accept-only false InMemory "" || true
    NOTE[memory-accept-only]="${NOTE[memory-accept-only]:-}not durable: the ceiling for a store"
  fi
else
  log "samples/Rasan.Host/Program.cs not found: host runs skipped (bare endpoint only)"
fi

has_target bare && run_bare bare-2

# The table. Ratios use the mean of the two bare runs.
BARE=$(python3 -c 'import sys; v=[float(x) for x in sys.argv[1:] if x]; print(sum(v)/len(v) if v else 0)' "${RPS[bare-1]:-}" "${RPS[bare-2]:-}")
echo
echo "Durable accept, $(date -u '+%Y-%m-%d %H:%M UTC'), nproc $(nproc), wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (after a ${WARMUP}s warm-up), single-recipient sends"
echo "Durability: SQLite WAL + synchronous=NORMAL (set by the SQLite store)${PGSETTINGS:+; PostgreSQL $PGSETTINGS}"
echo
echo "| target | req/s | vs bare | p99 ms | server CPU µs/req (share of ${DURATION}s) | 202s | errors | check |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"
for name in bare-1 bare-2 sqlite sqlite-accept-only postgres postgres-accept-only memory-accept-only; do
  [[ -n "${RPS[$name]:-}" ]] || continue
  ratio=$(python3 -c 'import sys; b=float(sys.argv[2]); print(f"{100*float(sys.argv[1])/b:.0f}%" if b else "n/a")' "${RPS[$name]}" "$BARE")
  errors="non-2xx ${NON2XX[$name]}, other ${OTHER[$name]:-?}, socket ${SOCKERR[$name]}"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$(thousands "${RPS[$name]}")" "$ratio" "${P99[$name]:-?}" "${CPU_US[$name]:-?}" "$(thousands "${ACCEPTED[$name]:-0}")" "$errors" "${NOTE[$name]:-}"
done
echo
echo "Targets: sqlite >= 50% of bare, postgres >= 35% of bare (bare = mean of bare-1 and bare-2: $(thousands "$BARE") req/s)"
if (( FAILED )); then
  echo "FAILED: a run answered something other than 202, hit socket errors (timeouts: a request took over 2 s) or lost an accepted message (see above)" >&2
  exit 1
fi
