// Cohort benchmark: 1,000 generated participants (about 20 evidence items each, the crate's
// `generate` example), from Node through `competency-rules/planning`, side by side in one run: the
// compact form of each participant (a loop of evaluateJson), and the cohort report on the same
// participants from JSON text and from objects, in full and aggregate-only.
// Run: npm run bench:cohort [-- FILE.jsonl]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Pack } from "../src/planning.cjs";
import { median } from "./median.mjs";

const file = process.argv[2];
const lines = (file
  ? readFileSync(file, "utf8")
  : execFileSync("cargo", ["run", "-q", "--release", "--example", "generate", "--", "1000"], { cwd: new URL("../..", import.meta.url), maxBuffer: 1 << 30, encoding: "utf8" })
).trimEnd().split("\n").slice(0, 1000);
const text = lines.join("\n");
const objects = lines.map((t) => JSON.parse(t));
const pack = Pack.load();
const asOf = "2026-11-24";
const opts = { minMs: 3000, warmups: 2 };

const rows = {
  "evaluateJson (text), compact, loop": () => lines.forEach((t) => pack.evaluateJson(t, asOf, { compact: true })),
  "cohort (JSON Lines text)": () => pack.cohort(text, asOf),
  "cohort (objects)": () => pack.cohort(objects, asOf),
  "cohort (JSON Lines text), aggregate only": () => pack.cohort(text, asOf, { aggregateOnly: true }),
};
const results = Object.entries(rows).map(([name, fn]) => [name, median(fn, opts)]);
const base = results[0][1];
console.log(`${lines.length} participants, ${(text.length / lines.length / 1024).toFixed(1)} KB each on average`);
console.table(results.map(([name, ms]) => ({ case: name, "ms per 1,000": ms.toFixed(1), "÷ first row": (ms / base).toFixed(2) })));
