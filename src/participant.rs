//! The participant document: who the participant is and the evidence they submitted.
//!
//! Reading is strict at the root (a document whose root cannot be read is an error with its JSON
//! path) and lenient below it: an evidence item that cannot be read is kept as
//! [`EvidenceEntry::Malformed`] and reported as not counted, and fields the format does not know are
//! kept as findings. Nothing the caller sent is silently dropped.

use crate::date::Date;
use crate::ffi::FailureCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The format identifier a participant document may declare in its `format` key.
pub const PARTICIPANT_FORMAT: &str = "competency-rules/participant@1";

/// A participant in the program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
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
    /// The evidence items.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(type = "Evidence[]"))]
    pub evidence: Vec<EvidenceEntry>,
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

/// A coach or mentor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Account {
    /// The system's home page (canonical URL).
    #[serde(rename = "homePage")]
    pub home_page: String,
    /// The user's id or login on that system.
    pub name: String,
}

/// Where an evidence item is in its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReviewState {
    /// Submitted, not yet reviewed.
    Submitted,
    /// Reviewed and approved.
    Approved,
    /// Reviewed and rejected.
    Rejected,
}

/// Who assessed an evidence item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Claim {
    /// The competency id.
    pub competency: String,
    /// The proficiency level id.
    pub level: String,
}

/// One evidence item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Evidence {
    /// Stable id, unique within the participant.
    pub id: String,
    /// The evidence kind (an id of the pack's `[[evidence_kind]]`).
    pub kind: String,
    /// When the learning or activity happened (completion date, session date...).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub date: Date,
    /// When it was submitted to the program (for equivalency: the claim date). Defaults to `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
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

/// An evidence item as read: usable, or kept with why it could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MalformedEvidence {
    /// Where it is in the document, e.g. `evidence[4]`.
    pub at: String,
    /// Its id, when one could be read.
    pub id: Option<String>,
    /// What is wrong, with the path inside the item.
    pub detail: String,
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
}

/// The document nests deeper than [`crate::limits::MAX_JSON_DEPTH`].
fn too_deep() -> ParticipantError {
    ParticipantError::at(
        FailureCode::LimitExceeded,
        "",
        format!(
            "arrays and objects nest more than {} deep",
            crate::limits::MAX_JSON_DEPTH
        ),
    )
}

impl ParticipantError {
    fn at(code: FailureCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code,
            path: path.into(),
            message: message.into(),
            line: None,
            column: None,
        }
    }
}

const ROOT_FIELDS: &[&str] = &[
    "format",
    "id",
    "name",
    "organization",
    "level",
    "enrolled",
    "coach",
    "mentor",
    "agents",
    "evidence",
];
const PERSON_FIELDS: &[&str] = &["id", "name", "organization", "appointed_by"];
const EVIDENCE_FIELDS: &[&str] = &[
    "id",
    "kind",
    "date",
    "submitted",
    "status",
    "assessed_by",
    "item",
    "grade",
    "claims",
    "topic",
    "note",
];
/// The properties of an xAPI Agent (also what the statement reader allows in one).
pub(crate) const AGENT_FIELDS: &[&str] = &[
    "objectType",
    "name",
    "mbox",
    "mbox_sha1sum",
    "openid",
    "account",
];
/// The properties of an xAPI account.
pub(crate) const ACCOUNT_FIELDS: &[&str] = &["homePage", "name"];
const ASSESSOR_FIELDS: &[&str] = &["role", "id", "name"];
const CLAIM_FIELDS: &[&str] = &["competency", "level"];

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
            evidence: Vec::new(),
            unknown_fields: Vec::new(),
            set_aside: Vec::new(),
        }
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

    /// Reads a participant document from JSON text.
    pub fn from_json(text: &str) -> Result<Participant, ParticipantError> {
        use crate::limits::{MAX_JSON_DEPTH, MAX_PARTICIPANT_BYTES, json_too_deep};
        if text.len() > MAX_PARTICIPANT_BYTES {
            return Err(ParticipantError::at(
                FailureCode::LimitExceeded,
                "",
                format!(
                    "the document is {} bytes, more than the limit of {MAX_PARTICIPANT_BYTES}",
                    text.len()
                ),
            ));
        }
        if let Some(offset) = json_too_deep(text, MAX_JSON_DEPTH) {
            let (line, column) = crate::diagnostics::LineIndex::new(text).line_column(text, offset);
            return Err(ParticipantError {
                line: Some(line),
                column: Some(column),
                ..too_deep()
            });
        }
        let value: Value = serde_json::from_str(text).map_err(|err| ParticipantError {
            line: Some(err.line()),
            column: Some(err.column()),
            ..ParticipantError::at(FailureCode::Syntax, "", format!("invalid JSON: {err}"))
        })?;
        Self::from_value(value)
    }

    /// Reads a participant document from a JSON value.
    pub fn from_value(value: Value) -> Result<Participant, ParticipantError> {
        use crate::limits::{MAX_EVIDENCE, MAX_ID_CHARS, MAX_JSON_DEPTH, id_too_long, value_depth};
        if value_depth(&value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH {
            return Err(too_deep());
        }
        if let Some(Value::Array(items)) = value.get("evidence")
            && items.len() > MAX_EVIDENCE
        {
            return Err(ParticipantError::at(
                FailureCode::LimitExceeded,
                "evidence",
                format!(
                    "{} evidence items, more than the limit of {MAX_EVIDENCE}",
                    items.len()
                ),
            ));
        }
        if let Some(id) = value.get("id").and_then(Value::as_str)
            && id_too_long(id)
        {
            return Err(ParticipantError::at(
                FailureCode::LimitExceeded,
                "id",
                format!("the id is longer than the limit of {MAX_ID_CHARS} characters"),
            ));
        }
        let Value::Object(mut root) = value else {
            return Err(ParticipantError::at(
                FailureCode::InvalidDocument,
                "",
                "a participant document is a JSON object",
            ));
        };
        let mut unknown_fields = Vec::new();
        unknown_keys(&root, ROOT_FIELDS, "", &mut unknown_fields);
        if let Some(format) = root.get("format")
            && format.as_str() != Some(PARTICIPANT_FORMAT)
        {
            return Err(ParticipantError::at(
                FailureCode::InvalidDocument,
                "format",
                format!(
                    "unsupported format {format}; expected \"{PARTICIPANT_FORMAT}\" (or leave it out)"
                ),
            ));
        }
        for key in ["coach", "mentor"] {
            if let Some(Value::Object(person)) = root.get(key) {
                unknown_keys(person, PERSON_FIELDS, key, &mut unknown_fields);
            }
        }
        if let Some(Value::Array(agents)) = root.get("agents") {
            for (i, agent) in agents.iter().enumerate() {
                if let Value::Object(agent) = agent {
                    let path = format!("agents[{i}]");
                    unknown_keys(agent, AGENT_FIELDS, &path, &mut unknown_fields);
                    if let Some(Value::Object(account)) = agent.get("account") {
                        let path = format!("{path}.account");
                        unknown_keys(account, ACCOUNT_FIELDS, &path, &mut unknown_fields);
                    }
                }
            }
        }
        let evidence_value = root.remove("evidence").unwrap_or(Value::Array(Vec::new()));
        let Value::Array(items) = evidence_value else {
            return Err(ParticipantError::at(
                FailureCode::InvalidDocument,
                "evidence",
                "`evidence` must be a list",
            ));
        };
        let mut participant = read_root(&root).map_err(|(path, message)| {
            ParticipantError::at(FailureCode::InvalidDocument, path, message)
        })?;
        participant.unknown_fields = unknown_fields;
        participant.evidence = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| read_evidence(i, item))
            .collect();
        Ok(participant)
    }
}

fn unknown_keys(
    object: &Map<String, Value>,
    allowed: &[&str],
    prefix: &str,
    out: &mut Vec<String>,
) {
    for key in object.keys() {
        if !allowed.contains(&key.as_str()) {
            out.push(if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            });
        }
    }
}

fn read_evidence(index: usize, item: Value) -> EvidenceEntry {
    let at = format!("evidence[{index}]");
    let id = item.get("id").and_then(Value::as_str).map(str::to_owned);
    let mut unknown = Vec::new();
    if let Value::Object(object) = &item {
        unknown_keys(object, EVIDENCE_FIELDS, "", &mut unknown);
        if let Some(Value::Object(assessor)) = object.get("assessed_by") {
            unknown_keys(assessor, ASSESSOR_FIELDS, "assessed_by", &mut unknown);
        }
        if let Some(Value::Array(claims)) = object.get("claims") {
            for (ci, claim) in claims.iter().enumerate() {
                if let Value::Object(claim) = claim {
                    unknown_keys(claim, CLAIM_FIELDS, &format!("claims[{ci}]"), &mut unknown);
                }
            }
        }
    }
    match read_item(&item) {
        Ok(evidence) if crate::limits::id_too_long(&evidence.id) => {
            EvidenceEntry::Malformed(MalformedEvidence {
                at,
                id: None,
                detail: format!(
                    "id: longer than the limit of {} characters",
                    crate::limits::MAX_ID_CHARS
                ),
            })
        }
        Ok(mut evidence) => {
            evidence.unknown_fields = unknown;
            EvidenceEntry::Item(evidence)
        }
        Err((path, message)) => {
            let detail = if path.is_empty() {
                message
            } else {
                format!("{path}: {message}")
            };
            EvidenceEntry::Malformed(MalformedEvidence { at, id, detail })
        }
    }
}

// Reading by hand rather than through serde's derived visitors keeps the WebAssembly module small;
// the rules are those of the serde attributes above (which the published schema comes from), and
// a test holds the two to the same results.

/// A read failure: the path of the field and what is wrong.
type Failure = (String, String);

fn expected(path: String, what: &str, found: &Value) -> Failure {
    (
        path,
        format!(
            "expected {what}, found {}",
            crate::pack::describe_value(found, "an object")
        ),
    )
}

fn object<'v>(value: &'v Value, path: &str) -> Result<&'v Map<String, Value>, Failure> {
    value
        .as_object()
        .ok_or_else(|| expected(path.to_owned(), "an object", value))
}

/// A key's value, `null` counting as absent.
fn present<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    map.get(key).filter(|v| !v.is_null())
}

fn string(value: &Value, path: String) -> Result<String, Failure> {
    value
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| expected(path, "a string", value))
}

fn required<'v>(map: &'v Map<String, Value>, path: &str, key: &str) -> Result<&'v Value, Failure> {
    match map.get(key) {
        Some(value) => Ok(value),
        None => Err((
            crate::pack::child_path(path, key),
            format!("missing key `{key}`"),
        )),
    }
}

fn req_string(map: &Map<String, Value>, path: &str, key: &str) -> Result<String, Failure> {
    string(
        required(map, path, key)?,
        crate::pack::child_path(path, key),
    )
}

fn opt_string(map: &Map<String, Value>, path: &str, key: &str) -> Result<Option<String>, Failure> {
    present(map, key)
        .map(|v| string(v, crate::pack::child_path(path, key)))
        .transpose()
}

fn date(value: &Value, path: String) -> Result<Date, Failure> {
    let text = string(value, path.clone())?;
    text.parse()
        .map_err(|e: crate::date::DateError| (path, e.to_string()))
}

fn person(value: &Value, path: &str) -> Result<Person, Failure> {
    let map = object(value, path)?;
    Ok(Person {
        id: req_string(map, path, "id")?,
        name: opt_string(map, path, "name")?,
        organization: req_string(map, path, "organization")?,
        appointed_by: opt_string(map, path, "appointed_by")?,
    })
}

/// One agent: exactly one identifier (`objectType` and `name` may come along, as in a statement).
fn agent(value: &Value, path: &str) -> Result<Agent, Failure> {
    let map = object(value, path)?;
    let account = match present(map, "account") {
        None => None,
        Some(v) => {
            let path = crate::pack::child_path(path, "account");
            let a = object(v, &path)?;
            Some(Account {
                home_page: req_string(a, &path, "homePage")?,
                name: req_string(a, &path, "name")?,
            })
        }
    };
    let found = Agent {
        mbox: opt_string(map, path, "mbox")?,
        mbox_sha1sum: opt_string(map, path, "mbox_sha1sum")?,
        openid: opt_string(map, path, "openid")?,
        account,
    };
    let count = usize::from(found.mbox.is_some())
        + usize::from(found.mbox_sha1sum.is_some())
        + usize::from(found.openid.is_some())
        + usize::from(found.account.is_some());
    if count != 1 {
        return Err((
            path.to_owned(),
            "an agent has exactly one of `mbox`, `mbox_sha1sum`, `openid`, `account`".into(),
        ));
    }
    Ok(found)
}

fn read_root(root: &Map<String, Value>) -> Result<Participant, Failure> {
    Ok(Participant {
        id: req_string(root, "", "id")?,
        name: opt_string(root, "", "name")?,
        organization: req_string(root, "", "organization")?,
        level: req_string(root, "", "level")?,
        enrolled: date(required(root, "", "enrolled")?, "enrolled".into())?,
        coach: present(root, "coach")
            .map(|v| person(v, "coach"))
            .transpose()?,
        mentor: present(root, "mentor")
            .map(|v| person(v, "mentor"))
            .transpose()?,
        agents: match present(root, "agents") {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| agent(v, &format!("agents[{i}]")))
                .collect::<Result<_, Failure>>()?,
            Some(other) => return Err(expected("agents".into(), "a list", other)),
        },
        evidence: Vec::new(),
        unknown_fields: Vec::new(),
        set_aside: Vec::new(),
    })
}

fn read_item(value: &Value) -> Result<Evidence, Failure> {
    let map = object(value, "")?;
    let status = match string(required(map, "", "status")?, "status".into())?.as_str() {
        "submitted" => ReviewState::Submitted,
        "approved" => ReviewState::Approved,
        "rejected" => ReviewState::Rejected,
        other => {
            return Err((
                "status".into(),
                format!("`{other}` is not one of: submitted, approved, rejected"),
            ));
        }
    };
    let assessed_by = match present(map, "assessed_by") {
        None => None,
        Some(v) => {
            let a = object(v, "assessed_by")?;
            Some(Assessor {
                role: req_string(a, "assessed_by", "role")?,
                id: opt_string(a, "assessed_by", "id")?,
                name: opt_string(a, "assessed_by", "name")?,
            })
        }
    };
    let claims = match map.get("claims") {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let path = format!("claims[{i}]");
                let c = object(c, &path)?;
                Ok(Claim {
                    competency: req_string(c, &path, "competency")?,
                    level: req_string(c, &path, "level")?,
                })
            })
            .collect::<Result<_, Failure>>()?,
        Some(other) => return Err(expected("claims".into(), "a list", other)),
    };
    let grade = match present(map, "grade") {
        None => None,
        Some(v) => Some(
            v.as_f64()
                .ok_or_else(|| expected("grade".into(), "a number", v))?,
        ),
    };
    Ok(Evidence {
        id: req_string(map, "", "id")?,
        kind: req_string(map, "", "kind")?,
        date: date(required(map, "", "date")?, "date".into())?,
        submitted: present(map, "submitted")
            .map(|v| date(v, "submitted".into()))
            .transpose()?,
        status,
        assessed_by,
        item: opt_string(map, "", "item")?,
        grade,
        claims,
        topic: opt_string(map, "", "topic")?,
        note: opt_string(map, "", "note")?,
        unknown_fields: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The hand reader and the serde derives (the schema's source) agree on evidence items:
    /// serde's result, or `None` where serde refuses.
    fn agree(item: &Value) -> Result<(), String> {
        let derived = serde_json::from_value::<Evidence>(item.clone()).ok();
        let hand = read_item(item).ok();
        if derived == hand {
            Ok(())
        } else {
            Err(format!("{item}: serde {derived:?}, hand {hand:?}"))
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn the_evidence_reader_agrees_with_serde(
            fields in prop::collection::btree_map(
                prop::sample::select(vec!["id", "kind", "date", "submitted", "status", "assessed_by", "item", "grade", "claims", "topic", "note"]),
                prop_oneof![
                    Just(Value::Null), Just(Value::from("x")), Just(Value::from("2026-02-01")), Just(Value::from("2026-02-30")),
                    Just(Value::from("approved")), Just(Value::from(80)), Just(Value::from(72.5)), Just(Value::from(true)),
                    Just(serde_json::json!({"role": "coach", "id": "c"})), Just(serde_json::json!({"id": "c"})),
                    Just(serde_json::json!([{"competency": "a", "level": "b"}])), Just(serde_json::json!([{"competency": "a"}])),
                    Just(serde_json::json!([])), Just(serde_json::json!({})),
                ],
                0..11,
            )
        ) {
            let item = Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect());
            prop_assert!(agree(&item).is_ok(), "{}", agree(&item).err().unwrap_or_default());
        }
    }

    const BASE: &str =
        r#"{"id":"p","organization":"o","level":"front_line","enrolled":"2025-01-01"}"#;

    #[test]
    fn syntax_errors_have_line_and_column() {
        let err = Participant::from_json("{\n  \"id\": }").err();
        assert_eq!(err.as_ref().map(|e| e.code), Some(FailureCode::Syntax));
        assert_eq!(err.and_then(|e| e.line), Some(2));
    }

    #[test]
    fn root_errors_name_the_field_path() {
        let err = Participant::from_json(
            r#"{"id":"p","organization":"o","level":"x","enrolled":"2025-13-01"}"#,
        )
        .err();
        assert_eq!(err.map(|e| e.path), Some("enrolled".to_owned()));
        let err = Participant::from_json(r#"{"id":"p","organization":"o","level":"x","enrolled":"2025-01-01","coach":{"id":"c"}}"#).err();
        assert_eq!(err.map(|e| e.path), Some("coach.organization".to_owned()));
    }

    #[test]
    fn a_bad_evidence_item_is_kept_as_malformed() {
        let text = BASE.replace(
            '}',
            r#","evidence":[{"id":"e1","kind":"k","date":"2025-02-30","status":"approved"}]}"#,
        );
        let p = Participant::from_json(&text).ok();
        let entry = p.as_ref().and_then(|p| p.evidence.first());
        match entry {
            Some(EvidenceEntry::Malformed(m)) => {
                assert_eq!(m.id.as_deref(), Some("e1"));
                assert_eq!(m.at, "evidence[0]");
                assert!(m.detail.starts_with("date:"), "{}", m.detail);
            }
            other => panic!("expected a malformed entry, got {other:?}"),
        }
    }

    #[test]
    fn unknown_fields_are_recorded_not_dropped() {
        let text = BASE.replace('}', r#","team":"x","evidence":[{"id":"e1","kind":"k","date":"2025-02-01","status":"approved","grde":5}]}"#);
        let p = Participant::from_json(&text).ok();
        assert_eq!(
            p.as_ref().map(|p| p.unknown_fields.clone()),
            Some(vec!["team".to_owned()])
        );
        match p.as_ref().and_then(|p| p.evidence.first()) {
            Some(EvidenceEntry::Item(e)) => assert_eq!(e.unknown_fields, vec!["grde".to_owned()]),
            other => panic!("expected an item, got {other:?}"),
        }
    }
}
