// The JavaScript boundary: arguments of the wrong type or value are refused with `invalid_argument`
// (or `invalid_date`) naming the argument, in the language the call asks for, and never reach the
// module (where they used to make it trap); the next call works.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Pack, CompetencyRulesError } from "../src/index.cjs";
import * as planning from "../src/planning.cjs";
import * as interop from "../src/interop.cjs";

const example = (name) => JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), "utf8"));
const participant = example("02-in-progress-supervisor");
const pack = Pack.load();
const expected = pack.evaluateJson(JSON.stringify(participant), "2026-11-24");

/** `work` throws a CompetencyRulesError with `code` at `path`, whose message matches `pattern`. */
function refuses(work, code, path, pattern) {
  assert.throws(work, (error) => {
    assert.ok(error instanceof CompetencyRulesError, `${error}`);
    assert.notEqual(error.code, "engine_crashed");
    assert.equal(error.code, code);
    assert.equal(error.path, path);
    assert.match(error.message, pattern);
    return true;
  });
  // The module did not trap: the next call gives the same report.
  assert.equal(pack.evaluateJson(JSON.stringify(participant), "2026-11-24"), expected);
}

test("a date of the wrong type is refused by name, and the next call works", () => {
  refuses(() => pack.evaluate(participant, new Date("2026-11-24T12:00:00Z")), "invalid_argument", "asOf", /is a Date.*YYYY-MM-DD.*toISOString\(\)/s);
  refuses(() => pack.evaluate(participant, 20261124), "invalid_argument", "asOf", /`asOf` is a number: give the date as text/);
  refuses(() => pack.evaluate(participant), "invalid_argument", "asOf", /`asOf` is missing/);
  refuses(() => pack.evaluateJson(JSON.stringify(participant), null), "invalid_argument", "asOf", /`asOf` is missing/);
  refuses(() => pack.evaluateMany([participant], new Date()), "invalid_argument", "asOf", /is a Date/);
});

test("a date that is not a day of the calendar says so, not that its form is wrong", () => {
  refuses(() => pack.evaluate(participant, "2026-02-30"), "invalid_date", "asOf", /not a day of the calendar: month 02 of 2026 has 28 days/);
  refuses(() => pack.evaluate(participant, "2026-13-01"), "invalid_date", "asOf", /there is no month 13/);
  refuses(() => pack.evaluate(participant, "24/11/2026"), "invalid_date", "asOf", /not a date in the form YYYY-MM-DD/);
  // A leap day is a day.
  assert.equal(pack.evaluate(participant, "2028-02-29").participant, participant.id);
});

test("a participant of the wrong type is refused by name", () => {
  refuses(() => pack.evaluate(undefined, "2026-11-24"), "invalid_argument", "participant", /`participant` is missing/);
  refuses(() => pack.evaluate(JSON.stringify(participant), "2026-11-24"), "invalid_argument", "participant", /is text: .*evaluateJson/);
  refuses(() => pack.evaluate([participant], "2026-11-24"), "invalid_argument", "participant", /is a list/);
  refuses(() => pack.evaluateJson(participant, "2026-11-24"), "invalid_argument", "participantJson", /is an object: .*JSON text/);
  refuses(() => pack.evaluateJson(undefined, "2026-11-24"), "invalid_argument", "participantJson", /is missing/);
  // In a batch, a participant that is not an object is that participant's failure.
  const [ok, bad] = pack.evaluateMany([participant, 42], "2026-11-24");
  assert.equal(ok.type, "success");
  assert.deepEqual([bad.type, bad.error.code, bad.error.path], ["failure", "invalid_argument", "participant"]);
});

test("errors come in the language the call asks for, with both languages on the error", () => {
  assert.throws(() => pack.evaluate(participant, "2026-02-30", { languages: ["fr"] }), (error) => {
    assert.equal(error.code, "invalid_date");
    assert.equal(error.message, "«\u00a02026-02-30\u00a0» n'est pas un jour du calendrier\u00a0: le mois 02 de 2026 compte 28\u00a0jours");
    assert.match(error.messages.en, /month 02 of 2026 has 28 days/);
    return true;
  });
  assert.throws(() => pack.evaluate(undefined, "2026-11-24", { languages: ["fr", "en"] }), /`participant` est manquant\u00a0: donnez le document du participant/);
  assert.throws(() => pack.evaluateJson("{}", new Date(), { languages: ["fr"] }), /est un objet Date, c'est-à-dire un instant/);
  assert.throws(() => pack.evaluate(participant, "2026-11-24", { languages: ["fr"], colour: true }), /`colour` n'est pas une option ici/);
  // English when nothing is asked, or when only other languages are.
  assert.throws(() => pack.evaluate(participant, "2026-02-30", { languages: ["es"] }), /month 02 of 2026 has 28 days/);
  // No English is left inside the French messages.
  for (const work of [() => pack.evaluate(null, 7), () => pack.evaluate(participant, 7), () => pack.evaluate(participant, "x")]) {
    assert.throws(() => (work.length, work()), (error) => {
      assert.ok(error.messages, `${error.code} has both languages`);
      assert.doesNotMatch(error.messages.fr, /\b(is|the|give|missing|text|date in the form)\b/);
      return true;
    });
  }
});

test("the planning and interoperability functions check their arguments too", () => {
  const planner = planning.Pack.load();
  assert.throws(() => planner.plan(participant, new Date()), (e) => e.code === "invalid_argument" && e.path === "asOf");
  assert.throws(() => planner.plan("text", "2026-11-24"), (e) => e.code === "invalid_argument" && e.path === "participant");
  assert.throws(() => planner.cohort([participant], 20261124), (e) => e.code === "invalid_argument" && e.path === "asOf");
  assert.equal(planner.plan(participant, "2026-11-24").as_of, "2026-11-24");
  const bridge = interop.Pack.load();
  assert.throws(() => bridge.evaluateWithStatements(undefined, [], "2026-11-24"), (e) => e.code === "invalid_argument" && e.path === "participant");
  assert.throws(() => bridge.evaluateWithStatements(participant, [], new Date()), (e) => e.code === "invalid_argument" && e.path === "asOf");
  assert.throws(() => bridge.credential(participant, { asOf: new Date(), issuerId: "https://example.org", issuerName: "x" }), (e) => e.code === "invalid_argument" && e.path === "asOf");
  assert.equal(bridge.evaluateWithStatements(participant, [], "2026-11-24").report.participant, participant.id);
});

test("a pack used after free() says so in the language asked", () => {
  const freed = Pack.load();
  freed.free();
  assert.throws(() => freed.evaluate(participant, "2026-11-24", { languages: ["fr"] }), (e) => e.code === "freed" && /libéré/.test(e.message));
});

test("the engine's own failures come in French too, written from their code and detail", () => {
  const french = { languages: ["fr"] };
  const failing = (work) => {
    try {
      work();
    } catch (error) {
      return error;
    }
    assert.fail("no error");
  };
  const missing = failing(() => pack.evaluate({ ...participant, enrolled: undefined }, "2026-11-24", french));
  assert.equal(missing.code, "invalid_document");
  assert.deepEqual(missing.detail, { wrong: "missing" });
  assert.equal(missing.message, "«\u00a0enrolled\u00a0» est absent");
  assert.equal(missing.messages.en, "missing key `enrolled`");
  const type = failing(() => pack.evaluate({ ...participant, enrolled: 20260101 }, "2026-11-24", french));
  assert.equal(type.message, "«\u00a0enrolled\u00a0» devrait être une chaîne de caractères, et non un nombre");
  const level = failing(() => pack.evaluate({ ...participant, level: "intern" }, "2026-11-24", french));
  assert.equal(level.code, "unknown_level");
  assert.match(level.message, /^«\u00a0intern\u00a0» n'est pas un niveau organisationnel de cet ensemble de règles \(niveaux\u00a0: front_line, /);
  const syntax = failing(() => pack.evaluateJson("{\n  \"id\": ", "2026-11-24", french));
  assert.equal(syntax.code, "syntax");
  assert.equal(syntax.message, `le document n'est pas du JSON valide (ligne ${syntax.line}, colonne ${syntax.column})`);
  // English by default, the engine's own words.
  assert.equal(failing(() => pack.evaluate({ ...participant, enrolled: undefined }, "2026-11-24")).message, "missing key `enrolled`");
});

test("names, itemsFor and explain refuse what they cannot answer instead of answering something else", () => {
  assert.throws(() => pack.names("de"), (e) => e.code === "invalid_argument" && e.path === "lang" && /has no language `de`/.test(e.message));
  const names = pack.names("fr");
  assert.equal(names.competency("ssm.systems_thinking"), "Pensée systémique");
  assert.throws(() => names.itemsFor("ssm.systems_thinking", "bogus"), (e) => e.path === "level" && /n'est pas un niveau de compétence/.test(e.message));
  assert.throws(() => names.itemsFor("ssm.systems_thinking", "supervisor"), (e) => e.path === "level");
  assert.throws(() => names.itemsFor("nope", "working"), (e) => e.path === "competency");
  const steps = names.itemsFor("ssm.systems_thinking", "proficient").map((i) => i.id);
  assert.ok(steps.includes("omssa.systems_thinking") && !steps.includes("omssa.hsi101"), steps.join());
  const planner = planning.Pack.load();
  assert.throws(() => planner.explain(participant, "2026-11-24", "fr"), (e) => e.code === "invalid_argument" && e.path === "options");
  assert.throws(() => planner.explain(participant, "2026-11-24", { lang: "de" }), (e) => e.code === "invalid_argument" && e.path === "lang" && e.detail?.wrong === "unknown_language");
  assert.match(planner.explain(participant, "2026-11-24", { lang: "fr" }), /Statut\u00a0: /);
});

test("calendar edge cases: year 0000 has a 29 February, and day 00 is named", () => {
  assert.equal(pack.evaluate({ ...participant, enrolled: "0000-01-01" }, "0000-02-29").as_of, "0000-02-29");
  refuses(() => pack.evaluate(participant, "0000-02-30"), "invalid_date", "asOf", /month 02 of 0000 has 29 days/);
  refuses(() => pack.evaluate(participant, "2026-01-00"), "invalid_date", "asOf", /there is no day 00/);
  refuses(() => pack.evaluate(participant, "2026-00-10"), "invalid_date", "asOf", /there is no month 00/);
});
