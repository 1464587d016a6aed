//! A bad pack is refused with every problem listed, each with its file, path, line and column.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions should fail loudly on bad fixtures"
)]

use competency_rules::{Format, Pack, SourceFile, check_files};

mod common;
use common::two_scales;

const GOOD: &str = include_str!("conformance/packs/mini.json");

fn codes_at(diagnostics: &[competency_rules::Diagnostic]) -> Vec<(String, String)> {
    diagnostics
        .iter()
        .map(|d| (d.code.code().to_owned(), d.path.clone()))
        .collect()
}

fn mutate(f: impl FnOnce(&mut serde_json::Value)) -> Vec<competency_rules::Diagnostic> {
    let mut pack = common::mini();
    f(&mut pack);
    match Pack::from_json(&pack.to_string()) {
        Ok(_) => Vec::new(),
        Err(err) => err.diagnostics,
    }
}

#[test]
fn the_test_pack_is_clean() {
    let files = vec![SourceFile {
        name: "mini.json".into(),
        text: GOOD.into(),
        format: Format::Json,
    }];
    assert!(check_files(files).is_empty());
}

#[test]
#[cfg(feature = "toml")] // reads the TOML packs in rules/
fn embedded_pack_is_clean_and_matches_the_directory() {
    let embedded = Pack::hslp().unwrap();
    assert!(embedded.warnings().is_empty(), "{:?}", embedded.warnings());
    let from_dir = Pack::from_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/hslp")).unwrap();
    assert_eq!(embedded.info(), from_dir.info());
    let doc = embedded.document();
    assert_eq!(doc.outcome.len(), 5);
    assert!(
        (55..=60).contains(&doc.competency.len()),
        "{} competencies",
        doc.competency.len()
    );
    assert!(doc.level.len() >= 4);
}

#[test]
fn the_fingerprint_ignores_syntax_but_not_content() {
    let a = Pack::from_json(GOOD).unwrap();
    let reformatted: serde_json::Value = serde_json::from_str(GOOD).unwrap();
    let b = Pack::from_json(&reformatted.to_string()).unwrap();
    assert_eq!(a.info().fingerprint, b.info().fingerprint);
    let mut changed = reformatted.clone();
    changed["equivalency"]["max_percent"] = 40.into();
    let c = Pack::from_json(&changed.to_string()).unwrap();
    assert_ne!(a.info().fingerprint, c.info().fingerprint);
}

#[test]
fn every_problem_is_listed_with_its_path() {
    let diagnostics = mutate(|p| {
        p["competency"][0]["outcome"] = "o.nothing".into();
        p["competency"][1]["expected"]["lead"] = "guru".into();
        p["competency"][2]["name"]
            .as_object_mut()
            .unwrap()
            .remove("fr");
        p["catalogue"][0]["min_grade"] = 140.into();
        p["catalogue"][1]["id"] = "course.a".into();
        p["program"]["colour"] = "blue".into();
    });
    let got = codes_at(&diagnostics);
    for want in [
        ("unknown_id", "competency[0].outcome"),
        ("unknown_id", "competency[1].expected.lead"),
        ("missing_translation", "competency[2].name.fr"),
        ("out_of_range", "catalogue[0].min_grade"),
        ("duplicate_id", "catalogue[1].id"),
        ("unknown_key", "program"),
    ] {
        assert!(
            got.iter()
                .any(|(c, p)| c == want.0 && p.starts_with(want.1)),
            "missing {want:?} in {got:?}"
        );
    }
}

#[test]
fn cycles_are_refused_with_the_rules_named() {
    let diagnostics = mutate(|p| {
        // r.all reads c.planning, which r.nof grants; r.nof reads c.people, which r.all grants.
        p["rule"][2]["when"] = serde_json::json!({"all": [{"item": "course.a"}, {"competency": "c.planning", "level": "expert"}]});
    });
    let cycle = diagnostics
        .iter()
        .find(|d| d.code == "cycle")
        .expect("a cycle diagnostic");
    assert!(
        cycle.message.contains("r.all") && cycle.message.contains("r.nof"),
        "{}",
        cycle.message
    );
}

/// Leaves only readings (at most basic) able to give c.writing, and expects skilled of it.
fn only_readings_reach_writing(p: &mut serde_json::Value) {
    p["evidence_kind"]
        .as_array_mut()
        .unwrap()
        .retain(|k| k["id"] != "project" && k["id"] != "prior");
    p["rule"]
        .as_array_mut()
        .unwrap()
        .retain(|r| r["id"] != "r.points" && r["id"] != "r.capstone" && r["id"] != "r.any");
    p["competency"][4]["expected"]["lead"] = "skilled".into();
}

#[test]
fn unreachable_expectations_and_out_of_order_levels_are_refused() {
    let diagnostics = mutate(|p| {
        only_readings_reach_writing(p);
        p["competency"][0]["expected"] = serde_json::json!({"staff": "skilled", "lead": "basic"});
    });
    let got = codes_at(&diagnostics);
    assert!(
        got.iter()
            .any(|(c, p)| c == "levels_out_of_order" && p == "competency[0].expected.lead"),
        "{got:?}"
    );
    // Reachability is only judged once ids resolve; fix the order problem and look again.
    let diagnostics = mutate(|p| {
        only_readings_reach_writing(p);
    });
    let got = codes_at(&diagnostics);
    assert!(
        got.iter()
            .any(|(c, p)| c == "unreachable" && p == "competency[4].expected.lead"),
        "{got:?}"
    );
}

#[test]
fn capstones_cannot_be_granted_by_equivalency() {
    let diagnostics = mutate(|p| {
        p["catalogue"][3]["grants"] =
            serde_json::json!([{"competency": "c.capstone", "level": "basic"}]);
        p["rule"][0]["equivalency"] = true.into();
    });
    let got = codes_at(&diagnostics);
    assert!(
        got.iter().any(
            |(c, p)| c == "equivalency_not_allowed" && p == "catalogue[3].grants[0].competency"
        ),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(c, p)| c == "equivalency_not_allowed" && p == "rule[0].grants[0].competency"),
        "{got:?}"
    );
}

#[test]
#[cfg(feature = "toml")] // reads the TOML packs in rules/
fn toml_diagnostics_carry_file_line_and_column() {
    let toml = r#"format = "competency-rules/pack@1"

[program]
id = "tiny"
version = "1"
languages = ["en"]
name = { en = "Tiny" }

[scale]
id = "s"
name = { en = "Scale" }
level = [{ id = "one", name = { en = "One" } }]

[[level]]
id = "all"
name = { en = "Everyone" }

[[outcome]]
id = "o"
name = { en = "Outcome" }

[[competency]]
id = "c"
outcome = "o"
name = { en = "C" }
description = { en = "A competency" }
expected = { all = "two" }

[[evidence_kind]]
id = "project"
name = { en = "Project" }
counts_as = "competency_claims"
assessors = ["program_assessor"]

[[completion]]
level = "all"

[precedence]
assessor_override = "highest_wins"
"#;
    let files = vec![SourceFile {
        name: "tiny/pack.toml".into(),
        text: toml.into(),
        format: Format::Toml,
    }];
    let diagnostics = check_files(files.clone());
    let d = diagnostics
        .iter()
        .find(|d| d.code == "unknown_id")
        .expect("the unknown level is reported");
    assert_eq!(d.path, "competency[0].expected.all");
    assert_eq!(d.file.as_deref(), Some("tiny/pack.toml"));
    assert_eq!((d.line, d.column), (Some(27), Some(14)));
    assert!(d.message.contains("`two`"));
    // Fixed, the same pack loads.
    let fixed = toml.replace("\"two\"", "\"one\"");
    assert!(
        Pack::from_files(vec![SourceFile {
            text: fixed,
            ..files[0].clone()
        }])
        .is_ok()
    );
}

#[test]
fn a_file_that_cannot_be_read_stops_the_check_with_one_error() {
    // The unreadable file could hold any section: no `missing_section` cascade.
    let files = vec![
        SourceFile {
            name: "a.json".into(),
            text: "{ \"format\": \"competency-rules/pack@1\" }".into(),
            format: Format::Json,
        },
        SourceFile {
            name: "b.json".into(),
            text: "{ \"scale\": ".into(),
            format: Format::Json,
        },
    ];
    let diagnostics = check_files(files);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(
        (d.code.code(), d.file.as_deref(), d.line),
        ("syntax", Some("b.json"), Some(1))
    );
    // A trailing comma in a one-file JSON pack is one error, at its place.
    let mut text = GOOD.trim_end().to_owned();
    text.insert(text.len() - 1, ',');
    let diagnostics = check_files(vec![SourceFile {
        name: "mini.json".into(),
        text,
        format: Format::Json,
    }]);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0].code, "syntax");
    assert!(diagnostics[0].line.is_some() && diagnostics[0].column.is_some());
}

#[test]
fn every_diagnostic_on_a_json_pack_has_a_line_and_column() {
    let mut pack = common::mini();
    pack["competency"][0]["outcome"] = "o.thinkin".into();
    pack["catalogue"][0]["grants"][0]["competency"] = "c.analysys".into();
    pack["program"]["extra"] = 1.into();
    let text = serde_json::to_string_pretty(&pack).unwrap();
    let diagnostics = check_files(vec![SourceFile {
        name: "mini.json".into(),
        text: text.clone(),
        format: Format::Json,
    }]);
    assert!(diagnostics.len() >= 3, "{diagnostics:?}");
    for d in &diagnostics {
        assert_eq!(d.file.as_deref(), Some("mini.json"));
        let (Some(line), Some(column)) = (d.line, d.column) else {
            panic!("no position: {d:?}");
        };
        // The position is where the key (or the entry holding it) is written.
        let at = text.lines().nth(line - 1).unwrap();
        let last_key = d
            .path
            .rsplit(['.', '['])
            .next()
            .unwrap()
            .trim_end_matches(']');
        assert!(
            at.chars()
                .skip(column - 1)
                .collect::<String>()
                .contains(last_key)
                || at.trim_start().starts_with('{'),
            "{d:?} points at {at:?}"
        );
    }
    let outcome = diagnostics
        .iter()
        .find(|d| d.path == "competency[0].outcome")
        .unwrap();
    let line = text.lines().nth(outcome.line.unwrap() - 1).unwrap();
    assert!(line.contains("\"outcome\": \"o.thinkin\""), "{line}");
    assert!(
        outcome
            .to_string()
            .starts_with("error[unknown_id] mini.json:")
    );
}

#[test]
#[cfg(feature = "toml")] // reads the TOML packs in rules/
fn the_demo_pack_for_another_framework_is_clean() {
    let pack = Pack::from_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/rules/public-service-demo"
    ))
    .unwrap();
    assert!(pack.warnings().is_empty());
    assert_eq!(pack.languages(), ["en".to_owned()]);
}

#[test]
fn links_to_other_standards_are_checked() {
    let diagnostics = mutate(|p| {
        p["catalogue"][0]["activities"] = serde_json::json!(["https://lms.example/a", "no-scheme"]);
        p["catalogue"][1]["activities"] = serde_json::json!(["https://lms.example/a"]);
        // `credential` items are assessed by program assessors, not by the LMS (provider).
        p["catalogue"][3]["activities"] = serde_json::json!(["https://lms.example/x"]);
        p["competency"][0]["references"] = serde_json::json!([
            { "relation": "exact_match", "uri": "https://case.example/items/1" },
            { "relation": "same_as", "uri": "not a uri" }
        ]);
        p["xapi"] = serde_json::json!({ "assessor": "provider" });
        p["equivalency"]["waiver_kind"] = serde_json::json!("course");
        p["credential"] = serde_json::json!({ "valid_months": 0 });
    });
    let found = codes_at(&diagnostics);
    for expected in [
        ("invalid_uri", "catalogue[0].activities[1]"),
        ("duplicate_activity", "catalogue[1].activities[0]"),
        ("assessor_not_accepted", "catalogue[3].activities"),
        ("invalid_value", "competency[0].references[1].relation"),
        ("wrong_kind", "equivalency.waiver_kind"),
        ("out_of_range", "credential.valid_months"),
    ] {
        assert!(
            found.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} not in {found:?}"
        );
    }
    // The uri is checked once the relation reads.
    let diagnostics = mutate(|p| {
        p["competency"][0]["references"] =
            serde_json::json!([{ "relation": "related", "uri": "not a uri" }]);
    });
    assert_eq!(
        codes_at(&diagnostics),
        vec![(
            "invalid_uri".to_owned(),
            "competency[0].references[0].uri".to_owned()
        )]
    );
}

#[test]
fn a_waiver_kind_must_be_an_equivalency_catalogue_kind_the_lms_may_assess() {
    // `credential` is an equivalency catalogue kind assessed by program assessors only.
    let diagnostics = mutate(|p| {
        p["equivalency"]["waiver_kind"] = serde_json::json!("credential");
        p["xapi"] = serde_json::json!({});
    });
    assert_eq!(
        codes_at(&diagnostics),
        vec![(
            "assessor_not_accepted".to_owned(),
            "equivalency.waiver_kind".to_owned()
        )]
    );
    let diagnostics = mutate(|p| p["equivalency"]["waiver_kind"] = serde_json::json!("credentail"));
    assert_eq!(diagnostics.len(), 1);
    assert!(
        diagnostics[0].message.contains("did you mean `credential`"),
        "{}",
        diagnostics[0].message
    );
    assert!(
        mutate(|p| p["equivalency"]["waiver_kind"] = serde_json::json!("credential")).is_empty()
    );
}

#[test]
fn a_misspelt_message_code_gets_the_nearest_code() {
    let diagnostics = mutate(|p| {
        p["messages"] = serde_json::json!({ "en": { "below_min_grades": "Too low: {grade}." } });
    });
    let d = diagnostics
        .iter()
        .find(|d| d.code == "unknown_message")
        .unwrap();
    assert_eq!(d.path, "messages.en.below_min_grades");
    assert!(
        d.message.contains("did you mean `below_min_grade`?"),
        "{}",
        d.message
    );
    // A label is a code too; something far from every code gets no hint.
    let far = mutate(|p| p["messages"] = serde_json::json!({ "en": { "zzzzzzzzzz": "x" } }));
    let d = far.iter().find(|d| d.code == "unknown_message").unwrap();
    assert!(!d.message.contains("did you mean"), "{}", d.message);
    let label = mutate(|p| p["messages"] = serde_json::json!({ "en": { "label.stauts": "État" } }));
    assert!(label.iter().any(|d| d.message.contains("`label.status`")));
}

#[test]
fn matrix_cells_in_the_long_form_are_checked_like_the_short_form() {
    // A described cell and proficiency descriptions are clean when complete.
    let cell = serde_json::json!({
        "level": "skilled",
        "description": { "en": "Writes for the team.", "fr": "Rédige pour l'équipe." },
        "indicators": [{ "en": "Drafts briefs.", "fr": "Rédige des notes." }],
        "ineffective": [{ "en": "Copies templates.", "fr": "Copie des gabarits." }]
    });
    let clean = mutate(|p| {
        p["competency"][0]["expected"]["lead"] = cell.clone();
        p["competency"][0]["proficiency"] =
            serde_json::json!({ "basic": { "en": "Knows it.", "fr": "La connaît." } });
    });
    assert!(clean.is_empty(), "{:?}", codes_at(&clean));
    // Each problem is reported at its place inside the cell.
    let diagnostics = mutate(|p| {
        let mut bad = cell.clone();
        bad["level"] = "guru".into();
        bad["indicators"][0].as_object_mut().unwrap().remove("fr");
        p["competency"][0]["expected"]["lead"] = bad;
        let mut unknown = cell.clone();
        unknown["colour"] = "blue".into();
        p["competency"][3]["expected"]["lead"] = unknown;
        p["competency"][1]["expected"]["lead"] =
            serde_json::json!({ "description": { "en": "x", "fr": "x" } });
        p["competency"][2]["proficiency"] =
            serde_json::json!({ "master": { "en": "x", "fr": "x" } });
    });
    let got = codes_at(&diagnostics);
    for want in [
        ("unknown_id", "competency[0].expected.lead.level"),
        (
            "missing_translation",
            "competency[0].expected.lead.indicators[0].fr",
        ),
        ("unknown_key", "competency[3].expected.lead.colour"),
        ("missing_key", "competency[1].expected.lead.level"),
        ("unknown_id", "competency[2].proficiency.master"),
    ] {
        assert!(
            got.iter().any(|(c, p)| c == want.0 && p == want.1),
            "missing {want:?} in {got:?}"
        );
    }
}

#[test]
fn after_an_entry_that_cannot_be_read_later_entries_keep_their_own_paths() {
    // competency[0] cannot be decoded (an unknown key); the checker's finding on competency[2]
    // names competency[2], not the second entry it decoded.
    let diagnostics = mutate(|p| {
        p["competency"][0]["colour"] = "blue".into();
        p["competency"][2]["outcome"] = "o.nothing".into();
    });
    let got = codes_at(&diagnostics);
    assert!(
        got.contains(&("unknown_key".into(), "competency[0].colour".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("unknown_id".into(), "competency[2].outcome".into())),
        "{got:?}"
    );
}

#[test]
fn a_rule_that_does_not_say_whether_it_is_an_equivalency_gets_a_warning() {
    let mut pack = common::mini();
    pack["rule"][1]
        .as_object_mut()
        .unwrap()
        .remove("equivalency");
    let loaded = Pack::from_json(&pack.to_string()).unwrap();
    let warnings = codes_at(loaded.warnings());
    assert_eq!(
        warnings,
        vec![(
            "equivalency_unstated".to_owned(),
            "rule[1].equivalency".to_owned()
        )]
    );
    // Still taken as an equivalency, as before.
    assert!(loaded.document().rule[1].equivalency);
}

#[test]
fn level_aliases_name_one_level_each_and_no_level_id() {
    let diagnostics = mutate(|p| {
        p["level"][0]["aliases"] = serde_json::json!(["EX-01", "lead", ""]);
        p["level"][1]["aliases"] = serde_json::json!(["EX-01"]);
    });
    let got = codes_at(&diagnostics);
    for want in [
        ("duplicate_id", "level[0].aliases[1]"),
        ("invalid_value", "level[0].aliases[2]"),
        ("duplicate_id", "level[1].aliases[0]"),
    ] {
        assert!(
            got.iter().any(|(c, p)| c == want.0 && p == want.1),
            "missing {want:?} in {got:?}"
        );
    }
    let pack = {
        let mut p: serde_json::Value = serde_json::from_str(GOOD).unwrap();
        p["level"][1]["aliases"] = serde_json::json!(["EX-02"]);
        Pack::from_json(&p.to_string()).unwrap()
    };
    assert_eq!(pack.org_level("EX-02"), Some("lead"));
    assert_eq!(pack.org_level("lead"), Some("lead"));
    assert_eq!(pack.org_level("EX-09"), None);
}

#[test]
fn capping_claims_needs_a_level_to_cap_at() {
    let diagnostics = mutate(|p| {
        let kinds = p["evidence_kind"].as_array_mut().unwrap();
        let project = kinds.iter_mut().find(|k| k["id"] == "project").unwrap();
        project["above_max_level"] = "cap".into();
        project.as_object_mut().unwrap().remove("max_level");
        let reading = kinds.iter_mut().find(|k| k["id"] == "reading").unwrap();
        reading["above_max_level"] = "round".into();
    });
    let got = codes_at(&diagnostics);
    let position = |id: &str| {
        let pack: serde_json::Value = serde_json::from_str(GOOD).unwrap();
        pack["evidence_kind"]
            .as_array()
            .unwrap()
            .iter()
            .position(|k| k["id"] == id)
            .unwrap()
    };
    for want in [
        (
            "not_applicable",
            format!("evidence_kind[{}].above_max_level", position("project")),
        ),
        (
            "invalid_value",
            format!("evidence_kind[{}].above_max_level", position("reading")),
        ),
    ] {
        assert!(
            got.iter().any(|(c, p)| c == want.0 && *p == want.1),
            "missing {want:?} in {got:?}"
        );
    }
}

#[test]
fn outcomes_are_optional_but_all_or_nothing() {
    // Without outcomes, competencies name none: clean.
    let none = mutate(|p| {
        p["outcome"] = serde_json::json!([]);
        for c in p["competency"].as_array_mut().unwrap() {
            c.as_object_mut().unwrap().remove("outcome");
        }
    });
    assert!(none.is_empty(), "{none:?}");
    let absent = mutate(|p| {
        p.as_object_mut().unwrap().remove("outcome");
        for c in p["competency"].as_array_mut().unwrap() {
            c.as_object_mut().unwrap().remove("outcome");
        }
    });
    assert!(absent.is_empty(), "{absent:?}");
    // With outcomes, a competency that names none is an error at its path.
    let missing = mutate(|p| {
        p["competency"][1]
            .as_object_mut()
            .unwrap()
            .remove("outcome");
    });
    assert_eq!(
        codes_at(&missing),
        vec![("missing_key".to_owned(), "competency[1].outcome".to_owned())]
    );
    // Without outcomes, a competency that names one names an unknown outcome.
    let unknown = mutate(|p| {
        p["outcome"] = serde_json::json!([]);
        for c in p["competency"].as_array_mut().unwrap().iter_mut().skip(1) {
            c.as_object_mut().unwrap().remove("outcome");
        }
    });
    assert_eq!(
        codes_at(&unknown),
        vec![("unknown_id".to_owned(), "competency[0].outcome".to_owned())]
    );
}

#[test]
fn a_chosen_set_is_checked() {
    let with = |chosen: serde_json::Value| mutate(move |p| p["completion"][0]["chosen"] = chosen);
    assert!(
        with(serde_json::json!({ "count": 1, "from": ["c.analysis", "c.writing"] })).is_empty()
    );
    // An unknown competency (with a hint), one listed twice, a count outside 1..=size.
    assert_eq!(
        codes_at(&with(
            serde_json::json!({ "count": 3, "from": ["c.analysis", "c.analyses", "c.analysis"] })
        )),
        vec![
            (
                "out_of_range".to_owned(),
                "completion[0].chosen.count".to_owned()
            ),
            (
                "unknown_id".to_owned(),
                "completion[0].chosen.from[1]".to_owned()
            ),
            (
                "duplicate_id".to_owned(),
                "completion[0].chosen.from[2]".to_owned()
            ),
        ]
    );
    assert_eq!(
        codes_at(&with(
            serde_json::json!({ "count": 0, "from": ["c.analysis"] })
        )),
        vec![(
            "out_of_range".to_owned(),
            "completion[0].chosen.count".to_owned()
        )]
    );
    // Unknown keys and a missing `from` are refused like any other table's, with no cascade (the
    // level's completion entry is not also reported missing).
    assert_eq!(
        codes_at(&with(
            serde_json::json!({ "count": 1, "form": ["c.analysis"] })
        )),
        vec![
            (
                "missing_key".to_owned(),
                "completion[0].chosen.from".to_owned()
            ),
            (
                "unknown_key".to_owned(),
                "completion[0].chosen.form".to_owned()
            ),
        ]
    );
}

#[test]
fn choosing_a_competency_the_level_does_not_require_is_a_warning() {
    let mut pack = common::mini();
    // c.people is not required at staff (completion[0]).
    pack["completion"][0]["chosen"] =
        serde_json::json!({ "count": 1, "from": ["c.people", "c.writing"] });
    let pack = Pack::from_json(&pack.to_string()).unwrap();
    assert_eq!(
        codes_at(pack.warnings()),
        vec![(
            "not_applicable".to_owned(),
            "completion[0].chosen.from[0]".to_owned()
        )]
    );
}

/// The errors only (the second scale also brings a warning, tested on its own).
fn errors_at(diagnostics: &[competency_rules::Diagnostic]) -> Vec<(String, String)> {
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    codes_at(&errors)
}

#[test]
fn competencies_are_checked_against_their_own_scale() {
    let mut pack = common::mini();
    two_scales(&mut pack);
    let loaded = Pack::from_json(&pack.to_string()).unwrap();
    // The `reading` kind's maximum (`basic`) is not a level of `attributes`: not capped there.
    assert_eq!(
        codes_at(loaded.warnings()),
        vec![(
            "not_applicable".to_owned(),
            "evidence_kind[4].max_level".to_owned()
        )]
    );
    // A level of the other scale, in a cell and in a grant, is unknown for the competency.
    let wrong = mutate(|p| {
        two_scales(p);
        p["competency"][5]["expected"]["lead"] = serde_json::json!("expert");
        p["catalogue"][0]["grants"] =
            serde_json::json!([{ "competency": "c.integrity", "level": "skilled" }]);
    });
    assert_eq!(
        errors_at(&wrong),
        vec![
            (
                "unknown_id".to_owned(),
                "catalogue[0].grants[0].level".to_owned()
            ),
            (
                "unknown_id".to_owned(),
                "competency[5].expected.lead".to_owned()
            ),
        ]
    );
    // An unknown scale is one error: its levels are not also checked against another scale.
    let unknown = mutate(|p| {
        two_scales(p);
        p["competency"][5]["scale"] = serde_json::json!("atributes");
    });
    assert_eq!(
        errors_at(&unknown),
        vec![("unknown_id".to_owned(), "competency[5].scale".to_owned())]
    );
    assert!(
        unknown
            .iter()
            .find(|d| d.is_error())
            .unwrap()
            .message
            .contains("did you mean `attributes`?"),
        "{unknown:?}"
    );
    // Scale ids are unique; each scale has levels.
    let twice = mutate(|p| {
        two_scales(p);
        p["scale"][1]["id"] = p["scale"][0]["id"].clone();
        p["competency"][5].as_object_mut().unwrap().remove("scale");
        p["competency"][5]["expected"] = serde_json::json!({ "staff": "basic", "lead": "basic" });
    });
    assert_eq!(
        errors_at(&twice),
        vec![("duplicate_id".to_owned(), "scale[1].id".to_owned())]
    );
    let empty = mutate(|p| {
        two_scales(p);
        p["scale"][1]["level"] = serde_json::json!([]);
        p["competency"].as_array_mut().unwrap().pop();
    });
    assert_eq!(
        errors_at(&empty),
        vec![("empty".to_owned(), "scale[1].level".to_owned())]
    );
}

#[test]
fn a_misspelt_level_in_a_cell_is_named_as_the_likely_fix() {
    let found = mutate(|p| {
        let expected = p["competency"][0]["expected"].as_object_mut().unwrap();
        let cell = expected.remove("lead").unwrap();
        expected.insert("lead_role".into(), cell);
    });
    let missing = found
        .iter()
        .find(|d| d.code.code() == "missing_expectation")
        .unwrap();
    assert!(
        missing
            .message
            .contains("is `lead_role` meant to be `lead`?"),
        "{}",
        missing.message
    );
    assert!(codes_at(&found).contains(&(
        "unknown_id".to_owned(),
        "competency[0].expected.lead_role".to_owned()
    )));
}

#[test]
fn a_broken_scale_entry_is_one_error_not_a_flood() {
    // A typo in the default scale's first level: the scales do not shift (which would make the
    // other scale the default and every level unknown).
    let found = mutate(|p| {
        two_scales(p);
        let level = p["scale"][0]["level"][0].as_object_mut().unwrap();
        let name = level.remove("name").unwrap();
        level.insert("nme".into(), name);
    });
    assert_eq!(
        errors_at(&found),
        vec![
            (
                "missing_key".to_owned(),
                "scale[0].level[0].name".to_owned()
            ),
            ("unknown_key".to_owned(), "scale[0].level[0].nme".to_owned()),
        ]
    );
}
