//! Interoperability with the standards LMSs and registries already speak (feature `interop`): a
//! pack's framework as a CASE 1.1 package and back, as the CSV Moodle's competency framework
//! importer reads, xAPI/cmi5 statements as evidence, and Open Badges 3.0 / CLR 2.0 credentials.

pub mod case;
pub mod case_import;
pub mod credential;
pub mod moodle;
pub mod xapi;

use crate::pack::Pack;
use crate::pack::document::Text;

/// Options shared by the exports.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The language to write names and descriptions in (one of the pack's languages).
    pub lang: String,
}

/// An export could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// The pack has no such language.
    #[error("the pack has no language `{lang}` (it has: {available})")]
    UnknownLanguage {
        /// The language asked for.
        lang: String,
        /// The pack's languages.
        available: String,
    },
    /// Writing the output failed.
    #[error("could not write the export: {0}")]
    Write(String),
}

/// Checks that `lang` is one of the pack's languages.
pub(crate) fn check_lang(pack: &Pack, lang: &str) -> Result<(), ExportError> {
    if pack.languages().iter().any(|l| l == lang) {
        Ok(())
    } else {
        Err(ExportError::UnknownLanguage {
            lang: lang.to_owned(),
            available: pack.languages().join(", "),
        })
    }
}

/// A text in `lang` (the pack checked every text has every language).
pub(crate) fn text(text: &Text, lang: &str) -> String {
    text.get(lang).cloned().unwrap_or_default()
}
