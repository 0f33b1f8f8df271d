#!/usr/bin/env bash
# Browser end-to-end tests (playwright-core + Debian's Chromium) against web/dist: static mode, relay
# mode with a real nc -lk and runnel serve, an AnalysisException, Stop during an endless loop, a reload
# that resumes a query from its checkpoint (IndexedDB), the Output region under 200+ batches.
# Screenshots go to test-output/e2e/. Exits non-zero when a test fails.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$HERE"
[ -f "$ROOT/web/dist/index.html" ] || { echo "e2e: web/dist is not built (./dev build)" >&2; exit 1; }
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
mkdir -p "$ROOT/test-output/e2e"
(cd "$ROOT/web" && npm test)
node --test --test-concurrency=1 static.test.mjs output.test.mjs relay.test.mjs checkpoint.test.mjs
