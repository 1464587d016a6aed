//! The example participants give the reports the program would expect, and the command line works.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers outside #[test] functions should fail loudly on bad fixtures"
)]

use competency_rules::report::{CompetencyState, Status};
use competency_rules::{Pack, evaluate_json};
use std::process::Command;

fn report(name: &str) -> competency_rules::Report {
    let pack = Pack::hslp().unwrap();
    let text = std::fs::read_to_string(format!(
        "{}/examples/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    evaluate_json(&pack, &text, "2026-11-24".parse().unwrap()).unwrap()
}

#[test]
fn statuses_span_the_program() {
    assert_eq!(report("01-new-enrolee").status, Status::Enrolled);
    assert_eq!(
        report("02-in-progress-supervisor").status,
        Status::InProgress
    );
    assert_eq!(
        report("04-ready-for-final-assignment").status,
        Status::ReadyForFinalAssignment
    );
    assert_eq!(report("06-lapsed").status, Status::Lapsed);
    let senior = report("05-completed-senior-leader");
    assert_eq!(senior.status, Status::Completed);
    assert_eq!(senior.level_attained.as_deref(), Some("senior_leader"));
    assert!(senior.next_level.is_none());
}

#[test]
fn the_problem_participant_gets_every_reason() {
    let r = report("03-problems");
    let codes: Vec<&str> = r.not_counted.iter().map(|n| n.reason.code.code()).collect();
    for code in [
        "expired",
        "rejected",
        "over_prior_learning_cap",
        "outside_claim_window",
        "unknown_item",
        "below_min_grade",
        "assessor_not_allowed",
        "ineligible_mentor",
        "future_date",
        "equivalency_not_allowed",
        "unknown_competency",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    let findings: Vec<&str> = r.findings.iter().map(|f| f.reason.code.code()).collect();
    assert!(findings.contains(&"mentor_same_organization"));
    assert!(findings.contains(&"unknown_field"));
    assert_eq!(
        r.requirement("mentoring").map(|m| m.reason.code.code()),
        Some("mentoring_ineligible_mentor")
    );
}

#[test]
fn pending_work_shows_as_pending_review() {
    let r = report("02-in-progress-supervisor");
    let evaluation = r.competency("ssm.evaluation").unwrap();
    assert_eq!(evaluation.pending, vec!["wp-2".to_owned()]);
    // Evaluation is met through the course at working for a supervisor? The course gives working,
    // a supervisor needs awareness: met, so pending evidence does not change the state.
    assert_eq!(evaluation.state, CompetencyState::Met);
}

#[test]
fn override_precedence_is_explained() {
    let r = report("07-override-manager");
    let systems = r.competency("ssm.systems_thinking").unwrap();
    let o = systems.override_.as_ref().unwrap();
    assert_eq!(
        (systems.achieved.as_deref(), o.effect),
        (Some("proficient"), "not_applied")
    );
    let council = r.competency("rel.council_board").unwrap();
    assert_eq!(council.achieved.as_deref(), Some("proficient"));
    assert_eq!(
        council.override_.as_ref().map(|o| o.evidence.as_str()),
        Some("ov-2")
    );
}

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_competency-rules"))
}

#[test]
fn cli_evaluates_and_explains_in_both_languages() {
    let out = cli()
        .args([
            "evaluate",
            "--as-of",
            "2026-11-24",
            "examples/05-completed-senior-leader.json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["status"], "completed");
    let fr = cli()
        .args([
            "evaluate",
            "--as-of",
            "2026-11-24",
            "--format",
            "text",
            "--lang",
            "fr",
            "examples/03-problems.json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let text = String::from_utf8(fr.stdout).unwrap();
    assert!(text.contains("Preuves non comptées"), "{text}");
    assert!(text.contains("Le mentor"), "{text}");
    // A language the pack does not have is refused in either format, not silently ignored.
    for format in ["json", "text"] {
        let de = cli()
            .args([
                "evaluate",
                "--as-of",
                "2026-11-24",
                "--format",
                format,
                "--lang",
                "de",
            ])
            .arg("examples/03-problems.json")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert_eq!(de.status.code(), Some(2), "{format}");
        assert!(de.stdout.is_empty(), "{format}");
        let err = String::from_utf8(de.stderr).unwrap();
        assert!(err.contains("no language `de` (it has: en, fr)"), "{err}");
    }
}

#[test]
fn cli_check_exits_1_on_errors_and_names_the_place() {
    let dir = std::env::temp_dir().join(format!("cr-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("pack.toml"),
        "format = \"competency-rules/pack@1\"\n[program]\nid = \"x\"\n",
    )
    .unwrap();
    let out = cli()
        .args(["check", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("pack.toml:2:2 at `program.version`: missing key `version`"),
        "{text}"
    );
    let ok = cli()
        .args(["check", concat!(env!("CARGO_MANIFEST_DIR"), "/rules/hslp")])
        .output()
        .unwrap();
    assert!(ok.status.success());
    // A JSON pack with a misspelt id: file, line and column too.
    let mut pack: serde_json::Value =
        serde_json::from_str(include_str!("conformance/packs/mini.json")).unwrap();
    pack["competency"][0]["outcome"] = "o.thinkin".into();
    let file = dir.join("mini.json");
    let written = serde_json::to_string_pretty(&pack).unwrap();
    std::fs::write(&file, &written).unwrap();
    let line = 1 + written
        .lines()
        .position(|l| l.contains("\"outcome\": \"o.thinkin\""))
        .unwrap();
    let out = cli()
        .args(["check", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let expected = format!(
        "mini.json:{line}:7 at `competency[0].outcome`: there is no learning outcome `o.thinkin`; did you mean `o.thinking`?"
    );
    assert!(text.contains(&expected), "{text}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn cli_reads_xapi_statements_from_a_directory_and_says_what_became_of_them() {
    let out = cli()
        .args([
            "evaluate",
            "--as-of",
            "2026-11-24",
            "--xapi",
            "examples/xapi",
            "examples/08-xapi-learner.json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "10 statements: 3 became evidence, 1 voided others, 6 reported as not counted"
        ),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["not_counted"].as_array().map(Vec::len), Some(6));
    // Without the statements, the learner has nothing.
    let plain = report("08-xapi-learner");
    assert_eq!(plain.status, Status::Enrolled);

    let empty = std::env::temp_dir().join(format!("cr-xapi-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let out = cli()
        .args(["evaluate", "--as-of", "2026-11-24", "--xapi"])
        .arg(&empty)
        .arg("examples/08-xapi-learner.json")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no .json files of statements"));
    // A participant without agents cannot be matched to any statement: a clear error.
    let out = cli()
        .args([
            "evaluate",
            "--as-of",
            "2026-11-24",
            "--xapi",
            "examples/xapi",
            "examples/01-new-enrolee.json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has no `agents`"));
    std::fs::remove_dir_all(&empty).unwrap();
}

#[test]
fn the_text_report_names_levels_and_proficiencies_apart_when_their_ids_are_the_same() {
    // A role-based framework: the organizational levels are called as the proficiencies are.
    let pack = include_str!("conformance/packs/mini.json")
        .replace("\"staff\"", "\"basic\"")
        .replace("\"lead\"", "\"skilled\"");
    let pack = Pack::from_json(&pack).unwrap();
    let participant = r#"{
        "id": "p1", "organization": "org-a", "level": "basic", "enrolled": "2026-01-01",
        "evidence": [{
            "id": "e1", "kind": "course", "item": "course.a", "date": "2026-02-01",
            "grade": 80, "status": "approved", "assessed_by": { "role": "provider" }
        }]
    }"#;
    let report = evaluate_json(&pack, participant, "2026-06-01".parse().unwrap()).unwrap();
    let text = competency_rules::explain::explain(&pack, &report, "fr");
    // The organizational level `basic` is « Personnel »; the proficiency `basic` is « De base ».
    assert!(text.contains("Niveau\u{a0}: Personnel\n"), "{text}");
    assert!(text.contains("requis De base"), "{text}");
    assert!(!text.contains("requis Personnel"), "{text}");
    assert_eq!(
        pack.name(competency_rules::pack::Named::Level, "skilled", "en"),
        Some("Lead")
    );
    assert_eq!(
        pack.name(competency_rules::pack::Named::Proficiency, "skilled", "en"),
        Some("Skilled")
    );
}

#[test]
fn cli_refusing_a_participant_prints_no_report_and_the_place_once() {
    let dir = std::env::temp_dir().join(format!("cr-refused-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.json");
    std::fs::write(&file, "{\"id\": \"p\",\n \"evidence\": [ }").unwrap();
    let out = cli()
        .args(["evaluate", "--as-of", "2026-11-24"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("broken.json:2:16: "), "{err}");
    assert!(!err.contains("line 2"), "the place is said once: {err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cli_says_when_a_participant_seems_to_belong_to_another_pack() {
    let dir = std::env::temp_dir().join(format!("cr-foreign-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let case: serde_json::Value = serde_json::from_str(include_str!(
        "conformance/cases/062-level-attained-lead.json"
    ))
    .unwrap();
    let file = dir.join("mini-participant.json");
    std::fs::write(&file, case["participant"].to_string()).unwrap();
    // Without --pack: the built-in pack is named, and the hint says what it lacks.
    let out = cli()
        .args(["evaluate", "--as-of", "2026-11-24"])
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("built-in hslp pack"), "{err}");
    assert!(err.contains("level `staff`"), "{err}");
    assert!(err.contains("did you mean to pass --pack?"), "{err}");
    // With the right pack: no hint.
    let out = cli()
        .args(["evaluate", "--as-of", "2026-11-24", "--pack"])
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/conformance/packs/mini.json"
        ))
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8(out.stderr).unwrap().contains("--pack"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_participant_left_in_a_pack_folder_is_named_as_such_once() {
    let dir = std::env::temp_dir().join(format!("cr-packdir-{}", std::process::id()));
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(format!("{root}/rules/public-service-demo")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::copy(
        format!("{root}/examples/02-in-progress-supervisor.json"),
        dir.join("participant.json"),
    )
    .unwrap();
    let out = cli().arg("check").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("error")).collect();
    assert_eq!(errors.len(), 1, "{text}");
    assert!(errors[0].contains("not_a_pack_file"), "{text}");
    assert!(
        errors[0].contains("looks like a participant document"),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `plan` in text (English and French) and JSON, and `evaluate --plan` projecting the plan it
/// wrote.
#[cfg(feature = "planning")]
#[test]
fn cli_plans_explains_the_plan_and_projects_it() {
    let run = |args: &[&str]| {
        let out = cli()
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let file = "examples/02-in-progress-supervisor.json";
    let en = run(&["plan", "--as-of", "2026-11-24", file]);
    assert!(
        en.contains("This plan is a proven minimum: 9 items, 146 h, cost 4,800."),
        "{en}"
    );
    assert!(
        en.contains(
            "Competencies met: 12 → 24 of 51\n  Next level: 10% → 27% of its profile (75% needed)"
        ),
        "{en}"
    );
    assert!(en.contains("  9. Supervisor Health and Safety (internal) (internal training; 6 h; cost 0) — closes: Workplace health and safety (Working knowledge)"), "{en}");
    assert!(en.contains("Can be shown by: self-study assignment (coach, program assessor); work project (coach, program assessor)"), "{en}");
    assert!(
        en.contains("Professional municipal manager designation: Claimed on November 24, 2026"),
        "{en}"
    );
    let fr = run(&[
        "plan",
        "--as-of",
        "2026-11-24",
        "--lang",
        "fr",
        "--by",
        "hours",
        file,
    ]);
    assert!(
        fr.contains(
            "Ce plan est un minimum prouvé\u{a0}: 9 éléments, 146\u{a0}h, coût 4\u{a0}800."
        ),
        "{fr}"
    );
    assert!(
        fr.contains("Ce qu'aucun élément du catalogue ne permet d'atteindre\u{a0}:"),
        "{fr}"
    );
    // The plan as JSON, then evaluated with it: the projection names the plan's items.
    let json = run(&["plan", "--as-of", "2026-11-24", "--format", "json", file]);
    let dir = std::env::temp_dir().join(format!("cr-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plan_file = dir.join("plan.json");
    std::fs::write(&plan_file, &json).unwrap();
    let report = run(&[
        "evaluate",
        "--as-of",
        "2026-11-24",
        "--plan",
        plan_file.to_str().unwrap(),
        file,
    ]);
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    let planned = report["projection"]["planned"].as_array().unwrap();
    assert_eq!(planned.len(), 9);
    assert!(planned.contains(&serde_json::json!("plan:partner.negotiation")));
    // Actual standing unchanged; in the projection, negotiation is met.
    let negotiation = |r: &serde_json::Value| {
        r["competencies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "rel.negotiation")
            .unwrap()["state"]
            .clone()
    };
    assert_ne!(negotiation(&report), "met");
    assert_eq!(negotiation(&report["projection"]["report"]), "met");
    // Statements count before planning: courses the LMS reports done are not planned again.
    let with = run(&[
        "plan",
        "--as-of",
        "2026-11-24",
        "--xapi",
        "examples/xapi",
        "examples/08-xapi-learner.json",
    ]);
    let without = run(&[
        "plan",
        "--as-of",
        "2026-11-24",
        "examples/08-xapi-learner.json",
    ]);
    assert!(
        without.contains("Human Services Integration 101 ("),
        "{without}"
    );
    assert!(!with.contains("Human Services Integration 101 ("), "{with}");
    // A target that cannot be planned is refused with the reason.
    let out = cli()
        .args([
            "plan",
            "--as-of",
            "2026-11-24",
            "--target",
            "next",
            "examples/05-completed-senior-leader.json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no next level"));
    std::fs::remove_dir_all(&dir).unwrap();
}
