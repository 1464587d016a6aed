// The JavaScript face of competency-rules: a small, typed wrapper over the WebAssembly bindings.
// It holds no rule logic. Values cross into WebAssembly as JSON text (measured faster than
// converting objects field by field; see bench/boundary.mjs). It turns the engine's structured failures into Error subclasses, keeps
// pack handles valid across a module restart, and restarts the module if it ever traps (with the
// module already compiled: no network request).
import { namesOf } from "./names.js";
import { FAILURES, checkDate, checkParticipant, checkParticipantJson, errorLanguage, failureInFrench, refusal } from "./arguments.js";

/**
 * Base class of every error the package throws: `code`, `message`, and `path` to the field. Where
 * the message exists in both languages, `messages` has both and `message` is in the language the
 * call asked for (the first of its `languages` option, or its `lang`).
 */
export class CompetencyRulesError extends Error {
  constructor(failure, name = "CompetencyRulesError") {
    super(failure.message ?? failure.messages?.en);
    this.name = name;
    this.code = failure.code;
    this.path = failure.path ?? "";
    if (failure.messages) this.messages = failure.messages;
    if (failure.detail) this.detail = failure.detail;
  }
}

/** A rule pack was refused: `diagnostics` lists every problem, each with its file, path, line and column. */
export class PackError extends CompetencyRulesError {
  constructor(failure) {
    super(failure, "PackError");
    this.diagnostics = failure.diagnostics ?? [];
  }
}

/** A participant document could not be read (`path` names the field; `line`/`column` for JSON syntax). */
export class ParticipantError extends CompetencyRulesError {
  constructor(failure) {
    super(failure, "ParticipantError");
    this.line = failure.line ?? null;
    this.column = failure.column ?? null;
  }
}

/** The WebAssembly module trapped (an engine bug). It has been restarted; the call was not completed. */
export class EngineCrashedError extends CompetencyRulesError {
  constructor(cause, lang = "en") {
    const failure = FAILURES.crashed();
    super({ ...failure, message: failure.messages[lang] ?? failure.messages.en }, "EngineCrashedError");
    this.cause = cause;
  }
}

/**
 * Whether `error` is the engine trapping: a WebAssembly trap, or the plain-JavaScript build's
 * (which marks its own; `WebAssembly` itself may be missing where that build runs).
 */
function isTrap(error) {
  return (typeof WebAssembly !== "undefined" && error instanceof WebAssembly.RuntimeError) || error?.trap === true;
}

/**
 * A failure the engine threw, with `messages` in English (the engine's) and French (written from
 * its code and detail) where the wrapper can write it, and `message` in `lang`.
 */
function inLanguage(failure, lang) {
  const fr = failureInFrench(failure);
  if (fr === null) return failure;
  const messages = { en: failure.message, fr };
  return { ...failure, messages, message: messages[lang] ?? failure.message };
}

/** A wrapper's refusal (`arguments.js`) as the error it is thrown as, in `lang`. */
function refused(failure, lang) {
  return toError({ ...failure, message: failure.messages[lang] ?? failure.messages.en });
}

const dispose = Symbol.dispose ?? Symbol.for("Symbol.dispose");

/** A participant's failure as the engine wrote it: `{code, path, message, line?, column?}`. */
function failureOf(error) {
  const failure = { code: error.code, path: error.path, message: error.message };
  if (error.line != null) failure.line = error.line;
  if (error.column != null) failure.column = error.column;
  if (error.detail) failure.detail = error.detail;
  return failure;
}

/**
 * A participant object as JSON text. What JSON cannot write is the participant's error, as the
 * engine would report it: an object nested so deep that writing it overflows the stack (far past
 * the engine's depth limit) is `limit_exceeded`; a cycle or a BigInt is `invalid_document`.
 */
function participantJson(participant) {
  checkParticipant(participant);
  try {
    return JSON.stringify(participant) ?? "null";
  } catch (error) {
    if (error instanceof RangeError) {
      throw refusal("limit_exceeded", "", "arrays and objects nest too deep to be written as JSON",
        "les tableaux et les objets sont imbriqués trop profondément pour être écrits en JSON");
    }
    const cycle = error instanceof TypeError && /circular|cyclic/i.test(error.message);
    throw refusal("invalid_document", "",
      cycle ? "the participant cannot be written as JSON: it contains itself (a cycle)" : "the participant cannot be written as JSON: it holds a value JSON has no form for (a BigInt)",
      cycle ? "le participant ne peut pas être écrit en JSON : il se contient lui-même (un cycle)" : "le participant ne peut pas être écrit en JSON : il contient une valeur que JSON ne peut pas écrire (un BigInt)");
  }
}

/**
 * The evaluation options as the module takes them: the languages (`*` for all, else a
 * comma-separated list) and whether to give the compact form. Unknown options are refused.
 */
function evaluateOptions(options, allowed) {
  if (options === undefined || options === null) return ["*", false];
  const invalid = (path, en, fr = en) => refusal("invalid_argument", path, en, fr);
  if (typeof options !== "object" || Array.isArray(options)) throw invalid("options", "options are an object", "les options sont un objet");
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw invalid(key, `\`${key}\` is not an option here (${allowed.join(", ")})`, `\`${key}\` n'est pas une option ici (${allowed.join(", ")})`);
    }
  }
  let languages = "*";
  if (options.languages !== undefined) {
    if (!Array.isArray(options.languages)) {
      throw invalid("languages", "a list of language codes, such as [\"fr\"]", "une liste de codes de langue, comme [\"fr\"]");
    }
    options.languages.forEach((lang, i) => {
      if (typeof lang !== "string" || lang === "" || lang.includes(",")) {
        throw invalid(`languages[${i}]`, "a language code, such as \"fr\"", "un code de langue, comme \"fr\"");
      }
    });
    languages = options.languages.join(",");
  }
  const compact = options.compact ?? false;
  if (typeof compact !== "boolean") throw invalid("compact", "true or false", "true ou false");
  for (const key of ["pretty"]) {
    if (options[key] !== undefined && typeof options[key] !== "boolean") throw invalid(key, "true or false", "true ou false");
  }
  return [languages, compact];
}

function toError(failure) {
  switch (failure.code) {
    case "invalid_pack":
      return new PackError(failure);
    case "syntax":
    case "invalid_document":
    case "unknown_level":
      return new ParticipantError(failure);
    case "limit_exceeded":
      // A participant document past a limit is the participant's error; statements or a CASE
      // package past one are named by their path.
      return failure.path === "statements" || failure.path === "package"
        ? new CompetencyRulesError(failure)
        : new ParticipantError(failure);
    default:
      return new CompetencyRulesError(failure);
  }
}

/**
 * Builds the public API over a backend: `{ bindings(), restart(), generation() }`.
 * `bindings()` is the current wasm-bindgen module; `restart()` replaces it with a fresh instance.
 */
export function createEngine(backend) {
  /**
   * Runs `work` over the module's bindings, turning what fails into the package's errors, in
   * `lang`: a refusal of the wrapper's checks, a failure the engine threw, a trapped module (which
   * is restarted first).
   */
  function call(work, lang = "en") {
    try {
      const bindings = backend.bindings();
      if (!bindings) throw FAILURES.notStarted();
      return work(bindings);
    } catch (error) {
      if (isTrap(error)) {
        backend.restart();
        throw new EngineCrashedError(error, lang);
      }
      if (error?.messages && typeof error.code === "string" && !(error instanceof Error)) throw refused(error, lang);
      // The bindings throw failures as JSON text of a structured object.
      if (typeof error === "string") {
        let failure = null;
        try {
          failure = JSON.parse(error);
        } catch {
          throw new CompetencyRulesError({ code: "internal", message: error });
        }
        throw toError(inLanguage(failure, lang));
      }
      throw error;
    }
  }

  function toFiles(files) {
    return files.map((f, i) => {
      if (!f || typeof f.name !== "string" || (typeof f.text !== "string" && !(f.text instanceof Uint8Array))) {
        throw refusal("invalid_argument", `files[${i}]`, "each file is { name, text }", "chaque fichier est { name, text }");
      }
      return { name: f.name, text: typeof f.text === "string" ? f.text : new TextDecoder().decode(f.text) };
    });
  }

  /**
   * The files of a pack source: `null` for the built-in pack; JSON text or bytes, a pack object,
   * or `[{ name, text }]` files otherwise. One reader for `Pack.load` and `checkPack`.
   */
  function packFiles(source) {
    if (source === undefined || source === null) return null;
    if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
      return [{ name: "pack.json", text: new TextDecoder().decode(source) }];
    }
    if (typeof source === "string") return [{ name: "pack.json", text: source }];
    if (Array.isArray(source)) return toFiles(source);
    if (typeof source === "object") return [{ name: "pack.json", text: JSON.stringify(source) }];
    throw refusal("invalid_argument", "source", "a pack is JSON text, bytes, an object, or [{ name, text }]",
      "un ensemble de règles est du texte JSON, des octets, un objet ou [{ name, text }]");
  }

  function loader(source) {
    let files;
    call(() => (files = packFiles(source)));
    if (files === null) return (b) => b.loadDefaultPack();
    const json = JSON.stringify(files);
    return (b) => b.loadPackFiles(json);
  }

  /** A compiled rule pack. Load it once; evaluate any number of participants. */
  class Pack {
    #load;
    #handle;
    #generation;
    #freed = false;
    #doc = null;

    constructor(load) {
      this.#load = load;
      this.#handle = call(load);
      this.#generation = backend.generation();
    }

    /**
     * Loads a pack: nothing for the built-in HSLP pack; JSON text or bytes; a pack object; or
     * `[{ name, text }]` files. Throws `PackError` listing every problem.
     */
    static load(source) {
      return new Pack(loader(source));
    }

    /** The current handle, rebuilt from the pack's source if the module was restarted. */
    #get() {
      if (this.#freed) throw FAILURES.freed();
      if (this.#generation !== backend.generation()) {
        this.#handle = call(this.#load);
        this.#generation = backend.generation();
      }
      return this.#handle;
    }

    /** `{ id, version, fingerprint }`. */
    get info() {
      return JSON.parse(call(() => this.#get().info()));
    }

    /** The pack document: names in every language, the matrix, the catalogue. */
    document() {
      return JSON.parse(call(() => this.#get().document()));
    }

    /**
     * Names in `lang` for what reports name by id: `competency(id)`, `outcome(id)`, `level(id)`,
     * `proficiency(competencyId, levelId)`, `item(id)`, `kind(id)`, `rule(id)`, and
     * `itemsFor(competencyId, levelId)`: the catalogue items that show a competency at a level.
     */
    names(lang = "en") {
      this.#doc ??= this.document();
      const refuse = (path, en, fr) => {
        throw refused(refusal("invalid_argument", path, en, fr), lang === "fr" ? "fr" : "en");
      };
      return namesOf(this.#doc, lang, refuse);
    }

    /** Warnings found while checking the pack. */
    warnings() {
      return JSON.parse(call(() => this.#get().warnings()));
    }

    /**
     * Evaluates a participant (a JS object) on `asOf` (YYYY-MM-DD); returns the report object.
     * Options: `languages` (the message languages, default every language of the pack; `[]` for
     * none), `compact` (the compact form: status, levels, competencies by state, requirements;
     * no explanation).
     */
    evaluate(participant, asOf, options) {
      return JSON.parse(call(() => {
        const json = participantJson(participant);
        checkDate(asOf);
        const [languages, compact] = evaluateOptions(options, ["languages", "compact"]);
        return this.#get().evaluate(json, asOf, languages, compact);
      }, errorLanguage(options)));
    }

    /**
     * Evaluates a participant given as JSON text; returns the report as JSON text, byte for byte
     * the native library's. Options: `pretty` (indented), `languages`, `compact` (as `evaluate`).
     */
    evaluateJson(participantJson, asOf, options) {
      const text = call(() => {
        checkParticipantJson(participantJson);
        checkDate(asOf);
        const [languages, compact] = evaluateOptions(options, ["languages", "compact", "pretty"]);
        return this.#get().evaluate(participantJson, asOf, languages, compact);
      }, errorLanguage(options));
      // Two-space indentation, as the native `Report::to_json_pretty` writes it (the corpus test
      // checks the bytes match).
      return options?.pretty ? JSON.stringify(JSON.parse(text), null, 2) : text;
    }

    /**
     * Evaluates many participants; returns `[{ type: "success", report } | { type: "failure",
     * error }]` (with `compact`, `{ type: "success", compact }`). Options as `evaluate`.
     */
    evaluateMany(participants, asOf, options) {
      const lang = errorLanguage(options);
      const [languages, compact, handle] = call(() => {
        if (!Array.isArray(participants)) {
          throw refusal("invalid_argument", "participants", "`participants` is not a list: give a list of participant documents",
            "`participants` n'est pas une liste\u00a0: donnez une liste de documents de participants");
        }
        checkDate(asOf);
        return [...evaluateOptions(options, ["languages", "compact"]), this.#get()];
      }, lang);
      const key = compact ? "compact" : "report";
      // One call per participant (the module has no batch entry, which keeps it smaller; a loop
      // of calls costs no more per participant: bench/batch.mjs). A participant that cannot be
      // read or evaluated is a `failure` entry; a bad date or a crashed module ends the batch.
      return participants.map((participant) => {
        try {
          return { type: "success", [key]: JSON.parse(call(() => handle.evaluate(participantJson(participant), asOf, languages, compact), lang)) };
        } catch (error) {
          // (A participant that is not an object at all is that participant's failure too.)
          const notAnObject = error.code === "invalid_argument" && error.path === "participant";
          if (!(error instanceof ParticipantError) && !notAnObject) throw error;
          return { type: "failure", error: failureOf(error) };
        }
      });
    }

    // ---- The larger modules' functions (`competency-rules/interop`, `competency-rules/planning`) ----

    /**
     * The report explained in words, as plain text in `lang` (the command line's `--format text`,
     * from the same code): status, requirements, what is missing and why, what did not count.
     * In `competency-rules/planning` and `competency-rules/interop`. Options: `{ lang? }` ("en").
     */
    explain(participant, asOf, options = {}) {
      return call(() => {
        const p = participantJson(participant);
        checkDate(asOf);
        if (options === null || typeof options !== "object" || Array.isArray(options)) {
          throw refusal("invalid_argument", "options", "options are an object, such as { lang: \"fr\" }", "les options sont un objet, comme { lang: \"fr\" }");
        }
        const lang = options.lang ?? "en";
        if (typeof lang !== "string") throw refusal("invalid_argument", "lang", "a language code, such as \"fr\"", "un code de langue, comme \"fr\"");
        return this.#needs("explain", { en: "planning", fr: "de planification" }, "planning").explain(p, asOf, lang);
      }, errorLanguage(options));
    }

    #interop(method) {
      return this.#needs(method, { en: "interoperability", fr: "d'interopérabilité" }, "interop");
    }

    /** The handle, if this module has `method` (else say which module has it). */
    #needs(method, what, entry) {
      const handle = this.#get();
      if (typeof handle[method] !== "function") throw FAILURES.notInThisBuild(method, entry, what);
      return handle;
    }

    /**
     * The smallest plan of catalogue items for a participant (`competency-rules/planning`).
     * Options: `{ target?: "current" | "next" | string[], by?: "count" | "hours" | "cost",
     * completeBy?: "YYYY-MM-DD", budgetMs?: number }`.
     */
    plan(participant, asOf, options = {}) {
      return JSON.parse(call(() => {
        const p = participantJson(participant);
        checkDate(asOf);
        const o = JSON.stringify(options ?? {});
        return this.#needs("plan", { en: "planning", fr: "de planification" }, "planning").plan(p, asOf, o);
      }, errorLanguage(options)));
    }

    /**
     * A cohort report (`competency-rules/planning`): statuses, levels attained, readiness for the
     * next level, bench strength, the competency gap matrix, blockers and recurring evidence
     * problems, for the whole cohort, per organization and per level. `participants`: a list of
     * participant objects, or JSON text (JSON Lines or an array). One that cannot be read or
     * evaluated is in the report's `unreadable`, by its position. Options: `{ readyWithin?,
     * nearDays?, groupBy?, aggregateOnly?, minCell? }`.
     */
    cohort(participants, asOf, options = {}) {
      return JSON.parse(call(() => this.#cohort(participants, asOf, options), errorLanguage(options)));
    }

    #cohort(participants, asOf, options) {
      let text;
      if (typeof participants === "string") {
        text = participants;
      } else if (Array.isArray(participants)) {
        // JSON Lines: one document per line, so each participant keeps its own position and
        // error (a hole in the list too: `Array.from` visits it). What JSON cannot write, a
        // cycle or a BigInt, is that participant's error.
        text = Array.from(participants, (p) => {
          try {
            return JSON.stringify(p) ?? "null";
          } catch {
            return "null";
          }
        }).join("\n");
      } else {
        throw refusal("invalid_argument", "participants", "expected a list of participants, or JSON text",
          "une liste de participants, ou du texte JSON, est attendue");
      }
      checkDate(asOf);
      // (JSON would write NaN and Infinity as null, which reads as "not given".)
      for (const [key, value] of Object.entries(options ?? {})) {
        if (typeof value === "number" && !Number.isFinite(value)) {
          throw refusal("invalid_argument", key, "a whole number", "un nombre entier");
        }
      }
      const o = JSON.stringify(options ?? {});
      return this.#needs("cohort", { en: "planning", fr: "de planification" }, "planning").cohort(text, asOf, o);
    }

    /** The framework as a CASE 1.1 package. Options: `{ date, lang?, baseUri? }`. */
    exportCase(options) {
      const json = JSON.stringify(options ?? {});
      return JSON.parse(call(() => this.#interop("exportCase").exportCase(json)));
    }

    /** The framework as the CSV Moodle's competency framework importer reads. Options: `{ lang? }`. */
    exportMoodle(options = {}) {
      return call(() => this.#interop("exportMoodle").exportMoodle(options.lang ?? "en"));
    }

    /**
     * Evaluates a participant with the evidence xAPI/cmi5 statements add: `{ report, intake }`.
     * `statements`: one statement, a list, an LRS StatementResult, or JSON text of any of those
     * (text is read strictly, so a key given twice is found).
     */
    evaluateWithStatements(participant, statements, asOf) {
      return JSON.parse(call(() => {
        const p = participantJson(participant);
        checkDate(asOf);
        const s = JSON.stringify(statementSources(statements));
        return this.#interop("evaluateWithStatements").evaluateWithStatements(p, s, asOf);
      }));
    }

    /**
     * Credentials for a participant: options `{ asOf, issuerId, issuerName, kind?: "program" |
     * "competencies" | "clr", lang?, caseBaseUri?, salt? }`; `statements` as for `evaluateWithStatements`.
     */
    credential(participant, options, statements = []) {
      // The engine reads no clock: the page's clock says which dates are still to come.
      const today = new Date().toISOString().slice(0, 10);
      return JSON.parse(call(() => {
        const p = participantJson(participant);
        const asOf = checkDate(options?.asOf, "asOf");
        if (asOf > today) {
          throw refusal("invalid_argument", "asOf",
            `${asOf} is after today (${today}, in UTC): a credential's validFrom may not be in the future, and validators refuse one that is`,
            `${asOf} est après aujourd'hui (${today}, en UTC) : la date validFrom d'un titre ne peut pas être dans l'avenir, et les validateurs refusent un titre qui l'est`);
        }
        const s = JSON.stringify(statementSources(statements));
        const o = JSON.stringify(options ?? {});
        return this.#interop("credential").credential(p, s, o);
      }, errorLanguage(options)));
    }

    /** Releases the pack's memory now (otherwise the garbage collector does it). */
    free() {
      if (!this.#freed) {
        this.#freed = true;
        if (this.#generation === backend.generation()) this.#handle.free();
      }
    }

    [dispose]() {
      this.free();
    }
  }

  /** Every diagnostic for a pack (JSON text, an object, or files); never throws for a bad pack. */
  function checkPack(source) {
    let files;
    call(() => (files = packFiles(source)));
    // The built-in pack loads, so its diagnostics are its warnings.
    if (files === null) return Pack.load().warnings();
    const json = JSON.stringify(files);
    return JSON.parse(call((b) => b.checkPackFiles(json)));
  }

  /**
   * A CASE package (an object or JSON text) as a pack skeleton: `{ pack, notes }`; or a list of the
   * packages of one framework in several languages, read into one pack. Options: `{ lang? }`.
   */
  function importCase(pkg, options = {}) {
    const text = (p) => (typeof p === "string" ? p : JSON.stringify(p));
    const json = Array.isArray(pkg) ? `[${pkg.map(text).join(",")}]` : text(pkg);
    return JSON.parse(
      call((b) => {
        if (typeof b.importCase !== "function") throw FAILURES.notInThisBuild("importCase", "interop", { en: "interoperability", fr: "d'interopérabilité" }, "importCase");
        return b.importCase(json, options.lang ?? "en");
      }),
    );
  }

  /** The engine's version (also in every report, with the pack fingerprint). */
  function engineVersion() {
    return call((b) => b.engineVersion());
  }

  /**
   * The input limits, by name (`{ pack_bytes, competencies, ..., json_depth, statements }`): past
   * one, a call throws with `code: "limit_exceeded"` (see the package README).
   */
  function limits() {
    return JSON.parse(call((b) => b.limits()));
  }

  // Makes the module trap, to check recovery: for the package's own tests, not exported (a
  // symbol, so that no caller comes on it by name).
  Pack[Symbol.for("competency-rules.crashForTesting")] = () => call((b) => b.__panicForTesting());

  return { Pack, checkPack, importCase, engineVersion, limits };
}

/** Statement sources as the module takes them: a list of statements, StatementResults or texts. */
function statementSources(statements) {
  if (statements === undefined || statements === null) return [];
  return Array.isArray(statements) ? statements : [statements];
}

/**
 * A Node.js entry's exports over a wasm-bindgen glue module: `load()` returns a fresh instance
 * (it is called again to restart after a trap). The module is ready at once, so `init` and
 * `initSync` do nothing.
 */
export function createNodeEntry(load) {
  let glue = load();
  let generation = 0;
  const engine = createEngine({
    bindings: () => glue,
    restart() {
      glue = load();
      generation += 1;
    },
    generation: () => generation,
  });
  return {
    ...engine,
    init: async () => {},
    initSync: () => {},
    CompetencyRulesError,
    EngineCrashedError,
    PackError,
    ParticipantError,
  };
}
