// Types of the competency-rules package. The data types (Report, Participant, Diagnostic, PackDoc...)
// are in `types.d.ts`, generated from the Rust types by tsify (`tests/ts_types.rs` in the crate);
// this file only declares the wrapper's functions and classes.
import type {
  CatalogueItemDoc,
  Compact,
  Diagnostic,
  Failure,
  FailureCode,
  FailureDetail,
  PackDoc,
  PackInfo,
  Participant,
  Report,
} from "./types.js";

export type * from "./types.js";

/** A pack file: its name (ending in .json) and its text or bytes. */
export interface PackFile {
  name: string;
  text: string | Uint8Array;
}

/** What `Pack.load` accepts: nothing (the built-in HSLP pack), JSON text or bytes, a pack object, or files. */
export type PackSource = undefined | string | Uint8Array | ArrayBuffer | PackDoc | Record<string, unknown> | PackFile[];

/** The result of one participant in `evaluateMany`. */
export type EvaluateManyResult =
  | { type: "success"; report: Report }
  | { type: "failure"; error: Failure };

/** The result of one participant in `evaluateMany` with `compact: true`. */
export type EvaluateManyCompactResult =
  | { type: "success"; compact: Compact }
  | { type: "failure"; error: Failure };

/** What an evaluation writes besides the answer. */
export interface EvaluateOptions {
  /** The languages of the reasons' messages (each one of the pack's); every language of the pack by default, `[]` for none. */
  languages?: string[];
}

/** Base class of every error the package throws. */
export declare class CompetencyRulesError extends Error {
  /** A stable code (the union is generated from the engine's table; see docs/messages.md). */
  readonly code: FailureCode;
  /** The path of the offending field (`enrolled`, `competency[3].outcome`), or "". */
  readonly path: string;
  /**
   * The message in English and in French (the checks of the arguments, a crash, a freed pack, and
   * the engine's participant, level, date, syntax and limit failures); `message` is then in the
   * language the call asked for (the first of its `languages`, or its `lang`).
   */
  readonly messages?: { en: string; fr: string };
  /** What is wrong with the field at `path`, in codes, where the engine says it (the French message is written from it). */
  readonly detail?: FailureDetail;
}

/** A rule pack was refused; `diagnostics` lists every problem with its location. */
export declare class PackError extends CompetencyRulesError {
  readonly diagnostics: Diagnostic[];
}

/** A participant document could not be read. */
export declare class ParticipantError extends CompetencyRulesError {
  readonly line: number | null;
  readonly column: number | null;
}

/** The WebAssembly module trapped (a bug); it was restarted and the call was not completed. */
export declare class EngineCrashedError extends CompetencyRulesError {}

/** A compiled rule pack: load once, evaluate many participants. */
export declare class Pack {
  /** (Packs come from `Pack.load`.) */
  protected constructor();
  /** Loads and compiles a pack; throws `PackError` listing every problem. */
  static load(source?: PackSource): Pack;
  /** `{ id, version, fingerprint }`. */
  readonly info: PackInfo;
  /** The pack document: names in every language, the matrix, the catalogue. */
  document(): PackDoc;
  /** Warnings found while checking the pack. */
  warnings(): Diagnostic[];
  /** Names in `lang` ("en" by default) for what reports name by id. */
  names(lang?: string): Names;
  /** Evaluates a participant on `asOf` (YYYY-MM-DD). */
  evaluate(participant: Participant, asOf: string, options?: EvaluateOptions & { compact?: false }): Report;
  /** The compact form: status, levels, competencies by state, requirements; no explanation. */
  evaluate(participant: Participant, asOf: string, options: { compact: true }): Compact;
  /** The fast path: participant JSON in, report JSON out (the native library's exact bytes; with `compact`, the compact form's). */
  evaluateJson(participantJson: string, asOf: string, options?: EvaluateOptions & { pretty?: boolean; compact?: boolean }): string;
  /** Evaluates many participants; never throws for one bad participant. */
  evaluateMany(participants: Participant[], asOf: string, options?: EvaluateOptions & { compact?: false }): EvaluateManyResult[];
  /** Evaluates many participants into the compact form; never throws for one bad participant. */
  evaluateMany(participants: Participant[], asOf: string, options: { compact: true }): EvaluateManyCompactResult[];
  /** Releases the pack now (otherwise the garbage collector does it). */
  free(): void;
  [Symbol.dispose](): void;
}

/** Ids to names in one language (each gives the id itself for an unknown id). */
export interface Names {
  readonly lang: string;
  competency(id: string | null | undefined): string;
  outcome(id: string | null | undefined): string;
  /** An organizational level. */
  level(id: string | null | undefined): string;
  /** A proficiency level, on the scale of competency `competency`. */
  proficiency(competency: string, id: string | null | undefined): string;
  /** A catalogue item. */
  item(id: string | null | undefined): string;
  /** A kind of evidence. */
  kind(id: string | null | undefined): string;
  rule(id: string | null | undefined): string;
  /** The catalogue items whose completion shows `competency` at proficiency `level` or above. */
  itemsFor(competency: string, level: string): CatalogueItemDoc[];
}

/** Every diagnostic for a pack (the same sources as `Pack.load`), each with its file, path, line and column; never throws for a bad pack. */
export declare function checkPack(source?: PackSource): Diagnostic[];
/** The engine version (also in every report). */
export declare function engineVersion(): string;
/** The input limits; past one, a call throws with `code: "limit_exceeded"`. */
export interface Limits {
  pack_bytes: number;
  competencies: number;
  catalogue_items: number;
  rules: number;
  section_entries: number;
  rule_depth: number;
  id_chars: number;
  key_chars: number;
  participant_bytes: number;
  evidence: number;
  json_depth: number;
  statements: number;
  source_bytes: number;
  case_items: number;
  case_associations: number;
  case_rubrics: number;
  case_criteria: number;
}
/** The input limits, the same as the native library's (see the README). */
export declare function limits(): Limits;
/** Loads the engine (browsers). `input`: URL of the .wasm, a Response, bytes or a compiled module. No-op in Node. */
export declare function init(input?: string | URL | Response | BufferSource | WebAssembly.Module | Promise<Response>): Promise<void>;
/** Loads the engine synchronously from the .wasm bytes or a compiled module. No-op in Node. */
export declare function initSync(bytes: BufferSource | WebAssembly.Module): void;
