// The interoperability module (`competency-rules/interop`): the same outputs as the native library
// (golden files written by `cargo test --test interop`), through both Node entries, with
// structured errors, and kept out of the main module.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as interop from "../src/interop.cjs";
import * as main from "../src/index.cjs";

const { Pack, importCase, CompetencyRulesError, ParticipantError } = interop;
const root = new URL("../../", import.meta.url);
const read = (path) => readFileSync(new URL(path, root), "utf8");
const golden = (name) => read(`tests/interop/golden/${name}`);
const mini = read("tests/conformance/packs/mini.json");
const learner = JSON.parse(read("examples/08-xapi-learner.json"));
const statementTexts = [read("examples/xapi/lms-page.json"), read("examples/xapi/duplicate-key.json")];

test("CASE and Moodle exports are the native library's", () => {
  const pack = Pack.load(mini);
  const cas = pack.exportCase({ date: "2026-11-24", lang: "fr", baseUri: "https://case.example/ims/case/v1p0" });
  assert.deepEqual(cas, JSON.parse(golden("mini-case-fr.json")));
  assert.equal(pack.exportMoodle({ lang: "en" }), golden("mini-moodle-en.csv"));
});

test("statements as JSON text become evidence exactly as natively, a repeated key included", () => {
  const pack = Pack.load();
  const { report, intake } = pack.evaluateWithStatements(learner, statementTexts, "2026-11-24");
  assert.equal(JSON.stringify(report, null, 2), golden("xapi-example-report.json"));
  assert.deepEqual(intake, { received: 10, evidence: 3, set_aside: 6, voiding: 1, unnamed: [], more: [] });
  const refused = report.not_counted.find((n) => n.at === "statements[1]");
  assert.match(refused.reason.params.detail, /the key is given twice/);
});

test("statements as objects, one or many, are read too", () => {
  const pack = Pack.load();
  const page = JSON.parse(statementTexts[0]);
  const fromPage = pack.evaluateWithStatements(learner, page, "2026-11-24");
  const fromList = pack.evaluateWithStatements(learner, page.statements, "2026-11-24");
  assert.equal(fromPage.intake.evidence, 3);
  assert.deepEqual(fromPage.intake.more, []);
  const partial = pack.evaluateWithStatements(learner, { ...page, more: "/xapi/statements?more=p2" }, "2026-11-24");
  assert.deepEqual(partial.intake.more, ["/xapi/statements?more=p2"]);
  assert.deepEqual(fromList.report.competencies, fromPage.report.competencies);
  const none = pack.evaluateWithStatements(learner, [], "2026-11-24");
  assert.deepEqual(none.report, pack.evaluate(learner, "2026-11-24"));
});

test("a participant without agents is told how to add them", () => {
  const pack = Pack.load();
  const { agents, ...anonymous } = learner;
  assert.ok(agents.length > 0);
  assert.throws(
    () => pack.evaluateWithStatements(anonymous, statementTexts, "2026-11-24"),
    (e) => e instanceof CompetencyRulesError && e.code === "no_agents" && e.path === "agents" && /"agents"/.test(e.message),
  );
  assert.throws(
    () => pack.evaluateWithStatements({ ...learner, enrolled: "2026-13-01" }, statementTexts, "2026-11-24"),
    (e) => e instanceof ParticipantError && e.path === "enrolled",
  );
});

test("credentials: a CLR for everyone, a program credential only once completed", () => {
  const pack = Pack.load();
  const options = { asOf: "2026-11-24", issuerId: "https://issuer.example.org/hslp", issuerName: "HSLP" };
  const clr = pack.credential(learner, { ...options, kind: "clr" }, statementTexts);
  assert.deepEqual(clr.type, ["VerifiableCredential", "ClrCredential"]);
  assert.equal(clr.partial, true);
  // The learner met five competencies through statements: five achievements besides the program.
  assert.equal(clr.credentialSubject.verifiableCredential.length, 5);
  assert.throws(
    () => pack.credential(learner, options, statementTexts),
    (e) => e.code === "not_eligible" && /not completed/.test(e.message),
  );
  const completed = JSON.parse(read("examples/05-completed-senior-leader.json"));
  const program = pack.credential(completed, options);
  assert.deepEqual(program.type, ["VerifiableCredential", "OpenBadgeCredential"]);
  assert.equal(program.validFrom, "2026-11-24T00:00:00Z");
  assert.throws(() => pack.credential(completed, { ...options, kind: "badge" }), (e) => e.path === "kind");
  assert.throws(() => pack.credential(completed, { asOf: "2026-11-24" }), (e) => e.path === "issuerId");
});

test("options that would make invalid documents are refused, with the option's name", () => {
  const pack = Pack.load(mini);
  const completed = JSON.parse(read("examples/05-completed-senior-leader.json"));
  const hslp = Pack.load();
  const options = { asOf: "2026-11-24", issuerId: "https://omssa.example/issuers/hslp", issuerName: "OMSSA" };
  assert.ok(hslp.credential(completed, options));
  const refused = (fn, path, pattern) =>
    assert.throws(fn, (e) => e instanceof CompetencyRulesError && e.code === "invalid_argument" && e.path === path && pattern.test(e.message));
  refused(() => pack.exportCase({ date: "2026-11-24", baseUri: "not a uri" }), "baseUri", /not an absolute URI/);
  refused(() => hslp.credential(completed, { ...options, issuerId: "not a uri" }), "issuerId", /not an absolute URI/);
  refused(() => hslp.credential(completed, { ...options, caseBaseUri: "case base" }), "caseBaseUri", /not an absolute URI/);
  refused(() => hslp.credential(completed, { ...options, issuerName: "  " }), "issuerName", /empty/);
  // (Refused before the participant is looked at: this one has not completed the program.)
  refused(() => hslp.credential(learner, { ...options, issuerName: "" }), "issuerName", /empty/);
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  refused(() => hslp.credential(completed, { ...options, asOf: tomorrow }), "asOf", /after today/);
});

test("a CASE package imports into a pack skeleton that loads", () => {
  const exported = Pack.load(mini).exportCase({ date: "2026-11-24", lang: "en" });
  const { pack, notes } = importCase(JSON.stringify(exported));
  assert.ok(Array.isArray(notes));
  const loaded = Pack.load(pack);
  assert.deepEqual(
    loaded.document().competency.map((c) => c.id),
    JSON.parse(mini).competency.map((c) => c.id),
  );
  assert.throws(() => importCase("{"), (e) => e.code === "syntax");
  assert.throws(() => importCase({ CFItems: [] }), (e) => e.code === "invalid_case");
});

test("a bilingual pack survives exportCase → importCase → exportCase, both languages at once", () => {
  const hslp = Pack.load();
  const en = hslp.exportCase({ date: "2026-11-24", lang: "en" });
  const fr = hslp.exportCase({ date: "2026-11-24", lang: "fr" });
  const { pack, notes } = importCase([en, JSON.stringify(fr)]);
  assert.ok(notes.some((n) => n.code === "restored"));
  const back = Pack.load(pack);
  assert.deepEqual(back.document(), hslp.document());
  assert.deepEqual(back.exportCase({ date: "2026-11-24", lang: "fr" }), fr);
  assert.throws(() => importCase([en, Pack.load(mini).exportCase({ date: "2026-11-24", lang: "en" })]), (e) => e.code === "invalid_case" && /one framework/.test(e.message));
});

test("a CASE package in another language imports into a skeleton that loads, with the messages to translate", () => {
  const exported = Pack.load(mini).exportCase({ date: "2026-11-24", lang: "en" });
  delete exported.CFDocument.extensions;
  exported.CFDocument.language = "es";
  const { pack, notes } = importCase({ CFPackage: exported });
  assert.deepEqual(Pack.load(pack).document().program.languages, ["es"]);
  assert.ok(notes.some((n) => n.code === "messages_to_translate"));
});

test("xAPI refusals name the field and say it in French too", () => {
  const pack = Pack.load();
  const statement = {
    id: "0d4f7a3e-1c52-4c8e-9a61-3f2b1e6d7a55",
    actor: { mbox: "mailto:robin.tremblay@east-dssab.example" },
    verb: { id: "http://adlnet.gov/expapi/verbs/completed" },
    object: { id: "https://learning.omssa.example/xapi/courses/hsi101", definition: { name: { en_US: "Course" } } },
    result: { completion: true, duration: "PT" },
    timestamp: "2026-06-01T12:00:00Z",
  };
  const { report } = pack.evaluateWithStatements(learner, [statement], "2026-11-24");
  const refused = report.not_counted.find((n) => n.evidence === `xapi:${statement.id}`);
  assert.equal(refused.reason.params.detail, "object.definition.name.en_US: `en_US` is not a BCP 47 language tag");
  assert.equal(refused.reason.message.fr, "Cette déclaration xAPI a été refusée\u00a0: object.definition.name.en_US\u00a0: «\u00a0en_US\u00a0» n'est pas une étiquette de langue BCP 47");
});

test("the interop entry also loads with require, and the main module says where interop lives", () => {
  const require = createRequire(import.meta.url);
  const cjs = require("../src/interop.cjs");
  assert.equal(cjs.Pack.load(mini).exportMoodle(), golden("mini-moodle-en.csv"));
  assert.equal(typeof main.importCase, "undefined");
  assert.throws(
    () => main.Pack.load().exportCase({ date: "2026-11-24" }),
    (e) => e.code === "not_in_this_build" && /competency-rules\/interop/.test(e.message),
  );
});

test("no credential carries the participant's id, name, email or xAPI identities", () => {
  const pack = Pack.load();
  const options = { asOf: "2026-11-24", issuerId: "https://issuer.example.org/hslp", issuerName: "HSLP" };
  const people = [
    [learner, statementTexts],
    [JSON.parse(read("examples/05-completed-senior-leader.json")), []],
  ];
  let written = 0;
  for (const [participant, statements] of people) {
    const secrets = [participant.id, participant.name];
    for (const who of [participant.coach, participant.mentor]) if (who) secrets.push(who.id, who.name);
    for (const agent of participant.agents ?? []) {
      if (agent.mbox) secrets.push(agent.mbox, agent.mbox.replace("mailto:", ""), agent.mbox.replace("mailto:", "").split("@")[0]);
      if (agent.account) secrets.push(agent.account.name);
    }
    for (const kind of ["program", "competencies", "clr"]) {
      for (const salt of [undefined, "a-salt"]) {
        let credential;
        try {
          credential = pack.credential(participant, { ...options, kind, salt }, statements);
        } catch (e) {
          assert.equal(e.code, "not_eligible");
          continue;
        }
        written += 1;
        const text = JSON.stringify(credential);
        for (const secret of secrets.filter(Boolean)) assert.ok(!text.includes(secret), `${kind} contains ${secret}`);
        assert.match(text, /"identityHash":"sha256\$[0-9a-f]{64}"/);
      }
    }
  }
  assert.ok(written >= 8, `${written} credentials`);
});
