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

# npm_folder DIR TESTS WHAT [FILE]: installs the npm packages of $here/TESTS/package-lock.json
# into DIR (again whenever the lockfile changes, or FILE under DIR is missing), and links
# TESTS/node_modules to it, since the tests import from their own folder.
npm_folder() {
  local dir="$1" tests="$here/$2" what="$3" must="${4:-}"
  local sha
  sha="$(sha256sum "$tests/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$dir/.lock-sha" ] || [ "$(cat "$dir/.lock-sha")" != "$sha" ] || { [ -n "$must" ] && [ ! -x "$dir/$must" ]; }; then
    say "installing $what from npm"
    rm -rf "$dir" && mkdir -p "$dir"
    cp "$tests/package.json" "$tests/package-lock.json" "$dir/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$sha" > "$dir/.lock-sha"
  fi
  ln -sfn "$dir/node_modules" "$tests/node_modules"
}

npm_folder "$TOOLS/npm" tests/e2e "node packages (binaryen $BINARYEN_VERSION for wasm-opt, playwright-core, axe-core)" node_modules/.bin/wasm-opt

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
  npm_folder "$TOOLS/npm-lib" tests/lib "the portal module's test packages (ajv, typescript, json-schema-to-typescript, the SARIF schema)"
fi
say "tools ready in $TOOLS"
