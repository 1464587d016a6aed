// Ids to names in a language, from a pack's document: what a page needs to show a report (the
// report names things by id; the pack names them in every language it has).

/**
 * A `YYYY-MM-DD` date as running text writes it in `lang`, as the engine's messages do: "November
 * 24, 2026", "24 novembre 2026", "1er mars 2026" (`Intl` writes "1 mars"). A calendar date, not an
 * instant: formatted in UTC, so no time zone moves it. Text that is not such a date is returned as
 * it is.
 */
export function longDate(iso, lang) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso ?? "")) return iso;
  const text = new Intl.DateTimeFormat(lang === "fr" ? "fr-CA" : "en-CA", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  return lang === "fr" ? text.replace(/^1 /, "1er ") : text;
}

/** The text of a `{ en, fr, ... }` name in `lang`, else in English, else in any language. */
function pick(text, lang) {
  if (!text) return null;
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? null;
}

/**
 * Name lookups over pack document `doc` in `lang` (one of the pack's languages). Each function
 * takes an id and gives its name, or the id itself when the pack has no such thing (so a page
 * always shows something). `refuse(path, en, fr)` throws the caller's error for a bad argument.
 */
export function namesOf(doc, lang, refuse) {
  const languages = doc.program?.languages ?? [];
  if (!languages.includes(lang)) {
    refuse("lang", `the pack has no language \`${lang}\` (it has: ${languages.join(", ")})`,
      `l'ensemble de règles n'a pas la langue «\u00a0${lang}\u00a0» (langues\u00a0: ${languages.join(", ")})`);
  }
  const index = (list) => new Map((list ?? []).map((x) => [x.id, x]));
  const scales = Array.isArray(doc.scale) ? doc.scale : [doc.scale];
  const competencies = index(doc.competency);
  const outcomes = index(doc.outcome);
  const levels = index(doc.level);
  const items = index(doc.catalogue);
  const kinds = index(doc.evidence_kind);
  const rules = index(doc.rule);
  const named = (map) => (id) => (id == null ? "" : pick(map.get(id)?.name, lang) ?? id);
  /** The scale competency `id` is rated on (its own, else the first). */
  const scaleOf = (id) => scales.find((s) => s.id === competencies.get(id)?.scale) ?? scales[0];
  return {
    lang,
    competency: named(competencies),
    outcome: named(outcomes),
    /** An organizational level. */
    level: named(levels),
    /** A proficiency level, on the scale of competency `competency`. */
    proficiency: (competency, id) => {
      if (id == null) return "";
      return pick(scaleOf(competency)?.level?.find((l) => l.id === id)?.name, lang) ?? id;
    },
    item: named(items),
    kind: named(kinds),
    rule: named(rules),
    /**
     * The catalogue items whose completion shows competency `competency` at proficiency `level`
     * (a level of its scale: `awareness`, `working`...) or above: the next steps towards it.
     */
    itemsFor: (competency, level) => {
      const order = (scaleOf(competency)?.level ?? []).map((l) => l.id);
      const needed = order.indexOf(level);
      if (!competencies.has(competency)) {
        refuse("competency", `\`${competency}\` is not a competency of the pack`, `«\u00a0${competency}\u00a0» n'est pas une compétence de l'ensemble de règles`);
      }
      if (needed < 0) {
        refuse("level", `\`${level}\` is not a proficiency level of the scale \`${competency}\` is rated on (${order.join(", ")})`,
          `«\u00a0${level}\u00a0» n'est pas un niveau de compétence de l'échelle de «\u00a0${competency}\u00a0» (${order.join(", ")})`);
      }
      return (doc.catalogue ?? []).filter((item) =>
        (item.grants ?? []).some((g) => g.competency === competency && order.indexOf(g.level) >= needed));
    },
  };
}
