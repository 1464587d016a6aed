// Ids to names in a language, from a pack's document: what a page needs to show a report (the
// report names things by id; the pack names them in every language it has).

/** The text of a `{ en, fr, ... }` name in `lang`, else in English, else in any language. */
function pick(text, lang) {
  if (!text) return null;
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? null;
}

/**
 * Name lookups over pack document `doc` in `lang`. Each function takes an id and gives its name,
 * or the id itself when the pack has no such thing (so a page always shows something).
 */
export function namesOf(doc, lang) {
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
     * or above: the next steps towards it.
     */
    itemsFor: (competency, level) => {
      const order = (scaleOf(competency)?.level ?? []).map((l) => l.id);
      const needed = order.indexOf(level);
      return (doc.catalogue ?? []).filter((item) =>
        (item.grants ?? []).some((g) => g.competency === competency && order.indexOf(g.level) >= needed));
    },
  };
}
