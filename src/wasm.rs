//! WebAssembly bindings (feature `wasm`): the library's entry points for the npm package in
//! `pkg-js/`. A thin layer: it converts values at the boundary and calls the same functions the
//! native API and the command line use; it holds no rule logic.
//!
//! Values cross the boundary as JSON text: measured in Node (`pkg-js/bench/boundary.mjs`), JSON
//! with `JSON.parse`/`JSON.stringify` in the wrapper was 1.1–1.3× faster than converting JS objects
//! with serde-wasm-bindgen, and it keeps the module smaller. Failures are thrown as JSON text of a
//! structured object (`{code, message, path, diagnostics}`) that the package's JavaScript wrapper
//! turns into `Error` subclasses. Reports are the bytes `Report::to_json` gives natively.
//!
//! What is exported is weighed against the module's size budget (150 KB gzipped): the text
//! explanation (`explain`) stays native, since a page renders the report its own way.

use crate::Date;
use crate::pack::{Format, Pack, PackError, SourceFile};
use crate::participant::{Participant, ParticipantError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub(crate) fn json<T: Serialize + ?Sized>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| failure("internal", "", &e.to_string()))
}

/// A structured failure, thrown as JSON text: `{code, path, message}`.
pub(crate) fn failure(code: &str, path: &str, message: &str) -> JsValue {
    #[derive(Serialize)]
    struct Failure<'a> {
        code: &'a str,
        path: &'a str,
        message: &'a str,
    }
    JsValue::from_str(
        &serde_json::to_string(&Failure {
            code,
            path,
            message,
        })
        .unwrap_or_default(),
    )
}

fn pack_failure(err: &PackError) -> JsValue {
    #[derive(Serialize)]
    struct Failure<'a> {
        code: &'static str,
        path: &'static str,
        message: String,
        diagnostics: &'a [crate::Diagnostic],
    }
    let failure = Failure {
        code: "invalid_pack",
        path: "",
        message: err.to_string(),
        diagnostics: &err.diagnostics,
    };
    JsValue::from_str(&serde_json::to_string(&failure).unwrap_or_default())
}

pub(crate) fn participant_failure(err: &ParticipantError) -> JsValue {
    JsValue::from_str(&serde_json::to_string(err).unwrap_or_default())
}

/// Refuses a batch (a list of participants, of statement sources) nesting deeper than the parser
/// goes; within it, each document is held to [`crate::limits::MAX_JSON_DEPTH`] and refused alone.
pub(crate) fn batch_within_parser_depth(text: &str, path: &str) -> Result<(), JsValue> {
    let max = crate::limits::PARSER_DEPTH;
    match crate::limits::json_too_deep(text, max) {
        Some(_) => Err(failure(
            "limit_exceeded",
            path,
            &format!("arrays and objects nest more than {max} deep"),
        )),
        None => Ok(()),
    }
}

pub(crate) fn parse_date(text: &str) -> Result<Date, JsValue> {
    text.parse()
        .map_err(|e: crate::date::DateError| failure("invalid_date", "asOf", &e.to_string()))
}

/// Pack files handed over from JS as JSON: `[{name, text}]`.
fn files_from_json(files: &str) -> Result<Vec<SourceFile>, JsValue> {
    let value: serde_json::Value = serde_json::from_str(files)
        .map_err(|e| failure("invalid_argument", "files", &e.to_string()))?;
    let items = value.as_array().ok_or_else(|| {
        failure(
            "invalid_argument",
            "files",
            "expected a list of { name, text }",
        )
    })?;
    items
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let field = |key: &str| {
                f.get(key)
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_owned)
            };
            let (Some(name), Some(text)) = (field("name"), field("text")) else {
                return Err(failure(
                    "invalid_argument",
                    &format!("files[{i}]"),
                    "each file is { name, text }",
                ));
            };
            let format = Format::from_file_name(&name).ok_or_else(|| {
                failure(
                    "invalid_argument",
                    &format!("files[{i}].name"),
                    "a pack file name ends in .json (this build reads JSON packs)",
                )
            })?;
            Ok(SourceFile { name, text, format })
        })
        .collect()
}

pub(crate) fn participant(text: &str) -> Result<Participant, JsValue> {
    Participant::from_json(text).map_err(|e| participant_failure(&e))
}

/// A compiled rule pack held by JS. Build it once; evaluate many participants.
#[wasm_bindgen(js_name = WasmPack)]
pub struct WasmPack {
    pack: Pack,
}

/// The [`crate::limits`], by name, as JSON: `{"pack_bytes": 4194304, ...}`.
#[wasm_bindgen]
pub fn limits() -> String {
    // (Written by hand: the names are plain identifiers, and a map would sort them.)
    let fields: Vec<String> = crate::limits::ALL
        .iter()
        .map(|(name, value)| format!("\"{name}\":{value}"))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// The embedded default pack (HSLP).
#[wasm_bindgen(js_name = loadDefaultPack)]
pub fn load_default_pack() -> Result<WasmPack, JsValue> {
    Pack::hslp()
        .map(|pack| WasmPack { pack })
        .map_err(|e| pack_failure(&e))
}

/// A pack from several files given as JSON `[{name, text}]`, each holding some of the sections.
#[wasm_bindgen(js_name = loadPackFiles)]
pub fn load_pack_files(files: &str) -> Result<WasmPack, JsValue> {
    Pack::from_files(files_from_json(files)?)
        .map(|pack| WasmPack { pack })
        .map_err(|e| pack_failure(&e))
}

/// Every diagnostic (JSON) for pack files given as JSON `[{name, text}]`; a bad pack is not an error.
#[wasm_bindgen(js_name = checkPackFiles)]
pub fn check_pack_files(files: &str) -> Result<String, JsValue> {
    json(&crate::check_files(files_from_json(files)?))
}

/// The engine version.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    crate::report::EngineInfo::CURRENT.version.to_owned()
}

/// Panics on purpose, so the package's tests can prove it recovers from a crashed module.
#[wasm_bindgen(js_name = __panicForTesting)]
#[expect(
    clippy::panic,
    reason = "a test hook: proves the JS wrapper recovers from a trapped module"
)]
pub fn panic_for_testing() {
    panic!("deliberate panic for testing"); // ok: the test hook that proves recovery
}

#[cfg(feature = "interop")]
impl WasmPack {
    /// The compiled pack (for the interoperability bindings).
    pub(crate) fn pack(&self) -> &Pack {
        &self.pack
    }
}

#[wasm_bindgen(js_class = WasmPack)]
impl WasmPack {
    /// `{id, version, fingerprint}` as JSON.
    pub fn info(&self) -> Result<String, JsValue> {
        json(&self.pack.info())
    }

    /// The pack document (names, matrix, catalogue) as JSON, for display.
    pub fn document(&self) -> Result<String, JsValue> {
        json(self.pack.document())
    }

    /// The pack's warnings as JSON.
    pub fn warnings(&self) -> Result<String, JsValue> {
        json(self.pack.warnings())
    }

    /// Evaluates a participant (JSON text) on `as_of`; returns the report as JSON text, byte for
    /// byte what `Report::to_json` gives natively. (Indenting is left to the JS wrapper: a second,
    /// pretty-printing serializer would double the report's serialization code in the module.)
    pub fn evaluate(&self, participant_json: &str, as_of: &str) -> Result<String, JsValue> {
        let as_of = parse_date(as_of)?;
        let report = crate::evaluate(&self.pack, &participant(participant_json)?, as_of)
            .map_err(|e| participant_failure(&e))?;
        Ok(report.to_json())
    }

    /// Evaluates many participants (a JSON array); returns JSON
    /// `[{type: "success", report} | {type: "failure", error}]`.
    #[wasm_bindgen(js_name = evaluateMany)]
    pub fn evaluate_many(&self, participants_json: &str, as_of: &str) -> Result<String, JsValue> {
        #[derive(Serialize)]
        #[serde(tag = "type", rename_all = "snake_case")]
        enum Outcome {
            Success { report: Box<crate::Report> },
            Failure { error: ParticipantError },
        }
        let as_of = parse_date(as_of)?;
        // Each participant is held to the depth limit by `from_value` (and refused alone).
        batch_within_parser_depth(participants_json, "participants")?;
        // (Read as a `Value`, not a `Vec`: a typed read would bring serde's type-error text, and
        // with it `f64`'s `Display`, into the module.)
        let values = match serde_json::from_str(participants_json) {
            Ok(serde_json::Value::Array(values)) => values,
            Ok(_) => {
                return Err(failure(
                    "invalid_argument",
                    "participants",
                    "expected a list of participants",
                ));
            }
            Err(e) => return Err(failure("invalid_argument", "participants", &e.to_string())),
        };
        let outcomes: Vec<Outcome> = values
            .into_iter()
            .map(|value| {
                match Participant::from_value(value)
                    .and_then(|p| crate::evaluate(&self.pack, &p, as_of))
                {
                    Ok(report) => Outcome::Success {
                        report: Box::new(report),
                    },
                    Err(error) => Outcome::Failure { error },
                }
            })
            .collect();
        json(&outcomes)
    }
}
