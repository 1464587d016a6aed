//! The limits a caller can rely on, the same natively, in WebAssembly and in every JavaScript entry
//! point: inputs within them are read and evaluated in time linear (or n log n) in their size;
//! inputs past them are refused with a clear error naming the limit, never an abort or a stall.
//!
//! Each limit is far above what a real program needs (the HSLP pack is 46 KB with 59
//! competencies; a participant's record is a few hundred evidence items).

use serde_json::Value;

/// The text of one pack, all its files together, in bytes.
pub const MAX_PACK_BYTES: usize = 4 * 1024 * 1024;
/// Competencies in a pack.
pub const MAX_COMPETENCIES: usize = 2_000;
/// Catalogue items in a pack.
pub const MAX_CATALOGUE_ITEMS: usize = 5_000;
/// Equivalency rules in a pack.
pub const MAX_RULES: usize = 1_000;
/// Organizational levels, proficiency-scale levels, learning outcomes and evidence kinds in a pack
/// (each; the matrix is competencies × levels).
pub const MAX_SECTION_ENTRIES: usize = 100;
/// How deep a rule's conditions may nest (`all` inside `any` inside ...; the rule's own `when` is 1).
pub const MAX_RULE_DEPTH: usize = 16;
/// Characters in any id (of a pack's things, of a participant, of an evidence item).
pub const MAX_ID_CHARS: usize = 128;
/// Characters in a key of a TOML pack file (longer keys are refused before what they hold is read).
pub const MAX_KEY_CHARS: usize = 256;
/// The text of one participant document, in bytes.
pub const MAX_PARTICIPANT_BYTES: usize = 4 * 1024 * 1024;
/// Evidence items in one participant document (evaluation takes at most this many plus
/// [`MAX_STATEMENTS`], the evidence statements can add).
pub const MAX_EVIDENCE: usize = 10_000;
/// How deep arrays and objects may nest in one JSON document (a participant, a pack file, one xAPI
/// statement, a CASE package); `{}` is 1. The same whether the document comes alone or inside a
/// batch (an `evaluateMany` array, a `StatementResult` page).
pub const MAX_JSON_DEPTH: usize = 64;
/// How deep the JSON parser goes (serde_json's own limit): a batch (an `evaluateMany` list, a page
/// of statements) nesting deeper is refused whole; within it, each document is held to
/// [`MAX_JSON_DEPTH`] and refused alone.
pub const PARSER_DEPTH: usize = 127;
/// xAPI statements in one call (one participant's batch, all sources together).
pub const MAX_STATEMENTS: usize = 20_000;
/// The text of one source of xAPI statements, or of one CASE package, in bytes.
pub const MAX_SOURCE_BYTES: usize = 16 * 1024 * 1024;
/// Items in one CASE package (CFItems); five times as many associations (CFAssociations) and
/// rubric criteria or criterion levels; rubrics (which become levels) as [`MAX_SECTION_ENTRIES`].
pub const MAX_CASE_ITEMS: usize = 20_000;

/// Every limit, by name, as the documentation and the JavaScript `limits()` give them.
pub const ALL: [(&str, usize); 17] = [
    ("pack_bytes", MAX_PACK_BYTES),
    ("competencies", MAX_COMPETENCIES),
    ("catalogue_items", MAX_CATALOGUE_ITEMS),
    ("rules", MAX_RULES),
    ("section_entries", MAX_SECTION_ENTRIES),
    ("rule_depth", MAX_RULE_DEPTH),
    ("id_chars", MAX_ID_CHARS),
    ("key_chars", MAX_KEY_CHARS),
    ("participant_bytes", MAX_PARTICIPANT_BYTES),
    ("evidence", MAX_EVIDENCE),
    ("json_depth", MAX_JSON_DEPTH),
    ("statements", MAX_STATEMENTS),
    ("source_bytes", MAX_SOURCE_BYTES),
    ("case_items", MAX_CASE_ITEMS),
    ("case_associations", MAX_CASE_ITEMS * 5),
    ("case_rubrics", MAX_SECTION_ENTRIES),
    ("case_criteria", MAX_CASE_ITEMS * 5),
];

/// Where JSON text first nests deeper than `max`: the byte offset of the bracket that does.
///
/// A scan of the bytes (strings skipped), made before parsing so that no parser recurses past the
/// limit and the limit is the same for every caller. Text that is not JSON is left to the parser
/// to report.
pub fn json_too_deep(text: &str, max: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, byte) in text.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(offset);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// How deep arrays and objects nest in `value` (a scalar is 0, `{}` is 1), walking with a stack of
/// its own so that any value, however built, is measured without deep recursion; stops counting
/// past `max + 1`.
pub fn value_depth(value: &Value, max: usize) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&Value, usize)> = vec![(value, 0)];
    while let Some((value, depth)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match value {
            Value::Array(items) => Box::new(items.iter()),
            Value::Object(map) => Box::new(map.values()),
            _ => continue,
        };
        let depth = depth + 1;
        deepest = deepest.max(depth);
        if depth > max {
            return deepest;
        }
        stack.extend(children.map(|child| (child, depth)));
    }
    deepest
}

/// Whether `id` is longer than [`MAX_ID_CHARS`].
pub fn id_too_long(id: &str) -> bool {
    // Bytes bound chars from above: only count chars when the bytes are over.
    id.len() > MAX_ID_CHARS && id.chars().count() > MAX_ID_CHARS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings() {
        assert_eq!(json_too_deep(r#"{"a": [1, {"b": "[[[["}]}"#, 3), None);
        assert_eq!(json_too_deep(r#"{"a": [1, {"b": "[[[["}]}"#, 2), Some(10));
        assert_eq!(json_too_deep(r#"["\"[[", [[]]]"#, 3), None);
        assert_eq!(json_too_deep(r#"["\"[[", [[]]]"#, 2), Some(10));
        let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
        assert_eq!(json_too_deep(&deep, MAX_JSON_DEPTH), Some(64));
        assert_eq!(json_too_deep(&deep, 65), None);
    }

    #[test]
    fn value_depth_agrees_with_the_text_scan() {
        for depth in [0usize, 1, 2, 10, 64, 65] {
            let text = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
            let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            assert_eq!(value_depth(&value, 100), depth);
            assert_eq!(json_too_deep(&text, depth), None);
            assert_eq!(
                json_too_deep(&text, depth.saturating_sub(1)).is_some(),
                depth > 0
            );
        }
        let wide: Value = serde_json::json!({ "a": [{}], "b": { "c": { "d": [] } } });
        assert_eq!(value_depth(&wide, 100), 4);
    }

    #[test]
    fn ids_are_measured_in_characters() {
        assert!(!id_too_long(&"é".repeat(MAX_ID_CHARS)));
        assert!(id_too_long(&"a".repeat(MAX_ID_CHARS + 1)));
    }
}
