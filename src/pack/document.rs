//! The rule-pack format as authors write it (TOML or JSON), before any id is resolved.
//!
//! These types mirror the documented format (`docs/pack-format.md`) one to one. They are only
//! decoded here; every cross-reference is checked and resolved in `pack::compile`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The format identifier every pack declares in its `format` key.
pub const PACK_FORMAT: &str = "competency-rules/pack@1";

/// Text in several languages, keyed by language code (`en`, `fr`).
pub type Text = BTreeMap<String, String>;

/// `[program]`: who the pack is for.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProgramDoc {
    /// Stable id of the program, e.g. `hslp`.
    pub id: String,
    /// Version of this pack (any string; semantic versioning recommended).
    pub version: String,
    /// The program's name.
    pub name: Text,
    /// What the program is.
    #[serde(default)]
    pub description: Option<Text>,
    /// A notice shown with every report (e.g. "illustrative encoding").
    #[serde(default)]
    pub notice: Option<Text>,
    /// Languages every name and message must be given in; the first is the default.
    pub languages: Vec<String>,
}

/// One named entry (a proficiency, an organizational level, a learning outcome, a topic).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct NamedDoc {
    /// Stable id, referenced elsewhere in the pack and by participants.
    pub id: String,
    /// Display name per language.
    pub name: Text,
    /// One-line description per language.
    #[serde(default)]
    pub description: Option<Text>,
}

/// `[[level]]`: an organizational level.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LevelDoc {
    /// Stable id, referenced elsewhere in the pack and by participants.
    pub id: String,
    /// Display name per language.
    pub name: Text,
    /// One-line description per language.
    #[serde(default)]
    pub description: Option<Text>,
    /// Other names participants' records use for this level: job groups or classifications
    /// (`EX-01`, `EX-02`). A participant whose `level` is an alias is evaluated at this level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// A proficiency scale (`[scale]`, or one entry of `[[scale]]`), lowest level first.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ScaleDoc {
    /// Stable id of the scale.
    pub id: String,
    /// Display name per language.
    pub name: Text,
    /// The proficiency levels, lowest first.
    pub level: Vec<NamedDoc>,
}

/// `[scale]`, or `[[scale]]` for a framework that rates some competencies on another scale (say,
/// leadership competencies and personal attributes): the first scale is the default, and a
/// competency names the one it uses.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
#[non_exhaustive]
pub enum Scales {
    /// One scale (`[scale]`).
    One(ScaleDoc),
    /// Several (`[[scale]]`), the default first.
    Many(Vec<ScaleDoc>),
}

impl Scales {
    /// Every scale, the default first.
    pub fn all(&self) -> &[ScaleDoc] {
        match self {
            Scales::One(scale) => std::slice::from_ref(scale),
            Scales::Many(scales) => scales,
        }
    }

    /// The path of scale `i` in the pack (`scale`, or `scale[i]`).
    pub(crate) fn path(&self, i: usize) -> String {
        match self {
            Scales::One(_) => "scale".to_owned(),
            Scales::Many(_) => format!("scale[{i}]"),
        }
    }

    /// The scale a competency uses: the one it names, else the default.
    pub fn of(&self, competency: &CompetencyDoc) -> Option<&ScaleDoc> {
        let all = self.all();
        match &competency.scale {
            Some(id) => all.iter().find(|s| s.id == *id),
            None => all.first(),
        }
    }

    /// The name of proficiency level `id` (of the first scale that has it).
    pub fn level_name(&self, id: &str) -> Option<&Text> {
        self.all()
            .iter()
            .find_map(|s| s.level.iter().find(|l| l.id == id))
            .map(|l| &l.name)
    }
}

impl PackDoc {
    /// The name of proficiency level `id` on the scale competency `competency` is rated on.
    pub fn level_name_for(&self, competency: &str, id: &str) -> Option<&Text> {
        let competency = self.competency.iter().find(|c| c.id == competency)?;
        let scale = self.scale.of(competency)?;
        scale.level.iter().find(|l| l.id == id).map(|l| &l.name)
    }
}

/// `[[competency]]`: one competency of the matrix.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CompetencyDoc {
    /// Stable id, e.g. `ssm.systems_thinking`.
    pub id: String,
    /// The learning outcome (cluster) it belongs to: required when the pack has outcomes, absent
    /// when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// The proficiency scale it is rated on (a `[[scale]]` id); the first scale when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// Display name per language.
    pub name: Text,
    /// One-line description per language.
    pub description: Text,
    /// The matrix's cells for this competency: per organizational level, the expected
    /// proficiency (a scale level id or `not_required`), alone or with what the competency looks
    /// like at that level.
    pub expected: BTreeMap<String, CellDoc>,
    /// What each proficiency level of the scale means for this competency (scale level id →
    /// text), where the program describes it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub proficiency: BTreeMap<String, Text>,
    /// Whether the competency may be obtained by equivalency (prior learning, designations,
    /// equivalency rules). `false` marks a capstone competency.
    #[serde(default = "yes")]
    pub allow_equivalency: bool,
    /// Cross-references to items of other frameworks (kept from a CASE import, written back as
    /// CASE associations by the export).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<ReferenceDoc>,
}

crate::codes::id_enum! {
    /// How a competency relates to an item of another framework.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
    #[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[non_exhaustive]
    pub enum Relation {
        /// The same competency (CASE `exactMatchOf`).
        ExactMatch = "exact_match",
        /// A related competency (CASE `isRelatedTo`).
        Related = "related",
    }
}

/// A cross-reference from a competency to an item of another framework.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ReferenceDoc {
    /// How the two relate.
    pub relation: Relation,
    /// The other item's URI (for CASE: its `uri`).
    pub uri: String,
    /// The other item's title or statement, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// One cell of the matrix: what a competency is expected to be at one organizational level.
/// Written `supervisor = "working"` (the short form) or as a table with the level and what the
/// competency looks like there.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
#[non_exhaustive]
pub enum CellDoc {
    /// The expected proficiency level id, or `not_required`.
    Level(String),
    /// The expected level with a description and behaviour indicators.
    Described(DescribedCellDoc),
}

/// A matrix cell's long form.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DescribedCellDoc {
    /// The expected proficiency level id, or `not_required`.
    pub level: String,
    /// What the competency looks like at this organizational level, per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Behaviour indicators: what a person who has the competency at this level does (each in
    /// every language).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Text>,
    /// Ineffective behaviours: what falls short at this level (each in every language).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ineffective: Vec<Text>,
}

impl CellDoc {
    /// A short-form cell.
    pub fn level(level: impl Into<String>) -> Self {
        CellDoc::Level(level.into())
    }

    /// The expected proficiency level id, or `not_required`.
    pub fn expected(&self) -> &str {
        match self {
            CellDoc::Level(level) => level,
            CellDoc::Described(cell) => &cell.level,
        }
    }

    /// The long form's description, if any.
    pub fn description(&self) -> Option<&Text> {
        match self {
            CellDoc::Level(_) => None,
            CellDoc::Described(cell) => cell.description.as_ref(),
        }
    }

    /// The behaviour indicators (none in the short form).
    pub fn indicators(&self) -> &[Text] {
        match self {
            CellDoc::Level(_) => &[],
            CellDoc::Described(cell) => &cell.indicators,
        }
    }

    /// The ineffective behaviours (none in the short form).
    pub fn ineffective(&self) -> &[Text] {
        match self {
            CellDoc::Level(_) => &[],
            CellDoc::Described(cell) => &cell.ineffective,
        }
    }
}

/// The value of `expected` meaning "not required at this level".
pub const NOT_REQUIRED: &str = "not_required";

fn yes() -> bool {
    true
}

crate::codes::id_enum! {
    /// What an evidence kind does in the engine.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
    #[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[non_exhaustive]
    pub enum CountsAs {
        /// The item claims competencies at levels (prior learning, self-study, work project).
        CompetencyClaims = "competency_claims",
        /// The item is the completion of a catalogue item (course, training, designation).
        CatalogueItem = "catalogue_item",
        /// A coaching session with the participant's coach.
        CoachingSession = "coaching_session",
        /// A mentoring conversation with the participant's mentor.
        MentoringConversation = "mentoring_conversation",
        /// The final evaluative assignment.
        FinalAssignment = "final_assignment",
        /// An assessor's rating that overrides what rules derive, per `[precedence]`.
        Override = "override",
    }
}

crate::codes::id_enum! {
    /// Who may assess (or confirm) evidence.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
    #[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[non_exhaustive]
    pub enum AssessorRole {
        /// The participant's coach (from the participant's organization).
        Coach = "coach",
        /// The participant's mentor (appointed by the program, from another organization).
        Mentor = "mentor",
        /// An assessor appointed by the program.
        ProgramAssessor = "program_assessor",
        /// The provider of a course (its registrar's grade).
        Provider = "provider",
        /// The participant's employer (internal training records).
        Employer = "employer",
    }
}

/// `[[evidence_kind]]`: a kind of evidence a participant may submit.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct EvidenceKindDoc {
    /// Stable id, e.g. `prior_learning`.
    pub id: String,
    /// Display name per language.
    pub name: Text,
    /// What the engine does with items of this kind.
    pub counts_as: CountsAs,
    /// Whether items of this kind are equivalency (recognition of prior learning): subject to the
    /// claim window, the cap, and refused for competencies that do not allow equivalency.
    #[serde(default)]
    pub equivalency: bool,
    /// Who may assess items of this kind.
    pub assessors: Vec<AssessorRole>,
    /// How old (months from its date to the evaluation date) an item may be and still count.
    #[serde(default)]
    pub max_age_months: Option<u32>,
    /// The highest proficiency an item of this kind may demonstrate (claims only).
    #[serde(default)]
    pub max_level: Option<String>,
    /// What a claim above `max_level` gets: refused (the default), or credited at `max_level`.
    #[serde(default, skip_serializing_if = "AboveMaxLevel::is_refuse")]
    pub above_max_level: AboveMaxLevel,
}

crate::codes::id_enum! {
    /// What a claim above its evidence kind's `max_level` gets.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
    #[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[non_exhaustive]
    pub enum AboveMaxLevel {
        /// The claim does not count (`above_kind_max_level`).
        Refuse = "refuse",
        /// The claim counts at `max_level`, with a finding (`claim_capped`).
        Cap = "cap",
    }
}

#[expect(
    clippy::derivable_impls,
    reason = "id_enum! takes only doc comments on variants, so `#[default]` cannot be derived"
)]
impl Default for AboveMaxLevel {
    fn default() -> Self {
        AboveMaxLevel::Refuse
    }
}

impl AboveMaxLevel {
    /// Whether this is the default, refusing.
    pub fn is_refuse(&self) -> bool {
        *self == AboveMaxLevel::Refuse
    }
}

/// A competency at a proficiency level, granted by a catalogue item or a rule.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct GrantDoc {
    /// The competency id.
    pub competency: String,
    /// The proficiency level id.
    pub level: String,
}

/// `[[catalogue]]`: a course, training program or designation and what it grants.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CatalogueItemDoc {
    /// Stable id, referenced by evidence items (`item`).
    pub id: String,
    /// The evidence kind completions of this item are submitted as.
    pub kind: String,
    /// Who offers it.
    #[serde(default)]
    pub provider: Option<String>,
    /// Display name per language.
    pub name: Text,
    /// The minimum grade (0–100) a completion needs; none means pass/complete is enough.
    #[serde(default)]
    pub min_grade: Option<f64>,
    /// How long (months from completion) a completion stays valid.
    #[serde(default)]
    pub valid_months: Option<u32>,
    /// How many hours it takes (the planner can minimize a plan's hours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
    /// What it costs, in the program's currency (the planner can minimize a plan's cost).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// What a valid completion grants.
    pub grants: Vec<GrantDoc>,
    /// xAPI/cmi5 activity ids (IRIs) whose completion statements are completions of this item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
}

/// `[xapi]`: how xAPI/cmi5 statements become evidence.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct XapiDoc {
    /// The assessor role recorded for evidence read from statements (the LMS reporting them).
    /// cmi5 `waived` statements become items of `[equivalency] waiver_kind`.
    #[serde(default = "provider")]
    pub assessor: AssessorRole,
}

fn provider() -> AssessorRole {
    AssessorRole::Provider
}

/// `[credential]`: the credentials issued for this program.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CredentialDoc {
    /// How long (months from the award) an issued credential is valid; none means no expiry.
    #[serde(default)]
    pub valid_months: Option<u32>,
}

/// A condition of an equivalency rule: exactly one of the combinators or leaves.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConditionDoc {
    /// Every sub-condition holds.
    #[serde(default)]
    pub all: Option<Vec<ConditionDoc>>,
    /// At least one sub-condition holds.
    #[serde(default)]
    pub any: Option<Vec<ConditionDoc>>,
    /// At least `n` sub-conditions hold.
    #[serde(default)]
    pub n_of: Option<NOfDoc>,
    /// The awards of the sub-conditions that hold add up to at least `min`.
    #[serde(default)]
    pub points: Option<PointsDoc>,
    /// Leaf: a counted completion of this catalogue item.
    #[serde(default)]
    pub item: Option<String>,
    /// Leaf: this competency achieved (at least at `level`), or with `kind`: claimed by that kind.
    #[serde(default)]
    pub competency: Option<String>,
    /// With `competency`: the minimum proficiency level.
    #[serde(default)]
    pub level: Option<String>,
    /// Leaf: counted evidence items of this kind (at least `count`, default 1).
    #[serde(default)]
    pub kind: Option<String>,
    /// With `kind`: how many items are needed.
    #[serde(default)]
    pub count: Option<u32>,
    /// Inside `points.from`: the points this condition is worth when it holds.
    #[serde(default)]
    pub award: Option<u32>,
}

impl ConditionDoc {
    /// The keys of a condition table, as the decoder reads them: the forms (exactly one per
    /// condition: `all`, `any`, `n_of`, `points`, `item`, `kind`, `competency`) and the keys that
    /// qualify them (`level` with `competency`, `count` with `kind`, `award` inside `points.from`).
    pub const KEYS: [&'static str; 10] = [
        "all",
        "any",
        "n_of",
        "points",
        "item",
        "competency",
        "level",
        "kind",
        "count",
        "award",
    ];

    /// The forms this condition has (a valid one has exactly one). `competency` with `kind` is
    /// the `kind` form (claims of that kind for that competency).
    pub fn forms(&self) -> Vec<&'static str> {
        let present = [
            ("all", self.all.is_some()),
            ("any", self.any.is_some()),
            ("n_of", self.n_of.is_some()),
            ("points", self.points.is_some()),
            ("item", self.item.is_some()),
            ("kind", self.kind.is_some()),
            (
                "competency",
                self.competency.is_some() && self.kind.is_none(),
            ),
        ];
        present
            .iter()
            .filter(|(_, p)| *p)
            .map(|(name, _)| *name)
            .collect()
    }
}

/// `n_of = { n = 2, of = [...] }`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct NOfDoc {
    /// How many sub-conditions must hold.
    pub n: u32,
    /// The sub-conditions.
    pub of: Vec<ConditionDoc>,
}

/// `points = { min = 10, from = [...] }`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PointsDoc {
    /// The threshold.
    pub min: u32,
    /// Sub-conditions, each with an `award`.
    pub from: Vec<ConditionDoc>,
}

/// `[[rule]]`: an equivalency rule granting competencies when a condition holds.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RuleDoc {
    /// Stable id, shown in reports as the rule through which evidence counted.
    pub id: String,
    /// Display name per language.
    #[serde(default)]
    pub name: Option<Text>,
    /// What the rule grants when its condition holds.
    pub grants: Vec<GrantDoc>,
    /// The condition.
    pub when: ConditionDoc,
    /// Whether this rule is an equivalency (it may then not grant capstone competencies).
    #[serde(default = "yes")]
    pub equivalency: bool,
}

/// `[equivalency]`: limits on recognition of prior learning.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct EquivalencyDoc {
    /// Equivalency must be claimed within this many days of enrolment.
    #[serde(default)]
    pub claim_window_days: Option<u32>,
    /// At most this percentage of the competencies required at the participant's level may be
    /// credited through equivalency evidence.
    #[serde(default)]
    pub max_percent: Option<u32>,
    /// An evidence kind whose items waive a catalogue item of any kind (an administrative waiver,
    /// a cmi5 `waived` statement): a `catalogue_item` kind with `equivalency = true`. A waiver
    /// counts as an equivalency completion of the item it names, without a grade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiver_kind: Option<String>,
}

/// `[coaching]`: who may coach.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CoachingDoc {
    /// The coach must belong to the participant's organization.
    #[serde(default = "yes")]
    pub same_organization: bool,
}

/// `[mentoring]`: who may mentor.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MentoringDoc {
    /// The mentor must belong to another organization than the participant's.
    #[serde(default = "yes")]
    pub other_organization: bool,
    /// Who must appoint the mentor (matched against the participant's `mentor.appointed_by`).
    #[serde(default)]
    pub appointed_by: Option<String>,
}

/// `[final_assignment]`: the final evaluative assignment.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FinalAssignmentDoc {
    /// The topics an assignment may take; empty means any topic.
    #[serde(default)]
    pub topic: Vec<NamedDoc>,
    /// The passing grade (0–100).
    #[serde(default)]
    pub min_grade: Option<f64>,
}

/// `[[completion]]`: what completing the program means at one organizational level.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CompletionDoc {
    /// The organizational level.
    pub level: String,
    /// Percentage of the competencies required at the level that must be met (default 100).
    #[serde(default = "hundred")]
    pub competencies_percent: u32,
    /// Approved coaching sessions needed.
    #[serde(default)]
    pub coaching_sessions: u32,
    /// Approved mentoring conversations needed.
    #[serde(default)]
    pub mentoring_conversations: u32,
    /// Whether a passing final assignment is needed.
    #[serde(default)]
    pub final_assignment: bool,
    /// The program must be completed within this many months of enrolment.
    #[serde(default)]
    pub time_limit_months: Option<u32>,
    /// Competencies each participant chooses (with their manager) from a set: the ones chosen are
    /// required, the others of the set are not; the rest of the level's matrix is the core.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chosen: Option<ChosenDoc>,
}

/// `chosen` in `[[completion]]`: how many competencies a participant chooses, and from which.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChosenDoc {
    /// How many the participant chooses (at least 1, at most the size of `from`).
    pub count: u32,
    /// The competencies to choose from (each required at the level in the matrix).
    pub from: Vec<String>,
}

fn hundred() -> u32 {
    100
}

/// `[progression]`: when a participant is ready for the next organizational level.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProgressionDoc {
    /// Percentage of the next level's required competencies that must already be met at the next
    /// level's expectation.
    #[serde(default = "hundred")]
    pub next_level_percent: u32,
    /// Whether the program must be completed at the current level first.
    #[serde(default = "yes")]
    pub requires_completion: bool,
}

impl Default for ProgressionDoc {
    fn default() -> Self {
        Self {
            next_level_percent: 100,
            requires_completion: true,
        }
    }
}

crate::codes::id_enum! {
    /// How an assessor's override combines with what rules derive.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
    #[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[non_exhaustive]
    pub enum OverridePolicy {
        /// The higher of the override and the derived level counts: an override can raise a level but
        /// never blocks what evidence and rules achieve.
        HighestWins = "highest_wins",
        /// The override replaces the derived level, even when lower (shown in the report).
        OverrideWins = "override_wins",
        /// The derived level counts whenever evidence derives one; the override only fills gaps.
        RulesWin = "rules_win",
    }
}

/// `[precedence]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PrecedenceDoc {
    /// How an assessor's override combines with derived levels.
    pub assessor_override: OverridePolicy,
}

/// A whole pack document, as decoded from one or more files.
///
/// (The loader decodes section by section to report every problem; `Deserialize` is derived so the
/// published JSON Schema says exactly which sections are optional.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PackDoc {
    /// Must be [`PACK_FORMAT`].
    pub format: String,
    /// `[program]`.
    pub program: ProgramDoc,
    /// `[scale]`, or `[[scale]]` (the first is the default).
    pub scale: Scales,
    /// `[[level]]`: organizational levels, front line first.
    pub level: Vec<LevelDoc>,
    /// `[[outcome]]`: learning outcomes (clusters of competencies); a framework without clusters
    /// leaves them out.
    #[serde(default)]
    pub outcome: Vec<NamedDoc>,
    /// `[[competency]]`.
    pub competency: Vec<CompetencyDoc>,
    /// `[[evidence_kind]]`.
    pub evidence_kind: Vec<EvidenceKindDoc>,
    /// `[[catalogue]]`.
    #[serde(default)]
    pub catalogue: Vec<CatalogueItemDoc>,
    /// `[[rule]]`.
    #[serde(default)]
    pub rule: Vec<RuleDoc>,
    /// `[equivalency]`.
    #[serde(default)]
    pub equivalency: EquivalencyDoc,
    /// `[coaching]`.
    #[serde(default)]
    pub coaching: Option<CoachingDoc>,
    /// `[mentoring]`.
    #[serde(default)]
    pub mentoring: Option<MentoringDoc>,
    /// `[final_assignment]`.
    #[serde(default)]
    pub final_assignment: Option<FinalAssignmentDoc>,
    /// `[[completion]]`.
    pub completion: Vec<CompletionDoc>,
    /// `[progression]`.
    #[serde(default)]
    pub progression: ProgressionDoc,
    /// `[precedence]`.
    pub precedence: PrecedenceDoc,
    /// `[messages.<lang>]`: message templates overriding the engine's defaults.
    #[serde(default)]
    pub messages: BTreeMap<String, BTreeMap<String, String>>,
    /// `[xapi]`: how xAPI/cmi5 statements become evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xapi: Option<XapiDoc>,
    /// `[credential]`: the credentials issued for this program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential: Option<CredentialDoc>,
}
