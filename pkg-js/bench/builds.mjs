// The builds side by side, in one Node run (npm run bench:builds): the WebAssembly module against
// the plain-JavaScript build (wasm2js) and the single-file build: start-up (from the file's text
// to a first evaluation's readiness) and evaluating the HSLP examples, medians of interleaved
// rounds. Compare the ratios: the machine's load moves the absolute times.
import { readFileSync, readdirSync } from "node:fs";

const dist = new URL("../dist/", import.meta.url);
const examples = new URL("../../examples/", import.meta.url);
const participants = readdirSync(examples).filter((f) => /^0\d-.*\.json$/.test(f)).map((f) => readFileSync(new URL(f, examples), "utf8"));

/** A script build run as CommonJS (its UMD wrapper allows it), started with `init(input)`. */
async function script(name, input) {
  const module = { exports: {} };
  new Function("module", "exports", readFileSync(new URL(name, dist), "utf8"))(module, module.exports);
  await module.exports.init(input);
  return module.exports;
}
const wasmBytes = readFileSync(new URL("competency_rules.wasm", dist));
const builds = {
  // (The .wasm's bytes as a page's fetch would give them.)
  "WebAssembly (script build, .wasm beside it)": () => script("competency-rules.umd.js", wasmBytes),
  "single file (module inside, gzip + base64)": () => script("competency-rules.inline.umd.js"),
  "plain JavaScript (wasm2js)": () => script("competency-rules.nowasm.umd.js"),
};

/** The time, in ms, `fn` takes. */
async function time(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

// Start-up: reading the script's text, running it, init(), and loading the HSLP pack; rounds
// interleaved across the builds.
const startups = Object.fromEntries(Object.keys(builds).map((name) => [name, []]));
for (let round = 0; round < 15; round++) {
  for (const [name, load] of Object.entries(builds)) startups[name].push(await time(async () => (await load()).Pack.load()));
}
const mid = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
// Evaluating: each build's pack warmed up, then rounds interleaved across the builds.
const packs = {};
for (const [name, load] of Object.entries(builds)) packs[name] = (await load()).Pack.load();
const batch = (pack) => participants.forEach((p) => pack.evaluateJson(p, "2026-11-24"));
for (const pack of Object.values(packs)) for (let i = 0; i < 20; i++) batch(pack);
const evaluations = Object.fromEntries(Object.keys(builds).map((name) => [name, []]));
for (let round = 0; round < 60; round++) {
  for (const [name, pack] of Object.entries(packs)) {
    const t0 = performance.now();
    batch(pack);
    evaluations[name].push(performance.now() - t0);
  }
}
const rows = Object.keys(builds).map((name) => [name, mid(startups[name]), mid(evaluations[name])]);
const [reference] = rows;
console.log(`builds side by side (Node ${process.version}; ${participants.length} HSLP examples per round)`);
for (const [name, startup, evaluate] of rows) {
  console.log(`${name.padEnd(46)} start-up ${startup.toFixed(1).padStart(7)} ms (${(startup / reference[1]).toFixed(2)}×)   evaluate ${evaluate.toFixed(2).padStart(7)} ms (${(evaluate / reference[2]).toFixed(2)}×)`);
}
