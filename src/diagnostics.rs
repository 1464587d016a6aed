//! Structured diagnostics: what is wrong with a rule pack or a participant document, and where.
//!
//! Every problem carries a stable machine-readable `code`, a human message, the file it came from,
//! the key path inside the document (`competency[3].expected.manager`) and, where the format gives
//! them, the line and column. Callers (the command line, the WebAssembly bindings, an editor) show
//! them as they are; nothing here is printed or thrown.

use serde::Serialize;
use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The pack cannot be used until this is fixed.
    Error,
    /// The pack works, but probably not as its author meant.
    Warning,
}

/// One problem found in a document, with its location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable, machine-readable code such as `unknown_id` or `missing_translation`.
    pub code: &'static str,
    /// What is wrong, in English, naming the values involved.
    pub message: String,
    /// The file the problem is in (a pack file name, or `<input>` for a string).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The key path inside the document, e.g. `competency[3].expected.manager`; empty for the whole document.
    pub path: String,
    /// 1-based line, where the format gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column (in characters), where the format gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Diagnostic {
    /// An error at `path`.
    pub fn error(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            code,
            message: message.into(),
            file: None,
            path: path.into(),
            line: None,
            column: None,
        }
    }

    /// A warning at `path`.
    pub fn warning(
        code: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, path, message)
        }
    }

    /// Whether this diagnostic is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}[{}]", self.code)?;
        match (&self.file, self.line, self.column) {
            (Some(file), Some(line), Some(col)) => write!(f, " {file}:{line}:{col}")?,
            (Some(file), _, _) => write!(f, " {file}")?,
            (None, Some(line), Some(col)) => write!(f, " {line}:{col}")?,
            _ => {}
        }
        if !self.path.is_empty() {
            write!(f, " at `{}`", self.path)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Converts a byte offset in `source` to a 1-based (line, column) pair, counting columns in characters.
pub(crate) fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut line = 1;
    let mut column = 1;
    for (index, ch) in source.char_indices() {
        if index >= offset {
            break;
        }
        if ch == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let text = "a = 1\né = \"x\"\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // 'é' is two bytes; the '=' after it is the third character of line 2.
        assert_eq!(line_column(text, 9), (2, 3));
    }

    #[test]
    fn display_names_file_line_and_path() {
        let mut d = Diagnostic::error("unknown_id", "competency[2].outcome", "no outcome `x`");
        d.file = Some("pack.toml".into());
        d.line = Some(4);
        d.column = Some(11);
        assert_eq!(
            d.to_string(),
            "error[unknown_id] pack.toml:4:11 at `competency[2].outcome`: no outcome `x`"
        );
    }
}
