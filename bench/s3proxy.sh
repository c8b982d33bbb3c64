# Shared by the S3 bench scripts: a local S3Proxy over its filesystem store, as a separate process.
# shellcheck shell=bash
#
#   start_s3proxy DIR      fetches S3Proxy into DIR once, starts it over DIR/store on a free loopback port and sets
#                          S3PROXY_PID, PORT, IDENTITY and CREDENTIAL; it is stopped when the script exits.
#   write_credentials FILE writes a credentials file with the id "bench" for backup-verify.

S3PROXY_VERSION=4.1.0
IDENTITY=bench-access-key
CREDENTIAL=bench-secret-key-0123456789

start_s3proxy() {
    local dir=$1
    local jar=$dir/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar
    mkdir -p "$dir/store"
    if [[ ! -f $jar ]]; then
        echo "== fetching S3Proxy $S3PROXY_VERSION (jar-with-dependencies) from Maven Central"
        mvn -q dependency:copy -Dartifact=org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies \
            -DoutputDirectory="$dir"
    fi
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    cat >"$dir/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$IDENTITY
s3proxy.credential=$CREDENTIAL
jclouds.provider=filesystem
jclouds.filesystem.basedir=$dir/store
jclouds.identity=$IDENTITY
jclouds.credential=$CREDENTIAL
PROPS
    echo "== starting S3Proxy on 127.0.0.1:$PORT (a separate process)"
    "$JAVA" -Xmx512m -jar "$jar" --properties "$dir/s3proxy.properties" >"$dir/s3proxy.log" 2>&1 &
    S3PROXY_PID=$!
    trap 'kill $S3PROXY_PID 2>/dev/null || true' EXIT
    for _ in $(seq 300); do
        (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return
        sleep 0.1
    done
    echo "error: S3Proxy did not start; see $dir/s3proxy.log" >&2
    exit 1
}

write_credentials() {
    cat >"$1" <<CREDS
bench: { kind: aws, accessKeyId: $IDENTITY, secretAccessKey: $CREDENTIAL }
CREDS
    chmod 600 "$1"
}
