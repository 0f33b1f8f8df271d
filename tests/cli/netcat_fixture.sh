# Sourced by the CLI tests that run against a real `nc -lk`: a work folder removed on exit, a free
# loopback port in PORT, and start_netcat, which listens there and writes what fd 7 gets to the
# client (`echo line >&7` is a line typed into nc).
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

start_netcat() {
  mkfifo "$WORK/in"
  nc -lk 127.0.0.1 "$PORT" < "$WORK/in" & NC_PID=$!
  exec 7>"$WORK/in"
}
