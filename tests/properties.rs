//! Property tests: evidence order never changes the report; adding approved, current evidence
//! never lowers an achieved level or the status; evaluation is repeatable to the byte; no input panics.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers outside #[test] functions should fail loudly on bad fixtures"
)]
#![cfg_attr(
    feature = "planning",
    expect(
        clippy::indexing_slicing,
        reason = "test helpers outside #[test] functions should fail loudly on bad fixtures"
    )
)]

use competency_rules::report::Status;
use competency_rules::{Pack, Participant, evaluate};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::sync::OnceLock;

fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| Pack::from_json(include_str!("conformance/packs/mini.json")).unwrap())
}

#[path = "common/mini_participants.rs"]
mod mini_participants;
use mini_participants::{COMPETENCIES, ITEMS, LEVELS, date, evidence_list, participant_with};

fn run(doc: &Value, as_of: &str) -> competency_rules::Report {
    let p = Participant::from_value(doc.clone()).unwrap();
    evaluate(pack(), &p, as_of.parse().unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn evidence_order_does_not_change_the_report(evidence in evidence_list(), seed in any::<u64>(), lead in any::<bool>()) {
        let level = if lead { "lead" } else { "staff" };
        let mut shuffled = evidence.clone();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let a = run(&participant_with(evidence, level), "2026-09-01");
        let b = run(&participant_with(shuffled, level), "2026-09-01");
        prop_assert_eq!(a.to_json(), b.to_json());
    }

    #[test]
    fn evaluating_twice_gives_identical_bytes(evidence in evidence_list()) {
        let doc = participant_with(evidence, "staff");
        prop_assert_eq!(run(&doc, "2026-09-01").to_json(), run(&doc, "2026-09-01").to_json());
    }

    #[test]
    fn adding_approved_current_evidence_never_lowers_anything(
        evidence in evidence_list(),
        comps in prop::collection::vec((0usize..5, 0usize..3), 1..3),
        course in 0usize..3,
        day in 0u32..400,
    ) {
        // Overrides can lower under override_wins, and the cap is a deliberate limit on what
        // equivalency adds; the property is about ordinary evidence: projects and courses.
        let base = participant_with(evidence.clone(), "staff");
        let before = run(&base, "2026-09-01");
        let added = [
            json!({"id": "new-project", "kind": "project", "date": date(day), "status": "approved",
                   "assessed_by": {"role": "coach", "id": "co"},
                   "claims": comps.iter().map(|(c, l)| json!({"competency": COMPETENCIES[*c], "level": LEVELS[*l]})).collect::<Vec<_>>()}),
            json!({"id": "new-course", "kind": "course", "date": date(day), "status": "approved", "grade": 90,
                   "assessed_by": {"role": "provider"}, "item": ITEMS[course]}),
        ];
        for extra in added {
            let mut more = evidence.clone();
            more.push(extra);
            let after = run(&participant_with(more, "staff"), "2026-09-01");
            let rank = |l: &Option<std::sync::Arc<str>>| l.as_deref().map_or(-1, |l| LEVELS.iter().position(|x| *x == l).unwrap() as i32);
            for (b, a) in before.competencies.iter().zip(&after.competencies) {
                prop_assert!(rank(&a.achieved) >= rank(&b.achieved), "{} fell from {:?} to {:?}", b.id, b.achieved, a.achieved);
            }
            let order = |s: Status| match s { Status::Lapsed => 0, Status::Enrolled => 1, Status::InProgress => 2, Status::ReadyForFinalAssignment => 3, Status::Completed => 4, other => panic!("a status this test does not rank: {other:?}") };
            if before.status != Status::Lapsed {
                prop_assert!(order(after.status) >= order(before.status), "status fell from {:?} to {:?}", before.status, after.status);
            }
        }
    }

    #[test]
    fn no_json_value_panics(doc in arbitrary_json(), as_of in 0u32..800) {
        if let Ok(p) = Participant::from_value(doc) {
            let _ = evaluate(pack(), &p, date(as_of).parse().unwrap());
        }
    }

    #[test]
    fn no_text_panics(text in ".{0,200}") {
        let _ = Participant::from_json(&text);
        let _ = Pack::from_json(&text);
        #[cfg(feature = "toml")]
        let _ = Pack::from_toml(&text);
    }

    #[test]
    fn participant_shaped_noise_never_panics(evidence in prop::collection::vec(arbitrary_json(), 0..6), level in prop::sample::select(vec!["staff", "lead", "boss"])) {
        let doc = participant_with(evidence, level);
        if let Ok(p) = Participant::from_value(doc) {
            let _ = evaluate(pack(), &p, "2026-01-01".parse().unwrap());
        }
    }
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        prop::sample::select(vec![
            "",
            "e1",
            "project",
            "course.a",
            "approved",
            "2026-01-01",
            "2026-02-30",
            "coach",
            "c.analysis",
            "basic"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "id",
                    "kind",
                    "date",
                    "status",
                    "item",
                    "grade",
                    "claims",
                    "assessed_by",
                    "role",
                    "competency",
                    "level",
                    "topic",
                    "organization",
                    "enrolled",
                    "evidence",
                    "x"
                ])
                .prop_map(str::to_owned),
                inner,
                0..6,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[cfg(feature = "toml")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// A pack written as TOML and as JSON has one fingerprint, whatever its numbers and texts:
    /// both readers read numbers exactly (17-digit decimals included) and strings alike.
    #[test]
    fn toml_and_json_packs_have_equal_fingerprints(
        grades in prop::collection::vec(0.0f64..=100.0, 3),
        name in "\\PC{0,24}",
        months in 1u32..120,
    ) {
        let mut doc: Value = serde_json::from_str(include_str!("conformance/packs/mini.json")).unwrap();
        for (item, grade) in doc["catalogue"].as_array_mut().unwrap().iter_mut().zip(&grades) {
            item["min_grade"] = json!(grade);
        }
        doc["program"]["name"]["fr"] = json!(format!("Programme {name}"));
        doc["catalogue"][0]["valid_months"] = json!(months);
        let json_text = doc.to_string();
        let toml_text = toml::to_string(&doc).unwrap();
        let from_json = Pack::from_json(&json_text);
        let from_toml = Pack::from_toml(&toml_text);
        match (from_json, from_toml) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a.info().fingerprint, b.info().fingerprint),
            (a, b) => prop_assert!(false, "{:?} / {:?}", a.err().map(|e| e.to_string()), b.err().map(|e| e.to_string())),
        }
    }
}

#[cfg(feature = "planning")]
use mini_participants::KINDS;

/// What-if (the `planning` feature).
#[cfg(feature = "planning")]
mod what_if {
    use super::*;

    /// The role (and person) a planned item of each kind of the test pack is assessed by in the
    /// projection: the first role the kind accepts, the participant's own coach or mentor.
    fn planned_assessor(kind: &str) -> Option<Value> {
        let (role, id) = match kind {
            "course" => ("provider", None),
            "project" | "reading" | "coaching" => ("coach", Some("co")),
            "mentoring" => ("mentor", Some("me")),
            "prior" | "credential" | "final" | "rating" => ("program_assessor", None),
            _ => return None,
        };
        Some(match id {
            Some(id) => json!({ "role": role, "id": id }),
            None => json!({ "role": role }),
        })
    }

    prop_compose! {
        fn planned(index: usize)(
            kind in 0..KINDS.len(), day in 300u32..700, item in 0..ITEMS.len(), grade in 0u32..=100,
            claims in prop::collection::vec((0..COMPETENCIES.len(), 0..LEVELS.len()), 0..3),
        ) -> Value {
            json!({
                "id": format!("p{index}"), "kind": KINDS[kind], "date": date(day), "item": ITEMS[item],
                "grade": grade,
                "claims": claims.iter().map(|(c, l)| json!({"competency": COMPETENCIES[*c], "level": LEVELS[*l]})).collect::<Vec<_>>(),
            })
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(150))]

        /// A planned item is never counted as actual, and the projection is the report of the
        /// participant with the planned items added as approved evidence dated on their planned
        /// dates, evaluated on the last of those dates (or the evaluation date, if later).
        #[test]
        fn the_projection_is_the_plans_evaluated_as_evidence(
            evidence in evidence_list(),
            plans in (0usize..6).prop_flat_map(|n| (0..n).map(planned).collect::<Vec<_>>()),
            lead in any::<bool>(),
        ) {
            let level = if lead { "lead" } else { "staff" };
            let as_of = "2026-06-01";
            let mut with_plans = participant_with(evidence.clone(), level);
            with_plans["planned"] = Value::Array(plans.clone());
            let report = run(&with_plans, as_of);

            let mut actual = report.clone();
            let projection = actual.projection.take();
            prop_assert_eq!(actual.to_json(), run(&participant_with(evidence.clone(), level), as_of).to_json());
            let Some(projection) = projection else {
                prop_assert!(plans.is_empty());
                return Ok(());
            };

            let mut moved = evidence;
            let mut last = as_of.to_owned();
            for plan in &plans {
                let mut item = plan.clone();
                item["status"] = "approved".into();
                item["submitted"] = plan["date"].clone();
                if let Some(assessor) = planned_assessor(plan["kind"].as_str().unwrap()) {
                    item["assessed_by"] = assessor;
                }
                last = last.max(plan["date"].as_str().unwrap().to_owned());
                moved.push(item);
            }
            let expected = run(&participant_with(moved, level), &last);
            prop_assert_eq!(projection.as_of.to_string(), last);
            // (Findings about plans dated after the time limit are the projection's own.)
            let mut report = projection.report.clone();
            report.findings.retain(|f| f.reason.code.code() != "planned_after_time_limit");
            prop_assert_eq!(report.to_json(), expected.to_json());
        }
    }
}
