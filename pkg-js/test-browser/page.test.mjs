// The example status page in a real browser (Debian's Chromium driven by playwright-core):
// evaluates example participants, checks what is shown in English and French, audits
// accessibility with axe-core, and saves a screenshot to test-browser/artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { launch } from "./chromium.mjs";
import { serve } from "./server.mjs";
import { Pack } from "../src/index.cjs";
import * as planning from "../src/planning.cjs";

const require = createRequire(import.meta.url);
const artifacts = new URL("./artifacts/", import.meta.url);
let server;
let browser;
let page;

const example = (name) => JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), "utf8"));

/** Selects an example participant and waits until the page shows its report in `lang`. */
async function choose(name, lang = "en") {
  // Selecting fires `change` even when the participant is already shown, and the page then loads
  // and renders it again: wait for that render, not the one already on the page.
  await page.evaluate(() => delete document.body.dataset.participant);
  await page.selectOption("#example", name);
  if ((await page.getAttribute("body", "data-lang")) !== lang) await page.click(`#lang-${lang}`);
  const id = example(name).id;
  await page.waitForSelector(`body[data-participant="${id}"][data-lang="${lang}"]`);
}

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await serve();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(`${server.url}/pkg-js/example/`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 20000 });
  assert.deepEqual(errors, []);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the page evaluates the participant with problems and shows why evidence did not count", async () => {
  await choose("03-problems");
  assert.match(await page.locator("#status-value").innerText(), /in progress/);
  const expected = Pack.load().evaluate(example("03-problems"), "2026-11-24");
  const rows = await page.locator("#not-counted tbody tr.not-counted").count();
  assert.equal(rows, expected.not_counted.length);
  const notCounted = await page.locator("#not-counted").innerText();
  // Dates in sentences read as each language writes them.
  assert.match(notCounted, /expired on March 10, 2025/);
  assert.match(notCounted, /Over the prior-learning cap/);
  const mentoring = await page.locator('[data-requirement="mentoring"]').innerText();
  assert.match(mentoring, /appointed by the program from another organization/);
  // Well-being was claimed only by prior learning submitted after the claim window.
  // What is missing is grouped by why: names, the level needed, and next steps; never ids.
  const wellbeing = await page.locator('#missing ul[data-state="not_yet_enough_evidence"] li[data-competency="per.wellbeing"]').innerText();
  assert.match(wellbeing, /^Well-being and resilience — Required: Working knowledge/);
  const missing = await page.locator("#missing").innerText();
  const groups = expected.competencies.filter((c) => c.required && c.state === "not_yet_enough_evidence").length;
  assert.match(missing, new RegExp(`No evidence has counted yet \\(${groups}\\)`));
  assert.equal(missing.match(/no evidence has counted yet/gi).length, 1, "said once, for the group");
  assert.doesNotMatch(missing, /pl-big|program_assessor|per\.wellbeing/);
  const findings = await page.locator("#findings").innerText();
  assert.match(findings, /own organization/);
});

test("the matrix shows required and achieved levels for every competency", async () => {
  await choose("02-in-progress-supervisor");
  const row = await page.locator('#matrix tr[data-competency="ssm.service_integration"]').innerText();
  assert.match(row, /Service integration\s+Working knowledge\s+Proficient\s+met/);
  assert.match(row, /Human services integration pathway/);
  const expected = Pack.load().evaluate(example("02-in-progress-supervisor"), "2026-11-24");
  assert.equal(await page.locator("#matrix tbody tr").count(), expected.competencies.length);
  assert.equal(await page.locator("#matrix table").count(), 5);
});

test("a competency still to reach shows what it looks like at the participant's level", async () => {
  await choose("02-in-progress-supervisor");
  const item = page.locator('#missing li[data-competency="ssm.systems_thinking"]');
  const details = item.locator("details.looks-like");
  assert.equal(await details.count(), 1);
  assert.equal(await details.locator("summary").innerText(), "What this looks like at your level");
  // Closed until opened, from the keyboard.
  assert.equal(await details.getAttribute("open"), null);
  await details.locator("summary").focus();
  await page.keyboard.press("Enter");
  assert.equal(await details.getAttribute("open"), "");
  const text = await details.innerText();
  assert.match(text, /Connects the team's work to the services clients use next/);
  assert.match(text, /Effective behaviours\s+Maps the referrals the team makes and receives/);
  assert.match(text, /Ineffective behaviours\s+Treats each case/);
  // A competency whose cell is in the short form has none.
  const other = page.locator('#missing li[data-competency="ssm.integrated_planning"] details');
  assert.equal(await other.count(), 0);
  await choose("02-in-progress-supervisor", "fr");
  const fr = await page.locator('#missing li[data-competency="ssm.systems_thinking"] details').innerText();
  assert.match(fr, /À quoi cela ressemble à votre niveau/);
  await page.click("#lang-en");
  await page.waitForFunction(() => document.documentElement.lang === "en");
});

test("switching to French relabels the page and the reasons", async () => {
  await choose("03-problems");
  // Keyboard only: focus the French button and press Enter.
  await page.focus("#lang-fr");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.documentElement.lang === "fr");
  assert.equal(await page.locator("#not-counted-heading").innerText(), "Preuves non comptées");
  assert.match(await page.locator("#status-value").innerText(), /en cours/);
  assert.match(await page.locator("#not-counted").innerText(), /a expiré le 10 mars 2025/);
  // French typography: a no-break space before each colon, never a bare "x:".
  const text = await page.locator("body").innerText();
  assert.doesNotMatch(text.replace(/https?:\/\/\S+/g, ""), /[^\s\u00a0\d]:/);
  assert.match(await page.locator("#requirements").innerText(), /Travail final \(exigence (non )?remplie\)/);
  assert.equal(await page.locator("#lang-fr").getAttribute("aria-pressed"), "true");
  assert.equal(await page.locator('#example option[value="06-lapsed"]').innerText(), "06 — échu");
  await page.screenshot({ path: new URL("status-page-fr.png", artifacts).pathname, fullPage: true });
  await page.click("#lang-en");
  await page.waitForFunction(() => document.documentElement.lang === "en");
});

test("a completed senior leader shows completed, and a screenshot is saved", async () => {
  await choose("05-completed-senior-leader");
  assert.match(await page.locator("#status-value").innerText(), /completed/);
  assert.equal(await page.locator("#requirements li.not-ok").count(), 0);
  await page.screenshot({ path: new URL("status-page.png", artifacts).pathname, fullPage: true });
});

test("the page says whom it shows", async () => {
  await choose("02-in-progress-supervisor");
  const participant = example("02-in-progress-supervisor");
  const shown = await page.locator("#shown").innerText();
  assert.match(shown, new RegExp(`^Participant: ${participant.name ? `${participant.name} \\(${participant.id}\\)` : participant.id}`));
  if (participant.organization) assert.match(shown, new RegExp(`Organization: ${participant.organization}`));
});

test("reflow: at 320 and 375 px wide nothing but the wide tables scrolls sideways (WCAG 1.4.10)", async () => {
  await choose("03-problems");
  for (const width of [320, 375]) {
    await page.setViewportSize({ width, height: 800 });
    // The page itself does not scroll sideways: everything but a data table fits.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= width, `page is ${overflow} px wide at ${width} px`);
    for (const id of ["example", "file", "as-of", "plan-target", "plan-by"]) {
      const box = await page.locator(`#${id}`).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width, `#${id} ends at ${box.x + box.width} px at ${width} px`);
    }
  }
  await page.setViewportSize({ width: 1200, height: 900 });
});

test("axe-core finds no serious or critical accessibility violations", async () => {
  for (const [participant, lang] of [["03-problems", "en"], ["02-in-progress-supervisor", "fr"]]) {
    await choose(participant, lang);
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    const results = await page.evaluate(async () => await globalThis.axe.run(document, { resultTypes: ["violations"] }));
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), [], `${participant} ${lang}`);
  }
});

test("the interoperability module runs in the browser with the native library's results", async () => {
  const other = await browser.newPage();
  await other.goto(`${server.url}/pkg-js/example/`);
  const result = await other.evaluate(async () => {
    const { init, Pack } = await import("../src/interop.js");
    await init();
    const text = (path) => fetch(`../../${path}`).then((r) => r.text());
    const learner = JSON.parse(await text("examples/08-xapi-learner.json"));
    const statements = [await text("examples/xapi/lms-page.json"), await text("examples/xapi/duplicate-key.json")];
    const { report } = Pack.load().evaluateWithStatements(learner, statements, "2026-11-24");
    const mini = await text("tests/conformance/packs/mini.json");
    return { report: JSON.stringify(report, null, 2), moodle: Pack.load(mini).exportMoodle({ lang: "en" }) };
  });
  const golden = (name) => readFileSync(new URL(`../../tests/interop/golden/${name}`, import.meta.url), "utf8");
  assert.equal(result.report, golden("xapi-example-report.json"));
  assert.equal(result.moodle, golden("mini-moodle-en.csv"));
  await other.close();
});

test("a framework without outcomes, with two scales and chosen competencies, shows as it is written", async () => {
  // The test pack, made flat (no outcomes), with a second scale and a choice at staff level.
  const pack = JSON.parse(readFileSync(new URL("../../tests/conformance/packs/mini.json", import.meta.url), "utf8"));
  delete pack.outcome;
  for (const competency of pack.competency) delete competency.outcome;
  pack.scale = [pack.scale, { id: "attributes", name: { en: "Attributes", fr: "Qualités" },
    level: [{ id: "emerging", name: { en: "Emerging", fr: "En émergence" } }, { id: "evident", name: { en: "Evident", fr: "Manifeste" } }] }];
  pack.competency.push({ id: "c.integrity", scale: "attributes", name: { en: "Integrity", fr: "Intégrité" },
    description: { en: "Acts with integrity.", fr: "Agit avec intégrité." }, expected: { staff: "emerging", lead: "evident" } });
  pack.completion[0].chosen = { count: 1, from: ["c.analysis", "c.writing"] };
  writeFileSync(new URL("flat-pack.json", artifacts), JSON.stringify(pack));
  const participant = { id: "flat-1", organization: "org-a", level: "staff", enrolled: "2026-01-01",
    development: { competencies: ["c.writing"], agreed_by: "manager", agreed_on: "2026-01-15" },
    evidence: [{ id: "w1", kind: "project", date: "2026-03-01", status: "approved", assessed_by: { role: "program_assessor" },
      claims: [{ competency: "c.integrity", level: "evident" }] }] };
  const participantFile = new URL("flat-participant.json", artifacts).pathname;
  writeFileSync(participantFile, JSON.stringify(participant));
  const other = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  other.on("pageerror", (error) => errors.push(error));
  await other.goto(`${server.url}/pkg-js/example/?pack=../test-browser/artifacts/flat-pack.json`);
  await other.waitForSelector("body[data-ready=true]", { timeout: 20000 });
  await other.setInputFiles("#file", participantFile);
  await other.waitForSelector('body[data-participant="flat-1"]');
  assert.deepEqual(errors, []);
  // No outcome progress; one matrix table for all competencies.
  assert.equal(await other.locator("#outcomes-heading").isHidden(), true);
  assert.equal(await other.locator("#matrix table").count(), 1);
  // A level is named on its competency's own scale; the chosen requirement is listed.
  const integrity = await other.locator('#matrix tr[data-competency="c.integrity"]').innerText();
  assert.match(integrity, /Emerging/);
  assert.match(integrity, /Evident/);
  assert.match(await other.locator('[data-requirement="chosen"]').innerText(), /Chosen competencies.*1 competency chosen and agreed/);
  await other.click("#lang-fr");
  await other.waitForSelector('body[data-lang="fr"]');
  assert.match(await other.locator('#matrix tr[data-competency="c.integrity"]').innerText(), /Manifeste/);
  assert.match(await other.locator('[data-requirement="chosen"]').innerText(), /Compétences choisies/);
  await other.close();
});

test("what next: the page proposes the plan, each item with what it closes, and a what-if per item", async () => {
  await choose("02-in-progress-supervisor");
  // Keyboard only: focus the button and press Enter (the planning module loads on first use).
  await page.focus("#plan-button");
  await page.keyboard.press("Enter");
  await page.waitForSelector('body[data-plan="current:count:9"]', { timeout: 20000 });
  assert.equal(await page.locator("#plan-summary").innerText(), "A proven minimum: 9 items, 146 h, cost $4,800.00.");
  assert.equal(await page.locator("#plan-status").innerText(), "A proven minimum: 9 items, 146 h, cost $4,800.00");
  assert.equal(await page.locator("#plan-items li").count(), 9);
  const negotiation = page.locator('#plan-items li[data-item="partner.negotiation"]');
  assert.match(await negotiation.innerText(), /Negotiation and Conflict Resolution \(partner-program course; 14 h; cost \$700\.00\) — closes: Negotiation and conflict resolution \(Awareness\)/);
  assert.match(await page.locator("#plan-gaps").innerText(), /Can be shown by: self-study assignment \(coach, program assessor\); work project \(coach, program assessor\)\n[\s\S]*Risk management \(Awareness\)/);
  assert.equal(await page.locator("#plan-gaps h4").count(), 1);
  assert.match(await page.locator("#plan").innerText(), /Professional municipal manager designation: Claimed on November 24, 2026, after the claim window closed on December 30, 2025/);
  // The what-if: the plan's items ticked, then one unticked from the keyboard.
  // (What the page should say, from the planning module in Node.)
  const planner = planning.Pack.load();
  const participant = example("02-in-progress-supervisor");
  const plan = planner.plan(participant, "2026-11-24");
  const met = (report) => report.competencies.filter((c) => c.state === "met").length;
  const metNow = met(Pack.load().evaluate(participant, "2026-11-24"));
  assert.match(await page.locator("#what-if").innerText(), new RegExp(`Competencies met: ${metNow} → ${met(plan.projection.report)}`));
  const withoutNegotiation = planner.evaluate({ ...participant, planned: plan.planned.filter((p) => p.item !== "partner.negotiation") }, "2026-11-24");
  await negotiation.locator("input").focus();
  await page.keyboard.press("Space");
  await page.waitForFunction((n) => document.querySelector("#what-if")?.innerText.includes(`→ ${n}`), met(withoutNegotiation.projection.report));
  assert.equal(await negotiation.locator("input").isChecked(), false);
  // By hours, and for the next level; in French.
  await page.selectOption("#plan-by", "hours");
  await page.waitForSelector('body[data-plan="current:hours:9"]');
  await page.click("#lang-fr");
  await page.waitForFunction(() => document.documentElement.lang === "fr");
  assert.equal(await page.locator("#next-heading").innerText(), "Et ensuite");
  assert.match(await page.locator("#plan-summary").innerText(), /Un minimum prouvé\u00a0: 9 éléments, 146\u00a0h, coût 4[\u00a0\u202f]800,00[\u00a0\u202f]\$\./);
  assert.match(await page.locator("#what-if-heading").innerText(), /Si les éléments cochés sont terminés d'ici le 24 novembre 2026/);
  await page.screenshot({ path: new URL("what-next-fr.png", artifacts).pathname, fullPage: true });
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const results = await page.evaluate(async () => await globalThis.axe.run(document.querySelector("#what-next"), { resultTypes: ["violations"] }));
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), []);
  // Reflow: at 320 px wide the plan fits without scrolling sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => [...document.querySelectorAll("#what-next *")].filter((n) => n.getBoundingClientRect().right > window.innerWidth + 1).map((n) => n.id || n.tagName));
  assert.deepEqual(overflow, []);
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.click("#lang-en");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await page.selectOption("#plan-by", "count");
});
