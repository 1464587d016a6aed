//! The participant document: who the participant is and the evidence they submitted.
//!
//! Reading is strict at the root (a document whose root cannot be read is an error with its JSON
//! path) and lenient below it: an evidence item that cannot be read is kept as
//! [`EvidenceEntry::Malformed`] and reported as not counted, and fields the format does not know are
//! kept as findings. Nothing the caller sent is silently dropped.

use crate::date::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The format identifier a participant document may declare in its `format` key.
pub const PARTICIPANT_FORMAT: &str = "competency-rules/participant@1";

/// A participant in the program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// The evidence items.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(type = "Evidence[]"))]
    pub evidence: Vec<EvidenceEntry>,
    /// Fields of the document the format does not know, by path (reported, never dropped silently).
    #[serde(skip)]
    pub unknown_fields: Vec<String>,
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

/// Where an evidence item is in its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
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
pub struct MalformedEvidence {
    /// Where it is in the document, e.g. `evidence[4]`.
    pub at: String,
    /// Its id, when one could be read.
    pub id: Option<String>,
    /// What is wrong, with the path inside the item.
    pub detail: String,
}

/// A participant document that cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[error("participant document{}: {message}", if path.is_empty() { String::new() } else { format!(" at `{path}`") })]
pub struct ParticipantError {
    /// A stable code: `syntax`, `invalid_document` or `unknown_level`.
    pub code: &'static str,
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

impl ParticipantError {
    fn at(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
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
const ASSESSOR_FIELDS: &[&str] = &["role", "id", "name"];
const CLAIM_FIELDS: &[&str] = &["competency", "level"];

impl Participant {
    /// Reads a participant document from JSON text.
    pub fn from_json(text: &str) -> Result<Participant, ParticipantError> {
        let value: Value = serde_json::from_str(text).map_err(|err| ParticipantError {
            line: Some(err.line()),
            column: Some(err.column()),
            ..ParticipantError::at("syntax", "", format!("invalid JSON: {err}"))
        })?;
        Self::from_value(value)
    }

    /// Reads a participant document from a JSON value.
    pub fn from_value(value: Value) -> Result<Participant, ParticipantError> {
        let Value::Object(mut root) = value else {
            return Err(ParticipantError::at(
                "invalid_document",
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
                "invalid_document",
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
        let evidence_value = root.remove("evidence").unwrap_or(Value::Array(Vec::new()));
        let Value::Array(items) = evidence_value else {
            return Err(ParticipantError::at(
                "invalid_document",
                "evidence",
                "`evidence` must be a list",
            ));
        };
        root.retain(|key, _| ROOT_FIELDS.contains(&key.as_str()) && key != "format");
        let mut participant: Participant = serde_path_to_error::deserialize(Value::Object(root))
            .map_err(|err| {
                let message = err.inner().to_string();
                let path = crate::pack::error_path("", err.path(), &message);
                ParticipantError::at("invalid_document", path, message)
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
    let item = strip_unknown(item);
    match serde_path_to_error::deserialize::<_, Evidence>(item) {
        Ok(mut evidence) => {
            evidence.unknown_fields = unknown;
            EvidenceEntry::Item(evidence)
        }
        Err(err) => {
            let message = err.inner().to_string();
            let path = crate::pack::error_path("", err.path(), &message);
            let detail = if path.is_empty() {
                message
            } else {
                format!("{path}: {message}")
            };
            EvidenceEntry::Malformed(MalformedEvidence { at, id, detail })
        }
    }
}

/// Removes the keys already recorded as unknown, so they do not stop the item being read.
fn strip_unknown(mut item: Value) -> Value {
    if let Value::Object(object) = &mut item {
        object.retain(|k, _| EVIDENCE_FIELDS.contains(&k.as_str()));
        if let Some(Value::Object(assessor)) = object.get_mut("assessed_by") {
            assessor.retain(|k, _| ASSESSOR_FIELDS.contains(&k.as_str()));
        }
        if let Some(Value::Array(claims)) = object.get_mut("claims") {
            for claim in claims {
                if let Value::Object(claim) = claim {
                    claim.retain(|k, _| CLAIM_FIELDS.contains(&k.as_str()));
                }
            }
        }
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str =
        r#"{"id":"p","organization":"o","level":"front_line","enrolled":"2025-01-01"}"#;

    #[test]
    fn syntax_errors_have_line_and_column() {
        let err = Participant::from_json("{\n  \"id\": }").err();
        assert_eq!(err.as_ref().map(|e| e.code), Some("syntax"));
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
