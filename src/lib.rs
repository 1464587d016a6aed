//! # competency-rules
//!
//! An embeddable, explainable rules engine for competency frameworks: a competency matrix across
//! organizational levels, equivalency (recognition of prior learning) rules, assessor overrides with
//! explicit precedence, coaching and mentoring, a final assignment, completion requirements and
//! progression between levels. The program lives in a **rule pack** (data); the default pack,
//! `rules/hslp/`, is an illustrative encoding of the Human Services Leadership Program of Ontario's
//! municipal human-services sector.
//!
//! Load and compile a pack once, then evaluate any number of participants. Evaluation is a pure
//! function of the pack, the participant and the date: the same inputs give the same bytes.
//!
//! ```
//! use competency_rules::{Date, Pack, Participant, evaluate};
//!
//! let pack = Pack::hslp()?;
//! let participant = Participant::from_json(r#"{
//!     "id": "p-1", "organization": "county-a", "level": "front_line", "enrolled": "2026-01-15",
//!     "evidence": [{
//!         "id": "e1", "kind": "association_course", "item": "omssa.hsi101",
//!         "date": "2026-03-02", "grade": 88, "status": "approved",
//!         "assessed_by": { "role": "provider" }
//!     }]
//! }"#)?;
//! let as_of: Date = "2026-11-24".parse()?;
//! let report = evaluate(&pack, &participant, as_of)?;
//!
//! let integration = report.competency("ssm.service_integration").ok_or("not in the pack")?;
//! assert_eq!(integration.achieved.as_deref(), Some("working"));
//! assert_eq!(report.status.id(), "in_progress");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A pack with mistakes is refused with every problem listed, each with its file, key path, line
//! and column:
//!
//! ```
//! use competency_rules::Pack;
//!
//! let err = Pack::from_json(r#"{ "format": "competency-rules/pack@1" }"#).unwrap_err();
//! assert!(err.diagnostics.iter().any(|d| d.code == "missing_section" && d.path == "program"));
//! ```

mod codes;
pub mod cohort;
pub mod compact;
pub mod date;
pub mod diagnostics;
mod eval;
pub mod explain;
pub mod ffi;
#[cfg(feature = "interop")]
pub mod interop;
mod json_reader;
pub mod limits;
pub mod messages;
pub mod pack;
pub mod participant;
#[cfg(feature = "planning")]
pub mod plan;
pub mod report;
mod sorting;
pub mod stream;
#[cfg(feature = "ts-types")]
pub mod ts_types;
#[cfg(feature = "wasm")]
#[doc(hidden)] // the npm package's bindings, not a Rust API
pub mod wasm;
#[cfg(all(feature = "wasm", feature = "interop"))]
#[doc(hidden)] // the npm package's bindings, not a Rust API
pub mod wasm_interop;
#[cfg(all(feature = "wasm", feature = "planning"))]
#[doc(hidden)] // the npm package's bindings, not a Rust API
pub mod wasm_planning;

pub use date::Date;
pub use diagnostics::{Diagnostic, Severity};
pub use eval::{EvaluateError, EvaluateOptions, evaluate, evaluate_many, evaluate_with};
pub use ffi::{Failure, FailureCode};
pub use pack::{Format, Pack, PackError, PackInfo, SourceFile, check_dir, check_files};
pub use participant::{Participant, ParticipantError};
pub use report::Report;

/// Reads a participant document and evaluates it: the one-call path for JSON callers. The
/// [`Failure`] says whether the document could not be read or could not be evaluated.
pub fn evaluate_json(pack: &Pack, participant_json: &str, as_of: Date) -> Result<Report, Failure> {
    let participant = Participant::from_json(participant_json)?;
    Ok(evaluate(pack, &participant, as_of)?)
}
