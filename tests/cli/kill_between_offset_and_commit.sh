#!/usr/bin/env bash
# Crash recovery end to end: a csv file source (one file per batch) into a csv file sink under
# `runnel run`. One run goes straight through; the other is stalled before writing commits/1 (the
# CLI's RUNNEL_TEST_STALL_BEFORE_COMMIT hook), killed with SIGKILL, and started again. The restart
# re-runs batch 1, which the sink log already holds, so the output must equal the uninterrupted
# run's, with no file written twice.
set -euo pipefail
RUNNEL="$(realpath "$1")"
WORK="$(mktemp -d)"
RUN_PID=""
cleanup() { [ -n "$RUN_PID" ] && kill -9 "$RUN_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "FAIL: $1"; for f in "$WORK"/*/err; do echo "--- $f"; cat "$f"; done; exit 1; }

cat > "$WORK/q.py" <<'PY'
from pyspark.sql import SparkSession
spark = SparkSession.builder.appName("crash").getOrCreate()
rows = spark.readStream.format("csv").schema("id INT, name STRING") \
    .option("maxFilesPerTrigger", 1).load("in")
query = rows.writeStream.format("csv").option("checkpointLocation", "cp") \
    .trigger(availableNow=True).start("out")
query.awaitTermination()
PY
for run in straight crashed; do
  mkdir -p "$WORK/$run/in"
  printf '1,a\n2,b\n' > "$WORK/$run/in/f0.csv"
  printf '3,c\n' > "$WORK/$run/in/f1.csv"
  printf '4,d\n5,e\n' > "$WORK/$run/in/f2.csv"
  touch -d '2024-01-01 00:00:00' "$WORK/$run/in/f0.csv"
  touch -d '2024-01-01 00:00:01' "$WORK/$run/in/f1.csv"
  touch -d '2024-01-01 00:00:02' "$WORK/$run/in/f2.csv"
done

# The rows of every part file the sink log names, sorted; and how many part files exist.
logged_rows() {
  (cd "$1" && grep -ho '"path":"[^"]*"' out/_spark_metadata/* | sed 's/"path":"//; s/"$//; s|^file://||' |
    while read -r f; do cat "$f"; done | sort)
}
part_files() { find "$1/out" -maxdepth 1 -name 'part-*' | wc -l; }

(cd "$WORK/straight" && "$RUNNEL" run --quiet ../q.py > out.txt 2> err) || fail "straight run failed"

cd "$WORK/crashed"
RUNNEL_TEST_STALL_BEFORE_COMMIT=1 "$RUNNEL" run --quiet ../q.py > out.txt 2> err & RUN_PID=$!
for _ in $(seq 300); do grep -q "stalled before commit 1" err && break; sleep 0.1; done
grep -q "stalled before commit 1" err || fail "the run never reached commit 1"
[ -f cp/offsets/1 ] || fail "offsets/1 was not written before the stall"
[ ! -e cp/commits/1 ] || fail "commits/1 exists before the kill"
kill -9 "$RUN_PID"
wait "$RUN_PID" 2>/dev/null || true
RUN_PID=""
[ ! -e cp/commits/1 ] || fail "commits/1 exists after the kill"
"$RUNNEL" run --quiet ../q.py > out.txt 2> err || fail "the restarted run failed"
cd "$WORK"

expected="$(printf '1,a\n2,b\n3,c\n4,d\n5,e')"
[ "$(logged_rows straight)" = "$expected" ] || fail "straight run wrote: $(logged_rows straight)"
[ "$(logged_rows crashed)" = "$expected" ] || fail "crashed run wrote: $(logged_rows crashed)"
[ "$(part_files crashed)" = "$(part_files straight)" ] || fail "part files differ in number"
[ -f crashed/cp/commits/2 ] || fail "the restart did not finish batch 2"
echo "PASS SIGKILL between offsets and commit: same output as an uninterrupted run"
