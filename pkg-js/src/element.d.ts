// Types of `competency-rules/element`: the <competency-status> element.
import type { Participant, Report } from "./types.js";

/** <competency-status>: a participant's status view. */
export interface CompetencyStatusElement extends HTMLElement {
  /** The participant document; set it instead of the `participant` attribute (a URL). */
  participant: Participant | null;
  /** The report shown last (`null` before the first, or after an error). */
  readonly report: Report | null;
}

/** Defines the element as `name` ("competency-status") over an engine entry's `init` and `Pack`. */
export declare function defineCompetencyStatus(
  engine: { init(input?: string | URL): Promise<void>; Pack: { load(source?: string): unknown } },
  name?: string,
): void;

declare global {
  interface HTMLElementTagNameMap {
    "competency-status": CompetencyStatusElement;
  }
  interface HTMLElementEventMap {
    /** Fired by <competency-status> after each evaluation it shows. */
    "competency-status": CustomEvent<{ report: Report }>;
  }
}
