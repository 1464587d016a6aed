// The planning module (`competency-rules/planning`): plans byte for byte the native library's
// (golden files written by `cargo test --test plan`), projections of planned items, options checked
// with the path of the mistake, and the planner kept out of the main module.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as planning from "../src/planning.cjs";
import * as main from "../src/index.cjs";

const { Pack, CompetencyRulesError } = planning;
const root = new URL("../../", import.meta.url);
const read = (path) => readFileSync(new URL(path, root), "utf8");
const example = (name) => JSON.parse(read(`examples/${name}.json`));

for (const [name, target] of [
  ["01-new-enrolee", "current"],
  ["02-in-progress-supervisor", "current"],
  ["02-in-progress-supervisor", "next"],
  ["07-override-manager", "next"],
]) {
  test(`the plan of ${name} (${target}) is the native library's, byte for byte`, () => {
    const pack = Pack.load();
    // (A budget the search never reaches: it finishes, so its result is fixed.)
    const plan = pack.plan(example(name), "2026-11-24", { target, budgetMs: 600000 });
    assert.equal(plan.optimal, true);
    assert.equal(`${JSON.stringify(plan, null, 2)}\n`, read(`tests/plans/${name}.${target}.json`));
  });
}

test("a plan says what each item closes, what no item can close, and what else completion needs", () => {
  const plan = Pack.load().plan(example("02-in-progress-supervisor"), "2026-11-24", { by: "hours" });
  assert.equal(plan.by, "hours");
  assert.equal(plan.total.items, 9);
  assert.equal(plan.total.hours, 146);
  const negotiation = plan.items.find((i) => i.item === "partner.negotiation");
  assert.deepEqual(negotiation.closes, [{ competency: "rel.negotiation", level: "awareness", for: "current" }]);
  const risk = plan.gaps.find((g) => g.competency === "chg.risk_management");
  assert.equal(risk.catalogue_can_close, false);
  assert.deepEqual(risk.kinds.map((k) => k.kind), ["self_study", "work_project"]);
  assert.deepEqual(plan.also_needed.map((r) => r.id), ["coaching", "mentoring", "final_assignment"]);
  // The plan's items, as planned items, projected by `evaluate`: the projection is the plan's.
  const participant = { ...example("02-in-progress-supervisor"), planned: plan.planned };
  const report = Pack.load().evaluate(participant, "2026-11-24");
  assert.deepEqual(report.projection.report.competencies, plan.projection.report.competencies);
});

test("a named competency is planned at the level given", () => {
  const plan = Pack.load().plan(example("01-new-enrolee"), "2026-11-24", { target: ["ssm.systems_thinking=proficient"] });
  assert.deepEqual(plan.items.map((i) => i.item), ["omssa.systems_thinking"]);
  assert.equal(plan.reaches_target, true);
});

test("options and targets are checked, each mistake by its path", () => {
  const pack = Pack.load();
  const participant = example("01-new-enrolee");
  for (const [options, path] of [
    [{ target: "everything" }, "target"],
    [{ target: ["nope"] }, "target"],
    [{ by: "weight" }, "by"],
    [{ budgetMs: 0 }, "budgetMs"],
    [{ completeBy: "2026-02-30" }, "completeBy"],
    [{ budget: 50 }, "budget"],
  ]) {
    assert.throws(() => pack.plan(participant, "2026-11-24", options), (e) => e instanceof CompetencyRulesError && e.path === path, JSON.stringify(options));
  }
  assert.throws(() => pack.plan(example("05-completed-senior-leader"), "2026-11-24", { target: "next" }), /no next level/);
});

test("a search cut short by its budget still returns a plan, and says it is not proven", () => {
  const plan = Pack.load().plan(example("01-new-enrolee"), "2026-11-24", { budgetMs: 1e-9 });
  // (The greedy plan stands; whether the search had time to prove it depends on the clock.)
  assert.ok(plan.items.length >= plan.lower_bound);
  if (!plan.optimal) assert.ok(plan.lower_bound <= plan.total.items);
});

test("the main module has no planner and says where it is; it reports plans as not projected", () => {
  const pack = main.Pack.load();
  assert.throws(() => pack.plan(example("01-new-enrolee"), "2026-11-24"), (e) => e.code === "not_in_this_build" && /competency-rules\/planning/.test(e.message));
  const participant = { ...example("01-new-enrolee"), planned: [{ id: "p1", kind: "association_course", item: "omssa.hsi101", date: "2027-01-10" }] };
  assert.equal(pack.evaluate(participant, "2026-11-24").projection, undefined);
  assert.ok(Pack.load().evaluate(participant, "2026-11-24").projection);
});
