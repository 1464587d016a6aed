//! Structured diagnostics: what is wrong with a rule pack or a participant document, and where.
//!
//! Every problem carries a stable machine-readable `code`, a human message, the file it came from,
//! the key path inside the document (`competency[3].expected.manager`) and, where the format gives
//! them, the line and column. Callers (the command line, the WebAssembly bindings, an editor) show
//! them as they are; nothing here is printed or thrown.

use serde::Serialize;
use std::fmt;

crate::codes::code_enum! {
    /// What is wrong with a rule pack: the `code` of a [`Diagnostic`]. The table is the reference
    /// `docs/messages.md` is generated from.
    pub enum DiagnosticCode {
        // Reading the files.
        Io = "io" => "a pack file or folder could not be read",
        Syntax = "syntax" => "the file is not valid TOML or JSON (with the line and column of the fault)",
        NotATable = "not_a_table" => "a pack file holds something other than a table of sections",
        EquivalencyUnstated = "equivalency_unstated" => "a rule that does not say whether it is an equivalency (it is taken as one); a warning",
        NotAPackFile = "not_a_pack_file" => "a file in the pack's folder that is not part of a pack (a participant document); it is left out",
        DuplicateSection = "duplicate_section" => "two files (or one file twice) define the same section",
        TomlUnsupported = "toml_unsupported" => "a TOML file given to a build that reads JSON packs only",
        LimitExceeded = "limit_exceeded" => "past one of the engine's input limits (see `limits`)",
        // The shape of the document.
        MissingSection = "missing_section" => "a section every pack needs is absent",
        UnknownSection = "unknown_section" => "a section the pack format does not have",
        MissingKey = "missing_key" => "a key the entry needs is absent",
        UnknownKey = "unknown_key" => "a key the entry does not have (with the nearest known key)",
        InvalidType = "invalid_type" => "a value of the wrong type (a table where a list of tables belongs)",
        InvalidValue = "invalid_value" => "a value of the wrong type or form",
        UnsupportedFormat = "unsupported_format" => "the pack's `format` is not one this engine reads",
        // Ids and references.
        InvalidId = "invalid_id" => "an id with characters or a length ids may not have",
        DuplicateId = "duplicate_id" => "two entries of one section share an id",
        UnknownId = "unknown_id" => "a reference to an id the pack does not define (with the nearest id)",
        WrongKind = "wrong_kind" => "a reference to an evidence kind that does not count the way it is used",
        DuplicateActivity = "duplicate_activity" => "one xAPI activity mapped to two catalogue items",
        InvalidUri = "invalid_uri" => "a value that must be an absolute URI is not",
        AssessorNotAccepted = "assessor_not_accepted" => "the `[xapi]` assessor may not assess the item's evidence kind",
        // Values and their meaning.
        Empty = "empty" => "a value or list that may not be empty is",
        EmptyText = "empty_text" => "a name or description is empty in one language",
        OutOfRange = "out_of_range" => "a number outside its allowed range",
        TooManyLevels = "too_many_levels" => "a proficiency scale with more levels than the engine ranks",
        LevelsOutOfOrder = "levels_out_of_order" => "expectations that fall as organizational levels rise",
        NotApplicable = "not_applicable" => "a key that has no effect for this entry's kind",
        EquivalencyNotAllowed = "equivalency_not_allowed" => "equivalency granting a competency that may not be obtained by equivalency",
        InvalidCondition = "invalid_condition" => "a rule condition that is not one of the condition forms, or cannot hold",
        Cycle = "cycle" => "rules that depend on each other in a loop",
        MissingCompletion = "missing_completion" => "an organizational level with no completion requirements",
        MissingExpectation = "missing_expectation" => "a competency with no expectation at some organizational level",
        // Warnings: the pack works, but probably not as meant.
        EmptyOutcome = "empty_outcome" => "a learning outcome no competency belongs to",
        NeverRequired = "never_required" => "a competency required at no level",
        GrantsNothing = "grants_nothing" => "a catalogue item that grants no competency",
        Unreachable = "unreachable" => "an expectation no evidence, item or rule could ever reach",
        // Messages and languages.
        UnknownMessage = "unknown_message" => "an override of a message the engine does not have (with the nearest code)",
        UnknownPlaceholder = "unknown_placeholder" => "a `{placeholder}` the message does not fill",
        UnusedTranslation = "unused_translation" => "messages for a language the program does not have",
        MissingTranslation = "missing_translation" => "a program language with no engine messages, for which the pack gives not all of them",
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// The pack cannot be used until this is fixed.
    Error,
    /// The pack works, but probably not as its author meant.
    Warning,
}

/// One problem found in a document, with its location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts-types", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable, machine-readable code such as `unknown_id` or `missing_translation`.
    pub code: DiagnosticCode,
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
    pub fn error(
        code: DiagnosticCode,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
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
        code: DiagnosticCode,
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
///
/// Scans the text once; for many offsets in one text, build a [`LineIndex`].
#[cfg(test)]
pub(crate) fn line_column(source: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(source).line_column(source, offset)
}

/// Where the lines of a text start, and how many characters come before each block of
/// [`LineIndex::BLOCK`] bytes, so each (line, column) costs a binary search and a short count
/// instead of a scan of the text (a pack with thousands of diagnostics stays linear).
#[derive(Debug, Clone, Default)]
pub(crate) struct LineIndex {
    /// Byte offsets where lines 2, 3, ... start (after each `\n`).
    line_starts: Vec<usize>,
    /// `chars_before[b]`: characters that start before byte `b * BLOCK`.
    chars_before: Vec<usize>,
}

impl LineIndex {
    const BLOCK: usize = 64;

    /// Indexes `text`.
    pub(crate) fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = Vec::new();
        let mut chars_before = Vec::with_capacity(bytes.len() / Self::BLOCK + 1);
        let mut chars = 0;
        for (index, byte) in bytes.iter().enumerate() {
            if index % Self::BLOCK == 0 {
                chars_before.push(chars);
            }
            if *byte == b'\n' {
                line_starts.push(index + 1);
            }
            chars += usize::from(is_char_start(*byte));
        }
        chars_before.push(chars);
        LineIndex {
            line_starts,
            chars_before,
        }
    }

    /// Characters that start before byte `offset` of `text`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let block = offset / Self::BLOCK;
        let base = self.chars_before.get(block).copied().unwrap_or(0);
        let rest = text
            .as_bytes()
            .get(block * Self::BLOCK..offset)
            .unwrap_or_default();
        base + rest.iter().filter(|b| is_char_start(**b)).count()
    }

    /// The 1-based (line, column) of byte `offset` of `text` (the text this index was built from),
    /// counting columns in characters.
    pub(crate) fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        // Lines that start at or before the offset.
        let before = self.line_starts.partition_point(|start| *start <= offset);
        let line_start = match before.checked_sub(1) {
            Some(i) => self.line_starts.get(i).copied().unwrap_or(0),
            None => 0,
        };
        let column = self.chars_before(text, offset) - self.chars_before(text, line_start) + 1;
        (before + 1, column)
    }
}

/// Whether `byte` starts a UTF-8 character (it is not a continuation byte).
fn is_char_start(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

/// The 1-based line and column of a JSON syntax error in `text`, the column in characters (serde_json
/// counts bytes). serde_json gives column 0 for an error on
/// a newline (a raw line break inside a string, say): that is given as column 1 of the line it
/// starts, the first position past the break. (Finding the end of the line before instead costs
/// the WebAssembly module more than its budget has left.)
pub(crate) fn json_error_position(err: &serde_json::Error, text: &str) -> (usize, usize) {
    let line = err.line().max(1);
    // serde_json counts the column in bytes; diagnostics count characters (as TOML's do).
    let start = text
        .split('\n')
        .take(line - 1)
        .map(|l| l.len() + 1)
        .sum::<usize>();
    let bytes = err.column();
    let column = text
        .get(start..)
        .unwrap_or_default()
        .char_indices()
        .take_while(|(i, _)| *i < bytes)
        .count();
    (line, column.max(1))
}

/// A raw line break (or another control character) inside a JSON string.
const RAW_CONTROL: &str =
    "a line break or control character inside a string (write it as \\n or \\t)";

/// What is wrong at a JSON syntax error, in words of our own, from the error's category and the
/// character it points at (the line and column are given apart). Not serde_json's own text: its
/// `Display` would bring its I/O error texts into the WebAssembly module (about 1 KB gzipped).
pub(crate) fn json_error_message(err: &serde_json::Error, text: &str) -> String {
    use serde_json::error::Category;
    let line = err.line().max(1);
    let start: usize = text.split('\n').take(line - 1).map(|l| l.len() + 1).sum();
    // serde_json's column counts the bytes read on the line, the offending one included; a raw
    // line break inside a string is column 0 of the next line.
    if err.column() == 0 && line > 1 && err.classify() != Category::Eof {
        return RAW_CONTROL.to_owned();
    }
    let column = err.column().saturating_sub(1);
    let on_line = text.get(start..).unwrap_or_default();
    let found = on_line
        .char_indices()
        .find(|(i, c)| i + c.len_utf8() > column);
    let before = found
        .and_then(|(i, _)| text.get(..start + i))
        .and_then(|b| b.trim_end().chars().last());
    match (err.classify(), found.map(|(_, c)| c)) {
        (Category::Eof, _) | (_, None) => {
            "the text ends before the JSON is complete (a string, list or object is not closed)"
                .to_owned()
        }
        (_, Some(c)) if c.is_control() => RAW_CONTROL.to_owned(),
        (_, Some('}' | ']')) if before == Some(',') => {
            "a comma before the closing bracket (a trailing comma)".to_owned()
        }
        (_, Some(c)) => {
            // (Pushed, not formatted: `char`'s `Display` is not otherwise in the module.)
            let mut message = String::from("unexpected `");
            message.push(c);
            message.push('`');
            message
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_syntax_errors_are_said_in_our_words() {
        let said = |text: &str| match serde_json::from_str::<serde_json::Value>(text) {
            Ok(_) => panic!("{text} parsed"),
            Err(err) => json_error_message(&err, text),
        };
        assert_eq!(
            said("{\"a\": [1, 2,\n]}"),
            "a comma before the closing bracket (a trailing comma)"
        );
        assert_eq!(
            said("{\"a\": \"x\ny\"}"),
            "a line break or control character inside a string (write it as \\n or \\t)"
        );
        assert!(said("{\"a\": [1, 2").starts_with("the text ends before"));
        assert_eq!(said("{\"é\": 1 2}"), "unexpected `2`");
        assert_eq!(said("{\"a\" 1}"), "unexpected `1`");
        assert_eq!(said("[1] é"), "unexpected `é`");
    }

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let text = "a = 1\né = \"x\"\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // 'é' is two bytes; the '=' after it is the third character of line 2.
        assert_eq!(line_column(text, 9), (2, 3));
    }

    #[test]
    fn the_line_index_agrees_with_a_plain_scan_everywhere() {
        // Long lines and multi-byte characters across block boundaries.
        let text = format!(
            "{}\né{}\n\n{}x",
            "a".repeat(70),
            "ü€".repeat(50),
            "😀".repeat(40)
        );
        let index = LineIndex::new(&text);
        for offset in 0..=text.len() + 2 {
            let (mut line, mut column) = (1, 1);
            for (i, ch) in text.char_indices() {
                if i >= offset {
                    break;
                }
                if ch == '\n' {
                    line += 1;
                    column = 1;
                } else {
                    column += 1;
                }
            }
            assert_eq!(
                index.line_column(&text, offset),
                (line, column),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn display_names_file_line_and_path() {
        let mut d = Diagnostic::error(
            DiagnosticCode::UnknownId,
            "competency[2].outcome",
            "no outcome `x`",
        );
        d.file = Some("pack.toml".into());
        d.line = Some(4);
        d.column = Some(11);
        assert_eq!(
            d.to_string(),
            "error[unknown_id] pack.toml:4:11 at `competency[2].outcome`: no outcome `x`"
        );
    }
}
