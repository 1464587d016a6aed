// The package's JavaScript API: loading, evaluating, structured errors, disposal, recovery, and the
// three entry points (Node ESM, Node CommonJS, browser ESM with initSync).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as api from "../src/index.cjs";

const { Pack, checkPack, engineVersion, PackError, ParticipantError, CompetencyRulesError, EngineCrashedError } = api;
// The test hook that makes the module trap (not a public export).
const crash = Symbol.for("competency-rules.crashForTesting");
const crashForTesting = () => Pack[crash]();
const example = (name) => JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), "utf8"));
const mini = readFileSync(new URL("../../tests/conformance/packs/mini.json", import.meta.url), "utf8");
const cargoVersion = /^version = "([^"]+)"/m.exec(readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8"))[1];

test("the embedded HSLP pack evaluates an example in three lines", () => {
  const pack = Pack.load();
  const report = pack.evaluate(example("05-completed-senior-leader"), "2026-11-24");
  assert.equal(report.status, "completed");
  assert.equal(report.level_attained, "senior_leader");
  assert.equal(report.pack.id, "hslp");
  assert.equal(report.pack.fingerprint, pack.info.fingerprint);
  assert.match(pack.info.fingerprint, /^sha256:[0-9a-f]{64}$/);
  assert.equal(engineVersion(), cargoVersion);
  assert.equal(report.engine.version, cargoVersion);
});

test("objects and JSON text give the same report, byte for byte", () => {
  const pack = Pack.load();
  const participant = example("03-problems");
  const fromObject = pack.evaluate(participant, "2026-11-24");
  const text = pack.evaluateJson(JSON.stringify(participant), "2026-11-24");
  assert.equal(JSON.stringify(fromObject), text);
  assert.equal(pack.evaluateJson(JSON.stringify(participant), "2026-11-24", { pretty: true }), JSON.stringify(fromObject, null, 2));
});

test("a pack loads from JSON text, bytes, an object or files, and the fingerprint ignores the form", () => {
  const fromText = Pack.load(mini);
  const fromBytes = Pack.load(new TextEncoder().encode(mini));
  const fromObject = Pack.load(JSON.parse(mini));
  const fromFiles = Pack.load([{ name: "mini.json", text: mini }]);
  const fingerprints = new Set([fromText, fromBytes, fromObject, fromFiles].map((p) => p.info.fingerprint));
  assert.equal(fingerprints.size, 1);
  assert.equal(fromText.info.id, "mini");
  assert.equal(fromText.document().competency.length, 5);
});

test("a bad pack throws PackError with every diagnostic and its path", () => {
  const broken = JSON.parse(mini);
  broken.competency[0].outcome = "o.nothing";
  broken.catalogue[0].min_grade = 140;
  assert.throws(() => Pack.load(broken), (error) => {
    assert.ok(error instanceof PackError && error instanceof CompetencyRulesError && error instanceof Error);
    assert.equal(error.code, "invalid_pack");
    const paths = error.diagnostics.map((d) => `${d.code} ${d.path}`);
    assert.ok(paths.includes("unknown_id competency[0].outcome"), paths.join("\n"));
    assert.ok(paths.includes("out_of_range catalogue[0].min_grade"), paths.join("\n"));
    return true;
  });
});

test("checkPack returns diagnostics without throwing", () => {
  assert.deepEqual(checkPack(mini), []);
  const diagnostics = checkPack('{"format": "competency-rules/pack@1"}');
  assert.ok(diagnostics.length > 3);
  assert.ok(diagnostics.every((d) => d.severity && d.code && typeof d.message === "string" && "path" in d));
  const syntax = checkPack("{ not json");
  assert.equal(syntax[0].code, "syntax");
  assert.equal(syntax[0].line, 1);
  // The built-in pack is clean.
  assert.deepEqual(checkPack(), []);
});

test("checkPack takes what Pack.load takes, bytes included, and places a misspelt id by line and column", () => {
  const doc = JSON.parse(mini);
  doc.competency[0].outcome = "o.thinkin";
  const text = JSON.stringify(doc, null, 2);
  const lines = text.split("\n");
  const line = 1 + lines.findIndex((l) => l.includes('"outcome": "o.thinkin"'));
  const column = 1 + lines[line - 1].indexOf('"outcome"');
  for (const source of [text, new TextEncoder().encode(text), new TextEncoder().encode(text).buffer, [{ name: "mini.json", text }]]) {
    const [d, ...rest] = checkPack(source);
    assert.deepEqual(rest, []);
    assert.equal(d.code, "unknown_id");
    assert.equal(d.path, "competency[0].outcome");
    assert.deepEqual([d.file, d.line, d.column], [Array.isArray(source) ? "mini.json" : "pack.json", line, column]);
    assert.match(d.message, /did you mean `o\.thinking`\?/);
  }
  // The same diagnostics when loading throws.
  assert.throws(() => Pack.load(new TextEncoder().encode(text)), (error) => error instanceof PackError && error.diagnostics[0].line === line);
  // A trailing comma is one error.
  const comma = checkPack(text.replace(/\n}$/, ",\n}"));
  assert.equal(comma.length, 1);
  assert.equal(comma[0].code, "syntax");
});

test("participant errors carry a code, the path of the field, and line/column for syntax", () => {
  const pack = Pack.load();
  assert.throws(() => pack.evaluate({ id: "p", organization: "o", level: "front_line" }, "2026-11-24"), (error) => {
    assert.ok(error instanceof ParticipantError);
    assert.equal(error.code, "invalid_document");
    assert.equal(error.path, "enrolled");
    return true;
  });
  assert.throws(() => pack.evaluateJson('{\n "id": }', "2026-11-24"), (error) => error.code === "syntax" && error.line === 2);
  assert.throws(() => pack.evaluate({ ...example("01-new-enrolee"), level: "intern" }, "2026-11-24"), (error) => error.code === "unknown_level" && error.path === "level");
  assert.throws(() => pack.evaluate(example("01-new-enrolee"), "24/11/2026"), (error) => error.code === "invalid_date" && error.path === "asOf");
});

test("evaluateMany returns one tagged result per participant", () => {
  const pack = Pack.load();
  const results = pack.evaluateMany([example("01-new-enrolee"), { id: "broken" }, example("06-lapsed")], "2026-11-24");
  assert.deepEqual(results.map((r) => r.type), ["success", "failure", "success"]);
  assert.equal(results[0].report.status, "enrolled");
  assert.equal(results[1].error.code, "invalid_document");
  assert.equal(results[2].report.status, "lapsed");
});

test("free() and Symbol.dispose release a pack; a freed pack says so", () => {
  const pack = Pack.load(mini);
  pack.free();
  assert.throws(() => pack.info, (error) => error.code === "freed");
  const disposable = Pack.load(mini);
  disposable[Symbol.dispose ?? Symbol.for("Symbol.dispose")]();
  assert.throws(() => disposable.document(), (error) => error.code === "freed");
});

test("a crashed module is reported clearly and restarted; existing packs keep working", () => {
  const pack = Pack.load();
  const before = pack.evaluateJson(JSON.stringify(example("02-in-progress-supervisor")), "2026-11-24");
  assert.throws(() => crashForTesting(), (error) => {
    assert.ok(error instanceof EngineCrashedError);
    assert.equal(error.code, "engine_crashed");
    assert.match(error.message, /restarted/);
    return true;
  });
  const after = pack.evaluateJson(JSON.stringify(example("02-in-progress-supervisor")), "2026-11-24");
  assert.equal(after, before);
});

test("require() works and gives the same results", () => {
  const cjs = createRequire(import.meta.url)("competency-rules");
  const pack = cjs.Pack.load();
  const report = pack.evaluate(example("04-ready-for-final-assignment"), "2026-11-24");
  assert.equal(report.status, "ready_for_final_assignment");
  assert.ok(new cjs.PackError({ code: "invalid_pack", message: "x" }) instanceof Error);
});

test("import and require of the package name give the same named exports, one instance", async () => {
  const require = createRequire(import.meta.url);
  for (const [name, expected] of [
    ["competency-rules", ["Pack", "checkPack", "engineVersion", "limits", "init", "initSync"]],
    ["competency-rules/interop", ["Pack", "checkPack", "importCase", "engineVersion", "limits"]],
    ["competency-rules/planning", ["Pack", "checkPack", "engineVersion", "limits", "init", "initSync"]],
  ]) {
    const esm = await import(name);
    const cjs = require(name);
    const named = Object.keys(esm).filter((key) => key !== "default").sort();
    assert.deepEqual(named, Object.keys(cjs).sort(), name);
    for (const key of expected) assert.equal(typeof esm[key], "function", `${name}: ${key}`);
    for (const key of named) assert.equal(esm[key], cjs[key], `${name}: ${key} is the same object`);
  }
  const main = await import("competency-rules");
  assert.equal("importCase" in main, false);
  // The test hook is not an export.
  assert.equal("crashForTesting" in main, false);
});

test("the browser entry works with initSync and no network", async () => {
  const browser = await import("../src/index.js");
  assert.throws(() => browser.Pack.load(), /init/);
  browser.initSync(readFileSync(new URL("../dist/competency_rules.wasm", import.meta.url)));
  const report = browser.Pack.load().evaluate(example("01-new-enrolee"), "2026-11-24");
  assert.equal(report.status, "enrolled");
});

test("the browser entry also restarts after a crash", async () => {
  const browser = await import("../src/index.js");
  await browser.init(readFileSync(new URL("../dist/competency_rules.wasm", import.meta.url)));
  const pack = browser.Pack.load();
  const before = pack.evaluateJson(JSON.stringify(example("06-lapsed")), "2026-11-24");
  // The restart makes no request: the module compiled at start-up is instantiated again.
  const realFetch = globalThis.fetch;
  let requests = 0;
  globalThis.fetch = (...args) => {
    requests += 1;
    return realFetch(...args);
  };
  try {
    for (let i = 0; i < 3; i += 1) {
      assert.throws(() => browser.Pack[crash](), (error) => error.code === "engine_crashed");
      assert.equal(pack.evaluateJson(JSON.stringify(example("06-lapsed")), "2026-11-24"), before);
    }
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.equal(requests, 0);
});

test("the main module says planned items are not projected in it, and counts none of them", () => {
  const pack = Pack.load();
  const participant = example("02-in-progress-supervisor");
  const plans = [{ id: "plan-1", kind: "association_course", item: "omssa.hsi101", date: "2027-01-15" }];
  const plain = pack.evaluate(participant, "2026-11-24");
  const report = pack.evaluate({ ...participant, planned: plans }, "2026-11-24");
  assert.equal(report.projection, undefined);
  const finding = report.findings.find((f) => f.reason.code === "planned_not_projected");
  assert.equal(finding?.field, "planned");
  assert.match(finding.reason.message.fr, /ne sont pas projetés/);
  // Nothing else differs: a plan is never evidence.
  assert.deepEqual({ ...report, findings: [] }, { ...plain, findings: [] });
});
