#!/usr/bin/env bash
# The audit over a recorded history (default 1,000 runs of 20 sets): its time after JVM start, its memory at 250,
# 1,000 and 4,000 runs, and the size of a coverage ledger of 100,000 files.
#
# For each history length it prints, best of ROUNDS (default 3) runs of `java -jar backup-verify.jar audit`:
# - the whole process, JVM start to exit (wall), and that minus a bare JVM start of the same jar (`--version`);
# - the audit's own time, reading and auditing the history (`durationMs` in its JSON report);
# - peak RSS (/usr/bin/time) and the Java heap live after each garbage collection (the largest, from -Xlog:gc),
#   which is what the audit holds: flat when it does not grow with the number of runs;
# - the same command through the ./backup-verify wrapper (class-data sharing archive).
# Usage: bench/audit.sh [RUNS (default 1000)] [SETS (default 20)]; BENCH_WORK=DIR for the data.
set -euo pipefail
source "$(dirname "$0")/common.sh"
RUNS=${1:-1000}
SETS=${2:-20}
ROUNDS=${ROUNDS:-3}
ensure_jar
cd "$REPO_DIR"
mvn -q -pl engine -am test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
TIME=/usr/bin/time
[[ -x $TIME ]] || TIME=""
mkdir -p "$BENCH_WORK"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

make_history() { # runs dir [--ledger]
    rm -rf "$2"
    java -cp "engine/target/classes:engine/target/test-classes:$(cat "$cp_file")" \
        io.backupverify.engine.bench.AuditHistoryBenchmark "$2" "$1" "$SETS" "${3:-}"
}

# Best wall-clock seconds, peak RSS (KiB), largest heap after GC (MiB) and the CPU seconds (user + system, all
# threads) of the best of ROUNDS runs of a java command; the JSON report of the best run, when the command writes one
# to $json, is kept as $json.best.
measure() {
    local best=999 rss=0 heap=0 cpu=- json=${JSON_OUT:-}
    for _ in $(seq "$ROUNDS"); do
        local start end took
        rm -f "$BENCH_WORK/gc.log"
        start=$(now)
        if [[ -n $TIME ]]; then
            "$TIME" -f '%M %U %S' -o "$BENCH_WORK/rss" "$@" >/dev/null 2>&1 || true
            local peak used; read -r peak user system < <(tail -1 "$BENCH_WORK/rss")
            used=$(awk -v a="$user" -v b="$system" 'BEGIN { printf "%.2f", a + b }')
            (( peak > rss )) && rss=$peak
        else
            "$@" >/dev/null 2>&1 || true
        fi
        end=$(now)
        took=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
        if [[ -f $BENCH_WORK/gc.log ]]; then
            local live
            live=$(grep -o -- '->[0-9]*M' "$BENCH_WORK/gc.log" | tr -dc '0-9\n' | sort -n | tail -1)
            (( ${live:-0} > heap )) && heap=${live:-0}
        fi
        if awk -v a="$took" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$took
            cpu=${used:--}
            [[ -n $json && -f $json ]] && cp "$json" "$json.best"
        fi
    done
    echo "$best $rss $heap $cpu"
}

./backup-verify --version >/dev/null 2>&1 # builds the wrapper's class-data sharing archive once
read -r start_s start_rss _ start_cpu < <(measure java -jar "$JAR" --version)
echo "== bare JVM start of the jar (--version), best of $ROUNDS: ${start_s}s (${start_cpu} CPU s), peak RSS ${start_rss} KiB"
for runs in 250 "$RUNS" 4000; do
    dir="$BENCH_WORK/audit-$runs"
    echo "== history of $runs runs of $SETS sets in $dir"
    ledger=""
    [[ $runs == "$RUNS" ]] && ledger=--ledger
    make_history "$runs" "$dir" "$ledger" | sed 's/^/   /'
    files=$(find "$dir/history/runs" -name '*.json' | wc -l)
    size=$(du -sk "$dir/history/runs" | cut -f1)
    echo "   $files history files, $size KiB"
    args=(audit "$dir/plan.yaml" --history "$dir/history" --json "$dir/audit.json" --html "$dir/audit.html")
    read -r audit_s audit_rss heap audit_cpu < <(JSON_OUT="$dir/audit.json" measure java -Xlog:gc:file="$BENCH_WORK/gc.log" \
        -jar "$JAR" "${args[@]}")
    own=$(grep -o '"durationMs" *: *[0-9]*' "$dir/audit.json.best" | head -1 | grep -o '[0-9]*$')
    status=$(grep -o '"status" *: *"[A-Z]*"' "$dir/audit.json.best" | head -1 | grep -o '[A-Z]*')
    after=$(awk -v a="$audit_s" -v b="$start_s" 'BEGIN { printf "%.3f", a - b }')
    printf '   java -jar: whole process %ss (%s CPU s; %ss after a bare JVM start); audit own time %s ms (reading + ' \
        "$audit_s" "$audit_cpu" "$after" "$own"
    printf 'auditing); '
    printf 'peak RSS %s KiB; heap live after GC at most %s MiB; verdict %s\n' "$audit_rss" "$heap" "$status"
    read -r wrap_s wrap_rss _ wrap_cpu < <(JSON_OUT="$dir/audit.json" measure ./backup-verify "${args[@]}")
    own=$(grep -o '"durationMs" *: *[0-9]*' "$dir/audit.json.best" | head -1 | grep -o '[0-9]*$')
    printf '   ./backup-verify (CDS, client compiler, serial heap): whole process %ss (%s CPU s), audit own time %s ms, ' \
        "$wrap_s" "$wrap_cpu" "$own"
    printf 'peak RSS %s KiB\n' "$wrap_rss"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
