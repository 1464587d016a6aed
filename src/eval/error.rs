//! Why a participant could not be evaluated against a pack (the document itself was read).

use crate::ffi::FailureCode;

/// A participant that was read but cannot be evaluated against this pack.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.described())]
#[non_exhaustive]
pub enum EvaluateError {
    /// The participant's organizational level is not one of the pack's.
    UnknownLevel {
        /// The level the participant document gives.
        level: String,
        /// The pack's levels.
        known: Vec<String>,
        /// Their other names (aliases, such as job groups).
        other_names: Vec<String>,
    },
    /// More evidence items and statements than one evaluation takes.
    TooMuchEvidence {
        /// How many there are.
        items: usize,
        /// The limit ([`crate::limits::MAX_EVIDENCE`] plus [`crate::limits::MAX_STATEMENTS`]).
        limit: usize,
    },
    /// Messages asked for in a language the pack does not have.
    UnknownLanguage {
        /// The language asked for.
        lang: String,
        /// The pack's languages.
        known: Vec<String>,
    },
}

impl EvaluateError {
    /// The failure code (`unknown_level`, `limit_exceeded`).
    pub fn code(&self) -> FailureCode {
        match self {
            Self::UnknownLevel { .. } => FailureCode::UnknownLevel,
            Self::TooMuchEvidence { .. } => FailureCode::LimitExceeded,
            Self::UnknownLanguage { .. } => FailureCode::InvalidArgument,
        }
    }

    /// The path of the participant's field at fault.
    pub fn path(&self) -> &'static str {
        match self {
            Self::UnknownLevel { .. } => "level",
            Self::TooMuchEvidence { .. } => "evidence",
            Self::UnknownLanguage { .. } => "languages",
        }
    }

    /// The error as `Display` writes it: the participant's field at fault, or the option.
    fn described(&self) -> String {
        match self {
            Self::UnknownLanguage { .. } => format!("option `languages`: {}", self.message()),
            _ => format!(
                "participant document at `{}`: {}",
                self.path(),
                self.message()
            ),
        }
    }

    /// What is wrong, in English.
    pub fn message(&self) -> String {
        match self {
            Self::UnknownLevel {
                level,
                known,
                other_names,
            } => {
                // (Joined as `&str`s: one instantiation of `join` in the WebAssembly module.)
                let names = |list: &[String]| {
                    list.iter()
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let mut text = format!(
                    "`{level}` is not an organizational level of this pack (levels: {}",
                    names(known)
                );
                if !other_names.is_empty() {
                    text.push_str("; other names: ");
                    text.push_str(&names(other_names));
                }
                text.push(')');
                text
            }
            Self::TooMuchEvidence { items, limit } => format!(
                "{items} evidence items and statements, more than the limit of {limit} for one evaluation"
            ),
            Self::UnknownLanguage { lang, known } => format!(
                "the pack has no language `{lang}` (it has: {})",
                known
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}
