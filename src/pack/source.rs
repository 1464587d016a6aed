//! Reading pack files (TOML or JSON) into one document tree, remembering where each key came from.
//!
//! A pack may be one file or a directory of files, each holding some of the top-level sections
//! (`pack.toml`, `competencies.toml`, ...). All files are read into one `serde_json::Value` so that
//! TOML and JSON packs go through the same decoding and checks; for TOML, the byte offset of every
//! key path is kept so diagnostics can give a line and column.

use crate::diagnostics::{Diagnostic, DiagnosticCode, LineIndex};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The syntax of a pack file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// TOML (needs the `toml` feature).
    Toml,
    /// JSON.
    Json,
}

impl Format {
    /// The format implied by a file name's extension, if any.
    pub fn from_file_name(name: &str) -> Option<Self> {
        if name.ends_with(".toml") {
            Some(Self::Toml)
        } else if name.ends_with(".json") {
            Some(Self::Json)
        } else {
            None
        }
    }
}

/// One pack file's name and text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The file name used in diagnostics.
    pub name: String,
    /// The file's text.
    pub text: String,
    /// Its syntax.
    pub format: Format,
}

/// Where each key path of one file starts: path → byte offset.
pub(crate) type Offsets = BTreeMap<String, usize>;

/// The merged document and where each part of it came from.
#[derive(Debug, Default)]
pub(crate) struct SourceTree {
    /// The merged top-level object.
    pub root: Map<String, Value>,
    /// For each top-level key, the index of the file that defined it.
    origin: BTreeMap<String, usize>,
    /// Per file: key path -> byte offset (TOML at once; JSON when a diagnostic needs it).
    offsets: Vec<Offsets>,
    /// Per file: where its lines start (TOML at once; JSON when a diagnostic needs it).
    lines: Vec<LineIndex>,
    files: Vec<SourceFile>,
    /// Whether a file could not be read (a syntax error, past a limit, not a table): its sections
    /// are unknown, so nothing is checked past reading.
    pub unreadable: bool,
}

impl SourceTree {
    /// Reads and merges `files`; syntax errors and keys defined twice are added to `diagnostics`.
    pub fn read(files: Vec<SourceFile>, diagnostics: &mut Vec<Diagnostic>) -> Self {
        let mut tree = SourceTree::default();
        for (index, file) in files.iter().enumerate() {
            let mut offsets = Offsets::default();
            let lines = match file.format {
                Format::Json => LineIndex::default(),
                Format::Toml => LineIndex::new(&file.text),
            };
            let parsed = match file.format {
                Format::Json => parse_json(file, diagnostics),
                Format::Toml => parse_toml(file, &lines, &mut offsets, diagnostics),
            };
            tree.offsets.push(offsets);
            tree.lines.push(lines);
            let Some(parsed) = parsed else {
                tree.unreadable = true;
                continue;
            };
            let Value::Object(object) = parsed else {
                tree.unreadable = true;
                let mut d = Diagnostic::error(
                    DiagnosticCode::NotATable,
                    "",
                    "a pack file must hold a table (object) of sections",
                );
                d.file = Some(file.name.clone());
                diagnostics.push(d);
                continue;
            };
            if let Some(message) = not_a_pack_file(&object) {
                let mut d = Diagnostic::error(DiagnosticCode::NotAPackFile, "", message);
                d.file = Some(file.name.clone());
                diagnostics.push(d);
                continue;
            }
            for (key, value) in object {
                if let Some(first) = tree.origin.get(&key) {
                    let first_name = files.get(*first).map_or("", |f| f.name.as_str());
                    let mut d = Diagnostic::error(
                        DiagnosticCode::DuplicateSection,
                        key.clone(),
                        format!("section `{key}` is already defined in {first_name}"),
                    );
                    d.file = Some(file.name.clone());
                    diagnostics.push(d);
                    continue;
                }
                tree.origin.insert(key.clone(), index);
                tree.root.insert(key, value);
            }
        }
        tree.files = files;
        tree
    }

    /// Fills in the file, line and column of every diagnostic from its key path.
    pub fn locate_all(&mut self, diagnostics: &mut [Diagnostic]) {
        for d in diagnostics.iter_mut() {
            if d.file.is_none() {
                self.locate(d);
            }
        }
    }

    /// Fills in the file, line and column of a diagnostic from its key path.
    fn locate(&mut self, diagnostic: &mut Diagnostic) {
        let top = diagnostic.path.split(['.', '[']).next().unwrap_or_default();
        let Some(&index) = self.origin.get(top) else {
            if let [only] = self.files.as_slice() {
                diagnostic.file = Some(only.name.clone());
            }
            return;
        };
        let Some(file) = self.files.get(index) else {
            return;
        };
        diagnostic.file = Some(file.name.clone());
        // A JSON file's positions are found on first need (most packs have no diagnostics).
        if file.format == Format::Json
            && let (Some(offsets), Some(lines)) =
                (self.offsets.get_mut(index), self.lines.get_mut(index))
            && offsets.is_empty()
        {
            *offsets = super::json_paths::offsets(&file.text);
            *lines = LineIndex::new(&file.text);
        }
        let (Some(offsets), Some(lines)) = (self.offsets.get(index), self.lines.get(index)) else {
            return;
        };
        // The longest prefix of the path that has a position: a missing key is reported at its table.
        let mut path = diagnostic.path.as_str();
        loop {
            if let Some(&offset) = offsets.get(path) {
                let (line, column) = lines.line_column(&file.text, offset);
                diagnostic.line = Some(line);
                diagnostic.column = Some(column);
                return;
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = path.get(..cut).unwrap_or_default(),
                None => return,
            }
        }
    }
}

/// Why a file is not part of a pack, when it plainly is not: it has the keys only a participant
/// document has (one left in a pack's folder would otherwise give a dozen unknown-section errors,
/// none naming the cause).
fn not_a_pack_file(object: &serde_json::Map<String, Value>) -> Option<String> {
    let mut found: Vec<&str> = Vec::new();
    for key in ["`enrolled`", "`evidence`"] {
        if object.contains_key(key.trim_matches('`')) {
            found.push(key);
        }
    }
    (!found.is_empty()).then(|| {
        format!(
            "this file is not part of a pack: it looks like a participant document (it has {}); keep participants outside the pack's folder and pass them to `evaluate`",
            found.join(" and ")
        )
    })
}

fn parse_json(file: &SourceFile, diagnostics: &mut Vec<Diagnostic>) -> Option<Value> {
    use crate::limits::{MAX_JSON_DEPTH, json_too_deep};
    if let Some(offset) = json_too_deep(&file.text, MAX_JSON_DEPTH) {
        let mut d = Diagnostic::error(
            DiagnosticCode::LimitExceeded,
            "",
            format!("arrays and objects nest more than {MAX_JSON_DEPTH} deep"),
        );
        let (line, column) = LineIndex::new(&file.text).line_column(&file.text, offset);
        d.file = Some(file.name.clone());
        d.line = Some(line);
        d.column = Some(column);
        diagnostics.push(d);
        return None;
    }
    match serde_json::from_str::<Value>(&file.text) {
        Ok(value) => Some(value),
        Err(err) => {
            let mut d = Diagnostic::error(
                DiagnosticCode::Syntax,
                "",
                format!(
                    "invalid JSON: {}",
                    crate::diagnostics::json_error_message(&err, &file.text)
                ),
            );
            d.file = Some(file.name.clone());
            let (line, column) = crate::diagnostics::json_error_position(&err, &file.text);
            d.line = Some(line);
            d.column = Some(column);
            diagnostics.push(d);
            None
        }
    }
}

#[cfg(feature = "toml")]
fn parse_toml(
    file: &SourceFile,
    lines: &LineIndex,
    offsets: &mut Offsets,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Value> {
    use toml::de::DeTable;
    let (table, errors) = DeTable::parse_recoverable(&file.text);
    if !errors.is_empty() {
        for err in errors {
            let mut d = Diagnostic::error(
                DiagnosticCode::Syntax,
                "",
                format!("invalid TOML: {}", err.message().trim()),
            );
            d.file = Some(file.name.clone());
            if let Some(span) = err.span() {
                let (line, column) = lines.line_column(&file.text, span.start);
                d.line = Some(line);
                d.column = Some(column);
            }
            diagnostics.push(d);
        }
        return None;
    }
    let mut converter = TomlConverter {
        offsets,
        lines,
        file,
        diagnostics,
    };
    let value = converter.table(table.get_ref(), "");
    // The same nesting limit as JSON files (the TOML parser's own is higher).
    let max = crate::limits::MAX_JSON_DEPTH;
    if crate::limits::value_depth(&value, max) > max {
        let mut d = Diagnostic::error(
            DiagnosticCode::LimitExceeded,
            "",
            format!("tables and arrays nest more than {max} deep"),
        );
        d.file = Some(file.name.clone());
        diagnostics.push(d);
        return None;
    }
    Some(value)
}

#[cfg(not(feature = "toml"))]
fn parse_toml(
    file: &SourceFile,
    _lines: &LineIndex,
    _offsets: &mut Offsets,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Value> {
    let mut d = Diagnostic::error(
        DiagnosticCode::TomlUnsupported,
        "",
        "this build reads JSON packs only (built without the `toml` feature)",
    );
    d.file = Some(file.name.clone());
    diagnostics.push(d);
    None
}

/// Converts a spanned TOML tree into JSON values, recording the offset of every key path.
#[cfg(feature = "toml")]
struct TomlConverter<'a> {
    offsets: &'a mut Offsets,
    lines: &'a LineIndex,
    file: &'a SourceFile,
    diagnostics: &'a mut Vec<Diagnostic>,
}

#[cfg(feature = "toml")]
impl TomlConverter<'_> {
    fn table(&mut self, table: &toml::de::DeTable<'_>, path: &str) -> Value {
        let mut object = Map::new();
        for (key, value) in table {
            let key_text = key.get_ref().to_string();
            // A key is part of the path of everything below it: a very long one is refused before
            // what it holds is read (no pack key or id is near this long).
            if key_text.chars().count() > crate::limits::MAX_KEY_CHARS {
                let mut d = Diagnostic::error(
                    DiagnosticCode::LimitExceeded,
                    path,
                    format!(
                        "a key is longer than the limit of {} characters",
                        crate::limits::MAX_KEY_CHARS
                    ),
                );
                d.file = Some(self.file.name.clone());
                let (line, column) = self.lines.line_column(&self.file.text, key.span().start);
                d.line = Some(line);
                d.column = Some(column);
                self.diagnostics.push(d);
                continue;
            }
            let child = if path.is_empty() {
                key_text.clone()
            } else {
                format!("{path}.{key_text}")
            };
            self.offsets.insert(child.clone(), key.span().start);
            let converted = self.value(value, &child);
            object.insert(key_text, converted);
        }
        Value::Object(object)
    }

    fn value(&mut self, value: &toml::Spanned<toml::de::DeValue<'_>>, path: &str) -> Value {
        use toml::de::DeValue;
        match value.get_ref() {
            DeValue::String(s) => Value::String(s.to_string()),
            DeValue::Boolean(b) => Value::Bool(*b),
            DeValue::Integer(i) => {
                match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
                    Ok(n) => Value::from(n),
                    Err(_) => self.bad(value, path, "integer out of range"),
                }
            }
            DeValue::Float(f) => match f.as_str().replace('_', "").parse::<f64>() {
                Ok(n) if n.is_finite() => Value::from(n),
                _ => self.bad(value, path, "numbers must be finite"),
            },
            // Dates are written as strings in packs; a bare TOML date is accepted as its text.
            DeValue::Datetime(d) => Value::String(d.to_string()),
            DeValue::Array(items) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let child = format!("{path}[{i}]");
                        self.offsets.insert(child.clone(), item.span().start);
                        self.value(item, &child)
                    })
                    .collect(),
            ),
            DeValue::Table(table) => self.table(table, path),
        }
    }

    fn bad(
        &mut self,
        value: &toml::Spanned<toml::de::DeValue<'_>>,
        path: &str,
        message: &str,
    ) -> Value {
        let mut d = Diagnostic::error(DiagnosticCode::InvalidValue, path, message);
        d.file = Some(self.file.name.clone());
        let (line, column) = self.lines.line_column(&self.file.text, value.span().start);
        d.line = Some(line);
        d.column = Some(column);
        self.diagnostics.push(d);
        Value::Null
    }
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;

    fn toml_file(name: &str, text: &str) -> SourceFile {
        SourceFile {
            name: name.into(),
            text: text.into(),
            format: Format::Toml,
        }
    }

    #[test]
    fn locates_nested_paths_in_toml() {
        let mut diagnostics = Vec::new();
        let mut tree = SourceTree::read(
            vec![toml_file(
                "a.toml",
                "x = 1\n\n[[competency]]\nid = \"a\"\n\n[[competency]]\nid = \"b\"\noutcome = \"zz\"\n",
            )],
            &mut diagnostics,
        );
        assert!(diagnostics.is_empty());
        let mut d = Diagnostic::error(DiagnosticCode::UnknownId, "competency[1].outcome", "m");
        tree.locate(&mut d);
        assert_eq!(
            (d.file.as_deref(), d.line, d.column),
            (Some("a.toml"), Some(8), Some(1))
        );
        // A missing key is reported at its nearest parent that exists.
        let mut d = Diagnostic::error(DiagnosticCode::UnknownId, "competency[1].name", "m");
        tree.locate(&mut d);
        assert_eq!(d.line, Some(6));
    }

    #[test]
    fn a_section_defined_in_two_files_is_an_error() {
        let mut diagnostics = Vec::new();
        let _ = SourceTree::read(
            vec![
                toml_file("a.toml", "[program]\nid='a'\n"),
                toml_file("b.toml", "[program]\nid='b'\n"),
            ],
            &mut diagnostics,
        );
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(
            diagnostics.first().map(|d| d.code.code()),
            Some("duplicate_section")
        );
    }

    #[test]
    fn toml_syntax_errors_have_positions() {
        let mut diagnostics = Vec::new();
        let _ = SourceTree::read(
            vec![toml_file("a.toml", "a = 1\nb = = 2\n")],
            &mut diagnostics,
        );
        let first = diagnostics.first();
        assert_eq!(first.map(|d| d.code.code()), Some("syntax"));
        assert_eq!(first.and_then(|d| d.line), Some(2));
    }
}
