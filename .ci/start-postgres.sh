#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster for the test suites and prints its connection string on stdout
# (everything else goes to stderr). Idempotent: creates the cluster once, starts it only when it is not running,
# and (re)creates the role and database only when missing. Exits non-zero on any failure.
#
#   COACHBOT_TEST_POSTGRES="$(.ci/start-postgres.sh)"
#
# Settings (environment): COACHBOT_PG_ROOT (default /var/tmp/coachbot-postgres), COACHBOT_PG_PORT (55432),
# COACHBOT_PG_PASSWORD (coachbot-test). Stop it with: .ci/start-postgres.sh --stop
# Durability is switched off (fsync, synchronous_commit): the cluster holds test data only.
set -euo pipefail

PG_BIN="${COACHBOT_PG_BIN:-/usr/lib/postgresql/15/bin}"
ROOT="${COACHBOT_PG_ROOT:-/var/tmp/coachbot-postgres}"
PORT="${COACHBOT_PG_PORT:-55432}"
PASSWORD="${COACHBOT_PG_PASSWORD:-coachbot-test}"
DATA="$ROOT/data"
SOCKETS="$ROOT/sockets"
LOG="$ROOT/postgres.log"

log() { echo "start-postgres: $*" >&2; }
fail() { log "ERROR: $*"; exit 1; }

[[ -x "$PG_BIN/pg_ctl" ]] || fail "PostgreSQL binaries not found in $PG_BIN (install postgresql-15 or set COACHBOT_PG_BIN)."

# PostgreSQL refuses to run as root: as root, run every server command as the 'postgres' user.
if [[ "$(id -u)" -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || fail "running as root but there is no 'postgres' user to run the server as."
  as_pg() { runuser -u postgres -- "$@"; }
  OWNER=postgres
else
  as_pg() { "$@"; }
  OWNER="$(id -un)"
fi

if [[ "${1:-}" == "--stop" ]]; then
  if [[ -f "$DATA/PG_VERSION" ]] && as_pg "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
  fi
  exit 0
fi

mkdir -p "$ROOT" "$SOCKETS"
chown "$OWNER" "$ROOT" "$SOCKETS"
chmod 700 "$ROOT"

if [[ ! -f "$DATA/PG_VERSION" ]]; then
  log "creating a cluster in $DATA"
  rm -rf "$DATA"
  as_pg "$PG_BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 >&2 || fail "initdb failed."
fi

if as_pg "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "already running"
else
  log "starting on 127.0.0.1:$PORT (log: $LOG)"
  touch "$LOG" && chown "$OWNER" "$LOG"
  as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$SOCKETS -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2 || { tail -n 30 "$LOG" >&2 || true; fail "pg_ctl start failed."; }
fi

for _ in $(seq 1 60); do
  if as_pg "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    break
  fi
  sleep 0.5
done
as_pg "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" || fail "server did not become ready on 127.0.0.1:$PORT."

PSQL="$PG_BIN/psql"
[[ -x "$PSQL" ]] || PSQL="$(command -v psql || true)"
[[ -n "$PSQL" ]] || fail "psql not found."
psql_admin() { as_pg "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$SOCKETS" -p "$PORT" -U postgres -d postgres "$@"; }

# The role may create databases: each test run makes its own fresh database and drops it afterwards.
psql_admin -v pw="$PASSWORD" >&2 <<'SQL' || fail "could not create the coachbot role."
SELECT format('CREATE ROLE coachbot LOGIN CREATEDB PASSWORD %L', :'pw')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'coachbot') \gexec
SELECT format('ALTER ROLE coachbot LOGIN CREATEDB PASSWORD %L', :'pw') \gexec
GRANT pg_signal_backend TO coachbot;
SELECT 'CREATE DATABASE coachbot OWNER coachbot'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'coachbot') \gexec
SQL

# Databases left behind by test runs that were killed (each run makes coachbot_t_* and drops them when it ends).
psql_admin -At >&2 <<'SQL' || log "could not remove stale test databases (ignored)."
SELECT format('DROP DATABASE IF EXISTS %I', datname) FROM pg_database d
WHERE datname LIKE 'coachbot\_t\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname) \gexec
SQL

echo "Host=127.0.0.1;Port=$PORT;Database=coachbot;Username=coachbot;Password=$PASSWORD"
