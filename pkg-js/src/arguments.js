// The arguments JavaScript callers give, checked before they reach the WebAssembly module (which
// would otherwise trap on a value of the wrong type): each refusal names the argument and says what
// to give instead, in English and in French.

/** The languages the wrapper's own messages are written in. */
const LANGUAGES = ["en", "fr"];

/** What a value is, as a message names it: `a number`, `a Date`, `missing`... */
function kind(value) {
  if (value === undefined || value === null) return { en: "missing", fr: "manquant" };
  if (value instanceof Date) return { en: "a Date", fr: "un objet Date" };
  if (Array.isArray(value)) return { en: "a list", fr: "une liste" };
  const types = {
    string: { en: "text", fr: "du texte" },
    number: { en: "a number", fr: "un nombre" },
    bigint: { en: "a number", fr: "un nombre" },
    boolean: { en: "true or false", fr: "un booléen" },
    object: { en: "an object", fr: "un objet" },
    function: { en: "a function", fr: "une fonction" },
  };
  return types[typeof value] ?? { en: typeof value, fr: typeof value };
}

/**
 * A refusal in both languages: `{ code, path, messages: { en, fr } }`; the wrapper throws it as a
 * `CompetencyRulesError` whose `message` is in the language the call asked for.
 */
export function refusal(code, path, en, fr) {
  return { code, path, messages: { en, fr } };
}

/** The language a call's errors are written in: the first of `languages` it knows, else English. */
export function errorLanguage(options) {
  const asked = options?.languages ?? (typeof options?.lang === "string" ? [options.lang] : []);
  return (Array.isArray(asked) && asked.find((lang) => LANGUAGES.includes(lang))) || "en";
}

/**
 * Checks an evaluation date: text written `YYYY-MM-DD` that is a day of the calendar (the English
 * messages are the engine's own, word for word). A `Date` is refused: it is an instant, whose
 * calendar date depends on the time zone it is read in.
 */
export function checkDate(asOf, path = "asOf") {
  if (typeof asOf === "string") {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
    if (!match) {
      throw refusal("invalid_date", path,
        `\`${asOf}\` is not a date in the form YYYY-MM-DD`,
        `«\u00a0${asOf}\u00a0» n'est pas une date de la forme AAAA-MM-JJ`);
    }
    const [year, month, day] = match.slice(1).map(Number);
    if (month < 1 || month > 12) {
      throw refusal("invalid_date", path,
        `\`${asOf}\` is not a day of the calendar: there is no month ${match[2]}`,
        `«\u00a0${asOf}\u00a0» n'est pas un jour du calendrier\u00a0: il n'y a pas de mois ${match[2]}`);
    }
    // (Leap years by rule: `Date.UTC` reads years 0–99 as 1900–1999.)
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    if (day === 0) {
      throw refusal("invalid_date", path,
        `\`${asOf}\` is not a day of the calendar: there is no day 00`,
        `«\u00a0${asOf}\u00a0» n'est pas un jour du calendrier\u00a0: il n'y a pas de jour 00`);
    }
    if (day > days) {
      throw refusal("invalid_date", path,
        `\`${asOf}\` is not a day of the calendar: month ${match[2]} of ${match[1]} has ${days} days`,
        `«\u00a0${asOf}\u00a0» n'est pas un jour du calendrier\u00a0: le mois ${match[2]} de ${match[1]} compte ${days}\u00a0jours`);
    }
    return asOf;
  }
  if (asOf instanceof Date) {
    throw refusal("invalid_argument", path,
      `\`${path}\` is a Date, an instant rather than a day of the calendar: give the date as text, YYYY-MM-DD. ` +
        "For the date where the page is, `date.toLocaleDateString(\"en-CA\")`; `date.toISOString()` gives the date in UTC, " +
        "which in Ontario is already the next day from 7 or 8 p.m.",
      `\`${path}\` est un objet Date, c'est-à-dire un instant et non un jour du calendrier\u00a0: donnez la date en texte, AAAA-MM-JJ. ` +
        "Pour la date là où se trouve la page, `date.toLocaleDateString(\"en-CA\")`\u00a0; `date.toISOString()` donne la date UTC, " +
        "qui en Ontario est déjà celle du lendemain à partir de 19\u00a0h ou 20\u00a0h.");
  }
  const what = kind(asOf);
  throw refusal("invalid_argument", path,
    `\`${path}\` is ${what.en}: give the date as text, YYYY-MM-DD (such as "2026-11-24")`,
    `\`${path}\` est ${what.fr}\u00a0: donnez la date en texte, AAAA-MM-JJ (par exemple «\u00a02026-11-24\u00a0»)`);
}

/** Checks a participant given as an object (for `evaluate`, `plan`, `credential`...). */
export function checkParticipant(participant, path = "participant") {
  if (participant !== null && typeof participant === "object" && !Array.isArray(participant)) return participant;
  const what = kind(participant);
  if (typeof participant === "string") {
    throw refusal("invalid_argument", path,
      `\`${path}\` is text: give the participant document as an object, or its JSON text to evaluateJson`,
      `\`${path}\` est du texte\u00a0: donnez le document du participant sous forme d'objet, ou son texte JSON à evaluateJson`);
  }
  throw refusal("invalid_argument", path,
    `\`${path}\` is ${what.en}: give the participant document, an object such as { "id": ..., "level": ..., "enrolled": ... }`,
    `\`${path}\` est ${what.fr}\u00a0: donnez le document du participant, un objet comme { "id": ..., "level": ..., "enrolled": ... }`);
}

/** Checks a participant given as JSON text (for `evaluateJson`). */
export function checkParticipantJson(text, path = "participantJson") {
  if (typeof text === "string") return text;
  const what = kind(text);
  throw refusal("invalid_argument", path,
    `\`${path}\` is ${what.en}: give the participant document as JSON text (or the object to evaluate())`,
    `\`${path}\` est ${what.fr}\u00a0: donnez le document du participant en texte JSON (ou l'objet à evaluate())`);
}

/** The wrapper's own failures, in both languages. */
export const FAILURES = {
  notStarted: () => refusal("not_started", "",
    "the engine is not started: call `await init()` (or `initSync(bytes)`) first",
    "le moteur n'est pas démarré\u00a0: appelez d'abord `await init()` (ou `initSync(bytes)`)"),
  crashed: () => refusal("engine_crashed", "",
    "The competency engine crashed (a bug: please report it with the input). It has been restarted and is ready again; this call was not completed.",
    "Le moteur de compétences a planté (un bogue\u00a0: veuillez le signaler avec les données en cause). Il a été redémarré et il est de nouveau prêt\u00a0; cet appel n'a pas abouti."),
  freed: () => refusal("freed", "", "this pack was freed", "cet ensemble de règles a été libéré"),
  notInThisBuild: (method, entry, what, name = "Pack") => refusal("not_in_this_build", "",
    `${method} is in the ${what.en} module: import { ${name} } from "competency-rules/${entry}"`,
    `${method} se trouve dans le module ${what.fr}\u00a0: import { ${name} } from "competency-rules/${entry}"`),
};

/** The types a failure's detail names, in French (`type.*` in the engine's own messages). */
const TYPES_FR = {
  string: "une chaîne de caractères", number: "un nombre", whole_number: "un nombre entier", boolean: "true ou false",
  list: "une liste", object: "un objet", text_table: "une table de textes", null: "null",
};

/**
 * The French of a failure the engine threw (its message is in English), from its code, path,
 * position and detail: as precise as the detail allows, and never with English inside.
 */
export function failureInFrench(failure) {
  const field = failure.path ? `«\u00a0${failure.path}\u00a0»` : "le document";
  const detail = failure.detail;
  const where = failure.line != null ? ` (ligne ${failure.line}, colonne ${failure.column})` : "";
  switch (failure.code) {
    case "syntax":
      return `le document n'est pas du JSON valide${where}`;
    case "unknown_level":
      return detail?.value != null
        ? `«\u00a0${detail.value}\u00a0» n'est pas un niveau organisationnel de cet ensemble de règles (niveaux\u00a0: ${detail.choices})`
        : `le niveau organisationnel ${field} n'est pas un niveau de cet ensemble de règles`;
    case "limit_exceeded":
      return `${field} dépasse une des limites du moteur (voir limits())${where}`;
    case "invalid_date":
      return `${field} n'est pas une date AAAA-MM-JJ du calendrier`;
    case "invalid_pack": {
      const n = failure.diagnostics?.length ?? 0;
      return `l'ensemble de règles a été refusé : ${n} ${n <= 1 ? "problème, que la liste diagnostics décrit" : "problèmes, que la liste diagnostics décrit"} (en anglais)`;
    }
    case "invalid_argument":
      return detail?.wrong === "unknown_language"
        ? `l'ensemble de règles n'a pas la langue « ${detail.value} » (langues : ${detail.choices})`
        : null;
    case "invalid_document":
      switch (detail?.wrong) {
        case "type":
          return `${field} devrait être ${TYPES_FR[detail.expected] ?? detail.expected}, et non ${TYPES_FR[detail.found] ?? detail.found}`;
        case "missing":
          return `${field} est absent`;
        case "not_one_of":
          return `${field} vaut «\u00a0${detail.value}\u00a0», qui ne fait pas partie des valeurs permises (${detail.choices})`;
        case "date":
          return `${field} vaut «\u00a0${detail.value}\u00a0», qui n'est pas une date au format AAAA-MM-JJ`;
        default:
          return failure.path ? `le document du participant n'a pas pu être lu\u00a0: ${field} n'est pas valide` : "le document du participant n'a pas pu être lu";
      }
    default:
      return null;
  }
}
