// Boundary benchmark: what it costs to pass participants and reports across the JS/WebAssembly
// boundary, side by side in one run (machines here are noisy, so compare the ratios, not the
// absolute times). Run: npm run bench
//
// `evaluate` takes and returns JS objects (the wrapper uses JSON.stringify / JSON.parse around the
// module); `evaluateJson` passes JSON text straight through. An earlier build also converted
// objects field by field with serde-wasm-bindgen; JSON was 1.1-1.3x faster (see README).
import { Pack, engineVersion } from "../src/index.cjs";
import { median } from "./median.mjs";

const pack = Pack.load();
const doc = pack.document();
const competencies = doc.competency.map((c) => c.id);
const items = doc.catalogue.map((i) => [i.id, i.kind]);

/** A manager with `n` evidence items of every kind (the same shapes as the Rust criterion bench). */
function participant(n) {
  const evidence = [];
  for (let i = 0; i < n; i++) {
    const date = `2026-${String(1 + (i % 10)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    const id = `e${i}`;
    switch (i % 5) {
      case 0:
      case 1: {
        const [item, kind] = items[i % items.length];
        const role = kind === "designation" ? "program_assessor" : kind === "internal_training" ? "employer" : "provider";
        evidence.push({ id, kind, item, date, grade: 85, status: "approved", assessed_by: { role } });
        break;
      }
      case 2:
        evidence.push({ id, kind: "work_project", date, status: i % 4 === 0 ? "submitted" : "approved", assessed_by: { role: "coach", id: "c1" },
          claims: [{ competency: competencies[i % competencies.length], level: "working" }, { competency: competencies[(i * 7) % competencies.length], level: "proficient" }] });
        break;
      case 3:
        evidence.push({ id, kind: "coaching_session", date, status: "approved", assessed_by: { role: "coach", id: "c1" } });
        break;
      default:
        evidence.push({ id, kind: "self_study", date, status: "approved", assessed_by: { role: "coach", id: "c1" },
          claims: [{ competency: competencies[(i * 3) % competencies.length], level: "working" }] });
    }
  }
  return { id: "bench", organization: "org-a", level: "manager", enrolled: "2026-01-05",
    coach: { id: "c1", organization: "org-a" }, mentor: { id: "m1", organization: "org-b", appointed_by: "association" }, evidence };
}

/** The median time of `fn`, in µs. */
const time = (fn) => median(fn) * 1000;

const asOf = "2026-11-24";
const rows = [];
const call = time(() => engineVersion());
for (const n of [20, 80, 320, 1280]) {
  const obj = participant(n);
  const text = JSON.stringify(obj);
  const objects = time(() => pack.evaluate(obj, asOf));
  const textOnly = time(() => pack.evaluateJson(text, asOf));
  rows.push({ evidence: n, "evaluate, objects (µs)": objects.toFixed(1), "evaluateJson, text (µs)": textOnly.toFixed(1),
    "objects / text": (objects / textOnly).toFixed(2) });
}
console.log(`empty call across the boundary: ${call.toFixed(2)} µs (median)`);
console.table(rows);
