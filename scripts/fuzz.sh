#!/usr/bin/env bash
# Runs every cargo-fuzz target for FUZZ_SECONDS each (default 600: `make fuzz`); `make test` runs
# it with a few seconds each as a smoke. Installs the nightly toolchain and cargo-fuzz if missing.
# Seeds come from examples/, tests/vectors/ and docs/findings.json (scripts/fuzz-seed.py); the
# committed corpus is fuzz/corpus/<target>/. A full run (FUZZ_SECONDS >= 60) minimises what it
# found back into fuzz/corpus/ and writes the figures to fuzz/last-run.tsv. Crashes land in
# fuzz/artifacts/<target>/ (commit them with a regression test in tests/fuzz_regressions.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="${SLS_ENCRYPT_TOOLS:-$HOME/.cache/sls-encrypt-tools}"
export PATH="$TOOLS/bin:$PATH"
SECS="${FUZZ_SECONDS:-600}"
TARGETS=(${FUZZ_TARGETS:-text_reader intent_reader compile policy trust_merge})

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --root "$TOOLS"
python3 scripts/fuzz-seed.py
cargo +nightly fuzz build -O >/dev/null 2>&1 || cargo +nightly fuzz build -O
# Working files: fuzz/work/full/ for a full run (kept, with its logs), a throwaway dir for a smoke.
if [ "$SECS" -ge 60 ]; then WORK=fuzz/work/full; else WORK="fuzz/work/smoke.$$"; fi
rm -rf "$WORK" && mkdir -p "$WORK"
# Run copies, so a rebuild during a long run (another smoke, an edit) cannot touch them.
BIN="$WORK/bin"
mkdir -p "$BIN"
for t in "${TARGETS[@]}"; do cp "fuzz/target/x86_64-unknown-linux-gnu/release/$t" "$BIN/"; done
if [ "$SECS" -ge 60 ]; then trap 'rm -rf "$BIN"' EXIT; else trap 'rm -rf "$WORK"' EXIT; fi

failed=()
stats="$WORK/run.tsv"
printf 'target\tseconds\texecutions\texec_per_s\tcorpus\tresult\n' > "$stats"
for t in "${TARGETS[@]}"; do
  mkdir -p "$WORK/$t" "fuzz/corpus/$t" "fuzz/artifacts/$t"
  log="$WORK/$t.log"
  start=$(date +%s)
  set +e
  "$BIN/$t" -max_total_time="$SECS" -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="fuzz/artifacts/$t/" "$WORK/$t" "fuzz/corpus/$t" "fuzz/seeds/$t" > "$log" 2>&1
  rc=$?
  set -e
  took=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  result=ok
  if [ "$rc" -ne 0 ]; then
    result="crash (exit $rc, see $log and fuzz/artifacts/$t/)"
    failed+=("$t")
    grep -E '^(==|SUMMARY|thread|panicked)' "$log" | head -5 || true
  fi
  if [ "$SECS" -ge 60 ] && [ "$rc" -eq 0 ]; then
    # Keep the committed corpus small: the inputs that still add coverage, nothing else.
    rm -rf "$WORK/$t.min" && mkdir -p "$WORK/$t.min"
    "$BIN/$t" -merge=1 -max_len=16384 "$WORK/$t.min" "fuzz/corpus/$t" "$WORK/$t" "fuzz/seeds/$t" >> "$log" 2>&1
    rm -rf "fuzz/corpus/$t" && mv "$WORK/$t.min" "fuzz/corpus/$t"
    python3 scripts/fuzz-trim.py "$t"
  fi
  corpus=$(find "fuzz/corpus/$t" -type f | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$took" "${execs:-0}" "${rate:-0}" "$corpus" "$result" | tee -a "$stats"
done
[ "$SECS" -ge 60 ] && cp "$stats" fuzz/last-run.tsv
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: crashes in ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: ${#TARGETS[@]} targets, ${SECS}s each, no crash"
