//! Interoperability with the standards LMSs and registries already speak (feature `interop`): a
//! pack's framework as a CASE 1.1 package and back, as the CSV Moodle's competency framework
//! importer reads, xAPI/cmi5 statements as evidence, and Open Badges 3.0 / CLR 2.0 credentials.

pub mod case;
pub mod case_import;
pub mod credential;
pub mod moodle;
pub mod xapi;

use crate::messages::Label;
use crate::pack::Pack;
use crate::pack::document::{CellDoc, Text};

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
    /// An option is not usable: a URI that is not an absolute URI, an empty name. The documents
    /// written with it would not pass the validators.
    #[error("{option}: {message}")]
    InvalidOption {
        /// The option, as the library names it (`base_uri`, `issuer_id`, `issuer_name`,
        /// `case_base_uri`).
        option: &'static str,
        /// What is wrong with it.
        message: String,
    },
}

/// Whether `uri`'s scheme runs code or embeds content where a link is expected (`javascript:`,
/// `vbscript:`, `data:`): never written as an identifier or a reference.
pub(crate) fn unsafe_scheme(uri: &str) -> bool {
    let scheme = uri
        .split(':')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    matches!(scheme.as_str(), "javascript" | "vbscript" | "data")
}

/// Refuses a URI option that is not an absolute URI (a scheme, then no white space), or whose
/// scheme runs code (`javascript:`). `option` names it in the error.
pub fn check_uri(option: &'static str, uri: &str) -> Result<(), ExportError> {
    if unsafe_scheme(uri) {
        Err(ExportError::InvalidOption {
            option,
            message: format!(
                "`{uri}` is not a web address (its scheme runs code or embeds content)"
            ),
        })
    } else if crate::pack::is_absolute_iri(uri) {
        Ok(())
    } else {
        Err(ExportError::InvalidOption {
            option,
            message: format!(
                "`{uri}` is not an absolute URI (a scheme such as https:, then no spaces)"
            ),
        })
    }
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

/// A matrix cell's description and behaviour indicators as one plain text in `lang`, the way the
/// CASE and Moodle exports write it (and the CASE import reads it back):
///
/// ```text
/// Leads a team day to day.
/// Effective behaviours:
/// - Holds regular one-on-one conversations.
/// Ineffective behaviours:
/// - Gives feedback only when something has gone wrong.
/// ```
///
/// `None` for a short-form cell. The headings are the labels `cell.effective` and
/// `cell.ineffective` in `lang` (French puts a no-break space before the colon).
pub(crate) fn cell_text(pack: &Pack, cell: &CellDoc, lang: &str) -> Option<String> {
    let CellDoc::Described(described) = cell else {
        return None;
    };
    let colon = crate::messages::colon(lang);
    let mut lines = Vec::new();
    if let Some(description) = &described.description {
        lines.push(text(description, lang));
    }
    for (label, list) in [
        (Label::CellEffective, &described.indicators),
        (Label::CellIneffective, &described.ineffective),
    ] {
        if list.is_empty() {
            continue;
        }
        let heading = pack.message(label.code(), lang).unwrap_or(label.code());
        lines.push(format!("{heading}{colon}"));
        for item in list {
            lines.push(format!("- {}", text(item, lang)));
        }
    }
    Some(lines.join("\n"))
}

/// [`cell_text`] read back: the description and the two lists, in one language (the headings are
/// recognized in every language the engine has default labels for).
pub(crate) fn parse_cell_text(text: &str) -> (Option<String>, Vec<String>, Vec<String>) {
    let heading = |line: &str, label: Label| {
        let line = line
            .trim_end_matches(':')
            .trim_end_matches('\u{a0}')
            .trim_end();
        crate::messages::DEFAULT_LANGUAGES
            .iter()
            .any(|lang| label.default_template(lang) == Some(line))
    };
    let mut description: Vec<&str> = Vec::new();
    let mut effective = Vec::new();
    let mut ineffective = Vec::new();
    // Which list the lines go to: the effective (`Some(true)`) or ineffective behaviours.
    let mut list: Option<bool> = None;
    for line in text.lines() {
        if line.ends_with(':') && heading(line, Label::CellEffective) {
            list = Some(true);
        } else if line.ends_with(':') && heading(line, Label::CellIneffective) {
            list = Some(false);
        } else if let (Some(which), Some(item)) = (list, line.strip_prefix("- ")) {
            if which {
                effective.push(item.to_owned());
            } else {
                ineffective.push(item.to_owned());
            }
        } else if list.is_none() {
            description.push(line);
        }
    }
    let description = (!description.is_empty()).then(|| description.join("\n"));
    (description, effective, ineffective)
}
