// Types of `competency-rules/planning`: everything the main entry has, and a `Pack` that also
// plans (the learning-path planner) and projects a participant's planned items (what-if: the
// report's `projection`).
import type { CohortReport, GroupBy, Measure, Participant, Plan } from "./types.js";
import type { PackSource } from "./index.js";
import { Pack as EnginePack } from "./index.js";

export * from "./index.js";

/** Options of `Pack#plan`. */
export interface PlanOptions {
  /**
   * What to reach: `current` (complete the current level; the default), `next` (be ready for the
   * next level), or competency ids, each optionally `id=level`.
   */
  target?: "current" | "next" | string[];
  /** What to minimize: the number of items (default), or their total `hours` or `cost`. */
  by?: Measure;
  /** The date the planned items are to be completed by (YYYY-MM-DD; default: `asOf`). */
  completeBy?: string;
  /**
   * How long the search may take, in milliseconds (default 50); past it, the best plan found is
   * returned with `optimal: false` and a `lower_bound`.
   */
  budgetMs?: number;
}

/** Options of `Pack#cohort`. */
export interface CohortReportOptions {
  /** "Ready soon" is at most this many competencies away from the next level (default 2). */
  readyWithin?: number;
  /** "Near the time limit" is a deadline at most this many days away (default 90). */
  nearDays?: number;
  /** The breakdowns besides the whole cohort (default both; `[]` for the whole cohort only). */
  groupBy?: GroupBy | GroupBy[];
  /**
   * No participant id anywhere, and counts under `minCell` suppressed (`null`), with those that
   * would give them away: the form to share across organizations.
   */
  aggregateOnly?: boolean;
  /** With `aggregateOnly`, the smallest count shown (default 5). */
  minCell?: number;
}

/** A compiled rule pack that also plans; its `evaluate` projects a participant's `planned` items. */
export declare class Pack extends EnginePack {
  /** Loads and compiles a pack; throws `PackError` listing every problem. */
  static load(source?: PackSource): Pack;
  /**
   * The smallest plan of catalogue items for `participant` on `asOf` (YYYY-MM-DD): what each item
   * closes, the gaps no item can close and what could, what else completion needs, and the
   * what-if evaluation that confirmed it.
   */
  plan(participant: Participant, asOf: string, options?: PlanOptions): Plan;
  /**
   * A cohort report on `participants` (objects, or JSON text: JSON Lines or an array) on `asOf`:
   * statuses, levels attained, readiness for the next level, bench strength, the competency gap
   * matrix, blockers and recurring evidence problems, for the whole cohort, per organization and
   * per level. Participants that cannot be read or evaluated are in `unreadable`.
   */
  cohort(participants: Participant[] | string, asOf: string, options?: CohortReportOptions): CohortReport;
  /**
   * The report explained in words, as plain text in `lang` ("en" by default; the command line's
   * `--format text`, from the same code).
   */
  explain(participant: Participant, asOf: string, options?: { lang?: string }): string;
}
