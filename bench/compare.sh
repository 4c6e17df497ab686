#!/usr/bin/env bash
# Compares server jars or settings on the loaded database, alternated round by round: on these
# shared machines the same jar's throughput moves by a third from one minute to the next, so only
# set-ups measured side by side are compared. Each one: start the server, warm it up, then
# `wrk -t2` on the first page, and the CPU time the JVM and PostgreSQL spent per request.
#   bash bench/compare.sh "label|jar|VAR=value ..." "label|jar|VAR=value ..." ...
#   e.g. bash bench/compare.sh "default|server/target/quarkus-app/quarkus-run.jar|QUARKUS_HTTP_IO_THREADS=4" \
#                              "one loop|server/target/quarkus-app/quarkus-run.jar|QUARKUS_HTTP_IO_THREADS=1"
# ROUNDS (3), CONNECTIONS (16), WARMUP_SECONDS (bench/server.sh), SECONDS_PER_CASE (15). Needs bench/run.sh's
# database loaded. Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server.sh
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
SECONDS_PER_CASE=${SECONDS_PER_CASE:-15}
TICKS=$(getconf CLK_TCK)
LOG=$(mktemp)

cpu_ticks() {   # pid... → user + system ticks of those processes
    local sum=0 pid stat
    for pid in "$@"; do
        read -r -a stat <"/proc/$pid/stat" 2>/dev/null || continue
        sum=$((sum + stat[13] + stat[14]))
    done
    echo "$sum"
}
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true' EXIT

echo "round,label,requests_per_second,jvm_cpu_ms_per_request,postgresql_cpu_ms_per_request,rss_mb"
for round in $(seq 1 "$ROUNDS"); do
    for setup in "$@"; do
        IFS='|' read -r label jar settings <<<"$setup"
        # shellcheck disable=SC2086 # the settings and options are words
        env $settings "$SERVER_JAVA" $SERVER_JAVA_OPTS -jar "$jar" >>"$LOG" 2>&1 &
        server_pid=$!
        await_list "$server_pid" "$LOG"
        wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" -H "Authorization: Bearer $TOKEN" "$BASE?limit=50" >/dev/null
        jvm0=$(cpu_ticks "$server_pid"); pg0=$(cpu_ticks $(pgrep -x postgres))
        out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_CASE}s" -H "Authorization: Bearer $TOKEN" "$BASE?limit=50")
        jvm1=$(cpu_ticks "$server_pid"); pg1=$(cpu_ticks $(pgrep -x postgres))
        rss=$(awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$server_pid/status")
        kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
        requests=$(awk '/requests in/{print $1}' <<<"$out")
        rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
        awk -v r="$round" -v l="$label" -v rps="$rps" -v n="$requests" -v j=$((jvm1 - jvm0)) -v p=$((pg1 - pg0)) -v t="$TICKS" -v rss="$rss" \
            'BEGIN { printf "%s,%s,%s,%.3f,%.3f,%s\n", r, l, rps, j * 1000 / t / n, p * 1000 / t / n, rss }'
    done
done
