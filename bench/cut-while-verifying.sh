#!/usr/bin/env bash
# Stress, not speed: runs `backup-verify verify` (integrity of every file, files of 1 MiB and more are mapped) again
# and again while another process cuts the backup's files short at random moments, as a job still writing them or
# rewriting them would: `truncate -s N`, a shell's `>` followed by the rewrite, or a new copy renamed over the file.
# Every run must end with its own verdict (exit 0 PASS, 2 FAIL or 3 ERROR; 1 WARN) and a JSON report; a run that
# ends any other way, or whose output has the JDK's "Cleaner terminated abnormally" (the JVM ending itself with
# exit 1, the code of WARN, and no report), is counted and printed.
#
#   bench/cut-while-verifying.sh                      # 40 runs of 48 files of 4 MiB, 2 threads
#   RUNS=200 FILES=96 bench/cut-while-verifying.sh
#   JAR=/path/to/other/backup-verify.jar bench/cut-while-verifying.sh   # an earlier build, to compare
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RUNS=${RUNS:-40}
FILES=${FILES:-48}
SIZE_KIB=${SIZE_KIB:-4096}
THREADS=${THREADS:-2}
WORK=$BENCH_WORK/cut-while-verifying
DATA=$WORK/backups/bench-2026-01-01
PRISTINE=$WORK/pristine

need truncate
need sha256sum
need "$JAVA"
ensure_jar

build_data() {
    mkdir -p "$PRISTINE"
    for ((i = 0; i < FILES; i++)); do
        head -c "$((SIZE_KIB * 1024))" /dev/urandom >"$PRISTINE/part-$(printf '%04d' "$i").bin"
    done
    (cd "$PRISTINE" && sha256sum -- part-*.bin >SHA256SUMS)
    cp "$PRISTINE"/* "$DATA"/
}
build_once "$FILES files of $SIZE_KIB KiB" build_data

# Cuts a random file in one of three ways, puts it back, and again, until killed.
cutter() {
    local names=("$PRISTINE"/part-*.bin)
    while :; do
        local pick=${names[RANDOM % ${#names[@]}]}
        local file=$DATA/${pick##*/}
        case $((RANDOM % 3)) in
            0) truncate -s "$((RANDOM * (SIZE_KIB / 32)))" "$file" && cp "$pick" "$file" ;;
            1) : >"$file" && cp "$pick" "$file" ;;
            *) cp "$pick" "$WORK/replacement" && mv -f "$WORK/replacement" "$file" ;;
        esac
    done
}

echo "== $RUNS runs of $JAR verify (${THREADS} threads) over $FILES files of $SIZE_KIB KiB while they are cut short"
echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cutter &
cutter_pid=$!
trap 'kill "$cutter_pid" 2>/dev/null || true' EXIT
declare -A codes=()
bad=0
for ((run = 1; run <= RUNS; run++)); do
    rm -f "$WORK/report.json"
    status=0
    "$JAVA" -jar "$JAR" verify "$WORK/plan.yaml" --threads "$THREADS" --no-progress --json "$WORK/report.json" \
        >"$WORK/verify.out" 2>&1 || status=$?
    codes[$status]=$((${codes[$status]:-0} + 1))
    if grep -q "Cleaner terminated abnormally" "$WORK/verify.out" || [[ ! -s $WORK/report.json ]] \
        || ((status > 3)); then
        bad=$((bad + 1))
        echo "   run $run: exit $status without a verdict of its own:"
        sed -n 1,12p "$WORK/verify.out" | sed 's/^/     /'
    fi
done
kill "$cutter_pid" 2>/dev/null || true
wait "$cutter_pid" 2>/dev/null || true
trap - EXIT
printf '   exit codes:'
for code in "${!codes[@]}"; do
    printf ' %s×%s' "${codes[$code]}" "$code"
done
echo
echo "runs that ended without their own verdict and report: $bad of $RUNS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
((bad == 0))
