#!/usr/bin/env bash
# Times the retention, window and capacity checks on a history of hourly file backups.
# Usage: bench/policy-checks.sh [BACKUPS (default 10000)] [ROUNDS (default 20)]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl engine -am test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
java -cp "engine/target/classes:engine/target/test-classes:$(cat "$cp_file")" \
  io.backupverify.engine.bench.PolicyChecksBenchmark "$@"
