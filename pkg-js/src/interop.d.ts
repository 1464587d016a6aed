// Types of `competency-rules/interop`: everything the main entry has, and a `Pack` that also
// speaks CASE, Moodle, xAPI/cmi5 and Open Badges 3.0 / CLR 2.0.
import type { Participant, Report } from "./types.js";
import type { PackSource } from "./index.js";
import { Pack as EnginePack } from "./index.js";

export * from "./index.js";

/** A JSON object as the standard defines it (CASE package, credential...). */
export type JsonObject = Record<string, unknown>;

/** One xAPI statement source: a statement, a list of them, an LRS StatementResult, or JSON text of any of those. */
export type StatementSource = JsonObject | JsonObject[] | string;

/** What a batch of statements became: `received = evidence + set_aside + voiding`. */
export interface Intake {
  received: number;
  /** Evidence items added. */
  evidence: number;
  /** Statements reported in the report's `not_counted`, with why. */
  set_aside: number;
  /** Voiding statements that voided one given here. */
  voiding: number;
  /** `more` links of the StatementResult pages given: statements not fetched yet. */
  more: string[];
  /**
   * Evidence from statements without an id (named `xapi:` and a fingerprint of the statement,
   * the same in any order), with where each statement came from (`lms-page.json#statements[2]`).
   */
  unnamed: { evidence: string; at: string }[];
}

/** Something a CASE import skipped, assumed or could not use. */
export interface ImportNote {
  code: string;
  /** Where in the package, e.g. `CFAssociations[5]`. */
  path: string;
  message: string;
}

/** Options of `Pack#credential`. */
export interface CredentialOptions {
  /** The evaluation and award date (YYYY-MM-DD). */
  asOf: string;
  /** The issuer's profile id (a URI). */
  issuerId: string;
  issuerName: string;
  /** `program` (default; the participant must have completed), `competencies` (one per met competency) or `clr`. */
  kind?: "program" | "competencies" | "clr";
  lang?: string;
  /** The base of the CASE URIs achievements align to (as given to `exportCase`). */
  caseBaseUri?: string;
  /** The salt of the participant's identity hash. */
  salt?: string;
}

/** A compiled rule pack, with the interoperability functions. */
export declare class Pack extends EnginePack {
  /** Loads and compiles a pack; throws `PackError` listing every problem. */
  static load(source?: PackSource): Pack;
  /** The report explained in words, as plain text in `lang` ("en" by default; the command line's `--format text`). */
  explain(participant: Participant, asOf: string, options?: { lang?: string }): string;
  /** The framework as a CASE 1.1 package (identifiers: UUID v5 of the pack and item ids). */
  exportCase(options: { date: string; lang?: string; baseUri?: string }): JsonObject;
  /** The framework as the CSV Moodle's competency framework importer (tool_lpimportcsv) reads. */
  exportMoodle(options?: { lang?: string }): string;
  /** Evaluates with the evidence xAPI/cmi5 statements add; every statement not counted is in `report.not_counted`. */
  evaluateWithStatements(
    participant: Participant,
    statements: StatementSource | StatementSource[],
    asOf: string,
  ): { report: Report; intake: Intake };
  /** An unsigned Open Badges 3.0 credential (or an array of them, or a CLR 2.0 credential). */
  credential(
    participant: Participant,
    options: CredentialOptions,
    statements?: StatementSource | StatementSource[],
  ): JsonObject | JsonObject[];
}

/**
 * A CASE package (1.1, or a tolerant read of 1.0) as a pack skeleton, with what was skipped,
 * repaired or assumed; or a list of the packages of one framework in several languages (as
 * `exportCase` writes a bilingual pack, one call per language), read into one pack.
 */
export declare function importCase(
  pkg: JsonObject | string | (JsonObject | string)[],
  options?: { lang?: string },
): { pack: JsonObject; notes: ImportNote[] };
