// The HSLP participant status page: evaluates a participant in the browser with the package and
// shows the report. Participant data never leaves the page. No bundler: a plain ES module.
import { init, Pack, CompetencyRulesError } from "../src/index.js";
import { longDate as formatDate } from "../src/names.js";

// The page's own labels; names and reasons come from the pack and the report.
const LABELS = {
  en: {
    title: "Participant status", choose: "Choose a participant", example: "Example participant",
    ex01: "01 — new enrolee", ex02: "02 — supervisor in progress", ex03: "03 — participant with problems",
    ex04: "04 — ready for the final assignment", ex05: "05 — completed senior leader", ex06: "06 — lapsed",
    ex07: "07 — manager with assessor ratings",
    file: "Or open a participant file (JSON)", asOf: "Evaluation date", status: "Status", shown: "Participant", organization: "Organization",
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
    pending: "pending review", below: "Achieved below the required level", pendingGroup: "Waiting for review", noEvidenceGroup: "No evidence has counted yet",
    achievedLevel: "achieved", waitingFor: "waiting", orOther: "or other evidence the program accepts", orSeparator: ", ",
    via: { claim: "claimed", catalogue: "completed", rule: "rule" }, engine: "Engine", pack: "pack",
    looksLike: "What this looks like at your level", effective: "Effective behaviours", ineffective: "Ineffective behaviours",
    colon: ": ", percent: "%", startFailed: "The engine could not start",
    whatNext: "What next", whatNextIntro: "The fewest catalogue items that close everything the catalogue can close, checked by a simulation.",
    planTarget: "Aim", targetCurrent: "Complete the current level", targetNext: "Be ready for the next level",
    planBy: "Keep to a minimum", byCount: "The number of items", byHours: "The hours", byCost: "The cost",
    planButton: "Propose a plan", planning: "Planning…",
    proven: "A proven minimum", bestFound: "Best plan found in the time allowed", noFewer: (b) => `no plan can take fewer than ${b}`,
    items: (n) => `${n} ${n === 1 ? "item" : "items"}`, hours: (h) => `${h} h`, cost: (c) => `cost ${new Intl.NumberFormat("en-CA", { style: "currency", currency: "CAD" }).format(c)}`,
    unreached: "The catalogue alone cannot reach the whole aim: the plan closes what it can.",
    noItems: "No catalogue item to take: none would close more of the aim.",
    planItems: "Items to take (untick one to see the plan without it)", closes: "closes", forNext: "for the next level",
    whatIf: (date) => `If the ticked items are completed by ${date}`, noChange: "Nothing changes.",
    competenciesMet: "Competencies met", ready: "ready", notReady: "not ready",
    gaps: "What no catalogue item can close", showBy: "Can be shown by", orRule: "or through the rules",
    notPlannable: "Catalogue items that would help but cannot count", alsoNeeded: "Other completion requirements", planFailed: "No plan could be made",
    roles: { coach: "coach", mentor: "mentor", program_assessor: "program assessor", provider: "provider", employer: "employer" },
    toManager: "Succession readiness of a cohort (manager's view)",
  },
  fr: {
    title: "Statut du participant", choose: "Choisir un participant", example: "Participant d'exemple",
    ex01: "01 — nouvelle inscription", ex02: "02 — superviseur en cours", ex03: "03 — participant avec des problèmes",
    ex04: "04 — prêt pour le travail final", ex05: "05 — cadre supérieur ayant terminé", ex06: "06 — échu",
    ex07: "07 — gestionnaire avec cotes d'évaluateur",
    file: "Ou ouvrir un fichier de participant (JSON)", asOf: "Date d'évaluation", status: "Statut", shown: "Participant", organization: "Organisation",
    requirements: "Exigences d'achèvement", outcomes: "Progrès par résultat d'apprentissage",
    missing: "Ce qui manque, et pourquoi", matrix: "Matrice des compétences", notCounted: "Preuves non comptées",
    evidence: "Preuve", competency: "Compétence", allCompetencies: "Compétences", reason: "Raison", findings: "Constats", language: "Langue",
    required: "Requis", achieved: "Atteint", state: "État", how: "Comment elle a été atteinte",
    level: "Niveau", levelAttained: "Niveau atteint", nextLevel: "Niveau suivant",
    none: "aucun", met: "exigence remplie", notMet: "exigence non remplie", nothing: "Rien — tout ce qui est requis est atteint.",
    noneCounted: "Toutes les preuves ont été comptées.", noFindings: "Aucun constat.",
    states: { met: "atteinte", not_met: "non atteinte", not_yet_enough_evidence: "pas encore assez de preuves", pending_review: "en attente d'examen", not_required: "non requise" },
    statuses: { enrolled: "inscrit", in_progress: "en cours", ready_for_final_assignment: "prêt pour le travail final", completed: "terminé", lapsed: "échu" },
    requirementNames: { competencies: "Compétences", coaching: "Coaching", mentoring: "Mentorat", final_assignment: "Travail final", time_limit: "Limite de temps", chosen: "Compétences choisies" },
    pending: "en attente d'examen", below: "Atteintes sous le niveau requis", pendingGroup: "En attente d'examen", noEvidenceGroup: "Aucune preuve n'a encore été comptée",
    achievedLevel: "atteint", waitingFor: "en attente", orOther: "ou par d'autres preuves que le programme accepte", orSeparator: " ",
    via: { claim: "revendiquée", catalogue: "réussie", rule: "règle" }, engine: "Moteur", pack: "ensemble de règles",
    looksLike: "À quoi cela ressemble à votre niveau", effective: "Comportements efficaces", ineffective: "Comportements inefficaces",
    colon: "\u00a0: ", percent: "\u00a0%", startFailed: "Le moteur n'a pas pu démarrer",
    whatNext: "Et ensuite", whatNextIntro: "Le plus petit nombre d'éléments du catalogue qui comblent tout ce que le catalogue peut combler, vérifié par une simulation.",
    planTarget: "Objectif", targetCurrent: "Terminer le niveau actuel", targetNext: "Être admissible au niveau suivant",
    planBy: "Réduire au minimum", byCount: "Le nombre d'éléments", byHours: "Les heures", byCost: "Le coût",
    planButton: "Proposer un plan", planning: "Planification…",
    proven: "Un minimum prouvé", bestFound: "Meilleur plan trouvé dans le temps alloué", noFewer: (b) => `aucun plan ne peut en demander moins de ${b}`,
    items: (n) => `${n} ${n <= 1 ? "élément" : "éléments"}`, hours: (h) => `${String(h).replace(".", ",")}\u00a0h`, cost: (c) => `coût ${new Intl.NumberFormat("fr-CA", { style: "currency", currency: "CAD" }).format(c)}`,
    unreached: "Le catalogue seul ne permet pas d'atteindre tout l'objectif\u00a0: le plan atteint ce qu'il peut.",
    noItems: "Aucun élément du catalogue à suivre\u00a0: aucun ne permettrait d'atteindre davantage l'objectif.",
    planItems: "Éléments à suivre (décochez-en un pour voir le plan sans celui-ci)", closes: "permet d'atteindre", forNext: "pour le niveau suivant",
    whatIf: (date) => `Si les éléments cochés sont terminés d'ici le ${date}`, noChange: "Rien ne change.",
    competenciesMet: "Compétences atteintes", ready: "admissible", notReady: "pas encore admissible",
    gaps: "Ce qu'aucun élément du catalogue ne permet d'atteindre", showBy: "À démontrer par", orRule: "ou par les règles",
    notPlannable: "Éléments du catalogue utiles qui ne peuvent pas compter", alsoNeeded: "Autres exigences d'achèvement", planFailed: "Aucun plan n'a pu être établi",
    roles: { coach: "coach", mentor: "mentor", program_assessor: "évaluateur du programme", provider: "fournisseur", employer: "employeur" },
    toManager: "Admissibilité et relève d'une cohorte (vue des gestionnaires)",
  },
};

const state = { lang: "en", pack: null, doc: null, participant: null, report: null, packText: null };
// The planner's module (`competency-rules/planning`), loaded the first time a plan is asked for,
// its pack, the plan, and the planned ids ticked for the what-if.
const planner = { module: null, pack: null, plan: null, ticked: new Set(), projection: null };
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

/** A `YYYY-MM-DD` date as running text writes it: "24 novembre 2026", "November 24, 2026". */
function longDate(iso) {
  return formatDate(iso, state.lang);
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

  // Whom the page shows: the name the participant file gives (it stays in the page), the id, the
  // organization.
  const p = state.participant ?? {};
  const who = [p.name ? `${p.name} (${r.participant})` : r.participant, p.organization ? `${t.organization}${t.colon}${p.organization}` : null];
  const summary = $("status-summary");
  summary.replaceChildren(
    el("p", { id: "shown" }, `${t.shown}${t.colon}`, el("strong", {}, who[0]), who[1] ? ` · ${who[1]}` : ""),
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

  // What is missing, grouped by why (below the level, waiting for review, no evidence yet), each
  // competency by name with the level it needs and the courses that would show it.
  const missing = r.competencies.filter((c) => c.required && c.state !== "met");
  const languages = state.doc.program.languages;
  const names = state.pack.names(languages.includes(state.lang) ? state.lang : languages[0]);
  const evidence = new Map((state.participant?.evidence ?? []).map((e) => [e.id, e]));
  const line = (c) => {
    const parts = [el("strong", {}, name(c.id)), ` — ${t.required}${t.colon}${levelName(c.id, c.required)}`];
    if (c.state === "not_met") parts.push(`, ${t.achievedLevel}${t.colon}${levelName(c.id, c.achieved)}`);
    if (c.state === "pending_review") {
      // The items waiting, by kind and date (their ids are the participant file's own).
      const waiting = (c.pending ?? []).map((id) => evidence.get(id)).map((e) => (e ? `${names.kind(e.kind)} (${longDate(e.date)})` : null)).filter(Boolean);
      if (waiting.length) parts.push(`; ${t.waitingFor}${t.colon}${waiting.join(", ")}`);
    }
    const steps = names.itemsFor(c.id, c.required);
    if (steps.length) parts.push(el("span", { class: "next" }, `. ${t.showBy}${t.colon}${steps.map((i) => names.item(i.id)).join(", ")}${t.orSeparator}${t.orOther}.`));
    const item = el("li", { "data-competency": c.id }, ...parts);
    const cell = looksLike(c.id, r.level);
    if (cell) item.append(cell);
    return item;
  };
  const groups = [["not_met", t.below], ["pending_review", t.pendingGroup], ["not_yet_enough_evidence", t.noEvidenceGroup]]
    .map(([key, title]) => [key, title, missing.filter((c) => c.state === key)])
    .filter(([, , group]) => group.length > 0);
  $("missing").replaceChildren(
    ...(missing.length === 0
      ? [el("p", {}, t.nothing)]
      : groups.flatMap(([key, title, group]) => [
          el("h3", { id: `missing-${key}` }, `${title} (${group.length})`),
          el("ul", { "aria-labelledby": `missing-${key}`, "data-state": key }, ...group.map(line)),
        ])),
  );

  const matrix = $("matrix");
  matrix.replaceChildren(
    ...[
      ...state.doc.outcome.map((o) => ({ caption: name(o.id), rows: r.competencies.filter((c) => c.outcome === o.id) })),
      { caption: t.allCompetencies, rows: r.competencies.filter((c) => !c.outcome) },
    ].filter((group) => group.rows.length > 0).map(({ caption, rows }, n) => {
      // A wide table scrolls in its own region on a narrow screen; the page does not (WCAG 1.4.10).
      return el("div", { class: "scroll", tabindex: "0", role: "region", "aria-labelledby": `matrix-caption-${n}` }, el("table", { class: "matrix" },
        el("caption", { id: `matrix-caption-${n}` }, caption),
        el("thead", {}, el("tr", {}, ...[t.competency, t.required, t.achieved, t.state, t.how].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, ...rows.map((c) =>
          el("tr", { class: `state-${c.state}`, "data-competency": c.id },
            el("th", { scope: "row" }, name(c.id)),
            el("td", {}, c.required ? levelName(c.id, c.required) : "—"),
            el("td", {}, c.achieved ? levelName(c.id, c.achieved) : "—"),
            el("td", {}, el("span", { class: "state" }, t.states[c.state])),
            el("td", {}, (c.sources ?? []).map((s) => `${t.via[s.via]} ${name(s.from)} (${levelName(c.id, s.level)})`).join("; ") || "—"),
          ))),
      ));
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

/** A competency at a level, as a plan names it ("Systems thinking (Working knowledge)"). */
function goalText(goal) {
  const t = LABELS[state.lang];
  const next = goal.for === "next" ? `, ${t.forNext}` : "";
  return `${name(goal.competency)} (${levelName(goal.competency, goal.level)}${next})`;
}

/** Loads the planning module and its pack the first time they are needed. */
async function plannerPack() {
  if (!planner.module) {
    const module = await import("../src/planning.js");
    await module.init();
    planner.module = module;
    planner.pack = state.packText ? module.Pack.load(state.packText) : module.Pack.load();
  }
  return planner.pack;
}

async function makePlan() {
  const t = LABELS[state.lang];
  if (!state.participant) return;
  $("plan-status").textContent = t.planning;
  $("plan").replaceChildren();
  try {
    const pack = await plannerPack();
    planner.plan = pack.plan(state.participant, $("as-of").value, { target: $("plan-target").value, by: $("plan-by").value });
    planner.ticked = new Set(planner.plan.planned.map((p) => p.id));
    whatIf();
    renderPlan();
  } catch (error) {
    planner.plan = null;
    // (The engine's messages are in English: the page says what failed in its language, and
    // gives the engine's words, with the field at fault, after.)
    const where = error instanceof planner.module?.CompetencyRulesError && error.path ? ` (${error.path})` : "";
    $("plan-status").textContent = "";
    $("plan").replaceChildren(el("p", { role: "alert", class: "error" }, `${t.planFailed}${t.colon}`, el("span", { lang: "en" }, `${error.message}${where}`)));
  }
}

/** The what-if of the ticked items: the participant with them planned, evaluated. */
function whatIf() {
  const plan = planner.plan;
  const planned = plan.planned.filter((p) => planner.ticked.has(p.id));
  const report = planner.pack.evaluate({ ...state.participant, planned }, plan.as_of);
  planner.projection = report.projection ?? null;
  planner.actual = report;
}

function changeText(change) {
  const t = LABELS[state.lang];
  const value = (v) => {
    if (v == null) return t.none;
    switch (change.what) {
      case "status": return t.statuses[v] ?? v;
      case "level_attained": return name(v);
      case "next_level": return v === "ready" ? t.ready : t.notReady;
      case "requirement": return v === "met" ? t.met : t.notMet;
      default: return v;
    }
  };
  const what = { status: t.status, level_attained: t.levelAttained, next_level: t.nextLevel }[change.what]
    ?? (change.what === "requirement" ? t.requirementNames[change.id] : name(change.id));
  return `${what}${t.colon}${value(change.from)} → ${value(change.to)}`;
}

function renderWhatIf(container) {
  const t = LABELS[state.lang];
  const plan = planner.plan;
  const projection = planner.projection;
  const lines = [];
  if (projection) {
    for (const change of projection.changes.filter((c) => ["status", "level_attained", "next_level", "requirement"].includes(c.what))) {
      lines.push(changeText(change));
    }
    const met = (r) => r.competencies.filter((c) => c.state === "met").length;
    const before = met(planner.actual);
    const after = met(projection.report);
    if (after !== before) lines.push(`${t.competenciesMet}${t.colon}${before} → ${after}`);
  }
  container.replaceChildren(
    el("h3", { id: "what-if-heading" }, t.whatIf(longDate(plan.complete_by))),
    el("ul", { id: "what-if", "aria-labelledby": "what-if-heading" }, ...(lines.length ? lines : [t.noChange]).map((line) => el("li", {}, line))),
  );
}

function renderPlan() {
  const t = LABELS[state.lang];
  const plan = planner.plan;
  if (!plan) return;
  const totals = [t.items(plan.total.items)];
  if (plan.total.hours != null) totals.push(t.hours(plan.total.hours));
  if (plan.total.cost != null) totals.push(t.cost(plan.total.cost));
  const bound = { count: t.items, hours: t.hours, cost: t.cost }[plan.by](plan.lower_bound);
  const parts = [
    el("p", { id: "plan-summary" }, el("strong", {}, plan.optimal ? t.proven : t.bestFound), `${t.colon}${totals.join(", ")}${plan.optimal ? "" : ` (${t.noFewer(bound)})`}.`),
  ];
  if (!plan.reaches_target) parts.push(el("p", {}, t.unreached));
  if (plan.items.length === 0) {
    parts.push(el("p", {}, t.noItems));
  } else {
    parts.push(el("h3", { id: "plan-items-heading" }, t.planItems));
    parts.push(el("ul", { id: "plan-items", class: "plan-items", role: "list", "aria-labelledby": "plan-items-heading" },
      ...plan.items.map((item, i) => {
        const box = el("input", { type: "checkbox", id: `plan-item-${i}`, "data-planned": item.planned });
        box.checked = planner.ticked.has(item.planned);
        box.addEventListener("change", () => {
          if (box.checked) planner.ticked.add(item.planned);
          else planner.ticked.delete(item.planned);
          whatIf();
          renderWhatIf($("what-if-section"));
        });
        const facts = [name(item.kind)];
        if (item.hours != null) facts.push(t.hours(item.hours));
        if (item.cost != null) facts.push(t.cost(item.cost));
        box.setAttribute("aria-describedby", `plan-item-${i}-closes`);
        return el("li", { "data-item": item.item },
          box,
          el("label", { for: `plan-item-${i}` }, el("strong", {}, name(item.item)), ` (${facts.join("; ")})`),
          el("span", { class: "closes", id: `plan-item-${i}-closes` }, ` — ${t.closes}${t.colon}${item.closes.map(goalText).join(", ")}`),
        );
      })));
    const section = el("div", { id: "what-if-section", "aria-live": "polite" });
    renderWhatIf(section);
    parts.push(section);
  }
  // Gaps no item can close, grouped by the kinds of evidence that could show them.
  const groups = new Map();
  for (const gap of plan.gaps.filter((g) => !g.catalogue_can_close)) {
    const kinds = gap.kinds.map((k) => `${name(k.kind)} (${k.assessors.map((r) => t.roles[r] ?? r).join(", ")})`).join("; ");
    const rules = gap.rules.length ? ` — ${t.orRule} ${gap.rules.map(name).join(", ")}` : "";
    if (!groups.has(kinds)) groups.set(kinds, []);
    groups.get(kinds).push(`${goalText(gap)}${rules}`);
  }
  if (groups.size) {
    parts.push(el("h3", { id: "plan-gaps-heading" }, t.gaps));
    const list = el("div", { id: "plan-gaps" });
    let n = 0;
    for (const [kinds, lines] of groups) {
      n += 1;
      list.append(el("h4", { id: `plan-gaps-${n}` }, `${t.showBy}${t.colon}${kinds}`),
        el("ul", { "aria-labelledby": `plan-gaps-${n}` }, ...lines.map((line) => el("li", {}, line))));
    }
    parts.push(list);
  }
  if (plan.not_plannable.length) {
    parts.push(el("h3", { id: "plan-not-plannable-heading" }, t.notPlannable));
    parts.push(el("ul", { "aria-labelledby": "plan-not-plannable-heading" },
      ...plan.not_plannable.map((n) => el("li", {}, el("strong", {}, name(n.item)), `${t.colon}${message(n.reason)}`))));
  }
  if (plan.also_needed.length) {
    parts.push(el("h3", { id: "plan-also-heading" }, t.alsoNeeded));
    parts.push(el("ul", { "aria-labelledby": "plan-also-heading" },
      ...plan.also_needed.map((r) => el("li", {}, el("strong", {}, t.requirementNames[r.id] ?? r.id), `${t.colon}${message(r.reason)}`))));
  }
  $("plan").replaceChildren(...parts);
  $("plan-status").textContent = `${plan.optimal ? t.proven : t.bestFound}${t.colon}${totals.join(", ")}`;
  document.body.dataset.plan = `${plan.target}:${plan.by}:${plan.items.length}`;
}

function evaluate() {
  $("error").hidden = true;
  if (!state.participant) return;
  // A plan is for one participant on one date: ask again after a change.
  planner.plan = null;
  $("plan").replaceChildren();
  $("plan-status").textContent = "";
  delete document.body.dataset.plan;
  try {
    state.report = state.pack.evaluate(state.participant, $("as-of").value);
    // (The last level has no next one to plan for.)
    const next = document.querySelector('#plan-target option[value="next"]');
    next.disabled = !state.report.next_level;
    if (next.disabled && $("plan-target").value === "next") $("plan-target").value = "current";
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
  renderPlan();
}

async function main() {
  await init();
  // Another program's pack (JSON) can be given as `?pack=<url>`; the HSLP pack by default.
  const packUrl = new URLSearchParams(location.search).get("pack");
  state.packText = packUrl ? await (await fetch(new URL(packUrl, location.href))).text() : null;
  state.pack = state.packText ? Pack.load(state.packText) : Pack.load();
  state.doc = state.pack.document();
  renderLabels();
  $("lang-en").addEventListener("click", () => setLanguage("en"));
  $("lang-fr").addEventListener("click", () => setLanguage("fr"));
  $("example").addEventListener("change", (e) => e.target.value && loadExample(e.target.value));
  $("as-of").addEventListener("change", evaluate);
  $("plan-button").addEventListener("click", makePlan);
  for (const id of ["plan-target", "plan-by"]) $(id).addEventListener("change", () => planner.plan && makePlan());
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
  // A participant of the sample cohort, opened from the manager's view (`?cohort-participant=<id>`).
  const fromCohort = new URLSearchParams(location.search).get("cohort-participant");
  const cohortParticipant = fromCohort && !packUrl
    ? (await (await fetch(new URL("../../examples/cohort/participants.jsonl", import.meta.url))).text())
      .split("\n").filter((line) => line.trim()).map((line) => JSON.parse(line)).find((p) => p.id === fromCohort)
    : null;
  if (cohortParticipant) {
    // The manager's view passes its language and date too; the list names who is shown.
    const params = new URLSearchParams(location.search);
    if (params.get("as-of")) $("as-of").value = params.get("as-of");
    if (params.get("lang") === "fr") setLanguage("fr");
    const option = el("option", { value: "" }, cohortParticipant.id);
    $("example").prepend(option);
    $("example").value = "";
    state.participant = cohortParticipant;
    evaluate();
  } else if (packUrl) {
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
