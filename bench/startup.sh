#!/usr/bin/env bash
# Start-up of the packaged server: milliseconds from process start to the first 200 of the list,
# and, as the yardstick, to the first 200 of an empty Quarkus REST application (bench/empty-app,
# built on first use) started the same way. The two alternate, RUNS times for each JVM set-up;
# then the medians and their ratio.
#   bash bench/startup.sh                 the default java
#   AOT_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bash bench/startup.sh
#                                          also that JDK (25 or newer) without and with an AOT cache
#                                          (JEP 483/514/515) for each application, recorded in a
#                                          training run of 500 requests
# Needs what bench/run.sh needs, and its database loaded (run it first). Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/../server/target/quarkus-app"   # an AOT cache records the class path as it was given

# shellcheck source=bench/server.sh
source ../../../bench/server.sh
RUNS=${RUNS:-5}
LOG=$(mktemp)
# No bootstrap token: bench/run.sh created the key; these are an operator's ordinary starts.

pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT
ms=
SERVER_JAR=quarkus-run.jar
EMPTY_JAR=../../../bench/empty-app/target/quarkus-app/quarkus-run.jar
[ -f "$EMPTY_JAR" ] || ../../../mvnw -B -q -f ../../../bench/empty-app/pom.xml package

first_200() {   # jar java [options...] → starts the jar, sets ms to the time to its first 200, leaves it running
    local jar=$1 t0
    shift
    t0=$(date +%s%N)
    # shellcheck disable=SC2086 # the options are words
    "$@" $SERVER_JAVA_OPTS -jar "$jar" >>"$LOG" 2>&1 &
    pid=$!
    if [ "$jar" = "$SERVER_JAR" ]; then
        await_list "$pid" "$LOG"
    else
        until curl -sf -o /dev/null "http://127.0.0.1:${PORT}/hello"; do sleep 0.01; done
    fi
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
aot_option() {   # cache → the JVM option that uses it, or nothing without one
    if [ -n "$1" ]; then echo "-XX:AOTCache=$1"; fi
}
measure() {   # label java [server cache] [empty cache]: the two applications alternated, RUNS times
    local label=$1 java=$2 server_cache=${3:-} empty_cache=${4:-} server=() empty=()
    for _ in $(seq 1 "$RUNS"); do
        # shellcheck disable=SC2046 # no option without a cache
        first_200 "$SERVER_JAR" "$java" $(aot_option "$server_cache"); stop; server+=("$ms")
        # shellcheck disable=SC2046
        first_200 "$EMPTY_JAR" "$java" $(aot_option "$empty_cache"); stop; empty+=("$ms")
    done
    local s e
    s=$(median "${server[@]}"); e=$(median "${empty[@]}")
    printf '| %s | %s (%s) | %s (%s) | %s |\n' "$label" "$s" "${server[*]}" "$e" "${empty[*]}" \
        "$(awk -v s="$s" -v e="$e" 'BEGIN{printf "%.2f", s/e}')"
}
train() {   # jar cache: records an AOT cache for the jar in a run of 500 requests
    local url=http://127.0.0.1:${PORT}/hello
    [ "$1" = "$SERVER_JAR" ] && url="$BASE?limit=50"
    rm -f "$2"
    first_200 "$1" "$AOT_JAVA" -XX:AOTCacheOutput="$2"
    for _ in $(seq 1 500); do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$url"; done
    stop   # the JVM writes the cache as it exits
}

echo "| JVM | server: median (runs), ms | empty application: median (runs), ms | ratio |"
echo "|---|---|---|---|"
measure "$(java -version 2>&1 | head -1)" java
if [ -n "${AOT_JAVA:-}" ]; then
    measure "$("$AOT_JAVA" -version 2>&1 | head -1)" "$AOT_JAVA"
    train "$SERVER_JAR" server.aot
    train "$EMPTY_JAR" empty.aot
    measure "$("$AOT_JAVA" -version 2>&1 | head -1), AOT cache" "$AOT_JAVA" server.aot empty.aot
fi
