#!/usr/bin/env bash
# Restore-test overhead over restoring the same pg_dump by hand: `backup-verify restore-test` (kind: postgres,
# a named server) against createdb + pg_restore + dropdb of the same ~200 MB custom-format dump into the same
# PostgreSQL 15 server, with the same pg_restore options and the same number of parallel jobs. See bench/README.md.
#
#   bench/restore-postgres.sh                       # 1.6 million rows (~176 MB dump), 3 alternating runs each
#   JOBS=2 bench/restore-postgres.sh                # both sides restore with 2 parallel jobs
#   ROWS=400000 RUNS=5 FIXED_RUNS=9 bench/restore-postgres.sh
set -euo pipefail
source "$(dirname "$0")/common.sh"

ROWS=${ROWS:-1600000}      # about 200 MB of dump with -Z0
RUNS=${RUNS:-3}
FIXED_RUNS=${FIXED_RUNS:-5}   # runs of each on a dump of a few rows: the fixed cost of each way
JOBS=${JOBS:-1}
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
SMALL=$WORK/small/shop-2026-11-29.dump
# The source database: the orders table with $1 rows and its index.
make_source() {
    dropdb --if-exists bench_source
    createdb bench_source
    psql -q -d bench_source -v ON_ERROR_STOP=1 <<SQL
CREATE TABLE orders (id bigint PRIMARY KEY, customer int NOT NULL, total numeric(12,2), placed timestamptz,
    note text);
INSERT INTO orders SELECT g, g % 5000, g * 0.37, timestamptz '2026-01-01' + g * interval '1 second',
    md5(g::text) || md5((g * 7)::text) FROM generate_series(1, $1) g;
CREATE INDEX orders_customer ON orders (customer);
SQL
}
if [[ ! -s $DUMP ]]; then
    echo "== making the source database ($ROWS orders) and its custom-format dump"
    make_source "$ROWS"
    mkdir -p "$WORK/backups"
    pg_dump -Fc -Z0 -d bench_source -f "$DUMP"
fi
if [[ ! -s $SMALL ]]; then
    # the same schema with 100 rows: restoring it costs next to nothing, what remains is each way's fixed cost
    make_source 100
    mkdir -p "$WORK/small"
    pg_dump -Fc -Z0 -d bench_source -f "$SMALL"
fi
echo "== dump: $(du -m "$DUMP" | cut -f1) MB ($DUMP); pg_restore jobs: $JOBS"

postgres_plan() {
    cat >"$1/plan.yaml" <<PLAN
backupSets:
  - name: shop
    target: { type: local, path: $2 }
    layout: { kind: file-per-backup, namePattern: "shop-{yyyy-MM-dd}.dump" }
    restoreTest:
      restore: { kind: postgres, jobs: $JOBS, database: { url: "jdbc:postgresql://127.0.0.1:$PORT/postgres", credentialsId: bench } }
PLAN
}
postgres_plan "$WORK" backups
mkdir -p "$WORK/fixed"
postgres_plan "$WORK/fixed" ../small
cat >"$WORK/credentials.yaml" <<CREDS
bench: { kind: username-password, username: postgres, password: unused-with-trust }
CREDS
chmod 600 "$WORK/credentials.yaml"

# What a careful operator types, through the same Debian wrappers anyone gets on the PATH: a fresh database, the
# restore with the tool's options (every error stops it; owners and grants are not restored, as the tool does
# not), and the database dropped again.
by_hand() {
    local jobs=()
    ((JOBS > 1)) && jobs=(--jobs="$JOBS")
    createdb bench_by_hand
    pg_restore --no-owner --no-privileges --exit-on-error "${jobs[@]}" -d bench_by_hand "$1"
    dropdb bench_by_hand
}

with_tool() {
    "$REPO_DIR/backup-verify" restore-test "$1/plan.yaml" --credentials "$WORK/credentials.yaml" \
        --json "$WORK/report.json" >"$WORK/tool.out" 2>&1 || { cat "$WORK/tool.out"; echo "error: the restore test did not PASS" >&2; exit 1; }
}

seconds_of() {
    local start
    start=$(now)
    "$@"
    awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.3f\n", b - a }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
lowest() { sort -n | head -1; }

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
with_tool "$WORK"   # untimed: warms the page cache and the wrapper's class-data sharing archive
: >"$WORK/hand.s"; : >"$WORK/tool.s"; : >"$WORK/restore.s"; : >"$WORK/fixed-hand.s"; : >"$WORK/fixed-tool.s"
: >"$WORK/whole.x"; : >"$WORK/restore.x"
for run in $(seq 1 "$RUNS"); do
    hand=$(seconds_of by_hand "$DUMP")
    tool=$(seconds_of with_tool "$WORK")
    restore=$(divide "$(json_metric "$WORK/report.json" restoreMs)" 1000)
    echo "run $run: by hand ${hand}s, backup-verify ${tool}s (its restore phase ${restore}s): $(divide "$tool" "$hand")x"
    echo "$hand" >>"$WORK/hand.s"; echo "$tool" >>"$WORK/tool.s"; echo "$restore" >>"$WORK/restore.s"
    # each run against the restore by hand just before it: the pair saw the same load
    echo "$(divide "$tool" "$hand")" >>"$WORK/whole.x"; echo "$(divide "$restore" "$hand")" >>"$WORK/restore.x"
done
for run in $(seq 1 "$FIXED_RUNS"); do
    seconds_of by_hand "$SMALL" >>"$WORK/fixed-hand.s"
    seconds_of with_tool "$WORK/fixed" >>"$WORK/fixed-tool.s"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)"
for stat in lowest median; do
    hand=$($stat <"$WORK/hand.s"); tool=$($stat <"$WORK/tool.s"); restore=$($stat <"$WORK/restore.s")
    echo "== $stat of $RUNS: createdb + pg_restore + dropdb ${hand}s; backup-verify restore-test ${tool}s" \
        "(whole command), its restore phase ${restore}s"
    echo "   overhead: whole command $(divide "$tool" "$hand")x, restore phase $(divide "$restore" "$hand")x of the" \
        "restore by hand (target: whole command at most 1.10x)"
done
echo "== median of the $RUNS paired runs' ratios: whole command $(median <"$WORK/whole.x")x, restore phase" \
    "$(median <"$WORK/restore.x")x of the restore by hand run just before it"
fixed_hand=$(median <"$WORK/fixed-hand.s"); fixed_tool=$(median <"$WORK/fixed-tool.s")
echo "== fixed cost (a 100-row dump, median of $FIXED_RUNS): by hand ${fixed_hand}s, backup-verify ${fixed_tool}s," \
    "$(awk -v a="$fixed_tool" -v b="$fixed_hand" 'BEGIN { printf "%.3f", a - b }')s more"
