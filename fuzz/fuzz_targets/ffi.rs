//! The boundary (`ffi`), as the npm package calls it (the interoperability and planning modules
//! too): the first byte picks a function, the rest is the JSON text it is given. Never a panic; every failure is JSON with a code the tables know, and
//! every diagnostic's line and column fall inside the text it points into.
#![no_main]

use competency_rules::Pack;
use competency_rules::ffi::{self, Failure, FailureCode};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use std::sync::OnceLock;

const MINI: &str = include_str!("../../tests/conformance/packs/mini.json");
const LEARNER: &str = include_str!("../../examples/08-xapi-learner.json");
const STAFF: &str = r#"{"id": "p", "organization": "org-a", "level": "staff", "enrolled": "2025-06-01",
  "coach": {"id": "co", "organization": "org-a"},
  "evidence": [{"id": "e1", "kind": "course", "item": "course.a", "date": "2026-01-10", "grade": 80,
    "status": "approved", "assessed_by": {"role": "provider"}}]}"#;

/// The planner's clock (milliseconds since the first call): its 50 ms budget keeps every search short.
fn clock() -> f64 {
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64() * 1000.0
}

fn mini() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| Pack::from_json(MINI).unwrap_or_else(|e| panic!("{e}")))
}

/// A failure reads back as JSON with its code, and names a known code.
fn check_failure(failure: &Failure) {
    let value: Value = serde_json::from_str(&failure.to_json()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value["code"], failure.code.code());
    assert!(FailureCode::from_code(failure.code.code()).is_some());
    assert!(!failure.message.is_empty());
}

fn check(result: Result<String, Failure>) -> Option<Value> {
    match result {
        Ok(text) => Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))),
        Err(failure) => {
            check_failure(&failure);
            None
        }
    }
}

/// Every diagnostic's position is inside the file it names.
fn check_positions(files_json: &str, diagnostics: &Value) {
    let Ok(Value::Array(files)) = serde_json::from_str::<Value>(files_json) else {
        return;
    };
    for d in diagnostics.as_array().into_iter().flatten() {
        let (Some(line), Some(file)) = (d["line"].as_u64(), d["file"].as_str()) else {
            continue;
        };
        let text = files
            .iter()
            .find(|f| f["name"] == file)
            .and_then(|f| f["text"].as_str())
            .unwrap_or_else(|| panic!("{d} names a file not given"));
        let lines = text.split('\n').count() as u64;
        assert!(line >= 1 && line <= lines, "{d}: line out of {lines}");
        let column = d["column"]
            .as_u64()
            .unwrap_or_else(|| panic!("{d}: line without column"));
        let at = text
            .split('\n')
            .nth((line - 1) as usize)
            .unwrap_or_default();
        assert!(
            column >= 1 && column <= at.chars().count() as u64 + 1,
            "{d}: column out of {at:?}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&op, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    match op % 9 {
        0 => {
            if let Some(diagnostics) = check(ffi::check_pack(text)) {
                check_positions(text, &diagnostics);
            }
            let _ = check(ffi::load_pack(text).and_then(|p| ffi::pack_info(&p)));
        }
        1 => {
            // A one-file JSON pack, as `checkPack(text)` sends it.
            let files = serde_json::json!([{ "name": "pack.json", "text": text }]).to_string();
            if let Some(diagnostics) = check(ffi::check_pack(&files)) {
                check_positions(&files, &diagnostics);
            }
        }
        2 => {
            let _ = check(ffi::evaluate(mini(), text, "2026-06-01"));
        }
        3 => {
            let _ = check(ffi::evaluate_with_statements(
                mini(),
                LEARNER,
                text,
                "2026-06-01",
            ));
        }
        4 => {
            let _ = check(ffi::import_case(text, "en"));
        }
        5 => {
            let _ = check(ffi::export_case(mini(), text));
        }
        6 => {
            let _ = check(ffi::credential(mini(), LEARNER, "[]", text));
        }
        7 => {
            // Plan options, for a participant of the test pack.
            let _ = check(ffi::plan(mini(), STAFF, "2026-06-01", text, &clock));
        }
        _ => {
            let _ = check(ffi::plan(mini(), text, "2026-06-01", r#"{"target": "next"}"#, &clock));
        }
    }
});
