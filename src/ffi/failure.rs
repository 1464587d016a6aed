//! The structured failure every boundary function returns (and the package throws): a code from
//! one table, the path of the offending field, a message, and a line and column or the pack's
//! diagnostics where there are some.

use crate::diagnostics::Diagnostic;
use crate::eval::EvaluateError;
use crate::pack::PackError;
use crate::participant::ParticipantError;
use serde::Serialize;

crate::codes::code_enum! {
    /// Why a call failed: the `code` of a [`Failure`] (and of the npm package's errors).
    pub enum FailureCode {
        InvalidPack = "invalid_pack" => "the rule pack was refused; `diagnostics` lists every problem",
        Syntax = "syntax" => "a document is not valid JSON (with the line and column of the fault)",
        InvalidDocument = "invalid_document" => "a participant document with a missing field or a field of the wrong type",
        UnknownLevel = "unknown_level" => "the participant's organizational level is not one of the pack's",
        LimitExceeded = "limit_exceeded" => "past one of the engine's input limits (see `limits`)",
        InvalidArgument = "invalid_argument" => "an argument (options, files, a list) of the wrong shape or value",
        InvalidDate = "invalid_date" => "a date that is not a real date written YYYY-MM-DD",
        NoAgents = "no_agents" => "statements given for a participant with no `agents` to match them by",
        InvalidCase = "invalid_case" => "the document is not a CASE package",
        NotEligible = "not_eligible" => "a program credential asked for a participant who has not completed the program",
        DuplicateParticipant = "duplicate_participant" => "(cohort reports) a participant whose id is already in the cohort: the first is counted",
        InputUnreadable = "input_unreadable" => "(command line) an input file that could not be read: missing, not a file, or not allowed",
        EmptyInput = "empty_input" => "(command line) an input with no participant document in it",
        Internal = "internal" => "a result could not be written (a bug: please report it)",
        NotInThisBuild = "not_in_this_build" => "(npm package) a function of the interoperability module called from the main one",
        EngineCrashed = "engine_crashed" => "(npm package) the WebAssembly module trapped; it was restarted and the call not completed",
        Freed = "freed" => "(npm package) the pack was used after `free()`",
        NotStarted = "not_started" => "(npm package, browsers) a call before `init()` (or `initSync`) loaded the module",
    }
}

/// A failed call: what went wrong, where, and every detail the caller needs to show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[error("{message}")]
#[non_exhaustive]
pub struct Failure {
    /// Why it failed.
    pub code: FailureCode,
    /// The path of the offending argument or field (`asOf`, `evidence`, `files[2].name`); empty
    /// for the whole input.
    pub path: String,
    /// What is wrong, in English.
    pub message: String,
    /// 1-based line in the text given, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column in the text given, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// A refused pack's diagnostics, each with its file, path, line and column.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
    /// What is wrong with the field at `path`, in terms a message in any language can be written
    /// from (the npm package writes its French message from it), where the failure has them.
    // (Boxed: most failures have none, and a `Failure` is the error of many results.)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<Box<FailureDetail>>,
}

/// What is wrong with a field, in codes rather than words: `wrong` says which, the rest what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct FailureDetail {
    /// `type` (a value of another type than `expected`: `found`), `missing` (a required field),
    /// `not_one_of` (`value` is not among `choices`), `date` (`value` is not a date written
    /// YYYY-MM-DD), `unknown_level` (`value` is not among the pack's levels, `choices`),
    /// `unknown_language` (`value` is not among the pack's languages, `choices`).
    pub wrong: &'static str,
    /// The type the field should have (`string`, `number`, `whole_number`, `boolean`, `list`,
    /// `object`, `text_table`, `null`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<&'static str>,
    /// The type it has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<&'static str>,
    /// The value given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The values allowed, joined with `, `.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choices: Option<String>,
}

impl FailureDetail {
    /// A detail saying `wrong` and nothing else yet.
    pub(crate) fn new(wrong: &'static str) -> Self {
        Self {
            wrong,
            expected: None,
            found: None,
            value: None,
            choices: None,
        }
    }
}

impl Failure {
    /// A failure with no position or diagnostics.
    pub fn new(code: FailureCode, path: &str, message: String) -> Self {
        Self {
            code,
            path: path.to_owned(),
            message,
            line: None,
            column: None,
            diagnostics: Vec::new(),
            detail: None,
        }
    }

    /// The failure as JSON text (`{code, path, message, line?, column?, diagnostics?}`).
    pub fn to_json(&self) -> String {
        // A `Failure` always serializes: its keys are fixed and its values are strings, numbers
        // and diagnostics (themselves strings and numbers).
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl From<ParticipantError> for Failure {
    fn from(err: ParticipantError) -> Self {
        Self {
            code: err.code,
            path: err.path,
            message: err.message,
            line: err.line,
            column: err.column,
            diagnostics: Vec::new(),
            detail: err.detail,
        }
    }
}

impl From<EvaluateError> for Failure {
    fn from(err: EvaluateError) -> Self {
        let detail = match &err {
            EvaluateError::UnknownLevel { level, known, .. } => Some(Box::new(FailureDetail {
                value: Some(level.clone()),
                choices: Some(known.join(", ")),
                ..FailureDetail::new("unknown_level")
            })),
            EvaluateError::UnknownLanguage { lang, known } => Some(Box::new(FailureDetail {
                value: Some(lang.clone()),
                choices: Some(known.join(", ")),
                ..FailureDetail::new("unknown_language")
            })),
            EvaluateError::TooMuchEvidence { .. } => None,
        };
        Self {
            detail,
            ..Self::new(err.code(), err.path(), err.message())
        }
    }
}

impl From<PackError> for Failure {
    fn from(err: PackError) -> Self {
        let message = err.to_string();
        Self {
            diagnostics: err.diagnostics,
            ..Self::new(FailureCode::InvalidPack, "", message)
        }
    }
}
