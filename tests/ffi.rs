//! The boundary (`competency_rules::ffi`), natively: every function the WebAssembly bindings
//! expose, with good input and bad, and every failure code a caller can get from the engine.
#![expect(clippy::unwrap_used, reason = "test fixtures should fail loudly")]

use competency_rules::Pack;
use competency_rules::ffi::{self, Failure, FailureCode};
use serde_json::{Value, json};
use std::collections::BTreeSet;

const MINI: &str = include_str!("conformance/packs/mini.json");
const SUPERVISOR: &str = include_str!("../examples/02-in-progress-supervisor.json");
#[cfg(feature = "interop")]
const COMPLETED: &str = include_str!("../examples/05-completed-senior-leader.json");

fn files(name: &str, text: &str) -> String {
    json!([{ "name": name, "text": text }]).to_string()
}

fn hslp() -> Pack {
    ffi::default_pack().unwrap()
}

/// The failure's JSON, read back: what the npm package parses.
fn thrown(failure: &Failure) -> Value {
    serde_json::from_str(&failure.to_json()).unwrap()
}

#[test]
fn evaluate_gives_the_native_bytes() {
    let pack = hslp();
    let text = ffi::evaluate(&pack, SUPERVISOR, "2026-11-24").unwrap();
    let native = competency_rules::evaluate_json(&pack, SUPERVISOR, "2026-11-24".parse().unwrap())
        .unwrap()
        .to_json();
    assert_eq!(text, native);
}

#[test]
fn packs_load_check_and_describe_themselves() {
    let pack = ffi::load_pack(&files("mini.json", MINI)).unwrap();
    let info: Value = serde_json::from_str(&ffi::pack_info(&pack).unwrap()).unwrap();
    assert_eq!(info["id"], "mini");
    let document: Value = serde_json::from_str(&ffi::pack_document(&pack).unwrap()).unwrap();
    assert_eq!(document["program"]["id"], "mini");
    let warnings: Value = serde_json::from_str(&ffi::pack_warnings(&pack).unwrap()).unwrap();
    assert!(warnings.is_array());
    // A bad pack is not a failure for `check_pack`: its diagnostics are the result.
    let bad = files("bad.json", r#"{ "format": "competency-rules/pack@1" }"#);
    let diagnostics: Value = serde_json::from_str(&ffi::check_pack(&bad).unwrap()).unwrap();
    assert!(
        diagnostics
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "missing_section")
    );
    // ...and is one for `load_pack`, with every diagnostic.
    let refused = ffi::load_pack(&bad).unwrap_err();
    assert_eq!(refused.code, FailureCode::InvalidPack);
    assert_eq!(thrown(&refused)["diagnostics"], diagnostics);
}

#[test]
fn limits_and_version_are_json_and_text() {
    let limits: Value = serde_json::from_str(&ffi::limits()).unwrap();
    assert_eq!(
        limits.as_object().unwrap().len(),
        competency_rules::limits::ALL.len()
    );
    assert_eq!(
        limits["pack_bytes"],
        competency_rules::limits::MAX_PACK_BYTES
    );
    assert_eq!(ffi::engine_version(), env!("CARGO_PKG_VERSION"));
}

/// One call that fails with each code the engine itself can give.
fn failures() -> Vec<Failure> {
    let pack = hslp();
    let mut out = Vec::new();
    out.extend([
        ffi::load_pack(&files("bad.json", "{}")).unwrap_err(),
        ffi::evaluate(&pack, "{", "2026-11-24").unwrap_err(),
        ffi::evaluate(&pack, r#"{"id": 3}"#, "2026-11-24").unwrap_err(),
        ffi::evaluate(
            &pack,
            r#"{"id":"p","organization":"o","level":"nope","enrolled":"2026-01-01"}"#,
            "2026-11-24",
        )
        .unwrap_err(),
        ffi::evaluate(
            &pack,
            &format!("{}1{}", "[".repeat(200), "]".repeat(200)),
            "2026-11-24",
        )
        .unwrap_err(),
        ffi::load_pack("{}").unwrap_err(),
        ffi::evaluate(&pack, SUPERVISOR, "2026-02-30").unwrap_err(),
    ]);
    #[cfg(feature = "interop")]
    {
        out.push(
            ffi::evaluate_with_statements(&pack, SUPERVISOR, r#"[{"actor": {}}]"#, "2026-11-24")
                .unwrap_err(),
        );
        out.push(ffi::import_case(r#"{"CFItems": []}"#, "en").unwrap_err());
        out.push(
            ffi::credential(
                &pack,
                SUPERVISOR,
                "[]",
                r#"{"asOf": "2026-11-24", "issuerId": "https://example.org/i", "issuerName": "Ex"}"#,
            )
            .unwrap_err(),
        );
    }
    out
}

#[test]
fn every_failure_code_the_engine_gives_is_produced_and_thrown_as_json() {
    let produced: BTreeSet<FailureCode> = failures().iter().map(|f| f.code).collect();
    // Not produced here: `internal` (a result that cannot be written: no input causes it) and the
    // codes only the npm wrapper throws.
    // (The cohort codes are in a cohort report's `unreadable`, never thrown: tests/cohort.rs
    // produces each.)
    let elsewhere = [
        FailureCode::Internal,
        FailureCode::NotInThisBuild,
        FailureCode::EngineCrashed,
        FailureCode::Freed,
        FailureCode::NotStarted,
        FailureCode::DuplicateParticipant,
        FailureCode::InputUnreadable,
        FailureCode::EmptyInput,
    ];
    let without_interop = [
        FailureCode::NoAgents,
        FailureCode::InvalidCase,
        FailureCode::NotEligible,
    ];
    for code in FailureCode::ALL {
        if elsewhere.contains(code)
            || (!cfg!(feature = "interop") && without_interop.contains(code))
        {
            assert!(!produced.contains(code));
            continue;
        }
        assert!(produced.contains(code), "no test produces `{code}`");
    }
    for failure in failures() {
        let value = thrown(&failure);
        assert_eq!(value["code"], failure.code.code());
        assert_eq!(value["path"], failure.path.as_str());
        assert_eq!(value["message"], failure.message.as_str());
        assert!(!failure.message.is_empty());
    }
}

#[test]
fn failures_name_the_argument_and_position() {
    let pack = hslp();
    let syntax = ffi::evaluate(&pack, "{\n  \"id\": ,\n}", "2026-11-24").unwrap_err();
    assert_eq!(
        (syntax.code, syntax.line, syntax.column),
        (FailureCode::Syntax, Some(2), Some(9))
    );
    let date = ffi::evaluate(&pack, SUPERVISOR, "24/11/2026").unwrap_err();
    assert_eq!(
        (date.code, date.path.as_str()),
        (FailureCode::InvalidDate, "asOf")
    );
    let name = ffi::load_pack(&files("pack.yaml", MINI)).unwrap_err();
    assert_eq!(
        (name.code, name.path.as_str()),
        (FailureCode::InvalidArgument, "files[0].name")
    );
    let shape = ffi::load_pack(r#"[{"name": "a.json"}]"#).unwrap_err();
    assert_eq!(shape.path, "files[0]");
}

#[cfg(feature = "interop")]
#[test]
fn interop_functions_cross_the_boundary() {
    let pack = hslp();
    let mini = ffi::load_pack(&files("mini.json", MINI)).unwrap();
    let case: Value = serde_json::from_str(
        &ffi::export_case(&mini, r#"{"date": "2026-11-24", "lang": "fr"}"#).unwrap(),
    )
    .unwrap();
    assert!(
        case["CFItems"]
            .as_array()
            .is_some_and(|items| !items.is_empty())
    );
    let imported: Value =
        serde_json::from_str(&ffi::import_case(&case.to_string(), "fr").unwrap()).unwrap();
    assert!(imported["pack"]["competency"].is_array());
    assert!(
        ffi::export_moodle(&pack, "fr")
            .unwrap()
            .starts_with("Parent ID number,ID number,")
    );
    let bad_lang = ffi::export_moodle(&pack, "de").unwrap_err();
    assert_eq!(
        (bad_lang.code, bad_lang.path.as_str()),
        (FailureCode::InvalidArgument, "lang")
    );
    let options = json!({
        "asOf": "2026-11-24", "kind": "clr", "issuerId": "https://example.org/i", "issuerName": "Ex"
    });
    let clr: Value = serde_json::from_str(
        &ffi::credential(&pack, COMPLETED, "[]", &options.to_string()).unwrap(),
    )
    .unwrap();
    assert!(clr["type"].to_string().contains("ClrCredential"));
    let kind = ffi::credential(
        &pack,
        COMPLETED,
        "[]",
        r#"{"asOf": "2026-11-24", "kind": "x", "issuerId": "i", "issuerName": "n"}"#,
    )
    .unwrap_err();
    assert_eq!(kind.path, "kind");
    let missing = ffi::credential(&pack, COMPLETED, "[]", "{}").unwrap_err();
    assert_eq!(missing.path, "asOf");
    let learner = include_str!("../examples/08-xapi-learner.json");
    let page = include_str!("../examples/xapi/lms-page.json");
    let sources = serde_json::to_string(&[page]).unwrap();
    let out: Value = serde_json::from_str(
        &ffi::evaluate_with_statements(&pack, learner, &sources, "2026-11-24").unwrap(),
    )
    .unwrap();
    assert_eq!(out["intake"]["evidence"], 3);
    let (received, more) = ffi::statement_sources(&sources).unwrap();
    assert_eq!(
        received.len(),
        out["intake"]["received"].as_u64().unwrap() as usize
    );
    assert!(more.is_empty());
    let not_a_list = ffi::statement_sources("{}").unwrap_err();
    assert_eq!(not_a_list.path, "statements");
}

/// The planner's boundary: the plan's bytes are the native library's; options are checked, each
/// mistake named by its path.
#[cfg(feature = "planning")]
#[test]
fn plan_gives_the_native_bytes_and_checks_its_options() {
    use competency_rules::plan::{Measure, PlanOptions, Target, plan};
    let pack = hslp();
    let clock = || 0.0;
    let text = ffi::plan(
        &pack,
        SUPERVISOR,
        "2026-11-24",
        r#"{"target": "next", "by": "hours", "budgetMs": 5000}"#,
        &clock,
    )
    .unwrap();
    let mut options = PlanOptions::default();
    options.target = Target::Next;
    options.by = Measure::Hours;
    options.budget_ms = 5000.0;
    let participant = competency_rules::Participant::from_json(SUPERVISOR).unwrap();
    let native = plan(&pack, &participant, "2026-11-24".parse().unwrap(), &options).unwrap();
    assert_eq!(text, serde_json::to_string(&native).unwrap());
    let named =
        ffi::plan_options(r#"{"target": ["ssm.systems_thinking=proficient", "rel.negotiation"]}"#)
            .unwrap();
    assert_eq!(
        named.target,
        Target::Competencies(vec![
            ("ssm.systems_thinking".into(), Some("proficient".into())),
            ("rel.negotiation".into(), None),
        ])
    );
    for (options, path) in [
        (r#"{"target": "everything"}"#, "target"),
        (r#"{"target": []}"#, "target"),
        (r#"{"target": ["a", 3]}"#, "target[1]"),
        (r#"{"by": "weight"}"#, "by"),
        (r#"{"budgetMs": -1}"#, "budgetMs"),
        (r#"{"completeBy": "2026-02-30"}"#, "completeBy"),
        (r#"{"budget": 50}"#, "budget"),
        (r#"[1]"#, "options"),
    ] {
        let err = ffi::plan(&pack, SUPERVISOR, "2026-11-24", options, &clock).unwrap_err();
        assert_eq!(err.path, path, "{options}: {err}");
    }
    let err = ffi::plan(
        &pack,
        SUPERVISOR,
        "2026-11-24",
        r#"{"target": ["nope"]}"#,
        &clock,
    )
    .unwrap_err();
    assert_eq!(
        (err.code, err.path.as_str()),
        (FailureCode::InvalidArgument, "target")
    );
    assert!(err.message.contains("`nope` is not a competency"), "{err}");
    let err = ffi::plan(
        &pack,
        SUPERVISOR,
        "2026-11-24",
        r#"{"completeBy": "2026-01-01"}"#,
        &clock,
    )
    .unwrap_err();
    assert_eq!(err.path, "completeBy");
    let err = ffi::plan(&pack, r#"{"id": 1}"#, "2026-11-24", "{}", &clock).unwrap_err();
    assert_eq!(err.code, FailureCode::InvalidDocument);
}

#[test]
fn explain_is_the_command_lines_text_in_the_language_asked() {
    let pack = ffi::default_pack().unwrap();
    let fr = ffi::explain(&pack, SUPERVISOR, "2026-11-24", "fr").unwrap();
    assert!(fr.contains("Statut\u{a0}: "), "{fr}");
    let en = ffi::explain(&pack, SUPERVISOR, "2026-11-24", "en").unwrap();
    assert!(en.contains("Status: "), "{en}");
    // A language the pack does not have is refused, as evaluation's languages are.
    let unknown = ffi::explain(&pack, SUPERVISOR, "2026-11-24", "es").unwrap_err();
    assert_eq!(unknown.code, FailureCode::InvalidArgument);
    let detail = unknown.detail.unwrap();
    assert_eq!(
        (detail.wrong, detail.value.as_deref()),
        ("unknown_language", Some("es"))
    );
    let failure = ffi::explain(&pack, SUPERVISOR, "2026-02-30", "en").unwrap_err();
    assert_eq!(failure.code, FailureCode::InvalidDate);
    assert_eq!(
        failure.message,
        "`2026-02-30` is not a day of the calendar: month 02 of 2026 has 28 days"
    );
}
