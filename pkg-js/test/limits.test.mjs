// The documented input limits through every JavaScript entry point: each at the limit and one
// past it, with the same result as the native library (tests/robustness.rs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as main from "../src/index.cjs";
import * as interop from "../src/interop.cjs";

const { Pack, limits, ParticipantError, PackError, CompetencyRulesError } = main;
const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const mini = JSON.parse(read("tests/conformance/packs/mini.json"));
const rustLimits = read("src/limits.rs");
const asOf = "2026-06-01";

const participant = (evidence = []) => ({ id: "p1", organization: "org-a", level: "staff", enrolled: "2026-01-01", evidence });
const course = (i) => ({ id: `e${i}`, kind: "course", item: "course.a", date: "2026-02-01", grade: 80, status: "approved", assessed_by: { role: "provider" } });
/** A value `depth` deep: arrays inside `depth - 1` more arrays. */
const nested = (depth) => (depth <= 1 ? [] : [nested(depth - 1)]);
/** `text` padded with spaces to `bytes` bytes of UTF-8. */
const padTo = (text, bytes) => text + " ".repeat(bytes - Buffer.byteLength(text));
const limitError = (kind) => (e) => e instanceof kind && e.code === "limit_exceeded";

test("limits() gives the native library's limits", () => {
  const l = limits();
  assert.equal(l.json_depth, 64);
  assert.equal(l.evidence, 10000);
  assert.deepEqual(interop.limits(), l);
  // Every one is named in src/limits.rs's table.
  assert.equal(Object.keys(l).length, 17);
  for (const name of Object.keys(l)) assert.match(rustLimits, new RegExp(`\\("${name}", `));
});

test("JSON depth: a participant alone, as text, and inside evaluateMany have one limit", () => {
  const pack = Pack.load(mini);
  const { json_depth: max } = limits();
  const atLimit = { x: nested(max - 1), ...participant() };
  const past = { x: nested(max), ...participant() };
  assert.equal(pack.evaluate(atLimit, asOf).participant, "p1");
  assert.throws(() => pack.evaluate(past, asOf), limitError(ParticipantError));
  assert.throws(() => pack.evaluateJson(JSON.stringify(past), asOf), (e) => limitError(ParticipantError)(e) && e.line === 1);
  const [ok, refused] = pack.evaluateMany([atLimit, past], asOf);
  assert.equal(ok.type, "success");
  assert.equal(refused.type, "failure");
  assert.equal(refused.error.code, "limit_exceeded");
});

test("evaluateMany: what JSON cannot write is that participant's failure, in input order", () => {
  const pack = Pack.load(mini);
  const cyclic = participant();
  cyclic.self = cyclic;
  let veryDeep = {};
  for (let i = 0; i < 200000; i += 1) veryDeep = { x: veryDeep };
  const results = pack.evaluateMany([participant(), cyclic, { ...participant(), x: veryDeep }, { ...participant(), id: "p2" }], asOf);
  assert.deepEqual(results.map((r) => r.type), ["success", "failure", "failure", "success"]);
  assert.equal(results[1].error.code, "invalid_document");
  assert.equal(results[2].error.code, "limit_exceeded");
  assert.equal(results[3].report.participant, "p2");
  assert.throws(() => pack.evaluate({ ...participant(), x: veryDeep }, asOf), limitError(ParticipantError));
  assert.throws(() => pack.evaluate({ ...participant(), n: 1n }, asOf), (e) => e instanceof ParticipantError && e.code === "invalid_document");
});

test("evidence items and participant size", () => {
  const pack = Pack.load(mini);
  const { evidence: max, participant_bytes: bytes } = limits();
  const many = (n) => participant(Array.from({ length: n }, (_, i) => course(i)));
  assert.equal(pack.evaluate(many(max), asOf).competencies[0].achieved, "skilled");
  assert.throws(() => pack.evaluate(many(max + 1), asOf), (e) => limitError(ParticipantError)(e) && e.path === "evidence");
  const text = JSON.stringify(participant([course(0)]));
  assert.ok(pack.evaluateJson(padTo(text, bytes), asOf));
  assert.throws(() => pack.evaluateJson(padTo(text, bytes + 1), asOf), limitError(ParticipantError));
});

test("ids: 128 characters, not 129", () => {
  const pack = Pack.load(mini);
  const { id_chars: max } = limits();
  assert.equal(pack.evaluate({ ...participant(), id: "p".repeat(max) }, asOf).participant.length, max);
  assert.throws(() => pack.evaluate({ ...participant(), id: "p".repeat(max + 1) }, asOf), (e) => limitError(ParticipantError)(e) && e.path === "id");
});

test("packs: size, competencies and rule depth", () => {
  const { pack_bytes: bytes, competencies, rule_depth: depth } = limits();
  const text = JSON.stringify(mini);
  assert.ok(Pack.load(padTo(text, bytes)));
  assert.throws(() => Pack.load(padTo(text, bytes + 1)), (e) => e instanceof PackError && e.diagnostics[0].code === "limit_exceeded");
  const withCompetencies = (n) => {
    const doc = structuredClone(mini);
    for (let i = doc.competency.length; i < n; i++) doc.competency.push({ ...mini.competency[0], id: `copy.${i}` });
    return doc;
  };
  assert.ok(Pack.load(withCompetencies(competencies)));
  assert.throws(
    () => Pack.load(withCompetencies(competencies + 1)),
    (e) => e instanceof PackError && e.diagnostics.some((d) => d.code === "limit_exceeded" && d.path === "competency"),
  );
  const withDepth = (n) => {
    let when = { item: "course.a" };
    for (let i = 1; i < n; i++) when = { all: [when] };
    return { ...mini, rule: [{ id: "deep", grants: [{ competency: "c.people", level: "basic" }], when }] };
  };
  assert.ok(Pack.load(withDepth(depth)));
  assert.throws(() => Pack.load(withDepth(depth + 1)), (e) => e instanceof PackError && e.diagnostics[0].path === "rule[0].when");
});

test("interop: statements per call, statement depth, CASE package depth", () => {
  const pack = interop.Pack.load();
  const learner = JSON.parse(read("examples/08-xapi-learner.json"));
  const { statements: max, json_depth: depth } = limits();
  // Texts that are not JSON are refused one by one: cheap statements to count.
  const sources = (n) => Array.from({ length: n }, () => "x");
  assert.equal(pack.evaluateWithStatements(learner, sources(max), "2026-11-24").intake.received, max);
  assert.throws(
    () => pack.evaluateWithStatements(learner, sources(max + 1), "2026-11-24"),
    (e) => e instanceof CompetencyRulesError && !(e instanceof ParticipantError) && e.code === "limit_exceeded",
  );
  const statement = (d) => ({ id: "00000001-0000-4000-8000-000000000000", x: nested(d - 1) });
  const report = (d) => pack.evaluateWithStatements(learner, [{ statements: [statement(d)] }], "2026-11-24").report;
  const detail = (d) => report(d).not_counted[0].reason.params.detail;
  assert.doesNotMatch(detail(depth), /nest more than/);
  assert.match(detail(depth + 1), /nest more than 64 deep/);
  const pkg = (d) => JSON.stringify({ CFDocument: { identifier: "d" }, x: nested(d - 1) });
  assert.ok(interop.importCase(pkg(depth)));
  assert.throws(() => interop.importCase(pkg(depth + 1)), (e) => e.code === "limit_exceeded" && e.path === "package");
});
