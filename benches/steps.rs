//! The JSON → JSON path step by step, for the bench's 80-item manager and a generated cohort
//! participant (about 20 items): the bare `serde_json::Value` parse of the input (the yardstick),
//! reading the participant, evaluating, serializing the report, and the whole path; each as a
//! criterion benchmark (`cargo bench --bench steps`), or, with `STEP=<name> ITER=<n>`, one step run
//! `n` times and nothing else, for `valgrind --tool=callgrind` to count its instructions:
//!
//! ```sh
//! cargo bench --bench steps --no-run   # prints the binary's path
//! STEP=whole ITER=1000 valgrind --tool=callgrind target/release/deps/steps-…
//! ```
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a benchmark with bad fixtures should stop at once"
)]
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

#[path = "support/cohort_gen.rs"]
mod cohort_gen;

use competency_rules::{Date, Pack, Participant, evaluate};
use criterion::{Criterion, criterion_group};
use serde_json::Value;
use std::hint::black_box;

#[path = "support/manager.rs"]
mod manager;
use manager::manager;

/// The steps, by name: each takes the input text and the participant read from it.
type Step = fn(&Pack, &str, &Participant, Date) -> usize;

const STEPS: &[(&str, Step)] = &[
    ("value_parse", |_, t, _, _| {
        serde_json::from_str::<Value>(t)
            .unwrap()
            .as_object()
            .map_or(0, |o| o.len())
    }),
    ("read", |_, t, _, _| {
        Participant::from_json(t).unwrap().evidence.len()
    }),
    ("evaluate", |pack, _, p, d| {
        evaluate(pack, p, d).unwrap().competencies.len()
    }),
    ("compact", |pack, _, p, d| {
        competency_rules::compact::evaluate_compact(pack, p, d)
            .unwrap()
            .competencies
            .met
            .len()
    }),
    ("compact_whole", |pack, t, _, d| {
        let p = Participant::from_json(t).unwrap();
        competency_rules::compact::evaluate_compact(pack, &p, d)
            .unwrap()
            .to_json()
            .len()
    }),
    ("serialize", |pack, _, p, d| {
        // (The report is built once per call here too: subtract `evaluate` to get serializing alone.)
        evaluate(pack, p, d).unwrap().to_json().len()
    }),
    ("whole", |pack, t, _, d| {
        competency_rules::evaluate_json(pack, t, d)
            .unwrap()
            .to_json()
            .len()
    }),
];

fn inputs(pack: &Pack) -> Vec<(&'static str, String)> {
    let material = cohort_gen::Material::of(pack);
    vec![
        ("manager-80", manager(pack, 80).to_string()),
        (
            "cohort-20",
            cohort_gen::participant(&material, 1, 3, 20).to_string(),
        ),
    ]
}

fn benches(c: &mut Criterion) {
    let pack = Pack::hslp().unwrap();
    let as_of: Date = "2026-11-24".parse().unwrap();
    for (name, text) in inputs(&pack) {
        let participant = Participant::from_json(&text).unwrap();
        let mut group = c.benchmark_group(format!("steps/{name}"));
        for (step, run) in STEPS {
            group.bench_function(*step, |b| {
                b.iter(|| run(&pack, black_box(&text), &participant, as_of))
            });
        }
        group.finish();
    }
}

/// `STEP=<name> [ITER=<n>] [INPUT=manager-80|cohort-20]`: one step, `n` times (for callgrind).
fn one_step() -> bool {
    let Ok(step) = std::env::var("STEP") else {
        return false;
    };
    let iterations: usize = std::env::var("ITER").map_or(1000, |n| n.parse().unwrap());
    let input = std::env::var("INPUT").unwrap_or_else(|_| "manager-80".into());
    let pack = Pack::hslp().unwrap();
    let as_of: Date = "2026-11-24".parse().unwrap();
    let (_, text) = inputs(&pack)
        .into_iter()
        .find(|(n, _)| *n == input)
        .unwrap();
    let participant = Participant::from_json(&text).unwrap();
    let (_, run) = STEPS.iter().find(|(n, _)| *n == step).unwrap();
    let mut total = 0;
    for _ in 0..iterations {
        total += run(&pack, black_box(&text), &participant, as_of);
    }
    println!(
        "{step} × {iterations} on {input} ({} bytes): {total}",
        text.len()
    );
    true
}

criterion_group!(all, benches);

fn main() {
    if !one_step() {
        all();
        Criterion::default().configure_from_args().final_summary();
    }
}
