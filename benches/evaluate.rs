//! Benchmarks: compiling the HSLP pack, and evaluating a typical participant (about 80 evidence
//! items) and a larger one, to show that evaluation grows linearly with evidence.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a benchmark with bad fixtures should stop at once"
)]
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use competency_rules::{Date, Pack, Participant, evaluate};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use std::hint::black_box;

/// A participant with `n` evidence items of every kind, built from the pack's own catalogue and matrix.
fn participant(pack: &Pack, n: usize) -> Value {
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

/// Compile once; evaluate participants of growing size.
fn benches(c: &mut Criterion) {
    c.bench_function("compile hslp pack", |b| b.iter(|| Pack::hslp().unwrap()));
    let pack = Pack::hslp().unwrap();
    let as_of: Date = "2026-11-24".parse().unwrap();
    let mut group = c.benchmark_group("evaluate");
    for n in [20, 80, 320] {
        let doc = participant(&pack, n);
        let parsed = Participant::from_value(doc.clone()).unwrap();
        group.bench_with_input(BenchmarkId::new("evaluate", n), &parsed, |b, p| {
            b.iter(|| evaluate(&pack, black_box(p), as_of).unwrap())
        });
        let text = doc.to_string();
        group.bench_with_input(
            BenchmarkId::new("parse+evaluate+serialize", n),
            &text,
            |b, t| {
                b.iter(|| {
                    competency_rules::evaluate_json(&pack, black_box(t), as_of)
                        .unwrap()
                        .to_json()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(all, benches);
criterion_main!(all);
