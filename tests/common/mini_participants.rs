//! Generated participants for the test pack (`conformance/packs/mini.json`): evidence of every
//! kind, known and unknown, in every review state, with assessors right and wrong (proptest
//! strategies shared by `tests/properties.rs` and `tests/stream.rs`).
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test fixtures should fail loudly"
)]

use competency_rules::Date;
use proptest::prelude::*;
use serde_json::{Value, json};

pub const COMPETENCIES: &[&str] = &[
    "c.analysis",
    "c.planning",
    "c.people",
    "c.capstone",
    "c.writing",
    "c.unknown",
];
pub const LEVELS: &[&str] = &["basic", "skilled", "expert", "guru"];
pub const KINDS: &[&str] = &[
    "prior",
    "course",
    "credential",
    "project",
    "reading",
    "coaching",
    "mentoring",
    "final",
    "rating",
    "nope",
];
pub const ITEMS: &[&str] = &["course.a", "course.b", "course.c", "cred.x", "zzz"];
pub const STATUSES: &[&str] = &["approved", "approved", "submitted", "rejected"];
pub const ROLES: &[(&str, &str)] = &[
    ("provider", ""),
    ("coach", "co"),
    ("mentor", "me"),
    ("program_assessor", "pa"),
    ("coach", "x"),
];

/// `day` days from 2025-06-01.
pub fn date(day: u32) -> String {
    // Days from 2025-06-01, up to about 16 months.
    let base: Date = "2025-06-01".parse().unwrap();
    base.add_days(day).unwrap().to_string()
}

prop_compose! {
    /// Evidence item `index`.
    pub fn evidence(index: usize)(
        kind in 0..KINDS.len(), status in 0..STATUSES.len(), role in 0..ROLES.len(), day in 0u32..480,
        item in 0..ITEMS.len(), grade in prop::option::of(0u32..=100),
        claims in prop::collection::vec((0..COMPETENCIES.len(), 0..LEVELS.len()), 0..3),
        topic in prop::option::of(prop::sample::select(vec!["t1", "t2", "t9"])),
    ) -> Value {
        let (role, id) = ROLES[role];
        let mut e = json!({
            "id": format!("e{index}"), "kind": KINDS[kind], "date": date(day), "status": STATUSES[status],
            "assessed_by": {"role": role, "id": id}, "item": ITEMS[item],
            "claims": claims.iter().map(|(c, l)| json!({"competency": COMPETENCIES[*c], "level": LEVELS[*l]})).collect::<Vec<_>>(),
        });
        if let Some(g) = grade { e["grade"] = g.into(); }
        if let Some(t) = topic { e["topic"] = t.into(); }
        e
    }
}

/// A participant at `level` (`staff` or `lead`) with `evidence`.
pub fn participant_with(evidence: Vec<Value>, level: &str) -> Value {
    json!({
        "id": "p", "organization": "org-a", "level": level, "enrolled": "2025-06-01",
        "coach": {"id": "co", "organization": "org-a"},
        "mentor": {"id": "me", "organization": "org-b", "appointed_by": "program"},
        "evidence": evidence,
    })
}

/// Up to 24 evidence items.
pub fn evidence_list() -> impl Strategy<Value = Vec<Value>> {
    (0usize..25).prop_flat_map(|n| (0..n).map(evidence).collect::<Vec<_>>())
}
