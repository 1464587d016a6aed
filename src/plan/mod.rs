//! The learning-path planner (feature `planning`): for a participant, a date and a target, the
//! smallest set of catalogue items that closes every competency gap the catalogue can close,
//! with what each item closes, the gaps no item can close (and what could), and what else
//! completion needs. Every plan is checked by the what-if evaluation before it is returned.
//!
//! ```
//! use competency_rules::plan::{PlanOptions, Target, plan};
//! use competency_rules::{Pack, Participant};
//!
//! let pack = Pack::hslp()?;
//! let participant = Participant::from_json(r#"{
//!     "id": "p-1", "organization": "county-a", "level": "front_line", "enrolled": "2026-09-01"
//! }"#)?;
//! let mut options = PlanOptions::default();
//! options.target = Target::Current;
//! let plan = plan(&pack, &participant, "2026-11-24".parse()?, &options)?;
//! assert!(plan.optimal);
//! assert!(!plan.items.is_empty());
//! // Every item closes something, and the projection reached what the plan claims.
//! assert!(plan.items.iter().all(|item| !item.closes.is_empty()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod goals;
mod output;
mod search;
mod state;

use crate::date::Date;
use crate::pack::Pack;
use crate::participant::{Participant, Planned};
use crate::report::{Id, Projection, Reason, RequirementResult};
use serde::{Deserialize, Serialize};

/// What a plan aims at.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Target {
    /// Complete the participant's current level (its competencies).
    #[default]
    Current,
    /// Be ready for the next level: its profile to the progression rule's share, and the current
    /// level's competencies where the progression rule requires completion first.
    Next,
    /// Given competencies: each at the level given, else at the level the participant's level
    /// expects, else the next level's.
    Competencies(Vec<(String, Option<String>)>),
}

impl Target {
    /// Reads a target as the command line and the npm package write it: `current`, `next`, or
    /// competency ids, each optionally `=level`.
    pub fn parse(words: &[String]) -> Target {
        match words {
            [one] if one == "current" => Target::Current,
            [one] if one == "next" => Target::Next,
            _ => Target::Competencies(
                words
                    .iter()
                    .map(|w| match w.split_once('=') {
                        Some((id, level)) => (id.to_owned(), Some(level.to_owned())),
                        None => (w.clone(), None),
                    })
                    .collect(),
            ),
        }
    }

    fn id(&self) -> &'static str {
        match self {
            Target::Current => "current",
            Target::Next => "next",
            Target::Competencies(_) => "competencies",
        }
    }
}

crate::codes::id_enum! {
    /// What a plan minimizes.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
    pub enum Measure {
        /// The number of catalogue items.
        Count = "count",
        /// The total of the items' `hours`.
        Hours = "hours",
        /// The total of the items' `cost`.
        Cost = "cost",
    }
}

/// How to plan.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PlanOptions {
    /// What to reach.
    pub target: Target,
    /// What to minimize.
    pub by: Measure,
    /// The date the planned items are to be completed by (default: the planning date).
    pub complete_by: Option<Date>,
    /// How long the search may take, in milliseconds: past it, the best plan found so far is
    /// returned with `optimal: false` and a lower bound.
    pub budget_ms: f64,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            target: Target::Current,
            by: Measure::Count,
            complete_by: None,
            budget_ms: DEFAULT_BUDGET_MS,
        }
    }
}

/// The default time budget: short enough for a page.
pub const DEFAULT_BUDGET_MS: f64 = 50.0;

/// Why a plan could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PlanError {
    /// The participant could not be evaluated.
    #[error(transparent)]
    Evaluate(#[from] crate::eval::EvaluateError),
    /// `next` asked of a participant at the pack's last level.
    #[error(
        "`{level}` is the pack's last organizational level: there is no next level to plan for"
    )]
    NoNextLevel {
        /// The participant's level.
        level: String,
    },
    /// A target names a competency the pack does not have.
    #[error("`{id}` is not a competency of this pack")]
    UnknownCompetency {
        /// The id given.
        id: String,
    },
    /// A target names a level not on the competency's scale.
    #[error("`{level}` is not a level of `{competency}`'s scale (levels: {})", levels.join(", "))]
    UnknownLevel {
        /// The competency.
        competency: String,
        /// The level given.
        level: String,
        /// The scale's levels.
        levels: Vec<String>,
    },
    /// A target competency with no level given, required neither at the participant's level
    /// nor at the next.
    #[error(
        "`{competency}` is required neither at the participant's level nor at the next: give a level (`{competency}=LEVEL`)"
    )]
    NoLevel {
        /// The competency.
        competency: String,
    },
    /// A target naming a competency twice.
    #[error("`{id}` is named twice in the target")]
    RepeatedCompetency {
        /// The competency.
        id: String,
    },
    /// Minimizing hours or cost when a catalogue item that could be planned gives none.
    #[error("the plan minimizes {}, but these catalogue items give no `{}`: {}", by.id(), by.id(), items.join(", "))]
    MissingMeasure {
        /// The measure.
        by: Measure,
        /// The items without it.
        items: Vec<String>,
    },
    /// The completion date is before the planning date.
    #[error("the plan's completion date {complete_by} is before the planning date {as_of}")]
    CompleteByBeforeAsOf {
        /// The planning date.
        as_of: Date,
        /// The completion date given.
        complete_by: Date,
    },
    /// The what-if evaluation of the plan did not reach what the search found (a bug).
    #[error("the plan was not confirmed by evaluating it ({detail}); please report this")]
    Unverified {
        /// What differed.
        detail: String,
    },
}

/// An amount of hours or of the currency, in hundredths (written as a JSON number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Amount(pub u64);

impl std::iter::Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Self {
        Amount(iter.map(|a| a.0).fold(0, u64::saturating_add))
    }
}

impl Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            serializer.serialize_u64(self.0 / 100)
        } else {
            // (Hundredths: at most two decimals, exact enough as a float.)
            serializer.serialize_f64(self.0 as f64 / 100.0)
        }
    }
}

/// A plan: the items to take, what each closes, what no item can close, and what else
/// completion needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Plan {
    /// The planning date.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub as_of: Date,
    /// The date the items are planned to be completed by.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub complete_by: Date,
    /// `current`, `next` or `competencies`.
    pub target: &'static str,
    /// The competencies named, at the levels planned for (a `competencies` target).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub named: Vec<GoalRef>,
    /// What the plan minimizes.
    pub by: Measure,
    /// Whether the search finished: the plan is then a proven minimum.
    pub optimal: bool,
    /// A lower bound on the measure of any plan reaching what this one reaches (the plan's own
    /// total when `optimal`).
    #[cfg_attr(feature = "ts-types", tsify(type = "number"))]
    pub lower_bound: Amount,
    /// Whether the plan reaches the whole target (else it closes what the catalogue can, and
    /// `gaps` says what is left).
    pub reaches_target: bool,
    /// Totals over the items.
    pub total: PlanTotal,
    /// The items, in catalogue order, each with what it closes.
    pub items: Vec<PlanItem>,
    /// The items as planned items, ready to add to the participant's `planned`.
    pub planned: Vec<Planned>,
    /// Target competencies the plan leaves short: no catalogue item can close them (or, where
    /// the target needs only a share, they are not needed), with what could.
    pub gaps: Vec<Gap>,
    /// Catalogue items that would close a gap but cannot count by the completion date, and why.
    pub not_plannable: Vec<NotPlannable>,
    /// Evidence of catalogue items waiting for review (not planned again).
    pub pending: Vec<String>,
    /// What else completion needs, as the projection reports it (coaching sessions, mentoring
    /// conversations, the final assignment, chosen competencies).
    pub also_needed: Vec<RequirementResult>,
    /// The participant's time limit, and the days left from the planning date.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts-types", tsify(optional, type = "string"))]
    pub deadline: Option<Date>,
    /// Days from the planning date to the deadline (negative once past).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts-types", tsify(optional))]
    pub days_left: Option<i64>,
    /// Whether the time limit passes before the completion date: the items would count for the
    /// competencies, but the program would have lapsed.
    pub after_time_limit: bool,
    /// Where the participant stands on the planning date, and with the plan.
    pub now: Standing,
    /// Where the participant would stand with the plan completed.
    pub then: Standing,
    /// Search nodes visited.
    pub nodes: u64,
    /// The what-if evaluation of the plan (it confirmed what the plan closes).
    pub projection: Projection,
}

/// Where a participant stands: competencies met at their level, and the next level's share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Standing {
    /// Competencies met at the participant's level.
    pub met: usize,
    /// Competencies required there.
    pub required: usize,
    /// The share of the next level's profile met, if there is a next level.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts-types", tsify(optional))]
    pub next_level_percent: Option<u32>,
}

impl Standing {
    fn of(report: &crate::report::Report) -> Self {
        Standing {
            met: report
                .competencies
                .iter()
                .filter(|c| c.state == crate::report::CompetencyState::Met)
                .count(),
            required: report
                .competencies
                .iter()
                .filter(|c| c.required.is_some())
                .count(),
            next_level_percent: report.next_level.as_ref().map(|n| n.percent),
        }
    }
}

/// Totals over a plan's items.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct PlanTotal {
    /// How many items.
    pub items: usize,
    /// Their hours, where every item gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts-types", tsify(optional, type = "number"))]
    pub hours: Option<Amount>,
    /// Their cost, where every item gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts-types", tsify(optional, type = "number"))]
    pub cost: Option<Amount>,
}

/// A catalogue item of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct PlanItem {
    /// The catalogue item.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub item: Id,
    /// Its evidence kind.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub kind: Id,
    /// The id it has in `planned` (and in the projection's evidence).
    pub planned: String,
    /// Whether it is recognition of prior learning (a designation, a waiver): it counts only if
    /// the participant already holds it, claimed within the window.
    pub equivalency: bool,
    /// Its hours, if the catalogue gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts-types", tsify(optional, type = "number"))]
    pub hours: Option<Amount>,
    /// Its cost, if the catalogue gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts-types", tsify(optional, type = "number"))]
    pub cost: Option<Amount>,
    /// The target competencies it closes (alone, or with the plan's other items through a rule).
    pub closes: Vec<GoalRef>,
}

/// A target competency at a level.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct GoalRef {
    /// The competency.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub competency: Id,
    /// The level the target needs.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub level: Id,
    /// What it is needed for: `current` (completing the current level), `next` (readiness for
    /// the next level) or `target` (named by the caller).
    #[serde(rename = "for")]
    pub for_: &'static str,
}

/// A target competency the plan leaves short, and what could close it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Gap {
    /// The competency, level and purpose.
    #[serde(flatten)]
    pub goal: GoalRef,
    /// Whether a catalogue item could close it (a gap left because the target needs only a
    /// share of its competencies) or none can.
    pub catalogue_can_close: bool,
    /// Evidence kinds that could show it (self-study, work project, prior learning while the
    /// claim window is open), with who may assess them.
    pub kinds: Vec<GapKind>,
    /// Rules that grant it at the level needed.
    #[cfg_attr(feature = "ts-types", tsify(type = "string[]"))]
    pub rules: Vec<Id>,
    /// Evidence waiting for review that would give it.
    pub pending: Vec<String>,
}

/// An evidence kind that could close a gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct GapKind {
    /// The kind.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub kind: Id,
    /// The assessor roles that may assess it.
    pub assessors: Vec<&'static str>,
}

/// A catalogue item that would help but cannot count by the completion date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct NotPlannable {
    /// The item.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub item: Id,
    /// Why (the reason evidence would get).
    pub reason: Reason,
}

/// Plans for `participant` on `as_of`, timing the search with the system clock (natively) or
/// with no budget at all where there is no clock (use [`plan_with_clock`] there).
pub fn plan(
    pack: &Pack,
    participant: &Participant,
    as_of: Date,
    options: &PlanOptions,
) -> Result<Plan, PlanError> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let start = std::time::Instant::now();
        let clock = move || start.elapsed().as_secs_f64() * 1000.0;
        plan_with_clock(pack, participant, as_of, options, &clock)
    }
    #[cfg(target_arch = "wasm32")]
    {
        plan_with_clock(pack, participant, as_of, options, &|| 0.0)
    }
}

/// [`plan`] with the caller's clock (milliseconds, from any origin) timing the search.
pub fn plan_with_clock(
    pack: &Pack,
    participant: &Participant,
    as_of: Date,
    options: &PlanOptions,
    clock: &dyn Fn() -> f64,
) -> Result<Plan, PlanError> {
    output::plan(pack, participant, as_of, options, clock)
}
