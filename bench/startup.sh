#!/usr/bin/env bash
# The fixed cost of every command: `java -jar backup-verify.jar` (and the ./backup-verify wrapper, which maps a
# class-data sharing archive) on a plan whose work is next to nothing (one 64 KiB file), so that what is measured is
# JVM start, command line, plan, set-up and reports.
#
#   bench/startup.sh                                    # 11 runs of each, medians of wall and CPU time
#   RUNS=21 bench/startup.sh
#   BASELINE_JAR=/tmp/old/backup-verify.jar bench/startup.sh   # alternates with another build of the jar
#   WRAPPER=0 bench/startup.sh                          # java -jar only
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

# The runners: java -jar with this build's jar (jar:PATH), with BASELINE_JAR, and the wrapper (wrapper:PATH), which
# runs this checkout's jar.
jars=("jar:$JAR")
if [[ -n ${BASELINE_JAR:-} ]]; then
    [[ -f $BASELINE_JAR ]] || { echo "error: BASELINE_JAR $BASELINE_JAR not found" >&2; exit 2; }
    jars+=("jar:$BASELINE_JAR")
fi
if [[ ${WRAPPER:-1} == 1 && $JAR -ef $REPO_DIR/cli/target/backup-verify.jar ]]; then
    jars+=("wrapper:$REPO_DIR/backup-verify")
fi
label() {
    case $1 in
        jar:*) echo "java -jar ${1#jar:}" ;;
        wrapper:*) echo "${1#wrapper:}" ;;
    esac
}
commands=(verify restore-test)

# The arguments of one run of $1 (verify or restore-test), in the array ARGS.
command_args() {
    ARGS=("$1" "$WORK/plan.yaml" --json "$WORK/report.json")
    [[ $1 == verify ]] && ARGS+=(--no-progress)
    [[ $1 == restore-test ]] && ARGS+=(--scratch "$WORK/scratch")
    return 0
}

# Wall and CPU (user + system) seconds of one run, appended to $WORK/<jar index>.<command>.{wall,cpu}. Without
# /usr/bin/time only the wall time is taken.
TIMES=$WORK/times.out
run_once() {
    local index=$1 command=$2 runner
    case ${jars[$1]} in
        jar:*) runner=("$JAVA" -jar "${jars[$1]#jar:}") ;;
        wrapper:*) runner=("${jars[$1]#wrapper:}") ;;
    esac
    command_args "$command"
    local status=0
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -f "%e %U %S" -o "$TIMES" "${runner[@]}" "${ARGS[@]}" >/dev/null 2>"$WORK/stderr" || status=$?
    else
        local start end
        start=$(now)
        "${runner[@]}" "${ARGS[@]}" >/dev/null 2>"$WORK/stderr" || status=$?
        end=$(now)
        awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f ? ?\n", b - a }' >"$TIMES"
    fi
    if ((status != 0)); then
        echo "error: $(label "${jars[$index]}") $command exited $status (expected 0, PASS):" >&2
        cat "$WORK/stderr" >&2
        exit 1
    fi
    cut -d' ' -f1 "$TIMES" >>"$WORK/$index.$command.wall"
    awk '{ if ($2 == "?") print "?"; else printf "%.2f\n", $2 + $3 }' "$TIMES" >>"$WORK/$index.$command.cpu"
}
median() { sort -g "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

rm -f "$WORK"/*.wall "$WORK"/*.cpu
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# One untimed run of each first: the page cache then holds the jar and the JDK for every timed run (and the wrapper
# records its class-data sharing archive).
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
        printf '%-14s %-64s wall %5ss  CPU %5ss\n' "$command" "$(label "${jars[$index]}")" \
            "$(median "$WORK/$index.$command.wall")" "$(median "$WORK/$index.$command.cpu")"
    done
done

# What one java -jar run of each command loads (-Xlog:class+load): every class loaded, those read from the jar (the
# JDK's own come mostly from its class-data sharing archive, which costs far less), and the jar's by library. A
# library that a local run does not use (picocli on a plain command line, the S3/Azure/SFTP clients, SLF4J, Jackson
# databind) should not be there.
echo
echo "classes loaded by one java -jar run ($JAR):"
for command in "${commands[@]}"; do
    classes=$WORK/classes.$command.log
    command_args "$command"
    "$JAVA" -Xlog:class+load:file="$classes" -jar "$JAR" "${ARGS[@]}" >/dev/null 2>&1
    printf '%-14s %5d classes, %4d from the jar:' "$command" "$(grep -c . "$classes")" \
        "$(grep -c 'source: file:' "$classes")"
    grep 'source: file:' "$classes" | awk '{ print $(NF - 2) }' | awk -F. '
        /^io\.backupverify\.cli\./ { n["cli"]++; next }
        /^io\.backupverify\.engine\./ { n["engine"]++; next }
        { n[NF > 2 ? $1 "." $2 : $1]++ }
        END { for (k in n) printf "%d %s\n", n[k], k }' | sort -rn | awk '{ printf " %s %d,", $2, $1 }' | sed 's/,$//'
    echo
done
