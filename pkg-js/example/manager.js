// The manager's view: a cohort's succession readiness, evaluated in the browser with the package's
// planning entry (`Pack#cohort`). Readiness buckets, bench strength, the competency gap matrix as a
// heatmap (SVG with a text alternative and a data table; every cell says its share in text), the
// competencies that most often hold people back, and a participant's standing on a click. The
// participants never leave the page. No bundler: a plain ES module.
import { init, Pack } from "../src/planning.js";

const LABELS = {
  en: {
    title: "Succession readiness", language: "Language", toParticipant: "Participant status page", cohort: "Cohort",
    file: "Open a cohort file (JSON Lines or a JSON array)", organization: "Organization", asOf: "Evaluation date",
    aggregate: "Aggregate only, to share across organizations", sample: "Use the sample cohort",
    allOrganizations: "All organizations", readiness: "Readiness for the next level", bench: "Bench strength",
    gaps: "Competency gaps by level", gapsIntro: "The share of participants at each level who meet each competency required there.",
    gapsTable: "The gap matrix as a table", blockers: "What most often stands in the way of the next level",
    problems: "Evidence problems that recur",
    participants: (n) => `${n} ${n === 1 ? "participant" : "participants"}`,
    unreadable: (n) => `${n} ${n === 1 ? "document" : "documents"} could not be read.`,
    suppressedNote: (min, n) => `Aggregate only: no names, and counts under ${min} are hidden, with those that would reveal them (${n} hidden).`,
    buckets: { ready_now: "Ready now", ready_soon: (n) => `Ready soon, at most ${n} ${n === 1 ? "competency" : "competencies"} away`, developing: "Developing", top_level: "At the top level, with no next level" },
    toward: (level) => `To reach ${level}`, allHidden: "Every count here is hidden in an aggregate-only report.",
    notCohort: "This file is neither JSON Lines nor JSON", failed: "The report could not be made",
    unreadableList: "Documents that could not be read", position: (i, line) => `Document ${i + 1}${line ? `, line ${line}` : ""}`,
    who: "Who", hidden: "hidden", nextLevel: "Next level", readyNow: "Ready now", readySoon: "Ready soon",
    competency: "Competency", level: "Level", met: "Met", pending: "Pending review", lacking: "Lacking", required: "Required", share: "Share met",
    notRequired: "not required here", heatTitle: "Share of participants who meet each competency, by level",
    heatDesc: (n, low) => `${n} competencies. ${low ? `Lowest: ${low}.` : ""} Darker cells mean a larger share; each cell gives its share as a number.`,
    legend: "Shading: the share that meets the competency", noBlockers: "Nothing holds anyone back from the next level.",
    noProblems: "Every evidence item counted.", items: (n) => `${n} ${n === 1 ? "item" : "items"}`, people: (n) => `${n} ${n === 1 ? "person" : "people"}`,
    status: "Status", levelAttained: "Level attained", none: "none", ready: "ready", notReady: "not yet ready",
    missing: "Still short for the next level", ofProfile: (p, needed) => `${p}% of its profile (${needed}% needed)`,
    fullReport: "Open the full report", colon: ": ", percent: (p) => `${p}%`, startFailed: "The engine could not start",
    statuses: { enrolled: "enrolled", in_progress: "in progress", ready_for_final_assignment: "ready for the final assignment", completed: "completed", lapsed: "lapsed" },
    engine: "Engine",
  },
  fr: {
    title: "Admissibilité et relève", language: "Langue", toParticipant: "Page du statut d'un participant", cohort: "Cohorte",
    file: "Ouvrir un fichier de cohorte (JSON Lines ou tableau JSON)", organization: "Organisation", asOf: "Date d'évaluation",
    aggregate: "Agrégats seulement, pour diffuser entre organisations", sample: "Utiliser la cohorte d'exemple",
    allOrganizations: "Toutes les organisations", readiness: "Admissibilité au niveau suivant", bench: "Relève",
    gaps: "Écarts de compétences par niveau", gapsIntro: "La part des personnes de chaque niveau qui atteignent chaque compétence requise à ce niveau.",
    gapsTable: "La matrice des écarts sous forme de tableau", blockers: "Ce qui fait le plus souvent obstacle au niveau suivant",
    problems: "Problèmes de preuves récurrents",
    participants: (n) => `${n}\u00a0${n <= 1 ? "participant" : "participants"}`,
    unreadable: (n) => `${n}\u00a0${n <= 1 ? "document n'a pas pu être lu" : "documents n'ont pas pu être lus"}.`,
    suppressedNote: (min, n) => `Agrégats seulement\u00a0: aucun nom, et les effectifs inférieurs à ${min} sont masqués, avec ceux qui permettraient de les retrouver (${n}\u00a0masqués).`,
    buckets: { ready_now: "Admissibles dès maintenant", ready_soon: (n) => `Admissibles bientôt, à ${n}\u00a0${n <= 1 ? "compétence" : "compétences"} ou moins`, developing: "En développement", top_level: "Au niveau le plus élevé, sans niveau suivant" },
    toward: (level) => `Pour accéder au niveau ${level}`, allHidden: "Tous les effectifs sont masqués ici dans un rapport d'agrégats.",
    notCohort: "Ce fichier n'est ni en JSON Lines ni en JSON", failed: "Le rapport n'a pas pu être établi",
    unreadableList: "Documents illisibles", position: (i, line) => `Document ${i + 1}${line ? `, ligne ${line}` : ""}`,
    who: "Qui", hidden: "masqué", nextLevel: "Niveau suivant", readyNow: "Dès maintenant", readySoon: "Bientôt",
    competency: "Compétence", level: "Niveau", met: "Atteinte", pending: "En attente d'examen", lacking: "Manquante", required: "Requise pour", share: "Part atteinte",
    notRequired: "non requise à ce niveau", heatTitle: "Part des personnes qui atteignent chaque compétence, par niveau",
    heatDesc: (n, low) => `${n}\u00a0compétences. ${low ? `La plus faible\u00a0: ${low}.` : ""} Plus une case est foncée, plus la part est grande\u00a0; chaque case donne sa part en chiffres.`,
    legend: "Ombrage\u00a0: la part qui atteint la compétence", noBlockers: "Rien ne retient personne au niveau actuel.",
    noProblems: "Toutes les preuves ont été comptées.", items: (n) => `${n}\u00a0${n <= 1 ? "élément" : "éléments"}`, people: (n) => `${n}\u00a0${n <= 1 ? "personne" : "personnes"}`,
    status: "Statut", levelAttained: "Niveau atteint", none: "aucun", ready: "admissible", notReady: "pas encore admissible",
    missing: "Encore à atteindre pour le niveau suivant", ofProfile: (p, needed) => `${p}\u00a0% de son profil (${needed}\u00a0% requis)`,
    fullReport: "Ouvrir le rapport complet", colon: "\u00a0: ", percent: (p) => `${p}\u00a0%`, startFailed: "Le moteur n'a pas pu démarrer",
    statuses: { enrolled: "inscrit", in_progress: "en cours", ready_for_final_assignment: "prêt pour le travail final", completed: "terminé", lapsed: "échu" },
    engine: "Moteur",
  },
};

const SAMPLE = new URL("../../examples/cohort/participants.jsonl", import.meta.url);
const state = { lang: "en", pack: null, doc: null, participants: [], sample: false, report: null, selected: null };
const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.setAttribute("class", value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

const t = () => LABELS[state.lang];
const name = (list, id) => state.doc[list].find((x) => x.id === id)?.name?.[state.lang] ?? id;
const levelName = (id) => (id === "none" ? t().none : name("level", id));
const competencyName = (id) => name("competency", id);
const count = (n) => (n === null ? t().hidden : String(n));

function renderLabels() {
  document.documentElement.lang = state.lang;
  document.body.dataset.lang = state.lang;
  document.title = t().title;
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t()[node.dataset.t];
  for (const node of document.querySelectorAll("[data-t-aria]")) node.setAttribute("aria-label", t()[node.dataset.tAria]);
  $("lang-en").setAttribute("aria-pressed", String(state.lang === "en"));
  $("lang-fr").setAttribute("aria-pressed", String(state.lang === "fr"));
  const select = $("organization");
  const chosen = select.value || "all";
  const orgs = [...new Set(state.participants.map((p) => p?.organization).filter((o) => typeof o === "string"))].sort();
  select.replaceChildren(el("option", { value: "all" }, t().allOrganizations), ...orgs.map((o) => el("option", { value: o }, o)));
  select.value = orgs.includes(chosen) ? chosen : "all";
}

/** Evaluates the chosen organization's participants (or all) into a cohort report, and shows it. */
function compute() {
  $("error").hidden = true;
  const org = $("organization").value || "all";
  const list = org === "all" ? state.participants : state.participants.filter((p) => p?.organization === org);
  try {
    state.report = state.pack.cohort(list, $("as-of").value, { aggregateOnly: $("aggregate").checked, groupBy: ["level"] });
  } catch (error) {
    // (The engine's own words are in English: the page says what failed in its language.)
    showError(`${t().failed}${t().colon}${error.message}`);
    return;
  }
  // An aggregate-only report names no one: the participant shown is put away.
  if ($("aggregate").checked) closeParticipant();
  render();
}

function render() {
  const r = state.report;
  if (!r) return;
  const all = r.groups.find((g) => g.by === "all");
  const summary = [el("p", {}, el("strong", {}, t().participants(all.participants ?? 0)))];
  if (r.unreadable.count > 0) {
    summary.push(el("p", {}, t().unreadable(r.unreadable.count)));
    if (r.unreadable.documents?.length) {
      const items = r.unreadable.documents.map((d) => el("li", {}, `${t().position(d.index, d.error.line)}${t().colon}`, el("span", { lang: "en" }, d.error.message)));
      summary.push(el("details", { class: "unreadable" }, el("summary", {}, t().unreadableList), el("ul", {}, ...items)));
    }
  }
  if (r.suppressed !== undefined) summary.push(el("p", {}, t().suppressedNote(r.options.min_cell, r.suppressed)));
  $("summary").replaceChildren(...summary);
  renderReadiness(all, r.options.ready_within);
  renderBench(all);
  renderGaps(r.gaps);
  renderBlockers(r.blockers);
  renderProblems(r.evidence_problems);
  $("report").hidden = false;
  $("engine").textContent = `${t().engine}${t().colon}${r.engine.name} ${r.engine.version} · ${r.pack.id} ${r.pack.version}`;
  document.body.dataset.ready = "true";
  document.body.dataset.participants = String(all.participants);
}

function renderReadiness(all, within) {
  const total = all.participants || 1;
  const items = ["ready_now", "ready_soon", "developing", "top_level"].map((key) => {
    const bucket = all.readiness[key];
    const label = typeof t().buckets[key] === "function" ? t().buckets[key](within) : t().buckets[key];
    const share = bucket.count === null ? 0 : Math.round((bucket.count * 100) / total);
    const parts = [
      el("span", { class: "bucket-label" }, `${label}${t().colon}`),
      el("strong", {}, count(bucket.count)),
      // The bar repeats the count in length; the number above says it in text.
      el("span", { class: "bar", "aria-hidden": "true" }, el("span", { style: `width: ${share}%` })),
    ];
    if (bucket.participants?.length) {
      const list = el("ul", { class: "who" }, ...bucket.participants.map((id) => el("li", {}, el("button", { type: "button", class: "link", "data-participant": id }, id))));
      parts.push(el("details", {}, el("summary", {}, `${t().who} (${bucket.participants.length})`), list));
    }
    return el("li", { "data-bucket": key }, ...parts);
  });
  $("readiness").replaceChildren(...items);
}

function renderBench(all) {
  const rows = all.bench.map((b) =>
    el("tr", { "data-level": b.level }, el("th", { scope: "row" }, levelName(b.level)), el("td", {}, count(b.ready_now)), el("td", {}, count(b.ready_soon))));
  $("bench").replaceChildren(
    el("table", { "aria-labelledby": "bench-heading" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t().nextLevel), el("th", { scope: "col" }, t().readyNow), el("th", { scope: "col" }, t().readySoon))),
      el("tbody", {}, ...rows)),
  );
}

/** `text` in lines of at most about `width` characters, broken between words. */
function wrap(text, width) {
  const lines = [];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The shade of a share (five steps, darker for more), and a text colour that contrasts with it. */
function shade(percent) {
  const steps = ["#f3f7fb", "#c9dcee", "#8fb5da", "#3f7fb8", "#1b4f72"];
  const i = Math.min(4, Math.floor(percent / 20));
  return { fill: steps[i], text: i >= 3 ? "#ffffff" : "#1b1b1b" };
}

function renderGaps(gaps) {
  const levels = state.doc.level.map((l) => l.id).filter((id) => gaps.some((g) => g.level === id));
  const competencies = state.doc.competency.map((c) => c.id).filter((id) => gaps.some((g) => g.competency === id));
  const cell = (c, l) => gaps.find((g) => g.competency === c && g.level === l);
  // The SVG: a row per competency, a column per level, the share written in each cell.
  const labelWidth = 430, cellWidth = 110, cellHeight = 24, head = 76;
  const width = labelWidth + cellWidth * levels.length, height = head + cellHeight * competencies.length;
  const lowest = [...gaps].filter((g) => g.met_percent !== null).sort((a, b) => a.met_percent - b.met_percent)[0];
  const low = lowest ? `${competencyName(lowest.competency)}, ${levelName(lowest.level)} (${t().percent(lowest.met_percent)})` : "";
  const svg = el("svg:svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": "heat-title heat-desc", class: "heatmap" },
    el("svg:title", { id: "heat-title" }, t().heatTitle),
    el("svg:desc", { id: "heat-desc" }, t().heatDesc(competencies.length, low)));
  levels.forEach((l, j) => {
    // The level's whole name, over as many lines as it needs (at most four).
    const x = labelWidth + j * cellWidth + cellWidth / 2;
    const lines = wrap(levelName(l), 13).slice(0, 4);
    svg.append(el("svg:text", { x, y: head - 10 - (lines.length - 1) * 15, "text-anchor": "middle", class: "heat-head" },
      ...lines.map((line, k) => el("svg:tspan", { x, dy: k ? "15" : "0" }, line))));
  });
  competencies.forEach((c, i) => {
    const y = head + i * cellHeight;
    svg.append(el("svg:text", { x: labelWidth - 8, y: y + cellHeight * 0.68, "text-anchor": "end", class: "heat-label" }, competencyName(c)));
    levels.forEach((l, j) => {
      const g = cell(c, l);
      const x = labelWidth + j * cellWidth;
      if (!g) {
        svg.append(el("svg:rect", { x, y, width: cellWidth - 2, height: cellHeight - 2, fill: "#ffffff", stroke: "#c4c4c4" }),
          el("svg:text", { x: x + cellWidth / 2, y: y + cellHeight * 0.68, "text-anchor": "middle", class: "heat-none" }, "·"));
        return;
      }
      const { fill, text } = g.met_percent === null ? { fill: "#ffffff", text: "#1b1b1b" } : shade(g.met_percent);
      const value = g.met_percent === null ? t().hidden : t().percent(g.met_percent);
      svg.append(el("svg:rect", { x, y, width: cellWidth - 2, height: cellHeight - 2, fill, stroke: "#5a5a5a" }),
        el("svg:text", { x: x + cellWidth / 2, y: y + cellHeight * 0.68, "text-anchor": "middle", fill: text, class: "heat-value" }, value));
    });
  });
  const legend = el("p", { class: "legend" }, `${t().legend}${t().colon}`,
    ...[0, 20, 40, 60, 80].map((p) => el("span", { class: "swatch-item" },
      el("span", { class: "swatch", style: `background:${shade(p).fill}`, "aria-hidden": "true" }), ` ${p}–${p === 80 ? 100 : p + 19}\u00a0% `)));
  $("heatmap").replaceChildren(svg, legend);
  // The data table: every count, for reading and for screen readers.
  const rows = gaps.map((g) => el("tr", { "data-competency": g.competency, "data-level": g.level },
    el("th", { scope: "row" }, competencyName(g.competency)), el("td", {}, levelName(g.level)),
    el("td", {}, count(g.required)), el("td", {}, count(g.met)), el("td", {}, count(g.pending_review)), el("td", {}, count(g.lacking)),
    el("td", {}, g.met_percent === null ? t().hidden : t().percent(g.met_percent))));
  $("gaps-table").replaceChildren(el("table", {},
    el("thead", {}, el("tr", {}, ...[t().competency, t().level, t().required, t().met, t().pending, t().lacking, t().share].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, ...rows)));
}

function renderBlockers(blockers) {
  if (!blockers.length) {
    $("blockers").replaceChildren(el("p", {}, t().noBlockers));
    return;
  }
  const parts = [];
  for (const level of state.doc.level.map((l) => l.id)) {
    // (A hidden count says nothing of how often: those are left out of the top five.)
    const top = blockers.filter((b) => b.level === level && b.count !== null).slice(0, 5);
    if (!top.length) continue;
    parts.push(el("h3", {}, t().toward(levelName(level))),
      el("ol", {}, ...top.map((b) => el("li", {}, `${competencyName(b.competency)}${t().colon}${t().people(b.count)}`))));
  }
  $("blockers").replaceChildren(...(parts.length ? parts : [el("p", {}, t().allHidden)]));
}

function renderProblems(problems) {
  const items = problems.filter((p) => p.count !== null).slice(0, 8).map((p) => el("li", {}, el("code", {}, p.code), `${t().colon}${t().items(p.count)}`));
  $("problems").replaceChildren(...(items.length ? items : [el("li", {}, t().noProblems)]));
}

/** Shows `message` in place of the report (an old report is not left beside an error). */
function showError(message) {
  $("error").textContent = message;
  $("error").hidden = false;
  $("report").hidden = true;
  $("summary").replaceChildren();
  state.report = null;
  document.body.dataset.ready = "true";
}

function closeParticipant() {
  state.selected = null;
  $("participant").hidden = true;
  $("participant-body").replaceChildren();
  delete $("participant").dataset.participant;
}

/** A participant's standing (from the same engine), shown under the report and focused. */
function showParticipant(id) {
  const participant = state.participants.find((p) => p?.id === id);
  if (!participant) return;
  state.selected = id;
  const report = state.pack.evaluate(participant, $("as-of").value, { languages: [state.lang] });
  const next = report.next_level;
  const body = [
    el("p", {}, `${t().status}${t().colon}`, el("strong", {}, t().statuses[report.status] ?? report.status)),
    el("p", {}, `${t().levelAttained}${t().colon}${report.level_attained ? levelName(report.level_attained) : t().none}`),
  ];
  if (next) {
    body.push(el("p", {}, `${t().nextLevel} (${levelName(next.level)})${t().colon}${next.ready ? t().ready : t().notReady}, ${t().ofProfile(next.percent, next.needed_percent)}`));
    if (!next.ready && next.missing.length) body.push(el("p", {}, t().missing), el("ul", {}, ...next.missing.map((c) => el("li", {}, competencyName(c)))));
  }
  if (state.sample) {
    const query = new URLSearchParams({ "cohort-participant": id, lang: state.lang, "as-of": $("as-of").value });
    body.push(el("p", {}, el("a", { href: `./index.html?${query}` }, t().fullReport)));
  }
  $("participant-heading").textContent = `${id} — ${participant.organization}, ${levelName(report.level)}`;
  $("participant-body").replaceChildren(...body);
  $("participant").hidden = false;
  $("participant").dataset.participant = id;
  $("participant-heading").focus();
}

/** Reads JSON Lines or a JSON array into participant objects (a line that is not JSON stays, as text, to be reported). */
function readCohort(text) {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  // One JSON document (an array of participants, or one participant, pretty-printed or not)...
  try {
    const whole = JSON.parse(trimmed);
    return Array.isArray(whole) ? whole : [whole];
  } catch {
    // ...or JSON Lines (below).
  }
  if (trimmed.startsWith("[")) throw new Error(t().notCohort);
  return trimmed.split(/\r?\n/).filter((line) => line.trim()).map((line) => {
    try {
      return JSON.parse(line);
    } catch {
      return line;
    }
  });
}

async function loadSample() {
  state.participants = readCohort(await (await fetch(SAMPLE)).text());
  state.sample = true;
  $("file").value = "";
  closeParticipant();
  renderLabels();
  compute();
}

function setLanguage(lang) {
  state.lang = lang;
  renderLabels();
  render();
  if (state.selected) showParticipant(state.selected);
}

async function main() {
  await init();
  state.pack = Pack.load();
  state.doc = state.pack.document();
  renderLabels();
  $("lang-en").addEventListener("click", () => setLanguage("en"));
  $("lang-fr").addEventListener("click", () => setLanguage("fr"));
  for (const id of ["organization", "as-of", "aggregate"]) $(id).addEventListener("change", compute);
  $("sample").addEventListener("click", loadSample);
  $("readiness").addEventListener("click", (e) => {
    const id = e.target.closest?.("button[data-participant]")?.dataset.participant;
    if (id) showParticipant(id);
  });
  $("file").addEventListener("change", async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      state.participants = readCohort(await file.text());
    } catch (error) {
      showError(`${t().notCohort}${t().colon}${error.message}`);
      return;
    }
    state.sample = false;
    closeParticipant();
    renderLabels();
    compute();
  });
  await loadSample();
}

main().catch((error) => {
  $("error").textContent = `${t().startFailed}${t().colon}${error.message}`;
  $("error").hidden = false;
});
