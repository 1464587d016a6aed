// The HSLP participant status page: evaluates a participant in the browser with the package and
// shows the report. Participant data never leaves the page. No bundler: a plain ES module.
import { init, Pack, CompetencyRulesError } from "../src/index.js";

// The page's own labels; names and reasons come from the pack and the report.
const LABELS = {
  en: {
    title: "Participant status", choose: "Choose a participant", example: "Example participant",
    ex01: "01 — new enrolee", ex02: "02 — supervisor in progress", ex03: "03 — participant with problems",
    ex04: "04 — ready for the final assignment", ex05: "05 — completed senior leader", ex06: "06 — lapsed",
    ex07: "07 — manager with assessor ratings",
    file: "Or open a participant file (JSON)", asOf: "Evaluation date", status: "Status",
    requirements: "Completion requirements", outcomes: "Progress by learning outcome",
    missing: "What is missing, and why", matrix: "Competency matrix", notCounted: "Evidence that did not count",
    evidence: "Evidence", competency: "Competency", allCompetencies: "Competencies", reason: "Reason", findings: "Findings", language: "Language",
    required: "Required", achieved: "Achieved", state: "State", how: "How it was achieved",
    level: "Level", levelAttained: "Level attained", nextLevel: "Next level",
    none: "none", met: "met", notMet: "not met", nothing: "Nothing — everything required is met.",
    noneCounted: "Every evidence item counted.", noFindings: "No findings.",
    states: { met: "met", not_met: "not met", not_yet_enough_evidence: "not yet enough evidence", pending_review: "pending review", not_required: "not required" },
    statuses: { enrolled: "enrolled", in_progress: "in progress", ready_for_final_assignment: "ready for the final assignment", completed: "completed", lapsed: "lapsed" },
    requirementNames: { competencies: "Competencies", coaching: "Coaching", mentoring: "Mentoring", final_assignment: "Final assignment", time_limit: "Time limit", chosen: "Chosen competencies" },
    pending: "pending review", noEvidence: "no evidence has counted yet", below: "achieved below the required level",
    via: { claim: "claimed", catalogue: "completed", rule: "rule" }, engine: "Engine", pack: "pack",
    looksLike: "What this looks like at your level", effective: "Effective behaviours", ineffective: "Ineffective behaviours",
    colon: ": ", percent: "%", startFailed: "The engine could not start",
  },
  fr: {
    title: "Statut du participant", choose: "Choisir un participant", example: "Participant d'exemple",
    ex01: "01 — nouvelle inscription", ex02: "02 — superviseur en cours", ex03: "03 — participant avec des problèmes",
    ex04: "04 — prêt pour le travail final", ex05: "05 — cadre supérieur ayant terminé", ex06: "06 — échu",
    ex07: "07 — gestionnaire avec cotes d'évaluateur",
    file: "Ou ouvrir un fichier de participant (JSON)", asOf: "Date d'évaluation", status: "Statut",
    requirements: "Exigences d'achèvement", outcomes: "Progrès par résultat d'apprentissage",
    missing: "Ce qui manque, et pourquoi", matrix: "Matrice des compétences", notCounted: "Preuves non comptées",
    evidence: "Preuve", competency: "Compétence", allCompetencies: "Compétences", reason: "Raison", findings: "Constats", language: "Langue",
    required: "Requis", achieved: "Atteint", state: "État", how: "Comment elle a été atteinte",
    level: "Niveau", levelAttained: "Niveau atteint", nextLevel: "Niveau suivant",
    none: "aucun", met: "remplie", notMet: "non remplie", nothing: "Rien — tout ce qui est requis est atteint.",
    noneCounted: "Toutes les preuves ont été comptées.", noFindings: "Aucun constat.",
    states: { met: "atteinte", not_met: "non atteinte", not_yet_enough_evidence: "pas encore assez de preuves", pending_review: "en attente d'examen", not_required: "non requise" },
    statuses: { enrolled: "inscrit", in_progress: "en cours", ready_for_final_assignment: "prêt pour le travail final", completed: "terminé", lapsed: "échu" },
    requirementNames: { competencies: "Compétences", coaching: "Coaching", mentoring: "Mentorat", final_assignment: "Travail final", time_limit: "Limite de temps", chosen: "Compétences choisies" },
    pending: "en attente d'examen", noEvidence: "aucune preuve n'a encore été comptée", below: "atteinte sous le niveau requis",
    via: { claim: "revendiquée", catalogue: "réussie", rule: "règle" }, engine: "Moteur", pack: "ensemble de règles",
    looksLike: "À quoi cela ressemble à votre niveau", effective: "Comportements efficaces", ineffective: "Comportements inefficaces",
    colon: "\u00a0: ", percent: "\u00a0%", startFailed: "Le moteur n'a pas pu démarrer",
  },
};

const state = { lang: "en", pack: null, doc: null, participant: null, report: null };
const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

/**
 * "What this looks like at your level": the matrix cell of competency `id` at organizational level
 * `level`, when the pack describes it (a description, effective and ineffective behaviours), as a
 * disclosure; `null` for a cell in the short form.
 */
function looksLike(id, level) {
  const t = LABELS[state.lang];
  const cell = state.doc.competency.find((c) => c.id === id)?.expected?.[level];
  if (!cell || typeof cell === "string") return null;
  const text = (value) => value?.[state.lang] ?? "";
  const parts = [el("summary", {}, t.looksLike)];
  if (cell.description) parts.push(el("p", {}, text(cell.description)));
  for (const [heading, list] of [[t.effective, cell.indicators], [t.ineffective, cell.ineffective]]) {
    if (!list?.length) continue;
    parts.push(el("p", { class: "behaviours" }, heading), el("ul", {}, ...list.map((i) => el("li", {}, text(i)))));
  }
  return el("details", { class: "looks-like" }, ...parts);
}

/** The name of a pack thing (competency, outcome, level...) in the current language. */
function name(id) {
  if (id == null) return "—";
  const doc = state.doc;
  const all = [...doc.competency, ...doc.outcome, ...doc.level, ...scales().flatMap((s) => s.level), ...doc.catalogue, ...doc.evidence_kind, ...doc.rule];
  const found = all.find((x) => x.id === id);
  return found?.name?.[state.lang] ?? found?.name?.en ?? id;
}

/** The pack's proficiency scales (`[scale]` or `[[scale]]`), the default first. */
function scales() {
  return Array.isArray(state.doc.scale) ? state.doc.scale : [state.doc.scale];
}

/** The name of proficiency level `id` on the scale competency `competencyId` is rated on. */
function levelName(competencyId, id) {
  if (id == null) return "—";
  const competency = state.doc.competency.find((c) => c.id === competencyId);
  const scale = scales().find((s) => s.id === competency?.scale) ?? scales()[0];
  const level = scale?.level.find((l) => l.id === id);
  return level ? level.name[state.lang] ?? level.name.en ?? id : name(id);
}

function message(reason) {
  return reason.message[state.lang] ?? reason.message.en ?? reason.code;
}

function renderLabels() {
  const t = LABELS[state.lang];
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t[node.dataset.t];
  for (const node of document.querySelectorAll("[data-t-aria]")) node.setAttribute("aria-label", t[node.dataset.tAria]);
  $("lang-en").setAttribute("aria-pressed", String(state.lang === "en"));
  $("lang-fr").setAttribute("aria-pressed", String(state.lang === "fr"));
  const notice = state.doc?.program?.notice?.[state.lang];
  $("notice").textContent = notice ?? "";
  document.title = `${t.title} — ${state.doc?.program?.name?.[state.lang] ?? ""}`;
}

function renderReport() {
  const t = LABELS[state.lang];
  const r = state.report;
  if (!r) return;
  $("result").hidden = false;

  const summary = $("status-summary");
  summary.replaceChildren(
    el("p", { class: `status status-${r.status}`, id: "status-value" }, `${t.status}${t.colon}`, el("strong", {}, t.statuses[r.status]), ` — ${message(r.status_reason)}`),
    el("p", {}, `${t.level}${t.colon}${name(r.level)} · ${t.levelAttained}${t.colon}${r.level_attained ? name(r.level_attained) : t.none}`),
    ...(r.next_level
      ? [el("p", {}, `${t.nextLevel}${t.colon}${message(r.next_level.reason)}`)]
      : []),
  );

  $("requirements").replaceChildren(
    ...r.requirements.map((q) =>
      el("li", { class: q.met ? "ok" : "not-ok", "data-requirement": q.id },
        el("span", { class: "mark", "aria-hidden": "true" }, q.met ? "✓" : "✗"),
        el("strong", {}, `${t.requirementNames[q.id]}`), ` (${q.met ? t.met : t.notMet})${t.colon}${message(q.reason)}`),
    ),
  );

  // A framework without clusters has no outcomes: the section goes.
  $("outcomes-heading").hidden = $("outcomes").hidden = r.outcomes.length === 0;
  $("outcomes").replaceChildren(
    ...r.outcomes.map((o) =>
      el("div", { class: "outcome" },
        el("label", { for: `progress-${o.id}` }, `${name(o.id)}${t.colon}${o.met}/${o.required} (${o.percent}${t.percent})`),
        el("progress", { id: `progress-${o.id}`, max: String(Math.max(o.required, 1)), value: String(o.met) }, `${o.percent}%`),
      ),
    ),
  );

  const missing = r.competencies.filter((c) => c.required && c.state !== "met");
  $("missing").replaceChildren(
    ...(missing.length === 0
      ? [el("li", {}, t.nothing)]
      : missing.map((c) => {
          const why =
            c.state === "pending_review" ? `${t.pending}${t.colon}${(c.pending ?? []).join(", ")}`
            : c.state === "not_met" ? `${t.below} (${levelName(c.id, c.achieved)} < ${levelName(c.id, c.required)})`
            : t.noEvidence;
          const item = el("li", { "data-competency": c.id }, el("strong", {}, name(c.id)), ` — ${t.required} ${levelName(c.id, c.required)}${t.colon}${why}`);
          const cell = looksLike(c.id, r.level);
          if (cell) item.append(cell);
          return item;
        })),
  );

  const matrix = $("matrix");
  matrix.replaceChildren(
    ...[
      ...state.doc.outcome.map((o) => ({ caption: name(o.id), rows: r.competencies.filter((c) => c.outcome === o.id) })),
      { caption: t.allCompetencies, rows: r.competencies.filter((c) => !c.outcome) },
    ].filter((group) => group.rows.length > 0).map(({ caption, rows }) => {
      return el("table", { class: "matrix" },
        el("caption", {}, caption),
        el("thead", {}, el("tr", {}, ...[t.competency, t.required, t.achieved, t.state, t.how].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, ...rows.map((c) =>
          el("tr", { class: `state-${c.state}`, "data-competency": c.id },
            el("th", { scope: "row" }, name(c.id)),
            el("td", {}, c.required ? levelName(c.id, c.required) : "—"),
            el("td", {}, c.achieved ? levelName(c.id, c.achieved) : "—"),
            el("td", {}, el("span", { class: "state" }, t.states[c.state])),
            el("td", {}, (c.sources ?? []).map((s) => `${t.via[s.via]} ${name(s.from)} (${levelName(c.id, s.level)})`).join("; ") || "—"),
          ))),
      );
    }),
  );

  const tbody = $("not-counted").querySelector("tbody");
  tbody.replaceChildren(
    ...(r.not_counted.length === 0
      ? [el("tr", {}, el("td", { colspan: "3" }, t.noneCounted))]
      : r.not_counted.map((n) =>
          el("tr", { class: "not-counted" },
            el("td", {}, n.evidence ?? n.at ?? "?"),
            el("td", {}, n.competency ? name(n.competency) : "—"),
            el("td", {}, message(n.reason)),
          ))),
  );

  $("findings").replaceChildren(
    ...(r.findings.length === 0
      ? [el("li", {}, t.noFindings)]
      : r.findings.map((f) => el("li", {}, `${f.evidence ? `${f.evidence} · ` : ""}${f.field}${t.colon}${message(f.reason)}`))),
  );
  $("engine").textContent = `${t.engine} ${r.engine.name} ${r.engine.version} · ${t.pack} ${r.pack.id} ${r.pack.version} (${r.pack.fingerprint.slice(0, 19)}…)`;
  document.body.dataset.participant = r.participant;
  document.body.dataset.lang = state.lang;
  document.body.dataset.ready = "true";
}

function evaluate() {
  $("error").hidden = true;
  if (!state.participant) return;
  try {
    state.report = state.pack.evaluate(state.participant, $("as-of").value);
    renderReport();
  } catch (error) {
    state.report = null;
    $("result").hidden = true;
    const where = error instanceof CompetencyRulesError && error.path ? ` (${error.path})` : "";
    $("error").textContent = `${error.message}${where}`;
    $("error").hidden = false;
  }
}

async function loadExample(id) {
  const response = await fetch(new URL(`../../examples/${id}.json`, import.meta.url));
  state.participant = await response.json();
  evaluate();
}

function setLanguage(lang) {
  state.lang = lang;
  renderLabels();
  renderReport();
}

async function main() {
  await init();
  // Another program's pack (JSON) can be given as `?pack=<url>`; the HSLP pack by default.
  const packUrl = new URLSearchParams(location.search).get("pack");
  state.pack = packUrl ? Pack.load(await (await fetch(new URL(packUrl, location.href))).text()) : Pack.load();
  state.doc = state.pack.document();
  renderLabels();
  $("lang-en").addEventListener("click", () => setLanguage("en"));
  $("lang-fr").addEventListener("click", () => setLanguage("fr"));
  $("example").addEventListener("change", (e) => loadExample(e.target.value));
  $("as-of").addEventListener("change", evaluate);
  $("file").addEventListener("change", async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      state.participant = JSON.parse(await file.text());
      evaluate();
    } catch (error) {
      $("error").textContent = error.message;
      $("error").hidden = false;
    }
  });
  if (packUrl) {
    // The examples are HSLP participants: with another program's pack, a participant file is read.
    for (const node of [$("example"), document.querySelector('label[for="example"]')]) node.hidden = true;
    document.body.dataset.ready = "true";
  } else {
    await loadExample($("example").value);
  }
}

main().catch((error) => {
  const t = LABELS[state.lang];
  $("error").textContent = `${t.startFailed}${t.colon}${error.message}`;
  $("error").hidden = false;
});
