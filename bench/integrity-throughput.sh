#!/usr/bin/env bash
# Times `sha256sum -c` against `backup-verify verify` on the same 2 GiB in 200 files, page cache warm.
#
#   bench/integrity-throughput.sh            # 2 GiB in 200 files, best of 5 alternating runs each
#   SIZE_MIB=512 FILES=50 RUNS=5 THREADS=2 bench/integrity-throughput.sh
#
# The data is built once under bench/work/throughput (gitignored; BENCH_WORK moves it) and reused.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SIZE_MIB=${SIZE_MIB:-2048}
FILES=${FILES:-200}
RUNS=${RUNS:-5}
THREADS=${THREADS:-$(nproc)}
WORK=$BENCH_WORK/throughput
DATA=$WORK/backups/bench-2026-01-01

need sha256sum
need "$JAVA"
ensure_jar

build_data() {
    local per_file=$((SIZE_MIB * 1024 * 1024 / FILES))
    for ((i = 0; i < FILES; i++)); do
        head -c "$per_file" /dev/urandom >"$DATA/part-$(printf '%04d' "$i").bin"
    done
    (cd "$DATA" && sha256sum -- part-*.bin >SHA256SUMS)
}
build_once "$SIZE_MIB MiB in $FILES files" build_data

bytes=$(du -sb --apparent-size "$DATA" | cut -f1)
available_kib=$(awk '/MemAvailable/ { print $2 }' /proc/meminfo)
if ((available_kib * 1024 < bytes * 2)); then
    echo "warning: only $((available_kib / 1024)) MiB of memory available; the page cache may not hold the data" >&2
fi

echo "== warming the page cache (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
cat "$DATA"/* >/dev/null
cat "$DATA"/* >/dev/null

# Runs alternate (sha256sum, backup-verify, sha256sum, ...) so that both see the same machine load;
# the best run of each is compared, being the one least disturbed by anything else running. With /usr/bin/time
# the CPU seconds (user + system) of each run are shown too: they do not depend on the machine's load.
TIMES=$WORK/times.out
timed() {
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -f "%e %U %S" -o "$TIMES" "$@"
    else
        local start end
        start=$(now)
        "$@"
        end=$(now)
        awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f ? ?\n", b - a }' >"$TIMES"
    fi
}
wall() { cut -d' ' -f1 "$TIMES"; }
cpu() { awk '{ if ($2 == "?") print "?"; else printf "%.2f", $2 + $3 }' "$TIMES"; }
faster() {
    [[ -z $2 ]] || awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'
}

# backup-verify is run as the README says, through the ./backup-verify wrapper, whose first run prepares its
# class-data sharing archive: that run is made here, untimed.
"$REPO_DIR/backup-verify" validate "$WORK/plan.yaml" >/dev/null

best_sha="" best_sha_cpu="" best_bv="" best_bv_cpu="" best_check_ms=""
for ((run = 1; run <= RUNS; run++)); do
    (cd "$DATA" && timed sha256sum -c --quiet SHA256SUMS)
    echo "   run $run  sha256sum -c:          $(wall)s wall, $(cpu)s CPU"
    if faster "$(wall)" "$best_sha"; then best_sha=$(wall) best_sha_cpu=$(cpu); fi

    status=0
    timed "$REPO_DIR/backup-verify" verify "$WORK/plan.yaml" --threads "$THREADS" --no-progress \
        --json "$WORK/report.json" >"$WORK/verify.out" 2>&1 || status=$?
    if ((status != 0)); then
        echo "error: backup-verify exited with $status:" >&2
        cat "$WORK/verify.out" >&2
        exit 1
    fi
    check_ms=$(json_metric "$WORK/report.json" durationMs)
    echo "   run $run  backup-verify verify:  $(wall)s wall, $(cpu)s CPU (integrity check alone ${check_ms} ms," \
        "$THREADS threads)"
    if faster "$(wall)" "$best_bv"; then best_bv=$(wall) best_bv_cpu=$(cpu); fi
    if faster "$check_ms" "$best_check_ms"; then best_check_ms=$check_ms; fi
done

mib=$(divide "$bytes" 1048576)
sha_rate=$(divide "$mib" "$best_sha")
bv_rate=$(divide "$mib" "$best_bv")
check_rate=$(divide "$mib" "$(divide "$best_check_ms" 1000)")
echo
echo "data:                         $bytes bytes in $FILES files ($(nproc) CPUs, $("$JAVA" -version 2>&1 | sed -n 1p))"
echo "sha256sum -c:                 ${best_sha}s  ${sha_rate} MiB/s  (${best_sha_cpu}s CPU)"
echo "backup-verify verify:         ${best_bv}s  ${bv_rate} MiB/s  (${best_bv_cpu}s CPU; whole command, JVM start included)"
echo "integrity check alone:        $(divide "$best_check_ms" 1000)s  ${check_rate} MiB/s"
echo "load average after:           $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows both sides)"
echo "ratio (command / sha256sum):  $(divide "$bv_rate" "$sha_rate")x"
echo "ratio (check / sha256sum):    $(divide "$check_rate" "$sha_rate")x"
if [[ $best_sha_cpu != "?" ]]; then
    echo "CPU seconds per GiB:          sha256sum $(divide "$best_sha_cpu" "$(divide "$mib" 1024)"),"\
        "backup-verify $(divide "$best_bv_cpu" "$(divide "$mib" 1024)")"
fi
