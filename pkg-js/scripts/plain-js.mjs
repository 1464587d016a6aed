// Makes the plain-JavaScript engine (no WebAssembly) from the main module built for the
// WebAssembly MVP: `node scripts/plain-js.mjs <dir>` reads <dir>/engine.wasm2js.js (binaryen's
// wasm2js output) and <dir>/glue.js (wasm-bindgen's glue) and writes <dir>/engine.js, whose
// `instantiate(imports)` gives a fresh instance's exports each call, and patches the glue so that
// its cached memory views follow the memory when it grows. Each change checks that the text it
// changes is there, so that a new wasm2js or wasm-bindgen fails the build instead of breaking it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const fail = (message) => {
  console.error(`plain-js.mjs: ${message}`);
  process.exit(1);
};

/** `text` with `from` replaced by `to`, where `from` (a string or a global regex) must occur. */
function replace(text, from, to, what) {
  const found = typeof from === "string" ? text.includes(from) : from.test(text);
  if (!found) fail(`${what}: not found (wasm2js or wasm-bindgen changed?)`);
  if (typeof from !== "string") from.lastIndex = 0;
  return typeof from === "string" ? text.split(from).join(to) : text.replace(from, to);
}

// The translated module: drop its import of the glue and its own instantiation at load; export a
// function that instantiates it with the imports given.
let engine = readFileSync(join(dir, "engine.wasm2js.js"), "utf8");
engine = replace(engine, /^import \* as \S+ from '[^']+';\n/m, "", "the import of the glue");
const tail = engine.indexOf("\nvar retasmFunc = asmFunc(");
if (tail < 0) fail("the instantiation at load: not found");
engine = `${engine.slice(0, tail)}
/** A fresh instance of the engine over \`imports\`: its exports, as a WebAssembly instance's. */
export function instantiate(imports) {
  return asmFunc(imports);
}
`;
// A trap (\`unreachable\`) is what a WebAssembly trap is, so that the wrapper restarts the engine.
engine = replace(engine, "function wasm2js_trap() { throw new Error('abort'); }",
  "function wasm2js_trap() { var e = new Error('unreachable'); e.name = 'RuntimeError'; e.trap = true; throw e; }",
  "the trap");
writeFileSync(join(dir, "engine.js"), engine);

// The glue caches views of the memory and renews them when the buffer is detached, as a
// WebAssembly memory's is when it grows; the translated memory replaces its buffer instead, so a
// view is renewed whenever the buffer is not the memory's.
let glue = readFileSync(join(dir, "glue.js"), "utf8");
glue = replace(glue, /if \((cached\w+Memory0) === null \|\| [^{]*\) \{/g,
  (_, name) => `if (${name} === null || ${name}.buffer !== wasm.memory.buffer) {`, "the memory views' checks");
if (/\.byteLength === 0|\.detached/.test(glue)) fail("a memory view's check was not patched");
writeFileSync(join(dir, "glue.js"), glue);
