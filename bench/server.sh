# shellcheck shell=bash
# Sourced by the bench scripts: the database, the port and the settings the server runs with, and
# the wait for its first answer.
DB=${BENCH_DB:-runtimes_bench}
PORT=${BENCH_PORT:-8095}
TOKEN=bench-token
LIST=/api/v1/org/example/ws/example/runtimes
BASE="http://127.0.0.1:${PORT}${LIST}"
# The figures are of a warm server: the load that precedes them. On these 2-core machines the JIT
# is still compiling the list's path well into a load; on 2026-12-01's machine the JVM's CPU per
# request at 16 connections fell from 3.3 ms in the first 15 s to 0.75 ms at 90 s and stayed at
# 0.64-0.71 ms from 105 s on (docs/benchmarks.md, "Warm-up").
WARMUP_SECONDS=${WARMUP_SECONDS:-120}
# The JVM the server runs on (the benchmark's own tools use the default java), and its options, as
# docs/operations.md recommends for production.
SERVER_JAVA=${SERVER_JAVA:-java}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xmx128m -XX:+UseSerialGC -XX:MetaspaceSize=96m}
# glibc gives threads that allocate natively arenas of their own, up to 8 per core; 2 keep the RSS
# lower (docs/operations.md, "Memory and start-up"). Set it empty for glibc's default.
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX-2}
if [ -n "$MALLOC_ARENA_MAX" ]; then export MALLOC_ARENA_MAX; else unset MALLOC_ARENA_MAX; fi
# Threads and connections for 2 cores, as docs/operations.md recommends ("Sizing a replica"): one
# event loop instead of Quarkus' 2 per core, 8 database connections instead of 20.
export QUARKUS_HTTP_IO_THREADS=${QUARKUS_HTTP_IO_THREADS:-1}
export QUARKUS_DATASOURCE_JDBC_MAX_SIZE=${QUARKUS_DATASOURCE_JDBC_MAX_SIZE:-8}
# psql and pgbench run in the session the server's connections get (application.properties,
# quarkus.datasource.jdbc.new-connection-sql), so they plan the page query as the server does.
export PGOPTIONS="-c enable_memoize=off"
use_database() {   # name → the database psql (DB) and the server use
    DB=$1
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/${DB}"
}
use_database "$DB"
export QUARKUS_HTTP_PORT=$PORT
export QUARKUS_LOG_LEVEL=WARN
# The sweeps stay halted: they would meter and expire the loaded sandboxes (of a provider the server
# does not run) while the list is measured. Their own tests measure them.
export QUARKUS_SCHEDULER_START_MODE=halted
# One API key sends every request: its rate limit must not be what is measured.
export RUNTIMES_RATE_LIMIT_REQUESTS=1000000000
# Stopped between runs, with nothing in flight: no need to wait for load balancers.
export QUARKUS_SHUTDOWN_DELAY_ENABLED=false

await_list() {   # server_pid log → returns at the list's first 200; exits if the server died first
    until curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE?limit=50"; do
        kill -0 "$1" 2>/dev/null || { echo "server died, see $2" >&2; exit 1; }
        sleep 0.01
    done
}
