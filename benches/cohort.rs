//! Cohort reports against single-participant evaluation, side by side in one run, on 1,000
//! generated participants (about 20 evidence items each: completions, lapses, some near the next
//! level, evidence problems): the compact form of each participant (the work a cohort needs per
//! participant), the cohort report on the same participants (in full, and aggregate-only with
//! suppression), and the whole path from JSON Lines text (reading included).
//!
//! `cargo bench --bench cohort`; the ratios to the first row are what to compare.
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

use competency_rules::cohort::{Cohort, CohortOptions, cohort};
use competency_rules::compact::evaluate_compact;
use competency_rules::{Date, Pack, Participant};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const COUNT: u64 = 1000;

fn benches(c: &mut Criterion) {
    let pack = Pack::hslp().unwrap();
    let as_of: Date = "2026-11-24".parse().unwrap();
    let material = cohort_gen::Material::of(&pack);
    let lines: Vec<String> = (0..COUNT)
        .map(|i| cohort_gen::participant(&material, 1, i, 20).to_string())
        .collect();
    let text = lines.join("\n");
    let participants: Vec<Participant> = lines
        .iter()
        .map(|l| Participant::from_json(l).unwrap())
        .collect();
    let mut aggregate = CohortOptions::default();
    aggregate.aggregate_only = true;
    let mut group = c.benchmark_group("cohort/1000");
    group.sample_size(10);
    group.bench_function("compact each participant", |b| {
        b.iter(|| {
            participants
                .iter()
                .map(|p| evaluate_compact(&pack, p, as_of).unwrap().findings)
                .sum::<usize>()
        })
    });
    group.bench_function("cohort report", |b| {
        b.iter(|| {
            cohort(
                &pack,
                black_box(&participants),
                as_of,
                &CohortOptions::default(),
            )
        })
    });
    group.bench_function("cohort report, aggregate only", |b| {
        b.iter(|| cohort(&pack, black_box(&participants), as_of, &aggregate))
    });
    group.bench_function("cohort report from JSON Lines, one thread", |b| {
        b.iter(|| {
            let mut cohort = Cohort::new(&pack, as_of, CohortOptions::default());
            cohort
                .add_stream(black_box(text.as_bytes()), None, 1)
                .unwrap();
            cohort.finish()
        })
    });
    group.finish();
}

criterion_group!(all, benches);
criterion_main!(all);
