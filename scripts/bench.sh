#!/usr/bin/env bash
# `make bench`: prints sls-encrypt's performance figures side by side with a Yew 0.23 hello world
# (benches/hello, same toolchain, release profile, wasm-opt settings and CSP): first-load bytes,
# navigation to ready, keystroke to settled on three fields, and the core's native compile time.
# Prints only; nothing here fails on a figure. Installs what it needs (scripts/tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="${SLS_ENCRYPT_TOOLS:-$HOME/.cache/sls-encrypt-tools}"
export PATH="$TOOLS/bin:$TOOLS/npm/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
scripts/tools.sh test >/dev/null
cargo fetch --locked >/dev/null
(cd benches/hello && cargo fetch --locked >/dev/null)

echo "== core: cargo bench --bench compile"
core="$(cargo bench --locked --bench compile 2>/dev/null | tail -2)"
echo "$core"
core_median="$(echo "$core" | awk '/median/{print $2}')"

echo "== building both pages (trunk build --release)"
trunk build --release >/dev/null 2>&1 || trunk build --release
# The hello world builds into target/hello, so `cargo test` and dist/ never see it.
(cd benches/hello && CARGO_TARGET_DIR="$PWD/../../target/hello/cargo" trunk build --release >/dev/null 2>&1) \
  || (cd benches/hello && CARGO_TARGET_DIR="$PWD/../../target/hello/cargo" trunk build --release)

echo "== portal module (dist/lib: core and JS facade, no UI)"
node -e 'const fs = require("fs"), z = require("zlib"); let t = 0, tb = 0;
for (const f of ["sls-encrypt_bg.wasm", "sls-encrypt.js"]) { const b = fs.readFileSync("dist/lib/" + f), br = z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  t += b.length; tb += br; console.log(`  ${f.padEnd(48)} ${String(b.length).padStart(9)} B  ${String(br).padStart(8)} B brotli`); }
console.log(`  ${"total".padEnd(48)} ${String(t).padStart(9)} B  ${String(tb).padStart(8)} B brotli`);'

node scripts/bench-page.mjs dist target/hello/dist "$core_median"
