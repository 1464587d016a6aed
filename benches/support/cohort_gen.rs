//! Generated participants for benchmarks and sample cohorts: deterministic (a seed and an index
//! give the same participant), built from the pack's own levels, matrix and catalogue, and mixed
//! as a program's records are: mostly in progress, some completed, some lapsed, some ready for the
//! next level, some with evidence problems (unknown kinds and competencies, bad dates, duplicate
//! ids, wrong assessors, items waiting for review).
//!
//! Used by `benches/steps.rs` and by the `generate` example (`cargo run --release --example
//! generate -- 1000 > cohort.jsonl`).

use competency_rules::Pack;
use serde_json::{Value, json};

/// A small deterministic generator (SplitMix64): no dependency, same numbers on every machine.
pub struct Rng(u64);

impl Rng {
    /// A generator for participant `index` of the cohort `seed`.
    pub fn new(seed: u64, index: u64) -> Self {
        Rng(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// One of `items` (not empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What the generator draws from: the pack's ids.
pub struct Material {
    levels: Vec<String>,
    proficiency: Vec<String>,
    competencies: Vec<String>,
    /// Per organizational level: each competency's required proficiency id, if required.
    expected: Vec<Vec<Option<String>>>,
    /// Catalogue items with their kind.
    catalogue: Vec<(String, String)>,
}

impl Material {
    /// The material of `pack`.
    pub fn of(pack: &Pack) -> Self {
        let doc = pack.document();
        let levels: Vec<String> = doc.level.iter().map(|l| l.id.clone()).collect();
        let competencies: Vec<String> = doc.competency.iter().map(|c| c.id.clone()).collect();
        let as_json = serde_json::to_value(doc).unwrap_or(Value::Null);
        let expected = levels
            .iter()
            .map(|level| {
                (0..competencies.len())
                    .map(|ci| {
                        // A cell is a level id, or a described cell `{level, description}`.
                        let cell = &as_json["competency"][ci]["expected"][level];
                        cell.as_str()
                            .or_else(|| cell["level"].as_str())
                            .map(str::to_owned)
                    })
                    .collect()
            })
            .collect();
        Material {
            proficiency: doc.scale.all()[0]
                .level
                .iter()
                .map(|l| l.id.clone())
                .collect(),
            catalogue: doc
                .catalogue
                .iter()
                .map(|i| (i.id.clone(), i.kind.clone()))
                .collect(),
            levels,
            competencies,
            expected,
        }
    }
}

/// The kinds of record the generator makes, with their share of a cohort (percent).
const PROFILES: [(Profile, u64); 5] = [
    (Profile::InProgress, 55),
    (Profile::Completed, 15),
    (Profile::Lapsed, 10),
    (Profile::Problems, 12),
    (Profile::New, 8),
];

#[derive(Clone, Copy)]
enum Profile {
    InProgress,
    Completed,
    Lapsed,
    Problems,
    New,
}

fn date(year: u32, day_of_year: usize) -> String {
    let month = 1 + (day_of_year / 28) % 12;
    let day = 1 + day_of_year % 28;
    format!("{year}-{month:02}-{day:02}")
}

fn assessor(kind: &str) -> &'static str {
    match kind {
        "designation" => "program_assessor",
        "internal_training" => "employer",
        _ => "provider",
    }
}

/// Participant `index` of cohort `seed`, about `evidence` items, evaluated as of late 2026.
pub fn participant(m: &Material, seed: u64, index: u64, evidence: usize) -> Value {
    let mut rng = Rng::new(seed, index);
    let mut roll = rng.below(100) as u64;
    let mut profile = Profile::InProgress;
    for (p, share) in PROFILES {
        if roll < share {
            profile = p;
            break;
        }
        roll -= share;
    }
    let li = rng.below(m.levels.len());
    let level = &m.levels[li];
    let org = format!("org-{:02}", rng.below(12) + 1);
    let other_org = format!("org-{:02}", rng.below(12) + 13);
    let enrolled = match profile {
        Profile::Lapsed => date(2022, rng.below(300)),
        Profile::New => date(2026, 250 + rng.below(60)),
        _ => date(2025, rng.below(330)),
    };
    let year = match profile {
        Profile::Lapsed => 2023,
        _ => 2026,
    };
    let mut items: Vec<Value> = Vec::new();
    let id = |n: usize| format!("e{n}");
    let n = match profile {
        Profile::New => rng.below(3),
        _ => evidence.max(4) - 2 + rng.below(5),
    };
    if let Profile::Completed = profile {
        // One assessed project claiming every competency at its required level (or one above);
        // for some, every one above, which readies many for the next level.
        let ahead = rng.chance(40);
        let claims: Vec<Value> = (0..m.competencies.len())
            .filter_map(|ci| {
                let required = m.expected[li][ci].as_ref()?;
                let rank = m.proficiency.iter().position(|p| p == required)?;
                let up = if ahead { 1 } else { rng.below(2) };
                let rank = (rank + up).min(m.proficiency.len() - 1);
                Some(json!({"competency": m.competencies[ci], "level": m.proficiency[rank]}))
            })
            .collect();
        items.push(json!({"id": "wp-all", "kind": "work_project", "date": date(2026, rng.below(200)),
            "status": "approved", "assessed_by": {"role": "program_assessor", "id": "pa-1"}, "claims": claims}));
        for s in 0..6 {
            items.push(json!({"id": format!("cs-{s}"), "kind": "coaching_session", "date": date(2026, s * 20),
                "status": "approved", "assessed_by": {"role": "coach", "id": "c1"}}));
        }
        for s in 0..4 {
            items.push(json!({"id": format!("mc-{s}"), "kind": "mentoring_conversation", "date": date(2026, s * 30),
                "status": "approved", "assessed_by": {"role": "mentor", "id": "m1"}}));
        }
        items.push(json!({"id": "fa", "kind": "final_assignment", "date": date(2026, 280), "status": "approved",
            "topic": "hsi", "grade": 70 + rng.below(30), "assessed_by": {"role": "program_assessor", "id": "pa-1"}}));
    }
    while items.len() < n {
        let k = items.len();
        let day = rng.below(320);
        let item = match rng.below(10) {
            0..=3 => {
                let (item, kind) = rng.pick(&m.catalogue);
                json!({"id": id(k), "kind": kind, "item": item, "date": date(year, day), "grade": 60 + rng.below(40),
                    "status": "approved", "assessed_by": {"role": assessor(kind)}})
            }
            4 | 5 => {
                let claims: Vec<Value> = (0..1 + rng.below(3))
                    .map(|_| json!({"competency": rng.pick(&m.competencies), "level": rng.pick(&m.proficiency)}))
                    .collect();
                let status = if rng.chance(20) {
                    "submitted"
                } else {
                    "approved"
                };
                json!({"id": id(k), "kind": "work_project", "date": date(year, day), "status": status,
                    "assessed_by": {"role": "coach", "id": "c1"}, "claims": claims})
            }
            6 => {
                json!({"id": id(k), "kind": "self_study", "date": date(year, day), "status": "approved",
                "assessed_by": {"role": "coach", "id": "c1"},
                "claims": [{"competency": rng.pick(&m.competencies), "level": "working"}]})
            }
            7 | 8 => json!({"id": id(k), "kind": "coaching_session", "date": date(year, day),
                "status": "approved", "assessed_by": {"role": "coach", "id": "c1"}}),
            _ => json!({"id": id(k), "kind": "mentoring_conversation", "date": date(year, day),
                "status": "approved", "assessed_by": {"role": "mentor", "id": "m1"}}),
        };
        items.push(item);
    }
    // Some in progress are close to the next level: a project shows the next level's profile but
    // for one to three competencies (drawn apart, so the rest of the cohort stays as it was).
    let mut near = Rng::new(seed ^ 0x6e65_6172, index);
    if matches!(profile, Profile::InProgress) && li + 1 < m.levels.len() && near.chance(25) {
        let mut claims: Vec<Value> = (0..m.competencies.len())
            .filter_map(|ci| {
                let expected = m.expected[li + 1][ci].as_ref()?;
                Some(json!({"competency": m.competencies[ci], "level": expected}))
            })
            .collect();
        for _ in 0..1 + near.below(3) {
            if !claims.is_empty() {
                let at = near.below(claims.len());
                claims.remove(at);
            }
        }
        items.push(json!({"id": "wp-next", "kind": "work_project", "date": date(2026, near.below(200)),
            "status": "approved", "assessed_by": {"role": "program_assessor", "id": "pa-1"}, "claims": claims}));
    }
    if let Profile::Problems = profile {
        let k = items.len();
        items.push(
            json!({"id": id(k), "kind": "webinar", "date": date(2026, 10), "status": "approved",
            "assessed_by": {"role": "provider"}}),
        );
        items.push(json!({"id": id(k + 1), "kind": "work_project", "date": "2026-02-30", "status": "approved",
            "assessed_by": {"role": "coach", "id": "c1"}, "claims": [{"competency": "ssm.unknown", "level": "working"}]}));
        items.push(json!({"id": id(k), "kind": "coaching_session", "date": date(2026, 40), "status": "approved",
            "assessed_by": {"role": "coach", "id": "c1"}}));
        let (item, kind) = rng.pick(&m.catalogue);
        items.push(
            json!({"id": id(k + 2), "kind": kind, "item": item, "date": date(2026, 50), "grade": 90,
            "status": "approved", "assessed_by": {"role": "mentor"}}),
        );
    }
    // Evidence in no particular order, as systems export it.
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
    json!({
        "id": format!("p{seed:x}-{index:07}"),
        "organization": org,
        "level": level,
        "enrolled": enrolled,
        "coach": {"id": "c1", "organization": org},
        "mentor": {"id": "m1", "organization": other_org, "appointed_by": "association"},
        "evidence": items,
    })
}
