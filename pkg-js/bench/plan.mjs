// Planner benchmark in WebAssembly (`competency-rules/planning`), through the package: plans for
// the HSLP examples, and the constructed worst case of the Rust bench (`benches/plan.rs`: 60
// competencies required, 300 catalogue items granting two to four each, the same pseudo-random
// choice), with the page's 50 ms budget. Medians of repeated runs; run beside `cargo bench --bench
// plan` and compare ratios. Run: npm run bench:plan
import { readFileSync } from "node:fs";
import { Pack } from "../src/planning.cjs";
import { median } from "./median.mjs";

const example = (name) => JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), "utf8"));
const text = (s) => ({ en: s, fr: s });

/** The Rust bench's worst case, built with the same xorshift generator. */
function worstCasePack(competencies, items) {
  let seed = 0x2545f4914f6cdd1dn;
  const mask = (1n << 64n) - 1n;
  const next = (n) => {
    seed ^= (seed << 13n) & mask;
    seed ^= seed >> 7n;
    seed ^= (seed << 17n) & mask;
    return Number(seed % BigInt(n));
  };
  const competency = Array.from({ length: competencies }, (_, c) => ({
    id: `c${c}`, name: text(`c${c}`), description: text("d"), expected: { staff: "working", lead: "advanced" },
  }));
  const catalogue = Array.from({ length: items }, (_, i) => {
    const n = 2 + next(3);
    const grants = Array.from({ length: n }, () => ({ competency: `c${next(competencies)}`, level: next(4) === 0 ? "advanced" : "working" }));
    return { id: `i${i}`, kind: "course", name: text(`i${i}`), hours: 1 + next(40), grants };
  });
  return {
    format: "competency-rules/pack@1",
    program: { id: "worst", version: "1.0.0", languages: ["en", "fr"], name: text("Worst case") },
    scale: { id: "s", name: text("Scale"), level: ["awareness", "working", "advanced"].map((l) => ({ id: l, name: text(l) })) },
    level: [{ id: "staff", name: text("Staff") }, { id: "lead", name: text("Lead") }],
    competency,
    evidence_kind: [
      { id: "course", name: text("course"), counts_as: "catalogue_item", assessors: ["provider"] },
      { id: "project", name: text("project"), counts_as: "competency_claims", assessors: ["program_assessor"] },
    ],
    catalogue,
    completion: [{ level: "staff" }, { level: "lead" }],
    progression: { next_level_percent: 75, requires_completion: false },
    precedence: { assessor_override: "highest_wins" },
  };
}

/** The median time of `fn`, in ms. */
const time = (fn, minMs = 1500) => median(fn, { minMs, warmups: 3 });

const asOf = "2026-11-24";
const rows = [];
const hslp = Pack.load();
for (const [name, target] of [["01-new-enrolee", "current"], ["02-in-progress-supervisor", "current"], ["07-override-manager", "next"]]) {
  const participant = example(name);
  const plan = hslp.plan(participant, asOf, { target, budgetMs: 60000 });
  const ms = time(() => hslp.plan(participant, asOf, { target, budgetMs: 60000 }));
  rows.push({ case: `HSLP ${name} (${target})`, items: plan.items.length, optimal: plan.optimal, nodes: plan.nodes, "median (ms)": ms.toFixed(3) });
}
const worst = Pack.load(JSON.stringify(worstCasePack(60, 300)));
const nobody = { id: "w", organization: "o", level: "staff", enrolled: "2026-01-01" };
for (const target of ["current", "next"]) {
  const plan = worst.plan(nobody, asOf, { target, budgetMs: 50 });
  const ms = time(() => worst.plan(nobody, asOf, { target, budgetMs: 50 }), 3000);
  rows.push({ case: `worst case 60×300 (${target}), 50 ms budget`, items: plan.items.length, optimal: plan.optimal, "lower bound": plan.lower_bound, nodes: plan.nodes, "median (ms)": ms.toFixed(1) });
}
console.table(rows);
