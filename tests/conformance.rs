//! Runs the shared conformance corpus (`tests/conformance/cases/*.json`).
//!
//! A case that needs a cargo feature says so (`"requires": "planning"`); builds without it, such as
//! the npm package's main module, leave it out.
//!
//! Each case names a pack (`hslp`, the embedded default, or a file under `tests/conformance/packs/`,
//! optionally with top-level sections replaced by `pack_patch`), a participant and a date. The report
//! must contain the facts in `expect` (objects match as subsets; lists of competencies, outcomes and
//! requirements are keyed by id; any other list matches when each expected element matches a
//! distinct actual one), have the sizes in `expect_counts`, or fail as `expect_error` says. Every
//! case is also evaluated with its evidence reversed and must give the same bytes.
//!
//! The whole report (or error) of each case is also kept in `tests/conformance/reports/`, exactly as
//! `Report::to_json_pretty` writes it: every binding must produce these bytes. Run with
//! `UPDATE_REPORTS=1` to rewrite them after a deliberate change, and review the diff.
#![expect(
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions should fail loudly on bad fixtures"
)]

use competency_rules::{Date, Failure, Pack, Participant, evaluate};
use serde_json::{Map, Value, json};
use std::path::Path;

fn load_pack(case: &Value) -> Result<Pack, String> {
    let name = case["pack"].as_str().ok_or("case has no pack")?;
    if name == "hslp" && case.get("pack_patch").is_none() {
        return Pack::hslp().map_err(|e| e.to_string());
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/conformance/packs")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut pack: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    if let (Some(Value::Object(patch)), Value::Object(target)) = (case.get("pack_patch"), &mut pack)
    {
        for (key, value) in patch {
            target.insert(key.clone(), value.clone());
        }
    }
    Pack::from_json(&pack.to_string()).map_err(|e| e.to_string())
}

/// The report with id-keyed lists turned into objects, so cases can address them by id.
fn view(report: &Value) -> Value {
    let mut out = report.clone();
    for key in ["competencies", "outcomes", "requirements"] {
        if let Some(Value::Array(items)) = report.get(key) {
            let keyed: Map<String, Value> = items
                .iter()
                .filter_map(|item| Some((item.get("id")?.as_str()?.to_owned(), item.clone())))
                .collect();
            out[key] = Value::Object(keyed);
        }
    }
    out
}

/// Whether `actual` contains everything in `expected`; on failure, the path of the mismatch.
fn contains(actual: &Value, expected: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(want), Value::Object(have)) => {
            for (key, value) in want {
                let child = format!("{path}.{key}");
                match have.get(key) {
                    Some(found) => contains(found, value, &child)?,
                    None if value.is_null() => {}
                    None => return Err(format!("{child}: missing (expected {value})")),
                }
            }
            Ok(())
        }
        (Value::Array(want), Value::Array(have)) => {
            let mut used = vec![false; have.len()];
            for (i, item) in want.iter().enumerate() {
                let found = have
                    .iter()
                    .enumerate()
                    .position(|(j, candidate)| !used[j] && contains(candidate, item, "").is_ok());
                match found {
                    Some(j) => used[j] = true,
                    None => {
                        return Err(format!(
                            "{path}[{i}]: no element matches {item}\n  actual: {}",
                            Value::Array(have.clone())
                        ));
                    }
                }
            }
            Ok(())
        }
        _ if expected == actual => Ok(()),
        _ => Err(format!("{path}: expected {expected}, got {actual}")),
    }
}

/// Compares `bytes` with the stored report of the case (or stores it under `UPDATE_REPORTS`).
fn golden(file: &Path, bytes: &str) -> Result<(), String> {
    let name = file.file_name().unwrap_or_default();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/conformance/reports")
        .join(name);
    let text = format!("{bytes}\n");
    if std::env::var_os("UPDATE_REPORTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))
            .map_err(|e| e.to_string())?;
        std::fs::write(&path, &text).map_err(|e| e.to_string())?;
    }
    let stored = std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: {e} (run with UPDATE_REPORTS=1)", path.display()))?;
    if stored != text {
        return Err(format!(
            "the report differs from {} (run with UPDATE_REPORTS=1 and review the diff)",
            path.display()
        ));
    }
    Ok(())
}

fn run_case(file: &Path) -> Result<(), String> {
    let case: Value =
        serde_json::from_str(&std::fs::read_to_string(file).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    let pack = load_pack(&case)?;
    let as_of: Date = case["as_of"]
        .as_str()
        .unwrap_or_default()
        .parse()
        .map_err(|e| format!("{e}"))?;
    // An error is written as the boundary's `Failure` (what the npm package throws).
    let result = Participant::from_value(case["participant"].clone())
        .map_err(Failure::from)
        .and_then(|p| evaluate(&pack, &p, as_of).map_err(Failure::from));
    if let Some(expected_error) = case.get("expect_error") {
        return match result {
            Ok(_) => Err("expected an error, got a report".into()),
            Err(err) => {
                golden(
                    file,
                    &serde_json::to_string_pretty(&err).map_err(|e| e.to_string())?,
                )?;
                contains(
                    &serde_json::to_value(&err).map_err(|e| e.to_string())?,
                    expected_error,
                    "error",
                )
            }
        };
    }
    let report = result.map_err(|e| format!("unexpected error: {e}"))?;
    golden(file, &report.to_json_pretty())?;
    let actual = serde_json::to_value(&report).map_err(|e| e.to_string())?;
    contains(&view(&actual), &case["expect"], "report")?;
    if let Some(Value::Object(counts)) = case.get("expect_counts") {
        for (key, want) in counts {
            let have = actual
                .get(key)
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            if Some(have as u64) != want.as_u64() {
                return Err(format!(
                    "report.{key}: expected {want} entries, got {have}: {}",
                    actual[key]
                ));
            }
        }
    }
    // Determinism: reversed evidence gives the same bytes.
    let mut reversed = case["participant"].clone();
    if let Some(Value::Array(items)) = reversed.get_mut("evidence") {
        items.reverse();
    }
    let again = evaluate(
        &pack,
        &Participant::from_value(reversed).map_err(|e| e.to_string())?,
        as_of,
    )
    .map_err(|e| e.to_string())?;
    let has_malformed = report.not_counted.iter().any(|n| n.at.is_some());
    if !has_malformed && again.to_json() != report.to_json() {
        return Err("reversing the evidence changed the report".into());
    }
    Ok(())
}

#[test]
fn conformance_corpus() {
    // A case may need a feature (`"requires": "planning"`); a build without it leaves it out.
    let has = |feature: &str| feature == "planning" && cfg!(feature = "planning");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.retain(|f| f.extension().is_some_and(|e| e == "json"));
    files.retain(|f| {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let case: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        case.get("requires").and_then(Value::as_str).is_none_or(has)
    });
    files.sort();
    assert!(files.len() >= 40, "the corpus has {} cases", files.len());
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| {
            run_case(f).err().map(|e| {
                format!(
                    "{}: {e}",
                    f.file_name().unwrap_or_default().to_string_lossy()
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn the_matcher_itself_rejects_mismatches() {
    let actual = json!({"a": [{"id": "x", "n": 1}, {"id": "y", "n": 2}], "b": {"c": 3}});
    assert!(
        contains(
            &actual,
            &json!({"a": [{"n": 2}, {"n": 1}], "b": {"c": 3}}),
            ""
        )
        .is_ok()
    );
    assert!(
        contains(&actual, &json!({"a": [{"n": 1}, {"n": 1}]}), "").is_err(),
        "one actual element may match only once"
    );
    assert!(contains(&actual, &json!({"b": {"c": 4}}), "").is_err());
    assert!(contains(&actual, &json!({"z": 1}), "").is_err());
    assert!(contains(&actual, &json!({"z": null}), "").is_ok());
}
