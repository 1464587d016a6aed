#!/usr/bin/env bash
# Builds the npm package from the Rust crate, reproducibly:
#   dist/web   the module and its ES glue (browsers, bundlers)   wasm-pack --target web
#   dist/node  the module and its CommonJS glue (Node.js)        wasm-pack --target nodejs
#   dist/api.cjs  the wrapper core for `require`                  esbuild
# wasm-opt comes from the npm package `binaryen` (the Debian one is too old for wasm-bindgen's
# reference types), so node_modules/.bin goes first on PATH; run `npm ci` before this script.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

rm -rf dist
# The standard library rebuilt for the module, with panics that abort at once (nightly's
# build-std and `-Cpanic=immediate-abort`): measured 5.9 KB gzip off the main module, which is
# what pays for the compact form and the languages option. Needs the nightly toolchain with its
# `rust-src` (both installed here when missing, as scripts/fuzz.sh installs nightly); if nightly cannot
# build the module, the stable toolchain builds it, and the size line below says so.
std_build=(-Z build-std=std,panic_abort)
rustup run nightly rustc --version >/dev/null 2>&1 \
  || rustup toolchain install nightly --profile minimal >/dev/null 2>&1 || true
if rustup run nightly rustc --version >/dev/null 2>&1 \
  && { rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src' \
    || rustup component add rust-src --toolchain nightly >/dev/null 2>&1; }; then
  toolchain=nightly
else
  toolchain=stable
  echo "build.sh: no nightly toolchain with rust-src: building with stable (the module is larger)" >&2
fi
# One module build: `wasm-pack build` with the chosen toolchain.
build_module() {
  local target="$1" out="$2" features="$3"
  if [ "$toolchain" = nightly ]; then
    RUSTUP_TOOLCHAIN=nightly RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
      wasm-pack --quiet build .. --profile wasm-release --target "$target" --out-dir "pkg-js/dist/$out" \
      --out-name competency_rules --no-pack --no-opt -- --no-default-features --features "$features" \
      "${std_build[@]}" && return 0
    echo "build.sh: nightly could not build the module: building with stable (the module is larger)" >&2
    toolchain=stable
  fi
  wasm-pack --quiet build .. --profile wasm-release --target "$target" --out-dir "pkg-js/dist/$out" \
    --out-name competency_rules --no-pack --no-opt -- --no-default-features --features "$features"
}
# Three modules: the engine (the main entry, under the size budget), the engine plus
# interoperability (`competency-rules/interop`: CASE, Moodle, xAPI, credentials), and the engine
# plus what-if projections and the planner (`competency-rules/planning`).
for variant in main interop planning; do
  # The planning module also reads participants with the typed reader (feature `typed-read`):
  # measured 1.6× faster for a 1,000-person cohort, for 31 KB gzip that the main module could
  # not spare (the planning module has no size budget; it is loaded only where it is used).
  case "$variant" in
    main) features="wasm"; prefix="" ;;
    planning) features="wasm planning typed-read"; prefix="planning-" ;;
    *) features="wasm $variant"; prefix="$variant-" ;;
  esac
  for target in web nodejs; do
    out="$prefix$([ "$target" = nodejs ] && echo node || echo web)"
    build_module "$target" "$out" "$features"
    wasm-opt --flatten --rereloop -Oz -Oz --converge --strip-producers --strip-target-features --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals \
      "dist/$out/competency_rules_bg.wasm" -o "dist/$out/competency_rules_bg.wasm"
    rm -f "dist/$out/.gitignore"
  done
done
# The Node glue is CommonJS in .js files; the package itself is ESM.
echo '{ "type": "commonjs" }' > dist/node/package.json
echo '{ "type": "commonjs" }' > dist/interop-node/package.json
echo '{ "type": "commonjs" }' > dist/planning-node/package.json
esbuild src/api.js --format=cjs --log-level=warning --outfile=dist/api.cjs

wasm=dist/web/competency_rules_bg.wasm
raw=$(wc -c < "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "wasm size (embedded HSLP pack): $raw bytes raw, $gz bytes gzip -9 (budget: 150 KB = 150000 bytes; built with $toolchain)"
wasm=dist/interop-web/competency_rules_bg.wasm
echo "interop wasm size (competency-rules/interop): $(wc -c < "$wasm") bytes raw, $(gzip -9 -c "$wasm" | wc -c) bytes gzip -9"
wasm=dist/planning-web/competency_rules_bg.wasm
echo "planning wasm size (competency-rules/planning): $(wc -c < "$wasm") bytes raw, $(gzip -9 -c "$wasm" | wc -c) bytes gzip -9"
