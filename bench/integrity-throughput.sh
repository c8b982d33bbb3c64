#!/usr/bin/env bash
# Measures integrity on 2 GiB in 200 files, page cache warm, against what the CPU can hash: `openssl speed -multi
# $(nproc) -evp sha256` measured in the same run is the limit, and the integrity check (its own duration) and the
# whole `backup-verify verify` command are given as shares of it, for `java -jar` and the `./backup-verify`
# wrapper, besides the ratio to `sha256sum -c`.
#
#   bench/integrity-throughput.sh            # 2 GiB in 200 files, 5 alternating runs each, medians and bests
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
need openssl
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

# The page cache holds a file in pieces ("folios") whose size depends on how it got there: files just written by
# small writes sit in 4 KiB pages, files read back from disk in the larger pieces readahead makes, which are mapped
# and copied at about half the kernel time. So that every run measures the same state, whatever happened to the
# data since it was built, the bench drops its own files from the cache (GNU dd iflag=nocache, for these files
# only) and reads them back, as a backup written earlier and read since would be. RECACHE=0 keeps the cache as is.
if [[ ${RECACHE:-1} == 1 ]]; then
    echo "== dropping the bench files from the page cache and reading them back"
    for file in "$DATA"/*; do
        dd if="$file" iflag=nocache count=0 status=none
    done
fi
echo "== warming the page cache (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
cat "$DATA"/* >/dev/null
cat "$DATA"/* >/dev/null

# The limit: what openssl hashes on every processor at once (1 MiB blocks, 2 s), taken before and after the runs;
# the higher one is used. With -multi the rate is counted over wall time, so on a busy machine it is what openssl
# got of the processors then. One openssl process (no -multi) divides by its own user CPU time instead: that
# rate per core does not depend on the load, and is used for the CPU-time shares.
openssl_rate() {
    openssl speed "$@" -evp sha256 -bytes 1048576 -seconds 2 2>/dev/null \
        | awk '/^sha256 / { v = $NF; sub(/k$/, "", v); printf "%.0f\n", v * 1000 }' | tail -1
}
echo "== openssl speed -multi $(nproc) -evp sha256 -bytes 1048576 -seconds 2"
limit_before=$(openssl_rate -multi "$(nproc)")
per_core=$(openssl_rate)
echo "   limit before the runs: $(divide "$limit_before" 1000000) MB/s ($(divide "$per_core" 1000000) MB per CPU second on one core)"

# Where a check's CPU time goes, per CPU second of one thread: the JDK's SHA-256 on bytes in the processor's cache
# (its digest rate, to compare with openssl's), and over these files from the page cache, mapped and read. With
# every processor hashing at the mapped rate, the check would reach "ceiling"; it cannot do better with the JDK's
# digest, whose SHA-256 takes only arrays, so every byte is copied out of the page cache once.
intrinsic=$("$JAVA" -XX:+UnlockDiagnosticVMOptions -XX:+PrintFlagsFinal -version 2>/dev/null \
    | awk '$2 == "UseSHA256Intrinsics" { print $4 }')
echo "== JDK SHA-256 per CPU second (bench/DigestRates.java; SHA-256 intrinsic: ${intrinsic:-unknown})"
RATES=$WORK/rates.out
"$JAVA" "$BENCH_DIR/DigestRates.java" "$DATA" "$THREADS" >"$RATES"
rate_of() { awk -v key="$1" '$1 == key { print $2 }' "$RATES"; }

# Runs alternate (sha256sum, java -jar, wrapper, ...) so that all see the same machine load; medians and bests
# are printed. With /usr/bin/time the CPU seconds (user + system) of each run are shown too: they depend far less
# on the machine's load than wall time does.
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
cpu() { awk '{ if ($2 == "?") print "?"; else printf "%.2f\n", $2 + $3 }' "$TIMES"; }
median() { sort -g "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
best() { sort -g "$1" | head -1; }

# The wrapper's first run records its class-data sharing archive: made here, untimed.
"$REPO_DIR/backup-verify" validate "$WORK/plan.yaml" >/dev/null

verify_run() {
    local name=$1
    shift
    local status=0
    timed "$@" verify "$WORK/plan.yaml" --threads "$THREADS" --no-progress --json "$WORK/report.json" \
        >"$WORK/verify.out" 2>&1 || status=$?
    if ((status != 0)); then
        echo "error: backup-verify exited with $status:" >&2
        cat "$WORK/verify.out" >&2
        exit 1
    fi
    local check_ms
    check_ms=$(json_metric "$WORK/report.json" durationMs)
    printf '   run %d  %-22s %ss wall, %ss CPU (integrity check alone %s ms, %s threads)\n' "$run" "$name:" \
        "$(wall)" "$(cpu)" "$check_ms" "$THREADS"
    wall >>"$WORK/$name.wall"
    cpu >>"$WORK/$name.cpu"
    echo "$check_ms" >>"$WORK/$name.check"
}

rm -f "$WORK"/*.wall "$WORK"/*.cpu "$WORK"/*.check
for ((run = 1; run <= RUNS; run++)); do
    (cd "$DATA" && timed sha256sum -c --quiet SHA256SUMS)
    printf '   run %d  %-22s %ss wall, %ss CPU\n' "$run" "sha256sum -c:" "$(wall)" "$(cpu)"
    wall >>"$WORK/sha256sum.wall"
    cpu >>"$WORK/sha256sum.cpu"
    verify_run "java -jar" "$JAVA" -jar "$JAR"
    verify_run "./backup-verify" "$REPO_DIR/backup-verify"
done
# Where the time of one `java -jar` run goes: the moments at which the classes that begin each phase are loaded
# (-Xlog:class+load with the JVM's uptime). Logging costs a little; the phases' proportions are what count.
CLASSES=$WORK/classes.log
"$JAVA" -Xlog:class+load:file="$CLASSES":uptime -jar "$JAR" verify "$WORK/plan.yaml" --threads "$THREADS" \
    --no-progress --json "$WORK/report.json" >/dev/null 2>&1 || true
limit_after=$(openssl_rate -multi "$(nproc)")
echo "   limit after the runs:  $(divide "$limit_after" 1000000) MB/s"
limit=$((limit_before > limit_after ? limit_before : limit_after))

mb=$(divide "$bytes" 1000000)
limit_mb=$(divide "$limit" 1000000)
share() { awk -v rate="$1" -v limit="$limit_mb" 'BEGIN { printf "%.0f%%", 100 * rate / limit }'; }
sha_rate=$(divide "$mb" "$(median "$WORK/sha256sum.wall")")
echo
echo "data:          $bytes bytes in $FILES files ($(nproc) CPUs, $("$JAVA" -version 2>&1 | sed -n 1p))"
echo "limit:         ${limit_mb} MB/s (openssl speed -multi $(nproc) -evp sha256; $(divide "$limit_before" 1000000) before, $(divide "$limit_after" 1000000) after)"
echo "CPU limit:     $(divide "$per_core" 1000000) MB per CPU second (one openssl process, user time), $(nproc) cores: $(divide "$((per_core * $(nproc)))" 1000000) MB/s on a quiet machine"
echo "load average:  $(cut -d' ' -f1-3 /proc/loadavg) after the runs (other work on the machine slows every wall time)"
jdk_memory=$(rate_of jdk-memory)
jdk_mapped=$(rate_of jdk-mapped)
jdk_read=$(rate_of jdk-read)
per_core_mb=$(divide "$per_core" 1000000)
cost() { awk -v slow="$1" -v fast="$jdk_memory" 'BEGIN { printf "%.3f", 1000 / slow - 1000 / fast }'; }
echo "JDK SHA-256:   ${jdk_memory} MB per CPU second from the processor's cache ($(awk -v a="$jdk_memory" -v b="$per_core_mb" 'BEGIN { printf "%.0f%%", 100 * a / b }') of openssl's; SHA-256 intrinsic: ${intrinsic:-unknown})"
echo "               ${jdk_mapped} MB per CPU second mapped from the page cache (reading costs $(cost "$jdk_mapped") CPU s/GB), ${jdk_read} read(2) ($(cost "$jdk_read") CPU s/GB)"
echo "ceiling:       mapped rate / openssl's per CPU second = $(awk -v a="$jdk_mapped" -v b="$per_core_mb" 'BEGIN { printf "%.0f%%", 100 * a / b }'): the highest share of the limit the check can reach with the JDK's digest (every processor hashing, nothing else running)"
echo "only hashing:  $(rate_of jdk-mapped-threads) threads mapping and hashing the files in a warm JVM, nothing else: best $(rate_of jdk-mapped-wall-best)s = $(share "$(divide "$mb" "$(rate_of jdk-mapped-wall-best)")"), median $(rate_of jdk-mapped-wall-median)s = $(share "$(divide "$mb" "$(rate_of jdk-mapped-wall-median)")") of the limit (a check with no start-up, listing or compiling: the most it can reach here)"
echo "sha256sum -c:  median $(median "$WORK/sha256sum.wall")s  ${sha_rate} MB/s  $(share "$sha_rate") of the limit"
for name in "java -jar" "./backup-verify"; do
    for pick in median best; do
        command_s=$($pick "$WORK/$name.wall")
        check_s=$(divide "$($pick "$WORK/$name.check")" 1000)
        command_rate=$(divide "$mb" "$command_s")
        check_rate=$(divide "$mb" "$check_s")
        printf '%-16s %-6s check %ss %s MB/s = %s of the limit; whole command %ss %s MB/s = %s;' "$name" "$pick" \
            "$check_s" "$check_rate" "$(share "$check_rate")" "$command_s" "$command_rate" "$(share "$command_rate")"
        printf ' %sx sha256sum -c\n' "$(divide "$command_rate" "$sha_rate")"
    done
    cpu_s=$(median "$WORK/$name.cpu")
    if [[ $cpu_s != "?" ]]; then
        # Per CPU second against openssl per CPU second: how much of the processors' work is hashing, whatever
        # else runs on the machine (JVM start, plan, listing and reports count against it).
        printf '%-16s CPU    %ss for the whole command: %s MB per CPU second = %s of openssl per CPU second\n' \
            "$name" "$cpu_s" "$(divide "$mb" "$cpu_s")" \
            "$(awk -v a="$(divide "$mb" "$cpu_s")" -v l="$per_core" 'BEGIN { printf "%.0f%%", 100 * a * 1000000 / l }')"
    fi
done

loaded_at() {
    grep -m1 -F "] $1 source:" "$CLASSES" | sed 's/^\[\([0-9.]*\)s\].*/\1/'
}
phase() {
    local from to
    from=$(loaded_at "$2")
    to=$(loaded_at "$3")
    if [[ -n $from && -n $to ]]; then
        printf '  %-52s %6.3f s\n' "$1" "$(awk -v a="$from" -v b="$to" 'BEGIN { print b - a }')"
    fi
}
echo
echo "where the time of one java -jar run goes (from -Xlog:class+load; $(grep -c . "$CLASSES") classes loaded, $(grep -c 'source: file:' "$CLASSES") from the jar):"
printf '  %-52s %6.3f s\n' "JVM start to main()" "$(loaded_at io.backupverify.cli.BackupVerifyCommand)"
phase "command line (picocli)" io.backupverify.cli.BackupVerifyCommand io.backupverify.cli.PlanLoader
phase "plan: read (SnakeYAML), bound and validated" io.backupverify.cli.PlanLoader io.backupverify.engine.run.Verifier
phase "run set-up, backups listed" io.backupverify.engine.run.Verifier io.backupverify.engine.check.integrity.IntegrityCheck
# The warm-up thread runs integrity's set-up and reading threads over a backup in memory while the command starts, so
# their classes load early; the class that releases a mapped file is first needed when the check maps its first file.
phase "integrity: files listed, manifest read" io.backupverify.engine.check.integrity.IntegrityCheck \
    io.backupverify.engine.check.reading.Unmapper
phase "integrity: hashing" io.backupverify.engine.check.reading.Unmapper \
    io.backupverify.engine.check.integrity.PreviousVersions
phase "results, reports, summary" io.backupverify.engine.check.integrity.PreviousVersions java.lang.Shutdown
