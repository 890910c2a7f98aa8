#!/usr/bin/env bash
# Prints the performance figures: core compile time, bundle bytes, page load and keystroke latency.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="${SLS_ENCRYPT_TOOLS:-$HOME/.cache/sls-encrypt-tools}"
export PATH="$TOOLS/bin:$TOOLS/npm/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
scripts/tools.sh test >/dev/null
cargo fetch --locked >/dev/null

echo "== core"
cargo bench --locked --bench compile 2>/dev/null | tail -2

echo "== bundle (trunk build --release)"
trunk build --release >/dev/null 2>&1
total=0; total_gz=0
for f in dist/*.wasm dist/*.js dist/*.css dist/index.html; do
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + raw)); total_gz=$((total_gz + gz))
  printf '  %-48s %9d B  %8d B gzip\n' "$(basename "$f")" "$raw" "$gz"
done
printf '  %-48s %9d B  %8d B gzip\n' "total" "$total" "$total_gz"

echo "== page (headless Chromium, 127.0.0.1)"
node scripts/bench-page.mjs
