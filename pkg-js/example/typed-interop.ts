// A typed use of `competency-rules/interop`, checked by `tsc --noEmit` in CI.
import { Pack, importCase, init } from "competency-rules/interop";
import type { Intake, JsonObject, Participant, Report } from "competency-rules/interop";

await init();
const pack = Pack.load();
const participant: Participant = {
  id: "p-2",
  organization: "district-east",
  level: "front_line",
  enrolled: "2026-02-02",
  agents: [{ account: { homePage: "https://learning.omssa.example", name: "p2" } }],
  evidence: [],
};
const statement = {
  actor: { account: { homePage: "https://learning.omssa.example", name: "p2" } },
  verb: { id: "http://adlnet.gov/expapi/verbs/completed" },
  object: { id: "https://learning.omssa.example/xapi/courses/hsi101" },
  result: { completion: true, score: { scaled: 0.8 } },
  timestamp: "2026-03-01T10:00:00Z",
};
const { report, intake }: { report: Report; intake: Intake } = pack.evaluateWithStatements(participant, [statement], "2026-11-24");
const framework: JsonObject = pack.exportCase({ date: "2026-11-24", lang: "fr" });
const csv: string = pack.exportMoodle({ lang: "en" });
const clr = pack.credential(participant, { asOf: "2026-11-24", issuerId: "https://issuer.example/hslp", issuerName: "HSLP", kind: "clr" }, [statement]);
const skeleton = importCase(framework);
console.log(report.status, intake.evidence, csv.length, clr, skeleton.notes.length);
