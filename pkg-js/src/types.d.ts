// Generated from the Rust types by `UPDATE_TYPES=1 cargo test --all-features --test ts_types`:
// do not edit. The data the package exchanges: participants, reports, pack documents, diagnostics.

/**
 * An id from the pack (competency, level, rule...), shared with the compiled pack so reports
 * reference it without copying.
 */
export type Id = string;

/**
 * Text in several languages, keyed by language code (`en`, `fr`).
 */
export type Text = Record<string, string>;

/**
 * A participant in the program.
 */
export interface Participant {
    /**
     * Stable id of the participant (an LMS user id, an employee number...).
     */
    id: string;
    /**
     * Display name (not used by the rules).
     */
    name?: string;
    /**
     * The participant's organization (a CMSM or DSSAB).
     */
    organization: string;
    /**
     * The participant's organizational level (an id of the pack's `[[level]]`).
     */
    level: string;
    /**
     * The enrolment date.
     */
    enrolled: string;
    /**
     * The coach, appointed from within the participant's organization.
     */
    coach?: Person;
    /**
     * The mentor, appointed by the program from outside the participant's organization.
     */
    mentor?: Person;
    /**
     * The participant's xAPI identities, matched against the actor of xAPI statements.
     */
    agents?: Agent[];
    /**
     * The competencies the participant chose to develop, where the pack lets them choose
     * (`chosen` in `[[completion]]`).
     */
    development?: Development;
    /**
     * The evidence items.
     */
    evidence?: Evidence[];
    /**
     * Items the participant plans to complete (what-if): never counted as evidence; the report's
     * `projection` shows where they would leave the participant.
     */
    planned?: Planned[];
}

/**
 * A coach or mentor.
 */
export interface Person {
    /**
     * Stable id, matched against the `assessed_by.id` of evidence.
     */
    id: string;
    /**
     * Display name.
     */
    name?: string;
    /**
     * The person's organization.
     */
    organization: string;
    /**
     * Who appointed them (for a mentor: the program, e.g. `association`).
     */
    appointed_by?: string;
}

/**
 * An xAPI identity: exactly one of xAPI's four inverse functional identifiers, written as in a
 * statement's `actor`.
 */
export interface Agent {
    /**
     * `mailto:` address.
     */
    mbox?: string;
    /**
     * SHA-1 (hex) of the `mailto:` address.
     */
    mbox_sha1sum?: string;
    /**
     * An OpenID URI.
     */
    openid?: string;
    /**
     * An account on a system (an LMS user).
     */
    account?: Account;
}

/**
 * An account on a system, as xAPI writes it.
 */
export interface Account {
    /**
     * The system's home page (canonical URL).
     */
    homePage: string;
    /**
     * The user's id or login on that system.
     */
    name: string;
}

/**
 * A development selection: the competencies a participant chose, and who agreed to it, when.
 */
export interface Development {
    /**
     * The competency ids chosen.
     */
    competencies: string[];
    /**
     * Who agreed to the selection (the participant's manager), as the caller records them.
     */
    agreed_by?: string;
    /**
     * When the selection was agreed; it counts from that date.
     */
    agreed_on?: string;
}

/**
 * One evidence item.
 */
export interface Evidence {
    /**
     * Stable id, unique within the participant.
     */
    id: string;
    /**
     * The evidence kind (an id of the pack's `[[evidence_kind]]`).
     */
    kind: string;
    /**
     * When the learning or activity happened (completion date, session date...).
     */
    date: string;
    /**
     * When it was submitted to the program (for equivalency: the claim date). Defaults to `date`.
     */
    submitted?: string;
    /**
     * Review state.
     */
    status: ReviewState;
    /**
     * Who assessed it (required once approved).
     */
    assessed_by?: Assessor;
    /**
     * For catalogue kinds: the catalogue item completed.
     */
    item?: string;
    /**
     * A grade from 0 to 100.
     */
    grade?: number;
    /**
     * For claim and override kinds: the competencies claimed.
     */
    claims?: Claim[];
    /**
     * For the final assignment: its topic.
     */
    topic?: string;
    /**
     * Free text (title, reviewer's note); kept, not used by the rules.
     */
    note?: string;
}

/**
 * An evidence item as read: usable, or kept with why it could not be read.
 */
export type EvidenceEntry = Evidence;

/**
 * An item the participant plans to complete: a catalogue item, a claim (a self-study or work
 * project with its claims), a coaching session, a mentoring conversation or the final
 * assignment, on a planned date. The projection counts it as approved on that date.
 */
export interface Planned {
    /**
     * Stable id, unique among the participant's evidence and planned items.
     */
    id: string;
    /**
     * The evidence kind it will be.
     */
    kind: string;
    /**
     * When it is planned to be completed.
     */
    date: string;
    /**
     * For catalogue kinds: the catalogue item.
     */
    item?: string;
    /**
     * The grade expected (default: the least that passes).
     */
    grade?: number;
    /**
     * For claim kinds: the competencies it is to show.
     */
    claims?: Claim[];
    /**
     * For the final assignment: its topic.
     */
    topic?: string;
    /**
     * Free text; kept, not used by the rules.
     */
    note?: string;
}

/**
 * An evidence item that could not be read.
 */
export interface MalformedEvidence {
    /**
     * Where it is in the document, e.g. `evidence[4]`.
     */
    at: string;
    /**
     * Its id, when one could be read.
     */
    id: string | null;
    /**
     * What is wrong, with the path inside the item (in English).
     */
    detail: string;
}

/**
 * A competency claimed at a proficiency level.
 */
export interface Claim {
    /**
     * The competency id.
     */
    competency: string;
    /**
     * The proficiency level id.
     */
    level: string;
}

/**
 * Who assessed an evidence item.
 */
export interface Assessor {
    /**
     * `coach`, `mentor`, `program_assessor`, `provider` or `employer`.
     */
    role: string;
    /**
     * The assessor's id (must be the participant's coach or mentor for those roles).
     */
    id?: string;
    /**
     * Display name.
     */
    name?: string;
}

/**
 * Where an evidence item is in its review.
 */
export type ReviewState = "submitted" | "approved" | "rejected";

/**
 * A participant document that cannot be read at all.
 */
export interface ParticipantError {
    /**
     * `syntax`, `invalid_document`, or `limit_exceeded` (the document is past one of the
     * [`crate::limits`]).
     */
    code: FailureCode;
    /**
     * The JSON path of the offending field (`evidence`, `coach.organization`); empty for the whole document.
     */
    path: string;
    /**
     * What is wrong.
     */
    message: string;
    /**
     * 1-based line, for syntax errors.
     */
    line?: number;
    /**
     * 1-based column, for syntax errors.
     */
    column?: number;
    /**
     * What is wrong with the field, in codes (for a message in another language).
     */
    detail?: FailureDetail;
}

/**
 * The report for one participant on one date.
 */
export interface Report {
    /**
     * The engine that produced it.
     */
    engine: EngineInfo;
    /**
     * The pack it was evaluated against.
     */
    pack: PackInfo;
    /**
     * The participant id.
     */
    participant: string;
    /**
     * The evaluation date.
     */
    as_of: string;
    /**
     * The participant's organizational level.
     */
    level: string;
    /**
     * The overall status.
     */
    status: Status;
    /**
     * Why, in words.
     */
    status_reason: Reason;
    /**
     * The highest organizational level whose required competencies (and every lower level's) are all met.
     */
    level_attained: Id | null;
    /**
     * Readiness for the next level (none at the top level).
     */
    next_level: NextLevel | null;
    /**
     * Progress per learning outcome.
     */
    outcomes: OutcomeProgress[];
    /**
     * Per competency, in pack order.
     */
    competencies: CompetencyResult[];
    /**
     * The completion requirements at the participant's level.
     */
    requirements: RequirementResult[];
    /**
     * Every evidence item or claim that did not count, and why.
     */
    not_counted: NotCounted[];
    /**
     * Problems in the participant document that do not stop evaluation.
     */
    findings: Finding[];
    /**
     * Where the participant's planned items would leave them (what-if): present when the
     * participant has planned items (in builds with the `planning` feature).
     */
    projection?: Projection;
}

/**
 * The engine's name and version, so a server can detect version skew.
 */
export interface EngineInfo {
    /**
     * `competency-rules`.
     */
    name: string;
    /**
     * The crate version.
     */
    version: string;
}

/**
 * The overall status of a participant.
 */
export type Status = "enrolled" | "in_progress" | "ready_for_final_assignment" | "completed" | "lapsed";

/**
 * Where a participant stands on one competency.
 */
export type CompetencyState = "met" | "not_met" | "not_yet_enough_evidence" | "pending_review" | "not_required";

/**
 * The result for one competency.
 */
export interface CompetencyResult {
    /**
     * The competency id.
     */
    id: Id;
    /**
     * Its learning outcome (absent in a pack without outcomes).
     */
    outcome?: Id;
    /**
     * For a competency the participant's level lets them choose: whether they chose it (only
     * chosen ones are required). Absent for the others.
     */
    chosen?: boolean;
    /**
     * The level required at the participant's organizational level (none: not required).
     */
    required: Id | null;
    /**
     * The level achieved (none: nothing yet).
     */
    achieved: Id | null;
    /**
     * The level derived from evidence and rules, before any override.
     */
    derived: Id | null;
    /**
     * The state.
     */
    state: CompetencyState;
    /**
     * Every way it was achieved.
     */
    sources: Source[];
    /**
     * Evidence waiting for review that claims or grants it.
     */
    pending: string[];
    /**
     * The assessor's override, if one applies.
     */
    override?: OverrideResult;
}

/**
 * An assessor's override and what it did under the pack's precedence policy.
 */
export interface OverrideResult {
    /**
     * The override evidence item.
     */
    evidence: string;
    /**
     * The level the assessor set.
     */
    level: Id;
    /**
     * The pack's policy (`highest_wins`, `override_wins`, `rules_win`).
     */
    policy: string;
    /**
     * `raised`, `lowered`, `confirmed` (same as derived) or `not_applied`.
     */
    effect: string;
}

/**
 * One way a competency was achieved at a level.
 */
export interface Source {
    /**
     * Claim, catalogue or rule.
     */
    via: Via;
    /**
     * The evidence kind (claims), catalogue item or rule id.
     */
    from: Id;
    /**
     * The level it gives.
     */
    level: Id;
    /**
     * Whether it is equivalency (recognition of prior learning).
     */
    equivalency: boolean;
    /**
     * The evidence items that counted, by id.
     */
    evidence: string[];
}

/**
 * How evidence reached a competency.
 */
export type Via = "claim" | "catalogue" | "rule";

/**
 * Progress in one learning outcome at the participant's level.
 */
export interface OutcomeProgress {
    /**
     * The outcome id.
     */
    id: Id;
    /**
     * Competencies of this outcome required at the level.
     */
    required: number;
    /**
     * Of those, met.
     */
    met: number;
    /**
     * Of those, pending review.
     */
    pending: number;
    /**
     * `met / required` as a whole percentage (rounded down; 100 when nothing is required).
     */
    percent: number;
}

/**
 * One completion requirement.
 */
export interface RequirementResult {
    /**
     * `competencies`, `coaching`, `mentoring`, `final_assignment` or `time_limit`.
     */
    id: string;
    /**
     * Whether it is met (for the time limit: not broken).
     */
    met: boolean;
    /**
     * Why.
     */
    reason: Reason;
    /**
     * The evidence that counted toward it.
     */
    evidence: string[];
}

/**
 * Readiness for the next organizational level.
 */
export interface NextLevel {
    /**
     * The next level's id.
     */
    level: Id;
    /**
     * Whether the participant is ready for it under the pack's progression rule.
     */
    ready: boolean;
    /**
     * Why (or why not): what was met against what the rule needs, and whether the current
     * level must be completed first.
     */
    reason: Reason;
    /**
     * Competencies required at the next level.
     */
    required: number;
    /**
     * Of those, already met at the next level's expectation.
     */
    met: number;
    /**
     * `met / required` as a whole percentage.
     */
    percent: number;
    /**
     * The percentage the progression rule needs.
     */
    needed_percent: number;
    /**
     * Whether the rule also needs completion at the current level.
     */
    requires_completion: boolean;
    /**
     * The competencies still short of the next level's expectation.
     */
    missing: Id[];
}

/**
 * An evidence item, or one claim of it, that did not count.
 */
export interface NotCounted {
    /**
     * The evidence id (none when it could not be read).
     */
    evidence: string | null;
    /**
     * Where the item is in the document, for items that could not be read.
     */
    at?: string;
    /**
     * For a single claim or grant: the competency it concerned.
     */
    competency?: string;
    /**
     * Why it did not count.
     */
    reason: Reason;
}

/**
 * Something about the participant document worth knowing that is not one evidence item's count.
 */
export interface Finding {
    /**
     * The evidence item concerned, if any.
     */
    evidence?: string;
    /**
     * The field concerned (a path inside the document or the item).
     */
    field: string;
    /**
     * What is wrong.
     */
    reason: Reason;
}

/**
 * A reason: a stable code, its parameters, and the message in each of the pack's languages.
 */
export interface Reason {
    /**
     * Stable machine-readable code (see the message catalogue).
     */
    code: Message;
    /**
     * The values the message mentions (ids, dates, counts).
     */
    params: Record<string, string>;
    /**
     * The message, per language.
     */
    message: Record<string, string>;
}

/**
 * A report's facts without its explanation (see the module documentation).
 */
export interface Compact {
    /**
     * The participant id.
     */
    participant: string;
    /**
     * The evaluation date.
     */
    as_of: string;
    /**
     * The participant's organizational level, as the document gives it.
     */
    level: string;
    /**
     * The overall status.
     */
    status: Status;
    /**
     * The highest organizational level whose required competencies (and every lower level's)
     * are all met.
     */
    level_attained: Id | null;
    /**
     * Readiness for the next level (none at the top level).
     */
    next_level?: CompactNext;
    /**
     * The time limit's date, when the level has one.
     */
    deadline?: string;
    /**
     * The competencies by state, each list in pack order (competencies not required at the
     * participant's level are left out).
     */
    competencies: ByState;
    /**
     * The level achieved in each competency that has one, in pack order.
     */
    achieved: Record<string, string>;
    /**
     * Each completion requirement (`competencies`, `coaching`, `mentoring`,
     * `final_assignment`, `time_limit`): met or not, in the report's order.
     */
    requirements: Record<string, boolean>;
    /**
     * How many evidence items or claims did not count, by reason code (in code order).
     */
    not_counted: Record<string, number>;
    /**
     * How many findings (problems in the document that did not stop evaluation).
     */
    findings: number;
}

/**
 * Readiness for the next level, without the explanation.
 */
export interface CompactNext {
    /**
     * The next level's id.
     */
    level: Id;
    /**
     * Whether the participant is ready for it under the pack's progression rule.
     */
    ready: boolean;
    /**
     * The share of the next level's competencies met, as a whole percentage.
     */
    percent: number;
    /**
     * The share the progression rule needs.
     */
    needed_percent: number;
    /**
     * The competencies still short of the next level's expectation.
     */
    missing: Id[];
}

/**
 * Competency ids grouped by state, each list in pack order.
 */
export interface ByState {
    /**
     * Met.
     */
    met: Id[];
    /**
     * Evidence that could meet it waits for review.
     */
    pending_review: Id[];
    /**
     * Evidence counted, below the required level.
     */
    not_met: Id[];
    /**
     * Nothing has counted yet.
     */
    not_yet_enough_evidence: Id[];
}

/**
 * A count, or `null` where it is suppressed (aggregate-only reports).
 */
export type Count = number | null;

/**
 * A cohort report (see the module documentation).
 */
export interface CohortReport {
    /**
     * `competency-rules/cohort@1`.
     */
    format: string;
    /**
     * The engine that produced it.
     */
    engine: EngineInfo;
    /**
     * The pack the participants were evaluated against.
     */
    pack: PackInfo;
    /**
     * The evaluation date.
     */
    as_of: string;
    /**
     * The options the report was made with.
     */
    options: CohortOptions;
    /**
     * The participants evaluated (those that could not be are in `unreadable`).
     */
    participants: Count;
    /**
     * The whole cohort, then each organization (by id), then each organizational level (in
     * pack order).
     */
    groups: CohortGroup[];
    /**
     * For each organizational level and each competency required there: how many of the
     * participants at that level meet it, have it pending review, or lack it.
     */
    gaps: CompetencyGap[];
    /**
     * The competencies that most often stand between participants and the next level, most
     * frequent first (suppressed counts last).
     */
    blockers: Blocker[];
    /**
     * The reasons evidence most often did not count, most frequent first (suppressed counts
     * last): what to fix in a catalogue entry or a process.
     */
    evidence_problems: EvidenceProblem[];
    /**
     * The documents that could not be read or evaluated.
     */
    unreadable: Unreadable;
    /**
     * With `aggregate_only`: how many counts are suppressed.
     */
    suppressed?: number;
}

/**
 * What a cohort report counts and shows. (In TypeScript, `CohortSettings`: the report's echo of
 * them; the npm package takes them in camelCase.)
 */
export interface CohortOptions {
    /**
     * "Ready soon" is at most this many competencies away from the next level (default 2).
     */
    ready_within: number;
    /**
     * "Near the time limit" is a deadline at most this many days after the evaluation date
     * (default 90).
     */
    near_days: number;
    /**
     * The breakdowns besides the whole cohort (default: by organization and by level).
     */
    group_by: GroupBy[];
    /**
     * No participant id anywhere, and counts under `min_cell` suppressed: the form to share
     * across organizations.
     */
    aggregate_only: boolean;
    /**
     * With `aggregate_only`, the smallest count shown (default 5); smaller ones, and those
     * that would give them away, are `null`.
     */
    min_cell: number;
}

/**
 * A breakdown of the cohort.
 */
export type GroupBy = "organization" | "level";

/**
 * One group of the cohort: the whole, an organization or an organizational level.
 */
export interface CohortGroup {
    /**
     * `all`, `organization` or `level`.
     */
    by: string;
    /**
     * `all`, the organization's id, or the level's id.
     */
    id: string;
    /**
     * Participants in the group.
     */
    participants: Count;
    /**
     * Participants by status (every status, in order).
     */
    status: Record<string, number | null>;
    /**
     * Participants by the level attained (`none` first, then the levels in pack order).
     */
    level_attained: Record<string, number | null>;
    /**
     * Participants whose time limit falls within `near_days` and who have not completed.
     */
    near_time_limit: Count;
    /**
     * Readiness for the next level.
     */
    readiness: Readiness;
    /**
     * Per next level (in pack order): how many are ready now, and ready soon.
     */
    bench: BenchStrength[];
    /**
     * Who completed, lapsed, or is near the time limit (left out with `aggregate_only`).
     */
    people?: CohortPeople;
}

/**
 * Readiness for the next level: every participant of a group is in one bucket.
 */
export interface Readiness {
    /**
     * Meets the next level under the pack's progression rule.
     */
    ready_now: ReadinessBucket;
    /**
     * At most `ready_within` competencies away.
     */
    ready_soon: ReadinessBucket;
    /**
     * Further away.
     */
    developing: ReadinessBucket;
    /**
     * At the top level: there is no next level.
     */
    top_level: ReadinessBucket;
}

/**
 * A readiness bucket: how many, and who (left out with `aggregate_only`).
 */
export interface ReadinessBucket {
    /**
     * How many participants.
     */
    count: Count;
    /**
     * Their ids, sorted.
     */
    participants?: string[];
}

/**
 * BenchStrength strength for one target level.
 */
export interface BenchStrength {
    /**
     * The next level's id.
     */
    level: string;
    /**
     * Ready for it now.
     */
    ready_now: Count;
    /**
     * Ready for it soon.
     */
    ready_soon: Count;
}

/**
 * Who completed, lapsed, or is near the time limit: participant ids, sorted.
 */
export interface CohortPeople {
    /**
     * Completed the program.
     */
    completed: string[];
    /**
     * Lapsed: the time limit passed before completion.
     */
    lapsed: string[];
    /**
     * Near the time limit.
     */
    near_time_limit: string[];
}

/**
 * One cell row of the gap matrix: a competency at an organizational level.
 */
export interface CompetencyGap {
    /**
     * The organizational level.
     */
    level: string;
    /**
     * The competency.
     */
    competency: string;
    /**
     * Participants at the level for whom it is required.
     */
    required: Count;
    /**
     * Of those, how many meet it.
     */
    met: Count;
    /**
     * Have evidence for it waiting for review.
     */
    pending_review: Count;
    /**
     * Lack it (not met, or not enough evidence yet).
     */
    lacking: Count;
    /**
     * The share that meets it, as a whole percentage of `required`.
     */
    met_percent: number | null;
}

/**
 * A competency that stands between participants and a next level.
 */
export interface Blocker {
    /**
     * The next level.
     */
    level: string;
    /**
     * The competency.
     */
    competency: string;
    /**
     * How many participants it holds back.
     */
    count: Count;
}

/**
 * A reason evidence did not count, across the cohort.
 */
export interface EvidenceProblem {
    /**
     * The reason's code (as in a report's `not_counted`).
     */
    code: string;
    /**
     * How many evidence items or claims it kept from counting.
     */
    count: Count;
}

/**
 * The documents that could not be read or evaluated.
 */
export interface Unreadable {
    /**
     * How many.
     */
    count: number;
    /**
     * How many for each failure code, in code order.
     */
    by_code: Record<string, number>;
    /**
     * Each one, where it is and why (left out with `aggregate_only`: an error may quote the
     * document).
     */
    documents?: UnreadableDocument[];
}

/**
 * A document that could not be read or evaluated.
 */
export interface UnreadableDocument {
    /**
     * The input it came from (a file name), when it has one.
     */
    source?: string;
    /**
     * Its position in that input, from 0.
     */
    index: number;
    /**
     * Why.
     */
    error: Failure;
}

/**
 * A what-if projection: the report as if every planned item were completed and approved on its
 * planned date, and what that changes.
 */
export interface Projection {
    /**
     * The date the projection is evaluated on: the evaluation date, or the latest planned date
     * when that is later.
     */
    as_of: string;
    /**
     * The planned items, by id, sorted.
     */
    planned: string[];
    /**
     * What changes from the actual report to the projected one, in report order: the status,
     * the level attained, readiness for the next level, then outcomes, competencies and
     * requirements.
     */
    changes: Change[];
    /**
     * The projected report (planned items that could not count are in its `not_counted`, with
     * the reasons evidence gets).
     */
    report: Report;
}

/**
 * One difference between the actual report and the projection.
 */
export interface Change {
    /**
     * What changes: `status`, `level_attained`, `next_level`, `outcome`, `competency` or
     * `requirement`.
     */
    what: string;
    /**
     * The outcome, competency or requirement id.
     */
    id?: Id;
    /**
     * Before: a status, a level id, `ready`/`not_ready`, a percentage, a competency state (with
     * the level achieved after a colon, `not_met:working`), or `met`/`not_met`.
     */
    from: string | null;
    /**
     * After, in the same terms.
     */
    to: string | null;
    /**
     * The planned items it comes through.
     */
    through: string[];
}

/**
 * A reason, finding or set-aside message: what a report's `reason.code` says.
 */
export type Message = "malformed" | "malformed_not_an_object" | "malformed_type" | "malformed_missing" | "malformed_not_one_of" | "malformed_date" | "malformed_id_too_long" | "duplicate_id" | "evidence_repeated" | "unknown_kind" | "future_date" | "rejected" | "pending_review" | "missing_item" | "unknown_item" | "wrong_kind_for_item" | "no_claims" | "unknown_competency" | "unknown_level" | "above_kind_max_level" | "claim_capped" | "equivalency_not_allowed" | "missing_topic" | "unknown_topic" | "too_old" | "expired" | "outside_claim_window" | "no_assessor" | "unknown_assessor_role" | "assessor_not_allowed" | "no_coach" | "not_participants_coach" | "ineligible_coach" | "no_mentor" | "not_participants_mentor" | "ineligible_mentor" | "missing_grade" | "below_min_grade" | "invalid_grade" | "over_prior_learning_cap" | "superseded_override" | "unknown_field" | "unused_field" | "level_alias" | "as_of_before_enrolment" | "coach_outside_organization" | "mentor_same_organization" | "chosen_outside_set" | "planned_not_projected" | "planned_after_time_limit" | "chosen_not_offered" | "chosen_repeated" | "mentor_not_appointed" | "competencies_met" | "competencies_not_met" | "coaching_met" | "coaching_not_met" | "coaching_no_coach" | "coaching_ineligible_coach" | "mentoring_met" | "mentoring_not_met" | "mentoring_no_mentor" | "mentoring_ineligible_mentor" | "chosen_met" | "chosen_short" | "chosen_too_many" | "chosen_not_agreed" | "final_assignment_met" | "final_assignment_pending" | "final_assignment_missing" | "time_limit_open" | "time_limit_met" | "time_limit_passed" | "time_limit_none" | "status_enrolled" | "status_in_progress" | "status_ready_for_final_assignment" | "status_completed" | "status_lapsed" | "to_go_competencies" | "to_go_coaching_sessions" | "to_go_mentoring_conversations" | "to_go_coach" | "to_go_mentor" | "to_go_final_assignment" | "to_go_chosen" | "next_level_ready" | "next_level_short" | "next_level_needs_completion" | "next_level_short_and_needs_completion" | "statement_refused" | "statement_repeated" | "statement_voided" | "statement_void_no_effect" | "statement_other_actor" | "statement_not_evidence" | "statement_not_activity" | "statement_unmapped_activity" | "statement_failed" | "statement_waiver_not_accepted";

/**
 * A label: of the text explanation (`explain`: headings, states, requirement and status names;
 * their templates are in native builds only, the WebAssembly module has no `explain`, but
 * their codes are known everywhere, so a pack that overrides them checks the same), and the
 * words messages are made of (`label.and`, `role.*`, `type.*`, `cell.*`), in every build.
 */
export type Label = "label.status" | "label.level" | "label.level_attained" | "label.next_level" | "label.none" | "label.outcomes" | "label.competencies" | "label.requirements" | "label.not_counted" | "label.findings" | "label.required" | "label.achieved" | "label.via" | "label.met_count" | "state.met" | "state.not_met" | "state.not_yet_enough_evidence" | "state.pending_review" | "state.not_required" | "state.not_chosen" | "requirement.competencies" | "requirement.coaching" | "requirement.mentoring" | "requirement.final_assignment" | "requirement.time_limit" | "requirement.chosen" | "label.and" | "label.missing_for_next_level" | "label.waiting_for_review" | "label.projection" | "label.by" | "label.no_change" | "label.ready" | "label.not_ready" | "label.planned_not_counting" | "label.override" | "override.raised" | "override.lowered" | "override.confirmed" | "override.not_applied" | "cell.effective" | "cell.ineffective" | "role.coach" | "role.mentor" | "role.program_assessor" | "role.provider" | "role.employer" | "type.string" | "type.number" | "type.whole_number" | "type.boolean" | "type.list" | "type.object" | "type.text_table" | "type.null" | "status.enrolled" | "status.in_progress" | "status.ready_for_final_assignment" | "status.completed" | "status.lapsed";

/**
 * A plan: the items to take, what each closes, what no item can close, and what else
 * completion needs.
 */
export interface Plan {
    /**
     * The planning date.
     */
    as_of: string;
    /**
     * The date the items are planned to be completed by.
     */
    complete_by: string;
    /**
     * `current`, `next` or `competencies`.
     */
    target: string;
    /**
     * The competencies named, at the levels planned for (a `competencies` target).
     */
    named: GoalRef[];
    /**
     * What the plan minimizes.
     */
    by: Measure;
    /**
     * Whether the search finished: the plan is then a proven minimum.
     */
    optimal: boolean;
    /**
     * A lower bound on the measure of any plan reaching what this one reaches (the plan's own
     * total when `optimal`).
     */
    lower_bound: number;
    /**
     * Whether the plan reaches the whole target (else it closes what the catalogue can, and
     * `gaps` says what is left).
     */
    reaches_target: boolean;
    /**
     * Totals over the items.
     */
    total: PlanTotal;
    /**
     * The items, in catalogue order, each with what it closes.
     */
    items: PlanItem[];
    /**
     * The items as planned items, ready to add to the participant's `planned`.
     */
    planned: Planned[];
    /**
     * Target competencies the plan leaves short: no catalogue item can close them (or, where
     * the target needs only a share, they are not needed), with what could.
     */
    gaps: Gap[];
    /**
     * Catalogue items that would close a gap but cannot count by the completion date, and why.
     */
    not_plannable: NotPlannable[];
    /**
     * Evidence of catalogue items waiting for review (not planned again).
     */
    pending: string[];
    /**
     * What else completion needs, as the projection reports it (coaching sessions, mentoring
     * conversations, the final assignment, chosen competencies).
     */
    also_needed: RequirementResult[];
    /**
     * The participant's time limit, and the days left from the planning date.
     */
    deadline?: string;
    /**
     * Days from the planning date to the deadline (negative once past).
     */
    days_left?: number;
    /**
     * Whether the time limit passes before the completion date: the items would count for the
     * competencies, but the program would have lapsed.
     */
    after_time_limit: boolean;
    /**
     * Where the participant stands on the planning date, and with the plan.
     */
    now: Standing;
    /**
     * Where the participant would stand with the plan completed.
     */
    then: Standing;
    /**
     * Search nodes visited.
     */
    nodes: number;
    /**
     * The what-if evaluation of the plan (it confirmed what the plan closes).
     */
    projection: Projection;
}

/**
 * What a plan minimizes.
 */
export type Measure = "count" | "hours" | "cost";

/**
 * Where a participant stands: competencies met at their level, and the next level's share.
 */
export interface Standing {
    /**
     * Competencies met at the participant's level.
     */
    met: number;
    /**
     * Competencies required there.
     */
    required: number;
    /**
     * The share of the next level's profile met, if there is a next level.
     */
    next_level_percent?: number;
}

/**
 * Totals over a plan's items.
 */
export interface PlanTotal {
    /**
     * How many items.
     */
    items: number;
    /**
     * Their hours, where every item gives them.
     */
    hours?: number;
    /**
     * Their cost, where every item gives it.
     */
    cost?: number;
}

/**
 * A catalogue item of a plan.
 */
export interface PlanItem {
    /**
     * The catalogue item.
     */
    item: string;
    /**
     * Its evidence kind.
     */
    kind: string;
    /**
     * The id it has in `planned` (and in the projection's evidence).
     */
    planned: string;
    /**
     * Whether it is recognition of prior learning (a designation, a waiver): it counts only if
     * the participant already holds it, claimed within the window.
     */
    equivalency: boolean;
    /**
     * Its hours, if the catalogue gives them.
     */
    hours?: number;
    /**
     * Its cost, if the catalogue gives it.
     */
    cost?: number;
    /**
     * The target competencies it closes (alone, or with the plan's other items through a rule).
     */
    closes: GoalRef[];
}

/**
 * A target competency at a level.
 */
export interface GoalRef {
    /**
     * The competency.
     */
    competency: string;
    /**
     * The level the target needs.
     */
    level: string;
    /**
     * What it is needed for: `current` (completing the current level), `next` (readiness for
     * the next level) or `target` (named by the caller).
     */
    for: string;
}

/**
 * A target competency the plan leaves short, and what could close it.
 */
export interface Gap extends GoalRef {
    /**
     * Whether a catalogue item could close it (a gap left because the target needs only a
     * share of its competencies) or none can.
     */
    catalogue_can_close: boolean;
    /**
     * Evidence kinds that could show it (self-study, work project, prior learning while the
     * claim window is open), with who may assess them.
     */
    kinds: GapKind[];
    /**
     * Rules that grant it at the level needed.
     */
    rules: string[];
    /**
     * Evidence waiting for review that would give it.
     */
    pending: string[];
}

/**
 * An evidence kind that could close a gap.
 */
export interface GapKind {
    /**
     * The kind.
     */
    kind: string;
    /**
     * The assessor roles that may assess it.
     */
    assessors: string[];
}

/**
 * A catalogue item that would help but cannot count by the completion date.
 */
export interface NotPlannable {
    /**
     * The item.
     */
    item: string;
    /**
     * Why (the reason evidence would get).
     */
    reason: Reason;
}

/**
 * The labels of a plan's text (`competency-rules plan --format text`), in builds with the
 * planner (elsewhere a pack's `plan.*` overrides are taken as given: see
 * [`super::is_known_code`]).
 */
export type PlanLabel = "plan.title" | "plan.target_current" | "plan.target_next" | "plan.target_competencies" | "plan.optimal" | "plan.not_optimal" | "plan.unreached" | "plan.items" | "plan.no_items" | "plan.closes" | "plan.count" | "plan.hours" | "plan.cost" | "plan.total" | "plan.after_time_limit" | "plan.already_met" | "plan.only_if_held" | "plan.result_competencies" | "plan.result_next" | "plan.deadline" | "plan.deadline_passed" | "plan.gaps" | "plan.gaps_not_needed" | "plan.show_by" | "plan.or_through" | "plan.for_next" | "plan.not_plannable" | "plan.also_needed";

/**
 * Identifies a pack in reports.
 */
export interface PackInfo {
    /**
     * The program id.
     */
    id: string;
    /**
     * The pack version.
     */
    version: string;
    /**
     * `sha256:` and the hash of the pack's canonical JSON form: equal packs, written as TOML or
     * JSON, in one file or several, have equal fingerprints.
     */
    fingerprint: string;
}

/**
 * A whole pack document, as decoded from one or more files.
 *
 * (The loader decodes section by section to report every problem; `Deserialize` is derived so the
 * published JSON Schema says exactly which sections are optional.)
 */
export interface PackDoc {
    /**
     * Must be [`PACK_FORMAT`].
     */
    format: string;
    /**
     * `[program]`.
     */
    program: ProgramDoc;
    /**
     * `[scale]`, or `[[scale]]` (the first is the default).
     */
    scale: Scales;
    /**
     * `[[level]]`: organizational levels, front line first.
     */
    level: LevelDoc[];
    /**
     * `[[outcome]]`: learning outcomes (clusters of competencies); a framework without clusters
     * leaves them out.
     */
    outcome?: NamedDoc[];
    /**
     * `[[competency]]`.
     */
    competency: CompetencyDoc[];
    /**
     * `[[evidence_kind]]`.
     */
    evidence_kind: EvidenceKindDoc[];
    /**
     * `[[catalogue]]`.
     */
    catalogue?: CatalogueItemDoc[];
    /**
     * `[[rule]]`.
     */
    rule?: RuleDoc[];
    /**
     * `[equivalency]`.
     */
    equivalency?: EquivalencyDoc;
    /**
     * `[coaching]`.
     */
    coaching?: CoachingDoc | null;
    /**
     * `[mentoring]`.
     */
    mentoring?: MentoringDoc | null;
    /**
     * `[final_assignment]`.
     */
    final_assignment?: FinalAssignmentDoc | null;
    /**
     * `[[completion]]`.
     */
    completion: CompletionDoc[];
    /**
     * `[progression]`.
     */
    progression?: ProgressionDoc;
    /**
     * `[precedence]`.
     */
    precedence: PrecedenceDoc;
    /**
     * `[messages.<lang>]`: message templates overriding the engine's defaults.
     */
    messages?: Record<string, Record<string, string>>;
    /**
     * `[xapi]`: how xAPI/cmi5 statements become evidence.
     */
    xapi?: XapiDoc;
    /**
     * `[credential]`: the credentials issued for this program.
     */
    credential?: CredentialDoc;
}

/**
 * `[program]`: who the pack is for.
 */
export interface ProgramDoc {
    /**
     * Stable id of the program, e.g. `hslp`.
     */
    id: string;
    /**
     * Version of this pack (any string; semantic versioning recommended).
     */
    version: string;
    /**
     * The program's name.
     */
    name: Text;
    /**
     * What the program is.
     */
    description?: Text | null;
    /**
     * A notice shown with every report (e.g. "illustrative encoding").
     */
    notice?: Text | null;
    /**
     * Languages every name and message must be given in; the first is the default.
     */
    languages: string[];
}

/**
 * One named entry (a proficiency, an organizational level, a learning outcome, a topic).
 */
export interface NamedDoc {
    /**
     * Stable id, referenced elsewhere in the pack and by participants.
     */
    id: string;
    /**
     * Display name per language.
     */
    name: Text;
    /**
     * One-line description per language.
     */
    description?: Text | null;
}

/**
 * `[[level]]`: an organizational level.
 */
export interface LevelDoc {
    /**
     * Stable id, referenced elsewhere in the pack and by participants.
     */
    id: string;
    /**
     * Display name per language.
     */
    name: Text;
    /**
     * One-line description per language.
     */
    description?: Text | null;
    /**
     * Other names participants' records use for this level: job groups or classifications
     * (`EX-01`, `EX-02`). A participant whose `level` is an alias is evaluated at this level.
     */
    aliases?: string[];
}

/**
 * `[scale]`, or `[[scale]]` for a framework that rates some competencies on another scale (say,
 * leadership competencies and personal attributes): the first scale is the default, and a
 * competency names the one it uses.
 */
export type Scales = ScaleDoc | ScaleDoc[];

/**
 * A proficiency scale (`[scale]`, or one entry of `[[scale]]`), lowest level first.
 */
export interface ScaleDoc {
    /**
     * Stable id of the scale.
     */
    id: string;
    /**
     * Display name per language.
     */
    name: Text;
    /**
     * The proficiency levels, lowest first.
     */
    level: NamedDoc[];
}

/**
 * `[[competency]]`: one competency of the matrix.
 */
export interface CompetencyDoc {
    /**
     * Stable id, e.g. `ssm.systems_thinking`.
     */
    id: string;
    /**
     * The learning outcome (cluster) it belongs to: required when the pack has outcomes, absent
     * when it has none.
     */
    outcome?: string;
    /**
     * The proficiency scale it is rated on (a `[[scale]]` id); the first scale when absent.
     */
    scale?: string;
    /**
     * Display name per language.
     */
    name: Text;
    /**
     * One-line description per language.
     */
    description: Text;
    /**
     * The matrix's cells for this competency: per organizational level, the expected
     * proficiency (a scale level id or `not_required`), alone or with what the competency looks
     * like at that level.
     */
    expected: Record<string, CellDoc>;
    /**
     * What each proficiency level of the scale means for this competency (scale level id →
     * text), where the program describes it.
     */
    proficiency?: Record<string, Text>;
    /**
     * Whether the competency may be obtained by equivalency (prior learning, designations,
     * equivalency rules). `false` marks a capstone competency.
     */
    allow_equivalency?: boolean;
    /**
     * Cross-references to items of other frameworks (kept from a CASE import, written back as
     * CASE associations by the export).
     */
    references?: ReferenceDoc[];
}

/**
 * One cell of the matrix: what a competency is expected to be at one organizational level.
 * Written `supervisor = "working"` (the short form) or as a table with the level and what the
 * competency looks like there.
 */
export type CellDoc = string | DescribedCellDoc;

/**
 * A matrix cell's long form.
 */
export interface DescribedCellDoc {
    /**
     * The expected proficiency level id, or `not_required`.
     */
    level: string;
    /**
     * What the competency looks like at this organizational level, per language.
     */
    description?: Text;
    /**
     * Behaviour indicators: what a person who has the competency at this level does (each in
     * every language).
     */
    indicators?: Text[];
    /**
     * Ineffective behaviours: what falls short at this level (each in every language).
     */
    ineffective?: Text[];
}

/**
 * A cross-reference from a competency to an item of another framework.
 */
export interface ReferenceDoc {
    /**
     * How the two relate.
     */
    relation: Relation;
    /**
     * The other item's URI (for CASE: its `uri`).
     */
    uri: string;
    /**
     * The other item's title or statement, when known.
     */
    title?: string;
}

/**
 * How a competency relates to an item of another framework.
 */
export type Relation = "exact_match" | "related";

/**
 * `[[evidence_kind]]`: a kind of evidence a participant may submit.
 */
export interface EvidenceKindDoc {
    /**
     * Stable id, e.g. `prior_learning`.
     */
    id: string;
    /**
     * Display name per language.
     */
    name: Text;
    /**
     * What the engine does with items of this kind.
     */
    counts_as: CountsAs;
    /**
     * Whether items of this kind are equivalency (recognition of prior learning): subject to the
     * claim window, the cap, and refused for competencies that do not allow equivalency.
     */
    equivalency?: boolean;
    /**
     * Who may assess items of this kind.
     */
    assessors: AssessorRole[];
    /**
     * How old (months from its date to the evaluation date) an item may be and still count.
     */
    max_age_months?: number | null;
    /**
     * The highest proficiency an item of this kind may demonstrate (claims only).
     */
    max_level?: string | null;
    /**
     * What a claim above `max_level` gets: refused (the default), or credited at `max_level`.
     */
    above_max_level?: AboveMaxLevel;
}

/**
 * What an evidence kind does in the engine.
 */
export type CountsAs = "competency_claims" | "catalogue_item" | "coaching_session" | "mentoring_conversation" | "final_assignment" | "override";

/**
 * Who may assess (or confirm) evidence.
 */
export type AssessorRole = "coach" | "mentor" | "program_assessor" | "provider" | "employer";

/**
 * What a claim above its evidence kind's `max_level` gets.
 */
export type AboveMaxLevel = "refuse" | "cap";

/**
 * `[[catalogue]]`: a course, training program or designation and what it grants.
 */
export interface CatalogueItemDoc {
    /**
     * Stable id, referenced by evidence items (`item`).
     */
    id: string;
    /**
     * The evidence kind completions of this item are submitted as.
     */
    kind: string;
    /**
     * Who offers it.
     */
    provider?: string | null;
    /**
     * Display name per language.
     */
    name: Text;
    /**
     * The minimum grade (0–100) a completion needs; none means pass/complete is enough.
     */
    min_grade?: number | null;
    /**
     * How long (months from completion) a completion stays valid.
     */
    valid_months?: number | null;
    /**
     * How many hours it takes (the planner can minimize a plan's hours).
     */
    hours?: number;
    /**
     * What it costs, in the program's currency (the planner can minimize a plan's cost).
     */
    cost?: number;
    /**
     * What a valid completion grants.
     */
    grants: GrantDoc[];
    /**
     * xAPI/cmi5 activity ids (IRIs) whose completion statements are completions of this item.
     */
    activities?: string[];
}

/**
 * A competency at a proficiency level, granted by a catalogue item or a rule.
 */
export interface GrantDoc {
    /**
     * The competency id.
     */
    competency: string;
    /**
     * The proficiency level id.
     */
    level: string;
}

/**
 * `[xapi]`: how xAPI/cmi5 statements become evidence.
 */
export interface XapiDoc {
    /**
     * The assessor role recorded for evidence read from statements (the LMS reporting them).
     * cmi5 `waived` statements become items of `[equivalency] waiver_kind`.
     */
    assessor?: AssessorRole;
}

/**
 * `[credential]`: the credentials issued for this program.
 */
export interface CredentialDoc {
    /**
     * How long (months from the award) an issued credential is valid; none means no expiry.
     */
    valid_months?: number | null;
}

/**
 * `[[rule]]`: an equivalency rule granting competencies when a condition holds.
 */
export interface RuleDoc {
    /**
     * Stable id, shown in reports as the rule through which evidence counted.
     */
    id: string;
    /**
     * Display name per language.
     */
    name?: Text | null;
    /**
     * What the rule grants when its condition holds.
     */
    grants: GrantDoc[];
    /**
     * The condition.
     */
    when: ConditionDoc;
    /**
     * Whether this rule is an equivalency (it may then not grant capstone competencies).
     */
    equivalency?: boolean;
}

/**
 * A condition of an equivalency rule: exactly one of the combinators or leaves.
 */
export interface ConditionDoc {
    /**
     * Every sub-condition holds.
     */
    all?: ConditionDoc[] | null;
    /**
     * At least one sub-condition holds.
     */
    any?: ConditionDoc[] | null;
    /**
     * At least `n` sub-conditions hold.
     */
    n_of?: NOfDoc | null;
    /**
     * The awards of the sub-conditions that hold add up to at least `min`.
     */
    points?: PointsDoc | null;
    /**
     * Leaf: a counted completion of this catalogue item.
     */
    item?: string | null;
    /**
     * Leaf: this competency achieved (at least at `level`), or with `kind`: claimed by that kind.
     */
    competency?: string | null;
    /**
     * With `competency`: the minimum proficiency level.
     */
    level?: string | null;
    /**
     * Leaf: counted evidence items of this kind (at least `count`, default 1).
     */
    kind?: string | null;
    /**
     * With `kind`: how many items are needed.
     */
    count?: number | null;
    /**
     * Inside `points.from`: the points this condition is worth when it holds.
     */
    award?: number | null;
}

/**
 * `n_of = { n = 2, of = [...] }`.
 */
export interface NOfDoc {
    /**
     * How many sub-conditions must hold.
     */
    n: number;
    /**
     * The sub-conditions.
     */
    of: ConditionDoc[];
}

/**
 * `points = { min = 10, from = [...] }`.
 */
export interface PointsDoc {
    /**
     * The threshold.
     */
    min: number;
    /**
     * Sub-conditions, each with an `award`.
     */
    from: ConditionDoc[];
}

/**
 * `[equivalency]`: limits on recognition of prior learning.
 */
export interface EquivalencyDoc {
    /**
     * Equivalency must be claimed within this many days of enrolment.
     */
    claim_window_days?: number | null;
    /**
     * At most this percentage of the competencies required at the participant's level may be
     * credited through equivalency evidence.
     */
    max_percent?: number | null;
    /**
     * An evidence kind whose items waive a catalogue item of any kind (an administrative waiver,
     * a cmi5 `waived` statement): a `catalogue_item` kind with `equivalency = true`. A waiver
     * counts as an equivalency completion of the item it names, without a grade.
     */
    waiver_kind?: string;
}

/**
 * `[[completion]]`: what completing the program means at one organizational level.
 */
export interface CompletionDoc {
    /**
     * The organizational level.
     */
    level: string;
    /**
     * Percentage of the competencies required at the level that must be met (default 100).
     */
    competencies_percent?: number;
    /**
     * Approved coaching sessions needed.
     */
    coaching_sessions?: number;
    /**
     * Approved mentoring conversations needed.
     */
    mentoring_conversations?: number;
    /**
     * Whether a passing final assignment is needed.
     */
    final_assignment?: boolean;
    /**
     * The program must be completed within this many months of enrolment.
     */
    time_limit_months?: number | null;
    /**
     * Competencies each participant chooses (with their manager) from a set: the ones chosen are
     * required, the others of the set are not; the rest of the level's matrix is the core.
     */
    chosen?: ChosenDoc;
}

/**
 * `chosen` in `[[completion]]`: how many competencies a participant chooses, and from which.
 */
export interface ChosenDoc {
    /**
     * How many the participant chooses (at least 1, at most the size of `from`).
     */
    count: number;
    /**
     * The competencies to choose from (each required at the level in the matrix).
     */
    from: string[];
}

/**
 * `[coaching]`: who may coach.
 */
export interface CoachingDoc {
    /**
     * The coach must belong to the participant's organization.
     */
    same_organization?: boolean;
}

/**
 * `[mentoring]`: who may mentor.
 */
export interface MentoringDoc {
    /**
     * The mentor must belong to another organization than the participant's.
     */
    other_organization?: boolean;
    /**
     * Who must appoint the mentor (matched against the participant's `mentor.appointed_by`).
     */
    appointed_by?: string | null;
}

/**
 * `[final_assignment]`: the final evaluative assignment.
 */
export interface FinalAssignmentDoc {
    /**
     * The topics an assignment may take; empty means any topic.
     */
    topic?: NamedDoc[];
    /**
     * The passing grade (0–100).
     */
    min_grade?: number | null;
}

/**
 * `[progression]`: when a participant is ready for the next organizational level.
 */
export interface ProgressionDoc {
    /**
     * Percentage of the next level's required competencies that must already be met at the next
     * level's expectation.
     */
    next_level_percent?: number;
    /**
     * Whether the program must be completed at the current level first.
     */
    requires_completion?: boolean;
}

/**
 * `[precedence]`.
 */
export interface PrecedenceDoc {
    /**
     * How an assessor's override combines with derived levels.
     */
    assessor_override: OverridePolicy;
}

/**
 * How an assessor's override combines with what rules derive.
 */
export type OverridePolicy = "highest_wins" | "override_wins" | "rules_win";

/**
 * One problem found in a document, with its location.
 */
export interface Diagnostic {
    /**
     * Error or warning.
     */
    severity: Severity;
    /**
     * A stable, machine-readable code such as `unknown_id` or `missing_translation`.
     */
    code: DiagnosticCode;
    /**
     * What is wrong, in English, naming the values involved.
     */
    message: string;
    /**
     * The file the problem is in (a pack file name, or `<input>` for a string).
     */
    file?: string;
    /**
     * The key path inside the document, e.g. `competency[3].expected.manager`; empty for the whole document.
     */
    path: string;
    /**
     * 1-based line, where the format gives it.
     */
    line?: number;
    /**
     * 1-based column (in characters), where the format gives it.
     */
    column?: number;
}

/**
 * What is wrong with a rule pack: the `code` of a [`Diagnostic`]. The table is the reference
 * `docs/messages.md` is generated from.
 */
export type DiagnosticCode = "io" | "syntax" | "not_a_table" | "equivalency_unstated" | "not_a_pack_file" | "duplicate_section" | "toml_unsupported" | "limit_exceeded" | "missing_section" | "unknown_section" | "missing_key" | "unknown_key" | "invalid_type" | "invalid_value" | "unsupported_format" | "invalid_id" | "duplicate_id" | "unknown_id" | "wrong_kind" | "duplicate_activity" | "invalid_uri" | "assessor_not_accepted" | "empty" | "empty_text" | "out_of_range" | "too_many_levels" | "levels_out_of_order" | "not_applicable" | "equivalency_not_allowed" | "invalid_condition" | "cycle" | "missing_completion" | "missing_expectation" | "empty_outcome" | "never_required" | "grants_nothing" | "unreachable" | "unknown_message" | "unknown_placeholder" | "unused_translation" | "missing_translation";

/**
 * How serious a diagnostic is.
 */
export type Severity = "error" | "warning";

/**
 * A failed call: what went wrong, where, and every detail the caller needs to show it.
 */
export interface Failure {
    /**
     * Why it failed.
     */
    code: FailureCode;
    /**
     * The path of the offending argument or field (`asOf`, `evidence`, `files[2].name`); empty
     * for the whole input.
     */
    path: string;
    /**
     * What is wrong, in English.
     */
    message: string;
    /**
     * 1-based line in the text given, where there is one.
     */
    line?: number;
    /**
     * 1-based column in the text given, where there is one.
     */
    column?: number;
    /**
     * A refused pack's diagnostics, each with its file, path, line and column.
     */
    diagnostics: Diagnostic[];
    /**
     * What is wrong with the field at `path`, in terms a message in any language can be written
     * from (the npm package writes its French message from it), where the failure has them.
     */
    detail?: FailureDetail;
}

/**
 * Why a call failed: the `code` of a [`Failure`] (and of the npm package's errors).
 */
export type FailureCode = "invalid_pack" | "syntax" | "invalid_document" | "unknown_level" | "limit_exceeded" | "invalid_argument" | "invalid_date" | "no_agents" | "invalid_case" | "not_eligible" | "duplicate_participant" | "input_unreadable" | "empty_input" | "internal" | "not_in_this_build" | "engine_crashed" | "freed" | "not_started";

/**
 * What is wrong with a field, in codes rather than words: `wrong` says which, the rest what it is.
 */
export interface FailureDetail {
    /**
     * `type` (a value of another type than `expected`: `found`), `missing` (a required field),
     * `not_one_of` (`value` is not among `choices`), `date` (`value` is not a date written
     * YYYY-MM-DD), `unknown_level` (`value` is not among the pack's levels, `choices`),
     * `unknown_language` (`value` is not among the pack's languages, `choices`).
     */
    wrong: string;
    /**
     * The type the field should have (`string`, `number`, `whole_number`, `boolean`, `list`,
     * `object`, `text_table`, `null`).
     */
    expected?: string;
    /**
     * The type it has.
     */
    found?: string;
    /**
     * The value given.
     */
    value?: string;
    /**
     * The values allowed, joined with `, `.
     */
    choices?: string;
}
