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

echo "== portal module (dist/lib: core and JS facade, no UI)"
node -e 'const fs = require("fs"), z = require("zlib"); let t = 0, tb = 0;
for (const f of ["sls-encrypt_bg.wasm", "sls-encrypt.js"]) { const b = fs.readFileSync("dist/lib/" + f), br = z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  t += b.length; tb += br; console.log(`  ${f.padEnd(48)} ${String(b.length).padStart(9)} B  ${String(br).padStart(8)} B brotli`); }
console.log(`  ${"total".padEnd(48)} ${String(t).padStart(9)} B  ${String(tb).padStart(8)} B brotli`);'

echo "== page (headless Chromium, 127.0.0.1)"
node scripts/bench-page.mjs
