//! What fuzzing found, kept as regression tests: inputs that looped, panicked, grew super-linearly
//! or depended on order now terminate with a clear result; and every documented limit is tested
//! at the limit and one past it.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test fixtures should fail loudly"
)]

use competency_rules::limits::*;
use competency_rules::{Date, Pack, Participant, evaluate};
use serde_json::{Value, json};

fn mini() -> Value {
    serde_json::from_str(include_str!("conformance/packs/mini.json")).unwrap()
}

fn load(doc: &Value) -> Result<Pack, competency_rules::PackError> {
    Pack::from_json(&doc.to_string())
}

fn codes(err: &competency_rules::PackError) -> Vec<&str> {
    err.diagnostics.iter().map(|d| d.code.code()).collect()
}

fn as_of() -> Date {
    "2026-06-01".parse().unwrap()
}

fn participant(evidence: Vec<Value>) -> Value {
    json!({ "id": "p1", "organization": "org-a", "level": "staff", "enrolled": "2026-01-01",
            "evidence": evidence })
}

fn course(i: usize) -> Value {
    json!({ "id": format!("e{i}"), "kind": "course", "item": "course.a", "date": "2026-02-01",
            "grade": 80, "status": "approved", "assessed_by": { "role": "provider" } })
}

// ---- CASE import: cycles, NaN sequence numbers, many items with one id -------------------------

#[cfg(feature = "interop")]
mod case {
    use super::*;
    use competency_rules::interop::case_import::{check_text_limits, import_case};

    fn note_codes(import: &competency_rules::interop::case_import::CaseImport) -> Vec<&str> {
        import.notes.iter().map(|n| n.code).collect()
    }

    fn child(origin: &str, destination: &str, sequence: Value) -> Value {
        json!({ "associationType": "isChildOf", "sequenceNumber": sequence,
                "originNodeURI": { "identifier": origin }, "destinationNodeURI": { "identifier": destination } })
    }

    #[test]
    fn an_item_with_the_documents_identifier_is_skipped_not_walked_forever() {
        let package =
            json!({ "CFDocument": { "identifier": "d" }, "CFItems": [{ "identifier": "d" }] });
        let import = import_case(&package, "en").unwrap();
        assert!(note_codes(&import).contains(&"item_is_document"));
        assert!(import.pack["competency"].as_array().unwrap().is_empty());
    }

    #[test]
    fn items_in_an_is_child_of_cycle_are_reported_and_kept() {
        let item = |id: &str| json!({ "identifier": id, "fullStatement": format!("Item {id}") });
        let package = json!({
            "CFDocument": { "identifier": "doc", "title": "Cycles" },
            "CFItems": [item("a"), item("b"), item("self"), item("top"), item("kid")],
            "CFAssociations": [
                child("a", "b", Value::Null), child("b", "a", Value::Null),
                child("self", "self", Value::Null),
                child("top", "doc", json!(1)), child("kid", "top", json!(1)),
            ],
        });
        let import = import_case(&package, "en").unwrap();
        let cycles: Vec<&str> = import
            .notes
            .iter()
            .filter(|n| n.code == "cycle")
            .map(|n| n.path.as_str())
            .collect();
        // Each cycle is broken at its first item in document order, which goes to the top with
        // what is below it: nothing is dropped.
        assert_eq!(cycles, ["CFItems[0]", "CFItems[2]"]);
        let names = |key: &str| -> Vec<String> {
            import.pack[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["name"]["en"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(names("competency"), ["Item kid", "Item b", "Item self"]);
        assert_eq!(names("outcome"), ["Item top", "Item a", "General"]);
    }

    #[test]
    fn non_finite_sequence_numbers_are_reported_and_sorting_holds() {
        // 21 or more siblings took the standard sort to its total-order check and panicked.
        let items: Vec<Value> = (0..40)
            .map(|i| json!({ "identifier": format!("i{i}"), "fullStatement": format!("S{i}") }))
            .chain([json!({ "identifier": "top", "fullStatement": "Top" })])
            .collect();
        let mut associations = vec![child("top", "doc", json!(1))];
        for i in 0..40 {
            let sequence = match i % 4 {
                0 => json!("NaN"),
                1 => json!("inf"),
                2 => json!(40 - i),
                _ => json!(format!("{}", 40 - i)),
            };
            associations.push(child(&format!("i{i}"), "top", sequence));
        }
        let package = json!({ "CFDocument": { "identifier": "doc" }, "CFItems": items, "CFAssociations": associations });
        let import = import_case(&package, "en").unwrap();
        let bad = note_codes(&import)
            .iter()
            .filter(|c| **c == "bad_sequence")
            .count();
        assert_eq!(bad, 20);
        // Numbered siblings first, by number (i38 is 2, i39 is 1); then the rest in document order.
        let names: Vec<&str> = import.pack["competency"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"]["en"].as_str().unwrap())
            .collect();
        assert_eq!(names.len(), 40);
        assert_eq!(&names[..3], ["S39", "S38", "S35"]);
        assert_eq!(&names[20..23], ["S0", "S1", "S4"]);
    }

    #[test]
    fn many_items_whose_identifiers_reduce_to_one_id_get_distinct_ids() {
        // `x!`, `x!!`, ... all reduce to the pack id `item-x`.
        let items: Vec<Value> = (1..=500)
            .map(|i| json!({ "identifier": format!("x{}", "!".repeat(i)), "fullStatement": "S" }))
            .collect();
        let package = json!({ "CFDocument": { "identifier": "doc" }, "CFItems": items });
        let import = import_case(&package, "en").unwrap();
        let mut ids: Vec<&str> = import.pack["competency"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert!(
            ids.contains(&"item-x") && ids.contains(&"item-x-2") && ids.contains(&"item-x-500")
        );
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 500);
    }

    #[test]
    fn case_limits_hold_at_the_limit_and_refuse_past_it() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let text = |depth: usize| {
            format!(
                r#"{{"CFDocument":{{"identifier":"d"}},"x":{}}}"#,
                nested(depth - 1)
            )
        };
        assert!(check_text_limits(&text(MAX_JSON_DEPTH)).is_ok());
        let err = check_text_limits(&text(MAX_JSON_DEPTH + 1)).unwrap_err();
        assert!(err.to_string().contains("nest more than 64"), "{err}");
        let padded = |n: usize| format!("{{}}{}", " ".repeat(n - 2));
        assert!(check_text_limits(&padded(MAX_SOURCE_BYTES)).is_ok());
        assert!(check_text_limits(&padded(MAX_SOURCE_BYTES + 1)).is_err());
        let items = |n: usize| -> Value {
            let items: Vec<Value> = (0..n)
                .map(|i| json!({ "identifier": format!("i{i}") }))
                .collect();
            json!({ "CFDocument": { "identifier": "d" }, "CFItems": items })
        };
        assert!(import_case(&items(MAX_CASE_ITEMS), "en").is_ok());
        let rubrics = |n: usize| -> Value {
            let rubrics: Vec<Value> = (0..n)
                .map(|i| json!({ "title": format!("R{i}"), "CFRubricCriteria": [{ "CFRubricCriterionLevels": [{}] }] }))
                .collect();
            json!({ "CFDocument": { "identifier": "d" }, "CFRubrics": rubrics })
        };
        assert!(import_case(&rubrics(MAX_SECTION_ENTRIES), "en").is_ok());
        let err = import_case(&rubrics(MAX_SECTION_ENTRIES + 1), "en").unwrap_err();
        assert!(
            err.to_string().contains("CFRubrics has 101 entries"),
            "{err}"
        );
        let err = import_case(&items(MAX_CASE_ITEMS + 1), "en").unwrap_err();
        assert!(
            err.to_string().contains("CFItems has 20001 entries"),
            "{err}"
        );
    }
}

// ---- Packs: unknown ids, rule cycles, many diagnostics -----------------------------------------

#[test]
fn a_very_long_unknown_id_is_reported_without_a_hint_and_a_near_miss_with_one() {
    let mut doc = mini();
    let long = "x".repeat(5_000);
    doc["competency"][0]["outcome"] = json!(long);
    doc["competency"][1]["outcome"] = json!("o.thinkin");
    let err = load(&doc).unwrap_err();
    let unknown: Vec<&str> = err
        .diagnostics
        .iter()
        .filter(|d| d.code == "unknown_id")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(unknown.len(), 2, "{unknown:?}");
    assert!(
        unknown
            .iter()
            .any(|m| m.ends_with("did you mean `o.thinking`?"))
    );
    assert!(
        unknown
            .iter()
            .any(|m| m.contains(&long) && !m.contains("did you mean"))
    );
}

/// A chain of `n` rules, each reading what the next grants, ending in a cycle of the last three.
fn rule_chain(n: usize) -> Value {
    let mut doc = mini();
    let mut competencies = Vec::new();
    let mut rules = Vec::new();
    for i in 0..n {
        competencies.push(json!({ "id": format!("k{i}"), "outcome": "o.thinking",
            "name": { "en": "k", "fr": "k" }, "description": { "en": "k", "fr": "k" },
            "expected": { "staff": "not_required", "lead": "not_required" } }));
        // Rule i grants k{i} and reads k{i+1}; the last reads k{n-3}.
        let reads = if i + 1 < n { i + 1 } else { n - 3 };
        rules.push(json!({ "id": format!("r{i}"), "grants": [{ "competency": format!("k{i}"), "level": "basic" }],
                           "when": { "competency": format!("k{reads}"), "level": "basic" } }));
    }
    doc["competency"]
        .as_array_mut()
        .unwrap()
        .extend(competencies);
    doc["rule"] = json!(rules);
    doc
}

#[test]
fn a_chain_of_rules_ending_in_a_cycle_reports_the_cycle_once() {
    for n in [5, 800] {
        let err = load(&rule_chain(n)).unwrap_err();
        let cycles: Vec<&str> = err
            .diagnostics
            .iter()
            .filter(|d| d.code == "cycle")
            .map(|d| d.message.as_str())
            .collect();
        let (a, b, c) = (n - 3, n - 2, n - 1);
        assert_eq!(
            cycles,
            [format!(
                "rules depend on each other in a cycle: r{a} -> r{b} -> r{c} -> r{a}"
            )],
            "n = {n}"
        );
    }
}

#[test]
fn rules_without_cycles_still_run_after_what_they_read() {
    // The same chain without the closing edge: it loads, and evaluation follows the chain.
    let mut doc = rule_chain(50);
    doc["rule"][49]["when"] = json!({ "item": "course.a" });
    let pack = load(&doc).unwrap();
    let report = evaluate(
        &pack,
        &Participant::from_value(participant(vec![course(0)])).unwrap(),
        as_of(),
    )
    .unwrap();
    // course.a satisfies r49, which grants k49, which satisfies r48, ... down to k0.
    assert_eq!(
        report.competency("k0").unwrap().achieved.as_deref(),
        Some("basic")
    );
}

#[cfg(feature = "toml")]
#[test]
fn many_bad_keys_in_toml_each_get_their_own_line() {
    let mut text = String::from("format = \"competency-rules/pack@1\"\n[program]\n");
    for i in 0..2_000 {
        text.push_str(&format!("bad_key_{i} = 1\n"));
    }
    let err = Pack::from_toml(&text).unwrap_err();
    let unknown: Vec<_> = err
        .diagnostics
        .iter()
        .filter(|d| d.code == "unknown_key" && d.path.starts_with("program.bad_key_"))
        .collect();
    assert_eq!(unknown.len(), 2_000);
    for d in unknown {
        let i: usize = d
            .path
            .trim_start_matches("program.bad_key_")
            .parse()
            .unwrap();
        assert_eq!((d.line, d.column), (Some(i + 3), Some(1)), "{d}");
    }
}

// ---- Numbers are read exactly ------------------------------------------------------------------

#[test]
fn a_grade_one_unit_in_the_last_place_over_100_is_not_read_as_100() {
    let text = participant(vec![course(0)])
        .to_string()
        .replace("\"grade\":80", "\"grade\":100.00000000000001");
    let participant = Participant::from_json(&text).unwrap();
    let report = evaluate(&load(&mini()).unwrap(), &participant, as_of()).unwrap();
    let not_counted = serde_json::to_value(&report.not_counted).unwrap();
    assert_eq!(
        not_counted[0]["reason"]["code"], "invalid_grade",
        "{not_counted}"
    );
}

// ---- Limits ------------------------------------------------------------------------------------

#[test]
fn pack_size_limit() {
    let text = mini().to_string();
    let pad = |n: usize| format!("{text}{}", " ".repeat(n - text.len()));
    assert!(Pack::from_json(&pad(MAX_PACK_BYTES)).is_ok());
    let err = Pack::from_json(&pad(MAX_PACK_BYTES + 1)).unwrap_err();
    assert_eq!(codes(&err), ["limit_exceeded"]);
    assert!(
        err.diagnostics[0]
            .message
            .contains("more than the limit of 4194304")
    );
}

/// The mini pack with `n` more entries in `section`, each a copy of its first with a new id.
fn with_copies(section: &str, n: usize) -> Value {
    let mut doc = mini();
    let list = doc[section].as_array_mut().unwrap();
    let first = list[0].clone();
    let have = list.len();
    for i in have..n {
        let mut copy = first.clone();
        copy["id"] = json!(format!("copy.{i}"));
        list.push(copy);
    }
    doc
}

fn assert_count_limit(section: &str, max: usize) {
    let at = load(&with_copies(section, max));
    assert!(
        at.is_ok(),
        "{section} at {max}: {:?}",
        at.err().map(|e| e.to_string())
    );
    let err = load(&with_copies(section, max + 1)).unwrap_err();
    let limit = err
        .diagnostics
        .iter()
        .find(|d| d.code == "limit_exceeded")
        .unwrap();
    assert_eq!(limit.path, section);
    assert!(
        limit.message.contains(&format!("{} entries", max + 1)),
        "{limit}"
    );
}

#[test]
fn competency_limit() {
    assert_count_limit("competency", MAX_COMPETENCIES);
}

#[test]
fn catalogue_limit() {
    assert_count_limit("catalogue", MAX_CATALOGUE_ITEMS);
}

#[test]
fn evidence_kind_and_outcome_limits() {
    assert_count_limit("evidence_kind", MAX_SECTION_ENTRIES);
    assert_count_limit("outcome", MAX_SECTION_ENTRIES);
}

#[test]
fn level_limit_refuses_the_pack_before_the_matrix_is_checked() {
    // A level list past the limit is refused at once: no `missing_expectation` for each
    // competency × level.
    let mut doc = mini();
    let first = doc["level"][0].clone();
    doc["level"] = (0..MAX_SECTION_ENTRIES + 1)
        .map(|i| {
            let mut level = first.clone();
            level["id"] = json!(format!("l{i}"));
            level
        })
        .collect();
    let err = load(&doc).unwrap_err();
    assert_eq!(codes(&err), ["limit_exceeded"]);
    assert_eq!(err.diagnostics[0].path, "level");
    doc["level"].as_array_mut().unwrap().pop();
    let at = load(&doc).unwrap_err();
    assert!(!codes(&at).contains(&"limit_exceeded"));
    assert!(codes(&at).contains(&"missing_expectation"));
}

#[cfg(feature = "toml")]
#[test]
fn toml_key_length_limit() {
    let with_key = |n: usize| format!("\"{}\" = [1, 2, 3]\n", "k".repeat(n));
    let at = Pack::from_toml(&with_key(MAX_KEY_CHARS)).unwrap_err();
    assert!(!codes(&at).contains(&"limit_exceeded"), "{at}");
    let past = Pack::from_toml(&with_key(MAX_KEY_CHARS + 1)).unwrap_err();
    let limit = past
        .diagnostics
        .iter()
        .find(|d| d.code == "limit_exceeded")
        .unwrap();
    assert_eq!((limit.line, limit.column), (Some(1), Some(1)));
}

#[test]
fn evaluation_holds_any_participant_to_the_evidence_limit() {
    // A participant built in Rust (not read) with more evidence than one evaluation takes.
    let pack = load(&mini()).unwrap();
    let mut participant = Participant::from_value(participant(vec![course(0)])).unwrap();
    let item = participant.evidence[0].clone();
    let most = MAX_EVIDENCE + MAX_STATEMENTS;
    participant.evidence = vec![item; most];
    assert!(evaluate(&pack, &participant, as_of()).is_ok());
    participant.evidence.push(participant.evidence[0].clone());
    let err = evaluate(&pack, &participant, as_of()).unwrap_err();
    assert_eq!(
        (err.code().code(), err.path()),
        ("limit_exceeded", "evidence")
    );
    assert!(matches!(
        err,
        competency_rules::EvaluateError::TooMuchEvidence { .. }
    ));
}

#[test]
fn rule_limit() {
    // Copies of a rule that reads only items, so no copy depends on another.
    let mut doc = mini();
    doc["rule"] = json!([{ "id": "r", "grants": [{ "competency": "c.people", "level": "basic" }],
                            "when": { "item": "course.a" }, "equivalency": true }]);
    let copies = |n: usize| {
        let mut doc = doc.clone();
        let first = doc["rule"][0].clone();
        doc["rule"] = (0..n)
            .map(|i| {
                let mut copy = first.clone();
                copy["id"] = json!(format!("r{i}"));
                copy
            })
            .collect();
        doc
    };
    assert!(load(&copies(MAX_RULES)).is_ok());
    let err = load(&copies(MAX_RULES + 1)).unwrap_err();
    assert_eq!(codes(&err), ["limit_exceeded"]);
}

#[test]
fn rule_depth_limit() {
    let nested = |depth: usize| {
        let mut when = json!({ "item": "course.a" });
        for _ in 1..depth {
            when = json!({ "all": [when] });
        }
        let mut doc = mini();
        doc["rule"] = json!([{ "id": "deep", "grants": [{ "competency": "c.people", "level": "basic" }], "when": when, "equivalency": true }]);
        doc
    };
    assert!(load(&nested(MAX_RULE_DEPTH)).is_ok());
    let err = load(&nested(MAX_RULE_DEPTH + 1)).unwrap_err();
    assert_eq!(codes(&err), ["limit_exceeded"]);
    assert_eq!(err.diagnostics[0].path, "rule[0].when");
}

#[test]
fn id_length_limit() {
    let with_id = |id: String| {
        let mut doc = mini();
        doc["level"][0]["id"] = json!(id.clone());
        let completion = doc["completion"].as_array_mut().unwrap();
        completion[0]["level"] = json!(id.clone());
        for c in doc["competency"].as_array_mut().unwrap() {
            let expected = c["expected"].as_object_mut().unwrap();
            let value = expected.remove("staff").unwrap();
            expected.insert(id.clone(), value);
        }
        doc
    };
    assert!(load(&with_id("a".repeat(MAX_ID_CHARS))).is_ok());
    let err = load(&with_id("a".repeat(MAX_ID_CHARS + 1))).unwrap_err();
    let limit: Vec<_> = err
        .diagnostics
        .iter()
        .filter(|d| d.code == "limit_exceeded")
        .collect();
    assert_eq!(limit.len(), 1);
    assert_eq!(limit[0].path, "level[0].id");
    // In a participant: the document's id, an evidence item's id.
    let mut doc = participant(vec![course(0)]);
    doc["id"] = json!("p".repeat(MAX_ID_CHARS));
    doc["evidence"][0]["id"] = json!("e".repeat(MAX_ID_CHARS));
    let read = Participant::from_value(doc.clone()).unwrap();
    assert!(matches!(
        read.evidence[0],
        competency_rules::participant::EvidenceEntry::Item(_)
    ));
    doc["evidence"][0]["id"] = json!("e".repeat(MAX_ID_CHARS + 1));
    let read = Participant::from_value(doc.clone()).unwrap();
    assert!(matches!(
        read.evidence[0],
        competency_rules::participant::EvidenceEntry::Malformed(_)
    ));
    doc["id"] = json!("p".repeat(MAX_ID_CHARS + 1));
    let err = Participant::from_value(doc).unwrap_err();
    assert_eq!(
        (err.code.code(), err.path.as_str()),
        ("limit_exceeded", "id")
    );
}

#[test]
fn participant_size_limit() {
    let text = participant(vec![course(0)]).to_string();
    let pad = |n: usize| format!("{text}{}", " ".repeat(n - text.len()));
    assert!(Participant::from_json(&pad(MAX_PARTICIPANT_BYTES)).is_ok());
    let err = Participant::from_json(&pad(MAX_PARTICIPANT_BYTES + 1)).unwrap_err();
    assert_eq!(err.code, "limit_exceeded");
}

#[test]
fn evidence_limit() {
    let pack = load(&mini()).unwrap();
    let items = |n: usize| participant((0..n).map(course).collect());
    let at = Participant::from_value(items(MAX_EVIDENCE)).unwrap();
    assert_eq!(at.evidence.len(), MAX_EVIDENCE);
    // Ten thousand items evaluate (linear time; see the benchmarks).
    let report = evaluate(&pack, &at, as_of()).unwrap();
    assert_eq!(
        report.competency("c.analysis").unwrap().achieved.as_deref(),
        Some("skilled")
    );
    let err = Participant::from_value(items(MAX_EVIDENCE + 1)).unwrap_err();
    assert_eq!(
        (err.code.code(), err.path.as_str()),
        ("limit_exceeded", "evidence")
    );
}

/// A participant whose unknown field `x` makes the document `depth` deep.
fn participant_of_depth(depth: usize) -> String {
    let inner = depth - 1;
    participant(vec![]).to_string().replacen(
        '{',
        &format!("{{\"x\":{}{},", "[".repeat(inner), "]".repeat(inner)),
        1,
    )
}

#[test]
fn json_depth_limit_for_participants_alone_and_in_a_batch() {
    let at = Participant::from_json(&participant_of_depth(MAX_JSON_DEPTH)).unwrap();
    assert_eq!(at.unknown_fields(), ["x"]);
    let err = Participant::from_json(&participant_of_depth(MAX_JSON_DEPTH + 1)).unwrap_err();
    assert_eq!(err.code, "limit_exceeded");
    assert_eq!(
        (err.line, err.column),
        (Some(1), Some(6 + MAX_JSON_DEPTH - 1))
    );
    // The same document as a value (as in a batch) is held to the same limit.
    let value = |depth| serde_json::from_str::<Value>(&participant_of_depth(depth)).unwrap();
    assert!(Participant::from_value(value(MAX_JSON_DEPTH)).is_ok());
    assert_eq!(
        Participant::from_value(value(MAX_JSON_DEPTH + 1))
            .unwrap_err()
            .code,
        "limit_exceeded"
    );
}

#[test]
fn json_depth_limit_for_pack_files() {
    let nested = |depth: usize| {
        let text = mini().to_string();
        let inner = depth - 1;
        text.replacen(
            '{',
            &format!("{{\"x\":{}{},", "[".repeat(inner), "]".repeat(inner)),
            1,
        )
    };
    let at = Pack::from_json(&nested(MAX_JSON_DEPTH)).unwrap_err();
    assert!(!codes(&at).contains(&"limit_exceeded"), "{at}");
    let past = Pack::from_json(&nested(MAX_JSON_DEPTH + 1)).unwrap_err();
    // The file is not read (so its sections are reported missing too).
    assert_eq!(codes(&past)[0], "limit_exceeded");
    assert_eq!(past.diagnostics[0].line, Some(1));
}

#[cfg(feature = "toml")]
#[test]
fn json_depth_limit_for_toml_pack_files() {
    let nested = |depth: usize| format!("x = {}{}\n", "[".repeat(depth - 1), "]".repeat(depth - 1));
    let at = Pack::from_toml(&nested(MAX_JSON_DEPTH)).unwrap_err();
    assert!(!codes(&at).contains(&"limit_exceeded"), "{at}");
    let past = Pack::from_toml(&nested(MAX_JSON_DEPTH + 1)).unwrap_err();
    assert_eq!(codes(&past)[0], "limit_exceeded");
}

// ---- xAPI: determinism, agents, limits ---------------------------------------------------------

#[cfg(feature = "interop")]
mod xapi {
    use super::*;
    use competency_rules::interop::xapi::{
        Received, Refusal, evaluate_with_statements, read_source,
    };

    fn hslp() -> Pack {
        Pack::hslp().unwrap()
    }

    fn learner() -> Participant {
        Participant::from_json(include_str!("../examples/08-xapi-learner.json")).unwrap()
    }

    fn uuid(n: u32) -> String {
        format!("{n:08x}-0000-4000-8000-000000000000")
    }

    fn completion(id: u32, actor: Value, stored: &str) -> Value {
        json!({ "id": uuid(id), "actor": actor,
                "verb": { "id": "http://adlnet.gov/expapi/verbs/completed" },
                "object": { "id": "https://learning.omssa.example/xapi/courses/hsi101" },
                "result": { "score": { "scaled": 0.9 } },
                "timestamp": "2026-03-01T10:00:00Z", "stored": stored })
    }

    fn robin() -> Value {
        json!({ "mbox": "mailto:robin.tremblay@east-dssab.example" })
    }

    fn void(id: u32, target: u32) -> Value {
        json!({ "id": uuid(id), "actor": robin(),
                "verb": { "id": "http://adlnet.gov/expapi/verbs/voided" },
                "object": { "objectType": "StatementRef", "id": uuid(target) },
                "timestamp": "2026-03-02T10:00:00Z" })
    }

    fn report(statements: &[Value]) -> String {
        let received: Vec<Received> = statements
            .iter()
            .enumerate()
            .map(|(i, s)| Received::new(format!("s[{i}]"), s.clone()))
            .collect();
        let (report, _) =
            evaluate_with_statements(&hslp(), &learner(), received, "2026-11-24".parse().unwrap())
                .unwrap();
        report.to_json()
    }

    /// Every ordering of `statements` (all permutations) gives the same report.
    fn same_in_every_order(statements: Vec<Value>) -> String {
        fn permutations(items: Vec<Value>) -> Vec<Vec<Value>> {
            if items.len() <= 1 {
                return vec![items];
            }
            let mut out = Vec::new();
            for i in 0..items.len() {
                let mut rest = items.clone();
                let first = rest.remove(i);
                for mut tail in permutations(rest) {
                    tail.insert(0, first.clone());
                    out.push(tail);
                }
            }
            out
        }
        let first = report(&statements);
        for order in permutations(statements) {
            assert_eq!(report(&order), first);
        }
        first
    }

    #[test]
    fn two_voids_of_one_statement_name_the_same_void_in_any_order() {
        let text = same_in_every_order(vec![
            completion(1, robin(), "2026-03-01T11:00:00Z"),
            void(2, 1),
            void(3, 1),
        ]);
        assert!(text.contains(&format!("\"by\":\"{}\"", uuid(2))), "{text}");
    }

    #[test]
    fn repeats_and_conflicts_under_one_id_give_one_report_in_any_order() {
        // Two copies that differ only in `stored` (a repeat), and a third with other content.
        same_in_every_order(vec![
            completion(1, robin(), "2026-03-01T11:00:00Z"),
            completion(1, robin(), "2026-03-05T11:00:00Z"),
            completion(4, robin(), "2026-03-01T11:00:00Z"),
        ]);
        let mut conflicting = completion(1, robin(), "2026-03-01T11:00:00Z");
        conflicting["result"]["score"]["scaled"] = json!(0.5);
        let text = same_in_every_order(vec![
            completion(1, robin(), "2026-03-01T11:00:00Z"),
            conflicting,
            completion(1, robin(), "2026-03-09T11:00:00Z"),
        ]);
        // Three entries, each with the detail as parameters and in its language's message.
        assert_eq!(
            text.matches("another statement has the id").count(),
            6,
            "{text}"
        );
        assert_eq!(
            text.matches("une autre déclaration a l'identifiant")
                .count(),
            6,
            "{text}"
        );
    }

    #[test]
    fn many_agents_and_hashed_mailboxes_match_as_before() {
        use std::fmt::Write;
        let mut participant = learner();
        let extra = (0..1_000)
            .map(|i| format!(r#"{{"mbox":"mailto:person{i}@example.org"}}"#))
            .collect::<Vec<_>>()
            .join(",");
        let text = include_str!("../examples/08-xapi-learner.json").replacen(
            "\"agents\": [",
            &format!("\"agents\": [{extra},"),
            1,
        );
        participant = Participant::from_json(&text).unwrap_or(participant);
        assert_eq!(participant.agents.len(), 1_002);
        // The SHA-1 of Robin's mailbox (as an LRS that hides addresses writes it) names Robin;
        // another hash names nobody here.
        let mut robin_sha1 = String::new();
        for byte in sha1_of("mailto:robin.tremblay@east-dssab.example") {
            write!(robin_sha1, "{byte:02x}").unwrap();
        }
        let as_of = "2026-11-24".parse().unwrap();
        for (sum, counted) in [(robin_sha1.as_str(), 1), (&"0".repeat(40) as &str, 0)] {
            let statement = completion(1, json!({ "mbox_sha1sum": sum }), "2026-03-01T11:00:00Z");
            let received = vec![Received::new("s", statement)];
            let (report, intake) =
                evaluate_with_statements(&hslp(), &participant, received, as_of).unwrap();
            assert_eq!(intake.evidence, counted, "{sum}");
            assert_eq!(
                report.to_json().contains("statement_other_actor"),
                counted == 0
            );
        }
    }

    /// SHA-1 (FIPS 180-4), written out here so the test does not share the engine's code.
    fn sha1_of(text: &str) -> [u8; 20] {
        let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
        let mut message = text.as_bytes().to_vec();
        let bits = (message.len() as u64) * 8;
        message.push(0x80);
        while message.len() % 64 != 56 {
            message.push(0);
        }
        message.extend_from_slice(&bits.to_be_bytes());
        for chunk in message.chunks(64) {
            let mut w = [0u32; 80];
            for i in 0..16 {
                w[i] = u32::from_be_bytes([
                    chunk[4 * i],
                    chunk[4 * i + 1],
                    chunk[4 * i + 2],
                    chunk[4 * i + 3],
                ]);
            }
            for i in 16..80 {
                w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
            }
            let [mut a, mut b, mut c, mut d, mut e] = h;
            for (i, word) in w.iter().enumerate() {
                let (f, k) = match i {
                    0..=19 => ((b & c) | (!b & d), 0x5A827999),
                    20..=39 => (b ^ c ^ d, 0x6ED9EBA1),
                    40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                    _ => (b ^ c ^ d, 0xCA62C1D6),
                };
                let t = a
                    .rotate_left(5)
                    .wrapping_add(f)
                    .wrapping_add(e)
                    .wrapping_add(k)
                    .wrapping_add(*word);
                e = d;
                d = c;
                c = b.rotate_left(30);
                b = a;
                a = t;
            }
            for (slot, v) in h.iter_mut().zip([a, b, c, d, e]) {
                *slot = slot.wrapping_add(v);
            }
        }
        let mut out = [0u8; 20];
        for (i, word) in h.iter().enumerate() {
            out[4 * i..4 * i + 4].copy_from_slice(&word.to_be_bytes());
        }
        out
    }

    #[test]
    fn statement_limits() {
        let refused = |n: usize| -> Vec<Received> {
            (0..n)
                .map(|i| Received {
                    at: format!("s[{i}]"),
                    statement: Err(Refusal::new("x", "x")),
                })
                .collect()
        };
        let as_of = "2026-11-24".parse().unwrap();
        assert!(
            evaluate_with_statements(&hslp(), &learner(), refused(MAX_STATEMENTS), as_of).is_ok()
        );
        let err = evaluate_with_statements(&hslp(), &learner(), refused(MAX_STATEMENTS + 1), as_of)
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("20001 statements, more than the limit of 20000"),
            "{err}"
        );
        // Depth: a statement alone, or inside a page, is held to the same limit.
        let statement = |depth: usize| {
            let mut s = completion(1, robin(), "2026-03-01T11:00:00Z").to_string();
            let inner = depth - 1;
            s = s.replacen(
                '{',
                &format!("{{\"x\":{}{},", "[".repeat(inner), "]".repeat(inner)),
                1,
            );
            s
        };
        for wrap in [
            |s: String| s,
            |s: String| format!("[{s}]"),
            |s: String| format!(r#"{{"statements":[{s}]}}"#),
        ] {
            let (at, _) = read_source(&wrap(statement(MAX_JSON_DEPTH)), "at");
            // Parsed, then refused for its unknown property `x`, not for its depth.
            let at = at[0].statement.as_ref().map(|_| ()).map_err(Refusal::clone);
            assert!(at.is_ok(), "{at:?}");
            let (past, _) = read_source(&wrap(statement(MAX_JSON_DEPTH + 1)), "past");
            let message = past[0].statement.as_ref().unwrap_err();
            assert!(message.en.contains("nest more than 64 deep"), "{message}");
            assert!(message.fr.contains("plus de 64\u{a0}niveaux"), "{message}");
        }
        // Past what the parser goes, the whole source is one refused statement.
        let (deep, _) = read_source(&format!("[{}]", statement(PARSER_DEPTH + 1)), "deep");
        assert_eq!(deep.len(), 1);
        assert!(
            deep[0]
                .statement
                .as_ref()
                .unwrap_err()
                .en
                .contains("nest more than")
        );
        let pad = |n: usize| format!("[]{}", " ".repeat(n - 2));
        assert!(read_source(&pad(MAX_SOURCE_BYTES), "at").0.is_empty());
        assert!(
            read_source(&pad(MAX_SOURCE_BYTES + 1), "past").0[0]
                .statement
                .is_err()
        );
    }
}

#[test]
fn a_json_syntax_error_on_a_newline_has_a_one_based_position() {
    // serde_json says column 0 for an error on a newline (found by the `ffi` fuzz target): the
    // position given is the start of the line after the break, so every column is 1-based.
    let text = "{\n  \"id\": \"p\nq\"\n}";
    let err = Participant::from_json(text).unwrap_err();
    assert_eq!(
        (err.code.code(), err.line, err.column),
        ("syntax", Some(3), Some(1))
    );
    let mut pack = mini();
    pack["program"]["name"]["en"] = json!("x");
    let text = serde_json::to_string_pretty(&pack)
        .unwrap()
        .replacen("\"x\"", "\"x\n\"", 1);
    let err = Pack::from_json(&text).unwrap_err();
    let d = &err.diagnostics[0];
    assert_eq!(d.code, "syntax");
    let line = text.lines().position(|l| l.ends_with("\"x")).unwrap() + 1;
    assert_eq!((d.line, d.column), (Some(line + 1), Some(1)));
}

#[test]
fn a_json_syntax_error_after_accented_letters_counts_its_column_in_characters() {
    // serde_json counts columns in bytes; `é` is two (found by the `ffi` fuzz target: a column past
    // the end of its line). The `}` where a value belongs is the 11th character of the line.
    let text = "{\"é\": [1, }";
    let err = Participant::from_json(text).unwrap_err();
    assert_eq!(
        (err.code.code(), err.line, err.column),
        ("syntax", Some(1), Some(11))
    );
    let err = Pack::from_json(text).unwrap_err();
    let d = &err.diagnostics[0];
    assert_eq!(
        (d.code.code(), d.line, d.column),
        ("syntax", Some(1), Some(11))
    );
    // At the end of a line of accented letters, the column is at most one past its last character.
    let text = "{\"Réflexion\": \"Compétent";
    let err = Pack::from_json(text).unwrap_err();
    let d = &err.diagnostics[0];
    assert_eq!(d.line, Some(1));
    assert!(d.column <= Some(text.chars().count() + 1), "{d:?}");
}
