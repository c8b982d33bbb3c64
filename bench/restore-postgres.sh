#!/usr/bin/env bash
# Restore-test overhead over restoring the same pg_dump by hand: `backup-verify restore-test` (kind: postgres,
# a named server) against createdb + pg_restore + dropdb of the same ~200 MB custom-format dump into the same
# PostgreSQL 15 server. See bench/README.md.
set -euo pipefail
source "$(dirname "$0")/common.sh"

ROWS=${ROWS:-1600000}      # about 200 MB of dump with -Z0
RUNS=${RUNS:-3}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
WORK=$BENCH_WORK/restore-postgres

[[ -x $PGBIN/initdb ]] || { echo "error: PostgreSQL 15 server binaries not found in $PGBIN (apt-get install postgresql-15)" >&2; exit 2; }
need pg_dump; need pg_restore; need psql; need createdb; need dropdb
ensure_jar

mkdir -p "$WORK"
RUN_AS=()
if [[ $(id -u) == 0 ]]; then
    # initdb refuses root: the server runs as the postgres user
    RUN_AS=(runuser -u postgres --)
    chown postgres "$WORK"
fi
PORT=${PORT:-$(( 50000 + RANDOM % 10000 ))}
DATA=$WORK/data
if [[ ! -d $DATA ]]; then
    "${RUN_AS[@]}" "$PGBIN/initdb" -D "$DATA" -A trust -U postgres >/dev/null
fi
"${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w \
    -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
trap '"${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null' EXIT
export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres

DUMP=$WORK/backups/shop-2026-11-29.dump
if [[ ! -s $DUMP ]]; then
    echo "== making the source database ($ROWS orders) and its custom-format dump"
    dropdb --if-exists bench_source
    createdb bench_source
    psql -q -d bench_source -v ON_ERROR_STOP=1 <<SQL
CREATE TABLE orders (id bigint PRIMARY KEY, customer int NOT NULL, total numeric(12,2), placed timestamptz,
    note text);
INSERT INTO orders SELECT g, g % 5000, g * 0.37, timestamptz '2026-01-01' + g * interval '1 second',
    md5(g::text) || md5((g * 7)::text) FROM generate_series(1, $ROWS) g;
CREATE INDEX orders_customer ON orders (customer);
SQL
    mkdir -p "$WORK/backups"
    pg_dump -Fc -Z0 -d bench_source -f "$DUMP"
fi
echo "== dump: $(du -m "$DUMP" | cut -f1) MB ($DUMP)"

cat >"$WORK/plan.yaml" <<PLAN
backupSets:
  - name: shop
    target: { type: local, path: backups }
    layout: { kind: file-per-backup, namePattern: "shop-{yyyy-MM-dd}.dump" }
    restoreTest:
      restore: { kind: postgres, database: { url: "jdbc:postgresql://127.0.0.1:$PORT/postgres", credentialsId: bench } }
PLAN
cat >"$WORK/credentials.yaml" <<CREDS
bench: { kind: username-password, username: postgres, password: unused-with-trust }
CREDS
chmod 600 "$WORK/credentials.yaml"

by_hand() {
    createdb bench_by_hand
    pg_restore --no-owner --no-privileges --exit-on-error -d bench_by_hand "$DUMP"
    dropdb bench_by_hand
}

with_tool() {
    "$REPO_DIR/backup-verify" restore-test "$WORK/plan.yaml" --credentials "$WORK/credentials.yaml" \
        --json "$WORK/report.json" >"$WORK/tool.out" 2>&1 || { cat "$WORK/tool.out"; echo "error: the restore test did not PASS" >&2; exit 1; }
}

with_tool   # untimed: warms the page cache and the wrapper's class-data sharing archive
best_hand=999999; best_tool=999999; best_restore_ms=999999
for run in $(seq 1 "$RUNS"); do
    start=$(now); by_hand; hand=$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')
    start=$(now); with_tool; tool=$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')
    restore_ms=$(json_metric "$WORK/report.json" restoreMs)
    echo "run $run: by hand ${hand}s, backup-verify ${tool}s (its restore phase ${restore_ms} ms)"
    best_hand=$(awk -v a="$best_hand" -v b="$hand" 'BEGIN { print (b < a) ? b : a }')
    best_tool=$(awk -v a="$best_tool" -v b="$tool" 'BEGIN { print (b < a) ? b : a }')
    best_restore_ms=$(awk -v a="$best_restore_ms" -v b="$restore_ms" 'BEGIN { print (b < a) ? b : a }')
done
echo "== best of $RUNS: createdb + pg_restore + dropdb ${best_hand}s; backup-verify restore-test ${best_tool}s" \
    "(whole command), restore phase $(divide "$best_restore_ms" 1000)s"
echo "== overhead: whole command $(divide "$best_tool" "$best_hand")x, restore phase" \
    "$(divide "$(divide "$best_restore_ms" 1000)" "$best_hand")x of the restore by hand (target: at most 1.10x)"
