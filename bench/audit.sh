#!/usr/bin/env bash
# Times `backup-verify audit` over a recorded history (default 1,000 runs of 20 sets) from JVM start to exit, with
# peak memory, against a bare JVM start of the same jar; then the same audit over 250 and 4,000 runs to show how
# memory grows; and prints the size of a coverage ledger of 100,000 files.
# Usage: bench/audit.sh [RUNS (default 1000)] [SETS (default 20)]
set -euo pipefail
source "$(dirname "$0")/common.sh"
RUNS=${1:-1000}
SETS=${2:-20}
ROUNDS=${ROUNDS:-5}
ensure_jar
cd "$REPO_DIR"
mvn -q -pl engine -am test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
TIME=/usr/bin/time
[[ -x $TIME ]] || TIME=""

make_history() { # runs dir
    rm -rf "$2"
    java -cp "engine/target/classes:engine/target/test-classes:$(cat "$cp_file")" \
        io.backupverify.engine.bench.AuditHistoryBenchmark "$2" "$1" "$SETS"
}

# best wall-clock seconds and peak RSS (KiB) of ROUNDS runs of a command
measure() {
    local best=999 rss=0
    for _ in $(seq "$ROUNDS"); do
        local start end took
        start=$(now)
        if [[ -n $TIME ]]; then
            "$TIME" -f '%M' -o "$BENCH_WORK/rss" "$@" >/dev/null 2>&1 || true
            local peak; peak=$(tail -1 "$BENCH_WORK/rss")
            (( peak > rss )) && rss=$peak
        else
            "$@" >/dev/null 2>&1 || true
        fi
        end=$(now)
        took=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
        best=$(awk -v a="$best" -v b="$took" 'BEGIN { print (b < a) ? b : a }')
    done
    echo "$best $rss"
}

mkdir -p "$BENCH_WORK"
for runs in 250 "$RUNS" 4000; do
    dir="$BENCH_WORK/audit-$runs"
    echo "== history of $runs runs of $SETS sets in $dir"
    make_history "$runs" "$dir"
    files=$(find "$dir/history/runs" -name '*.json' | wc -l)
    size=$(du -sk "$dir/history/runs" | cut -f1)
    read -r audit_s audit_rss < <(measure java -jar "$JAR" audit "$dir/plan.yaml" --history "$dir/history" \
        --json "$dir/audit.json" --html "$dir/audit.html")
    status=$(grep -o '"status" *: *"[A-Z]*"' "$dir/audit.json" | head -1)
    printf '   %d history files, %d KiB; audit (JVM start to exit, best of %d): %ss, peak RSS %s KiB; %s\n' \
        "$files" "$size" "$ROUNDS" "$audit_s" "$audit_rss" "$status"
done
read -r start_s start_rss < <(measure java -jar "$JAR" --version)
echo "== bare JVM start of the same jar (--version): ${start_s}s, peak RSS ${start_rss} KiB"
