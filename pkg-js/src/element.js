// <competency-status>: a participant's status as an element any page can hold (SharePoint, Drupal,
// a Moodle HTML block): one script tag, one element. It evaluates in the page (participant data
// stays there) and renders the accessible status view: whom it shows, the status and why, the
// completion requirements, and what is missing with the courses that would show it. Styled from
// outside through CSS custom properties and `::part()`.
import { namesOf } from "./names.js";

const LABELS = {
  en: {
    statusOf: (who) => `Status of ${who}`, status: "Status", level: "Level", levelAttained: "Level attained",
    asOf: "On", none: "none", requirements: "Completion requirements", met: "met", notMet: "not met",
    missing: "What is missing", nothing: "Nothing: everything required is met.",
    noEvidence: "No evidence has counted yet for these", pending: "Waiting for review", below: "Achieved below the required level",
    required: "required", achieved: "achieved", showBy: "Can be shown by", orOther: "or other evidence the program accepts",
    statuses: { enrolled: "enrolled", in_progress: "in progress", ready_for_final_assignment: "ready for the final assignment", completed: "completed", lapsed: "lapsed" },
    requirementNames: { competencies: "Competencies", coaching: "Coaching", mentoring: "Mentoring", final_assignment: "Final assignment", time_limit: "Time limit", chosen: "Chosen competencies" },
    loading: "Evaluating…", failed: "The status could not be shown", colon: ": ",
  },
  fr: {
    statusOf: (who) => `Statut ${/^[aeiouyhàâäéèêëîïôöûùü]/i.test(who) ? "d'" : "de "}${who}`, status: "Statut", level: "Niveau", levelAttained: "Niveau atteint",
    asOf: "Au", none: "aucun", requirements: "Exigences d'achèvement", met: "exigence remplie", notMet: "exigence non remplie",
    missing: "Ce qui manque", nothing: "Rien\u00a0: tout ce qui est requis est atteint.",
    noEvidence: "Aucune preuve n'a encore été comptée pour celles-ci", pending: "En attente d'examen", below: "Atteinte sous le niveau requis",
    required: "requis", achieved: "atteint", showBy: "À démontrer par", orOther: "ou par d'autres preuves que le programme accepte",
    statuses: { enrolled: "inscrit", in_progress: "en cours", ready_for_final_assignment: "prêt pour le travail final", completed: "terminé", lapsed: "échu" },
    requirementNames: { competencies: "Compétences", coaching: "Coaching", mentoring: "Mentorat", final_assignment: "Travail final", time_limit: "Limite de temps", chosen: "Compétences choisies" },
    loading: "Évaluation…", failed: "Le statut n'a pas pu être affiché", colon: "\u00a0: ",
  },
};

const STYLE = `
:host { display: block; font: var(--competency-status-font, inherit); color: var(--competency-status-text, inherit); }
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
 * Defines `<competency-status>` (or `name`) over an engine entry (`{ init, Pack }`). Attributes:
 * `participant` (URL of a participant document; or set the `participant` property to the object),
 * `as-of` (YYYY-MM-DD; today where the page is by default), `lang` (`en` or `fr`; the page's
 * language by default), `pack` (URL of another program's pack, JSON), `wasm` (URL of the module),
 * `heading-level` (2 by default).
 */
export function defineCompetencyStatus(engine, name = "competency-status") {
  if (typeof customElements === "undefined" || customElements.get(name)) return;
  const packs = new Map();

  async function packFor(url) {
    if (!packs.has(url ?? "")) {
      packs.set(url ?? "", (async () => {
        if (!url) return engine.Pack.load();
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return engine.Pack.load(await response.text());
      })());
    }
    return packs.get(url ?? "");
  }

  class CompetencyStatus extends HTMLElement {
    static observedAttributes = ["participant", "as-of", "lang", "pack", "heading-level"];
    #participant = null;
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

    /** The last report shown (`null` before the first). */
    report = null;

    connectedCallback() {
      this.#update();
    }

    attributeChangedCallback() {
      if (this.isConnected) this.#update();
    }

    get #lang() {
      const asked = (this.getAttribute("lang") || this.closest("[lang]")?.getAttribute("lang") || "en").slice(0, 2).toLowerCase();
      return LABELS[asked] ? asked : "en";
    }

    async #update() {
      const ticket = ++this.#render;
      const lang = this.#lang;
      const t = LABELS[lang];
      if (!this.report) this.#show(el("p", { part: "loading", role: "status" }, t.loading));
      try {
        await engine.init(this.getAttribute("wasm") || undefined);
        const pack = await packFor(this.getAttribute("pack"));
        let participant = this.#participant;
        const url = this.getAttribute("participant");
        if (!participant && url) {
          const response = await fetch(url);
          if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
          participant = await response.json();
        }
        if (ticket !== this.#render || !participant) return;
        const asOf = this.getAttribute("as-of") || today();
        const report = pack.evaluate(participant, asOf, { languages: [lang] });
        this.report = report;
        this.#show(this.#view(report, participant, pack.names(lang), t, lang));
        this.dispatchEvent(new CustomEvent("competency-status", { detail: { report }, bubbles: true }));
      } catch (error) {
        if (ticket !== this.#render) return;
        this.report = null;
        this.#show(el("p", { part: "error", role: "alert" }, `${t.failed}${t.colon}${error.message}`));
      }
    }

    #show(content) {
      this.#root.replaceChildren(el("style", {}, STYLE), content);
    }

    /** The status view of `report`. */
    #view(report, participant, names, t, lang) {
      const depth = Math.min(Math.max(Number(this.getAttribute("heading-level")) || 2, 1), 5);
      const heading = (level, part, text, id) => el(`h${level}`, { part, ...(id ? { id } : {}) }, text);
      const message = (reason) => reason?.message?.[lang] ?? reason?.code ?? "";
      const who = participant.name ? `${participant.name}` : report.participant;
      const dateText = new Intl.DateTimeFormat(lang === "fr" ? "fr-CA" : "en-CA", { dateStyle: "long", timeZone: "UTC" })
        .format(new Date(`${report.as_of}T00:00:00Z`));
      const card = el("section", { part: "card", "aria-labelledby": "heading" },
        heading(depth, "heading", t.statusOf(who), "heading"),
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
          steps.length ? el("span", { class: "next" }, `. ${t.showBy}${t.colon}${steps.map((i) => names.item(i.id)).join(", ")}, ${t.orOther}.`) : "");
      };
      for (const [state, title] of [["not_met", t.below], ["pending_review", t.pending], ["not_yet_enough_evidence", t.noEvidence]]) {
        const group = missing.filter((c) => c.state === state);
        if (group.length === 0) continue;
        part.append(el(`h${Math.min(depth + 2, 6)}`, { part: "group-heading" }, `${title} (${group.length})`), el("ul", { part: "missing-list" }, ...group.map(line)));
      }
      return part;
    }
  }

  customElements.define(name, CompetencyStatus);
}
