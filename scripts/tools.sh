#!/usr/bin/env bash
# Installs every tool the build and the tests need, once per machine, into a cache outside the
# clone. Idempotent: each tool is checked against its pinned version first. Only package
# registries are used (crates.io, npm, Debian); nothing else is downloaded.
# Usage: scripts/tools.sh [web|test]   (web: what serving needs; test: everything)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
want="${1:-test}"
TOOLS="${SLS_ENCRYPT_TOOLS:-$HOME/.cache/sls-encrypt-tools}"
mkdir -p "$TOOLS/bin"
export PATH="$TOOLS/bin:$TOOLS/npm/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
MACHETE_VERSION=0.9.2
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$here/Cargo.lock")"

say() { printf '\033[1m[tools]\033[0m %s\n' "$*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "building trunk $TRUNK_VERSION from crates.io (about 5 minutes, once per machine)"
  cargo install --locked trunk --version "$TRUNK_VERSION" --root "$TOOLS"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]; then
  say "building wasm-bindgen-cli $WB_VERSION from crates.io (about 2 minutes, once per machine)"
  # Not --locked: its lockfile pins a webpki-roots the registry lacks (see TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --root "$TOOLS" --force
fi

npm_dir="$TOOLS/npm"
lock="$here/tests/e2e/package-lock.json"
stamp="$npm_dir/.lock-sha"
sha="$(sha256sum "$lock" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sha" ] || [ ! -x "$npm_dir/node_modules/.bin/wasm-opt" ]; then
  say "installing node packages (binaryen $BINARYEN_VERSION for wasm-opt, playwright-core, axe-core) from npm"
  rm -rf "$npm_dir" && mkdir -p "$npm_dir"
  cp "$here/tests/e2e/package.json" "$lock" "$npm_dir/"
  (cd "$npm_dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$sha" > "$stamp"
fi
# The e2e suite imports from its own folder: point it at the machine-level install.
ln -sfn "$npm_dir/node_modules" "$here/tests/e2e/node_modules"

if [ "$want" = test ]; then
  if [ "$(cargo-machete --version 2>/dev/null)" != "$MACHETE_VERSION" ]; then
    say "building cargo-machete $MACHETE_VERSION from crates.io (about 1 minute, once per machine)"
    cargo install --locked cargo-machete --version "$MACHETE_VERSION" --root "$TOOLS"
  fi
  # Chromium for the browser tests, a CJK font so Chinese screenshots are readable, and jq for
  # running the shell runbook (tests/runbook.rs).
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -d /usr/share/fonts/truetype/wqy ] || ! command -v jq >/dev/null; then
    say "installing Debian chromium, chromium-driver, fonts-wqy-microhei and jq"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei jq >/dev/null
  fi
  # The portal module's tests (tests/lib): ajv, TypeScript, json-schema-to-typescript and the
  # SARIF 2.1.0 schema (shipped in @microsoft/jest-sarif), in a folder of their own.
  lib_dir="$TOOLS/npm-lib"
  lib_lock="$here/tests/lib/package-lock.json"
  lib_sha="$(sha256sum "$lib_lock" | cut -d' ' -f1)"
  if [ ! -f "$lib_dir/.lock-sha" ] || [ "$(cat "$lib_dir/.lock-sha")" != "$lib_sha" ]; then
    say "installing the portal module's test packages (ajv, typescript, json-schema-to-typescript, the SARIF schema) from npm"
    rm -rf "$lib_dir" && mkdir -p "$lib_dir"
    cp "$here/tests/lib/package.json" "$lib_lock" "$lib_dir/"
    (cd "$lib_dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lib_sha" > "$lib_dir/.lock-sha"
  fi
  ln -sfn "$lib_dir/node_modules" "$here/tests/lib/node_modules"
fi
say "tools ready in $TOOLS"
