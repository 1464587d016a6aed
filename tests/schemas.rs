//! The published JSON Schemas (`docs/schemas/`) are generated from the Rust types, so they cannot
//! drift from what the engine reads. Run with `UPDATE_SCHEMAS=1` to regenerate them.
#![cfg(feature = "schema")]
#![expect(
    clippy::indexing_slicing,
    clippy::panic,
    reason = "building fixtures by JSON index; a missing key or bad schema should fail loudly"
)]

use competency_rules::pack::document::PackDoc;
use competency_rules::participant::Participant;
use serde_json::Value;
use std::path::Path;

fn generated() -> Vec<(&'static str, Value)> {
    let mut pack = serde_json::to_value(schemars::schema_for!(PackDoc)).unwrap_or_default();
    pack["$id"] = "https://competency-rules.invalid/schemas/pack.schema.json".into();
    pack["title"] = "competency-rules pack (competency-rules/pack@1)".into();
    let mut participant =
        serde_json::to_value(schemars::schema_for!(Participant)).unwrap_or_default();
    participant["$id"] = "https://competency-rules.invalid/schemas/participant.schema.json".into();
    participant["title"] = "competency-rules participant (competency-rules/participant@1)".into();
    // `format` is accepted (and checked) by the reader though the struct does not keep it.
    participant["properties"]["format"] =
        serde_json::json!({"const": "competency-rules/participant@1"});
    vec![
        ("pack.schema.json", pack),
        ("participant.schema.json", participant),
    ]
}

#[test]
fn published_schemas_match_the_types() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schemas");
    for (name, schema) in generated() {
        let text = format!(
            "{}\n",
            serde_json::to_string_pretty(&schema).unwrap_or_default()
        );
        let path = dir.join(name);
        if std::env::var_os("UPDATE_SCHEMAS").is_some() {
            std::fs::write(&path, &text)
                .unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        }
        let published = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            published == text,
            "{name} is out of date: run `UPDATE_SCHEMAS=1 cargo test --all-features --test schemas`"
        );
    }
}

fn validator(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs/schemas")
            .join(name),
    )
    .unwrap_or_default();
    let schema: Value = serde_json::from_str(&text).unwrap_or_default();
    jsonschema::validator_for(&schema)
        .unwrap_or_else(|e| panic!("{name} is not a valid schema: {e}"))
}

#[test]
fn examples_and_packs_validate_against_the_schemas() {
    let participant = validator("participant.schema.json");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        if entry.path().is_dir() {
            continue; // statements (`examples/xapi`), not participants
        }
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let doc: Value = serde_json::from_str(&text).unwrap_or_default();
        let errors: Vec<String> = participant
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        // The problem example deliberately carries unknown fields; they are allowed by the schema
        // (the engine reports them as findings), so every example must validate.
        assert!(errors.is_empty(), "{}: {errors:?}", entry.path().display());
        checked += 1;
    }
    assert!(checked >= 6);
    let pack = validator("pack.schema.json");
    let hslp = serde_json::to_value(
        competency_rules::Pack::hslp()
            .map(|p| p.document().clone())
            .unwrap_or_else(|e| panic!("{e}")),
    )
    .unwrap_or_default();
    let errors: Vec<String> = pack
        .iter_errors(&hslp)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "hslp: {errors:?}");
    let mini: Value =
        serde_json::from_str(include_str!("conformance/packs/mini.json")).unwrap_or_default();
    assert!(pack.is_valid(&mini));
    // And the schema does refuse what the engine refuses.
    let mut broken = mini.clone();
    broken["competency"][0]["outcom"] = "typo".into();
    assert!(!pack.is_valid(&broken));
}
