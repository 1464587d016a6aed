//! The compiled form of a pack ([`Model`]): ids resolved to indices, ready for fast evaluation.
//!
//! Proficiency levels are `u8` ranks into the scale (0 = lowest); organizational levels,
//! competencies, evidence kinds, catalogue items and rules are indices into their vectors.

use super::document::{AssessorRole, CountsAs};
use crate::report::Id;
use std::collections::BTreeMap;

/// A compiled pack: ids resolved to indices, and the tables the evaluator runs on. (Built by
/// `compile`; held by [`super::Pack`].)
#[derive(Debug, Default)]
pub(crate) struct Model {
    /// The proficiency scales, the default first.
    pub scales: Vec<Scale>,
    pub org_levels: Index,
    /// Other names of organizational levels (job groups) → level index.
    pub org_level_aliases: Index,
    pub competency_index: Index,
    pub kind_index: Index,
    pub item_index: Index,
    pub topics: Index,
    /// Organizational level ids by index.
    pub org_level_ids: Vec<Id>,
    pub outcome_ids: Vec<Id>,
    pub competencies: Vec<Competency>,
    pub kinds: Vec<Kind>,
    pub items: Vec<Item>,
    /// Rules in evaluation order: a rule comes after every rule granting a competency it reads.
    pub rules: Vec<Rule>,
    /// Per organizational level.
    pub completion: Vec<Completion>,
    /// The kind whose items waive a catalogue item of any kind (`[equivalency] waiver_kind`).
    pub waiver_kind: Option<usize>,
}

impl Model {
    /// The scale of competency `ci` (the default scale for an unknown one).
    pub fn scale_of(&self, ci: usize) -> Option<&Scale> {
        let scale = self.competencies.get(ci).map_or(0, |c| c.scale);
        self.scales.get(scale)
    }

    /// The id of level `rank` on the scale of competency `ci`.
    pub fn level_id(&self, ci: usize, rank: Rank) -> Id {
        self.scale_of(ci)
            .and_then(|s| s.ids.get(usize::from(rank)))
            .cloned()
            .unwrap_or_else(|| Id::from(""))
    }

    /// The index of the organizational level a participant's `level` names: its id, or one of
    /// its aliases (a job group).
    /// Records often differ in case (`ex-02` for `EX-02`): failing an exact match, a level id or
    /// alias equal but for ASCII case counts.
    pub fn org_level_index(&self, id_or_alias: &str) -> Option<usize> {
        self.org_levels
            .get(id_or_alias)
            .or_else(|| self.org_level_aliases.get(id_or_alias))
            .or_else(|| self.org_levels.get_ignoring_case(id_or_alias))
            .or_else(|| self.org_level_aliases.get_ignoring_case(id_or_alias))
    }
}

/// An id -> index map: a table sorted by id, searched by bisection (no hashing, no allocation).
#[derive(Debug, Default, Clone)]
pub(crate) struct Index(Vec<(Box<str>, usize)>);

impl Index {
    pub(super) fn from_map(map: BTreeMap<String, usize>) -> Self {
        let mut table: Vec<(Box<str>, usize)> = map
            .into_iter()
            .map(|(k, v)| (k.into_boxed_str(), v))
            .collect();
        crate::sorting::sort(&mut table);
        Index(table)
    }

    pub fn get(&self, id: &str) -> Option<usize> {
        let found = self.0.binary_search_by(|(key, _)| (**key).cmp(id)).ok()?;
        self.0.get(found).map(|(_, index)| *index)
    }

    /// The first entry whose id equals `id` but for ASCII case.
    pub fn get_ignoring_case(&self, id: &str) -> Option<usize> {
        self.0
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(id))
            .map(|(_, index)| *index)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(super) fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| &**k)
    }
}

/// A proficiency scale: its level ids (index) and the ids by rank.
#[derive(Debug, Default, Clone)]
pub(crate) struct Scale {
    pub index: Index,
    pub ids: Vec<Id>,
}

/// A rank on the proficiency scale (0 = lowest).
pub(crate) type Rank = u8;

/// A competency of the matrix.
#[derive(Debug, Clone)]
pub(crate) struct Competency {
    pub id: Id,
    /// Its learning outcome (index, id); `None` in a pack without outcomes.
    pub outcome: Option<(usize, Id)>,
    /// Its proficiency scale (an index into the model's scales).
    pub scale: usize,
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
    /// The highest level a claim may give, per scale (empty: no maximum; `None` for a scale
    /// without that level, whose claims are not capped).
    pub max_level: Vec<Option<Rank>>,
    /// A claim above `max_level` counts at `max_level` (else it is refused).
    pub cap_at_max_level: bool,
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
    /// Competencies the participant chooses: how many, and from which (indices, in the order `from` lists them).
    pub chosen: Option<(u32, Vec<usize>)>,
}
