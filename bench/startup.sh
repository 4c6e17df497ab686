#!/usr/bin/env bash
# Start-up of the packaged server: milliseconds from process start to the first 200 of the list,
# RUNS times for each JVM set-up, then the medians; and, as the yardstick, the first 200 of an
# empty Quarkus REST application (bench/empty-app, built on first use) started the same way.
#   bash bench/startup.sh                 the default java
#   AOT_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bash bench/startup.sh
#                                          also that JDK (25 or newer) without and with an AOT cache
#                                          (JEP 483/514/515) recorded in a training run of list requests
# Needs what bench/run.sh needs, and its database loaded (run it first). Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/../server/target/quarkus-app"   # an AOT cache records the class path as it was given

source ../../../bench/server.sh
RUNS=${RUNS:-5}
LOG=$(mktemp)
# No bootstrap token: bench/run.sh created the key; these are an operator's ordinary starts.

pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT
ms=
JAR=quarkus-run.jar
EMPTY_APP=../../../bench/empty-app
first_200() {   # java [options...] → starts $JAR, sets ms to the time to its first 200, leaves it running
    local t0
    t0=$(date +%s%N)
    # shellcheck disable=SC2086 # the options are words
    "$@" $SERVER_JAVA_OPTS -jar "$JAR" >>"$LOG" 2>&1 &
    pid=$!
    if [ "$JAR" = quarkus-run.jar ]; then
        await_list "$pid" "$LOG"
    else
        until curl -sf -o /dev/null "http://127.0.0.1:${PORT}/hello"; do sleep 0.01; done
    fi
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }
measure() {   # label java [options...]
    local label=$1 times=()
    shift
    for _ in $(seq 1 "$RUNS"); do
        first_200 "$@"
        stop
        times+=("$ms")
    done
    printf '| %s | %s | %s |\n' "$label" "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')" "${times[*]}"
}

echo "| JVM | start to first 200, median (ms) | runs (ms) |"
echo "|---|---|---|"
measure "$(java -version 2>&1 | head -1)" java
[ -f "$EMPTY_APP/target/quarkus-app/quarkus-run.jar" ] || ../../../mvnw -B -q -f "$EMPTY_APP/pom.xml" package
JAR=$EMPTY_APP/target/quarkus-app/quarkus-run.jar measure "empty Quarkus REST application, $(java -version 2>&1 | head -1)" java
if [ -n "${AOT_JAVA:-}" ]; then
    measure "$("$AOT_JAVA" -version 2>&1 | head -1)" "$AOT_JAVA"
    rm -f app.aot
    first_200 "$AOT_JAVA" -XX:AOTCacheOutput=app.aot
    for _ in $(seq 1 500); do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE?limit=50"; done
    stop   # the JVM writes the cache as it exits
    measure "$("$AOT_JAVA" -version 2>&1 | head -1), AOT cache" "$AOT_JAVA" -XX:AOTCache=app.aot
fi
