# Shared by the bench scripts: where things are, and how to get the backup-verify jar.
# shellcheck shell=bash

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
BENCH_WORK=${BENCH_WORK:-$BENCH_DIR/work}
JAR=${JAR:-$REPO_DIR/cli/target/backup-verify.jar}
JAVA=${JAVA:-java}

need() {
    command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is needed for this benchmark but not installed" >&2; exit 2; }
}

ensure_jar() {
    if [[ ! -f $JAR ]]; then
        echo "== building $JAR (mvn -pl cli -am package -DskipTests)"
        (cd "$REPO_DIR" && mvn -q -pl cli -am package -DskipTests)
    fi
}

# Wall-clock seconds since the epoch, with nanoseconds.
now() {
    date +%s.%N
}

# Prints "a / b" to three decimals.
divide() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "inf"; else printf "%.3f", a / b }'
}

# A metric of the integrity check in a JSON report, by name. The bench plans have one set with one check, whose
# metrics come last in the report, after the run's and the check's own fields of the same name.
json_metric() {
    grep -o "\"$2\" *: *[0-9.]*" "$1" | tail -1 | sed 's/.*: *//'
}

# A plan with one set whose backups are the bench-* folders under $1, with the check $2 (default: integrity of
# every file).
write_plan() {
    cat >"$1/plan.yaml" <<PLAN
backupSets:
  - name: bench
    target: { type: local, path: backups }
    layout: { kind: directory-per-backup, namePattern: "bench-{yyyy-MM-dd}" }
    checks:
      ${2:-"integrity: { manifest: SHA256SUMS, sample: 100% }"}
PLAN
}

# Builds the data set in $DATA with the function named $2, unless a build with the same description $1 is there.
# Also writes the plan. Needs WORK and DATA set.
build_once() {
    if [[ -f $WORK/.built && $(cat "$WORK/.built") == "$1" ]]; then
        return
    fi
    echo "== building $1 in $DATA"
    rm -rf "$WORK"
    mkdir -p "$DATA"
    "$2"
    write_plan "$WORK"
    echo "$1" >"$WORK/.built"
}
