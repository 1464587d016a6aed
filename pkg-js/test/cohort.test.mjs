// Cohort reports from JavaScript (`competency-rules/planning`): the native library's bytes for the
// sample cohort, in full and aggregate-only; objects and JSON text give the same report; a
// participant that cannot be read is listed by its position; options checked at the boundary.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Pack } from "../src/planning.cjs";
import { Pack as MainPack } from "../src/index.cjs";

const root = new URL("../../", import.meta.url);
const sample = readFileSync(new URL("examples/cohort/participants.jsonl", root), "utf8");
const golden = (name) => readFileSync(new URL(`tests/cohort/${name}`, root), "utf8").trimEnd();
const asOf = "2026-11-24";

test("the sample cohort's report is the native library's, byte for byte", () => {
  const pack = Pack.load();
  assert.equal(JSON.stringify(pack.cohort(sample, asOf)), golden("sample.json"));
  assert.equal(JSON.stringify(pack.cohort(sample, asOf, { aggregateOnly: true })), golden("sample-aggregate.json"));
});

test("participant objects give the same report as JSON text", () => {
  const pack = Pack.load();
  const objects = sample.trimEnd().split("\n").map((line) => JSON.parse(line));
  assert.deepEqual(pack.cohort(objects, asOf), pack.cohort(sample, asOf));
  assert.deepEqual(pack.cohort(objects, asOf), pack.cohort(JSON.stringify(objects), asOf));
});

test("a participant that cannot be read is listed by its position, and the rest are counted", () => {
  const pack = Pack.load();
  const good = { id: "a", organization: "o", level: "manager", enrolled: "2026-09-01" };
  const cyclic = { id: "c" };
  cyclic.self = cyclic;
  const report = pack.cohort([good, { id: "b" }, cyclic, { ...good, id: "d" }], asOf);
  assert.equal(report.participants, 2);
  assert.equal(report.unreadable.count, 2);
  assert.deepEqual(report.unreadable.documents.map((d) => d.index), [1, 2]);
  assert.deepEqual(report.groups[0].readiness.developing.participants.concat(report.groups[0].readiness.ready_now.participants).sort(), ["a", "d"]);
});

test("a hole in the list keeps its place, and a participant given twice is listed", () => {
  const pack = Pack.load();
  const good = { id: "a", organization: "o", level: "manager", enrolled: "2026-09-01" };
  // eslint-disable-next-line no-sparse-arrays
  const report = pack.cohort([good, , { ...good, level: "chief" }, good], asOf);
  assert.equal(report.participants, 1);
  assert.deepEqual(report.unreadable.documents.map((d) => [d.index, d.error.code]), [[1, "invalid_document"], [2, "unknown_level"], [3, "duplicate_participant"]]);
});

test("aggregate-only reports name no one and hide small counts", () => {
  const pack = Pack.load();
  const report = pack.cohort(sample, asOf, { aggregateOnly: true, minCell: 10, groupBy: "organization" });
  const text = JSON.stringify(report);
  for (const line of sample.trimEnd().split("\n")) {
    assert.ok(!text.includes(JSON.parse(line).id));
  }
  assert.deepEqual([...new Set(report.groups.map((g) => g.by))], ["all", "organization"]);
  assert.ok(report.suppressed > 0);
  for (const g of report.groups) {
    for (const n of Object.values(g.status)) assert.ok(n === null || n === 0 || n >= 10);
  }
});

test("options are checked at the boundary", () => {
  const pack = Pack.load();
  const bad = [
    [{ minCell: 0 }, "minCell"],
    [{ readyWithin: -1 }, "readyWithin"],
    [{ groupBy: ["region"] }, "groupBy[0]"],
    [{ aggregateOnly: "yes" }, "aggregateOnly"],
    [{ ready: 2 }, "ready"],
  ];
  for (const [options, path] of bad) {
    assert.throws(() => pack.cohort(sample, asOf, options), (e) => e.code === "invalid_argument" && e.path === path, JSON.stringify(options));
  }
  assert.throws(() => pack.cohort(sample, "2026-13-01"), (e) => e.code === "invalid_date" && e.path === "asOf");
  assert.throws(() => pack.cohort(42, asOf), (e) => e.code === "invalid_argument" && e.path === "participants");
  assert.throws(() => pack.cohort(sample), (e) => e.code === "invalid_argument" && e.path === "asOf");
  assert.throws(() => pack.cohort(sample, asOf, { readyWithin: NaN }), (e) => e.code === "invalid_argument" && e.path === "readyWithin");
  assert.throws(() => pack.cohort(sample, asOf, { nearDays: Infinity }), (e) => e.code === "invalid_argument" && e.path === "nearDays");
});

test("the main entry says where cohort reports are", () => {
  assert.throws(() => MainPack.load().cohort(sample, asOf), (e) => e.code === "not_in_this_build" && /competency-rules\/planning/.test(e.message));
});
