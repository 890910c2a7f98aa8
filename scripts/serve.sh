#!/usr/bin/env bash
# Installs missing tools, then builds and serves the app at http://127.0.0.1:8080 (release build).
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="${SLS_ENCRYPT_TOOLS:-$HOME/.cache/sls-encrypt-tools}"
export PATH="$TOOLS/bin:$TOOLS/npm/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
scripts/tools.sh web
cargo fetch --locked >/dev/null
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}" --no-autoreload "$@"
