// Types of `competency-rules/element`: the <competency-status> element.
import type { CohortReport, Participant, Plan, Report } from "./types.js";

/** <competency-status>: a participant's status view. */
export interface CompetencyStatusElement extends HTMLElement {
  /** The participant document; set it instead of the `participant` attribute (a URL). */
  participant: Participant | null;
  /** The cohort (`view="cohort"`): participant documents, or JSON Lines / JSON array text. */
  participants: Participant[] | string | null;
  /** What is shown last: a report, a plan (`view="plan"`) or a cohort report (`view="cohort"`); `null` before the first, or after an error. */
  readonly report: Report | Plan | CohortReport | null;
}

/** An engine entry as the element uses it: `init`, `Pack`, and how to load the planning entry. */
export interface ElementEngine {
  init(input?: string | URL): Promise<void>;
  Pack: { load(source?: string): unknown };
  planning?: () => Promise<ElementEngine>;
}

/** Defines the element as `name` ("competency-status") over an engine entry. */
export declare function defineCompetencyStatus(engine: ElementEngine, name?: string): void;

declare global {
  interface HTMLElementTagNameMap {
    "competency-status": CompetencyStatusElement;
  }
  interface HTMLElementEventMap {
    /** Fired by <competency-status> after each evaluation it shows. */
    "competency-status": CustomEvent<{ report: Report | Plan | CohortReport; view: "status" | "plan" | "cohort" }>;
  }
}
