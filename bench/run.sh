#!/usr/bin/env bash
# List benchmark: latency of every list case, throughput against PostgreSQL's own, start-up and memory.
#   bash bench/run.sh                 (RUNS=3 by default; the figures go to bench/results/)
#   SIZES=1m,10m bash bench/run.sh    (also the 10 M database, loaded at its first run)
# Needs: the packaged server (built if missing), PostgreSQL at 127.0.0.1:5432 (user postgres),
# wrk and pgbench (wrk is installed from Debian's packages if missing), and PostgreSQL's
# max_connections above 64 + the server's pool (8) + whatever else is connected. Not part of
# the tests. docs/benchmarks.md has the results and what they mean.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/server.sh
RUNS=${RUNS:-3}
SECONDS_PER_CASE=${SECONDS_PER_CASE:-15}
JAR=${SERVER_JAR:-server/target/quarkus-app/quarkus-run.jar}
OUT=bench/results/$(date -u +%Y-%m-%dT%H%M%SZ)
mkdir -p "$OUT"
PSQL=(psql -h 127.0.0.1 -U postgres -qtA)

command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
# SERVER_NATIVE=<executable> measures a native build of the server instead, with the same heap cap.
if [ -n "${SERVER_NATIVE:-}" ]; then
    SERVER=("$SERVER_NATIVE" -Xmx128m)
else
    [ -f "$JAR" ] || ./mvnw -B -q -pl server -am package -DskipTests
    # shellcheck disable=SC2206 # the options are words
    SERVER=("$SERVER_JAVA" $SERVER_JAVA_OPTS -jar "$JAR")
fi

server_pid=
startup_ms=
start_server() {   # sets server_pid, and startup_ms from process start to the first 200 of the list
    local t0 t1
    t0=$(date +%s%N)
    "${SERVER[@]}" >>"$OUT/server.log" 2>&1 &
    server_pid=$!
    await_list "$server_pid" "$OUT/server.log"
    t1=$(date +%s%N)
    startup_ms=$(( (t1 - t0) / 1000000 ))
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; }
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true' EXIT

# SIZES: the runtimes of the large workspaces, each size in a database of its own, loaded at the
# first run (bench/load-runtimes.sql: 1m in under 4 min; 10m in more than 50 on these machines).
SIZES=${SIZES:-1m}
# BENCH_DB_10M (and so on) names a size's database; by default it is $BENCH_DB_10m, $BENCH_DB for 1m.
database() {
    local name="BENCH_DB_${1^^}"
    if [ -n "${!name:-}" ]; then echo "${!name}"; elif [ "$1" = 1m ]; then echo "$DB1"; else echo "${DB1}_$1"; fi
}
DB1=$DB
load() {   # size: loads its database once, at a lower priority than the bench's
    "${PSQL[@]}" -c "select 1 from pg_database where datname = '$DB'" | grep -q 1 || "${PSQL[@]}" -c "create database $DB"
    if [ "$("${PSQL[@]}" -d "$DB" -c "select count(*) from information_schema.tables where table_name = 'runtimes'")" = 1 ] \
       && [ "$("${PSQL[@]}" -d "$DB" -c "select count(*) from runtimes")" != 0 ]; then
        [ "$("${PSQL[@]}" -d "$DB" -c "select count(*) from workspaces where slug = 'sparse'")" = 1 ] && return
        echo "$DB holds runtimes of an older bench/load-runtimes.sql: drop it to load the cases" >&2; exit 1
    fi
    # The first start migrates and creates the API key; the measured starts are an operator's
    # ordinary ones, without a bootstrap token.
    RUNTIMES_BOOTSTRAP_TOKEN=$TOKEN start_server; stop_server
    echo "loading $DB: workspaces of $1 runtimes..."
    nice -n $((10 - $(nice))) psql -h 127.0.0.1 -U postgres -q -d "$DB" -v count="${1%m}000000" -f bench/load-runtimes.sql
}

latency() {   # path token → "p50_ms p99_ms wrk_p99_ms"; a path @file sends the file's paths in turn
    # p50 and p99 of the requests one client sends one after another, as that client times them
    # (bench/Latency.java); then wrk's p99 for the same case, which adds a coordinated-omission
    # correction: what a client sending at the mean rate would have waited through each stall.
    local client wrk_p99 target=("http://127.0.0.1:${PORT}$1")
    [ "${1:0:1}" = @ ] && target=(-s bench/rotate.lua "http://127.0.0.1:${PORT}" -- "${1:1}")
    client=$(java bench/Latency.java 127.0.0.1 "$PORT" "$2" "$1" "$SECONDS_PER_CASE" | tee -a "$OUT/latency.log")
    wrk -t1 -c1 -d"${SECONDS_PER_CASE}s" --latency -H "Authorization: Bearer $2" "${target[@]}" >"$OUT/wrk.tmp"
    cat "$OUT/wrk.tmp" >>"$OUT/wrk.log"
    wrk_p99=$(awk '$1=="99%"{print $2}' "$OUT/wrk.tmp" | sed -E 's/([0-9.]+)us/\1e-3/; s/([0-9.]+)ms/\1/; s/([0-9.]+)s/\1e3/' | awk '{printf "%.3f", $1}')
    echo "$(echo "$client" | awk '{print $1, $2}') $wrk_p99"
}
throughput() {   # connections → requests per second
    wrk -t2 -c"$1" -d"${SECONDS_PER_CASE}s" -H "Authorization: Bearer $TOKEN" "$BASE?limit=50" >"$OUT/wrk.tmp"
    cat "$OUT/wrk.tmp" >>"$OUT/wrk.log"
    awk '$1=="Requests/sec:"{print $2}' "$OUT/wrk.tmp"
}
pg_throughput() {   # connections → transactions per second of the same page query in PostgreSQL
    pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$1" -j 2 -T "$SECONDS_PER_CASE" -D ws="$WS" -f bench/page.sql "$DB" 2>&1 \
        | tee -a "$OUT/pgbench.log" | awk '/^tps = /{print $3}' | grep . || { echo "pgbench failed, see $OUT/pgbench.log" >&2; exit 1; }
}

# The cases: "name|path|token". Each filter matches a share of its workspace (the load's comment says
# which): none, one runtime, 0.1 %, 1 %, half. The states' shares come from three workspaces.
SHARES=("0|none" "1|one" "0.1 %|pct01" "1 %|pct1" "50 %|half")
STATES=("0|example|paused" "1|noise|running" "0.1 %|sparse|running" "1 %|sparse|paused" "50 %|example|running")
cases() {   # deep cursor → the cases of the database in use
    local share state ws filter query token
    echo "\`/q/health/live\`|/q/health/live|$TOKEN"
    echo "first page|$LIST?limit=50|$TOKEN"
    echo "page 10,000 (by cursor)|$LIST?limit=50&cursor=$1|$TOKEN"
    for state in "${STATES[@]}"; do
        IFS='|' read -r share ws state <<<"$state"
        echo "\`state=$state\`, $share|/api/v1/org/example/ws/$ws/runtimes?limit=50&state=$state|$TOKEN"
    done
    for filter in project_id owner=me label; do
        for share in "${SHARES[@]}"; do
            token=$TOKEN
            case $filter in
                project_id) query="project_id=$("${PSQL[@]}" -d "$DB" -c "select id from projects where workspace_id = '$WS' and key = 'share-${share#*|}'")" ;;
                owner=me) query=owner=me token=bench-token-${share#*|} ;;
                label) query=label=share:${share#*|} ;;
            esac
            echo "\`$filter\`, ${share%|*}|$LIST?limit=50&$query|$token"
        done
    done
    echo "10,000 workspaces of 100, in turn|@$OUT/small-workspaces|$TOKEN"
}

echo "size,run,case,p50,p99,wrk_p99" >"$OUT/latency.csv"
echo "size,run,startup_ms,srv16,pg16,srv64,pg64,rss_mb" >"$OUT/runs.csv"
for size in ${SIZES//,/ }; do
    use_database "$(database "$size")"
    load "$size"
    WS=$("${PSQL[@]}" -d "$DB" -c "select w.id from workspaces w join organizations o on o.id = w.organization_id where o.slug = 'example' and w.slug = 'example'")
    "${PSQL[@]}" -d "$DB" -c "select '/api/v1/org/example/ws/' || slug || '/runtimes?limit=50' from workspaces where slug like 'small-%' order by random()" >"$OUT/small-workspaces"
    for run in $(seq 1 "$RUNS"); do
        start_server
        wrk -t2 -c16 -d"${WARMUP_SECONDS}s" -H "Authorization: Bearer $TOKEN" "$BASE?limit=50" >/dev/null
        deep=$(python3 bench/walk.py 127.0.0.1 "$PORT" "$TOKEN" "$LIST" 10000)
        while IFS='|' read -r name path token; do
            echo "$size,$run,\"$name\",$(latency "$path" "$token" </dev/null | tr ' ' ,)" | tee -a "$OUT/latency.csv"
        done < <(cases "$deep")
        s16=$(throughput 16); p16=$(pg_throughput 16)
        s64=$(throughput 64); p64=$(pg_throughput 64)
        rss=$(awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$server_pid/status")
        stop_server
        echo "$size,$run,$startup_ms,$s16,$p16,$s64,$p64,$rss" | tee -a "$OUT/runs.csv"
    done
done
echo "Server: ${SERVER[*]} ($("$SERVER_JAVA" -version 2>&1 | head -1)); MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-glibc default}; QUARKUS_HTTP_IO_THREADS=${QUARKUS_HTTP_IO_THREADS}; QUARKUS_DATASOURCE_JDBC_MAX_SIZE=${QUARKUS_DATASOURCE_JDBC_MAX_SIZE}" >"$OUT/summary.md"
python3 bench/summarize.py "$OUT" | tee -a "$OUT/summary.md"
