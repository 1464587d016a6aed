//! The boundary of the interoperability functions (feature `interop`): CASE import and export,
//! Moodle export, evaluation with xAPI statements and credentials, JSON text in and out.

use super::args::Options;
use super::{Failure, FailureCode, date, participant, to_json};
use crate::interop::case::CaseOptions;
use crate::interop::case_import;
use crate::interop::credential::{CredentialError, CredentialKind, CredentialOptions};
use crate::interop::xapi::{self, Received};
use crate::interop::{ExportError, ExportOptions};
use crate::pack::Pack;
use serde_json::Value;

/// An export's error, with the option at fault named as the caller named it.
fn export_failure(err: &ExportError) -> Failure {
    let field = match err {
        ExportError::InvalidOption { option, .. } => match *option {
            "base_uri" => "baseUri",
            "issuer_id" => "issuerId",
            "issuer_name" => "issuerName",
            "case_base_uri" => "caseBaseUri",
            other => other,
        },
        _ => "lang",
    };
    Failure::new(FailureCode::InvalidArgument, field, err.to_string())
}

impl From<xapi::XapiError> for Failure {
    fn from(err: xapi::XapiError) -> Self {
        match err {
            xapi::XapiError::Evaluate(e) => e.into(),
            xapi::XapiError::NoAgents => {
                Failure::new(FailureCode::NoAgents, "agents", err.to_string())
            }
            xapi::XapiError::TooManyStatements(_) => {
                Failure::new(FailureCode::LimitExceeded, "statements", err.to_string())
            }
        }
    }
}

/// Statements given as a JSON array of sources, each a statement, an array of statements, an LRS
/// `StatementResult` (objects), or the JSON text of any of those (strings: text is read strictly,
/// so a key given twice is found; objects have already lost repeats to `JSON.parse`). Returns the
/// statements and the `more` links of the pages read (statements the caller has not given yet).
pub fn statement_sources(text: &str) -> Result<(Vec<Received>, Vec<String>), Failure> {
    // Each statement is held to the depth limit once split (and refused alone).
    super::batch_within_parser_depth(text, "statements")?;
    let Ok(Value::Array(sources)) = serde_json::from_str::<Value>(text) else {
        return Err(Failure::new(
            FailureCode::InvalidArgument,
            "statements",
            "statements are a list of statements, StatementResults or JSON texts".to_owned(),
        ));
    };
    let mut received = Vec::new();
    let mut more = Vec::new();
    for (i, source) in sources.into_iter().enumerate() {
        let label = format!("statements[{i}]");
        let (found, link) = match source {
            Value::String(text) => xapi::read_source(&text, &label),
            other => xapi::split_value(other, &label),
        };
        received.extend(found);
        more.extend(link);
    }
    Ok((received, more))
}

/// Reads a CASE package (JSON text; a list: the packages of one framework in several languages)
/// into a pack skeleton: JSON `{pack, notes}`.
pub fn import_case(package_json: &str, lang: &str) -> Result<String, Failure> {
    case_import::check_text_limits(package_json)
        .map_err(|e| Failure::new(FailureCode::LimitExceeded, "package", e.to_string()))?;
    let package: Value = serde_json::from_str(package_json)
        .map_err(|e| Failure::new(FailureCode::Syntax, "package", e.to_string()))?;
    // A list: the packages of one framework in several languages, read into one pack.
    let packages = match package {
        Value::Array(list) => list,
        one => vec![one],
    };
    let imported = case_import::import_case_all(&packages, lang)
        .map_err(|e| Failure::new(FailureCode::InvalidCase, "", e.to_string()))?;
    to_json(&serde_json::json!({ "pack": imported.pack, "notes": imported.notes }))
}

/// The pack's framework as a CASE 1.1 package (JSON). Options: `{lang, date, baseUri}`.
pub fn export_case(pack: &Pack, options_json: &str) -> Result<String, Failure> {
    let o = Options::parse(options_json)?;
    let day = o.required("date")?;
    let options = CaseOptions {
        export: ExportOptions { lang: o.lang()? },
        date: date(&day, "date").map_err(|_| {
            Failure::new(
                FailureCode::InvalidDate,
                "date",
                format!("`{day}` is not a date (YYYY-MM-DD)"),
            )
        })?,
        base_uri: o.string("baseUri")?,
    };
    to_json(&crate::interop::case::export_case(pack, &options).map_err(|e| export_failure(&e))?)
}

/// The framework as the CSV Moodle's competency framework importer reads.
pub fn export_moodle(pack: &Pack, lang: &str) -> Result<String, Failure> {
    let options = ExportOptions {
        lang: lang.to_owned(),
    };
    crate::interop::moodle::export_moodle(pack, &options).map_err(|e| export_failure(&e))
}

/// The intake, with the `more` links of the pages read.
#[derive(serde::Serialize)]
struct IntakeWithMore<'a> {
    #[serde(flatten)]
    intake: &'a xapi::Intake,
    more: Vec<String>,
}

/// Evaluates a participant with the evidence xAPI statements add: JSON `{report, intake}`.
pub fn evaluate_with_statements(
    pack: &Pack,
    participant_json: &str,
    statements_json: &str,
    as_of: &str,
) -> Result<String, Failure> {
    let as_of = date(as_of, "asOf")?;
    let (received, more) = statement_sources(statements_json)?;
    let (report, intake) =
        xapi::evaluate_with_statements(pack, &participant(participant_json)?, received, as_of)?;
    let intake = IntakeWithMore {
        intake: &intake,
        more,
    };
    // Written by hand: through a `Value`, the report's fields would come out sorted, not in the
    // order `Report::to_json` writes them.
    Ok(format!(
        "{{\"report\":{},\"intake\":{}}}",
        report.to_json(),
        to_json(&intake)?
    ))
}

/// Credentials for a participant (with optional statements): options
/// `{asOf, kind: "program" | "competencies" | "clr", issuerId, issuerName, lang, caseBaseUri, salt}`.
pub fn credential(
    pack: &Pack,
    participant_json: &str,
    statements_json: &str,
    options_json: &str,
) -> Result<String, Failure> {
    let o = Options::parse(options_json)?;
    let as_of = date(&o.required("asOf")?, "asOf")?;
    let options = CredentialOptions {
        issuer_id: o.required("issuerId")?,
        issuer_name: o.required("issuerName")?,
        lang: o.lang()?,
        case_base_uri: o.string("caseBaseUri")?,
        salt: o.string("salt")?,
    };
    let (report, _) = xapi::evaluate_with_statements(
        pack,
        &participant(participant_json)?,
        statement_sources(statements_json)?.0,
        as_of,
    )?;
    let kind = o.string("kind")?.unwrap_or_else(|| "program".into());
    let kind = CredentialKind::from_id(&kind).ok_or_else(|| {
        Failure::new(
            FailureCode::InvalidArgument,
            "kind",
            format!("`{kind}` is not one of: program, competencies, clr"),
        )
    })?;
    let value = crate::interop::credential::credential(pack, &report, kind, &options).map_err(
        |e| match e {
            CredentialError::Export(e) => export_failure(&e),
            other => Failure::new(FailureCode::NotEligible, "", other.to_string()),
        },
    )?;
    to_json(&value)
}
