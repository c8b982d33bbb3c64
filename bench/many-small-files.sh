#!/usr/bin/env bash
# Verifies 100,000 small files with a 64 MiB Java heap and prints the time and the peak resident memory.
#
#   bench/many-small-files.sh
#   COUNT=200000 HEAP=64m bench/many-small-files.sh
#   HISTORY=1 bench/many-small-files.sh      # with --history: the run also keeps the coverage ledger
#
# The files are built once under bench/work/small-files (gitignored; BENCH_WORK moves it) and reused.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

COUNT=${COUNT:-100000}
PER_DIR=1000
FILE_BYTES=${FILE_BYTES:-4096}
HEAP=${HEAP:-64m}
THREADS=${THREADS:-$(nproc)}
HISTORY=${HISTORY:-0}
WORK=$BENCH_WORK/small-files
DATA=$WORK/backups/bench-2026-01-01

need sha256sum
need split
need "$JAVA"
ensure_jar

build_data() {
    local dirs=$(((COUNT + PER_DIR - 1) / PER_DIR))
    for ((d = 0; d < dirs; d++)); do
        local in_dir=$((COUNT - d * PER_DIR < PER_DIR ? COUNT - d * PER_DIR : PER_DIR))
        local dir="$DATA/dir-$(printf '%04d' "$d")"
        mkdir -p "$dir"
        head -c $((in_dir * FILE_BYTES)) /dev/urandom | split -b "$FILE_BYTES" -a 4 -d - "$dir/file-"
    done
    (cd "$DATA" && find . -type f ! -name SHA256SUMS -printf '%P\0' | sort -z | xargs -0 sha256sum -- >SHA256SUMS)
}
build_once "$COUNT files of $FILE_BYTES bytes" build_data

listed=$(wc -l <"$DATA/SHA256SUMS")
echo "== verifying $listed files with -Xmx$HEAP, $THREADS threads, history: $HISTORY (load average" \
    "$(cut -d' ' -f1-3 /proc/loadavg))"
command=("$JAVA" "-Xmx$HEAP" -jar "$JAR" verify "$WORK/plan.yaml" --threads "$THREADS" --no-progress
    --json "$WORK/report.json")
if [[ $HISTORY == 1 ]]; then
    # A fresh history each time: the ledger starts empty, as on a set's first run.
    rm -rf "$WORK/history"
    command+=(--history "$WORK/history")
fi
status=0
if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v "${command[@]}" >"$WORK/verify.out" 2>"$WORK/time.out" || status=$?
else
    echo "note: /usr/bin/time is not installed (apt-get install time); peak memory cannot be measured" >&2
    start=$(now)
    "${command[@]}" >"$WORK/verify.out" 2>&1 || status=$?
    end=$(now)
fi
if ((status != 0)); then
    echo "error: backup-verify exited with $status:" >&2
    cat "$WORK/verify.out" >&2
    [[ -f $WORK/time.out ]] && grep -v "^\s" "$WORK/time.out" >&2
    exit 1
fi

echo
echo "command:        ${command[*]}"
echo "verified files: $(json_metric "$WORK/report.json" verifiedFiles) of $listed"
echo "check time:     $(json_metric "$WORK/report.json" durationMs) ms (integrity check alone)"
if [[ -f $WORK/time.out ]]; then
    elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$WORK/time.out")
    rss_kib=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.out")
    echo "wall time:      $elapsed (whole command, JVM start included)"
    cpu=$(awk -F': ' '/User time|System time/ { total += $2 } END { printf "%.1f", total }' "$WORK/time.out")
    echo "CPU time:       $cpu s (user + system, whole command; steadier than wall time on a busy machine)"
    echo "peak RSS:       $((rss_kib / 1024)) MiB (heap limited to $HEAP; the rest is the JVM itself)"
else
    echo "wall time:      $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')s"
    echo "peak RSS:       not measured (/usr/bin/time missing)"
fi
