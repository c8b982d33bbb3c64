#!/usr/bin/env bash
# S3 integrity throughput against rclone on a local S3Proxy (heap use for very many objects: bench/s3-heap.sh).
# See bench/README.md ("s3-integrity.sh"). Figures depend on the machine: the server shares its cores.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$BENCH_DIR/s3proxy.sh"

SIZE_MIB=${SIZE_MIB:-1024}
OBJECTS=${OBJECTS:-100}
RUNS=${RUNS:-3}
WORK=$BENCH_WORK/s3

need rclone
need python3
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
ensure_jar
mkdir -p "$WORK"

start_s3proxy "$WORK"

# rclone speaks to the same server; it refuses AWS_CA_BUNDLE, which some machines set.
export RCLONE_CONFIG_BENCH_TYPE=s3 RCLONE_CONFIG_BENCH_PROVIDER=Other RCLONE_CONFIG_BENCH_ENV_AUTH=false \
    RCLONE_CONFIG_BENCH_ACCESS_KEY_ID=$IDENTITY RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY=$CREDENTIAL \
    RCLONE_CONFIG_BENCH_ENDPOINT=http://127.0.0.1:$PORT RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE=true
RCLONE=(env -u AWS_CA_BUNDLE rclone --config /dev/null)
rc() { "${RCLONE[@]}" "$@"; }

LOCAL=$WORK/local/bench-2026-11-29
if [[ ! -f $WORK/local/.built || $(cat "$WORK/local/.built") != "$SIZE_MIB/$OBJECTS" ]]; then
    echo "== building $SIZE_MIB MiB in $OBJECTS objects"
    rm -rf "$WORK/local"
    mkdir -p "$LOCAL"
    bytes=$((SIZE_MIB * 1024 * 1024 / OBJECTS))
    for i in $(seq -w 1 "$OBJECTS"); do
        head -c "$bytes" /dev/urandom >"$LOCAL/part-$i.bin"
    done
    (cd "$LOCAL" && sha256sum part-*.bin >SHA256SUMS)
    echo "$SIZE_MIB/$OBJECTS" >"$WORK/local/.built"
fi
rc mkdir bench:bench
echo "== uploading with rclone"
rc sync --s3-upload-cutoff 5G "$WORK/local" bench:bench --exclude .built

write_credentials "$WORK/credentials.yaml"
plan() {
    cat >"$WORK/$1.yaml" <<PLAN
backupSets:
  - name: bench
    target: { type: s3, bucket: $2, endpoint: "http://127.0.0.1:$PORT", pathStyle: true, region: us-east-1, credentialsId: bench }
    layout: { kind: directory-per-backup, namePattern: "bench-{yyyy-MM-dd}" }
    checks:
      integrity: { manifest: SHA256SUMS, sample: 100% }
PLAN
}
plan plan bench

# One timed run: wall seconds, the command's CPU seconds (user + system, children included) and the CPU seconds
# S3Proxy spent meanwhile (from /proc), appended to $WORK/<name>.{wall,cpu,server}. The server shares the cores:
# what it spends while serving a tool counts against that tool's wall time as much as the tool's own CPU does.
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$S3PROXY_PID/stat"; }
timed() {
    local name=$1
    shift
    local before start
    before=$(server_cpu)
    start=$(now)
    /usr/bin/time -f "%U %S %M" -o "$WORK/$name.time" "$@"
    awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%.2f\n", e - s }' >>"$WORK/$name.wall"
    awk '{ printf "%.2f\n", $1 + $2 }' "$WORK/$name.time" >>"$WORK/$name.cpu"
    awk -v a="$before" -v b="$(server_cpu)" 'BEGIN { printf "%.2f\n", b - a }' >>"$WORK/$name.server"
}
median() { sort -g "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
best() { sort -g "$1" | head -1; }
last() { tail -1 "$WORK/$1.$2"; }
mib_s() { awk -v m="$SIZE_MIB" -v t="$1" 'BEGIN { printf "%.0f", m / t }'; }

TOOLS=(bv wrapper hashsum check)
declare -A LABEL=([bv]="backup-verify verify (java -jar)" [wrapper]="./backup-verify verify (wrapper, CDS)"
    [hashsum]="rclone hashsum sha256 --download" [check]="rclone check --download")
for tool in "${TOOLS[@]}"; do rm -f "$WORK/$tool".{wall,cpu,server,time}; done
BV_ARGS=(verify "$WORK/plan.yaml" --credentials "$WORK/credentials.yaml" --no-progress --json "$WORK/report.json")
# The wrapper records its class-data sharing archive on its first run: not timed.
"$REPO_DIR/backup-verify" --version >/dev/null

# S3Proxy is a JVM too: its first reads of the bucket run its GET path interpreted, and cost it more than later ones.
# Untimed reads warm it first, so that no tool pays for that: one was not enough (in the first three or four rounds
# after it, S3Proxy still spent 0.8-1.4 CPU s serving each tool, every tool alike, against 0.65-0.8 s later on), so
# WARM_READS (default 4) are made.
echo "== warming S3Proxy up with ${WARM_READS:-4} untimed reads of the bucket"
for _ in $(seq "${WARM_READS:-4}"); do
    "${RCLONE[@]}" check --download "$LOCAL" bench:bench/bench-2026-11-29 --exclude .built 2>/dev/null
done

run_tool() {
    case $1 in
    # Exit 0 is PASS: a verifier that did not read everything cannot give a fast figure.
    bv) timed bv "$JAVA" -jar "$JAR" "${BV_ARGS[@]}" >/dev/null \
        || { echo "error: backup-verify did not PASS" >&2; exit 1; } ;;
    wrapper) timed wrapper "$REPO_DIR/backup-verify" "${BV_ARGS[@]}" >/dev/null \
        || { echo "error: backup-verify did not PASS" >&2; exit 1; } ;;
    hashsum) timed hashsum "${RCLONE[@]}" hashsum sha256 --download bench:bench/bench-2026-11-29 \
        >"$WORK/rclone-hashsum.txt" ;;
    check) timed check "${RCLONE[@]}" check --download "$LOCAL" bench:bench/bench-2026-11-29 --exclude .built \
        2>"$WORK/rclone-check.txt" ;;
    esac
}

echo "== $RUNS alternating runs each (wall s, CPU s of the tool, CPU s of S3Proxy meanwhile)"
for run in $(seq "$RUNS"); do
    # Each round starts with the next tool, so that none always runs first (or right after the same other one).
    for i in "${!TOOLS[@]}"; do
        run_tool "${TOOLS[$(((i + run - 1) % ${#TOOLS[@]}))]}"
    done
    line="run $run:"
    for tool in "${TOOLS[@]}"; do
        line+=" $tool $(last "$tool" wall)s/$(last "$tool" cpu)cpu/$(last "$tool" server)srv"
    done
    echo "$line (load $(cut -d' ' -f1 /proc/loadavg))"
done
diff <(grep part- "$WORK/rclone-hashsum.txt" | sort -k2) <(grep part- "$LOCAL/SHA256SUMS" | sort -k2) >/dev/null \
    || { echo "error: rclone's hashes differ from sha256sum's" >&2; exit 1; }

echo
echo "$SIZE_MIB MiB in $OBJECTS objects on a local S3Proxy, $(nproc) cores shared with it, $RUNS runs each," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg) after the runs"
printf '  %-40s %8s %8s %8s %9s %9s %10s\n' "" "median s" "best s" "MiB/s" "tool CPU" "srv CPU" "CPU floor"
for tool in "${TOOLS[@]}"; do
    # The CPU floor: the wall time the tool and the server's share could not beat on these cores even if nothing
    # else ran, (tool CPU + server CPU) / cores, from the medians.
    floor=$(awk -v a="$(median "$WORK/$tool.cpu")" -v b="$(median "$WORK/$tool.server")" -v n="$(nproc)" \
        'BEGIN { printf "%.2f", (a + b) / n }')
    echo "$floor" >"$WORK/$tool.floor"
    printf '  %-40s %8s %8s %8s %9s %9s %10s\n' "${LABEL[$tool]}" "$(median "$WORK/$tool.wall")" \
        "$(best "$WORK/$tool.wall")" "$(mib_s "$(best "$WORK/$tool.wall")")" "$(median "$WORK/$tool.cpu")" \
        "$(median "$WORK/$tool.server")" "$floor"
done
ratio() { divide "$($1 "$WORK/$3.wall")" "$($1 "$WORK/$2.wall")"; }
for ours in bv wrapper; do
    echo "  ${LABEL[$ours]}:"
    echo "    vs rclone hashsum --download: median $(ratio median "$ours" hashsum)x, best $(ratio best "$ours" hashsum)x"
    echo "    vs rclone check --download:   median $(ratio median "$ours" check)x, best $(ratio best "$ours" check)x"
    echo "    CPU floor vs rclone hashsum's: $(divide "$(cat "$WORK/hashsum.floor")" "$(cat "$WORK/$ours.floor")")x" \
        "(the most a quiet machine could show with today's CPU use)"
done
