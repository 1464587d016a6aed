// The manager's view (example/manager.html) in a real browser (Debian's Chromium driven by
// playwright-core): the sample cohort's readiness, bench and gap matrix as the native report has
// them, in English and French; a participant opened from the keyboard; aggregate-only hides names;
// axe-core finds no serious violation; at 320 px nothing scrolls sideways. Saves a screenshot.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { launch } from "./chromium.mjs";
import { serve } from "./server.mjs";

const require = createRequire(import.meta.url);
const artifacts = new URL("./artifacts/", import.meta.url);
const golden = JSON.parse(readFileSync(new URL("../../tests/cohort/sample.json", import.meta.url), "utf8"));
let server;
let browser;
let page;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await serve();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(`${server.url}/pkg-js/example/manager.html`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30000 });
  assert.deepEqual(errors, []);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function language(lang) {
  await page.click(`#lang-${lang}`);
  await page.waitForSelector(`body[data-lang="${lang}"]`);
}

test("the sample cohort's readiness and bench are the native report's", async () => {
  await language("en");
  const all = golden.groups[0];
  assert.equal(await page.getAttribute("body", "data-participants"), String(golden.participants));
  for (const key of ["ready_now", "ready_soon", "developing", "top_level"]) {
    const text = await page.locator(`#readiness li[data-bucket="${key}"] > strong`).innerText();
    assert.equal(text, String(all.readiness[key].count), key);
  }
  for (const bench of all.bench) {
    const row = await page.locator(`#bench tr[data-level="${bench.level}"]`).innerText();
    assert.match(row, new RegExp(`\\s${bench.ready_now}\\s+${bench.ready_soon}$`), bench.level);
  }
  assert.equal(await page.locator("#gaps-table tbody tr").count(), golden.gaps.length);
  const first = golden.gaps[0];
  // (The table is in a closed disclosure: its cells are read as text, not as rendered.)
  const cells = await page.locator(`#gaps-table tr[data-competency="${first.competency}"][data-level="${first.level}"] td`).allTextContents();
  assert.deepEqual(cells.slice(1), [first.required, first.met, first.pending_review, first.lacking].map(String).concat(`${first.met_percent}%`));
});

test("the heatmap names itself, says every share in text, and has a table beside it", async () => {
  const svg = page.locator("svg.heatmap");
  assert.equal(await svg.getAttribute("role"), "img");
  assert.match(await page.locator("#heat-title").textContent(), /Share of participants who meet each competency/);
  assert.match(await page.locator("#heat-desc").textContent(), /Lowest: /);
  const values = await page.locator("svg.heatmap text.heat-value").allTextContents();
  assert.equal(values.length, golden.gaps.length);
  assert.ok(values.every((v) => /^\d+%$/.test(v)), "each cell says its share");
});

test("a participant opens from the keyboard, in the language chosen", async () => {
  await language("fr");
  const id = golden.groups[0].readiness.ready_soon.participants[0];
  const bucket = page.locator('#readiness li[data-bucket="ready_soon"]');
  await bucket.locator("summary").focus();
  await page.keyboard.press("Enter");
  await bucket.locator(`button[data-participant="${id}"]`).focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector(`#participant[data-participant="${id}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.id), "participant-heading");
  const text = await page.locator("#participant").innerText();
  assert.match(text, /Statut\u00a0: /);
  assert.match(text, /Niveau suivant/);
  assert.match(text, /Ouvrir le rapport complet/);
  for (const english of ["Status", "Next level", "ready", "Open the full report"]) {
    assert.ok(!text.includes(english), `English "${english}" in the French view`);
  }
  const french = await page.locator("main").innerText();
  for (const english of ["Ready now", "Bench strength", "Competency gaps", "participants could"]) {
    assert.ok(!french.includes(english), `English "${english}" in the French view`);
  }
  await language("en");
});

test("the full report opens on the participant page, in the language of the view", async () => {
  const id = golden.groups[0].readiness.ready_now.participants[0];
  const other = await browser.newPage();
  await other.goto(`${server.url}/pkg-js/example/index.html?cohort-participant=${id}&lang=fr&as-of=2026-11-24`);
  await other.waitForSelector(`body[data-participant="${id}"][data-lang="fr"]`, { timeout: 20000 });
  assert.equal(await other.locator("#example option:checked").innerText(), id);
  await other.close();
});

test("aggregate only: no names, small counts hidden, the open participant put away", async () => {
  const id = golden.groups[0].readiness.ready_now.participants[0];
  await page.locator('#readiness li[data-bucket="ready_now"] summary').click();
  await page.click(`button[data-participant="${id}"]`);
  await page.waitForSelector(`#participant[data-participant="${id}"]`);
  await page.check("#aggregate");
  assert.equal(await page.locator("#participant").isHidden(), true);
  assert.ok(!(await page.locator("main").innerText()).includes(id));
  await page.waitForFunction(() => document.querySelector("#summary").innerText.includes("Aggregate only"));
  assert.equal(await page.locator("#readiness button[data-participant]").count(), 0);
  const bench = await page.locator("#bench").innerText();
  assert.match(bench, /hidden/);
  await page.uncheck("#aggregate");
  await page.waitForFunction(() => !document.querySelector("#summary").innerText.includes("Aggregate only"));
});

test("an organization's view is that organization's cohort", async () => {
  const org = golden.groups.find((g) => g.by === "organization");
  await page.selectOption("#organization", org.id);
  await page.waitForSelector(`body[data-participants="${org.participants}"]`);
  const text = await page.locator('#readiness li[data-bucket="developing"] > strong').innerText();
  assert.equal(text, String(org.readiness.developing.count));
  await page.selectOption("#organization", "all");
  await page.waitForSelector(`body[data-participants="${golden.participants}"]`);
});

test("axe-core finds no serious or critical violations, in English and French", async () => {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  for (const lang of ["en", "fr"]) {
    await language(lang);
    await page.evaluate(() => document.querySelectorAll("#readiness details, #gaps-table-details").forEach((d) => { d.open = true; }));
    const results = await page.evaluate(async () => await globalThis.axe.run(document, { resultTypes: ["violations"] }));
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.length}`), [], lang);
  }
  await language("en");
});

test("a participant file (one document, pretty-printed) and a broken file are read as a user would expect", async () => {
  const participant = JSON.parse(readFileSync(new URL("../../examples/02-in-progress-supervisor.json", import.meta.url), "utf8"));
  await page.setInputFiles("#file", { name: "one.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(participant, null, 2)) });
  await page.waitForSelector('body[data-participants="1"]');
  await language("fr");
  await page.setInputFiles("#file", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from('[{"id": "a"') });
  await page.waitForSelector("#error:not([hidden])");
  assert.match(await page.locator("#error").innerText(), /^Ce fichier n'est ni en JSON Lines ni en JSON/);
  assert.equal(await page.locator("#report").isHidden(), true, "no old report beside the error");
  await page.click("#sample");
  await page.waitForSelector(`body[data-participants="${golden.participants}"]`);
  await language("en");
});

test("at 320 px wide nothing scrolls sideways, in English and French", async () => {
  await page.setViewportSize({ width: 320, height: 800 });
  for (const lang of ["fr", "en"]) {
    await language(lang);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${lang}: the page scrolls ${overflow}px sideways`);
  }
  writeFileSync(new URL("manager-320.png", artifacts), await page.screenshot({ fullPage: false }));
  await page.setViewportSize({ width: 1200, height: 900 });
  writeFileSync(new URL("manager.png", artifacts), await page.screenshot({ fullPage: false }));
});
