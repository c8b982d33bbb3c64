#!/usr/bin/env bash
# The heap of `backup-verify verify` for backups of many small objects on a local S3Proxy (and the same files as a
# local folder), at several object counts, to show whether it stays flat.
#
#   bench/s3-heap.sh
#   COUNTS="1000 10000" TARGETS=local bench/s3-heap.sh       # quicker
#   SAMPLE=1% bench/s3-heap.sh                                # lists everything, reads 1% of the objects
#   CHECKS=integrity bench/s3-heap.sh                         # completeness and integrity only
#   HISTORY=1 bench/s3-heap.sh                                # with --history (also keeps the coverage ledger)
#   SIBLINGS=1 bench/s3-heap.sh                               # a file d000.idx beside each folder d000
#
# See bench/README.md ("s3-heap.sh"). The objects are built once under bench/work/s3-heap (BENCH_WORK moves it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$BENCH_DIR/s3proxy.sh"

COUNTS=${COUNTS:-"10000 30000 100000"}
TARGETS=${TARGETS:-"s3 local"}
HEAP=${HEAP:-64m}
INTERVAL=${INTERVAL:-2}
SAMPLE=${SAMPLE:-100%}
CHECKS=${CHECKS:-typical}
HISTORY=${HISTORY:-0}
LISTING=${LISTING:-1}
SIBLINGS=${SIBLINGS:-0}
# Buckets with sibling files have names of their own.
SUFFIX=$([[ $SIBLINGS == 1 ]] && echo -sib || true)
WORK=$BENCH_WORK/s3-heap
BACKUP=bench-2026-11-29

need python3
need jcmd
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
ensure_jar
mkdir -p "$WORK"
start_s3proxy "$WORK"
write_credentials "$WORK/credentials.yaml"

# COUNT objects of 36 to 44 bytes, 1,000 to a folder, written straight into the folder of bucket heap-COUNT of
# S3Proxy's filesystem store (it keeps plain files and serves files put there), with the SHA256SUMS of the backup
# in byte order (as LC_ALL=C sort). With SIBLINGS=1 (bucket heap-COUNT-sib) each folder d000 also has a file
# d000.idx beside it, which byte order puts between d000 and d000/f000000.dat (a depth-first walk would not).
write_objects() {
    local count=$1 bucket=$WORK/store/heap-$1$SUFFIX
    if [[ -f $bucket/.count && $(cat "$bucket/.count") == "$count" ]]; then
        return
    fi
    echo "== writing $count objects into bucket heap-$count$SUFFIX"
    rm -rf "$bucket"
    mkdir -p "$bucket/$BACKUP"
    python3 - "$bucket/$BACKUP" "$count" "$SIBLINGS" <<'PY'
import hashlib, os, sys
folder, count, siblings = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
lines = []
def put(name, data):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)
    lines.append((name.encode(), "%s  %s\n" % (hashlib.sha256(data).hexdigest(), name)))
for i in range(count):
    name = "d%03d/f%06d.dat" % (i // 1000, i)
    if i % 1000 == 0:
        os.makedirs(os.path.join(folder, os.path.dirname(name)), exist_ok=True)
        if siblings:
            put("d%03d.idx" % (i // 1000), b"index of folder %d\n" % (i // 1000))
    put(name, (b"object %d\n" % i) * 4)
lines.sort()
with open(os.path.join(folder, "SHA256SUMS"), "w") as sums:
    sums.writelines(line for _, line in lines)
PY
    echo "$count" >"$bucket/.count"
}

# A plan whose set holds the backup of COUNT objects, with the checks a typical plan runs (CHECKS=typical:
# freshness, completeness, integrity of SAMPLE of the objects, retention, capacity against a quota) or only those
# that go through every object (CHECKS=integrity: completeness and integrity). A third plan (listing) has
# completeness only, to time what listing the objects costs.
write_plan() {
    local kind=$1 count=$2 target checks
    if [[ $kind == s3 ]]; then
        target="{ type: s3, bucket: heap-$count$SUFFIX, endpoint: \"http://127.0.0.1:$PORT\", pathStyle: true, region: us-east-1, credentialsId: bench }"
    else
        target="{ type: local, path: \"$WORK/store/heap-$count$SUFFIX\" }"
    fi
    checks="      completeness: { minFiles: 1 }
      integrity: { manifest: SHA256SUMS, sample: $SAMPLE }"
    if [[ $CHECKS == typical ]]; then
        checks="      freshness: { maxAge: 3650d }
$checks
      retention: { keepDaily: 1 }
      capacity: { quota: 1TiB }"
    fi
    for plan in "$kind-$count:$checks" "$kind-$count-listing:      completeness: { minFiles: 1 }"; do
        cat >"$WORK/${plan%%:*}.yaml" <<PLAN
backupSets:
  - name: heap
    target: $target
    layout: { kind: directory-per-backup, namePattern: "bench-{yyyy-MM-dd}" }
    checks:
${plan#*:}
PLAN
    done
}

# Times a verification of the listing plan: on S3 two listings of every object (finding the backups lists the
# bucket, then completeness lists the backup), which is what S3Proxy's filesystem store makes slow.
time_listing() {
    local kind=$1 count=$2 start
    start=$(now)
    "$JAVA" -Xmx"$HEAP" -jar "$JAR" verify "$WORK/$kind-$count-listing.yaml" --credentials "$WORK/credentials.yaml" \
        --no-progress >"$WORK/$kind-$count-listing.out" 2>&1 || { echo "error: listing plan failed:" >&2
        cat "$WORK/$kind-$count-listing.out" >&2; exit 1; }
    printf '  %-6s %8s listed twice (finding the backups, then the backup) in %.1f s wall\n' "$kind" "$count" \
        "$(awk -v s="$start" -v e="$(now)" 'BEGIN { print e - s }')"
}

# Runs one verification with -Xmx$HEAP and -Xlog:gc, forcing a full collection every INTERVAL seconds (jcmd
# GC.run) so that the log shows the live set as the run goes; prints one line of figures.
measure() {
    local kind=$1 count=$2 log=$WORK/gc-$1-$2.log
    rm -f "$log"
    local start java_pid time_pid
    start=$(now)
    local history=()
    if [[ $HISTORY == 1 ]]; then
        rm -rf "$WORK/history-$kind-$count"
        history=(--history "$WORK/history-$kind-$count")
    fi
    /usr/bin/time -f "%U %S %M" -o "$WORK/$kind-$count.time" "$JAVA" -Xmx"$HEAP" -Xlog:gc:file="$log" -jar "$JAR" \
        verify "$WORK/$kind-$count.yaml" --credentials "$WORK/credentials.yaml" --no-progress \
        --json "$WORK/$kind-$count.json" "${history[@]}" >"$WORK/$kind-$count.out" 2>&1 &
    time_pid=$!
    while kill -0 "$time_pid" 2>/dev/null; do
        sleep "$INTERVAL"
        java_pid=$(pgrep -P "$time_pid" java || true)
        [[ -n $java_pid ]] && jcmd "$java_pid" GC.run >/dev/null 2>&1 || true
    done
    wait "$time_pid" || { echo "error: backup-verify did not PASS on $count objects ($kind):" >&2
        cat "$WORK/$kind-$count.out" >&2; exit 1; }
    local took live any verified user system rss
    took=$(awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }')
    # Full collections (the forced ones) leave only what is live; young ones may leave old garbage.
    live=$(grep 'Pause Full' "$log" | grep -o '[0-9]*M->[0-9]*M' | sed 's/.*->//; s/M//' | sort -n | tail -1)
    fulls=$(grep -c 'Pause Full' "$log" || true)
    any=$(grep -E 'Pause (Young|Full)' "$log" | grep -o '[0-9]*M->[0-9]*M' | sed 's/.*->//; s/M//' | sort -n | tail -1)
    verified=$(json_metric "$WORK/$kind-$count.json" verifiedFiles)
    read -r user system rss <"$WORK/$kind-$count.time"
    printf '  %-6s %8s %9s %8s %8s %10s %10s %9s\n' "$kind" "$count" "$verified" "$took" \
        "$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.1f", u + s }')" "${live:-?} ($fulls)" "${any:-?}" \
        "$((rss / 1024))"
}

for count in $COUNTS; do
    write_objects "$count"
    for kind in $TARGETS; do write_plan "$kind" "$count"; done
done
if [[ $LISTING == 1 && " $TARGETS " == *" s3 "* ]]; then
    echo "== what listing costs on S3Proxy (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    for count in $COUNTS; do time_listing s3 "$count"; done
fi
echo "== verifying with -Xmx$HEAP, checks: $CHECKS, integrity sample $SAMPLE, history: $HISTORY, siblings:" \
    "$SIBLINGS (load average" \
    "$(cut -d' ' -f1-3 /proc/loadavg))"
printf '  %-6s %8s %9s %8s %8s %10s %10s %9s\n' target objects verified "wall s" "CPU s" "live MiB" "after GC" \
    "RSS MiB"
for count in $COUNTS; do
    for kind in $TARGETS; do measure "$kind" "$count"; done
done
echo "live MiB: the largest heap after a full collection (forced every ${INTERVAL}s; their number in brackets);"
echo "after GC: the largest heap after any collection; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
