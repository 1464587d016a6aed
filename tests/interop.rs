//! The exports against the official schemas in `../shared/reference/` (present in CI beside the
//! checkout; a clone without it skips these checks and says so).
#![cfg(feature = "interop")]
#![expect(clippy::unwrap_used, reason = "fixtures should fail loudly")]

use competency_rules::Pack;
use competency_rules::interop::ExportOptions;
use competency_rules::interop::case::{CaseOptions, export_case};
use serde_json::Value;
use std::path::PathBuf;

fn reference(path: &str) -> Option<Value> {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/reference")
        .join(path);
    match std::fs::read_to_string(&file) {
        Ok(text) => Some(serde_json::from_str(&text).unwrap()),
        Err(_) => {
            eprintln!("skipped: {} is not beside this checkout", file.display());
            None
        }
    }
}

fn case_options(lang: &str, base_uri: Option<&str>) -> CaseOptions {
    CaseOptions {
        export: ExportOptions { lang: lang.into() },
        date: "2026-11-24".parse().unwrap(),
        base_uri: base_uri.map(str::to_owned),
    }
}

#[test]
fn case_exports_validate_against_the_official_case_1_1_schema() {
    let Some(schema) = reference("case/schemas/case_v1p1_cfpackage-jsonschema1.json") else {
        return;
    };
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let packs = [
        Pack::hslp().unwrap(),
        Pack::from_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/public-service-demo"
        ))
        .unwrap(),
        Pack::from_json(include_str!("conformance/packs/mini.json")).unwrap(),
    ];
    for pack in &packs {
        for lang in pack.languages() {
            for base in [None, Some("https://case.example.org/ims/case/v1p0")] {
                let package = export_case(pack, &case_options(lang, base)).unwrap();
                let errors: Vec<String> = validator
                    .iter_errors(&package)
                    .map(|e| format!("{e} at {}", e.instance_path()))
                    .take(10)
                    .collect();
                assert!(
                    errors.is_empty(),
                    "{} {lang} {base:?}: {errors:#?}",
                    pack.info().id
                );
            }
        }
    }
    // The validator is not lenient: a package with a misnamed item field is refused.
    let mut broken = export_case(&packs[0], &case_options("en", None)).unwrap();
    let item = broken["CFItems"][0].as_object_mut().unwrap();
    let statement = item.remove("fullStatement").unwrap();
    item.insert("statement".into(), statement);
    assert!(!validator.is_valid(&broken));
}
