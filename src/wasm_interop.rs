//! WebAssembly bindings of the interoperability functions (features `wasm` and `interop`), for
//! the npm package's `competency-rules/interop` entry: a second, larger module that is the whole
//! engine plus CASE, Moodle, xAPI and credentials, so pages that only evaluate keep the small one.
//! Like `wasm.rs`, a thin layer: options and results cross as JSON text; failures are thrown as
//! JSON `{code, path, message}`.

use crate::interop::case::{CaseOptions, export_case};
use crate::interop::case_import::{self, import_case};
use crate::interop::credential::{CredentialKind, CredentialOptions, credential};
use crate::interop::moodle::export_moodle;
use crate::interop::xapi::{self, Received};
use crate::interop::{ExportError, ExportOptions};
use crate::wasm::{WasmPack, failure, json, parse_date, participant};
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// The options object, read from JSON text.
struct Options(serde_json::Map<String, Value>);

impl Options {
    fn parse(text: &str) -> Result<Self, JsValue> {
        match serde_json::from_str(text) {
            Ok(Value::Object(map)) => Ok(Self(map)),
            Ok(Value::Null) => Ok(Self(serde_json::Map::new())),
            _ => Err(failure(
                "invalid_argument",
                "options",
                "options are an object",
            )),
        }
    }

    fn string(&self, key: &str) -> Result<Option<String>, JsValue> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(failure("invalid_argument", key, "must be a string")),
        }
    }

    fn required(&self, key: &str) -> Result<String, JsValue> {
        self.string(key)?
            .ok_or_else(|| failure("invalid_argument", key, &format!("`{key}` is required")))
    }

    fn lang(&self) -> Result<String, JsValue> {
        Ok(self.string("lang")?.unwrap_or_else(|| "en".into()))
    }
}

fn export_failure(err: &ExportError) -> JsValue {
    failure("invalid_argument", "lang", &err.to_string())
}

/// Statements from JS: a JSON array of sources, each a statement, an array of statements, an LRS
/// `StatementResult` (objects), or the JSON text of any of those (strings: text is read strictly,
/// so a key given twice is found; objects have already lost repeats to `JSON.parse`).
fn statements(text: &str) -> Result<(Vec<Received>, Vec<String>), JsValue> {
    // Each statement is held to the depth limit once split (and refused alone).
    crate::wasm::batch_within_parser_depth(text, "statements")?;
    let Ok(Value::Array(sources)) = serde_json::from_str::<Value>(text) else {
        return Err(failure(
            "invalid_argument",
            "statements",
            "statements are a list of statements, StatementResults or JSON texts",
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

/// The intake, with the `more` links of the pages read: statements the caller has not given yet.
#[derive(serde::Serialize)]
struct IntakeWithMore<'a> {
    #[serde(flatten)]
    intake: &'a xapi::Intake,
    more: Vec<String>,
}

fn xapi_failure(err: &xapi::XapiError) -> JsValue {
    match err {
        xapi::XapiError::Participant(e) => crate::wasm::participant_failure(e),
        xapi::XapiError::NoAgents => failure("no_agents", "agents", &err.to_string()),
        xapi::XapiError::TooManyStatements(_) => {
            failure("limit_exceeded", "statements", &err.to_string())
        }
    }
}

/// Reads a CASE package (JSON text) into a pack skeleton: JSON `{pack, notes}`.
#[wasm_bindgen(js_name = importCase)]
pub fn import_case_json(package_json: &str, lang: &str) -> Result<String, JsValue> {
    case_import::check_text_limits(package_json)
        .map_err(|e| failure("limit_exceeded", "package", &e.to_string()))?;
    let package: Value = serde_json::from_str(package_json)
        .map_err(|e| failure("syntax", "package", &e.to_string()))?;
    let imported =
        import_case(&package, lang).map_err(|e| failure("invalid_case", "", &e.to_string()))?;
    json(&serde_json::json!({ "pack": imported.pack, "notes": imported.notes }))
}

#[wasm_bindgen(js_class = WasmPack)]
impl WasmPack {
    /// The pack's framework as a CASE 1.1 package (JSON). Options: `{lang, date, baseUri}`.
    #[wasm_bindgen(js_name = exportCase)]
    pub fn export_case(&self, options_json: &str) -> Result<String, JsValue> {
        let o = Options::parse(options_json)?;
        let date = o.required("date")?;
        let options = CaseOptions {
            export: ExportOptions { lang: o.lang()? },
            date: parse_date(&date).map_err(|_| {
                failure(
                    "invalid_date",
                    "date",
                    &format!("`{date}` is not a date (YYYY-MM-DD)"),
                )
            })?,
            base_uri: o.string("baseUri")?,
        };
        json(&export_case(self.pack(), &options).map_err(|e| export_failure(&e))?)
    }

    /// The framework as the CSV Moodle's competency framework importer reads.
    #[wasm_bindgen(js_name = exportMoodle)]
    pub fn export_moodle(&self, lang: &str) -> Result<String, JsValue> {
        export_moodle(
            self.pack(),
            &ExportOptions {
                lang: lang.to_owned(),
            },
        )
        .map_err(|e| export_failure(&e))
    }

    /// Evaluates a participant with the evidence xAPI statements add: JSON `{report, intake}`.
    #[wasm_bindgen(js_name = evaluateWithStatements)]
    pub fn evaluate_with_statements(
        &self,
        participant_json: &str,
        statements_json: &str,
        as_of: &str,
    ) -> Result<String, JsValue> {
        let as_of = parse_date(as_of)?;
        let (received, more) = statements(statements_json)?;
        let (report, intake) = xapi::evaluate_with_statements(
            self.pack(),
            &participant(participant_json)?,
            received,
            as_of,
        )
        .map_err(|e| xapi_failure(&e))?;
        let intake = IntakeWithMore {
            intake: &intake,
            more,
        };
        // Written by hand: through a `Value`, the report's fields would come out sorted, not in
        // the order `Report::to_json` writes them.
        Ok(format!(
            "{{\"report\":{},\"intake\":{}}}",
            report.to_json(),
            json(&intake)?
        ))
    }

    /// Credentials for a participant (with optional statements): options
    /// `{asOf, kind: "program" | "competencies" | "clr", issuerId, issuerName, lang, caseBaseUri, salt}`.
    pub fn credential(
        &self,
        participant_json: &str,
        statements_json: &str,
        options_json: &str,
    ) -> Result<String, JsValue> {
        let o = Options::parse(options_json)?;
        let as_of = parse_date(&o.required("asOf")?)?;
        let options = CredentialOptions {
            issuer_id: o.required("issuerId")?,
            issuer_name: o.required("issuerName")?,
            lang: o.lang()?,
            case_base_uri: o.string("caseBaseUri")?,
            salt: o.string("salt")?,
        };
        let (report, _) = xapi::evaluate_with_statements(
            self.pack(),
            &participant(participant_json)?,
            statements(statements_json)?.0,
            as_of,
        )
        .map_err(|e| xapi_failure(&e))?;
        let kind = o.string("kind")?.unwrap_or_else(|| "program".into());
        let kind = CredentialKind::from_id(&kind).ok_or_else(|| {
            failure(
                "invalid_argument",
                "kind",
                &format!("`{kind}` is not one of: program, competencies, clr"),
            )
        })?;
        let value = credential(self.pack(), &report, kind, &options)
            .map_err(|e| failure("not_eligible", "", &e.to_string()))?;
        json(&value)
    }
}
