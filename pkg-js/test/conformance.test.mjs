// The shared conformance corpus through the built package: every case must give exactly the bytes
// the native library gives (stored in tests/conformance/reports/ by the Rust test suite), through
// both the JSON-text path and the JS-object path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { Pack, CompetencyRulesError } from "../src/index.cjs";
import * as planning from "../src/planning.cjs";

const root = new URL("../../tests/conformance/", import.meta.url);
const cases = readdirSync(new URL("cases/", root)).filter((f) => f.endsWith(".json")).sort();
const packs = new Map();

// Cases that need a feature the main module is built without (`planning`: what-if projections)
// run in the module that has it.
const modules = { main: Pack, planning: planning.Pack };

/** The plain-JavaScript build (a script for pages; run here as CommonJS, as its UMD wrapper allows). */
function plainJs() {
  const module = { exports: {} };
  new Function("module", "exports", readFileSync(new URL("../dist/competency-rules.nowasm.umd.js", import.meta.url), "utf8"))(module, module.exports);
  return module.exports;
}
const nowasm = plainJs();
nowasm.initSync();

function packFor(c, engines = modules) {
  const module = c.requires ?? "main";
  const key = `${engines === modules ? "" : "js:"}${module}:${c.pack}:${JSON.stringify(c.pack_patch ?? null)}`;
  if (!packs.has(key)) {
    const Engine = engines[module];
    if (c.pack === "hslp" && !c.pack_patch) {
      packs.set(key, Engine.load());
    } else {
      const doc = JSON.parse(readFileSync(new URL(`packs/${c.pack}.json`, root), "utf8"));
      Object.assign(doc, c.pack_patch ?? {});
      packs.set(key, Engine.load(JSON.stringify(doc)));
    }
  }
  return packs.get(key);
}

test("the corpus has at least 40 cases", () => assert.ok(cases.length >= 40, `${cases.length} cases`));

for (const file of cases) {
  const c = JSON.parse(readFileSync(new URL(`cases/${file}`, root), "utf8"));
  const skip = c.requires && !modules[c.requires] ? `needs the ${c.requires} build` : false;
  test(`conformance ${file}`, { skip }, () => {
    const expected = readFileSync(new URL(`reports/${file}`, root), "utf8");
    const pack = packFor(c);
    const text = JSON.stringify(c.participant);
    let actual;
    try {
      actual = pack.evaluateJson(text, c.as_of, { pretty: true });
      // The object path gives the same report.
      assert.equal(JSON.stringify(pack.evaluate(c.participant, c.as_of), null, 2), actual);
    } catch (error) {
      if (!(error instanceof CompetencyRulesError) && !(error instanceof planning.CompetencyRulesError)) throw error;
      const { code, path, message, line, column, detail } = error;
      const native = { code, path, message, ...(line != null ? { line } : {}), ...(column != null ? { column } : {}), ...(detail ? { detail } : {}) };
      actual = JSON.stringify(native, null, 2);
    }
    assert.equal(`${actual}\n`, expected);
  });
}

// The plain-JavaScript build (wasm2js), held to the same bytes for every case the main module runs.
for (const file of cases) {
  const c = JSON.parse(readFileSync(new URL(`cases/${file}`, root), "utf8"));
  test(`conformance ${file} (plain JavaScript)`, { skip: c.requires ? `needs the ${c.requires} build` : false }, () => {
    const expected = readFileSync(new URL(`reports/${file}`, root), "utf8");
    let actual;
    try {
      actual = packFor(c, { main: nowasm.Pack }).evaluateJson(JSON.stringify(c.participant), c.as_of, { pretty: true });
    } catch (error) {
      if (!(error instanceof nowasm.CompetencyRulesError)) throw error;
      const { code, path, message, line, column, detail } = error;
      actual = JSON.stringify({ code, path, message, ...(line != null ? { line } : {}), ...(column != null ? { column } : {}), ...(detail ? { detail } : {}) }, null, 2);
    }
    assert.equal(`${actual}\n`, expected);
  });
}
