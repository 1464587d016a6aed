//! The evaluation report: everything the engine decided about one participant on one date, and why.
//!
//! Every list is in a canonical order (pack order for competencies, outcomes and requirements; id
//! order for evidence), so the same pack, participant and date serialize to the same bytes whatever
//! order the evidence came in.

use crate::date::Date;
use crate::pack::PackInfo;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// An id from the pack (competency, level, rule...), shared with the compiled pack so reports
/// reference it without copying.
pub type Id = Arc<str>;

/// The engine's name and version, so a server can detect version skew.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct EngineInfo {
    /// `competency-rules`.
    pub name: &'static str,
    /// The crate version.
    pub version: &'static str,
}

impl EngineInfo {
    /// This engine.
    pub const CURRENT: EngineInfo = EngineInfo {
        name: env!("CARGO_PKG_NAME"),
        version: env!("CARGO_PKG_VERSION"),
    };
}

/// A reason: a stable code, its parameters, and the message in each of the pack's languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Reason {
    /// Stable machine-readable code (see the message catalogue).
    pub code: crate::messages::Message,
    /// The values the message mentions (ids, dates, counts).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
    /// The message, per language.
    pub message: BTreeMap<String, String>,
}

crate::codes::id_enum! {
    /// The overall status of a participant.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
    #[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
    #[non_exhaustive]
    pub enum Status {
        /// Enrolled; nothing has counted yet.
        Enrolled = "enrolled",
        /// Some evidence has counted.
        InProgress = "in_progress",
        /// Every requirement but the final assignment is met.
        ReadyForFinalAssignment = "ready_for_final_assignment",
        /// Every completion requirement is met.
        Completed = "completed",
        /// The time limit passed before completion.
        Lapsed = "lapsed",
    }
}

crate::codes::id_enum! {
    /// Where a participant stands on one competency.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
    #[non_exhaustive]
    pub enum CompetencyState {
        /// The achieved level meets the required one.
        Met = "met",
        /// Evidence counted, but the achieved level is below the required one.
        NotMet = "not_met",
        /// No evidence has counted for it yet.
        NotYetEnoughEvidence = "not_yet_enough_evidence",
        /// Not met, and evidence that could meet it is waiting for review.
        PendingReview = "pending_review",
        /// Not required at the participant's level.
        NotRequired = "not_required",
    }
}

/// How evidence reached a competency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Via {
    /// A claim of an evidence item (prior learning, self-study, work project), assessed.
    Claim,
    /// A catalogue item's grant (course, training, designation).
    Catalogue,
    /// An equivalency rule whose condition held.
    Rule,
}

/// One way a competency was achieved at a level.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Source {
    /// Claim, catalogue or rule.
    pub via: Via,
    /// The evidence kind (claims), catalogue item or rule id.
    pub from: Id,
    /// The level it gives.
    pub level: Id,
    /// Whether it is equivalency (recognition of prior learning).
    pub equivalency: bool,
    /// The evidence items that counted, by id.
    pub evidence: Vec<String>,
}

/// An assessor's override and what it did under the pack's precedence policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct OverrideResult {
    /// The override evidence item.
    pub evidence: String,
    /// The level the assessor set.
    pub level: Id,
    /// The pack's policy (`highest_wins`, `override_wins`, `rules_win`).
    pub policy: &'static str,
    /// `raised`, `lowered`, `confirmed` (same as derived) or `not_applied`.
    pub effect: &'static str,
}

/// The result for one competency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct CompetencyResult {
    /// The competency id.
    pub id: Id,
    /// Its learning outcome (absent in a pack without outcomes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Id>,
    /// For a competency the participant's level lets them choose: whether they chose it (only
    /// chosen ones are required). Absent for the others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chosen: Option<bool>,
    /// The level required at the participant's organizational level (none: not required).
    pub required: Option<Id>,
    /// The level achieved (none: nothing yet).
    pub achieved: Option<Id>,
    /// The level derived from evidence and rules, before any override.
    pub derived: Option<Id>,
    /// The state.
    pub state: CompetencyState,
    /// Every way it was achieved.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Evidence waiting for review that claims or grants it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pending: Vec<String>,
    /// The assessor's override, if one applies.
    #[serde(rename = "override", skip_serializing_if = "Option::is_none")]
    pub override_: Option<OverrideResult>,
}

/// Progress in one learning outcome at the participant's level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct OutcomeProgress {
    /// The outcome id.
    pub id: Id,
    /// Competencies of this outcome required at the level.
    pub required: usize,
    /// Of those, met.
    pub met: usize,
    /// Of those, pending review.
    pub pending: usize,
    /// `met / required` as a whole percentage (rounded down; 100 when nothing is required).
    pub percent: u32,
}

/// One completion requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct RequirementResult {
    /// `competencies`, `coaching`, `mentoring`, `final_assignment` or `time_limit`.
    pub id: &'static str,
    /// Whether it is met (for the time limit: not broken).
    pub met: bool,
    /// Why.
    pub reason: Reason,
    /// The evidence that counted toward it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

/// Readiness for the next organizational level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct NextLevel {
    /// The next level's id.
    pub level: Id,
    /// Whether the participant is ready for it under the pack's progression rule.
    pub ready: bool,
    /// Why (or why not): what was met against what the rule needs, and whether the current
    /// level must be completed first.
    pub reason: Reason,
    /// Competencies required at the next level.
    pub required: usize,
    /// Of those, already met at the next level's expectation.
    pub met: usize,
    /// `met / required` as a whole percentage.
    pub percent: u32,
    /// The percentage the progression rule needs.
    pub needed_percent: u32,
    /// Whether the rule also needs completion at the current level.
    pub requires_completion: bool,
    /// The competencies still short of the next level's expectation.
    pub missing: Vec<Id>,
}

/// An evidence item, or one claim of it, that did not count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct NotCounted {
    /// The evidence id (none when it could not be read).
    pub evidence: Option<String>,
    /// Where the item is in the document, for items that could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// For a single claim or grant: the competency it concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub competency: Option<String>,
    /// Why it did not count.
    pub reason: Reason,
}

/// Something about the participant document worth knowing that is not one evidence item's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Finding {
    /// The evidence item concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The field concerned (a path inside the document or the item).
    pub field: String,
    /// What is wrong.
    pub reason: Reason,
}

/// The report for one participant on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Report {
    /// The engine that produced it.
    pub engine: EngineInfo,
    /// The pack it was evaluated against.
    pub pack: PackInfo,
    /// The participant id.
    pub participant: String,
    /// The evaluation date.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub as_of: Date,
    /// The participant's organizational level.
    pub level: String,
    /// The overall status.
    pub status: Status,
    /// Why, in words.
    pub status_reason: Reason,
    /// The highest organizational level whose required competencies (and every lower level's) are all met.
    pub level_attained: Option<Id>,
    /// Readiness for the next level (none at the top level).
    pub next_level: Option<NextLevel>,
    /// Progress per learning outcome.
    pub outcomes: Vec<OutcomeProgress>,
    /// Per competency, in pack order.
    pub competencies: Vec<CompetencyResult>,
    /// The completion requirements at the participant's level.
    pub requirements: Vec<RequirementResult>,
    /// Every evidence item or claim that did not count, and why.
    pub not_counted: Vec<NotCounted>,
    /// Problems in the participant document that do not stop evaluation.
    pub findings: Vec<Finding>,
    /// Where the participant's planned items would leave them (what-if): present when the
    /// participant has planned items (in builds with the `planning` feature).
    #[cfg(feature = "planning")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection: Option<Box<Projection>>,
}

/// A what-if projection: the report as if every planned item were completed and approved on its
/// planned date, and what that changes.
#[cfg(feature = "planning")]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Projection {
    /// The date the projection is evaluated on: the evaluation date, or the latest planned date
    /// when that is later.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub as_of: Date,
    /// The planned items, by id, sorted.
    pub planned: Vec<String>,
    /// What changes from the actual report to the projected one, in report order: the status,
    /// the level attained, readiness for the next level, then outcomes, competencies and
    /// requirements.
    pub changes: Vec<Change>,
    /// The projected report (planned items that could not count are in its `not_counted`, with
    /// the reasons evidence gets).
    pub report: Report,
}

/// One difference between the actual report and the projection.
#[cfg(feature = "planning")]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Change {
    /// What changes: `status`, `level_attained`, `next_level`, `outcome`, `competency` or
    /// `requirement`.
    pub what: &'static str,
    /// The outcome, competency or requirement id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Before: a status, a level id, `ready`/`not_ready`, a percentage, a competency state (with
    /// the level achieved after a colon, `not_met:working`), or `met`/`not_met`.
    pub from: Option<String>,
    /// After, in the same terms.
    pub to: Option<String>,
    /// The planned items it comes through.
    pub through: Vec<String>,
}

impl Report {
    /// The report as compact JSON (deterministic bytes).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The report as indented JSON (deterministic bytes).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The result for competency `id`.
    pub fn competency(&self, id: &str) -> Option<&CompetencyResult> {
        self.competencies.iter().find(|c| &*c.id == id)
    }

    /// The requirement `id`.
    pub fn requirement(&self, id: &str) -> Option<&RequirementResult> {
        self.requirements.iter().find(|r| r.id == id)
    }
}
