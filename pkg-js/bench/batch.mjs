// Batch benchmark: a generated cohort of 1,000 participants (about 20 evidence items each, the
// crate's `generate` example: completions, lapses and problems among them), evaluated from Node
// side by side in one run: explained reports and compact results, one call per participant and
// through evaluateMany, objects and JSON text. Run: npm run bench:batch [-- FILE.jsonl]
// (without a file, the cohort is generated with `cargo run --release --example generate`).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Pack } from "../src/index.cjs";
import { median } from "./median.mjs";

const file = process.argv[2];
const lines = (file
  ? readFileSync(file, "utf8")
  : execFileSync("cargo", ["run", "-q", "--release", "--example", "generate", "--", "1000"], { cwd: new URL("../..", import.meta.url), maxBuffer: 1 << 30, encoding: "utf8" })
).trimEnd().split("\n");
const texts = lines.slice(0, 1000);
const objects = texts.map((t) => JSON.parse(t));
const pack = Pack.load();
const asOf = "2026-11-24";
const opts = { minMs: 3000, warmups: 2 };

const rows = {
  "evaluate (objects), explained, loop": () => objects.forEach((p) => pack.evaluate(p, asOf)),
  "evaluateMany (objects), explained": () => pack.evaluateMany(objects, asOf),
  "evaluate (objects), one language, loop": () => objects.forEach((p) => pack.evaluate(p, asOf, { languages: ["en"] })),
  "evaluate (objects), compact, loop": () => objects.forEach((p) => pack.evaluate(p, asOf, { compact: true })),
  "evaluateMany (objects), compact": () => pack.evaluateMany(objects, asOf, { compact: true }),
  "evaluateJson (text), compact, loop": () => texts.forEach((t) => pack.evaluateJson(t, asOf, { compact: true })),
};
const results = Object.entries(rows).map(([name, fn]) => [name, median(fn, opts)]);
const base = results[0][1];
console.log(`${texts.length} participants, ${(texts.reduce((n, t) => n + t.length, 0) / texts.length / 1024).toFixed(1)} KB each on average`);
console.table(results.map(([name, ms]) => ({ case: name, "ms per 1,000": ms.toFixed(1), "µs per participant": ((ms * 1000) / texts.length).toFixed(1), "÷ first row": (ms / base).toFixed(2) })));
