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

# By hand: a fresh folder, tar -xzf into it, and the folder removed again, as the restore test removes its scratch
# folder. Prints the time of tar alone and of the whole job.
run_tar() {
    local into=$SCRATCH/by-tar
    rm -rf "$into"
    local start extracted end
    start=$(now)
    mkdir -p "$into"
    tar -xzf "$DATA/site.tar.gz" -C "$into"
    extracted=$(now)
    rm -rf "$into"
    end=$(now)
    awk -v a="$start" -v b="$extracted" -v c="$end" 'BEGIN { printf "%.3f %.3f\n", b - a, c - a }'
}

run_restore_test() {
    local start end
    start=$(now)
    "$JAVA" -jar "$JAR" restore-test "$WORK/plan.yaml" --scratch "$SCRATCH" --json "$WORK/report.json" >/dev/null
    end=$(now)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
lowest() { sort -n | head -1; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f%%", (a / b - 1) * 100 }'; }

: >"$WORK/tar.s"; : >"$WORK/tar-rm.s"; : >"$WORK/bv.s"; : >"$WORK/phases.s"
for ((run = 1; run <= RUNS; run++)); do
    read -r t trm < <(run_tar)
    b=$(run_restore_test)
    grep -q '"status" *: *"PASS"' "$WORK/report.json" || { echo "error: the restore test did not PASS" >&2; exit 1; }
    phases=$(divide $(( $(json_metric "$WORK/report.json" fetchMs) + $(json_metric "$WORK/report.json" restoreMs) )) 1000)
    echo "run $run: tar -xzf ${t}s (with mkdir and rm -rf ${trm}s)   backup-verify restore-test ${b}s" \
        "(fetch+restore phases ${phases}s)"
    echo "$t" >>"$WORK/tar.s"; echo "$trm" >>"$WORK/tar-rm.s"; echo "$b" >>"$WORK/bv.s"; echo "$phases" >>"$WORK/phases.s"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)"
for stat in lowest median; do
    tar_s=$($stat <"$WORK/tar.s"); tar_rm=$($stat <"$WORK/tar-rm.s"); bv=$($stat <"$WORK/bv.s")
    phases=$($stat <"$WORK/phases.s")
    echo "$stat of $RUNS:"
    echo "  tar -xzf:                           ${tar_s}s"
    echo "  mkdir + tar -xzf + rm -rf:          ${tar_rm}s (the same job: the restore test removes its scratch folder)"
    echo "  backup-verify restore-test:         ${bv}s (whole command: JVM start, plan, extraction with every check," \
        "scratch removal, report)"
    echo "  its fetch+restore phases alone:     ${phases}s"
    echo "  whole command against the same job: $(percent "$bv" "$tar_rm")  (ratio $(divide "$bv" "$tar_rm")x; target: at most 1.10x)"
    echo "  whole command against tar alone:     $(percent "$bv" "$tar_s")  (ratio $(divide "$bv" "$tar_s")x)"
    echo "  restore phases against tar alone:    $(percent "$phases" "$tar_s")"
done

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

    # Prints the seconds of restic restore alone, then of the same job with mkdir and rm -rf.
    run_restic() {
        local into=$SCRATCH/by-restic
        local start restored end
        start=$(now)
        mkdir -p "$into"
        restic -q -r "$RESTIC_REPO" restore latest --host bench --target "$into" >/dev/null
        restored=$(now)
        rm -rf "$into"
        end=$(now)
        awk -v a="$start" -v b="$restored" -v c="$end" 'BEGIN { printf "%.3f %.3f\n", b - a, c - a }'
    }

    run_restore_test_restic() {
        local start end
        start=$(now)
        "$JAVA" -jar "$JAR" restore-test "$WORK/plan-restic.yaml" --scratch "$SCRATCH" \
            --json "$WORK/report-restic.json" >/dev/null
        end=$(now)
        awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
    }

    : >"$WORK/restic.s"; : >"$WORK/restic-rm.s"; : >"$WORK/bv-restic.s"; : >"$WORK/phase-restic.s"
    for ((run = 1; run <= RUNS; run++)); do
        read -r r rrm < <(run_restic)
        b=$(run_restore_test_restic)
        grep -q '"status" *: *"PASS"' "$WORK/report-restic.json" \
            || { echo "error: the restic restore test did not PASS" >&2; exit 1; }
        phase=$(divide "$(json_metric "$WORK/report-restic.json" restoreMs)" 1000)
        echo "run $run: restic restore ${r}s (with mkdir and rm -rf ${rrm}s)   backup-verify restore-test ${b}s" \
            "(restore phase ${phase}s)"
        echo "$r" >>"$WORK/restic.s"; echo "$rrm" >>"$WORK/restic-rm.s"; echo "$b" >>"$WORK/bv-restic.s"
        echo "$phase" >>"$WORK/phase-restic.s"
    done
    echo
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)"
    for stat in lowest median; do
        r=$($stat <"$WORK/restic.s"); rrm=$($stat <"$WORK/restic-rm.s"); b=$($stat <"$WORK/bv-restic.s")
        phase=$($stat <"$WORK/phase-restic.s")
        echo "$stat of $RUNS:"
        echo "  restic restore:                     ${r}s"
        echo "  mkdir + restic restore + rm -rf:    ${rrm}s (the same job: the restore test removes its scratch folder)"
        echo "  backup-verify restore-test:         ${b}s (whole command: JVM start, restic snapshots and ls," \
            "restore, scratch removal, report)"
        echo "  its restore phase alone:            ${phase}s"
        echo "  whole command against the same job: $(percent "$b" "$rrm")  (ratio $(divide "$b" "$rrm")x)"
        echo "  restore phase against restic alone: $(percent "$phase" "$r")"
    done
else
    echo
    echo "== restic comparison skipped (restic not installed, or RESTIC=0)"
fi
