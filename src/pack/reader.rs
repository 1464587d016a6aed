//! The pack decoder's accessors: the shared JSON reader ([`crate::json_reader`]) in its collect-all
//! mode, with the shapes packs use (required and optional keys, defaults, tables of texts, lists
//! read entry by entry), so that every problem in a pack is reported, not only the first.

use crate::json_reader::{self as json, Collect, Problem, Wording};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub(crate) use crate::json_reader::child;

/// Reads pack values, recording a diagnostic for each problem.
pub(crate) type Reader<'d> = Collect<'d>;

const W: Wording = Wording::Pack;

impl Reader<'_> {
    /// The value as a table; every key not in `allowed` is reported (and the table still read).
    pub fn table<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        allowed: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let map = self.keep(json::object(W, value, path))?;
        for key in json::unknown_keys(map, allowed) {
            let message = format!(
                "unknown key `{key}`; expected one of: {}",
                allowed.join(", ")
            );
            self.record(Problem {
                code: crate::diagnostics::DiagnosticCode::UnknownKey,
                path: child(path, key),
                message,
                wrong: json::Wrong::Other,
            });
        }
        Some(map)
    }

    /// The value itself as a string.
    pub fn as_string(&mut self, value: &Value, path: &str) -> Option<String> {
        self.keep(json::string(W, value, path))
    }

    /// A required string.
    pub fn string(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        self.keep(json::req(W, map, path, key, json::string))
    }

    /// An optional string (a value of another type is reported).
    pub fn opt_string(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<String> {
        self.keep(json::opt(W, map, path, key, json::string))
            .flatten()
    }

    /// A required whole number.
    pub fn u32(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<u32> {
        self.keep(json::req(W, map, path, key, json::u32))
    }

    /// An optional whole number.
    pub fn opt_u32(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<u32> {
        self.keep(json::opt(W, map, path, key, json::u32)).flatten()
    }

    /// An optional number.
    pub fn opt_f64(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<f64> {
        self.keep(json::opt(W, map, path, key, json::f64)).flatten()
    }

    /// A boolean with a default (`null` is reported, not taken as the default).
    pub fn bool_or(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        default: bool,
    ) -> bool {
        match map.get(key) {
            None => default,
            Some(v) => self
                .keep(json::bool(W, v, &child(path, key)))
                .unwrap_or(default),
        }
    }

    /// A whole number with a default (`null` is reported, not taken as the default).
    pub fn u32_or(&mut self, map: &Map<String, Value>, path: &str, key: &str, default: u32) -> u32 {
        match map.get(key) {
            None => default,
            Some(v) => self
                .keep(json::u32(W, v, &child(path, key)))
                .unwrap_or(default),
        }
    }

    /// One of `choices` (the ids of an enumeration), as its position.
    pub fn choice(&mut self, value: &Value, path: &str, choices: &[&str]) -> Option<usize> {
        self.keep(json::choice(W, value, path, choices))
    }

    /// A table of strings (names per language, expectations per level...): every entry that is
    /// not a string is reported.
    pub fn strings(&mut self, value: &Value, path: &str) -> Option<BTreeMap<String, String>> {
        let Value::Object(map) = value else {
            return self.keep(Err(W.mismatch(path, json::Type::TextTable, value)));
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
        let value = self.keep(json::required(W, map, path, key))?;
        self.strings(value, &child(path, key))
    }

    /// An optional table of strings.
    pub fn opt_strings(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<BTreeMap<String, String>> {
        json::present(map, key).and_then(|v| self.strings(v, &child(path, key)))
    }

    /// An optional table of texts by key (`proficiency.working.en`): every entry that is not a
    /// table of texts is reported and left out.
    pub fn texts_by_key(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> BTreeMap<String, BTreeMap<String, String>> {
        let mut out = BTreeMap::new();
        // (Not `present`: a `null` table is refused, as the derives the schema comes from refuse
        // it, not taken as absent.)
        let Some(value) = map.get(key) else {
            return out;
        };
        let path = child(path, key);
        let Some(entries) = self.keep(json::object(W, value, &path)) else {
            return out;
        };
        for (name, text) in entries {
            if let Some(text) = self.strings(text, &child(&path, name)) {
                out.insert(name.clone(), text);
            }
        }
        out
    }

    /// A list read entry by entry: the entries that read cleanly (the others are reported), or
    /// `None` when the value is not a list.
    pub fn list<T>(
        &mut self,
        value: &Value,
        path: &str,
        mut item: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.keep(json::list(W, value, path))?;
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            if let Some(x) = item(self, v, &json::item(path, i)) {
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
        let value = self.keep(json::required(W, map, path, key))?;
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
        self.req_list(map, path, key, Self::as_string)
    }
}
