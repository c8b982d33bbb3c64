#!/usr/bin/env bash
# The fixed cost of every command: `java -jar backup-verify.jar` on a plan whose work is next to nothing (one
# 64 KiB file), so that what is measured is JVM start, command line, plan, set-up and reports.
#
#   bench/startup.sh                                    # 11 runs of each, medians of wall and CPU time
#   RUNS=21 bench/startup.sh
#   BASELINE_JAR=/tmp/old/backup-verify.jar bench/startup.sh   # alternates with another build of the jar
#
# The data is made once under bench/work/startup (gitignored; BENCH_WORK moves it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RUNS=${RUNS:-11}
WORK=$BENCH_WORK/startup
DATA=$WORK/backups/tiny-2026-01-01

need "$JAVA"
need sha256sum
ensure_jar

build_data() {
    head -c 65536 /dev/urandom >"$DATA/data.bin"
    (cd "$DATA" && sha256sum -- data.bin >SHA256SUMS)
}
build_once "one 64 KiB file" build_data
# One set, one integrity check, and a restore test that copies the file and checks it against the manifest: the
# smallest plan that runs the whole path of verify and of restore-test.
cat >"$WORK/plan.yaml" <<'PLAN'
backupSets:
  - name: tiny
    target: { type: local, path: backups }
    layout: { kind: directory-per-backup, namePattern: "tiny-{yyyy-MM-dd}" }
    checks:
      integrity: { manifest: SHA256SUMS, sample: 100% }
    restoreTest:
      restore: { kind: files }
      validate: [ { checksums: SHA256SUMS } ]
PLAN
mkdir -p "$WORK/scratch"

jars=("$JAR")
if [[ -n ${BASELINE_JAR:-} ]]; then
    [[ -f $BASELINE_JAR ]] || { echo "error: BASELINE_JAR $BASELINE_JAR not found" >&2; exit 2; }
    jars+=("$BASELINE_JAR")
fi
commands=(verify restore-test)

# Wall and CPU (user + system) seconds of one run, appended to $WORK/<jar index>.<command>.{wall,cpu}. Without
# /usr/bin/time only the wall time is taken.
TIMES=$WORK/times.out
run_once() {
    local index=$1 command=$2 jar=${jars[$1]}
    local args=("$command" "$WORK/plan.yaml" --json "$WORK/report.json")
    [[ $command == verify ]] && args+=(--no-progress)
    [[ $command == restore-test ]] && args+=(--scratch "$WORK/scratch")
    local status=0
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -f "%e %U %S" -o "$TIMES" "$JAVA" -jar "$jar" "${args[@]}" >/dev/null 2>"$WORK/stderr" || status=$?
    else
        local start end
        start=$(now)
        "$JAVA" -jar "$jar" "${args[@]}" >/dev/null 2>"$WORK/stderr" || status=$?
        end=$(now)
        awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f ? ?\n", b - a }' >"$TIMES"
    fi
    if ((status != 0)); then
        echo "error: $jar $command exited $status (expected 0, PASS):" >&2
        cat "$WORK/stderr" >&2
        exit 1
    fi
    cut -d' ' -f1 "$TIMES" >>"$WORK/$index.$command.wall"
    awk '{ if ($2 == "?") print "?"; else printf "%.2f\n", $2 + $3 }' "$TIMES" >>"$WORK/$index.$command.cpu"
}
median() { sort -g "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

rm -f "$WORK"/*.wall "$WORK"/*.cpu
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# One untimed run of each first: the page cache then holds the jar and the JDK for every timed run.
for index in "${!jars[@]}"; do
    for command in "${commands[@]}"; do
        run_once "$index" "$command"
    done
done
rm -f "$WORK"/*.wall "$WORK"/*.cpu
for ((run = 1; run <= RUNS; run++)); do
    for command in "${commands[@]}"; do
        for index in "${!jars[@]}"; do
            run_once "$index" "$command"
        done
    done
done

echo
echo "java:          $("$JAVA" -version 2>&1 | sed -n 1p), $(nproc) CPUs"
echo "load average:  $(cut -d' ' -f1-3 /proc/loadavg) after the runs (other work on the machine slows the wall times)"
echo "runs:          $RUNS of each, alternating; medians"
for index in "${!jars[@]}"; do
    for command in "${commands[@]}"; do
        printf '%-14s %-48s wall %5ss  CPU %5ss\n' "$command" "${jars[$index]}" \
            "$(median "$WORK/$index.$command.wall")" "$(median "$WORK/$index.$command.cpu")"
    done
done
