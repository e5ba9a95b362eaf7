#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server for the tests: a new cluster (initdb) in a temporary folder,
# listening only on a unix socket there, fsync off; SKILLSPOOL_TEST_POSTGRESQL holds its URL for the command.
# The server is stopped and its folder removed when the command ends, whatever its outcome. SKILLSPOOL_PG_EXTRA adds
# server options (e.g. "-c shared_preload_libraries=pg_stat_statements" to profile the ledger's statements).
#   Scripts/with-postgres.sh swift test
# Without PostgreSQL's server binaries (Debian's postgresql package) the command runs without the variable, and the
# PostgreSQL ledger tests report themselves skipped.
set -uo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "warning: PostgreSQL's server is not installed (apt-get install postgresql): PostgreSQL tests are skipped" >&2
    exec "$@"
fi
folder=$(mktemp -d /tmp/skillspool-pg.XXXXXX)
chmod 755 "$folder"
as_owner=()
if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root: the cluster belongs to Debian's postgres user.
    chown postgres: "$folder"
    as_owner=(runuser -u postgres --)
fi
stop() {
    "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$folder"
}
trap stop EXIT
trap 'exit 143' TERM INT
"${as_owner[@]}" "$bin/initdb" -D "$folder/data" -U skillspool --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    --no-sync >"$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
    -o "-k $folder -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 ${SKILLSPOOL_PG_EXTRA:-}" \
    start >/dev/null || { cat "$folder/server.log" >&2; exit 1; }
export SKILLSPOOL_TEST_POSTGRESQL="postgresql://skillspool@/postgres?host=$folder"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests at $SKILLSPOOL_TEST_POSTGRESQL"
"$@"
