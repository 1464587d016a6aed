// The script builds where ES-module pages are not: under the real RequireJS as a Moodle plugin's
// AMD module, from a plain <script> tag, and as a single file on a host that serves no .wasm. Each
// evaluates a participant in headless Chromium with the native library's result and passes axe.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { launch } from "./chromium.mjs";
import { serve } from "./server.mjs";
import { Pack } from "../src/index.cjs";
import * as planning from "../src/planning.cjs";

const example = (name) => JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), "utf8"));
const expected = Pack.load().evaluate(example("02-in-progress-supervisor"), "2026-11-24");
let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A new page that records its uncaught errors and the paths it requests: `{ page, errors,
 * requests }`.
 */
async function watchedPage() {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors = [];
  const requests = [];
  page.on("pageerror", (error) => errors.push(error));
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  return { page, errors, requests };
}

/** The `.wasm` files among `requests`. */
const modulesIn = (requests) => requests.filter((path) => path.endsWith(".wasm"));

/**
 * Opens `path`, waits for its report, and returns `{ page, requests, report }`; `block` lists URL
 * endings the host does not serve (answered 404, as such a host does).
 */
async function open(path, { block = [] } = {}) {
  const { page, errors, requests } = await watchedPage();
  await page.route("**/*", (route) => {
    const url = route.request().url();
    return block.some((ending) => url.endsWith(ending)) ? route.fulfill({ status: 404, body: "not served here" }) : route.continue();
  });
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector("body[data-status], body[data-error]", { timeout: 20000 });
  assert.equal(await page.getAttribute("body", "data-error"), null);
  assert.deepEqual(errors, []);
  const report = JSON.parse(await page.getAttribute("body", "data-report"));
  return { page, requests, report };
}

async function axe(page) {
  // (By URL, from this site: a page whose policy forbids inline scripts still runs it.)
  await page.addScriptTag({ url: `${server.url}/pkg-js/node_modules/axe-core/axe.min.js` });
  const results = await page.evaluate(async () => await globalThis.axe.run(document, { resultTypes: ["violations"] }));
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

test("under the real RequireJS, a Moodle-style AMD module loads the script build and evaluates", async () => {
  const { page, requests, report } = await open("/pkg-js/test-browser/pages/moodle/");
  assert.deepEqual(report, expected);
  // RequireJS loaded the plugin's module and the package's script; the .wasm came from beside it.
  assert.ok(requests.includes("/pkg-js/test-browser/pages/moodle/local/hslp/amd/src/status.js"));
  assert.ok(requests.includes("/pkg-js/dist/competency-rules.umd.js"));
  assert.ok(requests.includes("/pkg-js/dist/competency_rules.wasm"));
  assert.equal(await page.evaluate(() => typeof globalThis.CompetencyRules), "undefined", "no global under AMD");
  assert.match(await page.locator("#status-value").innerText(), /Status: in_progress/);
  assert.deepEqual(await axe(page), []);
  await page.close();
});

test("on a page that has RequireJS (a Moodle HTML block), a plain script tag still gives the global and the element", async () => {
  const { page, errors } = await watchedPage();
  await page.goto(`${server.url}/pkg-js/test-browser/pages/moodle/html-block.html`);
  await page.locator("#block [part~=status]").waitFor();
  assert.deepEqual(errors, []);
  assert.equal(await page.evaluate(() => typeof globalThis.CompetencyRules.Pack), "function");
  assert.match(await page.locator("#block [part~=card]").innerText(), /Statut\u00a0: en cours/);
  await page.close();
});

test("from a plain script tag, the global CompetencyRules evaluates with the .wasm beside the script", async () => {
  const { page, requests, report } = await open("/pkg-js/test-browser/pages/script.html");
  assert.deepEqual(report, expected);
  assert.ok(requests.includes("/pkg-js/dist/competency_rules.wasm"));
  assert.deepEqual(await axe(page), []);
  await page.close();
});

test("the single-file build works on a host that serves no .wasm, and asks for none", async () => {
  const { page, requests, report } = await open("/pkg-js/test-browser/pages/inline.html", { block: [".wasm"] });
  assert.deepEqual(report, expected);
  assert.deepEqual(modulesIn(requests), []);
  assert.ok(Number(await page.getAttribute("body", "data-start-ms")) > 0);
  assert.deepEqual(await axe(page), []);
  await page.close();
});

test("<competency-status> in a plain page: by URL in French and by property, styled from outside, accessible, reflows at 320 px", async () => {
  const { page, errors, requests } = await watchedPage();
  await page.goto(`${server.url}/pkg-js/test-browser/pages/element.html`);
  // Playwright's locators reach into the elements' shadow roots.
  await page.locator("#by-url [part~=status]").waitFor();
  await page.locator("#by-property [part~=status]").waitFor();
  assert.deepEqual(errors, []);
  const french = Pack.load().evaluate(example("02-in-progress-supervisor"), "2026-11-24", { languages: ["fr"] });
  assert.deepEqual(await page.evaluate(() => document.getElementById("by-url").report), french);
  const byUrl = await page.locator("#by-url [part~=card]").innerText();
  assert.match(byUrl, /Statut\u00a0: en cours/);
  assert.match(byUrl, /Au 24 novembre 2026/);
  assert.match(byUrl, /Exigences d'achèvement/);
  assert.match(byUrl, /Travail final \(exigence non remplie\)/);
  // What is missing: names and next steps, grouped, not ids.
  assert.match(byUrl, /Aucune preuve n'a encore été comptée pour celles-ci \(\d+\)/);
  assert.match(byUrl, /Pensée systémique.*À démontrer par\u00a0: .*Pensée systémique pour les services à la personne/);
  assert.doesNotMatch(byUrl, /ssm\.systems_thinking|pl-big|program_assessor/);
  const completed = await page.locator("#by-property [part~=card]").innerText();
  assert.match(completed, /Status: completed/);
  assert.match(completed, new RegExp(`Status of ${example("05-completed-senior-leader").name ?? example("05-completed-senior-leader").id}`));
  // Why evidence did not count, each with its reason; and an element given no participant says so.
  await page.locator("#problems [part~=not-counted]").waitFor();
  const problems = Pack.load().evaluate(example("03-problems"), "2026-11-24");
  assert.equal(await page.locator("#problems [part~=not-counted] li").count(), problems.not_counted.length);
  assert.match(await page.locator("#problems [part~=card]").innerText(), new RegExp(`Evidence that did not count \\(${problems.not_counted.length}\\)`));
  assert.match(await page.locator("#problems [part~=not-counted]").innerText(), /expired on March 10, 2025/);
  await page.locator("#empty [part~=empty]").waitFor();
  // Five elements started at once share one load of the module.
  assert.equal(modulesIn(requests).length, 1, modulesIn(requests).join(", "));
  assert.match(await page.locator("#empty [part~=empty]").innerText(), /No participant to show/);
  // The plan view asks for the planning build, which this page did not load.
  await page.locator("#needs-planning [part~=error]").waitFor();
  assert.match(await page.locator("#needs-planning [part~=error]").innerText(), /needs the planning build: load competency-rules\.planning\.umd\.js/);
  // Styled from outside: the custom property reaches the heading.
  assert.equal(await page.locator("#by-url [part~=heading]").evaluate((h) => getComputedStyle(h).color), "rgb(90, 45, 130)");
  assert.deepEqual(await axe(page), []);
  await page.setViewportSize({ width: 320, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), "no horizontal scrolling at 320 px");
  await page.close();
});

test("the plain-JavaScript build works under a Content-Security-Policy without 'wasm-unsafe-eval', byte for byte", async () => {
  const { page, requests, report } = await open("/pkg-js/test-browser/pages/csp.html");
  // The policy is in force: this page cannot compile WebAssembly.
  assert.match(await page.getAttribute("body", "data-wasm"), /^refused: /);
  assert.deepEqual(modulesIn(requests), []);
  assert.deepEqual(report, expected);
  // The element works there too.
  await page.locator("#status [part~=status]").waitFor();
  assert.match(await page.locator("#status [part~=card]").innerText(), /Status: in progress/);
  // The conformance corpus, in this page: the native library's bytes for every case the main
  // module runs.
  const root = new URL("../../tests/conformance/", import.meta.url);
  const cases = readdirSync(new URL("cases/", root)).filter((f) => f.endsWith(".json")).sort()
    .map((file) => ({ file, ...JSON.parse(readFileSync(new URL(`cases/${file}`, root), "utf8")) }))
    .filter((c) => !c.requires);
  const packs = Object.fromEntries(readdirSync(new URL("packs/", root)).filter((f) => f.endsWith(".json"))
    .map((f) => [f.replace(/\.json$/, ""), readFileSync(new URL(`packs/${f}`, root), "utf8")]));
  const results = await page.evaluate(({ cases, packs }) => cases.map((c) => {
    const doc = c.pack === "hslp" ? null : { ...JSON.parse(packs[c.pack]), ...(c.pack_patch ?? {}) };
    try {
      const pack = doc ? CompetencyRules.Pack.load(JSON.stringify(doc)) : CompetencyRules.Pack.load();
      return [c.file, pack.evaluateJson(JSON.stringify(c.participant), c.as_of, { pretty: true })];
    } catch (error) {
      const { code, path, message, line, column, detail } = error;
      return [c.file, JSON.stringify({ code, path, message, ...(line != null ? { line } : {}), ...(column != null ? { column } : {}), ...(detail ? { detail } : {}) }, null, 2)];
    }
  }), { cases, packs });
  assert.ok(results.length >= 40, `${results.length} cases`);
  for (const [file, actual] of results) {
    assert.equal(`${actual}\n`, readFileSync(new URL(`reports/${file}`, root), "utf8"), file);
  }
  assert.deepEqual(await axe(page), []);
  await page.close();
});

test("<competency-status> shows the plan and a cohort's readiness with the planning build", async () => {
  const { page, errors } = await watchedPage();
  await page.goto(`${server.url}/pkg-js/test-browser/pages/element-views.html`);
  await page.locator("#plan [part~=plan-summary]").waitFor();
  await page.locator("#cohort [part~=cohort-size]").waitFor();
  assert.deepEqual(errors, []);
  const expectedPlan = planning.Pack.load().plan(example("02-in-progress-supervisor"), "2026-11-24", { target: "current", by: "hours" });
  assert.deepEqual(await page.evaluate(() => document.getElementById("plan").report), expectedPlan);
  const plan = await page.locator("#plan [part~=card]").innerText();
  assert.match(plan, new RegExp(`${expectedPlan.optimal ? "A proven minimum" : "The best plan found"}: ${expectedPlan.total.items} items, ${expectedPlan.total.hours} h`));
  assert.match(plan, /Systems Thinking for Human Services \(association course\) — closes: Systems thinking \(Working knowledge\)/);
  assert.equal(await page.locator("#plan [part~=plan-items] li").count(), expectedPlan.items.length);
  const cohortText = readFileSync(new URL("../../examples/cohort/participants.jsonl", import.meta.url), "utf8");
  const expectedCohort = planning.Pack.load().cohort(cohortText, "2026-11-24", { groupBy: [], aggregateOnly: true });
  assert.deepEqual(await page.evaluate(() => document.getElementById("cohort").report), expectedCohort);
  const cohort = await page.locator("#cohort [part~=card]").innerText();
  assert.match(cohort, /Cohorte au 24 novembre 2026/);
  assert.match(cohort, new RegExp(`${expectedCohort.groups[0].participants}\u00a0participants`));
  assert.match(cohort, /Préparation au niveau suivant/);
  assert.match(cohort, new RegExp(`prêts maintenant\\s+${expectedCohort.groups[0].readiness.ready_now.count}`));
  // No one is named in the cohort view.
  assert.doesNotMatch(cohort, /p7ea-/);
  assert.deepEqual(await axe(page), []);
  await page.setViewportSize({ width: 320, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), "no horizontal scrolling at 320 px");
  await page.close();
});

test("<competency-status> from ES modules loads the planning module for its plan view", async () => {
  const { page, errors, requests } = await watchedPage();
  await page.goto(`${server.url}/pkg-js/test-browser/pages/element-esm.html`);
  await page.locator("#status [part~=status]").waitFor();
  await page.locator("#plan [part~=plan-summary]").waitFor();
  assert.deepEqual(errors, []);
  assert.deepEqual(modulesIn(requests).sort(), ["/pkg-js/dist/competency_rules.wasm", "/pkg-js/dist/competency_rules_planning.wasm"]);
  // A participant set before the element was defined is shown, not lost.
  await page.locator("#early [part~=status]").waitFor();
  assert.match(await page.locator("#early [part~=heading]").innerText(), /^Status of early-1$/);
  assert.match(await page.locator("#plan [part~=card]").innerText(), /Plan pour .*\n.*Un minimum prouvé|Plan pour/);
  assert.match(await page.locator("#plan [part~=plan-summary]").innerText(), /(Un minimum prouvé|Le meilleur plan trouvé).*\u00a0: \d+\u00a0éléments/);
  await page.close();
});
