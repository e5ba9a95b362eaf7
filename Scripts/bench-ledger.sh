#!/usr/bin/env bash
# Ledger benchmark: 100,000 jobs and 1,000,000 credit entries; times a full CSV export and `jobs list`.
# Goals (issue 5): export ≤ 5 s, jobs list ≤ 100 ms. With SKILLSPOOL_TEST_POSTGRESQL set (Scripts/with-postgres.sh,
# as `make bench` runs it) the same ledger is also copied into PostgreSQL with `ledger migrate` (timed, counts and
# sums checked by the command) and the same queries are timed there. Last, the ledger calls the daemon makes per job
# (`skillspool-ledger-load jobs`, 2,000 jobs on 2 threads) on each engine: the ledger's own cost, no conversion.
set -euo pipefail
bin=.build/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/skillspool-ledger-load" seed "$work/ledger.sqlite" --jobs 100000 --entries 1000000
best() {  # best of 3 wall times in ms
    local best=999999
    for _ in 1 2 3; do
        local start=$(date +%s%N)
        "$@" > /dev/null 2>&1
        local ms=$(( ($(date +%s%N) - start) / 1000000 ))
        (( ms < best )) && best=$ms
    done
    echo "$best"
}
export_ms=$(best "$bin/skillspool" ledger export --ledger "$work/ledger.sqlite" --format csv --out "$work/export.csv")
rows=$(( $(wc -l < "$work/export.csv") - 1 ))
list_ms=$(best "$bin/skillspool" jobs list --ledger "$work/ledger.sqlite" --tenant tenant-3 --status complete)
list_all_ms=$(best "$bin/skillspool" jobs list --ledger "$work/ledger.sqlite" --since 2025-06-01 --page 20)
echo
echo "## Ledger (100,000 jobs, 1,000,000 credit entries)"
echo
echo "| operation | wall ms (best of 3) | goal |"
echo "|---|---|---|"
echo "| ledger export --format csv ($rows rows) | $export_ms | ≤ 5000 |"
echo "| jobs list --tenant --status | $list_ms | ≤ 100 |"
echo "| jobs list --since --page 20 | $list_all_ms | ≤ 100 |"
if [ -n "${SKILLSPOOL_TEST_POSTGRESQL:-}" ]; then
    psql --no-psqlrc -q -d "$SKILLSPOOL_TEST_POSTGRESQL" -c "DROP DATABASE IF EXISTS ledger_bench" -c "CREATE DATABASE ledger_bench"
    pg=${SKILLSPOOL_TEST_POSTGRESQL/\/postgres?//ledger_bench?}
    start=$(date +%s%N)
    "$bin/skillspool" ledger migrate --ledger "$work/ledger.sqlite" --to "$pg" --json > "$work/migrate.json"
    migrate_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    entries=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['tables']['credit_entries'])" "$work/migrate.json")
    pg_export_ms=$(best "$bin/skillspool" ledger export --ledger "$pg" --format csv --out "$work/export-pg.csv")
    cmp -s "$work/export.csv" "$work/export-pg.csv" && same=identical || same=DIFFERENT
    pg_list_ms=$(best "$bin/skillspool" jobs list --ledger "$pg" --tenant tenant-3 --status complete)
    pg_list_all_ms=$(best "$bin/skillspool" jobs list --ledger "$pg" --since 2025-06-01 --page 20)
    echo "| ledger migrate --to postgresql ($entries entries; counts and sums equal) | $migrate_ms | reported |"
    echo "| PostgreSQL: ledger export --format csv (bytes $same to SQLite's) | $pg_export_ms | ≤ 5000 |"
    echo "| PostgreSQL: jobs list --tenant --status | $pg_list_ms | ≤ 100 |"
    echo "| PostgreSQL: jobs list --since --page 20 | $pg_list_all_ms | ≤ 100 |"
fi
echo
echo "## Ledger calls per job (claim, 4 stage moves, reservation, finish; 2,000 jobs on 2 threads)"
echo
"$bin/skillspool-ledger-load" jobs "$work/calls.sqlite" --jobs 2000 --threads 2 | sed 's/^/- SQLite: /'
if [ -n "${SKILLSPOOL_TEST_POSTGRESQL:-}" ]; then
    psql --no-psqlrc -q -d "$SKILLSPOOL_TEST_POSTGRESQL" -c "DROP DATABASE IF EXISTS ledger_calls" -c "CREATE DATABASE ledger_calls"
    "$bin/skillspool-ledger-load" jobs "${SKILLSPOOL_TEST_POSTGRESQL/\/postgres?//ledger_calls?}" --jobs 2000 --threads 2 \
        | sed 's/^/- PostgreSQL: /'
fi
