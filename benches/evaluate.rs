//! Benchmarks: compiling the HSLP pack, and evaluating a typical participant (about 80 evidence
//! items) and a larger one, to show that evaluation grows linearly with evidence; and (feature
//! `interop`) xAPI statements read, checked and evaluated, against evaluating their evidence.
#![expect(
    clippy::unwrap_used,
    reason = "a benchmark with bad fixtures should stop at once"
)]
#![cfg_attr(
    feature = "interop",
    expect(
        clippy::indexing_slicing,
        reason = "a benchmark with bad fixtures should stop at once"
    )
)]
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use competency_rules::{Date, Pack, Participant, evaluate};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
#[cfg(feature = "interop")]
use serde_json::{Value, json};
use std::hint::black_box;

#[path = "support/manager.rs"]
mod manager;
use manager::manager as participant;

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

/// An LRS page of `n` statements: completions and passes of the HSLP activities with scores,
/// a few failures, someone else's statements and a voided one, as an LMS would send them.
#[cfg(feature = "interop")]
fn statements(pack: &Pack, n: usize) -> String {
    let activities: Vec<&str> = pack
        .document()
        .catalogue
        .iter()
        .flat_map(|i| i.activities.iter().map(String::as_str))
        .collect();
    let list: Vec<Value> = (0..n)
        .map(|i| {
            let id = format!("00000000-0000-4000-8000-{i:012}");
            let verb = match i % 4 {
                0 => "completed",
                1 => "passed",
                2 => "failed",
                _ => "completed",
            };
            let who = if i % 10 == 9 { "mailto:other@example.org" } else { "mailto:learner@example.org" };
            json!({"id": id, "actor": {"mbox": who},
                   "verb": {"id": format!("http://adlnet.gov/expapi/verbs/{verb}"), "display": {"en-US": verb}},
                   "object": {"id": activities[i % activities.len()], "objectType": "Activity"},
                   "result": {"success": verb != "failed", "completion": true, "score": {"scaled": if verb == "failed" { 0.4 } else { 0.85 }}},
                   "timestamp": format!("2026-{:02}-{:02}T10:00:00Z", 1 + i % 10, 1 + i % 28)})
        })
        .collect();
    json!({"statements": list, "more": ""}).to_string()
}

/// Statements as evidence: reading and checking them, then evaluating, against evaluating the
/// evidence they become.
#[cfg(feature = "interop")]
fn xapi(c: &mut Criterion) {
    use competency_rules::interop::xapi::{add_statements, evaluate_with_statements, read_source};
    let pack = Pack::hslp().unwrap();
    let as_of: Date = "2026-11-24".parse().unwrap();
    let learner = Participant::from_value(
        json!({"id": "x", "organization": "o", "level": "front_line",
        "enrolled": "2026-01-05", "agents": [{"mbox": "mailto:learner@example.org"}]}),
    )
    .unwrap();
    let mut group = c.benchmark_group("xapi");
    for n in [80, 320] {
        let text = statements(&pack, n);
        group.bench_with_input(
            BenchmarkId::new("read+intake+evaluate", n),
            &text,
            |b, t| {
                b.iter(|| {
                    let (received, _) = read_source(black_box(t), "page");
                    evaluate_with_statements(&pack, &learner, received, as_of).unwrap()
                })
            },
        );
        let mut with_evidence = learner.clone();
        add_statements(&pack, &mut with_evidence, read_source(&text, "page").0).unwrap();
        group.bench_with_input(
            BenchmarkId::new("evaluate the same evidence", n),
            &with_evidence,
            |b, p| b.iter(|| evaluate(&pack, black_box(p), as_of).unwrap()),
        );
    }
    group.finish();
}

#[cfg(feature = "interop")]
criterion_group!(all, benches, xapi);
#[cfg(not(feature = "interop"))]
criterion_group!(all, benches);
criterion_main!(all);
