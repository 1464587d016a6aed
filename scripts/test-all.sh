#!/usr/bin/env bash
# Runs every test of the project, installing what a fresh machine lacks:
#   1. the Rust crate: unit, integration, conformance, property, schema and doc tests, with every
#      feature and with none (the core alone, as the WebAssembly module has it);
#   2. the npm package: WebAssembly build (with the size report), Node tests including the
#      conformance corpus byte-for-byte against native, TypeScript types, the packed package's
#      metadata and types (publint, attw), and in a real browser (Debian's Chromium, driven by
#      playwright-core) the example pages, the script builds under RequireJS and without .wasm, and
#      the drop-in element, with an accessibility audit.
# Needs a Rust toolchain (rustup) and Node 18+ with npm; everything else is installed here.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

echo "== Rust tests: cargo test --all-features"
cargo test --all-features

echo "== Rust tests of the core alone (as the WebAssembly module has it): cargo test --no-default-features"
cargo test --no-default-features

echo "== WebAssembly toolchain"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
if ! command -v wasm-pack >/dev/null || [ "$(wasm-pack --version)" != "wasm-pack 0.15.1" ]; then
  cargo install wasm-pack --locked --version 0.15.1
fi

echo "== npm package: install, build"
cd pkg-js
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build | tee /tmp/competency-rules-build.log
# The size budget: 150 KB gzipped (gzip -9) with the embedded HSLP pack; see pkg-js/README.md.
limit="${WASM_GZIP_LIMIT:-150000}"
gz=$(gzip -9 -c dist/competency_rules.wasm | wc -c)
if [ "$gz" -gt "$limit" ]; then
  echo "wasm size check: $gz bytes gzipped is over the limit of $limit" >&2
  exit 1
fi
echo "wasm size check: $gz bytes gzipped, limit $limit"

echo "== npm package: types (tsc --noEmit)"
npm run --silent typecheck

echo "== npm package: publint, and attw (are the types wrong) under every moduleResolution"
npx --no-install publint --strict
npx --no-install attw --pack . --entrypoints . interop planning
# (The element is for browsers, an ES module only: `require` of it is not meant to work.)
npx --no-install attw --pack . --entrypoints element --ignore-rules cjs-resolves-to-esm

echo "== npm package: browser"
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser test needs Chromium: install Debian's 'chromium' package or set CHROMIUM=/path/to/chrome." >&2
    exit 1
  fi
fi
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
npm run --silent test:browser

echo "== npm package: Node tests (API, conformance corpus against native)"
npm test
