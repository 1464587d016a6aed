//! Decoding the merged document tree into [`PackDoc`], one section and one list entry at a time,
//! so that a pack with many mistakes gets a diagnostic for each of them rather than the first.

use super::format::*;
use crate::diagnostics::Diagnostic;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};

/// The top-level sections a pack may have.
pub const SECTIONS: &[&str] = &[
    "format",
    "program",
    "scale",
    "level",
    "outcome",
    "competency",
    "evidence_kind",
    "catalogue",
    "rule",
    "equivalency",
    "coaching",
    "mentoring",
    "final_assignment",
    "completion",
    "progression",
    "precedence",
    "messages",
];

/// A decoded pack and what could not be decoded.
pub(crate) struct Decoded {
    pub doc: PackDoc,
    /// Sections that are missing or failed to decode: references into them are not checked.
    pub broken_sections: HashSet<&'static str>,
    /// `section/id` of list entries that failed to decode but had an id: references to them are
    /// not reported again.
    pub broken_ids: HashSet<String>,
}

/// Decodes `root`, pushing a diagnostic for every section or entry that does not fit the format.
pub(crate) fn decode(root: &Map<String, Value>, diagnostics: &mut Vec<Diagnostic>) -> Decoded {
    let mut ctx = Ctx {
        root,
        diagnostics,
        broken_sections: HashSet::new(),
        broken_ids: HashSet::new(),
    };
    for key in root.keys() {
        if !SECTIONS.contains(&key.as_str()) {
            ctx.diagnostics.push(Diagnostic::error(
                "unknown_section",
                key.clone(),
                format!(
                    "unknown section `{key}`; a pack has: {}",
                    SECTIONS.join(", ")
                ),
            ));
        }
    }
    let format = ctx.required::<String>("format").unwrap_or_default();
    // When `[program]` cannot be decoded, its languages are still read so that translations are checked.
    let languages = root
        .get("program")
        .and_then(|p| p.get("languages"))
        .and_then(Value::as_array)
        .map(|langs| {
            langs
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let program = ctx
        .required::<ProgramDoc>("program")
        .unwrap_or_else(|| ProgramDoc {
            id: String::new(),
            version: String::new(),
            name: BTreeMap::new(),
            description: None,
            notice: None,
            languages,
        });
    let scale = ctx
        .required::<ScaleDoc>("scale")
        .unwrap_or_else(|| ScaleDoc {
            id: String::new(),
            name: BTreeMap::new(),
            level: Vec::new(),
        });
    let precedence = ctx
        .required::<PrecedenceDoc>("precedence")
        .unwrap_or(PrecedenceDoc {
            assessor_override: OverridePolicy::HighestWins,
        });
    let doc = PackDoc {
        format,
        program,
        scale,
        level: ctx.list("level", true),
        outcome: ctx.list("outcome", true),
        competency: ctx.list("competency", true),
        evidence_kind: ctx.list("evidence_kind", true),
        catalogue: ctx.list("catalogue", false),
        rule: ctx.list("rule", false),
        equivalency: ctx.optional("equivalency").unwrap_or_default(),
        coaching: ctx.optional("coaching"),
        mentoring: ctx.optional("mentoring"),
        final_assignment: ctx.optional("final_assignment"),
        completion: ctx.list("completion", true),
        progression: ctx.optional("progression").unwrap_or_default(),
        precedence,
        messages: ctx.optional("messages").unwrap_or_default(),
    };
    Decoded {
        doc,
        broken_sections: ctx.broken_sections,
        broken_ids: ctx.broken_ids,
    }
}

struct Ctx<'a> {
    root: &'a Map<String, Value>,
    diagnostics: &'a mut Vec<Diagnostic>,
    broken_sections: HashSet<&'static str>,
    broken_ids: HashSet<String>,
}

impl Ctx<'_> {
    fn required<T: DeserializeOwned>(&mut self, key: &'static str) -> Option<T> {
        if !self.root.contains_key(key) {
            self.diagnostics.push(Diagnostic::error(
                "missing_section",
                key,
                format!("the pack has no `{key}` section"),
            ));
            self.broken_sections.insert(key);
            return None;
        }
        self.optional(key)
    }

    fn optional<T: DeserializeOwned>(&mut self, key: &'static str) -> Option<T> {
        let value = self.root.get(key)?;
        let decoded = decode_value(value, key, self.diagnostics);
        if decoded.is_none() {
            self.broken_sections.insert(key);
        }
        decoded
    }

    fn list<T: DeserializeOwned>(&mut self, key: &'static str, required: bool) -> Vec<T> {
        let Some(value) = self.root.get(key) else {
            if required {
                self.diagnostics.push(Diagnostic::error(
                    "missing_section",
                    key,
                    format!("the pack has no `{key}` entries (write them as [[{key}]])"),
                ));
                self.broken_sections.insert(key);
            }
            return Vec::new();
        };
        let Value::Array(items) = value else {
            self.diagnostics.push(Diagnostic::error(
                "invalid_type",
                key,
                format!("`{key}` must be a list of tables (write each entry as [[{key}]])"),
            ));
            self.broken_sections.insert(key);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let path = format!("{key}[{index}]");
            match decode_value(item, &path, self.diagnostics) {
                Some(decoded) => out.push(decoded),
                None => {
                    if let Some(id) = item.get("id").and_then(Value::as_str) {
                        self.broken_ids.insert(format!("{key}/{id}"));
                    }
                }
            }
        }
        out
    }
}

/// Decodes one value, reporting a failure at `prefix` plus the path inside the value.
pub(crate) fn decode_value<T: DeserializeOwned>(
    value: &Value,
    prefix: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(decoded) => Some(decoded),
        Err(err) => {
            let message = err.inner().to_string();
            let path = error_path(prefix, err.path(), &message);
            let code = if message.starts_with("unknown field") {
                "unknown_key"
            } else if message.starts_with("missing field") {
                "missing_key"
            } else {
                "invalid_value"
            };
            diagnostics.push(Diagnostic::error(code, path, message));
            None
        }
    }
}

/// The path of a serde error: for a missing field, the path of that field (not of its parent).
pub(crate) fn error_path(prefix: &str, path: &serde_path_to_error::Path, message: &str) -> String {
    let mut out = join_path(prefix, path);
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(field);
    }
    out
}

/// `prefix` followed by a serde path, written as `a.b[2].c`.
pub(crate) fn join_path(prefix: &str, path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = prefix.to_owned();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    out
}
