// Evaluation options from JavaScript: messages in the languages asked for, the compact form (the
// native library's bytes, and the report's facts), evaluateMany's compact results, and options
// checked at the boundary.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { Pack, CompetencyRulesError } from "../src/index.cjs";

const examples = new URL("../../examples/", import.meta.url);
const names = readdirSync(examples).filter((n) => n.endsWith(".json")).sort();
const example = (name) => JSON.parse(readFileSync(new URL(name, examples), "utf8"));
const asOf = "2026-11-24";

test("the compact form is the native library's, byte for byte, for every example", () => {
  const golden = readFileSync(new URL("../../tests/compact/examples.jsonl", import.meta.url), "utf8").trimEnd().split("\n");
  const pack = Pack.load();
  assert.equal(golden.length, names.length);
  names.forEach((name, i) => {
    const text = readFileSync(new URL(name, examples), "utf8");
    assert.equal(pack.evaluateJson(text, asOf, { compact: true }), golden[i], name);
  });
});

test("the compact form holds the report's facts", () => {
  const pack = Pack.load();
  for (const name of names) {
    const report = pack.evaluate(example(name), asOf);
    const compact = pack.evaluate(example(name), asOf, { compact: true });
    assert.equal(compact.status, report.status, name);
    assert.equal(compact.level_attained, report.level_attained, name);
    for (const c of report.competencies) {
      const listed = Object.entries(compact.competencies).filter(([, ids]) => ids.includes(c.id)).map(([state]) => state);
      assert.deepEqual(listed, c.state === "not_required" ? [] : [c.state], `${name}: ${c.id}`);
      assert.equal(compact.achieved[c.id] ?? null, c.achieved, `${name}: ${c.id}`);
    }
    assert.deepEqual(compact.requirements, Object.fromEntries(report.requirements.map((r) => [r.id, r.met])), name);
    assert.equal(compact.next_level?.ready, report.next_level?.ready, name);
    assert.equal(Object.values(compact.not_counted).reduce((a, b) => a + b, 0), report.not_counted.length, name);
    assert.equal(compact.findings, report.findings.length, name);
  }
});

test("messages come in the languages asked for, and the rest of the report is the same", () => {
  const pack = Pack.load();
  const participant = example("03-problems.json");
  const all = pack.evaluate(participant, asOf);
  const fr = pack.evaluate(participant, asOf, { languages: ["fr"] });
  const none = pack.evaluate(participant, asOf, { languages: [] });
  const keep = (langs) => (key, value) => (key === "message" ? Object.fromEntries(Object.entries(value).filter(([l]) => langs.includes(l))) : value);
  assert.equal(JSON.stringify(fr), JSON.stringify(all, keep(["fr"])));
  assert.equal(JSON.stringify(none), JSON.stringify(all, keep([])));
  assert.deepEqual(Object.keys(fr.status_reason.message), ["fr"]);
  assert.throws(() => pack.evaluate(participant, asOf, { languages: ["de"] }), (e) => e.code === "invalid_argument" && e.path === "languages" && /has no language `de`/.test(e.message));
});

test("evaluateMany gives compact results, one per participant, failures included", () => {
  const pack = Pack.load();
  const list = [example("01-new-enrolee.json"), { id: "broken" }, example("06-lapsed.json")];
  const results = pack.evaluateMany(list, asOf, { compact: true });
  assert.deepEqual(results.map((r) => r.type), ["success", "failure", "success"]);
  assert.equal(results[0].compact.status, "enrolled");
  assert.equal(results[1].error.code, "invalid_document");
  assert.equal(results[2].compact.status, "lapsed");
  assert.deepEqual(results[2].compact, pack.evaluate(list[2], asOf, { compact: true }));
});

test("options are checked at the boundary, by name", () => {
  const pack = Pack.load();
  const participant = example("01-new-enrolee.json");
  const refused = (options, path) =>
    assert.throws(() => pack.evaluate(participant, asOf, options), (e) => e instanceof CompetencyRulesError && e.code === "invalid_argument" && e.path === path, JSON.stringify(options));
  refused({ lang: "fr" }, "lang");
  refused({ languages: "fr" }, "languages");
  refused({ languages: ["fr", 3] }, "languages[1]");
  refused({ languages: ["en,fr"] }, "languages[0]");
  refused({ compact: "yes" }, "compact");
  refused({ pretty: true }, "pretty");
  refused("fr", "options");
  assert.throws(() => pack.evaluateJson(participant, asOf), (e) => e.code === "invalid_argument" && e.path === "participantJson");
  assert.throws(() => pack.evaluateMany(participant, asOf), (e) => e.code === "invalid_argument" && e.path === "participants");
});
