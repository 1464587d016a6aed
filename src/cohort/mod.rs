//! Cohort reports: succession readiness for managers and the program. Many participants are
//! evaluated into the compact form and counted, for the whole cohort, per organization and per
//! organizational level: statuses, levels attained, who completed, lapsed or is near the time
//! limit, readiness for the next level (ready now, ready soon, developing), bench strength, the
//! competency gap matrix, the competencies that most often stand in the way, and the evidence
//! problems that recur.
//!
//! Participants that cannot be read or evaluated are counted and listed with their error; they
//! never stop the run. The same participants in any order give the same report. With
//! [`CohortOptions::aggregate_only`], the report carries no participant id and small counts are
//! suppressed, with the counts that would give them away (complementary suppression): the form
//! to share across organizations.

mod privacy;
#[cfg(feature = "cohort-text")]
pub mod render;
mod tally;

use crate::compact::Compact;
use crate::date::Date;
use crate::ffi::{Failure, FailureCode};
use crate::messages::Message;
use crate::pack::{Pack, PackInfo};
use crate::participant::Participant;
use crate::report::{CompetencyState, EngineInfo, Id, Status};
use serde::Serialize;
pub use tally::Cohort;

/// What a cohort report counts and shows. (In TypeScript, `CohortSettings`: the report's echo of
/// them; the npm package takes them in camelCase.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "ts-types",
    derive(tsify::Tsify),
    serde(rename = "CohortSettings")
)]
#[non_exhaustive]
pub struct CohortOptions {
    /// "Ready soon" is at most this many competencies away from the next level (default 2).
    pub ready_within: u32,
    /// "Near the time limit" is a deadline at most this many days after the evaluation date
    /// (default 90).
    pub near_days: u32,
    /// The breakdowns besides the whole cohort (default: by organization and by level).
    pub group_by: Vec<GroupBy>,
    /// No participant id anywhere, and counts under `min_cell` suppressed: the form to share
    /// across organizations.
    pub aggregate_only: bool,
    /// With `aggregate_only`, the smallest count shown (default 5); smaller ones, and those
    /// that would give them away, are `null`.
    pub min_cell: u32,
}

impl Default for CohortOptions {
    fn default() -> Self {
        Self {
            ready_within: 2,
            near_days: 90,
            group_by: vec![GroupBy::Organization, GroupBy::Level],
            aggregate_only: false,
            min_cell: 5,
        }
    }
}

crate::codes::id_enum! {
    /// A breakdown of the cohort.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
    #[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
    #[non_exhaustive]
    pub enum GroupBy {
        /// Per organization (a CMSM or DSSAB).
        Organization = "organization",
        /// Per organizational level.
        Level = "level",
    }
}

/// A count, or `None` when it is suppressed (written `null`).
pub type Count = Option<u64>;

/// A cohort report (see the module documentation).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct CohortReport {
    /// `competency-rules/cohort@1`.
    pub format: &'static str,
    /// The engine that produced it.
    pub engine: EngineInfo,
    /// The pack the participants were evaluated against.
    pub pack: PackInfo,
    /// The evaluation date.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub as_of: Date,
    /// The options the report was made with.
    pub options: CohortOptions,
    /// The participants evaluated (those that could not be are in `unreadable`).
    pub participants: Count,
    /// The whole cohort, then each organization (by id), then each organizational level (in
    /// pack order).
    pub groups: Vec<CohortGroup>,
    /// For each organizational level and each competency required there: how many of the
    /// participants at that level meet it, have it pending review, or lack it.
    pub gaps: Vec<CompetencyGap>,
    /// The competencies that most often stand between participants and the next level, most
    /// frequent first (suppressed counts last).
    pub blockers: Vec<Blocker>,
    /// The reasons evidence most often did not count, most frequent first (suppressed counts
    /// last): what to fix in a catalogue entry or a process.
    pub evidence_problems: Vec<EvidenceProblem>,
    /// The documents that could not be read or evaluated.
    pub unreadable: Unreadable,
    /// With `aggregate_only`: how many counts are suppressed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<usize>,
}

/// One group of the cohort: the whole, an organization or an organizational level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct CohortGroup {
    /// `all`, `organization` or `level`.
    pub by: &'static str,
    /// `all`, the organization's id, or the level's id.
    pub id: String,
    /// Participants in the group.
    pub participants: Count,
    /// Participants by status (every status, in order).
    #[serde(serialize_with = "crate::compact::as_map")]
    #[cfg_attr(feature = "ts-types", tsify(type = "Record<string, number | null>"))]
    pub status: Vec<(Status, Count)>,
    /// Participants by the level attained (`none` first, then the levels in pack order).
    #[serde(serialize_with = "crate::compact::as_map")]
    #[cfg_attr(feature = "ts-types", tsify(type = "Record<string, number | null>"))]
    pub level_attained: Vec<(Id, Count)>,
    /// Participants whose time limit falls within `near_days` and who have not completed.
    pub near_time_limit: Count,
    /// Readiness for the next level.
    pub readiness: Readiness,
    /// Per next level (in pack order): how many are ready now, and ready soon.
    pub bench: Vec<BenchStrength>,
    /// Who completed, lapsed, or is near the time limit (left out with `aggregate_only`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<CohortPeople>,
}

/// Readiness for the next level: every participant of a group is in one bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Readiness {
    /// Meets the next level under the pack's progression rule.
    pub ready_now: ReadinessBucket,
    /// At most `ready_within` competencies away.
    pub ready_soon: ReadinessBucket,
    /// Further away.
    pub developing: ReadinessBucket,
    /// At the top level: there is no next level.
    pub top_level: ReadinessBucket,
}

/// A readiness bucket: how many, and who (left out with `aggregate_only`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct ReadinessBucket {
    /// How many participants.
    pub count: Count,
    /// Their ids, sorted.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts-types", tsify(type = "string[]"))]
    pub participants: Option<Vec<Id>>,
}

/// BenchStrength strength for one target level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct BenchStrength {
    /// The next level's id.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub level: Id,
    /// Ready for it now.
    pub ready_now: Count,
    /// Ready for it soon.
    pub ready_soon: Count,
}

/// Who completed, lapsed, or is near the time limit: participant ids, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct CohortPeople {
    /// Completed the program.
    #[cfg_attr(feature = "ts-types", tsify(type = "string[]"))]
    pub completed: Vec<Id>,
    /// Lapsed: the time limit passed before completion.
    #[cfg_attr(feature = "ts-types", tsify(type = "string[]"))]
    pub lapsed: Vec<Id>,
    /// Near the time limit.
    #[cfg_attr(feature = "ts-types", tsify(type = "string[]"))]
    pub near_time_limit: Vec<Id>,
}

/// One cell row of the gap matrix: a competency at an organizational level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct CompetencyGap {
    /// The organizational level.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub level: Id,
    /// The competency.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub competency: Id,
    /// Participants at the level for whom it is required.
    pub required: Count,
    /// Of those, how many meet it.
    pub met: Count,
    /// Have evidence for it waiting for review.
    pub pending_review: Count,
    /// Lack it (not met, or not enough evidence yet).
    pub lacking: Count,
    /// The share that meets it, as a whole percentage of `required`.
    pub met_percent: Option<u32>,
}

/// A competency that stands between participants and a next level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Blocker {
    /// The next level.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub level: Id,
    /// The competency.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub competency: Id,
    /// How many participants it holds back.
    pub count: Count,
}

/// A reason evidence did not count, across the cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct EvidenceProblem {
    /// The reason's code (as in a report's `not_counted`).
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub code: Message,
    /// How many evidence items or claims it kept from counting.
    pub count: Count,
}

/// The documents that could not be read or evaluated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Unreadable {
    /// How many.
    pub count: u64,
    /// How many for each failure code, in code order.
    #[serde(serialize_with = "crate::compact::as_map")]
    #[cfg_attr(feature = "ts-types", tsify(type = "Record<string, number>"))]
    pub by_code: Vec<(FailureCode, u64)>,
    /// Each one, where it is and why (left out with `aggregate_only`: an error may quote the
    /// document).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<Vec<UnreadableDocument>>,
}

/// A document that could not be read or evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct UnreadableDocument {
    /// The input it came from (a file name), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Its position in that input, from 0.
    pub index: usize,
    /// Why.
    pub error: Failure,
}

impl CohortReport {
    /// The report as JSON (deterministic bytes).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The report as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The group `by` (`all`, `organization` or `level`) called `id`.
    pub fn group(&self, by: &str, id: &str) -> Option<&CohortGroup> {
        self.groups.iter().find(|g| g.by == by && g.id == id)
    }
}

/// Evaluates `participants` on `as_of` and reports on them as a cohort.
///
/// ```
/// use competency_rules::{Pack, Participant, cohort::{CohortOptions, cohort}};
///
/// let pack = Pack::hslp()?;
/// let cohort_of: Vec<Participant> = ["county-a", "county-a", "city-b"]
///     .iter()
///     .enumerate()
///     .map(|(i, org)| Participant::from_json(&format!(
///         r#"{{"id": "p{i}", "organization": "{org}", "level": "supervisor", "enrolled": "2026-09-01"}}"#
///     )))
///     .collect::<Result<_, _>>()?;
/// let report = cohort(&pack, &cohort_of, "2026-11-24".parse()?, &CohortOptions::default());
/// assert_eq!(report.participants, Some(3));
/// assert_eq!(report.group("organization", "county-a").and_then(|g| g.participants), Some(2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cohort(
    pack: &Pack,
    participants: &[Participant],
    as_of: Date,
    options: &CohortOptions,
) -> CohortReport {
    let mut cohort = Cohort::new(pack, as_of, options.clone());
    for (index, participant) in participants.iter().enumerate() {
        let added = Member::evaluate(pack, participant, as_of)
            .map_err(Failure::from)
            .and_then(|member| cohort.add(member));
        if let Err(failure) = added {
            cohort.add_failure(None, index, failure);
        }
    }
    cohort.finish()
}

/// One participant's part in a cohort: what the counts need from its compact form.
#[derive(Debug, Clone)]
pub struct Member {
    /// The participant id (shared by every group that lists it).
    id: Id,
    organization: String,
    /// Its organizational level (an index).
    level: usize,
    status: Status,
    /// The level attained (an index).
    attained: Option<usize>,
    /// The next level (an index), whether ready for it, and the competencies missing for it.
    next: Option<(usize, bool, Vec<usize>)>,
    deadline: Option<Date>,
    /// Each competency required at its level, and its state: 0 met, 1 pending review, 2 lacking.
    states: Vec<(usize, u8)>,
    not_counted: Vec<(Message, usize)>,
}

impl Member {
    /// What a cohort needs of `participant`, from its compact form.
    pub fn of(pack: &Pack, participant: &Participant, compact: &Compact) -> Self {
        let competency = |id: &Id| pack.model.competency_index.get(id);
        let mut states = Vec::new();
        let by = &compact.competencies;
        for (list, state) in [
            (&by.met, 0),
            (&by.pending_review, 1),
            (&by.not_met, 2),
            (&by.not_yet_enough_evidence, 2),
        ] {
            states.extend(list.iter().filter_map(competency).map(|ci| (ci, state)));
        }
        states.sort_unstable();
        let next = compact
            .next_level
            .as_ref()
            .map(|n| (&*n.level, n.ready, &n.missing[..]));
        let facts = Facts {
            id: &compact.participant,
            level: &compact.level,
            status: compact.status,
            attained: compact.level_attained.as_deref(),
            next,
            deadline: compact.deadline,
        };
        Member::assemble(
            pack,
            participant,
            facts,
            states,
            compact.not_counted.clone(),
        )
    }

    /// Evaluates `participant` into what a cohort needs of it (answer only: no messages, no
    /// projection; the same facts as [`Member::of`] its compact form, without building it).
    pub fn evaluate(
        pack: &Pack,
        participant: &Participant,
        as_of: Date,
    ) -> Result<Self, crate::EvaluateError> {
        let options = crate::EvaluateOptions::answer_only();
        let report = crate::evaluate_with(pack, participant, as_of, &options)?;
        // (The report's competencies are in pack order: a competency's place is its index.)
        let states = report
            .competencies
            .iter()
            .enumerate()
            .filter_map(|(ci, c)| match c.state {
                CompetencyState::Met => Some((ci, 0)),
                CompetencyState::PendingReview => Some((ci, 1)),
                CompetencyState::NotMet | CompetencyState::NotYetEnoughEvidence => Some((ci, 2)),
                _ => None,
            })
            .collect();
        let deadline = crate::compact::deadline_of(&report);
        let next = report
            .next_level
            .as_ref()
            .map(|n| (&*n.level, n.ready, &n.missing[..]));
        let facts = Facts {
            id: &report.participant,
            level: &report.level,
            status: report.status,
            attained: report.level_attained.as_deref(),
            next,
            deadline,
        };
        let not_counted = crate::compact::not_counted_by_code(&report);
        Ok(Member::assemble(
            pack,
            participant,
            facts,
            states,
            not_counted,
        ))
    }

    /// A member from its facts, with ids turned into the pack's indices.
    fn assemble(
        pack: &Pack,
        participant: &Participant,
        facts: Facts<'_>,
        states: Vec<(usize, u8)>,
        not_counted: Vec<(Message, usize)>,
    ) -> Self {
        let model = &pack.model;
        let level = |id: &str| model.org_level_index(id);
        Member {
            id: Id::from(facts.id),
            organization: participant.organization.clone(),
            level: level(facts.level).unwrap_or(0),
            status: facts.status,
            attained: facts.attained.and_then(level),
            next: facts.next.and_then(|(next, ready, missing)| {
                let missing = missing
                    .iter()
                    .filter_map(|id| model.competency_index.get(id))
                    .collect();
                Some((level(next)?, ready, missing))
            }),
            deadline: facts.deadline,
            states,
            not_counted,
        }
    }
}

/// A participant's facts as a report or its compact form gives them (ids, not indices).
struct Facts<'a> {
    id: &'a str,
    level: &'a str,
    status: Status,
    attained: Option<&'a str>,
    /// The next level, whether ready for it, and the competencies missing for it.
    next: Option<(&'a str, bool, &'a [Id])>,
    deadline: Option<Date>,
}
