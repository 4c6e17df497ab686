#!/usr/bin/env bash
# Each case of bench/run.sh as the server's prepared statement at its 1000th execution (bench/Explain.java):
# whether PostgreSQL runs its generic plan or plans it again for its values, the buffers it reads,
# the planning and execution times. The plans go to bench/results/explain-<database>/.
#   bash bench/explain.sh            (needs the packaged server and bench/run.sh's database loaded)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server.sh
PSQL=(psql -h 127.0.0.1 -U postgres -qtA -d "$DB")
CLASSPATH="server/target/classes:$(printf '%s:' server/target/quarkus-app/lib/main/*.jar)"
OUT=bench/results/explain-$DB
mkdir -p "$OUT"
workspace() { "${PSQL[@]}" -c "select id from workspaces where slug = '$1'"; }
explain() {   # name workspace kind [value]
    java -cp "$CLASSPATH" bench/Explain.java "${@:2}" | psql -h 127.0.0.1 -U postgres -q -d "$DB" >"$OUT/$1.txt"
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$(grep -qF "\$1" "$OUT/$1.txt" && echo generic || echo custom)" \
        "$(grep -m1 -o 'shared hit=[0-9]*\( read=[0-9]*\)\?' "$OUT/$1.txt")" \
        "$(grep -o 'Planning Time: [0-9.]*' "$OUT/$1.txt" | cut -d' ' -f3)" "$(grep -o 'Execution Time: [0-9.]*' "$OUT/$1.txt" | cut -d' ' -f3)"
}
EXAMPLE=$(workspace example)
echo "| case | plan at the 1000th | buffers | planning (ms) | execution (ms) |"
echo "|---|---|---|---|---|"
explain "first page" "$EXAMPLE" none
for state in "0 example paused" "1 noise running" "0.1 % sparse running" "1 % sparse paused" "50 % example running"; do
    read -r -a words <<<"$state"
    explain "state=${words[-1]}, ${state% * *}" "$(workspace "${words[-2]}")" state "${words[-1]}"
done
for share in none one pct01 pct1 half; do
    explain "project_id, $share" "$EXAMPLE" project "$("${PSQL[@]}" -c "select id from projects where workspace_id = '$EXAMPLE' and key = 'share-$share'")"
    explain "owner=me, $share" "$EXAMPLE" owner "$("${PSQL[@]}" -c "select id from users where name = 'bench-$share'")"
    explain "label, $share" "$EXAMPLE" label "share:$share"
done
explain "a workspace of 100" "$(workspace small-1)" none
