// <competency-status>: a participant's status as an element any page can hold (SharePoint, Drupal,
// a Moodle HTML block): one script tag, one element. It evaluates in the page (participant data
// stays there) and renders an accessible view: the status (whom it shows, the status and why, the
// completion requirements, what is missing with the courses that would show it), the plan (the
// fewest catalogue items to take), or a cohort's readiness (counts only). Styled from outside
// through CSS custom properties and `::part()`.
import { longDate } from "./names.js";

const LABELS = {
  en: {
    statusOf: (who) => `Status of ${who}`, status: "Status", level: "Level", levelAttained: "Level attained",
    asOf: "On", none: "none", requirements: "Completion requirements", met: "met", notMet: "not met",
    missing: "What is missing", nothing: "Nothing: everything required is met.",
    noEvidence: "No evidence has counted yet for these", pending: "Waiting for review", below: "Achieved below the required level",
    notCounted: "Evidence that did not count", noParticipant: "No participant to show: give the participant attribute (a URL) or set the participant property.",
    noCohort: "No cohort to show: give the participants attribute (a URL) or set the participants property.",
    notFound: (what, status) => `${what} could not be loaded (${status})`, participantDoc: "The participant document", cohortDoc: "The cohort", packDoc: "The rule pack",
    required: "required", achieved: "achieved", showBy: "Can be shown by", orOther: "or other evidence the program accepts", orSeparator: ", ",
    statuses: { enrolled: "enrolled", in_progress: "in progress", ready_for_final_assignment: "ready for the final assignment", completed: "completed", lapsed: "lapsed" },
    requirementNames: { competencies: "Competencies", coaching: "Coaching", mentoring: "Mentoring", final_assignment: "Final assignment", time_limit: "Time limit", chosen: "Chosen competencies" },
    loading: "Evaluating…", failed: "The status could not be shown", colon: ": ",
    needsPlanning: "This view needs the planning build: load competency-rules.planning.umd.js (with competency_rules_planning.wasm beside it) in place of competency-rules.umd.js.",
    planFor: (who) => `Plan for ${who}`, proven: "A proven minimum", bestFound: "The best plan found in the time allowed",
    items: (n) => `${n} ${n === 1 ? "item" : "items"}`, hours: (h) => `${h} h`, cost: (c) => `cost ${new Intl.NumberFormat("en-CA", { style: "currency", currency: "CAD" }).format(c)}`,
    toTake: "Items to take", closes: "closes", unreached: "The catalogue alone cannot reach the whole aim: the plan closes what it can.",
    noItems: "No catalogue item to take.", gaps: "What no catalogue item can close", alsoNeeded: "Other completion requirements",
    forNext: "for the next level", byKinds: "can be shown by", roles: { coach: "coach", mentor: "mentor", program_assessor: "program assessor", provider: "provider", employer: "employer" },
    cohortOn: (date) => `Cohort on ${date}`, participants: (n) => `${n} ${n === 1 ? "participant" : "participants"}`,
    byStatus: "By status", count: "Participants", readiness: "Readiness for the next level",
    readinessNames: { ready_now: "ready now", ready_soon: "ready soon", developing: "developing", top_level: "at the top level" },
    bench: "Bench strength by next level", nextLevel: "Next level", readyNow: "Ready now", readySoon: "Ready soon",
    hidden: "fewer than the minimum shown", blockers: "What holds people back most", blockerLine: (name, level, n) => `${name} (${level}): ${n}`,
  },
  fr: {
    statusOf: (who, isName) => `Statut ${isName && /^[aeiouyhàâäéèêëîïôöûùü]/i.test(who) ? "d'" : "de "}${who}`, status: "Statut", level: "Niveau", levelAttained: "Niveau atteint",
    asOf: "Au", none: "aucun", requirements: "Exigences d'achèvement", met: "exigence remplie", notMet: "exigence non remplie",
    missing: "Ce qui manque", nothing: "Rien\u00a0: tout ce qui est requis est atteint.",
    noEvidence: "Aucune preuve n'a encore été comptée pour celles-ci", pending: "En attente d'examen", below: "Compétences atteintes sous le niveau requis",
    notCounted: "Preuves non comptées", noParticipant: "Aucun participant à afficher\u00a0: donnez l'attribut participant (une adresse URL) ou définissez la propriété participant.",
    noCohort: "Aucune cohorte à afficher\u00a0: donnez l'attribut participants (une adresse URL) ou définissez la propriété participants.",
    notFound: (what, status) => `${what} n'a pas pu être chargé (${status})`, participantDoc: "Le document du participant", cohortDoc: "Le fichier de la cohorte", packDoc: "L'ensemble de règles",
    required: "requis", achieved: "atteint", showBy: "À démontrer par", orOther: "ou par d'autres preuves que le programme accepte", orSeparator: " ",
    statuses: { enrolled: "inscrit", in_progress: "en cours", ready_for_final_assignment: "prêt pour le travail final", completed: "terminé", lapsed: "échu" },
    requirementNames: { competencies: "Compétences", coaching: "Coaching", mentoring: "Mentorat", final_assignment: "Travail final", time_limit: "Limite de temps", chosen: "Compétences choisies" },
    loading: "Évaluation…", failed: "Le statut n'a pas pu être affiché", colon: "\u00a0: ",
    needsPlanning: "Cette vue nécessite la version de planification\u00a0: chargez competency-rules.planning.umd.js (avec competency_rules_planning.wasm à côté) au lieu de competency-rules.umd.js.",
    planFor: (who) => `Plan pour ${who}`, proven: "Un minimum prouvé", bestFound: "Le meilleur plan trouvé dans le temps alloué",
    items: (n) => `${n}\u00a0${n <= 1 ? "élément" : "éléments"}`, hours: (h) => `${String(h).replace(".", ",")}\u00a0h`, cost: (c) => `coût de ${new Intl.NumberFormat("fr-CA", { style: "currency", currency: "CAD" }).format(c)}`,
    toTake: "Éléments à suivre", closes: "permet d'atteindre", unreached: "Le catalogue seul ne permet pas d'atteindre tout l'objectif\u00a0: le plan atteint ce qu'il peut.",
    noItems: "Aucun élément du catalogue à suivre.", gaps: "Ce qu'aucun élément du catalogue ne permet d'atteindre", alsoNeeded: "Autres exigences d'achèvement",
    forNext: "pour le niveau suivant", byKinds: "à démontrer par", roles: { coach: "coach", mentor: "mentor", program_assessor: "évaluateur du programme", provider: "fournisseur", employer: "employeur" },
    cohortOn: (date) => `Cohorte au ${date}`, participants: (n) => `${n}\u00a0${n <= 1 ? "participant" : "participants"}`,
    byStatus: "Par statut", count: "Participants", readiness: "Préparation au niveau suivant",
    readinessNames: { ready_now: "prêts maintenant", ready_soon: "bientôt prêts", developing: "en développement", top_level: "au niveau le plus élevé" },
    bench: "Relève par niveau suivant", nextLevel: "Niveau suivant", readyNow: "Prêts maintenant", readySoon: "Bientôt prêts",
    hidden: "moins que le minimum affiché", blockers: "Ce qui retient le plus souvent", blockerLine: (name, level, n) => `${name} (${level})\u00a0: ${n}`,
  },
};

const STYLE = `
:host { display: block; font-family: var(--competency-status-font-family, inherit); font-size: var(--competency-status-font-size, inherit); color: var(--competency-status-text, inherit); overflow-wrap: anywhere; }
[part~="card"] { border: 1px solid var(--competency-status-border, #8a8a8a); border-radius: var(--competency-status-radius, 4px); padding: var(--competency-status-padding, 0.75rem 1rem); max-width: 100%; box-sizing: border-box; overflow-wrap: anywhere; }
h2, h3, h4, h5, h6, [role="heading"] { color: var(--competency-status-accent, #1b4f72); margin: 0.6rem 0 0.3rem; font-size: 1.1em; }
[part~="heading"] { font-size: 1.25em; margin-top: 0; }
ul { padding-left: 1.2rem; margin: 0.3rem 0; }
[part~="requirements"] { list-style: none; padding: 0; }
.mark { display: inline-block; width: 1.3em; font-weight: bold; }
[part~="requirement-met"] .mark { color: var(--competency-status-met, #1e6b30); }
[part~="requirement-not-met"] .mark { color: var(--competency-status-not-met, #8b0000); }
[part~="error"] { color: var(--competency-status-not-met, #8b0000); font-weight: bold; }
.next { color: var(--competency-status-muted, #4a4a4a); }
table { border-collapse: collapse; margin: 0.3rem 0 0.6rem; }
th, td { border: 1px solid var(--competency-status-border, #8a8a8a); padding: 0.2rem 0.5rem; text-align: left; }
td.number { text-align: right; }
.scroll { overflow-x: auto; max-width: 100%; }
.scroll:focus-visible { outline: 3px solid var(--competency-status-accent, #1b4f72); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
caption { text-align: left; font-weight: bold; }
`;

/** Today's date where the page is, `YYYY-MM-DD` (the calendar date, not UTC's). */
function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) if (child != null) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

/**
 * Defines `<competency-status>` (or `name`) over an engine entry (`{ init, Pack, planning? }`,
 * `planning()` giving the planning module's entry, loaded when a view needs it). Attributes:
 * `view` (`status`, the default; `plan`; `cohort`: the last two need the planning build),
 * `participant` (URL of a participant document; or set the `participant` property to the object),
 * `participants` (for `view="cohort"`: URL of JSON Lines or a JSON array; or the `participants`
 * property), `as-of` (YYYY-MM-DD; today where the page is by default), `lang` (`en` or `fr`; the
 * page's language by default), `pack` (URL of another program's pack, JSON), `wasm` (URL of the
 * module), `heading-level` (2 by default), and for the plan `target` (`current`, `next`) and `by`
 * (`count`, `hours`, `cost`), for the cohort `aggregate-only` (small counts hidden, as a report
 * shared across organizations shows them).
 */
export function defineCompetencyStatus(engine, name = "competency-status") {
  if (typeof customElements === "undefined" || customElements.get(name)) return;
  const packs = new Map();
  // Each pack's languages, read once from its document (not at every render).
  const languages = new WeakMap();
  const languagesOf = (pack) => {
    if (!languages.has(pack)) languages.set(pack, pack.document().program.languages);
    return languages.get(pack);
  };

  /** The text at `url`, or an error saying which document could not be loaded, in `t`'s words. */
  async function fetchText(url, what, t) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(t.notFound(what, `${response.status}, ${url}`));
    return response.text();
  }

  /** The pack at `url` (the built-in one without), compiled once per entry. */
  async function packFor(entry, url, t) {
    const key = `${entry === engine ? "main" : "planning"} ${url ?? ""}`;
    if (!packs.has(key)) {
      const loading = (async () => (url ? entry.Pack.load(await fetchText(url, t.packDoc, t)) : entry.Pack.load()))();
      // (A pack that failed to load is tried again next time.)
      loading.catch(() => packs.delete(key));
      packs.set(key, loading);
    }
    return packs.get(key);
  }

  class CompetencyStatus extends HTMLElement {
    static observedAttributes = ["view", "participant", "participants", "as-of", "lang", "pack", "heading-level", "target", "by", "aggregate-only"];
    #participant = null;
    #participants = null;
    #root;
    #render = 0;

    constructor() {
      super();
      this.#root = this.attachShadow({ mode: "open" });
    }

    /** The participant document (an object); set it instead of the `participant` attribute. */
    get participant() {
      return this.#participant;
    }

    set participant(value) {
      this.#participant = value;
      this.#update();
    }

    /** The cohort (`view="cohort"`): participant objects, or JSON Lines / JSON array text. */
    get participants() {
      return this.#participants;
    }

    set participants(value) {
      this.#participants = value;
      this.#update();
    }

    /** The last result shown: a report, a plan or a cohort report (`null` before the first). */
    report = null;

    connectedCallback() {
      // A value a page set before the element was defined (the script loaded after it) sits on
      // the instance, hiding the accessor: take it through the accessor.
      for (const key of ["participant", "participants"]) {
        if (Object.hasOwn(this, key)) {
          const value = this[key];
          delete this[key];
          this[key] = value;
        }
      }
      this.#update();
    }

    attributeChangedCallback() {
      if (this.isConnected) this.#update();
    }

    #queued = false;

    /** One evaluation for all the changes made together (an upgrade sets every attribute). */
    #update() {
      if (this.#queued) return;
      this.#queued = true;
      queueMicrotask(() => {
        this.#queued = false;
        if (this.isConnected) this.#run();
      });
    }

    get #lang() {
      const asked = (this.getAttribute("lang") || this.closest("[lang]")?.getAttribute("lang") || "en").slice(0, 2).toLowerCase();
      return LABELS[asked] ? asked : "en";
    }

    async #run() {
      const ticket = ++this.#render;
      const lang = this.#lang;
      const t = LABELS[lang];
      if (!this.report) this.#show(el("p", { part: "loading", role: "status" }, t.loading));
      try {
        const view = this.getAttribute("view") || "status";
        // The plan and cohort views need the planning module: an ES-module page loads it now
        // (`engine.planning`); a script build either is the planning build or says it is needed.
        const entry = view !== "status" && engine.planning ? await engine.planning() : engine;
        await entry.init(entry === engine ? this.getAttribute("wasm") || undefined : undefined);
        const pack = await packFor(entry, this.getAttribute("pack"), t);
        const asOf = this.getAttribute("as-of") || today();
        const load = async (url, what) => fetchText(url, what, t);
        // (Names in the element's language if the pack has it, else in the pack's first.)
        const languages = languagesOf(pack);
        const names = pack.names(languages.includes(lang) ? lang : languages[0]);
        let result;
        let content;
        if (view === "cohort") {
          const url = this.getAttribute("participants");
          const participants = this.#participants ?? (url ? await load(url, t.cohortDoc) : null);
          if (ticket !== this.#render) return;
          if (!participants) {
            this.report = null;
            this.#show(el("p", { part: "empty" }, t.noCohort));
            return;
          }
          result = pack.cohort(participants, asOf, { groupBy: [], aggregateOnly: this.hasAttribute("aggregate-only") });
          content = this.#cohortView(result, names, t, lang);
        } else {
          const url = this.getAttribute("participant");
          const participant = this.#participant ?? (url ? JSON.parse(await load(url, t.participantDoc)) : null);
          if (ticket !== this.#render) return;
          if (!participant) {
            this.report = null;
            this.#show(el("p", { part: "empty" }, t.noParticipant));
            return;
          }
          if (view === "plan") {
            const options = { target: this.getAttribute("target") || "current", by: this.getAttribute("by") || "count" };
            result = pack.plan(participant, asOf, options);
            content = this.#planView(result, participant, names, t, lang);
          } else {
            result = pack.evaluate(participant, asOf, { languages: [lang] });
            content = this.#view(result, participant, names, t, lang);
          }
        }
        this.report = result;
        this.#show(content);
        this.dispatchEvent(new CustomEvent("competency-status", { detail: { report: result, view }, bubbles: true }));
      } catch (error) {
        if (ticket !== this.#render) return;
        this.report = null;
        const message = error.code === "not_in_this_build" ? t.needsPlanning : error.messages?.[lang] ?? error.message;
        this.#show(el("p", { part: "error", role: "alert" }, `${t.failed}${t.colon}${message}`));
      }
    }

    #show(content) {
      this.#root.replaceChildren(el("style", {}, STYLE), content);
    }

    /** The status view of `report`. */
    #view(report, participant, names, t, lang) {
      const depth = this.#depth;
      const heading = (level, part, text, id) => el(`h${level}`, { part, ...(id ? { id } : {}) }, text);
      const message = (reason) => reason?.message?.[lang] ?? reason?.code ?? "";
      const who = participant.name ? `${participant.name}` : report.participant;
      const dateText = longDate(report.as_of, lang);
      const card = el("section", { part: "card", "aria-labelledby": "heading" },
        heading(depth, "heading", t.statusOf(who, Boolean(participant.name)), "heading"),
        el("p", { part: "status", id: "status" }, `${t.status}${t.colon}`, el("strong", {}, t.statuses[report.status] ?? report.status), ` — ${message(report.status_reason)}`),
        el("p", { part: "level" },
          `${t.level}${t.colon}${names.level(report.level)} · ${t.levelAttained}${t.colon}${report.level_attained ? names.level(report.level_attained) : t.none} · ${t.asOf} ${dateText}`),
        heading(depth + 1, "subheading", t.requirements),
        el("ul", { part: "requirements" }, ...report.requirements.map((q) =>
          el("li", { part: `requirement ${q.met ? "requirement-met" : "requirement-not-met"}`, "data-requirement": q.id },
            el("span", { class: "mark", "aria-hidden": "true" }, q.met ? "✓" : "✗"),
            el("strong", {}, t.requirementNames[q.id] ?? q.id), ` (${q.met ? t.met : t.notMet})${t.colon}${message(q.reason)}`))),
        heading(depth + 1, "subheading", t.missing),
        this.#missing(report, names, t, depth));
      // Why evidence did not count (a grade below the pass mark, an expired course...): one line
      // each, the item by its kind and date, the reason in the element's language.
      if (report.not_counted.length) {
        const items = new Map((participant.evidence ?? []).map((e) => [e.id, e]));
        const dateOf = (iso) => (iso === longDate(iso, lang) ? null : longDate(iso, lang));
        card.append(heading(depth + 1, "subheading", `${t.notCounted} (${report.not_counted.length})`),
          el("ul", { part: "not-counted" }, ...report.not_counted.map((n) => {
            const item = items.get(n.evidence);
            const what = item ? [names.kind(item.kind), dateOf(item.date)].filter(Boolean).join(", ") : n.evidence ?? n.at ?? "";
            return el("li", {}, what ? el("strong", {}, what) : null, what ? `${t.colon}${message(n.reason)}` : message(n.reason));
          })));
      }
      return card;
    }

    /**
     * What is missing, grouped: each competency below its level or waiting for review with why,
     * and those with no evidence yet as one list, each with the courses that would show it.
     */
    #missing(report, names, t, depth) {
      const missing = report.competencies.filter((c) => c.required && c.state !== "met");
      if (missing.length === 0) return el("p", { part: "missing" }, t.nothing);
      const part = el("div", { part: "missing" });
      const line = (c) => {
        const steps = names.itemsFor(c.id, c.required);
        return el("li", { "data-competency": c.id },
          el("strong", {}, names.competency(c.id)), ` — ${t.required}${t.colon}${names.proficiency(c.id, c.required)}`,
          c.achieved ? `, ${t.achieved}${t.colon}${names.proficiency(c.id, c.achieved)}` : "",
          steps.length ? el("span", { class: "next" }, `. ${t.showBy}${t.colon}${steps.map((i) => names.item(i.id)).join(", ")}${t.orSeparator}${t.orOther}.`) : "");
      };
      for (const [state, title] of [["not_met", t.below], ["pending_review", t.pending], ["not_yet_enough_evidence", t.noEvidence]]) {
        const group = missing.filter((c) => c.state === state);
        if (group.length === 0) continue;
        part.append(el(`h${Math.min(depth + 2, 6)}`, { part: "group-heading" }, `${title} (${group.length})`), el("ul", { part: "missing-list" }, ...group.map(line)));
      }
      return part;
    }

    /** The heading level the element starts at (`heading-level`, 2 by default). */
    get #depth() {
      // (Whole levels 1 to 4: a view goes two levels below its heading.)
      return Math.min(Math.max(Math.trunc(Number(this.getAttribute("heading-level"))) || 2, 1), 4);
    }

    /** The plan view: the items to take with what each closes, the gaps, what else is needed. */
    #planView(plan, participant, names, t, lang) {
      const depth = this.#depth;
      const who = participant.name || participant.id;
      const goal = (g) => `${names.competency(g.competency)} (${names.proficiency(g.competency, g.level)}${g.for === "next" ? `, ${t.forNext}` : ""})`;
      const totals = [t.items(plan.total.items)];
      if (plan.total.hours != null) totals.push(t.hours(plan.total.hours));
      if (plan.total.cost != null) totals.push(t.cost(plan.total.cost));
      const card = el("section", { part: "card", "aria-labelledby": "heading" },
        el(`h${depth}`, { part: "heading", id: "heading" }, t.planFor(who)),
        el("p", { part: "plan-summary" }, el("strong", {}, plan.optimal ? t.proven : t.bestFound), `${t.colon}${totals.join(", ")}.`),
        plan.reaches_target ? null : el("p", {}, t.unreached),
        el(`h${depth + 1}`, { part: "subheading" }, t.toTake),
        plan.items.length === 0
          ? el("p", {}, t.noItems)
          : el("ol", { part: "plan-items" }, ...plan.items.map((item) =>
            el("li", { "data-item": item.item }, el("strong", {}, names.item(item.item)), ` (${names.kind(item.kind)}) — ${t.closes}${t.colon}${item.closes.map(goal).join(", ")}`))));
      if (plan.gaps.length) {
        card.append(el(`h${depth + 1}`, { part: "subheading" }, `${t.gaps} (${plan.gaps.length})`),
          el("ul", { part: "plan-gaps" }, ...plan.gaps.map((g) => el("li", {}, goal(g),
            g.kinds.length ? `${t.colon.trimEnd()} ${t.byKinds} ${g.kinds.map((k) => `${names.kind(k.kind)}${k.assessors?.length ? ` (${k.assessors.map((r) => t.roles[r] ?? r).join(", ")})` : ""}`).join("; ")}` : ""))));
      }
      if (plan.also_needed.length) {
        card.append(el(`h${depth + 1}`, { part: "subheading" }, t.alsoNeeded),
          el("ul", { part: "plan-also-needed" }, ...plan.also_needed.map((q) =>
            el("li", {}, el("strong", {}, t.requirementNames[q.id] ?? q.id), `${t.colon}${q.reason?.message?.[lang] ?? q.reason?.code ?? ""}`))));
      }
      return card;
    }

    /** The cohort view: counts by status, readiness, bench strength, blockers (no one named). */
    #cohortView(cohort, names, t, lang) {
      const depth = this.#depth;
      const all = cohort.groups.find((g) => g.by === "all") ?? cohort.groups[0];
      const dateText = longDate(cohort.as_of, lang);
      const count = (n) => (n == null ? el("span", { title: t.hidden }, "—", el("span", { class: "visually-hidden" }, ` (${t.hidden})`)) : String(n));
      const table = (caption, head, rows) => el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": caption },
        el("table", {}, el("caption", {}, caption),
          el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col" }, h)))),
          el("tbody", {}, ...rows.map(([label, ...cells]) => el("tr", {}, el("th", { scope: "row" }, label), ...cells.map((c) => el("td", { class: "number" }, count(c))))))));
      const card = el("section", { part: "card", "aria-labelledby": "heading" },
        el(`h${depth}`, { part: "heading", id: "heading" }, t.cohortOn(dateText)),
        el("p", { part: "cohort-size" }, all.participants == null ? count(null) : t.participants(all.participants)),
        table(t.byStatus, ["", t.count], Object.entries(all.status).map(([status, n]) => [t.statuses[status] ?? status, n])),
        table(t.readiness, ["", t.count], Object.entries(all.readiness).map(([key, bucket]) => [t.readinessNames[key] ?? key, bucket.count])),
        table(t.bench, [t.nextLevel, t.readyNow, t.readySoon], all.bench.map((b) => [names.level(b.level), b.ready_now, b.ready_soon])));
      const blockers = (cohort.blockers ?? []).slice(0, 5);
      if (blockers.length) {
        card.append(el(`h${depth + 1}`, { part: "subheading" }, t.blockers),
          el("ol", { part: "cohort-blockers" }, ...blockers.map((b) => el("li", {}, t.blockerLine(names.competency(b.competency), names.level(b.level), b.count ?? "—")))));
      }
      return card;
    }
  }

  customElements.define(name, CompetencyStatus);
}
