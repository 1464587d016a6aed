//! Structured participants built from the pack's own ids (kinds, items, competencies, levels,
//! roles), so the fuzzer reaches deep into evaluation: every report is valid JSON, and the same
//! evidence in another order gives the same bytes.
#![no_main]

use arbitrary::Arbitrary;
use competency_rules::{Date, Pack, Participant, evaluate};
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use std::sync::OnceLock;

/// The HSLP pack and the ids a participant can use with it (plus a few it does not know).
struct Vocabulary {
    pack: Pack,
    kinds: Vec<String>,
    items: Vec<String>,
    competencies: Vec<String>,
    levels: Vec<String>,
    org_levels: Vec<String>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let Ok(pack) = Pack::hslp() else {
            std::process::abort();
        };
        let doc = pack.document();
        let unknown = || "zz-unknown".to_owned();
        let kinds = doc.evidence_kind.iter().map(|k| k.id.clone()).chain([unknown()]).collect();
        let items = doc.catalogue.iter().map(|i| i.id.clone()).chain([unknown()]).collect();
        let competencies = doc.competency.iter().map(|c| c.id.clone()).chain([unknown()]).collect();
        let levels = doc.scale.all().iter().flat_map(|s| &s.level).map(|l| l.id.clone()).chain([unknown()]).collect();
        let org_levels = doc.level.iter().map(|l| l.id.clone()).collect();
        Vocabulary { pack, kinds, items, competencies, levels, org_levels }
    })
}

fn pick(list: &[String], n: u8) -> String {
    if list.is_empty() {
        return String::new();
    }
    list.get(usize::from(n) % list.len()).cloned().unwrap_or_default()
}

#[derive(Arbitrary, Debug)]
struct Item {
    kind: u8,
    item: Option<u8>,
    day: u16,
    submitted: Option<u16>,
    status: u8,
    role: u8,
    assessor_is_coach: bool,
    grade: Option<u8>,
    claims: Vec<(u8, u8)>,
    topic: Option<u8>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    level: u8,
    enrolled: u16,
    as_of: u16,
    coach_same_org: bool,
    mentor_same_org: bool,
    mentor_by_association: bool,
    evidence: Vec<Item>,
    /// Rotation and swaps that reorder the evidence for the determinism check.
    rotate: u8,
    swaps: Vec<(u8, u8)>,
}

fn day(base: Date, offset: u16) -> String {
    base.add_days(u32::from(offset) % 1500).unwrap_or(base).to_string()
}

fn document(v: &Vocabulary, base: Date, input: &Input, evidence: &[Value]) -> Value {
    json!({
        "id": "p-fuzz", "organization": "org-a", "level": pick(&v.org_levels, input.level),
        "enrolled": day(base, input.enrolled),
        "coach": { "id": "co", "organization": if input.coach_same_org { "org-a" } else { "org-b" } },
        "mentor": { "id": "me", "organization": if input.mentor_same_org { "org-a" } else { "org-c" },
                    "appointed_by": if input.mentor_by_association { "association" } else { "employer" } },
        "evidence": evidence,
    })
}

fuzz_target!(|input: Input| {
    let v = vocabulary();
    let Some(base) = Date::from_ymd(2023, 1, 1) else {
        return;
    };
    const STATUSES: [&str; 4] = ["approved", "approved", "submitted", "rejected"];
    const ROLES: [&str; 6] = ["provider", "coach", "mentor", "program_assessor", "employer", "nobody"];
    let evidence: Vec<Value> = input
        .evidence
        .iter()
        .take(64)
        .enumerate()
        .map(|(i, e)| {
            let role = ROLES.get(usize::from(e.role) % ROLES.len()).copied().unwrap_or_default();
            let mut item = json!({
                "id": format!("e{i}"), "kind": pick(&v.kinds, e.kind), "date": day(base, e.day),
                "status": STATUSES.get(usize::from(e.status) % 4).copied().unwrap_or_default(),
                "assessed_by": { "role": role, "id": if e.assessor_is_coach { "co" } else { "me" } },
            });
            if let Some(map) = item.as_object_mut() {
                if let Some(n) = e.item {
                    map.insert("item".into(), Value::from(pick(&v.items, n)));
                }
                if let Some(s) = e.submitted {
                    map.insert("submitted".into(), Value::from(day(base, s)));
                }
                if let Some(g) = e.grade {
                    map.insert("grade".into(), Value::from(g));
                }
                if let Some(t) = e.topic {
                    map.insert("topic".into(), Value::from(format!("topic-{}", t % 4)));
                }
                if !e.claims.is_empty() {
                    let claims: Vec<Value> = e.claims.iter().take(8).map(|(c, l)| {
                        json!({ "competency": pick(&v.competencies, *c), "level": pick(&v.levels, *l) })
                    }).collect();
                    map.insert("claims".into(), Value::from(claims));
                }
            }
            item
        })
        .collect();
    let as_of = base.add_days(u32::from(input.as_of) % 1800).unwrap_or(base);
    let Ok(participant) = Participant::from_value(document(v, base, &input, &evidence)) else {
        return;
    };
    let Ok(report) = evaluate(&v.pack, &participant, as_of) else {
        return;
    };
    let json = report.to_json();
    assert!(serde_json::from_str::<Value>(&json).is_ok());
    // The same evidence in another order.
    let mut reordered = evidence.clone();
    if !reordered.is_empty() {
        let len = reordered.len();
        reordered.rotate_left(usize::from(input.rotate) % len);
        for (a, b) in &input.swaps {
            reordered.swap(usize::from(*a) % len, usize::from(*b) % len);
        }
    }
    let Ok(other) = Participant::from_value(document(v, base, &input, &reordered)) else {
        panic!("the reordered document did not read");
    };
    let again = evaluate(&v.pack, &other, as_of).map(|r| r.to_json());
    assert_eq!(again.ok().as_deref(), Some(json.as_str()), "evidence order changed the report");
});
