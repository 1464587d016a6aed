//! Reading a participant document: strict at the root (a failure names the JSON path), lenient
//! below it (an unreadable evidence item is kept as malformed, unknown fields are recorded).

use super::*;
use crate::json_reader::{self as json, Problem, Wording};
use crate::messages::Message;
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
    "development",
    "evidence",
    "planned",
];
const PLANNED_FIELDS: &[&str] = &[
    "id", "kind", "date", "item", "grade", "claims", "topic", "note",
];
const DEVELOPMENT_FIELDS: &[&str] = &["competencies", "agreed_by", "agreed_on"];
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
        use crate::limits::MAX_PARTICIPANT_BYTES;
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
        // A document with nothing to report takes the fast path (no `Value` tree, no paths).
        #[cfg(feature = "typed-read")]
        if let Some(participant) = super::fast::read(text) {
            return Ok(participant);
        }
        Self::collect_all(text)
    }

    /// Reads a participant document through the `Value` tree, reporting every problem.
    fn collect_all(text: &str) -> Result<Participant, ParticipantError> {
        use crate::limits::{MAX_JSON_DEPTH, json_too_deep};
        if let Some(offset) = json_too_deep(text, MAX_JSON_DEPTH) {
            let (line, column) = crate::diagnostics::LineIndex::new(text).line_column(text, offset);
            return Err(ParticipantError {
                line: Some(line),
                column: Some(column),
                ..too_deep()
            });
        }
        let value: Value = serde_json::from_str(text).map_err(|err| {
            let (line, column) = crate::diagnostics::json_error_position(&err, text);
            ParticipantError {
                line: Some(line),
                column: Some(column),
                ..ParticipantError::at(
                    FailureCode::Syntax,
                    "",
                    format!(
                        "invalid JSON: {}",
                        crate::diagnostics::json_error_message(&err, text)
                    ),
                )
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
            // (Not `{format}`: displaying a `Value` would link serde_json's pretty printer.)
            let shown = match format.as_str() {
                Some(text) => format!("\"{text}\""),
                None => json::kind_of(format, "an object").to_owned(),
            };
            return Err(ParticipantError::at(
                FailureCode::InvalidDocument,
                "format",
                format!(
                    "unsupported format {shown}; expected \"{PARTICIPANT_FORMAT}\" (or leave it out)"
                ),
            ));
        }
        for key in ["coach", "mentor"] {
            if let Some(Value::Object(person)) = root.get(key) {
                unknown_keys(person, PERSON_FIELDS, key, &mut unknown_fields);
            }
        }
        if let Some(Value::Array(planned)) = root.get("planned") {
            for (i, item) in planned.iter().enumerate() {
                if let Value::Object(item) = item {
                    let path = format!("planned[{i}]");
                    unknown_keys(item, PLANNED_FIELDS, &path, &mut unknown_fields);
                }
            }
        }
        if let Some(Value::Object(development)) = root.get("development") {
            unknown_keys(
                development,
                DEVELOPMENT_FIELDS,
                "development",
                &mut unknown_fields,
            );
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
        let mut participant = read_root(&root).map_err(|problem| ParticipantError {
            detail: failure_detail(&problem.wrong).map(Box::new),
            ..ParticipantError::at(FailureCode::InvalidDocument, problem.path, problem.message)
        })?;
        participant.unknown_fields = unknown_fields;
        participant.evidence = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| read_evidence(i, item))
            .collect();
        if participant.planned.len() > MAX_EVIDENCE {
            return Err(ParticipantError::at(
                FailureCode::LimitExceeded,
                "planned",
                format!(
                    "{} planned items, more than the limit of {MAX_EVIDENCE}",
                    participant.planned.len()
                ),
            ));
        }
        // A planned item's id may not be an evidence item's: the projection counts both.
        for (i, planned) in participant.planned.iter().enumerate() {
            let taken = participant.evidence.iter().any(|e| match e {
                EvidenceEntry::Item(ev) => ev.id == planned.id,
                EvidenceEntry::Malformed(m) => m.id.as_deref() == Some(planned.id.as_str()),
            });
            if taken {
                return Err(ParticipantError::at(
                    FailureCode::InvalidDocument,
                    format!("planned[{i}].id"),
                    format!("`{}` is already the id of an evidence item", planned.id),
                ));
            }
        }
        Ok(participant)
    }
}

fn unknown_keys(
    object: &Map<String, Value>,
    allowed: &[&str],
    prefix: &str,
    out: &mut Vec<String>,
) {
    for key in json::unknown_keys(object, allowed) {
        out.push(if prefix.is_empty() {
            key.clone()
        } else {
            json::child(prefix, key)
        });
    }
}

/// A reader's problem with an evidence item as a message and its parameters (the field's path
/// inside the item, and what is wrong in codes), so that it reads in every language.
fn malformed_reason(problem: Problem) -> (Message, Vec<(&'static str, String)>) {
    use json::Wrong;
    let field = ("field", problem.path);
    match problem.wrong {
        Wrong::Type { found, .. } if field.1.is_empty() => (
            Message::MalformedNotAnObject,
            vec![("found", found.code().to_owned())],
        ),
        Wrong::Type { expected, found } => (
            Message::MalformedType,
            vec![
                field,
                ("expected", expected.code().to_owned()),
                ("found", found.code().to_owned()),
            ],
        ),
        Wrong::Missing => (Message::MalformedMissing, vec![field]),
        Wrong::NotOneOf { value, choices } => (
            Message::MalformedNotOneOf,
            vec![field, ("value", value), ("choices", choices)],
        ),
        Wrong::Date { value } => (Message::MalformedDate, vec![field, ("value", value)]),
        Wrong::Other => (Message::Malformed, Vec::new()),
    }
}

/// What is wrong, in codes, for a failure (`None` where only the English message says it).
fn failure_detail(wrong: &json::Wrong) -> Option<crate::ffi::FailureDetail> {
    use crate::ffi::FailureDetail;
    use json::Wrong;
    Some(match wrong {
        Wrong::Type { expected, found } => FailureDetail {
            expected: Some(expected.code()),
            found: Some(found.code()),
            ..FailureDetail::new("type")
        },
        Wrong::Missing => FailureDetail::new("missing"),
        Wrong::NotOneOf { value, choices } => FailureDetail {
            value: Some(value.clone()),
            choices: Some(choices.clone()),
            ..FailureDetail::new("not_one_of")
        },
        Wrong::Date { value } => FailureDetail {
            value: Some(value.clone()),
            ..FailureDetail::new("date")
        },
        Wrong::Other => return None,
    })
}

/// One evidence item, at `evidence[index]`: the item, or what is wrong with it.
pub(super) fn read_evidence(index: usize, item: Value) -> EvidenceEntry {
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
                reason: Some((
                    Message::MalformedIdTooLong,
                    vec![("max", crate::limits::MAX_ID_CHARS.to_string())],
                )),
            })
        }
        Ok(mut evidence) => {
            evidence.unknown_fields = unknown;
            EvidenceEntry::Item(evidence)
        }
        Err(problem) => EvidenceEntry::Malformed(MalformedEvidence {
            at,
            id,
            detail: problem.joined(),
            reason: Some(malformed_reason(problem)),
        }),
    }
}

// Reading by hand (the shared JSON reader, stopping at the first problem) rather than through
// serde's derived visitors keeps the WebAssembly module small; the rules are those of the serde
// attributes in `mod.rs` (which the published schema comes from), and a test holds the two to the
// same results.

const W: Wording = Wording::Document;

fn date(w: Wording, value: &Value, path: &str) -> Result<Date, Problem> {
    let text = json::str(w, value, path)?;
    text.parse().map_err(|e: crate::date::DateError| Problem {
        wrong: json::Wrong::Date {
            value: text.to_owned(),
        },
        ..Problem::invalid(path, e.to_string())
    })
}

fn person(w: Wording, value: &Value, path: &str) -> Result<Person, Problem> {
    let map = json::object(w, value, path)?;
    Ok(Person {
        id: json::req(w, map, path, "id", json::string)?,
        name: json::opt(w, map, path, "name", json::string)?,
        organization: json::req(w, map, path, "organization", json::string)?,
        appointed_by: json::opt(w, map, path, "appointed_by", json::string)?,
    })
}

fn account(w: Wording, value: &Value, path: &str) -> Result<Account, Problem> {
    let map = json::object(w, value, path)?;
    Ok(Account {
        home_page: json::req(w, map, path, "homePage", json::string)?,
        name: json::req(w, map, path, "name", json::string)?,
    })
}

/// One agent: exactly one identifier (`objectType` and `name` may come along, as in a statement).
fn agent(w: Wording, value: &Value, path: &str) -> Result<Agent, Problem> {
    let map = json::object(w, value, path)?;
    let found = Agent {
        account: json::opt(w, map, path, "account", account)?,
        mbox: json::opt(w, map, path, "mbox", json::string)?,
        mbox_sha1sum: json::opt(w, map, path, "mbox_sha1sum", json::string)?,
        openid: json::opt(w, map, path, "openid", json::string)?,
    };
    let count = usize::from(found.mbox.is_some())
        + usize::from(found.mbox_sha1sum.is_some())
        + usize::from(found.openid.is_some())
        + usize::from(found.account.is_some());
    if count != 1 {
        return Err(Problem::invalid(
            path,
            "an agent has exactly one of `mbox`, `mbox_sha1sum`, `openid`, `account`",
        ));
    }
    Ok(found)
}

/// Each entry of a list read by `read`, stopping at the first that cannot be read.
fn each<T>(
    w: Wording,
    value: &Value,
    path: &str,
    read: impl Fn(Wording, &Value, &str) -> Result<T, Problem>,
) -> Result<Vec<T>, Problem> {
    let items = json::list(w, value, path)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        out.push(read(w, v, &json::item(path, i))?);
    }
    Ok(out)
}

fn read_root(root: &Map<String, Value>) -> Result<Participant, Problem> {
    Ok(Participant {
        id: json::req(W, root, "", "id", json::string)?,
        name: json::opt(W, root, "", "name", json::string)?,
        organization: json::req(W, root, "", "organization", json::string)?,
        level: json::req(W, root, "", "level", json::string)?,
        enrolled: json::req(W, root, "", "enrolled", date)?,
        coach: json::opt(W, root, "", "coach", person)?,
        mentor: json::opt(W, root, "", "mentor", person)?,
        agents: json::opt(W, root, "", "agents", |w, v, p| each(w, v, p, agent))?
            .unwrap_or_default(),
        development: json::opt(W, root, "", "development", development)?,
        evidence: Vec::new(),
        #[cfg(feature = "planning")]
        planned: json::opt(W, root, "", "planned", |w, v, p| each(w, v, p, planned))?
            .unwrap_or_default(),
        #[cfg(not(feature = "planning"))]
        planned: Vec::new(),
        // (A build without the planner reads no plans, and says so in a finding.)
        #[cfg(not(feature = "planning"))]
        unread_plans: root
            .get("planned")
            .and_then(Value::as_array)
            .is_some_and(|plans| !plans.is_empty()),
        unknown_fields: Vec::new(),
        set_aside: Vec::new(),
    })
}

#[cfg(feature = "planning")]
fn planned(w: Wording, value: &Value, path: &str) -> Result<Planned, Problem> {
    let map = json::object(w, value, path)?;
    let claims = match map.get("claims") {
        None => Vec::new(),
        Some(value) => each(w, value, &json::child(path, "claims"), claim)?,
    };
    Ok(Planned {
        id: json::req(w, map, path, "id", json::string)?,
        kind: json::req(w, map, path, "kind", json::string)?,
        date: json::req(w, map, path, "date", date)?,
        item: json::opt(w, map, path, "item", json::string)?,
        grade: json::opt(w, map, path, "grade", json::f64)?,
        claims,
        topic: json::opt(w, map, path, "topic", json::string)?,
        note: json::opt(w, map, path, "note", json::string)?,
    })
}

fn development(w: Wording, value: &Value, path: &str) -> Result<Development, Problem> {
    let map = json::object(w, value, path)?;
    Ok(Development {
        competencies: json::req(w, map, path, "competencies", |w, v, p| {
            each(w, v, p, json::string)
        })?,
        agreed_by: json::opt(w, map, path, "agreed_by", json::string)?,
        agreed_on: json::opt(w, map, path, "agreed_on", date)?,
    })
}

fn assessor(w: Wording, value: &Value, path: &str) -> Result<Assessor, Problem> {
    let map = json::object(w, value, path)?;
    Ok(Assessor {
        role: json::req(w, map, path, "role", json::string)?,
        id: json::opt(w, map, path, "id", json::string)?,
        name: json::opt(w, map, path, "name", json::string)?,
    })
}

fn claim(w: Wording, value: &Value, path: &str) -> Result<Claim, Problem> {
    let map = json::object(w, value, path)?;
    Ok(Claim {
        competency: json::req(w, map, path, "competency", json::string)?,
        level: json::req(w, map, path, "level", json::string)?,
    })
}

fn review_state(w: Wording, value: &Value, path: &str) -> Result<ReviewState, Problem> {
    let index = json::choice(w, value, path, ReviewState::IDS)?;
    ReviewState::ALL
        .get(index)
        .copied()
        .ok_or_else(|| Problem::invalid(path, "unknown review state"))
}

fn read_item(value: &Value) -> Result<Evidence, Problem> {
    let map = json::object(W, value, "")?;
    let status = json::req(W, map, "", "status", review_state)?;
    let assessed_by = json::opt(W, map, "", "assessed_by", assessor)?;
    // (Not `opt`: a `null` list of claims is refused, as serde refuses it.)
    let claims = match map.get("claims") {
        None => Vec::new(),
        Some(value) => each(W, value, "claims", claim)?,
    };
    let grade = json::opt(W, map, "", "grade", json::f64)?;
    Ok(Evidence {
        id: json::req(W, map, "", "id", json::string)?,
        kind: json::req(W, map, "", "kind", json::string)?,
        date: json::req(W, map, "", "date", date)?,
        submitted: json::opt(W, map, "", "submitted", date)?,
        status,
        assessed_by,
        item: json::opt(W, map, "", "item", json::string)?,
        grade,
        claims,
        topic: json::opt(W, map, "", "topic", json::string)?,
        note: json::opt(W, map, "", "note", json::string)?,
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

    #[test]
    fn a_development_selection_is_read_and_checked() {
        let doc = |development: Value| {
            serde_json::json!({ "id": "p", "organization": "o", "level": "l",
                "enrolled": "2026-01-01", "development": development })
        };
        let read = Participant::from_value(doc(serde_json::json!({
            "competencies": ["a", "b"], "agreed_by": "m", "agreed_on": "2026-02-01", "why": 1
        })));
        let Ok(p) = read else {
            panic!("not read: {read:?}");
        };
        let development = p
            .development
            .as_ref()
            .map(|d| (d.competencies.len(), d.agreed_on));
        assert_eq!(development, Some((2, "2026-02-01".parse().ok())));
        assert_eq!(p.unknown_fields(), ["development.why"]);
        for (bad, path) in [
            (
                serde_json::json!({ "competencies": "a" }),
                "development.competencies",
            ),
            (
                serde_json::json!({ "competencies": [1] }),
                "development.competencies[0]",
            ),
            (
                serde_json::json!({ "agreed_by": "m" }),
                "development.competencies",
            ),
            (
                serde_json::json!({ "competencies": [], "agreed_on": "soon" }),
                "development.agreed_on",
            ),
        ] {
            let err = Participant::from_value(doc(bad)).err().map(|e| e.path);
            assert_eq!(err.as_deref(), Some(path));
        }
    }

    #[test]
    fn an_unsupported_format_is_named_with_the_path() {
        for (format, shown) in [
            (
                serde_json::json!("participant@9"),
                "unsupported format \"participant@9\"",
            ),
            (serde_json::json!(3), "unsupported format a number"),
        ] {
            let doc = serde_json::json!({ "format": format, "id": "p", "evidence": [] });
            let Err(err) = Participant::from_value(doc) else {
                panic!("a participant with format {format} was read");
            };
            assert_eq!(
                (err.code, err.path.as_str()),
                (FailureCode::InvalidDocument, "format")
            );
            assert!(err.message.starts_with(shown), "{}", err.message);
        }
    }

    /// The fast reader gives what the collect-all reader gives, or leaves the document to it.
    #[cfg(feature = "typed-read")]
    fn fast_agrees(text: &str) -> Result<bool, String> {
        match super::super::fast::read(text) {
            None => Ok(false),
            Some(fast) => match Participant::collect_all(text) {
                Ok(slow) if slow == fast => Ok(true),
                other => Err(format!("{text}: fast {fast:?}, collect-all {other:?}")),
            },
        }
    }

    #[cfg(feature = "typed-read")]
    #[test]
    fn the_fast_reader_agrees_on_the_examples_and_the_corpus() {
        let mut taken = 0;
        let mut seen = 0;
        for dir in ["examples", "tests/conformance/cases"] {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            let mut stack = vec![root];
            while let Some(dir) = stack.pop() {
                for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                    let path = entry.path();
                    if path.is_dir() {
                        stack.push(path);
                        continue;
                    }
                    let Ok(text) = std::fs::read_to_string(&path) else {
                        continue;
                    };
                    // Conformance cases hold the participant under `participant`.
                    let doc = match serde_json::from_str::<Value>(&text) {
                        Ok(Value::Object(mut case)) if case.contains_key("participant") => {
                            case.remove("participant").map(|p| p.to_string())
                        }
                        Ok(Value::Object(_)) => Some(text),
                        _ => None,
                    };
                    let Some(doc) = doc else { continue };
                    seen += 1;
                    match fast_agrees(&doc) {
                        Ok(true) => taken += 1,
                        Ok(false) => {}
                        Err(message) => panic!("{}: {message}", path.display()),
                    }
                }
            }
        }
        // Most documents have nothing to report: the fast path must take them.
        assert!(seen > 50 && taken * 2 > seen, "{taken} of {seen} taken");
    }

    /// A document whose only problems are in its evidence items stays on the fast path, and
    /// gives the collect-all reader's participant: malformed items with their paths, unknown
    /// fields, a repeated key (the last one wins, as in the `Value` tree), a deep item.
    #[cfg(feature = "typed-read")]
    #[test]
    fn item_problems_keep_the_fast_path() {
        let head = r#""id":"p","organization":"o","level":"manager","enrolled":"2026-01-01""#;
        let good = r#"{"id":"e1","kind":"k","date":"2026-03-01","status":"approved"}"#;
        let deep = format!(
            r#"{{"id":"e3","note":{}1{}}}"#,
            "[".repeat(70),
            "]".repeat(70)
        );
        let cases = [
            (
                r#"{"id":"e2","kind":"k","date":"2026-02-30","status":"approved"}"#,
                true,
            ),
            (
                r#"{"id":"e2","kind":"k","date":"2026-02-01","status":"approved","x":1}"#,
                true,
            ),
            (
                r#"{"id":"e2","kind":"k","kind":"j","date":"2026-02-01","status":"approved"}"#,
                true,
            ),
            (
                r#"{"id":"e2","kind":"k","date":"2026-02-01","status":"gone"}"#,
                true,
            ),
            (r#"[1]"#, true),
            // (Too deep: the whole document is refused, by the collect-all reader.)
            (deep.as_str(), false),
        ];
        for (item, fast) in cases {
            let text = format!(r#"{{{head},"evidence":[{good},{item}]}}"#);
            assert_eq!(fast_agrees(&text), Ok(fast), "{text}");
            if fast {
                let participant = Participant::from_json(&text).unwrap();
                assert!(matches!(
                    participant.evidence.first(),
                    Some(EvidenceEntry::Item(_))
                ));
            }
        }
    }

    #[cfg(feature = "typed-read")]
    fn any_value() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            Just(Value::from("x")),
            Just(Value::from("2026-02-01")),
            Just(Value::from("2026-02-30")),
            Just(Value::from("approved")),
            Just(Value::from(80)),
            Just(Value::from(72.5)),
            Just(Value::from(true)),
            Just(Value::from(PARTICIPANT_FORMAT)),
            Just(Value::from("x".repeat(300))),
            Just(serde_json::json!({"id": "c", "organization": "o"})),
            Just(serde_json::json!({"id": "c"})),
            Just(serde_json::json!({"role": "coach", "id": "c"})),
            Just(serde_json::json!([{"mbox": "mailto:a@b.c"}])),
            Just(serde_json::json!([{"mbox": "mailto:a@b.c", "openid": "x"}])),
            Just(
                serde_json::json!([{"account": {"homePage": "h", "name": "n"}, "objectType": "Agent"}])
            ),
            Just(serde_json::json!({"competencies": ["a"], "agreed_on": "2026-01-01"})),
            Just(serde_json::json!({"competencies": [1]})),
            Just(serde_json::json!([{"id": "pl", "kind": "k", "date": "2026-03-01"}])),
            Just(serde_json::json!([{"id": "e1", "kind": "k", "date": "2026-03-01"}])),
            Just(serde_json::json!([{"competency": "a", "level": "b"}])),
            Just(serde_json::json!([])),
            Just(serde_json::json!({})),
        ]
    }

    #[cfg(feature = "typed-read")]
    fn any_item() -> impl Strategy<Value = Value> {
        prop::collection::btree_map(
            prop::sample::select(vec![
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
                "extra",
            ]),
            any_value(),
            0..12,
        )
        .prop_map(|fields| {
            Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
        })
    }

    #[cfg(feature = "typed-read")]
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn the_fast_reader_agrees_with_the_collect_all_reader(
            root in prop::collection::btree_map(
                prop::sample::select(vec!["format", "id", "name", "organization", "level", "enrolled", "coach", "mentor", "agents", "development", "planned", "team"]),
                any_value(),
                0..12,
            ),
            evidence in prop::option::of(prop::collection::vec(any_item(), 0..4)),
            complete in any::<bool>(),
        ) {
            let mut doc: Map<String, Value> = root.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            if complete {
                // Most generated documents then pass, so the fast path is exercised.
                for (key, value) in [("id", "p"), ("organization", "o"), ("level", "manager"), ("enrolled", "2026-01-01")] {
                    doc.insert(key.to_owned(), Value::from(value));
                }
            }
            if let Some(items) = evidence {
                doc.insert("evidence".to_owned(), Value::Array(items));
            }
            let text = Value::Object(doc).to_string();
            prop_assert!(fast_agrees(&text).is_ok(), "{}", fast_agrees(&text).err().unwrap_or_default());
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
