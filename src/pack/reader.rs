//! A small reader over a JSON document tree that knows where it is: each accessor checks a value's
//! type and reports a diagnostic at its exact key path (`competency[3].expected.manager`) when it
//! does not fit. Used to decode packs field by field, so every problem in an entry is reported, not
//! only the first. (A hand-written decoder rather than serde's derived one because it is a fraction
//! of the size in the WebAssembly module; `tests/pack_check.rs` holds it to the same results as the
//! serde derives that the published JSON Schema is generated from.)

use crate::diagnostics::{Diagnostic, DiagnosticCode};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Collects diagnostics while values are read.
pub(crate) struct Reader<'d> {
    pub diagnostics: &'d mut Vec<Diagnostic>,
}

/// `path.key`, or `key` at the root.
pub(crate) fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// What kind of value `value` is, in words; `object` names a JSON object ("a table" for packs,
/// which are often TOML; "an object" for participant documents).
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

impl Reader<'_> {
    fn invalid(&mut self, path: &str, expected: &str, found: &Value) {
        let message = format!("expected {expected}, found {}", kind_of(found, "a table"));
        self.diagnostics.push(Diagnostic::error(
            DiagnosticCode::InvalidValue,
            path,
            message,
        ));
    }

    /// How many diagnostics have been reported so far: a decoder compares it at its end with its
    /// start to know whether its entry was read cleanly.
    pub fn mark(&self) -> usize {
        self.diagnostics.len()
    }

    /// `value` when nothing was reported since `mark`.
    pub fn clean_since<T>(&self, mark: usize, value: T) -> Option<T> {
        (self.diagnostics.len() == mark).then_some(value)
    }

    /// The value as a table; every key not in `allowed` is reported (and the table still read).
    pub fn table<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        allowed: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.invalid(path, "a table", value);
            return None;
        };
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                let message = format!(
                    "unknown key `{key}`; expected one of: {}",
                    allowed.join(", ")
                );
                self.diagnostics.push(Diagnostic::error(
                    DiagnosticCode::UnknownKey,
                    child(path, key),
                    message,
                ));
            }
        }
        Some(map)
    }

    /// A value that must be present (`null` counts as absent only for optional fields).
    fn required<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v Value> {
        let found = map.get(key);
        if found.is_none() {
            self.diagnostics.push(Diagnostic::error(
                DiagnosticCode::MissingKey,
                child(path, key),
                format!("missing key `{key}`"),
            ));
        }
        found
    }

    /// An optional value; `null` is the same as absent.
    fn optional<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
        map.get(key).filter(|v| !v.is_null())
    }

    pub fn as_string(&mut self, value: &Value, path: &str) -> Option<String> {
        match value {
            Value::String(s) => Some(s.clone()),
            other => {
                self.invalid(path, "a string", other);
                None
            }
        }
    }

    fn as_u32(&mut self, value: &Value, path: &str) -> Option<u32> {
        match value.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Some(n),
            None => {
                self.invalid(path, "a whole number from 0 to 4294967295", value);
                None
            }
        }
    }

    fn as_f64(&mut self, value: &Value, path: &str) -> Option<f64> {
        match value.as_f64() {
            Some(n) => Some(n),
            None => {
                self.invalid(path, "a number", value);
                None
            }
        }
    }

    fn as_bool(&mut self, value: &Value, path: &str) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            other => {
                self.invalid(path, "true or false", other);
                None
            }
        }
    }

    /// The value itself as a string.
    pub fn as_string_value(&mut self, value: &Value, path: &str) -> Option<String> {
        self.as_string(value, path)
    }

    /// A required string.
    pub fn string(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        let value = self.required(map, path, key)?;
        self.as_string(value, &child(path, key))
    }

    /// An optional string (a value of another type is reported).
    pub fn opt_string(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<String> {
        Self::optional(map, key).and_then(|v| self.as_string(v, &child(path, key)))
    }

    /// A required whole number.
    pub fn u32(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<u32> {
        let value = self.required(map, path, key)?;
        self.as_u32(value, &child(path, key))
    }

    /// An optional whole number.
    pub fn opt_u32(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<u32> {
        Self::optional(map, key).and_then(|v| self.as_u32(v, &child(path, key)))
    }

    /// An optional number.
    pub fn opt_f64(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<f64> {
        Self::optional(map, key).and_then(|v| self.as_f64(v, &child(path, key)))
    }

    /// A boolean with a default.
    pub fn bool_or(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        default: bool,
    ) -> bool {
        match map.get(key) {
            None => default,
            Some(v) => self.as_bool(v, &child(path, key)).unwrap_or(default),
        }
    }

    /// A whole number with a default.
    pub fn u32_or(&mut self, map: &Map<String, Value>, path: &str, key: &str, default: u32) -> u32 {
        match map.get(key) {
            None => default,
            Some(v) => self.as_u32(v, &child(path, key)).unwrap_or(default),
        }
    }

    /// One of `choices` (the ids of an enumeration), as its position.
    pub fn choice(&mut self, value: &Value, path: &str, choices: &[&str]) -> Option<usize> {
        let text = self.as_string(value, path)?;
        let found = choices.iter().position(|c| *c == text);
        if found.is_none() {
            let message = format!("`{text}` is not one of: {}", choices.join(", "));
            self.diagnostics.push(Diagnostic::error(
                DiagnosticCode::InvalidValue,
                path,
                message,
            ));
        }
        found
    }

    /// A table of strings (names per language, expectations per level...).
    pub fn strings(&mut self, value: &Value, path: &str) -> Option<BTreeMap<String, String>> {
        let Value::Object(map) = value else {
            self.invalid(path, "a table of texts", value);
            return None;
        };
        let mut out = BTreeMap::new();
        let mut ok = true;
        for (key, v) in map {
            match self.as_string(v, &child(path, key)) {
                Some(s) => {
                    out.insert(key.clone(), s);
                }
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// A required table of strings.
    pub fn req_strings(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<BTreeMap<String, String>> {
        let value = self.required(map, path, key)?;
        self.strings(value, &child(path, key))
    }

    /// An optional table of strings.
    pub fn opt_strings(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<BTreeMap<String, String>> {
        Self::optional(map, key).and_then(|v| self.strings(v, &child(path, key)))
    }

    /// A list read entry by entry: the entries that read cleanly (the others are reported), or
    /// `None` when the value is not a list.
    pub fn list<T>(
        &mut self,
        value: &Value,
        path: &str,
        mut item: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let Value::Array(items) = value else {
            self.invalid(path, "a list", value);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            if let Some(x) = item(self, v, &format!("{path}[{i}]")) {
                out.push(x);
            }
        }
        Some(out)
    }

    /// A required list.
    pub fn req_list<T>(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        item: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let value = self.required(map, path, key)?;
        self.list(value, &child(path, key), item)
    }

    /// A list that may be left out (empty).
    pub fn list_or_empty<T>(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        item: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Vec<T> {
        match map.get(key) {
            None => Vec::new(),
            Some(value) => self
                .list(value, &child(path, key), item)
                .unwrap_or_default(),
        }
    }

    /// A list of strings.
    pub fn string_list(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<Vec<String>> {
        self.req_list(map, path, key, |r, v, p| r.as_string(v, p))
    }
}
