#!/usr/bin/env bash
# Where the JVM's CPU goes on the first-page list under 16 connections: the server started and
# warmed up as the other scripts do it, then async-profiler (tools.profiler:async-profiler from
# Maven Central) loaded into it with jcmd, CPU samples (event=itimer, which works where perf
# events do not) for PROFILE_SECONDS under wrk, folded by bench/shares.py into the parts of a
# request and the owners of the code that docs/benchmarks.md names. The kernel's timer delivers at
# most one sample per tick (CONFIG_HZ=250 on these machines: 4 ms), so only shares are read from it.
#   bash bench/profile.sh         (needs bench/run.sh's database loaded)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server.sh
PROFILE_SECONDS=${PROFILE_SECONDS:-20}
PROFILER_VERSION=4.1
JAR=server/target/quarkus-app/quarkus-run.jar
OUT=bench/results/profile-$(date -u +%Y-%m-%dT%H%M%SZ)
mkdir -p "$OUT"
[ -f "$JAR" ] || ./mvnw -B -q -pl server -am package -DskipTests

PROFILER=bench/results/async-profiler-$PROFILER_VERSION/linux-x64/libasyncProfiler.so
if [ ! -f "$PROFILER" ]; then
    ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:copy \
        -Dartifact="tools.profiler:async-profiler:$PROFILER_VERSION" -DoutputDirectory="$OUT"
    unzip -q -o "$OUT/async-profiler-$PROFILER_VERSION.jar" 'linux-x64/*' -d "bench/results/async-profiler-$PROFILER_VERSION"
fi
PROFILER=$(realpath "$PROFILER")

# shellcheck disable=SC2086 # the options are words
"$SERVER_JAVA" $SERVER_JAVA_OPTS -jar "$JAR" >"$OUT/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
await_list "$server_pid" "$OUT/server.log"
wrk -t2 -c16 -d"${WARMUP_SECONDS}s" -H "Authorization: Bearer $TOKEN" "$BASE?limit=50" >/dev/null
# jcmd splits its arguments at '=' unless they are quoted for it.
jcmd "$server_pid" JVMTI.agent_load "$PROFILER" "\"start,event=itimer,interval=4ms,file=$PWD/$OUT/cpu.collapsed,collapsed\"" >/dev/null
wrk -t2 -c16 -d"${PROFILE_SECONDS}s" -H "Authorization: Bearer $TOKEN" "$BASE?limit=50" | tee "$OUT/wrk.log" | grep Requests/sec
jcmd "$server_pid" JVMTI.agent_load "$PROFILER" "\"stop,file=$PWD/$OUT/cpu.collapsed,collapsed\"" >/dev/null
python3 bench/shares.py "$OUT/cpu.collapsed" | tee "$OUT/shares.md"
