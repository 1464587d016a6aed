//! The compiled form of a pack: ids resolved to indices, ready for fast evaluation.
//!
//! Proficiency levels are `u8` ranks into the scale (0 = lowest); organizational levels,
//! competencies, evidence kinds, catalogue items and rules are indices into their vectors.

use super::document::{AssessorRole, CountsAs};
use crate::report::Id;

/// A rank on the proficiency scale (0 = lowest).
pub(crate) type Rank = u8;

/// A competency of the matrix.
#[derive(Debug, Clone)]
pub(crate) struct Competency {
    pub id: Id,
    pub outcome: usize,
    pub outcome_id: Id,
    /// Expected rank per organizational level; `None` = not required there.
    pub expected: Vec<Option<Rank>>,
    pub allow_equivalency: bool,
}

/// An evidence kind.
#[derive(Debug, Clone)]
pub(crate) struct Kind {
    pub id: Id,
    pub counts_as: CountsAs,
    pub equivalency: bool,
    pub assessors: Vec<AssessorRole>,
    pub max_age_months: Option<u32>,
    pub max_level: Option<Rank>,
}

/// A catalogue item.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub id: Id,
    pub kind: usize,
    pub min_grade: Option<f64>,
    pub valid_months: Option<u32>,
    pub grants: Vec<(usize, Rank)>,
}

/// A compiled rule condition.
#[derive(Debug, Clone)]
pub(crate) enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    NOf(u32, Vec<Condition>),
    Points(u32, Vec<(u32, Condition)>),
    /// A counted completion of a catalogue item.
    Item(usize),
    /// A competency achieved at least at a rank.
    Achieved(usize, Rank),
    /// At least `count` counted items of a kind, optionally claiming a competency (at a rank).
    Kind {
        kind: usize,
        claim: Option<(usize, Rank)>,
        count: u32,
    },
}

/// A compiled equivalency rule.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub id: Id,
    pub grants: Vec<(usize, Rank)>,
    pub when: Condition,
    pub equivalency: bool,
}

/// Completion requirements at one organizational level.
#[derive(Debug, Clone, Default)]
pub(crate) struct Completion {
    pub competencies_percent: u32,
    pub coaching_sessions: u32,
    pub mentoring_conversations: u32,
    pub final_assignment: bool,
    pub time_limit_months: Option<u32>,
}
