#!/usr/bin/env bash
# Builds the npm package from the Rust crate, reproducibly. Each of the three modules (the engine;
# the engine with interoperability; the engine with planning) is built once, for every platform:
#   dist/<module>.wasm      the WebAssembly module (shipped once: browsers and Node read the same file)
#   dist/glue-<module>.js   wasm-bindgen's glue as a factory, `createGlue()`, ES module
#   dist/glue-<module>.cjs  the same factory for `require`
#   dist/api.cjs            the wrapper core for `require`
#   dist/competency-rules.umd.js         the engine for pages without ES modules: an AMD module for
#                                        RequireJS (Moodle), or the global `CompetencyRules`
#   dist/competency-rules.inline.umd.js  the same with the module inside, gzip-compressed (hosts
#                                        that serve no .wasm)
#   dist/competency-rules.planning.umd.js  the script build over the planning module (the element's
#                                        plan and cohort views)
#   dist/competency-rules.nowasm.umd.js  the same engine as plain JavaScript (wasm2js), for pages
#                                        whose Content-Security-Policy does not allow WebAssembly
#   dist/types/*.d.cts      the types for `require`
#   dist/schemas, dist/examples  the documents' JSON Schemas and a sample participant
# A factory, not the glue as wasm-bindgen writes it: the glue keeps its instance in module state,
# and a module that trapped is replaced by a fresh copy from the factory, instantiated from the
# module already compiled (no second network request, and it works in any bundle).
# wasm-opt comes from the npm package `binaryen` (the Debian one is too old for wasm-bindgen's
# reference types), so node_modules/.bin goes first on PATH; run `npm ci` before this script.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

rm -rf dist
mkdir -p dist
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
# One module build: `wasm-pack build --target web` with the chosen toolchain, into dist/build/<out>.
build_module() {
  local out="$1" features="$2" flags="${3:-}"
  if [ "$toolchain" = nightly ]; then
    RUSTUP_TOOLCHAIN=nightly RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort $flags" \
      wasm-pack --quiet build .. --profile wasm-release --target web --out-dir "pkg-js/dist/build/$out" \
      --out-name competency_rules --no-pack --no-opt -- --no-default-features --features "$features" \
      "${std_build[@]}" && return 0
    if [ -n "$flags" ]; then
      # (Stable's prebuilt standard library is not built for the MVP: no fallback.)
      echo "build.sh: nightly could not build the $out module ($flags)" >&2
      exit 1
    fi
    echo "build.sh: nightly could not build the module: building with stable (the module is larger)" >&2
    toolchain=stable
  fi
  wasm-pack --quiet build .. --profile wasm-release --target web --out-dir "pkg-js/dist/build/$out" \
    --out-name competency_rules --no-pack --no-opt -- --no-default-features --features "$features"
}
# wasm-bindgen's ES glue in dist/build/<name> as a factory module: dist/glue-<name>.js (ESM) and
# .cjs. Only the functions and classes the module exports are kept (esbuild drops the rest,
# including the loader that fetches the .wasm by itself), with the two internals a JavaScript
# translation of the module is instantiated through.
glue_factory() {
  local name="$1" dir="dist/build/$1"
  local names
  names=$(sed -n 's/^export \(function\|class\) \([A-Za-z0-9_]*\).*/\2/p' "$dir/competency_rules.js" | paste -sd, -)
  for internal in __wbg_get_imports __wbg_finalize_init; do
    grep -q "^function $internal(" "$dir/competency_rules.js" \
      || { echo "build.sh: the glue has no $internal (wasm-bindgen changed?)" >&2; exit 1; }
  done
  echo 'export { __wbg_get_imports, __wbg_finalize_init };' >> "$dir/competency_rules.js"
  echo "import { initSync, __wbg_get_imports, __wbg_finalize_init, $names } from './competency_rules.js';
export default { initSync, __wbg_get_imports, __wbg_finalize_init, $names };" > "$dir/factory-entry.js"
  esbuild "$dir/factory-entry.js" --bundle --format=iife --global-name=glue --log-level=error \
    --outfile="$dir/glue.iife.js"
  local banner="// Generated by scripts/build.sh from wasm-bindgen's glue: each call of createGlue() gives a
// fresh copy, to be instantiated with initSync({ module })."
  { echo "$banner"; echo "export function createGlue() {"; cat "$dir/glue.iife.js"; echo "return glue.default;"; echo "}"; } > "dist/glue-$name.js"
  { echo "$banner"; echo '"use strict";'; echo "exports.createGlue = function createGlue() {"; cat "$dir/glue.iife.js"; echo "return glue.default;"; echo "};"; } > "dist/glue-$name.cjs"
}
# Three modules: the engine (the main entry, under the size budget), the engine plus
# interoperability (`competency-rules/interop`: CASE, Moodle, xAPI, credentials), and the engine
# plus what-if projections, the planner and cohort reports (`competency-rules/planning`). The two
# larger ones also explain a report in words (feature `explain`), which the main one cannot afford.
for variant in main interop planning; do
  # The planning module also reads participants with the typed reader (feature `typed-read`):
  # measured 1.6× faster for a 1,000-person cohort, for 31 KB gzip that the main module could
  # not spare (the planning module has no size budget; it is loaded only where it is used).
  case "$variant" in
    main) features="wasm"; wasm="competency_rules.wasm" ;;
    planning) features="wasm planning typed-read explain"; wasm="competency_rules_planning.wasm" ;;
    *) features="wasm $variant explain"; wasm="competency_rules_$variant.wasm" ;;
  esac
  build_module "$variant" "$features"
  wasm-opt --flatten --rereloop -Oz -Oz --converge --strip-producers --strip-target-features --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals \
    "dist/build/$variant/competency_rules_bg.wasm" -o "dist/$wasm"
  glue_factory "$variant"
done
# The plain-JavaScript engine, for pages whose Content-Security-Policy does not let WebAssembly
# compile: the main module built for the WebAssembly MVP (wasm2js translates neither the externref
# table of reference types nor bulk memory), translated to JavaScript by binaryen's wasm2js. Its
# own target directory, since its flags differ. It needs nightly's build-std (the standard
# library rebuilt for the MVP).
if [ "$toolchain" != nightly ]; then
  echo "build.sh: the plain-JavaScript build needs the nightly toolchain with rust-src" >&2
  exit 1
fi
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/../target}/mvp" build_module mvp "wasm" "-Ctarget-cpu=mvp"
wasm-opt --flatten --rereloop -Oz -Oz --converge --strip-producers --strip-target-features \
  dist/build/mvp/competency_rules_bg.wasm -o dist/build/mvp/engine.wasm
wasm2js dist/build/mvp/engine.wasm -Oz -o dist/build/mvp/engine.wasm2js.js
cp dist/build/mvp/competency_rules.js dist/build/mvp/glue.js
node scripts/plain-js.mjs dist/build/mvp
cp dist/build/mvp/glue.js dist/build/mvp/competency_rules.js
glue_factory mvp
mv dist/glue-mvp.js dist/build/mvp/glue-factory.js
rm dist/glue-mvp.cjs

esbuild src/api.js --bundle --format=cjs --log-level=warning --outfile=dist/api.cjs

# The script builds: UMD (AMD when RequireJS loads it, CommonJS, else the global `CompetencyRules`).
# The script's own URL is taken while it runs (a RequireJS factory runs later, when it is gone), so
# that the .wasm beside it is found; `init(url)` names another place.
umd() {
  local entry="$1" out="$2"
  shift 2
  esbuild "$entry" --bundle --format=iife --global-name=competencyRules --log-level=warning \
    --target=es2020 "$@" --outfile="dist/build/$out"
  {
    echo "// competency-rules $(node -p 'require("./package.json").version'): the engine for pages without ES modules."
    echo "(function (root, factory) {"
    echo '  var current = typeof document !== "undefined" ? document.currentScript : null;'
    echo '  var script = current ? current.src : undefined;'
    echo '  // An AMD module only when RequireJS loads this script (its script elements name their module):'
    echo '  // a plain script tag on a page that has RequireJS (a Moodle HTML block) gets the global.'
    echo '  if (typeof define === "function" && define.amd && (!current || current.hasAttribute("data-requiremodule"))) define([], function () { return factory(script); });'
    echo '  else if (typeof module === "object" && module.exports) module.exports = factory(script);'
    echo '  else root.CompetencyRules = factory(script);'
    echo '})(typeof self !== "undefined" ? self : this, function (__competencyRulesScript) {'
    cat "dist/build/$out"
    echo "return competencyRules;"
    echo "});"
  } > "dist/$out"
}
umd src/umd.js competency-rules.umd.js
# (gzip -n: no name or time in the header, so that the build is reproducible.)
gzip -9 -n -c dist/competency_rules.wasm > dist/build/competency_rules.wasm.gz
umd src/umd-inline.js competency-rules.inline.umd.js --loader:.gz=base64
umd src/umd-nowasm.js competency-rules.nowasm.umd.js
umd src/umd-planning.js competency-rules.planning.umd.js
rm -rf dist/build

# Types for `require` (and Node's `import`, which loads the CommonJS entry): the same declarations
# as .d.cts files, which TypeScript reads as CommonJS.
mkdir -p dist/types
for name in index interop planning types; do
  sed -e 's#"\./types\.js"#"./types.cjs"#g; s#"\./index\.js"#"./index.cjs"#g' "src/$name.d.ts" > "dist/types/$name.d.cts"
done
# What a caller starts from: the JSON Schemas of the pack and participant documents, and a sample
# participant (`competency-rules/examples/participant.json`).
mkdir -p dist/schemas dist/examples
cp ../docs/schemas/*.schema.json dist/schemas/
cp ../examples/02-in-progress-supervisor.json dist/examples/participant.json

wasm=dist/competency_rules.wasm
raw=$(wc -c < "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "wasm size (embedded HSLP pack): $raw bytes raw, $gz bytes gzip -9 (budget: 150 KB = 150000 bytes; built with $toolchain)"
wasm=dist/competency_rules_interop.wasm
echo "interop wasm size (competency-rules/interop): $(wc -c < "$wasm") bytes raw, $(gzip -9 -c "$wasm" | wc -c) bytes gzip -9"
wasm=dist/competency_rules_planning.wasm
echo "planning wasm size (competency-rules/planning): $(wc -c < "$wasm") bytes raw, $(gzip -9 -c "$wasm" | wc -c) bytes gzip -9"
for script in competency-rules.umd.js competency-rules.inline.umd.js competency-rules.nowasm.umd.js competency-rules.planning.umd.js; do
  echo "$script: $(wc -c < "dist/$script") bytes raw, $(gzip -9 -c "dist/$script" | wc -c) bytes gzip -9"
done
