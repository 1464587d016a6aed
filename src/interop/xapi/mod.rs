//! xAPI and cmi5 statements as evidence.
//!
//! Statements come one to a source, as an array, or as an LRS `StatementResult` page
//! (`{"statements": [...], "more": "..."}`). Each is checked as an LRS would check it and refused
//! alone when it fails (not JSON, a key given twice, no actor, verb or object, a property xAPI
//! does not define...): the others still count. A valid statement becomes an evidence item when
//!
//! - its actor is the participant (one of the participant's `agents`, by `mbox`, `mbox_sha1sum`,
//!   `openid` or `account`; `mbox_sha1sum` also matches the hash of a known `mbox`);
//! - its verb records a completion (`completed`, `passed`, `mastered`, cmi5 `satisfied`) or a
//!   waiver (cmi5 `waived`, which becomes an item of the pack's `[equivalency] waiver_kind`);
//! - its object is an activity that a catalogue item lists in `activities`;
//! - its result does not contradict the verb, and it has a `timestamp` (or `stored`).
//!
//! The item is dated by the timestamp, submitted on the `stored` date, graded by the score
//! (`scaled` × 100, or `raw` within `min`..`max`; negative scores read as 0) and assessed by the
//! pack's `[xapi] assessor` (default `provider`), so the engine's usual rules (minimum grade,
//! validity, equivalency window and cap) then apply. Every other statement is reported as not
//! counted, with why: another actor, a verb that records nothing, an activity no item lists, a
//! failure, a voided statement (and a void that voids nothing here), a repeat.

mod intake;
mod statement;
mod strict_json;

use crate::date::Date;
use crate::messages::Message;
use crate::pack::Pack;
use crate::participant::{Participant, SetAside};
use crate::report::Report;
use serde_json::Value;
use strict_json::Strict;

/// One statement as received: where it is in its source, and its JSON or why it cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Received {
    /// Where it is, e.g. `statements.json[2]`.
    pub at: String,
    /// The statement, or why it is not one (not JSON, a key given twice).
    pub statement: Result<Value, Refusal>,
}

/// Why a statement is refused, in English and in French. The report's `statement_refused`
/// reason carries both as parameters, `detail` and `detail@fr`, and its French message shows the
/// French one (a parameter `name@lang` stands for `name` in that language).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Refusal {
    /// In English.
    pub en: String,
    /// In French.
    pub fr: String,
}

impl Refusal {
    /// A refusal in both languages.
    pub fn new(en: impl Into<String>, fr: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            fr: fr.into(),
        }
    }

    /// The problem with the field at `path`: `path: detail` (French puts a no-break space before
    /// the colon); the detail alone at the root.
    pub(crate) fn at(path: &str, en: &str, fr: &str) -> Self {
        if path.is_empty() {
            Self::new(en, fr)
        } else {
            Self::new(format!("{path}: {en}"), format!("{path}\u{a0}: {fr}"))
        }
    }

    /// The reason's parameters.
    pub(crate) fn params(self) -> Vec<(&'static str, String)> {
        vec![("detail", self.en), ("detail@fr", self.fr)]
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl Received {
    /// A statement from a parsed value.
    pub fn new(at: impl Into<String>, statement: Value) -> Self {
        Self {
            at: at.into(),
            statement: Ok(statement),
        }
    }

    /// The statement's id, when it has a well-formed one (a statement without one is named by
    /// where it is, [`Received::at`]).
    pub fn id(&self) -> Option<String> {
        match &self.statement {
            Ok(v) => v.get("id").and_then(Value::as_str).map(str::to_owned),
            Err(_) => None,
        }
        .filter(|id| statement::is_uuid(id))
    }
}

/// What a batch of statements became.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Intake {
    /// Statements received.
    pub received: usize,
    /// Evidence items added to the participant.
    pub evidence: usize,
    /// Statements reported as not counted (refused, voided, about someone else...).
    pub set_aside: usize,
    /// Voiding statements that voided a statement given here (each is named in the report entry
    /// of the statement it voided): `received = evidence + set_aside + voiding`.
    pub voiding: usize,
    /// The evidence items from statements without an id, and where each statement came from.
    /// (Such an item is named `xapi:` and a fingerprint of the statement, so that it keeps its
    /// name in any order; this says which file and position it was.)
    pub unnamed: Vec<Origin>,
}

/// Where the statement behind an evidence item came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Origin {
    /// The evidence item's id (`xapi:` and a fingerprint).
    pub evidence: String,
    /// The source and position, such as `lms-page.json#statements[2]`.
    pub at: String,
}

/// Statements could not be taken in at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum XapiError {
    /// Without an identity, no statement could be matched to the participant.
    #[error(
        "the participant document has no `agents`, so no statement can be matched to the participant; add the xAPI identity the LMS uses, e.g. \"agents\": [{{\"mbox\": \"mailto:name@example.org\"}}]"
    )]
    NoAgents,
    /// More statements than [`crate::limits::MAX_STATEMENTS`] in one call.
    #[error("{0} statements, more than the limit of {max} in one call", max = crate::limits::MAX_STATEMENTS)]
    TooManyStatements(usize),
    /// The participant cannot be evaluated against the pack.
    #[error(transparent)]
    Evaluate(#[from] crate::eval::EvaluateError),
}

/// Splits one source (a file, a request body) into statements, with the `more` link of a
/// `StatementResult` page that has one (statements the caller has not fetched yet).
///
/// Text that is not JSON is one refused statement (its whole source, labelled `label`).
pub fn read_source(text: &str, label: &str) -> (Vec<Received>, Option<String>) {
    use crate::limits::{MAX_JSON_DEPTH, MAX_SOURCE_BYTES, PARSER_DEPTH, json_too_deep};
    let refused = |en: String, fr: String| {
        (
            vec![Received {
                at: label.to_owned(),
                statement: Err(Refusal::new(en, fr)),
            }],
            None,
        )
    };
    if text.len() > MAX_SOURCE_BYTES {
        return refused(
            format!(
                "the source is {} bytes, more than the limit of {MAX_SOURCE_BYTES}",
                text.len()
            ),
            format!(
                "la source fait {}\u{a0}octets, plus que la limite de {MAX_SOURCE_BYTES}",
                text.len()
            ),
        );
    }
    // Each statement is held to MAX_JSON_DEPTH once split, and refused alone; only a source
    // deeper than the parser goes is refused whole.
    if let Some(offset) = json_too_deep(text, PARSER_DEPTH) {
        return refused(
            format!(
                "arrays and objects nest more than {PARSER_DEPTH} deep (at byte {offset}); a statement may nest {MAX_JSON_DEPTH} deep"
            ),
            format!(
                "les tableaux et les objets s'imbriquent sur plus de {PARSER_DEPTH}\u{a0}niveaux (à l'octet {offset}); une déclaration peut en avoir {MAX_JSON_DEPTH}"
            ),
        );
    }
    match Strict::parse(text) {
        Ok(doc) => split(doc, label),
        Err(err) => (
            vec![Received {
                at: label.to_owned(),
                statement: Err(Refusal::new(
                    format!("not JSON: {err}"),
                    format!(
                        "ce n'est pas du JSON valide (ligne {}, colonne {})",
                        err.line(),
                        err.column()
                    ),
                )),
            }],
            None,
        ),
    }
}

/// Splits an already-parsed source (one statement, an array, a `StatementResult`), as
/// [`read_source`] splits text.
///
/// A `Value` cannot hold a key twice, so repeats are only found when reading text.
pub fn split_value(value: Value, label: &str) -> (Vec<Received>, Option<String>) {
    split(Strict::from(value), label)
}

fn split(doc: Strict, label: &str) -> (Vec<Received>, Option<String>) {
    // Split first, so a key given twice refuses only the statement it is in.
    let max = crate::limits::MAX_JSON_DEPTH;
    let with = |at: String, v: Strict| Received {
        statement: v
            .into_value("")
            .map_err(|path| {
                Refusal::at(
                    &path,
                    "the key is given twice in one object",
                    "la clé figure deux fois dans le même objet",
                )
            })
            .and_then(|value| {
                if crate::limits::value_depth(&value, max) > max {
                    Err(Refusal::new(
                        format!("arrays and objects nest more than {max} deep"),
                        format!(
                            "les tableaux et les objets s'imbriquent sur plus de {max}\u{a0}niveaux"
                        ),
                    ))
                } else {
                    Ok(value)
                }
            }),
        at,
    };
    match doc {
        Strict::Array(items) => (
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| with(format!("{label}[{i}]"), v))
                .collect(),
            None,
        ),
        Strict::Object(entries)
            if entries.iter().any(|(k, _)| k == "statements")
                && !entries.iter().any(|(k, _)| k == "actor") =>
        {
            let mut more = None;
            let mut statements = None;
            let mut problems = Vec::new();
            for (key, value) in entries {
                match (key.as_str(), value) {
                    ("more", Strict::String(m)) if more.is_none() => {
                        more = Some(m).filter(|m| !m.is_empty());
                    }
                    ("statements", Strict::Array(items)) if statements.is_none() => {
                        statements = Some(items);
                    }
                    (other, _) => problems.push(other.to_owned()),
                }
            }
            let label = format!("{label}#statements");
            let mut out: Vec<Received> = statements
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, v)| with(format!("{label}[{i}]"), v))
                .collect();
            if !problems.is_empty() {
                out.push(Received {
                    at: label,
                    statement: Err(Refusal::new(
                        format!(
                            "a StatementResult has `statements` (a list, once) and `more`; found {}",
                            problems.join(", ")
                        ),
                        format!(
                            "un StatementResult a «\u{a0}statements\u{a0}» (une liste, une seule fois) et «\u{a0}more\u{a0}»; trouvé\u{a0}: {}",
                            problems.join(", ")
                        ),
                    )),
                });
            }
            (out, more)
        }
        single => (vec![with(label.to_owned(), single)], None),
    }
}

/// Adds what the statements show to `participant`: evidence items for the statements that count,
/// and a not-counted record (see [`crate::participant::SetAside`]) for every other one.
pub fn add_statements(
    pack: &Pack,
    participant: &mut Participant,
    received: Vec<Received>,
) -> Result<Intake, XapiError> {
    if received.len() > crate::limits::MAX_STATEMENTS {
        return Err(XapiError::TooManyStatements(received.len()));
    }
    if participant.agents.is_empty() && !received.is_empty() {
        return Err(XapiError::NoAgents);
    }
    let mut summary = Intake {
        received: received.len(),
        ..Intake::default()
    };
    let mut entries = Vec::new();
    let mut refused = Vec::new();
    for r in received {
        let id = r.id().map(|id| format!("xapi:{id}"));
        match r.statement.and_then(statement::read) {
            Ok(statement) => entries.push(intake::Entry {
                at: r.at,
                statement,
            }),
            Err(detail) => refused.push(SetAside {
                at: if id.is_none() { Some(r.at) } else { None },
                id,
                code: Message::StatementRefused,
                params: detail.params(),
            }),
        }
    }
    let mut outcome = intake::intake(pack, participant, entries);
    outcome.set_aside.extend(refused);
    summary.evidence = outcome.evidence.len();
    summary.set_aside = outcome.set_aside.len();
    summary.voiding = outcome.voiding;
    summary.unnamed = std::mem::take(&mut outcome.unnamed);
    // (In the evidence's order, whatever the statements' order.)
    summary
        .unnamed
        .sort_by(|a, b| (&a.evidence, &a.at).cmp(&(&b.evidence, &b.at)));
    intake::apply(participant, outcome);
    Ok(summary)
}

/// Evaluates `participant` with the evidence `received` statements add (see [`add_statements`]).
pub fn evaluate_with_statements(
    pack: &Pack,
    participant: &Participant,
    received: Vec<Received>,
    as_of: Date,
) -> Result<(Report, Intake), XapiError> {
    let mut participant = participant.clone();
    let intake = add_statements(pack, &mut participant, received)?;
    let report = crate::evaluate(pack, &participant, as_of)?;
    Ok((report, intake))
}
