//! xAPI and cmi5 statements as evidence: the example LMS page against the HSLP pack, order
//! independence, statement checks one by one, and the xAPI specification's own example statements
//! (from `../shared/reference/`, skipped with a message when that folder is not beside the
//! checkout).
#![cfg(feature = "interop")]
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "fixtures should fail loudly"
)]

use competency_rules::interop::xapi::{
    Received, XapiError, add_statements, evaluate_with_statements, read_source, split_value,
};
use competency_rules::{Date, Pack, Participant, Report};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn as_of() -> Date {
    "2026-11-24".parse().unwrap()
}

fn learner() -> Participant {
    let text = std::fs::read_to_string(root().join("examples/08-xapi-learner.json")).unwrap();
    Participant::from_json(&text).unwrap()
}

/// Every statement of the example page and the file with a repeated key.
fn example_statements() -> Vec<Received> {
    let mut all = Vec::new();
    for name in ["lms-page.json", "duplicate-key.json"] {
        let text = std::fs::read_to_string(root().join("examples/xapi").join(name)).unwrap();
        let (statements, more) = read_source(&text, name);
        assert_eq!(more, None, "{name}: an empty `more` is the last page");
        all.extend(statements);
    }
    all
}

/// `(evidence id, reason code)` of everything not counted.
fn not_counted(report: &Report) -> Vec<(String, &'static str)> {
    report
        .not_counted
        .iter()
        .map(|n| {
            (
                n.evidence
                    .clone()
                    .or_else(|| n.at.clone())
                    .unwrap_or_default(),
                n.reason.code.code(),
            )
        })
        .collect()
}

fn statement_id(n: u8) -> String {
    format!("xapi:0d4f7a3e-1c52-4c8e-9a61-3f2b1e6d7a{n:02}")
}

#[test]
fn the_example_lms_page_becomes_evidence_and_explains_the_rest() {
    let pack = Pack::hslp().unwrap();
    let (report, intake) =
        evaluate_with_statements(&pack, &learner(), example_statements(), as_of()).unwrap();
    assert_eq!(
        (
            intake.received,
            intake.evidence,
            intake.set_aside,
            intake.voiding
        ),
        (10, 3, 6, 1)
    );

    // A completion with a scaled score of 0.82 (grade 82 against a minimum of 70).
    let service = report.competency("ssm.service_integration").unwrap();
    assert_eq!(service.achieved.as_deref(), Some("working"));
    assert_eq!(service.sources[0].evidence, vec![statement_id(1)]);
    assert_eq!(&*service.sources[0].from, "omssa.hsi101");
    // A pass after a failure: the raw score 78 of 0..100 counts, the failure does not.
    let community = report.competency("rel.community_capacity").unwrap();
    assert_eq!(community.sources[0].evidence, vec![statement_id(3)]);
    // A cmi5 waiver counts as an equivalency completion of the course, without a grade.
    let municipal = report.competency("ssm.municipal_decision_making").unwrap();
    assert!(municipal.sources[0].equivalency);
    assert_eq!(municipal.sources[0].evidence, vec![statement_id(4)]);

    let mut expected = vec![
        ("duplicate-key.json".to_owned(), "statement_refused"),
        (statement_id(2), "statement_failed"),
        (statement_id(5), "statement_voided"),
        (statement_id(7), "statement_not_evidence"),
        (statement_id(8), "statement_other_actor"),
        (statement_id(9), "statement_refused"),
    ];
    expected.sort();
    let mut found = not_counted(&report);
    found.sort();
    assert_eq!(found, expected);
    // The voided completion (systems thinking) does not count.
    assert_eq!(
        report.competency("ssm.systems_thinking").unwrap().sources[0]
            .from
            .as_ref(),
        "omssa.hsi101"
    );
    let refused = report
        .not_counted
        .iter()
        .find(|n| n.evidence.as_deref() == Some(statement_id(9).as_str()))
        .unwrap();
    assert_eq!(
        refused.reason.params["detail"],
        "result.score.scaled: must be a number"
    );
    let repeated_key = report
        .not_counted
        .iter()
        .find(|n| n.at.as_deref() == Some("duplicate-key.json"))
        .unwrap();
    assert!(
        repeated_key.reason.params["detail"]
            .starts_with("result.score.scaled: the key is given twice"),
        "{:?}",
        repeated_key.reason.params
    );
    assert_eq!(
        refused.reason.message["fr"],
        "Cette déclaration xAPI a été refusée\u{a0}: result.score.scaled\u{a0}: doit être un nombre"
    );
    assert!(
        repeated_key.reason.message["fr"]
            .ends_with("result.score.scaled\u{a0}: la clé figure deux fois dans le même objet"),
        "{:?}",
        repeated_key.reason.message
    );
}

#[test]
fn statements_need_a_participant_identity() {
    let pack = Pack::hslp().unwrap();
    let mut participant = learner();
    participant.agents.clear();
    assert_eq!(
        add_statements(&pack, &mut participant, example_statements()),
        Err(XapiError::NoAgents)
    );
}

#[test]
fn an_mbox_sha1sum_matches_the_participants_mbox() {
    let pack = Pack::hslp().unwrap();
    // SHA-1 of "mailto:robin.tremblay@east-dssab.example".
    let sum = {
        use sha1::Digest;
        sha1::Sha1::digest(b"mailto:robin.tremblay@east-dssab.example")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let statement = json!({
        "actor": { "mbox_sha1sum": sum },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/passed" },
        "object": { "id": "https://learning.omssa.example/xapi/courses/hsi101" },
        "result": { "success": true, "score": { "scaled": 0.7 } },
        "timestamp": "2026-06-01T12:00:00Z"
    });
    let (statements, _) = split_value(statement, "one");
    let (report, intake) =
        evaluate_with_statements(&pack, &learner(), statements, as_of()).unwrap();
    assert_eq!(intake.evidence, 1, "{:?}", report.not_counted);
    // Without an id, the evidence id is derived from the statement itself.
    let source = &report
        .competency("ssm.service_integration")
        .unwrap()
        .sources[0];
    assert!(source.evidence[0].starts_with("xapi:"), "{source:?}");
    assert_eq!(source.evidence[0].len(), "xapi:".len() + 32);
}

#[test]
fn a_statement_result_page_with_more_says_so() {
    let (statements, more) = read_source(
        r#"{"statements": [], "more": "/xapi/statements?more=abc"}"#,
        "page",
    );
    assert!(statements.is_empty());
    assert_eq!(more.as_deref(), Some("/xapi/statements?more=abc"));
}

#[test]
fn text_that_is_not_json_is_one_refused_source() {
    let (statements, _) = read_source("{\"actor\": ", "broken.json");
    assert_eq!(statements.len(), 1);
    assert!(
        statements[0]
            .statement
            .as_ref()
            .is_err_and(|e| e.en.starts_with("not JSON")
                && e.fr == "ce n'est pas du JSON valide (ligne 1, colonne 10)"),
        "{statements:?}"
    );
}

/// A name, a change that breaks a valid statement, and what the refusal must say.
type Case = (&'static str, fn(&mut Value), &'static str);

/// Statements a learning record store would refuse, each with the field it names.
#[test]
fn invalid_statements_are_refused_one_by_one_with_the_offending_field() {
    let good = json!({
        "id": "0d4f7a3e-1c52-4c8e-9a61-3f2b1e6d7a01",
        "actor": { "mbox": "mailto:robin.tremblay@east-dssab.example" },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/completed" },
        "object": { "id": "https://learning.omssa.example/xapi/courses/hsi101" },
        "result": { "completion": true, "score": { "scaled": 0.9 } },
        "timestamp": "2026-06-01T12:00:00Z"
    });
    let cases: Vec<Case> = vec![
        (
            "no actor",
            |s| drop(s.as_object_mut().unwrap().remove("actor")),
            "actor: is missing",
        ),
        (
            "no verb",
            |s| drop(s.as_object_mut().unwrap().remove("verb")),
            "verb: is missing",
        ),
        (
            "no object",
            |s| drop(s.as_object_mut().unwrap().remove("object")),
            "object: is missing",
        ),
        (
            "null",
            |s| s["result"]["response"] = Value::Null,
            "result.response: is null",
        ),
        (
            "unknown property",
            |s| s["grade"] = json!(90),
            "grade: is not a property",
        ),
        (
            "two identifiers",
            |s| s["actor"]["openid"] = json!("https://id.example/r"),
            "actor: has more than one identifier",
        ),
        (
            "no identifier",
            |s| s["actor"] = json!({ "name": "R" }),
            "actor: an Agent needs one of",
        ),
        (
            "bad mbox",
            |s| s["actor"]["mbox"] = json!("robin@example.org"),
            "actor.mbox:",
        ),
        (
            "verb without scheme",
            |s| s["verb"]["id"] = json!("completed"),
            "verb.id: `completed` is not an IRI",
        ),
        (
            "bad uuid",
            |s| s["id"] = json!("not-a-uuid"),
            "id: `not-a-uuid` is not a UUID",
        ),
        (
            "scaled out of range",
            |s| s["result"]["score"]["scaled"] = json!(1.5),
            "result.score.scaled: 1.5 is not between -1 and 1",
        ),
        (
            "string boolean",
            |s| s["result"]["completion"] = json!("true"),
            "result.completion: must be true or false",
        ),
        (
            "bad timestamp",
            |s| s["timestamp"] = json!("yesterday"),
            "timestamp: `yesterday` is not an ISO 8601 timestamp",
        ),
        (
            "void of an activity",
            |s| s["verb"]["id"] = json!("http://adlnet.gov/expapi/verbs/voided"),
            "object: a voiding statement's object must be a StatementRef",
        ),
        (
            "raw above max",
            |s| s["result"]["score"] = json!({ "raw": 120, "min": 0, "max": 100 }),
            "result.score.raw: 120 is outside min..max",
        ),
        (
            "completed but not complete",
            |s| s["result"]["completion"] = json!(false),
            "the verb says completed but result.completion is false",
        ),
        // One BCP 47 check everywhere a language tag is taken.
        (
            "one-letter tag in a definition",
            |s| s["object"]["definition"] = json!({ "name": { "e": "Course" } }),
            "object.definition.name.e: `e` is not a BCP 47 language tag",
        ),
        (
            "digits as a tag",
            |s| s["object"]["definition"] = json!({ "name": { "123": "Course" } }),
            "object.definition.name.123: `123` is not a BCP 47",
        ),
        (
            "tag ending in a hyphen",
            |s| s["object"]["definition"] = json!({ "description": { "en-": "A course" } }),
            "object.definition.description.en-: `en-` is not a BCP 47",
        ),
        (
            "underscore in a definition's tag",
            |s| s["object"]["definition"] = json!({ "name": { "en_US": "Course" } }),
            "object.definition.name.en_US: `en_US` is not a BCP 47",
        ),
        (
            "underscore in a verb's tag",
            |s| s["verb"]["display"] = json!({ "en_US": "completed" }),
            "verb.display.en_US: `en_US` is not a BCP 47",
        ),
        (
            "underscore in the context's language",
            |s| s["context"] = json!({ "language": "en_US" }),
            "context.language: `en_US` is not a BCP 47",
        ),
        // Durations as xAPI restricts ISO 8601's.
        (
            "a duration with no component",
            |s| s["result"]["duration"] = json!("PT"),
            "result.duration: `PT` is not an ISO 8601 duration",
        ),
        (
            "a duration in the alternative format",
            |s| s["result"]["duration"] = json!("P0000-00-00T01:00:00"),
            "result.duration: `P0000-00-00T01:00:00` is not an ISO 8601 duration",
        ),
        (
            "an interaction type not in the list",
            |s| s["object"]["definition"] = json!({ "interactionType": "essay" }),
            "object.definition.interactionType: `essay` is not an interaction type",
        ),
        (
            "two components with one id",
            |s| {
                s["object"]["definition"] = json!({ "interactionType": "choice",
                    "choices": [{ "id": "a", "description": { "en": "A" } }, { "id": "a", "description": { "en": "B" } }] })
            },
            "object.definition.choices[1].id: `a` is the id of an earlier component",
        ),
        (
            "a revision when the object is an agent",
            |s| {
                s["object"] = json!({ "objectType": "Agent", "mbox": "mailto:coach@example.org" });
                s["context"] = json!({ "revision": "2" });
            },
            "context.revision: may be given only when the statement's object is an Activity",
        ),
        (
            "a platform when the object is a statement reference",
            |s| {
                s["object"] = json!({ "objectType": "StatementRef", "id": "0d4f7a3e-1c52-4c8e-9a61-3f2b1e6d7a09" });
                s["context"] = json!({ "platform": "LMS" });
            },
            "context.platform: may be given only when the statement's object is an Activity",
        ),
    ];
    let pack = Pack::hslp().unwrap();
    let mut statements = vec![Received::new("good", good.clone())];
    for (name, change, _) in &cases {
        let mut statement = good.clone();
        statement["id"] = json!(format!("11111111-1111-4111-8111-{:012}", statements.len()));
        change(&mut statement);
        statements.push(Received::new(*name, statement));
    }
    let (report, intake) =
        evaluate_with_statements(&pack, &learner(), statements, as_of()).unwrap();
    // The valid statement still counts.
    assert_eq!(intake.evidence, 1);
    assert_eq!(
        report
            .competency("ssm.service_integration")
            .unwrap()
            .sources[0]
            .evidence,
        vec![statement_id(1)]
    );
    for (position, (name, _, detail)) in cases.iter().enumerate() {
        let id = format!("xapi:11111111-1111-4111-8111-{:012}", position + 1);
        let found = report
            .not_counted
            .iter()
            .find(|n| n.evidence.as_deref() == Some(id.as_str()) || n.at.as_deref() == Some(*name))
            .unwrap_or_else(|| panic!("{name}: not reported"));
        assert_eq!(found.reason.code, "statement_refused", "{name}");
        assert!(
            found.reason.params["detail"].contains(detail),
            "{name}: {}",
            found.reason.params["detail"]
        );
        // The French message says it in French, at the same field.
        let english = found.reason.params["detail"].clone();
        let (field, words) = english.split_once(": ").unwrap_or(("", english.as_str()));
        let french = &found.reason.message["fr"];
        assert!(
            french.starts_with("Cette déclaration xAPI a été refusée\u{a0}: ")
                && french.contains(field)
                && !french.contains(words),
            "{name}: {french}"
        );
    }
}

/// Statements that share ids with `statements`: a repeat of the first (only `stored` differs), a
/// conflicting copy of the second (another score), and two voids of the third.
fn repeats_conflicts_and_voids(statements: &[Received]) -> Vec<Received> {
    let ok: Vec<&Value> = statements
        .iter()
        .filter_map(|r| r.statement.as_ref().ok())
        .collect();
    let mut repeat = ok[0].clone();
    repeat["stored"] = json!("2026-05-01T00:00:00Z");
    let mut conflict = ok[1].clone();
    conflict["result"] =
        json!({ "completion": true, "success": true, "score": { "scaled": 0.99 } });
    let void = |n: u8| {
        json!({ "id": format!("0d4f7a3e-1c52-4c8e-9a61-3f2b1e6d7f{n:02}"), "actor": ok[2]["actor"].clone(),
                "verb": { "id": "http://adlnet.gov/expapi/verbs/voided" },
                "object": { "objectType": "StatementRef", "id": ok[2]["id"].clone() },
                "timestamp": "2026-06-01T00:00:00Z" })
    };
    [repeat, conflict, void(1), void(2)]
        .into_iter()
        .map(|s| Received::new("extra", s))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// The same statements in any order give the same report, byte for byte.
    #[test]
    fn the_report_does_not_depend_on_statement_order(seed in any::<u64>()) {
        let pack = Pack::hslp().unwrap();
        let mut statements: Vec<Received> = example_statements()
            .into_iter()
            .filter(|r| r.statement.is_ok())
            .collect();
        statements.extend(repeats_conflicts_and_voids(&statements));
        let mut shuffled = statements.clone();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let j = usize::try_from(state % (i as u64 + 1)).unwrap();
            shuffled.swap(i, j);
        }
        // Positions differ, so the labels go: a statement is named by its id.
        let relabel = |list: Vec<Received>| -> Vec<Received> {
            list.into_iter().map(|r| Received { at: "page".into(), ..r }).collect()
        };
        let (a, _) = evaluate_with_statements(&pack, &learner(), relabel(statements), as_of()).unwrap();
        let (b, _) = evaluate_with_statements(&pack, &learner(), relabel(shuffled), as_of()).unwrap();
        prop_assert_eq!(a.to_json(), b.to_json());
    }
}

/// The xAPI specification's example statements: accepted or refused as the specification says.
#[test]
fn the_specification_examples_are_accepted_or_refused_as_the_specification_says() {
    let dir = root().join("../shared/reference/xapi/statements");
    if !dir.is_dir() {
        // CI has `../shared` beside the checkout: there, a missing folder is a failure.
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is missing (CI=true)",
            dir.display()
        );
        eprintln!("skipped: {} is not beside this checkout", dir.display());
        return;
    }
    // A small pack whose catalogue maps the examples' activities.
    let mut pack_doc: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/conformance/packs/mini.json")).unwrap(),
    )
    .unwrap();
    pack_doc["catalogue"][1]["activities"] = json!(["http://www.example.com/activities/001"]);
    pack_doc["catalogue"][0]["activities"] = json!(["https://example.adlnet.gov/AUidentifier"]);
    let pack = Pack::from_json(&pack_doc.to_string()).unwrap();
    let participant = Participant::from_value(json!({
        "id": "p", "organization": "o", "level": "staff", "enrolled": "2012-01-01",
        "agents": [
            { "mbox": "mailto:joe@example.com" },
            { "account": { "homePage": "http://example.adlnet.gov", "name": "1625378" } }
        ]
    }))
    .unwrap();
    let mut statements = Vec::new();
    for sub in ["adl_spec", "yetanalytics"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join(sub))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            let label = Path::new(sub).join(file.file_name().unwrap());
            let text = std::fs::read_to_string(&file).unwrap();
            statements.extend(read_source(&text, &label.display().to_string()).0);
        }
    }
    let (report, intake) = evaluate_with_statements(
        &pack,
        &participant,
        statements,
        "2012-07-01".parse().unwrap(),
    )
    .unwrap();
    assert_eq!(intake.received, 15);
    let mut found = not_counted(&report);
    found.sort();
    let mut expected: Vec<(String, &str)> = vec![
        // Valid, but nothing for the engine to count.
        (
            "adl_spec/Data_00_voided.json".into(),
            "statement_void_no_effect",
        ),
        (
            "adl_spec/Data_05_commented.json".into(),
            "statement_other_actor",
        ),
        (
            "adl_spec/Data_06_planned.json".into(),
            "statement_other_actor",
        ),
        (
            "xapi:12345678-1234-5678-1234-567812345678".into(),
            "statement_other_actor",
        ),
        (
            "xapi:33cff416-e331-4c9d-969e-5373a1756120".into(),
            "statement_other_actor",
        ),
        // Data_32 is Data_26 with an attachment: attachments are not part of the statement.
        (
            "xapi:33cff416-e331-4c9d-969e-5373a1756120".into(),
            "statement_repeated",
        ),
        // A Group is not the participant; long.json is the same statement, its timestamps
        // written with `Z` rather than `+00:00`.
        (
            "xapi:6690e6c9-3ef0-4ed3-8b37-7f3964730bee".into(),
            "statement_other_actor",
        ),
        (
            "xapi:6690e6c9-3ef0-4ed3-8b37-7f3964730bee".into(),
            "statement_repeated",
        ),
        (
            "xapi:7ccd3322-e1a5-411a-a67d-6a735c76f119".into(),
            "statement_other_actor",
        ),
        (
            "yetanalytics/completion.json".into(),
            "statement_other_actor",
        ),
        ("yetanalytics/void.json".into(), "statement_void_no_effect"),
        // The cmi5 example: the participant failed the mapped assignable unit.
        (
            "xapi:2a41c918-b88b-4220-20a5-a4c32391a240".into(),
            "statement_failed",
        ),
        // Refused: a SubStatement is not a statement; a raw newline inside a string is not JSON.
        (
            "adl_spec/Data_15_confirmed.json".into(),
            "statement_refused",
        ),
        ("yetanalytics/simple.json".into(), "statement_refused"),
    ];
    expected.sort();
    assert_eq!(found, expected);
    // Joe Schmoe's completion of activity 001 counts (course.b grants c.people).
    let people = report.competency("c.people").unwrap();
    assert_eq!(
        people.sources[0].evidence,
        vec!["xapi:d1eec41f-1e93-4ed6-acbf-5c4bd0c24269".to_owned()]
    );
}

/// A waiver is not only a cmi5 statement: the program may record one in the participant document.
#[test]
fn a_waiver_recorded_by_the_program_counts_as_equivalency_without_a_grade() {
    let pack = Pack::hslp().unwrap();
    let participant = Participant::from_value(json!({
        "id": "w", "organization": "o", "level": "front_line", "enrolled": "2026-02-02",
        "evidence": [
            { "id": "w1", "kind": "course_waiver", "item": "omssa.hsi101", "date": "2026-03-01",
              "status": "approved", "assessed_by": { "role": "program_assessor" } },
            { "id": "w2", "kind": "course_waiver", "item": "omssa.systems_thinking", "date": "2026-09-01",
              "status": "approved", "assessed_by": { "role": "program_assessor" } }
        ]
    }))
    .unwrap();
    let report = competency_rules::evaluate(&pack, &participant, as_of()).unwrap();
    let source = &report
        .competency("ssm.service_integration")
        .unwrap()
        .sources[0];
    assert!(source.equivalency);
    assert_eq!(source.evidence, vec!["w1".to_owned()]);
    // Equivalency rules still apply: the second waiver came after the 120-day claim window.
    let late = not_counted(&report);
    assert_eq!(late, vec![("w2".to_owned(), "outside_claim_window")]);
}

/// Every JSON pointer of `value`, so a mutation can pick any field.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    /// Statements broken anywhere (a field replaced by null, a number, a string, a list, an object,
    /// or removed) never stop the others: each is counted or reported, and a refusal names a field.
    #[test]
    fn broken_statements_are_reported_one_by_one(pick in any::<usize>(), how in 0u8..6) {
        let pack = Pack::hslp().unwrap();
        let page: Value = serde_json::from_str(
            &std::fs::read_to_string(root().join("examples/xapi/lms-page.json")).unwrap(),
        ).unwrap();
        let statements = page["statements"].as_array().unwrap().clone();
        let victim = pick % statements.len();
        let mut broken = statements[victim].clone();
        let mut all = Vec::new();
        pointers(&broken, String::new(), &mut all);
        let target = all[(pick / statements.len()) % all.len()].clone();
        if target.is_empty() {
            broken = json!(["not", "a", "statement"]);
        } else if let Some(slot) = broken.pointer_mut(&target) {
            *slot = match how {
                0 => Value::Null,
                1 => json!(12),
                2 => json!("text"),
                3 => json!([1, 2]),
                4 => json!({"x": 1}),
                _ => Value::Null,
            };
            if how == 5 {
                let (parent, key) = target.rsplit_once('/').unwrap();
                if let Some(Value::Object(map)) = broken.pointer_mut(parent) {
                    map.remove(key);
                }
            }
        }
        let mut list = statements.clone();
        list[victim] = broken;
        let received: Vec<Received> = list
            .into_iter()
            .enumerate()
            .map(|(i, s)| Received::new(format!("s[{i}]"), s))
            .collect();
        let (report, intake) = evaluate_with_statements(&pack, &learner(), received, as_of()).unwrap();
        prop_assert_eq!(intake.received, intake.evidence + intake.set_aside + intake.voiding);
        for n in &report.not_counted {
            if n.reason.code == "statement_refused" {
                let detail = &n.reason.params["detail"];
                prop_assert!(!detail.is_empty());
            }
        }
    }
}

/// A statement without an id that becomes evidence is named by its fingerprint, the same in any
/// order, and the intake says which file and position it was.
#[test]
fn a_statement_without_an_id_is_traced_to_its_file_and_position() {
    let statement = json!({
        "actor": { "mbox": "mailto:robin.tremblay@east-dssab.example" },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/completed" },
        "object": { "id": "https://learning.omssa.example/xapi/courses/hsi101" },
        "result": { "completion": true, "score": { "scaled": 0.9 } },
        "timestamp": "2026-06-01T12:00:00Z"
    });
    let page = json!({ "statements": [statement], "more": "" }).to_string();
    let (received, _) = read_source(&page, "lms-export.json");
    let pack = Pack::hslp().unwrap();
    let (report, intake) = evaluate_with_statements(&pack, &learner(), received, as_of()).unwrap();
    assert_eq!(intake.evidence, 1);
    assert_eq!(intake.unnamed.len(), 1);
    let origin = &intake.unnamed[0];
    assert_eq!(origin.at, "lms-export.json#statements[0]");
    assert!(origin.evidence.starts_with("xapi:"), "{origin:?}");
    let sources = &report
        .competency("ssm.service_integration")
        .unwrap()
        .sources;
    assert_eq!(sources[0].evidence, vec![origin.evidence.clone()]);
    // The same statement elsewhere keeps its name; only where it came from changes.
    let (moved, _) = read_source(
        &json!([{ "verb": statement["verb"] }, statement]).to_string(),
        "other.json",
    );
    let (_, again) = evaluate_with_statements(&pack, &learner(), moved, as_of()).unwrap();
    assert_eq!(again.unnamed.len(), 1);
    assert_eq!(again.unnamed[0].evidence, origin.evidence);
    assert_eq!(again.unnamed[0].at, "other.json[1]");
}
