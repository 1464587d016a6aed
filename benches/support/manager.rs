//! The benchmarks' manager: a participant with `n` evidence items of every kind (catalogue items,
//! projects, coaching, self-study), shared by `benches/evaluate.rs` and `benches/steps.rs`.
#![expect(
    clippy::indexing_slicing,
    reason = "a benchmark fixture with bad data should stop at once"
)]

use competency_rules::Pack;
use serde_json::{Value, json};

/// A manager with `n` evidence items of every kind, built from the pack's own catalogue and matrix.
pub fn manager(pack: &Pack, n: usize) -> Value {
    let doc = pack.document();
    let competencies: Vec<&str> = doc.competency.iter().map(|c| c.id.as_str()).collect();
    let items: Vec<(&str, &str)> = doc
        .catalogue
        .iter()
        .map(|i| (i.id.as_str(), i.kind.as_str()))
        .collect();
    let evidence: Vec<Value> = (0..n)
        .map(|i| {
            let day = format!("2026-{:02}-{:02}", 1 + i % 10, 1 + i % 28);
            let id = format!("e{i}");
            match i % 5 {
                0 | 1 => {
                    let (item, kind) = items[i % items.len()];
                    json!({"id": id, "kind": kind, "item": item, "date": day, "grade": 85, "status": "approved",
                           "assessed_by": {"role": if kind == "designation" { "program_assessor" } else if kind == "internal_training" { "employer" } else { "provider" }}})
                }
                2 => json!({"id": id, "kind": "work_project", "date": day, "status": if i % 4 == 0 { "submitted" } else { "approved" },
                            "assessed_by": {"role": "coach", "id": "c1"},
                            "claims": [{"competency": competencies[i % competencies.len()], "level": "working"},
                                       {"competency": competencies[(i * 7) % competencies.len()], "level": "proficient"}]}),
                3 => json!({"id": id, "kind": "coaching_session", "date": day, "status": "approved", "assessed_by": {"role": "coach", "id": "c1"}}),
                _ => json!({"id": id, "kind": "self_study", "date": day, "status": "approved", "assessed_by": {"role": "coach", "id": "c1"},
                            "claims": [{"competency": competencies[(i * 3) % competencies.len()], "level": "working"}]}),
            }
        })
        .collect();
    json!({"id": "bench", "organization": "org-a", "level": "manager", "enrolled": "2026-01-05",
           "coach": {"id": "c1", "organization": "org-a"},
           "mentor": {"id": "m1", "organization": "org-b", "appointed_by": "association"},
           "evidence": evidence})
}
