#!/usr/bin/env bash
# End to end: a program that sleeps while its query runs (the memory-sink idiom: start, sleep, query
# the table, stop) under `runnel run`, lines typed into a real `nc -lk` during the sleep. The table
# read after the sleep holds them, and the run ends by itself once the program stopped its query.
set -euo pipefail
RUNNEL="$1"
source "$(dirname "${BASH_SOURCE[0]}")/netcat_fixture.sh"
cat > "$WORK/counts.py" <<PY
import time
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
lines = spark.readStream.format("socket").option("host", "localhost").option("port", $PORT).load()
query = lines.groupBy("value").count().writeStream.outputMode("complete") \\
    .format("memory").queryName("counts").start()
print("sleeping")
time.sleep(3)
print(sorted([tuple(r) for r in spark.sql("SELECT * FROM counts").collect()]))
query.stop()
print("stopped:", not query.isActive)
PY
start_netcat
sleep 0.5
"$RUNNEL" run "$WORK/counts.py" > "$WORK/out" 2> "$WORK/err" & RUN_PID=$!
for _ in $(seq 100); do grep -q "sleeping" "$WORK/out" && break; sleep 0.1; done
sleep 0.5
printf 'cat\ndog\ncat\n' >&7
rc=0
for _ in $(seq 150); do kill -0 "$RUN_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$RUN_PID" 2>/dev/null; then kill -INT "$RUN_PID"; echo "FAIL: runnel run did not end by itself"; rc=1; fi
wait "$RUN_PID" || { echo "FAIL: runnel run exited $?"; rc=1; }
expected=$'sleeping\n[(\'cat\', 2), (\'dog\', 1)]\nstopped: True'
if [ "$(cat "$WORK/out")" != "$expected" ]; then echo "FAIL: unexpected output"; rc=1; fi
if [ "$rc" != 0 ]; then echo "--- stdout"; cat "$WORK/out"; echo "--- stderr"; cat "$WORK/err"; exit 1; fi
echo "ok: the sleeping program saw the lines typed meanwhile and the run ended by itself"
