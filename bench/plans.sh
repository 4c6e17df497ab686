#!/usr/bin/env bash
# The plans of the list's page query on the loaded database, as docs/list-query-plan.md shows
# them: each case prepared as the server sends it (RuntimePageQuery), in the session its
# connections get (PGOPTIONS, bench/server.sh), and explained with the generic plan PostgreSQL keeps for a prepared statement,
# after one execution that brings its pages into the buffers.
#   bash bench/plans.sh            (needs bench/run.sh's database loaded)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/server.sh
PSQL=(psql -h 127.0.0.1 -U postgres -qtA -d "$DB")
WS=$("${PSQL[@]}" -c "select w.id from workspaces w join organizations o on o.id = w.organization_id where o.slug = 'example' and w.slug = 'example'")
PROJECT=$("${PSQL[@]}" -c "select id from projects where workspace_id = '$WS' and key = 'share-pct1'")
# The keyset of row 500,000 in list order: where page 10,000 starts.
CURSOR=$("${PSQL[@]}" -F, -c "select created_at, id from runtimes where workspace_id = '$WS' order by created_at desc, id desc offset 500000 limit 1")
# bench/page.sql without its comments, its filter and its order: what each case adds goes between.
SELECT=$(grep -v '^--' bench/page.sql | sed -E 's/ where r.workspace_id = :ws//; /order by/d')

plan() {   # title, conditions after the workspace's, their parameter types, their values, the order's lead
    local title=$1 conditions=$2 types=$3 values=$4 lead=${5:-}
    printf '## %s\n\n```\n' "$title"
    psql -h 127.0.0.1 -U postgres -q -d "$DB" <<SQL
SET plan_cache_mode = force_generic_plan;
PREPARE page(uuid$types) AS $SELECT
 where r.workspace_id = \$1$conditions
 order by $lead r.created_at desc, r.id desc limit 51;
\\o /dev/null
EXECUTE page('$WS'$values);
\\o
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) EXECUTE page('$WS'$values);
SQL
    printf '```\n\n'
}

plan "Unfiltered, first page" "" "" ""
plan "\`state=running\`, first page" " and r.status >= \$2 and r.status <= \$2" ", text" ", 'running'" "r.status,"
plan "Unfiltered, page 10,000 (cursor at row 500,000)" " and (r.created_at, r.id) < (\$2, \$3)" ", timestamptz, uuid" \
    ", '${CURSOR%,*}', '${CURSOR#*,}'"
plan "\`project_id\`, first page" " and r.project_id >= \$2 and r.project_id <= \$2" ", uuid" ", '$PROJECT'" "r.project_id,"
