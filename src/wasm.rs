//! WebAssembly bindings (feature `wasm`): the library's entry points for the npm package in
//! `pkg-js/`. A thin layer: it converts values at the boundary and calls the same functions the
//! native API and the command line use; it holds no rule logic.
//!
//! Failures are thrown as plain structured objects (`{code, message, path, diagnostics}`) that the
//! package's JavaScript wrapper turns into `Error` subclasses. Values cross the boundary either as
//! JS objects (serde-wasm-bindgen, JSON-compatible: maps as objects, `None` as `null`) or as JSON
//! text; both give the bytes `Report::to_json` gives natively.

use crate::pack::{Format, Pack, PackError, SourceFile};
use crate::participant::{Participant, ParticipantError};
use crate::{Date, explain};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

/// A value for JS, with maps as plain objects and `None` as `null`.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| failure("internal", "", &e.to_string()))
}

fn from_js<T: DeserializeOwned>(value: JsValue, path: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| failure("invalid_argument", path, &e.to_string()))
}

/// A structured failure: `{code, path, message}`.
fn failure(code: &str, path: &str, message: &str) -> JsValue {
    #[derive(Serialize)]
    struct Failure<'a> {
        code: &'a str,
        path: &'a str,
        message: &'a str,
    }
    Failure { code, path, message }
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|_| JsValue::from_str(message))
}

fn pack_failure(err: &PackError) -> JsValue {
    #[derive(Serialize)]
    struct Failure<'a> {
        code: &'static str,
        path: &'static str,
        message: String,
        diagnostics: &'a [crate::Diagnostic],
    }
    let failure = Failure { code: "invalid_pack", path: "", message: err.to_string(), diagnostics: &err.diagnostics };
    to_js(&failure).unwrap_or_else(|e| e)
}

fn participant_failure(err: &ParticipantError) -> JsValue {
    to_js(err).unwrap_or_else(|e| e)
}

fn parse_date(text: &str) -> Result<Date, JsValue> {
    text.parse().map_err(|e: crate::date::DateError| failure("invalid_date", "asOf", &e.to_string()))
}

fn format_of(name: &str) -> Result<Format, JsValue> {
    match name {
        "json" => Ok(Format::Json),
        "toml" => Ok(Format::Toml),
        other => Err(failure("invalid_argument", "format", &format!("`{other}` is not a pack format (json or toml)"))),
    }
}

/// A pack file handed over from JS.
#[derive(serde::Deserialize)]
struct JsFile {
    name: String,
    text: String,
}

fn files_from_js(files: JsValue) -> Result<Vec<SourceFile>, JsValue> {
    let files: Vec<JsFile> = from_js(files, "files")?;
    files
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let format = Format::from_file_name(&f.name)
                .ok_or_else(|| failure("invalid_argument", &format!("files[{i}].name"), "a pack file name ends in .toml or .json"))?;
            Ok(SourceFile { name: f.name, text: f.text, format })
        })
        .collect()
}

/// A compiled rule pack held by JS. Build it once; evaluate many participants.
#[wasm_bindgen(js_name = WasmPack)]
pub struct WasmPack {
    pack: Pack,
}

/// The embedded default pack (HSLP).
#[wasm_bindgen(js_name = loadDefaultPack)]
pub fn load_default_pack() -> Result<WasmPack, JsValue> {
    Pack::hslp().map(|pack| WasmPack { pack }).map_err(|e| pack_failure(&e))
}

/// A pack from one document's text; `format` is `json` or `toml`.
#[wasm_bindgen(js_name = loadPackText)]
pub fn load_pack_text(text: &str, format: &str) -> Result<WasmPack, JsValue> {
    Pack::from_str(text, format_of(format)?).map(|pack| WasmPack { pack }).map_err(|e| pack_failure(&e))
}

/// A pack from several files, `[{name, text}]`, each holding some of the sections.
#[wasm_bindgen(js_name = loadPackFiles)]
pub fn load_pack_files(files: JsValue) -> Result<WasmPack, JsValue> {
    Pack::from_files(files_from_js(files)?).map(|pack| WasmPack { pack }).map_err(|e| pack_failure(&e))
}

/// Every diagnostic for a pack given as `[{name, text}]`; never throws for a bad pack.
#[wasm_bindgen(js_name = checkPackFiles)]
pub fn check_pack_files(files: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::check_files(files_from_js(files)?))
}

/// The engine version.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    crate::report::EngineInfo::CURRENT.version.to_owned()
}

/// Panics on purpose, so the package's tests can prove it recovers from a crashed module.
#[wasm_bindgen(js_name = __panicForTesting)]
#[expect(clippy::panic, reason = "a test hook: proves the JS wrapper recovers from a trapped module")]
pub fn panic_for_testing() {
    panic!("deliberate panic for testing");
}

#[wasm_bindgen(js_class = WasmPack)]
impl WasmPack {
    /// `{id, version, fingerprint}`.
    pub fn info(&self) -> Result<JsValue, JsValue> {
        to_js(&self.pack.info())
    }

    /// The pack document (names, matrix, catalogue), for display.
    pub fn document(&self) -> Result<JsValue, JsValue> {
        to_js(self.pack.document())
    }

    /// The pack's warnings.
    pub fn warnings(&self) -> Result<JsValue, JsValue> {
        to_js(self.pack.warnings())
    }

    /// Evaluates a participant given as a JS object; returns the report as a JS object.
    pub fn evaluate(&self, participant: JsValue, as_of: &str) -> Result<JsValue, JsValue> {
        let as_of = parse_date(as_of)?;
        let value: serde_json::Value = from_js(participant, "participant")?;
        let participant = Participant::from_value(value).map_err(|e| participant_failure(&e))?;
        let report = crate::evaluate(&self.pack, &participant, as_of).map_err(|e| participant_failure(&e))?;
        to_js(&report)
    }

    /// Evaluates a participant given as JSON text; returns the report as JSON text (indented when
    /// `pretty`): the same bytes as `Report::to_json` / `to_json_pretty` natively.
    #[wasm_bindgen(js_name = evaluateJson)]
    pub fn evaluate_json(&self, participant: &str, as_of: &str, pretty: bool) -> Result<String, JsValue> {
        let as_of = parse_date(as_of)?;
        let report = crate::evaluate_json(&self.pack, participant, as_of).map_err(|e| participant_failure(&e))?;
        Ok(if pretty { report.to_json_pretty() } else { report.to_json() })
    }

    /// Evaluates many participants (JS objects); returns `[{type: "success", report} | {type: "failure", error}]`.
    #[wasm_bindgen(js_name = evaluateMany)]
    pub fn evaluate_many(&self, participants: JsValue, as_of: &str) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        #[serde(tag = "type", rename_all = "snake_case")]
        enum Outcome {
            Success { report: Box<crate::Report> },
            Failure { error: ParticipantError },
        }
        let as_of = parse_date(as_of)?;
        let values: Vec<serde_json::Value> = from_js(participants, "participants")?;
        let outcomes: Vec<Outcome> = values
            .into_iter()
            .map(|value| match Participant::from_value(value).and_then(|p| crate::evaluate(&self.pack, &p, as_of)) {
                Ok(report) => Outcome::Success { report: Box::new(report) },
                Err(error) => Outcome::Failure { error },
            })
            .collect();
        to_js(&outcomes)
    }

    /// Evaluates a participant (JS object) and explains the report as text in `lang`.
    pub fn explain(&self, participant: JsValue, as_of: &str, lang: &str) -> Result<String, JsValue> {
        let as_of = parse_date(as_of)?;
        let value: serde_json::Value = from_js(participant, "participant")?;
        let participant = Participant::from_value(value).map_err(|e| participant_failure(&e))?;
        let report = crate::evaluate(&self.pack, &participant, as_of).map_err(|e| participant_failure(&e))?;
        Ok(explain::explain(&self.pack, &report, lang))
    }
}
