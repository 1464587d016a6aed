//! A CASE package (1.1, or the 1.0 exports found in the wild) as a rule-pack skeleton: learning
//! outcomes and competencies from the CFItems and their `isChildOf` hierarchy, sibling order from
//! `sequenceNumber`, and the scale and per-level expectations from CFRubrics where present (as
//! `export-case` writes them). Reading is tolerant: what cannot be used is skipped and reported.
//! What CASE cannot carry (evidence kinds, catalogue, requirements) gets placeholders, so the
//! skeleton passes `check` as it is and the author fills in the program from there.

use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Something the import skipped, assumed or could not use.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct ImportNote {
    /// A stable code: `no_statement`, `orphan_item`, `outside_package`, `cross_reference`, ...
    pub code: &'static str,
    /// Where in the CASE package (e.g. `CFAssociations[5]`).
    pub path: String,
    /// What happened.
    pub message: String,
}

/// The skeleton pack (a JSON pack document) and the notes.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CaseImport {
    /// The pack, in the JSON form of the pack format.
    pub pack: Value,
    /// Everything skipped or assumed.
    pub notes: Vec<ImportNote>,
    /// The language the package's texts were read in.
    pub lang: String,
}

/// The package could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
#[non_exhaustive]
pub struct ImportError(pub String);

struct Item<'v> {
    uuid: String,
    value: &'v Value,
    index: usize,
}

fn str_at<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A usable pack id from `text` (letters, digits, `_`, `.`, `-`).
fn slug(text: &str) -> String {
    let mut out = String::new();
    for ch in text.chars().flat_map(char::to_lowercase) {
        if ch.is_ascii_alphanumeric() || ch == '.' || ch == '-' {
            out.push(ch);
        } else if let Some(plain) = unaccented(ch) {
            // Accented Latin letters keep their letter (`Équipe` → `equipe`).
            out.push_str(plain);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

/// An id made from `text` (see [`slug`]) that starts with a letter or digit, as ids must; `None`
/// when nothing usable is left (a title in another script, only punctuation).
fn id_from(text: &str) -> Option<String> {
    let id = slug(text);
    let id = id.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    (!id.is_empty()).then(|| id.to_owned())
}

/// `base`, or `base-2`, `base-3`... whichever is not in `taken` (then taken).
fn unique(base: &str, taken: &mut BTreeSet<String>) -> String {
    let mut id = base.to_owned();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// Codes in natural order: digits compare as numbers (`L1.2` before `L1.10`), the rest as text.
fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(text: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut digits = None;
        for (i, c) in text.char_indices() {
            let d = c.is_ascii_digit();
            if digits.is_some_and(|was| was != d) {
                out.push((
                    digits.unwrap_or(false),
                    text.get(start..i).unwrap_or_default(),
                ));
                start = i;
            }
            digits = Some(d);
        }
        if let Some(d) = digits {
            out.push((d, text.get(start..).unwrap_or_default()));
        }
        out
    }
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(&cb) {
        let order = match (x, y) {
            ((true, x), (true, y)) => {
                let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                x.len().cmp(&y.len()).then_with(|| x.cmp(y))
            }
            ((_, x), (_, y)) => x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase()),
        };
        if order.is_ne() {
            return order;
        }
    }
    ca.len().cmp(&cb.len()).then_with(|| a.cmp(b))
}

/// The fields of a CFItem the skeleton carries (or that are bookkeeping: where it is, when it
/// changed); any other is named in a note. (`abbreviatedStatement` is carried only as the name of
/// an item without a `fullStatement`.)
const ITEM_FIELDS: &[&str] = &[
    "identifier",
    "uri",
    "CFDocumentURI",
    "fullStatement",
    "humanCodingScheme",
    "notes",
    "language",
    "lastChangeDateTime",
];

/// A lower-case accented Latin letter without its accent (French, Spanish, Portuguese, German...).
fn unaccented(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        _ => return None,
    })
}

fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// `sequenceNumber` as a finite number (CASE 1.0 exports often write it as a string; `"NaN"`
/// and `"inf"` are not sequence numbers).
fn sequence(value: &Value) -> Option<f64> {
    match value.get("sequenceNumber")? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|n: &f64| n.is_finite())
}

/// Organizational levels from the lowest: rubrics listed from the most senior (expectations
/// falling more often than rising along them) are reversed; then no level expects less of a
/// competency than the level below it (a pack must not), each expectation raised with a note.
fn order_levels(
    scale: &[(String, String)],
    levels: &mut [(String, String)],
    expected: &mut BTreeMap<(String, String), String>,
    notes: &mut Vec<ImportNote>,
) {
    let rank = |id: &str| scale.iter().position(|(s, _)| s == id);
    let competencies: BTreeSet<String> = expected.keys().map(|(c, _)| c.clone()).collect();
    let ranks = |c: &String,
                 levels: &[(String, String)],
                 expected: &BTreeMap<(String, String), String>|
     -> Vec<(String, usize)> {
        levels
            .iter()
            .filter_map(|(l, _)| {
                let r = rank(expected.get(&(c.clone(), l.clone()))?)?;
                Some((l.clone(), r))
            })
            .collect()
    };
    let (mut rising, mut falling) = (0, 0);
    for c in &competencies {
        for pair in ranks(c, levels, expected).windows(2) {
            if let [(_, a), (_, b)] = pair {
                rising += usize::from(b > a);
                falling += usize::from(b < a);
            }
        }
    }
    if falling > rising {
        levels.reverse();
        notes.push(ImportNote {
            code: "levels_reversed",
            path: "CFRubrics".into(),
            message: "the rubrics expect less as they go on, so they list the most senior level first: the organizational levels are taken in the reverse order, from the lowest".into(),
        });
    }
    for c in &competencies {
        let mut highest: Option<usize> = None;
        for (level, r) in ranks(c, levels, expected) {
            match highest {
                Some(h) if r < h => {
                    let raised = scale.get(h).map(|(id, _)| id.clone()).unwrap_or_default();
                    notes.push(ImportNote {
                        code: "expectation_raised",
                        path: "CFRubrics".into(),
                        message: format!(
                            "{c} at `{level}` expected less than at a lower level: raised to `{raised}` (a level must not expect less as levels rise)"
                        ),
                    });
                    expected.insert((c.clone(), level), raised);
                }
                _ => highest = Some(r),
            }
        }
    }
}

/// Refuses the text of a CASE package past the [`crate::limits`] (its size, how deep it nests),
/// before it is parsed.
pub fn check_text_limits(text: &str) -> Result<(), ImportError> {
    use crate::limits::{MAX_JSON_DEPTH, MAX_SOURCE_BYTES, json_too_deep};
    if text.len() > MAX_SOURCE_BYTES {
        return Err(ImportError(format!(
            "the package is {} bytes, more than the limit of {MAX_SOURCE_BYTES}",
            text.len()
        )));
    }
    if let Some(offset) = json_too_deep(text, MAX_JSON_DEPTH) {
        return Err(ImportError(format!(
            "arrays and objects nest more than {MAX_JSON_DEPTH} deep (at byte {offset})"
        )));
    }
    Ok(())
}

/// Refuses a package past the [`crate::limits`]: nesting, items, associations.
fn check_limits(package: &Value) -> Result<(), ImportError> {
    use crate::limits::{MAX_CASE_ITEMS, MAX_JSON_DEPTH, MAX_SECTION_ENTRIES, value_depth};
    if value_depth(package, MAX_JSON_DEPTH) > MAX_JSON_DEPTH {
        return Err(ImportError(format!(
            "arrays and objects nest more than {MAX_JSON_DEPTH} deep"
        )));
    }
    let list = |value: &Value, key: &str| -> usize {
        value.get(key).and_then(Value::as_array).map_or(0, Vec::len)
    };
    let rubrics = package.get("CFRubrics").and_then(Value::as_array);
    let criteria = rubrics.into_iter().flatten().flat_map(|r| {
        r.get("CFRubricCriteria")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
    });
    let criterion_count = criteria.clone().count();
    let criterion_levels: usize = criteria.map(|c| list(c, "CFRubricCriterionLevels")).sum();
    for (key, count, max) in [
        ("CFItems", list(package, "CFItems"), MAX_CASE_ITEMS),
        (
            "CFAssociations",
            list(package, "CFAssociations"),
            MAX_CASE_ITEMS * 5,
        ),
        ("CFRubrics", list(package, "CFRubrics"), MAX_SECTION_ENTRIES),
        ("CFRubricCriteria", criterion_count, MAX_CASE_ITEMS * 5),
        (
            "CFRubricCriterionLevels",
            criterion_levels,
            MAX_CASE_ITEMS * 5,
        ),
    ] {
        if count > max {
            return Err(ImportError(format!(
                "{key} has {count} entries, more than the limit of {max}"
            )));
        }
    }
    Ok(())
}

/// Reads `package` into a pack skeleton in `fallback_lang` when the package names no language.
pub fn import_case(package: &Value, fallback_lang: &str) -> Result<CaseImport, ImportError> {
    // CASE 1.1 APIs serve a package as `{"CFPackage": {...}}`.
    let package = match package.get("CFPackage") {
        Some(inner) if inner.is_object() && package.get("CFDocument").is_none() => inner,
        _ => package,
    };
    check_limits(package)?;
    let document = package
        .get("CFDocument")
        .filter(|d| d.is_object())
        .ok_or_else(|| ImportError("not a CASE package: there is no CFDocument".into()))?;
    let mut notes = Vec::new();
    let mut note = |code: &'static str, path: String, message: String| {
        notes.push(ImportNote {
            code,
            path,
            message,
        })
    };
    let doc_uuid = str_at(document, "identifier")
        .unwrap_or_default()
        .to_owned();
    let empty = Vec::new();
    let raw_items = package
        .get("CFItems")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let associations = package
        .get("CFAssociations")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    // The language: the primary subtag of the package's tag (`fr-CA` is `fr`, `spa` stays `spa`).
    let tag = str_at(document, "language")
        .or_else(|| raw_items.iter().find_map(|i| str_at(i, "language")));
    let primary = tag
        .and_then(|t| t.split(['-', '_']).next())
        .map(str::to_ascii_lowercase);
    let lang = match (tag, primary) {
        (Some(tag), Some(p))
            if (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()) =>
        {
            if p != tag {
                note(
                    "language",
                    "CFDocument.language".into(),
                    format!(
                        "the package's language `{tag}` is written as `{p}`, its primary language"
                    ),
                );
            }
            p
        }
        (Some(tag), _) => {
            note(
                "language",
                "CFDocument.language".into(),
                format!("`{tag}` is not a language tag: `{fallback_lang}` is used"),
            );
            fallback_lang.to_owned()
        }
        (None, _) => {
            note(
                "language",
                "CFDocument.language".into(),
                format!(
                    "the package names no language: its texts are taken as `{fallback_lang}` (--lang)"
                ),
            );
            fallback_lang.to_owned()
        }
    };

    // Items, by identifier.
    let mut items: BTreeMap<String, Item<'_>> = BTreeMap::new();
    for (index, value) in raw_items.iter().enumerate() {
        match str_at(value, "identifier") {
            Some(uuid) if uuid == doc_uuid => note(
                "item_is_document",
                format!("CFItems[{index}]"),
                format!("item {uuid} has the identifier of the CFDocument; it was skipped"),
            ),
            Some(uuid) if !items.contains_key(uuid) => {
                items.insert(
                    uuid.to_owned(),
                    Item {
                        uuid: uuid.to_owned(),
                        value,
                        index,
                    },
                );
            }
            Some(uuid) => note(
                "duplicate_item",
                format!("CFItems[{index}]"),
                format!("item {uuid} appears twice; the first is kept"),
            ),
            None => note(
                "no_identifier",
                format!("CFItems[{index}]"),
                "an item without an identifier was skipped".into(),
            ),
        }
    }

    // Fields the skeleton has no place for, by name: how many items have each, and the first.
    let mut not_kept: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for item in items.values() {
        let Some(fields) = item.value.as_object() else {
            continue;
        };
        for key in fields.keys() {
            // (The item types `export-case` writes are what the hierarchy says again.)
            let implied = key == "CFItemType"
                && str_at(item.value, key).is_some_and(|t| {
                    [
                        "Competency",
                        "Compétence",
                        "Learning outcome",
                        "Résultat d'apprentissage",
                    ]
                    .contains(&t)
                });
            let used = ITEM_FIELDS.contains(&key.as_str())
                || implied
                || (key == "abbreviatedStatement" && str_at(item.value, "fullStatement").is_none());
            if !used && !fields.get(key).is_some_and(Value::is_null) {
                let entry = not_kept.entry(key.as_str()).or_insert((0, item.index));
                entry.0 += 1;
                entry.1 = entry.1.min(item.index);
            }
        }
    }
    for (field, (count, first)) in not_kept {
        note(
            "field_not_kept",
            format!("CFItems[{first}].{field}"),
            format!(
                "`{field}` (on {count} {}) is not kept: a rule pack has no place for it",
                if count == 1 { "item" } else { "items" }
            ),
        );
    }

    // Nodes named by URI only are found by it.
    let mut by_uri: BTreeMap<&str, String> = BTreeMap::new();
    if let Some(uri) = str_at(document, "uri") {
        by_uri.insert(uri, doc_uuid.clone());
    }
    for item in items.values() {
        if let Some(uri) = str_at(item.value, "uri") {
            by_uri.entry(uri).or_insert_with(|| item.uuid.clone());
        }
    }
    let node = |association: &Value, key: &str| -> String {
        let n = association.get(key);
        n.and_then(|o| str_at(o, "identifier"))
            .map(str::to_owned)
            .or_else(|| {
                n.and_then(|o| str_at(o, "uri"))
                    .and_then(|u| by_uri.get(u))
                    .cloned()
            })
            .unwrap_or_default()
    };

    // The isChildOf hierarchy; exactMatchOf and isRelatedTo are kept as the item's references
    // (once it is known to be a competency); other associations are reported.
    let mut parent: BTreeMap<String, (String, Option<f64>, usize)> = BTreeMap::new();
    let mut references: BTreeMap<String, Vec<(String, Value)>> = BTreeMap::new();
    for (index, association) in associations.iter().enumerate() {
        let path = format!("CFAssociations[{index}]");
        let kind = str_at(association, "associationType").unwrap_or_default();
        let origin = node(association, "originNodeURI");
        let origin = origin.as_str();
        let destination = node(association, "destinationNodeURI");
        let destination = destination.as_str();
        if kind != "isChildOf" {
            let target = association.get("destinationNodeURI");
            let uri = target
                .and_then(|d| str_at(d, "uri"))
                .map(str::to_owned)
                .or_else(|| (!destination.is_empty()).then(|| format!("urn:uuid:{destination}")));
            let relation = match kind {
                "exactMatchOf" => Some("exact_match"),
                "isRelatedTo" => Some("related"),
                _ => None,
            };
            match (relation, uri) {
                (Some(relation), Some(given)) if items.contains_key(origin) => {
                    // A reference is an absolute URI: spaces are escaped; anything else that is
                    // not one (`3.MD.B.3`) cannot be kept.
                    let uri: String = given
                        .chars()
                        .map(|c| {
                            if c.is_whitespace() {
                                "%20".to_owned()
                            } else {
                                c.to_string()
                            }
                        })
                        .collect();
                    if !crate::pack::is_absolute_iri(&uri) || super::unsafe_scheme(&uri) {
                        note(
                            "invalid_reference",
                            path,
                            format!(
                                "{kind} from {origin} to `{given}` is not kept: `{given}` is not an absolute URI"
                            ),
                        );
                        continue;
                    }
                    if uri != given {
                        note(
                            "reference_repaired",
                            path.clone(),
                            format!("the URI `{given}` is written `{uri}` (spaces escaped)"),
                        );
                    }
                    let mut reference = json!({ "relation": relation, "uri": uri });
                    // (An export writes the URI as the title of a reference that has none.)
                    if let (Some(title), Some(map)) = (
                        target
                            .and_then(|d| str_at(d, "title"))
                            .filter(|t| *t != uri.as_str() && *t != given.as_str()),
                        reference.as_object_mut(),
                    ) {
                        map.insert("title".into(), Value::from(title));
                    }
                    references
                        .entry(origin.to_owned())
                        .or_default()
                        .push((path, reference));
                }
                (_, uri) => note(
                    "cross_reference",
                    path,
                    format!(
                        "{kind} from {origin} to {} is not part of the competency hierarchy and not kept (only exactMatchOf and isRelatedTo of items are)",
                        uri.as_deref().unwrap_or("nothing")
                    ),
                ),
            }
            continue;
        }
        if !items.contains_key(origin) {
            note(
                "outside_package",
                path,
                format!(
                    "isChildOf from {origin}, which is not an item of this package, was skipped"
                ),
            );
            continue;
        }
        if destination != doc_uuid && !items.contains_key(destination) {
            note(
                "outside_package",
                path,
                format!(
                    "{origin} is a child of {destination}, which is not in this package: treated as top level"
                ),
            );
            continue;
        }
        if association
            .get("sequenceNumber")
            .is_some_and(|s| !s.is_null())
            && sequence(association).is_none()
        {
            note(
                "bad_sequence",
                path.clone(),
                "sequenceNumber is not a number; document order is used".into(),
            );
        }
        if parent.contains_key(origin) {
            note(
                "second_parent",
                path,
                format!("{origin} already has a parent; this one was skipped"),
            );
            continue;
        }
        parent.insert(
            origin.to_owned(),
            (destination.to_owned(), sequence(association), index),
        );
    }

    // Children per parent, in sequence order (then document order).
    let mut children: BTreeMap<String, Vec<(Option<f64>, usize, String)>> = BTreeMap::new();
    for item in items.values() {
        let (p, seq, _) = match parent.get(&item.uuid) {
            Some(found) => found.clone(),
            None => {
                note(
                    "orphan_item",
                    format!("CFItems[{}]", item.index),
                    format!(
                        "{} has no isChildOf association: treated as top level",
                        item.uuid
                    ),
                );
                (doc_uuid.clone(), None, 0)
            }
        };
        children
            .entry(p)
            .or_default()
            .push((seq, item.index, item.uuid.clone()));
    }
    let code_of = |uuid: &str| {
        items
            .get(uuid)
            .and_then(|i| str_at(i.value, "humanCodingScheme"))
    };
    for (parent_uuid, list) in children.iter_mut() {
        // A total order (sequence numbers are finite, and `total_cmp` orders any f64). Siblings
        // without one follow the natural order of their codes (`L1.2` before `L1.10`), as
        // OpenSALT shows them, then document order.
        list.sort_by(|(seq_a, index_a, a), (seq_b, index_b, b)| {
            let number = |s: &Option<f64>| s.unwrap_or(0.0);
            let by_code = || match (seq_a, seq_b, code_of(a), code_of(b)) {
                (None, None, Some(x), Some(y)) => natural_cmp(x, y),
                _ => std::cmp::Ordering::Equal,
            };
            seq_a
                .is_none()
                .cmp(&seq_b.is_none())
                .then_with(|| number(seq_a).total_cmp(&number(seq_b)))
                .then_with(by_code)
                .then_with(|| index_a.cmp(index_b))
        });
        let unnumbered: Vec<usize> = list.iter().filter(|x| x.0.is_none()).map(|x| x.1).collect();
        if unnumbered.windows(2).any(|w| matches!(w, [a, b] if a > b)) {
            let at = if *parent_uuid == doc_uuid {
                "the document".to_owned()
            } else {
                parent_uuid.clone()
            };
            note(
                "natural_order",
                "CFAssociations".into(),
                format!(
                    "children of {at} without a sequenceNumber are in the natural order of their humanCodingScheme (L1.2 before L1.10), not document order"
                ),
            );
        }
    }
    let ordered = |p: &str| -> Vec<String> {
        children
            .get(p)
            .map(|l| l.iter().map(|x| x.2.clone()).collect())
            .unwrap_or_default()
    };

    // Ids: humanCodingScheme when usable and unique, else from the identifier.
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    let mut taken = BTreeSet::new();
    // The next suffix to try per base id, so many items with one base take linear time.
    let mut next_suffix: BTreeMap<String, usize> = BTreeMap::new();
    // In document order: of two items with one code, the first keeps it.
    let mut in_order: Vec<&Item<'_>> = items.values().collect();
    in_order.sort_by_key(|i| i.index);
    let uncoded: Vec<usize> = in_order
        .iter()
        .filter(|i| str_at(i.value, "humanCodingScheme").is_none())
        .map(|i| i.index)
        .collect();
    if let Some(first) = uncoded.first() {
        note(
            "no_code",
            format!("CFItems[{first}]"),
            format!(
                "{} {} no humanCodingScheme: their ids are made from their identifiers (`item-…`)",
                uncoded.len(),
                if uncoded.len() == 1 {
                    "item has"
                } else {
                    "items have"
                }
            ),
        );
    }
    for item in in_order {
        let code = str_at(item.value, "humanCodingScheme");
        let coded = code.filter(|c| valid_id(c));
        let base = coded
            .map(str::to_owned)
            .unwrap_or_else(|| format!("item-{}", slug(&item.uuid)));
        if let Some(code) = code {
            if coded.is_none() {
                note(
                    "invalid_code",
                    format!("CFItems[{}].humanCodingScheme", item.index),
                    format!(
                        "`{code}` cannot be an id (letters, digits, `_`, `.`, `-`, starting with a letter or digit): `{base}` is used"
                    ),
                );
            } else if taken.contains(code) {
                note(
                    "duplicate_code",
                    format!("CFItems[{}].humanCodingScheme", item.index),
                    format!(
                        "`{code}` is the code of an earlier item: this one gets the next free id after it"
                    ),
                );
            }
        }
        let mut id = base.clone();
        if taken.contains(&id) {
            let n = next_suffix.entry(base.clone()).or_insert(2);
            loop {
                id = format!("{base}-{n}");
                *n += 1;
                if !taken.contains(&id) {
                    break;
                }
            }
        }
        taken.insert(id.clone());
        ids.insert(item.uuid.clone(), id);
    }
    let name_of = |item: &Item<'_>, notes: &mut Vec<ImportNote>| -> String {
        str_at(item.value, "fullStatement")
            .or_else(|| str_at(item.value, "abbreviatedStatement"))
            .map(str::to_owned)
            .unwrap_or_else(|| {
                notes.push(ImportNote {
                    code: "no_statement",
                    path: format!("CFItems[{}]", item.index),
                    message: format!(
                        "{} has no fullStatement: its id is used as its name",
                        item.uuid
                    ),
                });
                ids.get(&item.uuid).cloned().unwrap_or_default()
            })
    };
    let text = |s: String| json!({ lang.as_str(): s });

    // Top-level items with children are learning outcomes; every item below one is a competency of
    // that outcome (deeper groups are flattened, in order). Top-level items without children are
    // competencies of a "general" outcome, or of none when no item has children (a framework
    // without clusters).
    let mut outcomes = Vec::new();
    let mut competencies: Vec<(Option<String>, &Item<'_>)> = Vec::new();
    let mut loose = Vec::new();
    // Every item is placed once: the walk below cannot loop, whatever the associations say.
    let mut placed: BTreeSet<&str> = BTreeSet::new();
    let mut by_index: Vec<&Item<'_>> = items.values().collect();
    by_index.sort_by_key(|i| i.index);
    let mut tops = ordered(&doc_uuid);
    loop {
        for top in std::mem::take(&mut tops) {
            let Some(item) = items.get(&top) else {
                continue;
            };
            if !placed.insert(item.uuid.as_str()) {
                continue;
            }
            // (Children already placed, itself included when it is its own parent, do not count.)
            if ordered(&top).iter().all(|c| placed.contains(c.as_str())) {
                loose.push(item);
                continue;
            }
            let outcome_id = ids.get(&top).cloned().unwrap_or_default();
            let name = name_of(item, &mut notes);
            let mut outcome = json!({ "id": outcome_id, "name": text(name) });
            if let (Some(d), Some(map)) = (str_at(item.value, "notes"), outcome.as_object_mut()) {
                map.insert("description".into(), text(d.to_owned()));
            }
            outcomes.push(outcome);
            let mut stack: Vec<String> = ordered(&top).into_iter().rev().collect();
            while let Some(next) = stack.pop() {
                let Some(child) = items.get(&next) else {
                    continue;
                };
                if !placed.insert(child.uuid.as_str()) {
                    continue;
                }
                let below = ordered(&next);
                if below.iter().any(|c| !placed.contains(c.as_str())) {
                    notes.push(ImportNote { code: "flattened", path: format!("CFItems[{}]", child.index), message: format!("{} has children of its own; they are listed as competencies of the same outcome", child.uuid) });
                }
                competencies.push((Some(outcome_id.clone()), child));
                stack.extend(below.into_iter().rev());
            }
        }
        // An item whose isChildOf chain never reaches the document (a cycle, or its own parent) is
        // nowhere in the tree yet: the first in document order goes to the top, with what is below it.
        let Some(item) = by_index.iter().find(|i| !placed.contains(i.uuid.as_str())) else {
            break;
        };
        notes.push(ImportNote {
        code: "cycle",
        path: format!("CFItems[{}]", item.index),
        message: format!(
            "{} is in a cycle of isChildOf associations that never reaches the document: it is put at the top level",
            item.uuid
        ),
    });
        tops.push(item.uuid.clone());
    }
    if !loose.is_empty() && outcomes.is_empty() {
        competencies.extend(loose.into_iter().map(|item| (None, item)));
    } else if !loose.is_empty() {
        // (An item may have the code `general`: the new outcome then takes the next free id.)
        let general = unique("general", &mut taken);
        outcomes.push(json!({ "id": general, "name": text("General".into()) }));
        for item in loose {
            competencies.push((Some(general.clone()), item));
        }
        notes.push(ImportNote {
            code: "general_outcome",
            path: "CFItems".into(),
            message: format!(
                "top-level items without children were put under a new outcome `{general}`"
            ),
        });
    }

    // Scale and levels from rubrics (as export-case writes them), else placeholders.
    // The items that became competencies: a criterion about anything else cannot be kept.
    let competency_uuids: BTreeSet<&str> = competencies
        .iter()
        .map(|(_, item)| item.uuid.as_str())
        .collect();
    let rubrics = package
        .get("CFRubrics")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let mut scale: Vec<(String, String)> = Vec::new();
    // Scale level ids by name (the first level of a name), so each criterion is one look-up.
    let mut scale_by_name: BTreeMap<String, String> = BTreeMap::new();
    let mut levels: Vec<(String, String)> = Vec::new();
    let mut expected: BTreeMap<(String, String), String> = BTreeMap::new();
    // Criterion levels' feedback: at the expected level (competency, organizational level) → text;
    // elsewhere (competency, scale level) → texts; and how often each text stands for a scale level
    // (the commonest is the scale level's own description).
    let mut feedback_expected: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut feedback_other: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut feedback_counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut level_ids = BTreeSet::new();
    let mut scale_ids = BTreeSet::new();
    for (ri, rubric) in rubrics.iter().enumerate() {
        let title = str_at(rubric, "title")
            .map(str::to_owned)
            .unwrap_or_else(|| format!("Level {}", ri + 1));
        let own = rubric
            .get("extensions")
            .and_then(|e| e.get(super::case::EXTENSION))
            .and_then(|e| str_at(e, "level"))
            .filter(|id| valid_id(id) && !level_ids.contains(*id));
        let level_id = if let Some(own) = own {
            level_ids.insert(own.to_owned());
            own.to_owned()
        } else {
            let base = id_from(&title).unwrap_or_else(|| format!("level-{}", ri + 1));
            let id = unique(&base, &mut level_ids);
            if id != slug(&title) {
                notes.push(ImportNote {
                    code: "level_id",
                    path: format!("CFRubrics[{ri}].title"),
                    message: format!("the organizational level `{title}` gets the id `{id}`"),
                });
            }
            id
        };
        levels.push((level_id.clone(), title));
        for (ci, criterion) in rubric
            .get("CFRubricCriteria")
            .and_then(Value::as_array)
            .unwrap_or(&empty)
            .iter()
            .enumerate()
        {
            let mut criterion_levels: Vec<&Value> = criterion
                .get("CFRubricCriterionLevels")
                .and_then(Value::as_array)
                .map(|l| l.iter().collect())
                .unwrap_or_default();
            // From the lowest proficiency: by score when every level has one (a rubric may be
            // displayed most senior first, `position` 1 the highest), else by position.
            let scored = criterion_levels
                .iter()
                .all(|v| v.get("score").and_then(Value::as_f64).is_some());
            let key = if scored { "score" } else { "position" };
            criterion_levels.sort_by(|a, b| {
                let p = |v: &Value| {
                    v.get(key)
                        .and_then(Value::as_f64)
                        .or_else(|| v.get("score").and_then(Value::as_f64))
                        .unwrap_or(0.0)
                };
                p(a).total_cmp(&p(b))
            });
            if scale.is_empty() {
                for (li, l) in criterion_levels.iter().enumerate() {
                    let name = str_at(l, "description")
                        .map(str::to_owned)
                        .unwrap_or_else(|| format!("Level {}", li + 1));
                    let quality = str_at(l, "quality")
                        .filter(|q| valid_id(q))
                        .map(str::to_owned);
                    let repaired = quality.is_none()
                        && id_from(&name).as_deref() != Some(slug(&name).as_str());
                    let base = quality
                        .or_else(|| id_from(&name))
                        .unwrap_or_else(|| format!("scale-{}", li + 1));
                    let id = unique(&base, &mut scale_ids);
                    if id != base || repaired {
                        notes.push(ImportNote {
                            code: "scale_id",
                            path: format!("CFRubrics[{ri}].CFRubricCriteria[{ci}].CFRubricCriterionLevels[{li}]"),
                            message: format!("the scale level `{name}` gets the id `{id}`"),
                        });
                    }
                    scale_by_name
                        .entry(name.clone())
                        .or_insert_with(|| id.clone());
                    scale.push((id, name));
                }
            }
            let at = format!("CFRubrics[{ri}].CFRubricCriteria[{ci}]");
            let item_uuid = criterion.get("CFItemURI").and_then(|u| {
                str_at(u, "identifier")
                    .map(str::to_owned)
                    .or_else(|| str_at(u, "uri").and_then(|x| by_uri.get(x)).cloned())
            });
            let target = item_uuid
                .as_deref()
                .filter(|u| competency_uuids.contains(u))
                .and_then(|u| ids.get(u))
                .cloned();
            let Some(comp) = target else {
                notes.push(ImportNote {
                    code: "criterion_not_kept",
                    path: at,
                    message: format!(
                        "the criterion is about {}, not a competency of this framework: not kept",
                        item_uuid.map_or_else(|| "no item".to_owned(), |u| format!("item {u}"))
                    ),
                });
                continue;
            };
            let names: BTreeSet<&str> = criterion_levels
                .iter()
                .filter_map(|l| str_at(l, "description"))
                .collect();
            if names
                != scale
                    .iter()
                    .map(|(_, n)| n.as_str())
                    .collect::<BTreeSet<_>>()
            {
                notes.push(ImportNote {
                    code: "criterion_levels_differ",
                    path: at.clone(),
                    message: format!(
                        "the criterion's levels ({}) are not the scale's, read from the first criterion: only its expected level is read",
                        names.into_iter().collect::<Vec<_>>().join(", ")
                    ),
                });
            }
            let target = Some(comp);
            let wanted = str_at(criterion, "description");
            let found = wanted.and_then(|w| scale_by_name.get(w)).cloned();
            if found.is_none() {
                let names: Vec<&str> = scale.iter().map(|(_, n)| n.as_str()).collect();
                notes.push(ImportNote {
                    code: "unmatched_criterion",
                    path: format!("CFRubrics[{ri}].CFRubricCriteria[{ci}]"),
                    message: format!(
                        "the criterion's description {} names no level of the scale ({}): nothing is expected of its competency at `{level_id}`",
                        wanted.map_or_else(|| "(none)".to_owned(), |w| format!("`{w}`")),
                        names.join(", ")
                    ),
                });
            }
            if let (Some(comp), Some(level)) = (target, found) {
                for l in &criterion_levels {
                    let (Some(feedback), Some(name)) =
                        (str_at(l, "feedback"), str_at(l, "description"))
                    else {
                        continue;
                    };
                    let Some(scale_id) = scale_by_name.get(name) else {
                        continue;
                    };
                    *feedback_counts
                        .entry((scale_id.clone(), feedback.to_owned()))
                        .or_default() += 1;
                    if *scale_id == level {
                        feedback_expected
                            .insert((comp.clone(), level_id.clone()), feedback.to_owned());
                    } else {
                        feedback_other
                            .entry((comp.clone(), scale_id.clone()))
                            .or_insert_with(|| feedback.to_owned());
                    }
                }
                if expected.contains_key(&(comp.clone(), level_id.clone())) {
                    notes.push(ImportNote {
                        code: "duplicate_criterion",
                        path: at.clone(),
                        message: format!("{comp} has an earlier criterion in this rubric: this one is read instead"),
                    });
                }
                expected.insert((comp, level_id.clone()), level);
            }
        }
    }
    let placeholders = scale.is_empty() || levels.is_empty();
    if !placeholders {
        order_levels(&scale, &mut levels, &mut expected, &mut notes);
    }
    if placeholders {
        scale = vec![("met".into(), "Met".into())];
        levels = vec![("all".into(), "All participants".into())];
        notes.push(ImportNote { code: "no_levels", path: "CFRubrics".into(), message: "the package has no rubrics: one placeholder level (`all`) and scale level (`met`) were written; replace them with the program's".into() });
    }

    // A scale level's own description: the feedback most criteria give it.
    let mut scale_description: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for ((scale_id, feedback), count) in &feedback_counts {
        let best = scale_description
            .entry(scale_id.clone())
            .or_insert((0, String::new()));
        if *count > best.0 {
            *best = (*count, feedback.clone());
        }
    }
    let scale_text = |id: &str| scale_description.get(id).map(|(_, t)| t.as_str());
    let competency_docs: Vec<Value> = competencies
        .iter()
        .map(|(outcome, item)| {
            let id = ids.get(&item.uuid).cloned().unwrap_or_default();
            let name = name_of(item, &mut notes);
            let description = str_at(item.value, "notes").map(str::to_owned).unwrap_or_else(|| name.clone());
            // The competency's own proficiency descriptions: feedback that is not the scale's.
            let mut proficiency = Map::new();
            for (scale_id, _) in &scale {
                if let Some(own) = feedback_other.get(&(id.clone(), scale_id.clone())) && Some(own.as_str()) != scale_text(scale_id) {
                    proficiency.insert(scale_id.clone(), text(own.clone()));
                }
            }
            let mut expectations = Map::new();
            for (level_id, _) in &levels {
                let value = if placeholders { "met".to_owned() } else { expected.get(&(id.clone(), level_id.clone())).cloned().unwrap_or_else(|| "not_required".into()) };
                // A described cell: the expected level's feedback, when it is neither the scale's
                // nor the competency's own description of that level (see `cell_text`).
                let cell = feedback_expected.get(&(id.clone(), level_id.clone())).filter(|f| {
                    Some(f.as_str()) != scale_text(&value) && proficiency.get(&value).and_then(|t| t.get(lang.as_str())).and_then(Value::as_str) != Some(f.as_str())
                });
                let entry = match cell {
                    Some(feedback) => {
                        let (description, indicators, ineffective) = super::parse_cell_text(feedback);
                        let mut described = json!({ "level": value });
                        if let Some(map) = described.as_object_mut() {
                            if let Some(d) = description { map.insert("description".into(), text(d)); }
                            if !indicators.is_empty() { map.insert("indicators".into(), Value::Array(indicators.into_iter().map(&text).collect())); }
                            if !ineffective.is_empty() { map.insert("ineffective".into(), Value::Array(ineffective.into_iter().map(&text).collect())); }
                        }
                        described
                    }
                    None => Value::from(value),
                };
                expectations.insert(level_id.clone(), entry);
            }
            let mut competency = json!({ "id": id, "name": text(name), "description": text(description), "expected": expectations });
            if let (Some(outcome), Some(map)) = (outcome, competency.as_object_mut()) {
                map.insert("outcome".into(), Value::from(outcome.as_str()));
            }
            if let (false, Some(map)) = (proficiency.is_empty(), competency.as_object_mut()) {
                map.insert("proficiency".into(), Value::Object(proficiency));
            }
            if let (Some(kept), Some(map)) = (references.remove(&item.uuid), competency.as_object_mut()) {
                let kept: Vec<Value> = kept.into_iter().map(|(_, r)| r).collect();
                map.insert("references".into(), Value::Array(kept));
            }
            competency
        })
        .collect();
    // References of items that became outcomes have nowhere to go.
    for (origin, kept) in references {
        for (path, reference) in kept {
            notes.push(ImportNote {
                code: "cross_reference",
                path,
                message: format!(
                    "{origin} is a learning outcome, which has no references: {} to {} was not kept",
                    str_at(&reference, "relation").unwrap_or_default(),
                    str_at(&reference, "uri").unwrap_or_default()
                ),
            });
        }
    }

    let title = match str_at(document, "title") {
        Some(title) => title.to_owned(),
        None => {
            notes.push(ImportNote {
                code: "no_title",
                path: "CFDocument.title".into(),
                message: "the package has no title: the program is named \"Imported framework\""
                    .into(),
            });
            "Imported framework".to_owned()
        }
    };
    let program_id = id_from(&title).unwrap_or_else(|| "imported".to_owned());
    if program_id != slug(&title) {
        notes.push(ImportNote {
            code: "program_id",
            path: "CFDocument.title".into(),
            message: format!("the program id `{program_id}` was made from the title \"{title}\" (an id starts with a letter or digit)"),
        });
    }
    // A language the engine has no messages in: every message must be given. They are written in
    // English, as placeholders to translate.
    let mut messages = Map::new();
    if !crate::messages::DEFAULT_LANGUAGES.contains(&lang.as_str()) {
        let mut table = Map::new();
        for code in crate::messages::all_codes() {
            // (A build without a template writes the code itself, to be replaced the same way.)
            let template = crate::messages::default_message(code, "en").unwrap_or(code);
            table.insert(code.to_owned(), Value::from(template));
        }
        notes.push(ImportNote {
            code: "messages_to_translate",
            path: format!("messages.{lang}"),
            message: format!(
                "the engine has no messages in `{lang}`: all {} are written in English under messages.{lang}, to be translated",
                table.len()
            ),
        });
        messages.insert(lang.clone(), Value::Object(table));
    }
    let pack = json!({
        "format": crate::pack::document::PACK_FORMAT,
        "program": {
            "id": program_id,
            "version": str_at(document, "version").unwrap_or("0.1.0"),
            "languages": [lang],
            "name": text(title.clone()),
            "notice": text(format!("Imported from the CASE framework \"{title}\" ({doc_uuid}); evidence kinds, catalogue and requirements are placeholders.")),
        },
        "scale": {
            "id": "scale",
            "name": text("Proficiency".into()),
            "level": scale.iter().map(|(id, name)| {
                let mut level = json!({ "id": id, "name": text(name.clone()) });
                if let (Some(description), Some(map)) = (scale_text(id), level.as_object_mut()) {
                    map.insert("description".into(), text(description.to_owned()));
                }
                level
            }).collect::<Vec<_>>(),
        },
        "level": levels.iter().map(|(id, name)| json!({ "id": id, "name": text(name.clone()) })).collect::<Vec<_>>(),
        "outcome": outcomes,
        "competency": competency_docs,
        "evidence_kind": [{
            "id": "assessment",
            "name": text("assessment".into()),
            "counts_as": "competency_claims",
            "assessors": ["program_assessor"],
        }],
        "completion": levels.iter().map(|(id, _)| json!({ "level": id })).collect::<Vec<_>>(),
        "precedence": { "assessor_override": "highest_wins" },
    });
    let mut pack = pack;
    if let (false, Some(map)) = (messages.is_empty(), pack.as_object_mut()) {
        map.insert("messages".into(), Value::Object(messages));
    }
    // A package `export-case` wrote carries the whole pack in its extension: restored, with what
    // CASE holds (names, descriptions, hierarchy, expectations) taken from the package.
    let embedded = document
        .get("extensions")
        .and_then(|e| e.get(super::case::EXTENSION))
        .filter(|e| str_at(e, "format") == Some(super::case::EXTENSION_FORMAT))
        .and_then(|e| e.get("pack"))
        .filter(|p| p.is_object());
    let pack = match embedded {
        Some(embedded) => restore(embedded, pack, &lang, &mut notes),
        None => pack,
    };
    Ok(CaseImport { pack, notes, lang })
}

/// Lays `from`'s text `key` in `lang` over `target`'s where they differ, with a note; whether it
/// did.
fn overlay(
    target: &mut Value,
    from: &Value,
    key: &str,
    lang: &str,
    path: &str,
    notes: &mut Vec<ImportNote>,
) -> bool {
    let Some(text) = from
        .get(key)
        .and_then(|t| t.get(lang))
        .and_then(Value::as_str)
    else {
        return false;
    };
    let current = target
        .get(key)
        .and_then(|t| t.get(lang))
        .and_then(Value::as_str);
    if current == Some(text) {
        return false;
    }
    let Some(map) = target.get_mut(key).and_then(Value::as_object_mut) else {
        return false;
    };
    map.insert(lang.to_owned(), Value::from(text));
    notes.push(ImportNote {
        code: "changed_in_case",
        path: path.to_owned(),
        message: format!(
            "the {key} in `{lang}` was changed in the package; other languages may need the same change"
        ),
    });
    true
}

/// The level a matrix cell expects (`"working"`, or `{"level": "working", ...}`).
fn cell_level(cell: &Value) -> Option<&str> {
    cell.as_str()
        .or_else(|| cell.get("level").and_then(Value::as_str))
}

/// The pack `export-case` embedded, with the package's own texts in `lang` and expectations laid
/// over it; `skeleton` (the package read as CASE) where the two cannot be matched.
fn restore(embedded: &Value, skeleton: Value, lang: &str, notes: &mut Vec<ImportNote>) -> Value {
    let languages: Vec<&str> = embedded
        .pointer("/program/languages")
        .and_then(Value::as_array)
        .map(|l| l.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if !languages.contains(&lang) {
        notes.push(ImportNote {
            code: "extension_not_used",
            path: "CFDocument.extensions".into(),
            message: format!("the pack in the package's extension has no `{lang}` texts: the package is read as CASE alone"),
        });
        return skeleton;
    }
    let mut pack = embedded.clone();
    let mut changed = 0;
    for section in ["outcome", "competency"] {
        let theirs: Vec<Value> = skeleton
            .get(section)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let Some(ours) = pack.get_mut(section).and_then(Value::as_array_mut) else {
            continue;
        };
        for item in &theirs {
            let id = str_at(item, "id").unwrap_or_default();
            let Some(mine) = ours.iter_mut().find(|o| str_at(o, "id") == Some(id)) else {
                notes.push(ImportNote {
                    code: "not_in_pack",
                    path: format!("{section}.{id}"),
                    message: format!("{section} `{id}` is in the package but not in the pack it was exported from: not added (add it to the pack by hand)"),
                });
                continue;
            };
            for key in ["name", "description"] {
                let at = format!("{section}.{id}.{key}");
                changed += usize::from(overlay(mine, item, key, lang, &at, notes));
            }
            if section == "competency"
                && let (Some(their_cells), Some(my_cells)) = (
                    item.get("expected").and_then(Value::as_object),
                    mine.get_mut("expected").and_then(Value::as_object_mut),
                )
            {
                for (level, cell) in their_cells {
                    let not_required = crate::pack::document::NOT_REQUIRED;
                    let mine_level = my_cells
                        .get(level)
                        .and_then(cell_level)
                        .unwrap_or(not_required);
                    let their_level = cell_level(cell).unwrap_or(not_required);
                    if their_level != mine_level {
                        notes.push(ImportNote {
                            code: "changed_in_case",
                            path: format!("competency.{id}.expected.{level}"),
                            message: format!("the package expects `{their_level}` where the pack expected `{mine_level}`: the package's is kept"),
                        });
                        my_cells.insert(level.clone(), cell.clone());
                    }
                }
            }
        }
        let theirs_ids: BTreeSet<&str> = theirs.iter().filter_map(|i| str_at(i, "id")).collect();
        for mine in ours.iter() {
            if let Some(id) = str_at(mine, "id").filter(|id| !theirs_ids.contains(id)) {
                notes.push(ImportNote {
                    code: "not_in_package",
                    path: format!("{section}.{id}"),
                    message: format!("{section} `{id}` is in the pack but no longer in the package: kept from the pack"),
                });
            }
        }
    }
    if let (Some(theirs), Some(program)) = (skeleton.get("program"), pack.get_mut("program")) {
        changed += usize::from(overlay(
            program,
            theirs,
            "name",
            lang,
            "program.name",
            notes,
        ));
    }
    notes.push(ImportNote {
        code: "restored",
        path: "CFDocument.extensions".into(),
        message: format!("the pack export-case wrote into the package was restored: everything CASE has no place for, every language; {changed} of its `{lang}` texts changed in the package"),
    });
    pack
}

/// Several packages of one framework, one per language (as `export-case` writes them for a
/// bilingual pack, or a framework published in two languages), read into one pack: each text in
/// every package's language. The packages must share the `CFDocument` identifier.
pub fn import_case_all(packages: &[Value], fallback_lang: &str) -> Result<CaseImport, ImportError> {
    let mut merged: Option<CaseImport> = None;
    let mut framework = None;
    let mut languages: Vec<String> = Vec::new();
    for (i, package) in packages.iter().enumerate() {
        let inner = package
            .get("CFPackage")
            .filter(|_| package.get("CFDocument").is_none())
            .unwrap_or(package);
        let id = inner
            .pointer("/CFDocument/identifier")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        match &framework {
            None => framework = Some(id),
            Some(first) if *first != id => {
                return Err(ImportError(format!(
                    "package {} is framework {id}, not {first}: only the packages of one framework (in several languages) are read together",
                    i + 1
                )));
            }
            Some(_) => {}
        }
        let mut next = import_case(package, fallback_lang)?;
        for note in &mut next.notes {
            if packages.len() > 1 {
                note.path = format!("[{}] {}", i + 1, note.path);
            }
        }
        let own = next.lang.clone();
        if let Some(first) = languages.iter().position(|l| *l == own) {
            return Err(ImportError(format!(
                "packages {} and {} are both in `{own}`: the packages of one framework are read together one per language",
                first + 1,
                i + 1
            )));
        }
        languages.push(own.clone());
        merged = Some(match merged {
            None => next,
            Some(mut all) => {
                let mut conflicts = Vec::new();
                merge(
                    &mut all.pack,
                    &next.pack,
                    "",
                    (&own, &languages),
                    &mut conflicts,
                );
                all.notes.extend(next.notes);
                for path in conflicts {
                    all.notes.push(ImportNote {
                        code: "languages_disagree",
                        path,
                        message: format!("package {} (`{own}`) says something else here than package 1: package 1's is kept", i + 1),
                    });
                }
                all
            }
        });
    }
    let mut merged = merged.ok_or_else(|| ImportError("no package was given".into()))?;
    if packages.len() > 1 {
        let all: Vec<String> = merged
            .pack
            .pointer("/program/languages")
            .and_then(Value::as_array)
            .map(|l| {
                l.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let mut missing = Vec::new();
        fill_languages(&mut merged.pack, &all, "", &mut missing);
        for (path, lang, from) in missing {
            merged.notes.push(ImportNote {
                code: "missing_language",
                path,
                message: format!("no package has this text in `{lang}`: the `{from}` text stands in for it, to translate"),
            });
        }
    }
    Ok(merged)
}

/// Texts (objects whose keys are all languages of `all`) that lack one of them get it from
/// another language, listed in `missing` as `(path, language, from)`.
fn fill_languages(
    value: &mut Value,
    all: &[String],
    path: &str,
    missing: &mut Vec<(String, String, String)>,
) {
    match value {
        Value::Object(map) => {
            let is_text =
                !map.is_empty() && map.iter().all(|(k, v)| v.is_string() && all.contains(k));
            if is_text {
                let Some((from, text)) = map.iter().next().map(|(k, v)| (k.clone(), v.clone()))
                else {
                    return;
                };
                for lang in all {
                    if !map.contains_key(lang) {
                        map.insert(lang.clone(), text.clone());
                        missing.push((path.to_owned(), lang.clone(), from.clone()));
                    }
                }
                return;
            }
            for (key, child) in map.iter_mut() {
                let at = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                fill_languages(child, all, &at, missing);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                let at = match str_at(item, "id") {
                    Some(id) => format!("{path}.{id}"),
                    None => format!("{path}[{i}]"),
                };
                fill_languages(item, all, &at, missing);
            }
        }
        _ => {}
    }
}

/// Lays `other` over `pack`: texts gain `other`'s languages, lists of things with ids are matched
/// by id, the program's languages are joined; anything else that differs is a conflict (the first
/// is kept).
/// `langs`: the other package's own language, and the languages of the packages before it (each
/// package's texts in its own language are the ones kept).
fn merge(
    pack: &mut Value,
    other: &Value,
    path: &str,
    langs: (&str, &[String]),
    conflicts: &mut Vec<String>,
) {
    let (own, earlier) = langs;
    match (pack, other) {
        (Value::Object(mine), Value::Object(theirs)) => {
            for (key, value) in theirs {
                let at = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match mine.get_mut(key) {
                    None => {
                        mine.insert(key.clone(), value.clone());
                    }
                    // A text in the other package's own language is that package's to say.
                    Some(existing) if key == own && value.is_string() => {
                        *existing = value.clone();
                    }
                    Some(_) if earlier.contains(key) && value.is_string() => {}
                    Some(existing) => merge(existing, value, &at, langs, conflicts),
                }
            }
        }
        (Value::Array(mine), Value::Array(theirs)) if path.ends_with("languages") => {
            for lang in theirs {
                if !mine.contains(lang) {
                    mine.push(lang.clone());
                }
            }
        }
        (Value::Array(mine), Value::Array(theirs))
            if theirs.iter().all(|t| str_at(t, "id").is_some()) =>
        {
            for item in theirs {
                let id = str_at(item, "id").unwrap_or_default();
                match mine.iter_mut().find(|m| str_at(m, "id") == Some(id)) {
                    Some(existing) => {
                        merge(existing, item, &format!("{path}.{id}"), langs, conflicts)
                    }
                    None => mine.push(item.clone()),
                }
            }
        }
        (mine, theirs) => {
            if mine != theirs {
                conflicts.push(path.to_owned());
            }
        }
    }
}
