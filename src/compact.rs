//! The compact form of a report: the answer without the explanation. Status, levels, each
//! competency's state and level, which requirements are met, and how many evidence items did not
//! count for each reason: what a status badge, a batch or a cohort needs, without sources, reasons
//! or messages. [`evaluate_compact`] evaluates without writing any message.

use crate::date::Date;
use crate::eval::{EvaluateError, EvaluateOptions, evaluate_with};
use crate::messages::Message;
use crate::pack::Pack;
use crate::participant::Participant;
use crate::report::{CompetencyState, Id, Report, Status};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// A report's facts without its explanation (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Compact {
    /// The participant id.
    pub participant: String,
    /// The evaluation date.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub as_of: Date,
    /// The participant's organizational level, as the document gives it.
    pub level: String,
    /// The overall status.
    pub status: Status,
    /// The highest organizational level whose required competencies (and every lower level's)
    /// are all met.
    pub level_attained: Option<Id>,
    /// Readiness for the next level (none at the top level).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_level: Option<CompactNext>,
    /// The time limit's date, when the level has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub deadline: Option<Date>,
    /// The competencies by state, each list in pack order (competencies not required at the
    /// participant's level are left out).
    pub competencies: ByState,
    /// The level achieved in each competency that has one, in pack order.
    #[serde(serialize_with = "as_map")]
    #[cfg_attr(feature = "ts-types", tsify(type = "Record<string, string>"))]
    pub achieved: Vec<(Id, Id)>,
    /// Each completion requirement (`competencies`, `coaching`, `mentoring`,
    /// `final_assignment`, `time_limit`): met or not, in the report's order.
    #[serde(serialize_with = "as_map")]
    #[cfg_attr(feature = "ts-types", tsify(type = "Record<string, boolean>"))]
    pub requirements: Vec<(&'static str, bool)>,
    /// How many evidence items or claims did not count, by reason code (in code order).
    #[serde(serialize_with = "as_map")]
    #[cfg_attr(feature = "ts-types", tsify(type = "Record<string, number>"))]
    pub not_counted: Vec<(Message, usize)>,
    /// How many findings (problems in the document that did not stop evaluation).
    pub findings: usize,
}

/// Readiness for the next level, without the explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct CompactNext {
    /// The next level's id.
    pub level: Id,
    /// Whether the participant is ready for it under the pack's progression rule.
    pub ready: bool,
    /// The share of the next level's competencies met, as a whole percentage.
    pub percent: u32,
    /// The share the progression rule needs.
    pub needed_percent: u32,
    /// The competencies still short of the next level's expectation.
    pub missing: Vec<Id>,
}

/// Competency ids grouped by state, each list in pack order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct ByState {
    /// Met.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub met: Vec<Id>,
    /// Evidence that could meet it waits for review.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pending_review: Vec<Id>,
    /// Evidence counted, below the required level.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_met: Vec<Id>,
    /// Nothing has counted yet.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_yet_enough_evidence: Vec<Id>,
}

impl ByState {
    /// The state of competency `id` (`NotRequired` when it is in no list).
    pub fn state_of(&self, id: &str) -> CompetencyState {
        let has = |list: &[Id]| list.iter().any(|c| &**c == id);
        if has(&self.met) {
            CompetencyState::Met
        } else if has(&self.pending_review) {
            CompetencyState::PendingReview
        } else if has(&self.not_met) {
            CompetencyState::NotMet
        } else if has(&self.not_yet_enough_evidence) {
            CompetencyState::NotYetEnoughEvidence
        } else {
            CompetencyState::NotRequired
        }
    }
}

/// A list of pairs written as a JSON object (its order kept).
pub(crate) fn as_map<S, K, V>(pairs: &[(K, V)], serializer: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    K: Serialize,
    V: Serialize,
{
    let mut map = serializer.serialize_map(Some(pairs.len()))?;
    for (key, value) in pairs {
        map.serialize_entry(key, value)?;
    }
    map.end()
}

/// The time limit's date in `report` (its requirement's reason carries it, even in an
/// answer-only report).
pub(crate) fn deadline_of(report: &Report) -> Option<Date> {
    report
        .requirement("time_limit")
        .and_then(|r| r.reason.params.get("deadline"))
        .and_then(|d| d.parse().ok())
}

/// How many evidence items or claims of `report` did not count, by reason code (in code order).
pub(crate) fn not_counted_by_code(report: &Report) -> Vec<(Message, usize)> {
    let mut counts: Vec<(Message, usize)> = Vec::new();
    for n in &report.not_counted {
        match counts.iter_mut().find(|(code, _)| *code == n.reason.code) {
            Some((_, count)) => *count += 1,
            None => counts.push((n.reason.code, 1)),
        }
    }
    crate::sorting::sort_by(&mut counts, |a, b| a.0.code().cmp(b.0.code()));
    counts
}

impl Compact {
    /// The compact form of `report`.
    pub fn of(report: &Report) -> Compact {
        let mut competencies = ByState::default();
        let mut achieved = Vec::new();
        for c in &report.competencies {
            let list = match c.state {
                CompetencyState::Met => &mut competencies.met,
                CompetencyState::PendingReview => &mut competencies.pending_review,
                CompetencyState::NotMet => &mut competencies.not_met,
                CompetencyState::NotYetEnoughEvidence => &mut competencies.not_yet_enough_evidence,
                CompetencyState::NotRequired => &mut Vec::new(),
            };
            list.push(c.id.clone());
            if let Some(level) = &c.achieved {
                achieved.push((c.id.clone(), level.clone()));
            }
        }
        let deadline = deadline_of(report);
        let not_counted = not_counted_by_code(report);
        Compact {
            participant: report.participant.clone(),
            as_of: report.as_of,
            level: report.level.clone(),
            status: report.status,
            level_attained: report.level_attained.clone(),
            next_level: report.next_level.as_ref().map(|n| CompactNext {
                level: n.level.clone(),
                ready: n.ready,
                percent: n.percent,
                needed_percent: n.needed_percent,
                missing: n.missing.clone(),
            }),
            deadline,
            competencies,
            achieved,
            requirements: report.requirements.iter().map(|r| (r.id, r.met)).collect(),
            not_counted,
            findings: report.findings.len(),
        }
    }

    /// The compact form as one line of JSON (deterministic bytes).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Evaluates `participant` and gives the compact form: the same answer as [`crate::evaluate`],
/// without writing any message.
///
/// ```
/// use competency_rules::{Pack, Participant, compact::evaluate_compact};
///
/// let pack = Pack::hslp()?;
/// let participant = Participant::from_json(
///     r#"{"id": "p", "organization": "o", "level": "manager", "enrolled": "2026-09-01"}"#,
/// )?;
/// let compact = evaluate_compact(&pack, &participant, "2026-11-24".parse()?)?;
/// assert_eq!(compact.status.id(), "enrolled");
/// assert!(compact.competencies.met.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate_compact(
    pack: &Pack,
    participant: &Participant,
    as_of: Date,
) -> Result<Compact, EvaluateError> {
    let report = evaluate_with(pack, participant, as_of, &EvaluateOptions::answer_only())?;
    Ok(Compact::of(&report))
}
