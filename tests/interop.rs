//! The exports against the official schemas in `../shared/reference/` (present in CI beside the
//! checkout; a clone without it skips these checks and says so, except under `CI=true`, where it fails).
#![cfg(feature = "interop")]
#![expect(clippy::unwrap_used, reason = "fixtures should fail loudly")]

mod common;

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
            // CI has `../shared` beside the checkout: there, a missing file is a failure.
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{} is missing (CI=true)",
                file.display()
            );
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

use competency_rules::interop::case_import::import_case;

/// A package without the pack `export-case` embeds in `CFDocument.extensions` (as a CASE editor
/// that drops extensions would leave it): what CASE itself carries.
fn without_extension(mut package: Value) -> Value {
    package
        .get_mut("CFDocument")
        .and_then(Value::as_object_mut)
        .unwrap()
        .remove("extensions");
    package
}

#[test]
fn a_case_export_imports_back_into_an_equivalent_pack() {
    let original = Pack::hslp().unwrap();
    let package = without_extension(export_case(&original, &case_options("en", None)).unwrap());
    let imported = import_case(&package, "en").unwrap();
    let pack = Pack::from_json(&imported.pack.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let (a, b) = (original.document(), pack.document());
    let ids = |d: &competency_rules::pack::document::PackDoc| {
        d.competency
            .iter()
            .map(|c| (c.id.clone(), c.outcome.clone(), c.name["en"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(a), ids(b));
    assert_eq!(
        a.outcome.iter().map(|o| &o.id).collect::<Vec<_>>(),
        b.outcome.iter().map(|o| &o.id).collect::<Vec<_>>()
    );
    assert_eq!(
        a.scale.all()[0]
            .level
            .iter()
            .map(|l| &l.id)
            .collect::<Vec<_>>(),
        b.scale.all()[0]
            .level
            .iter()
            .map(|l| &l.id)
            .collect::<Vec<_>>()
    );
    assert_eq!(a.level.len(), b.level.len());
    // The same cell at every organizational level, level by level: the expected proficiency, and
    // (in the exported language) what the competency looks like there; the same proficiency
    // descriptions.
    let en = |t: &competency_rules::pack::document::Text| t["en"].clone();
    let mut described = 0;
    for (ca, cb) in a.competency.iter().zip(&b.competency) {
        for (la, lb) in a.level.iter().zip(&b.level) {
            let (x, y) = (&ca.expected[&la.id], &cb.expected[&lb.id]);
            let at = format!("{} at {}", ca.id, la.id);
            assert_eq!(x.expected(), y.expected(), "{at}");
            assert_eq!(x.description().map(en), y.description().map(en), "{at}");
            assert_eq!(
                x.indicators().iter().map(en).collect::<Vec<_>>(),
                y.indicators().iter().map(en).collect::<Vec<_>>(),
                "{at}"
            );
            assert_eq!(
                x.ineffective().iter().map(en).collect::<Vec<_>>(),
                y.ineffective().iter().map(en).collect::<Vec<_>>(),
                "{at}"
            );
            described += usize::from(!x.indicators().is_empty());
        }
        let own = |c: &competency_rules::pack::document::CompetencyDoc| {
            c.proficiency
                .iter()
                .map(|(k, v)| (k.clone(), en(v)))
                .collect::<Vec<_>>()
        };
        assert_eq!(own(ca), own(cb), "{}", ca.id);
    }
    assert!(described >= 4, "the HSLP pack has described cells to carry");
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
}

#[test]
fn a_pack_without_outcomes_exports_and_imports_without_inventing_one() {
    let mut doc = common::mini();
    doc.as_object_mut().unwrap().remove("outcome");
    for c in doc["competency"].as_array_mut().unwrap() {
        c.as_object_mut().unwrap().remove("outcome");
    }
    let pack = Pack::from_json(&doc.to_string()).unwrap();
    let package = export_case(&pack, &case_options("en", None)).unwrap();
    // Every competency is a child of the document.
    let document = package["CFDocument"]["identifier"].as_str().unwrap();
    let parents: Vec<&str> = package["CFAssociations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["associationType"] == "isChildOf")
        .map(|a| a["destinationNodeURI"]["identifier"].as_str().unwrap())
        .collect();
    assert_eq!(parents.len(), pack.document().competency.len());
    assert!(parents.iter().all(|p| *p == document), "{parents:?}");
    let imported = import_case(&without_extension(package), "en").unwrap();
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    let back = Pack::from_json(&imported.pack.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert!(back.document().outcome.is_empty());
    assert!(
        back.document()
            .competency
            .iter()
            .all(|c| c.outcome.is_none())
    );
    // Moodle: the framework row, then one top-level row per competency (no parent).
    let csv = competency_rules::interop::moodle::export_moodle(
        &pack,
        &ExportOptions { lang: "en".into() },
    )
    .unwrap();
    let rows: Vec<&str> = csv.lines().skip(2).collect();
    assert_eq!(rows.len(), pack.document().competency.len(), "{csv}");
    assert!(rows.iter().all(|r| r.starts_with(',')), "{csv}");
}

#[test]
fn a_competency_on_its_own_scale_exports_with_that_scale() {
    let mut doc = common::mini();
    common::two_scales(&mut doc);
    let pack = Pack::from_json(&doc.to_string()).unwrap();
    // CASE: the criterion of c.integrity has the levels of its scale; the others have three.
    let package = export_case(&pack, &case_options("en", None)).unwrap();
    let criteria: Vec<&Value> = package["CFRubrics"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["CFRubricCriteria"].as_array().unwrap())
        .collect();
    for criterion in &criteria {
        let qualities: Vec<&str> = criterion["CFRubricCriterionLevels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["quality"].as_str().unwrap())
            .collect();
        if criterion["category"] == "c.integrity" {
            assert_eq!(qualities, ["emerging", "evident"]);
        } else {
            assert_eq!(qualities, ["basic", "skilled", "expert"]);
        }
    }
    // Moodle: the framework row has the default scale; c.integrity's row has its own.
    let csv = competency_rules::interop::moodle::export_moodle(
        &pack,
        &ExportOptions { lang: "en".into() },
    )
    .unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][5], "Basic,Skilled,Expert");
    let integrity = rows.iter().find(|r| &r[1] == "c.integrity").unwrap();
    assert_eq!(&integrity[5], "Emerging,Evident");
    assert!(
        integrity[6].contains("\"proficient\":1"),
        "{}",
        &integrity[6]
    );
    let others = rows.iter().skip(1).filter(|r| &r[1] != "c.integrity");
    assert!(others.into_iter().all(|r| r[5].is_empty()));
}

#[test]
fn real_case_frameworks_import_with_clear_notes() {
    let names = [
        "opensalt_what_standards_could_be.json",
        "opensalt_test_SmartLevelFramework.json",
        "opensalt_test_Utf8TestFramework.json",
        "opensalt_test_EmptyExternalFramework.json",
    ];
    for name in names {
        let Some(package) = reference(&format!("case/frameworks/{name}")) else {
            return;
        };
        let imported = import_case(&package, "en").unwrap();
        let loaded = Pack::from_json(&imported.pack.to_string());
        assert!(
            loaded.is_ok(),
            "{name}: {}",
            loaded.err().map(|e| e.to_string()).unwrap_or_default()
        );
        let codes: Vec<&str> = imported.notes.iter().map(|n| n.code).collect();
        assert!(codes.contains(&"no_levels"), "{name}: {codes:?}");
        if name == "opensalt_what_standards_could_be.json" {
            // 23 associations besides isChildOf (exactMatchOf, precedes, exemplar, isRelatedTo):
            // each is kept as a competency's reference or reported, none silently dropped.
            let kept: usize = imported.pack["competency"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["references"].as_array().map_or(0, Vec::len))
                .sum();
            let reported = codes.iter().filter(|c| **c == "cross_reference").count();
            assert!(kept >= 10, "{kept} references kept");
            assert_eq!(kept + reported, 23, "{codes:?}");
            // Nested groups become competencies of their top-level outcome, and say so.
            assert!(codes.contains(&"flattened"), "{codes:?}");
            // Every one of the 16 items is kept: top-level groups as outcomes, the rest as competencies.
            let doc = loaded.unwrap();
            assert_eq!(
                doc.document().outcome.len() + doc.document().competency.len(),
                16
            );
        }
        if name == "opensalt_test_Utf8TestFramework.json" {
            assert!(
                imported.pack["competency"][0]["name"]["en"]
                    .as_str()
                    .unwrap()
                    .contains('𝑑')
            );
        }
    }
}

#[test]
fn a_package_without_a_document_is_refused() {
    assert!(import_case(&serde_json::json!({"CFItems": []}), "en").is_err());
}

#[test]
fn case_1_0_quirks_are_read_tolerantly_and_reported() {
    let package: Value =
        serde_json::from_str(include_str!("interop/case_1_0_quirks.json")).unwrap();
    let imported = import_case(&package, "en").unwrap();
    let pack = Pack::from_json(&imported.pack.to_string()).unwrap_or_else(|e| panic!("{e}"));
    // sequenceNumber given as strings orders A.1 before A.2; a null statement falls back to the id.
    let competencies: Vec<(&str, &str)> = pack
        .document()
        .competency
        .iter()
        .map(|c| (c.id.as_str(), c.name["en"].as_str()))
        .collect();
    assert_eq!(competencies, vec![("A.1", "First"), ("A.2", "A.2")]);
    let codes: Vec<&str> = imported.notes.iter().map(|n| n.code).collect();
    for code in ["no_statement", "outside_package", "no_levels"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    // exactMatchOf to an item elsewhere is kept as the competency's cross-reference.
    let references: Vec<_> = pack
        .document()
        .competency
        .iter()
        .flat_map(|c| c.references.clone())
        .collect();
    assert_eq!(references.len(), 1);
    assert_eq!(references[0].uri, "https://other.example/item/9");
    assert_eq!(
        references[0].relation,
        competency_rules::pack::document::Relation::ExactMatch
    );
    let outside = imported
        .notes
        .iter()
        .find(|n| n.code == "outside_package")
        .unwrap();
    assert_eq!(outside.path, "CFAssociations[3]");
}

use competency_rules::interop::credential::{
    CredentialError, CredentialOptions, clr_credential, competency_credentials, program_credential,
};

fn report_for(example: &str) -> (Pack, competency_rules::Report) {
    let pack = Pack::hslp().unwrap();
    let text = std::fs::read_to_string(format!(
        "{}/examples/{example}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let report =
        competency_rules::evaluate_json(&pack, &text, "2026-11-24".parse().unwrap()).unwrap();
    (pack, report)
}

fn credential_options() -> CredentialOptions {
    CredentialOptions {
        issuer_id: "https://issuer.example.org/profiles/hslp".into(),
        issuer_name: "Human Services Leadership Program".into(),
        lang: "en".into(),
        case_base_uri: None,
        salt: None,
    }
}

/// Both official OB 3.0 AchievementCredential schemas: a credential must pass each.
const OB_SCHEMAS: [&str; 2] = [
    "ob_v3p0_achievementcredential_schema.json",
    "ob_v3p0_achievementcredential_schema_strict.json",
];

fn validate(schema: &Value, document: &Value, what: &str) {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(document)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .take(8)
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn credentials_for_a_completed_participant_follow_the_standards() {
    let (pack, report) = report_for("05-completed-senior-leader");
    let options = credential_options();
    let program = program_credential(&pack, &report, &options).unwrap();
    let competencies = competency_credentials(&pack, &report, &options).unwrap();
    assert_eq!(
        competencies.len(),
        report
            .competencies
            .iter()
            .filter(|c| c.state == competency_rules::report::CompetencyState::Met)
            .count()
    );
    let clr = clr_credential(&pack, &report, &options).unwrap();
    assert_eq!(clr["partial"], false);
    // The participant's id never appears in clear; the same inputs give the same bytes.
    assert!(!program.to_string().contains(&report.participant));
    assert_eq!(
        program,
        program_credential(&pack, &report, &options).unwrap()
    );
    // The competency achievement aligns to the CASE item export-case writes.
    let case = export_case(&pack, &case_options("en", None)).unwrap();
    let alignment = &competencies[0]["credentialSubject"]["achievement"]["alignment"][0];
    assert!(
        case["CFItems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["uri"] == alignment["targetUrl"])
    );
    for schema in OB_SCHEMAS {
        let Some(schema_json) = reference(&format!("openbadges/schemas/{schema}")) else {
            return;
        };
        validate(
            &schema_json,
            &program,
            &format!("program credential, {schema}"),
        );
        // The validator is not lenient: a credential without its issuer, or with a wrong type, is refused.
        let validator = jsonschema::options().build(&schema_json).unwrap();
        let mut broken = program.clone();
        broken.as_object_mut().unwrap().remove("issuer");
        assert!(
            !validator.is_valid(&broken),
            "{schema} accepted a credential without an issuer"
        );
        let mut broken = program.clone();
        broken["type"] = serde_json::json!(["VerifiableCredential"]);
        assert!(
            !validator.is_valid(&broken),
            "{schema} accepted a credential without its type"
        );
        for credential in &competencies {
            validate(
                &schema_json,
                credential,
                &format!("competency credential, {schema}"),
            );
        }
    }
    let Some(clr_schema) = reference("openbadges/schemas/clr_v2p0_clrcredential_schema.json")
    else {
        return;
    };
    validate(&clr_schema, &clr, "CLR");
}

#[test]
fn a_participant_in_progress_gets_a_partial_record_and_no_program_credential() {
    let (pack, report) = report_for("02-in-progress-supervisor");
    let options = credential_options();
    assert!(matches!(
        program_credential(&pack, &report, &options),
        Err(CredentialError::NotCompleted("in_progress"))
    ));
    let clr = clr_credential(&pack, &report, &options).unwrap();
    assert_eq!(clr["partial"], true);
    let (pack, nothing) = report_for("01-new-enrolee");
    assert!(matches!(
        clr_credential(&pack, &nothing, &options),
        Err(CredentialError::NothingToRecord)
    ));
    let Some(clr_schema) = reference("openbadges/schemas/clr_v2p0_clrcredential_schema.json")
    else {
        return;
    };
    validate(&clr_schema, &clr, "partial CLR");
}

#[test]
fn credentials_expire_when_the_pack_says_so() {
    let (pack, report) = report_for("05-completed-senior-leader");
    let options = credential_options();
    let program = program_credential(&pack, &report, &options).unwrap();
    assert!(program.get("validUntil").is_none(), "HSLP sets no expiry");
    // The same pack with `[credential] valid_months = 36`.
    let mut doc = serde_json::to_value(pack.document()).unwrap();
    doc["credential"] = serde_json::json!({ "valid_months": 36 });
    let expiring = Pack::from_json(&doc.to_string()).unwrap();
    let text = std::fs::read_to_string(format!(
        "{}/examples/05-completed-senior-leader.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let report =
        competency_rules::evaluate_json(&expiring, &text, "2026-11-24".parse().unwrap()).unwrap();
    let program = program_credential(&expiring, &report, &options).unwrap();
    assert_eq!(program["validFrom"], "2026-11-24T00:00:00Z");
    assert_eq!(program["validUntil"], "2029-11-24T00:00:00Z");
    let competencies = competency_credentials(&expiring, &report, &options).unwrap();
    assert!(
        competencies
            .iter()
            .all(|c| c["validUntil"] == "2029-11-24T00:00:00Z")
    );
    let clr = clr_credential(&expiring, &report, &options).unwrap();
    assert_eq!(clr["validUntil"], "2029-11-24T00:00:00Z");
    for schema in OB_SCHEMAS {
        let Some(schema_json) = reference(&format!("openbadges/schemas/{schema}")) else {
            return;
        };
        validate(
            &schema_json,
            &program,
            &format!("expiring credential, {schema}"),
        );
    }
    if let Some(clr_schema) = reference("openbadges/schemas/clr_v2p0_clrcredential_schema.json") {
        validate(&clr_schema, &clr, "expiring CLR");
    }
}

#[test]
fn cross_references_go_out_to_case_and_come_back() {
    let mut doc = serde_json::to_value(Pack::hslp().unwrap().document()).unwrap();
    doc["competency"][0]["references"] = serde_json::json!([
        { "relation": "exact_match", "uri": "https://case.example/uri/5f0c3e52-9d6f-4b8e-a1c2-3d4e5f607182", "title": "Systems thinking (provincial framework)" },
        { "relation": "related", "uri": "https://skills.example/skills/systems-analysis" }
    ]);
    let pack = Pack::from_json(&doc.to_string()).unwrap();
    let case = export_case(&pack, &case_options("en", None)).unwrap();
    let associations = case["CFAssociations"].as_array().unwrap();
    let exact = associations
        .iter()
        .find(|a| a["associationType"] == "exactMatchOf")
        .unwrap();
    // The UUID in the other item's URI is its identifier; a URI without one gets a UUID v5.
    assert_eq!(
        exact["destinationNodeURI"]["identifier"],
        "5f0c3e52-9d6f-4b8e-a1c2-3d4e5f607182"
    );
    assert!(
        associations
            .iter()
            .any(|a| a["associationType"] == "isRelatedTo"
                && a["destinationNodeURI"]["title"]
                    == "https://skills.example/skills/systems-analysis")
    );
    if let Some(schema) = reference("case/schemas/case_v1p1_cfpackage-jsonschema1.json") {
        validate(&schema, &case, "CASE export with cross-references");
    }
    let back = import_case(&case, "en").unwrap();
    let back = Pack::from_json(&back.pack.to_string()).unwrap();
    assert_eq!(
        back.document().competency[0].references,
        pack.document().competency[0].references
    );
}

/// The native outputs the npm package's interoperability module must reproduce exactly
/// (`pkg-js/test/interop.test.mjs` compares its own against these files).
/// `UPDATE_GOLDEN=1 cargo test --test interop` rewrites them.
#[test]
fn golden_outputs_for_the_webassembly_build() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/interop/golden");
    let mini = Pack::from_json(include_str!("conformance/packs/mini.json")).unwrap();
    let case = export_case(
        &mini,
        &case_options("fr", Some("https://case.example/ims/case/v1p0")),
    )
    .unwrap();
    let moodle = competency_rules::interop::moodle::export_moodle(
        &mini,
        &ExportOptions { lang: "en".into() },
    )
    .unwrap();
    let hslp = Pack::hslp().unwrap();
    let learner = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/08-xapi-learner.json"),
    )
    .unwrap();
    // Labelled as the package labels statement sources: `statements[i]`.
    let mut statements = Vec::new();
    for (i, name) in ["lms-page.json", "duplicate-key.json"].iter().enumerate() {
        let text = std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("examples/xapi")
                .join(name),
        )
        .unwrap();
        statements.extend(
            competency_rules::interop::xapi::read_source(&text, &format!("statements[{i}]")).0,
        );
    }
    let (report, _) = competency_rules::interop::xapi::evaluate_with_statements(
        &hslp,
        &competency_rules::Participant::from_json(&learner).unwrap(),
        statements,
        "2026-11-24".parse().unwrap(),
    )
    .unwrap();
    let outputs = [
        (
            "mini-case-fr.json",
            serde_json::to_string_pretty(&case).unwrap(),
        ),
        ("mini-moodle-en.csv", moodle),
        ("xapi-example-report.json", report.to_json_pretty()),
    ];
    for (name, text) in outputs {
        let path = dir.join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
        }
        let golden = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            golden == text,
            "{name} differs from {} (run with UPDATE_GOLDEN=1 and review the diff)",
            path.display()
        );
    }
}

/// Every piece of personal data in a participant document: its id and name, the ids and names
/// of its coach and mentor, and its xAPI identities (an email address with and without `mailto:`,
/// its local part, an account name).
fn personal_data(participant: &Value) -> Vec<String> {
    let mut found = Vec::new();
    let mut take = |v: Option<&Value>| {
        if let Some(s) = v.and_then(Value::as_str) {
            found.push(s.to_owned());
        }
    };
    take(participant.get("id"));
    take(participant.get("name"));
    for person in ["coach", "mentor"] {
        take(participant.get(person).and_then(|p| p.get("id")));
        take(participant.get(person).and_then(|p| p.get("name")));
    }
    for agent in participant["agents"].as_array().into_iter().flatten() {
        take(agent.get("mbox"));
        take(agent.get("account").and_then(|a| a.get("name")));
        if let Some(mbox) = agent.get("mbox").and_then(Value::as_str) {
            let address = mbox.trim_start_matches("mailto:");
            take(Some(&Value::from(address)));
            take(Some(&Value::from(address.split('@').next().unwrap())));
        }
    }
    found
}

#[test]
fn no_credential_carries_the_participants_personal_data() {
    use competency_rules::interop::credential::{CredentialKind, credential};
    use competency_rules::interop::xapi::{evaluate_with_statements, read_source};
    let pack = Pack::hslp().unwrap();
    let as_of = "2026-11-24".parse().unwrap();
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut written = 0;
    for entry in std::fs::read_dir(&examples).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let document: Value = serde_json::from_str(&text).unwrap();
        let participant = competency_rules::Participant::from_json(&text).unwrap();
        // Statements too, for the participants that have xAPI identities.
        let report = if participant.agents.is_empty() {
            competency_rules::evaluate(&pack, &participant, as_of).unwrap()
        } else {
            let mut received = Vec::new();
            for file in std::fs::read_dir(examples.join("xapi")).unwrap() {
                let file = file.unwrap().path();
                let text = std::fs::read_to_string(&file).unwrap();
                received.extend(read_source(&text, &file.display().to_string()).0);
            }
            evaluate_with_statements(&pack, &participant, received, as_of)
                .unwrap()
                .0
        };
        let secrets = personal_data(&document);
        assert!(
            secrets.len() >= 2,
            "{}: no personal data to look for",
            path.display()
        );
        for kind in CredentialKind::ALL {
            for salt in [None, Some("a-salt".to_owned())] {
                let options = CredentialOptions {
                    salt,
                    ..credential_options()
                };
                let Ok(credential) = credential(&pack, &report, *kind, &options) else {
                    continue;
                };
                if credential.as_array().is_some_and(Vec::is_empty) {
                    continue; // no competency met yet
                }
                written += 1;
                let text = credential.to_string();
                for secret in &secrets {
                    assert!(
                        !text.contains(secret.as_str()),
                        "{} {kind:?}: the credential contains `{secret}`",
                        path.display()
                    );
                }
                // The hashed identifier is there, salted.
                assert!(text.contains("\"identityHash\":\"sha256$"), "{kind:?}");
            }
        }
    }
    // Every example gets at least a CLR (most met a competency); some complete the program.
    assert!(written >= 12, "only {written} credentials were written");
}

/// Options that would make documents the validators refuse are refused, naming the option.
#[test]
fn unusable_options_are_refused_with_the_options_name() {
    use competency_rules::interop::ExportError;
    use competency_rules::interop::credential::{CredentialError, CredentialKind, credential};
    let pack = Pack::hslp().unwrap();
    let refused = |result: Result<Value, ExportError>, option: &str| match result {
        Err(ExportError::InvalidOption { option: found, .. }) => assert_eq!(found, option),
        other => panic!("{option}: {other:?}"),
    };
    for base in ["not a uri", "case.example/ims", "https://case.example/ ims"] {
        refused(
            export_case(&pack, &case_options("en", Some(base))),
            "base_uri",
        );
    }
    assert!(export_case(&pack, &case_options("en", Some("urn:x-case:hslp"))).is_ok());

    let (_, completed) = report_for("05-completed-senior-leader");
    let (_, learning) = report_for("02-in-progress-supervisor");
    let cases = [
        (
            CredentialOptions {
                issuer_id: "not a uri".into(),
                ..credential_options()
            },
            "issuer_id",
        ),
        (
            CredentialOptions {
                issuer_name: " ".into(),
                ..credential_options()
            },
            "issuer_name",
        ),
        (
            CredentialOptions {
                case_base_uri: Some("not a uri".into()),
                ..credential_options()
            },
            "case_base_uri",
        ),
    ];
    for (options, option) in &cases {
        for report in [&completed, &learning] {
            for kind in [
                CredentialKind::Program,
                CredentialKind::Competencies,
                CredentialKind::Clr,
            ] {
                match credential(&pack, report, kind, options) {
                    Err(CredentialError::Export(ExportError::InvalidOption {
                        option: found,
                        message,
                    })) => {
                        assert_eq!(found, *option, "{message}");
                    }
                    other => panic!("{option}: {other:?}"),
                }
            }
        }
    }
    assert!(
        credential(
            &pack,
            &completed,
            CredentialKind::Program,
            &credential_options()
        )
        .is_ok()
    );
}

/// The command line refuses the same, and a credential dated after today.
#[cfg(feature = "cli")]
#[test]
fn the_command_line_refuses_unusable_options_and_future_dates() {
    use std::process::Command;
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_competency-rules"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stderr) = run(&[
        "export-case",
        "--date",
        "2026-11-24",
        "--base-uri",
        "not a uri",
    ]);
    // Mistakes in the command: exit 2, before anything is read or evaluated.
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("not an absolute URI"), "{stderr}");
    let (code, stderr) = run(&[
        "export-case",
        "--date",
        "2026-11-24",
        "--base-uri",
        "javascript:alert(1)",
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("base_uri") && stderr.contains("not a web address"),
        "{stderr}"
    );
    let credential = |as_of: &str, id: &str, name: &str| {
        run(&[
            "credential",
            "--as-of",
            as_of,
            "--issuer-id",
            id,
            "--issuer-name",
            name,
            "examples/05-completed-senior-leader.json",
        ])
    };
    let (code, stderr) = credential("2026-11-24", "https://omssa.example/hslp", "OMSSA");
    assert_eq!(code, Some(0), "{stderr}");
    let (code, stderr) = credential("2026-11-24", "not a uri", "OMSSA");
    assert!(code == Some(2) && stderr.contains("issuer_id"), "{stderr}");
    assert!(
        !stderr.contains("05-completed"),
        "the participant is not at fault: {stderr}"
    );
    let (code, stderr) = credential("2026-11-24", "https://omssa.example/hslp", "");
    assert!(
        code == Some(2) && stderr.contains("issuer_name"),
        "{stderr}"
    );
    let (code, stderr) = credential("2999-01-01", "https://omssa.example/hslp", "OMSSA");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("after today"), "{stderr}");
}
