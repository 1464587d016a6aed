//! The boundary: every entry point a binding offers, as functions that take JSON text and return
//! JSON text or a typed [`Failure`]. The WebAssembly bindings (`wasm.rs`, `wasm_interop.rs`) are
//! one-line shims over these, and `cargo test` covers them natively (`tests/ffi.rs`), so the npm
//! package's behaviour is tested without a browser or Node. Results are the bytes the native
//! library writes (`Report::to_json`).

mod args;
#[cfg(feature = "planning")]
mod cohort;
mod failure;
#[cfg(feature = "interop")]
mod interop;
#[cfg(feature = "planning")]
mod plan;

pub use args::pack_files;
#[cfg(feature = "planning")]
pub use cohort::{cohort, cohort_options};
pub use failure::{Failure, FailureCode, FailureDetail};
#[cfg(feature = "interop")]
pub use interop::{
    credential, evaluate_with_statements, export_case, export_moodle, import_case,
    statement_sources,
};
#[cfg(feature = "planning")]
pub use plan::{plan, plan_options};

use crate::date::Date;
use crate::pack::Pack;
use crate::participant::Participant;
use serde::Serialize;

/// `value` as JSON text.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, Failure> {
    // (Only a map with non-string keys fails here, which the engine's types do not have. The
    // error's own text is not used: its `Display` weighs about 1 KB in the WebAssembly module.)
    serde_json::to_string(value).map_err(|_| {
        Failure::new(
            FailureCode::Internal,
            "",
            "the result could not be written as JSON".to_owned(),
        )
    })
}

/// A date argument (`YYYY-MM-DD`); `path` names the argument in the failure.
pub fn date(text: &str, path: &str) -> Result<Date, Failure> {
    text.parse().map_err(|e: crate::date::DateError| {
        Failure::new(FailureCode::InvalidDate, path, e.to_string())
    })
}

/// A participant document (JSON text).
pub fn participant(text: &str) -> Result<Participant, Failure> {
    Ok(Participant::from_json(text)?)
}

/// The [`crate::limits`], by name, as JSON: `{"pack_bytes": 4194304, ...}`, in the table's order.
pub fn limits() -> String {
    // (Written by hand: the names are plain identifiers, and a map would sort them.)
    let mut out = String::from("{");
    for (i, (name, value)) in crate::limits::ALL.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!("\"{name}\":{value}"));
    }
    out.push('}');
    out
}

/// The engine version.
pub fn engine_version() -> &'static str {
    crate::report::EngineInfo::CURRENT.version
}

/// The embedded default pack (HSLP).
pub fn default_pack() -> Result<Pack, Failure> {
    Ok(Pack::hslp()?)
}

/// A pack from files given as JSON `[{name, text}]`, each holding some of the sections.
pub fn load_pack(files_json: &str) -> Result<Pack, Failure> {
    Ok(Pack::from_files(pack_files(files_json)?)?)
}

/// Every diagnostic (JSON) for pack files given as JSON `[{name, text}]`; a bad pack is not a
/// failure, bad arguments are.
pub fn check_pack(files_json: &str) -> Result<String, Failure> {
    to_json(&crate::check_files(pack_files(files_json)?))
}

/// `{id, version, fingerprint}` as JSON.
pub fn pack_info(pack: &Pack) -> Result<String, Failure> {
    to_json(&pack.info())
}

/// The pack document (names, matrix, catalogue) as JSON, for display.
pub fn pack_document(pack: &Pack) -> Result<String, Failure> {
    to_json(pack.document())
}

/// The pack's warnings as JSON.
pub fn pack_warnings(pack: &Pack) -> Result<String, Failure> {
    to_json(pack.warnings())
}

/// Evaluates a participant (JSON text) on `as_of`: the report as JSON text, byte for byte what
/// `Report::to_json` gives.
pub fn evaluate(pack: &Pack, participant_json: &str, as_of: &str) -> Result<String, Failure> {
    evaluate_as(pack, participant_json, as_of, "*", false)
}

/// Evaluates a participant (JSON text) on `as_of`, with messages in `languages` (`*` for every
/// language of the pack, else a comma-separated list, empty for none), or, with `compact`, gives
/// the compact form ([`crate::compact::Compact`]) instead of the report.
pub fn evaluate_as(
    pack: &Pack,
    participant_json: &str,
    as_of: &str,
    languages: &str,
    compact: bool,
) -> Result<String, Failure> {
    let as_of = date(as_of, "asOf")?;
    let participant = participant(participant_json)?;
    let options = if compact {
        crate::EvaluateOptions::answer_only()
    } else if languages == "*" {
        crate::EvaluateOptions::default()
    } else {
        crate::EvaluateOptions::languages(languages.split(',').filter(|l| !l.is_empty()))
    };
    let report = crate::evaluate_with(pack, &participant, as_of, &options)?;
    Ok(if compact {
        crate::compact::Compact::of(&report).to_json()
    } else {
        report.to_json()
    })
}

/// Evaluates a participant (JSON text) on `as_of` and explains the report as plain text in `lang`
/// (one of the pack's languages): the command line's `--format text`.
pub fn explain(
    pack: &Pack,
    participant_json: &str,
    as_of: &str,
    lang: &str,
) -> Result<String, Failure> {
    let as_of = date(as_of, "asOf")?;
    let participant = participant(participant_json)?;
    // (A language the pack does not have is refused, as `evaluate`'s languages are.)
    let options = crate::EvaluateOptions::languages([lang]);
    let report = crate::evaluate_with(pack, &participant, as_of, &options).map_err(|err| {
        let mut failure = Failure::from(err);
        if failure.path == "languages" {
            // (Here the language is the argument `lang`.)
            "lang".clone_into(&mut failure.path);
        }
        failure
    })?;
    Ok(crate::explain::explain(pack, &report, lang))
}

/// Refuses a batch (a list of statement sources) nesting deeper than the parser
/// goes; within it, each document is held to [`crate::limits::MAX_JSON_DEPTH`] and refused alone.
#[cfg(feature = "interop")]
pub(crate) fn batch_within_parser_depth(text: &str, path: &str) -> Result<(), Failure> {
    let max = crate::limits::PARSER_DEPTH;
    match crate::limits::json_too_deep(text, max) {
        Some(_) => Err(Failure::new(
            FailureCode::LimitExceeded,
            path,
            format!("arrays and objects nest more than {max} deep"),
        )),
        None => Ok(()),
    }
}
