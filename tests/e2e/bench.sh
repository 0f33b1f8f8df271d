#!/usr/bin/env bash
# Page benchmark (./dev bench): prints page.latency_p50_ms, page.latency_p99_ms, wasm.gzip_bytes,
# wasm.raw_bytes and page.ready_ms as `NAME VALUE UNIT` lines, measured in headless Chromium on web/dist,
# and page.floor_latency_p50_ms/_p99_ms: the same keys on a page that paints in the key's own handler.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
[ -f ../../web/dist/index.html ] || { echo "bench: web/dist is not built (./dev build)" >&2; exit 1; }
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
node bench.mjs
