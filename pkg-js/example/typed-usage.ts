// A typed use of the package, checked by `tsc --noEmit` in CI: if the Rust types change, this
// stops compiling.
import { Pack, PackError, ParticipantError, checkPack, init } from "competency-rules";
import type { Compact, CompetencyResult, Diagnostic, EvaluateManyCompactResult, Participant, Report } from "competency-rules";

await init();
const pack = Pack.load();
const participant: Participant = {
  id: "p-1",
  organization: "county-a",
  level: "front_line",
  enrolled: "2026-01-15",
  evidence: [
    { id: "e1", kind: "association_course", item: "omssa.hsi101", date: "2026-03-02", grade: 88, status: "approved", assessed_by: { role: "provider" } },
  ],
};
const report: Report = pack.evaluate(participant, "2026-11-24");
const missing: CompetencyResult[] = report.competencies.filter((c) => c.state === "not_yet_enough_evidence");
const ready: boolean = report.next_level?.ready ?? false;
const fingerprint: string = report.pack.fingerprint;
const byLanguage: string | undefined = report.status_reason.message["fr"];
console.log(missing.length, ready, fingerprint, byLanguage);

// Messages in one language; the compact form (the answer without the explanation).
const french: Report = pack.evaluate(participant, "2026-11-24", { languages: ["fr"] });
const compact: Compact = pack.evaluate(participant, "2026-11-24", { compact: true });
const met: string[] = compact.competencies.met ?? [];
const results: EvaluateManyCompactResult[] = pack.evaluateMany([participant], "2026-11-24", { compact: true });
const statuses = results.map((r) => (r.type === "success" ? r.compact.status : r.error.code));
console.log(french.status, met.length, compact.requirements["coaching"], statuses);

try {
  Pack.load({ format: "competency-rules/pack@1" });
} catch (error) {
  if (error instanceof PackError) {
    const first: Diagnostic | undefined = error.diagnostics[0];
    console.log(first?.path, first?.line);
  } else if (error instanceof ParticipantError) {
    console.log(error.path);
  }
}
const diagnostics: Diagnostic[] = checkPack("{}");
console.log(diagnostics.length, pack.evaluateJson(JSON.stringify(participant), "2026-11-24", { pretty: true }).length);
using disposable = Pack.load();
console.log(disposable.info.id);

// Names in a language, and the courses that show a competency (next steps).
const names = pack.names("fr");
for (const c of missing) {
  const steps: string[] = names.itemsFor(c.id, c.required ?? "").map((item) => names.item(item.id));
  console.log(names.competency(c.id), names.proficiency(c.id, c.required), steps.join(", "));
}
// Errors say both languages where the package wrote them.
try {
  pack.evaluate(participant, "2026-02-30", { languages: ["fr"] });
} catch (error) {
  if (error instanceof ParticipantError || !(error instanceof PackError)) {
    const messages: { en: string; fr: string } | undefined = (error as import("competency-rules").CompetencyRulesError).messages;
    console.log(messages?.fr);
  }
}
