#!/usr/bin/env bash
# End to end: the course's word-count cell (port rewritten) under `runnel run` against a real
# `nc -lk` on a free loopback port. Lines go in a few seconds apart; the printed batches must be
# Spark's: an empty Batch 0, then the counts. Then the refused case: Spark's error, exit 1; and the
# program that catches it at its awaitTermination(): the error shown as Spark logs it, its except
# run, exit 0. Between them, Ctrl-C: KeyboardInterrupt at awaitTermination(), caught.
set -euo pipefail
RUNNEL="$1"
source "$(dirname "${BASH_SOURCE[0]}")/netcat_fixture.sh"
cat > "$WORK/wc.py" <<PY
from pyspark.sql import SparkSession
from pyspark.sql.functions import explode, split, col

spark = SparkSession.builder.appName("StructuredNetworkWordCount").master("local[*]").getOrCreate()
lines = spark.readStream.format("socket").option("host", "localhost").option("port", $PORT).load()
words = lines.select(explode(split(col("value"), " ")).alias("word"))
wordCounts = words.groupBy("word").count()
query = wordCounts.writeStream.outputMode("complete").format("console") \\
    .trigger(processingTime="1 second").start()
query.awaitTermination()
PY
start_netcat
sleep 0.5
"$RUNNEL" run "$WORK/wc.py" > "$WORK/out" 2> "$WORK/err" & RUN_PID=$!
for _ in $(seq 100); do grep -q "Batch: 0" "$WORK/out" && break; sleep 0.1; done
sleep 1
echo "cat dog cat" >&7
for _ in $(seq 100); do grep -q "Batch: 1" "$WORK/out" && break; sleep 0.1; done
sleep 1.5
echo "bird dog" >&7
for _ in $(seq 100); do grep -q "| bird|\|^|bird|" "$WORK/out" && break; sleep 0.1; done
kill -INT "$RUN_PID"
wait "$RUN_PID" || { echo "runnel run exited $?"; cat "$WORK/err"; exit 1; }

fail() { echo "FAIL: $1"; echo "--- stdout"; cat "$WORK/out"; echo "--- stderr"; cat "$WORK/err"; exit 1; }
# Batch 0 is empty: header, border, border.
awk '/^Batch: 0$/{f=1} f' "$WORK/out" | sed -n 3,6p | tr -d '\n' |
  grep -qx -- '+----+-----+|word|count|+----+-----++----+-----+' || fail "Batch 0 is not Spark's empty table"
batch1="$(awk '/^Batch: 1$/{f=1;next} /^Batch: /{f=0} f' "$WORK/out")"
grep -qx '| cat|    2|' <<<"$batch1" || fail "Batch 1 lacks cat=2"
grep -qx '| dog|    1|' <<<"$batch1" || fail "Batch 1 lacks dog=1"
last="$(awk '/^Batch: /{b=""} {b=b $0 "\n"} END{printf "%s", b}' "$WORK/out")"
for row in '| cat|    2|' '| dog|    2|' '|bird|    1|'; do
  grep -qxF -- "$row" <<<"$last" || fail "the last batch lacks $row"
done

# Ctrl-C is KeyboardInterrupt at awaitTermination(), as in PySpark's driver: the program's except
# and finally blocks run, then runnel exits 0.
sed 's/^query.awaitTermination()$/try:\n    query.awaitTermination()\nexcept KeyboardInterrupt:\n    print("Stopping the query")\n    query.stop()\nfinally:\n    print("Query active:", query.isActive)/' \
  "$WORK/wc.py" > "$WORK/interrupt.py"
grep -q '^except KeyboardInterrupt' "$WORK/interrupt.py" || fail "the program with except was not made"
"$RUNNEL" run "$WORK/interrupt.py" > "$WORK/out" 2> "$WORK/err" & RUN_PID=$!
for _ in $(seq 100); do grep -q "Batch: 0" "$WORK/out" && break; sleep 0.1; done
kill -INT "$RUN_PID"
wait "$RUN_PID" || fail "an interrupted program exited $?"
[ "$(tail -n 2 "$WORK/out" | tr '\n' '|')" = "Stopping the query|Query active: False|" ] ||
  fail "Ctrl-C did not run the except and finally blocks"

# Nothing listens any more: Spark's "Connection refused", exit status 1.
kill "$NC_PID"; wait "$NC_PID" 2>/dev/null || true; NC_PID=""
set +e
"$RUNNEL" run "$WORK/wc.py" > "$WORK/out" 2> "$WORK/err"; rc=$?
set -e
[ "$rc" = 1 ] || fail "refused connection exited $rc"
grep -q "StreamingQueryException: .*terminated with exception: Connection refused" "$WORK/err" ||
  fail "no Connection refused error"

sed 's/^query.awaitTermination()$/try:\n    query.awaitTermination()\nexcept Exception as e:\n    print("query failed")\nfinally:\n    print("finally")/' \
  "$WORK/wc.py" > "$WORK/catch.py"
grep -q '^except Exception' "$WORK/catch.py" || fail "the program with except was not made"
set +e
"$RUNNEL" run "$WORK/catch.py" > "$WORK/out" 2> "$WORK/err"; rc=$?
set -e
[ "$rc" = 0 ] || fail "a caught failure exited $rc"
grep -q "StreamingQueryException: .*Connection refused" "$WORK/err" || fail "the caught failure was not shown"
[ "$(tail -n 2 "$WORK/out" | tr '\n' ' ')" = "query failed finally " ] ||
  fail "the except and finally blocks did not run"
echo "PASS runnel run with nc -lk"
