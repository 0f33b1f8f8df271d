#!/usr/bin/env bash
# End to end: a program that sleeps while its query runs (the memory-sink idiom: start, sleep, query
# the table, stop) under `runnel run`, lines typed into a real `nc -lk` during the sleep. The table
# read after the sleep holds them, and the run ends by itself once the program stopped its query.
set -euo pipefail
RUNNEL="$1"
WORK="$(mktemp -d)"
NC_PID=""
cleanup() { exec 7>&- 2>/dev/null || true; [ -n "$NC_PID" ] && kill "$NC_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
PORT=""
for _ in $(seq 50); do  # a free loopback port: nothing answers on it
  p=$((20000 + RANDOM % 30000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PORT=$p; break; fi
done
[ -n "$PORT" ] || { echo "no free port"; exit 1; }
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
mkfifo "$WORK/in"
nc -lk 127.0.0.1 "$PORT" < "$WORK/in" & NC_PID=$!
exec 7>"$WORK/in"
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
