//! Reading a participant document: strict at the root (a failure names the JSON path), lenient
//! below it (an unreadable evidence item is kept as malformed, unknown fields are recorded).

use super::*;
use serde_json::{Map, Value};

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

impl Participant {
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
        let value: Value = serde_json::from_str(text).map_err(|err| {
            let (line, column) = crate::diagnostics::json_error_position(&err);
            ParticipantError {
                line: Some(line),
                column: Some(column),
                ..ParticipantError::at(FailureCode::Syntax, "", format!("invalid JSON: {err}"))
            }
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
            crate::pack::kind_of(found, "an object")
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
            crate::pack::child(path, key),
            format!("missing key `{key}`"),
        )),
    }
}

fn req_string(map: &Map<String, Value>, path: &str, key: &str) -> Result<String, Failure> {
    string(required(map, path, key)?, crate::pack::child(path, key))
}

fn opt_string(map: &Map<String, Value>, path: &str, key: &str) -> Result<Option<String>, Failure> {
    present(map, key)
        .map(|v| string(v, crate::pack::child(path, key)))
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
            let path = crate::pack::child(path, "account");
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
