#!/usr/bin/env bash
# S3 integrity throughput against rclone on a local S3Proxy, and heap use for very many objects.
# See bench/README.md ("s3-integrity.sh"). Figures depend on the machine: the server shares its cores.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SIZE_MIB=${SIZE_MIB:-1024}
OBJECTS=${OBJECTS:-100}
RUNS=${RUNS:-3}
MANY=${MANY:-100000}
WORK=$BENCH_WORK/s3
S3PROXY_VERSION=4.1.0
S3PROXY_JAR=$WORK/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar
IDENTITY=bench-access-key
CREDENTIAL=bench-secret-key-0123456789

need rclone
need python3
ensure_jar
mkdir -p "$WORK"

if [[ ! -f $S3PROXY_JAR ]]; then
    echo "== fetching S3Proxy $S3PROXY_VERSION (jar-with-dependencies) from Maven Central"
    mvn -q dependency:copy -Dartifact=org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies \
        -DoutputDirectory="$WORK"
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$WORK/store"
cat >"$WORK/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$IDENTITY
s3proxy.credential=$CREDENTIAL
jclouds.provider=filesystem
jclouds.filesystem.basedir=$WORK/store
jclouds.identity=$IDENTITY
jclouds.credential=$CREDENTIAL
PROPS
echo "== starting S3Proxy on 127.0.0.1:$PORT (a separate process)"
"$JAVA" -Xmx512m -jar "$S3PROXY_JAR" --properties "$WORK/s3proxy.properties" >"$WORK/s3proxy.log" 2>&1 &
S3PROXY_PID=$!
trap 'kill $S3PROXY_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    sleep 0.1
done

# rclone speaks to the same server; it refuses AWS_CA_BUNDLE, which some machines set.
export RCLONE_CONFIG_BENCH_TYPE=s3 RCLONE_CONFIG_BENCH_PROVIDER=Other RCLONE_CONFIG_BENCH_ENV_AUTH=false \
    RCLONE_CONFIG_BENCH_ACCESS_KEY_ID=$IDENTITY RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY=$CREDENTIAL \
    RCLONE_CONFIG_BENCH_ENDPOINT=http://127.0.0.1:$PORT RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE=true
rc() { env -u AWS_CA_BUNDLE rclone --config /dev/null "$@"; }

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
rc copy --s3-upload-cutoff 5G "$WORK/local" bench:bench --exclude .built

cat >"$WORK/credentials.yaml" <<CREDS
bench: { kind: aws, accessKeyId: $IDENTITY, secretAccessKey: $CREDENTIAL }
CREDS
chmod 600 "$WORK/credentials.yaml"
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

declare -a BV RH RC
for run in $(seq "$RUNS"); do
    start=$(now)
    "$JAVA" -jar "$JAR" verify "$WORK/plan.yaml" --credentials "$WORK/credentials.yaml" --no-progress \
        --json "$WORK/report.json" >/dev/null || { echo "error: backup-verify did not PASS" >&2; exit 1; }
    BV+=("$(awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%.2f", e - s }')")
    start=$(now)
    rc hashsum sha256 --download bench:bench/bench-2026-11-29 >"$WORK/rclone-hashsum.txt"
    RH+=("$(awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%.2f", e - s }')")
    start=$(now)
    rc check --download "$LOCAL" bench:bench/bench-2026-11-29 --exclude .built 2>"$WORK/rclone-check.txt"
    RC+=("$(awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%.2f", e - s }')")
    echo "run $run: backup-verify ${BV[-1]} s, rclone hashsum --download ${RH[-1]} s, rclone check --download ${RC[-1]} s"
done
diff <(grep part- "$WORK/rclone-hashsum.txt" | sort -k2) <(grep part- "$LOCAL/SHA256SUMS" | sort -k2) >/dev/null \
    || { echo "error: rclone's hashes differ from sha256sum's" >&2; exit 1; }

best() { printf '%s\n' "$@" | sort -n | head -1; }
mib_s() { awk -v m="$SIZE_MIB" -v t="$1" 'BEGIN { printf "%.0f", m / t }'; }
bv=$(best "${BV[@]}"); rh=$(best "${RH[@]}"); rcb=$(best "${RC[@]}")
echo
echo "best of $RUNS, $SIZE_MIB MiB in $OBJECTS objects, $(nproc) cores shared with S3Proxy, load average $(cut -d' ' -f1-3 /proc/loadavg):"
echo "  backup-verify verify (whole command): $bv s = $(mib_s "$bv") MiB/s"
echo "  rclone hashsum sha256 --download:     $rh s = $(mib_s "$rh") MiB/s"
echo "  rclone check --download:              $rcb s = $(mib_s "$rcb") MiB/s"
echo "  backup-verify vs rclone hashsum:      $(divide "$rh" "$bv")x"
echo "  backup-verify vs rclone check:        $(divide "$rcb" "$bv")x"

if [[ $MANY -gt 0 ]]; then
    # Very many small objects, written straight into the store's folder (the filesystem store keeps plain files).
    MANYDIR=$WORK/store/many/bench-2026-11-29
    if [[ ! -f $WORK/store/many/.count || $(cat "$WORK/store/many/.count") != "$MANY" ]]; then
        echo "== writing $MANY small objects"
        rm -rf "$WORK/store/many"
        mkdir -p "$MANYDIR"
        python3 - "$MANYDIR" "$MANY" <<'PY'
import hashlib, os, sys
folder, count = sys.argv[1], int(sys.argv[2])
with open(os.path.join(folder, "SHA256SUMS"), "w") as sums:
    for i in range(count):
        name = "d%03d/f%06d.dat" % (i // 1000, i)
        data = (b"object %d\n" % i) * 4
        os.makedirs(os.path.join(folder, os.path.dirname(name)), exist_ok=True)
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
        sums.write("%s  %s\n" % (hashlib.sha256(data).hexdigest(), name))
PY
        echo "$MANY" >"$WORK/store/many/.count"
    fi
    plan many many
    for count in small large; do
        if [[ $count == small ]]; then
            # The same plan on a tenth of the objects, for comparison.
            sed 's/sample: 100%/sample: 1%/' "$WORK/many.yaml" >"$WORK/many-small.yaml"
            file=$WORK/many-small.yaml
        else
            file=$WORK/many.yaml
        fi
        start=$(now)
        "$JAVA" -Xmx64m -Xlog:gc:file="$WORK/gc-$count.log" -jar "$JAR" verify "$file" \
            --credentials "$WORK/credentials.yaml" --no-progress --json "$WORK/many-$count.json" >/dev/null \
            || { echo "error: backup-verify did not PASS on $MANY objects ($count)" >&2; exit 1; }
        took=$(awk -v s="$start" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }')
        after=$(grep -o '[0-9]*M->[0-9]*M' "$WORK/gc-$count.log" | sed 's/.*->//; s/M//' | sort -n | tail -1)
        verified=$(json_metric "$WORK/many-$count.json" verifiedFiles)
        echo "  -Xmx64m, $MANY objects listed, $verified verified: $took s, largest heap after a GC ${after:-?} MiB"
    done
fi
