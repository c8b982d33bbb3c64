#!/usr/bin/env bash
# Times `gzip -t` against the readable check of `backup-verify verify` on the same 2 GiB of .tar.gz files.
#
#   bench/readable-throughput.sh            # 2 GiB of .tar.gz in 8 files, best of 3 alternating runs each
#   SIZE_MIB=512 FILES=4 RUNS=3 bench/readable-throughput.sh
#
# The data is built once under bench/work/readable (gitignored; BENCH_WORK moves it) and reused.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SIZE_MIB=${SIZE_MIB:-2048}
FILES=${FILES:-8}
RUNS=${RUNS:-3}
THREADS=${THREADS:-$(nproc)}
WORK=$BENCH_WORK/readable
DATA=$WORK/backups/bench-2026-01-01

need gzip
need tar
need base64
need "$JAVA"
ensure_jar

# Text that compresses about as well as a database dump (base64 of random bytes, 3:4 with gzip), so that the
# .tar.gz files together are about SIZE_MIB; built by several gzip processes at once.
build_data() {
    local per_file=$((SIZE_MIB * 1024 * 1024 / FILES * 4 / 3))
    for ((i = 0; i < FILES; i++)); do
        (
            part="$DATA/part-$i"
            mkdir -p "$part"
            head -c $((per_file * 3 / 4)) /dev/urandom | base64 -w 120 >"$part/dump.sql"
            tar -C "$DATA" -cf - "part-$i" | gzip -1 >"$DATA/archive-$(printf '%02d' "$i").tar.gz"
            rm -r "$part"
        ) &
        if (((i + 1) % $(nproc) == 0)); then wait; fi
    done
    wait
}
build_once "$SIZE_MIB MiB of .tar.gz in $FILES files" build_data
write_plan "$WORK" "readable: { scope: latest }"

bytes=$(du -sb --apparent-size "$DATA" | cut -f1)
echo "== warming the page cache (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
cat "$DATA"/* >/dev/null

TIMES=$WORK/times.out
timed() { /usr/bin/time -f "%e %U %S" -o "$TIMES" "$@"; }
wall() { cut -d' ' -f1 "$TIMES"; }
cpu() { awk '{ printf "%.2f\n", $2 + $3 }' "$TIMES"; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
need /usr/bin/time

: >"$WORK/gzip.walls" ; : >"$WORK/bv.walls"; : >"$WORK/check.ms"; : >"$WORK/gzip.cpu"; : >"$WORK/bv.cpu"
for ((run = 1; run <= RUNS; run++)); do
    timed gzip -t "$DATA"/*.tar.gz
    echo "   run $run  gzip -t:               $(wall)s wall, $(cpu)s CPU (one file after another, one core)"
    wall >>"$WORK/gzip.walls"; cpu >>"$WORK/gzip.cpu"

    status=0
    timed "$JAVA" -jar "$JAR" verify "$WORK/plan.yaml" --threads "$THREADS" --no-progress \
        --json "$WORK/report.json" >"$WORK/verify.out" 2>&1 || status=$?
    if ((status != 0)); then
        echo "error: backup-verify exited with $status:" >&2
        cat "$WORK/verify.out" >&2
        exit 1
    fi
    check_ms=$(json_metric "$WORK/report.json" durationMs)
    echo "   run $run  backup-verify verify:  $(wall)s wall, $(cpu)s CPU (readable check alone ${check_ms} ms," \
        "$THREADS threads)"
    wall >>"$WORK/bv.walls"; cpu >>"$WORK/bv.cpu"; echo "$check_ms" >>"$WORK/check.ms"
done

mib=$(divide "$bytes" 1048576)
gzip_wall=$(median <"$WORK/gzip.walls")
bv_wall=$(median <"$WORK/bv.walls")
check_s=$(divide "$(median <"$WORK/check.ms")" 1000)
echo
echo "data:                        $bytes bytes of .tar.gz in $FILES files ($(nproc) CPUs, load average now $(cut -d' ' -f1-3 /proc/loadavg))"
echo "gzip -t:                     ${gzip_wall}s  $(divide "$mib" "$gzip_wall") MiB/s  (median of $RUNS; CPU $(median <"$WORK/gzip.cpu")s)"
echo "backup-verify verify:        ${bv_wall}s  $(divide "$mib" "$bv_wall") MiB/s  (whole command; CPU $(median <"$WORK/bv.cpu")s)"
echo "readable check alone:        ${check_s}s  $(divide "$mib" "$check_s") MiB/s"
echo "ratio (check / gzip -t):     $(divide "$gzip_wall" "$check_s")x   (command / gzip -t: $(divide "$gzip_wall" "$bv_wall")x)"
echo "CPU per GiB:                 gzip -t $(divide "$(median <"$WORK/gzip.cpu")" "$(divide "$mib" 1024)")s," \
    "backup-verify $(divide "$(median <"$WORK/bv.cpu")" "$(divide "$mib" 1024)")s"
