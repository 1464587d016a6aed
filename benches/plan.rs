//! Benchmarks of the learning-path planner (feature `planning`): plans for the HSLP examples,
//! and a worst case built for it: a framework of 60 competencies required at the participant's
//! level and 300 catalogue items each granting two to four of them (an exact set cover with many
//! near-equal choices), for a participant with no evidence. Run with `cargo bench --bench plan`.
#![expect(
    clippy::unwrap_used,
    reason = "a benchmark with bad fixtures should stop at once"
)]
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use competency_rules::plan::{PlanOptions, Target, plan};
use competency_rules::{Date, Pack, Participant};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use std::hint::black_box;

fn text(s: &str) -> Value {
    json!({ "en": s, "fr": s })
}

/// The worst case: `competencies` required at `staff`, `items` catalogue items granting 2–4 of
/// them each (a fixed pseudo-random choice), and a work-project kind so every competency can be
/// shown some way.
pub fn worst_case_pack(competencies: usize, items: usize) -> Pack {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let competency: Vec<Value> = (0..competencies)
        .map(|c| {
            json!({ "id": format!("c{c}"), "name": text(&format!("c{c}")), "description": text("d"),
                         "expected": { "staff": "working", "lead": "advanced" } })
        })
        .collect();
    let catalogue: Vec<Value> = (0..items)
        .map(|i| {
            let n = 2 + next(3);
            let grants: Vec<Value> = (0..n)
                .map(|_| json!({ "competency": format!("c{}", next(competencies)), "level": if next(4) == 0 { "advanced" } else { "working" } }))
                .collect();
            json!({ "id": format!("i{i}"), "kind": "course", "name": text(&format!("i{i}")), "hours": 1 + next(40), "grants": grants })
        })
        .collect();
    let levels: Vec<Value> = ["awareness", "working", "advanced"]
        .iter()
        .map(|l| json!({ "id": l, "name": text(l) }))
        .collect();
    let doc = json!({
        "format": "competency-rules/pack@1",
        "program": { "id": "worst", "version": "1.0.0", "languages": ["en", "fr"], "name": text("Worst case") },
        "scale": { "id": "s", "name": text("Scale"), "level": levels },
        "level": [{ "id": "staff", "name": text("Staff") }, { "id": "lead", "name": text("Lead") }],
        "competency": competency,
        "evidence_kind": [
            { "id": "course", "name": text("course"), "counts_as": "catalogue_item", "assessors": ["provider"] },
            { "id": "project", "name": text("project"), "counts_as": "competency_claims", "assessors": ["program_assessor"] },
        ],
        "catalogue": catalogue,
        "completion": [{ "level": "staff" }, { "level": "lead" }],
        "progression": { "next_level_percent": 75, "requires_completion": false },
        "precedence": { "assessor_override": "highest_wins" },
    });
    Pack::from_json(&doc.to_string()).unwrap()
}

fn example(name: &str) -> Participant {
    let path = format!("{}/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    Participant::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn options(target: Target, budget_ms: f64) -> PlanOptions {
    let mut options = PlanOptions::default();
    options.target = target;
    options.budget_ms = budget_ms;
    options
}

fn benches(c: &mut Criterion) {
    let as_of: Date = "2026-11-24".parse().unwrap();
    let hslp = Pack::hslp().unwrap();
    let mut group = c.benchmark_group("plan hslp");
    for (name, target) in [
        ("01-new-enrolee", Target::Current),
        ("02-in-progress-supervisor", Target::Current),
        ("07-override-manager", Target::Next),
    ] {
        let participant = example(name);
        let options = options(target, f64::INFINITY);
        let found = plan(&hslp, &participant, as_of, &options).unwrap();
        eprintln!(
            "{name}: {} items, optimal {}, {} nodes",
            found.items.len(),
            found.optimal,
            found.nodes
        );
        group.bench_function(name, |b| {
            b.iter(|| plan(&hslp, black_box(&participant), as_of, &options).unwrap())
        });
    }
    group.finish();

    let worst = worst_case_pack(60, 300);
    let nobody = Participant::from_json(
        r#"{"id": "w", "organization": "o", "level": "staff", "enrolled": "2026-01-01"}"#,
    )
    .unwrap();
    let mut group = c.benchmark_group("plan worst case (60 competencies, 300 items)");
    group.sample_size(10);
    for (label, target) in [("current", Target::Current), ("next", Target::Next)] {
        // How far the search gets in a page's budget (50 ms), and how long a proof takes.
        let quick = plan(&worst, &nobody, as_of, &options(target.clone(), 50.0)).unwrap();
        let start = std::time::Instant::now();
        let full = plan(&worst, &nobody, as_of, &options(target.clone(), 10_000.0)).unwrap();
        eprintln!(
            "worst {label}: in 50 ms {} items (optimal {}, lower bound {}); in 10 s {} items (optimal {}) in {:?}, {} nodes",
            quick.items.len(),
            quick.optimal,
            quick.lower_bound.0 / 100,
            full.items.len(),
            full.optimal,
            start.elapsed(),
            full.nodes
        );
        let budget = options(target, 50.0);
        group.bench_function(format!("{label}, 50 ms budget"), |b| {
            b.iter(|| plan(&worst, black_box(&nobody), as_of, &budget).unwrap())
        });
    }
    group.finish();
}

criterion_group!(plan_benches, benches);
criterion_main!(plan_benches);
