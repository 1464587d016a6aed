//! One JSON reader for every document the engine reads by hand (packs, participant documents, xAPI
//! statements, the bindings' arguments): accessors that check a value's type and name the offending
//! field by its path (`competency[3].expected.manager`).
//!
//! Each accessor returns a `Result`, so a reader that stops at the first problem (a participant
//! document, a statement, an argument) uses `?`; [`Collect`] keeps every problem and reads on, as
//! pack checking does. Hand-written rather than serde's derives because the derives cost about
//! 12 KB gzip more in the WebAssembly module and stop at the first error; tests hold each reader to
//! the derives that the published schemas are generated from.

use crate::diagnostics::{Diagnostic, DiagnosticCode};
use serde_json::{Map, Value};

/// One problem found while reading: what kind, at which field path, and what is wrong (in
/// English, and as a [`Wrong`] that a reader can put in any language).
#[derive(Debug)]
pub(crate) struct Problem {
    pub code: DiagnosticCode,
    pub path: String,
    pub message: String,
    pub wrong: Wrong,
}

/// What is wrong with a field, in terms a message in any language can be written from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Wrong {
    /// A value of another type.
    Type { expected: Type, found: Type },
    /// A required key is missing.
    Missing,
    /// A text that is not one of the values allowed (`choices`, joined with `, `).
    NotOneOf { value: String, choices: String },
    /// A text that is not a date (`YYYY-MM-DD`).
    Date { value: String },
    /// Anything else: the English message says it.
    Other,
}

/// The types a field may be expected to have, or be found with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Type {
    String,
    Number,
    WholeNumber,
    Boolean,
    List,
    Object,
    TextTable,
    Null,
}

impl Type {
    /// The type of `value`.
    pub fn of(value: &Value) -> Type {
        match value {
            Value::Null => Type::Null,
            Value::Bool(_) => Type::Boolean,
            Value::Number(_) => Type::Number,
            Value::String(_) => Type::String,
            Value::Array(_) => Type::List,
            Value::Object(_) => Type::Object,
        }
    }

    /// The type's code, as message parameters give it (`type.CODE` is its label).
    pub fn code(self) -> &'static str {
        match self {
            Type::String => "string",
            Type::Number => "number",
            Type::WholeNumber => "whole_number",
            Type::Boolean => "boolean",
            Type::List => "list",
            Type::Object => "object",
            Type::TextTable => "text_table",
            Type::Null => "null",
        }
    }

    /// What a value of this type is expected to be, in English.
    fn expected(self, w: Wording) -> &'static str {
        match self {
            Type::String => "a string",
            Type::Number => "a number",
            Type::WholeNumber => "a whole number from 0 to 4294967295",
            Type::Boolean => "true or false",
            Type::List => "a list",
            Type::Object => w.object(),
            Type::TextTable => "a table of texts",
            Type::Null => "null",
        }
    }
}

impl Problem {
    /// A problem of the `invalid_value` kind with its own message.
    pub fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: DiagnosticCode::InvalidValue,
            path: path.into(),
            message: message.into(),
            wrong: Wrong::Other,
        }
    }

    /// `path: message` (`message` alone at the root).
    pub fn joined(&self) -> String {
        if self.path.is_empty() {
            self.message.clone()
        } else {
            format!("{}: {}", self.path, self.message)
        }
    }
}

/// How problems are worded, by the kind of document being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wording {
    /// Rule packs (often TOML): "expected a string, found a table".
    Pack,
    /// Participant documents: "expected a string, found an object".
    Document,
    /// xAPI statements and the bindings' arguments: "must be a string", "is missing".
    #[cfg_attr(
        not(any(feature = "interop", feature = "planning", test)),
        expect(
            dead_code,
            reason = "statements and options are read with the interop and planning features"
        )
    )]
    Strict,
}

impl Wording {
    /// What a JSON object is called.
    pub fn object(self) -> &'static str {
        match self {
            Wording::Pack => "a table",
            Wording::Document | Wording::Strict => "an object",
        }
    }

    /// `path` holds `found` where a value of type `expected` belongs.
    pub fn mismatch(self, path: &str, expected: Type, found: &Value) -> Problem {
        let what = expected.expected(self);
        let message = match self {
            Wording::Strict => format!("must be {what}"),
            Wording::Pack | Wording::Document => {
                format!("expected {what}, found {}", kind_of(found, self.object()))
            }
        };
        Problem {
            wrong: Wrong::Type {
                expected,
                found: Type::of(found),
            },
            ..Problem::invalid(path, message)
        }
    }

    /// `key` is missing from the object at `path`.
    pub fn missing(self, path: &str, key: &str) -> Problem {
        Problem {
            code: DiagnosticCode::MissingKey,
            path: child(path, key),
            message: match self {
                Wording::Strict => "is missing".to_owned(),
                Wording::Pack | Wording::Document => format!("missing key `{key}`"),
            },
            wrong: Wrong::Missing,
        }
    }
}

/// `path.key`, or `key` at the root.
pub(crate) fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// `path[index]`.
pub(crate) fn item(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// What kind of value `value` is, in words; `object` is what a JSON object is called.
pub(crate) fn kind_of(value: &Value, object: &'static str) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => object,
    }
}

/// The keys of `map` that are not in `allowed`, in the map's order.
pub(crate) fn unknown_keys<'m>(
    map: &'m Map<String, Value>,
    allowed: &'m [&str],
) -> impl Iterator<Item = &'m String> {
    map.keys().filter(|key| !allowed.contains(&key.as_str()))
}

/// A key's value, `null` counting as absent.
pub(crate) fn present<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    map.get(key).filter(|v| !v.is_null())
}

/// A key's value that must be there (`null` counts as present: the type check reports it).
pub(crate) fn required<'v>(
    w: Wording,
    map: &'v Map<String, Value>,
    path: &str,
    key: &str,
) -> Result<&'v Value, Problem> {
    map.get(key).ok_or_else(|| w.missing(path, key))
}

/// The value as an object.
pub(crate) fn object<'v>(
    w: Wording,
    value: &'v Value,
    path: &str,
) -> Result<&'v Map<String, Value>, Problem> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(w.mismatch(path, Type::Object, other)),
    }
}

/// The value as a list.
pub(crate) fn list<'v>(w: Wording, value: &'v Value, path: &str) -> Result<&'v [Value], Problem> {
    match value {
        Value::Array(items) => Ok(items),
        other => Err(w.mismatch(path, Type::List, other)),
    }
}

/// The value as a string.
pub(crate) fn str<'v>(w: Wording, value: &'v Value, path: &str) -> Result<&'v str, Problem> {
    match value {
        Value::String(text) => Ok(text),
        other => Err(w.mismatch(path, Type::String, other)),
    }
}

/// The value as a whole number that fits in a `u32`.
pub(crate) fn u32(w: Wording, value: &Value, path: &str) -> Result<u32, Problem> {
    value
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| w.mismatch(path, Type::WholeNumber, value))
}

/// The value as a number.
pub(crate) fn f64(w: Wording, value: &Value, path: &str) -> Result<f64, Problem> {
    value
        .as_f64()
        .ok_or_else(|| w.mismatch(path, Type::Number, value))
}

/// The value as `true` or `false`.
pub(crate) fn bool(w: Wording, value: &Value, path: &str) -> Result<bool, Problem> {
    match value {
        Value::Bool(b) => Ok(*b),
        other => Err(w.mismatch(path, Type::Boolean, other)),
    }
}

/// The value as one of `choices` (the ids of an enumeration), as its position.
pub(crate) fn choice(
    w: Wording,
    value: &Value,
    path: &str,
    choices: &[&str],
) -> Result<usize, Problem> {
    let text = str(w, value, path)?;
    choices.iter().position(|c| *c == text).ok_or_else(|| {
        let choices = choices.join(", ");
        Problem {
            wrong: Wrong::NotOneOf {
                value: text.to_owned(),
                choices: choices.clone(),
            },
            ..Problem::invalid(path, format!("`{text}` is not one of: {choices}"))
        }
    })
}

/// A required key read by `read` (given the value and its path).
pub(crate) fn req<'v, T>(
    w: Wording,
    map: &'v Map<String, Value>,
    path: &str,
    key: &str,
    read: impl FnOnce(Wording, &'v Value, &str) -> Result<T, Problem>,
) -> Result<T, Problem> {
    read(w, required(w, map, path, key)?, &child(path, key))
}

/// An optional key (`null` is absent) read by `read`.
pub(crate) fn opt<'v, T>(
    w: Wording,
    map: &'v Map<String, Value>,
    path: &str,
    key: &str,
    read: impl FnOnce(Wording, &'v Value, &str) -> Result<T, Problem>,
) -> Result<Option<T>, Problem> {
    present(map, key)
        .map(|value| read(w, value, &child(path, key)))
        .transpose()
}

/// A string, owned (for `req` and `opt`).
pub(crate) fn string(w: Wording, value: &Value, path: &str) -> Result<String, Problem> {
    str(w, value, path).map(str::to_owned)
}

/// The collect-all mode: every problem becomes a diagnostic and reading goes on; an accessor gives
/// `None` where its value could not be read.
pub(crate) struct Collect<'d> {
    /// Where problems go.
    pub diagnostics: &'d mut Vec<Diagnostic>,
}

impl Collect<'_> {
    /// The value, or `None` with its problem recorded.
    pub fn keep<T>(&mut self, read: Result<T, Problem>) -> Option<T> {
        read.map_err(|problem| self.record(problem)).ok()
    }

    /// Records a problem.
    pub fn record(&mut self, problem: Problem) {
        self.diagnostics.push(Diagnostic::error(
            problem.code,
            problem.path,
            problem.message,
        ));
    }

    /// How many diagnostics have been recorded so far: a decoder compares it at its end with its
    /// start to know whether its entry was read cleanly.
    pub fn mark(&self) -> usize {
        self.diagnostics.len()
    }

    /// `value` when nothing was recorded since `mark`.
    pub fn clean_since<T>(&self, mark: usize, value: T) -> Option<T> {
        (self.diagnostics.len() == mark).then_some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn message<T: std::fmt::Debug>(read: Result<T, Problem>) -> String {
        match read {
            Ok(value) => format!("ok {value:?}"),
            Err(problem) => problem.joined(),
        }
    }

    #[test]
    fn each_wording_names_the_path_and_what_was_expected() {
        let value = json!({"a": {"b": 3}});
        let Some(map) = value.as_object() else {
            panic!("an object")
        };
        let inner = req(Wording::Pack, map, "", "a", object);
        let inner = inner.ok().and_then(|m| m.get("b"));
        let Some(b) = inner else { panic!("a.b") };
        assert_eq!(
            message(str(Wording::Pack, b, "a.b")),
            "a.b: expected a string, found a number"
        );
        assert_eq!(
            message(str(Wording::Document, &value, "")),
            "expected a string, found an object"
        );
        assert_eq!(
            message(object(Wording::Pack, b, "a.b")),
            "a.b: expected a table, found a number"
        );
        assert_eq!(
            message(str(Wording::Strict, b, "a.b")),
            "a.b: must be a string"
        );
        assert_eq!(
            message(required(Wording::Strict, map, "", "verb")),
            "verb: is missing"
        );
        assert_eq!(
            message(required(Wording::Document, map, "x", "id")),
            "x.id: missing key `id`"
        );
        assert_eq!(
            message(choice(Wording::Pack, &json!("maybe"), "s", &["yes", "no"])),
            "s: `maybe` is not one of: yes, no"
        );
        assert_eq!(
            message(choice(Wording::Pack, &json!("no"), "s", &["yes", "no"])),
            "ok 1"
        );
        assert_eq!(
            message(u32(Wording::Pack, &json!(-1), "n")),
            "n: expected a whole number from 0 to 4294967295, found a number"
        );
    }

    #[test]
    fn null_is_absent_for_optional_keys_and_refused_for_required_ones() {
        let value = json!({"a": null});
        let Some(map) = value.as_object() else {
            panic!("an object")
        };
        assert_eq!(
            message(opt(Wording::Document, map, "", "a", string)),
            "ok None"
        );
        assert_eq!(
            message(req(Wording::Document, map, "", "a", string)),
            "a: expected a string, found null"
        );
    }

    #[test]
    fn the_collect_all_mode_keeps_every_problem_and_reads_on() {
        let mut diagnostics = Vec::new();
        let mut collect = Collect {
            diagnostics: &mut diagnostics,
        };
        let start = collect.mark();
        assert_eq!(collect.keep(str(Wording::Pack, &json!(1), "a")), None);
        assert_eq!(
            collect.keep(str(Wording::Pack, &json!("b"), "b")),
            Some("b")
        );
        assert_eq!(collect.keep(bool(Wording::Pack, &json!("c"), "c")), None);
        assert_eq!(collect.clean_since(start, ()), None);
        let paths: Vec<&str> = diagnostics.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["a", "c"]);
    }

    #[test]
    fn unknown_keys_are_every_key_not_allowed() {
        let value = json!({"z": 1, "id": 2, "a": 3});
        let Some(map) = value.as_object() else {
            panic!("an object")
        };
        let unknown: Vec<&String> = unknown_keys(map, &["id"]).collect();
        assert_eq!(unknown, ["a", "z"]);
    }
}
