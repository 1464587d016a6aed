#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ for SECONDS each (default 30), one after another, seeded from the
# project's own examples, conformance corpus, packs and test data. Fails on any crash, hang
# (a single input over 10 s) or out-of-memory (over 2 GB): libFuzzer then writes the input to
# fuzz/artifacts/TARGET/, and `cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-...`
# replays it. Every crash found becomes a regression test (tests/robustness.rs).
#
#   bash scripts/fuzz.sh            # 30 s per target, as CI runs it
#   bash scripts/fuzz.sh 3600       # an hour per target
#   bash scripts/fuzz.sh 600 xapi_statements case_import   # some targets only
#
# Needs the nightly toolchain and cargo-fuzz (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds="${1:-30}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(participant_json participant_structured pack_json pack_toml xapi_statements case_import date messages ffi)
fi

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  rustup toolchain install nightly --profile minimal
fi
if ! command -v cargo-fuzz >/dev/null || [ "$(cargo fuzz --version)" != "cargo-fuzz 0.13.2" ]; then
  cargo install cargo-fuzz --locked --version 0.13.2
fi

# Seeds, laid out per target in a folder of this run's own (so two runs can go side by side, one
# per core); the corpus each run grows is fuzz/corpus/TARGET, not committed.
seeds="$(mktemp -d)"
log="$(mktemp)"
trap 'rm -rf "$seeds" "$log"' EXIT
mkdir -p "$seeds"/{participant_json,pack_json,pack_toml,xapi_statements,case_import,date,ffi}
cp examples/*.json tests/conformance/cases/*.json "$seeds/participant_json/"
cp tests/conformance/packs/*.json "$seeds/pack_json/"
shopt -s nullglob
for dir in rules/*/; do
  for file in "$dir"*.toml; do cp "$file" "$seeds/pack_toml/$(basename "$dir")-$(basename "$file")"; done
done
cat rules/public-service-demo/*.toml > "$seeds/pack_toml/public-service-demo-whole.toml"
cp examples/xapi/*.json "$seeds/xapi_statements/"
cp tests/interop/case_1_0_quirks.json tests/interop/golden/mini-case-fr.json "$seeds/case_import/"
if [ -d ../shared/reference ]; then
  find ../shared/reference/xapi -name '*.json' -exec cp {} "$seeds/xapi_statements/" \; 2>/dev/null || true
  find ../shared/reference/case/frameworks -name '*.json' -size -2M -exec cp {} "$seeds/case_import/" \; 2>/dev/null || true
fi
# The boundary: an operation byte, then its argument (see fuzz/fuzz_targets/ffi.rs).
{ printf '\000'; node -e 'process.stdout.write(JSON.stringify([{name: "mini.json", text: require("fs").readFileSync("tests/conformance/packs/mini.json", "utf8")}]))' 2>/dev/null || true; } > "$seeds/ffi/check"
{ printf '\001'; cat tests/conformance/packs/mini.json; } > "$seeds/ffi/check-text"
{ printf '\002'; cat examples/02-in-progress-supervisor.json; } > "$seeds/ffi/evaluate"
{ printf '\003['; cat examples/xapi/lms-page.json; printf ']'; } > "$seeds/ffi/statements"
{ printf '\004'; cat tests/interop/case_1_0_quirks.json; } > "$seeds/ffi/import"
printf '\005{"date": "2026-11-24", "lang": "fr"}' > "$seeds/ffi/export"
printf '\006{"asOf": "2026-11-24", "kind": "clr", "issuerId": "https://example.org/i", "issuerName": "Ex"}' > "$seeds/ffi/credential"
printf '\007{"target": ["c.analysis=expert", "c.planning"], "by": "hours", "completeBy": "2026-09-01"}' > "$seeds/ffi/plan-options"
printf '\010{"id": "p", "organization": "org-a", "level": "staff", "enrolled": "2025-06-01", "planned": [{"id": "x", "kind": "course", "item": "course.b", "date": "2026-07-01"}]}' > "$seeds/ffi/plan"
for d in 2026-11-24 2024-02-29 1999-12-31 0001-01-01 9999-12-31 2026-13-01; do
  printf '%s' "$d" > "$seeds/date/$d"
done

cd fuzz
# The fuzz crate builds in fuzz/target (nightly, with sanitizers): not in a shared target directory.
unset CARGO_TARGET_DIR
cargo +nightly fuzz build -O
for target in "${targets[@]}"; do
  echo "== fuzz $target for ${seconds}s"
  mkdir -p "corpus/$target"
  seed_dir="$seeds/$target"
  [ -d "$seed_dir" ] || seed_dir=""
  set +e
  cargo +nightly fuzz run -O "$target" "corpus/$target" $seed_dir -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 >"$log" 2>&1
  status=$?
  set -e
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+[[:space:]]+DONE)' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log" >&2
    echo "fuzz target $target failed (exit $status); the input is in fuzz/artifacts/$target/" >&2
    exit "$status"
  fi
done
echo "fuzzing: ${#targets[@]} targets, ${seconds}s each, no crash"
