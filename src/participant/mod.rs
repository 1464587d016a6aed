//! The participant document: who the participant is and the evidence they submitted.
//!
//! Reading is strict at the root (a document whose root cannot be read is an error with its JSON
//! path) and lenient below it: an evidence item that cannot be read is kept as
//! [`EvidenceEntry::Malformed`] and reported as not counted, and fields the format does not know are
//! kept as findings. Nothing the caller sent is silently dropped.

use crate::date::Date;
use crate::ffi::FailureCode;
use serde::{Deserialize, Serialize};

#[cfg(feature = "typed-read")]
mod fast;
mod read;

#[cfg(feature = "interop")]
pub(crate) use read::{ACCOUNT_FIELDS, AGENT_FIELDS};

/// The format identifier a participant document may declare in its `format` key.
pub const PARTICIPANT_FORMAT: &str = "competency-rules/participant@1";

/// A participant in the program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Participant {
    /// Stable id of the participant (an LMS user id, an employee number...).
    pub id: String,
    /// Display name (not used by the rules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The participant's organization (a CMSM or DSSAB).
    pub organization: String,
    /// The participant's organizational level (an id of the pack's `[[level]]`).
    pub level: String,
    /// The enrolment date.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub enrolled: Date,
    /// The coach, appointed from within the participant's organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coach: Option<Person>,
    /// The mentor, appointed by the program from outside the participant's organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentor: Option<Person>,
    /// The participant's xAPI identities, matched against the actor of xAPI statements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agents: Vec<Agent>,
    /// The competencies the participant chose to develop, where the pack lets them choose
    /// (`chosen` in `[[completion]]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub development: Option<Development>,
    /// The evidence items.
    #[serde(default)]
    #[cfg_attr(feature = "ts-types", tsify(type = "Evidence[]"))]
    pub evidence: Vec<EvidenceEntry>,
    /// Items the participant plans to complete (what-if): never counted as evidence; the report's
    /// `projection` shows where they would leave the participant.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub planned: Vec<Planned>,
    /// The document has planned items that this build (without the `planning` feature) does not
    /// read: evaluation says so in a finding.
    #[cfg(not(feature = "planning"))]
    #[serde(skip)]
    pub(crate) unread_plans: bool,
    /// Fields of the document the format does not know, by path (reported, never dropped silently).
    #[serde(skip)]
    pub(crate) unknown_fields: Vec<String>,
    /// Input received for the participant from another source (xAPI statements) that did not
    /// become an evidence item; each is reported as not counted, with its reason.
    #[serde(skip)]
    pub(crate) set_aside: Vec<SetAside>,
}

/// Input from another source (an xAPI statement) that did not become an evidence item, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SetAside {
    /// Where it is in its source, e.g. `statements.json[3]`: only for input without an id, so
    /// that a report does not depend on the order its input came in.
    pub at: Option<String>,
    /// Its id in the source (a statement id), when it has one.
    pub id: Option<String>,
    /// The reason's message code (a statement message of [`crate::messages::Message`]).
    pub code: crate::messages::Message,
    /// The values the message mentions.
    pub params: Vec<(&'static str, String)>,
}

/// A development selection: the competencies a participant chose, and who agreed to it, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Development {
    /// The competency ids chosen.
    pub competencies: Vec<String>,
    /// Who agreed to the selection (the participant's manager), as the caller records them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_by: Option<String>,
    /// When the selection was agreed; it counts from that date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub agreed_on: Option<Date>,
}

impl Development {
    /// A selection of competencies, not yet agreed.
    pub fn new(competencies: Vec<String>) -> Self {
        Self {
            competencies,
            agreed_by: None,
            agreed_on: None,
        }
    }

    /// Agreed by someone on a date.
    pub fn agreed(mut self, by: impl Into<String>, on: Date) -> Self {
        self.agreed_by = Some(by.into());
        self.agreed_on = Some(on);
        self
    }
}

/// A coach or mentor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Person {
    /// Stable id, matched against the `assessed_by.id` of evidence.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The person's organization.
    pub organization: String,
    /// Who appointed them (for a mentor: the program, e.g. `association`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointed_by: Option<String>,
}

/// An xAPI identity: exactly one of xAPI's four inverse functional identifiers, written as in a
/// statement's `actor`.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Agent {
    /// `mailto:` address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mbox: Option<String>,
    /// SHA-1 (hex) of the `mailto:` address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mbox_sha1sum: Option<String>,
    /// An OpenID URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openid: Option<String>,
    /// An account on a system (an LMS user).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<Account>,
}

/// An account on a system, as xAPI writes it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Account {
    /// The system's home page (canonical URL).
    #[serde(rename = "homePage")]
    pub home_page: String,
    /// The user's id or login on that system.
    pub name: String,
}

crate::codes::id_enum! {
    /// Where an evidence item is in its review.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[non_exhaustive]
    pub enum ReviewState {
        /// Submitted, not yet reviewed.
        Submitted = "submitted",
        /// Reviewed and approved.
        Approved = "approved",
        /// Reviewed and rejected.
        Rejected = "rejected",
    }
}

/// Who assessed an evidence item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assessor {
    /// `coach`, `mentor`, `program_assessor`, `provider` or `employer`.
    pub role: String,
    /// The assessor's id (must be the participant's coach or mentor for those roles).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A competency claimed at a proficiency level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Claim {
    /// The competency id.
    pub competency: String,
    /// The proficiency level id.
    pub level: String,
}

/// One evidence item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Evidence {
    /// Stable id, unique within the participant.
    pub id: String,
    /// The evidence kind (an id of the pack's `[[evidence_kind]]`).
    pub kind: String,
    /// When the learning or activity happened (completion date, session date...).
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub date: Date,
    /// When it was submitted to the program (for equivalency: the claim date). Defaults to `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub submitted: Option<Date>,
    /// Review state.
    pub status: ReviewState,
    /// Who assessed it (required once approved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed_by: Option<Assessor>,
    /// For catalogue kinds: the catalogue item completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// A grade from 0 to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<f64>,
    /// For claim and override kinds: the competencies claimed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// For the final assignment: its topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Free text (title, reviewer's note); kept, not used by the rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Fields of this item the format does not know (reported, never dropped silently).
    #[serde(skip)]
    pub unknown_fields: Vec<String>,
}

/// An item the participant plans to complete: a catalogue item, a claim (a self-study or work
/// project with its claims), a coaching session, a mentoring conversation or the final
/// assignment, on a planned date. The projection counts it as approved on that date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Planned {
    /// Stable id, unique among the participant's evidence and planned items.
    pub id: String,
    /// The evidence kind it will be.
    pub kind: String,
    /// When it is planned to be completed.
    #[cfg_attr(feature = "ts-types", tsify(type = "string"))]
    pub date: Date,
    /// For catalogue kinds: the catalogue item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The grade expected (default: the least that passes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<f64>,
    /// For claim kinds: the competencies it is to show.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// For the final assignment: its topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Free text; kept, not used by the rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An evidence item as read: usable, or kept with why it could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
#[non_exhaustive]
pub enum EvidenceEntry {
    /// A readable item.
    Item(Evidence),
    /// An item that could not be read.
    #[serde(skip_deserializing)]
    Malformed(MalformedEvidence),
}

/// An evidence item that could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MalformedEvidence {
    /// Where it is in the document, e.g. `evidence[4]`.
    pub at: String,
    /// Its id, when one could be read.
    pub id: Option<String>,
    /// What is wrong, with the path inside the item (in English).
    pub detail: String,
    /// What is wrong as a message and its parameters, so that a report says it in every language.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub(crate) reason: Option<(crate::messages::Message, Vec<(&'static str, String)>)>,
}

impl Evidence {
    /// An evidence item of `kind` dated `date`, with no item, grade, assessor or claims yet.
    pub fn new(
        id: impl Into<String>,
        kind: impl Into<String>,
        date: Date,
        status: ReviewState,
    ) -> Self {
        Self {
            id: id.into(),
            kind: kind.into(),
            date,
            submitted: None,
            status,
            assessed_by: None,
            item: None,
            grade: None,
            claims: Vec::new(),
            topic: None,
            note: None,
            unknown_fields: Vec::new(),
        }
    }

    /// Submitted to the program on `date` (for equivalency: the claim date).
    pub fn with_submitted(mut self, date: Date) -> Self {
        self.submitted = Some(date);
        self
    }

    /// Completing the catalogue item `item`.
    pub fn with_item(mut self, item: impl Into<String>) -> Self {
        self.item = Some(item.into());
        self
    }

    /// With a grade (0 to 100).
    pub fn with_grade(mut self, grade: f64) -> Self {
        self.grade = Some(grade);
        self
    }

    /// Assessed by `assessor`.
    pub fn with_assessor(mut self, assessor: Assessor) -> Self {
        self.assessed_by = Some(assessor);
        self
    }

    /// With one more competency claim.
    pub fn with_claim(mut self, claim: Claim) -> Self {
        self.claims.push(claim);
        self
    }

    /// On the final assignment's topic `topic`.
    pub fn with_topic(mut self, topic: impl Into<String>) -> Self {
        self.topic = Some(topic.into());
        self
    }

    /// With a note (kept, not used by the rules).
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// A participant document that cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[error("participant document{}: {message}", if path.is_empty() { String::new() } else { format!(" at `{path}`") })]
#[non_exhaustive]
pub struct ParticipantError {
    /// `syntax`, `invalid_document`, or `limit_exceeded` (the document is past one of the
    /// [`crate::limits`]).
    pub code: FailureCode,
    /// The JSON path of the offending field (`evidence`, `coach.organization`); empty for the whole document.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// 1-based line, for syntax errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column, for syntax errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong with the field, in codes (for a message in another language).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<Box<crate::ffi::FailureDetail>>,
}

impl ParticipantError {
    fn at(code: FailureCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code,
            path: path.into(),
            message: message.into(),
            line: None,
            column: None,
            detail: None,
        }
    }
}

/// Building a participant in Rust (an LMS back end), without writing JSON:
///
/// ```
/// use competency_rules::participant::{Assessor, Evidence, Participant, ReviewState};
/// use competency_rules::{Pack, evaluate};
///
/// let date = |d: &str| d.parse::<competency_rules::Date>();
/// let course = Evidence::new("c-1", "association_course", date("2026-03-02")?, ReviewState::Approved)
///     .with_item("omssa.hsi101")
///     .with_grade(88.0)
///     .with_assessor(Assessor { role: "provider".into(), id: None, name: None });
/// let participant = Participant::new("p-1", "county-a", "front_line", date("2026-01-15")?)
///     .with_evidence(course);
/// let report = evaluate(&Pack::hslp()?, &participant, date("2026-11-24")?)?;
/// assert_eq!(report.status.id(), "in_progress");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Participant {
    /// A participant with no coach, mentor, identities or evidence yet.
    pub fn new(
        id: impl Into<String>,
        organization: impl Into<String>,
        level: impl Into<String>,
        enrolled: Date,
    ) -> Self {
        Self {
            id: id.into(),
            name: None,
            organization: organization.into(),
            level: level.into(),
            enrolled,
            coach: None,
            mentor: None,
            agents: Vec::new(),
            development: None,
            evidence: Vec::new(),
            planned: Vec::new(),
            #[cfg(not(feature = "planning"))]
            unread_plans: false,
            unknown_fields: Vec::new(),
            set_aside: Vec::new(),
        }
    }

    /// With a development selection.
    pub fn with_development(mut self, development: Development) -> Self {
        self.development = Some(development);
        self
    }

    /// With a display name.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// With a coach.
    pub fn with_coach(mut self, coach: Person) -> Self {
        self.coach = Some(coach);
        self
    }

    /// With a mentor.
    pub fn with_mentor(mut self, mentor: Person) -> Self {
        self.mentor = Some(mentor);
        self
    }

    /// With one more xAPI identity.
    pub fn with_agent(mut self, agent: Agent) -> Self {
        self.agents.push(agent);
        self
    }

    /// With one more evidence item.
    pub fn with_evidence(mut self, evidence: Evidence) -> Self {
        self.evidence.push(EvidenceEntry::Item(evidence));
        self
    }

    /// Fields of the document the format does not know, by path (each is a finding in the report).
    pub fn unknown_fields(&self) -> &[String] {
        &self.unknown_fields
    }

    /// Input from another source (xAPI statements) that did not become evidence, with the reason
    /// (each is reported as not counted).
    pub fn set_aside(&self) -> &[SetAside] {
        &self.set_aside
    }
}
