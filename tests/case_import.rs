//! CASE packages of any language and shape import into a skeleton that passes `check`, and every
//! item and field is carried or named in a note: the shapes real exports come in (cycles,
//! languages other than English and French, awkward titles and codes, relative reference URIs,
//! rubrics with repeated or non-ASCII names or in descending order, criteria that name no level,
//! repeated codes, codes without sequence numbers, the `CFPackage` wrapper, parents by URI).
#![cfg(feature = "interop")]
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "fixtures should fail loudly"
)]

use competency_rules::Pack;
use competency_rules::interop::case_import::{CaseImport, import_case};
use serde_json::{Value, json};

const DOC: &str = "d0000000-0000-4000-8000-000000000000";

fn uuid(n: usize) -> String {
    format!("a0000000-0000-4000-8000-{n:012}")
}

/// An item `n` with a code and a statement.
fn item(n: usize, code: &str, statement: &str) -> Value {
    json!({ "identifier": uuid(n), "uri": format!("https://case.example/items/{}", uuid(n)),
        "humanCodingScheme": code, "fullStatement": statement })
}

/// `child` is a child of `parent` (0: the document).
fn child_of(child: usize, parent: usize, sequence: Option<f64>) -> Value {
    let parent = if parent == 0 {
        DOC.to_owned()
    } else {
        uuid(parent)
    };
    let mut a = json!({ "associationType": "isChildOf",
        "originNodeURI": { "identifier": uuid(child), "uri": format!("https://case.example/items/{}", uuid(child)) },
        "destinationNodeURI": { "identifier": parent, "uri": format!("https://case.example/items/{parent}") } });
    if let Some(s) = sequence {
        a["sequenceNumber"] = json!(s);
    }
    a
}

fn package(lang: &str, title: &str, items: Vec<Value>, associations: Vec<Value>) -> Value {
    json!({
        "CFDocument": { "identifier": DOC, "uri": format!("https://case.example/docs/{DOC}"),
            "title": title, "language": lang, "creator": "Test" },
        "CFItems": items,
        "CFAssociations": associations,
    })
}

/// Adds an item to a package, with its place.
fn add_item(package: &mut Value, item: Value, place: Value) {
    package["CFItems"].as_array_mut().unwrap().push(item);
    package["CFAssociations"]
        .as_array_mut()
        .unwrap()
        .push(place);
}

/// A small framework: two clusters of two competencies.
fn framework(lang: &str, title: &str) -> Value {
    package(
        lang,
        title,
        vec![
            item(1, "A", "Cluster A"),
            item(2, "A.1", "First"),
            item(3, "A.2", "Second"),
            item(4, "B", "Cluster B"),
            item(5, "B.1", "Third"),
        ],
        vec![
            child_of(1, 0, Some(1.0)),
            child_of(2, 1, Some(1.0)),
            child_of(3, 1, Some(2.0)),
            child_of(4, 0, Some(2.0)),
            child_of(5, 4, Some(1.0)),
        ],
    )
}

/// Imports and checks: the skeleton must load with no error.
fn imported(package: &Value) -> (CaseImport, Pack) {
    let imported = import_case(package, "en").unwrap();
    let pack = Pack::from_json(&imported.pack.to_string())
        .unwrap_or_else(|e| panic!("{e}\n{:#}", imported.pack));
    (imported, pack)
}

fn codes(imported: &CaseImport) -> Vec<&'static str> {
    imported.notes.iter().map(|n| n.code).collect()
}

/// The import says `code` in a note.
#[track_caller]
fn assert_noted(imported: &CaseImport, code: &str) {
    assert!(
        codes(imported).contains(&code),
        "{code} not in {:?}",
        imported.notes
    );
}

fn competency_ids(pack: &Pack) -> Vec<String> {
    pack.document()
        .competency
        .iter()
        .map(|c| c.id.clone())
        .collect()
}

#[test]
fn any_language_gives_a_skeleton_that_passes_check() {
    for (lang, expected) in [
        ("es", "es"),
        ("ja", "ja"),
        ("spa", "spa"),
        ("pt-BR", "pt"),
        ("FR-ca", "fr"),
    ] {
        let (imported, pack) = imported(&framework(lang, "Marco"));
        assert_eq!(pack.languages(), [expected.to_owned()], "{lang}");
        assert_eq!(competency_ids(&pack), ["A.1", "A.2", "B.1"], "{lang}");
        if !["en", "fr"].contains(&expected) {
            // The engine's messages are placeholders (English) to translate, and a note says so.
            assert_noted(&imported, "messages_to_translate");
        }
    }
}

#[test]
fn titles_and_codes_that_are_not_ids_are_repaired_with_a_note() {
    for title in ["-Dash first", ".dot first", "   ", "日本語の枠組み"] {
        let (imported, pack) = imported(&framework("en", title));
        let id = &pack.document().program.id;
        assert!(
            id.chars().next().unwrap().is_ascii_alphanumeric(),
            "{title}: {id}"
        );
        assert!(!imported.notes.is_empty());
    }
    // A code `general` beside top-level items without children: the made-up outcome takes
    // another id.
    let mut p = framework("en", "F");
    add_item(
        &mut p,
        item(6, "general", "Loose"),
        child_of(6, 0, Some(3.0)),
    );
    let (imported, pack) = imported(&p);
    // The item keeps its code; the made-up outcome takes the next free id.
    let outcomes: Vec<&str> = pack
        .document()
        .outcome
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(outcomes, ["A", "B", "general-2"]);
    assert!(competency_ids(&pack).contains(&"general".to_owned()));
    assert_noted(&imported, "general_outcome");
}

#[test]
fn repeated_codes_keep_document_order_and_are_noted() {
    let items = vec![
        item(9, "X", "Cluster"),
        item(8, "X.1", "First by document order"),
        item(7, "X.1", "Second by document order"),
    ];
    let assoc = vec![
        child_of(9, 0, None),
        child_of(8, 9, None),
        child_of(7, 9, None),
    ];
    let (imported, pack) = imported(&package("en", "F", items, assoc));
    assert_eq!(competency_ids(&pack), ["X.1", "X.1-2"]);
    assert_eq!(
        pack.document().competency[0].name["en"],
        "First by document order"
    );
    assert_noted(&imported, "duplicate_code");
}

#[test]
fn siblings_without_sequence_numbers_follow_their_codes_naturally() {
    let codes_in_document_order = ["L1.10", "L1.2", "L1.1", "L1.11"];
    let mut items = vec![item(1, "L1", "Level one")];
    let mut assoc = vec![child_of(1, 0, None)];
    for (i, code) in codes_in_document_order.iter().enumerate() {
        items.push(item(i + 2, code, code));
        assoc.push(child_of(i + 2, 1, None));
    }
    let (imported, pack) = imported(&package("en", "F", items, assoc));
    assert_eq!(competency_ids(&pack), ["L1.1", "L1.2", "L1.10", "L1.11"]);
    assert_noted(&imported, "natural_order");
}

#[test]
fn cycles_keep_their_items_at_the_top_with_a_note() {
    let mut p = framework("en", "F");
    // 6 and 7 are each other's parent; 8 is its own.
    for (n, code) in [(6, "C.1"), (7, "C.2"), (8, "D")] {
        p["CFItems"]
            .as_array_mut()
            .unwrap()
            .push(item(n, code, code));
    }
    for a in [
        child_of(6, 7, None),
        child_of(7, 6, None),
        child_of(8, 8, None),
    ] {
        p["CFAssociations"].as_array_mut().unwrap().push(a);
    }
    let (imported, pack) = imported(&p);
    let doc = pack.document();
    // Every one of the 8 items is kept: C.1 at the top with C.2 below it, D (its own parent) as a
    // competency of the made-up outcome.
    let mut kept: Vec<&str> = doc.outcome.iter().map(|o| o.id.as_str()).collect();
    kept.extend(doc.competency.iter().map(|c| c.id.as_str()));
    assert_eq!(
        kept,
        ["A", "B", "C.1", "general", "A.1", "A.2", "B.1", "C.2", "D"]
    );
    assert_eq!(
        codes(&imported).iter().filter(|c| **c == "cycle").count(),
        2
    );
    assert!(
        !codes(&imported).contains(&"flattened"),
        "{:?}",
        codes(&imported)
    );
}

#[test]
fn the_cfpackage_wrapper_and_parents_by_uri_are_read() {
    let mut p = framework("en", "F");
    // The parent of B.1 given by its URI only.
    let uri = format!("https://case.example/items/{}", uuid(4));
    p["CFAssociations"][4]["destinationNodeURI"] = json!({ "uri": uri, "title": "B" });
    let wrapped = json!({ "CFPackage": p });
    let (imported, pack) = imported(&wrapped);
    assert_eq!(competency_ids(&pack), ["A.1", "A.2", "B.1"]);
    assert_eq!(pack.document().competency[2].outcome.as_deref(), Some("B"));
    assert!(
        !codes(&imported).contains(&"outside_package"),
        "{:?}",
        imported.notes
    );
}

#[test]
fn reference_uris_that_are_not_absolute_are_repaired_or_noted() {
    let mut p = framework("en", "F");
    for (i, target) in [
        "3.MD.B.3",
        "https://example.org/a b",
        "https://example.org/ok",
    ]
    .iter()
    .enumerate()
    {
        p["CFAssociations"].as_array_mut().unwrap().push(
            json!({ "associationType": "exactMatchOf",
            // (Items 2, 3 and 5 are competencies; 1 and 4 are outcomes.)
            "originNodeURI": { "identifier": uuid([2, 3, 5][i]) },
            "destinationNodeURI": { "uri": target, "title": target } }),
        );
    }
    let (imported, pack) = imported(&p);
    let uris: Vec<String> = pack
        .document()
        .competency
        .iter()
        .flat_map(|c| c.references.iter().map(|r| r.uri.clone()))
        .collect();
    assert_eq!(
        uris,
        ["https://example.org/a%20b", "https://example.org/ok"]
    );
    let notes: Vec<&str> = codes(&imported);
    assert!(notes.contains(&"invalid_reference"), "{notes:?}");
    assert!(notes.contains(&"reference_repaired"), "{notes:?}");
}

#[test]
fn fields_the_pack_has_no_place_for_are_named_in_notes() {
    let mut p = framework("en", "F");
    for i in 0..5 {
        let it = &mut p["CFItems"][i];
        it["CFItemType"] = json!(if i == 0 { "Competency" } else { "Standard" });
        it["educationLevel"] = json!(["09", "10"]);
        it["abbreviatedStatement"] = json!("Short");
        it["listEnumeration"] = json!("1");
    }
    let (imported, _) = imported(&p);
    let dropped: Vec<&str> = imported
        .notes
        .iter()
        .filter(|n| n.code == "field_not_kept")
        .map(|n| n.message.as_str())
        .collect();
    for field in [
        "CFItemType",
        "educationLevel",
        "abbreviatedStatement",
        "listEnumeration",
    ] {
        assert!(
            dropped.iter().any(|m| m.contains(field)),
            "{field}: {dropped:?}"
        );
    }
    // (`Competency`, as export-case writes it, is what the hierarchy says: 4 items, not 5.)
    assert!(
        dropped
            .iter()
            .any(|m| m.contains("`CFItemType` (on 4 items)")),
        "{dropped:?}"
    );
}

/// Rubrics as `export-case` writes them, one per organizational level.
fn rubric(n: usize, title: &str, criteria: Vec<(usize, &str)>, scale: &[&str]) -> Value {
    let criteria: Vec<Value> = criteria
        .into_iter()
        .enumerate()
        .map(|(ci, (item_n, wanted))| {
            let levels: Vec<Value> = scale
                .iter()
                .enumerate()
                .map(|(li, name)| json!({ "identifier": format!("c{n}{ci}{li}"), "description": name, "position": li + 1 }))
                .collect();
            json!({ "identifier": format!("c{n}{ci}"), "CFItemURI": { "identifier": uuid(item_n) }, "description": wanted, "CFRubricCriterionLevels": levels })
        })
        .collect();
    json!({ "identifier": format!("r{n}"), "title": title, "CFRubricCriteria": criteria })
}

#[test]
fn rubrics_with_awkward_names_or_order_give_levels_that_pass_check() {
    let scale = ["Débutant", "Intermédiaire", "Avancé"];
    let cases = [
        // Two rubrics with one title.
        vec![
            rubric(1, "Staff", vec![(2, "Débutant")], &scale),
            rubric(2, "Staff", vec![(2, "Avancé")], &scale),
        ],
        // Non-ASCII titles.
        vec![
            rubric(1, "職員", vec![(2, "Débutant")], &scale),
            rubric(2, "管理者", vec![(2, "Avancé")], &scale),
        ],
        // Most senior first: expectations fall in document order.
        vec![
            rubric(1, "Director", vec![(2, "Avancé"), (3, "Avancé")], &scale),
            rubric(
                2,
                "Manager",
                vec![(2, "Intermédiaire"), (3, "Débutant")],
                &scale,
            ),
            rubric(3, "Staff", vec![(2, "Débutant"), (3, "Débutant")], &scale),
        ],
        // A criterion naming no level of the scale.
        vec![rubric(
            1,
            "Staff",
            vec![(2, "Expert"), (3, "Débutant")],
            &scale,
        )],
        // Criterion levels with one name twice.
        vec![rubric(
            1,
            "Staff",
            vec![(2, "Débutant")],
            &["Niveau", "Niveau", "Avancé"],
        )],
    ];
    for (i, rubrics) in cases.into_iter().enumerate() {
        let mut p = framework("fr", "Cadre");
        p["CFRubrics"] = Value::Array(rubrics);
        let (imported, pack) = imported(&p);
        let codes = codes(&imported);
        match i {
            2 => {
                let levels: Vec<&str> = pack
                    .document()
                    .level
                    .iter()
                    .map(|l| l.id.as_str())
                    .collect();
                assert_eq!(levels, ["staff", "manager", "director"], "{codes:?}");
                assert!(codes.contains(&"levels_reversed"), "{codes:?}");
            }
            3 => assert!(codes.contains(&"unmatched_criterion"), "{codes:?}"),
            _ => {}
        }
    }
}

fn export(pack: &Pack, lang: &str) -> Value {
    use competency_rules::interop::ExportOptions;
    use competency_rules::interop::case::{CaseOptions, export_case};
    let options = CaseOptions {
        export: ExportOptions { lang: lang.into() },
        date: "2026-11-24".parse().unwrap(),
        base_uri: Some("https://case.example/ims/case/v1p0".into()),
    };
    export_case(pack, &options).unwrap()
}

/// HSLP (bilingual) through export → import → export: the same pack (every id, both languages,
/// what CASE has no place for), the same package, and the same reports.
#[test]
fn hslp_survives_export_import_export_in_both_languages() {
    use competency_rules::interop::case_import::import_case_all;
    let hslp = Pack::hslp().unwrap();
    let (en, fr) = (export(&hslp, "en"), export(&hslp, "fr"));
    let both = import_case_all(&[en.clone(), fr.clone()], "en").unwrap();
    let alone = import_case(&en, "en").unwrap();
    for imported in [&both, &alone] {
        let back = Pack::from_json(&imported.pack.to_string()).unwrap();
        assert_eq!(back.document(), hslp.document(), "{:?}", codes(imported));
        assert_eq!(export(&back, "en"), en);
        assert_eq!(export(&back, "fr"), fr);
        assert_eq!(back.info().fingerprint, hslp.info().fingerprint);
        assert!(
            codes(imported).contains(&"restored"),
            "{:?}",
            codes(imported)
        );
        assert!(
            !codes(imported).contains(&"changed_in_case"),
            "{:?}",
            imported.notes
        );
    }
    // A participant evaluates the same against the re-imported pack.
    let back = Pack::from_json(&both.pack.to_string()).unwrap();
    let participant = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/05-completed-senior-leader.json"
    ))
    .unwrap();
    let as_of = "2026-11-24".parse().unwrap();
    let report = |pack: &Pack| {
        competency_rules::evaluate_json(pack, &participant, as_of)
            .unwrap()
            .to_json()
    };
    assert_eq!(report(&back), report(&hslp));
}

/// What was edited in a CASE editor (a statement, an expectation) comes back over the pack, and
/// each change is a note; the other language is kept.
#[test]
fn edits_made_in_case_come_back_with_notes() {
    let hslp = Pack::hslp().unwrap();
    let mut en = export(&hslp, "en");
    let first = hslp.document().competency[0].id.clone();
    let item = en["CFItems"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|i| i["humanCodingScheme"] == first.as_str())
        .unwrap();
    item["fullStatement"] = json!("Systems thinking, renamed");
    let imported = import_case(&en, "en").unwrap();
    let back = Pack::from_json(&imported.pack.to_string()).unwrap();
    let comp = &back.document().competency[0];
    assert_eq!(comp.name["en"], "Systems thinking, renamed");
    assert_eq!(comp.name["fr"], hslp.document().competency[0].name["fr"]);
    let changed: Vec<&str> = imported
        .notes
        .iter()
        .filter(|n| n.code == "changed_in_case")
        .map(|n| n.path.as_str())
        .collect();
    assert_eq!(changed, [format!("competency.{first}.name")]);
}

/// Packages of two frameworks are not merged.
#[test]
fn packages_of_different_frameworks_are_refused_together() {
    use competency_rules::interop::case_import::import_case_all;
    let err = import_case_all(
        &[framework("en", "A"), export(&Pack::hslp().unwrap(), "fr")],
        "en",
    );
    assert!(err.is_err_and(|e| e.to_string().contains("only the packages of one framework")));
    // Two languages of one framework without the extension: one pack in both.
    let mut fr = framework("fr", "Cadre");
    for (i, name) in ["Groupe A", "Premier", "Deuxième", "Groupe B", "Troisième"]
        .iter()
        .enumerate()
    {
        fr["CFItems"][i]["fullStatement"] = json!(name);
    }
    let both = import_case_all(&[framework("en", "Frame"), fr], "en").unwrap();
    let pack = Pack::from_json(&both.pack.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pack.languages(), ["en", "fr"]);
    assert_eq!(pack.document().competency[1].name["fr"], "Deuxième");
    assert_eq!(pack.document().competency[1].name["en"], "Second");
}

/// The command line: `export-case` once per language, then `import-case` of both files.
#[cfg(feature = "cli")]
#[test]
fn the_command_line_round_trips_a_bilingual_pack() {
    use std::process::Command;
    let dir = std::env::temp_dir().join(format!("case-round-trip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_competency-rules"))
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let mut files = Vec::new();
    for lang in ["en", "fr"] {
        let (package, _) = run(&["export-case", "--date", "2026-11-24", "--lang", lang]);
        let file = dir.join(format!("hslp-{lang}.json"));
        std::fs::write(&file, package).unwrap();
        files.push(file.to_str().unwrap().to_owned());
    }
    let (pack, notes) = run(&["import-case", &files[0], &files[1]]);
    let back = Pack::from_json(&pack).unwrap();
    assert_eq!(back.document(), Pack::hslp().unwrap().document());
    assert!(notes.contains("note[restored]"), "{notes}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// From the trial of the packages of one framework: a scale listed most senior first keeps its
/// order by score; two packages in one language are refused; a text one package lacks stands in
/// from another language, with a note; an unsafe reference is not kept.
#[test]
fn scores_same_language_packages_missing_texts_and_unsafe_references() {
    use competency_rules::interop::case_import::import_case_all;
    // Criterion levels displayed most senior first: position 1 is Expert, score 4.
    let mut p = framework("en", "F");
    let levels: Vec<Value> = [
        ("Expert", 4, 1),
        ("Proficient", 3, 2),
        ("Working", 2, 3),
        ("Awareness", 1, 4),
    ]
    .iter()
    .map(|(d, score, position)| json!({ "description": d, "score": score, "position": position }))
    .collect();
    p["CFRubrics"] = json!([
        { "title": "Staff", "CFRubricCriteria": [{ "CFItemURI": { "identifier": uuid(2) }, "description": "Working", "CFRubricCriterionLevels": levels }] },
        { "title": "Manager", "CFRubricCriteria": [{ "CFItemURI": { "identifier": uuid(2) }, "description": "Expert", "CFRubricCriterionLevels": levels }] },
    ]);
    let (first, pack) = imported(&p);
    let scale: Vec<String> = pack.document().scale.all()[0]
        .level
        .iter()
        .map(|l| l.id.clone())
        .collect();
    assert_eq!(scale, ["awareness", "working", "proficient", "expert"]);
    let levels: Vec<&str> = pack
        .document()
        .level
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(levels, ["staff", "manager"], "{:?}", codes(&first));

    let en = framework("en", "F");
    let err = import_case_all(&[en.clone(), framework("en", "F")], "en").unwrap_err();
    assert!(err.to_string().contains("both in `en`"), "{err}");

    let mut fr = framework("fr", "F");
    add_item(
        &mut fr,
        item(6, "A.3", "Troisième de A"),
        child_of(6, 1, Some(3.0)),
    );
    let both = import_case_all(&[en, fr], "en").unwrap();
    let pack = Pack::from_json(&both.pack.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let added = pack
        .document()
        .competency
        .iter()
        .find(|c| c.id == "A.3")
        .unwrap();
    assert_eq!(added.name["en"], "Troisième de A");
    assert!(
        both.notes
            .iter()
            .any(|n| n.code == "missing_language" && n.path.contains("A.3")),
        "{:?}",
        both.notes
    );

    let mut p = framework("en", "F");
    p["CFAssociations"].as_array_mut().unwrap().push(json!({ "associationType": "isRelatedTo",
        "originNodeURI": { "identifier": uuid(2) }, "destinationNodeURI": { "uri": "javascript:alert(1)" } }));
    let (imported, pack) = imported(&p);
    assert!(
        pack.document()
            .competency
            .iter()
            .all(|c| c.references.is_empty())
    );
    assert_noted(&imported, "invalid_reference");
}

/// Rubric content that cannot be kept is named: a criterion about no item, an unknown item or an
/// outcome; a second criterion for one competency; levels that are not the scale's.
#[test]
fn rubric_content_that_cannot_be_kept_is_named() {
    let scale = ["Poor", "Good", "Great"];
    let mut p = framework("en", "F");
    let mut r = rubric(
        1,
        "Staff",
        vec![
            (2, "Good"),
            (3, "Good"),
            (1, "Good"),
            (99, "Good"),
            (2, "Great"),
        ],
        &scale,
    );
    r["CFRubricCriteria"].as_array_mut().unwrap().push(json!({ "description": "Good",
        "CFRubricCriterionLevels": [{ "description": "No", "position": 1 }, { "description": "Yes", "position": 2 }] }));
    r["CFRubricCriteria"][1]["CFRubricCriterionLevels"] =
        json!([{ "description": "No", "position": 1 }, { "description": "Good", "position": 2 }]);
    p["CFRubrics"] = json!([r]);
    let (imported, _) = imported(&p);
    let notes: Vec<(&str, &str)> = imported
        .notes
        .iter()
        .map(|n| (n.code, n.path.as_str()))
        .collect();
    for expected in [
        (
            "criterion_levels_differ",
            "CFRubrics[0].CFRubricCriteria[1]",
        ),
        ("criterion_not_kept", "CFRubrics[0].CFRubricCriteria[2]"),
        ("criterion_not_kept", "CFRubrics[0].CFRubricCriteria[3]"),
        ("duplicate_criterion", "CFRubrics[0].CFRubricCriteria[4]"),
        ("criterion_not_kept", "CFRubrics[0].CFRubricCriteria[5]"),
    ] {
        assert!(notes.contains(&expected), "{expected:?} in {notes:?}");
    }
}

/// Ids made from names keep the letters of accented words.
#[test]
fn accented_names_give_readable_ids() {
    let mut p = framework("fr", "Cadre de compétences");
    p["CFRubrics"] = json!([rubric(
        1,
        "Équipe de direction",
        vec![(2, "Élevé")],
        &["Débutant", "Élevé"]
    )]);
    let (_, pack) = imported(&p);
    assert_eq!(pack.document().program.id, "cadre_de_competences");
    assert_eq!(pack.document().level[0].id, "equipe_de_direction");
    let scale: Vec<&str> = pack.document().scale.all()[0]
        .level
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(scale, ["debutant", "eleve"]);
}
