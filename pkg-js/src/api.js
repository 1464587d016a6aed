// The JavaScript face of competency-rules: a small, typed wrapper over the WebAssembly bindings.
// It holds no rule logic. Values cross into WebAssembly as JSON text (measured faster than
// converting objects field by field; see bench/boundary.mjs). It turns the engine's structured failures into Error subclasses, keeps
// pack handles valid across a module restart, and restarts the module if it ever traps.

/** Base class of every error the package throws: `code`, `message`, and `path` to the field. */
export class CompetencyRulesError extends Error {
  constructor(failure, name = "CompetencyRulesError") {
    super(failure.message);
    this.name = name;
    this.code = failure.code;
    this.path = failure.path ?? "";
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
  constructor(cause) {
    super(
      {
        code: "engine_crashed",
        message:
          "The competency engine crashed (a bug: please report it with the input). " +
          "It has been restarted and is ready again; this call was not completed.",
      },
      "EngineCrashedError",
    );
    this.cause = cause;
  }
}

const dispose = Symbol.dispose ?? Symbol.for("Symbol.dispose");

/** A participant's failure as the engine wrote it: `{code, path, message, line?, column?}`. */
function failureOf(error) {
  const failure = { code: error.code, path: error.path, message: error.message };
  if (error.line !== null) failure.line = error.line;
  if (error.column !== null) failure.column = error.column;
  return failure;
}

/**
 * A participant object as JSON text. What JSON cannot write is the participant's error, as the
 * engine would report it: an object nested so deep that writing it overflows the stack (far past
 * the engine's depth limit) is `limit_exceeded`; a cycle or a BigInt is `invalid_document`.
 */
function participantJson(participant) {
  try {
    return JSON.stringify(participant) ?? "null";
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ParticipantError({ code: "limit_exceeded", path: "", message: "arrays and objects nest too deep to be written as JSON" });
    }
    throw new ParticipantError({ code: "invalid_document", path: "", message: `the participant cannot be written as JSON: ${error.message}` });
  }
}

/**
 * The evaluation options as the module takes them: the languages (`*` for all, else a
 * comma-separated list) and whether to give the compact form. Unknown options are refused.
 */
function evaluateOptions(options, allowed) {
  if (options === undefined || options === null) return ["*", false];
  const invalid = (path, message) => new CompetencyRulesError({ code: "invalid_argument", path, message });
  if (typeof options !== "object" || Array.isArray(options)) throw invalid("options", "options are an object");
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw invalid(key, `\`${key}\` is not an option here (${allowed.join(", ")})`);
  }
  let languages = "*";
  if (options.languages !== undefined) {
    if (!Array.isArray(options.languages)) throw invalid("languages", "a list of language codes, such as [\"fr\"]");
    options.languages.forEach((lang, i) => {
      if (typeof lang !== "string" || lang === "" || lang.includes(",")) throw invalid(`languages[${i}]`, "a language code, such as \"fr\"");
    });
    languages = options.languages.join(",");
  }
  const compact = options.compact ?? false;
  if (typeof compact !== "boolean") throw invalid("compact", "true or false");
  for (const key of ["pretty"]) {
    if (options[key] !== undefined && typeof options[key] !== "boolean") throw invalid(key, "true or false");
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
  function call(work) {
    try {
      return work(backend.bindings());
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        backend.restart();
        throw new EngineCrashedError(error);
      }
      // The bindings throw failures as JSON text of a structured object.
      if (typeof error === "string") {
        let failure = null;
        try {
          failure = JSON.parse(error);
        } catch {
          throw new CompetencyRulesError({ code: "internal", message: error });
        }
        throw toError(failure);
      }
      throw error;
    }
  }

  function toFiles(files) {
    return files.map((f, i) => {
      if (!f || typeof f.name !== "string" || (typeof f.text !== "string" && !(f.text instanceof Uint8Array))) {
        throw new CompetencyRulesError({ code: "invalid_argument", path: `files[${i}]`, message: "each file is { name, text }" });
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
    throw new CompetencyRulesError({ code: "invalid_argument", path: "source", message: "a pack is JSON text, bytes, an object, or [{ name, text }]" });
  }

  function loader(source) {
    const files = packFiles(source);
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
      if (this.#freed) {
        throw new CompetencyRulesError({ code: "freed", message: "this pack was freed" });
      }
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
      const json = participantJson(participant);
      const [languages, compact] = evaluateOptions(options, ["languages", "compact"]);
      return JSON.parse(call(() => this.#get().evaluate(json, asOf, languages, compact)));
    }

    /**
     * Evaluates a participant given as JSON text; returns the report as JSON text, byte for byte
     * the native library's. Options: `pretty` (indented), `languages`, `compact` (as `evaluate`).
     */
    evaluateJson(participantJson, asOf, options) {
      const [languages, compact] = evaluateOptions(options, ["languages", "compact", "pretty"]);
      if (typeof participantJson !== "string") {
        throw new CompetencyRulesError({ code: "invalid_argument", path: "participantJson", message: "the participant is JSON text (use evaluate() for an object)" });
      }
      const text = call(() => this.#get().evaluate(participantJson, asOf, languages, compact));
      // Two-space indentation, as the native `Report::to_json_pretty` writes it (the corpus test
      // checks the bytes match).
      return options?.pretty ? JSON.stringify(JSON.parse(text), null, 2) : text;
    }

    /**
     * Evaluates many participants; returns `[{ type: "success", report } | { type: "failure",
     * error }]` (with `compact`, `{ type: "success", compact }`). Options as `evaluate`.
     */
    evaluateMany(participants, asOf, options) {
      if (!Array.isArray(participants)) {
        throw new CompetencyRulesError({ code: "invalid_argument", path: "participants", message: "expected a list of participants" });
      }
      const [languages, compact] = evaluateOptions(options, ["languages", "compact"]);
      const key = compact ? "compact" : "report";
      const handle = this.#get();
      // One call per participant (the module has no batch entry, which keeps it smaller; a loop
      // of calls costs no more per participant: bench/batch.mjs). A participant that cannot be
      // read or evaluated is a `failure` entry; a bad date or a crashed module ends the batch.
      return participants.map((participant) => {
        try {
          const json = participantJson(participant);
          return { type: "success", [key]: JSON.parse(call(() => handle.evaluate(json, asOf, languages, compact))) };
        } catch (error) {
          if (!(error instanceof ParticipantError)) throw error;
          return { type: "failure", error: failureOf(error) };
        }
      });
    }

    // ---- The larger modules' functions (`competency-rules/interop`, `competency-rules/planning`) ----

    #interop(method) {
      return this.#needs(method, "interoperability", "interop");
    }

    /** The handle, if this module has `method` (else say which module has it). */
    #needs(method, what, entry) {
      const handle = this.#get();
      if (typeof handle[method] !== "function") {
        throw new CompetencyRulesError({
          code: "not_in_this_build",
          message: `${method} is in the ${what} module: import { Pack } from "competency-rules/${entry}"`,
        });
      }
      return handle;
    }

    /**
     * The smallest plan of catalogue items for a participant (`competency-rules/planning`).
     * Options: `{ target?: "current" | "next" | string[], by?: "count" | "hours" | "cost",
     * completeBy?: "YYYY-MM-DD", budgetMs?: number }`.
     */
    plan(participant, asOf, options = {}) {
      const p = participantJson(participant);
      const o = JSON.stringify(options ?? {});
      return JSON.parse(call(() => this.#needs("plan", "planning", "planning").plan(p, asOf, o)));
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
        throw new CompetencyRulesError({ code: "invalid_argument", path: "participants", message: "expected a list of participants, or JSON text" });
      }
      if (typeof asOf !== "string") {
        throw new CompetencyRulesError({ code: "invalid_argument", path: "asOf", message: "the date is text written YYYY-MM-DD" });
      }
      // (JSON would write NaN and Infinity as null, which reads as "not given".)
      for (const [key, value] of Object.entries(options ?? {})) {
        if (typeof value === "number" && !Number.isFinite(value)) {
          throw new CompetencyRulesError({ code: "invalid_argument", path: key, message: "a whole number" });
        }
      }
      const o = JSON.stringify(options ?? {});
      return JSON.parse(call(() => this.#needs("cohort", "planning", "planning").cohort(text, asOf, o)));
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
      const p = JSON.stringify(participant);
      const s = JSON.stringify(statementSources(statements));
      return JSON.parse(call(() => this.#interop("evaluateWithStatements").evaluateWithStatements(p, s, asOf)));
    }

    /**
     * Credentials for a participant: options `{ asOf, issuerId, issuerName, kind?: "program" |
     * "competencies" | "clr", lang?, caseBaseUri?, salt? }`; `statements` as for `evaluateWithStatements`.
     */
    credential(participant, options, statements = []) {
      // The engine reads no clock: the page's clock says which dates are still to come.
      const today = new Date().toISOString().slice(0, 10);
      const asOf = options?.asOf;
      if (typeof asOf === "string" && /^\d{4}-\d{2}-\d{2}$/.test(asOf) && asOf > today) {
        throw new CompetencyRulesError({
          code: "invalid_argument",
          path: "asOf",
          message: `${asOf} is after today (${today}, in UTC): a credential's validFrom may not be in the future, and validators refuse one that is`,
        });
      }
      const p = JSON.stringify(participant);
      const s = JSON.stringify(statementSources(statements));
      const o = JSON.stringify(options ?? {});
      return JSON.parse(call(() => this.#interop("credential").credential(p, s, o)));
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
    const files = packFiles(source);
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
        if (typeof b.importCase !== "function") {
          throw new CompetencyRulesError({
            code: "not_in_this_build",
            message: 'importCase is in the interoperability module: import { importCase } from "competency-rules/interop"',
          });
        }
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

  /** Makes the module trap, to check recovery. For tests only. */
  function crashForTesting() {
    return call((b) => b.__panicForTesting());
  }

  return { Pack, checkPack, importCase, engineVersion, limits, crashForTesting };
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
