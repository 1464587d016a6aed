// A typed use of `competency-rules/planning`, checked by `tsc --noEmit` in CI.
import { Pack, init } from "competency-rules/planning";
import type { CohortReport, CohortReportOptions, Count, Participant, Plan, PlanOptions, Report } from "competency-rules/planning";

await init();
const pack = Pack.load();
const participant: Participant = {
  id: "p-3",
  organization: "city-of-example",
  level: "supervisor",
  enrolled: "2026-09-01",
  evidence: [],
};
const options: PlanOptions = { target: "next", by: "hours", completeBy: "2027-03-01", budgetMs: 50 };
const plan: Plan = pack.plan(participant, "2026-11-24", options);
for (const item of plan.items) {
  console.log(item.item, item.hours ?? "-", item.closes.map((g) => `${g.competency}:${g.level} (${g.for})`).join(", "));
}
for (const gap of plan.gaps.filter((g) => !g.catalogue_can_close)) {
  console.log(gap.competency, gap.kinds.map((k) => `${k.kind} by ${k.assessors.join("/")}`));
}
// What-if: the plan's items as the participant's planned items, projected by `evaluate`.
const report: Report = pack.evaluate({ ...participant, planned: plan.planned }, "2026-11-24");
console.log(plan.optimal, plan.lower_bound, report.projection?.changes.length);

// Succession readiness: a cohort report, aggregate-only to share across organizations.
const cohortOptions: CohortReportOptions = { aggregateOnly: true, minCell: 5, groupBy: ["organization"], readyWithin: 2 };
const cohort: CohortReport = pack.cohort([participant, { ...participant, id: "p-4" }], "2026-11-24", cohortOptions);
for (const group of cohort.groups) {
  const ready: Count = group.readiness.ready_now.count;
  console.log(group.by, group.id, ready ?? "suppressed", group.bench.map((b) => `${b.level}: ${b.ready_now ?? "-"}`));
}
for (const gap of cohort.gaps) console.log(gap.level, gap.competency, gap.met_percent ?? "suppressed");
// The report in words, from the same code as the command line's `--format text`.
const text: string = pack.explain(participant, "2026-11-24", { lang: "fr" });
console.log(text.split("\n")[0]);
