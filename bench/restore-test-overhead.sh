#!/usr/bin/env bash
# Times `tar -xzf` against `backup-verify restore-test` (kind archive) on the same ~1 GB tar.gz, page cache warm.
#
#   bench/restore-test-overhead.sh               # ~1 GiB in 256 files, best of 3 alternating runs each
#   SIZE_MIB=256 FILES=64 RUNS=3 bench/restore-test-overhead.sh
#
# The archive is built once under bench/work/restore (gitignored; BENCH_WORK moves it) and reused. Both tools
# extract into a folder on the same file system (SCRATCH, default bench/work/restore/scratch); neither syncs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SIZE_MIB=${SIZE_MIB:-1024}
FILES=${FILES:-256}
RUNS=${RUNS:-3}
WORK=$BENCH_WORK/restore
DATA=$WORK/backups/bench-2026-01-01
SCRATCH=${SCRATCH:-$WORK/scratch}

need tar
need gzip
need base64
need "$JAVA"
ensure_jar

# Half the files random (gzip stores them), half base64 text (gzip shrinks it by about a quarter): a mix like real
# backups, not a best case for either tool.
build_data() {
    local per_file=$((SIZE_MIB * 1024 * 1024 / FILES))
    local source=$WORK/source
    mkdir -p "$source"
    for ((i = 0; i < FILES; i++)); do
        if ((i % 2 == 0)); then
            head -c "$per_file" /dev/urandom >"$source/part-$(printf '%04d' "$i").bin"
        else
            # 76 characters and a newline for every 57 bytes: about per_file bytes of text
            head -c $((per_file / 77 * 57)) /dev/urandom | base64 -w 76 >"$source/part-$(printf '%04d' "$i").txt"
        fi
    done
    (cd "$source" && tar -czf "$DATA/site.tar.gz" .)
    rm -rf "$source"
}
build_once "$SIZE_MIB MiB in $FILES files, tar.gz" build_data
cat >"$WORK/plan.yaml" <<PLAN
backupSets:
  - name: bench
    target: { type: local, path: backups }
    layout: { kind: directory-per-backup, namePattern: "bench-{yyyy-MM-dd}" }
    restoreTest:
      restore: { kind: archive, limits: { maxSize: 4GiB } }
PLAN
mkdir -p "$SCRATCH"
archive_bytes=$(stat -c %s "$DATA/site.tar.gz")
echo "== archive: $DATA/site.tar.gz, $((archive_bytes / 1024 / 1024)) MiB compressed, $SIZE_MIB MiB of files"
echo "== warming the page cache (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
cat "$DATA/site.tar.gz" >/dev/null

run_tar() {
    local into=$SCRATCH/by-tar
    rm -rf "$into" && mkdir -p "$into"
    local start end
    start=$(now)
    tar -xzf "$DATA/site.tar.gz" -C "$into"
    end=$(now)
    rm -rf "$into"
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

run_restore_test() {
    local start end
    start=$(now)
    "$JAVA" -jar "$JAR" restore-test "$WORK/plan.yaml" --scratch "$SCRATCH" --json "$WORK/report.json" >/dev/null
    end=$(now)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

best_tar=""
best_bv=""
best_restore_ms=""
for ((run = 1; run <= RUNS; run++)); do
    t=$(run_tar)
    b=$(run_restore_test)
    restore_ms=$(( $(json_metric "$WORK/report.json" fetchMs) + $(json_metric "$WORK/report.json" restoreMs) ))
    echo "run $run: tar -xzf ${t}s   backup-verify restore-test ${b}s (fetch+restore phases ${restore_ms} ms)"
    [[ -z $best_tar ]] || (($(awk -v a="$t" -v b="$best_tar" 'BEGIN { print (a < b) }'))) && best_tar=$t
    [[ -z $best_bv ]] || (($(awk -v a="$b" -v b="$best_bv" 'BEGIN { print (a < b) }'))) && best_bv=$b
    [[ -z $best_restore_ms ]] || ((restore_ms < best_restore_ms)) && best_restore_ms=$restore_ms
done
grep -q '"status" *: *"PASS"' "$WORK/report.json" || { echo "error: the restore test did not PASS" >&2; exit 1; }
echo
echo "best tar -xzf:                        ${best_tar}s"
echo "best backup-verify restore-test:      ${best_bv}s (whole command: JVM start, plan, scratch cleanup, report)"
echo "best fetch+restore phases alone:      $(divide "$best_restore_ms" 1000)s"
echo "overhead of the whole command:        $(awk -v a="$best_bv" -v b="$best_tar" 'BEGIN { printf "%+.1f%%", (a / b - 1) * 100 }')"
echo "overhead of the restore phases:       $(awk -v a="$best_restore_ms" -v b="$best_tar" 'BEGIN { printf "%+.1f%%", (a / 1000 / b - 1) * 100 }')"

# Second comparison: `kind: restic` against `restic restore` of the same files, snapshotted once into a restic
# repository under $WORK (skipped when restic is not installed, or with RESTIC=0).
if [[ ${RESTIC:-1} != 0 ]] && command -v restic >/dev/null 2>&1; then
    RESTIC_REPO=$WORK/restic-repo
    # A throwaway repository made by this script; the restore test reads the password from the environment.
    export RESTIC_PASSWORD=bench-restic-throwaway
    if [[ ! -f $WORK/.restic-built || $(cat "$WORK/.restic-built") != "$(cat "$WORK/.built")" ]]; then
        echo
        echo "== building a restic repository of the same files in $RESTIC_REPO"
        rm -rf "$RESTIC_REPO" "$WORK/restic-source"
        mkdir -p "$WORK/restic-source"
        tar -xzf "$DATA/site.tar.gz" -C "$WORK/restic-source"
        restic -q -r "$RESTIC_REPO" init
        restic -q -r "$RESTIC_REPO" backup --host bench "$WORK/restic-source"
        rm -rf "$WORK/restic-source"
        cp "$WORK/.built" "$WORK/.restic-built"
    fi
    cat >"$WORK/plan-restic.yaml" <<PLAN
backupSets:
  - name: bench-restic
    target: { type: restic, repository: restic-repo, snapshots: { host: bench } }
    restoreTest:
      restore: { kind: restic }
PLAN
    echo
    echo "== restic $(restic version | cut -d' ' -f2): restic restore against backup-verify restore-test (kind restic)" \
        "(load average before: $(cut -d' ' -f1-3 /proc/loadavg))"

    run_restic() {
        local into=$SCRATCH/by-restic
        rm -rf "$into" && mkdir -p "$into"
        local start end
        start=$(now)
        restic -q -r "$RESTIC_REPO" restore latest --host bench --target "$into" >/dev/null
        end=$(now)
        rm -rf "$into"
        awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
    }

    run_restore_test_restic() {
        local start end
        start=$(now)
        "$JAVA" -jar "$JAR" restore-test "$WORK/plan-restic.yaml" --scratch "$SCRATCH" \
            --json "$WORK/report-restic.json" >/dev/null
        end=$(now)
        awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
    }

    best_restic=""
    best_bv_restic=""
    best_restic_ms=""
    for ((run = 1; run <= RUNS; run++)); do
        r=$(run_restic)
        b=$(run_restore_test_restic)
        restore_ms=$(json_metric "$WORK/report-restic.json" restoreMs)
        echo "run $run: restic restore ${r}s   backup-verify restore-test ${b}s (restore phase ${restore_ms} ms)"
        [[ -z $best_restic ]] || (($(awk -v a="$r" -v b="$best_restic" 'BEGIN { print (a < b) }'))) && best_restic=$r
        [[ -z $best_bv_restic ]] || (($(awk -v a="$b" -v b="$best_bv_restic" 'BEGIN { print (a < b) }'))) \
            && best_bv_restic=$b
        [[ -z $best_restic_ms ]] || ((restore_ms < best_restic_ms)) && best_restic_ms=$restore_ms
    done
    grep -q '"status" *: *"PASS"' "$WORK/report-restic.json" \
        || { echo "error: the restic restore test did not PASS" >&2; exit 1; }
    echo
    echo "best restic restore:                  ${best_restic}s"
    echo "best backup-verify restore-test:      ${best_bv_restic}s (whole command: JVM start, restic snapshots and ls, scratch cleanup, report)"
    echo "best restore phase alone:             $(divide "$best_restic_ms" 1000)s"
    echo "overhead of the whole command:        $(awk -v a="$best_bv_restic" -v b="$best_restic" 'BEGIN { printf "%+.1f%%", (a / b - 1) * 100 }')"
    echo "overhead of the restore phase:        $(awk -v a="$best_restic_ms" -v b="$best_restic" 'BEGIN { printf "%+.1f%%", (a / 1000 / b - 1) * 100 }')"
else
    echo
    echo "== restic comparison skipped (restic not installed, or RESTIC=0)"
fi
